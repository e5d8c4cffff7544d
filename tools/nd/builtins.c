/* builtins.c — Python's built-in functions and the constructors of the
 * built-in types (int(), str(), list(), ...). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

/* Bind arguments to a spec "a,b|c,d" ('|' starts the optional ones).
 * Absent optional arguments are left T_ERR (test with HAS). */
int argparse(const char *fname, int argc, Val *argv, Kw *kw, const char *spec, Val *out) {
    const char *names[16];
    char buf[256];
    int n = 0, nreq = -1;
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *p = buf; *p && n < 16;) {
        if (*p == '|') { nreq = n; p++; continue; }
        char *e = p;
        while (*e && *e != ',' && *e != '|') e++;
        char c = *e;
        *e = 0;
        names[n++] = p;
        if (c == '|') { nreq = n; p = e + 1; }
        else p = c ? e + 1 : e;
    }
    if (nreq < 0) nreq = n;
    for (int i = 0; i < n; i++) out[i] = VERR;
    if (argc > n)
        return raise_exc(TypeErrorT, "%s() takes at most %d argument%s (%d given)", fname, n, n == 1 ? "" : "s", argc), -1;
    for (int i = 0; i < argc; i++) out[i] = argv[i];
    for (int k = 0; kw && k < kw->n; k++) {
        int i = 0;
        for (; i < n; i++) if (!strcmp(names[i], kw->names[k])) break;
        if (i == n) return raise_exc(TypeErrorT, "%s() got an unexpected keyword argument '%s'", fname, kw->names[k]), -1;
        if (HAS(out[i])) return raise_exc(TypeErrorT, "%s() got multiple values for argument '%s'", fname, names[i]), -1;
        out[i] = kw->vals[k];
    }
    for (int i = 0; i < nreq; i++)
        if (!HAS(out[i]))
            return raise_exc(TypeErrorT, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1), -1;
    return 0;
}

int to_int64(Val v, int64_t *out, const char *what) {
    if (v.t == T_INT || v.t == T_BOOL) { *out = v.i; return 0; }
    if (v.t == T_BIG) {
        raise_exc(OverflowErrorT, "Python int too large to convert to C long");
        return -1;
    }
    if (v.t == T_SCALAR) {
        nd_value x = SCAL(v);
        char k = nd_dtype_kind(nd_dtype_of(x.type));
        if (k == 'i' || k == 'u' || k == 'b') { *out = nd_value_cast(x, ND_INT64).i; return 0; }
    }
    raise_exc(TypeErrorT, "'%s' object cannot be interpreted as an integer%s%s", type_name(v), what ? "" : "", what ? "" : "");
    return -1;
}

int to_double(Val v, double *out) {
    switch (v.t) {
    case T_INT: case T_BOOL: *out = (double)v.i; return 0;
    case T_BIG: *out = (double)BIG(v); return 0;
    case T_FLOAT: *out = v.f; return 0;
    case T_SCALAR: *out = nd_value_cast(SCAL(v), ND_FLOAT64).f; return 0;
    case T_ARRAY:
        if (nd_size(ARR(v)) == 1) {
            nd_value x;
            nd_item(ARR(v), INT64_MIN, &x);
            *out = nd_value_cast(x, ND_FLOAT64).f;
            return 0;
        }
        raise_exc(TypeErrorT, "only size-1 arrays can be converted to Python scalars");
        return -1;
    default:
        raise_exc(TypeErrorT, "must be real number, not %s", type_name(v));
        return -1;
    }
}

