/* fault.c — the counting allocator and the fault-injection driver. */
#include "fault.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- counting allocator (test code: plain statics are fine here) ---- */

static struct {
    long live;       /* blocks handed out and not yet freed */
    long count;      /* allocation attempts so far */
    long fail_at;    /* refuse attempt number fail_at (0: never) */
    bool persistent; /* ... and every attempt after it */
    long refused;    /* attempts refused so far */
} st;

static void *count_malloc(size_t n, void *ud) {
    (void)ud;
    st.count++;
    if (st.fail_at && (st.count == st.fail_at || (st.persistent && st.count > st.fail_at))) {
        st.refused++;
        return NULL;
    }
    void *p = malloc(n);
    if (p) st.live++;
    return p;
}

static void count_free(void *p, void *ud) {
    (void)ud;
    if (!p) return;
    st.live--;
    free(p);
}

static const nd_allocator counting = {count_malloc, count_free, NULL};

void fault_disarm(void) { st.fail_at = 0; }
const nd_allocator *fault_allocator(void) { return &counting; }

/* ---- result helpers ---- */

/* The status of a failed call: its error code, or FAULT_NOERR when it
 * failed without setting one (a bug the driver reports). */
static int failed(void) { return nd_errcode() ? nd_errcode() : FAULT_NOERR; }

int keep(fault_fx *f, nd_array *r) { return (f->out = r) ? 0 : failed(); }
int keep_buf(fault_fx *f, nd_buf *b) { return (f->out_buf = b) ? 0 : failed(); }
int keep_str(fault_fx *f, char *s) { return (f->out_str = s) ? 0 : failed(); }
int keep_dt(fault_fx *f, const nd_dtype *d) { return (f->out_dt = d) ? 0 : failed(); }
int keep_int(fault_fx *f, int rc) { return rc < 0 ? (nd_errcode() ? rc : FAULT_NOERR) : (f->out_int = rc, 0); }

int keep_obj(fault_fx *f, void *p, void (*free_fn)(void *)) {
    f->out_obj = p;
    f->out_obj_free = free_fn;
    return p ? 0 : failed();
}

int keep_mem(fault_fx *f, void *p, size_t len) {
    f->out_mem = p;
    f->out_len = len;
    return p ? 0 : failed();
}

/* ---- setup helpers ---- */

nd_array *fx_owner(int ndim, const int64_t *shape, nd_type t) {
    nd_array *a = nd_empty(ndim, shape, nd_dtype_of(t), 'C');
    if (!a) return NULL;
    int64_t idx[ND_MAXDIMS] = {0};
    for (int64_t k = 0; k < nd_size(a); k++) {
        int64_t r = k;
        for (int i = ndim - 1; i >= 0; i--) {
            idx[i] = r % shape[i];
            r /= shape[i];
        }
        /* Values with a fractional part for floats, so text output is varied. */
        nd_value v = nd_dtype_kind(nd_dtype_of(t)) == 'f' || nd_dtype_kind(nd_dtype_of(t)) == 'c'
                         ? ND_F64((double)k * 1.25 - 3)
                         : ND_I64(k);
        if (nd_set(a, idx, v) < 0) {
            nd_release(a);
            return NULL;
        }
    }
    return a;
}

nd_array *fx_strided(nd_array *owner, nd_type t, int ndim, const int64_t *shape, const int64_t *strides,
                     int64_t offset) {
    return nd_from_buf(nd_array_buf(owner), nd_dtype_of(t), ndim, shape, strides, offset);
}

/* ---- snapshots of the inputs ---- */

typedef struct snap {
    const nd_array *p;
    int ndim, flags;
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    long ref, baseref, bufref;
    void *data;
    const nd_dtype *dt;
    nd_array *base;
    nd_buf *buf;
    unsigned char *bytes; /* copy of the whole buffer (libc memory, not counted) */
    size_t nbytes;
} snap;

