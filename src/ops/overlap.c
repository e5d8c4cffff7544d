/* overlap.c — may_share_memory, shares_memory and internal overlap.
 *
 * Whether two strided arrays share a byte is a bounded linear Diophantine
 * problem (the approach of NumPy's mem_overlap.c, after Ramachandran 2006):
 *
 *     sum(a[i] * x[i]) == b,   a[i] > 0,   0 <= x[i] <= ub[i]
 *
 * Each axis contributes a term with a = |stride| and ub = shape - 1 (a
 * negative stride is made positive by substituting x -> ub - x), and the
 * item size contributes a term with a = 1, ub = itemsize - 1.  The terms of
 * the second array enter "mirrored" so that the right-hand side becomes the
 * distance between the start of one extent and the last byte of the other.
 *
 * The solver sorts the terms by decreasing coefficient and folds them
 * pairwise with the extended Euclid algorithm: a[0] x[0] + a[1] x[1] is
 * g x' with g = gcd(a[0], a[1]) and a known bound on x'.  It then enumerates
 * candidates for the last variable, recursing into the folded problem with
 * the reduced right-hand side.  A right-hand side that the gcd does not
 * divide prunes a branch at once, which is why slices of one parent array
 * settle in about one step per dimension.  Every pruned or exhausted branch
 * costs one unit of work, counted exactly as NumPy counts it so that a
 * bounded max_work gives NumPy's answers (including "too hard").
 *
 * Two shortcuts answer the commonest cases before any of that is set up
 * (interleaved slices, and views starting at the same byte); each gives
 * exactly the answer the solver would, see solve_shares.
 *
 * Intermediate products are 128-bit; any result that does not fit 64 bits
 * is reported as an overflow rather than a wrong answer.  Nothing here
 * allocates: all scratch lives in fixed arrays on the stack.
 */
#include "nd_internal.h"

#define NTERMS (2 * ND_MAXDIMS + 2)

typedef __int128 i128;

typedef enum ov_result { OV_NO = 0, OV_YES = 1, OV_TOOHARD, OV_OVERFLOW } ov_result;

typedef struct term {
    int64_t a;  /* coefficient (a stride in bytes), > 0 */
    int64_t ub; /* upper bound of the variable, inclusive */
} term;

typedef struct solver {
    const term *E;     /* the terms, sorted by decreasing a */
    int n;             /* number of terms, >= 2 */
    bool nontrivial;   /* internal overlap: reject x[i] == ub[i]/2 for all i */
    int64_t max_work;  /* < 0: unbounded */
    int64_t count;     /* work spent so far */
    term Ep[NTERMS];   /* Ep[j]: gcd of a[0..j+1] and the folded variable's bound */
    int64_t gam[NTERMS], eps[NTERMS]; /* Bezout pair of fold j */
    int64_t x[NTERMS]; /* current candidate, for the nontrivial check */
} solver;

/* ---- extents ---- */

void nd__extent(const nd_array *a, uintptr_t *lo, uintptr_t *hi) {
    /* Unsigned arithmetic: a negative stride wraps to the right offset.  The
     * sign test is on the wrapped product, as NumPy's (signed) one is, so
     * absurd as_strided layouts get NumPy's answer too. */
    uintptr_t base = (uintptr_t)a->data, down = 0, up = 0;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] == 0) {
            *lo = *hi = base;
            return;
        }
        uintptr_t off = (uintptr_t)a->strides[i] * (uintptr_t)(a->shape[i] - 1);
        if ((int64_t)off > 0)
            up += off;
        else
            down += off;
    }
    *lo = base + down;
    *hi = base + up + (uintptr_t)a->dtype->itemsize;
}

int nd_may_share_memory(const nd_array *a, const nd_array *b) {
    uintptr_t s1, e1, s2, e2;
    nd__extent(a, &s1, &e1);
    nd__extent(b, &s2, &e2);
    return s1 < e2 && s2 < e1 && s1 < e1 && s2 < e2;
}

/* ---- arithmetic helpers ---- */

