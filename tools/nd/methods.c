/* methods.c — attribute access, method calls, subscripts, iteration and
 * membership for the built-in types; str, list and dict methods. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

static Val no_attr(Val obj, const char *name) {
    if (obj.t == T_MODULE)
        return raise_exc(AttributeErrorT, "module '%s' has no attribute '%s'", ((OModule *)obj.o)->name, name);
    if (obj.t == T_TYPE)
        return raise_exc(AttributeErrorT, "type object '%s' has no attribute '%s'", TYPE(obj)->qual, name);
    return raise_exc(AttributeErrorT, "'%s' object has no attribute '%s'", type_of(obj)->qual, name);
}

Val bound_method(Val self, const char *name) {
    Val n = mk_cstr(name);
    Val m = mk_misc("method", self, n);
    decref(n);
    return m;
}

static const char *str_methods[] = {"join", "split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower", "title",
                                    "capitalize", "startswith", "endswith", "find", "rfind", "index", "count",
                                    "replace", "ljust", "rjust", "center", "zfill", "format", "isdigit", "isalpha",
                                    "isspace", "isalnum", "isupper", "islower", "splitlines", "partition", "encode",
                                    "decode", "hex", "swapcase", "isnumeric", "isdecimal", "casefold", NULL};
static const char *list_methods[] = {"append", "extend", "insert", "pop", "remove", "index", "count", "sort",
                                     "reverse", "copy", "clear", NULL};
static const char *dict_methods[] = {"keys", "values", "items", "get", "pop", "setdefault", "update", "copy", "clear", NULL};
static bool in_list(const char *const *l, const char *n) {
    for (int i = 0; l[i]; i++) if (!strcmp(l[i], n)) return true;
    return false;
}

Val get_attr(Val obj, const char *name) {
    bool found = false;
    Val r;
    switch (obj.t) {
    case T_MODULE: {
        Val k = mk_cstr(name);
        r = dict_get(VOBJ(((OModule *)obj.o)->attrs), k, &found);
        decref(k);
        if (found) return incref(r);
        r = np_prelude_attr(obj, name, &found);
        if (found || ISERR(r)) return r;
        break;
    }
    case T_ARRAY:
        r = array_getattr(obj, name, &found);
        if (found) return r;
        break;
    case T_SCALAR:
        r = scalar_getattr(obj, name, &found);
        if (found) return r;
        break;
    case T_DTYPE:
        r = dtype_getattr(obj, name, &found);
        if (found) return r;
        break;
    case T_FLAGS:
        r = flags_getattr(obj, name, &found);
        if (found) return r;
        break;
    case T_EXC:
        if (!strcmp(name, "args")) return incref(EXC(obj)->args);
        if (!strcmp(name, "__class__")) return VOBJ(EXC(obj)->cls);
        break;
    case T_TYPE:
        if (!strcmp(name, "__name__") || !strcmp(name, "__qualname__")) return mk_cstr(TYPE(obj)->name);
        if (!strcmp(name, "__module__")) {
            const char *q = TYPE(obj)->qual, *d = strrchr(q, '.');
            return d ? mk_str(q, d - q) : mk_cstr("builtins");
        }
        if (TYPE(obj)->kind == TK_NPSCALAR) {
            Val s = nptype_call(TYPE(obj), 0, NULL, NULL);
            if (ISERR(s)) return s;
            r = scalar_getattr(s, name, &found);
            decref(s);
            if (found) return r;
        }
        break;
    case T_FUNC:
        if (!strcmp(name, "__name__")) {
            Val rep = func_repr(obj);
            /* "<function NAME at 0x...>" */
            char *p = STR(rep)->s + 10, *e = strchr(p, ' ');
            Val n = mk_str(p, e ? e - p : (int64_t)strlen(p));
            decref(rep);
            return n;
        }
        break;
    case T_BUILTIN:
        if (!strcmp(name, "__name__")) return mk_cstr(((OBuiltin *)obj.o)->name);
        break;
    case T_UFUNC:
        r = ufunc_getattr(obj, name, &found);
        if (found) return r;
        break;
    case T_COMPLEX:
        if (!strcmp(name, "real")) return VFLOAT(((OComplex *)obj.o)->re);
        if (!strcmp(name, "imag")) return VFLOAT(((OComplex *)obj.o)->im);
        if (!strcmp(name, "conjugate")) return bound_method(obj, name);
        break;
    case T_INT: case T_BOOL:
        if (!strcmp(name, "real") || !strcmp(name, "numerator")) return VINT(obj.i);
        if (!strcmp(name, "imag")) return VINT(0);
        if (!strcmp(name, "denominator")) return VINT(1);
        if (!strcmp(name, "bit_length") || !strcmp(name, "to_bytes") || !strcmp(name, "conjugate")) return bound_method(obj, name);
        break;
    case T_BIG:
        if (!strcmp(name, "real") || !strcmp(name, "numerator")) return incref(obj);
        if (!strcmp(name, "imag")) return VINT(0);
        if (!strcmp(name, "denominator")) return VINT(1);
        if (!strcmp(name, "bit_length") || !strcmp(name, "conjugate")) return bound_method(obj, name);
        break;
    case T_FLOAT:
        if (!strcmp(name, "real")) return VFLOAT(obj.f);
        if (!strcmp(name, "imag")) return VFLOAT(0);
        if (!strcmp(name, "is_integer") || !strcmp(name, "conjugate") || !strcmp(name, "hex")) return bound_method(obj, name);
        break;
    case T_SLICE: {
        OSlice *s = (OSlice *)obj.o;
        if (!strcmp(name, "start")) return incref(s->start);
        if (!strcmp(name, "stop")) return incref(s->stop);
        if (!strcmp(name, "step")) return incref(s->step);
        if (!strcmp(name, "indices")) return bound_method(obj, name);
        break;
    }
    case T_RANGE: {
        ORange *g = (ORange *)obj.o;
        if (!strcmp(name, "start")) return VINT(g->start);
        if (!strcmp(name, "stop")) return VINT(g->stop);
        if (!strcmp(name, "step")) return VINT(g->step);
        break;
    }
    case T_STR: case T_BYTES:
        if (in_list(str_methods, name)) return bound_method(obj, name);
        break;
    case T_LIST:
        if (in_list(list_methods, name)) return bound_method(obj, name);
        break;
    case T_TUPLE:
        if (!strcmp(name, "index") || !strcmp(name, "count")) return bound_method(obj, name);
        break;
    case T_DICT:
        if (in_list(dict_methods, name)) return bound_method(obj, name);
        break;
    case T_MISC: {
        OMisc *m = (OMisc *)obj.o;
        if (!strcmp(m->kind, "ctypes") && !strcmp(name, "data")) return incref(m->a);
        if (is_flatiter(obj)) {
            bool found;
            Val r = flatiter_getattr(obj, name, &found);
            if (found) return r;
        }
        if (is_random_state(obj)) {
            bool found;
            Val r = random_state_getattr(obj, name, &found);
            if (found) return r;
        }
        if (is_generator(obj)) {
            bool found;
            Val r = generator_getattr(obj, name, &found);
            if (found) return r;
        }
        if (is_broadcast(obj)) {
            bool found;
            Val r = broadcast_getattr(obj, name, &found);
            if (found) return r;
        }
        if (!strcmp(m->kind, "iinfo") || !strcmp(m->kind, "finfo")) {
            bool found;
            Val r = info_getattr(obj, name, &found);
            if (found) return r;
        }
        break;
    }
    }
    if (obj.t == T_ERR) return VERR;
    return no_attr(obj, name);
}

