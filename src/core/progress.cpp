#include "roll/progress.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "roll/user_limits.hpp"

namespace roll {

int step_up_most_pressure() {
  UserLimits beginner;
  beginner.beginner = true;
  return pressure_most(beginner);
}

StepUp step_up(Level level, const std::vector<SessionRecord>& sessions, LocalDays today,
               int day_start_hour) {
  StepUp out;
  if (level != Level::beginner) {
    out.reason = level == Level::intermediate
                     ? "roll suggests steps up for beginners only; at intermediate, longer or "
                       "firmer is your own call (and advanced routines your clinician's)"
                     : "advanced is the top level";
    return out;
  }
  std::vector<const SessionRecord*> ordered;
  ordered.reserve(sessions.size());
  for (const auto& s : sessions) ordered.push_back(&s);
  std::sort(ordered.begin(), ordered.end(), [](const SessionRecord* a, const SessionRecord* b) {
    return a->started_at < b->started_at;
  });
  // The run starts over at every pain stop and every reading above the bound.
  std::optional<LocalDays> first;
  std::string last_break;
  const int most = step_up_most_pressure();
  for (const SessionRecord* s : ordered) {
    if (s->origin == SessionOrigin::rehearsal) continue;
    int highest = 0;
    for (const PressureReading& p : s->pressures) highest = std::max(highest, p.value);
    bool hard = highest > most;
    if (s->status == SessionStatus::pain_stop || hard) {
      out.sessions = 0;
      first.reset();
      bool stop = s->status == SessionStatus::pain_stop;
      out.restarted = StepUpRestart{stop, hard ? highest : 0, session_day(*s, day_start_hour)};
      last_break =
          fmt::format("{} on {}", stop ? "a pain stop" : fmt::format("a pressure above {}", most),
                      format_date(out.restarted->day));
      continue;
    }
    if (!counts_as_done(s->status, s->origin)) continue;
    if (!first) first = session_day(*s, day_start_hour);
    ++out.sessions;
  }
  if (first) out.days = static_cast<int>((today - *first).count()) + 1;
  std::string since = last_break.empty() ? std::string() : fmt::format(" since {}", last_break);
  if (out.sessions >= kStepUpSessions && out.days >= kStepUpDays) {
    out.suggested = true;
    out.next = Level::intermediate;
    out.counted = fmt::format(
        "{} completed sessions over {} days{} with no pain stop and every pressure reading at {} "
        "or below",
        out.sessions, out.days, since, most);
    out.reason = out.counted +
                 ": try a longer session or the intermediate routines (`roll level intermediate`)";
    return out;
  }
  out.reason = fmt::format(
      "{} of {} completed sessions over {} of {} days{} with no pain stop and no pressure reading "
      "above {} (a beginner's most): stay a beginner for now (roll's own reading of the second "
      "article's \"gradually\")",
      out.sessions, kStepUpSessions, out.days, kStepUpDays, since, most);
  return out;
}

bool asks_clinician(const PrescribedLevel& p, Level to, LocalDays today) {
  return to > p.level && today <= p.last_day + std::chrono::days{kStepUpAsksClinicianDays};
}

std::string clinician_words(const PrescribedLevel& p) {
  return p.clinician.empty() ? std::string("your clinician") : p.clinician;
}

void defer_to_clinician(StepUp& s, const PrescribedLevel& p, LocalDays today) {
  if (!s.suggested || !s.next || !asks_clinician(p, *s.next, today)) return;
  s.prescribed_level = p.level;
  s.reason = fmt::format(
      "{}: ask {} whether to step up before `roll level {}` (the prescription is for {}; roll "
      "leaves the step up to the clinician until {} days after it ends, roll's own span)",
      s.counted, clinician_words(p), to_string(*s.next), level_words(p.level),
      kStepUpAsksClinicianDays);
}

std::string level_words(Level level) {
  return fmt::format("{} {}", level == Level::beginner ? "a" : "an", to_string(level));
}

std::string restart_words(const StepUpRestart& restart) {
  return fmt::format("the count started over after {} on {}",
                     restart.pain_stop ? std::string("a pain stop")
                                       : fmt::format("a pressure of {}", restart.pressure),
                     format_date(restart.day));
}

std::optional<std::string> frequency_warning(int completed_today) {
  if (completed_today < kMostSessionsPerDay) return std::nullopt;
  return fmt::format(
      "this would be session {} today; the second article advises 10-15 minutes, 1-4 times per "
      "day (the first, five minutes of slow work every night)",
      completed_today + 1);
}

std::optional<int> rating_from_key(char key) {
  if (key >= '0' && key <= '9') return key - '0';
  if (key == 't' || key == 'T') return kMaxRating;
  return std::nullopt;
}

std::optional<int> scale_from_keys(char first, std::optional<char> second) {
  if (may_start_ten(first) && second == '0') return kMaxRating;
  return rating_from_key(first);
}

}  // namespace roll
