/* np_shape.c — more of the numpy namespace composed from libnd calls:
 * rot90, ndindex, ndenumerate, ravel_multi_index, triu/tril_indices,
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

/* ---------- ndindex, ndenumerate ---------- */
/* Both are lazy iterators (mk_lazy_iter): item k is made when asked for,
   so that np.ndindex(10**6, 10**6) can be stepped through or broken out of. */

/* the C-order index tuple of flat position k in shape */
static Val index_tuple(int nd, const int64_t *shape, int64_t k) {
    Val t = mk_tuple(nd);
    for (int d = nd - 1; d >= 0; d--) {
        LIST(t)->v[d] = VINT(shape[d] ? k % shape[d] : 0);
        if (shape[d]) k /= shape[d];
    }
    return t;
}

/* ndindex's item k; src: the shape as a tuple of ints */
static Val ndindex_next(Val src, int64_t k) {
    int64_t shape[ND_MAXDIMS];
    int nd = (int)LIST(src)->n;
    for (int i = 0; i < nd; i++) shape[i] = LIST(src)->v[i].i;
    return index_tuple(nd, shape, k);
}

/* one dimension of ndindex: an integer, as operator.index takes it */
static int ndindex_dim(Val v, int64_t *out) {
    if (v.t != T_ARRAY) return to_int64(v, out, NULL);
    nd_array *a = ARR(v);
    char k = nd_dtype_kind(nd_array_dtype(a));
    nd_value x;
    if (nd_ndim(a) || (k != 'i' && k != 'u') || nd_item(a, 0, &x) < 0) {
        raise_exc(TypeErrorT, "only integer scalar arrays can be converted to a scalar index");
        return -1;
    }
    *out = nd_value_cast(x, ND_INT64).i;
    return 0;
}

/* NumPy builds its iterator over as_strided(zeros(1), shape, strides 0):
   the shape checks of an 8-byte array's creation */
static Val np_ndindex(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    if (kw && kw->n) return raise_exc(TypeErrorT, "ndindex.__init__() got an unexpected keyword argument '%s'", kw->names[0]);
    Val *dims = argv;
    int nd = argc;
    if (argc == 1 && argv[0].t == T_TUPLE) {
        dims = LIST(argv[0])->v;
        nd = (int)LIST(argv[0])->n;
    }
    if (nd > ND_MAXDIMS) return raise_exc(ValueErrorT, "number of dimensions must be within [0, %d]", ND_MAXDIMS);
    Val shape = mk_tuple(nd);
    int64_t size = 1, nbytes = 8;
    for (int i = 0; i < nd; i++) {
        int64_t d;
        if (ndindex_dim(dims[i], &d) < 0) goto fail;
        LIST(shape)->v[i] = VINT(d);
    }
    for (int i = 0; i < nd; i++) { /* every dimension is read before any is checked */
        int64_t d = LIST(shape)->v[i].i;
        if (d < 0) { raise_exc(ValueErrorT, "negative dimensions are not allowed"); goto fail; }
        if (d == 0) size = 0;
        if (d && __builtin_mul_overflow(nbytes, d, &nbytes)) {
            raise_exc(ValueErrorT, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
            goto fail;
        }
    }
    Val it = mk_lazy_iter(shape, size ? nbytes / 8 : 0, ndindex_next);
    decref(shape);
    return it;
fail:
    decref(shape);
    return VERR;
}

/* ndenumerate's item k: (index, a[index]), a NumPy scalar (or numpy.void) */
static Val ndenumerate_next(Val src, int64_t k) {
    nd_array *a = ARR(src);
    Val ix = index_tuple(nd_ndim(a), nd_shape(a), k);
    Val v = array_getitem(src, ix);
    if (ISERR(v)) {
        decref(ix);
        return v;
    }
    return mk_tuple2(ix, v);
}

static Val np_ndenumerate(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ndenumerate", "arr");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int64_t n = nd_size(a);
    Val av = mk_array(a);
    Val it = mk_lazy_iter(av, n, ndenumerate_next);
    decref(av);
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
            nd_array *any = bad ? nd_ck(nd_any(bad, -1, NULL, false)) : NULL;
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

/* NumPy's normalize_axis_index with cross's msg_prefix */
static int cross_axis(int64_t ax, int nd, const char *which, int *out) {
    if (ax < -nd || ax >= nd) {
        raise_exc(exc_class_by_name("AxisError"), "%s: axis %lld is out of bounds for array of dimension %d", which,
                  (long long)ax, nd);
        return -1;
    }
    *out = (int)(ax < 0 ? ax + nd : ax);
    return 0;
}

/* a with its axis `ax` moved last (`which` names it in errors) */
static nd_array *vec_last(Val v, int64_t ax, const char *which) {
    nd_array *a = arg_nd(v), *r = NULL;
    int src, dst = a ? nd_ndim(a) - 1 : 0;
    if (a && cross_axis(ax, nd_ndim(a), which, &src) == 0) r = nd_ck(nd_moveaxis(a, 1, &src, &dst));
    nd_release(a);
    return r;
}

/* NumPy's products, in its order, on a and b cast to their common type;
   a missing third component counts as 0 */
static int cross_parts(nd_array *a, nd_array *b, int na, int nb, nd_array **c) {
    nd_array *x[3] = {NULL, NULL, NULL}, *y[3] = {NULL, NULL, NULL};
    int rc = -1;
    for (int i = 0; i < 3; i++)
        if ((i < na && !(x[i] = comp(a, i))) || (i < nb && !(y[i] = comp(b, i)))) goto done;
    c[2] = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[0], y[1], 0), op2(ND_MULTIPLY, x[1], y[0], 0), 3);
    if (na == 3 && nb == 3) {
        c[0] = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[1], y[2], 0), op2(ND_MULTIPLY, x[2], y[1], 0), 3);
        c[1] = op2(ND_SUBTRACT, op2(ND_MULTIPLY, x[2], y[0], 0), op2(ND_MULTIPLY, x[0], y[2], 0), 3);
    } else if (na == 2 && nb == 3) {
        c[0] = op2(ND_MULTIPLY, x[1], y[2], 0);
        c[1] = op2(ND_NEGATIVE, op2(ND_MULTIPLY, x[0], y[2], 0), NULL, 1);
    } else if (na == 3) {
        c[0] = op2(ND_NEGATIVE, op2(ND_MULTIPLY, x[2], y[1], 0), NULL, 1);
        c[1] = op2(ND_MULTIPLY, x[2], y[0], 0);
    }
    rc = c[2] && (na + nb == 4 || (c[0] && c[1])) ? 0 : -1;
