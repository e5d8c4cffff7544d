/* cast.c — typed cast loops: cast_<from>_<to> (e.g. cast_int64_float64) for
 * every pair of the 14 types, plus a byte-order wrapper.
 *
 * The conversions reproduce what NumPy 1.24's astype gives on x86-64, and
 * they do it without undefined behaviour: an out-of-range or NaN float is
 * never handed to a C cast.  NumPy's own loops are plain C casts compiled
 * by gcc, so their results are the instructions' results:
 *   - to int8/uint8/int16/uint16/int32: cvttsd2si into 32 bits (NaN and
 *     out of range give INT32_MIN), then truncation;
 *   - to int64: cvttsd2si into 64 bits (INT64_MIN when out of range);
 *   - to uint64: gcc's idiom  x >= 2^63 ? cvt(x - 2^63) ^ 2^63 : cvt(x);
 *   - to uint32 from float32/64 and complex: two answers, which differ
 *     outside [-2^31, 2^32).  gcc vectorised NumPy's contiguous loop four
 *     lanes at a time with the 32-bit form of the idiom above; its scalar
 *     code (strided runs, and the elements after the last full group of
 *     four -- for complex sources, whose loads leave gaps, always at least
 *     one) truncates a 64-bit conversion.  nd gives each element the answer
 *     NumPy's loop gives it (u32_loop below).  float16 sources are never
 *     vectorised and use the 64-bit truncation;
 *   - float16 goes through npy_half.c's routines (value.c); integers reach
 *     float16 through float32 as in NumPy.
 * Complex to real takes the real part; to bool tests both parts.  Bool
 * sources count any nonzero byte as true. */
#include "nd_internal.h"

typedef struct {
    float re, im;
} c64_t;
typedef struct {
    double re, im;
} c128_t;

/* ---- float -> integer, as the x86-64 instructions behave ---- */

static inline int32_t f2i32_d(double d) { return d > -2147483649.0 && d < 2147483648.0 ? (int32_t)d : INT32_MIN; }
static inline int32_t f2i32_f(float f) { return f >= -0x1p31f && f < 0x1p31f ? (int32_t)f : INT32_MIN; }
static inline int64_t f2i64_d(double d) { return d >= -0x1p63 && d < 0x1p63 ? (int64_t)d : INT64_MIN; }
static inline int64_t f2i64_f(float f) { return f >= -0x1p63f && f < 0x1p63f ? (int64_t)f : INT64_MIN; }
static inline uint32_t f2u32_d(double d) {
    return d >= 0x1p31 ? (uint32_t)f2i32_d(d - 0x1p31) ^ 0x80000000u : (uint32_t)f2i32_d(d);
}
static inline uint32_t f2u32_f(float f) {
    return f >= 0x1p31f ? (uint32_t)f2i32_f(f - 0x1p31f) ^ 0x80000000u : (uint32_t)f2i32_f(f);
}
static inline uint64_t f2u64_d(double d) {
    return d >= 0x1p63 ? (uint64_t)f2i64_d(d - 0x1p63) ^ 0x8000000000000000ull : (uint64_t)f2i64_d(d);
}
static inline uint64_t f2u64_f(float f) {
    return f >= 0x1p63f ? (uint64_t)f2i64_f(f - 0x1p63f) ^ 0x8000000000000000ull : (uint64_t)f2i64_f(f);
}
#define F2I32(x) _Generic((x), float: f2i32_f, default: f2i32_d)(x)
#define F2I64(x) _Generic((x), float: f2i64_f, default: f2i64_d)(x)
#define F2U32(x) _Generic((x), float: f2u32_f, default: f2u32_d)(x)
#define F2U64(x) _Generic((x), float: f2u64_f, default: f2u64_d)(x)
#define TO_HALF(x) _Generic((x), float: nd__float_to_half, default: nd__double_to_half)(x)

/* ---- 64-bit integer -> double ---- */

