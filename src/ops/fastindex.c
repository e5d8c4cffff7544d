/* fastindex.c — fast paths for the hot advanced-indexing shapes: a full
 * boolean mask (count, then branchless compress; masked stores for
 * assignment) and a 1-d integer gather/scatter with the bounds check fused
 * in.  Each sets *done only when its shape applies.
 *
 * The mask loops have AVX2 versions (chosen at run time, and off under
 * nd__set_simd(false)): a movemask count, a table-driven compress of 4
 * items per shuffle, and masked stores for assignment.  Mask bytes count as
 * true when nonzero, as NumPy reads any bool. */
#include "nd_internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_KERNELS 1
static bool use_avx2(void) { return nd__simd_enabled() && __builtin_cpu_supports("avx2"); }
#endif

static bool plain_c(const nd_array *a) {
    return (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED) && !a->dtype->swapped;
}

static bool full_mask(const nd_array *a, int n, const nd_idx *idx) {
    if (n != 1 || idx[0].kind != ND_IDX_ARRAY) return false;
    const nd_array *m = idx[0].array;
    return m->dtype->kind == 'b' && m->ndim == a->ndim && a->ndim >= 1 &&
           !memcmp(m->shape, a->shape, (size_t)a->ndim * sizeof(int64_t)) && plain_c(m) && plain_c(a);
}

/* ---- counting the trues ---- */

/* Per-lane byte counters flushed before they can wrap; gcc vectorises
 * the 64-wide inner loop. */
static int64_t count_true_portable(const uint8_t *m, int64_t n) {
    int64_t total = 0, i = 0;
    while (n - i >= 64) {
        int64_t blocks = (n - i) / 64 < 255 ? (n - i) / 64 : 255;
        uint8_t acc[64] = {0};
        for (int64_t b = 0; b < blocks; b++, i += 64)
            for (int k = 0; k < 64; k++) acc[k] = (uint8_t)(acc[k] + (m[i + k] != 0));
        for (int k = 0; k < 64; k++) total += acc[k];
    }
    for (; i < n; i++) total += m[i] != 0;
    return total;
}

#ifdef HAVE_AVX2_KERNELS
__attribute__((target("avx2,popcnt"))) static int64_t count_true_avx2(const uint8_t *m, int64_t n) {
    int64_t zeros = 0, i = 0;
    const __m256i z = _mm256_setzero_si256();
    for (; i + 32 <= n; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(m + i));
        zeros += __builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, z)));
    }
    return i - zeros + count_true_portable(m + i, n - i);
}
#endif

static int64_t count_true(const uint8_t *m, int64_t n) {
#ifdef HAVE_AVX2_KERNELS
    if (use_avx2()) return count_true_avx2(m, n);
#endif
    return count_true_portable(m, n);
}

/* ---- compress: dst gets the kept items in order ---- */

/* Branchless: every item is stored at the next free slot, which only
 * advances past kept ones, so one slot past the last kept item is
 * written (the caller's buffer has spare room). */
#define COMPRESS(T)                                                         \
    do {                                                                    \
        const T *s = (const T *)(const void *)src;                          \
        T *d = (T *)(void *)dst;                                            \
        for (; i < n; i++) {                                                \
            d[j] = s[i];                                                    \
            j += m[i] != 0;                                                 \
        }                                                                   \
    } while (0)

#ifdef HAVE_AVX2_KERNELS
/* For a 4-bit keep mask: the 32-bit lanes that move the kept 8-byte
 * items of a group of 4 to the front (vpermd). */
