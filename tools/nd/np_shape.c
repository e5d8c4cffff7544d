/* np_shape.c — more of the numpy namespace composed from libnd calls:
 * rot90, pad, ndindex, ndenumerate, ravel_multi_index, triu/tril_indices,
 * lexsort, cross and convolve, with NumPy 1.24's results and messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

static nd_array *i64_scalar(int64_t x) { return nd_ck(nd_scalar(ND_I64(x), NULL)); }

/* ---------- rot90 ---------- */
static Val np_rot90(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("rot90", "m|k,axes");
    int64_t k = 1, ax[2] = {0, 1};
    if (HAS(p[1]) && to_int64(p[1], &k, NULL) < 0) return VERR;
    if (HAS(p[2])) {
        Val l = to_list(p[2]);
        if (ISERR(l)) return l;
        int64_t n = LIST(l)->n;
        int bad = n != 2;
        for (int i = 0; !bad && i < 2; i++)
            if (to_int64(LIST(l)->v[i], &ax[i], NULL) < 0) bad = -1;
        decref(l);
        if (bad < 0) return VERR;
        if (bad) return raise_exc(ValueErrorT, "len(axes) must be 2.");
    }
    nd_array *m = arg_nd(p[0]);
    if (!m) return VERR;
    int nd = nd_ndim(m);
    if (ax[0] == ax[1] || llabs(ax[0] - ax[1]) == nd) { nd_release(m); return raise_exc(ValueErrorT, "Axes must be different."); }
    if (ax[0] >= nd || ax[0] < -nd || ax[1] >= nd || ax[1] < -nd) {
        nd_release(m);
        return raise_exc(ValueErrorT, "Axes=(%lld, %lld) out of range for array of ndim=%d.", (long long)ax[0], (long long)ax[1], nd);
    }
    int a0 = (int)(ax[0] < 0 ? ax[0] + nd : ax[0]), a1 = (int)(ax[1] < 0 ? ax[1] + nd : ax[1]);
    k = ((k % 4) + 4) % 4;
    int perm[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) perm[i] = i;
    perm[a0] = a1;
    perm[a1] = a0;
    nd_array *r = NULL, *t = NULL;
    if (k == 0) r = nd_view(m);
    else if (k == 2) r = nd_flip(m, 2, (int[]){a0, a1});
    else if (k == 1) r = (t = nd_flip(m, 1, &a1)) ? nd_transpose(t, perm) : NULL;
    else r = (t = nd_transpose(m, perm)) ? nd_flip(t, 1, &a1) : NULL;
    nd_release(t);
    nd_release(m);
    return r ? mk_array(r) : raise_nd();
}

/* ---------- pad ---------- */
/* x broadcast to (nd, 2), NumPy's _as_pairs; a C-contiguous copy of type t */
static nd_array *as_pairs(Val x, int nd, nd_type t) {
    nd_array *a = arg_nd(x);
    if (!a) return NULL;
    nd_array *r = NULL;
    if (t == ND_INT64 && !strchr("iub", nd_dtype_kind(nd_array_dtype(a)))) {
        nd_release(a);
        raise_exc(TypeErrorT, "`pad_width` must be of integral type.");
        return NULL;
    }
    nd_array *b = nd_ck(nd_broadcast_to(a, 2, (int64_t[]){nd, 2}));
    if (b) r = nd_ck(nd_astype(b, t == ND_INT64 ? nd_dtype_of(ND_INT64) : nd_array_dtype(a), 'C', ND_CAST_UNSAFE, true));
    nd_release(b);
    nd_release(a);
    return r;
}

/* NumPy's _set_reflect_both / _set_wrap_both, run on an index map until
   the pad areas are full: map[i] is the source index of output i. */
static void pad_map(int64_t *map, int64_t L, int64_t lp, int64_t rp, char mode) {
    while (lp > 0 || rp > 0) {
        if (mode == 'w') {
            int64_t period = L - rp - lp, nl = 0, nr = 0, c = period < lp ? period : lp;
            if (lp > 0) {
                int64_t dst = lp > period ? lp - period : 0;
                memmove(map + dst, map + L - rp - c, sizeof *map * (size_t)c);
                if (lp > period) nl = lp - period;
            }
            if (rp > 0) {
                c = period < rp ? period : rp;
                memmove(map + L - rp, map + lp, sizeof *map * (size_t)c);
                if (rp > period) nr = rp - period;
            }
            lp = nl;
            rp = nr;
            continue;
        }
        int64_t eo = mode == 's', old = L - rp - lp - (mode == 's' ? 0 : 1);
        if (lp > 0) {
            int64_t cl = old < lp ? old : lp, stop = lp - eo, start = stop + cl;
            for (int64_t i = 0; i < cl; i++) map[lp - cl + i] = map[start - i];
            lp -= cl;
        }
        if (rp > 0) {
            int64_t cl = old < rp ? old : rp, start = L - rp + eo - 2;
            for (int64_t i = 0; i < cl; i++) map[L - rp + i] = map[start - i];
            rp -= cl;
        }
    }
}

