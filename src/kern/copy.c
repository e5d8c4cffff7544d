/* copy.c — the strided copy engine behind copy, astype, ascontiguousarray,
 * asfortranarray, copyto and reshape copies.
 *
 * Layouts are coalesced first (loop.c), so a copy between two contiguous
 * layouts is one memcpy and a copy between matching strided layouts is a
 * memcpy per run.  When dst's contiguous axis is one that src walks with a
 * large stride (a transpose), the two axes are walked in cache-line strips
 * (see strip_walk); 4-, 8- and 16-byte items use AVX2 register transposes
 * when the CPU has AVX2 (checked at run time: the library is built for the
 * baseline ISA). */
#include "nd_internal.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_KERNELS 1
#endif

/* Tests turn SIMD off to check the portable paths give the same bytes. */
static _Thread_local bool simd_off;

bool nd__set_simd(bool on) {
    bool old = !simd_off;
    simd_off = !on;
    return old;
}

bool nd__simd_enabled(void) { return !simd_off; }

static bool have_avx2(void) {
#ifdef HAVE_AVX2_KERNELS
    return !simd_off && __builtin_cpu_supports("avx2");
#else
    return false;
#endif
}

/* ---- strided runs ---- */

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
    case 16: {
        typedef struct { uint64_t lo, hi; } u128;
        RUN(u128)
    }
#undef RUN
    default:
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) memcpy(dst, src, (size_t)isz);
    }
}

/* ---- transposing walks ----
 * dst's contiguous axis (columns) is one src walks with a large stride,
 * and src is contiguous along another axis (rows).  Planes of 1 MiB and
 * more go through a buffer: a tile of 1 KiB src runs is gathered with
 * memcpy, then transposed into 2 KiB runs of dst rows, so memory sees long
 * runs on both sides.  Walking such planes in place thrashes: with
 * power-of-two strides (4096 doubles = 32 KiB) every src line of a column
 * block maps to the same cache set (the buffer made a 4096 x 4096 float64
 * transpose 2.3x faster).  Smaller planes are walked in place in strips of
 * one src cache line's worth of rows: each src line is read whole and
 * scattered over the strip's dst rows. */

typedef void (*strip_kernel)(char *d, int64_t drow, const char *s, int64_t scol, int64_t R, int64_t C);

/* Rows [0, R) of columns [c0, C), item by item. */
static void strip_rest(char *d, int64_t drow, const char *s, int64_t scol, int64_t isz, int64_t R, int64_t c0,
                       int64_t C) {
    for (int64_t c = c0; c < C; c++) copy_run(d + c * isz, drow, s + c * scol, isz, R, &isz);
}

#ifdef HAVE_AVX2_KERNELS
/* 8-byte items: 4x4 register transposes, columns outer so each src line
 * is used up at once. */
__attribute__((target("avx2"))) static void strip8_avx2(char *d, int64_t drow, const char *s, int64_t scol,
                                                       int64_t R, int64_t C) {
    int64_t c = 0, R4 = R & ~(int64_t)3;
    for (; c + 4 <= C; c += 4) {
        for (int64_t r = 0; r < R4; r += 4) {
            const char *sp = s + r * 8 + c * scol;
            __m256d x0 = _mm256_loadu_pd((const double *)sp);
            __m256d x1 = _mm256_loadu_pd((const double *)(sp + scol));
            __m256d x2 = _mm256_loadu_pd((const double *)(sp + 2 * scol));
            __m256d x3 = _mm256_loadu_pd((const double *)(sp + 3 * scol));
            __m256d t0 = _mm256_unpacklo_pd(x0, x1), t1 = _mm256_unpackhi_pd(x0, x1);
            __m256d t2 = _mm256_unpacklo_pd(x2, x3), t3 = _mm256_unpackhi_pd(x2, x3);
            char *dp = d + r * drow + c * 8;
            _mm256_storeu_pd((double *)dp, _mm256_permute2f128_pd(t0, t2, 0x20));
            _mm256_storeu_pd((double *)(dp + drow), _mm256_permute2f128_pd(t1, t3, 0x20));
            _mm256_storeu_pd((double *)(dp + 2 * drow), _mm256_permute2f128_pd(t0, t2, 0x31));
            _mm256_storeu_pd((double *)(dp + 3 * drow), _mm256_permute2f128_pd(t1, t3, 0x31));
        }
        if (R4 < R) strip_rest(d + R4 * drow, drow, s + R4 * 8, scol, 8, R - R4, c, c + 4);
    }
    strip_rest(d, drow, s, scol, 8, R, c, C);
}

