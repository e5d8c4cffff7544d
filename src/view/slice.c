/* slice.c — basic indexing: integers, slices, Ellipsis and newaxis, as
 * NumPy's prepare_index + get_view_from_index. */
#include "nd_internal.h"

/* Wrapping multiply: NumPy computes stride*step in C, where huge steps
 * wrap (a[::2**62] has stride 0); doing it unsigned keeps that without UB. */
static inline int64_t mulw(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }

/* Python's PySlice_Unpack + PySlice_AdjustIndices: omitted bounds become
 * the ends for the step's direction, then both are clamped into the axis.
 * Returns the number of steps. */
static inline __attribute__((always_inline)) int64_t slice_indices(int64_t len, const nd_idx *s, int64_t *start,
                                                                   int64_t *step) {
    int64_t st = s->step == ND_NONE ? 1 : s->step;
    int64_t b = s->start, e = s->stop;
    if (b == ND_NONE) b = st < 0 ? INT64_MAX : 0;
    if (e == ND_NONE) e = st < 0 ? INT64_MIN : INT64_MAX;
    if (b < 0) {
        b += len;
        if (b < 0) b = st < 0 ? -1 : 0;
    } else if (b >= len) {
        b = st < 0 ? len - 1 : len;
    }
    if (e < 0) {
        e += len;
        if (e < 0) e = st < 0 ? -1 : 0;
    } else if (e >= len) {
        e = st < 0 ? len - 1 : len;
    }
    *start = b;
    *step = st;
    if (st == 1) return b < e ? e - b : 0; /* the common cases, without a division */
    if (st == -1) return e < b ? b - e : 0;
    if (st < 0) return e < b ? (b - e - 1) / -st + 1 : 0;
    return b < e ? (e - b - 1) / st + 1 : 0;
}

/* The checks NumPy makes before touching the array (prepare_index): index
 * kinds, a single ellipsis, not more indexed dims than the array has, and
 * a result of at most ND_MAXDIMS dims.  Sets *out_nd. */
static int prepare(const nd_array *a, int n, const nd_idx *idx, int *out_nd, int *out_rest) {
    if (n < 0 || (n > 0 && !idx)) return nd__err(ND_EVALUE, "invalid index count %d", n);
    if (n > 2 * ND_MAXDIMS) return nd__err(ND_EINDEX, "too many indices for array");
    int used = 0, newnd = 0;
    bool ell = false, newaxis = false;
    for (int i = 0; i < n; i++) {
        switch (idx[i].kind) {
        case ND_IDX_INT: used++; break;
        case ND_IDX_SLICE:
            used++;
            newnd++;
            break;
        case ND_IDX_NEWAXIS:
            newnd++;
            newaxis = true;
            break;
        case ND_IDX_ELLIPSIS:
            if (ell) return nd__err(ND_EINDEX, "an index can only have a single ellipsis ('...')");
            ell = true;
            break;
        case ND_IDX_ARRAY:
            return nd__err(ND_EVALUE, "nd_subscript does basic indexing only; index arrays need nd_getitem");
        default: return nd__err(ND_EVALUE, "invalid index kind %d", (int)idx[i].kind);
        }
    }
    if (used > a->ndim)
        return nd__err(ND_EINDEX, "too many indices for array: array is %d-dimensional, but %d were indexed", a->ndim,
                       used);
    newnd += a->ndim - used;
    if (newaxis && newnd > ND_MAXDIMS)
        return nd__err(ND_EINDEX, "number of dimensions must be within [0, %d], indexing result would have %d",
                       ND_MAXDIMS, newnd);
    *out_nd = newnd;
    *out_rest = a->ndim - used;
    return 0;
}

/* Dims od.. of a copied unchanged into v from vd on (an ellipsis). */
static inline void keep_dims(const nd_array *a, int od, nd_array *v, int vd, int count) {
    for (int k = 0; k < count; k++) {
        v->shape[vd + k] = a->shape[od + k];
        v->strides[vd + k] = a->strides[od + k];
    }
}

/* Apply one int or slice term to axis od of a: advance *data and, for a
 * slice, fill dim vd of v (NumPy's get_view_from_index). */
