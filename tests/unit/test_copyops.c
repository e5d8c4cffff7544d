/* test_copyops.c — copy, astype, ascontiguousarray, asfortranarray,
 * copyto, byteswap, newbyteorder against NumPy 1.24's observed results. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "nd_internal.h"

#define I64 nd_dtype_of(ND_INT64)

/* A view of a with the given shape/strides starting `off` bytes in (the
 * tests build views by hand so they do not depend on view/). */
static nd_array *mkview(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides, int64_t off) {
    nd_array *v = nd__view_new(a, ndim, a->dtype);
    assert_non_null(v);
    v->data = a->data + off;
    memcpy(v->shape, shape, sizeof(int64_t) * (size_t)ndim);
    memcpy(v->strides, strides, sizeof(int64_t) * (size_t)ndim);
    nd__update_flags(v);
    return v;
}

/* 1-d view x[start:stop:step] of a 1-d int64 array. */
static nd_array *slice1(nd_array *x, int64_t start, int64_t n, int64_t step) {
    return mkview(x, 1, &n, (int64_t[]){8 * step}, 8 * start);
}

/* arange(12).reshape(3,4) */
static nd_array *m34(void) {
    nd_array *a = nd_arange(0, 12, 1, I64);
    assert_non_null(a);
    nd_array *m = mkview(a, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8}, 0);
    nd_release(a);
    return m;
}

static nd_array *transposed(nd_array *m) {
    return mkview(m, 2, (int64_t[]){m->shape[1], m->shape[0]}, (int64_t[]){m->strides[1], m->strides[0]},
                  m->data - nd__root(m)->data);
}

static void assert_strides(const nd_array *a, int64_t s0, int64_t s1) {
    assert_int_equal(a->strides[0], s0);
    assert_int_equal(a->strides[1], s1);
}

static void assert_i64s(const nd_array *a, const int64_t *want) {
    nd_value v[64];
    nd_export(a, v);
    for (int64_t i = 0; i < nd_size(a); i++) assert_int_equal(v[i].i, want[i]);
}

static void assert_fresh(const nd_array *r) {
    assert_null(nd_base(r));
    assert_true(nd_flags(r) & ND_OWNDATA);
    assert_true(nd_flags(r) & ND_WRITEABLE);
}

/* ---- copy orders ---- */

static void test_copy_orders(void **state) {
    (void)state;
    nd_array *m = m34(), *t = transposed(m);
    nd_array *c = nd_copy(t, 'C'), *f = nd_copy(t, 'F'), *a = nd_copy(t, 'A'), *k = nd_copy(t, 'K');
    assert_strides(c, 24, 8); /* m.T.copy() is C */
    assert_strides(f, 8, 32);
    assert_strides(a, 8, 32); /* m.T is F-contiguous */
    assert_strides(k, 8, 32); /* np.copy(m.T) keeps the layout */
    assert_true(nd_flags(c) & ND_C_CONTIGUOUS);
    assert_false(nd_flags(c) & ND_F_CONTIGUOUS);
    assert_true(nd_flags(k) & ND_F_CONTIGUOUS);
    const int64_t want[12] = {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11};
    nd_array *all[4] = {c, f, a, k};
    for (int i = 0; i < 4; i++) {
        assert_fresh(all[i]);
        assert_i64s(all[i], want);
        assert_ptr_not_equal(nd_data(all[i]), nd_data(m));
        nd_release(all[i]);
    }
    /* reversed rows: K makes strides positive */
    nd_array *r = mkview(m, 2, (int64_t[]){3, 4}, (int64_t[]){-32, 8}, 64);
    k = nd_copy(r, 'K');
    assert_strides(k, 32, 8);
    assert_i64s(k, (int64_t[]){8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3});
    nd_release(k);
    /* m[:, ::-1].T copies to (8, 32) under K */
    nd_array *rc = mkview(m, 2, (int64_t[]){4, 3}, (int64_t[]){-8, 32}, 24);
    k = nd_copy(rc, 'K');
    assert_strides(k, 8, 32);
    nd_release(k);
    nd_release(rc);
    nd_release(r);
    nd_release(t);
    nd_release(m);
}

static void test_copy_3d_orders(void **state) {
    (void)state;
    /* arange(24).reshape(2,3,4).transpose(1,0,2)[:, :, ::2] */
    nd_array *a = nd_arange(0, 24, 1, I64);
    nd_array *v = mkview(a, 3, (int64_t[]){3, 2, 2}, (int64_t[]){32, 96, 16}, 0);
    nd_array *k = nd_copy(v, 'K'), *aa = nd_copy(v, 'A'), *c = nd_copy(v, 'C'), *f = nd_copy(v, 'F');
    const int64_t ks[3] = {16, 48, 8}, cs[3] = {32, 16, 8}, fs[3] = {8, 24, 48};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(k->strides[i], ks[i]);
        assert_int_equal(aa->strides[i], cs[i]);
        assert_int_equal(c->strides[i], cs[i]);
        assert_int_equal(f->strides[i], fs[i]);
    }
    const int64_t want[12] = {0, 2, 12, 14, 4, 6, 16, 18, 8, 10, 20, 22};
    assert_i64s(k, want);
    assert_i64s(f, want);
    nd_release(k);
    nd_release(aa);
    nd_release(c);
    nd_release(f);
    nd_release(v);
    nd_release(a);
}

static void test_copy_bad_order(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, NULL);
    assert_null(nd_copy(a, 'X'));
    assert_string_equal(nd_errmsg(), "order must be one of 'C', 'F', 'A', or 'K' (got 'X')");
    assert_null(nd_astype(a, I64, 'X', ND_CAST_UNSAFE, true));
    assert_string_equal(nd_errclass(), "ValueError");
    nd_release(a);
}

