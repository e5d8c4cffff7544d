/* np_methods.c — ndarray methods and the reductions shared with the np.*
 * functions of the same names. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

static bool is_bool(Val v) { return v.t == T_BOOL || (v.t == T_SCALAR && SCAL(v).type == ND_BOOL); }

/* NumPy's PyArray_IntpConverter: an int, or a sequence (an array too) of
   ints; bools are refused. */
int parse_shape(Val v, int *nd, int64_t *shape) {
    *nd = 0;
    if (v.t == T_ARRAY && nd_ndim(ARR(v)) == 1) {
        Val l = array_tolist(ARR(v));
        if (ISERR(l)) return -1;
        int r = parse_shape(l, nd, shape);
        decref(l);
        return r;
    }
    if (v.t == T_TUPLE || v.t == T_LIST) {
        if (LIST(v)->n > ND_MAXDIMS) { raise_exc(ValueErrorT, "maximum supported dimension for an ndarray is 32, found %lld", (long long)LIST(v)->n); return -1; }
        for (int64_t i = 0; i < LIST(v)->n; i++) {
            if (is_bool(LIST(v)->v[i])) { raise_exc(TypeErrorT, "an integer is required"); return -1; }
            if (to_int64(LIST(v)->v[i], &shape[(*nd)++], NULL) < 0) return -1;
        }
        return 0;
    }
    if (is_bool(v)) {
        raise_exc(TypeErrorT, "expected a sequence of integers or a single integer, got '%s'", val_truth(v) ? "True" : "False");
        return -1;
    }
    if (v.t == T_ARRAY && nd_ndim(ARR(v)) == 0 && strchr("iu", nd_dtype_kind(nd_array_dtype(ARR(v))))) {
        nd_value x;
        nd_item(ARR(v), INT64_MIN, &x);
        shape[0] = nd_value_cast(x, ND_INT64).i;
        *nd = 1;
        return 0;
    }
    if (to_int64(v, &shape[0], NULL) < 0) {
        exc_clear();
        raise_exc(TypeErrorT, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    *nd = 1;
    return 0;
}

static int parse_axes(Val v, int *naxes, int *axes) {
    *naxes = -1;
    if (!HAS(v) || v.t == T_NONE) return 0;
    int64_t x;
    if (v.t == T_TUPLE || v.t == T_LIST) {
        *naxes = 0;
        for (int64_t i = 0; i < LIST(v)->n && i < ND_MAXDIMS; i++) {
            if (to_int64(LIST(v)->v[i], &x, NULL) < 0) return -1;
            axes[(*naxes)++] = (int)x;
        }
        return 0;
    }
    if (to_int64(v, &x, NULL) < 0) {
        exc_clear();
        raise_exc(TypeErrorT, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    *naxes = 1;
    axes[0] = (int)x;
    return 0;
}

/* NumPy's ufunc.reduce takes an int axis of 0 or -1 on a 0-d array as the
   empty axis list (a backwards-compatibility special case); a tuple still
   goes through the bounds check. */
void ufunc_0d_axis(Val axis, int ndim, int *naxes, const int *axes) {
    if (ndim == 0 && *naxes == 1 && axis.t != T_TUPLE && axis.t != T_LIST && (axes[0] == 0 || axes[0] == -1))
        *naxes = 0;
}

static int opt_bool(Val v, bool dflt) {
    if (!HAS(v) || v.t == T_NONE) return dflt;
    return val_truth(v);
}

static char opt_order(Val v, char dflt) {
    if (!HAS(v) || v.t == T_NONE) return dflt;
    if (v.t == T_STR && STR(v)->len == 1) return STR(v)->s[0];
    return 0;
}

/* where= of a reduction as NumPy's _wheremask_converter takes it: absent
   or True is no mask (*w NULL); an array must be bool (a safe cast);
   anything else is converted as np.array(v, bool).  <0 when raised. */
int where_arg(Val v, nd_array **w) {
    *w = NULL;
    if (!HAS(v) || (v.t == T_BOOL && v.i)) return 0;
    if (v.t == T_ARRAY) {
        const nd_dtype *dt = nd_array_dtype(ARR(v));
        if (nd_dtype_type(dt) == ND_BOOL) {
            *w = nd_retain(ARR(v));
            return 0;
        }
        char *r = nd_dtype_repr(dt);
        raise_exc(TypeErrorT, "Cannot cast array data from %s to dtype('bool') according to the rule 'safe'", r ? r : "?");
        nd_free(r);
        return -1;
    }
    Val a = np_array_from(v, nd_dtype_of(ND_BOOL), false);
    if (ISERR(a)) return -1;
    *w = nd_retain(ARR(a));
    decref(a);
    return 0;
}

/* out= of a reduction: None/absent, an array, or a 1-tuple of one.  0:
   none, 1: *out set (borrowed), <0 raised. */
int out_array_arg(Val v, nd_array **out) {
    *out = NULL;
    if (!HAS(v) || v.t == T_NONE) return 0;
    if (v.t == T_TUPLE && LIST(v)->n == 1) v = LIST(v)->v[0];
    if (v.t != T_ARRAY) return raise_exc(TypeErrorT, "output must be an array"), -1;
    *out = ARR(v);
    return 1;
}

/* The value of a spec parameter (VERR when absent or not in spec). */
static Val param(const char *spec, const Val *a, const char *name) {
    size_t len = strlen(name);
    int k = 0;
    for (const char *p = spec; *p; k++) {
        while (*p == '|' || *p == ',') p++;
        const char *e = p;
        while (*e && *e != ',' && *e != '|') e++;
        if ((size_t)(e - p) == len && !strncmp(p, name, len)) return a[k];
        p = e;
    }
    return VERR;
}

static const char *reduce_spec(const char *fn) {
    static const struct { const char *fn, *spec; } t[] = {
        {"sum", "|axis,dtype,out,keepdims,initial,where"}, {"prod", "|axis,dtype,out,keepdims,initial,where"},
        {"min", "|axis,out,keepdims,initial,where"}, {"max", "|axis,out,keepdims,initial,where"},
        {"amin", "|axis,out,keepdims,initial,where"}, {"amax", "|axis,out,keepdims,initial,where"},
        {"any", "|axis,out,keepdims,where"}, {"all", "|axis,out,keepdims,where"},
        {"mean", "|axis,dtype,out,keepdims,where"}, {"var", "|axis,dtype,out,ddof,keepdims,where"},
        {"std", "|axis,dtype,out,ddof,keepdims,where"}, {"argmin", "|axis,out,keepdims"},
        {"argmax", "|axis,out,keepdims"}, {"cumsum", "|axis,dtype,out"}, {"cumprod", "|axis,dtype,out"},
        {"count_nonzero", "|axis,keepdims"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(t[i].fn, fn)) return t[i].spec;
    return "|axis,dtype,out,keepdims";
}

static nd_ufunc reduce_op(const char *fn) {
    if (!strcmp(fn, "sum")) return ND_ADD;
    if (!strcmp(fn, "prod")) return ND_MULTIPLY;
    if (!strcmp(fn, "min") || !strcmp(fn, "amin")) return ND_MINIMUM;
    if (!strcmp(fn, "max") || !strcmp(fn, "amax")) return ND_MAXIMUM;
    if (!strcmp(fn, "any")) return ND_LOGICAL_OR;
    return ND_LOGICAL_AND;
}

/* argmin/argmax into out: NumPy's shape check, then a safe cast from
   out's dtype to intp (the writeback copy is unsafe). */
static int arg_into(const char *fn, nd_array *r, nd_array *out) {
    if (nd_ndim(out) != nd_ndim(r) || memcmp(nd_shape(out), nd_shape(r), sizeof(int64_t) * (size_t)nd_ndim(r)))
        return raise_exc(ValueErrorT, "output array does not match result of np.%s.", fn), -1;
    if (!nd_can_cast(nd_array_dtype(out), nd_dtype_of(ND_INT64), ND_CAST_SAFE)) {
        char *d = nd_dtype_repr(nd_array_dtype(out));
        raise_exc(TypeErrorT, "Cannot cast array data from %s to dtype('int64') according to the rule 'safe'", d ? d : "?");
        nd_free(d);
        return -1;
    }
    if (!(nd_flags(out) & ND_WRITEABLE)) return raise_exc(ValueErrorT, "WRITEBACKIFCOPY base is read-only"), -1;
    return nd_copyto(out, r, ND_CAST_UNSAFE) < 0 ? (raise_nd(), -1) : 0;
}

/* "(2,3)", "(3,)", "()" */
static void shape_text(char *s, size_t cap, int n, const int64_t *v) {
    size_t len = (size_t)snprintf(s, cap, "(");
    for (int i = 0; i < n && len < cap; i++) len += (size_t)snprintf(s + len, cap - len, "%s%lld", i ? "," : "", (long long)v[i]);
    if (len < cap) snprintf(s + len, cap - len, "%s)", n == 1 ? "," : "");
}

/* The shape checks of ufunc.accumulate's out (x is the array accumulated:
   a, or a flattened for axis=None).  NumPy checks through its iterator
   unless x is 1-d and no cast is needed. */
static int accumulate_out_ok(nd_array *x, nd_array *out, const nd_dtype *lt) {
    int nd = nd_ndim(x), ond = nd_ndim(out);
    const int64_t *xs = nd_shape(x), *os = nd_shape(out);
    bool same = ond == nd && !memcmp(xs, os, sizeof(int64_t) * (size_t)nd);
    bool outer = nd > 1 || !nd_dtype_equal(lt, nd_array_dtype(x)) || !nd_dtype_equal(lt, nd_array_dtype(out));
    if (same) return 0;
    if (!outer || ond > nd) return raise_exc(ValueErrorT, "provided out is the wrong size for the accumulation."), -1;
    if (ond < nd)
        return raise_exc(ValueErrorT, "Iterator input op_axes[0][%d] (==%d) is not a valid axis of op[0], which has %d dimensions ",
                         nd - ond - 1, ond, ond), -1;
    char so[256], sx[256], sr[256];
    int64_t rev[ND_MAXDIMS];
    shape_text(so, sizeof so, nd, os);
    shape_text(sx, sizeof sx, nd, xs);
    for (int i = 0; i < nd; i++)
        if (os[i] != xs[i] && os[i] != 1 && xs[i] != 1)
            return raise_exc(ValueErrorT, "operands could not be broadcast together with remapped shapes [original->remapped]: %s->%s %s->%s ",
                             so, so, sx, sx), -1;
    for (int i = 0; i < nd; i++) rev[i] = os[nd - 1 - i]; /* NumPy prints the remapped shape reversed here */
    shape_text(sr, sizeof sr, nd, rev);
    return raise_exc(ValueErrorT, "non-broadcastable output operand with shape %s [remapped to %s] doesn't match the broadcast shape %s",
                     so, sr, sx), -1;
}

/* cumsum/cumprod with out=: the loop dtype is dtype= or, as NumPy
   resolves it with an out, the ufunc's for (out's dtype, a's). */
static nd_array *cum_into(const char *fn, nd_array *x, int axis, const nd_dtype *dt, nd_array *out) {
    nd_ufunc op = !strcmp(fn, "cumsum") ? ND_ADD : ND_MULTIPLY;
    const nd_dtype *lt = dt ? nd_dtype_retain(dt) : NULL;
    int64_t zero = 0;
    if (!lt) {
        nd_array *e1 = nd_empty(1, &zero, nd_array_dtype(out), 'C'), *e2 = nd_empty(1, &zero, nd_array_dtype(x), 'C');
        lt = e1 && e2 ? nd_ufunc_result_type(op, e1, e2) : NULL;
        nd_release(e1);
        nd_release(e2);
        if (!lt) return nd_ck(NULL);
    }
    nd_array *flat = axis == ND_AXIS_NONE ? nd_ck(nd_ravel(x, 'C', ND_COPY_IF_NEEDED)) : nd_retain(x), *r = NULL;
    if (flat && accumulate_out_ok(flat, out, lt) == 0) {
        r = nd_ck(op == ND_ADD ? nd_cumsum(flat, axis == ND_AXIS_NONE ? 0 : axis, lt)
                               : nd_cumprod(flat, axis == ND_AXIS_NONE ? 0 : axis, lt));
        if (r && nd_copyto(out, r, ND_CAST_UNSAFE) < 0) {
            raise_nd();
            nd_release(r);
            r = NULL;
        }
    }
    nd_release(flat);
    nd_dtype_release(lt);
    if (!r) return NULL;
    nd_release(r);
    return nd_retain(out);
}

/* sum/prod/min/max/any/all with initial=, where= or out=. */
static nd_array *reduce_ex(const char *fn, nd_array *x, int naxes, const int *axes, bool keep, const nd_dtype *dt,
                           Val initv, nd_array *where, nd_array *out) {
    nd_array *init = NULL;
    if (HAS(initv) && initv.t != T_NONE && !(init = arg_nd(initv))) return NULL;
    /* initial=None: no start value, the first elements are */
    const nd_array *iv = HAS(initv) && initv.t == T_NONE ? ND_INITIAL_NONE : init;
    nd_array *r = nd_ck(nd_reduce_ex(reduce_op(fn), x, naxes, axes, keep, dt, iv, where, out));
    nd_release(init);
    return r;
}

/* Reductions: fn is NumPy's name, av the array, argv/kw the rest. */
Val np_reduce(const char *fn, Val av, int argc, Val *argv, Kw *kw) {
    Val a[8];
    const char *spec = reduce_spec(fn);
    bool var = !strcmp(fn, "var") || !strcmp(fn, "std"), mean = !strcmp(fn, "mean");
    bool arg = !strcmp(fn, "argmin") || !strcmp(fn, "argmax"), cum = !strcmp(fn, "cumsum") || !strcmp(fn, "cumprod");
    bool single = arg || cum, cnz = !strcmp(fn, "count_nonzero");
    if (argparse(fn, argc, argv, kw, spec, a) < 0) return VERR;
    Val axis = param(spec, a, "axis"), dtv = param(spec, a, "dtype"), outv = param(spec, a, "out");
    Val kd = param(spec, a, "keepdims"), initv = param(spec, a, "initial"), wv = param(spec, a, "where");
    int64_t ddof = 0;
    if (var && HAS(param(spec, a, "ddof")) && to_int64(param(spec, a, "ddof"), &ddof, NULL) < 0) return VERR;
    nd_array *out, *where = NULL;
    /* these pass out= on to ufunc.reduce by position, where a tuple is no array */
    if (outv.t == T_TUPLE) return raise_exc(TypeErrorT, "output must be an array");
    if (out_array_arg(outv, &out) < 0) return VERR;
    const nd_dtype *dt = NULL;
    if (HAS(dtv) && get_dtype(dtv, &dt) < 0) return VERR;
    int naxes, axes[ND_MAXDIMS];
    if (parse_axes(axis, &naxes, axes) < 0 || where_arg(wv, &where) < 0) { nd_dtype_release(dt); return VERR; }
    int keep = opt_bool(kd, false);
    bool own;
    nd_array *x = to_nd(av, &own);
    if (!x) { nd_dtype_release(dt); nd_release(where); return VERR; }
    Val res = VERR;
    if (single && (axis.t == T_TUPLE || axis.t == T_LIST)) {
        raise_exc(TypeErrorT, "'tuple' object cannot be interpreted as an integer");
        goto done;
    }
    int ax1 = naxes < 0 ? ND_AXIS_NONE : axes[0];
    if (!mean && !var && !single) ufunc_0d_axis(axis, nd_ndim(x), &naxes, axes);
    nd_array *r = NULL;
    bool extra = out || where || HAS(initv);
    if (extra && !var && !mean && !single) {
        if (!(r = reduce_ex(fn, x, naxes, axes, keep, dt, initv, where, out))) goto done;
    } else if (!strcmp(fn, "sum")) r = nd_sum(x, naxes, axes, keep, dt);
    else if (!strcmp(fn, "prod")) r = nd_prod(x, naxes, axes, keep, dt);
    else if (mean) r = extra ? nd_mean_ex(x, naxes, axes, keep, dt, where, out) : nd_mean(x, naxes, axes, keep, dt);
    else if (!strcmp(fn, "min") || !strcmp(fn, "amin")) r = nd_amin(x, naxes, axes, keep);
    else if (!strcmp(fn, "max") || !strcmp(fn, "amax")) r = nd_amax(x, naxes, axes, keep);
    else if (!strcmp(fn, "any")) r = nd_any(x, naxes, axes, keep);
    else if (!strcmp(fn, "all")) r = nd_all(x, naxes, axes, keep);
    else if (!strcmp(fn, "var")) r = extra ? nd_var_ex(x, naxes, axes, ddof, keep, dt, where, out) : nd_var(x, naxes, axes, ddof, keep, dt);
    else if (!strcmp(fn, "std")) r = extra ? nd_std_ex(x, naxes, axes, ddof, keep, dt, where, out) : nd_std(x, naxes, axes, ddof, keep, dt);
    else if (arg) {
        r = !strcmp(fn, "argmin") ? nd_argmin(x, ax1, keep) : nd_argmax(x, ax1, keep);
        if (r && out) {
            int rc = arg_into(fn, r, out);
            nd_release(r);
            if (rc < 0) goto done;
            r = nd_retain(out);
        }
    } else if (cum && out) {
        if (!(r = cum_into(fn, x, ax1, dt, out))) goto done;
    } else if (!strcmp(fn, "cumsum")) r = nd_cumsum(x, ax1, dt);
    else if (!strcmp(fn, "cumprod")) r = nd_cumprod(x, ax1, dt);
    else if (cnz) {
        r = nd_count_nonzero(x, naxes, axes, keep);
        if (r && naxes < 0 && !keep) {
            nd_value v;
            nd_item(r, INT64_MIN, &v);
            nd_release(r);
            res = VINT(v.i);
            goto done;
        }
    }
    if (r && out) { /* NumPy returns the out= array itself */
        nd_release(r);
        res = incref(outv.t == T_TUPLE ? LIST(outv)->v[0] : outv);
    } else {
        res = array_wrap0(r);
    }
done:
    if (own) nd_release(x);
    nd_release(where);
    nd_dtype_release(dt);
    return res;
}

static Val shape_from_args(int argc, Val *argv, int *nd, int64_t *shape) {
    if (argc == 1) { /* one argument: a shape (an int, a sequence or an array) or None */
        if (argv[0].t == T_NONE) { *nd = -1; return VNONE; }
        return parse_shape(argv[0], nd, shape) < 0 ? VERR : VNONE;
    }
    if (argc > ND_MAXDIMS) return raise_exc(ValueErrorT, "too many dimensions");
    *nd = argc;
    for (int i = 0; i < argc; i++)
        if (to_int64(argv[i], &shape[i], NULL) < 0) {
            exc_clear();
            return raise_exc(TypeErrorT, "'%s' object cannot be interpreted as an integer", type_name(argv[i]));
        }
    return VNONE;
}

static Val item_of(nd_array *a, int argc, Val *argv) {
    nd_value v;
    if (argc == 0) {
        if (nd_item(a, INT64_MIN, &v) < 0) {
            if (nd_errcode() == ND_EVALUE) return raise_exc(ValueErrorT, "can only convert an array of size 1 to a Python scalar");
            return raise_nd();
        }
        return value_to_py(v);
    }
    if (argc == 1 && argv[0].t != T_TUPLE) {
        int64_t k;
        if (to_int64(argv[0], &k, NULL) < 0) return VERR;
        if (nd_item(a, k, &v) < 0) return raise_exc(IndexErrorT, "index %lld is out of bounds for size %lld", (long long)k, (long long)nd_size(a));
        return value_to_py(v);
    }
    Val t = argc == 1 ? argv[0] : VNONE;
    int n = argc == 1 ? (int)LIST(t)->n : argc;
    Val *xs = argc == 1 ? LIST(t)->v : argv;
    if (n != nd_ndim(a)) return raise_exc(ValueErrorT, "incorrect number of indices for array");
    int64_t idx[ND_MAXDIMS];
    for (int i = 0; i < n; i++) if (to_int64(xs[i], &idx[i], NULL) < 0) return VERR;
    if (nd_get(a, idx, &v) < 0) return raise_nd();
    return value_to_py(v);
}


/* ---------- storing a Python float into an integer array ----------
   NumPy's integer setitem converts a float through a Python int and a C
   long (arraytypes.c.src MyPyLong_AsLong): nan and inf raise, values
   beyond a C long raise OverflowError, the rest wrap to the type.  uint32
   and uint64 go through unsigned long first, which takes [0, 2**64) as well.
   A Python float gets this on every path; a NumPy float scalar only in a
   signed integer array, and only without an index array (those cast). */
static int float_to_int(const nd_dtype *dt, double x, Val *out) {
    if (isnan(x)) { raise_exc(ValueErrorT, "cannot convert float NaN to integer"); return -1; }
    if (isinf(x)) { raise_exc(OverflowErrorT, "cannot convert float infinity to integer"); return -1; }
    nd_type t = nd_dtype_type(dt);
    double hi = t == ND_UINT32 || t == ND_UINT64 ? 18446744073709551616.0 : 9223372036854775808.0;
    double tr = trunc(x);
    if (tr < -9223372036854775808.0 || tr >= hi) {
        raise_exc(OverflowErrorT, "Python int too large to convert to C long");
        return -1;
    }
    uint64_t w = tr < 0 ? (uint64_t)(int64_t)tr : (uint64_t)tr;
    int bits = 8 * (int)nd_dtype_itemsize(dt);
    bool sign = nd_dtype_kind(dt) == 'i';
    if (bits == 64) *out = sign ? VINT((int64_t)w) : mk_int((i128)w);
    else {
        uint64_t m = w & ((UINT64_C(1) << bits) - 1);
        *out = VINT(sign && m >> (bits - 1) ? (int64_t)(m - (UINT64_C(1) << bits)) : (int64_t)m);
    }
    return 0;
}

static bool is_index_array(Val t) {
    return t.t == T_LIST || t.t == T_BOOL || (t.t == T_ARRAY && nd_ndim(ARR(t)) > 0) ||
           (t.t == T_SCALAR && SCAL(t).type == ND_BOOL) ||
           (t.t == T_ARRAY && nd_dtype_kind(nd_array_dtype(ARR(t))) == 'b');
}

/* Check idx as NumPy does before it converts the value: everything but the
   bounds of integer index arrays (checked after the conversion), which
   stand in as `:` for the probe.  <0 with the IndexError raised. */
static int probe_index(Val self, Val idx) {
    bool tup = idx.t == T_TUPLE;
    int64_t n = tup ? LIST(idx)->n : 1;
    Val pr = mk_tuple(n);
    for (int64_t i = 0; i < n; i++) {
        Val t = tup ? LIST(idx)->v[i] : idx;
        if (t.t == T_LIST && LIST(t)->n == 0) { /* [] indexes as an empty integer array */
            LIST(pr)->v[i] = mk_slice(VNONE, VNONE, VNONE);
            continue;
        }
        if (t.t == T_LIST) { /* a list of ints is an index array, of bools a mask */
            Val arr = np_array_from(t, NULL, false);
            if (ISERR(arr)) exc_clear();
            else t = arr;
            LIST(pr)->v[i] = ISERR(arr) ? incref(t) : arr;
        } else {
            LIST(pr)->v[i] = incref(t);
        }
        Val u = LIST(pr)->v[i];
        if (u.t == T_ARRAY && nd_ndim(ARR(u)) > 0 && strchr("iu", nd_dtype_kind(nd_array_dtype(ARR(u))))) {
            decref(u);
            LIST(pr)->v[i] = mk_slice(VNONE, VNONE, VNONE);
        }
    }
    Val r = array_getitem(self, tup ? pr : LIST(pr)->v[0]);
    decref(pr);
    if (ISERR(r)) return -1;
    decref(r);
    return 0;
}

/* v as the value NumPy's setitem/fill of a would store (v itself, not a
   new reference, when nothing changes).  fancy: the index holds an index
   array or mask. */
static int int_value(nd_array *a, Val v, bool fancy, Val *out) {
    const nd_dtype *dt = nd_array_dtype(a);
    char k = nd_dtype_kind(dt);
    *out = v;
    if (v.t == T_FLOAT && (k == 'i' || k == 'u')) return float_to_int(dt, v.f, out);
    if (v.t == T_FLOAT && k == 'b') *out = VBOOL(v.f != 0); /* truth: nan is True */
    if (v.t == T_SCALAR && k == 'i' && !fancy) { /* int(x); of a complex, its real part */
        char sk = nd_dtype_kind(nd_dtype_of(SCAL(v).type));
        if (sk == 'f') return float_to_int(dt, SCAL(v).f, out);
        if (sk == 'c') return float_to_int(dt, SCAL(v).c[0], out);
    }
    return 0;
}

/* obj[idx] = v for an array (store_subscript). */
int array_store(Val self, Val idx, Val v) {
    char k = nd_dtype_kind(nd_array_dtype(ARR(self)));
    bool conv = (v.t == T_FLOAT && (k == 'i' || k == 'u' || k == 'b')) ||
                (v.t == T_SCALAR && k == 'i' && strchr("fc", nd_dtype_kind(nd_dtype_of(SCAL(v).type)))) ||
                (v.t == T_COMPLEX && (k == 'i' || k == 'u' || k == 'f'));
    if (!conv) return array_setitem(self, idx, v); /* the usual case */
    if (probe_index(self, idx) < 0) return -1;
    bool fancy = false;
    for (int64_t i = 0, n = idx.t == T_TUPLE ? LIST(idx)->n : 1; i < n; i++)
        fancy |= is_index_array(idx.t == T_TUPLE ? LIST(idx)->v[i] : idx);
    Val x;
    if (int_value(ARR(self), v, fancy, &x) < 0) return -1;
    int r = array_setitem(self, idx, x);
    if (!val_is(x, v)) decref(x);
    return r;
}

/* sort / argsort / a.sort with NumPy's order= (mode 0, 1, 2). */
Val sort_by_order(nd_array *a, int axis, const char *kind, Val order, int mode) {
    if (!HAS(order) || order.t == T_NONE) {
        if (mode == 2) return nd_sort_inplace(a, axis, kind) < 0 ? raise_nd() : VNONE;
        return mk_array(mode ? nd_argsort(a, axis, kind) : nd_sort(a, axis, kind));
    }
    int n = 0;
    const char *one[1], **names = one;
    if (nd_dtype_nfields(nd_array_dtype(a)) >= 0) { /* else libnd says there are no fields */
        if (kind && !strchr("qQhHmMsS", kind[0])) return mk_array(nd_sort(a, axis, kind)); /* its kind error first */
        bool seq = order.t == T_LIST || order.t == T_TUPLE;
        if (order.t == T_STR) {
            one[0] = STR(order)->s;
            n = 1;
        } else if (seq) {
            n = (int)LIST(order)->n;
            if (!(names = malloc((size_t)(n + 1) * sizeof *names))) return raise_exc(MemoryErrorT, "out of memory");
        }
        for (int i = 0; seq && i < n; i++) {
            Val v = LIST(order)->v[i];
            if (v.t != T_STR) { /* NumPy: list.remove finds no such name */
                Val s = val_str(v);
                free(names);
                if (ISERR(s)) return s;
                Val e = raise_exc(ValueErrorT, "unknown field name: %s", STR(s)->s);
                decref(s);
                return e;
            }
            names[i] = STR(v)->s;
        }
        if (order.t != T_STR && !seq) {
            Val s = val_str(order);
            if (ISERR(s)) return s;
            Val e = raise_exc(ValueErrorT, "unsupported order value: %s", STR(s)->s);
            decref(s);
            return e;
        }
    }
    Val r;
    if (mode == 2) r = nd_sort_inplace_order(a, axis, kind, n, names) < 0 ? raise_nd() : VNONE;
    else r = mk_array(mode ? nd_argsort_order(a, axis, kind, n, names) : nd_sort_order(a, axis, kind, n, names));
    if (names != one) free(names);
    return r;
}

/* Call np.<name>(self, *args, **kw). */
Val via_np(const char *name, Val self, int argc, Val *argv, Kw *kw) {
    Val buf[16];
    if (argc > 15) return raise_exc(TypeErrorT, "too many arguments");
    buf[0] = self;
    for (int i = 0; i < argc; i++) buf[i + 1] = argv[i];
    return np_call(name, argc + 1, buf, kw);
}

Val array_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    nd_array *a = ARR(self);
    Val p[6];
    *found = true;
#define ARGS(spec) if (argparse(name, argc, argv, kw, spec, p) < 0) return VERR
    switch (name[0]) {
    case 'a':
        if (!strcmp(name, "astype")) {
            ARGS("dtype|order,casting,subok,copy");
            const nd_dtype *dt;
            if (get_dtype(p[0], &dt) < 0) return VERR;
            nd_casting c = ND_CAST_UNSAFE;
            if (HAS(p[2]) && (p[2].t != T_STR || nd_casting_parse(STR(p[2])->s, &c) < 0)) {
                nd_dtype_release(dt);
                return raise_exc(ValueErrorT, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
            }
            nd_array *r = nd_astype(a, dt ? dt : nd_dtype_of(ND_FLOAT64), opt_order(p[1], 'K'), c, opt_bool(p[4], true));
            nd_dtype_release(dt);
            return mk_array(r);
        }
        if (!strcmp(name, "argsort")) return via_np("argsort", self, argc, argv, kw);
        break;
    case 'b':
        if (!strcmp(name, "byteswap")) {
            ARGS("|inplace");
            return mk_array(nd_byteswap(a, opt_bool(p[0], false)));
        }
        break;
    case 'c':
        if (!strcmp(name, "copy")) {
            ARGS("|order");
            return mk_array(nd_copy(a, opt_order(p[0], 'C')));
        }
        if (!strcmp(name, "clip")) return via_np("clip", self, argc, argv, kw);
        if (!strcmp(name, "compress")) {
            ARGS("condition|axis");
            Val args[3] = {p[0], self, HAS(p[1]) ? p[1] : VNONE};
            return np_call("compress", 3, args, NULL);
        }
        if (!strcmp(name, "conj") || !strcmp(name, "conjugate")) {
            /* PyArray_Conjugate: the ufunc for complex; other numbers are
               their own conjugate (self, or copied into out) */
            if (kw && kw->n) return raise_exc(TypeErrorT, "ndarray.%s() takes no keyword arguments", name);
            if (nd_dtype_kind(nd_array_dtype(a)) == 'c') return via_np("conjugate", self, argc, argv, kw);
            ARGS("|out");
            if (!strchr("biufc", nd_dtype_kind(nd_array_dtype(a)))) return raise_exc(TypeErrorT, "cannot conjugate non-numeric dtype");
            if (!HAS(p[0]) || p[0].t == T_NONE) return incref(self);
            if (p[0].t != T_ARRAY) return raise_exc(TypeErrorT, "return arrays must be of ArrayType");
            if (nd_copyto(ARR(p[0]), a, ND_CAST_SAME_KIND) < 0) return raise_nd();
            return incref(p[0]);
        }
        break;
    case 'd':
        if (!strcmp(name, "dot")) return via_np("dot", self, argc, argv, kw);
        break;
    case 'f':
        if (!strcmp(name, "flatten")) {
            ARGS("|order");
            return mk_array(nd_flatten(a, opt_order(p[0], 'C')));
        }
        if (!strcmp(name, "fill")) {
            ARGS("value");
            bool own;
            Val pv;
            if (int_value(a, p[0], false, &pv) < 0) return VERR;
            nd_array *v = to_nd(pv, &own);
            if (!val_is(pv, p[0])) decref(pv);
            if (!v) return VERR;
            nd_value x;
            nd_item(v, INT64_MIN, &x);
            if (own) nd_release(v);
            return nd_fill(a, x) < 0 ? raise_nd() : VNONE;
        }
        if (!strcmp(name, "flush")) return nd_memmap_flush(a) < 0 ? raise_nd() : VNONE;
        break;
    case 'i':
        if (!strcmp(name, "item")) {
            if (kw && kw->n) return raise_exc(TypeErrorT, "item() takes no keyword arguments");
            if (is_void_dt(nd_array_dtype(a)) && argc == 0) { /* a record: its fields as a tuple */
                if (nd_size(a) != 1) return raise_exc(ValueErrorT, "can only convert an array of size 1 to a Python scalar");
                nd_array *one = nd_ndim(a) ? nd_reshape(a, 0, NULL, 'C', ND_COPY_IF_NEEDED) : nd_retain(a);
                Val r = one ? rec_tolist(one) : raise_nd();
                nd_release(one);
                return r;
            }
            return item_of(a, argc, argv);
        }
        break;
    case 'n':
        if (!strcmp(name, "newbyteorder")) {
            ARGS("|new_order");
            char o = opt_order(p[0], 'S');
            return mk_array(nd_newbyteorder(a, o));
        }
        if (!strcmp(name, "nonzero")) return via_np("nonzero", self, argc, argv, kw);
        break;
    case 'r':
        if (!strcmp(name, "reshape")) {
            Val order = VERR;
            for (int k = 0; kw && k < kw->n; k++) {
                if (!strcmp(kw->names[k], "order")) order = kw->vals[k];
                else return raise_exc(TypeErrorT, "'%s' is an invalid keyword argument for this function", kw->names[k]);
            }
            if (!argc) return raise_exc(TypeErrorT, "reshape() takes exactly 1 argument (0 given)");
            int nd;
            int64_t shape[ND_MAXDIMS];
            if (ISERR(shape_from_args(argc, argv, &nd, shape))) return VERR;
            if (nd < 0) return mk_array(nd_view(a));
            return mk_array(nd_reshape(a, nd, shape, opt_order(order, 'C'), ND_COPY_IF_NEEDED));
        }
        if (!strcmp(name, "ravel")) {
            ARGS("|order");
            return mk_array(nd_ravel(a, opt_order(p[0], 'C'), ND_COPY_IF_NEEDED));
        }
        if (!strcmp(name, "round")) return via_np("round", self, argc, argv, kw);
        if (!strcmp(name, "repeat")) return via_np("repeat", self, argc, argv, kw);
        break;
    case 's':
        if (!strcmp(name, "swapaxes")) {
            ARGS("axis1,axis2");
            int64_t x, y;
            if (to_int64(p[0], &x, NULL) < 0 || to_int64(p[1], &y, NULL) < 0) return VERR;
            return mk_array(nd_swapaxes(a, (int)x, (int)y));
        }
        if (!strcmp(name, "squeeze")) {
            ARGS("|axis");
            int n, axes[ND_MAXDIMS];
            if (parse_axes(p[0], &n, axes) < 0) return VERR;
            return mk_array(nd_squeeze(a, n < 0 ? 0 : n, n < 0 ? NULL : axes));
        }
        if (!strcmp(name, "setflags")) {
            ARGS("|write,align,uic");
            if (HAS(p[0]) && p[0].t != T_NONE && nd_set_writeable(a, val_truth(p[0])) < 0) return raise_nd();
            if (HAS(p[2]) && p[2].t != T_NONE && val_truth(p[2]))
                return raise_exc(ValueErrorT, "cannot set WRITEBACKIFCOPY flag to True");
            return VNONE;
        }
        if (!strcmp(name, "sort")) {
            ARGS("|axis,kind,order");
            int64_t ax = -1;
            if (HAS(p[0]) && p[0].t != T_NONE && to_int64(p[0], &ax, NULL) < 0) return VERR;
            if (HAS(p[0]) && p[0].t == T_NONE) ax = ND_AXIS_NONE;
            const char *kind = HAS(p[1]) && p[1].t == T_STR ? STR(p[1])->s : NULL;
            return sort_by_order(a, (int)ax, kind, p[2], 2);
        }
        if (!strcmp(name, "sum") || !strcmp(name, "std")) return np_reduce(name, self, argc, argv, kw);
        break;
    case 't':
        if (!strcmp(name, "transpose")) {
            if (kw && kw->n) return raise_exc(TypeErrorT, "transpose() takes no keyword arguments");
            if (argc == 0 || (argc == 1 && argv[0].t == T_NONE)) return mk_array(nd_transpose(a, NULL));
            int n;
            int64_t ax[ND_MAXDIMS];
            if (ISERR(shape_from_args(argc, argv, &n, ax))) return VERR;
            if (n != nd_ndim(a)) return raise_exc(ValueErrorT, "axes don't match array");
            int axes[ND_MAXDIMS];
            for (int i = 0; i < n; i++) axes[i] = (int)ax[i];
            return mk_array(nd_transpose(a, axes));
        }
        if (!strcmp(name, "tolist")) return array_tolist(a);
        if (!strcmp(name, "tobytes")) {
            ARGS("|order");
            size_t len;
            void *b = nd_tobytes(a, opt_order(p[0], 'C'), &len);
            if (!b) return raise_nd();
            Val r = mk_bytes(b, (int64_t)len);
            nd_free(b);
            return r;
        }
        if (!strcmp(name, "tofile")) {
            ARGS("fid|sep,format");
            if (p[0].t != T_STR) return raise_exc(TypeErrorT, "tofile() needs a file name in nd");
            size_t len;
            void *b = nd_tobytes(a, 'C', &len);
            if (!b) return raise_nd();
            FILE *f = fopen(STR(p[0])->s, "wb");
            if (!f) { nd_free(b); return raise_exc(exc_class_by_name("FileNotFoundError"), "[Errno 2] No such file or directory: '%s'", STR(p[0])->s); }
            size_t w = fwrite(b, 1, len, f);
            int cl = fclose(f);
            nd_free(b);
            if (w != len || cl) return raise_exc(OSErrorT, "write failed: '%s'", STR(p[0])->s);
            return VNONE;
        }
        if (!strcmp(name, "take")) return via_np("take", self, argc, argv, kw);
        break;
    case 'v':
        if (!strcmp(name, "view")) {
            ARGS("|dtype,type");
            if (HAS(p[1]) && p[1].t != T_NONE)
                return raise_exc(NotImplementedErrorT, "view(type=...) is not supported by nd (no ndarray subclasses)");
            if (!HAS(p[0]) || p[0].t == T_NONE) return mk_array(nd_view(a));
            if (p[0].t == T_TYPE && (TYPE(p[0]) == NdarrayT || TYPE(p[0]) == MemmapT)) return mk_array(nd_view(a));
            const nd_dtype *dt;
            if (get_dtype(p[0], &dt) < 0) return VERR;
            nd_array *r = nd_view_dtype(a, dt);
            nd_dtype_release(dt);
            return mk_array(r);
        }
        break;
    }
    static const char *reds[] = {"sum", "prod", "min", "max", "mean", "var", "std", "any", "all", "argmin", "argmax",
                                 "cumsum", "cumprod", NULL};
    for (int i = 0; reds[i]; i++)
        if (!strcmp(reds[i], name)) return np_reduce(name, self, argc, argv, kw);
    static const char *via[] = {"ptp", "searchsorted", "diagonal", "trace", NULL};
    for (int i = 0; via[i]; i++)
        if (!strcmp(via[i], name)) return via_np(name, self, argc, argv, kw);
    if (!strcmp(name, "__len__")) return VINT(nd_ndim(a) ? nd_shape(a)[0] : 0);
    if (!strcmp(name, "__array__")) return incref(self);
    if (!strcmp(name, "__repr__")) return val_repr(self);
    if (!strcmp(name, "__str__")) return val_str(self);
    *found = false;
    return VERR;
#undef ARGS
}
