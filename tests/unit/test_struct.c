/* test_struct.c — structured, sub-array and void dtypes against NumPy 1.24
 * (struct_cases.h, generated): construction, text forms, layout, field
 * views, printing, byte order, .npy headers; plus assignment, errors,
 * refusals of arithmetic and the seed's 16-byte network records. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nd.h"
#include "struct_cases.h"

/* Count a failed check, saying which. */
#define CHECK(idx, cond)                                                             \
    ((cond) ? 0 : (print_message("case %zu: %s failed\n", (size_t)(idx), #cond), 1))

static const nd_dtype *build(const struct_spec *s) {
    if (s->kind == 0) return nd_dtype_parse(s->text);
    if (s->kind == 1) return nd_dtype_from_descr(s->text);
    const nd_dtype *f[4] = {0};
    for (int i = 0; i < s->n; i++) {
        f[i] = nd_dtype_from_descr(s->formats[i]);
        assert_non_null(f[i]);
    }
    const nd_dtype *d = nd_dtype_struct(s->n, s->names, f, s->offsets, s->itemsize, s->align);
    for (int i = 0; i < s->n; i++) nd_dtype_release(f[i]);
    return d;
}

static int same(size_t idx, const char *what, char *got, const char *want) {
    int bad = !got || strcmp(got, want) != 0;
    if (bad) print_message("case %zu %s\n--- numpy:\n%s\n--- nd:\n%s\n", idx, what, want, got ? got : nd_errmsg());
    nd_free(got);
    return bad;
}

/* a's bytes against want where mask is 1 (padding is not compared: NumPy's
 * copies leave it uninitialised). */
static int same_bytes(size_t idx, const char *what, const nd_array *a, const char *want, const char *mask, size_t n) {
    size_t len = 0;
    unsigned char *b = nd_tobytes(a, 'C', &len);
    int bad = !b || len != n;
    for (size_t k = 0; !bad && k < n; k++) bad = mask[k] && b[k] != (unsigned char)want[k];
    if (bad) print_message("case %zu %s: bytes differ\n", idx, what);
    nd_free(b);
    return bad;
}

static int check_fields(size_t i, const struct_case *c, nd_array *a) {
    int bad = 0;
    for (int k = 0; k < c->nf; k++) {
        const field_case *fc = &c->fields[k];
        nd_array *f = nd_field(a, fc->name);
        assert_non_null(f);
        bad += CHECK(i, nd_ndim(f) == fc->ndim);
        for (int d = 0; d < fc->ndim && d < nd_ndim(f); d++)
            bad += CHECK(i, nd_shape(f)[d] == fc->shape[d] && nd_strides(f)[d] == fc->strides[d]);
        bad += CHECK(i, (char *)nd_data(f) - (char *)nd_data(a) == fc->offset);
        bad += CHECK(i, nd_base(f) == a);
        bad += same(i, fc->name, nd_repr(f), fc->repr);
        nd_release(f);
    }
    return bad;
}

static int check_array(size_t i, const struct_case *c, const nd_dtype *d) {
    int64_t n = 3;
    nd_array *a = nd_from_data(1, &n, d, c->data);
    assert_non_null(a);
    int bad = same(i, "array repr", nd_repr(a), c->arepr);
    bad += same(i, "array str", nd_str(a), c->astr);
    nd_array *e0 = nd_index(a, "0");
    assert_non_null(e0);
    bad += same(i, "element str", nd_str(e0), c->e0);
    nd_release(e0);
    bad += check_fields(i, c, a);
    nd_array *sw = nd_byteswap(a, false);
    bad += same_bytes(i, "byteswap", sw, c->swap, c->mask, c->nbytes);
    nd_release(sw);
    nd_array *nb = nd_newbyteorder(a, 'S');
    bad += same(i, "newbyteorder", nd_repr(nb), c->nbo);
    nd_release(nb);
    nd_array *cp = nd_copy(a, 'K');
    bad += same_bytes(i, "copy", cp, c->data, c->mask, c->nbytes);
    nd_release(cp);
    if (c->nfields > 0) {
        const char *names[4];
        for (int k = 0; k < c->nfields; k++) nd_dtype_field(d, c->nfields - 1 - k, &names[k], NULL);
        nd_array *m = nd_fields(a, c->nfields, names);
        bad += same(i, "multi-field", m ? nd_repr(m) : NULL, c->multi);
        nd_release(m);
    }
    if (c->npylen) { /* nd's .npy header is NumPy's, byte for byte */
        char path[] = "/tmp/nd_struct_XXXXXX.npy";
        int fd = mkstemps(path, 4);
        assert_true(fd >= 0);
        close(fd);
        assert_int_equal(nd_save(path, a), 0);
        char hdr[512] = {0};
        FILE *fp = fopen(path, "rb");
        assert_non_null(fp);
        size_t got = fread(hdr, 1, c->npylen, fp);
        fclose(fp);
        if (got != c->npylen || memcmp(hdr, c->npy, c->npylen)) {
            print_message("case %zu npy header\n--- numpy:\n%s--- nd:\n%s\n", i, c->npy, hdr);
            bad++;
        }
        nd_array *back = nd_load(path, NULL);
        bad += CHECK(i, back && nd_dtype_equal(nd_array_dtype(back), d));
        if (back) bad += same_bytes(i, "npy round trip", back, c->data, c->mask, c->nbytes);
        nd_release(back);
        unlink(path);
    }
    nd_release(a);
    return bad;
}

static void test_generated(void **state) {
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof struct_cases / sizeof struct_cases[0]; i++) {
        const struct_case *c = &struct_cases[i];
        const nd_dtype *d = build(&c->spec);
        if (!d) {
            print_message("case %zu: %s\n", i, nd_errmsg());
            bad++;
            continue;
        }
        bad += same(i, "repr", nd_dtype_repr(d), c->repr);
        bad += same(i, "text", nd_dtype_text(d), c->text);
        bad += same(i, "str", nd_dtype_str(d), c->str);
        bad += CHECK(i, strcmp(nd_dtype_name(d), c->name) == 0);
        if (c->descr)
            bad += same(i, "descr", nd_dtype_descr(d), c->descr);
        else
            bad += CHECK(i, nd_dtype_descr(d) == NULL && nd_errcode() == ND_EVALUE);
        bad += CHECK(i, nd_dtype_itemsize(d) == c->itemsize && nd_dtype_alignment(d) == c->alignment);
        bad += CHECK(i, nd_dtype_isnative(d) == c->isnative && nd_dtype_isalignedstruct(d) == c->aligned);
        bad += CHECK(i, nd_dtype_nfields(d) == c->nfields);
        const nd_dtype *s = nd_dtype_newbyteorder(d, 'S');
        bad += same(i, "swapped", nd_dtype_repr(s), c->swapped);
        nd_dtype_release(s);
        if (c->descr) { /* the descr literal rebuilds an equal dtype */
            const nd_dtype *r = nd_dtype_from_descr(c->descr);
            bad += CHECK(i, r && (!c->data || nd_dtype_equal(r, d)));
            nd_dtype_release(r);
        }
        if (c->data) bad += check_array(i, c, d);
        nd_dtype_release(d);
    }
    assert_int_equal(bad, 0);
}

static void test_bad_constructions(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof struct_bads / sizeof struct_bads[0]; i++) {
        const struct_bad *b = &struct_bads[i];
        assert_null(build(&b->spec));
        assert_string_equal(nd_errclass(), b->cls);
        assert_string_equal(nd_errmsg(), b->msg);
    }
}

static const nd_dtype *rec(void) {
    const nd_dtype *d = nd_dtype_parse("u4,f8");
    assert_non_null(d);
    return d;
}

static void test_field_errors(void **state) {
    (void)state;
    const nd_dtype *d = rec();
    int64_t n = 2;
    nd_array *a = nd_zeros(1, &n, d, 'C'), *x = nd_arange(0, 3, 1, NULL);
    assert_null(nd_field(a, "z"));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "no field of name z");
    const char *bad[] = {"f0", "z"}, *dup[] = {"f0", "f0"};
    assert_null(nd_fields(a, 2, bad));
    assert_int_equal(nd_errcode(), ND_EKEY);
    assert_string_equal(nd_errmsg(), "z");
    assert_null(nd_fields(a, 2, dup));
    assert_string_equal(nd_errmsg(), "duplicate field of name 'f0'");
    assert_null(nd_field(x, "f0"));
    assert_int_equal(nd_errcode(), ND_EINDEX);
    assert_null(nd_dtype_field(d, 2, NULL, NULL));
    assert_int_equal(nd_dtype_field_index(d, "f1"), 1);
    assert_int_equal(nd_dtype_field_index(d, "nope"), -1);
    assert_int_equal(nd_dtype_nfields(nd_dtype_of(ND_INT8)), -1);
    nd_release(a);
    nd_release(x);
    nd_dtype_release(d);
}

