/* copyops.c — the operations that make copies: copy, astype,
 * ascontiguousarray, asfortranarray, copyto, byteswap; and newbyteorder.
 * The data movement is kern/copy.c's and kern/swap.c's; this file holds
 * NumPy's rules: result layouts, casting checks, overlap handling. */
#include "nd_internal.h"

#include <math.h>

static bool order_ok(char order) {
    if (order == 'C' || order == 'F' || order == 'A' || order == 'K') return true;
    nd__err(ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
    return false;
}

/* NumPy's PyArray_ISFORTRAN: F-contiguous and not C-contiguous. */
static bool is_fortran(const nd_array *a) {
    return (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS);
}

/* A new array shaped like a for `order` (NumPy's NewLikeArray rules). */
static nd_array *alloc_for(const nd_array *a, const nd_dtype *dt, char order) {
    switch (order) {
    case 'K': return nd__alloc_like_k(a, dt);
    case 'A': return nd__alloc_array(a->ndim, a->shape, dt, is_fortran(a) ? 'F' : 'C');
    default: return nd__alloc_array(a->ndim, a->shape, dt, order);
    }
}

static nd_array *copy_as(const nd_array *a, const nd_dtype *dt, char order) {
    nd_array *r = alloc_for(a, dt, order);
    if (!r) return NULL;
    if (nd__assign(r, a) < 0) { /* records: a field view could not be made */
        nd_release(r);
        return NULL;
    }
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
}

nd_array *nd_copy(const nd_array *a, char order) {
    if (!order_ok(order)) return NULL;
    return copy_as(a, a->dtype, order);
}

/* ---- casting checks (NumPy 1.24: 0-d arrays are cast by value) ---- */

static const char *casting_name(nd_casting c) {
    static const char *const n[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    return (unsigned)c < 5 ? n[c] : "unsafe";
}

/* NumPy's min_scalar_type_num for integers: the smallest type holding v;
 * *small says an unsigned result would also fit the same-size signed type. */
static nd_type min_uint_type(uint64_t v, bool *small) {
    if (v <= UINT8_MAX) return *small = v <= INT8_MAX, ND_UINT8;
    if (v <= UINT16_MAX) return *small = v <= INT16_MAX, ND_UINT16;
    if (v <= UINT32_MAX) return *small = v <= INT32_MAX, ND_UINT32;
    return *small = v <= INT64_MAX, ND_UINT64;
}

static nd_type min_scalar_type(const nd_dtype *dt, const void *p, bool *small) {
    nd_value v = nd__load(dt, p);
    nd_type t = (nd_type)dt->type;
    *small = false;
    switch (dt->kind) {
    case 'u': {
        nd_type m = min_uint_type(v.u, small);
        return m; /* never wider than t: v fits t */
    }
    case 'i':
        if (v.i >= 0) return min_uint_type((uint64_t)v.i, small);
        if (v.i >= INT8_MIN) return ND_INT8;
        if (v.i >= INT16_MIN && t > ND_INT16) return ND_INT16;
        if (v.i >= INT32_MIN && t > ND_INT32) return ND_INT32;
        return t;
    case 'f':
        if (t == ND_FLOAT16) return t;
        if ((v.f > -65000 && v.f < 65000) || !isfinite(v.f)) return ND_FLOAT16;
        if (t == ND_FLOAT64 && v.f > -3.4e38 && v.f < 3.4e38) return ND_FLOAT32;
        return t;
    case 'c':
        if (t == ND_COMPLEX128 && v.c[0] > -3.4e38 && v.c[0] < 3.4e38 && v.c[1] > -3.4e38 && v.c[1] < 3.4e38)
            return ND_COMPLEX64;
        return t;
    default: return t;
    }
}

static nd_type unsigned_to_signed(nd_type t) {
    switch (t) {
    case ND_UINT8: return ND_INT8;
    case ND_UINT16: return ND_INT16;
    case ND_UINT32: return ND_INT32;
    case ND_UINT64: return ND_INT64;
    default: return t;
    }
}

/* NumPy's PyArray_CanCastArrayTo: the type rule, then for a 0-d array the
 * rule applied to the smallest type holding its value. */
bool nd_can_cast_array(const nd_array *a, const nd_dtype *to, nd_casting casting) {
    if (nd_can_cast(a->dtype, to, casting)) return true;
    if (a->ndim != 0) return false;
    bool small;
    nd_type m = min_scalar_type(a->dtype, a->data, &small);
    if (small && to->kind != 'u') m = unsigned_to_signed(m);
    return nd_can_cast(nd__dtype_builtin(m, false), to, casting);
}

static int cast_error(const nd_array *src, const nd_dtype *to, nd_casting casting) {
    char *f = nd_dtype_repr(src->dtype), *t = nd_dtype_repr(to);
    int rc = nd__err(ND_ETYPE, "Cannot cast %s from %s to %s according to the rule '%s'",
                     src->ndim == 0 ? "scalar" : "array data", f ? f : "?", t ? t : "?", casting_name(casting));
    nd_free(f);
    nd_free(t);
    return rc;
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
    if (!copy && nd_dtype_equal(a->dtype, dt) && layout_fits(a, order)) return nd_retain(a);
    if (!nd_can_cast_array(a, dt, casting)) {
        cast_error(a, dt, casting);
        return NULL;
    }
    return copy_as(a, dt, order);
}

/* NumPy 1.24 gives a 0-d input a 1-d view (ndmin=1), not a copy. */
static nd_array *view_1d(nd_array *a) {
    nd_array *v = nd__view_new(a, 1, a->dtype);
    if (!v) return NULL;
    v->shape[0] = 1;
    v->strides[0] = a->dtype->itemsize;
    nd__update_flags(v);
    return v;
}

nd_array *nd_ascontiguousarray(nd_array *a) {
    if (a->ndim == 0) return view_1d(a);
    if (a->flags & ND_C_CONTIGUOUS) return nd_retain(a);
    if (nd__strict_check("ascontiguousarray")) return NULL;
    return copy_as(a, a->dtype, 'C');
}

nd_array *nd_asfortranarray(nd_array *a) {
    if (a->ndim == 0) return view_1d(a);
    if (a->flags & ND_F_CONTIGUOUS) return nd_retain(a);
    if (nd__strict_check("asfortranarray")) return NULL;
    return copy_as(a, a->dtype, 'F');
}

/* ---- copyto ---- */

/* NumPy's broadcast errors print shapes without spaces: "(3,4)". */
static void fmt_tight(char *out, size_t cap, int ndim, const int64_t *shape) {
    nd__fmt_shape(out, cap, ndim, shape);
    char *w = out;
    for (const char *r = out; *r; r++)
        if (*r != ' ') *w++ = *r;
    *w = 0;
}

/* Broadcast src's strides onto dst's shape (NumPy's rules, including its
 * backward-compatible stripping of a source's leading size-1 axes, which a
 * where mask does not get), or fail naming `what`. */
static bool broadcast_to_dst(const nd_array *dst, const nd_array *src, int64_t *st, const char *what) {
    int sn = src->ndim;
    const int64_t *sshape = src->shape, *sstr = src->strides;
    bool strip = strcmp(what, "where mask") != 0;
    while (strip && sn > dst->ndim && sshape[0] == 1) {
        sn--;
        sshape++;
        sstr++;
    }
    int off = dst->ndim - sn;
    if (off < 0) goto bad;
    for (int i = 0; i < dst->ndim; i++) {
        int j = i - off;
        if (j < 0 || (sshape[j] == 1 && dst->shape[i] != 1))
            st[i] = 0;
        else if (sshape[j] == dst->shape[i])
            st[i] = sstr[j];
        else
            goto bad;
    }
    return true;
bad: {
    char a[512], b[512];
    fmt_tight(a, sizeof a, sn, sshape);
    fmt_tight(b, sizeof b, dst->ndim, dst->shape);
    nd__err(ND_EVALUE, "could not broadcast %s from shape %s into shape %s", what, a, b);
    return false;
}
}

static bool broadcast_src(const nd_array *dst, const nd_array *src, int64_t *st) {
    return broadcast_to_dst(dst, src, st, "input array");
}

/* Do the byte extents of a and b intersect?  (NumPy's arrays_overlap,
 * which is the bounds test: max_work = MAY_SHARE_BOUNDS.) */
static bool bounds_overlap(const nd_array *a, const nd_array *b) {
    uintptr_t lo[2], hi[2];
    const nd_array *x[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        uintptr_t l = (uintptr_t)x[k]->data, h = l;
        for (int i = 0; i < x[k]->ndim; i++) {
            int64_t n = x[k]->shape[i], s = x[k]->strides[i];
            if (n == 0) return false;
            if (s < 0)
                l -= (uintptr_t)(-s * (n - 1));
            else
                h += (uintptr_t)(s * (n - 1));
        }
        lo[k] = l;
        hi[k] = h + (uintptr_t)x[k]->dtype->itemsize;
    }
    return lo[0] < hi[1] && lo[1] < hi[0];
}

enum { CAST_BLOCK = 128 }; /* NumPy's NPY_LOWLEVEL_BUFFER_BLOCKSIZE */

static bool wrapped_cast(const nd_array *dst, const nd_array *src) {
    return src->dtype->swapped || dst->dtype->swapped || !(src->flags & ND_ALIGNED) || !(dst->flags & ND_ALIGNED);
}

/* NumPy's 1-d overlapping assignment: no temporary; the walk runs
 * backwards when src starts before dst inside it.  Items go one by one in
 * that order, which is what NumPy's strided loops do (and why e.g.
 * copyto(x[1:6], x[0:10:2]) is not "as if copied" there either). */
static void assign_1d_ordered(nd_array *dst, const nd_array *src, int64_t sst) {
    int64_t n = dst->shape[0], ds = dst->strides[0], ss = sst, isz = dst->dtype->itemsize;
    char *d = dst->data;
    const char *s = src->data;
    if (ds < 0) {
        d += ds * (n - 1);
        s += ss * (n - 1);
        ds = -ds;
        ss = -ss;
    }
    /* NumPy's copy and byte-swap loops for a stride-0 source read the item
     * once; its cast and complex-swap loops read it for every item. */
    int64_t once[2];
    if (ss == 0 && src->dtype->type == dst->dtype->type && src->dtype->kind != 'c') {
        memcpy(once, s, (size_t)src->dtype->itemsize);
        s = (const char *)once;
    }
    uintptr_t sa = (uintptr_t)s, da = (uintptr_t)d; /* s may be `once`: compare addresses */
    if (ss != 0 && sa < da && sa + (uintptr_t)(n * ss) > da) {
        d += ds * (n - 1);
        s += ss * (n - 1);
        ds = -ds;
        ss = -ss;
    }
    if (nd_dtype_equal(dst->dtype, src->dtype)) {
        if (ds == ss && (ds == isz || ds == -isz)) { /* equal steps: memmove is the same walk */
            memmove(ds < 0 ? d + ds * (n - 1) : d, ds < 0 ? s + ss * (n - 1) : s, (size_t)(n * isz));
            return;
        }
        for (int64_t i = 0; i < n; i++, d += ds, s += ss) memmove(d, s, (size_t)isz);
        return;
    }
    nd_cast_ctx c = {src->dtype, dst->dtype};
    bool swap = src->dtype->type == dst->dtype->type;
    nd_loop2_fn fn = swap ? nd__swap_loop : nd__cast_loop(src->dtype, dst->dtype);
    void *ctx = swap ? (void *)dst->dtype : (void *)&c;
    if (!swap && wrapped_cast(dst, src)) {
        /* NumPy wraps a cast from or to a swapped or unaligned array in a
         * buffer of 128 items: each block of the source is read before any
         * of its block is written. */
        int64_t sisz = src->dtype->itemsize;
        _Alignas(16) char blk[CAST_BLOCK * 16];
        for (int64_t i = 0; i < n; i += CAST_BLOCK) {
            int64_t m = n - i < CAST_BLOCK ? n - i : CAST_BLOCK;
            for (int64_t k = 0; k < m; k++, s += ss) memcpy(blk + k * sisz, s, (size_t)sisz);
            fn(d, ds, blk, sisz, m, ctx);
            d += ds * m;
        }
        return;
    }
    for (int64_t i = 0; i < n; i++, d += ds, s += ss) fn(d, 0, s, 0, 1, ctx);
}

/* A header over src's data with dst's shape and the broadcast strides. */
static nd_array *src_view(const nd_array *dst, const nd_array *src, const char *data, const int64_t *st) {
    nd_array *sv = nd__header_new(dst->ndim);
    if (!sv) return NULL;
    sv->dtype = nd_dtype_retain(src->dtype);
    sv->data = (char *)data;
    memcpy(sv->shape, dst->shape, (size_t)dst->ndim * sizeof(int64_t));
    memcpy(sv->strides, st, (size_t)dst->ndim * sizeof(int64_t));
    return sv;
}

static bool same_layout(const nd_array *a, const nd_array *b) {
    if (a->data != b->data || !nd_dtype_equal(a->dtype, b->dtype) || a->ndim != b->ndim) return false;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != b->shape[i] || a->strides[i] != b->strides[i]) return false;
    return true;
}

int nd_copyto(nd_array *dst, const nd_array *src, nd_casting casting) {
    /* PyArray_AssignArray skips an array copied onto its own layout before
     * it checks that dst is writeable (np.copyto(a, a) on a read-only a). */
    if (src->ndim > 0 && same_layout(dst, src)) return 0;
    int rc = nd__check_writeable(dst);
    if (rc) return rc;
    if (!nd_can_cast_array(src, dst->dtype, casting)) return cast_error(src, dst->dtype, casting);
    int64_t st[ND_MAXDIMS];
    if (!broadcast_src(dst, src, st)) return ND_EVALUE;
    int64_t n = nd_size(dst);
    if (n == 0 || same_layout(dst, src)) return 0; /* NumPy skips copying data onto itself */
    /* A 0-d source is read once into a local copy (NumPy's raw-scalar
     * assignment), so overlap cannot matter.  Other sources, even of one
     * item, follow NumPy's array rules below. */
    int64_t one[16];
    const char *sdata = src->data;
    if (src->ndim == 0) {
        memcpy(one, src->data, (size_t)src->dtype->itemsize);
        sdata = (const char *)one;
        memset(st, 0, sizeof(int64_t) * (size_t)dst->ndim);
    } else if (bounds_overlap(dst, src)) {
        /* NumPy's test is "product of the strides < 0"; signs avoid the
         * overflow.  A structured dst always goes through the temporary
         * (its field-by-field transfer is not an ordered walk). */
        int64_t a = dst->ndim == 1 ? dst->strides[0] : 0, b = src->strides[src->ndim - 1];
        bool same_dir = dst->ndim == 1 && !nd__is_struct(dst->dtype) && !((a < 0 && b > 0) || (a > 0 && b < 0));
        if (same_dir) {
            assign_1d_ordered(dst, src, st[0]);
            nd__count_copy((uint64_t)nd_nbytes(dst));
            return 0;
        }
        /* Otherwise NumPy assigns through a temporary laid out like dst. */
        nd_array *tmp = nd__alloc_like_k(dst, dst->dtype);
        nd_array *sv = tmp ? src_view(dst, src, src->data, st) : NULL;
        if (!sv) {
            nd_release(tmp);
            return ND_ENOMEM;
        }
        rc = nd__assign(tmp, sv);
        nd__count_copy((uint64_t)nd_nbytes(tmp));
        nd__header_free(sv);
        if (rc == 0) rc = nd__assign(dst, tmp);
        nd__count_copy((uint64_t)nd_nbytes(dst));
        nd_release(tmp);
        return rc;
    }
    nd_array *sv = src_view(dst, src, sdata, st);
    if (!sv) return ND_ENOMEM;
    rc = nd__assign(dst, sv);
    nd__count_copy((uint64_t)nd_nbytes(dst));
    nd__header_free(sv);
    return rc;
}

/* ---- byte order ---- */

nd_array *nd_byteswap(nd_array *a, bool inplace) {
    if (inplace) {
        if (!(a->flags & ND_WRITEABLE)) {
            nd__err(ND_EREADONLY, "array to be byte-swapped is read-only");
            return NULL;
        }
        if (nd__is_void(a->dtype)) {
            if (nd__swap_void_inplace(a) < 0) return NULL;
        } else if (a->dtype->itemsize > 1) {
            nd__swap_raw(a->ndim, a->shape, a->data, a->strides, a->data, a->strides, a->dtype);
        }
        return nd_retain(a);
    }
    /* NumPy copies with order 'A', then swaps the copy in place. */
    nd_array *r = alloc_for(a, a->dtype, 'A');
    if (!r) return NULL;
    if (nd__is_void(a->dtype)) {
        nd__copy_raw(a->ndim, a->shape, r->data, r->strides, a->data, a->strides, a->dtype->itemsize);
        if (nd__swap_void_inplace(r) < 0) {
            nd_release(r);
            return NULL;
        }
    } else {
        nd__swap_raw(a->ndim, a->shape, r->data, r->strides, a->data, a->strides, a->dtype);
    }
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

/* src seen with dst's shape through broadcast strides st (a view). */
static nd_array *as_dst_shape(const nd_array *dst, const nd_array *src, const int64_t *st) {
    nd_array *v = nd__view_new((nd_array *)src, dst->ndim, src->dtype);
    if (!v) return NULL;
    for (int i = 0; i < dst->ndim; i++) {
        v->shape[i] = dst->shape[i];
        v->strides[i] = st[i];
    }
    nd__update_flags(v);
    return v;
}

/* NumPy's PyArray_AssignArray with a where mask: the checks in NumPy's
 * order, then the selected elements of the broadcast source (read as a
 * copy, so overlap cannot matter) written through the mask. */
int nd_copyto_where(nd_array *dst, const nd_array *src, nd_casting casting, const nd_array *where) {
    if (!where) return nd_copyto(dst, src, casting);
    int rc = nd__check_writeable(dst);
    if (rc) return rc;
    if (!nd_can_cast_array(src, dst->dtype, casting)) return cast_error(src, dst->dtype, casting);
    int64_t st[ND_MAXDIMS], mst[ND_MAXDIMS];
    if (!broadcast_src(dst, src, st)) return ND_EVALUE;
    nd_array *m = nd_astype((nd_array *)where, nd_dtype_of(ND_BOOL), 'K', ND_CAST_UNSAFE, false);
    if (!m) return nd_errcode();
    nd_array *mv = NULL, *sv = NULL, *vals = NULL;
    rc = ND_EVALUE;
    if (!broadcast_to_dst(dst, m, mst, "where mask")) goto done;
    rc = ND_ENOMEM;
    mv = as_dst_shape(dst, m, mst);
    sv = mv ? as_dst_shape(dst, src, st) : NULL;
    nd_idx ix = ND_ARR(mv);
    vals = sv ? nd_getitem(sv, 1, &ix) : NULL;
    if (vals) rc = nd_setitem(dst, 1, &ix, vals);
done:
    nd_release(vals);
    nd_release(sv);
    nd_release(mv);
    nd_release(m);
    return rc < 0 ? rc : 0;
}
