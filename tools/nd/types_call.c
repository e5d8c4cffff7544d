/* types_call.c — calling the built-in types: int() (bases, prefixes,
 * ints past 64 bits), float(), complex(), bool(), str(), bytes(), list(),
 * tuple(), dict(), range() and friends. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

static Val parse_int_str(const char *s, int64_t base) {
    while (isspace((unsigned char)*s)) s++;
    char buf[128];
    int n = 0;
    for (const char *p = s; *p && n < 120; p++) if (*p != '_') buf[n++] = *p;
    while (n && isspace((unsigned char)buf[n - 1])) n--;
    buf[n] = 0;
    /* Python's 0x/0o/0b prefixes (base 0 picks by prefix, else decimal) */
    int64_t given = base;
    char *digits = buf + (buf[0] == '-' || buf[0] == '+');
    int pb = 0;
    if (digits[0] == '0' && digits[1]) {
        char c = (char)tolower((unsigned char)digits[1]);
        pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    }
    if (pb && (base == 0 || base == pb)) {
        memmove(digits, digits + 2, strlen(digits + 2) + 1);
        base = pb;
        if (!*digits) n = 0;
    } else if (base == 0) {
        base = 10;
    }
    i128 v = 0;
    int r = n ? parse_int128(buf, (int)base, &v) : -1;
    if (r == -1) return raise_exc(ValueErrorT, "invalid literal for int() with base %lld: '%s'", (long long)given, s);
    if (r == -2) return big_overflow();
    return mk_int(v);
}

static Val float_from_str(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", s);
    size_t n = strlen(buf);
    while (n && isspace((unsigned char)buf[n - 1])) buf[--n] = 0;
    char *end;
    const char *b = buf;
    bool neg = *b == '-';
    if (*b == '-' || *b == '+') b++;
    if (!strcasecmp(b, "inf") || !strcasecmp(b, "infinity")) return VFLOAT(neg ? -INFINITY : INFINITY);
    if (!strcasecmp(b, "nan")) return VFLOAT(NAN);
    double d = strtod(buf, &end);
    /* strtod also takes hex ("0x10") and "nan(...)"; Python's float() does not */
    if (!n || *end || isalpha((unsigned char)*b) || strspn(b, "0123456789.eE+-") != strlen(b))
        return raise_exc(ValueErrorT, "could not convert string to float: '%s'", s);
    return VFLOAT(d);
}

