/* np_ufunc.c — NumPy's ufunc objects: np.add and friends are values of type
 * numpy.ufunc that call as before and carry nin/nout/nargs/identity and the
 * methods reduce, accumulate, outer and at.  The reductions NumPy gives a
 * special order (add: pairwise sums; multiply, maximum, minimum,
 * logical_and/or) run through libnd's nd_sum/nd_prod/nd_amax/...; the other
 * ufuncs reduce step by step along the axis, as NumPy's loops do. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

int where_arg(Val v, nd_array **w); /* np_methods.c: where= as NumPy converts it */
#define UF(v) ((OUfunc *)(v).o)

Val mk_ufunc(const char *name, int nin, int op, BFn fn, Val self, const char *sig) {
    OUfunc *u = obj_new(T_UFUNC, sizeof *u);
    u->name = name;
    u->nin = nin;
    u->op = op;
    u->fn = fn;
    u->self = incref(self);
    u->sig = sig;
    u->h.rc = -1; /* the numpy module keeps its ufuncs for the whole run */
    return VOBJ(u);
}

/* ---------- what NumPy knows about each ufunc ---------- */
static bool is_op(const OUfunc *u, nd_ufunc op) { return u->op == (int)op; }
static bool is_logical(const OUfunc *u) {
    return is_op(u, ND_LOGICAL_AND) || is_op(u, ND_LOGICAL_OR) || is_op(u, ND_LOGICAL_XOR);
}
static bool is_compare(const OUfunc *u) { return u->op >= ND_EQUAL && u->op <= ND_GREATER_EQUAL; }

/* NumPy's identity (generate_umath.py); VERR: None. */
static Val identity(const OUfunc *u) {
    static const struct { const char *name; int kind; double v; } ids[] = {
        {"add", 0, 0}, {"multiply", 0, 1}, {"bitwise_and", 0, -1}, {"bitwise_or", 0, 0}, {"bitwise_xor", 0, 0},
        {"hypot", 0, 0}, {"logical_and", 1, 1}, {"logical_or", 1, 0}, {"logical_xor", 1, 0},
        {"logaddexp", 2, -INFINITY}};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (!strcmp(u->name, ids[i].name))
            return ids[i].kind == 0 ? VINT((int64_t)ids[i].v) : ids[i].kind == 1 ? VBOOL(ids[i].v != 0) : VFLOAT(ids[i].v);
    return VERR;
}
/* Reorderable ufuncs may reduce several axes at once: those with an
   identity, and maximum/minimum/fmax/fmin ("reorderable None"). */
static bool reorderable(const OUfunc *u) {
    return HAS(identity(u)) || is_op(u, ND_MAXIMUM) || is_op(u, ND_MINIMUM) || !strcmp(u->name, "fmax") ||
           !strcmp(u->name, "fmin");
}

Val ufunc_getattr(Val self, const char *name, bool *found) {
    OUfunc *u = UF(self);
    *found = true;
    if (!strcmp(name, "__name__")) return mk_cstr(u->name);
    if (!strcmp(name, "nin")) return VINT(u->nin);
    if (!strcmp(name, "nout")) return VINT(1);
    if (!strcmp(name, "nargs")) return VINT(u->nin + 1);
    if (!strcmp(name, "identity")) {
        Val id = identity(u);
        return HAS(id) ? id : VNONE;
    }
    if (!strcmp(name, "signature")) return u->sig ? mk_cstr(u->sig) : VNONE;
    if (!strcmp(name, "__class__")) return VOBJ(UfuncT);
    if (!strcmp(name, "reduce") || !strcmp(name, "accumulate") || !strcmp(name, "outer") || !strcmp(name, "at") ||
        !strcmp(name, "reduceat"))
        return bound_method(self, name);
    *found = false;
    return VERR;
}

/* ---------- helpers ---------- */
/* u(x, y) (y NULL for a unary u) into out (NULL: a new array).  A new ref,
   or NULL with the exception raised. */
static nd_array *apply(const OUfunc *u, nd_array *x, nd_array *y, nd_array *out) {
    if (u->op >= 0) return nd_ck(nd_apply((nd_ufunc)u->op, x, y, out));
    Val args[3];
    int n = 0;
    args[n++] = mk_array(nd_retain(x));
    if (y) args[n++] = mk_array(nd_retain(y));
    if (out) args[n++] = mk_array(nd_retain(out));
    Val r = u->fn(u->self, n, args, NULL);
    for (int i = 0; i < n; i++) decref(args[i]);
    if (ISERR(r)) return NULL;
    nd_array *a = arg_nd(r);
    decref(r);
    return a;
}

