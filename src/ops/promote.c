/* promote.c — NumPy 1.24's type promotion with value-based casting:
 * 0-d operands take part through their value (min_scalar_type) when the
 * non-0-d operands are of the same or a higher kind. */
#include "nd_internal.h"

#include <math.h>

static const nd_dtype *native(nd_type t) { return nd__dtype_builtin(t, false); }

/* Kind categories used to decide whether values matter: bool, integer,
 * inexact (float and complex together, as NumPy groups them). */
static int kind_cat(const nd_dtype *d) {
    switch (d->kind) {
    case 'b': return 0;
    case 'i': case 'u': return 1;
    default: return 2;
    }
}

static nd_type unsigned_min(uint64_t v, bool *small) {
    if (v <= 255) { *small = v <= 127; return ND_UINT8; }
    if (v <= 65535) { *small = v <= 32767; return ND_UINT16; }
    if (v <= 4294967295u) { *small = v <= 2147483647u; return ND_UINT32; }
    *small = v <= INT64_MAX;
    return ND_UINT64;
}

/* min_scalar_type of a 0-d array; *small: non-negative and fits the signed
 * type of the same size too. */
static nd_type min_scalar(const nd_array *a, bool *small) {
    nd_value v = nd__load(a->dtype, a->data);
    *small = false;
    switch (a->dtype->kind) {
    case 'b': return ND_BOOL;
    case 'u': return unsigned_min(v.u, small);
    case 'i':
        if (v.i >= 0) return unsigned_min((uint64_t)v.i, small);
        if (v.i >= INT8_MIN) return ND_INT8;
        if (v.i >= INT16_MIN) return ND_INT16;
        if (v.i >= INT32_MIN) return ND_INT32;
        return ND_INT64;
    case 'f':
        if (a->dtype->type == ND_FLOAT16) return ND_FLOAT16;
        if ((v.f > -65000 && v.f < 65000) || !isfinite(v.f)) return ND_FLOAT16;
        if (a->dtype->type == ND_FLOAT32 || (v.f > -3.4e38 && v.f < 3.4e38)) return ND_FLOAT32;
        return ND_FLOAT64;
    default: {
        if (a->dtype->type == ND_COMPLEX64) return ND_COMPLEX64;
        /* NumPy keeps complex128 unless both parts are finite float32 values. */
        bool fr = v.c[0] > -3.4e38 && v.c[0] < 3.4e38;
        bool fi = v.c[1] > -3.4e38 && v.c[1] < 3.4e38;
        return fr && fi ? ND_COMPLEX64 : ND_COMPLEX128;
    }
    }
}

static nd_type to_signed(nd_type t) {
    switch (t) {
    case ND_UINT8: return ND_INT8;
    case ND_UINT16: return ND_INT16;
    case ND_UINT32: return ND_INT32;
    case ND_UINT64: return ND_INT64;
    default: return t;
    }
}

/* NumPy's promote_types with the small-unsigned adjustment: a small
 * non-negative scalar counts as signed next to a signed or inexact type. */
static nd_type promote_small(nd_type t1, bool s1, nd_type t2, bool s2) {
    const nd_dtype *d1 = native(t1), *d2 = native(t2);
    if (s1 && !(d2->kind == 'b' || d2->kind == 'u')) d1 = native(to_signed(t1));
    else if (s2 && !(d1->kind == 'b' || d1->kind == 'u')) d2 = native(to_signed(t2));
    return (nd_type)nd_promote_types(d1, d2)->type;
}

bool nd__use_min_scalar(int n, const nd_array *const *arrays) {
    int max_scalar = -1, max_array = -1;
    for (int i = 0; i < n; i++) {
        int k = kind_cat(arrays[i]->dtype);
        if (arrays[i]->ndim == 0) {
            if (k > max_scalar) max_scalar = k;
        } else if (k > max_array) {
            max_array = k;
        }
    }
    return max_array >= 0 && max_array >= max_scalar;
}

nd_type nd__scalar_cast_type(const nd_array *a, nd_type to) {
    bool small;
    nd_type t = min_scalar(a, &small);
    const nd_dtype *d = native(to);
    if (small && d->kind == 'i') t = to_signed(t);
    return t;
}

const nd_dtype *nd_result_type(int n, const nd_array *const *arrays) {
    if (n <= 0) {
        nd__err(ND_ETYPE, "at least one array or dtype is required");
        return NULL;
    }
    for (int i = 0; i < n; i++) /* records promote only with equal records */
        if (nd__is_void(arrays[i]->dtype)) {
            const nd_dtype *r = arrays[0]->dtype;
            for (int k = 1; k < n && r; k++) {
                const nd_dtype *p = nd_promote_types(r, arrays[k]->dtype);
                nd_dtype_release(p);
                if (!p) r = NULL;
            }
            return nd_dtype_retain(r);
        }
    bool use_min = nd__use_min_scalar(n, arrays);
    nd_type ret = ND_BOOL;
    bool ret_small = false;
    for (int i = 0; i < n; i++) {
        bool small = false;
        nd_type t = use_min && arrays[i]->ndim == 0 ? min_scalar(arrays[i], &small) : (nd_type)arrays[i]->dtype->type;
        if (i == 0) {
            ret = t;
            ret_small = small;
        } else {
            ret = promote_small(t, small, ret, ret_small);
            ret_small = small && ret_small;
        }
    }
    return native(ret);
}

const nd_dtype *nd_min_scalar_type(const nd_array *a) {
    bool small;
    if (nd__is_void(a->dtype)) return nd_dtype_retain(a->dtype);
    if (a->ndim != 0) return native((nd_type)a->dtype->type);
    return native(min_scalar(a, &small));
}

nd_array *nd_scalar(nd_value v, const nd_dtype *dt) {
    if (!dt) {
        switch (v.type) {
        case ND_BOOL: dt = native(ND_BOOL); break;
        case ND_FLOAT16: case ND_FLOAT32: case ND_FLOAT64: dt = native(ND_FLOAT64); break;
        case ND_COMPLEX64: case ND_COMPLEX128: dt = native(ND_COMPLEX128); break;
        case ND_UINT64: dt = native(v.u > INT64_MAX ? ND_UINT64 : ND_INT64); break;
        default: dt = native(ND_INT64); break;
        }
    }
    nd_array *a = nd__alloc_array(0, NULL, dt, 'C');
    if (a) nd__store(dt, a->data, v);
    return a;
}
