/* cnn.c — zero-copy HWC -> CHW for CNN preprocessing, one real copy at the
 * end (seed 001).  Prints exactly what cnn.py prints under NumPy. */
#include "example.h"

int main(void) {
    /* Fake image: 224x224x3, 150,528 bytes (arange wraps at 256 in uint8). */
    const nd_dtype *u8 = nd_dtype_of(ND_UINT8);
    nd_array *r = NEED(nd_arange(0, 224 * 224 * 3, 1, u8));
    nd_array *img = NEED(nd_reshape(r, 3, (int64_t[]){224, 224, 3}, 'C', ND_COPY_IF_NEEDED));
    nd_release(r);

    /* View as a flat buffer without copying */
    nd_array *flat = NEED(nd_view_dtype(img, u8));

    /* Reshape into CHW by changing strides (zero-copy) */
    nd_array *chw = NEED(nd_transpose(img, (int[]){2, 0, 1}));

    /* Final conversion to float32 only once.  astype's defaults are order
     * 'K', casting 'unsafe', copy True; the Python float 255.0 is a 0-d
     * float64 taking part by value, so the quotient stays float32 and keeps
     * astype's (HWC) memory order. */
    nd_array *f32 = NEED(nd_astype(chw, nd_dtype_of(ND_FLOAT32), 'K', ND_CAST_UNSAFE, true));
    nd_array *s255 = NEED(nd_scalar(ND_F64(255.0), NULL));
    nd_array *chw_f32 = NEED(nd_apply(ND_TRUE_DIVIDE, f32, s255, NULL));
    nd_release(s255);
    nd_release(f32);

    ex_put_shape(flat);
    printf(" ");
    ex_put_shape(chw);
    printf(" %s\n", nd_dtype_name(nd_array_dtype(chw_f32)));
    ex_put_strides(img);
    printf(" ");
    ex_put_strides(chw);
    printf(" ");
    ex_put_strides(chw_f32);
    printf("\n");
    printf("chw shares memory: %s\n", ex_shares(img, chw));
    printf("chw_f32 shares memory: %s\n", ex_shares(img, chw_f32));
    printf("chw C-contiguous: %s\n", ex_tf(nd_flags(chw) & ND_C_CONTIGUOUS));
    nd_array *px = NEED(nd_index(chw, ":, 0, 85:90"));
    ex_put(px);
    printf("\n");

    nd_release(px);
    nd_release(chw_f32);
    nd_release(chw);
    nd_release(flat);
    nd_release(img);
    return 0;
}
