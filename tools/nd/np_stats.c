/* np_stats.c — NumPy's statistics built from libnd calls: median,
 * percentile/quantile (method 'linear'), average, ptp and the nan-skipping
 * reductions.  Each follows numpy/lib's Python code step by step (the same
 * ufuncs on the same dtypes), so results and dtypes match NumPy 1.24's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

#define ARGS(fname, spec) Val p[12]; if (argparse(fname, argc, argv, kw, spec, p) < 0) return VERR
#define UNUSED (void)self
#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

static nd_array *f64(double x) { return nd_ck(nd_scalar(ND_F64(x), NULL)); }
static nd_array *i64(int64_t x) { return nd_ck(nd_scalar(ND_I64(x), NULL)); }
static bool inexact(const nd_array *a) {
    char k = nd_dtype_kind(nd_array_dtype(a));
    return k == 'f' || k == 'c';
}
/* NumPy's _ureduce: the axis argument (None/absent: all, an int, or a
   sequence of ints) of median and quantile.  A sequence of several axes
   moves the kept ones to the front (swapaxes, as NumPy) and merges the
   reduced ones into one last axis of *a, which is replaced.  *axis is the
   axis of *a to reduce (ND_AXIS_NONE: all) and red[] marks the reduced
   axes of the original array, for keepdims. */
static int ureduce_axis(Val v, nd_array **a, int *axis, bool *red) {
    int nd = nd_ndim(*a), n = 0, ax[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) red[i] = !GIVEN(v);
    *axis = ND_AXIS_NONE;
    if (!GIVEN(v)) return 0;
    bool seq = v.t == T_TUPLE || v.t == T_LIST;
    int64_t cnt = seq ? LIST(v)->n : 1;
    for (int64_t k = 0; k < cnt; k++) {
        Val e = seq ? LIST(v)->v[k] : v;
        int64_t x;
        bool flt = e.t == T_FLOAT || (e.t == T_SCALAR && nd_dtype_kind(nd_dtype_of(SCAL(e).type)) == 'f');
        if (flt) { /* normalize_axis_tuple iterates a non-int axis; normalize_axis_index takes ints only */
            if (seq) raise_exc(TypeErrorT, "integer argument expected, got float");
            else raise_exc(TypeErrorT, "'%s' object is not iterable", type_of(e)->qual);
            return -1;
        }
        if (to_int64(e, &x, NULL) < 0 || axis_norm(x, nd, &ax[n]) < 0) return -1;
        if (red[ax[n]]) {
            raise_exc(ValueErrorT, "repeated axis");
            return -1;
        }
        red[ax[n++]] = true;
    }
    if (n == 1) {
        *axis = ax[0];
        return 0;
    }
    nd_array *t = nd_retain(*a);
    int nkeep = 0;
    for (int s = 0; s < nd && t; s++) {
        if (red[s]) continue;
        nd_array *w = nd_ck(nd_swapaxes(t, nkeep++, s));
        nd_release(t);
        t = w;
    }
    if (!t) return -1;
    int64_t shape[ND_MAXDIMS], rest = 1;
    memcpy(shape, nd_shape(t), sizeof(int64_t) * (size_t)nkeep);
    for (int i = nkeep; i < nd; i++) rest *= nd_shape(t)[i];
    shape[nkeep] = rest;
    nd_array *r = nd_ck(nd_reshape(t, nkeep + 1, shape, 'C', ND_COPY_IF_NEEDED));
    nd_release(t);
    if (!r) return -1;
    nd_release(*a);
    *a = r;
    *axis = nkeep;
    return 0;
}
/* keepdims: r[..., newaxis at the reduced positions of the nd-dim input]
   (NumPy's _ureduce). */
static nd_array *keep_dims(nd_array *r, int nd, const bool *red) {
    nd_idx ix[ND_MAXDIMS + 1];
    int k = 0;
    ix[k++] = ND_ELLIPSIS;
    for (int i = 0; i < nd; i++) ix[k++] = red[i] ? ND_NEWAXIS : ND_ALL;
    nd_array *x = nd_ck(nd_subscript(r, k, ix));
    nd_release(r);
    return x;
}

/* ---------- median ---------- */
/* NaN check of NumPy's median/quantile: where the last sorted element of a
   slice (taken along axis) is NaN, the result is NaN. */
