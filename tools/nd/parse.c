/* parse.c — recursive-descent parser from tokens to the syntax tree, with
 * Python's operator precedence: the arena, the token helpers, strings and
 * f-strings, and expressions (statements: parse_stmt.c).  Errors longjmp
 * out with a SyntaxError set; the tree lives in an arena for the whole run
 * (functions keep pointing into it). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

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

static Node *parse_fstring(P *p, const char *s, int len, int line);

_Noreturn void p_err(P *p, const char *fmt, ...) {
    char m[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    cur_line = p->t[p->pos].line;
    raise_exc(SyntaxErrorT, "%s", m);
    longjmp(p->jb, 1);
}

void p_expect(P *p, const char *op) {
    if (!accept(p, op)) p_err(p, "invalid syntax: expected '%s'", op);
}
static const char *kwlist[] = {"if", "else", "elif", "for", "while", "in", "not", "and", "or", "is", "def",
                               "return", "lambda", "None", "True", "False", "try", "except", "finally",
                               "raise", "import", "from", "as", "pass", "break", "continue", "global",
                               "del", "assert", "class", "with", "yield", "nonlocal", "async", "await", NULL};
static bool is_keyword(const char *s) {
    for (int i = 0; kwlist[i]; i++) if (strcmp(s, kwlist[i]) == 0) return true;
    return false;
}
const char *p_name(P *p) {
    Tok *t = peek(p);
    if (t->type != TK_NAME || is_keyword(t->s)) p_err(p, "invalid syntax");
    p->pos++;
    return t->s;
}

Node *p_node(P *p, int k) {
    Node *n = arena_alloc(sizeof *n);
    n->k = k;
    n->line = peek(p)->line;
    return n;
}

void p_nvpush(NV *v, Node *x) {
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
            for (int i = 0; i < f->nkids; i++) p_nvpush(&parts, f->kids[i]);
        } else {
            Node *c = p_node(p, N_CONST);
            c->v = t->v;
            p_nvpush(&parts, c);
        }
    }
    if (!any_f) {
        if (parts.n == 1) return parts.v[0];
        SB b = {0};
        for (int i = 0; i < parts.n; i++) sb_putn(&b, STR(parts.v[i]->v)->s, (size_t)STR(parts.v[i]->v)->len);
        Node *c = p_node(p, N_CONST);
        c->v = bytes ? mk_bytes(b.s ? b.s : "", (int64_t)b.n) : mk_str(b.s ? b.s : "", (int64_t)b.n);
        free(b.s);
        c->v.o->rc = -1;
        return c;
    }
    Node *f = p_node(p, N_FSTR);
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
    Node *e = p_star_exprs(&q, false);
    free(ts.t);
    return e;
}

static Node *parse_fstring(P *p, const char *s, int len, int line) {
    NV parts = {0};
    SB lit = {0};
    int i = 0;
#define FLUSH()                                                                     \
    if (lit.n) {                                                                    \
        Node *c = p_node(p, N_CONST);                                                 \
        c->v = decode_string(lit.s, (int)lit.n, 0);                                 \
        p_nvpush(&parts, c);                                                         \
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
        if (j >= len) p_err(p, "f-string: expecting '}'");
        int elen = j - (i + 1);
        bool selfdoc = elen > 0 && s[j - 1] == '=' && (elen < 2 || (s[j - 2] != '=' && s[j - 2] != '!' && s[j - 2] != '<' && s[j - 2] != '>'));
        Node *fm = p_node(p, N_FMT);
        fm->line = line;
        if (selfdoc) {
            Node *c = p_node(p, N_CONST);
            c->v = mk_str(s + i + 1, elen);
            c->v.o->rc = -1;
            p_nvpush(&parts, c);
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
        if (j >= len || s[j] != '}') p_err(p, "f-string: expecting '}'");
        p_nvpush(&parts, fm);
        i = j + 1;
    }
    FLUSH();
#undef FLUSH
    free(lit.s);
    Node *f = p_node(p, N_FSTR);
    f->line = line;
    f->kids = parts.v;
    f->nkids = parts.n;
    return f;
}

/* A for-target: or_expr items separated by commas, stopping at 'in'. */
static Node *binlevel(P *p, int lv);
Node *p_target_list(P *p) {
    NV v = {0};
    bool comma = false;
    for (;;) {
        Node *t;
        if (accept(p, "*")) { t = p_node(p, N_STAR); t->a = binlevel(p, 0); }
        else t = binlevel(p, 0);
        p_nvpush(&v, t);
        if (!accept(p, ",")) break;
        comma = true;
        if (is_kw(p, "in")) break;
    }
    if (!comma) return v.v[0];
    Node *tu = p_node(p, N_TUPLE);
    tu->kids = v.v;
    tu->nkids = v.n;
    return tu;
}

