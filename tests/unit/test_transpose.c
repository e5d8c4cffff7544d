/* test_transpose.c — nd_view, nd_transpose, nd_swapaxes, nd_moveaxis,
 * nd_squeeze, nd_expand_dims against NumPy 1.24. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "view_case_util.h"
#include "view_cases.h"

#define I64 nd_dtype_of(ND_INT64)
#define AX(...) (int)(sizeof((int[]){__VA_ARGS__}) / sizeof(int)), (int[]){__VA_ARGS__}

static nd_array *arr(int nd, const int64_t *shape) {
    int64_t n = 1;
    for (int i = 0; i < nd; i++) n *= shape[i];
    nd_array *a = nd_arange(0, n, 1, I64);
    nd_array *r = nd_reshape(a, nd, shape, 'C', ND_COPY_IF_NEEDED);
    nd_release(a);
    assert_non_null(r);
    return r;
}

static nd_array *m34(void) { return arr(2, (int64_t[]){3, 4}); }

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

static void test_view(void **state) {
    (void)state;
    nd_array *m = m34();
    nd_array *v = nd_view(m);
    expect(v, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8});
    assert_ptr_not_equal(v, m);
    assert_ptr_equal(nd_base(v), nd_base(m)); /* v.view().base is the owner */
    assert_ptr_equal(nd_data(v), nd_data(m));
    assert_int_equal(nd_flags(v), nd_flags(m));
    nd_array *w = nd_view(v);
    assert_ptr_equal(nd_base(w), nd_base(m));
    nd_release(w);
    nd_release(v);
    nd_set_writeable(m, false);
    v = nd_view(m);
    assert_false(nd_flags(v) & ND_WRITEABLE);
    nd_release(v);
    nd_release(m);
}

static void test_transpose(void **state) {
    (void)state;
    nd_array *m = m34(), *v;
    v = nd_transpose(m, NULL); /* m.T: F but not C, OWNDATA false */
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32});
    assert_false(nd_flags(v) & ND_C_CONTIGUOUS);
    assert_true(nd_flags(v) & ND_F_CONTIGUOUS);
    assert_false(nd_flags(v) & ND_OWNDATA);
    assert_ptr_equal(nd_base(v), nd_base(m));
    nd_release(v);
    v = nd_transpose(m, (int[]){-1, -2});
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32});
    nd_release(v);
    v = nd_transpose(m, (int[]){0, 1});
    expect(v, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8});
    nd_release(v);
    nd_array *c = arr(3, (int64_t[]){2, 3, 4});
    v = nd_transpose(c, (int[]){1, 2, 0});
    expect(v, 3, (int64_t[]){3, 4, 2}, (int64_t[]){32, 8, 96});
    nd_release(v);
    nd_release(c);
    expect_err(nd_transpose(m, (int[]){0, 0}), ND_EVALUE, "repeated axis in transpose");
    expect_err(nd_transpose(m, (int[]){0, 2}), ND_EAXIS, "axis 2 is out of bounds for array of dimension 2");
    assert_string_equal(nd_errclass(), "AxisError");
    expect_err(nd_transpose(m, (int[]){0, -3}), ND_EAXIS, "axis -3 is out of bounds for array of dimension 2");
    nd_array *z = nd_full(0, NULL, ND_I64(1), I64, 'C');
    v = nd_transpose(z, NULL);
    expect(v, 0, NULL, NULL);
    nd_release(v);
    nd_release(z);
    nd_release(m);
}

static void test_swapaxes(void **state) {
    (void)state;
    nd_array *m = m34(), *v;
    v = nd_swapaxes(m, 0, -1);
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32});
    nd_release(v);
    v = nd_swapaxes(m, 1, 1);
    expect(v, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8});
    assert_ptr_not_equal(v, m);
    nd_release(v);
    expect_err(nd_swapaxes(m, 0, 5), ND_EAXIS, "axis2: axis 5 is out of bounds for array of dimension 2");
    expect_err(nd_swapaxes(m, 5, 0), ND_EAXIS, "axis1: axis 5 is out of bounds for array of dimension 2");
    expect_err(nd_swapaxes(m, -3, 9), ND_EAXIS, "axis1: axis -3 is out of bounds for array of dimension 2");
    nd_release(m);
}

