/* readonly.c — read-only views and the WRITEABLE flag (seed 000, "Writeable
 * Flags and Read-Only Views").  Prints exactly what readonly.py prints. */
#include "example.h"

int main(void) {
    nd_array *data = NEED(nd_from_data(1, (int64_t[]){5}, nd_dtype_of(ND_INT64), (int64_t[]){1, 2, 3, 4, 5}));

    /* Create read-only view */
    nd_array *readonly_view = NEED(nd_view(data));
    OK(nd_set_writeable(readonly_view, false));

    /* A failing call returns < 0 and leaves the details in the thread's
     * error record: nd_errclass() is the exception NumPy raises. */
    if (nd_set(readonly_view, (int64_t[]){0}, ND_I64(999)) < 0)
        printf("Error: %s\n", nd_errmsg()); /* ValueError */

    /* Check writeable status */
    printf("Original writeable: %s\n", ex_tf(nd_flags(data) & ND_WRITEABLE));
    printf("View writeable: %s\n", ex_tf(nd_flags(readonly_view) & ND_WRITEABLE));

    /* The owner can still write, and the read-only view sees it. */
    OK(nd_set(data, (int64_t[]){0}, ND_I64(42)));
    printf("View after writing through data: ");
    ex_put(readonly_view);
    printf("\n");

    /* A read-only owner cannot be made writeable again through a view. */
    OK(nd_set_writeable(data, false));
    nd_array *v = NEED(nd_index(data, "1:"));
    if (nd_set_writeable(v, true) < 0) printf("Error: %s\n", nd_errmsg());

    nd_release(v);
    nd_release(readonly_view);
    nd_release(data);
    return 0;
}
