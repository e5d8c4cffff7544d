/* np_module.c — the numpy namespace over libnd: creation, views, copies,
 * ufuncs, joining/sorting, memory sharing, files; numpy.random,
 * numpy.lib.stride_tricks, and the small time and math modules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "py.h"

int parse_shape(Val v, int *nd, int64_t *shape);
Val np_reduce(const char *fn, Val av, int argc, Val *argv, Kw *kw);

#define ARGS(fname, spec) Val p[12]; if (argparse(fname, argc, argv, kw, spec, p) < 0) return VERR
#define UNUSED (void)self
#define GET_ND(var, own, v) bool own; nd_array *var = to_nd((v), &own); if (!var) return VERR
#define DROP(var, own) if (own) nd_release(var)

static char order_of(Val v, char d) {
    if (!HAS(v) || v.t == T_NONE) return d;
    return v.t == T_STR && STR(v)->len ? STR(v)->s[0] : d;
}
static int opt_truth(Val v, int d) { return HAS(v) && v.t != T_NONE ? val_truth(v) : d; }
static int opt_int(Val v, int64_t d, int64_t *out) {
    *out = d;
    if (!HAS(v) || v.t == T_NONE) return 0;
    return to_int64(v, out, NULL);
}
static int opt_dtype(Val v, const nd_dtype **dt) { return get_dtype(HAS(v) ? v : VNONE, dt); }
static int axis_of(Val v, int d, int *out) {
    int64_t x;
    *out = d;
    if (!HAS(v)) return 0;
    if (v.t == T_NONE) { *out = ND_AXIS_NONE; return 0; }
    if (to_int64(v, &x, NULL) < 0) return -1;
    *out = (int)x;
    return 0;
}

/* ---------- creation ---------- */
static Val np_array(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("array", "object|dtype,copy,order,subok,ndmin,like");
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    Val r = np_array_from(p[0], dt, opt_truth(p[2], 1));
    nd_dtype_release(dt);
    int64_t ndmin = 0;
    if (ISERR(r) || !HAS(p[5]) || r.t != T_ARRAY) return r;
    if (to_int64(p[5], &ndmin, NULL) < 0) { decref(r); return VERR; }
    int have = nd_ndim(ARR(r));
    if (ndmin > ND_MAXDIMS) { decref(r); return raise_exc(ValueErrorT, "ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=%d)", ND_MAXDIMS); }
    if (ndmin <= have) return r;
    /* NumPy prepends size-1 axes, giving a view of the new array */
    int axes[ND_MAXDIMS];
    for (int i = 0; i < (int)ndmin - have; i++) axes[i] = i;
    nd_array *v = nd_expand_dims(ARR(r), (int)ndmin - have, axes);
    decref(r);
    return mk_array(v);
}
static Val np_asarray(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("asarray", "a|dtype,order,like");
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    Val r = np_array_from(p[0], dt, false);
    nd_dtype_release(dt);
    return r;
}

typedef nd_array *(*mk_fn)(int, const int64_t *, const nd_dtype *, char);
static Val make_filled(const char *fname, mk_fn fn, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "shape|dtype,order,like");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (parse_shape(p[0], &nd, shape) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    nd_array *a = fn(nd, shape, dt ? dt : nd_dtype_of(ND_FLOAT64), order_of(p[2], 'C'));
    nd_dtype_release(dt);
    return mk_array(a);
}
static Val np_zeros(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return make_filled("zeros", nd_zeros, argc, argv, kw); }
static Val np_ones(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return make_filled("ones", nd_ones, argc, argv, kw); }
static Val np_empty(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return make_filled("empty", nd_zeros, argc, argv, kw); }

static int value_of(Val v, nd_value *out) {
    bool own;
    nd_array *a = to_nd(v, &own);
    if (!a) return -1;
    if (nd_size(a) != 1) { DROP(a, own); raise_exc(ValueErrorT, "fill value must be a scalar in nd"); return -1; }
    nd_item(a, INT64_MIN, out);
    DROP(a, own);
    return 0;
}

static Val np_full(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("full", "shape,fill_value|dtype,order,like");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (parse_shape(p[0], &nd, shape) < 0) return VERR;
    nd_value v;
    if (value_of(p[1], &v) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[2], &dt) < 0) return VERR;
    nd_array *a = nd_full(nd, shape, v, dt, order_of(p[3], 'C'));
    nd_dtype_release(dt);
    return mk_array(a);
}

static Val like(const char *fname, int kind, int argc, Val *argv, Kw *kw) {
    Val p[6];
    if (argparse(fname, argc, argv, kw, kind == 3 ? "a,fill_value|dtype,order,subok,shape" : "a|dtype,order,subok,shape", p) < 0) return VERR;
    int o = kind == 3 ? 1 : 0;
    GET_ND(a, own, p[0]);
    const nd_dtype *dt;
    if (opt_dtype(p[1 + o], &dt) < 0) { DROP(a, own); return VERR; }
    char ord = order_of(p[2 + o], 'K');
    nd_array *r;
    if (HAS(p[4 + o]) && p[4 + o].t != T_NONE) {
        int nd;
        int64_t shape[ND_MAXDIMS];
        if (parse_shape(p[4 + o], &nd, shape) < 0) { DROP(a, own); nd_dtype_release(dt); return VERR; }
        const nd_dtype *use = dt ? dt : nd_array_dtype(a);
        r = kind == 1 ? nd_ones(nd, shape, use, 'C') : nd_zeros(nd, shape, use, 'C');
        if (r && kind == 3) {
            nd_value v;
            if (value_of(p[1], &v) < 0) { nd_release(r); DROP(a, own); nd_dtype_release(dt); return VERR; }
            nd_fill(r, v);
        }
    } else if (kind == 0) r = nd_zeros_like(a, dt, ord);
    else if (kind == 1) r = nd_ones_like(a, dt, ord);
    else if (kind == 2) r = nd_zeros_like(a, dt, ord);
    else {
        nd_value v;
        if (value_of(p[1], &v) < 0) { DROP(a, own); nd_dtype_release(dt); return VERR; }
        r = nd_full_like(a, v, dt, ord);
    }
    DROP(a, own);
    nd_dtype_release(dt);
    return mk_array(r);
}
static Val np_zeros_like(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return like("zeros_like", 0, argc, argv, kw); }
static Val np_ones_like(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return like("ones_like", 1, argc, argv, kw); }
static Val np_empty_like(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return like("empty_like", 2, argc, argv, kw); }
static Val np_full_like(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return like("full_like", 3, argc, argv, kw); }

static Val np_arange(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("arange", "start|stop,step,dtype,like");
    const nd_dtype *dt;
    if (opt_dtype(p[3], &dt) < 0) return VERR;
    Val v[3] = {p[0], HAS(p[1]) ? p[1] : VNONE, HAS(p[2]) ? p[2] : VNONE};
    if (v[1].t == T_NONE) { v[1] = v[0]; v[0] = VINT(0); }
    bool flt = false;
    for (int i = 0; i < 3; i++)
        if (v[i].t == T_FLOAT || (v[i].t == T_SCALAR && strchr("fc", nd_dtype_kind(nd_dtype_of(SCAL(v[i]).type))))) flt = true;
    nd_array *a;
    if (flt || (dt && strchr("fc", nd_dtype_kind(dt)) && 0)) {
        double d[3] = {0, 0, 1};
        for (int i = 0; i < 3; i++) if (v[i].t != T_NONE && to_double(v[i], &d[i]) < 0) { nd_dtype_release(dt); return VERR; }
        a = nd_arange_f(d[0], d[1], d[2], dt);
        if (!a && nd_errcode() == ND_EZERODIV) { nd_dtype_release(dt); return raise_exc(ZeroDivisionErrorT, "division by zero"); }
    } else {
        int64_t d[3] = {0, 0, 1};
        for (int i = 0; i < 3; i++) if (v[i].t != T_NONE && to_int64(v[i], &d[i], NULL) < 0) { nd_dtype_release(dt); return VERR; }
        a = nd_arange(d[0], d[1], d[2], dt);
        if (!a && nd_errcode() == ND_EZERODIV) { nd_dtype_release(dt); return raise_exc(ZeroDivisionErrorT, "division by zero"); }
    }
    nd_dtype_release(dt);
    return mk_array(a);
}

