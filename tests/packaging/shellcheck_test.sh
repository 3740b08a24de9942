#!/bin/sh
# The bash completion roll generates passes shellcheck (SC2207 was its word splitting of
# file names). Usage: shellcheck_test.sh BUILD_DIR. Exit 77 (skipped) without shellcheck.
set -eu
build=$1
command -v shellcheck >/dev/null 2>&1 || { echo "SKIPPED: no shellcheck"; exit 77; }
shellcheck --shell=bash --severity=style "$build/share/bash-completion/completions/roll"
echo "shellcheck: clean ($(shellcheck --version | sed -n 's/^version: //p'))"
