/* stats.c — the reductions users call: sum, prod, amin, amax, any, all,
 * mean, var, std, argmin, argmax, cumsum, cumprod, count_nonzero, with
 * NumPy 1.24's result dtypes and its _methods.py arithmetic order. */
#include "nd_internal.h"

#include <math.h>

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

/* add/multiply reduce small ints and bools in the platform long. */
static const nd_dtype *sum_type(const nd_dtype *d) {
    if (d->kind == 'b' || (d->kind == 'i' && d->itemsize < 8)) return native(ND_INT64);
    if (d->kind == 'u' && d->itemsize < 8) return native(ND_UINT64);
    return native((nd_type)d->type);
}

static nd_array *reduce_op(nd_ufunc op, const nd_array *a, int naxes, const int *axes, bool keepdims,
                           const nd_dtype *dt) {
    bool red[ND_MAXDIMS];
    if (nd__axes_mask(a, naxes, axes, red)) return NULL;
    return nd__reduce(op, a, red, keepdims, dt);
}

nd_array *nd_sum(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt) {
    return reduce_op(ND_ADD, a, naxes, axes, keepdims, dt ? dt : sum_type(a->dtype));
}

nd_array *nd_prod(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt) {
    return reduce_op(ND_MULTIPLY, a, naxes, axes, keepdims, dt ? dt : sum_type(a->dtype));
}

nd_array *nd_amin(const nd_array *a, int naxes, const int *axes, bool keepdims) {
    return reduce_op(ND_MINIMUM, a, naxes, axes, keepdims, native((nd_type)a->dtype->type));
}

nd_array *nd_amax(const nd_array *a, int naxes, const int *axes, bool keepdims) {
    return reduce_op(ND_MAXIMUM, a, naxes, axes, keepdims, native((nd_type)a->dtype->type));
}

nd_array *nd_any(const nd_array *a, int naxes, const int *axes, bool keepdims) {
    return reduce_op(ND_LOGICAL_OR, a, naxes, axes, keepdims, native(ND_BOOL));
}

nd_array *nd_all(const nd_array *a, int naxes, const int *axes, bool keepdims) {
    return reduce_op(ND_LOGICAL_AND, a, naxes, axes, keepdims, native(ND_BOOL));
}

static int64_t count_items(const nd_array *a, const bool *red) {
    int64_t n = 1;
    for (int i = 0; i < a->ndim; i++)
        if (red[i]) n *= a->shape[i];
    return n;
}

/* true_divide(x, count, out=x, casting='unsafe'), as _methods.py divides:
 * an integer x (dtype= given) gets the float64 quotients truncated. */
static int divide_into(nd_array *x, int64_t count) {
    nd_array *c = nd_scalar(ND_I64(count), NULL);
    if (!c) return nd_errcode();
    const nd_dtype *rt = nd_ufunc_result_type(ND_TRUE_DIVIDE, x, c);
    nd_array *r = NULL;
    if (rt && nd_can_cast(rt, x->dtype, ND_CAST_SAME_KIND)) {
        r = nd_apply(ND_TRUE_DIVIDE, x, c, x);
    } else if (rt) {
        nd_array *q = nd_apply(ND_TRUE_DIVIDE, x, c, NULL);
        if (q && nd_copyto(x, q, ND_CAST_UNSAFE) == 0) r = nd_retain(x);
        nd_release(q);
    }
    nd_release(c);
    if (!r) return nd_errcode();
    nd_release(r);
    return 0;
}

/* x / count as NumPy's _methods does it: a 0-d result is divided as a
 * scalar (in double, then cast back), an array result in place by the
 * true_divide loop (count taking part by value). */
static nd_array *divide_count(nd_array *x, int64_t count) {
    if (x->ndim == 0) {
        nd_value v = nd__load(x->dtype, x->data);
        if (x->dtype->kind == 'c') { /* complex / int: Smith's division by count+0j */
            double scl = 1.0 / (double)count;
            double re = (v.c[0] + v.c[1] * 0.0) * scl, im = (v.c[1] - v.c[0] * 0.0) * scl;
            v.c[0] = re;
            v.c[1] = im;
        } else {
            v = nd_value_cast(v, ND_FLOAT64);
            v.f /= (double)count;
        }
        nd__store(x->dtype, x->data, v);
        return x;
    }
    if (divide_into(x, count) < 0) {
        nd_release(x);
        return NULL;
    }
    return x;
}

nd_array *nd_mean(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt) {
    bool red[ND_MAXDIMS];
    if (nd__axes_mask(a, naxes, axes, red)) return NULL;
    const nd_dtype *acc = dt;
    bool half = false;
    if (!acc) {
        if (strchr("biu", a->dtype->kind)) acc = native(ND_FLOAT64);
        else if (a->dtype->type == ND_FLOAT16) acc = native(ND_FLOAT32), half = true;
        else acc = native((nd_type)a->dtype->type);
    }
    nd_array *s = nd__reduce(ND_ADD, a, red, keepdims, acc);
    if (!s) return NULL;
    s = divide_count(s, count_items(a, red));
    if (s && half) {
        nd_array *h = nd_astype(s, native(ND_FLOAT16), 'K', ND_CAST_UNSAFE, true);
        nd_release(s);
        s = h;
    }
    return s;
}

