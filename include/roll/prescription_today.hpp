#pragma once
// The active prescription on the day the user asks about: what bare `roll`, `roll due` and `roll
// stats` follow while one runs. The schedule (prescription_schedule.hpp) and adherence
// (adherence.hpp) over the history, with safety's excuses gathered: every pain stop of the
// prescription's days, and today a condition not cleared, an injury that keeps a prescribed
// routine off the roller, or a whole-body injury. Pure: history, profile, routines and "now"
// come in.
#include <optional>
#include <string>
#include <vector>

#include "roll/adherence.hpp"
#include "roll/due.hpp"
#include "roll/history_reader.hpp"
#include "roll/prescription.hpp"
#include "roll/prescription_schedule.hpp"
#include "roll/profile.hpp"
#include "roll/routine.hpp"
#include "roll/time_zone.hpp"

namespace roll {

struct PrescriptionToday {
  Prescription prescription;
  // The names of its routines: a bundled or own routine by its name, a routine file by its file
  // name without `.toml` (the file itself is not stored with the prescription).
  std::vector<std::string> routine_names;
  LocalDays today{};
  PrescriptionDay day;
  ExcusedDays excused;
  Adherence adherence;
  std::string words;  // prescription_end_words: "your prescription from Dr. X ends today"
  // Whether the prescription decides today: it runs (today is from its first to its last day).
  [[nodiscard]] bool running() const { return day.phase == PrescriptionPhase::running; }
};

// The names of the routines a prescription names, as its sessions are recorded.
[[nodiscard]] std::vector<std::string> prescribed_routine_names(const Prescription& prescription);

struct PrescriptionInput {
  const Prescription* prescription = nullptr;
  const Profile* profile = nullptr;
  // The routines the prescription's names are looked up in for an injury's zones (the bundled
  // ones; may be empty: then only a whole-body injury excuses the day).
  const std::vector<Routine>* routines = nullptr;
  const DueToday* due = nullptr;  // today's answer without the prescription
  const std::vector<Injury>* open_injuries = nullptr;
  // Every injury, cleared ones with when (cleared_at): the past days they kept a prescribed
  // routine off the roller are excused. May be null (then no past day is excused for one).
  const std::vector<Injury>* all_injuries = nullptr;
  // The routines bare `roll` tells to pause today (pain.hpp's routines_to_pause); may be null.
  const std::vector<std::string>* paused_routines = nullptr;
  SysSeconds now{};
  LocalSeconds local_now{};
};

[[nodiscard]] PrescriptionToday follow_prescription(HistoryReader& history,
                                                    const PrescriptionInput& input);

// The past days of the prescription (its first day to the day before `today`) that safety kept
// off the roller, from what the history and the profile keep, each on the routine the day
// suggests first (the first of the list):
// - an injury open on part of the day (from its time to its clearing) whose zone that routine
//   presses, or a whole-body injury; one cleared without a clearing time guards its first 48 h
//   (the window that refuses whatever the answer: roll's own reading of what can be known);
// - a condition the profile holds not cleared, from the day the screening was answered
//   (`asked`): the profile keeps no dates of earlier answers, so before that day it cannot be
//   known and the day is not excused;
// - the routine paused (routines_to_pause) by the sessions before the day.
// `offset` turns the days' local bounds into instants (the current one: roll's own
// approximation, an hour off at most across a change of summer time).
struct PastSafety {
  const Profile* profile = nullptr;
  const std::vector<Routine>* routines = nullptr;        // to find the routine's zones
  const std::vector<Injury>* injuries = nullptr;         // every one, cleared included
  const std::vector<SessionRecord>* sessions = nullptr;  // those before today, for the pauses
  std::chrono::seconds offset{0};
};
void excuse_past_days(ExcusedDays& excused, const Prescription& prescription,
                      const std::vector<std::string>& routine_names, const PastSafety& safety,
                      LocalDays today);

// `roll due`'s answer while the prescription runs: safety first (the history's pain stop and
// whole-body injury as due_today gave them, a condition as held, any other excuse as excused),
// then the prescription's own count. On a day it does not prescribe nothing is due
// (not_prescribed); twice a day is due until the second.
[[nodiscard]] DueReason prescribed_due_reason(const PrescriptionToday& p, const DueToday& due);

}  // namespace roll
