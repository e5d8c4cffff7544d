/* sort.c — sort, argsort: NumPy 1.24's npysort algorithms.
 *
 * 'quicksort' is NumPy's introsort (median-of-3 quicksort, insertion sort
 * below 16 elements, heapsort past a depth of 2*log2(n)) and 'heapsort' its
 * heapsort, step for step, so equal keys (and -0.0/+0.0) end up in the same
 * order as NumPy's.  Stable sorts have only one possible result, so one
 * merge sort serves 'mergesort' and 'stable' (NumPy uses timsort or radix
 * sort there).  NaNs sort last; complex values lexicographically with NaN
 * parts last, as npysort's comparisons do. */
#include "nd_internal.h"

#define SMALL_QUICKSORT 15
#define SMALL_MERGESORT 20
#define QS_STACK 128 /* >= 2 * bits of int64: the larger part is pushed */

#include "npysort_lt.h"

/* One set of value sorts and index sorts per type.  The index variants
 * (a*) order tosort[] by v[tosort[i]], as NumPy's aquicksort etc. */
#define DEFINE_SORTS(S, T, LT)                                                                          \
    static void heap_##S(T *start, int64_t n) {                                                         \
        T tmp, *a = start - 1;                                                                          \
        int64_t i, j, l;                                                                                \
        for (l = n >> 1; l > 0; --l) {                                                                  \
            tmp = a[l];                                                                                 \
            for (i = l, j = l << 1; j <= n;) {                                                          \
                if (j < n && LT(a[j], a[j + 1])) j += 1;                                                \
                if (LT(tmp, a[j])) { a[i] = a[j]; i = j; j += j; }                                      \
                else break;                                                                             \
            }                                                                                           \
            a[i] = tmp;                                                                                 \
        }                                                                                               \
        for (; n > 1;) {                                                                                \
            tmp = a[n]; a[n] = a[1]; n -= 1;                                                            \
            for (i = 1, j = 2; j <= n;) {                                                               \
                if (j < n && LT(a[j], a[j + 1])) j++;                                                   \
                if (LT(tmp, a[j])) { a[i] = a[j]; i = j; j += j; }                                      \
                else break;                                                                             \
            }                                                                                           \
            a[i] = tmp;                                                                                 \
        }                                                                                               \
    }                                                                                                   \
    static void aheap_##S(const T *v, int64_t *tosort, int64_t n) {                                     \
        int64_t *a = tosort - 1, tmp, i, j, l;                                                          \
        for (l = n >> 1; l > 0; --l) {                                                                  \
            tmp = a[l];                                                                                 \
            for (i = l, j = l << 1; j <= n;) {                                                          \
                if (j < n && LT(v[a[j]], v[a[j + 1]])) j += 1;                                          \
                if (LT(v[tmp], v[a[j]])) { a[i] = a[j]; i = j; j += j; }                                \
                else break;                                                                             \
            }                                                                                           \
            a[i] = tmp;                                                                                 \
        }                                                                                               \
        for (; n > 1;) {                                                                                \
            tmp = a[n]; a[n] = a[1]; n -= 1;                                                            \
            for (i = 1, j = 2; j <= n;) {                                                               \
                if (j < n && LT(v[a[j]], v[a[j + 1]])) j++;                                             \
                if (LT(v[tmp], v[a[j]])) { a[i] = a[j]; i = j; j += j; }                                \
                else break;                                                                             \
            }                                                                                           \
            a[i] = tmp;                                                                                 \
        }                                                                                               \
    }                                                                                                   \
    static void quick_##S(T *start, int64_t num) {                                                      \
        T vp, t, *pl = start, *pr = pl + num - 1, *stack[QS_STACK], **sptr = stack;                     \
        T *pm, *pi, *pj, *pk;                                                                           \
        int depth[QS_STACK], *psdepth = depth, cdepth = msb(num) * 2;                                   \
        for (;;) {                                                                                      \
            if (ND_UNLIKELY(cdepth < 0)) {                                                              \
                heap_##S(pl, pr - pl + 1);                                                              \
                goto stack_pop;                                                                         \
            }                                                                                           \
            while ((pr - pl) > SMALL_QUICKSORT) {                                                       \
                pm = pl + ((pr - pl) >> 1);                                                             \
                if (LT(*pm, *pl)) { t = *pm; *pm = *pl; *pl = t; }                                      \
                if (LT(*pr, *pm)) { t = *pr; *pr = *pm; *pm = t; }                                      \
                if (LT(*pm, *pl)) { t = *pm; *pm = *pl; *pl = t; }                                      \
                vp = *pm;                                                                               \
                pi = pl;                                                                                \
                pj = pr - 1;                                                                            \
                t = *pm; *pm = *pj; *pj = t;                                                            \
                for (;;) {                                                                              \
                    do ++pi; while (LT(*pi, vp));                                                       \
                    do --pj; while (LT(vp, *pj));                                                       \
                    if (pi >= pj) break;                                                                \
                    t = *pi; *pi = *pj; *pj = t;                                                        \
                }                                                                                       \
                pk = pr - 1;                                                                            \
                t = *pi; *pi = *pk; *pk = t;                                                            \
                if (pi - pl < pr - pi) { *sptr++ = pi + 1; *sptr++ = pr; pr = pi - 1; }                 \
                else { *sptr++ = pl; *sptr++ = pi - 1; pl = pi + 1; }                                   \
                *psdepth++ = --cdepth;                                                                  \
            }                                                                                           \
            for (pi = pl + 1; pi <= pr; ++pi) {                                                         \
                vp = *pi; pj = pi; pk = pi - 1;                                                         \
                while (pj > pl && LT(vp, *pk)) *pj-- = *pk--;                                           \
                *pj = vp;                                                                               \
            }                                                                                           \
        stack_pop:                                                                                      \
            if (sptr == stack) break;                                                                   \
            pr = *(--sptr);                                                                             \
            pl = *(--sptr);                                                                             \
            cdepth = *(--psdepth);                                                                      \
        }                                                                                               \
    }                                                                                                   \
    static void aquick_##S(const T *v, int64_t *tosort, int64_t num) {                                  \
        T vp;                                                                                           \
        int64_t *pl = tosort, *pr = tosort + num - 1, *stack[QS_STACK], **sptr = stack;                 \
        int64_t *pm, *pi, *pj, *pk, vi, t;                                                              \
        int depth[QS_STACK], *psdepth = depth, cdepth = msb(num) * 2;                                   \
        for (;;) {                                                                                      \
            if (ND_UNLIKELY(cdepth < 0)) {                                                              \
                aheap_##S(v, pl, pr - pl + 1);                                                          \
                goto stack_pop;                                                                         \
            }                                                                                           \
            while ((pr - pl) > SMALL_QUICKSORT) {                                                       \
                pm = pl + ((pr - pl) >> 1);                                                             \
                if (LT(v[*pm], v[*pl])) { t = *pm; *pm = *pl; *pl = t; }                                \
                if (LT(v[*pr], v[*pm])) { t = *pr; *pr = *pm; *pm = t; }                                \
                if (LT(v[*pm], v[*pl])) { t = *pm; *pm = *pl; *pl = t; }                                \
                vp = v[*pm];                                                                            \
                pi = pl;                                                                                \
                pj = pr - 1;                                                                            \
                t = *pm; *pm = *pj; *pj = t;                                                            \
                for (;;) {                                                                              \
                    do ++pi; while (LT(v[*pi], vp));                                                    \
                    do --pj; while (LT(vp, v[*pj]));                                                    \
                    if (pi >= pj) break;                                                                \
                    t = *pi; *pi = *pj; *pj = t;                                                        \
                }                                                                                       \
                pk = pr - 1;                                                                            \
                t = *pi; *pi = *pk; *pk = t;                                                            \
                if (pi - pl < pr - pi) { *sptr++ = pi + 1; *sptr++ = pr; pr = pi - 1; }                 \
                else { *sptr++ = pl; *sptr++ = pi - 1; pl = pi + 1; }                                   \
                *psdepth++ = --cdepth;                                                                  \
            }                                                                                           \
            for (pi = pl + 1; pi <= pr; ++pi) {                                                         \
                vi = *pi; vp = v[vi]; pj = pi; pk = pi - 1;                                             \
                while (pj > pl && LT(vp, v[*pk])) *pj-- = *pk--;                                        \
                *pj = vi;                                                                               \
            }                                                                                           \
        stack_pop:                                                                                      \
            if (sptr == stack) break;                                                                   \
            pr = *(--sptr);                                                                             \
            pl = *(--sptr);                                                                             \
            cdepth = *(--psdepth);                                                                      \
        }                                                                                               \
    }                                                                                                   \
    static void merge_##S(T *pl, T *pr, T *pw) {                                                        \
        T vp, *pi, *pj, *pk, *pm;                                                                       \
        if (pr - pl > SMALL_MERGESORT) {                                                                \
            pm = pl + ((pr - pl) >> 1);                                                                 \
            merge_##S(pl, pm, pw);                                                                      \
            merge_##S(pm, pr, pw);                                                                      \
            for (pi = pw, pj = pl; pj < pm;) *pi++ = *pj++;                                             \
            pi = pw + (pm - pl); pj = pw; pk = pl;                                                      \
            while (pj < pi && pm < pr) {                                                                \
                if (LT(*pm, *pj)) *pk++ = *pm++;                                                        \
                else *pk++ = *pj++;                                                                     \
            }                                                                                           \
            while (pj < pi) *pk++ = *pj++;                                                              \
        } else {                                                                                        \
            for (pi = pl + 1; pi < pr; ++pi) {                                                          \
                vp = *pi; pj = pi; pk = pi - 1;                                                         \
                while (pj > pl && LT(vp, *pk)) *pj-- = *pk--;                                           \
                *pj = vp;                                                                               \
            }                                                                                           \
        }                                                                                               \
    }                                                                                                   \
    static void amerge_##S(const T *v, int64_t *pl, int64_t *pr, int64_t *pw) {                         \
        int64_t vi, *pi, *pj, *pk, *pm;                                                                 \
        if (pr - pl > SMALL_MERGESORT) {                                                                \
            pm = pl + ((pr - pl) >> 1);                                                                 \
            amerge_##S(v, pl, pm, pw);                                                                  \
            amerge_##S(v, pm, pr, pw);                                                                  \
            for (pi = pw, pj = pl; pj < pm;) *pi++ = *pj++;                                             \
            pi = pw + (pm - pl); pj = pw; pk = pl;                                                      \
            while (pj < pi && pm < pr) {                                                                \
                if (LT(v[*pm], v[*pj])) *pk++ = *pm++;                                                  \
                else *pk++ = *pj++;                                                                     \
            }                                                                                           \
            while (pj < pi) *pk++ = *pj++;                                                              \
        } else {                                                                                        \
            for (pi = pl + 1; pi < pr; ++pi) {                                                          \
                vi = *pi; pj = pi; pk = pi - 1;                                                         \
                while (pj > pl && LT(v[vi], v[*pk])) *pj-- = *pk--;                                     \
                *pj = vi;                                                                               \
            }                                                                                           \
        }                                                                                               \
    }                                                                                                   \
    static void sort_##S(void *v, int64_t n, int kind, void *buf) {                                     \
        if (kind == 'q') quick_##S(v, n);                                                               \
        else if (kind == 'h') heap_##S(v, n);                                                           \
        else merge_##S(v, (T *)v + n, buf);                                                             \
    }                                                                                                   \
    static void asort_##S(const void *v, int64_t *idx, int64_t n, int kind, int64_t *buf) {             \
        if (kind == 'q') aquick_##S(v, idx, n);                                                         \
        else if (kind == 'h') aheap_##S(v, idx, n);                                                     \
        else amerge_##S(v, idx, idx + n, buf);                                                          \
    }