/* SSE2 has no packed int64 -> double, so (double)x stays scalar.  Split x
 * into 48 high and 16 low bits, turn each into a double exactly with the
 * 2^52 exponent trick (integer ops only), and add once: the one rounding
 * of the exact sum is (double)x.  All of it vectorises. */
static inline double bits_to_f64(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}
static inline double u64_to_f64(uint64_t u) {
    double hi = bits_to_f64((u >> 16) | 0x4330000000000000ull) - 0x1p52;
    double lo = bits_to_f64((u & 0xffffu) | 0x4330000000000000ull) - 0x1p52;
    return hi * 65536.0 + lo;
}
static inline double i64_to_f64(int64_t x) {
    uint64_t u = (uint64_t)x ^ 0x8000000000000000ull; /* x + 2^63 */
    double hi = bits_to_f64((u >> 16) | 0x4330000000000000ull) - (0x1p52 + 0x1p47);
    double lo = bits_to_f64((u & 0xffffu) | 0x4330000000000000ull) - 0x1p52;
    return hi * 65536.0 + lo;
}
static inline double small_to_f64(double d) { return d; }
#define I2F64(x) _Generic((x), int64_t: i64_to_f64, uint64_t: u64_to_f64, default: small_to_f64)(x)

/* ---- conversion table: source class x destination family ----
 * Classes: B bool, I integer, H float16 bits, F float32/float64, C complex. */

#define B_BOOL(x) ((uint8_t)((x) != 0))
#define I_BOOL(x) ((uint8_t)((x) != 0))
#define H_BOOL(x) ((uint8_t)(((x) & 0x7fffu) != 0))
#define F_BOOL(x) ((uint8_t)((x) != 0))
#define C_BOOL(x) ((uint8_t)((x).re != 0 || (x).im != 0))

#define B_SMALL(x, T) ((T)((x) != 0))
#define I_SMALL(x, T) ((T)(x))
#define H_SMALL(x, T) ((T)f2i32_f(nd__half_to_float(x)))
#define F_SMALL(x, T) ((T)F2I32(x))
#define C_SMALL(x, T) ((T)F2I32((x).re))

#define B_U32(x) ((uint32_t)((x) != 0))
#define I_U32(x) ((uint32_t)(x))
#define H_U32(x) ((uint32_t)f2i64_f(nd__half_to_float(x)))
#define F_U32(x) F2U32(x)
#define C_U32(x) F2U32((x).re)

#define B_I64(x) ((int64_t)((x) != 0))
#define I_I64(x) ((int64_t)(x))
#define H_I64(x) f2i64_f(nd__half_to_float(x))
#define F_I64(x) F2I64(x)
#define C_I64(x) F2I64((x).re)

#define B_U64(x) ((uint64_t)((x) != 0))
#define I_U64(x) ((uint64_t)(x))
#define H_U64(x) f2u64_f(nd__half_to_float(x))
#define F_U64(x) F2U64(x)
#define C_U64(x) F2U64((x).re)

#define B_F16(x) ((uint16_t)((x) != 0 ? 0x3c00u : 0u))
#define I_F16(x) nd__float_to_half((float)(x))
#define H_F16(x) (x)
#define F_F16(x) TO_HALF(x)
#define C_F16(x) TO_HALF((x).re)

#define B_F32(x) ((float)((x) != 0))
#define I_F32(x) ((float)(x))
#define H_F32(x) nd__half_to_float(x)
#define F_F32(x) ((float)(x))
#define C_F32(x) ((float)(x).re)

#define B_F64(x) ((double)((x) != 0))
#define I_F64(x) I2F64(x)
#define H_F64(x) nd__half_to_double(x)
#define F_F64(x) ((double)(x))
#define C_F64(x) ((double)(x).re)

#define B_C64(x) ((c64_t){B_F32(x), 0})
#define I_C64(x) ((c64_t){I_F32(x), 0})
#define H_C64(x) ((c64_t){H_F32(x), 0})
#define F_C64(x) ((c64_t){F_F32(x), 0})
#define C_C64(x) ((c64_t){(float)(x).re, (float)(x).im})

