#include "roll/prescription_today.hpp"

#include <algorithm>
#include <chrono>

#include "roll/injury.hpp"
#include "roll/pain.hpp"

namespace roll {

namespace {

using namespace std::chrono;

constexpr std::string_view kRoutineSuffix = ".toml";

const Routine* find_routine(const std::vector<Routine>* routines, const std::string& name) {
  if (routines == nullptr) return nullptr;
  for (const auto& r : *routines)
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace

std::vector<std::string> prescribed_routine_names(const Prescription& prescription) {
  std::vector<std::string> out;
  for (const auto& ref : prescription.routines) {
    std::string name = ref.text;
    if (ref.is_file) {
      auto slash = name.find_last_of('/');
      if (slash != std::string::npos) name.erase(0, slash + 1);
      if (name.size() > kRoutineSuffix.size() && name.ends_with(kRoutineSuffix))
        name.resize(name.size() - kRoutineSuffix.size());
    }
    out.push_back(std::move(name));
  }
  return out;
}

PrescriptionToday follow_prescription(HistoryReader& history, const PrescriptionInput& in) {
  PrescriptionToday out;
  out.prescription = *in.prescription;
  const Prescription& p = out.prescription;
  int hour = in.profile->day_start_hour;
  out.routine_names = prescribed_routine_names(p);
  out.today = roll_day(in.local_now, hour);
  LocalDays last = std::min(out.today, p.until);

  DoneByDay done = read_done_by_day(history, p, out.routine_names, out.today, hour);
  if (last >= p.from) {
    // The same widening as read_done_by_day: a day more each side holds every stop of its days.
    SysSeconds from = SysSeconds{p.from.time_since_epoch()} + hours{hour} - kMaxUtcOffset - days{1};
    SysSeconds to =
        SysSeconds{(last + days{1}).time_since_epoch()} + hours{hour} + kMaxUtcOffset + days{1};
    std::vector<PainStop> stops;
    for (auto& s : history.pain_stops(from, to)) {
      LocalSeconds local{(s.at + s.utc_offset).time_since_epoch()};
      LocalDays day = roll_day(local, hour);
      if (day >= p.from && day <= last) stops.push_back(std::move(s));
    }
    excuse_pain_stops(out.excused, stops, hour);
  }
  // The past days' conditions, injuries and paused routines, from what is kept.
  if (out.today > p.from) {
    std::vector<SessionRecord> before;
    SessionQuery query;
    // roll's own reach for the pauses: the two latest compared sessions of a routine lie within
    // the four weeks before the prescription in practice.
    query.since = SysSeconds{p.from.time_since_epoch()} - days{28};
    query.until = SysSeconds{(out.today).time_since_epoch()} + hours{hour} + kMaxUtcOffset;
    before = history.sessions(query);
    PastSafety past{in.profile, in.routines, in.all_injuries, &before,
                    in.local_now.time_since_epoch() - in.now.time_since_epoch()};
    excuse_past_days(out.excused, p, out.routine_names, past, out.today);
  }
  // Today's safety, which the history of past days does not keep: a condition, an injury.
  if (!in.profile->blocking().empty()) excuse(out.excused, out.today, Excuse::condition);
  if (in.due != nullptr && in.due->reason == DueReason::injury)
    excuse(out.excused, out.today, Excuse::injury);
  if (in.open_injuries != nullptr && !in.open_injuries->empty()) {
    // The routine the day would suggest next: refused while an injury guards its zones.
    PrescriptionDay before = prescription_day(p, out.routine_names, done, out.excused, out.today);
    if (const Routine* r = find_routine(in.routines, before.routine)) {
      if (check_injuries(*r, *in.open_injuries, in.now).guard == Guard::refuse)
        excuse(out.excused, out.today, Excuse::injury);
    }
  }
  // A routine bare `roll` tells to pause: the day's next one paused makes the day excused.
  if (in.paused_routines != nullptr && !in.paused_routines->empty()) {
    PrescriptionDay before = prescription_day(p, out.routine_names, done, out.excused, out.today);
    if (before.prescribed && std::find(in.paused_routines->begin(), in.paused_routines->end(),
                                       before.routine) != in.paused_routines->end())
      excuse(out.excused, out.today, Excuse::paused_routine);
  }
  out.day = prescription_day(p, out.routine_names, done, out.excused, out.today);
  out.adherence = adherence(p, done, out.excused, out.today);
  out.words = prescription_end_words(p, out.today);
  return out;
}

void excuse_past_days(ExcusedDays& excused, const Prescription& p,
                      const std::vector<std::string>& routine_names, const PastSafety& safety,
                      LocalDays today) {
  if (routine_names.empty() || safety.profile == nullptr) return;
  const int hour = safety.profile->day_start_hour;
  const Routine* routine = find_routine(safety.routines, routine_names.front());
  auto start_of = [&](LocalDays d) {
    return SysSeconds{d.time_since_epoch()} + hours{hour} - safety.offset;
  };
  // The condition held now, known from the day the screening was answered.
  std::optional<LocalDays> held_since;
  if (!safety.profile->blocking().empty() && safety.profile->conditions_asked)
    held_since = *safety.profile->conditions_asked;
  // Each routine's sessions by start, for the pauses.
  std::vector<SessionRecord> sessions;
  if (safety.sessions != nullptr) sessions = *safety.sessions;
  std::sort(sessions.begin(), sessions.end(),
            [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
  for (LocalDays d = p.from; d < today && d <= p.until; d += days{1}) {
    if (!p.prescribed_weekday(d)) continue;
    SysSeconds from = start_of(d);
    SysSeconds to = start_of(d + days{1});
    if (held_since && d >= *held_since) excuse(excused, d, Excuse::condition);
    if (safety.injuries != nullptr) {
      for (const auto& injury : *safety.injuries) {
        std::optional<SysSeconds> end = injury.cleared_at;
        if (injury.cleared && !end) end = injury.at + kInjuryRefuseWindow;
        if (injury.at >= to || (end && *end <= from)) continue;
        Injury open = injury;
        open.cleared = false;
        SysSeconds at = std::max(from, injury.at);
        bool guards =
            injury.zone == Zone::full_body ||
            (routine != nullptr && check_injuries(*routine, {open}, at).guard != Guard::none);
        if (guards) excuse(excused, d, Excuse::injury);
      }
    }
    auto first_after =
        std::lower_bound(sessions.begin(), sessions.end(), from,
                         [](const SessionRecord& r, SysSeconds t) { return r.started_at < t; });
    if (first_after != sessions.begin()) {
      std::vector<SessionRecord> earlier(sessions.begin(), first_after);
      auto paused = routines_to_pause(earlier);
      if (std::find(paused.begin(), paused.end(), routine_names.front()) != paused.end())
        excuse(excused, d, Excuse::paused_routine);
    }
  }
}

DueReason prescribed_due_reason(const PrescriptionToday& p, const DueToday& due) {
  if (due.reason == DueReason::pain_stop || due.reason == DueReason::injury) return due.reason;
  if (!p.running()) return due.reason;
  if (p.day.excused) {
    switch (*p.day.excused) {
      case Excuse::condition:
        return DueReason::held;
      case Excuse::pain_stop:
      case Excuse::injury:
      case Excuse::paused_routine:
        return DueReason::excused;
    }
  }
  if (!p.day.prescribed) return DueReason::not_prescribed;
  return p.day.due ? DueReason::not_done : DueReason::done;
}

}  // namespace roll
