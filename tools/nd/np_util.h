/* np_util.h — argument helpers shared by np_module.c, np_funcs.c and
 * np_random.c (the numpy namespace's C functions). */
#ifndef ND_NP_UTIL_H
#define ND_NP_UTIL_H

#include "py.h"

#define ARGS(fname, spec) Val p[12]; if (argparse(fname, argc, argv, kw, spec, p) < 0) return VERR
#define UNUSED (void)self
#define GET_ND(var, own, v) bool own; nd_array *var = to_nd((v), &own); if (!var) return VERR
#define DROP(var, own) if (own) nd_release(var)

static inline char order_of(Val v, char d) {
    if (!HAS(v) || v.t == T_NONE) return d;
    return v.t == T_STR && STR(v)->len ? STR(v)->s[0] : d;
}
static inline int opt_truth(Val v, int d) { return HAS(v) && v.t != T_NONE ? val_truth(v) : d; }
static inline int opt_int(Val v, int64_t d, int64_t *out) {
    *out = d;
    if (!HAS(v) || v.t == T_NONE) return 0;
    return to_int64(v, out, NULL);
}
static inline int opt_dtype(Val v, const nd_dtype **dt) { return get_dtype(HAS(v) ? v : VNONE, dt); }
static inline int axis_of(Val v, int d, int *out) {
    int64_t x;
    *out = d;
    if (!HAS(v)) return 0;
    if (v.t == T_NONE) { *out = ND_AXIS_NONE; return 0; }
    if (to_int64(v, &x, NULL) < 0) return -1;
    *out = (int)x;
    return 0;
}
static inline int int_list(Val v, int *n, int *out) {
    int64_t tmp[ND_MAXDIMS];
    if (parse_shape(v, n, tmp) < 0) return -1;
    for (int i = 0; i < *n; i++) out[i] = (int)tmp[i];
    return 0;
}

/* np_funcs.c: ufuncs, matmul/dot, reductions, selection, joining, sorting,
   types and print options; np_random.c: numpy.random, stride_tricks, time
   and math.  Each fills the module it is given. */
void np_funcs_install(Val mod, PutFn put);
void np_random_install(Val mod, PutFn put);
void np_stride_tricks_install(Val mod, PutFn put);
void np_time_install(Val mod, PutFn put);
void np_math_module_install(Val mod, PutFn put);
void np_pad_install(Val mod, PutFn put); /* np_pad.c: np.pad (np_shape_install calls it) */
void np_print_install(Val mod, PutFn put); /* np_print.c: array2string, array_repr, array_str (np_info_install calls it) */
void np_lapack_install(Val mod, PutFn put);
void np_broadcast_install(Val mod, PutFn put); /* np_broadcast.c: np.broadcast */
void np_textio_install(Val mod, PutFn put); /* np_textio.c: the text-file primitives of loadtxt/savetxt */
void np_generator_install(Val mod, PutFn put); /* np_generator.c: default_rng */ /* np_lapack.c: numpy.linalg's LAPACK primitives */

#endif
