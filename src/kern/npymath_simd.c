/* npymath_simd.c — float32 exp, log, sin and cos giving NumPy 1.24's
 * results bit for bit on x86-64.
 *
 * NumPy does not call libm for these on a CPU with AVX2+FMA3 or AVX512F:
 * its dispatched loops (loops_trigonometric / loops_exponent_log) evaluate
 * their own range reductions and polynomials, so results differ from
 * glibc's in the last bit.  Each function here does, for one element, the
 * same IEEE operations in the same order as one lane of those loops, with
 * fmaf() exactly where NumPy's compiled code fuses: its explicit muladds
 * plus the one multiply-add gcc contracts (rint_mul; our build uses
 * -ffp-contract=off, so nothing else is fused).  The AVX2 and AVX512F
 * variants agree lane for lane (their scaling steps are both correctly
 * rounded), so one scalar version covers both.  Without FMA NumPy runs its
 * baseline loops, which call libm, and so do we.
 *
 * The bodies are compiled for FMA so fmaf() is one instruction; they only
 * run after the CPU check.  float64 is not handled here: on AVX512_SKX
 * NumPy computes it with SVML, which we do not reproduce.  float16 (SVML's
 * float32 result rounded to half) is libm's except for a few inputs, below. */
#include "nd_internal.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define FMA_TARGET __attribute__((target("fma")))
static bool numpy_simd_cpu(void) {
    return __builtin_cpu_supports("fma") &&
           (__builtin_cpu_supports("avx2") || __builtin_cpu_supports("avx512f"));
}
/* NumPy's AVX512_SKX group, which routes float16 through SVML. */
static bool numpy_skx_cpu(void) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
}
#else
#define FMA_TARGET
static bool numpy_simd_cpu(void) { return false; }
static bool numpy_skx_cpu(void) { return false; }
#endif