DEFINE_SORTS(bool, uint8_t, LT_INT)
DEFINE_SORTS(i8, int8_t, LT_INT)
DEFINE_SORTS(u8, uint8_t, LT_INT)
DEFINE_SORTS(i16, int16_t, LT_INT)
DEFINE_SORTS(u16, uint16_t, LT_INT)
DEFINE_SORTS(i32, int32_t, LT_INT)
DEFINE_SORTS(u32, uint32_t, LT_INT)
DEFINE_SORTS(i64, int64_t, LT_INT)
DEFINE_SORTS(u64, uint64_t, LT_INT)
DEFINE_SORTS(f16, uint16_t, LT_HALF)
DEFINE_SORTS(f32, float, LT_FLT)
DEFINE_SORTS(f64, double, LT_FLT)
DEFINE_SORTS(c64, c64_t, LT_CPLX)
DEFINE_SORTS(c128, c128_t, LT_CPLX)

/* ---- records ----
 * NumPy has no typed sorts for void: it runs its generic npy_quicksort,
 * npy_heapsort and npy_aquicksort/npy_aheapsort with VOID_compare
 * (nd__record_cmp), whose partition loops also stop at pj, so the order
 * of equal records is NumPy's.  Stable kinds use a merge sort (NumPy's
 * generic timsort gives the same, only possible, result). */
