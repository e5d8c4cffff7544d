/* value.c — the value model: heap objects and their refcounts, strings,
 * lists, tuples, dicts, hashing and equality, and the type objects
 * (Python's built-in types and exception hierarchy, NumPy's scalar types). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

void *obj_new(int tag, size_t size) {
    Obj *o = calloc(1, size);
    if (!o) {
        fputs("nd: out of memory\n", stderr);
        exit(1);
    }
    o->tag = tag;
    o->rc = 1;
    return o;
}

/* Freeing a deeply nested structure would recurse once per level: past a
   few hundred levels objects wait on a list the outermost call drains. */
static _Thread_local int free_depth;
static _Thread_local Obj **free_later;
static _Thread_local size_t n_later, cap_later;

static void obj_free_now(Obj *o);

/* NumPy scalars come and go once per arithmetic operation in scalar
   loops: freed ones wait here for reuse instead of going back to malloc. */
#define SCALAR_POOL 64
static _Thread_local OScalar *scalar_pool[SCALAR_POOL];
static _Thread_local int n_scalar_pool;

void obj_free(Obj *o) {
    if (free_depth >= 256) {
        if (n_later == cap_later) {
            size_t nc = cap_later ? cap_later * 2 : 256;
            Obj **nl = realloc(free_later, nc * sizeof *nl);
            if (!nl) { fputs("nd: out of memory\n", stderr); exit(1); }
            free_later = nl;
            cap_later = nc;
        }
        free_later[n_later++] = o;
        return;
    }
    free_depth++;
    obj_free_now(o);
    free_depth--;
    if (free_depth == 0)
        while (n_later) {
            Obj *x = free_later[--n_later];
            free_depth++;
            obj_free_now(x);
            free_depth--;
        }
}

static void obj_free_now(Obj *o) {
    switch (o->tag) {
    case T_LIST: case T_TUPLE: {
        OList *l = (OList *)o;
        for (int64_t i = 0; i < l->n; i++) decref(l->v[i]);
        free(l->v);
        break;
    }
    case T_DICT: {
        ODict *d = (ODict *)o;
        for (int64_t i = 0; i < d->used; i++)
            if (d->e[i].k.t != T_ERR) { decref(d->e[i].k); decref(d->e[i].v); }
        free(d->e);
        free(d->idx);
        break;
    }
    case T_SLICE: {
        OSlice *s = (OSlice *)o;
        decref(s->start); decref(s->stop); decref(s->step);
        break;
    }
    case T_FUNC: func_free(o); break;
    case T_BUILTIN: decref(((OBuiltin *)o)->self); break;
    case T_UFUNC: decref(((OUfunc *)o)->self); break;
    case T_EXC: decref(((OExc *)o)->args); break;
    case T_ITER: decref(((OIter *)o)->src); break;
    case T_ARRAY: nd_release(((OArray *)o)->a); break;
    case T_FLAGS: nd_release(((OFlags *)o)->a); break;
    case T_DTYPE: nd_dtype_release(((ODtype *)o)->dt); break;
    case T_MISC:
        if (is_random_state(VOBJ(o))) random_state_free(VOBJ(o)); /* a holds the generator */
        if (is_generator(VOBJ(o))) generator_free(VOBJ(o));
        decref(((OMisc *)o)->a);
        decref(((OMisc *)o)->b);
        break;
    case T_MODULE: decref(VOBJ(((OModule *)o)->attrs)); break;
    case T_SCALAR:
        if (n_scalar_pool < SCALAR_POOL) { scalar_pool[n_scalar_pool++] = (OScalar *)o; return; }
        break;
    default: break;
    }
    free(o);
}

Val mk_int(i128 x) {
    if (x >= INT64_MIN && x <= INT64_MAX) return VINT((int64_t)x);
    OBig *b = obj_new(T_BIG, sizeof *b);
    b->val = x;
    return VOBJ(b);
}
Val big_overflow(void) { return raise_exc(OverflowErrorT, "Python int too large for nd (ints are limited to 128 bits)"); }

int int_digits(i128 x, int base, bool upper, char *buf) {
    unsigned __int128 u = x < 0 ? (unsigned __int128)0 - (unsigned __int128)x : (unsigned __int128)x;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[130];
    int n = 0;
    do { tmp[n++] = dig[u % (unsigned)base]; u /= (unsigned)base; } while (u);
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = 0;
    return n;
}

