/* reduce.c — reductions (sum, prod, min, max, any, all) with NumPy's
 * iteration order: memory order, the reduced axis innermost when it is the
 * fastest-moving one, and pairwise summation on those inner runs, so float
 * sums match NumPy to the last bit. */
#include "nd_internal.h"

#include <math.h>
#include <stdlib.h>

#define NPY_BUFSIZE 8192 /* NumPy casts in chunks of this many elements */

/* Normalise axes into a mask; naxes < 0 means every axis. */
int nd__axes_mask(const nd_array *a, int naxes, const int *axes, bool *red) {
    for (int i = 0; i < a->ndim; i++) red[i] = naxes < 0;
    for (int k = 0; k < naxes; k++) {
        int ax = axes[k];
        if (!nd__axis(&ax, a->ndim)) return ND_EAXIS;
        if (red[ax]) return nd__err(ND_EVALUE, "duplicate value in 'axis'");
        red[ax] = true;
    }
    return 0;
}

typedef struct {
    nd_ufunc op;
    const nd_dtype *dt;
    nd_kernel kernel;
    bool pairwise, buffered; /* buffered: NumPy's iterator copies the input (a cast, or unaligned) */
    bool skip_first;         /* min/max: out starts as a copy of the first elements */
} reducer;

/* One call of NumPy's inner loop: out = out (op) in over n elements; out
 * stride 0 is a true reduction (pairwise for float add, whatever n). */
static void call_once(const reducer *r, char *out, int64_t so, const char *in, int64_t si, int64_t n) {
    if (so == 0 && r->pairwise) {
        switch (r->dt->type) {
        case ND_FLOAT64: { double o; memcpy(&o, out, 8); o += nd__pairwise_f64(in, n, si); memcpy(out, &o, 8); } break;
        case ND_FLOAT32: { float o; memcpy(&o, out, 4); o += nd__pairwise_f32(in, n, si); memcpy(out, &o, 4); } break;
        case ND_FLOAT16: {
            uint16_t h;
            memcpy(&h, out, 2);
            float o = nd__half_to_float(h) + nd__pairwise_f16(in, n, si);
            h = nd__float_to_half(o);
            memcpy(out, &h, 2);
        } break;
        case ND_COMPLEX128: {
            double o[2], rr, ri;
            memcpy(o, out, 16);
            nd__pairwise_c128(&rr, &ri, in, 2 * n, si / 2);
            o[0] += rr;
            o[1] += ri;
            memcpy(out, o, 16);
        } break;
        default: { /* complex64 */
            float o[2], rr, ri;
            memcpy(o, out, 8);
            nd__pairwise_c64(&rr, &ri, in, 2 * n, si / 2);
            o[0] += rr;
            o[1] += ri;
            memcpy(out, o, 8);
        } break;
        }
        return;
    }
    if (so == 0 && r->dt->type == ND_FLOAT16 && r->op == ND_MULTIPLY) {
        /* NumPy's half reduce loops keep the running value in float (and,
         * of two NaNs, give the element's, as its half multiply does). */
        uint16_t h;
        memcpy(&h, out, 2);
        float acc = nd__half_to_float(h);
        for (int64_t i = 0; i < n; i++, in += si) {
            memcpy(&h, in, 2);
            float x = nd__half_to_float(h);
            acc = isnan(x) ? x : acc * x;
        }
        h = nd__float_to_half(acc);
        memcpy(out, &h, 2);
        return;
    }
    if (so == 0 && (r->op == ND_MAXIMUM || r->op == ND_MINIMUM) &&
        (r->dt->type == ND_FLOAT32 || r->dt->type == ND_FLOAT64)) {
        nd__minmax_call(r->op == ND_MAXIMUM, r->dt, out, in, si, n);
        return;
    }
    char *args[3] = {out, (char *)in, out};
    int64_t steps[3] = {so, si, so};
    r->kernel(args, steps, n);
}