int set_attr(Val obj, const char *name, Val v) {
    if (obj.t == T_FLAGS) return flags_setattr(obj, name, v);
    if (obj.t == T_ARRAY) return array_setattr(obj, name, v);
    if (obj.t == T_MODULE) {
        Val k = mk_cstr(name);
        int r = dict_set(VOBJ(((OModule *)obj.o)->attrs), k, v);
        decref(k);
        return r;
    }
    if (obj.t == T_STR || obj.t == T_INT || obj.t == T_FLOAT || obj.t == T_LIST || obj.t == T_TUPLE || obj.t == T_DICT) {
        Val g = get_attr(obj, name);
        if (ISERR(g)) return -1;
        decref(g);
        raise_exc(AttributeErrorT, "'%s' object attribute '%s' is read-only", type_name(obj), name);
        return -1;
    }
    if (obj.t == T_UFUNC) {
        bool found;
        Val g = ufunc_getattr(obj, name, &found);
        decref(g);
        if (found) { /* data attributes, and methods (CPython's wording for each) */
            bool meth = !strcmp(name, "reduce") || !strcmp(name, "accumulate") || !strcmp(name, "outer") || !strcmp(name, "at");
            if (meth) raise_exc(AttributeErrorT, "'numpy.ufunc' object attribute '%s' is read-only", name);
            else raise_exc(AttributeErrorT, "attribute '%s' of 'numpy.ufunc' objects is not writable", name);
            return -1;
        }
    }
    raise_exc(AttributeErrorT, "'%s' object has no attribute '%s'", type_of(obj)->qual, name);
    return -1;
}

