/* nd_internal.h — private structures and cross-file helpers.  Never installed. */
#ifndef ND_INTERNAL_H
#define ND_INTERNAL_H

#include "nd.h"

#include <assert.h>
#include <stdatomic.h>
#include <string.h>

/* Defensive branches that should never run; coverage builds may fold them. */
#define ND_ALWAYS(x) (x)
#define ND_NEVER(x) (x)
#define ND_UNUSED(x) ((void)(x))

#if defined(__GNUC__)
#define ND_LIKELY(x) __builtin_expect(!!(x), 1)
#define ND_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define ND_LIKELY(x) (x)
#define ND_UNLIKELY(x) (x)
#endif

/* ---- reference counts ----
 * Counts are atomics.  While glibc reports the process single-threaded no
 * other thread can touch them, so a plain load and store replace the
 * lock-prefixed read-modify-write (~10 ns each on this VM): the same test
 * libstdc++'s shared_ptr makes.  The flag only goes from true to false, and
 * thread creation orders every earlier store before the new thread runs. */
#if defined(__has_include)
#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define ND__SINGLE_THREADED() (__libc_single_threaded != 0)
#endif
#endif
#ifndef ND__SINGLE_THREADED
#define ND__SINGLE_THREADED() 0
#endif

static inline void nd__ref_inc(atomic_long *c) {
    if (ND__SINGLE_THREADED())
        atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + 1, memory_order_relaxed);
    else
        atomic_fetch_add_explicit(c, 1, memory_order_relaxed);
}
/* Drop one reference; true when it was the last (the caller frees). */
static inline bool nd__ref_dec(atomic_long *c) {
    if (ND__SINGLE_THREADED()) {
        long n = atomic_load_explicit(c, memory_order_relaxed);
        atomic_store_explicit(c, n - 1, memory_order_relaxed);
        return n == 1;
    }
    if (atomic_fetch_sub_explicit(c, 1, memory_order_release) != 1) return false;
    atomic_thread_fence(memory_order_acquire);
    return true;
}

/* ---- dtype ---- */

typedef struct nd__field {
    char *name;
    const nd_dtype *dtype; /* holds a ref */
    int64_t offset;
} nd__field;

struct nd_dtype {
    atomic_long refcnt;   /* < 0: static, never freed */
    uint8_t type;         /* nd_type */
    char kind;            /* 'b','i','u','f','c','V' */
    char chr;             /* NumPy type char */
    char byteorder;       /* canonical: '=', '<'/'>' (non-native), '|' */
    bool swapped;         /* data not in machine order (void: never) */
    int64_t itemsize;
    int64_t alignment;
    /* ND_VOID only (heap dtypes, freed with their last ref): */
    int nfields;          /* -1: not structured */
    bool aligned;         /* structured, built with align=True */
    nd__field *fields;
    const nd_dtype *base; /* sub-array: element dtype (holds a ref), else NULL */
    int sub_ndim;
    int64_t *sub_shape;
    char vname[24];       /* void: NumPy's name, "void64" */
};

static inline bool nd__is_void(const nd_dtype *d) { return d->type == ND_VOID; }
static inline bool nd__is_struct(const nd_dtype *d) { return d->type == ND_VOID && d->nfields >= 0; }
/* Fields (nested included) leave some bytes of an item uncovered (padding,
 * a multi-field view): copies go field by field and new arrays start zeroed. */
bool nd__dtype_has_holes(const nd_dtype *d);
/* Free a heap dtype whose refcount reached zero (dtype_struct.c). */
void nd__dtype_free(nd_dtype *d);
/* dtype.c's void branches (dtype_struct.c). */
bool nd__void_equal(const nd_dtype *a, const nd_dtype *b);
bool nd__void_isnative(const nd_dtype *d);
const nd_dtype *nd__void_newbyteorder(const nd_dtype *d, char order);
char *nd__void_repr(const nd_dtype *d);
bool nd__void_can_cast(const nd_dtype *from, const nd_dtype *to, nd_casting casting);
/* View of field i of a structured array (view/field.c): a's strides, the
 * field's sub-array dims appended. */