static Node *comp_tail(P *p, Node *elt, int kind) {
    Node *c = p_node(p, N_COMP);
    c->op = kind;
    c->a = elt;
    NV cl = {0};
    while (accept_kw(p, "for")) {
        Node *k = p_node(p, N_CLAUSE);
        k->a = p_target_list(p);
        if (!accept_kw(p, "in")) p_err(p, "invalid syntax: expected 'in'");
        /* the iterable is an or_test, so `if` is not swallowed */
        extern Node *or_test(P *);
        k->b = or_test(p);
        NV ifs = {0};
        while (accept_kw(p, "if")) p_nvpush(&ifs, or_test(p));
        k->kids = ifs.v;
        k->nkids = ifs.n;
        p_nvpush(&cl, k);
    }
    c->kids = cl.v;
    c->nkids = cl.n;
    return c;
}

static Node *atom(P *p) {
    Tok *t = peek(p);
    Node *n;
    if (t->type == TK_NUM) {
        n = p_node(p, N_CONST);
        n->v = t->v;
        p->pos++;
        return n;
    }
    if (t->type == TK_STR) return strings(p);
    if (t->type == TK_NAME) {
        if (accept_kw(p, "None")) { n = p_node(p, N_CONST); n->v = VNONE; return n; }
        if (accept_kw(p, "True")) { n = p_node(p, N_CONST); n->v = VBOOL(1); return n; }
        if (accept_kw(p, "False")) { n = p_node(p, N_CONST); n->v = VBOOL(0); return n; }
        if (is_kw(p, "yield") || is_kw(p, "await")) p_err(p, "unsupported construct: '%s'", t->s);
        n = p_node(p, N_NAME);
        n->name = p_name(p);
        return n;
    }
    if (accept(p, "...")) { n = p_node(p, N_CONST); n->v = (Val){.t = T_ELLIPSIS}; return n; }
    if (accept(p, "(")) {
        if (accept(p, ")")) { n = p_node(p, N_TUPLE); return n; }
        Node *first = is_op(p, "*") ? NULL : p_expr(p);
        if (first && is_kw(p, "for")) {
            n = comp_tail(p, first, COMP_GEN);
            p_expect(p, ")");
            return n;
        }
        if (first && accept(p, ")")) return first;
        NV v = {0};
        if (!first) { first = p_node(p, N_STAR); p_expect(p, "*"); first->a = p_expr(p); }
        p_nvpush(&v, first);
        while (accept(p, ",")) {
            if (is_op(p, ")")) break;
            if (accept(p, "*")) { Node *s = p_node(p, N_STAR); s->a = p_expr(p); p_nvpush(&v, s); }
            else p_nvpush(&v, p_expr(p));
        }
        p_expect(p, ")");
        n = p_node(p, N_TUPLE);
        n->kids = v.v;
        n->nkids = v.n;
        return n;
    }
    if (accept(p, "[")) {
        NV v = {0};
        if (!is_op(p, "]")) {
            Node *first = is_op(p, "*") ? NULL : p_expr(p);
            if (first && is_kw(p, "for")) {
                n = comp_tail(p, first, COMP_LIST);
                p_expect(p, "]");
                return n;
            }
            if (!first) { first = p_node(p, N_STAR); p_expect(p, "*"); first->a = p_expr(p); }
            p_nvpush(&v, first);
            while (accept(p, ",")) {
                if (is_op(p, "]")) break;
                if (accept(p, "*")) { Node *s = p_node(p, N_STAR); s->a = p_expr(p); p_nvpush(&v, s); }
                else p_nvpush(&v, p_expr(p));
            }
        }
        p_expect(p, "]");
        n = p_node(p, N_LIST);
        n->kids = v.v;
        n->nkids = v.n;
        return n;
    }
    if (accept(p, "{")) {
        NV v = {0};
        n = p_node(p, N_DICT);
        if (accept(p, "}")) return n;
        Node *k;
        if (accept(p, "**")) { k = p_node(p, N_DSTAR); k->a = p_expr(p); } /* {**d, ...}: value slot NULL */
        else k = p_expr(p);
        if (k->k == N_DSTAR || accept(p, ":")) {
            Node *val = k->k == N_DSTAR ? NULL : p_expr(p);
            if (val && is_kw(p, "for")) {
                Node *c = comp_tail(p, k, COMP_DICT);
                c->d = val;
                p_expect(p, "}");
                return c;
            }
            p_nvpush(&v, k);
            p_nvpush(&v, val);
            while (accept(p, ",")) {
                if (is_op(p, "}")) break;
                if (accept(p, "**")) {
                    Node *s = p_node(p, N_DSTAR);
                    s->a = p_expr(p);
                    p_nvpush(&v, s);
                    p_nvpush(&v, NULL);
                    continue;
                }
                p_nvpush(&v, p_expr(p));
                p_expect(p, ":");
                p_nvpush(&v, p_expr(p));
            }
        } else {
            n->k = N_SET;
            if (is_kw(p, "for")) {
                Node *c = comp_tail(p, k, COMP_SET);
                p_expect(p, "}");
                return c;
            }
            p_nvpush(&v, k);
            while (accept(p, ",")) {
                if (is_op(p, "}")) break;
                p_nvpush(&v, p_expr(p));
            }
        }
        p_expect(p, "}");
        n->kids = v.v;
        n->nkids = v.n;
        return n;
    }
    p_err(p, "invalid syntax");
}

