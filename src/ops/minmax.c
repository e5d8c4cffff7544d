/* minmax.c — float32/float64 maximum and minimum reductions as NumPy 1.24
 * runs them, to the bit.
 *
 * The value of a max/min never depends on the order of the work, but the
 * sign of a zero result and the bits of a NaN result do.  NumPy's loop for
 * a contiguous reduction keeps one running value per SIMD lane and then
 * folds the lanes in a fixed tree; when a NaN reached any lane it returns
 * the canonical positive quiet NaN instead.  A strided reduction runs an
 * 8-way scalar unroll.  Which inner-loop calls see which elements, and
 * whether a call's input is contiguous (gathered into the iterator's
 * buffer, or contiguous in memory) or strided in place, is decided by the
 * buffered reduction iterator; this file replays its schedule
 * (npyiter_checkreducesize / npyiter_copy_to_buffers), including the
 * skipped first element of every output (the result starts as a copy of
 * it).  The vector width follows NumPy's runtime dispatch: AVX-512 (SKX),
 * AVX2, or SSE2. */
#include "nd_internal.h"

#define NPY_BUFSIZE 8192

/* x86 maxss/minss behind NumPy's NaN blend: a NaN first operand wins;
 * otherwise the second unless the first is strictly larger (smaller). */
#define S_MAX(a, b) ((a) != (a) ? (a) : (a) > (b) ? (a) : (b))
#define S_MIN(a, b) ((a) != (a) ? (a) : (a) < (b) ? (a) : (b))
/* The lane fold (no NaN left): maxps/minps return the second operand on
 * ties, so the sign of a zero depends on the operand order. */
#define V_MAX(a, b) ((a) > (b) ? (a) : (b))
#define V_MIN(a, b) ((a) < (b) ? (a) : (b))

/* Bytes per vector of NumPy's dispatched loop on this CPU. */
static int simd_bytes(void) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl"))
        return 64;
    if (__builtin_cpu_supports("avx2")) return 32;
#endif
    return 16;
}

/* The vector part of NumPy's contiguous loop, L lanes: blocks of 8
 * vectors folded as ((v0,v1),(v2,v3)),((v4,v5),(v6,v7)) into the running
 * lanes, then single vectors.  Returns the items consumed. */
#define DEF_LANES(NAME, T, SOP, L)                                                               \
    static int64_t NAME(T *restrict m, const T *restrict x, int64_t n) {                       \
        int64_t i = 0;                                                                         \
        for (; n - i >= 8 * L; i += 8 * L) {                                                   \
            const T *p = x + i;                                                                \
            for (int j = 0; j < L; j++) {                                                      \
                T a = SOP(p[j], p[L + j]), b = SOP(p[2 * L + j], p[3 * L + j]);                \
                T c = SOP(p[4 * L + j], p[5 * L + j]), d = SOP(p[6 * L + j], p[7 * L + j]);    \
                T t = SOP(SOP(a, b), SOP(c, d));                                               \
                m[j] = SOP(m[j], t);                                                           \
            }                                                                                  \
        }                                                                                      \
        for (; n - i >= L; i += L)                                                             \
            for (int j = 0; j < L; j++) m[j] = SOP(m[j], x[i + j]);                            \
        return i;                                                                              \
    }

/* One inner-loop call: *out = op(*out, x[0..n)) with x contiguous and
 * aligned (the SIMD loop, vbytes wide) or not (the scalar unroll). */
