/* test_slice.c — nd_subscript (basic indexing) against NumPy 1.24's
 * observed results: shapes, strides, data offsets, flags, base, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "view_case_util.h"
#include "view_cases.h"

#define I64 nd_dtype_of(ND_INT64)
#define IDX(...) (int)(sizeof((nd_idx[]){__VA_ARGS__}) / sizeof(nd_idx)), (nd_idx[]){__VA_ARGS__}

static nd_array *arange(int64_t n) {
    nd_array *a = nd_arange(0, n, 1, I64);
    assert_non_null(a);
    return a;
}

/* arange(12).reshape(3,4) */
static nd_array *m34(void) {
    nd_array *a = arange(12);
    nd_array *m = nd_reshape(a, 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED);
    assert_non_null(m);
    nd_release(a);
    return m;
}

static int64_t off(const nd_array *v, const nd_array *a) { return (char *)nd_data(v) - (char *)nd_data(a); }

static void expect(nd_array *v, int nd, const int64_t *shape, const int64_t *strides) {
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), nd);
    for (int i = 0; i < nd; i++) {
        assert_int_equal(nd_shape(v)[i], shape[i]);
        assert_int_equal(nd_strides(v)[i], strides[i]);
    }
}

static void expect_err(nd_array *v, int code, const char *msg) {
    assert_null(v);
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
}

static void test_slices_1d(void **state) {
    (void)state;
    nd_array *a = arange(5), *v;
    /* a[::-1] -> (5,) (-8,) offset 32, not contiguous */
    v = nd_subscript(a, IDX(ND_S(ND_NONE, ND_NONE, -1)));
    expect(v, 1, (int64_t[]){5}, (int64_t[]){-8});
    assert_int_equal(off(v, a), 32);
    assert_false(nd_flags(v) & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS));
    assert_true(nd_flags(v) & ND_WRITEABLE);
    assert_false(nd_flags(v) & ND_OWNDATA);
    assert_ptr_equal(nd_base(v), a);
    nd_release(v);
    /* a[10:] and a[3:1]: empty slices point at the start with the old stride */
    v = nd_subscript(a, IDX(ND_S(10, ND_NONE, ND_NONE)));
    expect(v, 1, (int64_t[]){0}, (int64_t[]){8});
    assert_int_equal(off(v, a), 0);
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    v = nd_subscript(a, IDX(ND_S(4, 10, -1)));
    expect(v, 1, (int64_t[]){0}, (int64_t[]){8});
    assert_int_equal(off(v, a), 0);
    nd_release(v);
    /* a[3:1:-1] -> (2,) (-8,) offset 24; a[-10:] -> whole; a[:-10] -> empty */
    v = nd_subscript(a, IDX(ND_S(3, 1, -1)));
    expect(v, 1, (int64_t[]){2}, (int64_t[]){-8});
    assert_int_equal(off(v, a), 24);
    nd_release(v);
    v = nd_subscript(a, IDX(ND_S(-10, ND_NONE, ND_NONE)));
    expect(v, 1, (int64_t[]){5}, (int64_t[]){8});
    nd_release(v);
    v = nd_subscript(a, IDX(ND_S(-1, -10, -1)));
    expect(v, 1, (int64_t[]){5}, (int64_t[]){-8});
    assert_int_equal(off(v, a), 32);
    nd_release(v);
    /* a[3:4:2] -> (1,) (16,) offset 24, contiguous (length 1) */
    v = nd_subscript(a, IDX(ND_S(3, 4, 2)));
    expect(v, 1, (int64_t[]){1}, (int64_t[]){16});
    assert_int_equal(off(v, a), 24);
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    nd_release(a);
}

static void test_huge_steps_wrap(void **state) {
    (void)state;
    nd_array *a = arange(5), *v;
    /* Python clamps a[::10**20] to step 2**63-1; 8 * that wraps to -8 */
    v = nd_subscript(a, IDX(ND_S(ND_NONE, ND_NONE, INT64_MAX)));
    expect(v, 1, (int64_t[]){1}, (int64_t[]){-8});
    nd_release(v);
    /* a[::-10**20] -> (1,) (8,) offset 32 */
    v = nd_subscript(a, IDX(ND_S(ND_NONE, ND_NONE, INT64_MIN + 1)));
    expect(v, 1, (int64_t[]){1}, (int64_t[]){8});
    assert_int_equal(off(v, a), 32);
    nd_release(v);
    /* a[::2**62] -> stride 0 */
    v = nd_subscript(a, IDX(ND_S(ND_NONE, ND_NONE, INT64_C(1) << 62)));
    expect(v, 1, (int64_t[]){1}, (int64_t[]){0});
    nd_release(v);
    v = nd_subscript(a, IDX(ND_S(INT64_MIN + 1, INT64_MAX, 3)));
    expect(v, 1, (int64_t[]){2}, (int64_t[]){24});
    nd_release(v);
    nd_release(a);
}

