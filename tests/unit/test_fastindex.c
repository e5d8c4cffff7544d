/* test_fastindex.c — the boolean-mask and 1-d gather/scatter fast paths
 * (ops/fastindex.c): a[mask] and a[mask] = v must give the bytes a naive
 * loop gives for every item size, with SIMD on and off, masks holding any
 * nonzero byte, and lengths around every vector and block boundary. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "nd_internal.h"

static uint64_t rng_state = 0x2545f4914f6cdd1dull;
static uint64_t rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const char *const dtypes[] = {"u1", "i2", "f4", "f8", "c16"};
static const int64_t lengths[] = {0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000, 32645};

/* Mask patterns: random, none, all, sparse, and random nonzero bytes. */
static void fill_mask(uint8_t *m, int64_t n, int pattern) {
    for (int64_t i = 0; i < n; i++) {
        uint64_t r = rnd();
        switch (pattern) {
        case 0: m[i] = r & 1; break;
        case 1: m[i] = 0; break;
        case 2: m[i] = 1; break;
        case 3: m[i] = r % 17 == 0; break;
        default: m[i] = (uint8_t)(r % 3 ? r >> 8 : 0); break;
        }
    }
}

/* A bool array over the raw mask bytes (a uint8 array viewed as bool, so
 * bytes other than 0 and 1 survive). */
static nd_array *mask_array(const uint8_t *m, int64_t n) {
    nd_array *u = nd_from_data(1, &n, nd_dtype_of(ND_UINT8), m);
    assert_non_null(u);
    nd_array *b = nd_view_dtype(u, nd_dtype_of(ND_BOOL));
    assert_non_null(b);
    nd_release(u);
    return b;
}

static nd_array *random_array(const char *dt, int64_t n) {
    const nd_dtype *d = nd_dtype_parse(dt);
    nd_array *a = nd_empty(1, &n, d, 'C');
    nd_dtype_release(d);
    assert_non_null(a);
    unsigned char *p = nd_data(a);
    for (int64_t i = 0; i < n * a->dtype->itemsize; i++) p[i] = (unsigned char)rnd();
    return a;
}

static void check_getitem(const char *dt, int64_t n, int pattern) {
    nd_array *a = random_array(dt, n);
    uint8_t *m = malloc((size_t)n + 1);
    assert_non_null(m);
    fill_mask(m, n, pattern);
    nd_array *mk = mask_array(m, n);
    int64_t isz = a->dtype->itemsize, count = 0;
    char *want = malloc((size_t)(n * isz) + 1);
    assert_non_null(want);
    for (int64_t i = 0; i < n; i++)
        if (m[i]) memcpy(want + (count++) * isz, a->data + i * isz, (size_t)isz);
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        nd_array *r = nd_getitem(a, 1, &ND_ARR(mk));
        assert_non_null(r);
        assert_int_equal(r->ndim, 1);
        assert_int_equal(r->shape[0], count);
        if (count) assert_memory_equal(r->data, want, (size_t)(count * isz));
        nd_release(r);
    }
    nd__set_simd(true);
    free(want);
    free(m);
    nd_release(mk);
    nd_release(a);
}

/* a = big[1:-1]: the items on either side must never be written. */
static void check_setitem(const char *dt, int64_t n, int pattern) {
    int64_t n2 = n + 2;
    nd_array *big = random_array(dt, n2);
    nd_array *a = nd_subscript(big, 1, &ND_S(1, n + 1, 1));
    assert_non_null(a);
    uint8_t *m = malloc((size_t)n + 1);
    assert_non_null(m);
    fill_mask(m, n, pattern);
    nd_array *mk = mask_array(m, n);
    nd_array *v = nd_scalar(ND_I64(-3), NULL);
    int64_t isz = a->dtype->itemsize;
    unsigned char val[16];
    nd__store(a->dtype, val, nd__load(v->dtype, v->data));
    size_t bytes = (size_t)(n2 * isz);
    char *orig = malloc(bytes), *want = malloc(bytes);
    assert_true(orig && want);
    memcpy(orig, big->data, bytes);
    memcpy(want, orig, bytes);
    for (int64_t i = 0; i < n; i++)
        if (m[i]) memcpy(want + (i + 1) * isz, val, (size_t)isz);
    for (int simd = 0; simd < 2; simd++) {
        nd__set_simd(simd);
        memcpy(big->data, orig, bytes);
        assert_int_equal(nd_setitem(a, 1, &ND_ARR(mk), v), 0);
        assert_memory_equal(big->data, want, bytes);
    }
    nd__set_simd(true);
    free(orig);
    free(want);
    free(m);
    nd_release(v);
    nd_release(mk);
    nd_release(a);
    nd_release(big);
}

static void test_mask_getitem(void **state) {
    (void)state;
    for (size_t d = 0; d < sizeof dtypes / sizeof dtypes[0]; d++)
        for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
            for (int p = 0; p < 5; p++) check_getitem(dtypes[d], lengths[k], p);
}

static void test_mask_setitem(void **state) {
    (void)state;
    for (size_t d = 0; d < sizeof dtypes / sizeof dtypes[0]; d++)
        for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
            for (int p = 0; p < 5; p++) check_setitem(dtypes[d], lengths[k], p);
}

