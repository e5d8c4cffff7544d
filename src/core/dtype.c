/* dtype.c — the built-in dtypes: spellings, names, byte order, casting rules.
 *
 * Parsing follows NumPy 1.24's _convert_from_str (descriptor.c): an optional
 * byte-order prefix, then a one-letter type code or a kind letter plus a
 * strtol()-parsed size, then a lookup of the whole string in sctypeDict.
 * Comma strings ("i8,") go through a small copy of numpy.core._internal's
 * _commastring.  Types NumPy knows but nd does not (longdouble, object,
 * strings, datetimes, structured) fail with ND_ETYPE "... not supported". */
#include "nd_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* X(type, name, kind, char, itemsize, alignment) */
#define DTYPES(X)                                                                                   \
    X(ND_BOOL, "bool", 'b', '?', 1, 1) X(ND_INT8, "int8", 'i', 'b', 1, 1)                            \
    X(ND_UINT8, "uint8", 'u', 'B', 1, 1) X(ND_INT16, "int16", 'i', 'h', 2, 2)                        \
    X(ND_UINT16, "uint16", 'u', 'H', 2, 2) X(ND_INT32, "int32", 'i', 'i', 4, 4)                      \
    X(ND_UINT32, "uint32", 'u', 'I', 4, 4) X(ND_INT64, "int64", 'i', 'l', 8, 8)                      \
    X(ND_UINT64, "uint64", 'u', 'L', 8, 8) X(ND_FLOAT16, "float16", 'f', 'e', 2, 2)                  \
    X(ND_FLOAT32, "float32", 'f', 'f', 4, 4) X(ND_FLOAT64, "float64", 'f', 'd', 8, 8)                \
    X(ND_COMPLEX64, "complex64", 'c', 'F', 8, 4) X(ND_COMPLEX128, "complex128", 'c', 'D', 16, 8)

static const struct {
    const char *name;
    int64_t size;
} info[ND_NTYPES] = {
#define INFO(t, name, k, c, sz, al) [t] = {name, sz},
    DTYPES(INFO)
#undef INFO
};
_Static_assert(ND_NTYPES == 14, "DTYPES must cover every nd_type");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NATIVE_CHAR '<'
#define SWAPPED_CHAR '>'
#else
#define NATIVE_CHAR '>'
#define SWAPPED_CHAR '<'
#endif

/* Static dtypes, [order][type].  Order 0 is native ('='), 1 byte-swapped,
 * 2 native but spelled with its byte order ('<' on little-endian): NumPy
 * keeps that spelling after newbyteorder('<') and shows it in repr.  Plus
 * NumPy's 'q'/'Q' (longlong), int64/uint64 here but with their own .char. */
enum { NATIVE, SWAPPED, EXPLICIT };
#define DT(t, k, c, sz, al, o) \
    {-1, (t), (k), (c), (sz) == 1 ? '|' : (o) == SWAPPED ? SWAPPED_CHAR : (o) == EXPLICIT ? NATIVE_CHAR : '=', \
     (o) == SWAPPED && (sz) > 1, (sz), (al), -1, false, NULL, NULL, 0, NULL, {0}}
#define ORDER0(t, name, k, c, sz, al) [t] = DT(t, k, c, sz, al, 0),
#define ORDER1(t, name, k, c, sz, al) [t] = DT(t, k, c, sz, al, 1),
#define ORDER2(t, name, k, c, sz, al) [t] = DT(t, k, c, sz, al, 2),
static struct nd_dtype builtins[3][ND_NTYPES] = {{DTYPES(ORDER0)}, {DTYPES(ORDER1)}, {DTYPES(ORDER2)}};
static struct nd_dtype longlongs[3][2] = {{DT(ND_INT64, 'i', 'q', 8, 8, 0), DT(ND_UINT64, 'u', 'Q', 8, 8, 0)},
                                          {DT(ND_INT64, 'i', 'q', 8, 8, 1), DT(ND_UINT64, 'u', 'Q', 8, 8, 1)},
                                          {DT(ND_INT64, 'i', 'q', 8, 8, 2), DT(ND_UINT64, 'u', 'Q', 8, 8, 2)}};
#undef DT
#undef ORDER0
#undef ORDER1
#undef ORDER2

