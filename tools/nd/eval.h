/* eval.h — what the evaluator's files share: scopes (Env), frames,
 * function objects and statement results.  eval.c holds the scopes,
 * exceptions, limits, run_source, the prompt and main; eval_expr.c
 * expressions; eval_call.c calls and functions; eval_stmt.c statements and
 * imports. */
#ifndef ND_EVAL_H
#define ND_EVAL_H

#include <signal.h>

#include "ast.h"

/* ---- scopes: open-addressed tables keyed by interned name pointers ---- */
typedef struct Env {
    long rc;
    struct Env *parent;
    int n, cap, used;
    const char **k;
    Val *v;
} Env;
extern const char ENV_TOMB[1]; /* a deleted slot */

Env *env_new(Env *parent);
void env_release(Env *e);
void env_set(Env *e, const char *name, Val v); /* steals v */
bool env_del(Env *e, const char *name);
static inline unsigned slot0(const char *name, int cap) {
    return (unsigned)((((uintptr_t)name >> 3) * 0x9E3779B97F4A7C15ull) >> 20) & (unsigned)(cap - 1);
}
static inline Val *env_find(Env *e, const char *name) { /* hot: every name lookup */
    if (!e->cap) return NULL;
    for (unsigned i = slot0(name, e->cap);; i = (i + 1) & (unsigned)(e->cap - 1)) {
        if (e->k[i] == name) return &e->v[i];
        if (!e->k[i]) return NULL;
    }
}
extern Env *builtins_env, *globals_env; /* one interpreter per process */

typedef struct Frame {
    Env *env;       /* locals (== globals at module level) */
    Node *fn;       /* the def node, for `global` declarations */
    Val ret;
} Frame;

typedef struct OFunc { Obj h; Node *def; Env *closure; Val *defaults; int ndef; } OFunc;

enum { XR_OK, XR_BREAK, XR_CONT, XR_RET, XR_EXC = -1 };

/* eval.c: stack_exhausted() inline, for eval's every call */
extern _Thread_local uintptr_t stack_floor;
static inline bool stack_low(void) { return (uintptr_t)__builtin_frame_address(0) < stack_floor; }

/* eval.c: the step budget (statements left; out_of_steps raises) and ^C */
extern _Thread_local int64_t steps_left;
int out_of_steps(void);
extern volatile sig_atomic_t nd_interrupted;

/* eval_expr.c */
Val eval(Frame *f, Node *n);
Val eval_index(Frame *f, Node *n);           /* subscripts: slices and tuples of them */
Val eval_seq(Frame *f, Node *n, bool tuple); /* list/tuple displays with *unpacking */
Env *target_env(Frame *f, const char *name); /* where a store to name goes */
int store(Frame *f, Node *t, Val v);         /* assignment to a target; steals v */

/* eval_call.c */
Val make_func(Frame *f, Node *def);
Val eval_call(Frame *f, Node *n);

/* np_prelude.c: true when a function closing over e was defined by the prelude */
bool np_prelude_scope(const Env *e);

/* eval_stmt.c */
int exec_block(Frame *f, Node *b);
extern _Thread_local bool echo_mode; /* the prompt echoes expression statements */

#endif
