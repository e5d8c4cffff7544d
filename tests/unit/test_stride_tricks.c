/* test_stride_tricks.c — nd_as_strided, nd_as_strided_checked,
 * nd_broadcast_to, nd_sliding_window_view against NumPy 1.24. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "view_case_util.h"
#include "view_cases.h"

#define I64 nd_dtype_of(ND_INT64)
#define SHAPE(...) (int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), (int64_t[]){__VA_ARGS__}

static nd_array *arr(int64_t n, int nd, const int64_t *shape) {
    nd_array *a = nd_arange(0, n, 1, I64);
    nd_array *r = nd_reshape(a, nd, shape, 'C', ND_COPY_IF_NEEDED);
    nd_release(a);
    assert_non_null(r);
    return r;
}

static void expect(nd_array *v, int nd, const int64_t *shape, const int64_t *strides) {
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), nd);
    for (int i = 0; i < nd; i++) {
        assert_int_equal(nd_shape(v)[i], shape[i]);
        assert_int_equal(nd_strides(v)[i], strides[i]);
    }
}

static void values(const nd_array *v, int n, const int64_t *want) {
    nd_value got[64];
    assert_int_equal(nd_size(v), n);
    nd_export(v, got);
    for (int i = 0; i < n; i++) assert_int_equal(got[i].i, want[i]);
}

static void expect_err(nd_array *v, int code, const char *msg) {
    assert_null(v);
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
}

static void test_as_strided(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 12, 1, I64), *v;
    v = nd_as_strided(a, SHAPE(2, 3), (int64_t[]){8, 8});
    expect(v, 2, (int64_t[]){2, 3}, (int64_t[]){8, 8});
    values(v, 6, (int64_t[]){0, 1, 2, 1, 2, 3});
    assert_true(nd_flags(v) & ND_WRITEABLE); /* follows a's */
    assert_ptr_equal(nd_array_buf(v), nd_array_buf(a));
    nd_release(v);
    /* strides NULL: a C-contiguous array exports none, so C strides */
    v = nd_as_strided(a, SHAPE(2, 3), NULL);
    expect(v, 2, (int64_t[]){2, 3}, (int64_t[]){24, 8});
    nd_release(v);
    /* ... a non-contiguous one exports its own */
    nd_array *m = arr(12, 2, (int64_t[]){3, 4}), *t = nd_transpose(m, NULL);
    v = nd_as_strided(t, SHAPE(2, 3), NULL);
    expect(v, 2, (int64_t[]){2, 3}, (int64_t[]){8, 32});
    values(v, 6, (int64_t[]){0, 4, 8, 1, 5, 9});
    nd_release(v);
    expect_err(nd_as_strided(t, SHAPE(6), NULL), ND_EVALUE, "mismatch in length of strides and shape");
    /* shape NULL: a's shape */
    v = nd_as_strided(a, 1, NULL, (int64_t[]){16});
    expect(v, 1, (int64_t[]){12}, (int64_t[]){16});
    nd_release(v);
    expect_err(nd_as_strided(a, 2, NULL, (int64_t[]){16, 8}), ND_EVALUE, "mismatch in length of strides and shape");
    v = nd_as_strided(t, 0, NULL, NULL);
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32});
    nd_release(v);
    /* misaligned strides are allowed and reported */
    v = nd_as_strided(a, SHAPE(3), (int64_t[]){3});
    assert_false(nd_flags(v) & ND_ALIGNED);
    nd_release(v);
    v = nd_as_strided(a, 0, (int64_t[]){0}, (int64_t[]){0});
    expect(v, 0, NULL, NULL);
    nd_release(v);
    /* read-only input: read-only view */
    nd_set_writeable(t, false);
    v = nd_as_strided(t, SHAPE(2), (int64_t[]){8});
    assert_false(nd_flags(v) & ND_WRITEABLE);
    nd_release(v);
    /* errors */
    expect_err(nd_as_strided(a, SHAPE(-1, 3), (int64_t[]){8, 8}), ND_EVALUE, "negative dimensions are not allowed");
    int64_t big[33] = {0};
    expect_err(nd_as_strided(a, 33, big, big), ND_EVALUE, "number of dimensions must be within [0, 32]");
    expect_err(nd_as_strided(a, -1, big, big), ND_EVALUE, "number of dimensions must be within [0, 32]");
    expect_err(nd_as_strided(a, SHAPE(INT64_C(1) << 61), (int64_t[]){0}), ND_EVALUE,
               "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    nd_release(t);
    nd_release(m);
    nd_release(a);
}

