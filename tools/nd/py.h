/* py.h — the nd interpreter's private header: values, objects, AST and the
 * cross-file helpers of tools/nd/.  Not installed; libnd's own API is nd.h. */
#ifndef ND_PY_H
#define ND_PY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nd.h"

/* ---- values ----
 * Small values (None, bool, int, float, Ellipsis) live inside Val; the rest
 * are refcounted heap objects.  T_ERR is the "an exception is pending"
 * sentinel every evaluator function may return. */
typedef enum Tag {
    T_ERR, T_NONE, T_BOOL, T_INT, T_FLOAT, T_ELLIPSIS, /* immediate */
    T_COMPLEX, T_STR, T_BYTES, T_LIST, T_TUPLE, T_DICT, T_SLICE, T_RANGE,
    T_FUNC, T_BUILTIN, T_TYPE, T_MODULE, T_EXC, T_ITER,
    T_ARRAY, T_SCALAR, T_DTYPE, T_FLAGS, T_MISC,
    T_BIG, /* a Python int beyond int64 (up to 128 bits); ints that fit are always T_INT */
    T_UFUNC /* a numpy.ufunc (OUfunc) */
} Tag;

typedef struct Obj {
    int tag;
    long rc; /* < 0: immortal (static objects) */
} Obj;

typedef struct Val {
    int t;
    union {
        int64_t i; /* T_INT, T_BOOL */
        double f;  /* T_FLOAT */
        Obj *o;    /* heap tags */
    };
} Val;

#define VNONE ((Val){.t = T_NONE})
#define VERR ((Val){.t = T_ERR})
#define VINT(x) ((Val){.t = T_INT, .i = (x)})
#define VBOOL(x) ((Val){.t = T_BOOL, .i = (x) ? 1 : 0})
#define VFLOAT(x) ((Val){.t = T_FLOAT, .f = (x)})
/* p is evaluated twice: pass a variable, never a call */
#define VOBJ(p) ((Val){.t = ((Obj *)(p))->tag, .o = (Obj *)(p)})
#define ISERR(v) ((v).t == T_ERR)

typedef struct OComplex { Obj h; double re, im; } OComplex;
typedef __int128 i128;
typedef struct OBig { Obj h; i128 val; } OBig;
typedef struct OStr { Obj h; int64_t len; uint64_t hash; char s[]; } OStr; /* also bytes */
typedef struct OList { Obj h; int64_t n, cap; Val *v; } OList;             /* also tuple */
typedef struct DEnt { Val k, v; uint64_t hash; } DEnt;
typedef struct ODict { Obj h; int64_t n, cap, used; DEnt *e; int64_t *idx; int64_t icap; } ODict;
typedef struct OSlice { Obj h; Val start, stop, step; } OSlice;
typedef struct ORange { Obj h; int64_t start, stop, step; } ORange;

typedef struct Kw { int n; const char **names; Val *vals; } Kw;
typedef Val (*BFn)(Val self, int argc, Val *argv, Kw *kw);
typedef struct OBuiltin { Obj h; const char *name; BFn fn; Val self; } OBuiltin;

typedef struct OType OType;
struct OType {
    Obj h;
    const char *name;    /* __name__ */
    const char *qual;    /* how repr/tracebacks spell it: "numpy.int16", "ValueError" */
    OType *base;         /* superclass (one is enough here) */
    int kind;            /* TK_* */
    int nt;              /* nd_type for numpy scalar types, else -1 */
};
enum { TK_PLAIN, TK_EXC, TK_NPSCALAR, TK_NPABSTRACT };

typedef struct OExc { Obj h; OType *cls; Val args; int line; } OExc;
typedef struct OArray { Obj h; nd_array *a; bool void_scalar; } OArray; /* void_scalar: a numpy.void record (0-d view) */
typedef struct OScalar { Obj h; nd_value v; } OScalar; /* v.type is the numpy type */
typedef struct ODtype { Obj h; const nd_dtype *dt; } ODtype;
typedef struct OFlags { Obj h; nd_array *a; bool scalar; } OFlags; /* scalar: a NumPy scalar's (read-only) flags */
typedef struct OMisc { Obj h; const char *kind; Val a, b; } OMisc; /* ctypes, memoryview, ... */
/* A numpy.ufunc: calling it runs fn(self, ...); op is its libnd ufunc (-1:
   one of np_math.c's, or matmul); sig is a gufunc's signature or NULL. */
typedef struct OUfunc { Obj h; const char *name; int nin, op; BFn fn; Val self; const char *sig; } OUfunc;

