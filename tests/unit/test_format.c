/* test_format.c — nd_value_str and the Dragon4 float formatter against
 * NumPy 1.24 (generated cases), shortest digits per float type, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "nd.h"
#include "repr_cases.h"

static void test_value_cases(void **state) {
    (void)state;
    size_t n = sizeof value_cases / sizeof value_cases[0];
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        const value_case *c = &value_cases[i];
        char *s = nd_value_str(c->v, c->type);
        if (!s || strcmp(s, c->str) != 0) {
            print_message("value case %zu: numpy \"%s\", nd \"%s\"\n", i, c->str, s ? s : "(NULL)");
            bad++;
        }
        nd_free(s);
    }
    assert_int_equal(bad, 0);
}

static void test_float_cases(void **state) {
    (void)state;
    size_t n = sizeof float_cases / sizeof float_cases[0];
    int bad = 0;
    char buf[ND_FLTBUF];
    for (size_t i = 0; i < n; i++) {
        const float_case *c = &float_cases[i];
        int len = nd__format_float(buf, c->x, c->type, &c->f);
        if (strcmp(buf, c->out) != 0 || len != (int)strlen(c->out)) {
            print_message("float case %zu (%a): numpy \"%s\", nd \"%s\"\n", i, c->x, c->out, buf);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    assert_true(n > 500);
}

static void want_str(nd_value v, nd_type t, const char *want) {
    char *s = nd_value_str(v, t);
    assert_non_null(s);
    assert_string_equal(s, want);
    nd_free(s);
}

/* Each float type gets its own shortest digits, not float64's. */
static void test_shortest_per_type(void **state) {
    (void)state;
    float f = 0.1f;
    want_str(ND_F64(f), ND_FLOAT32, "0.1");
    want_str(ND_F64(f), ND_FLOAT64, "0.10000000149011612");
    want_str(ND_F64(0.1), ND_FLOAT16, "0.1");
    want_str(ND_F64(0.1 + 0.2), ND_FLOAT64, "0.30000000000000004");
    want_str(ND_F64(1e16), ND_FLOAT64, "1e+16");
    want_str(ND_F64(1e15), ND_FLOAT64, "1000000000000000.0");
    want_str(ND_F64(-0.0), ND_FLOAT64, "-0.0");
    want_str(ND_F64(65504), ND_FLOAT16, "65500.0");
    want_str(ND_C128(1, 2), ND_COMPLEX128, "(1+2j)");
    want_str(ND_I64(5), ND_INT16, "5");
    want_str(ND_BOOLV(true), ND_BOOL, "True");
}

static void test_bad_type(void **state) {
    (void)state;
    assert_null(nd_value_str(ND_I64(1), ND_NTYPES));
    assert_int_equal(nd_errcode(), ND_EVALUE);
}

static int fail_all;
static void *maybe_malloc(size_t n, void *ud) {
    (void)ud;
    return fail_all ? NULL : malloc(n);
}
static void plain_free(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_allocation_failure(void **state) {
    (void)state;
    nd_allocator al = {maybe_malloc, plain_free, NULL};
    fail_all = 1;
    nd_set_allocator(&al);
    char *s = nd_value_str(ND_C128(1.5, -2), ND_COMPLEX64);
    nd_set_allocator(NULL);
    assert_null(s);
    assert_int_equal(nd_errcode(), ND_ENOMEM);
    assert_string_equal(nd_errclass(), "MemoryError");
    want_str(ND_C128(1.5, -2), ND_COMPLEX64, "(1.5-2j)");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_cases),
        cmocka_unit_test(test_float_cases),
        cmocka_unit_test(test_shortest_per_type),
        cmocka_unit_test(test_bad_type),
        cmocka_unit_test(test_allocation_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