/* Field views write through to the records; a read-only parent gives
 * read-only fields. */
static void test_field_views_write_through(void **state) {
    (void)state;
    const nd_dtype *d = rec();
    int64_t n = 4;
    nd_array *a = nd_zeros(1, &n, d, 'C');
    nd_array *x = nd_field(a, "f1");
    assert_int_equal(nd_fill(x, ND_F64(2.5)), 0);
    nd_array *y = nd_field(a, "f0");
    int64_t i = 1;
    assert_int_equal(nd_set(y, &i, ND_I64(7)), 0);
    char *s = nd_str(a);
    assert_string_equal(s, "[(0, 2.5) (7, 2.5) (0, 2.5) (0, 2.5)]");
    nd_free(s);
    assert_int_equal(nd_shares_memory(x, y, -1), 0); /* disjoint bytes of the same records */
    assert_int_equal(nd_may_share_memory(x, y), 1);
    assert_int_equal(nd_set_writeable(a, false), 0);
    nd_array *z = nd_field(a, "f0");
    assert_false(nd_flags(z) & ND_WRITEABLE);
    assert_int_equal(nd_fill(z, ND_I64(1)), ND_EREADONLY);
    nd_release(z);
    nd_release(x);
    nd_release(y);
    nd_release(a);
    nd_dtype_release(d);
}

