/* nd.h — NumPy's ndarray memory model in C.
 *
 * One refcounted data buffer, many array headers (dtype, shape, strides,
 * data pointer, flags, base) that are views of it.  Behaviour follows
 * NumPy 1.24.
 *
 * Conventions (see README):
 *   - Every public function states ownership in one `own:` line.
 *   - "new ref": the caller releases it with nd_release()/nd_dtype_release().
 *   - "borrowed": valid while the owner lives; never release it.
 *   - Arguments are always borrowed, even when the call fails.
 *   - A failing call returns NULL or a negative status, sets the thread's
 *     error (nd_errcode/nd_errclass/nd_errmsg) and changes nothing.
 *   - Lengths are elements (shape) or bytes (strides, offsets).
 */
#ifndef ND_H
#define ND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(ND_SHARED_BUILD)
#define ND_API __declspec(dllexport)
#elif defined(__GNUC__)
#define ND_API __attribute__((visibility("default")))
#else
#define ND_API
#endif

#define ND_VERSION_MAJOR 0
#define ND_VERSION_MINOR 1
#define ND_VERSION_PATCH 0
#define ND_MAXDIMS 32 /* as NumPy 1.24 */

/* ===================================================================== */
/* Errors                                                                 */
/* ===================================================================== */

/* X(name, code, NumPy/Python class, default text) */
#define ND_ERRORS(X)                                                        \
    X(ND_OK, 0, "", "success")                                              \
    X(ND_ENOMEM, -1, "MemoryError", "out of memory")                        \
    X(ND_EVALUE, -2, "ValueError", "invalid value")                         \
    X(ND_ETYPE, -3, "TypeError", "invalid type")                            \
    X(ND_EINDEX, -4, "IndexError", "index out of range")                    \
    X(ND_EAXIS, -5, "AxisError", "axis out of bounds")                      \
    X(ND_EREADONLY, -6, "ValueError", "assignment destination is read-only") \
    X(ND_ECOPY, -7, "ValueError", "operation would copy")                   \
    X(ND_ETOOHARD, -8, "TooHardError", "Exceeded max_work")                 \
    X(ND_EIO, -9, "OSError", "I/O error")                                   \
    X(ND_ENOENT, -10, "FileNotFoundError", "no such file")                  \
    X(ND_EBUFFER, -11, "BufferError", "buffer error")                       \
    X(ND_EATTR, -12, "AttributeError", "attribute error")                   \
    X(ND_ECAST, -13, "UFuncTypeError", "cannot cast")                       \
    X(ND_EZERODIV, -14, "ZeroDivisionError", "division by zero")            \
    X(ND_EOVERFLOW, -15, "OverflowError", "overflow")                       \
    X(ND_EKEY, -16, "KeyError", "key error")                                \
    X(ND_ENOTIMPL, -17, "NotImplementedError", "not implemented")           \
    X(ND_EPERM, -18, "PermissionError", "permission denied")                \
    X(ND_EISDIR, -19, "IsADirectoryError", "is a directory")                \
    X(ND_ERUNTIME, -20, "RuntimeError", "runtime error")

typedef enum nd_status {
#define ND__ERR_ENUM(name, code, cls, text) name = code,
    ND_ERRORS(ND__ERR_ENUM)
#undef ND__ERR_ENUM
    ND_ERR_LAST = -20
} nd_status;

/* The thread's last error code (ND_OK after a successful... nothing: it is
 * only meaningful right after a failing call).
 * own: none | fails: never */
ND_API int nd_errcode(void);
/* The last error's NumPy/Python exception class, e.g. "ValueError".
 * own: borrowed static string | fails: never */
ND_API const char *nd_errclass(void);
/* The last error's message, in NumPy's wording where NumPy has one.
 * own: borrowed, valid until this thread's next failing nd call | fails: never */
ND_API const char *nd_errmsg(void);
/* The default text of an error code.
 * own: borrowed static string | fails: never ("unknown error") */
ND_API const char *nd_strerror(int code);
/* The class name of an error code.
 * own: borrowed static string | fails: never */
ND_API const char *nd_strclass(int code);
/* Reset the thread's error to ND_OK.
 * own: none | fails: never */
ND_API void nd_clear_error(void);
/* Free plain memory nd returned (strings from nd_str, nd_repr, ...).
 * own: p is taken | fails: never; nd_free(NULL) does nothing */
ND_API void nd_free(void *p);

/* ===================================================================== */
/* Allocation, copy accounting, strict mode (all per thread)              */
/* ===================================================================== */

typedef struct nd_allocator {
    void *(*malloc)(size_t size, void *ud); /* NULL means out of memory */
    void (*free)(void *p, void *ud);        /* must accept malloc()ed memory */
    void *ud;
} nd_allocator;

/* Install an allocator for this thread's nd allocations (headers, data,
 * strings).  NULL restores the C library's.  Memory allocated under one
 * allocator may be freed under another, so an allocator must wrap malloc.
 * own: a is copied | fails: never */
ND_API void nd_set_allocator(const nd_allocator *a);

typedef struct nd_copy_stats {
    uint64_t copies;       /* array data copies made (copy, astype, fallback reshape, ...) */
    uint64_t bytes_copied; /* bytes written by those copies */
    uint64_t allocations;  /* data buffers allocated */
    uint64_t bytes_allocated;
} nd_copy_stats;

/* Read this thread's copy accounting counters.
 * own: out is caller's | fails: never */
ND_API void nd_copy_stats_get(nd_copy_stats *out);
/* Zero this thread's copy accounting counters.
 * own: none | fails: never */
ND_API void nd_copy_stats_reset(void);

/* Strict mode: when on, any operation that would silently fall back to a
 * copy (reshape, ravel, ascontiguousarray, asfortranarray of a layout that
 * needs one) fails with ND_ECOPY naming the operation.  Explicit copies
 * (nd_copy, nd_flatten, nd_astype) are unaffected.  Returns the old value.
 * own: none | fails: never */
ND_API bool nd_set_strict(bool on);
/* own: none | fails: never */
ND_API bool nd_get_strict(void);

/* ===================================================================== */
/* Data types                                                             */
/* ===================================================================== */

typedef enum nd_type {
    ND_BOOL,
    ND_INT8,
    ND_UINT8,
    ND_INT16,
    ND_UINT16,
    ND_INT32,
    ND_UINT32,
    ND_INT64,
    ND_UINT64,
    ND_FLOAT16,
    ND_FLOAT32,
    ND_FLOAT64,
    ND_COMPLEX64,
    ND_COMPLEX128,
    ND_NTYPES, /* the number of numeric types above */
    /* NumPy's void ('V'): raw bytes, structured records and sub-arrays.
     * No arithmetic: ufuncs and reductions refuse it with NumPy's errors;
     * sorts, unique, nonzero and nd_equal_op follow NumPy's record rules. */
    ND_VOID = ND_NTYPES
} nd_type;

typedef enum nd_casting {
    ND_CAST_NO,
    ND_CAST_EQUIV,
    ND_CAST_SAFE,
    ND_CAST_SAME_KIND,
    ND_CAST_UNSAFE
} nd_casting;

/* Immutable, refcounted.  Built-in dtypes are static: retain/release on
 * them do nothing, so they may be passed around freely. */
typedef struct nd_dtype nd_dtype;

/* The native-order built-in dtype of a type.
 * own: borrowed static (releasing it is harmless) | fails: NULL for a bad type */
ND_API const nd_dtype *nd_dtype_of(nd_type t);
/* Parse any spelling NumPy accepts: 'int16', 'float32', 'bool', 'i2', '<u4',
 * '>f8', 'f', 'd', '?', 'b', 'B', 'h', 'H', 'i', 'l', 'q', 'e', 'F', 'D', ...,
 * 'V8', comma strings ('u4,f4': fields f0, f1) and sub-arrays ('(2,3)f4').
 * own: returns new ref | fails: NULL, ND_ETYPE ("data type 'x' not understood") */
ND_API const nd_dtype *nd_dtype_parse(const char *spec);
/* own: returns d (new ref) | fails: never */
ND_API const nd_dtype *nd_dtype_retain(const nd_dtype *d);
/* own: d is released; NULL does nothing | fails: never */
ND_API void nd_dtype_release(const nd_dtype *d);

/* own: d borrowed | fails: never */
ND_API nd_type nd_dtype_type(const nd_dtype *d);
/* own: d borrowed | fails: never */
ND_API int64_t nd_dtype_itemsize(const nd_dtype *d);
/* own: d borrowed | fails: never */
ND_API int64_t nd_dtype_alignment(const nd_dtype *d);
/* NumPy's byteorder character: '=' native, '<', '>', '|' not applicable.
 * own: d borrowed | fails: never */
ND_API char nd_dtype_byteorder(const nd_dtype *d);
/* True when the data is stored in this machine's order.
 * own: d borrowed | fails: never */
ND_API bool nd_dtype_isnative(const nd_dtype *d);
/* NumPy's kind character: 'b', 'i', 'u', 'f', 'c'.
 * own: d borrowed | fails: never */
ND_API char nd_dtype_kind(const nd_dtype *d);
/* NumPy's type character ('?', 'b', 'h', 'l', 'e', 'F', ...).
 * own: d borrowed | fails: never */
ND_API char nd_dtype_char(const nd_dtype *d);
/* NumPy's name: "int16", "float64", "bool", "complex128".
 * own: borrowed static string | fails: never */
ND_API const char *nd_dtype_name(const nd_dtype *d);
/* NumPy's dtype.str, e.g. "<i2", "|b1", ">f8".
 * own: returns string, free with nd_free | fails: NULL, ND_ENOMEM */
