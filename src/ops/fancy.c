/* fancy.c — advanced indexing: integer and boolean index arrays mixed with
 * basic terms, NumPy's placement of the broadcast index dimensions, gather
 * for reads and scatter (last write wins) for assignment. */
#include "nd_internal.h"

#include <stdio.h>
#include <stdlib.h>

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

typedef struct {
    nd_array *view;                 /* a with basic terms applied, advanced axes kept whole */
    int nadv;
    int vaxis[ND_MAXDIMS];          /* view axis of each index array */
    int oaxis[ND_MAXDIMS];          /* original axis, for error messages */
    nd_array *idx[ND_MAXDIMS];      /* int64, broadcast to bshape, non-negative (owned) */
    int bnd;
    int64_t bshape[ND_MAXDIMS];
    bool adjacent;
    bool subspace;                  /* NumPy builds a subspace view (a non-array term, or implicit '...') */
    int bperm[ND_MAXDIMS];          /* index-space dims in nditer order over the index arrays */
    bool may_flip, any_neg;         /* 1-d index space: nditer may reverse it (no positive index stride) */
    bool mask;                      /* one boolean index of a's shape (NumPy's HAS_BOOL) */
    bool idx_ndim1;                 /* the first index array is 1-d */
    int64_t ist[ND_MAXDIMS][ND_MAXDIMS]; /* the index arrays' own strides, broadcast to bshape */
} fancy;

static void fancy_free(fancy *f) {
    nd_release(f->view);
    for (int i = 0; i < f->nadv; i++) nd_release(f->idx[i]);
    memset(f, 0, sizeof *f);
}

static bool has_arrays(int n, const nd_idx *idx) {
    for (int i = 0; i < n; i++)
        if (idx[i].kind == ND_IDX_ARRAY) return true;
    return false;
}

/* An index array made int64 with bounds checked and negatives wrapped.
 * When the result is empty NumPy 1.24 only warns about bad indices
 * (DeprecationWarning), so `lenient` skips the check; nothing is read. */
static nd_array *normalise(const nd_array *ix, int64_t len, int oaxis, bool lenient) {
    nd_array *r = nd_astype((nd_array *)ix, native(ND_INT64), 'C', ND_CAST_UNSAFE, true);
    if (!r) return NULL;
    int64_t n = nd_size(r), *p = (int64_t *)(void *)r->data;
    for (int64_t i = 0; i < n; i++) {
        int64_t k = p[i];
        if (lenient) continue;
        if (k < -len || k >= len) {
            nd__err(ND_EINDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)k, oaxis,
                    (long long)len);
            nd_release(r);
            return NULL;
        }
        if (k < 0) p[i] = k + len;
    }
    return r;
}

/* Split the index into a basic view plus index arrays.  Returns 1 when
 * the index is advanced (f filled), 0 when purely basic (f->view set). */
