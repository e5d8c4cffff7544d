/* test_npy.c — .npy save/load: exact headers, every dtype and layout,
 * mmap loading, hostile headers, and a bounded fuzz of the header parser. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "io/io.h"

static char dir[64];

static int setup(void **state) {
    (void)state;
    strcpy(dir, "/tmp/nd_npy_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *path(const char *name) {
    static char buf[4][160];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

static void write_file(const char *p, const void *data, size_t n) {
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    if (n) assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static size_t read_file(const char *p, char *out, size_t cap) {
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    size_t n = fread(out, 1, cap, f);
    fclose(f);
    return n;
}

static bool exists(const char *p) {
    struct stat st;
    return stat(p, &st) == 0;
}

static void test_header_bytes(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, NULL);
    assert_int_equal(nd_save(path("a.npy"), a), 0);
    char buf[256];
    size_t n = read_file(path("a.npy"), buf, sizeof buf);
    assert_int_equal(n, 128 + 24);
    char want[129];
    snprintf(want, sizeof want, "\x93NUMPY\x01%cv%c{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }%60s\n", 0,
             0, "");
    assert_memory_equal(buf, want, 128);
    nd_release(a);
    /* np.save appends .npy when the name lacks it. */
    a = nd_zeros(0, (int64_t[]){0}, nd_dtype_of(ND_FLOAT64), 'C');
    assert_int_equal(nd_save(path("noext"), a), 0);
    assert_true(exists(path("noext.npy")));
    assert_false(exists(path("noext")));
    n = read_file(path("noext.npy"), buf, sizeof buf);
    assert_int_equal(n, 128 + 8);
    assert_memory_equal(buf + 10, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 55);
    nd_release(a);
}

/* Save then load, compare everything NumPy would. */
static void roundtrip(nd_array *a, const char *name, bool fortran) {
    assert_int_equal(nd_save(path(name), a), 0);
    nd_array *b = nd_load(path(name), NULL);
    assert_non_null(b);
    assert_true(nd_dtype_equal(nd_array_dtype(a), nd_array_dtype(b)));
    assert_int_equal(nd_ndim(a), nd_ndim(b));
    for (int i = 0; i < nd_ndim(a); i++) assert_int_equal(nd_shape(a)[i], nd_shape(b)[i]);
    size_t la, lb;
    char *ba = nd_tobytes(a, 'C', &la), *bb = nd_tobytes(b, 'C', &lb);
    assert_int_equal(la, lb);
    if (la) assert_memory_equal(ba, bb, la);
    nd_free(ba);
    nd_free(bb);
    if (fortran) { /* NumPy's load gives a transposed view of a 1-d array */
        assert_true(nd_flags(b) & ND_F_CONTIGUOUS);
        assert_non_null(nd_base(b));
        assert_false(nd_flags(b) & ND_OWNDATA);
    } else {
        assert_true(nd_flags(b) & ND_C_CONTIGUOUS);
        assert_null(nd_base(b));
        assert_true(nd_flags(b) & ND_OWNDATA);
    }
    nd_release(b);
}

static void test_all_dtypes(void **state) {
    (void)state;
    for (int t = 0; t < ND_NTYPES; t++)
        for (int sw = 0; sw < 2; sw++) {
            const nd_dtype *dt = nd__dtype_builtin((nd_type)t, sw);
            nd_array *a = nd_empty(2, (int64_t[]){2, 3}, dt, 'C');
            for (int64_t i = 0; i < 6; i++) nd__store(dt, (char *)nd_data(a) + i * nd_dtype_itemsize(dt), ND_I64(i + 1));
            roundtrip(a, "t.npy", false);
            nd_array *f = nd_copy(a, 'F');
            roundtrip(f, "f.npy", true);
            nd_release(f);
            nd_release(a);
        }
}

