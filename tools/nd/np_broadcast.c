/* np_broadcast.c — np.broadcast(*arrays): the broadcast result's shape,
 * ndim/nd, size and numiter, and iteration over tuples of the operands'
 * elements in C order.  The object holds the operands' broadcast views. */
#include <stdlib.h>
#include <string.h>

#include "np_util.h"

static const char BROADCAST[] = "numpy.broadcast";

bool is_broadcast(Val v) { return v.t == T_MISC && ((OMisc *)v.o)->kind == BROADCAST; }

static Val bc_new(Val self, int argc, Val *argv, Kw *kw) {
    UNUSED;
    if (kw && kw->n) return raise_exc(TypeErrorT, "broadcast() takes no keyword arguments");
    if (argc > 32) return raise_exc(ValueErrorT, "Need at least 0 and at most 32 array objects.");
    nd_array *in[32];
    bool own[32];
    int nds[32];
    const int64_t *shapes[32];
    for (int i = 0; i < argc; i++) {
        in[i] = to_nd(argv[i], &own[i]);
        if (!in[i]) {
            for (int j = 0; j < i; j++)
                if (own[j]) nd_release(in[j]);
            return VERR;
        }
        nds[i] = nd_ndim(in[i]);
        shapes[i] = nd_shape(in[i]);
    }
    int nd = 0;
    int64_t shape[ND_MAXDIMS];
    Val r = VERR;
    if (argc && nd_broadcast_shapes(argc, nds, shapes, &nd, shape) < 0) {
        r = raise_nd();
        goto done;
    }
    Val views = mk_tuple(argc);
    for (int i = 0; i < argc; i++) {
        nd_array *v = nd_broadcast_to(in[i], nd, shape);
        if (!v) {
            decref(views);
            r = raise_nd();
            goto done;
        }
        LIST(views)->v[i] = mk_array(v);
    }
    r = mk_misc(BROADCAST, views, VNONE); /* retains views */
    decref(views);
done:
    for (int i = 0; i < argc; i++)
        if (own[i]) nd_release(in[i]);
    return r;
}

static nd_array *first(Val v) {
    Val t = ((OMisc *)v.o)->a;
    return LIST(t)->n ? ARR(LIST(t)->v[0]) : NULL;
}

Val broadcast_getattr(Val v, const char *name, bool *found) {
    *found = true;
    nd_array *a = first(v);
    int64_t n = LIST(((OMisc *)v.o)->a)->n;
    if (!strcmp(name, "shape")) {
        int nd = a ? nd_ndim(a) : 0;
        Val t = mk_tuple(nd);
        for (int i = 0; i < nd; i++) LIST(t)->v[i] = VINT(nd_shape(a)[i]);
        return t;
    }
    if (!strcmp(name, "ndim") || !strcmp(name, "nd")) return VINT(a ? nd_ndim(a) : 0);
    if (!strcmp(name, "size")) return VINT(a ? nd_size(a) : 1);
    if (!strcmp(name, "numiter")) return VINT(n);
    if (!strcmp(name, "index")) return VINT(0);
    *found = false;
    return VNONE;
}

/* for x, y in np.broadcast(a, b): tuples of the elements, in C order. */
Val broadcast_iter(Val v) {
    Val t = ((OMisc *)v.o)->a;
    int64_t n = LIST(t)->n, size = n ? nd_size(ARR(LIST(t)->v[0])) : 0;
    Val flat = mk_tuple(n);
    for (int64_t i = 0; i < n; i++) {
        nd_array *f = nd_flatten(ARR(LIST(t)->v[i]), 'C');
        if (!f) {
            decref(flat);
            return raise_nd();
        }
        LIST(flat)->v[i] = mk_array(f);
    }
    Val out = mk_list(size);
    for (int64_t k = 0; k < size; k++) {
        Val tup = mk_tuple(n);
        for (int64_t i = 0; i < n; i++) {
            Val e = array_getitem(LIST(flat)->v[i], VINT(k));
            if (ISERR(e)) {
                decref(tup);
                decref(out);
                decref(flat);
                return e;
            }
            LIST(tup)->v[i] = e;
        }
        LIST(out)->v[k] = tup;
    }
    decref(flat);
    Val it = get_iter(out);
    decref(out);
    return it;
}

void np_broadcast_install(Val mod, PutFn put) { put(mod, "broadcast", mk_builtin("broadcast", bc_new, VNONE)); }
