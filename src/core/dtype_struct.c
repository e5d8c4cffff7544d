/* dtype_struct.c — void dtypes: raw bytes, structured records, sub-arrays.
 *
 * Layout rules are NumPy 1.24's descriptor.c (_convert_from_list/_dict:
 * packed or C-struct aligned offsets, itemsize checks); the text forms are
 * numpy/core/_dtype.py's (__repr__, __str__, the list form for "packed"
 * layouts and the dict form otherwise) and _internal._array_descr. */
#include "nd_internal.h"

#include <stdio.h>
#include <stdlib.h>

static nd_dtype *void_new(int64_t itemsize) {
    nd_dtype *d = nd__calloc(1, sizeof *d);
    if (!d) {
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    atomic_init(&d->refcnt, 1);
    d->type = ND_VOID;
    d->kind = 'V';
    d->chr = 'V';
    d->byteorder = '|';
    d->itemsize = itemsize;
    d->alignment = 1;
    d->nfields = -1;
    snprintf(d->vname, sizeof d->vname, "void%llu", (unsigned long long)itemsize * 8u); /* itemsize < 2**60 */
    return d;
}

void nd__dtype_free(nd_dtype *d) {
    for (int i = 0; i < d->nfields; i++) {
        nd__free_mem(d->fields[i].name);
        nd_dtype_release(d->fields[i].dtype);
    }
    nd__free_mem(d->fields);
    nd_dtype_release(d->base);
    nd__free_mem(d->sub_shape);
    nd__free_mem(d);
}

const nd_dtype *nd_dtype_void(int64_t n) {
    if (n < 0) {
        nd__err(ND_EVALUE, "invalid itemsize in generic type tuple");
        return NULL;
    }
    return void_new(n);
}

const nd_dtype *nd_dtype_subarray(const nd_dtype *base, int ndim, const int64_t *shape) {
    if (ndim == 0) return nd_dtype_retain(base);
    int64_t full[ND_MAXDIMS];
    int n = 0;
    /* NumPy folds a sub-array of a sub-array into one: outer dims first. */
    int inner = base->base ? base->sub_ndim : 0;
    if (ndim < 0 || ndim + inner > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "invalid shape in fixed-type tuple.");
        return NULL;
    }
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            nd__err(ND_EVALUE, "invalid shape in fixed-type tuple: dimension smaller then zero.");
            return NULL;
        }
        if (shape[i] > INT32_MAX) { /* NumPy keeps sub-array dims and sizes in C ints */
            nd__err(ND_EVALUE, "invalid shape in fixed-type tuple: dimension does not fit into a C int.");
            return NULL;
        }
        full[n++] = shape[i];
    }
    for (int i = 0; i < inner; i++) full[n++] = base->sub_shape[i];
    const nd_dtype *elem = base->base ? base->base : base;
    int64_t count;
    if (!nd__checked_size(n, full, elem->itemsize, &count)) return NULL;
    if (count * elem->itemsize > INT32_MAX) {
        nd__err(ND_EVALUE, "invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.");
        return NULL;
    }
    nd_dtype *d = void_new(count * elem->itemsize);
    if (!d) return NULL;
    d->sub_shape = nd__malloc((size_t)n * sizeof *d->sub_shape);
    if (!d->sub_shape) {
        nd__dtype_free(d);
        nd__err(ND_ENOMEM, NULL);
        return NULL;
    }
    memcpy(d->sub_shape, full, (size_t)n * sizeof *full);
    d->sub_ndim = n;
    d->base = nd_dtype_retain(elem);
    d->alignment = elem->alignment;
    return d;
}

static int64_t round_up(int64_t x, int64_t a) { return a > 1 ? (x + a - 1) / a * a : x; }

