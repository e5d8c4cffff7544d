/* np_flatiter.c — a.flat: NumPy's flatiter, the array read and written as
 * if it were 1-d in C order.  Reads copy (never views), writes go through
 * to the array, and assigned values repeat to fill the selection, as
 * NumPy's iter_subscript / iter_ass_subscript do. */
#include <string.h>

#include "py.h"

Val flatiter_new(Val arr) { return mk_misc("numpy.flatiter", arr, VNONE); }
bool is_flatiter(Val v) { return v.t == T_MISC && !strcmp(((OMisc *)v.o)->kind, "numpy.flatiter"); }
static nd_array *arr_of(Val it) { return ARR(((OMisc *)it.o)->a); }

/* The array as 1-d, C order: a view when the layout allows, else a copy. */
nd_array *flatiter_array(Val it) { return nd_ravel(arr_of(it), 'C', ND_COPY_IF_NEEDED); }

static Val bad_index(void) { return raise_exc(IndexErrorT, "unsupported iterator index"); }

/* Index arrays and assigned-to positions are checked with flatiter's own
 * wording; negative ones count from the end.  Returns p (normalised in
 * place when it is ours to change) or NULL with IndexError. */
static nd_array *check_positions(nd_array *p, int64_t n) {
    nd_array *c = p ? nd_copy(p, 'C') : NULL;
    nd_release(p);
    if (!c) return NULL;
    int64_t *d = nd_data(c), cnt = nd_size(c);
    for (int64_t i = 0; i < cnt; i++) {
        int64_t k = d[i] < 0 ? d[i] + n : d[i];
        if (k < 0 || k >= n) {
            raise_exc(IndexErrorT, "index %lld is out of bounds for size %lld", (long long)d[i], (long long)n);
            nd_release(c);
            return NULL;
        }
        d[i] = k;
    }
    return c;
}

/* The flat positions idx picks (int64, any shape; bounds checked later by
 * take), or *scalar set and *pos the one position. */
static nd_array *positions(int64_t n, Val idx, bool *scalar, int64_t *pos) {
    *scalar = false;
    if (idx.t == T_TUPLE && LIST(idx)->n == 1) idx = LIST(idx)->v[0];
    if (idx.t == T_BOOL) { /* True: the first element; False: nothing */
        if (idx.i) { *scalar = true; *pos = 0; return NULL; }
        return nd_empty(1, (int64_t[]){0}, nd_dtype_of(ND_INT64), 'C');
    }
    if (idx.t == T_INT || (idx.t == T_SCALAR && strchr("iu", nd_dtype_kind(nd_dtype_of(SCAL(idx).type))))) {
        if (to_int64(idx, pos, NULL) < 0) return NULL;
        *scalar = true;
        return NULL;
    }
    if (idx.t == T_ELLIPSIS) return nd_arange(0, n, 1, NULL);
    if (idx.t == T_SLICE) {
        int64_t a, b, st;
        if (slice_indices((OSlice *)idx.o, n, &a, &b, &st) < 0) return NULL;
        int64_t cnt = st > 0 ? (b > a ? (b - a - 1) / st + 1 : 0) : (a > b ? (a - b - 1) / -st + 1 : 0);
        return nd_arange(a, a + cnt * st, st, NULL);
    }
    if (idx.t != T_LIST && idx.t != T_ARRAY) { bad_index(); return NULL; }
    bool own;
    nd_array *ia = to_nd(idx, &own);
    if (!ia) return NULL;
    char k = nd_dtype_kind(nd_array_dtype(ia));
    nd_array *r = NULL;
    if (k == 'b' && idx.t == T_ARRAY) { /* a mask over the first len(mask) elements */
        if (nd_ndim(ia) != 1) raise_exc(ValueErrorT, "boolean index array should have 1 dimension");
        else if (nd_size(ia) > n) raise_exc(ValueErrorT, "too many boolean indices");
        else {
            nd_array *nz[1];
            if (nd_nonzero(ia, nz) == 0) r = nz[0];
        }
    } else if (k == 'b' || k == 'i' || k == 'u' || (idx.t == T_LIST && nd_size(ia) == 0)) {
        if (nd_ndim(ia) == 0 && idx.t == T_ARRAY) {
            nd_value v;
            nd_item(ia, INT64_MIN, &v);
            *scalar = true;
            *pos = v.i;
        } else {
            r = nd_astype(ia, nd_dtype_of(ND_INT64), 'K', ND_CAST_UNSAFE, false); /* list bools count as 0/1 */
        }
    } else {
        bad_index();
    }
    if (own) nd_release(ia);
    if (!r && !*scalar && exc_pending().t != T_EXC) raise_nd();
    return r;
}

Val flatiter_getitem(Val it, Val idx) {
    nd_array *flat = flatiter_array(it);
    if (!flat) return raise_nd();
    bool scalar;
    int64_t pos;
    nd_array *p = positions(nd_size(flat), idx, &scalar, &pos);
    Val r;
    if (scalar) {
        Val fv = mk_array(flat);
        r = array_getitem(fv, VINT(pos));
        decref(fv);
        return r;
    }
    if (p) p = check_positions(p, nd_size(flat));
    r = p ? mk_array(nd_take(flat, p, 0)) : VERR;
    nd_release(p);
    nd_release(flat);
    return r;
}

