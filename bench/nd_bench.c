/* nd_bench.c — libnd's side of bench/run.py.
 *
 * One table row per workload: setup builds the inputs, run does one call,
 * teardown frees.  Each row is timed by batches: the batch size grows
 * until a batch takes BATCH_S, then SAMPLES batches are timed and the
 * median per-call time is printed as "name<TAB>seconds" (or
 * "name<TAB>nan<TAB>reason" when the operation is unavailable).
 * run.py runs NumPy's twin of each row by the same name.  To add a row,
 * add an entry to OPS here and the same name to NUMPY_OPS in run.py.
 *
 *   nd_bench [--filter SUBSTR] [--list] [--samples N] [--clock wall|cpu]
 *
 * --clock cpu times this thread's CPU time (kernel time such as page
 * faults included), which stays meaningful on a loaded machine.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nd_internal.h"

#define N10M 10000000
#define BATCH_S 0.002

/* ---- inputs shared by the rows (rebuilt per row) ---- */

static nd_array *A, *B, *C, *V1, *V2;
static nd_array *LIVE[1000];
static void *RAW_A, *RAW_B;
static const char *why; /* reason a row is unavailable */

static nd_array *must(nd_array *a) {
    if (!a) why = nd_errmsg();
    return a;
}

static void free_all(void) {
    nd_array **all[] = {&A, &B, &C, &V1, &V2};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        nd_release(*all[i]);
        *all[i] = NULL;
    }
    free(RAW_A);
    free(RAW_B);
    RAW_A = RAW_B = NULL;
}

/* A view built without view/ (for inputs; the view rows time view/). */
static nd_array *raw_view(nd_array *a, const nd_dtype *dt, int ndim, const int64_t *shape, const int64_t *strides,
                          int64_t off) {
    nd_array *v = nd__view_new(a, ndim, dt);
    if (!v) return NULL;
    v->data = a->data + off;
    memcpy(v->shape, shape, sizeof(int64_t) * (size_t)ndim);
    memcpy(v->strides, strides, sizeof(int64_t) * (size_t)ndim);
    nd__update_flags(v);
    return v;
}

static nd_array *arange_as(int64_t n, nd_type t) {
    nd_array *a = nd_arange(0, n, 1, NULL);
    if (!a || t == ND_INT64) return a;
    nd_array *r = nd_astype(a, nd_dtype_of(t), 'C', ND_CAST_UNSAFE, true);
    nd_release(a);
    return r;
}

/* ---- view creation (from C: one call plus its release) ---- */

static int setup_small(void) {
    A = must(nd_arange(0, 12, 1, NULL));
    return A ? 0 : -1;
}
static int setup_small2d(void) {
    nd_array *a = nd_arange(0, 12, 1, NULL);
    A = a ? must(raw_view(a, a->dtype, 2, (int64_t[]){3, 4}, (int64_t[]){32, 8}, 0)) : NULL;
    nd_release(a);
    return A ? 0 : -1;
}
static nd_array *do_slice(void) {
    nd_idx ix = {.kind = ND_IDX_SLICE, .start = 1, .stop = 5, .step = ND_NONE};
    return nd_subscript(A, 1, &ix);
}
static nd_array *do_transpose(void) { return nd_transpose(A, NULL); }
static nd_array *do_reshape(void) { return nd_reshape(A, 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED); }
static nd_array *do_view_dtype(void) { return nd_view_dtype(A, nd_dtype_of(ND_INT32)); }
static nd_array *do_header(void) { /* the floor: header + flags, no argument checks */
    nd_array *v = nd__view_new(A, 1, A->dtype);
    v->shape[0] = 4;
    v->strides[0] = 8;
    v->data = A->data + 8;
    nd__update_flags(v);
    return v;
}

static nd_array *(*view_fn)(void);
static void run_view(void) { nd_release(view_fn()); }
static int check_view(void) {
    nd_array *v = view_fn();
    if (!v) {
        why = nd_errmsg();
        return -1;
    }
    nd_release(v);
    return 0;
}
#define VIEW_SETUP(NAME, SETUP, FN)                       \
    static int setup_##NAME(void) {                       \
        if (SETUP() < 0) return -1;                       \
        view_fn = FN;                                     \
        return check_view();                              \
    }
