// The screening (roll/screening.hpp): when the six questions are due, and what holds a session.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "roll/profile.hpp"
#include "roll/screening.hpp"

using namespace roll;
using namespace std::chrono;

namespace {

constexpr LocalDays kDay{year{2026} / 11 / 23};

Profile answered(std::string extra = "") {
  auto r = load_profile(
      "[conditions]\nosteoporosis = false\nrecent-trauma = false\nmuscle-guarding = false\n"
      "active-cancer = false\nneurological-symptoms = false\nrecent-surgery = false\n" +
          extra,
      "config.toml");
  REQUIRE(r.profile);
  return *r.profile;
}

}  // namespace

TEST_CASE("screening: the six questions are the second article's six, each asked once") {
  std::vector<Condition> asked;
  for (const auto& q : kScreeningQuestions) {
    asked.push_back(q.condition);
    CHECK(q.question.ends_with("?"));
  }
  std::sort(asked.begin(), asked.end());
  CHECK(std::unique(asked.begin(), asked.end()) == asked.end());
  CHECK(asked.size() == kConditionNames.size());
}

TEST_CASE("screening: due with no profile, with five of six, and not with all six") {
  CHECK(screening_state(Profile{}, kDay).need == ScreeningNeed::first);
  CHECK(screening_state(Profile{}, kDay).missing.size() == 6);
  auto five = load_profile(
      "[conditions]\nosteoporosis = false\nrecent_trauma = false\nmuscle-guarding = false\n"
      "active-cancer = true\nneurological-symptoms = \"cleared\"\n",
      "c");
  REQUIRE(five.profile);
  auto state = screening_state(*five.profile, kDay);
  CHECK(state.need == ScreeningNeed::first);
  CHECK(state.missing == std::vector<Condition>{Condition::recent_surgery});
  // Written by hand, without `asked`: answered.
  CHECK(screening_state(answered(), kDay).need == ScreeningNeed::none);
}

TEST_CASE("screening: asked again six months on, on a prescription, and for a day not yet come") {
  CHECK(screening_state(answered("asked = 2026-05-24\n"), kDay).need == ScreeningNeed::none);
  auto stale = screening_state(answered("asked = 2026-05-23\n"), kDay);
  CHECK(stale.need == ScreeningNeed::stale);
  CHECK(stale.why.find("2026-05-23") != std::string::npos);
  // 31 May + 6 months is 30 November (no 31st).
  CHECK(screening_state(answered("asked = 2026-05-31\n"), LocalDays{year{2026} / 11 / 29}).need ==
        ScreeningNeed::none);
  CHECK(screening_state(answered("asked = 2026-05-31\n"), LocalDays{year{2026} / 11 / 30}).need ==
        ScreeningNeed::stale);
  CHECK(screening_state(answered("asked = 2027-01-01\n"), kDay).need == ScreeningNeed::stale);
  auto again = screening_state(
      answered("asked = 2026-11-01\nask_again = \"a prescription was added\"\n"), kDay);
  CHECK(again.need == ScreeningNeed::ask_again);
  CHECK(again.why.find("a prescription was added") != std::string::npos);
}

TEST_CASE("screening: the profile checks `asked` and `ask_again` at their line") {
  auto bad = load_profile("[conditions]\nasked = \"yesterday\"\nask_again = 3\n", "config.toml");
  CHECK_FALSE(bad.profile);
  REQUIRE(bad.diagnostics.size() == 2);
  CHECK(bad.diagnostics[0].where.line == 2);
  CHECK(bad.diagnostics[1].where.line == 3);
  CHECK_FALSE(load_profile("[conditions]\nasked = 2026-02-30\n", "c").profile);
  CHECK_FALSE(load_profile("[conditions]\nasked = 2026-02-03T10:00:00\n", "c").profile);
}

TEST_CASE("held_reason: only a condition not cleared holds a session, and says how to clear it") {
  CHECK(held_reason(answered()).empty());
  auto cleared = load_profile("[conditions]\nosteoporosis = \"cleared\"\n", "c");
  CHECK(held_reason(*cleared.profile).empty());
  auto held = load_profile("[conditions]\nactive_cancer = true\n", "c");
  std::string why = held_reason(*held.profile);
  CHECK(why.find("active-cancer") != std::string::npos);
  CHECK(why.find("roll profile conditions --active-cancer cleared") != std::string::npos);
  CHECK(screening_command().find("--recent-surgery yes|no") != std::string::npos);
}
