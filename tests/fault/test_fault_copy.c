/* test_fault_copy.c — allocation failures in the copying functions (copy,
 * astype, ascontiguousarray, asfortranarray, copyto incl. its overlap
 * path, byteswap, newbyteorder) and the overlap tests. */
#include "fault.h"

static const int64_t SH34[] = {3, 4};

/* a[1]: shape (2, 3, 2), strides (96, -32, 16) over a 2x3x4 float64 owner. */
static int s_strided(fault_fx *f) {
    if (!(f->a[0] = fx_owner(3, (int64_t[]){2, 3, 4}, ND_FLOAT64))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_FLOAT64, 3, (int64_t[]){2, 3, 2}, (int64_t[]){96, -32, 16}, 64);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[1]: the transpose of a 3x4 int32 owner a[0]. */
static int s_mat_t(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_INT32, 2, (int64_t[]){4, 3}, (int64_t[]){4, 16}, 0);
    return f->a[1] ? 0 : nd_errcode();
}

static int s_0d(fault_fx *f) { return (f->a[0] = fx_owner(0, NULL, ND_INT16)) ? 0 : nd_errcode(); }

/* a[1] = v[1:], a[2] = v[:-1] of a 10-element int64 owner: they overlap. */
static int s_overlap(fault_fx *f) {
    if (!(f->a[0] = fx_owner(1, (int64_t[]){10}, ND_INT64))) return nd_errcode();
    if (!(f->a[1] = fx_strided(f->a[0], ND_INT64, 1, (int64_t[]){9}, NULL, 8))) return nd_errcode();
    if (!(f->a[2] = fx_strided(f->a[0], ND_INT64, 1, (int64_t[]){9}, NULL, 0))) return nd_errcode();
    return 0;
}

/* a[1]: a 5x3 window over a 10-element owner whose rows overlap (strides
 * (8, 8)), as as_strided would make. */
static int s_self_overlap(fault_fx *f) {
    if (!(f->a[0] = fx_owner(1, (int64_t[]){10}, ND_INT64))) return nd_errcode();
    if (!(f->a[1] = fx_strided(f->a[0], ND_INT64, 2, (int64_t[]){5, 3}, (int64_t[]){8, 8}, 0))) return nd_errcode();
    return 0;
}

/* a[0]: 3x4 int32 destination; a[1]: a (4,) int64 source to broadcast. */
static int s_bcast(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    if (!(f->a[1] = fx_owner(1, (int64_t[]){4}, ND_INT64))) return nd_errcode();
    return 0;
}

static int s_readonly(fault_fx *f) {
    int rc = s_bcast(f);
    if (rc == 0) rc = nd_set_writeable(f->a[0], false);
    return rc;
}

/* ---- copies ---- */