ND_API char *nd_dtype_str(const nd_dtype *d);
/* NumPy's repr: "dtype('int16')", "dtype('>u4')".
 * own: returns string, free with nd_free | fails: NULL, ND_ENOMEM */
ND_API char *nd_dtype_repr(const nd_dtype *d);
/* The same type with its byte order set: order is 'S' (swap), '<', '>',
 * '=' / 'N' (native) or '|' / 'I' (ignore: unchanged).
 * own: returns new ref | fails: NULL, ND_EVALUE for a bad order */
ND_API const nd_dtype *nd_dtype_newbyteorder(const nd_dtype *d, char order);
/* Same type, itemsize and byte order (NumPy's ==, native spelled either way).
 * own: a, b borrowed | fails: never */
ND_API bool nd_dtype_equal(const nd_dtype *a, const nd_dtype *b);
/* NumPy's np.can_cast(from, to, casting).
 * own: borrowed | fails: never */
ND_API bool nd_can_cast(const nd_dtype *from, const nd_dtype *to, nd_casting casting);
/* NumPy's np.promote_types(a, b); the result is native order.  Void
 * dtypes promote only with an equal one.
 * own: returns new ref | fails: never for built-ins; NULL, ND_ETYPE for differing void dtypes */
ND_API const nd_dtype *nd_promote_types(const nd_dtype *a, const nd_dtype *b);
/* NumPy's str(dtype): "int16", ">u4", "|V8", "[('id', '<u4'), ('x', '<f4')]".
 * own: returns string, free with nd_free | fails: NULL, ND_ENOMEM */
ND_API char *nd_dtype_text(const nd_dtype *d);

/* ---- structured dtypes (binary records) and sub-arrays ----
 * A structured dtype is ND_VOID with named fields at byte offsets inside
 * an itemsize-byte record; a field's dtype may itself be structured or a
 * sub-array (a fixed shape of a base dtype, e.g. NumPy's ('<f4', (3,))).
 * Arrays of sub-array dtype are never made: creation appends the shape
 * (NumPy's np.zeros(2, '(3,)f4') is float32 of shape (2, 3)). */

/* Fields names[i] of formats[i] (borrowed) at offsets[i].  offsets NULL:
 * packed in order, or with align C-struct layout (each field at a multiple
 * of its alignment, the record padded to the largest).  itemsize 0: the
 * smallest that holds every field (rounded up to the alignment with align).
 * An empty name becomes "f<i>", as NumPy's list form does.
 * own: returns new ref | fails: NULL, ND_EVALUE ("field 'a' occurs more than once",
 * "offset -2 cannot be negative", "NumPy dtype descriptor requires 12 bytes, cannot override to
 * smaller itemsize of 8", "offset 2 for NumPy dtype with fields is not divisible by the field
 * alignment 8 with align=True"), ND_ENOMEM */
ND_API const nd_dtype *nd_dtype_struct(int n, const char *const *names, const nd_dtype *const *formats,
                                       const int64_t *offsets, int64_t itemsize, bool align);
/* NumPy's np.dtype((base, shape)); an empty shape gives base itself, as
 * NumPy's ('i4', ()) is int32.
 * own: returns new ref; base borrowed | fails: NULL, ND_EVALUE ("invalid shape in fixed-type tuple:
 * dimension smaller then zero."), ND_ENOMEM */
ND_API const nd_dtype *nd_dtype_subarray(const nd_dtype *base, int ndim, const int64_t *shape);
/* Unstructured void of n bytes (NumPy's 'V8').
 * own: returns new ref | fails: NULL, ND_EVALUE for n < 0, ND_ENOMEM */
ND_API const nd_dtype *nd_dtype_void(int64_t n);
/* Number of fields; -1 when d is not structured.
 * own: d borrowed | fails: never */
ND_API int nd_dtype_nfields(const nd_dtype *d);
/* Field i in definition order: its dtype, with name and byte offset
 * stored when the pointers are non-NULL.
 * own: all borrowed from d | fails: NULL, ND_EINDEX for a bad i */
ND_API const nd_dtype *nd_dtype_field(const nd_dtype *d, int i, const char **name, int64_t *offset);
/* Index of the field called name, or -1.
 * own: borrowed | fails: never */
ND_API int nd_dtype_field_index(const nd_dtype *d, const char *name);
/* A sub-array dtype's base, with its shape stored in ndim/shape
 * (ND_MAXDIMS slots); NULL when d is not a sub-array.
 * own: borrowed from d | fails: never */
ND_API const nd_dtype *nd_dtype_subdtype(const nd_dtype *d, int *ndim, int64_t *shape);
/* NumPy's dtype.isalignedstruct.
 * own: d borrowed | fails: never */
ND_API bool nd_dtype_isalignedstruct(const nd_dtype *d);
/* NumPy's dtype.descr written as a Python literal, as .npy headers hold it:
 * "'<f8'" for plain types, "[('id', '<u4'), ('', '|V4'), ('x', '<f8', (2,))]".
 * own: returns string, free with nd_free | fails: NULL, ND_EVALUE ("dtype.descr is not defined for
 * types with overlapping or out-of-order fields"), ND_ENOMEM */
ND_API char *nd_dtype_descr(const nd_dtype *d);
/* The inverse (NumPy's numpy.lib.format.descr_to_dtype): a Python literal
 * of a type string, a (descr, shape) tuple or a list of (name, descr[,
 * shape]) tuples; padding entries ('', '|Vn') become gaps.
 * own: returns new ref | fails: NULL, ND_EVALUE / ND_ETYPE for a bad literal, ND_ENOMEM */
ND_API const nd_dtype *nd_dtype_from_descr(const char *literal);

/* Parse "no", "equiv", "safe", "same_kind", "unsafe".
 * own: none | fails: <0, ND_EVALUE */
ND_API int nd_casting_parse(const char *s, nd_casting *out);

/* ===================================================================== */
/* Scalar values                                                          */
/* ===================================================================== */

/* A value tagged with the type it came from.  Reads widen: ints to i,
 * unsigned to u, float16/32/64 to f, complex to c. */
typedef struct nd_value {
    nd_type type;
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double f;
        double c[2]; /* real, imaginary */
    };
} nd_value;

#define ND_BOOLV(x) ((nd_value){.type = ND_BOOL, .b = (x)})
#define ND_I64(x) ((nd_value){.type = ND_INT64, .i = (x)})
#define ND_U64(x) ((nd_value){.type = ND_UINT64, .u = (x)})
#define ND_F64(x) ((nd_value){.type = ND_FLOAT64, .f = (x)})
#define ND_C128(re, im) ((nd_value){.type = ND_COMPLEX128, .c = {(re), (im)}})

/* Convert a value to type t with NumPy's unsafe cast rules.
 * own: none | fails: never */
ND_API nd_value nd_value_cast(nd_value v, nd_type t);

/* ===================================================================== */
/* Buffers (data owners)                                                  */
/* ===================================================================== */

/* A refcounted block of memory.  Arrays keep it alive; the last release
 * frees heap memory or calls the release callback, exactly once. */
typedef struct nd_buf nd_buf;
typedef void (*nd_release_fn)(void *ptr, size_t size, void *ctx);

/* Wrap caller memory.  `release` (may be NULL) runs once when the last
 * array using it is gone; `readonly` makes every array over it read-only.
 * own: returns new ref; ptr stays the caller's until release runs | fails: NULL, ND_ENOMEM (release is not called) */
ND_API nd_buf *nd_buf_wrap(void *ptr, size_t size, bool readonly, nd_release_fn release, void *ctx);
/* Allocate `size` bytes aligned to 64 (large blocks to 4096).
 * own: returns new ref | fails: NULL, ND_ENOMEM */
ND_API nd_buf *nd_buf_alloc(size_t size);
/* own: returns b (new ref) | fails: never */
ND_API nd_buf *nd_buf_retain(nd_buf *b);
/* own: b released; NULL does nothing | fails: never */
ND_API void nd_buf_release(nd_buf *b);
/* own: borrowed | fails: never */
ND_API void *nd_buf_data(const nd_buf *b);
/* own: borrowed | fails: never */
ND_API size_t nd_buf_size(const nd_buf *b);
/* Number of live references (for tests and diagnostics).
 * own: borrowed | fails: never */
ND_API long nd_buf_refcount(const nd_buf *b);

/* ===================================================================== */
/* Arrays                                                                 */
/* ===================================================================== */

typedef struct nd_array nd_array;

/* Flag bits, with NumPy's values. */
enum {
    ND_C_CONTIGUOUS = 0x0001,
    ND_F_CONTIGUOUS = 0x0002,
    ND_OWNDATA = 0x0004,
    ND_ALIGNED = 0x0100,
    ND_WRITEABLE = 0x0400
};

/* How reshape-like operations may copy (NumPy 2.1's copy= keyword). */
typedef enum nd_copymode {
    ND_COPY_IF_NEEDED, /* copy=None: view when possible */
    ND_COPY_ALWAYS,    /* copy=True */
    ND_COPY_NEVER      /* copy=False: fail with ND_ECOPY instead of copying */
} nd_copymode;

/* own: returns a (new ref) | fails: never */
ND_API nd_array *nd_retain(nd_array *a);
/* own: a released; NULL does nothing | fails: never */
ND_API void nd_release(nd_array *a);