static void test_layouts(void **state) {
    (void)state;
    /* Non-contiguous: saved compact in C order (NumPy: strides (8,)). */
    nd_array *a = nd_arange(0, 10, 1, NULL);
    nd_array *v = nd__view_new(a, 1, nd_array_dtype(a));
    v->shape[0] = 5;
    v->strides[0] = 16;
    nd__update_flags(v);
    roundtrip(v, "s.npy", false);
    nd_array *b = nd_load(path("s.npy"), NULL);
    assert_int_equal(nd_strides(b)[0], 8);
    nd_value x;
    nd_item(b, 4, &x);
    assert_int_equal(x.i, 8);
    nd_release(b);
    nd_release(v);
    /* 2-d non-contiguous larger than one staging block row. */
    nd_array *m = nd_arange(0, 4096 * 6, 1, nd_dtype_of(ND_INT32));
    nd_array *w = nd__view_new(m, 2, nd_array_dtype(m));
    w->shape[0] = 3, w->shape[1] = 4096;
    w->strides[0] = 4096 * 8, w->strides[1] = 4;
    nd__update_flags(w);
    roundtrip(w, "w.npy", false);
    nd_release(w);
    nd_release(m);
    /* Zero-size and 0-d. */
    nd_array *z = nd_zeros(2, (int64_t[]){0, 3}, nd_dtype_of(ND_INT8), 'C');
    roundtrip(z, "z.npy", false);
    nd_release(z);
    nd_array *s = nd_full(0, (int64_t[]){0}, ND_F64(3.5), NULL, 'C');
    roundtrip(s, "0.npy", false);
    nd_release(s);
    nd_release(a);
}

static void test_mmap_load(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_INT32));
    assert_int_equal(nd_save(path("m.npy"), a), 0);
    nd_array *r = nd_load(path("m.npy"), "r");
    assert_non_null(r);
    assert_true(nd_is_memmap(r));
    assert_false(nd_flags(r) & ND_WRITEABLE);
    assert_null(nd_base(r));
    assert_int_equal((uintptr_t)nd_data(r) % 64, 0);
    nd_value v;
    nd_item(r, 5, &v);
    assert_int_equal(v.i, 5);
    nd_release(r);
    r = nd_load(path("m.npy"), "r+");
    assert_int_equal(nd_set(r, (int64_t[]){0}, ND_I64(77)), 0);
    nd_release(r);
    r = nd_load(path("m.npy"), "c");
    nd_item(r, 0, &v);
    assert_int_equal(v.i, 77);
    assert_int_equal(nd_set(r, (int64_t[]){0}, ND_I64(1)), 0);
    nd_release(r);
    r = nd_load(path("m.npy"), NULL);
    nd_item(r, 0, &v);
    assert_int_equal(v.i, 77);
    nd_release(r);
    assert_null(nd_load(path("m.npy"), "w+"));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    assert_null(nd_load(path("m.npy"), "x"));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    /* Fortran order maps with Fortran strides. */
    nd_array *g = nd_copy(a, 'C');
    nd_array *t = nd__view_new(g, 2, nd_array_dtype(g));
    t->shape[0] = 3, t->shape[1] = 2;
    t->strides[0] = 4, t->strides[1] = 12;
    nd__update_flags(t);
    assert_int_equal(nd_save(path("mf.npy"), t), 0);
    r = nd_load(path("mf.npy"), "readonly");
    assert_int_equal(nd_strides(r)[0], 4);
    assert_int_equal(nd_strides(r)[1], 12);
    nd_release(r);
    nd_release(t);
    nd_release(g);
    nd_release(a);
}

/* A .npy file with the given header text (version ver) and data. */
static void make_npy(const char *p, const char *h, int ver, size_t ndata) {
    size_t hl = strlen(h), lb = ver == 1 ? 2 : 4;
    char *b = calloc(1, 8 + lb + hl + ndata + 1);
    memcpy(b, "\x93NUMPY", 6);
    b[6] = (char)ver;
    for (size_t i = 0; i < lb; i++) b[8 + i] = (char)(hl >> (8 * i));
    memcpy(b + 8 + lb, h, hl);
    write_file(p, b, 8 + lb + hl + ndata);
    free(b);
}