nd_array *nd__field_view(nd_array *a, int i);
/* Append NumPy's repr argument of d (what goes inside "dtype(...)", with
 * ", align=True" for aligned structs) / its short form used for fields. */
struct nd_sbuf;
void nd__dtype_repr_arg(struct nd_sbuf *sb, const nd_dtype *d);
/* Python's repr() of the str s (n bytes of UTF-8) appended to sb. */
void nd__io_repr(struct nd_sbuf *b, const char *s, size_t n);
/* A ND_ETYPE error naming the operation for void dtypes that have no
 * arithmetic; returns true (and sets it) when d is void. */
bool nd__refuse_void(const nd_dtype *d, const char *what);
/* Split a sub-array dtype into its base and shape appended to
 * shape[0..*ndim): updates *ndim and returns the base (borrowed), or dt
 * itself; fails (NULL, ND_EVALUE) past ND_MAXDIMS. */
const nd_dtype *nd__expand_subarray(const nd_dtype *dt, int *ndim, int64_t *shape);

/* The static built-in dtype of type t, native or byte-swapped. */
const nd_dtype *nd__dtype_builtin(nd_type t, bool swapped);

/* ---- buffers ---- */

struct nd_buf {
    atomic_long refcnt;
    void *ptr;
    size_t size;
    bool readonly;
    bool external;       /* caller memory (release callback) */
    nd_release_fn release;
    void *ctx;
    void *alloc_base;    /* heap: what to free (ptr is aligned inside it) */
    bool mapped;         /* heap block came from mmap */
};

/* ---- arrays ---- */

struct nd_array {
    atomic_long refcnt;
    int ndim;
    int flags;
    char *data;
    const nd_dtype *dtype; /* holds a ref */
    nd_array *base;        /* NumPy base (the owner view collapses to); holds a ref; NULL for roots */
    nd_buf *buf;           /* roots only: holds a ref; NULL for views */
    int64_t *shape;        /* elements; points into dims[] */
    int64_t *strides;      /* bytes; points into dims[ndim] */
    int64_t dims[];        /* shape then strides */
};

/* Private flag: the root's NumPy base is a Python object without a buffer
 * (as_strided's DummyArray), so WRITEABLE can never be set back on it. */
#define ND__NOBUFFER 0x10000

/* Turn a fresh view header into a root of its own over the same buffer
 * (NumPy: an array whose base is a DummyArray, not the viewed array). */
void nd__make_foreign_root(nd_array *v);

/* The array whose buffer a uses (a itself for roots). */
static inline const nd_array *nd__root(const nd_array *a) { return a->base ? a->base : a; }
static inline nd_buf *nd__buf(const nd_array *a) { return nd__root(a)->buf; }

/* Allocate a bare header for ndim dims with refcnt 1 and nothing else set
 * (dtype, base, buf NULL; shape/strides pointers set). */
nd_array *nd__header_new(int ndim);
/* Free a header whose refcnt reached 0 (releases dtype, base, buf). */
void nd__header_free(nd_array *a);
/* nd_set_shape may move a header's shape and strides out of its own block
 * (when they no longer fit it, or would change its size class); the unused
 * dims[0] then records the ndim the block was allocated for.  This is that
 * ndim, the one to pass header_bytes when freeing the block. */
static inline int nd__header_alloc_ndim(const nd_array *a) {
    return a->shape == a->dims ? a->ndim : (int)a->dims[0];
}

/* A new view header of `a` (base collapsed to a's owner, dtype retained,
 * WRITEABLE inherited).  Shape/strides/data/flags are the caller's to set,
 * then it must call nd__update_flags. */
nd_array *nd__view_new(nd_array *a, int ndim, const nd_dtype *dt);

/* A new root array with fresh memory: shape given, strides for order
 * 'C' or 'F'.  Counts an allocation.  Memory is not initialised. */
nd_array *nd__alloc_array(int ndim, const int64_t *shape, const nd_dtype *dt, char order);
/* Same, zero-filled (calloc-like: cheap for fresh large pages). */
nd_array *nd__alloc_zeroed(int ndim, const int64_t *shape, const nd_dtype *dt, char order);
/* A new root array with the layout of proto (NumPy's order='K' rule:
 * strides sorted like proto's, negative strides made positive). */