/* Accessors. own: a borrowed; pointers borrowed while a lives | fails: never */
ND_API int nd_ndim(const nd_array *a);
/* own: a borrowed; ndim elements, borrowed while a lives | fails: never */
ND_API const int64_t *nd_shape(const nd_array *a);
/* own: a borrowed; ndim byte strides, borrowed while a lives | fails: never */
ND_API const int64_t *nd_strides(const nd_array *a);
/* own: borrowed while a lives (retain it to keep it longer) | fails: never */
ND_API const nd_dtype *nd_array_dtype(const nd_array *a);
/* own: a borrowed | fails: never */
ND_API int64_t nd_itemsize(const nd_array *a);
/* own: a borrowed | fails: never */
ND_API int64_t nd_size(const nd_array *a);
/* own: a borrowed | fails: never */
ND_API int64_t nd_nbytes(const nd_array *a);
/* own: borrowed, valid while a lives | fails: never */
ND_API void *nd_data(const nd_array *a);
/* own: a borrowed | fails: never */
ND_API int nd_flags(const nd_array *a);
/* NumPy's .base: the array that owns the memory this view uses, or NULL
 * for an array that owns its data or wraps external memory directly.
 * own: borrowed | fails: never */
ND_API nd_array *nd_base(const nd_array *a);
/* The buffer behind a (shared by all its views).
 * own: borrowed | fails: never */
ND_API nd_buf *nd_array_buf(const nd_array *a);
/* True when the root of a's chain wraps external memory (frombuffer,
 * memmap): NumPy reports a non-ndarray base there.
 * own: borrowed | fails: never */
ND_API bool nd_has_external_base(const nd_array *a);
/* Live references to a (for tests).
 * own: borrowed | fails: never */
ND_API long nd_refcount(const nd_array *a);

/* Set or clear WRITEABLE.  Clearing always works; setting fails, as in
 * NumPy, when the memory's owner is read-only.
 * own: a borrowed | fails: <0, ND_EVALUE "cannot set WRITEABLE flag to True of this array" */
ND_API int nd_set_writeable(nd_array *a, bool on);

/* ---- Creation.  order is 'C' or 'F'. ---- */

/* Uninitialised array (the memory is whatever malloc gave).
 * own: returns new ref; dt borrowed | fails: NULL, ND_EVALUE (negative dim, too big), ND_ENOMEM */
ND_API nd_array *nd_empty(int ndim, const int64_t *shape, const nd_dtype *dt, char order);
/* own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_zeros(int ndim, const int64_t *shape, const nd_dtype *dt, char order);
/* own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_ones(int ndim, const int64_t *shape, const nd_dtype *dt, char order);
/* Filled with v cast to dt (unsafe).  dt NULL: NumPy's dtype for the value.
 * own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_full(int ndim, const int64_t *shape, nd_value v, const nd_dtype *dt, char order);
/* 1-d values start, start+step, ... < stop (NumPy's length rule).  dt NULL
 * means int64.
 * own: returns new ref | fails: NULL, ND_EZERODIV (step 0), ND_ENOMEM */
ND_API nd_array *nd_arange(int64_t start, int64_t stop, int64_t step, const nd_dtype *dt);
/* Float arange: length ceil((stop-start)/step); dt NULL means float64.
 * own: returns new ref | fails: NULL, ND_EZERODIV, ND_EVALUE (nan length), ND_ENOMEM */
ND_API nd_array *nd_arange_f(double start, double stop, double step, const nd_dtype *dt);
/* NumPy's linspace (dt NULL means float64).
 * own: returns new ref | fails: NULL, ND_EVALUE (num < 0), ND_ENOMEM */
ND_API nd_array *nd_linspace(double start, double stop, int64_t num, bool endpoint, const nd_dtype *dt);
/* NumPy's eye(n, m, k); m < 0 means n.  dt NULL means float64.
 * own: returns new ref | fails: NULL, ND_EVALUE, ND_ENOMEM */
ND_API nd_array *nd_eye(int64_t n, int64_t m, int64_t k, const nd_dtype *dt);
/* Shape of `proto`, dtype dt (NULL: proto's), order 'K' keeps proto's
 * layout, 'A' F if proto is F-contiguous, else C.
 * own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_empty_like(const nd_array *proto, const nd_dtype *dt, char order);
/* own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_zeros_like(const nd_array *proto, const nd_dtype *dt, char order);
/* own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_ones_like(const nd_array *proto, const nd_dtype *dt, char order);
/* own: returns new ref | fails: as nd_empty */
ND_API nd_array *nd_full_like(const nd_array *proto, nd_value v, const nd_dtype *dt, char order);
/* A new C-order array holding a copy of `values` (nd_size elements of dt,
 * in dt's byte order, packed in C order).
 * own: returns new ref; values copied | fails: as nd_empty */
ND_API nd_array *nd_from_data(int ndim, const int64_t *shape, const nd_dtype *dt, const void *values);
/* An array over a buffer: data = buf + offset, with the given strides
 * (NULL: C-contiguous).  Checked: the view must lie inside the buffer.
 * The result has no base and does not own its data (NumPy's view of a
 * non-ndarray buffer).  Read-only when buf is.
 * own: returns new ref; buf retained | fails: NULL, ND_EVALUE (outside buffer) */
ND_API nd_array *nd_from_buf(nd_buf *buf, const nd_dtype *dt, int ndim, const int64_t *shape,
                             const int64_t *strides, int64_t offset);

/* ---- Element access ---- */

/* Read one element by a full index (negative allowed).
 * own: none | fails: <0, ND_EINDEX */
ND_API int nd_get(const nd_array *a, const int64_t *idx, nd_value *out);
/* Write one element (v cast to a's dtype, unsafe).
 * own: none | fails: <0, ND_EINDEX, ND_EREADONLY */
ND_API int nd_set(nd_array *a, const int64_t *idx, nd_value v);
/* NumPy's a.item(k): element k of the flat C-order sequence (negative ok);
 * k ignored for a size-1 array when k == INT64_MIN.
 * own: none | fails: <0, ND_EINDEX, ND_EVALUE (size != 1 without index) */
ND_API int nd_item(const nd_array *a, int64_t k, nd_value *out);
/* Fill every element with v (cast unsafe).
 * own: none | fails: <0, ND_EREADONLY */
ND_API int nd_fill(nd_array *a, nd_value v);
/* All elements in C order as values (tolist-style).  out has nd_size slots.
 * own: out is caller's | fails: never */
ND_API void nd_export(const nd_array *a, nd_value *out);
/* NumPy's tobytes(order): 'C', 'F', 'A' or 'K'.
 * own: returns memory, free with nd_free; *len set | fails: NULL, ND_ENOMEM, ND_EVALUE */
ND_API void *nd_tobytes(const nd_array *a, char order, size_t *len);

/* ===================================================================== */
/* Views: no data copied, base set, writes visible both ways               */
/* ===================================================================== */

/* One term of a basic index, as in a[1, 2:8:2, ..., None]. */
typedef enum nd_idx_kind { ND_IDX_INT, ND_IDX_SLICE, ND_IDX_NEWAXIS, ND_IDX_ELLIPSIS, ND_IDX_ARRAY } nd_idx_kind;
#define ND_NONE INT64_MIN /* an omitted slice bound or step */
typedef struct nd_idx {
    nd_idx_kind kind;
    int64_t start, stop, step; /* INT uses start; ND_NONE for omitted */
    const nd_array *array; /* ND_IDX_ARRAY: an integer or boolean index array (borrowed) */
} nd_idx;
#define ND_I(i) ((nd_idx){ND_IDX_INT, (i), 0, 0, NULL})
#define ND_S(a, b, c) ((nd_idx){ND_IDX_SLICE, (a), (b), (c), NULL})
#define ND_ALL ((nd_idx){ND_IDX_SLICE, ND_NONE, ND_NONE, ND_NONE, NULL})
#define ND_NEWAXIS ((nd_idx){ND_IDX_NEWAXIS, 0, 0, 0, NULL})
#define ND_ELLIPSIS ((nd_idx){ND_IDX_ELLIPSIS, 0, 0, 0, NULL})
#define ND_ARR(a) ((nd_idx){ND_IDX_ARRAY, 0, 0, 0, (a)})

/* Basic indexing.  All-integer indexes give a 0-d view.
 * own: returns new ref (a view) | fails: NULL, ND_EINDEX (out of range, too many indices), ND_EVALUE (slice step 0) */
ND_API nd_array *nd_subscript(nd_array *a, int n, const nd_idx *idx);
/* Basic indexing from NumPy syntax: "1:4, ::-1, ..., None", "-1", "...".
 * own: returns new ref (a view) | fails: as nd_subscript and nd_index_parse */
ND_API nd_array *nd_index(nd_array *a, const char *expr);
/* Parse NumPy index syntax into terms.  Returns the count (<= cap).  An
 * integer term beyond int64 fails as NumPy does (ND_EOVERFLOW below 2**64,
 * else ND_EINDEX); slice values clamp as Python's.
 * own: out is caller's | fails: <0, ND_EVALUE (syntax, more than cap terms), ND_EINDEX, ND_EOVERFLOW */
ND_API int nd_index_parse(const char *expr, nd_idx *out, int cap);

/* A view with the same dtype (NumPy's a.view()).
 * own: returns new ref | fails: NULL, ND_ENOMEM */
ND_API nd_array *nd_view(nd_array *a);
/* Reinterpret the bytes as dt; when the itemsize changes the last axis is
 * rescaled (NumPy's rules and errors).
 * own: returns new ref | fails: NULL, ND_EVALUE */
