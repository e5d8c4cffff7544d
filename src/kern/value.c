/* value.c — single-element loads and stores, nd_value_cast, and float16
 * conversion.
 *
 * Every conversion between types runs through the typed loops of cast.c
 * (one element at a time here), so a scalar cast and an array cast can
 * never disagree.  The float16 routines are bit-for-bit ports of NumPy
 * 1.24's npy_half.c: round to nearest even, NaN payloads kept (a payload
 * that would vanish becomes 1 so the result stays a NaN), no detour through
 * a wider format that would quiet a signalling NaN or round twice. */
#include "nd_internal.h"

#include <math.h>

static uint32_t f32_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}
static float bits_f32(uint32_t u) {
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static uint64_t f64_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}
static double bits_f64(uint64_t u) {
    double d;
    memcpy(&d, &u, 8);
    return d;
}

/* ---- float16 (npy_halfbits_to_floatbits and friends) ---- */

float nd__half_to_float(uint16_t h) {
    uint32_t sgn = (uint32_t)(h & 0x8000u) << 16, exp = h & 0x7c00u, sig = h & 0x03ffu;
    if (exp == 0) {
        if (sig == 0) return bits_f32(sgn);
        uint32_t e = 0; /* subnormal: normalise the significand */
        sig <<= 1;
        while (!(sig & 0x0400u)) {
            sig <<= 1;
            e++;
        }
        return bits_f32(sgn + ((127 - 15 - e) << 23) + ((sig & 0x03ffu) << 13));
    }
    if (exp == 0x7c00u) return bits_f32(sgn + 0x7f800000u + (sig << 13));
    return bits_f32(sgn + (((uint32_t)(h & 0x7fffu) + 0x1c000u) << 13));
}

double nd__half_to_double(uint16_t h) {
    uint64_t sgn = (uint64_t)(h & 0x8000u) << 48, exp = h & 0x7c00u, sig = h & 0x03ffu;
    if (exp == 0) {
        if (sig == 0) return bits_f64(sgn);
        uint64_t e = 0;
        sig <<= 1;
        while (!(sig & 0x0400u)) {
            sig <<= 1;
            e++;
        }
        return bits_f64(sgn + ((1023 - 15 - e) << 52) + ((sig & 0x03ffu) << 42));
    }
    if (exp == 0x7c00u) return bits_f64(sgn + 0x7ff0000000000000ull + (sig << 42));
    return bits_f64(sgn + (((uint64_t)(h & 0x7fffu) + 0xfc000u) << 42));
}

uint16_t nd__float_to_half(float x) {
    uint32_t f = f32_bits(x), exp = f & 0x7f800000u, sig;
    uint16_t sgn = (uint16_t)((f & 0x80000000u) >> 16);
    if (exp >= 0x47800000u) { /* overflow, inf or nan */
        sig = f & 0x007fffffu;
        if (exp == 0x7f800000u && sig) {
            uint16_t r = (uint16_t)(0x7c00u + (sig >> 13));
            return (uint16_t)(sgn + (r == 0x7c00u ? r + 1 : r));
        }
        return (uint16_t)(sgn + 0x7c00u);
    }
    if (exp <= 0x38000000u) { /* half subnormal or zero */
        if (exp < 0x33000000u) return sgn;
        exp >>= 23;
        sig = 0x00800000u + (f & 0x007fffffu);
        sig >>= 113 - exp;
        /* The shift may drop up to 11 bits: look at them in f for the tie test. */
        if ((sig & 0x00003fffu) != 0x00001000u || (f & 0x000007ffu)) sig += 0x00001000u;
        return (uint16_t)(sgn + (sig >> 13));
    }
    uint32_t hexp = (exp - 0x38000000u) >> 13;
    sig = f & 0x007fffffu;
    if ((sig & 0x00003fffu) != 0x00001000u) sig += 0x00001000u;
    return (uint16_t)(sgn + hexp + (sig >> 13)); /* a carry into the exponent is right */
}

uint16_t nd__double_to_half(double x) {
    uint64_t d = f64_bits(x), exp = d & 0x7ff0000000000000ull, sig;
    uint16_t sgn = (uint16_t)((d & 0x8000000000000000ull) >> 48);
    if (exp >= 0x40f0000000000000ull) {
        sig = d & 0x000fffffffffffffull;
        if (exp == 0x7ff0000000000000ull && sig) {
            uint16_t r = (uint16_t)(0x7c00u + (sig >> 42));
            return (uint16_t)(sgn + (r == 0x7c00u ? r + 1 : r));
        }
        return (uint16_t)(sgn + 0x7c00u);
    }
    if (exp <= 0x3f00000000000000ull) {
        if (exp < 0x3e60000000000000ull) return sgn;
        exp >>= 52;
        sig = 0x0010000000000000ull + (d & 0x000fffffffffffffull);
        sig <<= exp - 998; /* doubles have room to shift left: no bits lost */
        if ((sig & 0x003fffffffffffffull) != 0x0010000000000000ull) sig += 0x0010000000000000ull;
        return (uint16_t)(sgn + (sig >> 53));
    }
    uint64_t hexp = (exp - 0x3f00000000000000ull) >> 42;
    sig = d & 0x000fffffffffffffull;
    if ((sig & 0x000007ffffffffffull) != 0x0000020000000000ull) sig += 0x0000020000000000ull;
    return (uint16_t)(sgn + hexp + (sig >> 42));
}

/* ---- float32 <-> double without touching NaN payloads ---- */

/* (double)f, except that a signalling NaN stays signalling: nd_value holds
 * float32 values widened, and a load/store round trip must keep the bits. */
