/* repr.c — NumPy's str(a) and repr(a) (arrayprint.py, legacy=False).
 *
 * As in NumPy, one formatter is sized from every element that will be
 * printed (only the corners when the array is summarised), so that all
 * elements share one width; the nested brackets are then written in one
 * pass, wrapping rows at the line width with NumPy's _extendLine rule. */
#include "nd_internal.h"

#include <math.h>
#include <stdio.h>

static _Thread_local nd_printoptions opts = {8, 1000, 3, 75, false, '-'};

int nd_set_printoptions(const nd_printoptions *o) {
    if (!o) return nd__err(ND_EVALUE, "print options must be given");
    if (o->precision < 0) return nd__err(ND_EVALUE, "precision must be >= 0");
    if (o->edgeitems < 0) return nd__err(ND_EVALUE, "edgeitems must be >= 0");
    if (o->sign != '-' && o->sign != '+' && o->sign != ' ')
        return nd__err(ND_EVALUE, "sign option must be one of ' ', '+', or '-'");
    opts = *o;
    return 0;
}

void nd_get_printoptions(nd_printoptions *out) { *out = opts; }

/* ---- element formatters ---- */

typedef struct flt_state { /* NumPy's FloatingFormat (floatmode 'maxprec') */
    nd_type t;             /* ND_FLOAT16/32/64: whose shortest digits to print */
    char sign;             /* '-', '+' or ' ' */
    bool exp_format;
    int precision, min_digits, pad_left, pad_right, exp_size;
} flt_state;

typedef struct elem_fmt {
    nd_type type;
    bool zero_d;  /* a 0-d bool prints "True", not " True" */
    int width;    /* ints: width of the longer of max and min */
    flt_state re; /* floats; real part of complex */
    flt_state im; /* imaginary part of complex */
    const nd_dtype *dt;     /* the element dtype (borrowed) */
    struct elem_fmt *kids;  /* structured: one formatter per field */
    int sub_ndim;           /* this field is a sub-array of that shape */
    const int64_t *sub_shape;
} elem_fmt;

typedef void (*visit_fn)(void *ctx, nd_value v);

/* Which elements NumPy formats with: with edge > 0 only the first and
 * last `edge` along each longer axis below `axes` (its _leading_trailing;
 * edge 0 keeps whole axes, as a[-0:] does there).  A record field's
 * sub-array axes lie past `axes`: NumPy trims records, then formats whole
 * fields. */
typedef struct trim {
    int64_t edge;
    int axes;
} trim;

static void walk(const nd_array *a, int axis, const char *p, trim t, visit_fn fn, void *ctx) {
    if (axis == a->ndim) {
        fn(ctx, nd__load(a->dtype, p));
        return;
    }
    int64_t n = a->shape[axis];
    bool cut = t.edge > 0 && n > 2 * t.edge && axis < t.axes;
    for (int64_t i = 0; i < n; i++) {
        if (cut && i == t.edge) i = n - t.edge;
        walk(a, axis + 1, p + i * a->strides[axis], t, fn, ctx);
    }
}

typedef struct int_scan {
    bool any;
    int64_t imin, imax;
    uint64_t umin, umax;
} int_scan;

static void int_visit(void *ctx, nd_value v) {
    int_scan *s = ctx;
    if (!s->any || v.i < s->imin) s->imin = v.i;
    if (!s->any || v.i > s->imax) s->imax = v.i;
    if (!s->any || v.u < s->umin) s->umin = v.u;
    if (!s->any || v.u > s->umax) s->umax = v.u;
    s->any = true;
}

static int int_width(const nd_array *a, trim edge, bool is_unsigned) {
    int_scan s = {0};
    walk(a, 0, a->data, edge, int_visit, &s);
    int w1, w2;
    if (is_unsigned) {
        w1 = snprintf(NULL, 0, "%llu", (unsigned long long)s.umax);
        w2 = snprintf(NULL, 0, "%llu", (unsigned long long)s.umin);
    } else {
        w1 = snprintf(NULL, 0, "%lld", (long long)s.imax);
        w2 = snprintf(NULL, 0, "%lld", (long long)s.imin);
    }
    return w1 > w2 ? w1 : w2;
}

