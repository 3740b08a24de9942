#include "roll/prescription_schedule.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace roll {

namespace {

using namespace std::chrono;

bool prescribed_routine(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string_view excuse_words(Excuse e) {
  switch (e) {
    case Excuse::condition:
      return "a condition not cleared";
    case Excuse::injury:
      return "an injury";
    case Excuse::pain_stop:
      return "a pain stop";
    case Excuse::paused_routine:
      return "a paused routine";
  }
  return "";
}

void excuse(ExcusedDays& days, LocalDays day, Excuse why) {
  auto [at, added] = days.try_emplace(day, why);
  if (!added && static_cast<int>(why) < static_cast<int>(at->second)) at->second = why;
}

void excuse_pain_stops(ExcusedDays& days, const std::vector<PainStop>& stops, int day_start_hour) {
  for (const auto& stop : stops) {
    LocalSeconds local{(stop.at + stop.utc_offset).time_since_epoch()};
    excuse(days, roll_day(local, day_start_hour), Excuse::pain_stop);
  }
}

DoneByDay done_by_day(const std::vector<SessionRecord>& sessions, const Prescription& prescription,
                      const std::vector<std::string>& routine_names, LocalDays today,
                      int day_start_hour) {
  DoneByDay out;
  for (const auto& r : sessions) {
    if (!counts_as_done(r.status, r.origin)) continue;
    if (!prescribed_routine(routine_names, r.routine_name)) continue;
    LocalDays day = session_day(r, day_start_hour);
    if (day < prescription.from || day > today) continue;
    ++out[day];
  }
  return out;
}

DoneByDay read_done_by_day(HistoryReader& history, const Prescription& prescription,
                           const std::vector<std::string>& routine_names, LocalDays today,
                           int day_start_hour) {
  // A local time is its instant plus an offset of at most 18 h either way: a day more on each
  // side holds every session of the prescription's days, and session_day() then places it.
  SessionQuery query;
  query.since = SysSeconds{prescription.from.time_since_epoch()} + hours{day_start_hour} -
                kMaxUtcOffset - days{1};
  query.until = SysSeconds{(today + days{1}).time_since_epoch()} + hours{day_start_hour} +
                kMaxUtcOffset + days{1};
  return done_by_day(history.sessions(query), prescription, routine_names, today, day_start_hour);
}

PrescriptionDay prescription_day(const Prescription& prescription,
                                 const std::vector<std::string>& routine_names,
                                 const DoneByDay& done, const ExcusedDays& excused,
                                 LocalDays today) {
  PrescriptionDay out;
  out.phase = today < prescription.from    ? PrescriptionPhase::not_started
              : today > prescription.until ? PrescriptionPhase::ended
                                           : PrescriptionPhase::running;
  if (auto it = done.find(today); it != done.end()) out.done = it->second;
  out.prescribed = prescription.prescribed_on(today);
  if (out.prescribed) {
    out.prescribed_sessions = prescription.times_per_day;
    if (auto it = excused.find(today); it != excused.end()) out.excused = it->second;
    if (!out.excused) out.remaining = std::max(0, out.prescribed_sessions - out.done);
  }
  out.due = out.remaining > 0;
  if (!routine_names.empty()) {
    out.routine = routine_names[static_cast<std::size_t>(out.done) % routine_names.size()];
  }
  for (LocalDays d = std::max(today + days{1}, prescription.from); d <= prescription.until;
       d += days{1}) {
    if (prescription.prescribed_weekday(d)) {
      out.next = d;
      break;
    }
  }
  return out;
}

std::string day_words(LocalDays day, LocalDays today, bool weekday) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr std::array<std::string_view, 7> kDays{"Mon", "Tue", "Wed", "Thu",
                                                         "Fri", "Sat", "Sun"};
  year_month_day ymd{day};
  std::string out;
  if (weekday) out = fmt::format("{} ", kDays[static_cast<std::size_t>(weekday_index(day))]);
  out += fmt::format("{} {}", static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1]);
  if (ymd.year() != year_month_day{today}.year())
    out += fmt::format(" {}", static_cast<int>(ymd.year()));
  return out;
}

std::string prescription_end_words(const Prescription& prescription, LocalDays today) {
  std::string whose = prescription.clinician.empty()
                          ? std::string("your prescription")
                          : fmt::format("your prescription from {}", prescription.clinician);
  if (today < prescription.from) {
    return fmt::format("{} starts on {}", whose, day_words(prescription.from, today, true));
  }
  if (today > prescription.until) {
    return fmt::format("{} ended on {}: ask whether to go on", whose,
                       day_words(prescription.until, today));
  }
  if (today == prescription.until) return fmt::format("{} ends today", whose);
  return fmt::format("{} runs until {}", whose, day_words(prescription.until, today, true));
}

}  // namespace roll