/* The values as NumPy's force-cast conversion makes them: arrays cast
 * unsafely; Python values stored element by element as a[...] = v stores
 * them (so 2j into an int array is the same TypeError). */
static Val value_array(Val v, const nd_dtype *dt) {
    if (v.t == T_ARRAY) return mk_array(nd_astype(ARR(v), dt, 'K', ND_CAST_UNSAFE, false));
    Val probe = np_array_from(v, NULL, false); /* for the shape */
    if (ISERR(probe)) return probe;
    Val t = mk_array(nd_empty(nd_ndim(ARR(probe)), nd_shape(ARR(probe)), dt, 'C'));
    decref(probe);
    if (!ISERR(t) && array_store(t, (Val){.t = T_ELLIPSIS}, v) < 0) {
        decref(t);
        return VERR;
    }
    return t;
}

/* flat[idx] = v with v cycled over the selection; `what` names the array
 * in the read-only error (NumPy says "underlying array" for a.flat[...]). */
static int store(nd_array *a, Val idx, Val v, const char *what) {
    if (!(nd_flags(a) & ND_WRITEABLE)) { raise_exc(ValueErrorT, "%s is read-only", what); return -1; }
    bool contig = nd_flags(a) & ND_C_CONTIGUOUS, scalar;
    nd_array *work = contig ? nd_retain(a) : nd_copy(a, 'C');
    int64_t n = nd_size(a), pos;
    nd_array *flat = work ? nd_ravel(work, 'C', ND_COPY_NEVER) : NULL, *p = NULL, *vals = NULL, *rep = NULL;
    int rc = -1;
    if (!flat) { raise_nd(); goto done; }
    p = positions(n, idx, &scalar, &pos);
    if (scalar) p = nd_full(1, (int64_t[]){1}, ND_I64(pos), nd_dtype_of(ND_INT64), 'C');
    if (p) p = check_positions(p, n);
    if (!p) { if (exc_pending().t != T_EXC) raise_nd(); goto done; }
    Val av = value_array(v, nd_array_dtype(a));
    if (ISERR(av)) goto done;
    vals = nd_ravel(ARR(av), 'C', ND_COPY_IF_NEEDED);
    decref(av);
    int64_t cnt = nd_size(p), nv = vals ? nd_size(vals) : 0;
    if (!vals) { raise_nd(); goto done; }
    if (nv == 0 || cnt == 0) { rc = 0; goto done; }
    nd_array *cyc = nd_arange(0, cnt, 1, NULL), *m = NULL;
    if (cyc) { /* positions 0..cnt-1 of the values, repeating */
        nd_array *nva = nd_scalar(ND_I64(nv), NULL);
        m = nva ? nd_apply(ND_REMAINDER, cyc, nva, NULL) : NULL;
        nd_release(nva);
    }
    rep = m ? nd_take(vals, m, 0) : NULL;
    nd_release(cyc);
    nd_release(m);
    nd_array *pflat = rep ? nd_ravel(p, 'C', ND_COPY_IF_NEEDED) : NULL;
    nd_idx ix = ND_ARR(pflat);
    rc = pflat ? nd_setitem(flat, 1, &ix, rep) : -1;
    nd_release(pflat);
    if (rc == 0 && !contig) rc = nd_copyto(a, work, ND_CAST_UNSAFE);
    if (rc < 0) raise_nd();
done:
    nd_release(p);
    nd_release(vals);
    nd_release(rep);
    nd_release(flat);
    nd_release(work);
    return rc < 0 ? -1 : 0;
}

int flatiter_store(Val it, Val idx, Val v) { return store(arr_of(it), idx, v, "underlying array"); }
int array_set_flat(nd_array *a, Val v) { return store(a, (Val){.t = T_ELLIPSIS}, v, "array"); }

Val flatiter_getattr(Val it, const char *name, bool *found) {
    *found = true;
    if (!strcmp(name, "base")) return incref(((OMisc *)it.o)->a);
    if (!strcmp(name, "index")) return VINT(0); /* nd's a.flat is never advanced */
    if (!strcmp(name, "coords")) {
        int nd = nd_ndim(arr_of(it));
        Val t = mk_tuple(nd);
        for (int i = 0; i < nd; i++) LIST(t)->v[i] = VINT(0);
        return t;
    }
    if (!strcmp(name, "copy")) return bound_method(it, name);
    *found = false;
    return VNONE;
}

Val flatiter_method(Val it, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    (void)argv;
    *found = !strcmp(name, "copy");
    if (!*found) return VNONE;
    if (argc || (kw && kw->n)) return raise_exc(TypeErrorT, "copy() takes no arguments");
    return mk_array(nd_flatten(arr_of(it), 'C'));
}
