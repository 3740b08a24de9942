#pragma once
// The weekly Patient-Specific Functional Scale question (roll/outcomes.hpp): each activity the
// patient finds hard rated 0 (unable to do it) to 10 (able to do it as before the problem), on the
// terminal, and the answer kept in the history. The activities are the active prescription's
// goals, else the latest answer's, else asked once here (kept with the answer). Asked at the end
// of a session once a week (guided_session.cpp) and whenever `roll psfs` asks it.
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/user_data.hpp"
#include "roll/outcomes.hpp"

namespace roll::cli {

// The active prescription's goals, or none (no prescription, or one without goals).
[[nodiscard]] std::vector<std::string> active_goals(platform::HistoryStore& store);

// Whether the end of a session asks the question today: no valid answer on the last seven roll
// days (psfs_due), and the patient follows the PSFS: a prescription is active, or an answer was
// given before (`roll psfs` started it). roll's own choice: without either, nobody asked for it.
[[nodiscard]] bool psfs_asked_after_session(UserData& user, SysSeconds now);

// Asks every activity in turn; Enter (or any key that is not a score) skips the whole answer,
// which is then not stored. Returns the answer stored, or nothing. Ctrl-C throws
// Failure{exit_interrupted}; the end of the input is a skip.
std::optional<PsfsAnswer> ask_psfs(Context& ctx, UserData& user, SysSeconds now);

// The answer in words: "PSFS kept: 4.3 of 10 on average over 3 activities", then the change since
// the first answer (psfs_change_words).
[[nodiscard]] std::vector<std::string> psfs_kept_words(const std::vector<PsfsAnswer>& answers);

}  // namespace roll::cli
