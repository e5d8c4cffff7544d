/* np_records.c — structured dtypes from scripts: np.dtype of lists, dicts
 * and (base, shape) tuples, dtype.names/fields/descr, a['x'] and
 * a[['x', 'y']] views, numpy.void elements, and arrays of records built from
 * lists of tuples.  The dtype work itself is libnd's (nd_dtype_struct,
 * nd_field, nd_fields). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

static int shape_of(Val v, int *nd, int64_t *shape) {
    if (is_int(v)) {
        int64_t n;
        if (to_int64(v, &n, "shape") < 0) return -1;
        *nd = 1;
        shape[0] = n;
        return 0;
    }
    return parse_shape(v, nd, shape);
}

/* One field format: a spelling, type, dtype, nested list (align passed
 * down, as NumPy does) or (format, shape) tuple. */
static int field_format(Val v, bool align, const nd_dtype **out) {
    if (v.t == T_LIST || v.t == T_DICT || v.t == T_TUPLE) return rec_dtype(v, align, out);
    return get_dtype(v, out);
}

static int subarray_dtype(Val base, Val shape, bool align, const nd_dtype **out) {
    const nd_dtype *b;
    bool flexible = (base.t == T_TYPE && (OType *)base.o == NpVoidT) || (base.t == T_STR && !strcmp(STR(base)->s, "V"));
    if (flexible && shape.t == T_INT) { /* (np.void, n): NumPy's itemsize form for a flexible type */
        if (shape.i < 0) return raise_exc(TypeErrorT, "data type not understood"), -1;
        *out = nd_dtype_void(shape.i);
        return *out ? 0 : (raise_nd(), -1);
    }
    if (field_format(base, align, &b) < 0) return -1;
    if (!b) b = nd_dtype_of(ND_FLOAT64);
    int nd = 0;
    int64_t sh[ND_MAXDIMS];
    int rc = shape_of(shape, &nd, sh);
    if (rc == 0) {
        *out = nd_dtype_subarray(b, nd, sh);
        if (!*out) rc = (raise_nd(), -1);
    }
    nd_dtype_release(b);
    return rc;
}

static int build_struct(int n, const char **names, const nd_dtype **fmts, const int64_t *offs, int64_t itemsize,
                        bool align, const nd_dtype **out) {
    *out = nd_dtype_struct(n, names, fmts, offs, itemsize, align);
    for (int i = 0; i < n; i++) nd_dtype_release(fmts[i]);
    if (!*out) return raise_nd(), -1;
    return 0;
}

/* [('name', format[, shape]), ...] */
static int list_dtype(Val v, bool align, const nd_dtype **out) {
    OList *l = LIST(v);
    int n = (int)l->n, k = 0;
    const char **names = calloc((size_t)n + 1, sizeof *names);
    const nd_dtype **fmts = calloc((size_t)n + 1, sizeof *fmts);
    int rc = -1;
    if (!names || !fmts) {
        raise_exc(MemoryErrorT, "out of memory");
        goto done;
    }
    for (; k < n; k++) {
        Val f = l->v[k];
        if (f.t != T_TUPLE || LIST(f)->n < 2 || LIST(f)->n > 3) {
            raise_exc(TypeErrorT, "data type not understood");
            goto done;
        }
        Val name = LIST(f)->v[0];
        if (name.t != T_STR) {
            raise_exc(TypeErrorT, "Field elements must be 2- or 3-tuples, got %s", type_name(name));
            goto done;
        }
        names[k] = STR(name)->s;
        int r = LIST(f)->n == 3 ? subarray_dtype(LIST(f)->v[1], LIST(f)->v[2], align, &fmts[k])
                                : field_format(LIST(f)->v[1], align, &fmts[k]);
        if (r < 0) goto done;
        if (!fmts[k]) fmts[k] = nd_dtype_of(ND_FLOAT64);
    }
    rc = build_struct(n, names, fmts, NULL, 0, align, out);
    k = 0;
done:
    for (int i = 0; rc < 0 && fmts && i < k; i++) nd_dtype_release(fmts[i]);
    free(names);
    free(fmts);
    return rc;
}

