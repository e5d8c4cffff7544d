/* parse.c — recursive-descent parser from tokens to the syntax tree, with
 * Python's operator precedence.  Errors longjmp out with a SyntaxError set;
 * the tree lives in an arena for the whole run (functions keep pointing
 * into it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

typedef struct Arena { struct Arena *next; size_t used, cap; char mem[]; } Arena;
static Arena *arena;

void *arena_alloc(size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!arena || arena->used + n > arena->cap) {
        size_t cap = n > 65536 ? n : 65536;
        Arena *a = malloc(sizeof *a + cap);
        if (!a) abort();
        a->next = arena;
        a->used = 0;
        a->cap = cap;
        arena = a;
    }
    void *p = arena->mem + arena->used;
    arena->used += n;
    memset(p, 0, n);
    return p;
}

typedef struct P {
    Tok *t;
    int pos, n;
    jmp_buf jb;
    const char *file;
} P;

static Node *expr(P *p);
static Node *star_exprs(P *p, bool allow_star);
static Node *block(P *p);
static Node *stmt(P *p);
static Node *parse_fstring(P *p, const char *s, int len, int line);

static _Noreturn void perr(P *p, const char *fmt, ...) {
    char m[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    cur_line = p->t[p->pos].line;
    raise_exc(SyntaxErrorT, "%s", m);
    longjmp(p->jb, 1);
}

static Tok *peek(P *p) { return &p->t[p->pos]; }
static bool is_op(P *p, const char *op) { return peek(p)->type == TK_OP && strcmp(peek(p)->s, op) == 0; }
static bool is_kw(P *p, const char *kw) { return peek(p)->type == TK_NAME && strcmp(peek(p)->s, kw) == 0; }
static bool accept(P *p, const char *op) {
    if (is_op(p, op)) { p->pos++; return true; }
    return false;
}
static bool accept_kw(P *p, const char *kw) {
    if (is_kw(p, kw)) { p->pos++; return true; }
    return false;
}
static void expect(P *p, const char *op) {
    if (!accept(p, op)) perr(p, "invalid syntax: expected '%s'", op);
}
static const char *kwlist[] = {"if", "else", "elif", "for", "while", "in", "not", "and", "or", "is", "def",
                               "return", "lambda", "None", "True", "False", "try", "except", "finally",
                               "raise", "import", "from", "as", "pass", "break", "continue", "global",
                               "del", "assert", "class", "with", "yield", "nonlocal", "async", "await", NULL};
static bool is_keyword(const char *s) {
    for (int i = 0; kwlist[i]; i++) if (strcmp(s, kwlist[i]) == 0) return true;
    return false;
}
static const char *name(P *p) {
    Tok *t = peek(p);
    if (t->type != TK_NAME || is_keyword(t->s)) perr(p, "invalid syntax");
    p->pos++;
    return t->s;
}

static Node *node(P *p, int k) {
    Node *n = arena_alloc(sizeof *n);
    n->k = k;
    n->line = peek(p)->line;
    return n;
}

typedef struct NV { Node **v; int n, cap; } NV;
static void nv_push(NV *v, Node *x) {
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        Node **nw = arena_alloc(sizeof(Node *) * (size_t)v->cap);
        if (v->n) memcpy(nw, v->v, sizeof(Node *) * (size_t)v->n);
        v->v = nw;
    }
    v->v[v->n++] = x;
}

/* ---------- atoms ---------- */

static Node *strings(P *p) {
    /* adjacent literals concatenate, f-strings included */
    NV parts = {0};
    bool any_f = false, bytes = false;
    int line = peek(p)->line;
    while (peek(p)->type == TK_STR) {
        Tok *t = peek(p);
        p->pos++;
        bytes = t->flags & SF_BYTES;
        if (t->flags & SF_FSTR) {
            any_f = true;
            Node *f = parse_fstring(p, t->s, t->len, t->line);
            for (int i = 0; i < f->nkids; i++) nv_push(&parts, f->kids[i]);
        } else {
            Node *c = node(p, N_CONST);
            c->v = t->v;
            nv_push(&parts, c);
        }
    }
    if (!any_f) {
        if (parts.n == 1) return parts.v[0];
        SB b = {0};
        for (int i = 0; i < parts.n; i++) sb_putn(&b, STR(parts.v[i]->v)->s, (size_t)STR(parts.v[i]->v)->len);
        Node *c = node(p, N_CONST);
        c->v = bytes ? mk_bytes(b.s ? b.s : "", (int64_t)b.n) : mk_str(b.s ? b.s : "", (int64_t)b.n);
        free(b.s);
        c->v.o->rc = -1;
        return c;
    }
    Node *f = node(p, N_FSTR);
    f->line = line;
    f->kids = parts.v;
    f->nkids = parts.n;
    return f;
}

