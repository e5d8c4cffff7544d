/* strfmt.c — Python's text forms: repr/str of every value (float repr is
 * the shortest string that round-trips), the format-spec mini-language,
 * printf-style % formatting and str.format. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

void sb_putn(SB *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->n + n + 1) nc *= 2;
        char *ns = realloc(b->s, nc);
        if (!ns) { fputs("nd: out of memory\n", stderr); exit(1); }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}
void sb_puts(SB *b, const char *s) { sb_putn(b, s, strlen(s)); }
void sb_putc(SB *b, char c) { sb_putn(b, &c, 1); }
void sb_printf(SB *b, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof buf) { sb_putn(b, buf, (size_t)n); return; }
    char *big = malloc((size_t)n + 1);
    if (!big) abort();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_putn(b, big, (size_t)n);
    free(big);
}
Val sb_val(SB *b) {
    Val v = mk_str(b->s ? b->s : "", (int64_t)b->n);
    free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
    return v;
}

/* The digits of "%.*e" output s (sign and dot dropped) into d; returns
   the exponent. */
static int sci_digits(const char *s, char *d, int *nd) {
    int n = 0;
    if (*s == '-') s++;
    for (; *s && *s != 'e'; s++) if (isdigit((unsigned char)*s)) d[n++] = *s;
    *nd = n;
    return atoi(s + 1);
}

/* Does the p-digit decimal d (first digit at exponent e) read back as x? */
static bool round_trips(double x, const char *d, int p, int e) {
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s0.%.*se%d", x < 0 ? "-" : "", p, d, e + 1);
    return strtod(tmp, NULL) == x;
}

/* d +/- one unit in its last (p-th) place, in place; the exponent moves
   when the digit count would change (999 + 1, 100 - 1). */
static void step_last(char *d, int p, int *e, int dir) {
    int i = p - 1;
    if (dir > 0) {
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i >= 0) { d[i]++; return; }
        d[0] = '1'; /* 99..9 + 1 = 100..0: one more place before the point */
        (*e)++;
        return;
    }
    while (i >= 0 && d[i] == '0') d[i--] = '9';
    d[i]--;
    if (d[0] == '0') { memmove(d, d + 1, (size_t)p - 1); d[p - 1] = '9'; (*e)--; }
}

/* The p-digit string closest to x that reads back as x, into d (its
 * exponent into *e); false when there is none.  The correctly rounded one
 * is the closest; when it misses the rounding interval, which is
 * asymmetric at powers of two, its neighbour on the wider side may still be
 * inside. */
static bool digits_p(double x, int p, char *d, int *e) {
    char tmp[64], c[32];
    int n;
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
    *e = sci_digits(tmp, d, &n);
    if (round_trips(x, d, p, *e)) return true;
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    if (bits & ((UINT64_C(1) << 52) - 1)) return false; /* not a power of two: a symmetric interval */
    for (int dir = -1; dir <= 1; dir += 2) {
        int ce = *e;
        memcpy(c, d, (size_t)p);
        step_last(c, p, &ce, dir);
        if (round_trips(x, c, p, ce)) { memcpy(d, c, (size_t)p); *e = ce; return true; }
    }
    return false;
}

/* Python's repr digits (dtoa mode 0): the fewest digits that read back as
 * x, the closest to x of those.  A string of p <= 15 digits inside x's
 * rounding interval (at most one ulp wide on a side, < 2.3e-16 of x) lies
 * within half a 15-digit step (>= 5e-16 of x) of x, so it is the correctly
 * rounded 15-digit string with zeros at the end: trying 15, 16 and 17
 * digits is enough for normal numbers.  Digits into d (no dot), returns the
 * decimal exponent of the first digit. */
static int shortest(double x, char *d, int *nd) {
    int e = 0, p = 15;
    if (fabs(x) < 2.2250738585072014e-308) { /* subnormal: wide intervals; bisect (monotonic in p) */
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (digits_p(x, mid, d, &e)) hi = mid;
            else lo = mid + 1;
        }
        p = lo;
    }
    for (; p < 17; p++)
        if (digits_p(x, p, d, &e)) break;
    if (p == 17) digits_p(x, p, d, &e); /* 17 digits always read back */
    int n = p;
    while (n > 1 && d[n - 1] == '0') n--;
    d[n] = 0;
    *nd = n;
    return e;
}

