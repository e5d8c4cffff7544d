/* np_lib.c — NumPy's shape and structure functions built from libnd calls
 * (diff, argwhere, the split family, tri/tril/triu, outer, diag/diagonal/
 * trace, append, atleast_Nd, column_stack/dstack, meshgrid), following
 * numpy/lib's Python code step by step so dtypes, views and errors match;
 * and the small helpers the other np_*.c files share. */
#include <stdlib.h>
#include <string.h>

#include "py.h"

#define ARGS(fname, spec) Val p[12]; if (argparse(fname, argc, argv, kw, spec, p) < 0) return VERR
#define UNUSED (void)self
#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

/* ---------- shared helpers ---------- */
nd_array *arg_nd(Val v) {
    bool own;
    nd_array *a = to_nd(v, &own);
    if (!a && exc_pending().t != T_EXC) raise_nd();
    if (a && !own) nd_retain(a);
    return a;
}
nd_array *nd_ck(nd_array *r) {
    if (!r) raise_ufunc_err();
    return r;
}
int axis_norm(int64_t ax, int nd, int *out) {
    if (ax < -nd || ax >= nd) {
        raise_exc(exc_class_by_name("AxisError"), "axis %lld is out of bounds for array of dimension %d", (long long)ax, nd);
        return -1;
    }
    *out = (int)(ax < 0 ? ax + nd : ax);
    return 0;
}
int axis_arg(Val v, int nd, int *out) {
    int64_t x;
    *out = ND_AXIS_NONE;
    if (!GIVEN(v)) return 0;
    if (to_int64(v, &x, NULL) < 0) return -1;
    return axis_norm(x, nd, out);
}
nd_array *slice_axis(nd_array *a, int axis, int64_t start, int64_t stop, int64_t step) {
    nd_idx ix[ND_MAXDIMS];
    for (int i = 0; i < nd_ndim(a); i++) ix[i] = ND_ALL;
    ix[axis] = ND_S(start, stop, step);
    return nd_ck(nd_subscript(a, nd_ndim(a), ix));
}
nd_array *op2(nd_ufunc op, nd_array *a, nd_array *b, int steal) {
    nd_array *r = a && (b || nd_ufunc_nin(op) == 1) ? nd_ck(nd_apply(op, a, b, NULL)) : NULL;
    if (steal & 1) nd_release(a);
    if (steal & 2) nd_release(b);
    return r;
}

static Val list_of(nd_array **v, int n) { /* steals the arrays */
    Val l = mk_list(n);
    for (int i = 0; i < n; i++) LIST(l)->v[i] = mk_array(v[i]);
    return l;
}

/* ---------- diff, argwhere ---------- */
static nd_array *edge_for_diff(Val v, const nd_array *a, int axis) {
    nd_array *x = arg_nd(v);
    if (!x || nd_ndim(x)) return x;
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, nd_shape(a), sizeof(int64_t) * (size_t)nd_ndim(a));
    shape[axis] = 1;
    nd_array *b = nd_ck(nd_broadcast_to(x, nd_ndim(a), shape));
    nd_release(x);
    return b;
}

static Val np_diff(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("diff", "a|n,axis,prepend,append");
    int64_t n = 1, ax = -1;
    if (HAS(p[1]) && to_int64(p[1], &n, NULL) < 0) return VERR;
    if (n == 0) return incref(p[0]);
    if (n < 0) return raise_exc(ValueErrorT, "order must be non-negative but got %lld", (long long)n);
    if (HAS(p[2]) && to_int64(p[2], &ax, NULL) < 0) return VERR;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int axis;
    if (nd_ndim(a) == 0) { nd_release(a); return raise_exc(ValueErrorT, "diff requires input that is at least one dimensional"); }
    if (axis_norm(ax, nd_ndim(a), &axis) < 0) { nd_release(a); return VERR; }
    if (HAS(p[3]) || HAS(p[4])) {
        nd_array *parts[3] = {NULL, a, NULL};
        if (HAS(p[3]) && !(parts[0] = edge_for_diff(p[3], a, axis))) { nd_release(a); return VERR; }
        if (HAS(p[4]) && !(parts[2] = edge_for_diff(p[4], a, axis))) { nd_release(parts[0]); nd_release(a); return VERR; }
        nd_array *list[3];
        int k = 0;
        for (int i = 0; i < 3; i++) if (parts[i]) list[k++] = parts[i];
        nd_array *c = nd_ck(nd_concatenate(k, (const nd_array *const *)list, axis));
        for (int i = 0; i < 3; i++) nd_release(parts[i]);
        if (!c) return VERR;
        a = c;
    }
    nd_ufunc op = nd_dtype_type(nd_array_dtype(a)) == ND_BOOL ? ND_NOT_EQUAL : ND_SUBTRACT;
    for (int64_t i = 0; i < n && a; i++) {
        nd_array *hi = slice_axis(a, axis, 1, ND_NONE, ND_NONE), *lo = hi ? slice_axis(a, axis, ND_NONE, -1, ND_NONE) : NULL;
        nd_release(a);
        a = lo ? op2(op, hi, lo, 3) : NULL;
        if (!lo) nd_release(hi);
    }
    return a ? mk_array(a) : VERR;
}

