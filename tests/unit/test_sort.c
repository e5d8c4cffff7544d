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

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_against_numpy), cmocka_unit_test(test_inplace),
                                       cmocka_unit_test(test_alloc_failures)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
