#pragma once
// Adherence to a prescription: sessions done against sessions prescribed, per week (Monday to
// Sunday, as `roll stats` counts weeks) and in all, from the prescription's first day to today
// or its last day, whichever comes first. Pure arithmetic over the per-day counts of
// prescription_schedule.hpp, whose header defines done, prescribed and excused.
//
// On each prescribed day that has come, with p = times_per_day and d = sessions done that day:
// - done = min(d, p): a third session on a twice-a-day day does not make up for a missed one,
//   and the extra ones are counted apart (`extra`), as are sessions on days not prescribed;
// - on an excused day, the p - done sessions not done are excused, never missed;
// - on a day before today, they are missed;
// - today, they are pending: the day is not over, so they are neither done nor missed yet.
#include <optional>
#include <vector>

#include "roll/prescription.hpp"
#include "roll/prescription_schedule.hpp"

namespace roll {

struct AdherenceCount {
  int prescribed = 0;  // sessions the schedule asks for on the days counted
  int done = 0;        // of those, done
  int excused = 0;     // of those, not done on a day safety excused
  int missed = 0;      // of those, not done on a day that is over and was not excused
  int pending = 0;     // of those, still to do today
  int extra = 0;       // done beyond a day's count, or on a day not prescribed: not counted
  int excused_days = 0;

  // The sessions adherence is measured against: prescribed less excused and pending.
  [[nodiscard]] int expected() const { return prescribed - excused - pending; }
  // done / expected() as a whole percentage, rounded down (so 41 of 42 never reads 100%);
  // nothing when nothing was expected yet.
  [[nodiscard]] std::optional<int> percent() const;
};

struct WeekAdherence {
  LocalDays week_start{};  // a Monday
  AdherenceCount count;
};

struct Adherence {
  AdherenceCount total;
  std::vector<WeekAdherence> weeks;  // oldest first: every week with a day counted
};

// Over the days from `from` to the earlier of `until` and `today`; nothing before `from`.
[[nodiscard]] Adherence adherence(const Prescription& prescription, const DoneByDay& done,
                                  const ExcusedDays& excused, LocalDays today);

}  // namespace roll