static Val np_argwhere(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("argwhere", "a");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int nd = nd_ndim(a) ? nd_ndim(a) : 1;
    nd_array *nz[ND_MAXDIMS];
    int rc = nd_nonzero(a, nz);
    if (rc < 0) { nd_release(a); return raise_nd(); }
    nd_array *r;
    if (nd_ndim(a) == 0) { /* NumPy: argwhere(atleast_1d(a))[:, :0] */
        r = nd_zeros(2, (int64_t[]){nd_size(nz[0]), 0}, nd_dtype_of(ND_INT64), 'C');
    } else {
        nd_array *st = nd_stack(nd, (const nd_array *const *)nz, 0);
        r = st ? nd_transpose(st, NULL) : NULL;
        nd_release(st);
    }
    for (int i = 0; i < nd; i++) nd_release(nz[i]);
    nd_release(a);
    return mk_array(r);
}

static Val np_flatnonzero(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("flatnonzero", "a");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    nd_array *f = nd_ck(nd_ravel(a, 'C', ND_COPY_IF_NEEDED)), *nz[1] = {NULL};
    nd_release(a);
    if (!f) return VERR;
    int rc = nd_nonzero(f, nz);
    nd_release(f);
    return rc < 0 ? raise_nd() : mk_array(nz[0]);
}

/* ---------- split ---------- */
static Val split_impl(const char *fname, Val av, Val ios, Val axv, bool equal) {
    int64_t ax = 0;
    if (GIVEN(axv) && to_int64(axv, &ax, NULL) < 0) return VERR;
    nd_array *a = arg_nd(av);
    if (!a) return VERR;
    int nd = nd_ndim(a);
    if (ax < -nd || ax >= nd) { nd_release(a); return raise_exc(IndexErrorT, "tuple index out of range"); }
    int axis = (int)(ax < 0 ? ax + nd : ax);
    int64_t total = nd_shape(a)[axis], nsec, *div;
    if (ios.t == T_LIST || ios.t == T_TUPLE || ios.t == T_ARRAY) {
        Val l = to_list(ios);
        if (ISERR(l)) { nd_release(a); return VERR; }
        nsec = LIST(l)->n + 1;
        div = malloc(sizeof(int64_t) * (size_t)(nsec + 1));
        if (!div) abort();
        div[0] = 0;
        div[nsec] = total;
        for (int64_t i = 0; i + 1 < nsec; i++)
            if (to_int64(LIST(l)->v[i], &div[i + 1], NULL) < 0) { free(div); decref(l); nd_release(a); return VERR; }
        decref(l);
    } else {
        if (to_int64(ios, &nsec, NULL) < 0) { nd_release(a); return VERR; }
        if (equal && nsec == 0) { nd_release(a); return raise_exc(ZeroDivisionErrorT, "integer modulo by zero"); }
        if (equal && total % nsec) { nd_release(a); return raise_exc(ValueErrorT, "array split does not result in an equal division"); }
        if (nsec <= 0) { nd_release(a); return raise_exc(ValueErrorT, "number sections must be larger than 0."); }
        div = malloc(sizeof(int64_t) * (size_t)(nsec + 1));
        if (!div) abort();
        int64_t each = total / nsec, extras = total % nsec;
        div[0] = 0;
        for (int64_t i = 0; i < nsec; i++) div[i + 1] = div[i] + each + (i < extras);
    }
    (void)fname;
    Val out = mk_list(0);
    for (int64_t i = 0; i < nsec; i++) {
        nd_array *s = slice_axis(a, axis, div[i], div[i + 1], ND_NONE);
        if (!s) { decref(out); out = VERR; break; }
        list_append(out, mk_array(s));
    }
    free(div);
    nd_release(a);
    return out;
}
static Val np_split(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("split", "ary,indices_or_sections|axis");
    return split_impl("split", p[0], p[1], p[2], true);
}
static Val np_array_split(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("array_split", "ary,indices_or_sections|axis");
    return split_impl("array_split", p[0], p[1], p[2], false);
}
static Val split_dim(const char *fname, int need, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "ary,indices_or_sections");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int nd = nd_ndim(a);
    nd_release(a);
    if (nd < need) {
        static const char *const word[] = {"", "1 or more", "2 or more", "3 or more"};
        return raise_exc(ValueErrorT, "%s only works on arrays of %s dimensions", fname, word[need]);
    }
    int axis = need == 1 ? (nd > 1 ? 1 : 0) : need == 2 ? 0 : 2;
    return split_impl(fname, p[0], p[1], VINT(axis), true);
}
static Val np_hsplit(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return split_dim("hsplit", 1, argc, argv, kw); }
static Val np_vsplit(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return split_dim("vsplit", 2, argc, argv, kw); }
static Val np_dsplit(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return split_dim("dsplit", 3, argc, argv, kw); }

