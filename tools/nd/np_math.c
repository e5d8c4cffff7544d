/* np_math.c — NumPy ufuncs libnd has no kernel for (log10, arctan2, fmod,
 * square, ...), computed here element by element over libnd arrays.
 * Type resolution is NumPy's: the first loop of the ufunc's type list the
 * operands' common type (np.result_type, 0-d operands by value) casts to
 * safely; float16 loops compute in float32, as NumPy's do. */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

enum {
    K_LOG10, K_LOG2, K_TAN, K_ARCSIN, K_ARCCOS, K_ARCTAN, K_SINH, K_COSH, K_TANH, K_ARCSINH, K_ARCCOSH,
    K_ARCTANH, K_EXP2, K_EXPM1, K_LOG1P, K_CBRT, K_DEG2RAD, K_RAD2DEG, K_FABS, K_TRUNC, K_SQUARE,
    K_RECIPROCAL, K_SIGNBIT, /* unary above, binary below */
    K_ARCTAN2, K_HYPOT, K_FMOD, K_COPYSIGN, K_FMAX, K_FMIN, K_LOGADDEXP, K_HEAVISIDE
};

typedef struct XU { const char *name; int k; const char *loops; } XU;
#define FLT "efd"
#define INTS "bBhHiIlLqQ"
/* loops as NumPy 1.24 lists them (ufunc.types), without long double and
 * object; an upper-case F/D marks the complex loops nd does not have */
static const XU xus[] = {
    {"log10", K_LOG10, FLT "FD"}, {"log2", K_LOG2, FLT "FD"}, {"tan", K_TAN, FLT "FD"},
    {"arcsin", K_ARCSIN, FLT "FD"}, {"arccos", K_ARCCOS, FLT "FD"}, {"arctan", K_ARCTAN, FLT "FD"},
    {"sinh", K_SINH, FLT "FD"}, {"cosh", K_COSH, FLT "FD"}, {"tanh", K_TANH, FLT "FD"},
    {"arcsinh", K_ARCSINH, FLT "FD"}, {"arccosh", K_ARCCOSH, FLT "FD"}, {"arctanh", K_ARCTANH, FLT "FD"},
    {"exp2", K_EXP2, FLT "FD"}, {"expm1", K_EXPM1, FLT "FD"}, {"log1p", K_LOG1P, FLT "FD"},
    {"cbrt", K_CBRT, FLT}, {"deg2rad", K_DEG2RAD, FLT}, {"radians", K_DEG2RAD, FLT},
    {"rad2deg", K_RAD2DEG, FLT}, {"degrees", K_RAD2DEG, FLT}, {"fabs", K_FABS, FLT}, {"trunc", K_TRUNC, FLT},
    {"square", K_SQUARE, INTS FLT "FD"}, {"reciprocal", K_RECIPROCAL, INTS FLT "FD"},
    {"signbit", K_SIGNBIT, FLT}, {"arctan2", K_ARCTAN2, FLT}, {"hypot", K_HYPOT, FLT},
    {"fmod", K_FMOD, INTS FLT}, {"copysign", K_COPYSIGN, FLT}, {"fmax", K_FMAX, "?" INTS FLT "FD"},
    {"fmin", K_FMIN, "?" INTS FLT "FD"}, {"logaddexp", K_LOGADDEXP, FLT}, {"heaviside", K_HEAVISIDE, FLT},
    {NULL, 0, NULL}};

static nd_type type_of_char(char c) {
    switch (c) {
    case '?': return ND_BOOL;
    case 'b': return ND_INT8;
    case 'B': return ND_UINT8;
    case 'h': return ND_INT16;
    case 'H': return ND_UINT16;
    case 'i': return ND_INT32;
    case 'I': return ND_UINT32;
    case 'l': case 'q': return ND_INT64;
    case 'L': case 'Q': return ND_UINT64;
    case 'e': return ND_FLOAT16;
    case 'f': return ND_FLOAT32;
    case 'F': return ND_COMPLEX64;
    case 'D': return ND_COMPLEX128;
    default: return ND_FLOAT64;
    }
}

#define LOGE2 0.693147180559945309417232121458176568
static double logaddexp(double x, double y) {
    if (x == y) return x + LOGE2; /* handles infinities of the same sign */
    double t = x - y;
    if (t > 0) return x + log1p(exp(-t));
    if (t <= 0) return y + log1p(exp(t));
    return t; /* NaN */
}
static float logaddexpf(float x, float y) {
    if (x == y) return x + (float)LOGE2;
    float t = x - y;
    if (t > 0) return x + log1pf(expf(-t));
    if (t <= 0) return y + log1pf(expf(t));
    return t;
}
static double heaviside(double x, double h0) {
    if (isnan(x)) return NAN;
    return x == 0 ? h0 : x < 0 ? 0.0 : 1.0;
}