ND_API nd_array *nd_view_dtype(nd_array *a, const nd_dtype *dt);
/* NumPy's a['name']: a view of one field with a's strides, writable
 * through to the records; a sub-array field appends its shape.
 * own: returns new ref; a borrowed | fails: NULL, ND_EVALUE ("no field of name z"),
 * ND_EINDEX for an array that is not structured, ND_ENOMEM */
ND_API nd_array *nd_field(nd_array *a, const char *name);
/* NumPy 1.24's a[['b', 'a']]: a view whose dtype keeps only the named
 * fields (in the order given, at their offsets, same itemsize).
 * own: returns new ref; a, names borrowed | fails: NULL, ND_EKEY (the missing name), ND_EVALUE ("duplicate field of
 * name 'a'"), ND_EINDEX for an array that is not structured, ND_ENOMEM */
ND_API nd_array *nd_fields(nd_array *a, int n, const char *const *names);
/* Permute axes; axes NULL reverses them (a.T).
 * own: returns new ref | fails: NULL, ND_EVALUE ("axes don't match array"), ND_EAXIS */
ND_API nd_array *nd_transpose(nd_array *a, const int *axes);
/* own: returns new ref | fails: NULL, ND_EAXIS */
ND_API nd_array *nd_swapaxes(nd_array *a, int axis1, int axis2);
/* own: returns new ref | fails: NULL, ND_EAXIS, ND_EVALUE */
ND_API nd_array *nd_moveaxis(nd_array *a, int n, const int *source, const int *destination);
/* Remove the given size-1 axes (axes NULL: all size-1 axes).  When none
 * is removed the result is a itself, as in NumPy.
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_EVALUE (axis not size 1) */
ND_API nd_array *nd_squeeze(nd_array *a, int n, const int *axes);
/* Insert size-1 axes at the given positions of the result.
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_EVALUE (repeated axis) */
ND_API nd_array *nd_expand_dims(nd_array *a, int n, const int *axes);
/* np.array(a, ndmin=ndmin)'s view: size-1 axes in front until a has ndmin
 * dims (a itself, retained, when it has enough), a's strides kept.
 * own: returns new ref | fails: NULL, ND_EVALUE ("ndmin bigger than allowable number of dimensions
 * NPY_MAXDIMS (=32)"), ND_ENOMEM */
ND_API nd_array *nd_prepend_dims(nd_array *a, int ndmin);
/* Reshape (one dim may be -1) in order 'C', 'F' or 'A'.  A view whenever
 * NumPy's no-copy rule allows; otherwise a copy (mode IF_NEEDED, counted
 * as a copy, refused in strict mode), ND_ECOPY (NEVER), always a copy (ALWAYS).
 * own: returns new ref | fails: NULL, ND_EVALUE ("cannot reshape array of size 12 into shape (5,)"), ND_ECOPY */
ND_API nd_array *nd_reshape(nd_array *a, int ndim, const int64_t *shape, char order, nd_copymode mode);
/* NumPy's `a.shape = shape`: change a's own header in place (every holder
 * of a sees the new shape; data, base, OWNDATA and WRITEABLE unchanged) to
 * the C-order reshape, which must be a view (one dim may be -1).  Not safe
 * while another thread reads a's shape.
 * own: a borrowed | fails: <0, a unchanged; ND_EVALUE ("cannot reshape array of size 4 into shape (3,)"),
 * ND_EATTR ("Incompatible shape for in-place modification. ..."), ND_ENOMEM */
ND_API int nd_set_shape(nd_array *a, int ndim, const int64_t *shape);
/* NumPy's a.resize(shape): a C- or F-contiguous array takes the new shape
 * in place (strides of its own order).  When the size changes, a must own
 * its data and nothing else may hold a or its buffer (views, other
 * references: always checked, as NumPy's refcheck=False would leave views
 * on freed memory); the data moves to a new block keeping the old bytes,
 * new bytes zero.
 * own: a borrowed | fails: <0, ND_EVALUE ("resize only works on single-segment arrays", "cannot resize this array: it does not own its data", "cannot resize an array that references or is referenced\nby another array in this way.\nUse the np.resize function or refcheck=False", "negative dimensions not allowed"), ND_ENOMEM; a unchanged */
ND_API int nd_resize(nd_array *a, int ndim, const int64_t *shape);
/* Flatten to 1-d, a view when possible ('C', 'F', 'A', 'K'); otherwise a
 * fresh copy (as flatten), ND_ECOPY under NEVER or strict mode.
 * own: returns new ref | fails: NULL, ND_ECOPY (NEVER, strict), ND_EVALUE (order), ND_ENOMEM */
ND_API nd_array *nd_ravel(nd_array *a, char order, nd_copymode mode);
/* Always a new 1-d copy.
 * own: returns new ref | fails: NULL, ND_ENOMEM */
ND_API nd_array *nd_flatten(const nd_array *a, char order);
/* NumPy's as_strided: unchecked, may reach outside the buffer.  Writeable
 * follows a's.  shape NULL: a's shape; strides NULL: C strides when a is
 * C-contiguous, else a's strides (NumPy's __array_interface__ rule).
 * own: returns new ref | fails: NULL, ND_EVALUE (bad ndim, negative dim, strides/shape length mismatch) */
ND_API nd_array *nd_as_strided(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides);
/* as_strided that refuses (ND_EVALUE) a view reaching outside the buffer
 * of a's owner.
 * own: returns new ref | fails: NULL, ND_EVALUE */
ND_API nd_array *nd_as_strided_checked(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides);
/* Read-only broadcast view with zero strides.
 * own: returns new ref | fails: NULL, ND_EVALUE ("operands could not be broadcast ...") */
ND_API nd_array *nd_broadcast_to(nd_array *a, int ndim, const int64_t *shape);
/* NumPy's sliding_window_view (axes NULL: every axis, so n must equal
 * ndim, as NumPy's axis=None; read-only unless writeable).
 * own: returns new ref | fails: NULL, ND_EVALUE */
ND_API nd_array *nd_sliding_window_view(nd_array *a, int n, const int64_t *window_shape, const int *axes,
                                        bool writeable);

/* ===================================================================== */
/* Copies                                                                 */
/* ===================================================================== */

/* A new array with the same values; order 'C', 'F', 'A' or 'K'.
 * own: returns new ref | fails: NULL, ND_ENOMEM */
ND_API nd_array *nd_copy(const nd_array *a, char order);
/* Values cast to dt.  With copy false, a itself (retained) when no cast or
 * layout change is needed.
 * own: returns new ref | fails: NULL, ND_ETYPE ("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"), ND_ENOMEM */
ND_API nd_array *nd_astype(nd_array *a, const nd_dtype *dt, char order, nd_casting casting, bool copy);
/* np.can_cast(a, to, casting) for an array: a 0-d one counts by its value
 * (NumPy 1.24's min_scalar_type rule), so 100 fits int8 and 1000 does not.
 * own: borrowed | fails: never */
ND_API bool nd_can_cast_array(const nd_array *a, const nd_dtype *to, nd_casting casting);
/* a itself when C-contiguous, else a C-ordered copy (ndim >= 1).
 * own: returns new ref | fails: NULL, ND_ECOPY (strict), ND_ENOMEM */
ND_API nd_array *nd_ascontiguousarray(nd_array *a);
/* a itself when F-contiguous, else an F-ordered copy.
 * own: returns new ref | fails: NULL, ND_ECOPY (strict), ND_ENOMEM */
ND_API nd_array *nd_asfortranarray(nd_array *a);
/* Copy src into dst, broadcasting src and casting under `casting`.  Safe
 * when the two overlap.
 * own: borrowed | fails: <0, ND_EREADONLY, ND_ETYPE, ND_EVALUE (shapes), ND_ENOMEM */
ND_API int nd_copyto(nd_array *dst, const nd_array *src, nd_casting casting);
/* np.copyto(dst, src, casting, where): only the elements where `where`
 * (cast to bool, broadcast to dst's shape) is true are written; where NULL
 * is nd_copyto.
 * own: all borrowed | fails: <0, as nd_copyto, ND_EVALUE ("could not broadcast where mask from shape (2,) into shape (2,3)") */
ND_API int nd_copyto_where(nd_array *dst, const nd_array *src, nd_casting casting, const nd_array *where);
/* byteswap: a copy with every element's bytes reversed (dtype unchanged),
 * or in place when inplace is true (then returns a, retained).
 * own: returns new ref | fails: NULL, ND_EREADONLY, ND_ENOMEM */
ND_API nd_array *nd_byteswap(nd_array *a, bool inplace);
/* newbyteorder: a view whose dtype has the other byte order.
 * own: returns new ref | fails: NULL, ND_EVALUE */
ND_API nd_array *nd_newbyteorder(nd_array *a, char order);

/* ===================================================================== */
/* Memory overlap                                                         */
/* ===================================================================== */

#define ND_MAY_SHARE_BOUNDS 0
#define ND_MAY_SHARE_EXACT (-1)

/* Bounds test on the two memory extents, O(ndim).  1 or 0.
 * own: borrowed | fails: never */
ND_API int nd_may_share_memory(const nd_array *a, const nd_array *b);
/* Exact test: 1 shares, 0 does not.  max_work bounds the search
 * (ND_MAY_SHARE_EXACT: unbounded; ND_MAY_SHARE_BOUNDS: bounds only).
 * own: borrowed | fails: ND_ETOOHARD ("Exceeded max_work"), ND_EOVERFLOW,
 *   ND_EVALUE (max_work < -2: "Invalid value for max_work") */
