/* np_search.c — NumPy's searching and counting functions: searchsorted,
 * digitize, isin/in1d, bincount and histogram.  Values are compared in one
 * exact compute type (float64, int64 or uint64) after NumPy's promotion;
 * NaN orders last, as in NumPy's sorts and searchsorted. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

#define ARGS(fname, spec) Val p[12]; if (argparse(fname, argc, argv, kw, spec, p) < 0) return VERR
#define UNUSED (void)self
#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

/* The compute type for ordering values of dtypes x and y. */
static int order_type(const char *fname, const nd_dtype *x, const nd_dtype *y, nd_type *ct) {
    const nd_dtype *pr = nd_promote_types(x, y);
    if (!pr) { raise_nd(); return -1; }
    char k = nd_dtype_kind(pr);
    nd_type t = nd_dtype_type(pr);
    nd_dtype_release(pr);
    if (k == 'c' || k == 'V') {
        raise_exc(NotImplementedErrorT, "%s of %s values is not supported by nd", fname, k == 'c' ? "complex" : "structured");
        return -1;
    }
    *ct = k == 'f' ? ND_FLOAT64 : t == ND_UINT64 ? ND_UINT64 : ND_INT64;
    return 0;
}
/* a as a new C-contiguous array of type ct (values exact for ct from order_type). */
static nd_array *as_c(nd_array *a, nd_type ct) { return nd_ck(nd_astype(a, nd_dtype_of(ct), 'C', ND_CAST_UNSAFE, true)); }

static inline bool lt_f(double x, double y) { return x < y || (y != y && x == x); }
static inline bool lt_i(int64_t x, int64_t y) { return x < y; }
static inline bool lt_u(uint64_t x, uint64_t y) { return x < y; }

#define SEARCH_LOOP(T, LT)                                                      \
    do {                                                                        \
        const T *s = sp, *k = kp;                                               \
        for (int64_t j = 0; j < m; j++) {                                       \
            int64_t lo = 0, hi = n;                                             \
            while (lo < hi) {                                                   \
                int64_t mid = lo + (hi - lo) / 2;                               \
                if (right ? !LT(k[j], s[mid]) : LT(s[mid], k[j])) lo = mid + 1; \
                else hi = mid;                                                  \
            }                                                                   \
            out[j] = lo;                                                        \
            if (found) found[j] = lo < n && s[lo] == k[j];                      \
        }                                                                       \
    } while (0)

/* For each of the m keys: its insertion point in the n sorted values
   (left or right), and whether it is present (found may be NULL). */
static void search(nd_type ct, const void *sp, int64_t n, const void *kp, int64_t m, bool right, int64_t *out,
                   bool *found) {
    if (ct == ND_FLOAT64) SEARCH_LOOP(double, lt_f);
    else if (ct == ND_UINT64) SEARCH_LOOP(uint64_t, lt_u);
    else SEARCH_LOOP(int64_t, lt_i);
}

/* searchsorted(a, v) for 1-d sorted a: int64 array shaped as v. */
static nd_array *search_sorted(nd_array *a, nd_array *v, bool right) {
    nd_type ct;
    if (order_type("searchsorted", nd_array_dtype(a), nd_array_dtype(v), &ct) < 0) return NULL;
    nd_array *s = as_c(a, ct), *k = s ? as_c(v, ct) : NULL;
    nd_array *r = k ? nd_ck(nd_empty(nd_ndim(v), nd_shape(v), nd_dtype_of(ND_INT64), 'C')) : NULL;
    if (r) search(ct, nd_data(s), nd_size(s), nd_data(k), nd_size(k), right, nd_data(r), NULL);
    nd_release(s);
    nd_release(k);
    return r;
}

static int depth_check(const nd_array *a) {
    if (nd_ndim(a) == 1) return 0;
    raise_exc(ValueErrorT, nd_ndim(a) ? "object too deep for desired array" : "object of too small depth for desired array");
    return -1;
}

