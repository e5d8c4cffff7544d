/* test_reduceat.c — nd_reduceat: NumPy 1.24's results (float add is one
 * pairwise call per slice, unchunked), out=, and its errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "nd.h"

static nd_array *ints(int n, const int64_t *v) {
    int64_t len = n;
    nd_array *a = nd_empty(1, &len, nd_dtype_of(ND_INT64), 'C');
    int64_t *p = nd_data(a);
    for (int i = 0; i < n; i++) p[i] = v[i];
    return a;
}

static double at(const nd_array *a, int64_t i) {
    nd_value v;
    assert_int_equal(nd_item(a, i, &v), 0);
    return nd_value_cast(v, ND_FLOAT64).f;
}

static void test_basic(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 8, 1, nd_dtype_of(ND_INT8));
    nd_array *ix = ints(4, (int64_t[]){0, 4, 1, 5});
    nd_array *r = nd_reduceat(ND_ADD, a, ix, 0, NULL, NULL); /* [6, 4, 10, 18], int64 */
    assert_non_null(r);
    assert_int_equal(nd_dtype_type(nd_array_dtype(r)), ND_INT64);
    assert_true(at(r, 0) == 6 && at(r, 1) == 4 && at(r, 2) == 10 && at(r, 3) == 18);
    nd_release(r);
    r = nd_reduceat(ND_MAXIMUM, a, ix, -1, NULL, NULL); /* int8 kept: [3, 4, 4, 7] */
    assert_int_equal(nd_dtype_type(nd_array_dtype(r)), ND_INT8);
    assert_true(at(r, 0) == 3 && at(r, 1) == 4 && at(r, 3) == 7);
    nd_release(r);
    /* a 2-d array along axis 1, into a float32 out */
    nd_array *b = nd_reshape(a, 2, (int64_t[]){2, 4}, 'C', ND_COPY_NEVER), *i2 = ints(2, (int64_t[]){1, 3});
    nd_array *out = nd_zeros(2, (int64_t[]){2, 2}, nd_dtype_of(ND_FLOAT32), 'C');
    r = nd_reduceat(ND_SUBTRACT, b, i2, 1, NULL, out); /* [[1-2, 3], [5-6, 7]] */
    assert_ptr_equal(r, out);
    assert_true(at(out, 0) == -1 && at(out, 1) == 3 && at(out, 2) == -1 && at(out, 3) == 7);
    nd_release(r);
    nd_release(out);
    nd_release(i2);
    nd_release(b);
    nd_release(ix);
    nd_release(a);
}

static void test_float_bits(void **state) {
    (void)state;
    int64_t n = 20000;
    nd_array *v = nd_empty(1, &n, nd_dtype_of(ND_FLOAT64), 'C');
    double *p = nd_data(v);
    for (int64_t i = 0; i < n; i++) p[i] = (double)(i % 97) / 97.0;
    nd_array *ix = ints(3, (int64_t[]){0, 3, 19999});
    nd_array *r = nd_reduceat(ND_ADD, v, ix, 0, NULL, NULL);
    assert_true(at(r, 0) == 0x1.fab8be0547420p-6);
    assert_true(at(r, 1) == 0x1.350af8151d07fp+13); /* 19996 elements: one pairwise call */
    assert_true(at(r, 2) == 0x1.66ed869912796p-3);
    nd_release(r);
    nd_release(ix);
    nd_release(v);
}

static void test_errors(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_INT64));
    nd_array *bad = ints(2, (int64_t[]){0, 7});
    assert_null(nd_reduceat(ND_ADD, a, bad, 0, NULL, NULL));
    assert_int_equal(nd_errcode(), ND_EINDEX);
    assert_string_equal(nd_errmsg(), "index 7 out-of-bounds in add.reduceat [0, 6)");
    nd_array *ix = ints(2, (int64_t[]){0, 2});
    assert_null(nd_reduceat(ND_ADD, a, ix, 1, NULL, NULL));
    assert_int_equal(nd_errcode(), ND_EAXIS);
    nd_array *s = nd_scalar(ND_I64(5), NULL);
    assert_null(nd_reduceat(ND_ADD, s, ix, 0, NULL, NULL));
    assert_string_equal(nd_errmsg(), "cannot reduceat on a scalar");
    assert_null(nd_reduceat(ND_ADD, a, s, 0, NULL, NULL));
    assert_string_equal(nd_errmsg(), "object of too small depth for desired array");
    nd_array *fi = nd_arange(0, 2, 1, nd_dtype_of(ND_FLOAT64));
    assert_null(nd_reduceat(ND_ADD, a, fi, 0, NULL, NULL));
    assert_string_equal(nd_errmsg(), "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
    assert_null(nd_reduceat(ND_EQUAL, a, ix, 0, NULL, NULL));
    assert_string_equal(nd_errmsg(), "No loop matching the specified signature and casting was found for ufunc equal");
    assert_null(nd_reduceat(ND_NEGATIVE, a, ix, 0, NULL, NULL));
    assert_string_equal(nd_errmsg(), "reduceat only supported for binary functions");
    nd_array *o3 = nd_zeros(1, (int64_t[]){3}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduceat(ND_ADD, a, ix, 0, NULL, o3));
    assert_string_equal(nd_errmsg(), "operands could not be broadcast together with remapped shapes "
                                     "[original->remapped]: (3,)->(3,) (6,)->() (2,)->(2,) ");
    nd_array *o1 = nd_zeros(1, (int64_t[]){1}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduceat(ND_ADD, a, ix, 0, NULL, o1));
    assert_string_equal(nd_errmsg(), "non-broadcastable output operand with shape (1,) [remapped to (1,)] doesn't "
                                     "match the broadcast shape (2,)");
    nd_release(o1);
    nd_release(o3);
    nd_release(fi);
    nd_release(s);
    nd_release(ix);
    nd_release(bad);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_float_bits),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
