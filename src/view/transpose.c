/* transpose.c — views that keep the data layout but relabel axes: view,
 * transpose, swapaxes, moveaxis, squeeze, expand_dims. */
#include "nd_internal.h"

/* Short copies of dims: a plain loop beats memcpy's setup (or an inlined
 * rep movs) for the handful of elements a shape has. */
static inline void copy_dims(int64_t *dst, const int64_t *src, int n) {
    for (int i = 0; i < n; i++) dst[i] = src[i];
}

nd_array *nd_view(nd_array *a) {
    nd_array *v = nd__view_new(a, a->ndim, a->dtype);
    if (!v) return NULL;
    copy_dims(v->shape, a->shape, a->ndim);
    copy_dims(v->strides, a->strides, a->ndim);
    nd__update_flags(v);
    return v;
}

/* A view of a with axis perm[i] of a as axis i. */
static nd_array *permuted(nd_array *a, const int *perm) {
    nd_array *v = nd__view_new(a, a->ndim, a->dtype);
    if (!v) return NULL;
    for (int i = 0; i < a->ndim; i++) {
        v->shape[i] = a->shape[perm[i]];
        v->strides[i] = a->strides[perm[i]];
    }
    nd__update_flags(v);
    return v;
}

nd_array *nd_transpose(nd_array *a, const int *axes) {
    int perm[ND_MAXDIMS], nd = a->ndim;
    if (!axes) { /* reversed axes: C and F contiguity trade places, ALIGNED stays */
        nd_array *v = nd__view_new(a, nd, a->dtype);
        if (!v) return NULL;
        for (int i = 0; i < nd; i++) {
            v->shape[i] = a->shape[nd - 1 - i];
            v->strides[i] = a->strides[nd - 1 - i];
        }
        int f = a->flags;
        v->flags |= (f & ND_ALIGNED) | (f & ND_C_CONTIGUOUS ? ND_F_CONTIGUOUS : 0) |
                    (f & ND_F_CONTIGUOUS ? ND_C_CONTIGUOUS : 0);
        return v;
    }
    bool seen[ND_MAXDIMS] = {false};
    for (int i = 0; i < nd; i++) {
        int ax = axes[i];
        if (!nd__axis(&ax, nd)) return NULL;
        if (seen[ax]) {
            nd__err(ND_EVALUE, "repeated axis in transpose");
            return NULL;
        }
        seen[ax] = true;
        perm[i] = ax;
    }
    return permuted(a, perm);
}

/* Normalise an axis, prefixing NumPy's AxisError text with the argument
 * name ("axis1: axis 5 is out of bounds for array of dimension 2"). */