const nd_dtype *nd__dtype_builtin(nd_type t, bool swapped) {
    if ((unsigned)t >= ND_NTYPES) return NULL;
    return &builtins[swapped ? SWAPPED : NATIVE][t];
}

static int order_of(const nd_dtype *d) {
    return d->swapped ? SWAPPED : d->byteorder == NATIVE_CHAR ? EXPLICIT : NATIVE;
}

/* The static dtype of d's type and char in byte order `order`. */
static const nd_dtype *variant(const nd_dtype *d, int order) {
    if (d->itemsize == 1) order = NATIVE; /* '|' whatever was asked */
    if (d->chr == 'q' || d->chr == 'Q') return &longlongs[order][d->chr == 'Q'];
    return &builtins[order][d->type];
}

const nd_dtype *nd_dtype_of(nd_type t) {
    const nd_dtype *d = nd__dtype_builtin(t, false);
    if (!d) nd__err(ND_ETYPE, "invalid dtype number %d", (int)t);
    return d;
}

const nd_dtype *nd_dtype_retain(const nd_dtype *d) {
    if (d && atomic_load_explicit(&((nd_dtype *)d)->refcnt, memory_order_relaxed) >= 0)
        nd__ref_inc(&((nd_dtype *)d)->refcnt);
    return d;
}

void nd_dtype_release(const nd_dtype *d) {
    if (!d || atomic_load_explicit(&((nd_dtype *)d)->refcnt, memory_order_relaxed) < 0) return;
    if (nd__ref_dec(&((nd_dtype *)d)->refcnt))
        nd__dtype_free((nd_dtype *)d); /* only void dtypes live on the heap */
}

nd_type nd_dtype_type(const nd_dtype *d) { return (nd_type)d->type; }
int64_t nd_dtype_itemsize(const nd_dtype *d) { return d->itemsize; }
int64_t nd_dtype_alignment(const nd_dtype *d) { return d->alignment; }
char nd_dtype_byteorder(const nd_dtype *d) { return d->byteorder; }
bool nd_dtype_isnative(const nd_dtype *d) { return nd__is_void(d) ? nd__void_isnative(d) : !d->swapped; }
char nd_dtype_kind(const nd_dtype *d) { return d->kind; }
char nd_dtype_char(const nd_dtype *d) { return d->chr; }
const char *nd_dtype_name(const nd_dtype *d) { return nd__is_void(d) ? d->vname : info[d->type].name; }

/* ---- parsing ---- */

/* sctypeDict's names.  chr 0 means the type's usual char.  Rows with t < 0
 * are types NumPy has and nd does not; `what` names them for the error. */