/* NumPy's masked loop wrapper: one call per run of set mask bytes (mask
 * NULL: one call for all n). */
static void call_masked(const reducer *r, char *out, int64_t so, const char *in, int64_t si, const char *mask,
                        int64_t ms, int64_t n) {
    if (!mask) {
        call_once(r, out, so, in, si, n);
        return;
    }
    for (int64_t i = 0; i < n;) {
        while (i < n && !mask[i * ms]) i++;
        int64_t j = i;
        while (j < n && mask[j * ms]) j++;
        if (j > i) call_once(r, out + i * so, so, in + i * si, si, j - i);
        i = j;
    }
}

/* out = out (op) in over n elements as NumPy's buffered reduction calls
 * its loop: a reduced run (out stride 0) stops every NPY_BUFSIZE elements
 * even without a cast.  first: the call is the output's first visit and
 * out already holds the first elements, so NumPy's reduce_loop skips the
 * call's first element (a reduced run) or the whole call (elementwise). */
static void inner(const reducer *r, char *out, int64_t so, const char *in, int64_t si, const char *mask, int64_t ms,
                  int64_t n, bool first) {
    if (so != 0) {
        if (!first) call_masked(r, out, so, in, si, mask, ms, n);
        return;
    }
    for (int64_t done = 0; done < n; done += NPY_BUFSIZE) {
        int64_t m = n - done < NPY_BUFSIZE ? n - done : NPY_BUFSIZE, skip = first && done == 0;
        const char *mk = mask ? mask + (done + skip) * ms : NULL;
        if (m > skip) call_masked(r, out, 0, in + (done + skip) * si, si, mk, ms, m - skip);
    }
}

/* Are all reduced coordinates among the first n axes zero (the output's
 * first visit, when out started as a copy of the first elements)? */
static bool first_visit(const reducer *r, int n, const int64_t *so, const int64_t *idx) {
    if (!r->skip_first) return false;
    for (int k = 0; k < n; k++)
        if (so[k] == 0 && idx[k] != 0) return false;
    return true;
}

/* ---- adding whole rows into an output row ----
 *
 * NumPy reduces a non-innermost axis by adding each input row into the
 * output row in turn.  Doing eight rows per pass over the output gives
 * every output element the same additions in the same order, but loads
 * and stores the output row once per eight input rows.  The AVX2 build of
 * the same loop is chosen at run time (off under nd__set_simd(false)). */
#define ADD_ROWS(name, T, ATTR)                                                                                \
    ATTR static void name(T *restrict out, const char *in, int64_t rs, int64_t nr, int64_t n) {                \
        int64_t r = 0;                                                                                         \
        for (; r + 8 <= nr; r += 8, in += 8 * rs) {                                                            \
            const T *p[8];                                                                                     \
            for (int k = 0; k < 8; k++) p[k] = (const T *)(const void *)(in + k * rs);                         \
            const T *restrict p0 = p[0], *restrict p1 = p[1], *restrict p2 = p[2], *restrict p3 = p[3];        \
            const T *restrict p4 = p[4], *restrict p5 = p[5], *restrict p6 = p[6], *restrict p7 = p[7];        \
            for (int64_t j = 0; j < n; j++)                                                                    \
                out[j] = (((((((out[j] + p0[j]) + p1[j]) + p2[j]) + p3[j]) + p4[j]) + p5[j]) + p6[j]) + p7[j]; \
        }                                                                                                      \
        for (; r < nr; r++, in += rs) {                                                                        \
            const T *restrict p0 = (const T *)(const void *)in;                                                \
            for (int64_t j = 0; j < n; j++) out[j] += p0[j];                                                   \
        }                                                                                                      \
    }
ADD_ROWS(add_rows_f64, double, )
ADD_ROWS(add_rows_f32, float, )
#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_ROWS 1
ADD_ROWS(add_rows_f64_avx2, double, __attribute__((target("avx2"))))
ADD_ROWS(add_rows_f32_avx2, float, __attribute__((target("avx2"))))
#endif

