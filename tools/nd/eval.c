/* eval.c — the tree-walking evaluator: scopes, statements, expressions,
 * calls, exceptions and imports. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

_Thread_local int cur_line;
_Thread_local const char *cur_file = "<string>";
static _Thread_local Val pending;   /* the exception being raised */
static _Thread_local Val handling;  /* the exception an except block is handling (bare raise) */
static _Thread_local int depth;     /* Python call depth */
volatile sig_atomic_t nd_interrupted;
#define MAX_DEPTH 1000

/* ---------- scopes ---------- */
typedef struct Env {
    long rc;
    struct Env *parent;
    int n, cap, used;
    const char **k;
    Val *v;
} Env;
static const char TOMB[1];

static Env *env_new(Env *parent) {
    Env *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    e->rc = 1;
    e->parent = parent;
    if (parent) parent->rc++;
    return e;
}
static void env_release(Env *e) {
    while (e && --e->rc == 0) {
        Env *p = e->parent;
        for (int i = 0; i < e->cap; i++)
            if (e->k[i] && e->k[i] != TOMB) decref(e->v[i]);
        free(e->k);
        free(e->v);
        free(e);
        e = p;
    }
}
static inline unsigned slot0(const char *name, int cap) {
    return (unsigned)((((uintptr_t)name >> 3) * 0x9E3779B97F4A7C15ull) >> 20) & (unsigned)(cap - 1);
}
static Val *env_find(Env *e, const char *name) {
    if (!e->cap) return NULL;
    for (unsigned i = slot0(name, e->cap);; i = (i + 1) & (unsigned)(e->cap - 1)) {
        if (e->k[i] == name) return &e->v[i];
        if (!e->k[i]) return NULL;
    }
}
static void env_grow(Env *e) {
    int oc = e->cap;
    const char **ok = e->k;
    Val *ov = e->v;
    e->cap = oc ? oc * 2 : 16;
    e->k = calloc((size_t)e->cap, sizeof *e->k);
    e->v = calloc((size_t)e->cap, sizeof *e->v);
    if (!e->k || !e->v) abort();
    e->n = e->used = 0;
    for (int i = 0; i < oc; i++) {
        if (!ok[i] || ok[i] == TOMB) continue;
        unsigned j = slot0(ok[i], e->cap);
        while (e->k[j]) j = (j + 1) & (unsigned)(e->cap - 1);
        e->k[j] = ok[i];
        e->v[j] = ov[i];
        e->n++;
        e->used++;
    }
    free(ok);
    free(ov);
}
static void env_set(Env *e, const char *name, Val v) { /* steals v */
    Val *s = env_find(e, name);
    if (s) { Val old = *s; *s = v; decref(old); return; }
    if ((e->used + 1) * 4 >= e->cap * 3) env_grow(e);
    unsigned i = slot0(name, e->cap);
    while (e->k[i] && e->k[i] != TOMB) i = (i + 1) & (unsigned)(e->cap - 1);
    if (!e->k[i]) e->used++;
    e->k[i] = name;
    e->v[i] = v;
    e->n++;
}
static bool env_del(Env *e, const char *name) {
    Val *s = env_find(e, name);
    if (!s) return false;
    int i = (int)(s - e->v);
    decref(*s);
    e->k[i] = TOMB;
    e->n--;
    return true;
}

static Env *builtins_env, *globals_env; /* one interpreter per process */

void define_builtin(const char *name, Val v) {
    if (!builtins_env) builtins_env = env_new(NULL);
    env_set(builtins_env, intern(name, strlen(name)), v);
}

typedef struct Frame {
    Env *env;       /* locals (== globals at module level) */
    Node *fn;       /* the def node, for `global` declarations */
    Val ret;
} Frame;

typedef struct OFunc { Obj h; Node *def; Env *closure; Val *defaults; int ndef; } OFunc;

void func_free(Obj *o) {
    OFunc *f = (OFunc *)o;
    for (int i = 0; i < f->ndef; i++) decref(f->defaults[i]);
    free(f->defaults);
    env_release(f->closure);
}
Val func_repr(Val v) {
    OFunc *f = (OFunc *)v.o;
    return mk_strf("<function %s at %p>", f->def->name, (void *)f);
}

/* ---------- exceptions ---------- */
Val raise_val(Val exc) {
    decref(pending);
    pending = exc;
    if (exc.t == T_EXC && !EXC(exc)->line) EXC(exc)->line = cur_line;
    return VERR;
}
Val raise_exc(OType *cls, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    OExc *e = obj_new(T_EXC, sizeof *e);
    e->cls = cls;
    e->args = mk_tuple(1);
    LIST(e->args)->v[0] = mk_cstr(buf);
    return raise_val(VOBJ(e));
}
Val raise_nd(void) {
    OType *t = exc_class_by_name(nd_errclass());
    if (!t) t = RuntimeErrorT;
    if (t == KeyErrorT) return raise_exc(t, "'%s'", nd_errmsg());
    return raise_exc(t, "%s", nd_errmsg());
}
Val exc_pending(void) { return pending; }
void exc_clear(void) { decref(pending); pending = VNONE; }
Val exc_take(void) {
    Val e = pending;
    pending = VNONE;
    return e;
}

/* ---------- evaluation ---------- */
static Val eval(Frame *f, Node *n);
static int exec_block(Frame *f, Node *b);
enum { XR_OK, XR_BREAK, XR_CONT, XR_RET, XR_EXC = -1 };