nd_array *nd__alloc_like_k(const nd_array *proto, const nd_dtype *dt);

/* Recompute C/F contiguity and ALIGNED from shape/strides/data.  The 1-d
 * case (most views) is inline: as one function its path paid the general
 * walk's register saves. */
void nd__update_flags_nd(nd_array *a);
/* The 1-d rule from values a caller still holds in registers (n = shape[0],
 * st = strides[0], data = a->data). */
static inline void nd__flags_1d(nd_array *a, int64_t n, int64_t st, const char *data) {
    int64_t isz = a->dtype->itemsize, al = a->dtype->alignment;
    int f = a->flags & ~(ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | ND_ALIGNED);
    uintptr_t chk = (uintptr_t)data | (n > 1 ? (uintptr_t)st : 0);
    if (n <= 1 || st == isz) f |= ND_C_CONTIGUOUS | ND_F_CONTIGUOUS;
    if (n == 0 || al <= 1 || (chk & (uintptr_t)(al - 1)) == 0) f |= ND_ALIGNED;
    a->flags = f;
}
static inline void nd__update_flags(nd_array *a) {
    if (a->ndim != 1) {
        nd__update_flags_nd(a);
        return;
    }
    nd__flags_1d(a, a->shape[0], a->strides[0], a->data);
}
/* C-order strides for shape; returns false on size overflow. */
bool nd__c_strides(int ndim, const int64_t *shape, int64_t itemsize, int64_t *strides);
bool nd__f_strides(int ndim, const int64_t *shape, int64_t itemsize, int64_t *strides);
/* Product of shape; false (and ND_EVALUE set) if size*itemsize overflows. */
bool nd__checked_size(int ndim, const int64_t *shape, int64_t itemsize, int64_t *size);
int64_t nd__size(int ndim, const int64_t *shape);
/* Normalise an axis (negative allowed); sets ND_EAXIS and returns false. */
bool nd__axis(int *axis, int ndim);
/* Fails with ND_EREADONLY when a is not writeable. */
int nd__check_writeable(const nd_array *a);

/* ---- errors (err.c) ---- */

