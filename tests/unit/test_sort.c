/* test_sort.c — sort and argsort against NumPy (sort_cases.h from
 * gen_join_cases.py): every kind, axis and dtype, with ties, NaNs and
 * signed zeros, so equal-key order must match NumPy's algorithms. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "case_util.h"
#include "sort_cases.h"

static int run(const struct nd_case *c, nd_array **in, nd_array **r, int *ival) {
    (void)ival;
    int axis = (int)c->ints[0];
    if (!strcmp(c->op, "sort")) *r = nd_sort(in[0], axis, c->kind);
    else *r = nd_argsort(in[0], axis, c->kind);
    return *r ? 0 : -1;
}

static void test_against_numpy(void **state) {
    (void)state;
    assert_int_equal(run_all(sort_cases, sizeof sort_cases / sizeof sort_cases[0], run), 0);
}

/* Sorted (descending) input drives NumPy's introsort into its heapsort
 * fallback only for adversarial data; check a strictly decreasing and an
 * organ-pipe array sort correctly, and in place. */
static void test_inplace(void **state) {
    (void)state;
    nd_array *a = nd_arange(1000, 0, -1, NULL);
    assert_int_equal(nd_sort_inplace(a, -1, NULL), 0);
    for (int64_t i = 0; i < 1000; i++) assert_int_equal(((int64_t *)nd_data(a))[i], i + 1);
    assert_int_equal(nd_sort_inplace(a, ND_AXIS_NONE, NULL), ND_ETYPE);
    nd_set_writeable(a, false);
    assert_int_equal(nd_sort_inplace(a, 0, "heap"), ND_EREADONLY);
    nd_release(a);
}

static _Thread_local int fail_at, calls;
static void *fmalloc(size_t n, void *ud) {
    (void)ud;
    return ++calls == fail_at ? NULL : malloc(n);
}
static void ffree(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_alloc_failures(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 60, 1, NULL), *m = nd_reshape(a, 2, (int64_t[]){6, 10}, 'C', ND_COPY_NEVER);
    nd_array *t = nd_transpose(m, NULL);
    const char *kinds[3] = {NULL, "stable", "heapsort"};
    for (int op = 0; op < 6; op++) {
        for (fail_at = 1;; fail_at++) {
            calls = 0;
            nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
            nd_array *r = op < 3 ? nd_sort(t, 0, kinds[op]) : nd_argsort(t, op == 3 ? ND_AXIS_NONE : 0, kinds[op - 3]);
            nd_set_allocator(NULL);
            if (r) {
                nd_release(r);
                break;
            }
            assert_int_equal(nd_errcode(), ND_ENOMEM);
        }
    }
    nd_release(t);
    nd_release(m);
    nd_release(a);
}

/* On AVX-512 CPUs NumPy quicksorts float32 with its vector kernel, which
 * writes the canonical positive NaN over the NaNs it sorted last; the
 * stable sort keeps their bits.  A 0-d array reports the axis first. */
static void test_nan_bits(void **state) {
    (void)state;
    uint32_t v[4] = {0x40400000u, 0xffc00000u, 0xffc00000u, 0x3f800000u}; /* 3, -nan, -nan, 1 */
    int64_t n = 4;
    nd_array *a = nd_from_data(1, &n, nd_dtype_of(ND_FLOAT32), v);
    nd_array *q = nd_sort(a, 0, NULL), *st = nd_sort(a, 0, "stable");
    assert_non_null(q);
    assert_non_null(st);
    bool canon = false;
#if defined(__x86_64__) && defined(__GNUC__)
    canon = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
            __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
            __builtin_cpu_supports("avx512vl");
#endif
    uint32_t want_q[4] = {0x3f800000u, 0x40400000u, canon ? 0x7fc00000u : 0xffc00000u,
                          canon ? 0x7fc00000u : 0xffc00000u};
    uint32_t want_s[4] = {0x3f800000u, 0x40400000u, 0xffc00000u, 0xffc00000u};
    assert_memory_equal(nd_data(q), want_q, sizeof want_q);
    assert_memory_equal(nd_data(st), want_s, sizeof want_s);
    nd_release(q);
    nd_release(st);
    nd_release(a);
    nd_array *z = nd_scalar(ND_F64(1.0), NULL);
    nd_set_writeable(z, false);
    assert_int_equal(nd_sort_inplace(z, -1, NULL), ND_EAXIS);
    nd_release(z);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_against_numpy), cmocka_unit_test(test_inplace),
                                       cmocka_unit_test(test_alloc_failures), cmocka_unit_test(test_nan_bits)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