static bool declared_global(Frame *f, const char *name) {
    if (!f->fn) return false;
    for (int i = 0; i < f->fn->nnames2; i++) if (f->fn->names2[i] == name) return true;
    return false;
}

/* The env a store to `name` goes to: globals for `global`, the nearest
   enclosing env that binds it for `nonlocal` (names2 after the globals,
   counted by def->op - 1), else the locals. */
static Env *target_env(Frame *f, const char *name) {
    if (declared_global(f, name)) return globals_env;
    if (f->fn && f->fn->op > 1) {
        for (int i = 0; i < f->fn->op - 1; i++) {
            if (f->fn->names2[f->fn->nnames2 + i] != name) continue;
            for (Env *e = f->env->parent; e; e = e->parent)
                if (env_find(e, name)) return e;
        }
    }
    return f->env;
}

static Val lookup(Frame *f, const char *name) {
    for (Env *e = f->env; e; e = e->parent) {
        Val *s = env_find(e, name);
        if (s) return incref(*s);
    }
    if (f->env != globals_env) {
        Val *s = env_find(globals_env, name);
        if (s) return incref(*s);
    }
    Val *s = env_find(builtins_env, name);
    if (s) return incref(*s);
    return raise_exc(NameErrorT, "name '%s' is not defined", name);
}

static int store(Frame *f, Node *t, Val v); /* steals v */

static int unpack(Frame *f, Node *t, Val v) {
    Val items = (v.t == T_LIST || v.t == T_TUPLE) ? incref(v) : to_list(v);
    decref(v);
    if (ISERR(items)) return -1;
    OList *l = LIST(items);
    int star = -1;
    for (int i = 0; i < t->nkids; i++) if (t->kids[i]->k == N_STAR) star = i;
    int64_t need = t->nkids - (star >= 0);
    if ((star < 0 && l->n != need) || (star >= 0 && l->n < need)) {
        if (l->n > need)
            raise_exc(ValueErrorT, "too many values to unpack (expected %d)", (int)need);
        else
            raise_exc(ValueErrorT, "not enough values to unpack (expected %s%d, got %d)", star >= 0 ? "at least " : "",
                      (int)need, (int)l->n);
        decref(items);
        return -1;
    }
    int64_t j = 0;
    for (int i = 0; i < t->nkids; i++) {
        if (i == star) {
            int64_t cnt = l->n - need;
            Val sl = mk_list(cnt);
            for (int64_t k = 0; k < cnt; k++) { decref(LIST(sl)->v[k]); LIST(sl)->v[k] = incref(l->v[j + k]); }
            j += cnt;
            if (store(f, t->kids[i]->a, sl) < 0) { decref(items); return -1; }
        } else {
            if (store(f, t->kids[i], incref(l->v[j++])) < 0) { decref(items); return -1; }
        }
    }
    decref(items);
    return 0;
}

static int store(Frame *f, Node *t, Val v) {
    switch (t->k) {
    case N_NAME:
        env_set(target_env(f, t->name), t->name, v);
        return 0;
    case N_TUPLE: case N_LIST:
        return unpack(f, t, v);
    case N_ATTR: {
        Val o = eval(f, t->a);
        if (ISERR(o)) { decref(v); return -1; }
        int r = set_attr(o, t->name, v);
        decref(o);
        decref(v);
        return r;
    }
    case N_SUB: {
        Val o = eval(f, t->a);
        if (ISERR(o)) { decref(v); return -1; }
        Val i = eval(f, t->b);
        if (ISERR(i)) { decref(o); decref(v); return -1; }
        int r = store_subscript(o, i, v);
        decref(o);
        decref(i);
        decref(v);
        return r;
    }
    default:
        decref(v);
        raise_exc(SyntaxErrorT, "cannot assign to expression");
        return -1;
    }
}

/* Evaluate call arguments into positional and keyword arrays. */
typedef struct Args {
    Val pos[16], *p;
    int np, cap;
    const char *kn[16], **kn2;
    Val kv[16], *kv2;
    int nk, kcap;
} Args;
static void args_push(Args *a, Val v) {
    if (a->np == a->cap) {
        int nc = a->cap * 2;
        Val *nv = malloc(sizeof(Val) * (size_t)nc);
        if (!nv) abort();
        memcpy(nv, a->p, sizeof(Val) * (size_t)a->np);
        if (a->p != a->pos) free(a->p);
        a->p = nv;
        a->cap = nc;
    }
    a->p[a->np++] = v;
}
static void kw_push(Args *a, const char *k, Val v) {
    if (a->nk == a->kcap) {
        int nc = a->kcap * 2;
        const char **nk = malloc(sizeof(char *) * (size_t)nc);
        Val *nv = malloc(sizeof(Val) * (size_t)nc);
        if (!nk || !nv) abort();
        memcpy(nk, a->kn2, sizeof(char *) * (size_t)a->nk);
        memcpy(nv, a->kv2, sizeof(Val) * (size_t)a->nk);
        if (a->kn2 != a->kn) { free(a->kn2); free(a->kv2); }
        a->kn2 = nk;
        a->kv2 = nv;
        a->kcap = nc;
    }
    a->kn2[a->nk] = k;
    a->kv2[a->nk++] = v;
}
static void args_free(Args *a) {
    for (int i = 0; i < a->np; i++) decref(a->p[i]);
    for (int i = 0; i < a->nk; i++) decref(a->kv2[i]);
    if (a->p != a->pos) free(a->p);
    if (a->kn2 != a->kn) { free(a->kn2); free(a->kv2); }
}
static int eval_args(Frame *f, Node *call, Args *a) {
    a->p = a->pos;
    a->cap = 16;
    a->np = a->nk = 0;
    a->kn2 = a->kn;
    a->kv2 = a->kv;
    a->kcap = 16;
    for (int i = 0; i < call->nkids; i++) {
        Node *k = call->kids[i];
        if (k->k == N_KW) {
            Val v = eval(f, k->a);
            if (ISERR(v)) return -1;
            kw_push(a, k->name, v);
        } else if (k->k == N_STAR) {
            Val v = eval(f, k->a);
            if (ISERR(v)) return -1;
            Val l = to_list(v);
            decref(v);
            if (ISERR(l)) return -1;
            for (int64_t j = 0; j < LIST(l)->n; j++) args_push(a, incref(LIST(l)->v[j]));
            decref(l);
        } else if (k->k == N_DSTAR) {
            Val v = eval(f, k->a);
            if (ISERR(v)) return -1;
            if (v.t != T_DICT) { decref(v); raise_exc(TypeErrorT, "argument after ** must be a mapping"); return -1; }
            ODict *d = DICT(v);
            for (int64_t j = 0; j < d->used; j++) {
                if (d->e[j].k.t == T_ERR) continue;
                if (d->e[j].k.t != T_STR) { decref(v); raise_exc(TypeErrorT, "keywords must be strings"); return -1; }
                kw_push(a, intern(STR(d->e[j].k)->s, (size_t)STR(d->e[j].k)->len), incref(d->e[j].v));
            }
            decref(v);
        } else {
            Val v = eval(f, k);
            if (ISERR(v)) return -1;
            args_push(a, v);
        }
    }
    return 0;
}