done:
    for (int i = 0; i < 3; i++) {
        nd_release(x[i]);
        nd_release(y[i]);
    }
    return rc;
}

static Val np_cross(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("cross", "a,b|axisa,axisb,axisc,axis");
    int64_t ax[3] = {-1, -1, -1};
    for (int i = 0; i < 3; i++)
        if (GIVEN(p[GIVEN(p[5]) ? 5 : 2 + i]) && to_int64(p[GIVEN(p[5]) ? 5 : 2 + i], &ax[i], NULL) < 0) return VERR;
    nd_array *a = vec_last(p[0], ax[0], "axisa"), *b = a ? vec_last(p[1], ax[1], "axisb") : NULL;
    nd_array *c[3] = {NULL, NULL, NULL}, *r = NULL, *A = NULL, *B = NULL;
    const nd_dtype *dt = NULL;
    if (!b) goto done;
    int ndA = nd_ndim(a), ndB = nd_ndim(b), na = (int)nd_shape(a)[ndA - 1], nb = (int)nd_shape(b)[ndB - 1], bnd, axc;
    if ((na != 2 && na != 3) || (nb != 2 && nb != 3)) {
        raise_exc(ValueErrorT, "incompatible dimensions for cross product\n(dimension must be 2 or 3)");
        goto done;
    }
    int64_t bsh[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, (int[]){ndA - 1, ndB - 1}, (const int64_t *[]){nd_shape(a), nd_shape(b)}, &bnd, bsh) < 0) {
        raise_nd();
        goto done;
    }
    bool three = na == 3 || nb == 3;
    if (three && cross_axis(ax[2], bnd + 1, "axisc", &axc) < 0) goto done;
    if (!(dt = nd_promote_types(nd_array_dtype(a), nd_array_dtype(b)))) {
        raise_nd();
        goto done;
    }
    if (!(A = nd_ck(nd_astype(a, dt, 'K', ND_CAST_UNSAFE, true))) || !(B = nd_ck(nd_astype(b, dt, 'K', ND_CAST_UNSAFE, true))) ||
        cross_parts(A, B, na, nb, c) < 0)
        goto done;
    if (!three) { /* 2-vectors: the z components alone, axisc unused */
        r = c[2];
        c[2] = NULL;
        goto done;
    }
    nd_array *s = nd_ck(nd_stack(3, (const nd_array *const *)c, -1));
    int last = bnd;
    r = s ? nd_ck(nd_moveaxis(s, 1, &last, &axc)) : NULL;
    nd_release(s);
done:
    for (int i = 0; i < 3; i++) nd_release(c[i]);
    nd_release(a);
    nd_release(b);
    nd_release(A);
    nd_release(B);
    nd_dtype_release(dt);
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
        {"rot90", np_rot90}, {"ndindex", np_ndindex}, {"ndenumerate", np_ndenumerate},
        {"ravel_multi_index", np_ravel_multi_index}, {"triu_indices", np_triu_indices},
        {"tril_indices", np_tril_indices}, {"lexsort", np_lexsort}, {"cross", np_cross}, {"convolve", np_convolve},
        {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
    np_pad_install(mod, put);
}
