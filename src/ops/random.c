/* random.c — np.random's legacy functions (RandomState) over the MT19937
 * stream of mt19937.c: seeding, floats, randint, choice, permutation and
 * shuffle.
 *
 * Each function validates its arguments and allocates everything it needs
 * before the first draw, so a failing call leaves the stream untouched. */
#include "random_impl.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

/* The np.random.* functions' generator: one per thread, seeded from the
 * OS on first use unless nd_random_seed got there first.  Only a pointer
 * lives in TLS: the library's TLS block must stay small enough for
 * dlopen's static TLS surplus (alloc.c uses the initial-exec model).  The
 * state comes from malloc, not the thread's nd allocator, because the
 * thread-exit destructor frees it under whatever allocator is current. */
static _Thread_local nd_random *tl_rng;

/* Written once under pthread_once, read-only afterwards. */
static pthread_once_t rng_once = PTHREAD_ONCE_INIT;
static pthread_key_t rng_key;
static bool rng_key_ok;

static void rng_thread_exit(void *p) {
    free(p);
    tl_rng = NULL;
}

static void rng_make_key(void) { rng_key_ok = pthread_key_create(&rng_key, rng_thread_exit) == 0; }

/* The thread's default generator; entropy-seeded when created unless the
 * caller is about to seed it.  NULL (ND_ENOMEM) if it cannot be made. */
static nd_random *default_rng(bool seeding) {
    if (ND_LIKELY(tl_rng != NULL)) return tl_rng;
    pthread_once(&rng_once, rng_make_key);
    nd_random *r = malloc(sizeof *r);
    if (!r || !rng_key_ok || pthread_setspecific(rng_key, r) != 0) {
        free(r);
        nd__err(ND_ENOMEM, "out of memory");
        return NULL;
    }
    if (!seeding) nd__mt19937_seed_entropy(r);
    tl_rng = r;
    return r;
}

static nd_random *gen(nd_random *r) { return r ? r : default_rng(false); }

nd_random *nd_random_new(uint32_t seed) {
    nd_random *r = nd__malloc(sizeof *r);
    if (!r) {
        nd__err(ND_ENOMEM, "out of memory");
        return NULL;
    }
    nd__mt19937_seed(r, seed);
    return r;
}

void nd_random_free(nd_random *r) { nd__free_mem(r); }

int nd_random_seed(nd_random *r, uint32_t seed) {
    if (!r && !(r = default_rng(true))) return ND_ENOMEM;
    nd__mt19937_seed(r, seed);
    return 0;
}

int nd_random_seed_array(nd_random *r, int64_t n, const uint32_t *keys) {
    if (n <= 0) return nd__err(ND_EVALUE, "Seed must be non-empty");
    if (!r && !(r = default_rng(true))) return ND_ENOMEM;
    nd__mt19937_seed_array(r, keys, n);
    return 0;
}

/* ---- floats ---- */

/* Resolve *r to the generator to draw from, then make a float64 output. */
static nd_array *new_f64(nd_random **r, int ndim, const int64_t *shape) {
    if (!(*r = gen(*r))) return NULL;
    return nd_empty(ndim, shape, nd_dtype_of(ND_FLOAT64), 'C');
}

nd_array *nd_random_random_sample(nd_random *r, int ndim, const int64_t *shape) {
    nd_array *out = new_f64(&r, ndim, shape);
    if (!out) return NULL;
    double *d = (double *)(void *)out->data;
    for (int64_t i = 0, n = nd_size(out); i < n; i++) d[i] = nd__mt19937_double(r);
    return out;
}

nd_array *nd_random_rand(nd_random *r, int ndim, const int64_t *shape) {
    return nd_random_random_sample(r, ndim, shape);
}

nd_array *nd_random_randn(nd_random *r, int ndim, const int64_t *shape) {
    return nd_random_normal(r, 0.0, 1.0, ndim, shape);
}

nd_array *nd_random_uniform(nd_random *r, double low, double high, int ndim, const int64_t *shape) {
    double range = high - low;
    if (!isfinite(range)) {
        nd__err(ND_EOVERFLOW, "Range exceeds valid bounds");
        return NULL;
    }
    nd_array *out = new_f64(&r, ndim, shape);
    if (!out) return NULL;
    double *d = (double *)(void *)out->data;
    for (int64_t i = 0, n = nd_size(out); i < n; i++) d[i] = low + range * nd__mt19937_double(r);
    return out;
}

