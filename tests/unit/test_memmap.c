/* test_memmap.c — files mapped as arrays: modes, offsets, errors, lifetime. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "nd_internal.h"

static char dir[64];

static int setup(void **state) {
    (void)state;
    strcpy(dir, "/tmp/nd_memmap_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *path(const char *name) {
    static char buf[4][128];
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

static long file_size(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static void read_file(const char *p, void *out, size_t n) {
    FILE *f = fopen(p, "rb");
    assert_non_null(f);
    assert_int_equal(fread(out, 1, n, f), n);
    fclose(f);
}

static void write_i32(const char *name, int n) {
    int32_t v[64];
    for (int i = 0; i < n; i++) v[i] = i;
    write_file(path(name), v, (size_t)n * 4);
}

static int64_t get_i(nd_array *a, int64_t i) {
    nd_value v;
    assert_int_equal(nd_get(a, &i, &v), 0);
    return v.i;
}

/* How many mappings of path the process has (to prove unmapping). */
static int mapped(const char *p) {
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (strstr(line, p)) n++;
    fclose(f);
    return n;
}

static const nd_dtype *I4(void) { return nd_dtype_of(ND_INT32); }

static void test_w_plus_and_r_plus(void **state) {
    (void)state;
    const char *p = path("w.bin");
    nd_array *a = nd_memmap(p, I4(), "w+", 0, 1, (int64_t[]){4}, 'C');
    assert_non_null(a);
    assert_int_equal(file_size(p), 16);
    assert_true(nd_is_memmap(a));
    assert_true(nd_flags(a) & ND_WRITEABLE);
    assert_false(nd_flags(a) & ND_OWNDATA);
    assert_null(nd_base(a));
    assert_true(nd_has_external_base(a));
    for (int64_t i = 0; i < 4; i++) assert_int_equal(nd_set(a, &i, ND_I64(10 + i)), 0);
    assert_int_equal(nd_memmap_flush(a), 0);
    int32_t back[4];
    read_file(p, back, 16);
    assert_int_equal(back[3], 13);
    nd_release(a);
    /* r+ writes go to the file; a longer shape grows it, as NumPy does. */
    a = nd_memmap(p, I4(), "readwrite", 0, 1, (int64_t[]){6}, 'C');
    assert_non_null(a);
    assert_int_equal(file_size(p), 24);
    assert_int_equal(get_i(a, 1), 11);
    assert_int_equal(get_i(a, 5), 0);
    assert_int_equal(nd_set(a, (int64_t[]){0}, ND_I64(-7)), 0);
    nd_release(a);
    read_file(p, back, 4);
    assert_int_equal(back[0], -7);
    /* w+ on an existing file starts over with zeros. */
    a = nd_memmap(p, I4(), "write", 0, 1, (int64_t[]){2}, 'C');
    assert_non_null(a);
    assert_int_equal(file_size(p), 8);
    assert_int_equal(get_i(a, 0), 0);
    nd_release(a);
}

static void test_read_only(void **state) {
    (void)state;
    write_i32("r.bin", 4);
    const char *p = path("r.bin");
    nd_array *a = nd_memmap(p, I4(), "r", 0, -1, NULL, 'C');
    assert_non_null(a);
    assert_int_equal(nd_shape(a)[0], 4);
    assert_int_equal(get_i(a, 3), 3);
    assert_false(nd_flags(a) & ND_WRITEABLE);
    assert_int_equal(nd_set(a, (int64_t[]){0}, ND_I64(1)), ND_EREADONLY);
    assert_int_equal(nd_set_writeable(a, true), ND_EVALUE);
    assert_string_equal(nd_errmsg(), "cannot set WRITEABLE flag to True of this array");
    assert_int_equal(nd_memmap_flush(a), 0);
    nd_release(a);
    /* Long name; 2-d Fortran order. */
    a = nd_memmap(p, I4(), "readonly", 0, 2, (int64_t[]){2, 2}, 'F');
    assert_non_null(a);
    assert_int_equal(nd_strides(a)[0], 4);
    assert_int_equal(nd_strides(a)[1], 8);
    assert_true(nd_flags(a) & ND_F_CONTIGUOUS);
    assert_false(nd_flags(a) & ND_C_CONTIGUOUS);
    nd_value v;
    assert_int_equal(nd_get(a, (int64_t[]){0, 1}, &v), 0);
    assert_int_equal(v.i, 2); /* NumPy: memmap(order='F')[0, 1] == 2 */
    nd_release(a);
    /* 0-d and empty shapes. */
    a = nd_memmap(p, I4(), "r", 4, 0, (int64_t[]){0}, 'C');
    assert_non_null(a);
    assert_int_equal(nd_ndim(a), 0);
    assert_int_equal(nd_item(a, INT64_MIN, &v), 0);
    assert_int_equal(v.i, 1);
    nd_release(a);
    a = nd_memmap(p, I4(), "r", 16, -1, NULL, 'C');
    assert_non_null(a);
    assert_int_equal(nd_size(a), 0);
    nd_release(a);
}

