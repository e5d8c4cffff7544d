/* clip.c — np.clip as NumPy 1.24 runs it: the 3-input clip ufunc (one
 * type for all operands: np.result_type, 0-d bounds by value), or minimum /
 * maximum when one bound is missing; a scalar NaN bound means "no bound"
 * (NumPy's deprecated behaviour); an output that the result cannot be cast
 * to with 'same_kind' is written with 'unsafe' (NumPy warns, then does so). */
#include "nd_internal.h"

#include <math.h>
#include <stdio.h>


/* clip.cpp's _NPY_MIN/_NPY_MAX per type family, then
 * clip(x, lo, hi) = MIN(MAX(x, lo), hi). */
#define INT_MAX_(a, b) ((a) > (b) ? (a) : (b))
#define INT_MIN_(a, b) ((a) < (b) ? (a) : (b))
#define FLT_MAX_(a, b) (isnan(a) ? (a) : INT_MAX_(a, b))
#define FLT_MIN_(a, b) (isnan(a) ? (a) : INT_MIN_(a, b))

#define CLIP_LOOP(S, T, MAXF, MINF)                                                            \
    static void clip_##S(char **args, const int64_t *steps, int64_t n) {                       \
        char *x = args[0], *lo = args[1], *hi = args[2], *o = args[3];                         \
        for (int64_t i = 0; i < n; i++) {                                                      \
            T a, l, h, t;                                                                      \
            memcpy(&a, x + i * steps[0], sizeof a);                                            \
            memcpy(&l, lo + i * steps[1], sizeof l);                                           \
            memcpy(&h, hi + i * steps[2], sizeof h);                                           \
            t = MAXF(a, l);                                                                    \
            t = MINF(t, h);                                                                    \
            memcpy(o + i * steps[3], &t, sizeof t);                                            \
        }                                                                                      \
    }