/* ---------- print and friends ---------- */
static Val b_print(Val self, int argc, Val *argv, Kw *kw) {
    (void)self;
    const char *sep = " ", *end = "\n";
    int64_t seplen = 1, endlen = 1;
    for (int k = 0; kw && k < kw->n; k++) {
        Val v = kw->vals[k];
        if (!strcmp(kw->names[k], "sep") || !strcmp(kw->names[k], "end")) {
            if (v.t != T_STR && v.t != T_NONE)
                return raise_exc(TypeErrorT, "%s must be None or a string, not %s", kw->names[k], type_name(v));
            if (v.t == T_NONE) continue;
            if (kw->names[k][0] == 's') sep = STR(v)->s, seplen = STR(v)->len;
            else end = STR(v)->s, endlen = STR(v)->len;
        } else if (!strcmp(kw->names[k], "flush")) {
        } else if (!strcmp(kw->names[k], "file")) {
            if (v.t != T_NONE) return raise_exc(TypeErrorT, "print(file=...) is not supported by nd");
        } else {
            return raise_exc(TypeErrorT, "'%s' is an invalid keyword argument for print()", kw->names[k]);
        }
    }
    SB b = {0};
    for (int i = 0; i < argc; i++) {
        if (i) sb_putn(&b, sep, (size_t)seplen);
        if (repr_into(&b, argv[i], false) < 0) { free(b.s); return VERR; }
    }
    sb_putn(&b, end, (size_t)endlen);
    fwrite(b.s, 1, b.n, stdout);
    free(b.s);
    return VNONE;
}

static Val b_len(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "len() takes exactly one argument (%d given)", argc);
    Val v = argv[0];
    switch (v.t) {
    case T_STR: return VINT(str_cplen(STR(v)));
    case T_BYTES: return VINT(STR(v)->len);
    case T_LIST: case T_TUPLE: return VINT(LIST(v)->n);
    case T_DICT: return VINT(DICT(v)->n);
    case T_RANGE: {
        ORange *r = (ORange *)v.o;
        int64_t n = r->step > 0 ? (r->stop - r->start + r->step - 1) / r->step : (r->start - r->stop - r->step - 1) / -r->step;
        return VINT(n > 0 ? n : 0);
    }
    case T_DTYPE: { /* len(dtype): its number of fields */
        int nf = nd_dtype_nfields(((ODtype *)v.o)->dt);
        return VINT(nf < 0 ? 0 : nf);
    }
    case T_ARRAY:
        if (((OArray *)v.o)->void_scalar) return VINT(nd_dtype_nfields(nd_array_dtype(ARR(v))));
        if (nd_ndim(ARR(v)) == 0) return raise_exc(TypeErrorT, "len() of unsized object");
        return VINT(nd_shape(ARR(v))[0]);
    case T_MISC:
        if (is_flatiter(v)) return VINT(nd_size(ARR(((OMisc *)v.o)->a)));
        return raise_exc(TypeErrorT, "object of type '%s' has no len()", type_name(v));
    default: return raise_exc(TypeErrorT, "object of type '%s' has no len()", type_name(v));
    }
}

static Val b_range(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    int64_t a[3] = {0, 0, 1};
    if (argc < 1 || argc > 3) return raise_exc(TypeErrorT, "range expected at most 3 arguments, got %d", argc);
    for (int i = 0; i < argc; i++) if (to_int64(argv[i], &a[i], NULL) < 0) return VERR;
    ORange *r = obj_new(T_RANGE, sizeof *r);
    if (argc == 1) { r->start = 0; r->stop = a[0]; r->step = 1; }
    else { r->start = a[0]; r->stop = a[1]; r->step = argc == 3 ? a[2] : 1; }
    if (!r->step) { free(r); return raise_exc(ValueErrorT, "range() arg 3 must not be zero"); }
    return VOBJ(r);
}

static Val b_repr(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "repr() takes exactly one argument (%d given)", argc);
    return val_repr(argv[0]);
}

