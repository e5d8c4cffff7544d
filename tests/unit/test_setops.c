/* test_setops.c — unique and its index/inverse/counts outputs against
 * NumPy (setops_cases.h from gen_join_cases.py). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "case_util.h"
#include "setops_cases.h"

static int run(const struct nd_case *c, nd_array **in, nd_array **r, int *ival) {
    (void)ival;
    int flags = (int)c->ints[0], out = (int)c->ints[1];
    nd_array *extra[3] = {NULL, NULL, NULL};
    nd_array *v = nd_unique(in[0], flags, &extra[0], &extra[1], &extra[2]);
    if (!v) return -1;
    *r = out ? extra[out - 1] : v;
    for (int i = 0; i < 3; i++)
        if (i != out - 1) nd_release(extra[i]);
    if (out) nd_release(v);
    return 0;
}

static void test_against_numpy(void **state) {
    (void)state;
    assert_int_equal(run_all(setops_cases, sizeof setops_cases / sizeof setops_cases[0], run), 0);
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
    nd_array *a = nd_arange(0, 20, 3, NULL);
    for (int flags = 0; flags < 8; flags += 7) {
        for (fail_at = 1;; fail_at++) {
            calls = 0;
            nd_array *x = (nd_array *)0x1, *y = (nd_array *)0x1, *z = (nd_array *)0x1;
            nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
            nd_array *r = nd_unique(a, flags, &x, &y, &z);
            nd_set_allocator(NULL);
            if (r) {
                nd_release(r);
                if (flags) {
                    nd_release(x);
                    nd_release(y);
                    nd_release(z);
                }
                break;
            }
            assert_int_equal(nd_errcode(), ND_ENOMEM);
            assert_ptr_equal(x, (nd_array *)0x1); /* outputs untouched on failure */
        }
    }
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_against_numpy), cmocka_unit_test(test_alloc_failures)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
