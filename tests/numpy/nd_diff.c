/* nd_diff.c — the libnd side of the NumPy differential test.
 *
 * Reads a case file (format in cases.py), runs every case through the
 * public API and prints, for each step, the same canonical line ref.py
 * prints from NumPy.  run_diff.py compares the two outputs.
 *
 * Usage: nd_diff [--no-text] [--from ID] CASEFILE
 *   --no-text  skip str/repr (faster; run_diff.py passes it when those
 *              checks are off)
 *   --from ID  skip cases before ID (run_diff.py restarts after a crash)
 *
 * stdout is flushed after every case so a crash loses at most the case
 * that crashed; "done <id>" marks a finished case.
 */
#include "nd_diff.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ output */

static void put_esc(const char *s) {
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\\\", stdout);
        else if (*s == '\n')
            fputs("\\n", stdout);
        else if (*s == '\t')
            fputs("\\t", stdout);
        else
            putchar(*s);
    }
}

void put_err_fields(void) {
    printf("err=%s\tmsg=", nd_errclass());
    put_esc(nd_errmsg());
}

/* Python's repr of a tuple of ints: "()", "(3,)", "(2, 3)". */
static void put_tuple(int n, const int64_t *v) {
    putchar('(');
    for (int i = 0; i < n; i++) printf(i ? ", %lld" : "%lld", (long long)v[i]);
    if (n == 1) putchar(',');
    putchar(')');
}

static void put_text_field(const char *name, char *s) {
    printf("\t%s=", name);
    if (!s) {
        printf("E:%s", nd_errclass());
        return;
    }
    put_esc(s);
    nd_free(s);
}

static void put_flags(int f) {
    putchar(f & ND_C_CONTIGUOUS ? 'C' : '-');
    putchar(f & ND_F_CONTIGUOUS ? 'F' : '-');
    putchar(f & ND_OWNDATA ? 'O' : '-');
    putchar(f & ND_WRITEABLE ? 'W' : '-');
    putchar(f & ND_ALIGNED ? 'A' : '-');
}

/* The fields of cases.describe(): src NULL means "same" is not applicable. */
static void describe(const driver *d, nd_array *a, const nd_array *src, bool has_src) {
    char *ds = nd_dtype_str(nd_array_dtype(a));
    printf("dt=%s\tshape=", ds ? ds : "E:");
    nd_free(ds);
    put_tuple(nd_ndim(a), nd_shape(a));
    fputs("\tstrides=", stdout);
    put_tuple(nd_ndim(a), nd_strides(a));
    long long off = (long long)((char *)nd_data(a) - (char *)nd_buf_data(nd_array_buf(a)));
    printf("\toff=%lld\tflags=", off);
    put_flags(nd_flags(a));
    bool base_none = !nd_base(a) && !nd_has_external_base(a);
    printf("\tbase=%s\tsame=%s\tshares=", base_none ? "None" : "obj", !has_src ? "-" : a == src ? "1" : "0");
    int sh = nd_shares_memory(a, d->reg[0], ND_MAY_SHARE_EXACT);
    if (sh < 0)
        printf("E:%s", nd_errclass());
    else
        printf("%d", sh);
    fputs("\tbytes=", stdout);
    size_t len = 0;
    unsigned char *b = nd_tobytes(a, 'C', &len);
    if (!b) {
        printf("E:%s", nd_errclass());
    } else {
        for (size_t i = 0; i < len; i++) printf("%02x", b[i]);
        nd_free(b);
    }
    if (d->text) {
        put_text_field("str", nd_str(a));
        put_text_field("repr", nd_repr(a));
    }
}

/* ------------------------------------------------------------------ parsing */

/* Copy the text after the k-th token (before tokenize cuts the line up). */
static void save_rest(const char *p, int k, char *out, size_t cap) {
    for (int n = 0; n < k; n++) {
        while (*p && isspace((unsigned char)*p)) p++;
        while (*p && !isspace((unsigned char)*p)) p++;
    }
    while (*p == ' ') p++;
    size_t len = strcspn(p, "\r\n");
    if (len >= cap) len = cap - 1;
    memcpy(out, p, len);
    out[len] = '\0';
}

