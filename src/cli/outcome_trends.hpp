#pragma once
// The outcome trends since the first rating, with their meaningful-change flags
// (roll/outcomes.hpp): pain before and after sessions on the 0-10 scale and the PSFS, read from the
// history once and shown alike by `roll stats` (text and JSON), bare `roll` (text and JSON) and the
// HTML report (docs/json.md, "outcomes").
#include <toml++/toml.h>

#include <string>
#include <vector>

#include "platform/history_store.hpp"
#include "roll/outcomes.hpp"

namespace roll::cli {

struct OutcomeTrends {
  PainChange pain_before;
  PainChange pain_after;
  PsfsChange psfs;
  int pain_before_ratings = 0;
  int pain_after_ratings = 0;
  int psfs_answers = 0;
  [[nodiscard]] bool any() const {
    return pain_before_ratings + pain_after_ratings + psfs_answers > 0;
  }
};

[[nodiscard]] OutcomeTrends gather_outcomes(platform::HistoryStore& store, int day_start_hour);
[[nodiscard]] OutcomeTrends outcomes_of(const std::vector<PainRating>& pain,
                                        const std::vector<PsfsAnswer>& psfs, int day_start_hour);

// One sentence a measure that has any rating: pain before, pain after, the PSFS.
[[nodiscard]] std::vector<std::string> outcome_lines(const OutcomeTrends& trends);

// The "outcomes" object of `roll stats --json` and `roll --json`.
[[nodiscard]] toml::table outcomes_json(const OutcomeTrends& trends);

}  // namespace roll::cli