static double kd(int k, double x, double y) {
    switch (k) {
    case K_LOG10: return log10(x);
    case K_LOG2: return log2(x);
    case K_TAN: return tan(x);
    case K_ARCSIN: return asin(x);
    case K_ARCCOS: return acos(x);
    case K_ARCTAN: return atan(x);
    case K_SINH: return sinh(x);
    case K_COSH: return cosh(x);
    case K_TANH: return tanh(x);
    case K_ARCSINH: return asinh(x);
    case K_ARCCOSH: return acosh(x);
    case K_ARCTANH: return atanh(x);
    case K_EXP2: return exp2(x);
    case K_EXPM1: return expm1(x);
    case K_LOG1P: return log1p(x);
    case K_CBRT: return cbrt(x);
    case K_DEG2RAD: return x * (M_PI / 180.0);
    case K_RAD2DEG: return x * (180.0 / M_PI);
    case K_FABS: return fabs(x);
    case K_TRUNC: return trunc(x);
    case K_SQUARE: return x * x;
    case K_RECIPROCAL: return 1.0 / x;
    case K_SIGNBIT: return signbit(x) ? 1.0 : 0.0;
    case K_ARCTAN2: return atan2(x, y);
    case K_HYPOT: return hypot(x, y);
    case K_FMOD: return fmod(x, y);
    case K_COPYSIGN: return copysign(x, y);
    case K_FMAX: return fmax(x, y);
    case K_FMIN: return fmin(x, y);
    case K_LOGADDEXP: return logaddexp(x, y);
    default: return heaviside(x, y);
    }
}

static float kf(int k, float x, float y) {
    switch (k) {
    case K_LOG10: return log10f(x);
    case K_LOG2: return log2f(x);
    case K_TAN: return tanf(x);
    case K_ARCSIN: return asinf(x);
    case K_ARCCOS: return acosf(x);
    case K_ARCTAN: return atanf(x);
    case K_SINH: return sinhf(x);
    case K_COSH: return coshf(x);
    case K_TANH: return tanhf(x);
    case K_ARCSINH: return asinhf(x);
    case K_ARCCOSH: return acoshf(x);
    case K_ARCTANH: return atanhf(x);
    case K_EXP2: return exp2f(x);
    case K_EXPM1: return expm1f(x);
    case K_LOG1P: return log1pf(x);
    case K_CBRT: return cbrtf(x);
    case K_DEG2RAD: return x * ((float)M_PI / 180.0f); /* NumPy's constants, in float */
    case K_RAD2DEG: return x * (180.0f / (float)M_PI);
    case K_FABS: return fabsf(x);
    case K_TRUNC: return truncf(x);
    case K_SQUARE: return x * x;
    case K_RECIPROCAL: return 1.0f / x;
    case K_SIGNBIT: return signbit(x) ? 1.0f : 0.0f;
    case K_ARCTAN2: return atan2f(x, y);
    case K_HYPOT: return hypotf(x, y);
    case K_FMOD: return fmodf(x, y);
    case K_COPYSIGN: return copysignf(x, y);
    case K_FMAX: return fmaxf(x, y);
    case K_FMIN: return fminf(x, y);
    case K_LOGADDEXP: return logaddexpf(x, y);
    default: return (float)heaviside(x, y);
    }
}

/* Integer loops compute in int64 (or uint64 for the unsigned 64-bit loop);
 * the cast back to the loop type gives NumPy's fixed-width results. */
static int64_t ki(int k, int64_t x, int64_t y, nd_type t) {
    switch (k) {
    case K_SQUARE: return (int64_t)((uint64_t)x * (uint64_t)x);
    case K_RECIPROCAL:
        /* NumPy computes 1.0/x and converts: x86 gives INT_MIN for 0 in the 32/64-bit loops */
        if (x == 0) return t == ND_INT64 ? INT64_MIN : t == ND_INT32 ? INT32_MIN : 0;
        return x == 1 ? 1 : x == -1 ? -1 : 0;
    case K_FMOD:
        if (y == 0 || (y == -1)) return 0; /* NumPy: 0 (with a warning) for x % 0 */
        return x % y;
    case K_FMAX: return x > y ? x : y;
    default: return x < y ? x : y; /* K_FMIN */
    }
}
static uint64_t ku(int k, uint64_t x, uint64_t y) {
    switch (k) {
    case K_SQUARE: return x * x;
    case K_RECIPROCAL: return x == 1 ? 1 : 0;
    case K_FMOD: return y == 0 ? 0 : x % y;
    case K_FMAX: return x > y ? x : y;
    default: return x < y ? x : y;
    }
}

