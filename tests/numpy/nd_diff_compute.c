/* nd_diff_compute.c — the compute ops (issue 3) of the nd_diff driver:
 * ufuncs, reductions, advanced indexing, joining/sorting/sets.  Op formats
 * are documented at the top of cases.py; every operand spec is a register
 * number, a Python-scalar spec (i: f: c: b:) or "-". */
#include "nd_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_reg(const char *s) {
    if (!*s) return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return false;
    return true;
}

/* A Python scalar as nd_scalar: ints beyond int64 become uint64, as NumPy. */
static nd_array *scalar_of(const char *s, bool *bad) {
    const char *v = s + 2;
    nd_value x;
    if (s[0] == 'i' && v[0] == '-') {
        x = ND_I64(strtoll(v, NULL, 10));
    } else if (s[0] == 'i') {
        uint64_t u = strtoull(v, NULL, 10);
        x = u > INT64_MAX ? ND_U64(u) : ND_I64((int64_t)u);
    } else if (s[0] == 'f') {
        x = ND_F64(strtod(v, NULL));
    } else if (s[0] == 'c') {
        char *end;
        double re = strtod(v, &end);
        x = ND_C128(re, *end == ',' ? strtod(end + 1, NULL) : 0.0);
    } else if (s[0] == 'b') {
        x = ND_BOOLV(v[0] == '1');
    } else {
        *bad = true;
        return NULL;
    }
    return nd_scalar(x, NULL);
}

/* The operand of a spec: a new ref, or NULL for "-" / an error. */
static nd_array *operand(driver *d, const char *s, bool *bad) {
    if (!strcmp(s, "-")) return NULL;
    if (is_reg(s)) {
        long r = strtol(s, NULL, 10);
        return r < NREG ? nd_retain(d->reg[r]) : NULL;
    }
    if (s[1] != ':') {
        *bad = true;
        return NULL;
    }
    return scalar_of(s, bad);
}

/* Every register the op reads (spec args, {k} placeholders) is alive? */
static bool regs_alive(const driver *d, const toks *t, int first, int last, const char *expr) {
    for (int i = first; i <= last && i < t->n; i++)
        if (is_reg(t->tok[i]) && (atoi(t->tok[i]) >= NREG || !d->reg[atoi(t->tok[i])])) return false;
    for (const char *p = expr ? strchr(expr, '{') : NULL; p; p = strchr(p + 1, '{')) {
        long k = strtol(p + 1, NULL, 10);
        if (k < 0 || k >= NREG || !d->reg[k]) return false;
    }
    return true;
}

/* AXES: "*" (None: naxes -1), "<int>", or "t<a1>,<a2>..." (maybe empty). */
static int parse_axes(const char *s, int *ax) {
    if (!strcmp(s, "*")) return -1;
    if (s[0] != 't') {
        ax[0] = atoi(s);
        return 1;
    }
    int n = 0;
    for (const char *p = s + 1; *p && n < ND_MAXDIMS + 2;) {
        char *end;
        ax[n++] = (int)strtol(p, &end, 10);
        p = *end == ',' ? end + 1 : end;
        if (end == p && *p) break;
    }
    return n;
}

static int one_axis(const char *s) { return !strcmp(s, "*") ? ND_AXIS_NONE : atoi(s); }

