/* test_reshape.c — nd_reshape, nd_ravel, nd_flatten: NumPy's no-copy rule,
 * copy modes, strict mode, copy accounting and errors (NumPy 1.24; the
 * copy= modes follow NumPy 2.1). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "view_case_util.h"
#include "view_cases.h"

#define I64 nd_dtype_of(ND_INT64)
#define SHAPE(...) (int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), (int64_t[]){__VA_ARGS__}

static nd_array *m34(void) {
    nd_array *a = nd_arange(0, 12, 1, I64);
    nd_array *m = nd_reshape(a, SHAPE(3, 4), 'C', ND_COPY_IF_NEEDED);
    nd_release(a);
    assert_non_null(m);
    return m;
}

static nd_array *idx(nd_array *a, const char *e) {
    nd_array *v = nd_index(a, e);
    assert_non_null(v);
    return v;
}

static void expect(nd_array *v, int nd, const int64_t *shape, const int64_t *strides) {
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), nd);
    for (int i = 0; i < nd; i++) {
        assert_int_equal(nd_shape(v)[i], shape[i]);
        assert_int_equal(nd_strides(v)[i], strides[i]);
    }
}

static void values(const nd_array *v, int n, const int64_t *want) {
    nd_value got[64];
    assert_int_equal(nd_size(v), n);
    nd_export(v, got);
    for (int i = 0; i < n; i++) assert_int_equal(got[i].i, want[i]);
}

/* Is v a view of m's memory (no copy)? */
static bool shares(const nd_array *v, const nd_array *m) { return nd_array_buf(v) == nd_array_buf(m); }

static void expect_err(nd_array *v, int code, const char *msg) {
    assert_null(v);
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
}

static uint64_t copies(void) {
    nd_copy_stats s;
    nd_copy_stats_get(&s);
    return s.copies;
}

