/* test_setshape.c — nd_set_shape, NumPy's `a.shape = s`, and nd_resize,
 * NumPy's a.resize (view/setshape.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "nd_internal.h"

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

static nd_array *arange(int64_t n) { return nd_arange(0, n, 1, nd_dtype_of(ND_FLOAT64)); }

static void assert_dims(const nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) {
    assert_int_equal(nd_ndim(a), ndim);
    for (int i = 0; i < ndim; i++) {
        assert_int_equal(nd_shape(a)[i], shape[i]);
        assert_int_equal(nd_strides(a)[i], strides[i]);
    }
}

/* A snapshot of everything a failed call must leave alone. */
typedef struct {
    int ndim, flags;
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    const int64_t *shape_ptr;
} snap;

static snap take(const nd_array *a) {
    snap s = {nd_ndim(a), nd_flags(a), {0}, {0}, nd_shape(a)};
    memcpy(s.shape, nd_shape(a), (size_t)s.ndim * sizeof(int64_t));
    memcpy(s.strides, nd_strides(a), (size_t)s.ndim * sizeof(int64_t));
    return s;
}

static void assert_same(const nd_array *a, const snap *s) {
    assert_int_equal(nd_flags(a), s->flags);
    assert_ptr_equal(nd_shape(a), s->shape_ptr);
    assert_dims(a, s->ndim, s->shape, s->strides);
}

static void test_in_place(void **state) {
    (void)state;
    nd_array *a = nd_zeros(1, (int64_t[]){4}, nd_dtype_of(ND_FLOAT64), 'C');
    nd_array *same = nd_squeeze(a, 0, NULL); /* a itself, as in NumPy */
    assert_ptr_equal(same, a);
    void *data = nd_data(a);
    assert_int_equal(nd_set_shape(a, 2, (int64_t[]){2, 2}), 0);
    assert_dims(same, 2, (int64_t[]){2, 2}, (int64_t[]){16, 8});
    assert_ptr_equal(nd_data(a), data);
    assert_null(nd_base(a));
    int f = nd_flags(a);
    assert_true((f & ND_OWNDATA) && (f & ND_WRITEABLE) && (f & ND_C_CONTIGUOUS));
    assert_false(f & ND_F_CONTIGUOUS);
    /* one unknown dim; back to 1-d (both contiguous flags again) */
    assert_int_equal(nd_set_shape(a, 1, (int64_t[]){-1}), 0);
    assert_dims(a, 1, (int64_t[]){4}, (int64_t[]){8});
    assert_true(nd_flags(a) & ND_F_CONTIGUOUS);
    nd_release(same);
    nd_release(a);
}

static void test_zero_d_and_views(void **state) {
    (void)state;
    nd_array *z = nd_zeros(0, NULL, nd_dtype_of(ND_INT32), 'C');
    assert_int_equal(nd_set_shape(z, 2, (int64_t[]){1, 1}), 0);
    assert_dims(z, 2, (int64_t[]){1, 1}, (int64_t[]){4, 4});
    assert_int_equal(nd_set_shape(z, 0, NULL), 0);
    assert_int_equal(nd_ndim(z), 0);
    nd_release(z);
    /* a transposed view: NumPy's no-copy rule, base and OWNDATA kept */
    nd_array *a = arange(12), *b = nd_reshape(a, 2, (int64_t[]){3, 4}, 'C', ND_COPY_NEVER);
    nd_array *t = nd_transpose(b, NULL);
    assert_int_equal(nd_set_shape(t, 3, (int64_t[]){4, 3, 1}), 0);
    assert_dims(t, 3, (int64_t[]){4, 3, 1}, (int64_t[]){8, 32, 32});
    assert_ptr_equal(nd_base(t), a);
    assert_false(nd_flags(t) & ND_OWNDATA);
    assert_true(nd_flags(t) & ND_F_CONTIGUOUS);
    nd_release(t);
    nd_release(b);
    nd_release(a);
}

static void test_errors_leave_a_unchanged(void **state) {
    (void)state;
    nd_array *a = arange(4);
    snap s = take(a);
    assert_int_equal(nd_set_shape(a, 1, (int64_t[]){3}), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "cannot reshape array of size 4 into shape (3,)");
    assert_same(a, &s);
    assert_int_equal(nd_set_shape(a, 2, (int64_t[]){-1, -1}), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "can only specify one unknown dimension");
    assert_same(a, &s);
    assert_true(nd_set_shape(a, ND_MAXDIMS + 1, (int64_t[ND_MAXDIMS + 1]){0}) < 0);
    assert_same(a, &s);
    nd_release(a);

    nd_array *c = arange(12), *g = nd_reshape(c, 2, (int64_t[]){3, 4}, 'C', ND_COPY_NEVER);
    nd_array *v = nd_subscript(g, 2, (nd_idx[]){ND_ALL, ND_S(0, 2, 1)});
    assert_non_null(v);
    s = take(v);
    assert_int_equal(nd_set_shape(v, 1, (int64_t[]){6}), ND_EATTR);
    assert_string_equal(nd_errclass(), "AttributeError");
    assert_string_equal(nd_errmsg(), "Incompatible shape for in-place modification. Use `.reshape()` to make a copy "
                                     "with the desired shape.");
    assert_same(v, &s);
    assert_int_equal(nd_set_shape(v, 3, (int64_t[]){3, 2, 1}), 0); /* this one needs no copy */
    assert_dims(v, 3, (int64_t[]){3, 2, 1}, (int64_t[]){32, 8, 8});
    nd_release(v);
    nd_release(g);
    nd_release(c);
}

/* Shapes larger than the header's block move out of line and back; the
 * header cache must get back exactly the blocks it handed out. */
