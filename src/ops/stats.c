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

/* _count_reduce_items with a mask: where broadcast to a (broadcast_to's
 * errors) and summed over the axes in int64. */
static nd_array *where_count(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_array *where) {
    nd_array *w = nd_broadcast_to((nd_array *)where, a->ndim, a->shape);
    if (!w) return NULL;
    nd_array *n = nd_sum(w, naxes, axes, keepdims, native(ND_INT64));
    nd_release(w);
    return n;
}

/* true_divide(x, count, out=x, casting='unsafe') by an int64 count array
 * (the count of a where mask): NumPy's promotion with an array count. */
static int divide_by(nd_array *x, const nd_array *count) {
    nd_array *q = nd_apply(ND_TRUE_DIVIDE, x, count, NULL);
    int rc = q ? nd_copyto(x, q, ND_CAST_UNSAFE) : nd_errcode();
    nd_release(q);
    return rc;
}

/* ret / rcount as _methods divides a reduction's result: a 0-d result
 * that is no out= (NumPy has a scalar there) by the count's value in
 * double, an array in place by true_divide. */
static nd_array *divide_result(nd_array *ret, const nd_array *cnt, int64_t n, bool scalar) {
    if (scalar && cnt) n = *(const int64_t *)(const void *)cnt->data;
    if (scalar || !cnt) return divide_count(ret, n); /* 0-d: NumPy's scalar path */
    if (divide_by(ret, cnt) < 0) {
        nd_release(ret);
        return NULL;
    }
    return ret;
}

/* The result computed in a private copy of out (same dtype, shape and
 * axis order) is copied into out last, so that a failure leaves out as it
 * was.  Releases tmp; returns out retained, or NULL. */
static nd_array *commit_out(nd_array *tmp, nd_array *out) {
    if (!tmp) return NULL;
    int rc;
    if (out->flags & ND_WRITEABLE) rc = nd_copyto(out, tmp, ND_CAST_NO);
    else rc = nd__err(ND_EVALUE, "operand array with iterator write flag set is read-only");
    nd_release(tmp);
    return rc < 0 ? NULL : nd_retain(out);
}

static nd_array *mean_impl(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt,
                           const nd_array *where, nd_array *out);

nd_array *nd_mean_ex(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt,
                     const nd_array *where, nd_array *out) {
    if (!out) return mean_impl(a, naxes, axes, keepdims, dt, where, NULL);
    nd_array *tmp = nd__alloc_like_k(out, out->dtype);
    if (!tmp) return NULL;
    nd_array *r = mean_impl(a, naxes, axes, keepdims, dt, where, tmp);
    nd_release(tmp);
    return commit_out(r, out);
}

static nd_array *mean_impl(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt,
                           const nd_array *where, nd_array *out) {
    bool red[ND_MAXDIMS];
    if (nd__axes_mask(a, naxes, axes, red)) return NULL;
    nd_array *cnt = where ? where_count(a, naxes, axes, keepdims, where) : NULL;
    if (where && !cnt) return NULL;
    const nd_dtype *acc = dt;
    bool half = false;
    if (!acc) {
        if (strchr("biu", a->dtype->kind)) acc = native(ND_FLOAT64);
        else if (a->dtype->type == ND_FLOAT16) acc = native(ND_FLOAT32), half = true;
    }
    nd_array *s = where || out ? nd_reduce_ex(ND_ADD, a, naxes, axes, keepdims, acc, NULL, where, out)
                               : nd__reduce(ND_ADD, a, red, keepdims, acc ? acc : native((nd_type)a->dtype->type));
    if (s) s = divide_result(s, cnt, count_items(a, red), s->ndim == 0 && !out);
    nd_release(cnt);
    if (s && half && !out) {
        nd_array *h = nd_astype(s, native(ND_FLOAT16), 'K', ND_CAST_UNSAFE, true);
        nd_release(s);
        s = h;
    }
    return s;
}