Val call_method(Val self, const char *name, int argc, Val *argv, Kw *kw) {
    bool found = false;
    Val r;
    switch (self.t) {
    case T_STR: case T_BYTES: r = str_method(self, name, argc, argv, kw, &found); break;
    case T_LIST: case T_TUPLE: r = list_method(self, name, argc, argv, kw, &found); break;
    case T_DICT: r = dict_method(self, name, argc, argv, kw, &found); break;
    case T_ARRAY:
        r = array_more_method(self, name, argc, argv, kw, &found);
        if (found) return r;
        r = array_method(self, name, argc, argv, kw, &found);
        break;
    case T_SCALAR: r = scalar_method(self, name, argc, argv, kw, &found); break;
    case T_DTYPE: r = dtype_method(self, name, argc, argv, kw, &found); break;
    case T_UFUNC: r = ufunc_method(self, name, argc, argv, kw, &found); break;
    case T_MISC:
        if (is_flatiter(self)) r = flatiter_method(self, name, argc, argv, kw, &found);
        break;
    case T_FLOAT:
        if (!strcmp(name, "is_integer")) return VBOOL(isfinite(self.f) && self.f == floor(self.f));
        if (!strcmp(name, "conjugate")) return self;
        if (!strcmp(name, "hex")) return raise_exc(NotImplementedErrorT, "float.hex is not supported by nd");
        break;
    case T_INT: case T_BOOL:
        if (!strcmp(name, "bit_length")) {
            uint64_t u = self.i < 0 ? (uint64_t)0 - (uint64_t)self.i : (uint64_t)self.i;
            return VINT(u ? 64 - __builtin_clzll(u) : 0);
        }
        if (!strcmp(name, "conjugate")) return VINT(self.i);
        break;
    case T_BIG:
        if (!strcmp(name, "bit_length")) {
            unsigned __int128 u = BIG(self) < 0 ? (unsigned __int128)0 - (unsigned __int128)BIG(self) : (unsigned __int128)BIG(self);
            int n = 0;
            while (u) { n++; u >>= 1; }
            return VINT(n);
        }
        if (!strcmp(name, "conjugate")) return incref(self);
        break;
    case T_COMPLEX:
        if (!strcmp(name, "conjugate")) return mk_complex(((OComplex *)self.o)->re, -((OComplex *)self.o)->im);
        break;
    case T_SLICE:
        if (!strcmp(name, "indices") && argc == 1) {
            int64_t n, a, b, c;
            if (to_int64(argv[0], &n, NULL) < 0) return VERR;
            if (slice_indices((OSlice *)self.o, n, &a, &b, &c) < 0) return VERR;
            Val t = mk_tuple(3);
            LIST(t)->v[0] = VINT(a);
            LIST(t)->v[1] = VINT(b);
            LIST(t)->v[2] = VINT(c);
            return t;
        }
        break;
    }
    if (found) return r;
    if (self.t == T_ERR) return VERR;
    Val f = get_attr(self, name);
    if (ISERR(f)) return f;
    r = call_val(f, argc, argv, kw);
    decref(f);
    return r;
}

