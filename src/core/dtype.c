/* dtype.c — the built-in dtypes: spellings, names, byte order, casting rules. */
#include "nd_internal.h"

#include <stdio.h>
#include <stdlib.h>

static const struct {
    const char *name;
    char kind, chr;
    int64_t size;
} info[ND_NTYPES] = {
    [ND_BOOL] = {"bool", 'b', '?', 1},         [ND_INT8] = {"int8", 'i', 'b', 1},
    [ND_UINT8] = {"uint8", 'u', 'B', 1},       [ND_INT16] = {"int16", 'i', 'h', 2},
    [ND_UINT16] = {"uint16", 'u', 'H', 2},     [ND_INT32] = {"int32", 'i', 'i', 4},
    [ND_UINT32] = {"uint32", 'u', 'I', 4},     [ND_INT64] = {"int64", 'i', 'l', 8},
    [ND_UINT64] = {"uint64", 'u', 'L', 8},     [ND_FLOAT16] = {"float16", 'f', 'e', 2},
    [ND_FLOAT32] = {"float32", 'f', 'f', 4},   [ND_FLOAT64] = {"float64", 'f', 'd', 8},
    [ND_COMPLEX64] = {"complex64", 'c', 'F', 8}, [ND_COMPLEX128] = {"complex128", 'c', 'D', 16},
};
_Static_assert(ND_NTYPES == 14, "dtype info table must cover every nd_type");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAPPED_CHAR '>'
#else
#define SWAPPED_CHAR '<'
#endif

#define B(t, sz, al, c, k) {-1, t, k, c, (sz) == 1 ? '|' : '=', false, sz, al}
#define S(t, sz, al, c, k) {-1, t, k, c, (sz) == 1 ? '|' : SWAPPED_CHAR, (sz) > 1, sz, al}
#define ROW(X)                                                                              \
    X(ND_BOOL, 1, 1, '?', 'b'), X(ND_INT8, 1, 1, 'b', 'i'), X(ND_UINT8, 1, 1, 'B', 'u'),      \
        X(ND_INT16, 2, 2, 'h', 'i'), X(ND_UINT16, 2, 2, 'H', 'u'), X(ND_INT32, 4, 4, 'i', 'i'), \
        X(ND_UINT32, 4, 4, 'I', 'u'), X(ND_INT64, 8, 8, 'l', 'i'), X(ND_UINT64, 8, 8, 'L', 'u'), \
        X(ND_FLOAT16, 2, 2, 'e', 'f'), X(ND_FLOAT32, 4, 4, 'f', 'f'), X(ND_FLOAT64, 8, 8, 'd', 'f'), \
        X(ND_COMPLEX64, 8, 4, 'F', 'c'), X(ND_COMPLEX128, 16, 8, 'D', 'c')
static struct nd_dtype natives[ND_NTYPES] = {ROW(B)};
static struct nd_dtype swaps[ND_NTYPES] = {ROW(S)};
#undef B
#undef S
#undef ROW

const nd_dtype *nd__dtype_builtin(nd_type t, bool swapped) {
    if ((unsigned)t >= ND_NTYPES) return NULL;
    return swapped && info[t].size > 1 ? &swaps[t] : &natives[t];
}

const nd_dtype *nd_dtype_of(nd_type t) {
    const nd_dtype *d = nd__dtype_builtin(t, false);
    if (!d) nd__err(ND_ETYPE, "invalid dtype number %d", (int)t);
    return d;
}

const nd_dtype *nd_dtype_retain(const nd_dtype *d) {
    if (d && atomic_load_explicit(&((nd_dtype *)d)->refcnt, memory_order_relaxed) >= 0)
        atomic_fetch_add_explicit(&((nd_dtype *)d)->refcnt, 1, memory_order_relaxed);
    return d;
}

void nd_dtype_release(const nd_dtype *d) {
    if (!d || atomic_load_explicit(&((nd_dtype *)d)->refcnt, memory_order_relaxed) < 0) return;
    if (atomic_fetch_sub_explicit(&((nd_dtype *)d)->refcnt, 1, memory_order_acq_rel) == 1)
        nd__free_mem((void *)d);
}

nd_type nd_dtype_type(const nd_dtype *d) { return (nd_type)d->type; }
int64_t nd_dtype_itemsize(const nd_dtype *d) { return d->itemsize; }
int64_t nd_dtype_alignment(const nd_dtype *d) { return d->alignment; }
char nd_dtype_byteorder(const nd_dtype *d) { return d->byteorder; }
bool nd_dtype_isnative(const nd_dtype *d) { return !d->swapped; }
char nd_dtype_kind(const nd_dtype *d) { return d->kind; }
char nd_dtype_char(const nd_dtype *d) { return d->chr; }
const char *nd_dtype_name(const nd_dtype *d) { return info[d->type].name; }

/* ---- parsing ---- */