/* one axis of a padded by index map (edge, wrap, reflect, symmetric) */
static nd_array *pad_axis_map(nd_array *a, int axis, int64_t lp, int64_t rp, char mode) {
    int64_t n = nd_shape(a)[axis], L = n + lp + rp;
    nd_array *ix = nd_ck(nd_empty(1, &L, nd_dtype_of(ND_INT64), 'C'));
    if (!ix) return NULL;
    int64_t *map = nd_data(ix);
    for (int64_t i = 0; i < L; i++) map[i] = i < lp ? 0 : i - lp >= n ? n - 1 : i - lp;
    if (mode != 'e' && !(n == 1 && mode != 'w')) pad_map(map, L, lp, rp, mode);
    nd_array *r = nd_ck(nd_take(a, ix, axis));
    nd_release(ix);
    return r;
}

/* one axis padded with constants: concatenate(before, a, after) */
static nd_array *pad_axis_const(nd_array *a, int axis, int64_t lp, int64_t rp, nd_value vb, nd_value va) {
    int64_t sh[ND_MAXDIMS];
    int nd = nd_ndim(a);
    memcpy(sh, nd_shape(a), sizeof(int64_t) * (size_t)nd);
    sh[axis] = lp;
    nd_array *b = nd_ck(nd_full(nd, sh, vb, nd_array_dtype(a), 'C'));
    sh[axis] = rp;
    nd_array *f = b ? nd_ck(nd_full(nd, sh, va, nd_array_dtype(a), 'C')) : NULL;
    const nd_array *parts[3] = {b, a, f};
    nd_array *r = f ? nd_ck(nd_concatenate(3, parts, axis)) : NULL;
    nd_release(b);
    nd_release(f);
    return r;
}

static Val np_pad(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("pad", "array,pad_width|mode,constant_values,reflect_type");
    const char *ms = HAS(p[2]) && p[2].t == T_STR ? STR(p[2])->s : HAS(p[2]) ? "?" : "constant";
    char mode = !strcmp(ms, "constant") ? 'c' : !strcmp(ms, "edge") ? 'e' : !strcmp(ms, "wrap") ? 'w'
              : !strcmp(ms, "reflect") ? 'r' : !strcmp(ms, "symmetric") ? 's' : 0;
    if (!mode) {
        static const char *const other[] = {"linear_ramp", "maximum", "mean", "median", "minimum", "empty", NULL};
        for (int i = 0; other[i]; i++)
            if (!strcmp(ms, other[i])) return raise_exc(NotImplementedErrorT, "pad(mode='%s') is not supported by nd", ms);
        return raise_exc(ValueErrorT, "mode '%s' is not supported", ms);
    }
    if (HAS(p[4]) && (p[4].t != T_STR || strcmp(STR(p[4])->s, "even")))
        return raise_exc(NotImplementedErrorT, "pad(reflect_type='odd') is not supported by nd");
    if (HAS(p[3]) && mode != 'c') return raise_exc(ValueErrorT, "unsupported keyword arguments for mode '%s': {'constant_values'}", ms);
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int nd = nd_ndim(a);
    nd_array *w = as_pairs(p[1], nd, ND_INT64), *cv = NULL;
    if (!w) goto fail;
    const int64_t *wv = nd_data(w);
    for (int i = 0; i < 2 * nd; i++)
        if (wv[i] < 0) { raise_exc(ValueErrorT, "index can't contain negative values"); goto fail; }
    if (mode == 'c' && !(cv = as_pairs(HAS(p[3]) ? p[3] : VINT(0), nd, ND_VOID))) goto fail;
    for (int ax = 0; ax < nd; ax++) {
        int64_t lp = wv[2 * ax], rp = wv[2 * ax + 1];
        nd_array *r;
        if (mode == 'c') {
            nd_value vb, va;
            nd_get(cv, (int64_t[]){ax, 0}, &vb);
            nd_get(cv, (int64_t[]){ax, 1}, &va);
            r = pad_axis_const(a, ax, lp, rp, vb, va);
        } else if (nd_shape(a)[ax] == 0 && (lp || rp)) {
            raise_exc(ValueErrorT, "can't extend empty axis %d using modes other than 'constant' or 'empty'", ax);
            r = NULL;
        } else {
            r = pad_axis_map(a, ax, lp, rp, mode);
        }
        if (!r) goto fail;
        nd_release(a);
        a = r;
    }
    nd_release(w);
    nd_release(cv);
    if (nd == 0) { /* NumPy returns a copy */
        nd_array *c = nd_ck(nd_copy(a, 'C'));
        nd_release(a);
        a = c;
    }
    return a ? mk_array(a) : VERR;
fail:
    nd_release(a);
    nd_release(w);
    nd_release(cv);
    return VERR;
}

