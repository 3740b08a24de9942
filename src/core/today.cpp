#include "roll/today.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "roll/due.hpp"
#include "roll/pain.hpp"
#include "roll/screening.hpp"
#include "roll/stats.hpp"

namespace roll {

namespace {

int rank(Level level) {
  switch (level) {
    case Level::beginner:
      return 0;
    case Level::intermediate:
      return 1;
    default:
      return 2;
  }
}

int minute_of_day(LocalSeconds local) {
  auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

std::string limit_line(const Injury& injury, SysSeconds now) {
  bool pain_stop = injury.note.starts_with(kPainStopNote);
  std::string what = pain_stop ? fmt::format("pain stop on the {}", zone_name(injury.zone))
                               : fmt::format("injury to the {}", zone_name(injury.zone));
  auto since = std::chrono::duration_cast<std::chrono::seconds>(now - injury.at);
  long long ago = std::max(0LL, static_cast<long long>(since.count() / 3600));
  switch (injury_window(injury, now)) {
    case Guard::refuse:
      return fmt::format("{} {} h ago: no pressure on it or next to it for {} h more", what, ago,
                         hours_ceil(injury_window_remaining(injury, now)));
    case Guard::ask:
      return fmt::format(
          "{} {} h ago: a session on it or next to it asks first whether the "
          "acute pain has subsided",
          what, ago);
    case Guard::ask_to_clear:
      return fmt::format(
          "{} {} h ago: still open; a yes to \"has the acute pain subsided?\" or "
          "`roll injury clear {}` closes it",
          what, ago, injury.id);
    case Guard::none:
      break;
  }
  return what;
}

}  // namespace

const char* today_state_name(TodayState state) {
  switch (state) {
    case TodayState::due:
      return "due";
    case TodayState::done:
      return "done";
    case TodayState::rest:
      return "rest";
    case TodayState::held:
      return "held";
  }
  return "due";
}

Today today(const TodayInput& input) {
  const TodayFacts& facts = *input.facts;
  const Profile& profile = *input.profile;
  Today out;
  out.streaks = facts.streaks;
  out.completed_today = facts.completed_today;
  out.step_up = facts.step_up;
  // As `roll due` answers: a pain stop, or an injury to the whole body that keeps every step off
  // the roller, makes a rest day.
  out.state = facts.done                                             ? TodayState::done
              : facts.pain_stop || facts.reason == DueReason::injury ? TodayState::rest
                                                                     : TodayState::due;
  std::vector<Injury> open;
  for (const Injury& injury : facts.open_injuries) {
    if (injury.cleared) continue;
    open.push_back(injury);
    out.limits.push_back(limit_line(injury, input.now));
  }
  for (const auto& name : facts.paused_routines) out.paused.push_back(pause_routine_words(name));
  out.held = held_reason(profile);
  if (!out.held.empty()) out.state = TodayState::held;
  if (out.state != TodayState::due) return out;

  Level level = profile.level.value_or(Level::beginner);
  int minute = minute_of_day(input.local_now);
  std::optional<Purpose> wanted;
  std::string when;
  if (profile.workout_minute) {
    int until = *profile.workout_minute - minute;
    if (until > 0 && until <= kWarmUpWindowMinutes) {
      wanted = Purpose::warm_up;
      when = fmt::format("before your {:02}:{:02} workout", *profile.workout_minute / 60,
                         *profile.workout_minute % 60);
    }
  }
  if (!wanted && (minute >= kEveningFromHour * 60 || minute < profile.day_start_hour * 60)) {
    wanted = Purpose::bedtime;
    when = "in the evening";
  }

  using Key = std::tuple<int, int, int, SysSeconds, std::string>;  // smaller is better
  std::optional<Key> best;
  const Routine* chosen = nullptr;
  bool chosen_asks = false;
  bool wanted_above_level = false;
  for (const Routine& r : *input.routines) {
    // Paused after pain rose twice in a row: not suggested until a physical therapist is asked.
    if (std::find(facts.paused_routines.begin(), facts.paused_routines.end(), r.name) !=
        facts.paused_routines.end())
      continue;
    bool purpose_fits = wanted && r.purpose == *wanted;
    // A bedtime routine winds down and a warm-up is brisk: each only at its time.
    if ((r.purpose == Purpose::bedtime || r.purpose == Purpose::warm_up) && !purpose_fits) continue;
    if (rank(r.level) > rank(level)) {
      wanted_above_level = wanted_above_level || purpose_fits;
      continue;
    }
    // Under 48 h the session would refuse it; from 48 h it asks first, so it comes after every
    // routine that keeps off the injury.
    Guard guard = check_injuries(r, open, input.now).guard;
    if (guard == Guard::refuse) continue;
    // Never done sorts first: the one done least recently is next.
    auto last = facts.last_done.find(r.name);
    SysSeconds done_at = last == facts.last_done.end() ? SysSeconds{} : last->second;
    Key key{guard == Guard::none ? 0 : 1, purpose_fits ? 0 : 1, r.level == level ? 0 : 1, done_at,
            r.name};
    if (!best || key < *best) {
      best = key;
      chosen = &r;
      chosen_asks = guard != Guard::none;
    }
  }
  if (chosen == nullptr) {
    out.why = open.empty() ? "no bundled routine fits your level"
                           : "every bundled routine at your level presses an injured zone or one "
                             "next to it: rest today, or compose one that keeps off it with "
                             "`roll suggest --tight ZONE`";
    return out;
  }
  out.routine = chosen->name;
  out.command = fmt::format("roll session {}", chosen->name);
  std::vector<std::string> reasons;
  if (wanted && chosen->purpose == *wanted) {
    reasons.push_back(fmt::format("{}: a {} routine", when, to_string(*wanted)));
  } else if (wanted && wanted_above_level) {
    reasons.push_back(fmt::format("{}; the {} routines are above a {}'s level", when,
                                  to_string(*wanted), to_string(level)));
  }
  reasons.push_back(fmt::format("fits a {}", to_string(level)));
  if (chosen_asks) {
    reasons.push_back(
        "it presses near an injury more than 48 h old: the session asks first whether the acute "
        "pain has subsided");
  } else if (!open.empty()) {
    reasons.push_back("keeps off the injured zones");
  }
  if (facts.last_done.count(chosen->name) == 0) {
    reasons.push_back("not done yet");
  } else {
    reasons.push_back("the one you did least recently");
  }
  out.why = fmt::format("{}", fmt::join(reasons, "; "));
  return out;
}

std::vector<SessionRecord> recent_sessions(HistoryReader& history, SysSeconds now) {
  SessionQuery query;
  query.since = now - std::chrono::days{kStepUpLookBackDays};
  query.details = true;
  return history.sessions(query);
}

StepUp step_up_now(const std::vector<SessionRecord>& recent, const Profile& profile,
                   const TimeZone& zone, SysSeconds now) {
  return step_up(profile.level.value_or(Level::beginner), recent,
                 roll_day(zone.to_local(now), profile.day_start_hour), profile.day_start_hour);
}

TodayFacts read_today_facts(HistoryReader& history, const TimeZone& zone, const Profile& profile,
                            SysSeconds now) {
  TodayFacts facts;
  DueToday due = due_today(history, zone, now, profile.day_start_hour);
  facts.done = due.done;
  facts.pain_stop = due.pain_stop;
  facts.reason = due.reason;
  facts.completed_today = completed_on_roll_day(history, zone, now, profile.day_start_hour);
  facts.streaks = gather_stats(history, zone, now, profile.day_start_hour, 1).streaks;
  facts.open_injuries = history.injuries(false);
  auto recent = recent_sessions(history, now);
  for (const auto& r : recent) {
    if (!counts_as_done(r.status, r.origin)) continue;
    auto& last = facts.last_done[r.routine_name];
    if (r.started_at > last) last = r.started_at;
  }
  facts.step_up = step_up_now(recent, profile, zone, now);
  facts.paused_routines = routines_to_pause(recent);
  return facts;
}

}  // namespace roll