static void test_moveaxis(void **state) {
    (void)state;
    nd_array *m = m34(), *v;
    v = nd_moveaxis(m, 1, (int[]){0}, (int[]){1});
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32});
    nd_release(v);
    v = nd_moveaxis(m, 0, NULL, NULL); /* np.moveaxis(m, [], []): a new view */
    expect(v, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8});
    assert_ptr_not_equal(v, m);
    nd_release(v);
    nd_array *z = arr(3, (int64_t[]){2, 3, 4});
    v = nd_moveaxis(z, 2, (int[]){0, 1}, (int[]){-1, -2}); /* -> (4,3,2) (8,32,96) */
    expect(v, 3, (int64_t[]){4, 3, 2}, (int64_t[]){8, 32, 96});
    nd_release(v);
    v = nd_moveaxis(z, 1, (int[]){-1}, (int[]){0}); /* -> (4,2,3) (8,96,32) */
    expect(v, 3, (int64_t[]){4, 2, 3}, (int64_t[]){8, 96, 32});
    nd_release(v);
    v = nd_moveaxis(z, 2, (int[]){2, 0}, (int[]){0, 2}); /* -> (4,3,2) */
    expect(v, 3, (int64_t[]){4, 3, 2}, (int64_t[]){8, 32, 96});
    nd_release(v);
    nd_release(z);
    expect_err(nd_moveaxis(m, 1, (int[]){0}, (int[]){5}), ND_EAXIS,
               "destination: axis 5 is out of bounds for array of dimension 2");
    expect_err(nd_moveaxis(m, 1, (int[]){5}, (int[]){0}), ND_EAXIS,
               "source: axis 5 is out of bounds for array of dimension 2");
    expect_err(nd_moveaxis(m, 2, (int[]){0, 0}, (int[]){1, 0}), ND_EVALUE, "repeated axis in `source` argument");
    expect_err(nd_moveaxis(m, 2, (int[]){0, 1}, (int[]){1, 1}), ND_EVALUE,
               "repeated axis in `destination` argument");
    /* the whole source is checked before the destination */
    expect_err(nd_moveaxis(m, 2, (int[]){0, 0}, (int[]){9, 9}), ND_EVALUE, "repeated axis in `source` argument");
    expect_err(nd_moveaxis(m, 3, (int[]){0, 1, 0}, (int[]){0, 1, 0}), ND_EVALUE,
               "repeated axis in `source` argument");
    assert_null(nd_moveaxis(m, -1, NULL, NULL));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    nd_release(m);
}