/* ---------- ndindex, ndenumerate ---------- */
/* the C-order index tuple of flat position k in shape */
static Val index_tuple(int nd, const int64_t *shape, int64_t k) {
    Val t = mk_tuple(nd);
    for (int d = nd - 1; d >= 0; d--) {
        LIST(t)->v[d] = VINT(shape[d] ? k % shape[d] : 0);
        if (shape[d]) k /= shape[d];
    }
    return t;
}
static Val np_ndindex(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    if (kw && kw->n) return raise_exc(TypeErrorT, "ndindex() got an unexpected keyword argument '%s'", kw->names[0]);
    int nd;
    int64_t shape[ND_MAXDIMS], size = 1;
    Val sv = argc == 1 ? incref(argv[0]) : mk_tuple(argc);
    for (int i = 0; argc != 1 && i < argc; i++) LIST(sv)->v[i] = incref(argv[i]);
    int rc = parse_shape(sv, &nd, shape);
    decref(sv);
    if (rc < 0) return VERR;
    for (int i = 0; i < nd; i++) size *= shape[i];
    Val l = mk_list(0);
    for (int64_t k = 0; k < size; k++) list_append(l, index_tuple(nd, shape, k));
    Val it = get_iter(l);
    decref(l);
    return it;
}
static Val np_ndenumerate(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ndenumerate", "arr");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    if (is_void_dt(nd_array_dtype(a))) { nd_release(a); return raise_exc(NotImplementedErrorT, "ndenumerate of records is not supported by nd"); }
    Val l = mk_list(0);
    for (int64_t k = 0; k < nd_size(a); k++) {
        nd_value v;
        if (nd_item(a, k, &v) < 0) { decref(l); nd_release(a); return raise_nd(); }
        Val s = mk_scalar(v);
        list_append(l, mk_tuple2(index_tuple(nd_ndim(a), nd_shape(a), k), s));
    }
    nd_release(a);
    Val it = get_iter(l);
    decref(l);
    return it;
}

