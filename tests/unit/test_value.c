/* test_value.c — element loads/stores, nd_value_cast and float16 routines
 * (kern/value.c) against NumPy 1.24's cast results (cast_cases.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cast_cases.h"
#include "nd_internal.h"

#define NT ND_NTYPES

static const nd_dtype *dt_of(int t, bool swapped) { return nd__dtype_builtin((nd_type)t, swapped); }
static int64_t isz(int t) { return nd_dtype_itemsize(dt_of(t, false)); }

static size_t unhex(const char *h, unsigned char *out) {
    size_t n = strlen(h) / 2;
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        out[i] = (unsigned char)v;
    }
    return n;
}

typedef struct {
    unsigned char src[2048], dst[NT][2048];
    int n;
} probes;

/* NumPy's casts of one element at a time: what a single value gets. */
static void get_probes(int f, probes *p) {
    unhex(tc_probe_src[f], p->src);
    for (int t = 0; t < NT; t++) unhex(tc_probe_one[f][t], p->dst[t]);
    p->n = tc_probe_count[f];
}

static void swap_elem(unsigned char *p, int t) {
    int64_t sz = isz(t), unit = t >= ND_COMPLEX64 ? sz / 2 : sz;
    for (int64_t i = 0; i < sz; i += unit)
        for (int64_t a = i, b = i + unit - 1; a < b; a++, b--) {
            unsigned char x = p[a];
            p[a] = p[b];
            p[b] = x;
        }
}

/* nd_value_cast of every probe to every type gives NumPy's bytes. */
static void test_value_cast_probes(void **state) {
    (void)state;
    int bad = 0;
    static probes p;
    for (int f = 0; f < NT; f++) {
        get_probes(f, &p);
        for (int k = 0; k < p.n; k++) {
            nd_value v = nd__load(dt_of(f, false), p.src + k * isz(f));
            assert_int_equal(v.type, f);
            for (int t = 0; t < NT; t++) {
                nd_value r = nd_value_cast(v, (nd_type)t);
                assert_int_equal(r.type, t);
                unsigned char got[16];
                nd__store(dt_of(t, false), got, r); /* same type: stored exactly */
                if (f == t && f == ND_BOOL) continue;
                if (memcmp(got, p.dst[t] + k * isz(t), (size_t)isz(t))) {
                    print_error("nd_value_cast %s->%s probe %d differs from NumPy\n", tc_type_name[f],
                                tc_type_name[t], k);
                    bad++;
                }
            }
        }
    }
    assert_int_equal(bad, 0);
}

/* nd__store casts a value of one type into any dtype, any byte order, any
 * alignment; nd__load reads it back from any of them. */
static void test_store_load_probes(void **state) {
    (void)state;
    int bad = 0;
    static probes p;
    for (int f = 0; f < NT; f++) {
        get_probes(f, &p);
        for (int k = 0; k < p.n; k++) {
            nd_value v = nd__load(dt_of(f, false), p.src + k * isz(f));
            for (int t = 0; t < NT; t++) {
                if (f == t && f == ND_BOOL) continue;
                for (int sw = 0; sw < 2; sw++) {
                    unsigned char buf[24], want[16];
                    memcpy(want, p.dst[t] + k * isz(t), (size_t)isz(t));
                    nd__store(dt_of(t, sw), buf + 3, v);
                    if (sw && isz(t) > 1) swap_elem(buf + 3, t);
                    if (memcmp(buf + 3, want, (size_t)isz(t))) {
                        print_error("nd__store %s->%s%s probe %d differs\n", tc_type_name[f], sw ? ">" : "",
                                    tc_type_name[t], k);
                        bad++;
                    }
                    /* load back from the swapped, misaligned copy */
                    if (sw && isz(t) > 1) swap_elem(buf + 3, t);
                    nd_value a = nd__load(dt_of(t, sw), buf + 3), b = nd__load(dt_of(t, false), want);
                    unsigned char x[16], y[16];
                    nd__store(dt_of(t, false), x, a);
                    nd__store(dt_of(t, false), y, b);
                    if (memcmp(x, y, (size_t)isz(t))) bad++;
                }
            }
        }
    }
    assert_int_equal(bad, 0);
}

/* A load/store round trip keeps every bit, NaN payloads included (a
 * signalling float32 NaN must not come back quieted). */
static void test_roundtrip_bits(void **state) {
    (void)state;
    static probes p;
    for (int f = 0; f < NT; f++) {
        get_probes(f, &p);
        for (int k = 0; k < p.n; k++) {
            unsigned char out[16];
            nd__store(dt_of(f, false), out, nd__load(dt_of(f, false), p.src + k * isz(f)));
            assert_memory_equal(out, p.src + k * isz(f), (size_t)isz(f));
        }
    }
    for (uint32_t h = 0; h < 65536; h++) {
        uint16_t in = (uint16_t)h, out;
        nd__store(dt_of(ND_FLOAT16, false), &out, nd__load(dt_of(ND_FLOAT16, false), &in));
        assert_int_equal(in, out);
        assert_int_equal(nd__float_to_half(nd__half_to_float(in)), in);
        assert_int_equal(nd__double_to_half(nd__half_to_double(in)), in);
    }
    for (uint32_t s = 0; s < 2; s++) /* float32 NaNs and infinities, every payload bit */
        for (int b = -1; b < 23; b++) {
            uint32_t u = (s << 31) | 0x7f800000u | (b < 0 ? 0 : 1u << b), r;
            nd__store(dt_of(ND_FLOAT32, false), &r, nd__load(dt_of(ND_FLOAT32, false), &u));
            assert_int_equal(u, r);
            uint32_t c[2] = {u, u ^ 0x80000000u}, rc[2];
            nd__store(dt_of(ND_COMPLEX64, false), rc, nd__load(dt_of(ND_COMPLEX64, false), c));
            assert_memory_equal(c, rc, 8);
        }
}

