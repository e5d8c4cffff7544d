/* npyhdr.c — the .npy header: NumPy's exact layout when writing, and a
 * bounded parser for the Python dict literal when reading.
 *
 * The parser handles what ast.literal_eval accepts in practice (dicts,
 * tuples, lists, str, int, float, True/False/None, unary signs) with a
 * nesting limit.  Every node consumes at least one input byte, so the node
 * and string arenas are sized from the header length and cannot overflow. */
#include "io.h"

#define MAX_HEADER 10000 /* NumPy 1.24's max_header_size */
#define MAX_DEPTH 64
#define GROWTH_AXIS_MAX_DIGITS 21

static const char MAGIC[6] = "\x93NUMPY";

typedef enum { PV_NONE, PV_BOOL, PV_INT, PV_BIGINT, PV_FLOAT, PV_STR, PV_TUPLE, PV_LIST, PV_DICT } pv_kind;

typedef struct pv {
    pv_kind kind;
    int64_t i;           /* BOOL, INT */
    const char *s;       /* STR: decoded bytes; BIGINT, FLOAT: source text */
    size_t n;
    struct pv *kids;     /* first child (dicts alternate key, value) */
    struct pv *next;
    int count;
} pv;

typedef struct parser {
    const char *p, *end;
    pv *nodes;
    size_t nnodes, cap;
    char *str;           /* decoded string arena */
    size_t slen;
    bool allow_L;        /* format 1.0/2.0: Python 2 longs ("3L") */
} parser;

static void skip_ws(parser *ps) {
    while (ps->p < ps->end) {
        char c = *ps->p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\\') {
            ps->p++;
        } else if (c == '#') {
            while (ps->p < ps->end && *ps->p != '\n') ps->p++;
        } else {
            break;
        }
    }
}

static pv *new_node(parser *ps, pv_kind k) {
    if (ps->nnodes >= ps->cap) return NULL;
    pv *v = &ps->nodes[ps->nnodes++];
    memset(v, 0, sizeof *v);
    v->kind = k;
    return v;
}

static bool parse_value(parser *ps, pv **out, int depth);

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* A '...' or "..." literal (optional u prefix) decoded into the arena. */
static bool parse_str(parser *ps, pv *v) {
    char q = *ps->p++;
    v->s = ps->str + ps->slen;
    while (ps->p < ps->end && *ps->p != q) {
        char c = *ps->p++;
        if (c == '\n') return false;
        if (c == '\\') {
            if (ps->p >= ps->end) return false;
            char e = *ps->p++;
            int h1, h2;
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'a': c = '\a'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'v': c = '\v'; break;
            case '0': c = '\0'; break;
            case '\\': case '\'': case '"': c = e; break;
            case '\n': continue;
            case 'x':
                if (ps->end - ps->p < 2 || (h1 = hexval(ps->p[0])) < 0 || (h2 = hexval(ps->p[1])) < 0) return false;
                c = (char)(h1 * 16 + h2);
                ps->p += 2;
                break;
            default: // unknown escapes keep their backslash, as in Python
                ps->str[ps->slen++] = '\\';
                c = e;
            }
        }
        ps->str[ps->slen++] = c;
    }
    if (ps->p >= ps->end) return false;
    ps->p++;
    v->n = (size_t)(ps->str + ps->slen - v->s);
    return true;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Decimal ints become INT (or BIGINT past int64); anything with '.', 'e'
 * or 'j' is kept as FLOAT source text. */