/* ---------- tri, tril, triu, outer ---------- */
static nd_array *tri_mask(int64_t n, int64_t m, int64_t k) {
    if (n < 0 || m < 0) { raise_exc(ValueErrorT, "negative dimensions are not allowed"); return NULL; }
    nd_array *r = nd_ck(nd_zeros(2, (int64_t[]){n, m}, nd_dtype_of(ND_BOOL), 'C'));
    if (!r) return NULL;
    bool *d = nd_data(r);
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < m; j++) d[i * m + j] = j - i <= k;
    return r;
}
static Val np_tri(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("tri", "N|M,k,dtype,like");
    int64_t n, m, k = 0;
    if (to_int64(p[0], &n, NULL) < 0) return VERR;
    m = n;
    if (GIVEN(p[1]) && to_int64(p[1], &m, NULL) < 0) return VERR;
    if (HAS(p[2]) && to_int64(p[2], &k, NULL) < 0) return VERR;
    const nd_dtype *dt = NULL;
    if (HAS(p[3]) && get_dtype(p[3], &dt) < 0) return VERR;
    nd_array *mask = tri_mask(n, m, k);
    nd_array *r = mask ? nd_ck(nd_astype(mask, dt ? dt : nd_dtype_of(ND_FLOAT64), 'K', ND_CAST_UNSAFE, true)) : NULL;
    nd_release(mask);
    nd_dtype_release(dt);
    return r ? mk_array(r) : VERR;
}
static Val tril_triu(const char *fname, bool upper, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "m|k");
    int64_t k = 0;
    if (HAS(p[1]) && to_int64(p[1], &k, NULL) < 0) return VERR;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int nd = nd_ndim(a);
    if (nd == 0) { nd_release(a); return raise_exc(TypeErrorT, "tri() missing 1 required positional argument: 'N'"); }
    int64_t rows = nd_shape(a)[nd >= 2 ? nd - 2 : 0], cols = nd_shape(a)[nd - 1];
    nd_array *mask = tri_mask(rows, cols, upper ? k - 1 : k);
    nd_array *zero = mask ? nd_ck(nd_zeros(1, (int64_t[]){1}, nd_array_dtype(a), 'C')) : NULL;
    nd_array *r = zero ? nd_ck(upper ? nd_where(mask, zero, a) : nd_where(mask, a, zero)) : NULL;
    nd_release(mask);
    nd_release(zero);
    nd_release(a);
    return r ? mk_array(r) : VERR;
}
static Val np_tril(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return tril_triu("tril", false, argc, argv, kw); }
static Val np_triu(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return tril_triu("triu", true, argc, argv, kw); }

static Val np_outer(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("outer", "a,b|out");
    if (GIVEN(p[2])) return raise_exc(NotImplementedErrorT, "outer(out=...) is not supported by nd");
    nd_array *a = arg_nd(p[0]), *b = a ? arg_nd(p[1]) : NULL;
    if (!b) { nd_release(a); return VERR; }
    nd_array *ra = nd_ck(nd_ravel(a, 'C', ND_COPY_IF_NEEDED)), *rb = nd_ck(nd_ravel(b, 'C', ND_COPY_IF_NEEDED));
    nd_array *x = ra ? nd_ck(nd_subscript(ra, 2, (nd_idx[]){ND_ALL, ND_NEWAXIS})) : NULL;
    nd_array *y = rb ? nd_ck(nd_subscript(rb, 2, (nd_idx[]){ND_NEWAXIS, ND_ALL})) : NULL;
    nd_array *r = x && y ? op2(ND_MULTIPLY, x, y, 0) : NULL;
    nd_release(x);
    nd_release(y);
    nd_release(ra);
    nd_release(rb);
    nd_release(a);
    nd_release(b);
    return r ? mk_array(r) : VERR;
}