#define VLT(dt, a, b) (nd__record_cmp((dt), (a), (b)) < 0)

static void vswap(char *a, char *b, int64_t n) {
    for (int64_t k = 0; k < n; k++) {
        char t = a[k];
        a[k] = b[k];
        b[k] = t;
    }
}

/* Sift tmp down from slot i of the 1-based heap a[1..num]. */
static void vsift(const nd_dtype *dt, char *a, int64_t i, int64_t num, const char *tmp) {
    int64_t es = dt->itemsize;
    for (int64_t j = i << 1; j <= num;) {
        if (j < num && VLT(dt, a + j * es, a + (j + 1) * es)) ++j;
        if (!VLT(dt, tmp, a + j * es)) break;
        memcpy(a + i * es, a + j * es, (size_t)es);
        i = j;
        j += j;
    }
    memcpy(a + i * es, tmp, (size_t)es);
}

static void vheap(const nd_dtype *dt, char *start, int64_t num, char *tmp) {
    int64_t es = dt->itemsize;
    char *a = start - es;
    for (int64_t l = num >> 1; l > 0; --l) {
        memcpy(tmp, a + l * es, (size_t)es);
        vsift(dt, a, l, num, tmp);
    }
    for (; num > 1;) {
        memcpy(tmp, a + num * es, (size_t)es);
        memcpy(a + num * es, a + es, (size_t)es);
        num -= 1;
        vsift(dt, a, 1, num, tmp);
    }
}