/* The complex loops, as NumPy's nc_* functions (funcs.inc.src): libm's
 * complex functions, log2/log10/exp2 by scaling the parts, expm1 and
 * log1p from real functions. */
#define NPY_LOG2E 1.442695040888963407359924681001892137
#define NPY_LOG10E 0.434294481903251827651128918916605082
#define NPY_LOGE2 0.693147180559945309417232121458176568
static double complex kz(int k, double complex z) {
    double re = creal(z), im = cimag(z);
    switch (k) {
    case K_LOG10: z = clog(z); return CMPLX(creal(z) * NPY_LOG10E, cimag(z) * NPY_LOG10E);
    case K_LOG2: z = clog(z); return CMPLX(creal(z) * NPY_LOG2E, cimag(z) * NPY_LOG2E);
    case K_EXP2: return cexp(CMPLX(re * NPY_LOGE2, im * NPY_LOGE2));
    case K_EXPM1: {
        double a = sin(im / 2);
        return CMPLX(expm1(re) * cos(im) - 2 * a * a, exp(re) * sin(im));
    }
    case K_LOG1P: return CMPLX(log(hypot(re + 1, im)), atan2(im, re + 1));
    case K_TAN: return ctan(z);
    case K_ARCSIN: return casin(z);
    case K_ARCCOS: return cacos(z);
    case K_ARCTAN: return catan(z);
    case K_SINH: return csinh(z);
    case K_COSH: return ccosh(z);
    case K_TANH: return ctanh(z);
    case K_ARCSINH: return casinh(z);
    case K_ARCCOSH: return cacosh(z);
    default: return catanh(z); /* K_ARCTANH */
    }
}
static float complex kzf(int k, float complex z) {
    float re = crealf(z), im = cimagf(z);
    switch (k) {
    case K_LOG10: z = clogf(z); return CMPLXF(crealf(z) * (float)NPY_LOG10E, cimagf(z) * (float)NPY_LOG10E);
    case K_LOG2: z = clogf(z); return CMPLXF(crealf(z) * (float)NPY_LOG2E, cimagf(z) * (float)NPY_LOG2E);
    case K_EXP2: return cexpf(CMPLXF(re * (float)NPY_LOGE2, im * (float)NPY_LOGE2));
    case K_EXPM1: {
        float a = sinf(im / 2);
        return CMPLXF(expm1f(re) * cosf(im) - 2 * a * a, expf(re) * sinf(im));
    }
    case K_LOG1P: return CMPLXF(logf(hypotf(re + 1, im)), atan2f(im, re + 1));
    case K_TAN: return ctanf(z);
    case K_ARCSIN: return casinf(z);
    case K_ARCCOS: return cacosf(z);
    case K_ARCTAN: return catanf(z);
    case K_SINH: return csinhf(z);
    case K_COSH: return ccoshf(z);
    case K_TANH: return ctanhf(z);
    case K_ARCSINH: return casinhf(z);
    case K_ARCCOSH: return cacoshf(z);
    default: return catanhf(z);
    }
}
static bool complex_kernel(int k) { return k <= K_LOG1P && k != K_CBRT; }

static Val no_loop(const char *name) {
    return raise_exc(TypeErrorT, /* the legacy type resolver's plain TypeError */
                     "ufunc '%s' not supported for the input types, and the inputs could not be safely coerced "
                     "to any supported types according to the casting rule ''safe''",
                     name);
}

/* The loop type for operands of (common) dtype dt, or -1. */
static int pick_loop(const XU *u, const nd_dtype *dt) {
    for (const char *c = u->loops; *c; c++)
        if (nd_can_cast(dt, nd_dtype_of(type_of_char(*c)), ND_CAST_SAFE)) return (int)type_of_char(*c);
    return -1;
}

