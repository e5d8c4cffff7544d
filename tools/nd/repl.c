/* repl.c — the interactive prompt: line editing and history via libedit
 * when available; bare expressions echo their repr, as Python's does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

#ifdef ND_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

static char *read_line(const char *prompt) {
#ifdef ND_HAVE_LIBEDIT
    char *l = readline(prompt);
    if (l && *l) add_history(l);
    return l;
#else
    fputs(prompt, stdout);
    fflush(stdout);
    char buf[4096];
    if (!fgets(buf, sizeof buf, stdin)) return NULL;
    buf[strcspn(buf, "\n")] = 0;
    return strdup(buf);
#endif
}

/* A block is complete when the line does not open one (ends in ':') and,
 * inside a block, when an empty line is entered. */
int repl(void) {
    printf("nd (NumPy 1.24 subset on libnd) -- Ctrl-D to exit\n");
    SB src = {0};
    bool block = false;
    for (;;) {
        char *line = read_line(block ? "... " : ">>> ");
        if (!line) {
            putchar('\n');
            break;
        }
        size_t n = strlen(line);
        bool opens = n && line[n - 1] == ':';
        if (block && n == 0) {
            block = false;
        } else {
            sb_puts(&src, line);
            sb_putc(&src, '\n');
            if (opens || block) {
                block = true;
                free(line);
                continue;
            }
        }
        free(line);
        if (src.s) {
            run_source(src.s, "<stdin>", true);
            fflush(stdout);
            src.n = 0;
            src.s[0] = 0;
        }
    }
    free(src.s);
    return 0;
}
