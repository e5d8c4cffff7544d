/* accumulate.c — argmin/argmax and cumsum/cumprod (add/multiply
 * accumulate): sequential along the axis, in NumPy's result dtypes. */
#include "nd_internal.h"

#include <math.h>

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

/* Is x "better" than the best so far?  NaN wins at once (NumPy returns the
 * first NaN); complex compares lexicographically. */
static bool better(nd_value x, nd_value best, bool want_max, bool *stop) {
    switch (x.type) {
    case ND_FLOAT16: case ND_FLOAT32: case ND_FLOAT64:
        if (isnan(x.f)) return *stop = true;
        return want_max ? x.f > best.f : x.f < best.f;
    case ND_COMPLEX64: case ND_COMPLEX128:
        if (isnan(x.c[0]) || isnan(x.c[1])) return *stop = true;
        if (want_max) return x.c[0] > best.c[0] || (x.c[0] == best.c[0] && x.c[1] > best.c[1]);
        return x.c[0] < best.c[0] || (x.c[0] == best.c[0] && x.c[1] < best.c[1]);
    case ND_BOOL: return want_max ? x.b > best.b : x.b < best.b;
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64: return want_max ? x.u > best.u : x.u < best.u;
    default: return want_max ? x.i > best.i : x.i < best.i;
    }
}

static bool first_is_nan(nd_value v) {
    if (v.type >= ND_FLOAT16 && v.type <= ND_FLOAT64) return isnan(v.f);
    if (v.type >= ND_COMPLEX64) return isnan(v.c[0]) || isnan(v.c[1]);
    return false;
}

static int64_t arg_lane(const nd_dtype *dt, const char *p, int64_t n, int64_t stride, bool want_max) {
    nd_value best = nd__load(dt, p);
    int64_t bi = 0;
    if (first_is_nan(best)) return 0;
    for (int64_t i = 1; i < n; i++) {
        bool stop = false;
        nd_value x = nd__load(dt, p + i * stride);
        if (better(x, best, want_max, &stop)) {
            best = x;
            bi = i;
        }
        if (stop) break;
    }
    return bi;
}

/* Along `axis` (or the flattened array for ND_AXIS_NONE). */
static nd_array *argext(nd_array *a, int axis, bool keepdims, bool want_max) {
    const char *name = want_max ? "argmax" : "argmin";
    if (axis == ND_AXIS_NONE) {
        nd_array *flat = nd_ravel(a, 'C', ND_COPY_IF_NEEDED);
        if (!flat) return NULL;
        nd_array *r = NULL;
        if (flat->shape[0] == 0) {
            nd__err(ND_EVALUE, "attempt to get %s of an empty sequence", name);
        } else {
            int64_t shape1[ND_MAXDIMS];
            for (int i = 0; i < a->ndim; i++) shape1[i] = 1;
            r = nd__alloc_array(keepdims ? a->ndim : 0, shape1, native(ND_INT64), 'C');
            if (r) {
                int64_t k = arg_lane(flat->dtype, flat->data, flat->shape[0], flat->strides[0], want_max);
                memcpy(r->data, &k, 8);
            }
        }
        nd_release(flat);
        return r;
    }
    if (!nd__axis(&axis, a->ndim)) return NULL;
    if (a->shape[axis] == 0) {
        nd__err(ND_EVALUE, "attempt to get %s of an empty sequence", name);
        return NULL;
    }
    int64_t oshape[ND_MAXDIMS];
    int on = 0;
    for (int i = 0; i < a->ndim; i++)
        if (i != axis) oshape[on++] = a->shape[i];
        else if (keepdims) oshape[on++] = 1;
    nd_array *r = nd__alloc_array(on, oshape, native(ND_INT64), 'C');
    if (!r) return NULL;
    int64_t lanes = nd_size(r), idx[ND_MAXDIMS] = {0};
    int64_t *out = (int64_t *)(void *)r->data;
    for (int64_t l = 0; l < lanes; l++) {
        const char *p = a->data;
        for (int i = 0; i < a->ndim; i++) p += idx[i] * a->strides[i];
        out[l] = arg_lane(a->dtype, p, a->shape[axis], a->strides[axis], want_max);
        for (int i = a->ndim - 1; i >= 0; i--) { /* next lane, skipping axis */
            if (i == axis) continue;
            if (++idx[i] < a->shape[i]) break;
            idx[i] = 0;
        }
    }
    return r;
}

/* NumPy treats a 0-d array as 1-d here (and then ignores keepdims). */
static nd_array *as_1d(nd_array *a) {
    int64_t one = 1;
    return nd_reshape(a, 1, &one, 'C', ND_COPY_IF_NEEDED);
}