/* The innermost axis runs along contiguous rows of in and out and the
 * next one is reduced: whole rows can be added at once. */
static bool rows_fusable(const reducer *r, int m, const int64_t *so, const int64_t *si, const char *out,
                         const char *in) {
    int64_t isz = r->dt->itemsize;
    if (r->op != ND_ADD || (r->dt->type != ND_FLOAT64 && r->dt->type != ND_FLOAT32) || r->dt->swapped) return false;
    if (m < 2 || so[m - 1] != isz || si[m - 1] != isz || so[m - 2] != 0 || si[m - 2] % isz) return false;
    return (((uintptr_t)out | (uintptr_t)in) % (uintptr_t)isz) == 0;
}

static void add_rows(const reducer *r, char *out, const char *in, int64_t rs, int64_t nr, int64_t n) {
#ifdef HAVE_AVX2_ROWS
    if (nd__simd_enabled() && __builtin_cpu_supports("avx2")) {
        if (r->dt->type == ND_FLOAT64) add_rows_f64_avx2((double *)(void *)out, in, rs, nr, n);
        else add_rows_f32_avx2((float *)(void *)out, in, rs, nr, n);
        return;
    }
#endif
    if (r->dt->type == ND_FLOAT64) add_rows_f64((double *)(void *)out, in, rs, nr, n);
    else add_rows_f32((float *)(void *)out, in, rs, nr, n);
}

/* The walk's operands after coalescing: m axes, outermost first, with
 * the strides of the output (0 on reduced axes), input and mask. */
typedef struct {
    int m;
    int64_t sh[ND_MAXDIMS], so[ND_MAXDIMS], si[ND_MAXDIMS], sw[ND_MAXDIMS];
    const char *mask; /* NULL: no where mask */
} layout;

/* The last t of m axes are reduced: gather each of their runs into a
 * buffer, in order, and reduce it NPY_BUFSIZE elements at a time. */
static int walk_gathered(const reducer *r, const layout *L, int t, char *out, const char *in) {
    int64_t isz = r->dt->itemsize;
    int m = L->m;
    const int64_t *sh = L->sh, *so = L->so, *si = L->si, *sw = L->sw;
    const char *mask = L->mask;
    char *buf = nd__malloc((size_t)(NPY_BUFSIZE * isz)), *mbuf = mask ? nd__malloc(NPY_BUFSIZE) : NULL;
    if (!buf || (mask && !mbuf)) {
        nd__free_mem(buf);
        nd__free_mem(mbuf);
        return nd__err(ND_ENOMEM, NULL);
    }
    int outer = m - t;
    int64_t oidx[ND_MAXDIMS] = {0};
    for (;;) {
        int64_t iidx[ND_MAXDIMS] = {0}, fill = 0;
        const char *p = in;
        int64_t q = 0; /* the mask's offset from mask (which may be NULL) */
        bool first = first_visit(r, outer, so, oidx);
        for (;;) { /* every element of the reduced run, in iteration order */
            memcpy(buf + fill * isz, p, (size_t)isz);
            if (mask) mbuf[fill] = mask[q];
            if (++fill == NPY_BUFSIZE) {
                inner(r, out, 0, buf, isz, mbuf, 1, fill, first);
                fill = 0;
                first = false;
            }
            int k = m - 1;
            for (; k >= outer; k--) {
                p += si[k];
                q += sw[k];
                if (++iidx[k] < sh[k]) break;
                p -= si[k] * sh[k];
                q -= sw[k] * sh[k];
                iidx[k] = 0;
            }
            if (k < outer) break;
        }
        if (fill) inner(r, out, 0, buf, isz, mbuf, 1, fill, first);
        int k = outer - 1;
        for (; k >= 0; k--) {
            in += si[k];
            out += so[k];
            if (mask) mask += sw[k];
            if (++oidx[k] < sh[k]) break;
            in -= si[k] * sh[k];
            out -= so[k] * sh[k];
            if (mask) mask -= sw[k] * sh[k];
            oidx[k] = 0;
        }
        if (k < 0) break;
    }
    nd__free_mem(buf);
    nd__free_mem(mbuf);
    return 0;
}

