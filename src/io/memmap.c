/* memmap.c — NumPy's memmap: a file mapped into memory as an array.
 *
 * The mapping is an external nd_buf whose release callback unmaps it, so
 * every view keeps it alive and the last release unmaps it exactly once.
 * Unlike NumPy, every check that can fail runs before the file is touched,
 * so a failing call never creates, truncates or grows a file. */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MODE_R, MODE_C, MODE_RP, MODE_WP };

static const char *const mode_names[] = {"r", "c", "r+", "w+", "readonly", "copyonwrite", "readwrite", "write"};

const char *nd__memmap_mode(const char *mode) {
    if (!mode) return "r+";
    for (int i = 0; i < 8; i++)
        if (!strcmp(mode, mode_names[i])) return mode_names[i % 4];
    nd_sbuf b = {0};
    nd__io_repr(&b, mode, strlen(mode));
    char *r = nd__sb_finish(&b);
    nd__err(ND_EVALUE,
            "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write'] (got %s)",
            r ? r : mode);
    nd__free_mem(r);
    return NULL;
}

static int mode_code(const char *m) {
    return m[0] == 'c' ? MODE_C : m[0] == 'w' ? MODE_WP : m[1] == '+' ? MODE_RP : MODE_R;
}

/* The release callback: ctx carries the mode so flush knows what to do. */
static void unmap(void *ptr, size_t size, void *ctx) {
    ND_UNUSED(ctx);
    if (ptr) munmap(ptr, size); /* NULL: the call failed before mapping */
}

bool nd_is_memmap(const nd_array *a) {
    const nd_buf *b = nd__buf(a);
    return b && b->external && b->release == unmap;
}

int nd_memmap_flush(const nd_array *a) {
    if (!nd_is_memmap(a)) return nd__err(ND_EATTR, "'numpy.ndarray' object has no attribute 'flush'");
    const nd_buf *b = nd__buf(a);
    int m = (int)(uintptr_t)b->ctx;
    if (m == MODE_R || m == MODE_C) return 0; // Python's mmap.flush does nothing for these
    if (msync(b->ptr, b->size, MS_SYNC) < 0) return nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
    return 0;
}

/* What the mapping will be: the element count, file size needed, and the
 * page-aligned window [start, start + len). */
typedef struct plan {
    int ndim;
    int64_t shape[ND_MAXDIMS];
    int64_t bytes;  /* offset + nbytes: the file must be at least this long */
    int64_t start;  /* mapping offset, a multiple of the page size */
    int64_t len;    /* mapping length */
    bool grow;      /* r+/w+ extend the file to `bytes` */
} plan;

/* NumPy's memmap.__new__ then Python's mmap checks, against the file size
 * the file will have, so errors come before any change to it. */
static int make_plan(plan *p, int64_t flen, int m, const nd_dtype *dt, int64_t offset, int ndim,
                     const int64_t *shape) {
    int64_t isz = dt->itemsize, size;
    if (!shape) {
        int64_t avail = flen - offset;
        if (((avail % isz) + isz) % isz) // Python's modulo: the sign follows the divisor
            return nd__err(ND_EVALUE, "Size of available data is not a multiple of the data-type size.");
        p->ndim = 1;
        p->shape[0] = avail / isz;
        if (p->shape[0] < 0) return nd__err(ND_EVALUE, "negative dimensions are not allowed");
    } else {
        if (ndim < 0 || ndim > ND_MAXDIMS)
            return nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS,
                           ndim);
        p->ndim = ndim;
        memcpy(p->shape, shape, (size_t)ndim * sizeof *shape);
    }
    if (!nd__checked_size(p->ndim, p->shape, isz, &size)) return ND_EVALUE;
    if (offset < 0) return nd__err(ND_EOVERFLOW, "memory mapped offset must be positive");
    if (__builtin_add_overflow(offset, size * isz, &p->bytes))
        return nd__err(ND_EOVERFLOW, "memory mapped length must be positive");
    int64_t page = (int64_t)sysconf(_SC_PAGESIZE);
    p->start = offset - offset % page;
    p->len = p->bytes - p->start;
    p->grow = (m == MODE_RP || m == MODE_WP) && flen < p->bytes;
    int64_t fsize = p->grow ? p->bytes : flen;
    if (p->len == 0) { // Python's mmap takes length 0 to mean "to the end of the file"
        if (fsize == 0) return nd__err(ND_EVALUE, "cannot mmap an empty file");
        if (p->start >= fsize) return nd__err(ND_EVALUE, "mmap offset is greater than file size");
        p->len = fsize - p->start;
    } else if (p->start > fsize || fsize - p->start < p->len) {
        return nd__err(ND_EVALUE, "mmap length is greater than file size");
    }
    if ((uint64_t)p->len > SIZE_MAX) return nd__err(ND_EOVERFLOW, "memory mapped length must be positive");
    return 0;
}

