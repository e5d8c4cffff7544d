# Run nd on SCRIPT (extra nd options in ND_ARGS, ';'-separated) and require
# exit status 1 with EXPECT (a regex) in the last line of stderr.
#   cmake -DND=... -DSCRIPT=... -DEXPECT=... [-DND_ARGS=...] -P expect_error.cmake
execute_process(COMMAND ${ND} ${ND_ARGS} ${SCRIPT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                TIMEOUT 120)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "nd ${SCRIPT}: expected exit status 1, got '${rc}'\nstderr:\n${err}")
endif()
string(STRIP "${err}" err_s)
string(REGEX REPLACE ".*\n" "" last "${err_s}")
if(NOT last MATCHES "${EXPECT}")
  message(FATAL_ERROR "nd ${SCRIPT}: last stderr line\n  ${last}\ndoes not match\n  ${EXPECT}")
endif()