static bool parse_number(parser *ps, pv *v, bool neg) {
    const char *s = ps->p;
    bool flt = false;
    while (ps->p < ps->end) {
        char c = *ps->p;
        if (is_digit(c) || c == '_') {
            ps->p++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            flt = true;
            ps->p++;
            if ((c == 'e' || c == 'E') && ps->p < ps->end && (*ps->p == '+' || *ps->p == '-')) ps->p++;
        } else {
            break;
        }
    }
    size_t n = (size_t)(ps->p - s);
    if (!flt && ps->allow_L && ps->p < ps->end && (*ps->p == 'L' || *ps->p == 'l')) ps->p++;
    if (ps->p < ps->end && (((*ps->p | 0x20) >= 'a' && (*ps->p | 0x20) <= 'z') || *ps->p == '_')) return false;
    if (flt) {
        v->kind = PV_FLOAT;
        v->s = s - neg;
        v->n = n + neg;
        return true;
    }
    if (n > 1 && s[0] == '0') { // Python 3 forbids leading zeros except all-zero
        for (size_t k = 0; k < n; k++)
            if (s[k] != '0' && s[k] != '_') return false;
    }
    unsigned __int128 acc = 0;
    bool big = false;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == '_') {
            if (k == 0 || k + 1 == n || s[k + 1] == '_') return false;
            continue;
        }
        acc = acc * 10 + (unsigned)(s[k] - '0');
        if (acc > (unsigned __int128)INT64_MAX + 1) big = true, acc = (unsigned __int128)INT64_MAX + 2;
    }
    if (big || (!neg && acc > INT64_MAX)) {
        v->kind = PV_BIGINT;
        v->s = s - neg;
        v->n = n + neg;
        return true;
    }
    v->kind = PV_INT;
    v->i = neg ? (int64_t)(-(__int128)acc) : (int64_t)acc;
    return true;
}

/* Items of a tuple, list or dict up to the closing bracket. */
static bool parse_items(parser *ps, pv *v, char close, int depth, bool *trailing_comma) {
    pv **tail = &v->kids;
    *trailing_comma = false;
    for (;;) {
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == close) break;
        pv *item;
        if (!parse_value(ps, &item, depth + 1)) return false;
        *tail = item;
        tail = &item->next;
        v->count++;
        skip_ws(ps);
        if (v->kind == PV_DICT) {
            if (ps->p >= ps->end || *ps->p++ != ':') return false;
            if (item->kind >= PV_TUPLE && item->kind != PV_TUPLE) return false; // unhashable key
            if (!parse_value(ps, &item, depth + 1)) return false;
            *tail = item;
            tail = &item->next;
            skip_ws(ps);
        }
        *trailing_comma = false;
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            *trailing_comma = true;
            continue;
        }
        break;
    }
    if (ps->p >= ps->end || *ps->p != close) return false;
    ps->p++;
    return true;
}

static bool parse_value(parser *ps, pv **out, int depth) {
    if (depth > MAX_DEPTH) return false;
    skip_ws(ps);
    if (ps->p >= ps->end) return false;
    pv *v = new_node(ps, PV_NONE);
    if (!v) return false;
    *out = v;
    char c = *ps->p;
    bool comma;
    if (c == '{' || c == '[' || c == '(') {
        ps->p++;
        v->kind = c == '{' ? PV_DICT : c == '[' ? PV_LIST : PV_TUPLE;
        if (!parse_items(ps, v, c == '{' ? '}' : c == '[' ? ']' : ')', depth, &comma)) return false;
        if (v->kind == PV_TUPLE && v->count == 1 && !comma) { // "(x)" is just x
            pv *inner = v->kids;
            *v = *inner;
            v->next = NULL;
        }
        return true;
    }
    if (c == '\'' || c == '"') {
        v->kind = PV_STR;
        return parse_str(ps, v);
    }
    if ((c == 'u' || c == 'U') && ps->end - ps->p > 1 && (ps->p[1] == '\'' || ps->p[1] == '"')) {
        ps->p++;
        v->kind = PV_STR;
        return parse_str(ps, v);
    }
    if (c == '-' || c == '+') {
        ps->p++;
        skip_ws(ps);
        if (ps->p >= ps->end || !(is_digit(*ps->p) || *ps->p == '.')) return false;
        return parse_number(ps, v, c == '-');
    }
    if (is_digit(c) || c == '.') return parse_number(ps, v, false);
    static const struct { const char *w; pv_kind k; int64_t i; } names[] = {
        {"True", PV_BOOL, 1}, {"False", PV_BOOL, 0}, {"None", PV_NONE, 0}};
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(names[k].w);
        if ((size_t)(ps->end - ps->p) >= n && !memcmp(ps->p, names[k].w, n)) {
            const char *after = ps->p + n;
            if (after < ps->end && (((*after | 0x20) >= 'a' && (*after | 0x20) <= 'z') || is_digit(*after) || *after == '_'))
                return false;
            ps->p = after;
            v->kind = names[k].k;
            v->i = names[k].i;
            return true;
        }
    }
    return false;
}

