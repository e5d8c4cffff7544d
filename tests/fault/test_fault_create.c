/* test_fault_create.c — allocation failures in creation, buffers, dtypes
 * and element access (core/create.c, buf.c, dtype.c, access.c). */
#include "fault.h"

#include <string.h>

static const int64_t SH34[] = {3, 4};

/* ---- setups ---- */

/* a[0]: 2x3x4 float64 owner; a[1]: a strided, partly reversed view of it
 * (shape (2, 3, 2), strides (96, -32, 16)), built over the buffer directly. */
static int s_strided(fault_fx *f) {
    if (!(f->a[0] = fx_owner(3, (int64_t[]){2, 3, 4}, ND_FLOAT64))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_FLOAT64, 3, (int64_t[]){2, 3, 2}, (int64_t[]){96, -32, 16}, 64);
    return f->a[1] ? 0 : nd_errcode();
}

/* a[0]: 3x4 int32 owner; a[1]: its transpose (4, 3), strides (4, 16). */
static int s_mat_t(fault_fx *f) {
    if (!(f->a[0] = fx_owner(2, SH34, ND_INT32))) return nd_errcode();
    f->a[1] = fx_strided(f->a[0], ND_INT32, 2, (int64_t[]){4, 3}, (int64_t[]){4, 16}, 0);
    return f->a[1] ? 0 : nd_errcode();
}

static int s_buf(fault_fx *f) {
    f->buf = nd_buf_alloc(256);
    if (!f->buf) return nd_errcode();
    memset(nd_buf_data(f->buf), 7, 256);
    return 0;
}

/* ---- creation ---- */

static int o_empty_c(fault_fx *f) { return keep(f, nd_empty(2, SH34, nd_dtype_of(ND_FLOAT64), 'C')); }
static int o_zeros_f(fault_fx *f) { return keep(f, nd_zeros(2, SH34, nd_dtype_of(ND_INT16), 'F')); }
static int o_zeros_0d(fault_fx *f) { return keep(f, nd_zeros(0, NULL, nd_dtype_of(ND_FLOAT64), 'C')); }
static int o_ones(fault_fx *f) { return keep(f, nd_ones(2, SH34, NULL, 'C')); }
static int o_full(fault_fx *f) { return keep(f, nd_full(2, SH34, ND_F64(2.5), NULL, 'F')); }
static int o_full_swapped(fault_fx *f) {
    const nd_dtype *dt = nd_dtype_parse(">i4");
    if (!dt) return nd_errcode();
    int rc = keep(f, nd_full(2, SH34, ND_I64(258), dt, 'C'));
    nd_dtype_release(dt);
    return rc;
}
static int o_arange(fault_fx *f) { return keep(f, nd_arange(-5, 100, 3, NULL)); }
static int o_arange_u8(fault_fx *f) { return keep(f, nd_arange(0, 300, 1, nd_dtype_of(ND_UINT8))); }
static int o_arange_f(fault_fx *f) { return keep(f, nd_arange_f(0.5, 3.0, 0.25, nd_dtype_of(ND_FLOAT32))); }
static int o_linspace(fault_fx *f) { return keep(f, nd_linspace(0, 1, 11, true, NULL)); }
static int o_linspace_i32(fault_fx *f) { return keep(f, nd_linspace(-3, 9, 7, false, nd_dtype_of(ND_INT32))); }
static int o_eye(fault_fx *f) { return keep(f, nd_eye(4, 5, 1, nd_dtype_of(ND_COMPLEX64))); }
static int o_empty_like_k(fault_fx *f) { return keep(f, nd_empty_like(f->a[1], NULL, 'K')); }
static int o_zeros_like_a(fault_fx *f) { return keep(f, nd_zeros_like(f->a[1], nd_dtype_of(ND_UINT8), 'A')); }
static int o_ones_like_f(fault_fx *f) { return keep(f, nd_ones_like(f->a[1], NULL, 'F')); }
static int o_full_like_k(fault_fx *f) { return keep(f, nd_full_like(f->a[1], ND_I64(-1), nd_dtype_of(ND_INT8), 'K')); }
static int o_from_data(fault_fx *f) {
    static const int16_t v[] = {1, -2, 3, -4, 5, -6};
    return keep(f, nd_from_data(2, (int64_t[]){2, 3}, nd_dtype_of(ND_INT16), v));
}
static int o_from_buf(fault_fx *f) {
    return keep(f, nd_from_buf(f->buf, nd_dtype_of(ND_UINT32), 2, (int64_t[]){3, 4}, (int64_t[]){32, 8}, 16));
}
static int o_from_buf_outside(fault_fx *f) {
    return keep(f, nd_from_buf(f->buf, nd_dtype_of(ND_FLOAT64), 1, (int64_t[]){40}, NULL, 0));
}

/* ---- buffers ---- */

