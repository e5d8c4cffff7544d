/* np_pad.c — np.pad with every mode of NumPy 1.24 but a callable one
 * (numpy/lib/arraypad.py).  As there, the result is allocated once with
 * the original in its middle, and each axis's pad areas are then written
 * through views of it, axis after axis: corners take the later axis's
 * values, wrap and reflect repeat their copies until pads wider than the
 * array are full, and every value is computed in the type NumPy computes
 * it in before an unsafe cast into the result. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "np_util.h"

typedef struct Pad {
    nd_array *p;              /* the padded array */
    int nd;
    int64_t w[ND_MAXDIMS][2]; /* pad widths, before and after */
    int64_t n[ND_MAXDIMS];    /* the original shape */
} Pad;

static void drop_vals(Val *v, int n) {
    for (int i = 0; i < n; i++) decref(v[i]);
}

/* The elements of a (C order) as NumPy scalars or, py, Python values. */
static void items_of(const nd_array *a, Val *out, bool py) {
    for (int64_t i = 0; i < nd_size(a); i++) {
        nd_value v;
        nd_item(a, i, &v);
        out[i] = py ? value_to_py(v) : mk_scalar(v);
    }
}

/* NumPy's _as_pairs: x broadcast to (nd, 2), as 2*nd new values in out.
   One or two values come back as NumPy scalars (its x[0], x[1]), more as
   Python ones (its tolist()); None gives Nones.  index: rounded to int64,
   negative values refused. */
static int as_pairs(Val xv, int nd, bool index, Val *out) {
    if (xv.t == T_NONE) {
        for (int i = 0; i < 2 * nd; i++) out[i] = VNONE;
        return 0;
    }
    nd_array *x = arg_nd(xv), *b = NULL;
    if (!x) return -1;
    int rc = -1;
    if (index) {
        bool fl = strchr("fc", nd_dtype_kind(nd_array_dtype(x))) != NULL;
        nd_array *r = fl ? nd_ck(nd_apply(ND_RINT, x, NULL, NULL)) : nd_retain(x);
        nd_release(x);
        x = r ? nd_ck(nd_astype(r, nd_dtype_of(ND_INT64), 'C', ND_CAST_UNSAFE, false)) : NULL;
        nd_release(r);
        if (!x) return -1;
    }
    int64_t size = nd_size(x);
    const int64_t *sh = nd_shape(x);
    bool pair = size == 2 && !(nd_ndim(x) == 2 && sh[0] == 2 && sh[1] == 1); /* [[1], [2]] is per axis */
    if (nd_ndim(x) < 3 && (size == 1 || pair)) {
        Val v[2];
        items_of(x, v, false);
        if (size == 1) v[1] = incref(v[0]);
        if (index && (SCAL(v[0]).i < 0 || SCAL(v[1]).i < 0)) {
            raise_exc(ValueErrorT, "index can't contain negative values");
            drop_vals(v, 2);
            goto done;
        }
        for (int i = 0; i < 2 * nd; i++) out[i] = incref(v[i & 1]);
        drop_vals(v, 2);
        rc = 0;
        goto done;
    }
    if (index && size == 0) {
        raise_exc(ValueErrorT, "zero-size array to reduction operation minimum which has no identity");
        goto done;
    }
    for (int64_t i = 0; index && i < size; i++) {
        nd_value v;
        nd_item(x, i, &v);
        if (v.i < 0) { raise_exc(ValueErrorT, "index can't contain negative values"); goto done; }
    }
    if (!(b = nd_ck(nd_broadcast_to(x, 2, (int64_t[]){nd, 2})))) goto done;
    items_of(b, out, true);
    rc = 0;
done:
    nd_release(x);
    nd_release(b);
    return rc;
}

/* ---------- views of the padded array ---------- */
/* NumPy's _view_roi: the axes up to `axis` whole, later ones only over
   the original values (their pad areas are not written yet). */
static nd_array *roi_of(const Pad *P, int axis) {
    nd_idx ix[ND_MAXDIMS];
    for (int i = 0; i < P->nd; i++) ix[i] = i <= axis ? ND_ALL : ND_S(P->w[i][0], P->w[i][0] + P->n[i], 1);
    return nd_ck(nd_subscript(P->p, P->nd, ix));
}

