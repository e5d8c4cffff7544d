/* Placeholder: replaced by the real implementation of this area. */
#include "nd_internal.h"

#pragma GCC diagnostic ignored "-Wunused-parameter"

nd_array *nd_subscript(nd_array *a, int n, const nd_idx *idx) { nd__err(ND_ENOTIMPL, "nd_subscript is not implemented yet"); return NULL; }
nd_array *nd_index(nd_array *a, const char *expr) { nd__err(ND_ENOTIMPL, "nd_index is not implemented yet"); return NULL; }
int nd_index_parse(const char *expr, nd_idx *out, int cap) { return nd__err(ND_ENOTIMPL, "nd_index_parse is not implemented yet"); }
nd_array *nd_view(nd_array *a) { nd__err(ND_ENOTIMPL, "nd_view is not implemented yet"); return NULL; }
nd_array *nd_view_dtype(nd_array *a, const nd_dtype *dt) { nd__err(ND_ENOTIMPL, "nd_view_dtype is not implemented yet"); return NULL; }
nd_array *nd_transpose(nd_array *a, const int *axes) { nd__err(ND_ENOTIMPL, "nd_transpose is not implemented yet"); return NULL; }
nd_array *nd_swapaxes(nd_array *a, int axis1, int axis2) { nd__err(ND_ENOTIMPL, "nd_swapaxes is not implemented yet"); return NULL; }
nd_array *nd_moveaxis(nd_array *a, int n, const int *source, const int *destination) { nd__err(ND_ENOTIMPL, "nd_moveaxis is not implemented yet"); return NULL; }
nd_array *nd_squeeze(nd_array *a, int n, const int *axes) { nd__err(ND_ENOTIMPL, "nd_squeeze is not implemented yet"); return NULL; }
nd_array *nd_expand_dims(nd_array *a, int n, const int *axes) { nd__err(ND_ENOTIMPL, "nd_expand_dims is not implemented yet"); return NULL; }
nd_array *nd_reshape(nd_array *a, int ndim, const int64_t *shape, char order, nd_copymode mode) { nd__err(ND_ENOTIMPL, "nd_reshape is not implemented yet"); return NULL; }
nd_array *nd_ravel(nd_array *a, char order, nd_copymode mode) { nd__err(ND_ENOTIMPL, "nd_ravel is not implemented yet"); return NULL; }
nd_array *nd_flatten(const nd_array *a, char order) { nd__err(ND_ENOTIMPL, "nd_flatten is not implemented yet"); return NULL; }
nd_array *nd_as_strided(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) { nd__err(ND_ENOTIMPL, "nd_as_strided is not implemented yet"); return NULL; }
nd_array *nd_as_strided_checked(nd_array *a, int ndim, const int64_t *shape, const int64_t *strides) { nd__err(ND_ENOTIMPL, "nd_as_strided_checked is not implemented yet"); return NULL; }
nd_array *nd_broadcast_to(nd_array *a, int ndim, const int64_t *shape) { nd__err(ND_ENOTIMPL, "nd_broadcast_to is not implemented yet"); return NULL; }
nd_array *nd_sliding_window_view(nd_array *a, int n, const int64_t *window_shape, const int *axes, bool writeable) { nd__err(ND_ENOTIMPL, "nd_sliding_window_view is not implemented yet"); return NULL; }