static Val dict_item(Val d, const char *key) {
    bool found = false;
    Val k = mk_cstr(key), r = dict_get(d, k, &found);
    decref(k);
    return found ? r : VNONE;
}

/* {'names': [...], 'formats': [...], 'offsets': [...], 'itemsize': n, 'aligned': b} */
static int dict_dtype(Val d, bool align, const nd_dtype **out) {
    Val names = dict_item(d, "names"), formats = dict_item(d, "formats"), offsets = dict_item(d, "offsets");
    Val itemsize = dict_item(d, "itemsize"), aligned = dict_item(d, "aligned");
    if ((names.t != T_LIST && names.t != T_TUPLE) || (formats.t != T_LIST && formats.t != T_TUPLE)) {
        raise_exc(ValueErrorT, "entry not found: 'names' and 'formats' are required");
        return -1;
    }
    int n = (int)LIST(names)->n;
    if (LIST(formats)->n != n || ((offsets.t == T_LIST || offsets.t == T_TUPLE) && LIST(offsets)->n != n)) {
        raise_exc(ValueErrorT, "all items in the dictionary must have the same length.");
        return -1;
    }
    if (aligned.t == T_BOOL && aligned.i) align = true;
    int64_t isz = 0, *offs = NULL;
    if (itemsize.t != T_NONE && to_int64(itemsize, &isz, "itemsize") < 0) return -1;
    const char **nm = calloc((size_t)n + 1, sizeof *nm);
    const nd_dtype **fm = calloc((size_t)n + 1, sizeof *fm);
    if (offsets.t != T_NONE) offs = calloc((size_t)n + 1, sizeof *offs);
    int k = 0, rc = -1;
    if (!nm || !fm || (offsets.t != T_NONE && !offs)) {
        raise_exc(MemoryErrorT, "out of memory");
        goto done;
    }
    for (; k < n; k++) {
        Val name = LIST(names)->v[k];
        if (name.t != T_STR) {
            raise_exc(ValueErrorT, "field names must be strings");
            goto done;
        }
        nm[k] = STR(name)->s;
        if (offs && to_int64(LIST(offsets)->v[k], &offs[k], "offset") < 0) goto done;
        if (field_format(LIST(formats)->v[k], align, &fm[k]) < 0) goto done;
        if (!fm[k]) fm[k] = nd_dtype_of(ND_FLOAT64);
    }
    rc = build_struct(n, nm, fm, offs, isz, align, out);
    k = 0;
done:
    for (int i = 0; rc < 0 && fm && i < k; i++) nd_dtype_release(fm[i]);
    free(nm);
    free(fm);
    free(offs);
    return rc;
}

int rec_dtype(Val spec, bool align, const nd_dtype **out) {
    *out = NULL;
    if (spec.t == T_LIST) return list_dtype(spec, align, out);
    if (spec.t == T_DICT) return dict_dtype(spec, align, out);
    if (spec.t == T_TUPLE && LIST(spec)->n == 2) return subarray_dtype(LIST(spec)->v[0], LIST(spec)->v[1], align, out);
    if (spec.t == T_TUPLE) return raise_exc(TypeErrorT, "Tuple must have size 2, but has size %lld", (long long)LIST(spec)->n), -1;
    if (get_dtype(spec, out) < 0) return -1;
    if (align && spec.t == T_STR && strchr(STR(spec)->s, ',') && nd_dtype_nfields(*out) > 0) {
        /* 'u1, i4' with align=True: the same fields laid out as a C struct */
        int n = nd_dtype_nfields(*out);
        const char *names[n];
        const nd_dtype *fmts[n];
        for (int i = 0; i < n; i++) fmts[i] = nd_dtype_field(*out, i, &names[i], NULL);
        const nd_dtype *d = nd_dtype_struct(n, names, fmts, NULL, 0, true);
        nd_dtype_release(*out);
        *out = d;
        if (!d) return raise_nd(), -1;
    }
    return 0;
}