static void scan_globals(Node *def, Node *n, const char **buf, int *cnt, int nonlocal) {
    if (!n) return;
    if (n->k == S_GLOBAL && n->op == nonlocal) {
        for (int i = 0; i < n->nnames && *cnt < 64; i++) buf[(*cnt)++] = n->names[i];
        return;
    }
    if (n->k == S_DEF && n != def) return;
    if (n->k >= S_EXPR || n == def) {
        for (int i = 0; i < n->nkids; i++) scan_globals(def, n->kids[i], buf, cnt, nonlocal);
        if (n->k != S_EXPR && n->k != S_ASSIGN && n->k != S_AUG) {
            scan_globals(def, n->a, buf, cnt, nonlocal); scan_globals(def, n->b, buf, cnt, nonlocal);
            scan_globals(def, n->c, buf, cnt, nonlocal); scan_globals(def, n->d, buf, cnt, nonlocal);
        }
    }
}

static Val make_func(Frame *f, Node *def) {
    if (def->k == S_DEF && !def->op) {
        const char *g[128];
        int cnt = 0, nl = 0;
        scan_globals(def, def->b, g, &cnt, 0);
        scan_globals(def, def->b, g + cnt, &nl, 1);
        def->names2 = arena_alloc(sizeof(char *) * (size_t)(cnt + nl ? cnt + nl : 1));
        memcpy(def->names2, g, sizeof(char *) * (size_t)(cnt + nl));
        def->nnames2 = cnt;
        def->op = 1 + nl; /* >0: scanned; the rest counts nonlocal names */
    }
    OFunc *fn = obj_new(T_FUNC, sizeof *fn);
    fn->def = def;
    fn->ndef = def->nkids;
    fn->defaults = calloc((size_t)(fn->ndef ? fn->ndef : 1), sizeof(Val));
    if (!fn->defaults) abort();
    for (int i = 0; i < fn->ndef; i++) {
        Val v = eval(f, def->kids[i]);
        if (ISERR(v)) { fn->ndef = i; decref(VOBJ(fn)); return VERR; }
        fn->defaults[i] = v;
    }
    fn->closure = f->env == globals_env ? NULL : f->env;
    if (fn->closure) fn->closure->rc++;
    return VOBJ(fn);
}

static Val call_func(OFunc *fn, int argc, Val *argv, Kw *kw) {
    Node *d = fn->def;
    const char *nm = d->name;
    if (argc > d->npos && !d->star)
        return raise_exc(TypeErrorT, "%s() takes %d positional argument%s but %d %s given", nm, d->npos,
                         d->npos == 1 ? "" : "s", argc, argc == 1 ? "was" : "were");
    if (depth >= MAX_DEPTH) return raise_exc(RecursionErrorT, "maximum recursion depth exceeded");
    Env *e = env_new(fn->closure);
    if (!e) return raise_exc(MemoryErrorT, "out of memory");
    int np = argc < d->npos ? argc : d->npos;
    for (int i = 0; i < np; i++) env_set(e, d->names[i], incref(argv[i]));
    if (d->star) {
        Val t = mk_tuple(argc - np);
        for (int i = np; i < argc; i++) LIST(t)->v[i - np] = incref(argv[i]);
        env_set(e, d->star, t);
    }
    Val kwd = d->dstar ? mk_dict() : VNONE;
    for (int i = 0; kw && i < kw->n; i++) {
        int j = 0;
        for (; j < d->nnames; j++) if (d->names[j] == kw->names[i]) break;
        if (j == d->nnames) {
            if (d->dstar) {
                Val k = mk_cstr(kw->names[i]);
                dict_set(kwd, k, kw->vals[i]);
                decref(k);
                continue;
            }
            env_release(e);
            decref(kwd);
            return raise_exc(TypeErrorT, "%s() got an unexpected keyword argument '%s'", nm, kw->names[i]);
        }
        if (env_find(e, d->names[j])) {
            env_release(e);
            decref(kwd);
            return raise_exc(TypeErrorT, "%s() got multiple values for argument '%s'", nm, kw->names[i]);
        }
        env_set(e, d->names[j], incref(kw->vals[i]));
    }
    if (d->dstar) env_set(e, d->dstar, kwd);
    for (int j = 0; j < d->nnames; j++) {
        if (env_find(e, d->names[j])) continue;
        int di = j - (d->nnames - fn->ndef);
        if (di < 0) {
            env_release(e);
            return raise_exc(TypeErrorT, "%s() missing 1 required positional argument: '%s'", nm, d->names[j]);
        }
        env_set(e, d->names[j], incref(fn->defaults[di]));
    }
    Frame fr = {.env = e, .fn = d->k == S_DEF ? d : NULL, .ret = VNONE};
    depth++;
    int saved_line = cur_line;
    Val r;
    if (d->k == N_LAMBDA) {
        r = eval(&fr, d->a);
    } else {
        int x = exec_block(&fr, d->b);
        r = x == XR_EXC ? VERR : x == XR_RET ? fr.ret : VNONE;
    }
    depth--;
    if (!ISERR(r)) cur_line = saved_line;
    env_release(e);
    return r;
}