VIEW_SETUP(slice, setup_small, do_slice)
VIEW_SETUP(transpose, setup_small2d, do_transpose)
VIEW_SETUP(reshape, setup_small, do_reshape)
VIEW_SETUP(viewdtype, setup_small, do_view_dtype)
VIEW_SETUP(header, setup_small, do_header)

/* 1000 live slices, then all released: per-view time. */
static void run_live1000(void) {
    for (int i = 0; i < 1000; i++) LIVE[i] = view_fn();
    for (int i = 0; i < 1000; i++) nd_release(LIVE[i]);
}
VIEW_SETUP(live1000, setup_small, do_slice)

/* ---- copies of 10M elements ---- */

static int setup_copy(void) {
    A = must(arange_as(N10M, ND_INT64));
    B = A ? must(nd_empty(1, (int64_t[]){N10M}, A->dtype, 'C')) : NULL;
    return B ? 0 : -1;
}
static void run_copy(void) { nd_release(nd_copy(A, 'K')); }
static void run_copyto(void) { nd_copyto(B, A, ND_CAST_SAME_KIND); }

static int setup_memcpy(void) {
    RAW_A = malloc((size_t)N10M * 8);
    RAW_B = malloc((size_t)N10M * 8);
    if (!RAW_A || !RAW_B) return -1;
    memset(RAW_A, 1, (size_t)N10M * 8);
    memset(RAW_B, 2, (size_t)N10M * 8);
    return 0;
}
static void run_memcpy(void) { memcpy(RAW_B, RAW_A, (size_t)N10M * 8); }

static int setup_transpose_copy(void) {
    A = must(nd_arange_f(0, 4096.0 * 4096.0, 1, NULL));
    B = A ? must(raw_view(A, A->dtype, 2, (int64_t[]){4096, 4096}, (int64_t[]){8, 4096 * 8}, 0)) : NULL;
    return B ? 0 : -1;
}
static void run_transpose_copy(void) { nd_release(nd_ascontiguousarray(B)); }

static nd_type astype_to;
static void run_astype(void) { nd_release(nd_astype(A, nd_dtype_of(astype_to), 'K', ND_CAST_UNSAFE, true)); }
#define ASTYPE_SETUP(NAME, FROM, TO)                 \
    static int setup_##NAME(void) {                  \
        A = must(arange_as(N10M, FROM));             \
        astype_to = TO;                              \
        return A ? 0 : -1;                           \
    }
ASTYPE_SETUP(astype_i64_f64, ND_INT64, ND_FLOAT64)
ASTYPE_SETUP(astype_f64_f32, ND_FLOAT64, ND_FLOAT32)
ASTYPE_SETUP(astype_u8_f32, ND_UINT8, ND_FLOAT32)

/* ---- shares_memory of interleaved strided views ---- */

static int check_shares(void) {
    int r = nd_shares_memory(V1, V2, ND_MAY_SHARE_EXACT);
    if (r < 0) why = nd_errmsg();
    return r < 0 ? -1 : 0;
}
static int setup_shares_1d(void) {
    A = must(arange_as(N10M, ND_INT64));
    if (!A) return -1;
    V1 = raw_view(A, A->dtype, 1, (int64_t[]){N10M / 2}, (int64_t[]){16}, 0);
    V2 = raw_view(A, A->dtype, 1, (int64_t[]){N10M / 2}, (int64_t[]){16}, 8);
    return V1 && V2 ? check_shares() : -1;
}
static int setup_shares_2d(void) { /* z.reshape(1000, 10000): [:, ::2] vs [:, 1::2] */
    A = must(arange_as(N10M, ND_INT64));
    if (!A) return -1;
    V1 = raw_view(A, A->dtype, 2, (int64_t[]){1000, 5000}, (int64_t[]){80000, 16}, 0);
    V2 = raw_view(A, A->dtype, 2, (int64_t[]){1000, 5000}, (int64_t[]){80000, 16}, 8);
    return V1 && V2 ? check_shares() : -1;
}
static void run_shares(void) { nd_shares_memory(V1, V2, ND_MAY_SHARE_EXACT); }