/* ---- dtype attributes ---- */

static Val shape_tuple(int n, const int64_t *v) {
    Val t = mk_tuple(n);
    for (int i = 0; i < n; i++) LIST(t)->v[i] = VINT(v[i]);
    return t;
}

static Val descr_value(const nd_dtype *d);

/* A field's descr entry: (name, descr[, shape]). */
static Val descr_entry(const char *name, const nd_dtype *f) {
    int nd = 0;
    int64_t sh[ND_MAXDIMS];
    const nd_dtype *base = nd_dtype_subdtype(f, &nd, sh);
    Val t = mk_tuple(base ? 3 : 2);
    LIST(t)->v[0] = mk_cstr(name);
    LIST(t)->v[1] = descr_value(base ? base : f);
    if (base) LIST(t)->v[2] = shape_tuple(nd, sh);
    return t;
}

/* NumPy's _array_descr: str for plain types, a list (padding as ('', '|Vn')) for records. */
static Val descr_value(const nd_dtype *d) {
    if (nd_dtype_nfields(d) < 0) return str_take(nd_dtype_str(d));
    Val l = mk_list(0);
    int64_t off = 0;
    for (int i = 0; i < nd_dtype_nfields(d); i++) {
        const char *name;
        int64_t o;
        const nd_dtype *f = nd_dtype_field(d, i, &name, &o);
        if (o > off) list_append(l, mk_tuple2(mk_cstr(""), mk_strf("|V%lld", (long long)(o - off))));
        list_append(l, descr_entry(name, f));
        off = o + nd_dtype_itemsize(f);
    }
    if (nd_dtype_itemsize(d) > off)
        list_append(l, mk_tuple2(mk_cstr(""), mk_strf("|V%lld", (long long)(nd_dtype_itemsize(d) - off))));
    return l;
}

Val rec_dtype_getattr(const nd_dtype *d, const char *name, bool *found) {
    *found = true;
    int nf = nd_dtype_nfields(d), nd = 0;
    int64_t sh[ND_MAXDIMS];
    const nd_dtype *base = nd_dtype_subdtype(d, &nd, sh);
    if (!strcmp(name, "names")) {
        if (nf < 0) return VNONE;
        Val t = mk_tuple(nf);
        for (int i = 0; i < nf; i++) {
            const char *n;
            nd_dtype_field(d, i, &n, NULL);
            LIST(t)->v[i] = mk_cstr(n);
        }
        return t;
    }
    if (!strcmp(name, "fields")) { /* NumPy gives a mappingproxy; a dict reads the same way */
        if (nf < 0) return VNONE;
        Val r = mk_dict();
        for (int i = 0; i < nf; i++) {
            const char *n;
            int64_t o;
            const nd_dtype *f = nd_dtype_field(d, i, &n, &o);
            Val k = mk_cstr(n), v = mk_tuple2(mk_dtype(f), VINT(o));
            dict_set(r, k, v);
            decref(k);
            decref(v);
        }
        return r;
    }
    if (!strcmp(name, "descr")) {
        if (nf >= 0) {
            char *check = nd_dtype_descr(d); /* NumPy refuses out-of-order fields */
            if (!check) return raise_nd();
            nd_free(check);
            return descr_value(d);
        }
        Val l = mk_list(0);
        list_append(l, mk_tuple2(mk_cstr(""), str_take(nd_dtype_str(d))));
        return l;
    }
    if (!strcmp(name, "isalignedstruct")) return VBOOL(nd_dtype_isalignedstruct(d));
    if (!strcmp(name, "subdtype")) return base ? mk_tuple2(mk_dtype(base), shape_tuple(nd, sh)) : VNONE;
    if (!strcmp(name, "shape")) return base ? shape_tuple(nd, sh) : mk_tuple(0);
    if (!strcmp(name, "base")) return mk_dtype(base ? base : d);
    *found = false;
    return VNONE;
}