static void test_copy_on_write(void **state) {
    (void)state;
    write_i32("c.bin", 4);
    const char *p = path("c.bin");
    nd_array *a = nd_memmap(p, I4(), "c", 0, -1, NULL, 'C');
    assert_non_null(a);
    assert_true(nd_flags(a) & ND_WRITEABLE);
    assert_int_equal(nd_set(a, (int64_t[]){0}, ND_I64(9)), 0);
    assert_int_equal(get_i(a, 0), 9);
    assert_int_equal(nd_memmap_flush(a), 0);
    int32_t back[4];
    read_file(p, back, 16);
    assert_int_equal(back[0], 0);
    nd_release(a);
    read_file(p, back, 16);
    assert_int_equal(back[0], 0);
}

static void test_offsets(void **state) {
    (void)state;
    const char *p = path("o.bin");
    nd_array *a = nd_memmap(p, I4(), "w+", 3, 1, (int64_t[]){2}, 'C');
    assert_non_null(a);
    assert_int_equal(file_size(p), 11);
    assert_false(nd_flags(a) & ND_ALIGNED);
    assert_int_equal(nd_set(a, (int64_t[]){1}, ND_I64(0x01020304)), 0);
    nd_release(a);
    a = nd_memmap(p, I4(), "r", 3, 1, (int64_t[]){2}, 'C');
    assert_int_equal(get_i(a, 1), 0x01020304);
    nd_release(a);
    /* An offset past one page: the mapping starts on a page boundary. */
    int32_t big[3000];
    for (int i = 0; i < 3000; i++) big[i] = i;
    write_file(p, big, sizeof big);
    a = nd_memmap(p, I4(), "r", 5000, -1, NULL, 'C');
    assert_non_null(a);
    assert_int_equal(nd_size(a), 3000 - 1250);
    assert_int_equal(get_i(a, 0), 1250);
    assert_int_equal(get_i(a, -1), 2999);
    nd_release(a);
}

static void test_views_keep_mapping(void **state) {
    (void)state;
    write_i32("v.bin", 8);
    const char *p = path("v.bin");
    nd_array *a = nd_memmap(p, I4(), "r+", 0, -1, NULL, 'C');
    assert_int_equal(mapped(p), 1);
    nd_array *v = nd__view_new(a, 1, I4());
    v->data += 8;
    v->shape[0] = 3;
    v->strides[0] = 8;
    nd__update_flags(v);
    assert_true(nd_is_memmap(v));
    nd_release(a);
    assert_int_equal(mapped(p), 1);
    assert_int_equal(get_i(v, 2), 6);
    assert_int_equal(nd_set(v, (int64_t[]){0}, ND_I64(42)), 0);
    assert_int_equal(nd_memmap_flush(v), 0);
    nd_release(v);
    assert_int_equal(mapped(p), 0);
    int32_t back[8];
    read_file(p, back, sizeof back);
    assert_int_equal(back[2], 42);
}

static void expect(nd_array *a, int code, const char *msg) {
    assert_null(a);
    assert_int_equal(nd_errcode(), code);
    assert_string_equal(nd_errmsg(), msg);
}