static const struct {
    const char *s;
    nd_type t;
} names[] = {
    {"bool", ND_BOOL},         {"bool_", ND_BOOL},        {"bool8", ND_BOOL},
    {"int8", ND_INT8},         {"byte", ND_INT8},         {"uint8", ND_UINT8},
    {"ubyte", ND_UINT8},       {"int16", ND_INT16},       {"short", ND_INT16},
    {"uint16", ND_UINT16},     {"ushort", ND_UINT16},     {"int32", ND_INT32},
    {"intc", ND_INT32},        {"uint32", ND_UINT32},     {"uintc", ND_UINT32},
    {"int64", ND_INT64},       {"int", ND_INT64},         {"int_", ND_INT64},
    {"intp", ND_INT64},        {"long", ND_INT64},        {"longlong", ND_INT64},
    {"int0", ND_INT64},        {"uint64", ND_UINT64},     {"uint", ND_UINT64},
    {"uintp", ND_UINT64},      {"ulonglong", ND_UINT64},  {"uint0", ND_UINT64},
    {"ulong", ND_UINT64},      {"float16", ND_FLOAT16},   {"half", ND_FLOAT16},
    {"float32", ND_FLOAT32},   {"single", ND_FLOAT32},    {"float64", ND_FLOAT64},
    {"float", ND_FLOAT64},     {"double", ND_FLOAT64},    {"float_", ND_FLOAT64},
    {"complex64", ND_COMPLEX64}, {"csingle", ND_COMPLEX64}, {"singlecomplex", ND_COMPLEX64},
    {"complex128", ND_COMPLEX128}, {"complex", ND_COMPLEX128}, {"cdouble", ND_COMPLEX128},
    {"complex_", ND_COMPLEX128}, {"cfloat", ND_COMPLEX128},
};

static int type_from_char(char c) {
    switch (c) {
    case '?': return ND_BOOL;
    case 'b': return ND_INT8;
    case 'B': return ND_UINT8;
    case 'h': return ND_INT16;
    case 'H': return ND_UINT16;
    case 'i': return ND_INT32;
    case 'I': return ND_UINT32;
    case 'l': case 'q': case 'p': return ND_INT64;
    case 'L': case 'Q': case 'P': return ND_UINT64;
    case 'e': return ND_FLOAT16;
    case 'f': return ND_FLOAT32;
    case 'd': return ND_FLOAT64;
    case 'F': return ND_COMPLEX64;
    case 'D': return ND_COMPLEX128;
    default: return -1;
    }
}

/* Kind letter plus byte count: 'i4', 'u1', 'f8', 'c16', 'b1'. */
static int type_from_kind(char k, long n) {
    switch (k) {
    case 'b': return n == 1 ? ND_BOOL : -1;
    case 'i': return n == 1 ? ND_INT8 : n == 2 ? ND_INT16 : n == 4 ? ND_INT32 : n == 8 ? ND_INT64 : -1;
    case 'u': return n == 1 ? ND_UINT8 : n == 2 ? ND_UINT16 : n == 4 ? ND_UINT32 : n == 8 ? ND_UINT64 : -1;
    case 'f': return n == 2 ? ND_FLOAT16 : n == 4 ? ND_FLOAT32 : n == 8 ? ND_FLOAT64 : -1;
    case 'c': return n == 8 ? ND_COMPLEX64 : n == 16 ? ND_COMPLEX128 : -1;
    default: return -1;
    }
}

const nd_dtype *nd_dtype_parse(const char *spec) {
    if (!spec) {
        nd__err(ND_ETYPE, "data type not understood");
        return NULL;
    }
    const char *s = spec;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(s, names[i].s)) return nd__dtype_builtin(names[i].t, false);
    char order = 0;
    if (*s == '<' || *s == '>' || *s == '=' || *s == '|') order = *s++;
    int t = -1;
    if (s[0] && !s[1]) {
        t = type_from_char(s[0]);
    } else if (s[0] && s[1] >= '1' && s[1] <= '9') {
        char *end;
        long n = strtol(s + 1, &end, 10);
        if (!*end) t = type_from_kind(s[0], n);
    }
    if (t < 0) {
        nd__err(ND_ETYPE, "data type '%s' not understood", spec);
        return NULL;
    }
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    bool swapped = order == '>';
#else
    bool swapped = order == '<';
#endif
    return nd__dtype_builtin((nd_type)t, swapped);
}

char *nd_dtype_str(const nd_dtype *d) {
    char buf[16];
    char bo = d->byteorder;
    if (bo == '=') {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        bo = '<';
#else
        bo = '>';
#endif
    }
    snprintf(buf, sizeof buf, "%c%c%lld", bo, d->kind, (long long)d->itemsize);
    char *r = nd__strdup(buf);
    if (!r) nd__err(ND_ENOMEM, NULL);
    return r;
}

