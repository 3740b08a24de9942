// Outcome measures (src/core/outcomes.cpp): pain on the 0-10 scale and the PSFS, and the
// meaningful-change flags at and just below each threshold of the literature.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calendar.hpp"
#include "prescribed_month.hpp"
#include "roll/outcomes.hpp"

using namespace roll;
using namespace std::chrono;
namespace month = roll::test::month;

namespace {

// `first` on 1 November (the first week), `later` on the 8th (the latest week), a minute apart.
std::vector<PainRating> ratings(const std::vector<int>& first, const std::vector<int>& later,
                                PainMoment moment = PainMoment::before) {
  std::vector<PainRating> out;
  int minute = 0;
  for (int v : first)
    out.push_back({month::local(1, 9, minute++), month::kOffset, v, moment, "", ""});
  for (int v : later)
    out.push_back({month::local(8, 9, minute++), month::kOffset, v, moment, "", ""});
  return out;
}

PsfsAnswer answer(unsigned day, std::vector<int> scores) {
  PsfsAnswer a{month::local(day, 9), month::kOffset, {}};
  int n = 0;
  for (int s : scores) a.items.push_back({"activity " + std::to_string(++n), s});
  return a;
}

Change pain(const std::vector<int>& first, const std::vector<int>& later) {
  return pain_change(ratings(first, later), PainMoment::before, 4).change;
}

}  // namespace

TEST_CASE("pain: 2 points from the first week's average is meaningful, 1.9 is not") {
  // Baseline 8: 30% is 2.4, so the 2 points decide.
  CHECK(pain({8, 8, 8}, {6}) == Change::better);
  CHECK(pain({8, 8, 8}, {6, 6, 6, 6, 6, 6, 6, 6, 6, 7}) == Change::same);  // 1.9
  // A mean of thirds that reaches 2 exactly: 20/3 - 14/3.
  CHECK(pain({7, 7, 6}, {5, 5, 4}) == Change::better);
  auto c = pain_change(ratings({8, 8, 8}, {6}), PainMoment::before, 4);
  CHECK_FALSE(c.by_percent);
  CHECK(c.first_week.sum == 24);
  CHECK(c.first_week.count == 3);
  CHECK(c.latest.count == 1);
}

TEST_CASE("pain: 30% of the baseline is meaningful when it is under 2 points, 29% is not") {
  // Baseline 5: 30% is 1.5 points.
  auto at = pain_change(ratings({5, 5}, {4, 3}), PainMoment::before, 4);  // 3.5: 1.5 down
  CHECK(at.change == Change::better);
  CHECK(at.by_percent);
  // 1.4 down is 28%.
  CHECK(pain({5, 5}, {4, 4, 3, 4, 3}) == Change::same);
  // Baseline 3: 30% is 0.9; 0.9 down is meaningful, 0.8 is not.
  CHECK(pain({3}, {2, 2, 2, 2, 2, 2, 2, 2, 2, 3}) == Change::better);  // 2.1
  CHECK(pain({3}, {2, 2, 2, 2, 3}) == Change::same);                   // 2.2
  // From no pain nothing can fall; no percentage of zero flags a change.
  CHECK(pain({0}, {0}) == Change::same);
}

TEST_CASE("pain: a rise of 2 points is flagged, 1.9 is not") {
  CHECK(pain({3}, {5}) == Change::worse);
  CHECK(pain({3}, {5, 5, 5, 5, 5, 5, 5, 5, 5, 4}) == Change::same);  // 1.9 up
  // A rise is not flagged by a percentage (roll's own reading): 2 to 3 is 50% but 1 point.
  CHECK(pain({2}, {3}) == Change::same);
}

