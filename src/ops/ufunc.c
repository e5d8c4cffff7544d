/* ufunc.c — element-wise operations: NumPy 1.24's type resolution for each
 * ufunc, broadcasting, output allocation or out= with casting checks, and
 * overlap handling (inputs are read as if copied first). */
#include "nd_internal.h"

#include <stdio.h>

#include "ufunc_table.h"

typedef enum { RES_UNIFORM, RES_COMPARE, RES_LINEAR, RES_TRUEDIV, RES_ABSOLUTE } resolver;

static const struct {
    const char *name;
    int nin;
    const signed char (*loops)[3];
} ufuncs[ND_NUFUNCS] = {
#define ROW(NAME, name, nin) [ND_##NAME] = {#name, nin, loops_##name},
    ND_UFUNCS(ROW)
#undef ROW
};

/* Resolver per ufunc: RES_LINEAR unless listed. */
static resolver resolver_of(nd_ufunc op) {
    switch (op) {
    case ND_ADD: case ND_SUBTRACT: case ND_MULTIPLY: case ND_MINIMUM: case ND_MAXIMUM:
    case ND_NEGATIVE: case ND_POSITIVE: case ND_SIGN:
        return RES_UNIFORM;
    case ND_EQUAL: case ND_NOT_EQUAL: case ND_LESS: case ND_LESS_EQUAL: case ND_GREATER:
    case ND_GREATER_EQUAL: case ND_LOGICAL_AND: case ND_LOGICAL_OR: case ND_LOGICAL_XOR:
        return RES_COMPARE;
    case ND_TRUE_DIVIDE: return RES_TRUEDIV;
    case ND_ABSOLUTE: return RES_ABSOLUTE;
    default: return RES_LINEAR;
    }
}

/* NumPy 1.24 names true_divide "divide" (np.divide is np.true_divide). */
static const char *uf_msg_name(nd_ufunc op) { return op == ND_TRUE_DIVIDE ? "divide" : ufuncs[op].name; }

const char *nd_ufunc_name(nd_ufunc op) { return (unsigned)op < ND_NUFUNCS ? ufuncs[op].name : NULL; }

int nd_ufunc_nin(nd_ufunc op) { return (unsigned)op < ND_NUFUNCS ? ufuncs[op].nin : 0; }

int nd_ufunc_lookup(const char *name) {
    for (int i = 0; i < ND_NUFUNCS; i++)
        if (!strcmp(ufuncs[i].name, name)) return i;
    return -1;
}

static const nd_dtype *native(int t) { return nd__dtype_builtin((nd_type)t, false); }

/* "<class 'numpy.dtype[int64]'>", as NumPy names a dtype class. */
static void dtype_class(char *out, size_t cap, const nd_dtype *d) {
    const char *n = nd_dtype_name(d);
    snprintf(out, cap, "<class 'numpy.dtype[%s%s]'>", n, !strcmp(n, "bool") ? "_" : "");
}

static int no_loop(nd_ufunc op, int nin, const nd_array *const *in) {
    char a[64], b[64];
    dtype_class(a, sizeof a, in[0]->dtype);
    if (nin == 1)
        return nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types %s -> None",
                       uf_msg_name(op), a);
    dtype_class(b, sizeof b, in[1]->dtype);
    return nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types (%s, %s) -> None",
                   uf_msg_name(op), a, b);
}

static bool find_uniform(nd_ufunc op, int t, int types[2]) {
    for (const signed char *l = ufuncs[op].loops[0]; l[0] >= 0; l += 3)
        if (l[0] == t) {
            types[0] = l[0];
            types[1] = l[2];
            return true;
        }
    return false;
}

/* NumPy's linear search: the first loop every input casts to safely (0-d
 * inputs by value when that applies).  Like NumPy 1.24 it ignores out=;
 * the output cast is checked afterwards. */