char *nd_dtype_repr(const nd_dtype *d) {
    char buf[48];
    if (d->swapped) {
        char *s = nd_dtype_str(d);
        if (!s) return NULL;
        snprintf(buf, sizeof buf, "dtype('%s')", s);
        nd__free_mem(s);
    } else {
        snprintf(buf, sizeof buf, "dtype('%s')", info[d->type].name);
    }
    char *r = nd__strdup(buf);
    if (!r) nd__err(ND_ENOMEM, NULL);
    return r;
}

const nd_dtype *nd_dtype_newbyteorder(const nd_dtype *d, char order) {
    bool little = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
    bool sw;
    switch (order) {
    case 'S': case 's': sw = !d->swapped; break;
    case '<': case 'L': case 'l': sw = !little; break;
    case '>': case 'B': case 'b': sw = little; break;
    case '=': case 'N': case 'n': sw = false; break;
    case '|': case 'I': case 'i': sw = d->swapped; break;
    default:
        nd__err(ND_EVALUE, "%c is an unrecognized byteorder", order);
        return NULL;
    }
    return nd__dtype_builtin((nd_type)d->type, sw);
}

bool nd_dtype_equal(const nd_dtype *a, const nd_dtype *b) {
    return a->type == b->type && a->swapped == b->swapped && a->itemsize == b->itemsize;
}

/* ---- casting rules ---- */

/* Bit t set in safe[f] when f casts safely to t (NumPy's table). */
#define BIT(t) (1u << (t))
#define FLOATS_FROM_16 (BIT(ND_FLOAT32) | BIT(ND_FLOAT64) | BIT(ND_COMPLEX64) | BIT(ND_COMPLEX128))
static const unsigned safe[ND_NTYPES] = {
    [ND_BOOL] = 0x3fff,
    [ND_INT8] = BIT(ND_INT16) | BIT(ND_INT32) | BIT(ND_INT64) | BIT(ND_FLOAT16) | FLOATS_FROM_16,
    [ND_UINT8] = BIT(ND_INT16) | BIT(ND_INT32) | BIT(ND_INT64) | BIT(ND_UINT16) | BIT(ND_UINT32) |
                 BIT(ND_UINT64) | BIT(ND_FLOAT16) | FLOATS_FROM_16,
    [ND_INT16] = BIT(ND_INT32) | BIT(ND_INT64) | FLOATS_FROM_16,
    [ND_UINT16] = BIT(ND_INT32) | BIT(ND_INT64) | BIT(ND_UINT32) | BIT(ND_UINT64) | FLOATS_FROM_16,
    [ND_INT32] = BIT(ND_INT64) | BIT(ND_FLOAT64) | BIT(ND_COMPLEX128),
    [ND_UINT32] = BIT(ND_INT64) | BIT(ND_UINT64) | BIT(ND_FLOAT64) | BIT(ND_COMPLEX128),
    [ND_INT64] = BIT(ND_FLOAT64) | BIT(ND_COMPLEX128),
    [ND_UINT64] = BIT(ND_FLOAT64) | BIT(ND_COMPLEX128),
    [ND_FLOAT16] = FLOATS_FROM_16,
    [ND_FLOAT32] = BIT(ND_FLOAT64) | BIT(ND_COMPLEX64) | BIT(ND_COMPLEX128),
    [ND_FLOAT64] = BIT(ND_COMPLEX128),
    [ND_COMPLEX64] = BIT(ND_COMPLEX128),
    [ND_COMPLEX128] = 0,
};

static int kind_rank(char k) {
    switch (k) {
    case 'b': return 0;
    case 'u': return 1;
    case 'i': return 2;
    case 'f': return 3;
    default: return 4;
    }
}

bool nd_can_cast(const nd_dtype *from, const nd_dtype *to, nd_casting casting) {
    bool same_type = from->type == to->type;
    bool same_order = from->swapped == to->swapped || from->itemsize == 1;
    switch (casting) {
    case ND_CAST_NO: return same_type && same_order;
    case ND_CAST_EQUIV: return same_type;
    case ND_CAST_SAFE: return same_type || (safe[from->type] & BIT(to->type));
    case ND_CAST_SAME_KIND:
        return same_type || (safe[from->type] & BIT(to->type)) || kind_rank(from->kind) <= kind_rank(to->kind);
    default: return true;
    }
}

const nd_dtype *nd_promote_types(const nd_dtype *a, const nd_dtype *b) {
    if (a->type == b->type) return nd__dtype_builtin((nd_type)a->type, false);
    for (int t = 0; t < ND_NTYPES; t++) {
        bool ok_a = a->type == t || (safe[a->type] & BIT(t));
        bool ok_b = b->type == t || (safe[b->type] & BIT(t));
        if (ok_a && ok_b) return nd__dtype_builtin((nd_type)t, false);
    }
    return nd__dtype_builtin(ND_COMPLEX128, false);
}

int nd_casting_parse(const char *s, nd_casting *out) {
    static const char *const tab[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, tab[i])) {
            *out = (nd_casting)i;
            return 0;
        }
    return nd__err(ND_EVALUE, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
}
