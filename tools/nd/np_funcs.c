/* np_funcs.c — numpy functions over libnd's compute: ufuncs (with out=),
 * matmul/dot, round, the reductions as functions, selection
 * (nonzero, where, take, compress), joining, sorting, unique, clip,
 * isclose, type queries and print options. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

/* ---------- ufuncs ---------- */
static const char *uf_name(nd_ufunc op) { return op == ND_TRUE_DIVIDE ? "divide" : nd_ufunc_name(op); }

/* The loop types fixed by dtype= / signature= (NULL: free), NumPy's
 * forms: dtype=T is signature (None, None, T); a signature is a tuple of
 * types or None, or a string 'dd->d' / 'dd'.  Returns -1 with the error
 * raised; fixed[] hold new refs. */
static int loop_sig(Val dtv, Val sigv, int nin, const nd_dtype **fixed) {
    for (int i = 0; i <= nin; i++) fixed[i] = NULL;
    if (dtv.t != T_NONE) return get_dtype(dtv, &fixed[nin]);
    if (sigv.t == T_NONE) return 0;
    if (sigv.t == T_STR) {
        const char *s = STR(sigv)->s;
        int k = 0;
        for (; *s && k <= nin; s++) {
            if (*s == '-' || *s == '>' || *s == ' ' || *s == ',') continue;
            char c[2] = {*s, 0};
            Val cv = mk_cstr(c);
            int rc = get_dtype(cv, &fixed[k++]);
            decref(cv);
            if (rc < 0) return -1;
        }
        if (k != nin + 1) return raise_exc(TypeErrorT, "signature with %d dtypes does not fit a ufunc of %d operands", k, nin + 1), -1;
        return 0;
    }
    if (sigv.t == T_TUPLE || sigv.t == T_LIST) {
        if (LIST(sigv)->n != nin + 1)
            return raise_exc(ValueErrorT, "a type-tuple must be specified of length %d for ufunc", nin + 1), -1;
        for (int i = 0; i <= nin; i++)
            if (LIST(sigv)->v[i].t != T_NONE && get_dtype(LIST(sigv)->v[i], &fixed[i]) < 0) return -1;
        return 0;
    }
    return get_dtype(sigv, &fixed[nin]); /* a single type: like dtype= */
}

/* Apply op with its loop fixed as `fixed` says: the inputs are cast to the
 * loop's input type under `casting` first (NumPy's input-casting check),
 * and a signature no loop of op has is NumPy's "no loop" TypeError. */
