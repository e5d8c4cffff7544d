/* fastindex.c — fast paths for the hot advanced-indexing shapes: a full
 * boolean mask (count, then branchless compress; blend for assignment)
 * and a 1-d integer gather/scatter with the bounds check fused in.  Each
 * returns ND_FAST_SKIP when its shape does not apply. */
#include "nd_internal.h"

static bool plain_c(const nd_array *a) {
    return (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED) && !a->dtype->swapped;
}

static bool full_mask(const nd_array *a, int n, const nd_idx *idx) {
    if (n != 1 || idx[0].kind != ND_IDX_ARRAY) return false;
    const nd_array *m = idx[0].array;
    return m->dtype->kind == 'b' && m->ndim == a->ndim && a->ndim >= 1 &&
           !memcmp(m->shape, a->shape, (size_t)a->ndim * sizeof(int64_t)) && plain_c(m) && plain_c(a);
}

/* Booleans are stored as 0/1 bytes: summing them counts the trues. */
static int64_t count_true(const uint8_t *m, int64_t n) {
    int64_t total = 0;
    while (n > 0) {
        int64_t blk = n < 255 * 64 ? n : 255 * 64;
        uint8_t acc[64] = {0};
        for (int64_t i = 0; i < blk; i++) acc[i & 63] += m[i];
        for (int k = 0; k < 64; k++) total += acc[k];
        m += blk;
        n -= blk;
    }
    return total;
}

#define COMPRESS(T)                                                         \
    do {                                                                    \
        const T *s = (const T *)(const void *)src;                          \
        T *d = (T *)(void *)dst;                                            \
        int64_t j = 0;                                                      \
        for (int64_t i = 0; i < n; i++) {                                   \
            d[j] = s[i];                                                    \
            j += m[i];                                                      \
        }                                                                   \
    } while (0)

/* Branchless compress writes one slot past the last kept element, so the
 * caller's buffer has a spare element. */
static void compress(char *dst, const char *src, const uint8_t *m, int64_t n, int64_t isz, int64_t count) {
    switch (isz) {
    case 1: COMPRESS(uint8_t); return;
    case 2: COMPRESS(uint16_t); return;
    case 4: COMPRESS(uint32_t); return;
    case 8: COMPRESS(uint64_t); return;
    default: {
        int64_t j = 0;
        for (int64_t i = 0; i < n && j < count; i++)
            if (m[i]) memcpy(dst + (j++) * isz, src + i * isz, (size_t)isz);
    }
    }
}

/* a[idx] / a[idx] = v with one integer index array on a 1-d array: the
 * hottest fancy shape (gather/scatter), done without the general walk. */
static bool int_gather_shape(const nd_array *a, int n, const nd_idx *idx) {
    if (n != 1 || idx[0].kind != ND_IDX_ARRAY || a->ndim != 1 || a->dtype->swapped) return false;
    const nd_array *ix = idx[0].array;
    return ix->dtype->type == ND_INT64 && !ix->dtype->swapped && (ix->flags & ND_C_CONTIGUOUS) &&
           (ix->flags & ND_ALIGNED);
}

static int oob(int64_t k, int64_t len) {
    return nd__err(ND_EINDEX, "index %lld is out of bounds for axis 0 with size %lld", (long long)k, (long long)len);
}

#define GATHER(T)                                                                  \
    do {                                                                           \
        T *d = (T *)(void *)r->data;                                               \
        for (int64_t i = 0; i < cnt; i++) {                                        \
            int64_t k = ix[i];                                                     \
            if (k < 0) k += len;                                                   \
            if ((uint64_t)k >= (uint64_t)len) goto bad;                            \
            memcpy(&d[i], src + k * st, sizeof(T));                                \
        }                                                                          \
    } while (0)

static nd_array *gather(const nd_array *a, const nd_array *ixa) {
    const int64_t *ix = (const int64_t *)(const void *)ixa->data;
    int64_t cnt = nd_size(ixa), len = a->shape[0], st = a->strides[0], isz = a->dtype->itemsize;
    const char *src = a->data;
    nd_array *r = nd__alloc_array(ixa->ndim, ixa->shape, a->dtype, 'C');
    if (!r) return NULL;
    switch (isz) {
    case 1: GATHER(uint8_t); break;
    case 2: GATHER(uint16_t); break;
    case 4: GATHER(uint32_t); break;
    case 8: GATHER(uint64_t); break;
    default:
        for (int64_t i = 0; i < cnt; i++) {
            int64_t k = ix[i] < 0 ? ix[i] + len : ix[i];
            if ((uint64_t)k >= (uint64_t)len) goto bad;
            memcpy(r->data + i * isz, src + k * st, (size_t)isz);
        }
    }
    nd__count_copy((uint64_t)(cnt * isz));
    return r;
bad:
    for (int64_t i = 0; i < cnt; i++) /* report the first bad index, as NumPy does */
        if (ix[i] < -len || ix[i] >= len) {
            oob(ix[i], len);
            break;
        }
    nd_release(r);
    return NULL;
}

