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
    int alloc_ndim = nd__header_alloc_ndim(a);
    int64_t *out = a->dims, *old = a->shape != a->dims ? a->shape : NULL;
    if (!fits_inline(alloc_ndim, ndim)) {
        out = nd__malloc(2 * (size_t)ndim * sizeof(int64_t));
        if (!out) {
            nd_release(v);
            return ND_ENOMEM;
        }
    }
    /* From here on nothing fails.  v's dims are copied out before the
     * inline block is written (v is a separate header, so no overlap). */
    for (int i = 0; i < ndim; i++) {
        out[i] = v->shape[i];
        out[ndim + i] = v->strides[i];
    }
    nd_release(v);
    a->ndim = ndim;
    a->shape = out;
    a->strides = out + ndim;
    if (out != a->dims) a->dims[0] = alloc_ndim; /* the block's own dims are unused but this */
    nd__free_mem(old);
    nd__update_flags(a);
    return 0;
}