ND_API int nd_shares_memory(const nd_array *a, const nd_array *b, int64_t max_work);
/* Does a have elements that alias each other (as_strided)?  1, 0.
 * own: borrowed | fails: ND_ETOOHARD, ND_EOVERFLOW, ND_EVALUE (as nd_shares_memory) */
ND_API int nd_internal_overlap(const nd_array *a, int64_t max_work);

/* ===================================================================== */
/* Text                                                                   */
/* ===================================================================== */

/* NumPy's str(a).
 * own: returns string, free with nd_free | fails: NULL, ND_ENOMEM */
ND_API char *nd_str(const nd_array *a);
/* NumPy's repr(a), e.g. "array([1, 2], dtype=int16)".
 * own: returns string, free with nd_free | fails: NULL, ND_ENOMEM */
ND_API char *nd_repr(const nd_array *a);
/* NumPy's str() of one value of type t (as a NumPy scalar prints).
 * own: returns string, free with nd_free | fails: NULL, ND_ENOMEM */
ND_API char *nd_value_str(nd_value v, nd_type t);

typedef struct nd_printoptions {
    int precision;      /* 8 */
    int64_t threshold;  /* 1000 */
    int edgeitems;      /* 3 */
    int linewidth;      /* 75 */
    bool suppress;      /* false */
    char sign;          /* '-' */
} nd_printoptions;
/* This thread's print options (NumPy's set_printoptions).
 * own: o copied | fails: <0, ND_EVALUE */
ND_API int nd_set_printoptions(const nd_printoptions *o);
/* own: out is caller's | fails: never */
ND_API void nd_get_printoptions(nd_printoptions *out);

/* ===================================================================== */
/* Element-wise operations (NumPy's ufuncs)                               */
/* ===================================================================== */

/* X(NAME, numpy_name, number of inputs) */
#define ND_UFUNCS(X)                                                                      \
    X(ADD, add, 2) X(SUBTRACT, subtract, 2) X(MULTIPLY, multiply, 2)                      \
    X(TRUE_DIVIDE, true_divide, 2) X(FLOOR_DIVIDE, floor_divide, 2)                       \
    X(REMAINDER, remainder, 2) X(POWER, power, 2) X(MINIMUM, minimum, 2)                  \
    X(MAXIMUM, maximum, 2) X(BITWISE_AND, bitwise_and, 2) X(BITWISE_OR, bitwise_or, 2)    \
    X(BITWISE_XOR, bitwise_xor, 2) X(LEFT_SHIFT, left_shift, 2)                           \
    X(RIGHT_SHIFT, right_shift, 2) X(EQUAL, equal, 2) X(NOT_EQUAL, not_equal, 2)          \
    X(LESS, less, 2) X(LESS_EQUAL, less_equal, 2) X(GREATER, greater, 2)                  \
    X(GREATER_EQUAL, greater_equal, 2) X(LOGICAL_AND, logical_and, 2)                     \
    X(LOGICAL_OR, logical_or, 2) X(LOGICAL_XOR, logical_xor, 2)                           \
    X(NEGATIVE, negative, 1) X(POSITIVE, positive, 1) X(ABSOLUTE, absolute, 1)            \
    X(INVERT, invert, 1) X(LOGICAL_NOT, logical_not, 1) X(SQRT, sqrt, 1) X(EXP, exp, 1)   \
    X(LOG, log, 1) X(SIN, sin, 1) X(COS, cos, 1) X(FLOOR, floor, 1) X(CEIL, ceil, 1)      \
    X(RINT, rint, 1) X(SIGN, sign, 1) X(ISNAN, isnan, 1) X(ISINF, isinf, 1)               \
    X(ISFINITE, isfinite, 1) X(CONJUGATE, conjugate, 1)

typedef enum nd_ufunc {
#define ND__UF_ENUM(NAME, name, nin) ND_##NAME,
    ND_UFUNCS(ND__UF_ENUM)
#undef ND__UF_ENUM
    ND_NUFUNCS
} nd_ufunc;

/* NumPy's name of a ufunc ("add").
 * own: borrowed static string | fails: NULL for a bad op */
ND_API const char *nd_ufunc_name(nd_ufunc op);
/* Look a ufunc up by NumPy name.
 * own: none | fails: -1 */
ND_API int nd_ufunc_lookup(const char *name);
/* Number of inputs (1 or 2).
 * own: none | fails: 0 for a bad op */
ND_API int nd_ufunc_nin(nd_ufunc op);

/* Apply a ufunc with NumPy 1.24's broadcasting, type resolution (0-d
 * operands take part by value, as Python scalars and 0-d arrays do) and
 * results.  b is NULL for unary ops.  out NULL: a new array; otherwise the
 * result is written into out (a view included; 'same_kind' casting) and
 * out is returned retained.  Inputs overlapping out are read as if copied
 * first.
 * own: returns new ref; a, b, out borrowed | fails: NULL, ND_ETYPE (no loop / cast), ND_EVALUE (shapes), ND_EREADONLY, ND_ENOMEM */
ND_API nd_array *nd_apply(nd_ufunc op, const nd_array *a, const nd_array *b, nd_array *out);
/* nd_apply with NumPy's where= and casting= keywords.  where (bool, NULL
 * for all) picks the elements of out that get the result; the others keep
 * their values (without out, every element is computed, where NumPy leaves
 * them uninitialised).  casting governs the output cast and, for 'no' and
 * 'equiv', the inputs' casts to the loop type.
 * own: returns new ref; a, b, out, where borrowed | fails: NULL, as nd_apply, and ND_ETYPE (where
 * not bool), ND_ECAST ("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with
 * casting rule 'safe'"), ND_EVALUE ("non-broadcastable output operand with shape (3,) doesn't match
 * the broadcast shape (2,3)") */
ND_API nd_array *nd_apply_where(nd_ufunc op, const nd_array *a, const nd_array *b, nd_array *out,
                                const nd_array *where, nd_casting casting);
/* The dtype nd_apply would produce for these operands (without out).
 * own: returns new ref | fails: NULL, ND_ETYPE */
ND_API const nd_dtype *nd_ufunc_result_type(nd_ufunc op, const nd_array *a, const nd_array *b);
/* NumPy's `a == b` (ne false) / `a != b` (ne true) operators.  They differ
 * from nd_apply(ND_EQUAL / ND_NOT_EQUAL), which it calls for numeric
 * operands, only for void ones (np.equal has no loop for them): structured
 * arrays with the same field names in the same order, and field dtypes
 * that promote, compare field by field; a sub-array field is equal when
 * every element is, nested records recurse, NaN fields are unequal; raw
 * voids of one size compare byte for byte.  Bool result, broadcast.  (NumPy turns
 * a broadcast failure of structured arrays into a scalar False/True with
 * warnings; here it is the ND_EVALUE shape error.)
 * own: returns new ref | fails: NULL, ND_ETYPE ("Cannot compare structured or void to non-void arrays.", "Cannot compare structured arrays unless they have a common dtype.  I.e. `np.result_type(arr1, arr2)` must be defined.", "cannot compare unstructured voids of different length. ..."), ND_EVALUE (shapes), ND_ENOMEM */
ND_API nd_array *nd_equal_op(const nd_array *a, const nd_array *b, bool ne);

/* A 0-d array holding v (Python-scalar conversion: int -> int64, float ->
 * float64, complex -> complex128, bool -> bool; dt overrides).
 * own: returns new ref | fails: NULL, ND_ENOMEM */
ND_API nd_array *nd_scalar(nd_value v, const nd_dtype *dt);

/* NumPy's np.result_type over arrays (0-d ones by value).
 * own: returns new ref | fails: NULL, ND_ETYPE */
ND_API const nd_dtype *nd_result_type(int n, const nd_array *const *arrays);
/* NumPy's np.min_scalar_type of a 0-d array's value (other arrays: dtype).
 * own: returns new ref | fails: never */
ND_API const nd_dtype *nd_min_scalar_type(const nd_array *a);
/* Broadcast shapes (NumPy's rules) into out_shape (ND_MAXDIMS slots).
 * own: borrowed | fails: <0, ND_EVALUE ("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg 1 with shape (3,).") */
ND_API int nd_broadcast_shapes(int n, const int *ndims, const int64_t *const *shapes, int *out_ndim,
                               int64_t *out_shape);

/* ===================================================================== */
/* Advanced indexing (copies) and assignment through indexes              */
/* ===================================================================== */

/* NumPy's a[index] for any index.  Without ND_IDX_ARRAY terms it is basic
 * indexing (a view, as nd_subscript).  Integer or boolean array terms make
 * it advanced: a copy, shaped by NumPy's rules (index arrays broadcast
 * together; their dims go where the first one stood when all advanced
 * terms are adjacent, else first).  Integers next to arrays count as
 * advanced, as in NumPy.
 * own: returns new ref | fails: NULL, ND_EINDEX (out of bounds, too many indices, non-integer array, boolean shape mismatch, index shapes that do not broadcast), ND_ENOMEM */
ND_API nd_array *nd_getitem(nd_array *a, int n, const nd_idx *idx);
/* NumPy's a[index] = value: value is broadcast to the indexed shape and
 * cast (unsafe) to a's dtype; with repeated indices the last write wins.
 * A value overlapping a is read as if copied first.
 * own: borrowed | fails: <0, as nd_getitem, ND_EVALUE (value shape), ND_EREADONLY */
ND_API int nd_setitem(nd_array *a, int n, const nd_idx *idx, const nd_array *value);
/* String form: NumPy syntax where "{k}" stands for arrays[k], e.g.
 * nd_index_arrays(a, "{0}, 1:3", idx, 1).
 * own: returns new ref | fails: as nd_getitem, ND_EVALUE (syntax, {k} out of range) */
