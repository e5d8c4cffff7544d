/* byteorder.c — endianness: view as '>u4' / '<u4', byteswap vs
 * newbyteorder (seed 001).  Prints exactly what byteorder.py prints. */
#include "example.h"

/* print(a, a.dtype.str, np.shares_memory(b, a)) */
static void put_str_shares(const nd_array *a, const nd_array *b) {
    char *s = NEED(nd_dtype_str(nd_array_dtype(a))); /* ours to nd_free */
    ex_put(a);
    printf(" %s %s\n", s, ex_shares(b, a));
    nd_free(s);
}

int main(void) {
    nd_array *raw = NEED(nd_from_data(1, (int64_t[]){4}, nd_dtype_of(ND_UINT8), (uint8_t[]){0, 0, 0, 1}));
    const nd_dtype *be_u4 = NEED(nd_dtype_parse(">u4")); /* a new ref, released below */
    const nd_dtype *le_u4 = NEED(nd_dtype_parse("<u4"));
    nd_array *be = NEED(nd_view_dtype(raw, be_u4)); /* big-endian unsigned 32-bit */
    nd_array *le = NEED(nd_view_dtype(raw, le_u4)); /* little-endian unsigned 32-bit */
    nd_value b0, l0;
    OK(nd_get(be, (int64_t[]){0}, &b0));
    OK(nd_get(le, (int64_t[]){0}, &l0));
    printf("%llu %llu\n", (unsigned long long)b0.u, (unsigned long long)l0.u); /* 1 16777216 */

    /* byteswap() copies and reverses the bytes; newbyteorder() only relabels. */
    const nd_dtype *le_i2 = NEED(nd_dtype_parse("<i2"));
    nd_array *b = NEED(nd_from_data(1, (int64_t[]){2}, le_i2, (int16_t[]){1, 256}));
    nd_array *swapped = NEED(nd_byteswap(b, false));
    nd_array *relabelled = NEED(nd_newbyteorder(b, 'S'));
    ex_put(swapped);
    printf(" %s %s\n", nd_dtype_name(nd_array_dtype(swapped)), ex_shares(b, swapped));
    put_str_shares(relabelled, b);

    /* Both: same values again, now stored big-endian. */
    const nd_dtype *be_i2 = NEED(nd_dtype_newbyteorder(nd_array_dtype(b), 'S'));
    nd_array *tmp = NEED(nd_byteswap(b, false));
    nd_array *both = NEED(nd_view_dtype(tmp, be_i2));
    char *s = NEED(nd_dtype_str(nd_array_dtype(both)));
    size_t n;
    unsigned char *bytes = NEED(nd_tobytes(both, 'C', &n));
    ex_put(both);
    printf(" %s ", s);
    ex_put_bytes(bytes, n);
    printf("\n");

    nd_free(bytes);
    nd_free(s);
    nd_release(both);
    nd_release(tmp);
    nd_dtype_release(be_i2);
    nd_release(relabelled);
    nd_release(swapped);
    nd_release(b);
    nd_dtype_release(le_i2);
    nd_release(le);
    nd_release(be);
    nd_dtype_release(le_u4);
    nd_dtype_release(be_u4);
    nd_release(raw);
    return 0;
}