/* Parse "expr" text found inside an f-string. */
static Node *sub_expr(P *p, const char *s, int len, int line) {
    char *buf = malloc((size_t)len + 3);
    if (!buf) abort();
    buf[0] = '(';
    memcpy(buf + 1, s, (size_t)len);
    buf[len + 1] = ')';
    buf[len + 2] = 0;
    Toks ts = {0};
    if (lex(buf, &ts, line) < 0) { free(buf); longjmp(p->jb, 1); }
    free(buf);
    P q = {.t = ts.t, .n = ts.n, .file = p->file};
    if (setjmp(q.jb)) { free(ts.t); longjmp(p->jb, 1); }
    Node *e = star_exprs(&q, false);
    free(ts.t);
    return e;
}

static Node *parse_fstring(P *p, const char *s, int len, int line) {
    NV parts = {0};
    SB lit = {0};
    int i = 0;
#define FLUSH()                                                                     \
    if (lit.n) {                                                                    \
        Node *c = node(p, N_CONST);                                                 \
        c->v = decode_string(lit.s, (int)lit.n, 0);                                 \
        nv_push(&parts, c);                                                         \
        lit.n = 0;                                                                  \
    }
    while (i < len) {
        char c = s[i];
        if (c == '{' && i + 1 < len && s[i + 1] == '{') { sb_putc(&lit, '{'); i += 2; continue; }
        if (c == '}' && i + 1 < len && s[i + 1] == '}') { sb_putc(&lit, '}'); i += 2; continue; }
        if (c != '{') { sb_putc(&lit, c); i++; continue; }
        FLUSH();
        /* find the end of the expression: a top-level '!', ':' or '}' */
        int j = i + 1, depth = 0;
        char q = 0;
        for (; j < len; j++) {
            char d = s[j];
            if (q) { if (d == q) q = 0; continue; }
            if (d == '\'' || d == '"') { q = d; continue; }
            if (d == '(' || d == '[' || d == '{') depth++;
            else if (d == ')' || d == ']' || d == '}') { if (depth == 0) break; depth--; }
            else if (depth == 0 && d == '!' && j + 1 < len && s[j + 1] != '=') break;
            else if (depth == 0 && d == ':') break;
        }
        if (j >= len) perr(p, "f-string: expecting '}'");
        int elen = j - (i + 1);
        bool selfdoc = elen > 0 && s[j - 1] == '=' && (elen < 2 || (s[j - 2] != '=' && s[j - 2] != '!' && s[j - 2] != '<' && s[j - 2] != '>'));
        Node *fm = node(p, N_FMT);
        fm->line = line;
        if (selfdoc) {
            Node *c = node(p, N_CONST);
            c->v = mk_str(s + i + 1, elen);
            c->v.o->rc = -1;
            nv_push(&parts, c);
            elen--;
            if (s[j] != '!' && s[j] != ':') fm->op = 'r';
        }
        fm->a = sub_expr(p, s + i + 1, elen, line);
        if (s[j] == '!') {
            fm->op = s[j + 1];
            j += 2;
        }
        if (s[j] == ':') {
            int k = j + 1, d2 = 0;
            for (; k < len; k++) {
                if (s[k] == '{') d2++;
                else if (s[k] == '}') { if (d2 == 0) break; d2--; }
            }
            fm->b = parse_fstring(p, s + j + 1, k - j - 1, line);
            j = k;
        }
        if (j >= len || s[j] != '}') perr(p, "f-string: expecting '}'");
        nv_push(&parts, fm);
        i = j + 1;
    }
    FLUSH();
#undef FLUSH
    free(lit.s);
    Node *f = node(p, N_FSTR);
    f->line = line;
    f->kids = parts.v;
    f->nkids = parts.n;
    return f;
}

/* A for-target: or_expr items separated by commas, stopping at 'in'. */
static Node *binlevel(P *p, int lv);
static Node *target_list(P *p) {
    NV v = {0};
    bool comma = false;
    for (;;) {
        Node *t;
        if (accept(p, "*")) { t = node(p, N_STAR); t->a = binlevel(p, 0); }
        else t = binlevel(p, 0);
        nv_push(&v, t);
        if (!accept(p, ",")) break;
        comma = true;
        if (is_kw(p, "in")) break;
    }
    if (!comma) return v.v[0];
    Node *tu = node(p, N_TUPLE);
    tu->kids = v.v;
    tu->nkids = v.n;
    return tu;
}