static int side_arg(Val v, bool *right) {
    *right = false;
    if (!HAS(v)) return 0;
    if (v.t == T_STR && STR(v)->len && (STR(v)->s[0] == 'l' || STR(v)->s[0] == 'r' || STR(v)->s[0] == 'L' || STR(v)->s[0] == 'R')) {
        *right = STR(v)->s[0] == 'r' || STR(v)->s[0] == 'R';
        return 0;
    }
    Val r = val_repr(v);
    if (ISERR(r)) return -1;
    raise_exc(ValueErrorT, "search side must be 'left' or 'right' (got %s)", STR(r)->s);
    decref(r);
    return -1;
}

static Val np_searchsorted(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("searchsorted", "a,v|side,sorter");
    bool right;
    if (side_arg(p[2], &right) < 0) return VERR;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    if (depth_check(a) < 0) { nd_release(a); return VERR; }
    if (GIVEN(p[3])) {
        nd_array *s = arg_nd(p[3]), *t = s ? nd_ck(nd_take(a, s, 0)) : NULL;
        nd_release(s);
        nd_release(a);
        if (!(a = t)) return VERR;
    }
    nd_array *v = arg_nd(p[1]);
    nd_array *r = v ? search_sorted(a, v, right) : NULL;
    nd_release(a);
    nd_release(v);
    return r ? array_wrap0(r) : VERR;
}

static Val np_digitize(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("digitize", "x,bins|right");
    bool right = HAS(p[2]) && val_truth(p[2]) > 0;
    nd_array *x = arg_nd(p[0]), *b = x ? arg_nd(p[1]) : NULL;
    if (!b) { nd_release(x); return VERR; }
    Val res = VERR;
    nd_array *bf = NULL;
    if (nd_dtype_kind(nd_array_dtype(x)) == 'c') { raise_exc(TypeErrorT, "x may not be complex"); goto done; }
    if (nd_ndim(b) != 1) { raise_exc(ValueErrorT, "object too deep for desired array"); goto done; }
    if (!(bf = as_c(b, ND_FLOAT64))) goto done;
    const double *e = nd_data(bf);
    int64_t n = nd_size(bf);
    bool inc = true, dec = true;
    for (int64_t i = 0; i + 1 < n; i++) {
        if (e[i] > e[i + 1]) inc = false;
        if (e[i] < e[i + 1]) dec = false;
    }
    if (!inc && !dec) { raise_exc(ValueErrorT, "bins must be monotonically increasing or decreasing"); goto done; }
    if (inc) { /* bins[0] <= bins[-1] (a single value counts as increasing) */
        res = mk_array(search_sorted(b, x, !right));
    } else {
        nd_array *rb = nd_ck(nd_flip(b, -1, NULL));
        nd_array *r = rb ? search_sorted(rb, x, !right) : NULL;
        nd_release(rb);
        r = r ? op2(ND_SUBTRACT, nd_ck(nd_scalar(ND_I64(n), NULL)), r, 3) : NULL;
        res = r ? mk_array(r) : VERR;
    }
    if (!ISERR(res) && nd_ndim(ARR(res)) == 0) {
        Val s = array_wrap0(nd_retain(ARR(res)));
        decref(res);
        res = s;
    }
done:
    nd_release(bf);
    nd_release(x);
    nd_release(b);
    return res;
}

