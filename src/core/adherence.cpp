#include "roll/adherence.hpp"

#include <algorithm>

namespace roll {

namespace {

using namespace std::chrono;

LocalDays monday_of(LocalDays day) {
  return day - days{weekday_index(day)};
}

void add(AdherenceCount& to, const AdherenceCount& day) {
  to.prescribed += day.prescribed;
  to.done += day.done;
  to.excused += day.excused;
  to.missed += day.missed;
  to.pending += day.pending;
  to.extra += day.extra;
  to.excused_days += day.excused_days;
}

}  // namespace

std::optional<int> AdherenceCount::percent() const {
  int base = expected();
  if (base <= 0) return std::nullopt;
  return static_cast<int>(static_cast<long long>(done) * 100 / base);
}

Adherence adherence(const Prescription& prescription, const DoneByDay& done,
                    const ExcusedDays& excused, LocalDays today) {
  Adherence out;
  LocalDays last = std::min(today, prescription.until);
  for (LocalDays d = prescription.from; d <= last; d += days{1}) {
    AdherenceCount day;
    int did = 0;
    if (auto it = done.find(d); it != done.end()) did = it->second;
    if (prescription.prescribed_weekday(d)) {
      int p = prescription.times_per_day;
      day.prescribed = p;
      day.done = std::min(did, p);
      day.extra = did - day.done;
      int left = p - day.done;
      if (excused.contains(d)) {
        day.excused = left;
        day.excused_days = 1;
      } else if (d == today) {
        day.pending = left;
      } else {
        day.missed = left;
      }
    } else {
      day.extra = did;
    }
    LocalDays week = monday_of(d);
    if (out.weeks.empty() || out.weeks.back().week_start != week) {
      out.weeks.push_back(WeekAdherence{week, {}});
    }
    add(out.weeks.back().count, day);
    add(out.total, day);
  }
  return out;
}

}  // namespace roll