static Val b_isinstance(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 2) return raise_exc(TypeErrorT, "isinstance expected 2 arguments, got %d", argc);
    Val t = argv[1];
    if (t.t == T_TYPE) return VBOOL(isinstance_t(argv[0], TYPE(t)));
    if (t.t == T_TUPLE) {
        for (int64_t i = 0; i < LIST(t)->n; i++)
            if (LIST(t)->v[i].t == T_TYPE && isinstance_t(argv[0], TYPE(LIST(t)->v[i]))) return VBOOL(1);
        return VBOOL(0);
    }
    return raise_exc(TypeErrorT, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

static Val b_issubclass(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 2) return raise_exc(TypeErrorT, "issubclass expected 2 arguments, got %d", argc);
    if (argv[0].t != T_TYPE) return raise_exc(TypeErrorT, "issubclass() arg 1 must be a class");
    Val t = argv[1];
    if (t.t == T_TYPE) return VBOOL(type_is_sub(TYPE(argv[0]), TYPE(t)));
    if (t.t == T_TUPLE) {
        for (int64_t i = 0; i < LIST(t)->n; i++)
            if (LIST(t)->v[i].t == T_TYPE && type_is_sub(TYPE(argv[0]), TYPE(LIST(t)->v[i]))) return VBOOL(1);
        return VBOOL(0);
    }
    return raise_exc(TypeErrorT, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

static Val b_abs(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "abs() takes exactly one argument (%d given)", argc);
    Val v = argv[0];
    if (is_int(v)) return int_of(v) < 0 ? unop(OP_NEG, v) : v.t == T_BIG ? incref(v) : VINT(v.i);
    if (v.t == T_FLOAT) return VFLOAT(fabs(v.f));
    if (v.t == T_COMPLEX) return VFLOAT(hypot(((OComplex *)v.o)->re, ((OComplex *)v.o)->im));
    if (v.t == T_SCALAR && (SCAL(v).type == ND_COMPLEX128 || SCAL(v).type == ND_COMPLEX64)) {
        /* NumPy's scalar abs is npy_cabs (hypot); its ufunc, used for arrays, is not */
        const double *c = SCAL(v).c;
        if (SCAL(v).type == ND_COMPLEX64) return mk_scalar((nd_value){.type = ND_FLOAT32, .f = hypotf((float)c[0], (float)c[1])});
        return mk_scalar((nd_value){.type = ND_FLOAT64, .f = hypot(c[0], c[1])});
    }
    if (v.t == T_ARRAY || v.t == T_SCALAR) return call_method(VOBJ(np_module().o), "abs", 1, argv, NULL);
    return raise_exc(TypeErrorT, "bad operand type for abs(): '%s'", type_name(v));
}

/* Stable merge sort of vals by key values (or themselves). */
static int merge_sort(Val *v, Val *k, int64_t n, bool reverse, Val *tv, Val *tk) {
    if (n < 2) return 0;
    int64_t m = n / 2;
    if (merge_sort(v, k, m, reverse, tv, tk) < 0 || merge_sort(v + m, k + m, n - m, reverse, tv, tk) < 0) return -1;
    int64_t i = 0, j = m, o = 0;
    while (i < m && j < n) {
        Val c = compare(OP_LT, reverse ? k[i] : k[j], reverse ? k[j] : k[i]);
        if (ISERR(c)) return -1;
        int t = val_truth(c);
        decref(c);
        if (t < 0) return -1;
        if (t) { tv[o] = v[j]; tk[o++] = k[j++]; }
        else { tv[o] = v[i]; tk[o++] = k[i++]; }
    }
    while (i < m) { tv[o] = v[i]; tk[o++] = k[i++]; }
    while (j < n) { tv[o] = v[j]; tk[o++] = k[j++]; }
    memcpy(v, tv, sizeof(Val) * (size_t)n);
    memcpy(k, tk, sizeof(Val) * (size_t)n);
    return 0;
}

int list_sort(Val list, Val key, bool reverse) {
    OList *l = LIST(list);
    int64_t n = l->n;
    Val *k = malloc(sizeof(Val) * (size_t)(n + 1)), *tv = malloc(sizeof(Val) * (size_t)(n + 1)),
        *tk = malloc(sizeof(Val) * (size_t)(n + 1));
    if (!k || !tv || !tk) abort();
    int64_t made = 0;
    int r = 0;
    for (; made < n; made++) {
        k[made] = (HAS(key) && key.t != T_NONE) ? call_val(key, 1, &l->v[made], NULL) : incref(l->v[made]);
        if (ISERR(k[made])) { r = -1; break; }
    }
    if (!r) r = merge_sort(l->v, k, n, reverse, tv, tk);
    for (int64_t i = 0; i < made; i++) decref(k[i]);
    free(k);
    free(tv);
    free(tk);
    return r;
}

static Val b_sorted(Val self, int argc, Val *argv, Kw *kw) {
    (void)self;
    Val a[3];
    if (argparse("sorted", argc, argv, kw, "iterable|key,reverse", a) < 0) return VERR;
    Val l = to_list(a[0]);
    if (ISERR(l)) return l;
    int rev = HAS(a[2]) ? val_truth(a[2]) : 0;
    if (list_sort(l, a[1], rev) < 0) { decref(l); return VERR; }
    return l;
}

static Val minmax(int argc, Val *argv, Kw *kw, bool max) {
    Val key = VERR, dflt = VERR;
    for (int k = 0; kw && k < kw->n; k++) {
        if (!strcmp(kw->names[k], "key")) key = kw->vals[k];
        else if (!strcmp(kw->names[k], "default")) dflt = kw->vals[k];
        else return raise_exc(TypeErrorT, "'%s' is an invalid keyword argument for %s()", kw->names[k], max ? "max" : "min");
    }
    Val l;
    if (argc == 1) l = to_list(argv[0]);
    else {
        l = mk_list(argc);
        for (int i = 0; i < argc; i++) LIST(l)->v[i] = incref(argv[i]);
    }
    if (ISERR(l)) return l;
    if (LIST(l)->n == 0) {
        decref(l);
        if (HAS(dflt)) return incref(dflt);
        return raise_exc(ValueErrorT, "%s() arg is an empty sequence", max ? "max" : "min");
    }
    Val best = incref(LIST(l)->v[0]);
    Val bk = HAS(key) && key.t != T_NONE ? call_val(key, 1, &best, NULL) : incref(best);
    for (int64_t i = 1; i < LIST(l)->n && !ISERR(bk); i++) {
        Val x = LIST(l)->v[i];
        Val xk = HAS(key) && key.t != T_NONE ? call_val(key, 1, &x, NULL) : incref(x);
        if (ISERR(xk)) { decref(bk); bk = VERR; break; }
        Val c = compare(max ? OP_GT : OP_LT, xk, bk);
        int t = ISERR(c) ? -1 : val_truth(c);
        decref(c);
        if (t < 0) { decref(xk); decref(bk); bk = VERR; break; }
        if (t) { decref(best); decref(bk); best = incref(x); bk = xk; }
        else decref(xk);
    }
    decref(l);
    if (ISERR(bk)) { decref(best); return VERR; }
    decref(bk);
    return best;
}
static Val b_min(Val self, int argc, Val *argv, Kw *kw) { (void)self; return minmax(argc, argv, kw, false); }
static Val b_max(Val self, int argc, Val *argv, Kw *kw) { (void)self; return minmax(argc, argv, kw, true); }

static Val b_sum(Val self, int argc, Val *argv, Kw *kw) {
    (void)self;
    Val a[2];
    if (argparse("sum", argc, argv, kw, "iterable|start", a) < 0) return VERR;
    Val l = to_list(a[0]);
    if (ISERR(l)) return l;
    Val acc = HAS(a[1]) ? incref(a[1]) : VINT(0);
    for (int64_t i = 0; i < LIST(l)->n; i++) {
        Val r = binop(OP_ADD, acc, LIST(l)->v[i]);
        decref(acc);
        acc = r;
        if (ISERR(r)) break;
    }
    decref(l);
    return acc;
}

static Val b_any_all(int argc, Val *argv, bool all) {
    if (argc != 1) return raise_exc(TypeErrorT, "%s() takes exactly one argument (%d given)", all ? "all" : "any", argc);
    Val l = to_list(argv[0]);
    if (ISERR(l)) return l;
    bool r = all;
    for (int64_t i = 0; i < LIST(l)->n; i++) {
        int t = val_truth(LIST(l)->v[i]);
        if (t < 0) { decref(l); return VERR; }
        if (all && !t) { r = false; break; }
        if (!all && t) { r = true; break; }
    }
    decref(l);
    return VBOOL(r);
}
static Val b_any(Val self, int argc, Val *argv, Kw *kw) { (void)self; (void)kw; return b_any_all(argc, argv, false); }
static Val b_all(Val self, int argc, Val *argv, Kw *kw) { (void)self; (void)kw; return b_any_all(argc, argv, true); }

static Val b_enumerate(Val self, int argc, Val *argv, Kw *kw) {
    (void)self;
    Val a[2];
    if (argparse("enumerate", argc, argv, kw, "iterable|start", a) < 0) return VERR;
    int64_t start = 0;
    if (HAS(a[1]) && to_int64(a[1], &start, NULL) < 0) return VERR;
    Val l = to_list(a[0]);
    if (ISERR(l)) return l;
    for (int64_t i = 0; i < LIST(l)->n; i++) {
        Val t = mk_tuple2(VINT(start + i), LIST(l)->v[i]);
        LIST(l)->v[i] = t;
    }
    return l;
}

static Val b_zip(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    Val ls[32];
    if (argc > 32) return raise_exc(TypeErrorT, "zip() of more than 32 iterables is not supported by nd");
    int64_t n = INT64_MAX;
    for (int i = 0; i < argc; i++) {
        ls[i] = to_list(argv[i]);
        if (ISERR(ls[i])) { for (int j = 0; j < i; j++) decref(ls[j]); return VERR; }
        if (LIST(ls[i])->n < n) n = LIST(ls[i])->n;
    }
    if (!argc) n = 0;
    Val out = mk_list(n);
    for (int64_t k = 0; k < n; k++) {
        Val t = mk_tuple(argc);
        for (int i = 0; i < argc; i++) LIST(t)->v[i] = incref(LIST(ls[i])->v[k]);
        LIST(out)->v[k] = t;
    }
    for (int i = 0; i < argc; i++) decref(ls[i]);
    return out;
}

static Val b_map(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc < 2) return raise_exc(TypeErrorT, "map() must have at least two arguments.");
    Val z = b_zip(VNONE, argc - 1, argv + 1, NULL);
    if (ISERR(z)) return z;
    for (int64_t i = 0; i < LIST(z)->n; i++) {
        Val t = LIST(z)->v[i];
        Val r = call_val(argv[0], (int)LIST(t)->n, LIST(t)->v, NULL);
        decref(t);
        LIST(z)->v[i] = ISERR(r) ? VNONE : r;
        if (ISERR(r)) { decref(z); return VERR; }
    }
    return z;
}

