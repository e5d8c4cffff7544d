# Examples vs NumPy (label "numpy"): each examples/<name>.c that has an
# examples/<name>.py beside it must print exactly what the Python prints
# under NumPy.  compare.sh exits 77 (skipped) while a stub is reached.
set(ND_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with NumPy 1.24, the reference for differential tests")
if(ND_BUILD_EXAMPLES)
  file(GLOB ND_EXAMPLE_PYS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*.py)
  foreach(py ${ND_EXAMPLE_PYS})
    get_filename_component(name ${py} NAME_WE)
    if(TARGET example_${name})
      add_test(NAME example_${name}
               COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/compare.sh $<TARGET_FILE:example_${name}> ${py} ${ND_PYTHON})
      set_tests_properties(example_${name} PROPERTIES LABELS numpy SKIP_RETURN_CODE 77)
    endif()
  endforeach()
endif()
