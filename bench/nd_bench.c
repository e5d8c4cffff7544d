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
 *   nd_bench [--filter SUBSTR] [--list] [--samples N] [--clock wall|cpu] [--big]
 *
 * --big adds the 800 MB .npy rows (files in /tmp, deleted after each row).
 *
 * --clock cpu times this thread's CPU time (kernel time such as page
 * faults included), which stays meaningful on a loaded machine.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "nd_internal.h"

#define N10M 10000000
#define BATCH_S 0.002

/* ---- inputs shared by the rows (rebuilt per row) ---- */

static nd_array *A, *B, *C, *V1, *V2, *M, *S;
static char npy_path[64]; /* a .npy file in /tmp, unlinked by free_all */
static nd_array *LIVE[1000];
static void *RAW_A, *RAW_B;
static const char *why; /* reason a row is unavailable */

static nd_array *must(nd_array *a) {
    if (!a) why = nd_errmsg();
    return a;
}

static void free_all(void) {
    nd_array **all[] = {&A, &B, &C, &V1, &V2, &M, &S};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        nd_release(*all[i]);
        *all[i] = NULL;
    }
    free(RAW_A);
    free(RAW_B);
    RAW_A = RAW_B = NULL;
    if (npy_path[0]) unlink(npy_path);
    npy_path[0] = 0;
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

/* ---- compute: masks, fancy indexing, element-wise, reductions ---- */

#define N4K 4096
static volatile double SINK;

/* np.random.seed(0); np.random.rand(n): the same data as NumPy's side. */
static nd_array *rand_f64(int64_t n) {
    nd_random *r = nd_random_new(0);
    nd_array *a = r ? nd_random_rand(r, 1, &n) : NULL;
    nd_random_free(r);
    return must(a);
}
static nd_array *arange_2d(void) { /* np.arange(4096*4096.).reshape(4096, 4096) */
    nd_array *a = nd_arange_f(0, (double)N4K * N4K, 1, NULL);
    nd_array *m = a ? nd_reshape(a, 2, (int64_t[]){N4K, N4K}, 'C', ND_COPY_IF_NEEDED) : NULL;
    nd_release(a);
    return must(m);
}

static int setup_mask(void) { /* a, b = a.copy(), mask = a > 0.5 */
    A = rand_f64(N10M);
    S = A ? must(nd_scalar(ND_F64(0.5), NULL)) : NULL;
    M = S ? must(nd_apply(ND_GREATER, A, S, NULL)) : NULL;
    B = M ? must(nd_copy(A, 'C')) : NULL;
    C = B ? must(nd_scalar(ND_I64(0), NULL)) : NULL;
    return C ? 0 : -1;
}
static void run_bool_index(void) {
    nd_array *mask = nd_apply(ND_GREATER, A, S, NULL);
    nd_release(nd_getitem(A, 1, &ND_ARR(mask)));
    nd_release(mask);
}
static void run_bool_assign(void) { nd_setitem(B, 1, &ND_ARR(M), C); }

static int setup_std(void) {
    A = rand_f64(N10M);
    return A ? 0 : -1;
}
static void run_std(void) { nd_release(nd_std(A, -1, NULL, 0, false, NULL)); }
static void run_sum(void) { nd_release(nd_sum(A, -1, NULL, false, NULL)); }
static void run_mean(void) { nd_release(nd_mean(A, -1, NULL, false, NULL)); }

static int setup_gather(void) { /* idx = np.random.randint(0, 10M, 10M) */
    A = rand_f64(N10M);
    nd_random *r = A ? nd_random_new(1) : NULL;
    M = r ? must(nd_random_randint(r, 0, N10M, 1, (int64_t[]){N10M}, NULL)) : NULL;
    nd_random_free(r);
    C = M ? must(nd_scalar(ND_F64(1.0), NULL)) : NULL;
    return C ? 0 : -1;
}
static void run_gather(void) { nd_release(nd_getitem(A, 1, &ND_ARR(M))); }
static void run_scatter(void) { nd_setitem(A, 1, &ND_ARR(M), C); }

static int setup_add(void) {
    A = rand_f64(N10M);
    B = A ? must(nd_copy(A, 'C')) : NULL;
    C = B ? must(nd_empty(1, (int64_t[]){N10M}, A->dtype, 'C')) : NULL;
    return C ? 0 : -1;
}
static void run_add(void) { nd_release(nd_apply(ND_ADD, A, B, NULL)); }
static void run_add_out(void) { nd_release(nd_apply(ND_ADD, A, B, C)); }

static int setup_add_row(void) {
    A = arange_2d();
    B = A ? must(nd_arange_f(0, N4K, 1, NULL)) : NULL;
    return B ? 0 : -1;
}
static void run_add_row(void) { nd_release(nd_apply(ND_ADD, A, B, NULL)); }