/* isin / in1d: element's values found among test's; invert negates. */
static nd_array *isin_impl(nd_array *el, nd_array *test, bool invert) {
    nd_type ct;
    if (order_type("isin", nd_array_dtype(el), nd_array_dtype(test), &ct) < 0) return NULL;
    nd_array *st = nd_ck(nd_sort(test, ND_AXIS_NONE, NULL));
    nd_array *s = st ? as_c(st, ct) : NULL, *k = s ? as_c(el, ct) : NULL;
    nd_release(st);
    nd_array *r = k ? nd_ck(nd_empty(nd_ndim(el), nd_shape(el), nd_dtype_of(ND_BOOL), 'C')) : NULL;
    int64_t m = k ? nd_size(k) : 0;
    int64_t *pos = malloc(sizeof(int64_t) * (size_t)(m ? m : 1));
    if (r && pos) {
        bool *f = nd_data(r);
        search(ct, nd_data(s), nd_size(s), nd_data(k), m, false, pos, f);
        if (invert) for (int64_t i = 0; i < m; i++) f[i] = !f[i];
    } else if (r) {
        nd_release(r);
        r = NULL;
        raise_exc(MemoryErrorT, "out of memory");
    }
    free(pos);
    nd_release(s);
    nd_release(k);
    return r;
}
static Val isin_like(const char *fname, bool flat, int argc, Val *argv, Kw *kw) {
    ARGS(fname, flat ? "ar1,ar2|assume_unique,invert,kind" : "element,test_elements|assume_unique,invert,kind");
    bool invert = HAS(p[3]) && val_truth(p[3]) > 0;
    nd_array *a = arg_nd(p[0]), *t = a ? arg_nd(p[1]) : NULL;
    if (!t) { nd_release(a); return VERR; }
    if (flat) {
        nd_array *f = nd_ck(nd_ravel(a, 'C', ND_COPY_IF_NEEDED));
        nd_release(a);
        a = f;
    }
    nd_array *r = a ? isin_impl(a, t, invert) : NULL;
    nd_release(a);
    nd_release(t);
    return r ? mk_array(r) : VERR;
}
static Val np_isin(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return isin_like("isin", false, argc, argv, kw); }
static Val np_in1d(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return isin_like("in1d", true, argc, argv, kw); }

/* ---------- bincount ---------- */
/* Counts (or weight sums) of the non-negative ints in x, at least minlength long. */
static nd_array *bincount(nd_array *x, nd_array *w, int64_t minlength) {
    if (!nd_can_cast(nd_array_dtype(x), nd_dtype_of(ND_INT64), ND_CAST_SAFE) && nd_size(x)) {
        raise_exc(TypeErrorT, "Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'",
                  nd_dtype_name(nd_array_dtype(x)));
        return NULL;
    }
    nd_array *xi = as_c(x, ND_INT64), *wf = NULL;
    if (!xi) return NULL;
    const int64_t *v = nd_data(xi);
    int64_t n = nd_size(xi), len = minlength;
    for (int64_t i = 0; i < n; i++) {
        if (v[i] < 0) { nd_release(xi); raise_exc(ValueErrorT, "'list' argument must have no negative elements"); return NULL; }
        if (v[i] >= len) len = v[i] + 1;
    }
    if (w) {
        if (nd_size(w) != n) { nd_release(xi); raise_exc(ValueErrorT, "The weights and list don't have the same length."); return NULL; }
        if (!(wf = as_c(w, ND_FLOAT64))) { nd_release(xi); return NULL; }
    }
    nd_array *r = nd_ck(nd_zeros(1, &len, nd_dtype_of(w ? ND_FLOAT64 : ND_INT64), 'C'));
    if (r && w) {
        double *o = nd_data(r);
        const double *wv = nd_data(wf);
        for (int64_t i = 0; i < n; i++) o[v[i]] += wv[i];
    } else if (r) {
        int64_t *o = nd_data(r);
        for (int64_t i = 0; i < n; i++) o[v[i]]++;
    }
    nd_release(xi);
    nd_release(wf);
    return r;
}
static Val np_bincount(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("bincount", "x|weights,minlength");
    int64_t minlength = 0;
    if (GIVEN(p[2]) && to_int64(p[2], &minlength, NULL) < 0) return VERR;
    if (minlength < 0) return raise_exc(ValueErrorT, "'minlength' must not be negative");
    nd_array *x = arg_nd(p[0]), *w = NULL;
    if (!x) return VERR;
    if (depth_check(x) < 0 || (GIVEN(p[1]) && !(w = arg_nd(p[1])))) { nd_release(x); return VERR; }
    nd_array *r = bincount(x, w, minlength);
    nd_release(x);
    nd_release(w);
    return r ? mk_array(r) : VERR;
}