/* ---------- subscripts ---------- */
/* a slice bound; ints beyond 64 bits clamp, as Python's do */
static int bound(Val v, int64_t *out) {
    if (v.t == T_BIG) { *out = BIG(v) < 0 ? -INT64_MAX : INT64_MAX; return 0; }
    return to_int64(v, out, NULL);
}
int slice_indices(OSlice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step) {
    int64_t st = 1;
    if (s->step.t != T_NONE && bound(s->step, &st) < 0) return -1;
    if (st == 0) { raise_exc(ValueErrorT, "slice step cannot be zero"); return -1; }
    int64_t lo = st < 0 ? -1 : 0, hi = st < 0 ? len - 1 : len;
    int64_t a = st < 0 ? hi : lo, b = st < 0 ? lo : hi;
    if (s->start.t != T_NONE) {
        if (bound(s->start, &a) < 0) return -1;
        if (a < 0) { a += len; if (a < lo) a = lo; }
        else if (a > hi) a = hi;
    }
    if (s->stop.t != T_NONE) {
        if (bound(s->stop, &b) < 0) return -1;
        if (b < 0) { b += len; if (b < lo) b = lo; }
        else if (b > hi) b = hi;
    }
    *start = a;
    *stop = b;
    *step = st;
    return 0;
}
static int64_t slice_len(int64_t a, int64_t b, int64_t st) {
    if (st > 0) return a < b ? (b - a - 1) / st + 1 : 0;
    return a > b ? (a - b - 1) / -st + 1 : 0;
}

/* Byte offset of code point i in a UTF-8 string (i in range). */
static int64_t cp_offset(const OStr *s, int64_t i) {
    int64_t cp = -1;
    for (int64_t k = 0; k < s->len; k++) {
        if (((unsigned char)s->s[k] & 0xC0) != 0x80 && ++cp == i) return k;
    }
    return s->len;
}

Val seq_getslice(Val obj, OSlice *s) {
    int64_t len = obj.t == T_STR ? str_cplen(STR(obj)) : (obj.t == T_BYTES ? STR(obj)->len : LIST(obj)->n);
    int64_t a, b, st;
    if (slice_indices(s, len, &a, &b, &st) < 0) return VERR;
    int64_t n = slice_len(a, b, st);
    if (obj.t == T_STR || obj.t == T_BYTES) {
        SB sb = {0};
        bool ascii = obj.t == T_BYTES || str_cplen(STR(obj)) == STR(obj)->len;
        for (int64_t k = 0; k < n; k++) {
            int64_t i = a + k * st;
            if (ascii) sb_putc(&sb, STR(obj)->s[i]);
            else {
                int64_t o = cp_offset(STR(obj), i), e = cp_offset(STR(obj), i + 1);
                sb_putn(&sb, STR(obj)->s + o, (size_t)(e - o));
            }
        }
        Val r = obj.t == T_STR ? mk_str(sb.s ? sb.s : "", (int64_t)sb.n) : mk_bytes(sb.s ? sb.s : "", (int64_t)sb.n);
        free(sb.s);
        return r;
    }
    Val r = obj.t == T_LIST ? mk_list(n) : mk_tuple(n);
    for (int64_t k = 0; k < n; k++) LIST(r)->v[k] = incref(LIST(obj)->v[a + k * st]);
    return r;
}

static int seq_index(Val idx, int64_t len, int64_t *out, const char *what) {
    int64_t i;
    if (idx.t == T_BIG) { raise_exc(IndexErrorT, "cannot fit 'int' into an index-sized integer"); return -1; }
    if (idx.t != T_INT && idx.t != T_BOOL && idx.t != T_SCALAR) {
        raise_exc(TypeErrorT, "%s indices must be integers or slices, not %s", what, type_name(idx));
        return -1;
    }
    if (to_int64(idx, &i, NULL) < 0) return -1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) { raise_exc(IndexErrorT, "%s index out of range", what); return -1; }
    *out = i;
    return 0;
}

static Val key_error(Val key) {
    Val e = call_val(VOBJ(KeyErrorT), 1, &key, NULL);
    return raise_val(e);
}

