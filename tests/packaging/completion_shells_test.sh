#!/bin/sh
# Each completion file, as installed, in its own shell: bash with bash-completion (which must find
# the file where the package puts it), zsh (Debian's zsh must read its directory, compinit must
# register it, and Tab is pressed in an interactive zsh on a pseudo-terminal) and fish (its own
# completion engine). Files whose names hold a space or a '*' are
# offered whole; `roll lint th<Tab>` offers routine names. Every argument that takes a routine
# (show, session, new --from, history add, injury check) takes a path too, once the word looks
# like one: its .toml files and the directories that may hold them, quoted or not.
# Usage: completion_shells_test.sh BUILD_DIR bash|zsh|fish. Exit 77 (skipped) without that shell
# (or, for bash, without bash-completion).
set -eu
build=$1
shell=$2
command -v "$shell" >/dev/null 2>&1 || { echo "SKIPPED: no $shell"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data"
export XDG_STATE_HOME="$tmp/home/state" PATH="$build/bin:$PATH"
mkdir -p "$XDG_CONFIG_HOME/roll/routines" "$tmp/work"
printf 'schema = 1\n' >"$XDG_CONFIG_HOME/roll/routines/evening.toml"
# The files to complete: a space, a glob character, and a plain one for contrast.
: >"$tmp/work/my routine.toml"
: >"$tmp/work/my*star.toml"
: >"$tmp/work/my-plain.toml"
# A folder of routines beside a file that is not one, for `roll session ./rou<Tab>`.
mkdir "$tmp/work/routines"
: >"$tmp/work/routines/a.toml"
: >"$tmp/work/routines/notes.txt"
cd "$tmp/work"

case $shell in
bash)
  loader=/usr/share/bash-completion/bash_completion
  [ -f "$loader" ] || { echo "SKIPPED: no bash-completion"; exit 77; }
  # shellcheck disable=SC2016
  XDG_DATA_DIRS="$build/share" bash --norc --noprofile -c '
    source "$1"
    # bash-completion loads a command'"'"'s completion on first use from XDG_DATA_DIRS.
    __load_completion roll || { echo "bash-completion did not find the roll completion" >&2; exit 1; }
    complete -p roll | grep -q -- "-F _roll" || { echo "roll is not completed by _roll" >&2; exit 1; }
    fail=0
    complete_words() { # the words after "roll", the last one being completed
      COMP_WORDS=(roll "$@")
      COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
      COMP_LINE="${COMP_WORDS[*]}"
      COMP_POINT=${#COMP_LINE}
      COMPREPLY=()
      _roll 2>/dev/null
    }
    expect() { # WANT WORDS...: WANT is one whole candidate
      local want=$1 c
      shift
      complete_words "$@"
      for c in "${COMPREPLY[@]}"; do [[ $c == "$want" ]] && return 0; done
      printf "bash: roll %s<Tab>: expected [%s] among:" "$*" "$want" >&2
      printf " [%s]" "${COMPREPLY[@]}" >&2
      echo >&2
      fail=1
    }
    expect "my routine.toml" lint my
    expect "my*star.toml" lint my
    expect my-plain.toml lint my
    expect thoracic lint th
    expect evening lint ev
    expect "./my routine.toml" show ./my
    expect thoracic show th
    expect sarif lint --format ""
    for command in show session "new copy --from" "history add" "injury check"; do
      expect "./my routine.toml" $command ./my
    done
    expect "./my routine.toml" session "./my\\ r"
    expect "./my routine.toml" session "\"./my r"
    expect "./my routine.toml" session "'"'"'./my r"
    expect ./routines session ./rou
    complete_words session ./routines/
    [[ ${COMPREPLY[*]} == ./routines/a.toml ]] || { echo "bash: roll session ./routines/<Tab>: [${COMPREPLY[*]}], not only the .toml file" >&2; fail=1; }
    complete_words lint my
    [[ ${#COMPREPLY[@]} == 3 ]] || { echo "bash: roll lint my<Tab>: ${#COMPREPLY[@]} candidates, not 3: ${COMPREPLY[*]}" >&2; fail=1; }
    exit $fail
  ' bash "$loader"
  ;;
zsh)
  cat >"$tmp/drive.zsh" <<'ZSH'
# Debian's zsh reads vendor-completions, where the package puts _roll.
[[ ${fpath[(I)/usr/share/zsh/vendor-completions]} -gt 0 ]] ||
  { echo "zsh does not read /usr/share/zsh/vendor-completions" >&2; exit 1 }
zmodload zsh/zpty || { echo "SKIPPED: no zsh/zpty"; exit 77 }
build=$1 work=$2
out=$work:h/hits
# A real interactive zsh on a pseudo-terminal, with the real completion system; compadd is
# wrapped only to also write each candidate, one a line, where this script can read it.
zpty z zsh -f -i
zpty -w z "PS1='%% '; fpath=($build/share/zsh/vendor-completions \$fpath); autoload -Uz compinit; compinit -u -d $work:h/zcompdump"
zpty -w z "compadd() { local -a __hits; builtin compadd -O __hits \"\$@\"; print -rl -- \"\${__hits[@]}\" >> $out; builtin compadd \"\$@\" }"
# REG2 is only in the output, never in the echo of the typed line.
zpty -w z "print -r -- REG\$((1+1)):\${_comps[roll]}:END"
zpty -r z line '*REG2:*:END*'
[[ $line == *REG2:_roll:END* ]] || { print -r -- "compinit did not register _roll for roll" >&2; exit 1 }
fail=0 marker=0
typeset -a hits  # the last Tab's candidates
expect() { # LINE WANT...: press Tab after LINE; each WANT must be one whole candidate
  local typed=$1 want
  shift
  : >| $out
  zpty -n -w z $'\C-u'"$typed"$'\t'
  # The line editor takes keys in order: DONE is printed once the completion has run.
  # The completion has run once it wrote its candidates (polled: zle may read the next keys
  # only after the Tab's work is done, and discards typeahead it does not expect).
  for ((k = 0; k < 250; k++)); do [[ -s $out ]] && break; sleep 0.02; done
  # A marker of its own each time, so no earlier output can stand for this one.
  (( ++marker ))
  zpty -n -w z $'\C-u'"print DON''E$marker"$'\n'
  zpty -r z line "*DONE$marker"$'[\r\n]'"*"
  hits=("${(@f)$(<$out)}")
  for want; do
    (( ${hits[(Ie)$want]} )) && continue
    print -r -- "zsh: $typed<Tab>: expected [$want] among: [${(j:] [:)hits}]" >&2
    fail=1
  done
}
cd $work
expect "roll lint my" "my routine.toml" "my*star.toml"
expect "roll lint th" thoracic
expect "roll show ev" evening
expect "roll show th" thoracic
expect "roll lint --format " sarif
expect "roll li" list
for command in show session "new copy --from" "history add" "injury check"; do
  expect "roll $command ./my" "my routine.toml"
done
expect "roll session \"./my r" "my routine.toml"
expect "roll session ./rou" routines
expect "roll session ./routines/" a.toml
(( ${hits[(Ie)notes.txt]} )) && { print -r -- "zsh: roll session ./routines/<Tab> offers notes.txt" >&2; fail=1 }
zpty -d z
exit $fail
ZSH
  zsh -f "$tmp/drive.zsh" "$build" "$tmp/work"
  ;;
fish)
  # shellcheck disable=SC2016
  fish --no-config -c '
    set -p fish_complete_path $argv[1]/share/fish/vendor_completions.d
    set -l fail 0
    function expect --argument-names want line
      set -l got (complete -C"$line" | string replace -r "\t.*" "")
      if not contains -- $want $got
        printf "fish: %s<Tab>: expected [%s] among: %s\n" $line $want (string join " | " $got) >&2
        return 1
      end
    end
    expect "my routine.toml" "roll lint my"; or set fail 1
    expect "my*star.toml" "roll lint my"; or set fail 1
    expect thoracic "roll lint th"; or set fail 1
    expect thoracic "roll show th"; or set fail 1
    expect evening "roll show ev"; or set fail 1
    expect sarif "roll lint --format "; or set fail 1
    for command in show session "new copy --from" "history add" "injury check"
        expect "./my routine.toml" "roll $command ./my"; or set fail 1
    end
    expect "./my routine.toml" "roll session \"./my r"; or set fail 1
    expect "./my routine.toml" "roll session ./my\\ r"; or set fail 1
    expect "./routines/" "roll session ./rou"; or set fail 1
    set -l got (complete -C"roll session ./routines/" | string replace -r "\t.*" "")
    if test "$got" != ./routines/a.toml
        printf "fish: roll session ./routines/<Tab>: [%s], not only the .toml file\n" "$got" >&2
        set fail 1
    end
    exit $fail
  ' "$build"
  ;;
*)
  echo "usage: completion_shells_test.sh BUILD_DIR bash|zsh|fish" >&2
  exit 2
  ;;
esac
echo "$shell: completion ok"
