/* test_reduce_where.c — nd_reduce_ex (initial=, where=, out=) and
 * nd_mean_ex / nd_var_ex / nd_std_ex.  Expected values are NumPy 1.24's
 * (float sums to the bit: NumPy sums each run of True mask elements
 * pairwise, which differs from summing the selected elements). */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "nd.h"

#define N 10000

/* x[i] = ((i * 7919) % 1013) / 1013 - 0.5; mask[i] = (i * 31 % 7) < 4. */
static nd_array *data(nd_type t) {
    int64_t n = N;
    nd_array *a = nd_empty(1, &n, nd_dtype_of(ND_FLOAT64), 'C');
    double *p = nd_data(a);
    for (int64_t i = 0; i < N; i++) p[i] = (double)((i * 7919) % 1013) / 1013.0 - 0.5;
    if (t == ND_FLOAT64) return a;
    nd_array *b = nd_astype(a, nd_dtype_of(t), 'K', ND_CAST_UNSAFE, true);
    nd_release(a);
    return b;
}

static nd_array *mask(void) {
    int64_t n = N;
    nd_array *m = nd_empty(1, &n, nd_dtype_of(ND_BOOL), 'C');
    bool *p = nd_data(m);
    for (int64_t i = 0; i < N; i++) p[i] = (i * 31 % 7) < 4;
    return m;
}

static nd_array *bools(int ndim, const int64_t *shape, const char *bits) {
    nd_array *m = nd_empty(ndim, shape, nd_dtype_of(ND_BOOL), 'C');
    bool *p = nd_data(m);
    for (int64_t i = 0; i < nd_size(m); i++) p[i] = bits[i] == '1';
    return m;
}

static double f64_at(const nd_array *a, int64_t i) {
    nd_value v;
    assert_int_equal(nd_item(a, i, &v), 0);
    return nd_value_cast(v, ND_FLOAT64).f;
}

static void test_sum_where_bits(void **state) {
    (void)state;
    nd_array *x = data(ND_FLOAT64), *x32 = data(ND_FLOAT32), *m = mask();
    nd_array *s = nd_reduce_ex(ND_ADD, x, -1, NULL, false, NULL, NULL, m, NULL);
    assert_non_null(s);
    assert_int_equal(nd_ndim(s), 0);
    assert_true(f64_at(s, 0) == -0x1.1bdc9eb470304p+1); /* the selected elements summed alone: ...702d0p+1 */
    nd_release(s);
    s = nd_reduce_ex(ND_ADD, x32, -1, NULL, false, NULL, NULL, m, NULL);
    assert_int_equal(nd_dtype_type(nd_array_dtype(s)), ND_FLOAT32);
    assert_true(f64_at(s, 0) == -0x1.1bdccc0000000p+1);
    nd_release(s);
    /* 100x100 over axis 0 with the full mask, and its transpose over axis 1
     * with the mask's first row broadcast */
    nd_array *a = nd_reshape(x, 2, (int64_t[]){100, 100}, 'C', ND_COPY_NEVER);
    nd_array *mm = nd_reshape(m, 2, (int64_t[]){100, 100}, 'C', ND_COPY_NEVER);
    s = nd_reduce_ex(ND_ADD, a, 1, (int[]){0}, false, NULL, NULL, mm, NULL);
    assert_true(f64_at(s, 0) == -0x1.c969e330c6212p-2);
    assert_true(f64_at(s, 1) == -0x1.cbf0d64d54a8cp-2);
    assert_true(f64_at(s, 2) == -0x1.6453e6ba80e28p-1);
    nd_release(s);
    nd_array *t = nd_transpose(a, NULL), *row = nd_reshape(m, 1, (int64_t[]){-1}, 'C', ND_COPY_NEVER);
    nd_array *r0 = nd_index_arrays(row, ":100", NULL, 0);
    s = nd_reduce_ex(ND_ADD, t, 1, (int[]){1}, false, NULL, NULL, r0, NULL);
    assert_true(f64_at(s, 0) == -0x1.c55ec49caee10p-1);
    assert_true(f64_at(s, 1) == 0x1.0b5f46008163ep-1);
    assert_true(f64_at(s, 2) == 0x1.ee0ea84ed8d47p+0);
    nd_release(s);
    /* initial=None: the first element starts the sum, the rest follow it */
    s = nd_reduce_ex(ND_ADD, a, -1, NULL, false, NULL, ND_INITIAL_NONE, NULL, NULL);
    assert_true(f64_at(s, 0) == -0x1.03ca6caad5cc0p+2);
    nd_release(s);
    nd_release(t);
    nd_release(row);
    nd_release(r0);
    nd_release(a);
    nd_release(mm);
    nd_release(x);
    nd_release(x32);
    nd_release(m);
}

