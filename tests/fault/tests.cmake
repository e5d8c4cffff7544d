# Allocation-failure tests (label "fault"): every tests/fault/test_*.c is one
# cmocka program linked with the counting-allocator harness in fault.c.
add_library(nd_fault_harness STATIC ${CMAKE_CURRENT_LIST_DIR}/fault.c)
target_include_directories(nd_fault_harness PUBLIC ${CMAKE_CURRENT_LIST_DIR})
find_package(Threads REQUIRED)
target_link_libraries(nd_fault_harness PUBLIC nd_static PkgConfig::CMOCKA Threads::Threads)

file(GLOB ND_FAULT_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.c)
foreach(src ${ND_FAULT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE nd_fault_harness)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS fault)
endforeach()

# Every allocating public function (by its own: line) has a case here.
add_test(NAME check_fault_coverage
         COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/check_fault_coverage.sh
                 ${PROJECT_SOURCE_DIR}/include/nd.h ${CMAKE_CURRENT_LIST_DIR})
set_tests_properties(check_fault_coverage PROPERTIES LABELS fault)
