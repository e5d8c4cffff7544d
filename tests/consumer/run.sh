#!/usr/bin/env bash
# run.sh BUILD_DIR [EXTRA_FLAGS]
# Installs the build into a temporary prefix, then builds and runs the
# consumer both ways: CMake find_package (CMAKE_PREFIX_PATH) and make +
# pkg-config (PKG_CONFIG_PATH), each against the shared and the static
# library.  EXTRA_FLAGS (e.g. -fsanitize=...) are passed to compile and link,
# as a sanitizer build of nd needs.
set -euo pipefail
build=$(cd "$1" && pwd)
flags=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
test -f "$tmp/prefix/include/nd.h"

echo "== CMake: find_package(nd)"
cmake -S "$here" -B "$tmp/cmake" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$tmp/cmake" >/dev/null
"$tmp/cmake/consumer_shared"
"$tmp/cmake/consumer_static"

echo "== make + pkg-config"
pcdir=$(dirname "$(find "$tmp/prefix" -name nd.pc -print -quit)")
mkdir -p "$tmp/make"
PKG_CONFIG_PATH="$pcdir" make -s -C "$here" O="$tmp/make" CFLAGS="$flags" LDFLAGS="$flags"
"$tmp/make/consumer_shared"
"$tmp/make/consumer_static"
# The shared one must really use the installed libnd.so (through its rpath),
# and the static ones must not need it at all.  (ldd's output is captured
# first: `ldd | grep -q` can fail with SIGPIPE under pipefail.)
deps=$(ldd "$tmp/make/consumer_shared")
grep -q "$tmp/prefix/.*libnd.so" <<<"$deps"
for exe in "$tmp/make/consumer_static" "$tmp/cmake/consumer_static"; do
  deps=$(ldd "$exe")
  if grep -q libnd.so <<<"$deps"; then
    echo "consumer: $exe links libnd.so dynamically"
    exit 1
  fi
done
echo "consumer: all four builds work"
