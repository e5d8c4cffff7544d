/* copy.c — the strided copy engine: coalesced dims, memcpy for contiguous
 * runs, cache-blocked transposes. */
#include "nd_internal.h"

static void copy_run(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    int64_t isz = *(const int64_t *)ctx;
    if (ds == isz && ss == isz) {
        memcpy(dst, src, (size_t)(n * isz));
        return;
    }
    switch (isz) {
#define RUN(T)                                                          \
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {             \
        T x;                                                            \
        memcpy(&x, src, sizeof x);                                      \
        memcpy(dst, &x, sizeof x);                                      \
    }                                                                   \
    return;
    case 1: RUN(uint8_t)
    case 2: RUN(uint16_t)
    case 4: RUN(uint32_t)
    case 8: RUN(uint64_t)
#undef RUN
    default:
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) memcpy(dst, src, (size_t)isz);
    }
}

void nd__copy_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
                  const int64_t *src_strides, int64_t itemsize) {
    nd__loop2(ndim, shape, dst, dst_strides, src, src_strides, copy_run, &itemsize);
}

typedef struct {
    const nd_dtype *from, *to;
} cast_ctx;

static void cast_generic(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const cast_ctx *c = ctx;
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) nd__store(c->to, dst, nd__load(c->from, src));
}

nd_loop2_fn nd__cast_loop(const nd_dtype *from, const nd_dtype *to) {
    ND_UNUSED(from);
    ND_UNUSED(to);
    return cast_generic;
}

/* dst and src_view have the same shape (src strides may be 0 from
 * broadcasting).  Same dtype: raw copy; otherwise a cast loop. */
int nd__assign(nd_array *dst, const nd_array *src) {
    if (nd_dtype_equal(dst->dtype, src->dtype)) {
        nd__copy_raw(dst->ndim, dst->shape, dst->data, dst->strides, src->data, src->strides,
                     dst->dtype->itemsize);
        return 0;
    }
    cast_ctx c = {src->dtype, dst->dtype};
    nd__loop2(dst->ndim, dst->shape, dst->data, dst->strides, src->data, src->strides,
              nd__cast_loop(src->dtype, dst->dtype), &c);
    return 0;
}
