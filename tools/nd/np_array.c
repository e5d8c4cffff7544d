/* np_array.c — ndarray objects over libnd: conversion from Python values,
 * indexing, operators (ufunc dispatch), attributes and methods. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

/* ---------- conversions ---------- */
Val value_to_py(nd_value v) {
    switch (v.type) {
    case ND_BOOL: return VBOOL(v.b);
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64: return mk_int((i128)v.u);
    case ND_FLOAT16: case ND_FLOAT32: case ND_FLOAT64: return VFLOAT(v.f);
    case ND_COMPLEX64: case ND_COMPLEX128: return mk_complex(v.c[0], v.c[1]);
    default: return VINT(v.i);
    }
}

Val array_wrap0(nd_array *a) {
    if (!a) return raise_nd();
    if (nd_ndim(a) == 0) {
        nd_value v;
        nd_item(a, INT64_MIN, &v);
        nd_release(a);
        return mk_scalar(v);
    }
    return mk_array(a);
}

/* Walk nested lists: shape, dtype and leaves. */
typedef struct Disc {
    int ndim;
    int64_t shape[ND_MAXDIMS];
    const nd_dtype *dt;
    int pykind; /* 0 none, 1 bool, 2 int, 3 float, 4 complex */
    bool ragged;
    bool big;   /* a Python int in [2**63, 2**64): NumPy's uint64 */
} Disc;

static void disc_dtype(Disc *d, const nd_dtype *t) {
    if (!d->dt) d->dt = nd_dtype_retain(t);
    else {
        const nd_dtype *p = nd_promote_types(d->dt, t);
        nd_dtype_release(d->dt);
        d->dt = p;
    }
}

static int discover(Val v, int depth, Disc *d) {
    if (v.t == T_LIST || v.t == T_TUPLE) {
        int64_t n = LIST(v)->n;
        if (depth >= ND_MAXDIMS) { raise_exc(ValueErrorT, "nested too deep"); return -1; }
        if (depth == d->ndim) { d->shape[depth] = n; d->ndim = depth + 1; }
        else if (depth > d->ndim || d->shape[depth] != n) d->ragged = true;
        for (int64_t i = 0; i < n; i++)
            if (discover(LIST(v)->v[i], depth + 1, d) < 0) return -1;
        if (n == 0 && depth + 1 < d->ndim) d->ragged = true;
        return 0;
    }
    if (v.t == T_ARRAY) {
        nd_array *a = ARR(v);
        int nd = nd_ndim(a);
        for (int k = 0; k < nd; k++) {
            if (depth + k == d->ndim) { d->shape[depth + k] = nd_shape(a)[k]; d->ndim = depth + k + 1; }
            else if (d->shape[depth + k] != nd_shape(a)[k]) d->ragged = true;
        }
        if (depth + nd != d->ndim) d->ragged = true;
        disc_dtype(d, nd_array_dtype(a));
        return 0;
    }
    if (depth != d->ndim) d->ragged = true;
    switch (v.t) {
    case T_BOOL: if (d->pykind < 1) d->pykind = 1; return 0;
    case T_INT: if (d->pykind < 2) d->pykind = 2; return 0;
    case T_BIG:
        if (BIG(v) < 0 || BIG(v) > (i128)UINT64_MAX) { /* NumPy makes an object array */
            raise_exc(OverflowErrorT, "Python int too large to convert to C long");
            return -1;
        }
        d->big = true;
        return 0;
    case T_FLOAT: if (d->pykind < 3) d->pykind = 3; return 0;
    case T_COMPLEX: d->pykind = 4; return 0;
    case T_SCALAR: disc_dtype(d, nd_dtype_of(SCAL(v).type)); return 0;
    case T_STR: case T_BYTES:
        raise_exc(NotImplementedErrorT, "nd does not support string arrays (dtype '<U')");
        return -1;
    default:
        raise_exc(NotImplementedErrorT, "nd does not support object arrays (element of type '%s')", type_name(v));
        return -1;
    }
}

