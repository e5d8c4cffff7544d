/* reduce_where.c — ufunc.reduce with NumPy's initial=, where= and out=
 * (nd_reduce_ex): the loop dtype NumPy resolves, its identities, and the
 * checks and messages of its reduction iterator for the mask and the
 * output, in the order NumPy makes them.  The reduction itself is
 * nd__reduce_ex (ops/reduce.c), which runs NumPy's masked loop wrapper. */
#include "nd_internal.h"

#include <stdio.h>

/* The reorderable ufuncs nd reduces, and their identities. */
static bool supported(nd_ufunc op) {
    switch (op) {
    case ND_ADD: case ND_MULTIPLY: case ND_MINIMUM: case ND_MAXIMUM: case ND_LOGICAL_AND: case ND_LOGICAL_OR:
    case ND_LOGICAL_XOR: case ND_BITWISE_AND: case ND_BITWISE_OR: case ND_BITWISE_XOR: return true;
    default: return false;
    }
}

static bool has_identity(nd_ufunc op) { return op != ND_MINIMUM && op != ND_MAXIMUM; }

static nd_array *identity(nd_ufunc op) {
    if (op == ND_LOGICAL_AND || op == ND_LOGICAL_OR || op == ND_LOGICAL_XOR)
        return nd_scalar(ND_BOOLV(op == ND_LOGICAL_AND), NULL);
    return nd_scalar(ND_I64(op == ND_MULTIPLY ? 1 : op == ND_BITWISE_AND ? -1 : 0), NULL);
}

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

static bool is_compare(nd_ufunc op) { return op >= ND_EQUAL && op <= ND_GREATER_EQUAL; }

const nd_dtype *nd__reduce_loop_type(nd_ufunc op, const nd_array *a, const nd_dtype *dt, const nd_array *out) {
    if (op == ND_LOGICAL_AND || op == ND_LOGICAL_OR || op == ND_LOGICAL_XOR) {
        if (!dt || dt->type == ND_BOOL) return native(ND_BOOL);
    } else if (dt) {
        if (!is_compare(op) || dt->type == ND_BOOL) return nd__dtype_ref(dt);
    } else {
        char k = a->dtype->kind;
        if (!out && (op == ND_ADD || op == ND_MULTIPLY) && (k == 'b' || (strchr("iu", k) && a->dtype->itemsize < 8)))
            return native(k == 'u' ? ND_UINT64 : ND_INT64);
        int64_t zero = 0;
        nd_array *e1 = nd_empty(1, &zero, out ? out->dtype : a->dtype, 'C');
        nd_array *e2 = e1 ? nd_empty(1, &zero, a->dtype, 'C') : NULL;
        const nd_dtype *rt = e2 ? nd_ufunc_result_type(op, e1, e2) : NULL;
        nd_release(e1);
        nd_release(e2);
        if (!rt || !is_compare(op)) return rt;
        /* (x, x) -> bool is uniform for bool inputs only */
        bool ok = (out ? out->dtype : a->dtype)->type == ND_BOOL && a->dtype->type == ND_BOOL;
        if (ok) return rt;
        nd__dtype_unref(rt);
    }
    nd__err(ND_ETYPE, "No loop matching the specified signature and casting was found for ufunc %s", nd_ufunc_name(op));
    return NULL;
}

/* NumPy's convert_shape_to_string: negative entries are new axes, left out
 * when leading and printed as "newaxis" otherwise. */
static void shape_str(char *s, size_t cap, int n, const int64_t *v, const char *ending) {
    int i = 0;
    while (i < n && v[i] < 0) i++;
    if (i == n) {
        snprintf(s, cap, "()%s", ending);
        return;
    }
    size_t len = (size_t)snprintf(s, cap, "(%lld", (long long)v[i++]);
    for (; i < n && len < cap; i++)
        len += v[i] < 0 ? (size_t)snprintf(s + len, cap - len, ",newaxis")
                        : (size_t)snprintf(s + len, cap - len, ",%lld", (long long)v[i]);
    /* NumPy's test is on the loop index, so one entry after leading new axes loses its comma */
    if (len < cap) snprintf(s + len, cap - len, "%s)%s", i == 1 ? "," : "", ending);
}

/* One op's shape in a broadcast error: "(2,3)->(2,newaxis) " when it is
 * remapped, "(2,3) " when not. */
