/* np_prelude.c — numpy functions written in Python.  NumPy implements much
 * of its namespace in Python over a few primitives; the same functions are
 * written here in the subset nd runs (the files in prelude/, embedded at build time
 * by embed.cmake) and defined the first time a script asks numpy for a name
 * the C side does not have, so scripts that never do pay nothing. */
#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "py.h"

extern const char nd_prelude_src[];

static bool prelude_loaded; /* one interpreter per process, as np_module's */
static Env *prelude_env;    /* its scope: private helpers live here too */

/* Run the prelude in a scope of its own (its functions see it, then the
 * builtins, before the script's globals) and publish its public names. */
static int load(Val np) {
    prelude_loaded = true;
    Env *env = env_new(builtins_env);
    env->rc = -1; /* lives for the run: its functions close over it */
    prelude_env = env;
    env_set(env, intern("np", 2), incref(np));
    const char *file = cur_file;
    int line = cur_line; /* errors after the load are the script's */
    Node *m = parse_module(nd_prelude_src, "<numpy prelude>", 1);
    cur_file = file;
    if (!m) return -1;
    Frame f = {.env = env};
    int r = exec_block(&f, m);
    cur_line = line;
    if (r != XR_OK) return -1;
    for (int i = 0; i < env->cap; i++) {
        const char *k = env->k[i];
        if (!k || k == ENV_TOMB || k[0] == '_' || env->v[i].t == T_MODULE) continue; /* np, math */
        /* "linalg__norm" is numpy.linalg's norm; "np__divmod" numpy's divmod
         * (a name the prelude's own code must not see shadow a builtin) */
        const char *sep = strstr(k, "__");
        ODict *attrs = ((OModule *)np.o)->attrs;
        if (sep && sep - k == 2 && !strncmp(k, "np", 2)) {
            k = sep + 2;
        } else if (sep) {
            char sub[64];
            snprintf(sub, sizeof sub, "numpy.%.*s", (int)(sep - k), k);
            Val m = np_submodule(sub);
            if (m.t != T_MODULE) continue;
            attrs = ((OModule *)m.o)->attrs;
            k = sep + 2;
        }
        Val key = mk_cstr(k);
        bool have = false;
        dict_get(VOBJ(attrs), key, &have);
        if (!have) dict_set(VOBJ(attrs), key, env->v[i]);
        decref(key);
    }
    return 0;
}

Val np_prelude_attr(Val mod, const char *name, bool *found) {
    *found = false;
    if (prelude_loaded || strncmp(((OModule *)mod.o)->name, "numpy", 5)) return VNONE;
    if (load(np_module()) < 0) return VERR;
    Val k = mk_cstr(name);
    Val r = dict_get(VOBJ(((OModule *)mod.o)->attrs), k, found);
    decref(k);
    return *found ? incref(r) : VNONE;
}

Val np_prelude_call(const char *fname, int argc, Val *argv) {
    Val np = np_module();
    if (!prelude_loaded && load(np) < 0) return VERR;
    Val *f = prelude_env ? env_find(prelude_env, intern(fname, strlen(fname))) : NULL;
    if (!f) return raise_exc(RuntimeErrorT, "nd's numpy prelude has no %s", fname);
    return call_val(*f, argc, argv, NULL);
}

bool np_prelude_scope(const Env *e) {
    for (; e && prelude_env; e = e->parent)
        if (e == prelude_env) return true;
    return false;
}