/* The checks NumPy makes on names, offsets and itemsize, in its order. */
static int check_layout(int n, const char *const *names, const nd_dtype *const *formats, const int64_t *offsets,
                        bool align, int64_t *total, int64_t *maxalign) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (names && names[i] && names[j] && names[i][0] && !strcmp(names[i], names[j]))
                return nd__err(ND_EVALUE, "field '%s' occurs more than once", names[i]);
    int64_t off = 0, end = 0;
    *maxalign = 1;
    for (int i = 0; i < n; i++) {
        const nd_dtype *f = formats[i];
        if (align && f->alignment > *maxalign) *maxalign = f->alignment;
        if (offsets) {
            off = offsets[i];
            if (off < 0) return nd__err(ND_EVALUE, "offset %lld cannot be negative", (long long)off);
            if (off > INT32_MAX) return nd__err(ND_EVALUE, "integer won't fit into a C int");
            if (align && f->alignment > 1 && off % f->alignment)
                return nd__err(ND_EVALUE,
                               "offset %lld for NumPy dtype with fields is not divisible by the field alignment "
                               "%lld with align=True",
                               (long long)off, (long long)f->alignment);
        } else if (align) {
            off = round_up(off, f->alignment);
        }
        if (__builtin_add_overflow(off, f->itemsize, &off) || off > INT32_MAX) /* NumPy's itemsize is a C int */
            return nd__err(ND_EVALUE, "dtype size in bytes must fit into a C int.");
        if (off > end) end = off;
        if (!offsets) end = off;
    }
    *total = align ? round_up(end, *maxalign) : end;
    return 0;
}

const nd_dtype *nd_dtype_struct(int n, const char *const *names, const nd_dtype *const *formats,
                                const int64_t *offsets, int64_t itemsize, bool align) {
    int64_t total = 0, maxalign = 1;
    if (n < 0) {
        nd__err(ND_EVALUE, "negative number of fields");
        return NULL;
    }
    if (check_layout(n, names, formats, offsets, align, &total, &maxalign) < 0) return NULL;
    if (itemsize > 0 && itemsize < total) {
        nd__err(ND_EVALUE, "NumPy dtype descriptor requires %lld bytes, cannot override to smaller itemsize of %lld",
                (long long)total, (long long)itemsize);
        return NULL;
    }
    if (itemsize > 0 && align && itemsize % maxalign) {
        nd__err(ND_EVALUE,
                "NumPy dtype descriptor requires alignment of %lld bytes, which is not divisible into the "
                "specified itemsize %lld",
                (long long)maxalign, (long long)itemsize);
        return NULL;
    }
    nd_dtype *d = void_new(itemsize > 0 ? itemsize : total);
    if (!d) return NULL;
    d->fields = nd__calloc(n ? (size_t)n : 1, sizeof *d->fields);
    if (!d->fields) goto oom;
    d->nfields = 0;
    d->aligned = align;
    d->alignment = maxalign;
    int64_t off = 0;
    for (int i = 0; i < n; i++) {
        nd__field *f = &d->fields[i];
        char auto_name[24];
        const char *nm = names && names[i] && names[i][0] ? names[i] : auto_name;
        snprintf(auto_name, sizeof auto_name, "f%d", i);
        f->name = nd__strdup(nm);
        if (!f->name) goto oom;
        if (offsets)
            off = offsets[i];
        else if (align)
            off = round_up(off, formats[i]->alignment);
        f->offset = off;
        f->dtype = nd_dtype_retain(formats[i]);
        d->nfields++;
        off += formats[i]->itemsize;
    }
    /* An auto name may collide with an explicit one, as in NumPy. */
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (!strcmp(d->fields[i].name, d->fields[j].name)) {
                nd__err(ND_EVALUE, "field '%s' occurs more than once", d->fields[i].name);
                nd__dtype_free(d);
                return NULL;
            }
    return d;
oom:
    nd__dtype_free(d);
    nd__err(ND_ENOMEM, NULL);
    return NULL;
}