static Node *comp_tail(P *p, Node *elt, int kind) {
    Node *c = node(p, N_COMP);
    c->op = kind;
    c->a = elt;
    NV cl = {0};
    while (accept_kw(p, "for")) {
        Node *k = node(p, N_CLAUSE);
        k->a = target_list(p);
        if (!accept_kw(p, "in")) perr(p, "invalid syntax: expected 'in'");
        /* the iterable is an or_test, so `if` is not swallowed */
        extern Node *or_test(P *);
        k->b = or_test(p);
        NV ifs = {0};
        while (accept_kw(p, "if")) nv_push(&ifs, or_test(p));
        k->kids = ifs.v;
        k->nkids = ifs.n;
        nv_push(&cl, k);
    }
    c->kids = cl.v;
    c->nkids = cl.n;
    return c;
}

static Node *atom(P *p) {
    Tok *t = peek(p);
    Node *n;
    if (t->type == TK_NUM) {
        n = node(p, N_CONST);
        n->v = t->v;
        p->pos++;
        return n;
    }
    if (t->type == TK_STR) return strings(p);
    if (t->type == TK_NAME) {
        if (accept_kw(p, "None")) { n = node(p, N_CONST); n->v = VNONE; return n; }
        if (accept_kw(p, "True")) { n = node(p, N_CONST); n->v = VBOOL(1); return n; }
        if (accept_kw(p, "False")) { n = node(p, N_CONST); n->v = VBOOL(0); return n; }
        if (is_kw(p, "yield") || is_kw(p, "await")) perr(p, "unsupported construct: '%s'", t->s);
        n = node(p, N_NAME);
        n->name = name(p);
        return n;
    }
    if (accept(p, "...")) { n = node(p, N_CONST); n->v = (Val){.t = T_ELLIPSIS}; return n; }
    if (accept(p, "(")) {
        if (accept(p, ")")) { n = node(p, N_TUPLE); return n; }
        Node *first = is_op(p, "*") ? NULL : expr(p);
        if (first && is_kw(p, "for")) {
            n = comp_tail(p, first, COMP_GEN);
            expect(p, ")");
            return n;
        }
        if (first && accept(p, ")")) return first;
        NV v = {0};
        if (!first) { first = node(p, N_STAR); expect(p, "*"); first->a = expr(p); }
        nv_push(&v, first);
        while (accept(p, ",")) {
            if (is_op(p, ")")) break;
            if (accept(p, "*")) { Node *s = node(p, N_STAR); s->a = expr(p); nv_push(&v, s); }
            else nv_push(&v, expr(p));
        }
        expect(p, ")");
        n = node(p, N_TUPLE);
        n->kids = v.v;
        n->nkids = v.n;
        return n;
    }
    if (accept(p, "[")) {
        NV v = {0};
        if (!is_op(p, "]")) {
            Node *first = is_op(p, "*") ? NULL : expr(p);
            if (first && is_kw(p, "for")) {
                n = comp_tail(p, first, COMP_LIST);
                expect(p, "]");
                return n;
            }
            if (!first) { first = node(p, N_STAR); expect(p, "*"); first->a = expr(p); }
            nv_push(&v, first);
            while (accept(p, ",")) {
                if (is_op(p, "]")) break;
                if (accept(p, "*")) { Node *s = node(p, N_STAR); s->a = expr(p); nv_push(&v, s); }
                else nv_push(&v, expr(p));
            }
        }
        expect(p, "]");
        n = node(p, N_LIST);
        n->kids = v.v;
        n->nkids = v.n;
        return n;
    }
    if (accept(p, "{")) {
        NV v = {0};
        n = node(p, N_DICT);
        if (accept(p, "}")) return n;
        Node *k;
        if (accept(p, "**")) { k = node(p, N_DSTAR); k->a = expr(p); } /* {**d, ...}: value slot NULL */
        else k = expr(p);
        if (k->k == N_DSTAR || accept(p, ":")) {
            Node *val = k->k == N_DSTAR ? NULL : expr(p);
            if (val && is_kw(p, "for")) {
                Node *c = comp_tail(p, k, COMP_DICT);
                c->d = val;
                expect(p, "}");
                return c;
            }
            nv_push(&v, k);
            nv_push(&v, val);
            while (accept(p, ",")) {
                if (is_op(p, "}")) break;
                if (accept(p, "**")) {
                    Node *s = node(p, N_DSTAR);
                    s->a = expr(p);
                    nv_push(&v, s);
                    nv_push(&v, NULL);
                    continue;
                }
                nv_push(&v, expr(p));
                expect(p, ":");
                nv_push(&v, expr(p));
            }
        } else {
            n->k = N_SET;
            if (is_kw(p, "for")) {
                Node *c = comp_tail(p, k, COMP_SET);
                expect(p, "}");
                return c;
            }
            nv_push(&v, k);
            while (accept(p, ",")) {
                if (is_op(p, "}")) break;
                nv_push(&v, expr(p));
            }
        }
        expect(p, "}");
        n->kids = v.v;
        n->nkids = v.n;
        return n;
    }
    perr(p, "invalid syntax");
}