static int prepare(nd_array *a, int n, const nd_idx *idx, fancy *f) {
    memset(f, 0, sizeof *f);
    if (!has_arrays(n, idx)) {
        f->view = nd_subscript(a, n, idx);
        return f->view ? 0 : -1;
    }
    int consumed = 0, nell = 0;
    for (int i = 0; i < n; i++) {
        switch (idx[i].kind) {
        case ND_IDX_ELLIPSIS: nell++; break;
        case ND_IDX_NEWAXIS: break;
        case ND_IDX_ARRAY:
            consumed += idx[i].array->dtype->kind == 'b' ? (idx[i].array->ndim ? idx[i].array->ndim : 0) : 1;
            break;
        default: consumed++; break;
        }
    }
    if (nell > 1) return nd__err(ND_EINDEX, "an index can only have a single ellipsis ('...')");
    if (consumed > a->ndim)
        return nd__err(ND_EINDEX, "too many indices for array: array is %d-dimensional, but %d were indexed", a->ndim,
                       consumed);
    f->subspace = consumed < a->ndim;
    f->mask = n == 1 && idx[0].kind == ND_IDX_ARRAY && idx[0].array->dtype->kind == 'b' &&
              idx[0].array->ndim == a->ndim &&
              !memcmp(idx[0].array->shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    for (int i = 0; i < n; i++)
        if (idx[i].kind != ND_IDX_ARRAY || (idx[i].array->ndim == 0 && idx[i].array->dtype->kind != 'b'))
            f->subspace = true;
    nd_idx basic[2 * ND_MAXDIMS + 2];
    memset(basic, 0, sizeof basic);
    const nd_array *arr[ND_MAXDIMS];
    nd_array *owned[ND_MAXDIMS];
    int nb = 0, k = 0, v = 0, nowned = 0, rc = -1;
    for (int i = 0; i < n; i++) {
        nd_idx t = idx[i];
        if (nb >= 2 * ND_MAXDIMS || f->nadv >= ND_MAXDIMS) {
            rc = nd__err(ND_EINDEX, "too many indices");
            goto fail;
        }
        switch (t.kind) {
        case ND_IDX_ELLIPSIS:
            for (int j = 0; j < a->ndim - consumed; j++, k++, v++) basic[nb++] = ND_ALL;
            break;
        case ND_IDX_NEWAXIS:
            basic[nb++] = t;
            v++;
            break;
        case ND_IDX_SLICE:
            basic[nb++] = t;
            k++, v++;
            break;
        case ND_IDX_INT: { /* next to arrays an integer is a 0-d index array */
            int64_t len = a->shape[k];
            if (t.start < -len || t.start >= len) {
                rc = nd__err(ND_EINDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)t.start,
                             k, (long long)len);
                goto fail;
            }
            nd_array *z = nd_scalar(ND_I64(t.start), NULL);
            if (!z) goto fail;
            owned[nowned++] = z;
            arr[f->nadv] = z;
            f->vaxis[f->nadv] = v;
            f->oaxis[f->nadv++] = k;
            basic[nb++] = ND_ALL;
            k++, v++;
        } break;
        case ND_IDX_ARRAY: {
            const nd_array *x = t.array;
            if (x->dtype->kind == 'b') {
                for (int j = 0; j < x->ndim; j++)
                    if (x->shape[j] != a->shape[k + j]) {
                        rc = nd__err(ND_EINDEX,
                                     "boolean index did not match indexed array along dimension %d; dimension is "
                                     "%lld but corresponding boolean dimension is %lld",
                                     k + j, (long long)a->shape[k + j], (long long)x->shape[j]);
                        goto fail;
                    }
                nd_array *nz[ND_MAXDIMS];
                if (x->ndim == 0) { /* a[True] / a[False]: a new axis of length 1 or 0 */
                    int64_t cnt = nd__load(x->dtype, x->data).b ? 1 : 0;
                    nd_array *z = nd_zeros(1, &cnt, native(ND_INT64), 'C');
                    if (!z) goto fail;
                    owned[nowned++] = z;
                    arr[f->nadv] = z;
                    f->vaxis[f->nadv] = v;
                    f->oaxis[f->nadv++] = k;
                    basic[nb++] = ND_NEWAXIS;
                    v++;
                    break;
                }
                if (nd_nonzero(x, nz) < 0) goto fail;
                for (int j = 0; j < x->ndim; j++) {
                    owned[nowned++] = nz[j];
                    arr[f->nadv] = nz[j];
                    f->vaxis[f->nadv] = v;
                    f->oaxis[f->nadv++] = k;
                    basic[nb++] = ND_ALL;
                    k++, v++;
                }
                break;
            }
            if (x->dtype->kind != 'i' && x->dtype->kind != 'u') {
                rc = nd__err(ND_EINDEX, "arrays used as indices must be of integer (or boolean) type");
                goto fail;
            }
            arr[f->nadv] = x;
            f->vaxis[f->nadv] = v;
            f->oaxis[f->nadv++] = k;
            basic[nb++] = ND_ALL;
            k++, v++;
        } break;
        }
    }
    f->view = nd_subscript(a, nb, basic);
    if (!f->view) goto fail;
    /* Broadcast the index arrays together. */
    {
        int nds[ND_MAXDIMS];
        const int64_t *shs[ND_MAXDIMS];
        for (int j = 0; j < f->nadv; j++) {
            nds[j] = arr[j]->ndim;
            shs[j] = arr[j]->shape;
        }
        if (nd_broadcast_shapes(f->nadv, nds, shs, &f->bnd, f->bshape) < 0) {
            char msg[512];
            int o = snprintf(msg, sizeof msg, "shape mismatch: indexing arrays could not be broadcast together with shapes ");
            for (int j = 0; j < f->nadv && o < (int)sizeof msg; j++) {
                char sh[128];
                nd__fmt_shape_tight(sh, sizeof sh, nds[j], shs[j]);
                o += snprintf(msg + o, sizeof msg - (size_t)o, "%s ", sh);
            }
            rc = nd__err(ND_EINDEX, "%s", msg);
            goto fail;
        }
        int64_t (*bst)[ND_MAXDIMS] = f->ist;
        const int64_t *bsts[ND_MAXDIMS];
        for (int j = 0; j < f->nadv; j++) {
            nd__broadcast_strides(arr[j], f->bnd, f->bshape, bst[j]);
            bsts[j] = bst[j];
        }
        nd__best_order(f->bnd, f->bshape, f->nadv, bsts, f->bperm);
        /* Along the index space's one long dim (if so), nditer reverses
         * the walk when no stride is positive, unless NumPy's mapiter asks
         * it to keep the order (one 1-d index array). */
        int k = -1;
        for (int j = 0; j < f->bnd; j++)
            if (f->bshape[j] > 1) k = k == -1 ? j : -2;
        f->idx_ndim1 = arr[0]->ndim == 1;
        f->may_flip = k >= 0 && !(f->nadv == 1 && arr[0]->ndim == 1);
        for (int j = 0; j < f->nadv && k >= 0; j++) {
            f->may_flip = f->may_flip && bst[j][k] <= 0;
            f->any_neg = f->any_neg || bst[j][k] < 0;
        }
    }
    int64_t rsize = nd__size(f->bnd, f->bshape);
    for (int ax = 0; ax < f->view->ndim; ax++) {
        bool adv = false;
        for (int j = 0; j < f->nadv; j++) adv = adv || f->vaxis[j] == ax;
        if (!adv) rsize *= f->view->shape[ax];
    }
    for (int j = 0; j < f->nadv; j++) {
        f->idx[j] = normalise(arr[j], f->view->shape[f->vaxis[j]], f->oaxis[j], rsize == 0);
        if (!f->idx[j]) goto fail;
    }
    f->adjacent = true;
    for (int j = 1; j < f->nadv; j++)
        if (f->vaxis[j] != f->vaxis[j - 1] + 1) f->adjacent = false;
    for (int j = 0; j < nowned; j++) nd_release(owned[j]);
    return 1;
fail:
    for (int j = 0; j < nowned; j++) nd_release(owned[j]);
    fancy_free(f);
    return rc < 0 ? rc : nd_errcode();
}