static Val no_loop(const OUfunc *u) {
    return raise_exc(TypeErrorT, "No loop matching the specified signature and casting was found for ufunc %s", u->name);
}

/* The dtype NumPy reduces (and accumulates) an input of dtype `in` in:
   the ufunc's loop whose first input and output types agree.  given is
   the dtype= argument (NULL: none).  A new ref, or NULL with the exception
   raised. */
static const nd_dtype *red_type(const OUfunc *u, const nd_dtype *in, const nd_dtype *given) {
    const nd_dtype *t = given ? given : in;
    char k = nd_dtype_kind(t);
    /* add and multiply accumulate small integers and bools in a long */
    if (!given && (is_op(u, ND_ADD) || is_op(u, ND_MULTIPLY)) &&
        (k == 'b' || ((k == 'i' || k == 'u') && nd_dtype_itemsize(t) < 8)))
        t = nd_dtype_of(k == 'u' ? ND_UINT64 : ND_INT64);
    if (is_logical(u) || is_compare(u)) {
        /* logical ufuncs reduce in bool (NumPy's logical promoter); the
           comparisons' only loop with a bool output and first input is ?? */
        if ((given || is_compare(u)) && nd_dtype_type(t) != ND_BOOL) { no_loop(u); return NULL; }
        return nd_dtype_of(ND_BOOL);
    }
    int64_t zero = 0;
    nd_array *e = nd_ck(nd_empty(1, &zero, t, 'C'));
    nd_array *r = e ? apply(u, e, e, NULL) : NULL;
    nd_release(e);
    if (!r) return NULL;
    const nd_dtype *o = nd_dtype_retain(nd_array_dtype(r));
    nd_release(r);
    if (given && !nd_dtype_equal(o, given)) {
        nd_dtype_release(o);
        no_loop(u);
        return NULL;
    }
    return o;
}

/* An axis argument of reduce: an int, None (all axes) or a tuple, into a
   mask of reduced axes.  NumPy's errors; <0 when raised. */
static int red_axes(Val v, int ndim, bool *red, int *naxes) {
    for (int i = 0; i < ndim; i++) red[i] = false;
    *naxes = 0;
    if (v.t == T_NONE) {
        for (int i = 0; i < ndim; i++) red[i] = true;
        *naxes = ndim;
        return 0;
    }
    bool tuple = v.t == T_TUPLE;
    int n = tuple ? (int)LIST(v)->n : 1;
    for (int k = 0; k < n; k++) {
        Val x = tuple ? LIST(v)->v[k] : v;
        int64_t ax;
        if (x.t == T_BOOL || (x.t == T_SCALAR && SCAL(x).type == ND_BOOL)) {
            raise_exc(TypeErrorT, "an integer is required");
            return -1;
        }
        if (to_int64(x, &ax, NULL) < 0) return -1;
        /* a 0-d input takes an int axis 0 or -1 as no axis (NumPy's backwards compatibility) */
        if (ndim == 0 && !tuple && (ax == 0 || ax == -1)) return 0;
        int a;
        if (axis_norm(ax, ndim, &a) < 0) return -1;
        if (red[a]) {
            raise_exc(ValueErrorT, "duplicate value in 'axis'");
            return -1;
        }
        red[a] = true;
        (*naxes)++;
    }
    return 0;
}

/* x's shape with the reduced axes dropped (or kept as 1). */
static int red_shape(const nd_array *x, const bool *red, bool keep, int64_t *shape) {
    int n = 0;
    for (int i = 0; i < nd_ndim(x); i++)
        if (!red[i] || keep) shape[n++] = red[i] ? 1 : nd_shape(x)[i];
    return n;
}

/* v (a Python value) as a 0-d array of dtype dt, cast as NumPy stores it. */
static nd_array *value_as(Val v, const nd_dtype *dt) {
    nd_array *x = arg_nd(v);
    nd_array *r = x ? nd_ck(nd_astype(x, dt, 'K', ND_CAST_UNSAFE, true)) : NULL;
    nd_release(x);
    return r;
}

/* An array of the given shape filled with init (0-d, of dtype dt). */
static nd_array *filled(int n, const int64_t *shape, const nd_dtype *dt, const nd_array *init) {
    nd_array *r = nd_ck(nd_empty(n, shape, dt, 'C'));
    if (r && init && nd_copyto(r, init, ND_CAST_UNSAFE) < 0) {
        nd_release(r);
        raise_nd();
        return NULL;
    }
    return r;
}

/* ---------- reduce ---------- */
/* Reduce x (already of the loop dtype) over the axes in red one step at a
   time: acc = init or the first slice, then acc = u(acc, next slice) in
   C order of the reduced indices.  Returns the kept axes' shape. */
