/* np_textio.c — the two file primitives the prelude's text I/O (savetxt,
 * loadtxt, genfromtxt) stands on: read a named file whole as text, and
 * write (or append) text to a named file.  Scripts reach only the files
 * they name, as with np.save/np.load. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

static Val io_error(const char *path) {
    int e = errno;
    OType *t = e == ENOENT ? FileNotFoundErrorT : OSErrorT;
    return raise_exc(t, "[Errno %d] %s: '%s'", e, strerror(e), path);
}

/* np._read_text(path) -> str */
static Val tx_read(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_read_text", "path");
    if (p[0].t != T_STR) return raise_exc(TypeErrorT, "fname must be a string or a list of strings");
    const char *path = STR(p[0])->s;
    FILE *f = fopen(path, "rb");
    if (!f) return io_error(path);
    SB sb = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_putn(&sb, buf, n);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        errno = EIO;
        Val v = sb_val(&sb);
        decref(v);
        return io_error(path);
    }
    return sb_val(&sb);
}

/* np._write_text(path, text, append) */
static Val tx_write(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("_write_text", "path,text|append");
    if (p[0].t != T_STR || p[1].t != T_STR) return raise_exc(TypeErrorT, "_write_text(path, text) takes strings");
    const char *path = STR(p[0])->s;
    FILE *f = fopen(path, opt_truth(p[2], 0) ? "ab" : "wb");
    if (!f) return io_error(path);
    size_t len = (size_t)STR(p[1])->len;
    bool bad = fwrite(STR(p[1])->s, 1, len, f) != len;
    if (fclose(f) != 0) bad = true;
    return bad ? io_error(path) : VNONE;
}

void np_textio_install(Val mod, PutFn put) {
    put(mod, "_read_text", mk_builtin("_read_text", tx_read, VNONE));
    put(mod, "_write_text", mk_builtin("_write_text", tx_write, VNONE));
}