static void vquick(const nd_dtype *dt, char *start, int64_t num, char *vp) {
    int64_t es = dt->itemsize;
    char *pl = start, *pr = pl + (num - 1) * es, *stack[QS_STACK], **sptr = stack, *pm, *pi, *pj, *pk;
    int depth[QS_STACK], *psdepth = depth, cdepth = msb(num) * 2;
    for (;;) {
        if (ND_UNLIKELY(cdepth < 0)) {
            vheap(dt, pl, (pr - pl) / es + 1, vp);
            goto stack_pop;
        }
        while (pr - pl > SMALL_QUICKSORT * es) {
            pm = pl + (((pr - pl) / es) >> 1) * es;
            if (VLT(dt, pm, pl)) vswap(pm, pl, es);
            if (VLT(dt, pr, pm)) vswap(pr, pm, es);
            if (VLT(dt, pm, pl)) vswap(pm, pl, es);
            memcpy(vp, pm, (size_t)es);
            pi = pl;
            pj = pr - es;
            vswap(pm, pj, es);
            for (;;) {
                do pi += es; while (VLT(dt, pi, vp) && pi < pj);
                do pj -= es; while (VLT(dt, vp, pj) && pi < pj);
                if (pi >= pj) break;
                vswap(pi, pj, es);
            }
            pk = pr - es;
            vswap(pi, pk, es);
            if (pi - pl < pr - pi) { *sptr++ = pi + es; *sptr++ = pr; pr = pi - es; }
            else { *sptr++ = pl; *sptr++ = pi - es; pl = pi + es; }
            *psdepth++ = --cdepth;
        }
        for (pi = pl + es; pi <= pr; pi += es) {
            memcpy(vp, pi, (size_t)es);
            for (pj = pi, pk = pi - es; pj > pl && VLT(dt, vp, pk); pj -= es, pk -= es) memcpy(pj, pk, (size_t)es);
            memcpy(pj, vp, (size_t)es);
        }
    stack_pop:
        if (sptr == stack) break;
        pr = *(--sptr);
        pl = *(--sptr);
        cdepth = *(--psdepth);
    }
}