/* Python's repr of a parsed value, for error messages. */
static void repr(nd_sbuf *b, const pv *v) {
    const pv *k;
    switch (v->kind) {
    case PV_NONE: nd__sb_puts(b, "None"); break;
    case PV_BOOL: nd__sb_puts(b, v->i ? "True" : "False"); break;
    case PV_INT: nd__sb_printf(b, "%lld", (long long)v->i); break;
    case PV_BIGINT: case PV_FLOAT: nd__sb_putn(b, v->s, v->n); break;
    case PV_STR: nd__io_repr(b, v->s, v->n); break;
    case PV_TUPLE: case PV_LIST:
        nd__sb_putc(b, v->kind == PV_TUPLE ? '(' : '[');
        for (k = v->kids; k; k = k->next) {
            repr(b, k);
            if (k->next) nd__sb_puts(b, ", ");
        }
        if (v->kind == PV_TUPLE && v->count == 1) nd__sb_putc(b, ',');
        nd__sb_putc(b, v->kind == PV_TUPLE ? ')' : ']');
        break;
    case PV_DICT:
        nd__sb_putc(b, '{');
        for (k = v->kids; k; k = k->next->next) {
            repr(b, k);
            nd__sb_puts(b, ": ");
            repr(b, k->next);
            if (k->next->next) nd__sb_puts(b, ", ");
        }
        nd__sb_putc(b, '}');
        break;
    }
}

/* Set ND_EVALUE with fmt's one %s replaced by repr(v) (or the raw text). */
static int err_repr(const char *fmt, const pv *v, const char *raw, size_t rawn) {
    nd_sbuf b = {0};
    if (v)
        repr(&b, v);
    else
        nd__io_repr(&b, raw, rawn);
    char *s = nd__sb_finish(&b);
    if (!s) return ND_ENOMEM;
    nd__err(ND_EVALUE, fmt, s);
    nd__free_mem(s);
    return ND_EVALUE;
}

/* Order of Python's sorted() for the keys we can meet: strings by code
 * point (bytewise for UTF-8), numbers by value, strings after numbers. */
static int key_cmp(const pv *a, const pv *b) {
    bool sa = a->kind == PV_STR, sb = b->kind == PV_STR;
    if (sa != sb) return sa ? 1 : -1;
    if (sa) {
        size_t n = a->n < b->n ? a->n : b->n;
        int c = memcmp(a->s, b->s, n);
        return c ? c : (a->n > b->n) - (a->n < b->n);
    }
    if ((a->kind == PV_INT || a->kind == PV_BOOL) && (b->kind == PV_INT || b->kind == PV_BOOL))
        return (a->i > b->i) - (a->i < b->i);
    return a->kind - b->kind;
}

static int bad_keys(const pv *d) {
    /* Distinct keys, insertion-sorted. */
    const pv **ks = nd__malloc((size_t)(d->count + 1) * sizeof *ks);
    if (!ks) return nd__err(ND_ENOMEM, NULL);
    size_t nk = 0;
    nd_sbuf b = {0};
    for (const pv *k = d->kids; k; k = k->next->next) {
        size_t j = 0;
        while (j < nk && key_cmp(ks[j], k) != 0) j++;
        if (j < nk) continue;
        while (j > 0 && key_cmp(ks[j - 1], k) > 0) ks[j] = ks[j - 1], j--;
        ks[j] = k;
        nk++;
    }
    nd__sb_putc(&b, '[');
    for (size_t j = 0; j < nk; j++) {
        if (j) nd__sb_puts(&b, ", ");
        repr(&b, ks[j]);
    }
    nd__sb_putc(&b, ']');
    nd__free_mem(ks);
    char *s = nd__sb_finish(&b);
    if (!s) return ND_ENOMEM;
    nd__err(ND_EVALUE, "Header does not contain the correct keys: %s", s);
    nd__free_mem(s);
    return ND_EVALUE;
}

static bool is_object_descr(const char *s, size_t n) {
    if (n && strchr("<>=|", s[0])) s++, n--;
    if ((n == 6 && !memcmp(s, "object", 6)) || (n == 7 && !memcmp(s, "object_", 7))) return true;
    if (!n || s[0] != 'O') return false;
    for (size_t k = 1; k < n; k++)
        if (!is_digit(s[k])) return false;
    return true;
}