/* red NAME AXES KEEP DDOF DT */
static nd_array *run_red(nd_array *a, const toks *t, bool *bad) {
    if (t->n < 9) {
        *bad = true;
        return NULL;
    }
    const char *name = t->tok[4];
    int ax[ND_MAXDIMS + 2];
    int n = parse_axes(t->tok[5], ax);
    bool keep = t->tok[6][0] == '1';
    int64_t ddof = strtoll(t->tok[7], NULL, 10);
    const nd_dtype *dt = NULL;
    if (strcmp(t->tok[8], "-") && !(dt = nd_dtype_parse(t->tok[8]))) return NULL;
    const int *axes = n < 0 ? NULL : ax;
    int one = one_axis(t->tok[5]);
    /* NumPy's ufunc.reduce lets an integer axis 0/-1 through on a 0-d array
     * (a tuple is checked); the C API is the tuple form, so callers drop it. */
    bool ufunc_reduce = strcmp(name, "mean") && strcmp(name, "var") && strcmp(name, "std") &&
                        strcmp(name, "count_nonzero");
    if (ufunc_reduce && nd_ndim(a) == 0 && t->tok[5][0] != 't' && n == 1 && (ax[0] == 0 || ax[0] == -1)) n = 0;
    nd_array *r = NULL;
    if (!strcmp(name, "sum")) r = nd_sum(a, n, axes, keep, dt);
    else if (!strcmp(name, "prod")) r = nd_prod(a, n, axes, keep, dt);
    else if (!strcmp(name, "amin")) r = nd_amin(a, n, axes, keep);
    else if (!strcmp(name, "amax")) r = nd_amax(a, n, axes, keep);
    else if (!strcmp(name, "mean")) r = nd_mean(a, n, axes, keep, dt);
    else if (!strcmp(name, "var")) r = nd_var(a, n, axes, ddof, keep, dt);
    else if (!strcmp(name, "std")) r = nd_std(a, n, axes, ddof, keep, dt);
    else if (!strcmp(name, "any")) r = nd_any(a, n, axes, keep);
    else if (!strcmp(name, "all")) r = nd_all(a, n, axes, keep);
    else if (!strcmp(name, "count_nonzero")) r = nd_count_nonzero(a, n, axes, keep);
    else if (!strcmp(name, "argmin")) r = nd_argmin(a, one, keep);
    else if (!strcmp(name, "argmax")) r = nd_argmax(a, one, keep);
    else if (!strcmp(name, "cumsum")) r = nd_cumsum(a, one, dt);
    else if (!strcmp(name, "cumprod")) r = nd_cumprod(a, one, dt);
    else *bad = true;
    nd_dtype_release(dt);
    return r;
}

/* ufunc NAME B OUT SWAP */
static nd_array *run_ufunc(driver *d, nd_array *a, const toks *t, bool *bad) {
    int op = t->n >= 8 ? nd_ufunc_lookup(t->tok[4]) : -1;
    if (op < 0) {
        *bad = true;
        return NULL;
    }
    nd_array *b = operand(d, t->tok[5], bad), *out = operand(d, t->tok[6], bad), *r = NULL;
    const nd_array *x = a, *y = b;
    if (t->tok[7][0] == '1') {
        x = b;
        y = a;
    }
    if (!*bad && (b || !strcmp(t->tok[5], "-")) && (out || !strcmp(t->tok[6], "-")))
        r = nd_apply((nd_ufunc)op, x, y, out);
    nd_release(b);
    nd_release(out);
    return r;
}

static nd_array *run_nonzero(nd_array *a, int k) {
    nd_array *out[ND_MAXDIMS + 1] = {0};
    int n = nd_ndim(a) > 0 ? nd_ndim(a) : 1;
    if (nd_nonzero(a, out) < 0) return NULL;
    nd_array *r = NULL;
    for (int i = 0; i < n; i++) {
        if (i == k)
            r = out[i];
        else
            nd_release(out[i]);
    }
    return r;
}

static nd_array *run_unique(nd_array *a, int flags, int which) {
    nd_array *extra[4] = {0};
    nd_array *v = nd_unique(a, flags, &extra[1], &extra[2], &extra[3]);
    if (!v) return NULL;
    extra[0] = v;
    nd_array *r = NULL;
    for (int i = 0; i < 4; i++) {
        if (i == which)
            r = extra[i];
        else
            nd_release(extra[i]);
    }
    return r;
}

/* Ops whose args (from token 4 on) hold operand specs: first..last. */
static const struct {
    const char *name;
    int first, last, ntok;
} specs[] = {
    {"ufunc", 5, 6, 8},   {"red", 0, -1, 9},       {"getitem", 0, -1, 4},  {"setitem", 4, 4, 5},
    {"nonzero", 0, -1, 5}, {"where", 4, 5, 6},      {"take", 4, 4, 6},      {"compress", 4, 4, 6},
    {"concat", 4, 4, 6},  {"stack", 4, 4, 6},      {"sort", 0, -1, 6},     {"argsort", 0, -1, 6},
    {"unique", 0, -1, 6}, {"clip", 4, 6, 7},       {"isclose", 4, 4, 6},   {"allclose", 4, 4, 6},
    {"array_equal", 4, 4, 6},
};