int nd_dtype_nfields(const nd_dtype *d) { return nd__is_struct(d) ? d->nfields : -1; }

const nd_dtype *nd_dtype_field(const nd_dtype *d, int i, const char **name, int64_t *offset) {
    if (!nd__is_struct(d) || i < 0 || i >= d->nfields) {
        nd__err(ND_EINDEX, "field index %d out of range", i);
        return NULL;
    }
    if (name) *name = d->fields[i].name;
    if (offset) *offset = d->fields[i].offset;
    return d->fields[i].dtype;
}

int nd_dtype_field_index(const nd_dtype *d, const char *name) {
    if (!nd__is_struct(d) || !name) return -1;
    for (int i = 0; i < d->nfields; i++)
        if (!strcmp(d->fields[i].name, name)) return i;
    return -1;
}

const nd_dtype *nd_dtype_subdtype(const nd_dtype *d, int *ndim, int64_t *shape) {
    if (!d->base) return NULL;
    if (ndim) *ndim = d->sub_ndim;
    if (shape) memcpy(shape, d->sub_shape, (size_t)d->sub_ndim * sizeof *shape);
    return d->base;
}

bool nd_dtype_isalignedstruct(const nd_dtype *d) { return nd__is_struct(d) && d->aligned; }

const nd_dtype *nd__expand_subarray(const nd_dtype *dt, int *ndim, int64_t *shape) {
    if (!dt || !dt->base) return dt;
    if (*ndim + dt->sub_ndim > ND_MAXDIMS) {
        nd__err(ND_EVALUE, "maximum supported dimension for an ndarray is %d, found %d", ND_MAXDIMS,
                *ndim + dt->sub_ndim);
        return NULL;
    }
    memcpy(shape + *ndim, dt->sub_shape, (size_t)dt->sub_ndim * sizeof *shape);
    *ndim += dt->sub_ndim;
    return dt->base;
}

bool nd__refuse_void(const nd_dtype *d, const char *what) {
    if (!nd__is_void(d)) return false;
    char *r = nd_dtype_repr(d);
    nd__err(ND_ETYPE, "%s is not supported for %s", what, r ? r : "void dtypes");
    nd_free(r);
    return true;
}

/* ---- equality and byte order ---- */

bool nd__void_equal(const nd_dtype *a, const nd_dtype *b) {
    if (a->itemsize != b->itemsize || a->nfields != b->nfields || !a->base != !b->base) return false;
    if (a->base) {
        if (a->sub_ndim != b->sub_ndim || !nd_dtype_equal(a->base, b->base)) return false;
        return !memcmp(a->sub_shape, b->sub_shape, (size_t)a->sub_ndim * sizeof *a->sub_shape);
    }
    for (int i = 0; i < a->nfields; i++) {
        const nd__field *x = &a->fields[i], *y = &b->fields[i];
        if (x->offset != y->offset || strcmp(x->name, y->name) || !nd_dtype_equal(x->dtype, y->dtype)) return false;
    }
    return true;
}

/* NumPy's _arraydescr_isnative: fields recurse, but a sub-array dtype's
 * own byte order is '|', so it counts as native whatever its base. */
bool nd__void_isnative(const nd_dtype *d) {
    if (d->base) return true;
    for (int i = 0; i < d->nfields; i++)
        if (!nd_dtype_isnative(d->fields[i].dtype)) return false;
    return true;
}

