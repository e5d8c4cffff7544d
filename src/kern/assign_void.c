/* assign_void.c — assignment, fill and byteswap for void dtypes, field by
 * field.
 *
 * NumPy 1.24 assigns records to records by field position (names are
 * ignored), a number to every field of a record, and a one-field record
 * to a number.  Every field view is made before the first byte is
 * written, so running out of memory leaves the destination untouched. */
#include "nd_internal.h"

/* Pairs of same-shape numeric views: dst[k] gets src[k] (src NULL: fill). */
typedef struct leaves {
    nd_array **dst, **src;
    int n, cap;
} leaves;

static void leaves_free(leaves *L) {
    for (int k = 0; k < L->n; k++) {
        nd_release(L->dst[k]);
        nd_release(L->src[k]);
    }
    nd__free_mem(L->dst);
    nd__free_mem(L->src);
}

/* Takes the references to d and s (s may be NULL). */
static int leaves_add(leaves *L, nd_array *d, nd_array *s) {
    if (L->n == L->cap) {
        int cap = L->cap ? 2 * L->cap : 8;
        nd_array **nd = nd__malloc((size_t)cap * sizeof *nd), **ns = nd__malloc((size_t)cap * sizeof *ns);
        if (!nd || !ns) {
            nd__free_mem(nd);
            nd__free_mem(ns);
            nd_release(d);
            nd_release(s);
            return nd__err(ND_ENOMEM, NULL);
        }
        if (L->n) {
            memcpy(nd, L->dst, (size_t)L->n * sizeof *nd);
            memcpy(ns, L->src, (size_t)L->n * sizeof *ns);
        }
        nd__free_mem(L->dst);
        nd__free_mem(L->src);
        L->dst = nd;
        L->src = ns;
        L->cap = cap;
    }
    L->dst[L->n] = d;
    L->src[L->n++] = s;
    return 0;
}

/* src seen with like's shape: like's extra trailing (sub-array) dims
 * broadcast with stride 0. */
static nd_array *widen(const nd_array *src, const nd_array *like) {
    nd_array *v = nd__view_new((nd_array *)src, like->ndim, src->dtype);
    if (!v) return NULL;
    v->data = src->data;
    for (int k = 0; k < like->ndim; k++) {
        v->shape[k] = like->shape[k];
        v->strides[k] = k < src->ndim ? src->strides[k] : 0;
    }
    return v;
}

/* The numeric leaves of dst (a record array) paired with what each gets
 * from src: the field in the same position, or src itself broadcast. */
static int collect(leaves *L, nd_array *dst, const nd_array *src) {
    const nd_dtype *t = dst->dtype;
    if (!nd__is_struct(t)) { /* a number, or a one-field record into a number */
        nd_array *s = NULL, *d = nd_retain(dst);
        if (src) {
            s = nd__is_struct(src->dtype) ? nd__field_view((nd_array *)src, 0) : nd_retain((nd_array *)src);
            if (!s) {
                nd_release(d);
                return ND_ENOMEM;
            }
        }
        return leaves_add(L, d, s);
    }
    for (int i = 0; i < t->nfields; i++) {
        nd_array *dv = nd__field_view(dst, i), *sv = NULL;
        if (!dv) return ND_ENOMEM;
        if (src) {
            sv = nd__is_struct(src->dtype) ? nd__field_view((nd_array *)src, i) : widen(src, dv);
            if (sv && sv->ndim != dv->ndim) { /* a field into a sub-array field */
                nd_array *w = widen(sv, dv);
                nd_release(sv);
                sv = w;
            }
            if (!sv) {
                nd_release(dv);
                return ND_ENOMEM;
            }
        }
        int rc = nd__is_struct(dv->dtype) ? collect(L, dv, sv) : leaves_add(L, nd_retain(dv), sv ? nd_retain(sv) : NULL);
        nd_release(dv);
        nd_release(sv);
        if (rc) return rc;
    }
    return 0;
}

/* ---- unstructured void ('V8'): bytes, as NumPy 1.24 casts them ---- */

static bool raw_void(const nd_dtype *d) { return nd__is_void(d) && d->nfields < 0 && !d->base; }

