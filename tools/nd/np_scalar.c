/* np_scalar.c — NumPy scalars (np.int16(5), a[0]), dtype objects, the
 * flags object, and calling NumPy's type objects. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

int get_dtype(Val v, const nd_dtype **out) {
    *out = NULL;
    switch (v.t) {
    case T_NONE: case T_ERR: return 0;
    case T_STR: {
        const nd_dtype *d = nd_dtype_parse(STR(v)->s);
        if (!d) { raise_nd(); return -1; }
        *out = d;
        return 0;
    }
    case T_DTYPE: *out = nd_dtype_retain(((ODtype *)v.o)->dt); return 0;
    case T_TYPE: {
        OType *t = TYPE(v);
        if (t->kind == TK_NPSCALAR) { *out = nd_dtype_of((nd_type)t->nt); return 0; }
        if (t == IntT) { *out = nd_dtype_of(ND_INT64); return 0; }
        if (t == FloatT) { *out = nd_dtype_of(ND_FLOAT64); return 0; }
        if (t == BoolT) { *out = nd_dtype_of(ND_BOOL); return 0; }
        if (t == ComplexT) { *out = nd_dtype_of(ND_COMPLEX128); return 0; }
        if (t == StrT || t == BytesT)
            return raise_exc(NotImplementedErrorT, "nd does not support string dtypes"), -1;
        break;
    }
    case T_LIST: case T_DICT: case T_TUPLE: return rec_dtype(v, false, out); /* records, (base, shape) */
    default: break;
    }
    Val r = val_repr(v);
    if (ISERR(r)) return -1;
    raise_exc(TypeErrorT, "Cannot interpret '%s' as a data type", STR(r)->s);
    decref(r);
    return -1;
}

int dtype_eq(Val a, Val b) {
    if (a.t != T_DTYPE) { Val t = a; a = b; b = t; }
    const nd_dtype *x = ((ODtype *)a.o)->dt, *y;
    if (b.t == T_NONE) return 0;
    if (b.t == T_STR) {
        y = nd_dtype_parse(STR(b)->s);
        if (!y) { nd_clear_error(); return 0; }
    } else if (get_dtype(b, &y) < 0) {
        exc_clear();
        return 0;
    }
    int r = y && nd_dtype_equal(x, y);
    nd_dtype_release(y);
    return r;
}

/* ---------- dtype objects ---------- */
Val dtype_getattr(Val self, const char *name, bool *found) {
    const nd_dtype *d = ((ODtype *)self.o)->dt;
    *found = true;
    if (!strcmp(name, "itemsize")) return VINT(nd_dtype_itemsize(d));
    if (!strcmp(name, "alignment")) return VINT(nd_dtype_alignment(d));
    if (!strcmp(name, "name")) return mk_cstr(nd_dtype_name(d));
    if (!strcmp(name, "str")) return str_take(nd_dtype_str(d));
    if (is_void_dt(d) || !strcmp(name, "isalignedstruct")) {
        Val r = rec_dtype_getattr(d, name, found);
        if (*found) return r;
        *found = true;
    }
    if (!strcmp(name, "descr")) {
        Val s = str_take(nd_dtype_str(d));
        Val t = mk_tuple2(mk_str("", 0), s);
        Val l = mk_list(1);
        LIST(l)->v[0] = t;
        return l;
    }
    if (!strcmp(name, "byteorder")) { char c = nd_dtype_byteorder(d); return mk_str(&c, 1); }
    if (!strcmp(name, "kind")) { char c = nd_dtype_kind(d); return mk_str(&c, 1); }
    if (!strcmp(name, "char")) { char c = nd_dtype_char(d); return mk_str(&c, 1); }
    if (!strcmp(name, "type")) return VOBJ(is_void_dt(d) ? NpVoidT : np_scalar_type(nd_dtype_type(d)));
    if (!strcmp(name, "isnative")) return VBOOL(nd_dtype_isnative(d));
    if (!strcmp(name, "num")) {
        static const int nums[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 23, 11, 12, 14, 15, 20};
        return VINT(nums[nd_dtype_type(d)]);
    }
    if (!strcmp(name, "shape")) return mk_tuple(0);
    if (!strcmp(name, "ndim")) return VINT(0);
    if (!strcmp(name, "names") || !strcmp(name, "fields") || !strcmp(name, "subdtype")) return VNONE;
    if (!strcmp(name, "base")) return incref(self);
    if (!strcmp(name, "hasobject")) return VBOOL(0);
    if (!strcmp(name, "isbuiltin")) return VINT(!is_void_dt(d) && nd_dtype_isnative(d) ? 1 : 0);
    if (!strcmp(name, "newbyteorder")) return bound_method(self, name);
    *found = false;
    return VERR;
}

