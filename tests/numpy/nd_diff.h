/* nd_diff.h — shared between nd_diff.c (driver, core ops) and
 * nd_diff_compute.c (the compute ops of issue 3). */
#ifndef ND_DIFF_H
#define ND_DIFF_H

#include "nd.h"

#define NREG 64
#define MAXTOK 160

typedef struct {
    nd_array *reg[NREG];
    bool text;
} driver;

typedef struct {
    char *tok[MAXTOK];
    int n;
    char rest4[1024]; /* the line after the 4th token (idx/getitem expression) */
    char rest5[1024]; /* the line after the 5th token (setitem expression) */
} toks;

/* Outcome of nd_diff_compute. */
enum { CMP_NOT_MINE = -1, CMP_ARRAY = 0, CMP_PRINTED = 1, CMP_BAD = 2, CMP_SKIP = 3 };

/* Run a compute op on a (register src).  CMP_ARRAY: *r is the result (new
 * ref) or NULL with nd's error set; CMP_PRINTED: a res=/err= field was
 * printed; CMP_BAD: malformed line; CMP_SKIP: an input register is dead. */
/* err=<class>\tmsg=<escaped message> from nd's error record. */
void put_err_fields(void);

int nd_diff_compute(driver *d, nd_array *a, const toks *t, nd_array **r);

#endif