static Val np_linspace(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("linspace", "start,stop|num,endpoint,retstep,dtype,axis");
    double a, b;
    int64_t num;
    if (to_double(p[0], &a) < 0 || to_double(p[1], &b) < 0 || opt_int(p[2], 50, &num) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[5], &dt) < 0) return VERR;
    bool ep = opt_truth(p[3], 1);
    nd_array *r = nd_linspace(a, b, num, ep, dt);
    nd_dtype_release(dt);
    Val arr = mk_array(r);
    if (ISERR(arr) || !opt_truth(p[4], 0)) return arr;
    int64_t div = ep ? num - 1 : num;
    return mk_tuple2(arr, VFLOAT(div > 0 ? (b - a) / (double)div : NAN));
}

static Val np_eye(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("eye", "N|M,k,dtype,order,like");
    int64_t n, m, k;
    if (to_int64(p[0], &n, NULL) < 0 || opt_int(p[1], -1, &m) < 0 || opt_int(p[2], 0, &k) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[3], &dt) < 0) return VERR;
    nd_array *r = nd_eye(n, m, k, dt);
    nd_dtype_release(dt);
    return mk_array(r);
}
static Val np_identity(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("identity", "n|dtype,like");
    int64_t n;
    if (to_int64(p[0], &n, NULL) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    nd_array *r = nd_eye(n, -1, 0, dt);
    nd_dtype_release(dt);
    return mk_array(r);
}

/* ---------- views and copies ---------- */
static Val np_copy(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("copy", "a|order,subok");
    GET_ND(a, own, p[0]);
    nd_array *r = nd_copy(a, order_of(p[1], 'K'));
    DROP(a, own);
    return mk_array(r);
}
static Val np_reshape(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("reshape", "a,newshape|order");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (parse_shape(p[1], &nd, shape) < 0) return VERR;
    GET_ND(a, own, p[0]);
    nd_array *r = nd_reshape(a, nd, shape, order_of(p[2], 'C'), ND_COPY_IF_NEEDED);
    DROP(a, own);
    return mk_array(r);
}
static Val np_ravel(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ravel", "a|order");
    GET_ND(a, own, p[0]);
    nd_array *r = nd_ravel(a, order_of(p[1], 'C'), ND_COPY_IF_NEEDED);
    DROP(a, own);
    return mk_array(r);
}
static Val np_transpose(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("transpose", "a|axes");
    GET_ND(a, own, p[0]);
    nd_array *r;
    if (!HAS(p[1]) || p[1].t == T_NONE) r = nd_transpose(a, NULL);
    else {
        int nd;
        int64_t ax[ND_MAXDIMS];
        int axes[ND_MAXDIMS];
        if (parse_shape(p[1], &nd, ax) < 0) { DROP(a, own); return VERR; }
        if (nd != nd_ndim(a)) { DROP(a, own); return raise_exc(ValueErrorT, "axes don't match array"); }
        for (int i = 0; i < nd; i++) axes[i] = (int)ax[i];
        r = nd_transpose(a, axes);
    }
    DROP(a, own);
    return mk_array(r);
}
static Val np_swapaxes(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("swapaxes", "a,axis1,axis2");
    int64_t x, y;
    if (to_int64(p[1], &x, NULL) < 0 || to_int64(p[2], &y, NULL) < 0) return VERR;
    GET_ND(a, own, p[0]);
    nd_array *r = nd_swapaxes(a, (int)x, (int)y);
    DROP(a, own);
    return mk_array(r);
}
static int int_list(Val v, int *n, int *out) {
    int64_t tmp[ND_MAXDIMS];
    if (parse_shape(v, n, tmp) < 0) return -1;
    for (int i = 0; i < *n; i++) out[i] = (int)tmp[i];
    return 0;
}
static Val np_moveaxis(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("moveaxis", "a,source,destination");
    int ns, nd, s[ND_MAXDIMS], d[ND_MAXDIMS];
    if (int_list(p[1], &ns, s) < 0 || int_list(p[2], &nd, d) < 0) return VERR;
    if (ns != nd) return raise_exc(ValueErrorT, "`source` and `destination` arguments must have the same number of elements");
    GET_ND(a, own, p[0]);
    nd_array *r = nd_moveaxis(a, ns, s, d);
    DROP(a, own);
    return mk_array(r);
}
static Val np_squeeze(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("squeeze", "a|axis");
    int n = 0, ax[ND_MAXDIMS];
    if (HAS(p[1]) && p[1].t != T_NONE && int_list(p[1], &n, ax) < 0) return VERR;
    GET_ND(a, own, p[0]);
    nd_array *r = nd_squeeze(a, n, n ? ax : NULL);
    DROP(a, own);
    return mk_array(r);
}
static Val np_expand_dims(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("expand_dims", "a,axis");
    int n, ax[ND_MAXDIMS];
    if (int_list(p[1], &n, ax) < 0) return VERR;
    GET_ND(a, own, p[0]);
    nd_array *r = nd_expand_dims(a, n, ax);
    DROP(a, own);
    return mk_array(r);
}
static Val np_broadcast_to(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("broadcast_to", "array,shape|subok");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (parse_shape(p[1], &nd, shape) < 0) return VERR;
    GET_ND(a, own, p[0]);
    nd_array *r = nd_broadcast_to(a, nd, shape);
    DROP(a, own);
    return mk_array(r);
}
static Val np_ascontig(Val self, int argc, Val *argv, Kw *kw) {
    ARGS("ascontiguousarray", "a|dtype,like");
    GET_ND(a, own, p[0]);
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) { DROP(a, own); return VERR; }
    nd_array *src = a;
    if (dt) src = nd_astype(a, dt, 'K', ND_CAST_UNSAFE, false);
    nd_array *r = src ? (self.i ? nd_asfortranarray(src) : nd_ascontiguousarray(src)) : NULL;
    if (dt && src) nd_release(src);
    if (r && nd_ndim(r) == 0) { nd_array *q = nd_reshape(r, 1, (int64_t[]){1}, 'C', ND_COPY_IF_NEEDED); nd_release(r); r = q; }
    DROP(a, own);
    nd_dtype_release(dt);
    return mk_array(r);
}
static Val np_copyto(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("copyto", "dst,src|casting,where");
    if (p[0].t != T_ARRAY) return raise_exc(TypeErrorT, "copyto() argument 1 must be numpy.ndarray, not %s", type_name(p[0]));
    nd_casting c = ND_CAST_SAME_KIND;
    if (HAS(p[2]) && (p[2].t != T_STR || nd_casting_parse(STR(p[2])->s, &c) < 0)) return raise_nd();
    GET_ND(s, own, p[1]);
    int r = nd_copyto(ARR(p[0]), s, c);
    DROP(s, own);
    return r < 0 ? raise_nd() : VNONE;
}

/* ---------- memory ---------- */
static Val share(int argc, Val *argv, Kw *kw, bool exact) {
    ARGS(exact ? "shares_memory" : "may_share_memory", "a,b|max_work");
    GET_ND(a, oa, p[0]);
    bool ob;
    nd_array *b = to_nd(p[1], &ob);
    if (!b) { DROP(a, oa); return VERR; }
    int64_t mw = exact ? ND_MAY_SHARE_EXACT : ND_MAY_SHARE_BOUNDS;
    int r;
    if (HAS(p[2]) && p[2].t != T_NONE) {
        if (to_int64(p[2], &mw, NULL) < 0) { DROP(a, oa); DROP(b, ob); return VERR; }
        r = nd_shares_memory(a, b, mw);
    } else {
        r = exact ? nd_shares_memory(a, b, mw) : nd_may_share_memory(a, b);
    }
    DROP(a, oa);
    DROP(b, ob);
    if (r < 0) {
        if (nd_errcode() == ND_ETOOHARD) return raise_exc(exc_class_by_name("TooHardError"), "%s", nd_errmsg());
        return raise_nd();
    }
    return VBOOL(r);
}
static Val np_shares_memory(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return share(argc, argv, kw, true); }
static Val np_may_share_memory(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return share(argc, argv, kw, false); }

static void free_copy(void *ptr, size_t size, void *ctx) { (void)size; (void)ctx; free(ptr); }

static Val np_frombuffer(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("frombuffer", "buffer|dtype,count,offset,like");
    if (p[0].t != T_BYTES) return raise_exc(TypeErrorT, "a bytes-like object is required, not '%s'", type_name(p[0]));
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    int64_t count, off;
    if (opt_int(p[2], -1, &count) < 0 || opt_int(p[3], 0, &off) < 0) { nd_dtype_release(dt); return VERR; }
    /* bytes are immutable: the array keeps its own read-only copy */
    size_t len = (size_t)STR(p[0])->len;
    void *mem = malloc(len ? len : 1);
    if (!mem) { nd_dtype_release(dt); return raise_exc(MemoryErrorT, "out of memory"); }
    memcpy(mem, STR(p[0])->s, len);
    nd_array *r = nd_frombuffer(mem, len, true, dt ? dt : nd_dtype_of(ND_FLOAT64), count, off, free_copy, NULL);
    if (!r) free(mem);
    nd_dtype_release(dt);
    return mk_array(r);
}

