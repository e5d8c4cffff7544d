/* field.c — views of structured records: a['x'] and a[['x', 'y']]. */
#include "nd_internal.h"

#include <stdio.h>

nd_array *nd__field_view(nd_array *a, int i) {
    const nd__field *f = &a->dtype->fields[i];
    const nd_dtype *fd = f->dtype;
    int extra = fd->base ? fd->sub_ndim : 0, nd = a->ndim + extra;
    if (nd > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, nd);
        return NULL;
    }
    const nd_dtype *elem = fd->base ? fd->base : fd;
    nd_array *v = nd__view_new(a, nd, elem);
    if (!v) return NULL;
    v->data = a->data + f->offset;
    for (int k = 0; k < a->ndim; k++) {
        v->shape[k] = a->shape[k];
        v->strides[k] = a->strides[k];
    }
    /* A sub-array field is C-ordered inside the record. */
    int64_t st = elem->itemsize;
    for (int k = extra - 1; k >= 0; k--) {
        v->shape[a->ndim + k] = fd->sub_shape[k];
        v->strides[a->ndim + k] = st;
        st *= fd->sub_shape[k];
    }
    nd__update_flags(v);
    return v;
}

static bool check_struct(const nd_array *a) {
    if (nd__is_struct(a->dtype)) return true;
    nd__err(ND_EINDEX, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
                       "boolean arrays are valid indices");
    return false;
}

nd_array *nd_field(nd_array *a, const char *name) {
    if (!check_struct(a)) return NULL;
    int i = nd_dtype_field_index(a->dtype, name);
    if (i < 0) {
        nd__err(ND_EVALUE, "no field of name %s", name ? name : "None");
        return NULL;
    }
    return nd__field_view(a, i);
}

nd_array *nd_fields(nd_array *a, int n, const char *const *names) {
    if (!check_struct(a)) return NULL;
    const nd_dtype *d = a->dtype;
    const nd_dtype **fmts = nd__malloc(((size_t)n + 1) * sizeof *fmts);
    int64_t *offs = nd__malloc(((size_t)n + 1) * sizeof *offs);
    nd_array *v = NULL;
    if (!fmts || !offs) {
        nd__err(ND_ENOMEM, NULL);
        goto done;
    }
    for (int k = 0; k < n; k++) {
        int i = nd_dtype_field_index(d, names[k]);
        if (i < 0) {
            nd__err(ND_EKEY, "%s", names[k] ? names[k] : ""); /* KeyError's argument: the key */
            goto done;
        }
        for (int j = 0; j < k; j++)
            if (!strcmp(names[j], names[k])) {
                nd__err(ND_EVALUE, "duplicate field of name '%s'", names[k]);
                goto done;
            }
        fmts[k] = d->fields[i].dtype;
        offs[k] = d->fields[i].offset;
    }
    const nd_dtype *sub = nd_dtype_struct(n, names, fmts, offs, d->itemsize, d->aligned);
    if (!sub) goto done;
    v = nd__view_new(a, a->ndim, sub);
    nd_dtype_release(sub);
    if (!v) goto done;
    for (int k = 0; k < a->ndim; k++) {
        v->shape[k] = a->shape[k];
        v->strides[k] = a->strides[k];
    }
    nd__update_flags(v);
done:
    nd__free_mem(fmts);
    nd__free_mem(offs);
    return v;
}
