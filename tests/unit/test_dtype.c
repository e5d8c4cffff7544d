/* test_dtype.c — dtype spellings, attributes, text, newbyteorder, casting
 * rules and promotion, all against NumPy 1.24 tables (cast_cases.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "cast_cases.h"
#include "nd_internal.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Compare one accepted spelling with NumPy's attributes; returns mismatches. */
static int check_accepted(const tc_spelling *c, const nd_dtype *d) {
    int bad = 0;
    char *s = nd_dtype_str(d), *r = nd_dtype_repr(d);
    assert_non_null(s);
    assert_non_null(r);
#define CHECK(cond)                                                          \
    if (!(cond)) {                                                           \
        print_error("spec '%s': %s failed (str %s repr %s)\n", c->spec, #cond, s, r); \
        bad++;                                                               \
    }
    CHECK((int)nd_dtype_type(d) == c->type);
    CHECK(nd_dtype_isnative(d) == !c->swapped);
    CHECK(!strcmp(s, c->str));
    CHECK(!strcmp(r, c->repr));
    CHECK(!strcmp(nd_dtype_name(d), c->name));
    CHECK(nd_dtype_char(d) == c->chr);
    CHECK(nd_dtype_kind(d) == c->kind);
    CHECK(nd_dtype_byteorder(d) == c->byteorder);
    CHECK(nd_dtype_itemsize(d) == c->itemsize);
    CHECK(nd_dtype_alignment(d) == c->alignment);
#undef CHECK
    nd_free(s);
    nd_free(r);
    return bad;
}

static void test_spellings(void **state) {
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < N_OF(tc_spellings); i++) {
        const tc_spelling *c = &tc_spellings[i];
        const nd_dtype *d = nd_dtype_parse(c->spec);
        if (!d) {
            print_error("spec '%s' rejected: %s\n", c->spec, nd_errmsg());
            bad++;
            continue;
        }
        bad += check_accepted(c, d);
        nd_dtype_release(d);
    }
    assert_int_equal(bad, 0);
    assert_true(N_OF(tc_spellings) > 300);
}

