/* partition.c — partition and argpartition: NumPy 1.24's introselect
 * (npysort/selection.cpp) step for step over each lane, the kth values in
 * ascending order with the pivot stack NumPy keeps between them, so every
 * element lands where NumPy puts it. */
#include "nd_internal.h"
#include "npysort_lt.h"

#define MAX_PIVOTS 50 /* NPY_MAX_PIVOT_STACK */

/* Remember partition points at or above kth for the next (larger) kth. */
static inline void store_pivot(int64_t pivot, int64_t kth, int64_t *pivots, int64_t *npiv) {
    if (!pivots) return;
    if (pivot == kth && *npiv == MAX_PIVOTS) pivots[*npiv - 1] = pivot;
    else if (pivot >= kth && *npiv < MAX_PIVOTS) pivots[(*npiv)++] = pivot;
}

/* One introselect per type and mode (GET_/SWP_/SUB_ take ARG as their first
 * argument so it is substituted first).  ARG 1 permutes ts[] by v[ts[i]]
 * (argpartition), ARG 0 moves the values; SUB(off) is the sub-range from
 * off in either mode.  INEXACT: NumPy's shortcut for kth == num - 1 exists
 * for float and complex types only (not half, stored as an integer). */
#define GET_(ARG, i) (ARG ? v[ts[i]] : v[i])
#define SWP_(ARG, T, i, j)                                                                                       \
    do {                                                                                                \
        int64_t i_ = (i), j_ = (j);                                                                     \
        if (ARG) { int64_t t_ = ts[i_]; ts[i_] = ts[j_]; ts[j_] = t_; }                                 \
        else { T t_ = v[i_]; v[i_] = v[j_]; v[j_] = t_; }                                               \
    } while (0)
#define SUB_(ARG, off) (ARG ? v : v + (off)), (ARG ? ts + (off) : ts)