static const struct {
    const char *s;
    int t;
    char chr;
    const char *what;
} names[] = {
    {"bool", ND_BOOL, 0, 0},           {"bool_", ND_BOOL, 0, 0},          {"bool8", ND_BOOL, 0, 0},
    {"int8", ND_INT8, 0, 0},           {"byte", ND_INT8, 0, 0},           {"uint8", ND_UINT8, 0, 0},
    {"ubyte", ND_UINT8, 0, 0},         {"int16", ND_INT16, 0, 0},         {"short", ND_INT16, 0, 0},
    {"uint16", ND_UINT16, 0, 0},       {"ushort", ND_UINT16, 0, 0},       {"int32", ND_INT32, 0, 0},
    {"intc", ND_INT32, 0, 0},          {"uint32", ND_UINT32, 0, 0},       {"uintc", ND_UINT32, 0, 0},
    {"int64", ND_INT64, 0, 0},         {"int", ND_INT64, 0, 0},           {"int_", ND_INT64, 0, 0},
    {"intp", ND_INT64, 0, 0},          {"long", ND_INT64, 0, 0},          {"int0", ND_INT64, 0, 0},
    {"longlong", ND_INT64, 'q', 0},    {"uint64", ND_UINT64, 0, 0},       {"uint", ND_UINT64, 0, 0},
    {"uintp", ND_UINT64, 0, 0},        {"uint0", ND_UINT64, 0, 0},        {"ulong", ND_UINT64, 0, 0},
    {"ulonglong", ND_UINT64, 'Q', 0},  {"float16", ND_FLOAT16, 0, 0},     {"half", ND_FLOAT16, 0, 0},
    {"float32", ND_FLOAT32, 0, 0},     {"single", ND_FLOAT32, 0, 0},      {"float64", ND_FLOAT64, 0, 0},
    {"float", ND_FLOAT64, 0, 0},       {"double", ND_FLOAT64, 0, 0},      {"float_", ND_FLOAT64, 0, 0},
    {"complex64", ND_COMPLEX64, 0, 0}, {"csingle", ND_COMPLEX64, 0, 0},   {"singlecomplex", ND_COMPLEX64, 0, 0},
    {"complex128", ND_COMPLEX128, 0, 0}, {"complex", ND_COMPLEX128, 0, 0}, {"cdouble", ND_COMPLEX128, 0, 0},
    {"complex_", ND_COMPLEX128, 0, 0}, {"cfloat", ND_COMPLEX128, 0, 0},
    {"longdouble", -1, 0, "float128"}, {"longfloat", -1, 0, "float128"},  {"float128", -1, 0, "float128"},
    {"clongdouble", -1, 0, "complex256"}, {"clongfloat", -1, 0, "complex256"},
    {"longcomplex", -1, 0, "complex256"}, {"complex256", -1, 0, "complex256"},
    {"object", -1, 0, "object"},       {"object0", -1, 0, "object"},      {"object_", -1, 0, "object"},
    {"bytes", -1, 0, "bytes"},         {"bytes0", -1, 0, "bytes"},        {"bytes_", -1, 0, "bytes"},
    {"string_", -1, 0, "bytes"},       {"str", -1, 0, "str"},             {"str0", -1, 0, "str"},
    {"str_", -1, 0, "str"},            {"unicode", -1, 0, "str"},         {"unicode_", -1, 0, "str"},
    {"void", ND_VOID, 0, 0},           {"void0", ND_VOID, 0, 0},          {"datetime64", -1, 0, "datetime64"},
    {"timedelta64", -1, 0, "timedelta64"},
};

/* What a parse step found: a built-in, a type nd lacks, or nothing. */
typedef struct {
    int t;            /* nd_type, or -1 */
    char chr;         /* 'q'/'Q' for longlong spellings, else 0 */
    const char *what; /* NumPy's name for an unsupported type */
} found;

static found type_from_char(unsigned char c) {
    static const char codes[] = "?bBhHiIlLefdFD";
    const char *p = c ? strchr(codes, c) : NULL;
    if (p) return (found){(int)(p - codes), 0, 0};
    switch (c) {
    case 'q': return (found){ND_INT64, 'q', 0};
    case 'Q': return (found){ND_UINT64, 'Q', 0};
    case 'p': return (found){ND_INT64, 0, 0};
    case 'P': return (found){ND_UINT64, 0, 0};
    case 'g': return (found){-1, 0, "float128"};
    case 'G': return (found){-1, 0, "complex256"};
    case 'O': return (found){-1, 0, "object"};
    case 'S': case 'a': case 'c': return (found){-1, 0, "bytes"};
    case 'U': return (found){-1, 0, "str"};
    case 'V': return (found){ND_VOID, 0, 0};
    case 'M': return (found){-1, 0, "datetime64"};
    case 'm': return (found){-1, 0, "timedelta64"};
    default: return (found){-1, 0, 0};
    }
}

/* NumPy's PyArray_TypestrConvert plus the sized string/void kinds. */
static found type_from_kind(char k, int64_t n) {
    static const signed char ints[9] = {-1, ND_INT8, ND_INT16, -1, ND_INT32, -1, -1, -1, ND_INT64};
    switch (k) {
    case 'S': case 'a': return (found){-1, 0, "bytes"};
    case 'U': return (found){-1, 0, "str"};
    case 'V': return (found){ND_VOID, 0, 0};
    default: break;
    }
    if (n <= 0) return (found){-1, 0, 0};
    switch (k) {
    case 'b': return (found){n == 1 ? ND_BOOL : -1, 0, 0};
    case 'i': return (found){n <= 8 ? ints[n] : -1, 0, 0};
    case 'u': return (found){n <= 8 && ints[n] >= 0 ? ints[n] + 1 : -1, 0, 0};
    case 'f':
        if (n == 16) return (found){-1, 0, "float128"};
        return (found){n == 2 ? ND_FLOAT16 : n == 4 ? ND_FLOAT32 : n == 8 ? ND_FLOAT64 : -1, 0, 0};
    case 'c':
        if (n == 32) return (found){-1, 0, "complex256"};
        return (found){n == 8 ? ND_COMPLEX64 : n == 16 ? ND_COMPLEX128 : -1, 0, 0};
    case 'O': return (found){-1, 0, n == 4 || n == 8 ? "object" : NULL};
    default: return (found){-1, 0, 0};
    }
}