/* Stable: top-down merge sort, pw holds (n/2 + 1) records, vp one. */
static void vmerge(const nd_dtype *dt, char *pl, char *pr, char *pw, char *vp) {
    int64_t es = dt->itemsize;
    char *pi, *pj, *pk, *pm;
    if (pr - pl > SMALL_MERGESORT * es) {
        pm = pl + (((pr - pl) / es) >> 1) * es;
        vmerge(dt, pl, pm, pw, vp);
        vmerge(dt, pm, pr, pw, vp);
        memcpy(pw, pl, (size_t)(pm - pl));
        pi = pw + (pm - pl);
        pj = pw;
        pk = pl;
        while (pj < pi && pm < pr) {
            if (VLT(dt, pm, pj)) { memcpy(pk, pm, (size_t)es); pm += es; }
            else { memcpy(pk, pj, (size_t)es); pj += es; }
            pk += es;
        }
        if (pj < pi) memcpy(pk, pj, (size_t)(pi - pj));
        return;
    }
    for (pi = pl + es; pi < pr; pi += es) {
        memcpy(vp, pi, (size_t)es);
        for (pj = pi, pk = pi - es; pj > pl && VLT(dt, vp, pk); pj -= es, pk -= es) memcpy(pj, pk, (size_t)es);
        memcpy(pj, vp, (size_t)es);
    }
}

#define VAT(i) (v + (i) * es)

static void avheap(const nd_dtype *dt, const char *v, int64_t *tosort, int64_t n) {
    int64_t es = dt->itemsize, *a = tosort - 1, i, j, l, tmp;
    for (l = n >> 1; l > 0; --l) {
        tmp = a[l];
        for (i = l, j = l << 1; j <= n;) {
            if (j < n && VLT(dt, VAT(a[j]), VAT(a[j + 1]))) ++j;
            if (!VLT(dt, VAT(tmp), VAT(a[j]))) break;
            a[i] = a[j];
            i = j;
            j += j;
        }
        a[i] = tmp;
    }
    for (; n > 1;) {
        tmp = a[n];
        a[n] = a[1];
        n -= 1;
        for (i = 1, j = 2; j <= n;) {
            if (j < n && VLT(dt, VAT(a[j]), VAT(a[j + 1]))) ++j;
            if (!VLT(dt, VAT(tmp), VAT(a[j]))) break;
            a[i] = a[j];
            i = j;
            j += j;
        }
        a[i] = tmp;
    }
}

static void avquick(const nd_dtype *dt, const char *v, int64_t *tosort, int64_t num) {
    int64_t es = dt->itemsize, *pl = tosort, *pr = tosort + num - 1, *stack[QS_STACK], **sptr = stack;
    int64_t *pm, *pi, *pj, *pk, vi, t;
    const char *vp;
    int depth[QS_STACK], *psdepth = depth, cdepth = msb(num) * 2;
    for (;;) {
        if (ND_UNLIKELY(cdepth < 0)) {
            avheap(dt, v, pl, pr - pl + 1);
            goto stack_pop;
        }
        while ((pr - pl) > SMALL_QUICKSORT) {
            pm = pl + ((pr - pl) >> 1);
            if (VLT(dt, VAT(*pm), VAT(*pl))) { t = *pm; *pm = *pl; *pl = t; }
            if (VLT(dt, VAT(*pr), VAT(*pm))) { t = *pr; *pr = *pm; *pm = t; }
            if (VLT(dt, VAT(*pm), VAT(*pl))) { t = *pm; *pm = *pl; *pl = t; }
            vp = VAT(*pm);
            pi = pl;
            pj = pr - 1;
            t = *pm; *pm = *pj; *pj = t;
            for (;;) {
                do ++pi; while (VLT(dt, VAT(*pi), vp) && pi < pj);
                do --pj; while (VLT(dt, vp, VAT(*pj)) && pi < pj);
                if (pi >= pj) break;
                t = *pi; *pi = *pj; *pj = t;
            }
            pk = pr - 1;
            t = *pi; *pi = *pk; *pk = t;
            if (pi - pl < pr - pi) { *sptr++ = pi + 1; *sptr++ = pr; pr = pi - 1; }
            else { *sptr++ = pl; *sptr++ = pi - 1; pl = pi + 1; }
            *psdepth++ = --cdepth;
        }
        for (pi = pl + 1; pi <= pr; ++pi) {
            vi = *pi;
            vp = VAT(vi);
            for (pj = pi, pk = pi - 1; pj > pl && VLT(dt, vp, VAT(*pk));) *pj-- = *pk--;
            *pj = vi;
        }
    stack_pop:
        if (sptr == stack) break;
        pr = *(--sptr);
        pl = *(--sptr);
        cdepth = *(--psdepth);
    }
}

