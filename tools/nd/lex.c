/* lex.c — tokenizer for the Python subset, and name interning.
 * Indentation is turned into INDENT/DEDENT tokens; newlines inside brackets
 * are ignored, as Python does. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* ---- interning: names compare by pointer everywhere else ---- */
typedef struct IStr { struct IStr *next; size_t n; char s[]; } IStr;
static IStr *itab[4096];

const char *intern(const char *s, size_t n) {
    uint64_t h = hash_bytes(s, (int64_t)n) & 4095;
    for (IStr *p = itab[h]; p; p = p->next)
        if (p->n == n && memcmp(p->s, s, n) == 0) return p->s;
    IStr *p = malloc(sizeof *p + n + 1);
    if (!p) abort(); /* out of memory while interning a name: nothing sane to do */
    p->n = n;
    memcpy(p->s, s, n);
    p->s[n] = 0;
    p->next = itab[h];
    itab[h] = p;
    return p->s;
}

static void push(Toks *ts, Tok t) {
    if (ts->n == ts->cap) {
        ts->cap = ts->cap ? ts->cap * 2 : 256;
        ts->t = realloc(ts->t, (size_t)ts->cap * sizeof(Tok));
        if (!ts->t) abort();
    }
    ts->t[ts->n++] = t;
}

static int utf8_put(char *o, uint32_t c) {
    if (c < 0x80) { o[0] = (char)c; return 1; }
    if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 63)); return 2; }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 63)); o[2] = (char)(0x80 | (c & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 63));
    o[2] = (char)(0x80 | ((c >> 6) & 63)); o[3] = (char)(0x80 | (c & 63));
    return 4;
}

Val decode_string(const char *s, int len, int flags) {
    char *o = malloc((size_t)len + 1);
    if (!o) abort();
    int n = 0;
    for (int i = 0; i < len; i++) {
        char c = s[i];
        if (c != '\\' || (flags & SF_RAW) || i + 1 >= len) { o[n++] = c; continue; }
        c = s[++i];
        switch (c) {
        case 'n': o[n++] = '\n'; break;
        case 't': o[n++] = '\t'; break;
        case 'r': o[n++] = '\r'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = 0, k = 0;
            while (k < 3 && i < len && s[i] >= '0' && s[i] <= '7') v = v * 8 + (s[i++] - '0'), k++;
            i--;
            if (flags & SF_BYTES) o[n++] = (char)v; else n += utf8_put(o + n, (uint32_t)v);
            break;
        }
        case 'a': o[n++] = '\a'; break;
        case 'b': o[n++] = '\b'; break;
        case 'f': o[n++] = '\f'; break;
        case 'v': o[n++] = '\v'; break;
        case '\n': break;
        case 'x': case 'u': case 'U': {
            int w = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if ((flags & SF_BYTES) && c != 'x') { o[n++] = '\\'; o[n++] = c; break; }
            uint32_t v = 0;
            for (int k = 0; k < w && i + 1 < len && isxdigit((unsigned char)s[i + 1]); k++) {
                char h = s[++i];
                v = v * 16 + (uint32_t)(isdigit((unsigned char)h) ? h - '0' : (tolower(h) - 'a' + 10));
            }
            if (flags & SF_BYTES) o[n++] = (char)v; else n += utf8_put(o + n, v);
            break;
        }
        case '\\': case '\'': case '"': o[n++] = c; break;
        default: o[n++] = '\\'; o[n++] = c;
        }
    }
    Val r = (flags & SF_BYTES) ? mk_bytes(o, n) : mk_str(o, n);
    free(o);
    r.o->rc = -1; /* constants in the tree live as long as the program */
    return r;
}

static const char *ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *ops2[] = {"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=",
                             "/=", "%=", "&=", "|=", "^=", "@=", ":=", NULL};

static int lex_err(int line, const char *msg) {
    raise_exc(SyntaxErrorT, "%s (line %d)", msg, line);
    return -1;
}

static int lex_number(const char *p, Tok *t) {
    const char *q = p;
    char buf[128];
    int n = 0;
    bool isfloat = false;
    if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X' || q[1] == 'o' || q[1] == 'O' || q[1] == 'b' || q[1] == 'B')) {
        int base = (q[1] == 'x' || q[1] == 'X') ? 16 : (q[1] == 'o' || q[1] == 'O') ? 8 : 2;
        q += 2;
        while (isalnum((unsigned char)*q) || *q == '_') {
            if (*q != '_' && n < 100) buf[n++] = *q;
            q++;
        }
        buf[n] = 0;
        i128 v;
        if (!n || buf[0] == '+' || buf[0] == '-') return -1;
        int r = parse_int128(buf, base, &v);
        if (r < 0) return r;
        t->v = mk_int(v);
        if (t->v.t == T_BIG) t->v.o->rc = -1; /* constants live as long as the syntax tree */
        return (int)(q - p);
    }
    while (isdigit((unsigned char)*q) || *q == '_' || *q == '.' || *q == 'e' || *q == 'E' ||
           ((*q == '+' || *q == '-') && (q[-1] == 'e' || q[-1] == 'E') && q > p)) {
        if (*q == '.' || *q == 'e' || *q == 'E') isfloat = true;
        if (*q == '.' && q[1] == '.') break; /* never part of a number */
        if (*q != '_' && n < 100) buf[n++] = *q;
        q++;
    }
    buf[n] = 0;
    if (*q == 'j' || *q == 'J') {
        t->v = mk_complex(0, strtod(buf, NULL));
        t->v.o->rc = -1;
        return (int)(q + 1 - p);
    }
    if (isfloat) {
        t->v = VFLOAT(strtod(buf, NULL));
    } else {
        i128 v;
        int r = parse_int128(buf, 10, &v);
        if (r < 0) return r;
        t->v = mk_int(v);
        if (t->v.t == T_BIG) t->v.o->rc = -1; /* constants live as long as the syntax tree */
    }
    return (int)(q - p);
}