static int setup_iadd_strided(void) { /* v = a[::2]; v += 1 */
    A = rand_f64(N10M);
    V1 = A ? must(nd_subscript(A, 1, &ND_S(ND_NONE, ND_NONE, 2))) : NULL;
    S = V1 ? must(nd_scalar(ND_I64(1), NULL)) : NULL;
    return S ? 0 : -1;
}
static void run_iadd_strided(void) { nd_release(nd_apply(ND_ADD, V1, S, V1)); }

static int setup_2d(void) {
    A = arange_2d();
    return A ? 0 : -1;
}
static void run_sum_axis0(void) { nd_release(nd_sum(A, 1, (int[]){0}, false, NULL)); }
static void run_sum_axis1(void) { nd_release(nd_sum(A, 1, (int[]){1}, false, NULL)); }

/* Read bandwidth reference: a plain loop, 8 accumulators so the adds'
 * latency does not hide the memory rate. */
static int setup_readbw(void) {
    RAW_A = malloc((size_t)N10M * 8);
    if (!RAW_A) return -1;
    for (int64_t i = 0; i < N10M; i++) ((double *)RAW_A)[i] = (double)(i & 1023);
    return 0;
}
static void run_readbw(void) {
    const double *x = RAW_A;
    double s[8] = {0};
    for (int64_t i = 0; i < N10M; i += 8)
        for (int k = 0; k < 8; k++) s[k] += x[i + k];
    SINK = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
}

/* ---- memory sources and files ---- */

static void run_frombuffer(void) {
    nd_release(nd_frombuffer(RAW_A, (size_t)N10M * 8, false, nd_dtype_of(ND_FLOAT64), -1, 0, NULL, NULL));
}

static int setup_npy(int64_t n) { /* a saved once, so load has a file */
    snprintf(npy_path, sizeof npy_path, "/tmp/nd_bench_%ld.npy", (long)getpid());
    A = rand_f64(n);
    if (!A) return -1;
    if (nd_save(npy_path, A) < 0) {
        why = nd_errmsg();
        return -1;
    }
    return 0;
}
static int setup_npy_80(void) { return setup_npy(N10M); }
static int setup_npy_800(void) { return setup_npy(10LL * N10M); }
static void run_save(void) { nd_save(npy_path, A); }
static void run_load(void) { nd_release(nd_load(npy_path, NULL)); }
static void run_load_mmap_sum(void) {
    nd_array *m = nd_load(npy_path, "r");
    nd_release(nd_sum(m, -1, NULL, false, NULL));
    nd_release(m);
}

/* ---- a float64 file summed through memmap windows (examples/memmap_sum.c) ----
 * The file is written for real (values i % 1000) and stays in the page
 * cache; read_file_* reads it with read(2) into one window-sized buffer:
 * the page-cache rate the memmap sum is measured against. */

#define MM_WINDOW (16LL << 20) /* bytes per window, as in the example */
static int64_t mm_bytes;

static int setup_mmsum(int64_t bytes) {
    snprintf(npy_path, sizeof npy_path, "/tmp/nd_bench_%ld.f64", (long)getpid());
    RAW_A = malloc((size_t)MM_WINDOW);
    FILE *f = RAW_A ? fopen(npy_path, "wb") : NULL;
    if (!f) return -1;
    double *x = RAW_A;
    for (int64_t i = 0; i < MM_WINDOW / 8; i++) x[i] = (double)(i % 1000);
    int64_t done = 0;
    while (done < bytes && fwrite(RAW_A, 1, (size_t)MM_WINDOW, f) == (size_t)MM_WINDOW) done += MM_WINDOW;
    if (fclose(f) != 0 || done < bytes) {
        why = "cannot write the file in /tmp";
        return -1;
    }
    mm_bytes = bytes;
    return 0;
}
static int setup_mmsum_256(void) { return setup_mmsum(256LL << 20); }
static int setup_mmsum_2g(void) { return setup_mmsum(2LL << 30); }
static void run_mmsum(void) {
    double total = 0;
    for (int64_t s = 0; s < mm_bytes; s += MM_WINDOW) {
        int64_t len = (mm_bytes - s < MM_WINDOW ? mm_bytes - s : MM_WINDOW) / 8;
        nd_array *w = nd_memmap(npy_path, nd_dtype_of(ND_FLOAT64), "r", s, 1, &len, 'C');
        nd_array *r = w ? nd_sum(w, -1, NULL, false, NULL) : NULL;
        nd_value v;
        if (r && nd_item(r, 0, &v) == 0) total += v.f;
        nd_release(r);
        nd_release(w); /* unmaps the window */
    }
    SINK = total;
}
static void run_readfile(void) {
    int fd = open(npy_path, O_RDONLY);
    if (fd < 0) return;
    while (read(fd, RAW_A, (size_t)MM_WINDOW) > 0) {
    }
    close(fd);
}

/* ---- the table ---- */

typedef struct {
    const char *name;
    int (*setup)(void); /* <0: unavailable (why says so) */
    void (*run)(void);
    double scale; /* run() does this many ops: reported time is per op */
    bool big;     /* 800 MB files: only with --big */
} bench_op;