/* NumPy's newbyteorder on void: every field (and sub-array base) changes. */
const nd_dtype *nd__void_newbyteorder(const nd_dtype *d, char order) {
    if (d->base) {
        const nd_dtype *b = nd_dtype_newbyteorder(d->base, order);
        if (!b) return NULL;
        const nd_dtype *r = nd_dtype_subarray(b, d->sub_ndim, d->sub_shape);
        nd_dtype_release(b);
        return r;
    }
    if (d->nfields < 0) return nd_dtype_retain(d);
    int n = d->nfields;
    const char **names = nd__malloc(((size_t)n + 1) * sizeof *names);
    const nd_dtype **fmts = nd__calloc((size_t)n + 1, sizeof *fmts);
    int64_t *offs = nd__malloc(((size_t)n + 1) * sizeof *offs);
    const nd_dtype *r = NULL;
    if (!names || !fmts || !offs) {
        nd__err(ND_ENOMEM, NULL);
        goto done;
    }
    for (int i = 0; i < n; i++) {
        names[i] = d->fields[i].name;
        offs[i] = d->fields[i].offset;
        if (!(fmts[i] = nd_dtype_newbyteorder(d->fields[i].dtype, order))) goto done;
    }
    nd_dtype *s = (nd_dtype *)nd_dtype_struct(n, names, fmts, offs, d->itemsize, false);
    if (s) {
        s->aligned = d->aligned;
        s->alignment = d->alignment;
    }
    r = s;
done:
    for (int i = 0; fmts && i < n; i++) nd_dtype_release(fmts[i]);
    nd__free_mem(names);
    nd__free_mem(fmts);
    nd__free_mem(offs);
    return r;
}

/* NumPy 1.24's rules as far as nd assigns void data: records cast field
 * by field in position order (names are ignored), a number casts into
 * every field (unsafe only), and only a one-field record casts to a number. */
bool nd__void_can_cast(const nd_dtype *from, const nd_dtype *to, nd_casting casting) {
    bool fs = nd__is_struct(from), ts = nd__is_struct(to);
    if (nd_dtype_equal(from, to)) return casting != ND_CAST_NO || nd_dtype_isnative(from) == nd_dtype_isnative(to);
    if (fs && ts) {
        if (from->nfields != to->nfields) return false;
        bool same_layout = from->itemsize == to->itemsize;
        for (int i = 0; i < from->nfields; i++) {
            if (!nd_can_cast(from->fields[i].dtype, to->fields[i].dtype, casting)) return false;
            same_layout &= from->fields[i].offset == to->fields[i].offset &&
                           !strcmp(from->fields[i].name, to->fields[i].name);
        }
        return casting > ND_CAST_EQUIV || same_layout;
    }
    if (from->base && to->base)
        return from->sub_ndim == to->sub_ndim &&
               !memcmp(from->sub_shape, to->sub_shape, (size_t)from->sub_ndim * sizeof *from->sub_shape) &&
               nd_can_cast(from->base, to->base, casting);
    bool fraw = !fs && !from->base && nd__is_void(from), traw = !ts && !to->base && nd__is_void(to);
    /* Raw bytes take any bytes or number that fits them safely (NumPy's legacy rule). */
    if (traw && !fs && !from->base && casting >= ND_CAST_SAFE &&
        (to->itemsize >= from->itemsize || (fraw && casting >= ND_CAST_SAME_KIND)))
        return true;
    if (casting != ND_CAST_UNSAFE) return false;
    if (fs) return !ts && from->nfields == 1 && nd_can_cast(from->fields[0].dtype, to, casting);
    if (ts || to->base) return true;
    return fraw || traw || from->base;
}

/* ---- text (numpy/core/_dtype.py) ---- */

static void put_shape(nd_sbuf *sb, int n, const int64_t *shape) {
    char buf[ND_MAXDIMS * 24 + 4];
    nd__fmt_shape(buf, sizeof buf, n, shape);
    nd__sb_puts(sb, buf);
}

static void put_name(nd_sbuf *sb, const char *s) { nd__io_repr(sb, s, strlen(s)); }