/* dt['name'] and dt[i] */
Val rec_dtype_getitem(const nd_dtype *d, Val key) {
    if (nd_dtype_nfields(d) < 0) {
        Val r = val_repr(mk_dtype(d));
        if (ISERR(r)) return r;
        Val e = raise_exc(KeyErrorT, "There are no fields in dtype %s.", STR(r)->s);
        decref(r);
        return e;
    }
    int i = -1;
    if (key.t == T_STR) {
        i = nd_dtype_field_index(d, STR(key)->s);
        if (i < 0) return raise_exc(KeyErrorT, "Field named '%s' not found.", STR(key)->s);
    } else if (is_int(key)) {
        int64_t k, n = nd_dtype_nfields(d);
        if (to_int64(key, &k, "index") < 0) return VERR;
        if (k < -n || k >= n) return raise_exc(IndexErrorT, "Field index %lld out of range.", (long long)k);
        i = (int)(k < 0 ? k + n : k);
    } else {
        return raise_exc(TypeErrorT, "Field key must be an integer field index, string, or list of strings.");
    }
    return mk_dtype(nd_dtype_field(d, i, NULL, NULL));
}

/* ---- arrays of records ---- */

/* a['x'] or a[['x', 'y']]: *handled false when key is neither. */
Val rec_getitem(nd_array *a, Val key, bool *handled) {
    *handled = true;
    if (key.t == T_STR) {
        nd_array *f = nd_field(a, STR(key)->s);
        if (!f) return raise_nd();
        return nd_ndim(f) == 0 ? rec_wrap0(f) : mk_array(f);
    }
    if (key.t == T_LIST && LIST(key)->n > 0 && LIST(key)->v[0].t == T_STR) {
        int n = (int)LIST(key)->n;
        const char **names = calloc((size_t)n, sizeof *names);
        if (!names) return raise_exc(MemoryErrorT, "out of memory");
        for (int i = 0; i < n; i++) {
            if (LIST(key)->v[i].t != T_STR) {
                free(names);
                return raise_exc(IndexErrorT, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis "
                                              "(`None`) and integer or boolean arrays are valid indices");
            }
            names[i] = STR(LIST(key)->v[i])->s;
        }
        nd_array *r = nd_fields(a, n, names);
        free(names);
        if (!r) return raise_nd();
        return nd_ndim(r) == 0 ? rec_wrap0(r) : mk_array(r);
    }
    *handled = false;
    return VNONE;
}

/* a['x'] = v: v assigned (broadcast, unsafe cast) into the field view. */
int rec_setitem(nd_array *a, Val key, Val v, bool *handled) {
    *handled = false;
    if (key.t != T_STR && !(key.t == T_LIST && LIST(key)->n > 0 && LIST(key)->v[0].t == T_STR)) return 0;
    *handled = true;
    Val view = rec_getitem(a, key, handled);
    if (ISERR(view)) return -1;
    nd_array *dst = view.t == T_ARRAY ? ARR(view) : NULL;
    int rc = 0;
    if (!dst) { /* a 0-d field came back as a scalar: assign through the view itself */
        decref(view);
        nd_array *f = nd_field(a, STR(key)->s);
        if (!f) return raise_nd(), -1;
        view = mk_array(f);
        dst = f;
    }
    rc = array_setitem(view, ((Val){.t = T_ELLIPSIS}), v);
    decref(view);
    return rc;
}

/* A 0-d result: a numpy.void element when it is a record (a view that
 * writes through, as NumPy's is), else the numpy scalar. */
