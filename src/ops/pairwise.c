/* pairwise.c — NumPy's pairwise summation (numpy/core/src/umath
 * loops_utils.h): blocks of up to 128 summed with 8 accumulators, larger
 * runs split in halves on multiples of 8.  Reproducing the order exactly
 * gives NumPy's float sums to the last bit. */
#include "nd_internal.h"
#include <math.h>

#define PW_BLOCKSIZE 128

/* x + y keeping x when it is NaN: of two NaNs NumPy's sums keep the
 * running one (x86 returns the first operand; gcc may swap them). */
#define PADD(x, y) (isnan(x) ? (x) : (x) + (y))

#define DEF_PAIRWISE(name, ACC, LOAD)                                                         \
    ACC name(const char *a, int64_t n, int64_t stride) {                                      \
        if (n < 8) {                                                                          \
            ACC res = 0.;                                                                     \
            for (int64_t i = 0; i < n; i++) res = PADD(res, LOAD(a + i * stride));             \
            return res;                                                                       \
        }                                                                                     \
        if (n <= PW_BLOCKSIZE) {                                                              \
            ACC r[8], res;                                                                    \
            int64_t i;                                                                        \
            for (int k = 0; k < 8; k++) r[k] = LOAD(a + k * stride);                          \
            for (i = 8; i < n - (n % 8); i += 8)                                              \
                for (int k = 0; k < 8; k++) r[k] = PADD(r[k], LOAD(a + (i + k) * stride));     \
            res = PADD(PADD(PADD(r[0], r[1]), PADD(r[2], r[3])), PADD(PADD(r[4], r[5]), PADD(r[6], r[7]))); \
            for (; i < n; i++) res = PADD(res, LOAD(a + i * stride));                          \
            return res;                                                                       \
        }                                                                                     \
        int64_t n2 = n / 2;                                                                   \
        n2 -= n2 % 8;                                                                         \
        ACC lo = name(a, n2, stride);                                                         \
        return PADD(lo, name(a + n2 * stride, n - n2, stride));                               \
    }

static inline double ld_f64(const char *p) { double x; memcpy(&x, p, 8); return x; }
static inline float ld_f32(const char *p) { float x; memcpy(&x, p, 4); return x; }
static inline float ld_f16(const char *p) { uint16_t h; memcpy(&h, p, 2); return nd__half_to_float(h); }

DEF_PAIRWISE(pairwise_f64_strided, double, ld_f64)

/* The same order over contiguous doubles, with the stride a constant so
 * the eight accumulators become vector lanes. */
static inline double ld_idx(const double *a, int64_t i) { return a[i]; }
/* AVX2 where the CPU has it (chosen at run time); the same sums either way. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define ND_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ND_CLONES
#endif

ND_CLONES static double pairwise_f64_contig(const double *a, int64_t n) {
    if (n < 8) {
        double res = 0.;
        for (int64_t i = 0; i < n; i++) res = PADD(res, a[i]);
        return res;
    }
    if (n <= PW_BLOCKSIZE) {
        double r[8], res;
        int64_t i;
        for (int k = 0; k < 8; k++) r[k] = ld_idx(a, k);
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++) r[k] += a[i + k]; /* hot: gcc keeps r first here (PADD costs 20%) */
        res = PADD(PADD(PADD(r[0], r[1]), PADD(r[2], r[3])), PADD(PADD(r[4], r[5]), PADD(r[6], r[7])));
        for (; i < n; i++) res = PADD(res, a[i]);
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    double lo = pairwise_f64_contig(a, n2);
    return PADD(lo, pairwise_f64_contig(a + n2, n - n2));
}

double nd__pairwise_f64(const char *a, int64_t n, int64_t stride) {
    if (stride == 8 && ((uintptr_t)a & 7) == 0) return pairwise_f64_contig((const double *)(const void *)a, n);
    return pairwise_f64_strided(a, n, stride);
}
DEF_PAIRWISE(nd__pairwise_f32, float, ld_f32)
DEF_PAIRWISE(nd__pairwise_f16, float, ld_f16)

/* Complex: n counts floats (2 per element) and stride is half the
 * element stride, as NumPy calls it. */
