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

/* NumPy's nditer axis ordering (npyiter_find_best_axis_ordering): a stable
 * insertion sort from C order that moves an axis inwards only when every
 * operand with non-zero strides on both axes agrees; on conflict C order
 * wins.  Size-1 axes count as stride 0 and so stay where they are.
 * perm receives the axes outermost first. */
void nd__best_order(int nd, const int64_t *shape, int nop, const int64_t *const *strides, int *perm) {
    int inner[ND_MAXDIMS]; /* inner[0] is the innermost axis */
    for (int k = 0; k < nd; k++) inner[k] = nd - 1 - k;
    for (int i0 = 1; i0 < nd; i0++) {
        int ax = inner[i0], ipos = i0;
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            int other = inner[i1];
            bool ambig = true, swap = false;
            for (int o = 0; o < nop; o++) {
                int64_t s0 = shape[ax] == 1 ? 0 : strides[o][ax];
                int64_t s1 = shape[other] == 1 ? 0 : strides[o][other];
                if (s0 != 0 && s1 != 0) {
                    if (llabs(s1) <= llabs(s0)) swap = false;
                    else if (ambig) swap = true;
                    ambig = false;
                }
            }
            if (!ambig) {
                if (swap) ipos = i1;
                else break;
            }
        }
        if (ipos != i0) {
            for (int k = i0; k > ipos; k--) inner[k] = inner[k - 1];
            inner[ipos] = ax;
        }
    }
    for (int k = 0; k < nd; k++) perm[k] = inner[nd - 1 - k];
}

/* A new array laid out in the operands' nditer order (NumPy's order='K'
 * allocation for ufunc, where and reduction results). */
nd_array *nd__alloc_iter_order(int nd, const int64_t *shape, int nop, const int64_t *const *strides,
                               const nd_dtype *dt) {
    int perm[ND_MAXDIMS];
    nd__best_order(nd, shape, nop, strides, perm);
    nd_array *a = nd__alloc_array(nd, shape, dt, 'C');
    if (!a || nd_size(a) == 0) return a;
    int64_t s = dt->itemsize;
    for (int k = nd - 1; k >= 0; k--) {
        a->strides[perm[k]] = s;
        s *= shape[perm[k]];
    }
    nd__update_flags(a);
    return a;
}