static nd_array *reduce_steps(const OUfunc *u, nd_array *x, const bool *red, const nd_array *init, nd_array *mask) {
    int nd = nd_ndim(x), perm[ND_MAXDIMS], nr = 0, nk = 0;
    int64_t kshape[ND_MAXDIMS], rshape[ND_MAXDIMS], total = 1;
    for (int i = 0; i < nd; i++)
        if (red[i]) { perm[nr] = i; rshape[nr++] = nd_shape(x)[i]; total *= nd_shape(x)[i]; }
    for (int i = 0; i < nd; i++)
        if (!red[i]) { kshape[nk] = nd_shape(x)[i]; perm[nr + nk++] = i; }
    nd_array *t = nd_ck(nd_transpose(x, perm)); /* reduced axes first */
    nd_array *mt = t && mask ? nd_ck(nd_transpose(mask, perm)) : NULL;
    if (!t || (mask && !mt)) {
        nd_release(t);
        return NULL;
    }
    nd_idx ix[ND_MAXDIMS];
    for (int i = 0; i < nr; i++) ix[i] = ND_I(0);
    nd_array *acc = NULL;
    int64_t start = 0;
    if (init) {
        acc = filled(nk, kshape, nd_array_dtype(x), init);
    } else {
        nd_array *first = nd_ck(nd_subscript(t, nr, ix));
        acc = first ? nd_ck(nd_copy(first, 'C')) : NULL;
        nd_release(first);
        start = 1;
    }
    for (int64_t s = start; acc && s < total; s++) {
        for (int64_t q = s, i = nr - 1; i >= 0; i--) { /* s in C order over the reduced dims */
            ix[i] = ND_I(q % rshape[i]);
            q /= rshape[i];
        }
        nd_array *sl = nd_ck(nd_subscript(t, nr, ix));
        nd_array *r = sl ? apply(u, acc, sl, mt ? NULL : acc) : NULL;
        nd_release(sl);
        if (r && mt) { /* where=: only the masked-in elements take the step */
            nd_array *ms = nd_ck(nd_subscript(mt, nr, ix));
            nd_array *w = ms ? nd_ck(nd_where(ms, r, acc)) : NULL;
            if (!w || nd_copyto(acc, w, ND_CAST_UNSAFE) < 0) {
                if (w) raise_nd();
                nd_release(r);
                r = NULL;
            }
            nd_release(ms);
            nd_release(w);
        }
        if (!r) { nd_release(acc); acc = NULL; }
        nd_release(r);
    }
    nd_release(t);
    nd_release(mt);
    return acc;
}

/* The reduction of x (non-empty along the axes) as NumPy computes it. */
static nd_array *reduce_nd(const OUfunc *u, nd_array *x, const bool *red, bool keep, const nd_dtype *dt,
                           const nd_array *init, nd_array *mask) {
    int axes[ND_MAXDIMS], n = 0;
    for (int i = 0; i < nd_ndim(x); i++)
        if (red[i]) axes[n++] = i;
    nd_array *r = NULL;
    bool fast = true;
    if (mask) fast = false; /* the ufuncs nd_reduce_ex takes never get here with a mask */
    else if (is_op(u, ND_ADD)) r = nd_ck(nd_sum(x, n, axes, keep, dt));
    else if (is_op(u, ND_MULTIPLY)) r = nd_ck(nd_prod(x, n, axes, keep, dt));
    else if (is_op(u, ND_LOGICAL_AND)) r = nd_ck(nd_all(x, n, axes, keep));
    else if (is_op(u, ND_LOGICAL_OR)) r = nd_ck(nd_any(x, n, axes, keep));
    else if (is_op(u, ND_MAXIMUM) || is_op(u, ND_MINIMUM)) {
        nd_array *c = nd_ck(nd_astype(x, dt, 'K', ND_CAST_UNSAFE, false));
        if (c) r = nd_ck(is_op(u, ND_MAXIMUM) ? nd_amax(c, n, axes, keep) : nd_amin(c, n, axes, keep));
        nd_release(c);
    } else fast = false;
    if (!fast) {
        nd_array *c = nd_ck(nd_astype(x, dt, 'K', ND_CAST_UNSAFE, false));
        r = c ? reduce_steps(u, c, red, init, mask) : NULL;
        nd_release(c);
        if (r && keep) {
            int64_t shape[ND_MAXDIMS];
            int k = red_shape(x, red, true, shape);
            nd_array *v = nd_ck(nd_reshape(r, k, shape, 'C', ND_COPY_IF_NEEDED));
            nd_release(r);
            r = v;
        }
    }
    if (r && fast && init) { /* NumPy starts from initial: u(initial, the rest) */
        nd_array *v = apply(u, (nd_array *)init, r, NULL);
        nd_release(r);
        r = v;
    }
    return r;
}