static void snap_buf(snap *s, nd_buf *b) {
    s->buf = b;
    s->bufref = nd_buf_refcount(b);
    s->nbytes = nd_buf_size(b);
    s->bytes = malloc(s->nbytes ? s->nbytes : 1);
    assert_non_null(s->bytes);
    memcpy(s->bytes, nd_buf_data(b), s->nbytes);
}

static void snap_take(snap *s, const fault_fx *f) {
    memset(s, 0, (FAULT_NIN + 1) * sizeof *s);
    for (int k = 0; k < FAULT_NIN; k++) {
        const nd_array *a = f->a[k];
        if (!a) continue;
        snap *x = &s[k];
        x->p = a;
        x->ndim = nd_ndim(a);
        x->flags = nd_flags(a);
        memcpy(x->shape, nd_shape(a), (size_t)x->ndim * sizeof(int64_t));
        memcpy(x->strides, nd_strides(a), (size_t)x->ndim * sizeof(int64_t));
        x->ref = nd_refcount(a);
        x->data = nd_data(a);
        x->dt = nd_array_dtype(a);
        x->base = nd_base(a);
        x->baseref = x->base ? nd_refcount(x->base) : 0;
        snap_buf(x, nd_array_buf(a));
    }
    if (f->buf) snap_buf(&s[FAULT_NIN], f->buf);
}

static void snap_free(snap *s) {
    for (int k = 0; k <= FAULT_NIN; k++) free(s[k].bytes);
}

/* Fails the test naming the first difference between s and the inputs now. */
static void snap_check(const snap *s, const fault_fx *f, const char *ctx) {
    for (int k = 0; k <= FAULT_NIN; k++) {
        const snap *x = &s[k];
        if (k < FAULT_NIN && x->p) {
            const nd_array *a = f->a[k];
            if (nd_ndim(a) != x->ndim || memcmp(nd_shape(a), x->shape, (size_t)x->ndim * sizeof(int64_t)) ||
                memcmp(nd_strides(a), x->strides, (size_t)x->ndim * sizeof(int64_t)))
                fail_msg("%s: input %d changed shape or strides", ctx, k);
            if (nd_flags(a) != x->flags) fail_msg("%s: input %d flags %#x -> %#x", ctx, k, x->flags, nd_flags(a));
            if (nd_refcount(a) != x->ref) fail_msg("%s: input %d refcount %ld -> %ld", ctx, k, x->ref, nd_refcount(a));
            if (nd_data(a) != x->data || nd_array_dtype(a) != x->dt || nd_base(a) != x->base)
                fail_msg("%s: input %d data, dtype or base changed", ctx, k);
            if (x->base && nd_refcount(x->base) != x->baseref)
                fail_msg("%s: input %d base refcount %ld -> %ld", ctx, k, x->baseref, nd_refcount(x->base));
        }
        if (!x->buf) continue;
        if (nd_buf_refcount(x->buf) != x->bufref)
            fail_msg("%s: input %d buffer refcount %ld -> %ld", ctx, k, x->bufref, nd_buf_refcount(x->buf));
        if (memcmp(nd_buf_data(x->buf), x->bytes, x->nbytes)) fail_msg("%s: input %d bytes changed", ctx, k);
    }
}

/* ---- result digests: what the op returned, as text (libc memory) ---- */

static void put(char **d, size_t *len, size_t *cap, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(*d + *len, *cap - *len, fmt, ap);
        va_end(ap);
        if (n >= 0 && *len + (size_t)n < *cap) {
            *len += (size_t)n;
            return;
        }
        *cap = *cap * 2 + (size_t)n + 64;
        *d = realloc(*d, *cap);
        assert_non_null(*d);
    }
}

