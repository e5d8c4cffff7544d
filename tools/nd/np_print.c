/* np_print.c — np.array2string, np.array_repr and np.array_str with
 * NumPy 1.24's options (separator, prefix, suffix, line width, precision,
 * suppress_small, threshold, edgeitems, sign, floatmode), printing what
 * numpy/core/arrayprint.py prints.  No formatter= and no legacy=. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

#define GIVEN(v) (HAS(v) && (v).t != T_NONE)

/* a line width: an int, or a float (lines are whole, so its floor) */
static int width_arg(Val v, int *out) {
    int64_t x;
    if (v.t == T_FLOAT && isfinite(v.f)) x = (int64_t)floor(v.f < -1e9 ? -1e9 : v.f > 1e9 ? 1e9 : v.f);
    else if (to_int64(v, &x, NULL) < 0) return -1;
    *out = (int)(x < INT32_MIN ? INT32_MIN : x > INT32_MAX ? INT32_MAX : x);
    return 0;
}

/* str or repr of a with print options changed for the call (NumPy passes
   them down to its formatter; nd's printer reads the thread's options). */
static Val print_with(Val av, const char *attr, bool repr, Val linewidth, Val precision, Val suppress) {
    if (av.t != T_ARRAY && av.t != T_SCALAR) return raise_exc(AttributeErrorT, "'%s' object has no attribute '%s'", type_name(av), attr);
    nd_array *a = arg_nd(av);
    if (!a) return VERR;
    nd_printoptions old, o;
    nd_get_printoptions(&old);
    o = old;
    int64_t x;
    if (GIVEN(linewidth) && width_arg(linewidth, &o.linewidth) < 0) goto fail;
    if (GIVEN(precision)) { if (to_int64(precision, &x, NULL) < 0) goto fail; o.precision = (int)x; }
    if (GIVEN(suppress)) o.suppress = val_truth(suppress) > 0;
    if (nd_set_printoptions(&o) < 0) { raise_nd(); goto fail; }
    char *s = repr ? nd_repr(a) : nd_str(a);
    nd_set_printoptions(&old);
    nd_release(a);
    if (!s) return raise_nd();
    Val r = mk_cstr(s);
    nd_free(s);
    return r;
fail:
    nd_release(a);
    return VERR;
}

/* ---------- array2string ---------- */
/* NumPy's arrayprint.  Each element's text comes from a
   formatter sized over the elements printed (libnd's printer makes them
   for floatmodes 'maxprec', 'maxprec_equal' and 'unique'; 'fixed' needs a
   float's exact digits, which printf gives), and _formatArray then lays
   them out with the separator, prefix and line width. */
enum { FM_MAXPREC, FM_FIXED, FM_UNIQUE, FM_EQUAL };
#define UNIQUE_PREC 1100 /* more fractional digits than any double's shortest form */

typedef struct A2S {
    nd_printoptions o;
    int fm;          /* FM_* */
    double thr;      /* summarise when size > thr */
    int64_t width;   /* line width less the suffix */
    const char *sep; /* separator */
} A2S;

typedef struct Texts { char *s; int64_t n, w; } Texts; /* n texts of w bytes, back to back */

static int64_t cplen(const char *s, size_t n) { /* Python's len of UTF-8 text */
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}
static size_t rstrip_len(const char *s, size_t n) {
    while (n > 0 && strchr(" \t\n\r\v\f", s[n - 1])) n--;
    return n;
}

/* a's elements (1-d) as libnd's str prints them under options o: one
   formatter sized over all of them, so one width */
static int nd_texts(nd_array *a, nd_printoptions o, Texts *t) {
    nd_printoptions old;
    nd_get_printoptions(&old);
    t->s = NULL;
    o.threshold = INT64_MAX;
    o.linewidth = INT32_MAX;
    if (nd_set_printoptions(&o) < 0) return raise_nd(), -1;
    char *s = nd_str(a);
    nd_set_printoptions(&old);
    if (!s) return raise_nd(), -1;
    int64_t n = nd_size(a), len = (int64_t)strlen(s), w = n ? (len - 1 - n) / n : 0;
    bool ok = n > 0 && (len - 1 - n) % n == 0;
    if (ok && !(t->s = malloc((size_t)(n * w) + 1))) {
        nd_free(s);
        raise_exc(MemoryErrorT, "out of memory");
        return -1;
    }
    for (int64_t k = 0; ok && k < n; k++) {
        const char *e = s + 1 + k * (w + 1);
        ok = e[w] == (k < n - 1 ? ' ' : ']');
        memcpy(t->s + k * w, e, (size_t)w);
    }
    nd_free(s);
    if (!ok) {
        free(t->s);
        t->s = NULL;
        raise_exc(NotImplementedErrorT, "array2string of dtype %s is not supported by nd", nd_dtype_name(nd_array_dtype(a)));
        return -1;
    }
    t->n = n;
    t->w = w;
    return 0;
}

