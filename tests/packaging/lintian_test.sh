#!/bin/sh
# lintian, Debian's package checker, finds no error (E:) and no warning (W:) in the .deb that
# `cpack -G DEB` makes. Usage: lintian_test.sh BUILD_DIR. Exit 77 (skipped) without lintian.
set -eu
build=$1
command -v lintian >/dev/null 2>&1 || { echo "SKIPPED: no lintian"; exit 77; }
command -v dpkg-deb >/dev/null 2>&1 || { echo "SKIPPED: no dpkg-deb"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log" >&2; exit 1; }
deb=$(ls "$tmp"/out/roll_*.deb)
# --no-tag-display-limit: every instance, so the log says where each one is.
lintian --no-tag-display-limit "$deb" >"$tmp/lintian.txt" 2>&1 || true
cat "$tmp/lintian.txt"
if grep -Eq '^[EW]: ' "$tmp/lintian.txt"; then
  echo "lintian: errors or warnings on $(basename "$deb")" >&2
  exit 1
fi
# lintian itself must have run: it prints nothing for a clean package, and fails loudly on a bad one.
lintian --version
echo "lintian: no errors or warnings ($(basename "$deb"))"
