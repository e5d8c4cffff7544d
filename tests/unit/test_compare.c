/* test_compare.c — isclose, allclose, array_equal against NumPy
 * (compare_cases.h from gen_join_cases.py). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "case_util.h"
#include "compare_cases.h"

static int run(const struct nd_case *c, nd_array **in, nd_array **r, int *ival) {
    bool en = c->ints[0];
    if (!strcmp(c->op, "isclose")) {
        *r = nd_isclose(in[0], in[1], c->fargs[0], c->fargs[1], en);
        return *r ? 0 : -1;
    }
    int v = !strcmp(c->op, "allclose") ? nd_allclose(in[0], in[1], c->fargs[0], c->fargs[1], en)
                                       : nd_array_equal(in[0], in[1], en);
    if (v < 0) return v;
    *ival = v;
    return 1;
}

static void test_against_numpy(void **state) {
    (void)state;
    assert_int_equal(run_all(compare_cases, sizeof compare_cases / sizeof compare_cases[0], run), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_against_numpy)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
