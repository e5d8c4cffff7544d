/* test_partition.c — partition and argpartition against NumPy
 * (partition_cases.h from gen_join_cases.py): every element's place, not
 * just the kth ones, must match NumPy's introselect. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#include "case_util.h"
#include "partition_cases.h"

static int run(const struct nd_case *c, nd_array **in, nd_array **r, int *ival) {
    (void)ival;
    int axis = (int)c->ints[0];
    int64_t kth[8];
    for (int i = 0; i < c->nints2; i++) kth[i] = c->ints2[i];
    if (!strcmp(c->op, "partition")) *r = nd_partition(in[0], c->nints2, kth, axis);
    else *r = nd_argpartition(in[0], c->nints2, kth, axis);
    return *r ? 0 : -1;
}

static void test_against_numpy(void **state) {
    (void)state;
    assert_int_equal(run_all(partition_cases, sizeof partition_cases / sizeof partition_cases[0], run), 0);
}

/* In place: read-only arrays and axis None are refused, nothing moves. */
static void test_inplace(void **state) {
    (void)state;
    nd_array *a = nd_arange(10, 0, -1, NULL);
    int64_t k = 3;
    assert_int_equal(nd_partition_inplace(a, 1, &k, 0), 0);
    const int64_t *d = nd_data(a);
    for (int i = 0; i < 3; i++) assert_true(d[i] < 4);
    assert_int_equal(d[3], 4);
    for (int i = 4; i < 10; i++) assert_true(d[i] > 4);
    assert_int_equal(nd_partition_inplace(a, 1, &k, ND_AXIS_NONE), ND_ETYPE);
    k = 10;
    assert_int_equal(nd_partition_inplace(a, 1, &k, 0), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "kth(=10) out of bounds (10)");
    nd_set_writeable(a, false);
    k = 1;
    assert_int_equal(nd_partition_inplace(a, 1, &k, 0), ND_EREADONLY);
    assert_string_equal(nd_errmsg(), "partition array is read-only");
    assert_int_equal(d[3], 4);
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
    int64_t kth[2] = {1, 4};
    for (int op = 0; op < 4; op++) {
        for (fail_at = 1;; fail_at++) {
            calls = 0;
            nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
            int axis = op & 1 ? ND_AXIS_NONE : 0;
            nd_array *r = op < 2 ? nd_partition(t, 2, kth, axis) : nd_argpartition(t, 2, kth, axis);
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
