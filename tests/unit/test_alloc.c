/* test_alloc.c — allocator hooks, data blocks, copy accounting, strict
 * mode, the header cache and the growable string (core/alloc.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>

#include "nd_internal.h"

/* A counting allocator that can fail from the n-th call on. */
typedef struct {
    long mallocs, frees, fail_at;
} counter;

static void *cnt_malloc(size_t n, void *ud) {
    counter *c = ud;
    if (c->fail_at > 0 && c->mallocs + 1 >= c->fail_at) return NULL;
    c->mallocs++;
    return malloc(n);
}
static void cnt_free(void *p, void *ud) {
    counter *c = ud;
    c->frees++;
    free(p);
}

static nd_array *one_d(void) {
    nd_array *a = nd_arange(0, 8, 1, NULL);
    assert_non_null(a);
    return a;
}

static void test_header_cache_reuse(void **state) {
    (void)state;
    nd__cache_drain();
    assert_int_equal(nd__cache_count(), 0);
    nd_array *a = one_d();
    nd_array *v[10];
    for (int i = 0; i < 10; i++) {
        v[i] = nd__view_new(a, 1, a->dtype);
        assert_non_null(v[i]);
    }
    for (int i = 0; i < 10; i++) nd_release(v[i]);
    assert_int_equal(nd__cache_count(), 10);
    /* the next header comes from the cache: the most recently freed one */
    nd_array *w = nd__view_new(a, 2, a->dtype);
    assert_ptr_equal(w, v[9]);
    assert_int_equal(nd__cache_count(), 9);
    nd_release(w);
    nd_release(a);
    nd__cache_drain();
    assert_int_equal(nd__cache_count(), 0);
}

static void test_header_cache_cap_and_big(void **state) {
    (void)state;
    nd__cache_drain();
    nd_array *a = one_d();
    enum { N = 1500 };
    nd_array **v = malloc(N * sizeof *v);
    for (int i = 0; i < N; i++) v[i] = nd__view_new(a, 3, a->dtype);
    for (int i = 0; i < N; i++) nd_release(v[i]);
    int cached = nd__cache_count();
    assert_true(cached > 0 && cached < N); /* capped */
    /* headers with many dims bypass the cache */
    nd_array *big = nd__view_new(a, ND__HDR_NDIM + 3, a->dtype);
    assert_non_null(big);
    assert_int_equal(nd__cache_count(), cached);
    nd_release(big);
    assert_int_equal(nd__cache_count(), cached);
    free(v);
    nd_release(a);
    nd__cache_drain();
}

static void test_custom_allocator_bypasses_cache(void **state) {
    (void)state;
    nd_array *a = one_d();
    nd_array *warm = nd__view_new(a, 1, a->dtype);
    nd_release(warm);
    int cached = nd__cache_count();
    assert_true(cached >= 1);
    counter c = {0};
    nd_set_allocator(&(nd_allocator){cnt_malloc, cnt_free, &c});
    nd_array *v = nd__view_new(a, 1, a->dtype);
    assert_non_null(v);
    assert_int_equal(c.mallocs, 1); /* not served from the cache */
    nd_release(v);
    assert_int_equal(c.frees, 1);
    assert_int_equal(nd__cache_count(), cached);
    /* failing allocation: ND_ENOMEM, nothing leaked */
    c.fail_at = c.mallocs + 1;
    assert_null(nd__view_new(a, 1, a->dtype));
    assert_int_equal(nd_errcode(), ND_ENOMEM);
    assert_null(nd_copy(a, 'C'));
    assert_int_equal(nd_errcode(), ND_ENOMEM);
    assert_int_equal(c.mallocs, c.frees);
    nd_set_allocator(NULL);
    nd_release(a);
    nd__cache_drain();
}

/* Every allocation of a copy fails in turn: ENOMEM, no leak, input intact. */
static void test_copy_fault_sweep(void **state) {
    (void)state;
    nd_array *a = one_d();
    for (long k = 1; k < 20; k++) {
        counter c = {.fail_at = k};
        nd_set_allocator(&(nd_allocator){cnt_malloc, cnt_free, &c});
        nd_array *r = nd_copy(a, 'F');
        nd_set_allocator(NULL);
        if (r) {
            nd_release(r);
            break;
        }
        assert_int_equal(nd_errcode(), ND_ENOMEM);
        assert_int_equal(c.mallocs, c.frees);
    }
    nd_value v;
    nd_item(a, 7, &v);
    assert_int_equal(v.i, 7);
    nd_release(a);
}

static void *thread_body(void *arg) {
    nd_array *shared = arg;
    nd_array *a = one_d();
    for (int i = 0; i < 50; i++) {
        nd_array *v = nd__view_new(a, 2, a->dtype);
        nd_release(v);
    }
    nd_release(shared); /* a header from another thread joins this cache */
    nd_release(a);
    return (void *)(intptr_t)nd__cache_count();
}

