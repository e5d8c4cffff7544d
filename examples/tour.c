/* tour.c — the main job: a walk through nd's memory model, one step per
 * point the seed documents make.  Prints exactly what tour.py prints under
 * NumPy 1.24.  The single-topic examples (view_copy.c, reinterpret.c,
 * readonly.c, cnn.c, byteorder.c) go into more detail. */
#include "example.h"

static void put_labelled(const char *label, const nd_array *a) {
    printf("%s ", label);
    ex_put(a);
    printf("\n");
}

static void step_slices(void) {
    printf("1. A slice is a view; .copy() is not\n");
    nd_array *original = NEED(nd_from_data(1, (int64_t[]){5}, nd_dtype_of(ND_INT64), (int64_t[]){1, 2, 3, 4, 5}));
    nd_array *view = NEED(nd_index(original, "1:4"));
    nd_array *tmp = NEED(nd_index(original, "1:4"));
    nd_array *copy = NEED(nd_copy(tmp, 'C'));
    nd_release(tmp);
    OK(nd_set(view, (int64_t[]){0}, ND_I64(999)));
    OK(nd_set(copy, (int64_t[]){0}, ND_I64(777)));
    put_labelled("original:", original);
    printf("view.base is original: %s\n", ex_tf(nd_base(view) == original));
    printf("shares memory: %s %s\n", ex_shares(original, view), ex_shares(original, copy));
    nd_release(copy);
    nd_release(view);
    nd_release(original);
}

static void step_transpose_reshape(void) {
    printf("2. Transpose and reshape are views too\n");
    nd_array *r = NEED(nd_arange(0, 12, 1, NULL));
    nd_array *data = NEED(nd_reshape(r, 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED));
    nd_release(r);
    nd_array *t = NEED(nd_transpose(data, NULL));
    OK(nd_set(t, (int64_t[]){0, 0}, ND_I64(999)));
    nd_value v;
    OK(nd_get(data, (int64_t[]){0, 0}, &v));
    printf("data[0, 0]: %lld strides: ", (long long)v.i);
    ex_put_strides(data);
    printf(" ");
    ex_put_strides(t);
    printf("\n");
    nd_array *flat = NEED(nd_flatten(data, 'C'));
    nd_array *tr = NEED(nd_ravel(t, 'C', ND_COPY_IF_NEEDED));
    printf("flatten copies: %s\n", ex_tf(!OK(nd_shares_memory(data, flat, ND_MAY_SHARE_EXACT))));
    printf("ravel of the transpose copies: %s\n", ex_tf(!OK(nd_shares_memory(data, tr, ND_MAY_SHARE_EXACT))));
    nd_release(tr);
    nd_release(flat);
    nd_release(t);
    nd_release(data);
}

static void step_reinterpret(void) {
    printf("3. Same bytes, new dtype\n");
    nd_array *arr = NEED(nd_arange(0, 10, 1, nd_dtype_of(ND_INT16)));
    nd_array *v32 = NEED(nd_view_dtype(arr, nd_dtype_of(ND_INT32)));
    ex_iadd(v32, 1); /* v32 += 1 */
    put_labelled("int16 after int32 view += 1:", arr);
    nd_release(v32);
    nd_release(arr);
    arr = NEED(nd_arange(0, 10, 1, nd_dtype_of(ND_INT16)));
    nd_array *v8 = NEED(nd_view_dtype(arr, nd_dtype_of(ND_INT8)));
    ex_iadd(v8, 1);
    put_labelled("int16 after int8 view += 1:", arr);
    nd_release(v8);
    nd_release(arr);
}

static void step_readonly(void) {
    printf("4. Read-only views\n");
    nd_array *data = NEED(nd_from_data(1, (int64_t[]){5}, nd_dtype_of(ND_INT64), (int64_t[]){1, 2, 3, 4, 5}));
    nd_array *ro = NEED(nd_view(data));
    OK(nd_set_writeable(ro, false));
    if (nd_set(ro, (int64_t[]){0}, ND_I64(999)) < 0) printf("%s: %s\n", nd_errclass(), nd_errmsg());
    printf("writeable: %s %s\n", ex_tf(nd_flags(data) & ND_WRITEABLE), ex_tf(nd_flags(ro) & ND_WRITEABLE));
    nd_release(ro);
    nd_release(data);
}

