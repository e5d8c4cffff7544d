/* buf.c — refcounted data owners: aligned heap blocks or caller memory. */
#include "nd_internal.h"

/* Buffer records come from the header block cache (core/alloc.c): a
 * malloc/free pair per buffer was half the cost of frombuffer and of every
 * small new array. */
nd_buf *nd_buf_wrap(void *ptr, size_t size, bool readonly, nd_release_fn release, void *ctx) {
    nd_buf *b = nd__hdr_alloc(sizeof *b);
    if (!b) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    atomic_init(&b->refcnt, 1);
    b->ptr = ptr;
    b->size = size;
    b->readonly = readonly;
    b->external = true;
    b->release = release;
    b->ctx = ctx;
    b->alloc_base = NULL;
    b->mapped = false;
    return b;
}

static nd_buf *buf_alloc(size_t size, bool zero) {
    nd_buf *b = nd__hdr_alloc(sizeof *b);
    if (!b) goto fail;
    b->ptr = nd__data_alloc(size, zero, &b->alloc_base, &b->mapped);
    if (!b->ptr) {
        nd__hdr_free(b, sizeof *b);
        goto fail;
    }
    atomic_init(&b->refcnt, 1);
    b->size = size;
    b->readonly = false;
    b->external = false;
    b->release = NULL;
    b->ctx = NULL;
    nd__count_alloc(size);
    return b;
fail:
    nd__err(ND_ENOMEM, "Unable to allocate %zu bytes", size);
    return NULL;
}

nd_buf *nd_buf_alloc(size_t size) { return buf_alloc(size, false); }

nd_buf *nd__buf_alloc_zeroed(size_t size) { return buf_alloc(size, true); }

nd_buf *nd_buf_retain(nd_buf *b) {
    nd__ref_inc(&b->refcnt);
    return b;
}

void nd_buf_release(nd_buf *b) {
    if (!b) return;
    /* As nd_release: a count of 1 is the caller's own reference. */
    if (atomic_load_explicit(&b->refcnt, memory_order_acquire) != 1 && !nd__ref_dec(&b->refcnt)) return;
    if (b->external) {
        if (b->release) b->release(b->ptr, b->size, b->ctx);
    } else {
        nd__data_free(b->alloc_base, b->size, b->mapped);
    }
    nd__hdr_free(b, sizeof *b);
}

void *nd_buf_data(const nd_buf *b) { return b->ptr; }

size_t nd_buf_size(const nd_buf *b) { return b->size; }

long nd_buf_refcount(const nd_buf *b) { return atomic_load(&((nd_buf *)b)->refcnt); }