static Val b_filter(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 2) return raise_exc(TypeErrorT, "filter expected 2 arguments, got %d", argc);
    Val l = to_list(argv[1]);
    if (ISERR(l)) return l;
    Val out = mk_list(0);
    for (int64_t i = 0; i < LIST(l)->n; i++) {
        Val x = LIST(l)->v[i];
        Val r = argv[0].t == T_NONE ? incref(x) : call_val(argv[0], 1, &x, NULL);
        int t = ISERR(r) ? -1 : val_truth(r);
        decref(r);
        if (t < 0) { decref(l); decref(out); return VERR; }
        if (t) list_append(out, incref(x));
    }
    decref(l);
    return out;
}

static Val b_reversed(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "reversed expected 1 argument, got %d", argc);
    Val l = to_list(argv[0]);
    if (ISERR(l)) return l;
    OList *o = LIST(l);
    for (int64_t i = 0; i < o->n / 2; i++) { Val t = o->v[i]; o->v[i] = o->v[o->n - 1 - i]; o->v[o->n - 1 - i] = t; }
    return l;
}

static Val b_round(Val self, int argc, Val *argv, Kw *kw) {
    (void)self;
    Val a[2];
    if (argparse("round", argc, argv, kw, "number|ndigits", a) < 0) return VERR;
    Val x = a[0];
    bool nd = HAS(a[1]) && a[1].t != T_NONE;
    int64_t n = 0;
    if (nd && to_int64(a[1], &n, NULL) < 0) return VERR;
    if (is_int(x)) {
        if (!nd || n >= 0) return x.t == T_BIG ? incref(x) : VINT(x.i);
        if (n < -38) return VINT(0); /* 10**39 exceeds every 128-bit int */
        i128 p = 1, v = int_of(x);
        for (int64_t i = 0; i < -n; i++) p *= 10;
        i128 q = v / p, r = v % p;
        if (r < 0) { q--; r += p; }
        if (2 * r > p || (2 * r == p && (q & 1))) q++;
        i128 out;
        if (__builtin_mul_overflow(q, p, &out)) return big_overflow();
        return mk_int(out);
    }
    if (x.t == T_ARRAY || (x.t == T_SCALAR && nd)) {
        Val args[2] = {x, VINT(n)};
        return call_method(np_module(), "round", 2, args, NULL);
    }
    double d;
    if (to_double(x, &d) < 0) return VERR;
    if (!nd) {
        if (isnan(d)) return raise_exc(ValueErrorT, "cannot convert float NaN to integer");
        if (isinf(d)) return raise_exc(OverflowErrorT, "cannot convert float infinity to integer");
        double r = nearbyint(d); /* ties to even */
        if (fabs(r) >= 1.7e38) return big_overflow();
        return mk_int((i128)r);
    }
    if (!isfinite(d)) return VFLOAT(d);
    if (n > 300) return x.t == T_SCALAR ? incref(x) : VFLOAT(d);
    double r;
    if (n >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)n, d);
        r = strtod(buf, NULL);
    } else {
        double p = pow(10.0, (double)-n);
        r = nearbyint(d / p) * p;
    }
    if (x.t == T_SCALAR) return mk_scalar(nd_value_cast(ND_F64(r), SCAL(x).type));
    return VFLOAT(r);
}

