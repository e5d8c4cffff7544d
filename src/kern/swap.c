/* swap.c — byte-swap kernels for byteswap(), astype/copyto between byte
 * orders, and in-place swaps.
 *
 * A complex item is two floats, each swapped on its own, so every dtype
 * reduces to runs of 2-, 4- or 8-byte parts.  Contiguous runs use AVX2
 * byte shuffles when the CPU has them (checked at run time); the portable
 * path uses the bswap builtins.  Each vector is loaded before it is
 * stored, so dst == src (in place) is safe in both paths. */
#include "nd_internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_KERNELS 1
#endif

#define SWAP_RUN(T, BSWAP)                                          \
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {         \
        T x;                                                        \
        memcpy(&x, src, sizeof x);                                  \
        x = BSWAP(x);                                               \
        memcpy(dst, &x, sizeof x);                                  \
    }

static void swap_parts_portable(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, int64_t part) {
    switch (part) {
    case 2: SWAP_RUN(uint16_t, __builtin_bswap16) break;
    case 4: SWAP_RUN(uint32_t, __builtin_bswap32) break;
    case 8: SWAP_RUN(uint64_t, __builtin_bswap64) break;
    default: /* not a built-in size: reverse byte by byte */
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {
            unsigned char tmp[16];
            for (int64_t k = 0; k < part; k++) tmp[k] = (unsigned char)src[part - 1 - k];
            memcpy(dst, tmp, (size_t)part);
        }
    }
}

#ifdef HAVE_AVX2_KERNELS
/* Contiguous run of n parts; returns how many parts it handled. */
__attribute__((target("avx2"))) static int64_t swap_contig_avx2(char *dst, const char *src, int64_t n,
                                                                int64_t part) {
    __m256i mask;
    switch (part) {
    case 2:
        mask = _mm256_setr_epi8(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14, 1, 0, 3, 2, 5, 4, 7, 6, 9, 8,
                                11, 10, 13, 12, 15, 14);
        break;
    case 4:
        mask = _mm256_setr_epi8(3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10,
                                9, 8, 15, 14, 13, 12);
        break;
    case 8:
        mask = _mm256_setr_epi8(7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14,
                                13, 12, 11, 10, 9, 8);
        break;
    default: return 0;
    }
    int64_t bytes = n * part, i = 0;
    for (; i + 128 <= bytes; i += 128) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(src + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(src + i + 32));
        __m256i c = _mm256_loadu_si256((const __m256i *)(src + i + 64));
        __m256i d = _mm256_loadu_si256((const __m256i *)(src + i + 96));
        _mm256_storeu_si256((__m256i *)(dst + i), _mm256_shuffle_epi8(a, mask));
        _mm256_storeu_si256((__m256i *)(dst + i + 32), _mm256_shuffle_epi8(b, mask));
        _mm256_storeu_si256((__m256i *)(dst + i + 64), _mm256_shuffle_epi8(c, mask));
        _mm256_storeu_si256((__m256i *)(dst + i + 96), _mm256_shuffle_epi8(d, mask));
    }
    for (; i + 32 <= bytes; i += 32) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(src + i));
        _mm256_storeu_si256((__m256i *)(dst + i), _mm256_shuffle_epi8(a, mask));
    }
    return i / part;
}
#endif

/* A run of n parts of size `part` with the given strides. */
static void swap_parts(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, int64_t part) {
#ifdef HAVE_AVX2_KERNELS
    if (ds == part && ss == part && n * part >= 64 && nd__simd_enabled() && __builtin_cpu_supports("avx2")) {
        int64_t done = swap_contig_avx2(dst, src, n, part);
        dst += done * part;
        src += done * part;
        n -= done;
    }
#endif
    swap_parts_portable(dst, ds, src, ss, n, part);
}

void nd__swap_loop(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const nd_dtype *dt = ctx;
    int64_t isz = dt->itemsize;
    if (isz <= 1) { /* nothing to reverse: a plain copy */
        if (dst == src && ds == ss) return;
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) *dst = *src;
        return;
    }
    if (dt->kind != 'c') {
        swap_parts(dst, ds, src, ss, n, isz);
        return;
    }
    int64_t part = isz / 2;
    if (ds == isz && ss == isz) { /* contiguous complex: one run of 2n parts */
        swap_parts(dst, part, src, part, 2 * n, part);
        return;
    }
    swap_parts(dst, ds, src, ss, n, part);                      /* real parts */
    swap_parts(dst + part, ds, src + part, ss, n, part);        /* imaginary parts */
}

void nd__swap_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
                  const int64_t *src_strides, const nd_dtype *dt) {
    nd__loop2(ndim, shape, dst, dst_strides, src, src_strides, nd__swap_loop, (void *)dt);
}