/* ---- astype ---- */

static void test_astype_nocopy(void **state) {
    (void)state;
    nd_array *m = m34(), *t = transposed(m);
    nd_array *r = nd_astype(m, I64, 'K', ND_CAST_SAFE, false);
    assert_ptr_equal(r, m);
    nd_release(r);
    r = nd_astype(t, I64, 'C', ND_CAST_SAFE, false); /* layout does not fit */
    assert_ptr_not_equal(r, t);
    assert_strides(r, 24, 8);
    nd_release(r);
    r = nd_astype(t, I64, 'A', ND_CAST_SAFE, false);
    assert_ptr_equal(r, t);
    nd_release(r);
    r = nd_astype(m, I64, 'K', ND_CAST_SAFE, true); /* copy=True always copies */
    assert_ptr_not_equal(r, m);
    assert_fresh(r);
    nd_release(r);
    r = nd_astype(m, nd__dtype_builtin(ND_INT64, true), 'K', ND_CAST_EQUIV, false); /* other byte order */
    assert_ptr_not_equal(r, m);
    assert_int_equal(nd_get(r, (int64_t[]){2, 3}, &(nd_value){0}), 0);
    nd_value v;
    nd_get(r, (int64_t[]){2, 3}, &v);
    assert_int_equal(v.i, 11);
    assert_int_equal(((unsigned char *)nd_data(r))[15], 1); /* big-endian: 1 in the last byte */
    nd_release(r);
    nd_release(t);
    nd_release(m);
}

static void test_astype_values(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_INT32));
    nd_array *b = nd_astype(a, nd__dtype_builtin(ND_INT32, true), 'K', ND_CAST_UNSAFE, true);
    size_t len;
    unsigned char *bytes = nd_tobytes(b, 'C', &len);
    assert_int_equal(len, 24);
    const unsigned char want[24] = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5};
    assert_memory_equal(bytes, want, 24);
    nd_free(bytes);
    nd_array *f = nd_astype(b, nd_dtype_of(ND_FLOAT64), 'C', ND_CAST_SAFE, true);
    nd_value v;
    nd_item(f, 5, &v);
    assert_true(v.f == 5.0);
    nd_release(f);
    nd_release(b);
    nd_release(a);
}

