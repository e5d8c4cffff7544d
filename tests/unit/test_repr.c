/* test_repr.c — nd_str / nd_repr against NumPy 1.24 (generated cases),
 * strided views, print options, thread-locality and allocation failure. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "nd.h"
#include "repr_cases.h"

static const nd_printoptions defaults = {8, 1000, 3, 75, false, '-'};

static void reset_options(void) { assert_int_equal(nd_set_printoptions(&defaults), 0); }

/* The array a generated case describes (raw bytes or an arange recipe). */
static nd_array *build(const repr_case *c) {
    const nd_dtype *dt = nd_dtype_parse(c->dtype);
    assert_non_null(dt);
    int64_t n = 1;
    for (int i = 0; i < c->ndim; i++) n *= c->shape[i];
    nd_array *a;
    if (c->data) {
        assert_int_equal((int64_t)c->nbytes, n * nd_dtype_itemsize(dt));
        a = nd_from_data(c->ndim, c->shape, dt, c->data);
    } else {
        char *buf = malloc((size_t)(n * nd_dtype_itemsize(dt)) + 1);
        assert_non_null(buf);
        for (int64_t i = 0; i < n; i++)
            nd__store(dt, buf + i * nd_dtype_itemsize(dt), ND_F64(c->start + (double)i * c->step));
        a = nd_from_data(c->ndim, c->shape, dt, buf);
        free(buf);
    }
    nd_dtype_release(dt);
    assert_non_null(a);
    return a;
}

static int check_text(const char *what, size_t idx, const char *got, const char *want) {
    if (got && strcmp(got, want) == 0) return 0;
    print_message("case %zu %s\n--- numpy:\n%s\n--- nd:\n%s\n", idx, what, want, got ? got : "(NULL)");
    return 1;
}

static void test_generated_cases(void **state) {
    (void)state;
    size_t n = sizeof repr_cases / sizeof repr_cases[0];
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const repr_case *c = &repr_cases[i];
        assert_int_equal(nd_set_printoptions(&c->po), 0);
        nd_array *a = build(c);
        char *s = nd_str(a), *r = nd_repr(a);
        bad += check_text("str", i, s, c->str);
        bad += check_text("repr", i, r, c->repr);
        nd_free(s);
        nd_free(r);
        nd_release(a);
    }
    reset_options();
    assert_int_equal(bad, 0);
    assert_true(n > 200);
}

/* Views over one int64 / float64 buffer, with strides NumPy would give. */
static nd_array *view_of(nd_array *base, int ndim, const int64_t *shape, const int64_t *strides, int64_t off) {
    nd_array *v = nd_from_buf(nd_array_buf(base), nd_array_dtype(base), ndim, shape, strides, off);
    assert_non_null(v);
    return v;
}

static void expect(nd_array *a, const char *str, const char *repr) {
    char *s = nd_str(a), *r = nd_repr(a);
    assert_non_null(s);
    assert_non_null(r);
    assert_string_equal(s, str);
    assert_string_equal(r, repr);
    nd_free(s);
    nd_free(r);
    nd_release(a);
}

static void test_strided_views(void **state) {
    (void)state;
    nd_array *m = nd_arange(0, 12, 1, NULL);
    // m.reshape(3,4).T
    expect(view_of(m, 2, (int64_t[]){4, 3}, (int64_t[]){8, 32}, 0),
           "[[ 0  4  8]\n [ 1  5  9]\n [ 2  6 10]\n [ 3  7 11]]",
           "array([[ 0,  4,  8],\n       [ 1,  5,  9],\n       [ 2,  6, 10],\n       [ 3,  7, 11]])");
    // m.reshape(3,4)[::-1, ::2]
    expect(view_of(m, 2, (int64_t[]){3, 2}, (int64_t[]){-32, 16}, 64), "[[ 8 10]\n [ 4  6]\n [ 0  2]]",
           "array([[ 8, 10],\n       [ 4,  6],\n       [ 0,  2]])");
    // arange(12)[::-3]
    expect(view_of(m, 1, (int64_t[]){4}, (int64_t[]){-24}, 88), "[11  8  5  2]", "array([11,  8,  5,  2])");
    nd_release(m);

    nd_array *f = nd_arange_f(0, 24, 1, NULL);
    // broadcast_to(arange(3.), (2,3))
    expect(view_of(f, 2, (int64_t[]){2, 3}, (int64_t[]){0, 8}, 0), "[[0. 1. 2.]\n [0. 1. 2.]]",
           "array([[0., 1., 2.],\n       [0., 1., 2.]])");
    // arange(24.).reshape(2,3,4).transpose(2,0,1)[:, :, ::-1]
    expect(view_of(f, 3, (int64_t[]){4, 2, 3}, (int64_t[]){8, 96, -32}, 64),
           "[[[ 8.  4.  0.]\n  [20. 16. 12.]]\n\n [[ 9.  5.  1.]\n  [21. 17. 13.]]\n\n"
           " [[10.  6.  2.]\n  [22. 18. 14.]]\n\n [[11.  7.  3.]\n  [23. 19. 15.]]]",
           "array([[[ 8.,  4.,  0.],\n        [20., 16., 12.]],\n\n       [[ 9.,  5.,  1.],\n"
           "        [21., 17., 13.]],\n\n       [[10.,  6.,  2.],\n        [22., 18., 14.]],\n\n"
           "       [[11.,  7.,  3.],\n        [23., 19., 15.]]])");
    nd_release(f);
}

