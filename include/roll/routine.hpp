#pragma once
// The routine model: what a routine file says, validated and with defaults applied.
// Produced by load_routine() (load.hpp); the plan, linter and session read it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/zone.hpp"

namespace roll {

enum class Level { beginner, intermediate, advanced };
enum class Roller { soft, medium, firm, textured, peanut, ball };
enum class Purpose { release, warm_up, recovery, bedtime, break_ };
enum class StepKind { hold, roll, pivot, stretch, movement, rest };
enum class Side { none, left, right, both };
enum class Tempo { slow, fast };
enum class TimingUnit { seconds, breaths, reps };

[[nodiscard]] std::string_view to_string(Level);
[[nodiscard]] std::string_view to_string(Roller);
[[nodiscard]] std::string_view to_string(Purpose);  // "warm-up", "break"
[[nodiscard]] std::string_view to_string(StepKind);
[[nodiscard]] std::string_view to_string(Side);
[[nodiscard]] std::string_view to_string(Tempo);
[[nodiscard]] std::string_view to_string(TimingUnit);

// Hold, roll and pivot press the roller into the zone; the others do not.
[[nodiscard]] bool puts_pressure(StepKind kind);

// Seconds per phase of one breath.
struct Breath {
  int inhale = 4;
  int hold_in = 0;
  int exhale = 6;
  int hold_out = 0;

  [[nodiscard]] int cycle_seconds() const { return inhale + hold_in + exhale + hold_out; }
  friend bool operator==(const Breath&, const Breath&) = default;
};

// Where each key of a table sits in the source, keyed by the TOML key as written in the format
// ("zone", "seconds", "breath.inhale", "allow.0"). `table` is the table header itself, used when a
// problem has no single key (e.g. a missing required key).
struct SourceMap {
  SourceRange table;
  std::map<std::string, SourceRange, std::less<>> keys;
  // The value alone, same names: the linter points at `8` in `intensity = 8`, not at the key.
  std::map<std::string, SourceRange, std::less<>> values;

  // The key's position if present, else the table's.
  [[nodiscard]] SourceRange at(std::string_view key) const;
  // The value's position if present, else the table's.
  [[nodiscard]] SourceRange value_at(std::string_view key) const;
};

struct Step {
  std::string name;
  StepKind kind = StepKind::hold;
  std::optional<Zone> zone;  // empty only for `rest`
  std::string zone_text;     // as written, for messages
  Side side = Side::none;
  TimingUnit unit = TimingUnit::seconds;
  int count = 0;  // seconds, breaths or reps, per unit
  int positions = 1;
  Breath breath;
  int rep_seconds = 4;
  std::optional<int> intensity;
  Tempo tempo = Tempo::slow;
  std::string cue;
  std::vector<std::string> allow;
  SourceMap source;

  // Seconds of one pass: one side, one position.
  [[nodiscard]] int seconds_per_pass() const;
  // Passes: positions x (2 if side is both, else 1).
  [[nodiscard]] int passes() const;
  [[nodiscard]] int total_seconds() const { return seconds_per_pass() * passes(); }
};

// The step has the body on the roller: every step but a movement and a rest without a zone
// (resting on the floor). What "planned time on the roller" in the completed/partial rule counts.
[[nodiscard]] bool on_roller(const Step& step);

struct Routine {
  int schema = 1;
  std::string name;
  std::string title;
  std::string summary;
  Level level = Level::beginner;
  Roller roller = Roller::medium;
  Purpose purpose = Purpose::release;
  std::optional<int> resume_after_injury_hours;
  std::vector<std::string> sources;
  std::vector<std::string> allow;  // [lint] allow
  std::vector<Step> steps;
  SourceMap source;  // keys of the top level, plus "lint.allow" and "lint.allow.N"
};

}  // namespace roll