/* reduce's and accumulate's arguments (spec as argparse's) with NumPy's
   messages for a missing array and for one given twice.  <0 when raised. */
static int method_args(const char *fname, int argc, Val *argv, Kw *kw, const char *spec, int nmax, Val *p) {
    if (argc > nmax)
        return raise_exc(TypeErrorT, "%s() takes from 1 to %d positional arguments but %d were given", fname, nmax, argc), -1;
    bool arr = argc > 0;
    for (int k = 0; kw && k < kw->n; k++) {
        const char *at = strstr(spec, kw->names[k]);
        size_t len = strlen(kw->names[k]);
        if (!at || (at[len] != ',' && at[len] != '|' && at[len]) || (at != spec && at[-1] != ',' && at[-1] != '|'))
            continue; /* argparse reports unknown names */
        int pos = 0;
        for (const char *c = spec; c < at; c++) pos += *c == ',' || *c == '|';
        if (pos == 0) arr = true;
        if (pos < argc)
            return raise_exc(TypeErrorT, "argument for %s() given by name ('%s') and position (position %d)", fname,
                             kw->names[k], pos), -1;
    }
    if (!arr) return raise_exc(TypeErrorT, "%s() missing required argument 'array' (pos 0)", fname), -1;
    return argparse(fname, argc, argv, kw, spec, p);
}

/* out=: None, an array or a 1-tuple of one.  0: none, 1: *out set, <0 raised. */
static int out_arg(Val v, nd_array **out) {
    *out = NULL;
    if (!GIVEN(v)) return 0;
    if (v.t == T_TUPLE && LIST(v)->n == 1) v = LIST(v)->v[0];
    if (v.t != T_ARRAY) {
        raise_exc(TypeErrorT, "output must be an array");
        return -1;
    }
    *out = ARR(v);
    return 1;
}

/* The result, or out filled with it. */
static Val finish(nd_array *r, Val outv, nd_array *out) {
    if (!r) return VERR;
    if (!out) return array_wrap0(r);
    int rc = nd_copyto(out, r, ND_CAST_UNSAFE);
    nd_release(r);
    if (rc < 0) return raise_nd();
    return incref(outv.t == T_TUPLE ? LIST(outv)->v[0] : outv);
}

/* The ufuncs libnd's nd_reduce_ex reduces (with initial=, where=, out=). */
static bool ex_op(const OUfunc *u) {
    static const nd_ufunc ops[] = {ND_ADD, ND_MULTIPLY, ND_MINIMUM, ND_MAXIMUM, ND_LOGICAL_AND, ND_LOGICAL_OR,
                                   ND_LOGICAL_XOR, ND_BITWISE_AND, ND_BITWISE_OR, ND_BITWISE_XOR};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (is_op(u, ops[i])) return true;
    return false;
}

/* The result, or out (the array object given) after it was filled. */
static Val out_result(nd_array *r, Val outv) {
    if (!r) return VERR;
    nd_release(r);
    return incref(outv.t == T_TUPLE ? LIST(outv)->v[0] : outv);
}

/* The reduction with initial=, where= or out= through nd_reduce_ex. */
static Val reduce_ex(const OUfunc *u, nd_array *x, const bool *red, bool keep, const nd_dtype *given, Val iv,
                     nd_array *where, nd_array *out, Val outv) {
    int axes[ND_MAXDIMS], n = 0;
    for (int i = 0; i < nd_ndim(x); i++)
        if (red[i]) axes[n++] = i;
    nd_array *init = GIVEN(iv) ? arg_nd(iv) : NULL;
    if (GIVEN(iv) && !init) return VERR;
    /* initial=None: no start value, the first elements are */
    const nd_array *start = HAS(iv) && iv.t == T_NONE ? ND_INITIAL_NONE : init;
    nd_array *r = nd_ck(nd_reduce_ex((nd_ufunc)u->op, x, n, axes, keep, given, start, where, out));
    nd_release(init);
    return out ? out_result(r, outv) : r ? array_wrap0(r) : VERR;
}