TEST_CASE("pain: the first week, the latest week, and what is left out") {
  // Only the first week so far: too early.
  CHECK(pain({6, 6, 6, 6, 6, 6, 6}, {}) == Change::too_early);
  CHECK(pain_change({}, PainMoment::before, 4).change == Change::too_early);
  // The latest week is the last seven days, never the first week again: a rating on day 8 is
  // not in the latest window when the last rating is on day 30.
  std::vector<PainRating> r = ratings({6}, {0});
  r.push_back({month::local(30, 9), month::kOffset, 6, PainMoment::before, "", ""});
  auto c = pain_change(r, PainMoment::before, 4);
  CHECK(c.latest.count == 1);
  CHECK(c.latest.sum == 6);
  CHECK(c.change == Change::same);
  // After-session ratings are their own series; values off the scale are left out.
  auto mixed = ratings({6}, {3});
  mixed.push_back({month::local(9, 9), month::kOffset, 0, PainMoment::after, "", ""});
  mixed.push_back({month::local(9, 9), month::kOffset, 11, PainMoment::before, "", ""});
  mixed.push_back({month::local(9, 9), month::kOffset, -1, PainMoment::before, "", ""});
  CHECK(pain_change(mixed, PainMoment::before, 4).latest.count == 1);
  CHECK(pain_change(mixed, PainMoment::after, 4).change == Change::too_early);
}

TEST_CASE("PSFS: 2.0 points on the mean is meaningful, just below is not") {
  auto change = [](std::vector<int> first, std::vector<int> latest) {
    return psfs_change({answer(2, std::move(first)), answer(9, std::move(latest))}).change;
  };
  CHECK(change({3, 4, 2}, {5, 6, 4}) == Change::better);            // 3 to 5
  CHECK(change({3, 4, 2}, {5, 6, 3}) == Change::same);              // 3 to 4.67
  CHECK(change({3, 3, 3, 3, 3}, {5, 5, 5, 5, 4}) == Change::same);  // 1.8
  CHECK(change({3, 3, 3, 3, 3}, {5, 5, 5, 5, 5}) == Change::better);
  CHECK(change({5, 6, 4}, {3, 4, 2}) == Change::worse);
  CHECK(change({5, 6, 4}, {3, 4, 3}) == Change::same);
  // The first answer against the latest, in any order; the middle ones do not matter.
  auto c = psfs_change({answer(23, {6}), answer(2, {3}), answer(9, {9})});
  CHECK(c.first.sum == 3);
  CHECK(c.latest.sum == 6);
  CHECK(c.change == Change::better);
  // One answer is too early; answers that are not PSFS answers are left out.
  CHECK(psfs_change({answer(2, {3})}).change == Change::too_early);
  CHECK(psfs_change({answer(2, {3}), answer(9, {11})}).change == Change::too_early);
  CHECK(psfs_change({answer(2, {3}), answer(9, {})}).change == Change::too_early);
  CHECK(psfs_change({answer(2, {3}), answer(9, {5, 5, 5, 5, 5, 5})}).change == Change::too_early);
  PsfsAnswer unnamed = answer(9, {5});
  unnamed.items[0].activity.clear();
  CHECK_FALSE(valid_psfs(unnamed));
}

TEST_CASE("PSFS: asked once a week") {
  std::vector<PsfsAnswer> answers{answer(2, {3})};
  CHECK_FALSE(psfs_due(answers, test::on(2026, 11, 2), 4));
  CHECK_FALSE(psfs_due(answers, test::on(2026, 11, 8), 4));
  CHECK(psfs_due(answers, test::on(2026, 11, 9), 4));
  CHECK(psfs_due({}, test::on(2026, 11, 2), 4));
  // Before the day's start, an answer at 02:00 is the day before's.
  std::vector<PsfsAnswer> late{{month::local(9, 2), month::kOffset, {{"a", 3}}}};
  CHECK(psfs_due(late, test::on(2026, 11, 15), 4));
  CHECK_FALSE(psfs_due(late, test::on(2026, 11, 14), 4));
}

