/* npz.c — np.savez / np.load for .npz: zip archives of .npy members.
 *
 * Members are streamed: writing goes through a sink that updates the CRC
 * (and deflates), then patches the local header in place; reading inflates
 * straight into the array's memory.  Every size and offset read from the
 * archive is checked against the file before use. */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define ZBUF (256u << 10)
#define U32MAX 0xffffffffu

static void put16(unsigned char *p, unsigned v) { p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8); }
static void put32(unsigned char *p, uint32_t v) { put16(p, v & 0xffff), put16(p + 2, v >> 16); }
static void put64(unsigned char *p, uint64_t v) { put32(p, (uint32_t)v), put32(p + 4, (uint32_t)(v >> 32)); }
static unsigned get16(const unsigned char *p) { return p[0] | (unsigned)p[1] << 8; }
static uint32_t get32(const unsigned char *p) { return get16(p) | (uint32_t)get16(p + 2) << 16; }
static uint64_t get64(const unsigned char *p) { return get32(p) | (uint64_t)get32(p + 4) << 32; }

static int pread_all(int fd, void *p, size_t n, uint64_t off, size_t *got) {
    size_t done = 0;
    *got = 0;
    while (done < n) {
        ssize_t r = pread(fd, (char *)p + done, n - done > (1u << 30) ? (1u << 30) : n - done, (off_t)(off + done));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
        if (r == 0) break;
        done += (size_t)r;
    }
    *got = done;
    return 0;
}

/* ===================================================================== */
/* Writing                                                                */
/* ===================================================================== */

typedef struct member {
    char *name;
    uint32_t crc;
    uint64_t csize, usize, offset;
} member;

typedef struct zsink {
    nd_npy_sink base;
    int fd;
    uint64_t pos;        /* file position (we only append, then patch with pwrite) */
    bool deflate;
    z_stream z;
    unsigned char *out;
    uint32_t crc;
    uint64_t usize, csize;
} zsink;

static int raw_write(zsink *s, const void *p, size_t n) {
    if (nd__io_write(s->fd, p, n) < 0) return -1;
    s->pos += n;
    return 0;
}

static int pump(zsink *s, int flush) {
    int r;
    do {
        s->z.next_out = s->out;
        s->z.avail_out = ZBUF;
        r = deflate(&s->z, flush);
        if (r == Z_STREAM_ERROR) return nd__err(ND_ERUNTIME, "Error %d while compressing data", r);
        size_t n = ZBUF - s->z.avail_out;
        if (n && raw_write(s, s->out, n) < 0) return -1;
        s->csize += n;
    } while (s->z.avail_out == 0 || (flush == Z_FINISH && r != Z_STREAM_END));
    return 0;
}

static int zwrite(nd_npy_sink *base, const void *p, size_t n) {
    zsink *s = (zsink *)base;
    const unsigned char *c = p;
    while (n) { // zlib counts in uInt
        uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
        s->crc = (uint32_t)crc32(s->crc, c, k);
        s->usize += k;
        if (!s->deflate) {
            if (raw_write(s, c, k) < 0) return -1;
            s->csize += k;
        } else {
            s->z.next_in = (Bytef *)c;
            s->z.avail_in = k;
            if (pump(s, Z_NO_FLUSH) < 0) return -1;
        }
        c += k;
        n -= k;
    }
    return 0;
}

