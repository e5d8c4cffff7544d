/* value.c — single-element loads and stores with NumPy's cast semantics
 * (x86-64 results for out-of-range float->int), and float16 conversion. */
#include "nd_internal.h"

#include <math.h>

static void bswap_n(unsigned char *d, const unsigned char *s, int64_t n) {
    for (int64_t i = 0; i < n; i++) d[i] = s[n - 1 - i];
}

/* float16: IEEE binary16, round to nearest even. */
float nd__half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
    if (exp == 0) {
        if (man == 0) {
            bits = sign;
        } else { /* subnormal: normalise */
            int e = -1;
            do {
                e++;
                man <<= 1;
            } while (!(man & 0x400));
            bits = sign | ((uint32_t)(127 - 15 - e) << 23) | ((man & 0x3ff) << 13);
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | (man << 13);
    } else {
        bits = sign | ((exp + 127 - 15) << 23) | (man << 13);
    }
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

double nd__half_to_double(uint16_t h) { return (double)nd__half_to_float(h); }

/* Generic rounding from a wider IEEE format: value in (sign, exponent,
 * 64-bit mantissa with implicit bit at position 52) -> binary16. */
uint16_t nd__double_to_half(double d) {
    uint64_t x;
    memcpy(&x, &d, 8);
    uint16_t sign = (uint16_t)((x >> 48) & 0x8000);
    uint64_t exp = (x >> 52) & 0x7ff, man = x & 0xfffffffffffffull;
    if (exp == 0x7ff) { /* inf or nan (keep a quiet nan payload bit) */
        if (man == 0) return sign | 0x7c00;
        uint16_t m = (uint16_t)(man >> 42);
        return sign | 0x7c00 | (m ? m : 0x200);
    }
    int64_t e = (int64_t)exp - 1023 + 15;
    if (e >= 31) return sign | 0x7c00; /* overflow to inf */
    if (e <= 0) {
        if (e < -10) return sign; /* underflows to zero (even half-way rounds to 0) */
        man |= 1ull << 52;
        int shift = (int)(43 - e); /* 52-10 + (1-e) */
        uint64_t m = man >> shift, rem = man & ((1ull << shift) - 1), half = 1ull << (shift - 1);
        if (rem > half || (rem == half && (m & 1))) m++;
        return sign | (uint16_t)m;
    }
    uint64_t m = man >> 42, rem = man & ((1ull << 42) - 1), half = 1ull << 41;
    uint32_t r = (uint32_t)(((uint64_t)e << 10) | m);
    if (rem > half || (rem == half && (m & 1))) r++; /* may carry into exponent: correct */
    return sign | (uint16_t)r;
}

/* Rounding a float to half directly (not via double, to avoid double
 * rounding issues; float->double is exact so this is equivalent). */
uint16_t nd__float_to_half(float f) { return nd__double_to_half((double)f); }

/* x86-64 cvttsd2si: NaN and out-of-range give the "integer indefinite"
 * value; NumPy's C casts compile to it, so its results are these. */
static int64_t f2i64(double d) {
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return INT64_MIN;
    return (int64_t)d;
}
static int32_t f2i32(double d) {
    if (!(d > -2147483649.0 && d < 2147483648.0)) return INT32_MIN;
    return (int32_t)d;
}
static uint64_t f2u64(double d) {
    if (d >= 9223372036854775808.0 && d < 18446744073709551616.0)
        return (uint64_t)(d - 9223372036854775808.0) ^ 0x8000000000000000ull;
    return (uint64_t)f2i64(d);
}

static nd_value load_native(nd_type t, const unsigned char *p) {
    nd_value v;
    v.type = t;
    switch (t) {
    case ND_BOOL: v.b = *p != 0; break;
    case ND_INT8: { int8_t x; memcpy(&x, p, 1); v.i = x; } break;
    case ND_UINT8: v.u = *p; break;
    case ND_INT16: { int16_t x; memcpy(&x, p, 2); v.i = x; } break;
    case ND_UINT16: { uint16_t x; memcpy(&x, p, 2); v.u = x; } break;
    case ND_INT32: { int32_t x; memcpy(&x, p, 4); v.i = x; } break;
    case ND_UINT32: { uint32_t x; memcpy(&x, p, 4); v.u = x; } break;
    case ND_INT64: memcpy(&v.i, p, 8); break;
    case ND_UINT64: memcpy(&v.u, p, 8); break;
    case ND_FLOAT16: { uint16_t x; memcpy(&x, p, 2); v.f = nd__half_to_double(x); } break;
    case ND_FLOAT32: { float x; memcpy(&x, p, 4); v.f = x; } break;
    case ND_FLOAT64: memcpy(&v.f, p, 8); break;
    case ND_COMPLEX64: { float x[2]; memcpy(x, p, 8); v.c[0] = x[0]; v.c[1] = x[1]; } break;
    case ND_COMPLEX128: memcpy(v.c, p, 16); break;
    default: v.i = 0; break;
    }
    return v;
}

nd_value nd__load(const nd_dtype *dt, const void *p) {
    if (!dt->swapped) return load_native((nd_type)dt->type, p);
    unsigned char tmp[16];
    if (dt->kind == 'c') {
        int64_t h = dt->itemsize / 2;
        bswap_n(tmp, p, h);
        bswap_n(tmp + h, (const unsigned char *)p + h, h);
    } else {
        bswap_n(tmp, p, dt->itemsize);
    }
    return load_native((nd_type)dt->type, tmp);
}

static double as_double(nd_value v) {
    switch (v.type) {
    case ND_BOOL: return v.b;
    case ND_INT8: case ND_INT16: case ND_INT32: case ND_INT64: return (double)v.i;
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64: return (double)v.u;
    case ND_COMPLEX64: case ND_COMPLEX128: return v.c[0];
    default: return v.f;
    }
}

static bool is_int(nd_type t) { return t >= ND_INT8 && t <= ND_UINT64; }
static bool is_signed(nd_type t) { return t == ND_INT8 || t == ND_INT16 || t == ND_INT32 || t == ND_INT64; }

/* The value as a 64-bit two's complement pattern under C's (x86) cast. */
static uint64_t as_bits64(nd_value v, nd_type to) {
    if (v.type == ND_BOOL) return v.b;
    if (is_int(v.type)) return is_signed(v.type) ? (uint64_t)v.i : v.u;
    double d = as_double(v);
    switch (to) {
    case ND_UINT64: return f2u64(d);
    case ND_INT64: return (uint64_t)f2i64(d);
    case ND_UINT32: return (uint64_t)f2i64(d); /* gcc converts via 64-bit cvttsd2si */
    default: return (uint64_t)(int64_t)f2i32(d);
    }
}

nd_value nd_value_cast(nd_value v, nd_type t) {
    nd_value r;
    r.type = t;
    if (v.type == t) return v;
    switch (t) {
    case ND_BOOL:
        if (v.type == ND_COMPLEX64 || v.type == ND_COMPLEX128)
            r.b = v.c[0] != 0 || v.c[1] != 0;
        else if (is_int(v.type))
            r.b = v.u != 0;
        else
            r.b = v.type == ND_BOOL ? v.b : as_double(v) != 0;
        break;
    case ND_INT8: r.i = (int8_t)as_bits64(v, t); break;
    case ND_INT16: r.i = (int16_t)as_bits64(v, t); break;
    case ND_INT32: r.i = (int32_t)as_bits64(v, t); break;
    case ND_INT64: r.i = (int64_t)as_bits64(v, t); break;
    case ND_UINT8: r.u = (uint8_t)as_bits64(v, t); break;
    case ND_UINT16: r.u = (uint16_t)as_bits64(v, t); break;
    case ND_UINT32: r.u = (uint32_t)as_bits64(v, t); break;
    case ND_UINT64: r.u = as_bits64(v, t); break;
    case ND_FLOAT16: r.f = nd__half_to_double(nd__double_to_half(as_double(v))); break;
    case ND_FLOAT32: r.f = (float)as_double(v); break;
    case ND_FLOAT64: r.f = as_double(v); break;
    case ND_COMPLEX64:
        if (v.type == ND_COMPLEX128) {
            r.c[0] = (float)v.c[0];
            r.c[1] = (float)v.c[1];
        } else {
            r.c[0] = (float)as_double(v);
            r.c[1] = 0;
        }
        break;
    case ND_COMPLEX128:
        if (v.type == ND_COMPLEX64) {
            r.c[0] = v.c[0];
            r.c[1] = v.c[1];
        } else {
            r.c[0] = as_double(v);
            r.c[1] = 0;
        }
        break;
    default: r.i = 0; break;
    }
    return r;
}

static void store_native(nd_type t, unsigned char *p, nd_value v) {
    nd_value c = nd_value_cast(v, t);
    switch (t) {
    case ND_BOOL: *p = c.b; break;
    case ND_INT8: case ND_UINT8: *p = (unsigned char)c.u; break;
    case ND_INT16: case ND_UINT16: { uint16_t x = (uint16_t)c.u; memcpy(p, &x, 2); } break;
    case ND_INT32: case ND_UINT32: { uint32_t x = (uint32_t)c.u; memcpy(p, &x, 4); } break;
    case ND_INT64: case ND_UINT64: memcpy(p, &c.u, 8); break;
    case ND_FLOAT16: {
        /* Round once from the source value, not via float16 double. */
        double d = v.type == ND_FLOAT16 ? v.f : (v.type == ND_FLOAT32 || v.type == ND_FLOAT64) ? v.f : c.f;
        uint16_t h = nd__double_to_half(d);
        memcpy(p, &h, 2);
    } break;
    case ND_FLOAT32: { float x = (float)c.f; memcpy(p, &x, 4); } break;
    case ND_FLOAT64: memcpy(p, &c.f, 8); break;
    case ND_COMPLEX64: { float x[2] = {(float)c.c[0], (float)c.c[1]}; memcpy(p, x, 8); } break;
    case ND_COMPLEX128: memcpy(p, c.c, 16); break;
    default: break;
    }
}

void nd__store(const nd_dtype *dt, void *p, nd_value v) {
    if (!dt->swapped) {
        store_native((nd_type)dt->type, p, v);
        return;
    }
    unsigned char tmp[16];
    store_native((nd_type)dt->type, tmp, v);
    if (dt->kind == 'c') {
        int64_t h = dt->itemsize / 2;
        bswap_n(p, tmp, h);
        bswap_n((unsigned char *)p + h, tmp + h, h);
    } else {
        bswap_n(p, tmp, dt->itemsize);
    }
}
