/* iter.c — the N-operand strided walk behind every ufunc: size-1 axes
 * dropped, axes ordered by the output's strides, neighbours merged when
 * they chain in every operand, then the kernel runs on each inner run.
 * Also NumPy's own ufunc driver (trivial loop or buffered iterator),
 * replayed for loops whose bits depend on the path it takes. */
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

/* ---- NumPy's ufunc driver, for loops whose path shows in the bits ----
 *
 * NumPy 1.24 runs a binary ufunc either as one "trivial" inner-loop call
 * (ufunc_object.c: check_for_trivial_loop, try_trivial_single_output_loop)
 * or through its buffered iterator (execute_ufunc_loop: NPY_ITER_BUFFERED |
 * NPY_ITER_GROWINNER, buffersize 8192).  Per chunk, the iterator hands the
 * loop either an operand's own memory or a contiguous copy in a buffer
 * (nditer_api.c: npyiter_copy_to_buffers), and a loop that picks its SIMD
 * path by steps and pointers (IS_BINARY_STRIDE_ONE) sees those.  Below,
 * "view" strides and addresses are what NumPy's iterator sees; nd's own
 * operands (cast or overlap copies) are only walked. */

#define NP_BUFSIZE 8192 /* np.getbufsize() */

typedef struct {
    int m;                     /* axes, outermost first */
    int64_t sh[ND_MAXDIMS];
    int64_t st[3][ND_MAXDIMS]; /* bytes, per operand */
    char *p[3];
} np_walk;

typedef struct {
    bool cast;     /* copied through a buffer on every chunk */
    bool far;      /* a copy or temporary: never within 64 bytes of another */
    bool bufnever; /* one stride reaches all its elements: never buffered */
    int64_t bstride;
} np_op;

/* The iterator casts (copies) what is unaligned or of another type. */
static bool must_copy(const nd_array *a, const nd_dtype *loop) {
    return !(a->flags & ND_ALIGNED) || !nd_dtype_equal(a->dtype, loop);
}

static int64_t trivial_stride(const nd_array *a) {
    return nd_size(a) == 1 ? 0 : a->ndim == 1 ? a->strides[0] : a->dtype->itemsize;
}

/* PyArray_EQUIVALENTLY_ITERABLE_OVERLAP_OK(in, out, READ, NOREAD). */
static bool overlap_ok(const nd_array *in, const nd_array *out) {
    int64_t s1 = trivial_stride(in), s2 = trivial_stride(out);
    if ((in == out && s1 != 0) || nd_shares_memory(in, out, 1) == 0) return true;
    uintptr_t p1 = (uintptr_t)in->data, p2 = (uintptr_t)out->data;
    return (s1 > 0 && s1 >= s2 && p1 >= p2) || (s1 < 0 && s1 <= s2 && p1 <= p2);
}

/* try_trivial_single_output_loop's test; fixed receives its strides.  0-d
 * inputs broadcast by stride 0; the others share one shape and are 1-d or
 * all C (or all F) contiguous.  fresh: inputs NumPy replaced by aligned
 * copies of the loop type (contiguous). */
static bool trivial_strides(const nd_np_call *c, const bool *fresh, int64_t esize, int64_t *fixed) {
    const nd_array *ops[3] = {c->in[0], c->in[1], c->out};
    int nd = -1, order = 0, co = ND_C_CONTIGUOUS | ND_F_CONTIGUOUS;
    const int64_t *shape = NULL;
    fixed[2] = esize;
    for (int k = 0; k < 3; k++) {
        const nd_array *a = ops[k];
        if (k == 2 && !c->out_given) break;
        if (a->ndim == 0 && k < 2) {
            fixed[k] = 0;
            continue;
        }
        if (nd < 0) {
            nd = a->ndim;
            shape = a->shape;
        } else if (a->ndim != nd || memcmp(a->shape, shape, (size_t)nd * sizeof *shape)) {
            return false;
        }
        if (a->ndim == 1) {
            fixed[k] = k < 2 && fresh[k] ? esize : a->strides[0];
            continue;
        }
        fixed[k] = esize;
        int f = a->flags & co;
        if (f == 0 || (order && order != f)) return false;
        order = f;
    }
    if (!c->out_given) return true;
    for (int k = 0; k < 2; k++)
        if (!fresh[k] && !overlap_ok(c->in[k], c->out)) return false;
    const nd_array *o = c->out;
    return !(nd == 1 && o->strides[0] < o->dtype->itemsize && o->strides[0] != 0);
}

