/* np_module.c — the numpy namespace over libnd: creation, views, copies,
 * memory sharing and files, and the module tables (numpy, numpy.random,
 * numpy.lib.stride_tricks, time, math) that the other np_*.c files fill. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

/* ---------- creation ---------- */
/* NumPy's order argument of array/asarray: 'K' when absent or None. */
static int array_order(Val v, char *order) {
    *order = 'K';
    if (!HAS(v) || v.t == T_NONE) return 0;
    const char *s = v.t == T_STR ? STR(v)->s : "";
    if (strlen(s) == 1 && strchr("CFAKcfak", s[0])) {
        *order = (char)(s[0] & ~0x20);
        return 0;
    }
    raise_exc(ValueErrorT, "order must be one of 'C', 'F', 'A', or 'K' (got '%s')", s);
    return -1;
}

static Val np_array(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("array", "object|dtype,copy,order,subok,ndmin,like");
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    char order;
    if (array_order(p[3], &order) < 0) {
        nd_dtype_release(dt);
        return VERR;
    }
    Val r = np_array_order(p[0], dt, opt_truth(p[2], 1), order);
    nd_dtype_release(dt);
    int64_t ndmin = 0;
    if (ISERR(r) || !HAS(p[5]) || r.t != T_ARRAY) return r;
    if (to_int64(p[5], &ndmin, NULL) < 0) { decref(r); return VERR; }
    int have = nd_ndim(ARR(r));
    if (ndmin > ND_MAXDIMS) { decref(r); return raise_exc(ValueErrorT, "ndmin bigger than allowable number of dimensions NPY_MAXDIMS (=%d)", ND_MAXDIMS); }
    if (ndmin <= have) return r;
    nd_array *v = nd_prepend_dims(ARR(r), (int)ndmin); /* a view of the new array */
    decref(r);
    return mk_array(v);
}
static Val np_asarray(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    ARGS("asarray", "a|dtype,order,like");
    const nd_dtype *dt;
    if (opt_dtype(p[1], &dt) < 0) return VERR;
    char order;
    if (array_order(p[2], &order) < 0) {
        nd_dtype_release(dt);
        return VERR;
    }
    Val r = np_array_order(p[0], dt, false, order);
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
    bool ow = false;
    nd_array *w = NULL; /* where=True: every element */
    if (HAS(p[3]) && !(p[3].t == T_BOOL && p[3].i) && !(w = to_nd(p[3], &ow))) {
        DROP(s, own);
        return VERR;
    }
    int r = nd_copyto_where(ARR(p[0]), s, c, w);
    if (w) DROP(w, ow);
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

/* ---------- the module tables ---------- */
typedef struct Fn { const char *name; BFn fn; } Fn;
static const Fn np_fns[] = {
    {"array", np_array}, {"asarray", np_asarray}, {"asanyarray", np_asarray}, {"zeros", np_zeros},
    {"ones", np_ones}, {"empty", np_empty}, {"full", np_full}, {"zeros_like", np_zeros_like},
    {"ones_like", np_ones_like}, {"empty_like", np_empty_like}, {"full_like", np_full_like}, {"arange", np_arange},
    {"linspace", np_linspace}, {"eye", np_eye}, {"identity", np_identity}, {"copy", np_copy},
    {"reshape", np_reshape}, {"ravel", np_ravel}, {"transpose", np_transpose}, {"swapaxes", np_swapaxes},
    {"moveaxis", np_moveaxis}, {"squeeze", np_squeeze}, {"expand_dims", np_expand_dims},
    {"broadcast_to", np_broadcast_to}, {"copyto", np_copyto}, {"shares_memory", np_shares_memory},
    {"may_share_memory", np_may_share_memory}, {"frombuffer", np_frombuffer}, {"fromfile", np_fromfile},
    {"memmap", np_memmap}, {"save", np_save}, {"load", np_load}, {"savez", np_savez},
    {"savez_compressed", np_savez_c}, {NULL, NULL}};

static Val np_mod, random_mod, st_mod, lib_mod, time_mod, math_mod, linalg_mod, emath_mod;

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
    np_funcs_install(np_mod, put);
    put(np_mod, "ascontiguousarray", mk_builtin("ascontiguousarray", np_ascontig, VINT(0)));
    put(np_mod, "asfortranarray", mk_builtin("asfortranarray", np_ascontig, VINT(1)));
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
    np_math_install(np_mod, put);
    np_lib_install(np_mod, put);
    np_stats_install(np_mod, put);
    np_search_install(np_mod, put);
    np_misc_install(np_mod, put);
    np_info_install(np_mod, put);
    np_shape_install(np_mod, put);
    np_partition_install(np_mod, put);
    np_index_tricks_install(np_mod, put);
    np_textio_install(np_mod, put);
    np_broadcast_install(np_mod, put);
    put(np_mod, "ndarray", VOBJ(NdarrayT));
    put(np_mod, "memmap", mk_builtin("memmap", np_memmap, VNONE));
    put(np_mod, "dtype", VOBJ(DtypeT));
    put(np_mod, "ufunc", VOBJ(UfuncT));
    put(np_mod, "AxisError", VOBJ(exc_class_by_name("AxisError")));
    put(np_mod, "TooHardError", VOBJ(exc_class_by_name("TooHardError")));
    put(np_mod, "newaxis", VNONE);
    put(np_mod, "True_", mk_scalar(ND_BOOLV(true)));
    put(np_mod, "False_", mk_scalar(ND_BOOLV(false)));
    put(np_mod, "nan", VFLOAT(NAN));
    put(np_mod, "NaN", VFLOAT(NAN));
    put(np_mod, "inf", VFLOAT(INFINITY));
    put(np_mod, "Inf", VFLOAT(INFINITY));
    put(np_mod, "pi", VFLOAT(M_PI));
    put(np_mod, "e", VFLOAT(M_E));
    put(np_mod, "MAY_SHARE_BOUNDS", VINT(ND_MAY_SHARE_BOUNDS));
    put(np_mod, "MAY_SHARE_EXACT", VINT(ND_MAY_SHARE_EXACT));
    put(np_mod, "__version__", mk_cstr("1.24.2"));

    random_mod = new_module("numpy.random");
    np_random_install(random_mod, put);
    put(np_mod, "random", incref(random_mod));

    st_mod = new_module("numpy.lib.stride_tricks");
    np_stride_tricks_install(st_mod, put);
    lib_mod = new_module("numpy.lib");
    put(lib_mod, "stride_tricks", incref(st_mod));
    put(np_mod, "lib", incref(lib_mod));

    linalg_mod = new_module("numpy.linalg"); /* filled by the prelude (linalg__* names) */
    put(np_mod, "linalg", incref(linalg_mod));
    put(linalg_mod, "LinAlgError", VOBJ(exc_class_by_name("LinAlgError")));
    np_lapack_install(linalg_mod, put);
    emath_mod = new_module("numpy.emath"); /* filled by the prelude (emath__* names) */
    put(np_mod, "emath", incref(emath_mod));
    put(lib_mod, "scimath", incref(emath_mod));

    time_mod = new_module("time");
    np_time_install(time_mod, put);
    math_mod = new_module("math");
    np_math_module_install(math_mod, put);
}

Val np_module(void) {
    if (np_mod.t != T_MODULE) build();
    return np_mod;
}

Val np_submodule(const char *d) {
    np_module();
    if (!strcmp(d, "numpy")) return np_mod;
    if (!strcmp(d, "numpy.random")) return random_mod;
    if (!strcmp(d, "numpy.linalg")) return linalg_mod;
    if (!strcmp(d, "numpy.emath") || !strcmp(d, "numpy.lib.scimath")) return emath_mod;
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