typedef struct flt_scan {
    int part;            /* 0: v.f, 1: real, 2: imaginary */
    int pass;            /* 1: ranges, 2: digit counts */
    const flt_state *st;
    bool finite, nonfinite, neginf, negative, nonzero;
    double maxabs, minabs; /* over finite non-zero values */
    int int_len, frac_len, exp_len;
} flt_scan;

static double part_of(nd_value v, int part) { return part == 0 ? v.f : v.c[part - 1]; }

static void flt_measure(flt_scan *s, double x) {
    const flt_state *st = s->st;
    char buf[ND_FLTBUF];
    nd_fltfmt f = {.scientific = st->exp_format, .fractional = true, .sign = st->sign == '+',
                   .trim = ND_TRIM_ZEROS, .precision = st->precision, .min_digits = -1,
                   .pad_left = -1, .pad_right = -1, .exp_digits = -1};
    int len = nd__format_float(buf, x, st->t, &f);
    const char *e = st->exp_format ? strchr(buf, 'e') : NULL;
    if (!e) e = buf + len;
    const char *dot = memchr(buf, '.', (size_t)(e - buf));
    if (!dot) dot = e; // cannot happen: trim '.' always keeps the point
    int il = (int)(dot - buf), fl = (int)(e - dot) - (dot < e), el = *e ? len - (int)(e - buf) - 1 : 0;
    if (il > s->int_len) s->int_len = il;
    if (fl > s->frac_len) s->frac_len = fl;
    if (el > s->exp_len) s->exp_len = el;
}

static void flt_visit(void *ctx, nd_value v) {
    flt_scan *s = ctx;
    double x = part_of(v, s->part);
    if (!isfinite(x)) {
        s->nonfinite = true;
        if (x < 0) s->neginf = true;
        return;
    }
    if (s->pass == 2) {
        flt_measure(s, x);
        return;
    }
    s->finite = true;
    if (signbit(x)) s->negative = true;
    if (x != 0) {
        double ax = fabs(x);
        if (!s->nonzero || ax > s->maxabs) s->maxabs = ax;
        if (!s->nonzero || ax < s->minabs) s->minabs = ax;
        s->nonzero = true;
    }
}

/* NumPy computes max/min in the array's own type (overflow gives inf). */
static bool ratio_over_1000(double mx, double mn, nd_type t) {
    if (t == ND_FLOAT64) return mx / mn > 1000.;
    float q = (float)mx / (float)mn;
    if (t == ND_FLOAT32) return q > 1000.f;
    return nd__half_to_float(nd__float_to_half(q)) > 1000.f;
}

/* NumPy's FloatingFormat.fillFormat over one real component. */
static void flt_setup(flt_state *st, const nd_array *a, trim edge, nd_type t, int part, char sign) {
    *st = (flt_state){.t = t, .sign = sign, .precision = opts.precision, .min_digits = -1, .exp_size = -1};
    flt_scan s = {.part = part, .pass = 1, .st = st};
    walk(a, 0, a->data, edge, flt_visit, &s);
    if (s.nonzero && (s.maxabs >= 1e8 || (!opts.suppress && (s.minabs < 1e-4 ||
                                                               ratio_over_1000(s.maxabs, s.minabs, t)))))
        st->exp_format = true;
    if (s.finite) {
        s.pass = 2;
        walk(a, 0, a->data, edge, flt_visit, &s);
        st->pad_left = s.int_len;
        if (st->exp_format) {
            st->exp_size = s.exp_len - 1;
            st->precision = st->min_digits = s.frac_len;
            st->pad_right = st->exp_size + 2 + st->precision;
        } else {
            st->pad_right = s.frac_len;
            st->min_digits = 0;
        }
    }
    if (sign == ' ' && !s.negative) st->pad_left++;
    if (s.nonfinite) { // room for "nan" and "inf" / "-inf" beside the point
        int off = st->pad_right + 1, inflen = 3 + (sign != '-' || s.neginf);
        if (3 - off > st->pad_left) st->pad_left = 3 - off;
        if (inflen - off > st->pad_left) st->pad_left = inflen - off;
    }
}