static void test_rejects(void **state) {
    (void)state;
    int bad = 0, n[4] = {0};
    for (size_t i = 0; i < N_OF(tc_rejects); i++) {
        const tc_reject *c = &tc_rejects[i];
        nd_clear_error();
        const nd_dtype *d = nd_dtype_parse(c->spec);
        n[c->status]++;
        if (d && c->status == 2 && nd_dtype_type(d) == ND_VOID) {
            /* records, sub-arrays and raw void, which nd has now: NumPy's repr */
            char *r = nd_dtype_repr(d);
            if (!r || strcmp(r, c->msg)) {
                print_error("spec '%s': repr %s, NumPy %s\n", c->spec, r ? r : "NULL", c->msg);
                bad++;
            }
            nd_free(r);
            nd_dtype_release(d);
        } else if (d) {
            print_error("spec '%s' accepted; NumPy status %d (%s)\n", c->spec, c->status, c->msg);
            bad++;
        } else if (c->status == 0 && (nd_errcode() != ND_ETYPE || strcmp(nd_errmsg(), c->msg))) {
            print_error("spec '%s': got %s '%s', want TypeError '%s'\n", c->spec, nd_errclass(), nd_errmsg(),
                        c->msg);
            bad++;
        } else if (c->status == 2 && (nd_errcode() != ND_ETYPE || !strstr(nd_errmsg(), "not supported"))) {
            print_error("spec '%s' (NumPy %s): got %s '%s'\n", c->spec, c->msg, nd_errclass(), nd_errmsg());
            bad++;
        } else if (c->status == 3 && nd_errcode() == ND_OK) {
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    assert_true(n[0] > 1000 && n[2] > 100 && n[3] > 20);
}

/* The spellings the brief names, spelled out for readability. */
static void test_spelling_examples(void **state) {
    (void)state;
    static const struct {
        const char *s;
        nd_type t;
        bool swapped;
    } ex[] = {
        {"half", ND_FLOAT16, false},     {"single", ND_FLOAT32, false},  {"double", ND_FLOAT64, false},
        {"intc", ND_INT32, false},       {"uintc", ND_UINT32, false},    {"byte", ND_INT8, false},
        {"ubyte", ND_UINT8, false},      {"short", ND_INT16, false},     {"ushort", ND_UINT16, false},
        {"longlong", ND_INT64, false},   {"ulonglong", ND_UINT64, false}, {"float_", ND_FLOAT64, false},
        {"complex_", ND_COMPLEX128, false}, {"cfloat", ND_COMPLEX128, false}, {"bool_", ND_BOOL, false},
        {"int", ND_INT64, false},        {"float", ND_FLOAT64, false},   {"complex", ND_COMPLEX128, false},
        {"bool", ND_BOOL, false},        {">f8", ND_FLOAT64, true},      {"<u4", ND_UINT32, false},
        {"c16", ND_COMPLEX128, false},   {"b1", ND_BOOL, false},         {"f2", ND_FLOAT16, false},
        {">i2", ND_INT16, true},         {"=H", ND_UINT16, false},       {"|d", ND_FLOAT64, false},
        {">?", ND_BOOL, false},          {"i8,", ND_INT64, false},       {"i 4", ND_INT32, false},
    };
    for (size_t i = 0; i < N_OF(ex); i++) {
        const nd_dtype *d = nd_dtype_parse(ex[i].s);
        assert_non_null(d);
        assert_int_equal(nd_dtype_type(d), ex[i].t);
        assert_int_equal(nd_dtype_isnative(d), !ex[i].swapped);
    }
    static const char *const bad[] = {">int32", "i3", "f1", "int128", "Int8", "", "<", "e2"};
    for (size_t i = 0; i < N_OF(bad); i++) {
        assert_null(nd_dtype_parse(bad[i]));
        assert_int_equal(nd_errcode(), ND_ETYPE);
        assert_string_equal(nd_errclass(), "TypeError");
    }
    assert_null(nd_dtype_parse("x"));
    assert_string_equal(nd_errmsg(), "data type 'x' not understood");
    static const char *const nosup[] = {"float128", "g", "longdouble", "G", "clongdouble", "f16", "c32",
                                        "O", "S5", "U3", "M8[s]", "datetime64", "i4,O", "2U3"};
    for (size_t i = 0; i < N_OF(nosup); i++) {
        assert_null(nd_dtype_parse(nosup[i]));
        assert_int_equal(nd_errcode(), ND_ETYPE);
        assert_non_null(strstr(nd_errmsg(), "not supported"));
    }
    assert_null(nd_dtype_parse(NULL));
    assert_int_equal(nd_errcode(), ND_ETYPE);
}

/* The dtype the tables call (code, variant): 0 dtype(code), 1 '>' + code,
 * 2 dtype(code).newbyteorder('<').  'q'/'Q' stay distinct from 'l'/'L'. */
static const nd_dtype *code_dtype(char code, int v) {
    char spec[3] = {v == 1 ? '>' : code, v == 1 ? code : 0, 0};
    const nd_dtype *d = nd_dtype_parse(spec);
    assert_non_null(d);
    if (v == 2) d = nd_dtype_newbyteorder(d, '<');
    assert_non_null(d);
    return d;
}

static void test_newbyteorder(void **state) {
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < N_OF(tc_nbos); i++) {
        const tc_nbo *c = &tc_nbos[i];
        const nd_dtype *d = code_dtype(c->code, c->variant);
        const nd_dtype *r = nd_dtype_newbyteorder(d, c->order);
        if (!c->ok) {
            if (r || nd_errcode() != ND_EVALUE || strcmp(nd_errmsg(), c->msg)) {
                print_error("(%c,%d).newbyteorder('%c'): got %p '%s', want '%s'\n", c->code, c->variant, c->order,
                            (void *)r, nd_errmsg(), c->msg);
                bad++;
            }
            continue;
        }
        if (!r) {
            print_error("(%c,%d).newbyteorder('%c') failed: %s\n", c->code, c->variant, c->order, nd_errmsg());
            bad++;
            continue;
        }
        char *s = nd_dtype_str(r), *rp = nd_dtype_repr(r);
        if (strcmp(s, c->str) || strcmp(rp, c->repr) || nd_dtype_char(r) != c->chr ||
            nd_dtype_byteorder(r) != c->byteorder) {
            print_error("(%c,%d).newbyteorder('%c'): got %s %s %c %c want %s %s %c %c\n", c->code, c->variant,
                        c->order, s, rp, nd_dtype_char(r), nd_dtype_byteorder(r), c->str, c->repr, c->chr,
                        c->byteorder);
            bad++;
        }
        nd_free(s);
        nd_free(rp);
        nd_dtype_release(r);
        nd_dtype_release(d);
    }
    assert_int_equal(bad, 0);
}

static void test_can_cast(void **state) {
    (void)state;
    int bad = 0;
    for (int a = 0; a < 16; a++)
        for (int va = 0; va < 3; va++)
            for (int b = 0; b < 16; b++)
                for (int vb = 0; vb < 3; vb++) {
                    const nd_dtype *f = code_dtype(tc_codes[a], va), *t = code_dtype(tc_codes[b], vb);
                    for (int c = 0; c < 5; c++) {
                        bool want = (tc_can_cast[a][va][b][vb] >> c) & 1;
                        if (nd_can_cast(f, t, (nd_casting)c) != want) {
                            print_error("can_cast((%c,%d), (%c,%d), %d): want %d\n", tc_codes[a], va, tc_codes[b],
                                        vb, c, want);
                            bad++;
                        }
                    }
                }
    assert_int_equal(bad, 0);
}

static void test_promote_types(void **state) {
    (void)state;
    int bad = 0;
    for (int a = 0; a < 16; a++)
        for (int va = 0; va < 3; va++)
            for (int b = 0; b < 16; b++)
                for (int vb = 0; vb < 3; vb++) {
                    const nd_dtype *r = nd_promote_types(code_dtype(tc_codes[a], va), code_dtype(tc_codes[b], vb));
                    assert_non_null(r);
                    char *s = nd_dtype_str(r);
                    const tc_promo *w = &tc_promote[a][va][b][vb];
                    if (strcmp(s, w->str) || nd_dtype_char(r) != w->chr || nd_dtype_byteorder(r) != w->byteorder) {
                        print_error("promote((%c,%d), (%c,%d)): got %s %c %c want %s %c %c\n", tc_codes[a], va,
                                    tc_codes[b], vb, s, nd_dtype_char(r), nd_dtype_byteorder(r), w->str, w->chr,
                                    w->byteorder);
                        bad++;
                    }
                    nd_free(s);
                    nd_dtype_release(r);
                }
    assert_int_equal(bad, 0);
}

static void test_casting_parse(void **state) {
    (void)state;
    for (size_t i = 0; i < N_OF(tc_castings); i++) {
        nd_casting c = (nd_casting)99;
        int rc = nd_casting_parse(tc_castings[i].s, &c);
        if (tc_castings[i].value >= 0) {
            assert_int_equal(rc, 0);
            assert_int_equal(c, tc_castings[i].value);
        } else {
            assert_int_equal(rc, ND_EVALUE);
            assert_int_equal(c, 99); /* untouched on failure */
            assert_string_equal(nd_errmsg(), tc_castings[i].msg);
            assert_string_equal(nd_errclass(), "ValueError");
        }
    }
    nd_casting c;
    assert_int_equal(nd_casting_parse(NULL, &c), ND_EVALUE);
}

static void test_builtins(void **state) {
    (void)state;
    for (int t = 0; t < ND_NTYPES; t++) {
        const nd_dtype *d = nd_dtype_of((nd_type)t);
        assert_non_null(d);
        assert_true(nd_dtype_retain(d) == d); /* static: refcounting is a no-op */
        nd_dtype_release(d);
        nd_dtype_release(d);
        assert_true(nd_dtype_of((nd_type)t) == d);
        assert_true(nd_dtype_isnative(d));
        const nd_dtype *s = nd_dtype_newbyteorder(d, 'S');
        assert_true(nd_dtype_equal(d, d));
        assert_int_equal(nd_dtype_equal(d, s), nd_dtype_itemsize(d) == 1);
        assert_true(nd_dtype_equal(nd_dtype_newbyteorder(s, 'S'), d));
        assert_true(nd_can_cast(d, s, ND_CAST_EQUIV));
        /* promote_types always answers in native order */
        assert_true(nd_dtype_isnative(nd_promote_types(s, s)));
    }
    assert_null(nd_dtype_of(ND_NTYPES));
    assert_int_equal(nd_errcode(), ND_ETYPE);
    assert_null(nd_dtype_of((nd_type)-1));
    nd_dtype_release(NULL);
    /* 'q' and 'l' are the same dtype for equality, with their own char */
    const nd_dtype *q = nd_dtype_parse("q"), *l = nd_dtype_parse("l");
    assert_true(nd_dtype_equal(q, l));
    assert_int_equal(nd_dtype_char(q), 'q');
    assert_int_equal(nd_dtype_char(nd_dtype_newbyteorder(q, '>')), 'q');
}

static void *fail_malloc(size_t n, void *ud) {
    (void)n;
    (void)ud;
    return NULL;
}
static void plain_free(void *p, void *ud) {
    (void)ud;
    free(p);
}

static void test_text_oom(void **state) {
    (void)state;
    nd_allocator a = {fail_malloc, plain_free, NULL};
    nd_set_allocator(&a);
    char *s = nd_dtype_str(nd_dtype_of(ND_INT16)), *r = nd_dtype_repr(nd_dtype_of(ND_INT16));
    int code = nd_errcode();
    nd_set_allocator(NULL);
    assert_null(s);
    assert_null(r);
    assert_int_equal(code, ND_ENOMEM);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spellings),      cmocka_unit_test(test_rejects),
        cmocka_unit_test(test_spelling_examples),
        cmocka_unit_test(test_newbyteorder),   cmocka_unit_test(test_can_cast),
        cmocka_unit_test(test_promote_types),  cmocka_unit_test(test_casting_parse),
        cmocka_unit_test(test_builtins),       cmocka_unit_test(test_text_oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
