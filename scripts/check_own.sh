#!/usr/bin/env bash
# check_own.sh [HEADER] — every public declaration (a line starting with
# ND_API) in include/nd.h must have a comment ending on the line just above
# it, and that comment must hold an `own:` line (STYLE.md: "one ownership
# line per public function").  The rule is strict: a group of declarations
# under one comment fails from the second declaration on.  Prints each
# offender as FILE:LINE and exits 1 if there is any.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
header=${1:-$here/include/nd.h}

awk -v file="$header" '
  incomment {
    buf = buf "\n" $0
    if ($0 ~ /\*\//) { incomment = 0; endline = NR }
    next
  }
  /^[ \t]*\/\*/ {
    buf = $0
    if ($0 ~ /\*\//) endline = NR; else incomment = 1
    next
  }
  /^ND_API/ {
    n++
    if (endline != NR - 1 || buf !~ /own:/) {
      bad++
      decl = $0; sub(/^ND_API[ \t]+/, "", decl)
      printf "%s:%d: no own: line just above: %s\n", file, NR, decl
    }
  }
  END {
    if (bad) { printf "check_own: %d of %d ND_API declarations lack an own: line\n", bad, n; exit 1 }
    printf "check_own: all %d ND_API declarations have an own: line\n", n
  }
' "$header"
