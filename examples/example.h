/* example.h — small helpers shared by the examples: print the way Python's
 * print() does, stop on an unexpected error, and in-place add.
 *
 * Every example prints exactly what its NumPy original (examples/<name>.py)
 * prints; tests/examples runs both and compares. */
#ifndef ND_EXAMPLE_H
#define ND_EXAMPLE_H

#include <nd.h>

#include <stdio.h>
#include <stdlib.h>

/* An nd call failed where the NumPy original does not raise: print the error
 * as Python's last traceback line would ("ValueError: ...") and stop. */
_Noreturn static inline void ex_die(const char *what) {
    fflush(stdout);
    printf("%s: %s\n", nd_errclass(), nd_errmsg());
    fprintf(stderr, "example: %s failed\n", what);
    exit(1);
}

/* NEED(p): p, or stop when p is NULL.  OK(rc): rc, or stop when rc < 0.
 * (gcc statement expressions, so the call runs once.) */
#define NEED(p)                                                                \
    __extension__({                                                            \
        __typeof__(p) need_ = (p);                                             \
        if (!need_) ex_die(#p);                                                \
        need_;                                                                 \
    })
#define OK(rc)                                                                 \
    __extension__({                                                            \
        int ok_ = (rc);                                                        \
        if (ok_ < 0) ex_die(#rc);                                              \
        ok_;                                                                   \
    })

/* Python's str(bool). */
static inline const char *ex_tf(int truth) { return truth ? "True" : "False"; }

/* np.shares_memory(a, b) as "True"/"False". */
static inline const char *ex_shares(const nd_array *a, const nd_array *b) {
    return ex_tf(OK(nd_shares_memory(a, b, ND_MAY_SHARE_EXACT)));
}

/* print(a): NumPy's str(a).  nd_str returns a string we must nd_free. */
static inline void ex_put(const nd_array *a) {
    char *s = nd_str(a);
    if (!s) {
        printf("%s: %s", nd_errclass(), nd_errmsg()); /* shows up in the diff */
        return;
    }
    fputs(s, stdout);
    nd_free(s);
}

/* A shape or strides tuple as Python prints it: "(3,)", "(2, 3)", "()". */
static inline void ex_put_tuple(int n, const int64_t *v) {
    putchar('(');
    for (int i = 0; i < n; i++) printf(i ? ", %lld" : "%lld", (long long)v[i]);
    fputs(n == 1 ? ",)" : ")", stdout);
}
static inline void ex_put_shape(const nd_array *a) { ex_put_tuple(nd_ndim(a), nd_shape(a)); }
static inline void ex_put_strides(const nd_array *a) { ex_put_tuple(nd_ndim(a), nd_strides(a)); }

/* Python's repr() of a bytes object, e.g. b'\x00\x01A'. */
static inline void ex_put_bytes(const unsigned char *p, size_t n) {
    fputs("b'", stdout);
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c == '\\' || c == '\'') printf("\\%c", c);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\r') fputs("\\r", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else if (c >= 0x20 && c < 0x7f) putchar((int)c);
        else printf("\\x%02x", c);
    }
    putchar('\'');
}

/* a += x for a Python int x: NumPy's np.add(a, x, out=a).  The 0-d int64
 * operand takes part by value, so a keeps its dtype (int8 wraps, as NumPy). */
static inline void ex_iadd(nd_array *a, int64_t x) {
    nd_array *s = NEED(nd_scalar(ND_I64(x), NULL));
    nd_array *r = NEED(nd_apply(ND_ADD, a, s, a)); /* returns a, retained */
    nd_release(r);
    nd_release(s);
}

#endif /* ND_EXAMPLE_H */
