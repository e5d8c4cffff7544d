/* main.c — the nd program: `nd FILE.py`, `nd -c CODE`, `nd -` (stdin), or
 * an interactive prompt on a terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "py.h"

int repl(void);

static char *slurp(FILE *f) {
    SB b = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_putn(&b, buf, n);
    if (!b.s) {
        b.s = malloc(1);
        if (!b.s) return NULL;
        b.s[0] = 0;
    }
    return b.s;
}

static void usage(void) {
    fprintf(stderr,
            "usage: nd [--max-steps N] [FILE.py | -c CODE | -]\n"
            "Runs the Python subset NumPy scripts use, on libnd.  With no argument on a\n"
            "terminal, starts an interactive prompt.\n"
            "  --max-steps N  end a run with a RuntimeError after N statements (a runaway\n"
            "                 loop); 0 means no limit; default %lld\n",
            (long long)ND_DEFAULT_MAX_STEPS);
}

int main(int argc, char **argv) {
    stack_mark_base();
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    while (argc >= 2 && !strncmp(argv[1], "--max-steps", 11)) {
        const char *v = argv[1][11] == '=' ? argv[1] + 12 : argc >= 3 && !argv[1][11] ? argv[2] : NULL;
        char *end;
        long long n = v ? strtoll(v, &end, 10) : -1;
        if (!v || !*v || *end || n < 0) {
            fputs("nd: --max-steps needs a number >= 0\n", stderr);
            return 2;
        }
        nd_max_steps = n;
        int used = argv[1][11] == '=' ? 1 : 2;
        argc -= used;
        argv += used;
    }
    if (argc < 2) {
        if (isatty(0)) return repl();
        char *src = slurp(stdin);
        if (!src) return 1;
        int r = run_source(src, "<stdin>", false);
        free(src);
        return r;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        usage();
        return 0;
    }
    if (!strcmp(argv[1], "-c")) {
        if (argc < 3) {
            fputs("Argument expected for the -c option\n", stderr);
            return 2;
        }
        return run_source(argv[2], "<string>", false);
    }
    if (!strcmp(argv[1], "-")) {
        char *src = slurp(stdin);
        if (!src) return 1;
        int r = run_source(src, "<stdin>", false);
        free(src);
        return r;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        fprintf(stderr, "nd: can't open file '%s': No such file or directory\n", argv[1]);
        return 2;
    }
    char *src = slurp(f);
    fclose(f);
    if (!src) return 1;
    int r = run_source(src, argv[1], false);
    free(src);
    return r;
}
