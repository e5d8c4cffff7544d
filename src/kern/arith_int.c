/* arith_int.c — ufunc inner loops for bool and the integer types, with
 * NumPy 1.24's results (wrapping arithmetic, 0 for division by zero,
 * Python's floor/modulo signs, shifts past the width giving 0 or -1). */
#include "nd_internal.h"

/* X(type enum, C type, wide unsigned type for wrapping arithmetic, name, signed) */
#define INT_TYPES(X)                                                                          \
    X(ND_INT8, int8_t, uint32_t, i8, 1) X(ND_UINT8, uint8_t, uint32_t, u8, 0)                \
    X(ND_INT16, int16_t, uint32_t, i16, 1) X(ND_UINT16, uint16_t, uint32_t, u16, 0)          \
    X(ND_INT32, int32_t, uint32_t, i32, 1) X(ND_UINT32, uint32_t, uint32_t, u32, 0)          \
    X(ND_INT64, int64_t, uint64_t, i64, 1) X(ND_UINT64, uint64_t, uint64_t, u64, 0)

#define TMIN(T) ((T)((uint64_t)1 << (sizeof(T) * 8 - 1))) /* impl-defined narrowing, not UB */
#define NBITS(T) (sizeof(T) * 8)

#include "ufunc_loops.h"

/* ---- per-type element operations ---- */

#define DEF_OPS(E, T, W, s, SG)                                                                   \
    static inline bool s##_isneg(T x) { return SG ? (x >> (NBITS(T) - 1)) & 1 : 0; }          \
    static inline T s##_add(T x, T y) { return (T)((W)x + (W)y); }                          \
    static inline T s##_sub(T x, T y) { return (T)((W)x - (W)y); }                          \
    static inline T s##_mul(T x, T y) { return (T)((W)x * (W)y); }                          \
    static inline T s##_fdiv(T x, T y) {                                                     \
        if (y == 0) return 0;                                                                \
        if (SG && x == TMIN(T) && y == (T)-1) return TMIN(T);                       \
        T q = (T)(x / y);                                                                    \
        if (((x > 0) != (y > 0)) && (T)((W)q * (W)y) != x) q = (T)(q - 1);                   \
        return q;                                                                            \
    }                                                                                        \
    static inline T s##_rem(T x, T y) {                                                      \
        if (y == 0) return 0;                                                                \
        if (SG && y == (T)-1) return 0;                                             \
        T r = (T)(x % y);                                                                    \
        if (r != 0 && (s##_isneg(r) != s##_isneg(y))) r = (T)(r + y);                                  \
        return r;                                                                            \
    }                                                                                        \
    static inline T s##_pow(T x, T y) { /* y >= 0: checked before the loop */               \
        W r = 1, b = (W)x;                                                                   \
        uint64_t e = (uint64_t)y;                                                            \
        while (e) {                                                                          \
            if (e & 1) r = (W)(r * b);                                                       \
            b = (W)(b * b);                                                                  \
            e >>= 1;                                                                         \
        }                                                                                    \
        return (T)r;                                                                         \
    }                                                                                        \
    static inline T s##_min(T x, T y) { return x <= y ? x : y; }                             \
    static inline T s##_max(T x, T y) { return x >= y ? x : y; }                             \
    static inline T s##_and(T x, T y) { return (T)(x & y); }                                 \
    static inline T s##_or(T x, T y) { return (T)(x | y); }                                  \
    static inline T s##_xor(T x, T y) { return (T)(x ^ y); }                                 \
    static inline T s##_lsh(T x, T y) {                                                      \
        if ((uint64_t)(int64_t)y >= NBITS(T)) return 0;                                      \
        return (T)((W)x << y);                                                               \
    }                                                                                        \
    static inline T s##_rsh(T x, T y) {                                                      \
        if ((uint64_t)(int64_t)y >= NBITS(T)) return (T)(s##_isneg(x) ? -1 : 0);                    \
        return (T)(x >> y);                                                                  \
    }                                                                                        \
    static inline bool s##_eq(T x, T y) { return x == y; }                                   \
    static inline bool s##_ne(T x, T y) { return x != y; }                                   \
    static inline bool s##_lt(T x, T y) { return x < y; }                                    \
    static inline bool s##_le(T x, T y) { return x <= y; }                                   \
    static inline bool s##_gt(T x, T y) { return x > y; }                                    \
    static inline bool s##_ge(T x, T y) { return x >= y; }                                   \
    static inline bool s##_land(T x, T y) { return x && y; }                                 \
    static inline bool s##_lor(T x, T y) { return x || y; }                                  \
    static inline bool s##_lxor(T x, T y) { return !x != !y; }                               \
    static inline T s##_neg(T x) { return (T)(0 - (W)x); }                                   \
    static inline T s##_pos(T x) { return x; }                                               \
    static inline T s##_abs(T x) { return s##_isneg(x) ? (T)(0 - (W)x) : x; }        \
    static inline T s##_inv(T x) { return (T)~x; }                                           \
    static inline bool s##_lnot(T x) { return !x; }                                          \
    static inline T s##_sign(T x) { return (T)((x > 0) - s##_isneg(x)); }                         \
    static inline bool s##_false(T x) { (void)x; return false; }                             \
    static inline bool s##_true(T x) { (void)x; return true; }
