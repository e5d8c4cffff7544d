/* join.c — concatenate, stack, vstack, hstack, repeat, tile, roll (copies)
 * and flip, fliplr, flipud (views), with NumPy 1.24's result dtypes,
 * layouts and messages. */
#include "nd_internal.h"

#include <stdio.h>

/* Write src (same shape as the layout) into res's memory at data with the
 * given strides, casting to res's dtype.  res is fresh, so no overlap. */
static int assign_at(nd_array *res, char *data, int ndim, const int64_t *shape, const int64_t *strides,
                     const nd_array *src) {
    nd_array *v = nd__view_new(res, ndim, res->dtype);
    if (!v) return ND_ENOMEM;
    memcpy(v->shape, shape, (size_t)ndim * sizeof *shape);
    memcpy(v->strides, strides, (size_t)ndim * sizeof *strides);
    v->data = data;
    nd__update_flags(v);
    int rc = nd__assign(v, src);
    nd_release(v);
    return rc;
}

/* Copy between two same-dtype layouts of any ndim (nd__copy_raw handles
 * up to ND_MAXDIMS axes; deeper ones are peeled off here). */
static void copy_any(int nd, const int64_t *shape, char *dst, const int64_t *ds, const char *src, const int64_t *ss,
                     int64_t isz) {
    if (nd <= ND_MAXDIMS) {
        nd__copy_raw(nd, shape, dst, ds, src, ss, isz);
        return;
    }
    for (int64_t i = 0; i < shape[0]; i++) copy_any(nd - 1, shape + 1, dst + i * ds[0], ds + 1, src + i * ss[0], ss + 1, isz);
}

static int64_t iabs64(int64_t x) { return x < 0 ? -x : x; }

/* NumPy's PyArray_CreateMultiSortedStridePerm: axes ordered from largest to
 * smallest stride over all operands, C order winning ties and conflicts. */