/* printf's exact digits, as Dragon4 gives them with unique=False (or
   with min_digits past the unique ones) */
static int fixed_one(char *buf, size_t cap, double x, int prec, bool plus, bool expf) {
    const char *f = expf ? (plus ? "%+#.*e" : "%#.*e") : (plus ? "%+#.*f" : "%#.*f");
    return snprintf(buf, cap, f, prec, x);
}

/* FloatingFormat over the 1-d float array f when every finite value
   shows prec digits: floatmode 'fixed', and 'maxprec_equal' in positional
   notation (expf: libnd chose exponent format for f) */
static int fixed_texts(nd_array *f, int prec, char sign, bool expf, Texts *t) {
    int64_t n = nd_size(f), padl = 0, padr = 0, exps = 0;
    size_t cap = (size_t)prec + 400;
    char *buf = malloc(cap);
    bool fin = false, neg = false, nonfin = false, neginf = sign != '-';
    for (int64_t k = 0; buf && k < n; k++) {
        nd_value v;
        nd_item(f, k, &v);
        if (!isfinite(v.f)) {
            nonfin = true;
            neginf |= v.f < 0;
            continue;
        }
        fin = true;
        neg |= signbit(v.f) != 0;
        int len = fixed_one(buf, cap, v.f, prec, sign == '+', expf);
        int64_t il = (int64_t)strcspn(buf, "."), el = expf ? len - (int64_t)(strchr(buf, 'e') - buf) - 2 : 0;
        if (il > padl) padl = il;
        if (el > exps) exps = el;
    }
    if (fin) padr = expf ? exps + 2 + prec : prec;
    if (sign == ' ' && !neg) padl++;
    if (nonfin && 2 - padr > padl) padl = 2 - padr; /* room for nan, inf, -inf */
    if (nonfin && 2 + neginf - padr > padl) padl = 2 + neginf - padr;
    int64_t w = padl + padr + 1;
    if (!buf || !(t->s = malloc((size_t)(n * w) + 1))) {
        free(buf);
        raise_exc(MemoryErrorT, "out of memory");
        return -1;
    }
    for (int64_t k = 0; k < n; k++) {
        nd_value v;
        nd_item(f, k, &v);
        char *out = t->s + k * w;
        memset(out, ' ', (size_t)w);
        if (!isfinite(v.f)) {
            const char *s = isnan(v.f) ? (sign == '+' ? "+nan" : "nan") : v.f < 0 ? "-inf" : sign == '+' ? "+inf" : "inf";
            memcpy(out + w - (int64_t)strlen(s), s, strlen(s));
            continue;
        }
        int len = fixed_one(buf, cap, v.f, prec, sign == '+', expf);
        int64_t il = (int64_t)strcspn(buf, "."), mant = expf ? (int64_t)(strchr(buf, 'e') - buf) : len;
        memcpy(out + padl - il, buf, (size_t)mant); /* int part right-aligned at padl */
        if (expf) { /* e, its sign, the digits zero-padded to exps */
            int64_t el = len - mant - 2, at = padl - il + mant;
            out[at] = 'e';
            out[at + 1] = buf[mant + 1];
            memset(out + at + 2, '0', (size_t)(exps - el));
            memcpy(out + at + 2 + exps - el, buf + mant + 2, (size_t)el);
        }
    }
    free(buf);
    t->n = n;
    t->w = w;
    return 0;
}