static void digest_array(char **d, size_t *len, size_t *cap, const nd_array *a) {
    const nd_dtype *dt = nd_array_dtype(a);
    int n = nd_ndim(a);
    put(d, len, cap, "array %c%c%lld nd=%d flags=%#x shape", nd_dtype_kind(dt), nd_dtype_byteorder(dt),
        (long long)nd_dtype_itemsize(dt), n, nd_flags(a) & ~ND_ALIGNED);
    for (int i = 0; i < n; i++) put(d, len, cap, " %lld/%lld", (long long)nd_shape(a)[i], (long long)nd_strides(a)[i]);
    put(d, len, cap, " bytes");
    int64_t size = nd_size(a), isz = nd_dtype_itemsize(dt), idx[ND_MAXDIMS] = {0};
    for (int64_t k = 0; k < size; k++) { /* C-order walk over the elements */
        const unsigned char *p = nd_data(a);
        for (int i = 0; i < n; i++) p += idx[i] * nd_strides(a)[i];
        for (int64_t b = 0; b < isz; b++) put(d, len, cap, "%02x", p[b]);
        for (int i = n - 1; i >= 0 && ++idx[i] == nd_shape(a)[i]; i--) idx[i] = 0;
    }
}

static char *digest(const fault_fx *f) {
    size_t len = 0, cap = 256;
    char *d = malloc(cap);
    assert_non_null(d);
    d[0] = 0;
    if (f->out) digest_array(&d, &len, &cap, f->out);
    if (f->out_buf) put(&d, &len, &cap, "buf %zu", nd_buf_size(f->out_buf));
    if (f->out_str) put(&d, &len, &cap, "str %s", f->out_str);
    if (f->out_mem) {
        put(&d, &len, &cap, "mem %zu ", f->out_len);
        for (size_t i = 0; i < f->out_len; i++) put(&d, &len, &cap, "%02x", ((unsigned char *)f->out_mem)[i]);
    }
    if (f->out_dt)
        put(&d, &len, &cap, "dtype %c%c%lld", nd_dtype_kind(f->out_dt), nd_dtype_byteorder(f->out_dt),
            (long long)nd_dtype_itemsize(f->out_dt));
    if (f->out_obj) put(&d, &len, &cap, "obj");
    put(&d, &len, &cap, " int %d", f->out_int);
    /* In-place ops change their inputs: include them. */
    for (int k = 0; k < FAULT_NIN; k++)
        if (f->a[k]) {
            put(&d, &len, &cap, " | in%d ", k);
            digest_array(&d, &len, &cap, f->a[k]);
        }
    return d;
}

/* Fails the test showing where two digests first differ. */
static void digest_mismatch(const char *ctx, const char *ref, const char *now) {
    size_t i = 0;
    while (ref[i] && ref[i] == now[i]) i++;
    size_t from = i > 40 ? i - 40 : 0;
    fail_msg("%s: result differs from the first run at offset %zu:\n  first: ...%.100s\n  now:   ...%.100s", ctx, i,
             ref + from, now + from);
}

/* ---- the driver ---- */

static void fx_release(fault_fx *f) {
    nd_release(f->out);
    nd_buf_release(f->out_buf);
    nd_free(f->out_str);
    nd_free(f->out_mem);
    nd_dtype_release(f->out_dt);
    if (f->out_obj) f->out_obj_free(f->out_obj);
    if (f->in_obj) f->in_obj_free(f->in_obj);
    for (int k = 0; k < FAULT_NIN; k++) nd_release(f->a[k]);
    nd_buf_release(f->buf);
    memset(f, 0, sizeof *f);
}

/* Build the inputs with no failure armed; skip the case if a function it
 * needs is still a stub. */
static void fx_setup(const fault_case *c, fault_fx *f) {
    memset(f, 0, sizeof *f);
    st.fail_at = 0;
    if (!c->setup) return;
    int rc = c->setup(f);
    if (rc == ND_ENOTIMPL) {
        fx_release(f);
        nd_set_allocator(NULL);
        print_message("%s: setup needs an unimplemented function (%s)\n", c->name, nd_errmsg());
        skip();
    }
    if (rc < 0) fail_msg("%s: setup failed: %s: %s", c->name, nd_errclass(), nd_errmsg());
}