static bool is_adv(const fancy *f, int ax) {
    for (int j = 0; j < f->nadv; j++)
        if (f->vaxis[j] == ax) return true;
    return false;
}

/* The result shape, and for every result axis where it comes from:
 * b-axis k (index space) or a view axis. */
static int result_layout(const fancy *f, int64_t *shape, int *from_view, int *nrest, int *rest) {
    const nd_array *v = f->view;
    int n = 0, first = f->vaxis[0];
    *nrest = 0;
    for (int ax = 0; ax < v->ndim; ax++)
        if (!is_adv(f, ax)) rest[(*nrest)++] = ax;
    if (f->adjacent) {
        for (int ax = 0; ax < first; ax++) from_view[n] = ax, shape[n++] = v->shape[ax];
        for (int k = 0; k < f->bnd; k++) from_view[n] = -1 - k, shape[n++] = f->bshape[k];
        for (int ax = f->vaxis[f->nadv - 1] + 1; ax < v->ndim; ax++) from_view[n] = ax, shape[n++] = v->shape[ax];
    } else {
        for (int k = 0; k < f->bnd; k++) from_view[n] = -1 - k, shape[n++] = f->bshape[k];
        for (int r = 0; r < *nrest; r++) from_view[n] = rest[r], shape[n++] = v->shape[rest[r]];
    }
    return n;
}