static void dos_time(unsigned *t, unsigned *d) {
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    *t = (unsigned)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    *d = (unsigned)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

/* Local header with zip64 sizes (as zipfile's force_zip64), data, then
 * the CRC and sizes patched in. */
static int write_member(zsink *s, member *m, const nd_array *a) {
    unsigned t, d;
    dos_time(&t, &d);
    size_t nl = strlen(m->name);
    unsigned char h[30 + 20];
    put32(h, 0x04034b50);
    put16(h + 4, 45);
    put16(h + 6, 0);
    put16(h + 8, s->deflate ? 8 : 0);
    put16(h + 10, t);
    put16(h + 12, d);
    put32(h + 14, 0);
    put32(h + 18, U32MAX);
    put32(h + 22, U32MAX);
    put16(h + 26, (unsigned)nl);
    put16(h + 28, 20);
    put16(h + 30, 1); // zip64 extra: id, size, uncompressed, compressed
    put16(h + 32, 16);
    memset(h + 34, 0, 16);
    m->offset = s->pos;
    if (raw_write(s, h, 30) < 0 || raw_write(s, m->name, nl) < 0 || raw_write(s, h + 30, 20) < 0) return -1;
    s->crc = 0;
    s->usize = s->csize = 0;
    if (s->deflate) {
        if (deflateReset(&s->z) != Z_OK) return nd__err(ND_ERUNTIME, "deflateReset failed");
    }
    if (nd__npy_write(&s->base, a) < 0) return -1;
    if (s->deflate && pump(s, Z_FINISH) < 0) return -1;
    m->crc = s->crc;
    m->usize = s->usize;
    m->csize = s->csize;
    unsigned char patch[16], crc4[4];
    put64(patch, m->usize);
    put64(patch + 8, m->csize);
    put32(crc4, m->crc);
    if (pwrite(s->fd, crc4, 4, (off_t)(m->offset + 14)) != 4 ||
        pwrite(s->fd, patch, 16, (off_t)(m->offset + 30 + nl + 4)) != 16)
        return nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
    return 0;
}

/* Central directory entries, then the end records (zip64 when needed). */
static int write_directory(zsink *s, member *ms, int n) {
    unsigned t, d;
    dos_time(&t, &d);
    uint64_t cd_start = s->pos;
    for (int i = 0; i < n; i++) {
        member *m = &ms[i];
        size_t nl = strlen(m->name);
        bool zu = m->usize >= U32MAX, zc = m->csize >= U32MAX, zo = m->offset >= U32MAX;
        unsigned char h[46], x[28];
        size_t xl = 0;
        if (zu || zc || zo) {
            xl = 4;
            if (zu) put64(x + xl, m->usize), xl += 8;
            if (zc) put64(x + xl, m->csize), xl += 8;
            if (zo) put64(x + xl, m->offset), xl += 8;
            put16(x, 1);
            put16(x + 2, (unsigned)(xl - 4));
        }
        put32(h, 0x02014b50);
        put16(h + 4, 3 << 8 | 45); // made by Unix, zip 4.5
        put16(h + 6, 45);
        put16(h + 8, 0);
        put16(h + 10, s->deflate ? 8 : 0);
        put16(h + 12, t);
        put16(h + 14, d);
        put32(h + 16, m->crc);
        put32(h + 20, zc ? U32MAX : (uint32_t)m->csize);
        put32(h + 24, zu ? U32MAX : (uint32_t)m->usize);
        put16(h + 28, (unsigned)nl);
        put16(h + 30, (unsigned)xl);
        put16(h + 32, 0);
        put16(h + 34, 0);
        put16(h + 36, 0);
        put32(h + 38, 0600u << 16); // -rw------- as zipfile gives members it writes
        put32(h + 42, zo ? U32MAX : (uint32_t)m->offset);
        if (raw_write(s, h, 46) < 0 || raw_write(s, m->name, nl) < 0 || (xl && raw_write(s, x, xl) < 0)) return -1;
    }
    uint64_t cd_size = s->pos - cd_start, z64 = s->pos;
    bool big = n >= 0xffff || cd_start >= U32MAX || cd_size >= U32MAX;
    unsigned char e[56 + 20 + 22];
    size_t el = 0;
    if (big) {
        put32(e, 0x06064b50);
        put64(e + 4, 44);
        put16(e + 12, 45);
        put16(e + 14, 45);
        put32(e + 16, 0);
        put32(e + 20, 0);
        put64(e + 24, (uint64_t)n);
        put64(e + 32, (uint64_t)n);
        put64(e + 40, cd_size);
        put64(e + 48, cd_start);
        put32(e + 56, 0x07064b50);
        put32(e + 60, 0);
        put64(e + 64, z64);
        put32(e + 72, 1);
        el = 76;
    }
    put32(e + el, 0x06054b50);
    put32(e + el + 4, 0);
    put16(e + el + 8, big ? 0xffff : (unsigned)n);
    put16(e + el + 10, big ? 0xffff : (unsigned)n);
    put32(e + el + 12, big ? U32MAX : (uint32_t)cd_size);
    put32(e + el + 16, big ? U32MAX : (uint32_t)cd_start);
    put16(e + el + 20, 0);
    return raw_write(s, e, el + 22);
}

/* Member names: given ones, else arr_<k> over the unnamed; no duplicates. */
static int make_names(member *ms, int n, const char *const *names) {
    int k = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = names ? names[i] : NULL;
        char auto_name[32];
        if (!nm) snprintf(auto_name, sizeof auto_name, "arr_%d", k++), nm = auto_name;
        for (int j = 0; j < i; j++)
            if (strlen(ms[j].name) == strlen(nm) + 4 && !strncmp(ms[j].name, nm, strlen(nm)))
                return nd__err(ND_EVALUE, "Cannot use un-named variables and keyword %s", nm);
        size_t l = strlen(nm);
        if (l > 0xffff - 4) return nd__err(ND_EVALUE, "member name too long");
        ms[i].name = nd__malloc(l + 5);
        if (!ms[i].name) return nd__err(ND_ENOMEM, NULL);
        memcpy(ms[i].name, nm, l);
        memcpy(ms[i].name + l, ".npy", 5);
    }
    return 0;
}