/* Python's repr() of a str, for NumPy's "data type %R not understood". */
static void py_repr(char *out, size_t cap, const char *s) {
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    size_t n = 0;
#define PUT(c) (n + 1 < cap ? (void)(out[n++] = (c)) : (void)0)
    PUT(q);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *esc = *p == '\\' ? "\\\\" : *p == '\t' ? "\\t" : *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : 0;
        char hex[5];
        if (!esc && (*p < 0x20 || *p == 0x7f)) {
            snprintf(hex, sizeof hex, "\\x%02x", *p);
            esc = hex;
        }
        if (*p == (unsigned char)q) PUT('\\');
        if (esc)
            for (; *esc; esc++) PUT(*esc);
        else
            PUT((char)*p);
    }
    PUT(q);
#undef PUT
    out[n < cap ? n : cap - 1] = 0;
}

static const nd_dtype *not_understood(const char *spec) {
    char r[400];
    py_repr(r, sizeof r, spec);
    nd__err(ND_ETYPE, "data type %s not understood", r);
    return NULL;
}

static const nd_dtype *unsupported(const char *spec, const char *what) {
    char r[400];
    py_repr(r, sizeof r, spec);
    nd__err(ND_ETYPE, "data type %s (NumPy's %s) is not supported by nd", r, what);
    return NULL;
}

static bool is_order(char c) { return c == '<' || c == '>' || c == '=' || c == '|'; }

/* numpy's _check_for_commastring: a leading digit, "()", or a comma outside []. */
static bool is_commastring(const char *s) {
    size_t len = strlen(s);
    if (isdigit((unsigned char)s[0]) || (len > 1 && is_order(s[0]) && isdigit((unsigned char)s[1])))
        return true;
    if ((len > 1 && s[0] == '(' && s[1] == ')') || (len > 3 && is_order(s[0]) && s[1] == '(' && s[2] == ')'))
        return true;
    int br = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ',' && br == 0) return true;
        br += *p == '[' ? 1 : *p == ']' ? -1 : 0;
    }
    return false;
}

/* What ast.literal_eval makes of a repeat count: nothing, a plain dtype
 * (() or 1, which NumPy still reads as the bare type), a subarray shape, or
 * a syntax error. */
enum { RP_NONE, RP_PLAIN, RP_SUBARRAY, RP_BAD };

static bool py_int(const char *s, size_t n, bool *one) {
    while (n && *s == ' ') s++, n--;
    while (n && s[n - 1] == ' ') n--;
    if (!n) return false;
    bool zeros = true;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return false;
        zeros &= s[i] == '0';
    }
    *one = n == 1 && s[0] == '1';
    return !(n > 1 && s[0] == '0' && !zeros); /* Python refuses leading zeros */
}

static int repeats_kind(const char *s, const char *e) {
    if (s == e) return RP_NONE;
    while (s < e && *s == ' ') s++;
    while (e > s && e[-1] == ' ') e--;
    bool open = s < e && *s == '(', close = e > s && e[-1] == ')', one = false;
    if (s == e || open != close) return RP_BAD;
    if (open) s++, e--;
    const char *c = memchr(s, ',', (size_t)(e - s));
    if (!c) {
        const char *t = s;
        while (t < e && *t == ' ') t++;
        if (open && t == e) return RP_PLAIN; /* () */
        if (!py_int(s, (size_t)(e - s), &one)) return RP_BAD;
        return one ? RP_PLAIN : RP_SUBARRAY;
    }
    for (const char *a = s;;) { /* a tuple: ints separated by commas, one trailing comma allowed */
        const char *b = memchr(a, ',', (size_t)(e - a));
        if (!b) b = e;
        if (!py_int(a, (size_t)(b - a), &one)) {
            const char *t = a;
            while (t < b && *t == ' ') t++;
            return t == e && b == e && a != s ? RP_SUBARRAY : RP_BAD;
        }
        if (b == e) return RP_SUBARRAY;
        a = b + 1;
    }
}