/* FloatingFormat over the 1-d float array f, with sign option `sign` */
static int float_texts(nd_array *f, const A2S *A, char sign, Texts *t) {
    nd_printoptions o = A->o;
    o.sign = sign;
    if (A->fm == FM_UNIQUE) o.precision = UNIQUE_PREC;
    if (nd_texts(f, o, t) < 0) return -1;
    bool expf = memchr(t->s, 'e', (size_t)(t->n * t->w)) != NULL;
    if (A->fm == FM_MAXPREC || A->fm == FM_UNIQUE || (A->fm == FM_EQUAL && expf)) return 0;
    /* 'fixed': precision digits; 'maxprec_equal' (positional): as many as
       the longest of maxprec's fractions.  Both round the exact value. */
    int prec = A->o.precision;
    if (A->fm == FM_EQUAL) {
        prec = 0;
        for (int64_t k = 0; k < t->n; k++) {
            const char *e = t->s + k * t->w, *dot = memchr(e, '.', (size_t)t->w);
            int64_t fl = 0;
            while (dot && dot + 1 + fl < e + t->w && dot[1 + fl] != ' ') fl++;
            if (fl > prec) prec = (int)fl;
        }
    }
    free(t->s);
    t->s = NULL;
    return fixed_texts(f, prec, sign, expf, t);
}

/* ComplexFloatingFormat: the real parts' texts, then the imaginary ones'
   (sign '+') with the 'j' before their padding */
static int complex_texts(nd_array *c, const A2S *A, Texts *t) {
    nd_type ft = nd_dtype_type(nd_array_dtype(c)) == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    nd_array *cc = nd_ck(nd_copy(c, 'C')), *v = cc ? nd_ck(nd_view_dtype(cc, nd_dtype_of(ft))) : NULL;
    int64_t n = nd_size(c);
    nd_array *re = v ? slice_axis(v, 0, 0, 2 * n, 2) : NULL, *im = re ? slice_axis(v, 0, 1, 2 * n, 2) : NULL;
    Texts R = {0}, I = {0};
    int rc = -1;
    if (im && float_texts(re, A, A->o.sign, &R) == 0 && float_texts(im, A, '+', &I) == 0) {
        t->n = n;
        t->w = R.w + I.w + 1;
        if ((t->s = malloc((size_t)(n * t->w) + 1))) rc = 0;
        else raise_exc(MemoryErrorT, "out of memory");
    }
    for (int64_t k = 0; rc == 0 && k < n; k++) {
        char *out = t->s + k * t->w;
        const char *i = I.s + k * I.w;
        size_t sp = rstrip_len(i, (size_t)I.w);
        memcpy(out, R.s + k * R.w, (size_t)R.w);
        memcpy(out + R.w, i, sp);
        out[R.w + (int64_t)sp] = 'j';
        memcpy(out + R.w + (int64_t)sp + 1, i + sp, (size_t)I.w - sp);
    }
    free(R.s);
    free(I.s);
    nd_release(cc);
    nd_release(v);
    nd_release(re);
    nd_release(im);
    return rc;
}

/* the texts of data's elements in C order, by its type's formatter */
static int elem_texts(nd_array *data, const A2S *A, Texts *t) {
    nd_array *flat = nd_ck(nd_ravel(data, 'C', ND_COPY_IF_NEEDED));
    if (!flat) return -1;
    char k = nd_dtype_kind(nd_array_dtype(data));
    int rc = k == 'c' ? complex_texts(flat, A, t) : k == 'f' ? float_texts(flat, A, A->o.sign, t) : nd_texts(flat, A->o, t);
    nd_release(flat);
    if (rc == 0 && k == 'b' && nd_ndim(data) == 0 && t->s[0] == ' ') { /* a 0-d bool is "True" */
        memmove(t->s, t->s + 1, (size_t)--t->w);
    }
    return rc;
}

/* NumPy's _leading_trailing: the corners of a that get printed */
static nd_array *corners(nd_array *a, int64_t edge) {
    nd_array *d = nd_retain(a);
    for (int ax = 0; d && ax < nd_ndim(a); ax++) {
        int64_t n = nd_shape(a)[ax], m = 2 * edge;
        if (edge == 0 || n <= m) continue;
        nd_array *ix = nd_ck(nd_empty(1, &m, nd_dtype_of(ND_INT64), 'C')), *t = NULL;
        for (int64_t i = 0; ix && i < m; i++) ((int64_t *)nd_data(ix))[i] = i < edge ? i : n - m + i;
        if (ix) t = nd_ck(nd_take(d, ix, ax));
        nd_release(ix);
        nd_release(d);
        d = t;
    }
    return d;
}