/* 4-byte items: 8x8 register transposes. */
__attribute__((target("avx2"))) static void strip4_avx2(char *d, int64_t drow, const char *s, int64_t scol,
                                                       int64_t R, int64_t C) {
    int64_t c = 0, R8 = R & ~(int64_t)7;
    for (; c + 8 <= C; c += 8) {
        for (int64_t r = 0; r < R8; r += 8) {
            const char *sp = s + r * 4 + c * scol;
            __m256 x[8], t[8], u[8];
            for (int i = 0; i < 8; i++) x[i] = _mm256_loadu_ps((const float *)(sp + i * scol));
            for (int i = 0; i < 4; i++) {
                t[2 * i] = _mm256_unpacklo_ps(x[2 * i], x[2 * i + 1]);
                t[2 * i + 1] = _mm256_unpackhi_ps(x[2 * i], x[2 * i + 1]);
            }
            for (int i = 0; i < 2; i++) {
                u[4 * i + 0] = _mm256_shuffle_ps(t[4 * i], t[4 * i + 2], 0x44);
                u[4 * i + 1] = _mm256_shuffle_ps(t[4 * i], t[4 * i + 2], 0xEE);
                u[4 * i + 2] = _mm256_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0x44);
                u[4 * i + 3] = _mm256_shuffle_ps(t[4 * i + 1], t[4 * i + 3], 0xEE);
            }
            char *dp = d + r * drow + c * 4;
            for (int i = 0; i < 4; i++) {
                _mm256_storeu_ps((float *)(dp + i * drow), _mm256_permute2f128_ps(u[i], u[4 + i], 0x20));
                _mm256_storeu_ps((float *)(dp + (4 + i) * drow), _mm256_permute2f128_ps(u[i], u[4 + i], 0x31));
            }
        }
        if (R8 < R) strip_rest(d + R8 * drow, drow, s + R8 * 4, scol, 4, R - R8, c, c + 8);
    }
    strip_rest(d, drow, s, scol, 4, R, c, C);
}

/* 16-byte items (complex128): 2x2 lane swaps. */
__attribute__((target("avx2"))) static void strip16_avx2(char *d, int64_t drow, const char *s, int64_t scol,
                                                        int64_t R, int64_t C) {
    int64_t c = 0, R2 = R & ~(int64_t)1;
    for (; c + 2 <= C; c += 2) {
        for (int64_t r = 0; r < R2; r += 2) {
            const char *sp = s + r * 16 + c * scol;
            __m256d x0 = _mm256_loadu_pd((const double *)sp);
            __m256d x1 = _mm256_loadu_pd((const double *)(sp + scol));
            char *dp = d + r * drow + c * 16;
            _mm256_storeu_pd((double *)dp, _mm256_permute2f128_pd(x0, x1, 0x20));
            _mm256_storeu_pd((double *)(dp + drow), _mm256_permute2f128_pd(x0, x1, 0x31));
        }
        if (R2 < R) strip_rest(d + R2 * drow, drow, s + R2 * 16, scol, 16, R - R2, c, c + 2);
    }
    strip_rest(d, drow, s, scol, 16, R, c, C);
}
#endif

static strip_kernel simd_kernel(int64_t isz) {
#ifdef HAVE_AVX2_KERNELS
    if (!have_avx2()) return NULL;
    switch (isz) {
    case 4: return strip4_avx2;
    case 8: return strip8_avx2;
    case 16: return strip16_avx2;
    default: return NULL;
    }
#else
    ND_UNUSED(isz);
    return NULL;
#endif
}

/* ---- walks of one (row, column) axis pair ---- */

