/* compare.c — isclose, allclose, array_equal, computed with the same ufunc
 * calls, in the same order and on the same operand kinds as NumPy 1.24's
 * numeric.py, so dtypes and roundings (float32 tolerances, value-based
 * 0-d operands) match. */
#include "nd_internal.h"

/* A little stack of temporaries released together. */
typedef struct {
    nd_array *t[40];
    int n;
} pool;

static nd_array *keep(pool *p, nd_array *a) {
    assert(p->n < 40);
    if (a) p->t[p->n++] = a;
    return a;
}

static void drain(pool *p) {
    while (p->n) nd_release(p->t[--p->n]);
}

static nd_array *uf(pool *p, nd_ufunc op, const nd_array *a, const nd_array *b) {
    return keep(p, nd_apply(op, a, b, NULL));
}

/* within_tol: less_equal(abs(x-y), atol + rtol * abs(y)). */
static nd_array *within_tol(pool *p, const nd_array *x, const nd_array *y, const nd_array *atol,
                            const nd_array *rtol) {
    nd_array *d = uf(p, ND_SUBTRACT, x, y);
    nd_array *ad = d ? uf(p, ND_ABSOLUTE, d, NULL) : NULL;
    nd_array *ay = ad ? uf(p, ND_ABSOLUTE, y, NULL) : NULL;
    nd_array *ry = ay ? uf(p, ND_MULTIPLY, rtol, ay) : NULL;
    nd_array *tol = ry ? uf(p, ND_ADD, atol, ry) : NULL;
    return tol ? uf(p, ND_LESS_EQUAL, ad, tol) : NULL;
}

/* 1 when every element is true, 0 when not, <0 on error. */
static int all_true(const nd_array *a) {
    nd_array *r = nd_all(a, -1, NULL, false);
    if (!r) return ND_ENOMEM;
    int v = *(const bool *)r->data;
    nd_release(r);
    return v;
}

/* x and y broadcast to their common shape, at least 1-d: what NumPy's
 * non-finite path computes on after `x * ones_like(cond)` and boolean
 * indexing (so 0-d operands no longer count by value). */
static int broadcast_pair(pool *p, const nd_array *x, const nd_array *y, nd_array **xb, nd_array **yb) {
    int nds[2] = {x->ndim, y->ndim}, nd;
    const int64_t *shs[2] = {x->shape, y->shape};
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, nds, shs, &nd, shape) < 0) return ND_EVALUE;
    if (nd == 0) shape[nd++] = 1;
    *xb = keep(p, nd_broadcast_to((nd_array *)x, nd, shape));
    *yb = *xb ? keep(p, nd_broadcast_to((nd_array *)y, nd, shape)) : NULL;
    return *yb ? 0 : ND_ENOMEM;
}

/* NumPy's `x * ones_like(cond)` for both operands (cond: bool, of the
 * broadcast shape): the product, not a broadcast view, because a complex
 * inf times (1+0j) gains a NaN part and then compares unequal.  0-d results
 * become 1-d, as boolean indexing makes them. */
static int times_ones(pool *p, const nd_array *x, const nd_array *y, nd_array **xb, nd_array **yb) {
    int nds[2] = {x->ndim, y->ndim}, nd;
    const int64_t *shs[2] = {x->shape, y->shape};
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, nds, shs, &nd, shape) < 0) return ND_EVALUE;
    nd_array *ones = keep(p, nd_full(nd, shape, ND_BOOLV(true), nd_dtype_of(ND_BOOL), 'C'));
    nd_array *xm = ones ? uf(p, ND_MULTIPLY, x, ones) : NULL, *ym = xm ? uf(p, ND_MULTIPLY, y, ones) : NULL;
    if (!ym) return ND_ENOMEM;
    if (nd == 0) {
        int64_t one = 1;
        xm = keep(p, nd_reshape(xm, 1, &one, 'C', ND_COPY_NEVER));
        ym = xm ? keep(p, nd_reshape(ym, 1, &one, 'C', ND_COPY_NEVER)) : NULL;
        if (!ym) return ND_ENOMEM;
    }
    *xb = xm;
    *yb = ym;
    return 0;
}