static nd_array *run_two(driver *d, nd_array *a, const toks *t, bool *bad) {
    const char *op = t->tok[3];
    nd_array *b = operand(d, t->tok[4], bad), *r = NULL;
    if (*bad || !b) {
        nd_release(b);
        return NULL;
    }
    if (!strcmp(op, "take")) r = nd_take(a, b, one_axis(t->tok[5]));
    else if (!strcmp(op, "compress")) r = nd_compress(b, a, one_axis(t->tok[5]));
    else if (!strcmp(op, "isclose")) r = nd_isclose(a, b, 1e-5, 1e-8, t->tok[5][0] == '1');
    else {
        const nd_array *both[2] = {a, b};
        if (!strcmp(op, "concat"))
            r = nd_concatenate(2, both, one_axis(t->tok[5]));
        else
            r = nd_stack(2, both, one_axis(t->tok[5]));
    }
    nd_release(b);
    return r;
}

/* Ops that print res=: setitem, allclose, array_equal. */
static void run_res(driver *d, nd_array *a, const toks *t, bool *bad) {
    const char *op = t->tok[3];
    nd_array *b = operand(d, t->tok[4], bad);
    int rc = -1;
    if (*bad) {
        nd_release(b);
        return;
    }
    if (!b)
        rc = -1;
    else if (!strcmp(op, "setitem"))
        rc = nd_setitem_str(a, t->rest5, d->reg, NREG, b);
    else if (!strcmp(op, "allclose"))
        rc = nd_allclose(a, b, 1e-5, 1e-8, t->tok[5][0] == '1');
    else
        rc = nd_array_equal(a, b, t->tok[5][0] == '1');
    nd_release(b);
    if (rc < 0)
        put_err_fields();
    else if (!strcmp(op, "setitem"))
        fputs("res=ok", stdout);
    else
        printf("res=%d", rc);
}

static nd_array *run_clip_where(driver *d, nd_array *a, const toks *t, bool *bad) {
    bool clip = !strcmp(t->tok[3], "clip");
    nd_array *x = operand(d, t->tok[4], bad), *y = operand(d, t->tok[5], bad);
    nd_array *out = clip ? operand(d, t->tok[6], bad) : NULL, *r = NULL;
    if (!*bad) r = clip ? nd_clip(a, x, y, out) : nd_where(a, x, y);
    nd_release(x);
    nd_release(y);
    nd_release(out);
    return r;
}

int nd_diff_compute(driver *d, nd_array *a, const toks *t, nd_array **r) {
    const char *op = t->tok[3];
    int s = -1;
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        if (!strcmp(op, specs[i].name)) s = (int)i;
    if (s < 0) return CMP_NOT_MINE;
    if (t->n < specs[s].ntok) return CMP_BAD;
    const char *expr = !strcmp(op, "getitem") ? t->rest4 : !strcmp(op, "setitem") ? t->rest5 : NULL;
    if (!regs_alive(d, t, specs[s].first, specs[s].last, expr)) return CMP_SKIP;
    bool bad = false;
    *r = NULL;
    if (!strcmp(op, "setitem") || !strcmp(op, "allclose") || !strcmp(op, "array_equal")) {
        run_res(d, a, t, &bad);
        return bad ? CMP_BAD : CMP_PRINTED;
    }
    if (!strcmp(op, "ufunc")) *r = run_ufunc(d, a, t, &bad);
    else if (!strcmp(op, "red")) *r = run_red(a, t, &bad);
    else if (!strcmp(op, "getitem")) *r = nd_index_arrays(a, t->rest4, d->reg, NREG);
    else if (!strcmp(op, "nonzero")) *r = run_nonzero(a, atoi(t->tok[4]));
    else if (!strcmp(op, "where") || !strcmp(op, "clip")) *r = run_clip_where(d, a, t, &bad);
    else if (!strcmp(op, "sort") || !strcmp(op, "argsort")) {
        const char *kind = strcmp(t->tok[5], "-") ? t->tok[5] : NULL;
        *r = op[0] == 's' ? nd_sort(a, one_axis(t->tok[4]), kind) : nd_argsort(a, one_axis(t->tok[4]), kind);
    } else if (!strcmp(op, "unique")) *r = run_unique(a, atoi(t->tok[4]), atoi(t->tok[5]));
    else *r = run_two(d, a, t, &bad);
    if (bad) {
        nd_release(*r);
        *r = NULL;
        return CMP_BAD;
    }
    return CMP_ARRAY;
}
