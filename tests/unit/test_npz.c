/* test_npz.c — .npz archives: names, stored and deflated members, damaged
 * archives, and a bounded fuzz of the zip reader. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "nd_internal.h"

static char dir[64];

static int setup(void **state) {
    (void)state;
    strcpy(dir, "/tmp/nd_npz_XXXXXX");
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

static long file_size(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static char *slurp(const char *p, size_t *n) {
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(*n + 1);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static void spit(const char *p, const char *b, size_t n) {
    FILE *f = fopen(p, "wb");
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
}

static void assert_same(const nd_array *a, const nd_array *b) {
    assert_true(nd_dtype_equal(nd_array_dtype(a), nd_array_dtype(b)));
    assert_int_equal(nd_ndim(a), nd_ndim(b));
    for (int i = 0; i < nd_ndim(a); i++) assert_int_equal(nd_shape(a)[i], nd_shape(b)[i]);
    size_t la, lb;
    char *x = nd_tobytes(a, 'C', &la), *y = nd_tobytes(b, 'C', &lb);
    assert_int_equal(la, lb);
    if (la) assert_memory_equal(x, y, la);
    nd_free(x);
    nd_free(y);
}

static void roundtrip(bool compress) {
    nd_array *a = nd_arange(0, 100000, 1, NULL);
    nd_array *b = nd_copy(a, 'C');
    nd_array *f = nd_ones(2, (int64_t[]){3, 5}, nd_dtype_parse(">f4"), 'F');
    nd_array *z = nd_zeros(1, (int64_t[]){0}, nd_dtype_of(ND_BOOL), 'C');
    const nd_array *arrs[4] = {a, f, b, z};
    const char *names[4] = {NULL, "f", NULL, "empty"};
    assert_int_equal(nd_savez(path("r"), 4, names, arrs, compress), 0);
    assert_true(file_size(path("r.npz")) > 0);
    if (compress) assert_true(file_size(path("r.npz")) < 400000);
    nd_npz *zf = nd_npz_open(path("r.npz"));
    assert_non_null(zf);
    assert_int_equal(nd_npz_count(zf), 4);
    const char *want[4] = {"arr_0", "f", "arr_1", "empty"};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(nd_npz_name(zf, i), want[i]);
        nd_array *g = nd_npz_get(zf, want[i]);
        assert_non_null(g);
        assert_same(arrs[i], g);
        nd_release(g);
    }
    assert_null(nd_npz_name(zf, 4));
    nd_array *g = nd_npz_get(zf, "f.npy");
    assert_non_null(g);
    assert_true(nd_flags(g) & ND_F_CONTIGUOUS);
    nd_release(g);
    assert_null(nd_npz_get(zf, "nope"));
    assert_int_equal(nd_errcode(), ND_EKEY);
    assert_string_equal(nd_errmsg(), "nope is not a file in the archive");
    nd_npz_close(zf);
    nd_release(a);
    nd_release(b);
    nd_release(f);
    nd_release(z);
}

static void test_stored(void **state) {
    (void)state;
    roundtrip(false);
}

static void test_deflated(void **state) {
    (void)state;
    roundtrip(true);
}

static void test_save_errors(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 3, 1, NULL);
    const nd_array *arrs[2] = {a, a};
    const char *names[2] = {"arr_0", NULL};
    assert_int_equal(nd_savez(path("d.npz"), 2, names, arrs, false), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "Cannot use un-named variables and keyword arr_0");
    assert_int_equal(file_size(path("d.npz")), -1);
    assert_int_equal(nd_savez(path("no/such.npz"), 1, NULL, arrs, true), ND_ENOENT);
    /* An empty archive is valid. */
    assert_int_equal(nd_savez(path("e.npz"), 0, NULL, NULL, false), 0);
    nd_npz *z = nd_npz_open(path("e.npz"));
    assert_non_null(z);
    assert_int_equal(nd_npz_count(z), 0);
    nd_npz_close(z);
    nd_release(a);
}

static void test_damaged(void **state) {
    (void)state;
    spit(path("x.npz"), "not a zip file at all", 21);
    assert_null(nd_npz_open(path("x.npz")));
    assert_string_equal(nd_errmsg(), "File is not a zip file");
    assert_null(nd_npz_open(path("missing.npz")));
    assert_int_equal(nd_errcode(), ND_ENOENT);
    nd_array *a = nd_arange(0, 64, 1, NULL);
    const nd_array *arrs[1] = {a};
    assert_int_equal(nd_savez(path("c.npz"), 1, NULL, arrs, false), 0);
    size_t n;
    char *b = slurp(path("c.npz"), &n);
    b[30 + 9 + 20 + 128 + 5] ^= 1; /* a data byte of the stored member */
    spit(path("c.npz"), b, n);
    nd_npz *z = nd_npz_open(path("c.npz"));
    assert_non_null(z);
    assert_null(nd_npz_get(z, "arr_0"));
    assert_string_equal(nd_errmsg(), "Bad CRC-32 for file 'arr_0.npy'");
    nd_npz_close(z);
    free(b);
    /* Damaged deflate stream. */
    assert_int_equal(nd_savez(path("k.npz"), 1, NULL, arrs, true), 0);
    b = slurp(path("k.npz"), &n);
    for (int i = 0; i < 8; i++) b[30 + 9 + 20 + 10 + i] = (char)0xff;
    spit(path("k.npz"), b, n);
    z = nd_npz_open(path("k.npz"));
    assert_non_null(z);
    assert_null(nd_npz_get(z, "arr_0"));
    assert_int_equal(nd_errcode(), ND_EVALUE);
    nd_npz_close(z);
    free(b);
    nd_release(a);
}

/* Bounded fuzz: flip bytes of a small archive; open and read every member.
 * Nothing may crash or leak (ASan); failures must set an error. */
static void test_fuzz(void **state) {
    (void)state;
    nd_array *a = nd_arange(0, 5, 1, nd_dtype_of(ND_INT16));
    const nd_array *arrs[2] = {a, a};
    size_t n0;
    unsigned r = 777;
    for (int comp = 0; comp < 2; comp++) {
        assert_int_equal(nd_savez(path("s.npz"), 2, NULL, arrs, comp), 0);
        char *orig = slurp(path("s.npz"), &n0);
        char *b = malloc(n0);
        for (int it = 0; it < 1500; it++) {
            memcpy(b, orig, n0);
            for (int k = 0; k < 3; k++) {
                r = r * 1103515245 + 12345;
                b[(r >> 8) % n0] = (char)(r >> 3);
            }
            size_t len = it % 7 == 0 ? (r >> 5) % n0 : n0; /* sometimes truncated too */
            spit(path("f.npz"), b, len);
            nd_npz *z = nd_npz_open(path("f.npz"));
            if (!z) {
                assert_true(nd_errcode() < 0);
                continue;
            }
            for (int i = 0; i < nd_npz_count(z); i++) {
                nd_array *g = nd_npz_get(z, nd_npz_name(z, i));
                if (g)
                    nd_release(g);
                else
                    assert_true(nd_errcode() < 0);
            }
            nd_npz_close(z);
        }
        free(b);
        free(orig);
    }
    nd_release(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stored),  cmocka_unit_test(test_deflated), cmocka_unit_test(test_save_errors),
        cmocka_unit_test(test_damaged), cmocka_unit_test(test_fuzz),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