nd_array *nd_random_normal(nd_random *r, double loc, double scale, int ndim, const int64_t *shape) {
    // NumPy's CONS_NON_NEGATIVE test is on the sign bit, so -0.0 fails too.
    if (!isnan(scale) && signbit(scale)) {
        nd__err(ND_EVALUE, "scale < 0");
        return NULL;
    }
    nd_array *out = new_f64(&r, ndim, shape);
    if (!out) return NULL;
    double *d = (double *)(void *)out->data;
    // randn is normal(0, 1): 0 + 1*g is g exactly, so one loop serves both.
    for (int64_t i = 0, n = nd_size(out); i < n; i++) d[i] = loc + scale * nd__mt19937_gauss(r);
    return out;
}

/* ---- randint ---- */

static void type_range(nd_type t, __int128 *lo, __int128 *hi) {
    switch (t) {
    case ND_BOOL: *lo = 0, *hi = 1; break;
    case ND_INT8: *lo = INT8_MIN, *hi = INT8_MAX; break;
    case ND_UINT8: *lo = 0, *hi = UINT8_MAX; break;
    case ND_INT16: *lo = INT16_MIN, *hi = INT16_MAX; break;
    case ND_UINT16: *lo = 0, *hi = UINT16_MAX; break;
    case ND_INT32: *lo = INT32_MIN, *hi = INT32_MAX; break;
    case ND_UINT32: *lo = 0, *hi = UINT32_MAX; break;
    case ND_INT64: *lo = INT64_MIN, *hi = INT64_MAX; break;
    default: *lo = 0, *hi = UINT64_MAX; break;
    }
}

static bool has_zero_dim(int ndim, const int64_t *shape) {
    for (int i = 0; i < ndim; i++)
        if (shape[i] == 0) return true;
    return false;
}

/* NumPy's checks, in its order, on the closed interval [low, high-1]. */
static int check_bounds(nd_type t, int64_t low, int64_t high) {
    __int128 lo, hi, top = (__int128)high - 1;
    type_range(t, &lo, &hi);
    const char *name = nd_dtype_name(nd_dtype_of(t));
    if (low < lo) return nd__err(ND_EVALUE, "low is out of bounds for %s", name);
    if (top > hi) return nd__err(ND_EVALUE, "high is out of bounds for %s", name);
    // NumPy words the one-argument form randint(0) specially.
    if (low > top) return nd__err(ND_EVALUE, low == 0 ? "high <= 0" : "low >= high");
    return 0;
}

/* Fill n elements of type t at p with off + [0, rng]. */
static void fill_ints(nd_random *g, nd_type t, uint64_t off, uint64_t rng, int64_t n, void *p) {
    switch (t) {
    case ND_BOOL: nd__mt19937_fillbool(g, (uint8_t)off, (uint8_t)rng, n, p); break;
    case ND_INT8:
    case ND_UINT8: nd__mt19937_fill8(g, (uint8_t)off, (uint8_t)rng, n, p); break;
    case ND_INT16:
    case ND_UINT16: nd__mt19937_fill16(g, (uint16_t)off, (uint16_t)rng, n, p); break;
    case ND_INT32:
    case ND_UINT32: nd__mt19937_fill32(g, (uint32_t)off, (uint32_t)rng, n, p); break;
    default: nd__mt19937_fill64(g, off, rng, n, p); break;
    }
}

nd_array *nd_random_randint(nd_random *r, int64_t low, int64_t high, int ndim, const int64_t *shape,
                            const nd_dtype *dt) {
    nd_type t = dt ? (nd_type)dt->type : ND_INT64;
    if (t > ND_UINT64) {
        char *rp = nd_dtype_repr(dt);
        nd__err(ND_ETYPE, "Unsupported dtype %s for randint", rp ? rp : "?");
        nd_free(rp);
        return NULL;
    }
    // An empty request returns before NumPy looks at the bounds.
    bool empty = ndim > 0 && shape && has_zero_dim(ndim, shape);
    if (!empty && check_bounds(t, low, high) < 0) return NULL;
    nd_random *g = gen(r);
    nd_array *out = g ? nd_empty(ndim, shape, nd_dtype_of(t), 'C') : NULL;
    if (!out || empty) return out;
    // Two's complement wrap gives NumPy's off and rng for every width.
    uint64_t off = (uint64_t)low, rng = (uint64_t)high - 1u - (uint64_t)low;
    fill_ints(g, t, off, rng, nd_size(out), out->data);
    return out;
}

