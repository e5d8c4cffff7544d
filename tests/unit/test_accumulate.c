/* test_accumulate.c — ops/accumulate.c's cumsum/cumprod layout: NumPy's
 * accumulate allocates its output with an nditer over the input, so zero
 * strides count as unordered (C order) while real strides are kept. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "nd.h"

static void check(nd_array *r, int n, const int64_t *want) {
    assert_non_null(r);
    assert_int_equal(nd_ndim(r), n);
    assert_memory_equal(nd_strides(r), want, (size_t)n * sizeof(int64_t));
    nd_release(r);
}

static void test_layout(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, nd_dtype_of(ND_FLOAT64));
    nd_array *x = nd_as_strided(a, 2, (int64_t[]){3, 3}, (int64_t[]){0, 8}); /* rows all the same */
    assert_non_null(x);
    check(nd_cumsum(x, 0, NULL), 2, (int64_t[]){24, 8});
    check(nd_cumprod(x, 1, nd_dtype_of(ND_FLOAT32)), 2, (int64_t[]){12, 4});
    nd_array *f = nd_zeros(2, (int64_t[]){3, 4}, nd_dtype_of(ND_INT16), 'F');
    check(nd_cumsum(f, 1, NULL), 2, (int64_t[]){8, 24}); /* int16 -> int64, F kept */
    check(nd_cumsum(f, ND_AXIS_NONE, NULL), 1, (int64_t[]){8});
    nd_release(f);
    nd_release(x);
    nd_release(a);
}

static void test_values(void **state) {
    (void)state;
    nd_array *a = nd_arange(1, 5, 1, nd_dtype_of(ND_INT8));
    nd_array *r = nd_cumprod(a, 0, NULL);
    assert_non_null(r);
    int64_t want[4] = {1, 2, 6, 24};
    assert_memory_equal(nd_data(r), want, sizeof want);
    nd_release(r);
    assert_null(nd_cumsum(a, 1, NULL));
    assert_int_equal(nd_errcode(), ND_EAXIS);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_layout), cmocka_unit_test(test_values)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
