/* index.c — NumPy/Python index syntax ("1:4, ::-1, ..., None") parsed into
 * nd_idx terms, and nd_index = parse + nd_subscript. */
#include "nd_internal.h"

#include <ctype.h>

/* Parser state.  An integer term too large for int64 is not a syntax error:
 * NumPy reports it when it reaches that term, so it is remembered here and
 * the term stored as a placeholder. */
typedef struct {
    const char *s, *p;
    nd_idx *out;
    int cap, n;
    int bad_at;   /* first integer term that does not fit, or -1 */
    int bad_code; /* its error: ND_EINDEX or ND_EOVERFLOW */
    bool paren;   /* inside explicit tuple parentheses */
} parser;

static void skip_ws(parser *ps) {
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r') ps->p++;
}

static int syntax(parser *ps) {
    return nd__err(ND_EVALUE, "invalid index syntax at position %d in '%s'", (int)(ps->p - ps->s), ps->s);
}

static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.'; }

/* Match a whole word (not a prefix of a longer name). */
static bool word(parser *ps, const char *w) {
    size_t n = strlen(w);
    if (strncmp(ps->p, w, n) != 0 || ident_char(ps->p[n])) return false;
    ps->p += n;
    return true;
}

static bool none_word(parser *ps) { return word(ps, "None") || word(ps, "np.newaxis") || word(ps, "numpy.newaxis"); }

static int digit_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* A Python integer literal (decimal, 0x, 0o, 0b, single '_' between
 * digits) with any unary signs.  *mag saturates; *big says it passed 2^64. */
static int parse_int(parser *ps, bool *neg, uint64_t *mag, bool *big) {
    *neg = false;
    while (*ps->p == '-' || *ps->p == '+') {
        if (*ps->p == '-') *neg = !*neg;
        ps->p++;
        skip_ws(ps);
    }
    int base = 10;
    const char *q = ps->p;
    if (q[0] == '0' && q[1] && strchr("xXoObB", q[1])) {
        base = q[1] == 'x' || q[1] == 'X' ? 16 : q[1] == 'o' || q[1] == 'O' ? 8 : 2;
        q += 2;
        if (*q == '_') q++; /* Python allows 0x_1f */
    }
    if (digit_val(*q) >= base) return syntax(ps);
    bool nonzero = false, lead0 = base == 10 && *q == '0';
    *mag = 0;
    *big = false;
    for (;;) {
        int d = digit_val(*q);
        if (d < base) {
            if (d) nonzero = true;
            if (*mag > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) *big = true;
            *mag = *mag * (uint64_t)base + (uint64_t)d;
            q++;
        } else if (*q == '_' && digit_val(q[1]) < base) {
            q++;
        } else {
            break;
        }
    }
    if (ident_char(*q)) return syntax(ps);  /* 1e3, 12abc, 1.5 */
    if (lead0 && nonzero) return syntax(ps); /* Python forbids 007 */
    ps->p = q;
    return 0;
}

/* One slice bound or step: absent (ND_NONE), None, or an integer clamped
 * as Python clamps slice values to [-(2^63-1), 2^63-1]. */
static int parse_bound(parser *ps, int64_t *v, bool *present) {
    skip_ws(ps);
    *present = false;
    *v = ND_NONE;
    if (none_word(ps)) {
        *present = true;
        return 0;
    }
    if (*ps->p != '-' && *ps->p != '+' && !isdigit((unsigned char)*ps->p)) return 0;
    bool neg, big;
    uint64_t mag;
    int rc = parse_int(ps, &neg, &mag, &big);
    if (rc) return rc;
    *present = true;
    if (big || mag > (uint64_t)INT64_MAX)
        *v = neg ? INT64_MIN + 1 : INT64_MAX;
    else
        *v = neg ? -(int64_t)mag : (int64_t)mag;
    return 0;
}

static int int_term(parser *ps, nd_idx *t) {
    bool neg, big;
    uint64_t mag;
    int rc = parse_int(ps, &neg, &mag, &big);
    if (rc) return rc;
    *t = (nd_idx){.kind = ND_IDX_INT};
    if (!big && !neg && mag <= (uint64_t)INT64_MAX) {
        t->start = (int64_t)mag;
    } else if (!big && neg && mag <= (uint64_t)INT64_MAX + 1) {
        t->start = (int64_t)(0 - mag);
    } else if (ps->bad_at < 0) {
        /* NumPy: 2**63..2**64-1 overflow converting to C long; anything
         * further out is not recognised as an integer index at all. */
        ps->bad_at = ps->n;
        ps->bad_code = !big && !neg ? ND_EOVERFLOW : ND_EINDEX;
    }
    return 0;
}