#define DEFINE_SELECT(S, T, LT, INEXACT, ARG)                                                           \
    static void select_##S(T *v, int64_t *ts, int64_t num, int64_t kth, int64_t *pivots, int64_t *npiv);\
    static int64_t median5_##S(T *v, int64_t *ts) {                                                     \
        if (LT(GET_(ARG, 1), GET_(ARG, 0))) SWP_(ARG, T, 1, 0);                                                              \
        if (LT(GET_(ARG, 4), GET_(ARG, 3))) SWP_(ARG, T, 4, 3);                                                              \
        if (LT(GET_(ARG, 3), GET_(ARG, 0))) SWP_(ARG, T, 3, 0);                                                              \
        if (LT(GET_(ARG, 4), GET_(ARG, 1))) SWP_(ARG, T, 4, 1);                                                              \
        if (LT(GET_(ARG, 2), GET_(ARG, 1))) SWP_(ARG, T, 2, 1);                                                              \
        if (LT(GET_(ARG, 3), GET_(ARG, 2))) return LT(GET_(ARG, 3), GET_(ARG, 1)) ? 1 : 3;                                      \
        return 2;                                                                                       \
    }                                                                                                   \
    static int64_t mom5_##S(T *v, int64_t *ts, int64_t num) { /* median of medians of 5 */              \
        int64_t nmed = num / 5;                                                                         \
        for (int64_t i = 0, sub = 0; i < nmed; i++, sub += 5) {                                         \
            int64_t m = median5_##S(SUB_(ARG, sub));                                                          \
            SWP_(ARG, T, sub + m, i);                                                                            \
        }                                                                                               \
        if (nmed > 2) select_##S(v, ts, nmed, nmed / 2, NULL, NULL);                                    \
        return nmed / 2;                                                                                \
    }                                                                                                   \
    static void dumb_##S(T *v, int64_t *ts, int64_t num, int64_t kth) { /* O(n*kth), kth small */       \
        for (int64_t i = 0; i <= kth; i++) {                                                            \
            int64_t mi = i;                                                                             \
            T mv = GET_(ARG, i);                                                                              \
            for (int64_t k = i + 1; k < num; k++)                                                       \
                if (LT(GET_(ARG, k), mv)) { mi = k; mv = GET_(ARG, k); }                                            \
            SWP_(ARG, T, i, mi);                                                                                 \
        }                                                                                               \
    }                                                                                                   \
    static void select_##S(T *v, int64_t *ts, int64_t num, int64_t kth, int64_t *pivots, int64_t *npiv) {\
        int64_t low = 0, high = num - 1;                                                                \
        if (!npiv) pivots = NULL;                                                                       \
        while (pivots && *npiv > 0) { /* earlier kths' pivots bound the range */                        \
            int64_t p = pivots[*npiv - 1];                                                              \
            if (p > kth) { high = p - 1; break; }                                                       \
            if (p == kth) return;                                                                       \
            low = p + 1;                                                                                \
            *npiv -= 1;                                                                                 \
        }                                                                                               \
        if (kth - low < 3) {                                                                            \
            dumb_##S(SUB_(ARG, low), high - low + 1, kth - low);                                              \
            store_pivot(kth, kth, pivots, npiv);                                                        \
            return;                                                                                     \
        }                                                                                               \
        if (INEXACT && kth == num - 1) {                                                                \
            int64_t mi = low;                                                                           \
            T mv = GET_(ARG, low);                                                                            \
            for (int64_t k = low + 1; k < num; k++)                                                     \
                if (!LT(GET_(ARG, k), mv)) { mi = k; mv = GET_(ARG, k); }                                           \
            SWP_(ARG, T, kth, mi);                                                                               \
            return;                                                                                     \
        }                                                                                               \
        int depth = msb(num) * 2;                                                                       \
        while (low + 1 < high) {                                                                        \
            int64_t ll = low + 1, hh = high;                                                            \
            if (depth > 0 || hh - ll < 5) { /* median of 3 to low, the smallest to low + 1 */           \
                int64_t mid = low + (high - low) / 2;                                                   \
                if (LT(GET_(ARG, high), GET_(ARG, mid))) SWP_(ARG, T, high, mid);                                            \
                if (LT(GET_(ARG, high), GET_(ARG, low))) SWP_(ARG, T, high, low);                                            \
                if (LT(GET_(ARG, low), GET_(ARG, mid))) SWP_(ARG, T, low, mid);                                              \
                SWP_(ARG, T, mid, low + 1);                                                                      \
            } else {                                                                                    \
                int64_t mid = ll + mom5_##S(SUB_(ARG, ll), hh - ll);                                          \
                SWP_(ARG, T, mid, low);                                                                          \
                ll--;                                                                                   \
                hh++;                                                                                   \
            }                                                                                           \
            depth--;                                                                                    \
            T pivot = GET_(ARG, low);                                                                         \
            for (;;) {                                                                                  \
                do ll++; while (LT(GET_(ARG, ll), pivot));                                                    \
                do hh--; while (LT(pivot, GET_(ARG, hh)));                                                    \
                if (hh < ll) break;                                                                     \
                SWP_(ARG, T, ll, hh);                                                                            \
            }                                                                                           \
            SWP_(ARG, T, low, hh);                                                                               \
            if (hh != kth) store_pivot(hh, kth, pivots, npiv);                                          \
            if (hh >= kth) high = hh - 1;                                                               \
            if (hh <= kth) low = ll;                                                                    \
        }                                                                                               \
        if (high == low + 1 && LT(GET_(ARG, high), GET_(ARG, low))) SWP_(ARG, T, high, low);                                 \
        store_pivot(kth, kth, pivots, npiv);                                                            \
    }                                                                                                   \
    static void part_##S(void *v, int64_t *ts, int64_t num, int64_t kth, int64_t *pivots, int64_t *npiv) {\
        select_##S((T *)v, ts, num, kth, pivots, npiv);                                                 \
    }

