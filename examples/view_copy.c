/* view_copy.c — a slice is a view, .copy() is not (seeds 000, 001, 002).
 * Prints exactly what view_copy.py prints under NumPy. */
#include "example.h"

static const int64_t S4[] = {4}, S5[] = {5}, S33[] = {3, 3};

/* Seed 000, "Understanding Memory Allocation in NumPy". */
static void slice_vs_copy(void) {
    const nd_dtype *i64 = nd_dtype_of(ND_INT64);
    nd_array *original = NEED(nd_from_data(1, S5, i64, (int64_t[]){1, 2, 3, 4, 5}));
    nd_array *view = NEED(nd_index(original, "1:4"));      /* original[1:4] */
    nd_array *tmp = NEED(nd_index(original, "1:4"));
    nd_array *copy = NEED(nd_copy(tmp, 'C'));              /* original[1:4].copy() */
    nd_release(tmp);

    OK(nd_set(view, (int64_t[]){0}, ND_I64(999)));         /* view[0] = 999 */
    printf("Original after view modification: ");
    ex_put(original);
    printf("\n");
    OK(nd_set(copy, (int64_t[]){0}, ND_I64(777)));         /* copy[0] = 777 */
    printf("Original after copy modification: ");
    ex_put(original);
    printf("\n");
    nd_release(copy);
    nd_release(view);
    nd_release(original);
}

/* Seed 000, "Detecting Views and Copies" and "Operations That Create
 * Views".  Fancy and boolean indexing are not part of nd yet. */
static void detecting_views(void) {
    const nd_dtype *i64 = nd_dtype_of(ND_INT64);
    nd_array *arr = NEED(nd_from_data(2, S33, i64, (int64_t[]){1, 2, 3, 4, 5, 6, 7, 8, 9}));
    nd_array *slice_view = NEED(nd_index(arr, "0:2, 1:3"));
    printf("Is slice a view? %s\n", ex_tf(nd_base(slice_view) == arr));
    printf("Shares memory? %s\n", ex_shares(arr, slice_view));
    nd_release(slice_view);

    nd_array *r = NEED(nd_arange(0, 12, 1, NULL));
    nd_array *data = NEED(nd_reshape(r, 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED));
    nd_release(r); /* data keeps the arange buffer alive */
    nd_array *row_view = NEED(nd_index(data, "1, :"));
    nd_array *col_view = NEED(nd_index(data, ":, 2"));
    nd_array *subarray_view = NEED(nd_index(data, "0:2, 1:3"));
    nd_array *transposed = NEED(nd_transpose(data, NULL)); /* data.T */
    nd_array *reshaped = NEED(nd_reshape(data, 2, (int64_t[]){4, 3}, 'C', ND_COPY_IF_NEEDED));
    printf("Row view shares memory: %s\n", ex_shares(data, row_view));
    printf("Transpose shares memory: %s\n", ex_shares(data, transposed));
    printf("Reshape shares memory: %s\n", ex_shares(data, reshaped));
    OK(nd_set(transposed, (int64_t[]){0, 0}, ND_I64(999)));
    nd_value v;
    OK(nd_get(data, (int64_t[]){0, 0}, &v));
    printf("Original data[0, 0]: %lld\n", (long long)v.i);
    nd_release(reshaped);
    nd_release(transposed);
    nd_release(subarray_view);
    nd_release(col_view);
    nd_release(row_view);
    nd_release(data);

    /* Seed 000, "Operations That Create Copies": flatten() always copies,
     * ravel() gives a view when the layout allows. */
    nd_array *flattened = NEED(nd_flatten(arr, 'C'));
    printf("flatten() is copy: %s\n", ex_tf(!OK(nd_shares_memory(arr, flattened, ND_MAY_SHARE_EXACT))));
    nd_array *raveled = NEED(nd_ravel(arr, 'C', ND_COPY_IF_NEEDED));
    printf("ravel() shares memory: %s\n", ex_shares(arr, raveled));
    nd_release(raveled);
    nd_release(flattened);
    nd_release(arr);
}

/* Seed 001, "view() vs reshape() vs ravel()": every other column of an
 * int32 (3, 4) array.  ravel() needs a C-contiguous input to stay a view;
 * reshape() only needs strides it can express, and these chain. */
static void strided_columns(void) {
    nd_array *r = NEED(nd_arange(0, 12, 1, nd_dtype_of(ND_INT32)));
    nd_array *arr = NEED(nd_reshape(r, 2, (int64_t[]){3, 4}, 'C', ND_COPY_IF_NEEDED));
    nd_release(r);
    nd_array *sub = NEED(nd_index(arr, ":, ::2"));
    ex_put_shape(sub);
    printf(" ");
    ex_put_strides(sub);
    printf("\n");
    printf("sub contiguous: %s\n", ex_tf(nd_flags(sub) & ND_C_CONTIGUOUS));
    nd_array *v = NEED(nd_view(sub));
    printf("view shares: %s\n", ex_shares(sub, v));
    nd_array *rv = NEED(nd_ravel(sub, 'C', ND_COPY_IF_NEEDED));
    printf("ravel shares: %s\n", ex_shares(sub, rv));
    nd_array *r2 = NEED(nd_reshape(sub, 1, (int64_t[]){-1}, 'C', ND_COPY_IF_NEEDED));
    printf("reshape shares: %s\n", ex_shares(sub, r2));
    nd_release(r2);
    nd_release(rv);
    nd_release(v);
    nd_release(sub);
    nd_release(arr);
}

/* Seed 002, "Common Pitfalls" #1 and #3. */
static void pitfalls(void) {
    const nd_dtype *i64 = nd_dtype_of(ND_INT64);
    for (int with_copy = 0; with_copy < 2; with_copy++) {
        nd_array *arr = NEED(nd_from_data(1, S4, i64, (int64_t[]){1, 2, 3, 4}));
        nd_array *slice_arr = NEED(nd_index(arr, "1:3"));
        if (with_copy) { /* arr[1:3].copy() */
            nd_array *c = NEED(nd_copy(slice_arr, 'C'));
            nd_release(slice_arr);
            slice_arr = c;
        }
        OK(nd_set(slice_arr, (int64_t[]){0}, ND_I64(100)));
        ex_put(arr);
        printf("\n");
        nd_release(slice_arr);
        nd_release(arr);
    }
    nd_array *arr = NEED(nd_arange(0, 6, 1, NULL));
    nd_array *reshaped = NEED(nd_reshape(arr, 2, (int64_t[]){2, 3}, 'C', ND_COPY_IF_NEEDED));
    printf("%s\n", ex_shares(arr, reshaped));
    OK(nd_set(reshaped, (int64_t[]){0, 0}, ND_I64(100)));
    ex_put(arr);
    printf("\n");
    nd_release(reshaped);
    nd_release(arr);
}

int main(void) {
    slice_vs_copy();
    detecting_views();
    strided_columns();
    pitfalls();
    return 0;
}
