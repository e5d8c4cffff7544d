/* np_random.c — numpy.random (the legacy seeded generator of libnd),
 * numpy.lib.stride_tricks, and the small time and math modules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
/* The generator a sampler runs on: a RandomState object's own (bound as
 * the builtin's self), else the module's global one (NULL). */
static const char RANDOMSTATE[] = "numpy.random.mtrand.RandomState";
static nd_random *rng_of(Val self) {
    if (self.t == T_MISC && ((OMisc *)self.o)->kind == RANDOMSTATE) return (nd_random *)(intptr_t)((OMisc *)self.o)->a.i;
    return NULL;
}
#define RNG rng_of(self)

static int size_arg(Val v, int *nd, int64_t *shape) {
    *nd = 0;
    if (!HAS(v) || v.t == T_NONE) return 0;
    return parse_shape(v, nd, shape);
}
static Val rnd_seed(Val self, int argc, Val *argv, Kw *kw) {
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
        int r = nd_random_seed_array(RNG, n, k);
        free(k);
        decref(l);
        return r < 0 ? raise_nd() : VNONE;
    }
    int64_t s;
    if (to_int64(p[0], &s, NULL) < 0) return VERR;
    if (s < 0 || s > 0xFFFFFFFFll) return raise_exc(ValueErrorT, "Seed must be between 0 and 2**32 - 1");
    nd_random_seed(RNG, (uint32_t)s);
    return VNONE;
}
static Val rnd_shape_fn(Val self, int argc, Val *argv, Kw *kw, int which) {
    if (kw && kw->n) return raise_exc(TypeErrorT, "this function takes no keyword arguments");
    int nd = argc;
    int64_t shape[ND_MAXDIMS];
    if (argc > ND_MAXDIMS) return raise_exc(ValueErrorT, "too many dimensions");
    for (int i = 0; i < argc; i++) if (to_int64(argv[i], &shape[i], NULL) < 0) return VERR;
    return rnd_result(which ? nd_random_randn(RNG, nd, shape) : nd_random_rand(RNG, nd, shape), true, VERR);
}
static Val rnd_rand(Val self, int argc, Val *argv, Kw *kw) { return rnd_shape_fn(self, argc, argv, kw, 0); }
static Val rnd_randn(Val self, int argc, Val *argv, Kw *kw) { return rnd_shape_fn(self, argc, argv, kw, 1); }
static Val rnd_random(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("random_sample", "|size");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[0], &nd, shape) < 0) return VERR;
    return rnd_result(nd_random_random_sample(RNG, nd, shape), true, p[0]);
}
static Val rnd_uniform_normal(Val self, int argc, Val *argv, Kw *kw, bool normal) {
    ARGS(normal ? "normal" : "uniform", normal ? "|loc,scale,size" : "|low,high,size");
    double a = 0, b = 1;
    if ((HAS(p[0]) && to_double(p[0], &a) < 0) || (HAS(p[1]) && to_double(p[1], &b) < 0)) return VERR;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[2], &nd, shape) < 0) return VERR;
    return rnd_result(normal ? nd_random_normal(RNG, a, b, nd, shape) : nd_random_uniform(RNG, a, b, nd, shape), true, p[2]);
}
static Val rnd_uniform(Val self, int argc, Val *argv, Kw *kw) { return rnd_uniform_normal(self, argc, argv, kw, false); }
static Val rnd_normal(Val self, int argc, Val *argv, Kw *kw) { return rnd_uniform_normal(self, argc, argv, kw, true); }
static Val rnd_randint(Val self, int argc, Val *argv, Kw *kw) {
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
    nd_array *r = nd_random_randint(RNG, lo, hi, nd, shape, dt);
    nd_dtype_release(dt);
    return rnd_result(r, !HAS(p[3]), p[2]);
}
static Val rnd_choice(Val self, int argc, Val *argv, Kw *kw) {
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
    nd_array *r = nd_random_choice(RNG, a, n, nd, shape, opt_truth(p[2], 1), pr);
    if (a) DROP(a, oa);
    if (pr) DROP(pr, op);
    return rnd_result(r, a == NULL, p[1]); /* choice(n): a Python int */
}
static Val rnd_permutation(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("permutation", "x");
    if (p[0].t == T_INT) return mk_array(nd_random_permutation(RNG, NULL, p[0].i));
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_random_permutation(RNG, a, 0);
    DROP(a, oa);
    return mk_array(r);
}
static Val rnd_shuffle(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("shuffle", "x");
    if (p[0].t != T_ARRAY) return raise_exc(NotImplementedErrorT, "shuffle of a list is not supported by nd");
    return nd_random_shuffle(RNG, ARR(p[0])) < 0 ? raise_nd() : VNONE;
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

static const Fn rfns[] = {{"seed", rnd_seed}, {"rand", rnd_rand}, {"randn", rnd_randn}, {"random", rnd_random},
                              {"random_sample", rnd_random}, {"ranf", rnd_random}, {"sample", rnd_random},
                              {"uniform", rnd_uniform}, {"normal", rnd_normal}, {"randint", rnd_randint},
                              {"choice", rnd_choice}, {"permutation", rnd_permutation}, {"shuffle", rnd_shuffle},
                              {NULL, NULL}};

/* np.random.RandomState(seed): its own MT19937, freed with the object
 * (value.c releases the generator a RandomState misc object holds). */
static Val rnd_state_new(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("RandomState", "|seed");
    nd_random *r = nd_random_new(0);
    if (!r) return raise_nd();
    Val obj = mk_misc(RANDOMSTATE, (Val){.t = T_INT, .i = (int64_t)(intptr_t)r}, VNONE);
    if (HAS(p[0]) && p[0].t != T_NONE) {
        Val a[1] = {p[0]};
        Val rc = rnd_seed(obj, 1, a, NULL);
        if (ISERR(rc)) {
            decref(obj);
            return rc;
        }
    } else {
        uint32_t k[4] = {(uint32_t)time(NULL), (uint32_t)clock(), (uint32_t)(uintptr_t)r, (uint32_t)getpid()};
        nd_random_seed_array(r, 4, k); /* NumPy seeds from OS entropy: any fresh stream will do */
    }
    return obj;
}

bool is_random_state(Val v) { return v.t == T_MISC && ((OMisc *)v.o)->kind == RANDOMSTATE; }
void random_state_free(Val v) { nd_random_free((nd_random *)(intptr_t)((OMisc *)v.o)->a.i); }

/* rs.rand / rs.seed ...: the module's samplers bound to this generator. */
Val random_state_getattr(Val v, const char *name, bool *found) {
    *found = false;
    for (int i = 0; rfns[i].name; i++)
        if (!strcmp(rfns[i].name, name)) {
            *found = true;
            return mk_builtin(rfns[i].name, rfns[i].fn, v);
        }
    return VNONE;
}

void np_random_install(Val random_mod, PutFn put) {
    for (int i = 0; rfns[i].name; i++) put_fn(random_mod, rfns[i].name, rfns[i].fn, put);
    put_fn(random_mod, "RandomState", rnd_state_new, put);
    np_generator_install(random_mod, put);
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
