#pragma once
// Following a prescription day by day: which roll days it prescribes and how many sessions, what
// the history has done of them, whether today is due and how many remain ("twice a day" is due
// until the second), the days safety excused, and the words for its start and end. Pure: the
// history comes in through HistoryReader, "today" as a roll day, and the excused days as data
// (the caller knows the profile's conditions, the injuries and the paused routines).
//
// Definitions (docs/prescriptions.md, "Adherence"):
// - a session is done for the prescription when it counts as done (counts_as_done: completed,
//   not a rehearsal) and its routine is one the prescription names; it belongs to the roll day
//   it started on (session_day, with the profile's day_start);
// - a day is prescribed when it lies from `from` to `until` (both included) and its weekday is
//   one of `days`; it prescribes `times_per_day` sessions;
// - a day is excused when safety kept the patient off the roller: a condition not cleared, an
//   injury guarding the prescribed routine's zones, a pain stop, a paused routine.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "roll/history.hpp"
#include "roll/history_reader.hpp"
#include "roll/prescription.hpp"

namespace roll {

// Why safety made a day not due, strongest first (a day with two keeps the first).
enum class Excuse { condition, injury, pain_stop, paused_routine };

inline constexpr NameTable<Excuse, 4> kExcuseNames{{
    {Excuse::condition, "condition"},
    {Excuse::injury, "injury"},
    {Excuse::pain_stop, "pain-stop"},
    {Excuse::paused_routine, "paused-routine"},
}};
[[nodiscard]] constexpr std::string_view excuse_name(Excuse e) {
  return name_in(kExcuseNames, e);
}
// "a pain stop", for sentences.
[[nodiscard]] std::string_view excuse_words(Excuse e);

using ExcusedDays = std::map<LocalDays, Excuse>;

// Marks `day` excused for `why`, keeping a stronger reason already there.
void excuse(ExcusedDays& days, LocalDays day, Excuse why);
// Every roll day a pain stop happened on.
void excuse_pain_stops(ExcusedDays& days, const std::vector<PainStop>& stops, int day_start_hour);

// Sessions done for the prescription, per roll day (not capped at times_per_day).
using DoneByDay = std::map<LocalDays, int>;

// The sessions of `history` done for the prescription (`routine_names`: the names of the
// routines it prescribes, files resolved to the `name` inside them) from its first day to
// `today`, per roll day. A session dated after `today` is not counted.
[[nodiscard]] DoneByDay read_done_by_day(HistoryReader& history, const Prescription& prescription,
                                         const std::vector<std::string>& routine_names,
                                         LocalDays today, int day_start_hour);

// The same from records already read (any order).
[[nodiscard]] DoneByDay done_by_day(const std::vector<SessionRecord>& sessions,
                                    const Prescription& prescription,
                                    const std::vector<std::string>& routine_names, LocalDays today,
                                    int day_start_hour);

enum class PrescriptionPhase { not_started, running, ended };

struct PrescriptionDay {
  PrescriptionPhase phase = PrescriptionPhase::not_started;
  bool prescribed = false;        // today is one of its days
  int prescribed_sessions = 0;    // times_per_day on a prescribed day, else 0
  int done = 0;                   // done for the prescription today, all of them
  int remaining = 0;              // still to do today: 0 when excused or not prescribed
  std::optional<Excuse> excused;  // safety's reason, on a prescribed day
  bool due = false;               // remaining > 0
  std::string routine;            // the routine to suggest: the next of the list (below)
  std::optional<LocalDays> next;  // the next prescribed day after today, if any
};

// Today as the prescription sees it. The routine suggested is the prescription's routines in
// the order listed, one per session of the day, from the first again each day: with two
// routines and twice a day, the first in the morning and the second after it.
[[nodiscard]] PrescriptionDay prescription_day(const Prescription& prescription,
                                               const std::vector<std::string>& routine_names,
                                               const DoneByDay& done, const ExcusedDays& excused,
                                               LocalDays today);

// "12 Jan", with the year when it is not `today`'s ("12 Jan 2027"); with the weekday first for
// a day still to come when `weekday` ("Tue 12 Jan").
[[nodiscard]] std::string day_words(LocalDays day, LocalDays today, bool weekday = false);

// The prescription's start or end, for a patient: "your prescription from Dr. Ana Moreno ended
// on 29 Nov: ask whether to go on". Text from the file (the clinician's name) is as written:
// sanitize it on its way to a terminal.
[[nodiscard]] std::string prescription_end_words(const Prescription& prescription, LocalDays today);

}  // namespace roll