nd_array *nd__fast_getitem(nd_array *a, int n, const nd_idx *idx, bool *done) {
    *done = false;
    if (int_gather_shape(a, n, idx) && nd_size(idx[0].array) > 0) {
        *done = true;
        return gather(a, idx[0].array);
    }
    if (full_mask(a, n, idx)) {
        const nd_array *m = idx[0].array;
        int64_t size = nd_size(a), isz = a->dtype->itemsize;
        int64_t count = count_true((const uint8_t *)m->data, size);
        /* One spare element for the branchless compress. */
        int64_t alloc_n = count + 1;
        nd_array *r = nd__alloc_array(1, &alloc_n, a->dtype, 'C');
        *done = true;
        if (!r) return NULL;
        compress(r->data, a->data, (const uint8_t *)m->data, size, isz, count);
        r->shape[0] = count;
        if (count == 0) r->strides[0] = 0;
        nd__update_flags(r);
        nd__count_copy((uint64_t)(count * isz));
        return r;
    }
    return NULL;
}

#define BLEND(T)                                                            \
    do {                                                                    \
        T *d = (T *)(void *)a->data, v;                                     \
        memcpy(&v, val, sizeof v);                                          \
        for (int64_t i = 0; i < size; i++) d[i] = m[i] ? v : d[i];          \
    } while (0)

/* Scatter: every index is checked before anything is written, so a
 * failing call changes nothing; repeated indices: the last write wins. */
static int scatter(nd_array *a, const nd_array *ixa, const nd_array *value) {
    const int64_t *ix = (const int64_t *)(const void *)ixa->data;
    int64_t cnt = nd_size(ixa), len = a->shape[0], st = a->strides[0], isz = a->dtype->itemsize;
    for (int64_t i = 0; i < cnt; i++)
        if (ix[i] < -len || ix[i] >= len) return oob(ix[i], len);
    unsigned char one[16];
    bool scalar = nd_size(value) == 1;
    if (scalar) nd__store(a->dtype, one, nd__load(value->dtype, value->data));
    if (scalar && isz == 8) { /* the common case, without a memcpy call per element */
        uint64_t v;
        memcpy(&v, one, 8);
        for (int64_t i = 0; i < cnt; i++) {
            int64_t k = ix[i] < 0 ? ix[i] + len : ix[i];
            memcpy(a->data + k * st, &v, 8);
        }
        return 0;
    }
    for (int64_t i = 0; i < cnt; i++) {
        int64_t k = ix[i] < 0 ? ix[i] + len : ix[i];
        memcpy(a->data + k * st, scalar ? (const char *)one : value->data + i * isz, (size_t)isz);
    }
    return 0;
}

int nd__fast_setitem(nd_array *a, int n, const nd_idx *idx, const nd_array *value, bool *done) {
    *done = false;
    if (int_gather_shape(a, n, idx) && (a->flags & ND_WRITEABLE) && nd_size(idx[0].array) > 0) {
        const nd_array *ix = idx[0].array;
        bool same_layout = nd_dtype_equal(value->dtype, a->dtype) && (value->flags & ND_C_CONTIGUOUS) &&
                           value->ndim == ix->ndim &&
                           !memcmp(value->shape, ix->shape, (size_t)ix->ndim * sizeof(int64_t)) &&
                           !nd_may_share_memory(value, a);
        if (nd_size(value) == 1 || same_layout) {
            *done = true;
            return scatter(a, ix, value);
        }
    }
    if (!full_mask(a, n, idx) || nd_size(value) != 1) return 0;
    if (nd__check_writeable(a)) {
        *done = true;
        return ND_EREADONLY;
    }
    unsigned char val[16];
    nd__store(a->dtype, val, nd__load(value->dtype, value->data));
    const uint8_t *m = (const uint8_t *)idx[0].array->data;
    int64_t size = nd_size(a), isz = a->dtype->itemsize;
    switch (isz) {
    case 1: BLEND(uint8_t); break;
    case 2: BLEND(uint16_t); break;
    case 4: BLEND(uint32_t); break;
    case 8: BLEND(uint64_t); break;
    default:
        for (int64_t i = 0; i < size; i++)
            if (m[i]) memcpy(a->data + i * isz, val, (size_t)isz);
    }
    *done = true;
    return 0;
}