/* NumPy 1.24: records assign by field position, numbers fill every field,
 * a two-field record cannot become a number. */
static void test_assignment(void **state) {
    (void)state;
    const nd_dtype *d = rec(), *e = nd_dtype_parse("i8,f4"), *i8 = nd_dtype_of(ND_INT64);
    int64_t n = 2;
    nd_array *a = nd_zeros(1, &n, d, 'C'), *b = nd_zeros(1, &n, e, 'C');
    nd_array *b0 = nd_field(b, "f0"), *b1 = nd_field(b, "f1");
    nd_fill(b0, ND_I64(5));
    nd_fill(b1, ND_F64(1.5));
    assert_int_equal(nd_copyto(a, b, ND_CAST_UNSAFE), 0);
    char *s = nd_str(a);
    assert_string_equal(s, "[(5, 1.5) (5, 1.5)]");
    nd_free(s);
    nd_array *num = nd_arange(3, 5, 1, NULL);
    assert_int_equal(nd_copyto(a, num, ND_CAST_UNSAFE), 0);
    s = nd_str(a);
    assert_string_equal(s, "[(3, 3.) (4, 4.)]");
    nd_free(s);
    assert_int_not_equal(nd_copyto(a, num, ND_CAST_SAFE), 0);
    assert_null(nd_astype(a, i8, 'K', ND_CAST_UNSAFE, true));
    assert_string_equal(nd_errmsg(),
                        "Cannot cast array data from dtype([('f0', '<u4'), ('f1', '<f8')]) to dtype('int64') "
                        "according to the rule 'unsafe'");
    nd_array *full = nd_full(1, &n, ND_I64(9), d, 'C');
    s = nd_repr(full);
    assert_string_equal(s, "array([(9, 9.), (9, 9.)], dtype=[('f0', '<u4'), ('f1', '<f8')])");
    nd_free(s);
    nd_release(full);
    nd_release(num);
    nd_release(b0);
    nd_release(b1);
    nd_release(a);
    nd_release(b);
    nd_dtype_release(d);
    nd_dtype_release(e);
}

