/* select.c — nonzero, where, take, compress.  Records count as nonzero
 * when any field is (NumPy's VOID_nonzero). */
#include "nd_internal.h"

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

static bool truthy(const nd_dtype *d, const char *p) {
    switch (d->kind) {
    case 'b': return *p != 0;
    case 'c': { nd_value v = nd__load(d, p); return v.c[0] != 0 || v.c[1] != 0; }
    case 'f': return nd__load(d, p).f != 0;
    case 'V': return nd__record_nonzero(d, p); /* VOID_nonzero */
    default: return nd__load(d, p).u != 0;
    }
}

static int nonzero_into(const nd_array *a, nd_array **zout);

/* NumPy returns views into one (count, ndim) array, one column each;
 * results go to `out` only when every one was made. */
int nd_nonzero(const nd_array *a, nd_array **out) {
    nd_array *z = NULL, *tmp[ND_MAXDIMS];
    int rc = nonzero_into(a, &z);
    if (rc < 0) return rc;
    int nd = a->ndim ? a->ndim : 1, made = 0;
    for (; made < nd; made++) {
        nd_idx col[2] = {ND_ALL, ND_I(made)};
        if (!(tmp[made] = nd_subscript(z, 2, col))) break;
        if (z->shape[0] == 0) tmp[made]->data = z->data; /* NumPy: empty columns start at 0 */
    }
    nd_release(z);
    if (made < nd) {
        for (int d = 0; d < made; d++) nd_release(tmp[d]);
        return ND_ENOMEM;
    }
    for (int d = 0; d < nd; d++) out[d] = tmp[d];
    return 0;
}

/* The (count, ndim) int64 array of indices, in C order. */
static int nonzero_into(const nd_array *a, nd_array **zout) {
    int nd = a->ndim ? a->ndim : 1;
    int64_t one = 1;
    const int64_t *shape = a->ndim ? a->shape : &one;
    const int64_t zero_st = 0;
    const int64_t *strides = a->ndim ? a->strides : &zero_st;
    int64_t size = nd__size(nd, shape), count = 0, idx[ND_MAXDIMS] = {0};
    nd_array *z = NULL;
    for (int pass = 0; pass < 2; pass++) {
        int64_t *col = NULL;
        if (pass == 1) {
            int64_t zs[2] = {count, nd};
            if (!(z = nd__alloc_array(2, zs, native(ND_INT64), 'C'))) return ND_ENOMEM;
            nd__c_strides(2, zs, 8, z->strides); /* NumPy keeps C strides even when empty */
            col = (int64_t *)(void *)z->data;
        }
        int64_t j = 0;
        const char *p = a->data;
        memset(idx, 0, sizeof idx);
        for (int64_t k = 0; k < size; k++) {
            if (truthy(a->dtype, p)) {
                if (pass == 1)
                    for (int d = 0; d < nd; d++) col[j * nd + d] = idx[d];
                j++;
            }
            for (int d = nd - 1; d >= 0; d--) {
                p += strides[d];
                if (++idx[d] < shape[d]) break;
                p -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
        count = j;
    }
    *zout = z;
    return 0;
}

typedef struct {
    const nd_dtype *cd;
    int64_t isz;
} where_ctx;

nd_array *nd_where(const nd_array *cond, const nd_array *x, const nd_array *y) {
    const nd_array *xy[2] = {x, y};
    /* NumPy casts the condition to bool: raw bytes and one-field records can. */
    if (nd__is_struct(cond->dtype) && cond->dtype->nfields != 1) {
        char *r = nd_dtype_repr(cond->dtype);
        nd__err(ND_ETYPE,
                "Iterator operand 1 dtype could not be cast from %s to dtype('bool') according to the rule 'unsafe'",
                r ? r : "?");
        nd_free(r);
        return NULL;
    }
    const nd_dtype *dt = nd_result_type(2, xy);
    if (!dt) return NULL;
    int nds[3] = {cond->ndim, x->ndim, y->ndim}, nd;
    const int64_t *shs[3] = {cond->shape, x->shape, y->shape};
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(3, nds, shs, &nd, shape) < 0) {
        char a[128], b[128], c[128];
        nd__fmt_shape_tight(a, sizeof a, cond->ndim, cond->shape);
        nd__fmt_shape_tight(b, sizeof b, x->ndim, x->shape);
        nd__fmt_shape_tight(c, sizeof c, y->ndim, y->shape);
        nd__err(ND_EVALUE, "operands could not be broadcast together with shapes %s %s %s ", a, b, c);
        return NULL;
    }
    nd_array *xc = nd_astype((nd_array *)x, dt, 'K', ND_CAST_UNSAFE, false);
    nd_array *yc = xc ? nd_astype((nd_array *)y, dt, 'K', ND_CAST_UNSAFE, false) : NULL;
    nd_array *r = NULL;
    int64_t cs[ND_MAXDIMS], xs[ND_MAXDIMS], ys[ND_MAXDIMS];
    if (yc) {
        /* NumPy's iterator casts through buffers: its axis order comes from
         * the operands as given, not from the converted copies. */
        nd__broadcast_strides(cond, nd, shape, cs);
        nd__broadcast_strides(x, nd, shape, xs);
        nd__broadcast_strides(y, nd, shape, ys);
        const int64_t *sts[3] = {cs, xs, ys};
        r = nd__alloc_iter_order(nd, shape, 3, sts, dt);
        nd__broadcast_strides(xc, nd, shape, xs);
        nd__broadcast_strides(yc, nd, shape, ys);
    }
    if (r) {
        int64_t idx[ND_MAXDIMS] = {0};
        int64_t size = nd__size(nd, shape), isz = dt->itemsize;
        const char *pc = cond->data, *px = xc->data, *py = yc->data;
        char *o = r->data;
        const int64_t *os = r->strides;
        for (int64_t k = 0; k < size; k++) {
            memcpy(o, truthy(cond->dtype, pc) ? px : py, (size_t)isz);
            for (int d = nd - 1; d >= 0; d--) {
                pc += cs[d], px += xs[d], py += ys[d], o += os[d];
                if (++idx[d] < shape[d]) break;
                pc -= cs[d] * shape[d], px -= xs[d] * shape[d], py -= ys[d] * shape[d], o -= os[d] * shape[d];
                idx[d] = 0;
            }
        }
        nd__count_copy((uint64_t)nd_nbytes(r));
    }
    nd_release(xc);
    nd_release(yc);
    return r;
}

/* NumPy's PyArray_TakeFrom checks: an empty axis can give nothing, and
 * indices are checked once per outer position (so never when the axes
 * before `axis` are empty). */
static int check_take_bounds(const nd_array *ix, const nd_array *src, int axis) {
    int64_t n = nd_size(ix), len = src->shape[axis];
    int64_t result = n;
    for (int i = 0; i < src->ndim; i++)
        if (i != axis) result *= src->shape[i];
    if (len == 0 && result != 0) return nd__err(ND_EINDEX, "cannot do a non-empty take from an empty axes.");
    if (nd__size(axis, src->shape) == 0) return 0;
    for (int64_t k = 0; k < n; k++) {
        nd_value v;
        nd_item(ix, k, &v);
        int64_t i = ix->dtype->kind == 'u' ? (int64_t)v.u : v.i;
        if (i < -len || i >= len)
            return nd__err(ND_EINDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)i, axis,
                           (long long)len);
    }
    return 0;
}