/* Run kernel k over the C-contiguous arrays x (and y) of compute type ct, in place into x. */
static void run(int k, nd_type ct, nd_type lt, nd_array *x, nd_array *y, int64_t n) {
    switch (ct) {
    case ND_FLOAT64: {
        double *p = nd_data(x), *q = y ? nd_data(y) : NULL;
        for (int64_t i = 0; i < n; i++) p[i] = kd(k, p[i], q ? q[i] : 0);
        break;
    }
    case ND_FLOAT32: {
        float *p = nd_data(x), *q = y ? nd_data(y) : NULL;
        for (int64_t i = 0; i < n; i++) p[i] = kf(k, p[i], q ? q[i] : 0);
        break;
    }
    case ND_UINT64: {
        uint64_t *p = nd_data(x), *q = y ? nd_data(y) : NULL;
        for (int64_t i = 0; i < n; i++) p[i] = ku(k, p[i], q ? q[i] : 0);
        break;
    }
    default: {
        int64_t *p = nd_data(x), *q = y ? nd_data(y) : NULL;
        for (int64_t i = 0; i < n; i++) p[i] = ki(k, p[i], q ? q[i] : 0, lt);
        break;
    }
    }
}

static nd_array *to_compute(nd_array *a, int nd, const int64_t *shape, nd_type ct) {
    nd_array *b = nd_broadcast_to(a, nd, shape); /* a view; a is not written */
    if (!b) return NULL;
    nd_array *c = nd_astype(b, nd_dtype_of(ct), 'C', ND_CAST_UNSAFE, true);
    nd_release(b);
    return c;
}

/* The result of ufunc u on a (and b), or NULL with an exception pending. */
static nd_array *xu_apply(const XU *u, nd_array *a, nd_array *b) {
    const nd_array *ops[2] = {a, b};
    const nd_dtype *common = b ? nd_result_type(2, ops) : nd_dtype_retain(nd_array_dtype(a));
    if (!common) { raise_nd(); return NULL; }
    int lt = pick_loop(u, common);
    nd_dtype_release(common);
    if (lt < 0) { no_loop(u->name); return NULL; }
    if (lt == ND_COMPLEX64 || lt == ND_COMPLEX128) {
        if (u->k == K_SQUARE) { /* NumPy's complex square is the product */
            nd_array *c = nd_astype(a, nd_dtype_of((nd_type)lt), 'K', ND_CAST_UNSAFE, false);
            nd_array *r = c ? nd_apply(ND_MULTIPLY, c, c, NULL) : NULL;
            nd_release(c);
            if (!r) raise_nd();
            return r;
        }
        if (!complex_kernel(u->k) || b) {
            raise_exc(NotImplementedErrorT, "np.%s of complex input is not supported by nd", u->name);
            return NULL;
        }
        nd_array *x = nd_astype(a, nd_dtype_of((nd_type)lt), 'C', ND_CAST_UNSAFE, true);
        if (!x) { raise_nd(); return NULL; }
        int64_t n = nd_size(x);
        if (lt == ND_COMPLEX128) {
            double complex *p = nd_data(x);
            for (int64_t i = 0; i < n; i++) p[i] = kz(u->k, p[i]);
        } else {
            float complex *p = nd_data(x);
            for (int64_t i = 0; i < n; i++) p[i] = kzf(u->k, p[i]);
        }
        return x;
    }
    int nd = nd_ndim(a);
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, nd_shape(a), sizeof(int64_t) * (size_t)nd);
    if (b) {
        int nds[2] = {nd_ndim(a), nd_ndim(b)};
        const int64_t *shapes[2] = {nd_shape(a), nd_shape(b)};
        if (nd_broadcast_shapes(2, nds, shapes, &nd, shape) < 0) { raise_nd(); return NULL; }
    }
    char kind = nd_dtype_kind(nd_dtype_of((nd_type)lt));
    nd_type ct = lt == ND_FLOAT64 ? ND_FLOAT64 : kind == 'f' ? ND_FLOAT32 : lt == ND_UINT64 ? ND_UINT64 : ND_INT64;
    nd_array *x = to_compute(a, nd, shape, ct), *y = x && b ? to_compute(b, nd, shape, ct) : NULL;
    if (!x || (b && !y)) { nd_release(x); raise_nd(); return NULL; }
    run(u->k, ct, (nd_type)lt, x, y, nd_size(x));
    nd_release(y);
    nd_type rt = u->k == K_SIGNBIT ? ND_BOOL : (nd_type)lt;
    if (rt == ct) return x;
    nd_array *r = nd_astype(x, nd_dtype_of(rt), 'K', ND_CAST_UNSAFE, true);
    nd_release(x);
    if (!r) raise_nd();
    return r;
}

