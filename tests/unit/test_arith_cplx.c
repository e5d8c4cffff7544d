/* test_arith_cplx.c — kern/arith_cplx.c's complex multiply gives NumPy
 * 1.24's bits on both of its paths: the SIMD one (plain products) and the
 * other one (vfmaddsub for complex128, another NaN order for complex64),
 * and nd_apply picks the path NumPy's trivial loop or buffered iterator
 * would (ops/iter.c, nd__loopn_np).  Expected bits from NumPy 1.24.2 runs
 * (the snippet above each table; mk and mk64 below build the same data). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

typedef struct {
    int64_t i;         /* flat C-order index into the result */
    uint64_t re, im;   /* NumPy's bits */
} expect;

/* bcast_rows: r = mk((2,64),0) * mk((2,1),1) */
static const expect bcast_rows[] = {
    {2, 0xbfe2121f33ee17f0u, 0x3fe9693ce24978afu}, {32, 0xc00d6fbe18ff605bu, 0x3fff716912d4726cu},
    {52, 0xc00b8f9b517db1d1u, 0x400c9e9b32936504u}, {86, 0xbfe3a6f3a22801c8u, 0x40261303c1fc9762u},
    {123, 0xbffa31d597eb1ef0u, 0x401b6eb32e780b02u},
};
/* bcast_1x1: r = mk((9,4),0) * mk((1,1),1) */
static const expect bcast_1x1[] = {
    {2, 0xbfe2121f33ee17efu, 0x3fe9693ce24978afu}, {17, 0xc01433bd6b464695u, 0x400142f6498db4e3u},
    {21, 0xbfba5bfa888af951u, 0x40005cfa99790213u}, {25, 0xbff031e93234acd4u, 0x400be9e7ba8321a9u},
    {34, 0xc01089643db52fd5u, 0x40057f2b19ef4901u},
};
/* outer3d: r = mk((5,9,1),0) * mk((1,9,4),1) */
static const expect outer3d[] = {
    {3, 0xbfd71248acb347d8u, 0x3fe0f0d341865074u}, {29, 0xc036e1ab9ae5b613u, 0x4036257ed6fe412du},
    {74, 0xc02ce57ed6e9878cu, 0x402ddef09eb03980u}, {143, 0xc05168976e9a7f77u, 0x404d15b4649e1d0au},
    {177, 0xc037b127cc16f097u, 0x4024f38925e2b7deu},
};
/* chunks: r = mk((3,6000),0) * mk((3,1),1) */
static const expect chunks[] = {
    {2, 0xbfe2121f33ee17f0u, 0x3fe9693ce24978afu}, {5523, 0xc00a82720135567fu, 0x401142f6498db4e4u},
    {9709, 0xbff439cef5d4b698u, 0x40258b7d27f064deu}, {13854, 0xbfed51c90ef6e3beu, 0x401054c3e57844d5u},
    {16381, 0xc011013e783993c0u, 0x4021f38e679d999eu}, {16383, 0xc01379fe00b8d56au, 0x4027e3167c265ba0u},
    {16384, 0xc014b65dc4f8763eu, 0x402adada866abca1u}, {16388, 0xc019a7dcd5f6f98cu, 0x40335cf557be2053u},
    {17996, 0xc02263f718734081u, 0x40266d5d7e04b90fu},
};
/* big_inner: r = mk((2,10000),0) * mk((2,1),1) */
static const expect big_inner[] = {
    {2, 0xbfe2121f33ee17efu, 0x3fe9693ce24978afu}, {5957, 0x3fdd1986b6d3c3a2u, 0x400d42e142a22de0u},
    {11319, 0xc009422df45cd4cfu, 0x401d534eaaa3a85du}, {15662, 0xbff96637bd5260ddu, 0x4019924e664d2ae6u},
    {16383, 0xc00d4ebb7b21bc96u, 0x401d3aaa8ea170a3u}, {16386, 0xc011df1148d86f46u, 0x4024263191d03cc9u},
    {16388, 0xc0140433a5b2cfedu, 0x4027d6c46e253fc3u}, {19999, 0xc0243ea6ca84ec08u, 0x401bb068ce7df4f5u},
};
/* inplace: r = mk((3,4),0); r *= mk((1,4),1) */
static const expect inplace[] = {
    {2, 0xbfeca36660f6836fu, 0x400ac2366a6884e6u}, {3, 0xbff68ebe6405a1e9u, 0x401aa9924e664d2cu},
    {4, 0xbff04f245ecd0a97u, 0x3ff8418b922edbedu}, {7, 0xc00678d202935b93u, 0x402db1c3c0ac28a9u},
};
/* strided2d: r = mk((4,10),0)[:, :8:2] * mk((4,10),1)[:, :8:2] */
static const expect strided2d[] = {
    {1, 0xbfeca36660f68370u, 0x400ac2366a6884e6u}, {3, 0xc00b8e4e0b0ced40u, 0x40375d9d8f1a586cu},
    {5, 0xc0236fd4bc7a26fcu, 0x4055c57f7f359d66u}, {12, 0xc043056d7ac31f9au, 0x40213288e18c3a66u},
    {13, 0xc0493793182c715cu, 0x40390ee326415702u},
};
/* strided2d_uniform: r = mk((4,10),0)[:, ::2] * mk((4,10),1)[:, ::2] */
static const expect strided2d_uniform[] = {
    {1, 0xbfeca36660f6836fu, 0x400ac2366a6884e6u}, {4, 0xc014d63328178fbau, 0x40440e944c4e1cb6u},
    {7, 0xc028ed09d39ff98au, 0x405d53d215e3b431u}, {14, 0x403787a8bc632a54u, 0x4051fe5633de9200u},
    {16, 0xc0493793182c715cu, 0x40390ee326415701u},
};
/* strided1d: r = mk((20,),0)[::2] * mk((20,),1)[::2] */
static const expect strided1d[] = {
    {1, 0xbfeca36660f6836fu, 0x400ac2366a6884e6u}, {3, 0xc00b8e4e0b0ced3fu, 0x40375d9d8f1a586bu},
    {5, 0xc01d33b3f93c2cccu, 0x404ead4f0942cc3du}, {7, 0xc028ed09d39ff98au, 0x405d53d215e3b431u},
    {9, 0xc059735dc7db1e4cu, 0x4043de52eac9c4e7u},
};
/* out2d: r = np.zeros((3,8), complex)[:, ::2]; np.multiply(mk((3,4),0), mk((3,4),1), out=r) */
static const expect out2d[] = {
    {2, 0xbfeca36660f6836fu, 0x400ac2366a6884e6u}, {5, 0xc0057a196b6a7727u, 0x4030ad0ff4803733u},
    {7, 0xc01124de80fc92abu, 0x403f2da5c5ce5929u}, {9, 0xc018db24fad76dc5u, 0x4049161303c1fc98u},
    {11, 0xc020eff011a2e670u, 0x40526a242e6845d1u},
};
/* out1d: r = np.zeros(16, complex)[::2]; np.multiply(mk((8,),0), mk((8,),1), out=r) */
static const expect out1d[] = {
    {2, 0xbfeca36660f6836fu, 0x400ac2366a6884e6u}, {3, 0xbff68ebe6405a1e9u, 0x401aa9924e664d2cu},
    {5, 0xc0057a196b6a7727u, 0x4030ad0ff4803733u}, {6, 0xc00b8e4e0b0ced3fu, 0x40375d9d8f1a586bu},
    {7, 0xc01124de80fc92abu, 0x403f2da5c5ce5929u},
};
/* zerod_strided: r = mk((3,8),0)[:, :6:2] * np.array(0.3+0.7j) */
static const expect zerod_strided[] = {
    {1, 0xbfe3070b11647950u, 0x3ff297aa69d55475u}, {2, 0xbff0ea95339a3b82u, 0x4001a7fd8930662eu},
    {5, 0xc0074369ef9d1b74u, 0x40198c4f6d23aafeu}, {7, 0xc01a07c30df156acu, 0x4011721bcda66e06u},
    {8, 0x3fdf716912d47269u, 0x4001ab469dfd7eacu},
};
/* zerod_contig: r = mk((3,4),0) * np.array(0.3+0.7j) */
static const expect zerod_contig[] = {
    {2, 0xbfe3070b11647951u, 0x3ff297aa69d55475u}, {4, 0xbff0ea95339a3b83u, 0x4001a7fd8930662eu},
    {5, 0xbff49e1d090e3aefu, 0x4005d611b3534428u}, {6, 0xbff851a4de823a5bu, 0x400a0425dd762220u},
    {11, 0xc00569a604e31bbdu, 0x4017754558123c00u},
};
/* c64_bcast: r = mk64((4,10),False) * mk64((1,10),True) */
static const uint64_t c64_bcast[] = {0x7fc000007fc00000u, 0x7fc000007fc00000u};
/* c64_bcast1: r = mk64((4,10),False) * mk64((1,1),True) */
static const uint64_t c64_bcast1[] = {0xffc000007fc00000u, 0xffc000007fc00000u};
/* c64_strided2d: r = mk64((4,10),False)[:, :8:2] * mk64((4,10),True)[:, :8:2] */
static const uint64_t c64_strided2d[] = {0x7fc000007fc00000u, 0x7fc000007fc00000u};