static void tokenize(char *line, toks *t) {
    t->n = 0;
    save_rest(line, 4, t->rest4, sizeof t->rest4);
    save_rest(line, 5, t->rest5, sizeof t->rest5);
    char *p = line;
    while (*p && t->n < MAXTOK) {
        while (*p && isspace((unsigned char)*p)) p++;
        if (!*p) break;
        t->tok[t->n++] = p;
        while (*p && !isspace((unsigned char)*p)) p++;
        if (*p) *p++ = '\0';
    }
}

static int64_t num(const toks *t, int i) { return i < t->n ? strtoll(t->tok[i], NULL, 10) : 0; }

/* Read `k` ints starting at token i into out (k <= ND_MAXDIMS + 2). */
static bool read_ints(const toks *t, int i, int k, int64_t *out) {
    if (k < 0 || k > ND_MAXDIMS + 2 || i + k > t->n) return false;
    for (int j = 0; j < k; j++) out[j] = num(t, i + j);
    return true;
}

static bool read_axes(const toks *t, int i, int k, int *out) {
    int64_t v[ND_MAXDIMS + 2];
    if (!read_ints(t, i, k, v)) return false;
    for (int j = 0; j < k; j++) out[j] = (int)v[j];
    return true;
}

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

/* Decode hex ("-" is empty) into a malloc'ed block of at least 1 byte. */
static unsigned char *unhex(const char *h, size_t *len) {
    size_t n = strcmp(h, "-") == 0 ? 0 : strlen(h) / 2;
    unsigned char *p = malloc(n + 1);
    if (!p) return NULL;
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(hexval(h[2 * i]) << 4 | hexval(h[2 * i + 1]));
    *len = n;
    return p;
}

static void free_block(void *ptr, size_t size, void *ctx) {
    (void)size;
    (void)ctx;
    free(ptr);
}

/* root own <dt> <order> <ndim> <dims> <hex> | root buf <dt> <rw|ro> <ndim> <dims> <strides> <off> <hex> */
static nd_array *make_root(const toks *t) {
    if (t->n < 5) return NULL;
    const nd_dtype *dt = nd_dtype_parse(t->tok[2]);
    if (!dt) return NULL;
    int nd = (int)num(t, 4);
    int64_t shape[ND_MAXDIMS + 2], strides[ND_MAXDIMS + 2];
    nd_array *a = NULL;
    size_t len = 0;
    bool own = strcmp(t->tok[1], "own") == 0;
    int hexat = own ? 5 + nd : 6 + 2 * nd;
    if (!read_ints(t, 5, nd, shape) || hexat >= t->n || (!own && !read_ints(t, 5 + nd, nd, strides))) goto out;
    unsigned char *data = unhex(t->tok[hexat], &len);
    if (!data) goto out;
    if (own) {
        a = nd_empty(nd, shape, dt, t->tok[3][0]);
        if (a && (size_t)nd_nbytes(a) == len)
            memcpy(nd_data(a), data, len);
        else if (a)
            fprintf(stderr, "nd_diff: root data size mismatch\n");
        free(data);
    } else {
        nd_buf *b = nd_buf_wrap(data, len, strcmp(t->tok[3], "ro") == 0, free_block, NULL);
        if (!b) {
            free(data);
            goto out;
        }
        a = nd_from_buf(b, dt, nd, shape, strides, num(t, 5 + 2 * nd));
        nd_buf_release(b);
    }
out:
    nd_dtype_release(dt);
    return a;
}

/* ------------------------------------------------------------------ ops */

/* Unary ops: returns the new array (new ref) or NULL with nd's error set;
 * *bad is set for a malformed case line. */