static Val uf_reduce(OUfunc *u, int argc, Val *argv, Kw *kw) {
    if (u->sig) return raise_exc(RuntimeErrorT, "Reduction not defined on ufunc with signature");
    if (u->nin != 2) return raise_exc(ValueErrorT, "reduce only supported for binary functions");
    Val p[7];
    if (method_args("reduce", argc, argv, kw, "array|axis,dtype,out,keepdims,initial,where", 7, p) < 0) return VERR;
    nd_array *out, *where = NULL;
    if (out_arg(p[3], &out) < 0) return VERR;
    bool keep = HAS(p[4]) && val_truth(p[4]) > 0;
    const nd_dtype *given = NULL;
    if (GIVEN(p[2]) && get_dtype(p[2], &given) < 0) return VERR;
    if (where_arg(p[6], &where) < 0) {
        nd_dtype_release(given);
        return VERR;
    }
    nd_array *x = arg_nd(p[0]), *init = NULL, *r = NULL, *wb = NULL;
    const nd_dtype *dt = NULL;
    Val res = VERR;
    bool red[ND_MAXDIMS];
    int naxes;
    if (!x || red_axes(HAS(p[1]) ? p[1] : VINT(0), nd_ndim(x), red, &naxes) < 0) goto done;
    if (naxes > 1 && !reorderable(u)) {
        raise_exc(ValueErrorT, "reduction operation '%s' is not reorderable, so at most one axis may be specified", u->name);
        goto done;
    }
    Val iv = HAS(p[5]) ? p[5] : identity(u); /* initial=None: no initial value, as NumPy */
    if (where && !(HAS(iv) && iv.t != T_NONE)) {
        raise_exc(ValueErrorT, "reduction operation '%s' does not have an identity, so to use a where mask one has to specify 'initial'", u->name);
        goto done;
    }
    if (ex_op(u) && (where || out || HAS(p[5]))) {
        res = reduce_ex(u, x, red, keep, given, p[5], where, out, p[3]);
        goto done;
    }
    if (!(dt = red_type(u, nd_array_dtype(x), given))) goto done;
    if (HAS(iv) && iv.t != T_NONE && !(init = value_as(iv, dt))) goto done;
    if (where && !(wb = nd_ck(nd_broadcast_to(where, nd_ndim(x), nd_shape(x))))) goto done;
    int64_t shape[ND_MAXDIMS], osize = 1, rsize = 1;
    int k = red_shape(x, red, keep, shape);
    for (int i = 0; i < k; i++) osize *= shape[i];
    for (int i = 0; i < nd_ndim(x); i++)
        if (red[i]) rsize *= nd_shape(x)[i];
    if (rsize == 0 || osize == 0) { /* nothing to reduce: initial (or the identity) everywhere */
        if (!init && osize > 0) {
            raise_exc(ValueErrorT, "zero-size array to reduction operation %s which has no identity", u->name);
            goto done;
        }
        r = filled(k, shape, dt, osize > 0 ? init : NULL);
    } else {
        /* initial=None for a ufunc with an identity: NumPy still starts from the first element */
        r = reduce_nd(u, x, red, keep, dt, HAS(p[5]) || wb ? init : NULL, wb);
    }
    res = r ? finish(r, p[3], out) : VERR;
done:
    nd_release(x);
    nd_release(init);
    nd_release(where);
    nd_release(wb);
    nd_dtype_release(dt);
    nd_dtype_release(given);
    return res;
}

/* ---------- accumulate ---------- */
/* Running u along axis of x (already of the loop dtype): r[0] = x[0],
   r[i] = u(r[i-1], x[i]). */
static nd_array *accumulate_steps(const OUfunc *u, nd_array *x, int axis) {
    nd_array *r = nd_ck(nd_empty(nd_ndim(x), nd_shape(x), nd_array_dtype(x), 'C'));
    int64_t n = nd_shape(x)[axis];
    for (int64_t i = 0; r && i < n; i++) {
        nd_array *dst = slice_axis(r, axis, i, i + 1, 1), *src = dst ? slice_axis(x, axis, i, i + 1, 1) : NULL;
        nd_array *prev = src && i ? slice_axis(r, axis, i - 1, i, 1) : NULL;
        bool ok;
        if (i == 0) {
            ok = src && nd_copyto(dst, src, ND_CAST_NO) == 0;
            if (src && !ok) raise_nd();
        } else {
            nd_array *s = prev ? apply(u, prev, src, dst) : NULL;
            ok = s != NULL;
            nd_release(s);
        }
        nd_release(dst);
        nd_release(src);
        nd_release(prev);
        if (!ok) { nd_release(r); r = NULL; }
    }
    return r;
}