#define B_C128(x) ((c128_t){B_F64(x), 0})
#define I_C128(x) ((c128_t){I_F64(x), 0})
#define H_C128(x) ((c128_t){H_F64(x), 0})
#define F_C128(x) ((c128_t){F_F64(x), 0})
#define C_C128(x) ((c128_t){(double)(x).re, (double)(x).im})

/* Destination stem -> family. */
#define TO_bool(K, x) K##_BOOL(x)
#define TO_int8(K, x) K##_SMALL(x, int8_t)
#define TO_uint8(K, x) K##_SMALL(x, uint8_t)
#define TO_int16(K, x) K##_SMALL(x, int16_t)
#define TO_uint16(K, x) K##_SMALL(x, uint16_t)
#define TO_int32(K, x) K##_SMALL(x, int32_t)
#define TO_uint32(K, x) K##_U32(x)
#define TO_int64(K, x) K##_I64(x)
#define TO_uint64(K, x) K##_U64(x)
#define TO_float16(K, x) K##_F16(x)
#define TO_float32(K, x) K##_F32(x)
#define TO_float64(K, x) K##_F64(x)
#define TO_complex64(K, x) K##_C64(x)
#define TO_complex128(K, x) K##_C128(x)

/* ---- the loops ---- */

/* X(stem, C type, class), in nd_type order. */
#define CAST_TYPES(X)                                                                                  \
    X(bool, uint8_t, B) X(int8, int8_t, I) X(uint8, uint8_t, I) X(int16, int16_t, I)                   \
    X(uint16, uint16_t, I) X(int32, int32_t, I) X(uint32, uint32_t, I) X(int64, int64_t, I)            \
    X(uint64, uint64_t, I) X(float16, uint16_t, H) X(float32, float, F) X(float64, double, F)          \
    X(complex64, c64_t, C) X(complex128, c128_t, C)
/* The same list as destinations: the preprocessor will not expand
 * CAST_TYPES inside its own expansion. */
#define CAST_TO_EACH(X, FS, FT, FK)                                                                    \
    X(FS, FT, FK, bool, uint8_t) X(FS, FT, FK, int8, int8_t) X(FS, FT, FK, uint8, uint8_t)              \
    X(FS, FT, FK, int16, int16_t) X(FS, FT, FK, uint16, uint16_t) X(FS, FT, FK, int32, int32_t)         \
    X(FS, FT, FK, uint32, uint32_t) X(FS, FT, FK, int64, int64_t) X(FS, FT, FK, uint64, uint64_t)       \
    X(FS, FT, FK, float16, uint16_t) X(FS, FT, FK, float32, float) X(FS, FT, FK, float64, double)       \
    X(FS, FT, FK, complex64, c64_t) X(FS, FT, FK, complex128, c128_t)

#define COUNT(s, t, k) +1
_Static_assert(0 CAST_TYPES(COUNT) == ND_NTYPES, "CAST_TYPES must list every nd_type");
#undef COUNT

/* One loop body for every pair.  Elements move through memcpy (any
 * alignment); the contiguous case is a separate loop so gcc -O3 can
 * vectorise it.  ATTR makes the AVX2 builds below from the same body.
 * (Names are pasted here, before `bool` could expand to _Bool.) */