static void test_squeeze(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, I64), *v;
    /* nothing to squeeze: NumPy returns the array itself */
    v = nd_squeeze(a, 0, NULL);
    assert_ptr_equal(v, a);
    assert_int_equal(nd_refcount(a), 2);
    nd_release(v);
    nd_array *t = arr(3, (int64_t[]){1, 3, 1});
    v = nd_squeeze(t, 0, NULL);
    expect(v, 1, (int64_t[]){3}, (int64_t[]){8});
    assert_ptr_equal(nd_base(v), nd_base(t));
    nd_release(v);
    v = nd_squeeze(t, AX(0));
    expect(v, 2, (int64_t[]){3, 1}, (int64_t[]){8, 8});
    nd_release(v);
    v = nd_squeeze(t, AX(-1, 0));
    expect(v, 1, (int64_t[]){3}, (int64_t[]){8});
    nd_release(v);
    v = nd_squeeze(t, 0, (int[]){0}); /* axis=() */
    assert_ptr_equal(v, t);
    nd_release(v);
    expect_err(nd_squeeze(t, AX(1)), ND_EVALUE,
               "cannot select an axis to squeeze out which has size not equal to one");
    expect_err(nd_squeeze(t, AX(0, 0)), ND_EVALUE, "duplicate value in 'axis'");
    expect_err(nd_squeeze(t, AX(0, -3)), ND_EVALUE, "duplicate value in 'axis'");
    expect_err(nd_squeeze(t, AX(5)), ND_EAXIS, "axis 5 is out of bounds for array of dimension 3");
    expect_err(nd_squeeze(t, AX(1, 5)), ND_EAXIS, "axis 5 is out of bounds for array of dimension 3");
    assert_null(nd_squeeze(t, -1, (int[]){0}));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    /* m[:, :1] -> (3,) (32,); m[:1, :1] -> () */
    nd_array *m = m34();
    nd_array *c = nd_index(m, ":, :1");
    v = nd_squeeze(c, 0, NULL);
    expect(v, 1, (int64_t[]){3}, (int64_t[]){32});
    assert_false(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    nd_release(c);
    nd_release(m);
    /* 0-d: a single axis 0 or -1 is accepted (NumPy's int axis), more is not */
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C');
    v = nd_squeeze(z, AX(0));
    assert_ptr_equal(v, z);
    nd_release(v);
    v = nd_squeeze(z, AX(-1));
    assert_ptr_equal(v, z);
    nd_release(v);
    expect_err(nd_squeeze(z, AX(1)), ND_EAXIS, "axis 1 is out of bounds for array of dimension 0");
    expect_err(nd_squeeze(z, AX(0, 0)), ND_EAXIS, "axis 0 is out of bounds for array of dimension 0");
    nd_release(z);
    nd_release(t);
    nd_release(a);
}

static void test_expand_dims(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 12, 1, I64), *v;
    v = nd_expand_dims(a, AX(0));
    expect(v, 2, (int64_t[]){1, 12}, (int64_t[]){96, 8});
    assert_ptr_equal(nd_base(v), a);
    nd_release(v);
    v = nd_expand_dims(a, AX(1));
    expect(v, 2, (int64_t[]){12, 1}, (int64_t[]){8, 8});
    nd_release(v);
    nd_array *s = nd_index(a, "::2");
    v = nd_expand_dims(s, AX(0));
    expect(v, 2, (int64_t[]){1, 6}, (int64_t[]){96, 16});
    nd_release(v);
    v = nd_expand_dims(s, AX(1));
    expect(v, 2, (int64_t[]){6, 1}, (int64_t[]){16, 16});
    nd_release(v);
    nd_release(s);
    nd_array *m = arr(2, (int64_t[]){3, 4}), *t = nd_transpose(m, NULL);
    v = nd_expand_dims(t, AX(0, 2, 4));
    expect(v, 5, (int64_t[]){1, 4, 1, 3, 1}, (int64_t[]){32, 8, 96, 32, 32});
    nd_release(v);
    v = nd_expand_dims(t, 0, NULL);
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32});
    assert_ptr_not_equal(v, t);
    nd_release(v);
    nd_release(t);
    nd_release(m);
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C');
    v = nd_expand_dims(z, AX(0));
    expect(v, 1, (int64_t[]){1}, (int64_t[]){8});
    nd_release(v);
    nd_release(z);
    expect_err(nd_expand_dims(a, AX(2)), ND_EAXIS, "axis 2 is out of bounds for array of dimension 2");
    expect_err(nd_expand_dims(a, AX(-3)), ND_EAXIS, "axis -3 is out of bounds for array of dimension 2");
    expect_err(nd_expand_dims(a, AX(0, 0)), ND_EVALUE, "repeated axis");
    expect_err(nd_expand_dims(a, AX(0, -3)), ND_EVALUE, "repeated axis");
    int many[40];
    for (int i = 0; i < 40; i++) many[i] = i;
    expect_err(nd_expand_dims(a, 32, many), ND_EVALUE, "maximum supported dimension for an ndarray is 32, found 33");
    expect_err(nd_expand_dims(a, 40, many), ND_EVALUE, "maximum supported dimension for an ndarray is 32, found 41");
    many[39] = 0;
    expect_err(nd_expand_dims(a, 40, many), ND_EVALUE, "repeated axis");
    many[39] = 41;
    expect_err(nd_expand_dims(a, 40, many), ND_EAXIS, "axis 41 is out of bounds for array of dimension 41");
    v = nd_expand_dims(a, 31, many);
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), 32);
    nd_release(v);
    assert_null(nd_expand_dims(a, -1, many));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    nd_release(a);
}