static Val np_fromfile(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("fromfile", "file|dtype,count,sep,offset,like");
    if (p[0].t != T_STR) return raise_exc(TypeErrorT, "fromfile() needs a file name in nd");
    FILE *f = fopen(STR(p[0])->s, "rb");
    if (!f) return raise_exc(FileNotFoundErrorT, "[Errno 2] No such file or directory: '%s'", STR(p[0])->s);
    SB b = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_putn(&b, buf, n);
    fclose(f);
    Val bytes = mk_bytes(b.s ? b.s : "", (int64_t)b.n);
    free(b.s);
    Val args[4] = {bytes, HAS(p[1]) ? p[1] : VOBJ(np_scalar_type(ND_FLOAT64)), HAS(p[2]) ? p[2] : VINT(-1), HAS(p[4]) ? p[4] : VINT(0)};
    Val r = np_frombuffer(VNONE, 4, args, NULL);
    decref(bytes);
    if (ISERR(r)) return r;
    nd_array *c = nd_copy(ARR(r), 'C');
    decref(r);
    return mk_array(c);
}

static Val np_memmap(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("memmap", "filename|dtype,mode,offset,shape,order");
    if (p[0].t != T_STR) return raise_exc(TypeErrorT, "memmap() needs a file name in nd");
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    int64_t off;
    if (opt_int(p[3], 0, &off) < 0) { nd_dtype_release(dt); return VERR; }
    int nd = 0;
    int64_t shape[ND_MAXDIMS];
    bool has_shape = HAS(p[4]) && p[4].t != T_NONE;
    if (has_shape && parse_shape(p[4], &nd, shape) < 0) { nd_dtype_release(dt); return VERR; }
    const char *mode = HAS(p[2]) && p[2].t == T_STR ? STR(p[2])->s : NULL;
    nd_array *r = nd_memmap(STR(p[0])->s, dt, mode, off, nd, has_shape ? shape : NULL, order_of(p[5], 'C'));
    nd_dtype_release(dt);
    return mk_array(r);
}

static Val np_save(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("save", "file,arr|allow_pickle,fix_imports");
    if (p[0].t != T_STR) return raise_exc(TypeErrorT, "save() needs a file name in nd");
    GET_ND(a, own, p[1]);
    int r = nd_save(STR(p[0])->s, a);
    DROP(a, own);
    return r < 0 ? raise_nd() : VNONE;
}

static Val np_load(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("load", "file|mmap_mode,allow_pickle,fix_imports,encoding,max_header_size");
    if (p[0].t != T_STR) return raise_exc(TypeErrorT, "load() needs a file name in nd");
    const char *path = STR(p[0])->s;
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".npz")) {
        nd_npz *z = nd_npz_open(path);
        if (!z) return raise_nd();
        Val d = mk_dict();
        for (int i = 0; i < nd_npz_count(z); i++) {
            nd_array *a = nd_npz_get(z, nd_npz_name(z, i));
            if (!a) { nd_npz_close(z); decref(d); return raise_nd(); }
            Val k = mk_cstr(nd_npz_name(z, i)), v = mk_array(a);
            dict_set(d, k, v);
            decref(k);
            decref(v);
        }
        nd_npz_close(z);
        return d;
    }
    const char *mm = HAS(p[1]) && p[1].t == T_STR ? STR(p[1])->s : NULL;
    return mk_array(nd_load(path, mm));
}

static Val savez(int argc, Val *argv, Kw *kw, bool compress) {
    if (argc < 1 || argv[0].t != T_STR) return raise_exc(TypeErrorT, "savez() needs a file name in nd");
    int n = argc - 1 + (kw ? kw->n : 0);
    const char **names = calloc((size_t)n + 1, sizeof(char *));
    const nd_array **arrs = calloc((size_t)n + 1, sizeof(nd_array *));
    bool *own = calloc((size_t)n + 1, sizeof(bool));
    if (!names || !arrs || !own) abort();
    int k = 0, r = 0;
    /* NumPy writes the keyword arrays first, then arr_0, arr_1, ... */
    for (int i = 0; kw && i < kw->n && r == 0; i++, k++) {
        names[k] = kw->names[i];
        arrs[k] = to_nd(kw->vals[i], &own[k]);
        if (!arrs[k]) r = -1;
    }
    for (int i = 1; i < argc && r == 0; i++, k++) {
        arrs[k] = to_nd(argv[i], &own[k]);
        if (!arrs[k]) r = -1;
    }
    if (r == 0 && nd_savez(STR(argv[0])->s, n, names, arrs, compress) < 0) { raise_nd(); r = -1; }
    for (int i = 0; i < k; i++) if (own[i] && arrs[i]) nd_release((nd_array *)arrs[i]);
    free(names);
    free(arrs);
    free(own);
    return r < 0 ? VERR : VNONE;
}
static Val np_savez(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return savez(argc, argv, kw, false); }
static Val np_savez_c(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return savez(argc, argv, kw, true); }

/* ---------- ufuncs ---------- */
static Val ufunc_call(Val self, int argc, Val *argv, Kw *kw) {
    nd_ufunc op = (nd_ufunc)self.i;
    int nin = nd_ufunc_nin(op);
    Val out = VNONE;
    for (int k = 0; kw && k < kw->n; k++) {
        if (!strcmp(kw->names[k], "out")) out = kw->vals[k];
        else return raise_exc(TypeErrorT, "%s() got an unexpected keyword argument '%s' (not supported by nd)", nd_ufunc_name(op), kw->names[k]);
    }
    if (argc == nin + 1 && out.t == T_NONE) out = argv[nin];
    else if (argc != nin)
        return raise_exc(TypeErrorT, "%s() takes from %d to %d positional arguments but %d were given", nd_ufunc_name(op), nin, nin + 1, argc);
    if (out.t == T_TUPLE && LIST(out)->n == 1) out = LIST(out)->v[0];
    if (out.t != T_NONE && out.t != T_ARRAY) return raise_exc(TypeErrorT, "return arrays must be of ArrayType");
    GET_ND(a, oa, argv[0]);
    bool ob = false;
    nd_array *b = NULL;
    if (nin == 2) {
        b = to_nd(argv[1], &ob);
        if (!b) { DROP(a, oa); return VERR; }
    }
    nd_array *r = nd_apply(op, a, b, out.t == T_ARRAY ? ARR(out) : NULL);
    DROP(a, oa);
    if (b) DROP(b, ob);
    if (!r) {
        if (!strcmp(nd_errclass(), "UFuncTypeError")) {
            const char *m = nd_errmsg();
            OType *t = strstr(m, " output from ") ? exc_class_by_name("_UFuncOutputCastingError")
                       : strstr(m, " input from ") ? exc_class_by_name("_UFuncInputCastingError")
                                                   : exc_class_by_name("_UFuncNoLoopError");
            return raise_exc(t, "%s", m);
        }
        return raise_nd();
    }
    if (out.t == T_ARRAY) return mk_array(r);
    return array_wrap0(r);
}