static void test_astype_casting_errors(void **state) {
    (void)state;
    int64_t three = 3;
    nd_array *a = nd_zeros(1, &three, nd_dtype_of(ND_FLOAT64), 'C');
    assert_null(nd_astype(a, nd_dtype_of(ND_INT32), 'K', ND_CAST_SAFE, true));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    assert_string_equal(nd_errclass(), "TypeError");
    assert_string_equal(nd_errmsg(),
                        "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
    nd_array *i = nd_zeros(1, &three, nd_dtype_of(ND_INT32), 'C');
    assert_null(nd_astype(i, nd__dtype_builtin(ND_INT32, true), 'K', ND_CAST_NO, true));
    assert_string_equal(nd_errmsg(),
                        "Cannot cast array data from dtype('int32') to dtype('>i4') according to the rule 'no'");
    nd_array *ok = nd_astype(i, nd__dtype_builtin(ND_INT32, true), 'K', ND_CAST_EQUIV, true);
    assert_non_null(ok);
    nd_release(ok);
    nd_release(i);
    nd_release(a);
}

/* 0-d arrays are cast by value in NumPy 1.24 (and called "scalar"). */
static void test_astype_scalar_values(void **state) {
    (void)state;
    nd_array *one = nd_full(0, NULL, ND_I64(1), I64, 'C');
    nd_array *big = nd_full(0, NULL, ND_I64(300), I64, 'C');
    nd_array *r = nd_astype(one, nd_dtype_of(ND_INT8), 'K', ND_CAST_SAFE, true);
    assert_non_null(r);
    nd_release(r);
    r = nd_astype(one, nd_dtype_of(ND_INT8), 'K', ND_CAST_NO, true); /* sic: 1.24 allows it */
    assert_non_null(r);
    nd_release(r);
    assert_null(nd_astype(big, nd_dtype_of(ND_INT8), 'K', ND_CAST_SAFE, true));
    assert_string_equal(nd_errmsg(), "Cannot cast scalar from dtype('int64') to dtype('int8') according to the rule 'safe'");
    assert_null(nd_astype(one, nd_dtype_of(ND_FLOAT32), 'K', ND_CAST_NO, true));
    assert_string_equal(nd_errmsg(), "Cannot cast scalar from dtype('int64') to dtype('float32') according to the rule 'no'");
    nd_release(one);
    nd_release(big);
}

/* ---- ascontiguousarray / asfortranarray ---- */

static void test_ascontiguous(void **state) {
    (void)state;
    nd_array *m = m34(), *t = transposed(m);
    nd_array *r = nd_ascontiguousarray(m);
    assert_ptr_equal(r, m);
    nd_release(r);
    r = nd_ascontiguousarray(t);
    assert_ptr_not_equal(r, t);
    assert_strides(r, 24, 8);
    assert_fresh(r);
    assert_i64s(r, (int64_t[]){0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    nd_release(r);
    r = nd_asfortranarray(t);
    assert_ptr_equal(r, t);
    nd_release(r);
    r = nd_asfortranarray(m);
    assert_strides(r, 8, 24);
    assert_true(nd_flags(r) & ND_F_CONTIGUOUS);
    assert_i64s(r, (int64_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    nd_release(r);
    nd_release(t);
    nd_release(m);
}

static void test_ascontiguous_0d(void **state) {
    (void)state;
    nd_array *z = nd_full(0, NULL, ND_I64(5), I64, 'C');
    nd_array *fns[2] = {nd_ascontiguousarray(z), nd_asfortranarray(z)};
    for (int i = 0; i < 2; i++) {
        nd_array *c = fns[i];
        assert_int_equal(nd_ndim(c), 1);
        assert_int_equal(nd_shape(c)[0], 1);
        assert_int_equal(nd_strides(c)[0], 8);
        assert_ptr_equal(nd_base(c), z); /* a view, as in NumPy 1.24 */
        assert_ptr_equal(nd_data(c), nd_data(z));
        assert_false(nd_flags(c) & ND_OWNDATA);
        assert_true(nd_flags(c) & ND_C_CONTIGUOUS);
        nd_release(c);
    }
    nd_release(z);
}

static void test_strict_mode(void **state) {
    (void)state;
    nd_array *m = m34(), *t = transposed(m);
    bool old = nd_set_strict(true);
    assert_false(old);
    assert_null(nd_ascontiguousarray(t));
    assert_int_equal(nd_errcode(), ND_ECOPY);
    assert_non_null(strstr(nd_errmsg(), "ascontiguousarray"));
    assert_null(nd_asfortranarray(m));
    assert_non_null(strstr(nd_errmsg(), "asfortranarray"));
    nd_array *r = nd_ascontiguousarray(m); /* no copy needed: fine */
    assert_ptr_equal(r, m);
    nd_release(r);
    r = nd_copy(t, 'C'); /* explicit copies are not refused */
    assert_non_null(r);
    nd_release(r);
    r = nd_astype(t, nd_dtype_of(ND_FLOAT64), 'C', ND_CAST_SAFE, false);
    assert_non_null(r);
    nd_release(r);
    assert_true(nd_set_strict(false));
    nd_release(t);
    nd_release(m);
}

/* ---- copy accounting ---- */

static void test_copy_counters(void **state) {
    (void)state;
    nd_array *m = m34(), *t = transposed(m);
    nd_copy_stats st;
    nd_copy_stats_reset();
    nd_array *r = nd_copy(t, 'C'); /* (4, 3) */
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 1);
    assert_int_equal(st.bytes_copied, 96);
    assert_int_equal(st.allocations, 1);
    assert_int_equal(st.bytes_allocated, 96);
    nd_copy_stats_reset();
    nd_array *s = nd_ascontiguousarray(m); /* no copy */
    nd_release(s);
    s = nd_astype(m, I64, 'K', ND_CAST_SAFE, false);
    nd_release(s);
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 0);
    assert_int_equal(st.allocations, 0);
    assert_int_equal(nd_copyto(r, t, ND_CAST_SAME_KIND), 0);
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 1);
    assert_int_equal(st.bytes_copied, 96);
    assert_int_equal(st.allocations, 0);
    nd_copy_stats_reset();
    s = nd_byteswap(m, false);
    nd_release(s);
    s = nd_astype(m, nd_dtype_of(ND_INT32), 'C', ND_CAST_UNSAFE, true);
    nd_release(s);
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 2);
    assert_int_equal(st.bytes_copied, 96 + 48);
    assert_int_equal(st.allocations, 2);
    nd_release(r);
    nd_release(t);
    nd_release(m);
}

/* ---- copyto ---- */

static void test_copyto_broadcast(void **state) {
    (void)state;
    nd_array *m = m34();
    nd_array *row = nd_arange(100, 104, 1, nd_dtype_of(ND_INT32));
    assert_int_equal(nd_copyto(m, row, ND_CAST_SAME_KIND), 0);
    assert_i64s(m, (int64_t[]){100, 101, 102, 103, 100, 101, 102, 103, 100, 101, 102, 103});
    nd_array *col = nd_arange(7, 10, 1, I64);
    nd_array *colv = mkview(col, 2, (int64_t[]){3, 1}, (int64_t[]){8, 8}, 0);
    assert_int_equal(nd_copyto(m, colv, ND_CAST_SAME_KIND), 0);
    assert_i64s(m, (int64_t[]){7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 9, 9});
    nd_array *s = nd_full(0, NULL, ND_I64(-1), I64, 'C');
    assert_int_equal(nd_copyto(m, s, ND_CAST_NO), 0);
    assert_i64s(m, (int64_t[]){-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
    /* bad shapes */
    nd_array *four = nd_arange(0, 3, 1, I64);
    assert_int_equal(nd_copyto(m, four, ND_CAST_SAME_KIND), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "could not broadcast input array from shape (3,) into shape (3,4)");
    assert_int_equal(nd_copyto(row, m, ND_CAST_UNSAFE), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "could not broadcast input array from shape (3,4) into shape (4,)");
    assert_i64s(m, (int64_t[]){-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}); /* unchanged */
    /* src's leading size-1 axes are stripped first (NumPy's special case) */
    nd_array *r1 = nd_arange(0, 4, 1, I64);
    nd_array *r11 = mkview(r1, 3, (int64_t[]){1, 1, 4}, (int64_t[]){0, 0, 8}, 0);
    nd_array *flat = nd_arange(0, 4, 1, I64);
    nd_array *row2 = mkview(flat, 2, (int64_t[]){1, 2}, (int64_t[]){16, 8}, 0);
    nd_array *d1 = nd_zeros(1, (int64_t[]){1}, I64, 'C');
    assert_int_equal(nd_copyto(row, r11, ND_CAST_SAME_KIND), 0);
    assert_int_equal(nd_copyto(d1, row2, ND_CAST_SAME_KIND), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "could not broadcast input array from shape (2,) into shape (1,)");
    nd_array *m3 = nd_zeros(3, (int64_t[]){2, 3, 4}, I64, 'C');
    nd_array *bad = nd_zeros(3, (int64_t[]){5, 1, 4}, I64, 'C');
    assert_int_equal(nd_copyto(m3, bad, ND_CAST_SAME_KIND), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "could not broadcast input array from shape (5,1,4) into shape (2,3,4)");
    nd_release(bad);
    nd_release(m3);
    nd_release(d1);
    nd_release(row2);
    nd_release(flat);
    nd_release(r11);
    nd_release(r1);
    nd_release(four);
    nd_release(s);
    nd_release(colv);
    nd_release(col);
    nd_release(row);
    nd_release(m);
}

static void test_copyto_casting(void **state) {
    (void)state;
    int64_t three = 3;
    nd_array *d = nd_zeros(1, &three, nd_dtype_of(ND_INT32), 'C');
    nd_array *f = nd_full(1, &three, ND_F64(1.5), NULL, 'C');
    nd_array *f4 = nd_full(1, (int64_t[]){4}, ND_F64(1.5), NULL, 'C');
    nd_array *s = nd_full(0, NULL, ND_F64(1.5), NULL, 'C');
    assert_int_equal(nd_copyto(d, f, ND_CAST_SAME_KIND), ND_ETYPE);
    assert_string_equal(nd_errclass(), "TypeError");
    assert_string_equal(nd_errmsg(),
                        "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
    /* the cast is checked before the shapes, as in NumPy */
    assert_int_equal(nd_copyto(d, f4, ND_CAST_SAME_KIND), ND_ETYPE);
    assert_int_equal(nd_copyto(d, s, ND_CAST_SAME_KIND), ND_ETYPE);
    assert_string_equal(nd_errmsg(),
                        "Cannot cast scalar from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
    assert_int_equal(nd_copyto(d, f, ND_CAST_UNSAFE), 0);
    assert_i64s(d, (int64_t[]){1, 1, 1});
    /* value-based: 0-d int64 200 fits uint8 but not int8 */
    nd_array *u8 = nd_zeros(1, &three, nd_dtype_of(ND_UINT8), 'C');
    nd_array *i8 = nd_zeros(1, &three, nd_dtype_of(ND_INT8), 'C');
    nd_array *v200 = nd_full(0, NULL, ND_I64(200), I64, 'C');
    nd_array *vm1 = nd_full(0, NULL, ND_I64(-1), I64, 'C');
    assert_int_equal(nd_copyto(u8, v200, ND_CAST_SAFE), 0);
    assert_int_equal(nd_copyto(i8, v200, ND_CAST_SAFE), ND_ETYPE);
    assert_int_equal(nd_copyto(u8, vm1, ND_CAST_SAFE), ND_ETYPE);
    assert_string_equal(nd_errmsg(), "Cannot cast scalar from dtype('int64') to dtype('uint8') according to the rule 'safe'");
    assert_int_equal(nd_copyto(i8, vm1, ND_CAST_SAFE), 0);
    /* floats: f2 holds |x| < 65000 and non-finite values */
    nd_array *h = nd_zeros(1, &three, nd_dtype_of(ND_FLOAT16), 'C');
    nd_array *f32 = nd_zeros(1, &three, nd_dtype_of(ND_FLOAT32), 'C');
    nd_array *c64 = nd_zeros(1, &three, nd_dtype_of(ND_COMPLEX64), 'C');
    nd_array *e5 = nd_full(0, NULL, ND_F64(1e5), NULL, 'C');
    nd_array *inf = nd_full(0, NULL, ND_F64(INFINITY), NULL, 'C');
    nd_array *e39 = nd_full(0, NULL, ND_F64(1e39), NULL, 'C');
    nd_array *cbig = nd_full(0, NULL, ND_C128(1e39, 1), NULL, 'C');
    nd_array *csmall = nd_full(0, NULL, ND_C128(1, 1), NULL, 'C');
    assert_int_equal(nd_copyto(h, s, ND_CAST_SAFE), 0);
    assert_int_equal(nd_copyto(h, e5, ND_CAST_SAFE), ND_ETYPE);
    assert_int_equal(nd_copyto(h, inf, ND_CAST_SAFE), 0);
    assert_int_equal(nd_copyto(f32, e5, ND_CAST_SAFE), 0);
    assert_int_equal(nd_copyto(f32, e39, ND_CAST_SAFE), ND_ETYPE);
    assert_int_equal(nd_copyto(c64, csmall, ND_CAST_SAFE), 0);
    assert_int_equal(nd_copyto(c64, cbig, ND_CAST_SAFE), ND_ETYPE);
    assert_int_equal(nd_copyto(f32, csmall, ND_CAST_SAME_KIND), ND_ETYPE);
    nd_array *all[] = {d, f, f4, s, u8, i8, v200, vm1, h, f32, c64, e5, inf, e39, cbig, csmall};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) nd_release(all[i]);
}

static void test_copyto_readonly(void **state) {
    (void)state;
    int64_t three = 3;
    nd_array *d = nd_zeros(1, &three, nd_dtype_of(ND_INT32), 'C');
    nd_array *f = nd_zeros(1, &three, nd_dtype_of(ND_FLOAT64), 'C');
    nd_set_writeable(d, false);
    /* read-only is reported before the cast */
    assert_int_equal(nd_copyto(d, f, ND_CAST_SAME_KIND), ND_EREADONLY);
    assert_string_equal(nd_errclass(), "ValueError");
    assert_string_equal(nd_errmsg(), "assignment destination is read-only");
    assert_null(nd_byteswap(d, true));
    assert_int_equal(nd_errcode(), ND_EREADONLY);
    assert_string_equal(nd_errmsg(), "array to be byte-swapped is read-only");
    nd_array *c = nd_byteswap(d, false); /* a copy is fine */
    assert_non_null(c);
    assert_true(nd_flags(c) & ND_WRITEABLE);
    nd_release(c);
    nd_release(f);
    nd_release(d);
}

typedef struct {
    int64_t dst_start, dst_n, dst_step, src_start, src_step;
    int64_t want[10];
} overlap_case;

/* x = arange(10); np.copyto(x[dst], x[src]) in NumPy 1.24. */
static void test_copyto_overlap_1d(void **state) {
    (void)state;
    static const overlap_case cases[] = {
        {2, 8, 1, 0, 1, {0, 1, 0, 1, 2, 3, 4, 5, 6, 7}},       /* x[2:] = x[:-2] */
        {0, 7, 1, 3, 1, {3, 4, 5, 6, 7, 8, 9, 7, 8, 9}},       /* x[:-3] = x[3:] */
        {1, 5, 1, 0, 2, {0, 0, 2, 6, 6, 8, 6, 7, 8, 9}},       /* x[1:6] = x[0:10:2] (not as-if-copied) */
        {9, 10, -1, 0, 1, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},     /* x[::-1] = x */
        {8, 4, -2, 9, -2, {0, 1, 3, 3, 5, 5, 7, 7, 9, 9}},     /* x[8:0:-2] = x[9:1:-2] */
        {9, 4, -2, 8, -2, {0, 1, 2, 2, 4, 4, 6, 6, 8, 8}},     /* x[9:1:-2] = x[8:0:-2] */
        {0, 5, 1, 0, 2, {0, 2, 4, 6, 8, 5, 6, 7, 8, 9}},       /* x[:5] = x[::2] */
        {0, 5, 2, 0, 1, {0, 1, 1, 3, 1, 5, 3, 7, 1, 9}},       /* x[::2] = x[:5] */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const overlap_case *c = &cases[k];
        nd_array *x = nd_arange(0, 10, 1, I64);
        nd_array *d = slice1(x, c->dst_start, c->dst_n, c->dst_step);
        nd_array *s = slice1(x, c->src_start, c->dst_n, c->src_step);
        assert_int_equal(nd_copyto(d, s, ND_CAST_SAME_KIND), 0);
        assert_i64s(x, c->want);
        nd_release(s);
        nd_release(d);
        nd_release(x);
    }
}

static void test_copyto_overlap_cast(void **state) {
    (void)state;
    /* x = arange(10, dtype=i8); copyto(x[1:6], x.view('i4')[0:10:2], 'unsafe') */
    nd_array *x = nd_arange(0, 10, 1, I64);
    nd_array *d = slice1(x, 1, 5, 1);
    nd_array *s = nd__view_new(x, 1, nd_dtype_of(ND_INT32));
    s->shape[0] = 5;
    s->strides[0] = 8;
    nd__update_flags(s);
    assert_int_equal(nd_copyto(d, s, ND_CAST_UNSAFE), 0);
    assert_i64s(x, (int64_t[]){0, 0, 1, 2, 3, 4, 6, 7, 8, 9});
    nd_release(s);
    nd_release(d);
    nd_release(x);
}

static void test_copyto_overlap_2d(void **state) {
    (void)state;
    nd_array *m = m34();
    nd_array *l = mkview(m, 2, (int64_t[]){3, 3}, (int64_t[]){32, 8}, 8); /* m[:, 1:] */
    nd_array *r = mkview(m, 2, (int64_t[]){3, 3}, (int64_t[]){32, 8}, 0); /* m[:, :-1] */
    assert_int_equal(nd_copyto(l, r, ND_CAST_SAME_KIND), 0);
    assert_i64s(m, (int64_t[]){0, 0, 1, 2, 4, 4, 5, 6, 8, 8, 9, 10});
    nd_release(l);
    nd_release(r);
    nd_release(m);
    m = m34();
    nd_array *rev = mkview(m, 2, (int64_t[]){3, 4}, (int64_t[]){-32, 8}, 64);
    assert_int_equal(nd_copyto(m, rev, ND_CAST_SAME_KIND), 0);
    assert_i64s(m, (int64_t[]){8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3});
    nd_release(rev);
    nd_array *row1 = mkview(m, 1, (int64_t[]){4}, (int64_t[]){8}, 32);
    assert_int_equal(nd_copyto(m, row1, ND_CAST_SAME_KIND), 0);
    assert_i64s(m, (int64_t[]){4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7});
    nd_release(row1);
    nd_release(m);
    /* m3 = arange(9).reshape(3,3); copyto(m3, m3.T) */
    nd_array *a = nd_arange(0, 9, 1, I64);
    nd_array *m3 = mkview(a, 2, (int64_t[]){3, 3}, (int64_t[]){24, 8}, 0);
    nd_array *t3 = transposed(m3);
    assert_int_equal(nd_copyto(m3, t3, ND_CAST_SAME_KIND), 0);
    assert_i64s(m3, (int64_t[]){0, 3, 6, 1, 4, 7, 2, 5, 8});
    /* copying onto itself: nothing to do */
    nd_copy_stats st;
    nd_copy_stats_reset();
    assert_int_equal(nd_copyto(m3, m3, ND_CAST_NO), 0);
    nd_copy_stats_get(&st);
    assert_int_equal(st.copies, 0);
    nd_release(t3);
    nd_release(m3);
    /* one source item broadcast over an overlapping dst: x[2:3] over x */
    nd_array *x = nd_arange(0, 6, 1, I64);
    nd_array *one = slice1(x, 2, 1, 1);
    assert_int_equal(nd_copyto(x, one, ND_CAST_SAME_KIND), 0);
    assert_i64s(x, (int64_t[]){2, 2, 2, 2, 2, 2});
    nd_release(one);
    nd_release(x);
    nd_release(a);
}

/* x = (arange(6)+1).astype(dt); copyto(x, as_strided(x.view(native), (1,), (0,)))
 * NumPy reads the item once for plain byte swaps, per item for complex. */
static void test_copyto_overlap_stride0(void **state) {
    (void)state;
    const nd_dtype *bf8 = nd__dtype_builtin(ND_FLOAT64, true), *bc8 = nd__dtype_builtin(ND_COMPLEX64, true);
    nd_array *x = nd_arange_f(1, 7, 1, bf8);
    nd_array *src = nd__view_new(x, 1, nd_dtype_of(ND_FLOAT64));
    src->shape[0] = 1;
    src->strides[0] = 0;
    nd__update_flags(src);
    assert_int_equal(nd_copyto(x, src, ND_CAST_SAME_KIND), 0);
    const unsigned char once[8] = {0, 0, 0, 0, 0, 0, 0xf0, 0x3f};
    for (int i = 0; i < 6; i++) assert_memory_equal(x->data + 8 * i, once, 8);
    nd_release(src);
    nd_release(x);
    x = nd_arange_f(1, 7, 1, bc8);
    src = nd__view_new(x, 1, nd_dtype_of(ND_COMPLEX64));
    src->shape[0] = 1;
    src->strides[0] = 0;
    nd__update_flags(src);
    assert_int_equal(nd_copyto(x, src, ND_CAST_SAME_KIND), 0);
    const unsigned char first[8] = {0, 0, 0x80, 0x3f, 0, 0, 0, 0}, rest[8] = {0x3f, 0x80, 0, 0, 0, 0, 0, 0};
    assert_memory_equal(x->data, first, 8);
    for (int i = 1; i < 6; i++) assert_memory_equal(x->data + 8 * i, rest, 8);
    nd_release(src);
    nd_release(x);
}

/* A cast from a byte-swapped source is buffered in blocks by NumPy: the
 * broadcast source is read before the overlapping destination is written.
 * NumPy: c = np.array([1, 0], 'f4'); np.copyto(c, c.view('>u8'),
 * casting='unsafe'); c.view('<u4') -> [1459633920 1459633920]. */
static void test_copyto_overlap_swapped_cast(void **state) {
    (void)state;
    nd_array *c = nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_FLOAT32), (float[]){1, 0});
    nd_array *x = nd_view_dtype(c, nd__dtype_builtin(ND_UINT64, true));
    assert_non_null(x);
    assert_int_equal(nd_copyto(c, x, ND_CAST_UNSAFE), 0);
    uint32_t got[2];
    memcpy(got, c->data, sizeof got);
    assert_int_equal(got[0], 1459633920u);
    assert_int_equal(got[1], 1459633920u);
    nd_release(x);
    nd_release(c);
}

/* ---- byteswap / newbyteorder ---- */

static void test_byteswap_values(void **state) {
    (void)state;
    nd_array *b = nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_INT16), (int16_t[]){1, 256});
    nd_array *s = nd_byteswap(b, false);
    assert_i64s(s, (int64_t[]){256, 1});
    assert_true(nd_dtype_equal(nd_array_dtype(s), nd_dtype_of(ND_INT16)));
    assert_fresh(s);
    nd_array *v = nd_newbyteorder(s, 'S');
    assert_ptr_equal(nd_base(v), s);
    assert_i64s(v, (int64_t[]){1, 256});
    assert_int_equal(nd_dtype_byteorder(nd_array_dtype(v)), '>');
    nd_release(v);
    nd_array *r = nd_byteswap(b, true);
    assert_ptr_equal(r, b);
    assert_i64s(b, (int64_t[]){256, 1});
    nd_release(r);
    nd_release(s);
    nd_release(b);
    /* complex: each half swapped on its own */
    const float cf[4] = {1, 2, -3.5f, 0.25f};
    nd_array *c = nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_COMPLEX64), cf);
    s = nd_byteswap(c, false);
    const unsigned char want_c8[16] = {63, 128, 0, 0, 64, 0, 0, 0, 192, 96, 0, 0, 62, 128, 0, 0};
    assert_memory_equal(nd_data(s), want_c8, 16);
    nd_release(s);
    nd_release(c);
    const double cd[4] = {1, 2, -3.5, 0.25};
    c = nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_COMPLEX128), cd);
    s = nd_byteswap(c, false);
    const unsigned char want_c16[32] = {63, 240, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0,
                                        192, 12, 0, 0, 0, 0, 0, 0, 63, 208, 0, 0, 0, 0, 0, 0};
    assert_memory_equal(nd_data(s), want_c16, 32);
    r = nd_byteswap(s, true); /* and back, in place */
    assert_memory_equal(nd_data(s), cd, 32);
    nd_release(r);
    nd_release(s);
    nd_release(c);
    /* float64 and float16 bit patterns (NumPy's .view('u8'/'u2')) */
    c = nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_FLOAT64), (double[]){1.5, -2.25});
    s = nd_byteswap(c, false);
    uint64_t w8[2];
    memcpy(w8, nd_data(s), 16);
    assert_int_equal(w8[0], 63551);
    assert_int_equal(w8[1], 704);
    nd_release(s);
    nd_release(c);
    c = nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_FLOAT16), (uint16_t[]){0x3e00, 0xc080});
    s = nd_byteswap(c, false);
    uint16_t w2[2];
    memcpy(w2, nd_data(s), 4);
    assert_int_equal(w2[0], 62);
    assert_int_equal(w2[1], 32960);
    nd_release(s);
    nd_release(c);
    /* bool: nothing to swap, still a copy */
    c = nd_from_data(1, (int64_t[]){1}, nd_dtype_of(ND_BOOL), (bool[]){true});
    s = nd_byteswap(c, false);
    assert_ptr_not_equal(nd_data(s), nd_data(c));
    assert_int_equal(*(unsigned char *)nd_data(s), 1);
    nd_release(s);
    nd_release(c);
}