static const int32_t keep8[16][8] __attribute__((aligned(32))) = {
    {0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0}, {2, 3, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 0, 0, 0, 0},
    {4, 5, 0, 0, 0, 0, 0, 0}, {0, 1, 4, 5, 0, 0, 0, 0}, {2, 3, 4, 5, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 0, 0},
    {6, 7, 0, 0, 0, 0, 0, 0}, {0, 1, 6, 7, 0, 0, 0, 0}, {2, 3, 6, 7, 0, 0, 0, 0}, {0, 1, 2, 3, 6, 7, 0, 0},
    {4, 5, 6, 7, 0, 0, 0, 0}, {0, 1, 4, 5, 6, 7, 0, 0}, {2, 3, 4, 5, 6, 7, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 7},
};
/* The same for 4-byte items, as byte indices (pshufb). */
static const uint8_t keep4[16][16] __attribute__((aligned(16))) = {
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},     {0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},     {0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0},
    {8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},   {0, 1, 2, 3, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0},
    {4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0},   {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0},
    {12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0},
    {4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0},
    {8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0},
    {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
};

/* Keep bits of mask bytes m[0..8) (bit k set: m[k] != 0). */
__attribute__((target("avx2"))) static inline unsigned keep_bits8(const uint8_t *m) {
    __m128i b = _mm_loadl_epi64((const __m128i *)(const void *)m);
    return 0xffu & ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_setzero_si128()));
}

/* Groups of 8 items: each half shuffles its kept items to the front and
 * stores a whole vector at the next free slot (up to 3 slots past the
 * last kept item are written).  Returns items consumed; *pj advances. */
__attribute__((target("avx2,popcnt"))) static int64_t compress8_avx2(char *dst, const char *src, const uint8_t *m,
                                                                     int64_t n, int64_t *pj) {
    int64_t i = 0, j = *pj;
    for (; i + 8 <= n; i += 8) {
        unsigned bits = keep_bits8(m + i);
        if (!bits) continue;
        for (int h = 0; h < 2; h++, bits >>= 4) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(src + (i + 4 * h) * 8));
            __m256i p = _mm256_load_si256((const __m256i *)(const void *)keep8[bits & 15]);
            _mm256_storeu_si256((__m256i *)(void *)(dst + j * 8), _mm256_permutevar8x32_epi32(v, p));
            j += __builtin_popcount(bits & 15);
        }
    }
    *pj = j;
    return i;
}

__attribute__((target("avx2,popcnt"))) static int64_t compress4_avx2(char *dst, const char *src, const uint8_t *m,
                                                                     int64_t n, int64_t *pj) {
    int64_t i = 0, j = *pj;
    for (; i + 8 <= n; i += 8) {
        unsigned bits = keep_bits8(m + i);
        if (!bits) continue;
        for (int h = 0; h < 2; h++, bits >>= 4) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + (i + 4 * h) * 4));
            __m128i p = _mm_load_si128((const __m128i *)(const void *)keep4[bits & 15]);
            _mm_storeu_si128((__m128i *)(void *)(dst + j * 4), _mm_shuffle_epi8(v, p));
            j += __builtin_popcount(bits & 15);
        }
    }
    *pj = j;
    return i;
}
#endif

/* SPARE: items past `count` the compress may write. */
enum { SPARE = 4 };

static void compress(char *dst, const char *src, const uint8_t *m, int64_t n, int64_t isz, int64_t count) {
    int64_t i = 0, j = 0;
#ifdef HAVE_AVX2_KERNELS
    if ((isz == 8 || isz == 4) && use_avx2())
        i = (isz == 8 ? compress8_avx2 : compress4_avx2)(dst, src, m, n, &j);
#endif
    switch (isz) {
    case 1: COMPRESS(uint8_t); return;
    case 2: COMPRESS(uint16_t); return;
    case 4: COMPRESS(uint32_t); return;
    case 8: COMPRESS(uint64_t); return;
    default:
        for (; i < n && j < count; i++)
            if (m[i]) memcpy(dst + (j++) * isz, src + i * isz, (size_t)isz);
    }
}

/* a[idx] / a[idx] = v with one integer index array on a 1-d array: the
 * hottest fancy shape (gather/scatter), done without the general walk. */
static bool int_index_1d(const nd_array *a, int n, const nd_idx *idx) {
    if (n != 1 || idx[0].kind != ND_IDX_ARRAY || a->ndim != 1) return false;
    const nd_array *ix = idx[0].array;
    return ix->dtype->type == ND_INT64 && !ix->dtype->swapped && (ix->flags & ND_C_CONTIGUOUS) &&
           (ix->flags & ND_ALIGNED);
}