Val np_matmul(Val av, Val bv) {
    bool oa, ob;
    nd_array *a = to_nd(av, &oa);
    if (!a) return VERR;
    nd_array *b = to_nd(bv, &ob);
    if (!b) { DROP(a, oa); return VERR; }
    int na = nd_ndim(a), nb = nd_ndim(b);
    Val r = VERR;
    if (na == 0 || nb == 0) {
        r = raise_exc(ValueErrorT, "matmul: Input operand %d does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)", na == 0 ? 0 : 1);
        goto done;
    }
    if (na > 2 || nb > 2) { r = raise_exc(NotImplementedErrorT, "nd's matmul handles 1-d and 2-d operands only"); goto done; }
    int64_t k1 = nd_shape(a)[na - 1], k2 = nd_shape(b)[nb == 1 ? 0 : 0];
    if (k1 != k2) {
        r = raise_exc(ValueErrorT, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size %lld is different from %lld)", (long long)k2, (long long)k1);
        goto done;
    }
    {
        /* a[..., :, None] * b[None, :, :] summed over the shared axis */
        nd_idx ia[3], ib[3];
        int nia = 0, nib = 0;
        if (na == 2) ia[nia++] = ND_ALL;
        ia[nia++] = ND_ALL;
        if (nb == 2) ia[nia++] = ND_NEWAXIS;
        if (na == 2) ib[nib++] = ND_NEWAXIS;
        ib[nib++] = ND_ALL;
        if (nb == 2) ib[nib++] = ND_ALL;
        nd_array *x = nd_subscript(a, nia, ia), *y = nd_subscript(b, nib, ib);
        nd_array *m = x && y ? nd_apply(ND_MULTIPLY, x, y, NULL) : NULL;
        nd_release(x);
        nd_release(y);
        if (!m) { r = raise_nd(); goto done; }
        int ax = na == 2 ? 1 : 0;
        const nd_dtype *rt = nd_array_dtype(m);
        nd_array *s = nd_sum(m, 1, &ax, false, nd_dtype_type(rt) == ND_BOOL ? NULL : rt);
        nd_release(m);
        if (s && nd_dtype_type(nd_array_dtype(s)) != nd_dtype_type(rt)) {
            nd_array *c = nd_astype(s, rt, 'K', ND_CAST_UNSAFE, true);
            nd_release(s);
            s = c;
        }
        r = array_wrap0(s);
    }
done:
    DROP(a, oa);
    DROP(b, ob);
    return r;
}
static Val np_matmul_f(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("matmul", "x1,x2");
    return np_matmul(p[0], p[1]);
}
static Val np_dot(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("dot", "a,b|out");
    bool sa = p[0].t != T_ARRAY && p[0].t != T_LIST && p[0].t != T_TUPLE, sb = p[1].t != T_ARRAY && p[1].t != T_LIST && p[1].t != T_TUPLE;
    if (sa || sb || (p[0].t == T_ARRAY && nd_ndim(ARR(p[0])) == 0) || (p[1].t == T_ARRAY && nd_ndim(ARR(p[1])) == 0))
        return array_binop(OP_MUL, p[0], p[1], NULL);
    return np_matmul(p[0], p[1]);
}

static Val np_round(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("round", "a|decimals,out");
    int64_t d;
    if (opt_int(p[1], 0, &d) < 0) return VERR;
    GET_ND(a, own, p[0]);
    char k = nd_dtype_kind(nd_array_dtype(a));
    nd_array *r;
    if (k == 'i' || k == 'u' || k == 'b') {
        r = d >= 0 ? nd_copy(a, 'K') : NULL;
        if (d < 0) {
            DROP(a, own);
            return raise_exc(NotImplementedErrorT, "round of integers to negative decimals is not supported by nd");
        }
    } else if (d == 0) {
        r = nd_apply(ND_RINT, a, NULL, NULL);
    } else {
        nd_array *f = nd_scalar(ND_F64(pow(10.0, (double)(d < 0 ? -d : d))), NULL);
        nd_array *y = nd_apply(d > 0 ? ND_MULTIPLY : ND_TRUE_DIVIDE, a, f, NULL);
        nd_array *z = y ? nd_apply(ND_RINT, y, NULL, NULL) : NULL;
        r = z ? nd_apply(d > 0 ? ND_TRUE_DIVIDE : ND_MULTIPLY, z, f, NULL) : NULL;
        nd_release(f);
        nd_release(y);
        nd_release(z);
    }
    DROP(a, own);
    return array_wrap0(r);
}

static Val np_conjugate(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("conjugate", "x");
    GET_ND(a, own, p[0]);
    if (nd_dtype_kind(nd_array_dtype(a)) != 'c') {
        nd_array *r = nd_copy(a, 'K');
        DROP(a, own);
        return array_wrap0(r);
    }
    Val arr = mk_array(nd_copy(a, 'K'));
    DROP(a, own);
    if (ISERR(arr)) return arr;
    Val im = get_attr(arr, "imag");
    if (ISERR(im)) { decref(arr); return im; }
    Val neg = array_unop(OP_NEG, im);
    int rr = ISERR(neg) ? -1 : array_setitem(im, (Val){.t = T_ELLIPSIS}, neg);
    decref(neg);
    decref(im);
    if (rr < 0) { decref(arr); return VERR; }
    nd_array *res = nd_retain(ARR(arr));
    decref(arr);
    return array_wrap0(res);
}