static bool apart(uintptr_t x, uintptr_t y) { return (x > y ? x - y : y - x) >= 64; }

/* Copy-if-overlap (nditer_constr.c, npyiter_allocate_arrays): out= is
 * replaced by a temporary when it may share memory with an input (max_work
 * 1) that is not the very same layout without internal overlap. */
static bool np_force_copy(const nd_np_call *c, const bool *fresh) {
    const nd_array *o = c->out;
    for (int k = 0; k < 2; k++) {
        const nd_array *a = c->in[k];
        if (fresh[k]) continue;
        bool same = a->data == o->data && a->ndim == o->ndim && nd_dtype_equal(a->dtype, o->dtype) &&
                    !memcmp(a->shape, o->shape, (size_t)a->ndim * sizeof *a->shape) &&
                    !memcmp(a->strides, o->strides, (size_t)a->ndim * sizeof *a->strides) &&
                    nd_internal_overlap(o, 1) == 0;
        if (!same && nd_shares_memory(a, o, 1) != 0) return true;
    }
    return false;
}

/* Axes in order (outermost first), size-1 ones dropped, neighbours merged
 * where every operand's strides chain. */
static void np_coalesce(int ndim, const int64_t *shape, const int *perm, int64_t (*st)[ND_MAXDIMS], char **p,
                        np_walk *w) {
    int m = 0;
    for (int k = 0; k < ndim; k++) {
        int ax = perm[k];
        if (shape[ax] == 1) continue;
        bool merge = m > 0;
        for (int o = 0; merge && o < 3; o++) merge = w->st[o][m - 1] == st[o][ax] * shape[ax];
        if (merge) {
            w->sh[m - 1] *= shape[ax];
            for (int o = 0; o < 3; o++) w->st[o][m - 1] = st[o][ax];
            continue;
        }
        w->sh[m] = shape[ax];
        for (int o = 0; o < 3; o++) w->st[o][m] = st[o][ax];
        m++;
    }
    if (m == 0) { /* a single element */
        w->sh[m] = 1;
        for (int o = 0; o < 3; o++) w->st[o][m] = 0;
        m++;
    }
    w->m = m;
    for (int o = 0; o < 3; o++) w->p[o] = p ? p[o] : NULL;
}

/* Elements [start, start + count) of w's order through kernel k. */
static void walk_range(const np_walk *w, int64_t start, int64_t count, nd_kernel k) {
    int m = w->m;
    int64_t idx[ND_MAXDIMS], steps[3] = {w->st[0][m - 1], w->st[1][m - 1], w->st[2][m - 1]};
    for (int d = m - 1; d >= 0; d--) {
        idx[d] = start % w->sh[d];
        start /= w->sh[d];
    }
    while (count > 0) {
        int64_t len = w->sh[m - 1] - idx[m - 1];
        if (len > count) len = count;
        char *p[3];
        for (int o = 0; o < 3; o++) {
            int64_t off = 0;
            for (int d = 0; d < m; d++) off += idx[d] * w->st[o][d];
            p[o] = w->p[o] + off;
        }
        k(p, steps, len);
        count -= len;
        idx[m - 1] += len;
        for (int d = m - 1; d > 0 && idx[d] == w->sh[d]; d--) {
            idx[d] = 0;
            idx[d - 1]++;
        }
    }
}

typedef struct {
    np_op op[3];
    np_walk view;       /* NumPy's coalesced iteration */
    np_walk act;        /* nd's operands in the same order */
    uintptr_t addr[3];  /* view base addresses */
} np_iter;

/* One operand's view strides: fresh copies are contiguous in their own
 * shape; size-1 axes get stride 0, as in npyiter_fill_axisdata. */
