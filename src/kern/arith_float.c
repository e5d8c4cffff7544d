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
 * stored value to CT and ST back (identity except for float16). */
#define DEF_FOPS(T, s, CT, LD, ST, sfx, GT, LT)                                                       \
    static inline T s##_add(T x, T y) { return ST(LD(x) + LD(y)); }                          \
    static inline T s##_sub(T x, T y) { return ST(LD(x) - LD(y)); }                          \
    static inline T s##_mul(T x, T y) { return ST(LD(x) * LD(y)); }                          \
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
    static inline T s##_exp(T x) { return ST(exp##sfx(LD(x))); }                             \
    static inline T s##_log(T x) { return ST(log##sfx(LD(x))); }                             \
    static inline T s##_sin(T x) { return ST(sin##sfx(LD(x))); }                             \
    static inline T s##_cos(T x) { return ST(cos##sfx(LD(x))); }                             \
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
DEF_FOPS(uint16_t, f16, float, h2f, f2h, f, >=, <=)
DEF_FOPS(float, f32, float, ID, ID, f, >, <)
DEF_FOPS(double, f64, double, ID, ID, , >, <)

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
    case ND_POSITIVE: return s##_pos_loop;                                                    \
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
    case ND_FLOAT64: CASE_OP(f64)
    default: return NULL;
    }
}
