#include "roll/prescription_today.hpp"

#include <algorithm>
#include <chrono>

#include "roll/injury.hpp"

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
  out.day = prescription_day(p, out.routine_names, done, out.excused, out.today);
  out.adherence = adherence(p, done, out.excused, out.today);
  out.words = prescription_end_words(p, out.today);
  return out;
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