static void multi_sorted_perm(int n, const nd_array *const *arrays, int ndim, int *perm) {
    for (int i = 0; i < ndim; i++) perm[i] = i;
    for (int i0 = 1; i0 < ndim; i0++) {
        int ipos = i0, j0 = perm[i0];
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            bool ambig = true, swap = false;
            int j1 = perm[i1];
            for (int k = 0; k < n; k++) {
                const nd_array *a = arrays[k];
                if (a->shape[j0] != 1 && a->shape[j1] != 1) {
                    if (iabs64(a->strides[j0]) <= iabs64(a->strides[j1])) swap = false;
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
            for (int i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1];
            perm[ipos] = j0;
        }
    }
}

static nd_array *concat_flat(int n, const nd_array *const *arrays) {
    const nd_dtype *dt = nd_result_type(n, arrays);
    if (!dt) return NULL;
    int64_t total = 0;
    for (int i = 0; i < n; i++)
        if (__builtin_add_overflow(total, nd_size(arrays[i]), &total)) {
            nd__err(ND_EVALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
            return NULL;
        }
    nd_array *r = nd__alloc_array(1, &total, dt, 'C');
    if (!r) return NULL;
    char *p = r->data;
    for (int i = 0; i < n; i++) {
        const nd_array *a = arrays[i];
        int64_t st[ND_MAXDIMS];
        nd__c_strides(a->ndim, a->shape, dt->itemsize, st);
        if (nd_size(a) && assign_at(r, p, a->ndim, a->shape, st, a) < 0) goto fail;
        p += nd_size(a) * dt->itemsize;
    }
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
fail:
    nd_release(r);
    return NULL;
}

/* Checks of NumPy's PyArray_ConcatenateArrays; fills the result shape. */
static int concat_shape(int n, const nd_array *const *arrays, int *axis, int64_t *shape) {
    int nd = arrays[0]->ndim;
    if (nd == 0) return nd__err(ND_EVALUE, "zero-dimensional arrays cannot be concatenated");
    if (!nd__axis(axis, nd)) return ND_EAXIS;
    memcpy(shape, arrays[0]->shape, (size_t)nd * sizeof *shape);
    for (int i = 1; i < n; i++) {
        const nd_array *a = arrays[i];
        if (a->ndim != nd)
            return nd__err(ND_EVALUE,
                           "all the input arrays must have same number of dimensions, but the array at index 0 has "
                           "%d dimension(s) and the array at index %d has %d dimension(s)",
                           nd, i, a->ndim);
        for (int d = 0; d < nd; d++) {
            if (d == *axis) {
                if (__builtin_add_overflow(shape[d], a->shape[d], &shape[d]))
                    return nd__err(ND_EVALUE, "total number of elements too large to concatenate");
            } else if (a->shape[d] != shape[d]) {
                return nd__err(ND_EVALUE,
                               "all the input array dimensions except for the concatenation axis must match "
                               "exactly, but along dimension %d, the array at index 0 has size %lld and the array "
                               "at index %d has size %lld",
                               d, (long long)shape[d], i, (long long)a->shape[d]);
            }
        }
    }
    return 0;
}

nd_array *nd_concatenate(int n, const nd_array *const *arrays, int axis) {
    if (n <= 0 || !arrays) {
        nd__err(ND_EVALUE, "need at least one array to concatenate");
        return NULL;
    }
    if (axis == ND_AXIS_NONE) return concat_flat(n, arrays);
    int64_t shape[ND_MAXDIMS];
    if (concat_shape(n, arrays, &axis, shape) < 0) return NULL;
    int nd = arrays[0]->ndim, perm[ND_MAXDIMS];
    const nd_dtype *dt = nd_result_type(n, arrays);
    if (!dt) return NULL;
    nd_array *r = nd__alloc_array(nd, shape, dt, 'C');
    if (!r) return NULL;
    /* Lay the result out like the inputs (NumPy's stride permutation). */
    multi_sorted_perm(n, arrays, nd, perm);
    int64_t s = dt->itemsize;
    for (int i = nd - 1; i >= 0; i--) {
        r->strides[perm[i]] = s;
        s *= shape[perm[i]];
    }
    nd__update_flags(r);
    char *p = r->data;
    for (int i = 0; i < n; i++) {
        const nd_array *a = arrays[i];
        if (nd_size(a) && assign_at(r, p, nd, a->shape, r->strides, a) < 0) goto fail;
        p += a->shape[axis] * r->strides[axis];
    }
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
fail:
    nd_release(r);
    return NULL;
}

/* Views of each array with size-1 axes inserted (at `axes`, or the atleast_Nd
 * rule when naxes < 0: 0-d to 1-d, 1-d to (1, N)), then concatenated. */
static nd_array *concat_expanded(int n, const nd_array *const *arrays, int axis, int naxes, const int *axes,
                                 int atleast) {
    nd_array **v = nd__malloc((size_t)(n > 0 ? n : 1) * sizeof *v), *r = NULL;
    if (!v) return NULL;
    int k = 0;
    for (; k < n; k++) {
        nd_array *a = (nd_array *)arrays[k];
        static const int zero_one[2] = {0, 1};
        if (naxes >= 0) v[k] = nd_expand_dims(a, naxes, axes);
        else if (a->ndim >= atleast) v[k] = nd_retain(a);
        else v[k] = nd_expand_dims(a, atleast - a->ndim, zero_one);
        if (!v[k]) goto done;
    }
    if (atleast == 1) axis = n > 0 && v[0]->ndim == 1 ? 0 : 1; /* hstack */
    r = nd_concatenate(n, (const nd_array *const *)v, axis);
done:
    for (int i = 0; i < k; i++) nd_release(v[i]);
    nd__free_mem(v);
    return r;
}

nd_array *nd_stack(int n, const nd_array *const *arrays, int axis) {
    if (n <= 0 || !arrays) {
        nd__err(ND_EVALUE, "need at least one array to stack");
        return NULL;
    }
    for (int i = 1; i < n; i++)
        if (arrays[i]->ndim != arrays[0]->ndim ||
            memcmp(arrays[i]->shape, arrays[0]->shape, (size_t)arrays[0]->ndim * sizeof(int64_t))) {
            nd__err(ND_EVALUE, "all input arrays must have the same shape");
            return NULL;
        }
    if (!nd__axis(&axis, arrays[0]->ndim + 1)) return NULL;
    return concat_expanded(n, arrays, axis, 1, &axis, 0);
}

nd_array *nd_vstack(int n, const nd_array *const *arrays) { return concat_expanded(n, arrays, 0, -1, NULL, 2); }

nd_array *nd_hstack(int n, const nd_array *const *arrays) { return concat_expanded(n, arrays, 1, -1, NULL, 1); }

/* ---- repeat ---- */

/* NumPy's PyArray_Repeat after the repeats are read: counts has nc
 * entries (1: broadcast). */
static nd_array *repeat_counts(const nd_array *a, const int64_t *counts, int64_t nc, int axis) {
    int nd = a->ndim;
    int64_t shape[ND_MAXDIMS], st[ND_MAXDIMS];
    const int64_t *sh = a->shape, *ss = a->strides;
    int64_t n = sh[axis], total = 0;
    if (nc != 1 && nc != n) {
        nd__err(ND_EVALUE, "operands could not be broadcast together with shape (%lld,) (%lld,)", (long long)n,
                (long long)nc);
        return NULL;
    }
    if (nc == 1) {
        total = counts[0] * n;
    } else {
        for (int64_t j = 0; j < n; j++) {
            if (counts[j] < 0) {
                nd__err(ND_EVALUE, "repeats may not contain negative values.");
                return NULL;
            }
            total += counts[j];
        }
    }
    memcpy(shape, sh, (size_t)nd * sizeof *shape);
    shape[axis] = total;
    if (total < 0) {
        nd__err(ND_EVALUE, "negative dimensions are not allowed");
        return NULL;
    }
    nd_array *r = nd__alloc_array(nd, shape, a->dtype, 'C');
    if (!r) return NULL;
    memcpy(shape, sh, (size_t)nd * sizeof *shape);
    memcpy(st, ss, (size_t)nd * sizeof *st);
    st[axis] = 0; /* each source slice is read counts[j] times */
    char *dst = r->data;
    for (int64_t j = 0; j < n && nd_size(r); j++) {
        shape[axis] = counts[nc == 1 ? 0 : j];
        if (shape[axis]) copy_any(nd, shape, dst, r->strides, a->data + j * ss[axis], st, a->dtype->itemsize);
        dst += shape[axis] * r->strides[axis];
    }
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
}

/* The 1-d view NumPy's PyArray_CheckAxis makes of a 0-d array or, for
 * axis None, a C-order flat view (a copy when a has no such view). */
static nd_array *repeat_source(const nd_array *a, int *axis) {
    if (*axis == ND_AXIS_NONE) {
        *axis = 0;
        if (a->flags & ND_C_CONTIGUOUS || a->ndim <= 1) {
            nd_array *v = nd__view_new((nd_array *)a, 1, a->dtype);
            if (!v) return NULL;
            v->shape[0] = nd_size(a);
            v->strides[0] = a->ndim == 1 ? a->strides[0] : a->dtype->itemsize;
            v->data = a->data;
            nd__update_flags(v);
            return v;
        }
        return nd_flatten(a, 'C');
    }
    if (a->ndim == 0) {
        if (!nd__axis(axis, 1)) return NULL;
        return nd_expand_dims((nd_array *)a, 1, (const int[]){0});
    }
    if (!nd__axis(axis, a->ndim)) return NULL;
    return nd_retain((nd_array *)a);
}

nd_array *nd_repeat(const nd_array *a, const nd_array *repeats, int axis) {
    if (repeats->ndim > 1) {
        nd__err(ND_EVALUE, "object too deep for desired array");
        return NULL;
    }
    /* NumPy converts repeats to intp with the 'safe' rule (0-d by value). */
    nd_array *cnt = nd_astype((nd_array *)repeats, nd_dtype_of(ND_INT64), 'C', ND_CAST_SAFE, false);
    if (!cnt) return NULL;
    int64_t nc = nd_size(cnt);
    int64_t *counts = nd__malloc((size_t)(nc ? nc : 1) * sizeof *counts);
    nd_array *src = NULL, *r = NULL;
    if (!counts) goto done;
    memcpy(counts, cnt->data, (size_t)nc * sizeof *counts);
    src = repeat_source(a, &axis);
    if (!src) goto done;
    r = repeat_counts(src, counts, nc, axis);
done:
    nd_release(cnt);
    nd_release(src);
    nd__free_mem(counts);
    return r;
}

nd_array *nd_repeat_n(const nd_array *a, int64_t repeats, int axis) {
    nd_array *src = repeat_source(a, &axis);
    if (!src) return NULL;
    nd_array *r = repeat_counts(src, &repeats, 1, axis);
    nd_release(src);
    return r;
}

/* ---- tile ---- */

nd_array *nd_tile(const nd_array *a, int n, const int64_t *reps) {
    if (n < 0 || n > ND_MAXDIMS || (n > 0 && !reps)) {
        nd__err(ND_EVALUE, "invalid reps count %d", n);
        return NULL;
    }
    int d = n > a->ndim ? n : a->ndim, lead = d - a->ndim;
    int64_t t[ND_MAXDIMS], s[ND_MAXDIMS], st[ND_MAXDIMS], out[ND_MAXDIMS];
    bool ones = true;
    for (int i = 0; i < d; i++) {
        t[i] = i < d - n ? 1 : reps[i - (d - n)];
        s[i] = i < lead ? 1 : a->shape[i - lead];
        st[i] = i < lead ? 0 : a->strides[i - lead];
        ones = ones && t[i] == 1;
        if (t[i] < 0 && nd_size(a)) {
            nd__err(ND_EVALUE, "negative dimensions are not allowed");
            return NULL;
        }
        out[i] = s[i] * t[i];
    }
    if (ones) {
        /* np.array(A, copy=True, ndmin=d): a K-order copy, then a view with
         * leading ones. */
        nd_array *c = nd_copy(a, 'K');
        if (!c || lead == 0) return c;
        bool f = (c->flags & ND_F_CONTIGUOUS) && !(c->flags & ND_C_CONTIGUOUS);
        nd_array *v = nd_reshape(c, d, s, f ? 'F' : 'C', ND_COPY_NEVER);
        nd_release(c);
        return v;
    }
    if (nd_size(a) == 0) return nd_reshape((nd_array *)a, d, out, 'C', ND_COPY_IF_NEEDED);
    nd_array *root = nd__alloc_array(d, out, a->dtype, 'C'), *r = NULL;
    if (!root) return NULL;
    if (nd_size(root)) {
        /* View the result as (t0, s0, t1, s1, ...) reading the source with
         * stride 0 along each tile axis: one strided copy. */
        int64_t sh2[2 * ND_MAXDIMS], ds2[2 * ND_MAXDIMS], ss2[2 * ND_MAXDIMS];
        int m = 0;
        for (int i = 0; i < d; i++) {
            if (t[i] != 1) {
                sh2[m] = t[i];
                ds2[m] = root->strides[i] * s[i];
                ss2[m++] = 0;
            }
            sh2[m] = s[i];
            ds2[m] = root->strides[i];
            ss2[m++] = st[i];
        }
        copy_any(m, sh2, root->data, ds2, a->data, ss2, a->dtype->itemsize);
    }
    nd__count_copy((uint64_t)nd_nbytes(root));
    r = nd_view(root); /* NumPy returns a reshape of its last repeat */
    nd_release(root);
    if (r && nd_size(r) == 0) {
        /* ...whose strides, for an empty result, count 0-length axes as 1. */
        int64_t sz = r->dtype->itemsize;
        for (int i = d - 1; i >= 0; i--) {
            r->strides[i] = sz;
            sz *= out[i] ? out[i] : 1;
        }
        nd__update_flags(r);
    }
    return r;
}

/* ---- roll ---- */

/* Rotate the n items of size isz at p right by k (0 <= k < n). */
static int rotate(char *p, int64_t n, int64_t k, int64_t isz) {
    if (k == 0 || n == 0) return 0;
    int64_t small = k < n - k ? k : n - k;
    char *tmp = nd__malloc((size_t)(small * isz));
    if (!tmp) return ND_ENOMEM;
    if (small == k) {
        memcpy(tmp, p + (n - k) * isz, (size_t)(k * isz));
        memmove(p + k * isz, p, (size_t)((n - k) * isz));
        memcpy(p, tmp, (size_t)(k * isz));
    } else {
        memcpy(tmp, p, (size_t)((n - k) * isz));
        memmove(p, p + (n - k) * isz, (size_t)(k * isz));
        memcpy(p + k * isz, tmp, (size_t)((n - k) * isz));
    }
    nd__free_mem(tmp);
    return 0;
}

static int64_t wrap_shift(int64_t s, int64_t n) {
    if (n <= 1) return 0;
    int64_t k = s % n;
    return k < 0 ? k + n : k;
}

/* axis None: roll the C-order flattening, reshaped back (a view, as NumPy). */
static nd_array *roll_flat(const nd_array *a, int n, const int64_t *shifts) {
    int64_t size = nd_size(a), k = 0;
    for (int i = 0; i < n; i++) k = wrap_shift(k + wrap_shift(shifts[i], size), size);
    nd_array *flat = nd__alloc_array(1, &size, a->dtype, 'C'), *r = NULL;
    if (!flat) return NULL;
    int64_t st[ND_MAXDIMS];
    nd__c_strides(a->ndim, a->shape, a->dtype->itemsize, st);
    if (size) nd__copy_raw(a->ndim, a->shape, flat->data, st, a->data, a->strides, a->dtype->itemsize);
    if (rotate(flat->data, size, k, a->dtype->itemsize) == 0) {
        nd__count_copy((uint64_t)nd_nbytes(flat));
        r = nd_reshape(flat, a->ndim, a->shape, 'C', ND_COPY_NEVER);
    }
    nd_release(flat);
    return r;
}

nd_array *nd_roll(const nd_array *a, int n, const int64_t *shifts, const int *axes) {
    if (n < 1 || !shifts) {
        nd__err(ND_EVALUE, "roll needs at least one shift");
        return NULL;
    }
    if (!axes) return roll_flat(a, n, shifts);
    int nd = a->ndim;
    int64_t k[ND_MAXDIMS] = {0};
    for (int i = 0; i < n; i++) {
        int ax = axes[i];
        if (!nd__axis(&ax, nd)) return NULL;
        k[ax] = wrap_shift(k[ax] + wrap_shift(shifts[i], a->shape[ax]), a->shape[ax]);
    }
    nd_array *r = nd__alloc_like_k(a, a->dtype);
    if (!r || nd_size(r) == 0) return r;
    /* Each axis splits into two blocks: src [0, n-k) -> dst [k, n) and
     * src [n-k, n) -> dst [0, k); copy every combination of blocks. */
    int rolled[ND_MAXDIMS], m = 0;
    for (int i = 0; i < nd; i++)
        if (k[i]) rolled[m++] = i;
    for (uint64_t combo = 0; combo < (1ull << m); combo++) {
        int64_t shape[ND_MAXDIMS];
        char *dst = r->data;
        const char *src = a->data;
        memcpy(shape, a->shape, (size_t)nd * sizeof *shape);
        for (int j = 0; j < m; j++) {
            int ax = rolled[j];
            int64_t len = a->shape[ax], kk = k[ax];
            if (combo >> j & 1) {
                shape[ax] = kk;
                src += (len - kk) * a->strides[ax];
            } else {
                shape[ax] = len - kk;
                dst += kk * r->strides[ax];
            }
        }
        nd__copy_raw(nd, shape, dst, r->strides, src, a->strides, a->dtype->itemsize);
    }
    nd__count_copy((uint64_t)nd_nbytes(r));
    return r;
}

/* ---- flip (views) ---- */

nd_array *nd_flip(nd_array *a, int naxes, const int *axes) {
    if (a->ndim == 0 && naxes <= 0) return nd_copy(a, 'K'); /* NumPy's m[()]: a scalar, not a view */
    nd_idx idx[ND_MAXDIMS];
    bool rev[ND_MAXDIMS] = {false};
    for (int i = 0; i < (naxes < 0 ? a->ndim : naxes); i++) {
        int ax = naxes < 0 ? i : axes[i];
        if (!nd__axis(&ax, a->ndim)) return NULL;
        if (rev[ax]) {
            nd__err(ND_EVALUE, "repeated axis");
            return NULL;
        }
        rev[ax] = true;
    }
    for (int i = 0; i < a->ndim; i++) idx[i] = rev[i] ? ND_S(ND_NONE, ND_NONE, -1) : ND_ALL;
    return nd_subscript(a, a->ndim, idx);
}

nd_array *nd_fliplr(nd_array *a) {
    if (a->ndim < 2) {
        nd__err(ND_EVALUE, "Input must be >= 2-d.");
        return NULL;
    }
    return nd_flip(a, 1, (const int[]){1});
}

nd_array *nd_flipud(nd_array *a) {
    if (a->ndim < 1) {
        nd__err(ND_EVALUE, "Input must be >= 1-d.");
        return NULL;
    }
    return nd_flip(a, 1, (const int[]){0});
}
