/* eval_stmt.c — executing statements: blocks, assignment, control flow,
 * try/except/finally, raise, del, def and imports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

static _Thread_local Val handling; /* the exception an except block is handling (bare raise) */
_Thread_local bool echo_mode;

static int exec_stmt(Frame *f, Node *s);

int exec_block(Frame *f, Node *b) {
    for (int i = 0; i < b->nkids; i++) {
        int r = exec_stmt(f, b->kids[i]);
        if (r != XR_OK) return r;
    }
    return XR_OK;
}

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
    if (s->nnames < 0) { /* from m import *: numpy's __all__, else the module's public names */
        if (!strcmp(s->name, "numpy")) {
            for (const char *w = np_star_names; *w;) {
                const char *e = strchr(w, ' ');
                size_t len = e ? (size_t)(e - w) : strlen(w);
                char name[64];
                if (len < sizeof name) {
                    memcpy(name, w, len);
                    name[len] = 0;
                    Val v = get_attr(mod, name);
                    if (ISERR(v)) exc_clear(); /* a NumPy name nd does not define */
                    else env_set(f->env, intern(name, len), v);
                }
                w += len + (e ? 1 : 0);
            }
        } else {
            ODict *d = ((OModule *)mod.o)->attrs;
            for (int64_t i = 0; i < d->used; i++) {
                Val k = d->e[i].k;
                if (k.t != T_STR || STR(k)->s[0] == '_') continue; /* T_ERR: a deleted slot */
                env_set(f->env, intern(STR(k)->s, (size_t)STR(k)->len), incref(d->e[i].v));
            }
        }
        decref(mod);
        return 0;
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

/* with CTX [as NAME]: body -- the context managers nd has (np.errstate);
 * the exit runs however the body ends. */
static int exec_with(Frame *f, Node *s) {
    Val ctx = eval(f, s->a);
    if (ISERR(ctx)) return XR_EXC;
    if (!is_errstate(ctx)) {
        raise_exc(TypeErrorT, "'%s' object does not support the context manager protocol", type_name(ctx));
        decref(ctx);
        return XR_EXC;
    }
    Val old;
    int r = errstate_enter(ctx, &old) < 0 ? XR_EXC : XR_OK;
    decref(ctx);
    if (r != XR_OK) return r;
    if (s->c && store(f, s->c, VNONE) < 0) r = XR_EXC; /* errstate's __enter__ returns None */
    if (r == XR_OK) r = exec_block(f, s->b);
    errstate_exit(old);
    decref(old);
    return r;
}

/* x op= v for a name, subscript or attribute target (arrays update in place). */
static int exec_aug(Frame *f, Node *s) {
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


static int exec_raise(Frame *f, Node *s) {
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


static int exec_del(Frame *f, Node *s) {
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
}

static int exec_stmt(Frame *f, Node *s) {
    cur_line = s->line;
    if (--steps_left < 0) return out_of_steps();
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
    case S_AUG: return exec_aug(f, s);
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
        Val decs = s->c ? eval_seq(f, s->c, true) : VNONE; /* decorators: evaluated first, applied last-first */
        if (ISERR(decs)) return XR_EXC;
        Val fn = make_func(f, s);
        for (int64_t i = s->c && !ISERR(fn) ? LIST(decs)->n - 1 : -1; i >= 0; i--) {
            Val g = call_val(LIST(decs)->v[i], 1, &fn, NULL);
            decref(fn);
            fn = g;
            if (ISERR(fn)) break;
        }
        decref(decs);
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
    case S_WITH: return exec_with(f, s);
    case S_RAISE: return exec_raise(f, s);
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
    case S_DEL: return exec_del(f, s);
    case S_IMPORT: return do_import(f, s) < 0 ? XR_EXC : XR_OK;
    case S_FROM: return do_from(f, s) < 0 ? XR_EXC : XR_OK;
    default:
        raise_exc(SyntaxErrorT, "unsupported statement (line %d)", s->line);
        return XR_EXC;
    }
}
