/* consumer.c — a program outside the nd tree that uses the installed
 * library: only <nd.h> and -lnd, found through CMake or pkg-config. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <nd.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    nd_array *a = nd_zeros(2, (int64_t[]){2, 3}, nd_dtype_of(ND_INT32), 'C');
    if (!a) return 1;
    if (nd_set(a, (int64_t[]){1, 2}, ND_I64(42)) < 0) return 2;
    nd_array *c = nd_copy(a, 'F');
    nd_value v;
    if (!c || nd_get(c, (int64_t[]){1, 2}, &v) < 0 || v.i != 42) return 3;
    /* Errors come back as a status plus NumPy's class and message. */
    if (nd_get(c, (int64_t[]){2, 0}, &v) != ND_EINDEX) return 4;
    printf("%s: %s\n", nd_errclass(), nd_errmsg());
    printf("nd %d.%d.%d: shape (%lld, %lld), strides (%lld, %lld), value %lld\n", ND_VERSION_MAJOR,
           ND_VERSION_MINOR, ND_VERSION_PATCH, (long long)nd_shape(c)[0], (long long)nd_shape(c)[1],
           (long long)nd_strides(c)[0], (long long)nd_strides(c)[1], (long long)v.i);
    /* .npz goes through zlib: a static link must bring -lz along. */
    char dir[] = "/tmp/nd-consumer-XXXXXX", path[64];
    if (!mkdtemp(dir)) return 5;
    snprintf(path, sizeof path, "%s/c.npz", dir);
    const nd_array *arrays[] = {c};
    if (nd_savez(path, 1, NULL, arrays, true) < 0) return 6;
    nd_npz *z = nd_npz_open(path);
    nd_array *back = z ? nd_npz_get(z, "arr_0") : NULL;
    if (!back || nd_get(back, (int64_t[]){1, 2}, &v) < 0 || v.i != 42) return 7;
    printf("npz round trip: %s, value %lld\n", nd_npz_name(z, 0), (long long)v.i);
    nd_release(back);
    nd_npz_close(z);
    remove(path);
    rmdir(dir);
    nd_release(c);
    nd_release(a);
    return 0;
}
