/* eval_call.c — calls: argument lists (*args, **kwargs), function objects
 * (defaults, closures, global/nonlocal scans), binding arguments to
 * parameters with Python's errors, and the recursion limit. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"

static _Thread_local int depth; /* Python call depth */
#define MAX_DEPTH 1000

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

Val make_func(Frame *f, Node *def) {
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
    if (argc > d->npos && !d->star) {
        int lo = d->nnames - fn->ndef < d->npos ? d->nnames - fn->ndef : d->npos; /* positional ones without a default */
        if (lo < d->npos)
            return raise_exc(TypeErrorT, "%s() takes from %d to %d positional arguments but %d %s given", nm, lo, d->npos,
                             argc, argc == 1 ? "was" : "were");
        return raise_exc(TypeErrorT, "%s() takes %d positional argument%s but %d %s given", nm, d->npos,
                         d->npos == 1 ? "" : "s", argc, argc == 1 ? "was" : "were");
    }
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
    else if (np_prelude_scope(fn->closure)) { /* report the script's line, not the prelude's */
        Val x = exc_pending();
        if (x.t == T_EXC) EXC(x)->line = saved_line;
    }
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
    case T_UFUNC: return ((OUfunc *)f.o)->fn(((OUfunc *)f.o)->self, argc, argv, kw);
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

Val eval_call(Frame *f, Node *n) {
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