static Node *subscript_item(P *p) {
    Node *lo = NULL, *hi = NULL, *st = NULL;
    if (!is_op(p, ":")) {
        lo = expr(p);
        if (!is_op(p, ":")) return lo;
    }
    expect(p, ":");
    Node *s = node(p, N_SLICE);
    if (!is_op(p, "]") && !is_op(p, ",") && !is_op(p, ":")) hi = expr(p);
    if (accept(p, ":"))
        if (!is_op(p, "]") && !is_op(p, ",")) st = expr(p);
    s->a = lo;
    s->b = hi;
    s->c = st;
    return s;
}

static Node *call_args(P *p, Node *fn) {
    Node *c = node(p, N_CALL);
    c->a = fn;
    NV v = {0};
    while (!is_op(p, ")")) {
        if (accept(p, "*")) { Node *s = node(p, N_STAR); s->a = expr(p); nv_push(&v, s); }
        else if (accept(p, "**")) { Node *s = node(p, N_DSTAR); s->a = expr(p); nv_push(&v, s); }
        else if (peek(p)->type == TK_NAME && p->t[p->pos + 1].type == TK_OP && strcmp(p->t[p->pos + 1].s, "=") == 0) {
            Node *k = node(p, N_KW);
            k->name = name(p);
            p->pos++;
            k->a = expr(p);
            nv_push(&v, k);
        } else {
            Node *e = expr(p);
            if (is_kw(p, "for")) e = comp_tail(p, e, COMP_GEN);
            nv_push(&v, e);
        }
        if (!accept(p, ",")) break;
    }
    expect(p, ")");
    c->kids = v.v;
    c->nkids = v.n;
    return c;
}

static Node *primary(P *p) {
    Node *n = atom(p);
    for (;;) {
        if (accept(p, ".")) {
            Node *a = node(p, N_ATTR);
            a->a = n;
            a->name = name(p);
            n = a;
        } else if (accept(p, "(")) {
            n = call_args(p, n);
        } else if (accept(p, "[")) {
            Node *s = node(p, N_SUB);
            s->a = n;
            Node *first = subscript_item(p);
            if (is_op(p, ",")) {
                NV v = {0};
                nv_push(&v, first);
                while (accept(p, ",")) {
                    if (is_op(p, "]")) break;
                    nv_push(&v, subscript_item(p));
                }
                Node *t = node(p, N_TUPLE);
                t->kids = v.v;
                t->nkids = v.n;
                first = t;
            }
            expect(p, "]");
            s->b = first;
            n = s;
        } else {
            return n;
        }
    }
}

static Node *unary(P *p);
static Node *power(P *p) {
    Node *n = primary(p);
    if (accept(p, "**")) {
        Node *b = node(p, N_BIN);
        b->op = OP_POW;
        b->a = n;
        b->b = unary(p); /* right-associative, binds tighter than unary on the left only */
        return b;
    }
    return n;
}
static Node *unary(P *p) {
    int op = is_op(p, "-") ? OP_NEG : is_op(p, "+") ? OP_POS : is_op(p, "~") ? OP_INVERT : -1;
    if (op < 0) return power(p);
    p->pos++;
    Node *x = unary(p);
    if (op == OP_NEG && x->k == N_CONST && (x->v.t == T_INT || x->v.t == T_FLOAT) &&
        !(x->v.t == T_INT && x->v.i == INT64_MIN)) {
        /* fold -1 so that -9223372036854775808 is not needed as an int literal */
        if (x->v.t == T_INT) x->v.i = -x->v.i; else x->v.f = -x->v.f;
        return x;
    }
    Node *n = node(p, N_UN);
    n->op = op;
    n->a = x;
    return n;
}

