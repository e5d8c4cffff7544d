/* np_info.c — numpy's machine limits and state objects: iinfo, finfo,
 * seterr/geterr and logspace/geomspace (array2string and friends: np_print.c),
 * each printing what NumPy 1.24 prints.  iinfo/finfo are OMisc objects of
 * kind "iinfo"/"finfo" holding their dtype. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

/* ---------- iinfo, finfo ---------- */
static const nd_dtype *dtype_arg(Val v) {
    const nd_dtype *dt = NULL;
    if (v.t == T_ARRAY) return nd_dtype_retain(nd_array_dtype(ARR(v)));
    if (v.t == T_SCALAR) return nd_dtype_retain(nd_dtype_of(SCAL(v).type));
    if (get_dtype(v, &dt) < 0) return NULL;
    if (!dt) raise_exc(TypeErrorT, "data type not understood");
    return dt;
}

static Val np_iinfo(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("iinfo", "int_type");
    const nd_dtype *dt = dtype_arg(p[0]);
    if (!dt) return VERR;
    char k = nd_dtype_kind(dt);
    if (k != 'i' && k != 'u') {
        nd_dtype_release(dt);
        return raise_exc(ValueErrorT, "Invalid integer data type '%c'.", k);
    }
    Val d = mk_dtype(nd_dtype_of(nd_dtype_type(dt)));
    nd_dtype_release(dt);
    Val r = mk_misc("iinfo", d, VNONE);
    decref(d);
    return r;
}

static Val np_finfo(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("finfo", "dtype");
    const nd_dtype *dt = dtype_arg(p[0]);
    if (!dt) return VERR;
    nd_type t = nd_dtype_type(dt);
    nd_dtype_release(dt);
    if (t == ND_COMPLEX64) t = ND_FLOAT32;
    if (t == ND_COMPLEX128) t = ND_FLOAT64;
    if (t != ND_FLOAT16 && t != ND_FLOAT32 && t != ND_FLOAT64) {
        OType *st = np_scalar_type(t);
        return raise_exc(ValueErrorT, "data type <class '%s'> not inexact", st ? st->qual : "?");
    }
    Val d = mk_dtype(nd_dtype_of(t));
    Val r = mk_misc("finfo", d, VNONE);
    decref(d);
    return r;
}

static void int_limits(nd_type t, i128 *lo, i128 *hi, int *bits) {
    *bits = (int)nd_dtype_itemsize(nd_dtype_of(t)) * 8;
    bool u = nd_dtype_kind(nd_dtype_of(t)) == 'u';
    *lo = u ? 0 : -((i128)1 << (*bits - 1));
    *hi = u ? ((i128)1 << *bits) - 1 : ((i128)1 << (*bits - 1)) - 1;
}

/* one float type's constants: index 0 float16, 1 float32, 2 float64 */
typedef struct FInfo {
    double eps, epsneg, max, tiny, sub, res;
    int bits, precision, machep, negep, minexp, maxexp, nexp;
    const char *res_s, *max_s; /* as repr(finfo) spells them */
    const char *text;          /* str(finfo) after its first line */
} FInfo;
#define DASHES "---------------------------------------------------------------\n"
static const FInfo finfos[3] = {
    {0x1p-10, 0x1p-11, 65504.0, 0x1p-14, 0x1p-24, 1e-3, 16, 3, -10, -11, -14, 16, 5, "0.001", "6.55040e+04",
     "precision =   3   resolution = 1.00040e-03\nmachep =    -10   eps =        9.76562e-04\n"
     "negep =     -11   epsneg =     4.88281e-04\nminexp =    -14   tiny =       6.10352e-05\n"
     "maxexp =     16   max =        6.55040e+04\nnexp =        5   min =        -max\n"
     "smallest_normal = 6.10352e-05   smallest_subnormal = 5.96046e-08\n"},
    {0x1p-23, 0x1p-24, FLT_MAX, FLT_MIN, 0x1p-149, 1e-6, 32, 6, -23, -24, -126, 128, 8, "1e-06", "3.4028235e+38",
     "precision =   6   resolution = 1.0000000e-06\nmachep =    -23   eps =        1.1920929e-07\n"
     "negep =     -24   epsneg =     5.9604645e-08\nminexp =   -126   tiny =       1.1754944e-38\n"
     "maxexp =    128   max =        3.4028235e+38\nnexp =        8   min =        -max\n"
     "smallest_normal = 1.1754944e-38   smallest_subnormal = 1.4012985e-45\n"},
    {0x1p-52, 0x1p-53, DBL_MAX, DBL_MIN, 0x1p-1074, 1e-15, 64, 15, -52, -53, -1022, 1024, 11, "1e-15", "1.7976931348623157e+308",
     "precision =  15   resolution = 1.0000000000000001e-15\nmachep =    -52   eps =        2.2204460492503131e-16\n"
     "negep =     -53   epsneg =     1.1102230246251565e-16\nminexp =  -1022   tiny =       2.2250738585072014e-308\n"
     "maxexp =   1024   max =        1.7976931348623157e+308\nnexp =       11   min =        -max\n"
     "smallest_normal = 2.2250738585072014e-308   smallest_subnormal = 4.9406564584124654e-324\n"}};

