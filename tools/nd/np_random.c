/* np_random.c — numpy.random (the legacy seeded generator of libnd),
 * numpy.lib.stride_tricks, and the small time and math modules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "np_util.h"

/* ---------- stride tricks ---------- */
static Val st_as_strided(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("as_strided", "x|shape,strides,subok,writeable");
    if (p[0].t != T_ARRAY) return raise_exc(TypeErrorT, "as_strided() needs an array");
    nd_array *a = ARR(p[0]);
    int nd = nd_ndim(a), ns;
    int64_t shape[ND_MAXDIMS], st[ND_MAXDIMS];
    memcpy(shape, nd_shape(a), sizeof(int64_t) * (size_t)nd);
    memcpy(st, nd_strides(a), sizeof(int64_t) * (size_t)nd);
    if (HAS(p[1]) && p[1].t != T_NONE && parse_shape(p[1], &nd, shape) < 0) return VERR;
    if (HAS(p[2]) && p[2].t != T_NONE) {
        if (parse_shape(p[2], &ns, st) < 0) return VERR;
        if (ns != nd) return raise_exc(ValueErrorT, "mismatch in length of strides and shape");
    }
    nd_array *r = nd_as_strided(a, nd, shape, st);
    if (r && !opt_truth(p[4], 1)) nd_set_writeable(r, false);
    return mk_array(r);
}
static Val st_sliding(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("sliding_window_view", "x,window_shape|axis,subok,writeable");
    int nw, na = 0, axes[ND_MAXDIMS];
    int64_t w[ND_MAXDIMS];
    if (parse_shape(p[1], &nw, w) < 0) return VERR;
    if (HAS(p[2]) && p[2].t != T_NONE && int_list(p[2], &na, axes) < 0) return VERR;
    if (na && na != nw) return raise_exc(ValueErrorT, "Must provide matching length window_shape and axis; got %d window_shape elements and %d axes elements.", nw, na);
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_sliding_window_view(a, nw, w, na ? axes : NULL, opt_truth(p[4], 0));
    DROP(a, oa);
    return mk_array(r);
}

/* ---------- numpy.random ---------- */
/* A sampler's result: with a size argument always an array (size=() gives
   a 0-d one); without, a Python scalar (pyscalar) or a NumPy scalar. */