static void test_as_strided_checked(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 12, 1, I64), *v; /* 96 bytes */
    nd_array *s = nd_index(a, "4:8");          /* the owner's whole buffer counts, not s's extent */
    v = nd_as_strided_checked(s, SHAPE(2, 4), (int64_t[]){32, 8});
    values(v, 8, (int64_t[]){4, 5, 6, 7, 8, 9, 10, 11});
    nd_release(v);
    v = nd_as_strided_checked(s, SHAPE(2, 4), (int64_t[]){-32, 8});
    values(v, 8, (int64_t[]){4, 5, 6, 7, 0, 1, 2, 3});
    assert_true(nd_flags(v) & ND_WRITEABLE);
    nd_release(v);
    v = nd_as_strided_checked(s, SHAPE(0, 100), (int64_t[]){1000, 1000}); /* no elements, no bytes */
    assert_non_null(v);
    nd_release(v);
    v = nd_as_strided_checked(s, SHAPE(5), (int64_t[]){0});
    values(v, 5, (int64_t[]){4, 4, 4, 4, 4});
    nd_release(v);
    const char *out = "as_strided: the requested view reaches outside the array's memory (96 bytes)";
    expect_err(nd_as_strided_checked(s, SHAPE(3, 4), (int64_t[]){32, 8}), ND_EVALUE, out);
    expect_err(nd_as_strided_checked(s, SHAPE(3, 4), (int64_t[]){-32, 8}), ND_EVALUE, out);
    expect_err(nd_as_strided_checked(s, SHAPE(9), (int64_t[]){8}), ND_EVALUE, out);
    expect_err(nd_as_strided_checked(s, SHAPE(2), (int64_t[]){INT64_MAX}), ND_EVALUE, out);
    expect_err(nd_as_strided_checked(s, SHAPE(3, 2), (int64_t[]){INT64_MIN / 2, INT64_MIN / 2}), ND_EVALUE, out);
    expect_err(nd_as_strided_checked(s, SHAPE(-1), (int64_t[]){8}), ND_EVALUE, "negative dimensions are not allowed");
    assert_int_equal(nd_refcount(s), 1);
    nd_release(s);
    nd_release(a);
    /* an array over part of a buffer may reach the rest of it */
    nd_buf *b = nd_buf_alloc(64);
    nd_array *w = nd_from_buf(b, nd_dtype_of(ND_INT32), 1, (int64_t[]){4}, NULL, 16);
    assert_non_null(w);
    v = nd_as_strided_checked(w, SHAPE(5), (int64_t[]){-4});
    assert_non_null(v);
    nd_release(v);
    v = nd_as_strided_checked(w, SHAPE(12), (int64_t[]){4});
    assert_non_null(v);
    nd_release(v);
    expect_err(nd_as_strided_checked(w, SHAPE(6), (int64_t[]){-4}), ND_EVALUE,
               "as_strided: the requested view reaches outside the array's memory (64 bytes)");
    expect_err(nd_as_strided_checked(w, SHAPE(13), (int64_t[]){4}), ND_EVALUE,
               "as_strided: the requested view reaches outside the array's memory (64 bytes)");
    nd_release(w);
    nd_buf_release(b);
}

