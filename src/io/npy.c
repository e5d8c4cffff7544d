/* npy.c — np.save / np.load for .npy files, in memory or memory-mapped.
 *
 * Saving preallocates the data's extent (posix_fallocate, as NumPy's
 * tofile does) and then writes straight from the array's memory; that is
 * about 3x faster than letting write(2) grow the file.  Loading reads into
 * a fresh page-aligned block. */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (16u << 20) /* staging size for non-contiguous arrays */

/* ---- writing ---- */

/* Non-contiguous data goes out in C order, a block of leading-axis rows
 * at a time, so the staging memory stays bounded. */
static int write_strided(nd_npy_sink *s, const nd_array *a) {
    int64_t isz = a->dtype->itemsize, rows = a->shape[0];
    int64_t rowbytes = nd_nbytes(a) / rows;
    int64_t per = rowbytes >= (int64_t)CHUNK ? 1 : (int64_t)CHUNK / rowbytes;
    if (per > rows) per = rows;
    char *tmp = nd__malloc((size_t)(per * rowbytes));
    if (!tmp) return nd__err(ND_ENOMEM, NULL);
    int64_t shape[ND_MAXDIMS], st[ND_MAXDIMS];
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof *shape);
    int rc = 0;
    for (int64_t r = 0; r < rows && rc == 0; r += per) {
        shape[0] = rows - r < per ? rows - r : per;
        nd__c_strides(a->ndim, shape, isz, st);
        nd__copy_raw(a->ndim, shape, tmp, st, a->data + r * a->strides[0], a->strides, isz);
        rc = s->write(s, tmp, (size_t)(shape[0] * rowbytes));
    }
    nd__free_mem(tmp);
    return rc;
}

static int write_data(nd_npy_sink *s, const nd_array *a) {
    int64_t n = nd_nbytes(a);
    if (n == 0) return 0;
    if (a->flags & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS)) return s->write(s, a->data, (size_t)n);
    return write_strided(s, a);
}

int nd__npy_write(nd_npy_sink *s, const nd_array *a) {
    bool fortran;
    size_t hlen;
    char *h = nd__npy_make_header(a, &fortran, &hlen);
    if (!h) return ND_ENOMEM;
    int rc = s->write(s, h, hlen);
    nd__free_mem(h);
    return rc < 0 ? rc : write_data(s, a);
}

typedef struct fd_sink {
    nd_npy_sink base;
    int fd;
    bool header_done;
    int64_t nbytes;
} fd_sink;

static int fd_write(nd_npy_sink *s, const void *p, size_t n) {
    fd_sink *f = (fd_sink *)s;
    if (!f->header_done) {
        /* The header is first: reserve the data's blocks right after it. */
        f->header_done = true;
        int r = f->nbytes > 0 ? posix_fallocate(f->fd, (off_t)n, (off_t)f->nbytes) : 0;
        if (r == ENOSPC)
            return nd__err(ND_EIO, "Not enough free space to write %lld bytes", (long long)f->nbytes);
    }
    return nd__io_write(f->fd, p, n);
}

int nd_save(const char *path, const nd_array *a) {
    char *p = nd__io_with_ext(path, ".npy");
    if (!p) return ND_ENOMEM;
    int fd = nd__io_open(p, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) {
        int rc = nd_errcode();
        nd__free_mem(p);
        return rc;
    }
    fd_sink s = {{fd_write}, fd, false, nd_nbytes(a)};
    int rc = nd__npy_write(&s.base, a);
    if (close(fd) < 0 && rc == 0) rc = nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
    if (rc < 0) unlink(p); // never leave a partial file behind
    nd__free_mem(p);
    return rc;
}

/* ---- reading ---- */

/* The array for a parsed header: C order is one root array; Fortran order
 * is, as in NumPy's read_array, a transposed view of a 1-d root. */
