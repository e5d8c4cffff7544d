/* np_misc.c — more of the numpy namespace built from libnd calls:
 * unravel_index, indices, interp, nan_to_num, delete and fix, each with
 * NumPy 1.24's results, dtypes and messages. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

#define ARGS(fname, spec) Val p[12]; if (argparse(fname, argc, argv, kw, spec, p) < 0) return VERR
#define UNUSED (void)self
#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

/* a as a new C-contiguous array of type t */
static nd_array *as_c(nd_array *a, nd_type t) { return nd_ck(nd_astype(a, nd_dtype_of(t), 'C', ND_CAST_UNSAFE, true)); }
static bool is_inexact(const nd_array *a) { return strchr("fc", nd_dtype_kind(nd_array_dtype(a))) != NULL; }

/* ---------- unravel_index, indices ---------- */
static Val np_unravel_index(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("unravel_index", "indices,shape|order");
    int nd;
    int64_t shape[ND_MAXDIMS], size = 1;
    if (parse_shape(p[1], &nd, shape) < 0) return VERR;
    for (int i = 0; i < nd; i++) size *= shape[i];
    bool fortran = HAS(p[2]) && p[2].t == T_STR && STR(p[2])->s[0] == 'F';
    nd_array *ix = arg_nd(p[0]);
    if (!ix) return VERR;
    if (!strchr("iu", nd_dtype_kind(nd_array_dtype(ix)))) {
        nd_release(ix);
        return raise_exc(TypeErrorT, "only int indices permitted");
    }
    nd_array *flat = as_c(ix, ND_INT64), *out[ND_MAXDIMS];
    int made = 0;
    for (; flat && made < nd; made++)
        if (!(out[made] = nd_ck(nd_empty(nd_ndim(ix), nd_shape(ix), nd_dtype_of(ND_INT64), 'C')))) break;
    Val res = VERR;
    if (flat && made == nd) {
        const int64_t *v = nd_data(flat);
        int64_t n = nd_size(flat), bad = -1;
        for (int64_t k = 0; k < n && bad < 0; k++) {
            int64_t x = v[k];
            if (x < 0 || x >= size) { bad = k; break; }
            for (int j = 0; j < nd; j++) {
                int d = fortran ? j : nd - 1 - j;
                ((int64_t *)nd_data(out[d]))[k] = x % shape[d];
                x /= shape[d];
            }
        }
        if (bad >= 0) {
            raise_exc(ValueErrorT, "index %lld is out of bounds for array with size %lld", (long long)v[bad], (long long)size);
        } else {
            res = mk_tuple(nd);
            for (int j = 0; j < nd; j++) { LIST(res)->v[j] = array_wrap0(out[j]); out[j] = NULL; }
        }
    }
    for (int j = 0; j < made; j++) nd_release(out[j]);
    nd_release(flat);
    nd_release(ix);
    return res;
}