/* ---------- histogram ---------- */
/* NumPy's _unsigned_subtract: x - y in result_type(x, y), signed ints as unsigned. */
static nd_array *usub(nd_array *x, nd_array *y) {
    const nd_array *ops[2] = {x, y};
    const nd_dtype *dt = nd_result_type(2, ops);
    if (!dt) { raise_nd(); return NULL; }
    nd_type t = nd_dtype_type(dt);
    nd_dtype_release(dt);
    static const nd_type uns[][2] = {{ND_INT8, ND_UINT8}, {ND_INT16, ND_UINT16}, {ND_INT32, ND_UINT32}, {ND_INT64, ND_UINT64}};
    for (size_t i = 0; i < 4; i++) if (t == uns[i][0]) t = uns[i][1];
    nd_array *xc = nd_ck(nd_astype(x, nd_dtype_of(t), 'K', ND_CAST_UNSAFE, false));
    nd_array *yc = xc ? nd_ck(nd_astype(y, nd_dtype_of(t), 'K', ND_CAST_UNSAFE, false)) : NULL;
    if (!yc) { nd_release(xc); return NULL; }
    return op2(ND_SUBTRACT, xc, yc, 3);
}
static double dval(const nd_array *a) {
    nd_value v;
    nd_item(a, INT64_MIN, &v);
    return nd_value_cast(v, ND_FLOAT64).f;
}
static int edge_str(SB *b, nd_array *a, Val py) {
    if (HAS(py)) return repr_into(b, py, false);
    nd_value v;
    nd_item(a, INT64_MIN, &v);
    Val s = mk_scalar(v);
    int r = repr_into(b, s, false);
    decref(s);
    return r;
}
/* first and last edges as 0-d arrays (NumPy's _get_outer_edges). */
static int outer_edges(nd_array *a, Val range, nd_array **first, nd_array **last) {
    Val pf = VERR, pl = VERR;
    *first = *last = NULL;
    if (GIVEN(range)) {
        Val l = to_list(range);
        if (ISERR(l)) return -1;
        if (LIST(l)->n != 2) { decref(l); raise_exc(ValueErrorT, "too many values to unpack (expected 2)"); return -1; }
        pf = LIST(l)->v[0];
        pl = LIST(l)->v[1];
        *first = arg_nd(pf);
        *last = *first ? arg_nd(pl) : NULL;
        decref(l);
        if (!*last) { nd_release(*first); return -1; }
        if (dval(*first) > dval(*last)) { raise_exc(ValueErrorT, "max must be larger than min in range parameter."); goto fail; }
    } else if (nd_size(a) == 0) {
        *first = nd_ck(nd_scalar(ND_I64(0), NULL));
        *last = nd_ck(nd_scalar(ND_I64(1), NULL));
    } else {
        *first = nd_ck(nd_amin(a, -1, NULL, false));
        *last = *first ? nd_ck(nd_amax(a, -1, NULL, false)) : NULL;
    }
    if (!*first || !*last) goto fail;
    if (!isfinite(dval(*first)) || !isfinite(dval(*last))) {
        SB b = {0};
        sb_puts(&b, GIVEN(range) ? "supplied range of [" : "autodetected range of [");
        edge_str(&b, *first, pf);
        sb_puts(&b, ", ");
        edge_str(&b, *last, pl);
        sb_puts(&b, "] is not finite");
        Val m = sb_val(&b);
        raise_exc(ValueErrorT, "%s", STR(m)->s);
        decref(m);
        goto fail;
    }
    if (dval(*first) == dval(*last)) {
        *first = op2(ND_SUBTRACT, *first, nd_ck(nd_scalar(ND_F64(0.5), NULL)), 3);
        *last = op2(ND_ADD, *last, nd_ck(nd_scalar(ND_F64(0.5), NULL)), 3);
        if (!*first || !*last) goto fail;
    }
    return 0;
fail:
    nd_release(*first);
    nd_release(*last);
    return -1;
}

