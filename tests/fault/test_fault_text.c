/* test_fault_text.c — allocation failures in text output: str, repr and
 * value_str over the dtypes and layouts that take different paths
 * (summarised arrays, floats, complex, bool, 0-d, empty, byte-swapped). */
#include "fault.h"

static int s_int(fault_fx *f) { return (f->a[0] = fx_owner(2, (int64_t[]){3, 4}, ND_INT64)) ? 0 : nd_errcode(); }
static int s_i16(fault_fx *f) { return (f->a[0] = fx_owner(1, (int64_t[]){7}, ND_INT16)) ? 0 : nd_errcode(); }
static int s_f64(fault_fx *f) { return (f->a[0] = fx_owner(2, (int64_t[]){3, 4}, ND_FLOAT64)) ? 0 : nd_errcode(); }
static int s_f32(fault_fx *f) { return (f->a[0] = fx_owner(1, (int64_t[]){5}, ND_FLOAT32)) ? 0 : nd_errcode(); }
static int s_f16(fault_fx *f) { return (f->a[0] = fx_owner(1, (int64_t[]){5}, ND_FLOAT16)) ? 0 : nd_errcode(); }
static int s_c128(fault_fx *f) { return (f->a[0] = fx_owner(2, (int64_t[]){2, 2}, ND_COMPLEX128)) ? 0 : nd_errcode(); }
static int s_bool(fault_fx *f) { return (f->a[0] = fx_owner(1, (int64_t[]){4}, ND_BOOL)) ? 0 : nd_errcode(); }
static int s_0d(fault_fx *f) { return (f->a[0] = fx_owner(0, NULL, ND_FLOAT64)) ? 0 : nd_errcode(); }
static int s_empty(fault_fx *f) { return (f->a[0] = fx_owner(2, (int64_t[]){0, 3}, ND_UINT8)) ? 0 : nd_errcode(); }
/* More than the 1000-element threshold: printed with "..." */
static int s_big(fault_fx *f) { return (f->a[0] = fx_owner(2, (int64_t[]){50, 40}, ND_FLOAT64)) ? 0 : nd_errcode(); }

/* a[1]: the owner's int32 elements seen big-endian and reversed. */
static int s_swapped(fault_fx *f) {
    if (!(f->a[0] = fx_owner(1, (int64_t[]){6}, ND_INT32))) return nd_errcode();
    const nd_dtype *dt = nd_dtype_parse(">i4");
    if (!dt) return nd_errcode();
    f->a[1] = nd_from_buf(nd_array_buf(f->a[0]), dt, 1, (int64_t[]){6}, (int64_t[]){-4}, 20);
    nd_dtype_release(dt);
    return f->a[1] ? 0 : nd_errcode();
}

static int o_str(fault_fx *f) { return keep_str(f, nd_str(f->a[0])); }
static int o_repr(fault_fx *f) { return keep_str(f, nd_repr(f->a[0])); }
static int o_str1(fault_fx *f) { return keep_str(f, nd_str(f->a[1])); }
static int o_repr1(fault_fx *f) { return keep_str(f, nd_repr(f->a[1])); }
static int o_value_f64(fault_fx *f) { return keep_str(f, nd_value_str(ND_F64(0.1), ND_FLOAT64)); }
static int o_value_f32(fault_fx *f) { return keep_str(f, nd_value_str(ND_F64(1.0 / 3), ND_FLOAT32)); }
static int o_value_c128(fault_fx *f) { return keep_str(f, nd_value_str(ND_C128(1.5, -2), ND_COMPLEX128)); }
static int o_value_i64(fault_fx *f) { return keep_str(f, nd_value_str(ND_I64(-1234567890123), ND_INT64)); }
static int o_value_bool(fault_fx *f) { return keep_str(f, nd_value_str(ND_BOOLV(true), ND_BOOL)); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(str_int, s_int, o_str, 0),
        FAULT_CASE(repr_int, s_int, o_repr, 0),
        FAULT_CASE(repr_int16, s_i16, o_repr, 0),
        FAULT_CASE(str_float64, s_f64, o_str, 0),
        FAULT_CASE(repr_float64, s_f64, o_repr, 0),
        FAULT_CASE(repr_float32, s_f32, o_repr, 0),
        FAULT_CASE(repr_float16, s_f16, o_repr, 0),
        FAULT_CASE(str_complex, s_c128, o_str, 0),
        FAULT_CASE(repr_complex, s_c128, o_repr, 0),
        FAULT_CASE(repr_bool, s_bool, o_repr, 0),
        FAULT_CASE(str_0d, s_0d, o_str, 0),
        FAULT_CASE(repr_0d, s_0d, o_repr, 0),
        FAULT_CASE(repr_empty, s_empty, o_repr, 0),
        FAULT_CASE(str_summarised, s_big, o_str, 0),
        FAULT_CASE(repr_summarised, s_big, o_repr, 0),
        FAULT_CASE(str_swapped, s_swapped, o_str1, 0),
        FAULT_CASE(repr_swapped, s_swapped, o_repr1, 0),
        FAULT_CASE(value_str_float64, NULL, o_value_f64, 0),
        FAULT_CASE(value_str_float32, NULL, o_value_f32, 0),
        FAULT_CASE(value_str_complex, NULL, o_value_c128, 0),
        FAULT_CASE(value_str_int64, NULL, o_value_i64, 0),
        FAULT_CASE(value_str_bool, NULL, o_value_bool, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