#define CAST_LOOP_AS(NAME, FT, FK, CONV, TT, ATTR)                                                     \
    ATTR static void NAME(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {  \
        ND_UNUSED(ctx);                                                                                \
        if (ds == (int64_t)sizeof(TT) && ss == (int64_t)sizeof(FT)) {                                  \
            for (int64_t i = 0; i < n; i++) {                                                          \
                FT x;                                                                                  \
                memcpy(&x, src + i * (int64_t)sizeof(FT), sizeof x);                                   \
                TT y = CONV(FK, x);                                                                    \
                memcpy(dst + i * (int64_t)sizeof(TT), &y, sizeof y);                                   \
            }                                                                                          \
            return;                                                                                    \
        }                                                                                              \
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {                                        \
            FT x;                                                                                      \
            memcpy(&x, src, sizeof x);                                                                 \
            TT y = CONV(FK, x);                                                                        \
            memcpy(dst, &y, sizeof y);                                                                 \
        }                                                                                              \
    }
#define CAST_LOOP(FS, FT, FK, TS, TT) CAST_LOOP_AS(cast_##FS##_##TS, FT, FK, TO_##TS, TT, )
#define CAST_FROM(FS, FT, FK) CAST_TO_EACH(CAST_LOOP, FS, FT, FK)
CAST_TYPES(CAST_FROM)

#define CAST_ENTRY(FS, FT, FK, TS, TT) cast_##FS##_##TS,
#define CAST_ROW(FS, FT, FK) {CAST_TO_EACH(CAST_ENTRY, FS, FT, FK)},
static const nd_loop2_fn native_loops[ND_NTYPES][ND_NTYPES] = {CAST_TYPES(CAST_ROW)};

/* float32/64 and complex -> uint32 as NumPy's loop splits the run: the
 * vector answer (the generated loop) for the leading groups of four of a
 * contiguous run, the scalar answer for the rest and for strided runs. */
#define U32_SCALAR(NAME, FT, RE)                                                                       \
    static void NAME(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n) {                  \
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {                                        \
            FT x;                                                                                      \
            memcpy(&x, src, sizeof x);                                                                 \
            uint32_t y = (uint32_t)F2I64(RE(x));                                                       \
            memcpy(dst, &y, sizeof y);                                                                 \
        }                                                                                              \
    }
#define REAL_PART(x) (x).re
#define SAME(x) (x)
U32_SCALAR(u32s_float32, float, SAME)
U32_SCALAR(u32s_float64, double, SAME)
U32_SCALAR(u32s_complex64, c64_t, REAL_PART)
U32_SCALAR(u32s_complex128, c128_t, REAL_PART)
#define U32_LOOP(FS, FT, GAPS)                                                                         \
    static void u32_##FS(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {  \
        int64_t nv = 0;                                                                                \
        if (ds == 4 && ss == (int64_t)sizeof(FT)) nv = GAPS ? (n > 0 ? (n - 1) / 4 * 4 : 0) : n / 4 * 4; \
        cast_##FS##_uint32(dst, ds, src, ss, nv, ctx);                                                 \
        u32s_##FS(dst + nv * ds, ds, src + nv * ss, ss, n - nv);                                       \
    }
U32_LOOP(float32, float, 0)
U32_LOOP(float64, double, 0)
U32_LOOP(complex64, c64_t, 1)
U32_LOOP(complex128, c128_t, 1)

static nd_loop2_fn native_loop(nd_type from, nd_type to) {
    if (to == ND_UINT32) switch (from) {
        case ND_FLOAT32: return u32_float32;
        case ND_FLOAT64: return u32_float64;
        case ND_COMPLEX64: return u32_complex64;
        case ND_COMPLEX128: return u32_complex128;
        default: break;
        }
    return native_loops[from][to];
}

/* AVX2 builds of the casts to float32 and float64 (the common astype
 * targets), chosen at run time: twice the lanes of the baseline SSE2
 * build, the same conversions. */
