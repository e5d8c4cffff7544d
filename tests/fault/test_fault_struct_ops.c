/* test_fault_struct_ops.c — allocation failures in the record operations:
 * ==/!= field by field (nd_equal_op), sorts, argsorts, unique, nonzero,
 * count_nonzero and the any/all cast of one-field records. */
#include "fault.h"

static const char *const REC = "[('id', '<u4'), ('p', [('x', '>f4'), ('y', '<f8')]), ('v', '<i2', (3,))]";

/* a[0]: six records of REC with repeats; a[1]: the same values, reversed. */
static int s_recs(fault_fx *f) {
    const nd_dtype *d = nd_dtype_from_descr(REC);
    if (!d) return nd_errcode();
    int64_t n = 6;
    f->a[0] = nd_zeros(1, &n, d, 'C');
    nd_dtype_release(d);
    if (!f->a[0]) return nd_errcode();
    nd_array *id = nd_field(f->a[0], "id");
    if (!id) return nd_errcode();
    for (int64_t i = 0; i < n; i++) nd_set(id, &i, ND_I64((i * 5) % 3));
    nd_release(id);
    f->a[1] = nd_flip(f->a[0], -1, NULL);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[0]: a one-field record array. */
static int s_one(fault_fx *f) {
    const nd_dtype *d = nd_dtype_from_descr("[('x', '<i4')]");
    if (!d) return nd_errcode();
    int64_t n = 5;
    f->a[0] = nd_full(1, &n, ND_I64(2), d, 'C');
    nd_dtype_release(d);
    return f->a[0] ? 0 : nd_errcode();
}

static int o_equal(fault_fx *f) { return keep(f, nd_equal_op(f->a[0], f->a[1], false)); }
static int o_not_equal(fault_fx *f) { return keep(f, nd_equal_op(f->a[0], f->a[1], true)); }
static int o_sort_q(fault_fx *f) { return keep(f, nd_sort(f->a[1], 0, NULL)); }
static int o_sort_s(fault_fx *f) { return keep(f, nd_sort(f->a[1], 0, "stable")); }
static int o_argsort_q(fault_fx *f) { return keep(f, nd_argsort(f->a[1], 0, "quicksort")); }
static int o_argsort_s(fault_fx *f) { return keep(f, nd_argsort(f->a[1], ND_AXIS_NONE, "stable")); }
static int o_sort_inplace(fault_fx *f) {
    nd_array *c = nd_copy(f->a[1], 'C');
    if (!c) return nd_errcode();
    int rc = nd_sort_inplace(c, 0, "heapsort");
    return rc < 0 ? (nd_release(c), rc) : keep(f, c);
}
static const char *const ORDER[] = {"v", "id"};
static int o_sort_order(fault_fx *f) { return keep(f, nd_sort_order(f->a[1], 0, NULL, 2, ORDER)); }
static int o_argsort_order(fault_fx *f) { return keep(f, nd_argsort_order(f->a[1], 0, "stable", 2, ORDER)); }
static int o_sort_inplace_order(fault_fx *f) {
    nd_array *c = nd_copy(f->a[1], 'C');
    if (!c) return nd_errcode();
    int rc = nd_sort_inplace_order(c, 0, "heapsort", 1, ORDER);
    return rc < 0 ? (nd_release(c), rc) : keep(f, c);
}
/* a[0]: raw 'V3' bytes. */
static int s_raw(fault_fx *f) {
    const nd_dtype *d = nd_dtype_void(3);
    if (!d) return nd_errcode();
    int64_t n = 4;
    f->a[0] = nd_ones(1, &n, d, 'C');
    nd_dtype_release(d);
    return f->a[0] ? 0 : nd_errcode();
}
static int o_any_raw(fault_fx *f) { return keep(f, nd_any(f->a[0], -1, NULL, false)); }
static int o_unique(fault_fx *f) {
    nd_array *idx = NULL, *inv = NULL, *cnt = NULL;
    nd_array *u = nd_unique(f->a[0], ND_UNIQUE_INDEX | ND_UNIQUE_INVERSE | ND_UNIQUE_COUNTS, &idx, &inv, &cnt);
    nd_release(idx);
    nd_release(inv);
    nd_release(cnt);
    return keep(f, u);
}
static int o_nonzero(fault_fx *f) {
    nd_array *out[1] = {NULL};
    int rc = nd_nonzero(f->a[0], out);
    return rc < 0 ? rc : keep(f, out[0]);
}
static int o_count_nonzero(fault_fx *f) { return keep(f, nd_count_nonzero(f->a[0], -1, NULL, false)); }
static int o_any_one(fault_fx *f) { return keep(f, nd_any(f->a[0], -1, NULL, false)); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(equal, s_recs, o_equal, 0),
        FAULT_CASE(not_equal, s_recs, o_not_equal, 0),
        FAULT_CASE(sort_quick, s_recs, o_sort_q, 0),
        FAULT_CASE(sort_stable, s_recs, o_sort_s, 0),
        FAULT_CASE(argsort_quick, s_recs, o_argsort_q, 0),
        FAULT_CASE(argsort_stable, s_recs, o_argsort_s, 0),
        FAULT_CASE(sort_inplace, s_recs, o_sort_inplace, 0),
        FAULT_CASE(sort_order, s_recs, o_sort_order, 0),
        FAULT_CASE(argsort_order, s_recs, o_argsort_order, 0),
        FAULT_CASE(sort_inplace_order, s_recs, o_sort_inplace_order, 0),
        FAULT_CASE(any_raw_void, s_raw, o_any_raw, 0),
        FAULT_CASE(unique, s_recs, o_unique, 0),
        FAULT_CASE(nonzero, s_recs, o_nonzero, 0),
        FAULT_CASE(count_nonzero, s_recs, o_count_nonzero, 0),
        FAULT_CASE(any_one_field, s_one, o_any_one, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
