/* array.c — array headers: lifecycle, accessors, flags, WRITEABLE rules. */
#include "nd_internal.h"

#include <stdlib.h>

static size_t header_bytes(int ndim) { return sizeof(nd_array) + 2 * (size_t)ndim * sizeof(int64_t); }

/* Header fields every new header starts with (refcnt 1, nothing owned). */
static inline nd_array *header_init(nd_array *a, int ndim) {
    atomic_init(&a->refcnt, 1);
    a->ndim = ndim;
    a->flags = 0;
    a->data = NULL;
    a->dtype = NULL;
    a->base = NULL;
    a->buf = NULL;
    a->shape = a->dims;
    a->strides = a->dims + ndim;
    return a;
}

nd_array *nd__header_new(int ndim) {
    nd_array *a = nd__hdr_alloc(header_bytes(ndim));
    if (ND_UNLIKELY(!a)) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    return header_init(a, ndim);
}

void nd__header_free(nd_array *a) {
    nd_array *base = a->base;
    nd__dtype_unref(a->dtype);
    if (a->buf) nd_buf_release(a->buf);
    int alloc_ndim = nd__header_alloc_ndim(a);
    if (ND_UNLIKELY(a->shape != a->dims)) nd__free_mem(a->shape); /* moved out by nd_set_shape */
    nd__hdr_free(a, header_bytes(alloc_ndim));
    /* A base is usually shared by other views: decrement it straight away
     * rather than first testing for the sole-owner case as nd_release does. */
    if (base && nd__ref_dec(&base->refcnt)) nd__header_free(base);
}

nd_array *nd_retain(nd_array *a) {
    nd__ref_inc(&a->refcnt);
    return a;
}

void nd_release(nd_array *a) {
    if (!a) return;
    /* A count of 1 is our own reference: no other thread can hold or take
     * one, so the last release needs no atomic read-modify-write (the
     * acquire load pairs with other threads' earlier release decrements). */
    if (atomic_load_explicit(&a->refcnt, memory_order_acquire) != 1 && !nd__ref_dec(&a->refcnt)) return;
    nd__header_free(a);
}

int nd_ndim(const nd_array *a) { return a->ndim; }
const int64_t *nd_shape(const nd_array *a) { return a->shape; }
const int64_t *nd_strides(const nd_array *a) { return a->strides; }
const nd_dtype *nd_array_dtype(const nd_array *a) { return a->dtype; }
int64_t nd_itemsize(const nd_array *a) { return a->dtype->itemsize; }
int64_t nd_size(const nd_array *a) { return nd__size(a->ndim, a->shape); }
int64_t nd_nbytes(const nd_array *a) { return nd_size(a) * a->dtype->itemsize; }
void *nd_data(const nd_array *a) { return a->data; }
int nd_flags(const nd_array *a) { return a->flags; }
nd_array *nd_base(const nd_array *a) { return a->base; }
nd_buf *nd_array_buf(const nd_array *a) { return nd__buf(a); }
bool nd_has_external_base(const nd_array *a) { return !(nd__root(a)->flags & ND_OWNDATA); }
long nd_refcount(const nd_array *a) { return atomic_load(&((nd_array *)a)->refcnt); }

int64_t nd__size(int ndim, const int64_t *shape) {
    int64_t n = 1;
    for (int i = 0; i < ndim; i++) n *= shape[i];
    return n;
}

bool nd__checked_size(int ndim, const int64_t *shape, int64_t itemsize, int64_t *size) {
    int64_t n = 1;
    bool zero = false;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            nd__err(ND_EVALUE, "negative dimensions are not allowed");
            return false;
        }
        if (shape[i] == 0) zero = true;
    }
    /* NumPy refuses a shape whose byte size overflows even if another dim is 0. */
    for (int i = 0; i < ndim; i++) {
        int64_t d = shape[i] ? shape[i] : 1;
        if (__builtin_mul_overflow(n, d, &n)) goto big;
    }
    int64_t bytes;
    if (__builtin_mul_overflow(n, itemsize > 0 ? itemsize : 1, &bytes)) goto big;
    *size = zero ? 0 : n;
    return true;