#define DEF_CALL(NAME, T, SOP, VOP, QNAN)                                                        \
    DEF_LANES(NAME##_l2, T, SOP, 2)                                                            \
    DEF_LANES(NAME##_l4, T, SOP, 4)                                                            \
    DEF_LANES(NAME##_l8, T, SOP, 8)                                                            \
    DEF_LANES(NAME##_l16, T, SOP, 16)                                                          \
    static T NAME##_fold(T *a, int lanes, bool high_first) {                                   \
        int w128 = (int)(16 / sizeof(T));                                                      \
        for (; lanes > w128; lanes /= 2) /* AVX-512: gcc's reduce puts the high half first */ \
            for (int i = 0; i < lanes / 2; i++)                                                \
                a[i] = high_first ? VOP(a[lanes / 2 + i], a[i]) : VOP(a[i], a[lanes / 2 + i]); \
        if (w128 == 4) {                                                                       \
            T w0 = VOP(a[0], a[2]), w1 = VOP(a[1], a[3]);                                      \
            return VOP(w0, w1);                                                                \
        }                                                                                      \
        return VOP(a[0], a[1]);                                                                \
    }                                                                                          \
    static void NAME##_call(char *out, const char *in, int64_t st, int64_t n, int vbytes) {    \
        T r, x, m[16];                                                                         \
        memcpy(&r, out, sizeof r);                                                             \
        int64_t i = 0;                                                                         \
        if (st == (int64_t)sizeof(T) && (uintptr_t)in % sizeof(T) == 0) {                      \
            int L = vbytes / (int)sizeof(T);                                                   \
            const T *xs = (const T *)(const void *)in;                                         \
            for (int j = 0; j < L; j++) m[j] = r;                                              \
            i = L == 16 ? NAME##_l16(m, xs, n) : L == 8 ? NAME##_l8(m, xs, n)                  \
                : L == 4 ? NAME##_l4(m, xs, n) : NAME##_l2(m, xs, n);                          \
            bool nan = false;                                                                  \
            for (int j = 0; j < L; j++) nan = nan || m[j] != m[j];                             \
            r = nan ? QNAN : NAME##_fold(m, L, vbytes == 64);                                  \
        } else if (n >= 8) {                                                                   \
            for (int k = 0; k < 8; k++) memcpy(&m[k], in + k * st, sizeof(T));                 \
            for (i = 8; i + 8 <= n; i += 8)                                                    \
                for (int k = 0; k < 8; k++) {                                                  \
                    memcpy(&x, in + (i + k) * st, sizeof x);                                   \
                    m[k] = SOP(m[k], x);                                                       \
                }                                                                              \
            m[0] = SOP(m[0], m[1]);                                                            \
            m[2] = SOP(m[2], m[3]);                                                            \
            m[4] = SOP(m[4], m[5]);                                                            \
            m[6] = SOP(m[6], m[7]);                                                            \
            m[0] = SOP(m[0], m[2]);                                                            \
            m[4] = SOP(m[4], m[6]);                                                            \
            m[0] = SOP(m[0], m[4]);                                                            \
            r = SOP(r, m[0]);                                                                  \
        }                                                                                      \
        for (; i < n; i++) {                                                                   \
            memcpy(&x, in + i * st, sizeof x);                                                 \
            r = SOP(r, x);                                                                     \
        }                                                                                      \
        memcpy(out, &r, sizeof r);                                                             \
    }

static float qnan_f(void) {
    uint32_t u = 0x7fc00000u;
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static double qnan_d(void) {
    uint64_t u = 0x7ff8000000000000u;
    double d;
    memcpy(&d, &u, 8);
    return d;
}
DEF_CALL(max_f32, float, S_MAX, V_MAX, qnan_f())
DEF_CALL(min_f32, float, S_MIN, V_MIN, qnan_f())
DEF_CALL(max_f64, double, S_MAX, V_MAX, qnan_d())
DEF_CALL(min_f64, double, S_MIN, V_MIN, qnan_d())

/* ---- the buffered reduction iterator's schedule ---- */

typedef struct {
    int nd;                 /* axes, innermost first (NumPy's axisdata order) */
    int64_t shape[ND_MAXDIMS], os[ND_MAXDIMS], is[ND_MAXDIMS], ms[ND_MAXDIMS], coord[ND_MAXDIMS];
    int64_t index, size;
    bool reuse;             /* NPY_ITFLAG_REUSE_REDUCE_LOOPS */
} sched;

/* Does the output's stride switch between zero and non-zero at axis d? */
static bool switches(const sched *s, bool stride0, int d) { return stride0 ? s->os[d] != 0 : s->os[d] == 0; }

/* npyiter_checkreducesize: the inner-loop size and the outer reduce axis
 * of a transfer of at most count elements; returns the transfer size. */
static int64_t check_reduce_size(sched *s, int64_t count, int64_t *inner, int *outerdim) {
    *outerdim = 0;
    if (s->nd == 1 || count == 0) {
        *inner = count;
        return count;
    }
    bool stride0 = s->os[0] == 0, nonzero = s->coord[0] != 0;
    int64_t space = s->shape[0] - s->coord[0], factor = s->shape[0];
    int d = 1;
    for (; d < s->nd && space < count; d++) {
        if (switches(s, stride0, d)) {
            if (nonzero) {
                *inner = space < count ? space : count;
                s->reuse = false;
                return *inner;
            }
            break;
        }
        if (s->coord[d] != 0) nonzero = true;
        space += (s->shape[d] - s->coord[d] - 1) * factor;
        factor *= s->shape[d];
    }
    if (nonzero || count < space || d == s->nd) {
        *inner = space < count ? space : count;
        s->reuse = false;
        return *inner;
    }
    s->reuse = s->coord[d] == 0;
    *inner = space;
    count /= space;
    *outerdim = d;
    stride0 = s->os[d] == 0;
    space = s->shape[d] - s->coord[d];
    factor = s->shape[d];
    for (d++; d < s->nd && space < count; d++) {
        if (switches(s, stride0, d)) return (count <= space ? count : space) * *inner;
        space += (s->shape[d] - s->coord[d] - 1) * factor;
        factor *= s->shape[d];
    }
    return (space < count ? space : count) * *inner;
}

static void go_to(sched *s, int64_t index) {
    s->index = index;
    for (int d = 0; d < s->nd; d++) {
        s->coord[d] = index % s->shape[d];
        index /= s->shape[d];
    }
}

static void step(sched *s) {
    s->index++;
    for (int d = 0; d < s->nd && ++s->coord[d] == s->shape[d]; d++) s->coord[d] = 0;
}

static int64_t offset(const int64_t *coord, const int64_t *st, int nd) {
    int64_t o = 0;
    for (int d = 0; d < nd; d++) o += coord[d] * st[d];
    return o;
}

typedef void (*call_fn)(char *, const char *, int64_t, int64_t, int);

static call_fn call_of(bool max, const nd_dtype *dt) {
    return dt->type == ND_FLOAT32 ? (max ? max_f32_call : min_f32_call) : (max ? max_f64_call : min_f64_call);
}

void nd__minmax_call(bool max, const nd_dtype *dt, char *out, const char *in, int64_t st, int64_t n) {
    call_of(max, dt)(out, in, st, n, simd_bytes());
}

/* NumPy's masked loop wrapper: one call per run of set mask bytes. */
static void call_runs(call_fn call, char *out, const char *p, int64_t st, const char *mp, int64_t n, int vbytes) {
    for (int64_t i = 0; i < n;) {
        while (i < n && !mp[i]) i++;
        int64_t j = i;
        while (j < n && mp[j]) j++;
        if (j > i) call(out, p + i * st, st, j - i, vbytes);
        i = j;
    }
}

int nd__minmax_reduce(bool max, const nd_dtype *dt, int m, const int64_t *shape, const int64_t *os,
                      const int64_t *is, char *out, const char *in, bool cast) {
    return nd__minmax_reduce_ex(max, dt, m, shape, os, is, out, in, cast, NULL, NULL, true);
}

int nd__minmax_reduce_ex(bool max, const nd_dtype *dt, int m, const int64_t *shape, const int64_t *os,
                         const int64_t *is, char *out, const char *in, bool cast, const char *mask,
                         const int64_t *ms, bool skip_first) {
    int64_t isz = dt->itemsize;
    call_fn call = call_of(max, dt);
    sched s = {.nd = m};
    s.size = 1;
    for (int d = 0; d < m; d++) {
        s.shape[d] = shape[m - 1 - d];
        s.os[d] = os[m - 1 - d];
        s.is[d] = is[m - 1 - d];
        s.ms[d] = mask ? ms[m - 1 - d] : 0;
        s.size *= s.shape[d];
    }
    bool bufnever = !cast; /* the input's strides chain into one: never copied */
    for (int d = 1; d < m && bufnever; d++) bufnever = s.is[d] == s.is[d - 1] * s.shape[d - 1];
    char *buf = bufnever ? NULL : nd__malloc((size_t)(NPY_BUFSIZE * isz));
    /* The mask is read in iteration order: its strides need not chain as
     * the input's do, so it is always gathered. */
    char *mbuf = mask ? nd__malloc(NPY_BUFSIZE) : NULL;
    if ((!bufnever && !buf) || (mask && !mbuf)) {
        nd__free_mem(buf);
        nd__free_mem(mbuf);
        return nd__err(ND_ENOMEM, NULL);
    }
    int vbytes = simd_bytes();
    int64_t inner = 0;
    int outerdim = 0;
    bool first = true;
    while (s.index < s.size) {
        int64_t tsize = s.size - s.index < NPY_BUFSIZE ? s.size - s.index : NPY_BUFSIZE, outer;
        if (s.reuse && !first) { /* the previous double loop, as long as the outer axis allows */
            outer = s.shape[outerdim] - s.coord[outerdim];
            if (outer * inner > NPY_BUFSIZE) outer = tsize / inner;
            tsize = outer * inner;
        } else {
            tsize = check_reduce_size(&s, tsize, &inner, &outerdim);
            outer = inner ? tsize / inner : 0;
        }
        first = false;
        if (tsize == 0) break;
        int64_t single = s.shape[0] - s.coord[0];
        bool direct = bufnever || (!cast && (single >= tsize || (outerdim == 1 && outer <= s.shape[1] - s.coord[1])));
        if (!direct) { /* copy the transfer into the buffer in iteration order */
            sched g = s;
            for (int64_t k = 0; k < tsize; k++, step(&g))
                memcpy(buf + k * isz, in + offset(g.coord, g.is, m), (size_t)isz);
        }
        if (mask) {
            sched g = s;
            for (int64_t k = 0; k < tsize; k++, step(&g)) mbuf[k] = mask[offset(g.coord, g.ms, m)];
        }
        for (int64_t j = 0; j < outer; j++) {
            sched c = s;
            go_to(&c, s.index + j * inner);
            const char *p = direct ? in + offset(c.coord, c.is, m) : buf + j * inner * isz;
            int64_t st = direct ? s.is[0] : isz, n = inner;
            const char *mp = mask ? mbuf + j * inner : NULL;
            bool first_visit = skip_first; /* the output's first element was copied: skip it */
            for (int d = 0; d < m && first_visit; d++) first_visit = s.os[d] != 0 || c.coord[d] == 0;
            if (first_visit) {
                p += st;
                n--;
            }
            if (n > 0 && mp) call_runs(call, out + offset(c.coord, c.os, m), p, st, mp, n, vbytes);
            else if (n > 0) call(out + offset(c.coord, c.os, m), p, st, n, vbytes);
        }
        go_to(&s, s.index + tsize);
    }
    nd__free_mem(buf);
    nd__free_mem(mbuf);
    return 0;
}
