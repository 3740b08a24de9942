#!/bin/sh
# `cpack -G DEB` makes a package with the Debian runtime libraries in Depends that runs from an
# unpacked root. Usage: deb_test.sh BUILD_DIR. Exit 77 (skipped) without dpkg-deb.
set -eu
build=$1
command -v dpkg-deb >/dev/null 2>&1 || { echo "SKIPPED: no dpkg-deb"; exit 77; }
command -v readelf >/dev/null 2>&1 || { echo "SKIPPED: no readelf"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data"
export XDG_STATE_HOME="$tmp/home/state"

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log" >&2; exit 1; }
deb=$(ls "$tmp"/out/roll_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "$depends" | grep -q "libc6" || { echo "Depends lacks libc6" >&2; exit 1; }
# Depends is exact: every package it names provides a library the binary loads (the release
# binary carries fmt, toml++, SQLite and libstdc++, so there it is libc6 alone; ARCHITECTURE.md).
dpkg-deb -x "$deb" "$tmp/root"
if command -v ldd >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  loaded=$(for so in $(ldd "$tmp/root/usr/bin/roll" | awk '$3 ~ /^\// {print $3}'); do
    # Debian's merged /usr: dpkg knows some libraries by the /lib path ldd prints, others only
    # by the real one.
    { dpkg -S "$so" 2>/dev/null || dpkg -S "$(readlink -f "$so")" 2>/dev/null; } | head -n1 | cut -d: -f1
  done)
  for pkg in $(echo "$depends" | tr ',' '\n' | awk '{print $1}'); do
    echo "$loaded" | grep -qx "$pkg" || { echo "Depends names $pkg, which roll does not load" >&2; exit 1; }
  done
fi
# Every library the binary loads comes from a package named in Depends.
roll="$tmp/root/usr/bin/roll"
if command -v ldd >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  for so in $(ldd "$roll" | awk '$3 ~ /^\// {print $3}'); do
    pkg=$(dpkg -S "$(readlink -f "$so")" 2>/dev/null | head -n1 | cut -d: -f1) || pkg=
    [ -n "$pkg" ] || continue
    echo "$depends" | grep -q "$pkg" || { echo "$so comes from $pkg, not in Depends" >&2; exit 1; }
  done
fi
# Depends asks for a libc6 at least as new as the binary needs: the newest GLIBC_x.y version it
# requires, and 2.36 if it has packed relative relocations (glibc's GLIBC_ABI_DT_RELR, first in
# 2.36; an older glibc refuses to load the binary). Both Depends lists are checked: the one
# dpkg-shlibdeps computed for this package, and the one CMakeLists.txt writes out for a machine
# without it.
versions=$(readelf --version-info -W "$roll" | sed -n 's/.*Name: \(GLIBC_[A-Z0-9_.]*\) .*/\1/p')
required=$(echo "$versions" | sed -n 's/^GLIBC_\([0-9][0-9.]*\)$/\1/p' | sort -V | tail -n 1)
if echo "$versions" | grep -qx GLIBC_ABI_DT_RELR; then
  required=$(printf '%s\n2.36\n' "$required" | sort -V | tail -n 1)
fi
[ -n "$required" ] || { echo "readelf shows no GLIBC version the binary needs" >&2; exit 1; }
echo "the binary needs glibc $required$(echo "$versions" | grep -qx GLIBC_ABI_DT_RELR && echo ' (GLIBC_ABI_DT_RELR)')"
written=$(sed -n 's/^set(CPACK_ROLL_WRITTEN_DEPENDS "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$written" ] || { echo "CPackConfig.cmake lacks CPACK_ROLL_WRITTEN_DEPENDS" >&2; exit 1; }
for list in "$depends" "$written"; do
  libc=$(echo "$list" | tr ',' '\n' | sed -n 's/^ *libc6 *(>= *\([^)]*\)) *$/\1/p')
  [ -n "$libc" ] || { echo "Depends \"$list\" has no libc6 (>= version)" >&2; exit 1; }
  [ "$(printf '%s\n%s\n' "$required" "$libc" | sort -V | head -n 1)" = "$required" ] ||
    { echo "Depends \"$list\" asks for libc6 $libc; the binary needs $required" >&2; exit 1; }
done
for f in usr/bin/roll usr/share/roll/routines/thoracic.toml usr/share/man/man1/roll.1.gz \
  usr/share/bash-completion/completions/roll usr/share/zsh/vendor-completions/_roll \
  usr/share/fish/vendor_completions.d/roll.fish usr/share/doc/roll/LICENSE usr/share/doc/roll/copyright usr/share/doc/roll/changelog.gz; do
  [ -f "$tmp/root/$f" ] || { echo "the package lacks /$f" >&2; exit 1; }
done
"$roll" --version
"$roll" list | grep -q '^thoracic ' || { echo "roll list from the package lacks thoracic" >&2; exit 1; }
echo "deb: ok ($(basename "$deb"))"