/* ---- NumPy's _formatArray ---- */
typedef struct Lay {
    const Texts *t;
    const char *sep;
    size_t sepn, seprn;       /* separator bytes, and without trailing space */
    int nd;
    const int64_t *shape, *dshape;
    int64_t dstride[ND_MAXDIMS]; /* elements, in the corners' C order */
    bool summ;
    int64_t edge;
} Lay;

/* _extendLine: word goes on line, or on a new line hung at hang */
static void extend_line(SB *s, SB *line, const char *word, size_t wn, int64_t width, const char *hang) {
    int64_t ll = cplen(line->s, line->n), hl = (int64_t)strlen(hang);
    if (ll + cplen(word, wn) > width && ll > hl) {
        sb_putn(s, line->s, rstrip_len(line->s, line->n));
        sb_putc(s, '\n');
        line->n = 0;
        sb_puts(line, hang);
    }
    sb_putn(line, word, wn);
}

/* the corners' flat position of a's index i along axis */
static int64_t corner_pos(const Lay *L, int axis, int64_t i) {
    int64_t n = L->shape[axis], dn = L->dshape[axis];
    return (i < dn / 2 || dn == n ? i : i - (n - dn)) * L->dstride[axis];
}

static void lay_rows(const Lay *L, int axis, int64_t base, const char *hang, int64_t width, SB *out);

/* recurser(index, hanging_indent, curr_width) into out */
static void lay(const Lay *L, int axis, int64_t base, const char *hang, int64_t width, SB *out) {
    if (axis == L->nd) {
        sb_putn(out, L->t->s + base * L->t->w, (size_t)L->t->w);
        return;
    }
    size_t hn = strlen(hang);
    SB s = {0}, nh = {0};
    sb_putn(&s, "", 0);
    sb_puts(&nh, hang);
    sb_putc(&nh, ' ');
    int64_t n = L->shape[axis];
    bool show = L->summ && 2 * L->edge < n;
    /* NumPy: the leading items, "...", then the trailing ones, the last always */
    int64_t lead = show ? L->edge : 0, trail = show ? L->edge : n, total = lead + show + (trail > 1 ? trail - 1 : 0) + 1;
    if (axis == L->nd - 1) {
        int64_t sr = cplen(L->sep, L->seprn), ew = width - (sr > 1 ? sr : 1);
        SB line = {0}, w = {0};
        sb_puts(&line, hang);
        for (int64_t k = 0; k < total; k++) {
            w.n = 0;
            if (show && k == lead) sb_puts(&w, "...");
            else lay(L, axis + 1, base + corner_pos(L, axis, k < lead ? k : n - (total - k)), nh.s, width - 1, &w);
            extend_line(&s, &line, w.s, w.n, ew, hang);
            if (k < total - 1) sb_putn(&line, L->sep, L->sepn);
        }
        sb_putn(&s, line.s, line.n);
        free(line.s);
        free(w.s);
    } else {
        lay_rows(L, axis, base, hang, width, &s);
    }
    sb_putc(out, '[');
    sb_putn(out, s.s + hn, s.n - hn);
    sb_putc(out, ']');
    free(s.s);
    free(nh.s);
}

/* an outer axis of lay: one nested block a row, rows parted by the
   stripped separator and a newline per axis below */
static void lay_rows(const Lay *L, int axis, int64_t base, const char *hang, int64_t width, SB *s) {
    SB nh = {0}, lsep = {0};
    sb_puts(&nh, hang);
    sb_putc(&nh, ' ');
    sb_putn(&lsep, L->sep, L->seprn);
    for (int i = axis + 1; i < L->nd; i++) sb_putc(&lsep, '\n');
    int64_t n = L->shape[axis];
    bool show = L->summ && 2 * L->edge < n;
    int64_t lead = show ? L->edge : 0, trail = show ? L->edge : n, total = lead + show + (trail > 1 ? trail - 1 : 0) + 1;
    for (int64_t k = 0; k < total; k++) {
        sb_puts(s, hang);
        if (show && k == lead) sb_puts(s, "...");
        else lay(L, axis + 1, base + corner_pos(L, axis, k < lead ? k : n - (total - k)), nh.s, width - 1, s);
        if (k < total - 1) sb_putn(s, lsep.s, lsep.n);
    }
    free(nh.s);
    free(lsep.s);
}

