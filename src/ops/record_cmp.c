/* record_cmp.c — NumPy 1.24's element functions for void dtypes, and the
 * ==/!= operators of record arrays.
 *
 * nd__record_cmp is arraytypes.c's VOID_compare, the order every record
 * sort uses: fields in definition order, each with its own type's compare
 * (byte order and alignment undone first); nested records recurse, while
 * sub-array and raw void fields compare as bytes (memcmp), as NumPy's
 * subarray descriptors have no fields and fall to STRING_compare.
 * nd__record_nonzero is VOID_nonzero: any field nonzero (raw bytes for
 * sub-arrays and raw voids).  nd_equal_op follows arrayobject.c's
 * _void_compare: each field pair through the equal/not_equal ufunc,
 * sub-array dims folded with logical_and/logical_or, fields combined the
 * same way. */
#include "nd_internal.h"

#include <math.h>

#define LT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

static int cmp_real(double a, double b) { return LT(a, b) ? -1 : LT(b, a) ? 1 : 0; }

/* CFLOAT_compare / CDOUBLE_compare. */
static int cmp_cplx(const double *a, const double *b) {
    double ar = a[0], ai = a[1], br = b[0], bi = b[1];
    if (ar < br) return (ai == ai || bi != bi) ? -1 : 1;
    if (br < ar) return (bi == bi || ai != ai) ? 1 : -1;
    if (ar == br || (ar != ar && br != br)) return cmp_real(ai, bi);
    return ar == ar ? -1 : 1;
}

/* The compare of one numeric field (any byte order, any alignment). */
static int cmp_num(const nd_dtype *d, const char *a, const char *b) {
    if (d->type == ND_BOOL) { /* BOOL_compare: by truth */
        bool x = *a != 0, y = *b != 0;
        return x == y ? 0 : x ? 1 : -1;
    }
    nd_value x = nd__load(d, a), y = nd__load(d, b);
    switch (d->kind) {
    case 'i': return x.i < y.i ? -1 : x.i > y.i;
    case 'u': return x.u < y.u ? -1 : x.u > y.u;
    case 'c': return cmp_cplx(x.c, y.c);
    default: break;
    }
    if (d->type == ND_FLOAT16) { /* HALF_compare puts NaN first, unlike the typed sorts */
        bool xn = isnan(x.f), yn = isnan(y.f);
        if (xn) return yn ? 0 : -1;
        if (yn) return 1;
    }
    return cmp_real(x.f, y.f);
}

int nd__record_cmp(const nd_dtype *dt, const char *a, const char *b) {
    if (!nd__is_struct(dt)) {
        int r = dt->itemsize ? memcmp(a, b, (size_t)dt->itemsize) : 0;
        return r < 0 ? -1 : r > 0;
    }
    for (int i = 0; i < dt->nfields; i++) {
        const nd__field *f = &dt->fields[i];
        const nd_dtype *fd = f->dtype;
        int r = nd__is_void(fd) ? nd__record_cmp(fd, a + f->offset, b + f->offset)
                                : cmp_num(fd, a + f->offset, b + f->offset);
        if (r) return r;
    }
    return 0;
}

static bool num_nonzero(const nd_dtype *d, const char *p) {
    if (d->type == ND_BOOL) return *p != 0;
    nd_value v = nd__load(d, p);
    switch (d->kind) {
    case 'i': return v.i != 0;
    case 'u': return v.u != 0;
    case 'c': return v.c[0] != 0 || v.c[1] != 0;
    default: return v.f != 0;
    }
}

bool nd__record_nonzero(const nd_dtype *dt, const char *p) {
    if (!nd__is_struct(dt)) {
        for (int64_t k = 0; k < dt->itemsize; k++)
            if (p[k]) return true;
        return false;
    }
    for (int i = 0; i < dt->nfields; i++) {
        const nd__field *f = &dt->fields[i];
        if (nd__is_void(f->dtype) ? nd__record_nonzero(f->dtype, p + f->offset) : num_nonzero(f->dtype, p + f->offset))
            return true;
    }
    return false;
}