/* Length of a string literal starting at its opening quote, or -1. */
static int string_len(const char *p, int *body_start, int *body_len, int *nl) {
    char q = p[0];
    bool triple = p[1] == q && p[2] == q;
    int open = triple ? 3 : 1;
    const char *s = p + open;
    *nl = 0;
    for (;;) {
        if (!*s) return -1;
        if (*s == '\\' && s[1]) {
            if (s[1] == '\n') (*nl)++;
            s += 2;
            continue;
        }
        if (*s == '\n') {
            if (!triple) return -1;
            (*nl)++;
        }
        if (*s == q && (!triple || (s[1] == q && s[2] == q))) break;
        s++;
    }
    *body_start = open;
    *body_len = (int)(s - (p + open));
    return (int)(s - p) + open;
}

int lex(const char *src, Toks *ts, int first_line) {
    int indents[128] = {0}, nind = 1, depth = 0, line = first_line;
    const char *p = src;
    bool bol = true;
    while (*p) {
        if (bol && depth == 0) {
            int col = 0;
            const char *q = p;
            while (*q == ' ' || *q == '\t') col = *q == '\t' ? (col / 8 + 1) * 8 : col + 1, q++;
            if (*q == '\n' || *q == '#' || *q == '\r' || !*q) { /* blank or comment line */
                while (*q && *q != '\n') q++;
                if (*q) q++, line++;
                p = q;
                continue;
            }
            if (col > indents[nind - 1]) {
                if (nind == 128) return lex_err(line, "too many levels of indentation");
                indents[nind++] = col;
                push(ts, (Tok){.type = TK_INDENT, .line = line});
            } else {
                while (col < indents[nind - 1]) {
                    nind--;
                    push(ts, (Tok){.type = TK_DEDENT, .line = line});
                }
                if (col != indents[nind - 1])
                    return lex_err(line, "IndentationError: unindent does not match any outer indentation level");
            }
            p = q;
            bol = false;
        }
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') { p++; continue; }
        if (c == '#') { while (*p && *p != '\n') p++; continue; }
        if (c == '\\' && p[1] == '\n') { p += 2; line++; continue; }
        if (c == '\n') {
            p++;
            if (depth == 0) {
                push(ts, (Tok){.type = TK_NEWLINE, .line = line});
                bol = true;
            }
            line++;
            continue;
        }
        Tok t = {.line = line};
        /* string prefixes */
        int pre = 0, flags = 0;
        while (pre < 3 && p[pre] && strchr("rRbBfFuU", p[pre])) pre++;
        if (pre < 3 && (p[pre] == '\'' || p[pre] == '"') && (pre == 0 || !isalnum((unsigned char)p[-1]))) {
            for (int k = 0; k < pre; k++) {
                char f = (char)tolower(p[k]);
                flags |= f == 'b' ? SF_BYTES : f == 'f' ? SF_FSTR : f == 'r' ? SF_RAW : 0;
            }
            int bs, bl, nl;
            int L = string_len(p + pre, &bs, &bl, &nl);
            if (L < 0) return lex_err(line, "unterminated string literal");
            t.type = TK_STR;
            t.s = p + pre + bs;
            t.len = bl;
            t.flags = flags;
            if (!(flags & SF_FSTR)) t.v = decode_string(t.s, t.len, flags);
            push(ts, t);
            p += pre + L;
            line += nl;
            continue;
        }
        if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
            const char *q = p;
            while (isalnum((unsigned char)*q) || *q == '_' || (unsigned char)*q >= 0x80) q++;
            t.type = TK_NAME;
            t.s = intern(p, (size_t)(q - p));
            t.len = (int)(q - p);
            push(ts, t);
            p = q;
            continue;
        }
        if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)p[1]))) {
            int L = lex_number(p, &t);
            if (L == -2) return lex_err(line, "integer literal too large for nd (ints are limited to 128 bits)");
            if (L < 0) return lex_err(line, "invalid number literal");
            t.type = TK_NUM;
            push(ts, t);
            p += L;
            continue;
        }
        int L = 0;
        for (int k = 0; ops3[k] && !L; k++) if (strncmp(p, ops3[k], 3) == 0) L = 3;
        for (int k = 0; ops2[k] && !L; k++) if (strncmp(p, ops2[k], 2) == 0) L = 2;
        if (!L) {
            if (!strchr("+-*/%@&|^~<>()[]{},:;.=!", c)) {
                char m[64];
                snprintf(m, sizeof m, "invalid character '%c' (U+%04X)", c, (unsigned char)c);
                return lex_err(line, m);
            }
            L = 1;
        }
        if ((c == '(' || c == '[' || c == '{') && ++depth > 200) return lex_err(line, "too many nested parentheses");
        if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
        t.type = TK_OP;
        t.s = intern(p, (size_t)L);
        t.len = L;
        push(ts, t);
        p += L;
    }
    if (ts->n && ts->t[ts->n - 1].type != TK_NEWLINE && ts->t[ts->n - 1].type != TK_DEDENT)
        push(ts, (Tok){.type = TK_NEWLINE, .line = line});
    while (nind > 1) nind--, push(ts, (Tok){.type = TK_DEDENT, .line = line});
    push(ts, (Tok){.type = TK_EOF, .line = line});
    return 0;
}
