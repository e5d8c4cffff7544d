/* stride_tricks.c — as_strided, broadcast_to, sliding_window_view: views
 * with arbitrary (possibly zero or overlapping) strides. */
#include "nd_internal.h"

#include <stdio.h>

/* Short copies of dims: a plain loop beats memcpy's setup (or an inlined
 * rep movs) for the handful of elements a shape has. */
static inline void copy_dims(int64_t *dst, const int64_t *src, int n) {
    for (int i = 0; i < n; i++) dst[i] = src[i];
}

/* NumPy's as_strided goes through __array_interface__: a C-contiguous
 * array exports no strides (so the new shape gets C strides), any other
 * exports its own, whose length must then match the shape. */
static nd_array *strided_view(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) {
    if (ndim < 0 || ndim > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "number of dimensions must be within [0, %d]", ND_MAXDIMS);
        return NULL;
    }
    int64_t size;
    if (!shape) {
        shape = a->shape;
        if (strides && ndim != a->ndim) goto mismatch;
        ndim = a->ndim;
    }
    if (!nd__checked_size(ndim, shape, a->dtype->itemsize, &size)) return NULL;
    nd_array *v;
    if (strides || !(a->flags & ND_C_CONTIGUOUS)) {
        if (!strides) {
            if (ndim != a->ndim) goto mismatch;
            strides = a->strides;
        }
        if (!(v = nd__view_new(a, ndim, a->dtype))) return NULL;
        copy_dims(v->strides, strides, ndim);
    } else {
        if (!(v = nd__view_new(a, ndim, a->dtype))) return NULL;
        nd__c_strides(ndim, shape, a->dtype->itemsize, v->strides);
    }
    copy_dims(v->shape, shape, ndim);
    nd__make_foreign_root(v); /* base is a DummyArray in NumPy */
    nd__update_flags(v);
    return v;
mismatch:
    nd__err(ND_EVALUE, "mismatch in length of strides and shape");
    return NULL;
}

nd_array *nd_as_strided(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) {
    return strided_view(a, ndim, shape, strides);
}

/* True when every byte of every element of v lies in [lo, hi). */
static bool inside(const nd_array *v, uintptr_t lo, uintptr_t hi) {
    __int128 first = 0, last = 0;
    for (int i = 0; i < v->ndim; i++) {
        if (v->shape[i] == 0) return true; /* no elements, no bytes */
        __int128 span = (__int128)(v->shape[i] - 1) * v->strides[i];
        if (span < 0)
            first += span;
        else
            last += span;
    }
    __int128 p = (__int128)(uintptr_t)v->data;
    return p + first >= (__int128)lo && p + last + v->dtype->itemsize <= (__int128)hi;
}

nd_array *nd_as_strided_checked(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) {
    nd_array *v = strided_view(a, ndim, shape, strides);
    if (!v) return NULL;
    const nd_buf *b = nd__buf(a);
    uintptr_t lo = (uintptr_t)b->ptr;
    if (!inside(v, lo, lo + b->size)) {
        nd_release(v);
        nd__err(ND_EVALUE, "as_strided: the requested view reaches outside the array's memory (%zu bytes)",
                b->size);
        return NULL;
    }
    return v;
}

/* NumPy's convert_shape_to_string for non-negative dims: "(3,)", "(2,3)". */
static void fmt_dims(char *out, size_t cap, int n, const int64_t *v) {
    size_t k = 0;
    k += (size_t)snprintf(out, cap, "(");
    for (int i = 0; i < n; i++)
        k += (size_t)snprintf(out + k, k < cap ? cap - k : 0, i ? ",%lld" : "%lld", (long long)v[i]);
    snprintf(out + k, k < cap ? cap - k : 0, n == 1 ? ",)" : ")");
}

/* The checks np.broadcast_to makes in Python, then those of the nditer
 * it builds (dimension limit, broadcasting, iterator size). */