static nd_array *part(nd_array *r, int axis, int64_t start, int64_t stop) {
    return slice_axis(r, axis, start, stop, 1);
}

/* r[..., stop-1, stop-2, ..., start, ...] along axis */
static nd_array *part_rev(nd_array *r, int axis, int64_t start, int64_t stop) {
    nd_array *f = part(r, axis, start, stop);
    nd_array *v = f ? nd_ck(nd_flip(f, 1, &axis)) : NULL;
    nd_release(f);
    return v;
}

/* r[start:stop] along axis = src (broadcast, unsafe cast); src released */
static int put(nd_array *r, int axis, int64_t start, int64_t stop, nd_array *src) {
    nd_array *d = src ? part(r, axis, start, stop) : NULL;
    int rc = d ? nd_copyto(d, src, ND_CAST_UNSAFE) : -1;
    if (d && rc < 0) raise_nd();
    nd_release(d);
    nd_release(src);
    return rc < 0 ? -1 : 0;
}

/* r[start:stop] along axis = v, a Python or NumPy scalar, as a[...] = v
   assigns it (NaN into integers is refused there) */
static int put_val(nd_array *r, int axis, int64_t start, int64_t stop, Val v) {
    nd_array *d = part(r, axis, start, stop);
    if (!d) return -1;
    char k = nd_dtype_kind(nd_array_dtype(d));
    if (v.t == T_NONE && strchr("biufc", k)) { /* None is NaN to NumPy's floats, False to bools */
        int rc = -1;
        if (k == 'i' || k == 'u')
            raise_exc(TypeErrorT, "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
        else if ((rc = nd_fill(d, k == 'b' ? ND_BOOLV(false) : ND_C128(NAN, NAN))) < 0)
            raise_nd();
        nd_release(d);
        return rc;
    }
    Val dv = mk_array(d);
    int rc = array_store(dv, (Val){.t = T_ELLIPSIS}, v);
    decref(dv);
    return rc;
}

/* ---------- the modes, one axis of the region r at a time ---------- */
static int pad_edge(nd_array *r, int axis, int64_t lp, int64_t rp) {
    int64_t L = nd_shape(r)[axis];
    if (put(r, axis, 0, lp, part(r, axis, lp, lp + 1)) < 0) return -1;
    return put(r, axis, L - rp, L, part(r, axis, L - rp - 1, L - rp));
}

/* NumPy's _set_wrap_both, repeated until both pads are full */
static int pad_wrap(nd_array *r, int axis, int64_t lp, int64_t rp) {
    int64_t L = nd_shape(r)[axis];
    while (lp > 0 || rp > 0) {
        int64_t period = L - rp - lp, nl = 0, nr = 0;
        if (lp > 0) {
            int64_t c = period < lp ? period : lp;
            nl = lp > period ? lp - period : 0;
            if (put(r, axis, lp - c, lp, part(r, axis, L - rp - c, L - rp)) < 0) return -1;
        }
        if (rp > 0) {
            int64_t c = period < rp ? period : rp;
            nr = rp > period ? rp - period : 0;
            if (put(r, axis, L - rp, L - rp + c, part(r, axis, lp, lp + c)) < 0) return -1;
        }
        lp = nl;
        rp = nr;
    }
    return 0;
}

/* 2 * edge - chunk, in the type NumPy's operators give it (bool: uint8);
   chunk released */
static nd_array *odd_of(nd_array *r, int axis, int64_t e, nd_array *chunk) {
    nd_array *two = chunk ? nd_ck(nd_scalar(ND_I64(2), NULL)) : NULL;
    nd_array *edge = two ? part(r, axis, e, e + 1) : NULL;
    nd_array *t = edge ? op2(ND_MULTIPLY, two, edge, 3) : (nd_release(two), NULL);
    return op2(ND_SUBTRACT, t, chunk, 3);
}

/* NumPy's _set_reflect_both, repeated until both pads are full;
   sym: 'symmetric' (the edge repeats), odd: reflect_type='odd' */
static int pad_reflect(nd_array *r, int axis, int64_t lp, int64_t rp, bool sym, bool odd) {
    int64_t L = nd_shape(r)[axis], eo = sym;
    while (lp > 0 || rp > 0) {
        int64_t old = L - rp - lp - !sym;
        if (lp > 0) {
            int64_t cl = old < lp ? old : lp, stop = lp - eo;
            nd_array *c = part_rev(r, axis, stop + 1, stop + cl + 1);
            if (odd) c = odd_of(r, axis, lp, c);
            if (put(r, axis, lp - cl, lp, c) < 0) return -1;
            lp -= cl;
        }
        if (rp > 0) {
            int64_t cl = old < rp ? old : rp, s = L - rp + eo - 2;
            nd_array *c = part_rev(r, axis, s - cl + 1, s + 1);
            if (odd) c = odd_of(r, axis, L - rp - 1, c);
            if (put(r, axis, L - rp, L - rp + cl, c) < 0) return -1;
            rp -= cl;
        }
    }
    return 0;
}

/* fn(chunk, axis=axis, keepdims=True) through the numpy namespace,
   rounded in place when the result is integral (_round_if_needed) */
static nd_array *stat_of(const char *fn, nd_array *chunk, int axis, bool integral) {
    if (!chunk) return NULL;
    Val arg = mk_array(chunk);
    const char *names[2] = {"axis", "keepdims"};
    Val vals[2] = {VINT(axis), VBOOL(true)};
    Kw k = {2, names, vals};
    Val s = np_call(fn, 1, &arg, &k);
    decref(arg);
    if (ISERR(s)) return NULL;
    nd_array *a = arg_nd(s);
    decref(s);
    if (a && integral && strchr("fc", nd_dtype_kind(nd_array_dtype(a)))) {
        nd_array *t = nd_ck(nd_apply(ND_RINT, a, NULL, a));
        nd_release(t);
        if (!t) { nd_release(a); a = NULL; }
    }
    return a;
}

/* NumPy's _get_stats and _set_pad_area; lens: the two stat_length values */
static int pad_stat(nd_array *r, int axis, int64_t lp, int64_t rp, const Val *lens, const char *fn, bool integral) {
    int64_t L = nd_shape(r)[axis], li = lp, ri = L - rp, maxlen = ri - li, len[2] = {maxlen, maxlen};
    for (int s = 0; s < 2; s++) {
        int64_t x;
        if (lens[s].t == T_NONE) continue;
        if (to_int64(lens[s], &x, NULL) < 0) return -1;
        if (x < maxlen) len[s] = x;
    }
    if ((len[0] == 0 || len[1] == 0) && fn[1] == 'm') { /* amax, amin */
        raise_exc(ValueErrorT, "stat_length of 0 yields no value for padding");
        return -1;
    }
    nd_array *left = stat_of(fn, part(r, axis, li, li + len[0]), axis, integral), *right;
    if (!left) return -1;
    if (len[0] == maxlen && len[1] == maxlen) right = nd_retain(left);
    else if (!(right = stat_of(fn, part(r, axis, ri - len[1], ri), axis, integral))) {
        nd_release(left);
        return -1;
    }
    if (put(r, axis, 0, lp, left) < 0) {
        nd_release(right);
        return -1;
    }
    return put(r, axis, L - rp, L, right);
}

static int inplace(nd_ufunc op, nd_array *y, const nd_array *b) {
    nd_array *t = nd_ck(nd_apply(op, y, b, y));
    nd_release(t);
    return t ? 0 : -1;
}

/* linspace's y * step, or (y / div) * delta when a step is 0 (its gh-5437
   path for denormals); *y replaced */
static int ramp_scale(nd_array **y, nd_array *delta, nd_array *div) {
    nd_array *step = op2(ND_TRUE_DIVIDE, delta, div, 0), *zero = NULL, *eq = NULL, *any = NULL, *n = NULL;
    if (step && (zero = nd_ck(nd_scalar(ND_I64(0), NULL))) && (eq = op2(ND_EQUAL, step, zero, 0)) &&
        (any = nd_ck(nd_any(eq, -1, NULL, false)))) {
        nd_value v;
        nd_item(any, 0, &v);
        if (!v.b) n = op2(ND_MULTIPLY, *y, step, 0);
        else if (inplace(ND_TRUE_DIVIDE, *y, div) == 0) n = op2(ND_MULTIPLY, *y, delta, 0);
    }
    nd_release(step);
    nd_release(zero);
    nd_release(eq);
    nd_release(any);
    if (!n) return -1;
    nd_release(*y);
    *y = n;
    return 0;
}

/* NumPy's linspace(end, edge.squeeze(axis), w, endpoint=False,
   dtype=r.dtype, axis=axis) for the pad beside r[e], step by step in its
   types (for 1-d arrays the edge is a scalar, so float64 throughout);
   reversed: the right pad's ramp. */
static nd_array *ramp(nd_array *r, int axis, int64_t e, int64_t w, Val endv, bool reversed) {
    nd_array *one = NULL, *edge = NULL, *sq = NULL, *ev = NULL, *start = NULL, *stop = NULL, *fnum = NULL;
    nd_array *div = NULL, *delta = NULL, *ar = NULL, *y = NULL, *res = NULL;
    const nd_dtype *dt = NULL;
    int nd = nd_ndim(r);
    int64_t ysh[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) ysh[i] = i ? 1 : w; /* arange(w) against delta's axes */
    if (!(one = nd_ck(nd_scalar(ND_F64(1.0), NULL))) || !(edge = part(r, axis, e, e + 1)) ||
        !(sq = nd_ck(nd_squeeze(edge, 1, &axis))) || !(ev = arg_nd(endv)) ||
        !(start = op2(ND_MULTIPLY, ev, one, 0)) || !(stop = op2(ND_MULTIPLY, sq, one, 0)) ||
        !(fnum = nd_ck(nd_scalar(ND_F64((double)w), NULL))) || !(div = nd_ck(nd_scalar(ND_I64(w), NULL))))
        goto done;
    if (!(dt = nd_result_type(3, (const nd_array *[]){start, stop, fnum}))) {
        raise_nd();
        goto done;
    }
    if (!(delta = op2(ND_SUBTRACT, stop, start, 0)) || !(ar = nd_ck(nd_arange(0, w, 1, dt))) ||
        !(y = nd_ck(nd_reshape(ar, nd, ysh, 'C', ND_COPY_IF_NEEDED))))
        goto done;
    if (w > 0 ? ramp_scale(&y, delta, div) < 0 : !(y = op2(ND_MULTIPLY, y, delta, 1))) goto done;
    if (inplace(ND_ADD, y, start) < 0) goto done;
    if (axis) {
        nd_array *t = nd_ck(nd_moveaxis(y, 1, (int[]){0}, &axis));
        nd_release(y);
        if (!(y = t)) goto done;
    }
    char k = nd_dtype_kind(nd_array_dtype(r));
    if ((k == 'i' || k == 'u') && inplace(ND_FLOOR, y, NULL) < 0) goto done;
    res = nd_ck(nd_astype(y, nd_array_dtype(r), 'C', ND_CAST_UNSAFE, true));
    if (res && reversed) {
        nd_array *f = nd_ck(nd_flip(res, 1, &axis));
        nd_release(res);
        res = f;
    }
done:
    nd_release(one);
    nd_release(edge);
    nd_release(sq);
    nd_release(ev);
    nd_release(start);
    nd_release(stop);
    nd_release(fnum);
    nd_release(div);
    nd_release(delta);
    nd_release(ar);
    nd_release(y);
    nd_dtype_release(dt);
    return res;
}

/* ---------- np.pad ---------- */
enum { M_CONSTANT, M_EDGE, M_WRAP, M_EMPTY, M_RAMP, M_MAX, M_MEAN, M_MEDIAN, M_MIN, M_REFLECT, M_SYMMETRIC, M_COUNT };
static const struct { const char *name, *kw, *fn; } modes[M_COUNT] = {
    {"constant", "constant_values", NULL}, {"edge", NULL, NULL}, {"wrap", NULL, NULL}, {"empty", NULL, NULL},
    {"linear_ramp", "end_values", NULL}, {"maximum", "stat_length", "amax"}, {"mean", "stat_length", "mean"},
    {"median", "stat_length", "median"}, {"minimum", "stat_length", "amin"}, {"reflect", "reflect_type", NULL},
    {"symmetric", "reflect_type", NULL}};

#define PAD_MAXKW 16

/* pad(array, pad_width, mode='constant', **kwargs): the named arguments
   into p (absent: T_ERR), the other keywords into extra */
static int pad_args(int argc, Val *argv, Kw *kw, Val *p, Kw *extra) {
    static const char *const names[3] = {"array", "pad_width", "mode"};
    if (argc > 3) {
        raise_exc(TypeErrorT, "pad() takes from 2 to 3 positional arguments but %d were given", argc);
        return -1;
    }
    for (int i = 0; i < 3; i++) p[i] = i < argc ? argv[i] : VERR;
    for (int i = 0; kw && i < kw->n; i++) {
        int j = 0;
        while (j < 3 && strcmp(kw->names[i], names[j])) j++;
        if (j < 3 && HAS(p[j])) {
            raise_exc(TypeErrorT, "pad() got multiple values for argument '%s'", names[j]);
            return -1;
        }
        if (j < 3) p[j] = kw->vals[i];
        else if (extra->n == PAD_MAXKW) {
            raise_exc(TypeErrorT, "pad() got more than %d keyword arguments", PAD_MAXKW);
            return -1;
        } else {
            extra->names[extra->n] = kw->names[i];
            extra->vals[extra->n++] = kw->vals[i];
        }
    }
    if (HAS(p[0]) && HAS(p[1])) return 0;
    if (!HAS(p[0]) && !HAS(p[1])) raise_exc(TypeErrorT, "pad() missing 2 required positional arguments: 'array' and 'pad_width'");
    else raise_exc(TypeErrorT, "pad() missing 1 required positional argument: '%s'", names[HAS(p[0])]);
    return -1;
}

/* the mode's index, after NumPy's checks of the mode and the keywords */
static int pad_mode(Val mv, const Kw *extra) {
    int m = 0;
    if (HAS(mv) && mv.t != T_STR) {
        int t = mv.t;
        if (t == T_FUNC || t == T_BUILTIN || t == T_UFUNC || t == T_TYPE || (t == T_MISC && !strcmp(((OMisc *)mv.o)->kind, "method"))) {
            raise_exc(NotImplementedErrorT, "pad with a callable mode is not supported by nd");
            return -1;
        }
        m = M_COUNT;
    } else if (HAS(mv)) {
        while (m < M_COUNT && strcmp(STR(mv)->s, modes[m].name)) m++;
    }
    if (m == M_COUNT) {
        Val s = val_str(mv);
        if (!ISERR(s)) raise_exc(ValueErrorT, "mode '%s' is not supported", STR(s)->s);
        decref(s);
        return -1;
    }
    SB b = {0};
    int bad = 0;
    for (int i = 0; i < extra->n; i++) {
        if (modes[m].kw && !strcmp(extra->names[i], modes[m].kw)) continue;
        sb_printf(&b, "%s'%s'", bad++ ? ", " : "", extra->names[i]);
    }
    if (!bad) return m;
    Val s = sb_val(&b);
    raise_exc(ValueErrorT, "unsupported keyword arguments for mode '%s': {%s}", modes[m].name, STR(s)->s);
    decref(s);
    return -1;
}

/* the value given for the mode's keyword, or dflt */
static Val mode_kw(int m, const Kw *extra, Val dflt) {
    for (int i = 0; modes[m].kw && i < extra->n; i++)
        if (!strcmp(extra->names[i], modes[m].kw)) return extra->vals[i];
    return dflt;
}

/* one axis in mode m; vals: the two values of the mode's keyword */
static int pad_axis(const Pad *P, int m, int ax, const Val *vals, bool odd) {
    nd_array *r = roi_of(P, ax);
    if (!r) return -1;
    int64_t lp = P->w[ax][0], rp = P->w[ax][1], L = nd_shape(r)[ax];
    char k = nd_dtype_kind(nd_array_dtype(r));
    int rc = 0;
    switch (m) {
    case M_CONSTANT:
        rc = put_val(r, ax, 0, lp, vals[0]) < 0 || put_val(r, ax, L - rp, L, vals[1]) < 0 ? -1 : 0;
        break;
    case M_EDGE: rc = pad_edge(r, ax, lp, rp); break;
    case M_WRAP: rc = pad_wrap(r, ax, lp, rp); break;
    case M_RAMP:
        rc = put(r, ax, 0, lp, ramp(r, ax, lp, lp, vals[0], false));
        if (rc == 0) rc = put(r, ax, L - rp, L, ramp(r, ax, L - rp - 1, rp, vals[1], true));
        break;
    case M_MAX: case M_MEAN: case M_MEDIAN: case M_MIN:
        rc = pad_stat(r, ax, lp, rp, vals, modes[m].fn, k == 'i' || k == 'u');
        break;
    case M_REFLECT: case M_SYMMETRIC:
        /* NumPy's legacy special case: a length-1 axis repeats its edge */
        if (P->n[ax] == 1) rc = pad_edge(r, ax, lp, rp);
        else rc = pad_reflect(r, ax, lp, rp, m == M_SYMMETRIC, odd);
        break;
    default: break;
    }
    nd_release(r);
    return rc;
}

static Val np_pad(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    Val p[3], pw[2 * ND_MAXDIMS], vals[2 * ND_MAXDIMS];
    const char *xn[PAD_MAXKW];
    Val xv[PAD_MAXKW];
    Kw extra = {0, xn, xv};
    if (pad_args(argc, argv, kw, p, &extra) < 0) return VERR;
    Pad P = {0};
    int npw = 0, nv = 0, m;
    nd_array *a = arg_nd(p[0]), *w = a ? arg_nd(p[1]) : NULL, *mid = NULL;
    if (!w) goto fail;
    P.nd = nd_ndim(a);
    if (nd_dtype_kind(nd_array_dtype(w)) != 'i') {
        raise_exc(TypeErrorT, "`pad_width` must be of integral type.");
        goto fail;
    }
    if (as_pairs(p[1], P.nd, true, pw) < 0) goto fail;
    npw = 2 * P.nd;
    for (int i = 0; i < npw; i++)
        if (to_int64(pw[i], &P.w[i / 2][i % 2], NULL) < 0) goto fail;
    if ((m = pad_mode(p[2], &extra)) < 0) goto fail;
    int64_t shape[ND_MAXDIMS];
    nd_idx mid_ix[ND_MAXDIMS];
    for (int i = 0; i < P.nd; i++) {
        P.n[i] = nd_shape(a)[i];
        shape[i] = P.n[i] + P.w[i][0] + P.w[i][1];
        mid_ix[i] = ND_S(P.w[i][0], P.w[i][0] + P.n[i], 1);
    }
    /* NumPy's empty() in the input's order when it is F- and not C-contiguous;
       zeros here, so that mode 'empty' is deterministic */
    int fl = nd_flags(a);
    char order = (fl & ND_F_CONTIGUOUS) && !(fl & ND_C_CONTIGUOUS) ? 'F' : 'C';
    if (!(P.p = nd_ck(nd_zeros(P.nd, shape, nd_array_dtype(a), order))) || !(mid = nd_ck(nd_subscript(P.p, P.nd, mid_ix))))
        goto fail;
    if (nd_copyto(mid, a, ND_CAST_UNSAFE) < 0) {
        raise_nd();
        goto fail;
    }
    if (m != M_CONSTANT && m != M_EMPTY && nd_size(a) == 0) {
        for (int i = 0; i < P.nd; i++)
            if (P.n[i] == 0 && (P.w[i][0] || P.w[i][1])) {
                raise_exc(ValueErrorT, "can't extend empty axis %d using modes other than 'constant' or 'empty'", i);
                goto fail;
            }
        m = M_EMPTY;
    }
    Val opt = mode_kw(m, &extra, VERR);
    bool odd = HAS(opt) && opt.t == T_STR && !strcmp(STR(opt)->s, "odd");
    if (m == M_CONSTANT || m == M_RAMP || m == M_MAX || m == M_MEAN || m == M_MEDIAN || m == M_MIN) {
        bool stat = m != M_CONSTANT && m != M_RAMP;
        if (as_pairs(HAS(opt) ? opt : stat ? VNONE : VINT(0), P.nd, stat, vals) < 0) goto fail;
        nv = 2 * P.nd;
    }
    for (int ax = 0; m != M_EMPTY && ax < P.nd; ax++)
        if (pad_axis(&P, m, ax, vals + 2 * ax, odd) < 0) goto fail;
    drop_vals(pw, npw);
    drop_vals(vals, nv);
    nd_release(a);
    nd_release(w);
    nd_release(mid);
    return mk_array(P.p);
fail:
    drop_vals(pw, npw);
    drop_vals(vals, nv);
    nd_release(a);
    nd_release(w);
    nd_release(mid);
    nd_release(P.p);
    return VERR;
}

void np_pad_install(Val mod, PutFn put_fn) { put_fn(mod, "pad", mk_builtin("pad", np_pad, VNONE)); }
