/* setshape.c — NumPy's `a.shape = s`: the array's own header takes the
 * shape and strides of a no-copy C-order reshape (array_shape_set). */
#include "nd_internal.h"

/* Can a header whose block was allocated for alloc_ndim dims hold ndim
 * dims in place, leaving nd__header_free's size for it right?  Blocks for
 * up to ND__HDR_NDIM dims all have room for that many (nd__hdr_alloc);
 * larger ones are sized exactly. */
static bool fits_inline(int alloc_ndim, int ndim) {
    return alloc_ndim <= ND__HDR_NDIM ? ndim <= ND__HDR_NDIM : ndim == alloc_ndim;
}

/* Give a's header ndim dims (shape, strides); fails only for memory,
 * leaving a as it was. */
static int install_dims(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) {
    int alloc_ndim = nd__header_alloc_ndim(a);
    int64_t *out = a->dims, *old = a->shape != a->dims ? a->shape : NULL;
    if (!fits_inline(alloc_ndim, ndim)) {
        out = nd__malloc(2 * (size_t)(ndim ? ndim : 1) * sizeof(int64_t));
        if (!out) return ND_ENOMEM;
    }
    /* shape/strides never point into a's own block here (callers pass
     * another header's dims or their own arrays), so no overlap. */
    for (int i = 0; i < ndim; i++) {
        out[i] = shape[i];
        out[ndim + i] = strides[i];
    }
    a->ndim = ndim;
    a->shape = out;
    a->strides = out + ndim;
    if (out != a->dims) a->dims[0] = alloc_ndim; /* the block's own dims are unused but this */
    nd__free_mem(old);
    nd__update_flags(a);
    return 0;
}

int nd_set_shape(nd_array *a, int ndim, const int64_t *shape) {
    /* nd_reshape has NumPy's checks, messages and no-copy rule; its view
     * carries the shape and strides a's header takes over. */
    nd_array *v = nd_reshape(a, ndim, shape, 'C', ND_COPY_NEVER);
    if (!v) {
        if (nd_errcode() == ND_ECOPY)
            return nd__err(ND_EATTR, "Incompatible shape for in-place modification. Use `.reshape()` to make a "
                                     "copy with the desired shape.");
        return nd_errcode();
    }
    int rc = install_dims(a, ndim, v->shape, v->strides);
    nd_release(v);
    return rc;
}

/* NumPy's PyArray_Resize: a single-segment array takes the new shape,
 * laid out in its own order; when the size changes the data is
 * reallocated (an owner referenced by nothing else: NumPy's refcheck=False
 * would leave views reading freed memory, so nd always checks), its bytes
 * kept and the new ones zero. */
int nd_resize(nd_array *a, int ndim, const int64_t *shape) {
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, ndim);
    int64_t newsize, isz = a->dtype->itemsize;
    for (int i = 0; i < ndim; i++)
        if (shape[i] < 0) return nd__err(ND_EVALUE, "negative dimensions not allowed");
    if (!nd__checked_size(ndim, shape, isz, &newsize)) return nd_errcode();
    if (!(a->flags & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS)))
        return nd__err(ND_EVALUE, "resize only works on single-segment arrays");
    int64_t oldsize = nd_size(a), strides[ND_MAXDIMS];
    bool fort = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS);
    if (fort) nd__f_strides(ndim, shape, isz, strides);
    else nd__c_strides(ndim, shape, isz, strides);
    nd_buf *nb = NULL;
    if (oldsize != newsize) {
        if (!(a->flags & ND_OWNDATA)) return nd__err(ND_EVALUE, "cannot resize this array: it does not own its data");
        if (nd_refcount(a) > 1 || atomic_load(&a->buf->refcnt) > 1)
            return nd__err(ND_EVALUE, "cannot resize an array that references or is referenced\nby another array in "
                                      "this way.\nUse the np.resize function or refcheck=False");
        nb = nd__buf_alloc_zeroed((size_t)(newsize ? newsize * isz : isz));
        if (!nb) return nd_errcode();
    }
    if (install_dims(a, ndim, shape, strides) < 0) {
        if (nb) nd_buf_release(nb);
        return ND_ENOMEM;
    }
    if (nb) {
        int64_t keep = (oldsize < newsize ? oldsize : newsize) * isz;
        memcpy(nb->ptr, a->data, (size_t)keep);
        nd__count_copy((uint64_t)keep);
        nd_buf_release(a->buf);
        a->buf = nb;
        a->data = nb->ptr;
        nd__update_flags(a);
    }
    return 0;
}
