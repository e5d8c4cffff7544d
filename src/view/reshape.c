/* reshape.c — reshape, ravel and flatten: a view whenever NumPy's no-copy
 * rule allows, otherwise a copy made by the strided copy engine. */
#include "nd_internal.h"

#include <stdio.h>
#include <stdlib.h>

/* NumPy's convert_shape_to_string for reshape errors: no spaces, negative
 * (unknown) dims print as "newaxis" and leading ones are dropped. */
static void fmt_newshape(char *out, size_t cap, int n, const int64_t *v) {
    size_t k = 0;
    int i = 0;
#define PUT(...) k += (size_t)snprintf(out + k, k < cap ? cap - k : 0, __VA_ARGS__)
    while (i < n && v[i] < 0) i++;
    if (i == n) {
        PUT("()");
        return;
    }
    PUT("(%lld", (long long)v[i++]);
    for (; i < n; i++) {
        if (v[i] < 0)
            PUT(",newaxis");
        else
            PUT(",%lld", (long long)v[i]);
    }
    PUT(n == 1 ? ",)" : ")");
#undef PUT
}

static int size_mismatch(const nd_array *a, int n, const int64_t *shape) {
    char s[ND_MAXDIMS * 24 + 8];
    fmt_newshape(s, sizeof s, n, shape);
    return nd__err(ND_EVALUE, "cannot reshape array of size %lld into shape %s", (long long)nd_size(a), s);
}

/* NumPy's _fix_unknown_dimension: any negative dim is the unknown one. */
static int fix_unknown(const nd_array *a, int64_t size, int n, const int64_t *shape, int64_t *dims) {
    int64_t known = 1;
    int unknown = -1;
    for (int i = 0; i < n; i++) {
        dims[i] = shape[i];
        if (shape[i] < 0) {
            if (unknown >= 0) return nd__err(ND_EVALUE, "can only specify one unknown dimension");
            unknown = i;
        } else if (__builtin_mul_overflow(known, shape[i], &known)) {
            return size_mismatch(a, n, shape);
        }
    }
    if (unknown >= 0) {
        if (known == 0 || size % known != 0) return size_mismatch(a, n, shape);
        dims[unknown] = size / known;
    } else if (size != known) {
        return size_mismatch(a, n, shape);
    }
    return 0;
}

/* Wrapping multiply: stride arithmetic on as_strided layouts may overflow,
 * which NumPy's C does silently; unsigned keeps that free of UB. */
static inline int64_t mulw(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }

/* NumPy's _attempt_nocopy_reshape: pair groups of old axes (size-1 axes
 * dropped) with groups of new axes of equal product; each old group must
 * chain contiguously in the given order.  Fills strides or returns false. */
static bool nocopy_strides(const nd_array *a, int newnd, const int64_t *newdims, int64_t *ns, bool f) {
    int64_t od[ND_MAXDIMS], os[ND_MAXDIMS];
    int oldnd = 0;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] != 1) {
            od[oldnd] = a->shape[i];
            os[oldnd++] = a->strides[i];
        }
    }
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < newnd && oi < oldnd) {
        int64_t np = newdims[ni], op = od[oi];
        while (np != op) {
            /* Products only grow here (no zero dims reach this function). */
            if (np < op) {
                if (ND_NEVER(nj >= newnd)) return false;
                np *= newdims[nj++];
            } else {
                if (ND_NEVER(oj >= oldnd)) return false;
                op *= od[oj++];
            }
        }
        for (int ok = oi; ok < oj - 1; ok++) {
            if (f ? os[ok + 1] != mulw(od[ok], os[ok]) : os[ok] != mulw(od[ok + 1], os[ok + 1])) return false;
        }
        if (f) {
            ns[ni] = os[oi];
            for (int nk = ni + 1; nk < nj; nk++) ns[nk] = mulw(ns[nk - 1], newdims[nk - 1]);
        } else {
            ns[nj - 1] = os[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) ns[nk - 1] = mulw(ns[nk], newdims[nk]);
        }
        ni = nj++;
        oi = oj++;
    }
    /* Trailing size-1 new axes get a filler stride. */
    int64_t last = ni >= 1 ? ns[ni - 1] : a->dtype->itemsize;
    if (f && ni >= 1) last = mulw(last, newdims[ni - 1]);
    for (int nk = ni; nk < newnd; nk++) ns[nk] = last;
    return true;
}

static bool is_fortran(const nd_array *a) {
    return (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS);
}

