/* err.c — the thread-local error record and its code/class/message tables. */
#include "nd_internal.h"

#include <stdarg.h>
#include <stdio.h>

/* One record per thread: SQLite-style errcode/errmsg without a global. */
static _Thread_local struct {
    int code;
    char msg[512];
} err;

static const struct {
    int code;
    const char *cls;
    const char *text;
} table[] = {
#define ND__ERR_ROW(name, code, cls, text) {code, cls, text},
    ND_ERRORS(ND__ERR_ROW)
#undef ND__ERR_ROW
};
_Static_assert(sizeof(table) / sizeof(table[0]) == -ND_ERR_LAST + 1, "ND_ERRORS and ND_ERR_LAST disagree");

static int row(int code) {
    if (code > 0 || code < ND_ERR_LAST) return -1;
    return -code;
}

int nd_errcode(void) { return err.code; }

const char *nd_errclass(void) { return nd_strclass(err.code); }

const char *nd_errmsg(void) { return err.code ? err.msg : ""; }

const char *nd_strerror(int code) {
    int r = row(code);
    return r < 0 ? "unknown error" : table[r].text;
}

const char *nd_strclass(int code) {
    int r = row(code);
    return r < 0 ? "Exception" : table[r].cls;
}

void nd_clear_error(void) {
    err.code = ND_OK;
    err.msg[0] = 0;
}

int nd__err(int code, const char *fmt, ...) {
    err.code = code;
    if (!fmt) {
        snprintf(err.msg, sizeof err.msg, "%s", nd_strerror(code));
        return code;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err.msg, sizeof err.msg, fmt, ap);
    va_end(ap);
    return code;
}

/* NumPy's ufunc broadcast errors print shapes without spaces: "(3,2)". */
void nd__fmt_shape_tight(char *out, size_t cap, int ndim, const int64_t *shape) {
    size_t n = 0;
    n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "(");
    for (int i = 0; i < ndim; i++)
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, i ? ",%lld" : "%lld", (long long)shape[i]);
    snprintf(out + n, n < cap ? cap - n : 0, ndim == 1 ? ",)" : ")");
}

void nd__fmt_shape(char *out, size_t cap, int ndim, const int64_t *shape) {
    size_t n = 0;
    n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "(");
    for (int i = 0; i < ndim; i++)
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, i ? ", %lld" : "%lld", (long long)shape[i]);
    snprintf(out + n, n < cap ? cap - n : 0, ndim == 1 ? ",)" : ")");
}
