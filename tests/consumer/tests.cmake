# Consumer test (label "consumer"): install this build into a temporary
# prefix and build a small outside project against it with CMake
# (find_package) and with make + pkg-config.
set(ND_CONSUMER_FLAGS "")
if(ND_SANITIZE)
  set(ND_CONSUMER_FLAGS "-fsanitize=address,undefined")
endif()
add_test(NAME consumer COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh ${PROJECT_BINARY_DIR} "${ND_CONSUMER_FLAGS}")
set_tests_properties(consumer PROPERTIES LABELS consumer)
