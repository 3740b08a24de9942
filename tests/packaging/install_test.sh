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
  share/man/man1/roll.1.gz share/bash-completion/completions/roll share/zsh/vendor-completions/_roll \
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
# Installed, `roll new` points editors at the installed schema.
"$roll" new evening >/dev/null
head -n1 "$XDG_CONFIG_HOME/roll/routines/evening.toml" |
  grep -qxF "#:schema $tmp/moved/share/roll/routines/routine.schema.json" ||
  { echo "roll new from the installed tree wrote no #:schema line to the installed schema" >&2; exit 1; }

# A binary whose path would break a scheduler's line (a newline starts a new crontab entry) is
# refused for cron and systemd, with nothing printed or written.
nl_dir="$tmp/evil
* * * * * touch $tmp/pwned
"
mkdir -p "$nl_dir"
cp "$roll" "$nl_dir/roll"
for format in --cron --systemd; do
  if "$nl_dir/roll" remind --at 21:30 "$format" >"$tmp/remind.out" 2>"$tmp/remind.err"; then
    echo "roll remind $format accepted a path with a newline:" >&2
    cat "$tmp/remind.out" >&2
    exit 1
  fi
  [ ! -s "$tmp/remind.out" ] || { echo "roll remind $format printed a line anyway" >&2; exit 1; }
  grep -q "control character" "$tmp/remind.err" || { cat "$tmp/remind.err" >&2; exit 1; }
done

# The installed completion files are exactly what `roll completion SHELL` prints.
for pair in bash:share/bash-completion/completions/roll zsh:share/zsh/vendor-completions/_roll \
  fish:share/fish/vendor_completions.d/roll.fish; do
  shell=${pair%%:*}
  file=${pair#*:}
  "$roll" completion "$shell" | cmp -s - "$tmp/moved/$file" ||
    { echo "$file differs from roll completion $shell" >&2; exit 1; }
done
echo "install: ok ($tmp/moved)"