static int fill_values(Val v, nd_value *out, int64_t *pos) {
    if (v.t == T_LIST || v.t == T_TUPLE) {
        for (int64_t i = 0; i < LIST(v)->n; i++)
            if (fill_values(LIST(v)->v[i], out, pos) < 0) return -1;
        return 0;
    }
    switch (v.t) {
    case T_ARRAY: nd_export(ARR(v), out + *pos); *pos += nd_size(ARR(v)); return 0;
    case T_BOOL: out[(*pos)++] = ND_BOOLV(v.i); return 0;
    case T_INT: out[(*pos)++] = ND_I64(v.i); return 0;
    case T_BIG: out[(*pos)++] = ND_U64((uint64_t)BIG(v)); return 0;
    case T_FLOAT: out[(*pos)++] = ND_F64(v.f); return 0;
    case T_COMPLEX: out[(*pos)++] = ND_C128(((OComplex *)v.o)->re, ((OComplex *)v.o)->im); return 0;
    case T_SCALAR: out[(*pos)++] = SCAL(v); return 0;
    default: return -1;
    }
}

static nd_array *from_values(int ndim, const int64_t *shape, const nd_dtype *dt, const nd_value *vals) {
    /* build native, then cast to dt (which may be byte-swapped) */
    const nd_dtype *nat = nd_dtype_of(nd_dtype_type(dt));
    nd_array *a = nd_empty(ndim, shape, nat, 'C');
    if (!a) return NULL;
    int64_t n = nd_size(a), idx[ND_MAXDIMS] = {0};
    for (int64_t k = 0; k < n; k++) {
        if (nd_set(a, idx, vals[k]) < 0) { nd_release(a); return NULL; }
        for (int j = ndim - 1; j >= 0; j--) {
            if (++idx[j] < shape[j]) break;
            idx[j] = 0;
        }
    }
    if (nd_dtype_equal(nat, dt) && nd_dtype_byteorder(dt) != '>') return a;
    nd_array *b = nd_astype(a, dt, 'C', ND_CAST_UNSAFE, true);
    nd_release(a);
    return b;
}

Val np_array_from(Val v, const nd_dtype *dt, bool copy) { return np_array_order(v, dt, copy, 'K'); }

/* np.array(v, dtype, copy, order): an array input is kept when copy is
 * False and it already has the dtype and order (astype's rule); new data
 * from Python values is laid out C, or F for order 'F'. */
static Val np_array_new(Val v, const nd_dtype *dt);

Val np_array_order(Val v, const nd_dtype *dt, bool copy, char order) {
    if (v.t == T_RANGE) { /* a sequence of ints, as NumPy reads it */
        Val l = to_list(v);
        if (ISERR(l)) return l;
        Val r = np_array_order(l, dt, false, order);
        decref(l);
        return r;
    }
    if (is_flatiter(v)) { /* its __array__: the values in C order */
        Val fv = mk_array(nd_flatten(ARR(((OMisc *)v.o)->a), 'C'));
        if (ISERR(fv)) return fv;
        Val r = np_array_order(fv, dt, false, order);
        decref(fv);
        return r;
    }
    if (v.t == T_ARRAY) {
        nd_array *a = ARR(v);
        if (!dt && !copy && order == 'K') return incref(v);
        nd_array *r = nd_astype(a, dt ? dt : nd_array_dtype(a), order, ND_CAST_UNSAFE, copy);
        if (r == a) { /* astype kept it: the same Python object */
            nd_release(r);
            return incref(v);
        }
        return mk_array(r);
    }
    Val r = np_array_new(v, dt);
    if (order != 'F' || r.t != T_ARRAY || nd_ndim(ARR(r)) < 2) return r;
    Val f = mk_array(nd_copy(ARR(r), 'F'));
    decref(r);
    return f;
}

