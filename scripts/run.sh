#!/usr/bin/env bash
# run.sh — the main job: build nd (Release) and run the tour of its memory
# model (examples/tour.c), which prints what examples/tour.py prints under
# NumPy.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/deps.sh
nd_deps

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DND_WERROR=ON &&
  cmake --build build/release -j2 --target example_tour; } >"$log" 2>&1; then
  cat "$log"
  echo "run.sh: build failed" >&2
  exit 1
fi
exec build/release/example_tour
