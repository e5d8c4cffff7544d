/* test_viewdtype.c — nd_view_dtype (a.view(dtype)) against NumPy 1.24:
 * only the last axis rescales, with NumPy's rules and messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "view_case_util.h"
#include "view_cases.h"

#define DT(t) nd_dtype_of(ND_##t)

static nd_array *arr(nd_type t, int64_t n, int nd, const int64_t *shape) {
    nd_array *a = nd_arange(0, n, 1, nd_dtype_of(t));
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

static void expect_err(nd_array *v, const char *msg) {
    assert_null(v);
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_string_equal(nd_errclass(), "ValueError");
    assert_string_equal(nd_errmsg(), msg);
}

static const char *LARGER = "When changing to a larger dtype, its size must be a divisor of the total size in bytes "
                            "of the last axis of the array.";
static const char *CONTIG = "To change to a dtype of a different size, the last axis must be contiguous";

static void test_rescale_last_axis(void **state) {
    (void)state;
    /* arange(6,'i4').reshape(2,3).view('i2') -> (2,6) (12,2) */
    nd_array *a = arr(ND_INT32, 6, 2, (int64_t[]){2, 3});
    nd_array *v = nd_view_dtype(a, DT(INT16));
    expect(v, 2, (int64_t[]){2, 6}, (int64_t[]){12, 2});
    assert_ptr_equal(nd_base(v), nd_base(a));
    assert_true(nd_flags(v) & ND_C_CONTIGUOUS);
    nd_value x;
    nd_get(v, (int64_t[]){0, 2}, &x);
    assert_int_equal(x.i, 1); /* little-endian low half of element 1 */
    nd_release(v);
    expect_err(nd_view_dtype(a, DT(INT64)), LARGER);
    nd_release(a);
    /* arange(10,'i2').view('i4') -> (5,) (4,), values 65536, 196610, ... */
    nd_array *b = nd_arange(0, 10, 1, DT(INT16));
    v = nd_view_dtype(b, DT(INT32));
    expect(v, 1, (int64_t[]){5}, (int64_t[]){4});
    nd_get(v, (int64_t[]){1}, &x);
    assert_int_equal(x.i, 196610);
    /* the += pattern: writes through the wider view change the narrow one */
    assert_int_equal(nd_set(v, (int64_t[]){0}, ND_I64(0x00070005)), 0);
    nd_get(b, (int64_t[]){0}, &x);
    assert_int_equal(x.i, 5);
    nd_get(b, (int64_t[]){1}, &x);
    assert_int_equal(x.i, 7);
    nd_release(v);
    nd_release(b);
    /* same itemsize: only the dtype changes, any layout, 0-d too */
    nd_array *c = arr(ND_INT32, 8, 2, (int64_t[]){2, 4});
    nd_array *ct = nd_transpose(c, NULL);
    v = nd_view_dtype(ct, DT(FLOAT32));
    expect(v, 2, (int64_t[]){4, 2}, (int64_t[]){4, 16});
    assert_int_equal(nd_dtype_type(nd_array_dtype(v)), ND_FLOAT32);
    nd_release(v);
    const nd_dtype *be = nd_dtype_parse(">i4");
    v = nd_view_dtype(c, be);
    nd_get(v, (int64_t[]){0, 1}, &x);
    assert_int_equal(x.i, 16777216);
    nd_release(v);
    nd_dtype_release(be);
    nd_array *z = nd_full(0, NULL, ND_I64(5), DT(INT32), 'C');
    v = nd_view_dtype(z, DT(UINT32));
    expect(v, 0, NULL, NULL);
    nd_release(v);
    expect_err(nd_view_dtype(z, DT(INT16)),
               "Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    nd_release(z);
    nd_release(ct);
    nd_release(c);
}