static Val np_indices(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("indices", "dimensions|dtype,sparse");
    int nd;
    int64_t dims[ND_MAXDIMS];
    if (parse_shape(p[0], &nd, dims) < 0) return VERR;
    const nd_dtype *dt = NULL;
    if (GIVEN(p[1]) && get_dtype(p[1], &dt) < 0) return VERR;
    bool sparse = HAS(p[2]) && val_truth(p[2]) > 0;
    Val res = sparse ? mk_tuple(nd) : VNONE;
    nd_array *dense = NULL;
    if (!sparse) {
        int64_t shape[ND_MAXDIMS + 1] = {nd};
        memcpy(shape + 1, dims, sizeof(int64_t) * (size_t)nd);
        if (nd >= ND_MAXDIMS || !(dense = nd_ck(nd_empty(nd + 1, shape, nd_dtype_of(ND_INT64), 'C')))) {
            if (nd >= ND_MAXDIMS) raise_exc(ValueErrorT, "too many dimensions");
            nd_dtype_release(dt);
            return VERR;
        }
    }
    int64_t total = 1;
    for (int i = 0; i < nd; i++) total *= dims[i];
    for (int i = 0; i < nd; i++) {
        int64_t step = 1;
        for (int j = i + 1; j < nd; j++) step *= dims[j];
        if (sparse) { /* shape 1, ..., dims[i], ..., 1: an arange */
            int64_t sh[ND_MAXDIMS];
            for (int j = 0; j < nd; j++) sh[j] = j == i ? dims[i] : 1;
            nd_array *r = nd_ck(nd_arange(0, dims[i], 1, NULL));
            nd_array *s = r ? nd_ck(nd_reshape(r, nd, sh, 'C', ND_COPY_IF_NEEDED)) : NULL;
            nd_release(r);
            LIST(res)->v[i] = s ? mk_array(s) : VNONE;
            if (!s) { decref(res); nd_dtype_release(dt); return VERR; }
            continue;
        }
        int64_t *d = (int64_t *)nd_data(dense) + i * total;
        for (int64_t k = 0; k < total; k++) d[k] = (k / step) % dims[i];
    }
    if (sparse) {
        for (int i = 0; dt && i < nd; i++) {
            nd_array *c = nd_ck(nd_astype(ARR(LIST(res)->v[i]), dt, 'K', ND_CAST_UNSAFE, false));
            if (!c) { decref(res); nd_dtype_release(dt); return VERR; }
            decref(LIST(res)->v[i]);
            LIST(res)->v[i] = mk_array(c);
        }
        nd_dtype_release(dt);
        return res;
    }
    if (dt) {
        nd_array *c = nd_ck(nd_astype(dense, dt, 'K', ND_CAST_UNSAFE, false));
        nd_release(dense);
        dense = c;
    }
    nd_dtype_release(dt);
    return dense ? mk_array(dense) : VERR;
}

/* ---------- interp ---------- */
/* NumPy's binary_search_with_guess without the guess: -1 below, n above,
   else j with xp[j] <= x < xp[j+1] (n-1 for x == xp[n-1]). */
static int64_t interp_find(double x, const double *xp, int64_t n) {
    if (x > xp[n - 1]) return n;
    if (x < xp[0]) return -1;
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (x < xp[mid]) hi = mid;
        else lo = mid + 1;
    }
    return lo - 1;
}
static double interp_one(double x, const double *xp, const double *fp, int64_t n, double lval, double rval) {
    if (isnan(x)) return x;
    if (n == 1) return x < xp[0] ? lval : x > xp[0] ? rval : fp[0];
    int64_t j = interp_find(x, xp, n);
    if (j == -1) return lval;
    if (j == n) return rval;
    if (j == n - 1 || xp[j] == x) return fp[j];
    double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    double r = slope * (x - xp[j]) + fp[j];
    if (isnan(r)) { /* NumPy retries from the right end, then takes a flat segment's value */
        r = slope * (x - xp[j + 1]) + fp[j + 1];
        if (isnan(r) && fp[j] == fp[j + 1]) r = fp[j];
    }
    return r;
}
static Val np_interp(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("interp", "x,xp,fp|left,right,period");
    if (GIVEN(p[5])) return raise_exc(NotImplementedErrorT, "interp(period=...) is not supported by nd");
    nd_array *x = arg_nd(p[0]), *xp = x ? arg_nd(p[1]) : NULL, *fp = xp ? arg_nd(p[2]) : NULL;
    nd_array *xd = NULL, *xpd = NULL, *fpd = NULL, *r = NULL;
    if (!fp) goto done;
    if (nd_dtype_kind(nd_array_dtype(fp)) == 'c') { raise_exc(NotImplementedErrorT, "interp of complex values is not supported by nd"); goto done; }
    if (nd_ndim(xp) != 1 || nd_ndim(fp) != 1) {
        raise_exc(ValueErrorT, nd_ndim(xp) > 1 || nd_ndim(fp) > 1 ? "object too deep for desired array" : "object of too small depth for desired array");
        goto done;
    }
    int64_t n = nd_size(xp);
    if (n == 0) { raise_exc(ValueErrorT, "array of sample points is empty"); goto done; }
    if (nd_size(fp) != n) { raise_exc(ValueErrorT, "fp and xp are not of the same length."); goto done; }
    double lval, rval;
    if (!(xd = as_c(x, ND_FLOAT64)) || !(xpd = as_c(xp, ND_FLOAT64)) || !(fpd = as_c(fp, ND_FLOAT64))) goto done;
    const double *fv = nd_data(fpd), *xv = nd_data(xpd);
    lval = fv[0];
    rval = fv[n - 1];
    if ((GIVEN(p[3]) && to_double(p[3], &lval) < 0) || (GIVEN(p[4]) && to_double(p[4], &rval) < 0)) goto done;
    double *o = nd_data(xd);
    for (int64_t i = 0; i < nd_size(xd); i++) o[i] = interp_one(o[i], xv, fv, n, lval, rval);
    r = xd;
    xd = NULL;
done:
    nd_release(x);
    nd_release(xp);
    nd_release(fp);
    nd_release(xd);
    nd_release(xpd);
    nd_release(fpd);
    return r ? array_wrap0(r) : VERR;
}