/* Set the thread's error; returns code so `return nd__err(...)` works. */
int nd__err(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Format a shape as NumPy prints a tuple: "(3,)", "(2, 3)", "()". */
void nd__fmt_shape(char *out, size_t cap, int ndim, const int64_t *shape);
/* The same without spaces, as NumPy's ufunc broadcast errors print it. */
void nd__fmt_shape_tight(char *out, size_t cap, int ndim, const int64_t *shape);

/* ---- memory (alloc.c) ---- */

void *nd__malloc(size_t n);
void *nd__calloc(size_t n, size_t size);
void *nd__realloc(void *p, size_t old, size_t n);
void nd__free_mem(void *p);
char *nd__strdup(const char *s);
/* Data block aligned to 64 (4096 for large), optionally zeroed.  *base
 * receives what to pass to nd__data_free. */
void *nd__data_alloc(size_t n, bool zero, void **base, bool *mapped);
void nd__data_free(void *base, size_t n, bool mapped);

nd_buf *nd__buf_alloc_zeroed(size_t size);

/* Copy accounting (thread-local counters). */
void nd__count_copy(uint64_t bytes);
void nd__count_alloc(uint64_t bytes);
/* Strict mode check: fails with ND_ECOPY naming op when strict is on. */
int nd__strict_check(const char *op);

/* A growable string for text output. */
typedef struct nd_sbuf {
    char *s;
    size_t len, cap;
    bool oom;
} nd_sbuf;
void nd__sb_putc(nd_sbuf *b, char c);
void nd__sb_puts(nd_sbuf *b, const char *s);
void nd__sb_putn(nd_sbuf *b, const char *s, size_t n);
void nd__sb_printf(nd_sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hand over the string (NULL and ND_ENOMEM if any append failed). */
char *nd__sb_finish(nd_sbuf *b);

/* ---- element conversion (kern/cast.c) ---- */

/* Read the element at p (dtype dt, any byte order, any alignment). */
nd_value nd__load(const nd_dtype *dt, const void *p);
/* Store v (cast unsafe to dt's type) at p in dt's byte order. */
void nd__store(const nd_dtype *dt, void *p, nd_value v);
/* float16 <-> float conversions (round to nearest even). */
float nd__half_to_float(uint16_t h);
double nd__half_to_double(uint16_t h);
uint16_t nd__float_to_half(float f);
uint16_t nd__double_to_half(double d);

/* ---- strided loops (kern/loop.c) ---- */

/* Inner loop over n elements: dst and src advance by their strides. */
typedef void (*nd_loop2_fn)(char *dst, int64_t dst_stride, const char *src, int64_t src_stride, int64_t n,
                            void *ctx);

/* Run fn over every element pair of two same-shape layouts, coalescing
 * dimensions so inner loops are as long as possible.  Iterates in the
 * order that makes dst's memory walk forward where it can. */
void nd__loop2(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
               const int64_t *src_strides, nd_loop2_fn fn, void *ctx);
/* nd__loop2's two steps.  Coalesce: drop size-1 axes, order axes by
 * descending |dst stride|, flip axes whose dst stride is negative (moving
 * *dst and *src), merge axes that chain in both.  Returns the new ndim (0:
 * one element) or -1 when the shape is empty.  Run: call fn once per
 * innermost run of the coalesced layout (n -1 does nothing). */
int nd__loop_coalesce(int ndim, const int64_t *shape, char **dst, const int64_t *dst_strides, const char **src,
                      const int64_t *src_strides, int64_t *oshape, int64_t *ods, int64_t *oss);
void nd__loop_run(int n, const int64_t *shape, char *dst, const int64_t *ds, const char *src, const int64_t *ss,
                  nd_loop2_fn fn, void *ctx);

/* ---- copy engine (kern/copy.c) ---- */

/* Copy elements between two same-shape, same-dtype layouts (no overlap
 * handling: the caller buffers when they overlap).  Coalesces dims, uses
 * memcpy for contiguous runs and a cache-blocked path for transposes. */
void nd__copy_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
                  const int64_t *src_strides, int64_t itemsize);
/* Copy/cast src into dst (same shape after broadcasting done by caller:
 * src strides may hold zeros).  Handles byte order and any dtype pair.
 * Returns <0 on ND_ENOMEM. */
int nd__assign(nd_array *dst, const nd_array *src_view);
/* nd__assign's branch for void dtypes on either side (kern/assign_void.c). */
int nd__assign_void(nd_array *dst, const nd_array *src);
/* a.fill(v) of a record array: every numeric field. */
int nd__fill_void(nd_array *a, nd_value v);
/* byteswap(inplace=True) of a void array: field by field. */
int nd__swap_void_inplace(nd_array *a);
/* Cast inner loop between two dtypes (any byte order); NULL if none.
 * nd__assign calls it with ctx pointing at an nd_cast_ctx. */
nd_loop2_fn nd__cast_loop(const nd_dtype *from, const nd_dtype *to);
typedef struct nd_cast_ctx {
    const nd_dtype *from, *to;
} nd_cast_ctx;
/* kern/cast.c: the typed loop cast_<from>_<to> for two built-in dtypes,
 * wrapped for byte order when either is non-native (same dtype: a copy).
 * Semantics are nd_value_cast's (NumPy's astype).  Never NULL; ctx must
 * point at an nd_cast_ctx {from, to}.  cast.c's nd__cast_loop returns it. */
nd_loop2_fn nd__cast_loop_fast(const nd_dtype *from, const nd_dtype *to);
/* Run-time SIMD switch for this thread's copy/swap kernels (on by default;
 * AVX2 is used only where the CPU has it).  Tests turn it off to exercise
 * the portable paths.  Returns the old value. */
bool nd__set_simd(bool on);
bool nd__simd_enabled(void);

/* ---- byte swapping (kern/swap.c) ---- */

/* dst = src with every element's bytes reversed (complex: each half), for
 * two same-shape layouts of dtype dt's itemsize.  dst == src with equal
 * strides swaps in place; other overlaps are the caller's problem. */
void nd__swap_raw(int ndim, const int64_t *shape, char *dst, const int64_t *dst_strides, const char *src,
                  const int64_t *src_strides, const nd_dtype *dt);
/* Inner loop of the swap (ctx: the const nd_dtype *). */
void nd__swap_loop(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n, void *ctx);

/* ---- dtype references on the view path ----
 * Built-in dtypes are static (refcnt < 0): skip the call for them. */
static inline const nd_dtype *nd__dtype_ref(const nd_dtype *d) {
    if (d && atomic_load_explicit(&((nd_dtype *)d)->refcnt, memory_order_relaxed) < 0) return d;
    return nd_dtype_retain(d);
}
static inline void nd__dtype_unref(const nd_dtype *d) {
    if (d && atomic_load_explicit(&((nd_dtype *)d)->refcnt, memory_order_relaxed) >= 0) nd_dtype_release(d);
}

/* The descriptor NumPy's legacy type resolver gives a ufunc result of type
 * rt: the first input's own (an explicit '<f8' stays '<f8') when it has
 * that type in native order, else rt. */
static inline const nd_dtype *nd__result_descr(const nd_dtype *first, const nd_dtype *rt) {
    return first->type == rt->type && !first->swapped && first->type != ND_VOID ? first : rt;
}

/* ---- header cache (core/alloc.c) ---- */

/* Fixed-size blocks for array headers of ndim <= ND__HDR_NDIM, kept in a
 * per-thread free list (bypassed while a custom allocator is installed). */
#define ND__HDR_NDIM 6
#define ND__HDR_BLOCK (sizeof(nd_array) + 2 * ND__HDR_NDIM * sizeof(int64_t))
#define ND__HDR_CAP 1024
/* Hot per-thread state uses the initial-exec TLS model: one %fs-relative
 * load instead of a __tls_get_addr call per access in PIC code. */
#define ND__HOT_TLS _Thread_local __attribute__((tls_model("initial-exec")))
typedef struct nd__hdr_block {
    struct nd__hdr_block *next;
} nd__hdr_block;
/* This thread's cache, read inline on the view path (core/alloc.c owns it;
 * `usable`: no custom allocator installed and the thread-exit drain set). */
typedef struct nd__hdr_cache {
    nd__hdr_block *head;
    int count;
    bool usable;
} nd__hdr_cache;
extern ND__HOT_TLS nd__hdr_cache nd__hdr_tls;
void *nd__hdr_alloc_slow(size_t n);
void nd__hdr_free_slow(void *p, size_t n);
static inline void *nd__hdr_alloc(size_t n) {
    nd__hdr_cache *c = &nd__hdr_tls;
    if (ND_LIKELY(n <= ND__HDR_BLOCK && c->usable && c->head)) {
        nd__hdr_block *b = c->head;
        c->head = b->next;
        c->count--;
        return b;
    }
    return nd__hdr_alloc_slow(n);
}
static inline void nd__hdr_free(void *p, size_t n) {
    nd__hdr_cache *c = &nd__hdr_tls;
    if (ND_LIKELY(n <= ND__HDR_BLOCK && c->usable && c->count < ND__HDR_CAP)) {
        nd__hdr_block *b = p;
        b->next = c->head;
        c->head = b;
        c->count++;
        return;
    }
    nd__hdr_free_slow(p, n);
}
/* Free this thread's cached header blocks (also runs at thread exit). */
void nd__cache_drain(void);
/* Blocks in this thread's cache (for tests). */
int nd__cache_count(void);

/* ---- float text (text/format.c) ---- */

/* NumPy's Dragon4 trim modes: 'k' keep zeros, '.' trim zeros but keep the
 * point, '0' leave one zero after the point, '-' trim zeros and the point. */
typedef enum nd_trim { ND_TRIM_KEEP, ND_TRIM_ZEROS, ND_TRIM_ONE_ZERO, ND_TRIM_POINT } nd_trim;
/* Options of NumPy's dragon4_positional / dragon4_scientific; -1 = unset.
 * Digits are always the shortest unique ones (DigitMode_Unique). */
typedef struct nd_fltfmt {
    bool scientific;
    bool fractional; /* positional: precision and min_digits count digits after the point */
    bool sign;       /* print '+' on positive values */
    nd_trim trim;
    int precision, min_digits, pad_left, pad_right, exp_digits;
} nd_fltfmt;
#define ND_FLTBUF 1200 /* bytes: enough for any binary64 with any padding the formatters ask for */
/* Format x, a value of float type t (ND_FLOAT16, ND_FLOAT32 or ND_FLOAT64;
 * rounded to t first), as NumPy's Dragon4 does, into buf (ND_FLTBUF bytes,
 * NUL-terminated).  Returns the length. */
int nd__format_float(char *buf, double x, nd_type t, const nd_fltfmt *f);

/* ---- overlap (ops/overlap.c) ---- */

/* Byte extent [lo, hi) of an array's elements; lo == hi when empty. */
void nd__extent(const nd_array *a, uintptr_t *lo, uintptr_t *hi);

/* ---- ufunc kernels (kern/arith_*.c) ---- */

/* One inner loop: args[0..nin-1] inputs, args[nin] output, all of the
 * loop's native types; steps in bytes (0 for a broadcast operand). */
typedef void (*nd_kernel)(char **args, const int64_t *steps, int64_t n);
/* The kernel of ufunc op whose inputs are of type t (NULL: none). */
nd_kernel nd__kernel_int(nd_ufunc op, nd_type t);
nd_kernel nd__kernel_float(nd_ufunc op, nd_type t);
nd_kernel nd__kernel_cplx(nd_ufunc op, nd_type t);
/* Complex multiply forced onto NumPy's SIMD path (plain products) or its
 * scalar loop (fused for complex128); t is complex64/128, else NULL. */
nd_kernel nd__kernel_cmul(nd_type t, bool simd);
/* float32 exp/log/sin/cos as NumPy's SIMD loops compute them on this CPU
 * (kern/npymath_simd.c); libm when NumPy would use it. */
float nd__npymath_simd_expf(float x);
float nd__npymath_simd_logf(float x);
float nd__npymath_simd_sinf(float x);
float nd__npymath_simd_cosf(float x);
/* The same for float16 values held in float (NumPy: SVML, else libm). */
float nd__npymath_simd_h_expf(float x);
float nd__npymath_simd_h_logf(float x);
float nd__npymath_simd_h_sinf(float x);
float nd__npymath_simd_h_cosf(float x);

/* Strides of a broadcast to (nd, shape); false when it does not fit. */
bool nd__broadcast_strides(const nd_array *a, int nd, const int64_t *shape, int64_t *st);
/* The broadcast shape of a and b; on a clash NumPy's "operands could not be
 * broadcast together with shapes ..." ND_EVALUE.  Returns 0 or <0. */
int nd__broadcast_pair(const nd_array *a, const nd_array *b, int *nd, int64_t *shape);

/* ---- promotion (ops/promote.c) ---- */

/* NumPy's should_use_min_scalar: do 0-d operands count by value? */
bool nd__use_min_scalar(int n, const nd_array *const *arrays);
/* The type a 0-d operand counts as when tested for a safe cast to `to`. */
nd_type nd__scalar_cast_type(const nd_array *a, nd_type to);

/* ---- pairwise summation (ops/pairwise.c), NumPy's order ---- */

double nd__pairwise_f64(const char *a, int64_t n, int64_t stride);
float nd__pairwise_f32(const char *a, int64_t n, int64_t stride);
float nd__pairwise_f16(const char *a, int64_t n, int64_t stride);
/* Pairwise sum of (x - m)^2 over float64 x, in nd__pairwise_f64's order. */
double nd__pairwise_sqdev_f64(const char *a, int64_t n, int64_t stride, double m);
/* n counts floats (2 per element); stride is half the element stride. */
void nd__pairwise_c128(double *rr, double *ri, const char *a, int64_t n, int64_t stride);
void nd__pairwise_c64(float *rr, float *ri, const char *a, int64_t n, int64_t stride);

/* ---- reductions (ops/reduce.c) ---- */

/* Axes to a mask (naxes < 0: all); ND_EAXIS / duplicate errors. */
int nd__axes_mask(const nd_array *a, int naxes, const int *axes, bool *red);
/* Reduce over the masked axes with ufunc op accumulating in dt. */
nd_array *nd__reduce(nd_ufunc op, const nd_array *a, const bool *red, bool keepdims, const nd_dtype *dt);
/* What ufunc.reduce's initial=, where= and out= change in nd__reduce. */
typedef struct nd__red_extra {
    const nd_array *initial;    /* 0-d start value, cast unsafe to the result; NULL: identity / first elements */
    const nd_array *where;      /* bool mask already broadcast to a's shape, or NULL */
    const int64_t *out_strides; /* a caller's output strides over a's axes (0 on reduced ones): they take
                                   part in the iteration order; NULL: none */
    bool first;                 /* no initial (initial=None): start from the first elements even when op has
                                   an identity */
} nd__red_extra;
/* The loop dtype NumPy's reducelike_promote_and_resolve picks for reduce
 * and reduceat (ops/reduce_where.c): dtype= itself; else add/multiply take
 * small ints and bools in a long (unless out is given); the logical ufuncs
 * run in bool; else the ufunc's loop for (out or a, a).  Comparisons only
 * have a uniform loop for bool.  A new ref, or NULL with ND_ETYPE. */
const nd_dtype *nd__reduce_loop_type(nd_ufunc op, const nd_array *a, const nd_dtype *dt, const nd_array *out);
/* nd__reduce with x (NULL: none).  Min/max with a mask need an initial. */
nd_array *nd__reduce_ex(nd_ufunc op, const nd_array *a, const bool *red, bool keepdims, const nd_dtype *dt,
                        const nd__red_extra *x);
/* One operand of nd__iter_check. */
typedef struct nd__iter_op {
    const nd_array *a;  /* NULL: absent (the iterator allocates it) */
    const int *map;     /* a's axis for each iterator axis (-1: none); NULL: broadcast right-aligned */
    const bool *rflag;  /* NPY_ITER_REDUCTION_AXIS per iterator axis, or NULL */
    bool write;         /* written (an output; REDUCE_OK is never set) */
    bool no_broadcast;  /* NPY_ITER_NO_BROADCAST */
} nd__iter_op;
/* The shape checks and messages of NumPy's nditer construction
 * (npyiter_fill_axisdata) over nd iterator axes (ops/reduce_where.c).
 * Returns 0, or <0 with ND_EVALUE. */
int nd__iter_check(int nd, int nop, const nd__iter_op *ops);
/* One call of NumPy's reduce inner loop of op in dt (native): *out =
 * *out (op) in[0..n) at byte stride si, pairwise for float add whatever
 * n.  Returns 0, or <0 with ND_ETYPE when nd has no such loop. */
int nd__reduce_call(nd_ufunc op, const nd_dtype *dt, char *out, const char *in, int64_t si, int64_t n);

/* float32/float64 maximum (max) or minimum reduction over m coalesced axes
 * (outermost first; out strides 0 on reduced ones, the innermost reduced)
 * as NumPy 1.24's buffered iterator and dispatched loops run it, so zero
 * signs and NaN bits match; out already holds the first elements.  cast:
 * NumPy copies the input through its buffers (ops/minmax.c). */
int nd__minmax_reduce(bool max, const nd_dtype *dt, int m, const int64_t *shape, const int64_t *os,
                      const int64_t *is, char *out, const char *in, bool cast);
/* The same with a where mask (bool bytes at strides ms, NULL: none; each
 * run of set bytes is one loop call, as NumPy's masked loop wrapper
 * does) and skip_first false when out starts from an initial value. */
int nd__minmax_reduce_ex(bool max, const nd_dtype *dt, int m, const int64_t *shape, const int64_t *os,
                         const int64_t *is, char *out, const char *in, bool cast, const char *mask,
                         const int64_t *ms, bool skip_first);
/* One call of NumPy's float32/float64 maximum/minimum reduce loop:
 * *out = op(*out, in[0..n)) at byte stride st. */
void nd__minmax_call(bool max, const nd_dtype *dt, char *out, const char *in, int64_t st, int64_t n);

/* ---- records (ops/record_cmp.c) ---- */

/* A sort kind's first letter ('q', 'h', 's'), or the error (ops/sort.c). */
int nd__sort_kind(const char *kind);
/* Lanes along one axis (ops/sort.c): advance ctr over every axis but
 * `axis` in C order, moving p (and q when given); false after the last. */
bool nd__next_lane(int nd, int axis, const int64_t *shape, int64_t *ctr, char **p, const int64_t *ps, char **q,
                   const int64_t *qs);
/* Copy a lane of n elements of dt between layouts, swapping bytes for a
 * non-native dt (so a native buffer can be sorted in place). */
void nd__lane_io(const nd_dtype *dt, int64_t n, char *dst, int64_t ds, const char *src, int64_t ss);
/* The copy sort and partition work in: the flattened array for axis
 * ND_AXIS_NONE (then *axis = 0), else a copy 'K' (*axis normalised). */
nd_array *nd__sort_copy(const nd_array *a, int *axis);
/* What argsort and argpartition index: a itself, or for axis None or a
 * 0-d array its raveled form, returned in *flat (release it); *axis is
 * normalised.  NULL on error. */
nd_array *nd__arg_source(const nd_array *a, int *axis, nd_array **flat);
/* Quicksort-argsort one native lane of n records (idx preset). */
void nd__argsort_records(const nd_dtype *dt, const char *v, int64_t *idx, int64_t n);

/* NumPy's VOID_compare of two elements of void dtype dt: <0, 0 or >0. */
int nd__record_cmp(const nd_dtype *dt, const char *a, const char *b);
/* NumPy's VOID_nonzero: some field nonzero (raw bytes for raw voids and
 * sub-array fields). */
bool nd__record_nonzero(const nd_dtype *dt, const char *p);
/* Element-wise != of two elements of dt (any dtype; records field by
 * field, sub-arrays element by element, by value). */
bool nd__record_differ(const nd_dtype *dt, const char *a, const char *b);
/* np.count_nonzero(a) of a void array with axis None (ops/select.c). */
nd_array *nd__count_nonzero_void(const nd_array *a);

/* ---- advanced-indexing fast paths (ops/fastindex.c) ---- */

/* *done tells whether the fast path handled the call (result or error). */
nd_array *nd__fast_getitem(nd_array *a, int n, const nd_idx *idx, bool *done);
int nd__fast_setitem(nd_array *a, int n, const nd_idx *idx, const nd_array *value, bool *done);

/* ---- N-operand strided walk (ops/iter.c) ---- */

/* Walk nop operands of one shape (strides may be 0), coalescing dims,
 * calling kernel on each inner run. */
void nd__loopn(int ndim, const int64_t *shape, int nop, char **ptrs, const int64_t *const *strides,
               nd_kernel kernel);
/* A binary ufunc call as NumPy 1.24 sees it, for loops whose results depend
 * on the path NumPy's inner loop takes (complex multiply). */
typedef struct {
    const nd_array *in[2];  /* the caller's inputs */
    const nd_array *out;    /* out= as passed, else the result nd allocated */
    bool out_given;         /* out= was passed */
    const nd_dtype *loop;   /* the loop's type, of inputs and output alike */
    nd_kernel simd, scalar; /* the loop's two paths */
} nd_np_call;
/* nd__loopn over 3 operands (ptrs/strides: what nd runs on), calling for
 * each element the path NumPy's inner loop would take for it: the trivial
 * loop's, or the buffered iterator's chunk by chunk. */
void nd__loopn_np(int ndim, const int64_t *shape, char **ptrs, const int64_t *const *strides,
                  const nd_np_call *c);
/* NumPy's nditer axis order over operands' strides (outermost first). */
void nd__best_order(int nd, const int64_t *shape, int nop, const int64_t *const *strides, int *perm);
/* A new array in that order (how NumPy allocates ufunc/where results). */
nd_array *nd__alloc_iter_order(int nd, const int64_t *shape, int nop, const int64_t *const *strides,
                               const nd_dtype *dt);

#endif /* ND_INTERNAL_H */
