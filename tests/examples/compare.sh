#!/usr/bin/env bash
# compare.sh EXAMPLE_BINARY EXAMPLE_PY [PYTHON]
# Runs a C example and its NumPy original and diffs their stdout.  Exit 77
# (CTest's skip) when NumPy is missing or the example reached a function that
# is still a stub (it prints "NotImplementedError: ..."), so the test turns
# into a real comparison as soon as the code lands.
set -uo pipefail
bin=$1 py=$2 python=${3:-/usr/bin/python3}

if ! "$python" -c 'import numpy' 2>/dev/null; then
  echo "SKIP: $python cannot import numpy"
  exit 77
fi
want=$("$python" "$py") || { echo "FAIL: $py exited with $?"; exit 1; }
got=$("$bin")
rc=$?
if grep -q '^NotImplementedError' <<<"$got" || grep -q 'NotImplementedError: ' <<<"$got"; then
  echo "SKIP: $(basename "$bin") reached a function that is not implemented yet:"
  grep 'NotImplementedError' <<<"$got" | head -3
  exit 77
fi
if [[ "$got" != "$want" ]]; then
  echo "FAIL: $(basename "$bin") output differs from NumPy ($py):"
  diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$got") | sed '1s/.*/--- numpy/;2s/.*/+++ nd/'
  exit 1
fi
if [[ $rc -ne 0 ]]; then
  echo "FAIL: $(basename "$bin") printed the right text but exited with $rc"
  exit 1
fi
echo "OK: $(basename "$bin") matches NumPy $("$python" -c 'import numpy; print(numpy.__version__)')"