/* Modules: a name and a table of attributes. */
typedef struct OModule { Obj h; const char *name; ODict *attrs; } OModule;

/* Iterator over a list/tuple/range/str/dict/array snapshot, or a lazy one
   whose item pos next(src, pos) makes when asked for (np.ndindex). */
typedef Val (*IterFn)(Val src, int64_t pos);
typedef struct OIter { Obj h; Val src; int64_t pos, n; int kind; IterFn next; } OIter;

/* ---- refcounting and construction (value.c) ---- */
static inline Val incref(Val v) {
    if (v.t >= T_COMPLEX && v.o->rc >= 0) v.o->rc++;
    return v;
}
void obj_free(Obj *o);
static inline void decref(Val v) {
    if (v.t >= T_COMPLEX && v.o->rc >= 0 && --v.o->rc == 0) obj_free(v.o);
}
void *obj_new(int tag, size_t size);
Val mk_str(const char *s, int64_t len);
Val mk_cstr(const char *s);
Val mk_bytes(const char *s, int64_t len);
Val mk_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
Val str_take(char *s); /* takes malloc'd string */
Val mk_complex(double re, double im);
Val mk_int(i128 x);       /* T_INT when x fits 64 bits, else T_BIG */
Val big_overflow(void);    /* OverflowError for ints beyond nd's 128 bits */
#define BIG(x_) (((OBig *)(x_).o)->val)
static inline bool is_int(Val v) { return v.t == T_INT || v.t == T_BOOL || v.t == T_BIG; }
static inline i128 int_of(Val v) { return v.t == T_BIG ? BIG(v) : (i128)v.i; } /* is_int(v) */
int int_digits(i128 x, int base, bool upper, char *buf); /* |x| in base 2..16 into buf (>= 130 bytes); length */
int parse_int128(const char *s, int base, i128 *out);   /* [+-]digits; 0, -1 bad digit, -2 beyond 128 bits */
Val mk_list(int64_t n);   /* n slots set to None */
Val mk_tuple(int64_t n);
Val mk_tuple2(Val a, Val b); /* steals a, b */
void list_append(Val list, Val item); /* steals item */
Val mk_dict(void);
int dict_set(Val d, Val k, Val v);     /* borrows both; <0 unhashable (exception set) */
Val dict_get(Val d, Val k, bool *found); /* borrowed result; T_ERR when unhashable */
int dict_del(Val d, Val k);             /* 1 deleted, 0 missing, <0 error */
Val mk_slice(Val a, Val b, Val c);      /* steals */
Val mk_array(nd_array *a);              /* steals the nd ref; NULL -> libnd error raised */
Val mk_scalar(nd_value v);
Val mk_dtype(const nd_dtype *dt);       /* retains */
Val mk_void(nd_array *a);               /* a numpy.void element over 0-d record view a; steals */
Val mk_builtin(const char *name, BFn fn, Val self); /* retains self */
Val mk_misc(const char *kind, Val a, Val b);        /* retains */

#define STR(v) ((OStr *)(v).o)
#define LIST(v) ((OList *)(v).o)
#define DICT(v) ((ODict *)(v).o)
#define ARR(v) (((OArray *)(v).o)->a)
#define SCAL(x_) (((OScalar *)(x_).o)->v)
#define TYPE(v) ((OType *)(v).o)
#define EXC(v) ((OExc *)(v).o)

int64_t str_cplen(const OStr *s); /* length in code points */
uint64_t hash_bytes(const char *s, int64_t n);
int val_hash(Val v, uint64_t *out); /* <0 unhashable (TypeError set) */
int val_eq(Val a, Val b);           /* 1, 0, <0 error: Python == for dict keys, list.index, in */
int val_truth(Val v);               /* 1, 0, <0 error */
bool val_is(Val a, Val b);
OType *type_of(Val v);
const char *type_name(Val v);
bool isinstance_t(Val v, OType *t);
bool type_is_sub(OType *t, OType *base);

