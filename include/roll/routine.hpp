#pragma once
// The routine model: what a routine file says, validated and with defaults applied.
// Produced by load_routine() (load.hpp); the plan, linter and session read it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/name_table.hpp"
#include "roll/zone.hpp"

namespace roll {

enum class Level { beginner, intermediate, advanced };
enum class Roller { soft, medium, firm, textured, peanut, ball };
enum class Purpose { release, warm_up, recovery, bedtime, break_ };
enum class StepKind { hold, roll, pivot, stretch, movement, rest };
enum class Side { none, left, right, both };
enum class Tempo { slow, fast };
enum class TimingUnit { seconds, breaths, reps };
// Which way the roller goes between a step's positions, as the person on it sees their body: `up`
// toward the head, `down` toward the feet, `across` sideways over the muscle, at the same height.
enum class Move { up, down, across };
// How the roller lies under the body when not across it: `spine` is lengthwise, under the spine
// (the second article's shoulder techniques and snow angels).
enum class Along { spine };

// The names routine files and roll's output use, one table per enum (name_table.hpp): they drive
// to_string, the loader's parsing and the choices its messages list, in this order.
inline constexpr NameTable<Level, 3> kLevelNames{{
    {Level::beginner, "beginner"},
    {Level::intermediate, "intermediate"},
    {Level::advanced, "advanced"},
}};
inline constexpr NameTable<Roller, 6> kRollerNames{{
    {Roller::soft, "soft"},
    {Roller::medium, "medium"},
    {Roller::firm, "firm"},
    {Roller::textured, "textured"},
    {Roller::peanut, "peanut"},
    {Roller::ball, "ball"},
}};
inline constexpr NameTable<Purpose, 5> kPurposeNames{{
    {Purpose::release, "release"},
    {Purpose::warm_up, "warm-up"},
    {Purpose::recovery, "recovery"},
    {Purpose::bedtime, "bedtime"},
    {Purpose::break_, "break"},
}};
inline constexpr NameTable<StepKind, 6> kStepKindNames{{
    {StepKind::hold, "hold"},
    {StepKind::roll, "roll"},
    {StepKind::pivot, "pivot"},
    {StepKind::stretch, "stretch"},
    {StepKind::movement, "movement"},
    {StepKind::rest, "rest"},
}};
// In the order the loader's message lists them, `none` last.
inline constexpr NameTable<Side, 4> kSideNames{{
    {Side::left, "left"},
    {Side::right, "right"},
    {Side::both, "both"},
    {Side::none, "none"},
}};
inline constexpr NameTable<Tempo, 2> kTempoNames{{
    {Tempo::slow, "slow"},
    {Tempo::fast, "fast"},
}};
inline constexpr NameTable<TimingUnit, 3> kTimingUnitNames{{
    {TimingUnit::seconds, "seconds"},
    {TimingUnit::breaths, "breaths"},
    {TimingUnit::reps, "reps"},
}};
inline constexpr NameTable<Move, 3> kMoveNames{{
    {Move::up, "up"},
    {Move::down, "down"},
    {Move::across, "across"},
}};
inline constexpr NameTable<Along, 1> kAlongNames{{
    {Along::spine, "spine"},
}};

[[nodiscard]] constexpr std::string_view to_string(Level v) {
  return name_in(kLevelNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(Roller v) {
  return name_in(kRollerNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(Purpose v) {
  return name_in(kPurposeNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(StepKind v) {
  return name_in(kStepKindNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(Side v) {
  return name_in(kSideNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(Tempo v) {
  return name_in(kTempoNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(TimingUnit v) {
  return name_in(kTimingUnitNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(Move v) {
  return name_in(kMoveNames, v);
}
[[nodiscard]] constexpr std::string_view to_string(Along v) {
  return name_in(kAlongNames, v);
}

// What the user holds, as roll's words name it: "roller" for every foam roller, "ball" or
// "peanut" (two balls joined, the first article's tool for the muscles beside the spine).
[[nodiscard]] constexpr std::string_view tool_word(Roller v) {
  return v == Roller::ball ? "ball" : v == Roller::peanut ? "peanut" : "roller";
}
// The tool with its kind: "a medium roller", "a ball", "a peanut".
[[nodiscard]] std::string tool_phrase(Roller v);

// Hold, roll and pivot are the roller pressing the zone, always. Whether any step is on the
// roller is on_roller(), below: that is the question every pressure rule asks.
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
  std::optional<bool> on_roller_key;  // `on_roller` as written, if it was
  // The direction between positions, as declared; without it roll's words name no direction.
  std::optional<Move> move;
  std::optional<Along> along;  // `along = "spine"`: the roller lies lengthwise under the spine
  // The `pose` key as written ("snow-angel"), empty when the step names none; which figure that
  // is, and the default for a step without one, is pose.hpp's (step_figure). A name roll does not
  // know loads (a routine written for a later roll still runs) and `roll lint` warns on it.
  std::string pose;
  SourceMap source;

  // Seconds of one pass: one side, one position.
  [[nodiscard]] int seconds_per_pass() const;
  // Passes: positions x (2 if side is both, else 1).
  [[nodiscard]] int passes() const;
  [[nodiscard]] int total_seconds() const { return seconds_per_pass() * passes(); }
};

// A climb: positions that go up the body. Its `positions` is a maximum: the session lets the user
// end it at the top (the first article's thoracic extension goes up "until you reach the top of
// your shoulders", which is nearer on a smaller back).
[[nodiscard]] bool is_climb(const Step& step);

// The zones a step on the roller presses: its own zone and, for a roller lying along the spine,
// the thoracic spine as well (the injury gate and the bone caution ask this). Empty for a step off
// the roller.
[[nodiscard]] std::vector<Zone> pressed_zones(const Step& step);

// Whether the roller is under the body during `step`, pressing its zone. A step is on the roller
// unless it is a `movement`, a `rest` without a zone (resting on the floor), or says
// `on_roller = false`; a hold, roll or pivot always is, and `on_roller = true` puts any step on
// it. Snow angels along the roller are a stretch, and the roller is under the spine.
[[nodiscard]] bool on_roller(const Step& step);

struct Routine {
  int schema = 1;
  std::string name;
  std::string title;
  std::string summary;
  Level level = Level::beginner;
  Roller roller = Roller::soft;
  Purpose purpose = Purpose::release;
  std::optional<int> resume_after_injury_hours;
  std::vector<std::string> sources;
  std::vector<std::string> allow;  // [lint] allow
  std::vector<Step> steps;
  SourceMap source;  // keys of the top level, plus "lint.allow" and "lint.allow.N"
};

// The first article: "Spend three minutes doing active stretches" after rolling.
inline constexpr int kMoveAfterSeconds = 3 * 60;

// Seconds of `movement` after the last step on the roller (both sides, every position; get-ready
// not counted); nothing when no step is on the roller. The one reading both the `move-after` rule
// and the session's after-care use, so the linter and the end screen can never disagree.
[[nodiscard]] std::optional<int> movement_after_last_pressure(const Routine& routine);

// Whether the routine already moves kMoveAfterSeconds after its last step on the roller (or never
// uses the roller): else `move-after` warns and the session's end offers a timed block.
[[nodiscard]] bool moves_enough_after(const Routine& routine);

// The zones the steps press or move, each once, in order of first use: what `roll list` and
// `roll show` print.
[[nodiscard]] std::vector<std::string> zones_in_order(const Routine& routine);

}  // namespace roll