static Node *subscript_item(P *p) {
    Node *lo = NULL, *hi = NULL, *st = NULL;
    if (!is_op(p, ":")) {
        lo = p_expr(p);
        if (!is_op(p, ":")) return lo;
    }
    p_expect(p, ":");
    Node *s = p_node(p, N_SLICE);
    if (!is_op(p, "]") && !is_op(p, ",") && !is_op(p, ":")) hi = p_expr(p);
    if (accept(p, ":"))
        if (!is_op(p, "]") && !is_op(p, ",")) st = p_expr(p);
    s->a = lo;
    s->b = hi;
    s->c = st;
    return s;
}

static Node *call_args(P *p, Node *fn) {
    Node *c = p_node(p, N_CALL);
    c->a = fn;
    NV v = {0};
    while (!is_op(p, ")")) {
        if (accept(p, "*")) { Node *s = p_node(p, N_STAR); s->a = p_expr(p); p_nvpush(&v, s); }
        else if (accept(p, "**")) { Node *s = p_node(p, N_DSTAR); s->a = p_expr(p); p_nvpush(&v, s); }
        else if (peek(p)->type == TK_NAME && p->t[p->pos + 1].type == TK_OP && strcmp(p->t[p->pos + 1].s, "=") == 0) {
            Node *k = p_node(p, N_KW);
            k->name = p_name(p);
            p->pos++;
            k->a = p_expr(p);
            p_nvpush(&v, k);
        } else {
            Node *e = p_expr(p);
            if (is_kw(p, "for")) e = comp_tail(p, e, COMP_GEN);
            p_nvpush(&v, e);
        }
        if (!accept(p, ",")) break;
    }
    p_expect(p, ")");
    c->kids = v.v;
    c->nkids = v.n;
    return c;
}

