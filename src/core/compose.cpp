#include "roll/compose.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>

#include <algorithm>

#include "roll/plan.hpp"
#include "roll/pose.hpp"
#include "roll/user_limits.hpp"
#include "roll/walk.hpp"
#include "toml_edit.hpp"

namespace roll {

namespace {

using std::chrono::seconds;

constexpr std::string_view kFirstLowerBack =
    "first article: \"if your lower back hurts, the problem is almost always coming from your "
    "hips or your mid-back... open up the areas above and below it\"";
constexpr std::string_view kFirstNeck =
    "first article: a stiff thoracic spine (\"tech neck\") drags the shoulders forward, and tight "
    "lats pull them into internal rotation; the order is roll's own";
constexpr std::string_view kFirstShoulders =
    "first article: the lats pull the shoulders into internal rotation and a stiff thoracic "
    "spine drags them forward; the order is roll's own";
constexpr std::string_view kFirstMajor =
    "first article: its major zones (thoracic, lats, glutes), in its routine's order";
constexpr std::string_view kOwnBlades =
    "roll's own reading: the muscles around the shoulder blades are worked through the mid-back, "
    "the lats and the shoulders";
constexpr std::string_view kOwnHips =
    "roll's own reading: the first article's glute connection \"leans into the hip\", so the "
    "glutes stand next to the hips";
constexpr std::string_view kOwnLegs =
    "roll's own reading: the glutes are the nearest zone the bundled steps work";
constexpr std::string_view kNone = "roll has no bundled steps near this zone";

// Seconds per pass on one spot. The second article's "no more than 30 seconds of focus on each
// spot" for a beginner (kBeginnerSpotSeconds, user_limits.hpp); the 60 s and 20 s bounds for the
// others are roll's own reading (the first article's lat release is 60 s; less than 20 s on a spot
// is barely a hold).
constexpr int kSpotSecondsMax = 60;
constexpr int kSpotSecondsMin = 20;
// The first article's thoracic extension climbs from the base of the rib cage to the top of the
// shoulders an inch at a time: the bundled climb's ten positions reach it on most backs (roll's
// own reading), and the session ends it sooner at the top. roll's own bounds for the other zones:
// eight positions down the lats would pass the lowest rib, so walk.hpp's limit holds them; six
// one-inch spots cross a glute or a hip.
constexpr int kClimbPositions = 10;
constexpr int kPositionsMax = 8;
constexpr int kAcrossPositions = 6;
// The first article's 2-minute rule for its major zones, and its 60 s a side for the lats.
constexpr int kMajorZoneSeconds = 120;
// The second article's first session: 5 minutes, counted on the roller (the linter's rule).
constexpr int kBeginnerOnRollerSeconds = 5 * 60;
// The first article: "Spend three minutes doing active stretches".
constexpr int kMovementSeconds = 180;

// Which way a composed step goes between its spots: the mid-back up from the base of the rib cage
// (the first article's climb), the lats down the side from the armpit, every other zone across the
// muscle at one height (the glutes and hips never up, toward the sacrum).
Move composed_move(Zone zone) {
  if (zone == Zone::thoracic) return Move::up;
  if (zone == Zone::lats) return Move::down;
  return Move::across;
}

int sides(const Step& step) {
  return step.side == Side::both ? 2 : 1;
}

// Lower is better: a hold, timed in seconds or breaths, from a routine at the user's level.
int template_rank(const Routine& from, const Step& step, Level level) {
  int rank = 0;
  if (step.kind == StepKind::roll) rank += 1;
  if (step.kind == StepKind::stretch) rank += 2;
  if (step.unit == TimingUnit::reps) rank += 4;
  if (from.level != level) rank += 8;
  return rank;
}

std::optional<Step> pick_template(Zone zone, const std::vector<Routine>& bundled, Level level) {
  const Step* best = nullptr;
  int best_rank = 0;
  for (const Routine& routine : bundled) {
    if (routine.purpose == Purpose::warm_up) continue;  // brisk rolling is for a warm-up only
    for (const Step& step : routine.steps) {
      if (!on_roller(step) || step.zone != zone || step.kind == StepKind::rest) continue;
      // Composed steps lie across the body; a roller along the spine cannot move between spots.
      if (step.along) continue;
      if (step.tempo == Tempo::fast || step.kind == StepKind::pivot) continue;
      int rank = template_rank(routine, step, level);
      if (best == nullptr || rank < best_rank) {
        best = &step;
        best_rank = rank;
      }
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

std::optional<Step> pick_movement(const std::vector<Routine>& bundled) {
  for (const Routine& routine : bundled) {
    if (routine.purpose == Purpose::warm_up) continue;
    for (const Step& step : routine.steps) {
      if (step.kind == StepKind::movement && step.zone == Zone::full_body &&
          step.unit == TimingUnit::seconds && step.total_seconds() == kMovementSeconds) {
        return step;
      }
    }
  }
  return std::nullopt;
}

// A template made ready to scale: timed in seconds per spot, at one position, at the level's
// intensity. A step timed in breaths keeps its breaths when a spot of them is a beginner's at most
// (its cue may say "after three breaths, move the roller up": a spot timed otherwise would have
// the person move before the get-ready says so, and again when it does); it grows by positions
// only. A reps step keeps its reps (10-15, the second article's dose) and is not scaled.
Step prepare(Step step, Level level) {
  // Every level starts at the beginner's 30 s a spot, so positions fill the time in small steps;
  // the seconds per spot grow afterwards, up to the level's cap.
  bool keep_breaths =
      step.unit == TimingUnit::breaths && step.seconds_per_pass() <= kBeginnerSpotSeconds;
  if (step.unit == TimingUnit::reps) {
    step.count = std::clamp(step.count, 10, 15);
  } else if (!keep_breaths) {
    step.count = std::clamp(step.seconds_per_pass(), kSpotSecondsMin, kBeginnerSpotSeconds);
    step.unit = TimingUnit::seconds;
    step.breath = Breath{};
  }
  step.positions = 1;
  step.move = composed_move(*step.zone);
  int ceiling = level == Level::beginner ? kGentleIntensity : kIntensityCap;
  if (step.intensity) step.intensity = std::min(*step.intensity, ceiling);
  step.allow.clear();
  step.source = SourceMap{};
  return step;
}

bool scalable(const Step& step) {
  return on_roller(step) && step.unit != TimingUnit::reps;
}

// The most positions a composed step gets: never past walk.hpp's limit for its way.
int most_positions(const Step& step) {
  if (!step.zone || !step.move) return 1;
  int cap = *step.move == Move::up       ? kClimbPositions
            : *step.move == Move::across ? kAcrossPositions
                                         : kPositionsMax;
  return std::min(cap, walk_limit(*step.zone, *step.move, false).positions);
}

// The least that still meets the first article's 2-minute rule on a major zone.
void meet_minimum(Step& step) {
  if (!step.zone || !is_major_zone(*step.zone) || !scalable(step)) return;
  int per_position = step.seconds_per_pass() * sides(step);
  step.positions =
      std::clamp((kMajorZoneSeconds + per_position - 1) / per_position, 1, most_positions(step));
}

int on_roller_seconds(const Routine& routine) {
  int total = 0;
  for (const Step& step : routine.steps) {
    if (on_roller(step)) total += step.total_seconds();
  }
  return total;
}

long long total_seconds(const Routine& routine) {
  return std::chrono::duration_cast<seconds>(make_plan(routine).total).count();
}

bool fits(const Routine& routine, long long limit) {
  if (total_seconds(routine) > limit) return false;
  return routine.level != Level::beginner || on_roller_seconds(routine) <= kBeginnerOnRollerSeconds;
}

std::string zone_words(Zone zone) {
  switch (zone) {
    case Zone::lumbar:
      return "lower back";
    case Zone::thoracic:
      return "mid-back";
    case Zone::it_band:
      return "IT band";
    case Zone::full_body:
      return "whole body";
    default:
      return std::string(zone_name(zone));
  }
}

}  // namespace

Surroundings surrounding_zones(Zone tight) {
  using Z = Zone;
  switch (tight) {
    case Z::lumbar:
      return {{Z::hips, Z::glutes, Z::thoracic}, kFirstLowerBack};
    case Z::neck:
      return {{Z::thoracic, Z::lats, Z::shoulders}, kFirstNeck};
    case Z::thoracic:
      return {{Z::lats, Z::shoulders, Z::thoracic}, kFirstShoulders};
    case Z::lats:
      return {{Z::thoracic, Z::shoulders, Z::lats}, kFirstShoulders};
    case Z::shoulders:
      return {{Z::thoracic, Z::lats, Z::shoulders}, kFirstShoulders};
    case Z::chest:
    case Z::rhomboids:
    case Z::traps:
      return {{Z::thoracic, Z::lats, Z::shoulders}, kOwnBlades};
    case Z::glutes:
    case Z::hips:
      return {{Z::hips, Z::glutes}, kOwnHips};
    case Z::hamstrings:
    case Z::it_band:
      return {{Z::glutes}, kOwnLegs};
    case Z::full_body:
      return {{Z::thoracic, Z::lats, Z::glutes}, kFirstMajor};
    default:  // quads, calves and the joints
      return {{}, kNone};
  }
}

int compose_max_minutes(Level level) {
  return level == Level::beginner ? 8 : 15;
}

int compose_default_minutes(Level level) {
  switch (level) {
    case Level::beginner:
      return 8;
    case Level::intermediate:
      return 10;
    default:
      return 12;
  }
}

ComposeResult compose_routine(const ComposeRequest& request, const std::vector<Routine>& bundled) {
  ComposeResult result;
  int minutes = request.minutes.value_or(compose_default_minutes(request.level));
  int most = compose_max_minutes(request.level);
  if (minutes < kComposeMinMinutes || minutes > most) {
    result.error = fmt::format(
        "--minutes {} is out of range: a {} session is {}-{} minutes (roll's own reading of the "
        "second article's 5-minute first session and 10-15 minute sessions)",
        minutes, to_string(request.level), kComposeMinMinutes, most);
    return result;
  }
  Surroundings around = surrounding_zones(request.tight);
  if (around.zones.empty()) {
    result.error = fmt::format(
        "roll has no bundled steps near the {}; the bundled routines work the mid-back, lats, "
        "shoulders and glutes",
        zone_words(request.tight));
    return result;
  }

  Routine routine;
  routine.name =
      request.name.empty() ? fmt::format("tight-{}", zone_name(request.tight)) : request.name;
  routine.title = fmt::format("Around a tight {}", zone_words(request.tight));
  routine.level = request.level;
  routine.roller = request.roller;
  if (request.level == Level::beginner && request.roller != Roller::soft) {
    routine.roller = Roller::soft;
    result.notes.push_back(fmt::format(
        "a soft roller, not your {}: beginners start with a soft one (roll's own, safer reading "
        "of the articles: see `roll explain beginner-roller`)",
        tool_phrase(request.roller).substr(2)));
  }
  routine.purpose = Purpose::release;
  routine.resume_after_injury_hours = 72;
  routine.sources = {std::string(around.source),
                     "composed by roll suggest from the bundled routines' steps"};

  auto injured = [&](Zone zone) -> const Injury* {
    for (const Injury& injury : request.injuries) {
      if (!injury.cleared && guards(injury.zone, zone)) return &injury;
    }
    return nullptr;
  };

  long long target = minutes * 60LL;
  long long upper = target + target / 10;
  std::optional<Step> movement = pick_movement(bundled);
  if (!movement) {
    result.error = "no bundled routine has three minutes of movement to end with";
    return result;
  }
  for (Zone zone : around.zones) {
    if (is_forbidden_zone(zone)) continue;  // surrounding_zones never lists one; kept as a guard
    if (const Injury* injury = injured(zone)) {
      result.notes.push_back(fmt::format(
          "left out the {}: an open {} on the {} (roll injury list)", zone_words(zone),
          injury->note == kPainStopNote ? "pain stop" : "injury", zone_words(injury->zone)));
      continue;
    }
    std::optional<Step> step = pick_template(zone, bundled, request.level);
    if (!step) {
      result.notes.push_back(
          fmt::format("no bundled step presses the {}; the others stand in", zone_words(zone)));
      continue;
    }
    Step ready = prepare(*step, request.level);
    meet_minimum(ready);
    Routine trial = routine;
    trial.steps.push_back(ready);
    trial.steps.push_back(*movement);
    if (!fits(trial, upper)) {
      result.notes.push_back(
          fmt::format("no time for the {} in {} minutes", zone_words(zone), minutes));
      continue;
    }
    routine.steps.push_back(ready);
  }
  if (routine.steps.empty()) {
    result.error = fmt::format(
        "nothing left to press around the {}: every area near it is injured or out of time; "
        "see `roll injury list`",
        zone_words(request.tight));
    return result;
  }
  routine.steps.push_back(*movement);

  // Grow toward the minutes asked for: a position more where one fits, then a second more per
  // spot, round the steps in turn, never past the target.
  auto grow = [&](long long limit, auto&& bump, auto&& can) {
    bool grew = true;
    while (grew) {
      grew = false;
      for (Step& step : routine.steps) {
        if (!scalable(step) || !can(step)) continue;
        Step saved = step;
        bump(step);
        if (fits(routine, limit)) {
          grew = true;
        } else {
          step = saved;
        }
      }
    }
  };
  int cap = request.level == Level::beginner ? kBeginnerSpotSeconds : kSpotSecondsMax;
  auto more_positions = [](Step& s) { ++s.positions; };
  auto room_for_positions = [](const Step& s) { return s.positions < most_positions(s); };
  grow(target, more_positions, room_for_positions);
  grow(
      target, [](Step& s) { ++s.count; },
      [&](const Step& s) { return s.unit == TimingUnit::seconds && s.count < cap; });
  // Still short of 90% when one more position would overshoot the target: overshoot it, within
  // the 10% and never past the linter's 15-minute session.
  if (total_seconds(routine) * 10 < target * 9) {
    grow(std::min(upper, 15 * 60LL), more_positions, room_for_positions);
  }

  long long total = total_seconds(routine);
  if (total * 10 < target * 9 || total > upper) {
    result.error = fmt::format(
        "cannot fill {} minutes around the {} at a {} level (the steps there last {} s at most); "
        "ask for fewer with --minutes",
        minutes, zone_words(request.tight), to_string(request.level), total);
    return result;
  }
  for (Step& step : routine.steps) {
    // One position goes nowhere: no `move` to declare.
    if (step.positions == 1) step.move.reset();
    // Every step names its figure, as the bundled ones do: the template's pose travels with its
    // cue, and a step without one gets the default rule's, written out for the user to see.
    step.pose = std::string(to_string(step_figure(step).pose));
  }
  routine.summary = fmt::format(
      "Composed by roll suggest for a tight {}: the areas around it, never the lower back, neck "
      "or joints, then three minutes of movement. About {} minutes.",
      zone_words(request.tight), (total + 30) / 60);
  result.routine = std::move(routine);
  return result;
}

namespace {

std::string comment(std::string_view text) {
  std::string out;
  for (char c : text) {
    // A comment cannot hold a newline or another control character.
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string routine_to_toml(const Routine& routine, const std::vector<std::string>& notes) {
  std::string out = fmt::format(
      "# {}: made by `roll suggest`. Check it with `roll lint --strict`.\n", comment(routine.name));
  for (const std::string& note : notes) out += fmt::format("# Note: {}\n", comment(note));
  out += fmt::format("schema = {}\n", routine.schema);
  out += fmt::format("name = {}\n", detail::toml_quoted(routine.name));
  out += fmt::format("title = {}\n", detail::toml_quoted(routine.title));
  if (!routine.summary.empty())
    out += fmt::format("summary = {}\n", detail::toml_quoted(routine.summary));
  out += fmt::format("level = {}\n", detail::toml_quoted(to_string(routine.level)));
  out += fmt::format("roller = {}\n", detail::toml_quoted(to_string(routine.roller)));
  out += fmt::format("purpose = {}\n", detail::toml_quoted(to_string(routine.purpose)));
  if (routine.resume_after_injury_hours) {
    out += fmt::format("resume_after_injury_hours = {}\n", *routine.resume_after_injury_hours);
  }
  if (!routine.sources.empty()) {
    out += "sources = [\n";
    for (const std::string& s : routine.sources)
      out += fmt::format("  {},\n", detail::toml_quoted(s));
    out += "]\n";
  }
  for (const Step& step : routine.steps) {
    out += "\n[[step]]\n";
    out += fmt::format("name = {}\n", detail::toml_quoted(step.name));
    out += fmt::format("kind = {}\n", detail::toml_quoted(to_string(step.kind)));
    if (step.zone) out += fmt::format("zone = {}\n", detail::toml_quoted(zone_name(*step.zone)));
    if (step.side != Side::none)
      out += fmt::format("side = {}\n", detail::toml_quoted(to_string(step.side)));
    out += fmt::format("{} = {}\n", to_string(step.unit), step.count);
    if (step.unit == TimingUnit::reps) out += fmt::format("rep_seconds = {}\n", step.rep_seconds);
    if (step.unit == TimingUnit::breaths && step.breath != Breath{}) {
      out += fmt::format("breath = {{ inhale = {}, hold_in = {}, exhale = {}, hold_out = {} }}\n",
                         step.breath.inhale, step.breath.hold_in, step.breath.exhale,
                         step.breath.hold_out);
    }
    if (step.positions > 1) out += fmt::format("positions = {}\n", step.positions);
    if (step.move) out += fmt::format("move = {}\n", detail::toml_quoted(to_string(*step.move)));
    if (step.along) out += fmt::format("along = {}\n", detail::toml_quoted(to_string(*step.along)));
    if (!step.pose.empty()) out += fmt::format("pose = {}\n", detail::toml_quoted(step.pose));
    if (step.intensity) out += fmt::format("intensity = {}\n", *step.intensity);
    if (step.kind == StepKind::roll)
      out += fmt::format("tempo = {}\n", detail::toml_quoted(to_string(step.tempo)));
    if (step.on_roller_key) out += fmt::format("on_roller = {}\n", *step.on_roller_key);
    if (!step.cue.empty()) out += fmt::format("cue = {}\n", detail::toml_quoted(step.cue));
  }
  return out;
}

}  // namespace roll