static Val uf_accumulate(OUfunc *u, int argc, Val *argv, Kw *kw) {
    if (u->sig) return raise_exc(RuntimeErrorT, "Reduction not defined on ufunc with signature");
    if (u->nin != 2) return raise_exc(ValueErrorT, "accumulate only supported for binary functions");
    Val p[4];
    if (method_args("accumulate", argc, argv, kw, "array|axis,dtype,out", 4, p) < 0) return VERR;
    nd_array *out;
    if (out_arg(p[3], &out) < 0) return VERR;
    const nd_dtype *given = NULL, *dt = NULL;
    if (GIVEN(p[2]) && get_dtype(p[2], &given) < 0) return VERR;
    nd_array *x = arg_nd(p[0]), *r = NULL;
    Val av = HAS(p[1]) ? p[1] : VINT(0);
    int axis;
    if (!x) goto done;
    if (nd_ndim(x) == 0) { raise_exc(TypeErrorT, "cannot accumulate on a scalar"); goto done; }
    if (av.t == T_TUPLE && LIST(av)->n == 1) av = LIST(av)->v[0];
    if (av.t == T_NONE || av.t == T_TUPLE) { raise_exc(ValueErrorT, "accumulate does not allow multiple axes"); goto done; }
    if (axis_arg(av, nd_ndim(x), &axis) < 0 || !(dt = red_type(u, nd_array_dtype(x), given))) goto done;
    if (is_op(u, ND_ADD)) r = nd_ck(nd_cumsum(x, axis, dt));
    else if (is_op(u, ND_MULTIPLY)) r = nd_ck(nd_cumprod(x, axis, dt));
    else {
        nd_array *c = nd_ck(nd_astype(x, dt, 'K', ND_CAST_UNSAFE, false));
        r = c ? accumulate_steps(u, c, axis) : NULL;
        nd_release(c);
    }
done:
    nd_release(x);
    nd_dtype_release(dt);
    nd_dtype_release(given);
    if (!r) return VERR;
    if (!out) return mk_array(r);
    return finish(r, p[3], out);
}

/* ---------- reduceat ---------- */
/* reduceat's axis: NumPy's parsing (None: every axis; a tuple; an int,
   which a 0-d array takes as no axis), then one axis only.  <0 raised. */
static int reduceat_axis(Val v, int ndim, int *axis) {
    int n = 0;
    if (!HAS(v)) n = ndim > 0, *axis = 0;
    else if (v.t == T_NONE) n = ndim, *axis = 0;
    else if (v.t == T_TUPLE) {
        n = (int)LIST(v)->n;
        for (int k = 0; k < n; k++) {
            int64_t x;
            if (to_int64(LIST(v)->v[k], &x, NULL) < 0 || axis_norm(x, ndim, axis) < 0) return -1;
        }
    } else {
        int64_t x;
        if (to_int64(v, &x, NULL) < 0) return -1;
        if (ndim == 0 && (x == 0 || x == -1)) n = 0;
        else if (axis_norm(x, ndim, axis) < 0) return -1;
        else n = 1;
    }
    if (ndim == 0) return raise_exc(TypeErrorT, "cannot reduceat on a scalar"), -1;
    if (n != 1) return raise_exc(ValueErrorT, "reduceat does not allow multiple axes"), -1;
    return 0;
}

/* reduceat for the ufuncs libnd has no loop for: the first element of
   each slice, then u step by step along the axis. */
static nd_array *reduceat_steps(const OUfunc *u, nd_array *x, nd_array *ind, int axis, const nd_dtype *given) {
    const nd_dtype *dt = red_type(u, nd_array_dtype(x), given);
    nd_array *c = dt ? nd_ck(nd_astype(x, dt, 'K', ND_CAST_UNSAFE, false)) : NULL, *r = NULL;
    int64_t n = nd_size(ind), len = nd_shape(x)[axis], shape[ND_MAXDIMS];
    const int64_t *ix = nd_data(ind);
    for (int64_t i = 0; c && i < n; i++)
        if (ix[i] < 0 || ix[i] >= len) {
            raise_exc(IndexErrorT, "index %lld out-of-bounds in %s.reduceat [0, %lld)", (long long)ix[i], u->name, (long long)len);
            goto done;
        }
    memcpy(shape, nd_shape(x), sizeof(int64_t) * (size_t)nd_ndim(x));
    shape[axis] = n;
    if (!c || !(r = nd_ck(nd_empty(nd_ndim(x), shape, dt, 'C')))) goto done;
    for (int64_t i = 0; i < n; i++) {
        int64_t end = i == n - 1 ? len : ix[i + 1];
        nd_array *dst = slice_axis(r, axis, i, i + 1, 1), *first = dst ? slice_axis(c, axis, ix[i], ix[i] + 1, 1) : NULL;
        bool ok = first && nd_copyto(dst, first, ND_CAST_UNSAFE) == 0;
        if (first && !ok) raise_nd();
        for (int64_t k = ix[i] + 1; ok && k < end; k++) {
            nd_array *sl = slice_axis(c, axis, k, k + 1, 1), *s = sl ? apply(u, dst, sl, dst) : NULL;
            ok = s != NULL;
            nd_release(sl);
            nd_release(s);
        }
        nd_release(dst);
        nd_release(first);
        if (!ok) {
            nd_release(r);
            r = NULL;
            break;
        }
    }
done:
    nd_release(c);
    nd_dtype_release(dt);
    return r;
}