static size_t op_text(char *msg, size_t cap, int nd, const nd__iter_op *op) {
    char s[512];
    const nd_array *x = op->a;
    shape_str(s, sizeof s, x->ndim, x->shape, op->map ? "->" : " ");
    size_t len = (size_t)snprintf(msg, cap, "%s", s);
    if (op->map && len < cap) {
        int64_t rem[ND_MAXDIMS];
        for (int i = 0; i < nd; i++) rem[i] = op->map[i] >= 0 && op->map[i] < x->ndim ? x->shape[op->map[i]] : -1;
        shape_str(s, sizeof s, nd, rem, " ");
        len += (size_t)snprintf(msg + len, cap - len, "%s", s);
    }
    return len;
}

static int broadcast_error(int nd, int nop, const nd__iter_op *ops) {
    char msg[2048];
    size_t len = 0;
    for (int o = 0; o < nop; o++)
        if (ops[o].a && len < sizeof msg) len += op_text(msg + len, sizeof msg - len, nd, &ops[o]);
    return nd__err(ND_EVALUE, "operands could not be broadcast together with remapped shapes [original->remapped]: %s",
                   msg);
}

/* An operand that cannot broadcast (NO_BROADCAST) to the iterator's shape. */
static int not_broadcastable(int nd, const nd__iter_op *op, const int64_t *bs) {
    char s1[512], s2[512], s3[512];
    const nd_array *x = op->a;
    const char *what = op->write ? "output operand" : "operand";
    shape_str(s1, sizeof s1, x->ndim, x->shape, "");
    shape_str(s2, sizeof s2, nd, bs, "");
    if (!op->map)
        return nd__err(ND_EVALUE, "non-broadcastable %s with shape %s doesn't match the broadcast shape %s", what, s1,
                       s2);
    int64_t rem[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) { /* NumPy reads the axis map backwards here */
        int j = op->map[nd - 1 - i];
        rem[i] = j >= 0 && j < x->ndim ? x->shape[j] : -1;
    }
    shape_str(s3, sizeof s3, nd, rem, "");
    return nd__err(ND_EVALUE,
                   "non-broadcastable %s with shape %s [remapped to %s] doesn't match the broadcast shape %s", what,
                   s1, s3, s2);
}

static int no_reduction(int dim) {
    return nd__err(ND_EVALUE, "output operand requires a reduction along dimension %d, but the reduction is not "
                              "enabled. The dimension size of 1 does not match the expected output shape.", dim);
}

/* Phase 1 of npyiter_fill_axisdata: the broadcast shape bs. */
static int iter_broadcast(int nd, int nop, const nd__iter_op *ops, int64_t *bs) {
    for (int i = 0; i < nd; i++) bs[i] = 1;
    for (int o = 0; o < nop; o++) {
        const nd_array *x = ops[o].a;
        if (!x) continue;
        if (!ops[o].map && x->ndim > nd)
            return nd__err(ND_EVALUE, "input operand has more dimensions than allowed by the axis remapping");
        for (int i = 0; i < nd; i++) {
            int j = ops[o].map ? ops[o].map[i] : i - (nd - x->ndim);
            if (j < 0) continue;
            if (j >= x->ndim)
                return nd__err(ND_EVALUE,
                               "Iterator input op_axes[%d][%d] (==%d) is not a valid axis of op[%d], which has %d "
                               "dimensions ", o, nd - i - 1, j, o, x->ndim);
            if (bs[i] == 1) bs[i] = x->shape[j];
            else if (x->shape[j] != bs[i] && x->shape[j] != 1) return broadcast_error(nd, nop, ops);
        }
    }
    return 0;
}

int nd__iter_check(int nd, int nop, const nd__iter_op *ops) {
    int64_t bs[ND_MAXDIMS];
    if (iter_broadcast(nd, nop, ops, bs) < 0) return nd_errcode();
    /* Phase 2, innermost axis first: reduction axes of length 1, and no
     * broadcasting of NO_BROADCAST operands or (without REDUCE_OK) outputs. */
    for (int i = nd - 1; i >= 0; i--) {
        for (int o = 0; o < nop; o++) {
            const nd__iter_op *op = &ops[o];
            const nd_array *x = op->a;
            if (!x) continue;
            int j = op->map ? op->map[i] : i - (nd - x->ndim);
            if (op->rflag && op->rflag[i]) {
                if (j >= 0 && x->shape[j] != 1)
                    return nd__err(ND_EVALUE,
                                   "operand was set up as a reduction along axis %d, but the length of the axis is "
                                   "%lld (it has to be 1)", j, (long long)x->shape[j]);
                continue;
            }
            bool bcast = bs[i] != 1 && (j < 0 || x->shape[j] == 1);
            if (!op->map && bs[i] == 1 && j < 0 && op->no_broadcast) return not_broadcastable(nd, op, bs);
            if (!bcast) continue;
            if (op->map && j < 0) { /* a new axis of a remapped operand */
                if (op->write) return no_reduction(j);
                continue;
            }
            if (op->no_broadcast) return not_broadcastable(nd, op, bs);
            if (op->write) return no_reduction(op->map ? j : nd - 1 - i);
        }
    }
    return 0;
}

