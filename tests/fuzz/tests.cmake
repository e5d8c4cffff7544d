# fuzz_npy (label "fuzz"): the .npy/.npz readers, the header parser and the
# dtype parsers on hostile input (tests/fuzz/fuzz_npy.c), for a bounded time.
#   clang: a libFuzzer target over a copy of libnd built with coverage,
#          ASan and UBSan; the test fuzzes for 30 s from the seed corpus.
#   gcc:   the same target with driver.c as main(): the seed corpus plus a
#          fixed number of deterministic mutants, so every build runs it.
# Seeds: tests/fuzz/corpus (regenerate with make_corpus.py).  New inputs
# libFuzzer finds go to the build tree, never the source tree.
set(ND_FUZZ_SECONDS 30 CACHE STRING "How long the fuzz_npy test fuzzes (clang builds)")
set(_fz_dir ${CMAKE_CURRENT_LIST_DIR})
set(_fz_libfuzzer FALSE)
if(CMAKE_C_COMPILER_ID MATCHES "Clang")
  # clang without its libFuzzer runtime falls back to the replay driver.
  include(CheckCSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS -fsanitize=fuzzer)
  set(CMAKE_REQUIRED_LINK_OPTIONS -fsanitize=fuzzer)
  check_c_source_compiles("#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }" ND_HAVE_LIBFUZZER)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  set(_fz_libfuzzer ${ND_HAVE_LIBFUZZER})
endif()
if(_fz_libfuzzer)
  set(ND_FUZZ_SANITIZERS address,undefined CACHE STRING "Sanitizers of the libFuzzer build of fuzz_npy")
  set(_fz_san -fsanitize=${ND_FUZZ_SANITIZERS} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  # libnd again, with coverage for the fuzzer to steer by.
  add_library(nd_fuzz_lib STATIC ${ND_SOURCES})
  target_include_directories(nd_fuzz_lib PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(nd_fuzz_lib PRIVATE -fsanitize=fuzzer-no-link ${_fz_san})
  add_executable(fuzz_npy ${_fz_dir}/fuzz_npy.c)
  target_compile_options(fuzz_npy PRIVATE -fsanitize=fuzzer ${_fz_san})
  target_link_options(fuzz_npy PRIVATE -fsanitize=fuzzer ${_fz_san})
  target_link_libraries(fuzz_npy PRIVATE nd_fuzz_lib m z)
  set(_fz_work ${CMAKE_CURRENT_BINARY_DIR}/fuzz_npy_corpus)
  file(MAKE_DIRECTORY ${_fz_work})
  add_test(NAME fuzz_npy
           COMMAND fuzz_npy -max_total_time=${ND_FUZZ_SECONDS} -timeout=10 -rss_limit_mb=2048
                   -dict=${_fz_dir}/npy.dict -artifact_prefix=${CMAKE_CURRENT_BINARY_DIR}/fuzz_npy-
                   -print_final_stats=1 ${_fz_work} ${_fz_dir}/corpus)
  math(EXPR _fz_timeout "${ND_FUZZ_SECONDS} + 120")
  set_tests_properties(fuzz_npy PROPERTIES LABELS fuzz TIMEOUT ${_fz_timeout})
else()
  add_executable(fuzz_npy ${_fz_dir}/fuzz_npy.c ${_fz_dir}/driver.c)
  target_include_directories(fuzz_npy PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(fuzz_npy PRIVATE nd_static)
  add_test(NAME fuzz_npy COMMAND fuzz_npy -n 20000 ${_fz_dir}/corpus)
  set_tests_properties(fuzz_npy PROPERTIES LABELS fuzz TIMEOUT 300)
endif()