Val subscript(Val obj, Val idx) {
    int64_t i;
    switch (obj.t) {
    case T_ARRAY: return array_getitem(obj, idx);
    case T_MISC:
        if (is_flatiter(obj)) return flatiter_getitem(obj, idx);
        if (is_index_trick(obj)) return index_trick_getitem(obj, idx);
        return raise_exc(TypeErrorT, "'%s' object is not subscriptable", type_name(obj));
    case T_DTYPE: return rec_dtype_getitem(((ODtype *)obj.o)->dt, idx); /* dt['x'] */
    case T_LIST: case T_TUPLE:
        if (idx.t == T_SLICE) return seq_getslice(obj, (OSlice *)idx.o);
        if (seq_index(idx, LIST(obj)->n, &i, obj.t == T_LIST ? "list" : "tuple") < 0) return VERR;
        return incref(LIST(obj)->v[i]);
    case T_STR:
        if (idx.t == T_SLICE) return seq_getslice(obj, (OSlice *)idx.o);
        if (seq_index(idx, str_cplen(STR(obj)), &i, "string") < 0) return VERR;
        {
            int64_t o = cp_offset(STR(obj), i), e = cp_offset(STR(obj), i + 1);
            return mk_str(STR(obj)->s + o, e - o);
        }
    case T_BYTES:
        if (idx.t == T_SLICE) return seq_getslice(obj, (OSlice *)idx.o);
        if (seq_index(idx, STR(obj)->len, &i, "index") < 0) return VERR;
        return VINT((unsigned char)STR(obj)->s[i]);
    case T_DICT: {
        bool found;
        Val v = dict_get(obj, idx, &found);
        if (ISERR(v)) return v;
        if (!found) return key_error(idx);
        return incref(v);
    }
    case T_RANGE: {
        ORange *r = (ORange *)obj.o;
        int64_t len = r->step > 0 ? (r->stop > r->start ? (r->stop - r->start - 1) / r->step + 1 : 0)
                                  : (r->start > r->stop ? (r->start - r->stop - 1) / -r->step + 1 : 0);
        if (seq_index(idx, len, &i, "range object") < 0) return VERR;
        return VINT(r->start + i * r->step);
    }
    case T_FLAGS: return flags_getitem(obj, idx);
    case T_SCALAR: return scalar_getitem(obj, idx);
    case T_TYPE:
        return raise_exc(TypeErrorT, "type '%s' is not subscriptable", TYPE(obj)->name);
    default:
        return raise_exc(TypeErrorT, "'%s' object is not subscriptable", type_name(obj));
    }
}

int store_subscript(Val obj, Val idx, Val v) {
    int64_t i;
    switch (obj.t) {
    case T_ARRAY: return array_store(obj, idx, v);
    case T_MISC:
        if (is_flatiter(obj)) return flatiter_store(obj, idx, v);
        raise_exc(TypeErrorT, "'%s' object does not support item assignment", type_name(obj));
        return -1;
    case T_LIST:
        if (idx.t == T_SLICE) {
            int64_t a, b, st, len = LIST(obj)->n;
            if (slice_indices((OSlice *)idx.o, len, &a, &b, &st) < 0) return -1;
            Val items = to_list(v);
            if (ISERR(items)) return -1;
            OList *l = LIST(obj), *it = LIST(items);
            if (st != 1) {
                int64_t n = slice_len(a, b, st);
                if (n != it->n) {
                    decref(items);
                    raise_exc(ValueErrorT, "attempt to assign sequence of size %lld to extended slice of size %lld",
                              (long long)it->n, (long long)n);
                    return -1;
                }
                for (int64_t k = 0; k < n; k++) {
                    decref(l->v[a + k * st]);
                    l->v[a + k * st] = incref(it->v[k]);
                }
                decref(items);
                return 0;
            }
            if (b < a) b = a;
            Val nl = mk_list(0);
            for (int64_t k = 0; k < a; k++) list_append(nl, incref(l->v[k]));
            for (int64_t k = 0; k < it->n; k++) list_append(nl, incref(it->v[k]));
            for (int64_t k = b; k < len; k++) list_append(nl, incref(l->v[k]));
            for (int64_t k = 0; k < len; k++) decref(l->v[k]);
            free(l->v);
            l->v = LIST(nl)->v;
            l->n = LIST(nl)->n;
            l->cap = LIST(nl)->cap;
            LIST(nl)->v = NULL;
            LIST(nl)->n = 0;
            decref(nl);
            decref(items);
            return 0;
        }
        if (seq_index(idx, LIST(obj)->n, &i, "list assignment") < 0) return -1;
        decref(LIST(obj)->v[i]);
        LIST(obj)->v[i] = incref(v);
        return 0;
    case T_DICT: return dict_set(obj, idx, v);
    case T_FLAGS: return flags_setitem(obj, idx, v);
    default:
        raise_exc(TypeErrorT, "'%s' object does not support item assignment", type_name(obj));
        return -1;
    }
}

