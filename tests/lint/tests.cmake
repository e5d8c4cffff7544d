# Header lint (label "unit"): every ND_API declaration in include/nd.h has an
# `own:` line in the comment just above it (scripts/check_own.sh).
add_test(NAME check_own COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/check_own.sh ${PROJECT_SOURCE_DIR}/include/nd.h)
set_tests_properties(check_own PROPERTIES LABELS unit)
