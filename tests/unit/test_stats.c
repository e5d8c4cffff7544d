/* test_stats.c — ops/stats.c's fused float64 var/std (two passes, the
 * second one backwards over NumPy's 8192-item chunks) must give the bits
 * of the general path, which follows NumPy's three passes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "nd_internal.h"

static uint64_t rng_state = 0xda3e39cb94b95bdbull;
static double rnd_value(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) * 0x1p-53 * 1e3 - 400.0;
}

static double scalar_of(nd_array *r) {
    assert_non_null(r);
    double v;
    memcpy(&v, r->data, 8);
    nd_release(r);
    return v;
}

/* The contiguous copy takes the fused path, every other item of a buffer
 * twice as long the general one; both see the same values. */
static void check_n(int64_t n, int64_t ddof) {
    int64_t len = 2 * n;
    nd_array *base = nd_empty(1, &len, nd_dtype_of(ND_FLOAT64), 'C');
    assert_non_null(base);
    for (int64_t i = 0; i < len; i++) ((double *)(void *)base->data)[i] = rnd_value();
    nd_array *strided = nd_subscript(base, 1, &ND_S(ND_NONE, ND_NONE, 2));
    nd_array *contig = nd_copy(strided, 'C');
    assert_non_null(contig);
    for (int root = 0; root < 2; root++) {
        nd_array *(*fn)(const nd_array *, int, const int *, int64_t, bool, const nd_dtype *) = root ? nd_std : nd_var;
        double f = scalar_of(fn(contig, -1, NULL, ddof, false, NULL));
        double g = scalar_of(fn(strided, -1, NULL, ddof, false, NULL));
        if (memcmp(&f, &g, 8) && !(isnan(f) && isnan(g)))
            fail_msg("n %lld ddof %lld: %a vs %a", (long long)n, (long long)ddof, f, g);
    }
    nd_release(contig);
    nd_release(strided);
    nd_release(base);
}

static void test_fused_matches_general(void **state) {
    (void)state;
    static const int64_t sizes[] = {1, 2, 7, 8, 9, 127, 129, 8191, 8192, 8193, 3 * 8192 + 5, 100003};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        check_n(sizes[k], 0);
        check_n(sizes[k], 1);
    }
}

/* keepdims keeps every axis as 1; ddof >= n gives inf/nan as NumPy. */
static void test_fused_shapes(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 24, 1, nd_dtype_of(ND_FLOAT64));
    nd_array *m = nd_reshape(a, 3, (int64_t[]){2, 3, 4}, 'C', ND_COPY_IF_NEEDED);
    nd_array *r = nd_std(m, -1, NULL, 0, true, NULL);
    assert_non_null(r);
    assert_int_equal(r->ndim, 3);
    assert_true(r->shape[0] == 1 && r->shape[1] == 1 && r->shape[2] == 1);
    double v;
    memcpy(&v, r->data, 8);
    assert_true(fabs(v - sqrt((24.0 * 24.0 - 1.0) / 12.0)) < 1e-12);
    nd_release(r);
    assert_true(isinf(scalar_of(nd_var(m, -1, NULL, 24, false, NULL))));
    nd_release(m);
    nd_release(a);
}

/* mean/var with an integer dtype: _methods.py divides with
 * casting='unsafe', so the quotients are truncated; std's sqrt(out=) of an
 * integer array is a UFuncTypeError naming sqrt's loop type. */
static void test_integer_dtype(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, NULL), *m = nd_reshape(a, 2, (int64_t[]){2, 3}, 'C', ND_COPY_IF_NEEDED);
    const nd_dtype *i8 = nd_dtype_of(ND_INT8);
    nd_array *r = nd_mean(m, 1, (int[]){0}, false, nd_dtype_of(ND_INT64));
    assert_non_null(r);
    int64_t want[3] = {1, 2, 3};
    assert_memory_equal(nd_data(r), want, sizeof want);
    nd_release(r);
    r = nd_var(m, 1, (int[]){1}, 0, false, i8);
    assert_non_null(r);
    assert_int_equal(nd_dtype_type(nd_array_dtype(r)), ND_INT8);
    assert_int_equal(((int8_t *)nd_data(r))[1], 0); /* 2/3 truncated */
    nd_release(r);
    assert_null(nd_std(m, 1, (int[]){1}, 0, false, i8));
    assert_string_equal(nd_errmsg(), "Cannot cast ufunc 'sqrt' output from dtype('float16') to dtype('int8') with "
                                     "casting rule 'same_kind'");
    r = nd_std(m, -1, NULL, 0, false, nd_dtype_of(ND_INT16)); /* a 0-d result: int16(sqrt(...)) */
    assert_non_null(r);
    assert_int_equal(((int16_t *)nd_data(r))[0], 1);
    nd_release(r);
    nd_release(m);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fused_matches_general),
        cmocka_unit_test(test_fused_shapes),
        cmocka_unit_test(test_integer_dtype),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