/* A 2-d full mask takes the same path; the result is 1-d in C order. */
static void test_mask_2d(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 60, 1, nd_dtype_of(ND_FLOAT64));
    nd_array *m2 = nd_reshape(a, 2, (int64_t[]){6, 10}, 'C', ND_COPY_IF_NEEDED);
    nd_array *t = nd_scalar(ND_F64(29.5), NULL);
    nd_array *mk = nd_apply(ND_GREATER, m2, t, NULL);
    assert_non_null(mk);
    nd_array *r = nd_getitem(m2, 1, &ND_ARR(mk));
    assert_non_null(r);
    assert_int_equal(r->shape[0], 30);
    assert_true(((double *)(void *)r->data)[0] == 30.0 && ((double *)(void *)r->data)[29] == 59.0);
    nd_release(r);
    nd_release(mk);
    nd_release(t);
    nd_release(m2);
    nd_release(a);
}

/* A read-only array refuses mask assignment and is left unchanged. */
static void test_mask_setitem_readonly(void **state) {
    (void)state;
    int64_t n = 40;
    nd_array *a = random_array("f8", n);
    char before[320];
    memcpy(before, a->data, sizeof before);
    uint8_t m[40];
    fill_mask(m, n, 2);
    nd_array *mk = mask_array(m, n);
    nd_array *v = nd_scalar(ND_F64(1.0), NULL);
    a->flags &= ~ND_WRITEABLE;
    assert_int_equal(nd_setitem(a, 1, &ND_ARR(mk), v), ND_EREADONLY);
    assert_memory_equal(a->data, before, sizeof before);
    nd_release(v);
    nd_release(mk);
    nd_release(a);
}

/* Gather and scatter: negative indices wrap; a bad index fails before
 * anything is written, naming the first bad one. */
static void test_gather_scatter(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 100, 1, nd_dtype_of(ND_FLOAT64));
    int64_t ix[6] = {5, -1, 0, 99, -100, 5}, n = 6;
    nd_array *ia = nd_from_data(1, &n, nd_dtype_of(ND_INT64), ix);
    nd_array *r = nd_getitem(a, 1, &ND_ARR(ia));
    assert_non_null(r);
    const double *g = (const double *)(void *)r->data;
    assert_true(g[0] == 5 && g[1] == 99 && g[2] == 0 && g[3] == 99 && g[4] == 0 && g[5] == 5);
    nd_release(r);
    nd_array *v = nd_scalar(ND_F64(-1.0), NULL);
    assert_int_equal(nd_setitem(a, 1, &ND_ARR(ia), v), 0);
    assert_true(((double *)(void *)a->data)[99] == -1.0 && ((double *)(void *)a->data)[1] == 1.0);
    int64_t bad[3] = {1, 100, -101};
    nd_array *ib = nd_from_data(1, (int64_t[]){3}, nd_dtype_of(ND_INT64), bad);
    assert_null(nd_getitem(a, 1, &ND_ARR(ib)));
    assert_int_equal(nd_errcode(), ND_EINDEX);
    assert_string_equal(nd_errmsg(), "index 100 is out of bounds for axis 0 with size 100");
    assert_int_equal(nd_setitem(a, 1, &ND_ARR(ib), v), ND_EINDEX);
    assert_true(((double *)(void *)a->data)[1] == 1.0);
    nd_release(ib);
    nd_release(v);
    nd_release(ia);
    nd_release(a);
}

/* a[ix] = v with v a view of a: NumPy's 1-d fast path writes item by
 * item, reading v as it goes (a = arange(6); a[[1, 2, 3]] = a[:3] gives
 * [0 0 0 0 4 5]); a boolean mask reads a copy ([0 0 1 2 4 5]).  A
 * byte-swapped array takes the same path. */
static void test_scatter_overlap(void **state) {
    (void)state;
    const nd_dtype *types[2] = {nd_dtype_of(ND_INT64), nd_dtype_newbyteorder(nd_dtype_of(ND_INT64), '>')};
    for (int t = 0; t < 2; t++) {
        nd_array *a0 = nd_arange(0, 6, 1, NULL);
        nd_array *a = nd_astype(a0, types[t], 'C', ND_CAST_UNSAFE, true);
        int64_t ix[3] = {1, 2, 3}, three = 3;
        nd_array *ia = nd_from_data(1, &three, nd_dtype_of(ND_INT64), ix);
        nd_array *v = nd_subscript(a, 1, &ND_S(0, 3, 1));
        assert_non_null(v);
        assert_int_equal(nd_setitem(a, 1, &ND_ARR(ia), v), 0);
        for (int64_t i = 0; i < 6; i++) {
            nd_value x;
            nd_item(a, i, &x);
            assert_int_equal(x.i, i < 4 ? 0 : i);
        }
        nd_release(v);
        nd_release(ia);
        nd_release(a);
        nd_release(a0);
    }
    nd_array *a = nd_arange(0, 6, 1, NULL);
    uint8_t mk[6] = {0, 1, 1, 1, 0, 0};
    int64_t six = 6;
    nd_array *m = nd_from_data(1, &six, nd_dtype_of(ND_BOOL), mk), *v = nd_subscript(a, 1, &ND_S(0, 3, 1));
    assert_int_equal(nd_setitem(a, 1, &ND_ARR(m), v), 0);
    int64_t want[6] = {0, 0, 1, 2, 4, 5};
    assert_memory_equal(nd_data(a), want, sizeof want);
    nd_release(v);
    nd_release(m);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mask_getitem),          cmocka_unit_test(test_mask_setitem),
        cmocka_unit_test(test_mask_2d),               cmocka_unit_test(test_mask_setitem_readonly),
        cmocka_unit_test(test_gather_scatter),        cmocka_unit_test(test_scatter_overlap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