/* NumPy: i = np.arange(n); x = np.empty(n, complex);
 * x.real = ((i*7+k)%101+1)/13.7; x.imag = ((i*5+3*k)%97+2)/9.1 */
static nd_array *mk(int nd, const int64_t *shape, int k) {
    int64_t n = 1;
    for (int d = 0; d < nd; d++) n *= shape[d];
    double *v = malloc((size_t)(2 * n) * sizeof *v);
    assert_non_null(v);
    for (int64_t i = 0; i < n; i++) {
        v[2 * i] = (double)((i * 7 + k) % 101 + 1) / 13.7;
        v[2 * i + 1] = (double)((i * 5 + 3 * k) % 97 + 2) / 9.1;
    }
    nd_array *a = nd_from_data(nd, shape, nd_dtype_of(ND_COMPLEX128), v);
    free(v);
    assert_non_null(a);
    return a;
}

/* complex64: real ((i*7+3)%101+1)/13.7, imag nan (-nan when neg). */
static nd_array *mk64(int nd, const int64_t *shape, bool neg) {
    int64_t n = 1;
    for (int d = 0; d < nd; d++) n *= shape[d];
    float *v = malloc((size_t)(2 * n) * sizeof *v);
    assert_non_null(v);
    for (int64_t i = 0; i < n; i++) {
        v[2 * i] = (float)((double)((i * 7 + 3) % 101 + 1) / 13.7);
        v[2 * i + 1] = neg ? -NAN : NAN;
    }
    nd_array *a = nd_from_data(nd, shape, nd_dtype_of(ND_COMPLEX64), v);
    free(v);
    assert_non_null(a);
    return a;
}