/* One run with allocation n (counted from the op's start) refused; n == 0
 * arms nothing.  Returns whether any allocation was refused, and stores the
 * final result's digest in *dig when the op succeeded. */
static bool run_once(const fault_case *c, long n, bool persistent, char **dig) {
    fault_fx f;
    char ctx[160];
    snprintf(ctx, sizeof ctx, "%s, allocation %ld refused (%s)", c->name, n, persistent ? "persistent" : "transient");
    fx_setup(c, &f);
    snap s[FAULT_NIN + 1];
    snap_take(s, &f);
    long base_live = st.live;
    st.refused = 0;
    st.persistent = persistent;
    st.fail_at = n ? st.count + n : 0;
    nd_clear_error();
    int rc = c->op(&f);
    st.fail_at = 0;
    bool hit = st.refused > 0;
    int code = f.thread_err ? f.thread_err : nd_errcode();
    if (rc == ND_ENOTIMPL || (rc < 0 && code == ND_ENOTIMPL)) {
        snap_free(s);
        fx_release(&f);
        nd_set_allocator(NULL);
        print_message("%s: skipped, not implemented yet (%s)\n", c->name, nd_errmsg());
        skip();
    }
    *dig = NULL;
    if (rc == FAULT_NOERR) fail_msg("%s: failed without setting an error (nd_errcode() is 0)", ctx);
    if (rc < 0) {
        if (!hit && code != c->expect)
            fail_msg("%s: failed with no allocation refused: %s: %s", ctx, nd_strclass(code), nd_errmsg());
        if (hit && code != ND_ENOMEM && code != c->expect)
            fail_msg("%s: error %s (%s), wanted MemoryError", ctx, nd_strclass(code), nd_errmsg());
        snap_check(s, &f, ctx);
        if (st.live != base_live) fail_msg("%s: %ld allocation(s) leaked", ctx, st.live - base_live);
        if (!hit) *dig = strdup(nd_strclass(code));
    } else {
        /* Success despite a refused allocation is allowed (a fallback path);
         * the caller checks the result is the reference one. */
        if (c->expect) fail_msg("%s: succeeded, wanted %s", ctx, nd_strclass(c->expect));
        *dig = digest(&f);
    }
    snap_free(s);
    fx_release(&f);
    if (st.live != 0) fail_msg("%s: %ld allocation(s) still live after releasing everything", ctx, st.live);
    return hit;
}

void fault_run(void **state) {
    const fault_case *c = *state;
    memset(&st, 0, sizeof st);
    nd_set_allocator(&counting);
    char *ref, *dig;
    run_once(c, 0, false, &ref); /* the reference run: no failures */
    long points = 0, recovered = 0;
    for (int persistent = 0; persistent < 2; persistent++) {
        for (long n = 1;; n++) {
            if (n > 100000) fail_msg("%s: more than 100000 allocations", c->name);
            bool hit = run_once(c, n, persistent, &dig);
            if (hit) {
                if (dig && strcmp(dig, ref) != 0) { /* recovered, but to a different result */
                    char ctx[160];
                    snprintf(ctx, sizeof ctx, "%s, allocation %ld refused (%s) yet it succeeded", c->name, n,
                             persistent ? "persistent" : "transient");
                    digest_mismatch(ctx, ref, dig);
                }
                if (dig) recovered++;
                free(dig);
                points++;
                continue;
            }
            /* Nothing refused: the op ran to completion as in the reference. */
            if (!dig) fail_msg("%s: failed once nothing was refused", c->name);
            if (strcmp(dig, ref) != 0) digest_mismatch(c->name, ref, dig);
            free(dig);
            break;
        }
    }
    free(ref);
    nd_set_allocator(NULL);
    print_message("%s: %ld refused allocations checked (transient + persistent), %ld recovered\n", c->name,
                  points, recovered);
}