/* No arithmetic, reductions or sorts on records: clear errors, nothing written. */
static void test_refusals(void **state) {
    (void)state;
    const nd_dtype *d = rec();
    int64_t n = 3, i = 0;
    nd_array *a = nd_zeros(1, &n, d, 'C');
    nd_value v;
    assert_null(nd_apply(ND_ADD, a, a, NULL));
    assert_string_equal(nd_errclass(), "UFuncTypeError");
    assert_string_equal(nd_errmsg(), "ufunc 'add' did not contain a loop with signature matching types "
                                     "(dtype([('f0', '<u4'), ('f1', '<f8')]), dtype([('f0', '<u4'), ('f1', '<f8')])) "
                                     "-> None");
    assert_null(nd_sum(a, -1, NULL, false, NULL));
    assert_int_equal(nd_errcode(), ND_ECAST); /* NumPy's _UFuncNoLoopError; sorting works (test_struct_ops.c) */
    assert_null(nd_cumsum(a, 0, NULL));
    assert_int_equal(nd_get(a, &i, &v), ND_ETYPE);
    assert_int_equal(nd_set(a, &i, ND_I64(1)), ND_ETYPE);
    assert_int_equal(nd_item(a, 0, &v), ND_ETYPE);
    assert_null(nd_promote_types(d, nd_dtype_of(ND_FLOAT64)));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    const nd_dtype *v8 = nd_dtype_parse("V8");
    nd_array *raw = nd_zeros(1, &n, v8, 'C');
    assert_int_equal(nd_fill(raw, ND_I64(1)), ND_ETYPE);
    nd_release(raw);
    nd_dtype_release(v8);
    nd_release(a);
    nd_dtype_release(d);
}

/* The seed's networking example: 1,000,000 16-byte records in a byte
 * buffer viewed with no copy, one field summed. */
static void test_network_records(void **state) {
    (void)state;
    enum { N = 1000000 };
    unsigned char *buf = malloc((size_t)N * 16);
    assert_non_null(buf);
    for (uint32_t k = 0; k < N; k++) {
        uint32_t id = k, port = k % 65536, len = k % 1500;
        float w = (float)(k % 7);
        memcpy(buf + 16 * (size_t)k, &id, 4);
        memcpy(buf + 16 * (size_t)k + 4, &port, 4);
        memcpy(buf + 16 * (size_t)k + 8, &len, 4);
        memcpy(buf + 16 * (size_t)k + 12, &w, 4);
    }
    const nd_dtype *d = nd_dtype_from_descr("[('id', '<u4'), ('port', '<u4'), ('length', '<u4'), ('w', '<f4')]");
    assert_non_null(d);
    nd_array *recs = nd_frombuffer(buf, (size_t)N * 16, true, d, -1, 0, NULL, NULL);
    assert_non_null(recs);
    assert_ptr_equal(nd_data(recs), buf);
    nd_array *len = nd_field(recs, "length");
    assert_int_equal(nd_strides(len)[0], 16);
    nd_array *s = nd_sum(len, -1, NULL, false, NULL);
    nd_value v;
    assert_int_equal(nd_item(s, INT64_MIN, &v), 0);
    uint64_t want = 0;
    for (uint32_t k = 0; k < N; k++) want += k % 1500;
    assert_int_equal(v.u, want);
    nd_release(s);
    nd_release(len);
    nd_release(recs);
    nd_dtype_release(d);
    free(buf);
}