#define DEFINE_BOTH(S, T, LT, INEXACT)                                                                  \
    DEFINE_SELECT(S, T, LT, INEXACT, 0)                                                                 \
    DEFINE_SELECT(a##S, T, LT, INEXACT, 1)

DEFINE_BOTH(b1, uint8_t, LT_INT, 0)
DEFINE_BOTH(i8, int8_t, LT_INT, 0)
DEFINE_BOTH(u8, uint8_t, LT_INT, 0)
DEFINE_BOTH(i16, int16_t, LT_INT, 0)
DEFINE_BOTH(u16, uint16_t, LT_INT, 0)
DEFINE_BOTH(i32, int32_t, LT_INT, 0)
DEFINE_BOTH(u32, uint32_t, LT_INT, 0)
DEFINE_BOTH(i64, int64_t, LT_INT, 0)
DEFINE_BOTH(u64, uint64_t, LT_INT, 0)
DEFINE_BOTH(f16, uint16_t, LT_HALF, 0)
DEFINE_BOTH(f32, float, LT_FLT, 1)
DEFINE_BOTH(f64, double, LT_FLT, 1)
DEFINE_BOTH(c64, c64_t, LT_CPLX, 1)
DEFINE_BOTH(c128, c128_t, LT_CPLX, 1)

typedef void (*part_fn)(void *v, int64_t *ts, int64_t num, int64_t kth, int64_t *pivots, int64_t *npiv);
static const part_fn parts[] = {part_b1, part_i8,  part_u8,  part_i16, part_u16, part_i32, part_u32,
                                part_i64,  part_u64, part_f16, part_f32, part_f64, part_c64, part_c128};
static const part_fn aparts[] = {part_ab1, part_ai8,  part_au8,  part_ai16, part_au16, part_ai32, part_au32,
                                 part_ai64,  part_au64, part_af16, part_af32, part_af64, part_ac64, part_ac128};
_Static_assert(sizeof parts / sizeof parts[0] == ND_NTYPES, "one partition per type");
_Static_assert(sizeof aparts / sizeof aparts[0] == ND_NTYPES, "one argpartition per type");

/* NumPy's partition_prep_kth_array: negative kths count from the end, each
 * must fall inside the axis (unless the array is empty), then ascending. */
static int64_t *prep_kth(int nkth, const int64_t *kth, int64_t n, bool empty) {
    int64_t *k = nd__malloc((size_t)(nkth > 0 ? nkth : 1) * sizeof *k);
    if (!k) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    for (int i = 0; i < nkth; i++) {
        k[i] = kth[i] < 0 ? kth[i] + n : kth[i];
        if (!empty && (k[i] < 0 || k[i] >= n)) {
            nd__err(ND_EVALUE, "kth(=%lld) out of bounds (%lld)", (long long)k[i], (long long)n);
            nd__free_mem(k);
            return NULL;
        }
    }
    for (int i = 1; i < nkth; i++) { /* insertion sort: kth lists are short */
        int64_t x = k[i];
        int j = i;
        for (; j > 0 && k[j - 1] > x; j--) k[j] = k[j - 1];
        k[j] = x;
    }
    return k;
}

/* Partition r in place along axis (normalised, writeable). */
static int partition_axis(nd_array *r, int axis, int nkth, const int64_t *kth) {
    int64_t n = r->shape[axis], st = r->strides[axis], isz = r->dtype->itemsize;
    int64_t *k = prep_kth(nkth, kth, n, nd_size(r) == 0);
    if (!k) return nd_errcode();
    if (n <= 1 || nd_size(r) == 0 || nkth == 0) {
        nd__free_mem(k);
        return 0;
    }
    if (nd__is_void(r->dtype)) { /* no select for records: NumPy sorts */
        nd__free_mem(k);
        return nd_sort_inplace(r, axis, "quicksort");
    }
    bool direct = st == isz && !r->dtype->swapped && (r->flags & ND_ALIGNED);
    char *buf = direct ? NULL : nd__malloc((size_t)(n * isz));
    if (!direct && !buf) {
        nd__free_mem(k);
        return nd__err(ND_ENOMEM, NULL);
    }
    part_fn fn = parts[r->dtype->type];
    int64_t ctr[ND_MAXDIMS] = {0}, pivots[MAX_PIVOTS];
    char *p = r->data;
    do {
        char *lane = direct ? p : buf;
        if (!direct) nd__lane_io(r->dtype, n, buf, isz, p, st);
        int64_t npiv = 0;
        for (int i = 0; i < nkth; i++) fn(lane, NULL, n, k[i], pivots, &npiv);
        if (!direct) nd__lane_io(r->dtype, n, p, st, buf, isz);
    } while (nd__next_lane(r->ndim, axis, r->shape, ctr, &p, r->strides, NULL, NULL));
    nd__free_mem(buf);
    nd__free_mem(k);
    return 0;
}

int nd_partition_inplace(nd_array *a, int nkth, const int64_t *kth, int axis) {
    if (axis == ND_AXIS_NONE) return nd__err(ND_ETYPE, "'NoneType' object cannot be interpreted as an integer");
    if (!nd__axis(&axis, a->ndim)) return ND_EAXIS;
    if (!(a->flags & ND_WRITEABLE)) return nd__err(ND_EREADONLY, "partition array is read-only");
    return partition_axis(a, axis, nkth, kth);
}

nd_array *nd_partition(const nd_array *a, int nkth, const int64_t *kth, int axis) {
    nd_array *r = nd__sort_copy(a, &axis);
    if (r && partition_axis(r, axis, nkth, kth) < 0) {
        nd_release(r);
        r = NULL;
    }
    return r;
}

/* Argpartition src's lanes along axis into the C-contiguous int64 r. */
static int argpartition_axis(const nd_array *src, int axis, int nkth, const int64_t *kth, nd_array *r) {
    int64_t n = src->shape[axis], isz = src->dtype->itemsize;
    int64_t *k = prep_kth(nkth, kth, n, nd_size(src) == 0);
    if (!k) return nd_errcode();
    char *vbuf = nd__malloc((size_t)((n ? n : 1) * isz));
    int64_t *ibuf = nd__malloc((size_t)(n ? n : 1) * sizeof *ibuf);
    if (!vbuf || !ibuf) {
        nd__free_mem(k);
        nd__free_mem(vbuf);
        nd__free_mem(ibuf);
        return nd__err(ND_ENOMEM, NULL);
    }
    bool rec = nd__is_void(src->dtype); /* no select for records: NumPy sorts */
    part_fn fn = rec ? NULL : aparts[src->dtype->type];
    int64_t ctr[ND_MAXDIMS] = {0}, ist = r->strides[axis], pivots[MAX_PIVOTS];
    char *p = src->data, *q = r->data;
    if (nd_size(r) > 0) do {
        nd__lane_io(src->dtype, n, vbuf, isz, p, src->strides[axis]);
        for (int64_t i = 0; i < n; i++) ibuf[i] = i;
        int64_t npiv = 0;
        if (rec && n > 1 && nkth > 0) nd__argsort_records(src->dtype, vbuf, ibuf, n);
        else if (n > 1)
            for (int i = 0; i < nkth; i++) fn(vbuf, ibuf, n, k[i], pivots, &npiv);
        for (int64_t i = 0; i < n; i++) memcpy(q + i * ist, &ibuf[i], sizeof *ibuf);
    } while (nd__next_lane(src->ndim, axis, src->shape, ctr, &p, src->strides, &q, r->strides));
    nd__free_mem(k);
    nd__free_mem(vbuf);
    nd__free_mem(ibuf);
    return 0;
}

nd_array *nd_argpartition(const nd_array *a, int nkth, const int64_t *kth, int axis) {
    nd_array *flat, *r = NULL;
    const nd_array *src = nd__arg_source(a, &axis, &flat);
    if (!src) return NULL;
    r = nd__alloc_array(src->ndim, src->shape, nd_dtype_of(ND_INT64), 'C');
    if (!r || argpartition_axis(src, axis, nkth, kth, r) < 0) {
        nd_release(r);
        r = NULL;
    }
    nd_release(flat);
    return r;
}
