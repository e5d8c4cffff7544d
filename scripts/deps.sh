#!/usr/bin/env bash
# deps.sh — make sure the Debian packages nd's build and tests use are
# installed.  Sourced by test.sh and run.sh; also runnable on its own.
# Installs only what is missing, and only as root (README, "Dependencies",
# says why each package is here).
ND_DEBIAN_PACKAGES=(cmake gcc make pkg-config libcmocka-dev python3-numpy python3-pytest
  zlib1g-dev liblapack-dev libedit-dev libdlpack-dev valgrind clang)

nd_deps() {
  command -v dpkg >/dev/null 2>&1 || return 0 # not Debian: the caller's toolchain has to do
  local missing=() p
  for p in "${ND_DEBIAN_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "nd: missing Debian packages: ${missing[*]}" >&2
    echo "nd: run as root, or: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "nd: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  nd_deps
fi
