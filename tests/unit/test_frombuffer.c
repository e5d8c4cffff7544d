/* test_frombuffer.c — zero-copy arrays over caller memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#include "nd_internal.h"

static int released;
static void *released_ptr;
static void on_release(void *ptr, size_t size, void *ctx) {
    (void)size;
    released++;
    released_ptr = ptr;
    if (ctx) free(ctx);
}

static void test_basic(void **state) {
    (void)state;
    uint8_t bytes[16];
    for (int i = 0; i < 16; i++) bytes[i] = (uint8_t)i;
    released = 0;
    nd_array *a = nd_frombuffer(bytes, 16, false, nd_dtype_of(ND_INT32), -1, 0, on_release, NULL);
    assert_non_null(a);
    assert_int_equal(nd_ndim(a), 1);
    assert_int_equal(nd_shape(a)[0], 4);
    assert_int_equal(nd_strides(a)[0], 4);
    assert_ptr_equal(nd_data(a), bytes);
    int f = nd_flags(a);
    assert_true(f & ND_C_CONTIGUOUS);
    assert_true(f & ND_F_CONTIGUOUS);
    assert_false(f & ND_OWNDATA);
    assert_true(f & ND_WRITEABLE);
    assert_null(nd_base(a));
    assert_true(nd_has_external_base(a));
    nd_value v;
    assert_int_equal(nd_get(a, (int64_t[]){1}, &v), 0);
    assert_int_equal(v.i, 0x07060504);
    assert_int_equal(nd_set(a, (int64_t[]){0}, ND_I64(-1)), 0);
    assert_int_equal(bytes[0], 0xff);
    /* Writeable can be dropped and taken back over writable memory. */
    assert_int_equal(nd_set_writeable(a, false), 0);
    assert_int_equal(nd_set_writeable(a, true), 0);
    nd_release(a);
    assert_int_equal(released, 1);
    assert_ptr_equal(released_ptr, bytes);
}

static void test_misaligned(void **state) {
    (void)state;
    uint8_t bytes[16] __attribute__((aligned(8))) = {0};
    for (int i = 0; i < 16; i++) bytes[i] = (uint8_t)i;
    nd_array *a = nd_frombuffer(bytes, 16, false, nd_dtype_of(ND_UINT32), 2, 1, NULL, NULL);
    assert_non_null(a);
    assert_false(nd_flags(a) & ND_ALIGNED);
    assert_true(nd_flags(a) & ND_C_CONTIGUOUS);
    nd_value v;
    assert_int_equal(nd_get(a, (int64_t[]){0}, &v), 0);
    assert_int_equal(v.u, 67305985u); /* NumPy: [67305985, 134678021] */
    assert_int_equal(nd_get(a, (int64_t[]){1}, &v), 0);
    assert_int_equal(v.u, 134678021u);
    assert_int_equal(nd_set(a, (int64_t[]){1}, ND_U64(0xAABBCCDD)), 0);
    assert_int_equal(bytes[5], 0xDD);
    assert_int_equal(bytes[8], 0xAA);
    nd_release(a);
    a = nd_frombuffer(bytes, 16, false, nd_dtype_of(ND_UINT32), 2, 4, NULL, NULL);
    assert_true(nd_flags(a) & ND_ALIGNED);
    nd_release(a);
}

static void test_byteorder(void **state) {
    (void)state;
    uint8_t bytes[4] = {0, 0, 0, 1};
    nd_array *be = nd_frombuffer(bytes, 4, true, nd_dtype_parse(">u4"), -1, 0, NULL, NULL);
    nd_array *le = nd_frombuffer(bytes, 4, true, nd_dtype_parse("<u4"), -1, 0, NULL, NULL);
    nd_value v;
    nd_get(be, (int64_t[]){0}, &v);
    assert_int_equal(v.u, 1);
    nd_get(le, (int64_t[]){0}, &v);
    assert_int_equal(v.u, 16777216);
    nd_release(be);
    nd_release(le);
}

static void test_readonly(void **state) {
    (void)state;
    static const uint8_t bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    released = 0;
    nd_array *a = nd_frombuffer((void *)bytes, 8, true, nd_dtype_of(ND_UINT8), -1, 0, on_release, NULL);
    assert_non_null(a);
    assert_false(nd_flags(a) & ND_WRITEABLE);
    assert_int_equal(nd_set(a, (int64_t[]){0}, ND_I64(9)), ND_EREADONLY);
    assert_int_equal(nd_set_writeable(a, true), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "cannot set WRITEABLE flag to True of this array");
    assert_false(nd_flags(a) & ND_WRITEABLE);
    /* A view of it cannot become writeable either. */
    nd_array *v = nd__view_new(a, 1, nd_array_dtype(a));
    v->shape[0] = 4;
    v->strides[0] = 2;
    nd__update_flags(v);
    assert_int_equal(nd_set_writeable(v, true), ND_EVALUE);
    nd_release(a);
    assert_int_equal(released, 0); /* the view keeps the memory alive */
    nd_release(v);
    assert_int_equal(released, 1);
}