static bool int_gather_shape(const nd_array *a, int n, const nd_idx *idx) {
    return int_index_1d(a, n, idx) && !a->dtype->swapped;
}

static int oob(int64_t k, int64_t len) {
    return nd__err(ND_EINDEX, "index %lld is out of bounds for axis 0 with size %lld", (long long)k, (long long)len);
}

/* Random reads miss every cache level: prefetching the item PF_AHEAD
 * indices on keeps more misses in flight than the core's window does. */
enum { PF_AHEAD = 32 };
#define GATHER(T)                                                                  \
    do {                                                                           \
        T *d = (T *)(void *)r->data;                                               \
        int64_t i = 0;                                                             \
        for (; i + PF_AHEAD < cnt; i++) {                                          \
            uint64_t kp = (uint64_t)ix[i + PF_AHEAD];                             \
            if (kp < (uint64_t)len) __builtin_prefetch(src + (int64_t)kp * st);   \
            int64_t k = ix[i];                                                     \
            if (k < 0) k += len;                                                   \
            if ((uint64_t)k >= (uint64_t)len) goto bad;                            \
            memcpy(&d[i], src + k * st, sizeof(T));                                \
        }                                                                          \
        for (; i < cnt; i++) {                                                     \
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
        int64_t alloc_n = count + SPARE;
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

/* ---- b[mask] = scalar ---- */

/* Only kept items are written (another thread may own the others), so
 * the portable loop branches; groups of 8 with no kept item are skipped. */
#define BLEND(T)                                                            \
    do {                                                                    \
        T *d = (T *)(void *)a->data, v;                                     \
        memcpy(&v, val, sizeof v);                                          \
        for (; i + 8 <= size; i += 8) {                                     \
            uint64_t w;                                                     \
            memcpy(&w, m + i, 8);                                           \
            if (!w) continue;                                               \
            for (int k = 0; k < 8; k++)                                     \
                if (m[i + k]) d[i + k] = v;                                 \
        }                                                                   \
        for (; i < size; i++)                                               \
            if (m[i]) d[i] = v;                                             \
    } while (0)

#ifdef HAVE_AVX2_KERNELS
/* Masked stores write only the kept items; groups of 8 with no kept item
 * are skipped.  Returns items done. */
__attribute__((target("avx2"))) static int64_t blend_avx2(char *d, const uint8_t *m, int64_t n, int64_t isz,
                                                          const void *val) {
    int64_t i = 0;
    const __m256i z = _mm256_setzero_si256();
    if (isz == 8) {
        long long v;
        memcpy(&v, val, 8);
        const __m256i vv = _mm256_set1_epi64x(v);
        for (; i + 8 <= n; i += 8) {
            __m128i b = _mm_loadl_epi64((const __m128i *)(const void *)(m + i));
            if (!_mm_cvtsi128_si64(b)) continue;
            __m256i k0 = _mm256_cmpgt_epi64(_mm256_cvtepu8_epi64(b), z);
            __m256i k1 = _mm256_cmpgt_epi64(_mm256_cvtepu8_epi64(_mm_srli_si128(b, 4)), z);
            _mm256_maskstore_epi64((long long *)(void *)(d + i * 8), k0, vv);
            _mm256_maskstore_epi64((long long *)(void *)(d + i * 8 + 32), k1, vv);
        }
    } else if (isz == 4) {
        int v;
        memcpy(&v, val, 4);
        const __m256i vv = _mm256_set1_epi32(v);
        for (; i + 8 <= n; i += 8) {
            __m128i b = _mm_loadl_epi64((const __m128i *)(const void *)(m + i));
            if (!_mm_cvtsi128_si64(b)) continue;
            __m256i k = _mm256_cmpgt_epi32(_mm256_cvtepu8_epi32(b), z);
            _mm256_maskstore_epi32((int *)(void *)(d + i * 4), k, vv);
        }
    }
    return i;
}
#endif

static void blend(nd_array *a, const uint8_t *m, const unsigned char *val) {
    int64_t size = nd_size(a), isz = a->dtype->itemsize, i = 0;
#ifdef HAVE_AVX2_KERNELS
    if ((isz == 8 || isz == 4) && use_avx2()) i = blend_avx2(a->data, m, size, isz, val);
#endif
    switch (isz) {
    case 1: BLEND(uint8_t); break;
    case 2: BLEND(uint16_t); break;
    case 4: BLEND(uint32_t); break;
    case 8: BLEND(uint64_t); break;
    default:
        for (; i < size; i++)
            if (m[i]) memcpy(a->data + i * isz, val, (size_t)isz);
    }
}

/* The single value in a's dtype.  The same dtype copies its bytes, as
 * NumPy's transfer does (a bool byte of 3 stays 3). */
static void one_value(const nd_array *a, const nd_array *value, unsigned char *out) {
    if (nd_dtype_equal(value->dtype, a->dtype)) memcpy(out, value->data, (size_t)a->dtype->itemsize);
    else nd__store(a->dtype, out, nd__load(value->dtype, value->data));
}

/* Scatter: every index is checked before anything is written, so a
 * failing call changes nothing; repeated indices: the last write wins. */
static int scatter(nd_array *a, const nd_array *ixa, const nd_array *value) {
    const int64_t *ix = (const int64_t *)(const void *)ixa->data;
    int64_t cnt = nd_size(ixa), len = a->shape[0], st = a->strides[0], isz = a->dtype->itemsize;
    for (int64_t i = 0; i < cnt; i++)
        if (ix[i] < -len || ix[i] >= len) return oob(ix[i], len);
    unsigned char one[16];
    bool scalar = nd_size(value) == 1;
    if (scalar) one_value(a, value, one);
    if (scalar && isz == 8) { /* the common case, without a memcpy call per element */
        uint64_t v;
        memcpy(&v, one, 8);
        int64_t i = 0;
        for (; i + PF_AHEAD < cnt; i++) { /* indices are checked: prefetch for the write */
            int64_t kp = ix[i + PF_AHEAD] < 0 ? ix[i + PF_AHEAD] + len : ix[i + PF_AHEAD];
            __builtin_prefetch(a->data + kp * st, 1);
            int64_t k = ix[i] < 0 ? ix[i] + len : ix[i];
            memcpy(a->data + k * st, &v, 8);
        }
        for (; i < cnt; i++) {
            int64_t k = ix[i] < 0 ? ix[i] + len : ix[i];
            memcpy(a->data + k * st, &v, 8);
        }
        return 0;
    }
    for (int64_t i = 0; i < cnt; i++) {
        int64_t k = ix[i] < 0 ? ix[i] + len : ix[i];
        memmove(a->data + k * st, scalar ? (const char *)one : value->data + i * isz, (size_t)isz); /* value may be a */
    }
    return 0;
}

int nd__fast_setitem(nd_array *a, int n, const nd_idx *idx, const nd_array *value, bool *done) {
    *done = false;
    if (a->dtype->itemsize > 16) return 0; /* records: the general path */
    if (int_index_1d(a, n, idx) && (a->flags & ND_WRITEABLE) && nd_size(idx[0].array) > 0) {
        const nd_array *ix = idx[0].array;
        /* NumPy's mapiter_trivial_set: item k of the value is read just
         * before a[ix[k]] is written, so a value overlapping a is not
         * copied first (a[[1, 2, 3]] = a[:3] gives [0 0 0 0 4 5]). */
        bool same_layout = nd_dtype_equal(value->dtype, a->dtype) && (value->flags & ND_C_CONTIGUOUS) &&
                           value->ndim == ix->ndim &&
                           !memcmp(value->shape, ix->shape, (size_t)ix->ndim * sizeof(int64_t));
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
    one_value(a, value, val);
    blend(a, (const uint8_t *)idx[0].array->data, val);
    *done = true;
    return 0;
}
