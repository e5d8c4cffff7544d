/* view_case_util.h — runs the op chains of view_cases.h (see
 * gen_view_cases.py for the syntax) through nd and formats the result the
 * way the generator formats NumPy's: ndim, shape, strides, dtype name,
 * data offset from the root's buffer (or "copy"), flags, base, values. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

struct view_case {
    const char *dtype, *shape, *chain, *expect;
};

static int vc_ints(const char *s, int64_t *out, int cap) {
    int n = 0;
    while (*s && *s != ';' && n < cap) {
        out[n++] = strtoll(s, (char **)&s, 10);
        if (*s == ',')
            s++;
    }
    return n;
}

static int vc_axes(const char *s, int *out) {
    int64_t v[64];
    int n = vc_ints(s, v, 64);
    for (int i = 0; i < n; i++)
        out[i] = (int)v[i];
    return n;
}

/* One op; via_subscript runs index strings through nd_index_parse and
 * nd_subscript instead of nd_index. */
static nd_array *vc_apply(nd_array *x, const char *op, bool via_subscript) {
    int64_t v[64];
    int ax[64], ax2[64];
    const char *arg = strchr(op, ' ') ? strchr(op, ' ') + 1 : "";
    if (op[0] == 'I') {
        if (!via_subscript)
            return nd_index(x, arg);
        nd_idx t[64];
        int n = nd_index_parse(arg, t, 64);
        if (n == ND_EVALUE && strncmp(nd_errmsg(), "index has", 9) == 0)
            return nd_index(x, arg);
        return n < 0 ? NULL : nd_subscript(x, n, t);
    }
    if (!strncmp(op, "RS", 2))
        return nd_reshape(x, vc_ints(arg + 3, v, 64), v, arg[0], (nd_copymode)(arg[1] - '0'));
    if (!strncmp(op, "RV", 2))
        return nd_ravel(x, arg[0], (nd_copymode)(arg[1] - '0'));
    if (!strncmp(op, "FL", 2))
        return nd_flatten(x, arg[0]);
    if (!strncmp(op, "TR", 2))
        return *arg ? (vc_axes(arg, ax), nd_transpose(x, ax)) : nd_transpose(x, NULL);
    if (!strncmp(op, "SA", 2))
        return vc_axes(arg, ax), nd_swapaxes(x, ax[0], ax[1]);
    if (!strncmp(op, "MA", 2)) {
        int n = vc_axes(arg, ax);
        vc_axes(strchr(arg, ';') + 1, ax2);
        return nd_moveaxis(x, n, ax, ax2);
    }
    if (!strncmp(op, "SQ", 2))
        return strchr(op, ' ') ? nd_squeeze(x, vc_axes(arg, ax), ax) : nd_squeeze(x, 0, NULL);
    if (!strncmp(op, "ED", 2))
        return nd_expand_dims(x, vc_axes(arg, ax), ax);
    if (!strncmp(op, "VD", 2)) {
        const nd_dtype *d = nd_dtype_parse(arg);
        nd_array *r = nd_view_dtype(x, d);
        nd_dtype_release(d);
        return r;
    }
    if (!strncmp(op, "BT", 2))
        return nd_broadcast_to(x, vc_ints(arg, v, 64), v);
    if (!strncmp(op, "SW", 2)) {
        int n = vc_ints(arg, v, 64);
        const char *semi = strchr(arg, ';');
        if (semi)
            vc_axes(semi + 1, ax);
        return nd_sliding_window_view(x, n, v, semi ? ax : NULL, op[2] == 'W');
    }
    fprintf(stderr, "view_case_util: bad op '%s'\n", op);
    abort();
}