big:
    nd__err(ND_EVALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    return false;
}

bool nd__c_strides(int ndim, const int64_t *shape, int64_t itemsize, int64_t *strides) {
    int64_t s = itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        strides[i] = s;
        if (shape[i] && __builtin_mul_overflow(s, shape[i], &s)) return false;
    }
    return true;
}

bool nd__f_strides(int ndim, const int64_t *shape, int64_t itemsize, int64_t *strides) {
    int64_t s = itemsize;
    for (int i = 0; i < ndim; i++) {
        strides[i] = s;
        if (shape[i] && __builtin_mul_overflow(s, shape[i], &s)) return false;
    }
    return true;
}

bool nd__axis(int *axis, int ndim) {
    if (*axis < -ndim || *axis >= ndim) {
        nd__err(ND_EAXIS, "axis %d is out of bounds for array of dimension %d", *axis, ndim);
        return false;
    }
    if (*axis < 0) *axis += ndim;
    return true;
}

/* NumPy's relaxed-strides rules: size-1 axes never break contiguity and an
 * empty array is both C and F contiguous. */
void nd__update_flags_nd(nd_array *a) {
    /* One pass walks F order from the front and C order from the back; no
     * division (alignments are powers of two).  Products wrap unsigned:
     * creation bounds them, and a wrapped one could only clear a flag of a
     * zero-size array, which returns early anyway. */
    int nd = a->ndim;
    const int64_t *shape = a->shape, *st = a->strides;
    uint64_t isz = (uint64_t)a->dtype->itemsize, al = (uint64_t)a->dtype->alignment;
    int f = a->flags & ~(ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | ND_ALIGNED);
    uint64_t chk = (uintptr_t)a->data, sc = isz, sf = isz;
    bool c = true, fc = true;
    for (int i = 0, j = nd - 1; i < nd; i++, j--) {
        uint64_t nf = (uint64_t)shape[i], nc = (uint64_t)shape[j];
        if (nf == 0) {
            a->flags = f | ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | ND_ALIGNED;
            return;
        }
        if (nf != 1) {
            chk |= (uint64_t)st[i];
            fc &= (uint64_t)st[i] == sf;
            sf *= nf;
        }
        if (nc != 1) {
            c &= (uint64_t)st[j] == sc;
            sc *= nc;
        }
    }
    if (c) f |= ND_C_CONTIGUOUS;
    if (fc) f |= ND_F_CONTIGUOUS;
    if (al <= 1 || (chk & (al - 1)) == 0) f |= ND_ALIGNED;
    a->flags = f;
}

nd_array *nd__view_new(nd_array *a, int ndim, const nd_dtype *dt) {
    /* The hot path of every view: header, dtype and base references inline,
     * no calls while the header cache has a block and dt is a builtin. */
    nd_array *v = nd__hdr_alloc(header_bytes(ndim));
    if (ND_UNLIKELY(!v)) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    header_init(v, ndim);
    nd_array *owner = a->base ? a->base : a;
    nd__ref_inc(&owner->refcnt);
    v->dtype = nd__dtype_ref(dt);
    v->base = owner;
    v->data = a->data;
    v->flags = a->flags & ND_WRITEABLE;
    return v;
}