Val call_val(Val f, int argc, Val *argv, Kw *kw) {
    switch (f.t) {
    case T_BUILTIN: {
        OBuiltin *b = (OBuiltin *)f.o;
        return b->fn(b->self, argc, argv, kw);
    }
    case T_FUNC: return call_func((OFunc *)f.o, argc, argv, kw);
    case T_TYPE: {
        OType *t = TYPE(f);
        if (t->kind == TK_EXC) {
            if (kw && kw->n) return raise_exc(TypeErrorT, "%s() takes no keyword arguments", t->name);
            OExc *e = obj_new(T_EXC, sizeof *e);
            e->cls = t;
            e->args = mk_tuple(argc);
            for (int i = 0; i < argc; i++) LIST(e->args)->v[i] = incref(argv[i]);
            return VOBJ(e);
        }
        return type_call(t, argc, argv, kw);
    }
    case T_MISC:
        if (!strcmp(((OMisc *)f.o)->kind, "method"))
            return call_method(((OMisc *)f.o)->a, STR(((OMisc *)f.o)->b)->s, argc, argv, kw);
        /* fall through */
    default:
        return raise_exc(TypeErrorT, "'%s' object is not callable", type_name(f));
    }
}

static Val eval_call(Frame *f, Node *n) {
    Args a;
    Val fn = VNONE, self = VNONE;
    const char *meth = NULL;
    if (n->a->k == N_ATTR) {
        self = eval(f, n->a->a);
        if (ISERR(self)) return VERR;
        meth = n->a->name;
    } else {
        fn = eval(f, n->a);
        if (ISERR(fn)) return VERR;
    }
    if (eval_args(f, n, &a) < 0) { args_free(&a); decref(fn); decref(self); return VERR; }
    Kw kw = {a.nk, a.kn2, a.kv2};
    int line = n->line;
    cur_line = line;
    Val r = meth ? call_method(self, meth, a.np, a.p, &kw) : call_val(fn, a.np, a.p, &kw);
    if (!ISERR(r)) cur_line = line;
    args_free(&a);
    decref(fn);
    decref(self);
    return r;
}

static Val eval_index(Frame *f, Node *n) {
    if (n->k == N_SLICE) {
        Val a = n->a ? eval(f, n->a) : VNONE;
        if (ISERR(a)) return VERR;
        Val b = n->b ? eval(f, n->b) : VNONE;
        if (ISERR(b)) { decref(a); return VERR; }
        Val c = n->c ? eval(f, n->c) : VNONE;
        if (ISERR(c)) { decref(a); decref(b); return VERR; }
        return mk_slice(a, b, c);
    }
    if (n->k == N_TUPLE) {
        Val t = mk_tuple(n->nkids);
        for (int i = 0; i < n->nkids; i++) {
            Val v = eval_index(f, n->kids[i]);
            if (ISERR(v)) { decref(t); return VERR; }
            LIST(t)->v[i] = v;
        }
        return t;
    }
    return eval(f, n);
}

static Val eval_seq(Frame *f, Node *n, bool tuple) {
    Val l = mk_list(0);
    for (int i = 0; i < n->nkids; i++) {
        Node *k = n->kids[i];
        Val v = eval(f, k->k == N_STAR ? k->a : k);
        if (ISERR(v)) { decref(l); return VERR; }
        if (k->k == N_STAR) {
            Val items = to_list(v);
            decref(v);
            if (ISERR(items)) { decref(l); return VERR; }
            for (int64_t j = 0; j < LIST(items)->n; j++) list_append(l, incref(LIST(items)->v[j]));
            decref(items);
        } else {
            list_append(l, v);
        }
    }
    if (tuple) l.o->tag = T_TUPLE, l.t = T_TUPLE;
    return l;
}