/* floor(n / d) for d > 0.  Strides and their gcds are mostly powers of two
 * (often 1), and a shift is many times cheaper than a 64-bit divide, which
 * would otherwise dominate the cost of the common cases.  (gcc's >> on a
 * negative value is an arithmetic shift, i.e. a floor.) */
static inline int64_t fdiv(int64_t n, int64_t d) {
    if ((d & (d - 1)) == 0) return n >> __builtin_ctzll((uint64_t)d);
    int64_t q = n / d;
    return (n % d < 0) ? q - 1 : q;
}

/* Does d > 0 divide n? */
static inline bool divides(int64_t d, int64_t n) {
    return (d & (d - 1)) == 0 ? (n & (d - 1)) == 0 : n % d == 0;
}

static inline bool fits64(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

/* floor(n / d) for d > 0; the 64-bit path avoids the slow 128-bit divide in
 * the common case where n is small. */
static inline i128 floordiv(i128 n, int64_t d) {
    if (ND_LIKELY(fits64(n))) return fdiv((int64_t)n, d);
    i128 q = n / d;
    return (n % d < 0) ? q - 1 : q;
}

static inline i128 ceildiv(i128 n, int64_t d) { return -floordiv(-n, d); }

/* ---- the solver ---- */

/* gcd(a1, a2) with gam*a1 + eps*a2 == gcd, |gam| < a2/gcd, |eps| < a1/gcd.
 * Every quantity stays below max(a1, a2), so nothing overflows. */
static int64_t euclid(int64_t a1, int64_t a2, int64_t *gam, int64_t *eps) {
    int64_t g1 = 1, g2 = 0, e1 = 0, e2 = 1;
    for (;;) {
        if (a2 == 0) {
            *gam = g1, *eps = e1;
            return a1;
        }
        int64_t q = fdiv(a1, a2);
        a1 -= q * a2, g1 -= q * g2, e1 -= q * e2;
        if (a1 == 0) {
            *gam = g2, *eps = e2;
            return a2;
        }
        q = fdiv(a2, a1);
        a2 -= q * a1, g2 -= q * g1, e2 -= q * e1;
    }
}

/* Fold the terms left to right: Ep[j-1] combines Ep[j-2] (or E[0]) with
 * E[j].  The last fold's bound is never used, so it is not computed.
 * Returns false on overflow of a folded bound. */
static bool precompute(solver *s) {
    const term *E = s->E;
    for (int j = 1; j < s->n; j++) {
        term prev = j == 1 ? E[0] : s->Ep[j - 2];
        int64_t g = euclid(prev.a, E[j].a, &s->gam[j - 1], &s->eps[j - 1]);
        s->Ep[j - 1].a = g;
        s->Ep[j - 1].ub = 0;
        if (j < s->n - 1) {
            int64_t p, q;
            if (__builtin_mul_overflow(fdiv(prev.a, g), prev.ub, &p) ||
                __builtin_mul_overflow(fdiv(E[j].a, g), E[j].ub, &q) ||
                __builtin_add_overflow(p, q, &s->Ep[j - 1].ub))
                return false;
        }
    }
    return true;
}

static bool is_trivial(const solver *s) {
    for (int j = 0; j < s->n; j++)
        if (s->x[j] != s->E[j].ub / 2) return false;
    return true;
}

/* Solve  A x1 + a2 x2 == b  where A x1 stands for the first v folded terms
 * (bound u1) and a2 x2 is term v, then recurse on each candidate x2. */
static ov_result dfs(solver *s, int v, int64_t b) {
    if (s->max_work >= 0 && s->count >= s->max_work) return OV_TOOHARD;
    term t1 = v == 1 ? s->E[0] : s->Ep[v - 2];
    int64_t a2 = s->E[v].a, u2 = s->E[v].ub, g = s->Ep[v - 1].a;
    if (!divides(g, b)) {
        s->count++;
        return OV_NO;
    }
    int64_t c = fdiv(b, g), c1 = fdiv(a2, g), c2 = fdiv(t1.a, g);
    // All solutions: x1 = x10 + c1*t, x2 = x20 - c2*t for integer t.
    i128 x10 = (i128)s->gam[v - 1] * c, x20 = (i128)s->eps[v - 1] * c;
    i128 lo = ceildiv(-x10, c1), lo2 = ceildiv(x20 - u2, c2);
    i128 hi = floordiv((i128)t1.ub - x10, c1), hi2 = floordiv(x20, c2);
    if (lo2 > lo) lo = lo2;
    if (hi2 < hi) hi = hi2;
    if (lo > hi) {
        s->count++;
        return OV_NO;
    }
    if (!fits64(lo) || !fits64(hi) || !fits64(hi - lo)) return OV_OVERFLOW;
    // Within [lo, hi] both variables are in their bounds, so these fit.
    int64_t x1 = (int64_t)(x10 + (i128)c1 * lo), x2 = (int64_t)(x20 - (i128)c2 * lo);
    int64_t span = (int64_t)(hi - lo);
    if (v == 1) {
        s->x[0] = x1, s->x[1] = x2;
        if (s->nontrivial && is_trivial(s)) {
            s->count++;
            return OV_NO;
        }
        return OV_YES;
    }
    for (int64_t t = 0; t <= span; t++) {
        int64_t b2;
        s->x[v] = x2 - c2 * t;
        if (__builtin_mul_overflow(a2, s->x[v], &b2) || __builtin_sub_overflow(b, b2, &b2)) return OV_OVERFLOW;
        ov_result r = dfs(s, v - 1, b2);
        if (r != OV_NO) return r;
    }
    s->count++;
    return OV_NO;
}

/* sum(E[i].a * x[i]) == b with 0 <= x[i] <= E[i].ub, terms sorted by
 * decreasing a.  nontrivial: b is replaced by sum(a * ub/2) and the
 * solution x == ub/2 does not count (all ub must be even). */
static ov_result solve(const term *E, int n, int64_t b, int64_t max_work, bool nontrivial) {
    for (int j = 0; j < n; j++)
        if (E[j].ub < 0) return OV_NO;
    if (nontrivial) {
        b = 0;
        for (int j = 0; j < n; j++) {
            int64_t p;
            if (__builtin_mul_overflow(E[j].a, E[j].ub / 2, &p) || __builtin_add_overflow(b, p, &b))
                return OV_OVERFLOW;
        }
    }
    if (b < 0) return OV_NO;
    if (n == 0) return !nontrivial && b == 0 ? OV_YES : OV_NO;
    if (n == 1) return !nontrivial && b % E[0].a == 0 && b / E[0].a <= E[0].ub ? OV_YES : OV_NO;
    solver s; // not zeroed: precompute and dfs write before they read
    s.E = E, s.n = n, s.nontrivial = nontrivial, s.max_work = max_work, s.count = 0;
    if (!precompute(&s)) return OV_OVERFLOW;
    return dfs(&s, n - 1, b);
}

/* ---- building the problem ---- */

/* Stable insertion sort by decreasing coefficient (n is tiny). */
static void sort_terms(term *E, int n) {
    for (int i = 1; i < n; i++) {
        term t = E[i];
        int j = i;
        for (; j > 0 && E[j - 1].a < t.a; j--) E[j] = E[j - 1];
        E[j] = t;
    }
}

/* Append a's axes as terms.  skip_trivial drops axes that cannot move
 * (length <= 1 or stride 0), which is exact for the two-array problem.
 * Returns false when |stride| overflows. */
static bool add_axes(const nd_array *a, term *E, int *n, bool skip_trivial) {
    for (int i = 0; i < a->ndim; i++) {
        int64_t st = a->strides[i], d = a->shape[i];
        if (skip_trivial && (d <= 1 || st == 0)) continue;
        if (st == INT64_MIN) return false;
        E[*n].a = st < 0 ? -st : st;
        E[*n].ub = d - 1;
        ++*n;
    }
    return true;
}

/* Merge equal coefficients (their variables add up) and clip each bound to
 * b / a, dropping variables that are forced to zero.  E must be sorted. */
static bool simplify(term *E, int *n, int64_t b) {
    bool ovf = false;
    int m = 0;
    for (int j = 0; j < *n; j++) {
        if (m > 0 && E[m - 1].a == E[j].a)
            ovf |= __builtin_add_overflow(E[m - 1].ub, E[j].ub, &E[m - 1].ub);
        else
            E[m++] = E[j];
    }
    int k = 0;
    for (int j = 0; j < m; j++) {
        int64_t cap = fdiv(b, E[j].a);
        if (E[j].ub > cap) E[j].ub = cap;
        if (E[j].ub != 0) E[k++] = E[j];
    }
    *n = k;
    return !ovf;
}

/* gcd by the binary method; a power of two on either side (the usual
 * inner stride) settles it with one shift. */
static uint64_t gcd64(uint64_t a, uint64_t b) {
    int shift = __builtin_ctzll(a | b);
    if ((a & (a - 1)) == 0 || (b & (b - 1)) == 0) return UINT64_C(1) << shift;
    a >>= __builtin_ctzll(a);
    do {
        b >>= __builtin_ctzll(b);
        if (a > b) {
            uint64_t t = a;
            a = b, b = t;
        }
        b -= a;
    } while (b != 0);
    return a << shift;
}

/* One pass over an array: its byte extent (as nd__extent) and the gcd of
 * the strides of its movable axes.  small is false when an axis spans more
 * than 2^48 bytes, which keeps the shortcut in solve_shares away from
 * layouts where NumPy reports an overflow. */
typedef struct scan {
    uintptr_t lo, hi;
    uint64_t g; /* 0: no movable axis */
    bool small;
} scan;

static inline void scan_array(const nd_array *a, scan *s) {
    const int64_t *shape = a->shape, *strides = a->strides;
    uintptr_t base = (uintptr_t)a->data, down = 0, up = 0;
    uint64_t g = 0;
    bool small = true;
    for (int i = 0; i < a->ndim; i++) {
        int64_t d = shape[i], st = strides[i];
        if (d == 0) {
            s->lo = s->hi = base, s->g = 0, s->small = false;
            return;
        }
        uintptr_t off = (uintptr_t)st * (uintptr_t)(d - 1); // wraps like nd__extent
        if ((int64_t)off > 0)
            up += off;
        else
            down += off;
        if (d > 1 && st != 0) {
            uint64_t m = st < 0 ? -(uint64_t)st : (uint64_t)st, span;
            small &= !__builtin_mul_overflow(m, (uint64_t)(d - 1), &span) && span <= (UINT64_C(1) << 48);
            g = g ? gcd64(g, m) : m;
        }
    }
    s->lo = base + down, s->hi = base + up + (uintptr_t)a->dtype->itemsize;
    s->g = g, s->small = small;
}

/* Slices of one parent that interleave (z[::2] and z[1::2], M[:, ::2] and
 * M[:, 1::2]) start every element in one residue class modulo the gcd g of
 * all strides.  When the two classes' byte ranges are disjoint modulo g
 * there is no overlap.  The solver would see that at its first step (the
 * item-byte variable, which comes last, has no candidate, or g does not
 * divide the right-hand side), spending one unit of work, so answering
 * here gives NumPy's result for every max_work >= 1 without the setup. */
static bool residue_disjoint(const nd_array *a, const scan *sa, const nd_array *b, const scan *sb) {
    if (!sa->small || !sb->small) return false;
    uint64_t g = sa->g && sb->g ? gcd64(sa->g, sb->g) : sa->g | sb->g;
    if (g == 0) return false;
    uint64_t diff = (uintptr_t)b->data - (uintptr_t)a->data, d;
    if ((g & (g - 1)) == 0) {
        d = diff & (g - 1); // exact for a wrapped (negative) difference too
    } else {
        int64_t r = (int64_t)diff % (int64_t)g;
        d = (uint64_t)(r < 0 ? r + (int64_t)g : r);
    }
    return d >= (uint64_t)a->dtype->itemsize && d + (uint64_t)b->dtype->itemsize <= g;
}

/* The full problem.  Kept out of line so that the shortcuts in
 * solve_shares do not pay for this frame's setup. */
__attribute__((noinline)) static ov_result solve_shares_full(const nd_array *a, const nd_array *b, int64_t rhs,
                                                             int64_t max_work) {
    term E[NTERMS];
    int n = 0;
    if (!add_axes(a, E, &n, true) || !add_axes(b, E, &n, true)) return OV_OVERFLOW;
    if (a->dtype->itemsize > 1) E[n++] = (term){1, a->dtype->itemsize - 1};
    if (b->dtype->itemsize > 1) E[n++] = (term){1, b->dtype->itemsize - 1};
    sort_terms(E, n);
    if (!simplify(E, &n, rhs)) return OV_OVERFLOW;
    return solve(E, n, rhs, max_work, false);
}

static ov_result solve_shares(const nd_array *a, const nd_array *b, int64_t max_work) {
    scan sa, sb;
    scan_array(a, &sa);
    scan_array(b, &sb);
    uintptr_t s1 = sa.lo, e1 = sa.hi, s2 = sb.lo, e2 = sb.hi;
    if (!(s1 < e2 && s2 < e1 && s1 < e1 && s2 < e2)) return OV_NO;
    if (max_work == 0) return OV_TOOHARD;
    if (residue_disjoint(a, &sa, b, &sb)) return OV_NO;
    /* Unbounded, NumPy's answer is the exact one (small layouts never
     * overflow), and two views starting at the same byte share it: x vs x,
     * x vs x.T.  With a bound, NumPy may give up first, so it is not used. */
    if (max_work < 0 && sa.small && sb.small && a->data == b->data) return OV_YES;
    /* start1 + sum(a1 x1) == end2 - 1 - sum(a2 x2'), or the same with the
     * arrays swapped; both right-hand sides are >= 0 here, take the smaller. */
    uintptr_t r1 = e2 - 1 - s1, r2 = e1 - 1 - s2, r = r1 < r2 ? r1 : r2;
    if (r > (uintptr_t)INT64_MAX) return OV_OVERFLOW;
    return solve_shares_full(a, b, (int64_t)r, max_work);
}

/* Two different index tuples i, j with sum(a*i) == sum(a*j).  With
 * i' = i and j' = ub - j this is sum(a*i') + sum(a*j') == sum(a*ub), a
 * problem over doubled bounds whose trivial solution (i' == j' == ub/2...,
 * i.e. i == j) must be excluded. */
static ov_result solve_internal(const nd_array *a, int64_t max_work) {
    if (a->flags & ND_C_CONTIGUOUS) return OV_NO;
    term E[ND_MAXDIMS + 1];
    int n = 0, m = 0;
    if (!add_axes(a, E, &n, false)) return OV_OVERFLOW;
    if (a->dtype->itemsize > 1) E[n++] = (term){1, a->dtype->itemsize - 1};
    for (int j = 0; j < n; j++) {
        if (E[j].ub == 0) continue;
        if (E[j].ub < 0) return OV_NO;
        if (E[j].a == 0) return OV_YES; // a stride-0 axis longer than 1
        E[m++] = E[j];
    }
    for (int j = 0; j < m; j++)
        if (__builtin_mul_overflow(E[j].ub, 2, &E[j].ub)) return OV_OVERFLOW;
    // No simplify here: merging terms would change which solution is trivial.
    sort_terms(E, m);
    return solve(E, m, -1, max_work, true);
}

static int finish(ov_result r) {
    switch (r) {
    case OV_NO:
        return 0;
    case OV_YES:
        return 1;
    case OV_TOOHARD:
        return nd__err(ND_ETOOHARD, "Exceeded max_work");
    default:
        return nd__err(ND_EOVERFLOW, "Integer overflow in computing overlap");
    }
}

int nd_shares_memory(const nd_array *a, const nd_array *b, int64_t max_work) {
    // NumPy accepts -2 (unbounded, used internally) but nothing below it.
    if (max_work < -2) return nd__err(ND_EVALUE, "Invalid value for max_work");
    return finish(solve_shares(a, b, max_work));
}

int nd_internal_overlap(const nd_array *a, int64_t max_work) {
    if (max_work < -2) return nd__err(ND_EVALUE, "Invalid value for max_work");
    return finish(solve_internal(a, max_work));
}