ND_API nd_array *nd_index_arrays(nd_array *a, const char *expr, nd_array *const *arrays, int narrays);
/* own: borrowed | fails: as nd_setitem, ND_EVALUE (syntax) */
ND_API int nd_setitem_str(nd_array *a, const char *expr, nd_array *const *arrays, int narrays, const nd_array *value);
/* Indices of the non-zero elements, one int64 array per dimension of a
 * (a 0-d input counts as 1-d), written to out[0..max(ndim,1)-1].
 * own: out receives new refs | fails: <0, ND_ENOMEM (out untouched) */
ND_API int nd_nonzero(const nd_array *a, nd_array **out);
/* NumPy's where(cond, x, y): elements of x where cond, else of y,
 * broadcast; dtype np.result_type(x, y).
 * own: returns new ref | fails: NULL, ND_EVALUE (shapes), ND_ENOMEM */
ND_API nd_array *nd_where(const nd_array *cond, const nd_array *x, const nd_array *y);
/* NumPy's take(a, indices, axis) (mode 'raise'); ND_AXIS_NONE flattens.
 * own: returns new ref | fails: NULL, ND_EINDEX, ND_EAXIS, ND_ENOMEM */
ND_API nd_array *nd_take(nd_array *a, const nd_array *indices, int axis);
/* NumPy's compress(condition, a, axis); ND_AXIS_NONE flattens.
 * own: returns new ref | fails: NULL, ND_EINDEX, ND_EAXIS, ND_EVALUE, ND_ENOMEM */
ND_API nd_array *nd_compress(const nd_array *condition, nd_array *a, int axis);

/* ===================================================================== */
/* Reductions                                                             */
/* ===================================================================== */

#define ND_AXIS_NONE INT32_MIN /* axis=None for single-axis functions */

/* Reduce over `axes` (naxes < 0: all axes, NumPy's axis=None); keepdims
 * keeps them as length 1.  A full reduction gives a 0-d array.  dt is the
 * accumulator/result dtype (NULL: NumPy's default: int64/uint64 for small
 * ints and bool, else the input's).  Float sums use NumPy's pairwise order.
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_EVALUE (duplicate axis), ND_ENOMEM */
ND_API nd_array *nd_sum(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt);
/* own: returns new ref | fails: as nd_sum */
ND_API nd_array *nd_prod(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt);
/* own: returns new ref | fails: as nd_sum, ND_EVALUE for an empty reduction ("zero-size array to reduction operation minimum which has no identity") */
ND_API nd_array *nd_amin(const nd_array *a, int naxes, const int *axes, bool keepdims);
/* own: returns new ref | fails: as nd_amin */
ND_API nd_array *nd_amax(const nd_array *a, int naxes, const int *axes, bool keepdims);
/* own: returns new ref (bool) | fails: as nd_sum */
ND_API nd_array *nd_any(const nd_array *a, int naxes, const int *axes, bool keepdims);
/* own: returns new ref (bool) | fails: as nd_sum */
ND_API nd_array *nd_all(const nd_array *a, int naxes, const int *axes, bool keepdims);
/* NumPy's mean: ints and bool in float64, float16 via float32.
 * own: returns new ref | fails: as nd_sum */
ND_API nd_array *nd_mean(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt);
/* NumPy's var/std with ddof (NumPy's _methods arithmetic order).
 * own: returns new ref | fails: as nd_sum */
ND_API nd_array *nd_var(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                        const nd_dtype *dt);
/* own: returns new ref | fails: as nd_sum */
ND_API nd_array *nd_std(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                        const nd_dtype *dt);
/* int64 index of the first extreme (first NaN wins) along axis, or of the
 * flattened array for ND_AXIS_NONE.
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_EVALUE ("attempt to get argmax of an empty sequence") */
ND_API nd_array *nd_argmax(nd_array *a, int axis, bool keepdims);
/* own: returns new ref | fails: as nd_argmax */
ND_API nd_array *nd_argmin(nd_array *a, int axis, bool keepdims);
/* Running sum/product along axis (ND_AXIS_NONE: of the flattened array).
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_ENOMEM */
ND_API nd_array *nd_cumsum(nd_array *a, int axis, const nd_dtype *dt);
/* own: returns new ref | fails: as nd_cumsum */
ND_API nd_array *nd_cumprod(nd_array *a, int axis, const nd_dtype *dt);
/* Number of non-zero elements (int64).
 * own: returns new ref | fails: as nd_sum */
ND_API nd_array *nd_count_nonzero(const nd_array *a, int naxes, const int *axes, bool keepdims);
/* nd_reduce_ex's initial for NumPy's initial=None: start from the first
 * elements along the axes, as a ufunc without an identity does (a marker,
 * never read). */
#define ND_INITIAL_NONE ((const nd_array *)(uintptr_t)1)
/* NumPy's ufunc.reduce(a, axis, dtype, out, keepdims, initial, where) for
 * op add, multiply, minimum, maximum, logical_and/or/xor or
 * bitwise_and/or/xor (nd_sum ... nd_all are the plain cases).  dt NULL:
 * NumPy's loop (add/multiply: small ints and bool in int64/uint64 unless
 * out is given; logical ufuncs: bool; with out: the ufunc's loop for
 * (out's dtype, a's)).  initial (0-d, NULL: the identity; min/max have
 * none; ND_INITIAL_NONE: none) starts every result element, cast unsafe.  where (bool,
 * broadcastable to a, NULL: all) picks the elements reduced; as in NumPy
 * each run of set mask elements is one inner-loop call, so float sums
 * match NumPy's bits.  out (NULL: a new array) must have the result's
 * shape (NumPy's messages); the result is cast into it unsafe and out is
 * returned retained.
 * own: returns new ref; a, initial, where, out borrowed | fails: NULL, ND_EAXIS, ND_EVALUE (duplicate axis;
 * "reduction operation 'maximum' does not have an identity, so to use a where mask one has to specify
 * 'initial'"; "zero-size array to reduction operation maximum which has no identity"; "output parameter for
 * reduction operation add has the wrong number of dimensions: Found 1 but expected 2"; "operands could not be
 * broadcast together with remapped shapes [original->remapped]: (2,3) (2,) "; "operand array with iterator
 * write flag set is read-only"; op not one of those above), ND_ETYPE (where not bool: "Cannot cast array data
 * from dtype('int64') to dtype('bool') according to the rule 'safe'"; no loop), ND_ENOMEM */
ND_API nd_array *nd_reduce_ex(nd_ufunc op, const nd_array *a, int naxes, const int *axes, bool keepdims,
                              const nd_dtype *dt, const nd_array *initial, const nd_array *where, nd_array *out);
/* nd_mean with where= and out= (NULL: none), NumPy's _methods._mean: the
 * count is where broadcast to a and summed over the axes (int64), the
 * masked sum divided by it (0/0 gives nan).
 * own: returns new ref (out retained when given) | fails: as nd_reduce_ex; a where that does not broadcast gives
 * broadcast_to's "operands could not be broadcast together with remapped shapes [original->remapped]: (2,)  and
 * requested shape (2,3)" */
ND_API nd_array *nd_mean_ex(const nd_array *a, int naxes, const int *axes, bool keepdims, const nd_dtype *dt,
                            const nd_array *where, nd_array *out);
/* nd_var / nd_std with where= and out= (NumPy's _methods._var: the mean
 * and the sum of squared deviations both masked; a - mean over all of a).
 * own: returns new ref (out retained when given) | fails: as nd_mean_ex */
ND_API nd_array *nd_var_ex(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                           const nd_dtype *dt, const nd_array *where, nd_array *out);
/* own: returns new ref (out retained when given) | fails: as nd_mean_ex */
ND_API nd_array *nd_std_ex(const nd_array *a, int naxes, const int *axes, int64_t ddof, bool keepdims,
                           const nd_dtype *dt, const nd_array *where, nd_array *out);
/* NumPy's ufunc.reduceat(a, indices, axis, dtype, out): along axis, result
 * i is op reduced over a[indices[i]:indices[i+1]] (the last to the end),
 * or a[indices[i]] alone when indices[i] >= indices[i+1].  Each slice is
 * one inner-loop call from its first element, unbuffered (pairwise for
 * float add).  indices: 1-d integers (safe cast to int64).  dt NULL: as
 * nd_reduce_ex; ops with a loop whose inputs and output all have that
 * dtype.  out: a's shape with len(indices) on axis (cast unsafe).
 * own: returns new ref (out retained when given) | fails: NULL, ND_EINDEX ("index 7 out-of-bounds in
 * add.reduceat [0, 6)"), ND_EAXIS, ND_ETYPE (0-d a: "cannot reduceat on a scalar"; indices; "the resolved dtypes
 * are not compatible with equal.reduceat. ..."), ND_EVALUE (indices not 1-d, out shape), ND_ENOMEM */
ND_API nd_array *nd_reduceat(nd_ufunc op, const nd_array *a, const nd_array *indices, int axis, const nd_dtype *dt,
                             nd_array *out);

/* ===================================================================== */
/* Memory sources and files                                               */
/* ===================================================================== */

/* NumPy's frombuffer: a 1-d array of `count` elements of dt (count < 0: all
 * that fit) over the len bytes at ptr, starting `offset` bytes in.  No copy;
 * the array has no base and does not own its data (nd_has_external_base is
 * true); read-only for good when readonly is true.  release (may be NULL)
 * runs once, with (ptr, len, ctx), when the last array using it is gone.
 * own: returns new ref; ptr stays the caller's until release runs | fails: NULL, ND_EVALUE (NumPy's messages), ND_ENOMEM; release not called */
