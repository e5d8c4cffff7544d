/* Placeholder: replaced by the real implementation of this area. */
#include "nd_internal.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

int nd_may_share_memory(const nd_array *a, const nd_array *b) { return nd__err(ND_ENOTIMPL, "nd_may_share_memory is not implemented yet"); }
int nd_shares_memory(const nd_array *a, const nd_array *b, int64_t max_work) { return nd__err(ND_ENOTIMPL, "nd_shares_memory is not implemented yet"); }
int nd_internal_overlap(const nd_array *a, int64_t max_work) { return nd__err(ND_ENOTIMPL, "nd_internal_overlap is not implemented yet"); }
void nd__extent(const nd_array *a, uintptr_t *lo, uintptr_t *hi) { *lo = *hi = 0; }