static void test_grow_and_shrink(void **state) {
    (void)state;
    nd__cache_drain();
    nd_array *root = arange(64), *a = nd_view(root);
    int64_t ones9[9] = {2, 2, 2, 2, 2, 2, 1, 1, 1}, st9[9] = {256, 128, 64, 32, 16, 8, 8, 8, 8};
    assert_int_equal(nd_set_shape(a, 9, ones9), 0);
    assert_dims(a, 9, ones9, st9);
    nd_array *view = nd_view(a); /* a view of the grown header copies its dims */
    assert_dims(view, 9, ones9, st9);
    nd_release(view);
    assert_int_equal(nd_set_shape(a, 2, (int64_t[]){8, 8}), 0); /* back into its block */
    assert_ptr_equal(nd_shape(a), a->dims);
    int64_t big[12] = {2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1};
    assert_int_equal(nd_set_shape(a, 12, big), 0);
    assert_int_equal(nd_set_shape(a, 10, big), 0); /* out of line to out of line */
    assert_int_equal(nd_ndim(a), 10);
    int before = nd__cache_count();
    nd_release(a); /* a small block: it joins the cache */
    assert_int_equal(nd__cache_count(), before + 1);
    nd_release(root);

    /* a header allocated for 8 dims (no cache): 3 dims go out of line */
    nd_array *r = arange(256);
    nd_array *h = nd_reshape(r, 8, (int64_t[]){2, 2, 2, 2, 2, 2, 2, 2}, 'C', ND_COPY_NEVER);
    assert_int_equal(nd_set_shape(h, 3, (int64_t[]){4, 8, 8}), 0);
    assert_ptr_not_equal(nd_shape(h), h->dims);
    assert_dims(h, 3, (int64_t[]){4, 8, 8}, (int64_t[]){512, 64, 8});
    assert_int_equal(nd_set_shape(h, 8, (int64_t[]){4, 1, 2, 2, 2, 2, 2, 2}), 0); /* its own size again */
    assert_ptr_equal(nd_shape(h), h->dims);
    assert_int_equal(nd_set_shape(h, 1, (int64_t[]){256}), 0);
    before = nd__cache_count();
    nd_release(h); /* a large block: freed, not cached */
    assert_int_equal(nd__cache_count(), before);
    nd_release(r);
    nd__cache_drain();
}

/* Every allocation failing in turn: ND_ENOMEM, a unchanged, nothing leaked. */
static void test_alloc_failure(void **state) {
    (void)state;
    int64_t shape9[9] = {4, 1, 1, 1, 1, 1, 1, 1, -1};
    for (long k = 1; k < 10; k++) {
        nd_array *a = arange(8);
        snap s = take(a);
        counter c = {.fail_at = k};
        nd_set_allocator(&(nd_allocator){cnt_malloc, cnt_free, &c});
        int rc = nd_set_shape(a, 9, shape9);
        nd_set_allocator(NULL);
        assert_int_equal(c.mallocs, c.frees + (rc == 0)); /* success keeps the out-of-line dims */
        if (rc == 0) {
            assert_dims(a, 9, (int64_t[]){4, 1, 1, 1, 1, 1, 1, 1, 2}, (int64_t[]){16, 16, 16, 16, 16, 16, 16, 16, 8});
            nd_release(a);
            return;
        }
        assert_int_equal(rc, ND_ENOMEM);
        assert_same(a, &s);
        nd_release(a);
    }
    fail_msg("nd_set_shape never succeeded");
}

/* nd_resize: bytes kept, new ones zero, own order; NumPy's refusals
 * leave a as it was. */
static void test_resize(void **state) {
    (void)state;
    nd_array *a = arange(6);
    assert_int_equal(nd_resize(a, 2, (int64_t[]){2, 4}), 0);
    assert_dims(a, 2, (int64_t[]){2, 4}, (int64_t[]){32, 8});
    const double *d = nd_data(a);
    for (int i = 0; i < 8; i++) assert_true(d[i] == (i < 6 ? i : 0));
    assert_true(nd_flags(a) & ND_OWNDATA);
    assert_int_equal(nd_resize(a, 1, (int64_t[]){3}), 0);
    assert_dims(a, 1, (int64_t[]){3}, (int64_t[]){8});
    nd_array *v = nd_view(a);
    snap s = take(a);
    assert_int_equal(nd_resize(a, 1, (int64_t[]){4}), ND_EVALUE); /* a view holds a */
    assert_same(a, &s);
    assert_int_equal(nd_resize(v, 1, (int64_t[]){4}), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "cannot resize this array: it does not own its data");
    assert_int_equal(nd_resize(v, 2, (int64_t[]){3, 1}), 0); /* same size: a view may */
    nd_release(v);
    assert_int_equal(nd_resize(a, 1, (int64_t[]){-1}), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "negative dimensions not allowed");
    nd_array *g = nd_empty(2, (int64_t[]){2, 3}, nd_dtype_of(ND_FLOAT64), 'F'); /* F order stays F */
    assert_int_equal(nd_resize(g, 2, (int64_t[]){3, 3}), 0);
    assert_dims(g, 2, (int64_t[]){3, 3}, (int64_t[]){8, 24});
    nd_array *st = nd_subscript(g, 2, (nd_idx[]){ND_ALL, {.kind = ND_IDX_SLICE, .start = 0, .stop = ND_NONE, .step = 2}});
    assert_int_equal(nd_resize(st, 1, (int64_t[]){6}), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "resize only works on single-segment arrays");
    nd_release(st);
    nd_release(g);
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resize),
        cmocka_unit_test(test_in_place),
        cmocka_unit_test(test_zero_d_and_views),
        cmocka_unit_test(test_errors_leave_a_unchanged),
        cmocka_unit_test(test_grow_and_shrink),
        cmocka_unit_test(test_alloc_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