char *float_repr(double x, char *buf) {
    if (isnan(x)) { strcpy(buf, "nan"); return buf; }
    if (isinf(x)) { strcpy(buf, x > 0 ? "inf" : "-inf"); return buf; }
    if (x == 0) { strcpy(buf, signbit(x) ? "-0.0" : "0.0"); return buf; }
    char d[32];
    int nd;
    int e = shortest(x, d, &nd);
    char *o = buf;
    if (x < 0) *o++ = '-';
    if (e >= -4 && e < 16) {
        if (e >= 0) {
            for (int i = 0; i <= e; i++) *o++ = i < nd ? d[i] : '0';
            *o++ = '.';
            if (nd > e + 1) for (int i = e + 1; i < nd; i++) *o++ = d[i];
            else *o++ = '0';
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -e - 1; i++) *o++ = '0';
            for (int i = 0; i < nd; i++) *o++ = d[i];
        }
        *o = 0;
        return buf;
    }
    *o++ = d[0];
    if (nd > 1) {
        *o++ = '.';
        for (int i = 1; i < nd; i++) *o++ = d[i];
    }
    sprintf(o, "e%c%02d", e < 0 ? '-' : '+', abs(e));
    return buf;
}

static void complex_part(SB *b, double x) {
    char buf[48];
    float_repr(x, buf);
    size_t n = strlen(buf);
    if (n > 2 && !strcmp(buf + n - 2, ".0")) buf[n - 2] = 0;
    sb_puts(b, buf);
}
static void complex_repr(SB *b, double re, double im) {
    if (re == 0 && !signbit(re)) {
        complex_part(b, im);
        sb_putc(b, 'j');
        return;
    }
    sb_putc(b, '(');
    complex_part(b, re);
    if (!signbit(im) || isnan(im)) sb_putc(b, '+'); /* -0.0 prints as -0 */
    complex_part(b, im);
    sb_puts(b, "j)");
}

static void str_repr(SB *b, const OStr *s, bool bytes) {
    bool sq = memchr(s->s, '\'', (size_t)s->len) != NULL, dq = memchr(s->s, '"', (size_t)s->len) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
    if (bytes) sb_putc(b, 'b');
    sb_putc(b, q);
    for (int64_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->s[i];
        if (c == (unsigned char)q || c == '\\') { sb_putc(b, '\\'); sb_putc(b, (char)c); }
        else if (c == '\n') sb_puts(b, "\\n");
        else if (c == '\r') sb_puts(b, "\\r");
        else if (c == '\t') sb_puts(b, "\\t");
        else if (c < 32 || c == 127 || (bytes && c >= 128)) sb_printf(b, "\\x%02x", c);
        else sb_putc(b, (char)c);
    }
    sb_putc(b, q);
}

/* Containers being printed, innermost first: a list or dict met again
   prints as [...] / {...}, as Python's reprlib guard does. */
typedef struct ReprFrame { Obj *o; struct ReprFrame *up; } ReprFrame;
static _Thread_local ReprFrame *repr_top;