static void vc_format(char *out, size_t cap, const nd_array *root, const nd_array *r, bool showbase) {
    size_t k = 0;
#define VC_PUT(...) k += (size_t)snprintf(out + k, k < cap ? cap - k : 0, __VA_ARGS__)
    VC_PUT("%d (", nd_ndim(r));
    for (int i = 0; i < nd_ndim(r); i++)
        VC_PUT("%" PRId64 ",", nd_shape(r)[i]);
    VC_PUT(") (");
    for (int i = 0; i < nd_ndim(r); i++)
        VC_PUT("%" PRId64 ",", nd_strides(r)[i]);
    VC_PUT(") %s ", nd_dtype_name(nd_array_dtype(r)));
    if (nd_array_buf(r) == nd_array_buf(root))
        VC_PUT("off=%td ", (char *)nd_data(r) - (char *)nd_buf_data(nd_array_buf(root)));
    else
        VC_PUT("copy ");
    int f = nd_flags(r);
    VC_PUT("%c%c%c%c%c ", f & ND_C_CONTIGUOUS ? 'C' : 'c', f & ND_F_CONTIGUOUS ? 'F' : 'f',
           f & ND_WRITEABLE ? 'W' : 'w', f & ND_OWNDATA ? 'O' : 'o', f & ND_ALIGNED ? 'A' : 'a');
    if (showbase)
        VC_PUT("%s ", nd_base(r) == root ? "root" : nd_base(r) ? "other" : "none");
    int64_t n = nd_size(r);
    if (n <= 40) {
        nd_value vals[40];
        nd_export(r, vals);
        VC_PUT("[");
        for (int64_t i = 0; i < n; i++) {
            nd_type t = vals[i].type;
            bool u = t == ND_UINT8 || t == ND_UINT16 || t == ND_UINT32 || t == ND_UINT64;
            VC_PUT("%lld,", u ? (long long)vals[i].u : (long long)vals[i].i);
        }
        VC_PUT("]");
    }
#undef VC_PUT
}

/* Run one case; out receives the formatted result or "EXC Class: msg". */
static void vc_run(const struct view_case *c, bool via_subscript, char *out, size_t cap) {
    int64_t shape[8];
    int nd = vc_ints(c->shape, shape, 8);
    int64_t size = 1;
    for (int i = 0; i < nd; i++)
        size *= shape[i];
    const nd_dtype *dt = nd_dtype_parse(c->dtype);
    nd_array *root = nd_arange(0, size, 1, dt);
    nd_dtype_release(dt);
    nd_array *cur = nd_reshape(root, nd, shape, 'C', ND_COPY_IF_NEEDED);
    char chain[512], *save = NULL;
    snprintf(chain, sizeof chain, "%s", c->chain);
    bool showbase = true;
    for (char *op = strtok_r(chain, "|", &save); op && cur; op = strtok_r(NULL, "|", &save)) {
        if (!strncmp(op, "SW", 2))
            showbase = false;
        nd_array *next = vc_apply(cur, op, via_subscript);
        nd_release(cur);
        cur = next;
    }
    if (!cur) {
        const char *m = nd_errmsg();
        snprintf(out, cap, "EXC %s: %s", nd_errclass(), strncmp(m, "invalid index syntax", 20) ? m : "syntax");
    } else {
        vc_format(out, cap, root, cur, showbase);
        nd_release(cur);
    }
    nd_release(root);
}

/* The cases whose last op starts with one of the space-separated prefixes. */
static bool vc_selected(const struct view_case *c, const char *prefixes) {
    const char *last = strrchr(c->chain, '|');
    last = last ? last + 1 : c->chain;
    char pre[8];
    for (const char *p = prefixes; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(pre, sizeof pre, "%.*s", (int)n, p);
        if (n && !strncmp(last, pre, n) &&
            (last[n] == ' ' || last[n] == 0 || (n == 2 && pre[0] == 'S' && pre[1] == 'W')))
            return true;
        p += n;
        while (*p == ' ')
            p++;
    }
    return false;
}

/* Returns the number of mismatches (each printed) among the selected cases;
 * *ran receives how many ran. */
static int vc_check_all(const struct view_case *cases, size_t ncases, const char *prefixes, bool via_subscript,
                        int *ran) {
    int bad = 0;
    *ran = 0;
    char got[2048];
    for (size_t i = 0; i < ncases; i++) {
        if (!vc_selected(&cases[i], prefixes))
            continue;
        (*ran)++;
        vc_run(&cases[i], via_subscript, got, sizeof got);
        if (strcmp(got, cases[i].expect) != 0) {
            if (bad < 20)
                printf("case %zu: %s | %s\n  numpy: %s\n  nd:    %s\n", i, cases[i].dtype, cases[i].chain,
                       cases[i].expect, got);
            bad++;
        }
    }
    return bad;
}
