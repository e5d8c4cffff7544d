/* alloc.c — the per-thread allocator, aligned data blocks, copy accounting,
 * strict mode and the growable string used by text output. */
#include "nd_internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define HOT_TLS ND__HOT_TLS

static void *libc_malloc(size_t n, void *ud) {
    ND_UNUSED(ud);
    return malloc(n);
}
static void libc_free(void *p, void *ud) {
    ND_UNUSED(ud);
    free(p);
}

/* Per-thread settings: the allocator (fault tests swap it), counters, strict. */
static HOT_TLS nd_allocator cur = {libc_malloc, libc_free, NULL};
static HOT_TLS bool custom;
static _Thread_local bool hdr_registered; /* the header cache's thread-exit drain is set */
static _Thread_local nd_copy_stats stats;
static _Thread_local bool strict;

void nd_set_allocator(const nd_allocator *a) {
    if (a) {
        cur = *a;
        custom = true;
    } else {
        cur = (nd_allocator){libc_malloc, libc_free, NULL};
        custom = false;
    }
    nd__hdr_tls.usable = !custom && hdr_registered;
}

/* Every failed allocation records ND_ENOMEM, so no caller can fail
 * without an error set. */
void *nd__malloc(size_t n) {
    void *p = cur.malloc(n ? n : 1, cur.ud);
    if (!p) nd__err(ND_ENOMEM, NULL);
    return p;
}