static int broadcast_check(const nd_array *a, int ndim, const int64_t *shape) {
    if (ndim < 0 || (ndim > 0 && !shape)) return nd__err(ND_EVALUE, "invalid broadcast shape");
    if (ndim == 0 && a->ndim > 0) return nd__err(ND_EVALUE, "cannot broadcast a non-scalar to a scalar array");
    for (int i = 0; i < ndim; i++)
        if (shape[i] < 0) return nd__err(ND_EVALUE, "all elements of broadcast shape must be non-negative");
    if (ndim > ND_MAXDIMS)
        return nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, ndim);
    if (a->ndim > ndim)
        return nd__err(ND_EVALUE, "input operand has more dimensions than allowed by the axis remapping");
    int off = ndim - a->ndim;
    for (int j = 0; j < a->ndim; j++) {
        if (a->shape[j] != 1 && a->shape[j] != shape[j + off]) {
            char s1[ND_MAXDIMS * 24 + 8], s2[ND_MAXDIMS * 24 + 8];
            fmt_dims(s1, sizeof s1, a->ndim, a->shape);
            fmt_dims(s2, sizeof s2, ndim, shape);
            return nd__err(ND_EVALUE,
                           "operands could not be broadcast together with remapped shapes "
                           "[original->remapped]: %s  and requested shape %s",
                           s1, s2);
        }
    }
    int64_t n = 1;
    for (int i = 0; i < ndim; i++)
        if (__builtin_mul_overflow(n, shape[i], &n)) return nd__err(ND_EVALUE, "iterator is too large");
    int64_t size;
    if (!nd__checked_size(ndim, shape, a->dtype->itemsize, &size)) return ND_EVALUE;
    return 0;
}

nd_array *nd_broadcast_to(nd_array *a, int ndim, const int64_t *shape) {
    if (broadcast_check(a, ndim, shape)) return NULL;
    nd_array *v = nd__view_new(a, ndim, a->dtype);
    if (!v) return NULL;
    int off = ndim - a->ndim;
    for (int i = 0; i < ndim; i++) {
        int j = i - off;
        v->shape[i] = shape[i];
        /* The iterator gives every length-1 source axis stride 0. */
        v->strides[i] = j < 0 || a->shape[j] == 1 ? 0 : a->strides[j];
    }
    v->flags &= ~ND_WRITEABLE;
    nd__update_flags(v);
    return v;
}

nd_array *nd_sliding_window_view(nd_array *a, int n, const int64_t *window_shape, const int *axes, bool writeable) {
    int nd = a->ndim;
    if (n < 0 || (n > 0 && !window_shape)) {
        nd__err(ND_EVALUE, "invalid window count %d", n);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (window_shape[i] < 0) {
            nd__err(ND_EVALUE, "`window_shape` cannot contain negative values");
            return NULL;
        }
    }
    if (!axes && n != nd) {
        nd__err(ND_EVALUE,
                "Since axis is `None`, must provide window_shape for all dimensions of `x`; got %d window_shape "
                "elements and `x.ndim` is %d.",
                n, nd);
        return NULL;
    }
    int64_t trimmed[ND_MAXDIMS];
    copy_dims(trimmed, a->shape, nd);
    for (int i = 0; i < n; i++) { /* all axes are checked before any window */
        int ax = axes ? axes[i] : i;
        if (!nd__axis(&ax, nd)) return NULL;
    }
    for (int i = 0; i < n; i++) { /* the same axis may be windowed again */
        int ax = axes ? (axes[i] < 0 ? axes[i] + nd : axes[i]) : i;
        if (trimmed[ax] < window_shape[i]) {
            nd__err(ND_EVALUE, "window shape cannot be larger than input array shape");
            return NULL;
        }
        trimmed[ax] -= window_shape[i] - 1;
    }
    if (nd + n > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "number of dimensions must be within [0, %d]", ND_MAXDIMS);
        return NULL;
    }
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    copy_dims(shape, trimmed, nd);
    copy_dims(strides, a->strides, nd);
    for (int i = 0; i < n; i++) {
        int ax = axes ? (axes[i] < 0 ? axes[i] + nd : axes[i]) : i;
        shape[nd + i] = window_shape[i];
        strides[nd + i] = a->strides[ax];
    }
    nd_array *v = strided_view(a, nd + n, shape, strides);
    if (v && !writeable) v->flags &= ~ND_WRITEABLE;
    return v;
}