static Node *primary(P *p) {
    Node *n = atom(p);
    for (;;) {
        if (accept(p, ".")) {
            Node *a = p_node(p, N_ATTR);
            a->a = n;
            a->name = p_name(p);
            n = a;
        } else if (accept(p, "(")) {
            n = call_args(p, n);
        } else if (accept(p, "[")) {
            Node *s = p_node(p, N_SUB);
            s->a = n;
            Node *first = subscript_item(p);
            if (is_op(p, ",")) {
                NV v = {0};
                p_nvpush(&v, first);
                while (accept(p, ",")) {
                    if (is_op(p, "]")) break;
                    p_nvpush(&v, subscript_item(p));
                }
                Node *t = p_node(p, N_TUPLE);
                t->kids = v.v;
                t->nkids = v.n;
                first = t;
            }
            p_expect(p, "]");
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
        Node *b = p_node(p, N_BIN);
        b->op = OP_POW;
        b->a = n;
        b->b = unary(p); /* right-associative, binds tighter than unary on the left only */
        return b;
    }
    return n;
}
static void check_depth(P *p);
static Node *unary(P *p) {
    int op = is_op(p, "-") ? OP_NEG : is_op(p, "+") ? OP_POS : is_op(p, "~") ? OP_INVERT : -1;
    if (op < 0) return power(p);
    check_depth(p);
    p->pos++;
    Node *x = unary(p);
    if (op == OP_NEG && x->k == N_CONST && (x->v.t == T_INT || x->v.t == T_FLOAT) &&
        !(x->v.t == T_INT && x->v.i == INT64_MIN)) {
        /* fold -1 so that -9223372036854775808 is not needed as an int literal */
        if (x->v.t == T_INT) x->v.i = -x->v.i; else x->v.f = -x->v.f;
        return x;
    }
    Node *n = p_node(p, N_UN);
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
        Node *b = p_node(p, N_BIN);
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
    Node *c = p_node(p, N_CMP);
    NV v = {0};
    int ops[64], nops = 0;
    p_nvpush(&v, first);
    while (op >= 0) {
        if (nops == 64) p_err(p, "comparison chain too long");
        ops[nops++] = op;
        p_nvpush(&v, binlevel(p, 0));
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
        check_depth(p);
        Node *n = p_node(p, N_NOT);
        n->a = not_test(p);
        return n;
    }
    return comparison(p);
}
static Node *and_test(P *p) {
    Node *n = not_test(p);
    while (accept_kw(p, "and")) {
        Node *b = p_node(p, N_AND);
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
        Node *b = p_node(p, N_OR);
        b->a = n;
        b->b = and_test(p);
        n = b;
    }
    return n;
}

void p_params(P *p, Node *f, const char *end) {
    NV defs = {0};
    const char *names[256];
    int n = 0, npos = -1;
    while (!is_op(p, end)) {
        if (accept(p, "**")) f->dstar = p_name(p);
        else if (accept(p, "*")) { npos = n; if (!is_op(p, ",")) f->star = p_name(p); }
        else if (accept(p, "/")) { /* positional-only marker: ignored */ }
        else {
            if (n == 256) p_err(p, "too many parameters");
            names[n++] = p_name(p);
            if (!strcmp(end, ")") && accept(p, ":")) p_expr(p); /* annotation: ignored */
            if (accept(p, "=")) p_nvpush(&defs, p_expr(p));
            else if (defs.n) p_err(p, "non-default argument follows default argument");
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

/* Deep syntax (a long chain of unary minus, nested lambdas or blocks) ends
   in Python's RecursionError instead of overflowing the C stack. */
static void check_depth(P *p) {
    if (!stack_exhausted()) return;
    cur_line = p->t[p->pos].line;
    raise_exc(RecursionErrorT, "maximum recursion depth exceeded during compilation");
    longjmp(p->jb, 1);
}

Node *p_expr(P *p) {
    check_depth(p);
    if (accept_kw(p, "lambda")) {
        Node *f = p_node(p, N_LAMBDA);
        p_params(p, f, ":");
        p_expect(p, ":");
        f->a = p_expr(p);
        f->name = intern("<lambda>", 8);
        return f;
    }
    Node *n = or_test(p);
    if (is_kw(p, "if")) {
        /* a conditional expression, unless this `if` belongs to a comprehension */
        p->pos++;
        Node *c = p_node(p, N_IFEXP);
        c->a = or_test(p);
        if (!accept_kw(p, "else")) p_err(p, "expected 'else' after 'if' expression");
        c->b = n;
        c->c = p_expr(p);
        return c;
    }
    return n;
}

/* expr (',' expr)* [','] -> a tuple when a comma appears */
Node *p_star_exprs(P *p, bool allow_star) {
    Node *first;
    if (allow_star && accept(p, "*")) { first = p_node(p, N_STAR); first->a = binlevel(p, 0); }
    else first = p_expr(p);
    if (!is_op(p, ",")) return first;
    NV v = {0};
    p_nvpush(&v, first);
    while (accept(p, ",")) {
        Tok *t = peek(p);
        if (t->type == TK_NEWLINE || (t->type == TK_OP && (!strcmp(t->s, "=") || !strcmp(t->s, ")") ||
                                                            !strcmp(t->s, ":") || strchr(t->s, '=') != NULL)) ||
            is_kw(p, "in"))
            break;
        if (allow_star && accept(p, "*")) { Node *s = p_node(p, N_STAR); s->a = binlevel(p, 0); p_nvpush(&v, s); }
        else p_nvpush(&v, p_expr(p));
    }
    Node *t = p_node(p, N_TUPLE);
    t->kids = v.v;
    t->nkids = v.n;
    t->line = first->line;
    return t;
}
