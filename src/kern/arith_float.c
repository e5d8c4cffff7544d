/* arith_float.c — ufunc inner loops for float16/32/64 with NumPy 1.24's
 * semantics (Python-style floor division and modulo via divmod, NaN
 * propagating maximum/minimum, sign(nan) = nan).  float16 computes in
 * float and rounds back once, as NumPy's half loops do. */
#include "nd_internal.h"

#include <math.h>

#include "ufunc_loops.h"

/* NumPy's npy_divmod: fmod, then adjust to Python's sign convention and
 * snap the quotient to an integer. */
#define DEF_DIVMOD(CT, sfx)                                                                   \
    static inline CT divmod_##sfx(CT a, CT b, CT *modulus) {                                  \
        CT mod = fmod##sfx(a, b), div, floordiv;                                              \
        if (!b) {                                                                             \
            *modulus = mod;                                                                   \
            return a / b;                                                                     \
        }                                                                                     \
        div = (a - mod) / b;                                                                  \
        if (mod) {                                                                            \
            if (isless(b, 0) != isless(mod, 0)) {                                             \
                mod += b;                                                                     \
                div -= (CT)1;                                                                 \
            }                                                                                 \
        } else {                                                                              \
            mod = copysign##sfx((CT)0, b);                                                    \
        }                                                                                     \
        if (div) {                                                                            \
            floordiv = floor##sfx(div);                                                       \
            if (isgreater(div - floordiv, (CT)0.5)) floordiv += (CT)1;                        \
        } else {                                                                              \
            floordiv = copysign##sfx((CT)0, a / b);                                           \
        }                                                                                     \
        *modulus = mod;                                                                       \
        return floordiv;                                                                      \
    }                                                                                         \
    static inline CT floordiv_##sfx(CT a, CT b) {                                             \
        CT mod;                                                                               \
        if (!b) return a / b;                                                                 \
        return divmod_##sfx(a, b, &mod);                                                      \
    }                                                                                         \
    static inline CT remainder_##sfx(CT a, CT b) {                                            \
        CT mod;                                                                               \
        if (!b) return fmod##sfx(a, b);                                                       \
        divmod_##sfx(a, b, &mod);                                                             \
        return mod;                                                                           \
    }
DEF_DIVMOD(float, f)
DEF_DIVMOD(double, )

/* Element operations on storage type T computing in CT: LD converts a
 * stored value to CT and ST back (identity except for float16).  When both
 * operands are NaN, x86 returns the first one, but gcc may swap the
 * operands of + and *; so those return the NaN NumPy's loops give
 * themselves: W, the first operand's for float/double (and the
 * accumulator's in reductions), the second's for half. */