static void avmerge(const nd_dtype *dt, const char *v, int64_t *pl, int64_t *pr, int64_t *pw) {
    int64_t es = dt->itemsize, vi, *pi, *pj, *pk, *pm;
    if (pr - pl > SMALL_MERGESORT) {
        pm = pl + ((pr - pl) >> 1);
        avmerge(dt, v, pl, pm, pw);
        avmerge(dt, v, pm, pr, pw);
        for (pi = pw, pj = pl; pj < pm;) *pi++ = *pj++;
        pi = pw + (pm - pl);
        pj = pw;
        pk = pl;
        while (pj < pi && pm < pr) {
            if (VLT(dt, VAT(*pm), VAT(*pj))) *pk++ = *pm++;
            else *pk++ = *pj++;
        }
        while (pj < pi) *pk++ = *pj++;
        return;
    }
    for (pi = pl + 1; pi < pr; ++pi) {
        vi = *pi;
        for (pj = pi, pk = pi - 1; pj > pl && VLT(dt, VAT(vi), VAT(*pk));) *pj-- = *pk--;
        *pj = vi;
    }
}
#undef VAT

/* Sort one contiguous lane of n records; work: (n/2 + 2) records. */
static void vsort(const nd_dtype *dt, char *v, int64_t n, int kind, char *work) {
    int64_t es = dt->itemsize;
    if (kind == 'q') vquick(dt, v, n, work);
    else if (kind == 'h') vheap(dt, v, n, work);
    else vmerge(dt, v, v + n * es, work + es, work);
}

static void avsort(const nd_dtype *dt, const char *v, int64_t *idx, int64_t n, int kind, int64_t *work) {
    if (kind == 'q') avquick(dt, v, idx, n);
    else if (kind == 'h') avheap(dt, v, idx, n);
    else avmerge(dt, v, idx, idx + n, work);
}

void nd__argsort_records(const nd_dtype *dt, const char *v, int64_t *idx, int64_t n) {
    if (dt->itemsize) avquick(dt, v, idx, n); /* NumPy leaves empty records unsorted */
}

typedef void (*sort_fn)(void *v, int64_t n, int kind, void *buf);
typedef void (*asort_fn)(const void *v, int64_t *idx, int64_t n, int kind, int64_t *buf);

static const sort_fn sorts[] = {sort_bool, sort_i8,  sort_u8,  sort_i16, sort_u16, sort_i32, sort_u32,
                                sort_i64,  sort_u64, sort_f16, sort_f32, sort_f64, sort_c64, sort_c128};
static const asort_fn asorts[] = {asort_bool, asort_i8,  asort_u8,  asort_i16, asort_u16, asort_i32, asort_u32,
                                  asort_i64,  asort_u64, asort_f16, asort_f32, asort_f64, asort_c64, asort_c128};
_Static_assert(sizeof sorts / sizeof sorts[0] == ND_NTYPES, "one sort per type");
_Static_assert(sizeof asorts / sizeof asorts[0] == ND_NTYPES, "one argsort per type");

/* NumPy's PyArray_SortkindConverter: the first letter decides. */
int nd__sort_kind(const char *kind) {
    if (!kind) return 'q';
    switch (kind[0]) {
    case 'q': case 'Q': return 'q';
    case 'h': case 'H': return 'h';
    case 'm': case 'M': case 's': case 'S': return 's';
    default:
        return nd__err(ND_EVALUE, "sort kind must be one of 'quick', 'heap', or 'stable' (got '%s')", kind);
    }
}

bool nd__next_lane(int nd, int axis, const int64_t *shape, int64_t *ctr, char **p, const int64_t *ps, char **q,
                      const int64_t *qs) {
    for (int i = nd - 1; i >= 0; i--) {
        if (i == axis) continue;
        if (++ctr[i] < shape[i]) {
            *p += ps[i];
            if (q) *q += qs[i];
            return true;
        }
        *p -= ps[i] * (shape[i] - 1);
        if (q) *q -= qs[i] * (shape[i] - 1);
        ctr[i] = 0;
    }
    return false;
}

