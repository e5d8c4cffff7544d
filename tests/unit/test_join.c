/* test_join.c — concatenate, stack, vstack, hstack, repeat, tile, roll and
 * flip against NumPy's own results (join_cases.h, gen_join_cases.py), plus
 * view/copy properties and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "case_util.h"
#include "join_cases.h"

static int run(const struct nd_case *c, nd_array **in, nd_array **r, int *ival) {
    (void)ival;
    const nd_array *const *ins = (const nd_array *const *)in;
    int axis = (int)c->ints[0];
    int axes[8];
    int64_t v[8];
    for (int i = 0; i < 8; i++) {
        axes[i] = (int)c->ints2[i];
        v[i] = c->ints[i];
    }
    const char *op = c->op;
    if (!strcmp(op, "concatenate")) *r = nd_concatenate(c->nin, ins, axis);
    else if (!strcmp(op, "stack")) *r = nd_stack(c->nin, ins, axis);
    else if (!strcmp(op, "vstack")) *r = nd_vstack(c->nin, ins);
    else if (!strcmp(op, "hstack")) *r = nd_hstack(c->nin, ins);
    else if (!strcmp(op, "repeat_n")) *r = nd_repeat_n(in[0], c->ints[0], (int)c->ints[1]);
    else if (!strcmp(op, "repeat")) *r = nd_repeat(in[0], in[1], axis);
    else if (!strcmp(op, "tile")) *r = nd_tile(in[0], c->nints, v);
    else if (!strcmp(op, "roll")) *r = nd_roll(in[0], c->nints, v, c->nints2 ? axes : NULL);
    else if (!strcmp(op, "flip")) {
        int ax[8];
        for (int i = 0; i < 8; i++) ax[i] = (int)c->ints[i];
        *r = nd_flip(in[0], c->ints2[0] ? c->nints : -1, ax);
    } else if (!strcmp(op, "fliplr")) *r = nd_fliplr(in[0]);
    else if (!strcmp(op, "flipud")) *r = nd_flipud(in[0]);
    return *r ? 0 : -1;
}

static void test_against_numpy(void **state) {
    (void)state;
    assert_int_equal(run_all(join_cases, sizeof join_cases / sizeof join_cases[0], run), 0);
}

static void test_flip_is_view(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, NULL), *m = nd_reshape(a, 2, (int64_t[]){2, 3}, 'C', ND_COPY_NEVER);
    nd_copy_stats_reset();
    nd_array *f = nd_flip(m, -1, NULL);
    nd_copy_stats st;
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 0);
    assert_ptr_equal(nd_base(f), a);
    assert_int_equal(nd_strides(f)[0], -24);
    assert_int_equal(nd_strides(f)[1], -8);
    nd_value v;
    assert_int_equal(nd_get(f, (int64_t[]){0, 0}, &v), 0);
    assert_int_equal(v.i, 5);
    assert_int_equal(nd_set(f, (int64_t[]){0, 0}, ND_I64(42)), 0); /* writes through */
    assert_int_equal(((int64_t *)nd_data(a))[5], 42);
    nd_release(f);
    nd_release(m);
    nd_release(a);
}

static void test_copies_counted(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, NULL);
    const nd_array *two[2] = {a, a};
    nd_copy_stats_reset();
    nd_array *c = nd_concatenate(2, two, 0);
    nd_copy_stats st;
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 1);
    assert_int_equal(st.bytes_copied, 96);
    assert_null(nd_base(c));
    assert_true(nd_flags(c) & ND_OWNDATA);
    nd_release(c);
    nd_release(a);
}

static void test_errors(void **state) {
    (void)state;
    assert_null(nd_concatenate(0, NULL, 0));
    assert_string_equal(nd_errmsg(), "need at least one array to concatenate");
    assert_null(nd_stack(0, NULL, 0));
    assert_string_equal(nd_errmsg(), "need at least one array to stack");
    nd_array *a = nd_arange(0, 3, 1, NULL);
    assert_null(nd_flip(a, 2, (const int[]){0, -1}));
    assert_string_equal(nd_errmsg(), "repeated axis");
    assert_null(nd_roll(a, 0, NULL, NULL));
    assert_null(nd_tile(a, -1, NULL));
    nd_release(a);
}

/* Every allocation failure gives ND_ENOMEM and leaks nothing (ASan). */
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
    nd_array *a = nd_arange(0, 12, 1, NULL), *m = nd_reshape(a, 2, (int64_t[]){3, 4}, 'C', ND_COPY_NEVER);
    nd_array *t = nd_transpose(m, NULL);
    nd_array *reps = nd_arange(1, 4, 1, NULL);
    const nd_array *two[2] = {m, m};
    for (int op = 0; op < 7; op++) {
        for (fail_at = 1;; fail_at++) {
            calls = 0;
            nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
            nd_array *r = NULL;
            switch (op) {
            case 0: r = nd_concatenate(2, two, 1); break;
            case 1: r = nd_stack(2, two, 2); break;
            case 2: r = nd_vstack(2, two); break;
            case 3: r = nd_repeat(m, reps, 0); break;
            case 4: r = nd_tile(t, 2, (int64_t[]){2, 3}); break;
            case 5: r = nd_roll(t, 1, (int64_t[]){2}, NULL); break;
            default: r = nd_roll(t, 2, (int64_t[]){2, 1}, (const int[]){0, 1}); break;
            }
            nd_set_allocator(NULL);
            if (r) {
                nd_release(r);
                break;
            }
            assert_int_equal(nd_errcode(), ND_ENOMEM);
        }
    }
    nd_release(reps);
    nd_release(t);
    nd_release(m);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_numpy), cmocka_unit_test(test_flip_is_view), cmocka_unit_test(test_copies_counted),
        cmocka_unit_test(test_errors), cmocka_unit_test(test_alloc_failures)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
