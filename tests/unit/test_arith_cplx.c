/* test_arith_cplx.c — kern/arith_cplx.c's complex multiply gives NumPy
 * 1.24's NaN bits on both of its paths: the SIMD one (contiguous steps)
 * and the other one (vfmaddsub for complex128).  Expected bytes from NumPy. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nd.h"

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

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_multiply_nan_bits)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
