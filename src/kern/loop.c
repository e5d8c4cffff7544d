/* loop.c — the N-d strided walk shared by copies, casts and fills. */
#include "nd_internal.h"

#include <stdlib.h>

/* Sort axes so dst's |stride| decreases (innermost = smallest), drop size-1
 * axes, and merge neighbours that chain in both operands.  The result has
 * the fewest, longest inner runs. */
static int coalesce(int ndim, const int64_t *shape, const int64_t *ds, const int64_t *ss, int64_t *oshape,
                    int64_t *ods, int64_t *oss) {
    int perm[ND_MAXDIMS], n = 0;
    for (int i = 0; i < ndim; i++)
        if (shape[i] != 1) perm[n++] = i;
    for (int i = 1; i < n; i++) { /* stable: descending |dst stride|, then |src stride| */
        int p = perm[i], j = i;
        while (j > 0) {
            int q = perm[j - 1];
            int64_t a = llabs(ds[q]), b = llabs(ds[p]);
            if (a > b || (a == b && llabs(ss[q]) >= llabs(ss[p]))) break;
            perm[j] = q;
            j--;
        }
        perm[j] = p;
    }
    int m = 0;
    for (int k = 0; k < n; k++) {
        int ax = perm[k];
        if (m > 0 && ods[m - 1] == ds[ax] * shape[ax] && oss[m - 1] == ss[ax] * shape[ax]) {
            oshape[m - 1] *= shape[ax];
            ods[m - 1] = ds[ax];
            oss[m - 1] = ss[ax];
            continue;
        }
        oshape[m] = shape[ax];
        ods[m] = ds[ax];
        oss[m] = ss[ax];
        m++;
    }
    return m;
}

void nd__loop2(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
               const int64_t *src_strides, nd_loop2_fn fn, void *ctx) {
    int64_t sh[ND_MAXDIMS + 1], ds[ND_MAXDIMS + 1], ss[ND_MAXDIMS + 1];
    for (int i = 0; i < ndim; i++)
        if (shape[i] == 0) return;
    int n = coalesce(ndim, shape, dst_strides, src_strides, sh, ds, ss);
    if (n == 0) {
        fn(dst, 0, src, 0, 1, ctx);
        return;
    }
    int64_t inner = sh[n - 1], di = ds[n - 1], si = ss[n - 1];
    if (n == 1) {
        fn(dst, di, src, si, inner, ctx);
        return;
    }
    int64_t idx[ND_MAXDIMS] = {0};
    int outer = n - 1;
    for (;;) {
        fn(dst, di, src, si, inner, ctx);
        int k = outer - 1;
        for (; k >= 0; k--) {
            dst += ds[k];
            src += ss[k];
            if (++idx[k] < sh[k]) break;
            dst -= ds[k] * sh[k];
            src -= ss[k] * sh[k];
            idx[k] = 0;
        }
        if (k < 0) return;
    }
}
