#pragma once
// The active prescription as bare `roll`, `roll due` and `roll stats` follow it: read from the
// history (where `roll prescription add` put it), with today's safety, and the words and JSON the
// three share (docs/json.md, "prescription").
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "platform/history_store.hpp"
#include "roll/due.hpp"
#include "roll/prescription_today.hpp"
#include "roll/progress.hpp"

namespace roll::cli {

// Nothing when no prescription is active (everything then works as without one).
[[nodiscard]] std::optional<PrescriptionToday> follow_active_prescription(
    platform::HistoryStore& store, const Profile& profile, const DueToday& due,
    const std::vector<Routine>* routines, SysSeconds now, LocalSeconds local_now);

// The latest prescription added whose level still decides a step up on `today` (running, not
// started yet, or ended within kStepUpAsksClinicianDays); nothing when none does.
[[nodiscard]] std::optional<PrescribedLevel> recent_prescribed_level(platform::HistoryStore& store,
                                                                     int day_start_hour,
                                                                     LocalDays today);

// "34 of 40 prescribed sessions (85%), 2 excused for safety"; "nothing prescribed yet".
[[nodiscard]] std::string adherence_words(const AdherenceCount& count);

// "1 of 2 prescribed sessions done today", "no session prescribed today (next: Tue 10 Nov)".
[[nodiscard]] std::string prescribed_today_words(const PrescriptionToday& p);

// The "prescription" object of `roll due --json`, `roll --json` and `roll stats --json`.
[[nodiscard]] toml::table prescription_json(const PrescriptionToday& p);

}  // namespace roll::cli