/* Tiles for the buffered walk: 1 KiB of src per column and 2 KiB of
 * dst per row, so both sides move in runs DRAM and the prefetchers like. */
#define TILE_ROW_BYTES 1024
#define TILE_COL_BYTES 2048
#define TILE_MIN_BYTES (1 << 20) /* smaller planes use the direct strips */

/* Tile rows x columns for items of isz bytes (small items: capped so a
 * buffer row read by the transposing loop stays short). */
static void tile_dims(int64_t isz, int64_t *R, int64_t *C) {
    *R = TILE_ROW_BYTES / isz > 256 ? 256 : TILE_ROW_BYTES / isz;
    *C = TILE_COL_BYTES / isz > 512 ? 512 : TILE_COL_BYTES / isz;
}

typedef struct {
    int64_t rows, drow, srow; /* the axis src walks fastest */
    int64_t isz, strip;       /* rows per strip (portable and direct paths) */
    nd_loop2_fn inner;        /* portable path: one call per column of a strip */
    void *ictx;
    strip_kernel simd; /* NULL: use inner */
    char *buf;         /* a tile of src gathered contiguously, or NULL */
} strip_ctx;

/* Walk through a buffer: gather a tile of src (one contiguous run per
 * column), then transpose it from the buffer into dst one row band at a
 * time, so dst rows are written as a few sequential streams. */
static void buffered_walk(const strip_ctx *t, char *dst, int64_t dcol, const char *src, int64_t scol, int64_t cols) {
    int64_t isz = t->isz, R, C, kr = isz >= 16 ? 2 : 32 / isz;
    tile_dims(isz, &R, &C);
    for (int64_t r0 = 0; r0 < t->rows; r0 += R) {
        int64_t nr = t->rows - r0 < R ? t->rows - r0 : R;
        for (int64_t c0 = 0; c0 < cols; c0 += C) {
            int64_t nc = cols - c0 < C ? cols - c0 : C, bcol = nr * isz;
            const char *s = src + r0 * isz + c0 * scol;
            for (int64_t c = 0; c < nc; c++) memcpy(t->buf + c * bcol, s + c * scol, (size_t)bcol);
            char *d = dst + r0 * t->drow + c0 * dcol;
            if (t->simd) {
                for (int64_t r = 0; r < nr; r += kr)
                    t->simd(d + r * t->drow, t->drow, t->buf + r * isz, bcol, nr - r < kr ? nr - r : kr, nc);
            } else {
                for (int64_t r = 0; r < nr; r++) t->inner(d + r * t->drow, dcol, t->buf + r * isz, bcol, nc, t->ictx);
            }
        }
    }
}

/* Called by nd__loop_run with the column axis (dst's contiguous one) as
 * the innermost run; walks the whole rows x cols plane. */
static void strip_walk(char *dst, int64_t dcol, const char *src, int64_t scol, int64_t cols, void *vctx) {
    const strip_ctx *t = vctx;
    if (t->buf) {
        buffered_walk(t, dst, dcol, src, scol, cols);
        return;
    }
    for (int64_t r0 = 0; r0 < t->rows; r0 += t->strip) {
        int64_t nr = t->rows - r0 < t->strip ? t->rows - r0 : t->strip;
        char *d = dst + r0 * t->drow;
        const char *s = src + r0 * t->srow;
        if (t->simd) {
            t->simd(d, t->drow, s, scol, nr, cols);
            continue;
        }
        for (int64_t c = 0; c < cols; c++) t->inner(d + c * dcol, t->drow, s + c * scol, t->srow, nr, t->ictx);
    }
}

static int64_t iabs64(int64_t x) { return x < 0 ? -x : x; }

/* The axis to pair with the innermost one, or -1: the axis src walks with
 * the smallest stride, when that stride is smaller than src's stride along
 * dst's inner axis and the plane is big enough to matter. */
static int pick_pair_axis(int n, const int64_t *sh, const int64_t *ss) {
    if (n < 2 || sh[n - 1] < 4) return -1;
    int j = -1;
    for (int i = 0; i < n - 1; i++)
        if (sh[i] >= 4 && iabs64(ss[i]) < iabs64(ss[n - 1]) && (j < 0 || iabs64(ss[i]) < iabs64(ss[j]))) j = i;
    if (j < 0 || sh[j] * sh[n - 1] < 256) return -1;
    return j;
}