static int container_repr(SB *b, Val v) {
    for (ReprFrame *f = repr_top; f; f = f->up)
        if (f->o == v.o) { sb_puts(b, v.t == T_DICT ? "{...}" : "[...]"); return 0; }
    if (stack_exhausted()) {
        raise_exc(RecursionErrorT, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    ReprFrame me = {v.o, repr_top};
    repr_top = &me;
    int r = 0;
    if (v.t == T_DICT) {
        ODict *d = DICT(v);
        sb_putc(b, '{');
        bool first = true;
        for (int64_t i = 0; i < d->used && r == 0; i++) {
            if (d->e[i].k.t == T_ERR) continue;
            if (!first) sb_puts(b, ", ");
            first = false;
            r = repr_into(b, d->e[i].k, true);
            sb_puts(b, ": ");
            if (r == 0) r = repr_into(b, d->e[i].v, true);
        }
        sb_putc(b, '}');
    } else {
        OList *l = LIST(v);
        sb_putc(b, v.t == T_LIST ? '[' : '(');
        for (int64_t i = 0; i < l->n && r == 0; i++) {
            if (i) sb_puts(b, ", ");
            r = repr_into(b, l->v[i], true);
        }
        if (v.t == T_TUPLE && l->n == 1) sb_putc(b, ',');
        sb_putc(b, v.t == T_LIST ? ']' : ')');
    }
    repr_top = me.up;
    return r;
}

int repr_into(SB *b, Val v, bool repr) {
    char buf[64];
    switch (v.t) {
    case T_NONE: sb_puts(b, "None"); return 0;
    case T_BOOL: sb_puts(b, v.i ? "True" : "False"); return 0;
    case T_INT: sb_printf(b, "%lld", (long long)v.i); return 0;
    case T_BIG: {
        char d[140];
        if (BIG(v) < 0) sb_putc(b, '-');
        int_digits(BIG(v), 10, false, d);
        sb_puts(b, d);
        return 0;
    }
    case T_FLOAT: sb_puts(b, float_repr(v.f, buf)); return 0;
    case T_ELLIPSIS: sb_puts(b, "Ellipsis"); return 0;
    case T_COMPLEX: complex_repr(b, ((OComplex *)v.o)->re, ((OComplex *)v.o)->im); return 0;
    case T_STR:
        if (repr) str_repr(b, STR(v), false);
        else sb_putn(b, STR(v)->s, (size_t)STR(v)->len);
        return 0;
    case T_BYTES: str_repr(b, STR(v), true); return 0;
    case T_LIST: case T_TUPLE: case T_DICT: return container_repr(b, v);
    case T_SLICE: {
        OSlice *s = (OSlice *)v.o;
        sb_puts(b, "slice(");
        repr_into(b, s->start, true);
        sb_puts(b, ", ");
        repr_into(b, s->stop, true);
        sb_puts(b, ", ");
        repr_into(b, s->step, true);
        sb_putc(b, ')');
        return 0;
    }
    case T_RANGE: {
        ORange *r = (ORange *)v.o;
        if (r->step == 1) sb_printf(b, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        else sb_printf(b, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
        return 0;
    }
    case T_FUNC: {
        Val s = func_repr(v);
        sb_putn(b, STR(s)->s, (size_t)STR(s)->len);
        decref(s);
        return 0;
    }
    case T_BUILTIN: {
        OBuiltin *f = (OBuiltin *)v.o;
        if (f->self.t == T_NONE) sb_printf(b, "<built-in function %s>", f->name);
        else sb_printf(b, "<built-in method %s of %s object at %p>", f->name, type_name(f->self), (void *)f->self.o);
        return 0;
    }
    case T_UFUNC: sb_printf(b, "<ufunc '%s'>", ((OUfunc *)v.o)->name); return 0;
    case T_TYPE: sb_printf(b, "<class '%s'>", TYPE(v)->qual); return 0;
    case T_MODULE: sb_printf(b, "<module '%s'>", ((OModule *)v.o)->name); return 0;
    case T_EXC: {
        OExc *e = EXC(v);
        OList *a = LIST(e->args);
        if (repr) {
            sb_printf(b, "%s(", e->cls->name);
            for (int64_t i = 0; i < a->n; i++) {
                if (i) sb_puts(b, ", ");
                if (repr_into(b, a->v[i], true) < 0) return -1;
            }
            sb_putc(b, ')');
            return 0;
        }
        if (a->n == 0) return 0;
        if (a->n == 1) return repr_into(b, a->v[0], e->cls == KeyErrorT);
        return repr_into(b, e->args, true);
    }
    case T_ARRAY: {
        bool rec = ((OArray *)v.o)->void_scalar; /* numpy.void: str and repr are the record's text */
        char *s = repr && !rec ? nd_repr(ARR(v)) : nd_str(ARR(v));
        if (!s) { raise_nd(); return -1; }
        if (rec && repr && nd_dtype_nfields(nd_array_dtype(ARR(v))) < 0) { /* raw bytes: void(b'...') */
            sb_printf(b, "void(%s)", s);
            nd_free(s);
            return 0;
        }
        if (repr && nd_is_memmap(ARR(v))) {
            sb_puts(b, "memmap");
            for (char *p = s + 5; *p; p++) {
                sb_putc(b, *p);
                if (*p == '\n') sb_putc(b, ' ');
            }
        } else {
            sb_puts(b, s);
        }
        nd_free(s);
        return 0;
    }
    case T_SCALAR: {
        nd_value x = SCAL(v);
        char *s = nd_value_str(x, x.type);
        if (!s) { raise_nd(); return -1; }
        sb_puts(b, s);
        nd_free(s);
        return 0;
    }
    case T_DTYPE: {
        const nd_dtype *dt = ((ODtype *)v.o)->dt;
        char *s = repr ? nd_dtype_repr(dt) : nd_dtype_text(dt); /* str(dtype): name, '>u4', records' list */
        if (!s) { raise_nd(); return -1; }
        sb_puts(b, s);
        nd_free(s);
        return 0;
    }
    case T_FLAGS: {
        Val s = flags_str(v);
        sb_putn(b, STR(s)->s, (size_t)STR(s)->len);
        decref(s);
        return 0;
    }
    case T_ITER: sb_printf(b, "<iterator object at %p>", (void *)v.o); return 0;
    case T_MISC: {
        OMisc *m = (OMisc *)v.o;
        if (!strcmp(m->kind, "iinfo") || !strcmp(m->kind, "finfo")) return info_repr(b, v, repr);
        if (!strcmp(m->kind, "method") && m->b.t == T_STR) /* a bound method, as CPython spells one */
            sb_printf(b, "<built-in method %s of %s object at %p>", STR(m->b)->s, type_of(m->a)->qual,
                      m->a.t >= T_COMPLEX ? (void *)m->a.o : (void *)v.o);
        else
            sb_printf(b, "<%s object at %p>", m->kind, (void *)v.o);
        return 0;
    }
    default: sb_puts(b, "<?>"); return 0;
    }
}

Val val_repr(Val v) {
    SB b = {0};
    if (repr_into(&b, v, true) < 0) { free(b.s); return VERR; }
    return sb_val(&b);
}
Val val_str(Val v) {
    if (v.t == T_STR) return incref(v);
    SB b = {0};
    if (repr_into(&b, v, false) < 0) { free(b.s); return VERR; }
    return sb_val(&b);
}

/* ---------- the format-spec mini-language ---------- */
typedef struct Spec {
    char fill, align, sign, type, group;
    bool alt, zero;
    int width, prec;
} Spec;

static int parse_spec(const char *s, int64_t n, Spec *sp) {
    memset(sp, 0, sizeof *sp);
    sp->fill = ' ';
    sp->prec = -1;
    int64_t i = 0;
    if (n >= 2 && strchr("<>=^", s[1])) { sp->fill = s[0]; sp->align = s[1]; i = 2; }
    else if (n >= 1 && strchr("<>=^", s[0])) { sp->align = s[0]; i = 1; }
    if (i < n && strchr("+- ", s[i])) sp->sign = s[i++];
    if (i < n && s[i] == '#') sp->alt = true, i++;
    if (i < n && s[i] == '0') { sp->zero = true; i++; }
    while (i < n && isdigit((unsigned char)s[i])) sp->width = sp->width * 10 + (s[i++] - '0');
    if (i < n && (s[i] == ',' || s[i] == '_')) sp->group = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !isdigit((unsigned char)s[i])) return -1;
        sp->prec = 0;
        while (i < n && isdigit((unsigned char)s[i])) sp->prec = sp->prec * 10 + (s[i++] - '0');
    }
    if (i < n) sp->type = s[i++];
    if (i != n) return -1;
    if (sp->zero && !sp->align) { sp->fill = '0'; sp->align = '='; }
    return 0;
}

static void group_digits(SB *out, const char *digits, size_t n, char g) {
    for (size_t i = 0; i < n; i++) {
        sb_putc(out, digits[i]);
        size_t left = n - 1 - i;
        if (left && left % 3 == 0) sb_putc(out, g);
    }
}

/* Pad sign+body to the spec's width. */
static Val pad(const Spec *sp, const char *sign, const char *body, char defalign) {
    size_t bl = strlen(body), sl = strlen(sign);
    int64_t cp = 0;
    for (size_t i = 0; i < bl; i++) cp += ((unsigned char)body[i] & 0xC0) != 0x80;
    int64_t total = (int64_t)sl + cp, w = sp->width;
    char al = sp->align ? sp->align : defalign;
    SB b = {0};
    int64_t padn = w > total ? w - total : 0;
    int64_t left = al == '<' ? 0 : al == '^' ? padn / 2 : padn;
    int64_t right = padn - left;
    if (al == '=') {
        sb_puts(&b, sign);
        for (int64_t i = 0; i < padn; i++) sb_putc(&b, sp->fill);
        sb_puts(&b, body);
        return sb_val(&b);
    }
    for (int64_t i = 0; i < left; i++) sb_putc(&b, sp->fill);
    sb_puts(&b, sign);
    sb_puts(&b, body);
    for (int64_t i = 0; i < right; i++) sb_putc(&b, sp->fill);
    return sb_val(&b);
}

static Val fmt_int(const Spec *sp, i128 x) {
    char digits[140];
    char t = sp->type ? sp->type : 'd';
    const char *prefix = "";
    switch (t) {
    case 'd': case 'n': int_digits(x, 10, false, digits); break;
    case 'x': int_digits(x, 16, false, digits); prefix = "0x"; break;
    case 'X': int_digits(x, 16, true, digits); prefix = "0X"; break;
    case 'o': int_digits(x, 8, false, digits); prefix = "0o"; break;
    case 'b': int_digits(x, 2, false, digits); prefix = "0b"; break;
    case 'c': {
        if (x < 0 || x > 0x10FFFF) return raise_exc(OverflowErrorT, "%%c arg not in range(0x110000)");
        char c[2] = {(char)x, 0};
        return pad(sp, "", c, '<');
    }
    default: return raise_exc(ValueErrorT, "Unknown format code '%c' for object of type 'int'", t);
    }
    SB body = {0};
    if (sp->group) group_digits(&body, digits, strlen(digits), sp->group);
    else sb_puts(&body, digits);
    /* the 0x prefix goes with the sign, before any '=' zero padding */
    char sign[8];
    snprintf(sign, sizeof sign, "%s%s", x < 0 ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "", sp->alt ? prefix : "");
    Val r = pad(sp, sign, body.s, '>');
    free(body.s);
    return r;
}

static void trim_zeros(char *s) {
    char *e = strchr(s, 'e');
    char exp[16] = "";
    if (e) { snprintf(exp, sizeof exp, "%s", e); *e = 0; }
    if (strchr(s, '.')) {
        size_t n = strlen(s);
        while (n && s[n - 1] == '0') s[--n] = 0;
        if (n && s[n - 1] == '.') s[--n] = 0;
    }
    strcat(s, exp);
}

static Val fmt_float(const Spec *sp, double x) {
    char t = sp->type;
    char body[512];
    int prec = sp->prec;
    bool neg = signbit(x) && !isnan(x);
    double ax = fabs(x);
    if (isnan(x) || isinf(x)) {
        bool up = t == 'E' || t == 'F' || t == 'G';
        snprintf(body, sizeof body, "%s", isnan(x) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
        if (t == '%') strcat(body, "%");
    } else if (!t && prec < 0) {
        float_repr(ax, body);
    } else {
        switch (t) {
        case 'f': case 'F': snprintf(body, sizeof body, "%.*f", prec < 0 ? 6 : prec, ax); break;
        case 'e': case 'E': snprintf(body, sizeof body, t == 'e' ? "%.*e" : "%.*E", prec < 0 ? 6 : prec, ax); break;
        case '%': snprintf(body, sizeof body, "%.*f%%", prec < 0 ? 6 : prec, ax * 100); break;
        case 'g': case 'G': case 'n':
            snprintf(body, sizeof body, t == 'G' ? "%.*G" : "%.*g", prec < 0 ? 6 : prec == 0 ? 1 : prec, ax);
            if (sp->alt && !strchr(body, '.')) strcat(body, ".");
            break;
        case 0: {
            /* like 'g', but fixed notation keeps a digit after the point */
            int p = prec == 0 ? 1 : prec;
            char tmp[64];
            snprintf(tmp, sizeof tmp, "%.*e", p - 1, ax);
            int e = atoi(strchr(tmp, 'e') + 1);
            if (e >= -4 && e < p - 1) {
                snprintf(body, sizeof body, "%.*f", p - 1 - e > 0 ? p - 1 - e : 0, ax);
                trim_zeros(body);
                if (!strchr(body, '.')) strcat(body, ".0");
            } else {
                snprintf(body, sizeof body, "%.*e", p - 1, ax);
                trim_zeros(body);
            }
            break;
        }
        default: return raise_exc(ValueErrorT, "Unknown format code '%c' for object of type 'float'", t);
        }
    }
    if (sp->group) {
        char *dot = body;
        while (*dot && isdigit((unsigned char)*dot)) dot++;
        SB g = {0};
        group_digits(&g, body, (size_t)(dot - body), sp->group);
        sb_puts(&g, dot);
        snprintf(body, sizeof body, "%s", g.s);
        free(g.s);
    }
    const char *sign = neg ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
    return pad(sp, sign, body, '>');
}

Val format_spec(Val v, const char *s, int64_t n) {
    if (n == 0 && v.t == T_SCALAR) {
        /* NumPy formats inexact scalars as the Python float/complex they
           convert to: f'{np.float32(0.1)}' is 0.10000000149011612 */
        nd_value x = SCAL(v);
        char k = nd_dtype_kind(nd_dtype_of(x.type));
        if (k == 'f') {
            Val f = VFLOAT(nd_value_cast(x, ND_FLOAT64).f);
            return val_str(f);
        }
        if (k == 'c') {
            nd_value c = nd_value_cast(x, ND_COMPLEX128);
            Val z = mk_complex(c.c[0], c.c[1]);
            Val r = val_str(z);
            decref(z);
            return r;
        }
    }
    if (n == 0) return val_str(v);
    Spec sp;
    if (parse_spec(s, n, &sp) < 0) return raise_exc(ValueErrorT, "Invalid format specifier");
    switch (v.t) {
    case T_STR: {
        if (sp.type && sp.type != 's') return raise_exc(ValueErrorT, "Unknown format code '%c' for object of type 'str'", sp.type);
        if (sp.align == '=') return raise_exc(ValueErrorT, "'=' alignment not allowed in string format specifier");
        OStr *str = STR(v);
        int64_t len = str->len;
        if (sp.prec >= 0) {
            int64_t cp = 0, i = 0;
            for (; i < len; i++) {
                if (((unsigned char)str->s[i] & 0xC0) != 0x80) { if (cp == sp.prec) break; cp++; }
            }
            len = i;
        }
        char *tmp = malloc((size_t)len + 1);
        if (!tmp) abort();
        memcpy(tmp, str->s, (size_t)len);
        tmp[len] = 0;
        Val r = pad(&sp, "", tmp, '<');
        free(tmp);
        return r;
    }
    case T_BOOL: case T_INT: case T_BIG:
        if (sp.type && strchr("eEfFgG%", sp.type)) return fmt_float(&sp, (double)int_of(v));
        if (sp.prec >= 0) return raise_exc(ValueErrorT, "Precision not allowed in integer format specifier");
        return fmt_int(&sp, int_of(v));
    case T_FLOAT: return fmt_float(&sp, v.f);
    case T_SCALAR: {
        nd_value x = SCAL(v);
        char k = nd_dtype_kind(nd_dtype_of(x.type));
        if ((k == 'i' || k == 'u' || k == 'b') && !(sp.type && strchr("eEfFgG%", sp.type))) {
            if (sp.prec >= 0) return raise_exc(ValueErrorT, "Precision not allowed in integer format specifier");
            return fmt_int(&sp, k == 'u' ? (i128)nd_value_cast(x, ND_UINT64).u : (i128)nd_value_cast(x, ND_INT64).i);
        }
        if (k == 'c') return raise_exc(TypeErrorT, "unsupported format string passed to numpy.%s.__format__", nd_dtype_name(nd_dtype_of(x.type)));
        return fmt_float(&sp, nd_value_cast(x, ND_FLOAT64).f);
    }
    default: {
        Val str = val_str(v);
        if (ISERR(str)) return VERR;
        decref(str);
        return raise_exc(TypeErrorT, "unsupported format string passed to %s.__format__", type_of(v)->qual);
    }
    }
}

/* ---------- printf-style % ---------- */
Val str_mod(Val fmt, Val args) {
    const char *s = STR(fmt)->s;
    int64_t n = STR(fmt)->len, ai = 0;
    bool tuple = args.t == T_TUPLE;
    int64_t na = tuple ? LIST(args)->n : 1;
    SB b = {0};
    for (int64_t i = 0; i < n; i++) {
        if (s[i] != '%') { sb_putc(&b, s[i]); continue; }
        if (++i >= n) { free(b.s); return raise_exc(ValueErrorT, "incomplete format"); }
        if (s[i] == '%') { sb_putc(&b, '%'); continue; }
        Val arg;
        bool named = false;
        if (s[i] == '(') {
            int64_t j = i + 1;
            while (j < n && s[j] != ')') j++;
            if (args.t != T_DICT) { free(b.s); return raise_exc(TypeErrorT, "format requires a mapping"); }
            Val key = mk_str(s + i + 1, j - i - 1);
            bool found;
            arg = dict_get(args, key, &found);
            if (!found) { free(b.s); Val r = raise_exc(KeyErrorT, "'%s'", STR(key)->s); decref(key); return r; }
            decref(key);
            named = true;
            i = j + 1;
        }
        char spec[64];
        int k = 0;
        bool left = false, zero = false, alt = false;
        char sign = 0;
        for (; i < n && strchr("-+ 0#", s[i]); i++) {
            if (s[i] == '-') left = true;
            else if (s[i] == '0') zero = true;
            else if (s[i] == '#') alt = true;
            else sign = s[i] == '+' ? '+' : (sign == '+' ? '+' : ' ');
        }
        if (left) spec[k++] = '<';
        else if (zero) { spec[k++] = '0'; spec[k++] = '='; }
        if (sign) spec[k++] = sign;
        if (alt) spec[k++] = '#';
        while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.') && k < 40) spec[k++] = s[i++];
        if (i >= n) { free(b.s); return raise_exc(ValueErrorT, "incomplete format"); }
        char conv = s[i];
        if (!named) {
            if (ai >= na) { free(b.s); return raise_exc(TypeErrorT, "not enough arguments for format string"); }
            arg = tuple ? LIST(args)->v[ai] : args;
            ai++;
        }
        Val piece;
        if (conv == 'c' && arg.t == T_STR && STR(arg)->len != 1) {
            free(b.s);
            return raise_exc(TypeErrorT, "%%c requires int or char");
        }
        if (conv == 's' || conv == 'r' || conv == 'a' || (conv == 'c' && arg.t == T_STR)) {
            Val str = conv == 's' || conv == 'c' ? val_str(arg) : val_repr(arg);
            if (ISERR(str)) { free(b.s); return VERR; }
            spec[k] = 0;
            /* %s pads on the left unless '-'; '0', sign and '#' do nothing */
            char sspec[64];
            const char *wp = spec + strcspn(spec, "0123456789.");
            if (spec[0] == '0' && spec[1] == '=') wp = spec + 2 + strcspn(spec + 2, "0123456789.");
            snprintf(sspec, sizeof sspec, "%c%s", left ? '<' : '>', wp);
            piece = format_spec(str, sspec, (int64_t)strlen(sspec));
            decref(str);
        } else if (strchr("diouxXeEfFgGc", conv)) {
            Val num = incref(arg);
            if (strchr("diouxXc", conv) && arg.t == T_SCALAR && strchr("iub", nd_dtype_kind(nd_dtype_of(SCAL(arg).type)))) {
                decref(num);
                num = value_to_py(SCAL(arg));
                if (ISERR(num)) { free(b.s); return VERR; }
            } else if (strchr("oxXc", conv) && (arg.t == T_FLOAT || arg.t == T_SCALAR)) { /* only %d/%i/%u truncate */
                decref(num);
                free(b.s);
                if (conv == 'c') return raise_exc(TypeErrorT, "%%c requires int or char");
                return raise_exc(TypeErrorT, "%%%c format: an integer is required, not %s", conv,
                                 arg.t == T_FLOAT ? "float" : type_of(arg)->qual);
            } else if (strchr("diu", conv) && (arg.t == T_FLOAT || arg.t == T_SCALAR)) {
                double d;
                decref(num); /* the float itself: %d formats its truncation */
                if (to_double(arg, &d) < 0) { free(b.s); return VERR; }
                if (isnan(d) || isinf(d)) {
                    free(b.s);
                    return raise_exc(isnan(d) ? ValueErrorT : OverflowErrorT, "cannot convert float %s to integer", isnan(d) ? "NaN" : "infinity");
                }
                if (fabs(d) >= 1.7e38) { free(b.s); return big_overflow(); }
                num = mk_int((i128)d);
            } else if (arg.t != T_INT && arg.t != T_BOOL && arg.t != T_BIG && arg.t != T_FLOAT && arg.t != T_SCALAR) {
                decref(num);
                free(b.s);
                return raise_exc(TypeErrorT, "%%%c format: a real number is required, not %s", conv, type_name(arg));
            }
            if (num.t == T_BOOL) num = VINT(num.i);
            spec[k++] = (conv == 'i' || conv == 'u') ? 'd' : conv;
            spec[k] = 0;
            piece = format_spec(num, spec, k);
            decref(num);
        } else {
            free(b.s);
            return raise_exc(ValueErrorT, "unsupported format character '%c' (0x%x) at index %lld", conv, conv, (long long)i);
        }
        if (ISERR(piece)) { free(b.s); return VERR; }
        sb_putn(&b, STR(piece)->s, (size_t)STR(piece)->len);
        decref(piece);
    }
    if (tuple && ai < na && args.t != T_DICT) {
        free(b.s);
        return raise_exc(TypeErrorT, "not all arguments converted during string formatting");
    }
    if (!tuple && ai == 0 && args.t != T_DICT) {
        free(b.s);
        return raise_exc(TypeErrorT, "not all arguments converted during string formatting");
    }
    return sb_val(&b);
}

/* ---------- str.format ---------- */
Val str_format(Val fmt, int argc, Val *argv, Kw *kw) {
    const char *s = STR(fmt)->s;
    int64_t n = STR(fmt)->len;
    int autoi = 0;
    SB b = {0};
    for (int64_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '{' && i + 1 < n && s[i + 1] == '{') { sb_putc(&b, '{'); i++; continue; }
        if (c == '}' && i + 1 < n && s[i + 1] == '}') { sb_putc(&b, '}'); i++; continue; }
        if (c != '{') { sb_putc(&b, c); continue; }
        int64_t j = i + 1, depth = 0;
        for (; j < n; j++) {
            if (s[j] == '{') depth++;
            else if (s[j] == '}') { if (!depth) break; depth--; }
        }
        if (j >= n) { free(b.s); return raise_exc(ValueErrorT, "expected '}' before end of string"); }
        /* field [!conv] [:spec] */
        int64_t fe = i + 1;
        while (fe < j && s[fe] != '!' && s[fe] != ':') fe++;
        char conv = 0;
        int64_t se = fe;
        if (fe < j && s[fe] == '!') { conv = s[fe + 1]; se = fe + 2; }
        Val spec = se < j && s[se] == ':' ? mk_str(s + se + 1, j - se - 1) : mk_str("", 0);
        if (memchr(STR(spec)->s, '{', (size_t)STR(spec)->len)) {
            Val sp2 = str_format(spec, argc, argv, kw);
            decref(spec);
            if (ISERR(sp2)) { free(b.s); return VERR; }
            spec = sp2;
        }
        /* the field name: index or keyword, then .attr / [key] parts */
        int64_t k = i + 1;
        Val v;
        if (k == fe || s[k] == '.' || s[k] == '[') {
            if (autoi >= argc) { decref(spec); free(b.s); return raise_exc(IndexErrorT, "Replacement index %d out of range for positional args tuple", autoi); }
            v = incref(argv[autoi++]);
        } else if (isdigit((unsigned char)s[k])) {
            int idx = 0;
            while (k < fe && isdigit((unsigned char)s[k])) idx = idx * 10 + (s[k++] - '0');
            if (idx >= argc) { decref(spec); free(b.s); return raise_exc(IndexErrorT, "Replacement index %d out of range for positional args tuple", idx); }
            v = incref(argv[idx]);
        } else {
            int64_t e = k;
            while (e < fe && s[e] != '.' && s[e] != '[') e++;
            const char *name = intern(s + k, (size_t)(e - k));
            v = VERR;
            for (int q = 0; kw && q < kw->n; q++) if (kw->names[q] == name) v = incref(kw->vals[q]);
            if (ISERR(v)) { decref(spec); free(b.s); return raise_exc(KeyErrorT, "'%s'", name); }
            k = e;
        }
        while (k < fe) {
            if (s[k] == '.') {
                int64_t e = ++k;
                while (e < fe && s[e] != '.' && s[e] != '[') e++;
                Val a = get_attr(v, intern(s + k, (size_t)(e - k)));
                decref(v);
                v = a;
                k = e;
            } else if (s[k] == '[') {
                int64_t e = ++k;
                while (e < fe && s[e] != ']') e++;
                Val key;
                bool dig = e > k;
                for (int64_t q = k; q < e; q++) dig &= isdigit((unsigned char)s[q]) != 0;
                key = dig ? VINT(strtoll(s + k, NULL, 10)) : mk_str(s + k, e - k);
                Val a = subscript(v, key);
                decref(key);
                decref(v);
                v = a;
                k = e + 1;
            } else break;
            if (ISERR(v)) { decref(spec); free(b.s); return VERR; }
        }
        if (conv) {
            Val t = conv == 's' ? val_str(v) : val_repr(v);
            decref(v);
            v = t;
            if (ISERR(v)) { decref(spec); free(b.s); return VERR; }
        }
        Val piece = format_spec(v, STR(spec)->s, STR(spec)->len);
        decref(v);
        decref(spec);
        if (ISERR(piece)) { free(b.s); return VERR; }
        sb_putn(&b, STR(piece)->s, (size_t)STR(piece)->len);
        decref(piece);
        i = j;
    }
    return sb_val(&b);
}
