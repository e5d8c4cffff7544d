/* parse_stmt.c — parsing statements: simple statements, blocks and
 * indentation, compound statements, decorators, and parse_module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static Node *block(P *p);
static Node *stmt(P *p);

static void check_target(P *p, Node *t) {
    if (t->k == N_NAME || t->k == N_ATTR || t->k == N_SUB) return;
    if (t->k == N_STAR) { check_target(p, t->a); return; }
    if (t->k == N_TUPLE || t->k == N_LIST) {
        for (int i = 0; i < t->nkids; i++) check_target(p, t->kids[i]);
        return;
    }
    p_err(p, "cannot assign to expression");
}

static void end_simple(P *p) {
    if (accept(p, ";")) return;
    if (peek(p)->type == TK_NEWLINE) { p->pos++; return; }
    if (peek(p)->type == TK_EOF) return;
    p_err(p, "invalid syntax");
}

static const char *dotted(P *p) {
    char buf[256];
    size_t n = 0;
    const char *s = p_name(p);
    n = (size_t)snprintf(buf, sizeof buf, "%s", s);
    while (accept(p, ".")) {
        s = p_name(p);
        n += (size_t)snprintf(buf + n, sizeof buf - (n < sizeof buf ? n : sizeof buf), ".%s", s);
        if (n >= sizeof buf) p_err(p, "module name too long");
    }
    return intern(buf, n);
}

static Node *simple(P *p) {
    Node *n;
    Tok *t = peek(p);
    if (t->type == TK_NAME) {
        const char *s = t->s;
        if (!strcmp(s, "pass")) { p->pos++; return p_node(p, S_PASS); }
        if (!strcmp(s, "break")) { p->pos++; return p_node(p, S_BREAK); }
        if (!strcmp(s, "continue")) { p->pos++; return p_node(p, S_CONT); }
        if (!strcmp(s, "return")) {
            p->pos++;
            n = p_node(p, S_RETURN);
            if (peek(p)->type != TK_NEWLINE && !is_op(p, ";")) n->a = p_star_exprs(p, true);
            return n;
        }
        if (!strcmp(s, "raise")) {
            p->pos++;
            n = p_node(p, S_RAISE);
            if (peek(p)->type != TK_NEWLINE && !is_op(p, ";")) {
                n->a = p_expr(p);
                if (accept_kw(p, "from")) n->b = p_expr(p);
            }
            return n;
        }
        if (!strcmp(s, "assert")) {
            p->pos++;
            n = p_node(p, S_ASSERT);
            n->a = p_expr(p);
            if (accept(p, ",")) n->b = p_expr(p);
            return n;
        }
        if (!strcmp(s, "global") || !strcmp(s, "nonlocal")) {
            p->pos++;
            n = p_node(p, S_GLOBAL);
            n->op = s[0] == 'n';
            const char *nm[64];
            int k = 0;
            do {
                if (k == 64) p_err(p, "too many names");
                nm[k++] = p_name(p);
            } while (accept(p, ","));
            n->names = arena_alloc(sizeof(char *) * (size_t)k);
            memcpy(n->names, nm, sizeof(char *) * (size_t)k);
            n->nnames = k;
            return n;
        }
        if (!strcmp(s, "del")) {
            p->pos++;
            n = p_node(p, S_DEL);
            Node *e = p_star_exprs(p, false);
            if (e->k == N_TUPLE) { n->kids = e->kids; n->nkids = e->nkids; }
            else { n->kids = arena_alloc(sizeof(Node *)); n->kids[0] = e; n->nkids = 1; }
            return n;
        }
        if (!strcmp(s, "import")) {
            p->pos++;
            n = p_node(p, S_IMPORT);
            const char *nm[32], *as[32];
            int k = 0;
            do {
                if (k == 32) p_err(p, "too many names");
                nm[k] = dotted(p);
                as[k] = accept_kw(p, "as") ? p_name(p) : NULL;
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
            n = p_node(p, S_FROM);
            n->name = dotted(p);
            if (!accept_kw(p, "import")) p_err(p, "invalid syntax");
            bool par = accept(p, "(");
            const char *nm[64], *as[64];
            int k = 0;
            if (accept(p, "*")) { /* every public name: nnames -1 */
                n->nnames = n->nnames2 = -1;
                return n;
            }
            do {
                if (par && is_op(p, ")")) break;
                if (k == 64) p_err(p, "too many names");
                nm[k] = p_name(p);
                as[k] = accept_kw(p, "as") ? p_name(p) : NULL;
                k++;
            } while (accept(p, ","));
            if (par) p_expect(p, ")");
            n->names = arena_alloc(sizeof(char *) * (size_t)k);
            n->names2 = arena_alloc(sizeof(char *) * (size_t)k);
            memcpy(n->names, nm, sizeof(char *) * (size_t)k);
            memcpy(n->names2, as, sizeof(char *) * (size_t)k);
            n->nnames = n->nnames2 = k;
            return n;
        }
    }
    int line = peek(p)->line;
    Node *e = p_star_exprs(p, true);
    if (peek(p)->type == TK_OP) {
        const char *o = peek(p)->s;
        static const char *aug[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>=", NULL};
        static const int augop[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_MATMUL, OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT};
        for (int i = 0; aug[i]; i++) {
            if (strcmp(o, aug[i]) == 0) {
                p->pos++;
                if (e->k != N_NAME && e->k != N_ATTR && e->k != N_SUB) p_err(p, "illegal expression for augmented assignment");
                n = p_node(p, S_AUG);
                n->line = line;
                n->op = augop[i];
                n->a = e;
                n->b = p_star_exprs(p, false);
                return n;
            }
        }
        if (!strcmp(o, ":") ) { /* annotated assignment: x: int = 5 */
            p->pos++;
            p_expr(p);
            if (!accept(p, "=")) { n = p_node(p, S_PASS); return n; }
        }
        if (!strcmp(o, "=") || !strcmp(o, ":")) {
            NV tg = {0};
            p_nvpush(&tg, e);
            Node *val = NULL;
            if (is_op(p, "=")) p->pos++;
            for (;;) {
                val = p_star_exprs(p, true);
                if (!accept(p, "=")) break;
                p_nvpush(&tg, val);
            }
            for (int i = 0; i < tg.n; i++) check_target(p, tg.v[i]);
            n = p_node(p, S_ASSIGN);
            n->line = line;
            n->kids = tg.v;
            n->nkids = tg.n;
            n->a = val;
            return n;
        }
    }
    n = p_node(p, S_EXPR);
    n->line = line;
    n->a = e;
    return n;
}