static Val int_base_str(Val self, int argc, Val *argv, Kw *kw, char t) {
    (void)self; (void)kw;
    int64_t v;
    if (argc != 1) return raise_exc(TypeErrorT, "expected 1 argument");
    char spec[3] = {'#', t, 0};
    if (argv[0].t == T_BIG) return format_spec(argv[0], spec, 2);
    if (to_int64(argv[0], &v, NULL) < 0) return VERR;
    return format_spec(VINT(v), spec, 2);
}
static Val b_hex(Val s, int c, Val *a, Kw *k) { return int_base_str(s, c, a, k, 'x'); }
static Val b_oct(Val s, int c, Val *a, Kw *k) { return int_base_str(s, c, a, k, 'o'); }
static Val b_bin(Val s, int c, Val *a, Kw *k) { return int_base_str(s, c, a, k, 'b'); }

static Val b_chr(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    int64_t c;
    if (argc != 1 || to_int64(argv[0], &c, NULL) < 0) return argc != 1 ? raise_exc(TypeErrorT, "chr() takes exactly one argument") : VERR;
    char o[5];
    int n;
    if (c < 0 || c > 0x10FFFF) return raise_exc(ValueErrorT, "chr() arg not in range(0x110000)");
    if (c < 0x80) { o[0] = (char)c; n = 1; }
    else if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 63)); n = 2; }
    else if (c < 0x10000) { o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 63)); o[2] = (char)(0x80 | (c & 63)); n = 3; }
    else { o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 63)); o[2] = (char)(0x80 | ((c >> 6) & 63)); o[3] = (char)(0x80 | (c & 63)); n = 4; }
    return mk_str(o, n);
}
static Val b_ord(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1 || argv[0].t != T_STR) return raise_exc(TypeErrorT, "ord() expected string of length 1");
    const unsigned char *s = (const unsigned char *)STR(argv[0])->s;
    if (str_cplen(STR(argv[0])) != 1)
        return raise_exc(TypeErrorT, "ord() expected a character, but string of length %lld found", (long long)str_cplen(STR(argv[0])));
    if (s[0] < 0x80) return VINT(s[0]);
    if (s[0] < 0xE0) return VINT(((s[0] & 31) << 6) | (s[1] & 63));
    if (s[0] < 0xF0) return VINT(((s[0] & 15) << 12) | ((s[1] & 63) << 6) | (s[2] & 63));
    return VINT(((s[0] & 7) << 18) | ((s[1] & 63) << 12) | ((s[2] & 63) << 6) | (s[3] & 63));
}