static int comp_loop(Frame *f, Node *n, int ci, Val out) {
    if (ci == n->nkids) {
        if (n->op == COMP_DICT) {
            Val k = eval(f, n->a);
            if (ISERR(k)) return -1;
            Val v = eval(f, n->d);
            if (ISERR(v)) { decref(k); return -1; }
            int r = dict_set(out, k, v);
            decref(k);
            decref(v);
            return r;
        }
        Val v = eval(f, n->a);
        if (ISERR(v)) return -1;
        list_append(out, v);
        return 0;
    }
    Node *c = n->kids[ci];
    Val src = eval(f, c->b);
    if (ISERR(src)) return -1;
    Val it = get_iter(src);
    decref(src);
    if (ISERR(it)) return -1;
    for (;;) {
        bool done;
        Val x = iter_next(it, &done);
        if (done) break;
        if (ISERR(x) || store(f, c->a, x) < 0) { decref(it); return -1; }
        bool ok = true;
        for (int i = 0; i < c->nkids && ok; i++) {
            Val t = eval(f, c->kids[i]);
            if (ISERR(t)) { decref(it); return -1; }
            int b = val_truth(t);
            decref(t);
            if (b < 0) { decref(it); return -1; }
            ok = b;
        }
        if (ok && comp_loop(f, n, ci + 1, out) < 0) { decref(it); return -1; }
    }
    decref(it);
    return 0;
}

static Val eval_comp(Frame *f, Node *n) {
    Env *e = env_new(f->env);
    if (!e) return raise_exc(MemoryErrorT, "out of memory");
    Frame fr = {.env = e, .fn = NULL};
    Val out = n->op == COMP_DICT ? mk_dict() : mk_list(0);
    int r = comp_loop(&fr, n, 0, out);
    env_release(e);
    if (r < 0) { decref(out); return VERR; }
    if (n->op != COMP_SET) return out;
    /* sets are modelled as lists: keep the first of equal items so len,
       `in` and sorted() agree with Python (iteration order may not) */
    OList *l = LIST(out);
    int64_t k = 0;
    for (int64_t i = 0; i < l->n; i++) {
        int dup = 0;
        for (int64_t j = 0; j < k && !dup; j++) {
            dup = val_eq(l->v[j], l->v[i]);
            if (dup < 0) { decref(out); return VERR; }
        }
        if (dup) { decref(l->v[i]); continue; }
        l->v[k++] = l->v[i];
    }
    l->n = k;
    return out;
}

static Val eval_fstr(Frame *f, Node *n) {
    SB b = {0};
    for (int i = 0; i < n->nkids; i++) {
        Node *k = n->kids[i];
        if (k->k == N_CONST) { sb_putn(&b, STR(k->v)->s, (size_t)STR(k->v)->len); continue; }
        Val v = eval(f, k->a);
        if (ISERR(v)) { free(b.s); return VERR; }
        if (k->op == 'r' || k->op == 's' || k->op == 'a') {
            Val s = k->op == 's' ? val_str(v) : val_repr(v);
            decref(v);
            if (ISERR(s)) { free(b.s); return VERR; }
            v = s;
        }
        Val spec = k->b ? eval_fstr(f, k->b) : mk_str("", 0);
        if (ISERR(spec)) { decref(v); free(b.s); return VERR; }
        Val s = format_spec(v, STR(spec)->s, STR(spec)->len);
        decref(v);
        decref(spec);
        if (ISERR(s)) { free(b.s); return VERR; }
        sb_putn(&b, STR(s)->s, (size_t)STR(s)->len);
        decref(s);
    }
    return sb_val(&b);
}

static Val eval(Frame *f, Node *n) {
    switch (n->k) {
    case N_CONST: return incref(n->v);
    case N_NAME: {
        /* fast path: locals, then globals */
        Val *s = env_find(f->env, n->name);
        if (s) return incref(*s);
        return lookup(f, n->name);
    }
    case N_ATTR: {
        Val o = eval(f, n->a);
        if (ISERR(o)) return VERR;
        Val r = get_attr(o, n->name);
        decref(o);
        return r;
    }
    case N_SUB: {
        Val o = eval(f, n->a);
        if (ISERR(o)) return VERR;
        Val i = eval_index(f, n->b);
        if (ISERR(i)) { decref(o); return VERR; }
        Val r = subscript(o, i);
        decref(o);
        decref(i);
        return r;
    }
    case N_CALL: return eval_call(f, n);
    case N_BIN: {
        Val a = eval(f, n->a);
        if (ISERR(a)) return VERR;
        Val b = eval(f, n->b);
        if (ISERR(b)) { decref(a); return VERR; }
        Val r = binop(n->op, a, b);
        decref(a);
        decref(b);
        return r;
    }
    case N_UN: {
        Val a = eval(f, n->a);
        if (ISERR(a)) return VERR;
        Val r = unop(n->op, a);
        decref(a);
        return r;
    }
    case N_NOT: {
        Val a = eval(f, n->a);
        if (ISERR(a)) return VERR;
        int t = val_truth(a);
        decref(a);
        return t < 0 ? VERR : VBOOL(!t);
    }
    case N_AND: case N_OR: {
        Val a = eval(f, n->a);
        if (ISERR(a)) return VERR;
        int t = val_truth(a);
        if (t < 0) { decref(a); return VERR; }
        if ((n->k == N_AND) != (t != 0)) return a;
        decref(a);
        return eval(f, n->b);
    }
    case N_CMP: {
        Val l = eval(f, n->kids[0]);
        if (ISERR(l)) return VERR;
        for (int i = 1; i < n->nkids; i++) {
            Val r = eval(f, n->kids[i]);
            if (ISERR(r)) { decref(l); return VERR; }
            Val c = compare(n->ops[i - 1], l, r);
            decref(l);
            if (ISERR(c) || i == n->nkids - 1) { decref(r); return c; }
            int t = val_truth(c);
            if (t <= 0) { decref(r); if (t < 0) { decref(c); return VERR; } return c; }
            decref(c);
            l = r;
        }
        return l;
    }
    case N_IFEXP: {
        Val c = eval(f, n->a);
        if (ISERR(c)) return VERR;
        int t = val_truth(c);
        decref(c);
        if (t < 0) return VERR;
        return eval(f, t ? n->b : n->c);
    }
    case N_LAMBDA: return make_func(f, n);
    case N_LIST: return eval_seq(f, n, false);
    case N_TUPLE: return eval_seq(f, n, true);
    case N_SET: return raise_exc(NotImplementedErrorT, "unsupported construct: set display (line %d)", n->line);
    case N_DICT: {
        Val d = mk_dict();
        for (int i = 0; i + 1 < n->nkids; i += 2) {
            if (n->kids[i]->k == N_DSTAR) { /* {**src}: merge src's items in order */
                Val src = eval(f, n->kids[i]->a);
                if (ISERR(src)) { decref(d); return VERR; }
                if (src.t != T_DICT) {
                    decref(d);
                    Val e = raise_exc(TypeErrorT, "'%s' object is not a mapping", type_name(src));
                    decref(src);
                    return e;
                }
                ODict *sd = DICT(src);
                int r = 0;
                for (int64_t j = 0; j < sd->used && r >= 0; j++)
                    if (sd->e[j].k.t != T_ERR) r = dict_set(d, sd->e[j].k, sd->e[j].v);
                decref(src);
                if (r < 0) { decref(d); return VERR; }
                continue;
            }
            Val k = eval(f, n->kids[i]);
            if (ISERR(k)) { decref(d); return VERR; }
            Val v = eval(f, n->kids[i + 1]);
            if (ISERR(v)) { decref(k); decref(d); return VERR; }
            int r = dict_set(d, k, v);
            decref(k);
            decref(v);
            if (r < 0) { decref(d); return VERR; }
        }
        return d;
    }
    case N_COMP: return eval_comp(f, n);
    case N_FSTR: return eval_fstr(f, n);
    case N_SLICE: return eval_index(f, n);
    case N_STAR: return raise_exc(SyntaxErrorT, "can't use starred expression here");
    default: return raise_exc(SyntaxErrorT, "unsupported expression (line %d)", n->line);
    }
}