Val type_call(OType *t, int argc, Val *argv, Kw *kw) {
    Val x = argc ? argv[0] : VNONE;
    if (t->kind == TK_NPSCALAR || t->kind == TK_NPABSTRACT || t == NdarrayT || t == DtypeT || t == MemmapT)
        return nptype_call(t, argc, argv, kw);
    if (kw && kw->n && t != DictT) return raise_exc(TypeErrorT, "%s() takes no keyword arguments", t->name);
    if (t == IntT) {
        if (!argc) return VINT(0);
        if (argc == 2) {
            int64_t base;
            if (x.t != T_STR) return raise_exc(TypeErrorT, "int() can't convert non-string with explicit base");
            if (to_int64(argv[1], &base, NULL) < 0) return VERR;
            return parse_int_str(STR(x)->s, base);
        }
        switch (x.t) {
        case T_INT: case T_BOOL: return VINT(x.i);
        case T_BIG: return incref(x);
        case T_FLOAT: case T_SCALAR: case T_ARRAY: {
            if (x.t == T_SCALAR) {
                nd_value v = SCAL(x);
                char k = nd_dtype_kind(nd_dtype_of(v.type));
                if (k == 'i' || k == 'b') return VINT(nd_value_cast(v, ND_INT64).i);
                if (k == 'u') return mk_int((i128)nd_value_cast(v, ND_UINT64).u);
            }
            double d;
            if (to_double(x, &d) < 0) return VERR;
            if (isnan(d)) return raise_exc(ValueErrorT, "cannot convert float NaN to integer");
            if (isinf(d)) return raise_exc(OverflowErrorT, "cannot convert float infinity to integer");
            if (fabs(d) >= 1.7e38) return big_overflow();
            return mk_int((i128)d);
        }
        case T_STR: return parse_int_str(STR(x)->s, 10);
        default: return raise_exc(TypeErrorT, "int() argument must be a string, a bytes-like object or a real number, not '%s'", type_name(x));
        }
    }
    if (t == FloatT) {
        if (!argc) return VFLOAT(0);
        if (x.t == T_STR) return float_from_str(STR(x)->s);
        double d;
        if (x.t != T_INT && x.t != T_BOOL && x.t != T_BIG && x.t != T_FLOAT && x.t != T_SCALAR && x.t != T_ARRAY)
            return raise_exc(TypeErrorT, "float() argument must be a string or a real number, not '%s'", type_name(x));
        if (to_double(x, &d) < 0) return VERR;
        return VFLOAT(d);
    }
    if (t == ComplexT) {
        /* CPython's complex_new: complex(r, i) is r + i*1j, but a real i
           is taken as is (complex(1, -0.0) keeps the zero's sign) */
        double p[2][2] = {{0, 0}, {0, 0}};
        bool cx[2] = {false, false};
        for (int k = 0; k < argc && k < 2; k++) {
            Val y = argv[k];
            if (y.t == T_COMPLEX) { p[k][0] = ((OComplex *)y.o)->re; p[k][1] = ((OComplex *)y.o)->im; cx[k] = true; }
            else if (y.t == T_SCALAR && nd_dtype_kind(nd_dtype_of(SCAL(y).type)) == 'c') {
                nd_value c = nd_value_cast(SCAL(y), ND_COMPLEX128);
                p[k][0] = c.c[0];
                p[k][1] = c.c[1];
                cx[k] = true;
            } else if (to_double(y, &p[k][0]) < 0) return VERR;
        }
        if (argc < 2) return mk_complex(p[0][0], p[0][1]);
        if (cx[1]) p[0][0] -= p[1][1];
        if (cx[0]) p[1][0] += p[0][1];
        return mk_complex(p[0][0], p[1][0]);
    }
    if (t == BoolT) {
        if (!argc) return VBOOL(0);
        int b = val_truth(x);
        return b < 0 ? VERR : VBOOL(b);
    }
    if (t == StrT) {
        if (!argc) return mk_str("", 0);
        if (x.t == T_BYTES && argc >= 2) return mk_str(STR(x)->s, STR(x)->len);
        return val_str(x);
    }
    if (t == BytesT) {
        if (!argc) return mk_bytes("", 0);
        if (x.t == T_INT) {
            if (x.i < 0) return raise_exc(ValueErrorT, "negative count");
            char *z = calloc((size_t)x.i + 1, 1);
            if (!z) return raise_exc(MemoryErrorT, "out of memory");
            Val r = mk_bytes(z, x.i);
            free(z);
            return r;
        }
        if (x.t == T_BYTES) return incref(x);
        if (x.t == T_STR) return mk_bytes(STR(x)->s, STR(x)->len);
        if (x.t == T_ARRAY) return call_method(x, "tobytes", 0, NULL, NULL);
        Val l = to_list(x);
        if (ISERR(l)) return l;
        char *buf = malloc((size_t)LIST(l)->n + 1);
        if (!buf) abort();
        for (int64_t i = 0; i < LIST(l)->n; i++) {
            int64_t c;
            if (to_int64(LIST(l)->v[i], &c, NULL) < 0 || c < 0 || c > 255) {
                free(buf);
                decref(l);
                if (exc_pending().t == T_EXC) return VERR;
                return raise_exc(ValueErrorT, "bytes must be in range(0, 256)");
            }
            buf[i] = (char)c;
        }
        Val r = mk_bytes(buf, LIST(l)->n);
        free(buf);
        decref(l);
        return r;
    }
    if (t == ListT) return argc ? to_list(x) : mk_list(0);
    if (t == TupleT) {
        if (!argc) return mk_tuple(0);
        if (x.t == T_TUPLE) return incref(x);
        Val l = to_list(x);
        if (ISERR(l)) return l;
        l.o->tag = T_TUPLE;
        l.t = T_TUPLE;
        return l;
    }
    if (t == DictT) {
        Val d = mk_dict();
        if (argc) {
            if (x.t == T_DICT) {
                ODict *s = DICT(x);
                for (int64_t i = 0; i < s->used; i++)
                    if (s->e[i].k.t != T_ERR) dict_set(d, s->e[i].k, s->e[i].v);
            } else {
                Val l = to_list(x);
                if (ISERR(l)) { decref(d); return l; }
                for (int64_t i = 0; i < LIST(l)->n; i++) {
                    Val p = LIST(l)->v[i];
                    Val pl = to_list(p);
                    if (ISERR(pl) || LIST(pl)->n != 2) {
                        if (!ISERR(pl)) decref(pl);
                        else exc_clear();
                        decref(l);
                        decref(d);
                        return raise_exc(ValueErrorT, "dictionary update sequence element #%lld has wrong length", (long long)i);
                    }
                    if (dict_set(d, LIST(pl)->v[0], LIST(pl)->v[1]) < 0) { decref(pl); decref(l); decref(d); return VERR; }
                    decref(pl);
                }
                decref(l);
            }
        }
        for (int k = 0; kw && k < kw->n; k++) {
            Val key = mk_cstr(kw->names[k]);
            dict_set(d, key, kw->vals[k]);
            decref(key);
        }
        return d;
    }
    if (t == TypeT) {
        if (argc != 1) return raise_exc(TypeErrorT, "type() takes 1 argument in nd");
        return VOBJ(type_of(x));
    }
    if (t == SliceT) {
        Val a[3] = {VNONE, VNONE, VNONE};
        if (argc == 1) a[1] = x;
        else for (int i = 0; i < argc && i < 3; i++) a[i] = argv[i];
        return mk_slice(incref(a[0]), incref(a[1]), incref(a[2]));
    }
    if (t == RangeT) {
        Val r = define_range_call(argc, argv);
        return r;
    }
    if (t == ObjectT) return mk_misc("object", VNONE, VNONE);
    return raise_exc(TypeErrorT, "cannot create '%s' instances", t->qual);
}