static const bench_op OPS[] = {
    {"view_slice", setup_slice, run_view, 1, false},
    {"view_transpose", setup_transpose, run_view, 1, false},
    {"view_reshape", setup_reshape, run_view, 1, false},
    {"view_dtype", setup_viewdtype, run_view, 1, false},
    {"view_header_floor", setup_header, run_view, 1, false},
    {"view_slice_1000_live", setup_live1000, run_live1000, 1000, false},
    {"memcpy_80MB", setup_memcpy, run_memcpy, 1, false},
    {"copy_10M_i64", setup_copy, run_copy, 1, false},
    {"copyto_10M_i64", setup_copy, run_copyto, 1, false},
    {"transpose_copy_4096_f64", setup_transpose_copy, run_transpose_copy, 1, false},
    {"astype_i64_f64", setup_astype_i64_f64, run_astype, 1, false},
    {"astype_f64_f32", setup_astype_f64_f32, run_astype, 1, false},
    {"astype_u8_f32", setup_astype_u8_f32, run_astype, 1, false},
    {"shares_memory_1d", setup_shares_1d, run_shares, 1, false},
    {"shares_memory_2d", setup_shares_2d, run_shares, 1, false},
    {"byteswap_10M_i32", setup_bswap, run_bswap, 1, false},
    {"byteswap_inplace_10M_i32", setup_bswap, run_bswap_inplace, 1, false},
    {"bool_index_10M_f64", setup_mask, run_bool_index, 1, false},
    {"bool_assign_10M_f64", setup_mask, run_bool_assign, 1, false},
    {"std_10M_f64", setup_std, run_std, 1, false},
    {"gather_10M_f64", setup_gather, run_gather, 1, false},
    {"scatter_10M_f64", setup_gather, run_scatter, 1, false},
    {"add_10M_f64", setup_add, run_add, 1, false},
    {"add_out_10M_f64", setup_add, run_add_out, 1, false},
    {"add_row_4096_f64", setup_add_row, run_add_row, 1, false},
    {"iadd_strided_5M_f64", setup_iadd_strided, run_iadd_strided, 1, false},
    {"sum_10M_f64", setup_std, run_sum, 1, false},
    {"mean_10M_f64", setup_std, run_mean, 1, false},
    {"sum_axis0_4096_f64", setup_2d, run_sum_axis0, 1, false},
    {"sum_axis1_4096_f64", setup_2d, run_sum_axis1, 1, false},
    {"read_bw_loop_80MB", setup_readbw, run_readbw, 1, false},
    {"frombuffer_80MB", setup_readbw, run_frombuffer, 1, false},
    {"save_npy_80MB", setup_npy_80, run_save, 1, false},
    {"load_npy_80MB", setup_npy_80, run_load, 1, false},
    {"load_mmap_sum_80MB", setup_npy_80, run_load_mmap_sum, 1, false},
    {"save_npy_800MB", setup_npy_800, run_save, 1, true},
    {"load_npy_800MB", setup_npy_800, run_load, 1, true},
    {"load_mmap_sum_800MB", setup_npy_800, run_load_mmap_sum, 1, true},
    {"read_file_256MiB", setup_mmsum_256, run_readfile, 1, false},
    {"memmap_sum_chunked_256MiB", setup_mmsum_256, run_mmsum, 1, false},
    {"read_file_2GiB", setup_mmsum_2g, run_readfile, 1, true},
    {"memmap_sum_chunked_2GiB", setup_mmsum_2g, run_mmsum, 1, true},
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
    bool big = false, list = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--filter") && i + 1 < argc) {
            filter = argv[++i];
        } else if (!strcmp(argv[i], "--samples") && i + 1 < argc) {
            samples = atoi(argv[++i]);
            if (samples < 1) samples = 1;
        } else if (!strcmp(argv[i], "--clock") && i + 1 < argc) {
            clock_id = !strcmp(argv[++i], "cpu") ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC;
        } else if (!strcmp(argv[i], "--big")) {
            big = true;
        } else if (!strcmp(argv[i], "--list")) {
            list = true;
        } else {
            fprintf(stderr, "usage: %s [--filter SUBSTR] [--samples N] [--clock wall|cpu] [--big] [--list]\n",
                    argv[0]);
            return 2;
        }
    }
    for (size_t k = 0; k < sizeof OPS / sizeof OPS[0]; k++) {
        const bench_op *op = &OPS[k];
        if ((filter && !strstr(op->name, filter)) || (op->big && !big)) continue;
        if (list) {
            printf("%s\n", op->name);
            continue;
        }
        why = "setup failed";
        int ok = op->setup();
        if (ok == 0) { /* one trial call: a row whose call fails is not timed */
            nd_clear_error();
            op->run();
            if (nd_errcode() != 0) why = nd_errmsg(), ok = -1;
        }
        if (ok < 0) {
            printf("%s\tnan\t%s\n", op->name, why);
        } else {
            printf("%s\t%.9g\n", op->name, time_op(op, samples));
        }
        fflush(stdout);
        free_all();
    }
    if (list) return 0;
    nd__cache_drain();
    return 0;
}