int parse_int128(const char *s, int base, i128 *out) {
    bool neg = false;
    if (*s == '+' || *s == '-') neg = *s++ == '-';
    if (!*s) return -1;
    unsigned __int128 u = 0, lim = ((unsigned __int128)1 << 127) - (neg ? 0 : 1);
    bool over = false;
    for (; *s; s++) {
        int c = (unsigned char)*s;
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
        if (d >= base) return -1;
        if (u > (lim - (unsigned)d) / (unsigned)base) over = true;
        else u = u * (unsigned)base + (unsigned)d;
    }
    if (over) return -2;
    *out = neg ? (i128)((unsigned __int128)0 - u) : (i128)u;
    return 0;
}

uint64_t hash_bytes(const char *s, int64_t n) {
    uint64_t h = 1469598103934665603ull;
    for (int64_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static Val mk_strt(int tag, const char *s, int64_t len) {
    OStr *o = obj_new(tag, sizeof *o + (size_t)len + 1);
    o->len = len;
    if (len) memcpy(o->s, s, (size_t)len);
    o->s[len] = 0;
    o->hash = 0;
    return VOBJ(o);
}
Val mk_str(const char *s, int64_t len) { return mk_strt(T_STR, s, len); }
Val mk_cstr(const char *s) { return mk_strt(T_STR, s, (int64_t)strlen(s)); }
Val mk_bytes(const char *s, int64_t len) { return mk_strt(T_BYTES, s, len); }
Val mk_strf(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof buf) return mk_str(buf, n);
    char *big = malloc((size_t)n + 1);
    if (!big) abort();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    Val v = mk_str(big, n);
    free(big);
    return v;
}
Val str_take(char *s) {
    if (!s) return raise_nd();
    Val v = mk_cstr(s);
    nd_free(s);
    return v;
}
int64_t str_cplen(const OStr *s) {
    int64_t n = 0;
    for (int64_t i = 0; i < s->len; i++) n += ((unsigned char)s->s[i] & 0xC0) != 0x80;
    return n;
}

Val mk_complex(double re, double im) {
    OComplex *c = obj_new(T_COMPLEX, sizeof *c);
    c->re = re;
    c->im = im;
    return VOBJ(c);
}

static Val mk_seq(int tag, int64_t n) {
    OList *l = obj_new(tag, sizeof *l);
    l->n = n;
    l->cap = n ? n : 4;
    l->v = malloc(sizeof(Val) * (size_t)l->cap);
    if (!l->v) { free(l); return raise_exc(MemoryErrorT, "cannot allocate a list of %lld items", (long long)n); }
    for (int64_t i = 0; i < n; i++) l->v[i] = VNONE;
    return VOBJ(l);
}
Val mk_list(int64_t n) { return mk_seq(T_LIST, n); }
Val mk_tuple(int64_t n) { return mk_seq(T_TUPLE, n); }
Val mk_tuple2(Val a, Val b) {
    Val t = mk_tuple(2);
    LIST(t)->v[0] = a;
    LIST(t)->v[1] = b;
    return t;
}
void list_append(Val list, Val item) {
    OList *l = LIST(list);
    if (l->n == l->cap) {
        int64_t nc = l->cap * 2;
        Val *nv = realloc(l->v, sizeof(Val) * (size_t)nc);
        if (!nv) { fputs("nd: out of memory\n", stderr); exit(1); }
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = item;
}

/* ---- dict: insertion-ordered entries + open-addressing index ---- */
Val mk_dict(void) {
    ODict *d = obj_new(T_DICT, sizeof(ODict));
    return VOBJ(d);
}

static void dict_reindex(ODict *d, int64_t icap) {
    free(d->idx);
    d->idx = malloc(sizeof(int64_t) * (size_t)icap);
    if (!d->idx) abort();
    for (int64_t i = 0; i < icap; i++) d->idx[i] = -1;
    d->icap = icap;
    for (int64_t i = 0; i < d->used; i++) {
        if (d->e[i].k.t == T_ERR) continue;
        int64_t j = (int64_t)(d->e[i].hash & (uint64_t)(icap - 1));
        while (d->idx[j] >= 0) j = (j + 1) & (icap - 1);
        d->idx[j] = i;
    }
}
static int64_t dict_find(ODict *d, Val k, uint64_t h, int *err) {
    *err = 0;
    if (!d->icap) return -1;
    for (int64_t j = (int64_t)(h & (uint64_t)(d->icap - 1));; j = (j + 1) & (d->icap - 1)) {
        int64_t i = d->idx[j];
        if (i < 0) return -1;
        if (d->e[i].k.t == T_ERR || d->e[i].hash != h) continue;
        int eq = val_eq(d->e[i].k, k);
        if (eq < 0) { *err = 1; return -1; }
        if (eq) return i;
    }
}
int dict_set(Val dv, Val k, Val v) {
    ODict *d = DICT(dv);
    uint64_t h;
    int err;
    if (val_hash(k, &h) < 0) return -1;
    int64_t i = dict_find(d, k, h, &err);
    if (err) return -1;
    if (i >= 0) {
        Val old = d->e[i].v;
        d->e[i].v = incref(v);
        decref(old);
        return 0;
    }
    if (d->used == d->cap) {
        int64_t nc = d->cap ? d->cap * 2 : 8;
        DEnt *ne = realloc(d->e, sizeof(DEnt) * (size_t)nc);
        if (!ne) abort();
        d->e = ne;
        d->cap = nc;
    }
    d->e[d->used] = (DEnt){incref(k), incref(v), h};
    d->used++;
    d->n++;
    if (d->used * 2 >= d->icap) dict_reindex(d, d->icap ? d->icap * 4 : 16);
    else {
        int64_t j = (int64_t)(h & (uint64_t)(d->icap - 1));
        while (d->idx[j] >= 0) j = (j + 1) & (d->icap - 1);
        d->idx[j] = d->used - 1;
    }
    return 0;
}
Val dict_get(Val dv, Val k, bool *found) {
    uint64_t h;
    int err;
    *found = false;
    if (val_hash(k, &h) < 0) return VERR;
    int64_t i = dict_find(DICT(dv), k, h, &err);
    if (err) return VERR;
    if (i < 0) return VNONE;
    *found = true;
    return DICT(dv)->e[i].v;
}
int dict_del(Val dv, Val k) {
    ODict *d = DICT(dv);
    uint64_t h;
    int err;
    if (val_hash(k, &h) < 0) return -1;
    int64_t i = dict_find(d, k, h, &err);
    if (err) return -1;
    if (i < 0) return 0;
    decref(d->e[i].k);
    decref(d->e[i].v);
    d->e[i].k = VERR;
    d->n--;
    dict_reindex(d, d->icap);
    return 1;
}

Val mk_slice(Val a, Val b, Val c) {
    OSlice *s = obj_new(T_SLICE, sizeof *s);
    s->start = a;
    s->stop = b;
    s->step = c;
    return VOBJ(s);
}
Val mk_array(nd_array *a) {
    if (!a) return raise_nd();
    OArray *o = obj_new(T_ARRAY, sizeof *o);
    o->a = a;
    return VOBJ(o);
}
Val mk_void(nd_array *a) {
    Val v = mk_array(a);
    if (!ISERR(v)) ((OArray *)v.o)->void_scalar = true;
    return v;
}
Val mk_scalar(nd_value v) {
    OScalar *o;
    if (n_scalar_pool) {
        o = scalar_pool[--n_scalar_pool];
        o->h.rc = 1;
    } else {
        o = obj_new(T_SCALAR, sizeof *o);
    }
    o->v = v;
    return VOBJ(o);
}
Val mk_dtype(const nd_dtype *dt) {
    ODtype *o = obj_new(T_DTYPE, sizeof *o);
    o->dt = nd_dtype_retain(dt);
    return VOBJ(o);
}
Val mk_builtin(const char *name, BFn fn, Val self) {
    OBuiltin *b = obj_new(T_BUILTIN, sizeof *b);
    b->name = name;
    b->fn = fn;
    b->self = incref(self);
    return VOBJ(b);
}
Val mk_misc(const char *kind, Val a, Val b) {
    OMisc *m = obj_new(T_MISC, sizeof *m);
    m->kind = kind;
    m->a = incref(a);
    m->b = incref(b);
    return VOBJ(m);
}

/* ---- hashing and equality (enough for dict keys) ---- */
static uint64_t hash_double(double d) {
    if (d == floor(d) && fabs(d) < 9.2e18) return (uint64_t)(int64_t)d;
    uint64_t u;
    memcpy(&u, &d, 8);
    return u * 0x9E3779B97F4A7C15ull;
}
int val_hash(Val v, uint64_t *out) {
    switch (v.t) {
    case T_NONE: *out = 0x1234567; return 0;
    case T_BOOL: case T_INT: *out = (uint64_t)v.i; return 0;
    case T_FLOAT: *out = hash_double(v.f); return 0;
    case T_BIG: *out = hash_double((double)BIG(v)); return 0; /* equal floats and uint64 scalars hash alike */
    case T_STR: case T_BYTES: {
        OStr *s = STR(v);
        if (!s->hash) s->hash = hash_bytes(s->s, s->len) | 1;
        *out = s->hash;
        return 0;
    }
    case T_TUPLE: {
        uint64_t h = 0x345678;
        if (stack_exhausted()) {
            raise_exc(RecursionErrorT, "maximum recursion depth exceeded while calling a Python object");
            return -1;
        }
        for (int64_t i = 0; i < LIST(v)->n; i++) {
            uint64_t x;
            if (val_hash(LIST(v)->v[i], &x) < 0) return -1;
            h = (h ^ x) * 1000003;
        }
        *out = h;
        return 0;
    }
    case T_SCALAR: {
        nd_value x = SCAL(v);
        nd_value f = nd_value_cast(x, ND_FLOAT64);
        *out = hash_double(f.f);
        return 0;
    }
    case T_COMPLEX: *out = hash_double(((OComplex *)v.o)->re) ^ hash_double(((OComplex *)v.o)->im) * 1000003; return 0;
    case T_TYPE: case T_FUNC: case T_BUILTIN: case T_MODULE: case T_DTYPE: case T_ELLIPSIS: case T_UFUNC:
        *out = (uint64_t)(uintptr_t)v.o * 31;
        return 0;
    default:
        raise_exc(TypeErrorT, "unhashable type: '%s'", type_name(v));
        return -1;
    }
}

bool val_is(Val a, Val b) {
    if (a.t != b.t) return false;
    switch (a.t) {
    case T_NONE: case T_ELLIPSIS: return true;
    case T_BOOL: case T_INT: return a.i == b.i;
    case T_FLOAT: return a.f == b.f;
    case T_ARRAY: return ARR(a) == ARR(b); /* one header is one ndarray object */
    case T_BIG: return BIG(a) == BIG(b); /* small ints are values too */
    default: return a.o == b.o;
    }
}

int val_eq(Val a, Val b) {
    if (val_is(a, b) && a.t != T_FLOAT) return 1;
    if ((a.t == T_LIST || a.t == T_TUPLE) && stack_exhausted()) {
        raise_exc(RecursionErrorT, "maximum recursion depth exceeded in comparison");
        return -1;
    }
    bool an = a.t == T_INT || a.t == T_BOOL || a.t == T_FLOAT, bn = b.t == T_INT || b.t == T_BOOL || b.t == T_FLOAT;
    if ((a.t == T_BIG || b.t == T_BIG) && (an || a.t == T_BIG) && (bn || b.t == T_BIG)) {
        if (a.t == T_FLOAT || b.t == T_FLOAT) {
            double f = a.t == T_FLOAT ? a.f : b.f;
            i128 x = int_of(a.t == T_FLOAT ? b : a);
            return f == (double)x && f < 1.7e38 && (i128)f == x; /* exact */
        }
        return int_of(a) == int_of(b);
    }
    if (an && bn) {
        if (a.t != T_FLOAT && b.t != T_FLOAT) return a.i == b.i;
        double x = a.t == T_FLOAT ? a.f : (double)a.i, y = b.t == T_FLOAT ? b.f : (double)b.i;
        return x == y;
    }
    if ((a.t == T_STR && b.t == T_STR) || (a.t == T_BYTES && b.t == T_BYTES))
        return STR(a)->len == STR(b)->len && memcmp(STR(a)->s, STR(b)->s, (size_t)STR(a)->len) == 0;
    if ((a.t == T_LIST && b.t == T_LIST) || (a.t == T_TUPLE && b.t == T_TUPLE)) {
        if (LIST(a)->n != LIST(b)->n) return 0;
        for (int64_t i = 0; i < LIST(a)->n; i++) {
            int e = val_eq(LIST(a)->v[i], LIST(b)->v[i]);
            if (e != 1) return e;
        }
        return 1;
    }
    if (a.t == T_SCALAR || b.t == T_SCALAR || a.t == T_COMPLEX || b.t == T_COMPLEX || a.t == T_DTYPE || b.t == T_DTYPE ||
        (a.t == T_DICT && b.t == T_DICT)) {
        Val r = compare(OP_EQ, a, b);
        if (ISERR(r)) return -1;
        int t = val_truth(r);
        decref(r);
        return t;
    }
    return 0;
}

int val_truth(Val v) {
    switch (v.t) {
    case T_NONE: return 0;
    case T_BOOL: case T_INT: return v.i != 0;
    case T_BIG: return 1; /* never zero */
    case T_FLOAT: return v.f != 0;
    case T_COMPLEX: return ((OComplex *)v.o)->re != 0 || ((OComplex *)v.o)->im != 0;
    case T_STR: case T_BYTES: return STR(v)->len != 0;
    case T_LIST: case T_TUPLE: return LIST(v)->n != 0;
    case T_DICT: return DICT(v)->n != 0;
    case T_RANGE: {
        ORange *r = (ORange *)v.o;
        return r->step > 0 ? r->start < r->stop : r->start > r->stop;
    }
    case T_SCALAR: {
        nd_value x = SCAL(v);
        return nd_value_cast(x, ND_BOOL).b;
    }
    case T_ARRAY: {
        nd_array *a = ARR(v);
        if (nd_size(a) == 1) {
            nd_value x;
            nd_item(a, INT64_MIN, &x);
            return nd_value_cast(x, ND_BOOL).b;
        }
        if (nd_size(a) == 0) return 0;
        raise_exc(ValueErrorT, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
        return -1;
    }
    default: return 1;
    }
}

/* ---- type objects ---- */
enum {
#define TY(var, nm, ql, base, kind, nt) I_##var,
#define EX(var, nm, base) I_##var,
#include "types.def"
#undef TY
#undef EX
    I_COUNT
};
/* A root type names itself as its base; type_is_sub stops there. */
static OType types[] = {
#define TY(var, nm, ql, base, kind, nt) {{T_TYPE, -1}, nm, ql, &types[I_##base], kind, nt},
#define EX(var, nm, base) {{T_TYPE, -1}, #nm, #nm, &types[I_##base], TK_EXC, -1},
#include "types.def"
#undef TY
#undef EX
};
#define TY(var, nm, ql, base, kind, nt) OType *const var##T = &types[I_##var];
#define EX(var, nm, base) OType *const var##T = &types[I_##var];
#include "types.def"
#undef TY
#undef EX

static void types_init(void) {}
OType *type_by_index(int i) { types_init(); return i >= 0 && i < I_COUNT ? &types[i] : NULL; }
int type_count(void) { return I_COUNT; }

OType *exc_class_by_name(const char *name) {
    types_init();
    for (int i = 0; i < I_COUNT; i++)
        if (types[i].kind == TK_EXC && (strcmp(types[i].name, name) == 0 || (name[0] == '_' && strstr(types[i].qual, name))))
            return &types[i];
    return NULL;
}

OType *np_scalar_type(nd_type t) {
    types_init();
    for (int i = 0; i < I_COUNT; i++)
        if (types[i].kind == TK_NPSCALAR && types[i].nt == (int)t) return &types[i];
    return GenericT;
}

bool type_is_sub(OType *t, OType *base) {
    types_init();
    for (;; t = t->base) {
        if (t == base) return true;
        /* numpy.float64 is also a Python float, numpy.bool_ is not an int */
        if (t->kind == TK_NPSCALAR && t->nt == ND_FLOAT64 && base == FloatT) return true;
        if (t->kind == TK_NPSCALAR && t->nt == ND_COMPLEX128 && base == ComplexT) return true;
        if (t == AxisErrorT && base == IndexErrorT) return true;
        if (t->base == t) return false;
    }
    return false;
}

OType *type_of(Val v) {
    types_init();
    switch (v.t) {
    case T_NONE: return NoneTypeT;
    case T_BOOL: return BoolT;
    case T_INT: case T_BIG: return IntT;
    case T_FLOAT: return FloatT;
    case T_ELLIPSIS: return EllipsisT;
    case T_COMPLEX: return ComplexT;
    case T_STR: return StrT;
    case T_BYTES: return BytesT;
    case T_LIST: return ListT;
    case T_TUPLE: return TupleT;
    case T_DICT: return DictT;
    case T_SLICE: return SliceT;
    case T_RANGE: return RangeT;
    case T_FUNC: return FunctionT;
    case T_BUILTIN: return BuiltinT;
    case T_TYPE: return TypeT;
    case T_MODULE: return ModuleT;
    case T_EXC: return EXC(v)->cls;
    case T_ITER: return IterT;
    case T_ARRAY: return ((OArray *)v.o)->void_scalar ? NpVoidT : nd_is_memmap(ARR(v)) ? MemmapT : NdarrayT;
    case T_SCALAR: return np_scalar_type(SCAL(v).type);
    case T_DTYPE: return DtypeT;
    case T_FLAGS: return FlagsT;
    case T_UFUNC: return UfuncT;
    case T_MISC:
        if (!strcmp(((OMisc *)v.o)->kind, "iinfo")) return IinfoT;
        if (!strcmp(((OMisc *)v.o)->kind, "finfo")) return FinfoT;
        if (!strcmp(((OMisc *)v.o)->kind, "numpy.flatiter")) return FlatiterT;
        return MiscT;
    default: return MiscT;
    }
}

const char *type_name(Val v) {
    if (v.t == T_MISC) return ((OMisc *)v.o)->kind;
    return type_of(v)->name;
}

bool isinstance_t(Val v, OType *t) { return type_is_sub(type_of(v), t); }