/* ---- descr -> dtype (numpy.lib.format.descr_to_dtype) ---- */

/* A name from a latin-1 header (versions 1 and 2) as UTF-8. */
static char *name_utf8(const pv *v, bool latin1) {
    char *r = nd__malloc(2 * v->n + 1), *o = r;
    if (!r) return NULL;
    for (size_t k = 0; k < v->n; k++) {
        unsigned char c = (unsigned char)v->s[k];
        if (latin1 && c >= 0x80) {
            *o++ = (char)(0xC0 | (c >> 6));
            *o++ = (char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (char)c;
        }
    }
    *o = 0;
    return r;
}

static const nd_dtype *descr_dtype(const pv *v, bool latin1, int depth);

/* (descr, shape): shape an int or a tuple of ints. */
static const nd_dtype *descr_subarray(const nd_dtype *base, const pv *shape) {
    int64_t sh[ND_MAXDIMS];
    int n = 0;
    if (shape->kind == PV_INT) {
        sh[n++] = shape->i;
    } else if (shape->kind == PV_TUPLE && shape->count <= ND_MAXDIMS) {
        for (const pv *k = shape->kids; k; k = k->next) {
            if (k->kind != PV_INT) goto bad;
            sh[n++] = k->i;
        }
    } else {
        goto bad;
    }
    return nd_dtype_subarray(base, n, sh);
bad:
    nd__err(ND_EVALUE, "invalid shape in fixed-type tuple.");
    return NULL;
}

static const nd_dtype *descr_fields(const pv *list, bool latin1, int depth) {
    int n = list->count, nf = 0;
    char **names = nd__calloc((size_t)n + 1, sizeof *names);
    const nd_dtype **fmts = nd__calloc((size_t)n + 1, sizeof *fmts), *r = NULL;
    int64_t *offs = nd__malloc(((size_t)n + 1) * sizeof *offs), off = 0;
    if (!names || !fmts || !offs) {
        nd__err(ND_ENOMEM, NULL);
        goto done;
    }
    for (const pv *f = list->kids; f; f = f->next) {
        /* descr_to_dtype's unpacking, with Python's messages */
        if (f->kind != PV_TUPLE && f->kind != PV_LIST) goto bad;
        if (f->count != 2 && f->count < 3) {
            nd__err(ND_EVALUE, "not enough values to unpack (expected 3, got %d)", f->count);
            goto done;
        }
        if (f->count > 3) {
            nd__err(ND_EVALUE, "too many values to unpack (expected 3)");
            goto done;
        }
        const pv *name = f->kids, *d = name->next;
        if (name->kind == PV_TUPLE) {
            nd__err(ND_ETYPE, "field titles are not supported by nd");
            goto done;
        }
        if (name->kind != PV_STR || memchr(name->s, 0, name->n)) {
            nd__err(ND_EVALUE, "field names must be strings");
            goto done;
        }
        const nd_dtype *dt = descr_dtype(d, latin1, depth + 1);
        if (dt && f->count == 3) {
            const nd_dtype *sub = descr_subarray(dt, d->next);
            nd_dtype_release(dt);
            dt = sub;
        }
        if (!dt) goto done;
        bool pad = name->n == 0 && nd__is_void(dt) && !nd__is_struct(dt) && !dt->base;
        int64_t size = dt->itemsize;
        if (pad) {
            nd_dtype_release(dt);
        } else {
            fmts[nf] = dt;
            offs[nf] = off;
            if (!(names[nf++] = name_utf8(name, latin1))) {
                nd__err(ND_ENOMEM, NULL);
                goto done;
            }
            for (int k = 0; k < nf - 1; k++)
                if (!strcmp(names[k], names[nf - 1])) {
                    nd__err(ND_EVALUE, "name already used as a name or title");
                    goto done;
                }
        }
        off += size;
    }
    r = nd_dtype_struct(nf, (const char *const *)names, fmts, offs, off, false);
    goto done;
bad:
    nd__err(ND_EVALUE, "invalid descr entry for a structured dtype");
done:
    for (int k = 0; names && fmts && k < nf; k++) {
        nd__free_mem(names[k]);
        nd_dtype_release(fmts[k]);
    }
    nd__free_mem(names);
    nd__free_mem(fmts);
    nd__free_mem(offs);
    return r;
}

static const nd_dtype *descr_dtype(const pv *v, bool latin1, int depth) {
    if (depth > MAX_DEPTH) {
        nd__err(ND_EVALUE, "descr nested too deeply");
        return NULL;
    }
    if (v->kind == PV_STR) {
        char spec[72];
        if (memchr(v->s, 0, v->n) || v->n >= sizeof spec) {
            nd__err(ND_ETYPE, "data type not understood");
            return NULL;
        }
        memcpy(spec, v->s, v->n);
        spec[v->n] = 0;
        if (is_object_descr(spec, v->n)) {
            nd__err(ND_EVALUE, "Object arrays cannot be loaded when allow_pickle=False");
            return NULL;
        }
        return nd_dtype_parse(spec);
    }
    if (v->kind == PV_TUPLE && v->count == 2) {
        const nd_dtype *base = descr_dtype(v->kids, latin1, depth + 1);
        if (!base) return NULL;
        const nd_dtype *r = descr_subarray(base, v->kids->next);
        nd_dtype_release(base);
        return r;
    }
    if (v->kind == PV_LIST) return descr_fields(v, latin1, depth);
    nd__err(ND_ETYPE, "data type not understood");
    return NULL;
}

const nd_dtype *nd_dtype_from_descr(const char *text) {
    size_t n = text ? strlen(text) : 0;
    parser ps = {.p = text, .end = text + n, .cap = n + 1};
    ps.nodes = nd__malloc((n + 1) * sizeof *ps.nodes);
    ps.str = nd__malloc(n + 1);
    const nd_dtype *r = NULL;
    pv *v;
    if (!ps.nodes || !ps.str) {
        nd__err(ND_ENOMEM, NULL);
    } else if (!text || !parse_value(&ps, &v, 0) || (skip_ws(&ps), ps.p != ps.end)) {
        nd__err(ND_EVALUE, "malformed descr literal");
    } else {
        r = descr_dtype(v, false, 0);
    }
    nd__free_mem(ps.nodes);
    nd__free_mem(ps.str);
    return r;
}

static int check_values(const pv *shape, const pv *fortran, const pv *descr, nd_npy_info *info, bool latin1) {
    if (shape->kind != PV_TUPLE) return err_repr("shape is not valid: %s", shape, NULL, 0);
    for (const pv *k = shape->kids; k; k = k->next)
        if (k->kind != PV_INT && k->kind != PV_BOOL && k->kind != PV_BIGINT)
            return err_repr("shape is not valid: %s", shape, NULL, 0);
    if (fortran->kind != PV_BOOL) return err_repr("fortran_order is not a valid bool: %s", fortran, NULL, 0);
    if (descr->kind == PV_STR && (memchr(descr->s, 0, descr->n) || descr->n > 64))
        return err_repr("descr is not a valid dtype descriptor: %s", descr, NULL, 0);
    const nd_dtype *dt = descr_dtype(descr, latin1, 0);
    if (!dt) { /* _read_array_header rewords only np.dtype's TypeError */
        if (nd_errcode() != ND_ETYPE) return nd_errcode();
        return err_repr("descr is not a valid dtype descriptor: %s", descr, NULL, 0);
    }
    if (shape->count > ND_MAXDIMS) {
        nd_dtype_release(dt);
        return nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS,
                       shape->count);
    }
    int i = 0;
    for (const pv *k = shape->kids; k; k = k->next) {
        if (k->kind == PV_BIGINT) {
            nd_dtype_release(dt);
            return nd__err(ND_EOVERFLOW, "Python int too large to convert to C long");
        }
        info->shape[i++] = k->i;
    }
    info->ndim = shape->count;
    if (dt->base) { /* a top-level sub-array: np.load reads size * sub-size items, then fails to reshape */
        int64_t n = nd__size(info->ndim, info->shape), m = nd__size(dt->sub_ndim, dt->sub_shape);
        char shp[ND_MAXDIMS * 22 + 4];
        nd__fmt_shape(shp, sizeof shp, info->ndim, info->shape);
        nd_dtype_release(dt);
        return nd__err(ND_EVALUE, "cannot reshape array of size %lld into shape %s", (long long)(n * m), shp);
    }
    info->fortran = fortran->i != 0;
    int64_t size;
    if (!nd__checked_size(info->ndim, info->shape, dt->itemsize, &size)) {
        nd_dtype_release(dt);
        return ND_EVALUE;
    }
    info->nbytes = size * dt->itemsize;
    info->dtype = dt;
    return 0;
}