static void test_errors(void **state) {
    (void)state;
    char msg[256];
    const char *miss = path("missing.bin");
    const char *modes[] = {"r", "r+", "c"};
    snprintf(msg, sizeof msg, "[Errno 2] No such file or directory: '%s'", miss);
    for (int i = 0; i < 3; i++) {
        expect(nd_memmap(miss, I4(), modes[i], 0, -1, NULL, 'C'), ND_ENOENT, msg);
        assert_string_equal(nd_errclass(), "FileNotFoundError");
    }
    expect(nd_memmap(miss, I4(), "w+", 0, -1, NULL, 'C'), ND_EVALUE, "shape must be given");
    assert_int_equal(file_size(miss), -1);
    expect(nd_memmap(miss, I4(), "bad", 0, -1, NULL, 'C'), ND_EVALUE,
           "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write'] (got 'bad')");
    snprintf(msg, sizeof msg, "[Errno 21] Is a directory: '%s'", dir);
    const char *all[] = {"r", "r+", "c", "w+"};
    for (int i = 0; i < 4; i++) {
        expect(nd_memmap(dir, I4(), all[i], 0, 1, (int64_t[]){2}, 'C'), ND_EISDIR, msg);
        assert_string_equal(nd_errclass(), "IsADirectoryError");
    }
    const char *e = path("empty.bin");
    write_file(e, NULL, 0);
    for (int i = 0; i < 3; i++)
        expect(nd_memmap(e, I4(), modes[i], 0, -1, NULL, 'C'), ND_EVALUE, "cannot mmap an empty file");
    assert_int_equal(file_size(e), 0);
    /* w+ that cannot map leaves no file behind (NumPy would leave one). */
    const char *z = path("z.bin");
    expect(nd_memmap(z, I4(), "w+", 0, 1, (int64_t[]){0}, 'C'), ND_EVALUE, "cannot mmap an empty file");
    assert_int_equal(file_size(z), -1);
    write_i32("f.bin", 4);
    const char *f = path("f.bin");
    expect(nd_memmap(f, I4(), "r", 0, 1, (int64_t[]){5}, 'C'), ND_EVALUE, "mmap length is greater than file size");
    expect(nd_memmap(f, I4(), "c", 20, 1, (int64_t[]){1}, 'C'), ND_EVALUE, "mmap length is greater than file size");
    expect(nd_memmap(f, I4(), "r", 2, -1, NULL, 'C'), ND_EVALUE,
           "Size of available data is not a multiple of the data-type size.");
    expect(nd_memmap(f, I4(), "r", 20, -1, NULL, 'C'), ND_EVALUE, "negative dimensions are not allowed");
    expect(nd_memmap(f, I4(), "r", -4, -1, NULL, 'C'), ND_EOVERFLOW, "memory mapped offset must be positive");
    expect(nd_memmap(f, I4(), "r", 0, 1, (int64_t[]){-1}, 'C'), ND_EVALUE, "negative dimensions are not allowed");
    expect(nd_memmap(f, I4(), "r", 0, 1, (int64_t[]){2}, 'X'), ND_EVALUE,
           "order must be one of 'C', 'F', 'A', or 'K' (got 'X')");
    expect(nd_memmap(f, I4(), "r+", 0, 2, (int64_t[]){INT64_MAX / 2, 4}, 'C'), ND_EVALUE,
           "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    assert_int_equal(file_size(f), 16);
    nd_array *plain = nd_zeros(1, (int64_t[]){2}, I4(), 'C');
    assert_int_equal(nd_memmap_flush(plain), ND_EATTR);
    assert_string_equal(nd_errmsg(), "'numpy.ndarray' object has no attribute 'flush'");
    assert_false(nd_is_memmap(plain));
    nd_release(plain);
}

static void test_permission(void **state) {
    (void)state;
    const char *p = NULL;
    if (geteuid() != 0) {
        write_i32("ro.bin", 4);
        p = path("ro.bin");
        chmod(p, 0444);
    } else if (access("/sys/kernel/notes", R_OK) == 0) {
        p = "/sys/kernel/notes"; /* sysfs refuses writers even to root */
    }
    if (!p) skip();
    char msg[256];
    snprintf(msg, sizeof msg, "[Errno 13] Permission denied: '%s'", p);
    expect(nd_memmap(p, I4(), "r+", 0, 1, (int64_t[]){1}, 'C'), ND_EPERM, msg);
    assert_string_equal(nd_errclass(), "PermissionError");
    expect(nd_memmap(p, I4(), "w+", 0, 1, (int64_t[]){1}, 'C'), ND_EPERM, msg);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_w_plus_and_r_plus), cmocka_unit_test(test_read_only),
        cmocka_unit_test(test_copy_on_write),     cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_views_keep_mapping), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_permission),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
