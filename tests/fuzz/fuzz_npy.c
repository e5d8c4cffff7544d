/* fuzz_npy.c — fuzz target for the .npy / .npz readers (issue 5: "malformed
 * or hostile headers are clear errors, never a crash or an out-of-bounds
 * read").
 *
 * One input is tried as:
 *   1. a .npy stream read from memory (src/io's nd_npy_src), once with its
 *      size known (as a file) and once unknown (as a deflated zip member);
 *   2. the header dict text alone, for format 1.0 (latin-1, "3L") and 3.0;
 *   3. a dtype string (nd_dtype_parse) and a descr literal
 *      (nd_dtype_from_descr);
 *   4. a file, through the public API: nd_load (read and mmap "r") and
 *      nd_npz_open + nd_npz_get of every member, on a memfd.
 * Every array that loads is read whole (a C-order copy: ASan sees any read
 * past the data) and printed when small, and a loaded .npy must survive
 * write + read back unchanged (else abort: that is a finding too).
 *
 * With clang this is a libFuzzer target (tests/fuzz/tests.cmake); with gcc
 * driver.c supplies main() and replays the corpus plus deterministic
 * mutations of it. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "io/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (1u << 20)
#define PRINT_MAX 64 /* print arrays of at most this many elements */

/* ---- a .npy stream in memory ---- */

typedef struct mem_src {
    nd_npy_src base;
    const uint8_t *p;
    size_t n, pos;
    bool known; /* keep base.avail up to date, as the file source does */
} mem_src;

static int mem_read(nd_npy_src *s, void *p, size_t n, size_t *got) {
    mem_src *m = (mem_src *)s;
    size_t k = m->n - m->pos < n ? m->n - m->pos : n;
    if (k) memcpy(p, m->p + m->pos, k);
    m->pos += k;
    if (m->known) s->avail = (int64_t)(m->n - m->pos);
    *got = k;
    return 0;
}

static mem_src mem_source(const uint8_t *p, size_t n, bool known) {
    return (mem_src){{mem_read, known ? (int64_t)n : -1}, p, n, 0, known};
}

typedef struct mem_sink {
    nd_npy_sink base;
    uint8_t *p;
    size_t n, cap;
} mem_sink;

static int mem_write(nd_npy_sink *s, const void *p, size_t n) {
    mem_sink *m = (mem_sink *)s;
    if (m->cap - m->n < n) {
        size_t cap = (m->n + n) * 2;
        uint8_t *q = realloc(m->p, cap);
        if (!q) return nd__err(ND_ENOMEM, NULL);
        m->p = q;
        m->cap = cap;
    }
    memcpy(m->p + m->n, p, n);
    m->n += n;
    return 0;
}

/* ---- what every loaded array goes through ---- */

static void touch(const nd_array *a) {
    nd_release(nd_copy(a, 'C')); /* reads every element */
    char *s = nd_dtype_repr(nd_array_dtype(a));
    nd_free(s);
    if (nd_size(a) <= PRINT_MAX) nd_free(nd_str(a));
}

static bool same(const nd_array *a, const nd_array *b) {
    if (!nd_dtype_equal(nd_array_dtype(a), nd_array_dtype(b)) || nd_ndim(a) != nd_ndim(b)) return false;
    if (memcmp(nd_shape(a), nd_shape(b), (size_t)nd_ndim(a) * sizeof(int64_t))) return false;
    size_t na, nb;
    void *ba = nd_tobytes(a, 'A', &na), *bb = nd_tobytes(b, 'A', &nb);
    bool eq = ba && bb && na == nb && !memcmp(ba, bb, na);
    if (!ba || !bb) eq = !ba == !bb; /* out of memory on both: nothing to compare */
    nd_free(ba);
    nd_free(bb);
    return eq;
}

/* nd writes what it read; reading that back gives the same array. */
static void roundtrip(const nd_array *a) {
    mem_sink sink = {{mem_write}, NULL, 0, 0};
    if (nd__npy_write(&sink.base, a) == 0) {
        mem_src src = mem_source(sink.p, sink.n, true);
        nd_array *b = nd__npy_read(&src.base);
        if (!b) {
            fprintf(stderr, "fuzz_npy: nd cannot read back what it wrote: %s: %s\n", nd_errclass(), nd_errmsg());
            abort();
        }
        if (!same(a, b)) {
            fprintf(stderr, "fuzz_npy: the array read back differs from the one written\n");
            abort();
        }
        nd_release(b);
    }
    free(sink.p);
}

static void try_stream(const uint8_t *data, size_t size, bool known) {
    if (!known) {
        /* Without a size to check against, the reader allocates what the
         * header claims (as np.load does on a pipe): skip the big claims. */
        mem_src h = mem_source(data, size, false);
        nd_npy_info in = {0};
        int64_t off;
        int rc = nd__npy_read_header(&h.base, &in, &off);
        nd_dtype_release(in.dtype);
        if (rc < 0 || in.nbytes > (int64_t)MAX_INPUT) return;
    }
    mem_src src = mem_source(data, size, known);
    nd_array *a = nd__npy_read(&src.base);
    if (!a) return;
    touch(a);
    if (known) roundtrip(a);
    nd_release(a);
}

static void try_header_text(const uint8_t *data, size_t size) {
    for (int version = 1; version <= 3; version += 2) {
        nd_npy_info in = {0};
        if (nd__npy_parse_header((const char *)data, size, version, &in) == 0) nd_dtype_release(in.dtype);
    }
}

static void try_dtype_text(const uint8_t *data, size_t size) {
    char buf[4097];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, n);
    buf[n] = 0;
    nd_dtype_release(nd_dtype_parse(buf));
    const nd_dtype *d = nd_dtype_from_descr(buf);
    if (d) { /* a parsed descr prints back as a descr that parses */
        char *s = nd_dtype_descr(d);
        nd_free(s);
        nd_dtype_release(d);
    }
}

/* ---- the public file API, on an in-memory file ---- */

static int memfd = -1;
static char memfd_path[64];

static bool put_file(const uint8_t *data, size_t size) {
    if (memfd < 0) {
        memfd = memfd_create("fuzz_npy", MFD_CLOEXEC);
        if (memfd < 0) return false;
        snprintf(memfd_path, sizeof memfd_path, "/proc/self/fd/%d", memfd);
    }
    if (ftruncate(memfd, 0) < 0) return false;
    size_t done = 0;
    while (done < size) {
        ssize_t r = pwrite(memfd, data + done, size - done, (off_t)done);
        if (r <= 0) return false;
        done += (size_t)r;
    }
    return true;
}

static void try_files(const uint8_t *data, size_t size) {
    if (!put_file(data, size)) return;
    const char *modes[] = {NULL, "r"};
    for (int m = 0; m < 2; m++) {
        nd_array *a = nd_load(memfd_path, modes[m]);
        if (a) touch(a);
        nd_release(a);
    }
    nd_npz *z = nd_npz_open(memfd_path);
    if (!z) return;
    for (int i = 0; i < nd_npz_count(z); i++) {
        nd_array *a = nd_npz_get(z, nd_npz_name(z, i));
        if (a) touch(a);
        nd_release(a);
    }
    nd_npz_close(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT) return 0;
    try_stream(data, size, true);
    try_stream(data, size, false);
    try_header_text(data, size);
    try_dtype_text(data, size);
    try_files(data, size);
    nd_clear_error();
    return 0;
}