static void test_byteswap_layouts(void **state) {
    (void)state;
    nd_array *m = m34(), *t = transposed(m);
    nd_array *half = mkview(m, 2, (int64_t[]){3, 2}, (int64_t[]){32, 16}, 0); /* m[:, ::2] */
    nd_array *s = nd_byteswap(half, false);
    assert_strides(s, 16, 8);
    nd_release(s);
    s = nd_byteswap(t, false); /* order 'A': F stays F */
    assert_strides(s, 8, 32);
    nd_array *back = nd_byteswap(s, false);
    assert_i64s(back, (int64_t[]){0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
    nd_release(back);
    nd_release(s);
    /* a strided in-place swap touches only the view's items */
    nd_array *r = nd_byteswap(half, true);
    nd_release(r);
    nd_value v;
    nd_get(m, (int64_t[]){1, 2}, &v);
    assert_int_equal(v.i, (int64_t)__builtin_bswap64(6));
    nd_get(m, (int64_t[]){1, 1}, &v);
    assert_int_equal(v.i, 5);
    nd_release(half);
    nd_release(t);
    nd_release(m);
}

/* Long runs hit the vector kernels; SIMD on and off must agree. */
static void test_byteswap_simd_paths(void **state) {
    (void)state;
    static const nd_type types[] = {ND_INT16, ND_INT32, ND_INT64, ND_COMPLEX64, ND_COMPLEX128, ND_FLOAT16};
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
        nd_array *a = nd_arange(0, 1003, 1, nd_dtype_of(types[k]));
        nd_array *ref = NULL;
        for (int simd = 0; simd < 2; simd++) {
            nd__set_simd(simd);
            nd_array *s = nd_byteswap(a, false);
            /* across byte orders: copyto of the '>' view into a '>' array */
            nd_array *back = nd_astype(s, nd_dtype_newbyteorder(nd_array_dtype(s), 'S'), 'K', ND_CAST_EQUIV, true);
            nd_array *vb = nd_newbyteorder(s, 'S');
            assert_int_equal(nd_copyto(back, vb, ND_CAST_NO), 0);
            assert_memory_equal(nd_data(back), nd_data(s), (size_t)nd_nbytes(s));
            /* swapped twice == original */
            nd_array *twice = nd_byteswap(s, false);
            assert_memory_equal(nd_data(twice), nd_data(a), (size_t)nd_nbytes(a));
            if (ref)
                assert_memory_equal(nd_data(s), nd_data(ref), (size_t)nd_nbytes(a));
            else
                ref = nd_retain(s);
            nd_release(twice);
            nd_release(vb);
            nd_release(back);
            nd_release(s);
        }
        nd_release(ref);
        nd_release(a);
    }
    nd__set_simd(true);
}

/* NumPy's PyArray_AssignArray returns before the writeable check when an
 * array is copied onto its own layout (np.copyto(a, a), a[:] = a[:]). */
static void test_copyto_onto_itself_readonly(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, NULL), *b = nd_index(a, ":"), *r = nd_index(a, "::-1");
    assert_int_equal(nd_set_writeable(a, false), 0);
    nd_array *b2 = nd_index(a, ":");
    assert_int_equal(nd_copyto(a, a, ND_CAST_SAME_KIND), 0);
    assert_int_equal(nd_copyto(b2, a, ND_CAST_SAME_KIND), 0);
    assert_int_equal(nd_copyto(a, r, ND_CAST_SAME_KIND), ND_EREADONLY);
    assert_string_equal(nd_errmsg(), "assignment destination is read-only");
    nd_release(b2);
    nd_release(r);
    nd_release(b);
    nd_release(a);
}