/* Visit every point of the index space: call fn with the view offset of
 * the indexed element and the index-space position. */
typedef void (*visit_fn)(void *ctx, int64_t voff, const int64_t *bpos);

/* order (outermost first) and rev (walk an axis backwards) give the
 * order of the visits; NULL: C order. */
static void visit(const fancy *f, visit_fn fn, void *ctx, const int *order, const bool *rev) {
    int64_t bsize = nd__size(f->bnd, f->bshape), bpos[ND_MAXDIMS] = {0}, cnt[ND_MAXDIMS] = {0};
    int64_t ist[ND_MAXDIMS][ND_MAXDIMS];
    int c_order[ND_MAXDIMS];
    for (int k = 0; k < f->bnd; k++) c_order[k] = k;
    if (!order) order = c_order;
    for (int k = 0; k < f->bnd; k++)
        if (rev && rev[k]) bpos[k] = f->bshape[k] - 1;
    for (int j = 0; j < f->nadv; j++) nd__broadcast_strides(f->idx[j], f->bnd, f->bshape, ist[j]);
    for (int64_t b = 0; b < bsize; b++) {
        int64_t off = 0;
        for (int j = 0; j < f->nadv; j++) {
            const char *p = f->idx[j]->data;
            for (int k = 0; k < f->bnd; k++) p += bpos[k] * ist[j][k];
            int64_t ix;
            memcpy(&ix, p, 8);
            off += ix * f->view->strides[f->vaxis[j]];
        }
        fn(ctx, off, bpos);
        for (int q = f->bnd - 1; q >= 0; q--) {
            int k = order[q];
            bool back = rev && rev[k];
            bpos[k] += back ? -1 : 1;
            if (++cnt[k] < f->bshape[k]) break;
            cnt[k] = 0;
            bpos[k] = back ? f->bshape[k] - 1 : 0;
        }
    }
}

typedef struct {
    const fancy *f;
    char *other;                     /* result (gather) or value (scatter) data */
    int64_t bst[ND_MAXDIMS];         /* other's strides over index-space dims */
    int nrest;
    int64_t rshape[ND_MAXDIMS], vst[ND_MAXDIMS], ost[ND_MAXDIMS];
    bool scatter;
    bool alias;                      /* scatter from a value that may share a's memory */
} move_ctx;

/* One subspace block of an assignment whose value may alias a, moved as
 * NumPy's subspace iterator does: nditer order over both (axes reversed
 * where neither stride is positive), chained axes merged, and each inner
 * run one transfer: a memmove when both steps are contiguous, else item
 * by item.  Later items may so read what earlier ones wrote. */
static void subspace_move(int nd, const int64_t *shape, char *dst, const int64_t *dst_st, const char *src,
                          const int64_t *src_st, int64_t isz) {
    int perm[ND_MAXDIMS], m = 0;
    const int64_t *sts[2] = {dst_st, src_st};
    int64_t sh[ND_MAXDIMS], ds[ND_MAXDIMS], ss[ND_MAXDIMS];
    nd__best_order(nd, shape, 2, sts, perm);
    for (int k = 0; k < nd; k++) {
        int ax = perm[k];
        int64_t n = shape[ax], d = dst_st[ax], s = src_st[ax];
        if (n == 1) continue;
        if ((d < 0 || s < 0) && d <= 0 && s <= 0) { /* nditer flips the axis */
            dst += d * (n - 1), src += s * (n - 1);
            d = -d, s = -s;
        }
        if (m > 0 && ds[m - 1] == d * n && ss[m - 1] == s * n) {
            sh[m - 1] *= n, ds[m - 1] = d, ss[m - 1] = s;
            continue;
        }
        sh[m] = n, ds[m] = d, ss[m] = s;
        m++;
    }
    if (m == 0) sh[0] = 1, ds[0] = ss[0] = 0, m = 1;
    int64_t idx[ND_MAXDIMS] = {0}, n = sh[m - 1];
    for (;;) {
        char *d = dst;
        const char *s = src;
        for (int k = 0; k < m - 1; k++) d += idx[k] * ds[k], s += idx[k] * ss[k];
        if (ds[m - 1] == isz && ss[m - 1] == isz)
            memmove(d, s, (size_t)(n * isz));
        else
            for (int64_t i = 0; i < n; i++) memmove(d + i * ds[m - 1], s + i * ss[m - 1], (size_t)isz);
        int k = m - 2;
        for (; k >= 0 && ++idx[k] == sh[k]; k--) idx[k] = 0;
        if (k < 0) return;
    }
}