static int open_file(const char *path, int m, bool *created) {
    *created = false;
    if (m != MODE_WP) return nd__io_open(path, m == MODE_RP ? O_RDWR : O_RDONLY, 0);
    /* "w+" creates the file only once it is sure to be needed: open an
     * existing one first, and remember whether we made it. */
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd >= 0 || errno != ENOENT) {
        if (fd >= 0) close(fd);
        return nd__io_open(path, O_RDWR, 0);
    }
    fd = nd__io_open(path, O_RDWR | O_CREAT | O_EXCL, 0666);
    if (fd >= 0) *created = true;
    return fd;
}

/* The buffer and header are made before the file is touched, so that an
 * allocation failure never leaves a file truncated or grown; the mapping
 * is filled in once it exists (set_map). */
static nd_array *prealloc(const plan *p, int m) {
    nd_buf *b = nd_buf_wrap(NULL, (size_t)p->len, m == MODE_R, unmap, (void *)(uintptr_t)m);
    if (!b) return NULL;
    nd_array *a = nd__header_new(p->ndim);
    if (!a) {
        nd_buf_release(b);
        return NULL;
    }
    a->buf = b;
    return a;
}

static void set_map(nd_array *a, void *map, const plan *p, int m, const nd_dtype *dt, int64_t offset, char order) {
    a->buf->ptr = map;
    a->dtype = nd_dtype_retain(dt);
    a->data = (char *)map + (offset - p->start);
    if (p->ndim) memcpy(a->shape, p->shape, (size_t)p->ndim * sizeof(int64_t));
    if (order == 'F')
        nd__f_strides(p->ndim, p->shape, dt->itemsize, a->strides);
    else
        nd__c_strides(p->ndim, p->shape, dt->itemsize, a->strides);
    a->flags = m == MODE_R ? 0 : ND_WRITEABLE;
    nd__update_flags(a);
}

nd_array *nd__memmap_open(const char *path, const nd_dtype *dt, const char *mode, int64_t offset, int ndim,
                          const int64_t *shape, char order) {
    int m = mode_code(mode);
    if (!dt) dt = nd_dtype_of(ND_UINT8);
    if (dt->base) { /* checked before the file is touched */
        nd__err(ND_ETYPE, "memmap of a sub-array dtype is not supported by nd: give its base dtype and the longer shape");
        return NULL;
    }
    if (m == MODE_WP && !shape) {
        nd__err(ND_EVALUE, "shape must be given");
        return NULL;
    }
    if (order == 0 || order == 'A' || order == 'K') order = 'C';
    if (order != 'C' && order != 'F') {
        nd__err(ND_EVALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", order);
        return NULL;
    }
    bool created;
    nd_array *a = NULL;
    int fd = open_file(path, m, &created);
    if (fd < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        nd__io_oserr(errno, path);
        goto fail;
    }
    int64_t flen = m == MODE_WP ? 0 : (int64_t)st.st_size; // "w+" truncates
    plan p;
    if (make_plan(&p, flen, m, dt, offset, ndim, shape) < 0) goto fail;
    a = prealloc(&p, m);
    if (!a) goto fail;
    int64_t old = (int64_t)st.st_size;
    if ((m == MODE_WP && old > 0 && ftruncate(fd, 0) < 0) || (p.grow && ftruncate(fd, (off_t)p.bytes) < 0)) {
        nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
        goto fail;
    }
    int prot = m == MODE_R ? PROT_READ : PROT_READ | PROT_WRITE;
    void *map = mmap(NULL, (size_t)p.len, prot, m == MODE_C ? MAP_PRIVATE : MAP_SHARED, fd, (off_t)p.start);
    if (map == MAP_FAILED) {
        int e = errno;
        if (p.grow && m == MODE_RP) (void)!ftruncate(fd, (off_t)old); // best effort: undo the growth
        nd__err(e == ENOMEM ? ND_ENOMEM : ND_EIO, "[Errno %d] %s", e, strerror(e));
        goto fail;
    }
    close(fd); // the mapping keeps the file open
    set_map(a, map, &p, m, dt, offset, order);
    return a;
fail:
    nd_release(a);
    close(fd);
    if (created) unlink(path);
    return NULL;
}

nd_array *nd_memmap(const char *path, const nd_dtype *dt, const char *mode, int64_t offset, int ndim,
                    const int64_t *shape, char order) {
    const char *m = nd__memmap_mode(mode);
    if (!m) return NULL;
    return nd__memmap_open(path, dt, m, offset, ndim, shape, order);
}