/* np.array(a, ndmin=n, copy=False): strides from NumPy 1.24. */
static void test_prepend_dims(void **state) {
    (void)state;
    nd_array *m = arr(2, (int64_t[]){3, 4}), *t = nd_transpose(m, NULL), *v;
    v = nd_prepend_dims(m, 4); /* C: shape[0] * strides[0] */
    expect(v, 4, (int64_t[]){1, 1, 3, 4}, (int64_t[]){96, 96, 32, 8});
    assert_ptr_equal(nd_base(v), nd_base(m)); /* m is a view: the owner */
    nd_release(v);
    v = nd_prepend_dims(t, 3); /* Fortran-only: the itemsize */
    expect(v, 3, (int64_t[]){1, 4, 3}, (int64_t[]){8, 8, 32});
    nd_release(v);
    nd_array *s = nd_index(m, "::2, ::2"); /* neither: shape[0] * strides[0] */
    v = nd_prepend_dims(s, 3);
    expect(v, 3, (int64_t[]){1, 2, 2}, (int64_t[]){128, 64, 16});
    nd_release(v);
    nd_release(s);
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C');
    v = nd_prepend_dims(z, 2);
    expect(v, 2, (int64_t[]){1, 1}, (int64_t[]){8, 8});
    nd_release(v);
    nd_release(z);
    v = nd_prepend_dims(m, 1); /* enough dims already: m itself */
    assert_ptr_equal(v, m);
    nd_release(v);
    expect_err(nd_prepend_dims(m, 33), ND_EVALUE,
               "ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=32)");
    nd_release(t);
    nd_release(m);
}

static int fail_at, calls;
static void *fmalloc(size_t n, void *ud) {
    (void)ud;
    return calls++ == fail_at ? NULL : malloc(n);
}
static void ffree(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_out_of_memory(void **state) {
    (void)state;
    nd_array *m = m34(), *v;
    for (int op = 0; op < 6; op++) {
        fail_at = 0;
        calls = 0;
        nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
        switch (op) {
        case 0: v = nd_view(m); break;
        case 1: v = nd_transpose(m, NULL); break;
        case 2: v = nd_swapaxes(m, 0, 1); break;
        case 3: v = nd_moveaxis(m, 1, (int[]){0}, (int[]){1}); break;
        case 4: v = nd_expand_dims(m, AX(0)); break;
        default: v = nd_squeeze(m, 0, NULL); break;
        }
        nd_set_allocator(NULL);
        if (op == 5) { /* nothing to squeeze: no allocation at all */
            assert_ptr_equal(v, m);
            nd_release(v);
            continue;
        }
        expect_err(v, ND_ENOMEM, "out of memory");
        assert_int_equal(nd_refcount(m), 1);
    }
    nd_release(m);
}

static void test_numpy_cases(void **state) {
    (void)state;
    int ran;
    int bad = vc_check_all(view_cases, sizeof view_cases / sizeof view_cases[0], "TR SA MA SQ ED", false, &ran);
    assert_true(ran > 300);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_view),      cmocka_unit_test(test_transpose),  cmocka_unit_test(test_swapaxes),
        cmocka_unit_test(test_moveaxis),  cmocka_unit_test(test_squeeze),    cmocka_unit_test(test_expand_dims),
        cmocka_unit_test(test_prepend_dims),
        cmocka_unit_test(test_out_of_memory), cmocka_unit_test(test_numpy_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
