# The benchmark's routine fixtures, sourced by tests/bench/run.sh and linted by
# tests/bench/fixtures_lint_test.sh (CTest: bench.fixtures_lint), so they stay lint-clean under the
# rules of the day.
# shellcheck shell=sh

# routine FILE SECONDS: one thoracic hold paced by breaths of 4 + 6 s after the 5 s get-ready, so
# events fall every few seconds; SECONDS in all. A timing fixture, not a routine to follow: its
# length is the measurement, so the two technique rules a lone hold trips are silenced by name
# and it stays lint-clean (roll lint --strict); intermediate, as a beginner would not hold a spot
# this long.
routine() {
  cat >"$1" <<TOML
schema = 1
name = "$(basename "$1" .toml)"
title = "Bench $2 s"
level = "intermediate"

[lint]
allow = ["move-after", "two-minute-zone"]

[[step]]
name = "Extension"
kind = "hold"
zone = "thoracic"
seconds = $(($2 - 5))
TOML
}
# The compressed run: 15:00 of the kinds of steps the bundled routines have (breaths, positions,
# reps, a stretch, a movement), so every kind of event is in it.
long_routine() {
  {
    printf 'schema = 1\nname = "fifteen"\ntitle = "Fifteen minutes"\nlevel = "intermediate"\n'
    # 6 x (5+60+3 + 5+40) + 5+32 + 5+180 = 900 s, ending with the three minutes of movement
    # move-after asks for; rolls of 10 reps of 4 s (rep-range's dose, slow-tempo's pace), so the
    # fixture is lint-clean under the current rules.
    for zone in thoracic lats glutes thoracic lats glutes; do
      printf '\n[[step]]\nname = "%s hold"\nkind = "hold"\nzone = "%s"\n' "$zone" "$zone"
      printf 'breaths = 3\npositions = 2\nbreath = { inhale = 4, exhale = 6 }\n'
      printf '\n[[step]]\nname = "%s roll"\nkind = "roll"\nzone = "%s"\nreps = 10\nrep_seconds = 4\n' \
        "$zone" "$zone"
    done
    printf '\n[[step]]\nname = "Chest opener"\nkind = "stretch"\nzone = "chest"\nseconds = 32\n'
    printf '\n[[step]]\nname = "Cat-cow"\nkind = "movement"\nzone = "full-body"\nseconds = 180\n'
  } >"$1"
}