/* ---------- diagonal, diag, trace ---------- */
static int diag_axis(int64_t ax, int nd, const char *which, int *out) {
    if (ax < -nd || ax >= nd) {
        raise_exc(exc_class_by_name("AxisError"), "%s: axis %lld is out of bounds for array of dimension %d", which,
                  (long long)ax, nd);
        return -1;
    }
    *out = (int)(ax < 0 ? ax + nd : ax);
    return 0;
}
/* NumPy's a.diagonal(offset, axis1, axis2): a strided view (read-only
   unless writeable is asked for, as diag's own fill needs). */
static nd_array *diag_view(nd_array *a, int64_t off, int64_t ax1, int64_t ax2, bool writeable) {
    int nd = nd_ndim(a), a1, a2;
    if (nd < 2) { raise_exc(ValueErrorT, "diag requires an array of at least two dimensions"); return NULL; }
    if (diag_axis(ax1, nd, "axis1", &a1) < 0 || diag_axis(ax2, nd, "axis2", &a2) < 0) return NULL;
    if (a1 == a2) { raise_exc(ValueErrorT, "axis1 and axis2 cannot be the same"); return NULL; }
    nd_idx ix[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) ix[i] = ND_ALL;
    if (off >= 0) ix[a2] = ND_S(off, ND_NONE, ND_NONE);
    else ix[a1] = ND_S(-off, ND_NONE, ND_NONE);
    nd_array *v = nd_ck(nd_subscript(a, nd, ix));
    if (!v) return NULL;
    int64_t shape[ND_MAXDIMS], st[ND_MAXDIMS];
    int k = 0;
    for (int i = 0; i < nd; i++)
        if (i != a1 && i != a2) { shape[k] = nd_shape(v)[i]; st[k++] = nd_strides(v)[i]; }
    int64_t n1 = nd_shape(v)[a1], n2 = nd_shape(v)[a2];
    shape[k] = n1 < n2 ? n1 : n2;
    st[k++] = nd_strides(v)[a1] + nd_strides(v)[a2];
    nd_array *r = nd_ck(nd_as_strided(v, k, shape, st));
    nd_release(v);
    if (r && !writeable) nd_set_writeable(r, false);
    return r;
}
static Val np_diagonal(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("diagonal", "a|offset,axis1,axis2");
    int64_t off = 0, a1 = 0, a2 = 1;
    if ((HAS(p[1]) && to_int64(p[1], &off, NULL) < 0) || (HAS(p[2]) && to_int64(p[2], &a1, NULL) < 0) ||
        (HAS(p[3]) && to_int64(p[3], &a2, NULL) < 0))
        return VERR;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    nd_array *r = diag_view(a, off, a1, a2, false);
    nd_release(a);
    return r ? mk_array(r) : VERR;
}
static Val np_diag(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("diag", "v|k");
    int64_t k = 0;
    if (HAS(p[1]) && to_int64(p[1], &k, NULL) < 0) return VERR;
    nd_array *v = arg_nd(p[0]);
    if (!v) return VERR;
    nd_array *r = NULL;
    if (nd_ndim(v) == 2) {
        r = diag_view(v, k, 0, 1, false);
    } else if (nd_ndim(v) == 1) {
        int64_t n = nd_shape(v)[0] + (k < 0 ? -k : k);
        r = nd_ck(nd_zeros(2, (int64_t[]){n, n}, nd_array_dtype(v), 'C'));
        nd_array *d = r ? diag_view(r, k, 0, 1, true) : NULL;
        if (!d || nd_copyto(d, v, ND_CAST_UNSAFE) < 0) {
            if (d) raise_nd();
            nd_release(r);
            r = NULL;
        }
        nd_release(d);
    } else {
        raise_exc(ValueErrorT, "Input must be 1- or 2-d.");
    }
    nd_release(v);
    return r ? mk_array(r) : VERR;
}
static Val np_trace(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("trace", "a|offset,axis1,axis2,dtype,out");
    int64_t off = 0, a1 = 0, a2 = 1;
    if ((HAS(p[1]) && to_int64(p[1], &off, NULL) < 0) || (HAS(p[2]) && to_int64(p[2], &a1, NULL) < 0) ||
        (HAS(p[3]) && to_int64(p[3], &a2, NULL) < 0))
        return VERR;
    if (GIVEN(p[5])) return raise_exc(NotImplementedErrorT, "trace(out=...) is not supported by nd");
    const nd_dtype *dt = NULL;
    if (HAS(p[4]) && get_dtype(p[4], &dt) < 0) return VERR;
    nd_array *a = arg_nd(p[0]);
    nd_array *d = a ? diag_view(a, off, a1, a2, false) : NULL;
    nd_array *r = d ? nd_ck(nd_sum(d, 1, (int[]){-1}, false, dt)) : NULL;
    nd_release(d);
    nd_release(a);
    nd_dtype_release(dt);
    return r ? array_wrap0(r) : VERR;
}