typedef struct BinLevel { const char *ops[6]; int codes[6]; } BinLevel;
static const BinLevel levels[] = {
    {{"|"}, {OP_OR}},
    {{"^"}, {OP_XOR}},
    {{"&"}, {OP_AND}},
    {{"<<", ">>"}, {OP_LSHIFT, OP_RSHIFT}},
    {{"+", "-"}, {OP_ADD, OP_SUB}},
    {{"*", "/", "//", "%", "@"}, {OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_MATMUL}},
};

static Node *binlevel(P *p, int lv) {
    if (lv == 6) return unary(p);
    Node *n = binlevel(p, lv + 1);
    for (;;) {
        int code = -1;
        if (peek(p)->type == TK_OP)
            for (int i = 0; i < 6 && levels[lv].ops[i]; i++)
                if (strcmp(peek(p)->s, levels[lv].ops[i]) == 0) code = levels[lv].codes[i];
        if (code < 0) return n;
        p->pos++;
        Node *b = node(p, N_BIN);
        b->op = code;
        b->a = n;
        b->b = binlevel(p, lv + 1);
        n = b;
    }
}

static int cmp_op(P *p) {
    Tok *t = peek(p);
    if (t->type == TK_OP) {
        static const char *s[] = {"==", "!=", "<", "<=", ">", ">="};
        static const int c[] = {OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE};
        for (int i = 0; i < 6; i++) if (strcmp(t->s, s[i]) == 0) { p->pos++; return c[i]; }
        return -1;
    }
    if (accept_kw(p, "in")) return OP_IN;
    if (is_kw(p, "not") && p->t[p->pos + 1].type == TK_NAME && strcmp(p->t[p->pos + 1].s, "in") == 0) {
        p->pos += 2;
        return OP_NOTIN;
    }
    if (accept_kw(p, "is")) return accept_kw(p, "not") ? OP_ISNOT : OP_IS;
    return -1;
}

static Node *comparison(P *p) {
    Node *first = binlevel(p, 0);
    int op = cmp_op(p);
    if (op < 0) return first;
    Node *c = node(p, N_CMP);
    NV v = {0};
    int ops[64], nops = 0;
    nv_push(&v, first);
    while (op >= 0) {
        if (nops == 64) perr(p, "comparison chain too long");
        ops[nops++] = op;
        nv_push(&v, binlevel(p, 0));
        op = cmp_op(p);
    }
    c->kids = v.v;
    c->nkids = v.n;
    c->ops = arena_alloc(sizeof(int) * (size_t)nops);
    memcpy(c->ops, ops, sizeof(int) * (size_t)nops);
    return c;
}

static Node *not_test(P *p) {
    if (accept_kw(p, "not")) {
        Node *n = node(p, N_NOT);
        n->a = not_test(p);
        return n;
    }
    return comparison(p);
}
static Node *and_test(P *p) {
    Node *n = not_test(p);
    while (accept_kw(p, "and")) {
        Node *b = node(p, N_AND);
        b->a = n;
        b->b = not_test(p);
        n = b;
    }
    return n;
}
Node *or_test(P *p);
Node *or_test(P *p) {
    Node *n = and_test(p);
    while (accept_kw(p, "or")) {
        Node *b = node(p, N_OR);
        b->a = n;
        b->b = and_test(p);
        n = b;
    }
    return n;
}

static void params(P *p, Node *f, const char *end) {
    NV defs = {0};
    const char *names[256];
    int n = 0, npos = -1;
    while (!is_op(p, end)) {
        if (accept(p, "**")) f->dstar = name(p);
        else if (accept(p, "*")) { npos = n; if (!is_op(p, ",")) f->star = name(p); }
        else if (accept(p, "/")) { /* positional-only marker: ignored */ }
        else {
            if (n == 256) perr(p, "too many parameters");
            names[n++] = name(p);
            if (!strcmp(end, ")") && accept(p, ":")) expr(p); /* annotation: ignored */
            if (accept(p, "=")) nv_push(&defs, expr(p));
            else if (defs.n) perr(p, "non-default argument follows default argument");
        }
        if (!accept(p, ",")) break;
    }
    f->names = arena_alloc(sizeof(char *) * (size_t)(n ? n : 1));
    memcpy(f->names, names, sizeof(char *) * (size_t)n);
    f->nnames = n;
    f->npos = npos < 0 ? n : npos;
    f->kids = defs.v;
    f->nkids = defs.n;
}