/* ---------- ravel_multi_index ---------- */
static Val np_ravel_multi_index(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ravel_multi_index", "multi_index,dims|mode,order");
    int nd;
    int64_t dims[ND_MAXDIMS];
    if (parse_shape(p[1], &nd, dims) < 0) return VERR;
    const char *mode = HAS(p[2]) && p[2].t == T_STR ? STR(p[2])->s : "raise";
    if (strcmp(mode, "raise") && strcmp(mode, "wrap") && strcmp(mode, "clip"))
        return raise_exc(TypeErrorT, "clipmode not understood");
    bool fortran = HAS(p[3]) && p[3].t == T_STR && STR(p[3])->s[0] == 'F';
    Val l = to_list(p[0]);
    if (ISERR(l)) return l;
    if (LIST(l)->n != nd) {
        decref(l);
        return raise_exc(ValueErrorT, "parameter multi_index must be a sequence of length %d", nd);
    }
    nd_array *r = i64_scalar(0);
    for (int j = 0; r && j < nd; j++) {
        int d = fortran ? nd - 1 - j : j;
        nd_array *ix = arg_nd(LIST(l)->v[d]);
        if (ix && !strchr("iub", nd_dtype_kind(nd_array_dtype(ix)))) {
            nd_release(ix);
            ix = NULL;
            raise_exc(TypeErrorT, "only int indices permitted");
        }
        if (ix && mode[0] == 'w') ix = op2(ND_REMAINDER, ix, i64_scalar(dims[d]), 3);
        if (ix && mode[0] == 'c') {
            nd_array *lo = i64_scalar(0), *hi = lo ? i64_scalar(dims[d] - 1) : NULL;
            nd_array *c = hi ? nd_ck(nd_clip(ix, lo, hi, NULL)) : NULL;
            nd_release(lo);
            nd_release(hi);
            nd_release(ix);
            ix = c;
        }
        if (ix && mode[0] == 'r') {
            nd_array *bad = op2(ND_LOGICAL_OR, op2(ND_LESS, ix, i64_scalar(0), 2), op2(ND_GREATER_EQUAL, ix, i64_scalar(dims[d]), 2), 3);
            nd_array *any = bad ? nd_ck(nd_any(bad, 0, NULL, false)) : NULL;
            nd_value v = {0};
            if (any) nd_item(any, 0, &v);
            nd_release(bad);
            nd_release(any);
            if (!any || v.b) {
                if (any) raise_exc(ValueErrorT, "invalid entry in coordinates array");
                nd_release(ix);
                ix = NULL;
            }
        }
        r = ix ? op2(ND_ADD, op2(ND_MULTIPLY, r, i64_scalar(dims[d]), 3), ix, 3) : (nd_release(r), NULL);
    }
    decref(l);
    if (!r) return VERR;
    nd_array *c = nd_ck(nd_astype(r, nd_dtype_of(ND_INT64), 'K', ND_CAST_UNSAFE, false));
    nd_release(r);
    return c ? array_wrap0(c) : VERR;
}

/* ---------- triu_indices, tril_indices ---------- */
static Val tri_indices(const char *fname, bool upper, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "n|k,m");
    int64_t n, k = 0, m;
    if (to_int64(p[0], &n, NULL) < 0 || opt_int(p[1], 0, &k) < 0 || opt_int(p[2], n, &m) < 0) return VERR;
    /* nonzero(j - i >= k) (upper) or (j - i <= k), as NumPy's tri mask */
    nd_array *i = nd_ck(nd_arange(0, n, 1, NULL)), *j = i ? nd_ck(nd_arange(0, m, 1, NULL)) : NULL;
    nd_array *ic = j ? nd_ck(nd_reshape(i, 2, (int64_t[]){n, 1}, 'C', ND_COPY_IF_NEEDED)) : NULL;
    nd_array *mask = ic ? op2(upper ? ND_GREATER_EQUAL : ND_LESS_EQUAL, op2(ND_SUBTRACT, j, ic, 0), i64_scalar(k), 3) : NULL;
    nd_array *out[2] = {NULL, NULL};
    Val r = VERR;
    if (mask && nd_nonzero(mask, out) < 0) raise_nd();
    else if (mask) r = mk_tuple2(mk_array(out[0]), mk_array(out[1]));
    nd_release(i);
    nd_release(j);
    nd_release(ic);
    nd_release(mask);
    return r;
}
static Val np_triu_indices(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return tri_indices("triu_indices", true, argc, argv, kw); }
static Val np_tril_indices(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return tri_indices("tril_indices", false, argc, argv, kw); }

/* ---------- lexsort ---------- */
static Val np_lexsort(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("lexsort", "keys|axis");
    int64_t axis = -1;
    if (opt_int(p[1], -1, &axis) < 0) return VERR;
    Val l = p[0].t == T_LIST || p[0].t == T_TUPLE ? incref(p[0]) : to_list(p[0]);
    if (ISERR(l)) return l;
    int64_t nk = LIST(l)->n;
    if (nk == 0) { decref(l); return raise_exc(TypeErrorT, "need sequence of keys with len > 0 in lexsort"); }
    /* stable argsort by the first key, then by each later key in turn */
    nd_array *idx = NULL;
    int64_t len = -1;
    for (int64_t i = 0; i < nk; i++) {
        nd_array *key = arg_nd(LIST(l)->v[i]);
        if (!key) goto fail;
        if (nd_ndim(key) != 1) {
            nd_release(key);
            raise_exc(nd_ndim(key) ? NotImplementedErrorT : exc_class_by_name("AxisError"),
                      nd_ndim(key) ? "lexsort of keys with more than one dimension is not supported by nd" : "axis -1 is out of bounds for array of dimension 0");
            goto fail;
        }
        if (axis != -1 && axis != 0) {
            nd_release(key);
            raise_exc(exc_class_by_name("AxisError"), "axis %lld is out of bounds for array of dimension 1", (long long)axis);
            goto fail;
        }
        if (len >= 0 && nd_size(key) != len) { nd_release(key); raise_exc(ValueErrorT, "all keys need to be the same shape"); goto fail; }
        len = nd_size(key);
        nd_array *s = idx ? nd_ck(nd_take(key, idx, 0)) : nd_retain(key);
        nd_release(key);
        nd_array *o = s ? nd_ck(nd_argsort(s, 0, "stable")) : NULL;
        nd_release(s);
        nd_array *n = o && idx ? nd_ck(nd_take(idx, o, 0)) : o ? nd_retain(o) : NULL;
        nd_release(o);
        nd_release(idx);
        if (!(idx = n)) goto fail;
    }
    decref(l);
    return mk_array(idx);
fail:
    nd_release(idx);
    decref(l);
    return VERR;
}