static float from_bits(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static uint32_t to_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* NumPy's NPY_NANF: the positive quiet NaN, whatever the input NaN was. */
static float npy_nanf(void) { return from_bits(0x7fc00000u); }

/* rint(x * c) the vector way: add and subtract 1.5 * 2^23.  NumPy's
 * source multiplies and adds separately, but gcc (contracting by default,
 * and the intrinsics being plain vector arithmetic) fuses the two into one
 * FMA, which rounds differently when x * c is near a half-integer. */
FMA_TARGET static float rint_mul(float x, float c) {
    const float magic = 0x1.8p23f;
    float q = fmaf(x, c, magic);
    return q - magic;
}

/* ---- sin / cos: Cody-Waite reduction by pi/2, then minimax polynomials on
 * [-pi/4, pi/4]; beyond the reduction's safe range (and for NaN, inf)
 * NumPy calls libm for that lane. */

FMA_TARGET static float sincos_core(float x, bool want_cos) {
    float q = rint_mul(x, 0x1.45f306p-1f); /* 2/pi */
    float r = fmaf(q, -0x1.921fb0p+00f, x);
    r = fmaf(q, -0x1.5110b4p-22f, r);
    r = fmaf(q, -0x1.846988p-48f, r);
    float r2 = r * r;

    float c = fmaf(0x1.98e616p-16f, r2, -0x1.6c06dcp-10f);
    c = fmaf(c, r2, 0x1.55553cp-05f);
    c = fmaf(c, r2, -0x1.000000p-01f);
    c = fmaf(c, r2, 0x1.000000p+00f);

    float s = fmaf(0x1.7d3bbcp-19f, r2, -0x1.a06bbap-13f);
    s = fmaf(s, r2, 0x1.11119ap-07f);
    s = fmaf(s, r2, -0x1.555556p-03f);
    s = fmaf(s, r2, 0.0f);
    s = fmaf(s, r, r);

    int32_t k = (int32_t)q + (want_cos ? 1 : 0); /* q is integral, |q| < 2^17 */
    float v = (k & 1) == 0 ? s : c;
    return (k & 2) ? 0.0f - v : v;
}

float nd__npymath_simd_sinf(float x) {
    if (!numpy_simd_cpu() || !(fabsf(x) <= 117435.992f)) return sinf(x);
    return sincos_core(x, false);
}

float nd__npymath_simd_cosf(float x) {
    if (!numpy_simd_cpu() || !(fabsf(x) <= 71476.0625f)) return cosf(x);
    return sincos_core(x, true);
}

/* ---- exp: k = rint(x / ln2), y = x - k ln2 (two-part Cody-Waite),
 * exp(y) as a (5,2) rational function, then scale by 2^k. */

/* poly * 2^k correctly rounded, as AVX512's scalef and the AVX2 loop's
 * exponent add / power-of-two divide both give.  poly is in [0.7, 1.5] and
 * k in [-150, 128]. */
static float scale_pow2(float poly, int k) {
    if (k <= -125) /* exact step to 2^-125 keeps poly normal, one rounding after */
        return (poly * 0x1p-125f) * from_bits((uint32_t)(k + 125 + 127) << 23);
    if (k > 127) return (poly * 0x1p127f) * from_bits((uint32_t)(k - 127 + 127) << 23);
    return poly * from_bits((uint32_t)(k + 127) << 23);
}

FMA_TARGET static float exp_core(float x) {
    float q = rint_mul(x, 1.442695040888963407359924681001892137f); /* log2(e) */
    float r = fmaf(q, -6.93145752e-1f, x);
    r = fmaf(q, -1.42860677e-6f, r);
    r = fmaf(q, 0.0f, r); /* the vector code's third Cody-Waite step, c3 = 0 */

    float num = fmaf(5.082762527590693718096e-04f, r, 6.757896990527504603057e-03f);
    num = fmaf(num, r, 5.114512081637298353406e-02f);
    num = fmaf(num, r, 2.473615434895520810817e-01f);
    num = fmaf(num, r, 7.257664613233124478488e-01f);
    num = fmaf(num, r, 9.999999999980870924916e-01f);
    float den = fmaf(2.159509375685829852307e-02f, r, -2.742335390411667452936e-01f);
    den = fmaf(den, r, 1.0f);
    return scale_pow2(num / den, (int)q);
}

float nd__npymath_simd_expf(float x) {
    if (!numpy_simd_cpu()) return expf(x);
    if (isnan(x)) return npy_nanf();
    if (x >= 88.72283935546875f) return INFINITY; /* NumPy's thresholds */
    if (x <= -103.97208404541015625f) return 0.0f;
    return exp_core(x);
}

/* ---- log: x = m 2^e with m in (sqrt(1/2), sqrt(2)], log(m) as a (5,5)
 * rational function in m - 1, plus e ln2. */

/* m in [0.5, 1) and e with x = m 2^e, for finite x > 0 (denormals too). */
static float split_exponent(float x, float *e) {
    uint32_t u = to_bits(x);
    int bias = 126;
    if (u < 0x00800000u) { /* denormal: scale up exactly first */
        u = to_bits(x * 0x1p100f);
        bias += 100;
    }
    *e = (float)((int)(u >> 23) - bias);
    return from_bits((u & 0x007fffffu) | (126u << 23));
}

FMA_TARGET static float log_core(float x) {
    float e;
    float m = split_exponent(x, &e);
    if (m <= 0.707106781186547524400844362104849039f) {
        m = m + m;
        e = e - 1.0f;
    }
    m = m - 1.0f;

    float num = fmaf(2.589979117907922693523e-02f, m, 3.808837741388407920751e-01f);
    num = fmaf(num, m, 1.480000633576506585156e+00f);
    num = fmaf(num, m, 2.112677543073053063722e+00f);
    num = fmaf(num, m, 9.999999999999998702752e-01f);
    num = fmaf(num, m, 0.0f);
    float den = fmaf(5.875095403124574342950e-03f, m, 1.546476374983906719538e-01f);
    den = fmaf(den, m, 9.864942958519418960339e-01f);
    den = fmaf(den, m, 2.453006071784736363091e+00f);
    den = fmaf(den, m, 2.612677543073109236779e+00f);
    den = fmaf(den, m, 1.0f);
    return fmaf(e, 0.693147180559945309417232121458176568f, num / den);
}

float nd__npymath_simd_logf(float x) {
    if (!numpy_simd_cpu()) return logf(x);
    if (isnan(x)) return npy_nanf();
    if (x < 0.0f) return -npy_nanf(); /* includes -inf */
    if (x == 0.0f) return -INFINITY;
    if (x == INFINITY) return INFINITY;
    return log_core(x);
}

/* ---- float16 (argument and result are float16 values held in float).
 * On AVX512_SKX NumPy rounds SVML's float32 result to half; over all 65536
 * halves that differs from rounding libm's result only for these inputs
 * (found exhaustively against NumPy 1.24.2).  Elsewhere NumPy uses libm. */

typedef struct {
    float in, out;
} half_fix;

static float fix_half(float x, float libm, const half_fix *fix, int n) {
    if (!numpy_skx_cpu()) return libm;
    for (int i = 0; i < n; i++)
        if (x == fix[i].in) return fix[i].out;
    return libm;
}

static const half_fix sin_fix[] = {{0x1.2cp+8f, -0x1.ffcp-1f}, {-0x1.2cp+8f, 0x1.ffcp-1f}};
static const half_fix cos_fix[] = {{0x1.2c4p-4f, 0x1.fe8p-1f}, {-0x1.2c4p-4f, 0x1.fe8p-1f}};
static const half_fix exp_fix[] = {{0x1.de4p-8f, 0x1.01cp+0f},
                                   {0x1.93p-6f, 0x1.068p+0f},
                                   {-0x1.5fcp-6f, 0x1.f54p-1f},
                                   {-0x1.83p-5f, 0x1.e88p-1f}};
#define NFIX(t) ((int)(sizeof t / sizeof t[0]))

float nd__npymath_simd_h_sinf(float x) { return fix_half(x, sinf(x), sin_fix, NFIX(sin_fix)); }
float nd__npymath_simd_h_cosf(float x) { return fix_half(x, cosf(x), cos_fix, NFIX(cos_fix)); }
float nd__npymath_simd_h_expf(float x) { return fix_half(x, expf(x), exp_fix, NFIX(exp_fix)); }
float nd__npymath_simd_h_logf(float x) { return logf(x); }