static int o_copy_c(fault_fx *f) { return keep(f, nd_copy(f->a[1], 'C')); }
static int o_copy_f(fault_fx *f) { return keep(f, nd_copy(f->a[1], 'F')); }
static int o_copy_k(fault_fx *f) { return keep(f, nd_copy(f->a[1], 'K')); }
static int o_copy_a(fault_fx *f) { return keep(f, nd_copy(f->a[1], 'A')); }
static int o_astype(fault_fx *f) {
    return keep(f, nd_astype(f->a[1], nd_dtype_of(ND_INT32), 'K', ND_CAST_UNSAFE, true));
}
static int o_astype_swapped(fault_fx *f) {
    const nd_dtype *dt = nd_dtype_parse(">i8");
    if (!dt) return nd_errcode();
    int rc = keep(f, nd_astype(f->a[1], dt, 'C', ND_CAST_SAFE, true));
    nd_dtype_release(dt);
    return rc;
}
static int o_astype_nocopy(fault_fx *f) {
    return keep(f, nd_astype(f->a[0], nd_dtype_of(ND_INT32), 'C', ND_CAST_NO, false));
}
static int o_astype_bad(fault_fx *f) {
    return keep(f, nd_astype(f->a[1], nd_dtype_of(ND_INT64), 'K', ND_CAST_SAFE, true));
}
static int o_ascontig(fault_fx *f) { return keep(f, nd_ascontiguousarray(f->a[1])); }
static int o_ascontig_0d(fault_fx *f) { return keep(f, nd_ascontiguousarray(f->a[0])); }
static int o_asfortran(fault_fx *f) { return keep(f, nd_asfortranarray(f->a[0])); }
static int o_copyto_overlap(fault_fx *f) { return keep_int(f, nd_copyto(f->a[1], f->a[2], ND_CAST_SAME_KIND)); }
static int o_copyto_bcast(fault_fx *f) { return keep_int(f, nd_copyto(f->a[0], f->a[1], ND_CAST_SAME_KIND)); }
static int o_copyto_bad(fault_fx *f) { return keep_int(f, nd_copyto(f->a[0], f->a[1], ND_CAST_SAFE)); }
static int o_copyto_where(fault_fx *f) {
    nd_array *w = nd_full(1, (int64_t[]){4}, ND_BOOLV(true), nd_dtype_of(ND_BOOL), 'C');
    if (!w) return nd_errcode();
    int rc = keep_int(f, nd_copyto_where(f->a[0], f->a[1], ND_CAST_SAME_KIND, w));
    nd_release(w);
    return rc;
}
static int o_byteswap(fault_fx *f) { return keep(f, nd_byteswap(f->a[1], false)); }
static int o_byteswap_inplace(fault_fx *f) { return keep(f, nd_byteswap(f->a[1], true)); }
static int o_newbyteorder(fault_fx *f) { return keep(f, nd_newbyteorder(f->a[1], 'S')); }

/* ---- overlap ---- */

static int o_may_share(fault_fx *f) { return keep_int(f, nd_may_share_memory(f->a[1], f->a[2])); }
static int o_shares(fault_fx *f) { return keep_int(f, nd_shares_memory(f->a[1], f->a[2], ND_MAY_SHARE_EXACT)); }
static int o_internal(fault_fx *f) { return keep_int(f, nd_internal_overlap(f->a[1], ND_MAY_SHARE_EXACT)); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(copy_c, s_strided, o_copy_c, 0),
        FAULT_CASE(copy_f, s_strided, o_copy_f, 0),
        FAULT_CASE(copy_k, s_strided, o_copy_k, 0),
        FAULT_CASE(copy_a, s_mat_t, o_copy_a, 0),
        FAULT_CASE(astype, s_strided, o_astype, 0),
        FAULT_CASE(astype_swapped, s_mat_t, o_astype_swapped, 0),
        FAULT_CASE(astype_nocopy, s_mat_t, o_astype_nocopy, 0),
        FAULT_CASE(astype_bad_cast, s_strided, o_astype_bad, ND_ETYPE),
        FAULT_CASE(ascontiguousarray, s_mat_t, o_ascontig, 0),
        FAULT_CASE(ascontiguousarray_0d, s_0d, o_ascontig_0d, 0),
        FAULT_CASE(asfortranarray, s_mat_t, o_asfortran, 0),
        FAULT_CASE(copyto_overlap, s_overlap, o_copyto_overlap, 0),
        FAULT_CASE(copyto_broadcast, s_bcast, o_copyto_bcast, 0),
        FAULT_CASE(copyto_bad_cast, s_bcast, o_copyto_bad, ND_ETYPE),
        FAULT_CASE(copyto_where, s_bcast, o_copyto_where, 0),
        FAULT_CASE(copyto_readonly, s_readonly, o_copyto_bcast, ND_EREADONLY),
        FAULT_CASE(byteswap, s_strided, o_byteswap, 0),
        FAULT_CASE(byteswap_inplace, s_strided, o_byteswap_inplace, 0),
        FAULT_CASE(newbyteorder, s_strided, o_newbyteorder, 0),
        FAULT_CASE(may_share_memory, s_overlap, o_may_share, 0),
        FAULT_CASE(shares_memory, s_overlap, o_shares, 0),
        FAULT_CASE(internal_overlap, s_self_overlap, o_internal, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