/* _scalar_str(short=True) of a non-void dtype, or 'V8'. */
static void put_short(nd_sbuf *sb, const nd_dtype *d) {
    if (d->type == ND_BOOL) {
        nd__sb_puts(sb, "'?'");
    } else if (nd__is_void(d)) {
        if (d->itemsize)
            nd__sb_printf(sb, "'V%lld'", (long long)d->itemsize);
        else
            nd__sb_puts(sb, "'V'");
    } else {
        char *s = nd_dtype_str(d);
        if (!s) {
            sb->oom = true;
            return;
        }
        nd__sb_printf(sb, "'%s'", s[0] == '|' ? s + 1 : s);
        nd_free(s);
    }
}

/* _is_packed: fields in order, back to back (with align: C-struct padding). */
static bool is_packed(const nd_dtype *d) {
    int64_t total = 0, maxalign = 1;
    for (int i = 0; i < d->nfields; i++) {
        const nd_dtype *f = d->fields[i].dtype;
        if (d->aligned) {
            total = round_up(total, f->alignment);
            if (f->alignment > maxalign) maxalign = f->alignment;
        }
        if (d->fields[i].offset != total) return false;
        total += f->itemsize;
    }
    if (d->aligned) total = round_up(total, maxalign);
    return total == d->itemsize;
}

static void put_construction(nd_sbuf *sb, const nd_dtype *d, bool include_align);

static void put_struct(nd_sbuf *sb, const nd_dtype *d, bool include_align) {
    if (!(include_align && d->aligned) && is_packed(d)) {
        nd__sb_putc(sb, '[');
        for (int i = 0; i < d->nfields; i++) {
            const nd_dtype *f = d->fields[i].dtype;
            nd__sb_puts(sb, i ? ", (" : "(");
            put_name(sb, d->fields[i].name);
            nd__sb_puts(sb, ", ");
            if (f->base) {
                put_construction(sb, f->base, false);
                nd__sb_puts(sb, ", ");
                put_shape(sb, f->sub_ndim, f->sub_shape);
            } else {
                put_construction(sb, f, false);
            }
            nd__sb_putc(sb, ')');
        }
        nd__sb_putc(sb, ']');
        return;
    }
    nd__sb_puts(sb, "{'names': [");
    for (int i = 0; i < d->nfields; i++) {
        if (i) nd__sb_puts(sb, ", ");
        put_name(sb, d->fields[i].name);
    }
    nd__sb_puts(sb, "], 'formats': [");
    for (int i = 0; i < d->nfields; i++) {
        if (i) nd__sb_puts(sb, ", ");
        put_construction(sb, d->fields[i].dtype, false);
    }
    nd__sb_puts(sb, "], 'offsets': [");
    for (int i = 0; i < d->nfields; i++) nd__sb_printf(sb, i ? ", %lld" : "%lld", (long long)d->fields[i].offset);
    nd__sb_printf(sb, "], 'itemsize': %lld", (long long)d->itemsize);
    nd__sb_puts(sb, include_align && d->aligned ? ", 'aligned': True}" : "}");
}

/* _construction_repr(short=True). */
static void put_construction(nd_sbuf *sb, const nd_dtype *d, bool include_align) {
    if (nd__is_struct(d)) {
        put_struct(sb, d, include_align);
    } else if (d->base) {
        nd__sb_putc(sb, '(');
        put_construction(sb, d->base, false);
        nd__sb_puts(sb, ", ");
        put_shape(sb, d->sub_ndim, d->sub_shape);
        nd__sb_putc(sb, ')');
    } else {
        put_short(sb, d);
    }
}

void nd__dtype_repr_arg(nd_sbuf *sb, const nd_dtype *d) {
    put_construction(sb, d, false);
    if (nd__is_struct(d) && d->aligned) nd__sb_puts(sb, ", align=True");
}

char *nd__void_repr(const nd_dtype *d) {
    nd_sbuf sb = {0};
    nd__sb_puts(&sb, "dtype(");
    nd__dtype_repr_arg(&sb, d);
    nd__sb_putc(&sb, ')');
    return nd__sb_finish(&sb);
}