static void test_release_once_many_views(void **state) {
    (void)state;
    released = 0;
    char *mem = malloc(64);
    nd_array *a = nd_frombuffer(mem, 64, false, nd_dtype_of(ND_FLOAT64), -1, 0, on_release, mem);
    assert_non_null(a);
    nd_array *views[5];
    for (int i = 0; i < 5; i++) {
        views[i] = nd__view_new(i ? views[i - 1] : a, 1, nd_array_dtype(a));
        views[i]->shape[0] = 1;
        views[i]->strides[0] = 8;
        nd__update_flags(views[i]);
        assert_ptr_equal(nd_base(views[i]), a);
    }
    nd_release(a);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(released, 0);
        nd_release(views[i]);
    }
    assert_int_equal(released, 1); /* ctx (mem) freed by the callback: ASan checks it */
}

static void test_errors(void **state) {
    (void)state;
    uint8_t bytes[16] = {0};
    const nd_dtype *i4 = nd_dtype_of(ND_INT32);
    released = 0;
    assert_null(nd_frombuffer(bytes, 16, false, i4, -1, 17, on_release, NULL));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "offset must be non-negative and no greater than buffer length (16)");
    assert_null(nd_frombuffer(bytes, 16, false, i4, -1, -1, on_release, NULL));
    assert_string_equal(nd_errmsg(), "offset must be non-negative and no greater than buffer length (16)");
    assert_null(nd_frombuffer(bytes, 16, false, i4, -1, 2, on_release, NULL));
    assert_string_equal(nd_errclass(), "ValueError");
    assert_string_equal(nd_errmsg(), "buffer size must be a multiple of element size");
    assert_null(nd_frombuffer(bytes, 16, false, i4, 5, 0, on_release, NULL));
    assert_string_equal(nd_errmsg(), "buffer is smaller than requested size");
    assert_null(nd_frombuffer(bytes, 16, false, i4, INT64_MAX, 0, on_release, NULL));
    assert_string_equal(nd_errmsg(), "buffer is smaller than requested size");
    assert_int_equal(released, 0); /* a failed call never runs the callback */
    /* Empty results: offset at the end, and count 0. */
    nd_array *a = nd_frombuffer(bytes, 16, false, i4, -1, 16, NULL, NULL);
    assert_non_null(a);
    assert_int_equal(nd_size(a), 0);
    nd_release(a);
    a = nd_frombuffer(NULL, 0, false, i4, -1, 0, NULL, NULL);
    assert_non_null(a);
    assert_int_equal(nd_size(a), 0);
    nd_release(a);
}

/* Itemsizes that are not a power of two take the division path; a zero
 * itemsize is NumPy's ValueError (it divided by zero before). */
static void test_itemsize(void **state) {
    (void)state;
    uint8_t bytes[10] = {0};
    const nd_dtype *v3 = nd_dtype_void(3), *v0 = nd_dtype_void(0);
    nd_array *a = nd_frombuffer(bytes, 9, false, v3, -1, 0, NULL, NULL);
    assert_non_null(a);
    assert_int_equal(nd_shape(a)[0], 3);
    assert_int_equal(nd_strides(a)[0], 3);
    nd_release(a);
    a = nd_frombuffer(bytes, 10, false, v3, -1, 1, NULL, NULL);
    assert_non_null(a);
    assert_int_equal(nd_shape(a)[0], 3);
    nd_release(a);
    assert_null(nd_frombuffer(bytes, 10, false, v3, -1, 0, NULL, NULL));
    assert_string_equal(nd_errmsg(), "buffer size must be a multiple of element size");
    /* NumPy checks the itemsize first, even before a bad offset. */
    assert_null(nd_frombuffer(bytes, 10, false, v0, -1, 0, NULL, NULL));
    assert_string_equal(nd_errclass(), "ValueError");
    assert_string_equal(nd_errmsg(), "itemsize cannot be zero in type");
    assert_null(nd_frombuffer(bytes, 10, false, v0, 3, 99, NULL, NULL));
    assert_string_equal(nd_errmsg(), "itemsize cannot be zero in type");
    nd_dtype_release(v3);
    nd_dtype_release(v0);
}

/* Fail allocation number `fail_at`. */
static int alloc_count, fail_at;
static void *count_malloc(size_t n, void *ud) {
    (void)ud;
    return ++alloc_count == fail_at ? NULL : malloc(n);
}
static void count_free(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_oom(void **state) {
    (void)state;
    uint8_t bytes[8] = {0};
    nd_allocator al = {count_malloc, count_free, NULL};
    for (fail_at = 1;; fail_at++) {
        alloc_count = 0;
        released = 0;
        nd_set_allocator(&al);
        nd_array *a = nd_frombuffer(bytes, 8, false, nd_dtype_of(ND_UINT8), -1, 0, on_release, NULL);
        nd_set_allocator(NULL);
        if (a) {
            nd_release(a);
            assert_int_equal(released, 1);
            break;
        }
        assert_int_equal(nd_errcode(), ND_ENOMEM);
        assert_int_equal(released, 0);
    }
    assert_true(fail_at > 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),     cmocka_unit_test(test_misaligned),
        cmocka_unit_test(test_byteorder), cmocka_unit_test(test_readonly),
        cmocka_unit_test(test_release_once_many_views), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_oom),       cmocka_unit_test(test_itemsize),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