/* One value of numeric dtype d at a differs from the one at b (not_equal). */
static bool num_differ(const nd_dtype *d, const char *a, const char *b) {
    if (d->type == ND_BOOL) return (*a != 0) != (*b != 0);
    nd_value x = nd__load(d, a), y = nd__load(d, b);
    switch (d->kind) {
    case 'i': return x.i != y.i;
    case 'u': return x.u != y.u;
    case 'c': return x.c[0] != y.c[0] || x.c[1] != y.c[1];
    default: return x.f != y.f;
    }
}

bool nd__record_differ(const nd_dtype *dt, const char *a, const char *b) {
    if (dt->base) { /* a sub-array field: element by element, by value */
        int64_t n = nd__size(dt->sub_ndim, dt->sub_shape), isz = dt->base->itemsize;
        for (int64_t k = 0; k < n; k++)
            if (nd__record_differ(dt->base, a + k * isz, b + k * isz)) return true;
        return false;
    }
    if (!nd__is_void(dt)) return num_differ(dt, a, b);
    if (!nd__is_struct(dt)) return dt->itemsize && memcmp(a, b, (size_t)dt->itemsize) != 0;
    for (int i = 0; i < dt->nfields; i++) {
        const nd__field *f = &dt->fields[i];
        if (nd__record_differ(f->dtype, a + f->offset, b + f->offset)) return true;
    }
    return false;
}

/* NumPy's promote_types succeeds for the two (void_common_instance and
 * _promote_fields: same names in the same order, fields that promote,
 * sub-arrays of one shape, raw voids of one size). */
static bool promotable(const nd_dtype *x, const nd_dtype *y) {
    if (!nd__is_void(x) || !nd__is_void(y)) return !nd__is_void(x) && !nd__is_void(y);
    if (x->base || y->base) {
        return x->base && y->base && x->sub_ndim == y->sub_ndim &&
               !memcmp(x->sub_shape, y->sub_shape, (size_t)x->sub_ndim * sizeof *x->sub_shape) &&
               promotable(x->base, y->base);
    }
    if (nd__is_struct(x) != nd__is_struct(y)) return false;
    if (!nd__is_struct(x)) return x->itemsize == y->itemsize;
    if (x->nfields != y->nfields) return false;
    for (int i = 0; i < x->nfields; i++)
        if (strcmp(x->fields[i].name, y->fields[i].name) || !promotable(x->fields[i].dtype, y->fields[i].dtype))
            return false;
    return true;
}

/* Raw voids of one size, byte for byte (NumPy compares them as strings). */
static nd_array *bytes_compare(const nd_array *a, const nd_array *b, bool ne) {
    int nd;
    int64_t shape[ND_MAXDIMS], sa[ND_MAXDIMS], sb[ND_MAXDIMS], idx[ND_MAXDIMS] = {0};
    if (nd__broadcast_pair(a, b, &nd, shape) < 0) return NULL;
    nd__broadcast_strides(a, nd, shape, sa);
    nd__broadcast_strides(b, nd, shape, sb);
    const int64_t *sts[2] = {sa, sb};
    nd_array *r = nd__alloc_iter_order(nd, shape, 2, sts, nd_dtype_of(ND_BOOL));
    if (!r) return NULL;
    int64_t size = nd__size(nd, shape), isz = a->dtype->itemsize;
    const char *pa = a->data, *pb = b->data;
    char *o = r->data;
    for (int64_t k = 0; k < size; k++) {
        *o = (char)((isz && memcmp(pa, pb, (size_t)isz)) == ne);
        for (int d = nd - 1; d >= 0; d--) {
            pa += sa[d], pb += sb[d], o += r->strides[d];
            if (++idx[d] < shape[d]) break;
            pa -= sa[d] * shape[d], pb -= sb[d] * shape[d], o -= r->strides[d] * shape[d];
            idx[d] = 0;
        }
    }
    return r;
}