/* ---------- reductions as functions ---------- */
#define RED(nm)                                                                   \
    static Val np_##nm(Val self, int argc, Val *argv, Kw *kw) {                    \
        UNUSED;                                                                   \
        if (argc < 1) return raise_exc(TypeErrorT, #nm "() missing required argument 'a'"); \
        return np_reduce(#nm, argv[0], argc - 1, argv + 1, kw);                    \
    }
RED(sum) RED(prod) RED(min) RED(max) RED(amin) RED(amax) RED(mean) RED(var) RED(std) RED(any) RED(all)
RED(argmin) RED(argmax) RED(cumsum) RED(cumprod) RED(count_nonzero)

/* ---------- selection ---------- */
static Val tuple_of_arrays(nd_array **v, int n) {
    Val t = mk_tuple(n);
    for (int i = 0; i < n; i++) LIST(t)->v[i] = mk_array(v[i]);
    return t;
}
static Val np_nonzero(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("nonzero", "a");
    GET_ND(a, own, p[0]);
    nd_array *out[ND_MAXDIMS];
    int n = nd_ndim(a) ? nd_ndim(a) : 1;
    int r = nd_nonzero(a, out);
    DROP(a, own);
    if (r < 0) return raise_nd();
    return tuple_of_arrays(out, n);
}
static Val np_where(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("where", "condition|x,y");
    if (!HAS(p[1])) return np_nonzero(VNONE, 1, p, NULL);
    if (!HAS(p[2])) return raise_exc(ValueErrorT, "either both or neither of x and y should be given");
    GET_ND(c, oc, p[0]);
    bool ox, oy;
    nd_array *x = to_nd(p[1], &ox), *y = x ? to_nd(p[2], &oy) : NULL;
    nd_array *r = y ? nd_where(c, x, y) : NULL;
    Val res = r ? array_wrap0(r) : (exc_pending().t == T_EXC ? VERR : raise_nd());
    DROP(c, oc);
    if (x) DROP(x, ox);
    if (y) DROP(y, oy);
    return res;
}
static Val np_take(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("take", "a,indices|axis,out,mode");
    if ((HAS(p[3]) && p[3].t != T_NONE) || (HAS(p[4]) && !(p[4].t == T_STR && !strcmp(STR(p[4])->s, "raise"))))
        return raise_exc(NotImplementedErrorT, "take(out=..., mode=...) is not supported by nd");
    int ax;
    if (axis_of(p[2], ND_AXIS_NONE, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    bool oi;
    nd_array *i = to_nd(p[1], &oi);
    nd_array *r = i ? nd_take(a, i, ax) : NULL;
    DROP(a, oa);
    if (i) DROP(i, oi);
    if (!r) return exc_pending().t == T_EXC ? VERR : raise_nd();
    return array_wrap0(r);
}
static Val np_compress(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("compress", "condition,a|axis,out");
    int ax;
    if (axis_of(p[2], ND_AXIS_NONE, &ax) < 0) return VERR;
    GET_ND(c, oc, p[0]);
    bool oa;
    nd_array *a = to_nd(p[1], &oa);
    nd_array *r = a ? nd_compress(c, a, ax) : NULL;
    DROP(c, oc);
    if (a) DROP(a, oa);
    return r ? mk_array(r) : (exc_pending().t == T_EXC ? VERR : raise_nd());
}

/* ---------- joining, sorting ---------- */
static int seq_arrays(Val v, int *n, nd_array ***arrs, bool **own) {
    Val l = to_list(v);
    if (ISERR(l)) return -1;
    *n = (int)LIST(l)->n;
    *arrs = calloc((size_t)*n + 1, sizeof(nd_array *));
    *own = calloc((size_t)*n + 1, sizeof(bool));
    if (!*arrs || !*own) abort();
    for (int i = 0; i < *n; i++) {
        (*arrs)[i] = to_nd(LIST(l)->v[i], &(*own)[i]);
        if (!(*arrs)[i]) {
            for (int j = 0; j < i; j++) if ((*own)[j]) nd_release((*arrs)[j]);
            free(*arrs);
            free(*own);
            decref(l);
            return -1;
        }
        if (!(*own)[i]) { nd_retain((*arrs)[i]); (*own)[i] = true; }
    }
    decref(l);
    return 0;
}
static void free_arrays(int n, nd_array **a, bool *own) {
    for (int i = 0; i < n; i++) if (own[i]) nd_release(a[i]);
    free(a);
    free(own);
}
static Val join(const char *fname, int kind, int argc, Val *argv, Kw *kw) {
    ARGS(fname, kind >= 2 ? "tup" : "arrays|axis,out,dtype,casting");
    int ax = 0;
    if (kind < 2 && axis_of(p[1], 0, &ax) < 0) return VERR;
    int n;
    nd_array **arrs;
    bool *own;
    if (seq_arrays(p[0], &n, &arrs, &own) < 0) return VERR;
    nd_array *r = kind == 0 ? nd_concatenate(n, (const nd_array *const *)arrs, ax)
                  : kind == 1 ? nd_stack(n, (const nd_array *const *)arrs, ax)
                  : kind == 2 ? nd_vstack(n, (const nd_array *const *)arrs)
                              : nd_hstack(n, (const nd_array *const *)arrs);
    free_arrays(n, arrs, own);
    return mk_array(r);
}
static Val np_concatenate(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("concatenate", 0, argc, argv, kw); }
static Val np_stack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("stack", 1, argc, argv, kw); }
static Val np_vstack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("vstack", 2, argc, argv, kw); }
static Val np_hstack(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return join("hstack", 3, argc, argv, kw); }

static Val np_repeat(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("repeat", "a,repeats|axis");
    int ax;
    if (axis_of(p[2], ND_AXIS_NONE, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    bool orp;
    nd_array *rp = to_nd(p[1], &orp);
    nd_array *r = rp ? nd_repeat(a, rp, ax) : NULL;
    DROP(a, oa);
    if (rp) DROP(rp, orp);
    return r ? mk_array(r) : (exc_pending().t == T_EXC ? VERR : raise_nd());
}
static Val np_tile(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("tile", "A,reps");
    int n;
    int64_t reps[ND_MAXDIMS];
    if (parse_shape(p[1], &n, reps) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_tile(a, n, reps);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_roll(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("roll", "a,shift|axis");
    int ns, na = 0;
    int64_t sh[ND_MAXDIMS];
    int axes[ND_MAXDIMS];
    if (parse_shape(p[1], &ns, sh) < 0) return VERR;
    bool has_axis = HAS(p[2]) && p[2].t != T_NONE;
    if (has_axis && int_list(p[2], &na, axes) < 0) return VERR;
    if (has_axis && na != ns) {
        if (ns == 1) { for (int i = 1; i < na; i++) sh[i] = sh[0]; ns = na; }
        else if (na == 1) { for (int i = 1; i < ns; i++) axes[i] = axes[0]; }
        else return raise_exc(ValueErrorT, "shape mismatch: objects cannot be broadcast to a single shape");
    }
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_roll(a, ns, sh, has_axis ? axes : NULL);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_flip(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("flip", "m|axis");
    int n = -1, axes[ND_MAXDIMS];
    if (HAS(p[1]) && p[1].t != T_NONE && int_list(p[1], &n, axes) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_flip(a, n, n < 0 ? NULL : axes);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_fliplr(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("fliplr", "m");
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_fliplr(a);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_flipud(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("flipud", "m");
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_flipud(a);
    DROP(a, oa);
    return mk_array(r);
}
static Val sort_like(const char *fname, bool arg, int argc, Val *argv, Kw *kw) {
    ARGS(fname, "a|axis,kind,order");
    int ax;
    if (axis_of(p[1], -1, &ax) < 0) return VERR;
    GET_ND(a, oa, p[0]);
    const char *kind = HAS(p[2]) && p[2].t == T_STR ? STR(p[2])->s : NULL;
    nd_array *r = arg ? nd_argsort(a, ax, kind) : nd_sort(a, ax, kind);
    DROP(a, oa);
    return mk_array(r);
}
static Val np_sort(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return sort_like("sort", false, argc, argv, kw); }
static Val np_argsort(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return sort_like("argsort", true, argc, argv, kw); }

static Val np_unique(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("unique", "ar|return_index,return_inverse,return_counts,axis,equal_nan");
    int flags = (opt_truth(p[1], 0) ? ND_UNIQUE_INDEX : 0) | (opt_truth(p[2], 0) ? ND_UNIQUE_INVERSE : 0) |
                (opt_truth(p[3], 0) ? ND_UNIQUE_COUNTS : 0) | (opt_truth(p[5], 1) ? 0 : ND_UNIQUE_NAN_DISTINCT);
    if (HAS(p[4]) && p[4].t != T_NONE) return raise_exc(NotImplementedErrorT, "unique(axis=...) is not supported by nd");
    GET_ND(a, oa, p[0]);
    nd_array *idx = NULL, *inv = NULL, *cnt = NULL;
    nd_array *u = nd_unique(a, flags, &idx, &inv, &cnt);
    DROP(a, oa);
    if (!u) return raise_nd();
    int extra = flags & 7;
    if (!extra) return mk_array(u);
    Val t = mk_list(0);
    list_append(t, mk_array(u));
    if (flags & ND_UNIQUE_INDEX) list_append(t, mk_array(idx));
    if (flags & ND_UNIQUE_INVERSE) list_append(t, mk_array(inv));
    if (flags & ND_UNIQUE_COUNTS) list_append(t, mk_array(cnt));
    t.o->tag = T_TUPLE;
    t.t = T_TUPLE;
    return t;
}

static Val np_clip(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("clip", "a,a_min,a_max|out");
    GET_ND(a, oa, p[0]);
    bool o1 = false, o2 = false;
    nd_array *lo = p[1].t == T_NONE ? NULL : to_nd(p[1], &o1);
    nd_array *hi = p[2].t == T_NONE ? NULL : to_nd(p[2], &o2);
    nd_array *out = HAS(p[3]) && p[3].t == T_ARRAY ? ARR(p[3]) : NULL;
    nd_array *r = (p[1].t != T_NONE && !lo) || (p[2].t != T_NONE && !hi) ? NULL : nd_clip(a, lo, hi, out);
    DROP(a, oa);
    if (lo) DROP(lo, o1);
    if (hi) DROP(hi, o2);
    if (!r) return exc_pending().t == T_EXC ? VERR : raise_nd();
    return out ? mk_array(r) : array_wrap0(r);
}

static Val close_like(const char *fname, int kind, int argc, Val *argv, Kw *kw) {
    ARGS(fname, kind == 2 ? "a1,a2|equal_nan" : "a,b|rtol,atol,equal_nan");
    double rtol = 1e-05, atol = 1e-08;
    if (kind != 2 && ((HAS(p[2]) && to_double(p[2], &rtol) < 0) || (HAS(p[3]) && to_double(p[3], &atol) < 0))) return VERR;
    bool en = opt_truth(kind == 2 ? p[2] : p[4], 0);
    GET_ND(a, oa, p[0]);
    bool ob;
    nd_array *b = to_nd(p[1], &ob);
    if (!b) { DROP(a, oa); return VERR; }
    Val res;
    if (kind == 0) res = array_wrap0(nd_isclose(a, b, rtol, atol, en));
    else {
        int r = kind == 1 ? nd_allclose(a, b, rtol, atol, en) : nd_array_equal(a, b, en);
        res = r < 0 ? raise_nd() : VBOOL(r);
    }
    DROP(a, oa);
    DROP(b, ob);
    return res;
}
static Val np_isclose(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return close_like("isclose", 0, argc, argv, kw); }
static Val np_allclose(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return close_like("allclose", 1, argc, argv, kw); }
static Val np_array_equal(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return close_like("array_equal", 2, argc, argv, kw); }

/* ---------- types ---------- */
static Val np_result_type(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)kw;
    nd_array *arrs[32] = {0};
    bool own[32] = {0};
    if (argc > 32 || argc < 1) return raise_exc(ValueErrorT, "at least one array or dtype is required");
    for (int i = 0; i < argc; i++) {
        const nd_dtype *dt = NULL;
        if (argv[i].t == T_DTYPE || argv[i].t == T_TYPE || argv[i].t == T_STR) {
            if (get_dtype(argv[i], &dt) < 0) { for (int j = 0; j < i; j++) DROP(arrs[j], own[j]); return VERR; }
            arrs[i] = nd_empty(1, (int64_t[]){0}, dt, 'C');
            nd_dtype_release(dt);
            own[i] = true;
        } else {
            arrs[i] = to_nd(argv[i], &own[i]);
        }
        if (!arrs[i]) { for (int j = 0; j < i; j++) DROP(arrs[j], own[j]); return VERR; }
    }
    const nd_dtype *r = nd_result_type(argc, (const nd_array *const *)arrs);
    for (int i = 0; i < argc; i++) DROP(arrs[i], own[i]);
    if (!r) return raise_nd();
    Val v = mk_dtype(r);
    nd_dtype_release(r);
    return v;
}
static Val np_promote_types(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("promote_types", "type1,type2");
    const nd_dtype *a, *b;
    if (get_dtype(p[0], &a) < 0) return VERR;
    if (get_dtype(p[1], &b) < 0) { nd_dtype_release(a); return VERR; }
    const nd_dtype *r = nd_promote_types(a ? a : nd_dtype_of(ND_FLOAT64), b ? b : nd_dtype_of(ND_FLOAT64));
    nd_dtype_release(a);
    nd_dtype_release(b);
    Val v = mk_dtype(r);
    nd_dtype_release(r);
    return v;
}
static Val np_can_cast(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("can_cast", "from_,to|casting");
    const nd_dtype *a, *b;
    nd_casting c = ND_CAST_SAFE;
    if (HAS(p[2]) && (p[2].t != T_STR || nd_casting_parse(STR(p[2])->s, &c) < 0)) return raise_nd();
    if (p[0].t == T_ARRAY) a = nd_dtype_retain(nd_array_dtype(ARR(p[0])));
    else if (get_dtype(p[0], &a) < 0) return VERR;
    if (get_dtype(p[1], &b) < 0) { nd_dtype_release(a); return VERR; }
    bool r = nd_can_cast(a ? a : nd_dtype_of(ND_FLOAT64), b ? b : nd_dtype_of(ND_FLOAT64), c);
    nd_dtype_release(a);
    nd_dtype_release(b);
    return VBOOL(r);
}

static Val np_ndim(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ndim", "a");
    GET_ND(a, oa, p[0]);
    int n = nd_ndim(a);
    DROP(a, oa);
    return VINT(n);
}
static Val np_shape(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("shape", "a");
    GET_ND(a, oa, p[0]);
    Val t = mk_tuple(nd_ndim(a));
    for (int i = 0; i < nd_ndim(a); i++) LIST(t)->v[i] = VINT(nd_shape(a)[i]);
    DROP(a, oa);
    return t;
}
static Val np_size(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("size", "a|axis");
    GET_ND(a, oa, p[0]);
    int64_t n = nd_size(a);
    DROP(a, oa);
    return VINT(n);
}
static Val np_isscalar(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("isscalar", "element");
    int t = p[0].t;
    return VBOOL(t == T_INT || t == T_FLOAT || t == T_BOOL || t == T_COMPLEX || t == T_SCALAR || t == T_STR || t == T_BYTES);
}

static Val np_set_printoptions(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("set_printoptions", "|precision,threshold,edgeitems,linewidth,suppress,nanstr,infstr,formatter,sign,floatmode,legacy");
    nd_printoptions o;
    nd_get_printoptions(&o);
    int64_t x;
    if (HAS(p[0]) && p[0].t != T_NONE) { if (to_int64(p[0], &x, NULL) < 0) return VERR; o.precision = (int)x; }
    if (HAS(p[1]) && p[1].t != T_NONE) { if (to_int64(p[1], &x, NULL) < 0) return VERR; o.threshold = x; }
    if (HAS(p[2]) && p[2].t != T_NONE) { if (to_int64(p[2], &x, NULL) < 0) return VERR; o.edgeitems = (int)x; }
    if (HAS(p[3]) && p[3].t != T_NONE) { if (to_int64(p[3], &x, NULL) < 0) return VERR; o.linewidth = (int)x; }
    if (HAS(p[4]) && p[4].t != T_NONE) o.suppress = val_truth(p[4]);
    if (HAS(p[8]) && p[8].t == T_STR) o.sign = STR(p[8])->s[0];
    for (int i = 5; i < 11; i++)
        if (i != 8 && HAS(p[i]) && p[i].t != T_NONE)
            return raise_exc(NotImplementedErrorT, "this print option is not supported by nd");
    return nd_set_printoptions(&o) < 0 ? raise_nd() : VNONE;
}
static Val np_get_printoptions(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)argc; (void)argv; (void)kw;
    nd_printoptions o;
    nd_get_printoptions(&o);
    Val d = mk_dict();
    const char *k[] = {"edgeitems", "threshold", "floatmode", "precision", "suppress", "linewidth", "nanstr", "infstr", "sign"};
    Val v[] = {VINT(o.edgeitems), VINT(o.threshold), mk_cstr("maxprec"), VINT(o.precision), VBOOL(o.suppress),
               VINT(o.linewidth), mk_cstr("nan"), mk_cstr("inf"), mk_str(&o.sign, 1)};
    for (int i = 0; i < 9; i++) {
        Val key = mk_cstr(k[i]);
        dict_set(d, key, v[i]);
        decref(key);
        decref(v[i]);
    }
    return d;
}

static Val np_ndarray_new(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("ndarray", "shape|dtype,buffer,offset,strides,order");
    if (HAS(p[2]) && p[2].t != T_NONE) return raise_exc(NotImplementedErrorT, "ndarray(buffer=...) is not supported by nd");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (parse_shape(p[0], &nd, shape) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    nd_array *r = nd_zeros(nd, shape, dt ? dt : nd_dtype_of(ND_FLOAT64), order_of(p[5], 'C'));
    nd_dtype_release(dt);
    return mk_array(r);
}

/* ---------- stride tricks ---------- */
static Val st_as_strided(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("as_strided", "x|shape,strides,subok,writeable");
    if (p[0].t != T_ARRAY) return raise_exc(TypeErrorT, "as_strided() needs an array");
    nd_array *a = ARR(p[0]);
    int nd = nd_ndim(a), ns;
    int64_t shape[ND_MAXDIMS], st[ND_MAXDIMS];
    memcpy(shape, nd_shape(a), sizeof(int64_t) * (size_t)nd);
    memcpy(st, nd_strides(a), sizeof(int64_t) * (size_t)nd);
    if (HAS(p[1]) && p[1].t != T_NONE && parse_shape(p[1], &nd, shape) < 0) return VERR;
    if (HAS(p[2]) && p[2].t != T_NONE) {
        if (parse_shape(p[2], &ns, st) < 0) return VERR;
        if (ns != nd) return raise_exc(ValueErrorT, "mismatch in length of strides and shape");
    }
    nd_array *r = nd_as_strided(a, nd, shape, st);
    if (r && !opt_truth(p[4], 1)) nd_set_writeable(r, false);
    return mk_array(r);
}
static Val st_sliding(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("sliding_window_view", "x,window_shape|axis,subok,writeable");
    int nw, na = 0, axes[ND_MAXDIMS];
    int64_t w[ND_MAXDIMS];
    if (parse_shape(p[1], &nw, w) < 0) return VERR;
    if (HAS(p[2]) && p[2].t != T_NONE && int_list(p[2], &na, axes) < 0) return VERR;
    if (na && na != nw) return raise_exc(ValueErrorT, "Must provide matching length window_shape and axis; got %d window_shape elements and %d axes elements.", nw, na);
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_sliding_window_view(a, nw, w, na ? axes : NULL, opt_truth(p[4], 0));
    DROP(a, oa);
    return mk_array(r);
}

/* ---------- numpy.random ---------- */
static Val rnd_result(nd_array *r, bool pyscalar) {
    if (!r) return raise_nd();
    if (nd_ndim(r) == 0 && pyscalar) {
        nd_value v;
        nd_item(r, INT64_MIN, &v);
        nd_release(r);
        return value_to_py(v);
    }
    return array_wrap0(r);
}
static int size_arg(Val v, int *nd, int64_t *shape) {
    *nd = 0;
    if (!HAS(v) || v.t == T_NONE) return 0;
    return parse_shape(v, nd, shape);
}
static Val rnd_seed(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("seed", "|seed");
    if (!HAS(p[0]) || p[0].t == T_NONE) return raise_exc(NotImplementedErrorT, "seed() without a value is not supported by nd");
    if (p[0].t == T_LIST || p[0].t == T_TUPLE || p[0].t == T_ARRAY) {
        Val l = to_list(p[0]);
        if (ISERR(l)) return l;
        int64_t n = LIST(l)->n;
        uint32_t *k = malloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
        if (!k) abort();
        for (int64_t i = 0; i < n; i++) {
            int64_t x;
            if (to_int64(LIST(l)->v[i], &x, NULL) < 0) { free(k); decref(l); return VERR; }
            k[i] = (uint32_t)x;
        }
        int r = nd_random_seed_array(NULL, n, k);
        free(k);
        decref(l);
        return r < 0 ? raise_nd() : VNONE;
    }
    int64_t s;
    if (to_int64(p[0], &s, NULL) < 0) return VERR;
    if (s < 0 || s > 0xFFFFFFFFll) return raise_exc(ValueErrorT, "Seed must be between 0 and 2**32 - 1");
    nd_random_seed(NULL, (uint32_t)s);
    return VNONE;
}
static Val rnd_shape_fn(int argc, Val *argv, Kw *kw, int which) {
    if (kw && kw->n) return raise_exc(TypeErrorT, "this function takes no keyword arguments");
    int nd = argc;
    int64_t shape[ND_MAXDIMS];
    if (argc > ND_MAXDIMS) return raise_exc(ValueErrorT, "too many dimensions");
    for (int i = 0; i < argc; i++) if (to_int64(argv[i], &shape[i], NULL) < 0) return VERR;
    return rnd_result(which ? nd_random_randn(NULL, nd, shape) : nd_random_rand(NULL, nd, shape), true);
}
static Val rnd_rand(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_shape_fn(argc, argv, kw, 0); }
static Val rnd_randn(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_shape_fn(argc, argv, kw, 1); }
static Val rnd_random(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("random_sample", "|size");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[0], &nd, shape) < 0) return VERR;
    return rnd_result(nd_random_random_sample(NULL, nd, shape), true);
}
static Val rnd_uniform_normal(int argc, Val *argv, Kw *kw, bool normal) {
    ARGS(normal ? "normal" : "uniform", normal ? "|loc,scale,size" : "|low,high,size");
    double a = 0, b = 1;
    if ((HAS(p[0]) && to_double(p[0], &a) < 0) || (HAS(p[1]) && to_double(p[1], &b) < 0)) return VERR;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[2], &nd, shape) < 0) return VERR;
    return rnd_result(normal ? nd_random_normal(NULL, a, b, nd, shape) : nd_random_uniform(NULL, a, b, nd, shape), true);
}
static Val rnd_uniform(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_uniform_normal(argc, argv, kw, false); }
static Val rnd_normal(Val self, int argc, Val *argv, Kw *kw) { UNUSED; return rnd_uniform_normal(argc, argv, kw, true); }
static Val rnd_randint(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("randint", "low|high,size,dtype");
    int64_t lo, hi;
    if (to_int64(p[0], &lo, NULL) < 0) return VERR;
    if (!HAS(p[1]) || p[1].t == T_NONE) { hi = lo; lo = 0; }
    else if (to_int64(p[1], &hi, NULL) < 0) return VERR;
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[2], &nd, shape) < 0) return VERR;
    const nd_dtype *dt;
    if (opt_dtype(p[3], &dt) < 0) return VERR;
    nd_array *r = nd_random_randint(NULL, lo, hi, nd, shape, dt);
    nd_dtype_release(dt);
    return rnd_result(r, !HAS(p[3]));
}
static Val rnd_choice(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("choice", "a|size,replace,p");
    int nd;
    int64_t shape[ND_MAXDIMS];
    if (size_arg(p[1], &nd, shape) < 0) return VERR;
    int64_t n = 0;
    nd_array *a = NULL, *pr = NULL;
    bool oa = false, op = false;
    if (p[0].t == T_INT) n = p[0].i;
    else if (!(a = to_nd(p[0], &oa))) return VERR;
    if (HAS(p[3]) && p[3].t != T_NONE && !(pr = to_nd(p[3], &op))) { if (a) DROP(a, oa); return VERR; }
    nd_array *r = nd_random_choice(NULL, a, n, nd, shape, opt_truth(p[2], 1), pr);
    if (a) DROP(a, oa);
    if (pr) DROP(pr, op);
    return rnd_result(r, false);
}
static Val rnd_permutation(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("permutation", "x");
    if (p[0].t == T_INT) return mk_array(nd_random_permutation(NULL, NULL, p[0].i));
    GET_ND(a, oa, p[0]);
    nd_array *r = nd_random_permutation(NULL, a, 0);
    DROP(a, oa);
    return mk_array(r);
}
static Val rnd_shuffle(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("shuffle", "x");
    if (p[0].t != T_ARRAY) return raise_exc(NotImplementedErrorT, "shuffle of a list is not supported by nd");
    return nd_random_shuffle(NULL, ARR(p[0])) < 0 ? raise_nd() : VNONE;
}

/* ---------- time and math ---------- */
static Val tm_time(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)argc; (void)argv; (void)kw;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return VFLOAT((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}
static Val tm_perf(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)argc; (void)argv; (void)kw;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return VFLOAT((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}
static Val tm_sleep(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED; (void)kw;
    double d;
    if (argc != 1 || to_double(argv[0], &d) < 0) return raise_exc(TypeErrorT, "sleep() takes one number");
    struct timespec ts = {(time_t)d, (long)((d - floor(d)) * 1e9)};
    nanosleep(&ts, NULL);
    return VNONE;
}
static Val math_fn(Val self, int argc, Val *argv, Kw *kw) {
    (void)kw;
    const char *name = STR(self)->s;
    double x, y = 0;
    if (argc < 1 || to_double(argv[0], &x) < 0) return argc < 1 ? raise_exc(TypeErrorT, "%s() takes an argument", name) : VERR;
    if (argc > 1 && to_double(argv[1], &y) < 0) return VERR;
    if (!strcmp(name, "sqrt")) { if (x < 0) return raise_exc(ValueErrorT, "math domain error"); return VFLOAT(sqrt(x)); }
    if (!strcmp(name, "floor") || !strcmp(name, "ceil") || !strcmp(name, "trunc")) {
        if (argv[0].t == T_INT) return VINT(argv[0].i);
        double r = name[0] == 'f' ? floor(x) : name[0] == 'c' ? ceil(x) : trunc(x);
        if (!isfinite(r)) return raise_exc(isnan(r) ? ValueErrorT : OverflowErrorT, "cannot convert float %s to integer", isnan(r) ? "NaN" : "infinity");
        return VINT((int64_t)r);
    }
    if (!strcmp(name, "isnan")) return VBOOL(isnan(x));
    if (!strcmp(name, "isinf")) return VBOOL(isinf(x));
    if (!strcmp(name, "isfinite")) return VBOOL(isfinite(x));
    if (!strcmp(name, "fabs")) return VFLOAT(fabs(x));
    if (!strcmp(name, "exp")) return VFLOAT(exp(x));
    if (!strcmp(name, "log")) {
        if (x <= 0) return raise_exc(ValueErrorT, "math domain error");
        return VFLOAT(argc > 1 ? log(x) / log(y) : log(x));
    }
    if (!strcmp(name, "log10")) { if (x <= 0) return raise_exc(ValueErrorT, "math domain error"); return VFLOAT(log10(x)); }
    if (!strcmp(name, "log2")) { if (x <= 0) return raise_exc(ValueErrorT, "math domain error"); return VFLOAT(log2(x)); }
    if (!strcmp(name, "sin")) return VFLOAT(sin(x));
    if (!strcmp(name, "cos")) return VFLOAT(cos(x));
    if (!strcmp(name, "tan")) return VFLOAT(tan(x));
    if (!strcmp(name, "atan2")) return VFLOAT(atan2(x, y));
    if (!strcmp(name, "hypot")) return VFLOAT(hypot(x, y));
    if (!strcmp(name, "pow")) return VFLOAT(pow(x, y));
    if (!strcmp(name, "isclose")) return VBOOL(x == y || fabs(x - y) <= fmax(1e-09 * fmax(fabs(x), fabs(y)), 0.0));
    return raise_exc(AttributeErrorT, "module 'math' has no attribute '%s'", name);
}

/* ---------- the module tables ---------- */
typedef struct Fn { const char *name; BFn fn; } Fn;
static const Fn np_fns[] = {
    {"array", np_array}, {"asarray", np_asarray}, {"asanyarray", np_asarray}, {"zeros", np_zeros}, {"ones", np_ones},
    {"empty", np_empty}, {"full", np_full}, {"zeros_like", np_zeros_like}, {"ones_like", np_ones_like},
    {"empty_like", np_empty_like}, {"full_like", np_full_like}, {"arange", np_arange}, {"linspace", np_linspace},
    {"eye", np_eye}, {"identity", np_identity}, {"copy", np_copy}, {"reshape", np_reshape}, {"ravel", np_ravel},
    {"transpose", np_transpose}, {"swapaxes", np_swapaxes}, {"moveaxis", np_moveaxis}, {"squeeze", np_squeeze},
    {"expand_dims", np_expand_dims}, {"broadcast_to", np_broadcast_to}, {"copyto", np_copyto},
    {"shares_memory", np_shares_memory}, {"may_share_memory", np_may_share_memory}, {"frombuffer", np_frombuffer},
    {"fromfile", np_fromfile}, {"memmap", np_memmap}, {"save", np_save}, {"load", np_load}, {"savez", np_savez},
    {"savez_compressed", np_savez_c}, {"matmul", np_matmul_f}, {"dot", np_dot}, {"round", np_round},
    {"around", np_round}, {"round_", np_round}, {"conjugate", np_conjugate}, {"conj", np_conjugate},
    {"sum", np_sum}, {"prod", np_prod}, {"min", np_min}, {"max", np_max}, {"amin", np_amin}, {"amax", np_amax},
    {"mean", np_mean}, {"var", np_var}, {"std", np_std}, {"any", np_any}, {"all", np_all}, {"argmin", np_argmin},
    {"argmax", np_argmax}, {"cumsum", np_cumsum}, {"cumprod", np_cumprod}, {"count_nonzero", np_count_nonzero},
    {"nonzero", np_nonzero}, {"where", np_where}, {"take", np_take}, {"compress", np_compress},
    {"concatenate", np_concatenate}, {"stack", np_stack}, {"vstack", np_vstack}, {"hstack", np_hstack},
    {"repeat", np_repeat}, {"tile", np_tile}, {"roll", np_roll}, {"flip", np_flip}, {"fliplr", np_fliplr},
    {"flipud", np_flipud}, {"sort", np_sort}, {"argsort", np_argsort}, {"unique", np_unique}, {"clip", np_clip},
    {"isclose", np_isclose}, {"allclose", np_allclose}, {"array_equal", np_array_equal},
    {"result_type", np_result_type}, {"promote_types", np_promote_types}, {"can_cast", np_can_cast},
    {"ndim", np_ndim}, {"shape", np_shape}, {"size", np_size}, {"isscalar", np_isscalar},
    {"set_printoptions", np_set_printoptions}, {"get_printoptions", np_get_printoptions}, {NULL, NULL}};

static Val np_mod, random_mod, st_mod, lib_mod, time_mod, math_mod;

static Val new_module(const char *name) {
    OModule *m = obj_new(T_MODULE, sizeof *m);
    m->name = name;
    Val d = mk_dict();
    m->attrs = DICT(d);
    m->h.rc = -1; /* modules live for the whole run */
    return VOBJ(m);
}
static void put(Val mod, const char *name, Val v) {
    Val k = mk_cstr(name);
    dict_set(VOBJ(((OModule *)mod.o)->attrs), k, v);
    decref(k);
    decref(v);
}
static void put_fn(Val mod, const char *name, BFn fn) { put(mod, name, mk_builtin(name, fn, VNONE)); }

static void build(void) {
    np_mod = new_module("numpy");
    for (int i = 0; np_fns[i].name; i++) put_fn(np_mod, np_fns[i].name, np_fns[i].fn);
    put(np_mod, "ascontiguousarray", mk_builtin("ascontiguousarray", np_ascontig, VINT(0)));
    put(np_mod, "asfortranarray", mk_builtin("asfortranarray", np_ascontig, VINT(1)));
    for (int op = 0; op < ND_NUFUNCS; op++)
        put(np_mod, nd_ufunc_name((nd_ufunc)op), mk_builtin(nd_ufunc_name((nd_ufunc)op), ufunc_call, VINT(op)));
    static const char *alias[][2] = {{"abs", "absolute"}, {"divide", "true_divide"}, {"mod", "remainder"},
                                     {"bitwise_not", "invert"}};
    /* no fmin/fmax: they skip NaN where minimum/maximum propagate it */
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        put(np_mod, alias[i][0], mk_builtin(alias[i][1], ufunc_call, VINT(nd_ufunc_lookup(alias[i][1]))));
    for (int i = 0; i < type_count(); i++) {
        OType *t = type_by_index(i);
        if (t->kind == TK_NPSCALAR || t->kind == TK_NPABSTRACT) put(np_mod, t->name, VOBJ(t));
    }
    static const char *talias[][2] = {{"float_", "float64"}, {"double", "float64"}, {"single", "float32"},
                                      {"half", "float16"}, {"int_", "int64"}, {"intp", "int64"}, {"uintp", "uint64"},
                                      {"intc", "int32"}, {"uintc", "uint32"}, {"uint", "uint64"}, {"byte", "int8"},
                                      {"ubyte", "uint8"}, {"short", "int16"}, {"ushort", "uint16"},
                                      {"longlong", "int64"}, {"ulonglong", "uint64"}, {"complex_", "complex128"},
                                      {"cdouble", "complex128"}, {"csingle", "complex64"}, {"cfloat", "complex128"}};
    for (size_t i = 0; i < sizeof talias / sizeof talias[0]; i++) {
        Val k = mk_cstr(talias[i][1]);
        bool f;
        Val v = dict_get(VOBJ(((OModule *)np_mod.o)->attrs), k, &f);
        decref(k);
        put(np_mod, talias[i][0], incref(v));
    }
    put(np_mod, "ndarray", VOBJ(NdarrayT));
    put(np_mod, "memmap", mk_builtin("memmap", np_memmap, VNONE));
    put(np_mod, "dtype", VOBJ(DtypeT));
    put(np_mod, "AxisError", VOBJ(exc_class_by_name("AxisError")));
    put(np_mod, "TooHardError", VOBJ(exc_class_by_name("TooHardError")));
    put(np_mod, "newaxis", VNONE);
    put(np_mod, "nan", VFLOAT(NAN));
    put(np_mod, "NaN", VFLOAT(NAN));
    put(np_mod, "inf", VFLOAT(INFINITY));
    put(np_mod, "Inf", VFLOAT(INFINITY));
    put(np_mod, "pi", VFLOAT(M_PI));
    put(np_mod, "e", VFLOAT(M_E));
    put(np_mod, "MAY_SHARE_BOUNDS", VINT(ND_MAY_SHARE_BOUNDS));
    put(np_mod, "MAY_SHARE_EXACT", VINT(ND_MAY_SHARE_EXACT));
    put(np_mod, "__version__", mk_cstr("1.24.2"));
    put_fn(np_mod, "ndarray_new", np_ndarray_new);

    random_mod = new_module("numpy.random");
    static const Fn rfns[] = {{"seed", rnd_seed}, {"rand", rnd_rand}, {"randn", rnd_randn}, {"random", rnd_random},
                              {"random_sample", rnd_random}, {"ranf", rnd_random}, {"sample", rnd_random},
                              {"uniform", rnd_uniform}, {"normal", rnd_normal}, {"randint", rnd_randint},
                              {"choice", rnd_choice}, {"permutation", rnd_permutation}, {"shuffle", rnd_shuffle},
                              {NULL, NULL}};
    for (int i = 0; rfns[i].name; i++) put_fn(random_mod, rfns[i].name, rfns[i].fn);
    put(np_mod, "random", incref(random_mod));

    st_mod = new_module("numpy.lib.stride_tricks");
    put_fn(st_mod, "as_strided", st_as_strided);
    put_fn(st_mod, "sliding_window_view", st_sliding);
    lib_mod = new_module("numpy.lib");
    put(lib_mod, "stride_tricks", incref(st_mod));
    put(np_mod, "lib", incref(lib_mod));

    time_mod = new_module("time");
    put_fn(time_mod, "time", tm_time);
    put_fn(time_mod, "perf_counter", tm_perf);
    put_fn(time_mod, "monotonic", tm_perf);
    put_fn(time_mod, "sleep", tm_sleep);

    math_mod = new_module("math");
    static const char *mf[] = {"sqrt", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "fabs", "exp", "log",
                               "log10", "log2", "sin", "cos", "tan", "atan2", "hypot", "pow", "isclose", NULL};
    for (int i = 0; mf[i]; i++) {
        Val nm = mk_cstr(mf[i]);
        put(math_mod, mf[i], mk_builtin(mf[i], math_fn, nm));
        decref(nm);
    }
    put(math_mod, "pi", VFLOAT(M_PI));
    put(math_mod, "e", VFLOAT(M_E));
    put(math_mod, "inf", VFLOAT(INFINITY));
    put(math_mod, "nan", VFLOAT(NAN));
    put(math_mod, "tau", VFLOAT(2 * M_PI));
}

Val np_module(void) {
    if (np_mod.t != T_MODULE) build();
    return np_mod;
}

Val np_submodule(const char *d) {
    np_module();
    if (!strcmp(d, "numpy")) return np_mod;
    if (!strcmp(d, "numpy.random")) return random_mod;
    if (!strcmp(d, "numpy.lib")) return lib_mod;
    if (!strcmp(d, "numpy.lib.stride_tricks")) return st_mod;
    if (!strcmp(d, "time")) return time_mod;
    if (!strcmp(d, "math")) return math_mod;
    return VNONE;
}

Val np_time_module(void) { np_module(); return time_mod; }

Val np_call(const char *name, int argc, Val *argv, Kw *kw) {
    if (!strcmp(name, "ndarray")) name = "ndarray_new";
    Val f = get_attr(np_module(), name);
    if (ISERR(f)) return f;
    Val r = call_val(f, argc, argv, kw);
    decref(f);
    return r;
}
