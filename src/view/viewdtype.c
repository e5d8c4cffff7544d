/* viewdtype.c — a.view(dtype): the same bytes read as another dtype. */
#include "nd_internal.h"

/* Short copies of dims: a plain loop beats memcpy's setup (or an inlined
 * rep movs) for the handful of elements a shape has. */
static inline void copy_dims(int64_t *dst, const int64_t *src, int n) {
    for (int i = 0; i < n; i++) dst[i] = src[i];
}

/* A sub-array dtype of the same itemsize: its dims are appended, C-ordered
 * inside each old element. */
static nd_array *view_subarray(nd_array *a, const nd_dtype *dt) {
    int nd = a->ndim, extra = dt->sub_ndim;
    if (dt->itemsize != a->dtype->itemsize) {
        nd__err(ND_EVALUE, "Changing the dtype to a subarray type is only supported if the total itemsize is unchanged");
        return NULL;
    }
    if (nd + extra > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, nd + extra);
        return NULL;
    }
    nd_array *v = nd__view_new(a, nd + extra, dt->base);
    if (!v) return NULL;
    copy_dims(v->shape, a->shape, nd);
    copy_dims(v->strides, a->strides, nd);
    int64_t st = dt->base->itemsize;
    for (int k = extra - 1; k >= 0; k--) {
        v->shape[nd + k] = dt->sub_shape[k];
        v->strides[nd + k] = st;
        st *= dt->sub_shape[k];
    }
    nd__update_flags(v);
    return v;
}

/* q = a / b when b divides a: a shift for the usual power-of-two itemsizes
 * (a 64-bit division costs more than the rest of a view). */
static inline bool divides(int64_t a, int64_t b, int64_t *q) {
    if ((b & (b - 1)) == 0) {
        *q = a >> __builtin_ctzll((unsigned long long)b);
        return (a & (b - 1)) == 0;
    }
    *q = a / b;
    return a % b == 0;
}

/* NumPy 1.24's array_descr_set: a different itemsize rescales only the
 * last axis, which must be contiguous unless it has length one or the
 * array is empty.  Misaligned results are allowed (ALIGNED is recomputed). */
nd_array *nd_view_dtype(nd_array *a, const nd_dtype *dt) {
    if (!dt) { /* e.g. a failed nd_dtype_parse passed straight in */
        nd__err(ND_EVALUE, "nd_view_dtype: dtype is NULL");
        return NULL;
    }
    int nd = a->ndim;
    int64_t olds = a->dtype->itemsize, news = dt->itemsize, last = 0;
    if (dt->base) return view_subarray(a, dt);
    if (news != olds) {
        if (nd == 0) {
            nd__err(ND_EVALUE, "Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
            return NULL;
        }
        int ax = nd - 1;
        if (a->shape[ax] != 1 && a->strides[ax] != olds && nd_size(a) != 0) {
            nd__err(ND_EVALUE, "To change to a dtype of a different size, the last axis must be contiguous");
            return NULL;
        }
        if (news < olds) {
            int64_t ratio;
            if (news == 0 || !divides(olds, news, &ratio)) {
                nd__err(ND_EVALUE,
                        "When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
                return NULL;
            }
            if (__builtin_mul_overflow(a->shape[ax], ratio, &last)) goto big;
        } else {
            int64_t bytes;
            if (__builtin_mul_overflow(a->shape[ax], olds, &bytes)) goto big;
            if (!divides(bytes, news, &last)) {
                nd__err(ND_EVALUE, "When changing to a larger dtype, its size must be a divisor of the total size in "
                                   "bytes of the last axis of the array.");
                return NULL;
            }
        }
    }
    nd_array *v = nd__view_new(a, nd, dt);
    if (!v) return NULL;
    copy_dims(v->shape, a->shape, nd);
    copy_dims(v->strides, a->strides, nd);
    if (news != olds) {
        v->shape[nd - 1] = last;
        v->strides[nd - 1] = news;
    }
    nd__update_flags(v);
    return v;
big:
    nd__err(ND_EVALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    return NULL;
}
