/* eval.c — the interpreter's frame: scopes, exceptions, the step and stack
 * limits, error reports and run_source.  Expressions are in eval_expr.c,
 * calls in eval_call.c, statements in eval_stmt.c (shared types: eval.h). */
#include <signal.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

_Thread_local int cur_line;
_Thread_local const char *cur_file = "<string>";
static _Thread_local Val pending;   /* the exception being raised */
volatile sig_atomic_t nd_interrupted;
int64_t nd_max_steps = ND_DEFAULT_MAX_STEPS;
_Thread_local int64_t steps_left; /* statements (and comprehension items) left to run */

static _Thread_local char *stack_base;
static _Thread_local size_t stack_room;

void stack_mark_base(void) {
    char *here = __builtin_frame_address(0);
    if (stack_base && here < stack_base) return; /* keep the outermost mark */
    struct rlimit rl;
    size_t lim = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) lim = (size_t)rl.rlim_cur;
    if (lim > (256u << 20)) lim = 256u << 20;
    stack_base = here;
    stack_room = lim / 4 * 3; /* the rest is headroom for libnd, libc and ASan */
}
bool stack_exhausted(void) {
    char *here = __builtin_frame_address(0);
    return stack_base && here < stack_base && (size_t)(stack_base - here) > stack_room;
}

/* The step budget ran out: a runaway loop.  Sticky: every later statement
   raises again, so `except: pass` cannot swallow it. */
int out_of_steps(void) {
    raise_exc(RuntimeErrorT, "step limit exceeded: %lld statements run without finishing (a runaway loop?); "
                             "nd --max-steps N sets the limit, 0 removes it", (long long)nd_max_steps);
    return -1;
}

/* ---------- scopes ---------- */
const char ENV_TOMB[1];

Env *env_new(Env *parent) {
    Env *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    e->rc = 1;
    e->parent = parent;
    if (parent) parent->rc++;
    return e;
}
void env_release(Env *e) {
    while (e && --e->rc == 0) {
        Env *p = e->parent;
        for (int i = 0; i < e->cap; i++)
            if (e->k[i] && e->k[i] != ENV_TOMB) decref(e->v[i]);
        free(e->k);
        free(e->v);
        free(e);
        e = p;
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
        if (!ok[i] || ok[i] == ENV_TOMB) continue;
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
void env_set(Env *e, const char *name, Val v) { /* steals v */
    Val *s = env_find(e, name);
    if (s) { Val old = *s; *s = v; decref(old); return; }
    if ((e->used + 1) * 4 >= e->cap * 3) env_grow(e);
    unsigned i = slot0(name, e->cap);
    while (e->k[i] && e->k[i] != ENV_TOMB) i = (i + 1) & (unsigned)(e->cap - 1);
    if (!e->k[i]) e->used++;
    e->k[i] = name;
    e->v[i] = v;
    e->n++;
}
bool env_del(Env *e, const char *name) {
    Val *s = env_find(e, name);
    if (!s) return false;
    int i = (int)(s - e->v);
    decref(*s);
    e->k[i] = ENV_TOMB;
    e->n--;
    return true;
}

Env *builtins_env, *globals_env;

void define_builtin(const char *name, Val v) {
    if (!builtins_env) builtins_env = env_new(NULL);
    env_set(builtins_env, intern(name, strlen(name)), v);
}

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
    /* libnd's KeyError message is the key itself: the exception's one argument */
    return raise_exc(t, "%s", nd_errmsg());
}
Val exc_pending(void) { return pending; }
void exc_clear(void) { decref(pending); pending = VNONE; }
Val exc_take(void) {
    Val e = pending;
    pending = VNONE;
    return e;
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
    stack_mark_base();
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
    steps_left = nd_max_steps > 0 ? nd_max_steps : INT64_MAX;
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