static int flt_text(char *out, const flt_state *st, double x) {
    if (!isfinite(x)) {
        const char *s = isnan(x) ? (st->sign == '+' ? "+nan" : "nan")
                        : x < 0  ? "-inf"
                        : st->sign == '+' ? "+inf" : "inf";
        int n = (int)strlen(s), pad = st->pad_left + st->pad_right + 1 - n;
        if (pad > ND_FLTBUF - 8) pad = ND_FLTBUF - 8;
        if (pad < 0) pad = 0;
        memset(out, ' ', (size_t)pad);
        memcpy(out + pad, s, (size_t)n + 1);
        return pad + n;
    }
    nd_fltfmt f = {.scientific = st->exp_format, .fractional = true, .sign = st->sign == '+',
                   .trim = st->exp_format ? ND_TRIM_KEEP : ND_TRIM_ZEROS, .precision = st->precision,
                   .min_digits = st->min_digits, .pad_left = st->pad_left,
                   .pad_right = st->exp_format ? -1 : st->pad_right,
                   .exp_digits = st->exp_format ? st->exp_size : -1};
    return nd__format_float(out, x, st->t, &f);
}

static void fmt_free(elem_fmt *ef) {
    if (!ef->kids) return;
    for (int i = 0; i < ef->dt->nfields; i++) fmt_free(&ef->kids[i]);
    nd__free_mem(ef->kids);
    ef->kids = NULL;
}

static int fmt_setup(elem_fmt *ef, const nd_array *a, trim edge);

/* NumPy's StructuredVoidFormat.from_data: one formatter per field, each
 * sized from that field over all the records printed. */
static int fmt_setup_fields(elem_fmt *ef, const nd_array *a, trim edge) {
    int n = a->dtype->nfields;
    ef->kids = nd__calloc(n ? (size_t)n : 1, sizeof *ef->kids);
    if (!ef->kids) return nd__err(ND_ENOMEM, NULL);
    for (int i = 0; i < n; i++) {
        nd_array *fv = nd__field_view((nd_array *)a, i);
        if (!fv) return ND_ENOMEM;
        int rc = fmt_setup(&ef->kids[i], fv, edge);
        const nd_dtype *fd = a->dtype->fields[i].dtype;
        if (fd->base) {
            ef->kids[i].sub_ndim = fd->sub_ndim;
            ef->kids[i].sub_shape = fd->sub_shape;
        }
        nd_release(fv);
        if (rc) return rc;
    }
    return 0;
}

static int fmt_setup(elem_fmt *ef, const nd_array *a, trim edge) {
    nd_type t = (nd_type)a->dtype->type;
    ef->type = t;
    ef->dt = a->dtype;
    ef->zero_d = a->ndim == 0;
    switch (a->dtype->kind) {
    case 'i': ef->width = int_width(a, edge, false); break;
    case 'u': ef->width = int_width(a, edge, true); break;
    case 'f': flt_setup(&ef->re, a, edge, t, 0, opts.sign); break;
    case 'c': {
        nd_type ft = t == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
        flt_setup(&ef->re, a, edge, ft, 1, opts.sign);
        flt_setup(&ef->im, a, edge, ft, 2, '+');
    } break;
    case 'V':
        if (nd__is_struct(a->dtype)) return fmt_setup_fields(ef, a, edge);
        break;
    default: break;
    }
    return 0;
}

#define WORDBUF (2 * ND_FLTBUF + 8)