static nd_array *alloc_for(const nd_npy_info *in, nd_array **root) {
    if (!in->fortran) return *root = nd__alloc_array(in->ndim, in->shape, in->dtype, 'C');
    int64_t n = in->nbytes / in->dtype->itemsize;
    *root = nd__alloc_array(1, &n, in->dtype, 'C');
    if (!*root) return NULL;
    nd_array *v = nd__view_new(*root, in->ndim, in->dtype);
    if (!v) {
        nd_release(*root);
        return NULL;
    }
    memcpy(v->shape, in->shape, (size_t)in->ndim * sizeof *v->shape);
    nd__f_strides(in->ndim, in->shape, in->dtype->itemsize, v->strides);
    nd__update_flags(v);
    nd_release(*root); // v holds it as its base
    return v;
}

/* NumPy's error for too little data: fromfile reads short and the reshape
 * fails (files), or _read_bytes hits EOF (zip members). */
static int short_data(const nd_npy_info *in, int64_t got, bool is_file) {
    if (!is_file)
        return nd__err(ND_EVALUE, "EOF: reading array data, expected %lld bytes got %lld", (long long)in->nbytes,
                       (long long)got);
    int64_t shp[ND_MAXDIMS];
    for (int i = 0; i < in->ndim; i++) shp[i] = in->shape[in->fortran ? in->ndim - 1 - i : i];
    char s[ND_MAXDIMS * 22 + 4];
    nd__fmt_shape(s, sizeof s, in->ndim, shp);
    return nd__err(ND_EVALUE, "cannot reshape array of size %lld into shape %s",
                   (long long)(got / in->dtype->itemsize), s);
}

static nd_array *read_body(nd_npy_src *s, nd_npy_info *in, bool is_file) {
    if (s->avail >= 0 && s->avail < in->nbytes) { // refuse before allocating what the header claims
        short_data(in, s->avail, is_file);
        return NULL;
    }
    nd_array *root, *a = alloc_for(in, &root);
    if (!a) return NULL;
    size_t got;
    if (in->nbytes > 0 && s->read(s, root->data, (size_t)in->nbytes, &got) < 0) goto fail;
    if (in->nbytes > 0 && (int64_t)got < in->nbytes) {
        short_data(in, (int64_t)got, is_file);
        goto fail;
    }
    return a;
fail:
    nd_release(a);
    return NULL;
}

nd_array *nd__npy_read(nd_npy_src *s) {
    nd_npy_info in = {0};
    int64_t off;
    if (nd__npy_read_header(s, &in, &off) < 0) return NULL;
    nd_array *a = read_body(s, &in, false);
    nd_dtype_release(in.dtype);
    return a;
}

typedef struct fd_src {
    nd_npy_src base;
    int fd;
} fd_src;

static int fd_read(nd_npy_src *s, void *p, size_t n, size_t *got) {
    fd_src *f = (fd_src *)s;
    int rc = nd__io_read(f->fd, p, n, got);
    if (s->avail >= 0) s->avail = (int64_t)*got > s->avail ? 0 : s->avail - (int64_t)*got;
    return rc;
}

static nd_array *load_mapped(const char *path, const char *mode, nd_npy_info *in, int64_t off) {
    if (mode[0] == 'w') {
        nd__err(ND_EVALUE, "mmap_mode must be 'r', 'r+' or 'c' to load an existing file");
        return NULL;
    }
    return nd__memmap_open(path, in->dtype, mode, off, in->ndim, in->shape, in->fortran ? 'F' : 'C');
}

nd_array *nd_load(const char *path, const char *mmap_mode) {
    const char *mode = NULL;
    if (mmap_mode && !(mode = nd__memmap_mode(mmap_mode))) return NULL;
    int fd = nd__io_open(path, O_RDONLY, 0);
    if (fd < 0) return NULL;
    struct stat st;
    fd_src s = {{fd_read, -1}, fd};
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) s.base.avail = (int64_t)st.st_size;
    nd_npy_info in = {0};
    int64_t off;
    nd_array *a = NULL;
    if (nd__npy_read_header(&s.base, &in, &off) == 0)
        a = mode ? load_mapped(path, mode, &in, off) : read_body(&s.base, &in, true);
    close(fd);
    nd_dtype_release(in.dtype);
    return a;
}