static void test_nocopy_rule(void **state) {
    (void)state;
    nd_array *m = m34(), *t = nd_transpose(m, NULL), *v;
    /* m.T.reshape(12): copy; its base is the copy, as in NumPy */
    uint64_t c0 = copies();
    v = nd_reshape(t, SHAPE(12), 'C', ND_COPY_IF_NEEDED);
    expect(v, 1, (int64_t[]){12}, (int64_t[]){8});
    assert_false(shares(v, m));
    assert_non_null(nd_base(v));
    assert_true(nd_flags(nd_base(v)) & ND_OWNDATA);
    assert_int_equal(nd_shape(nd_base(v))[0], 4);
    assert_false(nd_flags(v) & ND_OWNDATA);
    assert_int_equal(copies(), c0 + 1);
    values(v, 12, (int64_t[]){0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    nd_release(v);
    /* m.T.reshape(2,2,3): splits one axis, a view (16, 8, 32) */
    v = nd_reshape(t, SHAPE(2, 2, 3), 'C', ND_COPY_IF_NEEDED);
    expect(v, 3, (int64_t[]){2, 2, 3}, (int64_t[]){16, 8, 32});
    assert_true(shares(v, m));
    assert_ptr_equal(nd_base(v), nd_base(m));
    nd_release(v);
    /* m.T.reshape(12, order='F') and order 'A' (m.T is Fortran): views */
    v = nd_reshape(t, SHAPE(12), 'F', ND_COPY_IF_NEEDED);
    expect(v, 1, (int64_t[]){12}, (int64_t[]){8});
    assert_true(shares(v, m));
    nd_release(v);
    v = nd_reshape(t, SHAPE(12), 'A', ND_COPY_IF_NEEDED);
    assert_true(shares(v, m));
    values(v, 12, (int64_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    nd_release(v);
    /* m.T.reshape(2,2,3,1) -> (16,8,32,32); m.T.reshape(1,4,3,1,'F') -> (8,8,32,96) */
    v = nd_reshape(t, SHAPE(2, 2, 3, 1), 'C', ND_COPY_IF_NEEDED);
    expect(v, 4, (int64_t[]){2, 2, 3, 1}, (int64_t[]){16, 8, 32, 32});
    nd_release(v);
    v = nd_reshape(t, SHAPE(1, 4, 3, 1), 'F', ND_COPY_IF_NEEDED);
    expect(v, 4, (int64_t[]){1, 4, 3, 1}, (int64_t[]){8, 8, 32, 96});
    nd_release(v);
    nd_release(t);
    /* m[:, :2].reshape(6), m[::2].reshape(8), m[:, ::-1] / m[::-1] .reshape(-1): copies */
    const char *copying[] = {":, :2", "::2", ":, ::-1", "::-1"};
    for (int i = 0; i < 4; i++) {
        nd_array *s = idx(m, copying[i]);
        v = nd_reshape(s, SHAPE(-1), 'C', ND_COPY_IF_NEEDED);
        assert_non_null(v);
        assert_false(shares(v, m));
        nd_release(v);
        nd_release(s);
    }
    /* m[:, ::2].reshape(6) -> view, strides (16,); .reshape(3,1,2,1) -> (32,32,16,16) */
    nd_array *s = idx(m, ":, ::2");
    v = nd_reshape(s, SHAPE(6), 'C', ND_COPY_IF_NEEDED);
    expect(v, 1, (int64_t[]){6}, (int64_t[]){16});
    assert_true(shares(v, m));
    values(v, 6, (int64_t[]){0, 2, 4, 6, 8, 10});
    nd_release(v);
    v = nd_reshape(s, SHAPE(3, 1, 2, 1), 'C', ND_COPY_IF_NEEDED);
    expect(v, 4, (int64_t[]){3, 1, 2, 1}, (int64_t[]){32, 32, 16, 16});
    nd_release(v);
    nd_release(s);
    nd_release(m);
}

static void test_contiguous_and_same_shape(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 12, 1, I64), *v;
    /* a.reshape(1,12,1) -> (96,8,8); a.reshape(3,-2) -> any negative is the unknown */
    v = nd_reshape(a, SHAPE(1, 12, 1), 'C', ND_COPY_IF_NEEDED);
    expect(v, 3, (int64_t[]){1, 12, 1}, (int64_t[]){96, 8, 8});
    assert_ptr_equal(nd_base(v), a);
    nd_release(v);
    v = nd_reshape(a, SHAPE(3, -2), 'C', ND_COPY_IF_NEEDED);
    expect(v, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8});
    nd_release(v);
    v = nd_reshape(a, SHAPE(2, 2, 3), 'F', ND_COPY_IF_NEEDED);
    expect(v, 3, (int64_t[]){2, 2, 3}, (int64_t[]){8, 16, 32});
    nd_release(v);
    /* same shape: a new view keeping the strides, even NEVER */
    nd_array *r = idx(a, "::-2");
    v = nd_reshape(r, SHAPE(6), 'C', ND_COPY_NEVER);
    expect(v, 1, (int64_t[]){6}, (int64_t[]){-16});
    assert_ptr_not_equal(v, r);
    nd_release(v);
    nd_release(r);
    /* size one: always contiguous; 0-d result */
    nd_array *one = idx(a, "5:6");
    v = nd_reshape(one, 0, NULL, 'C', ND_COPY_NEVER);
    expect(v, 0, NULL, NULL);
    values(v, 1, (int64_t[]){5});
    nd_release(v);
    nd_release(one);
    /* empty arrays: contiguous whatever their strides */
    nd_array *e = nd_zeros(2, (int64_t[]){0, 3}, I64, 'C');
    nd_array *es = idx(e, ":, ::2");
    v = nd_reshape(es, SHAPE(2, 0), 'F', ND_COPY_NEVER);
    expect(v, 2, (int64_t[]){2, 0}, (int64_t[]){8, 16});
    nd_release(v);
    v = nd_reshape(e, SHAPE(5, -1), 'C', ND_COPY_IF_NEEDED);
    expect(v, 2, (int64_t[]){5, 0}, (int64_t[]){8, 8});
    nd_release(v);
    nd_release(es);
    nd_release(e);
    nd_release(a);
}

static void test_errors(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 12, 1, I64), *m = m34();
    expect_err(nd_reshape(a, SHAPE(5), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape (5,)");
    expect_err(nd_reshape(a, SHAPE(5, -1), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape (5,newaxis)");
    expect_err(nd_reshape(a, SHAPE(-1, 5), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape (5)");
    expect_err(nd_reshape(a, SHAPE(2, 7), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape (2,7)");
    expect_err(nd_reshape(a, 0, NULL, 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape ()");
    expect_err(nd_reshape(a, SHAPE(-1, -1), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "can only specify one unknown dimension");
    expect_err(nd_reshape(a, SHAPE(INT64_C(1) << 40, -1), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape (1099511627776,newaxis)");
    expect_err(nd_reshape(a, SHAPE(INT64_C(1) << 62, INT64_C(1) << 62, 0), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 12 into shape (4611686018427387904,4611686018427387904,0)");
    int64_t big[33];
    for (int i = 0; i < 33; i++) big[i] = 1;
    expect_err(nd_reshape(a, 33, big, 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "maximum supported dimension for an ndarray is 32, found 33");
    expect_err(nd_reshape(a, SHAPE(12), 'K', ND_COPY_IF_NEEDED), ND_EVALUE,
               "order 'K' is not permitted for reshaping");
    expect_err(nd_reshape(m, SHAPE(3, 4), 'Z', ND_COPY_IF_NEEDED), ND_EVALUE,
               "order must be one of 'C', 'F', 'A', or 'K' (got 'Z')");
    assert_null(nd_reshape(a, SHAPE(12), 'C', (nd_copymode)7));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    /* an empty array may not name dims whose byte size overflows */
    nd_array *e = nd_arange(0, 0, 1, I64);
    expect_err(nd_reshape(e, SHAPE(0, INT64_C(1) << 62, INT64_C(1) << 62), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    expect_err(nd_reshape(e, SHAPE(0, INT64_C(1) << 60), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    expect_err(nd_reshape(e, SHAPE(0, -1), 'C', ND_COPY_IF_NEEDED), ND_EVALUE,
               "cannot reshape array of size 0 into shape (0,newaxis)");
    nd_release(e);
    nd_release(m);
    nd_release(a);
}

static void test_copy_modes_and_strict(void **state) {
    (void)state;
    nd_array *m = m34(), *t = nd_transpose(m, NULL), *v;
    expect_err(nd_reshape(t, SHAPE(12), 'C', ND_COPY_NEVER), ND_ECOPY,
               "Unable to avoid creating a copy while reshaping.");
    assert_string_equal(nd_errclass(), "ValueError");
    v = nd_reshape(t, SHAPE(2, 2, 3), 'C', ND_COPY_NEVER);
    assert_non_null(v);
    assert_true(shares(v, m));
    nd_release(v);
    /* ALWAYS copies even a contiguous array with the same shape; the
     * result is a view of a fresh copy in the requested order */
    uint64_t c0 = copies();
    v = nd_reshape(m, SHAPE(3, 4), 'C', ND_COPY_ALWAYS);
    assert_non_null(v);
    assert_false(shares(v, m));
    assert_int_equal(copies(), c0 + 1);
    assert_non_null(nd_base(v));
    values(v, 12, (int64_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    nd_release(v);
    v = nd_reshape(m, SHAPE(2, 6), 'F', ND_COPY_ALWAYS);
    expect(v, 2, (int64_t[]){2, 6}, (int64_t[]){8, 16});
    values(v, 12, (int64_t[]){0, 8, 5, 2, 10, 7, 4, 1, 9, 6, 3, 11});
    nd_release(v);
    /* strict mode refuses the implicit copy, not the explicit one or views */
    bool old = nd_set_strict(true);
    expect_err(nd_reshape(t, SHAPE(12), 'C', ND_COPY_IF_NEEDED), ND_ECOPY,
               "strict mode: reshape would make an implicit copy");
    v = nd_reshape(t, SHAPE(12), 'C', ND_COPY_ALWAYS);
    assert_non_null(v);
    nd_release(v);
    v = nd_reshape(t, SHAPE(12), 'F', ND_COPY_IF_NEEDED);
    assert_non_null(v);
    nd_release(v);
    nd_set_strict(old);
    nd_release(t);
    nd_release(m);
}

static void test_ravel(void **state) {
    (void)state;
    nd_array *m = m34(), *t = nd_transpose(m, NULL), *v;
    uint64_t c0 = copies();
    /* m.T.ravel(): a fresh copy (base None, OWNDATA) */
    v = nd_ravel(t, 'C', ND_COPY_IF_NEEDED);
    expect(v, 1, (int64_t[]){12}, (int64_t[]){8});
    assert_null(nd_base(v));
    assert_true(nd_flags(v) & ND_OWNDATA);
    values(v, 12, (int64_t[]){0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    assert_int_equal(copies(), c0 + 1);
    nd_release(v);
    /* m.T.ravel('K'), ('A'), m.ravel(): views */
    const char orders[] = {'K', 'A'};
    for (int i = 0; i < 2; i++) {
        v = nd_ravel(t, orders[i], ND_COPY_NEVER);
        assert_non_null(v);
        assert_true(shares(v, m));
        values(v, 12, (int64_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        nd_release(v);
    }
    v = nd_ravel(m, 'C', ND_COPY_NEVER);
    assert_true(shares(v, m));
    nd_release(v);
    /* a K-contiguous permutation that is neither C nor F: transpose(1,0,2) */
    nd_array *a = nd_arange(0, 24, 1, I64);
    nd_array *c3 = nd_reshape(a, SHAPE(2, 3, 4), 'C', ND_COPY_IF_NEEDED);
    nd_array *p = nd_transpose(c3, (int[]){1, 0, 2});
    v = nd_ravel(p, 'K', ND_COPY_NEVER);
    expect(v, 1, (int64_t[]){24}, (int64_t[]){8});
    assert_true(shares(v, a));
    nd_release(v);
    expect_err(nd_ravel(p, 'C', ND_COPY_NEVER), ND_ECOPY, "Unable to avoid creating a copy while raveling.");
    nd_release(p);
    nd_release(c3);
    nd_release(a);
    /* a 1-d array with an odd stride still gets a fresh contiguous stride */
    nd_array *one = idx(m, "1:2, 0"); /* shape (1,), stride 32 */
    v = nd_ravel(one, 'C', ND_COPY_NEVER);
    expect(v, 1, (int64_t[]){1}, (int64_t[]){8});
    nd_release(v);
    nd_release(one);
    /* 0-d ravels to (1,) */
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C');
    v = nd_ravel(z, 'K', ND_COPY_NEVER);
    expect(v, 1, (int64_t[]){1}, (int64_t[]){8});
    nd_release(v);
    nd_release(z);
    /* ALWAYS: a copy even when a view was possible; strict refuses IF_NEEDED copies */
    v = nd_ravel(m, 'C', ND_COPY_ALWAYS);
    assert_false(shares(v, m));
    assert_null(nd_base(v));
    nd_release(v);
    bool old = nd_set_strict(true);
    expect_err(nd_ravel(t, 'C', ND_COPY_IF_NEEDED), ND_ECOPY, "strict mode: ravel would make an implicit copy");
    nd_set_strict(old);
    expect_err(nd_ravel(m, 'Q', ND_COPY_IF_NEEDED), ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got 'Q')");
    assert_null(nd_ravel(m, 'C', (nd_copymode)-1));
    nd_release(t);
    nd_release(m);
}

static void test_flatten(void **state) {
    (void)state;
    nd_array *m = m34(), *v;
    uint64_t c0 = copies();
    v = nd_flatten(m, 'C'); /* always a copy */
    assert_false(shares(v, m));
    assert_true(nd_flags(v) & ND_OWNDATA);
    assert_int_equal(copies(), c0 + 1);
    nd_release(v);
    v = nd_flatten(m, 'F');
    values(v, 12, (int64_t[]){0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    nd_release(v);
    /* K keeps memory order but never flips negative strides */
    nd_array *r = idx(m, ":, ::-1");
    v = nd_flatten(r, 'K');
    values(v, 12, (int64_t[]){3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8});
    nd_release(v);
    nd_release(r);
    nd_array *rt = idx(m, "::-1");
    nd_array *rtt = nd_transpose(rt, NULL);
    v = nd_flatten(rtt, 'K');
    values(v, 12, (int64_t[]){8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3});
    nd_release(v);
    v = nd_flatten(rtt, 'A'); /* not Fortran (not contiguous): C order */
    values(v, 12, (int64_t[]){8, 4, 0, 9, 5, 1, 10, 6, 2, 11, 7, 3});
    nd_release(v);
    nd_release(rtt);
    nd_release(rt);
    /* zero strides are ambiguous for the K order: broadcast_to(arange(3),(2,3)) */
    nd_array *a3 = nd_arange(0, 3, 1, I64);
    nd_array *b = nd_broadcast_to(a3, SHAPE(2, 3));
    v = nd_flatten(b, 'K');
    values(v, 6, (int64_t[]){0, 1, 2, 0, 1, 2});
    nd_release(v);
    nd_release(b);
    /* as_strided(a,(2,2,3),(8,0,16)).flatten('K') */
    nd_array *a12 = nd_arange(0, 12, 1, I64);
    nd_array *s = nd_as_strided(a12, 3, (int64_t[]){2, 2, 3}, (int64_t[]){8, 0, 16});
    v = nd_flatten(s, 'K');
    values(v, 12, (int64_t[]){0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5});
    nd_release(v);
    nd_release(s);
    nd_release(a12);
    nd_release(a3);
    /* empty: a fresh empty array has stride 0, as NumPy's */
    nd_array *e = nd_zeros(2, (int64_t[]){0, 3}, I64, 'C');
    v = nd_flatten(e, 'C');
    expect(v, 1, (int64_t[]){0}, (int64_t[]){0});
    nd_release(v);
    nd_release(e);
    expect_err(nd_flatten(m, 'x'), ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got 'x')");
    nd_release(m);
}

/* Fault injection: fail the n-th allocation for n = 0, 1, ... until the
 * call succeeds; every failure is ND_ENOMEM and leaves a untouched. */
static int fail_at, calls;
static void *fmalloc(size_t n, void *ud) {
    (void)ud;
    return calls++ == fail_at ? NULL : malloc(n);
}
static void ffree(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_out_of_memory(void **state) {
    (void)state;
    nd_array *m = m34(), *t = nd_transpose(m, NULL);
    for (int mode = 0; mode < 3; mode++) {
        for (fail_at = 0;; fail_at++) {
            calls = 0;
            nd_set_allocator(&(nd_allocator){fmalloc, ffree, NULL});
            nd_array *v = mode == 0   ? nd_reshape(t, SHAPE(12), 'C', ND_COPY_IF_NEEDED)
                          : mode == 1 ? nd_ravel(t, 'C', ND_COPY_IF_NEEDED)
                                      : nd_flatten(t, 'K');
            nd_set_allocator(NULL);
            if (v) {
                nd_release(v);
                break;
            }
            assert_int_equal(nd_errcode(), ND_ENOMEM);
            assert_int_equal(nd_refcount(t), 1);
        }
        assert_true(fail_at >= 2);
    }
    nd_release(t);
    nd_release(m);
}

static void test_numpy_cases(void **state) {
    (void)state;
    int ran;
    int bad = vc_check_all(view_cases, sizeof view_cases / sizeof view_cases[0], "RS RV FL", false, &ran);
    assert_true(ran > 300);
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nocopy_rule), cmocka_unit_test(test_contiguous_and_same_shape),
        cmocka_unit_test(test_errors),      cmocka_unit_test(test_copy_modes_and_strict),
        cmocka_unit_test(test_ravel),       cmocka_unit_test(test_flatten),
        cmocka_unit_test(test_out_of_memory), cmocka_unit_test(test_numpy_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
