#!/bin/sh
# The layers of src/cli hold: only the dispatcher (app.cpp) and main include the dispatcher's
# header (cli/app.hpp); no helper includes a command (cli/commands.hpp, cli/commands/*); no command
# includes another command's header; and only cli/user_data.cpp reads the profile or opens the
# history database, which the dispatcher hands to the commands.
# Usage: cli_layers.sh SOURCE_DIR [--graph]   (--graph: print every include among src/cli, then check)
set -u
cd "$1/src" || exit 2
edges=$(find cli -name '*.[ch]pp' | sort | while read -r f; do
  sed -n 's/^#include "\(cli\/[^"]*\)".*/\1/p' "$f" | while read -r to; do echo "$f -> $to"; done
done)
[ "${2:-}" = "--graph" ] && echo "$edges"
bad=0
fail() {
  echo "$1" >&2
  bad=1
}
for edge in $(echo "$edges" | sed 's/ -> /->/'); do
  from=${edge%%->*}
  to=${edge#*->}
  case "$to" in
    cli/app.hpp) [ "$from" = cli/app.cpp ] || fail "$from includes the dispatcher's cli/app.hpp" ;;
    cli/commands.hpp | cli/commands/*)
      case "$from" in
        cli/app.cpp) ;;
        cli/commands/*)
          # A command's file may include its own header and commands.hpp, no other command's.
          own="cli/commands/$(basename "${from%.*}").hpp"
          [ "$to" = cli/commands.hpp ] || [ "$to" = "$own" ] || fail "$from includes $to, another command"
          ;;
        *) fail "$from includes $to: a helper includes a command" ;;
      esac
      ;;
  esac
done
opens=$(grep -rnE 'read_profile\(|HistoryStore>\(|HistoryStore::default_file' cli |
  grep -v '^cli/user_data\.[ch]pp:')
[ -z "$opens" ] || fail "the profile or the history opened outside cli/user_data.cpp:
$opens"
[ $bad = 0 ] && echo "src/cli: $(echo "$edges" | wc -l) includes, layers kept"
exit $bad