static void test_initial_and_ints(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_INT8));
    nd_array *b = nd_reshape(a, 2, (int64_t[]){2, 3}, 'C', ND_COPY_NEVER);
    nd_array *w = bools(2, (int64_t[]){2, 3}, "101000");
    nd_array *init = nd_scalar(ND_I64(-1), NULL);
    /* np.max(b, axis=1, where=w, initial=-1) == [2, -1] (int8) */
    nd_array *r = nd_reduce_ex(ND_MAXIMUM, b, 1, (int[]){1}, false, NULL, init, w, NULL);
    assert_non_null(r);
    assert_int_equal(nd_dtype_type(nd_array_dtype(r)), ND_INT8);
    assert_true(f64_at(r, 0) == 2 && f64_at(r, 1) == -1);
    nd_release(r);
    /* np.prod(b + 1, where=w, initial=2) over int8: int64, 2 * 1 * 3 */
    nd_array *one = nd_scalar(ND_I64(1), NULL), *b1 = nd_apply(ND_ADD, b, one, NULL);
    nd_array *two = nd_scalar(ND_F64(2.7), NULL); /* cast unsafe: 2 */
    r = nd_reduce_ex(ND_MULTIPLY, b1, -1, NULL, false, NULL, two, w, NULL);
    assert_int_equal(nd_dtype_type(nd_array_dtype(r)), ND_INT64);
    assert_true(f64_at(r, 0) == 6);
    nd_release(r);
    /* empty reduction with an initial: filled with it */
    nd_array *e = nd_zeros(2, (int64_t[]){0, 3}, nd_dtype_of(ND_FLOAT64), 'C');
    r = nd_reduce_ex(ND_MAXIMUM, e, 1, (int[]){0}, false, NULL, two, NULL, NULL);
    assert_int_equal(nd_size(r), 3);
    assert_true(f64_at(r, 2) == 2.7);
    nd_release(r);
    /* bitwise_and's identity is all ones */
    r = nd_reduce_ex(ND_BITWISE_AND, b, 1, (int[]){1}, true, NULL, NULL, w, NULL);
    assert_int_equal(nd_ndim(r), 2);
    assert_true(f64_at(r, 0) == 0 && f64_at(r, 1) == -1);
    nd_release(r);
    nd_release(e);
    nd_release(one);
    nd_release(b1);
    nd_release(two);
    nd_release(init);
    nd_release(w);
    nd_release(b);
    nd_release(a);
}

static void test_out(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_FLOAT64));
    nd_array *b = nd_reshape(a, 2, (int64_t[]){2, 3}, 'C', ND_COPY_NEVER);
    nd_array *half = nd_scalar(ND_F64(0.5), NULL), *bh = nd_apply(ND_ADD, b, half, NULL);
    nd_array *out = nd_zeros(1, (int64_t[]){3}, nd_dtype_of(ND_INT16), 'C');
    nd_array *r = nd_reduce_ex(ND_ADD, bh, 1, (int[]){0}, false, NULL, NULL, NULL, out);
    assert_ptr_equal(r, out); /* out itself, retained */
    assert_true(f64_at(out, 0) == 4 && f64_at(out, 2) == 8); /* [4., 6., 8.] cast */
    nd_release(r);
    /* wrong number of dimensions, wrong lengths, read-only */
    nd_array *o2 = nd_zeros(2, (int64_t[]){1, 3}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){0}, false, NULL, NULL, NULL, o2));
    assert_string_equal(nd_errmsg(),
                        "output parameter for reduction operation add has the wrong number of dimensions: Found 2 but "
                        "expected 1");
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){0}, true, NULL, NULL, NULL, out));
    assert_string_equal(nd_errmsg(),
                        "output parameter for reduction operation add has the wrong number of dimensions: Found 1 but "
                        "expected 2 (must match the operand's when keepdims=True)");
    nd_array *o5 = nd_zeros(1, (int64_t[]){5}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){1}, false, NULL, NULL, NULL, o5));
    assert_string_equal(nd_errmsg(), "operands could not be broadcast together with remapped shapes "
                                     "[original->remapped]: (5,)->(5,newaxis) (2,3) ");
    nd_array *o23 = nd_zeros(2, (int64_t[]){2, 3}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){0}, true, NULL, NULL, NULL, o23));
    assert_string_equal(nd_errmsg(),
                        "operand was set up as a reduction along axis 0, but the length of the axis is 2 (it has to be 1)");
    nd_array *o1 = nd_zeros(1, (int64_t[]){1}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){0}, false, NULL, NULL, NULL, o1));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_non_null(strstr(nd_errmsg(), "output operand requires a reduction along dimension 0"));
    assert_int_equal(nd_set_writeable(out, false), 0);
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){0}, false, NULL, NULL, NULL, out));
    assert_string_equal(nd_errmsg(), "operand array with iterator write flag set is read-only");
    assert_true(f64_at(out, 0) == 4); /* untouched */
    /* the loop follows out's dtype: float32 data into a float64 out sums in float64 */
    nd_release(nd_reduce_ex(ND_ADD, b, 1, (int[]){0}, false, NULL, NULL, NULL, o5)); /* still failing: no leak */
    nd_release(o1);
    nd_release(o2);
    nd_release(o5);
    nd_release(o23);
    nd_release(out);
    nd_release(half);
    nd_release(bh);
    nd_release(b);
    nd_release(a);
}

