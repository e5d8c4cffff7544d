/* test_arith_float.c — the float64 ufunc loops (kern/arith_float.c),
 * above all their AVX2 versions: every layout they take (contiguous, a
 * scalar operand, every other item, in place, streaming stores on large
 * outputs) must give the bytes a naive per-element loop gives, with SIMD on
 * and off, NaN, infinities, signed zeros and subnormals included. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "nd_internal.h"

static uint64_t rng_state = 0x853c49e6748fea9bull;
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static double special(void) {
    static const double v[] = {0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 1e308, -1e308, 5e-324, -2.5e-310};
    switch (rnd() % 8) {
    case 0: return NAN;
    case 1: return rnd() & 1 ? INFINITY : -INFINITY;
    case 2: return v[rnd() % 10];
    default: return ((double)(int64_t)(rnd() % 2001) - 1000.0) / 7.0;
    }
}

static const nd_ufunc ops[] = {ND_ADD,  ND_SUBTRACT,      ND_MULTIPLY, ND_TRUE_DIVIDE, ND_GREATER,
                               ND_LESS, ND_GREATER_EQUAL, ND_LESS_EQUAL, ND_EQUAL,     ND_NOT_EQUAL};

static bool is_cmp(nd_ufunc op) {
    return op != ND_ADD && op != ND_SUBTRACT && op != ND_MULTIPLY && op != ND_TRUE_DIVIDE;
}

static double arith(nd_ufunc op, double x, double y) {
    switch (op) {
    case ND_ADD: return x + y;
    case ND_SUBTRACT: return x - y;
    case ND_MULTIPLY: return x * y;
    default: return x / y;
    }
}

static bool compare(nd_ufunc op, double x, double y) {
    switch (op) {
    case ND_GREATER: return x > y;
    case ND_LESS: return x < y;
    case ND_GREATER_EQUAL: return x >= y;
    case ND_LESS_EQUAL: return x <= y;
    case ND_EQUAL: return x == y;
    default: return x != y;
    }
}

/* A 1-d float64 array of 2n+1 random values and its [::step] view of n. */
static nd_array *values(int64_t n, int64_t step, nd_array **base) {
    int64_t len = n * step + 1;
    *base = nd_empty(1, &len, nd_dtype_of(ND_FLOAT64), 'C');
    assert_non_null(*base);
    double *p = (double *)(void *)(*base)->data;
    for (int64_t i = 0; i < len; i++) p[i] = special();
    nd_array *v = nd_subscript(*base, 1, &ND_S(0, n * step, step));
    assert_non_null(v);
    return v;
}

static double at(const nd_array *a, int64_t i) {
    double x;
    memcpy(&x, a->data + (a->ndim ? i * a->strides[0] : 0), 8);
    return x;
}

static bool same_double(double x, double y) { return !memcmp(&x, &y, 8) || (isnan(x) && isnan(y)); }

/* x op y for the operand kinds: 0 array, 1 0-d scalar; step 1 or 2. */
static void check(nd_ufunc op, int64_t n, int kx, int ky, int64_t step) {
    nd_array *bx = NULL, *by = NULL;
    nd_array *x = kx ? nd_scalar(ND_F64(special()), NULL) : values(n, step, &bx);
    nd_array *y = ky ? nd_scalar(ND_F64(special()), NULL) : values(n, step, &by);
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        nd_array *r = nd_apply(op, x, y, NULL);
        assert_non_null(r);
        for (int64_t i = 0; i < n; i++) {
            double p = at(x, i), q = at(y, i);
            if (is_cmp(op)) {
                assert_int_equal(((uint8_t *)r->data)[i], compare(op, p, q));
            } else {
                double got = at(r, i), want = arith(op, p, q);
                if (!same_double(got, want))
                    fail_msg("op %d n %lld i %lld: %a vs %a", (int)op, (long long)n, (long long)i, got, want);
            }
        }
        nd_release(r);
    }
    nd__set_simd(true);
    nd_release(x);
    nd_release(y);
    nd_release(bx);
    nd_release(by);
}

static void test_layouts(void **state) {
    (void)state;
    static const int64_t lengths[] = {0, 1, 5, 15, 16, 17, 31, 32, 33, 40, 63, 64, 65, 100, 1001};
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++)
        for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
            for (int64_t step = 1; step <= 3; step++) {
                check(ops[o], lengths[k], 0, 0, step);
                check(ops[o], lengths[k], 0, 1, step);
                check(ops[o], lengths[k], 1, 0, step);
            }
}

/* In place, as `v += y` does it: every other item of a buffer; the items
 * in between must keep their bytes (even NaN payloads). */
static void test_in_place_strided(void **state) {
    (void)state;
    for (int64_t n = 0; n < 80; n += 7)
        for (int simd = 0; simd < 2; simd++) {
            nd__set_simd(simd);
            nd_array *base, *v = values(n, 2, &base);
            int64_t len = base->shape[0];
            double *before = malloc((size_t)(len + 1) * 8);
            assert_non_null(before);
            memcpy(before, base->data, (size_t)len * 8);
            nd_array *s = nd_scalar(ND_F64(1.25), NULL);
            nd_array *r = nd_apply(ND_ADD, v, s, v);
            assert_ptr_equal(r, v);
            const double *p = (const double *)(void *)base->data;
            for (int64_t i = 0; i < len; i++) {
                double want = i % 2 == 0 && i < 2 * n ? before[i] + 1.25 : before[i];
                assert_true(same_double(p[i], want));
                if (i % 2 || i >= 2 * n) assert_memory_equal(&p[i], &before[i], 8);
            }
            free(before);
            nd_release(r);
            nd_release(s);
            nd_release(v);
            nd_release(base);
        }
    nd__set_simd(true);
}

/* Outputs of 16 MiB and more use streaming stores when they are apart
 * from the inputs; the bytes are the same. */
static void test_large_out(void **state) {
    (void)state;
    int64_t n = (16 << 20) / 8 + 37;
    nd_array *bx, *by;
    nd_array *x = values(n, 1, &bx), *y = values(n, 1, &by);
    nd_array *out = nd_empty(1, &n, nd_dtype_of(ND_FLOAT64), 'C');
    assert_non_null(out);
    for (size_t o = 0; o < 4; o++) {
        nd_array *r = nd_apply(ops[o], x, y, out);
        assert_ptr_equal(r, out);
        for (int64_t i = 0; i < n; i++)
            if (!same_double(at(out, i), arith(ops[o], at(x, i), at(y, i))))
                fail_msg("op %d item %lld", (int)ops[o], (long long)i);
        nd_release(r);
    }
    nd_array *r = nd_apply(ND_MULTIPLY, x, x, x); /* in place: plain stores */
    assert_ptr_equal(r, x);
    nd_release(r);
    nd_release(out);
    nd_release(x);
    nd_release(y);
    nd_release(bx);
    nd_release(by);
}

/* cumsum runs the add loop with the output one item ahead of an input:
 * the vector loop must refuse that overlap. */
static void test_cumsum_overlap(void **state) {
    (void)state;
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        nd_array *base, *a = values(300, 1, &base);
        nd_array *c = nd_cumsum(a, 0, NULL);
        assert_non_null(c);
        double acc = 0;
        for (int64_t i = 0; i < 300; i++) {
            acc = i ? acc + at(a, i) : at(a, 0);
            assert_true(same_double(at(c, i), acc));
        }
        nd_release(c);
        nd_release(a);
        nd_release(base);
    }
    nd__set_simd(true);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_in_place_strided),
        cmocka_unit_test(test_large_out),
        cmocka_unit_test(test_cumsum_overlap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
