/* ufunc_loops.h — the inner-loop shapes every ufunc kernel file expands:
 * BIN_LOOP(name, input type, output type, OP) and UN_LOOP likewise.  The
 * contiguous and scalar-operand branches use typed pointers so gcc
 * vectorises them; the general branch reads through memcpy, since views
 * may be unaligned. */
#ifndef ND_UFUNC_LOOPS_H
#define ND_UFUNC_LOOPS_H

#define BIN_LOOP(fname, TI, TO, OP)                                                          \
    static void fname(char **args, const int64_t *steps, int64_t n) {                        \
        char *a = args[0], *b = args[1], *o = args[2];                                       \
        int64_t sa = steps[0], sb = steps[1], so = steps[2];                                 \
        bool al = (((uintptr_t)a | (uintptr_t)b) % _Alignof(TI) == 0) &&                     \
                  ((uintptr_t)o % _Alignof(TO) == 0);                                        \
        if (al && sa == sizeof(TI) && sb == sizeof(TI) && so == sizeof(TO)) {                \
            const TI *x = (const TI *)(void *)a, *y = (const TI *)(void *)b;                 \
            TO *z = (TO *)(void *)o;                                                         \
            for (int64_t i = 0; i < n; i++) z[i] = OP(x[i], y[i]);                           \
            return;                                                                          \
        }                                                                                    \
        if (al && sa == sizeof(TI) && sb == 0 && so == sizeof(TO)) {                         \
            const TI *x = (const TI *)(void *)a, yv = *(const TI *)(void *)b;                \
            TO *z = (TO *)(void *)o;                                                         \
            for (int64_t i = 0; i < n; i++) z[i] = OP(x[i], yv);                             \
            return;                                                                          \
        }                                                                                    \
        for (int64_t i = 0; i < n; i++, a += sa, b += sb, o += so) {                         \
            TI x, y;                                                                         \
            memcpy(&x, a, sizeof x);                                                         \
            memcpy(&y, b, sizeof y);                                                         \
            TO r = OP(x, y);                                                                 \
            memcpy(o, &r, sizeof r);                                                         \
        }                                                                                    \
    }

#define UN_LOOP(fname, TI, TO, OP)                                                           \
    static void fname(char **args, const int64_t *steps, int64_t n) {                        \
        char *a = args[0], *o = args[1];                                                     \
        int64_t sa = steps[0], so = steps[1];                                                \
        if ((uintptr_t)a % _Alignof(TI) == 0 && (uintptr_t)o % _Alignof(TO) == 0 &&          \
            sa == sizeof(TI) && so == sizeof(TO)) {                                          \
            const TI *x = (const TI *)(void *)a;                                             \
            TO *z = (TO *)(void *)o;                                                         \
            for (int64_t i = 0; i < n; i++) z[i] = OP(x[i]);                                 \
            return;                                                                          \
        }                                                                                    \
        for (int64_t i = 0; i < n; i++, a += sa, o += so) {                                  \
            TI x;                                                                            \
            memcpy(&x, a, sizeof x);                                                         \
            TO r = OP(x);                                                                    \
            memcpy(o, &r, sizeof r);                                                         \
        }                                                                                    \
    }

#endif
