/* test_npymath_simd.c — float32/float16 exp, log, sin, cos against NumPy
 * 1.24's SIMD results (npymath_cases.h, made by gen_npymath_cases.py).
 * The expectations hold where NumPy runs those loops (FMA with AVX2 or
 * AVX512F; SVML for float16 on AVX512_SKX); elsewhere the tests skip. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "nd.h"
#include "nd_internal.h"

#include "npymath_cases.h"

#define NCASES ((int)(sizeof npymath_in / sizeof npymath_in[0]))

typedef float (*f32_fn)(float);

static const struct {
    const char *name;
    nd_ufunc op;
    f32_fn f32, f16;
    const uint32_t *want;
    uint64_t hash32, hash16;
} FUNCS[] = {
    {"exp", ND_EXP, nd__npymath_simd_expf, nd__npymath_simd_h_expf, npymath_exp, NPYMATH_HASH_EXP,
     NPYMATH_HASH16_EXP},
    {"log", ND_LOG, nd__npymath_simd_logf, nd__npymath_simd_h_logf, npymath_log, NPYMATH_HASH_LOG,
     NPYMATH_HASH16_LOG},
    {"sin", ND_SIN, nd__npymath_simd_sinf, nd__npymath_simd_h_sinf, npymath_sin, NPYMATH_HASH_SIN,
     NPYMATH_HASH16_SIN},
    {"cos", ND_COS, nd__npymath_simd_cosf, nd__npymath_simd_h_cosf, npymath_cos, NPYMATH_HASH_COS,
     NPYMATH_HASH16_COS},
};
#define NFUNCS ((int)(sizeof FUNCS / sizeof FUNCS[0]))

static bool numpy_simd_cpu(void) {
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("fma") &&
           (__builtin_cpu_supports("avx2") || __builtin_cpu_supports("avx512f"));
#else
    return false;
#endif
}

static bool numpy_skx_cpu(void) {
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
#else
    return false;
#endif
}

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

static void check_bits(const char *fn, uint32_t in, uint32_t got, uint32_t want) {
    if (got != want) print_error("%s(0x%08x): got 0x%08x, NumPy 0x%08x\n", fn, in, got, want);
    assert_int_equal(got, want);
}

static void test_cases_direct(void **state) {
    (void)state;
    if (!numpy_simd_cpu()) skip();
    for (int f = 0; f < NFUNCS; f++)
        for (int i = 0; i < NCASES; i++)
            check_bits(FUNCS[f].name, npymath_in[i], to_bits(FUNCS[f].f32(from_bits(npymath_in[i]))),
                       FUNCS[f].want[i]);
}

/* Through the ufunc: contiguous input, and every other element of a
 * twice-as-long array (the strided branch of the loop). */
static void test_cases_ufunc(void **state) {
    (void)state;
    if (!numpy_simd_cpu()) skip();
    int64_t n = NCASES, n2 = 2 * NCASES;
    nd_array *a = nd_zeros(1, &n, nd_dtype_of(ND_FLOAT32), 'C');
    nd_array *b = nd_zeros(1, &n2, nd_dtype_of(ND_FLOAT32), 'C');
    assert_non_null(a);
    assert_non_null(b);
    uint32_t *pa = nd_data(a), *pb = nd_data(b);
    for (int i = 0; i < NCASES; i++) pa[i] = pb[2 * i] = npymath_in[i];
    int64_t step = 8;
    nd_array *bs = nd_as_strided(b, 1, &n, &step);
    assert_non_null(bs);
    for (int f = 0; f < NFUNCS; f++) {
        nd_array *ra = nd_apply(FUNCS[f].op, a, NULL, NULL);
        nd_array *rb = nd_apply(FUNCS[f].op, bs, NULL, NULL);
        assert_non_null(ra);
        assert_non_null(rb);
        assert_int_equal(nd_dtype_type(nd_array_dtype(ra)), ND_FLOAT32);
        const uint32_t *oa = nd_data(ra), *ob = nd_data(rb);
        for (int i = 0; i < NCASES; i++) {
            check_bits(FUNCS[f].name, npymath_in[i], oa[i], FUNCS[f].want[i]);
            check_bits(FUNCS[f].name, npymath_in[i], ob[i], FUNCS[f].want[i]);
        }
        nd_release(ra);
        nd_release(rb);
    }
    nd_release(bs);
    nd_release(b);
    nd_release(a);
}

static uint64_t weigh(uint64_t h, uint64_t i, uint32_t out) {
    return h + ((uint64_t)out + 1) * ((2 * i + 1) * NPYMATH_MULT);
}

/* Every NPYMATH_STEP-th bit pattern: all exponents, NaNs and denormals. */
static void test_sampled_hash(void **state) {
    (void)state;
    if (!numpy_simd_cpu()) skip();
    for (int f = 0; f < NFUNCS; f++) {
        uint64_t h = 0, n = (UINT64_C(1) << 32) / NPYMATH_STEP + 1;
        for (uint64_t i = 0; i < n; i++)
            h = weigh(h, i, to_bits(FUNCS[f].f32(from_bits((uint32_t)(i * NPYMATH_STEP)))));
        if (h != FUNCS[f].hash32) print_error("%s: sampled float32 results differ\n", FUNCS[f].name);
        assert_true(h == FUNCS[f].hash32);
    }
}

/* All 65536 float16 values, as NumPy's half loops compute them. */
static void test_half_hash(void **state) {
    (void)state;
    if (!numpy_skx_cpu()) skip();
    for (int f = 0; f < NFUNCS; f++) {
        uint64_t h = 0;
        for (uint32_t i = 0; i < 65536; i++)
            h = weigh(h, i, nd__float_to_half(FUNCS[f].f16(nd__half_to_float((uint16_t)i))));
        if (h != FUNCS[f].hash16) print_error("%s: float16 results differ\n", FUNCS[f].name);
        assert_true(h == FUNCS[f].hash16);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases_direct),
        cmocka_unit_test(test_cases_ufunc),
        cmocka_unit_test(test_sampled_hash),
        cmocka_unit_test(test_half_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