static Node *expr(P *p) {
    if (accept_kw(p, "lambda")) {
        Node *f = node(p, N_LAMBDA);
        params(p, f, ":");
        expect(p, ":");
        f->a = expr(p);
        f->name = intern("<lambda>", 8);
        return f;
    }
    Node *n = or_test(p);
    if (is_kw(p, "if")) {
        /* a conditional expression, unless this `if` belongs to a comprehension */
        p->pos++;
        Node *c = node(p, N_IFEXP);
        c->a = or_test(p);
        if (!accept_kw(p, "else")) perr(p, "expected 'else' after 'if' expression");
        c->b = n;
        c->c = expr(p);
        return c;
    }
    return n;
}

/* expr (',' expr)* [','] -> a tuple when a comma appears */
static Node *star_exprs(P *p, bool allow_star) {
    Node *first;
    if (allow_star && accept(p, "*")) { first = node(p, N_STAR); first->a = binlevel(p, 0); }
    else first = expr(p);
    if (!is_op(p, ",")) return first;
    NV v = {0};
    nv_push(&v, first);
    while (accept(p, ",")) {
        Tok *t = peek(p);
        if (t->type == TK_NEWLINE || (t->type == TK_OP && (!strcmp(t->s, "=") || !strcmp(t->s, ")") ||
                                                            !strcmp(t->s, ":") || strchr(t->s, '=') != NULL)) ||
            is_kw(p, "in"))
            break;
        if (allow_star && accept(p, "*")) { Node *s = node(p, N_STAR); s->a = binlevel(p, 0); nv_push(&v, s); }
        else nv_push(&v, expr(p));
    }
    Node *t = node(p, N_TUPLE);
    t->kids = v.v;
    t->nkids = v.n;
    t->line = first->line;
    return t;
}

/* ---------- statements ---------- */

static void check_target(P *p, Node *t) {
    if (t->k == N_NAME || t->k == N_ATTR || t->k == N_SUB) return;
    if (t->k == N_STAR) { check_target(p, t->a); return; }
    if (t->k == N_TUPLE || t->k == N_LIST) {
        for (int i = 0; i < t->nkids; i++) check_target(p, t->kids[i]);
        return;
    }
    perr(p, "cannot assign to expression");
}

static void end_simple(P *p) {
    if (accept(p, ";")) return;
    if (peek(p)->type == TK_NEWLINE) { p->pos++; return; }
    if (peek(p)->type == TK_EOF) return;
    perr(p, "invalid syntax");
}

static const char *dotted(P *p) {
    char buf[256];
    size_t n = 0;
    const char *s = name(p);
    n = (size_t)snprintf(buf, sizeof buf, "%s", s);
    while (accept(p, ".")) {
        s = name(p);
        n += (size_t)snprintf(buf + n, sizeof buf - (n < sizeof buf ? n : sizeof buf), ".%s", s);
        if (n >= sizeof buf) perr(p, "module name too long");
    }
    return intern(buf, n);
}