/* ---------- statements ---------- */

static int exec_stmt(Frame *f, Node *s);

static int exec_block(Frame *f, Node *b) {
    for (int i = 0; i < b->nkids; i++) {
        int r = exec_stmt(f, b->kids[i]);
        if (r != XR_OK) return r;
    }
    return XR_OK;
}

static _Thread_local bool echo_mode;

static int do_import(Frame *f, Node *s) {
    for (int i = 0; i < s->nnames; i++) {
        const char *m = s->names[i];
        Val mod;
        if (!strcmp(m, "numpy") || !strncmp(m, "numpy.", 6)) {
            mod = s->names2[i] ? np_submodule(m) : np_module();
            if (mod.t == T_NONE) { raise_exc(ModuleNotFoundErrorT, "No module named '%s'", m); return -1; }
            env_set(f->env, s->names2[i] ? s->names2[i] : intern("numpy", 5), mod);
        } else if (!strcmp(m, "time") || !strcmp(m, "math")) {
            mod = np_submodule(m);
            env_set(f->env, s->names2[i] ? s->names2[i] : m, mod);
        } else {
            const char *dot = strchr(m, '.');
            raise_exc(ModuleNotFoundErrorT, "No module named '%.*s'", dot ? (int)(dot - m) : (int)strlen(m), m);
            return -1;
        }
    }
    return 0;
}

static int do_from(Frame *f, Node *s) {
    Val mod = np_submodule(s->name);
    if (mod.t == T_NONE) {
        const char *m = s->name, *dot = strchr(m, '.');
        if (!strncmp(m, "numpy", 5) || !strcmp(m, "time") || !strcmp(m, "math"))
            raise_exc(ModuleNotFoundErrorT, "No module named '%s'", m);
        else
            raise_exc(ModuleNotFoundErrorT, "No module named '%.*s'", dot ? (int)(dot - m) : (int)strlen(m), m);
        return -1;
    }
    for (int i = 0; i < s->nnames; i++) {
        Val v = get_attr(mod, s->names[i]);
        if (ISERR(v)) {
            exc_clear();
            raise_exc(exc_class_by_name("ImportError"), "cannot import name '%s' from '%s'", s->names[i], s->name);
            decref(mod);
            return -1;
        }
        env_set(f->env, s->names2[i] ? s->names2[i] : s->names[i], v);
    }
    decref(mod);
    return 0;
}

static int exec_for(Frame *f, Node *s) {
    Val src = eval(f, s->b);
    if (ISERR(src)) return XR_EXC;
    int r = XR_OK;
    if (src.t == T_RANGE && s->a->k == N_NAME && target_env(f, s->a->name) == f->env) {
        ORange *rg = (ORange *)src.o;
        for (int64_t i = rg->start; rg->step > 0 ? i < rg->stop : i > rg->stop; i += rg->step) {
            env_set(f->env, s->a->name, VINT(i));
            r = exec_block(f, s->c);
            if (r == XR_BREAK) break;
            if (r == XR_CONT) r = XR_OK;
            if (r != XR_OK) break;
            if (nd_interrupted) { nd_interrupted = 0; raise_exc(KeyboardInterruptT, " "); r = XR_EXC; break; }
        }
        decref(src);
    } else {
        Val it = get_iter(src);
        decref(src);
        if (ISERR(it)) return XR_EXC;
        for (;;) {
            bool done;
            Val x = iter_next(it, &done);
            if (done) break;
            if (ISERR(x) || store(f, s->a, x) < 0) { r = XR_EXC; break; }
            r = exec_block(f, s->c);
            if (r == XR_BREAK) break;
            if (r == XR_CONT) r = XR_OK;
            if (r != XR_OK) break;
            if (nd_interrupted) { nd_interrupted = 0; raise_exc(KeyboardInterruptT, " "); r = XR_EXC; break; }
        }
        decref(it);
    }
    if (r == XR_BREAK) return XR_OK;
    if (r == XR_OK && s->d) return exec_block(f, s->d);
    return r;
}

