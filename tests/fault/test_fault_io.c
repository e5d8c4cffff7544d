/* test_fault_io.c — allocation failures in the memory sources and files:
 * frombuffer, memmap, .npy save/load, .npz, DLPack.  A failing call must
 * also leave the file system as it was ("file left absent"). */
#define _DEFAULT_SOURCE /* mkdtemp */
#include "fault.h"

#include <dlpack/dlpack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/nd-fault-io-XXXXXX";

static const char *path_of(const char *name) {
    static char p[4][128];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static bool exists(const char *name) { return access(path_of(name), F_OK) == 0; }

static long file_size(const char *name) {
    struct stat sb;
    return stat(path_of(name), &sb) == 0 ? (long)sb.st_size : -1;
}

/* ---- setups ---- */

static char rawmem[64];

/* a[0]: 3x4 int32 with an F-ordered twin a[1]; "x.npy" holds a[0]. */
static int s_files(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, (int64_t[]){3, 4}, ND_INT32))) return nd_errcode();
    if (!(f->a[1] = nd_copy(f->a[0], 'F'))) return nd_errcode();
    remove(path_of("new.npy"));
    remove(path_of("new.npz"));
    remove(path_of("new.bin"));
    return nd_save(path_of("x.npy"), f->a[0]);
}

static void npz_free(void *z) { nd_npz_close(z); }

static int s_npz(fault_fx *f) {
    int rc = s_files(f);
    if (rc < 0) return rc;
    const nd_array *arrs[] = {f->a[0], f->a[1]};
    if ((rc = nd_savez(path_of("x.npz"), 2, (const char *const[]){"a", NULL}, arrs, true)) < 0) return rc;
    f->in_obj = nd_npz_open(path_of("x.npz"));
    f->in_obj_free = npz_free;
    return f->in_obj ? 0 : nd_errcode();
}

static void dl_free(void *t) { ((DLManagedTensor *)t)->deleter(t); }

/* in_obj: a DLPack tensor exported from a[1] (an F-ordered int32). */
static int s_dlpack(fault_fx *f) {
    int rc = s_files(f);
    if (rc < 0) return rc;
    f->in_obj = nd_to_dlpack(f->a[1]);
    f->in_obj_free = dl_free;
    return f->in_obj ? 0 : nd_errcode();
}

/* ---- ops ---- */

static void count_release(void *ptr, size_t size, void *ctx) {
    (void)ptr;
    (void)size;
    (*(int *)ctx)++;
}

static int o_frombuffer(fault_fx *f) {
    nd_array *a = nd_frombuffer(rawmem, sizeof rawmem, false, nd_dtype_of(ND_INT16), 20, 4, count_release, &f->counter);
    if (!a) assert_int_equal(f->counter, 0); /* release is not called on failure */
    return keep(f, a);
}

static int o_memmap_r(fault_fx *f) {
    long before = file_size("x.npy");
    nd_array *a = nd_memmap(path_of("x.npy"), nd_dtype_of(ND_UINT8), "r", 0, 0, NULL, 'C');
    assert_int_equal(file_size("x.npy"), before);
    return keep(f, a);
}
static int o_memmap_rplus_grow(fault_fx *f) {
    long before = file_size("x.npy");
    nd_array *a = nd_memmap(path_of("x.npy"), nd_dtype_of(ND_INT32), "r+", 128, 2, (int64_t[]){4, 8}, 'F');
    if (!a) assert_int_equal(file_size("x.npy"), before); /* a failed call does not grow the file */
    return keep(f, a);
}
static int o_memmap_wplus(fault_fx *f) {
    nd_array *a = nd_memmap(path_of("new.bin"), nd_dtype_of(ND_FLOAT64), "w+", 0, 1, (int64_t[]){10}, 'C');
    if (!a) assert_false(exists("new.bin")); /* no file created */
    return keep(f, a);
}
static int o_memmap_c(fault_fx *f) {
    return keep(f, nd_memmap(path_of("x.npy"), nd_dtype_of(ND_INT16), "c", 0, 0, NULL, 'C'));
}
static int o_save(fault_fx *f) {
    int rc = nd_save(path_of("new.npy"), f->a[1]);
    if (rc < 0) assert_false(exists("new.npy")); /* file left absent */
    return keep_int(f, rc);
}
static int o_load(fault_fx *f) { return keep(f, nd_load(path_of("x.npy"), NULL)); }
static int o_load_mmap(fault_fx *f) { return keep(f, nd_load(path_of("x.npy"), "r")); }
static int o_savez(fault_fx *f) {
    const nd_array *arrs[] = {f->a[0], f->a[1]};
    int rc = nd_savez(path_of("new.npz"), 2, (const char *const[]){NULL, "b"}, arrs, false);
    if (rc < 0) assert_false(exists("new.npz"));
    return keep_int(f, rc);
}
static int o_savez_compressed(fault_fx *f) {
    const nd_array *arrs[] = {f->a[1]};
    int rc = nd_savez(path_of("new.npz"), 1, NULL, arrs, true);
    if (rc < 0) assert_false(exists("new.npz"));
    return keep_int(f, rc);
}
static int o_npz_open(fault_fx *f) { return keep_obj(f, nd_npz_open(path_of("x.npz")), npz_free); }
static int o_npz_get(fault_fx *f) { return keep(f, nd_npz_get(f->in_obj, "arr_0")); }
static int o_to_dlpack(fault_fx *f) { return keep_obj(f, nd_to_dlpack(f->a[1]), dl_free); }
static int o_from_dlpack(fault_fx *f) {
    nd_array *a = nd_from_dlpack(f->in_obj);
    if (a) f->in_obj = NULL; /* taken on success, still ours on failure */
    return keep(f, a);
}

static int setup_dir(void **state) {
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state) {
    (void)state;
    static const char *const names[] = {"x.npy", "x.npz", "new.npy", "new.npz", "new.bin"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) remove(path_of(names[i]));
    return rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(frombuffer, NULL, o_frombuffer, 0),
        FAULT_CASE(memmap_r, s_files, o_memmap_r, 0),
        FAULT_CASE(memmap_rplus_grow, s_files, o_memmap_rplus_grow, 0),
        FAULT_CASE(memmap_wplus, s_files, o_memmap_wplus, 0),
        FAULT_CASE(memmap_c, s_files, o_memmap_c, 0),
        FAULT_CASE(save, s_files, o_save, 0),
        FAULT_CASE(load, s_files, o_load, 0),
        FAULT_CASE(load_mmap, s_files, o_load_mmap, 0),
        FAULT_CASE(savez, s_files, o_savez, 0),
        FAULT_CASE(savez_compressed, s_files, o_savez_compressed, 0),
        FAULT_CASE(npz_open, s_npz, o_npz_open, 0),
        FAULT_CASE(npz_get, s_npz, o_npz_get, 0),
        FAULT_CASE(to_dlpack, s_files, o_to_dlpack, 0),
        FAULT_CASE(from_dlpack, s_dlpack, o_from_dlpack, 0),
    };
    return cmocka_run_group_tests(tests, setup_dir, remove_dir);
}