static bool order_ok(char order) {
    if (order == 'C' || order == 'F' || order == 'A' || order == 'K') return true;
    nd__err(ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
    return false;
}

static bool mode_ok(nd_copymode mode) {
    if (mode == ND_COPY_IF_NEEDED || mode == ND_COPY_ALWAYS || mode == ND_COPY_NEVER) return true;
    nd__err(ND_EVALUE, "invalid copy mode %d", (int)mode);
    return false;
}

/* Short copies of dims: a plain loop beats memcpy's setup (or an inlined
 * rep movs) for the handful of elements a shape has. */
static inline void copy_dims(int64_t *dst, const int64_t *src, int n) {
    for (int i = 0; i < n; i++) dst[i] = src[i];
}

/* A view of src with the given shape and strides (NULL: contiguous in
 * order f). */
static nd_array *shaped_view(nd_array *src, int ndim, const int64_t *dims, const int64_t *strides, bool f) {
    nd_array *v = nd__view_new(src, ndim, src->dtype);
    if (!v) return NULL;
    copy_dims(v->shape, dims, ndim);
    if (strides) {
        copy_dims(v->strides, strides, ndim);
        nd__update_flags(v);
        return v;
    }
    const nd_dtype *dt = src->dtype;
    if (f)
        nd__f_strides(ndim, dims, dt->itemsize, v->strides);
    else
        nd__c_strides(ndim, dims, dt->itemsize, v->strides);
    /* src is contiguous in this order, so the flags follow without the
     * general walk: contiguous in the other order too when at most one
     * dim exceeds 1; ALIGNED as src's (same data, itemsize-multiple strides). */
    int big = 0;
    bool empty = false;
    for (int i = 0; i < ndim; i++) {
        big += dims[i] != 1;
        empty |= dims[i] == 0;
    }
    if (empty || dt->alignment <= 0 || (dt->itemsize & (dt->alignment - 1)) != 0) {
        nd__update_flags(v);
        return v;
    }
    v->flags |= (src->flags & ND_ALIGNED) | (big <= 1 ? ND_C_CONTIGUOUS | ND_F_CONTIGUOUS
                                             : f        ? ND_F_CONTIGUOUS
                                                        : ND_C_CONTIGUOUS);
    return v;
}

/* NumPy 2.1's _reshape_with_copy_arg (1.24's PyArray_Newshape when mode is
 * IF_NEEDED).  A copy is made in the target order and the result is a
 * view of it, so its base is that copy, as in NumPy. */
/* The common reshape in one pass: C-contiguous a, C order, every dim given
 * (no -1, no 0), same size, a different shape (NumPy keeps an unchanged
 * shape's strides).  Returns false, touching nothing, when it does not
 * apply; otherwise *out is the view (NULL if the header allocation failed). */
static bool reshape_c_fast(nd_array *a, int ndim, const int64_t *shape, nd_array **out) {
    int64_t n = 1, size = 1;
    int big = 0;
    bool same = ndim == a->ndim;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] <= 0 || __builtin_mul_overflow(n, shape[i], &n)) return false;
        big += shape[i] != 1;
        same = same && shape[i] == a->shape[i];
    }
    for (int i = 0; i < a->ndim; i++) size *= a->shape[i];
    const nd_dtype *dt = a->dtype;
    if (same || n != size || (dt->itemsize & (dt->alignment - 1)) != 0) return false;
    nd_array *v = *out = nd__view_new(a, ndim, dt);
    if (!v) return true;
    int64_t st = dt->itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        v->shape[i] = shape[i];
        v->strides[i] = st;
        st *= shape[i];
    }
    /* contiguous like a, so ALIGNED as a's; both orders when at most one dim exceeds 1 */
    v->flags |= (a->flags & ND_ALIGNED) | ND_C_CONTIGUOUS | (big <= 1 ? ND_F_CONTIGUOUS : 0);
    return true;
}

nd_array *nd_reshape(nd_array *a, int ndim, const int64_t *shape, char order, nd_copymode mode) {
    nd_array *fast;
    if (ndim >= 0 && ndim <= ND_MAXDIMS && (shape || ndim == 0) && (order == 'C' || order == 'A') &&
        (mode == ND_COPY_IF_NEEDED || mode == ND_COPY_NEVER) && (a->flags & ND_C_CONTIGUOUS) &&
        !(order == 'A' && is_fortran(a)) && reshape_c_fast(a, ndim, shape, &fast))
        return fast;
    if (ndim < 0 || ndim > ND_MAXDIMS || (ndim > 0 && !shape)) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, ndim);
        return NULL;
    }
    if (!order_ok(order) || !mode_ok(mode)) return NULL;
    if (order == 'K') {
        nd__err(ND_EVALUE, "order 'K' is not permitted for reshaping");
        return NULL;
    }
    bool f = order == 'F' || (order == 'A' && is_fortran(a));
    if (ndim == a->ndim && mode != ND_COPY_ALWAYS) {
        int i = 0;
        while (i < ndim && shape[i] == a->shape[i]) i++;
        if (i == ndim) return nd_view(a);
    }
    int64_t dims[ND_MAXDIMS], ns[ND_MAXDIMS], size = nd_size(a), bytes;
    if (fix_unknown(a, size, ndim, shape, dims)) return NULL;
    /* A non-empty result has a's size, whose byte count is known to fit;
     * an empty one may still name dims too big for NumPy. */
    if (size == 0 && !nd__checked_size(ndim, dims, a->dtype->itemsize, &bytes)) return NULL;
    const int64_t *strides = NULL;
    nd_array *copy = NULL, *src = a;
    if (mode == ND_COPY_ALWAYS) {
        if (!(copy = nd_copy(a, f ? 'F' : 'C'))) return NULL;
        src = copy;
    } else if (!(a->flags & (f ? ND_F_CONTIGUOUS : ND_C_CONTIGUOUS))) {
        if (nocopy_strides(a, ndim, dims, ns, f)) {
            strides = ns;
        } else if (mode == ND_COPY_NEVER) {
            nd__err(ND_ECOPY, "Unable to avoid creating a copy while reshaping.");
            return NULL;
        } else {
            if (nd__strict_check("reshape")) return NULL;
            if (!(copy = nd_copy(a, f ? 'F' : 'C'))) return NULL;
            src = copy;
        }
    }
    nd_array *v = shaped_view(src, ndim, dims, strides, f);
    nd_release(copy); /* v holds it as its base */
    return v;
}

