/* loop.c — the N-d strided walk shared by copies, casts, swaps and fills.
 *
 * Every kernel sees the same simplified problem: the two layouts are
 * coalesced (size-1 axes dropped, axes ordered so dst walks forward with
 * its smallest stride innermost, chained axes merged), then an odometer
 * calls the inner loop once per innermost run. */
#include "nd_internal.h"

#include <stdlib.h>

static int64_t iabs64(int64_t x) { return x < 0 ? -x : x; }

/* Order axes by descending |dst stride|, ties by descending |src stride|,
 * keeping axis order otherwise (insertion sort: ndim is small). */
static void sort_axes(int n, int *perm, const int64_t *ds, const int64_t *ss) {
    for (int i = 1; i < n; i++) {
        int p = perm[i], j = i;
        int64_t b = iabs64(ds[p]), bs = iabs64(ss[p]);
        while (j > 0) {
            int q = perm[j - 1];
            int64_t a = iabs64(ds[q]);
            if (a > b || (a == b && iabs64(ss[q]) >= bs)) break;
            perm[j] = q;
            j--;
        }
        perm[j] = p;
    }
}

int nd__loop_coalesce(int ndim, const int64_t *shape, char **dst, const int64_t *dst_strides, const char **src,
                      const int64_t *src_strides, int64_t *oshape, int64_t *ods, int64_t *oss) {
    int perm[ND_MAXDIMS], n = 0;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0) return -1;
        if (shape[i] != 1) perm[n++] = i;
    }
    sort_axes(n, perm, dst_strides, src_strides);
    int m = 0;
    for (int k = 0; k < n; k++) {
        int ax = perm[k];
        int64_t d = dst_strides[ax], s = src_strides[ax], len = shape[ax];
        /* Walk dst forward: flip an axis whose dst stride is negative (the
         * elements paired are the same, only the visiting order changes). */
        if (d < 0) {
            *dst += d * (len - 1);
            *src += s * (len - 1);
            d = -d;
            s = -s;
        }
        if (m > 0 && ods[m - 1] == d * len && oss[m - 1] == s * len) {
            oshape[m - 1] *= len;
            ods[m - 1] = d;
            oss[m - 1] = s;
            continue;
        }
        oshape[m] = len;
        ods[m] = d;
        oss[m] = s;
        m++;
    }
    return m;
}

void nd__loop_run(int n, const int64_t *sh, char *dst, const int64_t *ds, const char *src, const int64_t *ss,
                  nd_loop2_fn fn, void *ctx) {
    if (n <= 0) {
        if (n == 0) fn(dst, 0, src, 0, 1, ctx);
        return;
    }
    int64_t inner = sh[n - 1], di = ds[n - 1], si = ss[n - 1];
    if (n == 1) {
        fn(dst, di, src, si, inner, ctx);
        return;
    }
    if (n == 2) { /* the common 2-d case without the odometer */
        for (int64_t i = 0; i < sh[0]; i++, dst += ds[0], src += ss[0]) fn(dst, di, src, si, inner, ctx);
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

void nd__loop2(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
               const int64_t *src_strides, nd_loop2_fn fn, void *ctx) {
    int64_t sh[ND_MAXDIMS], ds[ND_MAXDIMS], ss[ND_MAXDIMS];
    int n = nd__loop_coalesce(ndim, shape, &dst, dst_strides, &src, src_strides, sh, ds, ss);
    nd__loop_run(n, sh, dst, ds, src, ss, fn, ctx);
}