/* A new array from Python values (lists, tuples, scalars). */
static Val np_array_new(Val v, const nd_dtype *dt) {
    if (dt && is_void_dt(dt) && (v.t == T_LIST || v.t == T_TUPLE)) return rec_array_from(v, dt);
    Disc d = {0};
    if (discover(v, 0, &d) < 0) { nd_dtype_release(d.dt); return VERR; }
    if (d.ragged) {
        nd_dtype_release(d.dt);
        return raise_exc(ValueErrorT, "setting an array element with a sequence. The requested array has an "
                                      "inhomogeneous shape after %d dimensions. The detected shape was (%lld,) + "
                                      "inhomogeneous part.", 1, (long long)d.shape[0]);
    }
    static const nd_type pyt[] = {ND_FLOAT64, ND_BOOL, ND_INT64, ND_FLOAT64, ND_COMPLEX128};
    if (d.big) { /* uint64 values: with int64 ones NumPy promotes to float64 */
        disc_dtype(&d, nd_dtype_of(ND_UINT64));
        if (d.pykind == 1) d.pykind = 0;
    }
    if (dt && d.big && strchr("iu", nd_dtype_kind(dt)) && nd_dtype_type(dt) != ND_UINT64) {
        nd_dtype_release(d.dt);
        return raise_exc(OverflowErrorT, "Python int too large to convert to C long");
    }
    if (d.pykind) {
        if (d.dt) {
            /* Python scalars next to NumPy ones: promote by kind (ints do not upcast int16 etc. only when all are NumPy) */
            disc_dtype(&d, nd_dtype_of(pyt[d.pykind]));
        } else {
            d.dt = nd_dtype_of(pyt[d.pykind]);
        }
    }
    if (!d.dt) d.dt = nd_dtype_of(ND_FLOAT64);
    const nd_dtype *use = dt ? dt : d.dt;
    int64_t n = 1;
    for (int k = 0; k < d.ndim; k++) n *= d.shape[k];
    nd_value *vals = malloc(sizeof(nd_value) * (size_t)(n ? n : 1));
    if (!vals) { nd_dtype_release(d.dt); return raise_exc(MemoryErrorT, "out of memory"); }
    int64_t pos = 0;
    fill_values(v, vals, &pos);
    nd_array *a = from_values(d.ndim, d.shape, use, vals);
    free(vals);
    nd_dtype_release(d.dt);
    return mk_array(a);
}

nd_array *to_nd(Val v, bool *owned) {
    *owned = true;
    switch (v.t) {
    case T_ARRAY: *owned = false; return ARR(v);
    case T_INT: return nd_scalar(ND_I64(v.i), NULL);
    case T_BIG:
        if (BIG(v) < 0 || BIG(v) > (i128)UINT64_MAX) {
            raise_exc(OverflowErrorT, "Python int too large to convert to C long");
            return NULL;
        }
        return nd_scalar(ND_U64((uint64_t)BIG(v)), nd_dtype_of(ND_UINT64));
    case T_BOOL: return nd_scalar(ND_BOOLV(v.i), NULL);
    case T_FLOAT: return nd_scalar(ND_F64(v.f), NULL);
    case T_COMPLEX: return nd_scalar(ND_C128(((OComplex *)v.o)->re, ((OComplex *)v.o)->im), NULL);
    case T_SCALAR: return nd_scalar(SCAL(v), nd_dtype_of(SCAL(v).type));
    case T_LIST: case T_TUPLE: case T_RANGE: {
        Val a = np_array_from(v, NULL, false);
        if (ISERR(a)) return NULL;
        nd_array *r = nd_retain(ARR(a));
        decref(a);
        return r;
    }
    case T_MISC:
        if (is_flatiter(v)) return flatiter_array(v);
        raise_exc(TypeErrorT, "nd cannot convert '%s' to an array", type_name(v));
        return NULL;
    default:
        raise_exc(TypeErrorT, "nd cannot convert '%s' to an array", type_name(v));
        return NULL;
    }
}
#define TO_ND(var, own, v) bool own; nd_array *var = to_nd((v), &own); if (!var) { if (exc_pending().t != T_EXC) raise_nd(); return VERR; }
#define DROP(var, own) if (own) nd_release(var)

/* ---------- indexing ---------- */
typedef struct Ix {
    nd_idx t[ND_MAXDIMS * 2];
    nd_array *own[ND_MAXDIMS * 2];
    int n, nown;
    bool all_int;
} Ix;

static void ix_free(Ix *x) { for (int i = 0; i < x->nown; i++) nd_release(x->own[i]); }

