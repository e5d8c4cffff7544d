/* ast.h — tokens and syntax tree of the nd interpreter (lex.c, parse.c, eval.c). */
#ifndef ND_AST_H
#define ND_AST_H

#include "py.h"

enum { TK_EOF, TK_NAME, TK_NUM, TK_STR, TK_OP, TK_NEWLINE, TK_INDENT, TK_DEDENT };
enum { SF_BYTES = 1, SF_FSTR = 2, SF_RAW = 4 };

typedef struct Tok {
    int type;
    const char *s; /* TK_NAME: interned; TK_OP: interned spelling; TK_STR: raw body */
    int len;
    int line;
    int flags;     /* SF_* for strings */
    Val v;         /* numbers; decoded (non-f) strings */
} Tok;

typedef struct Toks { Tok *t; int n, cap; } Toks;

/* Tokenise src; on error sets a SyntaxError and returns <0. */
int lex(const char *src, Toks *out, int first_line);
/* Decode the escapes of a (non-raw) string body. */
Val decode_string(const char *s, int len, int flags);

typedef enum NK {
    N_CONST, N_NAME, N_ATTR, N_SUB, N_CALL, N_BIN, N_UN, N_AND, N_OR, N_NOT, N_CMP,
    N_IFEXP, N_LAMBDA, N_LIST, N_TUPLE, N_DICT, N_SET, N_COMP, N_SLICE, N_FSTR, N_FMT,
    N_STAR, N_DSTAR, N_KW, N_CLAUSE,
    S_EXPR, S_ASSIGN, S_AUG, S_IF, S_WHILE, S_FOR, S_BREAK, S_CONT, S_PASS, S_DEF,
    S_RETURN, S_TRY, S_HANDLER, S_RAISE, S_ASSERT, S_GLOBAL, S_DEL, S_IMPORT, S_FROM,
    S_BLOCK, S_WITH
} NK;

enum { COMP_LIST, COMP_GEN, COMP_SET, COMP_DICT };

struct Node {
    int k, op, line;
    Node *a, *b, *c, *d;
    Node **kids;
    int nkids;
    int *ops;          /* N_CMP operators */
    Val v;             /* N_CONST */
    const char *name;  /* interned */
    const char **names, **names2;
    int nnames, nnames2;
    const char *star, *dstar; /* def: *args / **kwargs names */
    int npos;                 /* def: parameters that take positional arguments */
};

/* Parse a whole module (or one interactive input); NULL with a SyntaxError set. */
Node *parse_module(const char *src, const char *filename, int first_line);
void *arena_alloc(size_t n);

#endif