static void test_broadcast_to(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, I64), *v;
    v = nd_broadcast_to(a, SHAPE(2, 3));
    expect(v, 2, (int64_t[]){2, 3}, (int64_t[]){0, 8});
    int f = nd_flags(v);
    assert_false(f & (ND_WRITEABLE | ND_OWNDATA | ND_C_CONTIGUOUS | ND_F_CONTIGUOUS));
    assert_ptr_equal(nd_base(v), a);
    values(v, 6, (int64_t[]){0, 1, 2, 0, 1, 2});
    assert_int_equal(nd_set(v, (int64_t[]){0, 0}, ND_I64(9)), ND_EREADONLY);
    assert_string_equal(nd_errmsg(), "assignment destination is read-only");
    /* the base is writable, so the flag may be set again; writes reach a */
    assert_int_equal(nd_set_writeable(v, true), 0);
    assert_int_equal(nd_set(v, (int64_t[]){1, 0}, ND_I64(42)), 0);
    nd_value x;
    nd_get(a, (int64_t[]){0}, &x);
    assert_int_equal(x.i, 42);
    nd_release(v);
    /* length-1 source axes get stride 0, even unbroadcast */
    nd_array *o = nd_ones(2, (int64_t[]){1, 3}, I64, 'C');
    v = nd_broadcast_to(o, SHAPE(1, 3));
    expect(v, 2, (int64_t[]){1, 3}, (int64_t[]){0, 8});
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    nd_release(o);
    nd_array *z3 = nd_zeros(3, (int64_t[]){2, 1, 3}, I64, 'C');
    v = nd_broadcast_to(z3, SHAPE(4, 2, 5, 3));
    expect(v, 4, (int64_t[]){4, 2, 5, 3}, (int64_t[]){0, 24, 0, 8});
    nd_release(v);
    v = nd_broadcast_to(z3, SHAPE(2, 0, 3));
    expect(v, 3, (int64_t[]){2, 0, 3}, (int64_t[]){24, 0, 8});
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    nd_array *s = nd_full(0, NULL, ND_I64(5), I64, 'C');
    v = nd_broadcast_to(s, 0, NULL);
    expect(v, 0, NULL, NULL);
    nd_release(v);
    v = nd_broadcast_to(s, SHAPE(2, 0));
    expect(v, 2, (int64_t[]){2, 0}, (int64_t[]){0, 0});
    nd_release(v);
    /* errors, in NumPy's order */
    const char *big = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";
    expect_err(nd_broadcast_to(a, SHAPE(4)), ND_EVALUE,
               "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and "
               "requested shape (4,)");
    expect_err(nd_broadcast_to(z3, SHAPE(2, 3, 5)), ND_EVALUE,
               "operands could not be broadcast together with remapped shapes [original->remapped]: (2,1,3)  and "
               "requested shape (2,3,5)");
    expect_err(nd_broadcast_to(a, SHAPE(3, 0)), ND_EVALUE,
               "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and "
               "requested shape (3,0)");
    expect_err(nd_broadcast_to(z3, SHAPE(3)), ND_EVALUE,
               "input operand has more dimensions than allowed by the axis remapping");
    expect_err(nd_broadcast_to(a, 0, NULL), ND_EVALUE, "cannot broadcast a non-scalar to a scalar array");
    expect_err(nd_broadcast_to(a, SHAPE(-1, 3)), ND_EVALUE, "all elements of broadcast shape must be non-negative");
    expect_err(nd_broadcast_to(s, SHAPE(-1)), ND_EVALUE, "all elements of broadcast shape must be non-negative");
    int64_t many[33];
    for (int i = 0; i < 33; i++) many[i] = 1;
    expect_err(nd_broadcast_to(a, 33, many), ND_EVALUE, "maximum supported dimension for an ndarray is 32, found 33");
    expect_err(nd_broadcast_to(s, SHAPE(INT64_C(1) << 62, 4)), ND_EVALUE, "iterator is too large");
    expect_err(nd_broadcast_to(s, SHAPE(INT64_C(1) << 60, 4)), ND_EVALUE, big);
    expect_err(nd_broadcast_to(s, SHAPE(0, INT64_C(1) << 62, 4)), ND_EVALUE, big);
    assert_null(nd_broadcast_to(a, -1, NULL));
    nd_release(s);
    nd_release(z3);
    nd_release(a);
}