static void move_block(void *vctx, int64_t voff, const int64_t *bpos) {
    move_ctx *c = vctx;
    char *o = c->other;
    for (int k = 0; k < c->f->bnd; k++) o += bpos[k] * c->bst[k];
    char *vp = c->f->view->data + voff;
    int64_t isz = c->f->view->dtype->itemsize;
    if (c->nrest == 0) {
        if (c->scatter) memmove(vp, o, (size_t)isz); /* the value may be a itself */
        else memcpy(o, vp, (size_t)isz);
        return;
    }
    if (c->scatter && c->alias) {
        subspace_move(c->nrest, c->rshape, vp, c->vst, o, c->ost, isz);
        return;
    }
    if (c->scatter) nd__copy_raw(c->nrest, c->rshape, vp, c->vst, o, c->ost, isz);
    else nd__copy_raw(c->nrest, c->rshape, o, c->ost, vp, c->vst, isz);
}

/* Fill ctx for moving between the view and `other` laid out with
 * strides ost_full over the result shape. */
static void setup_move(move_ctx *c, const fancy *f, const int *from_view, int rn, const int64_t *ost_full,
                       int nrest, const int *rest) {
    c->f = f;
    c->nrest = nrest;
    for (int r = 0; r < rn; r++) {
        if (from_view[r] < 0) {
            c->bst[-1 - from_view[r]] = ost_full[r];
        } else {
            for (int q = 0; q < nrest; q++)
                if (rest[q] == from_view[r]) {
                    c->rshape[q] = f->view->shape[rest[q]];
                    c->vst[q] = f->view->strides[rest[q]];
                    c->ost[q] = ost_full[r];
                }
        }
    }
}

/* The array NumPy's mapiter fills (index-space dims, then the subspace
 * dims): the subspace innermost in its own stride order (a copy 'K'); the
 * index dims outside it in C order, or, when the subspace has one element,
 * in the index arrays' nditer order. */
static nd_array *alloc_fill(const fancy *f, int rn, const int64_t *fill_shape, int nrest, const int *rest) {
    nd_array *r = nd__alloc_array(rn, fill_shape, f->view->dtype, 'C');
    if (!r) return NULL;
    int perm[ND_MAXDIMS];
    int64_t s = f->view->dtype->itemsize, sub = nd__size(nrest, fill_shape + f->bnd);
    for (int q = 0; q < nrest; q++) perm[q] = q;
    for (int q = 1; q < nrest; q++) { /* stable sort, descending |stride| (PyArray_CreateSortedStridePerm) */
        int p = perm[q], j = q;
        int64_t sp = llabs(f->view->strides[rest[p]]);
        for (; j > 0 && llabs(f->view->strides[rest[perm[j - 1]]]) < sp; j--) perm[j] = perm[j - 1];
        perm[j] = p;
    }
    for (int q = nrest - 1; q >= 0; q--) {
        r->strides[f->bnd + perm[q]] = s;
        s *= fill_shape[f->bnd + perm[q]];
    }
    s = f->view->dtype->itemsize * sub;
    for (int k = f->bnd - 1; k >= 0; k--) {
        int ax = f->subspace && sub != 1 ? k : f->bperm[k];
        r->strides[ax] = s;
        s *= fill_shape[ax];
    }
    nd__update_flags(r);
    return r;
}

