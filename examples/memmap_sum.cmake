# The scale check of examples/memmap_sum.c (issue 5): a 1.125 GiB sparse
# float64 file, more than the 1 GiB peak-RSS limit, summed window by window.
# The program exits 1 when the sum is wrong or its peak RSS reached 1 GiB,
# which a single mapping of the whole file would.  (example_memmap_sum, the
# NumPy comparison at the default 64 MiB, is registered with the others.)
if(TARGET example_memmap_sum)
  add_test(NAME example_memmap_sum_rss COMMAND example_memmap_sum 1152 ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(example_memmap_sum_rss PROPERTIES LABELS unit TIMEOUT 120)
endif()