static Val uf_reduceat(OUfunc *u, int argc, Val *argv, Kw *kw) {
    if (u->sig) return raise_exc(RuntimeErrorT, "Reduction not defined on ufunc with signature");
    if (u->nin != 2) return raise_exc(ValueErrorT, "reduceat only supported for binary functions");
    Val p[5];
    if (method_args("reduceat", argc, argv, kw, "array|indices,axis,dtype,out", 5, p) < 0) return VERR;
    if (!HAS(p[1])) return raise_exc(TypeErrorT, "reduceat() missing required argument 'indices' (pos 1)");
    nd_array *out, *ind = NULL, *x = NULL, *r = NULL;
    const nd_dtype *given = NULL;
    Val res = VERR;
    if (p[1].t == T_ARRAY) ind = nd_retain(ARR(p[1]));
    else {
        Val iv = np_array_from(p[1], nd_dtype_of(ND_INT64), false);
        if (ISERR(iv)) return VERR;
        ind = nd_retain(ARR(iv));
        decref(iv);
    }
    if (nd_ndim(ind) != 1) { /* PyArray_FromAny(indices, intp, 1, 1) */
        raise_exc(ValueErrorT, nd_ndim(ind) ? "object too deep for desired array" : "object of too small depth for desired array");
        goto done;
    }
    if ((GIVEN(p[3]) && get_dtype(p[3], &given) < 0) || out_arg(p[4], &out) < 0 || !(x = arg_nd(p[0]))) goto done;
    int axis;
    if (reduceat_axis(p[2], nd_ndim(x), &axis) < 0) goto done;
    if (u->op >= 0) {
        r = nd_ck(nd_reduceat((nd_ufunc)u->op, x, ind, axis, given, out));
        res = out ? out_result(r, p[4]) : r ? mk_array(r) : VERR;
    } else {
        /* the indices as libnd's nd_reduceat takes them: a safe cast to intp */
        nd_array *c = nd_ck(nd_astype(ind, nd_dtype_of(ND_INT64), 'C', ND_CAST_SAFE, false));
        nd_release(ind);
        if (!(ind = c)) goto done;
        r = reduceat_steps(u, x, ind, axis, given);
        res = r ? finish(r, p[4], out) : VERR;
    }
done:
    nd_release(ind);
    nd_release(x);
    nd_dtype_release(given);
    return res;
}

/* ---------- outer, at ---------- */
static Val uf_outer(OUfunc *u, int argc, Val *argv, Kw *kw) {
    if (u->sig) return raise_exc(TypeErrorT, "method outer is not allowed in ufunc with non-trivial signature");
    if (u->nin != 2) return raise_exc(ValueErrorT, "outer product only supported for binary functions");
    if (argc != 2) return raise_exc(TypeErrorT, "exactly two arguments expected");
    nd_array *a = arg_nd(argv[0]), *b = a ? arg_nd(argv[1]) : NULL;
    if (!b) { nd_release(a); return VERR; }
    int na = nd_ndim(a), nb = nd_ndim(b);
    Val r = VERR;
    if (na + nb > ND_MAXDIMS) {
        raise_exc(ValueErrorT, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS, na + nb);
    } else {
        /* NumPy: a.reshape(a.shape + (1,) * b.ndim) against b */
        int64_t shape[ND_MAXDIMS];
        memcpy(shape, nd_shape(a), sizeof(int64_t) * (size_t)na);
        for (int i = 0; i < nb; i++) shape[na + i] = 1;
        nd_array *ar = nd_ck(nd_reshape(a, na + nb, shape, 'C', ND_COPY_IF_NEEDED));
        if (ar) {
            Val args[2] = {mk_array(ar), mk_array(nd_retain(b))};
            r = u->fn(u->self, 2, args, kw);
            decref(args[0]);
            decref(args[1]);
        }
    }
    nd_release(a);
    nd_release(b);
    return r;
}

/* One step of at(): a[pos] = u(a[pos], b) with a[pos] as a 1-element view,
   so that type resolution sees an array, as NumPy's at() does. */