CLIP_LOOP(bool, uint8_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(i8, int8_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(u8, uint8_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(i16, int16_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(u16, uint16_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(i32, int32_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(u32, uint32_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(i64, int64_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(u64, uint64_t, INT_MAX_, INT_MIN_)
CLIP_LOOP(f32, float, FLT_MAX_, FLT_MIN_)
CLIP_LOOP(f64, double, FLT_MAX_, FLT_MIN_)

/* float16: isnan(a) || a >= b ? a : b (npy_half_ge keeps -0.0 over +0.0). */
static uint16_t half_pick(uint16_t a, uint16_t b, bool max) {
    float fa = nd__half_to_float(a), fb = nd__half_to_float(b);
    return isnan(fa) || (max ? fa >= fb : fa <= fb) ? a : b;
}
static void clip_f16(char **args, const int64_t *steps, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        uint16_t a, l, h;
        memcpy(&a, args[0] + i * steps[0], 2);
        memcpy(&l, args[1] + i * steps[1], 2);
        memcpy(&h, args[2] + i * steps[2], 2);
        a = half_pick(half_pick(a, l, true), h, false);
        memcpy(args[3] + i * steps[3], &a, 2);
    }
}

/* Complex: a NaN in a wins, else PyArray_CGT / PyArray_CLT (real parts,
 * then imaginary). */
#define CPLX_LOOP(S, F)                                                                        \
    static void clip_##S(char **args, const int64_t *steps, int64_t n) {                       \
        for (int64_t i = 0; i < n; i++) {                                                      \
            F a[2], l[2], h[2];                                                                \
            memcpy(a, args[0] + i * steps[0], sizeof a);                                       \
            memcpy(l, args[1] + i * steps[1], sizeof l);                                       \
            memcpy(h, args[2] + i * steps[2], sizeof h);                                       \
            bool an = isnan(a[0]) || isnan(a[1]);                                              \
            bool gt = a[0] == l[0] ? a[1] > l[1] : a[0] > l[0];                                \
            if (!(an || gt)) memcpy(a, l, sizeof a);                                           \
            an = isnan(a[0]) || isnan(a[1]);                                                   \
            bool lt = a[0] == h[0] ? a[1] < h[1] : a[0] < h[0];                                \
            if (!(an || lt)) memcpy(a, h, sizeof a);                                           \
            memcpy(args[3] + i * steps[3], a, sizeof a);                                       \
        }                                                                                      \
    }
CPLX_LOOP(c64, float)
CPLX_LOOP(c128, double)

static const nd_kernel clip_loops[] = {clip_bool, clip_i8,  clip_u8,  clip_i16, clip_u16, clip_i32, clip_u32,
                                       clip_i64,  clip_u64, clip_f16, clip_f32, clip_f64, clip_c64, clip_c128};
_Static_assert(sizeof clip_loops / sizeof clip_loops[0] == ND_NTYPES, "one clip loop per type");

static nd_array *clip3(const nd_array *a, const nd_array *lo, const nd_array *hi) {
    const nd_array *in[3] = {a, lo, hi};
    int nds[3] = {a->ndim, lo->ndim, hi->ndim}, nd;
    const int64_t *shs[3] = {a->shape, lo->shape, hi->shape};
    int64_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(3, nds, shs, &nd, shape) < 0) return NULL; /* nd_clip checked */
    /* clip's type resolver is SimpleUniformOperationTypeResolver: one
     * type for all operands, np.result_type of the inputs. */
    const nd_dtype *lt = nd_result_type(3, in);
    if (!lt) return NULL;
    nd_array *conv[3] = {NULL, NULL, NULL}, *r = NULL;
    int64_t st[3][ND_MAXDIMS];
    const int64_t *sts[4];
    /* The output is laid out as the ufunc's iterator allocates it, from
     * the inputs' own strides (casts happen in its buffers). */
    for (int i = 0; i < 3; i++) {
        nd__broadcast_strides(in[i], nd, shape, st[i]);
        sts[i] = st[i];
    }
    r = nd__alloc_iter_order(nd, shape, 3, sts, nd__result_descr(in[0]->dtype, lt));
    if (!r) goto done;
    for (int i = 0; i < 3; i++) {
        if (nd_dtype_equal(in[i]->dtype, lt)) continue;
        conv[i] = nd_astype((nd_array *)in[i], lt, 'K', ND_CAST_UNSAFE, true);
        if (!conv[i]) {
            nd_release(r);
            r = NULL;
            goto done;
        }
        in[i] = conv[i];
    }
    {
        char *ptrs[4];
        for (int i = 0; i < 3; i++) {
            nd__broadcast_strides(in[i], nd, shape, st[i]);
            ptrs[i] = in[i]->data;
            sts[i] = st[i];
        }
        ptrs[3] = r->data;
        sts[3] = r->strides;
        nd__loopn(nd, shape, 4, ptrs, sts, clip_loops[lt->type]);
    }
done:
    for (int i = 0; i < 3; i++) nd_release(conv[i]);
    return r;
}

/* A shape as NumPy's ufunc messages print it: "(3,2)", "(7,)", "()". */
static void ufunc_shape(char *out, size_t cap, int nd, const int64_t *sh) {
    int o = snprintf(out, cap, "(");
    for (int k = 0; k < nd && o < (int)cap - 24; k++) o += snprintf(out + o, cap - (size_t)o, k ? ",%lld" : "%lld", (long long)sh[k]);
    snprintf(out + o, cap - (size_t)o, nd == 1 ? ",)" : ")");
}

/* The ufunc machinery's shape checks over the inputs and out, with its
 * messages. */
static int check_shapes(int n, const nd_array *const *ops, const nd_array *out) {
    int nds[4], nd, k = 0;
    const int64_t *shs[4];
    int64_t shape[ND_MAXDIMS];
    for (int i = 0; i < n; i++)
        if (ops[i]) {
            nds[k] = ops[i]->ndim;
            shs[k++] = ops[i]->shape;
        }
    int nin = k;
    if (out) {
        nds[k] = out->ndim;
        shs[k++] = out->shape;
    }
    if (nd_broadcast_shapes(k, nds, shs, &nd, shape) < 0) {
        char msg[1200] = "operands could not be broadcast together with shapes ";
        for (int i = 0; i < k; i++) {
            char s[256];
            ufunc_shape(s, sizeof s, nds[i], shs[i]);
            strncat(msg, s, sizeof msg - strlen(msg) - 2);
            strcat(msg, " ");
        }
        return nd__err(ND_EVALUE, "%s", msg);
    }
    if (out) {
        nd_broadcast_shapes(nin, nds, shs, &nd, shape);
        if (nd != out->ndim || memcmp(shape, out->shape, (size_t)nd * sizeof *shape)) {
            bool fits = out->ndim >= nd;
            for (int i = 0; fits && i < nd; i++) fits = shape[i] == out->shape[out->ndim - nd + i] || shape[i] == 1;
            if (!fits) {
                char s1[256], s2[256];
                ufunc_shape(s1, sizeof s1, out->ndim, out->shape);
                ufunc_shape(s2, sizeof s2, nd, shape);
                return nd__err(ND_EVALUE,
                               "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                               s1, s2);
            }
        }
    }
    return 0;
}

/* _clip_dep_is_scalar_nan: a 0-d bound holding NaN. */
static bool scalar_nan(const nd_array *b) {
    if (!b || b->ndim != 0) return false;
    nd_value v = nd__load(b->dtype, b->data);
    if (b->dtype->kind == 'f') return isnan(v.f);
    if (b->dtype->kind == 'c') return isnan(v.c[0]) || isnan(v.c[1]);
    return false;
}

/* Write r into out as a ufunc's out= would: out's shape must hold the
 * broadcast shape; the cast is unsafe (NumPy's deprecated fallback). */
static nd_array *to_out(nd_array *r, nd_array *out) {
    bool fits = out->ndim >= r->ndim;
    for (int i = 0; fits && i < r->ndim; i++)
        fits = r->shape[i] == out->shape[out->ndim - r->ndim + i] || r->shape[i] == 1;
    if (!fits) {
        char s1[256], s2[256];
        nd__fmt_shape(s1, sizeof s1, out->ndim, out->shape);
        nd__fmt_shape(s2, sizeof s2, r->ndim, r->shape);
        nd__err(ND_EVALUE, "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s", s1,
                s2);
        return NULL;
    }
    if (nd_copyto(out, r, ND_CAST_UNSAFE) < 0) return NULL;
    return nd_retain(out);
}

nd_array *nd_clip(const nd_array *a, const nd_array *amin, const nd_array *amax, nd_array *out) {
    if (!amin && !amax) {
        nd__err(ND_EVALUE, "One of max or min must be given");
        return NULL;
    }
    if (check_shapes(3, (const nd_array *const[]){a, amin, amax}, out) < 0) return NULL;
    if (out && nd__check_writeable(out)) {
        nd__err(ND_EREADONLY, "output array is read-only");
        return NULL;
    }
    nd_array *lo_inf = NULL, *hi_inf = NULL, *r = NULL;
    if (!a->dtype->swapped && !(out && out->dtype->swapped)) {
        if (scalar_nan(amin) && !(amin = lo_inf = nd_scalar(ND_F64(-INFINITY), NULL))) goto done;
        if (scalar_nan(amax) && !(amax = hi_inf = nd_scalar(ND_F64(INFINITY), NULL))) goto done;
    }
    if (!amin) r = nd_apply(ND_MINIMUM, a, amax, NULL);
    else if (!amax) r = nd_apply(ND_MAXIMUM, a, amin, NULL);
    else r = clip3(a, amin, amax);
    if (r && out) {
        nd_array *o = to_out(r, out);
        nd_release(r);
        r = o;
    }
done:
    nd_release(lo_inf);
    nd_release(hi_inf);
    return r;
}
