# Differential test against NumPy 1.24 (label "numpy").
#   nd_diff       the libnd side: runs a case file, prints canonical lines
#   numpy_diff    run_diff.py: gen.py -> ref.py (NumPy) and nd_diff -> compare
# The test needs a Python with NumPy; without one it is not registered.
add_executable(nd_diff ${CMAKE_CURRENT_LIST_DIR}/nd_diff.c ${CMAKE_CURRENT_LIST_DIR}/nd_diff_compute.c)
target_link_libraries(nd_diff PRIVATE nd_static)

find_program(ND_NUMPY_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT ND_NUMPY_PYTHON)
  find_program(ND_NUMPY_PYTHON NAMES python3)
endif()
set(ND_HAVE_NUMPY FALSE)
if(ND_NUMPY_PYTHON)
  execute_process(COMMAND ${ND_NUMPY_PYTHON} -c "import numpy"
                  RESULT_VARIABLE _nd_numpy_rc OUTPUT_QUIET ERROR_QUIET)
  if(_nd_numpy_rc EQUAL 0)
    set(ND_HAVE_NUMPY TRUE)
  endif()
endif()

if(ND_HAVE_NUMPY)
  # Sanitizer builds run fewer cases (the Python side dominates either way).
  if(ND_SANITIZE)
    set(_nd_diff_count 1500)
  else()
    set(_nd_diff_count 3500)
  endif()
  add_test(NAME numpy_diff
           COMMAND ${ND_NUMPY_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/run_diff.py
                   --nd-diff $<TARGET_FILE:nd_diff> --count ${_nd_diff_count}
                   --workdir ${CMAKE_CURRENT_BINARY_DIR}/numpy_diff
                   --known ${CMAKE_CURRENT_LIST_DIR}/known_gaps.txt)
  # PROCESSORS 2: NumPy and nd_diff run side by side, so give the test both cores.
  set_tests_properties(numpy_diff PROPERTIES LABELS numpy TIMEOUT 180 PROCESSORS 2)
else()
  message(STATUS "numpy_diff: no python3 with numpy; differential test not registered")
endif()