static void test_contiguity_rules(void **state) {
    (void)state;
    nd_array *x4 = arr(ND_INT32, 8, 2, (int64_t[]){2, 4}), *v;
    nd_array *t = nd_transpose(x4, NULL);
    expect_err(nd_view_dtype(t, DT(INT16)), CONTIG);
    nd_array *s = nd_index(x4, ":, ::2");
    expect_err(nd_view_dtype(s, DT(INT16)), CONTIG);
    nd_release(s);
    /* x4[::2].view('i8') -> (1,2) (32,8): outer axes may be strided */
    s = nd_index(x4, "::2");
    v = nd_view_dtype(s, DT(INT64));
    expect(v, 2, (int64_t[]){1, 2}, (int64_t[]){32, 8});
    nd_release(v);
    nd_release(s);
    nd_release(t);
    nd_release(x4);
    /* q=arange(12,'i2').reshape(3,4): q[:,1:3].view('i4') -> (3,1) (8,4), misaligned */
    nd_array *q = arr(ND_INT16, 12, 2, (int64_t[]){3, 4});
    s = nd_index(q, ":, 1:3");
    v = nd_view_dtype(s, DT(INT32));
    expect(v, 2, (int64_t[]){3, 1}, (int64_t[]){8, 4});
    assert_false(nd_flags(v) & ND_ALIGNED);
    nd_release(v);
    nd_release(s);
    /* q[:,:1]: a length-1 last axis need not be contiguous */
    s = nd_index(q, ":, :1");
    v = nd_view_dtype(s, DT(INT8));
    expect(v, 2, (int64_t[]){3, 2}, (int64_t[]){8, 1});
    nd_release(v);
    expect_err(nd_view_dtype(s, DT(INT32)), LARGER);
    nd_release(s);
    /* reversed last axis */
    s = nd_index(q, "0, ::-1");
    expect_err(nd_view_dtype(s, DT(INT8)), CONTIG);
    nd_release(s);
    nd_release(q);
    /* complex <-> float pairs */
    nd_array *c = nd_zeros(1, (int64_t[]){4}, DT(COMPLEX128), 'C');
    v = nd_view_dtype(c, DT(FLOAT64));
    expect(v, 1, (int64_t[]){8}, (int64_t[]){8});
    nd_release(v);
    s = nd_index(c, "::2");
    expect_err(nd_view_dtype(s, DT(FLOAT64)), CONTIG);
    nd_release(s);
    nd_release(c);
}

static void test_empty_and_broadcast(void **state) {
    (void)state;
    /* zeros((3,0),'i2').view('i4') -> (3,0) (0,4); .T.view('i4') fails (3*2 % 4) */
    nd_array *e = nd_zeros(2, (int64_t[]){3, 0}, DT(INT16), 'C'), *v;
    v = nd_view_dtype(e, DT(INT32));
    expect(v, 2, (int64_t[]){3, 0}, (int64_t[]){0, 4});
    nd_release(v);
    v = nd_view_dtype(e, DT(INT8));
    expect(v, 2, (int64_t[]){3, 0}, (int64_t[]){0, 1});
    nd_release(v);
    nd_array *t = nd_transpose(e, NULL);
    expect_err(nd_view_dtype(t, DT(INT32)), LARGER);
    nd_release(t);
    nd_release(e);
    /* a broadcast (read-only) array: the contiguous last axis rescales */
    nd_array *a = nd_arange(0, 3, 1, DT(INT16));
    nd_array *b = nd_broadcast_to(a, 2, (int64_t[]){2, 3});
    v = nd_view_dtype(b, DT(INT8));
    expect(v, 2, (int64_t[]){2, 6}, (int64_t[]){0, 1});
    assert_false(nd_flags(v) & ND_WRITEABLE);
    nd_release(v);
    nd_release(b);
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
    nd_array *a = nd_arange(0, 4, 1, DT(INT32));
    fail = 1;
    nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
    nd_array *v = nd_view_dtype(a, DT(INT16));
    nd_set_allocator(NULL);
    assert_null(v);
    assert_int_equal(nd_errcode(), ND_ENOMEM);
    assert_int_equal(nd_refcount(a), 1);
    nd_release(a);
}

static void test_numpy_cases(void **state) {
    (void)state;
    int ran;
    int bad = vc_check_all(view_cases, sizeof view_cases / sizeof view_cases[0], "VD", false, &ran);
    assert_true(ran > 200);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rescale_last_axis), cmocka_unit_test(test_contiguity_rules),
        cmocka_unit_test(test_empty_and_broadcast), cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_numpy_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
