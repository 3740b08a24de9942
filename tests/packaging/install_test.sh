#!/bin/sh
# `cmake --install` lays out a tree that works where it lands and after being moved: the binary
# finds its routines through ../share/roll/routines, never through a baked-in prefix.
# Usage: install_test.sh BUILD_DIR
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data"
export XDG_STATE_HOME="$tmp/home/state"
unset NO_COLOR CLICOLOR_FORCE

cmake --install "$build" --prefix "$tmp/first" >/dev/null
fail=0
for f in bin/roll share/roll/routines/thoracic.toml share/roll/routines/routine.schema.json \
  share/man/man1/roll.1 share/bash-completion/completions/roll share/zsh/site-functions/_roll \
  share/fish/vendor_completions.d/roll.fish share/doc/roll/LICENSE share/doc/roll/README.md; do
  [ -f "$tmp/first/$f" ] || { echo "missing after install: $f" >&2; fail=1; }
done
[ "$fail" = 0 ] || exit 1

mv "$tmp/first" "$tmp/moved"
roll="$tmp/moved/bin/roll"
"$roll" list >"$tmp/list.txt"
grep -q '^thoracic ' "$tmp/list.txt" || { echo "roll list in the moved tree lacks thoracic:" >&2; cat "$tmp/list.txt" >&2; exit 1; }
grep -q "$tmp/moved/share/roll/routines/thoracic.toml" "$tmp/list.txt" 2>/dev/null ||
  "$roll" list --json | grep -q "$tmp/moved/share/roll/routines/thoracic.toml" ||
  { echo "roll list --json does not point into the moved tree" >&2; exit 1; }
"$roll" show thoracic >/dev/null

# The installed completion files are exactly what `roll completion SHELL` prints.
for pair in bash:share/bash-completion/completions/roll zsh:share/zsh/site-functions/_roll \
  fish:share/fish/vendor_completions.d/roll.fish; do
  shell=${pair%%:*}
  file=${pair#*:}
  "$roll" completion "$shell" | cmp -s - "$tmp/moved/$file" ||
    { echo "$file differs from roll completion $shell" >&2; exit 1; }
done
echo "install: ok ($tmp/moved)"
