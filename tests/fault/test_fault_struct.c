/* test_fault_struct.c — allocation failures in structured dtypes: building
 * and printing them, field views, record assignment, byteswap and the
 * .npy descr literal. */
#include "fault.h"

#include <stdio.h>
#include <unistd.h>

static const char *const REC = "[('id', '<u4'), ('p', [('x', '>f4'), ('y', '<f8')]), ('v', '<i2', (3,))]";

/* a[0]: four records of REC, every field filled. */
static int s_recs(fault_fx *f) {
    const nd_dtype *d = nd_dtype_from_descr(REC);
    if (!d) return nd_errcode();
    int64_t n = 4;
    f->a[0] = nd_full(1, &n, ND_I64(3), d, 'C');
    nd_dtype_release(d);
    return f->a[0] ? 0 : nd_errcode();
}

/* a[0] as above, a[1]: records of another layout to assign from. */
static int s_two(fault_fx *f) {
    int rc = s_recs(f);
    if (rc) return rc;
    const nd_dtype *d = nd_dtype_from_descr("[('a', '<i8'), ('b', [('c', '<f4'), ('d', '<f4')]), ('e', '<f8', (3,))]");
    if (!d) return nd_errcode();
    int64_t n = 4;
    f->a[1] = nd_full(1, &n, ND_F64(2.5), d, 'C');
    nd_dtype_release(d);
    return f->a[1] ? 0 : nd_errcode();
}

static int o_from_descr(fault_fx *f) { return keep_dt(f, nd_dtype_from_descr(REC)); }
static int o_parse_comma(fault_fx *f) { return keep_dt(f, nd_dtype_parse("i4,(2,3)f8,>u2")); }
static int o_struct_aligned(fault_fx *f) {
    const char *names[] = {"a", "b", "c"};
    const nd_dtype *fm[] = {nd_dtype_of(ND_UINT8), nd_dtype_of(ND_FLOAT64), nd_dtype_of(ND_INT16)};
    return keep_dt(f, nd_dtype_struct(3, names, fm, NULL, 0, true));
}
static int o_subarray(fault_fx *f) {
    return keep_dt(f, nd_dtype_subarray(nd_dtype_of(ND_INT32), 2, (int64_t[]){2, 3}));
}
static int o_void(fault_fx *f) { return keep_dt(f, nd_dtype_void(12)); }

static int with_rec_dtype(fault_fx *f, char *(*fn)(const nd_dtype *)) {
    const nd_dtype *d = nd_dtype_from_descr(REC);
    if (!d) return nd_errcode();
    int rc = keep_str(f, fn(d));
    nd_dtype_release(d);
    return rc;
}
static int o_dtype_repr(fault_fx *f) { return with_rec_dtype(f, nd_dtype_repr); }
static int o_dtype_text(fault_fx *f) { return with_rec_dtype(f, nd_dtype_text); }
static int o_dtype_descr(fault_fx *f) { return with_rec_dtype(f, nd_dtype_descr); }
static int o_swapped_dtype(fault_fx *f) {
    const nd_dtype *d = nd_dtype_from_descr(REC);
    if (!d) return nd_errcode();
    int rc = keep_dt(f, nd_dtype_newbyteorder(d, 'S'));
    nd_dtype_release(d);
    return rc;
}

static int o_field(fault_fx *f) { return keep(f, nd_field(f->a[0], "v")); }
static int o_fields(fault_fx *f) {
    const char *names[] = {"v", "id"};
    return keep(f, nd_fields(f->a[0], 2, names));
}
static int o_repr(fault_fx *f) { return keep_str(f, nd_repr(f->a[0])); }
static int o_str_0d(fault_fx *f) {
    nd_array *e = nd_index(f->a[0], "1");
    if (!e) return nd_errcode();
    int rc = keep_str(f, nd_str(e));
    nd_release(e);
    return rc;
}
static int o_copyto(fault_fx *f) { return keep_int(f, nd_copyto(f->a[0], f->a[1], ND_CAST_UNSAFE)); }
static int o_byteswap(fault_fx *f) { return keep(f, nd_byteswap(f->a[0], false)); }
static int o_full(fault_fx *f) {
    const nd_dtype *d = nd_dtype_from_descr(REC);
    if (!d) return nd_errcode();
    int64_t n = 5;
    int rc = keep(f, nd_full(1, &n, ND_F64(1.5), d, 'C'));
    nd_dtype_release(d);
    return rc;
}
static int o_save_load(fault_fx *f) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/nd_fault_struct_%d.npy", (int)getpid());
    int rc = nd_save(path, f->a[0]);
    if (rc < 0) return rc;
    rc = keep(f, nd_load(path, NULL));
    unlink(path);
    return rc;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        FAULT_CASE(from_descr, NULL, o_from_descr, 0),
        FAULT_CASE(parse_comma, NULL, o_parse_comma, 0),
        FAULT_CASE(struct_aligned, NULL, o_struct_aligned, 0),
        FAULT_CASE(subarray, NULL, o_subarray, 0),
        FAULT_CASE(void, NULL, o_void, 0),
        FAULT_CASE(dtype_repr, NULL, o_dtype_repr, 0),
        FAULT_CASE(dtype_text, NULL, o_dtype_text, 0),
        FAULT_CASE(dtype_descr, NULL, o_dtype_descr, 0),
        FAULT_CASE(swapped_dtype, NULL, o_swapped_dtype, 0),
        FAULT_CASE(field, s_recs, o_field, 0),
        FAULT_CASE(fields, s_recs, o_fields, 0),
        FAULT_CASE(repr, s_recs, o_repr, 0),
        FAULT_CASE(str_0d, s_recs, o_str_0d, 0),
        FAULT_CASE(copyto, s_two, o_copyto, 0),
        FAULT_CASE(byteswap, s_recs, o_byteswap, 0),
        FAULT_CASE(full, NULL, o_full, 0),
        FAULT_CASE(save_load, s_recs, o_save_load, 0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