INT_TYPES(DEF_OPS)

/* Loops: X(ufunc, op suffix, output "same" or "bool"). */

#define DEF_TYPE_LOOPS(E, T, W, s, SG)                                                            \
    BIN_LOOP(s##_add_loop, T, T, s##_add)                                                    \
    BIN_LOOP(s##_sub_loop, T, T, s##_sub)                                                    \
    BIN_LOOP(s##_mul_loop, T, T, s##_mul)                                                    \
    BIN_LOOP(s##_fdiv_loop, T, T, s##_fdiv)                                                  \
    BIN_LOOP(s##_rem_loop, T, T, s##_rem)                                                    \
    BIN_LOOP(s##_pow_loop, T, T, s##_pow)                                                    \
    BIN_LOOP(s##_min_loop, T, T, s##_min)                                                    \
    BIN_LOOP(s##_max_loop, T, T, s##_max)                                                    \
    BIN_LOOP(s##_and_loop, T, T, s##_and)                                                    \
    BIN_LOOP(s##_or_loop, T, T, s##_or)                                                      \
    BIN_LOOP(s##_xor_loop, T, T, s##_xor)                                                    \
    BIN_LOOP(s##_lsh_loop, T, T, s##_lsh)                                                    \
    BIN_LOOP(s##_rsh_loop, T, T, s##_rsh)                                                    \
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
    UN_LOOP(s##_inv_loop, T, T, s##_inv)                                                     \
    UN_LOOP(s##_lnot_loop, T, bool, s##_lnot)                                                \
    UN_LOOP(s##_sign_loop, T, T, s##_sign)                                                   \
    UN_LOOP(s##_false_loop, T, bool, s##_false)                                              \
    UN_LOOP(s##_true_loop, T, bool, s##_true)
INT_TYPES(DEF_TYPE_LOOPS)

/* ---- bool: npy_bool is one byte holding 0 or 1 ---- */

typedef uint8_t nbool;
static inline nbool b_or(nbool x, nbool y) { return x || y; }
static inline nbool b_and(nbool x, nbool y) { return x && y; }
static inline nbool b_xor(nbool x, nbool y) { return (nbool)(!x != !y); }
static inline nbool b_eq(nbool x, nbool y) { return (nbool)(!x == !y); }
static inline nbool b_ne(nbool x, nbool y) { return (nbool)(!x != !y); }
static inline nbool b_lt(nbool x, nbool y) { return !x && y; }
static inline nbool b_le(nbool x, nbool y) { return !x || y; }
static inline nbool b_gt(nbool x, nbool y) { return x && !y; }
static inline nbool b_ge(nbool x, nbool y) { return x || !y; }
static inline nbool b_not(nbool x) { return !x; }
static inline nbool b_id(nbool x) { return x != 0; }
static inline nbool b_false(nbool x) { (void)x; return 0; }
static inline nbool b_true(nbool x) { (void)x; return 1; }
BIN_LOOP(b_or_loop, nbool, nbool, b_or)
BIN_LOOP(b_and_loop, nbool, nbool, b_and)
BIN_LOOP(b_xor_loop, nbool, nbool, b_xor)
BIN_LOOP(b_eq_loop, nbool, nbool, b_eq)
BIN_LOOP(b_ne_loop, nbool, nbool, b_ne)
BIN_LOOP(b_lt_loop, nbool, nbool, b_lt)
BIN_LOOP(b_le_loop, nbool, nbool, b_le)
BIN_LOOP(b_gt_loop, nbool, nbool, b_gt)
BIN_LOOP(b_ge_loop, nbool, nbool, b_ge)
UN_LOOP(b_not_loop, nbool, nbool, b_not)
UN_LOOP(b_id_loop, nbool, nbool, b_id)
UN_LOOP(b_false_loop, nbool, nbool, b_false)
UN_LOOP(b_true_loop, nbool, nbool, b_true)

static nd_kernel bool_kernel(nd_ufunc op) {
    switch (op) {
    case ND_ADD: case ND_MAXIMUM: case ND_BITWISE_OR: case ND_LOGICAL_OR: return b_or_loop;
    case ND_MULTIPLY: case ND_MINIMUM: case ND_BITWISE_AND: case ND_LOGICAL_AND: return b_and_loop;
    case ND_BITWISE_XOR: case ND_LOGICAL_XOR: return b_xor_loop;
    case ND_NOT_EQUAL: return b_ne_loop;
    case ND_EQUAL: return b_eq_loop;
    case ND_LESS: return b_lt_loop;
    case ND_LESS_EQUAL: return b_le_loop;
    case ND_GREATER: return b_gt_loop;
    case ND_GREATER_EQUAL: return b_ge_loop;
    case ND_INVERT: case ND_LOGICAL_NOT: return b_not_loop;
    case ND_ABSOLUTE: return b_id_loop;
    case ND_ISNAN: case ND_ISINF: return b_false_loop;
    case ND_ISFINITE: return b_true_loop;
    default: return NULL;
    }
}

#define CASE_OP(s)                                                                            \
    switch (op) {                                                                             \
    case ND_ADD: return s##_add_loop;                                                         \
    case ND_SUBTRACT: return s##_sub_loop;                                                    \
    case ND_MULTIPLY: return s##_mul_loop;                                                    \
    case ND_FLOOR_DIVIDE: return s##_fdiv_loop;                                               \
    case ND_REMAINDER: return s##_rem_loop;                                                   \
    case ND_POWER: return s##_pow_loop;                                                       \
    case ND_MINIMUM: return s##_min_loop;                                                     \
    case ND_MAXIMUM: return s##_max_loop;                                                     \
    case ND_BITWISE_AND: return s##_and_loop;                                                 \
    case ND_BITWISE_OR: return s##_or_loop;                                                   \
    case ND_BITWISE_XOR: return s##_xor_loop;                                                 \
    case ND_LEFT_SHIFT: return s##_lsh_loop;                                                  \
    case ND_RIGHT_SHIFT: return s##_rsh_loop;                                                 \
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
    case ND_INVERT: return s##_inv_loop;                                                      \
    case ND_LOGICAL_NOT: return s##_lnot_loop;                                                \
    case ND_SIGN: return s##_sign_loop;                                                       \
    case ND_ISNAN: case ND_ISINF: return s##_false_loop;                                      \
    case ND_ISFINITE: return s##_true_loop;                                                   \
    default: return NULL;                                                                     \
    }

nd_kernel nd__kernel_int(nd_ufunc op, nd_type t) {
    switch (t) {
    case ND_BOOL: return bool_kernel(op);
#define TYPE_CASE(E, T, W, s, SG) case E: CASE_OP(s)
        INT_TYPES(TYPE_CASE)
#undef TYPE_CASE
    default: return NULL;
    }
}