/* One number's text into out (WORDBUF bytes); returns its length. */
static int num_text(char *out, const elem_fmt *ef, nd_value v) {
    switch (ef->type) {
    case ND_BOOL: {
        const char *s = v.b ? (ef->zero_d ? "True" : " True") : "False";
        strcpy(out, s);
        return (int)strlen(s);
    }
    case ND_INT8: case ND_INT16: case ND_INT32: case ND_INT64:
        return snprintf(out, WORDBUF, "%*lld", ef->width, (long long)v.i);
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64:
        return snprintf(out, WORDBUF, "%*llu", ef->width, (unsigned long long)v.u);
    case ND_FLOAT16: case ND_FLOAT32: case ND_FLOAT64: return flt_text(out, &ef->re, v.f);
    default: {
        int n = flt_text(out, &ef->re, v.c[0]);
        char *im = out + n;
        int m = flt_text(im, &ef->im, v.c[1]), sp = m;
        while (sp > 0 && im[sp - 1] == ' ') sp--;
        memmove(im + sp + 1, im + sp, (size_t)(m - sp) + 1); // 'j' goes before the padding
        im[sp] = 'j';
        return n + m + 1;
    }
    }
}

static void elem_put(nd_sbuf *out, const elem_fmt *ef, const char *ptr);

/* NumPy's SubArrayFormat: nested lists, "..." past the threshold. */
static void sub_put(nd_sbuf *out, const elem_fmt *ef, const char *ptr, int dim, int64_t stride, bool summ) {
    if (dim == ef->sub_ndim) {
        elem_put(out, ef, ptr);
        return;
    }
    int64_t n = ef->sub_shape[dim], st = stride;
    for (int k = dim + 1; k < ef->sub_ndim; k++) st *= ef->sub_shape[k];
    int64_t edge = opts.edgeitems;
    bool cut = summ && n > 2 * edge;
    nd__sb_putc(out, '[');
    for (int64_t i = 0; i < n; i++) {
        if (i) nd__sb_puts(out, ", ");
        if (cut && i == edge) {
            nd__sb_puts(out, "..., ");
            i = n - edge;
        }
        sub_put(out, ef, ptr + i * st, dim + 1, stride, summ);
    }
    nd__sb_putc(out, ']');
}

static void elem_put(nd_sbuf *out, const elem_fmt *ef, const char *ptr) {
    const nd_dtype *dt = ef->dt;
    if (ef->kids) { /* StructuredVoidFormat: "(a, b)", one field "(a,)" */
        nd__sb_putc(out, '(');
        for (int i = 0; i < dt->nfields; i++) {
            const elem_fmt *k = &ef->kids[i];
            if (i) nd__sb_puts(out, ", ");
            const char *fp = ptr + dt->fields[i].offset;
            if (k->sub_ndim) {
                int64_t size = nd__size(k->sub_ndim, k->sub_shape);
                sub_put(out, k, fp, 0, k->dt->itemsize, size > opts.threshold);
            } else {
                elem_put(out, k, fp);
            }
        }
        nd__sb_puts(out, dt->nfields == 1 ? ",)" : ")");
    } else if (nd__is_void(dt)) { /* raw bytes: np.void's str, every byte escaped */
        nd__sb_puts(out, "b'");
        for (int64_t i = 0; i < dt->itemsize; i++) nd__sb_printf(out, "\\x%02X", (unsigned char)ptr[i]);
        nd__sb_putc(out, '\'');
    } else {
        char w[WORDBUF];
        int n = num_text(w, ef, nd__load(dt, ptr));
        nd__sb_putn(out, w, (size_t)n);
    }
}

/* ---- nested brackets and line wrapping (NumPy's _formatArray) ---- */

typedef struct printer {
    const nd_array *a;
    const elem_fmt *ef;
    nd_sbuf *sb;
    const char *sep; /* " " (str) or ", " (repr) */
    int64_t edge;    /* items kept at each end of a summarised axis */
    bool summ;
    size_t line_off; /* where the current line starts in sb */
    nd_sbuf word;    /* the element being written */
} printer;

