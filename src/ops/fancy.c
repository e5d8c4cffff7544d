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
        int64_t bst[ND_MAXDIMS][ND_MAXDIMS];
        const int64_t *bsts[ND_MAXDIMS];
        for (int j = 0; j < f->nadv; j++) {
            nd__broadcast_strides(arr[j], f->bnd, f->bshape, bst[j]);
            bsts[j] = bst[j];
        }
        nd__best_order(f->bnd, f->bshape, f->nadv, bsts, f->bperm);
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

static void visit(const fancy *f, visit_fn fn, void *ctx) {
    int64_t bsize = nd__size(f->bnd, f->bshape), bpos[ND_MAXDIMS] = {0};
    int64_t ist[ND_MAXDIMS][ND_MAXDIMS];
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
        for (int k = f->bnd - 1; k >= 0; k--) {
            if (++bpos[k] < f->bshape[k]) break;
            bpos[k] = 0;
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
} move_ctx;

static void move_block(void *vctx, int64_t voff, const int64_t *bpos) {
    move_ctx *c = vctx;
    char *o = c->other;
    for (int k = 0; k < c->f->bnd; k++) o += bpos[k] * c->bst[k];
    char *vp = c->f->view->data + voff;
    int64_t isz = c->f->view->dtype->itemsize;
    if (c->nrest == 0) {
        if (c->scatter) memcpy(vp, o, (size_t)isz);
        else memcpy(o, vp, (size_t)isz);
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
        if (nd_size(r0) > 0) visit(&f, move_block, &c);
        nd__count_copy((uint64_t)nd_nbytes(r0));
        r = identity ? nd_retain(r0) : nd_transpose(r0, perm);
        nd_release(r0);
    }
    fancy_free(&f);
    return r;
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
    /* The value in a's dtype, copied when it might alias a. */
    nd_array *val = NULL;
    if (!nd_dtype_equal(value->dtype, a->dtype) || nd_may_share_memory(value, a))
        val = nd_astype((nd_array *)value, a->dtype, 'K', ND_CAST_UNSAFE, true);
    else
        val = nd_retain((nd_array *)value);
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
        setup_move(&c, &f, from_view, rn, vst, nrest, rest);
        if (nd__size(rn, shape) > 0) visit(&f, move_block, &c);
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