static int exec_try(Frame *f, Node *s) {
    int r = exec_block(f, s->a);
    if (r == XR_EXC && s->nkids) {
        Val e = exc_pending();
        for (int i = 0; i < s->nkids; i++) {
            Node *h = s->kids[i];
            bool match = !h->a;
            if (h->a) {
                Val t = eval(f, h->a);
                if (ISERR(t)) { r = XR_EXC; goto fin; }
                if (t.t == T_TYPE) match = type_is_sub(EXC(e)->cls, TYPE(t));
                else if (t.t == T_TUPLE)
                    for (int64_t j = 0; j < LIST(t)->n; j++)
                        if (LIST(t)->v[j].t == T_TYPE && type_is_sub(EXC(e)->cls, TYPE(LIST(t)->v[j]))) match = true;
                decref(t);
                e = exc_pending();
            }
            if (!match) continue;
            Val ex = exc_take();
            if (h->name) env_set(target_env(f, h->name), h->name, incref(ex));
            Val saved = handling;
            handling = ex;
            r = exec_block(f, h->b);
            handling = saved;
            decref(ex);
            goto fin;
        }
    } else if (r == XR_OK && s->b) {
        r = exec_block(f, s->b);
    }
fin:
    if (s->c) {
        Val saved = r == XR_EXC ? exc_take() : VNONE;
        Val ret = r == XR_RET ? f->ret : VNONE;
        int r2 = exec_block(f, s->c);
        if (r2 != XR_OK) {
            decref(saved);
            if (r == XR_RET && r2 != XR_RET) decref(ret);
            return r2;
        }
        if (r == XR_EXC) raise_val(saved);
    }
    return r;
}