static void view_strides(const nd_np_call *c, int k, bool fresh, int ndim, const int64_t *shape, int64_t *vs) {
    const nd_array *a = k < 2 ? c->in[k] : c->out;
    if (fresh) {
        for (int ax = 0; ax < ndim; ax++) vs[ax] = 0;
        if (a->ndim == 1 && a->shape[0] > 1) vs[ndim - 1] = c->loop->itemsize;
    } else if (k < 2) {
        nd__broadcast_strides(a, ndim, shape, vs);
    } else {
        for (int ax = 0; ax < ndim; ax++) vs[ax] = a->strides[ax];
    }
    for (int ax = 0; ax < ndim; ax++)
        if (shape[ax] == 1) vs[ax] = 0;
}

/* NPY_OP_ITFLAG_BUFNEVER: every non-size-1 axis (innermost first) chains
 * on the first one's stride, which then serves for the whole operand. */
static void set_bufnever(np_op *o, int ndim, const int64_t *shape, const int *perm, const int64_t *vs) {
    int64_t inner = 0, len = 1;
    bool first = true;
    for (int j = ndim - 1; j >= 0; j--) {
        int ax = perm[j];
        if (shape[ax] == 1) continue;
        if (first) {
            inner = vs[ax];
            first = false;
        } else if (inner * len != vs[ax]) {
            return;
        }
        len *= shape[ax];
    }
    o->bufnever = true;
    o->bstride = inner;
}

/* The iterator's construction (nditer_constr.c): axis order; negative
 * strides flipped when out= was given (npyiter_flip_negative_strides); an
 * output allocated, or out= replaced on overlap, contiguous in iteration
 * order; cast 0-d inputs copied; BUFNEVER per operand; axes coalesced. */
static void np_setup(int ndim, const int64_t *shape, char **ptrs, const int64_t *const *strides,
                     const nd_np_call *c, const bool *fresh, const bool *cast, np_iter *it) {
    int64_t vs[3][ND_MAXDIMS], as[3][ND_MAXDIMS], esize = c->loop->itemsize;
    char *ap[3];
    bool temp_out = !c->out_given || np_force_copy(c, fresh);
    for (int k = 0; k < 3; k++) {
        it->op[k] = (np_op){.cast = cast[k], .far = k < 2 && fresh[k]};
        it->addr[k] = (uintptr_t)(k < 2 ? c->in[k] : c->out)->data;
        ap[k] = ptrs[k];
        for (int ax = 0; ax < ndim; ax++) as[k][ax] = strides[k][ax];
        view_strides(c, k, k < 2 && fresh[k], ndim, shape, vs[k]);
    }
    const int64_t *vsp[3] = {vs[0], vs[1], vs[2]};
    int perm[ND_MAXDIMS];
    nd__best_order(ndim, shape, c->out_given ? 3 : 2, vsp, perm);
    for (int ax = 0; ax < ndim && c->out_given; ax++) {
        bool neg = false, pos = false;
        for (int k = 0; k < 3; k++) {
            neg = neg || vs[k][ax] < 0;
            pos = pos || vs[k][ax] > 0;
        }
        if (!neg || pos) continue;
        for (int k = 0; k < 3; k++) {
            it->addr[k] += (uintptr_t)(vs[k][ax] * (shape[ax] - 1));
            ap[k] += as[k][ax] * (shape[ax] - 1);
            vs[k][ax] = -vs[k][ax];
            as[k][ax] = -as[k][ax];
        }
    }
    if (temp_out) {
        int64_t s = esize;
        for (int j = ndim - 1; j >= 0; j--) {
            vs[2][perm[j]] = shape[perm[j]] == 1 ? 0 : s;
            s *= shape[perm[j]];
        }
        it->op[2].cast = false;
        it->op[2].far = c->out_given; /* an allocated result is nd's own */
    }
    for (int k = 0; k < 3; k++) {
        np_op *o = &it->op[k];
        bool zero_d = k < 2 && c->in[k]->ndim == 0;
        if (o->cast && zero_d) *o = (np_op){.far = true, .bufnever = true};
        else if (o->cast) continue;
        else if (ndim <= 1) *o = (np_op){.far = o->far, .bufnever = true, .bstride = ndim ? vs[k][0] : 0};
        else if (!zero_d) set_bufnever(o, ndim, shape, perm, vs[k]);
    }
    np_coalesce(ndim, shape, perm, vs, NULL, &it->view);
    np_coalesce(ndim, shape, perm, as, ap, &it->act);
}

