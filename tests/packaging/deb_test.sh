#!/bin/sh
# `cpack -G DEB` makes a package with the Debian runtime libraries in Depends that runs from an
# unpacked root. Usage: deb_test.sh BUILD_DIR. Exit 77 (skipped) without dpkg-deb.
set -eu
build=$1
command -v dpkg-deb >/dev/null 2>&1 || { echo "SKIPPED: no dpkg-deb"; exit 77; }
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
for f in usr/bin/roll usr/share/roll/routines/thoracic.toml usr/share/man/man1/roll.1.gz \
  usr/share/bash-completion/completions/roll usr/share/zsh/vendor-completions/_roll \
  usr/share/fish/vendor_completions.d/roll.fish usr/share/doc/roll/LICENSE usr/share/doc/roll/copyright usr/share/doc/roll/changelog.gz; do
  [ -f "$tmp/root/$f" ] || { echo "the package lacks /$f" >&2; exit 1; }
done
"$roll" --version
"$roll" list | grep -q '^thoracic ' || { echo "roll list from the package lacks thoracic" >&2; exit 1; }
echo "deb: ok ($(basename "$deb"))"
