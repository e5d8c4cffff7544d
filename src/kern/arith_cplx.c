/* arith_cplx.c — ufunc inner loops for complex64/128 with NumPy 1.24's
 * semantics: Smith's division, lexicographic ordering that respects NaN,
 * integer powers by repeated squaring, libm for the transcendentals. */
#include "nd_internal.h"

#include <complex.h>
#include <math.h>

#include "ufunc_loops.h"

typedef struct { float r, i; } c64;
typedef struct { double r, i; } c128;

/* NumPy's ordering macros: NaNs make comparisons false. */
#define CLT(xr, xi, yr, yi) (((xr) < (yr) && !isnan(xi) && !isnan(yi)) || ((xr) == (yr) && (xi) < (yi)))
#define CLE(xr, xi, yr, yi) (((xr) < (yr) && !isnan(xi) && !isnan(yi)) || ((xr) == (yr) && (xi) <= (yi)))
#define CGT(xr, xi, yr, yi) (((xr) > (yr) && !isnan(xi) && !isnan(yi)) || ((xr) == (yr) && (xi) > (yi)))
#define CGE(xr, xi, yr, yi) (((xr) > (yr) && !isnan(xi) && !isnan(yi)) || ((xr) == (yr) && (xi) >= (yi)))

#define DEF_COPS(C, s, R, sfx, CX)                                                            \
    static inline C s##_mk(R r, R i) { C z = {r, i}; return z; }                             \
    static inline C s##_add(C x, C y) { return s##_mk(x.r + y.r, x.i + y.i); }               \
    static inline C s##_sub(C x, C y) { return s##_mk(x.r - y.r, x.i - y.i); }               \
    static inline C s##_mul(C x, C y) { return s##_mk(x.r * y.r - x.i * y.i, x.r * y.i + x.i * y.r); } \
    static inline C s##_div(C x, C y) {                                                       \
        R ar = fabs##sfx(y.r), ai = fabs##sfx(y.i);                                           \
        if (ar >= ai) {                                                                       \
            if (ar == 0 && ai == 0) return s##_mk(x.r / ar, x.i / ar);                        \
            R rat = y.i / y.r, scl = (R)1.0 / (y.r + y.i * rat);                              \
            return s##_mk(ADD2(x.r, x.i * rat) * scl, (x.i - x.r * rat) * scl);                 \
        }                                                                                     \
        /* NumPy's Smith division, with the NaN its compiled code keeps */                    \
        R rat = y.r / y.i, scl = (R)1.0 / (y.i + y.r * rat);                                  \
        return s##_mk(MUL1(ADD2(MUL2(x.r, rat), x.i), scl), MUL1(SUB1(MUL2(x.i, rat), x.r), scl)); \
    }                                                                                         \
    static inline CX s##_cx(C x) { return CMPLX##sfx##_(x.r, x.i); }                         \
    static inline C s##_from(CX z) { return s##_mk(creal##sfx(z), cimag##sfx(z)); }          \
    static inline C s##_pow(C a, C b) {                                                       \
        if (b.r == 0 && b.i == 0) return s##_mk(1, 0);                                        \
        if (a.r == 0 && a.i == 0) return b.r > 0 && b.i == 0 ? s##_mk(0, 0) : s##_mk(NAN, NAN);          \
        if (b.i == 0 && b.r == (R)(int64_t)b.r && fabs##sfx(b.r) < 100) {                     \
            int64_t n = (int64_t)b.r;                                                         \
            if (n == 1) return a;                                                             \
            if (n == 2) return s##_mul(a, a);                                                 \
            if (n == 3) return s##_mul(a, s##_mul(a, a));                                     \
            C acc = s##_mk(1, 0), p = a;                                                      \
            int64_t m = n < 0 ? -n : n;                                                       \
            for (int64_t mask = 1;; mask <<= 1) {                                             \
                if (m & mask) acc = s##_mul(acc, p);                                          \
                if (m < (mask << 1)) break;                                                   \
                p = s##_mul(p, p);                                                            \
            }                                                                                 \
            return n < 0 ? s##_div(s##_mk(1, 0), acc) : acc;                                  \
        }                                                                                     \
        return s##_from(cpow##sfx(s##_cx(a), s##_cx(b)));                                    \
    }                                                                                         \
    static inline C s##_max(C x, C y) {                                                       \
        return (isnan(x.r) || isnan(x.i) || CGE(x.r, x.i, y.r, y.i)) ? x : y;                 \
    }                                                                                         \
    static inline C s##_min(C x, C y) {                                                       \
        return (isnan(x.r) || isnan(x.i) || CLE(x.r, x.i, y.r, y.i)) ? x : y;                 \
    }                                                                                         \
    static inline bool s##_eq(C x, C y) { return x.r == y.r && x.i == y.i; }                 \
    static inline bool s##_ne(C x, C y) { return x.r != y.r || x.i != y.i; }                 \
    static inline bool s##_lt(C x, C y) { return CLT(x.r, x.i, y.r, y.i); }                  \
    static inline bool s##_le(C x, C y) { return CLE(x.r, x.i, y.r, y.i); }                  \
    static inline bool s##_gt(C x, C y) { return CGT(x.r, x.i, y.r, y.i); }                  \
    static inline bool s##_ge(C x, C y) { return CGE(x.r, x.i, y.r, y.i); }                  \
    static inline bool s##_truth(C x) { return x.r != 0 || x.i != 0; }                       \
    static inline bool s##_land(C x, C y) { return s##_truth(x) && s##_truth(y); }           \
    static inline bool s##_lor(C x, C y) { return s##_truth(x) || s##_truth(y); }            \
    static inline bool s##_lxor(C x, C y) { return s##_truth(x) != s##_truth(y); }           \
    static inline C s##_neg(C x) { return s##_mk(-x.r, -x.i); }                              \
    static inline C s##_pos(C x) { return x; }                                               \
    static inline C s##_conj(C x) { return s##_mk(x.r, -x.i); }                              \
    static inline R s##_abs(C x) { /* NumPy's SIMD cabsolute: larger*sqrt(fma(r,r,1)) */     \
        R re = fabs##sfx(x.r), im = fabs##sfx(x.i);                                           \
        if (isinf(re) || isinf(im)) return (R)INFINITY;                                       \
        if (isnan(re) || isnan(im)) return (R)NAN;                                            \
        R hi = re > im ? re : im, lo = re > im ? im : re;                                     \
        if (hi == 0) return 0;                                                                \
        R r = lo / hi;                                                                        \
        return sqrt##sfx(FMA##sfx(r, r, (R)1)) * hi;                                          \
    }                                                                                         \
    static inline bool s##_lnot(C x) { return !s##_truth(x); }                               \
    static inline C s##_sqrt(C x) { return s##_from(csqrt##sfx(s##_cx(x))); }                \
    static inline C s##_exp(C x) { return s##_from(cexp##sfx(s##_cx(x))); }                  \
    static inline C s##_log(C x) { return s##_from(clog##sfx(s##_cx(x))); }                  \
    static inline C s##_sin(C x) { return s##_from(csin##sfx(s##_cx(x))); }                  \
    static inline C s##_cos(C x) { return s##_from(ccos##sfx(s##_cx(x))); }                  \
    static inline C s##_rint(C x) { return s##_mk(rint##sfx(x.r), rint##sfx(x.i)); }         \
    static inline C s##_sign(C x) {                                                          \
        if (isnan(x.r) || isnan(x.i)) return s##_mk(NAN, 0);                                 \
        if (x.r > 0) return s##_mk(1, 0);                                                     \
        if (x.r < 0) return s##_mk(-1, 0);                                                    \
        return s##_mk(x.i > 0 ? 1 : x.i < 0 ? -1 : 0, 0);                                     \
    }                                                                                         \
    static inline bool s##_isnan(C x) { return isnan(x.r) || isnan(x.i); }                   \
    static inline bool s##_isinf(C x) { return isinf(x.r) || isinf(x.i); }                   \
    static inline bool s##_isfinite(C x) { return isfinite(x.r) && isfinite(x.i); }          \
    BIN_LOOP(s##_add_loop, C, C, s##_add)                                                    \
    BIN_LOOP(s##_sub_loop, C, C, s##_sub)                                                    \
    BIN_LOOP(s##_mul_loop, C, C, s##_mul)                                                    \
    BIN_LOOP(s##_div_loop, C, C, s##_div)                                                    \
    BIN_LOOP(s##_pow_loop, C, C, s##_pow)                                                    \
    BIN_LOOP(s##_max_loop, C, C, s##_max)                                                    \
    BIN_LOOP(s##_min_loop, C, C, s##_min)                                                    \
    BIN_LOOP(s##_eq_loop, C, bool, s##_eq)                                                   \
    BIN_LOOP(s##_ne_loop, C, bool, s##_ne)                                                   \
    BIN_LOOP(s##_lt_loop, C, bool, s##_lt)                                                   \
    BIN_LOOP(s##_le_loop, C, bool, s##_le)                                                   \
    BIN_LOOP(s##_gt_loop, C, bool, s##_gt)                                                   \
    BIN_LOOP(s##_ge_loop, C, bool, s##_ge)                                                   \
    BIN_LOOP(s##_land_loop, C, bool, s##_land)                                               \
    BIN_LOOP(s##_lor_loop, C, bool, s##_lor)                                                 \
    BIN_LOOP(s##_lxor_loop, C, bool, s##_lxor)                                               \
    UN_LOOP(s##_neg_loop, C, C, s##_neg)                                                     \
    UN_LOOP(s##_pos_loop, C, C, s##_pos)                                                     \
    UN_LOOP(s##_conj_loop, C, C, s##_conj)                                                   \
    UN_LOOP(s##_abs_loop, C, R, s##_abs)                                                     \
    UN_LOOP(s##_lnot_loop, C, bool, s##_lnot)                                                \
    UN_LOOP(s##_sqrt_loop, C, C, s##_sqrt)                                                   \
    UN_LOOP(s##_exp_loop, C, C, s##_exp)                                                     \
    UN_LOOP(s##_log_loop, C, C, s##_log)                                                     \
    UN_LOOP(s##_sin_loop, C, C, s##_sin)                                                     \
    UN_LOOP(s##_cos_loop, C, C, s##_cos)                                                     \
    UN_LOOP(s##_rint_loop, C, C, s##_rint)                                                   \
    UN_LOOP(s##_sign_loop, C, C, s##_sign)                                                   \
    UN_LOOP(s##_isnan_loop, C, bool, s##_isnan)                                              \
    UN_LOOP(s##_isinf_loop, C, bool, s##_isinf)                                              \
    UN_LOOP(s##_isfinite_loop, C, bool, s##_isfinite)

/* x86 arithmetic on a NaN operand returns it (the first one if both are
 * NaN), sign and payload kept; gcc is free to swap the operands of + and *,
 * so these pin which NaN of two is kept -- the first (..1) or the second
 * (..2) -- to the one NumPy's compiled loop keeps there. */
#define MUL1(x, y) (isnan(x) ? (x) : (x) * (y))
#define MUL2(x, y) (isnan(y) ? (y) : (x) * (y))
#define ADD2(x, y) (isnan(y) ? (y) : (x) + (y))
#define ADD1(x, y) (isnan(x) ? (x) : (x) + (y))
#define SUB1(x, y) (isnan(x) ? (x) : (x) - (y))

/* NumPy's SIMD path for contiguous steps whose output starts at least 64
 * bytes from each input (IS_BINARY_STRIDE_ONE(esize, 64)). */
static bool far_apart(const char *x, const char *y) {
    uintptr_t u = (uintptr_t)x, v = (uintptr_t)y;
    return (u > v ? u - v : v - u) >= 64;
}
static bool simd_path(char **args, const int64_t *steps, int64_t esize) {
    return steps[0] == esize && steps[1] == esize && steps[2] == esize && far_apart(args[2], args[0]) &&
           far_apart(args[2], args[1]);
}

/* Hardware FMA where the CPU has it, so NaN results carry the sign x86
 * gives them (as in NumPy's contracted loop); libm's exact fma elsewhere. */
#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("fma"))) static double fma_hw(double a, double b, double c) { return __builtin_fma(a, b, c); }
static double fma_any(double a, double b, double c) {
    return __builtin_cpu_supports("fma") ? fma_hw(a, b, c) : fma(a, b, c);
}
#else
static double fma_any(double a, double b, double c) { return fma(a, b, c); }
#endif

/* NumPy 1.24's complex multiply.  Its SIMD path computes
 * (ar*br) - (ai*bi) and (ai*br) + (ar*bi) plainly; its other path is, for
 * complex128, a loop gcc turned into vfmaddsub231pd: re = fma(ar, br, -c)
 * with c = ai*bi and im = fma(ar, bi, d) with d = ai*br, where a NaN ar
 * wins over a NaN b part, which wins over a NaN c or d (the subtraction
 * never flips a NaN's sign); for complex64 a plain (ar*br) - (ai*bi) and
 * (ar*bi) + (ai*br).  Reproduce all three, bit for bit.  Which path NumPy
 * takes depends on the steps and pointers its inner loop is handed, which
 * its buffered iterator may replace (ops/iter.c, nd__loopn_np); the _auto
 * kernels decide from what they are handed themselves. */
static void c128_mul_path(char **args, const int64_t *steps, int64_t n, bool simd) {
    char *a = args[0], *b = args[1], *o = args[2];
    int64_t sa = steps[0], sb = steps[1], so = steps[2];
    for (int64_t i = 0; i < n; i++, a += sa, b += sb, o += so) {
        double x[2], y[2], r[2];
        memcpy(x, a, 16);
        memcpy(y, b, 16);
        if (simd) {
            r[0] = SUB1(MUL1(x[0], y[0]), MUL1(x[1], y[1]));
            r[1] = ADD1(MUL1(x[1], y[0]), MUL1(x[0], y[1]));
        } else {
            double c = MUL1(x[1], y[1]), d = MUL1(x[1], y[0]);
            r[0] = isnan(x[0]) ? x[0] : isnan(y[0]) ? y[0] : isnan(c) ? c : fma_any(x[0], y[0], -c);
            r[1] = isnan(x[0]) ? x[0] : isnan(y[1]) ? y[1] : isnan(d) ? d : fma_any(x[0], y[1], d);
        }
        memcpy(o, r, 16);
    }
}
static void c128_mul_simd(char **args, const int64_t *steps, int64_t n) { c128_mul_path(args, steps, n, true); }
static void c128_mul_scalar(char **args, const int64_t *steps, int64_t n) { c128_mul_path(args, steps, n, false); }

static void c64_mul_path(char **args, const int64_t *steps, int64_t n, bool simd) {
    char *a = args[0], *b = args[1], *o = args[2];
    int64_t sa = steps[0], sb = steps[1], so = steps[2];
    for (int64_t i = 0; i < n; i++, a += sa, b += sb, o += so) {
        float x[2], y[2], r[2];
        memcpy(x, a, 8);
        memcpy(y, b, 8);
        r[0] = SUB1(MUL1(x[0], y[0]), MUL1(x[1], y[1]));
        r[1] = simd ? ADD1(MUL1(x[1], y[0]), MUL1(x[0], y[1])) : ADD1(MUL1(x[0], y[1]), MUL1(x[1], y[0]));
        memcpy(o, r, 8);
    }
}
static void c64_mul_simd(char **args, const int64_t *steps, int64_t n) { c64_mul_path(args, steps, n, true); }
static void c64_mul_scalar(char **args, const int64_t *steps, int64_t n) { c64_mul_path(args, steps, n, false); }

static void c128_mul_auto(char **args, const int64_t *steps, int64_t n) {
    c128_mul_path(args, steps, n, simd_path(args, steps, 16));
}
static void c64_mul_auto(char **args, const int64_t *steps, int64_t n) {
    c64_mul_path(args, steps, n, simd_path(args, steps, 8));
}

nd_kernel nd__kernel_cmul(nd_type t, bool simd) {
    if (t == ND_COMPLEX128) return simd ? c128_mul_simd : c128_mul_scalar;
    if (t == ND_COMPLEX64) return simd ? c64_mul_simd : c64_mul_scalar;
    return NULL;
}

#define FMAf(a, b, c) fmaf(a, b, c)
#define FMA(a, b, c) fma_any(a, b, c)
/* glibc's <complex.h> defines CMPLX only for compilers it recognises
 * (not clang 14); both gcc and clang have the builtin it expands to. */
#ifndef CMPLX
#define CMPLX(r, i) __builtin_complex((double)(r), (double)(i))
#endif
#ifndef CMPLXF
#define CMPLXF(r, i) __builtin_complex((float)(r), (float)(i))
#endif
#define CMPLXf_(r, i) CMPLXF(r, i)
#define CMPLX_(r, i) CMPLX(r, i)
DEF_COPS(c64, c64, float, f, float complex)
DEF_COPS(c128, c128, double, , double complex)

#define CASE_OP(s)                                                                            \
    switch (op) {                                                                             \
    case ND_ADD: return s##_add_loop;                                                         \
    case ND_SUBTRACT: return s##_sub_loop;                                                    \
    case ND_MULTIPLY: return s##_mul_loop;                                                    \
    case ND_TRUE_DIVIDE: return s##_div_loop;                                                 \
    case ND_POWER: return s##_pow_loop;                                                       \
    case ND_MINIMUM: return s##_min_loop;                                                     \
    case ND_MAXIMUM: return s##_max_loop;                                                     \
    case ND_EQUAL: return s##_eq_loop;                                                        \
    case ND_NOT_EQUAL: return s##_ne_loop;                                                    \
    case ND_LESS: return s##_lt_loop;                                                         \
    case ND_LESS_EQUAL: return s##_le_loop;                                                   \
    case ND_GREATER: return s##_gt_loop;                                                      \
    case ND_GREATER_EQUAL: return s##_ge_loop;                                                \
    case ND_LOGICAL_AND: return s##_land_loop;                                                \
    case ND_LOGICAL_OR: return s##_lor_loop;                                                  \
    case ND_LOGICAL_XOR: return s##_lxor_loop;                                                \
    case ND_NEGATIVE: return s##_neg_loop;                                                    \
    case ND_POSITIVE: return s##_pos_loop;                                                    \
    case ND_CONJUGATE: return s##_conj_loop;                                                  \
    case ND_ABSOLUTE: return s##_abs_loop;                                                    \
    case ND_LOGICAL_NOT: return s##_lnot_loop;                                                \
    case ND_SQRT: return s##_sqrt_loop;                                                       \
    case ND_EXP: return s##_exp_loop;                                                         \
    case ND_LOG: return s##_log_loop;                                                         \
    case ND_SIN: return s##_sin_loop;                                                         \
    case ND_COS: return s##_cos_loop;                                                         \
    case ND_RINT: return s##_rint_loop;                                                       \
    case ND_SIGN: return s##_sign_loop;                                                       \
    case ND_ISNAN: return s##_isnan_loop;                                                     \
    case ND_ISINF: return s##_isinf_loop;                                                     \
    case ND_ISFINITE: return s##_isfinite_loop;                                               \
    default: return NULL;                                                                     \
    }

nd_kernel nd__kernel_cplx(nd_ufunc op, nd_type t) {
    if (t == ND_COMPLEX128 && op == ND_MULTIPLY) return c128_mul_auto;
    if (t == ND_COMPLEX64 && op == ND_MULTIPLY) return c64_mul_auto;
    switch (t) {
    case ND_COMPLEX64: CASE_OP(c64)
    case ND_COMPLEX128: CASE_OP(c128)
    default: return NULL;
    }
}