/* counts for nbins equal bins between first and last (NumPy's fast path). */
static nd_array *uniform_counts(nd_array *a, nd_array *first, nd_array *last, nd_array *edges, int64_t nbins) {
    nd_array *norm = op2(ND_TRUE_DIVIDE, nd_ck(nd_scalar(ND_I64(nbins), NULL)), usub(last, first), 3);
    nd_array *keep = op2(ND_LOGICAL_AND, op2(ND_GREATER_EQUAL, a, first, 0), op2(ND_LESS_EQUAL, a, last, 0), 3);
    nd_array *ka = keep ? nd_ck(nd_compress(keep, a, 0)) : NULL;
    nd_release(keep);
    nd_array *tmp = ka ? nd_ck(nd_astype(ka, nd_array_dtype(edges), 'K', ND_CAST_UNSAFE, false)) : NULL;
    nd_release(ka);
    nd_array *fi = tmp && norm ? op2(ND_MULTIPLY, usub(tmp, first), norm, 1) : NULL;
    nd_array *idx = fi ? as_c(fi, ND_INT64) : NULL, *tf = idx ? as_c(tmp, ND_FLOAT64) : NULL;
    nd_array *ef = tf ? as_c(edges, ND_FLOAT64) : NULL;
    nd_release(norm);
    nd_release(fi);
    nd_release(tmp);
    nd_array *r = NULL;
    if (ef) {
        int64_t *ix = nd_data(idx), m = nd_size(idx), ne = nd_size(ef);
        const double *t = nd_data(tf), *e = nd_data(ef);
#define AT(k) e[(k) < 0 ? (k) + ne : (k)] /* Python indexing, as bin_edges[indices] */
        for (int64_t i = 0; i < m; i++) {
            if (ix[i] == nbins) ix[i]--;
            if (t[i] < AT(ix[i])) ix[i]--;
            if (t[i] >= AT(ix[i] + 1) && ix[i] != nbins - 1) ix[i]++;
        }
#undef AT
        r = bincount(idx, NULL, nbins);
    }
    nd_release(idx);
    nd_release(tf);
    nd_release(ef);
    return r;
}

/* counts for explicit edges: differences of inclusive searchsorted positions. */
static nd_array *edge_counts(nd_array *a, nd_array *edges) {
    int64_t ne = nd_size(edges);
    nd_type ct;
    if (order_type("histogram", nd_array_dtype(a), nd_array_dtype(edges), &ct) < 0) return NULL;
    nd_array *sa = nd_ck(nd_sort(a, 0, NULL));
    nd_array *s = sa ? as_c(sa, ct) : NULL, *k = s ? as_c(edges, ct) : NULL;
    nd_release(sa);
    nd_array *r = k && ne ? nd_ck(nd_empty(1, (int64_t[]){ne - 1}, nd_dtype_of(ND_INT64), 'C')) : NULL;
    int64_t *cum = malloc(sizeof(int64_t) * (size_t)(ne + 1));
    if (r && cum) {
        search(ct, nd_data(s), nd_size(s), nd_data(k), ne - 1, false, cum, NULL);
        search(ct, nd_data(s), nd_size(s), (char *)nd_data(k) + (ne - 1) * 8 /* all compute types are 8 bytes */, 1, true, cum + ne - 1, NULL);
        int64_t *o = nd_data(r);
        for (int64_t i = 0; i + 1 < ne; i++) o[i] = cum[i + 1] - cum[i];
    } else if (k && ne) {
        nd_release(r);
        r = NULL;
        if (!cum) raise_exc(MemoryErrorT, "out of memory");
    } else if (k) {
        raise_exc(IndexErrorT, "index -1 is out of bounds for axis 0 with size 0");
    }
    free(cum);
    nd_release(s);
    nd_release(k);
    return r;
}