/* ---------- nan_to_num, fix ---------- */
static nd_array *replace_where(nd_array *a, nd_ufunc test, int sign, double v) {
    if (!a) return NULL;
    nd_array *m = op2(test, a, NULL, 0);
    if (m && sign) { /* isinf split by sign */
        nd_array *s = op2(sign > 0 ? ND_GREATER : ND_LESS, a, nd_ck(nd_scalar(ND_F64(0), NULL)), 2);
        m = op2(ND_LOGICAL_AND, m, s, 3);
    }
    nd_array *fill = m ? nd_ck(nd_scalar(ND_F64(v), NULL)) : NULL;
    nd_array *w = fill ? nd_ck(nd_where(m, fill, a)) : NULL;
    nd_array *r = w ? nd_ck(nd_astype(w, nd_array_dtype(a), 'K', ND_CAST_UNSAFE, false)) : NULL;
    nd_release(m);
    nd_release(fill);
    nd_release(w);
    nd_release(a);
    return r;
}
static Val np_nan_to_num(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("nan_to_num", "x|copy,nan,posinf,neginf");
    bool copy = !HAS(p[1]) || val_truth(p[1]) > 0;
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    bool scalar = p[0].t != T_ARRAY;
    if (nd_dtype_kind(nd_array_dtype(a)) == 'c') { nd_release(a); return raise_exc(NotImplementedErrorT, "nan_to_num of complex values is not supported by nd"); }
    nd_array *r;
    if (!is_inexact(a)) {
        r = copy ? nd_ck(nd_copy(a, 'K')) : nd_retain(a);
    } else {
        nd_type t = nd_dtype_type(nd_array_dtype(a));
        double big = t == ND_FLOAT16 ? 65504.0 : t == ND_FLOAT32 ? (double)FLT_MAX : DBL_MAX;
        double nanv = 0, pos = big, neg = -big;
        if ((GIVEN(p[2]) && to_double(p[2], &nanv) < 0) || (GIVEN(p[3]) && to_double(p[3], &pos) < 0) ||
            (GIVEN(p[4]) && to_double(p[4], &neg) < 0)) {
            nd_release(a);
            return VERR;
        }
        r = replace_where(replace_where(replace_where(nd_retain(a), ND_ISNAN, 0, nanv), ND_ISINF, 1, pos), ND_ISINF, -1, neg);
        if (r && !copy) { /* in place, as NumPy */
            int rc = nd_copyto(a, r, ND_CAST_UNSAFE);
            nd_release(r);
            r = rc < 0 ? NULL : nd_retain(a);
            if (rc < 0) raise_nd();
        }
    }
    nd_release(a);
    if (!r) return VERR;
    if (scalar) return array_wrap0(r);
    if (!copy && r == ARR(p[0])) { nd_release(r); return incref(p[0]); }
    return mk_array(r);
}

