#!/usr/bin/env bash
# check_fault_coverage.sh [HEADER] [FAULT_DIR] — every public function that
# allocates must have an allocation-failure case in tests/fault/.  A function
# allocates when its `own:` comment says it returns a new ref, a string,
# memory, a handle or a tensor, or lists ND_ENOMEM among its failures.
# Prints the functions no tests/fault/test_*.c mentions; exits 1 if any.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
header=${1:-$here/include/nd.h}
faultdir=${2:-$here/tests/fault}

allocating=$(awk '
  incomment { buf = buf " " $0; if ($0 ~ /\*\//) incomment = 0; next }
  /^[ \t]*\/\*/ { buf = $0; if ($0 !~ /\*\//) incomment = 1; next }
  /^ND_API/ {
    if (buf ~ /own:[^|]*returns (new ref|string|memory|handle|tensor)/ || buf ~ /fails:.*ND_ENOMEM/) {
      if (match($0, /nd_[a-z0-9_]+\(/)) print substr($0, RSTART, RLENGTH - 1)
    }
    buf = ""
  }
' "$header")

missing=()
n=0
for fn in $allocating; do
  n=$((n + 1))
  grep -qw -- "$fn" "$faultdir"/test_*.c || missing+=("$fn")
done
if ((${#missing[@]})); then
  echo "check_fault_coverage: ${#missing[@]} of $n allocating functions have no case in tests/fault:"
  printf '  %s\n' "${missing[@]}"
  exit 1
fi
echo "check_fault_coverage: all $n allocating functions have a fault case"