/* a[idx], releasing a. */
static nd_array *sub(nd_array *a, int n, const nd_idx *idx) {
    nd_array *v = nd_subscript(a, n, idx);
    assert_non_null(v);
    nd_release(a);
    return v;
}

/* np.multiply(a, b, out=out), releasing a and b (out borrowed). */
static nd_array *mul(nd_array *a, nd_array *b, nd_array *out) {
    nd_array *r = nd_apply(ND_MULTIPLY, a, b, out);
    assert_non_null(r);
    nd_release(a);
    nd_release(b);
    return r;
}

static void check_bits(nd_array *r, const expect *e, size_t ne) {
    size_t len = 0;
    uint64_t *b = (uint64_t *)nd_tobytes(r, 'C', &len);
    assert_non_null(b);
    for (size_t k = 0; k < ne; k++) {
        assert_true((size_t)(2 * e[k].i + 1) * 8 < len);
        assert_int_equal(b[2 * e[k].i], e[k].re);
        assert_int_equal(b[2 * e[k].i + 1], e[k].im);
    }
    nd_free(b);
    nd_release(r);
}
#define CHECK(r, e) check_bits((r), (e), sizeof(e) / sizeof((e)[0]))
#define SH(...) ((int64_t[]){__VA_ARGS__})

static void hex_of(const nd_array *r, char *out) {
    size_t len = 0;
    unsigned char *b = (unsigned char *)nd_tobytes(r, 'C', &len);
    assert_non_null(b);
    for (size_t i = 0; i < len; i++) sprintf(out + 2 * i, "%02x", b[i]);
    nd_free(b);
}