static double widen(float f) {
    if (!isnan(f)) return f;
    uint32_t u = f32_bits(f);
    return bits_f64(((uint64_t)(u & 0x80000000u) << 32) | 0x7ff0000000000000ull |
                    ((uint64_t)(u & 0x007fffffu) << 29));
}
static float narrow(double d) {
    if (!isnan(d)) return (float)d;
    uint64_t u = f64_bits(d);
    uint32_t sig = (uint32_t)((u >> 29) & 0x007fffffu);
    return bits_f32((uint32_t)((u >> 32) & 0x80000000u) | 0x7f800000u | (sig ? sig : 1));
}

/* ---- elements <-> values ---- */

static void bswap_n(unsigned char *d, const unsigned char *s, int64_t n) {
    for (int64_t i = 0; i < n; i++) d[i] = s[n - 1 - i];
}

/* Bytes of dt's element in machine order (dt may be byte-swapped). */
static void to_native(const nd_dtype *dt, unsigned char *out, const unsigned char *p) {
    if (!dt->swapped) {
        memcpy(out, p, (size_t)dt->itemsize);
    } else if (dt->kind == 'c') { /* each part swaps on its own */
        int64_t h = dt->itemsize / 2;
        bswap_n(out, p, h);
        bswap_n(out + h, p + h, h);
    } else {
        bswap_n(out, p, dt->itemsize);
    }
}

static nd_value load_native(nd_type t, const unsigned char *p) {
    nd_value v;
    memset(&v, 0, sizeof v);
    v.type = t;
    switch (t) {
    case ND_BOOL: v.b = *p != 0; break;
    case ND_INT8: v.i = (int8_t)*p; break;
    case ND_UINT8: v.u = *p; break;
    case ND_INT16: { int16_t x; memcpy(&x, p, 2); v.i = x; } break;
    case ND_UINT16: { uint16_t x; memcpy(&x, p, 2); v.u = x; } break;
    case ND_INT32: { int32_t x; memcpy(&x, p, 4); v.i = x; } break;
    case ND_UINT32: { uint32_t x; memcpy(&x, p, 4); v.u = x; } break;
    case ND_INT64: memcpy(&v.i, p, 8); break;
    case ND_UINT64: memcpy(&v.u, p, 8); break;
    case ND_FLOAT16: { uint16_t x; memcpy(&x, p, 2); v.f = nd__half_to_double(x); } break;
    case ND_FLOAT32: { float x; memcpy(&x, p, 4); v.f = widen(x); } break;
    case ND_FLOAT64: memcpy(&v.f, p, 8); break;
    case ND_COMPLEX64: { float x[2]; memcpy(x, p, 8); v.c[0] = widen(x[0]); v.c[1] = widen(x[1]); } break;
    case ND_COMPLEX128: memcpy(v.c, p, 16); break;
    default: break;
    }
    return v;
}

/* v as an element of its own type, machine order.  Exact for every value
 * that type can hold (nd_value is tagged with the type it came from). */
static void pack(nd_value v, unsigned char *p) {
    switch (v.type) {
    case ND_BOOL: *p = v.b; break;
    case ND_INT8: case ND_UINT8: *p = (unsigned char)v.u; break;
    case ND_INT16: case ND_UINT16: { uint16_t x = (uint16_t)v.u; memcpy(p, &x, 2); } break;
    case ND_INT32: case ND_UINT32: { uint32_t x = (uint32_t)v.u; memcpy(p, &x, 4); } break;
    case ND_INT64: case ND_UINT64: memcpy(p, &v.u, 8); break;
    case ND_FLOAT16: { uint16_t x = nd__double_to_half(v.f); memcpy(p, &x, 2); } break;
    case ND_FLOAT32: { float x = narrow(v.f); memcpy(p, &x, 4); } break;
    case ND_FLOAT64: memcpy(p, &v.f, 8); break;
    case ND_COMPLEX64: { float x[2] = {narrow(v.c[0]), narrow(v.c[1])}; memcpy(p, x, 8); } break;
    case ND_COMPLEX128: memcpy(p, v.c, 16); break;
    default: memset(p, 0, 16); break;
    }
}

nd_value nd__load(const nd_dtype *dt, const void *p) {
    unsigned char tmp[16];
    if (ND_UNLIKELY(dt->type >= ND_NTYPES)) return ND_BOOLV(false); /* void: not a number; callers refuse it first */
    to_native(dt, tmp, p);
    return load_native((nd_type)dt->type, tmp);
}

void nd__store(const nd_dtype *dt, void *p, nd_value v) {
    if (ND_UNLIKELY(dt->type >= ND_NTYPES)) return; /* void: callers refuse it first */
    if ((unsigned)v.type >= ND_NTYPES) v = ND_BOOLV(false);
    unsigned char in[16];
    pack(v, in);
    nd_cast_ctx c = {nd__dtype_builtin(v.type, false), dt};
    nd__cast_loop_fast(c.from, c.to)(p, 0, (const char *)in, 0, 1, &c);
}

nd_value nd_value_cast(nd_value v, nd_type t) {
    if (v.type == t) return v;
    nd_value zero;
    memset(&zero, 0, sizeof zero);
    zero.type = t;
    if ((unsigned)t >= ND_NTYPES || (unsigned)v.type >= ND_NTYPES) return zero;
    unsigned char in[16], out[16];
    pack(v, in);
    nd_cast_ctx c = {nd__dtype_builtin(v.type, false), nd__dtype_builtin(t, false)};
    nd__cast_loop_fast(c.from, c.to)((char *)out, 0, (const char *)in, 0, 1, &c);
    return load_native(t, out);
}
