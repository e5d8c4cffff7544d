/* np_partition.c — np.partition / np.argpartition and the ndarray methods
 * a.partition / a.argpartition, over libnd's introselect. */
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

/* NumPy's partition_prep_kth_array conversions: an integer or a 1-d
 * sequence of them (bool counts as int, as NumPy 1.24 still allows). */
static int64_t *kth_list(Val v, int *n) {
    bool own;
    nd_array *k = to_nd(v, &own);
    if (!k) return NULL;
    int64_t *out = NULL;
    char kind = nd_dtype_kind(nd_array_dtype(k));
    if (nd_ndim(k) > 1) {
        raise_exc(ValueErrorT, "object too deep for desired array");
    } else if (kind != 'i' && kind != 'b' && kind != 'u') { /* uint64 wraps, as NumPy's cast does */
        raise_exc(TypeErrorT, "Partition index must be integer");
    } else {
        int64_t cnt = nd_size(k);
        nd_array *flat = nd_astype(k, nd_dtype_of(ND_INT64), 'C', ND_CAST_UNSAFE, true);
        out = flat ? malloc((size_t)(cnt ? cnt : 1) * sizeof *out) : NULL;
        if (out) {
            memcpy(out, nd_data(flat), (size_t)cnt * sizeof *out);
            *n = (int)cnt;
        } else {
            raise_nd();
        }
        nd_release(flat);
    }
    DROP(k, own);
    return out;
}

static int kind_ok(Val kind) {
    if (!HAS(kind) || kind.t == T_NONE) return 0;
    if (kind.t == T_STR && !strcmp(STR(kind)->s, "introselect")) return 0;
    raise_exc(ValueErrorT, "select kind must be 'introselect' (got '%s')", kind.t == T_STR ? STR(kind)->s : "?");
    return -1;
}

/* partition / argpartition of a (a copy), or a.partition in place. */
static Val run(nd_array *a, Val kthv, int axis, Val kind, Val order, bool arg, bool inplace) {
    if (HAS(order) && order.t != T_NONE)
        return raise_exc(NotImplementedErrorT, "%spartition(order=...) is not supported by nd", arg ? "arg" : "");
    if (kind_ok(kind) < 0) return VERR;
    int n = 0;
    int64_t *kth = kth_list(kthv, &n);
    if (!kth) return VERR;
    Val r;
    if (inplace) r = nd_partition_inplace(a, n, kth, axis) < 0 ? raise_nd() : VNONE;
    else if (arg) r = mk_array(nd_argpartition(a, n, kth, axis));
    else r = mk_array(nd_partition(a, n, kth, axis));
    free(kth);
    return r;
}

static Val np_partition_f(Val self, int argc, Val *argv, Kw *kw, bool arg) {
    ARGS(arg ? "argpartition" : "partition", "a,kth|axis,kind,order");
    int ax;
    if (axis_of(p[2], -1, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    Val r = run(a, p[1], ax, p[3], p[4], arg, false);
    DROP(a, oa);
    (void)self;
    return r;
}
static Val np_partition(Val self, int argc, Val *argv, Kw *kw) { return np_partition_f(self, argc, argv, kw, false); }
static Val np_argpartition(Val self, int argc, Val *argv, Kw *kw) { return np_partition_f(self, argc, argv, kw, true); }

Val array_partition_method(Val self, const char *name, int argc, Val *argv, Kw *kw) {
    bool arg = !strcmp(name, "argpartition");
    ARGS(name, "kth|axis,kind,order");
    int ax;
    if (axis_of(p[1], -1, &ax) < 0) return VERR;
    return run(ARR(self), p[0], ax, p[2], p[3], arg, !arg);
}

void np_partition_install(Val mod, PutFn put) {
    put(mod, "partition", mk_builtin("partition", np_partition, VNONE));
    put(mod, "argpartition", mk_builtin("argpartition", np_argpartition, VNONE));
}
