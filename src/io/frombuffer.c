/* frombuffer.c — NumPy's frombuffer: a zero-copy 1-d array over caller memory.
 *
 * The call is O(1) and on the hot path of code that wraps many small
 * buffers, so it avoids divisions where it can: every builtin itemsize and
 * every alignment is a power of two. */
#include "io.h"

/* s / isz, or -1 when isz does not divide s. */
static inline int64_t whole_items(int64_t s, int64_t isz) {
    if (ND_LIKELY((isz & (isz - 1)) == 0)) {
        if (s & (isz - 1)) return -1;
        return s >> __builtin_ctzll((unsigned long long)isz);
    }
    return s % isz ? -1 : s / isz;
}

/* The checks and messages follow PyArray_FromBuffer, in its order. */
static int check(size_t len, int64_t itemsize, int64_t *count, int64_t offset) {
    if (itemsize == 0) return nd__err(ND_EVALUE, "itemsize cannot be zero in type");
    if (len > INT64_MAX) return nd__err(ND_EVALUE, "buffer is too large");
    int64_t ts = (int64_t)len;
    if (offset < 0 || offset > ts)
        return nd__err(ND_EVALUE, "offset must be non-negative and no greater than buffer length (%lld)",
                       (long long)ts);
    int64_t s = ts - offset, need;
    if (*count < 0) {
        *count = whole_items(s, itemsize);
        if (*count < 0) return nd__err(ND_EVALUE, "buffer size must be a multiple of element size");
    } else if (__builtin_mul_overflow(*count, itemsize, &need) || s < need) {
        return nd__err(ND_EVALUE, "buffer is smaller than requested size");
    }
    return 0;
}

nd_array *nd_frombuffer(void *ptr, size_t len, bool readonly, const nd_dtype *dt, int64_t count, int64_t offset,
                        nd_release_fn release, void *ctx) {
    if (ND_UNLIKELY(check(len, dt->itemsize, &count, offset) < 0)) return NULL;
    nd_array *a = nd__header_new(1);
    if (ND_UNLIKELY(!a)) return NULL;
    a->buf = nd_buf_wrap(ptr, len, readonly, release, ctx);
    if (ND_UNLIKELY(!a->buf)) {
        nd_release(a);
        return NULL;
    }
    a->dtype = nd_dtype_retain(dt);
    a->data = offset ? (char *)ptr + offset : ptr; // NULL + 0 is UB in C
    a->shape[0] = count;
    a->strides[0] = dt->itemsize;
    /* A 1-d run of whole items is always both C and F contiguous; only the
     * alignment depends on where it starts. */
    int f = ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | (readonly ? 0 : ND_WRITEABLE);
    int64_t al = dt->alignment;
    if (count == 0 || al <= 1 || ((uintptr_t)a->data & (uintptr_t)(al - 1)) == 0) f |= ND_ALIGNED;
    a->flags = f;
    return a;
}