static void test_where_errors(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_FLOAT64));
    nd_array *b = nd_reshape(a, 2, (int64_t[]){2, 3}, 'C', ND_COPY_NEVER);
    nd_array *w2 = bools(1, (int64_t[]){2}, "10"), *w3 = bools(1, (int64_t[]){3}, "101");
    assert_null(nd_reduce_ex(ND_MAXIMUM, b, -1, NULL, false, NULL, NULL, w3, NULL));
    assert_string_equal(nd_errmsg(), "reduction operation 'maximum' does not have an identity, so to use a where "
                                     "mask one has to specify 'initial'");
    assert_null(nd_reduce_ex(ND_ADD, b, -1, NULL, false, NULL, ND_INITIAL_NONE, w3, NULL));
    assert_string_equal(nd_errclass(), "ValueError");
    assert_null(nd_reduce_ex(ND_ADD, b, -1, NULL, false, NULL, NULL, w2, NULL));
    assert_string_equal(nd_errmsg(),
                        "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3) (2,) ");
    nd_array *w4 = bools(3, (int64_t[]){2, 2, 3}, "111111111111");
    assert_null(nd_reduce_ex(ND_ADD, b, -1, NULL, false, NULL, NULL, w4, NULL));
    assert_string_equal(nd_errmsg(), "input operand has more dimensions than allowed by the axis remapping");
    nd_array *wi = nd_arange(0, 3, 1, nd_dtype_of(ND_INT64));
    assert_null(nd_reduce_ex(ND_ADD, b, -1, NULL, false, NULL, NULL, wi, NULL));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    assert_string_equal(nd_errmsg(), "Cannot cast array data from dtype('int64') to dtype('bool') according to the rule 'safe'");
    assert_null(nd_reduce_ex(ND_ADD, b, 1, (int[]){2}, false, NULL, NULL, w3, NULL));
    assert_int_equal(nd_errcode(), ND_EAXIS);
    assert_null(nd_reduce_ex(ND_SUBTRACT, b, -1, NULL, false, NULL, NULL, NULL, NULL));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    nd_array *e = nd_zeros(2, (int64_t[]){0, 3}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_reduce_ex(ND_MINIMUM, e, 1, (int[]){0}, false, NULL, NULL, NULL, NULL));
    assert_string_equal(nd_errmsg(), "zero-size array to reduction operation minimum which has no identity");
    assert_null(nd_reduce_ex(ND_LOGICAL_OR, b, -1, NULL, false, nd_dtype_of(ND_INT64), NULL, NULL, NULL));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    nd_release(e);
    nd_release(wi);
    nd_release(w4);
    nd_release(w2);
    nd_release(w3);
    nd_release(b);
    nd_release(a);
}

static void test_mean_var_where(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_FLOAT64));
    nd_array *b = nd_reshape(a, 2, (int64_t[]){2, 3}, 'C', ND_COPY_NEVER);
    nd_array *w = bools(2, (int64_t[]){2, 3}, "101100"), *w2 = bools(2, (int64_t[]){2, 3}, "101111");
    nd_array *w3 = bools(1, (int64_t[]){3}, "101");
    nd_array *m = nd_mean_ex(b, 1, (int[]){0}, false, NULL, w, NULL); /* [1.5, nan, 2.] */
    assert_true(f64_at(m, 0) == 1.5 && isnan(f64_at(m, 1)) && f64_at(m, 2) == 2);
    nd_release(m);
    m = nd_var_ex(b, 1, (int[]){1}, 1, false, NULL, w2, NULL); /* [2., 1.] */
    assert_true(f64_at(m, 0) == 2 && f64_at(m, 1) == 1);
    nd_release(m);
    m = nd_std_ex(b, -1, NULL, 0, false, NULL, w3, NULL);
    assert_int_equal(nd_ndim(m), 0);
    assert_true(f64_at(m, 0) == 1.8027756377319946);
    nd_release(m);
    nd_array *out = nd_zeros(1, (int64_t[]){3}, nd_dtype_of(ND_FLOAT32), 'C');
    m = nd_mean_ex(b, 1, (int[]){0}, false, NULL, NULL, out);
    assert_ptr_equal(m, out);
    assert_true(f64_at(out, 1) == 2.5);
    nd_release(m);
    nd_array *w2b = bools(1, (int64_t[]){2}, "10");
    assert_null(nd_mean_ex(b, -1, NULL, false, NULL, w2b, NULL));
    assert_string_equal(nd_errmsg(), "operands could not be broadcast together with remapped shapes "
                                     "[original->remapped]: (2,)  and requested shape (2,3)");
    nd_array *o4 = nd_zeros(1, (int64_t[]){4}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_var_ex(b, 1, (int[]){0}, 0, false, NULL, NULL, o4));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_true(f64_at(o4, 0) == 0);
    nd_release(o4);
    nd_release(w2b);
    nd_release(out);
    nd_release(w);
    nd_release(w2);
    nd_release(w3);
    nd_release(b);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sum_where_bits),   cmocka_unit_test(test_initial_and_ints),
        cmocka_unit_test(test_out),              cmocka_unit_test(test_where_errors),
        cmocka_unit_test(test_mean_var_where),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