/* Order (nditer's order over the given operand strides, in which zero
 * strides decide nothing; it never negates strides), drop length-1 axes
 * and coalesce.  False when an axis is empty. */
static bool make_layout(layout *L, int nd, const int64_t *shape, const int64_t *os, const int64_t *is,
                        const int64_t *ws, int nord, const int64_t *const *order_st) {
    int order[ND_MAXDIMS];
    nd__best_order(nd, shape, nord, order_st, order);
    L->m = 0;
    for (int k = 0; k < nd; k++) {
        int i = order[k], m = L->m;
        if (shape[i] == 0) return false;
        if (shape[i] == 1) continue;
        int64_t w = ws ? ws[i] : 0;
        if (m > 0 && L->si[m - 1] == is[i] * shape[i] && L->so[m - 1] == os[i] * shape[i] &&
            L->sw[m - 1] == w * shape[i]) {
            L->sh[m - 1] *= shape[i];
            L->si[m - 1] = is[i];
            L->so[m - 1] = os[i];
            L->sw[m - 1] = w;
            continue;
        }
        L->sh[m] = shape[i];
        L->si[m] = is[i];
        L->so[m] = os[i];
        L->sw[m] = w;
        L->m++;
    }
    return true;
}

/* Walk in and out (out strides 0 on reduced axes) in NumPy's iteration
 * order, calling the inner loop as its buffered reduction does: each run
 * of reduced elements in chunks of NPY_BUFSIZE, and with a mask each run
 * of unmasked elements within a chunk. */
static int walk(const reducer *r, const layout *L, char *out, const char *in) {
    int m = L->m;
    const int64_t *csh = L->sh, *cso = L->so, *csi = L->si, *csw = L->sw;
    const char *mask = L->mask;
    if (m == 0) {
        inner(r, out, 0, in, 0, mask, 0, 1, r->skip_first);
        return 0;
    }
    /* Several innermost axes all reduced but not one stride apart: NumPy's
     * buffered iterator copies them into a contiguous buffer in iteration
     * order and sums each buffer-full pairwise.  Do the same. */
    int t = 0;
    while (t < m && cso[m - 1 - t] == 0) t++;
    bool minmax = (r->op == ND_MAXIMUM || r->op == ND_MINIMUM) &&
                  (r->dt->type == ND_FLOAT32 || r->dt->type == ND_FLOAT64);
    if (minmax && t >= 1) /* zero signs and NaN bits follow NumPy's loops call by call */
        return nd__minmax_reduce_ex(r->op == ND_MAXIMUM, r->dt, m, csh, cso, csi, out, in, r->buffered, mask, csw,
                                    r->skip_first);
    bool half_mul = r->dt->type == ND_FLOAT16 && r->op == ND_MULTIPLY;
    if ((r->pairwise || half_mul) && t >= 2) return walk_gathered(r, L, t, out, in);
    /* Fused rows cover the two innermost axes; the odometer walks the rest. */
    bool fused = !mask && !r->skip_first && rows_fusable(r, m, cso, csi, out, in);
    int64_t idx[ND_MAXDIMS] = {0};
    for (;;) {
        if (fused) add_rows(r, out, in, csi[m - 2], csh[m - 2], csh[m - 1]);
        else inner(r, out, cso[m - 1], in, csi[m - 1], mask, csw[m - 1], csh[m - 1], first_visit(r, m - 1, cso, idx));
        int k = fused ? m - 3 : m - 2;
        for (; k >= 0; k--) {
            in += csi[k];
            out += cso[k];
            if (mask) mask += csw[k];
            if (++idx[k] < csh[k]) break;
            in -= csi[k] * csh[k];
            out -= cso[k] * csh[k];
            if (mask) mask -= csw[k] * csh[k];
            idx[k] = 0;
        }
        if (k < 0) return 0;
    }
}