Val rec_wrap0(nd_array *r) {
    if (nd_dtype_type(nd_array_dtype(r)) == ND_VOID) return mk_void(r);
    return array_wrap0(r);
}

/* tolist() of records: tuples of fields (sub-arrays as lists). */
Val rec_tolist(nd_array *a) {
    if (nd_ndim(a) > 0) {
        int64_t n = nd_shape(a)[0];
        Val l = mk_list(n);
        for (int64_t i = 0; i < n; i++) {
            char ix[32];
            snprintf(ix, sizeof ix, "%lld", (long long)i);
            nd_array *e = nd_index(a, ix);
            if (!e) {
                decref(l);
                return raise_nd();
            }
            Val x = rec_tolist(e);
            nd_release(e);
            if (ISERR(x)) {
                decref(l);
                return x;
            }
            LIST(l)->v[i] = x;
        }
        return l;
    }
    const nd_dtype *d = nd_array_dtype(a);
    int nf = nd_dtype_nfields(d);
    if (nf < 0) return nd_dtype_type(d) == ND_VOID ? raise_exc(NotImplementedErrorT, "tolist() of raw void data")
                                                   : array_tolist(a);
    Val t = mk_tuple(nf);
    for (int i = 0; i < nf; i++) {
        const char *name;
        nd_dtype_field(d, i, &name, NULL);
        nd_array *f = nd_field(a, name);
        /* NumPy's void.item() gives a sub-array field as an array (a copy), a nested record as a tuple */
        Val x = !f ? raise_nd()
                : nd_ndim(f) > 0 ? mk_array(nd_copy(f, 'C'))
                : nd_dtype_nfields(nd_array_dtype(f)) >= 0 ? rec_tolist(f) : array_tolist(f);
        nd_release(f);
        if (ISERR(x)) {
            decref(t);
            return x;
        }
        LIST(t)->v[i] = x;
    }
    return t;
}

/* Fill record r (0-d) from a tuple of field values. */
static int fill_record(nd_array *r, Val item) {
    const nd_dtype *d = nd_array_dtype(r);
    int nf = nd_dtype_nfields(d);
    if (item.t != T_TUPLE) { /* NumPy: a scalar goes into every field */
        Val view = mk_array(nd_retain(r));
        int rc = array_setitem(view, ((Val){.t = T_ELLIPSIS}), item);
        decref(view);
        return rc;
    }
    if (LIST(item)->n != nf) {
        raise_exc(ValueErrorT, "could not assign tuple of length %lld to structure with %d fields.",
                  (long long)LIST(item)->n, nf);
        return -1;
    }
    for (int i = 0; i < nf; i++) {
        const char *name;
        nd_dtype_field(d, i, &name, NULL);
        nd_array *f = nd_field(r, name);
        if (!f) return raise_nd(), -1;
        int rc = nd_dtype_nfields(nd_array_dtype(f)) >= 0 && nd_ndim(f) == 0 ? fill_record(f, LIST(item)->v[i]) : 0;
        if (!(nd_dtype_nfields(nd_array_dtype(f)) >= 0 && nd_ndim(f) == 0)) {
            Val view = mk_array(nd_retain(f));
            rc = array_setitem(view, ((Val){.t = T_ELLIPSIS}), LIST(item)->v[i]);
            decref(view);
        }
        nd_release(f);
        if (rc < 0) return -1;
    }
    return 0;
}

/* np.array(list of tuples, dtype=records): records at the leaves. */
static int rec_shape(Val v, int *nd, int64_t *shape) {
    *nd = 0;
    while (v.t == T_LIST) {
        if (*nd == ND_MAXDIMS) return raise_exc(ValueErrorT, "too many dimensions"), -1;
        shape[(*nd)++] = LIST(v)->n;
        if (LIST(v)->n == 0) break;
        v = LIST(v)->v[0];
    }
    return 0;
}

