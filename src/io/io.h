/* io.h — helpers shared by the files of src/io (never installed). */
#ifndef ND_IO_H
#define ND_IO_H

#include "nd_internal.h"

#include <stdio.h>

/* Set the error Python's open() would raise for errno e on path:
 * "[Errno 2] No such file or directory: 'x'" as FileNotFoundError, etc. */
int nd__io_oserr(int e, const char *path);
/* Python's repr() of a byte string (quotes chosen as Python does). */
void nd__io_repr(nd_sbuf *b, const char *s, size_t n);
/* open(2) with Python's open() errors (a directory is IsADirectoryError
 * even for reading).  Returns the fd or <0 with the error set. */
int nd__io_open(const char *path, int flags, int mode);
/* Read exactly n bytes at the current position unless EOF comes first;
 * *got receives the count.  <0 (ND_EIO) on a read error. */
int nd__io_read(int fd, void *p, size_t n, size_t *got);
/* Write all n bytes.  <0 (ND_EIO / disk full) on error. */
int nd__io_write(int fd, const void *p, size_t n);
/* path with `ext` appended unless it already ends with it (np.save's rule).
 * NULL and ND_ENOMEM on failure; free with nd__free_mem. */
char *nd__io_with_ext(const char *path, const char *ext);

/* Parse a memmap mode name ("r", "readonly", ...) into "r", "r+", "w+" or
 * "c"; NULL and NumPy's ValueError for anything else. */
const char *nd__memmap_mode(const char *mode);
/* nd_memmap after the mode has been parsed. */
nd_array *nd__memmap_open(const char *path, const nd_dtype *dt, const char *mode, int64_t offset, int ndim,
                          const int64_t *shape, char order);

/* ---- .npy headers (npyhdr.c) ---- */

typedef struct nd_npy_info {
    const nd_dtype *dtype; /* new ref after a successful parse */
    int ndim;
    int64_t shape[ND_MAXDIMS];
    bool fortran;
    int64_t nbytes;        /* size * itemsize */
} nd_npy_info;

/* Reads the .npy data as a stream: plain files, stored or deflated zip members. */
typedef struct nd_npy_src {
    int (*read)(struct nd_npy_src *s, void *p, size_t n, size_t *got); /* <0 on error (set) */
    int64_t avail; /* bytes known to remain, or -1 when unknown */
} nd_npy_src;

/* Read and check the magic string, version and header from s (positioned
 * at the start of the file) and parse it.  *data_offset receives the
 * header's total length.  Errors follow np.load's messages. */
int nd__npy_read_header(nd_npy_src *s, nd_npy_info *info, int64_t *data_offset);
/* Parse the header dict text (after version/length) into info. */
int nd__npy_parse_header(const char *text, size_t n, int version, nd_npy_info *info);
/* Build the full header (magic .. trailing newline) NumPy would write for
 * a; *len receives its length.  NULL and ND_ENOMEM on failure. */
char *nd__npy_make_header(const nd_array *a, bool *fortran, size_t *len);

/* Writes .npy data to a sink (a plain fd or a zip member). */
typedef struct nd_npy_sink {
    int (*write)(struct nd_npy_sink *s, const void *p, size_t n); /* <0 on error (set) */
} nd_npy_sink;
/* Write a's header and data through the sink (data compact, C order
 * unless a is F-contiguous only). */
int nd__npy_write(nd_npy_sink *s, const nd_array *a);
/* Read a whole array through a source whose header is next. */
nd_array *nd__npy_read(nd_npy_src *s);

#endif /* ND_IO_H */