static void expect_load(const char *h, size_t ndata, int code, const char *msg) {
    make_npy(path("h.npy"), h, 1, ndata);
    nd_array *a = nd_load(path("h.npy"), NULL);
    if (!code) {
        assert_non_null(a);
        nd_release(a);
        return;
    }
    assert_null(a);
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
    /* the mmap path parses the same header the same way */
    if (code != ND_EVALUE || strncmp(msg, "cannot reshape", 14)) assert_null(nd_load(path("h.npy"), "r"));
}

static void test_hostile_headers(void **state) {
    (void)state;
    const char *ok = "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }";
    expect_load("[1,2]", 24, ND_EVALUE, "Header is not a dictionary: [1, 2]");
    expect_load("{'descr': '<i8', 'fortran_order': False}", 24, ND_EVALUE,
                "Header does not contain the correct keys: ['descr', 'fortran_order']");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), 'x':1}", 24, ND_EVALUE,
                "Header does not contain the correct keys: ['descr', 'fortran_order', 'shape', 'x']");
    expect_load("{'descr': '<q8', 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "descr is not a valid dtype descriptor: '<q8'");
    expect_load("{'descr': [('a','<x4')], 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "descr is not a valid dtype descriptor: [('a', '<x4')]");
    expect_load("{'descr': [('a',)], 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "not enough values to unpack (expected 3, got 1)");
    expect_load("{'descr': [(1,'<i4')], 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "field names must be strings");
    expect_load("{'descr': [('a','<i4'),('a','<i4')], 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "name already used as a name or title");
    expect_load("{'descr': ('<i4',(2,)), 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "cannot reshape array of size 6 into shape (3,)");
    expect_load("{'descr': [('a','|O')], 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "Object arrays cannot be loaded when allow_pickle=False");
    expect_load("{'descr': [('a','<i4'),('b','<i2',(2,))], 'fortran_order': False, 'shape': (3,), }", 24, 0, NULL);
    expect_load("{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", 24, ND_EVALUE,
                "Object arrays cannot be loaded when allow_pickle=False");
    expect_load("{'descr': '<i8', 'fortran_order': 0, 'shape': (3,), }", 24, ND_EVALUE,
                "fortran_order is not a valid bool: 0");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': [3], }", 24, ND_EVALUE, "shape is not valid: [3]");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (3.0,), }", 24, ND_EVALUE,
                "shape is not valid: (3.0,)");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (100000000000000000000,), }", 24, ND_EOVERFLOW,
                "Python int too large to convert to C long");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (4294967296,4294967296), }", 24, ND_EVALUE,
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (-3,), }", 24, ND_EVALUE,
                "negative dimensions are not allowed");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), ", 24, ND_EVALUE,
                "Cannot parse header: \"{'descr': '<i8', 'fortran_order': False, 'shape': (3,), \"");
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (3L,), }", 24, 0, NULL);
    expect_load("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), 'descr': '<i4'}", 4, 0, NULL);
    expect_load("{\"descr\": \"<i8\", 'fortran_order': False, 'shape': (1,)}", 8, 0, NULL);
    expect_load("  {'shape':(2,),'fortran_order':True,'descr':'<i2'}  \n", 4, 0, NULL);
    expect_load(ok, 16, ND_EVALUE, "cannot reshape array of size 2 into shape (3,)");
    expect_load("{'descr': '<i8', 'fortran_order': True, 'shape': (2, 3), }", 40, ND_EVALUE,
                "cannot reshape array of size 5 into shape (3, 2)");
    expect_load("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1", 0, ND_EVALUE,
                "Cannot parse header: '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1'");
    char big[10100];
    snprintf(big, sizeof big, "%s%10000s", ok, "");
    expect_load(big, 24, ND_EVALUE,
                "Header info length (10057) is large and may not be safe to load securely.\nTo allow loading, adjust "
                "`max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\nFor safety against large "
                "resource use or crashes, sandboxing may be necessary.");
    /* Versions 2.0 and 3.0 load; 4.0 does not. */
    for (int ver = 2; ver <= 4; ver++) {
        make_npy(path("v.npy"), ok, ver, 24);
        nd_array *a = nd_load(path("v.npy"), NULL);
        if (ver < 4) {
            assert_non_null(a);
            nd_release(a);
        } else {
            assert_null(a);
            assert_string_equal(nd_errmsg(), "we only support format version (1,0), (2,0), and (3,0), not (4, 0)");
        }
    }
}