ND_API nd_array *nd_frombuffer(void *ptr, size_t len, bool readonly, const nd_dtype *dt, int64_t count,
                               int64_t offset, nd_release_fn release, void *ctx);

/* NumPy's memmap: the file at path mapped as an array of dt (NULL: uint8)
 * starting `offset` bytes in.  mode (NULL: "r+") is "r"/"readonly",
 * "r+"/"readwrite", "w+"/"write" (create or truncate; needs a shape) or
 * "c"/"copyonwrite" (private pages).  shape NULL maps the rest of the file as
 * 1-d; order 'C' or 'F' ('A', 'K' and 0 mean 'C').  "r+"/"w+" grow a short
 * file, as NumPy does.  The mapping lives until the last view is released.
 * own: returns new ref; dt borrowed | fails: NULL, ND_ENOENT/ND_EISDIR/ND_EPERM/ND_EIO ("[Errno 2] No such file or directory: 'x'"), ND_EVALUE, ND_EOVERFLOW; no file created or truncated */
ND_API nd_array *nd_memmap(const char *path, const nd_dtype *dt, const char *mode, int64_t offset, int ndim,
                           const int64_t *shape, char order);
/* Write a memmap's changes to its file (msync); nothing for "r" and "c".
 * Works on any view of a memmap.
 * own: a borrowed | fails: <0, ND_EATTR (not a memmap), ND_EIO */
ND_API int nd_memmap_flush(const nd_array *a);
/* True when a (or the array it views) is backed by nd_memmap.
 * own: a borrowed | fails: never */
ND_API bool nd_is_memmap(const nd_array *a);

/* NumPy's np.save: write a as a .npy file (format 1.0, or 2.0 when the
 * header needs it), appending ".npy" to path when it lacks it, as NumPy
 * does.  Non-contiguous arrays are written compactly in C order.
 * own: a borrowed | fails: <0, ND_ENOENT/ND_EPERM/ND_EISDIR/ND_EIO, ND_ENOMEM; file left absent */
ND_API int nd_save(const char *path, const nd_array *a);
/* NumPy's np.load of a .npy file (format 1.0, 2.0, 3.0).  mmap_mode NULL
 * reads the data into memory; "r", "r+", "c" (or their long names) map it
 * instead (see nd_memmap).
 * own: returns new ref | fails: NULL, ND_EVALUE (bad magic, header, dtype, truncated data: NumPy's messages), ND_ENOENT/ND_EIO, ND_ENOMEM */
ND_API nd_array *nd_load(const char *path, const char *mmap_mode);

/* An open .npz archive (NumPy's NpzFile). */
typedef struct nd_npz nd_npz;
/* NumPy's savez / savez_compressed: a zip of name.npy members (stored, or
 * deflated when compress is true).  names[i] NULL (or names NULL) gives
 * "arr_<k>" numbered over the unnamed arrays; ".npz" is appended to path
 * when it lacks it.
 * own: arrays borrowed | fails: <0, ND_EVALUE (duplicate name), ND_EIO..., ND_ENOMEM; file left absent */
ND_API int nd_savez(const char *path, int n, const char *const *names, const nd_array *const *arrays,
                    bool compress);
/* Open a .npz archive and read its directory (not the arrays).
 * own: returns handle, close with nd_npz_close | fails: NULL, ND_EVALUE (not a zip / bad archive), ND_ENOENT/ND_EIO, ND_ENOMEM */
ND_API nd_npz *nd_npz_open(const char *path);
/* Number of members.
 * own: z borrowed | fails: never */
ND_API int nd_npz_count(const nd_npz *z);
/* Name of member i with ".npy" removed (NpzFile.files); NULL if out of range.
 * own: borrowed, valid until nd_npz_close | fails: NULL */
ND_API const char *nd_npz_name(const nd_npz *z, int i);
/* Read member `name` ("x" or "x.npy") into a new array.
 * own: returns new ref | fails: NULL, ND_EKEY ("x is not a file in the archive"), ND_EVALUE (bad member, "Bad CRC-32 ..."), ND_ENOMEM */
ND_API nd_array *nd_npz_get(nd_npz *z, const char *name);
/* own: z released; NULL does nothing | fails: never */
ND_API void nd_npz_close(nd_npz *z);

struct DLManagedTensor; /* from dlpack/dlpack.h */
/* DLPack (dlpack/dlpack.h, 0.6+).  A CPU DLManagedTensor viewing a's
 * memory (strides in elements); its deleter releases the ref it holds.
 * own: returns tensor (call its deleter once); a retained by it | fails: NULL, ND_EBUFFER (NumPy's messages: read-only, byte order, bool), ND_ENOMEM */
ND_API struct DLManagedTensor *nd_to_dlpack(nd_array *a);
/* Import a CPU DLManagedTensor without copying.  The array is read-only
 * (as NumPy 1.24's from_dlpack) and t's deleter runs exactly once, when the
 * last array using it is gone.
 * own: returns new ref; t taken on success, still the caller's on failure | fails: NULL, ND_ERUNTIME ("Unsupported device in DLTensor." ...), ND_EVALUE, ND_ENOMEM */
ND_API nd_array *nd_from_dlpack(struct DLManagedTensor *t);

/* ===================================================================== */
/* Joining, sorting, sets                                                 */
/* ===================================================================== */

/* NumPy's concatenate: dtype np.result_type of the inputs, layout following
 * the inputs' stride order; axis ND_AXIS_NONE flattens each in C order.
 * own: returns new ref; arrays borrowed | fails: NULL, ND_EVALUE ("need at least one array to concatenate", "zero-dimensional arrays cannot be concatenated", "all the input array dimensions except for the concatenation axis must match exactly, ..."), ND_EAXIS, ND_ENOMEM */
ND_API nd_array *nd_concatenate(int n, const nd_array *const *arrays, int axis);
/* Join along a new axis (NumPy's stack).
 * own: returns new ref | fails: NULL, ND_EVALUE ("need at least one array to stack", "all input arrays must have the same shape"), ND_EAXIS, ND_ENOMEM */
ND_API nd_array *nd_stack(int n, const nd_array *const *arrays, int axis);
/* atleast_2d then concatenate on axis 0.
 * own: returns new ref | fails: as nd_concatenate */
ND_API nd_array *nd_vstack(int n, const nd_array *const *arrays);
/* atleast_1d then concatenate on axis 0 (1-d inputs) or 1.
 * own: returns new ref | fails: as nd_concatenate */
ND_API nd_array *nd_hstack(int n, const nd_array *const *arrays);
/* Repeat elements along axis (ND_AXIS_NONE: of the flattened array); repeats
 * is 0-d or 1-d (one count per element, or one for all), cast to int64.
 * own: returns new ref (C order) | fails: NULL, ND_EVALUE ("repeats may not contain negative values.", "operands could not be broadcast together with shape (3,) (2,)"), ND_EAXIS, ND_ENOMEM */
ND_API nd_array *nd_repeat(const nd_array *a, const nd_array *repeats, int axis);
/* nd_repeat with one count for every element.
 * own: returns new ref | fails: as nd_repeat ("negative dimensions are not allowed") */
ND_API nd_array *nd_repeat_n(const nd_array *a, int64_t repeats, int axis);
/* NumPy's tile(a, reps) with n reps (a view of a when a is empty, as NumPy).
 * own: returns new ref | fails: NULL, ND_EVALUE, ND_ENOMEM */
ND_API nd_array *nd_tile(const nd_array *a, int n, const int64_t *reps);
/* NumPy's roll: n (shift, axis) pairs, shifts on one axis add up; axes NULL
 * rolls the flattened array by the sum of the shifts (a reshaped view of a
 * new 1-d array, as NumPy).  The result keeps a's layout (order 'K').
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_ENOMEM */
ND_API nd_array *nd_roll(const nd_array *a, int n, const int64_t *shifts, const int *axes);
/* Reverse the given axes (naxes < 0: all): a view with negative strides.
 * own: returns new ref (a view) | fails: NULL, ND_EAXIS, ND_EVALUE ("repeated axis") */
ND_API nd_array *nd_flip(nd_array *a, int naxes, const int *axes);
/* own: returns new ref (a view) | fails: NULL, ND_EVALUE ("Input must be >= 2-d.") */
ND_API nd_array *nd_fliplr(nd_array *a);
/* own: returns new ref (a view) | fails: NULL, ND_EVALUE ("Input must be >= 1-d.") */
ND_API nd_array *nd_flipud(nd_array *a);

/* A sorted copy (order 'K') along axis (ND_AXIS_NONE: of the flattened
 * array).  kind NULL or "quicksort" (NumPy's introsort, same order of equal
 * elements), "mergesort"/"stable", "heapsort" (first letter decides, as
 * NumPy).  NaNs sort last; complex lexicographically.
 * own: returns new ref | fails: NULL, ND_EAXIS, ND_EVALUE ("sort kind must be one of 'quick', 'heap', or 'stable' (got 'x')"), ND_ENOMEM */
ND_API nd_array *nd_sort(const nd_array *a, int axis, const char *kind);
/* Sort a in place (NumPy's a.sort()); axis ND_AXIS_NONE is refused as NumPy does.
 * own: a borrowed | fails: <0, ND_EREADONLY, ND_EAXIS, ND_EVALUE, ND_ENOMEM */