int nd_savez(const char *path, int n, const char *const *names, const nd_array *const *arrays, bool compress) {
    if (n < 0) return nd__err(ND_EVALUE, "negative array count");
    char *p = nd__io_with_ext(path, ".npz");
    member *ms = nd__calloc((size_t)n + 1, sizeof *ms);
    zsink s = {.base = {zwrite}, .fd = -1, .deflate = compress};
    bool zinit = false;
    int rc = ND_ENOMEM;
    if (!p || !ms || (compress && !(s.out = nd__malloc(ZBUF)))) {
        nd__err(ND_ENOMEM, NULL);
        goto done;
    }
    if ((rc = make_names(ms, n, names)) < 0) goto done;
    if (compress) {
        if (deflateInit2(&s.z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            rc = nd__err(ND_ENOMEM, NULL);
            goto done;
        }
        zinit = true;
    }
    if ((s.fd = nd__io_open(p, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0) {
        rc = s.fd;
        goto done;
    }
    rc = 0;
    for (int i = 0; i < n && rc == 0; i++) rc = write_member(&s, &ms[i], arrays[i]);
    if (rc == 0) rc = write_directory(&s, ms, n);
    if (close(s.fd) < 0 && rc == 0) rc = nd__err(ND_EIO, "[Errno %d] %s", errno, strerror(errno));
    if (rc < 0) unlink(p); // never leave a partial archive behind
done:
    if (zinit) deflateEnd(&s.z);
    for (int i = 0; ms && i < n; i++) nd__free_mem(ms[i].name);
    nd__free_mem(ms);
    nd__free_mem(s.out);
    nd__free_mem(p);
    return rc;
}

/* ===================================================================== */
/* Reading                                                                */
/* ===================================================================== */

typedef struct entry {
    char *name;          /* as stored */
    char *file;          /* name without ".npy" (NpzFile.files) */
    unsigned method, flags;
    uint32_t crc;
    uint64_t csize, usize, offset;
} entry;

struct nd_npz {
    int fd;
    uint64_t size;       /* file size */
    int n;
    entry *e;
};

static int bad_zip(const char *why) { return nd__err(ND_EVALUE, "%s", why); }

/* Find the end records; fills the directory's entry count, size, offset. */
static int find_directory(nd_npz *z, uint64_t *count, uint64_t *cd_size, uint64_t *cd_off) {
    size_t tail = z->size < 65557 ? (size_t)z->size : 65557, got;
    unsigned char *b = nd__malloc(tail + 1);
    if (!b) return nd__err(ND_ENOMEM, NULL);
    int rc = pread_all(z->fd, b, tail, z->size - tail, &got);
    if (rc == 0 && got != tail) rc = bad_zip("File is not a zip file");
    size_t i = tail >= 22 ? tail - 22 + 1 : 0;
    bool found = false;
    while (rc == 0 && !found && i > 0)
        found = get32(b + --i) == 0x06054b50;
    if (rc == 0 && !found) rc = bad_zip("File is not a zip file");
    if (rc == 0) {
        *count = get16(b + i + 10);
        *cd_size = get32(b + i + 12);
        *cd_off = get32(b + i + 16);
        uint64_t eocd = z->size - tail + i;
        unsigned char loc[20], z64[56];
        /* A zip64 locator sits just before the end record. */
        if (eocd >= 20 && pread_all(z->fd, loc, 20, eocd - 20, &got) == 0 && got == 20 &&
            get32(loc) == 0x07064b50) {
            uint64_t at = get64(loc + 8);
            if (at > z->size - 56 || pread_all(z->fd, z64, 56, at, &got) < 0 || got != 56 ||
                get32(z64) != 0x06064b50)
                rc = bad_zip("Corrupt zip64 end of central directory record");
            else
                *count = get64(z64 + 32), *cd_size = get64(z64 + 40), *cd_off = get64(z64 + 48);
        }
    }
    nd__free_mem(b);
    if (rc == 0 && (*cd_off > z->size || *cd_size > z->size - *cd_off || *count > *cd_size / 46))
        rc = bad_zip("Bad central directory");
    return rc;
}

/* zip64 extra field: replaces the 0xffffffff fields, in order. */
static void zip64_extra(entry *e, const unsigned char *x, size_t xl, bool u, bool c, bool o) {
    while (xl >= 4) {
        unsigned id = get16(x), sz = get16(x + 2);
        if (sz > xl - 4) return;
        if (id == 1) {
            const unsigned char *v = x + 4;
            size_t left = sz;
            if (u && left >= 8) e->usize = get64(v), v += 8, left -= 8;
            if (c && left >= 8) e->csize = get64(v), v += 8, left -= 8;
            if (o && left >= 8) e->offset = get64(v);
            return;
        }
        x += 4 + sz;
        xl -= 4 + sz;
    }
}

static int parse_directory(nd_npz *z, const unsigned char *cd, uint64_t size, uint64_t count) {
    z->e = nd__calloc((size_t)count + 1, sizeof *z->e);
    if (!z->e) return nd__err(ND_ENOMEM, NULL);
    uint64_t p = 0;
    for (uint64_t i = 0; i < count; i++) {
        if (size - p < 46 || get32(cd + p) != 0x02014b50) return bad_zip("Bad magic number for central directory");
        const unsigned char *h = cd + p;
        size_t nl = get16(h + 28), xl = get16(h + 30), cl = get16(h + 32);
        if (size - p - 46 < nl + xl + cl) return bad_zip("Truncated central directory");
        entry *e = &z->e[z->n];
        e->flags = get16(h + 8);
        e->method = get16(h + 10);
        e->crc = get32(h + 16);
        e->csize = get32(h + 20);
        e->usize = get32(h + 24);
        e->offset = get32(h + 42);
        zip64_extra(e, h + 46 + nl, xl, e->usize == U32MAX, e->csize == U32MAX, e->offset == U32MAX);
        z->n++; /* counted first so nd_npz_close frees whatever was allocated */
        if (!(e->name = nd__malloc(nl + 1)) || !(e->file = nd__malloc(nl + 1))) return nd__err(ND_ENOMEM, NULL);
        memcpy(e->name, h + 46, nl);
        e->name[nl] = 0;
        bool npy = nl >= 4 && !memcmp(e->name + nl - 4, ".npy", 4);
        memcpy(e->file, e->name, nl + 1);
        if (npy) e->file[nl - 4] = 0;
        p += 46 + nl + xl + cl;
    }
    return 0;
}

nd_npz *nd_npz_open(const char *path) {
    nd_npz *z = nd__calloc(1, sizeof *z);
    if (!z) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    unsigned char *cd = NULL;
    uint64_t count = 0, cd_size = 0, cd_off = 0;
    size_t got;
    struct stat st;
    if ((z->fd = nd__io_open(path, O_RDONLY, 0)) < 0) goto fail;
    if (fstat(z->fd, &st) < 0) {
        nd__io_oserr(errno, path);
        goto fail;
    }
    z->size = (uint64_t)st.st_size;
    if (find_directory(z, &count, &cd_size, &cd_off) < 0) goto fail;
    if (!(cd = nd__malloc((size_t)cd_size + 1))) {
        nd__err(ND_ENOMEM, NULL);
        goto fail;
    }
    if (pread_all(z->fd, cd, (size_t)cd_size, cd_off, &got) < 0) goto fail;
    if (got != cd_size) {
        bad_zip("Truncated central directory");
        goto fail;
    }
    if (parse_directory(z, cd, cd_size, count) < 0) goto fail;
    nd__free_mem(cd);
    return z;
fail:
    nd__free_mem(cd);
    nd_npz_close(z);
    return NULL;
}

void nd_npz_close(nd_npz *z) {
    if (!z) return;
    if (z->fd >= 0) close(z->fd);
    for (int i = 0; z->e && i < z->n; i++) {
        nd__free_mem(z->e[i].name);
        nd__free_mem(z->e[i].file);
    }
    nd__free_mem(z->e);
    nd__free_mem(z);
}

int nd_npz_count(const nd_npz *z) { return z->n; }

const char *nd_npz_name(const nd_npz *z, int i) { return i >= 0 && i < z->n ? z->e[i].file : NULL; }

/* A member's bytes as an nd_npy_src: stored ones are read in place,
 * deflated ones through zlib; the CRC covers whatever comes out. */
typedef struct zsrc {
    nd_npy_src base;
    int fd;
    uint64_t pos, cleft;    /* next compressed byte, compressed bytes left */
    const entry *e;
    z_stream z;
    unsigned char *in;
    bool ended;
    uint32_t crc;
    uint64_t total;         /* bytes produced */
} zsrc;

static int zread_some(zsrc *s, unsigned char *p, size_t n, size_t *got) {
    if (s->e->method == 0) {
        size_t want = n < s->cleft ? n : (size_t)s->cleft;
        if (pread_all(s->fd, p, want, s->pos, got) < 0) return -1;
        s->pos += *got;
        s->cleft -= *got;
        return 0;
    }
    s->z.next_out = p;
    s->z.avail_out = (uInt)n;
    while (s->z.avail_out && !s->ended) {
        if (s->z.avail_in == 0 && s->cleft) {
            size_t k, want = s->cleft < ZBUF ? (size_t)s->cleft : ZBUF;
            if (pread_all(s->fd, s->in, want, s->pos, &k) < 0) return -1;
            if (k == 0) break;
            s->pos += k;
            s->cleft -= k;
            s->z.next_in = s->in;
            s->z.avail_in = (uInt)k;
        }
        int r = inflate(&s->z, Z_NO_FLUSH);
        if (r == Z_STREAM_END) s->ended = true;
        else if (r == Z_BUF_ERROR && s->z.avail_in == 0 && !s->cleft) break; // input ran out
        else if (r != Z_OK)
            return nd__err(ND_EVALUE, "Error %d while decompressing data: %s", r, s->z.msg ? s->z.msg : "");
    }
    *got = n - s->z.avail_out;
    return 0;
}

static int zread(nd_npy_src *base, void *p, size_t n, size_t *got) {
    zsrc *s = (zsrc *)base;
    size_t done = 0;
    while (done < n) {
        size_t k = 0, want = n - done > (1u << 30) ? (1u << 30) : n - done;
        if (zread_some(s, (unsigned char *)p + done, want, &k) < 0) return -1;
        s->crc = (uint32_t)crc32(s->crc, (unsigned char *)p + done, (uInt)k);
        done += k;
        if (k < want) break;
    }
    s->total += done;
    base->avail = s->total >= s->e->usize ? 0 : (int64_t)(s->e->usize - s->total);
    *got = done;
    return 0;
}

/* Where the member's data starts, after checking its local header. */
static int member_start(nd_npz *z, const entry *e, uint64_t *start) {
    unsigned char h[30];
    size_t got, nl = strlen(e->name);
    if (e->offset > z->size || pread_all(z->fd, h, 30, e->offset, &got) < 0) return -1;
    if (got != 30 || get32(h) != 0x04034b50) return bad_zip("Bad magic number for file header");
    if (get16(h + 26) != nl) return bad_zip("File name in directory and header differ.");
    *start = e->offset + 30 + nl + get16(h + 28);
    if (*start > z->size || e->csize > z->size - *start) return bad_zip("Truncated member data");
    if (e->flags & 1) return nd__err(ND_ENOTIMPL, "encrypted members are not supported");
    if (e->method != 0 && e->method != 8) return nd__err(ND_ENOTIMPL, "That compression method is not supported");
    return 0;
}

static nd_array *read_member(nd_npz *z, const entry *e) {
    zsrc s = {.base = {zread, (int64_t)e->usize}, .fd = z->fd, .e = e, .cleft = e->csize};
    if (member_start(z, e, &s.pos) < 0) return NULL;
    if (e->method == 0 && e->usize != e->csize) {
        bad_zip("Bad sizes for a stored member");
        return NULL;
    }
    bool zinit = false;
    nd_array *a = NULL;
    if (e->method == 8) {
        if (!(s.in = nd__malloc(ZBUF)) || inflateInit2(&s.z, -15) != Z_OK) {
            nd__err(ND_ENOMEM, NULL);
            goto done;
        }
        zinit = true;
    }
    a = nd__npy_read(&s.base);
    /* Check the CRC over the whole member, as zipfile does at its end. */
    unsigned char scratch[4096];
    size_t got = 1;
    while (a && s.base.avail > 0 && got) {
        if (zread(&s.base, scratch, sizeof scratch, &got) < 0) nd_release(a), a = NULL;
    }
    if (a && s.total == e->usize && s.crc != e->crc) {
        nd_sbuf b = {0};
        nd__io_repr(&b, e->name, strlen(e->name));
        char *r = nd__sb_finish(&b);
        nd__err(ND_EVALUE, "Bad CRC-32 for file %s", r ? r : e->name);
        nd__free_mem(r);
        nd_release(a);
        a = NULL;
    }
done:
    if (zinit) inflateEnd(&s.z);
    nd__free_mem(s.in);
    return a;
}

nd_array *nd_npz_get(nd_npz *z, const char *name) {
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < z->n; i++)
            if (!strcmp(pass ? z->e[i].file : z->e[i].name, name) && (!pass || strcmp(z->e[i].file, z->e[i].name)))
                return read_member(z, &z->e[i]);
    nd__err(ND_EKEY, "%s is not a file in the archive", name);
    return NULL;
}