int nd__npy_parse_header(const char *text, size_t n, int version, nd_npy_info *info) {
    parser ps = {.p = text, .end = text + n, .cap = n + 1, .allow_L = version < 3};
    ps.nodes = nd__malloc((n + 1) * sizeof *ps.nodes);
    ps.str = nd__malloc(n + 1);
    int rc = ND_EVALUE;
    if (!ps.nodes || !ps.str) {
        rc = nd__err(ND_ENOMEM, NULL);
        goto done;
    }
    pv *d;
    bool ok = parse_value(&ps, &d, 0);
    if (ok) {
        skip_ws(&ps);
        ok = ps.p == ps.end;
    }
    if (!ok) {
        rc = err_repr("Cannot parse header: %s", NULL, text, n);
        goto done;
    }
    if (d->kind != PV_DICT) {
        rc = err_repr("Header is not a dictionary: %s", d, NULL, 0);
        goto done;
    }
    static const char *const want[3] = {"descr", "fortran_order", "shape"};
    const pv *val[3] = {NULL, NULL, NULL};
    bool extra = false;
    for (const pv *k = d->kids; k; k = k->next->next) {
        int j = 0;
        while (j < 3 && !(k->kind == PV_STR && k->n == strlen(want[j]) && !memcmp(k->s, want[j], k->n))) j++;
        if (j < 3)
            val[j] = k->next; // later duplicates win, as in a dict display
        else
            extra = true;
    }
    if (extra || !val[0] || !val[1] || !val[2]) {
        rc = bad_keys(d);
        goto done;
    }
    rc = check_values(val[2], val[1], val[0], info, version < 3);
done:
    nd__free_mem(ps.nodes);
    nd__free_mem(ps.str);
    return rc;
}

