/* memmap_sum.c — sum a float64 file bigger than RAM, window by window
 * (issue 5, "giant arrays without giant RAM").  Prints exactly what
 * memmap_sum.py prints.
 *
 *   example_memmap_sum [MIB [DIR [dense]]]
 *
 * MIB is the file size in MiB (default $ND_MEMMAP_SUM_MIB, else 64); the
 * file is DIR/nd_memmap_sum_<pid>.f64 (DIR default $TMPDIR, else /tmp) and
 * is deleted at the end.  The file starts sparse: one float64 per MiB is
 * written (the k-th is k % 1000 + 1) and the rest are holes, which read as
 * zeros and cost no disk.  "dense" writes every element instead (element i
 * is i % 1000 + 1), so MIB of disk and real I/O.
 *
 * Each window is its own nd_memmap ("r", offset = the window's first byte,
 * shape = its length): summing it faults its pages in, and releasing it
 * unmaps them, so the pages of the file never all count against this
 * process at once.  One big mapping of the whole file would be summed just
 * as well, but its resident set would grow toward the file size.  stderr
 * gets the time, the rate and the peak RSS, and the exit status is 1 when
 * the sum is wrong or the peak RSS reached 1 GiB.
 *
 * A file larger than this machine's RAM (30 GiB on a 24 GiB machine):
 *
 *   df -h /tmp                               # sparse: needs ~4 KiB per MiB
 *   build/release/example_memmap_sum 30720 /tmp
 *   # memmap_sum: 30720 MiB in 1920 windows of 16 MiB: write 6.77 s,
 *   #   sum 24.56 s (1.31 GB/s), peak RSS 18 MiB
 *
 * (2 vCPUs shared with other work.)  Reading holes, the rate is the
 * kernel's: it zero-fills a page-cache page for every page read, as read(2)
 * does; the blocks the values were written to, one per MiB, cost it more.
 * The same loop over a 30 GiB file with no values written ran at
 * 2.67 GB/s, dd of that file at 2.0 GB/s.  "dense" measures the disk. */
#define _GNU_SOURCE /* madvise */
#include "example.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define WINDOW_MIB 16
#define PER_MIB (1 << 17) /* float64 elements in a MiB */

static char file[4096]; /* removed at exit, whatever happens */
static void remove_file(void) { unlink(file); }

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The window [start, start + len) of the file as a 1-d float64 memmap. */
static nd_array *window(const char *path, const char *mode, int64_t start, int64_t len) {
    return NEED(nd_memmap(path, nd_dtype_of(ND_FLOAT64), mode, start * 8, 1, &len, 'C'));
}

/* Write the values: element k * step is k % 1000 + 1 (step 1: all of them). */
static void fill(const char *path, int64_t n, int64_t step) {
    nd_release(window(path, "w+", 0, n)); /* creates the file: n float64, all holes */
    int64_t per = (int64_t)WINDOW_MIB * PER_MIB;
    for (int64_t s = 0; s < n; s += per) {
        int64_t len = n - s < per ? n - s : per;
        nd_array *w = window(path, "r+", s, len);
        double *p = nd_data(w); /* contiguous and writable: plain stores go to the file */
        /* One store per MiB: without this hint each store's page fault
         * reads ahead a large block of holes, and writing the window back
         * then allocates all of it on disk, not just the page stored to. */
        if (step > 1) (void)madvise(p, (size_t)len * 8, MADV_RANDOM);
        for (int64_t i = (step - s % step) % step; i < len; i += step)
            p[i] = (double)(((s + i) / step) % 1000 + 1);
        OK(nd_memmap_flush(w));
        nd_release(w);
    }
}

/* The point of the example: sum the file one window at a time. */
static double chunked_sum(const char *path, int64_t n, int *windows) {
    int64_t per = (int64_t)WINDOW_MIB * PER_MIB;
    double total = 0;
    *windows = 0;
    int fd = open(path, O_RDONLY); /* only for the page-cache hint below */
    for (int64_t s = 0; s < n; s += per) {
        int64_t len = n - s < per ? n - s : per;
        nd_array *w = window(path, "r", s, len);
        /* Read-ahead hint for the window (it starts on a page boundary). */
        (void)madvise(nd_data(w), (size_t)len * 8, MADV_SEQUENTIAL);
        nd_array *r = NEED(nd_sum(w, -1, NULL, false, NULL));
        nd_value v;
        OK(nd_item(r, 0, &v));
        total += v.f;
        nd_release(r);
        nd_release(w); /* unmaps the window: its pages leave our RSS */
        /* One pass over a file bigger than RAM: drop the window's pages
         * from the page cache too, rather than let them push out everything
         * else the machine has cached (and make the kernel reclaim them). */
        if (fd >= 0) (void)posix_fadvise(fd, (off_t)(s * 8), (off_t)(len * 8), POSIX_FADV_DONTNEED);
        ++*windows;
    }
    if (fd >= 0) close(fd);
    return total;
}

/* sum over k < m of k % 1000 + 1, exactly (it stays far below 2**53). */
static double expected(int64_t m) {
    int64_t q = m / 1000, r = m % 1000;
    return (double)(q * 500500 + r * (r + 1) / 2);
}

int main(int argc, char **argv) {
    const char *env = getenv("ND_MEMMAP_SUM_MIB"), *tmp = getenv("TMPDIR");
    int64_t mib = argc > 1 ? atoll(argv[1]) : env ? atoll(env) : 64;
    const char *dir = argc > 2 ? argv[2] : tmp && *tmp ? tmp : "/tmp";
    bool dense = argc > 3 && !strcmp(argv[3], "dense");
    if (mib < 1 || mib > ((int64_t)1 << 40)) {
        fprintf(stderr, "usage: %s [MIB [DIR [dense]]]\n", argv[0]);
        return 2;
    }
    snprintf(file, sizeof file, "%s/nd_memmap_sum_%ld.f64", dir, (long)getpid());
    atexit(remove_file);
    int64_t n = mib * PER_MIB, step = dense ? 1 : PER_MIB;

    double t0 = now();
    fill(file, n, step);
    double t1 = now();
    int windows;
    double total = chunked_sum(file, n, &windows);
    double t2 = now();

    double want = expected((n + step - 1) / step);
    printf("float64 file of %lld MiB: %lld elements, %s\n", (long long)mib, (long long)n,
           dense ? "every element written" : "one value per MiB, the rest holes");
    printf("summed through %d memmap windows of %d MiB\n", windows, WINDOW_MIB);
    printf("sum = %.1f, expected %.1f\n", total, want);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double rss_mib = (double)ru.ru_maxrss / 1024; /* Linux: KiB */
    fprintf(stderr, "memmap_sum: %lld MiB in %d windows of %d MiB: write %.2f s, sum %.2f s (%.2f GB/s), "
            "peak RSS %.0f MiB\n", (long long)mib, windows, WINDOW_MIB, t1 - t0, t2 - t1,
            (double)n * 8 / (t2 - t1) / 1e9, rss_mib);
    if (total != want || rss_mib >= 1024) {
        fprintf(stderr, "memmap_sum: FAILED (%s)\n", total != want ? "wrong sum" : "peak RSS reached 1 GiB");
        return 1;
    }
    return 0;
}