static int ix_term(Ix *x, Val v) {
    if (x->n >= ND_MAXDIMS * 2) { raise_exc(IndexErrorT, "too many indices for array"); return -1; }
    nd_idx *t = &x->t[x->n++];
    int64_t i;
    switch (v.t) {
    case T_INT: *t = ND_I(v.i); return 0;
    case T_BIG: raise_exc(OverflowErrorT, "Python int too large to convert to C long"); return -1;
    case T_NONE: *t = ND_NEWAXIS; x->all_int = false; return 0;
    case T_ELLIPSIS: *t = ND_ELLIPSIS; x->all_int = false; return 0;
    case T_SLICE: {
        OSlice *s = (OSlice *)v.o;
        int64_t a = ND_NONE, b = ND_NONE, c = ND_NONE;
        Val *bounds[3] = {&s->start, &s->stop, &s->step};
        int64_t *outs[3] = {&a, &b, &c};
        for (int k = 0; k < 3; k++) /* Python clamps slice bounds beyond 64 bits */
            if (bounds[k]->t == T_BIG) *outs[k] = BIG(*bounds[k]) < 0 ? INT64_MIN + 1 : INT64_MAX;
        if ((s->start.t != T_NONE && s->start.t != T_BIG && to_int64(s->start, &a, NULL) < 0) || (s->stop.t != T_NONE && s->stop.t != T_BIG && to_int64(s->stop, &b, NULL) < 0) ||
            (s->step.t != T_NONE && s->step.t != T_BIG && to_int64(s->step, &c, NULL) < 0)) {
            exc_clear();
            raise_exc(TypeErrorT, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        *t = ND_S(a, b, c);
        x->all_int = false;
        return 0;
    }
    case T_SCALAR:
        if (SCAL(v).type != ND_BOOL && to_int64(v, &i, NULL) == 0) { *t = ND_I(i); return 0; }
        exc_clear();
        if (SCAL(v).type != ND_BOOL) break;
        __attribute__((fallthrough)); /* a NumPy bool is a 0-d boolean index */
    case T_BOOL: case T_LIST: case T_TUPLE: case T_RANGE: case T_ARRAY: { /* sequences index as arrays */
        nd_array *a;
        if (v.t == T_ARRAY) a = nd_retain(ARR(v));
        else {
            bool own;
            a = to_nd(v, &own);
            if (!a) return -1;
        }
        if (v.t != T_ARRAY && v.t != T_BOOL && nd_size(a) == 0) { /* [] indexes as an empty integer array */
            nd_array *b = nd_astype(a, nd_dtype_of(ND_INT64), 'C', ND_CAST_UNSAFE, true);
            nd_release(a);
            a = b;
            if (!a) { raise_nd(); return -1; }
        }
        char k = nd_dtype_kind(nd_array_dtype(a));
        if (k != 'i' && k != 'u' && k != 'b') {
            nd_release(a);
            raise_exc(IndexErrorT, "arrays used as indices must be of integer (or boolean) type");
            return -1;
        }
        x->own[x->nown++] = a;
        *t = ND_ARR(a);
        x->all_int = false;
        return 0;
    }
    default: break;
    }
    raise_exc(IndexErrorT, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
                           "boolean arrays are valid indices");
    return -1;
}

static int ix_build(Ix *x, Val idx) {
    x->n = x->nown = 0;
    x->all_int = true;
    if (idx.t == T_TUPLE) {
        for (int64_t i = 0; i < LIST(idx)->n; i++)
            if (ix_term(x, LIST(idx)->v[i]) < 0) { ix_free(x); return -1; }
        return 0;
    }
    if (ix_term(x, idx) < 0) { ix_free(x); return -1; }
    return 0;
}

/* A numpy.void's field name at position idx (negative from the end). */
static Val void_field_key(nd_array *a, Val idx) {
    int64_t k, n = nd_dtype_nfields(nd_array_dtype(a));
    if (to_int64(idx, &k, "index") < 0) return VERR;
    if (k < 0) k += n;
    if (k < 0 || k >= n) return raise_exc(IndexErrorT, "invalid index (%lld)", (long long)k);
    const char *name;
    nd_dtype_field(nd_array_dtype(a), (int)k, &name, NULL);
    return mk_cstr(name);
}

Val array_getitem(Val self, Val idx) {
    nd_array *a = ARR(self);
    bool rec = is_void_dt(nd_array_dtype(a));
    if (rec) { /* records: a['x'], a[['x', 'y']]; a numpy.void also by field position */
        bool handled;
        Val r = rec_getitem(a, idx, &handled);
        if (handled) return r;
        if (((OArray *)self.o)->void_scalar && is_int(idx)) {
            Val key = void_field_key(a, idx);
            if (ISERR(key)) return key;
            r = rec_getitem(a, key, &handled);
            decref(key);
            return r;
        }
    }
    if (idx.t == T_INT && nd_ndim(a) == 1 && !rec) { /* the hot path: v[i] */
        nd_value v;
        if (nd_get(a, &idx.i, &v) < 0) return raise_nd();
        return mk_scalar(v);
    }
    if (idx.t == T_STR) return raise_exc(IndexErrorT, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
    Ix x;
    if (ix_build(&x, idx) < 0) return VERR;
    if (x.all_int && x.n == nd_ndim(a) && !rec) {
        int64_t ii[ND_MAXDIMS];
        for (int i = 0; i < x.n; i++) ii[i] = x.t[i].start;
        nd_value v;
        if (nd_get(a, ii, &v) < 0) return raise_nd();
        return mk_scalar(v);
    }
    nd_array *r = nd_getitem(a, x.n, x.t);
    ix_free(&x);
    if (!r) return raise_nd();
    if (rec && x.all_int && nd_ndim(r) == 0) return mk_void(r); /* an element: numpy.void, a view */
    if (x.all_int && nd_ndim(r) == 0 && idx.t == T_TUPLE && LIST(idx)->n == 0) return array_wrap0(r);
    return mk_array(r);
}

int array_setitem(Val self, Val idx, Val v) {
    nd_array *a = ARR(self);
    if (!(nd_flags(a) & ND_WRITEABLE)) { /* NumPy checks this before it looks at the index or the value */
        raise_exc(ValueErrorT, "assignment destination is read-only");
        return -1;
    }
    if (is_void_dt(nd_array_dtype(a))) {
        bool handled;
        int rc = rec_setitem(a, idx, v, &handled); /* a['x'] = v */
        if (handled) return rc;
        if (((OArray *)self.o)->void_scalar && is_int(idx)) { /* scalar[1] = v writes the array's field */
            Val key = void_field_key(a, idx);
            if (ISERR(key)) return -1;
            rc = rec_setitem(a, key, v, &handled);
            decref(key);
            return rc;
        }
        if (v.t == T_TUPLE || v.t == T_LIST) { /* records written as tuples */
            Val val = rec_array_from(v, nd_array_dtype(a));
            if (ISERR(val)) return -1;
            rc = array_setitem(self, idx, val);
            decref(val);
            return rc;
        }
    }
    bool rec = is_void_dt(nd_array_dtype(a)); /* a number into a record fills every field: not the hot path */
    if (v.t == T_COMPLEX) { /* NumPy converts a Python complex with int()/float(), which refuse it */
        char k = nd_dtype_kind(nd_array_dtype(a));
        if (k == 'i' || k == 'u') {
            raise_exc(TypeErrorT, "int() argument must be a string, a bytes-like object or a real number, not 'complex'");
            return -1;
        }
        if (k == 'f') {
            raise_exc(TypeErrorT, "float() argument must be a string or a real number, not 'complex'");
            return -1;
        }
    }
    if (v.t == T_BIG && strchr("iub", nd_dtype_kind(nd_array_dtype(a))) && nd_dtype_type(nd_array_dtype(a)) != ND_UINT64) {
        raise_exc(OverflowErrorT, "Python int too large to convert to C long"); /* NumPy's int conversion */
        return -1;
    }
    if (idx.t == T_INT && nd_ndim(a) == 1 && !rec && (v.t == T_INT || v.t == T_FLOAT || v.t == T_BOOL || v.t == T_SCALAR)) {
        nd_value x = v.t == T_INT ? ND_I64(v.i) : v.t == T_FLOAT ? ND_F64(v.f) : v.t == T_BOOL ? ND_BOOLV(v.i) : SCAL(v);
        if (v.t == T_FLOAT && isnan(v.f) && strchr("iub", nd_dtype_kind(nd_array_dtype(a)))) {
            raise_exc(ValueErrorT, "cannot convert float NaN to integer");
            return -1;
        }
        if (nd_set(a, &idx.i, x) < 0) { raise_nd(); return -1; }
        return 0;
    }
    Ix x;
    if (ix_build(&x, idx) < 0) return -1;
    bool own;
    nd_array *val = to_nd(v, &own);
    if (!val) {
        ix_free(&x);
        if (exc_pending().t != T_EXC) raise_nd();
        return -1;
    }
    int r = nd_setitem(a, x.n, x.t, val);
    ix_free(&x);
    if (own) nd_release(val);
    if (r < 0) { raise_nd(); return -1; }
    return 0;
}

/* ---------- operators ---------- */
static const int op_ufunc[] = {
    [OP_ADD] = ND_ADD, [OP_SUB] = ND_SUBTRACT, [OP_MUL] = ND_MULTIPLY, [OP_DIV] = ND_TRUE_DIVIDE,
    [OP_FLOORDIV] = ND_FLOOR_DIVIDE, [OP_MOD] = ND_REMAINDER, [OP_POW] = ND_POWER, [OP_MATMUL] = -1,
    [OP_AND] = ND_BITWISE_AND, [OP_OR] = ND_BITWISE_OR, [OP_XOR] = ND_BITWISE_XOR, [OP_LSHIFT] = ND_LEFT_SHIFT,
    [OP_RSHIFT] = ND_RIGHT_SHIFT, [OP_EQ] = ND_EQUAL, [OP_NE] = ND_NOT_EQUAL, [OP_LT] = ND_LESS,
    [OP_LE] = ND_LESS_EQUAL, [OP_GT] = ND_GREATER, [OP_GE] = ND_GREATER_EQUAL,
};

/* Map libnd's UFuncTypeError to the NumPy subclass its message implies. */
Val raise_ufunc_err(void) {
    if (strcmp(nd_errclass(), "UFuncTypeError") != 0) return raise_nd();
    const char *m = nd_errmsg();
    OType *t = strstr(m, " output from ") ? exc_class_by_name("_UFuncOutputCastingError")
               : strstr(m, " input from ") ? exc_class_by_name("_UFuncInputCastingError")
                                           : exc_class_by_name("_UFuncNoLoopError");
    return raise_exc(t ? t : TypeErrorT, "%s", m);
}


Val array_binop(int op, Val av, Val bv, nd_array *out) {
    if (op == OP_MATMUL) return np_matmul(av, bv);
    if (op > OP_GE) return raise_exc(TypeErrorT, "unsupported operand for arrays");
    bool rec;
    Val rv = rec_binop(op, av, bv, &rec);
    if (rec) return rv;
    if ((av.t == T_STR || bv.t == T_STR || av.t == T_BYTES || bv.t == T_BYTES) && (op == OP_EQ || op == OP_NE))
        return VBOOL(op == OP_NE); /* NumPy 1.24: no elementwise loop, a scalar answer (FutureWarning) */
    if ((av.t == T_NONE || bv.t == T_NONE) && (op == OP_EQ || op == OP_NE)) {
        Val arr = av.t == T_ARRAY ? av : bv;
        if (arr.t != T_ARRAY) return VBOOL(op == OP_NE);
        nd_array *r = op == OP_EQ ? nd_zeros(nd_ndim(ARR(arr)), nd_shape(ARR(arr)), nd_dtype_of(ND_BOOL), 'C')
                                  : nd_ones(nd_ndim(ARR(arr)), nd_shape(ARR(arr)), nd_dtype_of(ND_BOOL), 'C');
        return mk_array(r);
    }
    if (op == OP_POW && av.t == T_ARRAY) {
        bool done;
        Val r = pow_fast(av, bv, out, &done);
        if (done) return r;
    }
    bool oa, ob;
    if (av.t == T_BIG || bv.t == T_BIG) { /* keep to_nd's OverflowError */
        nd_array *x = to_nd(av.t == T_BIG ? av : bv, &oa);
        if (!x) return VERR;
        nd_release(x);
    }
    nd_array *a = to_nd(av, &oa);
    if (!a) {
        if (exc_pending().t == T_EXC) exc_clear();
        return raise_exc(TypeErrorT, "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol[op], type_of(av)->qual, type_of(bv)->qual);
    }
    nd_array *b = to_nd(bv, &ob);
    if (!b) {
        DROP(a, oa);
        if (exc_pending().t == T_EXC) exc_clear();
        return raise_exc(TypeErrorT, "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol[op], type_of(av)->qual, type_of(bv)->qual);
    }
    nd_array *r = nd_apply((nd_ufunc)op_ufunc[op], a, b, out);
    DROP(a, oa);
    DROP(b, ob);
    if (!r && !out && (op == OP_EQ || op == OP_NE) && nd_errcode() == ND_EVALUE &&
        strstr(nd_errmsg(), "could not be broadcast")) {
        /* NumPy 1.24 gives up on elementwise ==/!= (a DeprecationWarning) and
           Python falls back to identity: the operands are different objects */
        nd_clear_error();
        return VBOOL(op == OP_NE);
    }
    if (!r) return raise_ufunc_err();
    if (out) return mk_array(r);
    return array_wrap0(r);
}

Val array_unop(int op, Val av) {
    int uf = op == OP_NEG ? ND_NEGATIVE : op == OP_POS ? ND_POSITIVE : op == OP_INVERT ? ND_INVERT : -1;
    if (uf < 0) return raise_exc(TypeErrorT, "bad operand type for unary %s", op_symbol[op]);
    TO_ND(a, oa, av);
    nd_array *r = nd_apply((nd_ufunc)uf, a, NULL, NULL);
    DROP(a, oa);
    if (!r) return raise_ufunc_err();
    return array_wrap0(r);
}

/* ---------- tolist ---------- */
static Val tolist_rec(const nd_value *v, int ndim, const int64_t *shape, int64_t *pos) {
    if (ndim == 0) return value_to_py(v[(*pos)++]);
    Val l = mk_list(shape[0]);
    for (int64_t i = 0; i < shape[0]; i++) {
        Val x = tolist_rec(v, ndim - 1, shape + 1, pos);
        if (ISERR(x)) { decref(l); return x; }
        LIST(l)->v[i] = x;
    }
    return l;
}
Val array_tolist(nd_array *a) {
    if (is_void_dt(nd_array_dtype(a))) return rec_tolist(a);
    int64_t n = nd_size(a);
    nd_value *v = malloc(sizeof(nd_value) * (size_t)(n ? n : 1));
    if (!v) return raise_exc(MemoryErrorT, "out of memory");
    nd_export(a, v);
    int64_t pos = 0;
    Val r = tolist_rec(v, nd_ndim(a), nd_shape(a), &pos);
    free(v);
    return r;
}

/* ---------- attributes ---------- */
static Val int_tuple(int n, const int64_t *v) {
    Val t = mk_tuple(n);
    for (int i = 0; i < n; i++) LIST(t)->v[i] = VINT(v[i]);
    return t;
}

static Val complex_part(nd_array *a, int part) {
    const nd_dtype *dt = nd_array_dtype(a);
    char k = nd_dtype_kind(dt);
    if (k != 'c') {
        int f = nd_flags(a); /* NumPy: Fortran order when a is Fortran (only) */
        nd_array *z = nd_zeros(nd_ndim(a), nd_shape(a), dt, (f & ND_F_CONTIGUOUS) && !(f & ND_C_CONTIGUOUS) ? 'F' : 'C');
        if (z) nd_set_writeable(z, false);
        return mk_array(z);
    }
    nd_type ft = nd_dtype_type(dt) == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    const nd_dtype *fdt = nd_dtype_newbyteorder(nd_dtype_of(ft), nd_dtype_byteorder(dt) == '>' ? '>' : '=');
    /* the same memory seen as floats, as a view whose base is a (NumPy's
       z.real.base is z): a[..., newaxis] viewed as floats has a last axis
       of 2 (re, im); pick one */
    nd_idx ix[2] = {ND_ELLIPSIS, ND_NEWAXIS};
    nd_array *t = nd_getitem(a, 2, ix);
    nd_array *fv = t ? nd_view_dtype(t, fdt) : NULL;
    nd_idx pick[2] = {ND_ELLIPSIS, ND_I(part)};
    nd_array *r = fv ? nd_getitem(fv, 2, pick) : NULL;
    nd_dtype_release(fdt);
    if (t) nd_release(t);
    if (fv) nd_release(fv);
    return mk_array(r);
}

static const char *array_methods[] = {
    "copy", "view", "astype", "reshape", "ravel", "flatten", "transpose", "swapaxes", "squeeze", "byteswap",
    "newbyteorder", "fill", "item", "tolist", "tobytes", "tofile", "sum", "prod", "min", "max", "mean", "var", "std",
    "any", "all", "argmin", "argmax", "cumsum", "cumprod", "setflags", "clip", "sort", "argsort", "nonzero", "round",
    "conj", "conjugate", "dot", "take", "compress", "repeat", "flush", "all", "__len__", "__array__", "__repr__", "__str__",
    "diagonal", "ptp", "searchsorted", "trace", "partition", "argpartition", "itemset", "tostring", "put", "choose", "resize", NULL};

Val array_getattr(Val self, const char *name, bool *found) {
    nd_array *a = ARR(self);
    *found = true;
    if (!strcmp(name, "shape")) return int_tuple(nd_ndim(a), nd_shape(a));
    if (!strcmp(name, "strides")) return int_tuple(nd_ndim(a), nd_strides(a));
    if (!strcmp(name, "ndim")) return VINT(nd_ndim(a));
    if (!strcmp(name, "size")) return VINT(nd_size(a));
    if (!strcmp(name, "itemsize")) return VINT(nd_itemsize(a));
    if (!strcmp(name, "nbytes")) return VINT(nd_nbytes(a));
    if (!strcmp(name, "dtype")) return mk_dtype(nd_array_dtype(a));
    if (!strcmp(name, "T")) return mk_array(nd_transpose(a, NULL));
    if (!strcmp(name, "base")) {
        nd_array *b = nd_base(a);
        if (b) return mk_array(nd_retain(b));
        if (nd_has_external_base(a)) return mk_misc(nd_is_memmap(a) ? "mmap.mmap" : "memoryview", VNONE, VNONE);
        return VNONE;
    }
    if (!strcmp(name, "flags")) {
        OFlags *f = obj_new(T_FLAGS, sizeof *f);
        f->a = nd_retain(a);
        return VOBJ(f);
    }
    if (!strcmp(name, "ctypes")) return mk_misc("ctypes", VINT((int64_t)(intptr_t)nd_data(a)), VNONE);
    if (!strcmp(name, "flat")) return flatiter_new(self);
    if (!strcmp(name, "real")) /* NumPy: x.real of a real array is x itself */
        return nd_dtype_kind(nd_array_dtype(a)) == 'c' ? complex_part(a, 0) : incref(self);
    if (!strcmp(name, "imag")) return complex_part(a, 1);
    for (int i = 0; array_methods[i]; i++)
        if (!strcmp(array_methods[i], name)) return bound_method(self, name);
    *found = false;
    return VERR;
}

int array_setattr(Val self, const char *name, Val v) {
    OArray *o = (OArray *)self.o;
    if (!strcmp(name, "shape")) { /* in place: every name for the array sees it */
        int64_t shape[ND_MAXDIMS];
        int nd = 0;
        if (v.t != T_NONE && parse_shape(v, &nd, shape) < 0) return -1; /* None: () (deprecated) */
        if (nd_set_shape(o->a, nd, shape) < 0) {
            raise_nd();
            return -1;
        }
        return 0;
    }
    if (!strcmp(name, "flat")) return array_set_flat(o->a, v);
    bool found;
    Val g = array_getattr(self, name, &found);
    if (found) {
        decref(g);
        raise_exc(AttributeErrorT, "attribute '%s' of 'numpy.ndarray' objects is not writable", name);
        return -1;
    }
    raise_exc(AttributeErrorT, "'numpy.ndarray' object has no attribute '%s'", name);
    return -1;
}