static void put_shape(SB *b, const nd_array *a) {
    sb_putc(b, '(');
    for (int i = 0; i < nd_ndim(a); i++) sb_printf(b, i ? ",%lld" : "%lld", (long long)nd_shape(a)[i]);
    sb_puts(b, nd_ndim(a) == 1 ? ",)" : ")");
}
/* NumPy's checks of out= against the inputs' shapes: true (and raised) on a mismatch. */
static bool out_shape_error(const nd_array *a, const nd_array *b, const nd_array *out) {
    const nd_array *ops[3] = {a, b ? b : out, out};
    int n = b ? 3 : 2, nds[3], bnd;
    const int64_t *shapes[3];
    int64_t bshape[ND_MAXDIMS];
    for (int i = 0; i < n; i++) { nds[i] = nd_ndim(ops[i]); shapes[i] = nd_shape(ops[i]); }
    SB m = {0};
    if (nd_broadcast_shapes(n, nds, shapes, &bnd, bshape) < 0) {
        sb_puts(&m, "operands could not be broadcast together with shapes ");
        for (int i = 0; i < n; i++) { put_shape(&m, ops[i]); sb_putc(&m, ' '); }
    } else if (bnd != nd_ndim(out) || memcmp(bshape, nd_shape(out), sizeof(int64_t) * (size_t)bnd)) {
        sb_puts(&m, "non-broadcastable output operand with shape ");
        put_shape(&m, out);
        sb_puts(&m, " doesn't match the broadcast shape (");
        for (int i = 0; i < bnd; i++) sb_printf(&m, i ? ",%lld" : "%lld", (long long)bshape[i]);
        sb_puts(&m, bnd == 1 ? ",)" : ")");
    } else {
        return false;
    }
    Val msg = sb_val(&m);
    raise_exc(ValueErrorT, "%s", STR(msg)->s);
    decref(msg);
    return true;
}

static Val xu_call(Val self, int argc, Val *argv, Kw *kw) {
    const XU *u = &xus[self.i];
    int nin = u->k >= K_ARCTAN2 ? 2 : 1;
    Val out = VNONE, dtv = VNONE;
    for (int k = 0; kw && k < kw->n; k++) {
        if (!strcmp(kw->names[k], "out")) out = kw->vals[k];
        else if (!strcmp(kw->names[k], "dtype")) dtv = kw->vals[k];
        else
            return raise_exc(TypeErrorT, "%s() got an unexpected keyword argument '%s' (not supported by nd)", u->name,
                             kw->names[k]);
    }
    const nd_dtype *fix = NULL; /* dtype=: the loop of that type, inputs cast to it ('same_kind') */
    if (dtv.t != T_NONE) {
        if (get_dtype(dtv, &fix) < 0) return VERR;
        bool has = false;
        for (const char *c = u->loops; fix && *c && !has; c++) has = type_of_char(*c) == nd_dtype_type(fix);
        if (!has || (u->k == K_SIGNBIT && fix)) {
            nd_dtype_release(fix);
            return raise_exc(TypeErrorT, "No loop matching the specified signature and casting was found for ufunc %s",
                             u->name);
        }
    }
    if (argc == nin + 1 && out.t == T_NONE) out = argv[nin];
    else if (argc != nin)
        return raise_exc(TypeErrorT, "%s() takes from %d to %d positional arguments but %d were given", u->name, nin,
                         nin + 1, argc);
    if (out.t == T_TUPLE && LIST(out)->n == 1) out = LIST(out)->v[0];
    if (out.t != T_NONE && out.t != T_ARRAY) return raise_exc(TypeErrorT, "return arrays must be of ArrayType");
    bool oa, ob = false;
    nd_array *a = to_nd(argv[0], &oa), *b = NULL;
    if (!a) {
        nd_dtype_release(fix);
        return VERR;
    }
    if (nin == 2 && !(b = to_nd(argv[1], &ob))) {
        if (oa) nd_release(a);
        nd_dtype_release(fix);
        return VERR;
    }
    for (int i = 0; fix && i < nin; i++) {
        nd_array **x = i ? &b : &a;
        bool *own = i ? &ob : &oa;
        if (!nd_can_cast_array(*x, fix, ND_CAST_SAME_KIND)) {
            char *f = nd_dtype_repr(nd_array_dtype(*x)), *t = nd_dtype_repr(fix);
            char which[16] = "";
            if (nin == 2) snprintf(which, sizeof which, " %d", i); /* NumPy numbers inputs only when there are two */
            raise_exc(exc_class_by_name("_UFuncInputCastingError"),
                      "Cannot cast ufunc '%s' input%s from %s to %s with casting rule 'same_kind'", u->name, which,
                      f ? f : "?", t ? t : "?");
            nd_free(f);
            nd_free(t);
            if (oa) nd_release(a);
            if (b && ob) nd_release(b);
            nd_dtype_release(fix);
            return VERR;
        }
        nd_array *c = nd_astype(*x, fix, 'K', ND_CAST_UNSAFE, false);
        if (*own) nd_release(*x);
        *x = c;
        *own = true;
        if (!c) {
            if (oa && a) nd_release(a);
            if (b && ob) nd_release(b);
            nd_dtype_release(fix);
            return raise_nd();
        }
    }
    nd_dtype_release(fix);
    nd_array *r = out.t == T_ARRAY && out_shape_error(a, b, ARR(out)) ? NULL : xu_apply(u, a, b);
    if (oa) nd_release(a);
    if (b && ob) nd_release(b);
    if (!r) return VERR;
    if (out.t != T_ARRAY) return array_wrap0(r);
    const nd_dtype *rt = nd_array_dtype(r), *ot = nd_array_dtype(ARR(out));
    if (!nd_can_cast(rt, ot, ND_CAST_SAME_KIND)) {
        Val e = raise_exc(exc_class_by_name("_UFuncOutputCastingError"),
                          "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'",
                          u->name, nd_dtype_name(rt), nd_dtype_name(ot));
        nd_release(r);
        return e;
    }
    int rc = nd_copyto(ARR(out), r, ND_CAST_UNSAFE);
    nd_release(r);
    if (rc < 0) return raise_nd();
    return incref(out);
}

