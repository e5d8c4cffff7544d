/* test_array.c — headers, flags, creation, element access. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zeros_flags),
        cmocka_unit_test(test_arange_item),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