nd_array *nd_mean(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt) {
    return mean_impl(a, naxes, axes, keepdims, dt, NULL, NULL);
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

/* The mean var subtracts: the (masked) sum with keepdims, divided by the
 * count (cnt reshaped to it, or n). */
static nd_array *var_mean(const nd_array *a, int naxes, const int *axes, const bool *red, const nd_dtype *acc,
                          const nd_array *where, const nd_array *cnt, int64_t n) {
    nd_array *mean = where ? nd_reduce_ex(ND_ADD, a, naxes, axes, true, acc, NULL, where, NULL)
                           : nd__reduce(ND_ADD, a, red, true, acc);
    if (!mean) return NULL;
    int rc;
    if (!cnt) {
        rc = divide_into(mean, n);
    } else if (mean->ndim == 0) { /* NumPy's scalar: divided by the count's value */
        mean = divide_count(mean, *(const int64_t *)(const void *)cnt->data);
        return mean;
    } else {
        nd_array *div = nd_reshape((nd_array *)cnt, mean->ndim, mean->shape, 'C', ND_COPY_IF_NEEDED);
        rc = div ? divide_by(mean, div) : nd_errcode();
        nd_release(div);
    }
    if (rc < 0) {
        nd_release(mean);
        return NULL;
    }
    return mean;
}

/* (a - mean)^2, or |a - mean|^2 as re*re + im*im in the real type. */
static nd_array *sq_dev(const nd_array *a, const nd_array *mean) {
    nd_array *x = nd_apply(ND_SUBTRACT, a, mean, NULL), *sq = NULL;
    if (!x) return NULL;
    if (x->dtype->kind == 'c') {
        sq = nd__alloc_like_k(x, native(x->dtype->type == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64));
        if (sq) nd__loop2(x->ndim, x->shape, sq->data, sq->strides, x->data, x->strides, abs2_run, (void *)x->dtype);
    } else {
        sq = nd_apply(ND_MULTIPLY, x, x, x);
    }
    nd_release(x);
    return sq;
}

/* ret = sqrt(ret): in place for an array, ret.dtype.type(um.sqrt(ret))
 * (sqrt's own loop type, then cast) for NumPy's scalar. */
static int root_of(nd_array *ret, bool scalar) {
    nd_array *s = nd_apply(ND_SQRT, ret, NULL, scalar ? NULL : ret);
    if (!s) return nd_errcode();
    if (scalar) nd__store(ret->dtype, ret->data, nd__load(s->dtype, s->data));
    nd_release(s);
    return 0;
}

static nd_array *var_impl(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                          const nd_dtype *dt, const nd_array *where, nd_array *out, bool root) {
    if (naxes < 0 && !dt && !where && !out && a->dtype->type == ND_FLOAT64 && !a->dtype->swapped &&
        nd_size(a) > 0 && (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED) && a->ndim >= 1)
        return var_fused(a, ddof, keepdims, root);
    bool red[ND_MAXDIMS];
    if (nd__axes_mask(a, naxes, axes, red)) return NULL;
    nd_array *cnt = where ? where_count(a, naxes, axes, keepdims, where) : NULL, *mean = NULL, *sq = NULL, *ret = NULL;
    if (where && !cnt) return NULL;
    if (!dt && strchr("biu", a->dtype->kind)) dt = native(ND_FLOAT64);
    const nd_dtype *acc = dt ? dt : native((nd_type)a->dtype->type);
    int64_t n = count_items(a, red);
    if (!(mean = var_mean(a, naxes, axes, red, acc, where, cnt, n)) || !(sq = sq_dev(a, mean))) goto fail;
    ret = where || out ? nd_reduce_ex(ND_ADD, sq, naxes, axes, keepdims, dt, NULL, where, out)
                       : nd__reduce(ND_ADD, sq, red, keepdims, dt ? dt : native((nd_type)sq->dtype->type));
    if (!ret) goto fail;
    if (cnt) { /* rcount = maximum(rcount - ddof, 0), in place in the fresh count */
        int64_t *c = (int64_t *)(void *)cnt->data;
        for (int64_t i = 0, sz = nd_size(cnt); i < sz; i++) c[i] = c[i] - ddof > 0 ? c[i] - ddof : 0;
    }
    bool scalar = ret->ndim == 0 && !out;
    ret = divide_result(ret, cnt, n - ddof > 0 ? n - ddof : 0, scalar);
    if (ret && root && root_of(ret, scalar) < 0) goto fail;
    nd_release(cnt);
    nd_release(mean);
    nd_release(sq);
    return ret;
fail:
    nd_release(cnt);
    nd_release(mean);
    nd_release(sq);
    nd_release(ret);
    return NULL;
}

nd_array *nd_var(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims, const nd_dtype *dt) {
    return var_impl(a, naxes, axes, ddof, keepdims, dt, NULL, NULL, false);
}

nd_array *nd_std(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims, const nd_dtype *dt) {
    return var_impl(a, naxes, axes, ddof, keepdims, dt, NULL, NULL, true);
}

static nd_array *var_out(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                         const nd_dtype *dt, const nd_array *where, nd_array *out, bool root) {
    if (!out) return var_impl(a, naxes, axes, ddof, keepdims, dt, where, NULL, root);
    nd_array *tmp = nd__alloc_like_k(out, out->dtype);
    if (!tmp) return NULL;
    nd_array *r = var_impl(a, naxes, axes, ddof, keepdims, dt, where, tmp, root);
    nd_release(tmp);
    return commit_out(r, out);
}

nd_array *nd_var_ex(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims, const nd_dtype *dt,
                    const nd_array *where, nd_array *out) {
    return var_out(a, naxes, axes, ddof, keepdims, dt, where, out, false);
}

nd_array *nd_std_ex(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims, const nd_dtype *dt,
                    const nd_array *where, nd_array *out) {
    return var_out(a, naxes, axes, ddof, keepdims, dt, where, out, true);
}

nd_array *nd_count_nonzero(const nd_array *a, int naxes, const int *axes, bool keepdims) {
    if (ND_UNLIKELY(nd__is_void(a->dtype)) && naxes < 0 && !keepdims) return nd__count_nonzero_void(a);
    nd_array *b = nd_astype((nd_array *)a, native(ND_BOOL), 'K', ND_CAST_UNSAFE, true);
    if (!b) return NULL;
    nd_array *r = nd_sum(b, naxes, axes, keepdims, native(ND_INT64));
    nd_release(b);
    return r;
}
