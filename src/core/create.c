/* create.c — array constructors: empty, zeros, ones, full, arange,
 * linspace, eye, *_like, from C values and over buffers. */
#include "nd_internal.h"

#include <math.h>

static bool check_ndim(int ndim) {
    if (ndim < 0 || ndim > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, ndim);
        return false;
    }
    return true;
}

static bool check_order(char order) {
    if (order != 'C' && order != 'F') {
        nd__err(ND_EVALUE, "only 'C' or 'F' order is permitted");
        return false;
    }
    return true;
}

/* NumPy turns a sub-array dtype into trailing dims of the new array. */
static nd_array *make(int ndim, const int64_t *shape, const nd_dtype *dt, char order, bool zero) {
    if (!check_ndim(ndim) || !check_order(order)) return NULL;
    if (!dt) dt = nd_dtype_of(ND_FLOAT64);
    int64_t full[ND_MAXDIMS];
    if (dt->base) {
        if (ndim) memcpy(full, shape, (size_t)ndim * sizeof *full);
        if (!(dt = nd__expand_subarray(dt, &ndim, full))) return NULL;
        shape = full;
    }
    return zero ? nd__alloc_zeroed(ndim, shape, dt, order) : nd__alloc_array(ndim, shape, dt, order);
}

nd_array *nd_empty(int ndim, const int64_t *shape, const nd_dtype *dt, char order) {
    return make(ndim, shape, dt, order, false);
}

nd_array *nd_zeros(int ndim, const int64_t *shape, const nd_dtype *dt, char order) {
    return make(ndim, shape, dt, order, true);
}

static nd_type value_type(nd_value v) {
    switch (v.type) {
    case ND_BOOL: return ND_BOOL;
    case ND_FLOAT16: case ND_FLOAT32: case ND_FLOAT64: return ND_FLOAT64;
    case ND_COMPLEX64: case ND_COMPLEX128: return ND_COMPLEX128;
    case ND_UINT64: return ND_UINT64;
    default: return ND_INT64;
    }
}

nd_array *nd_full(int ndim, const int64_t *shape, nd_value v, const nd_dtype *dt, char order) {
    if (!dt) dt = nd_dtype_of(value_type(v));
    nd_array *a = nd_empty(ndim, shape, dt, order);
    if (a && nd__is_void(dt) && dt->nfields < 0 && !dt->base) { /* raw bytes: NumPy copies the value's in */
        nd_array *s = nd_scalar(v, NULL);
        int rc = s ? nd_copyto(a, s, ND_CAST_UNSAFE) : ND_ENOMEM;
        nd_release(s);
        if (rc == 0) return a;
        nd_release(a);
        return NULL;
    }
    if (a && nd_fill(a, v) < 0) {
        nd_release(a);
        return NULL;
    }
    return a;
}

nd_array *nd_ones(int ndim, const int64_t *shape, const nd_dtype *dt, char order) {
    if (!dt) dt = nd_dtype_of(ND_FLOAT64);
    return nd_full(ndim, shape, ND_I64(1), dt, order);
}

/* Values start + i*delta computed in the target type, as NumPy's fill
 * functions do after storing the first two elements. */
static void fill_linear(nd_array *a, int64_t n) {
    const nd_dtype *dt = a->dtype;
    int64_t isz = dt->itemsize;
    if (n <= 2) return;
    nd_value v0 = nd__load(dt, a->data), v1 = nd__load(dt, a->data + isz);
    char *p = a->data + 2 * isz;
    switch (dt->type) {
    case ND_FLOAT32: {
        float s = (float)v0.f, d = (float)v1.f - s;
        for (int64_t i = 2; i < n; i++, p += isz) nd__store(dt, p, ND_F64((float)(s + (float)i * d)));
    } break;
    case ND_FLOAT16: {
        float s = (float)v0.f, d = (float)v1.f - s;
        for (int64_t i = 2; i < n; i++, p += isz) {
            nd_value x = {.type = ND_FLOAT32, .f = (float)(s + (float)i * d)};
            nd__store(dt, p, x);
        }
    } break;
    case ND_FLOAT64: {
        double s = v0.f, d = v1.f - s;
        for (int64_t i = 2; i < n; i++, p += isz) nd__store(dt, p, ND_F64(s + (double)i * d));
    } break;
    case ND_COMPLEX64: case ND_COMPLEX128: {
        double sr = v0.c[0], si = v0.c[1], dr = v1.c[0] - sr, di = v1.c[1] - si;
        for (int64_t i = 2; i < n; i++, p += isz) nd__store(dt, p, ND_C128(sr + i * dr, si + i * di));
    } break;
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64: {
        uint64_t s = v0.u, d = v1.u - s;
        for (int64_t i = 2; i < n; i++, p += isz) nd__store(dt, p, ND_U64(s + (uint64_t)i * d));
    } break;
    default: {
        uint64_t s = (uint64_t)v0.i, d = (uint64_t)v1.i - s;
        for (int64_t i = 2; i < n; i++, p += isz) nd__store(dt, p, ND_I64((int64_t)(s + (uint64_t)i * d)));
    } break;
    }
}