static void test_sliding_window(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, I64), *v;
    v = nd_sliding_window_view(a, SHAPE(3), NULL, false);
    expect(v, 2, (int64_t[]){4, 3}, (int64_t[]){8, 8});
    assert_false(nd_flags(v) & ND_WRITEABLE);
    values(v, 12, (int64_t[]){0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5});
    nd_release(v);
    v = nd_sliding_window_view(a, SHAPE(3), NULL, true);
    assert_true(nd_flags(v) & ND_WRITEABLE);
    nd_release(v);
    v = nd_sliding_window_view(a, SHAPE(0), NULL, false);
    expect(v, 2, (int64_t[]){7, 0}, (int64_t[]){8, 8});
    nd_release(v);
    v = nd_sliding_window_view(a, SHAPE(6), NULL, false);
    expect(v, 2, (int64_t[]){1, 6}, (int64_t[]){8, 8});
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_release(v);
    nd_array *m = arr(12, 2, (int64_t[]){3, 4});
    v = nd_sliding_window_view(m, SHAPE(2, 2), NULL, false);
    expect(v, 4, (int64_t[]){2, 3, 2, 2}, (int64_t[]){32, 8, 32, 8});
    nd_release(v);
    v = nd_sliding_window_view(m, SHAPE(2), (int[]){0}, false);
    expect(v, 3, (int64_t[]){2, 4, 2}, (int64_t[]){32, 8, 32});
    nd_release(v);
    v = nd_sliding_window_view(m, SHAPE(2, 2), (int[]){0, 0}, false); /* the same axis twice */
    expect(v, 4, (int64_t[]){1, 4, 2, 2}, (int64_t[]){32, 8, 32, 32});
    nd_release(v);
    v = nd_sliding_window_view(m, SHAPE(2, 2), (int[]){1, -1}, false);
    expect(v, 4, (int64_t[]){3, 2, 2, 2}, (int64_t[]){32, 8, 8, 8});
    nd_release(v);
    /* a read-only input stays read-only even when asked for writeable */
    nd_set_writeable(a, false);
    v = nd_sliding_window_view(a, SHAPE(2), NULL, true);
    assert_false(nd_flags(v) & ND_WRITEABLE);
    nd_release(v);
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C');
    v = nd_sliding_window_view(z, 0, NULL, NULL, false);
    expect(v, 0, NULL, NULL);
    nd_release(v);
    /* errors */
    expect_err(nd_sliding_window_view(a, SHAPE(7), NULL, false), ND_EVALUE,
               "window shape cannot be larger than input array shape");
    expect_err(nd_sliding_window_view(a, SHAPE(-1), NULL, false), ND_EVALUE,
               "`window_shape` cannot contain negative values");
    expect_err(nd_sliding_window_view(m, SHAPE(3), NULL, false), ND_EVALUE,
               "Since axis is `None`, must provide window_shape for all dimensions of `x`; got 1 window_shape "
               "elements and `x.ndim` is 2.");
    expect_err(nd_sliding_window_view(m, SHAPE(2, 2), (int[]){0, 5}, false), ND_EAXIS,
               "axis 5 is out of bounds for array of dimension 2");
    expect_err(nd_sliding_window_view(m, SHAPE(4, 2), NULL, false), ND_EVALUE,
               "window shape cannot be larger than input array shape");
    expect_err(nd_sliding_window_view(m, SHAPE(5, -1), NULL, false), ND_EVALUE,
               "`window_shape` cannot contain negative values");
    expect_err(nd_sliding_window_view(m, SHAPE(9, 9), (int[]){0, 9}, false), ND_EAXIS,
               "axis 9 is out of bounds for array of dimension 2");
    int64_t ones[17];
    for (int i = 0; i < 17; i++) ones[i] = 1;
    nd_array *o = nd_ones(17, ones, I64, 'C');
    expect_err(nd_sliding_window_view(o, 17, ones, NULL, false), ND_EVALUE,
               "number of dimensions must be within [0, 32]");
    v = nd_sliding_window_view(o, 15, ones, (int[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, false);
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), 32);
    nd_release(v);
    assert_null(nd_sliding_window_view(a, -1, NULL, NULL, false));
    nd_release(o);
    nd_release(z);
    nd_release(m);
    nd_release(a);
}

static int fail;
static void *fmalloc(size_t n, void *ud) {
    (void)ud;
    return fail ? NULL : malloc(n);
}
static void ffree(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_out_of_memory(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, I64), *v;
    for (int op = 0; op < 4; op++) {
        fail = 1;
        nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
        switch (op) {
        case 0: v = nd_as_strided(a, SHAPE(2), (int64_t[]){8}); break;
        case 1: v = nd_as_strided_checked(a, SHAPE(2), (int64_t[]){8}); break;
        case 2: v = nd_broadcast_to(a, SHAPE(2, 6)); break;
        default: v = nd_sliding_window_view(a, SHAPE(2), NULL, false); break;
        }
        nd_set_allocator(NULL);
        expect_err(v, ND_ENOMEM, "out of memory");
        assert_int_equal(nd_refcount(a), 1);
    }
    nd_release(a);
}

static void test_numpy_cases(void **state) {
    (void)state;
    int ran;
    int bad = vc_check_all(view_cases, sizeof view_cases / sizeof view_cases[0], "BT SW", false, &ran);
    assert_true(ran > 300);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_as_strided),     cmocka_unit_test(test_as_strided_checked),
        cmocka_unit_test(test_broadcast_to),   cmocka_unit_test(test_sliding_window),
        cmocka_unit_test(test_out_of_memory),  cmocka_unit_test(test_numpy_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
