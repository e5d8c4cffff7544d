/* Placeholder: replaced by the real implementation of this area. */
#include "nd_internal.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

char *nd_str(const nd_array *a) { nd__err(ND_ENOTIMPL, "nd_str is not implemented yet"); return NULL; }
char *nd_repr(const nd_array *a) { nd__err(ND_ENOTIMPL, "nd_repr is not implemented yet"); return NULL; }
char *nd_value_str(nd_value v, nd_type t) { nd__err(ND_ENOTIMPL, "nd_value_str is not implemented yet"); return NULL; }
int nd_set_printoptions(const nd_printoptions *o) { return nd__err(ND_ENOTIMPL, "nd_set_printoptions is not implemented yet"); }
void nd_get_printoptions(nd_printoptions *out) { nd__err(ND_ENOTIMPL, NULL); }