/* array2string's text for a non-empty array a */
static Val a2s_body(nd_array *a, const A2S *A, const char *prefix) {
    bool summ = (double)nd_size(a) > A->thr;
    nd_array *d = summ ? corners(a, A->o.edgeitems) : nd_retain(a);
    Texts t = {0};
    if (!d || elem_texts(d, A, &t) < 0) {
        nd_release(d);
        return VERR;
    }
    Lay L = {.t = &t, .sep = A->sep, .sepn = strlen(A->sep), .seprn = rstrip_len(A->sep, strlen(A->sep)),
             .nd = nd_ndim(a), .shape = nd_shape(a), .dshape = nd_shape(d), .summ = summ, .edge = A->o.edgeitems};
    int64_t st = 1;
    for (int i = L.nd - 1; i >= 0; st *= L.dshape[i], i--) L.dstride[i] = st;
    SB hang = {0}, out = {0};
    sb_putc(&hang, ' ');
    for (int64_t i = cplen(prefix, strlen(prefix)); i > 0; i--) sb_putc(&hang, ' ');
    lay(&L, 0, 0, hang.s, A->width, &out);
    free(hang.s);
    free(t.s);
    nd_release(d);
    return sb_val(&out);
}
/* array2string's option checks (NumPy's _make_options_dict, in its order) */
static int a2s_options(const Val *p, A2S *A) {
    static const char *const fms[4] = {"maxprec", "fixed", "unique", "maxprec_equal"};
    nd_get_printoptions(&A->o);
    A->fm = FM_MAXPREC;
    A->thr = (double)A->o.threshold;
    int64_t x;
    if (GIVEN(p[11])) {
        for (A->fm = 0; A->fm < 4 && !(p[11].t == T_STR && !strcmp(STR(p[11])->s, fms[A->fm])); A->fm++) {}
        if (A->fm == 4) return raise_exc(ValueErrorT, "floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\""), -1;
    }
    if (GIVEN(p[10])) {
        const char *sg = p[10].t == T_STR ? STR(p[10])->s : "";
        if (strcmp(sg, "-") && strcmp(sg, "+") && strcmp(sg, " ")) return raise_exc(ValueErrorT, "sign option must be one of ' ', '+', or '-'"), -1;
        A->o.sign = sg[0];
    }
    if (GIVEN(p[13]) && !(p[13].t == T_BOOL && !p[13].i))
        return raise_exc(NotImplementedErrorT, "array2string(legacy=...) is not supported by nd"), -1;
    if (GIVEN(p[8])) {
        Val t = p[8];
        bool num = t.t == T_INT || t.t == T_BOOL || t.t == T_BIG || t.t == T_FLOAT || t.t == T_SCALAR;
        if (!num) return raise_exc(TypeErrorT, "threshold must be numeric"), -1;
        if (to_double(t, &A->thr) < 0) return -1;
        if (isnan(A->thr)) return raise_exc(ValueErrorT, "threshold must be non-NAN, try sys.maxsize for untruncated representation"), -1;
    }
    if (GIVEN(p[2])) {
        if (p[2].t != T_INT && p[2].t != T_BOOL && !(p[2].t == T_SCALAR && strchr("iu", nd_dtype_kind(nd_dtype_of(SCAL(p[2]).type)))))
            return raise_exc(TypeErrorT, "precision must be an integer"), -1;
        if (to_int64(p[2], &x, NULL) < 0) return -1;
        if (x < 0 || x > UNIQUE_PREC) return raise_exc(NotImplementedErrorT, "array2string(precision=%lld) is not supported by nd", (long long)x), -1;
        A->o.precision = (int)x;
    }
    if (GIVEN(p[6])) return raise_exc(NotImplementedErrorT, "array2string(formatter=...) is not supported by nd"), -1;
    if (GIVEN(p[9])) {
        if (to_int64(p[9], &x, NULL) < 0) return -1;
        A->o.edgeitems = (int)(x < 0 ? 0 : x > INT32_MAX ? INT32_MAX : x);
    }
    if (GIVEN(p[1]) && width_arg(p[1], &A->o.linewidth) < 0) return -1;
    if (GIVEN(p[3])) A->o.suppress = val_truth(p[3]) > 0;
    return 0;
}

