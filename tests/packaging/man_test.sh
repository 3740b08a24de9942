#!/bin/sh
# roll(1) names every command and every option roll accepts, and renders without a warning.
# Usage: man_test.sh ROLL_BINARY MAN_PAGE
set -eu
roll=$1
page=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v groff >/dev/null 2>&1; then
  groff -ww -man -Tutf8 "$page" >/dev/null 2>"$tmp/groff.err"
  if [ -s "$tmp/groff.err" ]; then
    echo "groff -ww warns about $page:" >&2
    cat "$tmp/groff.err" >&2
    exit 1
  fi
else
  echo "no groff: rendering not checked"
fi

# The command tree, from the generated bash completion (which walks roll's own CLI): lines like
#     'injury add') echo '--help -h --hours-ago --color' ;;
"$roll" completion bash | sed -n "/^_roll_options() {/,/^}/p" |
  sed -n "s/^    '\([^']*\)') echo '\([^']*\)' ;;$/\1|\2/p" >"$tmp/tree"
[ -s "$tmp/tree" ] || { echo "could not read the command tree" >&2; exit 1; }
fail=0
while IFS='|' read -r command options; do
  if [ -n "$command" ]; then
    # roff writes '-' as '\-' in names: "roll injury add" must appear as a heading.
    roff_command=$(printf '%s' "$command" | sed 's/-/\\\\-/g')
    grep -q "^\.SS \"roll $roff_command" "$page" ||
      { echo "roll.1 has no section for: roll $command" >&2; fail=1; }
  fi
  for option in $options; do
    case $option in --help | -h | --color | --version) continue ;; esac
    roff_option=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
    grep -q -- "$roff_option" "$page" ||
      { echo "roll.1 does not mention ${command:+$command }$option" >&2; fail=1; }
  done
done <"$tmp/tree"
exit $fail