/* One item of numpy.core._internal._commastring's format_re, with its
 * separator; fails on the errors _commastring raises. */
typedef struct {
    char order;
    int repeats;
    const char *dtype;
    size_t dlen;
} comma_item;

static int comma_scan(const char *spec, const char **pp, int index, comma_item *it) {
    const char *p = *pp;
    char o1 = is_order(*p) ? *p++ : 0;
    const char *rs = p; /* ' *[(]?[ ,0-9]*[)]? *' */
    while (*p == ' ') p++;
    if (*p == '(') p++;
    while (*p == ' ' || *p == ',' || isdigit((unsigned char)*p)) p++;
    if (*p == ')') p++;
    while (*p == ' ') p++;
    const char *re = p;
    char o2 = is_order(*p) ? *p++ : 0;
    it->dtype = p; /* '[A-Za-z0-9.?]*(\[[a-zA-Z0-9,.]+\])?' */
    while (isalnum((unsigned char)*p) || *p == '.' || *p == '?') p++;
    if (*p == '[') {
        const char *q = p + 1;
        while (isalnum((unsigned char)*q) || *q == ',' || *q == '.') q++;
        if (q > p + 1 && *q == ']') p = q + 1;
    }
    it->dlen = (size_t)(p - it->dtype);
    while (isspace((unsigned char)*p)) p++; /* trailing blanks, or '\s*,\s*' */
    if (*p && *p != ',') return nd__err(ND_EVALUE, "format number %d of \"%s\" is not recognized", index, spec);
    if (*p == ',') {
        p++;
        while (isspace((unsigned char)*p)) p++;
    }
    *pp = p;
    char n1 = o1 == '=' ? NATIVE_CHAR : o1, n2 = o2 == '=' ? NATIVE_CHAR : o2;
    if (o1 && o2 && n1 != n2) return nd__err(ND_EVALUE, "inconsistent byte-order specification %c and %c", n1, n2);
    it->order = o1 ? o1 : o2;
    it->repeats = repeats_kind(rs, re);
    if (it->repeats == RP_BAD) return nd__err(ND_EVALUE, "invalid syntax in data type \"%s\"", spec);
    return 0;
}

/* The shape of a sub-array repeat count ("3", "(2, 3)", "(4,)"). */
static int repeat_shape(const char *s, const char *e, int64_t *shape) {
    int n = 0;
    for (const char *p = s; p < e && n < ND_MAXDIMS + 1;) {
        while (p < e && !isdigit((unsigned char)*p)) p++;
        if (p == e) break;
        int64_t v = 0;
        for (; p < e && isdigit((unsigned char)*p); p++) v = v > INT64_MAX / 10 ? INT64_MAX : v * 10 + (*p - '0');
        if (n < ND_MAXDIMS) shape[n] = v;
        n++;
    }
    return n;
}

/* A comma string: _commastring splits it (all syntax errors first), then
 * each item is parsed as a dtype.  One item with no repeat count (or a
 * count of () or 1) is that dtype, one with a shape a sub-array; more are
 * fields f0, f1, ... packed in order. */