static int parse_term(parser *ps, nd_idx *t) {
    skip_ws(ps);
    if (strncmp(ps->p, "...", 3) == 0) {
        ps->p += 3;
        *t = (nd_idx){.kind = ND_IDX_ELLIPSIS};
        return 0;
    }
    if (word(ps, "Ellipsis")) {
        *t = (nd_idx){.kind = ND_IDX_ELLIPSIS};
        return 0;
    }
    const char *save = ps->p;
    int64_t b[3] = {ND_NONE, ND_NONE, ND_NONE};
    bool present;
    int rc = parse_bound(ps, &b[0], &present);
    if (rc) return rc;
    skip_ws(ps);
    if (*ps->p != ':') {
        if (!present) return syntax(ps);
        if (b[0] == ND_NONE) { /* None / np.newaxis on its own */
            *t = (nd_idx){.kind = ND_IDX_NEWAXIS};
            return 0;
        }
        ps->p = save; /* re-read exactly, keeping out-of-range values */
        return int_term(ps, t);
    }
    for (int k = 1; k < 3 && *ps->p == ':'; k++) {
        ps->p++;
        if ((rc = parse_bound(ps, &b[k], &present))) return rc;
        skip_ws(ps);
    }
    if (ps->paren) return syntax(ps); /* Python: a[(1:2)] is invalid */
    *t = (nd_idx){.kind = ND_IDX_SLICE, .start = b[0], .stop = b[1], .step = b[2]};
    return 0;
}

/* Parse the whole expression: an optional pair of outer parentheses around
 * comma-separated terms, a trailing comma allowed.  Stores up to cap terms
 * and returns how many there were, or <0 on a syntax error. */
static int parse_all(parser *ps) {
    skip_ws(ps);
    bool paren = ps->paren = *ps->p == '(';
    if (paren) ps->p++;
    skip_ws(ps);
    while (*ps->p && !(paren && *ps->p == ')')) {
        nd_idx t;
        int rc = parse_term(ps, &t);
        if (rc) return rc;
        if (ps->n < ps->cap) ps->out[ps->n] = t;
        if (ps->n == INT32_MAX) return syntax(ps);
        ps->n++;
        skip_ws(ps);
        if (*ps->p == ',') {
            ps->p++;
            skip_ws(ps);
        } else if (*ps->p && !(paren && *ps->p == ')')) {
            return syntax(ps);
        }
    }
    if (paren) {
        if (*ps->p != ')') return syntax(ps);
        ps->p++;
        skip_ws(ps);
        if (*ps->p) return syntax(ps);
    }
    return ps->n;
}

static int bad_int(const parser *ps) {
    if (ps->bad_code == ND_EOVERFLOW) return nd__err(ND_EOVERFLOW, "Python int too large to convert to C long");
    return nd__err(ND_EINDEX, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
                              "boolean arrays are valid indices");
}

int nd_index_parse(const char *expr, nd_idx *out, int cap) {
    if (!expr || cap < 0 || (cap > 0 && !out)) return nd__err(ND_EVALUE, "invalid arguments to nd_index_parse");
    parser ps = {expr, expr, out, cap, 0, -1, 0, false};
    int n = parse_all(&ps);
    if (n < 0) return n;
    if (ps.bad_at >= 0) return bad_int(&ps);
    if (n > cap) return nd__err(ND_EVALUE, "index has %d terms, more than the %d allowed", n, cap);
    return n;
}

nd_array *nd_index(nd_array *a, const char *expr) {
    nd_idx t[2 * ND_MAXDIMS];
    if (!expr) {
        nd__err(ND_EVALUE, "index expression is NULL");
        return NULL;
    }
    parser ps = {expr, expr, t, 2 * ND_MAXDIMS, 0, -1, 0, false};
    int n = parse_all(&ps);
    if (n < 0) return NULL;
    if (n > 2 * ND_MAXDIMS) {
        nd__err(ND_EINDEX, "too many indices for array");
        return NULL;
    }
    if (ps.bad_at >= 0) {
        /* NumPy classifies terms left to right: a second ellipsis before
         * the bad integer is reported first. */
        bool ell = false;
        for (int i = 0; i < ps.bad_at; i++) {
            if (t[i].kind != ND_IDX_ELLIPSIS) continue;
            if (ell) return nd_subscript(a, n, t); /* reports the ellipsis */
            ell = true;
        }
        bad_int(&ps);
        return NULL;
    }
    return nd_subscript(a, n, t);
}
