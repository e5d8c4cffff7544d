/* test_dlpack.c — DLPack export/import, zero-copy, deleter exactly once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "nd_internal.h"

#if __has_include(<dlpack/dlpack.h>)
#include <dlpack/dlpack.h>

static void test_export(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 12, 1, NULL);
    long rc0 = nd_refcount(a);
    DLManagedTensor *t = nd_to_dlpack(a);
    assert_non_null(t);
    assert_int_equal(nd_refcount(a), rc0 + 1);
    DLTensor *x = &t->dl_tensor;
    assert_ptr_equal(x->data, nd_data(a));
    assert_int_equal(x->device.device_type, kDLCPU);
    assert_int_equal(x->ndim, 1);
    assert_int_equal(x->shape[0], 12);
    assert_int_equal(x->strides[0], 1);
    assert_int_equal(x->dtype.code, kDLInt);
    assert_int_equal(x->dtype.bits, 64);
    assert_int_equal(x->dtype.lanes, 1);
    assert_int_equal(x->byte_offset, 0);
    t->deleter(t);
    assert_int_equal(nd_refcount(a), rc0);
    /* A strided 2-d view: strides in elements. */
    nd_array *v = nd__view_new(a, 2, nd_array_dtype(a));
    v->shape[0] = 3, v->shape[1] = 2;
    v->strides[0] = 32, v->strides[1] = 16;
    nd__update_flags(v);
    t = nd_to_dlpack(v);
    assert_int_equal(t->dl_tensor.strides[0], 4);
    assert_int_equal(t->dl_tensor.strides[1], 2);
    nd_release(v); /* the tensor keeps the memory alive */
    assert_int_equal(((int64_t *)t->dl_tensor.data)[4 * 2 + 2], 10);
    t->deleter(t);
    nd_release(a);
}

static void test_export_errors(void **state) {
    (void)state;
    nd_array *a = nd_zeros(1, (int64_t[]){4}, nd_dtype_of(ND_BOOL), 'C');
    assert_null(nd_to_dlpack(a));
    assert_int_equal(nd_errcode(), ND_EBUFFER);
    assert_string_equal(nd_errmsg(), "DLPack only supports signed/unsigned integers, float and complex dtypes.");
    nd_release(a);
    a = nd_zeros(1, (int64_t[]){4}, nd_dtype_parse(">i4"), 'C');
    assert_null(nd_to_dlpack(a));
    assert_string_equal(nd_errmsg(), "DLPack only supports native byte order.");
    nd_release(a);
    a = nd_zeros(1, (int64_t[]){4}, nd_dtype_of(ND_INT32), 'C');
    nd_set_writeable(a, false);
    assert_null(nd_to_dlpack(a));
    assert_string_equal(nd_errmsg(), "Cannot export readonly array since signalling readonly is unsupported by DLPack.");
    nd_set_writeable(a, true);
    nd_array *v = nd__view_new(a, 1, nd_dtype_of(ND_INT16));
    v->shape[0] = 2, v->strides[0] = 3;
    nd__update_flags(v);
    assert_null(nd_to_dlpack(v));
    assert_string_equal(nd_errmsg(), "DLPack only supports strides which are a multiple of itemsize.");
    assert_int_equal(nd_refcount(a), 2);
    nd_release(v);
    nd_release(a);
}

static int deleted;
static void count_deleter(DLManagedTensor *t) {
    (void)t;
    deleted++;
}

static void test_import(void **state) {
    (void)state;
    static float mem[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    int64_t shape[2] = {2, 3}, strides[2] = {-3, 1};
    DLManagedTensor t = {
        .dl_tensor = {.data = mem, .device = {kDLCPU, 0}, .ndim = 2, .dtype = {kDLFloat, 32, 1},
                      .shape = shape, .strides = strides, .byte_offset = 3 * sizeof(float)},
        .deleter = count_deleter,
    };
    deleted = 0;
    nd_array *a = nd_from_dlpack(&t);
    assert_non_null(a);
    assert_ptr_equal(nd_data(a), mem + 3);
    assert_int_equal(nd_strides(a)[0], -12);
    nd_value v;
    assert_int_equal(nd_get(a, (int64_t[]){1, 2}, &v), 0);
    assert_true(v.f == 2.0);
    assert_false(nd_flags(a) & ND_WRITEABLE); /* as NumPy 1.24's from_dlpack */
    assert_int_equal(nd_set_writeable(a, true), ND_EVALUE);
    assert_false(nd_flags(a) & ND_OWNDATA);
    assert_null(nd_base(a));
    nd_array *w = nd__view_new(a, 1, nd_array_dtype(a));
    w->shape[0] = 3, w->strides[0] = 4;
    nd__update_flags(w);
    nd_release(a);
    assert_int_equal(deleted, 0);
    nd_release(w);
    assert_int_equal(deleted, 1);
}

static void test_import_errors(void **state) {
    (void)state;
    static int32_t mem[4];
    int64_t shape[1] = {4};
    DLManagedTensor t = {
        .dl_tensor = {.data = mem, .device = {kDLCUDA, 0}, .ndim = 1, .dtype = {kDLInt, 32, 1}, .shape = shape},
        .deleter = count_deleter,
    };
    deleted = 0;
    assert_null(nd_from_dlpack(&t));
    assert_string_equal(nd_errmsg(), "Unsupported device in DLTensor.");
    t.dl_tensor.device.device_type = kDLCPU;
    t.dl_tensor.dtype.lanes = 4;
    assert_null(nd_from_dlpack(&t));
    assert_string_equal(nd_errmsg(), "Unsupported lanes in DLTensor dtype.");
    t.dl_tensor.dtype = (DLDataType){kDLBfloat, 16, 1};
    assert_null(nd_from_dlpack(&t));
    assert_string_equal(nd_errmsg(), "Unsupported dtype in DLTensor.");
    t.dl_tensor.dtype = (DLDataType){kDLInt, 24, 1};
    assert_null(nd_from_dlpack(&t));
    t.dl_tensor.dtype = (DLDataType){kDLInt, 32, 1};
    t.dl_tensor.ndim = 33;
    assert_null(nd_from_dlpack(&t));
    shape[0] = -1;
    t.dl_tensor.ndim = 1;
    assert_null(nd_from_dlpack(&t));
    assert_int_equal(deleted, 0); /* failures leave t with the caller */
}

static void test_roundtrip(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_UINT16));
    DLManagedTensor *t = nd_to_dlpack(a);
    nd_array *b = nd_from_dlpack(t);
    assert_non_null(b);
    assert_ptr_equal(nd_data(b), nd_data(a));
    assert_true(nd_dtype_equal(nd_array_dtype(b), nd_array_dtype(a)));
    assert_int_equal(nd_set(a, (int64_t[]){2}, ND_I64(99)), 0);
    nd_value v;
    nd_get(b, (int64_t[]){2}, &v);
    assert_int_equal(v.u, 99);
    assert_int_equal(nd_refcount(a), 2);
    nd_release(b); /* runs the export deleter, which drops its ref */
    assert_int_equal(nd_refcount(a), 1);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_export), cmocka_unit_test(test_export_errors), cmocka_unit_test(test_import),
        cmocka_unit_test(test_import_errors), cmocka_unit_test(test_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
#else
int main(void) { return 0; }
#endif