static Node *simple_line(P *p) {
    NV v = {0};
    do {
        p_nvpush(&v, simple(p));
        if (is_op(p, ";")) { p->pos++; if (peek(p)->type == TK_NEWLINE) break; continue; }
        break;
    } while (peek(p)->type != TK_NEWLINE && peek(p)->type != TK_EOF);
    end_simple(p);
    if (v.n == 1) return v.v[0];
    Node *b = p_node(p, S_BLOCK);
    b->kids = v.v;
    b->nkids = v.n;
    return b;
}

static Node *block(P *p) {
    p_expect(p, ":");
    if (peek(p)->type != TK_NEWLINE) {
        Node *s = simple_line(p);
        if (s->k == S_BLOCK) return s;
        Node *b = p_node(p, S_BLOCK);
        b->kids = arena_alloc(sizeof(Node *));
        b->kids[0] = s;
        b->nkids = 1;
        return b;
    }
    p->pos++;
    if (peek(p)->type != TK_INDENT) p_err(p, "IndentationError: expected an indented block");
    p->pos++;
    NV v = {0};
    Node *b = p_node(p, S_BLOCK);
    while (peek(p)->type != TK_DEDENT && peek(p)->type != TK_EOF) p_nvpush(&v, stmt(p));
    if (peek(p)->type == TK_DEDENT) p->pos++;
    b->kids = v.v;
    b->nkids = v.n;
    return b;
}

static Node *if_rest(P *p) {
    Node *n = p_node(p, S_IF);
    n->a = p_expr(p);
    n->b = block(p);
    if (accept_kw(p, "elif")) n->c = if_rest(p);
    else if (accept_kw(p, "else")) n->c = block(p);
    return n;
}