static void test_printoptions(void **state) {
    (void)state;
    nd_printoptions o;
    nd_get_printoptions(&o);
    assert_int_equal(o.precision, 8);
    assert_int_equal(o.threshold, 1000);
    assert_int_equal(o.edgeitems, 3);
    assert_int_equal(o.linewidth, 75);
    assert_false(o.suppress);
    assert_int_equal(o.sign, '-');

    nd_printoptions p = {3, 5, 1, 40, true, '+'};
    assert_int_equal(nd_set_printoptions(&p), 0);
    nd_get_printoptions(&o);
    assert_memory_equal(&o, &p, sizeof o);

    // Bad options fail with NumPy's words and change nothing.
    nd_printoptions bad = p;
    bad.sign = 'x';
    assert_int_equal(nd_set_printoptions(&bad), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "sign option must be one of ' ', '+', or '-'");
    bad = p;
    bad.precision = -1;
    assert_int_equal(nd_set_printoptions(&bad), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "precision must be >= 0");
    bad = p;
    bad.edgeitems = -2;
    assert_int_equal(nd_set_printoptions(&bad), ND_EVALUE);
    assert_string_equal(nd_errclass(), "ValueError");
    assert_int_equal(nd_set_printoptions(NULL), ND_EVALUE);
    nd_get_printoptions(&o);
    assert_memory_equal(&o, &p, sizeof o);

    // The new options take effect: threshold 5, edgeitems 1, sign '+'.
    nd_array *a = nd_arange_f(0, 10, 1, NULL);
    expect(a, "[+0. ... +9.]", "array([+0., ..., +9.])");
    reset_options();
}

static void *thread_main(void *arg) {
    nd_printoptions *seen = arg;
    nd_get_printoptions(&seen[0]); // a new thread starts from the defaults
    nd_printoptions mine = {2, 10, 1, 30, true, ' '};
    nd_set_printoptions(&mine);
    nd_get_printoptions(&seen[1]);
    return NULL;
}

static void test_thread_local(void **state) {
    (void)state;
    nd_printoptions main_opts = {5, 100, 2, 60, false, '+'};
    assert_int_equal(nd_set_printoptions(&main_opts), 0);
    nd_printoptions seen[2];
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, thread_main, seen), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_memory_equal(&seen[0], &defaults, sizeof defaults);
    assert_int_equal(seen[1].precision, 2);
    nd_printoptions now;
    nd_get_printoptions(&now);
    assert_memory_equal(&now, &main_opts, sizeof now);
    reset_options();
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

typedef char *(*text_fn)(const nd_array *);

/* Fail each allocation of fn(a) in turn until it succeeds. */
static void fault_run(text_fn fn, const nd_array *a, const char *want) {
    nd_allocator al = {fail_malloc, plain_free, NULL};
    for (int k = 1;; k++) {
        alloc_count = 0;
        alloc_fail_at = k;
        nd_set_allocator(&al);
        char *s = fn(a);
        nd_set_allocator(NULL);
        if (s) {
            assert_string_equal(s, want);
            nd_free(s);
            assert_true(k > 1);
            return;
        }
        assert_int_equal(nd_errcode(), ND_ENOMEM);
        assert_true(k < 1000);
    }
}

static void test_allocation_failure(void **state) {
    (void)state;
    const nd_dtype *f8 = nd_dtype_of(ND_FLOAT64);
    nd_array *a = nd_arange_f(0, 40, 0.5, f8);
    assert_non_null(a);
    fault_run(nd_str, a,
              "[ 0.   0.5  1.   1.5  2.   2.5  3.   3.5  4.   4.5  5.   5.5  6.   6.5\n"
              "  7.   7.5  8.   8.5  9.   9.5 10.  10.5 11.  11.5 12.  12.5 13.  13.5\n"
              " 14.  14.5 15.  15.5 16.  16.5 17.  17.5 18.  18.5 19.  19.5 20.  20.5\n"
              " 21.  21.5 22.  22.5 23.  23.5 24.  24.5 25.  25.5 26.  26.5 27.  27.5\n"
              " 28.  28.5 29.  29.5 30.  30.5 31.  31.5 32.  32.5 33.  33.5 34.  34.5\n"
              " 35.  35.5 36.  36.5 37.  37.5 38.  38.5 39.  39.5]");
    nd_release(a);
    int64_t shape[2] = {2, 0};
    a = nd_zeros(2, shape, nd_dtype_of(ND_INT16), 'C');
    fault_run(nd_repr, a, "array([], shape=(2, 0), dtype=int16)");
    nd_release(a);
    a = nd_full(0, NULL, ND_F64(0.25), nd_dtype_of(ND_FLOAT32), 'C');
    fault_run(nd_str, a, "0.25");
    fault_run(nd_repr, a, "array(0.25, dtype=float32)");
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_cases),
        cmocka_unit_test(test_strided_views),
        cmocka_unit_test(test_printoptions),
        cmocka_unit_test(test_thread_local),
        cmocka_unit_test(test_allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