static Val np_array2string(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    Val p[14];
    if (argparse("array2string", argc, argv, kw,
                 "a|max_line_width,precision,suppress_small,separator,prefix,style,formatter,threshold,edgeitems,sign,floatmode,suffix,legacy", p) < 0)
        return VERR;
    A2S A;
    if (a2s_options(p, &A) < 0) return VERR;
    const char *txt[3] = {" ", "", ""}; /* separator, prefix, suffix */
    for (int i = 0; i < 3; i++) {
        Val v = p[i == 0 ? 4 : i == 1 ? 5 : 12];
        if (!HAS(v)) continue;
        if (v.t != T_STR)
            return i ? raise_exc(TypeErrorT, "object of type '%s' has no len()", type_name(v))
                     : raise_exc(AttributeErrorT, "'%s' object has no attribute 'rstrip'", type_name(v));
        txt[i] = STR(v)->s;
    }
    A.sep = txt[0];
    A.width = A.o.linewidth - cplen(txt[2], strlen(txt[2]));
    if (p[0].t != T_ARRAY && p[0].t != T_SCALAR) return raise_exc(AttributeErrorT, "'%s' object has no attribute 'size'", type_name(p[0]));
    nd_array *a = arg_nd(p[0]);
    if (!a) return VERR;
    Val r;
    if (nd_size(a) == 0) {
        r = mk_cstr("[]");
    } else if (nd_dtype_nfields(nd_array_dtype(a)) > 0 && A.fm != FM_MAXPREC) { /* libnd's record printer: maxprec only */
        r = raise_exc(NotImplementedErrorT, "array2string(floatmode=...) of records is not supported by nd");
    } else {
        r = a2s_body(a, &A, txt[1]);
    }
    nd_release(a);
    return r;
}
/* array_repr of a NumPy scalar: NumPy names it by its type, "int8(22,
   dtype=int8)", and lays it out as array_repr does a 0-d array */
static Val scalar_array_repr(Val v, const Val *p) {
    Val q[14];
    for (int i = 0; i < 14; i++) q[i] = i < 4 ? p[i] : VERR;
    A2S A;
    if (a2s_options(q, &A) < 0) return VERR;
    A.sep = ", ";
    nd_type t = SCAL(v).type;
    bool implied = t == ND_INT64 || t == ND_FLOAT64 || t == ND_COMPLEX128 || t == ND_BOOL;
    OType *st = np_scalar_type(t);
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s(", st ? st->name : "?");
    A.width = A.o.linewidth - 1;
    nd_array *a = arg_nd(v);
    Val body = a ? a2s_body(a, &A, prefix) : VERR;
    nd_release(a);
    if (ISERR(body)) return body;
    SB b = {0};
    sb_printf(&b, "%s%s%c", prefix, STR(body)->s, implied ? ')' : ',');
    decref(body);
    if (!implied) {
        const char *nl = strrchr(b.s, '\n');
        int64_t last = (int64_t)strlen(nl ? nl + 1 : b.s), dl = (int64_t)strlen(nd_dtype_name(nd_dtype_of(t))) + 7;
        if (last + dl + 1 > A.o.linewidth) sb_printf(&b, "\n%*s", (int)strlen(prefix), "");
        else sb_putc(&b, ' ');
        sb_printf(&b, "dtype=%s)", nd_dtype_name(nd_dtype_of(t)));
    }
    return sb_val(&b);
}

static Val np_array_repr(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("array_repr", "arr|max_line_width,precision,suppress_small");
    if (p[0].t == T_SCALAR) return scalar_array_repr(p[0], p);
    return print_with(p[0], "dtype", true, p[1], p[2], p[3]);
}
static Val np_array_str(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("array_str", "a|max_line_width,precision,suppress_small");
    if (p[0].t == T_SCALAR) { /* NumPy indexes it as an ndarray */
        OType *st = np_scalar_type(SCAL(p[0]).type);
        return raise_exc(TypeErrorT, "descriptor '__getitem__' requires a 'numpy.ndarray' object but received a '%s'", st ? st->qual : "?");
    }
    return print_with(p[0], "shape", false, p[1], p[2], p[3]);
}

void np_print_install(Val mod, PutFn put) {
    static const struct { const char *name; BFn fn; } fns[] = {
        {"array2string", np_array2string}, {"array_repr", np_array_repr}, {"array_str", np_array_str}, {NULL, NULL}};
    for (int i = 0; fns[i].name; i++) put(mod, fns[i].name, mk_builtin(fns[i].name, fns[i].fn, VNONE));
}
