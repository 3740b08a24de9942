#!/bin/sh
# Every C++ file is as clang-format (.clang-format) would write it. Skips (77) without clang-format,
# so a user's build never needs it; CI installs it.
# Usage: format_check.sh SOURCE_DIR
set -u
cd "$1" || exit 2
FORMAT=$(command -v clang-format || command -v clang-format-14) || {
  echo "SKIPPED: clang-format not found"
  exit 77
}
files=$(find include src tests -name '*.cpp' -o -name '*.hpp' | sort)
# shellcheck disable=SC2086
if ! "$FORMAT" --dry-run --Werror $files; then
  echo "run: clang-format -i \$(find include src tests -name '*.cpp' -o -name '*.hpp')" >&2
  exit 1
fi
echo "$(echo "$files" | wc -l) files formatted"
