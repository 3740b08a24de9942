#!/bin/bash
# The generated bash completion completes commands, options, option values and routine names
# (looked up through the binary at Tab time); the zsh and fish scripts at least parse.
# Usage: completion_test.sh BUILD_DIR
# Completion functions run in an interactive shell: no errexit or nounset here.
set -o pipefail
build=$1
roll="$build/bin/roll"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data"
mkdir -p "$XDG_CONFIG_HOME/roll/routines"
printf 'schema = 1\n' >"$XDG_CONFIG_HOME/roll/routines/evening.toml"

# shellcheck source=/dev/null
source "$build/share/bash-completion/completions/roll"
fail=0
expect() {
  local want=$1
  shift
  COMP_WORDS=("$roll" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _roll
  local got=" ${COMPREPLY[*]} "
  if [[ $got != *" $want "* ]]; then
    echo "roll $* <Tab>: expected '$want' among:$got" >&2
    fail=1
  fi
}
reject() {
  local unwanted=$1
  shift
  COMP_WORDS=("$roll" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _roll
  if [[ " ${COMPREPLY[*]} " == *" $unwanted "* ]]; then
    echo "roll $* <Tab>: did not expect '$unwanted' in: ${COMPREPLY[*]}" >&2
    fail=1
  fi
}
expect show ''
expect show sh
expect completion comp
expect new ''
expect thoracic show ''
expect thoracic show th
expect evening show ev            # a user routine, found at Tab time
expect --json show thoracic --
expect --json list --
expect --color list --
expect always --color ''
expect never list --color = n     # bash splits --color=n at '='
expect thoracic --color never show ''
expect thoracic new mine --from ''
expect zsh completion ''
reject --json completion --
reject thoracic list ''
expect --profile lint --
expect report re
expect --html report --
expect --weeks report --
expect handout hand
expect thoracic handout th
expect --output handout thoracic --
expect --no-figures show thoracic --
reject --yes injury check --     # the pain question is not a confirmation

if command -v zsh >/dev/null 2>&1; then
  zsh -n "$build/share/zsh/vendor-completions/_roll" || fail=1
fi
if command -v fish >/dev/null 2>&1; then
  fish -n "$build/share/fish/vendor_completions.d/roll.fish" || fail=1
  out=$(PATH="$build/bin:$PATH" fish -c "source '$build/share/fish/vendor_completions.d/roll.fish'; complete -C'roll show th'")
  [[ $out == *thoracic* ]] || { echo "fish: roll show th<Tab> gave: $out" >&2; fail=1; }
fi
exit $fail