int del_subscript(Val obj, Val idx) {
    int64_t i;
    if (obj.t == T_LIST) {
        OList *l = LIST(obj);
        if (idx.t == T_SLICE) {
            int64_t a, b, st;
            if (slice_indices((OSlice *)idx.o, l->n, &a, &b, &st) < 0) return -1;
            int64_t n = slice_len(a, b, st);
            bool *kill = calloc((size_t)l->n + 1, 1);
            if (!kill) abort();
            for (int64_t k = 0; k < n; k++) kill[a + k * st] = true;
            int64_t o = 0;
            for (int64_t k = 0; k < l->n; k++) {
                if (kill[k]) decref(l->v[k]);
                else l->v[o++] = l->v[k];
            }
            l->n = o;
            free(kill);
            return 0;
        }
        if (seq_index(idx, l->n, &i, "list assignment") < 0) return -1;
        decref(l->v[i]);
        memmove(l->v + i, l->v + i + 1, sizeof(Val) * (size_t)(l->n - i - 1));
        l->n--;
        return 0;
    }
    if (obj.t == T_DICT) {
        int r = dict_del(obj, idx);
        if (r == 0) { key_error(idx); return -1; }
        return r < 0 ? -1 : 0;
    }
    raise_exc(TypeErrorT, "'%s' object doesn't support item deletion", type_name(obj));
    return -1;
}

/* ---------- iteration ---------- */
enum { IT_SEQ, IT_RANGE, IT_ARRAY, IT_LAZY };

Val mk_lazy_iter(Val src, int64_t n, IterFn next) {
    OIter *it = obj_new(T_ITER, sizeof *it);
    it->src = incref(src);
    it->kind = IT_LAZY;
    it->n = n;
    it->next = next;
    return VOBJ(it);
}

Val get_iter(Val v) {
    OIter *it;
    switch (v.t) {
    case T_LIST: case T_TUPLE:
        it = obj_new(T_ITER, sizeof *it);
        it->src = incref(v);
        it->kind = IT_SEQ;
        return VOBJ(it);
    case T_RANGE: {
        ORange *r = (ORange *)v.o;
        it = obj_new(T_ITER, sizeof *it);
        it->src = incref(v);
        it->kind = IT_RANGE;
        it->pos = r->start;
        return VOBJ(it);
    }
    case T_ARRAY:
        if (((OArray *)v.o)->void_scalar) { /* a numpy.void iterates over its fields */
            int n = nd_dtype_nfields(nd_array_dtype(ARR(v)));
            Val t = mk_tuple(n);
            for (int i = 0; i < n; i++) {
                Val f = array_getitem(v, VINT(i));
                if (ISERR(f)) {
                    decref(t);
                    return f;
                }
                LIST(t)->v[i] = f;
            }
            Val r = get_iter(t);
            decref(t);
            return r;
        }
        if (nd_ndim(ARR(v)) == 0) return raise_exc(TypeErrorT, "iteration over a 0-d array");
        it = obj_new(T_ITER, sizeof *it);
        it->src = incref(v);
        it->kind = IT_ARRAY;
        it->n = nd_shape(ARR(v))[0];
        return VOBJ(it);
    case T_ITER: return incref(v);
    case T_MISC:
        if (is_broadcast(v)) return broadcast_iter(v);
        if (is_flatiter(v)) {
            nd_array *f = flatiter_array(v);
            if (!f) return raise_nd();
            Val fv = mk_array(f), r = get_iter(fv);
            decref(fv);
            return r;
        }
        return raise_exc(TypeErrorT, "'%s' object is not iterable", type_name(v));
    case T_STR: case T_BYTES: case T_DICT: {
        Val l = to_list(v);
        if (ISERR(l)) return l;
        Val r = get_iter(l);
        decref(l);
        return r;
    }
    default: return raise_exc(TypeErrorT, "'%s' object is not iterable", type_name(v));
    }
}

Val iter_next(Val itv, bool *done) {
    OIter *it = (OIter *)itv.o;
    *done = false;
    switch (it->kind) {
    case IT_SEQ:
        if (it->pos >= LIST(it->src)->n) { *done = true; return VNONE; }
        return incref(LIST(it->src)->v[it->pos++]);
    case IT_RANGE: {
        ORange *r = (ORange *)it->src.o;
        if (r->step > 0 ? it->pos >= r->stop : it->pos <= r->stop) { *done = true; return VNONE; }
        int64_t x = it->pos;
        it->pos += r->step;
        return VINT(x);
    }
    case IT_LAZY:
        if (it->pos >= it->n) { *done = true; return VNONE; }
        return it->next(it->src, it->pos++);
    default:
        if (it->pos >= it->n) { *done = true; return VNONE; }
        return array_getitem(it->src, VINT(it->pos++));
    }
}