/* ---------- cross ---------- */
static nd_array *comp(nd_array *a, int i) {
    char e[16];
    snprintf(e, sizeof e, "..., %d", i);
    return nd_ck(nd_index(a, e));
}
static Val np_cross(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("cross", "a,b|axisa,axisb,axisc,axis");
    for (int i = 2; i < 6; i++)
        if (GIVEN(p[i])) return raise_exc(NotImplementedErrorT, "cross(axis=...) is not supported by nd");
    nd_array *a = arg_nd(p[0]), *b = a ? arg_nd(p[1]) : NULL;
    nd_array *x[3] = {NULL, NULL, NULL}, *y[3] = {NULL, NULL, NULL}, *c[3] = {NULL, NULL, NULL}, *r = NULL;
    if (!b) goto done;
    int na = nd_ndim(a) ? (int)nd_shape(a)[nd_ndim(a) - 1] : 0, nb = nd_ndim(b) ? (int)nd_shape(b)[nd_ndim(b) - 1] : 0;
    if ((na != 2 && na != 3) || (nb != 2 && nb != 3)) {
        raise_exc(ValueErrorT, "incompatible dimensions for cross product\n(dimension must be 2 or 3)");
        goto done;
    }
    for (int i = 0; i < 3; i++) {
        if ((i < na && !(x[i] = comp(a, i))) || (i < nb && !(y[i] = comp(b, i)))) goto done;
    }
    /* NumPy's products and order, with a missing third component taken as 0 */
    if (na == 2 && nb == 2) {
        r = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[0], y[1], 0), op2(ND_MULTIPLY, x[1], y[0], 0), 3);
        goto done;
    }
    if (na == 3 && nb == 3) {
        c[0] = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[1], y[2], 0), op2(ND_MULTIPLY, x[2], y[1], 0), 3);
        c[1] = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[2], y[0], 0), op2(ND_MULTIPLY, x[0], y[2], 0), 3);
    } else if (na == 2) {
        c[0] = op2(ND_MULTIPLY, x[1], y[2], 0);
        c[1] = op2(ND_NEGATIVE, op2(ND_MULTIPLY, x[0], y[2], 0), NULL, 1);
    } else {
        c[0] = op2(ND_NEGATIVE, op2(ND_MULTIPLY, x[2], y[1], 0), NULL, 1);
        c[1] = op2(ND_MULTIPLY, x[2], y[0], 0);
    }
    c[2] = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[0], y[1], 0), op2(ND_MULTIPLY, x[1], y[0], 0), 3);
    if (c[0] && c[1] && c[2]) {
        /* the components broadcast to one shape before stacking */
        nd_array *s = op2(ND_ADD, op2(ND_ADD, op2(ND_MULTIPLY, c[0], i64_scalar(0), 2), c[1], 1), c[2], 1);
        nd_array *bc[3] = {NULL, NULL, NULL};
        for (int i = 0; s && i < 3; i++) bc[i] = nd_ck(nd_broadcast_to(c[i], nd_ndim(s), nd_shape(s)));
        if (bc[0] && bc[1] && bc[2]) r = nd_ck(nd_stack(3, (const nd_array *const *)bc, -1));
        for (int i = 0; i < 3; i++) nd_release(bc[i]);
        nd_release(s);
    }