typedef struct {
    int64_t from, to; /* itemsizes */
    const nd_dtype *swap; /* the source's dtype when its bytes are not native, else NULL */
} bytes_ctx;

/* V -> V, and a number -> V: the source's native bytes, cut or zero-padded. */
static void bytes_loop(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    const bytes_ctx *c = ctx;
    int64_t k = c->from < c->to ? c->from : c->to;
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {
        char tmp[16];
        const char *p = src;
        if (c->swap) { /* numbers are at most 16 bytes */
            nd__swap_loop(tmp, 0, src, 0, 1, (void *)c->swap);
            p = tmp;
        }
        memmove(dst, p, (size_t)k);
        memset(dst + k, 0, (size_t)(c->to - k));
    }
}

/* V -> bool: NumPy's VOID_nonzero, any byte set. */
static void nonzero_loop(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx) {
    int64_t isz = *(const int64_t *)ctx;
    for (int64_t i = 0; i < n; i++, dst += ds, src += ss) {
        bool any = false;
        for (int64_t j = 0; j < isz && !any; j++) any = src[j] != 0;
        *dst = any;
    }
}

/* Casts from or to raw void bytes; 1 when neither side is one. */
static int assign_raw(nd_array *dst, const nd_array *src) {
    const nd_dtype *f = src->dtype, *t = dst->dtype;
    if (raw_void(f) && t->type == ND_BOOL) {
        int64_t isz = f->itemsize;
        nd__loop2(dst->ndim, dst->shape, dst->data, dst->strides, src->data, src->strides, nonzero_loop, &isz);
        return 0;
    }
    if (raw_void(f) && !raw_void(t)) /* NumPy reads the bytes as a sequence and fails */
        return nd__err(ND_EVALUE, "setting an array element with a sequence.");
    if (!raw_void(t) || nd__is_struct(f) || f->base) return 1;
    bytes_ctx c = {f->itemsize, t->itemsize, NULL};
    if (!raw_void(f) && !nd_dtype_isnative(f) && f->itemsize > 1) c.swap = f;
    nd__loop2(dst->ndim, dst->shape, dst->data, dst->strides, src->data, src->strides, bytes_loop, &c);
    return 0;
}

int nd__assign_void(nd_array *dst, const nd_array *src) {
    const nd_dtype *f = src->dtype, *t = dst->dtype;
    if (!nd_can_cast(f, t, ND_CAST_UNSAFE)) {
        char *rf = nd_dtype_repr(f), *rt = nd_dtype_repr(t);
        int rc = nd__err(ND_ETYPE, "Cannot cast array data from %s to %s according to the rule 'unsafe'",
                         rf ? rf : "?", rt ? rt : "?");
        nd_free(rf);
        nd_free(rt);
        return rc;
    }
    if (nd__is_struct(f) && raw_void(t)) { /* a one-field record: its field's bytes */
        nd_array *fv = nd__field_view((nd_array *)src, 0);
        if (!fv) return ND_ENOMEM;
        int rc = nd__assign(dst, fv);
        nd_release(fv);
        return rc;
    }
    int rc = assign_raw(dst, src);
    if (rc <= 0) return rc;
    leaves L = {0};
    rc = collect(&L, dst, src);
    for (int k = 0; k < L.n && rc == 0; k++) rc = nd__assign(L.dst[k], L.src[k]);
    leaves_free(&L);
    return rc;
}

int nd__fill_void(nd_array *a, nd_value v) {
    leaves L = {0};
    int rc = collect(&L, a, NULL);
    for (int k = 0; k < L.n && rc == 0; k++) rc = nd_fill(L.dst[k], v);
    leaves_free(&L);
    return rc;
}

/* NumPy's byteswap of records: every numeric field (and sub-array item)
 * reverses its own bytes; raw void fields and padding stay as they are. */
int nd__swap_void_inplace(nd_array *a) {
    leaves L = {0};
    int rc = collect(&L, a, NULL);
    for (int k = 0; k < L.n && rc == 0; k++) {
        nd_array *f = L.dst[k];
        if (!nd__is_void(f->dtype) && f->dtype->itemsize > 1)
            nd__swap_raw(f->ndim, f->shape, f->data, f->strides, f->data, f->strides, f->dtype);
    }
    leaves_free(&L);
    return rc;
}
