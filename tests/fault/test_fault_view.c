/* test_fault_view.c — allocation failures in the view functions: basic
 * indexing, view/view_dtype, axis permutations, reshape (view and copy
 * paths), ravel/flatten, as_strided, broadcast_to, sliding_window_view. */
#include "fault.h"

static const int64_t SH34[] = {3, 4};

/* ---- setups (inputs built over buffers, so they need no view code) ---- */

static int s_vec(fault_fx *f) { return (f->a[0] = fx_owner(1, (int64_t[]){24}, ND_INT64)) ? 0 : nd_errcode(); }
static int s_small(fault_fx *f) { return (f->a[0] = fx_owner(1, (int64_t[]){3}, ND_INT64)) ? 0 : nd_errcode(); }
static int s_mat(fault_fx *f) { return (f->a[0] = fx_owner(2, SH34, ND_INT32)) ? 0 : nd_errcode(); }

/* a[1]: the transpose of a 3x4 int32 owner a[0]. */
static int s_mat_t(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_INT32, 2, (int64_t[]){4, 3}, (int64_t[]){4, 16}, 0);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[1]: shape (2, 3, 2), strides (96, -32, 16) over a 2x3x4 float64 owner. */
static int s_strided(fault_fx *f) {
    if (!(f->a[0] = fx_owner(3, (int64_t[]){2, 3, 4}, ND_FLOAT64))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_FLOAT64, 3, (int64_t[]){2, 3, 2}, (int64_t[]){96, -32, 16}, 64);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[1]: the 3x4 owner seen as (1, 3, 1, 4). */
static int s_ones(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_INT32, 4, (int64_t[]){1, 3, 1, 4}, NULL, 0);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[1]: a real view a[0][2:] (with a base), for view-of-view chains. */
static int s_chain(fault_fx *f) {
    if (!(f->a[0] = fx_owner(1, (int64_t[]){24}, ND_INT64))) return nd_errcode();
    f->a[1] = nd_index(f->a[0], "2:");
    return f->a[1] ? 0 : nd_errcode();
}

/* ---- indexing ---- */

static int o_subscript(fault_fx *f) {
    nd_idx idx[] = {ND_ELLIPSIS, ND_NEWAXIS, ND_S(ND_NONE, ND_NONE, -1)};
    return keep(f, nd_subscript(f->a[0], 3, idx));
}
static int o_subscript_int(fault_fx *f) {
    nd_idx idx[] = {ND_I(1), ND_I(-1)};
    return keep(f, nd_subscript(f->a[0], 2, idx));
}
static int o_subscript_bad(fault_fx *f) {
    nd_idx idx[] = {ND_I(5)};
    return keep(f, nd_subscript(f->a[0], 1, idx));
}
static int o_index(fault_fx *f) { return keep(f, nd_index(f->a[0], "1:, ::-1")); }
static int o_index_chain(fault_fx *f) { return keep(f, nd_index(f->a[1], "::2, None")); }
static int o_index_parse(fault_fx *f) {
    nd_idx out[8];
    return keep_int(f, nd_index_parse("1:4, ::-1, ..., None, -2", out, 8));
}

/* ---- view, view_dtype ---- */

static int o_view(fault_fx *f) { return keep(f, nd_view(f->a[1])); }
static int o_view_chain(fault_fx *f) { return keep(f, nd_view(f->a[1])); }
static int o_view_i16(fault_fx *f) { return keep(f, nd_view_dtype(f->a[0], nd_dtype_of(ND_INT16))); }
static int o_view_i64(fault_fx *f) { return keep(f, nd_view_dtype(f->a[0], nd_dtype_of(ND_INT64))); }
static int o_view_be(fault_fx *f) {
    const nd_dtype *dt = nd_dtype_parse(">u2");
    if (!dt) return nd_errcode();
    int rc = keep(f, nd_view_dtype(f->a[0], dt));
    nd_dtype_release(dt);
    return rc;
}
static int o_view_dtype_bad(fault_fx *f) { return keep(f, nd_view_dtype(f->a[1], nd_dtype_of(ND_INT16))); }

/* ---- axes ---- */

static int o_transpose(fault_fx *f) { return keep(f, nd_transpose(f->a[1], NULL)); }
static int o_transpose_axes(fault_fx *f) { return keep(f, nd_transpose(f->a[1], (int[]){1, 2, 0})); }
static int o_swapaxes(fault_fx *f) { return keep(f, nd_swapaxes(f->a[1], 0, 2)); }
static int o_moveaxis(fault_fx *f) { return keep(f, nd_moveaxis(f->a[1], 1, (int[]){1}, (int[]){-1})); }
static int o_squeeze(fault_fx *f) { return keep(f, nd_squeeze(f->a[1], 0, NULL)); }
static int o_squeeze_axis(fault_fx *f) { return keep(f, nd_squeeze(f->a[1], 1, (int[]){2})); }
static int o_expand_dims(fault_fx *f) { return keep(f, nd_expand_dims(f->a[0], 2, (int[]){0, -1})); }
static int o_prepend_dims(fault_fx *f) { return keep(f, nd_prepend_dims(f->a[0], 4)); }

/* ---- reshape, ravel, flatten ---- */

static int o_reshape_view(fault_fx *f) {
    return keep(f, nd_reshape(f->a[0], 2, (int64_t[]){2, 6}, 'C', ND_COPY_IF_NEEDED));
}
static int o_reshape_infer(fault_fx *f) {
    return keep(f, nd_reshape(f->a[0], 3, (int64_t[]){-1, 2, 1}, 'C', ND_COPY_IF_NEEDED));
}
static int o_reshape_copy(fault_fx *f) {
    return keep(f, nd_reshape(f->a[1], 1, (int64_t[]){12}, 'C', ND_COPY_IF_NEEDED));
}
static int o_reshape_copy3(fault_fx *f) {
    return keep(f, nd_reshape(f->a[1], 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED));
}
static int o_reshape_always(fault_fx *f) {
    return keep(f, nd_reshape(f->a[0], 2, (int64_t[]){4, 3}, 'C', ND_COPY_ALWAYS));
}
static int o_reshape_f(fault_fx *f) { return keep(f, nd_reshape(f->a[1], 1, (int64_t[]){12}, 'F', ND_COPY_NEVER)); }
static int o_reshape_never(fault_fx *f) {
    return keep(f, nd_reshape(f->a[1], 1, (int64_t[]){12}, 'C', ND_COPY_NEVER));
}
static int o_reshape_bad(fault_fx *f) {
    return keep(f, nd_reshape(f->a[0], 1, (int64_t[]){5}, 'C', ND_COPY_IF_NEEDED));
}
static int o_ravel_view(fault_fx *f) { return keep(f, nd_ravel(f->a[0], 'C', ND_COPY_IF_NEEDED)); }
static int o_ravel_copy(fault_fx *f) { return keep(f, nd_ravel(f->a[1], 'C', ND_COPY_IF_NEEDED)); }
static int o_ravel_k(fault_fx *f) { return keep(f, nd_ravel(f->a[1], 'K', ND_COPY_IF_NEEDED)); }
static int o_flatten(fault_fx *f) { return keep(f, nd_flatten(f->a[1], 'F')); }

/* ---- strided views ---- */

static int o_as_strided(fault_fx *f) {
    return keep(f, nd_as_strided(f->a[0], 2, (int64_t[]){5, 3}, (int64_t[]){16, 8}));
}
static int o_as_strided_checked(fault_fx *f) {
    return keep(f, nd_as_strided_checked(f->a[0], 2, (int64_t[]){5, 3}, (int64_t[]){16, 8}));
}
static int o_broadcast_to(fault_fx *f) { return keep(f, nd_broadcast_to(f->a[0], 3, (int64_t[]){2, 4, 3})); }
static int o_broadcast_bad(fault_fx *f) { return keep(f, nd_broadcast_to(f->a[0], 1, (int64_t[]){4})); }
static int o_sliding(fault_fx *f) { return keep(f, nd_sliding_window_view(f->a[0], 1, (int64_t[]){5}, NULL, false)); }
static int o_sliding2(fault_fx *f) {
    return keep(f, nd_sliding_window_view(f->a[0], 2, (int64_t[]){2, 2}, NULL, true));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(subscript, s_mat, o_subscript, 0),
        FAULT_CASE(subscript_int, s_mat, o_subscript_int, 0),
        FAULT_CASE(subscript_bad, s_mat, o_subscript_bad, ND_EINDEX),
        FAULT_CASE(index, s_mat, o_index, 0),
        FAULT_CASE(index_chain, s_chain, o_index_chain, 0),
        FAULT_CASE(index_parse, NULL, o_index_parse, 0),
        FAULT_CASE(view, s_strided, o_view, 0),
        FAULT_CASE(view_chain, s_chain, o_view_chain, 0),
        FAULT_CASE(view_dtype_i16, s_mat, o_view_i16, 0),
        FAULT_CASE(view_dtype_i64, s_mat, o_view_i64, 0),
        FAULT_CASE(view_dtype_be, s_mat, o_view_be, 0),
        FAULT_CASE(view_dtype_bad, s_mat_t, o_view_dtype_bad, ND_EVALUE),
        FAULT_CASE(transpose, s_strided, o_transpose, 0),
        FAULT_CASE(transpose_axes, s_strided, o_transpose_axes, 0),
        FAULT_CASE(swapaxes, s_strided, o_swapaxes, 0),
        FAULT_CASE(moveaxis, s_strided, o_moveaxis, 0),
        FAULT_CASE(squeeze, s_ones, o_squeeze, 0),
        FAULT_CASE(squeeze_axis, s_ones, o_squeeze_axis, 0),
        FAULT_CASE(expand_dims, s_mat, o_expand_dims, 0),
        FAULT_CASE(prepend_dims, s_mat, o_prepend_dims, 0),
        FAULT_CASE(reshape_view, s_mat, o_reshape_view, 0),
        FAULT_CASE(reshape_infer, s_mat, o_reshape_infer, 0),
        FAULT_CASE(reshape_copy, s_mat_t, o_reshape_copy, 0),
        FAULT_CASE(reshape_copy_2d, s_mat_t, o_reshape_copy3, 0),
        FAULT_CASE(reshape_always, s_mat, o_reshape_always, 0),
        FAULT_CASE(reshape_f, s_mat_t, o_reshape_f, 0),
        FAULT_CASE(reshape_never, s_mat_t, o_reshape_never, ND_ECOPY),
        FAULT_CASE(reshape_bad, s_mat, o_reshape_bad, ND_EVALUE),
        FAULT_CASE(ravel_view, s_mat, o_ravel_view, 0),
        FAULT_CASE(ravel_copy, s_mat_t, o_ravel_copy, 0),
        FAULT_CASE(ravel_k, s_mat_t, o_ravel_k, 0),
        FAULT_CASE(flatten, s_strided, o_flatten, 0),
        FAULT_CASE(as_strided, s_vec, o_as_strided, 0),
        FAULT_CASE(as_strided_checked, s_vec, o_as_strided_checked, 0),
        FAULT_CASE(broadcast_to, s_small, o_broadcast_to, 0),
        FAULT_CASE(broadcast_bad, s_small, o_broadcast_bad, ND_EVALUE),
        FAULT_CASE(sliding_window_view, s_vec, o_sliding, 0),
        FAULT_CASE(sliding_window_view_2d, s_mat, o_sliding2, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