ND_API int nd_sort_inplace(nd_array *a, int axis, const char *kind);
/* int64 indices that sort a along axis (ND_AXIS_NONE: flattened), with
 * NumPy's order for equal elements for every kind.
 * own: returns new ref | fails: as nd_sort */
ND_API nd_array *nd_argsort(const nd_array *a, int axis, const char *kind);

/* The sorts above for records, comparing the fields named in order first
 * (norder names), then the others in definition order: NumPy's order=.
 * Each fails as its plain form does, and with ND_EVALUE ("Cannot specify order when the array has no
 * fields.", "unknown field name: z", "duplicate field name: a").
 * own: returns new ref; order borrowed | fails: NULL */
ND_API nd_array *nd_sort_order(const nd_array *a, int axis, const char *kind, int norder, const char *const *order);
/* own: returns new ref (int64 indices); order borrowed | fails: NULL */
ND_API nd_array *nd_argsort_order(const nd_array *a, int axis, const char *kind, int norder,
                                  const char *const *order);
/* own: a and order borrowed | fails: <0 */
ND_API int nd_sort_inplace_order(nd_array *a, int axis, const char *kind, int norder, const char *const *order);

/* NumPy's partition(a, kth, axis): a copy (ND_AXIS_NONE: of the flattened
 * array) where each kth element is the one a full sort puts there, smaller
 * ones before it and larger after, arranged exactly as NumPy 1.24's
 * introselect leaves them.  kth: nkth positions, negative from the end.
 * Records are fully sorted, as NumPy does.
 * own: returns new ref; kth borrowed | fails: NULL, ND_EAXIS, ND_EVALUE ("kth(=7) out of bounds (5)"), ND_ENOMEM */
ND_API nd_array *nd_partition(const nd_array *a, int nkth, const int64_t *kth, int axis);
/* a.partition(kth, axis) in place.
 * own: a, kth borrowed | fails: <0, as nd_partition, ND_EREADONLY ("partition array is read-only") */
ND_API int nd_partition_inplace(nd_array *a, int nkth, const int64_t *kth, int axis);
/* int64 indices that partition a (NumPy's argpartition; a 0-d array or
 * ND_AXIS_NONE works on the flattened array).
 * own: returns new ref; kth borrowed | fails: as nd_partition */
ND_API nd_array *nd_argpartition(const nd_array *a, int nkth, const int64_t *kth, int axis);

/* nd_unique flags: which extra results to produce. */
enum {
    ND_UNIQUE_INDEX = 1,      /* return_index */
    ND_UNIQUE_INVERSE = 2,    /* return_inverse */
    ND_UNIQUE_COUNTS = 4,     /* return_counts */
    ND_UNIQUE_NAN_DISTINCT = 8 /* equal_nan=False */
};
/* NumPy's unique over the flattened array: sorted unique values; with the
 * flags, int64 *index, *inverse, *counts (each pointer only read when its
 * flag is set).
 * own: returns new ref, and new refs in the requested outputs | fails: NULL, outputs untouched, ND_ENOMEM */
ND_API nd_array *nd_unique(const nd_array *a, int flags, nd_array **index, nd_array **inverse, nd_array **counts);

/* NumPy 1.24's clip: the clip ufunc over (a, amin, amax) with its type
 * resolution (0-d bounds by value); amin or amax NULL uses minimum/maximum;
 * a 0-d NaN bound means no bound (NumPy's deprecated behaviour).  out NULL:
 * a new array; else written into out (cast unsafe) and out returned.
 * own: returns new ref | fails: NULL, ND_EVALUE ("One of max or min must be given", shapes), ND_ETYPE, ND_EREADONLY, ND_ENOMEM */
ND_API nd_array *nd_clip(const nd_array *a, const nd_array *amin, const nd_array *amax, nd_array *out);
/* NumPy's isclose: |a-b| <= atol + rtol*|b| element-wise (bool, broadcast).
 * own: returns new ref | fails: NULL, ND_EVALUE (shapes), ND_ETYPE, ND_ENOMEM */
ND_API nd_array *nd_isclose(const nd_array *a, const nd_array *b, double rtol, double atol, bool equal_nan);
/* NumPy's allclose: 1 or 0.
 * own: borrowed | fails: <0, as nd_isclose */
ND_API int nd_allclose(const nd_array *a, const nd_array *b, double rtol, double atol, bool equal_nan);
/* NumPy's array_equal: 1 when same shape and equal elements, else 0.
 * own: borrowed | fails: <0, ND_ENOMEM */
ND_API int nd_array_equal(const nd_array *a, const nd_array *b, bool equal_nan);

/* ===================================================================== */
/* Random numbers                                                         */
/* ===================================================================== */

/* A generator with NumPy's legacy stream (np.random.RandomState: MT19937).
 * Every function below takes r NULL to mean this thread's default
 * generator (the np.random.* functions), which seeds itself from the OS
 * until nd_random_seed is called.  After the same seed, each call gives
 * NumPy 1.24's values bit for bit and leaves the stream where NumPy's
 * would.  ndim 0 draws one value (a 0-d array: NumPy's size=None).  A
 * failing call draws nothing. */
typedef struct nd_random nd_random;

/* np.random.RandomState(seed).
 * own: returns handle, free with nd_random_free | fails: NULL, ND_ENOMEM */
ND_API nd_random *nd_random_new(uint32_t seed);
/* own: r freed; NULL does nothing | fails: never */
ND_API void nd_random_free(nd_random *r);
/* np.random.seed(seed); also clears the cached Gaussian.
 * own: none | fails: <0, ND_ENOMEM only when r is NULL and this thread's default cannot be made */
ND_API int nd_random_seed(nd_random *r, uint32_t seed);
/* np.random.seed([k0, k1, ...]) (init_by_array).  As in NumPy, seed([5])
 * is not seed(5).
 * own: keys borrowed | fails: <0, ND_EVALUE ("Seed must be non-empty"), ND_ENOMEM as nd_random_seed */
ND_API int nd_random_seed_array(nd_random *r, int64_t n, const uint32_t *keys);
/* rand(*shape): float64 in [0, 1).
 * own: returns new ref | fails: NULL, ND_EVALUE ("negative dimensions are not allowed"), ND_ENOMEM */
ND_API nd_array *nd_random_rand(nd_random *r, int ndim, const int64_t *shape);
/* random_sample(size): the same stream as rand.
 * own: returns new ref | fails: as nd_random_rand */
ND_API nd_array *nd_random_random_sample(nd_random *r, int ndim, const int64_t *shape);
/* randn(*shape): standard normal float64 (legacy polar Box-Muller).
 * own: returns new ref | fails: as nd_random_rand */
ND_API nd_array *nd_random_randn(nd_random *r, int ndim, const int64_t *shape);
/* uniform(low, high, size): low + (high-low)*random_sample.
 * own: returns new ref | fails: NULL, ND_EOVERFLOW ("Range exceeds valid bounds"), as nd_random_rand */
ND_API nd_array *nd_random_uniform(nd_random *r, double low, double high, int ndim, const int64_t *shape);
/* normal(loc, scale, size): loc + scale*randn.
 * own: returns new ref | fails: NULL, ND_EVALUE ("scale < 0", also for -0.0), as nd_random_rand */
ND_API nd_array *nd_random_normal(nd_random *r, double loc, double scale, int ndim, const int64_t *shape);
/* randint(low, high, size, dtype): integers in [low, high) of dt (NULL:
 * int64; bool, int8..uint64; non-native orders give the native dtype, as
 * NumPy), with NumPy's per-width masked rejection.  An empty size returns
 * an empty array without checking the bounds, as NumPy.  (Bounds are
 * int64, so uint64 values above INT64_MAX cannot be asked for.)
 * own: returns new ref; dt borrowed | fails: NULL, ND_EVALUE ("low >= high", "high <= 0", "low is out of bounds for int8", ...), ND_ETYPE ("Unsupported dtype dtype('float64') for randint"), ND_ENOMEM */
ND_API nd_array *nd_random_randint(nd_random *r, int64_t low, int64_t high, int ndim, const int64_t *shape,
                                   const nd_dtype *dt);
/* choice(a, size, replace, p): elements of the 1-d array a (a NULL: of
 * arange(n), giving int64 indices; a 0-d integer a counts as n), with or
 * without replacement, p (NULL: uniform) any real dtype of len(a).
 * own: returns new ref; a, p borrowed | fails: NULL, ND_EVALUE (NumPy's messages: "a must be 1-dimensional", "probabilities do not sum to 1", "Cannot take a larger sample than population when 'replace=False'", ...), ND_ETYPE (complex p, 0-d p), ND_ENOMEM */
ND_API nd_array *nd_random_choice(nd_random *r, const nd_array *a, int64_t n, int ndim, const int64_t *shape,
                                  bool replace, const nd_array *p);
/* permutation(x): a shuffled C-order copy of a along axis 0, or with a
 * NULL a shuffled arange(n) (int64; n <= 0 gives an empty array).
 * own: returns new ref; a borrowed | fails: NULL, ND_EINDEX ("x must be an integer or at least 1-dimensional"), ND_ENOMEM */
ND_API nd_array *nd_random_permutation(nd_random *r, const nd_array *a, int64_t n);
/* shuffle(x): permute a in place along axis 0 (Fisher-Yates as NumPy's
 * legacy shuffle); works on any writeable view.
 * own: a borrowed | fails: <0, ND_ETYPE ("len() of unsized object"), ND_EVALUE ("array is read-only"), ND_ENOMEM as nd_random_seed */
ND_API int nd_random_shuffle(nd_random *r, nd_array *a);

#ifdef __cplusplus
}
#endif
#endif /* ND_H */
