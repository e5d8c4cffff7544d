/* np_index_tricks.c — np.mgrid, np.ogrid, np.r_, np.c_, np.s_ and
 * np.index_exp: objects whose only use is to be indexed.  Indexing one
 * hands the key to the prelude's _index_trick (prelude/05_index_tricks.py),
 * where the logic of NumPy's index_tricks.py is written in Python. */
#include <string.h>

#include "py.h"

#define KIND_PREFIX "numpy.lib.index_tricks."

bool is_index_trick(Val v) {
    return v.t == T_MISC && !strncmp(((OMisc *)v.o)->kind, KIND_PREFIX, sizeof KIND_PREFIX - 1);
}

Val index_trick_getitem(Val obj, Val key) {
    Val argv[2] = {((OMisc *)obj.o)->a, key};
    return np_prelude_call("_index_trick", 2, argv);
}

void np_index_tricks_install(Val mod, PutFn put) {
    static const char *const objs[][2] = {{"mgrid", KIND_PREFIX "MGridClass"}, {"ogrid", KIND_PREFIX "OGridClass"},
                                          {"r_", KIND_PREFIX "RClass"},        {"c_", KIND_PREFIX "CClass"},
                                          {"s_", KIND_PREFIX "IndexExpression"}, {"index_exp", KIND_PREFIX "IndexExpression"}};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        Val name = mk_cstr(objs[i][0]);
        put(mod, objs[i][0], mk_misc(objs[i][1], name, VNONE));
        decref(name);
    }
}