static Node *stmt(P *p) {
    Tok *t = peek(p);
    int line = t->line;
    Node *n;
    if (t->type == TK_INDENT) p_err(p, "IndentationError: unexpected indent");
    if (t->type == TK_NAME) {
        const char *s = t->s;
        if (!strcmp(s, "if")) { p->pos++; n = if_rest(p); n->line = line; return n; }
        if (!strcmp(s, "while")) {
            p->pos++;
            n = p_node(p, S_WHILE);
            n->line = line;
            n->a = p_expr(p);
            n->b = block(p);
            if (accept_kw(p, "else")) n->c = block(p);
            return n;
        }
        if (!strcmp(s, "for")) {
            p->pos++;
            n = p_node(p, S_FOR);
            n->line = line;
            n->a = p_target_list(p);
            check_target(p, n->a);
            if (!accept_kw(p, "in")) p_err(p, "invalid syntax: expected 'in'");
            n->b = p_star_exprs(p, false);
            n->c = block(p);
            if (accept_kw(p, "else")) n->d = block(p);
            return n;
        }
        if (!strcmp(s, "def")) {
            p->pos++;
            n = p_node(p, S_DEF);
            n->line = line;
            n->name = p_name(p);
            p_expect(p, "(");
            p_params(p, n, ")");
            p_expect(p, ")");
            if (accept(p, "->")) p_expr(p);
            n->b = block(p);
            return n;
        }
        if (!strcmp(s, "try")) {
            p->pos++;
            n = p_node(p, S_TRY);
            n->line = line;
            n->a = block(p);
            NV h = {0};
            while (is_kw(p, "except")) {
                Node *hd = p_node(p, S_HANDLER);
                p->pos++;
                if (!is_op(p, ":")) {
                    hd->a = p_expr(p);
                    if (is_op(p, ",")) { /* except (A, B) written without parens */
                        NV v = {0};
                        p_nvpush(&v, hd->a);
                        while (accept(p, ",")) p_nvpush(&v, p_expr(p));
                        Node *tu = p_node(p, N_TUPLE);
                        tu->kids = v.v;
                        tu->nkids = v.n;
                        hd->a = tu;
                    }
                    if (accept_kw(p, "as")) hd->name = p_name(p);
                }
                hd->b = block(p);
                p_nvpush(&h, hd);
            }
            n->kids = h.v;
            n->nkids = h.n;
            if (accept_kw(p, "else")) n->b = block(p);
            if (accept_kw(p, "finally")) n->c = block(p);
            if (!h.n && !n->c) p_err(p, "expected 'except' or 'finally' block");
            return n;
        }
        if (!strcmp(s, "class")) p_err(p, "unsupported construct: class definition");
        if (!strcmp(s, "with")) { /* one context manager: nd has np.errstate */
            p->pos++;
            n = p_node(p, S_WITH);
            n->line = line;
            n->a = p_expr(p);
            if (accept_kw(p, "as")) n->c = p_expr(p);
            if (is_op(p, ",")) p_err(p, "unsupported construct: 'with' of several context managers");
            n->b = block(p);
            return n;
        }
        if (!strcmp(s, "async")) p_err(p, "unsupported construct: async");
        if (!strcmp(s, "yield")) p_err(p, "unsupported construct: 'yield' (generators)");
    }
    if (t->type == TK_OP && !strcmp(t->s, "@")) { /* decorators: a tuple of expressions on the def's c */
        NV v = {0};
        while (accept(p, "@")) {
            p_nvpush(&v, p_expr(p));
            if (peek(p)->type != TK_NEWLINE) p_err(p, "invalid syntax");
            p->pos++;
        }
        if (!is_kw(p, "def")) p_err(p, "unsupported construct: a decorator on anything but a def");
        n = stmt(p);
        Node *d = p_node(p, N_TUPLE);
        d->kids = v.v;
        d->nkids = v.n;
        n->c = d;
        n->line = line;
        return n;
    }
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
        p_nvpush(&v, stmt(&p));
        while (peek(&p)->type == TK_NEWLINE) p.pos++;
    }
    Node *b = p_node(&p, S_BLOCK);
    b->kids = v.v;
    b->nkids = v.n;
    free(ts.t);
    return b;
}