static const nd_dtype *parse_comma(const char *spec) {
    comma_item it;
    int items = 0;
    for (const char *p = spec; *p;)
        if (comma_scan(spec, &p, ++items, &it) < 0) return NULL;
    const nd_dtype **dts = nd__calloc((size_t)items, sizeof *dts), *r = NULL;
    if (!dts) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    int n = 0;
    for (const char *p = spec; *p; n++) {
        const char *start = p;
        comma_scan(spec, &p, n + 1, &it);
        char item[64];
        bool keep = it.order && it.order != '|' && it.order != '=' && it.order != NATIVE_CHAR;
        size_t dl = it.dlen < sizeof item - 2 ? it.dlen : sizeof item - 2;
        item[0] = it.order;
        memcpy(item + keep, it.dtype, dl);
        item[keep + dl] = 0;
        const nd_dtype *d = nd_dtype_parse(item); /* may be a comma string again (">>1i4,"); always shorter */
        if (!d) goto done;
        if (it.repeats == RP_SUBARRAY) {
            int64_t shape[ND_MAXDIMS];
            const char *rs = start + (is_order(*start) ? 1 : 0);
            int nd = repeat_shape(rs, it.dtype, shape);
            const nd_dtype *sub = nd > ND_MAXDIMS ? NULL : nd_dtype_subarray(d, nd, shape);
            if (nd > ND_MAXDIMS) nd__err(ND_EVALUE, "invalid shape in fixed-type tuple.");
            nd_dtype_release(d);
            if (!(d = sub)) goto done;
        }
        dts[n] = d;
    }
    if (n == 1) {
        r = dts[0];
        dts[0] = NULL;
    } else {
        r = nd_dtype_struct(n, NULL, dts, NULL, 0, false);
    }
done:
    for (int i = 0; i < items; i++) nd_dtype_release(dts[i]);
    nd__free_mem(dts);
    return r;
}

/* One spelling without commas: NumPy's _convert_from_str. */
static const nd_dtype *parse_plain(const char *spec) {
    const char *s = spec;
    size_t len = strlen(s);
    char endian = '=';
    if (len > 1 && is_order(s[0])) {
        endian = s[0] == '|' ? '=' : s[0];
        s++;
        len--;
    }
    if (len == 0) return not_understood(spec);
    if (len >= 2 && s[1] == '8' && (s[0] == 'M' || s[0] == 'm'))
        return unsupported(spec, s[0] == 'M' ? "datetime64" : "timedelta64");
    if (!strncmp(s, "datetime64", 10)) return unsupported(spec, "datetime64");
    if (!strncmp(s, "timedelta64", 11)) return unsupported(spec, "timedelta64");
    found f = {-1, 0, 0};
    if (len == 1) {
        f = type_from_char((unsigned char)s[0]);
    } else {
        char *end;
        long v = strtol(s + 1, &end, 10);
        if ((size_t)(end - s) == len) {
            int64_t n = (int64_t)(uint32_t)(unsigned long)v; /* NumPy's (int)strtol(...) */
            if (n > INT32_MAX) n -= 4294967296;
            f = type_from_kind(s[0], n);
        }
    }
    if (f.t < 0 && !f.what) /* fall back to the whole string in sctypeDict */
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (!strcmp(spec, names[i].s)) {
                f = (found){names[i].t, names[i].chr, names[i].what};
                break;
            }
    if (f.what) return unsupported(spec, f.what);
    if (f.t < 0) return not_understood(spec);
    if (f.t == ND_VOID) { /* 'V', 'V8', 'void': raw bytes of that size */
        int64_t n = len > 1 && s[0] == 'V' ? strtoll(s + 1, NULL, 10) : 0;
        if (n < 0 || n > INT32_MAX) return not_understood(spec); /* NumPy wraps these to a C int */
        return nd_dtype_void(n);
    }
    struct nd_dtype probe = {.type = (uint8_t)f.t, .chr = f.chr, .itemsize = info[f.t].size};
    return variant(&probe, endian == SWAPPED_CHAR ? SWAPPED : NATIVE);
}

const nd_dtype *nd_dtype_parse(const char *spec) {
    if (!spec) {
        nd__err(ND_ETYPE, "data type not understood");
        return NULL;
    }
    return is_commastring(spec) ? parse_comma(spec) : parse_plain(spec);
}

/* ---- text ---- */

char *nd_dtype_str(const nd_dtype *d) {
    char buf[16];
    char bo = d->byteorder == '=' ? NATIVE_CHAR : d->byteorder;
    snprintf(buf, sizeof buf, "%c%c%lld", bo, d->kind, (long long)d->itemsize);
    char *r = nd__strdup(buf);
    if (!r) nd__err(ND_ENOMEM, NULL);
    return r;
}