Val dtype_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    *found = true;
    if (!strcmp(name, "newbyteorder")) {
        Val a[1];
        if (argparse(name, argc, argv, kw, "|new_order", a) < 0) return VERR;
        char o = HAS(a[0]) && a[0].t == T_STR && STR(a[0])->len ? STR(a[0])->s[0] : 'S';
        const nd_dtype *d = nd_dtype_newbyteorder(((ODtype *)self.o)->dt, o);
        if (!d) return raise_nd();
        Val r = mk_dtype(d);
        nd_dtype_release(d);
        return r;
    }
    *found = false;
    return VERR;
}

/* ---------- scalars ---------- */
Val scalar_getattr(Val self, const char *name, bool *found) {
    nd_value v = SCAL(self);
    const nd_dtype *d = nd_dtype_of(v.type);
    *found = true;
    if (!strcmp(name, "dtype")) return mk_dtype(d);
    if (!strcmp(name, "itemsize") || !strcmp(name, "nbytes")) return VINT(nd_dtype_itemsize(d));
    if (!strcmp(name, "shape") || !strcmp(name, "strides")) return mk_tuple(0);
    if (!strcmp(name, "ndim")) return VINT(0);
    if (!strcmp(name, "size")) return VINT(1);
    if (!strcmp(name, "base")) return VNONE;
    if (!strcmp(name, "T")) return incref(self);
    if (!strcmp(name, "flat")) { /* over a 0-d copy: writes through it are lost, as NumPy's are */
        Val z = mk_array(nd_scalar(v, d));
        if (ISERR(z)) return z;
        Val f = flatiter_new(z);
        decref(z);
        return f;
    }
    if (!strcmp(name, "flags")) { /* a scalar's flags: a read-only 0-d array's, and none can be set */
        nd_array *z = nd_scalar(v, d);
        if (!z) return raise_nd();
        nd_set_writeable(z, false);
        OFlags *f = obj_new(T_FLAGS, sizeof *f);
        f->a = z;
        f->scalar = true;
        return VOBJ(f);
    }
    if (!strcmp(name, "real") || !strcmp(name, "imag")) {
        if (nd_dtype_kind(d) != 'c') return name[0] == 'r' ? incref(self) : mk_scalar(nd_value_cast(ND_I64(0), v.type));
        nd_type ft = v.type == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
        return mk_scalar(nd_value_cast(ND_F64(v.c[name[0] == 'r' ? 0 : 1]), ft));
    }
    static const char *m[] = {"item", "tolist", "astype", "round", "conjugate", "conj", "is_integer", "view",
                              "copy", "tobytes", "sum", "min", "max", "mean", "any", "all", "reshape", "byteswap", "fill", NULL};
    for (int i = 0; m[i]; i++) if (!strcmp(m[i], name)) return bound_method(self, name);
    *found = false;
    return VERR;
}

Val scalar_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    nd_value v = SCAL(self);
    *found = true;
    if (!strcmp(name, "item") || !strcmp(name, "tolist")) return value_to_py(v);
    if (!strcmp(name, "is_integer")) {
        double d = nd_value_cast(v, ND_FLOAT64).f;
        return VBOOL(isfinite(d) && d == floor(d));
    }
    if (!strcmp(name, "astype")) {
        Val a[2];
        if (argparse(name, argc, argv, kw, "dtype|copy", a) < 0) return VERR;
        const nd_dtype *d;
        if (get_dtype(a[0], &d) < 0) return VERR;
        nd_type t = d ? nd_dtype_type(d) : ND_FLOAT64;
        nd_dtype_release(d);
        return mk_scalar(nd_value_cast(v, t));
    }
    /* everything else: as a 0-d array */
    nd_array *z = nd_scalar(v, nd_dtype_of(v.type));
    if (!z) return raise_nd();
    Val arr = mk_array(z);
    Val r = call_method(arr, name, argc, argv, kw);
    decref(arr);
    if (!ISERR(r) && r.t == T_ARRAY && nd_ndim(ARR(r)) == 0) {
        nd_array *x = nd_retain(ARR(r));
        decref(r);
        return array_wrap0(x);
    }
    return r;
}

/* NumPy's gen_arrtype_subscript: index the scalar as a 0-d array; any
   failure is one IndexError. */
Val scalar_getitem(Val self, Val idx) {
    nd_array *z = nd_scalar(SCAL(self), nd_dtype_of(SCAL(self).type));
    if (!z) return raise_nd();
    Val arr = mk_array(z);
    Val r = array_getitem(arr, idx);
    decref(arr);
    if (ISERR(r)) {
        exc_clear();
        return raise_exc(IndexErrorT, "invalid index to scalar variable.");
    }
    return r;
}