TEST_CASE("outcomes: the words a patient reads, with where each threshold comes from") {
  auto m = month::make();
  auto before = pain_change(m.pain, PainMoment::before, month::kDayStart);
  CHECK(before.change == Change::better);
  CHECK(pain_change_words(before) ==
        "your pain before sessions is down 3 points since you started (from 6 to 3 on the 0-10 "
        "scale): a meaningful change (2 points or 30% from the first week's average (Ostelo et "
        "al. 2008))");
  auto psfs = psfs_change(m.psfs);
  CHECK(psfs.change == Change::better);
  // 3 to 17/3: up 2.67, cut to 2.6, never rounded up.
  CHECK(psfs_change_words(psfs) ==
        "the activities you find hard are 2.6 points easier on average since you started (PSFS, "
        "from 3 to 5.7 of 10): a meaningful change (2.0 points on the mean of the activities (the "
        "figure usually cited from Stratford et al. 1995))");
  // Just below: 3 to 4.67 is 1.6 easier, not yet meaningful; a fall of 2 is flagged.
  CHECK(psfs_change_words(psfs_change({answer(2, {3, 4, 2}), answer(9, {5, 6, 3})})) ==
        "the activities you find hard are 1.6 points easier on average since you started (PSFS, "
        "from 3 to 4.7 of 10), less than a meaningful change (2.0 points on the mean of the "
        "activities (the figure usually cited from Stratford et al. 1995))");
  CHECK(psfs_change_words(psfs_change({answer(2, {5}), answer(9, {3})}))
            .starts_with("the activities you find hard are 2 points harder on average since you "
                         "started (PSFS, from 5 to 3 of 10): tell your physical therapist"));
  CHECK(psfs_change_words(psfs_change({answer(2, {5})})) ==
        "the activities you find hard (PSFS): roll compares from your second weekly answer");
  // A change just below the threshold reads as less than one, with the figures that show it.
  auto below =
      pain_change(ratings({8, 8, 8}, {6, 6, 6, 6, 6, 6, 6, 6, 6, 7}), PainMoment::before, 4);
  CHECK(pain_change_words(below) ==
        "your pain before sessions is down 1.9 points since you started (from 8 to 6.1 on the "
        "0-10 scale), less than a meaningful change (2 points or 30% from the first week's "
        "average (Ostelo et al. 2008))");
  auto worse = pain_change(ratings({3}, {5}, PainMoment::after), PainMoment::after, 4);
  CHECK(pain_change_words(worse).starts_with(
      "your pain after sessions is up 2 points since you started (from 3 to 5 on the 0-10 "
      "scale): tell your physical therapist (2 points (roll's own reading for a rise"));
  CHECK(pain_change_words(pain_change({}, PainMoment::before, 4)) ==
        "your pain before sessions: a week of ratings first, then roll compares");
  CHECK(mean_words({17, 3}) == "5.7");
  CHECK(mean_words({24, 3}) == "8");
  CHECK(change_words({20, 3}, {14, 3}) == "2");
  CHECK(change_words({8, 1}, {61, 10}) == "1.9");
  CHECK(kPainThresholdLabel.find("Ostelo et al. 2008") != std::string_view::npos);
  CHECK(kPsfsThresholdLabel.find("Stratford et al. 1995") != std::string_view::npos);
}

TEST_CASE("PSFS: the activities asked come from the goals, else the latest answer") {
  std::vector<PsfsAnswer> answers{answer(2, {3, 4}), answer(9, {5})};
  // Goals win, cut to five and without repeats.
  CHECK(psfs_activities({"a", "b", "a", "c", "d", "e", "f"}, answers) ==
        std::vector<std::string>{"a", "b", "c", "d", "e"});
  // Without goals, the latest valid answer's activities: asked once, then kept.
  CHECK(psfs_activities({}, answers) == std::vector<std::string>{"activity 1"});
  answers.push_back(answer(16, {}));  // not a PSFS answer: left out
  CHECK(psfs_activities({}, answers) == std::vector<std::string>{"activity 1"});
  CHECK(psfs_activities({}, {}).empty());
}