/* Run fn over a coalesced layout, walking a transposed axis pair in
 * strips.  With simd set, fn must be the plain copy of items of size isz. */
static void run_paired(int n, const int64_t *sh, char *dst, const int64_t *ds, const char *src, const int64_t *ss,
                       int64_t isz, nd_loop2_fn fn, void *ctx, bool simd) {
    int j = pick_pair_axis(n, sh, ss);
    if (j < 0) {
        nd__loop_run(n, sh, dst, ds, src, ss, fn, ctx);
        return;
    }
    strip_ctx t = {sh[j], ds[j], ss[j], isz, 0, fn, ctx, NULL, NULL};
    if (simd && ds[n - 1] == isz && ss[j] == isz) t.simd = simd_kernel(isz);
    /* one src cache line of rows per strip (at least 4) */
    t.strip = isz >= 16 ? 4 : 64 / isz;
    /* Scratch for big planes whose src rows are contiguous (through the
     * thread's allocator; when it fails the strips do the same work). */
    if (ss[j] == isz && sh[j] * sh[n - 1] * isz >= TILE_MIN_BYTES) {
        int64_t R, C;
        tile_dims(isz, &R, &C);
        t.buf = nd__malloc((size_t)(R * C * isz));
    }
    int64_t osh[ND_MAXDIMS], ods[ND_MAXDIMS], oss[ND_MAXDIMS];
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (i == j) continue;
        osh[m] = sh[i];
        ods[m] = ds[i];
        oss[m] = ss[i];
        m++;
    }
    nd__loop_run(m, osh, dst, ods, src, oss, strip_walk, &t);
    nd__free_mem(t.buf);
}

void nd__copy_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
                  const int64_t *src_strides, int64_t itemsize) {
    int64_t sh[ND_MAXDIMS], ds[ND_MAXDIMS], ss[ND_MAXDIMS];
    int n = nd__loop_coalesce(ndim, shape, &dst, dst_strides, &src, src_strides, sh, ds, ss);
    if (n < 0) return;
    if (n == 0) {
        memcpy(dst, src, (size_t)itemsize);
        return;
    }
    run_paired(n, sh, dst, ds, src, ss, itemsize, copy_run, &itemsize, true);
}

/* ---- assignment with casts ---- */

static void cast_generic(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const nd_cast_ctx *c = ctx;
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) nd__store(c->to, dst, nd__load(c->from, src));
}

/* dst and src have the same shape (src strides may be 0 from
 * broadcasting) and must not overlap unless they are the same layout.
 * Same dtype: raw copy; same type in the other byte order: swap; else a
 * cast loop. */
int nd__assign(nd_array *dst, const nd_array *src) {
    const nd_dtype *f = src->dtype, *t = dst->dtype;
    if (nd_dtype_equal(f, t) && !nd__dtype_has_holes(t)) {
        nd__copy_raw(dst->ndim, dst->shape, dst->data, dst->strides, src->data, src->strides, t->itemsize);
        return 0;
    }
    if (nd__is_void(f) || nd__is_void(t)) return nd__assign_void(dst, src);
    if (f->type == t->type) {
        nd__swap_raw(dst->ndim, dst->shape, dst->data, dst->strides, src->data, src->strides, t);
        return 0;
    }
    nd_loop2_fn fn = nd__cast_loop(f, t); /* kern/cast.c's typed loops */
    if (!fn) fn = cast_generic;
    nd_cast_ctx c = {f, t};
    int64_t sh[ND_MAXDIMS], ds[ND_MAXDIMS], ss[ND_MAXDIMS];
    char *d = dst->data;
    const char *s = src->data;
    int n = nd__loop_coalesce(dst->ndim, dst->shape, &d, dst->strides, &s, src->strides, sh, ds, ss);
    if (n < 0) return 0;
    run_paired(n, sh, d, ds, s, ss, t->itemsize, fn, &c, false);
    return 0;
}