static Val rnd_result(nd_array *r, bool pyscalar, Val size) {
    if (!r) return raise_nd();
    if (HAS(size) && size.t != T_NONE) return mk_array(r);
    if (nd_ndim(r) == 0 && pyscalar) {
        nd_value v;
        nd_item(r, INT64_MIN, &v);
        nd_release(r);
        return value_to_py(v);
    }
    return array_wrap0(r);
}
static int size_arg(Val v, int *nd, int64_t *shape) {
    *nd = 0;
    if (!HAS(v) || v.t == T_NONE) return 0;
    return parse_shape(v, nd, shape);
}
static Val rnd_seed(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("seed", "|seed");
    if (!HAS(p[0]) || p[0].t == T_NONE) return raise_exc(NotImplementedErrorT, "seed() without a value is not supported by nd");
    if (p[0].t == T_LIST || p[0].t == T_TUPLE || p[0].t == T_ARRAY) {
        Val l = to_list(p[0]);
        if (ISERR(l)) return l;
        int64_t n = LIST(l)->n;
        uint32_t *k = malloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
        if (!k) abort();
        for (int64_t i = 0; i < n; i++) {
            int64_t x;
            if (to_int64(LIST(l)->v[i], &x, NULL) < 0) { free(k); decref(l); return VERR; }
            k[i] = (uint32_t)x;
        }
        int r = nd_random_seed_array(NULL, n, k);
        free(k);
        decref(l);
        return r < 0 ? raise_nd() : VNONE;
    }
    int64_t s;
    if (to_int64(p[0], &s, NULL) < 0) return VERR;
    if (s < 0 || s > 0xFFFFFFFFll) return raise_exc(ValueErrorT, "Seed must be between 0 and 2**32 - 1");
    nd_random_seed(NULL, (uint32_t)s);
    return VNONE;
}
static Val rnd_shape_fn(int argc, Val *argv, Kw *kw, int which) {
    if (kw && kw->n) return raise_exc(TypeErrorT, "this function takes no keyword arguments");
    int nd = argc;
    int64_t shape[ND_MAXDIMS];
    if (argc > ND_MAXDIMS) return raise_exc(ValueErrorT, "too many dimensions");
    for (int i = 0; i < argc; i++) if (to_int64(argv[i], &shape[i], NULL) < 0) return VERR;
    return rnd_result(which ? nd_random_randn(NULL, nd, shape) : nd_random_rand(NULL, nd, shape), true, VERR);
}
static Val rnd_rand(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_shape_fn(argc, argv, kw, 0); }
static Val rnd_randn(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_shape_fn(argc, argv, kw, 1); }
static Val rnd_random(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("random_sample", "|size");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[0], &nd, shape) < 0) return VERR;
    return rnd_result(nd_random_random_sample(NULL, nd, shape), true, p[0]);
}
static Val rnd_uniform_normal(int argc, Val *argv, Kw *kw, bool normal) {
    ARGS(normal ? "normal" : "uniform", normal ? "|loc,scale,size" : "|low,high,size");
    double a = 0, b = 1;
    if ((HAS(p[0]) && to_double(p[0], &a) < 0) || (HAS(p[1]) && to_double(p[1], &b) < 0)) return VERR;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[2], &nd, shape) < 0) return VERR;
    return rnd_result(normal ? nd_random_normal(NULL, a, b, nd, shape) : nd_random_uniform(NULL, a, b, nd, shape), true, p[2]);
}
static Val rnd_uniform(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_uniform_normal(argc, argv, kw, false); }
static Val rnd_normal(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_uniform_normal(argc, argv, kw, true); }
static Val rnd_randint(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("randint", "low|high,size,dtype");
    int64_t lo, hi;
    if (to_int64(p[0], &lo, NULL) < 0) return VERR;
    if (!HAS(p[1]) || p[1].t == T_NONE) { hi = lo; lo = 0; }
    else if (to_int64(p[1], &hi, NULL) < 0) return VERR;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[2], &nd, shape) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[3], &dt) < 0) return VERR;
    nd_array *r = nd_random_randint(NULL, lo, hi, nd, shape, dt);
    nd_dtype_release(dt);
    return rnd_result(r, !HAS(p[3]), p[2]);
}
static Val rnd_choice(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("choice", "a|size,replace,p");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[1], &nd, shape) < 0) return VERR;
    int64_t n = 0;
    nd_array *a = NULL, *pr = NULL;
    bool oa = false, op = false;
    if (p[0].t == T_INT) n = p[0].i;
    else if (!(a = to_nd(p[0], &oa))) return VERR;
    if (HAS(p[3]) && p[3].t != T_NONE && !(pr = to_nd(p[3], &op))) { if (a) DROP(a, oa); return VERR; }
    nd_array *r = nd_random_choice(NULL, a, n, nd, shape, opt_truth(p[2], 1), pr);
    if (a) DROP(a, oa);
    if (pr) DROP(pr, op);
    return rnd_result(r, a == NULL, p[1]); /* choice(n): a Python int */
}
static Val rnd_permutation(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("permutation", "x");
    if (p[0].t == T_INT) return mk_array(nd_random_permutation(NULL, NULL, p[0].i));
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_random_permutation(NULL, a, 0);
    DROP(a, oa);
    return mk_array(r);
}
static Val rnd_shuffle(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("shuffle", "x");
    if (p[0].t != T_ARRAY) return raise_exc(NotImplementedErrorT, "shuffle of a list is not supported by nd");
    return nd_random_shuffle(NULL, ARR(p[0])) < 0 ? raise_nd() : VNONE;
}