static void step_cnn(void) {
    printf("5. HWC image to CHW float32\n");
    nd_array *r = NEED(nd_arange(0, 224 * 224 * 3, 1, nd_dtype_of(ND_UINT8)));
    nd_array *img = NEED(nd_reshape(r, 3, (int64_t[]){224, 224, 3}, 'C', ND_COPY_IF_NEEDED));
    nd_release(r);
    nd_array *chw = NEED(nd_transpose(img, (int[]){2, 0, 1}));
    nd_array *f32 = NEED(nd_astype(chw, nd_dtype_of(ND_FLOAT32), 'K', ND_CAST_UNSAFE, true));
    nd_array *s255 = NEED(nd_scalar(ND_F64(255.0), NULL));
    nd_array *chw_f32 = NEED(nd_apply(ND_TRUE_DIVIDE, f32, s255, NULL)); /* chw.astype('float32') / 255.0 */
    nd_release(s255);
    nd_release(f32);
    ex_put_shape(img);
    printf(" ");
    ex_put_shape(chw);
    printf(" %s ", nd_dtype_name(nd_array_dtype(chw)));
    ex_put_shape(chw_f32);
    printf(" %s\n", nd_dtype_name(nd_array_dtype(chw_f32)));
    printf("chw is a view: %s chw_f32 is a copy: %s\n", ex_shares(img, chw),
           ex_tf(!OK(nd_shares_memory(img, chw_f32, ND_MAY_SHARE_EXACT))));
    nd_release(chw_f32);
    nd_release(chw);
    nd_release(img);
}

static void step_byteorder(void) {
    printf("6. Byte order\n");
    nd_array *raw = NEED(nd_from_data(1, (int64_t[]){4}, nd_dtype_of(ND_UINT8), (uint8_t[]){0, 0, 0, 1}));
    const nd_dtype *be_u4 = NEED(nd_dtype_parse(">u4"));
    const nd_dtype *le_u4 = NEED(nd_dtype_parse("<u4"));
    nd_array *be = NEED(nd_view_dtype(raw, be_u4));
    nd_array *le = NEED(nd_view_dtype(raw, le_u4));
    nd_value b0, l0;
    OK(nd_get(be, (int64_t[]){0}, &b0));
    OK(nd_get(le, (int64_t[]){0}, &l0));
    printf("%llu %llu\n", (unsigned long long)b0.u, (unsigned long long)l0.u);
    nd_array *b = NEED(nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_INT16), (int16_t[]){1, 256}));
    nd_array *swapped = NEED(nd_byteswap(b, false));   /* a copy, bytes reversed */
    nd_array *relabelled = NEED(nd_newbyteorder(b, 'S')); /* a view, dtype '>i2' */
    char *s = NEED(nd_dtype_str(nd_array_dtype(relabelled)));
    ex_put(swapped);
    printf(" ");
    ex_put(relabelled);
    printf(" %s\n", s);
    nd_free(s);
    nd_release(relabelled);
    nd_release(swapped);
    nd_release(b);
    nd_release(le);
    nd_release(be);
    nd_dtype_release(le_u4);
    nd_dtype_release(be_u4);
    nd_release(raw);
}