#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_CASTS 1
#define CAST_AVX2(FS, FT, FK)                                                                          \
    CAST_LOOP_AS(cast_##FS##_float32_avx2, FT, FK, TO_float32, float, __attribute__((target("avx2")))) \
    CAST_LOOP_AS(cast_##FS##_float64_avx2, FT, FK, TO_float64, double, __attribute__((target("avx2"))))
CAST_TYPES(CAST_AVX2)
#define CAST_AVX2_ROW(FS, FT, FK) {cast_##FS##_float32_avx2, cast_##FS##_float64_avx2},
static const nd_loop2_fn avx2_float_loops[ND_NTYPES][2] = {CAST_TYPES(CAST_AVX2_ROW)};
#endif

/* ---- same dtype: copies ---- */

#define COPY_LOOP(N)                                                                                   \
    static void copy_##N(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {   \
        ND_UNUSED(ctx);                                                                                \
        if (ds == N && ss == N) {                                                                      \
            memmove(dst, src, (size_t)(n * N));                                                        \
            return;                                                                                    \
        }                                                                                              \
        for (int64_t i = 0; i < n; i++, dst += ds, src += ss) memmove(dst, src, N);                    \
    }
COPY_LOOP(1)
COPY_LOOP(2)
COPY_LOOP(4)
COPY_LOOP(8)
COPY_LOOP(16)

/* ---- byte order ---- */

/* Copy m elements, reversing the bytes of each part (complex: each half). */
static void swap_elems(char *dst, int64_t ds, const char *src, int64_t ss, int64_t m, const nd_dtype *dt) {
    int64_t unit = dt->kind == 'c' ? dt->itemsize / 2 : dt->itemsize, parts = dt->itemsize / unit;
    for (int64_t i = 0; i < m; i++, dst += ds, src += ss)
        for (int64_t k = 0; k < parts; k++) {
            const char *s = src + k * unit;
            char *d = dst + k * unit;
            if (unit == 2) {
                uint16_t x;
                memcpy(&x, s, 2);
                x = __builtin_bswap16(x);
                memcpy(d, &x, 2);
            } else if (unit == 4) {
                uint32_t x;
                memcpy(&x, s, 4);
                x = __builtin_bswap32(x);
                memcpy(d, &x, 4);
            } else {
                uint64_t x;
                memcpy(&x, s, 8);
                x = __builtin_bswap64(x);
                memcpy(d, &x, 8);
            }
        }
}

enum { CHUNK = 128 };

/* A non-native dtype on either side: swap the source into a native
 * buffer, run the typed loop, swap the result out, CHUNK elements at a
 * time (NumPy's block size too, which the uint32 loops' split depends on). */
static void cast_swapped(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const nd_cast_ctx *c = ctx;
    nd_loop2_fn fn = native_loop(c->from->type, c->to->type);
    int64_t fsz = c->from->itemsize, tsz = c->to->itemsize;
    _Alignas(64) char in[CHUNK * 16], out[CHUNK * 16];
    while (n > 0) {
        int64_t m = n < CHUNK ? n : CHUNK, sst = ss;
        const char *s = src;
        if (c->from->swapped) {
            swap_elems(in, fsz, src, ss, m, c->from);
            s = in;
            sst = fsz;
        }
        if (c->to->swapped) {
            fn(out, tsz, s, sst, m, NULL);
            swap_elems(dst, ds, out, tsz, m, c->to);
        } else {
            fn(dst, ds, s, sst, m, NULL);
        }
        src += m * ss;
        dst += m * ds;
        n -= m;
    }
}

nd_loop2_fn nd__cast_loop_fast(const nd_dtype *from, const nd_dtype *to) {
    if (from->type == to->type && from->swapped == to->swapped) {
        switch (from->itemsize) {
        case 1: return copy_1;
        case 2: return copy_2;
        case 4: return copy_4;
        case 8: return copy_8;
        default: return copy_16;
        }
    }
    if (from->swapped || to->swapped) return cast_swapped;
#ifdef HAVE_AVX2_CASTS
    if ((to->type == ND_FLOAT32 || to->type == ND_FLOAT64) && nd__simd_enabled() && __builtin_cpu_supports("avx2"))
        return avx2_float_loops[from->type][to->type == ND_FLOAT64];
#endif
    return native_loop(from->type, to->type);
}

/* Overrides the weak element-by-element fallback in copy.c. */
nd_loop2_fn nd__cast_loop(const nd_dtype *from, const nd_dtype *to) { return nd__cast_loop_fast(from, to); }