/* ---------- append, atleast_Nd, column_stack, dstack ---------- */
static Val np_append(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("append", "arr,values|axis");
    nd_array *a = arg_nd(p[0]), *v = a ? arg_nd(p[1]) : NULL;
    if (!v) { nd_release(a); return VERR; }
    int axis;
    if (!GIVEN(p[2])) {
        nd_array *ra = nd_ndim(a) != 1 ? nd_ck(nd_ravel(a, 'C', ND_COPY_IF_NEEDED)) : nd_retain(a);
        nd_array *rv = nd_ck(nd_ravel(v, 'C', ND_COPY_IF_NEEDED));
        nd_release(a);
        nd_release(v);
        a = ra;
        v = rv;
        if (!a || !v) { nd_release(a); nd_release(v); return VERR; }
        axis = nd_ndim(a) - 1;
    } else {
        int64_t x;
        if (to_int64(p[2], &x, NULL) < 0) { nd_release(a); nd_release(v); return VERR; }
        axis = (int)x;
    }
    nd_array *r = nd_concatenate(2, (const nd_array *const[]){a, v}, axis);
    nd_release(a);
    nd_release(v);
    return mk_array(r);
}

/* atleast_{1,2,3}d of one value: the value itself when it has the dims. */
static Val atleast(Val v, int n) {
    nd_array *a = arg_nd(v);
    if (!a) return VERR;
    int nd = nd_ndim(a);
    if (nd >= n) {
        nd_release(a);
        return v.t == T_ARRAY ? incref(v) : np_array_from(v, NULL, false);
    }
    nd_array *r;
    if (nd == 0) {
        int64_t ones[3] = {1, 1, 1};
        r = nd_reshape(a, n, ones, 'C', ND_COPY_IF_NEEDED);
    } else if (nd == 1) {
        r = n == 2 ? nd_subscript(a, 2, (nd_idx[]){ND_NEWAXIS, ND_ALL})
                   : nd_subscript(a, 3, (nd_idx[]){ND_NEWAXIS, ND_ALL, ND_NEWAXIS});
    } else {
        r = nd_subscript(a, 3, (nd_idx[]){ND_ALL, ND_ALL, ND_NEWAXIS});
    }
    nd_release(a);
    return mk_array(r);
}
static Val atleast_n(int n, int argc, Val *argv, Kw *kw) {
    if (kw && kw->n) return raise_exc(TypeErrorT, "atleast_%dd() got an unexpected keyword argument '%s'", n, kw->names[0]);
    if (argc == 1) return atleast(argv[0], n);
    Val l = mk_list(0);
    for (int i = 0; i < argc; i++) {
        Val x = atleast(argv[i], n);
        if (ISERR(x)) { decref(l); return VERR; }
        list_append(l, x);
    }
    return l;
}
static Val np_atleast_1d(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return atleast_n(1, argc, argv, kw); }
static Val np_atleast_2d(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return atleast_n(2, argc, argv, kw); }
static Val np_atleast_3d(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return atleast_n(3, argc, argv, kw); }