static void step_fancy(void) {
    printf("7. Fancy and boolean indexing copy\n");
    nd_array *base = NEED(nd_arange(0, 10, 1, NULL)), *ten = NEED(nd_scalar(ND_I64(10), NULL));
    nd_array *a = NEED(nd_apply(ND_MULTIPLY, base, ten, NULL));
    nd_array *idx = NEED(nd_from_data(1, (int64_t[]){3}, nd_dtype_of(ND_INT64), (int64_t[]){1, 3, 5}));
    nd_array *sixty = NEED(nd_scalar(ND_I64(60), NULL)), *mask = NEED(nd_apply(ND_GREATER, a, sixty, NULL));
    nd_array *picked = NEED(nd_index_arrays(a, "{0}", &idx, 1)); /* a[[1, 3, 5]]: a copy */
    nd_array *big = NEED(nd_index_arrays(a, "{0}", &mask, 1));   /* a[a > 60]: a copy */
    OK(nd_set(picked, (int64_t[]){0}, ND_I64(-1)));
    ex_put(picked);
    printf(" ");
    ex_put(big);
    printf(" %s %s %s\n", ex_shares(a, picked), ex_shares(a, big), ex_tf(nd_base(picked) == NULL));
    nd_array *zero = NEED(nd_scalar(ND_I64(0), NULL));
    OK(nd_setitem_str(a, "{0}", &mask, 1, zero)); /* as an assignment target it writes into a */
    ex_put(a);
    printf("\n");
    nd_release(zero);
    nd_release(big);
    nd_release(picked);
    nd_release(mask);
    nd_release(sixty);
    nd_release(idx);
    nd_release(a);
    nd_release(ten);
    nd_release(base);
}

static void step_memmap(void) {
    printf("8. memmap: a file seen as an array\n");
    const char *path = "/tmp/nd_tour_memmap.dat";
    const nd_dtype *f8 = nd_dtype_of(ND_FLOAT64);
    nd_array *m = NEED(nd_memmap(path, f8, "w+", 0, 2, (int64_t[]){4, 3}, 'C'));
    nd_array *src = NEED(nd_arange_f(0, 12, 1, NULL));
    nd_array *src2 = NEED(nd_reshape(src, 2, (int64_t[]){4, 3}, 'C', ND_COPY_IF_NEEDED));
    OK(nd_copyto(m, src2, ND_CAST_SAME_KIND)); /* m[:] = ... */
    OK(nd_memmap_flush(m));
    nd_array *col = NEED(nd_index(m, ":, 1"));
    nd_array *r = NEED(nd_memmap(path, f8, "r", 0, 2, (int64_t[]){4, 3}, 'C'));
    nd_array *r2 = NEED(nd_index(r, "2"));
    ex_put(col);
    printf(" %s ", ex_tf(nd_base(col) == m));
    ex_put(r2);
    printf(" %s\n", ex_tf(nd_flags(r) & ND_WRITEABLE));
    nd_release(r2);
    nd_release(r);
    nd_release(col);
    nd_release(src2);
    nd_release(src);
    nd_release(m);
}

static void step_records(void) {
    printf("9. Structured records over raw bytes\n");
    const nd_dtype *rec = NEED(nd_dtype_from_descr("[('id', '<u4'), ('ts', '<u4'), ('value', '<f8')]"));
    nd_array *raw = NEED(nd_arange(0, 160, 1, nd_dtype_of(ND_UINT8)));
    nd_array *records = NEED(nd_view_dtype(raw, rec)); /* no bytes copied */
    nd_array *ids = NEED(nd_field(records, "id"));       /* a strided view of one field */
    ex_put_shape(records);
    printf(" %lld ", (long long)nd_dtype_itemsize(rec));
    ex_put_strides(ids);
    printf(" %s %s\n", ex_tf(nd_base(ids) == raw), ex_shares(ids, raw));
    OK(nd_set(ids, (int64_t[]){0}, ND_I64(7)));
    nd_array *head = NEED(nd_index(raw, ":4")), *first = NEED(nd_index(records, "0"));
    ex_put(head);
    printf(" ");
    ex_put(first);
    printf("\n");
    nd_release(first);
    nd_release(head);
    nd_release(ids);
    nd_release(records);
    nd_release(raw);
    nd_dtype_release(rec);
}

static void step_errors(void) {
    printf("10. Errors carry NumPy's class and message\n");
    nd_array *a = NEED(nd_arange(0, 12, 1, NULL));
    nd_array *r = nd_reshape(a, 1, (int64_t[]){5}, 'C', ND_COPY_IF_NEEDED);
    if (!r) printf("%s: %s\n", nd_errclass(), nd_errmsg());
    nd_release(r); /* NULL: does nothing */
    nd_release(a);
}

int main(void) {
    step_slices();
    step_transpose_reshape();
    step_reinterpret();
    step_readonly();
    step_cnn();
    step_byteorder();
    step_fancy();
    step_memmap();
    step_records();
    step_errors();
    return 0;
}