static inline int take(const nd_array *a, int od, const nd_idx *t, nd_array *v, int vd, char **data) {
    int64_t len = a->shape[od];
    if (t->kind == ND_IDX_INT) {
        int64_t k = t->start;
        if (k < -len || k >= len)
            return nd__err(ND_EINDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)k, od,
                           (long long)len);
        *data += mulw(k < 0 ? k + len : k, a->strides[od]);
        return 0;
    }
    if (t->step == 0) return nd__err(ND_EVALUE, "slice step cannot be zero");
    int64_t start, step, cnt = slice_indices(len, t, &start, &step);
    if (cnt <= 0) { /* NumPy points an empty slice at its start */
        cnt = 0;
        step = 1;
        start = 0;
    }
    *data += mulw(start, a->strides[od]);
    v->shape[vd] = cnt;
    v->strides[vd] = mulw(a->strides[od], step);
    return 0;
}

/* The common index: only ints and slices, no more than a has dims, so
 * prepare() has nothing to check.  Its own loop keeps the data pointer and
 * counters in registers (this VM's store-to-load forwarding is slow enough
 * that the general path's bookkeeping showed in the view benchmark). */
static nd_array *subscript_simple(nd_array *a, int n, const nd_idx *idx, int nslices) {
    nd_array *v = nd__view_new(a, nslices + a->ndim - n, a->dtype);
    if (!v) return NULL;
    char *data = a->data;
    int vd = 0;
    for (int i = 0; i < n; i++) {
        bool slice = idx[i].kind == ND_IDX_SLICE;
        if (take(a, i, &idx[i], v, vd, &data)) {
            nd_release(v);
            return NULL;
        }
        vd += slice;
    }
    keep_dims(a, n, v, vd, a->ndim - n);
    v->data = data;
    nd__update_flags(v);
    return v;
}

/* a[start:stop:step] of a 1-d array, the commonest view, all in registers. */
static nd_array *slice_1d(nd_array *a, const nd_idx *t) {
    if (t->step == 0) {
        nd__err(ND_EVALUE, "slice step cannot be zero");
        return NULL;
    }
    int64_t start, step, cnt = slice_indices(a->shape[0], t, &start, &step);
    if (cnt <= 0) { /* NumPy points an empty slice at its start */
        cnt = 0;
        step = 1;
        start = 0;
    }
    nd_array *v = nd__view_new(a, 1, a->dtype);
    if (!v) return NULL;
    int64_t st = mulw(a->strides[0], step);
    char *data = a->data + mulw(start, a->strides[0]);
    v->shape[0] = cnt;
    v->strides[0] = st;
    v->data = data;
    nd__flags_1d(v, cnt, st, data);
    return v;
}

nd_array *nd_subscript(nd_array *a, int n, const nd_idx *idx) {
    if (n == 1 && a->ndim == 1 && idx && idx->kind == ND_IDX_SLICE) return slice_1d(a, idx);
    if (n >= 0 && n <= a->ndim && idx) {
        int nslices = 0, i = 0;
        for (; i < n; i++) {
            if (idx[i].kind == ND_IDX_SLICE) nslices++;
            else if (idx[i].kind != ND_IDX_INT) break;
        }
        if (i == n) return subscript_simple(a, n, idx, nslices);
    }
    int newnd = 0, rest = 0; /* rest: dims no int or slice claims */
    if (prepare(a, n, idx, &newnd, &rest)) return NULL;
    nd_array *v = nd__view_new(a, newnd, a->dtype);
    if (!v) return NULL;
    char *data = a->data;
    int od = 0, vd = 0;
    bool ell = false;
    for (int i = 0; i < n; i++) {
        switch (idx[i].kind) {
        case ND_IDX_INT:
            if (take(a, od++, &idx[i], v, vd, &data)) goto fail;
            break;
        case ND_IDX_SLICE:
            if (take(a, od++, &idx[i], v, vd++, &data)) goto fail;
            break;
        case ND_IDX_NEWAXIS:
            v->shape[vd] = 1;
            v->strides[vd++] = 0;
            break;
        default: /* ND_IDX_ELLIPSIS */
            ell = true;
            keep_dims(a, od, v, vd, rest);
            od += rest;
            vd += rest;
            break;
        }
    }
    if (!ell) keep_dims(a, od, v, vd, rest); /* a short index ends with an implied ellipsis */
    v->data = data;
    nd__update_flags(v);
    return v;
fail:
    nd_release(v);
    return NULL;
}