/* The result is laid out in the operands' nditer order, as NumPy's
 * reduction allocates it, keeping only the surviving axes. */
static nd_array *alloc_result(const nd_array *a, const bool *red, bool keepdims, int rn, const int64_t *rshape,
                              const nd_dtype *dt, int nord, const int64_t *const *order_st) {
    nd_array *r = nd__alloc_array(rn, rshape, dt, 'C');
    if (!r || nd_size(r) == 0) return r;
    int perm[ND_MAXDIMS], pos[ND_MAXDIMS];
    nd__best_order(a->ndim, a->shape, nord, order_st, perm);
    for (int i = 0, j = 0; i < a->ndim; i++) pos[i] = (red[i] && !keepdims) ? -1 : j++;
    int64_t s = dt->itemsize;
    for (int k = a->ndim - 1; k >= 0; k--) {
        int ax = perm[k];
        if (pos[ax] < 0) continue;
        r->strides[pos[ax]] = s;
        s *= r->shape[pos[ax]];
    }
    nd__update_flags(r);
    return r;
}

/* Void arrays, after the axis checks, as NumPy 1.24: any/all cast to bool
 * first (a one-field record casts; others fail in the iterator), the
 * other ufuncs have no loop. */
static nd_array *reduce_void(nd_ufunc op, const nd_array *a, const bool *red, bool keepdims, const nd_dtype *dt,
                             const nd__red_extra *x) {
    char *r = nd_dtype_repr(a->dtype);
    if (op == ND_LOGICAL_OR || op == ND_LOGICAL_AND) {
        nd_array *b = nd_astype((nd_array *)a, nd_dtype_of(ND_BOOL), 'K', ND_CAST_UNSAFE, true), *res = NULL;
        if (b) res = nd__reduce_ex(op, b, red, keepdims, dt, x);
        else if (nd_errcode() != ND_ENOMEM)
            nd__err(ND_ETYPE, "Iterator operand 1 dtype could not be cast from %s to dtype('bool') according to "
                              "the rule 'unsafe'", r ? r : "?");
        nd_release(b);
        nd_free(r);
        return res;
    }
    if (r) nd__err(ND_ECAST, "ufunc '%s' did not contain a loop with signature matching types (%s, %s) -> None",
                   nd_ufunc_name(op), r, r);
    nd_free(r);
    return NULL;
}

/* The reducer for op in dt, or NULL with NumPy's error when nd has no loop. */
static int make_reducer(reducer *r, nd_ufunc op, const nd_dtype *dt) {
    *r = (reducer){op, dt, nd__kernel_int(op, (nd_type)dt->type), false, false, false};
    if (dt->kind == 'f') r->kernel = nd__kernel_float(op, (nd_type)dt->type);
    if (dt->kind == 'c') r->kernel = nd__kernel_cplx(op, (nd_type)dt->type);
    r->pairwise = op == ND_ADD && (dt->kind == 'f' || dt->kind == 'c');
    if (!r->kernel) return nd__err(ND_ETYPE, "ufunc '%s' not supported for the input types", nd_ufunc_name(op));
    return 0;
}

int nd__reduce_call(nd_ufunc op, const nd_dtype *dt, char *out, const char *in, int64_t si, int64_t n) {
    reducer r;
    if (make_reducer(&r, op, dt) < 0) return nd_errcode();
    call_once(&r, out, 0, in, si, n);
    return 0;
}

nd_array *nd__reduce(nd_ufunc op, const nd_array *a, const bool *red, bool keepdims, const nd_dtype *dt) {
    return nd__reduce_ex(op, a, red, keepdims, dt, NULL);
}

