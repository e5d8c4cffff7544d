/* reinterpret.c — same bytes, new dtype: ndarray.view(dtype) (seed 001).
 * Prints exactly what reinterpret.py prints under NumPy. */
#include "example.h"

#include <math.h>

/* print(a, a.dtype, a.shape) */
static void put_array_dtype_shape(const nd_array *a) {
    ex_put(a);
    printf(" %s ", nd_dtype_name(nd_array_dtype(a)));
    ex_put_shape(a);
    printf("\n");
}

/* "The contract of ndarray.view()": a view with the same dtype. */
static void same_dtype(void) {
    nd_array *numbers = NEED(nd_arange(0, 6, 1, nd_dtype_of(ND_INT16)));
    nd_array *window = NEED(nd_view(numbers));
    put_array_dtype_shape(numbers);
    put_array_dtype_shape(window);
    printf("shares memory: %s\n", ex_shares(numbers, window));
    ex_iadd(window, 10); /* window += 10 */
    printf("after in-place add\n");
    ex_put(numbers);
    printf("\n");
    nd_release(window);
    nd_release(numbers);
}

/* "Reinterpreting dtype": ten int16 are twenty bytes, so five int32.  Adding
 * one to each int32 bumps the low int16 of every pair (little-endian). */
static void int16_as_int32(void) {
    nd_array *arr = NEED(nd_arange(0, 10, 1, nd_dtype_of(ND_INT16)));
    printf("arr: ");
    ex_put(arr);
    printf("\n");
    nd_array *v32 = NEED(nd_view_dtype(arr, nd_dtype_of(ND_INT32)));
    printf("v32: ");
    ex_put(v32);
    printf(" shape: ");
    ex_put_shape(v32);
    printf(" dtype: %s\n", nd_dtype_name(nd_array_dtype(v32)));
    ex_iadd(v32, 1); /* v32 += 1: in-place change through the view */
    printf("arr after v32 += 1: ");
    ex_put(arr);
    printf("\n");
    nd_release(v32);
    nd_release(arr);

    arr = NEED(nd_arange(0, 10, 1, nd_dtype_of(ND_INT16)));
    nd_array *v16 = NEED(nd_view_dtype(arr, nd_dtype_of(ND_INT16)));
    ex_iadd(v16, 1);
    ex_put(arr);
    printf("\n");
    nd_release(v16);
    nd_release(arr);

    /* "The byte-level view": both bytes of every int16 go up by one, so
     * each value grows by 256 + 1. */
    arr = NEED(nd_arange(0, 10, 1, nd_dtype_of(ND_INT16)));
    nd_array *v8 = NEED(nd_view_dtype(arr, nd_dtype_of(ND_INT8)));
    ex_iadd(v8, 1);
    ex_put(arr);
    printf("\n");
    nd_release(v8);
    nd_release(arr);
}

/* "Reinterpreting floats, complex numbers, and bit patterns". */
static void bit_patterns(void) {
    float xs[] = {1.0f, -2.5f, NAN, INFINITY};
    nd_array *x = NEED(nd_from_data(1, (int64_t[]){4}, nd_dtype_of(ND_FLOAT32), xs));
    nd_array *raw = NEED(nd_view_dtype(x, nd_dtype_of(ND_UINT32)));
    ex_put(raw);
    printf("\n");
    nd_release(raw);
    nd_release(x);

    float zs[] = {1, 2, 3, 4}; /* complex64: (real, imag) float32 pairs */
    nd_array *z = NEED(nd_from_data(1, (int64_t[]){2}, nd_dtype_of(ND_COMPLEX64), zs));
    nd_array *real_imag = NEED(nd_view_dtype(z, nd_dtype_of(ND_FLOAT32)));
    ex_put(real_imag);
    printf("\n");
    nd_release(real_imag);
    nd_release(z);
}

int main(void) {
    same_dtype();
    int16_as_int32();
    bit_patterns();
    return 0;
}