#define DEF_CPAIRWISE(name, F)                                                                \
    void name(F *rr, F *ri, const char *a, int64_t n, int64_t stride) {                       \
        if (n < 8) {                                                                          \
            *rr = 0.;                                                                         \
            *ri = 0.;                                                                         \
            for (int64_t i = 0; i < n; i += 2) {                                              \
                F x[2];                                                                       \
                memcpy(x, a + i * stride, sizeof x);                                          \
                *rr = PADD(*rr, x[0]);                                                        \
                *ri = PADD(*ri, x[1]);                                                        \
            }                                                                                 \
            return;                                                                           \
        }                                                                                     \
        if (n <= PW_BLOCKSIZE) {                                                              \
            F r[8], x[2];                                                                     \
            int64_t i;                                                                        \
            for (int k = 0; k < 8; k += 2) {                                                  \
                memcpy(x, a + k * stride, sizeof x);                                          \
                r[k] = x[0];                                                                  \
                r[k + 1] = x[1];                                                              \
            }                                                                                 \
            for (i = 8; i < n - (n % 8); i += 8)                                              \
                for (int k = 0; k < 8; k += 2) {                                              \
                    memcpy(x, a + (i + k) * stride, sizeof x);                                \
                    r[k] = PADD(r[k], x[0]);                                                  \
                    r[k + 1] = PADD(r[k + 1], x[1]);                                          \
                }                                                                             \
            *rr = PADD(PADD(r[0], r[2]), PADD(r[4], r[6]));                                   \
            *ri = PADD(PADD(r[1], r[3]), PADD(r[5], r[7]));                                   \
            for (; i < n; i += 2) {                                                           \
                memcpy(x, a + i * stride, sizeof x);                                          \
                *rr = PADD(*rr, x[0]);                                                        \
                *ri = PADD(*ri, x[1]);                                                        \
            }                                                                                 \
            return;                                                                           \
        }                                                                                     \
        F rr1, ri1, rr2, ri2;                                                                 \
        int64_t n2 = n / 2;                                                                   \
        n2 -= n2 % 8;                                                                         \
        name(&rr1, &ri1, a, n2, stride);                                                      \
        name(&rr2, &ri2, a + n2 * stride, n - n2, stride);                                    \
        *rr = PADD(rr1, rr2);                                                                 \
        *ri = PADD(ri1, ri2);                                                                 \
    }

DEF_CPAIRWISE(nd__pairwise_c128, double)
DEF_CPAIRWISE(nd__pairwise_c64, float)

/* Pairwise sum of (x - m)^2 in NumPy's order: the same blocking as
 * nd__pairwise_f64 over the values var() would have materialised, so a
 * fused variance is bit-identical to NumPy's three passes. */
static inline double sqdev(const char *p, double m) {
    double d = ld_f64(p) - m;
    return d * d;
}

ND_CLONES static double sqdev_contig(const double *a, int64_t n, double m) {
    if (n < 8) {
        double res = 0.;
        for (int64_t i = 0; i < n; i++) res += (a[i] - m) * (a[i] - m);
        return res;
    }
    if (n <= PW_BLOCKSIZE) {
        double r[8], res;
        int64_t i;
        for (int k = 0; k < 8; k++) r[k] = (a[k] - m) * (a[k] - m);
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++) r[k] += (a[i + k] - m) * (a[i + k] - m);
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += (a[i] - m) * (a[i] - m);
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return sqdev_contig(a, n2, m) + sqdev_contig(a + n2, n - n2, m);
}

double nd__pairwise_sqdev_f64(const char *a, int64_t n, int64_t stride, double m) {
    if (stride == 8 && ((uintptr_t)a & 7) == 0) return sqdev_contig((const double *)(const void *)a, n, m);
    if (n < 8) {
        double res = 0.;
        for (int64_t i = 0; i < n; i++) res += sqdev(a + i * stride, m);
        return res;
    }
    if (n <= PW_BLOCKSIZE) {
        double r[8], res;
        int64_t i;
        for (int k = 0; k < 8; k++) r[k] = sqdev(a + k * stride, m);
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; k++) r[k] += sqdev(a + (i + k) * stride, m);
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += sqdev(a + i * stride, m);
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return nd__pairwise_sqdev_f64(a, n2, stride, m) + nd__pairwise_sqdev_f64(a + n2 * stride, n - n2, stride, m);
}