static int exec_stmt(Frame *f, Node *s) {
    cur_line = s->line;
    switch (s->k) {
    case S_EXPR: {
        Val v = eval(f, s->a);
        if (ISERR(v)) return XR_EXC;
        if (echo_mode && v.t != T_NONE && f->env == globals_env) {
            Val r = val_repr(v);
            if (ISERR(r)) { decref(v); return XR_EXC; }
            fwrite(STR(r)->s, 1, (size_t)STR(r)->len, stdout);
            fputc('\n', stdout);
            decref(r);
            env_set(builtins_env, intern("_", 1), incref(v));
        }
        decref(v);
        return XR_OK;
    }
    case S_ASSIGN: {
        Val v = eval(f, s->a);
        if (ISERR(v)) return XR_EXC;
        for (int i = 0; i < s->nkids; i++)
            if (store(f, s->kids[i], incref(v)) < 0) { decref(v); return XR_EXC; }
        decref(v);
        return XR_OK;
    }
    case S_AUG: {
        Node *t = s->a;
        Val obj = VNONE, idx = VNONE, cur;
        if (t->k == N_NAME) {
            cur = eval(f, t);
        } else {
            obj = eval(f, t->a);
            if (ISERR(obj)) return XR_EXC;
            if (t->k == N_SUB) {
                idx = eval_index(f, t->b);
                if (ISERR(idx)) { decref(obj); return XR_EXC; }
                cur = subscript(obj, idx);
            } else {
                cur = get_attr(obj, t->name);
            }
        }
        if (ISERR(cur)) { decref(obj); decref(idx); return XR_EXC; }
        Val v = eval(f, s->b);
        if (ISERR(v)) { decref(cur); decref(obj); decref(idx); return XR_EXC; }
        Val nv = inplace_op(s->op, cur, v);
        decref(cur);
        decref(v);
        int r = 0;
        if (ISERR(nv)) r = -1;
        else if (t->k == N_NAME) env_set(target_env(f, t->name), t->name, nv);
        else if (t->k == N_SUB) { r = store_subscript(obj, idx, nv); decref(nv); }
        else { r = set_attr(obj, t->name, nv); decref(nv); }
        decref(obj);
        decref(idx);
        return r < 0 ? XR_EXC : XR_OK;
    }
    case S_IF: {
        for (;;) {
            Val c = eval(f, s->a);
            if (ISERR(c)) return XR_EXC;
            int t = val_truth(c);
            decref(c);
            if (t < 0) return XR_EXC;
            if (t) return exec_block(f, s->b);
            if (!s->c) return XR_OK;
            if (s->c->k != S_IF) return exec_block(f, s->c);
            s = s->c;
            cur_line = s->line;
        }
    }
    case S_WHILE: {
        for (;;) {
            Val c = eval(f, s->a);
            if (ISERR(c)) return XR_EXC;
            int t = val_truth(c);
            decref(c);
            if (t < 0) return XR_EXC;
            if (!t) return s->c ? exec_block(f, s->c) : XR_OK;
            int r = exec_block(f, s->b);
            if (r == XR_BREAK) return XR_OK;
            if (r != XR_OK && r != XR_CONT) return r;
            if (nd_interrupted) { nd_interrupted = 0; raise_exc(KeyboardInterruptT, " "); return XR_EXC; }
            cur_line = s->line;
        }
    }
    case S_FOR: return exec_for(f, s);
    case S_BREAK: return XR_BREAK;
    case S_CONT: return XR_CONT;
    case S_PASS: case S_GLOBAL: return XR_OK;
    case S_BLOCK: return exec_block(f, s);
    case S_DEF: {
        Val fn = make_func(f, s);
        if (ISERR(fn)) return XR_EXC;
        env_set(target_env(f, s->name), s->name, fn);
        return XR_OK;
    }
    case S_RETURN: {
        Val v = s->a ? eval(f, s->a) : VNONE;
        if (ISERR(v)) return XR_EXC;
        f->ret = v;
        return XR_RET;
    }
    case S_TRY: return exec_try(f, s);
    case S_RAISE: {
        if (!s->a) {
            if (handling.t != T_EXC) { raise_exc(RuntimeErrorT, "No active exception to reraise"); return XR_EXC; }
            raise_val(incref(handling));
            return XR_EXC;
        }
        Val e = eval(f, s->a);
        if (ISERR(e)) return XR_EXC;
        if (e.t == T_TYPE && TYPE(e)->kind == TK_EXC) {
            Val inst = call_val(e, 0, NULL, NULL);
            decref(e);
            e = inst;
        }
        if (e.t != T_EXC) {
            decref(e);
            raise_exc(TypeErrorT, "exceptions must derive from BaseException");
            return XR_EXC;
        }
        EXC(e)->line = cur_line;
        raise_val(e);
        return XR_EXC;
    }
    case S_ASSERT: {
        Val c = eval(f, s->a);
        if (ISERR(c)) return XR_EXC;
        int t = val_truth(c);
        decref(c);
        if (t < 0) return XR_EXC;
        if (t) return XR_OK;
        if (!s->b) { raise_val(call_val(VOBJ(AssertionErrorT), 0, NULL, NULL)); return XR_EXC; }
        Val m = eval(f, s->b);
        if (ISERR(m)) return XR_EXC;
        Val e = call_val(VOBJ(AssertionErrorT), 1, &m, NULL);
        decref(m);
        raise_val(e);
        return XR_EXC;
    }
    case S_DEL:
        for (int i = 0; i < s->nkids; i++) {
            Node *t = s->kids[i];
            if (t->k == N_NAME) {
                Env *e = target_env(f, t->name);
                if (!env_del(e, t->name)) { raise_exc(NameErrorT, "name '%s' is not defined", t->name); return XR_EXC; }
            } else if (t->k == N_SUB) {
                Val o = eval(f, t->a);
                if (ISERR(o)) return XR_EXC;
                Val ix = eval_index(f, t->b);
                if (ISERR(ix)) { decref(o); return XR_EXC; }
                int r = del_subscript(o, ix);
                decref(o);
                decref(ix);
                if (r < 0) return XR_EXC;
            } else {
                raise_exc(SyntaxErrorT, "unsupported construct: del of this target (line %d)", s->line);
                return XR_EXC;
            }
        }
        return XR_OK;
    case S_IMPORT: return do_import(f, s) < 0 ? XR_EXC : XR_OK;
    case S_FROM: return do_from(f, s) < 0 ? XR_EXC : XR_OK;
    default:
        raise_exc(SyntaxErrorT, "unsupported statement (line %d)", s->line);
        return XR_EXC;
    }
}

/* Print the pending exception as Python's traceback tail does. */
static void report(const char *filename) {
    Val e = exc_take();
    fflush(stdout);
    OExc *x = EXC(e);
    fprintf(stderr, "Traceback (most recent call last):\n  File \"%s\", line %d, in <module>\n", filename,
            x->line ? x->line : cur_line);
    Val s = val_str(e);
    const char *msg = ISERR(s) ? "" : STR(s)->s;
    if (ISERR(s)) exc_clear();
    if (x->cls == SyntaxErrorT) fprintf(stderr, "SyntaxError: %s\n", msg);
    else if (*msg) fprintf(stderr, "%s: %s\n", x->cls->qual, msg);
    else fprintf(stderr, "%s\n", x->cls->qual);
    if (!ISERR(s)) decref(s);
    decref(e);
}

static void on_sigint(int sig) {
    (void)sig;
    nd_interrupted = 1;
}

int run_source(const char *src, const char *filename, bool interactive_echo) {
    if (!builtins_env) builtins_install();
    if (!globals_env) {
        globals_env = env_new(NULL);
        env_set(globals_env, intern("__name__", 8), mk_cstr("__main__"));
        signal(SIGINT, on_sigint);
    }
    cur_file = filename;
    Node *m = parse_module(src, filename, 1);
    if (!m) { report(filename); return 1; }
    Frame f = {.env = globals_env};
    echo_mode = interactive_echo;
    int r = exec_block(&f, m);
    fflush(stdout);
    if (r == XR_EXC) { report(filename); return 1; }
    if (r == XR_BREAK || r == XR_CONT || r == XR_RET) {
        if (r == XR_RET) decref(f.ret);
        fprintf(stderr, "  File \"%s\"\nSyntaxError: '%s' outside %s\n", filename,
                r == XR_RET ? "return" : r == XR_BREAK ? "break" : "continue", r == XR_RET ? "function" : "loop");
        return 1;
    }
    return 0;
}