static nd_array *apply_fixed(nd_ufunc op, const char *name, nd_array *a, nd_array *b, nd_array *out, nd_array *w,
                             nd_casting casting, const nd_dtype *const *fixed) {
    int nin = b ? 2 : 1;
    nd_array *probe = nd_scalar(ND_F64(0), NULL);
    const nd_dtype *pt = probe ? nd_ufunc_result_type(op, probe, nin == 2 ? probe : NULL) : NULL;
    bool boolout = pt && nd_dtype_type(pt) == ND_BOOL;
    if (pt) nd_dtype_release(pt);
    nd_release(probe);
    const nd_dtype *t = NULL; /* the loop's one type (NumPy's loops here are homogeneous) */
    for (int i = 0; i <= nin; i++) {
        const nd_dtype *f = fixed[i];
        if (!f || (boolout && i == nin)) continue;
        if (t && nd_dtype_type(t) != nd_dtype_type(f)) t = NULL, i = nin + 1;
        else t = f;
    }
    bool ok = !(boolout && fixed[nin] && nd_dtype_type(fixed[nin]) != ND_BOOL);
    for (int i = 0; ok && i <= nin; i++)
        if (fixed[i] && !(boolout && i == nin) && (!t || nd_dtype_type(fixed[i]) != nd_dtype_type(t))) ok = false;
    if (!ok) {
        raise_exc(TypeErrorT, "No loop matching the specified signature and casting was found for ufunc %s", name);
        return NULL;
    }
    const nd_dtype *natural = t && !fixed[0] && (nin == 1 || !fixed[1]) ? nd_ufunc_result_type(op, a, b) : NULL;
    bool as_is = natural && nd_dtype_type(natural) == nd_dtype_type(t); /* e.g. absolute(complex, dtype=f8): 'D->d' */
    if (natural) nd_dtype_release(natural);
    else nd_clear_error();
    if (!t || as_is)
        return w || casting != ND_CAST_SAME_KIND ? nd_apply_where(op, a, b, out, w, casting) : nd_apply(op, a, b, out);
    nd_array *in[2] = {a, b}, *cast[2] = {NULL, NULL};
    for (int i = 0; i < nin; i++) {
        if (!nd_can_cast_array(in[i], t, casting) && !(nd_ndim(in[i]) == 0 && nd_can_cast(nd_array_dtype(in[i]), t, casting))) {
            char *f = nd_dtype_repr(nd_array_dtype(in[i])), *tt = nd_dtype_repr(t);
            static const char *const cn[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
            char which[16] = "";
            if (nin == 2) snprintf(which, sizeof which, " %d", i); /* NumPy numbers inputs only when there are two */
            raise_exc(exc_class_by_name("_UFuncInputCastingError"),
                      "Cannot cast ufunc '%s' input%s from %s to %s with casting rule '%s'", name, which, f ? f : "?",
                      tt ? tt : "?", cn[casting]);
            nd_free(f);
            nd_free(tt);
            nd_release(cast[0]);
            return NULL;
        }
        cast[i] = nd_astype(in[i], t, 'K', ND_CAST_UNSAFE, false);
        if (!cast[i]) {
            nd_release(cast[0]);
            raise_nd();
            return NULL;
        }
    }
    nd_array *r = NULL;
    const nd_dtype *rt = nd_ufunc_result_type(op, cast[0], cast[1]);
    if (!rt || (!boolout && nd_dtype_type(rt) != nd_dtype_type(t))) { /* op has no loop over t */
        nd_clear_error();
        raise_exc(TypeErrorT, "No loop matching the specified signature and casting was found for ufunc %s", name);
    } else {
        r = w ? nd_apply_where(op, cast[0], cast[1], out, w, ND_CAST_UNSAFE) : nd_apply(op, cast[0], cast[1], out);
        if (!r) raise_nd();
    }
    if (rt) nd_dtype_release(rt);
    nd_release(cast[0]);
    nd_release(cast[1]);
    return r;
}

static Val ufunc_call(Val self, int argc, Val *argv, Kw *kw) {
    nd_ufunc op = (nd_ufunc)self.i;
    int nin = nd_ufunc_nin(op);
    Val out = VNONE, where = VNONE, dtv = VNONE, sigv = VNONE;
    nd_casting casting = ND_CAST_SAME_KIND;
    static const char *const castings[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    for (int k = 0; kw && k < kw->n; k++) {
        const char *name = kw->names[k];
        Val v = kw->vals[k];
        if (!strcmp(name, "out")) out = v;
        else if (!strcmp(name, "where")) where = v;
        else if (!strcmp(name, "casting")) {
            int c = 0;
            while (c < 5 && (v.t != T_STR || strcmp(STR(v)->s, castings[c]))) c++;
            if (c == 5)
                return raise_exc(ValueErrorT, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '%s')",
                                 v.t == T_STR ? STR(v)->s : "?");
            casting = (nd_casting)c;
        } else if (!strcmp(name, "dtype")) dtv = v;
        else if (!strcmp(name, "signature")) sigv = v;
        else return raise_exc(TypeErrorT, "%s() got an unexpected keyword argument '%s' (not supported by nd)", uf_name(op), name);
    }
    if (argc == nin + 1 && out.t == T_NONE) out = argv[nin];
    else if (argc != nin)
        return raise_exc(TypeErrorT, "%s() takes from %d to %d positional arguments but %d were given", uf_name(op), nin, nin + 1, argc);
    if (out.t == T_TUPLE && LIST(out)->n == 1) out = LIST(out)->v[0];
    if (out.t != T_NONE && out.t != T_ARRAY) return raise_exc(TypeErrorT, "return arrays must be of ArrayType");
    GET_ND(a, oa, argv[0]);
    bool ob = false;
    nd_array *b = NULL;
    if (nin == 2) {
        b = to_nd(argv[1], &ob);
        if (!b) { DROP(a, oa); return VERR; }
    }
    bool ow = false;
    nd_array *w = NULL; /* where=True is every element */
    if (!(where.t == T_NONE || (where.t == T_BOOL && where.i)) && !(w = to_nd(where, &ow))) {
        DROP(a, oa);
        if (b) DROP(b, ob);
        return VERR;
    }
    if (dtv.t != T_NONE && sigv.t != T_NONE) {
        if (w) DROP(w, ow);
        DROP(a, oa);
        if (b) DROP(b, ob);
        return raise_exc(TypeErrorT, "cannot specify both 'signature' and 'dtype'");
    }
    const nd_dtype *fixed[3] = {NULL, NULL, NULL};
    nd_array *r = NULL;
    bool typed = dtv.t != T_NONE || sigv.t != T_NONE, raised = false;
    if (typed) {
        if (loop_sig(dtv, sigv, nin, fixed) < 0) raised = true;
        else {
            r = apply_fixed(op, uf_name(op), a, b, out.t == T_ARRAY ? ARR(out) : NULL, w, casting, fixed);
            raised = !r;
        }
        for (int i = 0; i < 3; i++) nd_dtype_release(fixed[i]);
    } else {
        r = w || casting != ND_CAST_SAME_KIND ? nd_apply_where(op, a, b, out.t == T_ARRAY ? ARR(out) : NULL, w, casting)
                                              : nd_apply(op, a, b, out.t == T_ARRAY ? ARR(out) : NULL);
    }
    if (w) DROP(w, ow);
    DROP(a, oa);
    if (b) DROP(b, ob);
    if (raised) return VERR;
    if (!r) {
        if (!strcmp(nd_errclass(), "UFuncTypeError")) {
            const char *m = nd_errmsg();
            OType *t = strstr(m, " output from ") ? exc_class_by_name("_UFuncOutputCastingError")
                       : strstr(m, " input from ") ? exc_class_by_name("_UFuncInputCastingError")
                                                   : exc_class_by_name("_UFuncNoLoopError");
            return raise_exc(t, "%s", m);
        }
        return raise_nd();
    }
    if (out.t == T_ARRAY) return mk_array(r);
    return array_wrap0(r);
}

static Val np_matmul_f(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("matmul", "x1,x2");
    return np_matmul(p[0], p[1]);
}
static Val np_dot_f(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("dot", "a,b|out");
    return np_dot(p[0], p[1], HAS(p[2]) ? p[2] : VNONE);
}

static Val np_round(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("round", "a|decimals,out");
    int64_t d;
    if (opt_int(p[1], 0, &d) < 0) return VERR;
    GET_ND(a, own, p[0]);
    char k = nd_dtype_kind(nd_array_dtype(a));
    nd_array *r;
    if (k == 'i' || k == 'u' || k == 'b') {
        r = d >= 0 ? nd_copy(a, 'K') : NULL;
        if (d < 0) {
            DROP(a, own);
            return raise_exc(NotImplementedErrorT, "round of integers to negative decimals is not supported by nd");
        }
    } else if (d == 0) {
        r = nd_apply(ND_RINT, a, NULL, NULL);
    } else {
        nd_array *f = nd_scalar(ND_F64(pow(10.0, (double)(d < 0 ? -d : d))), NULL);
        nd_array *y = nd_apply(d > 0 ? ND_MULTIPLY : ND_TRUE_DIVIDE, a, f, NULL);
        nd_array *z = y ? nd_apply(ND_RINT, y, NULL, NULL) : NULL;
        r = z ? nd_apply(d > 0 ? ND_TRUE_DIVIDE : ND_MULTIPLY, z, f, NULL) : NULL;
        nd_release(f);
        nd_release(y);
        nd_release(z);
    }
    DROP(a, own);
    return array_wrap0(r);
}

/* ---------- reductions as functions ---------- */
#define RED(nm)                                                                   \
    static Val np_##nm(Val self, int argc, Val *argv, Kw *kw) {                    \
        UNUSED;                                                                   \
        if (argc < 1) return raise_exc(TypeErrorT, #nm "() missing required argument 'a'"); \
        return np_reduce(#nm, argv[0], argc - 1, argv + 1, kw);                    \
    }
RED(sum) RED(prod) RED(min) RED(max) RED(amin) RED(amax) RED(mean) RED(var) RED(std) RED(any) RED(all)
RED(argmin) RED(argmax) RED(cumsum) RED(cumprod) RED(count_nonzero)

/* ---------- selection ---------- */
static Val tuple_of_arrays(nd_array **v, int n) {
    Val t = mk_tuple(n);
    for (int i = 0; i < n; i++) LIST(t)->v[i] = mk_array(v[i]);
    return t;
}
static Val np_nonzero(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("nonzero", "a");
    GET_ND(a, own, p[0]);
    nd_array *out[ND_MAXDIMS];
    int n = nd_ndim(a) ? nd_ndim(a) : 1;
    int r = nd_nonzero(a, out);
    DROP(a, own);
    if (r < 0) return raise_nd();
    return tuple_of_arrays(out, n);
}
static Val np_where(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("where", "condition|x,y");
    if (!HAS(p[1])) return np_nonzero(VNONE, 1, p, NULL);
    if (!HAS(p[2])) return raise_exc(ValueErrorT, "either both or neither of x and y should be given");
    GET_ND(c, oc, p[0]);
    bool ox, oy;
    nd_array *x = to_nd(p[1], &ox), *y = x ? to_nd(p[2], &oy) : NULL;
    nd_array *r = y ? nd_where(c, x, y) : NULL;
    Val res = r ? mk_array(r) /* 0-d stays an array */ : (exc_pending().t == T_EXC ? VERR : raise_nd());
    DROP(c, oc);
    if (x) DROP(x, ox);
    if (y) DROP(y, oy);
    return res;
}
static Val np_take(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("take", "a,indices|axis,out,mode");
    if ((HAS(p[3]) && p[3].t != T_NONE) || (HAS(p[4]) && !(p[4].t == T_STR && !strcmp(STR(p[4])->s, "raise"))))
        return raise_exc(NotImplementedErrorT, "take(out=..., mode=...) is not supported by nd");
    int ax;
    if (axis_of(p[2], ND_AXIS_NONE, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    bool oi;
    nd_array *i = to_nd(p[1], &oi);
    nd_array *r = i ? nd_take(a, i, ax) : NULL;
    DROP(a, oa);
    if (i) DROP(i, oi);
    if (!r) return exc_pending().t == T_EXC ? VERR : raise_nd();
    return array_wrap0(r);
}
static Val np_compress(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("compress", "condition,a|axis,out");
    int ax;
    if (axis_of(p[2], ND_AXIS_NONE, &ax) < 0) return VERR;
    GET_ND(c, oc, p[0]);
    bool oa;
    nd_array *a = to_nd(p[1], &oa);
    nd_array *r = a ? nd_compress(c, a, ax) : NULL;
    DROP(c, oc);
    if (a) DROP(a, oa);
    return r ? mk_array(r) : (exc_pending().t == T_EXC ? VERR : raise_nd());
}

/* ---------- joining, sorting ---------- */
static int seq_arrays(Val v, int *n, nd_array ***arrs, bool **own) {
    Val l = to_list(v);
    if (ISERR(l)) return -1;
    *n = (int)LIST(l)->n;
    *arrs = calloc((size_t)*n + 1, sizeof(nd_array *));
    *own = calloc((size_t)*n + 1, sizeof(bool));
    if (!*arrs || !*own) abort();
    for (int i = 0; i < *n; i++) {
        (*arrs)[i] = to_nd(LIST(l)->v[i], &(*own)[i]);
        if (!(*arrs)[i]) {
            for (int j = 0; j < i; j++) if ((*own)[j]) nd_release((*arrs)[j]);
            free(*arrs);
            free(*own);
            decref(l);
            return -1;
        }
        if (!(*own)[i]) { nd_retain((*arrs)[i]); (*own)[i] = true; }
    }
    decref(l);
    return 0;
}
static void free_arrays(int n, nd_array **a, bool *own) {
    for (int i = 0; i < n; i++) if (own[i]) nd_release(a[i]);
    free(a);
    free(own);
}
static Val join(const char *fname, int kind, int argc, Val *argv, Kw *kw) {
    ARGS(fname, kind >= 2 ? "tup" : "arrays|axis,out,dtype,casting");
    int ax = 0;
    if (kind < 2 && axis_of(p[1], 0, &ax) < 0) return VERR;
    int n;
    nd_array **arrs;
    bool *own;
    if (seq_arrays(p[0], &n, &arrs, &own) < 0) return VERR;
    nd_array *r = kind == 0 ? nd_concatenate(n, (const nd_array *const *)arrs, ax)
                  : kind == 1 ? nd_stack(n, (const nd_array *const *)arrs, ax)
                  : kind == 2 ? nd_vstack(n, (const nd_array *const *)arrs)
                              : nd_hstack(n, (const nd_array *const *)arrs);
    free_arrays(n, arrs, own);
    return mk_array(r);
}
static Val np_concatenate(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("concatenate", 0, argc, argv, kw); }
static Val np_stack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("stack", 1, argc, argv, kw); }
static Val np_vstack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("vstack", 2, argc, argv, kw); }
static Val np_hstack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("hstack", 3, argc, argv, kw); }

static Val np_repeat(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("repeat", "a,repeats|axis");
    int ax;
    if (axis_of(p[2], ND_AXIS_NONE, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    bool orp;
    nd_array *rp = to_nd(p[1], &orp);
    nd_array *r = rp ? nd_repeat(a, rp, ax) : NULL;
    DROP(a, oa);
    if (rp) DROP(rp, orp);
    return r ? mk_array(r) : (exc_pending().t == T_EXC ? VERR : raise_nd());
}
static Val np_tile(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("tile", "A,reps");
    int n;
    int64_t reps[ND_MAXDIMS];
    if (parse_shape(p[1], &n, reps) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_tile(a, n, reps);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_roll(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("roll", "a,shift|axis");
    int ns, na = 0;
    int64_t sh[ND_MAXDIMS];
    int axes[ND_MAXDIMS];
    if (parse_shape(p[1], &ns, sh) < 0) return VERR;
    bool has_axis = HAS(p[2]) && p[2].t != T_NONE;
    if (has_axis && int_list(p[2], &na, axes) < 0) return VERR;
    if (has_axis && na != ns) {
        if (ns == 1) { for (int i = 1; i < na; i++) sh[i] = sh[0]; ns = na; }
        else if (na == 1) { for (int i = 1; i < ns; i++) axes[i] = axes[0]; }
        else return raise_exc(ValueErrorT, "shape mismatch: objects cannot be broadcast to a single shape");
    }
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_roll(a, ns, sh, has_axis ? axes : NULL);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_flip(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("flip", "m|axis");
    int n = -1, axes[ND_MAXDIMS];
    if (HAS(p[1]) && p[1].t != T_NONE && int_list(p[1], &n, axes) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_flip(a, n, n < 0 ? NULL : axes);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_fliplr(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("fliplr", "m");
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_fliplr(a);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_flipud(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("flipud", "m");
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_flipud(a);
    DROP(a, oa);
    return mk_array(r);
}
static Val sort_like(const char *fname, bool arg, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "a|axis,kind,order");
    int ax;
    if (axis_of(p[1], -1, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    const char *kind = HAS(p[2]) && p[2].t == T_STR ? STR(p[2])->s : NULL;
    Val r = sort_by_order(a, ax, kind, p[3], arg);
    DROP(a, oa);
    return r;
}
static Val np_sort(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return sort_like("sort", false, argc, argv, kw); }
static Val np_argsort(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return sort_like("argsort", true, argc, argv, kw); }

static Val np_unique(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("unique", "ar|return_index,return_inverse,return_counts,axis,equal_nan");
    int flags = (opt_truth(p[1], 0) ? ND_UNIQUE_INDEX : 0) | (opt_truth(p[2], 0) ? ND_UNIQUE_INVERSE : 0) |
                (opt_truth(p[3], 0) ? ND_UNIQUE_COUNTS : 0) | (opt_truth(p[5], 1) ? 0 : ND_UNIQUE_NAN_DISTINCT);
    if (HAS(p[4]) && p[4].t != T_NONE) { /* rows as records: numpy's Python path, in the prelude */
        Val args[6] = {p[0], VBOOL(opt_truth(p[1], 0)), VBOOL(opt_truth(p[2], 0)), VBOOL(opt_truth(p[3], 0)), p[4],
                       VBOOL(opt_truth(p[5], 1))};
        return np_prelude_call("_unique_axis", 6, args);
    }
    GET_ND(a, oa, p[0]);
    nd_array *idx = NULL, *inv = NULL, *cnt = NULL;
    nd_array *u = nd_unique(a, flags, &idx, &inv, &cnt);
    DROP(a, oa);
    if (!u) return raise_nd();
    int extra = flags & 7;
    if (!extra) return mk_array(u);
    Val t = mk_list(0);
    list_append(t, mk_array(u));
    if (flags & ND_UNIQUE_INDEX) list_append(t, mk_array(idx));
    if (flags & ND_UNIQUE_INVERSE) list_append(t, mk_array(inv));
    if (flags & ND_UNIQUE_COUNTS) list_append(t, mk_array(cnt));
    t.o->tag = T_TUPLE;
    t.t = T_TUPLE;
    return t;
}

static Val np_clip(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("clip", "a,a_min,a_max|out");
    GET_ND(a, oa, p[0]);
    bool o1 = false, o2 = false;
    nd_array *lo = p[1].t == T_NONE ? NULL : to_nd(p[1], &o1);
    nd_array *hi = p[2].t == T_NONE ? NULL : to_nd(p[2], &o2);
    nd_array *out = HAS(p[3]) && p[3].t == T_ARRAY ? ARR(p[3]) : NULL;
    nd_array *r = (p[1].t != T_NONE && !lo) || (p[2].t != T_NONE && !hi) ? NULL : nd_clip(a, lo, hi, out);
    DROP(a, oa);
    if (lo) DROP(lo, o1);
    if (hi) DROP(hi, o2);
    if (!r) return exc_pending().t == T_EXC ? VERR : raise_nd();
    return out ? mk_array(r) : array_wrap0(r);
}

static Val close_like(const char *fname, int kind, int argc, Val *argv, Kw *kw) {
    ARGS(fname, kind == 2 ? "a1,a2|equal_nan" : "a,b|rtol,atol,equal_nan");
    double rtol = 1e-05, atol = 1e-08;
    if (kind != 2 && ((HAS(p[2]) && to_double(p[2], &rtol) < 0) || (HAS(p[3]) && to_double(p[3], &atol) < 0))) return VERR;
    bool en = opt_truth(kind == 2 ? p[2] : p[4], 0);
    GET_ND(a, oa, p[0]);
    bool ob;
    nd_array *b = to_nd(p[1], &ob);
    if (!b) { DROP(a, oa); return VERR; }
    Val res;
    if (kind == 0) res = array_wrap0(nd_isclose(a, b, rtol, atol, en));
    else {
        int r = kind == 1 ? nd_allclose(a, b, rtol, atol, en) : nd_array_equal(a, b, en);
        res = r < 0 ? raise_nd() : VBOOL(r);
    }
    DROP(a, oa);
    DROP(b, ob);
    return res;
}
static Val np_isclose(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return close_like("isclose", 0, argc, argv, kw); }
static Val np_allclose(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return close_like("allclose", 1, argc, argv, kw); }
static Val np_array_equal(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return close_like("array_equal", 2, argc, argv, kw); }

/* ---------- types ---------- */
static Val np_result_type(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)kw;
    nd_array *arrs[32] = {0};
    bool own[32] = {0};
    if (argc > 32 || argc < 1) return raise_exc(ValueErrorT, "at least one array or dtype is required");
    for (int i = 0; i < argc; i++) {
        const nd_dtype *dt = NULL;
        if (argv[i].t == T_DTYPE || argv[i].t == T_TYPE || argv[i].t == T_STR) {
            if (get_dtype(argv[i], &dt) < 0) { for (int j = 0; j < i; j++) DROP(arrs[j], own[j]); return VERR; }
            arrs[i] = nd_empty(1, (int64_t[]){0}, dt, 'C');
            nd_dtype_release(dt);
            own[i] = true;
        } else {
            arrs[i] = to_nd(argv[i], &own[i]);
        }
        if (!arrs[i]) { for (int j = 0; j < i; j++) DROP(arrs[j], own[j]); return VERR; }
    }
    const nd_dtype *r = nd_result_type(argc, (const nd_array *const *)arrs);
    for (int i = 0; i < argc; i++) DROP(arrs[i], own[i]);
    if (!r) return raise_nd();
    Val v = mk_dtype(r);
    nd_dtype_release(r);
    return v;
}
static Val np_promote_types(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("promote_types", "type1,type2");
    const nd_dtype *a, *b;
    if (get_dtype(p[0], &a) < 0) return VERR;
    if (get_dtype(p[1], &b) < 0) { nd_dtype_release(a); return VERR; }
    const nd_dtype *r = nd_promote_types(a ? a : nd_dtype_of(ND_FLOAT64), b ? b : nd_dtype_of(ND_FLOAT64));
    nd_dtype_release(a);
    nd_dtype_release(b);
    Val v = mk_dtype(r);
    nd_dtype_release(r);
    return v;
}
static Val np_can_cast(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("can_cast", "from_,to|casting");
    const nd_dtype *a, *b;
    nd_casting c = ND_CAST_SAFE;
    if (HAS(p[2]) && (p[2].t != T_STR || nd_casting_parse(STR(p[2])->s, &c) < 0)) return raise_nd();
    Val f = p[0];
    if (f.t == T_ARRAY || f.t == T_INT || f.t == T_BIG || f.t == T_FLOAT || f.t == T_COMPLEX || f.t == T_BOOL ||
        f.t == T_SCALAR) { /* values, not dtypes: a scalar counts by its value */
        if (get_dtype(p[1], &b) < 0) return VERR;
        GET_ND(x, ox, f);
        bool r = nd_can_cast_array(x, b ? b : nd_dtype_of(ND_FLOAT64), c);
        DROP(x, ox);
        nd_dtype_release(b);
        return VBOOL(r);
    }
    if (get_dtype(f, &a) < 0) return VERR;
    if (get_dtype(p[1], &b) < 0) { nd_dtype_release(a); return VERR; }
    bool r = nd_can_cast(a ? a : nd_dtype_of(ND_FLOAT64), b ? b : nd_dtype_of(ND_FLOAT64), c);
    nd_dtype_release(a);
    nd_dtype_release(b);
    return VBOOL(r);
}

static Val np_min_scalar_type(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("min_scalar_type", "a");
    GET_ND(a, oa, p[0]);
    const nd_dtype *d = nd_min_scalar_type(a);
    DROP(a, oa);
    if (!d) return raise_nd();
    Val r = mk_dtype(d);
    nd_dtype_release(d);
    return r;
}

static Val np_ndim(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ndim", "a");
    GET_ND(a, oa, p[0]);
    int n = nd_ndim(a);
    DROP(a, oa);
    return VINT(n);
}
static Val np_shape(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("shape", "a");
    GET_ND(a, oa, p[0]);
    Val t = mk_tuple(nd_ndim(a));
    for (int i = 0; i < nd_ndim(a); i++) LIST(t)->v[i] = VINT(nd_shape(a)[i]);
    DROP(a, oa);
    return t;
}
static Val np_size(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("size", "a|axis");
    GET_ND(a, oa, p[0]);
    int64_t n = nd_size(a);
    DROP(a, oa);
    return VINT(n);
}
static Val np_isscalar(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("isscalar", "element");
    int t = p[0].t;
    return VBOOL(t == T_INT || t == T_FLOAT || t == T_BOOL || t == T_COMPLEX || t == T_SCALAR || t == T_STR || t == T_BYTES);
}

static Val np_set_printoptions(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("set_printoptions", "|precision,threshold,edgeitems,linewidth,suppress,nanstr,infstr,formatter,sign,floatmode,legacy");
    nd_printoptions o;
    nd_get_printoptions(&o);
    int64_t x;
    if (HAS(p[0]) && p[0].t != T_NONE) { if (to_int64(p[0], &x, NULL) < 0) return VERR; o.precision = (int)x; }
    if (HAS(p[1]) && p[1].t != T_NONE) { if (to_int64(p[1], &x, NULL) < 0) return VERR; o.threshold = x; }
    if (HAS(p[2]) && p[2].t != T_NONE) { if (to_int64(p[2], &x, NULL) < 0) return VERR; o.edgeitems = (int)x; }
    if (HAS(p[3]) && p[3].t != T_NONE) { if (to_int64(p[3], &x, NULL) < 0) return VERR; o.linewidth = (int)x; }
    if (HAS(p[4]) && p[4].t != T_NONE) o.suppress = val_truth(p[4]);
    if (HAS(p[8]) && p[8].t == T_STR) o.sign = STR(p[8])->s[0];
    for (int i = 5; i < 11; i++)
        if (i != 8 && HAS(p[i]) && p[i].t != T_NONE)
            return raise_exc(NotImplementedErrorT, "this print option is not supported by nd");
    return nd_set_printoptions(&o) < 0 ? raise_nd() : VNONE;
}
static Val np_get_printoptions(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)argc; (void)argv; (void)kw;
    nd_printoptions o;
    nd_get_printoptions(&o);
    Val d = mk_dict();
    const char *k[] = {"edgeitems", "threshold", "floatmode", "precision", "suppress", "linewidth", "nanstr", "infstr", "sign"};
    Val v[] = {VINT(o.edgeitems), VINT(o.threshold), mk_cstr("maxprec"), VINT(o.precision), VBOOL(o.suppress),
               VINT(o.linewidth), mk_cstr("nan"), mk_cstr("inf"), mk_str(&o.sign, 1)};
    for (int i = 0; i < 9; i++) {
        Val key = mk_cstr(k[i]);
        dict_set(d, key, v[i]);
        decref(key);
        decref(v[i]);
    }
    return d;
}

static Val np_ndarray_new(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ndarray", "shape|dtype,buffer,offset,strides,order");
    if (HAS(p[2]) && p[2].t != T_NONE) { /* a view of the buffer: frombuffer, then the shape (prelude) */
        Val args[6];
        for (int i = 0; i < 6; i++) args[i] = HAS(p[i]) ? p[i] : VNONE;
        return np_prelude_call("_ndarray_buffer", 6, args);
    }
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (parse_shape(p[0], &nd, shape) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    nd_array *r = nd_zeros(nd, shape, dt ? dt : nd_dtype_of(ND_FLOAT64), order_of(p[5], 'C'));
    nd_dtype_release(dt);
    return mk_array(r);
}

typedef struct Fn { const char *name; BFn fn; } Fn;
static const Fn funcs[] = {
    {"dot", np_dot_f}, {"round", np_round}, {"around", np_round}, {"round_", np_round},
    {"sum", np_sum}, {"prod", np_prod}, {"min", np_min},
    {"max", np_max}, {"amin", np_amin}, {"amax", np_amax}, {"mean", np_mean}, {"var", np_var}, {"std", np_std},
    {"any", np_any}, {"all", np_all}, {"argmin", np_argmin}, {"argmax", np_argmax}, {"cumsum", np_cumsum},
    {"cumprod", np_cumprod}, {"count_nonzero", np_count_nonzero}, {"nonzero", np_nonzero}, {"where", np_where},
    {"take", np_take}, {"compress", np_compress}, {"concatenate", np_concatenate}, {"stack", np_stack},
    {"vstack", np_vstack}, {"hstack", np_hstack}, {"repeat", np_repeat}, {"tile", np_tile}, {"roll", np_roll},
    {"flip", np_flip}, {"fliplr", np_fliplr}, {"flipud", np_flipud}, {"sort", np_sort}, {"argsort", np_argsort},
    {"unique", np_unique}, {"clip", np_clip}, {"isclose", np_isclose}, {"allclose", np_allclose},
    {"array_equal", np_array_equal}, {"result_type", np_result_type}, {"promote_types", np_promote_types},
    {"can_cast", np_can_cast}, {"min_scalar_type", np_min_scalar_type}, {"ndim", np_ndim}, {"shape", np_shape}, {"size", np_size}, {"isscalar", np_isscalar},
    {"set_printoptions", np_set_printoptions}, {"get_printoptions", np_get_printoptions}, {NULL, NULL}};

void np_funcs_install(Val mod, PutFn put) {
    for (int i = 0; funcs[i].name; i++) put(mod, funcs[i].name, mk_builtin(funcs[i].name, funcs[i].fn, VNONE));
    put(mod, "row_stack", mk_builtin("vstack", np_vstack, VNONE));
    put(mod, "ndarray_new", mk_builtin("ndarray_new", np_ndarray_new, VNONE)); /* np.ndarray(...) */
    /* the ufuncs are numpy.ufunc objects; an alias is the same object (np.divide is np.true_divide) */
    static const char *alias[][2] = {{"abs", "absolute"}, {"true_divide", "true_divide"}, {"mod", "remainder"},
                                     {"bitwise_not", "invert"}, {"conj", "conjugate"}};
    for (int op = 0; op < ND_NUFUNCS; op++) {
        Val u = mk_ufunc(uf_name((nd_ufunc)op), nd_ufunc_nin((nd_ufunc)op), op, ufunc_call, VINT(op), NULL);
        put(mod, uf_name((nd_ufunc)op), u);
        for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
            if (!strcmp(alias[i][1], nd_ufunc_name((nd_ufunc)op))) put(mod, alias[i][0], u);
    }
    put(mod, "matmul", mk_ufunc("matmul", 2, -1, np_matmul_f, VNONE, "(n?,k),(k,m?)->(n?,m?)"));
}
