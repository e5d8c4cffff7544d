/* test_array.c — headers, flags, creation, element access. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>

#include "nd.h"

static void test_zeros_flags(void **state) {
    (void)state;
    int64_t shape[2] = {3, 4};
    nd_array *a = nd_zeros(2, shape, nd_dtype_of(ND_INT64), 'C');
    assert_non_null(a);
    assert_int_equal(nd_strides(a)[0], 32);
    assert_int_equal(nd_strides(a)[1], 8);
    int f = nd_flags(a);
    assert_true(f & ND_C_CONTIGUOUS);
    assert_false(f & ND_F_CONTIGUOUS);
    assert_true(f & ND_OWNDATA);
    assert_true(f & ND_WRITEABLE);
    assert_true(f & ND_ALIGNED);
    assert_null(nd_base(a));
    assert_int_equal((uintptr_t)nd_data(a) % 64, 0);
    nd_release(a);
}

static void test_arange_item(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 10, 3, NULL);
    assert_non_null(a);
    assert_int_equal(nd_size(a), 4);
    nd_value v;
    assert_int_equal(nd_item(a, -1, &v), 0);
    assert_int_equal(v.i, 9);
    assert_int_equal(nd_item(a, 4, &v), ND_EINDEX);
    assert_string_equal(nd_errclass(), "IndexError");
    nd_release(a);
}

/* Views of one shared view made and dropped on several threads at once:
 * the counts end where they started. */
enum { N_THREADS = 4, N_ROUNDS = 20000 };

static void *view_churn(void *arg) {
    nd_array *s = arg; /* this thread's own reference */
    nd_idx ix = {.kind = ND_IDX_SLICE, .start = 1, .stop = ND_NONE, .step = ND_NONE};
    for (int i = 0; i < N_ROUNDS; i++) {
        nd_array *v = nd_subscript(s, 1, &ix);
        nd_array *w = v ? nd_subscript(v, 1, &ix) : NULL;
        nd_release(w);
        nd_release(v);
    }
    nd_release(s);
    return NULL;
}

static void test_refcount_threads(void **state) {
    (void)state;
    nd_array *r = nd_arange(0, 64, 1, NULL);
    nd_idx ix = {.kind = ND_IDX_SLICE, .start = 2, .stop = ND_NONE, .step = ND_NONE};
    nd_array *s = nd_subscript(r, 1, &ix);
    assert_non_null(s);
    nd_release(r); /* the root now lives through s alone */
    pthread_t t[N_THREADS];
    for (int i = 0; i < N_THREADS; i++) assert_int_equal(pthread_create(&t[i], NULL, view_churn, nd_retain(s)), 0);
    for (int i = 0; i < N_THREADS; i++) pthread_join(t[i], NULL);
    assert_int_equal(nd_refcount(s), 1);
    assert_int_equal(nd_refcount(nd_base(s)), 1);
    nd_array *own = nd_arange(0, 4, 1, NULL); /* sole owner: retain and release pair up */
    nd_retain(own);
    assert_int_equal(nd_refcount(own), 2);
    nd_release(own);
    assert_int_equal(nd_refcount(own), 1);
    nd_release(own);
    nd_release(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zeros_flags),
        cmocka_unit_test(test_arange_item),
        cmocka_unit_test(test_refcount_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