static int linear_search(nd_ufunc op, int nin, const nd_array *const *in, int types[2]) {
    bool use_min = nd__use_min_scalar(nin, in);
    for (const signed char *l = ufuncs[op].loops[0]; l[0] >= 0; l += 3) {
        bool ok = true;
        for (int i = 0; i < nin && ok; i++) {
            const nd_dtype *from = in[i]->dtype;
            if (use_min && in[i]->ndim == 0) from = native(nd__scalar_cast_type(in[i], (nd_type)l[0]));
            ok = nd_can_cast(from, native(l[0]), ND_CAST_SAFE);
        }
        if (!ok) continue;
        types[0] = l[0];
        types[1] = l[2];
        return 0;
    }
    return nd__err(ND_ETYPE,
                   "ufunc '%s' not supported for the input types, and the inputs could not be safely coerced to "
                   "any supported types according to the casting rule ''safe''",
                   uf_msg_name(op));
}

/* types[0]: the loop's input type (all inputs), types[1]: its output. */
/* Records have no loops.  NumPy 1.24 fails differently per resolver: the
 * legacy linear search, a cast to bool for the logical ufuncs, DType
 * classes for comparisons and unary uniform ones, reprs otherwise. */
static int void_no_loop(nd_ufunc op, int nin, const nd_array *const *in) {
    resolver rs = resolver_of(op);
    bool logical = op == ND_LOGICAL_AND || op == ND_LOGICAL_OR || op == ND_LOGICAL_XOR;
    if (rs == RES_LINEAR || rs == RES_TRUEDIV || (rs == RES_ABSOLUTE && in[0]->dtype->kind == 'c')) {
        return nd__err(ND_ETYPE,
                       "ufunc '%s' not supported for the input types, and the inputs could not be safely coerced "
                       "to any supported types according to the casting rule ''safe''",
                       uf_msg_name(op));
    }
    if (logical || rs == RES_COMPARE || nin == 1) {
        char a[64], b[64];
        const nd_array *v = nd__is_void(in[0]->dtype) ? in[0] : in[1];
        if (logical) {
            char *r = nd_dtype_repr(v->dtype);
            nd__err(ND_ETYPE, "Cannot cast array data from %s to dtype('bool') according to the rule 'unsafe'",
                    r ? r : "?");
            nd_free(r);
            return ND_ETYPE;
        }
        for (int i = 0; i < nin; i++) {
            char *o = i ? b : a;
            if (nd__is_void(in[i]->dtype)) snprintf(o, 64, "<class 'numpy.dtype[void]'>");
            else dtype_class(o, 64, in[i]->dtype);
        }
        if (nin == 1)
            return nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types %s -> None",
                           uf_msg_name(op), a);
        return nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types (%s, %s) -> None",
                       uf_msg_name(op), a, b);
    }
    char *a = nd_dtype_repr(in[0]->dtype), *b = nin == 2 ? nd_dtype_repr(in[1]->dtype) : NULL;
    if (nin == 1)
        nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types %s -> None",
                uf_msg_name(op), a ? a : "?");
    else
        nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types (%s, %s) -> None",
                uf_msg_name(op), a ? a : "?", b ? b : "?");
    nd_free(a);
    nd_free(b);
    return ND_ECAST;
}

static int resolve(nd_ufunc op, int nin, const nd_array *const *in, int types[2]) {
    for (int i = 0; i < nin; i++)
        if (nd__is_void(in[i]->dtype)) return void_no_loop(op, nin, in);
    resolver r = resolver_of(op);
    if (r == RES_ABSOLUTE) r = in[0]->dtype->kind == 'c' ? RES_LINEAR : RES_UNIFORM;
    if (r == RES_TRUEDIV) {
        bool ints = true;
        for (int i = 0; i < nin; i++) ints = ints && strchr("biu", in[i]->dtype->kind);
        if (ints) {
            types[0] = types[1] = ND_FLOAT64;
            return 0;
        }
        r = RES_LINEAR;
    }
    if (r == RES_LINEAR) return linear_search(op, nin, in, types);
    const nd_dtype *rt = nd_result_type(nin, in);
    if (!rt) return ND_ETYPE;
    if (op == ND_SUBTRACT && rt->type == ND_BOOL)
        return nd__err(ND_ETYPE, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                                 "the `^` operator, or the logical_xor function instead.");
    if (op == ND_NEGATIVE && rt->type == ND_BOOL)
        return nd__err(ND_ETYPE, "The numpy boolean negative, the `-` operator, is not supported, use the `~` "
                                 "operator or the logical_not function instead.");
    if (!find_uniform(op, rt->type, types)) return no_loop(op, nin, in);
    return 0;
}

