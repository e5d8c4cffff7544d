/* test_loop.c — coalescing and the strided walk (kern/loop.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "nd_internal.h"

static void test_coalesce_contiguous(void **state) {
    (void)state;
    int64_t shape[3] = {2, 3, 4}, st[3] = {96, 32, 8}, sh[3], ds[3], ss[3];
    char buf[8];
    char *d = buf;
    const char *s = buf;
    int n = nd__loop_coalesce(3, shape, &d, st, &s, st, sh, ds, ss);
    assert_int_equal(n, 1);
    assert_int_equal(sh[0], 24);
    assert_int_equal(ds[0], 8);
    assert_int_equal(ss[0], 8);
    assert_ptr_equal(d, buf);
}

static void test_coalesce_size1_and_empty(void **state) {
    (void)state;
    int64_t sh[4], ds[4], ss[4];
    char buf[8];
    char *d = buf;
    const char *s = buf;
    int64_t ones[3] = {1, 1, 1}, st[3] = {5, 7, 9};
    assert_int_equal(nd__loop_coalesce(3, ones, &d, st, &s, st, sh, ds, ss), 0);
    assert_int_equal(nd__loop_coalesce(0, NULL, &d, NULL, &s, NULL, sh, ds, ss), 0);
    int64_t empty[3] = {4, 0, 2};
    assert_int_equal(nd__loop_coalesce(3, empty, &d, st, &s, st, sh, ds, ss), -1);
    /* size-1 axes drop out even with odd strides */
    int64_t shape[3] = {3, 1, 4}, st2[3] = {32, 1000, 8};
    assert_int_equal(nd__loop_coalesce(3, shape, &d, st2, &s, st2, sh, ds, ss), 1);
    assert_int_equal(sh[0], 12);
}

static void test_coalesce_transpose(void **state) {
    (void)state;
    /* dst C (3,4), src its transpose layout: no merge, dst inner first */
    int64_t shape[2] = {3, 4}, dst[2] = {32, 8}, src[2] = {8, 24}, sh[2], ds[2], ss[2];
    char buf[8];
    char *d = buf;
    const char *s = buf;
    assert_int_equal(nd__loop_coalesce(2, shape, &d, dst, &s, src, sh, ds, ss), 2);
    assert_int_equal(ds[1], 8);
    assert_int_equal(ss[1], 24);
    assert_int_equal(sh[1], 4);
    /* dst given as F: axes reorder so dst's smallest stride is innermost */
    int64_t fdst[2] = {8, 24};
    assert_int_equal(nd__loop_coalesce(2, shape, &d, fdst, &s, dst, sh, ds, ss), 2);
    assert_int_equal(ds[1], 8);
    assert_int_equal(sh[1], 3);
    assert_int_equal(ss[1], 32);
}

static void test_coalesce_negative(void **state) {
    (void)state;
    /* both reversed: flipped into one forward run starting at the end */
    int64_t shape[1] = {5}, st[1] = {-8}, sh[1], ds[1], ss[1];
    char buf[64];
    char *d = buf + 32;
    const char *s = buf + 32;
    assert_int_equal(nd__loop_coalesce(1, shape, &d, st, &s, st, sh, ds, ss), 1);
    assert_ptr_equal(d, buf);
    assert_ptr_equal(s, buf);
    assert_int_equal(ds[0], 8);
    assert_int_equal(ss[0], 8);
    /* dst reversed only: src walks backwards */
    int64_t fwd[1] = {8};
    d = buf + 32;
    s = buf;
    assert_int_equal(nd__loop_coalesce(1, shape, &d, st, &s, fwd, sh, ds, ss), 1);
    assert_ptr_equal(d, buf);
    assert_ptr_equal(s, buf + 32);
    assert_int_equal(ss[0], -8);
}

typedef struct {
    int calls;
    int64_t items;
    char *base;
    unsigned char seen[256];
} visit;

static void record(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    visit *v = ctx;
    v->calls++;
    for (int64_t i = 0; i < n; i++) {
        int64_t off = dst + i * ds - v->base;
        assert_true(off >= 0 && off < 256);
        v->seen[off]++;
        /* the same element of src: offsets mirror dst's in this test */
        assert_ptr_equal(src + i * ss, (const char *)v->base + 1024 + off);
        v->items++;
    }
}

static void test_loop2_visits_all(void **state) {
    (void)state;
    static char mem[2048];
    int64_t shape[4] = {2, 3, 2, 4}, st[4] = {-96, 32, 8, 1}; /* offsets 0..(2*96) */
    visit v = {.base = mem};
    char *dst = mem + 96;
    nd__loop2(4, shape, dst, st, mem + 1024 + 96, st, record, &v);
    assert_int_equal(v.items, 48);
    for (int i = 0; i < 256; i++) assert_true(v.seen[i] <= 1);
    /* the two outer axes merge once the reversed one is flipped: (6, 2, 4) */
    assert_int_equal(v.calls, 12);
    /* 0-d: one call with n = 1 */
    visit w = {.base = mem};
    nd__loop2(0, NULL, mem, NULL, mem + 1024, NULL, record, &w);
    assert_int_equal(w.calls, 1);
    assert_int_equal(w.items, 1);
    /* empty: no call */
    visit e = {.base = mem};
    int64_t zero[2] = {3, 0};
    nd__loop2(2, zero, mem, st, mem + 1024, st, record, &e);
    assert_int_equal(e.calls, 0);
}

static void test_loop_run_deep(void **state) {
    (void)state;
    /* 5 non-mergeable dims exercise the odometer */
    static char mem[4096];
    int64_t sh[5] = {2, 2, 2, 2, 3}, dsm[5] = {70, 30, 10, 4, 1}; /* offsets stay < 256 */
    visit v = {.base = mem};
    nd__loop_run(5, sh, mem, dsm, mem + 1024, dsm, record, &v);
    assert_int_equal(v.items, 48);
    assert_int_equal(v.calls, 16);
    for (int i = 0; i < 256; i++) assert_true(v.seen[i] <= 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coalesce_contiguous), cmocka_unit_test(test_coalesce_size1_and_empty),
        cmocka_unit_test(test_coalesce_transpose),  cmocka_unit_test(test_coalesce_negative),
        cmocka_unit_test(test_loop2_visits_all),    cmocka_unit_test(test_loop_run_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
