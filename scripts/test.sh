#!/usr/bin/env bash
# test.sh — build nd and pass every test.  The command in README.
#
#   1. installs the Debian packages it needs when missing (as root),
#   2. Release build with -Werror: the whole CTest suite (unit, fault, numpy,
#      consumer, ...),
#   3. valgrind (memcheck) over the core unit-test programs of that build,
#   4. clang + libFuzzer (when clang is installed): fuzz_npy, the .npy/.npz
#      readers and the header and dtype parsers, for 30 s (tests/fuzz),
#   5. ASan + UBSan build: the whole suite again.
# The last line printed is CTest's summary of the sanitizer run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/deps.sh
nd_deps

jobs=2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Configure and build quietly; show the log only when something fails.
build() {
  local dir=$1
  shift
  echo "== build $dir ($*)"
  if ! { cmake -S . -B "$dir" "$@" && cmake --build "$dir" -j"$jobs"; } >"$log" 2>&1; then
    cat "$log"
    echo "test.sh: build of $dir failed"
    exit 1
  fi
}

# Run the whole suite; on failure stop with CTest's summary as the last line.
suite() {
  local dir=$1 rc=0
  echo "== ctest $dir"
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" >"$log" 2>&1 || rc=$?
  cat "$log"
  if ((rc)); then
    grep -E '^[0-9]+% tests passed' "$log" | tail -1 || echo "test.sh: ctest failed in $dir"
    exit "$rc"
  fi
}

build build/release -DCMAKE_BUILD_TYPE=Release -DND_WERROR=ON
suite build/release

# A short memcheck pass over the memory-model unit tests: a different
# checker from ASan (uninitialised reads, the unmodified libc allocator,
# optimised code).  Not the cast/value tests: valgrind's emulation rounds
# some int64 -> float32 conversions differently from the CPU.
echo "== valgrind (memory-model unit tests, release build)"
for stem in alloc array copyops dtype loop overlap frombuffer memmap npy npz dlpack; do
  t=build/release/tests/test_$stem
  [[ -x $t ]] || continue
  if ! valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    "$t" >"$log" 2>&1; then
    cat "$log"
    echo "test.sh: valgrind found errors in $t"
    exit 1
  fi
done

# libFuzzer over the file readers and parsers, for a bounded time.  Only
# the fuzz target is built (a coverage-instrumented libnd with ASan and
# UBSan); gcc builds run the same target as a corpus + mutants replay.
if command -v clang >/dev/null 2>&1; then
  echo "== build build/fuzz (clang, libFuzzer: fuzz_npy only)"
  if ! { cmake -S . -B build/fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-O1 -g" \
    -DND_BUILD_EXAMPLES=OFF -DND_BUILD_BENCH=OFF -DND_BUILD_TOOL=OFF &&
    cmake --build build/fuzz -j"$jobs" --target fuzz_npy; } >"$log" 2>&1; then
    cat "$log"
    echo "test.sh: build of build/fuzz failed"
    exit 1
  fi
  echo "== fuzz_npy (libFuzzer, 30 s)"
  if ! ctest --test-dir build/fuzz -R '^fuzz_npy$' -V >"$log" 2>&1; then
    cat "$log"
    echo "test.sh: fuzz_npy failed (the input is in build/fuzz/tests/fuzz_npy-*)"
    exit 1
  fi
  grep -Eo 'Done [0-9]+ runs in [0-9]+ second\(s\)' "$log" | tail -1 || true
else
  echo "== fuzz: clang is not installed; skipping the libFuzzer run"
fi

build build/asan -DCMAKE_BUILD_TYPE=Debug -DND_SANITIZE=ON -DND_WERROR=ON -DND_BUILD_BENCH=OFF
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
suite build/asan
# CTest prints timing and skip lists after its summary; repeat the summary
# so it is the last line.
grep -E '^[0-9]+% tests passed' "$log" | tail -1
