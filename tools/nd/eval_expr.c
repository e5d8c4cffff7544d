/* eval_expr.c — evaluating expressions: names, operators, subscripts,
 * displays, comprehensions and f-strings; assignment targets. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"

static bool declared_global(Frame *f, const char *name) {
    if (!f->fn) return false;
    for (int i = 0; i < f->fn->nnames2; i++) if (f->fn->names2[i] == name) return true;
    return false;
}

/* The env a store to `name` goes to: globals for `global`, the nearest
   enclosing env that binds it for `nonlocal` (names2 after the globals,
   counted by def->op - 1), else the locals. */
Env *target_env(Frame *f, const char *name) {
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

int store(Frame *f, Node *t, Val v) {
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

Val eval_index(Frame *f, Node *n) {
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

Val eval_seq(Frame *f, Node *n, bool tuple) {
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
    if (--steps_left < 0) return out_of_steps();
    Val src = eval(f, c->b);
    if (ISERR(src)) return -1;
    Val it = get_iter(src);
    decref(src);
    if (ISERR(it)) return -1;
    for (;;) {
        bool done;
        Val x = iter_next(it, &done);
        if (done) break;
        if (ISERR(x) || store(f, c->a, x) < 0 || (--steps_left < 0 && out_of_steps() < 0)) { decref(it); return -1; }
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

Val eval(Frame *f, Node *n) {
    if (stack_low()) return raise_exc(RecursionErrorT, "maximum recursion depth exceeded");
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
