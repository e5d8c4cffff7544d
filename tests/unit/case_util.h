/* case_util.h — shared by test_join.c, test_sort.c, test_setops.c,
 * test_clip.c, test_compare.c: builds the inputs gen_join_cases.py
 * describes and checks results against NumPy's (dtype, shape, strides,
 * base, FNV-1a of the C-order bytes, or error class and message). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

struct in_spec {
    int dtype; /* -1: no operand (None) */
    const char *shape;
    int seed, scale;
    const char *flags, *view, *vals;
};

struct nd_case {
    const char *op;
    int nin;
    struct in_spec in[4];
    int nints;
    long long ints[8];
    int nints2;
    long long ints2[8];
    const char *kind;
    double fargs[2];
    int rtype, rndim; /* rtype -2: an int result held in rhash */
    const char *rshape, *rstrides;
    unsigned long long rhash;
    long long rlen;
    int rbase;
    const char *err, *msg;
};

static int parse_ints(const char *s, int64_t *out) {
    int n = 0;
    while (*s) {
        out[n++] = strtoll(s, (char **)&s, 10);
        if (*s == ',') s++;
    }
    return n;
}

/* gen_join_cases.py's base() and view(). */
static nd_array *make_input(const struct in_spec *sp) {
    int64_t shape[8], n = 1;
    int nd = parse_ints(sp->shape, shape);
    for (int i = 0; i < nd; i++) n *= shape[i];
    const nd_dtype *d = nd_dtype_of((nd_type)sp->dtype);
    bool cplx = nd_dtype_kind(d) == 'c';
    nd_array *f;
    if (sp->vals) {
        double v[64][2];
        int64_t k = 0;
        for (const char *s = sp->vals; *s; k++) {
            char *e;
            v[k][0] = strtod(s, &e);
            v[k][1] = 0;
            if (*e == '+' || (*e == '-' && e[1] != 0 && e != s)) {
                v[k][1] = strtod(e, &e);
                if (*e == 'j') e++;
            }
            s = *e == ',' ? e + 1 : e;
        }
        f = nd_empty(nd, shape, nd_dtype_of(cplx ? ND_COMPLEX128 : ND_FLOAT64), 'C');
        double *p = nd_data(f);
        for (int64_t i = 0; i < k; i++) {
            if (cplx) memcpy(p + 2 * i, v[i], 16);
            else p[i] = v[i][0];
        }
    } else {
        f = nd_empty(nd, shape, nd_dtype_of(cplx ? ND_COMPLEX128 : ND_FLOAT64), 'C');
        double *p = nd_data(f);
        for (int64_t i = 0; i < n; i++) {
            double re = floor(sin((double)i * 0.37 + sp->seed) * sp->scale) + 0.0;
            if (strchr(sp->flags, 'z') && re == 0 && i % 2) re = -0.0;
            if (strchr(sp->flags, 'n') && i % 7 == 3) re = NAN;
            if (cplx) {
                double im = floor(cos((double)i * 0.11 + sp->seed) * sp->scale) + 0.0;
                if (strchr(sp->flags, 'n') && i % 5 == 2) im = NAN;
                p[2 * i] = re;
                p[2 * i + 1] = im;
            } else {
                p[i] = re;
            }
        }
    }
    /* As NumPy's v.astype(dtype).reshape(shape): 1-d, then reshaped. */
    nd_array *flat = nd_reshape(f, 1, &n, 'C', ND_COPY_NEVER);
    nd_array *a1 = nd_astype(flat, d, 'C', ND_CAST_UNSAFE, true), *v;
    nd_array *a = nd_reshape(a1, nd, shape, 'C', ND_COPY_NEVER);
    nd_release(a1);
    nd_release(flat);
    nd_release(f);
    const char *w = sp->view;
    if (!w[0]) return a;
    if (!strcmp(w, "T")) v = nd_transpose(a, NULL);
    else if (!strcmp(w, "F")) v = nd_asfortranarray(a);
    else if (!strcmp(w, "S")) {
        const nd_dtype *sw = nd_dtype_newbyteorder(d, 'S');
        v = nd_astype(a, sw, 'K', ND_CAST_UNSAFE, true);
        nd_dtype_release(sw);
    } else v = nd_index(a, w);
    nd_release(a);
    return v;
}

