/* test_fault_setshape.c — allocation failures in nd_set_shape (`a.shape = s`)
 * and nd_resize: a failed call leaves a's header as it was. */
#include "fault.h"

static const int64_t SH34[] = {3, 4};

static int s_mat(fault_fx *f) { return (f->a[0] = fx_owner(2, SH34, ND_INT32)) ? 0 : nd_errcode(); }

/* a[1]: the transpose of a 3x4 int32 owner a[0]. */
static int s_mat_t(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_INT32, 2, (int64_t[]){4, 3}, (int64_t[]){4, 16}, 0);
    return f->a[1] ? 0 : nd_errcode();
}

static int o_set_shape(fault_fx *f) { return keep_int(f, nd_set_shape(f->a[0], 2, (int64_t[]){2, -1})); }
/* more dims than the header's block holds: they move out of line */
static int o_set_shape_grow(fault_fx *f) {
    return keep_int(f, nd_set_shape(f->a[0], 9, (int64_t[]){3, 1, 1, 1, 1, 1, 1, 2, 2}));
}
static int o_set_shape_view(fault_fx *f) { return keep_int(f, nd_set_shape(f->a[1], 3, (int64_t[]){4, 3, 1})); }
static int o_set_shape_copy(fault_fx *f) { return keep_int(f, nd_set_shape(f->a[1], 1, (int64_t[]){12})); }
static int o_set_shape_bad(fault_fx *f) { return keep_int(f, nd_set_shape(f->a[0], 1, (int64_t[]){5})); }
static int o_resize_grow(fault_fx *f) { return keep_int(f, nd_resize(f->a[0], 9, (int64_t[]){4, 1, 1, 1, 1, 1, 1, 2, 2})); }
static int o_resize_same(fault_fx *f) { return keep_int(f, nd_resize(f->a[0], 2, (int64_t[]){4, 3})); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(set_shape, s_mat, o_set_shape, 0),
        FAULT_CASE(set_shape_grow, s_mat, o_set_shape_grow, 0),
        FAULT_CASE(set_shape_view, s_mat_t, o_set_shape_view, 0),
        FAULT_CASE(set_shape_copy, s_mat_t, o_set_shape_copy, ND_EATTR),
        FAULT_CASE(set_shape_bad, s_mat, o_set_shape_bad, ND_EVALUE),
        FAULT_CASE(resize_grow, s_mat, o_resize_grow, 0),
        FAULT_CASE(resize_same, s_mat, o_resize_same, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