/* ---- shuffle and permutation ---- */

/* Exchange two rows of a (sub-arrays along axes 1..), element by element. */
static void swap_rows(const nd_array *a, char *p, char *q) {
    int nd = a->ndim - 1;
    const int64_t *sh = a->shape + 1, *st = a->strides + 1;
    size_t isz = (size_t)a->dtype->itemsize;
    int64_t idx[ND_MAXDIMS] = {0};
    char tmp[16]; // the widest element (complex128)
    for (int64_t k = 0, count = nd__size(nd, sh); k < count; k++) {
        memcpy(tmp, p, isz);
        memcpy(p, q, isz);
        memcpy(q, tmp, isz);
        for (int d = nd - 1; d >= 0; d--) {
            p += st[d];
            q += st[d];
            if (++idx[d] < sh[d]) break;
            p -= st[d] * sh[d];
            q -= st[d] * sh[d];
            idx[d] = 0;
        }
    }
}

/* NumPy's legacy Fisher-Yates from the top.  An empty array with rows
 * still draws here: permutation shuffles an index array, whatever the
 * rows hold. */
/* 1-d arrays of a fixed element size swap with constant-size copies. */
#define SHUFFLE_1D(W)                                                  \
    for (int64_t i = n - 1; i > 0; i--) {                              \
        char *p = a->data + i * s0;                                    \
        char *q = a->data + (int64_t)nd__mt19937_interval(g, (uint64_t)i) * s0; \
        char tmp[W];                                                   \
        memcpy(tmp, p, W);                                             \
        memcpy(p, q, W);                                               \
        memcpy(q, tmp, W);                                             \
    }

static void shuffle_rows(nd_random *g, nd_array *a) {
    int64_t n = a->shape[0], s0 = a->strides[0];
    bool empty = nd_size(a) == 0;
    if (a->ndim == 1 && !empty) {
        switch (a->dtype->itemsize) {
        case 1: SHUFFLE_1D(1) return;
        case 2: SHUFFLE_1D(2) return;
        case 4: SHUFFLE_1D(4) return;
        case 8: SHUFFLE_1D(8) return;
        default: break;
        }
    }
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t j = (int64_t)nd__mt19937_interval(g, (uint64_t)i);
        if (i != j && !empty) swap_rows(a, a->data + i * s0, a->data + j * s0);
    }
}

int nd_random_shuffle(nd_random *r, nd_array *a) {
    if (a->ndim == 0) return nd__err(ND_ETYPE, "len() of unsized object");
    if (!(a->flags & ND_WRITEABLE)) return nd__err(ND_EVALUE, "array is read-only");
    if (nd_size(a) == 0) return 0; // NumPy returns before drawing
    nd_random *g = gen(r);
    if (!g) return ND_ENOMEM;
    shuffle_rows(g, a);
    return 0;
}

nd_array *nd_random_permutation(nd_random *r, const nd_array *a, int64_t n) {
    nd_array *out;
    nd_random *g = gen(r);
    if (!g) {
        return NULL;
    } else if (!a) {
        out = nd_arange(0, n > 0 ? n : 0, 1, NULL);
    } else if (a->ndim < 1) {
        nd__err(ND_EINDEX, "x must be an integer or at least 1-dimensional");
        return NULL;
    } else {
        // Shuffling a copy's rows equals NumPy's arr[shuffled arange].
        out = nd_copy(a, 'C');
    }
    if (out) shuffle_rows(g, out);
    return out;
}

/* ---- choice ---- */

/* np.prod(size), saturated instead of wrapping. */
static int64_t shape_prod(int ndim, const int64_t *shape) {
    int64_t n = 1;
    for (int i = 0; i < ndim; i++)
        if (__builtin_mul_overflow(n, shape[i], &n)) n = (n < 0) == (shape[i] < 0) ? INT64_MAX : INT64_MIN;
    return n;
}