static int fill_nested(nd_array *a, Val v, int depth, int ndim, int64_t *pos) {
    if (depth == ndim) {
        char ix[ND_MAXDIMS * 24 + 2] = "";
        size_t n = 0;
        for (int i = 0; i < ndim; i++) n += (size_t)snprintf(ix + n, sizeof ix - n, i ? ",%lld" : "%lld", (long long)pos[i]);
        nd_array *r = ndim ? nd_index(a, ix) : nd_retain(a);
        if (!r) return raise_nd(), -1;
        int rc = fill_record(r, v);
        nd_release(r);
        return rc;
    }
    if (v.t != T_LIST || LIST(v)->n != nd_shape(a)[depth]) {
        raise_exc(ValueErrorT, "setting an array element with a sequence. The requested array has an inhomogeneous "
                               "shape after %d dimensions.", depth);
        return -1;
    }
    for (int64_t i = 0; i < LIST(v)->n; i++) {
        pos[depth] = i;
        if (fill_nested(a, LIST(v)->v[i], depth + 1, ndim, pos) < 0) return -1;
    }
    return 0;
}

Val rec_array_from(Val v, const nd_dtype *dt) {
    int nd;
    int64_t shape[ND_MAXDIMS] = {0}, pos[ND_MAXDIMS];
    if (rec_shape(v, &nd, shape) < 0) return VERR;
    nd_array *a = nd_zeros(nd, shape, dt, 'C');
    if (!a) return raise_nd();
    if (fill_nested(a, v, 0, nd, pos) < 0) {
        nd_release(a);
        return VERR;
    }
    return mk_array(a);
}

/* ---- operators on records ---- */

static bool is_rec(Val v) { return v.t == T_ARRAY && nd_dtype_type(nd_array_dtype(ARR(v))) == ND_VOID; }

/* a == b, a != b, a < b ... when either side is a record array or a
 * numpy.void (*handled false otherwise).  ==/!= compare field by field
 * (nd_equal_op); NumPy's ndarray gives up on ordering, so Python raises. */
Val rec_binop(int op, Val av, Val bv, bool *handled) {
    *handled = (op == OP_EQ || op == OP_NE || op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE) &&
               (is_rec(av) || is_rec(bv));
    if (!*handled) return VNONE;
    if (op != OP_EQ && op != OP_NE) {
        bool vv = av.t == T_ARRAY && bv.t == T_ARRAY && ((OArray *)av.o)->void_scalar && ((OArray *)bv.o)->void_scalar;
        static const int swapped[] = {[OP_LT] = OP_GT, [OP_LE] = OP_GE, [OP_GT] = OP_LT, [OP_GE] = OP_LE};
        const char *ta = av.t == T_ARRAY ? "numpy.ndarray" : type_of(av)->qual;
        const char *tb = bv.t == T_ARRAY ? "numpy.ndarray" : type_of(bv)->qual;
        /* two numpy.void scalars end up in the reflected ndarray comparison */
        return raise_exc(TypeErrorT, "'%s' not supported between instances of '%s' and '%s'",
                         op_symbol[vv ? swapped[op] : op], ta, tb);
    }
    if (!is_rec(av) || !is_rec(bv))
        return raise_exc(TypeErrorT, "Cannot compare structured or void to non-void arrays.");
    nd_array *a = ARR(av), *b = ARR(bv);
    nd_array *r = nd_equal_op(a, b, op == OP_NE);
    if (!r) {
        bool structured = nd_dtype_nfields(nd_array_dtype(a)) >= 0 && nd_dtype_nfields(nd_array_dtype(b)) >= 0;
        if (structured && nd_errcode() == ND_EVALUE && strstr(nd_errmsg(), "could not be broadcast")) {
            nd_clear_error(); /* NumPy 1.24: NotImplemented (DeprecationWarnings), then identity */
            return VBOOL(op == OP_NE);
        }
        return raise_nd();
    }
    return array_wrap0(r);
}
