/* test_minmax.c — ops/minmax.c: float max/min reductions give NumPy 1.24's
 * zero signs and NaN bits (expected bytes taken from NumPy on x86-64). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "nd_internal.h"

static bool avx512(void) {
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
#else
    return false;
#endif
}

static float nan_f(uint32_t bits) {
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

static uint32_t bits_f(const nd_array *r) {
    uint32_t u;
    memcpy(&u, r->data, 4);
    return u;
}

/* 0, 1, ..., n-1 as float32 with a negative NaN (x86's default) at k. */
static nd_array *ramp_f32(int64_t n, int64_t k) {
    nd_array *a = nd_arange(0, (double)n, 1, nd_dtype_of(ND_FLOAT32));
    assert_non_null(a);
    if (k >= 0) ((float *)(void *)a->data)[k] = nan_f(0xffc00000u);
    return a;
}

static uint32_t amax_bits(nd_array *a) {
    nd_array *r = nd_amax(a, -1, NULL, false);
    assert_non_null(r);
    uint32_t u = bits_f(r);
    nd_release(r);
    nd_release(a);
    return u;
}

/* A NaN the SIMD loop meets comes out as the canonical positive NaN (any
 * vector width: 16 of 17 compared items are in whole vectors); one left
 * for its scalar tail keeps its bits; so does a lone element. */
static void test_nan_bits(void **state) {
    (void)state;
    assert_int_equal(amax_bits(ramp_f32(18, 17)), 0xffc00000u);
    assert_int_equal(amax_bits(ramp_f32(18, 16)), 0x7fc00000u);
    assert_int_equal(amax_bits(ramp_f32(18, 0)), 0x7fc00000u); /* the first element seeds every lane */
    assert_int_equal(amax_bits(ramp_f32(1, 0)), 0xffc00000u);  /* nothing left to reduce */
    /* strided: the scalar unroll keeps the NaN's bits */
    nd_array *z = ramp_f32(36, 10);
    nd_array *s = nd_subscript(z, 1, &ND_S(ND_NONE, ND_NONE, 2));
    nd_release(z);
    assert_int_equal(amax_bits(s), 0xffc00000u);
}

/* Rows of 6 (a partial reduction): each call is shorter than a vector, so
 * every NaN keeps its bits; down the columns the loop is element-wise. */
static void test_nan_partial(void **state) {
    (void)state;
    nd_array *a = ramp_f32(36, 10), *m = nd_reshape(a, 2, (int64_t[]){6, 6}, 'C', ND_COPY_NEVER);
    assert_non_null(m);
    nd_array *r1 = nd_amax(m, 1, (int[]){1}, false), *r0 = nd_amax(m, 1, (int[]){0}, false);
    assert_non_null(r1);
    assert_non_null(r0);
    uint32_t u;
    memcpy(&u, r1->data + 4, 4);
    assert_int_equal(u, 0xffc00000u);
    memcpy(&u, r0->data + 16, 4);
    assert_int_equal(u, 0xffc00000u);
    nd_release(r1);
    nd_release(r0);
    nd_release(m);
    nd_release(a);
}

/* float64 every other item: -1 but for -0.0 at 2 and +0.0 at 9.  The
 * 8-way unroll folds lane 1's -0.0 last (maxsd returns its second operand
 * on ties), so NumPy's max is -0.0 where a plain loop would give +0.0. */
static void test_zero_sign_strided(void **state) {
    (void)state;
    int64_t n = 34;
    nd_array *x = nd_full(1, &n, ND_F64(-1.0), nd_dtype_of(ND_FLOAT64), 'C');
    assert_non_null(x);
    nd_array *v = nd_subscript(x, 1, &ND_S(ND_NONE, ND_NONE, 2));
    assert_non_null(v);
    double *p = (double *)(void *)x->data;
    p[4] = -0.0;
    p[18] = 0.0;
    nd_array *r = nd_amax(v, -1, NULL, false);
    assert_non_null(r);
    double d;
    memcpy(&d, r->data, 8);
    assert_true(d == 0.0 && signbit(d));
    nd_release(r);
    /* contiguous, on AVX-512: the lane fold gives -0.0 as well */
    nd_array *c = nd_copy(v, 'C');
    r = c ? nd_amax(c, -1, NULL, false) : NULL;
    assert_non_null(r);
    memcpy(&d, r->data, 8);
    if (avx512()) assert_true(d == 0.0 && signbit(d));
    nd_release(r);
    nd_release(c);
    nd_release(v);
    nd_release(x);
}

/* min over a byte-swapped array goes through NumPy's buffer: contiguous
 * calls, canonical NaN; a swapped NaN keeps its (swapped) bits alone. */
static void test_swapped(void **state) {
    (void)state;
    nd_array *a = ramp_f32(40, 3);
    nd_array *b = a ? nd_astype(a, nd_dtype_newbyteorder(nd_dtype_of(ND_FLOAT32), '>'), 'C', ND_CAST_UNSAFE, true)
                    : NULL;
    assert_non_null(b);
    nd_array *r = nd_amin(b, -1, NULL, false);
    assert_non_null(r);
    assert_int_equal(bits_f(r), 0x7fc00000u);
    nd_release(r);
    nd_release(b);
    nd_release(a);
}

/* Allocator that fails the n-th allocation (counting from 1). */
static int alloc_count, alloc_fail_at;
static void *fail_malloc(size_t n, void *ud) {
    (void)ud;
    return ++alloc_count == alloc_fail_at ? NULL : malloc(n);
}
static void plain_free(void *p, void *ud) {
    (void)ud;
    free(p);
}

/* Out of memory anywhere (the gather buffer included): ND_ENOMEM, and
 * nothing leaks (ASan). */
static void test_nomem(void **state) {
    (void)state;
    nd_array *a = ramp_f32(60, -1), *m = nd_reshape(a, 3, (int64_t[]){3, 4, 5}, 'C', ND_COPY_NEVER);
    nd_idx ix[3] = {ND_ALL, ND_ALL, ND_S(ND_NONE, ND_NONE, 2)};
    nd_array *t = m ? nd_subscript(m, 3, ix) : NULL; /* rows of 4x3 that NumPy gathers into its buffer */
    assert_non_null(t);
    nd_allocator al = {fail_malloc, plain_free, NULL};
    for (int k = 1;; k++) {
        alloc_count = 0;
        alloc_fail_at = k;
        nd_set_allocator(&al);
        nd_array *r = nd_amax(t, 2, (int[]){1, 2}, false);
        nd_set_allocator(NULL);
        if (r) {
            assert_true(k > 1);
            nd_release(r);
            break;
        }
        assert_int_equal(nd_errcode(), ND_ENOMEM);
        assert_true(k < 100);
    }
    nd_release(t);
    nd_release(m);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nan_bits),        cmocka_unit_test(test_nan_partial),
        cmocka_unit_test(test_zero_sign_strided), cmocka_unit_test(test_swapped),
        cmocka_unit_test(test_nomem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