#define DEF_FOPS(T, s, CT, LD, ST, sfx, GT, LT, TR, W)                                                  \
    static inline T s##_add(T x, T y) { return isnan(LD(W)) ? W : ST(LD(x) + LD(y)); }       \
    static inline T s##_sub(T x, T y) { return ST(LD(x) - LD(y)); }                          \
    static inline T s##_mul(T x, T y) { return isnan(LD(W)) ? W : ST(LD(x) * LD(y)); }       \
    static inline T s##_div(T x, T y) { return ST(LD(x) / LD(y)); }                          \
    static inline T s##_fdiv(T x, T y) { return ST(floordiv_##sfx(LD(x), LD(y))); }          \
    static inline T s##_rem(T x, T y) { return ST(remainder_##sfx(LD(x), LD(y))); }          \
    static inline T s##_pow(T x, T y) { return ST(pow##sfx(LD(x), LD(y))); }                 \
    static inline T s##_max(T x, T y) { CT a = LD(x), b = LD(y); return (a GT b || isnan(a)) ? x : y; } \
    static inline T s##_min(T x, T y) { CT a = LD(x), b = LD(y); return (a LT b || isnan(a)) ? x : y; } \
    static inline bool s##_eq(T x, T y) { return LD(x) == LD(y); }                           \
    static inline bool s##_ne(T x, T y) { return LD(x) != LD(y); }                           \
    static inline bool s##_lt(T x, T y) { return LD(x) < LD(y); }                            \
    static inline bool s##_le(T x, T y) { return LD(x) <= LD(y); }                           \
    static inline bool s##_gt(T x, T y) { return LD(x) > LD(y); }                            \
    static inline bool s##_ge(T x, T y) { return LD(x) >= LD(y); }                           \
    static inline bool s##_land(T x, T y) { return LD(x) != 0 && LD(y) != 0; }               \
    static inline bool s##_lor(T x, T y) { return LD(x) != 0 || LD(y) != 0; }                \
    static inline bool s##_lxor(T x, T y) { return (LD(x) != 0) != (LD(y) != 0); }           \
    static inline T s##_neg(T x) { return ST(-LD(x)); }                                      \
    static inline T s##_pos(T x) { return x; }                                               \
    static inline T s##_abs(T x) { return ST(fabs##sfx(LD(x))); }                            \
    static inline bool s##_lnot(T x) { return !(LD(x) != 0); }                              \
    static inline T s##_sqrt(T x) { return ST(sqrt##sfx(LD(x))); }                           \
    static inline T s##_exp(T x) { return ST(TR##exp##sfx(LD(x))); }                         \
    static inline T s##_log(T x) { return ST(TR##log##sfx(LD(x))); }                         \
    static inline T s##_sin(T x) { return ST(TR##sin##sfx(LD(x))); }                         \
    static inline T s##_cos(T x) { return ST(TR##cos##sfx(LD(x))); }                         \
    static inline T s##_floor(T x) { return ST(floor##sfx(LD(x))); }                         \
    static inline T s##_ceil(T x) { return ST(ceil##sfx(LD(x))); }                           \
    static inline T s##_rint(T x) { return ST(rint##sfx(LD(x))); }                           \
    static inline T s##_sign(T x) {                                                          \
        CT a = LD(x);                                                                         \
        return ST(a > 0 ? (CT)1 : a < 0 ? (CT)-1 : a == 0 ? (CT)0 : a);                       \
    }                                                                                         \
    static inline bool s##_isnan(T x) { return isnan(LD(x)); }                               \
    static inline bool s##_isinf(T x) { return isinf(LD(x)); }                               \
    static inline bool s##_isfinite(T x) { return isfinite(LD(x)); }                         \
    BIN_LOOP(s##_add_loop, T, T, s##_add)                                                    \
    BIN_LOOP(s##_sub_loop, T, T, s##_sub)                                                    \
    BIN_LOOP(s##_mul_loop, T, T, s##_mul)                                                    \
    BIN_LOOP(s##_div_loop, T, T, s##_div)                                                    \
    BIN_LOOP(s##_fdiv_loop, T, T, s##_fdiv)                                                  \
    BIN_LOOP(s##_rem_loop, T, T, s##_rem)                                                    \
    BIN_LOOP(s##_pow_loop, T, T, s##_pow)                                                    \
    BIN_LOOP(s##_max_loop, T, T, s##_max)                                                    \
    BIN_LOOP(s##_min_loop, T, T, s##_min)                                                    \
    BIN_LOOP(s##_eq_loop, T, bool, s##_eq)                                                   \
    BIN_LOOP(s##_ne_loop, T, bool, s##_ne)                                                   \
    BIN_LOOP(s##_lt_loop, T, bool, s##_lt)                                                   \
    BIN_LOOP(s##_le_loop, T, bool, s##_le)                                                   \
    BIN_LOOP(s##_gt_loop, T, bool, s##_gt)                                                   \
    BIN_LOOP(s##_ge_loop, T, bool, s##_ge)                                                   \
    BIN_LOOP(s##_land_loop, T, bool, s##_land)                                               \
    BIN_LOOP(s##_lor_loop, T, bool, s##_lor)                                                 \
    BIN_LOOP(s##_lxor_loop, T, bool, s##_lxor)                                               \
    UN_LOOP(s##_neg_loop, T, T, s##_neg)                                                     \
    UN_LOOP(s##_pos_loop, T, T, s##_pos)                                                     \
    UN_LOOP(s##_abs_loop, T, T, s##_abs)                                                     \
    UN_LOOP(s##_lnot_loop, T, bool, s##_lnot)                                                \
    UN_LOOP(s##_sqrt_loop, T, T, s##_sqrt)                                                   \
    UN_LOOP(s##_exp_loop, T, T, s##_exp)                                                     \
    UN_LOOP(s##_log_loop, T, T, s##_log)                                                     \
    UN_LOOP(s##_sin_loop, T, T, s##_sin)                                                     \
    UN_LOOP(s##_cos_loop, T, T, s##_cos)                                                     \
    UN_LOOP(s##_floor_loop, T, T, s##_floor)                                                 \
    UN_LOOP(s##_ceil_loop, T, T, s##_ceil)                                                   \
    UN_LOOP(s##_rint_loop, T, T, s##_rint)                                                   \
    UN_LOOP(s##_sign_loop, T, T, s##_sign)                                                   \
    UN_LOOP(s##_isnan_loop, T, bool, s##_isnan)                                              \
    UN_LOOP(s##_isinf_loop, T, bool, s##_isinf)                                              \
    UN_LOOP(s##_isfinite_loop, T, bool, s##_isfinite)

#define ID(x) (x)
static inline float h2f(uint16_t h) { return nd__half_to_float(h); }
static inline uint16_t f2h(float f) { return nd__float_to_half(f); }
/* maximum/minimum on ties: NumPy's half loops keep the first operand
 * (>=), its float/double SIMD loops return the second (>, as maxpd). */
/* TR prefixes exp/log/sin/cos: float32 and float16 follow NumPy's own
 * SIMD loops (npymath_simd.c); float64 goes to libm. */
DEF_FOPS(uint16_t, f16, float, h2f, f2h, f, >=, <=, nd__npymath_simd_h_, y)
DEF_FOPS(float, f32, float, ID, ID, f, >, <, nd__npymath_simd_, x)
DEF_FOPS(double, f64, double, ID, ID, , >, <, , x)

/* ---- AVX2 float64 loops (chosen at run time) ----
 *
 * Contiguous float64 add/subtract/multiply/divide and the six comparisons,
 * with either operand possibly a scalar (step 0).  Each does the same IEEE
 * operation per element as the portable loop, so results are identical.
 * A large output that no input overlaps is written with streaming stores:
 * it would not stay in cache anyway, and skipping the read-for-ownership
 * of an existing output buffer saves a third of the memory traffic. */
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_KERNELS 1

#define NT_MIN_BYTES ((int64_t)16 << 20) /* about half an L3: smaller outputs may stay cached */

static bool use_avx2(void) { return nd__simd_enabled() && __builtin_cpu_supports("avx2"); }

/* Either the same run as the output (in place) or disjoint from it. */
static bool apart(const char *in, int64_t si, const char *out, int64_t n) {
    if (si == 0 || in == out) return true;
    return in + n * 8 <= out || out + n * 8 <= in;
}

static bool bytes_apart(const char *p, int64_t plen, const char *q, int64_t qlen) {
    return p + plen <= q || q + qlen <= p;
}

/* 0: not handled; otherwise the number of elements done (the caller's
 * portable loop finishes the rest). */
static int64_t f64_layout(char **args, const int64_t *steps, int64_t n, bool *nt) {
    const char *a = args[0], *b = args[1], *o = args[2];
    if (n < 32 || steps[2] != 8 || (steps[0] != 8 && steps[0] != 0) || (steps[1] != 8 && steps[1] != 0) ||
        (steps[0] == 0 && steps[1] == 0) || (((uintptr_t)a | (uintptr_t)b | (uintptr_t)o) & 7) || !use_avx2())
        return 0;
    if (!apart(a, steps[0], o, n) || !apart(b, steps[1], o, n)) return 0;
    *nt = n * 8 >= NT_MIN_BYTES && a != o && b != o;
    return n;
}

/* Every other float64 (a[::2]): whole vectors are loaded and computed,
 * and masked stores write only the view's lanes, so the items in between
 * are never written.  Loads stay below the last item's successor. */
static bool f64_pairs_layout(char **args, const int64_t *steps, int64_t n) {
    const char *a = args[0], *b = args[1], *o = args[2];
    if (n < 16 || steps[2] != 16 || (steps[0] != 16 && steps[0] != 0) || (steps[1] != 16 && steps[1] != 0) ||
        (steps[0] == 0 && steps[1] == 0) || (((uintptr_t)a | (uintptr_t)b | (uintptr_t)o) & 7) || !use_avx2())
        return false;
    return (steps[0] == 0 || a == o || bytes_apart(a, 16 * n, o, 16 * n)) &&
           (steps[1] == 0 || b == o || bytes_apart(b, 16 * n, o, 16 * n));
}

#define PAIRS_AVX2(name, VOP)                                                                                 \
    __attribute__((target("avx2"))) static int64_t name(char **args, const int64_t *steps, int64_t n) {       \
        if (!f64_pairs_layout(args, steps, n)) return 0;                                                      \
        const double *x = (const double *)(const void *)args[0], *y = (const double *)(const void *)args[1];  \
        double *z = (double *)(void *)args[2];                                                                \
        int64_t sx = steps[0] / 8, sy = steps[1] / 8, i = 0;                                                  \
        const __m256i even = _mm256_setr_epi64x(-1, 0, -1, 0);                                                \
        __m256d xs = _mm256_set1_pd(*x), ys = _mm256_set1_pd(*y);                                             \
        for (; i + 4 < n; i += 4) {                                                                           \
            __m256d x0 = sx ? _mm256_loadu_pd(x + 2 * i) : xs, x1 = sx ? _mm256_loadu_pd(x + 2 * i + 4) : xs; \
            __m256d y0 = sy ? _mm256_loadu_pd(y + 2 * i) : ys, y1 = sy ? _mm256_loadu_pd(y + 2 * i + 4) : ys; \
            _mm256_maskstore_pd(z + 2 * i, even, VOP(x0, y0));                                                \
            _mm256_maskstore_pd(z + 2 * i + 4, even, VOP(x1, y1));                                            \
        }                                                                                                     \
        return i;                                                                                             \
    }

#define ARITH_AVX2(name, VOP, SOP)                                                                           \
    PAIRS_AVX2(name##_pairs, VOP)                                                                            \
    __attribute__((target("avx2"))) static int64_t name(char **args, const int64_t *steps, int64_t n) {      \
        bool nt = false;                                                                                     \
        if (!f64_layout(args, steps, n, &nt)) return name##_pairs(args, steps, n);                           \
        const double *x = (const double *)(const void *)args[0], *y = (const double *)(const void *)args[1]; \
        double *z = (double *)(void *)args[2];                                                               \
        int64_t sx = steps[0] / 8, sy = steps[1] / 8, i = 0;                                                 \
        if (nt) /* streaming stores need 32-byte alignment: scalar head */                                   \
            for (; ((uintptr_t)(z + i) & 31) && i < n; i++) z[i] = SOP(x[i * sx], y[i * sy]);                \
        __m256d xs = _mm256_set1_pd(*x), ys = _mm256_set1_pd(*y);                                            \
        for (; i + 8 <= n; i += 8) {                                                                         \
            __m256d x0 = sx ? _mm256_loadu_pd(x + i) : xs, x1 = sx ? _mm256_loadu_pd(x + i + 4) : xs;        \
            __m256d y0 = sy ? _mm256_loadu_pd(y + i) : ys, y1 = sy ? _mm256_loadu_pd(y + i + 4) : ys;        \
            __m256d r0 = VOP(x0, y0), r1 = VOP(x1, y1);                                                      \
            if (nt) {                                                                                        \
                _mm256_stream_pd(z + i, r0);                                                                 \
                _mm256_stream_pd(z + i + 4, r1);                                                             \
        } else {                                                                                             \
                _mm256_storeu_pd(z + i, r0);                                                                 \
                _mm256_storeu_pd(z + i + 4, r1);                                                             \
        }                                                                                                    \
        }                                                                                                    \
        if (nt) _mm_sfence();                                                                                \
        return i;                                                                                            \
    }
#define S_ADD(p, q) (isnan(p) ? (p) : (p) + (q))
#define S_SUB(p, q) ((p) - (q))
#define S_MUL(p, q) (isnan(p) ? (p) : (p) * (q))
#define S_DIV(p, q) ((p) / (q))
/* + and * keep a NaN first operand (see DEF_FOPS). */
__attribute__((target("avx2"))) static inline __m256d add_first(__m256d x, __m256d y) {
    return _mm256_blendv_pd(_mm256_add_pd(x, y), x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}
__attribute__((target("avx2"))) static inline __m256d mul_first(__m256d x, __m256d y) {
    return _mm256_blendv_pd(_mm256_mul_pd(x, y), x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}
ARITH_AVX2(f64_add_avx2, add_first, S_ADD)
ARITH_AVX2(f64_sub_avx2, _mm256_sub_pd, S_SUB)
ARITH_AVX2(f64_mul_avx2, mul_first, S_MUL)
ARITH_AVX2(f64_div_avx2, _mm256_div_pd, S_DIV)

/* 16 comparison bits -> 16 bytes of 0/1. */
__attribute__((target("avx2"))) static inline void store_bools16(char *z, unsigned bits) {
    __m128i v = _mm_set1_epi16((short)bits);
    v = _mm_shuffle_epi8(v, _mm_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1));
    v = _mm_and_si128(v, _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128));
    _mm_storeu_si128((__m128i *)(void *)z, _mm_min_epu8(v, _mm_set1_epi8(1)));
}

/* Ordered predicates give false on NaN as C's <, <=, >, >=, == do; != is
 * the unordered one, true on NaN. */
#define CMP_AVX2(name, PRED)                                                                                   \
    __attribute__((target("avx2"))) static int64_t name(char **args, const int64_t *steps, int64_t n) {        \
        const char *a = args[0], *b = args[1];                                                                 \
        if (n < 32 || steps[2] != 1 || (steps[0] != 8 && steps[0] != 0) || (steps[1] != 8 && steps[1] != 0) || \
            (steps[0] == 0 && steps[1] == 0) || (((uintptr_t)a | (uintptr_t)b) & 7) || !use_avx2() ||          \
            !bytes_apart(a, steps[0] * n, args[2], n) || !bytes_apart(b, steps[1] * n, args[2], n))            \
            return 0;                                                                                          \
        const double *x = (const double *)(const void *)a, *y = (const double *)(const void *)b;               \
        int64_t sx = steps[0] / 8, sy = steps[1] / 8, i = 0;                                                   \
        __m256d xs = _mm256_set1_pd(*x), ys = _mm256_set1_pd(*y);                                              \
        for (; i + 16 <= n; i += 16) {                                                                         \
            unsigned bits = 0;                                                                                 \
            for (int q = 0; q < 16; q += 4) {                                                                  \
                __m256d p = sx ? _mm256_loadu_pd(x + i + q) : xs, r = sy ? _mm256_loadu_pd(y + i + q) : ys;    \
                bits |= (unsigned)_mm256_movemask_pd(_mm256_cmp_pd(p, r, PRED)) << q;                          \
        }                                                                                                      \
            store_bools16(args[2] + i, bits);                                                                  \
        }                                                                                                      \
        return i;                                                                                              \
    }
CMP_AVX2(f64_gt_avx2, _CMP_GT_OQ)
CMP_AVX2(f64_ge_avx2, _CMP_GE_OQ)
CMP_AVX2(f64_lt_avx2, _CMP_LT_OQ)
CMP_AVX2(f64_le_avx2, _CMP_LE_OQ)
CMP_AVX2(f64_eq_avx2, _CMP_EQ_OQ)
CMP_AVX2(f64_ne_avx2, _CMP_NEQ_UQ)

/* The AVX2 loop first, the portable one for what it leaves. */
#define SIMD_FIRST(name, simd, portable)                                                                   \
    static void name(char **args, const int64_t *steps, int64_t n) {                                       \
        int64_t done = simd(args, steps, n);                                                               \
        if (done == n) return;                                                                             \
        char *rest[3] = {args[0] + done * steps[0], args[1] + done * steps[1], args[2] + done * steps[2]}; \
        portable(rest, steps, n - done);                                                                   \
    }
SIMD_FIRST(f64_add_fast, f64_add_avx2, f64_add_loop)
SIMD_FIRST(f64_sub_fast, f64_sub_avx2, f64_sub_loop)
SIMD_FIRST(f64_mul_fast, f64_mul_avx2, f64_mul_loop)
SIMD_FIRST(f64_div_fast, f64_div_avx2, f64_div_loop)
SIMD_FIRST(f64_gt_fast, f64_gt_avx2, f64_gt_loop)
SIMD_FIRST(f64_ge_fast, f64_ge_avx2, f64_ge_loop)
SIMD_FIRST(f64_lt_fast, f64_lt_avx2, f64_lt_loop)
SIMD_FIRST(f64_le_fast, f64_le_avx2, f64_le_loop)
SIMD_FIRST(f64_eq_fast, f64_eq_avx2, f64_eq_loop)
SIMD_FIRST(f64_ne_fast, f64_ne_avx2, f64_ne_loop)

static nd_kernel f64_simd_kernel(nd_ufunc op) {
    switch (op) {
    case ND_ADD: return f64_add_fast;
    case ND_SUBTRACT: return f64_sub_fast;
    case ND_MULTIPLY: return f64_mul_fast;
    case ND_TRUE_DIVIDE: return f64_div_fast;
    case ND_GREATER: return f64_gt_fast;
    case ND_GREATER_EQUAL: return f64_ge_fast;
    case ND_LESS: return f64_lt_fast;
    case ND_LESS_EQUAL: return f64_le_fast;
    case ND_EQUAL: return f64_eq_fast;
    case ND_NOT_EQUAL: return f64_ne_fast;
    default: return NULL;
    }
}
#endif

#define CASE_OP(s)                                                                            \
    switch (op) {                                                                             \
    case ND_ADD: return s##_add_loop;                                                         \
    case ND_SUBTRACT: return s##_sub_loop;                                                    \
    case ND_MULTIPLY: return s##_mul_loop;                                                    \
    case ND_TRUE_DIVIDE: return s##_div_loop;                                                 \
    case ND_FLOOR_DIVIDE: return s##_fdiv_loop;                                               \
    case ND_REMAINDER: return s##_rem_loop;                                                   \
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
    case ND_POSITIVE: case ND_CONJUGATE: return s##_pos_loop;                                 \
    case ND_ABSOLUTE: return s##_abs_loop;                                                    \
    case ND_LOGICAL_NOT: return s##_lnot_loop;                                                \
    case ND_SQRT: return s##_sqrt_loop;                                                       \
    case ND_EXP: return s##_exp_loop;                                                         \
    case ND_LOG: return s##_log_loop;                                                         \
    case ND_SIN: return s##_sin_loop;                                                         \
    case ND_COS: return s##_cos_loop;                                                         \
    case ND_FLOOR: return s##_floor_loop;                                                     \
    case ND_CEIL: return s##_ceil_loop;                                                       \
    case ND_RINT: return s##_rint_loop;                                                       \
    case ND_SIGN: return s##_sign_loop;                                                       \
    case ND_ISNAN: return s##_isnan_loop;                                                     \
    case ND_ISINF: return s##_isinf_loop;                                                     \
    case ND_ISFINITE: return s##_isfinite_loop;                                               \
    default: return NULL;                                                                     \
    }

nd_kernel nd__kernel_float(nd_ufunc op, nd_type t) {
    switch (t) {
    case ND_FLOAT16: CASE_OP(f16)
    case ND_FLOAT32: CASE_OP(f32)
    case ND_FLOAT64: {
#ifdef HAVE_AVX2_KERNELS
        nd_kernel k = f64_simd_kernel(op);
        if (k) return k;
#endif
        CASE_OP(f64)
    }
    default: return NULL;
    }
}