static void expect_file(const void *bytes, size_t n, int code, const char *msg) {
    write_file(path("b.npy"), bytes, n);
    assert_null(nd_load(path("b.npy"), NULL));
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
}

static void test_bad_files(void **state) {
    (void)state;
    expect_file("", 0, ND_EVALUE, "No data left in file");
    expect_file("\x93NUMP", 5, ND_EVALUE, "Cannot load file containing pickled data when allow_pickle=False");
    expect_file("hello world, not npy", 20, ND_EVALUE, "Cannot load file containing pickled data when allow_pickle=False");
    expect_file("\x93NUMPY\x01", 7, ND_EVALUE, "EOF: reading magic string, expected 8 bytes got 7");
    expect_file("\x93NUMPY\x01\x00v", 9, ND_EVALUE, "EOF: reading array header length, expected 2 bytes got 1");
    expect_file("\x93NUMPY\x01\x00\xff\x00{}", 12, ND_EVALUE, "EOF: reading array header, expected 255 bytes got 2");
    expect_file("\x93NUMPY\x02\x00\xff\xff\xff\xff{}", 14, ND_EVALUE,
                "EOF: reading array header, expected 4294967295 bytes got 2");
    char msg[256];
    snprintf(msg, sizeof msg, "[Errno 2] No such file or directory: '%s'", path("none.npy"));
    assert_null(nd_load(path("none.npy"), NULL));
    assert_int_equal(nd_errcode(), ND_ENOENT);
    assert_string_equal(nd_errmsg(), msg);
    assert_null(nd_load(dir, NULL));
    assert_int_equal(nd_errcode(), ND_EISDIR);
}

static void test_save_errors(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, NULL);
    assert_int_equal(nd_save(path("nodir/x.npy"), a), ND_ENOENT);
    char d[200];
    snprintf(d, sizeof d, "%s/sub.npy", dir);
    mkdir(d, 0755);
    assert_int_equal(nd_save(d, a), ND_EISDIR);
    nd_release(a);
}

/* Bounded fuzz: mutate a valid header and parse; nothing may crash (ASan
 * watches) and every failure must come with an error set. */
static void test_fuzz_header(void **state) {
    (void)state;
    const char *seed = "{'descr': '<i8', 'fortran_order': False, 'shape': (3, 4), }";
    const char alphabet[] = "{}()[]'\",:- 0123456789LTFNrue<>|if8x\\\n#.";
    char buf[128];
    unsigned r = 12345;
    for (int it = 0; it < 20000; it++) {
        size_t n = strlen(seed);
        memcpy(buf, seed, n);
        int edits = 1 + (int)((r = r * 1103515245 + 12345) >> 16) % 4;
        for (int e = 0; e < edits; e++) {
            r = r * 1103515245 + 12345;
            size_t pos = (r >> 8) % n;
            int op = (int)(r >> 20) % 3;
            char c = alphabet[(r >> 4) % (sizeof alphabet - 1)];
            if (op == 0) buf[pos] = c;
            else if (op == 1 && n > 1) memmove(buf + pos, buf + pos + 1, n - pos - 1), n--;
            else if (n < sizeof buf - 1) memmove(buf + pos + 1, buf + pos, n - pos), buf[pos] = c, n++;
        }
        nd_npy_info info = {0};
        char *h = malloc(n); /* exact size, so ASan sees any overread */
        memcpy(h, buf, n);
        int rc = nd__npy_parse_header(h, n, 1, &info);
        free(h);
        if (rc == 0) {
            assert_non_null(info.dtype);
            nd_dtype_release(info.dtype);
        } else {
            assert_true(nd_errcode() < 0);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_bytes),   cmocka_unit_test(test_all_dtypes),
        cmocka_unit_test(test_layouts),        cmocka_unit_test(test_mmap_load),
        cmocka_unit_test(test_hostile_headers), cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_save_errors),    cmocka_unit_test(test_fuzz_header),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