/* ---------- flags ---------- */
static const char *flag_key(const char *k) {
    static const char *map[][2] = {{"C_CONTIGUOUS", "c"}, {"C", "c"}, {"CONTIGUOUS", "c"}, {"F_CONTIGUOUS", "f"},
                                   {"F", "f"}, {"FORTRAN", "f"}, {"OWNDATA", "o"}, {"O", "o"}, {"WRITEABLE", "w"},
                                   {"W", "w"}, {"ALIGNED", "a"}, {"A", "a"}, {"WRITEBACKIFCOPY", "x"}, {"X", "x"},
                                   {"c_contiguous", "c"}, {"contiguous", "c"}, {"f_contiguous", "f"},
                                   {"fortran", "f"}, {"owndata", "o"}, {"writeable", "w"}, {"aligned", "a"},
                                   {"writebackifcopy", "x"}, {"fnc", "n"}, {"FNC", "n"}, {"forc", "r"}, {"FORC", "r"},
                                   {"behaved", "b"}, {"BEHAVED", "b"}, {"carray", "y"}, {"CARRAY", "y"},
                                   {"farray", "z"}, {"FARRAY", "z"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) if (!strcmp(map[i][0], k)) return map[i][1];
    return NULL;
}

static Val flag_value(nd_array *a, char k) {
    int f = nd_flags(a);
    bool c = f & ND_C_CONTIGUOUS, F = f & ND_F_CONTIGUOUS, w = f & ND_WRITEABLE, al = f & ND_ALIGNED;
    switch (k) {
    case 'c': return VBOOL(c);
    case 'f': return VBOOL(F);
    case 'o': return VBOOL(f & ND_OWNDATA);
    case 'w': return VBOOL(w);
    case 'a': return VBOOL(al);
    case 'x': return VBOOL(0);
    case 'n': return VBOOL(F && !c);
    case 'r': return VBOOL(F || c);
    case 'b': return VBOOL(al && w);
    case 'y': return VBOOL(al && w && c);
    case 'z': return VBOOL(al && w && F && !c);
    }
    return VERR;
}

Val flags_getattr(Val self, const char *name, bool *found) {
    const char *k = flag_key(name);
    *found = k != NULL && name[0] >= 'a';
    if (!*found) return VERR;
    return flag_value(((OFlags *)self.o)->a, k[0]);
}

Val flags_getitem(Val self, Val key) {
    if (key.t != T_STR) return raise_exc(KeyErrorT, "Unknown flag");
    const char *k = flag_key(STR(key)->s);
    if (!k) return raise_exc(KeyErrorT, "Unknown flag");
    return flag_value(((OFlags *)self.o)->a, k[0]);
}

static int set_flag(nd_array *a, char k, Val v) {
    int t = val_truth(v);
    if (t < 0) return -1;
    if (k == 'w') {
        if (nd_set_writeable(a, t) < 0) { raise_nd(); return -1; }
        return 0;
    }
    if (k == 'a') {
        if (t && !(nd_flags(a) & ND_ALIGNED)) { raise_exc(ValueErrorT, "cannot set aligned flag of mis-aligned array to True"); return -1; }
        return 0;
    }
    if (k == 'x') {
        if (t) { raise_exc(ValueErrorT, "cannot set WRITEBACKIFCOPY flag to True"); return -1; }
        return 0;
    }
    raise_exc(AttributeErrorT, "attribute is not writable");
    return -1;
}

static int scalar_flags_error(Val self) {
    if (!((OFlags *)self.o)->scalar) return 0;
    raise_exc(ValueErrorT, "Cannot set flags on array scalars.");
    return -1;
}

int flags_setattr(Val self, const char *name, Val v) {
    const char *k = flag_key(name);
    if (k && name[0] >= 'a' && strchr("wax", k[0]) && scalar_flags_error(self) < 0) return -1;
    if (!k || name[0] < 'a') {
        raise_exc(AttributeErrorT, "'numpy.core.multiarray.flagsobj' object has no attribute '%s'", name);
        return -1;
    }
    if (!strchr("wax", k[0])) {
        raise_exc(AttributeErrorT, "attribute '%s' of 'numpy.core.multiarray.flagsobj' objects is not writable", name);
        return -1;
    }
    return set_flag(((OFlags *)self.o)->a, k[0], v);
}

int flags_setitem(Val self, Val key, Val v) {
    const char *k = key.t == T_STR ? flag_key(STR(key)->s) : NULL;
    if (!k || !strchr("wax", k[0])) { raise_exc(KeyErrorT, "Unknown flag"); return -1; }
    if (scalar_flags_error(self) < 0) return -1;
    return set_flag(((OFlags *)self.o)->a, k[0], v);
}

Val flags_str(Val self) {
    nd_array *a = ((OFlags *)self.o)->a;
    int f = nd_flags(a);
#define TF(x) ((x) ? "True" : "False")
    return mk_strf("  C_CONTIGUOUS : %s\n  F_CONTIGUOUS : %s\n  OWNDATA : %s\n  WRITEABLE : %s\n  ALIGNED : %s\n"
                   "  WRITEBACKIFCOPY : False\n",
                   TF(f & ND_C_CONTIGUOUS), TF(f & ND_F_CONTIGUOUS), TF(f & ND_OWNDATA), TF(f & ND_WRITEABLE),
                   TF(f & ND_ALIGNED));
#undef TF
}

/* ---------- calling NumPy type objects ---------- */

Val nptype_call(OType *t, int argc, Val *argv, Kw *kw) {
    if (t == DtypeT) {
        Val a[3];
        if (argparse("dtype", argc, argv, kw, "dtype|align,copy", a) < 0) return VERR;
        const nd_dtype *d;
        int align = HAS(a[1]) ? val_truth(a[1]) : 0;
        if (align < 0 || rec_dtype(a[0], align, &d) < 0) return VERR;
        if (!d) d = nd_dtype_of(ND_FLOAT64);
        Val r = mk_dtype(d);
        nd_dtype_release(d);
        return r;
    }
    if (t == NdarrayT) return np_call("ndarray", argc, argv, kw);
    if (t == MemmapT) return np_call("memmap", argc, argv, kw);
    if (t->kind != TK_NPSCALAR) return raise_exc(TypeErrorT, "cannot create '%s' instances", t->qual);
    nd_type nt = (nd_type)t->nt;
    if (argc == 0) return mk_scalar(nd_value_cast(ND_I64(0), nt));
    if (argc > 1 || (kw && kw->n)) return raise_exc(TypeErrorT, "%s() takes at most 1 argument", t->name);
    Val x = argv[0];
    switch (x.t) {
    case T_INT: {
        /* Python ints out of the type's range are an error in NumPy 1.24 only for
         * some paths; wrap like astype for the rest */
        nd_value v = nd_value_cast(ND_I64(x.i), nt);
        if (nd_dtype_kind(nd_dtype_of(nt)) == 'u' && x.i < 0)
            return raise_exc(OverflowErrorT, "Python integer %lld out of bounds for %s", (long long)x.i, t->name);
        return mk_scalar(v);
    }
    case T_BIG: { /* beyond int64: uint64 or floats take it, the other integers cannot */
        char k = nd_dtype_kind(nd_dtype_of(nt));
        if (k == 'f' || k == 'c') return mk_scalar(nd_value_cast(ND_F64((double)BIG(x)), nt));
        if (nt == ND_UINT64 && BIG(x) >= 0 && BIG(x) <= (i128)UINT64_MAX) return mk_scalar(ND_U64((uint64_t)BIG(x)));
        return raise_exc(OverflowErrorT, "Python int too large to convert to C long");
    }
    case T_BOOL: return mk_scalar(nd_value_cast(ND_BOOLV(x.i), nt));
    case T_FLOAT:
        if (isnan(x.f) && strchr("iu", nd_dtype_kind(nd_dtype_of(nt))))
            return raise_exc(ValueErrorT, "cannot convert float NaN to integer");
        return mk_scalar(nd_value_cast(ND_F64(x.f), nt));
    case T_COMPLEX: return mk_scalar(nd_value_cast(ND_C128(((OComplex *)x.o)->re, ((OComplex *)x.o)->im), nt));
    case T_SCALAR: return mk_scalar(nd_value_cast(SCAL(x), nt));
    case T_STR: {
        Val f = type_call(strchr("iub", nd_dtype_kind(nd_dtype_of(nt))) ? IntT : FloatT, 1, &x, NULL);
        if (ISERR(f)) return f;
        Val r = nptype_call(t, 1, &f, NULL);
        return r;
    }
    case T_LIST: case T_TUPLE: case T_ARRAY: {
        Val a = np_array_from(x, nd_dtype_of(nt), x.t != T_ARRAY);
        if (ISERR(a)) return a;
        nd_array *r = nd_retain(ARR(a));
        decref(a);
        return array_wrap0(r);
    }
    default: return raise_exc(TypeErrorT, "cannot convert '%s' to %s", type_name(x), t->qual);
    }
}
