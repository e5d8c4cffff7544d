/* frombuffer.c — NumPy's frombuffer: a zero-copy 1-d array over caller memory. */
#include "io.h"

/* The checks and messages follow PyArray_FromBuffer, in its order. */
static int check(size_t len, int64_t itemsize, int64_t *count, int64_t offset) {
    if (len > INT64_MAX) return nd__err(ND_EVALUE, "buffer is too large");
    int64_t ts = (int64_t)len;
    if (offset < 0 || offset > ts)
        return nd__err(ND_EVALUE, "offset must be non-negative and no greater than buffer length (%lld)",
                       (long long)ts);
    int64_t s = ts - offset, need;
    if (*count < 0) {
        if (s % itemsize != 0) return nd__err(ND_EVALUE, "buffer size must be a multiple of element size");
        *count = s / itemsize;
    } else if (__builtin_mul_overflow(*count, itemsize, &need) || s < need) {
        return nd__err(ND_EVALUE, "buffer is smaller than requested size");
    }
    return 0;
}

nd_array *nd_frombuffer(void *ptr, size_t len, bool readonly, const nd_dtype *dt, int64_t count, int64_t offset,
                        nd_release_fn release, void *ctx) {
    if (ND_UNLIKELY(check(len, dt->itemsize, &count, offset) < 0)) return NULL;
    nd_array *a = nd__header_new(1);
    if (!a) return NULL;
    a->buf = nd_buf_wrap(ptr, len, readonly, release, ctx);
    if (!a->buf) {
        nd__free_mem(a);
        return NULL;
    }
    a->dtype = nd_dtype_retain(dt);
    a->data = offset ? (char *)ptr + offset : ptr; // NULL + 0 is UB in C
    a->shape[0] = count;
    a->strides[0] = dt->itemsize;
    /* A 1-d run of whole items is always both C and F contiguous; only the
     * alignment depends on where it starts. */
    int f = ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | (readonly ? 0 : ND_WRITEABLE);
    if (count == 0 || ((uintptr_t)a->data % (uintptr_t)dt->alignment) == 0) f |= ND_ALIGNED;
    a->flags = f;
    return a;
}