static Val b_divmod(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 2) return raise_exc(TypeErrorT, "divmod expected 2 arguments, got %d", argc);
    Val q = binop(OP_FLOORDIV, argv[0], argv[1]);
    if (ISERR(q)) return q;
    Val m = binop(OP_MOD, argv[0], argv[1]);
    if (ISERR(m)) { decref(q); return m; }
    return mk_tuple2(q, m);
}
static Val b_pow(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 2) return raise_exc(TypeErrorT, "pow expected 2 arguments, got %d", argc);
    return binop(OP_POW, argv[0], argv[1]);
}
static Val b_hash(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    uint64_t h;
    if (argc != 1) return raise_exc(TypeErrorT, "hash() takes exactly one argument");
    if (val_hash(argv[0], &h) < 0) return VERR;
    return VINT((int64_t)(h >> 1));
}
static Val b_id(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "id() takes exactly one argument");
    Val v = argv[0];
    if (v.t == T_ARRAY) return VINT((int64_t)(uintptr_t)ARR(v));
    return VINT(v.t >= T_COMPLEX ? (int64_t)(uintptr_t)v.o : v.i);
}
static Val b_callable(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "callable() takes exactly one argument");
    int t = argv[0].t;
    return VBOOL(t == T_FUNC || t == T_BUILTIN || t == T_UFUNC || t == T_TYPE || (t == T_MISC && !strcmp(((OMisc *)argv[0].o)->kind, "method")));
}
static Val b_getattr(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc < 2 || argc > 3 || argv[1].t != T_STR) return raise_exc(TypeErrorT, "getattr(): attribute name must be string");
    Val r = get_attr(argv[0], STR(argv[1])->s);
    if (ISERR(r) && argc == 3 && isinstance_t(exc_pending(), AttributeErrorT)) {
        exc_clear();
        return incref(argv[2]);
    }
    return r;
}
static Val b_hasattr(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 2 || argv[1].t != T_STR) return raise_exc(TypeErrorT, "hasattr(): attribute name must be string");
    Val r = get_attr(argv[0], STR(argv[1])->s);
    if (ISERR(r)) {
        if (!isinstance_t(exc_pending(), AttributeErrorT)) return VERR;
        exc_clear();
        return VBOOL(0);
    }
    decref(r);
    return VBOOL(1);
}
static Val b_setattr(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 3 || argv[1].t != T_STR) return raise_exc(TypeErrorT, "setattr(): attribute name must be string");
    return set_attr(argv[0], STR(argv[1])->s, argv[2]) < 0 ? VERR : VNONE;
}
static Val b_format(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc < 1 || argc > 2) return raise_exc(TypeErrorT, "format expected at most 2 arguments, got %d", argc);
    if (argc == 2 && argv[1].t != T_STR) return raise_exc(TypeErrorT, "format() argument 2 must be str, not %s", type_name(argv[1]));
    return format_spec(argv[0], argc == 2 ? STR(argv[1])->s : "", argc == 2 ? STR(argv[1])->len : 0);
}
static Val b_iter(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc != 1) return raise_exc(TypeErrorT, "iter expected 1 argument, got %d", argc);
    return get_iter(argv[0]);
}
static Val b_next(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    if (argc < 1 || argc > 2) return raise_exc(TypeErrorT, "next expected 1 or 2 arguments, got %d", argc);
    if (argv[0].t != T_ITER) return raise_exc(TypeErrorT, "'%s' object is not an iterator", type_name(argv[0]));
    bool done;
    Val r = iter_next(argv[0], &done);
    if (done) {
        if (argc == 2) return incref(argv[1]);
        return raise_val(call_val(VOBJ(StopIterationT), 0, NULL, NULL));
    }
    return r;
}
static Val b_exit(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)kw;
    Val e = call_val(VOBJ(exc_class_by_name("SystemExit")), argc, argv, NULL);
    return raise_val(e);
}
static Val b_input(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)argc; (void)argv; (void)kw;
    return raise_exc(NotImplementedErrorT, "input() is not supported by nd");
}
static Val b_open(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)argc; (void)argv; (void)kw;
    return raise_exc(NotImplementedErrorT, "open() is not supported by nd: use np.save/np.load/np.memmap/tofile");
}
static Val b_vars(Val self, int argc, Val *argv, Kw *kw) {
    (void)self; (void)argc; (void)argv; (void)kw;
    return raise_exc(NotImplementedErrorT, "this builtin is not supported by nd (scripts cannot run host code)");
}

