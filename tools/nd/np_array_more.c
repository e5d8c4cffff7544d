/* np_array_more.c — ndarray methods past the core set: itemset, tostring,
 * resize, and put / choose, which call numpy's functions as NumPy's
 * methods do. */
#include <string.h>

#include "np_util.h"

/* a.itemset(*index, value): one int is a flat index (as is a 1-tuple),
 * several ints (or a tuple of them) index each axis. */
static Val itemset(Val self, int argc, Val *argv) {
    nd_array *a = ARR(self);
    if (argc == 0) return raise_exc(ValueErrorT, "itemset must have at least one argument");
    Val v = argv[argc - 1], idx;
    if (argc == 1) {
        if (nd_size(a) != 1) return raise_exc(ValueErrorT, "can only convert an array of size 1 to a Python scalar");
        idx = VINT(0);
    } else if (argc == 2) {
        idx = argv[0];
        if (idx.t == T_TUPLE && LIST(idx)->n == 1) idx = LIST(idx)->v[0];
    } else {
        idx = mk_tuple(argc - 1);
        for (int i = 0; i < argc - 1; i++) LIST(idx)->v[i] = incref(argv[i]);
    }
    int rc;
    if (idx.t == T_TUPLE) {
        rc = store_subscript(self, idx, v);
    } else { /* a flat position */
        int64_t k, n = nd_size(a);
        if (to_int64(idx, &k, NULL) < 0) return VERR;
        if (k < -n || k >= n) return raise_exc(IndexErrorT, "index %lld is out of bounds for size %lld", (long long)k, (long long)n);
        if (k < 0) k += n;
        int nd = nd_ndim(a);
        Val t = mk_tuple(nd);
        for (int i = nd - 1; i >= 0; i--) { /* unravel, C order */
            int64_t d = nd_shape(a)[i];
            LIST(t)->v[i] = VINT(k % d);
            k /= d;
        }
        rc = store_subscript(self, t, v);
        decref(t);
    }
    if (argc > 2) decref(idx);
    return rc < 0 ? VERR : VNONE;
}

/* a.resize(new_shape, refcheck=True).  NumPy's refcheck counts Python
 * references (more than the name and the call's own is too many); nd
 * counts them the same way on the array object, and libnd refuses views
 * and shared buffers whatever refcheck says. */
static Val resize(Val self, int argc, Val *argv, Kw *kw) {
    nd_array *a = ARR(self);
    bool refcheck = true;
    for (int k = 0; kw && k < kw->n; k++) {
        if (strcmp(kw->names[k], "refcheck"))
            return raise_exc(TypeErrorT, "'%s' is an invalid keyword argument for this function", kw->names[k]);
        refcheck = val_truth(kw->vals[k]);
    }
    if (argc == 0) return VNONE;
    int nd = 0;
    int64_t shape[ND_MAXDIMS];
    if (argc == 1) {
        if (parse_shape(argv[0], &nd, shape) < 0) return VERR;
    } else {
        if (argc > ND_MAXDIMS) return raise_exc(ValueErrorT, "too many dimensions");
        for (int i = 0; i < argc; i++)
            if (to_int64(argv[i], &shape[nd++], NULL) < 0) return VERR;
    }
    int64_t size = 1;
    for (int i = 0; i < nd; i++) size *= shape[i] > 0 ? shape[i] : 0;
    int f = nd_flags(a);
    if (refcheck && size != nd_size(a) && self.o->rc > 2 && (f & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS)) &&
        (f & ND_OWNDATA))
        return raise_exc(ValueErrorT, "cannot resize an array that references or is referenced\nby another array "
                                      "in this way.\nUse the np.resize function or refcheck=False");
    return nd_resize(a, nd, shape) < 0 ? raise_nd() : VNONE;
}

Val array_more_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    *found = true;
    if (!strcmp(name, "itemset")) {
        if (kw && kw->n) return raise_exc(TypeErrorT, "itemset() takes no keyword arguments");
        return itemset(self, argc, argv);
    }
    if (!strcmp(name, "tostring")) return call_method(self, "tobytes", argc, argv, kw); /* deprecated alias */
    if (!strcmp(name, "resize")) return resize(self, argc, argv, kw);
    if (!strcmp(name, "put")) {
        Val r = via_np("put", self, argc, argv, kw);
        if (ISERR(r)) return r;
        decref(r);
        return VNONE;
    }
    if (!strcmp(name, "choose")) return via_np("choose", self, argc, argv, kw);
    if (!strcmp(name, "partition") || !strcmp(name, "argpartition"))
        return array_partition_method(self, name, argc, argv, kw);
    *found = false;
    return VNONE;
}
