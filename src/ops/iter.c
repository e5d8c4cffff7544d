/* iter.c — the N-operand strided walk behind every ufunc: size-1 axes
 * dropped, axes ordered by the output's strides, neighbours merged when
 * they chain in every operand, then the kernel runs on each inner run. */
#include "nd_internal.h"

#include <stdlib.h>

#define MAXOP 4

void nd__loopn(int ndim, const int64_t *shape, int nop, char **ptrs, const int64_t *const *strides,
               nd_kernel kernel) {
    int64_t sh[ND_MAXDIMS], st[MAXOP][ND_MAXDIMS];
    int perm[ND_MAXDIMS], n = 0;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0) return;
        if (shape[i] != 1) perm[n++] = i;
    }
    /* Outermost first: descending |stride| of the output (last operand),
     * ties broken by the inputs; stable so C order wins among equals. */
    const int64_t *os = strides[nop - 1];
    for (int i = 1; i < n; i++) {
        int p = perm[i], j = i;
        while (j > 0) {
            int q = perm[j - 1];
            int64_t a = llabs(os[q]), b = llabs(os[p]);
            if (a > b) break;
            if (a == b) {
                int k = 0;
                for (; k < nop - 1; k++)
                    if (llabs(strides[k][q]) != llabs(strides[k][p])) break;
                if (k == nop - 1 || llabs(strides[k][q]) >= llabs(strides[k][p])) break;
            }
            perm[j] = q;
            j--;
        }
        perm[j] = p;
    }
    int m = 0;
    for (int k = 0; k < n; k++) {
        int ax = perm[k];
        bool merge = m > 0;
        for (int o = 0; merge && o < nop; o++)
            if (st[o][m - 1] != strides[o][ax] * shape[ax]) merge = false;
        if (merge) {
            sh[m - 1] *= shape[ax];
            for (int o = 0; o < nop; o++) st[o][m - 1] = strides[o][ax];
            continue;
        }
        sh[m] = shape[ax];
        for (int o = 0; o < nop; o++) st[o][m] = strides[o][ax];
        m++;
    }
    char *p[MAXOP];
    int64_t steps[MAXOP];
    for (int o = 0; o < nop; o++) {
        p[o] = ptrs[o];
        steps[o] = m ? st[o][m - 1] : 0;
    }
    if (m <= 1) {
        kernel(p, steps, m ? sh[0] : 1);
        return;
    }
    int64_t idx[ND_MAXDIMS] = {0}, inner = sh[m - 1];
    for (;;) {
        kernel(p, steps, inner);
        int k = m - 2;
        for (; k >= 0; k--) {
            for (int o = 0; o < nop; o++) p[o] += st[o][k];
            if (++idx[k] < sh[k]) break;
            for (int o = 0; o < nop; o++) p[o] -= st[o][k] * sh[k];
            idx[k] = 0;
        }
        if (k < 0) return;
    }
}