/* NumPy's var fast path for complex: square both parts, then add them. */
static void abs2_run(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const nd_dtype *dt = ctx;
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {
        if (dt->type == ND_COMPLEX64) {
            float c[2];
            memcpy(c, src, 8);
            float r = c[0] * c[0] + c[1] * c[1];
            memcpy(dst, &r, 4);
        } else {
            double c[2];
            memcpy(c, src, 16);
            double r = c[0] * c[0] + c[1] * c[1];
            memcpy(dst, &r, 8);
        }
    }
}

/* Full-array var/std of contiguous native float64, fused into two passes
 * with no temporaries.  The mean, the squared deviations and both sums
 * follow NumPy's arithmetic and pairwise/8192-chunk order exactly, so the
 * result is NumPy's to the bit. */
static nd_array *var_fused(const nd_array *a, int64_t ddof, bool keepdims, bool root) {
    int64_t n = nd_size(a);
    const int64_t chunk = 8192; /* NumPy's buffered reduction chunk */
    int64_t nchunk = (n + chunk - 1) / chunk, ones[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++) ones[i] = 1;
    nd_array *r = nd__alloc_array(keepdims ? a->ndim : 0, ones, native(ND_FLOAT64), 'C');
    double *part = r ? nd__malloc((size_t)nchunk * sizeof(double)) : NULL;
    if (!part) {
        nd_release(r);
        return NULL;
    }
    double s = 0, ss = 0;
    for (int64_t i = 0; i < n; i += chunk)
        s += nd__pairwise_f64(a->data + i * 8, n - i < chunk ? n - i : chunk, 8);
    double m = s / (double)n;
    /* The second pass runs backwards, starting on the data the first pass
     * left in cache; the chunk sums are kept and added in forward order. */
    for (int64_t c = nchunk - 1; c >= 0; c--) {
        int64_t i = c * chunk;
        part[c] = nd__pairwise_sqdev_f64(a->data + i * 8, n - i < chunk ? n - i : chunk, 8, m);
    }
    for (int64_t c = 0; c < nchunk; c++) ss += part[c];
    nd__free_mem(part);
    int64_t dof = n - ddof > 0 ? n - ddof : 0;
    double v = ss / (double)dof;
    if (root) v = sqrt(v);
    memcpy(r->data, &v, 8);
    return r;
}

static nd_array *var_impl(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                          const nd_dtype *dt, bool root) {
    if (naxes < 0 && !dt && a->dtype->type == ND_FLOAT64 && !a->dtype->swapped && nd_size(a) > 0 &&
        (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED) && a->ndim >= 1)
        return var_fused(a, ddof, keepdims, root);
    bool red[ND_MAXDIMS];
    if (nd__axes_mask(a, naxes, axes, red)) return NULL;
    if (!dt && strchr("biu", a->dtype->kind)) dt = native(ND_FLOAT64);
    const nd_dtype *acc = dt ? dt : native((nd_type)a->dtype->type);
    int64_t n = count_items(a, red);
    nd_array *mean = NULL, *x = NULL, *sq = NULL, *ret = NULL;
    mean = nd__reduce(ND_ADD, a, red, true, acc);
    if (!mean) return NULL;
    if (divide_into(mean, n) < 0) goto fail;
    x = nd_apply(ND_SUBTRACT, a, mean, NULL);
    if (!x) goto fail;
    if (x->dtype->kind == 'c') { /* |x|^2 as re*re + im*im, in x's real type */
        sq = nd__alloc_like_k(x, native(x->dtype->type == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64));
        if (!sq) goto fail;
        nd__loop2(x->ndim, x->shape, sq->data, sq->strides, x->data, x->strides, abs2_run, (void *)x->dtype);
    } else {
        sq = nd_apply(ND_MULTIPLY, x, x, x);
        if (!sq) goto fail;
    }
    ret = nd__reduce(ND_ADD, sq, red, keepdims, dt ? dt : native((nd_type)sq->dtype->type));
    if (!ret) goto fail;
    ret = divide_count(ret, n - ddof > 0 ? n - ddof : 0);
    if (ret && root) {
        if (ret->ndim == 0) { /* ret.dtype.type(um.sqrt(ret)): sqrt's own loop type, then cast */
            nd_array *s = nd_apply(ND_SQRT, ret, NULL, NULL);
            if (!s) goto fail;
            nd__store(ret->dtype, ret->data, nd__load(s->dtype, s->data));
            nd_release(s);
        } else {
            nd_array *r2 = nd_apply(ND_SQRT, ret, NULL, ret);
            if (!r2) goto fail;
            nd_release(r2);
        }
    }
    nd_release(mean);
    nd_release(x);
    nd_release(sq);
    return ret;
fail:
    nd_release(mean);
    nd_release(x);
    nd_release(sq);
    nd_release(ret);
    return NULL;
}

nd_array *nd_var(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims, const nd_dtype *dt) {
    return var_impl(a, naxes, axes, ddof, keepdims, dt, false);
}

nd_array *nd_std(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims, const nd_dtype *dt) {
    return var_impl(a, naxes, axes, ddof, keepdims, dt, true);
}

nd_array *nd_count_nonzero(const nd_array *a, int naxes, const int *axes, bool keepdims) {
    if (ND_UNLIKELY(nd__is_void(a->dtype)) && naxes < 0 && !keepdims) return nd__count_nonzero_void(a);
    nd_array *b = nd_astype((nd_array *)a, native(ND_BOOL), 'K', ND_CAST_UNSAFE, true);
    if (!b) return NULL;
    nd_array *r = nd_sum(b, naxes, axes, keepdims, native(ND_INT64));
    nd_release(b);
    return r;
}