static nd_array *nan_fix(nd_array *r, nd_array *sorted, int axis) {
    nd_array *li = i64(-1);
    nd_array *last = li ? nd_ck(nd_take(sorted, li, axis)) : NULL;
    nd_array *isn = last ? op2(ND_ISNAN, last, NULL, 0) : NULL;
    nd_array *w = isn ? nd_ck(nd_where(isn, last, r)) : NULL;
    nd_array *c = w ? nd_ck(nd_astype(w, nd_array_dtype(r), 'K', ND_CAST_UNSAFE, false)) : NULL;
    nd_release(li);
    nd_release(last);
    nd_release(isn);
    nd_release(w);
    nd_release(r);
    return c;
}

static Val np_median(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("median", "a|axis,out,overwrite_input,keepdims");
    if (GIVEN(p[2])) return raise_exc(NotImplementedErrorT, "median(out=...) is not supported by nd");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int nd = nd_ndim(a), axis;
    bool red[ND_MAXDIMS];
    if (ureduce_axis(HAS(p[1]) ? p[1] : VNONE, &a, &axis, red) < 0) { nd_release(a); return VERR; }
    bool keep = HAS(p[4]) && val_truth(p[4]) > 0;
    /* a sorted copy stands in for NumPy's partition: the same elements land at kth and at -1 */
    nd_array *part = nd_ck(nd_sort(a, axis, NULL));
    bool nans = inexact(a);
    int64_t sz = axis == ND_AXIS_NONE ? nd_size(a) : nd_shape(a)[axis];
    nd_release(a);
    if (!part) return VERR;
    if (nd_ndim(part) == 0) { /* NumPy returns part.item() */
        nd_value v;
        nd_item(part, INT64_MIN, &v);
        nd_release(part);
        return value_to_py(v);
    }
    int ax = axis == ND_AXIS_NONE ? 0 : axis;
    int64_t n = nd_shape(part)[ax], idx = n / 2;
    nd_array *mid = n % 2 ? slice_axis(part, ax, idx, idx + 1, ND_NONE) : slice_axis(part, ax, idx - 1, idx + 1, ND_NONE);
    nd_array *r = mid ? nd_ck(nd_mean(mid, 1, &ax, false, NULL)) : NULL;
    nd_release(mid);
    if (r && nans && sz > 0) r = nan_fix(r, part, ax);
    nd_release(part);
    if (r && keep) r = keep_dims(r, nd, red);
    return r ? array_wrap0(r) : VERR;
}

/* ---------- percentile, quantile ---------- */
static nd_array *where3(nd_array *c, nd_array *x, nd_array *y, int steal) {
    nd_array *r = c && x && y ? nd_ck(nd_where(c, x, y)) : NULL;
    if (steal & 1) nd_release(c);
    if (steal & 2) nd_release(x);
    if (steal & 4) nd_release(y);
    return r;
}
static nd_array *astype_steal(nd_array *a, const nd_dtype *dt) {
    nd_array *r = a ? nd_ck(nd_astype(a, dt, 'K', ND_CAST_UNSAFE, false)) : NULL;
    nd_release(a);
    return r;
}

/* NumPy's _lerp: a + (b-a)*t, or b - (b-a)*(1-t) where t >= 0.5. */
static nd_array *lerp(nd_array *a, nd_array *b, nd_array *t) {
    nd_array *diff = op2(ND_SUBTRACT, b, a, 0);
    nd_array *x = op2(ND_ADD, a, op2(ND_MULTIPLY, diff, t, 0), 2);
    nd_array *y = op2(ND_SUBTRACT, b, op2(ND_MULTIPLY, diff, op2(ND_SUBTRACT, i64(1), t, 1), 2), 2);
    nd_array *m = op2(ND_GREATER_EQUAL, t, f64(0.5), 2);
    nd_release(diff);
    nd_array *r = where3(m, y, x, 1 | 2);
    if (!r || !x) { nd_release(x); nd_release(r); return NULL; }
    r = astype_steal(r, nd_array_dtype(x));
    nd_release(x);
    return r;
}