void *nd__calloc(size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    void *p = nd__malloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *nd__realloc(void *p, size_t old, size_t n) {
    void *q = nd__malloc(n);
    if (!q) return NULL;
    if (p) {
        memcpy(q, p, old < n ? old : n);
        nd__free_mem(p);
    }
    return q;
}

void nd__free_mem(void *p) {
    if (p) cur.free(p, cur.ud);
}

void nd_free(void *p) { nd__free_mem(p); }

/* ---- header cache ----
 * Creating a view costs little besides its header, and with many live
 * views glibc's tcache (7 blocks per size) runs dry, so headers of up to
 * ND__HDR_NDIM dims come from one fixed block size kept on a per-thread
 * free list.  A block may be freed on another thread: it then joins that
 * thread's list.  The list is capped, bypassed while a custom allocator is
 * installed (so fault tests see every allocation), and drained at thread
 * exit through a pthread key destructor. */
ND__HOT_TLS nd__hdr_cache nd__hdr_tls;

/* Written once under pthread_once, read-only afterwards. */
static pthread_once_t hdr_once = PTHREAD_ONCE_INIT;
static pthread_key_t hdr_key;
static bool hdr_key_ok;

static void hdr_thread_exit(void *unused) {
    ND_UNUSED(unused);
    nd__cache_drain();
    hdr_registered = false; /* a later free (another destructor) registers again */
    nd__hdr_tls.usable = false;
}

static void hdr_make_key(void) { hdr_key_ok = pthread_key_create(&hdr_key, hdr_thread_exit) == 0; }

static bool hdr_register(void) {
    pthread_once(&hdr_once, hdr_make_key);
    if (!hdr_key_ok || pthread_setspecific(hdr_key, &hdr_registered) != 0) return false;
    hdr_registered = true;
    nd__hdr_tls.usable = !custom;
    return true;
}

void *nd__hdr_alloc_slow(size_t n) {
    if (n > ND__HDR_BLOCK) return nd__malloc(n);
    /* Always the full block size, so any small header can enter the cache. */
    return nd__malloc(ND__HDR_BLOCK);
}

void nd__hdr_free_slow(void *p, size_t n) {
    nd__hdr_cache *c = &nd__hdr_tls;
    if (n <= ND__HDR_BLOCK && !custom && c->count < ND__HDR_CAP && (hdr_registered || hdr_register())) {
        nd__hdr_block *b = p;
        b->next = c->head;
        c->head = b;
        c->count++;
        return;
    }
    nd__free_mem(p);
}

void nd__cache_drain(void) {
    /* Cached blocks are plain malloc memory (allocators must wrap malloc):
     * hand them to free() directly so a counting allocator installed now
     * does not see frees it never allocated. */
    nd__hdr_cache *c = &nd__hdr_tls;
    while (c->head) {
        nd__hdr_block *b = c->head;
        c->head = b->next;
        free(b);
    }
    c->count = 0;
}

int nd__cache_count(void) { return nd__hdr_tls.count; }

char *nd__strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = nd__malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

/* Large blocks come straight from mmap: page aligned (avoids the 4K
 * aliasing slowdown of malloc's 16-byte offset), already zero, and eligible
 * for transparent huge pages, which makes first touch ~4x cheaper. */
#define BIG_BLOCK (1u << 20)

void *nd__data_alloc(size_t n, bool zero, void **base, bool *mapped) {
    if (n == 0) n = 1;
    *mapped = false;
    if (!custom && n >= BIG_BLOCK) {
        /* Huge pages need 2 MiB-aligned ranges: map 2 MiB extra, keep the
         * aligned middle and give the slack back. */
        const size_t huge = (size_t)2 << 20, page = 4096;
        size_t len = (n + page - 1) & ~(page - 1);
        if (len > SIZE_MAX - huge) {
            nd__err(ND_ENOMEM, NULL);
            return NULL;
        }
        char *raw = mmap(NULL, len + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED) {
            nd__err(ND_ENOMEM, "Unable to allocate %zu bytes", n);
            return NULL;
        }
        char *p = (char *)(((uintptr_t)raw + huge - 1) & ~(uintptr_t)(huge - 1));
        if (p > raw) munmap(raw, (size_t)(p - raw));
        size_t tail = (size_t)(raw + len + huge - (p + len));
        if (tail) munmap(p + len, tail);
#ifdef MADV_HUGEPAGE
        madvise(p, len, MADV_HUGEPAGE);
#endif
        *base = p;
        *mapped = true;
        return p;
    }
    if (n > SIZE_MAX - 64) return NULL;
    char *raw = nd__malloc(n + 64);
    if (!raw) return NULL;
    char *p = (char *)(((uintptr_t)raw + 64) & ~(uintptr_t)63);
    if (zero) memset(p, 0, n);
    *base = raw;
    return p;
}

void nd__data_free(void *base, size_t n, bool mapped) {
    if (mapped)
        munmap(base, n ? n : 1);
    else
        nd__free_mem(base);
}

void nd__count_copy(uint64_t bytes) {
    stats.copies++;
    stats.bytes_copied += bytes;
}

void nd__count_alloc(uint64_t bytes) {
    stats.allocations++;
    stats.bytes_allocated += bytes;
}

void nd_copy_stats_get(nd_copy_stats *out) { *out = stats; }

void nd_copy_stats_reset(void) { memset(&stats, 0, sizeof stats); }

bool nd_set_strict(bool on) {
    bool old = strict;
    strict = on;
    return old;
}

bool nd_get_strict(void) { return strict; }

int nd__strict_check(const char *op) {
    if (strict) return nd__err(ND_ECOPY, "strict mode: %s would make an implicit copy", op);
    return 0;
}

/* ---- growable string ---- */

static bool sb_reserve(nd_sbuf *b, size_t extra) {
    if (b->oom) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    char *s = nd__realloc(b->s, b->len, cap);
    if (!s) {
        b->oom = true;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void nd__sb_putn(nd_sbuf *b, const char *s, size_t n) {
    if (!sb_reserve(b, n)) return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void nd__sb_putc(nd_sbuf *b, char c) { nd__sb_putn(b, &c, 1); }

void nd__sb_puts(nd_sbuf *b, const char *s) { nd__sb_putn(b, s, strlen(s)); }

void nd__sb_printf(nd_sbuf *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        nd__sb_putn(b, tmp, (size_t)n);
        return;
    }
    if (!sb_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *nd__sb_finish(nd_sbuf *b) {
    if (b->oom || !sb_reserve(b, 0)) {
        nd__free_mem(b->s);
        b->s = NULL;
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    char *s = b->s;
    b->s = NULL;
    return s;
}
