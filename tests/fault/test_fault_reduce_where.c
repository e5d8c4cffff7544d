/* test_fault_reduce_where.c — allocation failures in the reductions with
 * initial=, where= and out= (nd_reduce_ex, nd_mean_ex, nd_var_ex,
 * nd_std_ex) and in nd_reduceat. */
#include "fault.h"

/* a[0]: 3x4 float64; a[1]: a (4,) bool mask (broadcast); a[2]: (4,) float32 out. */
static int s_masked(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, (int64_t[]){3, 4}, ND_FLOAT64))) return nd_errcode();
    if (!(f->a[1] = fx_owner(1, (int64_t[]){4}, ND_BOOL))) return nd_errcode();
    f->a[2] = fx_owner(1, (int64_t[]){4}, ND_FLOAT32);
    return f->a[2] ? 0 : nd_errcode();
}

/* a[1]: shape (2, 3, 2), strides (96, -32, 16) over a 2x3x4 float64 owner;
 * a[2]: a full bool mask of that shape. */
static int s_strided(fault_fx *f) {
    if (!(f->a[0] = fx_owner(3, (int64_t[]){2, 3, 4}, ND_FLOAT64))) return nd_errcode();
    if (!(f->a[1] = fx_strided(f->a[0], ND_FLOAT64, 3, (int64_t[]){2, 3, 2}, (int64_t[]){96, -32, 16}, 64)))
        return nd_errcode();
    f->a[2] = fx_owner(3, (int64_t[]){2, 3, 2}, ND_BOOL);
    return f->a[2] ? 0 : nd_errcode();
}

/* a[0]: 10 int16; a[1]: int64 indices [0, 4, 1, 7]. */
static int s_indices(fault_fx *f) {
    if (!(f->a[0] = fx_owner(1, (int64_t[]){10}, ND_INT16))) return nd_errcode();
    if (!(f->a[1] = fx_owner(1, (int64_t[]){4}, ND_INT64))) return nd_errcode();
    int64_t *p = nd_data(f->a[1]);
    p[0] = 0, p[1] = 4, p[2] = 1, p[3] = 7;
    return 0;
}

/* a[0]: 3x8 float32, a[1]: int32 indices [0, 3], a[2]: a 3x2 float64 out. */
static int s_indices_out(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, (int64_t[]){3, 8}, ND_FLOAT32))) return nd_errcode();
    if (!(f->a[1] = fx_owner(1, (int64_t[]){2}, ND_INT32))) return nd_errcode();
    ((int32_t *)nd_data(f->a[1]))[1] = 3;
    f->a[2] = fx_owner(2, (int64_t[]){3, 2}, ND_FLOAT64);
    return f->a[2] ? 0 : nd_errcode();
}

static const int AX0[] = {0}, AX02[] = {0, 2};

static int o_sum_where(fault_fx *f) {
    return keep(f, nd_reduce_ex(ND_ADD, f->a[0], -1, NULL, false, NULL, NULL, f->a[1], NULL));
}
static int o_sum_out(fault_fx *f) {
    return keep(f, nd_reduce_ex(ND_ADD, f->a[0], 1, AX0, false, NULL, NULL, f->a[1], f->a[2]));
}
static int o_max_initial(fault_fx *f) {
    nd_array *init = nd_scalar(ND_F64(-1.5), NULL);
    if (!init) return nd_errcode();
    int rc = keep(f, nd_reduce_ex(ND_MAXIMUM, f->a[1], 2, AX02, true, NULL, init, f->a[2], NULL));
    nd_release(init);
    return rc;
}
static int o_sum_first(fault_fx *f) {
    return keep(f, nd_reduce_ex(ND_ADD, f->a[1], 2, AX02, false, NULL, ND_INITIAL_NONE, NULL, NULL));
}
static int o_max_no_initial(fault_fx *f) {
    return keep(f, nd_reduce_ex(ND_MAXIMUM, f->a[0], -1, NULL, false, NULL, NULL, f->a[1], NULL));
}
static int o_mean_where(fault_fx *f) { return keep(f, nd_mean_ex(f->a[0], 1, AX0, false, NULL, f->a[1], NULL)); }
static int o_mean_out(fault_fx *f) { return keep(f, nd_mean_ex(f->a[0], 1, AX0, false, NULL, NULL, f->a[2])); }
static int o_var_where(fault_fx *f) { return keep(f, nd_var_ex(f->a[1], 2, AX02, 1, false, NULL, f->a[2], NULL)); }
static int o_std_where(fault_fx *f) { return keep(f, nd_std_ex(f->a[0], -1, NULL, 0, false, NULL, f->a[1], NULL)); }
static int o_reduceat(fault_fx *f) { return keep(f, nd_reduceat(ND_ADD, f->a[0], f->a[1], 0, NULL, NULL)); }
static int o_reduceat_out(fault_fx *f) { return keep(f, nd_reduceat(ND_MAXIMUM, f->a[0], f->a[1], 1, NULL, f->a[2])); }
static int s_bad_indices(fault_fx *f) { /* index 10 is out of bounds */
    int rc = s_indices(f);
    if (rc == 0) ((int64_t *)nd_data(f->a[1]))[3] = 10;
    return rc;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(reduce_ex_sum_where, s_masked, o_sum_where, 0),
        FAULT_CASE(reduce_ex_sum_out, s_masked, o_sum_out, 0),
        FAULT_CASE(reduce_ex_max_initial_strided, s_strided, o_max_initial, 0),
        FAULT_CASE(reduce_ex_sum_initial_none, s_strided, o_sum_first, 0),
        FAULT_CASE(reduce_ex_max_no_initial, s_masked, o_max_no_initial, ND_EVALUE),
        FAULT_CASE(mean_ex_where, s_masked, o_mean_where, 0),
        FAULT_CASE(mean_ex_out, s_masked, o_mean_out, 0),
        FAULT_CASE(var_ex_where_strided, s_strided, o_var_where, 0),
        FAULT_CASE(std_ex_where, s_masked, o_std_where, 0),
        FAULT_CASE(reduceat, s_indices, o_reduceat, 0),
        FAULT_CASE(reduceat_out, s_indices_out, o_reduceat_out, 0),
        FAULT_CASE(reduceat_bad_index, s_bad_indices, o_reduceat, ND_EINDEX),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
