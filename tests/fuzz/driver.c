/* driver.c — main() for a fuzz target when libFuzzer is not there (gcc).
 *
 *   fuzz_npy [-n MUTATIONS] [-s SEED] CORPUS_DIR_OR_FILE...
 *
 * Runs the target on every corpus file, then on MUTATIONS deterministic
 * mutants of them (bit flips, bytes from the .npy grammar, inserted
 * tokens, deletions, truncations, changed length fields), so a plain build
 * still runs the target over the hostile inputs in bounded time.  A crash
 * (or an ASan report in a sanitizer build) fails the run; the mutant that
 * caused it is saved first as fuzz-crash-<N> in the current directory. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct input {
    uint8_t *p;
    size_t n;
} input;

static input *corpus;
static size_t ncorpus, capcorpus;

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void) { /* xorshift64* */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 0x2545F4914F6CDD1Du;
}
static size_t below(size_t n) { return n ? (size_t)(next() % n) : 0; }

static void add_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    input in = {NULL, 0};
    size_t cap = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (in.n == cap) {
            cap = cap ? 2 * cap : 4096;
            uint8_t *q = realloc(in.p, cap);
            if (!q) break;
            in.p = q;
        }
        in.p[in.n++] = (uint8_t)c;
    }
    fclose(f);
    if (ncorpus == capcorpus) {
        capcorpus = capcorpus ? 2 * capcorpus : 64;
        input *q = realloc(corpus, capcorpus * sizeof *q);
        if (!q) exit(2);
        corpus = q;
    }
    corpus[ncorpus++] = in;
}

static int by_name(const struct dirent **a, const struct dirent **b) { return strcmp((*a)->d_name, (*b)->d_name); }

static void add_path(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) return;
    if (!S_ISDIR(st.st_mode)) {
        add_file(path);
        return;
    }
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name); /* sorted: the same run everywhere */
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.') {
            char full[4096];
            snprintf(full, sizeof full, "%s/%s", path, names[i]->d_name);
            add_file(full);
        }
        free(names[i]);
    }
    free(names);
}

/* Pieces of the format worth splicing in. */
static const char *const TOKENS[] = {
    "\x93NUMPY", "PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "PK\x06\x06", "PK\x06\x07", "'descr'", "'fortran_order'",
    "'shape'", "True", "False", "None", "'<f8'", "'>i4'", "'|b1'", "'<U3'", "'|S0'", "'|V0'", "'<c16'", "'O'",
    "[('a', '<i4'), ('b', '<f8', (2, 3))]", "('<i4', (2,))", "(2, 3)", "(0,)", "()", "(-1,)", "(9223372036854775807,)",
    "(4294967296, 4294967296)", "99999999999999999999", "3L", "1e5", "0x10", "1_000", "\\x00", "u'", "{", "}", "(",
    ")", "[", "]", ",", ":", "'", "\"", "\\", "#", "\n", " ",
};

static uint8_t *mutate(const input *src, size_t *outn) {
    size_t n = src->n, cap = n + 256;
    uint8_t *p = malloc(cap);
    if (!p) exit(2);
    memcpy(p, src->p, n);
    int steps = 1 + (int)below(4);
    for (int s = 0; s < steps; s++) {
        int kind = (int)below(8);
        switch (kind) {
        case 0: /* flip a bit */
            if (n) p[below(n)] ^= (uint8_t)(1u << below(8));
            break;
        case 1: /* set a byte */
            if (n) p[below(n)] = (uint8_t)next();
            break;
        case 2: /* overwrite with a token */
        case 3: { /* insert a token */
            const char *t = TOKENS[below(sizeof TOKENS / sizeof TOKENS[0])];
            size_t tl = strlen(t), at = below(n + 1);
            if (n + tl > cap) break;
            if (kind == 3 || at + tl > n) {
                memmove(p + at + tl, p + at, n - at);
                n += tl;
            }
            memcpy(p + at, t, tl);
            break;
        }
        case 4: { /* delete a range */
            if (!n) break;
            size_t at = below(n), k = 1 + below(n - at < 16 ? n - at : 16);
            memmove(p + at, p + at + k, n - at - k);
            n -= k;
            break;
        }
        case 5: /* truncate */
            n = below(n + 1);
            break;
        case 6: /* a .npy header length or a zip size/offset field */
            if (n >= 12) {
                size_t at = next() % 2 ? 8 : below(n - 3);
                uint32_t v = (uint32_t)(next() % 3 == 0 ? next() : below(n + 64));
                memcpy(p + at, &v, next() % 2 ? 2 : 4);
            }
            break;
        default: { /* splice from another corpus file */
            const input *o = &corpus[below(ncorpus)];
            if (!o->n) break;
            size_t from = below(o->n), k = 1 + below(o->n - from < 64 ? o->n - from : 64), at = below(n + 1);
            if (n + k > cap) break;
            memmove(p + at + k, p + at, n - at);
            memcpy(p + at, o->p + from, k);
            n += k;
        }
        }
    }
    *outn = n;
    return p;
}

int main(int argc, char **argv) {
    long mutations = 10000;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc) mutations = atol(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc) rng = strtoull(argv[++i], NULL, 0) | 1;
        else {
            fprintf(stderr, "usage: %s [-n MUTATIONS] [-s SEED] CORPUS...\n", argv[0]);
            return 2;
        }
    }
    for (; i < argc; i++) add_path(argv[i]);
    if (!ncorpus) {
        fprintf(stderr, "%s: empty corpus\n", argv[0]);
        return 2;
    }
    for (size_t k = 0; k < ncorpus; k++) LLVMFuzzerTestOneInput(corpus[k].p, corpus[k].n);
    for (long m = 0; m < mutations; m++) {
        size_t n;
        uint8_t *p = mutate(&corpus[(size_t)m % ncorpus], &n);
        /* Saved before the run, removed after: a crash leaves it behind. */
        char name[64];
        snprintf(name, sizeof name, "fuzz-crash-%ld", m);
        FILE *f = fopen(name, "wb");
        if (f) {
            fwrite(p, 1, n, f);
            fclose(f);
        }
        LLVMFuzzerTestOneInput(p, n);
        remove(name);
        free(p);
    }
    printf("%s: %zu corpus inputs and %ld mutants, no crash\n", argv[0], ncorpus, mutations);
    for (size_t k = 0; k < ncorpus; k++) free(corpus[k].p);
    free(corpus);
    return 0;
}