/* ---- byteswap of 10M int32 ---- */

static int setup_bswap(void) {
    A = must(arange_as(N10M, ND_INT32));
    return A ? 0 : -1;
}
static void run_bswap(void) { nd_release(nd_byteswap(A, false)); }
static void run_bswap_inplace(void) { nd_release(nd_byteswap(A, true)); }

/* ---- the table ---- */

typedef struct {
    const char *name;
    int (*setup)(void); /* <0: unavailable (why says so) */
    void (*run)(void);
    double scale; /* run() does this many ops: reported time is per op */
} bench_op;

static const bench_op OPS[] = {
    {"view_slice", setup_slice, run_view, 1},
    {"view_transpose", setup_transpose, run_view, 1},
    {"view_reshape", setup_reshape, run_view, 1},
    {"view_dtype", setup_viewdtype, run_view, 1},
    {"view_header_floor", setup_header, run_view, 1},
    {"view_slice_1000_live", setup_live1000, run_live1000, 1000},
    {"memcpy_80MB", setup_memcpy, run_memcpy, 1},
    {"copy_10M_i64", setup_copy, run_copy, 1},
    {"copyto_10M_i64", setup_copy, run_copyto, 1},
    {"transpose_copy_4096_f64", setup_transpose_copy, run_transpose_copy, 1},
    {"astype_i64_f64", setup_astype_i64_f64, run_astype, 1},
    {"astype_f64_f32", setup_astype_f64_f32, run_astype, 1},
    {"astype_u8_f32", setup_astype_u8_f32, run_astype, 1},
    {"shares_memory_1d", setup_shares_1d, run_shares, 1},
    {"shares_memory_2d", setup_shares_2d, run_shares, 1},
    {"byteswap_10M_i32", setup_bswap, run_bswap, 1},
    {"byteswap_inplace_10M_i32", setup_bswap, run_bswap_inplace, 1},
};

static clockid_t clock_id = CLOCK_MONOTONIC;

static double now(void) {
    struct timespec t;
    clock_gettime(clock_id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double time_op(const bench_op *op, int samples) {
    op->run(); /* warm up: page in, fill caches */
    long batch = 1;
    for (;;) {
        double t = now();
        for (long i = 0; i < batch; i++) op->run();
        if (now() - t >= BATCH_S || batch >= (1L << 30)) break;
        batch *= 2;
    }
    double s[64];
    if (samples > 64) samples = 64;
    for (int k = 0; k < samples; k++) {
        double t = now();
        for (long i = 0; i < batch; i++) op->run();
        s[k] = (now() - t) / (double)batch / op->scale;
    }
    qsort(s, (size_t)samples, sizeof s[0], cmp_double);
    return s[samples / 2];
}

int main(int argc, char **argv) {
    const char *filter = NULL;
    int samples = 7;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter") && i + 1 < argc) {
            filter = argv[++i];
        } else if (!strcmp(argv[i], "--samples") && i + 1 < argc) {
            samples = atoi(argv[++i]);
            if (samples < 1) samples = 1;
        } else if (!strcmp(argv[i], "--clock") && i + 1 < argc) {
            clock_id = !strcmp(argv[++i], "cpu") ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC;
        } else if (!strcmp(argv[i], "--list")) {
            for (size_t k = 0; k < sizeof OPS / sizeof OPS[0]; k++) printf("%s\n", OPS[k].name);
            return 0;
        } else {
            fprintf(stderr, "usage: %s [--filter SUBSTR] [--samples N] [--clock wall|cpu] [--list]\n", argv[0]);
            return 2;
        }
    }
    for (size_t k = 0; k < sizeof OPS / sizeof OPS[0]; k++) {
        const bench_op *op = &OPS[k];
        if (filter && !strstr(op->name, filter)) continue;
        why = "setup failed";
        if (op->setup() < 0) {
            printf("%s\tnan\t%s\n", op->name, why);
        } else {
            printf("%s\t%.9g\n", op->name, time_op(op, samples));
        }
        fflush(stdout);
        free_all();
    }
    nd__cache_drain();
    return 0;
}