static nd_kernel kernel_of(nd_ufunc op, int t) {
    const nd_dtype *d = native(t);
    if (d->kind == 'f') return nd__kernel_float(op, (nd_type)t);
    if (d->kind == 'c') return nd__kernel_cplx(op, (nd_type)t);
    return nd__kernel_int(op, (nd_type)t);
}

const nd_dtype *nd_ufunc_result_type(nd_ufunc op, const nd_array *a, const nd_array *b) {
    const nd_array *in[2] = {a, b};
    int types[2];
    if ((unsigned)op >= ND_NUFUNCS) {
        nd__err(ND_EVALUE, "invalid ufunc %d", (int)op);
        return NULL;
    }
    if (resolve(op, ufuncs[op].nin, in, types)) return NULL;
    return native(types[1]);
}

/* ---- applying ---- */

static void neg_check(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    ND_UNUSED(dst);
    ND_UNUSED(ds);
    const nd_dtype *d = ((const nd_dtype **)ctx)[0];
    bool *found = ((bool **)ctx)[1];
    for (int64_t i = 0; i < n && !*found; i++, src += ss)
        if (nd__load(d, src).i < 0) *found = true;
}

/* Integer power with a negative exponent is an error, found before any
 * element is written so a failing call changes nothing. */
static bool has_negative(const nd_array *b) {
    bool found = false;
    const void *ctx[2] = {b->dtype, &found};
    nd__loop2(b->ndim, b->shape, b->data, b->strides, b->data, b->strides, neg_check, (void *)ctx);
    return found;
}

/* Same memory walked the same way: in-place element-wise use is safe. */
static bool same_layout(const nd_array *x, const nd_array *y) {
    if (x->data != y->data || x->ndim != y->ndim || x->dtype->itemsize != y->dtype->itemsize) return false;
    for (int i = 0; i < x->ndim; i++)
        if (x->shape[i] != y->shape[i] || (x->shape[i] > 1 && x->strides[i] != y->strides[i])) return false;
    return true;
}

/* Broadcast the inputs together with out, as NumPy's iterator does: a
 * shape clash names every operand; an out that would itself have to be
 * broadcast is "non-broadcastable".  On success the result shape is out's. */