char *nd_dtype_text(const nd_dtype *d) {
    nd_sbuf sb = {0};
    if (nd__is_struct(d)) {
        put_struct(&sb, d, true);
    } else if (d->base) {
        put_construction(&sb, d, false);
    } else if (nd__is_void(d) || !nd_dtype_isnative(d)) {
        char *s = nd_dtype_str(d);
        if (!s) return NULL;
        return s;
    } else {
        nd__sb_puts(&sb, nd_dtype_name(d));
    }
    char *r = nd__sb_finish(&sb);
    if (!r) nd__err(ND_ENOMEM, NULL);
    return r;
}

/* _array_descr of one field's dtype. */
static int put_descr(nd_sbuf *sb, const nd_dtype *d) {
    if (!nd__is_struct(d)) {
        char *s = nd_dtype_str(d);
        if (!s) return ND_ENOMEM;
        nd__sb_printf(sb, "'%s'", s);
        nd_free(s);
        return 0;
    }
    int64_t off = 0;
    bool first = true;
    nd__sb_putc(sb, '[');
    for (int i = 0; i < d->nfields; i++) {
        const nd__field *f = &d->fields[i];
        if (f->offset < off)
            return nd__err(ND_EVALUE,
                           "dtype.descr is not defined for types with overlapping or out-of-order fields");
        if (f->offset > off) {
            nd__sb_printf(sb, "%s('', '|V%lld')", first ? "" : ", ", (long long)(f->offset - off));
            first = false;
        }
        nd__sb_puts(sb, first ? "(" : ", (");
        first = false;
        put_name(sb, f->name);
        nd__sb_puts(sb, ", ");
        const nd_dtype *fd = f->dtype->base ? f->dtype->base : f->dtype;
        if (put_descr(sb, fd) < 0) return -1;
        if (f->dtype->base) {
            nd__sb_puts(sb, ", ");
            put_shape(sb, f->dtype->sub_ndim, f->dtype->sub_shape);
        }
        nd__sb_putc(sb, ')');
        off = f->offset + f->dtype->itemsize;
    }
    if (d->itemsize > off) nd__sb_printf(sb, "%s('', '|V%lld')", first ? "" : ", ", (long long)(d->itemsize - off));
    nd__sb_putc(sb, ']');
    return 0;
}

char *nd_dtype_descr(const nd_dtype *d) {
    nd_sbuf sb = {0};
    if (put_descr(&sb, d) < 0) {
        nd__free_mem(nd__sb_finish(&sb));
        return NULL;
    }
    char *r = nd__sb_finish(&sb);
    if (!r) nd__err(ND_ENOMEM, NULL);
    return r;
}

/* Do d's fields (nested ones included) leave bytes of an item uncovered?
 * A multi-field view's dtype does (a[['a', 'c']] skips 'b'), and a copy
 * into it must not write those bytes: they belong to other fields. */
bool nd__dtype_has_holes(const nd_dtype *d) {
    if (!nd__is_struct(d)) return false;
    int64_t covered = 0, end = 0;
    for (int i = 0; i < d->nfields; i++) { /* fields need not be in offset order */
        const nd__field *f = &d->fields[i];
        if (nd__dtype_has_holes(f->dtype)) return true;
        covered += f->dtype->itemsize;
        if (f->offset + f->dtype->itemsize > end) end = f->offset + f->dtype->itemsize;
    }
    if (end != d->itemsize || covered < d->itemsize) return true;
    if (covered == d->itemsize) { /* no overlap possible unless some byte is covered twice */
        for (int i = 0; i < d->nfields; i++)
            for (int j = i + 1; j < d->nfields; j++) {
                const nd__field *a = &d->fields[i], *b = &d->fields[j];
                if (a->offset < b->offset + b->dtype->itemsize && b->offset < a->offset + a->dtype->itemsize)
                    return true;
            }
        return false;
    }
    return true; /* overlapping fields: treat as holey, copy field by field */
}
