/* fileio.c — file helpers shared by memmap, .npy and .npz: Python's OSError
 * messages, whole reads and writes, np.save's extension rule. */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

void nd__io_repr(nd_sbuf *b, const char *s, size_t n) {
    /* Python prefers single quotes and switches only when that avoids escapes. */
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    nd__sb_putc(b, q);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == (unsigned char)q) {
            nd__sb_putc(b, '\\');
            nd__sb_putc(b, (char)c);
        } else if (c == '\n') {
            nd__sb_puts(b, "\\n");
        } else if (c == '\r') {
            nd__sb_puts(b, "\\r");
        } else if (c == '\t') {
            nd__sb_puts(b, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            nd__sb_printf(b, "\\x%02x", c);
        } else {
            nd__sb_putc(b, (char)c);
        }
    }
    nd__sb_putc(b, q);
}

int nd__io_oserr(int e, const char *path) {
    int code;
    switch (e) {
    case ENOENT: code = ND_ENOENT; break;
    case EISDIR: code = ND_EISDIR; break;
    case EACCES: case EPERM: code = ND_EPERM; break;
    case ENOMEM: return nd__err(ND_ENOMEM, NULL);
    default: code = ND_EIO; break;
    }
    nd_sbuf b = {0};
    nd__io_repr(&b, path, strlen(path));
    char *r = nd__sb_finish(&b);
    nd__err(code, "[Errno %d] %s: %s", e, strerror(e), r ? r : path);
    nd__free_mem(r);
    return code;
}

int nd__io_open(const char *path, int flags, int mode) {
    int fd;
    do fd = open(path, flags | O_CLOEXEC, mode);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return nd__io_oserr(errno, path);
    /* open(2) lets a directory be opened for reading; Python's open() refuses. */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return nd__io_oserr(EISDIR, path);
    }
    return fd;
}

int nd__io_read(int fd, void *p, size_t n, size_t *got) {
    size_t done = 0;
    while (done < n) {
        size_t want = n - done > (1u << 30) ? (1u << 30) : n - done;
        ssize_t r = read(fd, (char *)p + done, want);
        if (r < 0) {
            if (errno == EINTR) continue;
            *got = done;
            return nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
        }
        if (r == 0) break;
        done += (size_t)r;
    }
    *got = done;
    return 0;
}

int nd__io_write(int fd, const void *p, size_t n) {
    size_t done = 0;
    while (done < n) {
        size_t want = n - done > (1u << 30) ? (1u << 30) : n - done;
        ssize_t r = write(fd, (const char *)p + done, want);
        if (r < 0) {
            if (errno == EINTR) continue;
            return nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
        }
        done += (size_t)r;
    }
    return 0;
}

char *nd__io_with_ext(const char *path, const char *ext) {
    size_t n = strlen(path), e = strlen(ext);
    bool has = n >= e && !memcmp(path + n - e, ext, e);
    char *r = nd__malloc(n + e + 1);
    if (!r) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    memcpy(r, path, n);
    memcpy(r + n, has ? "" : ext, has ? 1 : e + 1);
    return r;
}