/* The population size from a or n, with NumPy's checks. */
static int choice_pop(const nd_array *a, int64_t n, int64_t size, int64_t *pop) {
    if (a && a->ndim == 0) {
        char k = a->dtype->kind;
        if (k != 'i' && k != 'u' && k != 'b') return nd__err(ND_EVALUE, "a must be 1-dimensional or an integer");
        n = nd_value_cast(nd__load(a->dtype, a->data), ND_INT64).i;
        a = NULL;
    }
    if (!a) {
        if (n <= 0 && size != 0) return nd__err(ND_EVALUE, "a must be greater than 0 unless no samples are taken");
        *pop = n;
        return 0;
    }
    if (a->ndim != 1) return nd__err(ND_EVALUE, "a must be 1-dimensional");
    *pop = a->shape[0];
    if (*pop == 0 && size != 0) return nd__err(ND_EVALUE, "'a' cannot be empty unless no samples are taken");
    return 0;
}

/* NumPy's kahan_sum (which reads p[0] even when empty; here that is 0). */
static double kahan_sum(const double *p, int64_t n) {
    if (n == 0) return 0.0;
    double sum = p[0], c = 0.0;
    for (int64_t i = 1; i < n; i++) {
        double y = p[i] - c, t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    return sum;
}

/* p as float64 after NumPy's checks; NULL with the error set. */
static double *load_p(const nd_array *p, int64_t pop) {
    if (p->ndim == 0) {
        nd__err(ND_ETYPE, "len() of unsized object");
        return NULL;
    }
    if (p->dtype->kind == 'c') {
        char *rep = nd_dtype_repr(p->dtype);
        if (rep)
            nd__err(ND_ETYPE, "Cannot cast array data from %s to dtype('float64') according to the rule 'safe'", rep);
        nd_free(rep);
        return NULL;
    }
    if (p->ndim != 1) {
        nd__err(ND_EVALUE, "'p' must be 1-dimensional");
        return NULL;
    }
    if (p->shape[0] != pop) {
        nd__err(ND_EVALUE, "'a' and 'p' must have same size");
        return NULL;
    }
    // atol is sqrt(eps) of float64, or of p's float type computed in it.
    double atol = 1.4901161193847656e-08;
    if (p->dtype->type == ND_FLOAT32) atol = (double)sqrtf(FLT_EPSILON);
    if (p->dtype->type == ND_FLOAT16) atol = 0.03125;
    double *pd = nd__malloc((size_t)pop * sizeof *pd);
    if (!pd) {
        nd__err(ND_ENOMEM, "out of memory");
        return NULL;
    }
    bool neg = false;
    for (int64_t i = 0; i < pop; i++) {
        pd[i] = nd_value_cast(nd__load(p->dtype, p->data + i * p->strides[0]), ND_FLOAT64).f;
        neg |= pd[i] < 0;
    }
    double sum = kahan_sum(pd, pop);
    if (isnan(sum))
        nd__err(ND_EVALUE, "probabilities contain NaN");
    else if (neg)
        nd__err(ND_EVALUE, "probabilities are not non-negative");
    else if (fabs(sum - 1.0) > atol)
        nd__err(ND_EVALUE, "probabilities do not sum to 1");
    else
        return pd;
    nd__free_mem(pd);
    return NULL;
}

/* cdf = cumsum(p) / its last value, in NumPy's order (n >= 1). */
static void make_cdf(const double *p, int64_t n, double *cdf) {
    cdf[0] = p[0];
    for (int64_t i = 1; i < n; i++) cdf[i] = cdf[i - 1] + p[i];
    double last = cdf[n - 1];
    for (int64_t i = 0; i < n; i++) cdf[i] /= last;
}

/* searchsorted(cdf, x, side='right'). */
static int64_t search_right(const double *cdf, int64_t n, double x) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + ((hi - lo) >> 1);
        if (x < cdf[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Without replacement, weighted: NumPy redraws the shortfall, zeroing the
 * weights already taken, and keeps each batch's first occurrences in order. */
static void choice_weighted_unique(nd_random *g, double *p, int64_t pop, int64_t size, double *cdf, double *x,
                                   uint8_t *seen, int64_t *found) {
    int64_t have = 0;
    memset(seen, 0, (size_t)pop);
    while (have < size) {
        int64_t m = size - have, added = 0;
        for (int64_t k = 0; k < m; k++) x[k] = nd__mt19937_double(g);
        for (int64_t k = 0; k < have; k++) p[found[k]] = 0.0;
        make_cdf(p, pop, cdf);
        for (int64_t k = 0; k < m; k++) {
            int64_t v = search_right(cdf, pop, x[k]);
            if (!seen[v]) {
                seen[v] = 1;
                found[have + added++] = v;
            }
        }
        have += added;
    }
}

/* Draw the int64 indices into idx (size elements); scratch is allocated. */
static void choice_draw(nd_random *g, int64_t pop, int64_t size, bool replace, double *pd, void *scratch,
                        int64_t *idx) {
    if (replace && pd) {
        double *cdf = scratch;
        make_cdf(pd, pop, cdf);
        for (int64_t k = 0; k < size; k++) idx[k] = search_right(cdf, pop, nd__mt19937_double(g));
    } else if (replace) {
        if (size > 0) nd__mt19937_fill64(g, 0, (uint64_t)pop - 1u, size, (uint64_t *)idx);
    } else if (pd) {
        double *cdf = scratch, *x = cdf + pop;
        choice_weighted_unique(g, pd, pop, size, cdf, x, (uint8_t *)(x + size), idx);
    } else {
        // permutation(pop)[:size]: the whole shuffle runs whatever size is.
        int64_t *perm = scratch;
        for (int64_t i = 0; i < pop; i++) perm[i] = i;
        for (int64_t i = pop - 1; i > 0; i--) {
            int64_t j = (int64_t)nd__mt19937_interval(g, (uint64_t)i), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        if (size > 0) memcpy(idx, perm, (size_t)size * sizeof *idx);
    }
}

static size_t scratch_bytes(int64_t pop, int64_t size, bool replace, bool weighted) {
    if (replace) return weighted ? (size_t)pop * 8 : 0;
    if (!weighted) return (size_t)pop * 8;
    return (size_t)pop * 9 + (size_t)size * 8;
}

/* replace=False's checks on the sample size, in NumPy's order. */
static int check_unique(const double *pd, int64_t pop, int64_t size) {
    if (size > pop) return nd__err(ND_EVALUE, "Cannot take a larger sample than population when 'replace=False'");
    if (size < 0) return nd__err(ND_EVALUE, "Negative dimensions are not allowed");
    int64_t pos = 0;
    for (int64_t i = 0; pd && i < pop; i++) pos += pd[i] > 0;
    if (pd && pos < size) return nd__err(ND_EVALUE, "Fewer non-zero entries in p than size");
    return 0;
}

nd_array *nd_random_choice(nd_random *r, const nd_array *a, int64_t n, int ndim, const int64_t *shape,
                           bool replace, const nd_array *p) {
    int64_t size = shape_prod(ndim, shape), pop = 0;
    double *pd = NULL;
    void *scratch = NULL;
    nd_array *idx = NULL, *out = NULL;
    if (choice_pop(a, n, size, &pop) < 0) return NULL;
    if (a && a->ndim == 0) a = NULL; // a 0-d integer is n: indices are the result
    if (p && !(pd = load_p(p, pop))) return NULL;
    if (!replace && check_unique(pd, pop, size) < 0) goto fail;
    nd_random *g = gen(r);
    if (!g || !(idx = nd_empty(ndim, shape, nd_dtype_of(ND_INT64), 'C'))) goto fail;
    if (a && !(out = nd_empty(ndim, shape, a->dtype, 'C'))) goto fail;
    size_t sb = scratch_bytes(pop, size, replace, pd != NULL);
    if (sb && !(scratch = nd__malloc(sb))) {
        nd__err(ND_ENOMEM, "out of memory");
        goto fail;
    }
    int64_t *ix = (int64_t *)(void *)idx->data;
    choice_draw(g, pop, size, replace, pd, scratch, ix);
    if (a) {
        size_t isz = (size_t)a->dtype->itemsize;
        for (int64_t k = 0; k < size; k++) memcpy(out->data + (size_t)k * isz, a->data + ix[k] * a->strides[0], isz);
        nd_release(idx);
        idx = out;
    }
    nd__free_mem(scratch);
    nd__free_mem(pd);
    return idx;
fail:
    nd_release(out);
    nd_release(idx);
    nd__free_mem(scratch);
    nd__free_mem(pd);
    return NULL;
}