static const FInfo *finfo_of(nd_type t) { return &finfos[t == ND_FLOAT16 ? 0 : t == ND_FLOAT32 ? 1 : 2]; }
static Val fscalar(double x, nd_type t) { return mk_scalar(nd_value_cast(ND_F64(x), t)); }

Val info_getattr(Val self, const char *name, bool *found) {
    OMisc *m = (OMisc *)self.o;
    const nd_dtype *dt = ((ODtype *)m->a.o)->dt;
    nd_type t = nd_dtype_type(dt);
    *found = true;
    if (!strcmp(name, "dtype")) return incref(m->a);
    if (!strcmp(m->kind, "iinfo")) {
        i128 lo, hi;
        int bits;
        int_limits(t, &lo, &hi, &bits);
        if (!strcmp(name, "min")) return mk_int(lo);
        if (!strcmp(name, "max")) return mk_int(hi);
        if (!strcmp(name, "bits")) return VINT(bits);
        if (!strcmp(name, "kind")) return mk_str(nd_dtype_kind(dt) == 'u' ? "u" : "i", 1);
        *found = false;
        return VNONE;
    }
    const FInfo *f = finfo_of(t);
    static const char *const fnames[] = {"eps", "epsneg", "max", "min", "tiny", "smallest_normal", "smallest_subnormal", "resolution"};
    double fv[] = {f->eps, f->epsneg, f->max, -f->max, f->tiny, f->tiny, f->sub, f->res};
    for (int i = 0; i < 8; i++)
        if (!strcmp(name, fnames[i])) return fscalar(fv[i], t);
    static const char *const inames[] = {"bits", "precision", "machep", "negep", "minexp", "maxexp", "nexp"};
    int iv[] = {f->bits, f->precision, f->machep, f->negep, f->minexp, f->maxexp, f->nexp};
    for (int i = 0; i < 7; i++)
        if (!strcmp(name, inames[i])) return VINT(iv[i]);
    *found = false;
    return VNONE;
}

/* repr / str of an iinfo or finfo object into b */
int info_repr(SB *b, Val self, bool repr) {
    OMisc *m = (OMisc *)self.o;
    const nd_dtype *dt = ((ODtype *)m->a.o)->dt;
    nd_type t = nd_dtype_type(dt);
    const char *name = nd_dtype_name(dt);
    if (!strcmp(m->kind, "iinfo")) {
        i128 lo, hi;
        int bits;
        char s1[140], s2[140];
        int_limits(t, &lo, &hi, &bits);
        s1[int_digits(lo, 10, false, s1)] = 0;
        s2[int_digits(hi, 10, false, s2)] = 0;
        const char *neg = lo < 0 ? "-" : "";
        if (repr) sb_printf(b, "iinfo(min=%s%s, max=%s, dtype=%s)", neg, s1, s2, name);
        else sb_printf(b, "Machine parameters for %s\n" DASHES "min = %s%s\nmax = %s\n" DASHES, name, neg, s1, s2);
        return 0;
    }
    const FInfo *f = finfo_of(t);
    if (!repr) {
        sb_printf(b, "Machine parameters for %s\n" DASHES "%s" DASHES, name, f->text);
        return 0;
    }
    sb_printf(b, "finfo(resolution=%s, min=-%s, max=%s", f->res_s, f->max_s, f->max_s);
    sb_printf(b, ", dtype=%s)", name);
    return 0;
}

