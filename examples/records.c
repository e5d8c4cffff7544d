/* records.c — binary records through a structured dtype, no copies (seed
 * 001, "Structured dtypes: zero-copy parsing of binary records").  Prints
 * exactly what records.py prints. */
#include "example.h"

#include <stdlib.h>

static void put_line(char *s) { /* print(s) for a string nd made; frees it */
    printf("%s\n", s);
    nd_free(s);
}

int main(void) {
    const nd_dtype *record_dtype = NEED(nd_dtype_from_descr("[('id', '<u4'), ('ts', '<u4'), ('value', '<f8')]"));
    nd_array *raw = NEED(nd_arange(0, 160, 1, nd_dtype_of(ND_UINT8))); /* 160 bytes, 10 records */
    nd_array *records = NEED(nd_view_dtype(raw, record_dtype));
    ex_put_shape(records);
    printf("\n");
    nd_array *ids = NEED(nd_field(records, "id")), *values = NEED(nd_field(records, "value"));
    nd_array *ids3 = NEED(nd_index(ids, ":3")), *values3 = NEED(nd_index(values, ":3"));
    put_line(NEED(nd_str(ids3)));    /* first 3 ids */
    put_line(NEED(nd_str(values3))); /* first 3 values */
    char *text = NEED(nd_dtype_text(record_dtype));
    printf("%s %lld %s %s\n", text, (long long)nd_dtype_itemsize(record_dtype), ex_shares(records, raw),
           ex_tf(nd_base(records) == raw));
    nd_free(text);

    /* A field is a strided view of the records: writes land in raw's bytes. */
    ex_put_strides(ids);
    printf(" %s %s\n", ex_tf(nd_flags(ids) & ND_C_CONTIGUOUS), ex_tf(nd_base(ids) == raw));
    OK(nd_set(ids, (int64_t[]){0}, ND_U64(4294967295u)));
    nd_array *raw8 = NEED(nd_index(raw, ":8"));
    put_line(NEED(nd_str(raw8)));

    /* Padding: a u1 between u4 fields.  Packed stays 9 bytes; align=True
     * pads like a C struct, so b moves to offset 8. */
    const char *names[] = {"a", "flag", "b"};
    const nd_dtype *u4 = nd_dtype_of(ND_UINT32), *u1 = nd_dtype_of(ND_UINT8);
    const nd_dtype *fmts[] = {u4, u1, u4};
    const nd_dtype *packed = NEED(nd_dtype_struct(3, names, fmts, NULL, 0, false));
    const nd_dtype *aligned = NEED(nd_dtype_struct(3, names, fmts, NULL, 0, true));
    int64_t b_offset;
    NEED(nd_dtype_field(aligned, nd_dtype_field_index(aligned, "b"), NULL, &b_offset));
    printf("%lld %lld %lld\n", (long long)nd_dtype_itemsize(packed), (long long)nd_dtype_itemsize(aligned),
           (long long)b_offset);
    put_line(NEED(nd_dtype_text(aligned)));

    /* 1,000,000 16-byte records in one byte buffer (a network capture,
     * say): viewed in place, one field summed. */
    enum { N = 1000000 };
    unsigned char *buf = NEED(malloc((size_t)N * 16));
    for (size_t i = 0; i < (size_t)N * 16; i++) buf[i] = (unsigned char)(i % 251);
    nd_array *packets = NEED(nd_frombuffer(buf, (size_t)N * 16, true, record_dtype, -1, 0, NULL, NULL));
    ex_put_shape(packets);
    printf(" %s %s\n", ex_tf(nd_flags(packets) & ND_WRITEABLE), ex_tf(nd_flags(packets) & ND_OWNDATA));
    nd_array *pid = NEED(nd_field(packets, "id")), *pts = NEED(nd_field(packets, "ts"));
    nd_array *total = NEED(nd_sum(pid, -1, NULL, false, NULL));
    nd_value sum, last;
    OK(nd_item(total, INT64_MIN, &sum));
    OK(nd_get(pts, (int64_t[]){-1}, &last));
    printf("%llu %llu\n", (unsigned long long)sum.u, (unsigned long long)last.u);
    nd_array *first2 = NEED(nd_index(packets, ":2"));
    put_line(NEED(nd_str(first2)));

    nd_release(first2);
    nd_release(total);
    nd_release(pts);
    nd_release(pid);
    nd_release(packets);
    free(buf);
    nd_dtype_release(aligned);
    nd_dtype_release(packed);
    nd_release(raw8);
    nd_release(values3);
    nd_release(ids3);
    nd_release(values);
    nd_release(ids);
    nd_release(records);
    nd_release(raw);
    nd_dtype_release(record_dtype);
    return 0;
}