/* The result's starting values: initial (cast) everywhere, the first
 * elements along the reduced axes (min/max without initial), or the
 * identity. */
static int start_values(nd_array *res, nd_ufunc op, const nd_array *src, const bool *red, const int64_t *full_st,
                        const nd__red_extra *x) {
    res->flags |= ND_WRITEABLE;
    if (x && x->initial) return nd_copyto(res, x->initial, ND_CAST_UNSAFE);
    if (op == ND_MINIMUM || op == ND_MAXIMUM || (x && x->first)) {
        int64_t fshape[ND_MAXDIMS];
        for (int i = 0; i < src->ndim; i++) fshape[i] = red[i] ? 1 : src->shape[i];
        nd__copy_raw(src->ndim, fshape, res->data, full_st, src->data, src->strides, src->dtype->itemsize);
        return 0;
    }
    int one = op == ND_MULTIPLY || op == ND_LOGICAL_AND;
    return nd_fill(res, ND_I64(one));
}

/* Reduce a over the axes in red with ufunc op, accumulating in dt. */
nd_array *nd__reduce_ex(nd_ufunc op, const nd_array *a, const bool *red, bool keepdims, const nd_dtype *dt,
                        const nd__red_extra *x) {
    if (ND_UNLIKELY(nd__is_void(a->dtype))) return reduce_void(op, a, red, keepdims, dt, x);
    int nd = a->ndim, rn = 0;
    int64_t rshape[ND_MAXDIMS], full_st[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        if (red[i] && keepdims) rshape[rn++] = 1;
        else if (!red[i]) rshape[rn++] = a->shape[i];
    }
    bool initial = x && x->initial, minmax = op == ND_MINIMUM || op == ND_MAXIMUM;
    bool copy_first = !initial && (minmax || (x && x->first));
    if (copy_first)
        for (int i = 0; i < nd; i++)
            if (red[i] && a->shape[i] == 0) {
                nd__err(ND_EVALUE, "zero-size array to reduction operation %s which has no identity",
                        nd_ufunc_name(op));
                return NULL;
            }
    reducer r;
    if (make_reducer(&r, op, dt) < 0) return NULL;
    r.skip_first = copy_first;
    const nd_array *where = x ? x->where : NULL;
    /* nditer's order over every operand it is given: the input, the
     * mask, and a caller's output (the result itself is allocated after). */
    const int64_t *ord[3] = {a->strides};
    int nord = 1;
    if (where) ord[nord++] = where->strides;
    if (x && x->out_strides) ord[nord++] = x->out_strides;
    nd_array *conv = NULL, *res = NULL;
    const nd_array *src = a;
    if (!nd_dtype_equal(a->dtype, dt)) {
        conv = nd_astype((nd_array *)a, dt, 'K', ND_CAST_UNSAFE, true);
        if (!conv) return NULL;
        src = conv;
        r.buffered = true;
    }
    if (!(a->flags & ND_ALIGNED)) r.buffered = true;
    res = alloc_result(a, red, keepdims, rn, rshape, nd__result_descr(a->dtype, dt), nord, ord);
    if (!res) goto fail;
    for (int i = 0, j = 0; i < nd; i++) {
        if (red[i]) {
            full_st[i] = 0;
            if (keepdims) j++;
        } else {
            full_st[i] = res->strides[j++];
        }
    }
    if (start_values(res, op, src, red, full_st, x) < 0) goto fail;
    layout L;
    if (make_layout(&L, nd, a->shape, full_st, src->strides, where ? where->strides : NULL, nord, ord)) {
        L.mask = where ? where->data : NULL;
        if (walk(&r, &L, res->data, src->data) < 0) goto fail;
    }
    nd_release(conv);
    return res;
fail:
    nd_release(conv);
    nd_release(res);
    return NULL;
}