static void test_ints_newaxis_ellipsis(void **state) {
    (void)state;
    nd_array *m = m34(), *v;
    nd_value x;
    /* m[1, ..., 1] -> 0-d view at offset 40 (NumPy gives a scalar) */
    v = nd_subscript(m, IDX(ND_I(1), ND_ELLIPSIS, ND_I(1)));
    expect(v, 0, NULL, NULL);
    assert_int_equal(off(v, m), 40);
    assert_int_equal(nd_item(v, INT64_MIN, &x), 0);
    assert_int_equal(x.i, 5);
    assert_ptr_equal(nd_base(v), nd_base(m));
    nd_release(v);
    /* m[None, ..., None] -> (1,3,4,1) (0,32,8,0): C but not F */
    v = nd_subscript(m, IDX(ND_NEWAXIS, ND_ELLIPSIS, ND_NEWAXIS));
    expect(v, 4, (int64_t[]){1, 3, 4, 1}, (int64_t[]){0, 32, 8, 0});
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    assert_false(nd_flags(v) & ND_F_CONTIGUOUS);
    nd_release(v);
    /* m[:, 1] -> (3,) (32,) offset 8; m[-1] -> (4,) (8,) offset 64, C */
    v = nd_subscript(m, IDX(ND_ALL, ND_I(1)));
    expect(v, 1, (int64_t[]){3}, (int64_t[]){32});
    assert_int_equal(off(v, m), 8);
    assert_false(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    v = nd_subscript(m, IDX(ND_I(-1)));
    expect(v, 1, (int64_t[]){4}, (int64_t[]){8});
    assert_int_equal(off(v, m), 64);
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    /* an ellipsis covering no dims; an empty index; a[...] */
    v = nd_subscript(m, IDX(ND_I(2), ND_I(3), ND_ELLIPSIS));
    expect(v, 0, NULL, NULL);
    assert_int_equal(off(v, m), 88);
    nd_release(v);
    v = nd_subscript(m, 0, NULL);
    expect(v, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8});
    assert_ptr_not_equal(v, m);
    nd_release(v);
    /* 31 newaxes on a 1-d array make 32 dims */
    nd_idx many[31];
    for (int i = 0; i < 31; i++) many[i] = ND_NEWAXIS;
    nd_array *a = arange(5);
    v = nd_subscript(a, 31, many);
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), 32);
    assert_int_equal(nd_shape(v)[31], 5);
    nd_release(v);
    nd_release(a);
    nd_release(m);
}

static void test_zero_d(void **state) {
    (void)state;
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C'), *v;
    assert_non_null(z);
    v = nd_subscript(z, IDX(ND_ELLIPSIS));
    expect(v, 0, NULL, NULL);
    assert_ptr_equal(nd_base(v), z);
    nd_release(v);
    v = nd_subscript(z, IDX(ND_NEWAXIS));
    expect(v, 1, (int64_t[]){1}, (int64_t[]){0});
    nd_release(v);
    expect_err(nd_subscript(z, IDX(ND_I(0))), ND_EINDEX,
               "too many indices for array: array is 0-dimensional, but 1 were indexed");
    expect_err(nd_subscript(z, IDX(ND_ALL)), ND_EINDEX,
               "too many indices for array: array is 0-dimensional, but 1 were indexed");
    nd_release(z);
}

static void test_errors(void **state) {
    (void)state;
    nd_array *a = arange(5), *m = m34();
    expect_err(nd_subscript(a, IDX(ND_I(5))), ND_EINDEX, "index 5 is out of bounds for axis 0 with size 5");
    assert_string_equal(nd_errclass(), "IndexError");
    expect_err(nd_subscript(a, IDX(ND_I(-6))), ND_EINDEX, "index -6 is out of bounds for axis 0 with size 5");
    expect_err(nd_subscript(a, IDX(ND_I(INT64_MIN))), ND_EINDEX,
               "index -9223372036854775808 is out of bounds for axis 0 with size 5");
    expect_err(nd_subscript(a, IDX(ND_S(ND_NONE, ND_NONE, 0))), ND_EVALUE, "slice step cannot be zero");
    assert_string_equal(nd_errclass(), "ValueError");
    expect_err(nd_subscript(a, IDX(ND_ELLIPSIS, ND_ELLIPSIS)), ND_EINDEX,
               "an index can only have a single ellipsis ('...')");
    expect_err(nd_subscript(a, IDX(ND_I(1), ND_I(2))), ND_EINDEX,
               "too many indices for array: array is 1-dimensional, but 2 were indexed");
    /* NumPy's order: ellipsis and count checks first, then terms left to right */
    expect_err(nd_subscript(m, IDX(ND_I(10), ND_S(0, 1, 0))), ND_EINDEX,
               "index 10 is out of bounds for axis 0 with size 3");
    expect_err(nd_subscript(m, IDX(ND_S(0, 1, 0), ND_I(10))), ND_EVALUE, "slice step cannot be zero");
    expect_err(nd_subscript(m, IDX(ND_ELLIPSIS, ND_S(0, 1, 0), ND_ELLIPSIS)), ND_EINDEX,
               "an index can only have a single ellipsis ('...')");
    expect_err(nd_subscript(m, IDX(ND_ELLIPSIS, ND_I(1), ND_I(2), ND_I(3))), ND_EINDEX,
               "too many indices for array: array is 2-dimensional, but 3 were indexed");
    expect_err(nd_subscript(m, IDX(ND_ELLIPSIS, ND_I(10))), ND_EINDEX,
               "index 10 is out of bounds for axis 1 with size 4");
    /* too many terms, too many dims */
    nd_idx t[65];
    for (int i = 0; i < 65; i++) t[i] = ND_NEWAXIS;
    expect_err(nd_subscript(a, 65, t), ND_EINDEX, "too many indices for array");
    expect_err(nd_subscript(a, 64, t), ND_EINDEX,
               "number of dimensions must be within [0, 32], indexing result would have 65");
    expect_err(nd_subscript(a, 32, t), ND_EINDEX,
               "number of dimensions must be within [0, 32], indexing result would have 33");
    /* misuse */
    assert_null(nd_subscript(a, -1, t));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_null(nd_subscript(a, 1, NULL));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_null(nd_subscript(a, 1, (nd_idx[]){{.kind = (nd_idx_kind)99}}));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_null(nd_subscript(a, IDX(ND_ARR(a))));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    nd_release(m);
    nd_release(a);
}