/* x = (nan, -nan), (nan, 0), (1.5, nan); y = (nan, -nan), (-inf, 0), (-nan, nan) */
static void check(nd_type t, const char *contig, const char *strided) {
    double nan = NAN, x[6] = {nan, -nan, nan, 0.0, 1.5, nan}, y[6] = {nan, -nan, -INFINITY, 0.0, -nan, nan};
    int64_t three = 3;
    nd_array *xd = nd_from_data(1, &three, nd_dtype_of(ND_COMPLEX128), x);
    nd_array *yd = nd_from_data(1, &three, nd_dtype_of(ND_COMPLEX128), y);
    nd_array *xa = nd_astype(xd, nd_dtype_of(t), 'C', ND_CAST_UNSAFE, true);
    nd_array *ya = nd_astype(yd, nd_dtype_of(t), 'C', ND_CAST_UNSAFE, true);
    nd_array *x2 = nd_repeat_n(xa, 2, 0), *y2 = nd_repeat_n(ya, 2, 0);
    assert_non_null(x2);
    assert_non_null(y2);
    nd_array *xs = nd_subscript(x2, 1, &ND_S(ND_NONE, ND_NONE, 2));
    nd_array *ys = nd_subscript(y2, 1, &ND_S(ND_NONE, ND_NONE, 2));
    char got[200];
    nd_array *r = nd_apply(ND_MULTIPLY, xa, ya, NULL);
    assert_non_null(r);
    hex_of(r, got);
    assert_string_equal(got, contig);
    nd_release(r);
    r = nd_apply(ND_MULTIPLY, xs, ys, NULL);
    assert_non_null(r);
    hex_of(r, got);
    assert_string_equal(got, strided);
    nd_release(r);
    nd_array *rel[] = {xs, ys, x2, y2, xa, ya, xd, yd};
    for (size_t k = 0; k < sizeof rel / sizeof rel[0]; k++) nd_release(rel[k]);
}

static void test_multiply_nan_bits(void **state) {
    (void)state;
    check(ND_COMPLEX128,
          "000000000000f87f000000000000f8ff000000000000f87f000000000000f8ff000000000000f8ff000000000000f87f",
          "000000000000f87f000000000000f87f000000000000f87f000000000000f87f000000000000f8ff000000000000f87f");
    check(ND_COMPLEX64, "0000c07f0000c0ff0000c07f0000c0ff0000c0ff0000c07f",
          "0000c07f0000c07f0000c07f0000c07f0000c0ff0000c07f");
}

/* Broadcasts NumPy's buffered iterator copies into buffers take the SIMD
 * path; those one stride covers (or that coalesce to 1-d) do not. */
static void test_multiply_broadcast_paths(void **state) {
    (void)state;
    CHECK(mul(mk(2, SH(2, 64), 0), mk(2, SH(2, 1), 1), NULL), bcast_rows);
    CHECK(mul(mk(2, SH(9, 4), 0), mk(2, SH(1, 1), 1), NULL), bcast_1x1);
    CHECK(mul(mk(3, SH(5, 9, 1), 0), mk(3, SH(1, 9, 4), 1), NULL), outer3d);
}

/* Chunks of 8192: buffered ones (SIMD) until the rest fits in one row,
 * which runs unbuffered (FMA); a row of 8192 or more never buffers. */
