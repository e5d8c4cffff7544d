/* io_interop.c — the nd side of the NumPy interop test (interop.py):
 *   copy IN.npy OUT.npy MODE      load (MODE '-' or an mmap mode) and save
 *   npzcopy IN.npz OUT.npz 0|1    read every member, write them back (1: deflate) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

static int fail(const char *what) {
    fprintf(stderr, "%s: %s: %s\n", what, nd_errclass(), nd_errmsg());
    return 1;
}

static int copy(const char *in, const char *out, const char *mode) {
    nd_array *a = nd_load(in, strcmp(mode, "-") ? mode : NULL);
    if (!a) return fail("nd_load");
    int rc = nd_save(out, a);
    nd_release(a);
    return rc < 0 ? fail("nd_save") : 0;
}

static int npzcopy(const char *in, const char *out, bool compress) {
    nd_npz *z = nd_npz_open(in);
    if (!z) return fail("nd_npz_open");
    int n = nd_npz_count(z), rc = 0;
    const char **names = calloc((size_t)n + 1, sizeof *names);
    const nd_array **arrs = calloc((size_t)n + 1, sizeof *arrs);
    for (int i = 0; i < n && rc == 0; i++) {
        names[i] = nd_npz_name(z, i);
        if (!(arrs[i] = nd_npz_get(z, names[i]))) rc = fail("nd_npz_get");
    }
    if (rc == 0 && nd_savez(out, n, names, arrs, compress) < 0) rc = fail("nd_savez");
    for (int i = 0; i < n; i++) nd_release((nd_array *)arrs[i]);
    free(names);
    free(arrs);
    nd_npz_close(z);
    return rc;
}

int main(int argc, char **argv) {
    if (argc == 5 && !strcmp(argv[1], "copy")) return copy(argv[2], argv[3], argv[4]);
    if (argc == 5 && !strcmp(argv[1], "npzcopy")) return npzcopy(argv[2], argv[3], argv[4][0] == '1');
    fprintf(stderr, "usage: io_interop copy IN OUT MODE | npzcopy IN OUT 0|1\n");
    return 2;
}