static void test_subarray_creation(void **state) {
    (void)state;
    const nd_dtype *d = nd_dtype_parse("(2,3)f4");
    int64_t n = 4;
    nd_array *a = nd_zeros(1, &n, d, 'C');
    assert_int_equal(nd_ndim(a), 3);
    assert_int_equal(nd_shape(a)[2], 3);
    assert_int_equal(nd_dtype_type(nd_array_dtype(a)), ND_FLOAT32);
    int ndim;
    int64_t shape[ND_MAXDIMS];
    assert_int_equal(nd_dtype_type(nd_dtype_subdtype(d, &ndim, shape)), ND_FLOAT32);
    assert_int_equal(ndim, 2);
    assert_null(nd_dtype_subdtype(nd_dtype_of(ND_INT8), NULL, NULL));
    int64_t neg = -1;
    assert_null(nd_dtype_subarray(nd_dtype_of(ND_INT8), 1, &neg));
    assert_string_equal(nd_errmsg(), "invalid shape in fixed-type tuple: dimension smaller then zero.");
    /* NumPy keeps these in C ints (the fuzzer found a hang and an overflow past them) */
    assert_null(nd_dtype_subarray(nd_dtype_of(ND_INT8), 2, (int64_t[]){4294967296, 0}));
    assert_string_equal(nd_errmsg(), "invalid shape in fixed-type tuple: dimension does not fit into a C int.");
    assert_null(nd_dtype_subarray(nd_dtype_of(ND_INT64), 1, (int64_t[]){1 << 30}));
    assert_string_equal(nd_errmsg(), "invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.");
    assert_null(nd_dtype_parse("(9223372036854775807,)i1"));
    assert_null(nd_dtype_from_descr("[('v', '(4294967296,0)<i2')]"));
    /* NumPy's a.view('(2,)i4') of int64: same itemsize, dims appended */
    nd_array *x = nd_arange(0, 8, 1, NULL);
    const nd_dtype *d2 = nd_dtype_parse("(2,)i4"), *d3 = nd_dtype_parse("(3,)i4");
    nd_array *v = nd_view_dtype(x, d2);
    assert_non_null(v);
    assert_int_equal(nd_ndim(v), 2);
    assert_int_equal(nd_shape(v)[1], 2);
    assert_int_equal(nd_strides(v)[0], 8);
    assert_int_equal(nd_strides(v)[1], 4);
    assert_ptr_equal(nd_base(v), x);
    assert_null(nd_view_dtype(x, d3));
    assert_string_equal(nd_errmsg(), "Changing the dtype to a subarray type is only supported if the total itemsize "
                                     "is unchanged");
    /* places nd does not expand them refuse, touching nothing */
    assert_null(nd_astype(x, d2, 'K', ND_CAST_UNSAFE, true));
    assert_null(nd_memmap("/nonexistent/nd_struct_never_created", d2, "w+", 0, 1, &n, 'C'));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    nd_release(v);
    nd_release(x);
    nd_dtype_release(d2);
    nd_dtype_release(d3);
    nd_release(a);
    nd_dtype_release(d);
}

static void test_descr_errors(void **state) {
    (void)state;
    /* NumPy wraps these sizes into a C int; nd refuses them */
    assert_null(nd_dtype_parse("V99999999999999"));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    assert_null(nd_dtype_parse("V-1"));
    const char *bad[] = {"", "[", "[('a',)]", "[(1, '<i4')]", "[('a', '<x9')]", "{'a': 1}", "[(('t', 'a'), '<i4')]",
                         "('<i4', (-1,))", "[('a', '|O')]"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(nd_dtype_from_descr(bad[i]));
        assert_true(nd_errcode() == ND_EVALUE || nd_errcode() == ND_ETYPE);
    }
}


/* Every array operation given records either works on whole records
 * (views, copies, joins, fancy indexing, shuffles) or fails cleanly. */
static void release_if(nd_array *r) { nd_release(r); }

