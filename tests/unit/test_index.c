/* test_index.c — nd_index_parse (Python/NumPy index syntax) and nd_index,
 * against what Python accepts and what NumPy 1.24 reports. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "view_case_util.h"
#include "view_cases.h"

static void term(const nd_idx *t, nd_idx_kind kind, int64_t start, int64_t stop, int64_t step) {
    assert_int_equal(t->kind, kind);
    if (kind == ND_IDX_INT) assert_int_equal(t->start, start);
    if (kind != ND_IDX_SLICE) return;
    assert_int_equal(t->start, start);
    assert_int_equal(t->stop, stop);
    assert_int_equal(t->step, step);
}

static int parse(const char *s, nd_idx *t) { return nd_index_parse(s, t, 16); }

static void test_parse_terms(void **state) {
    (void)state;
    nd_idx t[16];
    const int64_t N = ND_NONE;
    assert_int_equal(parse("1:4, ::-1, ..., None", t), 4);
    term(&t[0], ND_IDX_SLICE, 1, 4, N);
    term(&t[1], ND_IDX_SLICE, N, N, -1);
    term(&t[2], ND_IDX_ELLIPSIS, 0, 0, 0);
    term(&t[3], ND_IDX_NEWAXIS, 0, 0, 0);
    assert_int_equal(parse("-1", t), 1);
    term(&t[0], ND_IDX_INT, -1, 0, 0);
    assert_int_equal(parse("...", t), 1);
    term(&t[0], ND_IDX_ELLIPSIS, 0, 0, 0);
    assert_int_equal(parse("Ellipsis, np.newaxis, numpy.newaxis", t), 3);
    term(&t[0], ND_IDX_ELLIPSIS, 0, 0, 0);
    term(&t[1], ND_IDX_NEWAXIS, 0, 0, 0);
    term(&t[2], ND_IDX_NEWAXIS, 0, 0, 0);
    assert_int_equal(parse("", t), 0);
    assert_int_equal(parse("   ", t), 0);
    assert_int_equal(parse("()", t), 0);
    assert_int_equal(parse("( 1, )", t), 1);
    assert_int_equal(parse("(1, 2)", t), 2);
    assert_int_equal(parse("(None)", t), 1);
    assert_int_equal(parse("1,", t), 1);
    assert_int_equal(parse("  1 :  4 : 2  ,  ", t), 1);
    term(&t[0], ND_IDX_SLICE, 1, 4, 2);
    assert_int_equal(parse(":\t,::,1:,:2,::3,1:2:", t), 6);
    term(&t[0], ND_IDX_SLICE, N, N, N);
    term(&t[1], ND_IDX_SLICE, N, N, N);
    term(&t[2], ND_IDX_SLICE, 1, N, N);
    term(&t[3], ND_IDX_SLICE, N, 2, N);
    term(&t[4], ND_IDX_SLICE, N, N, 3);
    term(&t[5], ND_IDX_SLICE, 1, 2, N);
    assert_int_equal(parse("None:None:-1, 1:None, :np.newaxis:2", t), 3);
    term(&t[0], ND_IDX_SLICE, N, N, -1);
    term(&t[1], ND_IDX_SLICE, 1, N, N);
    term(&t[2], ND_IDX_SLICE, N, N, 2);
    assert_int_equal(parse("::0", t), 1); /* step 0 is nd_subscript's error */
    term(&t[0], ND_IDX_SLICE, N, N, 0);
}

static void test_parse_ints(void **state) {
    (void)state;
    nd_idx t[16];
    assert_int_equal(parse("0x10, 0o17, 0b101, 1_000, - 3, +-+3, 00, 0, -0, 0X_f", t), 10);
    const int64_t want[] = {16, 15, 5, 1000, -3, -3, 0, 0, 0, 15};
    for (int i = 0; i < 10; i++) term(&t[i], ND_IDX_INT, want[i], 0, 0);
    assert_int_equal(parse("-9223372036854775808, 9223372036854775807", t), 2);
    term(&t[0], ND_IDX_INT, INT64_MIN, 0, 0);
    term(&t[1], ND_IDX_INT, INT64_MAX, 0, 0);
    /* slice values clamp as Python's do */
    assert_int_equal(parse(":99999999999999999999, -99999999999999999999:, ::-99999999999999999999", t), 3);
    term(&t[0], ND_IDX_SLICE, ND_NONE, INT64_MAX, ND_NONE);
    term(&t[1], ND_IDX_SLICE, INT64_MIN + 1, ND_NONE, ND_NONE);
    term(&t[2], ND_IDX_SLICE, ND_NONE, ND_NONE, INT64_MIN + 1);
    assert_int_equal(parse("-9223372036854775808:", t), 1);
    term(&t[0], ND_IDX_SLICE, INT64_MIN + 1, ND_NONE, ND_NONE);
}