static Val np_fix(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("fix", "x|out");
    if (GIVEN(p[1])) return raise_exc(NotImplementedErrorT, "fix(out=...) is not supported by nd");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    /* NumPy: ceil(x), then floor(x) where x >= 0 */
    nd_array *c = op2(ND_CEIL, a, NULL, 0), *f = c ? op2(ND_FLOOR, a, NULL, 0) : NULL;
    nd_array *m = f ? op2(ND_GREATER_EQUAL, a, nd_ck(nd_scalar(ND_I64(0), NULL)), 2) : NULL;
    nd_array *w = m ? nd_ck(nd_where(m, f, c)) : NULL;
    nd_array *r = w ? nd_ck(nd_astype(w, nd_array_dtype(c), 'K', ND_CAST_UNSAFE, false)) : NULL;
    nd_release(a);
    nd_release(c);
    nd_release(f);
    nd_release(m);
    nd_release(w);
    return r ? array_wrap0(r) : VERR;
}

/* ---------- delete ---------- */
/* keep[i] cleared for each index obj names along an axis of length n. */
static int mark_deleted(Val obj, int64_t n, int axis, bool *keep) {
    if (obj.t == T_SLICE) {
        int64_t a, b, st;
        if (slice_indices((OSlice *)obj.o, n, &a, &b, &st) < 0) return -1;
        for (int64_t i = a; st > 0 ? i < b : i > b; i += st) keep[i] = false;
        return 0;
    }
    nd_array *ix = arg_nd(obj);
    if (!ix) return -1;
    if (nd_dtype_type(nd_array_dtype(ix)) == ND_BOOL) {
        if (nd_ndim(ix) != 1 || nd_size(ix) != n) {
            nd_release(ix);
            raise_exc(ValueErrorT, "boolean array argument obj to delete must be one dimensional and match the axis length of %lld", (long long)n);
            return -1;
        }
        nd_array *b = as_c(ix, ND_BOOL);
        nd_release(ix);
        if (!b) return -1;
        for (int64_t i = 0; i < n; i++) if (((bool *)nd_data(b))[i]) keep[i] = false;
        nd_release(b);
        return 0;
    }
    if (!strchr("iu", nd_dtype_kind(nd_array_dtype(ix))) && nd_size(ix)) {
        nd_release(ix);
        raise_exc(IndexErrorT, "arrays used as indices must be of integer (or boolean) type");
        return -1;
    }
    nd_array *c = as_c(ix, ND_INT64);
    nd_release(ix);
    if (!c) return -1;
    const int64_t *v = nd_data(c);
    for (int64_t k = 0; k < nd_size(c); k++) {
        int64_t i = v[k] < 0 ? v[k] + n : v[k];
        if (i < 0 || i >= n) {
            raise_exc(IndexErrorT, "index %lld is out of bounds for axis %d with size %lld", (long long)v[k], axis, (long long)n);
            nd_release(c);
            return -1;
        }
        keep[i] = false;
    }
    nd_release(c);
    return 0;
}
static Val np_delete(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("delete", "arr,obj|axis");
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    int axis;
    if (!GIVEN(p[2])) {
        if (nd_ndim(a) != 1) {
            nd_array *f = nd_ck(nd_ravel(a, 'C', ND_COPY_IF_NEEDED));
            nd_release(a);
            if (!(a = f)) return VERR;
        }
        axis = nd_ndim(a) - 1;
    } else if (axis_arg(p[2], nd_ndim(a), &axis) < 0) {
        nd_release(a);
        return VERR;
    }
    if (axis < 0) { nd_release(a); return raise_exc(exc_class_by_name("AxisError"), "axis -1 is out of bounds for array of dimension 0"); }
    int64_t n = nd_shape(a)[axis];
    nd_array *mask = nd_ck(nd_ones(1, &n, nd_dtype_of(ND_BOOL), 'C'));
    nd_array *r = mask && mark_deleted(p[1], n, axis, nd_data(mask)) == 0 ? nd_ck(nd_compress(mask, a, axis)) : NULL;
    nd_release(mask);
    nd_release(a);
    return r ? mk_array(r) : VERR;
}

void np_misc_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"unravel_index", np_unravel_index}, {"indices", np_indices}, {"interp", np_interp},
        {"nan_to_num", np_nan_to_num}, {"fix", np_fix}, {"delete", np_delete}, {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}