/* ---------- ndarray ** scalar: NumPy's fast paths ----------
   number.c fast_scalar_power: for an array base and an exponent that is a
   Python int/float, a NumPy integer/float scalar or a 0-d integer/float
   array, an inexact base takes square / sqrt / reciprocal / positive /
   ones_like for exponents 2, 0.5, -1, 1, 0; any other base only for 2
   (square, which keeps small integer types; bool squares to int8). */

/* NumPy's complex square and reciprocal loops, in place over r (native). */
static void cplx_kernel(nd_array *r, int k) {
    int64_t n = nd_size(r);
    if (nd_dtype_type(nd_array_dtype(r)) == ND_COMPLEX64) {
        float *p = nd_data(r);
        for (int64_t i = 0; i < n; i++, p += 2) {
            float x = p[0], y = p[1];
            if (k == K_SQUARE) { p[0] = x * x - y * y; p[1] = x * y + y * x; continue; }
            if (fabsf(y) <= fabsf(x)) { float q = y / x, d = x + y * q; p[0] = 1 / d; p[1] = -q / d; }
            else { float q = x / y, d = x * q + y; p[0] = q / d; p[1] = -1 / d; }
        }
        return;
    }
    double *p = nd_data(r);
    for (int64_t i = 0; i < n; i++, p += 2) {
        double x = p[0], y = p[1];
        if (k == K_SQUARE) { p[0] = x * x - y * y; p[1] = x * y + y * x; continue; }
        if (fabs(y) <= fabs(x)) { double q = y / x, d = x + y * q; p[0] = 1 / d; p[1] = -q / d; }
        else { double q = x / y, d = x * q + y; p[0] = q / d; p[1] = -1 / d; }
    }
}

/* square/reciprocal of a complex a into out (or a new array). */
static nd_array *cplx_apply(nd_array *a, int k, nd_array *out) {
    nd_array *r = nd_apply(ND_POSITIVE, a, NULL, out); /* the ufunc's layout, dtype and checks */
    if (!r) return NULL;
    const nd_dtype *dt = nd_array_dtype(r);
    if ((nd_flags(r) & ND_C_CONTIGUOUS) && nd_dtype_isnative(dt)) { cplx_kernel(r, k); return r; }
    nd_array *t = nd_astype(r, nd_dtype_of(nd_dtype_type(dt)), 'C', ND_CAST_UNSAFE, true); /* out may be swapped */
    if (!t) { nd_release(r); return NULL; }
    cplx_kernel(t, k);
    int rc = nd_copyto(r, t, ND_CAST_UNSAFE);
    nd_release(t);
    if (rc < 0) { nd_release(r); return NULL; }
    return r;
}