static int broadcast_operands(int nin, const nd_array *const *in, const nd_array *out, int *nd, int64_t *shape) {
    int nop = nin + (out != NULL), nds[3];
    const int64_t *shs[3];
    const nd_array *ops[3] = {in[0], nin == 2 ? in[1] : out, out};
    for (int i = 0; i < nop; i++) {
        nds[i] = ops[i]->ndim;
        shs[i] = ops[i]->shape;
    }
    if (nd_broadcast_shapes(nop, nds, shs, nd, shape) < 0) {
        char msg[1024];
        int o = snprintf(msg, sizeof msg, "operands could not be broadcast together with shapes ");
        for (int i = 0; i < nop && o < (int)sizeof msg; i++) {
            char sh[256];
            nd__fmt_shape_tight(sh, sizeof sh, nds[i], shs[i]);
            o += snprintf(msg + o, sizeof msg - (size_t)o, "%s ", sh);
        }
        return nd__err(ND_EVALUE, "%s", msg);
    }
    if (out && (out->ndim != *nd || memcmp(out->shape, shape, (size_t)*nd * sizeof *shape))) {
        char s1[256], s2[256];
        nd__fmt_shape_tight(s1, sizeof s1, out->ndim, out->shape);
        nd__fmt_shape_tight(s2, sizeof s2, *nd, shape);
        return nd__err(ND_EVALUE, "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                       s1, s2);
    }
    return 0;
}

nd_array *nd_apply(nd_ufunc op, const nd_array *a, const nd_array *b, nd_array *out) {
    if ((unsigned)op >= ND_NUFUNCS) {
        nd__err(ND_EVALUE, "invalid ufunc %d", (int)op);
        return NULL;
    }
    int nin = ufuncs[op].nin;
    const nd_array *in[2] = {a, b};
    if (!a || (nin == 2 && !b)) {
        nd__err(ND_ETYPE, "%s() takes %d positional arguments", ufuncs[op].name, nin);
        return NULL;
    }
    if (out && nd__check_writeable(out)) { /* NumPy checks this while taking out= */
        nd__err(ND_EREADONLY, "output array is read-only");
        return NULL;
    }
    /* The binary logical ufuncs cast void inputs that can become bool
     * (raw bytes, one-field records) to bool first, as NumPy's resolver. */
    if (nin == 2 && (op == ND_LOGICAL_AND || op == ND_LOGICAL_OR || op == ND_LOGICAL_XOR) &&
        (nd__is_void(a->dtype) || nd__is_void(b->dtype)) &&
        nd_can_cast(a->dtype, native(ND_BOOL), ND_CAST_UNSAFE) && nd_can_cast(b->dtype, native(ND_BOOL), ND_CAST_UNSAFE)) {
        nd_array *ab = nd_astype((nd_array *)a, native(ND_BOOL), 'K', ND_CAST_UNSAFE, false);
        nd_array *bb = ab ? nd_astype((nd_array *)b, native(ND_BOOL), 'K', ND_CAST_UNSAFE, false) : NULL;
        nd_array *r = bb ? nd_apply(op, ab, bb, out) : NULL;
        nd_release(ab);
        nd_release(bb);
        return r;
    }
    /* NumPy resolves the loop and checks the output cast before it
     * broadcasts, so type errors win over shape errors. */
    int types[2];
    if (resolve(op, nin, in, types)) return NULL;
    if (out && !nd_can_cast(native(types[1]), out->dtype, ND_CAST_SAME_KIND)) {
        char *f = nd_dtype_repr(native(types[1])), *t = nd_dtype_repr(out->dtype);
        nd__err(ND_ECAST, "Cannot cast ufunc '%s' output from %s to %s with casting rule 'same_kind'",
                uf_msg_name(op), f ? f : "?", t ? t : "?");
        nd_free(f);
        nd_free(t);
        return NULL;
    }
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (broadcast_operands(nin, in, out, &nd, shape) < 0) return NULL;
    nd_kernel kernel = kernel_of(op, types[0]);
    if (!kernel) {
        no_loop(op, nin, in);
        return NULL;
    }

    nd_array *conv[2] = {NULL, NULL}, *res = NULL, *tmp = NULL;
    const nd_array *use[2] = {a, b};
    const nd_dtype *lt = native(types[0]);
    bool self_overlap = out && !(out->flags & ND_C_CONTIGUOUS) && nd_internal_overlap(out, ND_MAY_SHARE_EXACT) != 0;
    for (int i = 0; i < nin; i++) {
        /* Cast inputs to the loop type; copy an input that overlaps out
         * unless it is walked exactly like out (plain in-place). */
        bool cast = !nd_dtype_equal(in[i]->dtype, lt);
        /* An out whose elements alias each other (as_strided) is never
         * "plain in place": NumPy reads such inputs in full first. */
        bool overlap = out && (!same_layout(in[i], out) || self_overlap) && nd_may_share_memory(in[i], out) &&
                       nd_shares_memory(in[i], out, ND_MAY_SHARE_EXACT) != 0;
        if (cast || overlap) {
            conv[i] = nd_astype((nd_array *)in[i], lt, 'K', ND_CAST_UNSAFE, true);
            if (!conv[i]) goto fail;
            use[i] = conv[i];
        }
    }
    /* NumPy's loop raises on the first negative exponent it meets, so an
     * empty result raises nothing. */
    if (op == ND_POWER && lt->kind == 'i' && nd__size(nd, shape) > 0 && has_negative(use[1])) {
        nd__err(ND_EVALUE, "Integers to negative integer powers are not allowed.");
        goto fail;
    }
    const nd_dtype *rt = native(types[1]);
    int64_t st[3][ND_MAXDIMS];
    const int64_t *sts[3];
    if (out && nd_dtype_equal(out->dtype, rt)) {
        res = nd_retain(out);
    } else if (out) {
        res = tmp = nd__alloc_array(nd, shape, rt, 'C');
    } else {
        /* NumPy casts inputs in buffers, so the result follows the
         * inputs' own strides, not those of nd's cast copies. */
        for (int i = 0; i < nin; i++) {
            nd__broadcast_strides(in[i], nd, shape, st[i]);
            sts[i] = st[i];
        }
        res = nd__alloc_iter_order(nd, shape, nin, sts, nd__result_descr(in[0]->dtype, rt));
    }
    if (!res) goto fail;
    for (int i = 0; i < nin; i++) {
        nd__broadcast_strides(use[i], nd, shape, st[i]);
        sts[i] = st[i];
    }
    {
        char *ptrs[3];
        for (int i = 0; i < nin; i++) ptrs[i] = use[i]->data;
        ptrs[nin] = res->data;
        sts[nin] = res->strides;
        if (op == ND_MULTIPLY && lt->kind == 'c') {
            /* Its bits depend on the path NumPy's loop takes. */
            nd_np_call c = {{a, b}, out ? out : res, out != NULL, lt, nd__kernel_cmul(lt->type, true),
                            nd__kernel_cmul(lt->type, false)};
            nd__loopn_np(nd, shape, ptrs, sts, &c);
        } else {
            nd__loopn(nd, shape, nin + 1, ptrs, sts, kernel);
        }
    }
    if (tmp) {
        if (nd_copyto(out, tmp, ND_CAST_UNSAFE) < 0) goto fail;
        nd_release(tmp);
        res = nd_retain(out);
    }
    nd_release(conv[0]);
    nd_release(conv[1]);
    return res;
fail:
    nd_release(conv[0]);
    nd_release(conv[1]);
    nd_release(res);
    return NULL;
}

/* ---- where= and casting= (NumPy's ufunc keywords) ---- */

static const char *const casting_names[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

/* The elements where `where` holds get the result, cast to out's type;
 * the others keep out's values (a new result gets every value computed,
 * where NumPy leaves them uninitialised). */
static nd_array *apply_masked(nd_ufunc op, const nd_array *a, const nd_array *b, nd_array *out,
                              const nd_array *where) {
    const nd_array *ops[4];
    int n = 0, nds[4], nd;
    const int64_t *shs[4];
    int64_t shape[ND_MAXDIMS];
    ops[n++] = a;
    if (b) ops[n++] = b;
    if (where) ops[n++] = where;
    for (int i = 0; i < n; i++) nds[i] = ops[i]->ndim, shs[i] = ops[i]->shape;
    if (nd_broadcast_shapes(n, nds, shs, &nd, shape) < 0) {
        char msg[512] = "", s[128];
        for (int i = 0; i < n; i++) {
            nd__fmt_shape_tight(s, sizeof s, nds[i], shs[i]);
            strncat(msg, s, sizeof msg - strlen(msg) - 2);
            strcat(msg, " ");
        }
        nd__err(ND_EVALUE, "operands could not be broadcast together with shapes %s", msg);
        return NULL;
    }
    if (out) {
        nds[n] = out->ndim, shs[n] = out->shape;
        int64_t full[ND_MAXDIMS];
        int fnd;
        if (nd_broadcast_shapes(n + 1, nds, shs, &fnd, full) < 0 || fnd != out->ndim ||
            memcmp(full, out->shape, (size_t)fnd * sizeof *full)) {
            char o[128], s[128];
            nd__fmt_shape_tight(o, sizeof o, out->ndim, out->shape);
            nd__fmt_shape_tight(s, sizeof s, nd, shape);
            nd__err(ND_EVALUE, "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                    o, s);
            return NULL;
        }
    }
    nd_array *r = nd_apply(op, a, b, NULL), *res = NULL, *rc = NULL, *w = NULL;
    if (!r) return NULL;
    if (!out) {
        res = nd_empty(nd, shape, r->dtype, 'C');
        if (res && nd_copyto(res, r, ND_CAST_NO) < 0) {
            nd_release(res);
            res = NULL;
        }
    } else {
        rc = nd_astype(r, out->dtype, 'K', ND_CAST_UNSAFE, false);
        w = rc ? (where ? nd_where(where, rc, out) : nd_retain(rc)) : NULL;
        if (w && nd_copyto(out, w, ND_CAST_UNSAFE) == 0) res = nd_retain(out);
    }
    nd_release(w);
    nd_release(rc);
    nd_release(r);
    return res;
}

nd_array *nd_apply_where(nd_ufunc op, const nd_array *a, const nd_array *b, nd_array *out, const nd_array *where,
                         nd_casting casting) {
    if ((unsigned)op >= ND_NUFUNCS || (unsigned)casting > ND_CAST_UNSAFE) {
        nd__err(ND_EVALUE, "invalid ufunc or casting");
        return NULL;
    }
    if (where && where->dtype->type != ND_BOOL) {
        char *r = nd_dtype_repr(where->dtype);
        nd__err(ND_ETYPE, "Cannot cast array data from %s to dtype('bool') according to the rule 'safe'", r ? r : "?");
        nd_free(r);
        return NULL;
    }
    int nin = ufuncs[op].nin;
    const nd_array *in[2] = {a, b};
    if (!a || (nin == 2 && !b)) return nd_apply(op, a, b, out); /* its argument error */
    int types[2];
    if (resolve(op, nin, in, types)) return NULL;
    const nd_dtype *lt = native(types[0]), *rt = native(types[1]);
    for (int i = 0; i < nin && casting < ND_CAST_SAFE; i++) /* the resolver's own casts are safe */
        if (!nd_can_cast(in[i]->dtype, lt, casting)) {
            char *f = nd_dtype_repr(in[i]->dtype), *t = nd_dtype_repr(lt);
            nd__err(ND_ECAST, "Cannot cast ufunc '%s' input %d from %s to %s with casting rule '%s'", uf_msg_name(op),
                    i, f ? f : "?", t ? t : "?", casting_names[casting]);
            nd_free(f);
            nd_free(t);
            return NULL;
        }
    if (out && !nd_can_cast(rt, out->dtype, casting)) {
        char *f = nd_dtype_repr(rt), *t = nd_dtype_repr(out->dtype);
        nd__err(ND_ECAST, "Cannot cast ufunc '%s' output from %s to %s with casting rule '%s'", uf_msg_name(op),
                f ? f : "?", t ? t : "?", casting_names[casting]);
        nd_free(f);
        nd_free(t);
        return NULL;
    }
    if (out && nd__check_writeable(out)) {
        nd__err(ND_EREADONLY, "output array is read-only");
        return NULL;
    }
    bool plain = !where && (!out || nd_can_cast(rt, out->dtype, ND_CAST_SAME_KIND));
    return plain ? nd_apply(op, a, b, out) : apply_masked(op, a, b, out, where);
}