/* npyiter_copy_to_buffers for the chunk at idx: which operands are read
 * from buffers (always the cast ones; the others without one stride unless
 * the chunk stays inside the inner axis), and whether the loop then sees
 * steps of one item with the output 64 bytes or more from each input. */
static bool np_chunk_simd(const np_iter *it, int64_t idx, bool onestride, int64_t esize, bool *anybuf) {
    const np_walk *v = &it->view;
    bool simd = true, direct[3];
    for (int k = 0; k < 3; k++) {
        const np_op *o = &it->op[k];
        bool buf = o->cast || (!o->bufnever && !onestride);
        if (buf && (o->cast || k < 2)) *anybuf = true; /* an output buffer is not read */
        int64_t step = buf ? esize : o->bufnever ? o->bstride : v->st[k][v->m - 1];
        simd = simd && step == esize;
        direct[k] = !buf && !o->far;
    }
    if (!simd || !direct[2]) return simd;
    int64_t off[3] = {0, 0, 0};
    for (int d = v->m - 1; d >= 0; d--) {
        int64_t i = idx % v->sh[d];
        idx /= v->sh[d];
        for (int k = 0; k < 3; k++) off[k] += i * v->st[k][d];
    }
    uintptr_t out = it->addr[2] + (uintptr_t)off[2];
    for (int k = 0; k < 2; k++)
        if (direct[k] && !apart(out, it->addr[k] + (uintptr_t)off[k])) return false;
    return true;
}

void nd__loopn_np(int ndim, const int64_t *shape, char **ptrs, const int64_t *const *strides,
                  const nd_np_call *c) {
    int64_t esize = c->loop->itemsize, n = nd__size(ndim, shape);
    if (n == 0) return;
    /* check_for_trivial_loop: 0-d and short 1-d inputs that need a cast are
     * copied first, up to the first operand that rules the trivial loop out. */
    const nd_array *ops[3] = {c->in[0], c->in[1], c->out};
    bool fresh[3] = {false, false, false}, cast[3] = {false, false, false}, triv = true;
    for (int k = 0; k < (c->out_given ? 3 : 2); k++) {
        const nd_array *a = ops[k];
        if (!must_copy(a, c->loop)) continue;
        if (triv && k < 2 && (a->ndim == 0 || (a->ndim == 1 && a->shape[0] <= NP_BUFSIZE))) {
            fresh[k] = true;
        } else {
            cast[k] = true;
            triv = false;
        }
    }
    int64_t fixed[3];
    if (triv && trivial_strides(c, fresh, esize, fixed)) {
        bool simd = fixed[0] == esize && fixed[1] == esize && fixed[2] == esize;
        for (int k = 0; k < 2; k++)
            simd = simd && (fresh[k] || apart((uintptr_t)c->out->data, (uintptr_t)ops[k]->data));
        nd__loopn(ndim, shape, 3, ptrs, strides, simd ? c->simd : c->scalar);
        return;
    }
    np_iter it;
    np_setup(ndim, shape, ptrs, strides, c, fresh, cast, &it);
    /* Chunks of the buffer size, grown to the rest of the inner axis when
     * nothing was read through a buffer (NPY_ITER_GROWINNER); runs of one
     * path go to the kernel together. */
    int64_t inner = it.view.sh[it.view.m - 1], bufsize = n < NP_BUFSIZE ? n : NP_BUFSIZE, idx = 0, run = 0;
    int mode = -1;
    for (;;) {
        bool simd = false, anybuf = false;
        int64_t len = 0;
        if (idx < n) {
            int64_t rem = n - idx, t = rem < bufsize ? rem : bufsize, s = inner - idx % inner;
            if (s > rem) s = rem;
            simd = np_chunk_simd(&it, idx, s >= t, esize, &anybuf);
            len = !anybuf && s > t ? s : t;
        }
        if (idx == n || (int)simd != mode) {
            nd_kernel k = mode ? c->simd : c->scalar;
            if (mode >= 0 && run == 0 && idx == n) nd__loopn(ndim, shape, 3, ptrs, strides, k);
            else if (mode >= 0) walk_range(&it.act, run, idx - run, k);
            if (idx == n) return;
            run = idx;
            mode = simd;
        }
        idx += len;
    }
}
