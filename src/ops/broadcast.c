/* broadcast.c — NumPy's broadcasting of shapes and strides. */
#include "nd_internal.h"

#include <stdio.h>

int nd_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes, int *out_ndim, int64_t *out_shape) {
    int nd = 0;
    for (int k = 0; k < n; k++) {
        if (ndims[k] > ND_MAXDIMS) return nd__err(ND_EVALUE, "too many dimensions");
        if (ndims[k] > nd) nd = ndims[k];
    }
    for (int i = 0; i < nd; i++) out_shape[i] = 1;
    for (int k = 0; k < n; k++) {
        int off = nd - ndims[k];
        for (int j = 0; j < ndims[k]; j++) {
            int64_t d = shapes[k][j], *o = &out_shape[off + j];
            if (d == *o || d == 1) continue;
            if (*o == 1) {
                *o = d;
                continue;
            }
            /* Find the first operand that disagrees, as NumPy reports it. */
            for (int a = 0; a < k; a++) {
                int ja = j + off - (nd - ndims[a]);
                if (ja >= 0 && shapes[a][ja] != 1 && shapes[a][ja] != d) {
                    char s1[256], s2[256];
                    nd__fmt_shape(s1, sizeof s1, ndims[a], shapes[a]);
                    nd__fmt_shape(s2, sizeof s2, ndims[k], shapes[k]);
                    return nd__err(ND_EVALUE,
                                   "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                                   "between arg %d with shape %s and arg %d with shape %s.",
                                   a, s1, k, s2);
                }
            }
            return nd__err(ND_EVALUE, "shape mismatch: objects cannot be broadcast to a single shape.");
        }
    }
    *out_ndim = nd;
    return 0;
}

/* Strides of a seen through a broadcast to (nd, shape); false if it does
 * not fit (callers have already checked with nd_broadcast_shapes). */
int nd__broadcast_pair(const nd_array *a, const nd_array *b, int *nd, int64_t *shape) {
    int nds[2] = {a->ndim, b->ndim};
    const int64_t *shs[2] = {a->shape, b->shape};
    if (nd_broadcast_shapes(2, nds, shs, nd, shape) == 0) return 0;
    char s1[256], s2[256];
    nd__fmt_shape_tight(s1, sizeof s1, a->ndim, a->shape);
    nd__fmt_shape_tight(s2, sizeof s2, b->ndim, b->shape);
    return nd__err(ND_EVALUE, "operands could not be broadcast together with shapes %s %s ", s1, s2);
}

bool nd__broadcast_strides(const nd_array *a, int nd, const int64_t *shape, int64_t *st) {
    int off = nd - a->ndim;
    if (off < 0) return false;
    for (int i = 0; i < nd; i++) {
        int j = i - off;
        if (j < 0 || (a->shape[j] == 1 && shape[i] != 1))
            st[i] = 0;
        else if (a->shape[j] == shape[i])
            st[i] = a->strides[j];
        else
            return false;
    }
    return true;
}