static Val np_histogram(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("histogram", "a|bins,range,density,weights");
    if (GIVEN(p[4])) return raise_exc(NotImplementedErrorT, "histogram(weights=...) is not supported by nd");
    Val bins = GIVEN(p[1]) ? p[1] : VINT(10);
    if (bins.t == T_STR) return raise_exc(NotImplementedErrorT, "histogram(bins='%s') is not supported by nd", STR(bins)->s);
    nd_array *a0 = arg_nd(p[0]), *a = a0 ? nd_ck(nd_ravel(a0, 'C', ND_COPY_IF_NEEDED)) : NULL;
    nd_release(a0);
    if (!a) return VERR;
    nd_array *edges = NULL, *n = NULL;
    nd_array *bv = arg_nd(bins);
    if (!bv) { nd_release(a); return VERR; }
    if (nd_ndim(bv) == 0) {
        int64_t nb;
        char k = nd_dtype_kind(nd_array_dtype(bv));
        nd_release(bv);
        if ((k != 'i' && k != 'u' && k != 'b') || to_int64(bins, &nb, NULL) < 0) {
            exc_clear();
            nd_release(a);
            return raise_exc(TypeErrorT, "`bins` must be an integer, a string, or an array");
        }
        if (nb < 1) { nd_release(a); return raise_exc(ValueErrorT, "`bins` must be positive, when an integer"); }
        nd_array *first, *last;
        if (outer_edges(a, HAS(p[2]) ? p[2] : VNONE, &first, &last) < 0) { nd_release(a); return VERR; }
        const nd_array *ops[3] = {first, last, a};
        const nd_dtype *bt = nd_result_type(3, ops);
        char bk = bt ? nd_dtype_kind(bt) : 0;
        if (bt && (bk == 'i' || bk == 'u')) {
            const nd_dtype *b2 = nd_promote_types(bt, nd_dtype_of(ND_FLOAT64));
            nd_dtype_release(bt);
            bt = b2;
        }
        edges = bt ? nd_ck(nd_linspace(dval(first), dval(last), nb + 1, true, bt)) : NULL;
        if (!bt) raise_nd();
        nd_dtype_release(bt);
        n = edges ? uniform_counts(a, first, last, edges, nb) : NULL;
        nd_release(first);
        nd_release(last);
    } else if (nd_ndim(bv) == 1) {
        edges = bv;
        nd_array *lo = slice_axis(edges, 0, ND_NONE, -1, ND_NONE), *hi = lo ? slice_axis(edges, 0, 1, ND_NONE, ND_NONE) : NULL;
        nd_array *bad = hi ? op2(ND_GREATER, lo, hi, 0) : NULL, *anyb = bad ? nd_ck(nd_any(bad, -1, NULL, false)) : NULL;
        nd_value v = {0};
        if (anyb) nd_item(anyb, INT64_MIN, &v);
        nd_release(lo);
        nd_release(hi);
        nd_release(bad);
        nd_release(anyb);
        if (anyb && v.b) raise_exc(ValueErrorT, "`bins` must increase monotonically, when an array");
        n = anyb && !v.b ? edge_counts(a, edges) : NULL;
    } else {
        nd_release(bv);
        raise_exc(ValueErrorT, "`bins` must be 1d, when an array");
    }
    nd_release(a);
    if (n && GIVEN(p[3]) && val_truth(p[3]) > 0) {
        nd_array *d = nd_ck(nd_astype(edges, nd_dtype_of(ND_FLOAT64), 'K', ND_CAST_UNSAFE, false));
        nd_array *hi = d ? slice_axis(d, 0, 1, ND_NONE, ND_NONE) : NULL, *lo = hi ? slice_axis(d, 0, ND_NONE, -1, ND_NONE) : NULL;
        nd_array *db = lo ? op2(ND_SUBTRACT, hi, lo, 3) : NULL;
        if (!lo) nd_release(hi);
        nd_release(d);
        nd_array *tot = db ? nd_ck(nd_sum(n, -1, NULL, false, NULL)) : NULL;
        nd_array *dn = tot ? op2(ND_TRUE_DIVIDE, op2(ND_TRUE_DIVIDE, n, db, 2), tot, 3) : NULL;
        if (!tot) nd_release(db);
        nd_release(n);
        n = dn;
    }
    if (!n) { nd_release(edges); return VERR; }
    return mk_tuple2(mk_array(n), mk_array(edges));
}

void np_search_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"searchsorted", np_searchsorted}, {"digitize", np_digitize}, {"isin", np_isin}, {"in1d", np_in1d},
        {"bincount", np_bincount}, {"histogram", np_histogram}, {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}