/* The float16 routines alone, against NumPy's float32/64 <-> float16 casts. */
static void test_half_routines(void **state) {
    (void)state;
    static probes p;
    get_probes(ND_FLOAT32, &p);
    for (int k = 0; k < p.n; k++) {
        float x;
        uint16_t want;
        memcpy(&x, p.src + 4 * k, 4);
        memcpy(&want, p.dst[ND_FLOAT16] + 2 * k, 2);
        assert_int_equal(nd__float_to_half(x), want);
    }
    get_probes(ND_FLOAT64, &p);
    for (int k = 0; k < p.n; k++) {
        double x;
        uint16_t want;
        memcpy(&x, p.src + 8 * k, 8);
        memcpy(&want, p.dst[ND_FLOAT16] + 2 * k, 2);
        assert_int_equal(nd__double_to_half(x), want);
    }
    get_probes(ND_FLOAT16, &p);
    for (int k = 0; k < p.n; k++) {
        uint16_t h;
        memcpy(&h, p.src + 2 * k, 2);
        float f = nd__half_to_float(h);
        double d = nd__half_to_double(h);
        assert_memory_equal(&f, p.dst[ND_FLOAT32] + 4 * k, 4);
        assert_memory_equal(&d, p.dst[ND_FLOAT64] + 8 * k, 8);
    }
}

/* Index of the first float64 probe satisfying pred. */
static int find_f64(bool (*pred)(double)) {
    static probes p;
    get_probes(ND_FLOAT64, &p);
    for (int k = 0; k < p.n; k++) {
        double x;
        memcpy(&x, p.src + 8 * k, 8);
        if (pred(x)) return k;
    }
    fail_msg("no such probe");
    return -1;
}
static bool is_nan(double x) { return isnan(x); }
static bool is_big(double x) { return x == 1e20; }

/* The cases people ask about, spelled out (expected bytes still NumPy's). */
static void test_value_cast_examples(void **state) {
    (void)state;
    static probes p;
    get_probes(ND_FLOAT64, &p);
    int kn = find_f64(is_nan), kb = find_f64(is_big);
    static const nd_type ints[] = {ND_INT8, ND_UINT8, ND_INT16, ND_UINT16, ND_INT32, ND_UINT32, ND_INT64, ND_UINT64};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        nd_type t = ints[i];
        unsigned char got[8];
        nd__store(dt_of(t, false), got, nd_value_cast(ND_F64(NAN), t));
        assert_memory_equal(got, p.dst[t] + kn * isz(t), (size_t)isz(t));
        nd__store(dt_of(t, false), got, nd_value_cast(ND_F64(1e20), t));
        assert_memory_equal(got, p.dst[t] + kb * isz(t), (size_t)isz(t));
    }
    /* complex -> real drops the imaginary part; -> bool looks at both */
    assert_true(nd_value_cast(ND_C128(1.5, 2.0), ND_FLOAT64).f == 1.5);
    assert_true(nd_value_cast(ND_C128(0.0, 2.0), ND_BOOL).b);
    assert_false(nd_value_cast(ND_C128(0.0, -0.0), ND_BOOL).b);
    assert_true(nd_value_cast(ND_F64(NAN), ND_BOOL).b);
    assert_int_equal(nd_value_cast(ND_BOOLV(true), ND_INT32).i, 1);
    assert_int_equal(nd_value_cast(ND_I64(-1), ND_UINT8).u, 255);
    assert_int_equal(nd_value_cast(ND_U64(UINT64_MAX), ND_INT64).i, -1);
    assert_true(nd_value_cast(ND_I64(3), ND_COMPLEX64).c[0] == 3.0 && nd_value_cast(ND_I64(3), ND_COMPLEX64).c[1] == 0);
    /* uint64 -> float32 rounds once, not through float64 */
    uint64_t big = (1ull << 62) + (1ull << 38) + 1;
    assert_true(nd_value_cast(ND_U64(big), ND_FLOAT32).f == (double)(float)big);
    assert_true(nd_value_cast(ND_U64(big), ND_FLOAT32).f != (double)(float)(double)big);
}

static void test_value_cast_edges(void **state) {
    (void)state;
    nd_value v = ND_I64(7);
    nd_value same = nd_value_cast(v, ND_INT64);
    assert_int_equal(same.type, ND_INT64);
    assert_int_equal(same.i, 7);
    nd_value bad = nd_value_cast(v, (nd_type)99);
    assert_int_equal(bad.type, 99);
    nd_value from_bad = nd_value_cast((nd_value){.type = (nd_type)-1, .i = 5}, ND_INT32);
    assert_int_equal(from_bad.type, ND_INT32);
    assert_int_equal(from_bad.i, 0);
    /* float16-tagged values hold the widened half: casting it back is exact */
    nd_value h = nd_value_cast(ND_F64(0.1), ND_FLOAT16);
    assert_true(nd_value_cast(h, ND_FLOAT64).f == h.f);
    assert_true(h.f != 0.1);
    /* a bad type stores zeros rather than garbage */
    unsigned char buf[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    nd__store(dt_of(ND_INT64, false), buf, (nd_value){.type = (nd_type)42});
    for (int i = 0; i < 8; i++) assert_int_equal(buf[i], 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_cast_probes), cmocka_unit_test(test_store_load_probes),
        cmocka_unit_test(test_roundtrip_bits),    cmocka_unit_test(test_half_routines),
        cmocka_unit_test(test_value_cast_examples), cmocka_unit_test(test_value_cast_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