static nd_array *fast_square(nd_array *a, nd_array *out) {
    char k = nd_dtype_kind(nd_array_dtype(a));
    if (k == 'c') return cplx_apply(a, K_SQUARE, out);
    if (k != 'b') return nd_apply(ND_MULTIPLY, a, a, out);
    if (out) { /* square's bool input runs the int8 loop, which cannot cast back */
        raise_exc(exc_class_by_name("_UFuncOutputCastingError"),
                  "Cannot cast ufunc 'square' output from dtype('int8') to dtype('bool') with casting rule 'same_kind'");
        return NULL;
    }
    nd_array *i8 = nd_astype(a, nd_dtype_of(ND_INT8), 'K', ND_CAST_UNSAFE, true);
    nd_array *r = i8 ? nd_apply(ND_MULTIPLY, i8, i8, NULL) : NULL;
    nd_release(i8);
    return r;
}

/* The exponent as NumPy's is_scalar_with_conversion sees it: 0 not a
   scalar, 1 an integer, 2 a float. */
static int pow_exponent(Val b, double *e) {
    switch (b.t) {
    case T_INT: case T_BOOL: *e = (double)b.i; return 1;
    case T_FLOAT: *e = b.f; return 2;
    case T_SCALAR: {
        char k = nd_dtype_kind(nd_dtype_of(SCAL(b).type));
        nd_value f = nd_value_cast(SCAL(b), ND_FLOAT64);
        *e = f.f;
        return k == 'f' ? 2 : k == 'i' || k == 'u' || k == 'b' ? 1 : 0; /* np.bool_ by __index__ */
    }
    case T_ARRAY: {
        nd_array *x = ARR(b);
        char k = nd_dtype_kind(nd_array_dtype(x));
        nd_value v;
        if (nd_ndim(x) != 0 || !strchr("iuf", k) || nd_item(x, INT64_MIN, &v) < 0) return 0;
        *e = nd_value_cast(v, ND_FLOAT64).f;
        return k == 'f' ? 2 : 1;
    }
    default: return 0;
    }
}

Val pow_fast(Val av, Val bv, nd_array *out, bool *done) {
    double e;
    int kind = pow_exponent(bv, &e);
    nd_array *a = ARR(av), *r;
    char k = nd_dtype_kind(nd_array_dtype(a));
    *done = true;
    if (kind && (k == 'f' || k == 'c')) {
        if (e == 2) r = fast_square(a, out);
        else if (e == 0.5) r = nd_apply(ND_SQRT, a, NULL, out);
        else if (e == 1) r = nd_apply(ND_POSITIVE, a, NULL, out);
        else if (e == 0) {
            r = nd_apply(ND_POSITIVE, a, NULL, out);
            if (r && nd_fill(r, ND_F64(1)) < 0) { nd_release(r); r = NULL; }
        } else if (e == -1) {
            if (k == 'c') r = cplx_apply(a, K_RECIPROCAL, out);
            else {
                nd_array *one = nd_scalar(ND_F64(1), nd_dtype_of(nd_dtype_type(nd_array_dtype(a))));
                r = one ? nd_apply(ND_TRUE_DIVIDE, one, a, out) : NULL;
                nd_release(one);
            }
        } else { *done = false; return VERR; }
    } else if (kind && e == 2) {
        if (!out && kind == 2 && (k == 'i' || k == 'u')) { /* cast to float64 first: an array even 0-d */
            int f = nd_flags(a);
            nd_array *d = nd_astype(a, nd_dtype_of(ND_FLOAT64), (f & ND_F_CONTIGUOUS) && !(f & ND_C_CONTIGUOUS) ? 'F' : 'C',
                                    ND_CAST_UNSAFE, true);
            r = d ? nd_apply(ND_MULTIPLY, d, d, d) : NULL;
            nd_release(d);
            return r ? mk_array(r) : raise_ufunc_err();
        }
        r = fast_square(a, out);
    } else { *done = false; return VERR; }
    if (!r) return exc_pending().t == T_EXC ? VERR : raise_ufunc_err();
    return out ? mk_array(r) : array_wrap0(r);
}

/* ---------- frexp / ldexp (float loops e, f, d with an int32/int64 side) ---------- */

/* The float loop NumPy picks for x: its own type for floats, else the
 * smallest float it casts to safely (0-d operands by value when the other
 * operand is an array, as the ufunc machinery does); -1 for none. */
static int float_loop(const nd_array *x, bool by_value) {
    const nd_dtype *d = by_value ? nd_min_scalar_type(x) : nd_dtype_retain(nd_array_dtype(x));
    if (!d) return -1;
    static const nd_type ts[] = {ND_FLOAT16, ND_FLOAT32, ND_FLOAT64};
    int r = -1;
    for (int i = 0; i < 3 && r < 0; i++)
        if (nd_can_cast(d, nd_dtype_of(ts[i]), ND_CAST_SAFE)) r = (int)ts[i];
    nd_dtype_release(d);
    return r;
}