/* Blocks cached by a thread are freed when it exits (ASan/LSan builds
 * would report them otherwise). */
static void test_thread_exit_drains(void **state) {
    (void)state;
    nd_array *a = one_d();
    nd_array *v = nd__view_new(a, 1, a->dtype);
    pthread_t th;
    void *ret;
    assert_int_equal(pthread_create(&th, NULL, thread_body, v), 0);
    assert_int_equal(pthread_join(th, &ret), 0);
    assert_true((intptr_t)ret >= 2);
    nd_release(a);
    nd__cache_drain();
}

static void test_data_alloc_alignment(void **state) {
    (void)state;
    void *base;
    bool mapped;
    char *p = nd__data_alloc(100, true, &base, &mapped);
    assert_non_null(p);
    assert_false(mapped);
    assert_int_equal((uintptr_t)p % 64, 0);
    for (int i = 0; i < 100; i++) assert_int_equal(p[i], 0);
    nd__data_free(base, 100, mapped);
    size_t big = 3u << 20;
    p = nd__data_alloc(big, false, &base, &mapped);
    assert_non_null(p);
    assert_true(mapped);
    assert_int_equal((uintptr_t)p % 4096, 0);
    p[big - 1] = 1;
    nd__data_free(base, big, mapped);
    /* a custom allocator never gets mmap'ed blocks */
    counter c = {0};
    nd_set_allocator(&(nd_allocator){cnt_malloc, cnt_free, &c});
    p = nd__data_alloc(big, true, &base, &mapped);
    assert_non_null(p);
    assert_false(mapped);
    assert_int_equal((uintptr_t)p % 64, 0);
    nd__data_free(base, big, mapped);
    assert_int_equal(c.mallocs, 1);
    assert_int_equal(c.frees, 1);
    nd_set_allocator(NULL);
}

static void test_counters_and_strict(void **state) {
    (void)state;
    nd_copy_stats st;
    nd_copy_stats_reset();
    nd__count_copy(10);
    nd__count_copy(5);
    nd__count_alloc(7);
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 2);
    assert_int_equal(st.bytes_copied, 15);
    assert_int_equal(st.allocations, 1);
    assert_int_equal(st.bytes_allocated, 7);
    nd_copy_stats_reset();
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies + st.bytes_copied + st.allocations + st.bytes_allocated, 0);
    assert_false(nd_get_strict());
    assert_int_equal(nd__strict_check("reshape"), 0);
    assert_false(nd_set_strict(true));
    assert_true(nd_get_strict());
    assert_int_equal(nd__strict_check("reshape"), ND_ECOPY);
    assert_string_equal(nd_errmsg(), "strict mode: reshape would make an implicit copy");
    assert_true(nd_set_strict(false));
}

static void test_small_helpers(void **state) {
    (void)state;
    char *s = nd__strdup("abc");
    assert_string_equal(s, "abc");
    char *t = nd__realloc(s, 4, 8);
    assert_string_equal(t, "abc");
    nd__free_mem(t);
    assert_null(nd__calloc(SIZE_MAX / 2, 4));
    int *z = nd__calloc(4, sizeof(int));
    assert_int_equal(z[0] + z[1] + z[2] + z[3], 0);
    nd__free_mem(z);
    nd_free(NULL);
    nd_sbuf b = {0};
    nd__sb_puts(&b, "x=");
    nd__sb_printf(&b, "%d", 42);
    char longs[400];
    memset(longs, 'y', sizeof longs - 1);
    longs[sizeof longs - 1] = 0;
    nd__sb_printf(&b, "%s", longs);
    nd__sb_putc(&b, '!');
    char *r = nd__sb_finish(&b);
    assert_int_equal(strlen(r), 4 + 399 + 1);
    assert_memory_equal(r, "x=42y", 5);
    nd_free(r);
    /* out of memory while growing: finish reports ND_ENOMEM */
    counter c = {.fail_at = 1};
    nd_set_allocator(&(nd_allocator){cnt_malloc, cnt_free, &c});
    nd_sbuf e = {0};
    nd__sb_puts(&e, "zzz");
    assert_null(nd__sb_finish(&e));
    assert_int_equal(nd_errcode(), ND_ENOMEM);
    nd_set_allocator(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_cache_reuse),
        cmocka_unit_test(test_header_cache_cap_and_big),
        cmocka_unit_test(test_custom_allocator_bypasses_cache),
        cmocka_unit_test(test_copy_fault_sweep),
        cmocka_unit_test(test_thread_exit_drains),
        cmocka_unit_test(test_data_alloc_alignment),
        cmocka_unit_test(test_counters_and_strict),
        cmocka_unit_test(test_small_helpers),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    nd__cache_drain();
    return rc;
}