/* copyto with where: only masked elements written; the mask broadcasts
 * without the source's leading-1 stripping; errors change nothing. */
static void test_copyto_where(void **state) {
    (void)state;
    nd_array *m = m34();
    nd_array *row = nd_arange(100, 104, 1, nd_dtype_of(ND_INT32));
    bool mv[3] = {true, false, true};
    nd_array *mask = nd_from_data(2, (int64_t[]){3, 1}, nd_dtype_of(ND_BOOL), mv);
    assert_int_equal(nd_copyto_where(m, row, ND_CAST_SAME_KIND, mask), 0);
    assert_i64s(m, (int64_t[]){100, 101, 102, 103, 4, 5, 6, 7, 100, 101, 102, 103});
    nd_array *m3 = nd_reshape(mask, 3, (int64_t[]){1, 3, 1}, 'C', ND_COPY_NEVER);
    assert_int_equal(nd_copyto_where(m, row, ND_CAST_SAME_KIND, m3), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "could not broadcast where mask from shape (1,3,1) into shape (3,4)");
    nd_array *f = nd_full(0, NULL, ND_F64(1.5), NULL, 'C');
    assert_int_equal(nd_copyto_where(m, f, ND_CAST_SAME_KIND, mask), ND_ETYPE);
    assert_i64s(m, (int64_t[]){100, 101, 102, 103, 4, 5, 6, 7, 100, 101, 102, 103});
    assert_int_equal(nd_copyto_where(m, f, ND_CAST_UNSAFE, NULL), 0); /* no mask: nd_copyto */
    assert_i64s(m, (int64_t[]){1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    nd_release(f);
    nd_release(m3);
    nd_release(mask);
    nd_release(row);
    nd_release(m);
}

/* a[['a', 'c']] = a[['c', 'a']] (NumPy's structured-arrays guide): a
 * structured destination overlapping its source goes through a temporary,
 * so the fields swap by position, cast, as if the source were copied. */
static void test_copyto_struct_overlap(void **state) {
    (void)state;
    const nd_dtype *dt = nd_dtype_parse("i4, i4, f4");
    assert_non_null(dt);
    nd_array *a = nd_zeros(1, (int64_t[]){3}, dt, 'C');
    assert_non_null(a);
    for (int64_t i = 0; i < 3; i++) {
        int32_t two = 2;
        float three = 3.0f;
        memcpy(a->data + 12 * i, &two, 4);
        memcpy(a->data + 12 * i + 8, &three, 4);
    }
    nd_array *dst = nd_fields(a, 2, (const char *const[]){"f0", "f2"});
    nd_array *src = nd_fields(a, 2, (const char *const[]){"f2", "f0"});
    assert_non_null(dst);
    assert_non_null(src);
    assert_int_equal(nd_copyto(dst, src, ND_CAST_UNSAFE), 0);
    for (int64_t i = 0; i < 3; i++) {
        int32_t x;
        float y;
        memcpy(&x, a->data + 12 * i, 4);
        memcpy(&y, a->data + 12 * i + 8, 4);
        assert_int_equal(x, 3);
        assert_true(y == 2.0f);
    }
    nd_release(dst);
    nd_release(src);
    nd_release(a);
    nd_dtype_release(dt);
}

/* np.can_cast of a 0-d array goes by its value; other arrays by dtype. */
static void test_can_cast_array_values(void **state) {
    (void)state;
    nd_array *big = nd_scalar(ND_I64(1000), NULL), *small = nd_scalar(ND_I64(100), NULL);
    nd_array *neg = nd_scalar(ND_I64(-1), NULL), *vec = nd_full(1, (int64_t[]){1}, ND_I64(100), I64, 'C');
    assert_non_null(big);
    assert_non_null(small);
    assert_non_null(neg);
    assert_non_null(vec);
    const nd_dtype *i8 = nd_dtype_of(ND_INT8), *u8 = nd_dtype_of(ND_UINT8);
    assert_false(nd_can_cast_array(big, i8, ND_CAST_SAFE));
    assert_true(nd_can_cast_array(small, i8, ND_CAST_SAFE));
    assert_true(nd_can_cast_array(small, u8, ND_CAST_SAFE));
    assert_false(nd_can_cast_array(neg, u8, ND_CAST_SAFE));
    assert_false(nd_can_cast_array(vec, i8, ND_CAST_SAFE)); /* not 0-d: by dtype */
    assert_true(nd_can_cast_array(big, u8, ND_CAST_SAME_KIND));
    assert_true(nd_can_cast_array(vec, i8, ND_CAST_UNSAFE));
    nd_release(big);
    nd_release(small);
    nd_release(neg);
    nd_release(vec);
}

/* Copying between equal multi-field views (dtype with a gap where 'f1'
 * is) writes only the selected fields: the other field keeps its value. */
static void test_copyto_struct_holes(void **state) {
    (void)state;
    const nd_dtype *dt = nd_dtype_parse("i4, i4, f4");
    assert_non_null(dt);
    nd_array *a = nd_zeros(1, (int64_t[]){2}, dt, 'C'), *b = nd_zeros(1, (int64_t[]){2}, dt, 'C');
    assert_non_null(a);
    assert_non_null(b);
    for (int64_t i = 0; i < 2; i++) {
        int32_t x = 2, y = 7;
        memcpy(a->data + 12 * i, &x, 4);
        memcpy(b->data + 12 * i + 4, &y, 4);
    }
    nd_array *dst = nd_fields(b, 2, (const char *const[]){"f0", "f2"});
    nd_array *src = nd_fields(a, 2, (const char *const[]){"f0", "f2"});
    assert_non_null(dst);
    assert_non_null(src);
    assert_true(nd__dtype_has_holes(dst->dtype));
    assert_false(nd__dtype_has_holes(dt));
    assert_int_equal(nd_copyto(dst, src, ND_CAST_SAME_KIND), 0);
    for (int64_t i = 0; i < 2; i++) {
        int32_t x, y;
        memcpy(&x, b->data + 12 * i, 4);
        memcpy(&y, b->data + 12 * i + 4, 4);
        assert_int_equal(x, 2);
        assert_int_equal(y, 7); /* not written */
    }
    nd_release(dst);
    nd_release(src);
    nd_release(a);
    nd_release(b);
    nd_dtype_release(dt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copyto_onto_itself_readonly), cmocka_unit_test(test_copyto_where),
        cmocka_unit_test(test_copy_orders),         cmocka_unit_test(test_copy_3d_orders),
        cmocka_unit_test(test_copy_bad_order),      cmocka_unit_test(test_astype_nocopy),
        cmocka_unit_test(test_astype_values),       cmocka_unit_test(test_astype_casting_errors),
        cmocka_unit_test(test_astype_scalar_values), cmocka_unit_test(test_ascontiguous),
        cmocka_unit_test(test_ascontiguous_0d),     cmocka_unit_test(test_strict_mode),
        cmocka_unit_test(test_copy_counters),       cmocka_unit_test(test_copyto_broadcast),
        cmocka_unit_test(test_copyto_casting),      cmocka_unit_test(test_copyto_readonly),
        cmocka_unit_test(test_copyto_overlap_1d),   cmocka_unit_test(test_copyto_overlap_cast),
        cmocka_unit_test(test_copyto_overlap_2d),   cmocka_unit_test(test_copyto_overlap_stride0),
        cmocka_unit_test(test_copyto_overlap_swapped_cast),
        cmocka_unit_test(test_copyto_struct_overlap),
        cmocka_unit_test(test_copyto_struct_holes),
        cmocka_unit_test(test_can_cast_array_values),
        cmocka_unit_test(test_byteswap_values),
        cmocka_unit_test(test_byteswap_layouts),    cmocka_unit_test(test_byteswap_simd_paths),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    nd__cache_drain();
    return rc;
}