Val to_list(Val v) {
    if (v.t == T_LIST || v.t == T_TUPLE) {
        Val l = mk_list(LIST(v)->n);
        for (int64_t i = 0; i < LIST(v)->n; i++) LIST(l)->v[i] = incref(LIST(v)->v[i]);
        return l;
    }
    if (v.t == T_STR) {
        Val l = mk_list(0);
        const OStr *s = STR(v);
        for (int64_t i = 0; i < s->len;) {
            int64_t j = i + 1;
            while (j < s->len && ((unsigned char)s->s[j] & 0xC0) == 0x80) j++;
            list_append(l, mk_str(s->s + i, j - i));
            i = j;
        }
        return l;
    }
    if (v.t == T_BYTES) {
        Val l = mk_list(STR(v)->len);
        for (int64_t i = 0; i < STR(v)->len; i++) LIST(l)->v[i] = VINT((unsigned char)STR(v)->s[i]);
        return l;
    }
    if (v.t == T_DICT) {
        Val l = mk_list(0);
        ODict *d = DICT(v);
        for (int64_t i = 0; i < d->used; i++) if (d->e[i].k.t != T_ERR) list_append(l, incref(d->e[i].k));
        return l;
    }
    if (v.t == T_RANGE) {
        ORange *r = (ORange *)v.o;
        int64_t n = r->step > 0 ? (r->stop > r->start ? (r->stop - r->start - 1) / r->step + 1 : 0)
                                : (r->start > r->stop ? (r->start - r->stop - 1) / -r->step + 1 : 0);
        if (n > ((int64_t)1 << 31)) return raise_exc(MemoryErrorT, "range too large to materialise");
        Val l = mk_list(n);
        if (ISERR(l)) return l;
        for (int64_t i = 0; i < n; i++) LIST(l)->v[i] = VINT(r->start + i * r->step);
        return l;
    }
    Val it = get_iter(v);
    if (ISERR(it)) return it;
    Val l = mk_list(0);
    for (;;) {
        bool done;
        Val x = iter_next(it, &done);
        if (done) break;
        if (ISERR(x)) { decref(l); decref(it); return VERR; }
        list_append(l, x);
    }
    decref(it);
    return l;
}

Val contains(Val c, Val item) {
    switch (c.t) {
    case T_LIST: case T_TUPLE:
        for (int64_t i = 0; i < LIST(c)->n; i++) {
            int e = val_eq(LIST(c)->v[i], item);
            if (e < 0) return VERR;
            if (e) return VBOOL(1);
        }
        return VBOOL(0);
    case T_STR: case T_BYTES:
        if (item.t != c.t) return raise_exc(TypeErrorT, "'in <string>' requires string as left operand, not %s", type_name(item));
        if (!STR(item)->len) return VBOOL(1);
        return VBOOL(memmem(STR(c)->s, (size_t)STR(c)->len, STR(item)->s, (size_t)STR(item)->len) != NULL);
    case T_DICT: {
        bool found;
        Val v = dict_get(c, item, &found);
        if (ISERR(v)) return v;
        return VBOOL(found);
    }
    case T_RANGE: {
        ORange *r = (ORange *)c.o;
        if (item.t != T_INT && item.t != T_BOOL) return VBOOL(0);
        int64_t x = item.i;
        bool in = r->step > 0 ? (x >= r->start && x < r->stop) : (x <= r->start && x > r->stop);
        return VBOOL(in && (x - r->start) % r->step == 0);
    }
    case T_MISC:
        if (is_flatiter(c)) {
            nd_array *f = flatiter_array(c);
            if (!f) return raise_nd();
            Val fv = mk_array(f), r = contains(fv, item);
            decref(fv);
            return r;
        }
        return raise_exc(TypeErrorT, "argument of type '%s' is not iterable", type_name(c));
    case T_ARRAY: {
        Val eq = array_binop(OP_EQ, c, item, NULL);
        if (ISERR(eq)) return eq;
        Val r = call_method(eq, "any", 0, NULL, NULL);
        decref(eq);
        if (ISERR(r)) return r;
        int t = val_truth(r);
        decref(r);
        return t < 0 ? VERR : VBOOL(t);
    }
    default: return raise_exc(TypeErrorT, "argument of type '%s' is not iterable", type_name(c));
    }
}