static void test_sweep(void **state) {
    (void)state;
    const nd_dtype *d = nd_dtype_parse("i2,(2)f4,u1");
    int64_t n = 6, two = 2, shape[2] = {2, 3};
    nd_array *a = nd_zeros(1, &n, d, 'C'), *m = nd_reshape(a, 2, shape, 'C', ND_COPY_IF_NEEDED);
    nd_array *x = nd_arange(0, 6, 1, NULL), *idx = nd_arange(0, 6, 2, NULL);
    nd_array *two_s = nd_scalar(ND_I64(2), NULL), *mask = nd_apply(ND_GREATER, x, two_s, NULL);
    nd_array *arrs[2] = {a, a}, *mixed[2] = {a, x};
    nd_random *rng = nd_random_new(1);
    nd_value v;
    int64_t i0 = 0;
    assert_non_null(mask);
    /* work on whole records */
    nd_array *ok[] = {nd_copy(a, 'F'), nd_flatten(m, 'F'), nd_ravel(m, 'F', ND_COPY_IF_NEEDED),
                      nd_transpose(m, NULL), nd_ascontiguousarray(m), nd_asfortranarray(m),
                      nd_index_arrays(a, "{0}", &idx, 1), nd_index_arrays(a, "{0}", &mask, 1),
                      nd_take(a, idx, 0), nd_compress(mask, a, 0), nd_concatenate(2, (const nd_array *const *)arrs, 0),
                      nd_stack(2, (const nd_array *const *)arrs, 0), nd_repeat_n(a, 2, 0), nd_tile(a, 1, &two),
                      nd_roll(a, 1, &two, NULL), nd_flip(a, -1, NULL), nd_broadcast_to(a, 2, (int64_t[]){2, 6}),
                      nd_random_permutation(rng, a, 0), nd_empty_like(a, NULL, 'K'), nd_zeros_like(a, NULL, 'K'),
                      nd_astype(a, d, 'K', ND_CAST_NO, true), nd_view_dtype(a, nd_dtype_of(ND_UINT8)),
                      nd_where(mask, a, a), nd_eye(3, 3, 0, d), nd_linspace(0, 1, 4, true, d),
                      nd_ones_like(a, NULL, 'K')};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
        if (!ok[k]) print_message("op %zu failed: %s\n", k, nd_errmsg());
        assert_non_null(ok[k]);
        assert_true(nd_dtype_equal(nd_array_dtype(ok[k]), d) || nd_dtype_type(nd_array_dtype(ok[k])) == ND_UINT8);
        nd_release(ok[k]);
    }
    assert_int_equal(nd_random_shuffle(rng, a), 0);
    assert_int_equal(nd_setitem_str(a, "{0}", &idx, 1, a), ND_EVALUE); /* shape mismatch (3 vs 6) */
    nd_array *three = nd_index(a, ":3");
    assert_int_equal(nd_setitem_str(a, "{0}", &idx, 1, three), 0);
    nd_release(three);
    /* refused, with an error set */
    nd_array *refused[] = {nd_apply(ND_NEGATIVE, a, NULL, NULL), nd_apply(ND_EQUAL, a, a, NULL),
                           nd_amax(a, -1, NULL, false), nd_mean(a, -1, NULL, false, NULL),
                           nd_std(a, -1, NULL, 0, false, NULL), nd_any(a, -1, NULL, false),
                           nd_count_nonzero(a, 0, (int[]){0}, false), nd_argmax(a, 0, false), nd_cumprod(a, 0, NULL),
                           nd_clip(a, x, x, NULL),
                           nd_isclose(a, a, 1e-5, 1e-8, false), nd_astype(a, nd_dtype_of(ND_FLOAT64), 'K', ND_CAST_UNSAFE, true),
                           nd_concatenate(2, (const nd_array *const *)mixed, 0),
                           nd_arange(0, 3, 1, d), nd_random_randint(rng, 0, 3, 1, &n, d)};
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        if (refused[k]) print_message("op %zu should fail\n", k);
        assert_null(refused[k]);
        assert_int_not_equal(nd_errcode(), ND_OK);
    }
    assert_true(nd_allclose(a, a, 1e-5, 1e-8, false) < 0);
    assert_true(nd_array_equal(a, x, false) <= 0);
    assert_true(nd_sort_inplace(a, 5, NULL) < 0); /* a bad axis; records sort (test_struct_ops.c) */
    assert_true(nd_get(a, &i0, &v) < 0);
    assert_null(nd_to_dlpack(a));
    release_if(mask);
    nd_release(two_s);
    nd_random_free(rng);
    nd_release(idx);
    nd_release(x);
    nd_release(m);
    nd_release(a);
    nd_dtype_release(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated),
        cmocka_unit_test(test_bad_constructions),
        cmocka_unit_test(test_field_errors),
        cmocka_unit_test(test_field_views_write_through),
        cmocka_unit_test(test_assignment),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_network_records),
        cmocka_unit_test(test_subarray_creation),
        cmocka_unit_test(test_descr_errors),
        cmocka_unit_test(test_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