static nd_array *arange_common(int64_t n, nd_value first, nd_value second, const nd_dtype *dt) {
    if (n < 0) n = 0;
    if (nd__is_void(dt)) {
        nd__err(ND_ETYPE, "arange() not supported for inputs with DType <class 'numpy.dtype[void]'>.");
        return NULL;
    }
    if (dt->type == ND_BOOL && n > 2) {
        nd__err(ND_EVALUE, "no fill-function for data-type.");
        return NULL;
    }
    nd_array *a = nd__alloc_array(1, &n, dt, 'C');
    if (!a) return NULL;
    if (n > 0) nd__store(dt, a->data, first);
    if (n > 1) nd__store(dt, a->data + dt->itemsize, second);
    fill_linear(a, n);
    return a;
}

nd_array *nd_arange(int64_t start, int64_t stop, int64_t step, const nd_dtype *dt) {
    if (step == 0) {
        nd__err(ND_EZERODIV, "division by zero");
        return NULL;
    }
    __int128 span = (__int128)stop - start;
    __int128 n = span / step;
    if (n * step != span && ((span > 0) == (step > 0))) n++;
    if (n < 0) n = 0;
    if (n > INT64_MAX / 16) {
        nd__err(ND_EVALUE, "Maximum allowed size exceeded");
        return NULL;
    }
    return arange_common((int64_t)n, ND_I64(start), ND_I64((int64_t)((uint64_t)start + (uint64_t)step)),
                         dt ? dt : nd_dtype_of(ND_INT64));
}

nd_array *nd_arange_f(double start, double stop, double step, const nd_dtype *dt) {
    if (step == 0) {
        nd__err(ND_EZERODIV, "division by zero");
        return NULL;
    }
    double len = ceil((stop - start) / step);
    if (isnan(len)) {
        nd__err(ND_EVALUE, "arange: cannot compute length");
        return NULL;
    }
    if (len > 9.2e18) {
        nd__err(ND_EVALUE, "Maximum allowed size exceeded");
        return NULL;
    }
    int64_t n = len <= 0 ? 0 : (int64_t)len;
    if (!dt) dt = nd_dtype_of(ND_FLOAT64);
    nd_value first = ND_F64(start), second = ND_F64(start + step);
    if (dt->kind == 'i' || dt->kind == 'u' || dt->kind == 'b') {
        /* NumPy stores the first two values through Python ints: truncate,
         * then wrap into the type (not the float->int hardware cast). */
        double lim = 9223372036854775808.0;
        if (!(fabs(trunc(start)) < lim && fabs(trunc(start + step)) < lim)) {
            nd__err(ND_EOVERFLOW, "Python int too large to convert to C long");
            return NULL;
        }
        first = ND_I64((int64_t)trunc(start));
        second = ND_I64((int64_t)trunc(start + step));
    }
    return arange_common(n, first, second, dt);
}

nd_array *nd_linspace(double start, double stop, int64_t num, bool endpoint, const nd_dtype *dt) {
    if (num < 0) {
        nd__err(ND_EVALUE, "Number of samples, %lld, must be non-negative.", (long long)num);
        return NULL;
    }
    const nd_dtype *f64 = nd_dtype_of(ND_FLOAT64);
    if (!dt) dt = f64;
    nd_array *y = nd__alloc_array(1, &num, f64, 'C');
    if (!y) return NULL;
    double *v = (double *)y->data;
    int64_t div = endpoint ? num - 1 : num;
    double delta = stop - start;
    double step = div > 0 ? delta / (double)div : NAN;
    bool step_zero = div > 0 && step == 0;
    for (int64_t i = 0; i < num; i++) {
        double x = (double)i;
        if (div > 0)
            x = step_zero ? (x / (double)div) * delta : x * step;
        else
            x = x * delta;
        v[i] = x + start;
    }
    if (endpoint && num > 1) v[num - 1] = stop;
    if (dt->type == ND_FLOAT64 && !dt->swapped) return y;
    if (dt->kind == 'i' || dt->kind == 'u')
        for (int64_t i = 0; i < num; i++) v[i] = floor(v[i]);
    nd_array *r = nd_astype(y, dt, 'K', ND_CAST_UNSAFE, true);
    nd_release(y);
    return r;
}