char *nd_dtype_repr(const nd_dtype *d) {
    if (nd__is_void(d)) {
        char *v = nd__void_repr(d);
        if (!v) nd__err(ND_ENOMEM, NULL);
        return v;
    }
    char buf[48];
    if (d->byteorder == '<' || d->byteorder == '>')
        snprintf(buf, sizeof buf, "dtype('%c%c%lld')", d->byteorder, d->kind, (long long)d->itemsize);
    else
        snprintf(buf, sizeof buf, "dtype('%s')", info[d->type].name);
    char *r = nd__strdup(buf);
    if (!r) nd__err(ND_ENOMEM, NULL);
    return r;
}

/* NumPy's PyArray_ByteorderConverter (first letter of the word) and
 * PyArray_DescrNewByteorder: 'S' swaps ('=' or '<' become '>', '>' becomes
 * an explicit '<'), '|' keeps, the rest set the order as spelled. */
const nd_dtype *nd_dtype_newbyteorder(const nd_dtype *d, char order) {
    bool little = NATIVE_CHAR == '<';
    int o;
    switch (order) {
    case 'S': case 's': o = d->swapped ? EXPLICIT : SWAPPED; break;
    case '<': case 'L': case 'l': o = little ? EXPLICIT : SWAPPED; break;
    case '>': case 'B': case 'b': o = little ? SWAPPED : EXPLICIT; break;
    case '=': case 'N': case 'n': o = NATIVE; break;
    case '|': case 'I': case 'i': o = order_of(d); break;
    default: {
        char r[16], s[2] = {order, 0};
        py_repr(r, sizeof r, s);
        nd__err(ND_EVALUE, "byteorder not recognized (got %s)", r);
        return NULL;
    }
    }
    if (nd__is_void(d)) return nd__void_newbyteorder(d, order);
    return variant(d, o);
}

bool nd_dtype_equal(const nd_dtype *a, const nd_dtype *b) {
    if (nd__is_void(a) || nd__is_void(b)) return nd__is_void(a) && nd__is_void(b) && nd__void_equal(a, b);
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

/* same_kind order: bool < unsigned < signed < float < complex. */
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
    if (nd__is_void(from) || nd__is_void(to)) return nd__void_can_cast(from, to, casting);
    bool same_type = from->type == to->type;
    bool safe_cast = same_type || (safe[from->type] & BIT(to->type));
    switch (casting) {
    case ND_CAST_NO: return same_type && from->swapped == to->swapped;
    case ND_CAST_EQUIV: return same_type;
    case ND_CAST_SAFE: return safe_cast;
    case ND_CAST_SAME_KIND: return safe_cast || kind_rank(from->kind) <= kind_rank(to->kind);
    default: return true;
    }
}

/* The first type (in nd_type order) both cast to safely, native.  As in
 * NumPy, the very same native dtype twice comes back as it is, and the
 * 'q'/'Q' char survives when an input has it and the result is its type. */
const nd_dtype *nd_promote_types(const nd_dtype *a, const nd_dtype *b) {
    if (nd__is_void(a) || nd__is_void(b)) {
        if (nd_dtype_equal(a, b)) return nd_dtype_retain(a);
        char *ra = nd_dtype_repr(a), *rb = nd_dtype_repr(b);
        nd__err(ND_ETYPE, "invalid type promotion: %s and %s", ra ? ra : "?", rb ? rb : "?");
        nd_free(ra);
        nd_free(rb);
        return NULL;
    }
    if (a == b && !a->swapped) return a;
    int t = ND_COMPLEX128;
    for (int k = 0; k < ND_NTYPES; k++)
        if ((a->type == k || (safe[a->type] & BIT(k))) && (b->type == k || (safe[b->type] & BIT(k)))) {
            t = k;
            break;
        }
    const nd_dtype *r = nd__dtype_builtin((nd_type)t, false);
    if ((a->chr == 'q' || a->chr == 'Q') && a->type == t) r = variant(a, NATIVE);
    if ((b->chr == 'q' || b->chr == 'Q') && b->type == t) r = variant(b, NATIVE);
    return r;
}

int nd_casting_parse(const char *s, nd_casting *out) {
    static const char *const tab[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    for (int i = 0; s && i < 5; i++)
        if (!strcmp(s, tab[i])) {
            *out = (nd_casting)i;
            return 0;
        }
    char r[300];
    py_repr(r, sizeof r, s ? s : "");
    return nd__err(ND_EVALUE, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got %s)", r);
}