/* _quantile over axis 0 of the sorted array s for quantiles q. */
static nd_array *quantile_sorted(nd_array *s, nd_array *q) {
    int64_t n = nd_shape(s)[0];
    nd_array *virt = op2(ND_MULTIPLY, i64(n - 1), q, 1);
    if (!virt) return NULL;
    bool flt = inexact(s);
    nd_array *nans = NULL, *r = NULL;
    nd_array *li = i64(-1);
    if (flt) nans = op2(ND_ISNAN, li ? nd_ck(nd_take(s, li, 0)) : NULL, NULL, 1);
    nd_release(li);
    if (flt && !nans) { nd_release(virt); return NULL; }
    char vk = nd_dtype_kind(nd_array_dtype(virt));
    if (vk == 'i' || vk == 'u') {
        r = nd_ck(nd_take(s, virt, 0));
    } else {
        nd_array *prev = op2(ND_FLOOR, virt, NULL, 0);
        prev = where3(op2(ND_GREATER_EQUAL, virt, i64(n - 1), 2), i64(-1), prev, 1 | 2 | 4);
        prev = where3(op2(ND_LESS, virt, i64(0), 2), i64(0), prev, 1 | 2 | 4);
        if (flt) prev = where3(op2(ND_ISNAN, virt, NULL, 0), i64(-1), prev, 1 | 2 | 4);
        prev = astype_steal(prev, nd_dtype_of(ND_INT64));
        nd_array *next = op2(ND_ADD, prev, i64(1), 2);
        /* the index clamps put prev and next at the same element */
        if (next) next = where3(op2(ND_EQUAL, prev, i64(-1), 2), i64(-1), next, 1 | 2 | 4);
        nd_array *lo = next ? nd_ck(nd_take(s, prev, 0)) : NULL, *hi = lo ? nd_ck(nd_take(s, next, 0)) : NULL;
        nd_array *gamma = hi ? op2(ND_SUBTRACT, virt, prev, 0) : NULL;
        if (gamma) {
            int64_t shape[ND_MAXDIMS];
            int k = nd_ndim(virt);
            memcpy(shape, nd_shape(virt), sizeof(int64_t) * (size_t)k);
            for (int i = 1; i < nd_ndim(s); i++) shape[k++] = 1;
            nd_array *g = nd_ck(nd_reshape(gamma, k, shape, 'C', ND_COPY_IF_NEEDED));
            nd_release(gamma);
            gamma = g;
        }
        r = gamma ? lerp(lo, hi, gamma) : NULL;
        nd_release(prev);
        nd_release(next);
        nd_release(lo);
        nd_release(hi);
        nd_release(gamma);
    }
    nd_release(virt);
    if (r && nans) {
        nd_array *any = nd_ck(nd_any(nans, -1, NULL, false));
        nd_value v = {0};
        if (any) nd_item(any, INT64_MIN, &v);
        nd_release(any);
        if (!any) { nd_release(r); r = NULL; }
        else if (v.b) r = astype_steal(where3(nans, f64(NAN), r, 2 | 4), nd_array_dtype(s));
    }
    nd_release(nans);
    return r;
}

static Val quantile_impl(const char *fname, bool pct, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "a,q|axis,out,overwrite_input,method,keepdims,interpolation");
    if (GIVEN(p[3]) || GIVEN(p[7])) return raise_exc(NotImplementedErrorT, "%s(out=..., interpolation=...) is not supported by nd", fname);
    if (GIVEN(p[5]) && !(p[5].t == T_STR && !strcmp(STR(p[5])->s, "linear")))
        return raise_exc(NotImplementedErrorT, "%s: only method='linear' is supported by nd", fname);
    nd_array *q = arg_nd(p[1]);
    if (q && pct) q = op2(ND_TRUE_DIVIDE, q, i64(100), 3);
    if (!q) return VERR;
    nd_array *ok = op2(ND_LOGICAL_AND, op2(ND_GREATER_EQUAL, q, i64(0), 2), op2(ND_LESS_EQUAL, q, i64(1), 2), 3);
    nd_array *all = ok ? nd_ck(nd_all(ok, -1, NULL, false)) : NULL;
    nd_release(ok);
    nd_value v = {0};
    if (all) nd_item(all, INT64_MIN, &v);
    nd_release(all);
    if (!all || !v.b) {
        nd_release(q);
        if (!all) return VERR;
        return raise_exc(ValueErrorT, pct ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
    }
    if (nd_ndim(q) > 2) { nd_release(q); return raise_exc(ValueErrorT, "q must be a scalar or 1d"); }
    nd_array *a = arg_nd(p[0]);
    int axis, nd = a ? nd_ndim(a) : 0;
    bool red[ND_MAXDIMS];
    if (!a || ureduce_axis(HAS(p[2]) ? p[2] : VNONE, &a, &axis, red) < 0) { nd_release(a); nd_release(q); return VERR; }
    nd_array *s = nd_ck(nd_sort(a, axis, NULL));
    nd_release(a);
    if (s && axis != ND_AXIS_NONE && axis != 0) {
        nd_array *m = nd_ck(nd_moveaxis(s, 1, (int[]){axis}, (int[]){0}));
        nd_release(s);
        s = m;
    }
    nd_array *r = s ? quantile_sorted(s, q) : NULL;
    nd_release(s);
    nd_release(q);
    if (r && GIVEN(p[6]) && val_truth(p[6]) > 0) r = keep_dims(r, nd, red);
    return r ? array_wrap0(r) : VERR;
}
static Val np_percentile(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return quantile_impl("percentile", true, argc, argv, kw); }
static Val np_quantile(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return quantile_impl("quantile", false, argc, argv, kw); }