/* ---------- seterr, geterr ---------- */
static const char *const err_keys[4] = {"divide", "over", "under", "invalid"};
static const char *const err_modes[6] = {"ignore", "warn", "raise", "call", "print", "log"};
static _Thread_local int err_state[4] = {1, 1, 0, 1};

static Val err_dict(void) {
    Val d = mk_dict();
    for (int i = 0; i < 4; i++) {
        Val k = mk_cstr(err_keys[i]), v = mk_cstr(err_modes[err_state[i]]);
        dict_set(d, k, v);
        decref(k);
        decref(v);
    }
    return d;
}
static Val np_geterr(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("geterr", "");
    (void)p;
    return err_dict();
}
static int err_mode(Val v, int *out) {
    for (int i = 0; v.t == T_STR && i < 6; i++)
        if (!strcmp(STR(v)->s, err_modes[i])) { *out = i; return 0; }
    Val e = call_val(VOBJ(KeyErrorT), 1, &v, NULL);
    if (!ISERR(e)) raise_val(e);
    return -1;
}
static Val np_seterr(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("seterr", "|all,divide,over,under,invalid");
    int next[4], all = -1;
    memcpy(next, err_state, sizeof next);
    if (GIVEN(p[0]) && err_mode(p[0], &all) < 0) return VERR;
    for (int i = 0; i < 4; i++) {
        if (all >= 0) next[i] = all;
        if (GIVEN(p[1 + i]) && err_mode(p[1 + i], &next[i]) < 0) return VERR;
    }
    Val old = err_dict();
    memcpy(err_state, next, sizeof next);
    return old;
}

/* np.errstate(**kwargs): a context manager whose entry is seterr(**kwargs)
   (validated then, as NumPy's __enter__ does) and whose exit restores. */
static Val np_errstate(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    (void)argv;
    if (argc) return raise_exc(TypeErrorT, "errstate.__init__() takes 1 positional argument but %d were given", argc + 1);
    Val d = mk_dict();
    for (int i = 0; kw && i < kw->n; i++) {
        Val k = mk_cstr(kw->names[i]);
        dict_set(d, k, kw->vals[i]);
        decref(k);
    }
    Val r = mk_misc("errstate", d, VNONE);
    decref(d);
    return r;
}

bool is_errstate(Val v) { return v.t == T_MISC && !strcmp(((OMisc *)v.o)->kind, "errstate"); }

/* A dict of str keys as keyword arguments (at most cap of them). */
static Kw dict_kw(Val d, const char **names, Val *vals, int cap) {
    ODict *o = (ODict *)d.o;
    int n = 0;
    for (int64_t i = 0; i < o->used && n < cap; i++)
        if (o->e[i].k.t == T_STR) names[n] = STR(o->e[i].k)->s, vals[n++] = o->e[i].v;
    return (Kw){n, names, vals};
}

/* seterr with the errstate's settings (its call= is seterrcall's: nd never
   calls it); the old settings (a dict) in *old. */
int errstate_enter(Val ctx, Val *old) {
    const char *names[8];
    Val vals[8];
    Kw kw = dict_kw(((OMisc *)ctx.o)->a, names, vals, 8);
    for (int i = 0; i < kw.n; i++)
        if (!strcmp(names[i], "call")) {
            names[i] = names[kw.n - 1], vals[i] = vals[kw.n - 1];
            kw.n--;
            break;
        }
    *old = np_seterr(VNONE, 0, NULL, &kw);
    return ISERR(*old) ? -1 : 0;
}

void errstate_exit(Val old) {
    const char *names[4];
    Val vals[4];
    Kw kw = dict_kw(old, names, vals, 4);
    Val r = np_seterr(VNONE, 0, NULL, &kw);
    if (!ISERR(r)) decref(r);
}