void nd__lane_io(const nd_dtype *dt, int64_t n, char *dst, int64_t ds, const char *src, int64_t ss) {
    if (dt->swapped) nd__swap_raw(1, &n, dst, &ds, src, &ss, dt);
    else nd__copy_raw(1, &n, dst, &ds, src, &ss, dt->itemsize);
}

/* NumPy 1.24 quicksorts float32 with its AVX-512 kernel on CPUs with
 * AVX512_SKX: NaNs become +inf for the sort, and the canonical quiet NaN
 * (positive) is written back over the last ones, so their sign and
 * payload are lost.  Do the same on such CPUs. */
static bool numpy_avx512_sort(void) {
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
#else
    return false;
#endif
}

static void canon_nans_f32(char *lane, int64_t n) {
    int64_t nans = 0;
    for (int64_t i = n - 1; i >= 0; i--) { /* NaNs sorted last */
        float f;
        memcpy(&f, lane + i * 4, 4);
        if (f == f) break;
        nans++;
    }
    const uint32_t qnan = 0x7fc00000u;
    for (int64_t i = n - nans; i < n; i++) memcpy(lane + i * 4, &qnan, 4);
}

/* sort_axis for records: lanes sorted in place when contiguous, else in
 * a buffer (the comparison copes with any alignment). */
static int sort_axis_void(nd_array *r, int axis, int kind) {
    int64_t n = r->shape[axis], st = r->strides[axis], isz = r->dtype->itemsize;
    if (n <= 1 || nd_size(r) == 0 || isz == 0) return 0;
    bool direct = st == isz;
    char *buf = direct ? NULL : nd__malloc((size_t)(n * isz));
    char *work = nd__malloc((size_t)((n / 2 + 2) * isz));
    if ((!direct && !buf) || !work) {
        nd__free_mem(buf);
        nd__free_mem(work);
        return nd__err(ND_ENOMEM, NULL);
    }
    int64_t ctr[ND_MAXDIMS] = {0};
    char *p = r->data;
    do {
        if (direct) {
            vsort(r->dtype, p, n, kind, work);
        } else {
            nd__copy_raw(1, &n, buf, &isz, p, &st, isz);
            vsort(r->dtype, buf, n, kind, work);
            nd__copy_raw(1, &n, p, &st, buf, &isz, isz);
        }
    } while (nd__next_lane(r->ndim, axis, r->shape, ctr, &p, r->strides, NULL, NULL));
    nd__free_mem(buf);
    nd__free_mem(work);
    return 0;
}

/* Sort r in place along axis (normalised, r writeable, not 0-d). */
static int sort_axis(nd_array *r, int axis, int kind) {
    if (ND_UNLIKELY(nd__is_void(r->dtype))) return sort_axis_void(r, axis, kind);
    int64_t n = r->shape[axis], st = r->strides[axis], isz = r->dtype->itemsize;
    if (n <= 1 || nd_size(r) == 0) return 0;
    bool direct = st == isz && !r->dtype->swapped && (r->flags & ND_ALIGNED);
    char *buf = direct ? NULL : nd__malloc((size_t)(n * isz));
    char *work = kind == 's' ? nd__malloc((size_t)((n / 2 + 1) * isz)) : NULL;
    if ((!direct && !buf) || (kind == 's' && !work)) {
        nd__free_mem(buf);
        nd__free_mem(work);
        return ND_ENOMEM;
    }
    sort_fn fn = sorts[r->dtype->type];
    bool canon = kind == 'q' && r->dtype->type == ND_FLOAT32 && numpy_avx512_sort();
    int64_t ctr[ND_MAXDIMS] = {0};
    char *p = r->data;
    do {
        if (direct) {
            fn(p, n, kind, work);
            if (canon) canon_nans_f32(p, n);
        } else {
            nd__lane_io(r->dtype, n, buf, isz, p, st);
            fn(buf, n, kind, work);
            if (canon) canon_nans_f32(buf, n);
            nd__lane_io(r->dtype, n, p, st, buf, isz);
        }
    } while (nd__next_lane(r->ndim, axis, r->shape, ctr, &p, r->strides, NULL, NULL));
    nd__free_mem(buf);
    nd__free_mem(work);
    return 0;
}