/* ---- errors (eval.c) ---- */
/* The pending exception; set by raise_exc and friends. */
Val raise_exc(OType *cls, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Val raise_val(Val exc);     /* steals exc (an OExc) */
Val raise_nd(void);          /* libnd's thread error as the matching Python class */
Val exc_pending(void);       /* borrowed */
void exc_clear(void);
Val exc_take(void);          /* new ref, clears */
OType *exc_class_by_name(const char *name);
extern OType *const TypeErrorT, *const ValueErrorT, *const IndexErrorT, *const KeyErrorT,
    *const ZeroDivisionErrorT, *const AttributeErrorT, *const NameErrorT, *const OverflowErrorT,
    *const RuntimeErrorT, *const StopIterationT, *const AssertionErrorT, *const NotImplementedErrorT,
    *const ModuleNotFoundErrorT, *const SyntaxErrorT, *const RecursionErrorT, *const MemoryErrorT,
    *const UnboundLocalErrorT, *const ExceptionT, *const BaseExceptionT, *const KeyboardInterruptT,
    *const OSErrorT, *const FileNotFoundErrorT;
extern OType *const IntT, *const FloatT, *const BoolT, *const StrT, *const ListT, *const TupleT,
    *const DictT, *const NoneTypeT, *const ComplexT, *const BytesT, *const TypeT, *const SliceT,
    *const RangeT, *const FunctionT, *const BuiltinT, *const ModuleT, *const EllipsisT, *const NdarrayT,
    *const DtypeT, *const FlagsT, *const IterT, *const MemmapT, *const MiscT, *const GenericT, *const UfuncT,
    *const IinfoT, *const FinfoT;
OType *type_by_index(int i);
int type_count(void);
OType *np_scalar_type(nd_type t); /* numpy.int16 etc. */

/* ---- text (strfmt.c) ---- */
typedef struct SB { char *s; size_t n, cap; } SB;
void sb_putn(SB *b, const char *s, size_t n);
void sb_puts(SB *b, const char *s);
void sb_putc(SB *b, char c);
void sb_printf(SB *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Val sb_val(SB *b); /* a str; frees the builder */
char *float_repr(double x, char *buf);   /* Python repr(float); buf >= 40 */
Val val_repr(Val v);  /* new str or T_ERR */
Val val_str(Val v);
int repr_into(SB *b, Val v, bool repr);
Val format_spec(Val v, const char *spec, int64_t n); /* format(v, spec) */
Val str_mod(Val fmt, Val args);   /* fmt % args */
Val str_format(Val fmt, int argc, Val *argv, Kw *kw);

/* ---- builtins and methods (builtins.c, methods.c) ---- */
int argparse(const char *fname, int argc, Val *argv, Kw *kw, const char *spec, Val *out);
void builtins_install(void);
void define_builtin(const char *name, Val v); /* steals v */
void func_free(Obj *o);
Val func_repr(Val f);
Val call_val(Val f, int argc, Val *argv, Kw *kw);
Val type_call(OType *t, int argc, Val *argv, Kw *kw);
Val bound_method(Val self, const char *name);
#define HAS(v) ((v).t != T_ERR)
extern OType *const ObjectT, *const NpVoidT;
int list_sort(Val list, Val key, bool reverse);
Val define_range_call(int argc, Val *argv);
Val call_method(Val self, const char *name, int argc, Val *argv, Kw *kw); /* T_ERR + AttributeError if absent */
Val get_attr(Val obj, const char *name);
int set_attr(Val obj, const char *name, Val v);
Val str_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val list_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val dict_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val get_iter(Val v);
Val iter_next(Val it, bool *done); /* new ref; done at end */
Val mk_lazy_iter(Val src, int64_t n, IterFn next); /* n items next(src, 0..n-1); retains src */
Val to_list(Val v);              /* list(v) */
int to_int64(Val v, int64_t *out, const char *what); /* Python int / np integer / bool (index protocol) */
int to_double(Val v, double *out);
Val subscript(Val obj, Val idx);
int store_subscript(Val obj, Val idx, Val v);
int del_subscript(Val obj, Val idx);
Val seq_getslice(Val obj, OSlice *s);
int slice_indices(OSlice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
Val contains(Val container, Val item); /* bool or T_ERR */

/* ---- operators (ops.c) ---- */
enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_MATMUL,
    OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IS, OP_ISNOT, OP_IN, OP_NOTIN,
    OP_NEG, OP_POS, OP_INVERT, OP_NOT, OP_NOP
};
extern const char *const op_symbol[];
Val binop(int op, Val a, Val b);
Val inplace_op(int op, Val a, Val b); /* arrays in place, else binop */
Val unop(int op, Val a);
Val compare(int op, Val a, Val b);

/* ---- numpy (np_*.c) ---- */
Val np_module(void);
Val np_submodule(const char *dotted); /* "numpy.lib.stride_tricks" etc. or T_NONE */
/* numpy's name from the Python prelude (np_prelude.c), loading it on the
 * first miss; *found false when it has none either. */
Val np_prelude_attr(Val mod, const char *name, bool *found);
/* Call the prelude's function fname (private ones too), loading it first. */
Val np_prelude_call(const char *fname, int argc, Val *argv);
bool is_random_state(Val v);        /* np_random.c: np.random.RandomState objects */
void random_state_free(Val v);
Val random_state_getattr(Val v, const char *name, bool *found);
bool is_broadcast(Val v);           /* np_broadcast.c: np.broadcast objects */
Val broadcast_getattr(Val v, const char *name, bool *found);
Val broadcast_iter(Val v);
bool is_generator(Val v);           /* np_generator.c: np.random.default_rng() Generators */
void generator_free(Val v);
Val generator_getattr(Val v, const char *name, bool *found);
extern const char *const np_star_names; /* np_star.c: numpy.__all__, space-separated */
Val np_array_from(Val v, const nd_dtype *dt, bool copy); /* np.array */
Val np_array_order(Val v, const nd_dtype *dt, bool copy, char order); /* np.array(order=) */
nd_array *to_nd(Val v, bool *owned);   /* operand as an array; T_ERR on failure via NULL */
int get_dtype(Val v, const nd_dtype **out); /* <0 error; NULL out means default */
Val array_getattr(Val self, const char *name, bool *found);
int array_setattr(Val self, const char *name, Val v);
Val array_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val array_getitem(Val self, Val idx);
int array_setitem(Val self, Val idx, Val v);
int array_store(Val self, Val idx, Val v); /* a[idx] = v: NumPy's float-to-int conversion, then array_setitem */
Val array_wrap0(nd_array *a); /* 0-d -> numpy scalar, else array; steals */
Val array_binop(int op, Val a, Val b, nd_array *out);
Val array_unop(int op, Val a);
Val pow_fast(Val a, Val b, nd_array *out, bool *done); /* array ** scalar fast paths (np_math.c); !done: none applies */
Val array_tolist(nd_array *a);
Val value_to_py(nd_value v);   /* item() conversion */
Val scalar_getattr(Val self, const char *name, bool *found);
Val scalar_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val scalar_getitem(Val self, Val idx); /* s[()], s[...], s[None]: indexing a 0-d copy */
Val dtype_getattr(Val self, const char *name, bool *found);
Val dtype_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val flags_getattr(Val self, const char *name, bool *found);
int flags_setattr(Val self, const char *name, Val v);
Val flags_getitem(Val self, Val key);
int flags_setitem(Val self, Val key, Val v);
Val flags_str(Val self);
Val nptype_call(OType *t, int argc, Val *argv, Kw *kw);
int dtype_eq(Val a, Val b); /* dtype == other; -1 not comparable */
Val np_time_module(void);
/* structured dtypes (np_records.c) */
int rec_dtype(Val spec, bool align, const nd_dtype **out); /* list/dict/(base, shape)/anything get_dtype takes */
Val rec_dtype_getattr(const nd_dtype *d, const char *name, bool *found); /* names, fields, descr, ... */
Val rec_dtype_getitem(const nd_dtype *d, Val key);  /* dt['x'], dt[i] */
Val rec_getitem(nd_array *a, Val key, bool *handled); /* a['x'], a[['x', 'y']] */
int rec_setitem(nd_array *a, Val key, Val v, bool *handled);
Val rec_wrap0(nd_array *r);    /* 0-d result: numpy.void for records, else the numpy scalar; steals */
Val rec_tolist(nd_array *a);   /* records as tuples */
Val rec_array_from(Val v, const nd_dtype *dt); /* np.array(list of tuples, dtype=records) */
Val rec_binop(int op, Val av, Val bv, bool *handled); /* ==, != (field by field), <... (refused) on records */
static inline bool is_void_dt(const nd_dtype *d) { return nd_dtype_type(d) == ND_VOID; }
Val raise_ufunc_err(void);     /* libnd's pending ufunc error as NumPy's _UFunc*Error class */
int parse_shape(Val v, int *nd, int64_t *shape);
Val np_reduce(const char *fn, Val av, int argc, Val *argv, Kw *kw);
Val sort_by_order(nd_array *a, int axis, const char *kind, Val order, int mode); /* 0 sort, 1 argsort, 2 in place */
bool is_errstate(Val v);                /* np.errstate(...) (np_info.c) */
int errstate_enter(Val ctx, Val *old);  /* applies it; *old: the settings to restore */
void errstate_exit(Val old);            /* restores them; consumes nothing */
void ufunc_0d_axis(Val axis, int ndim, int *naxes, const int *axes);
Val np_matmul(Val a, Val b); /* np_matmul.c */
Val np_dot(Val a, Val b, Val out); /* np.dot (np_matmul.c); out T_NONE or absent: a new result */
/* ufunc objects (np_ufunc.c) */
Val mk_ufunc(const char *name, int nin, int op, BFn fn, Val self, const char *sig); /* immortal */
Val ufunc_getattr(Val self, const char *name, bool *found);
Val ufunc_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val np_call(const char *name, int argc, Val *argv, Kw *kw); /* np.<name>(...) */
Val via_np(const char *name, Val self, int argc, Val *argv, Kw *kw); /* np.<name>(self, ...): a method as its function */
typedef void (*PutFn)(Val mod, const char *name, Val v); /* steals v */
void np_math_install(Val mod, PutFn put);  /* np_math.c */
void np_lib_install(Val mod, PutFn put);   /* np_lib.c */
void np_stats_install(Val mod, PutFn put); /* np_stats.c */
void np_search_install(Val mod, PutFn put); /* np_search.c */
void np_misc_install(Val mod, PutFn put);   /* np_misc.c */
void np_info_install(Val mod, PutFn put);   /* np_info.c: iinfo, finfo, seterr, array2string, logspace */
void np_shape_install(Val mod, PutFn put);  /* np_shape.c: rot90, pad, ndindex, lexsort, cross, convolve */
void np_partition_install(Val mod, PutFn put); /* np_partition.c */
/* numpy's index-trick objects (np_index_tricks.c): np.mgrid, ogrid, r_,
   c_, s_, index_exp; indexing one runs the prelude's _index_trick. */
void np_index_tricks_install(Val mod, PutFn put);
bool is_index_trick(Val v);
Val index_trick_getitem(Val obj, Val key);
/* a.partition / a.argpartition (np_partition.c) */
Val array_partition_method(Val self, const char *name, int argc, Val *argv, Kw *kw);
/* ndarray methods of np_array_more.c (itemset, tostring, put, choose, partition) */
Val array_more_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found);
/* a.flat (np_flatiter.c): a T_MISC "numpy.flatiter" over the array */
Val flatiter_new(Val arr);
bool is_flatiter(Val v);
nd_array *flatiter_array(Val it); /* new ref: the array raveled (a view when possible) */
Val flatiter_getitem(Val it, Val idx);
int flatiter_store(Val it, Val idx, Val v);
int array_set_flat(nd_array *a, Val v); /* a.flat = v */
Val flatiter_getattr(Val it, const char *name, bool *found);
Val flatiter_method(Val it, const char *name, int argc, Val *argv, Kw *kw, bool *found);
Val info_getattr(Val self, const char *name, bool *found); /* an iinfo/finfo object's attributes */
int info_repr(SB *b, Val self, bool repr);                  /* its repr / str */
/* helpers of np_lib.c for the np_*.c files: each returns NULL / <0 with
   the exception raised */
nd_array *arg_nd(Val v);                       /* np.asarray(v): a new ref */
nd_array *nd_ck(nd_array *r);                  /* r, or NULL after raising libnd's error */
int axis_norm(int64_t axis, int ndim, int *out); /* NumPy's normalize_axis_index (AxisError) */
int axis_arg(Val v, int ndim, int *out);       /* an axis argument; None/absent gives ND_AXIS_NONE */
nd_array *slice_axis(nd_array *a, int axis, int64_t start, int64_t stop, int64_t step); /* a view */
nd_array *op2(nd_ufunc op, nd_array *a, nd_array *b, int steal); /* releases a (steal&1), b (steal&2) */

/* ---- the interpreter (eval.c) ---- */
typedef struct Node Node;
typedef struct Interp Interp;
int run_source(const char *src, const char *filename, bool interactive_echo);
/* Statements one run may execute before a RuntimeError ends it (runaway
   loops); 0: no limit.  The default leaves a 1,000,000-iteration loop
   hundreds of times under it. */
#define ND_DEFAULT_MAX_STEPS 1000000000
extern int64_t nd_max_steps;
/* True when the C stack is nearly used up: deep recursion in a script (or
   deeply nested data or syntax) ends in RecursionError instead of a crash. */
bool stack_exhausted(void);
void stack_mark_base(void); /* run_source and main record where the stack starts */
extern _Thread_local int cur_line;
extern _Thread_local const char *cur_file;

/* ---- interning (lex.c) ---- */
const char *intern(const char *s, size_t n);

#endif
