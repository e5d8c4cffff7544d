/* test_fault_ops.c — allocation failures in element-wise operations
 * (nd_apply and type resolution) and reductions. */
#include "fault.h"

static const int64_t SH34[] = {3, 4};

/* a[0]: 3x4 int32; a[1]: (4,) float64 (broadcasts against a[0]). */
static int s_two(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = fx_owner(1, (int64_t[]){4}, ND_FLOAT64);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[0]: 3x4 int32; a[1]: a 0-d int64 (takes part by value). */
static int s_scalar(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = nd_scalar(ND_I64(7), NULL);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[1] = z[1:], a[2] = z[:-1] of z = a[0], 10 int64: z[1:] += z[:-1]. */
static int s_overlap(fault_fx *f) {
    if (!(f->a[0] = fx_owner(1, (int64_t[]){10}, ND_INT64))) return nd_errcode();
    if (!(f->a[1] = fx_strided(f->a[0], ND_INT64, 1, (int64_t[]){9}, NULL, 8))) return nd_errcode();
    f->a[2] = fx_strided(f->a[0], ND_INT64, 1, (int64_t[]){9}, NULL, 0);
    return f->a[2] ? 0 : nd_errcode();
}

/* a[1]: shape (2, 3, 2), strides (96, -32, 16) over a 2x3x4 float64 owner. */
static int s_strided(fault_fx *f) {
    if (!(f->a[0] = fx_owner(3, (int64_t[]){2, 3, 4}, ND_FLOAT64))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_FLOAT64, 3, (int64_t[]){2, 3, 2}, (int64_t[]){96, -32, 16}, 64);
    return f->a[1] ? 0 : nd_errcode();
}

static int s_mat(fault_fx *f) { return (f->a[0] = fx_owner(2, SH34, ND_INT16)) ? 0 : nd_errcode(); }
static int s_empty(fault_fx *f) { return (f->a[0] = fx_owner(2, (int64_t[]){0, 3}, ND_FLOAT32)) ? 0 : nd_errcode(); }
static int s_f32_out(fault_fx *f) { /* a[2]: a float32 out for int32 + float64 */
    int rc = s_two(f);
    if (rc == 0 && !(f->a[2] = fx_owner(2, SH34, ND_FLOAT32))) rc = nd_errcode();
    return rc;
}

/* ---- nd_apply and type resolution ---- */

static int o_add(fault_fx *f) { return keep(f, nd_apply(ND_ADD, f->a[0], f->a[1], NULL)); }
static int o_add_out(fault_fx *f) { return keep(f, nd_apply(ND_ADD, f->a[0], f->a[1], f->a[2])); }
/* where= over a float32 out (masked), and an unsafe cast into an int16 one */
static int s_where(fault_fx *f) {
    int rc = s_f32_out(f);
    if (rc == 0 && !(f->a[3] = nd_apply(ND_GREATER, f->a[1], f->a[1], NULL))) rc = nd_errcode(); /* all false */
    return rc;
}
static int o_add_where(fault_fx *f) { return keep(f, nd_apply_where(ND_ADD, f->a[0], f->a[1], f->a[2], f->a[3], ND_CAST_SAME_KIND)); }
static int o_add_unsafe(fault_fx *f) { return keep(f, nd_apply_where(ND_ADD, f->a[0], f->a[1], f->a[2], NULL, ND_CAST_UNSAFE)); }
static int o_add_overlap(fault_fx *f) { return keep(f, nd_apply(ND_ADD, f->a[1], f->a[2], f->a[1])); }
static int o_less(fault_fx *f) { return keep(f, nd_apply(ND_LESS, f->a[1], f->a[1], NULL)); }
static int o_sqrt(fault_fx *f) { return keep(f, nd_apply(ND_SQRT, f->a[0], NULL, NULL)); }
static int o_negative(fault_fx *f) { return keep(f, nd_apply(ND_NEGATIVE, f->a[1], NULL, NULL)); }
static int o_add_bad(fault_fx *f) { return keep(f, nd_apply(ND_ADD, f->a[0], f->a[2], NULL)); }
static int s_bad(fault_fx *f) {
    int rc = s_two(f);
    if (rc == 0 && !(f->a[2] = fx_owner(1, (int64_t[]){5}, ND_INT8))) rc = nd_errcode();
    return rc;
}
static int o_result_type_uf(fault_fx *f) { return keep_dt(f, nd_ufunc_result_type(ND_TRUE_DIVIDE, f->a[0], f->a[1])); }
static int o_scalar(fault_fx *f) { return keep(f, nd_scalar(ND_C128(1, -1), NULL)); }
static int o_result_type(fault_fx *f) {
    const nd_array *arrs[] = {f->a[0], f->a[1]};
    return keep_dt(f, nd_result_type(2, arrs));
}
static int o_min_scalar_type(fault_fx *f) { return keep_dt(f, nd_min_scalar_type(f->a[1])); }
static int o_broadcast_shapes(fault_fx *f) {
    int64_t out[ND_MAXDIMS];
    int out_nd = 0;
    int rc = nd_broadcast_shapes(2, (int[]){2, 1}, (const int64_t *const[]){SH34, (int64_t[]){4}}, &out_nd, out);
    return keep_int(f, rc < 0 ? rc : out_nd);
}

/* ---- reductions ---- */

static const int AX0[] = {0}, AX1[] = {1}, AX02[] = {0, 2};
static int o_sum_all(fault_fx *f) { return keep(f, nd_sum(f->a[1], -1, NULL, false, NULL)); }
static int o_sum_axes(fault_fx *f) { return keep(f, nd_sum(f->a[1], 2, AX02, true, NULL)); }
static int o_sum_int(fault_fx *f) { return keep(f, nd_sum(f->a[0], 1, AX0, false, NULL)); }
static int o_prod(fault_fx *f) { return keep(f, nd_prod(f->a[0], 1, AX1, false, nd_dtype_of(ND_FLOAT32))); }
static int o_amin(fault_fx *f) { return keep(f, nd_amin(f->a[1], 1, AX1, false)); }
static int o_amax(fault_fx *f) { return keep(f, nd_amax(f->a[1], -1, NULL, true)); }
static int o_amin_empty(fault_fx *f) { return keep(f, nd_amin(f->a[0], 1, AX0, false)); }
static int o_any(fault_fx *f) { return keep(f, nd_any(f->a[1], 1, AX0, false)); }
static int o_all(fault_fx *f) { return keep(f, nd_all(f->a[0], -1, NULL, false)); }
static int o_mean(fault_fx *f) { return keep(f, nd_mean(f->a[0], 1, AX1, false, NULL)); }
static int o_var(fault_fx *f) { return keep(f, nd_var(f->a[1], 1, AX0, 1, false, NULL)); }
static int o_std(fault_fx *f) { return keep(f, nd_std(f->a[1], -1, NULL, 0, true, NULL)); }
static int o_argmax(fault_fx *f) { return keep(f, nd_argmax(f->a[1], 2, false)); }
static int o_argmin_flat(fault_fx *f) { return keep(f, nd_argmin(f->a[1], ND_AXIS_NONE, false)); }
static int o_cumsum(fault_fx *f) { return keep(f, nd_cumsum(f->a[1], ND_AXIS_NONE, NULL)); }
static int o_cumprod(fault_fx *f) { return keep(f, nd_cumprod(f->a[0], 1, NULL)); }
static int o_count_nonzero(fault_fx *f) { return keep(f, nd_count_nonzero(f->a[0], 1, AX0, false)); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(apply_add_broadcast, s_two, o_add, 0),
        FAULT_CASE(apply_add_scalar, s_scalar, o_add, 0),
        FAULT_CASE(apply_add_out_cast, s_f32_out, o_add_out, 0),
        FAULT_CASE(apply_where, s_where, o_add_where, 0),
        FAULT_CASE(apply_where_unsafe, s_f32_out, o_add_unsafe, 0),
        FAULT_CASE(apply_add_overlap, s_overlap, o_add_overlap, 0),
        FAULT_CASE(apply_less_strided, s_strided, o_less, 0),
        FAULT_CASE(apply_sqrt, s_two, o_sqrt, 0),
        FAULT_CASE(apply_negative_strided, s_strided, o_negative, 0),
        FAULT_CASE(apply_bad_shapes, s_bad, o_add_bad, ND_EVALUE),
        FAULT_CASE(ufunc_result_type, s_two, o_result_type_uf, 0),
        FAULT_CASE(scalar, NULL, o_scalar, 0),
        FAULT_CASE(result_type, s_scalar, o_result_type, 0),
        FAULT_CASE(min_scalar_type, s_scalar, o_min_scalar_type, 0),
        FAULT_CASE(broadcast_shapes, NULL, o_broadcast_shapes, 0),
        FAULT_CASE(sum_all_strided, s_strided, o_sum_all, 0),
        FAULT_CASE(sum_axes_keepdims, s_strided, o_sum_axes, 0),
        FAULT_CASE(sum_int, s_mat, o_sum_int, 0),
        FAULT_CASE(prod_dtype, s_mat, o_prod, 0),
        FAULT_CASE(amin, s_strided, o_amin, 0),
        FAULT_CASE(amax_all, s_strided, o_amax, 0),
        FAULT_CASE(amin_empty, s_empty, o_amin_empty, ND_EVALUE),
        FAULT_CASE(any, s_strided, o_any, 0),
        FAULT_CASE(all, s_mat, o_all, 0),
        FAULT_CASE(mean_int, s_mat, o_mean, 0),
        FAULT_CASE(var_ddof, s_strided, o_var, 0),
        FAULT_CASE(std_all, s_strided, o_std, 0),
        FAULT_CASE(argmax, s_strided, o_argmax, 0),
        FAULT_CASE(argmin_flat, s_strided, o_argmin_flat, 0),
        FAULT_CASE(cumsum_flat, s_strided, o_cumsum, 0),
        FAULT_CASE(cumprod, s_mat, o_cumprod, 0),
        FAULT_CASE(count_nonzero, s_mat, o_count_nonzero, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