static unsigned long long fnv1a(const unsigned char *p, size_t n) {
    unsigned long long h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

/* Run one case: runner returns 0 with *r set, 1 with *ival set, or <0 on
 * error.  Writes a reason into why when the case differs from NumPy. */
typedef int (*case_runner)(const struct nd_case *c, nd_array **in, nd_array **r, int *ival);

static void check_case(const struct nd_case *c, case_runner run, char *why, size_t cap) {
    nd_array *in[4] = {NULL, NULL, NULL, NULL}, *r = NULL;
    int ival = 0;
    why[0] = 0;
    for (int i = 0; i < c->nin; i++)
        if (c->in[i].dtype >= 0 && !(in[i] = make_input(&c->in[i]))) {
            snprintf(why, cap, "input %d: %s", i, nd_errmsg());
            goto done;
        }
    int rc = run(c, in, &r, &ival);
    if (c->err) {
        if (rc >= 0) snprintf(why, cap, "expected %s: %s", c->err, c->msg);
        else if (strcmp(nd_errclass(), c->err) || strcmp(nd_errmsg(), c->msg))
            snprintf(why, cap, "got %s: %s | want %s: %s", nd_errclass(), nd_errmsg(), c->err, c->msg);
    } else if (rc < 0) {
        snprintf(why, cap, "error %s: %s", nd_errclass(), nd_errmsg());
    } else if (c->rtype == -2) {
        if (rc != 1 || (unsigned long long)ival != c->rhash) snprintf(why, cap, "got %d want %llu", ival, c->rhash);
    } else if (rc != 0) {
        snprintf(why, cap, "int result for an array case");
    } else {
        int64_t sh[40], st[40];
        int ns = parse_ints(c->rshape, sh), nt = parse_ints(c->rstrides, st);
        size_t len = 0;
        char *bytes = nd_tobytes(r, 'C', &len);
        unsigned long long h = bytes ? fnv1a((unsigned char *)bytes, len) : 0;
        nd_free(bytes);
        char gs[200], ws[200];
        if ((int)nd_dtype_type(nd_array_dtype(r)) != c->rtype) {
            snprintf(why, cap, "dtype %s", nd_dtype_name(nd_array_dtype(r)));
        } else if (nd_ndim(r) != c->rndim || ns != c->rndim || memcmp(nd_shape(r), sh, (size_t)ns * 8)) {
            snprintf(why, cap, "ndim %d shape %lld.. want %s", nd_ndim(r), nd_ndim(r) ? (long long)nd_shape(r)[0] : -1LL,
                     c->rshape);
        } else if (nt != c->rndim || memcmp(nd_strides(r), st, (size_t)nt * 8)) {
            int o = 0;
            for (int i = 0; i < nd_ndim(r); i++) o += snprintf(gs + o, sizeof gs - (size_t)o, "%lld,", (long long)nd_strides(r)[i]);
            snprintf(ws, sizeof ws, "%s", c->rstrides);
            snprintf(why, cap, "strides %s want %s", gs, ws);
        } else if ((long long)len != c->rlen || h != c->rhash) {
            char *s = nd_repr(r);
            snprintf(why, cap, "bytes differ: %.200s", s ? s : "?");
            nd_free(s);
        } else if ((nd_base(r) != NULL) != c->rbase) {
            snprintf(why, cap, "base %s, want %s", nd_base(r) ? "set" : "NULL", c->rbase ? "set" : "NULL");
        }
    }
done:
    nd_release(r);
    for (int i = 0; i < 4; i++) nd_release(in[i]);
}

static size_t run_all(const struct nd_case *cases, size_t n, case_runner run) {
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        char why[600];
        check_case(&cases[i], run, why, sizeof why);
        if (why[0] && bad++ < 40) {
            fprintf(stderr, "case %zu %s(", i, cases[i].op);
            for (int k = 0; k < cases[i].nin; k++)
                fprintf(stderr, "%s%s[%s]%s ", cases[i].in[k].dtype < 0 ? "None" : nd_dtype_name(nd_dtype_of((nd_type)cases[i].in[k].dtype)),
                        cases[i].in[k].shape[0] || cases[i].in[k].dtype < 0 ? "" : "()", cases[i].in[k].shape,
                        cases[i].in[k].view);
            fprintf(stderr, "ints=%lld,%lld kind=%s): %s\n", cases[i].ints[0], cases[i].nints > 1 ? cases[i].ints[1] : 0,
                    cases[i].kind ? cases[i].kind : "-", why);
        }
    }
    if (bad) fprintf(stderr, "%zu of %zu cases differ from NumPy\n", bad, n);
    return bad;
}
