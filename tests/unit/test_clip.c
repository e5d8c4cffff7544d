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

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_against_numpy), cmocka_unit_test(test_readonly_out)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
