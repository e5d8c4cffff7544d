/* parse.h — what the parser's two files share (parse.c: tokens to
 * expressions, the arena, the helpers; parse_stmt.c: statements and
 * parse_module).  A parse error longjmps to P.jb with a SyntaxError set. */
#ifndef ND_PARSE_H
#define ND_PARSE_H

#include <setjmp.h>
#include <string.h>

#include "ast.h"

typedef struct P {
    Tok *t;
    int pos, n;
    jmp_buf jb;
    const char *file;
} P;

typedef struct NV { Node **v; int n, cap; } NV;

_Noreturn void p_err(P *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline Tok *peek(P *p) { return &p->t[p->pos]; }
static inline bool is_op(P *p, const char *op) { return peek(p)->type == TK_OP && strcmp(peek(p)->s, op) == 0; }
static inline bool is_kw(P *p, const char *kw) { return peek(p)->type == TK_NAME && strcmp(peek(p)->s, kw) == 0; }
static inline bool accept(P *p, const char *op) {
    if (is_op(p, op)) { p->pos++; return true; }
    return false;
}
static inline bool accept_kw(P *p, const char *kw) {
    if (is_kw(p, kw)) { p->pos++; return true; }
    return false;
}
void p_expect(P *p, const char *op);
const char *p_name(P *p);                 /* an identifier (not a keyword) */
Node *p_node(P *p, int k);                /* a new node at the current line */
void p_nvpush(NV *v, Node *x);            /* append to an arena-grown node list */
Node *p_expr(P *p);
Node *p_star_exprs(P *p, bool allow_star); /* expr, expr... (a tuple when a comma appears) */
Node *p_target_list(P *p);
void p_params(P *p, Node *f, const char *end); /* def / lambda parameters */

#endif