/* ---------- average, ptp ---------- */
static int axes_of(Val v, int *naxes, int *axes) {
    *naxes = -1;
    if (!GIVEN(v)) return 0;
    int64_t x;
    if (v.t == T_TUPLE || v.t == T_LIST) {
        *naxes = 0;
        for (int64_t i = 0; i < LIST(v)->n && i < ND_MAXDIMS; i++) {
            if (to_int64(LIST(v)->v[i], &x, NULL) < 0) return -1;
            axes[(*naxes)++] = (int)x;
        }
        return 0;
    }
    if (to_int64(v, &x, NULL) < 0) return -1;
    *naxes = 1;
    axes[0] = (int)x;
    return 0;
}

static Val np_average(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("average", "a|axis,weights,returned,keepdims");
    int naxes, axes[ND_MAXDIMS];
    if (axes_of(HAS(p[1]) ? p[1] : VNONE, &naxes, axes) < 0) return VERR;
    bool keep = HAS(p[4]) && val_truth(p[4]) > 0;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    nd_array *avg = NULL, *scl = NULL;
    if (!GIVEN(p[2])) {
        avg = nd_ck(nd_mean(a, naxes, axes, keep, NULL));
        if (avg) {
            double f = (double)nd_size(a) / (double)nd_size(avg);
            scl = nd_ck(nd_scalar(nd_value_cast(ND_F64(f), nd_dtype_type(nd_array_dtype(avg))), nd_array_dtype(avg)));
        }
    } else {
        nd_array *w = arg_nd(p[2]);
        if (!w) { nd_release(a); return VERR; }
        char k = nd_dtype_kind(nd_array_dtype(a));
        const nd_dtype *rt = nd_promote_types(nd_array_dtype(a), nd_array_dtype(w));
        if (rt && (k == 'i' || k == 'u' || k == 'b')) {
            const nd_dtype *r2 = nd_promote_types(rt, nd_dtype_of(ND_FLOAT64));
            nd_dtype_release(rt);
            rt = r2;
        }
        const char *err = NULL;
        OType *et = TypeErrorT;
        bool same = nd_ndim(a) == nd_ndim(w) && !memcmp(nd_shape(a), nd_shape(w), sizeof(int64_t) * (size_t)nd_ndim(a));
        if (!same) {
            int nd = nd_ndim(a);
            int64_t ax = naxes == 1 ? axes[0] : 0;
            if (naxes < 0) err = "Axis must be specified when shapes of a and weights differ.";
            else if (naxes > 1) err = "nd: average with a tuple axis and differently shaped weights is not supported";
            else if (nd_ndim(w) != 1) err = "1D weights expected when shapes of a and weights differ.";
            else if (ax < -nd || ax >= nd) { err = "tuple index out of range"; et = IndexErrorT; }
            else if (nd_shape(w)[0] != nd_shape(a)[ax < 0 ? ax + nd : ax]) {
                err = "Length of weights not compatible with specified axis.";
                et = ValueErrorT;
            } else {
                int64_t shape[ND_MAXDIMS];
                for (int i = 0; i < nd - 1; i++) shape[i] = 1;
                shape[nd - 1] = nd_shape(w)[0];
                nd_array *b = nd_ck(nd_broadcast_to(w, nd, shape));
                nd_release(w);
                w = b ? nd_ck(nd_swapaxes(b, -1, (int)ax)) : NULL;
                nd_release(b);
            }
        }
        if (!err && w && rt) scl = nd_ck(nd_sum(w, naxes, axes, keep, rt));
        if (scl) {
            nd_array *z = op2(ND_EQUAL, scl, f64(0.0), 2);
            nd_array *anyz = z ? nd_ck(nd_any(z, -1, NULL, false)) : NULL;
            nd_value v = {0};
            if (anyz) nd_item(anyz, INT64_MIN, &v);
            nd_release(z);
            nd_release(anyz);
            if (!anyz || v.b) {
                nd_release(scl);
                scl = NULL;
                if (anyz) { err = "Weights sum to zero, can't be normalized"; et = ZeroDivisionErrorT; }
            }
        }
        if (scl) {
            nd_array *ac = nd_ck(nd_astype(a, rt, 'K', ND_CAST_UNSAFE, false));
            nd_array *wc = ac ? nd_ck(nd_astype(w, rt, 'K', ND_CAST_UNSAFE, false)) : NULL;
            nd_array *m = wc ? op2(ND_MULTIPLY, ac, wc, 3) : NULL;
            if (!wc) nd_release(ac);
            nd_array *sm = m ? nd_ck(nd_sum(m, naxes, axes, keep, NULL)) : NULL;
            nd_release(m);
            avg = op2(ND_TRUE_DIVIDE, sm, scl, 1);
        }
        nd_release(w);
        nd_dtype_release(rt);
        if (err) raise_exc(et, "%s", err);
    }
    nd_release(a);
    if (!avg) { nd_release(scl); return VERR; }
    if (!HAS(p[3]) || val_truth(p[3]) <= 0) { nd_release(scl); return array_wrap0(avg); }
    if (nd_ndim(scl) != nd_ndim(avg) || memcmp(nd_shape(scl), nd_shape(avg), sizeof(int64_t) * (size_t)nd_ndim(avg))) {
        nd_array *b = nd_ck(nd_broadcast_to(scl, nd_ndim(avg), nd_shape(avg)));
        nd_array *c = b ? nd_ck(nd_copy(b, 'C')) : NULL;
        nd_release(b);
        nd_release(scl);
        scl = c;
        if (!scl) { nd_release(avg); return VERR; }
    }
    return mk_tuple2(array_wrap0(avg), array_wrap0(scl));
}