nd_array *nd_getitem(nd_array *a, int n, const nd_idx *idx) {
    bool done;
    nd_array *fast = nd__fast_getitem(a, n, idx, &done);
    if (done) return fast;
    fancy f;
    int rc = prepare(a, n, idx, &f);
    if (rc <= 0) return rc == 0 ? f.view : NULL;
    int64_t shape[ND_MAXDIMS];
    int from_view[ND_MAXDIMS], rest[ND_MAXDIMS], nrest;
    int rn = result_layout(&f, shape, from_view, &nrest, rest);
    /* NumPy fills an array laid out index-space first, then the remaining
     * axes, and hands back a transposed view of it when the index
     * dimensions belong further in (so base is set there). */
    int64_t fill_shape[ND_MAXDIMS], ost[ND_MAXDIMS] = {0};
    int perm[ND_MAXDIMS];
    bool identity = true;
    for (int k = 0; k < f.bnd; k++) fill_shape[k] = f.bshape[k];
    for (int q = 0; q < nrest; q++) fill_shape[f.bnd + q] = f.view->shape[rest[q]];
    for (int r = 0; r < rn; r++) {
        int src = from_view[r];
        if (src < 0) {
            perm[r] = -1 - src;
        } else {
            for (int q = 0; q < nrest; q++)
                if (rest[q] == src) perm[r] = f.bnd + q;
        }
        identity = identity && perm[r] == r;
    }
    nd_array *r0 = alloc_fill(&f, rn, fill_shape, nrest, rest), *r = NULL;
    if (r0) {
        for (int k = 0; k < rn; k++) ost[k] = r0->strides[perm[k]];
        move_ctx c = {0};
        c.other = r0->data;
        setup_move(&c, &f, from_view, rn, ost, nrest, rest);
        if (nd_size(r0) > 0) visit(&f, move_block, &c, NULL, NULL);
        nd__count_copy((uint64_t)nd_nbytes(r0));
        r = identity ? nd_retain(r0) : nd_transpose(r0, perm);
        nd_release(r0);
    }
    fancy_free(&f);
    return r;
}

/* NumPy's boolean assignment (array_assign_boolean_subscript) from a
 * value that may alias a: a is walked in C order (neighbouring dims merged
 * where a and the mask both chain); each run of true items takes the next
 * items of the value in one transfer, a memmove when both steps are
 * contiguous (the run reads as if copied), else item by item. */
static void mask_assign_alias(nd_array *a, const nd_array *mask, const nd_array *value) {
    int64_t isz = a->dtype->itemsize, sh[ND_MAXDIMS], as[ND_MAXDIMS], ms[ND_MAXDIMS];
    int64_t vs = value->ndim == 0 || value->shape[0] == 1 ? 0 : value->strides[0];
    int m = 0;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] == 1) continue;
        if (m > 0 && as[m - 1] == a->strides[i] * a->shape[i] && ms[m - 1] == mask->strides[i] * a->shape[i]) {
            sh[m - 1] *= a->shape[i];
            as[m - 1] = a->strides[i];
            ms[m - 1] = mask->strides[i];
            continue;
        }
        sh[m] = a->shape[i], as[m] = a->strides[i], ms[m] = mask->strides[i];
        m++;
    }
    if (m == 0) sh[0] = 1, as[0] = ms[0] = 0, m = 1;
    int64_t idx[ND_MAXDIMS] = {0}, n = sh[m - 1], ss = as[m - 1], mst = ms[m - 1];
    const char *v = value->data;
    for (;;) {
        char *ap = a->data;
        const char *mp = mask->data;
        for (int d = 0; d < m - 1; d++) ap += idx[d] * as[d], mp += idx[d] * ms[d];
        for (int64_t k = 0; k < n;) {
            while (k < n && !mp[k * mst]) k++;
            int64_t start = k;
            while (k < n && mp[k * mst]) k++;
            int64_t len = k - start;
            if (ss == isz && vs == isz) {
                memmove(ap + start * ss, v, (size_t)(len * isz));
            } else {
                for (int64_t t = 0; t < len; t++) memmove(ap + (start + t) * ss, v + t * vs, (size_t)isz);
            }
            v += len * vs;
        }
        int d = m - 2;
        for (; d >= 0 && ++idx[d] == sh[d]; d--) idx[d] = 0;
        if (d < 0) return;
    }
}