static Val np_frexp(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("frexp", "x");
    bool own;
    nd_array *x = to_nd(p[0], &own);
    if (!x) return VERR;
    int lt = float_loop(x, false);
    nd_array *c = lt < 0 ? NULL : nd_astype(x, nd_dtype_of(ND_FLOAT64), 'C', ND_CAST_UNSAFE, true);
    int nd = nd_ndim(x);
    nd_array *e = c ? nd_empty(nd, nd_shape(x), nd_dtype_of(ND_INT32), 'C') : NULL;
    if (own) nd_release(x);
    if (lt < 0) return no_loop("frexp");
    if (!c || !e) {
        nd_release(c);
        nd_release(e);
        return raise_nd();
    }
    double *m = nd_data(c);
    int32_t *ex = nd_data(e);
    for (int64_t i = 0, n = nd_size(c); i < n; i++) {
        int k = 0;
        m[i] = frexp(m[i], &k);
        ex[i] = isfinite(m[i]) ? k : 0;
    }
    nd_array *mt = nd_astype(c, nd_dtype_of((nd_type)lt), 'C', ND_CAST_UNSAFE, false); /* exact: same significand */
    nd_release(c);
    if (!mt) {
        nd_release(e);
        return raise_nd();
    }
    return mk_tuple2(array_wrap0(mt), array_wrap0(e));
}

static Val np_ldexp(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ldexp", "x1,x2");
    bool o1, o2;
    nd_array *a = to_nd(p[0], &o1), *b = a ? to_nd(p[1], &o2) : NULL;
    if (!b) {
        if (a && o1) nd_release(a);
        return VERR;
    }
    char bk = nd_dtype_kind(nd_array_dtype(b));
    /* NumPy's should_use_min_scalar: a 0-d x1 counts by value only when the
     * array x2's kind (bool < int < float < complex) is at least its own */
    char ak = nd_dtype_kind(nd_array_dtype(a));
    int acat = ak == 'b' ? 0 : ak == 'i' || ak == 'u' ? 1 : ak == 'f' ? 2 : 3;
    int bcat = bk == 'b' ? 0 : bk == 'i' || bk == 'u' ? 1 : bk == 'f' ? 2 : 3;
    int lt = float_loop(a, nd_ndim(a) == 0 && nd_ndim(b) > 0 && bcat >= acat);
    bool int_ok = bk == 'b' || bk == 'i' || (bk == 'u' && nd_dtype_itemsize(nd_array_dtype(b)) < 8);
    Val r = VERR;
    if (lt < 0 || !int_ok) {
        r = no_loop("ldexp");
        goto done;
    }
    int nds[2] = {nd_ndim(a), nd_ndim(b)}, nd;
    const int64_t *shapes[2] = {nd_shape(a), nd_shape(b)};
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, nds, shapes, &nd, shape) < 0) {
        r = raise_nd();
        goto done;
    }
    nd_array *x = to_compute(a, nd, shape, ND_FLOAT64), *y = x ? to_compute(b, nd, shape, ND_INT64) : NULL;
    if (!x || !y) {
        nd_release(x);
        r = raise_nd();
        goto done;
    }
    double *xp = nd_data(x);
    const int64_t *yp = nd_data(y);
    for (int64_t i = 0, n = nd_size(x); i < n; i++) { /* NumPy clamps the exponent to int */
        int64_t k = yp[i] > INT32_MAX ? INT32_MAX : yp[i] < INT32_MIN ? INT32_MIN : yp[i];
        xp[i] = lt == ND_FLOAT64 ? ldexp(xp[i], (int)k) : (double)ldexpf((float)xp[i], (int)k);
    }
    nd_release(y);
    nd_array *res = nd_astype(x, nd_dtype_of((nd_type)lt), 'C', ND_CAST_UNSAFE, false);
    nd_release(x);
    r = res ? array_wrap0(res) : raise_nd();
done:
    if (o1) nd_release(a);
    if (o2) nd_release(b);
    return r;
}

void np_math_install(Val mod, PutFn put) {
    put(mod, "frexp", mk_builtin("frexp", np_frexp, VNONE));
    put(mod, "ldexp", mk_builtin("ldexp", np_ldexp, VNONE));
    for (int i = 0; xus[i].name; i++)
        put(mod, xus[i].name, mk_ufunc(xus[i].name, xus[i].k >= K_ARCTAN2 ? 2 : 1, -1, xu_call, VINT(i), NULL));
}