Val define_range_call(int argc, Val *argv) { return b_range(VNONE, argc, argv, NULL); }

static void def(const char *name, BFn fn) { define_builtin(name, mk_builtin(name, fn, VNONE)); }

void builtins_install(void) {
    def("print", b_print);
    def("len", b_len);
    def("repr", b_repr);
    def("isinstance", b_isinstance);
    def("issubclass", b_issubclass);
    def("abs", b_abs);
    def("sorted", b_sorted);
    def("min", b_min);
    def("max", b_max);
    def("sum", b_sum);
    def("any", b_any);
    def("all", b_all);
    def("enumerate", b_enumerate);
    def("zip", b_zip);
    def("map", b_map);
    def("filter", b_filter);
    def("reversed", b_reversed);
    def("round", b_round);
    def("hex", b_hex);
    def("oct", b_oct);
    def("bin", b_bin);
    def("chr", b_chr);
    def("ord", b_ord);
    def("divmod", b_divmod);
    def("pow", b_pow);
    def("hash", b_hash);
    def("id", b_id);
    def("callable", b_callable);
    def("getattr", b_getattr);
    def("hasattr", b_hasattr);
    def("setattr", b_setattr);
    def("format", b_format);
    def("iter", b_iter);
    def("next", b_next);
    def("exit", b_exit);
    def("quit", b_exit);
    def("input", b_input);
    def("open", b_open);
    def("eval", b_vars);
    def("exec", b_vars);
    def("compile", b_vars);
    def("__import__", b_vars);
    def("globals", b_vars);
    def("locals", b_vars);
    def("vars", b_vars);
    static const char *tnames[] = {"int", "float", "complex", "bool", "str", "bytes", "list", "tuple", "dict",
                                   "type", "slice", "range", "object", NULL};
    OType *tv[] = {IntT, FloatT, ComplexT, BoolT, StrT, BytesT, ListT, TupleT, DictT, TypeT, SliceT, RangeT, ObjectT};
    for (int i = 0; tnames[i]; i++) define_builtin(tnames[i], VOBJ(tv[i]));
    for (int i = 0; i < type_count(); i++) {
        OType *t = type_by_index(i);
        if (t->kind == TK_EXC && !strchr(t->qual, '.')) define_builtin(t->name, VOBJ(t));
    }
    define_builtin("Ellipsis", (Val){.t = T_ELLIPSIS});
    define_builtin("NotImplemented", mk_misc("NotImplementedType", VNONE, VNONE));
}
