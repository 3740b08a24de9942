#include "roll/lint.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

#include "roll/duration.hpp"
#include "roll/plan.hpp"
#include "roll/pose.hpp"
#include "roll/rules.hpp"
#include "roll/suggest.hpp"
#include "roll/user_limits.hpp"
#include "roll/walk.hpp"

namespace roll {

namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

constexpr int kInjuryWaitHours = 48;
constexpr Millis kMajorZoneMinimum = seconds(120);
constexpr Millis kLatPerSideMinimum = seconds(60);
// The second article's first session: "Try one 5 minute session". Counted on the roller only.
constexpr Millis kBeginnerOnRollerMaximum = seconds(5 * 60);
constexpr Millis kSessionMaximum = seconds(15 * 60);
constexpr int kRepsLow = 10;
constexpr int kRepsHigh = 15;
// roll's own reading, not an article's (see the breath-hold rule's rationale).
constexpr int kBreathHoldSeconds = 4;
// roll's own reading, not an article's (see the slow-tempo rule's rationale): a roll or pivot
// repetition shorter than this is fast, whatever its `tempo` says.
constexpr int kSlowRepSeconds = 4;

bool contains(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

long long truncated_seconds(Millis ms) {
  return duration_cast<seconds>(ms).count();
}

// How a step is named in messages: its number and its name as written.
std::string step_label(const Routine& routine, const Step& step) {
  auto index = static_cast<std::size_t>(&step - routine.steps.data());
  return fmt::format("step {} \"{}\"", index + 1, step.name);
}

std::string_view timing_key(const Step& step) {
  return to_string(step.unit);
}

class Linter {
 public:
  Linter(const Routine& routine, std::string_view file)
      : routine_(routine), file_(file), plan_(make_plan(routine)) {
    for (const auto& block : plan_.blocks) {
      if (!block.get_ready) step_work_[block.step] += block.length;
    }
  }

  std::vector<Diagnostic> run() {
    check_allow_lists();
    check_routine();
    for (const Step& step : routine_.steps) check_step(step);
    check_major_zones();
    check_lats_per_side();
    check_move_after();
    check_beginner_length();
    check_session_length();
    sort_diagnostics(out_);
    return std::move(out_);
  }

 private:
  const Routine& routine_;
  std::string_view file_;
  Plan plan_;
  std::map<std::size_t, Millis> step_work_;  // step index -> work time in the plan
  std::vector<Diagnostic> out_;

  // Reports `rule` unless it is a technique rule silenced by the routine or one of `steps`.
  void report(std::string_view rule_name, SourceRange where, std::string message,
              std::initializer_list<const Step*> steps = {}, std::string help = {}) {
    const Rule* rule = find_rule(rule_name);
    if (rule->kind == RuleKind::technique) {
      if (contains(routine_.allow, rule_name)) return;
      for (const Step* step : steps) {
        if (step && contains(step->allow, rule_name)) return;
      }
    }
    if (!where.known()) where = {1, 1, 1, 1};
    if (help.empty()) help = std::string(rule->fix);
    out_.push_back(Diagnostic{std::string(file_), where, rule->severity, std::string(rule_name),
                              std::move(message), std::move(help)});
  }

  std::size_t index_of(const Step& step) const {
    return static_cast<std::size_t>(&step - routine_.steps.data());
  }

  Millis work_of(const Step& step) const {
    auto it = step_work_.find(index_of(step));
    return it == step_work_.end() ? Millis{0} : it->second;
  }

  void check_allow_list(const std::vector<std::string>& allow, const SourceMap& source,
                        std::string_view prefix) {
    std::vector<std::string_view> silenceable;
    for (const Rule& rule : all_rules()) {
      if (rule.kind == RuleKind::technique) silenceable.push_back(rule.name);
    }
    for (std::size_t i = 0; i < allow.size(); ++i) {
      const std::string& name = allow[i];
      SourceRange where = source.at(fmt::format("{}{}", prefix, i));
      const Rule* rule = find_rule(name);
      if (rule && rule->kind == RuleKind::technique) continue;
      if (rule && rule->kind == RuleKind::safety) {
        report("allow-safety", where,
               fmt::format("`{}` is a safety rule and cannot be silenced; this entry has no effect",
                           name));
      } else if (rule) {
        report("allow-safety", where,
               fmt::format("`{}` is a {} rule and cannot be silenced; this entry has no effect",
                           name, rule_kind_name(rule->kind)));
      } else {
        auto guess = closest_match(name, silenceable);
        report("allow-unknown", where, fmt::format("`allow` names an unknown rule `{}`", name), {},
               guess.empty() ? std::string("run `roll rules` for the rules `allow` can silence")
                             : fmt::format("did you mean `{}`?", guess));
      }
    }
  }

  void check_allow_lists() {
    check_allow_list(routine_.allow, routine_.source, "lint.allow.");
    for (const Step& step : routine_.steps) check_allow_list(step.allow, step.source, "allow.");
  }

  void check_routine() {
    if (routine_.resume_after_injury_hours &&
        *routine_.resume_after_injury_hours < kInjuryWaitHours) {
      report("injury-wait", routine_.source.value_at("resume_after_injury_hours"),
             fmt::format("`resume_after_injury_hours` is {}; wait at least {} h (48-72 h) after "
                         "an acute injury",
                         *routine_.resume_after_injury_hours, kInjuryWaitHours));
    }
    // The articles disagree on the roller; the safer reading is roll's own (the rule's rationale).
    if (routine_.level == Level::beginner && routine_.roller != Roller::soft) {
      report("beginner-roller", routine_.source.value_at("roller"),
             fmt::format("a beginner routine with {}; beginners start with a soft roller (roll's "
                         "own, safer reading of the articles)",
                         tool_phrase(routine_.roller)));
    }
  }

  void check_pose(const Step& step, const std::string& label) {
    if (step.pose.empty() || find_pose(step.pose)) return;
    auto guess = nearest_pose(step.pose);
    report("unknown-pose", step.source.value_at("pose"),
           fmt::format("{} names the pose \"{}\", which this roll does not draw; it shows the "
                       "default figure, {}",
                       label, step.pose, to_string(step_figure(step).pose)),
           {&step},
           guess.empty() ? fmt::format("the poses are: {}", fmt::join(names_in(kPoseNames), ", "))
                         : fmt::format("did you mean `{}`?", guess));
  }

  void check_step(const Step& step) {
    std::string label = step_label(routine_, step);
    bool pressure = on_roller(step);
    if (pressure) {
      if (step.zone) check_forbidden_zone(step, label);
      check_pressure_zone(step, label);
      check_name_zone(step, label);
      check_walk(step, label);
    }
    if (step.intensity && *step.intensity > kIntensityCap) {
      report("intensity-cap", step.source.value_at("intensity"),
             fmt::format("{} asks for intensity {} of 10; the cap is {}", label, *step.intensity,
                         kIntensityCap));
    }
    check_tempo(step, label);
    check_pose(step, label);
    if (one_spot(step) && routine_.level == Level::beginner &&
        step.seconds_per_pass() > kBeginnerSpotSeconds) {
      report("beginner-spot", step.source.at(timing_key(step)),
             fmt::format("{} keeps one spot under the roller for {} s; a beginner routine stays "
                         "at most {} s on a spot",
                         label, step.seconds_per_pass(), kBeginnerSpotSeconds),
             {&step});
    }
    if (step.unit == TimingUnit::reps && (step.count < kRepsLow || step.count > kRepsHigh)) {
      report(
          "rep-range", step.source.at("reps"),
          fmt::format("{} has {} reps; the dose is {}-{}", label, step.count, kRepsLow, kRepsHigh),
          {&step});
    }
    if (pressure) check_breath_hold(step, label);
  }

  void check_tempo(const Step& step, const std::string& label) {
    if (routine_.purpose == Purpose::warm_up) return;
    if (step.tempo == Tempo::fast) {
      report("slow-tempo", step.source.value_at("tempo"),
             fmt::format("{} rolls fast in a routine whose purpose is \"{}\"; only a warm-up "
                         "rolls fast",
                         label, to_string(routine_.purpose)),
             {&step});
    } else if ((step.kind == StepKind::roll || step.kind == StepKind::pivot) &&
               step.unit == TimingUnit::reps && step.rep_seconds < kSlowRepSeconds) {
      bool roll = step.kind == StepKind::roll;
      report(
          "slow-tempo", step.source.value_at("rep_seconds"),
          fmt::format("{} {} in {} s; a {} repetition under {} s is fast (roll's own reading), "
                      "and only a warm-up {}",
                      label, roll ? "rolls one repetition" : "pivots once", step.rep_seconds,
                      roll ? "roll" : "pivot", kSlowRepSeconds, roll ? "rolls fast" : "goes fast"),
          {&step});
    }
  }

  void check_pressure_zone(const Step& step, const std::string& label) {
    if (step.along == Along::spine && step.zone && *step.zone != Zone::thoracic) {
      report("pressure-zone", step.source.value_at("zone"),
             fmt::format("{} lies along the spine (`along = \"spine\"`) with zone \"{}\": a roller "
                         "under the spine presses the thoracic spine",
                         label, step.zone_text));
      return;
    }
    if (step.zone && *step.zone != Zone::full_body) return;
    if (step.zone) {
      report("pressure-zone", step.source.value_at("zone"),
             fmt::format("{} is on the roller ({}) with zone \"{}\": the roller presses one zone, "
                         "not the whole body",
                         label, to_string(step.kind), step.zone_text));
    } else {
      report(
          "pressure-zone", step.source.table,
          fmt::format("{} is on the roller ({}) but names no zone", label, to_string(step.kind)));
    }
  }

  // Names only: a cue is an instruction and often says what not to roll ("stop before the low
  // back"), so reading cues would flag the careful routines.
  void check_name_zone(const Step& step, const std::string& label) {
    auto named = zones_named_in(step.name);
    if (step.zone && std::find(named.begin(), named.end(), *step.zone) != named.end()) return;
    for (Zone zone : named) {
      if (!is_forbidden_zone(zone)) continue;
      report(
          "name-zone", step.source.value_at("name"),
          fmt::format("{} is named after the {} but the roller is on the {} (zone \"{}\"); "
                      "name a step after where the roller goes",
                      label, zone_name(zone),
                      step.zone ? zone_name(*step.zone) : std::string_view("-"), step.zone_text));
      return;
    }
  }

  void check_forbidden_zone(const Step& step, const std::string& label) {
    SourceRange where = step.source.value_at("zone");
    auto kind = to_string(step.kind);
    switch (*step.zone) {
      case Zone::lumbar:
        report("no-lumbar", where,
               fmt::format("{} puts the roller ({}) under the lumbar spine (zone \"{}\"); never "
                           "roll the lower back",
                           label, kind, step.zone_text));
        break;
      case Zone::neck:
        report("no-neck", where,
               fmt::format("{} puts the roller ({}) under the neck (zone \"{}\"); never roll the "
                           "neck",
                           label, kind, step.zone_text));
        break;
      case Zone::knee:
      case Zone::ankle:
      case Zone::elbow:
        report("no-joints", where,
               fmt::format("{} puts the roller ({}) on the {} joint (zone \"{}\"); roll muscle, "
                           "not joints",
                           label, kind, zone_name(*step.zone), step.zone_text));
        break;
      default:
        break;
    }
  }

  // What the step declares, not its cue: `move` and `positions` on its zone (walk.hpp).
  void check_walk(const Step& step, const std::string& label) {
    if (!walks_too_far(step)) return;
    WalkLimit limit = walk_limit(*step.zone, *step.move, step.along == Along::spine);
    std::string where = step.along == Along::spine
                            ? "lying along the spine"
                            : fmt::format("on the {}", zone_name(*step.zone));
    std::string message =
        limit.positions <= 1
            ? fmt::format(
                  "{} moves the roller {} between its {} positions {}: from {} that "
                  "walks {}",
                  label, to_string(*step.move), step.positions, where, limit.from, limit.toward)
            : fmt::format(
                  "{} moves the roller {} over {} positions {}: from {}, more than {} "
                  "walks {} (roll's own reading)",
                  label, to_string(*step.move), step.positions, where, limit.from, limit.positions,
                  limit.toward);
    report("move-direction", step.source.value_at("move"), std::move(message));
  }

  void check_breath_hold(const Step& step, const std::string& label) {
    const std::array<std::pair<std::string_view, int>, 2> holds{{
        {"hold_in", step.breath.hold_in},
        {"hold_out", step.breath.hold_out},
    }};
    for (const auto& [key, value] : holds) {
      if (value < kBreathHoldSeconds) continue;
      std::string full = fmt::format("breath.{}", key);
      report("breath-hold", step.source.value_at(full),
             fmt::format("{} holds the breath for {} s (`{}`); on the roller, keep breathing",
                         label, value, full),
             {&step});
    }
  }

  // Steps on the roller over `zone`, in order.
  std::vector<const Step*> pressure_steps(Zone zone) const {
    std::vector<const Step*> steps;
    for (const Step& step : routine_.steps) {
      if (on_roller(step) && step.zone == zone) steps.push_back(&step);
    }
    return steps;
  }

  // A zone-wide finding is silenced by an `allow` on any step of that zone.
  void report_zone(std::string_view rule, const std::vector<const Step*>& steps,
                   std::string message) {
    for (const Step* step : steps) {
      if (contains(step->allow, rule)) return;
    }
    const Step& first = *steps.front();
    report(rule, first.source.at(timing_key(first)), std::move(message));
  }

  void check_major_zones() {
    for (Zone zone : all_zones()) {
      if (!is_major_zone(zone)) continue;
      auto steps = pressure_steps(zone);
      if (steps.empty()) continue;
      Millis total{0};
      for (const Step* step : steps) total += work_of(*step);
      if (total >= kMajorZoneMinimum) continue;
      report_zone("two-minute-zone", steps,
                  fmt::format("{} gets {} s of pressure in all; a major zone needs at least {} s",
                              zone_name(zone), truncated_seconds(total),
                              truncated_seconds(kMajorZoneMinimum)));
    }
  }

  void check_lats_per_side() {
    auto steps = pressure_steps(Zone::lats);
    if (steps.empty()) return;
    Millis left{0}, right{0};
    for (const auto& block : plan_.blocks) {
      if (block.get_ready) continue;
      const Step& step = routine_.steps[block.step];
      if (!on_roller(step) || step.zone != Zone::lats) continue;
      if (block.side == Side::left) {
        left += block.length;
      } else if (block.side == Side::right) {
        right += block.length;
      } else {
        left += block.length / 2;
        right += block.length / 2;
      }
    }
    if (left >= kLatPerSideMinimum && right >= kLatPerSideMinimum) return;
    report_zone("lat-per-side", steps,
                fmt::format("the lats get {} s of pressure on the left and {} s on the right; each "
                            "side needs at least {} s",
                            truncated_seconds(left), truncated_seconds(right),
                            truncated_seconds(kLatPerSideMinimum)));
  }

  void check_move_after() {
    const Step* last_on_roller = nullptr;
    for (const Step& step : routine_.steps) {
      if (on_roller(step)) last_on_roller = &step;
    }
    if (!last_on_roller || moves_enough_after(routine_)) return;
    report("move-after", last_on_roller->source.table,
           fmt::format("the last step on the roller ({}) is followed by {} s of movement; move "
                       "for three minutes ({} s) right after rolling, or the tension returns "
                       "within twenty minutes",
                       step_label(routine_, *last_on_roller),
                       movement_after_last_pressure(routine_).value_or(0), kMoveAfterSeconds),
           {last_on_roller});
  }

  // The work time on the roller, in plan order; get-ready and movement are not counted.
  void check_beginner_length() {
    if (routine_.level != Level::beginner) return;
    Millis total{0};
    const Step* crossing = nullptr;
    for (const auto& block : plan_.blocks) {
      if (block.get_ready) continue;
      const Step& step = routine_.steps[block.step];
      if (!on_roller(step)) continue;
      total += block.length;
      if (!crossing && total > kBeginnerOnRollerMaximum) crossing = &step;
    }
    if (!crossing) return;
    report("beginner-length", crossing->source.at(timing_key(*crossing)),
           fmt::format("a beginner routine with {} s on the roller, past the {}-minute mark "
                       "during {}; a first session is 5 minutes",
                       truncated_seconds(total), truncated_seconds(kBeginnerOnRollerMaximum) / 60,
                       step_label(routine_, *crossing)),
           {crossing});
  }

  void check_session_length() {
    if (plan_.total <= kSessionMaximum) return;
    // Point at the timing of the step during which the fifteenth minute passes.
    Moment at = moment_at(plan_, kSessionMaximum);
    const Step& step = routine_.steps[plan_.blocks[at.block].step];
    report("session-length", step.source.at(timing_key(step)),
           fmt::format("the routine runs {} ({} s), past the 15-minute mark during {}; a session "
                       "should take at most 15 minutes",
                       clock_time(plan_.total), truncated_seconds(plan_.total),
                       step_label(routine_, step)),
           {&step});
  }
};

}  // namespace

std::vector<Diagnostic> lint_routine(const Routine& routine, std::string_view file) {
  return Linter(routine, file).run();
}

}  // namespace roll