static void spaces(nd_sbuf *sb, int64_t n) {
    for (; n > 0; n--) nd__sb_putc(sb, ' ');
}

static void newline(printer *p) {
    nd__sb_putc(p->sb, '\n');
    p->line_off = p->sb->len;
}

/* NumPy's _extendLine: the word goes on a new line (indented by hang) when
 * it would pass width, unless the line holds nothing but the indent. */
static void extend(printer *p, const char *word, size_t n, int64_t width, int hang) {
    nd_sbuf *sb = p->sb;
    int64_t col = (int64_t)(sb->len - p->line_off);
    if (col + (int64_t)n > width && col > hang) {
        if (sb->s && !sb->oom) { // rstrip the finished line
            while (sb->len > p->line_off && sb->s[sb->len - 1] == ' ') sb->len--;
            sb->s[sb->len] = 0;
        }
        newline(p);
        spaces(sb, hang);
    }
    nd__sb_putn(sb, word, n);
}

static void leaf(printer *p, const char *ptr, int64_t width, int hang) {
    p->word.len = 0;
    elem_put(&p->word, p->ef, ptr);
    if (p->word.s) extend(p, p->word.s, p->word.len, width, hang);
}

/* Separator between rows of an axis with `left` axes below it: the
 * separator without its trailing space, then left-1 newlines. */
static void row_sep(printer *p, int left) {
    if (p->sep[0] == ',') nd__sb_putc(p->sb, ',');
    for (int i = 1; i < left; i++) newline(p);
}

/* The block of axis `axis` starting at ptr; its '[' sits at column hang-1
 * and its continuation lines are indented by hang. */
static void block(printer *p, int axis, const char *ptr, int hang, int64_t width) {
    const nd_array *a = p->a;
    if (axis == a->ndim) { // 0-d: the bare element
        elem_put(p->sb, p->ef, ptr);
        return;
    }
    int64_t n = a->shape[axis], st = a->strides[axis];
    bool show = p->summ && 2 * p->edge < n;
    int64_t lead = show ? p->edge : 0, trail = show ? p->edge : n;
    int left = a->ndim - axis;
    nd__sb_putc(p->sb, '[');
    if (left == 1) {
        int64_t w = width - 1; // room for the ']' or ','
        for (int64_t i = 0; i < lead; i++) {
            leaf(p, ptr + i * st, w, hang);
            nd__sb_puts(p->sb, p->sep);
        }
        if (show) {
            extend(p, "...", 3, w, hang);
            nd__sb_puts(p->sb, p->sep);
        }
        for (int64_t i = trail; i > 1; i--) {
            leaf(p, ptr + (n - i) * st, w, hang);
            nd__sb_puts(p->sb, p->sep);
        }
        leaf(p, ptr + (n - 1) * st, w, hang);
    } else {
        // Rows after the first start on a new line, indented by hang.
        for (int64_t i = 0; i < lead; i++) {
            if (i > 0) spaces(p->sb, hang);
            block(p, axis + 1, ptr + i * st, hang + 1, width - 1);
            row_sep(p, left);
        }
        if (show) {
            if (lead > 0) spaces(p->sb, hang);
            nd__sb_puts(p->sb, "...");
            row_sep(p, left);
        }
        bool first = lead == 0 && !show;
        for (int64_t i = trail; i > 1; i--) {
            if (!first) spaces(p->sb, hang);
            first = false;
            block(p, axis + 1, ptr + (n - i) * st, hang + 1, width - 1);
            row_sep(p, left);
        }
        if (!first) spaces(p->sb, hang);
        block(p, axis + 1, ptr + (n - 1) * st, hang + 1, width - 1); // the last row always prints
    }
    nd__sb_putc(p->sb, ']');
}

/* NumPy's array2string body for a non-empty array, appended to sb whose
 * current line already holds prefix_len characters. */
