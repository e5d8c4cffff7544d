# numpy_scripts (label "numpy"): every tests/numpy/scripts/*.py runs under
# /usr/bin/python3 + NumPy and under the nd interpreter; stdout (and the
# error's last line when Python raises) must match exactly.
if(TARGET nd)
  # Runaway scripts end in a clear error instead of hanging: a small step
  # limit here (the default, 10**9 statements, takes about a minute to reach).
  set(_nd_limits ${PROJECT_SOURCE_DIR}/tests/numpy/limits)
  foreach(_case runaway_while runaway_swallow runaway_comprehension runaway_calls)
    add_test(NAME nd_limit_${_case}
             COMMAND ${CMAKE_COMMAND} -DND=$<TARGET_FILE:nd> "-DND_ARGS=--max-steps;200000"
                     -DSCRIPT=${_nd_limits}/${_case}.py
                     "-DEXPECT=^RuntimeError: step limit exceeded: 200000 statements run without finishing"
                     -P ${_nd_limits}/expect_error.cmake)
    set_tests_properties(nd_limit_${_case} PROPERTIES LABELS numpy TIMEOUT 120
                         ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
  endforeach()
  # ... while a legitimate 1,000,000-iteration loop is far under the default
  add_test(NAME nd_limit_million_loop COMMAND nd ${_nd_limits}/million_loop.py)
  set_tests_properties(nd_limit_million_loop PROPERTIES LABELS numpy TIMEOUT 300
                       PASS_REGULAR_EXPRESSION "^499999500000 499999500000\n$")
  # --max-steps refuses a bad value with exit status 2
  add_test(NAME nd_limit_bad_option COMMAND nd --max-steps x ${_nd_limits}/million_loop.py)
  set_tests_properties(nd_limit_bad_option PROPERTIES LABELS numpy WILL_FAIL TRUE)
  find_program(ND_SCRIPTS_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  if(ND_SCRIPTS_PYTHON)
    execute_process(COMMAND ${ND_SCRIPTS_PYTHON} -c "import numpy"
                    RESULT_VARIABLE _nd_scripts_rc OUTPUT_QUIET ERROR_QUIET)
    if(_nd_scripts_rc EQUAL 0)
      add_test(NAME numpy_scripts
               COMMAND ${ND_SCRIPTS_PYTHON} ${PROJECT_SOURCE_DIR}/tests/numpy/run_scripts.py
                       --nd $<TARGET_FILE:nd> --python ${ND_SCRIPTS_PYTHON}
                       --workdir ${CMAKE_CURRENT_BINARY_DIR}/numpy_scripts)
      # detect_leaks=0: closures that capture their own defining scope form
      # refcount cycles nd does not collect yet (see tools/nd/eval.c).
      set_tests_properties(numpy_scripts PROPERTIES LABELS numpy TIMEOUT 600
                           ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
      # examples/*.py run under nd too: the same programs the C examples mirror
      add_test(NAME numpy_examples_nd
               COMMAND ${ND_SCRIPTS_PYTHON} ${PROJECT_SOURCE_DIR}/tests/numpy/run_scripts.py
                       --nd $<TARGET_FILE:nd> --python ${ND_SCRIPTS_PYTHON}
                       --scripts ${PROJECT_SOURCE_DIR}/examples
                       --workdir ${CMAKE_CURRENT_BINARY_DIR}/numpy_examples_nd)
      set_tests_properties(numpy_examples_nd PROPERTIES LABELS numpy TIMEOUT 300)
    endif()
  endif()
endif()
