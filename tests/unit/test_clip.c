/* test_clip.c — clip against NumPy 1.24 (clip_cases.h from
 * gen_join_cases.py): the clip ufunc's type resolution, NaN bounds, signed
 * zeros, out= with unsafe casting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "case_util.h"
#include "clip_cases.h"

static int run(const struct nd_case *c, nd_array **in, nd_array **r, int *ival) {
    (void)ival;
    if (strcmp(c->op, "clip_out")) {
        *r = nd_clip(in[0], in[1], in[2], NULL);
        return *r ? 0 : -1;
    }
    nd_array *out = nd_copy(in[3], 'C'); /* NumPy's case writes into a fresh out.copy() */
    *r = nd_clip(in[0], in[1], in[2], out);
    bool same = *r == out;
    nd_release(out);
    if (*r && !same) return -1;
    return *r ? 0 : -1;
}

static void test_against_numpy(void **state) {
    (void)state;
    assert_int_equal(run_all(clip_cases, sizeof clip_cases / sizeof clip_cases[0], run), 0);
}

static void test_readonly_out(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 4, 1, NULL), *o = nd_zeros(1, (int64_t[]){4}, NULL, 'C');
    nd_array *lo = nd_scalar(ND_I64(1), NULL);
    nd_set_writeable(o, false);
    assert_null(nd_clip(a, lo, NULL, o));
    assert_int_equal(nd_errcode(), ND_EREADONLY);
    assert_null(nd_clip(a, NULL, NULL, NULL));
    assert_string_equal(nd_errmsg(), "One of max or min must be given");
    nd_release(lo);
    nd_release(o);
    nd_release(a);
}

/* The result is laid out as the ufunc's iterator allocates it: a zero
 * stride decides nothing, so as_strided((3,3), (0,8)) gives C order; an
 * F-ordered input gives F order. */
static void test_layout(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, NULL), *lo = nd_scalar(ND_I64(1), NULL), *hi = nd_scalar(ND_I64(2), NULL);
    nd_array *x = nd_as_strided(a, 2, (int64_t[]){3, 3}, (int64_t[]){0, 8});
    nd_array *r = nd_clip(x, lo, hi, NULL);
    assert_non_null(r);
    assert_memory_equal(nd_strides(r), ((int64_t[]){24, 8}), 2 * sizeof(int64_t));
    nd_release(r);
    nd_array *f = nd_zeros(2, (int64_t[]){3, 4}, nd_dtype_of(ND_FLOAT32), 'F');
    r = nd_clip(f, lo, hi, NULL);
    assert_non_null(r);
    assert_memory_equal(nd_strides(r), ((int64_t[]){4, 12}), 2 * sizeof(int64_t));
    nd_release(r);
    nd_release(f);
    nd_release(x);
    nd_release(hi);
    nd_release(lo);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_against_numpy), cmocka_unit_test(test_readonly_out),
                                       cmocka_unit_test(test_layout)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