done:
    for (int i = 0; i < 3; i++) { nd_release(x[i]); nd_release(y[i]); nd_release(c[i]); }
    nd_release(a);
    nd_release(b);
    return r ? mk_array(r) : VERR;
}

/* ---------- convolve ---------- */
/* NumPy correlates a with the reversed kernel, each output summed as
   0 + p0 + p1 + ... in kernel order (its dot loop); the same sums come from
   whole-array steps out[k:k+N] += a * v[k], k from the kernel's end. */
static Val np_convolve(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("convolve", "a,v|mode");
    const char *ms = HAS(p[2]) && p[2].t == T_STR ? STR(p[2])->s : "full";
    char c0 = (char)(ms[0] | 0x20); /* NumPy 1.24 goes by the first letter */
    int mode = c0 == 'v' ? 0 : c0 == 's' ? 1 : c0 == 'f' ? 2 : -1;
    if (HAS(p[2]) && p[2].t == T_INT) mode = p[2].i >= 0 && p[2].i <= 2 ? (int)p[2].i : -1;
    if (mode < 0) {
        if (p[2].t == T_STR) return raise_exc(ValueErrorT, "mode must be one of 'valid', 'same', or 'full' (got '%s')", ms);
        return raise_exc(ValueErrorT, "integer convolve/correlate mode must be 0, 1, or 2");
    }
    nd_array *a = arg_nd(p[0]), *v = a ? arg_nd(p[1]) : NULL, *A = NULL, *V = NULL, *out = NULL, *r = NULL;
    if (!v) goto done;
    if (nd_ndim(a) > 1 || nd_ndim(v) > 1) { raise_exc(ValueErrorT, "object too deep for desired array"); goto done; }
    if (nd_size(v) > nd_size(a)) { nd_array *t = a; a = v; v = t; }
    if (!nd_size(a) || !nd_size(v)) { raise_exc(ValueErrorT, nd_size(a) ? "v cannot be empty" : "a cannot be empty"); goto done; }
    const nd_dtype *dt = nd_promote_types(nd_array_dtype(a), nd_array_dtype(v));
    if (!dt) { raise_nd(); goto done; }
    int64_t N = nd_size(a), n = nd_size(v), L = N + n - 1;
    A = nd_ck(nd_astype(a, dt, 'C', ND_CAST_UNSAFE, true));
    V = A ? nd_ck(nd_astype(v, dt, 'C', ND_CAST_UNSAFE, true)) : NULL;
    if (A && nd_ndim(A) == 0) { nd_array *t = nd_ck(nd_reshape(A, 1, &N, 'C', ND_COPY_IF_NEEDED)); nd_release(A); A = t; }
    if (V && nd_ndim(V) == 0) { nd_array *t = nd_ck(nd_reshape(V, 1, &n, 'C', ND_COPY_IF_NEEDED)); nd_release(V); V = t; }
    out = A && V ? nd_ck(nd_zeros(1, &L, dt, 'C')) : NULL;
    nd_dtype_release(dt);
    for (int64_t k = n - 1; out && k >= 0; k--) {
        nd_array *prod = op2(ND_MULTIPLY, A, slice_axis(V, 0, k, k + 1, 1), 2);
        nd_array *dst = prod ? slice_axis(out, 0, k, k + N, 1) : NULL;
        nd_array *s = dst ? nd_ck(nd_apply(ND_ADD, dst, prod, dst)) : NULL;
        nd_release(prod);
        nd_release(dst);
        nd_release(s);
        if (!s) { nd_release(out); out = NULL; }
    }
    if (out) r = mode == 2 ? nd_retain(out) : slice_axis(out, 0, mode ? n - 1 - n / 2 : n - 1, mode ? n - 1 - n / 2 + N : N, 1);
done:
    nd_release(a);
    nd_release(v);
    nd_release(A);
    nd_release(V);
    nd_release(out);
    if (!r) return VERR;
    nd_array *c = nd_ck(nd_copy(r, 'C')); /* its own buffer, as NumPy's */
    nd_release(r);
    return c ? mk_array(c) : VERR;
}

void np_shape_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"rot90", np_rot90}, {"pad", np_pad}, {"ndindex", np_ndindex}, {"ndenumerate", np_ndenumerate},
        {"ravel_multi_index", np_ravel_multi_index}, {"triu_indices", np_triu_indices},
        {"tril_indices", np_tril_indices}, {"lexsort", np_lexsort}, {"cross", np_cross}, {"convolve", np_convolve},
        {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}