static Val stack_cols(const char *fname, int axis, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "tup");
    Val l = to_list(p[0]);
    if (ISERR(l)) return VERR;
    int n = (int)LIST(l)->n;
    nd_array **arrs = calloc((size_t)n + 1, sizeof(nd_array *));
    if (!arrs) abort();
    int ok = 1;
    for (int i = 0; i < n && ok; i++) {
        nd_array *a = arg_nd(LIST(l)->v[i]);
        if (!a) { ok = 0; break; }
        int nd = nd_ndim(a);
        if (axis == 1 && nd < 2) { /* column_stack: array(a, ndmin=2).T */
            nd_array *r = nd == 0 ? nd_reshape(a, 2, (int64_t[]){1, 1}, 'C', ND_COPY_IF_NEEDED)
                                  : nd_subscript(a, 2, (nd_idx[]){ND_ALL, ND_NEWAXIS});
            nd_release(a);
            a = nd_ck(r);
        } else if (axis == 2 && nd < 3) {
            Val x = atleast(LIST(l)->v[i], 3);
            nd_release(a);
            a = ISERR(x) ? NULL : nd_retain(ARR(x));
            decref(x);
        }
        if (!(arrs[i] = a)) ok = 0;
    }
    decref(l);
    nd_array *r = ok ? nd_concatenate(n, (const nd_array *const *)arrs, axis) : NULL;
    for (int i = 0; i < n; i++) nd_release(arrs[i]);
    free(arrs);
    return ok ? mk_array(r) : VERR;
}
static Val np_column_stack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return stack_cols("column_stack", 1, argc, argv, kw); }
static Val np_dstack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return stack_cols("dstack", 2, argc, argv, kw); }

/* ---------- meshgrid ---------- */
static Val np_meshgrid(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    bool copy = true, sparse = false, xy = true;
    for (int k = 0; kw && k < kw->n; k++) {
        Val v = kw->vals[k];
        if (!strcmp(kw->names[k], "copy")) copy = val_truth(v) > 0;
        else if (!strcmp(kw->names[k], "sparse")) sparse = val_truth(v) > 0;
        else if (!strcmp(kw->names[k], "indexing")) {
            if (v.t != T_STR || (strcmp(STR(v)->s, "xy") && strcmp(STR(v)->s, "ij")))
                return raise_exc(ValueErrorT, "Valid values for `indexing` are 'xy' and 'ij'.");
            xy = !strcmp(STR(v)->s, "xy");
        } else {
            return raise_exc(TypeErrorT, "meshgrid() got an unexpected keyword argument '%s'", kw->names[k]);
        }
    }
    if (argc > ND_MAXDIMS) return raise_exc(ValueErrorT, "too many arrays for meshgrid in nd");
    nd_array *out[ND_MAXDIMS];
    int n = argc, got = 0;
    for (; got < n; got++) {
        nd_array *a = arg_nd(argv[got]);
        if (!a) break;
        int64_t shape[ND_MAXDIMS];
        for (int j = 0; j < n; j++) shape[j] = 1;
        int pos = xy && n > 1 && got < 2 ? 1 - got : got;
        shape[pos] = -1;
        out[got] = nd_ck(nd_reshape(a, n, shape, 'C', ND_COPY_IF_NEEDED));
        nd_release(a);
        if (!out[got]) break;
    }
    int nds[ND_MAXDIMS], bnd;
    const int64_t *shapes[ND_MAXDIMS];
    int64_t bshape[ND_MAXDIMS];
    for (int i = 0; i < got; i++) { nds[i] = nd_ndim(out[i]); shapes[i] = nd_shape(out[i]); }
    bool ok = got == n && (sparse || n == 0 || nd_broadcast_shapes(n, nds, shapes, &bnd, bshape) == 0);
    if (got == n && !ok) raise_nd();
    for (int i = 0; ok && i < n; i++) {
        nd_array *x = sparse ? nd_retain(out[i]) : nd_ck(nd_broadcast_to(out[i], bnd, bshape));
        if (x && copy) { nd_array *c = nd_ck(nd_copy(x, 'C')); nd_release(x); x = c; }
        nd_release(out[i]);
        out[i] = x;
        if (!x) { ok = false; for (int j = i + 1; j < n; j++) nd_release(out[j]); got = i; }
    }
    if (!ok) { for (int i = 0; i < got; i++) nd_release(out[i]); return VERR; }
    return list_of(out, n);
}

void np_lib_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"diff", np_diff}, {"argwhere", np_argwhere}, {"flatnonzero", np_flatnonzero}, {"split", np_split},
        {"array_split", np_array_split}, {"hsplit", np_hsplit}, {"vsplit", np_vsplit}, {"dsplit", np_dsplit},
        {"tri", np_tri}, {"tril", np_tril}, {"triu", np_triu}, {"outer", np_outer}, {"diagonal", np_diagonal},
        {"diag", np_diag}, {"trace", np_trace}, {"append", np_append}, {"atleast_1d", np_atleast_1d},
        {"atleast_2d", np_atleast_2d}, {"atleast_3d", np_atleast_3d}, {"column_stack", np_column_stack},
        {"dstack", np_dstack}, {"meshgrid", np_meshgrid}, {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}