nd_array *nd_take(nd_array *a, const nd_array *indices, int axis) {
    nd_array *src = NULL, *r = NULL;
    if (axis == ND_AXIS_NONE) {
        src = nd_ravel(a, 'C', ND_COPY_IF_NEEDED);
        axis = 0;
    } else {
        if (!nd__axis(&axis, a->ndim)) return NULL;
        src = nd_retain(a);
    }
    if (!src) return NULL;
    if (indices->dtype->kind != 'i' && indices->dtype->kind != 'u') {
        nd__err(ND_ETYPE, "Cannot cast array data from %s to dtype('int64') according to the rule 'safe'",
                indices->dtype->kind == 'b' ? "dtype('bool')" : "dtype('float64')");
    } else if (check_take_bounds(indices, src, axis) == 0) {
        nd_idx idx[ND_MAXDIMS];
        for (int i = 0; i < axis; i++) idx[i] = ND_ALL;
        idx[axis] = ND_ARR(indices);
        r = nd_getitem(src, axis + 1, idx);
        if (r && (!(r->flags & ND_OWNDATA) || !(r->flags & ND_C_CONTIGUOUS))) { /* take: always a fresh C array */
            nd_array *c = nd_copy(r, 'C');
            nd_release(r);
            r = c;
        }
    }
    nd_release(src);
    return r;
}

nd_array *nd_compress(const nd_array *condition, nd_array *a, int axis) {
    if (condition->ndim != 1) {
        nd__err(ND_EVALUE, "condition must be a 1-d array");
        return NULL;
    }
    nd_array *nz[1]; /* records: NumPy takes their nonzero() as they are */
    nd_array *cb = nd__is_void(condition->dtype)
                       ? nd_retain((nd_array *)condition)
                       : nd_astype((nd_array *)condition, native(ND_BOOL), 'C', ND_CAST_UNSAFE, false);
    if (!cb) return NULL;
    int rc = nd_nonzero(cb, nz);
    nd_release(cb);
    if (rc < 0) return NULL;
    nd_array *r = nd_take(a, nz[0], axis);
    nd_release(nz[0]);
    return r;
}

nd_array *nd__count_nonzero_void(const nd_array *a) {
    int64_t size = nd_size(a), count = 0, idx[ND_MAXDIMS] = {0};
    const char *p = a->data;
    for (int64_t k = 0; k < size; k++) {
        count += nd__record_nonzero(a->dtype, p);
        for (int d = a->ndim - 1; d >= 0; d--) {
            p += a->strides[d];
            if (++idx[d] < a->shape[d]) break;
            p -= a->strides[d] * a->shape[d];
            idx[d] = 0;
        }
    }
    return nd_scalar(ND_I64(count), NULL);
}