static bool axis_arg(int *axis, int ndim, const char *name) {
    if (*axis < -ndim || *axis >= ndim) {
        nd__err(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", name, *axis, ndim);
        return false;
    }
    if (*axis < 0) *axis += ndim;
    return true;
}

nd_array *nd_swapaxes(nd_array *a, int axis1, int axis2) {
    if (!axis_arg(&axis1, a->ndim, "axis1") || !axis_arg(&axis2, a->ndim, "axis2")) return NULL;
    int perm[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) perm[i] = i;
    perm[axis1] = axis2;
    perm[axis2] = axis1;
    return permuted(a, perm);
}

/* NumPy's normalize_axis_tuple(axes, ndim, name) into out[n]. */
static bool axis_tuple(int n, const int *axes, int ndim, const char *name, int *out) {
    bool seen[ND_MAXDIMS] = {false}, dup = false;
    for (int i = 0; i < n; i++) {
        int ax = axes[i];
        if (!axis_arg(&ax, ndim, name)) return false;
        if (seen[ax]) dup = true;
        seen[ax] = true;
        if (i < ND_MAXDIMS) out[i] = ax;
    }
    if (dup) nd__err(ND_EVALUE, "repeated axis in `%s` argument", name);
    return !dup;
}

nd_array *nd_moveaxis(nd_array *a, int n, const int *source, const int *destination) {
    int nd = a->ndim, src[ND_MAXDIMS], dst[ND_MAXDIMS], order[ND_MAXDIMS];
    if (n < 0 || (n > 0 && (!source || !destination))) {
        nd__err(ND_EVALUE, "`source` and `destination` arguments must have the same number of elements");
        return NULL;
    }
    if (!axis_tuple(n, source, nd, "source", src) || !axis_tuple(n, destination, nd, "destination", dst))
        return NULL;
    /* order = axes not in source, then each source axis inserted at its
     * destination, in increasing destination order (NumPy's algorithm). */
    bool moved[ND_MAXDIMS] = {false};
    for (int i = 0; i < n; i++) moved[src[i]] = true;
    int len = 0;
    for (int i = 0; i < nd; i++)
        if (!moved[i]) order[len++] = i;
    for (int d = 0; d < nd; d++) {
        for (int i = 0; i < n; i++) {
            if (dst[i] != d) continue;
            memmove(order + d + 1, order + d, (size_t)(len - d) * sizeof(int));
            order[d] = src[i];
            len++;
        }
    }
    return permuted(a, order);
}

nd_array *nd_squeeze(nd_array *a, int n, const int *axes) {
    int nd = a->ndim;
    bool drop[ND_MAXDIMS] = {false}, any = false;
    if (!axes) {
        for (int i = 0; i < nd; i++) any |= drop[i] = a->shape[i] == 1;
    } else {
        if (n < 0) {
            nd__err(ND_EVALUE, "invalid axis count %d", n);
            return NULL;
        }
        /* A single int axis 0 or -1 is accepted for a 0-d array (NumPy's
         * PyArray_ConvertMultiAxis special case); it selects nothing. */
        if (!(nd == 0 && n == 1 && (axes[0] == 0 || axes[0] == -1))) {
            for (int i = 0; i < n; i++) {
                int ax = axes[i];
                if (!nd__axis(&ax, nd)) return NULL;
                if (drop[ax]) {
                    nd__err(ND_EVALUE, "duplicate value in 'axis'");
                    return NULL;
                }
                drop[ax] = true;
            }
        }
        for (int i = 0; i < nd; i++) {
            if (!drop[i]) continue;
            if (a->shape[i] != 1) {
                nd__err(ND_EVALUE, "cannot select an axis to squeeze out which has size not equal to one");
                return NULL;
            }
            any = true;
        }
    }
    if (!any) return nd_retain(a); /* NumPy returns the array itself */
    int k = 0;
    for (int i = 0; i < nd; i++) k += !drop[i];
    nd_array *v = nd__view_new(a, k, a->dtype);
    if (!v) return NULL;
    for (int i = 0, j = 0; i < nd; i++) {
        if (drop[i]) continue;
        v->shape[j] = a->shape[i];
        v->strides[j] = a->strides[i];
        j++;
    }
    nd__update_flags(v);
    return v;
}

nd_array *nd_expand_dims(nd_array *a, int n, const int *axes) {
    if (n < 0 || (n > 0 && !axes)) {
        nd__err(ND_EVALUE, "invalid axis count %d", n);
        return NULL;
    }
    if (n > INT32_MAX - ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %lld", ND_MAXDIMS,
                (long long)n + a->ndim);
        return NULL;
    }
    int outnd = n + a->ndim;
    for (int i = 0; i < n; i++) {
        int ax = axes[i];
        if (!nd__axis(&ax, outnd)) return NULL;
    }
    /* Mark the new axes; past ND_MAXDIMS only the repeat check matters
     * before reshape reports the dimension limit, so use the heap there. */
    bool small[ND_MAXDIMS] = {false}, *isnew = small;
    if (outnd > ND_MAXDIMS && !(isnew = nd__calloc((size_t)outnd, 1))) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    bool dup = false;
    for (int i = 0; i < n; i++) {
        int ax = axes[i] < 0 ? axes[i] + outnd : axes[i];
        if (isnew[ax]) dup = true;
        isnew[ax] = true;
    }
    if (isnew != small) nd__free_mem(isnew);
    if (dup) {
        nd__err(ND_EVALUE, "repeated axis");
        return NULL;
    }
    if (outnd > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, outnd);
        return NULL;
    }
    int64_t shape[ND_MAXDIMS];
    for (int i = 0, j = 0; i < outnd; i++) shape[i] = isnew[i] ? 1 : a->shape[j++];
    /* NumPy implements expand_dims as a reshape; inserting size-1 axes
     * never needs a copy, so this is always a view. */
    return nd_reshape(a, outnd, shape, 'C', ND_COPY_IF_NEEDED);
}

nd_array *nd_prepend_dims(nd_array *a, int ndmin) {
    if (ndmin > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=%d)", ND_MAXDIMS);
        return NULL;
    }
    if (ndmin <= a->ndim) return nd_retain(a);
    int k = ndmin - a->ndim;
    nd_array *v = nd__view_new(a, ndmin, a->dtype);
    if (!v) return NULL;
    /* The new axes' stride, as NumPy's _prepend_ones leaves it. */
    bool fortran_only = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS);
    int64_t st = a->ndim && !fortran_only ? a->shape[0] * a->strides[0] : a->dtype->itemsize;
    for (int i = 0; i < ndmin; i++) {
        v->shape[i] = i < k ? 1 : a->shape[i - k];
        v->strides[i] = i < k ? st : a->strides[i - k];
    }
    nd__update_flags(v);
    return v;
}