static int array_body(nd_sbuf *sb, const nd_array *a, const char *sep, int prefix_len, int64_t line_width) {
    printer *p = nd__malloc(sizeof *p);
    elem_fmt ef = {0};
    if (!p) return nd__err(ND_ENOMEM, NULL);
    bool summ = nd__size(a->ndim, a->shape) > opts.threshold;
    int rc = fmt_setup(&ef, a, (trim){summ ? opts.edgeitems : 0, a->ndim});
    if (rc == 0) {
        *p = (printer){.a = a, .ef = &ef, .sb = sb, .sep = sep, .edge = opts.edgeitems, .summ = summ,
                       .line_off = sb->len - (size_t)prefix_len};
        block(p, 0, a->data, prefix_len + 1, line_width);
        if (p->word.oom) rc = nd__err(ND_ENOMEM, NULL);
        nd__free_mem(p->word.s);
    }
    fmt_free(&ef);
    nd__free_mem(p);
    return rc;
}

char *nd_str(const nd_array *a) {
    if (a->ndim == 0 && !nd__is_void(a->dtype))
        return nd_value_str(nd__load(a->dtype, a->data), (nd_type)a->dtype->type);
    nd_sbuf sb = {0};
    if (nd__size(a->ndim, a->shape) == 0)
        nd__sb_puts(&sb, "[]");
    else if (array_body(&sb, a, " ", 0, opts.linewidth) < 0)
        sb.oom = true;
    return nd__sb_finish(&sb);
}

/* arrayprint's dtype_short_repr (1.24): the name, whatever the byte
 * order; the quoted str for raw void; records show str(dtype). */
static void put_dtype(nd_sbuf *sb, const nd_dtype *d) {
    char *t = nd_dtype_text(d);
    if (!t) {
        sb->oom = true;
        return;
    }
    if (nd__is_struct(d))
        nd__sb_puts(sb, t);
    else if (nd__is_void(d))
        nd__sb_printf(sb, "'%s'", t);
    else
        nd__sb_puts(sb, nd_dtype_name(d));
    nd_free(t);
}

/* dtype_is_implied: the types whose values alone say what they are. */
static bool dtype_implied(nd_type t) {
    return t == ND_INT64 || t == ND_FLOAT64 || t == ND_COMPLEX128 || t == ND_BOOL;
}

char *nd_repr(const nd_array *a) {
    nd_sbuf sb = {0};
    int64_t size = nd__size(a->ndim, a->shape);
    bool skip = dtype_implied((nd_type)a->dtype->type) && size > 0;
    nd__sb_puts(&sb, "array(");
    if (size > 0) {
        // The suffix ")" or "," takes one column from the last line.
        if (array_body(&sb, a, ", ", 6, (int64_t)opts.linewidth - 1) < 0) sb.oom = true;
    } else if (a->ndim == 1) {
        nd__sb_puts(&sb, "[]");
    } else {
        char shp[32 * 24];
        nd__fmt_shape(shp, sizeof shp, a->ndim, a->shape);
        nd__sb_printf(&sb, "[], shape=%s", shp);
    }
    nd__sb_putc(&sb, skip ? ')' : ',');
    if (!skip && !sb.oom) {
        nd_sbuf dts = {0};
        nd__sb_puts(&dts, "dtype=");
        put_dtype(&dts, a->dtype);
        nd__sb_putc(&dts, ')');
        char *d = nd__sb_finish(&dts);
        if (!d) {
            sb.oom = true;
        } else {
            size_t start = sb.len;
            while (start > 0 && sb.s[start - 1] != '\n') start--;
            if ((int64_t)(sb.len - start) + (int64_t)strlen(d) + 1 > opts.linewidth)
                nd__sb_puts(&sb, "\n      ");
            else
                nd__sb_putc(&sb, ' ');
            nd__sb_puts(&sb, d);
            nd__free_mem(d);
        }
    }
    return nd__sb_finish(&sb);
}