static Val np_ptp(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ptp", "a|axis,out,keepdims");
    if (GIVEN(p[2])) return raise_exc(NotImplementedErrorT, "ptp(out=...) is not supported by nd");
    int naxes, axes[ND_MAXDIMS];
    if (axes_of(HAS(p[1]) ? p[1] : VNONE, &naxes, axes) < 0) return VERR;
    bool keep = HAS(p[3]) && val_truth(p[3]) > 0;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    ufunc_0d_axis(HAS(p[1]) ? p[1] : VNONE, nd_ndim(a), &naxes, axes);
    nd_array *mx = nd_ck(nd_amax(a, naxes, axes, keep)), *mn = mx ? nd_ck(nd_amin(a, naxes, axes, keep)) : NULL;
    nd_release(a);
    nd_array *r = mn ? op2(ND_SUBTRACT, mx, mn, 3) : NULL;
    if (!mn) nd_release(mx);
    return r ? array_wrap0(r) : VERR;
}

/* ---------- nan-skipping reductions ---------- */
static Val nan_red(const char *fname, const char *base, int argc, Val *argv, Kw *kw) {
    bool mm = !strcmp(base, "amax") || !strcmp(base, "amin"), mean = !strcmp(base, "mean");
    /* nansum/nanprod pass initial= and where= on to np.sum/np.prod, nanmean where= */
    ARGS(fname, mm ? "a|axis,out,keepdims" : mean ? "a|axis,dtype,out,keepdims,where" : "a|axis,dtype,out,keepdims,initial,where");
    static const char *const names_mm[] = {"axis", "out", "keepdims"};
    static const char *const names[] = {"axis", "dtype", "out", "keepdims", "initial", "where"};
    static const char *const names_mean[] = {"axis", "dtype", "out", "keepdims", "where"};
    const char *const *nm = mm ? names_mm : mean ? names_mean : names;
    int nn = mm ? 3 : mean ? 5 : 6;
    Kw k2 = {0, (const char *[6]){0}, (Val[6]){{0}}};
    for (int i = 0; i < nn; i++)
        if (HAS(p[i + 1])) { k2.names[k2.n] = nm[i]; k2.vals[k2.n++] = p[i + 1]; }
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    if (!inexact(a)) {
        Val av = mk_array(a);
        Val r = np_reduce(!strcmp(base, "mean") ? "mean" : base, av, 0, NULL, &k2);
        decref(av);
        return r;
    }
    nd_array *mask = op2(ND_ISNAN, a, NULL, 0);
    nd_array *fill = !strcmp(base, "prod") ? f64(1) : !strcmp(base, "amax") ? f64(-INFINITY)
                     : !strcmp(base, "amin") ? f64(INFINITY) : f64(0);
    nd_array *rep = mask ? where3(mask, fill, a, 2) : NULL;
    if (!mask) nd_release(fill);
    rep = astype_steal(rep, nd_array_dtype(a));
    nd_release(a);
    if (!rep) { nd_release(mask); return VERR; }
    Val rv = mk_array(rep);
    Val r = np_reduce(!strcmp(base, "mean") ? "sum" : base, rv, 0, NULL, &k2);
    decref(rv);
    if (ISERR(r) || (strcmp(base, "mean") && !mm)) { nd_release(mask); return r; }
    /* mean: sum / count of non-NaN; amax/amin: NaN where every element was NaN */
    Val mv = mk_array(mask);
    Val extra;
    if (mm) {
        extra = np_reduce("all", mv, 0, NULL, &k2);
    } else {
        Val inv = array_unop(OP_INVERT, mv);
        Kw k3 = {0, (const char *[4]){0}, (Val[4]){{0}}};
        for (int i = 0; i < k2.n; i++)
            if (!strcmp(k2.names[i], "axis") || !strcmp(k2.names[i], "keepdims") || !strcmp(k2.names[i], "where")) {
                k3.names[k3.n] = k2.names[i];
                k3.vals[k3.n++] = k2.vals[i];
            }
        extra = ISERR(inv) ? VERR : np_reduce("sum", inv, 0, NULL, &k3);
        decref(inv);
    }
    decref(mv);
    if (ISERR(extra)) { decref(r); return VERR; }
    nd_array *rn = arg_nd(r), *en = rn ? arg_nd(extra) : NULL;
    decref(extra);
    nd_array *res = NULL;
    if (en) {
        res = mm ? where3(en, f64(NAN), rn, 2) : op2(ND_TRUE_DIVIDE, rn, en, 0);
        res = astype_steal(res, nd_array_dtype(rn));
    }
    nd_release(rn);
    nd_release(en);
    decref(r);
    Val outv = mm ? VERR : p[3];
    if (res && GIVEN(outv) && outv.t == T_ARRAY) { /* nanmean's _divide_by_count writes into out */
        int rc = nd_copyto(ARR(outv), res, ND_CAST_UNSAFE);
        nd_release(res);
        return rc < 0 ? raise_nd() : incref(outv);
    }
    return res ? array_wrap0(res) : VERR;
}
static Val np_nansum(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return nan_red("nansum", "sum", argc, argv, kw); }
static Val np_nanprod(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return nan_red("nanprod", "prod", argc, argv, kw); }
static Val np_nanmean(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return nan_red("nanmean", "mean", argc, argv, kw); }
static Val np_nanmax(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return nan_red("nanmax", "amax", argc, argv, kw); }
static Val np_nanmin(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return nan_red("nanmin", "amin", argc, argv, kw); }

void np_stats_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"median", np_median}, {"percentile", np_percentile}, {"quantile", np_quantile}, {"average", np_average},
        {"ptp", np_ptp}, {"nansum", np_nansum}, {"nanprod", np_nanprod}, {"nanmean", np_nanmean},
        {"nanmax", np_nanmax}, {"nanmin", np_nanmin}, {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}
