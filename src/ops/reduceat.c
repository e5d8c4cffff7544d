/* reduceat.c — NumPy's ufunc.reduceat (PyUFunc_Reduceat, NumPy 1.24):
 * along one axis, result i is the first element of a[indices[i]:end]
 * followed by one unbuffered inner-loop call over the rest (pairwise for
 * float add, whatever its length), or a[indices[i]] alone when the next
 * index is not larger. */
#include "nd_internal.h"

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

/* indices as NumPy's PyArray_FromAny(indices, intp, 1, 1) takes an array:
 * 1-d, safe cast to int64; a new C-contiguous int64 ref. */
static nd_array *index_array(const nd_array *ind) {
    if (ind->ndim != 1) {
        nd__err(ND_EVALUE,
                ind->ndim ? "object too deep for desired array" : "object of too small depth for desired array");
        return NULL;
    }
    if (!nd_can_cast(ind->dtype, native(ND_INT64), ND_CAST_SAFE)) {
        char *r = nd_dtype_repr(ind->dtype);
        if (r) nd__err(ND_ETYPE, "Cannot cast array data from %s to dtype('int64') according to the rule 'safe'", r);
        nd_free(r);
        return NULL;
    }
    return nd_astype((nd_array *)ind, native(ND_INT64), 'C', ND_CAST_SAFE, false);
}

/* out against a and the indices as NumPy's outer iterator checks them:
 * out maps every axis, a all but axis, the indices only axis. */
static int check_out(const nd_array *a, const nd_array *ind, int axis, const nd_array *out) {
    int omap[ND_MAXDIMS], amap[ND_MAXDIMS], imap[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) {
        omap[i] = i;
        amap[i] = i == axis ? -1 : i;
        imap[i] = i == axis ? 0 : -1;
    }
    nd__iter_op ops[3] = {
        {out, omap, NULL, true, true}, {a, amap, NULL, false, false}, {ind, imap, NULL, false, false}};
    if (nd__iter_check(a->ndim, 3, ops) < 0) return nd_errcode();
    if (!(out->flags & ND_WRITEABLE))
        return nd__err(ND_EVALUE, "operand array with iterator write flag set is read-only");
    return 0;
}

/* The reduceat of src (in the loop dtype) into res, over every position
 * of the other axes. */
static int run(nd_ufunc op, const nd_array *src, const int64_t *ix, int64_t nix, int axis, nd_array *res) {
    int nd = src->ndim;
    int64_t len = src->shape[axis], st = src->strides[axis], rst = res->strides[axis], isz = res->dtype->itemsize;
    int64_t idx[ND_MAXDIMS] = {0};
    if (nd_size(res) == 0) return 0;
    for (;;) {
        const char *in = src->data;
        char *o = res->data;
        for (int k = 0; k < nd; k++) {
            in += idx[k] * src->strides[k];
            o += idx[k] * res->strides[k];
        }
        for (int64_t i = 0; i < nix; i++, o += rst) {
            int64_t start = ix[i], end = i == nix - 1 ? len : ix[i + 1];
            memmove(o, in + start * st, (size_t)isz);
            if (end - start > 1 && nd__reduce_call(op, res->dtype, o, in + (start + 1) * st, st, end - start - 1) < 0)
                return nd_errcode();
        }
        int k = nd - 1;
        for (; k >= 0; k--) {
            if (k == axis) continue;
            if (++idx[k] < src->shape[k]) break;
            idx[k] = 0;
        }
        if (k < 0) return 0;
    }
}

/* The result array, laid out as NumPy's outer iterator allocates it (a
 * without its axis and the indices along it set the order). */
static nd_array *alloc_out(const nd_array *src, const nd_array *a, int64_t nix, int axis, const nd_dtype *lt) {
    int64_t shape[ND_MAXDIMS], sa[ND_MAXDIMS], si[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) {
        shape[i] = i == axis ? nix : src->shape[i];
        sa[i] = i == axis ? 0 : a->strides[i];
        si[i] = i == axis ? 8 : 0;
    }
    const int64_t *st[2] = {sa, si};
    return nd__alloc_iter_order(a->ndim, shape, 2, st, lt);
}

nd_array *nd_reduceat(nd_ufunc op, const nd_array *a, const nd_array *indices, int axis, const nd_dtype *dt,
                      nd_array *out) {
    nd_array *ind = index_array(indices), *src = NULL, *res = NULL, *av = NULL;
    const nd_dtype *lt = NULL;
    if (!ind) return NULL;
    if (nd_ufunc_nin(op) != 2) {
        nd__err(ND_EVALUE, "reduceat only supported for binary functions");
        goto fail;
    }
    if (a->ndim == 0 && (axis == 0 || axis == -1)) {
        nd__err(ND_ETYPE, "cannot reduceat on a scalar");
        goto fail;
    }
    if (!nd__axis(&axis, a->ndim)) goto fail;
    const int64_t *ix = (const int64_t *)(const void *)ind->data;
    int64_t nix = ind->shape[0];
    for (int64_t i = 0; i < nix; i++)
        if (ix[i] < 0 || ix[i] >= a->shape[axis]) {
            nd__err(ND_EINDEX, "index %lld out-of-bounds in %s.reduceat [0, %lld)", (long long)ix[i], nd_ufunc_name(op),
                    (long long)a->shape[axis]);
            goto fail;
        }
    if (!(lt = nd__reduce_loop_type(op, a, dt, out))) goto fail;
    if (out && check_out(a, ind, axis, out) < 0) goto fail;
    /* An out with more dimensions is iterated over its first ones only. */
    av = nd_retain((nd_array *)a);
    if (out) { /* a broadcasts to out's other axes */
        int64_t shape[ND_MAXDIMS];
        for (int i = 0; i < a->ndim; i++) shape[i] = i == axis ? a->shape[i] : out->shape[i];
        nd_release(av);
        if (!(av = nd_broadcast_to((nd_array *)a, a->ndim, shape))) goto fail;
    }
    src = nd_astype(av, lt, 'K', ND_CAST_UNSAFE, false);
    if (!src || !(res = alloc_out(src, a, nix, axis, lt))) goto fail;
    if (run(op, src, ix, nix, axis, res) < 0) goto fail;
    if (out) {
        nd_array *ov = out;
        if (out->ndim > a->ndim) { /* NumPy's op_axes leave the extra axes at index 0 */
            nd_idx sel[ND_MAXDIMS];
            for (int i = 0; i < out->ndim; i++) sel[i] = i < a->ndim ? ND_ALL : ND_I(0);
            if (!(ov = nd_subscript(out, out->ndim, sel))) goto fail;
        }
        int rc = nd_copyto(ov, res, ND_CAST_UNSAFE);
        if (ov != out) nd_release(ov);
        if (rc < 0) goto fail;
        nd_release(res);
        res = nd_retain(out);
    }
    nd_release(ind);
    nd_release(src);
    nd_release(av);
    nd__dtype_unref(lt);
    return res;
fail:
    nd_release(ind);
    nd_release(src);
    nd_release(av);
    nd_release(res);
    nd__dtype_unref(lt);
    return NULL;
}