nd_array *nd__sort_copy(const nd_array *a, int *axis) {
    if (*axis == ND_AXIS_NONE) {
        *axis = 0;
        return nd_flatten(a, 'C');
    }
    return nd__axis(axis, a->ndim) ? nd_copy(a, 'K') : NULL;
}

nd_array *nd__arg_source(const nd_array *a, int *axis, nd_array **flat) {
    *flat = NULL;
    if (*axis == ND_AXIS_NONE || a->ndim == 0) {
        /* NumPy's PyArray_CheckAxis: a 0-d array or axis None is raveled. */
        if (*axis != ND_AXIS_NONE && !nd__axis(axis, 1)) return NULL;
        int64_t n = nd_size(a);
        *flat = (a->flags & ND_C_CONTIGUOUS) ? nd_reshape((nd_array *)a, 1, &n, 'C', ND_COPY_NEVER)
                                             : nd_flatten(a, 'C');
        *axis = 0;
        return *flat;
    }
    return nd__axis(axis, a->ndim) ? (nd_array *)a : NULL;
}

nd_array *nd_sort(const nd_array *a, int axis, const char *kind) {
    int k = nd__sort_kind(kind);
    if (k < 0) return NULL;
    nd_array *r = nd__sort_copy(a, &axis);
    if (!r) return NULL;
    if (sort_axis(r, axis, k) < 0) {
        nd_release(r);
        return NULL;
    }
    return r;
}

int nd_sort_inplace(nd_array *a, int axis, const char *kind) {
    int k = nd__sort_kind(kind);
    if (k < 0) return k;
    if (axis == ND_AXIS_NONE) return nd__err(ND_ETYPE, "'NoneType' object cannot be interpreted as an integer");
    if (!nd__axis(&axis, a->ndim)) return ND_EAXIS;
    if (!(a->flags & ND_WRITEABLE)) return nd__err(ND_EREADONLY, "sort array is read-only");
    return sort_axis(a, axis, k);
}

/* Argsort src along axis into the C-contiguous int64 array r. */
static int argsort_axis(const nd_array *src, int axis, int kind, nd_array *r) {
    int64_t n = src->shape[axis], isz = src->dtype->itemsize;
    if (nd_size(r) == 0) return 0;
    char *vbuf = nd__malloc((size_t)(n * isz));
    int64_t *ibuf = nd__malloc((size_t)n * sizeof *ibuf);
    int64_t *work = kind == 's' ? nd__malloc((size_t)(n / 2 + 1) * sizeof *work) : NULL;
    if (!vbuf || !ibuf || (kind == 's' && !work)) {
        nd__free_mem(vbuf);
        nd__free_mem(ibuf);
        nd__free_mem(work);
        return ND_ENOMEM;
    }
    bool rec = nd__is_void(src->dtype);
    asort_fn fn = rec ? NULL : asorts[src->dtype->type];
    int64_t ctr[ND_MAXDIMS] = {0}, ist = r->strides[axis];
    char *p = src->data, *q = r->data;
    do {
        nd__lane_io(src->dtype, n, vbuf, isz, p, src->strides[axis]);
        for (int64_t i = 0; i < n; i++) ibuf[i] = i;
        if (ND_UNLIKELY(rec)) {
            if (isz) avsort(src->dtype, vbuf, ibuf, n, kind, work); /* NumPy leaves empty records unsorted */
        } else {
            fn(vbuf, ibuf, n, kind, work);
        }
        for (int64_t i = 0; i < n; i++) memcpy(q + i * ist, &ibuf[i], sizeof *ibuf);
    } while (nd__next_lane(src->ndim, axis, src->shape, ctr, &p, src->strides, &q, r->strides));
    nd__free_mem(vbuf);
    nd__free_mem(ibuf);
    nd__free_mem(work);
    return 0;
}

nd_array *nd_argsort(const nd_array *a, int axis, const char *kind) {
    int k = nd__sort_kind(kind);
    if (k < 0) return NULL;
    nd_array *flat, *r = NULL;
    const nd_array *src = nd__arg_source(a, &axis, &flat);
    if (!src) return NULL;
    r = nd__alloc_array(src->ndim, src->shape, nd_dtype_of(ND_INT64), 'C');
    if (!r || argsort_axis(src, axis, k, r) < 0) {
        nd_release(r);
        r = NULL;
    }
    nd_release(flat);
    return r;
}