/* ---------- time and math ---------- */
static Val tm_time(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)argc; (void)argv; (void)kw;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return VFLOAT((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}
static Val tm_perf(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)argc; (void)argv; (void)kw;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return VFLOAT((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}
static Val tm_sleep(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)kw;
    double d;
    if (argc != 1 || to_double(argv[0], &d) < 0) return raise_exc(TypeErrorT, "sleep() takes one number");
    struct timespec ts = {(time_t)d, (long)((d - floor(d)) * 1e9)};
    nanosleep(&ts, NULL);
    return VNONE;
}
static Val math_fn(Val self, int argc, Val *argv, Kw *kw) {
    (void)kw;
    const char *name = STR(self)->s;
    double x, y = 0;
    if (argc < 1 || to_double(argv[0], &x) < 0) return argc < 1 ? raise_exc(TypeErrorT, "%s() takes an argument", name) : VERR;
    if (argc > 1 && to_double(argv[1], &y) < 0) return VERR;
    if (!strcmp(name, "sqrt")) { if (x < 0) return raise_exc(ValueErrorT, "math domain error"); return VFLOAT(sqrt(x)); }
    if (!strcmp(name, "floor") || !strcmp(name, "ceil") || !strcmp(name, "trunc")) {
        if (argv[0].t == T_INT) return VINT(argv[0].i);
        double r = name[0] == 'f' ? floor(x) : name[0] == 'c' ? ceil(x) : trunc(x);
        if (!isfinite(r)) return raise_exc(isnan(r) ? ValueErrorT : OverflowErrorT, "cannot convert float %s to integer", isnan(r) ? "NaN" : "infinity");
        return VINT((int64_t)r);
    }
    if (!strcmp(name, "isnan")) return VBOOL(isnan(x));
    if (!strcmp(name, "isinf")) return VBOOL(isinf(x));
    if (!strcmp(name, "isfinite")) return VBOOL(isfinite(x));
    if (!strcmp(name, "fabs")) return VFLOAT(fabs(x));
    if (!strcmp(name, "exp")) return VFLOAT(exp(x));
    if (!strcmp(name, "log")) {
        if (x <= 0) return raise_exc(ValueErrorT, "math domain error");
        return VFLOAT(argc > 1 ? log(x) / log(y) : log(x));
    }
    if (!strcmp(name, "log10")) { if (x <= 0) return raise_exc(ValueErrorT, "math domain error"); return VFLOAT(log10(x)); }
    if (!strcmp(name, "log2")) { if (x <= 0) return raise_exc(ValueErrorT, "math domain error"); return VFLOAT(log2(x)); }
    if (!strcmp(name, "sin")) return VFLOAT(sin(x));
    if (!strcmp(name, "cos")) return VFLOAT(cos(x));
    if (!strcmp(name, "tan")) return VFLOAT(tan(x));
    if (!strcmp(name, "atan2")) return VFLOAT(atan2(x, y));
    if (!strcmp(name, "hypot")) return VFLOAT(hypot(x, y));
    if (!strcmp(name, "pow")) return VFLOAT(pow(x, y));
    if (!strcmp(name, "isclose")) return VBOOL(x == y || fabs(x - y) <= fmax(1e-09 * fmax(fabs(x), fabs(y)), 0.0));
    return raise_exc(AttributeErrorT, "module 'math' has no attribute '%s'", name);
}

typedef struct Fn { const char *name; BFn fn; } Fn;
static void put_fn(Val mod, const char *name, BFn fn, PutFn put) { put(mod, name, mk_builtin(name, fn, VNONE)); }

void np_random_install(Val random_mod, PutFn put) {
    static const Fn rfns[] = {{"seed", rnd_seed}, {"rand", rnd_rand}, {"randn", rnd_randn}, {"random", rnd_random},
                              {"random_sample", rnd_random}, {"ranf", rnd_random}, {"sample", rnd_random},
                              {"uniform", rnd_uniform}, {"normal", rnd_normal}, {"randint", rnd_randint},
                              {"choice", rnd_choice}, {"permutation", rnd_permutation}, {"shuffle", rnd_shuffle},
                              {NULL, NULL}};
    for (int i = 0; rfns[i].name; i++) put_fn(random_mod, rfns[i].name, rfns[i].fn, put);
}

void np_stride_tricks_install(Val st_mod, PutFn put) {
    put_fn(st_mod, "as_strided", st_as_strided, put);
    put_fn(st_mod, "sliding_window_view", st_sliding, put);
}

void np_time_install(Val time_mod, PutFn put) {
    put_fn(time_mod, "time", tm_time, put);
    put_fn(time_mod, "perf_counter", tm_perf, put);
    put_fn(time_mod, "monotonic", tm_perf, put);
    put_fn(time_mod, "sleep", tm_sleep, put);
}

void np_math_module_install(Val math_mod, PutFn put) {
    static const char *mf[] = {"sqrt", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "fabs", "exp", "log",
                               "log10", "log2", "sin", "cos", "tan", "atan2", "hypot", "pow", "isclose", NULL};
    for (int i = 0; mf[i]; i++) {
        Val nm = mk_cstr(mf[i]);
        put(math_mod, mf[i], mk_builtin(mf[i], math_fn, nm));
        decref(nm);
    }
    put(math_mod, "pi", VFLOAT(M_PI));
    put(math_mod, "e", VFLOAT(M_E));
    put(math_mod, "inf", VFLOAT(INFINITY));
    put(math_mod, "nan", VFLOAT(NAN));
    put(math_mod, "tau", VFLOAT(2 * M_PI));
}