nd_array *nd_eye(int64_t n, int64_t m, int64_t k, const nd_dtype *dt) {
    if (m < 0) m = n;
    if (n < 0) {
        nd__err(ND_EVALUE, "negative dimensions are not allowed");
        return NULL;
    }
    int64_t shape[2] = {n, m};
    nd_array *a = nd_zeros(2, shape, dt ? dt : nd_dtype_of(ND_FLOAT64), 'C');
    if (!a) return NULL;
    nd_array *one = NULL; /* records: a record of ones, copied in */
    if (nd__is_void(a->dtype) && !(one = nd_ones(0, NULL, a->dtype, 'C'))) {
        nd_release(a);
        return NULL;
    }
    for (int64_t i = 0; i < n; i++) {
        int64_t j = i + k;
        char *p = a->data + i * a->strides[0] + j * a->strides[1];
        if (j < 0 || j >= m) continue;
        if (one)
            memcpy(p, one->data, (size_t)a->dtype->itemsize);
        else
            nd__store(a->dtype, p, ND_I64(1));
    }
    nd_release(one);
    return a;
}

static nd_array *like(const nd_array *p, const nd_dtype *dt, char order) {
    if (!dt) dt = p->dtype;
    switch (order) {
    case 'K': return nd__alloc_like_k(p, dt);
    case 'A': return nd__alloc_array(p->ndim, p->shape, dt, (p->flags & ND_F_CONTIGUOUS) && !(p->flags & ND_C_CONTIGUOUS) ? 'F' : 'C');
    case 'C': case 'F': return nd__alloc_array(p->ndim, p->shape, dt, order);
    default:
        nd__err(ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
        return NULL;
    }
}

nd_array *nd_empty_like(const nd_array *p, const nd_dtype *dt, char order) { return like(p, dt, order); }

nd_array *nd_full_like(const nd_array *p, nd_value v, const nd_dtype *dt, char order) {
    nd_array *a = like(p, dt, order);
    if (a) nd_fill(a, v);
    return a;
}

nd_array *nd_zeros_like(const nd_array *p, const nd_dtype *dt, char order) {
    return nd_full_like(p, ND_I64(0), dt, order);
}

nd_array *nd_ones_like(const nd_array *p, const nd_dtype *dt, char order) {
    return nd_full_like(p, ND_I64(1), dt, order);
}

nd_array *nd_from_data(int ndim, const int64_t *shape, const nd_dtype *dt, const void *values) {
    nd_array *a = nd_empty(ndim, shape, dt, 'C');
    if (a) {
        memcpy(a->data, values, (size_t)nd_nbytes(a));
        nd__count_copy((uint64_t)nd_nbytes(a));
    }
    return a;
}

nd_array *nd_from_buf(nd_buf *buf, const nd_dtype *dt, int ndim, const int64_t *shape, const int64_t *strides,
                      int64_t offset) {
    int64_t size;
    if (!check_ndim(ndim) || !nd__checked_size(ndim, shape, dt->itemsize, &size)) return NULL;
    if (dt->base) {
        nd__err(ND_ETYPE, "nd_from_buf takes the base dtype of a sub-array dtype, with its shape appended");
        return NULL;
    }
    int64_t st[ND_MAXDIMS];
    if (!strides) {
        nd__c_strides(ndim, shape, dt->itemsize, st);
        strides = st;
    }
    /* The elements' byte extent must lie inside the buffer. */
    if (offset < 0 || (uint64_t)offset > buf->size) goto outside;
    if (size > 0) {
        int64_t lo = offset, hi = offset + dt->itemsize;
        for (int i = 0; i < ndim; i++) {
            int64_t span = strides[i] * (shape[i] - 1);
            if (span < 0) lo += span; else hi += span;
        }
        if (lo < 0 || (uint64_t)hi > buf->size) goto outside;
    }
    nd_array *a = nd__header_new(ndim);
    if (!a) return NULL;
    a->buf = nd_buf_retain(buf);
    a->dtype = nd_dtype_retain(dt);
    a->data = (char *)buf->ptr + offset;
    memcpy(a->shape, shape, (size_t)ndim * sizeof *shape);
    memcpy(a->strides, strides, (size_t)ndim * sizeof *strides);
    a->flags = buf->readonly ? 0 : ND_WRITEABLE;
    nd__update_flags(a);
    return a;
outside:
    nd__err(ND_EVALUE, "array would reach outside its buffer");
    return NULL;
}