static nd_array *argext0(nd_array *a, int axis, bool keepdims, bool want_max) {
    if (ND_UNLIKELY(nd__is_void(a->dtype))) { /* NumPy: the axis is checked, then VOID has no argfunc */
        if (axis == ND_AXIS_NONE || nd__axis(&axis, a->ndim ? a->ndim : 1)) nd__err(ND_ETYPE, "data type not ordered");
        return NULL;
    }
    if (a->ndim > 0) return argext(a, axis, keepdims, want_max);
    nd_array *v = as_1d(a);
    nd_array *r = v ? argext(v, axis, false, want_max) : NULL;
    nd_release(v);
    return r;
}

nd_array *nd_argmax(nd_array *a, int axis, bool keepdims) { return argext0(a, axis, keepdims, true); }
nd_array *nd_argmin(nd_array *a, int axis, bool keepdims) { return argext0(a, axis, keepdims, false); }

static nd_array *accumulate(nd_ufunc op, nd_array *a, int axis, const nd_dtype *dt) {
    nd_array *src = NULL, *res = NULL;
    if (!dt) {
        const nd_dtype *d = a->dtype;
        if (d->kind == 'b' || (d->kind == 'i' && d->itemsize < 8)) dt = native(ND_INT64);
        else if (d->kind == 'u' && d->itemsize < 8) dt = native(ND_UINT64);
        else dt = native((nd_type)d->type);
    }
    if (axis == ND_AXIS_NONE) {
        nd_array *flat = nd_ravel(a, 'C', ND_COPY_IF_NEEDED);
        if (!flat) return NULL;
        src = nd_astype(flat, nd__result_descr(a->dtype, dt), 'K', ND_CAST_UNSAFE, true);
        nd_release(flat);
        axis = 0;
    } else {
        if (!nd__axis(&axis, a->ndim)) return NULL;
        /* NumPy's accumulate allocates its output with an nditer over the
         * input (order 'K': zero strides count as unordered). */
        const int64_t *st = a->strides;
        src = nd__alloc_iter_order(a->ndim, a->shape, 1, &st, nd__result_descr(a->dtype, dt));
        if (src && nd__assign(src, a) < 0) {
            nd_release(src);
            return NULL;
        }
        if (src) nd__count_copy((uint64_t)nd_nbytes(src));
    }
    if (!src) return NULL;
    res = src; /* a fresh copy: accumulate in place */
    nd_kernel k = dt->kind == 'f' ? nd__kernel_float(op, (nd_type)dt->type)
                  : dt->kind == 'c' ? nd__kernel_cplx(op, (nd_type)dt->type)
                                    : nd__kernel_int(op, (nd_type)dt->type);
    int64_t len = res->shape[axis], st = res->strides[axis];
    if (len > 1 && nd_size(res) > 0) {
        int64_t lanes = nd_size(res) / len, idx[ND_MAXDIMS] = {0};
        for (int64_t l = 0; l < lanes; l++) {
            char *p = res->data;
            for (int i = 0; i < res->ndim; i++) p += idx[i] * res->strides[i];
            char *args[3] = {p, p + st, p + st};
            int64_t steps[3] = {st, st, st};
            k(args, steps, len - 1);
            for (int i = res->ndim - 1; i >= 0; i--) {
                if (i == axis) continue;
                if (++idx[i] < res->shape[i]) break;
                idx[i] = 0;
            }
        }
    }
    return res;
}

static nd_array *accumulate0(nd_ufunc op, nd_array *a, int axis, const nd_dtype *dt) {
    if (ND_UNLIKELY(nd__is_void(a->dtype))) { /* the axis, then the ufunc's missing loop, as NumPy */
        char *r = axis == ND_AXIS_NONE || nd__axis(&axis, a->ndim ? a->ndim : 1) ? nd_dtype_repr(a->dtype) : NULL;
        if (r) nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types (%s, %s) -> None",
                       nd_ufunc_name(op), r, r);
        nd_free(r);
        return NULL;
    }
    if (a->ndim > 0) return accumulate(op, a, axis, dt);
    nd_array *v = as_1d(a);
    nd_array *r = v ? accumulate(op, v, axis, dt) : NULL;
    nd_release(v);
    return r;
}

nd_array *nd_cumsum(nd_array *a, int axis, const nd_dtype *dt) { return accumulate0(ND_ADD, a, axis, dt); }
nd_array *nd_cumprod(nd_array *a, int axis, const nd_dtype *dt) { return accumulate0(ND_MULTIPLY, a, axis, dt); }
