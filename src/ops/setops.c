/* setops.c — unique, following NumPy 1.24's _unique1d step for step:
 * flatten, sort (argsort 'mergesort' when indices are wanted, 'quicksort'
 * otherwise, so the first of equal values kept is NumPy's), mask the first
 * of each run with !=, and with equal_nan fold trailing NaNs into one.
 * Records sort by VOID_compare and split runs with the field-by-field !=
 * (so -0.0 and 0.0 fields match, NaN fields never do). */
#include "nd_internal.h"

#include <math.h>

static bool is_nan(nd_value v, char kind) {
    if (kind == 'f') return isnan(v.f);
    if (kind == 'c') return isnan(v.c[0]) || isnan(v.c[1]);
    return false;
}

/* NumPy's not_equal on two values of one dtype. */
static bool differ(nd_value x, nd_value y, char kind) {
    switch (kind) {
    case 'b': return x.b != y.b;
    case 'i': return x.i != y.i;
    case 'u': return x.u != y.u;
    case 'f': return x.f != y.f;
    default: return x.c[0] != y.c[0] || x.c[1] != y.c[1];
    }
}

/* The mask of first elements of runs of the sorted aux. */
static void run_mask(const nd_array *aux, bool equal_nan, bool *mask) {
    const nd_dtype *dt = aux->dtype;
    int64_t n = aux->shape[0], isz = dt->itemsize, end = n;
    const char *p = aux->data;
    if (n == 0) return;
    mask[0] = true;
    if (nd__is_void(dt)) { /* aux[1:] != aux[:-1] field by field; equal_nan is for kinds 'cfmM' only */
        for (int64_t i = 1; i < n; i++) mask[i] = nd__record_differ(dt, p + i * isz, p + (i - 1) * isz);
        return;
    }
    if (equal_nan && is_nan(nd__load(dt, p + (n - 1) * isz), dt->kind)) {
        /* searchsorted(aux, aux[-1]) (floats) or searchsorted(isnan(aux),
         * True) (complex): both find the first NaN by bisection. */
        int64_t lo = 0, hi = n;
        while (lo < hi) {
            int64_t mid = lo + ((hi - lo) >> 1);
            if (!is_nan(nd__load(dt, p + mid * isz), dt->kind)) lo = mid + 1;
            else hi = mid;
        }
        end = lo;
        for (int64_t i = lo; i < n; i++) mask[i] = i == lo;
    }
    for (int64_t i = 1; i < end; i++)
        mask[i] = differ(nd__load(dt, p + i * isz), nd__load(dt, p + (i - 1) * isz), dt->kind);
}

static nd_array *new_i64(int64_t n) { return nd__alloc_array(1, &n, nd_dtype_of(ND_INT64), 'C'); }

nd_array *nd_unique(const nd_array *a, int flags, nd_array **index, nd_array **inverse, nd_array **counts) {
    bool want_idx = flags & ND_UNIQUE_INDEX, want_inv = flags & ND_UNIQUE_INVERSE, want_cnt = flags & ND_UNIQUE_COUNTS;
    nd_array *flat = nd_flatten(a, 'C'), *perm = NULL, *aux = NULL, *vals = NULL, *idx = NULL, *inv = NULL,
             *cnt = NULL;
    bool *mask = NULL;
    if (!flat) return NULL;
    int64_t n = flat->shape[0], isz = flat->dtype->itemsize, u = 0;
    if (want_idx || want_inv) {
        perm = nd_argsort(flat, 0, want_idx ? "mergesort" : "quicksort");
        aux = perm ? nd__alloc_array(1, &n, flat->dtype, 'C') : NULL;
        if (!aux) goto fail;
        const int64_t *pp = (const int64_t *)perm->data;
        for (int64_t i = 0; i < n; i++) memcpy(aux->data + i * isz, flat->data + pp[i] * isz, (size_t)isz);
    } else {
        if (nd_sort_inplace(flat, 0, "quicksort") < 0) goto fail;
        aux = nd_retain(flat);
    }
    mask = nd__malloc((size_t)(n ? n : 1));
    if (!mask) goto fail;
    run_mask(aux, !(flags & ND_UNIQUE_NAN_DISTINCT), mask);
    for (int64_t i = 0; i < n; i++) u += mask[i];
    vals = nd__alloc_array(1, &u, flat->dtype, 'C');
    if (!vals || (want_idx && !(idx = new_i64(u))) || (want_inv && !(inv = new_i64(n))) ||
        (want_cnt && !(cnt = new_i64(u))))
        goto fail;
    const int64_t *pp = perm ? (const int64_t *)perm->data : NULL;
    int64_t k = -1, last = 0;
    for (int64_t i = 0; i < n; i++) {
        if (mask[i]) {
            k++;
            memcpy(vals->data + k * isz, aux->data + i * isz, (size_t)isz);
            if (idx) ((int64_t *)idx->data)[k] = pp[i];
            if (cnt && k > 0) ((int64_t *)cnt->data)[k - 1] = i - last;
            last = i;
        }
        if (inv) ((int64_t *)inv->data)[pp[i]] = k;
    }
    if (cnt && u > 0) ((int64_t *)cnt->data)[u - 1] = n - last;
    nd__free_mem(mask);
    nd_release(flat);
    nd_release(perm);
    nd_release(aux);
    if (want_idx) *index = idx;
    if (want_inv) *inverse = inv;
    if (want_cnt) *counts = cnt;
    return vals;
fail:
    nd__free_mem(mask);
    nd_release(flat);
    nd_release(perm);
    nd_release(aux);
    nd_release(vals);
    nd_release(idx);
    nd_release(inv);
    nd_release(cnt);
    return NULL;
}