static void test_base_writeable_sharing(void **state) {
    (void)state;
    nd_array *a = arange(12);
    nd_array *v1 = nd_subscript(a, IDX(ND_S(2, ND_NONE, ND_NONE)));
    nd_array *v2 = nd_subscript(v1, IDX(ND_S(ND_NONE, ND_NONE, 2)));
    assert_ptr_equal(nd_base(v2), a); /* a[2:][::2].base is a */
    assert_int_equal(off(v2, a), 16);
    assert_int_equal(nd_strides(v2)[0], 16);
    /* writes are shared both ways */
    assert_int_equal(nd_set(v2, (int64_t[]){1}, ND_I64(-7)), 0);
    nd_value x;
    nd_get(a, (int64_t[]){4}, &x);
    assert_int_equal(x.i, -7);
    nd_release(v1);
    /* a read-only owner gives read-only views */
    nd_set_writeable(a, false);
    nd_array *v3 = nd_subscript(a, IDX(ND_I(3)));
    assert_false(nd_flags(v3) & ND_WRITEABLE);
    assert_true(nd_flags(v2) & ND_WRITEABLE); /* older views keep their flag */
    nd_release(v3);
    nd_release(v2);
    long rc = nd_refcount(a);
    assert_int_equal(rc, 1);
    nd_release(a);
}

/* A misaligned base (int16 data at an odd byte) stays unaligned. */
static void test_alignment(void **state) {
    (void)state;
    nd_array *b = nd_arange(0, 8, 1, nd_dtype_of(ND_INT8));
    const nd_dtype *i2 = nd_dtype_of(ND_INT16);
    nd_array *s = nd_subscript(b, IDX(ND_S(1, 7, ND_NONE)));
    nd_array *w = nd_view_dtype(s, i2);
    assert_non_null(w);
    assert_false(nd_flags(w) & ND_ALIGNED);
    nd_array *e = nd_subscript(w, IDX(ND_S(5, ND_NONE, ND_NONE))); /* empty: aligned */
    assert_true(nd_flags(e) & ND_ALIGNED);
    nd_release(e);
    nd_release(w);
    nd_release(s);
    nd_release(b);
}

static int fail_after;
static void *failing_malloc(size_t n, void *ud) {
    (void)ud;
    return fail_after-- > 0 ? malloc(n) : NULL;
}
static void plain_free(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_out_of_memory(void **state) {
    (void)state;
    nd_array *a = arange(5);
    fail_after = 0;
    nd_set_allocator(&(nd_allocator){failing_malloc, plain_free, NULL});
    nd_array *v = nd_subscript(a, IDX(ND_S(1, 3, ND_NONE)));
    nd_set_allocator(NULL);
    expect_err(v, ND_ENOMEM, "out of memory");
    assert_int_equal(nd_refcount(a), 1);
    nd_release(a);
}

/* NumPy-generated chains ending in an index, run through nd_index_parse +
 * nd_subscript. */
static void test_numpy_cases(void **state) {
    (void)state;
    int ran;
    int bad = vc_check_all(view_cases, sizeof view_cases / sizeof view_cases[0], "I", true, &ran);
    assert_true(ran > 100);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slices_1d),
        cmocka_unit_test(test_huge_steps_wrap),
        cmocka_unit_test(test_ints_newaxis_ellipsis),
        cmocka_unit_test(test_zero_d),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_base_writeable_sharing),
        cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_numpy_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