static void test_multiply_chunks(void **state) {
    (void)state;
    CHECK(mul(mk(2, SH(3, 6000), 0), mk(2, SH(3, 1), 1), NULL), chunks);
    CHECK(mul(mk(2, SH(2, 10000), 0), mk(2, SH(2, 1), 1), NULL), big_inner);
}

static void test_multiply_strided_and_out(void **state) {
    (void)state;
    nd_idx half2[2] = {ND_ALL, ND_S(ND_NONE, 8, 2)}, every2[2] = {ND_ALL, ND_S(ND_NONE, ND_NONE, 2)};
    nd_idx step2 = ND_S(ND_NONE, ND_NONE, 2);
    CHECK(mul(sub(mk(2, SH(4, 10), 0), 2, half2), sub(mk(2, SH(4, 10), 1), 2, half2), NULL), strided2d);
    CHECK(mul(sub(mk(2, SH(4, 10), 0), 2, every2), sub(mk(2, SH(4, 10), 1), 2, every2), NULL), strided2d_uniform);
    CHECK(mul(sub(mk(1, SH(20), 0), 1, &step2), sub(mk(1, SH(20), 1), 1, &step2), NULL), strided1d);
    nd_array *o = sub(nd_zeros(2, SH(3, 8), nd_dtype_of(ND_COMPLEX128), 'C'), 2, every2);
    nd_release(mul(mk(2, SH(3, 4), 0), mk(2, SH(3, 4), 1), o));
    CHECK(o, out2d);
    o = sub(nd_zeros(1, SH(16), nd_dtype_of(ND_COMPLEX128), 'C'), 1, &step2);
    nd_release(mul(mk(1, SH(8), 0), mk(1, SH(8), 1), o));
    CHECK(o, out1d);
    /* in place: input and output at one address never take the SIMD path */
    nd_array *x = mk(2, SH(3, 4), 0);
    nd_release(mul(nd_retain(x), mk(2, SH(1, 4), 1), x));
    CHECK(x, inplace);
}

static void test_multiply_zero_d(void **state) {
    (void)state;
    nd_idx part2[2] = {ND_ALL, ND_S(ND_NONE, 6, 2)};
    double z[2] = {0.3, 0.7};
    nd_array *s = nd_from_data(0, NULL, nd_dtype_of(ND_COMPLEX128), z);
    assert_non_null(s);
    CHECK(mul(sub(mk(2, SH(3, 8), 0), 2, part2), nd_retain(s), NULL), zerod_strided);
    CHECK(mul(mk(2, SH(3, 4), 0), nd_retain(s), NULL), zerod_contig);
    nd_release(s);
}

/* complex64's paths differ in the imaginary sum's order: NaN signs. */
static void test_multiply_c64_paths(void **state) {
    (void)state;
    nd_idx half2[2] = {ND_ALL, ND_S(ND_NONE, 8, 2)};
    const uint64_t *want[3] = {c64_bcast, c64_bcast1, c64_strided2d};
    nd_array *r[3] = {
        mul(mk64(2, SH(4, 10), false), mk64(2, SH(1, 10), true), NULL),
        mul(mk64(2, SH(4, 10), false), mk64(2, SH(1, 1), true), NULL),
        mul(sub(mk64(2, SH(4, 10), false), 2, half2), sub(mk64(2, SH(4, 10), true), 2, half2), NULL),
    };
    for (int k = 0; k < 3; k++) {
        size_t len = 0;
        uint64_t *b = (uint64_t *)nd_tobytes(r[k], 'C', &len);
        assert_non_null(b);
        assert_int_equal(b[0], want[k][0]);
        assert_int_equal(b[len / 8 - 1], want[k][1]);
        nd_free(b);
        nd_release(r[k]);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_multiply_nan_bits),        cmocka_unit_test(test_multiply_broadcast_paths),
        cmocka_unit_test(test_multiply_chunks),          cmocka_unit_test(test_multiply_strided_and_out),
        cmocka_unit_test(test_multiply_zero_d),          cmocka_unit_test(test_multiply_c64_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