static nd_array *isclose_nonfinite(pool *p, const nd_array *x, const nd_array *y, const nd_array *atol,
                                   const nd_array *rtol, bool equal_nan, int out_nd) {
    nd_array *xb, *yb;
    if (times_ones(p, x, y, &xb, &yb) < 0) return NULL;
    nd_array *xf = uf(p, ND_ISFINITE, xb, NULL), *yf = xf ? uf(p, ND_ISFINITE, yb, NULL) : NULL;
    nd_array *fin = yf ? uf(p, ND_LOGICAL_AND, xf, yf) : NULL;
    nd_array *tol = fin ? within_tol(p, xb, yb, atol, rtol) : NULL;
    nd_array *eq = tol ? uf(p, ND_EQUAL, xb, yb) : NULL;
    /* cond = finite ? within_tol : x == y */
    nd_array *c1 = eq ? uf(p, ND_LOGICAL_AND, fin, tol) : NULL;
    nd_array *nf = c1 ? uf(p, ND_LOGICAL_NOT, fin, NULL) : NULL;
    nd_array *c2 = nf ? uf(p, ND_LOGICAL_AND, nf, eq) : NULL;
    nd_array *cond = c2 ? uf(p, ND_LOGICAL_OR, c1, c2) : NULL;
    if (cond && equal_nan) {
        nd_array *xn = uf(p, ND_ISNAN, xb, NULL), *yn = xn ? uf(p, ND_ISNAN, yb, NULL) : NULL;
        nd_array *both = yn ? uf(p, ND_LOGICAL_AND, xn, yn) : NULL;
        cond = both ? uf(p, ND_LOGICAL_OR, cond, both) : NULL;
    }
    if (!cond) return NULL;
    /* NumPy returns cond[()]: a view of cond, or for 0-d a new scalar. */
    if (out_nd > 0) return nd_view(cond);
    nd_array *v = nd_reshape(cond, 0, NULL, 'C', ND_COPY_NEVER), *r = v ? nd_copy(v, 'C') : NULL;
    nd_release(v);
    return r;
}

nd_array *nd_isclose(const nd_array *a, const nd_array *b, double rtol, double atol, bool equal_nan) {
    pool p = {.n = 0};
    nd_array *res = NULL;
    {
        int nd;
        int64_t shape[ND_MAXDIMS];
        if (nd__broadcast_pair(a, b, &nd, shape) < 0) return NULL;
        /* y = asanyarray(y, dtype=result_type(y, 1.)) */
        nd_array *one = keep(&p, nd_scalar(ND_F64(1.0), NULL));
        nd_array *at = keep(&p, nd_scalar(ND_F64(atol), NULL));
        nd_array *rt = keep(&p, nd_scalar(ND_F64(rtol), NULL));
        if (!one || !at || !rt) goto done;
        const nd_dtype *dt = nd_result_type(2, (const nd_array *const[]){b, one});
        if (!dt) goto done;
        nd_array *y = keep(&p, nd_astype((nd_array *)b, dt, 'K', ND_CAST_UNSAFE, false));
        nd_array *xf = y ? uf(&p, ND_ISFINITE, a, NULL) : NULL;
        nd_array *yf = xf ? uf(&p, ND_ISFINITE, y, NULL) : NULL;
        int ax = yf ? all_true(xf) : ND_ENOMEM, ay = ax > 0 ? all_true(yf) : ax;
        if (ax < 0 || ay < 0) goto done;
        if (ax && ay) {
            nd_array *w = within_tol(&p, a, y, at, rt); /* owned by the pool */
            res = w ? nd_retain(w) : NULL;
        }
        else res = isclose_nonfinite(&p, a, y, at, rt, equal_nan, nd);
    }
done:
    drain(&p);
    return res;
}

int nd_allclose(const nd_array *a, const nd_array *b, double rtol, double atol, bool equal_nan) {
    nd_array *c = nd_isclose(a, b, rtol, atol, equal_nan);
    if (!c) return nd_errcode() < 0 ? nd_errcode() : ND_ENOMEM;
    int r = all_true(c);
    nd_release(c);
    return r;
}

int nd_array_equal(const nd_array *a, const nd_array *b, bool equal_nan) {
    if (a->ndim != b->ndim || memcmp(a->shape, b->shape, (size_t)a->ndim * sizeof(int64_t))) return 0;
    pool p = {.n = 0};
    int r = ND_ENOMEM;
    if (!equal_nan) { /* asarray(a1 == a2).all(): records compare field by field */
        nd_array *eq = keep(&p, nd_equal_op(a, b, false));
        if (eq) r = all_true(eq);
        goto done;
    }
    nd_array *an = uf(&p, ND_ISNAN, a, NULL), *bn = an ? uf(&p, ND_ISNAN, b, NULL) : NULL;
    nd_array *same = bn ? uf(&p, ND_EQUAL, an, bn) : NULL;
    if (!same || (r = all_true(same)) <= 0) goto done;
    /* a1[~a1nan] == a2[~a1nan]: 1-d operands, so never compared by value. */
    nd_array *ab, *bb, *anb;
    r = ND_ENOMEM;
    if (broadcast_pair(&p, a, b, &ab, &bb) < 0) goto done;
    if (!(anb = keep(&p, nd_broadcast_to(an, ab->ndim, ab->shape)))) goto done;
    nd_array *eq = uf(&p, ND_EQUAL, ab, bb), *ok = eq ? uf(&p, ND_LOGICAL_OR, eq, anb) : NULL;
    if (ok) r = all_true(ok);
done:
    drain(&p);
    return r;
}
