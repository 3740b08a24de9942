#!/usr/bin/env bash
# Times `roll lint` on 1,000 generated routine files in one command (issue #3: well under a
# second). Every tenth file puts the roller on the lower back, so the text output and the
# source-line lookups are part of what is measured.
#
# Usage: tests/bench/lint_speed.sh [path/to/roll]    (default: build/release/bin/roll)
# Build it first: cmake --workflow --preset release
set -euo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
roll="${1:-$here/build/release/bin/roll}"
count="${COUNT:-1000}"
[[ -x "$roll" ]] || { echo "no roll binary at $roll (cmake --workflow --preset release)" >&2; exit 2; }

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

mkdir -p "$dir/generated"
for ((i = 0; i < count; i++)); do
  zone="thoracic"
  ((i % 10 == 9)) && zone="Lower Back"
  cat >"$dir/generated/routine-$i.toml" <<TOML
schema = 1
name = "routine-$i"
title = "Generated routine $i"
summary = "Extension, lats and glutes, then movement."
level = "intermediate"
roller = "medium"
resume_after_injury_hours = 72
sources = ["first article: back-stretches-using-foam-roller"]

[[step]]
name = "Thoracic extension"
kind = "hold"
zone = "$zone"
breaths = 3
positions = 4
breath = { inhale = 4, exhale = 6 }
intensity = $((4 + i % 3))
cue = "Lean back over the roller and breathe out. Move it up an inch after three breaths."

[[step]]
name = "Lat release"
kind = "hold"
zone = "lats"
side = "both"
seconds = 60
intensity = 6

[[step]]
name = "Glute connection"
kind = "roll"
zone = "glutes"
side = "both"
reps = 12
rep_seconds = 5

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 60
TOML
done

measure() {
  echo "roll lint $* ($("$roll" --version))"
  "$roll" lint "$@" | tail -n 1 || true
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs 20 --ignore-failure "'$roll' lint $* >/dev/null"
  else
    local runs=10 start end
    start=$(date +%s%N)
    for ((r = 0; r < runs; r++)); do "$roll" lint "$@" >/dev/null || true; done
    end=$(date +%s%N)
    echo "mean: $(((end - start) / runs / 1000000)) ms over $runs runs"
  fi
}

measure "$dir/generated"
# Also the bundled routines, renamed 1,000 times over, and one routine just under the 1 MiB cap.
if command -v python3 >/dev/null; then
  python3 "$here/tests/bench/make_routines.py" "$dir/bundled" "$count" --large
  measure "$dir/bundled"
  measure "$dir/large"
fi