/* Does NumPy's mapiter read the value in place (no buffer) here?  Over a
 * subspace of more than one item it always does; otherwise its outer
 * iterator does when the index space is 1-d and walked forwards.  (Not a
 * whole-shape mask: that is NumPy's separate boolean assignment.) */
static bool in_place_ok(const fancy *f, const nd_array *value, int rn, const int64_t *shape, const int *from_view) {
    if (f->mask) return false; /* NumPy's boolean assignment moves runs of items with memmove */
    int64_t sub = 1;
    for (int ax = 0; ax < f->view->ndim; ax++)
        if (!is_adv(f, ax)) sub *= f->view->shape[ax];
    if (f->subspace && sub != 1) return true;
    int big = 0, k = -1; /* index dims longer than 1: the iterator drops the others */
    for (int j = 0; j < f->bnd; j++)
        if (f->bshape[j] > 1) big++, k = j;
    if (big == 0) return true;
    if (big > 1) return false;
    int64_t vst[ND_MAXDIMS];
    if (!nd__broadcast_strides(value, rn, shape, vst)) return false; /* the caller reports it */
    int64_t s = 0;
    for (int r = 0; r < rn; r++)
        if (from_view[r] == -1 - k) s = vst[r];
    return !(f->may_flip && s <= 0 && (f->any_neg || s < 0));
}

/* The order NumPy writes the index space in: without a subspace to walk,
 * its outer iterator's nditer order over the index arrays and the value
 * (reversing an axis where no stride is positive, unless one 1-d index
 * array asks to keep the order); with one, C order (returns false). */
static bool write_order(const fancy *f, const nd_array *value, int rn, const int64_t *shape, const int *from_view,
                        int *order, bool *rev) {
    int64_t sub = 1, vst[ND_MAXDIMS], bv[ND_MAXDIMS] = {0};
    for (int ax = 0; ax < f->view->ndim; ax++)
        if (!is_adv(f, ax)) sub *= f->view->shape[ax];
    if ((f->subspace && sub != 1) || f->bnd == 0 || !nd__broadcast_strides(value, rn, shape, vst)) return false;
    for (int r = 0; r < rn; r++)
        if (from_view[r] < 0) bv[-1 - from_view[r]] = vst[r];
    const int64_t *sts[ND_MAXDIMS + 1];
    for (int j = 0; j < f->nadv; j++) sts[j] = f->ist[j];
    sts[f->nadv] = bv;
    nd__best_order(f->bnd, f->bshape, f->nadv + 1, sts, order);
    bool keep = f->nadv == 1 && f->idx_ndim1;
    for (int k = 0; k < f->bnd; k++) {
        bool neg = false, pos = false;
        for (int j = 0; j <= f->nadv; j++) neg = neg || sts[j][k] < 0, pos = pos || sts[j][k] > 0;
        rev[k] = !keep && neg && !pos && f->bshape[k] > 1;
    }
    return true;
}

