/* access.c — element reads and writes, fill, export, tobytes. */
#include "nd_internal.h"

static char *elem(const nd_array *a, const int64_t *idx, int *rc) {
    char *p = a->data;
    for (int i = 0; i < a->ndim; i++) {
        int64_t k = idx[i], n = a->shape[i];
        if (k < -n || k >= n) {
            *rc = nd__err(ND_EINDEX, "index %lld is out of bounds for axis %d with size %lld", (long long)k, i,
                          (long long)n);
            return NULL;
        }
        if (k < 0) k += n;
        p += k * a->strides[i];
    }
    return p;
}

int nd_get(const nd_array *a, const int64_t *idx, nd_value *out) {
    int rc = 0;
    if (nd__refuse_void(a->dtype, "reading an element as a number")) return ND_ETYPE;
    char *p = elem(a, idx, &rc);
    if (!p) return rc;
    *out = nd__load(a->dtype, p);
    return 0;
}

int nd_set(nd_array *a, const int64_t *idx, nd_value v) {
    int rc = 0;
    if (nd__refuse_void(a->dtype, "writing a number to an element")) return ND_ETYPE;
    char *p = elem(a, idx, &rc);
    if (!p) return rc;
    if ((rc = nd__check_writeable(a))) return rc;
    nd__store(a->dtype, p, v);
    return 0;
}

int nd_item(const nd_array *a, int64_t k, nd_value *out) {
    int64_t size = nd_size(a);
    if (nd__refuse_void(a->dtype, "item()")) return ND_ETYPE;
    if (k == INT64_MIN) {
        if (size != 1) return nd__err(ND_EVALUE, "can only convert an array of size 1 to a Python scalar");
        k = 0;
    }
    if (k < -size || k >= size)
        return nd__err(ND_EINDEX, "index %lld is out of bounds for size %lld", (long long)k, (long long)size);
    if (k < 0) k += size;
    char *p = a->data;
    for (int i = a->ndim - 1; i >= 0; i--) {
        int64_t n = a->shape[i];
        p += (k % n) * a->strides[i];
        k /= n;
    }
    *out = nd__load(a->dtype, p);
    return 0;
}

static void fill_run(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    ND_UNUSED(ss);
    int64_t isz = *(const int64_t *)ctx;
    if (isz == 8) {
        uint64_t x;
        memcpy(&x, src, 8);
        if (ds == 8) {
            uint64_t *d = (uint64_t *)(void *)dst;
            if (((uintptr_t)dst & 7) == 0) {
                for (int64_t i = 0; i < n; i++) d[i] = x;
                return;
            }
        }
        for (int64_t i = 0; i < n; i++, dst += ds) memcpy(dst, &x, 8);
        return;
    }
    for (int64_t i = 0; i < n; i++, dst += ds) memcpy(dst, src, (size_t)isz);
}

/* True when every leaf of a record is a number (checked before writing). */
static bool numeric_leaves(const nd_dtype *d) {
    if (d->base) return numeric_leaves(d->base);
    if (!nd__is_void(d)) return true;
    if (d->nfields < 0) return false;
    for (int i = 0; i < d->nfields; i++)
        if (!numeric_leaves(d->fields[i].dtype)) return false;
    return true;
}

int nd_fill(nd_array *a, nd_value v) {
    int rc = nd__check_writeable(a);
    if (rc) return rc;
    if (nd__is_struct(a->dtype) && numeric_leaves(a->dtype)) return nd__fill_void(a, v); /* every field gets v */
    if (nd__is_void(a->dtype) && a->dtype->nfields < 0) { /* NumPy's VOID_setitem wants bytes */
        const char *k = v.type == ND_BOOL ? "bool" : nd_dtype_of(v.type)->kind == 'c' ? "complex"
                        : nd_dtype_of(v.type)->kind == 'f' ? "float" : "int";
        return nd__err(ND_ETYPE, "a bytes-like object is required, not '%s'", k);
    }
    if (nd__refuse_void(a->dtype, "fill with a number")) return ND_ETYPE;
    unsigned char one[16];
    nd__store(a->dtype, one, v);
    int64_t zero[ND_MAXDIMS] = {0};
    int64_t isz = a->dtype->itemsize;
    nd__loop2(a->ndim, a->shape, a->data, a->strides, (const char *)one, zero, fill_run, &isz);
    return 0;
}

void nd_export(const nd_array *a, nd_value *out) {
    int64_t size = nd_size(a);
    if (size == 0 || nd__is_void(a->dtype)) return; /* records are not numbers */
    int64_t idx[ND_MAXDIMS] = {0};
    char *p = a->data;
    for (int64_t k = 0; k < size; k++) {
        out[k] = nd__load(a->dtype, p);
        for (int i = a->ndim - 1; i >= 0; i--) {
            p += a->strides[i];
            if (++idx[i] < a->shape[i]) break;
            p -= a->strides[i] * a->shape[i];
            idx[i] = 0;
        }
    }
}

void *nd_tobytes(const nd_array *a, char order, size_t *len) {
    bool f;
    switch (order) {
    case 'C': f = false; break;
    case 'F': f = true; break;
    case 'A': f = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS); break;
    case 'K': f = (a->flags & ND_F_CONTIGUOUS) && !(a->flags & ND_C_CONTIGUOUS); break;
    default:
        nd__err(ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
        return NULL;
    }
    size_t n = (size_t)nd_nbytes(a);
    char *out = nd__malloc(n ? n : 1);
    if (!out) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    int64_t st[ND_MAXDIMS];
    if (f)
        nd__f_strides(a->ndim, a->shape, a->dtype->itemsize, st);
    else
        nd__c_strides(a->ndim, a->shape, a->dtype->itemsize, st);
    nd__copy_raw(a->ndim, a->shape, out, st, a->data, a->strides, a->dtype->itemsize);
    *len = n;
    return out;
}