static Node *simple(P *p) {
    Node *n;
    Tok *t = peek(p);
    if (t->type == TK_NAME) {
        const char *s = t->s;
        if (!strcmp(s, "pass")) { p->pos++; return node(p, S_PASS); }
        if (!strcmp(s, "break")) { p->pos++; return node(p, S_BREAK); }
        if (!strcmp(s, "continue")) { p->pos++; return node(p, S_CONT); }
        if (!strcmp(s, "return")) {
            p->pos++;
            n = node(p, S_RETURN);
            if (peek(p)->type != TK_NEWLINE && !is_op(p, ";")) n->a = star_exprs(p, true);
            return n;
        }
        if (!strcmp(s, "raise")) {
            p->pos++;
            n = node(p, S_RAISE);
            if (peek(p)->type != TK_NEWLINE && !is_op(p, ";")) {
                n->a = expr(p);
                if (accept_kw(p, "from")) n->b = expr(p);
            }
            return n;
        }
        if (!strcmp(s, "assert")) {
            p->pos++;
            n = node(p, S_ASSERT);
            n->a = expr(p);
            if (accept(p, ",")) n->b = expr(p);
            return n;
        }
        if (!strcmp(s, "global") || !strcmp(s, "nonlocal")) {
            p->pos++;
            n = node(p, S_GLOBAL);
            n->op = s[0] == 'n';
            const char *nm[64];
            int k = 0;
            do {
                if (k == 64) perr(p, "too many names");
                nm[k++] = name(p);
            } while (accept(p, ","));
            n->names = arena_alloc(sizeof(char *) * (size_t)k);
            memcpy(n->names, nm, sizeof(char *) * (size_t)k);
            n->nnames = k;
            return n;
        }
        if (!strcmp(s, "del")) {
            p->pos++;
            n = node(p, S_DEL);
            Node *e = star_exprs(p, false);
            if (e->k == N_TUPLE) { n->kids = e->kids; n->nkids = e->nkids; }
            else { n->kids = arena_alloc(sizeof(Node *)); n->kids[0] = e; n->nkids = 1; }
            return n;
        }
        if (!strcmp(s, "import")) {
            p->pos++;
            n = node(p, S_IMPORT);
            const char *nm[32], *as[32];
            int k = 0;
            do {
                if (k == 32) perr(p, "too many names");
                nm[k] = dotted(p);
                as[k] = accept_kw(p, "as") ? name(p) : NULL;
                k++;
            } while (accept(p, ","));
            n->names = arena_alloc(sizeof(char *) * (size_t)k);
            n->names2 = arena_alloc(sizeof(char *) * (size_t)k);
            memcpy(n->names, nm, sizeof(char *) * (size_t)k);
            memcpy(n->names2, as, sizeof(char *) * (size_t)k);
            n->nnames = n->nnames2 = k;
            return n;
        }
        if (!strcmp(s, "from")) {
            p->pos++;
            n = node(p, S_FROM);
            n->name = dotted(p);
            if (!accept_kw(p, "import")) perr(p, "invalid syntax");
            bool par = accept(p, "(");
            const char *nm[64], *as[64];
            int k = 0;
            if (accept(p, "*")) perr(p, "unsupported construct: 'from ... import *'");
            do {
                if (par && is_op(p, ")")) break;
                if (k == 64) perr(p, "too many names");
                nm[k] = name(p);
                as[k] = accept_kw(p, "as") ? name(p) : NULL;
                k++;
            } while (accept(p, ","));
            if (par) expect(p, ")");
            n->names = arena_alloc(sizeof(char *) * (size_t)k);
            n->names2 = arena_alloc(sizeof(char *) * (size_t)k);
            memcpy(n->names, nm, sizeof(char *) * (size_t)k);
            memcpy(n->names2, as, sizeof(char *) * (size_t)k);
            n->nnames = n->nnames2 = k;
            return n;
        }
    }
    int line = peek(p)->line;
    Node *e = star_exprs(p, true);
    if (peek(p)->type == TK_OP) {
        const char *o = peek(p)->s;
        static const char *aug[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>=", NULL};
        static const int augop[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_MATMUL, OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT};
        for (int i = 0; aug[i]; i++) {
            if (strcmp(o, aug[i]) == 0) {
                p->pos++;
                if (e->k != N_NAME && e->k != N_ATTR && e->k != N_SUB) perr(p, "illegal expression for augmented assignment");
                n = node(p, S_AUG);
                n->line = line;
                n->op = augop[i];
                n->a = e;
                n->b = star_exprs(p, false);
                return n;
            }
        }
        if (!strcmp(o, ":") ) { /* annotated assignment: x: int = 5 */
            p->pos++;
            expr(p);
            if (!accept(p, "=")) { n = node(p, S_PASS); return n; }
        }
        if (!strcmp(o, "=") || !strcmp(o, ":")) {
            NV tg = {0};
            nv_push(&tg, e);
            Node *val = NULL;
            if (is_op(p, "=")) p->pos++;
            for (;;) {
                val = star_exprs(p, true);
                if (!accept(p, "=")) break;
                nv_push(&tg, val);
            }
            for (int i = 0; i < tg.n; i++) check_target(p, tg.v[i]);
            n = node(p, S_ASSIGN);
            n->line = line;
            n->kids = tg.v;
            n->nkids = tg.n;
            n->a = val;
            return n;
        }
    }
    n = node(p, S_EXPR);
    n->line = line;
    n->a = e;
    return n;
}

static Node *simple_line(P *p) {
    NV v = {0};
    do {
        nv_push(&v, simple(p));
        if (is_op(p, ";")) { p->pos++; if (peek(p)->type == TK_NEWLINE) break; continue; }
        break;
    } while (peek(p)->type != TK_NEWLINE && peek(p)->type != TK_EOF);
    end_simple(p);
    if (v.n == 1) return v.v[0];
    Node *b = node(p, S_BLOCK);
    b->kids = v.v;
    b->nkids = v.n;
    return b;
}

static Node *block(P *p) {
    expect(p, ":");
    if (peek(p)->type != TK_NEWLINE) {
        Node *s = simple_line(p);
        if (s->k == S_BLOCK) return s;
        Node *b = node(p, S_BLOCK);
        b->kids = arena_alloc(sizeof(Node *));
        b->kids[0] = s;
        b->nkids = 1;
        return b;
    }
    p->pos++;
    if (peek(p)->type != TK_INDENT) perr(p, "IndentationError: expected an indented block");
    p->pos++;
    NV v = {0};
    Node *b = node(p, S_BLOCK);
    while (peek(p)->type != TK_DEDENT && peek(p)->type != TK_EOF) nv_push(&v, stmt(p));
    if (peek(p)->type == TK_DEDENT) p->pos++;
    b->kids = v.v;
    b->nkids = v.n;
    return b;
}

static Node *if_rest(P *p) {
    Node *n = node(p, S_IF);
    n->a = expr(p);
    n->b = block(p);
    if (accept_kw(p, "elif")) n->c = if_rest(p);
    else if (accept_kw(p, "else")) n->c = block(p);
    return n;
}

static Node *stmt(P *p) {
    Tok *t = peek(p);
    int line = t->line;
    Node *n;
    if (t->type == TK_INDENT) perr(p, "IndentationError: unexpected indent");
    if (t->type == TK_NAME) {
        const char *s = t->s;
        if (!strcmp(s, "if")) { p->pos++; n = if_rest(p); n->line = line; return n; }
        if (!strcmp(s, "while")) {
            p->pos++;
            n = node(p, S_WHILE);
            n->line = line;
            n->a = expr(p);
            n->b = block(p);
            if (accept_kw(p, "else")) n->c = block(p);
            return n;
        }
        if (!strcmp(s, "for")) {
            p->pos++;
            n = node(p, S_FOR);
            n->line = line;
            n->a = target_list(p);
            check_target(p, n->a);
            if (!accept_kw(p, "in")) perr(p, "invalid syntax: expected 'in'");
            n->b = star_exprs(p, false);
            n->c = block(p);
            if (accept_kw(p, "else")) n->d = block(p);
            return n;
        }
        if (!strcmp(s, "def")) {
            p->pos++;
            n = node(p, S_DEF);
            n->line = line;
            n->name = name(p);
            expect(p, "(");
            params(p, n, ")");
            expect(p, ")");
            if (accept(p, "->")) expr(p);
            n->b = block(p);
            return n;
        }
        if (!strcmp(s, "try")) {
            p->pos++;
            n = node(p, S_TRY);
            n->line = line;
            n->a = block(p);
            NV h = {0};
            while (is_kw(p, "except")) {
                Node *hd = node(p, S_HANDLER);
                p->pos++;
                if (!is_op(p, ":")) {
                    hd->a = expr(p);
                    if (is_op(p, ",")) { /* except (A, B) written without parens */
                        NV v = {0};
                        nv_push(&v, hd->a);
                        while (accept(p, ",")) nv_push(&v, expr(p));
                        Node *tu = node(p, N_TUPLE);
                        tu->kids = v.v;
                        tu->nkids = v.n;
                        hd->a = tu;
                    }
                    if (accept_kw(p, "as")) hd->name = name(p);
                }
                hd->b = block(p);
                nv_push(&h, hd);
            }
            n->kids = h.v;
            n->nkids = h.n;
            if (accept_kw(p, "else")) n->b = block(p);
            if (accept_kw(p, "finally")) n->c = block(p);
            if (!h.n && !n->c) perr(p, "expected 'except' or 'finally' block");
            return n;
        }
        if (!strcmp(s, "class")) perr(p, "unsupported construct: class definition");
        if (!strcmp(s, "with")) perr(p, "unsupported construct: 'with' statement");
        if (!strcmp(s, "async")) perr(p, "unsupported construct: async");
        if (!strcmp(s, "yield")) perr(p, "unsupported construct: 'yield' (generators)");
    }
    if (t->type == TK_OP && !strcmp(t->s, "@")) perr(p, "unsupported construct: decorator");
    return simple_line(p);
}

Node *parse_module(const char *src, const char *filename, int first_line) {
    Toks ts = {0};
    cur_file = filename;
    if (lex(src, &ts, first_line) < 0) { free(ts.t); return NULL; }
    P p = {.t = ts.t, .n = ts.n, .file = filename};
    if (setjmp(p.jb)) { free(ts.t); return NULL; }
    NV v = {0};
    while (peek(&p)->type == TK_NEWLINE) p.pos++;
    while (peek(&p)->type != TK_EOF) {
        nv_push(&v, stmt(&p));
        while (peek(&p)->type == TK_NEWLINE) p.pos++;
    }
    Node *b = node(&p, S_BLOCK);
    b->kids = v.v;
    b->nkids = v.n;
    free(ts.t);
    return b;
}
