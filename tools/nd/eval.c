/* eval.c — the interpreter's frame: scopes, exceptions, the step and stack
 * limits, error reports, run_source, the interactive prompt and main (the
 * nd program).  Expressions are in eval_expr.c, calls in eval_call.c,
 * statements in eval_stmt.c (shared types: eval.h). */
#include <signal.h>
#include <stdarg.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"

#ifdef ND_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

_Thread_local int cur_line;
_Thread_local const char *cur_file = "<string>";
static _Thread_local Val pending;   /* the exception being raised */
volatile sig_atomic_t nd_interrupted;
int64_t nd_max_steps = ND_DEFAULT_MAX_STEPS;
_Thread_local int64_t steps_left; /* statements (and comprehension items) left to run */

static _Thread_local char *stack_base;
static _Thread_local size_t stack_room;
_Thread_local uintptr_t stack_floor; /* frames below this address: exhausted (0: no mark yet) */

void stack_mark_base(void) {
    char *here = __builtin_frame_address(0);
    if (stack_base && here < stack_base) return; /* keep the outermost mark */
    struct rlimit rl;
    size_t lim = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) lim = (size_t)rl.rlim_cur;
    if (lim > (256u << 20)) lim = 256u << 20;
    stack_base = here;
    stack_room = lim / 4 * 3; /* the rest is headroom for libnd, libc and ASan */
    stack_floor = (uintptr_t)here > stack_room ? (uintptr_t)here - stack_room : 0;
}
bool stack_exhausted(void) { return stack_low(); }

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

/* ---------- the interactive prompt: line editing and history via libedit
   when available; bare expressions echo their repr, as Python's does ---------- */
static char *read_line(const char *prompt) {
#ifdef ND_HAVE_LIBEDIT
    char *l = readline(prompt);
    if (l && *l) add_history(l);
    return l;
#else
    fputs(prompt, stdout);
    fflush(stdout);
    char buf[4096];
    if (!fgets(buf, sizeof buf, stdin)) return NULL;
    buf[strcspn(buf, "\n")] = 0;
    return strdup(buf);
#endif
}

/* A block is complete when the line does not open one (ends in ':') and,
 * inside a block, when an empty line is entered. */
static int repl(void) {
    printf("nd (NumPy 1.24 subset on libnd) -- Ctrl-D to exit\n");
    SB src = {0};
    bool block = false;
    for (;;) {
        char *line = read_line(block ? "... " : ">>> ");
        if (!line) {
            putchar('\n');
            break;
        }
        size_t n = strlen(line);
        bool opens = n && line[n - 1] == ':';
        if (block && n == 0) {
            block = false;
        } else {
            sb_puts(&src, line);
            sb_putc(&src, '\n');
            if (opens || block) {
                block = true;
                free(line);
                continue;
            }
        }
        free(line);
        if (src.s) {
            run_source(src.s, "<stdin>", true);
            fflush(stdout);
            src.n = 0;
            src.s[0] = 0;
        }
    }
    free(src.s);
    return 0;
}

/* ---------- the nd program: `nd FILE.py`, `nd -c CODE`, `nd -` (stdin), or
   the prompt on a terminal ---------- */
static char *slurp(FILE *f) {
    SB b = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_putn(&b, buf, n);
    if (!b.s) {
        b.s = malloc(1);
        if (!b.s) return NULL;
        b.s[0] = 0;
    }
    return b.s;
}

static void usage(void) {
    fprintf(stderr,
            "usage: nd [--max-steps N] [FILE.py | -c CODE | -]\n"
            "Runs the Python subset NumPy scripts use, on libnd.  With no argument on a\n"
            "terminal, starts an interactive prompt.\n"
            "  --max-steps N  end a run with a RuntimeError after N statements (a runaway\n"
            "                 loop); 0 means no limit; default %lld\n",
            (long long)ND_DEFAULT_MAX_STEPS);
}

int main(int argc, char **argv) {
    stack_mark_base();
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    while (argc >= 2 && !strncmp(argv[1], "--max-steps", 11)) {
        const char *v = argv[1][11] == '=' ? argv[1] + 12 : argc >= 3 && !argv[1][11] ? argv[2] : NULL;
        char *end;
        long long n = v ? strtoll(v, &end, 10) : -1;
        if (!v || !*v || *end || n < 0) {
            fputs("nd: --max-steps needs a number >= 0\n", stderr);
            return 2;
        }
        nd_max_steps = n;
        int used = argv[1][11] == '=' ? 1 : 2;
        argc -= used;
        argv += used;
    }
    if (argc < 2) {
        if (isatty(0)) return repl();
        char *src = slurp(stdin);
        if (!src) return 1;
        int r = run_source(src, "<stdin>", false);
        free(src);
        return r;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage();
        return 0;
    }
    if (!strcmp(argv[1], "-c")) {
        if (argc < 3) {
            fputs("Argument expected for the -c option\n", stderr);
            return 2;
        }
        return run_source(argv[2], "<string>", false);
    }
    if (!strcmp(argv[1], "-")) {
        char *src = slurp(stdin);
        if (!src) return 1;
        int r = run_source(src, "<stdin>", false);
        free(src);
        return r;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "nd: can't open file '%s': No such file or directory\n", argv[1]);
        return 2;
    }
    char *src = slurp(f);
    fclose(f);
    if (!src) return 1;
    int r = run_source(src, argv[1], false);
    free(src);
    return r;
}