/* A record with no fields: all equal, broadcast. */
static nd_array *no_fields(const nd_array *a, const nd_array *b, bool ne) {
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (nd__broadcast_pair(a, b, &nd, shape) < 0) return NULL;
    return ne ? nd_zeros(nd, shape, nd_dtype_of(ND_BOOL), 'C') : nd_ones(nd, shape, nd_dtype_of(ND_BOOL), 'C');
}

static nd_array *void_compare(const nd_array *a, const nd_array *b, bool ne);

/* One field pair compared; sub-array dims folded into the record's. */
static nd_array *field_compare(const nd_array *a, const nd_array *b, int i, bool ne) {
    nd_array *fa = nd__field_view((nd_array *)a, i), *fb = fa ? nd__field_view((nd_array *)b, i) : NULL, *t = NULL;
    if (fb) t = nd__is_void(fa->dtype) ? void_compare(fa, fb, ne) : nd_apply(ne ? ND_NOT_EQUAL : ND_EQUAL, fa, fb, NULL);
    nd_release(fa);
    nd_release(fb);
    int rnd = a->ndim > b->ndim ? a->ndim : b->ndim;
    if (!t || t->ndim <= rnd) return t;
    int axes[ND_MAXDIMS], nax = t->ndim - rnd; /* NumPy folds the extra dims into one and reduces it */
    for (int k = 0; k < nax; k++) axes[k] = rnd + k;
    nd_array *r = ne ? nd_any(t, nax, axes, false) : nd_all(t, nax, axes, false);
    nd_release(t);
    return r;
}

static nd_array *void_compare(const nd_array *a, const nd_array *b, bool ne) {
    if (!nd__is_void(a->dtype) || !nd__is_void(b->dtype)) {
        nd__err(ND_ETYPE, "Cannot compare structured or void to non-void arrays.");
        return NULL;
    }
    const nd_dtype *x = a->dtype, *y = b->dtype;
    if (nd__is_struct(x) != nd__is_struct(y)) {
        nd__err(ND_ETYPE, "Cannot compare structured with unstructured void arrays. (unreachable error, please "
                          "report to NumPy devs.)");
        return NULL;
    }
    if (!nd__is_struct(x)) {
        if (x->itemsize == y->itemsize) return bytes_compare(a, b, ne);
        nd__err(ND_ETYPE, "cannot compare unstructured voids of different length. Use bytes to compare. (This may "
                          "return array of False in the future.)");
        return NULL;
    }
    if (!promotable(x, y)) {
        nd__err(ND_ETYPE, "Cannot compare structured arrays unless they have a common dtype.  I.e. "
                          "`np.result_type(arr1, arr2)` must be defined.");
        return NULL;
    }
    if (x->nfields == 0) return no_fields(a, b, ne);
    nd_array *res = NULL;
    for (int i = 0; i < x->nfields; i++) {
        nd_array *t = field_compare(a, b, i, ne);
        if (!t) {
            nd_release(res);
            return NULL;
        }
        if (!res) {
            res = t;
            continue;
        }
        nd_array *r2 = nd_apply(ne ? ND_LOGICAL_OR : ND_LOGICAL_AND, res, t, NULL);
        nd_release(res);
        nd_release(t);
        if (!(res = r2)) return NULL;
    }
    return res;
}

nd_array *nd_equal_op(const nd_array *a, const nd_array *b, bool ne) {
    if (!a || !b) {
        nd__err(ND_ETYPE, "comparison needs two arrays");
        return NULL;
    }
    if (!nd__is_void(a->dtype) && !nd__is_void(b->dtype)) return nd_apply(ne ? ND_NOT_EQUAL : ND_EQUAL, a, b, NULL);
    return void_compare(a, b, ne);
}
