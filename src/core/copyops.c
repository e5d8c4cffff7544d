/* copyops.c — the operations that make copies: copy, astype,
 * ascontiguousarray, asfortranarray, copyto, byteswap; and newbyteorder. */
#include "nd_internal.h"

static bool order_ok(char order) {
    if (order == 'C' || order == 'F' || order == 'A' || order == 'K') return true;
    nd__err(ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
    return false;
}

/* A new array shaped like a for `order` (NumPy's rules for C/F/A/K). */
static nd_array *alloc_for(const nd_array *a, const nd_dtype *dt, char order) {
    switch (order) {
    case 'K': return nd__alloc_like_k(a, dt);
    case 'A': return nd__alloc_array(a->ndim, a->shape, dt, (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS) ? 'F' : 'C');
    default: return nd__alloc_array(a->ndim, a->shape, dt, order);
    }
}

static nd_array *copy_as(const nd_array *a, const nd_dtype *dt, char order) {
    if (!order_ok(order)) return NULL;
    nd_array *r = alloc_for(a, dt, order);
    if (!r) return NULL;
    if (nd__assign(r, a) < 0) {
        nd_release(r);
        return NULL;
    }
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
}

nd_array *nd_copy(const nd_array *a, char order) { return copy_as(a, a->dtype, order); }

static const char *casting_name(nd_casting c) {
    static const char *const n[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    return (unsigned)c < 5 ? n[c] : "unsafe";
}

static bool layout_fits(const nd_array *a, char order) {
    switch (order) {
    case 'C': return a->flags & ND_C_CONTIGUOUS;
    case 'F': return a->flags & ND_F_CONTIGUOUS;
    case 'A': return a->flags & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS);
    default: return true;
    }
}

nd_array *nd_astype(nd_array *a, const nd_dtype *dt, char order, nd_casting casting, bool copy) {
    if (!order_ok(order)) return NULL;
    if (!nd_can_cast(a->dtype, dt, casting)) {
        char *f = nd_dtype_repr(a->dtype), *t = nd_dtype_repr(dt);
        nd__err(ND_ETYPE, "Cannot cast array data from %s to %s according to the rule '%s'", f ? f : "?",
                t ? t : "?", casting_name(casting));
        nd_free(f);
        nd_free(t);
        return NULL;
    }
    if (!copy && nd_dtype_equal(a->dtype, dt) && layout_fits(a, order)) return nd_retain(a);
    return copy_as(a, dt, order);
}

nd_array *nd_ascontiguousarray(nd_array *a) {
    if (a->ndim == 0) { /* NumPy gives a 1-d array for a 0-d input */
        int64_t one = 1;
        nd_array *r = nd__alloc_array(1, &one, a->dtype, 'C');
        if (r) {
            memcpy(r->data, a->data, (size_t)a->dtype->itemsize);
            nd__count_copy((uint64_t)a->dtype->itemsize);
        }
        return r;
    }
    if (a->flags & ND_C_CONTIGUOUS) return nd_retain(a);
    if (nd__strict_check("ascontiguousarray")) return NULL;
    return copy_as(a, a->dtype, 'C');
}

nd_array *nd_asfortranarray(nd_array *a) {
    if (a->flags & ND_F_CONTIGUOUS) return nd_retain(a);
    if (nd__strict_check("asfortranarray")) return NULL;
    return copy_as(a, a->dtype, 'F');
}

/* Broadcast src's strides onto dst's shape (NumPy's rules), or fail. */
static bool broadcast_src(const nd_array *dst, const nd_array *src, int64_t *st) {
    int off = dst->ndim - src->ndim;
    if (off < 0) goto bad;
    for (int i = 0; i < dst->ndim; i++) {
        int j = i - off;
        if (j < 0) {
            st[i] = 0;
        } else if (src->shape[j] == dst->shape[i]) {
            st[i] = src->strides[j];
        } else if (src->shape[j] == 1) {
            st[i] = 0;
        } else {
            goto bad;
        }
    }
    return true;
bad: {
    char a[256], b[256];
    nd__fmt_shape(a, sizeof a, src->ndim, src->shape);
    nd__fmt_shape(b, sizeof b, dst->ndim, dst->shape);
    nd__err(ND_EVALUE, "could not broadcast input array from shape %s into shape %s", a, b);
    return false;
}
}

int nd_copyto(nd_array *dst, const nd_array *src, nd_casting casting) {
    int rc = nd__check_writeable(dst);
    if (rc) return rc;
    if (!nd_can_cast(src->dtype, dst->dtype, casting)) {
        char *f = nd_dtype_repr(src->dtype), *t = nd_dtype_repr(dst->dtype);
        rc = nd__err(ND_ETYPE, "Cannot cast array data from %s to %s according to the rule '%s'", f ? f : "?",
                     t ? t : "?", casting_name(casting));
        nd_free(f);
        nd_free(t);
        return rc;
    }
    int64_t st[ND_MAXDIMS];
    if (!broadcast_src(dst, src, st)) return ND_EVALUE;
    /* Overlapping operands: copy the source first so the result is as if
     * it had been read before any write (NumPy's guarantee). */
    nd_array *tmp = NULL;
    const nd_array *s = src;
    if (nd_may_share_memory(dst, src) && nd_shares_memory(dst, src, ND_MAY_SHARE_EXACT) != 0) {
        tmp = nd_copy(src, 'K');
        if (!tmp) return ND_ENOMEM;
        s = tmp;
        broadcast_src(dst, s, st);
    }
    nd_array *sv = nd__header_new(dst->ndim);
    if (!sv) {
        nd_release(tmp);
        return ND_ENOMEM;
    }
    sv->dtype = nd_dtype_retain(s->dtype);
    sv->data = s->data;
    memcpy(sv->shape, dst->shape, (size_t)dst->ndim * sizeof(int64_t));
    memcpy(sv->strides, st, (size_t)dst->ndim * sizeof(int64_t));
    rc = nd__assign(dst, sv);
    if (rc == 0) nd__count_copy((uint64_t)nd_nbytes(dst));
    nd__header_free(sv);
    nd_release(tmp);
    return rc;
}

static void swap_run(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const nd_dtype *dt = ctx;
    int64_t isz = dt->itemsize, part = dt->kind == 'c' ? isz / 2 : isz;
    unsigned char tmp[16];
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {
        for (int64_t o = 0; o < isz; o += part)
            for (int64_t k = 0; k < part; k++) tmp[o + k] = (unsigned char)src[o + part - 1 - k];
        memcpy(dst, tmp, (size_t)isz);
    }
}

nd_array *nd_byteswap(nd_array *a, bool inplace) {
    if (inplace) {
        if (nd__check_writeable(a)) return NULL;
        if (a->dtype->itemsize > 1)
            nd__loop2(a->ndim, a->shape, a->data, a->strides, a->data, a->strides, swap_run, (void *)a->dtype);
        return nd_retain(a);
    }
    nd_array *r = nd__alloc_like_k(a, a->dtype);
    if (!r) return NULL;
    nd__loop2(a->ndim, a->shape, r->data, r->strides, a->data, a->strides, swap_run, (void *)a->dtype);
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
}

nd_array *nd_newbyteorder(nd_array *a, char order) {
    const nd_dtype *dt = nd_dtype_newbyteorder(a->dtype, order);
    if (!dt) return NULL;
    nd_array *v = nd__view_new(a, a->ndim, dt);
    nd_dtype_release(dt);
    if (!v) return NULL;
    memcpy(v->shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    memcpy(v->strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
    nd__update_flags(v);
    return v;
}