static nd_array *run_unary(nd_array *a, const toks *t, bool *bad) {
    const char *op = t->tok[3];
    int64_t v[ND_MAXDIMS + 2], w[ND_MAXDIMS + 2];
    int ax[ND_MAXDIMS + 2], ax2[ND_MAXDIMS + 2];
    int k = (int)num(t, 4);
    char o = t->n > 4 ? t->tok[4][0] : 'C';
    if (!strcmp(op, "idx")) return nd_index(a, t->rest4);
    if (!strcmp(op, "T")) return nd_transpose(a, NULL);
    if (!strcmp(op, "transpose")) {
        if (t->n - 4 != nd_ndim(a) || !read_axes(t, 4, t->n - 4, ax)) goto bad;
        return nd_transpose(a, ax);
    }
    if (!strcmp(op, "swapaxes")) return nd_swapaxes(a, (int)num(t, 4), (int)num(t, 5));
    if (!strcmp(op, "moveaxis")) {
        if (!read_axes(t, 5, k, ax) || !read_axes(t, 5 + k, k, ax2)) goto bad;
        return nd_moveaxis(a, k, ax, ax2);
    }
    if (!strcmp(op, "squeeze")) {
        if (t->n > 4 && t->tok[4][0] == '*') return nd_squeeze(a, 0, NULL);
        if (!read_axes(t, 5, k, ax)) goto bad;
        return nd_squeeze(a, k, ax);
    }
    if (!strcmp(op, "expand_dims")) {
        if (!read_axes(t, 5, k, ax)) goto bad;
        return nd_expand_dims(a, k, ax);
    }
    if (!strcmp(op, "reshape")) {
        k = (int)num(t, 5);
        if (!read_ints(t, 6, k, v)) goto bad;
        return nd_reshape(a, k, v, o, ND_COPY_IF_NEEDED);
    }
    if (!strcmp(op, "ravel")) return nd_ravel(a, o, ND_COPY_IF_NEEDED);
    if (!strcmp(op, "flatten")) return nd_flatten(a, o);
    if (!strcmp(op, "view")) return nd_view(a);
    if (!strcmp(op, "copy")) return nd_copy(a, o);
    if (!strcmp(op, "ascontig")) return nd_ascontiguousarray(a);
    if (!strcmp(op, "asfortran")) return nd_asfortranarray(a);
    if (!strcmp(op, "byteswap")) return nd_byteswap(a, o == '1');
    if (!strcmp(op, "newbyteorder")) return nd_newbyteorder(a, o);
    if (!strcmp(op, "viewdt") || !strcmp(op, "astype")) {
        if (t->n < 5) goto bad;
        const nd_dtype *dt = nd_dtype_parse(t->tok[4]);
        if (!dt) return NULL;
        nd_array *r = NULL;
        nd_casting c = ND_CAST_UNSAFE;
        if (op[0] == 'v')
            r = nd_view_dtype(a, dt);
        else if (t->n < 8)
            *bad = true;
        else if (nd_casting_parse(t->tok[6], &c) == 0)
            r = nd_astype(a, dt, t->tok[5][0], c, t->tok[7][0] == '1');
        nd_dtype_release(dt);
        return r;
    }
    if (!strcmp(op, "broadcast_to")) {
        if (!read_ints(t, 5, k, v)) goto bad;
        return nd_broadcast_to(a, k, v);
    }
    if (!strcmp(op, "swv")) { /* swv <writeable> k w1..wk (m a1..am | *) */
        k = (int)num(t, 5);
        if (!read_ints(t, 6, k, w) || 6 + k >= t->n) goto bad;
        if (t->tok[6 + k][0] == '*') return nd_sliding_window_view(a, k, w, NULL, o == '1');
        if (num(t, 6 + k) != k || !read_axes(t, 7 + k, k, ax)) goto bad;
        return nd_sliding_window_view(a, k, w, ax, o == '1');
    }
    if (!strcmp(op, "as_strided")) {
        if (!read_ints(t, 5, k, v) || !read_ints(t, 5 + k, k, w)) goto bad;
        return nd_as_strided(a, k, v, w);
    }
    if (!strcmp(op, "setw")) {
        if (nd_set_writeable(a, o == '1') < 0) return NULL;
        return nd_retain(a);
    }
bad:
    *bad = true;
    return NULL;
}

static nd_array *reg_get(const driver *d, int64_t r) { return r >= 0 && r < NREG ? d->reg[r] : NULL; }

static void reg_set(driver *d, const char *dst, nd_array *a) {
    if (dst[0] == '-') {
        nd_release(a);
        return;
    }
    int64_t r = strtoll(dst, NULL, 10);
    if (r < 0 || r >= NREG) {
        nd_release(a);
        return;
    }
    nd_release(d->reg[r]);
    d->reg[r] = a;
}

