#!/usr/bin/env bash
# run.sh — the main job: build the nd program (Release) and run the tour of
# the memory model, examples/tour.py, which prints exactly what Python +
# NumPy print for the same file.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/deps.sh
nd_deps

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DND_WERROR=ON &&
  cmake --build build/release -j2 --target nd; } >"$log" 2>&1; then
  cat "$log"
  echo "run.sh: build failed" >&2
  exit 1
fi
exec build/release/tools/nd/nd examples/tour.py