/* out's checks before and in the iterator (ops: out, the operand, the
 * mask); fills out's strides over a's axes (for the iteration order). */
static int check_out(nd_ufunc op, const nd_array *a, const bool *red, bool keepdims, const nd_array *where,
                     nd_array *out, int64_t *ost) {
    int map[ND_MAXDIMS], cur = 0;
    for (int i = 0; i < a->ndim; i++) map[i] = red[i] && !keepdims ? -1 : cur++;
    if (out && out->ndim != cur)
        return nd__err(ND_EVALUE,
                       "output parameter for reduction operation %s has the wrong number of dimensions: Found %d "
                       "but expected %d%s", nd_ufunc_name(op), out->ndim, cur,
                       keepdims ? " (must match the operand's when keepdims=True)" : "");
    if (out && !(out->flags & ND_WRITEABLE))
        return nd__err(ND_EVALUE, "operand array with iterator write flag set is read-only");
    nd__iter_op ops[3] = {
        {out, map, red, true, false}, {a, NULL, NULL, false, true}, {where, NULL, NULL, false, false}};
    if (nd__iter_check(a->ndim, 3, ops) < 0) return nd_errcode();
    for (int i = 0; out && i < a->ndim; i++) ost[i] = red[i] ? 0 : out->strides[map[i]];
    return 0;
}

/* The start value: initial (or the identity) as NumPy stores it, in
 * out's dtype first when out is given, then in the loop's. */
static nd_array *start_value(nd_ufunc op, const nd_array *initial, const nd_array *out, const nd_dtype *lt) {
    nd_array *v = initial ? nd_retain((nd_array *)initial) : has_identity(op) ? identity(op) : NULL;
    if (!v) return NULL;
    if (out && !nd_dtype_equal(out->dtype, lt)) {
        nd_array *w = nd_astype(v, out->dtype, 'K', ND_CAST_UNSAFE, true);
        nd_release(v);
        v = w;
    }
    nd_array *r = v ? nd_astype(v, lt, 'K', ND_CAST_UNSAFE, true) : NULL;
    nd_release(v);
    return r;
}

static int where_type(const nd_array *where) {
    if (!where || where->dtype->type == ND_BOOL) return 0;
    char *r = nd_dtype_repr(where->dtype);
    if (!r) return ND_ENOMEM;
    nd__err(ND_ETYPE, "Cannot cast array data from %s to dtype('bool') according to the rule 'safe'", r);
    nd_free(r);
    return ND_ETYPE;
}

nd_array *nd_reduce_ex(nd_ufunc op, const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt,
                       const nd_array *initial, const nd_array *where, nd_array *out) {
    if (!supported(op)) {
        const char *name = nd_ufunc_name(op);
        nd__err(ND_EVALUE, "reduce of ufunc '%s' is not supported by nd_reduce_ex", name ? name : "?");
        return NULL;
    }
    bool red[ND_MAXDIMS], none = initial == ND_INITIAL_NONE;
    if (none) initial = NULL;
    if (where_type(where) < 0 || nd__axes_mask(a, naxes, axes, red) < 0) return NULL;
    const nd_dtype *lt = nd__reduce_loop_type(op, a, dt, out);
    if (!lt) return NULL;
    nd_array *init = NULL, *wb = NULL, *res = NULL;
    int64_t ost[ND_MAXDIMS];
    if (where && !initial && (none || !has_identity(op))) {
        nd__err(ND_EVALUE,
                "reduction operation '%s' does not have an identity, so to use a where mask one has to specify "
                "'initial'", nd_ufunc_name(op));
        goto done;
    }
    if (check_out(op, a, red, keepdims, where, out, ost) < 0) goto done;
    if ((initial || (has_identity(op) && !none)) && !(init = start_value(op, initial, out, lt))) goto done;
    if (where && !(wb = nd_broadcast_to((nd_array *)where, a->ndim, a->shape))) goto done;
    nd__red_extra x = {init, wb, out ? ost : NULL, none};
    res = nd__reduce_ex(op, a, red, keepdims, lt, &x);
    if (res && out) {
        int rc = nd_copyto(out, res, ND_CAST_UNSAFE);
        nd_release(res);
        res = rc < 0 ? NULL : nd_retain(out);
    }
done:
    nd__dtype_unref(lt);
    nd_release(init);
    nd_release(wb);
    return res;
}