/* NumPy's iteration order for order='K' (npyiter_find_best_axis_ordering
 * for one operand): an insertion sort from the innermost C axis outwards
 * by |stride|, where zero strides (and size-1 axes, which the iterator
 * gives stride 0) compare as ambiguous and are stepped over.  perm[0] is
 * the innermost axis. */
static void k_order(const nd_array *a, int *perm) {
    int nd = a->ndim;
    int64_t st[ND_MAXDIMS];
    for (int k = 0; k < nd; k++) {
        int ax = nd - 1 - k;
        perm[k] = ax;
        st[ax] = a->shape[ax] == 1 ? 0 : llabs(a->strides[ax]);
    }
    for (int i0 = 1; i0 < nd; i0++) {
        int ipos = i0, j0 = perm[i0];
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            int64_t s0 = st[j0], s1 = st[perm[i1]];
            if (s0 == 0 || s1 == 0) continue;
            if (s1 <= s0) break;
            ipos = i1;
        }
        for (int i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1];
        perm[ipos] = j0;
    }
}

nd_array *nd_flatten(const nd_array *a, char order) {
    if (!order_ok(order)) return NULL;
    if (order == 'A') order = is_fortran(a) ? 'F' : 'C';
    int64_t size = nd_size(a), isz = a->dtype->itemsize, dst[ND_MAXDIMS];
    nd_array *r = nd__alloc_array(1, &size, a->dtype, 'C');
    if (!r) return NULL;
    if (order == 'K') {
        int perm[ND_MAXDIMS];
        k_order(a, perm);
        int64_t s = isz;
        for (int k = 0; k < a->ndim; k++) {
            dst[perm[k]] = s;
            s *= a->shape[perm[k]];
        }
    } else if (order == 'F') {
        nd__f_strides(a->ndim, a->shape, isz, dst);
    } else {
        nd__c_strides(a->ndim, a->shape, isz, dst);
    }
    if (size > 0) {
        nd__copy_raw(a->ndim, a->shape, r->data, dst, a->data, a->strides, isz);
    } else { /* NumPy gives fresh empty arrays zero strides */
        r->strides[0] = 0;
        nd__update_flags(r);
    }
    nd__count_copy((uint64_t)(size * isz));
    return r;
}

/* NumPy's ravel 'K' view test: in decreasing |stride| order, every axis
 * longer than one must continue a contiguous block (negative strides fail). */
static bool k_contiguous(const nd_array *a) {
    int perm[ND_MAXDIMS], nd = a->ndim;
    for (int i = 0; i < nd; i++) { /* stable sort, decreasing |stride| */
        int p = i, j = i;
        while (j > 0 && llabs(a->strides[perm[j - 1]]) < llabs(a->strides[p])) {
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    int64_t s = a->dtype->itemsize;
    for (int i = nd - 1; i >= 0; i--) {
        int ax = perm[i];
        if (a->shape[ax] == 1) continue;
        if (a->strides[ax] != s) return false;
        s *= a->shape[ax];
    }
    return true;
}

nd_array *nd_ravel(nd_array *a, char order, nd_copymode mode) {
    if (!order_ok(order) || !mode_ok(mode)) return NULL;
    if (mode == ND_COPY_ALWAYS) return nd_flatten(a, order);
    if (order == 'K') {
        if (a->flags & ND_C_CONTIGUOUS)
            order = 'C';
        else if (a->flags & ND_F_CONTIGUOUS)
            order = 'F';
    } else if (order == 'A') {
        order = is_fortran(a) ? 'F' : 'C';
    }
    if ((order == 'C' && (a->flags & ND_C_CONTIGUOUS)) || (order == 'F' && (a->flags & ND_F_CONTIGUOUS)) ||
        (order == 'K' && k_contiguous(a))) {
        /* reshape(-1): the -1 never matches reshape's same-shape shortcut,
         * so even a 1-d array gets a fresh contiguous stride. */
        int64_t size = nd_size(a);
        return shaped_view(a, 1, &size, &a->dtype->itemsize, false);
    }
    if (mode == ND_COPY_NEVER) {
        nd__err(ND_ECOPY, "Unable to avoid creating a copy while raveling.");
        return NULL;
    }
    if (nd__strict_check("ravel")) return NULL;
    return nd_flatten(a, order);
}
