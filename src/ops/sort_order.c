/* sort_order.c — NumPy's `order=` for sorting records: the fields named
 * first, the others after them in definition order.
 *
 * NumPy's array_sort/array_argsort swap in a copy of the dtype whose
 * names tuple is reordered (_internal._newnames) and sort with it; the
 * record compare walks fields in names order.  nd does the same with a
 * view whose dtype lists the same fields (same offsets) in the new order. */
#include "nd_internal.h"

/* _newnames: the order, then the remaining names. */
static const nd_dtype *reordered(const nd_dtype *d, int norder, const char *const *order) {
    if (!nd__is_struct(d)) {
        nd__err(ND_EVALUE, "Cannot specify order when the array has no fields.");
        return NULL;
    }
    int n = d->nfields;
    int *pick = nd__malloc((size_t)(n + 1) * sizeof *pick);
    bool *used = nd__malloc((size_t)(n + 1) * sizeof *used);
    const char **names = nd__malloc((size_t)(n + 1) * sizeof *names);
    const nd_dtype **formats = nd__malloc((size_t)(n + 1) * sizeof *formats);
    int64_t *offsets = nd__malloc((size_t)(n + 1) * sizeof *offsets);
    const nd_dtype *r = NULL;
    if (!pick || !used || !names || !formats || !offsets) {
        nd__err(ND_ENOMEM, NULL);
        goto done;
    }
    memset(used, 0, (size_t)(n + 1) * sizeof *used);
    int k = 0;
    for (int i = 0; i < norder; i++) {
        int f = nd_dtype_field_index(d, order[i]);
        if (f < 0 || used[f]) {
            nd__err(ND_EVALUE, f < 0 ? "unknown field name: %s" : "duplicate field name: %s", order[i]);
            goto done;
        }
        used[f] = true;
        pick[k++] = f;
    }
    for (int f = 0; f < n; f++)
        if (!used[f]) pick[k++] = f;
    for (int i = 0; i < n; i++) {
        names[i] = d->fields[pick[i]].name;
        formats[i] = d->fields[pick[i]].dtype;
        offsets[i] = d->fields[pick[i]].offset;
    }
    r = nd_dtype_struct(n, names, formats, offsets, d->itemsize, false);
done:
    nd__free_mem(pick);
    nd__free_mem(used);
    nd__free_mem(names);
    nd__free_mem(formats);
    nd__free_mem(offsets);
    return r;
}

/* a seen through the reordered dtype (kind checked first, as NumPy). */
static nd_array *order_view(const nd_array *a, const char *kind, int norder, const char *const *order) {
    if (nd__sort_kind(kind) < 0) return NULL;
    const nd_dtype *dt = reordered(a->dtype, norder, order);
    if (!dt) return NULL;
    nd_array *v = nd__view_new((nd_array *)a, a->ndim, dt);
    nd_dtype_release(dt);
    if (!v) return NULL;
    v->data = a->data;
    memcpy(v->shape, a->shape, (size_t)a->ndim * sizeof(int64_t));
    memcpy(v->strides, a->strides, (size_t)a->ndim * sizeof(int64_t));
    nd__update_flags(v);
    return v;
}

nd_array *nd_sort_order(const nd_array *a, int axis, const char *kind, int norder, const char *const *order) {
    nd_array *v = order_view(a, kind, norder, order);
    nd_array *r = v ? nd_sort(v, axis, kind) : NULL;
    nd_release(v);
    if (r) { /* a fresh copy: give it the caller's dtype back */
        nd__dtype_unref(r->dtype);
        r->dtype = nd__dtype_ref(a->dtype);
    }
    return r;
}

nd_array *nd_argsort_order(const nd_array *a, int axis, const char *kind, int norder, const char *const *order) {
    nd_array *v = order_view(a, kind, norder, order);
    nd_array *r = v ? nd_argsort(v, axis, kind) : NULL;
    nd_release(v);
    return r;
}

int nd_sort_inplace_order(nd_array *a, int axis, const char *kind, int norder, const char *const *order) {
    nd_array *v = order_view(a, kind, norder, order);
    if (!v) return nd_errcode();
    int rc = nd_sort_inplace(v, axis, kind);
    nd_release(v);
    return rc;
}