static int at_one(const OUfunc *u, nd_array *a, int64_t pos, nd_array *b) {
    int nd = nd_ndim(a);
    nd_idx ix[ND_MAXDIMS];
    for (int i = nd - 1; i >= 0; i--) {
        ix[i] = ND_I(pos % nd_shape(a)[i]);
        pos /= nd_shape(a)[i];
    }
    nd_array *e = nd_ck(nd_subscript(a, nd, ix));
    nd_array *e1 = e ? nd_ck(nd_reshape(e, 1, (int64_t[]){1}, 'C', ND_COPY_NEVER)) : NULL;
    nd_array *r = e1 ? apply(u, e1, b, NULL) : NULL;
    int rc = r ? nd_copyto(e1, r, ND_CAST_UNSAFE) : -1;
    if (r && rc < 0) raise_nd();
    nd_release(e);
    nd_release(e1);
    nd_release(r);
    return rc;
}

static Val uf_at(OUfunc *u, int argc, Val *argv, Kw *kw) {
    if (kw && kw->n) return raise_exc(TypeErrorT, "ufunc.at() takes no keyword arguments");
    if (argc < 2) return raise_exc(TypeErrorT, "at() takes at least 2 arguments (%d given)", argc);
    if (argc > 3) return raise_exc(TypeErrorT, "at() takes at most 3 arguments (%d given)", argc);
    if (argv[0].t != T_ARRAY) return raise_exc(TypeErrorT, "first operand must be array");
    if (u->nin == 2 && argc < 3) return raise_exc(ValueErrorT, "second operand needed for ufunc");
    if (u->nin == 1 && argc > 2) return raise_exc(ValueErrorT, "second operand provided when ufunc is unary");
    if (u->sig) return raise_exc(TypeErrorT, "ufunc.at() is not supported for ufuncs with a signature by nd");
    nd_array *a = ARR(argv[0]), *pos = NULL, *b = NULL, *bb = NULL;
    /* the flat positions argv[1] selects: arange(a.size).reshape(a.shape)[indices] */
    nd_array *flat = nd_ck(nd_arange(0, nd_size(a), 1, nd_dtype_of(ND_INT64)));
    nd_array *grid = flat ? nd_ck(nd_reshape(flat, nd_ndim(a), nd_shape(a), 'C', ND_COPY_IF_NEEDED)) : NULL;
    nd_release(flat);
    if (grid) {
        Val g = mk_array(grid), sel = array_getitem(g, argv[1]);
        decref(g);
        nd_array *s = ISERR(sel) ? NULL : arg_nd(sel);
        decref(sel);
        pos = s ? nd_ck(nd_copy(s, 'C')) : NULL;
        nd_release(s);
    }
    if (pos && argc == 3 && (b = arg_nd(argv[2])) && nd_ndim(b) > 0) {
        /* b broadcast to the selection, flattened in C order */
        nd_array *bc = nd_ndim(b) <= nd_ndim(pos) ? nd_broadcast_to(b, nd_ndim(pos), nd_shape(pos)) : NULL;
        if (!bc) {
            nd_clear_error();
            raise_exc(ValueErrorT, "array is not broadcastable to correct shape");
        }
        nd_array *c = bc ? nd_ck(nd_copy(bc, 'C')) : NULL;
        bb = c ? nd_ck(nd_reshape(c, 1, (int64_t[]){-1}, 'C', ND_COPY_NEVER)) : NULL;
        nd_release(bc);
        nd_release(c);
    }
    bool ok = pos && (argc == 2 || (b && (nd_ndim(b) == 0 || bb)));
    const int64_t *pp = ok ? nd_data(pos) : NULL;
    for (int64_t k = 0; ok && k < nd_size(pos); k++) {
        /* a 0-d b takes part by value, as in NumPy's at() */
        nd_array *bk = bb ? slice_axis(bb, 0, k, k + 1, 1) : b;
        ok = (!bb || bk) && at_one(u, a, pp[k], bk) == 0;
        if (bb) nd_release(bk);
    }
    nd_release(pos);
    nd_release(b);
    nd_release(bb);
    return ok ? VNONE : VERR;
}

Val ufunc_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    OUfunc *u = UF(self);
    *found = true;
    if (!strcmp(name, "reduce")) return uf_reduce(u, argc, argv, kw);
    if (!strcmp(name, "accumulate")) return uf_accumulate(u, argc, argv, kw);
    if (!strcmp(name, "outer")) return uf_outer(u, argc, argv, kw);
    if (!strcmp(name, "at")) return uf_at(u, argc, argv, kw);
    if (!strcmp(name, "reduceat")) return uf_reduceat(u, argc, argv, kw);
    *found = false;
    return VERR;
}