static void count_release(void *ptr, size_t size, void *ctx) {
    (void)ptr;
    (void)size;
    (*(int *)ctx)++;
}

static int o_buf_wrap(fault_fx *f) {
    static char mem[64];
    nd_buf *b = nd_buf_wrap(mem, sizeof mem, true, count_release, &f->counter);
    /* "release is not called" when wrapping fails */
    if (!b) assert_int_equal(f->counter, 0);
    return keep_buf(f, b);
}
static int o_buf_alloc(fault_fx *f) { return keep_buf(f, nd_buf_alloc(1000)); }
static int o_buf_alloc_big(fault_fx *f) { return keep_buf(f, nd_buf_alloc(3u << 20)); }

/* ---- dtypes ---- */

static int o_dtype_parse(fault_fx *f) { return keep_dt(f, nd_dtype_parse(">u4")); }
static int o_dtype_parse_bad(fault_fx *f) { return keep_dt(f, nd_dtype_parse("int33")); }
static int o_dtype_str(fault_fx *f) { return keep_str(f, nd_dtype_str(nd_dtype_of(ND_COMPLEX64))); }
static int o_dtype_repr(fault_fx *f) {
    const nd_dtype *dt = nd_dtype_parse(">f8");
    if (!dt) return nd_errcode();
    int rc = keep_str(f, nd_dtype_repr(dt));
    nd_dtype_release(dt);
    return rc;
}
static int o_dtype_newbyteorder(fault_fx *f) {
    return keep_dt(f, nd_dtype_newbyteorder(nd_dtype_of(ND_INT64), 'S'));
}
static int o_promote(fault_fx *f) {
    return keep_dt(f, nd_promote_types(nd_dtype_of(ND_UINT64), nd_dtype_of(ND_INT8)));
}

/* ---- element access ---- */

static int o_tobytes_c(fault_fx *f) {
    size_t n = 0;
    void *p = nd_tobytes(f->a[1], 'C', &n);
    return keep_mem(f, p, n);
}
static int o_tobytes_f(fault_fx *f) {
    size_t n = 0;
    void *p = nd_tobytes(f->a[1], 'F', &n);
    return keep_mem(f, p, n);
}
static int o_fill(fault_fx *f) { return keep_int(f, nd_fill(f->a[1], ND_F64(9.5))); }

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(empty_c, NULL, o_empty_c, 0),
        FAULT_CASE(zeros_f, NULL, o_zeros_f, 0),
        FAULT_CASE(zeros_0d, NULL, o_zeros_0d, 0),
        FAULT_CASE(ones, NULL, o_ones, 0),
        FAULT_CASE(full, NULL, o_full, 0),
        FAULT_CASE(full_swapped, NULL, o_full_swapped, 0),
        FAULT_CASE(arange, NULL, o_arange, 0),
        FAULT_CASE(arange_u8, NULL, o_arange_u8, 0),
        FAULT_CASE(arange_f, NULL, o_arange_f, 0),
        FAULT_CASE(linspace, NULL, o_linspace, 0),
        FAULT_CASE(linspace_i32, NULL, o_linspace_i32, 0),
        FAULT_CASE(eye, NULL, o_eye, 0),
        FAULT_CASE(empty_like_k, s_strided, o_empty_like_k, 0),
        FAULT_CASE(zeros_like_a, s_mat_t, o_zeros_like_a, 0),
        FAULT_CASE(ones_like_f, s_strided, o_ones_like_f, 0),
        FAULT_CASE(full_like_k, s_strided, o_full_like_k, 0),
        FAULT_CASE(from_data, NULL, o_from_data, 0),
        FAULT_CASE(from_buf, s_buf, o_from_buf, 0),
        FAULT_CASE(from_buf_outside, s_buf, o_from_buf_outside, ND_EVALUE),
        FAULT_CASE(buf_wrap, NULL, o_buf_wrap, 0),
        FAULT_CASE(buf_alloc, NULL, o_buf_alloc, 0),
        FAULT_CASE(buf_alloc_big, NULL, o_buf_alloc_big, 0),
        FAULT_CASE(dtype_parse, NULL, o_dtype_parse, 0),
        FAULT_CASE(dtype_parse_bad, NULL, o_dtype_parse_bad, ND_ETYPE),
        FAULT_CASE(dtype_str, NULL, o_dtype_str, 0),
        FAULT_CASE(dtype_repr, NULL, o_dtype_repr, 0),
        FAULT_CASE(dtype_newbyteorder, NULL, o_dtype_newbyteorder, 0),
        FAULT_CASE(promote_types, NULL, o_promote, 0),
        FAULT_CASE(tobytes_c, s_strided, o_tobytes_c, 0),
        FAULT_CASE(tobytes_f, s_mat_t, o_tobytes_f, 0),
        FAULT_CASE(fill, s_strided, o_fill, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
