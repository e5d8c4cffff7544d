# numpy_progen (label "numpy"): tests/numpy/progen.py writes thousands of
# random NumPy programs (fixed seed), runs each under /usr/bin/python3 +
# NumPy and under the nd interpreter, and shrinks any difference to a
# minimal failing program printed in the test log.  Not registered without
# nd or without a python3 that has NumPy.
if(TARGET nd)
  find_program(ND_PROGEN_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  if(ND_PROGEN_PYTHON)
    execute_process(COMMAND ${ND_PROGEN_PYTHON} -c "import numpy"
                    RESULT_VARIABLE _nd_progen_rc OUTPUT_QUIET ERROR_QUIET)
    if(_nd_progen_rc EQUAL 0)
      # The NumPy side (which also generates) sets the pace; a sanitizer
      # build runs fewer programs to stay well under two minutes.
      if(ND_SANITIZE)
        set(_nd_progen_count 1500)
      else()
        set(_nd_progen_count 3000)
      endif()
      add_test(NAME numpy_progen
               COMMAND ${ND_PROGEN_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/progen.py
                       --nd $<TARGET_FILE:nd> --count ${_nd_progen_count})
      # PROCESSORS 2: generation + NumPy in one process, nd in another.
      set_tests_properties(numpy_progen PROPERTIES LABELS numpy TIMEOUT 300 PROCESSORS 2)
    endif()
  endif()
endif()
