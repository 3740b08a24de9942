#pragma once
// Outcome measures on the scales clinicians use, and when a change is meaningful:
// - pain on the 0-10 numeric rating scale (0 no pain, 10 the worst imaginable), asked before and
//   after a session. Ratings on the older "how does your back feel" scale (10 fine) are a
//   different scale and never come in here;
// - the Patient-Specific Functional Scale (PSFS): up to five activities the patient finds hard,
//   each rated 0 (unable to do it) to 10 (able to do it as before the problem), and their mean.
// Means are compared exactly (as fractions), so a change that reaches a threshold is flagged
// however its decimals fall. Pure: ratings in, figures and words out.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/history.hpp"

namespace roll {

inline constexpr int kScaleMin = 0;  // both scales
inline constexpr int kScaleMax = 10;

// Pain: a change of at least 2 points, or of 30% of the baseline, is the smallest that patients
// with back pain find meaningful (Ostelo et al. 2008), the baseline being the first week's
// average. roll flags a rise as it flags a fall, at 2 points: its own reading, since the 30% is
// defined for improvement.
inline constexpr int kPainMeaningfulPoints = 2;
inline constexpr int kPainMeaningfulPercent = 30;
inline constexpr std::string_view kPainThresholdLabel =
    "2 points or 30% from the first week's average (Ostelo et al. 2008)";
inline constexpr std::string_view kPainRiseLabel =
    "2 points (roll's own reading for a rise, after Ostelo et al. 2008)";
// The first week, and the latest: seven roll days each.
inline constexpr int kOutcomeWeekDays = 7;

// PSFS: 2.0 points on the mean of the activities, the figure usually cited from Stratford et al.
// 1995; roll flags a fall as it flags a rise (its own reading).
inline constexpr int kPsfsMeaningfulPoints = 2;
inline constexpr std::string_view kPsfsThresholdLabel =
    "2.0 points on the mean of the activities (the figure usually cited from Stratford et al. "
    "1995)";
inline constexpr std::size_t kPsfsMaxActivities = 5;

enum class PainMoment { before, after };  // the session's

struct PainRating {
  SysSeconds at{};
  std::chrono::seconds utc_offset{0};
  int value = 0;  // 0-10
  PainMoment moment = PainMoment::before;
  std::string session_uid;
  std::string routine_name;
};

struct PsfsItem {
  std::string activity;
  int score = 0;  // 0 = unable .. 10 = as before the problem
};

// One answer to the weekly question: every activity rated at once.
struct PsfsAnswer {
  SysSeconds at{};
  std::chrono::seconds utc_offset{0};
  std::vector<PsfsItem> items;  // 1 to kPsfsMaxActivities
};

// The pain ratings on the 0-10 scale the sessions carry (`pain_before` at the start, `pain_after`
// at the end; rehearsals left out), for the FHIR export and the outcome figures. The history's
// `rating_before` / `rating_after` are the older "how does your back feel" scale (10 fine) and
// are never returned.
[[nodiscard]] std::vector<PainRating> pain_ratings(const std::vector<SessionRecord>& sessions);

// 1-5 activities, each named and rated 0-10: anything else is not a PSFS answer and is left out
// of every figure below.
[[nodiscard]] bool valid_psfs(const PsfsAnswer& answer);

// An average kept as its sum and count, so comparisons are exact.
struct Mean {
  std::int64_t sum = 0;
  std::int64_t count = 0;
  [[nodiscard]] double value() const {
    return count == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(count);
  }
};

[[nodiscard]] Mean psfs_mean(const PsfsAnswer& answer);

enum class Change {
  too_early,  // not enough to compare yet
  same,       // a change below the threshold
  better,     // meaningful: less pain, or a higher PSFS
  worse,      // meaningful: more pain, or a lower PSFS
};

struct PainChange {
  Change change = Change::too_early;
  PainMoment moment = PainMoment::before;
  Mean first_week;          // the first kOutcomeWeekDays roll days from the first rating
  Mean latest;              // the last kOutcomeWeekDays roll days, after the first week
  bool by_percent = false;  // better by the 30%, not by the 2 points
};

// Over the ratings of `moment` (others, and values outside 0-10, are left out), in any order.
[[nodiscard]] PainChange pain_change(const std::vector<PainRating>& ratings, PainMoment moment,
                                     int day_start_hour);

struct PsfsChange {
  Change change = Change::too_early;
  Mean first;   // the first answer's mean
  Mean latest;  // the latest answer's
};

// The first answer against the latest (valid ones, in any order); too early with fewer than two.
[[nodiscard]] PsfsChange psfs_change(const std::vector<PsfsAnswer>& answers);

// Whether the weekly question is due: no valid answer on the last kOutcomeWeekDays roll days.
[[nodiscard]] bool psfs_due(const std::vector<PsfsAnswer>& answers, LocalDays today,
                            int day_start_hour);

// The activities the weekly question rates: the prescription's goals when it names any (the first
// kPsfsMaxActivities), else those of the latest valid answer (asked once, then kept in the
// history), else none (the question asks for them).
[[nodiscard]] std::vector<std::string> psfs_activities(const std::vector<std::string>& goals,
                                                       const std::vector<PsfsAnswer>& answers);

// A figure for a patient: one decimal, none when it is whole ("3", "2.5"). A mean is rounded;
// a change (the difference of two means) is cut toward zero, never rounded up, so 1.96 reads
// "1.9" and never looks like a threshold it did not reach.
[[nodiscard]] std::string mean_words(const Mean& mean);
[[nodiscard]] std::string change_words(const Mean& from, const Mean& to);  // |to - from|

// "your pain before sessions is down 3 points since you started (from 6 to 3 on the 0-10
// scale): a meaningful change, 2 points or 30% ... (Ostelo et al. 2008)".
[[nodiscard]] std::string pain_change_words(const PainChange& change);
// "the activities you find hard are 2.4 points easier on average since you started (PSFS, from 3
// to 5.4 of 10): a meaningful change ...".
[[nodiscard]] std::string psfs_change_words(const PsfsChange& change);

}  // namespace roll
