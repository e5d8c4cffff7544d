/* quickstart.c — the README's quick start (quickstart.py is its NumPy twin). */
#include <nd.h>
#include <stdio.h>

int main(void) {
    nd_array *a = nd_arange(0, 6, 1, nd_dtype_of(ND_INT64));   /* np.arange(6)  */
    nd_array *v = nd_index(a, "1:4");                          /* a[1:4]: a view */
    nd_array *c = nd_copy(v, 'C');                             /* a[1:4].copy()  */
    if (!a || !v || !c) return 1;

    nd_set(v, (int64_t[]){0}, ND_I64(99));   /* writes through to a  */
    nd_set(c, (int64_t[]){0}, ND_I64(-1));   /* the copy is separate */
    char *s = nd_str(a);
    printf("a = %s\n", s);                                     /* [ 0 99  2  3  4  5] */
    nd_free(s);
    printf("view shares: %d, copy shares: %d, v.base is a: %d\n",
           nd_shares_memory(a, v, ND_MAY_SHARE_EXACT),
           nd_shares_memory(a, c, ND_MAY_SHARE_EXACT), nd_base(v) == a);

    /* Failures return NULL (or < 0) and leave NumPy's exception behind. */
    nd_array *bad = nd_reshape(a, 1, (int64_t[]){4}, 'C', ND_COPY_IF_NEEDED);
    if (!bad) printf("%s: %s\n", nd_errclass(), nd_errmsg());

    nd_release(c);   /* every new reference is released once */
    nd_release(v);   /* (a view keeps its buffer alive on its own) */
    nd_release(a);
    return 0;
}