/* ---- writing: numpy.lib.format._write_array_header ---- */

/* Rewrite UTF-8 text as latin-1 in place; false (text unchanged) when a
 * character is past U+00FF or the UTF-8 is malformed. */
static bool to_latin1(char *text) {
    unsigned char *p = (unsigned char *)text;
    for (; *p; p++)
        if (*p >= 0x80) {
            if ((*p & 0xFE) != 0xC2 || (p[1] & 0xC0) != 0x80) return false;
            p++;
        }
    unsigned char *o = (unsigned char *)text;
    for (p = (unsigned char *)text; *p; p++) {
        if (*p >= 0x80) {
            *o++ = (unsigned char)(((p[0] & 3) << 6) | (p[1] & 0x3F));
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
    return true;
}

char *nd__npy_make_header(const nd_array *a, bool *fortran, size_t *len) {
    *fortran = !(a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_F_CONTIGUOUS);
    char *descr = nd_dtype_descr(a->dtype);
    if (!descr) return NULL;
    /* Non-ASCII field names: latin-1 in version 1.0 when they all fit,
     * else UTF-8 in 3.0 (NumPy's _wrap_header_guess_version). */
    int version = 1;
    if (!to_latin1(descr)) version = 3;
    char shape[ND_MAXDIMS * 22 + 4];
    nd__fmt_shape(shape, sizeof shape, a->ndim, a->shape);
    nd_sbuf b = {0};
    nd__sb_printf(&b, "{'descr': %s, 'fortran_order': %s, 'shape': %s, }", descr, *fortran ? "True" : "False",
                  shape);
    nd__free_mem(descr);
    /* Spare room so the growing axis can be rewritten in place (NumPy 1.24). */
    if (a->ndim > 0) {
        char digits[24];
        int nd = snprintf(digits, sizeof digits, "%lld", (long long)a->shape[*fortran ? a->ndim - 1 : 0]);
        for (int i = nd; i < GROWTH_AXIS_MAX_DIGITS; i++) nd__sb_putc(&b, ' ');
    }
    char *dict = nd__sb_finish(&b);
    if (!dict) return NULL;
    /* _wrap_header_guess_version: 1.0 while the length fits in 16 bits. */
    size_t hlen = strlen(dict) + 1, lenbytes = version == 3 ? 4 : 2;
    size_t pad = 64 - ((6 + 2 + lenbytes + hlen) % 64);
    if (lenbytes == 2 && hlen + pad > 65535) {
        lenbytes = 4;
        pad = 64 - ((6 + 2 + lenbytes + hlen) % 64);
    }
    size_t total = 6 + 2 + lenbytes + hlen + pad;
    char *h = nd__malloc(total);
    if (!h) {
        nd__free_mem(dict);
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    memcpy(h, MAGIC, 6);
    h[6] = (char)(version == 3 ? 3 : lenbytes == 2 ? 1 : 2);
    h[7] = 0;
    uint32_t hl = (uint32_t)(hlen + pad);
    for (size_t i = 0; i < lenbytes; i++) h[8 + i] = (char)(hl >> (8 * i));
    memcpy(h + 8 + lenbytes, dict, hlen - 1);
    memset(h + 8 + lenbytes + hlen - 1, ' ', pad);
    h[total - 1] = '\n';
    nd__free_mem(dict);
    *len = total;
    return h;
}

/* ---- reading: read_magic, _check_version, _read_array_header ---- */

static int read_exact(nd_npy_src *s, void *p, size_t n, const char *what, size_t already) {
    size_t got;
    if (s->read(s, p, n, &got) < 0) return -1;
    if (got < n)
        return nd__err(ND_EVALUE, "EOF: reading %s, expected %zu bytes got %zu", what, n + already, got + already);
    return 0;
}

int nd__npy_read_header(nd_npy_src *s, nd_npy_info *info, int64_t *data_offset) {
    unsigned char m[12];
    size_t got;
    if (s->read(s, m, 6, &got) < 0) return -1;
    if (got == 0) return nd__err(ND_EVALUE, "No data left in file");
    if (got < 6 || memcmp(m, MAGIC, 6)) {
        if (got >= 4 && (!memcmp(m, "PK\x03\x04", 4) || !memcmp(m, "PK\x05\x06", 4)))
            return nd__err(ND_EVALUE, "the file is an .npz archive: open it with nd_npz_open");
        return nd__err(ND_EVALUE, "Cannot load file containing pickled data when allow_pickle=False");
    }
    if (read_exact(s, m + 6, 2, "magic string", 6) < 0) return -1;
    int major = m[6], minor = m[7];
    if (!((major == 1 || major == 2 || major == 3) && minor == 0))
        return nd__err(ND_EVALUE, "we only support format version (1,0), (2,0), and (3,0), not (%d, %d)", major,
                       minor);
    size_t lb = major == 1 ? 2 : 4;
    if (read_exact(s, m + 8, lb, "array header length", 0) < 0) return -1;
    uint32_t hl = 0;
    for (size_t i = 0; i < lb; i++) hl |= (uint32_t)m[8 + i] << (8 * i);
    /* A length past the end of a file of known size fails as NumPy's short
     * read would, without allocating what the header claims. */
    int64_t left = s->avail;
    if (left >= 0 && (int64_t)hl > left)
        return nd__err(ND_EVALUE, "EOF: reading array header, expected %u bytes got %lld", hl, (long long)left);
    if (hl > MAX_HEADER)
        return nd__err(ND_EVALUE,
                       "Header info length (%u) is large and may not be safe to load securely.\n"
                       "To allow loading, adjust `max_header_size` or fully trust the `.npy` file using "
                       "`allow_pickle=True`.\nFor safety against large resource use or crashes, sandboxing may be "
                       "necessary.",
                       hl);
    char *text = nd__malloc(hl + 1);
    if (!text) return nd__err(ND_ENOMEM, NULL);
    int rc = read_exact(s, text, hl, "array header", 0);
    if (rc == 0) rc = nd__npy_parse_header(text, hl, major, info);
    nd__free_mem(text);
    *data_offset = (int64_t)(8 + lb + hl);
    return rc < 0 ? rc : 0;
}
