/* fault.h — allocation-failure harness (SQLite's do_faultsim_test, Lua's
 * ltests.c allocator).
 *
 * A case names a setup (builds the inputs) and an op (one nd call).  The
 * harness installs a counting allocator, runs the op once to learn what it
 * returns, then again with allocation N refused for N = 1, 2, ... until the
 * op no longer reaches a refused allocation; once where only allocation N
 * fails ("transient") and once where every allocation from N on fails
 * ("persistent").  Each refused run must
 *   - fail (NULL / negative) with nd_errcode() == ND_ENOMEM (or the case's
 *     expected error), or succeed with exactly the reference result (a
 *     function may fall back to a path that needs less memory),
 *   - leave every input exactly as it was (shape, strides, flags, data
 *     pointer, dtype, base, refcounts, every byte of the buffers),
 *   - leak nothing: live allocations back to the count before the call, and
 *     to zero once the inputs are released.
 * The final run must give the same result as the first.  An op (or setup)
 * that reports ND_ENOTIMPL marks the case skipped, so cases for functions
 * still being written start passing when the code lands. */
#ifndef ND_FAULT_H
#define ND_FAULT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "nd.h"

#define FAULT_NIN 4

typedef struct fault_fx {
    nd_array *a[FAULT_NIN]; /* inputs; the harness releases them */
    nd_buf *buf;            /* an input buffer, if any */
    int counter;            /* for release callbacks */
    void *in_obj;           /* another input (npz handle, DLPack tensor) */
    void (*in_obj_free)(void *);
    /* The op's result: the op stores at most one of these (keep_* helpers). */
    nd_array *out;
    nd_buf *out_buf;
    char *out_str;
    void *out_mem;
    size_t out_len;
    const nd_dtype *out_dt;
    int out_int;
    void *out_obj; /* any other result, freed with out_obj_free */
    void (*out_obj_free)(void *);
    int thread_err; /* an op that calls nd on another thread: that thread's nd_errcode() */
} fault_fx;

/* Both return 0 on success or a negative nd status. */
typedef int (*fault_setup_fn)(fault_fx *f);
typedef int (*fault_op_fn)(fault_fx *f);

typedef struct fault_case {
    const char *name;
    fault_setup_fn setup; /* NULL: no inputs */
    fault_op_fn op;
    int expect; /* 0: the op succeeds; else the error code it must give */
} fault_case;

/* The cmocka test body; state is the fault_case. */
void fault_run(void **state);

#define FAULT_CASE(nm, st, fn, ex) \
    { #nm, fault_run, NULL, NULL, &(fault_case){#nm, st, fn, ex} }

/* Store an op's result; return 0, or the error code when it is NULL
 * (FAULT_NOERR if the call failed without setting an error). */
#define FAULT_NOERR (-1000)
int keep(fault_fx *f, nd_array *r);
int keep_buf(fault_fx *f, nd_buf *b);
int keep_str(fault_fx *f, char *s);
int keep_mem(fault_fx *f, void *p, size_t len);
int keep_dt(fault_fx *f, const nd_dtype *d);
int keep_int(fault_fx *f, int rc);
int keep_obj(fault_fx *f, void *p, void (*free_fn)(void *));

/* Stop refusing allocations for the rest of this run: lets an op verify its
 * own failure (e.g. draw from a generator) with nd calls that allocate.
 * Whatever it allocates must be freed before it returns. */
void fault_disarm(void);
/* The counting allocator, for ops that run nd calls on a thread of their
 * own (the allocator is per thread). */
const nd_allocator *fault_allocator(void);

/* Setup helpers: a C-ordered owner built from arange values (cast to dt),
 * and a view over an input's buffer with explicit strides (no view code
 * needed, so setups work before the view functions land). */
nd_array *fx_owner(int ndim, const int64_t *shape, nd_type t);
nd_array *fx_strided(nd_array *owner, nd_type t, int ndim, const int64_t *shape, const int64_t *strides,
                     int64_t offset);

#endif /* ND_FAULT_H */