/* ---------- logspace, geomspace ---------- */
/* NumPy: power(base, linspace(start, stop, num, endpoint)), then the dtype */
static Val logspace(Val start, Val stop, Val num, Val endpoint, Val base, Val dtype) {
    Val args[2] = {start, stop};
    const char *names[2] = {"num", "endpoint"};
    Val vals[2] = {HAS(num) ? num : VINT(50), HAS(endpoint) ? endpoint : VBOOL(true)};
    Kw k = {2, names, vals};
    Val y = np_call("linspace", 2, args, &k);
    if (ISERR(y)) return y;
    Val pa[2] = {HAS(base) ? base : VFLOAT(10.0), y};
    Val r = np_call("power", 2, pa, NULL);
    decref(y);
    if (ISERR(r) || !GIVEN(dtype)) return r;
    Val as = get_attr(r, "astype");
    Val out = ISERR(as) ? VERR : call_val(as, 1, &dtype, NULL);
    decref(as);
    decref(r);
    return out;
}
static Val np_logspace(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("logspace", "start,stop|num,endpoint,base,dtype,axis");
    if (GIVEN(p[6])) return raise_exc(NotImplementedErrorT, "logspace(axis=...) is not supported by nd");
    return logspace(p[0], p[1], p[2], p[3], p[4], p[5]);
}

static Val np_geomspace(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("geomspace", "start,stop|num,endpoint,dtype,axis");
    if (GIVEN(p[5])) return raise_exc(NotImplementedErrorT, "geomspace(axis=...) is not supported by nd");
    double s, e;
    if (p[0].t == T_COMPLEX || p[1].t == T_COMPLEX || (p[0].t == T_SCALAR && nd_dtype_kind(nd_dtype_of(SCAL(p[0]).type)) == 'c'))
        return raise_exc(NotImplementedErrorT, "complex geomspace is not supported by nd");
    if (to_double(p[0], &s) < 0 || to_double(p[1], &e) < 0) return VERR;
    if (s == 0 || e == 0) return raise_exc(ValueErrorT, "Geometric sequence cannot include zero");
    int64_t num = 50;
    if (HAS(p[2]) && to_int64(p[2], &num, NULL) < 0) return VERR;
    bool endpoint = !HAS(p[3]) || val_truth(p[3]) > 0;
    double sign = 1;
    if (s < 0 && e < 0) { s = -s; e = -e; sign = -1; }
    /* the log10 of the endpoints, as NumPy's float64 ufunc computes them */
    Val ls = VNONE, le = VNONE, r = VERR;
    Val sv = VFLOAT(s), ev = VFLOAT(e);
    ls = np_call("log10", 1, &sv, NULL);
    if (!ISERR(ls)) le = np_call("log10", 1, &ev, NULL);
    if (!ISERR(ls) && !ISERR(le)) r = logspace(ls, le, VINT(num), VBOOL(endpoint), VFLOAT(10.0), VNONE);
    decref(ls);
    decref(le);
    if (ISERR(r)) return r;
    nd_array *a = ARR(r);
    /* endpoints exactly start and stop, then the sign back */
    if (num > 0 && nd_set(a, (int64_t[]){0}, ND_F64(s)) < 0) goto fail;
    if (num > 1 && endpoint && nd_set(a, (int64_t[]){num - 1}, ND_F64(e)) < 0) goto fail;
    if (sign < 0) {
        Val n = unop(OP_NEG, r);
        decref(r);
        r = n;
        if (ISERR(r)) return r;
    }
    if (!GIVEN(p[4])) return r;
    Val as = get_attr(r, "astype");
    Val out = ISERR(as) ? VERR : call_val(as, 1, &p[4], NULL);
    decref(as);
    decref(r);
    return out;
fail:
    decref(r);
    return raise_nd();
}

void np_info_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"iinfo", np_iinfo}, {"finfo", np_finfo}, {"geterr", np_geterr}, {"seterr", np_seterr}, {"errstate", np_errstate},
        {"logspace", np_logspace}, {"geomspace", np_geomspace}, {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
    np_print_install(mod, put);
}