int nd_setitem(nd_array *a, int n, const nd_idx *idx, const nd_array *value) {
    bool done;
    int rc = nd__fast_setitem(a, n, idx, value, &done);
    if (done) return rc;
    rc = nd__check_writeable(a);
    if (rc) return rc;
    fancy f;
    rc = prepare(a, n, idx, &f);
    if (rc < 0) return rc;
    if (rc == 0) {
        rc = nd_copyto(f.view, value, ND_CAST_UNSAFE);
        nd_release(f.view);
        return rc;
    }
    int64_t shape[ND_MAXDIMS], vst[ND_MAXDIMS];
    int from_view[ND_MAXDIMS], rest[ND_MAXDIMS], nrest;
    int rn = result_layout(&f, shape, from_view, &nrest, rest);
    /* The value in a's dtype.  NumPy's mapiter reads it in place, item by
     * item as it writes, when it walks a subspace or a 1-d index space in
     * order without a cast; otherwise its buffers read ahead, which a copy
     * of a value that may alias a reproduces. */
    bool same = nd_dtype_equal(value->dtype, a->dtype), alias = same && nd_may_share_memory(value, a);
    if (alias && f.mask && value->ndim <= 1 && nd__size(a->ndim, a->shape) > 0) {
        int64_t count = nd__size(rn, shape);
        if (value->ndim == 0 || value->shape[0] == 1 || value->shape[0] == count) {
            mask_assign_alias(a, idx[0].array, value);
            fancy_free(&f);
            return 0;
        }
    }
    if (alias && !in_place_ok(&f, value, rn, shape, from_view)) alias = false, same = false;
    nd_array *val = same ? nd_retain((nd_array *)value)
                         : nd_astype((nd_array *)value, a->dtype, 'K', ND_CAST_UNSAFE, true);
    if (!val) {
        fancy_free(&f);
        return nd_errcode();
    }
    if (!nd__broadcast_strides(val, rn, shape, vst)) {
        char s1[256], s2[256];
        nd__fmt_shape_tight(s1, sizeof s1, value->ndim, value->shape);
        nd__fmt_shape_tight(s2, sizeof s2, rn, shape);
        rc = nd__err(ND_EVALUE, "shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s",
                     s1, s2);
    } else {
        move_ctx c = {0};
        c.other = val->data;
        c.scatter = true;
        c.alias = alias;
        setup_move(&c, &f, from_view, rn, vst, nrest, rest);
        int order[ND_MAXDIMS];
        bool rev[ND_MAXDIMS];
        bool outer = write_order(&f, value, rn, shape, from_view, order, rev);
        if (nd__size(rn, shape) > 0) visit(&f, move_block, &c, outer ? order : NULL, outer ? rev : NULL);
        rc = 0;
    }
    nd_release(val);
    fancy_free(&f);
    return rc;
}

/* ---- the string form with {k} placeholders ---- */

static int parse_with_arrays(const char *expr, nd_array *const *arrays, int narrays, nd_idx *out, int cap) {
    int n = 0;
    const char *p = expr;
    char term[256];
    while (*p) {
        const char *q = p;
        int depth = 0;
        while (*q && !(*q == ',' && depth == 0)) {
            if (*q == '[' || *q == '(') depth++;
            if (*q == ']' || *q == ')') depth--;
            q++;
        }
        size_t len = (size_t)(q - p);
        if (len >= sizeof term) return nd__err(ND_EVALUE, "index term too long");
        memcpy(term, p, len);
        term[len] = 0;
        char *t = term;
        while (*t == ' ') t++;
        char *e = t + strlen(t);
        while (e > t && e[-1] == ' ') *--e = 0;
        if (n >= cap) return nd__err(ND_EINDEX, "too many indices");
        if (*t == '{') {
            char *end;
            long k = strtol(t + 1, &end, 10);
            if (*end != '}' || end[1] || k < 0 || k >= narrays)
                return nd__err(ND_EVALUE, "invalid array placeholder '%s'", t);
            out[n++] = ND_ARR(arrays[k]);
        } else if (*t || *q) {
            nd_idx one[2];
            int m = nd_index_parse(t, one, 2);
            if (m < 0) return m;
            if (m != 1) return nd__err(ND_EVALUE, "invalid index term '%s'", t);
            out[n++] = one[0];
        }
        p = *q ? q + 1 : q;
    }
    return n;
}

nd_array *nd_index_arrays(nd_array *a, const char *expr, nd_array *const *arrays, int narrays) {
    nd_idx idx[2 * ND_MAXDIMS + 2];
    int n = parse_with_arrays(expr, arrays, narrays, idx, 2 * ND_MAXDIMS + 2);
    return n < 0 ? NULL : nd_getitem(a, n, idx);
}

int nd_setitem_str(nd_array *a, const char *expr, nd_array *const *arrays, int narrays, const nd_array *value) {
    nd_idx idx[2 * ND_MAXDIMS + 2];
    int n = parse_with_arrays(expr, arrays, narrays, idx, 2 * ND_MAXDIMS + 2);
    return n < 0 ? n : nd_setitem(a, n, idx, value);
}