static void test_parse_errors(void **state) {
    (void)state;
    nd_idx t[16];
    /* Python rejects these; nd also rejects valid Python that is not a
     * basic index (floats, lists, booleans, nested tuples, expressions). */
    const char *bad[] = {"1,,2", ",", "1 2", "01", "abc", "1:2:3:4", "(1", "1)", "(1:2)", "x", "--", "0x", "1__0",
                         "1_", "None None", "1:2 3", "0b2", "Nonesuch", "np.newaxis2", "....", "-...", "1.5",
                         "[1]", "True", "(1,2),", "1+1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nd_clear_error();
        int rc = parse(bad[i], t);
        if (rc != ND_EVALUE) print_message("accepted: '%s'\n", bad[i]);
        assert_int_equal(rc, ND_EVALUE);
        assert_string_equal(nd_errclass(), "ValueError");
    }
    assert_int_equal(parse("1:2 3", t), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "invalid index syntax at position 4 in '1:2 3'");
    /* integers that do not fit: NumPy's errors for them */
    assert_int_equal(parse("99999999999999999999", t), ND_EINDEX);
    assert_string_equal(nd_errmsg(), "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                                     "integer or boolean arrays are valid indices");
    assert_int_equal(parse("-9223372036854775809", t), ND_EINDEX);
    assert_int_equal(parse("9223372036854775808", t), ND_EOVERFLOW);
    assert_string_equal(nd_errclass(), "OverflowError");
    assert_string_equal(nd_errmsg(), "Python int too large to convert to C long");
    assert_int_equal(parse("18446744073709551615", t), ND_EOVERFLOW);
    assert_int_equal(parse("18446744073709551616", t), ND_EINDEX);
    /* capacity and arguments */
    assert_int_equal(nd_index_parse("1,2,3", t, 2), ND_EVALUE);
    assert_int_equal(nd_index_parse("1,2", t, 2), 2);
    assert_int_equal(nd_index_parse("", NULL, 0), 0);
    assert_int_equal(nd_index_parse(NULL, t, 2), ND_EVALUE);
    assert_int_equal(nd_index_parse("1", NULL, 2), ND_EVALUE);
    assert_int_equal(nd_index_parse("1", t, -1), ND_EVALUE);
}

static nd_array *m34(void) {
    nd_array *a = nd_arange(0, 12, 1, NULL);
    nd_array *m = nd_reshape(a, 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED);
    nd_release(a);
    assert_non_null(m);
    return m;
}

static void test_index(void **state) {
    (void)state;
    nd_array *m = m34();
    nd_array *v = nd_index(m, "1:, ::-1");
    assert_non_null(v);
    assert_int_equal(nd_shape(v)[0], 2);
    assert_int_equal(nd_shape(v)[1], 4);
    assert_int_equal(nd_strides(v)[0], 32);
    assert_int_equal(nd_strides(v)[1], -8);
    assert_int_equal((char *)nd_data(v) - (char *)nd_data(m), 56);
    assert_ptr_equal(nd_base(v), nd_base(m));
    nd_release(v);
    v = nd_index(m, "-1, None");
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), 2);
    assert_int_equal(nd_shape(v)[0], 1);
    assert_int_equal(nd_strides(v)[0], 0);
    nd_release(v);
    v = nd_index(m, "");
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), 2);
    nd_release(v);
    nd_release(m);
}

static void expect_err(nd_array *v, int code, const char *msg) {
    assert_null(v);
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
}

static void test_index_errors(void **state) {
    (void)state;
    nd_array *m = m34();
    const char *only = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
                       "boolean arrays are valid indices";
    expect_err(nd_index(m, "5"), ND_EINDEX, "index 5 is out of bounds for axis 0 with size 3");
    expect_err(nd_index(m, "9223372036854775807"), ND_EINDEX,
               "index 9223372036854775807 is out of bounds for axis 0 with size 3");
    expect_err(nd_index(m, "1, 2, 3"), ND_EINDEX,
               "too many indices for array: array is 2-dimensional, but 3 were indexed");
    /* NumPy meets the terms left to right: whichever comes first wins */
    expect_err(nd_index(m, "..., ..., 99999999999999999999"), ND_EINDEX,
               "an index can only have a single ellipsis ('...')");
    expect_err(nd_index(m, "99999999999999999999, ..., ..."), ND_EINDEX, only);
    expect_err(nd_index(m, "..., 99999999999999999999, ..."), ND_EINDEX, only);
    expect_err(nd_index(m, "1, 2, 3, 99999999999999999999"), ND_EINDEX, only);
    expect_err(nd_index(m, "9223372036854775808"), ND_EOVERFLOW, "Python int too large to convert to C long");
    expect_err(nd_index(m, "::0"), ND_EVALUE, "slice step cannot be zero");
    assert_null(nd_index(m, "1 2"));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_null(nd_index(m, NULL));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    /* more than 64 terms: NumPy refuses the tuple before looking at it */
    char many[400] = "";
    for (int i = 0; i < 65; i++) strcat(many, "None,");
    expect_err(nd_index(m, many), ND_EINDEX, "too many indices for array");
    many[strlen(many) - 5] = 0; /* 64 */
    expect_err(nd_index(m, many), ND_EINDEX,
               "number of dimensions must be within [0, 32], indexing result would have 66");
    nd_release(m);
}

/* NumPy-generated chains ending in an index string, run through nd_index. */
static void test_numpy_cases(void **state) {
    (void)state;
    int ran;
    int bad = vc_check_all(view_cases, sizeof view_cases / sizeof view_cases[0], "I", false, &ran);
    assert_true(ran > 100);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_terms),  cmocka_unit_test(test_parse_ints),   cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_index),        cmocka_unit_test(test_index_errors), cmocka_unit_test(test_numpy_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