/* Binary ops and checks print a `res` field; returns false if op isn't one. */
static bool run_result_op(driver *d, nd_array *a, const toks *t) {
    const char *op = t->tok[3];
    nd_array *b = reg_get(d, num(t, 4));
    int rc;
    if (!strcmp(op, "shares"))
        rc = nd_shares_memory(a, b, num(t, 5));
    else if (!strcmp(op, "mayshare"))
        rc = nd_may_share_memory(a, b);
    else if (!strcmp(op, "intov"))
        rc = nd_internal_overlap(a, ND_MAY_SHARE_EXACT);
    else if (!strcmp(op, "copyto")) {
        nd_casting c;
        rc = nd_casting_parse(t->n > 5 ? t->tok[5] : "?", &c);
        if (rc == 0) rc = nd_copyto(a, b, c);
        if (rc == 0) {
            fputs("res=ok", stdout);
            return true;
        }
    } else
        return false;
    if (rc < 0)
        put_err_fields();
    else
        printf("res=%d", rc);
    return true;
}

static bool is_binary(const char *op) { return !strcmp(op, "shares") || !strcmp(op, "mayshare") || !strcmp(op, "copyto"); }

/* op <dst|-> <src> <name> <args...> */
static void run_op(driver *d, const toks *t, int cid, int step) {
    printf("%d:%d\t%s\t", cid, step, t->n > 3 ? t->tok[3] : "?");
    if (t->n < 4) {
        fputs("err=HarnessError\tmsg=short op line", stdout);
        return;
    }
    nd_array *a = reg_get(d, num(t, 2));
    bool bin = is_binary(t->tok[3]);
    if (!a || (bin && !reg_get(d, num(t, 4)))) {
        fputs("skip=1", stdout);
        reg_set(d, t->tok[1], NULL);
        return;
    }
    if (!strcmp(t->tok[3], "check")) {
        describe(d, a, NULL, false);
        return;
    }
    if (run_result_op(d, a, t)) return;
    bool bad = false;
    nd_array *r = NULL;
    int c = nd_diff_compute(d, a, t, &r);
    if (c == CMP_PRINTED) return;
    if (c == CMP_SKIP) {
        fputs("skip=1", stdout);
        reg_set(d, t->tok[1], NULL);
        return;
    }
    if (c == CMP_BAD)
        bad = true;
    else if (c == CMP_NOT_MINE)
        r = run_unary(a, t, &bad);
    if (bad) {
        fputs("err=HarnessError\tmsg=malformed op line", stdout);
    } else if (!r) {
        put_err_fields();
    } else {
        describe(d, r, a, true);
    }
    reg_set(d, t->tok[1], r); /* NULL marks the register dead */
}

static void end_case(driver *d) {
    for (int i = 0; i < NREG; i++) {
        nd_release(d->reg[i]);
        d->reg[i] = NULL;
    }
}

int main(int argc, char **argv) {
    driver d = {.text = true};
    const char *path = NULL;
    long from = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--no-text"))
            d.text = false;
        else if (!strcmp(argv[i], "--from") && i + 1 < argc)
            from = strtol(argv[++i], NULL, 10);
        else
            path = argv[i];
    }
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f) {
        fprintf(stderr, "usage: nd_diff [--no-text] [--from ID] CASEFILE\n");
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    int cid = -1, step = 0;
    bool active = false;
    toks t;
    while (getline(&line, &cap, f) >= 0) {
        tokenize(line, &t);
        if (t.n == 0 || t.tok[0][0] == '#') continue;
        if (!strcmp(t.tok[0], "case")) {
            cid = (int)num(&t, 1);
            step = 0;
            active = cid >= from;
        } else if (!active) {
            continue;
        } else if (!strcmp(t.tok[0], "root")) {
            nd_array *r = make_root(&t);
            printf("%d:0\troot\t", cid);
            if (r)
                describe(&d, d.reg[0] = r, NULL, false);
            else
                put_err_fields();
            putchar('\n');
        } else if (!strcmp(t.tok[0], "aux") && t.n > 2) {
            int reg = (int)num(&t, 1);
            toks u = t;
            for (int i = 1; i < t.n; i++) u.tok[i - 1] = t.tok[i];
            u.n = t.n - 1;
            nd_array *r = make_root(&u);
            if (reg > 0 && reg < NREG) {
                nd_release(d.reg[reg]);
                d.reg[reg] = r;
            } else {
                nd_release(r);
            }
        } else if (!strcmp(t.tok[0], "op")) {
            run_op(&d, &t, cid, ++step);
            putchar('\n');
        } else if (!strcmp(t.tok[0], "end")) {
            end_case(&d);
            printf("done %d\n", cid);
            fflush(stdout);
        }
    }
    free(line);
    fclose(f);
    end_case(&d);
    return 0;
}