static nd_array *alloc(int ndim, const int64_t *shape, const nd_dtype *dt, char order, bool zero) {
    int64_t size;
    if (dt->base) { /* NumPy expands these where it creates arrays; nd does so in nd_empty/zeros/full */
        nd__err(ND_ETYPE, "a sub-array dtype cannot be the dtype of this result");
        return NULL;
    }
    if (ndim < 0 || ndim > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, ndim);
        return NULL;
    }
    if (!nd__checked_size(ndim, shape, dt->itemsize, &size)) return NULL;
    nd_array *a = nd__header_new(ndim);
    if (!a) return NULL;
    size_t nbytes = (size_t)(size * dt->itemsize);
    /* holey records start zeroed: field-wise copies never write their gaps */
    a->buf = zero || nd__dtype_has_holes(dt) ? nd__buf_alloc_zeroed(nbytes) : nd_buf_alloc(nbytes);
    if (!a->buf) {
        nd__header_free(a);
        return NULL;
    }
    a->dtype = nd_dtype_retain(dt);
    a->data = a->buf->ptr;
    if (ndim) memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t)); /* shape may be NULL for 0-d */
    if (size == 0) /* NumPy gives a new empty array all-zero strides */
        memset(a->strides, 0, (size_t)ndim * sizeof(int64_t));
    else if (order == 'F')
        nd__f_strides(ndim, shape, dt->itemsize, a->strides);
    else
        nd__c_strides(ndim, shape, dt->itemsize, a->strides);
    a->flags = ND_OWNDATA | ND_WRITEABLE;
    nd__update_flags(a);
    return a;
}

nd_array *nd__alloc_array(int ndim, const int64_t *shape, const nd_dtype *dt, char order) {
    return alloc(ndim, shape, dt, order, false);
}

nd_array *nd__alloc_zeroed(int ndim, const int64_t *shape, const nd_dtype *dt, char order) {
    return alloc(ndim, shape, dt, order, true);
}

/* NumPy's order='K': lay the new array out in the order of proto's strides
 * (largest |stride| outermost, ties keep axis order). */
nd_array *nd__alloc_like_k(const nd_array *proto, const nd_dtype *dt) {
    int nd = proto->ndim;
    if (proto->flags & ND_C_CONTIGUOUS) return nd__alloc_array(nd, proto->shape, dt, 'C');
    if (proto->flags & ND_F_CONTIGUOUS) return nd__alloc_array(nd, proto->shape, dt, 'F');
    int perm[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) perm[i] = i;
    for (int i = 1; i < nd; i++) { /* stable insertion sort, descending |stride| */
        int p = perm[i], j = i;
        int64_t sp = llabs(proto->strides[p]);
        while (j > 0 && llabs(proto->strides[perm[j - 1]]) < sp) {
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    nd_array *a = nd__alloc_array(nd, proto->shape, dt, 'C');
    if (!a) return NULL;
    int64_t s = dt->itemsize;
    for (int k = nd - 1; k >= 0; k--) {
        int ax = perm[k];
        a->strides[ax] = s;
        s *= proto->shape[ax] ? proto->shape[ax] : 1;
    }
    nd__update_flags(a);
    return a;
}

/* NumPy's _IsWriteable: an owner of its data may always become writeable; a
 * view only if its owner is writeable, or the owner wraps writable foreign
 * memory. */
static bool may_write(const nd_array *a) {
    const nd_array *o = nd__root(a);
    if (o != a && (o->flags & ND_WRITEABLE)) return true;
    if (o->flags & ND_OWNDATA) return o == a;
    if (o->flags & ND__NOBUFFER) return false;
    return !o->buf->readonly;
}

void nd__make_foreign_root(nd_array *v) {
    nd_array *owner = v->base;
    v->buf = nd_buf_retain(nd__buf(owner));
    v->base = NULL;
    nd_release(owner);
    v->flags |= ND__NOBUFFER;
}

int nd_set_writeable(nd_array *a, bool on) {
    if (!on) {
        a->flags &= ~ND_WRITEABLE;
        return 0;
    }
    if (!may_write(a)) return nd__err(ND_EVALUE, "cannot set WRITEABLE flag to True of this array");
    a->flags |= ND_WRITEABLE;
    return 0;
}

int nd__check_writeable(const nd_array *a) {
    if (!(a->flags & ND_WRITEABLE)) return nd__err(ND_EREADONLY, "assignment destination is read-only");
    return 0;
}
