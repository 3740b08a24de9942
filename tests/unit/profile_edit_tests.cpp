// Edits roll makes to config.toml (roll/profile_edit.hpp): one value changes or one line is
// added, and every other byte of the user's file stays.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "roll/profile.hpp"
#include "roll/profile_edit.hpp"
#include "roll/screening.hpp"

using namespace roll;
using namespace std::chrono;

namespace {

constexpr LocalDays kDay{year{2026} / 11 / 23};

const std::vector<std::pair<Condition, ConditionAnswer>> kAllNo{
    {Condition::osteoporosis, ConditionAnswer::no},
    {Condition::recent_trauma, ConditionAnswer::no},
    {Condition::muscle_guarding, ConditionAnswer::no},
    {Condition::active_cancer, ConditionAnswer::no},
    {Condition::neurological_symptoms, ConditionAnswer::no},
    {Condition::recent_surgery, ConditionAnswer::no}};

}  // namespace

TEST_CASE("with_condition_answers: a new [conditions] table at the end, every line before kept") {
  auto out = with_condition_answers("# mine\nlevel = \"beginner\"  # for now\n", kAllNo, kDay);
  REQUIRE(out);
  CHECK(out->starts_with("# mine\nlevel = \"beginner\"  # for now\n\n[conditions]\n"));
  CHECK(out->find("osteoporosis = false\n") != std::string::npos);
  CHECK(out->find("recent-surgery = false\n") != std::string::npos);
  CHECK(out->ends_with("asked = 2026-11-23\n"));
  auto profile = load_profile(*out, "config.toml");
  REQUIRE(profile.profile);
  CHECK(profile.profile->answered.size() == 6);
  CHECK(profile.profile->conditions_asked == kDay);
  CHECK(screening_state(*profile.profile, kDay).need == ScreeningNeed::none);
}

TEST_CASE(
    "with_condition_answers: values replaced in place, the user's spelling and comments kept") {
  std::string text =
      "level = \"beginner\"\n\n[conditions]\n# what my doctor said\nosteoporosis = \"cleared\"  "
      "# 2026-03\nrecent_surgery = true\nask_again = \"a prescription was added\"\n\n"
      "[more]\n";
  auto out = with_condition_answers(text, kAllNo, kDay);
  REQUIRE(out);
  CHECK(*out ==
        "level = \"beginner\"\n\n[conditions]\n# what my doctor said\nosteoporosis = false  # "
        "2026-03\nrecent_surgery = false\nrecent-trauma = false\nmuscle-guarding = false\n"
        "active-cancer = false\nneurological-symptoms = false\nasked = 2026-11-23\n\n[more]\n");
  auto kept = with_condition_answers(text, {{Condition::osteoporosis, ConditionAnswer::cleared}},
                                     std::nullopt);
  REQUIRE(kept);
  CHECK(kept->find("ask_again") != std::string::npos);  // no screening answered, nothing removed
}

TEST_CASE("profile edits refuse what only a hand edit can change, and never write broken TOML") {
  CHECK_FALSE(with_condition_answers("conditions = { osteoporosis = true }\n", kAllNo, kDay));
  CHECK_FALSE(with_condition_answers("conditions.osteoporosis = true\n", kAllNo, kDay));
  CHECK_FALSE(with_condition_answers("level = [", kAllNo, kDay));
  CHECK_FALSE(with_screening_due("conditions = 3\n", "x"));
}

TEST_CASE("a byte-order mark and a multi-byte key before the value keep their bytes") {
  std::string text =
      "\xEF\xBB\xBF# \xC3\xA9t\xC3\xA9\n\"\xE2\x82\xAC\" = 1\nlevel = \"advanced\"\n";
  auto out = with_level_line(text, Level::beginner);
  REQUIRE(out);
  CHECK(*out == "\xEF\xBB\xBF# \xC3\xA9t\xC3\xA9\n\"\xE2\x82\xAC\" = 1\nlevel = \"beginner\"\n");
}

TEST_CASE("with_first_ready_line and with_screening_due") {
  auto ready = with_first_ready_line("[conditions]\nosteoporosis = false\n", FirstReady::key);
  REQUIRE(ready);
  CHECK(*ready == "first_ready = \"key\"\n[conditions]\nosteoporosis = false\n");
  CHECK(load_profile(*ready, "c").profile->first_ready == FirstReady::key);

  auto due = with_screening_due("", "a prescription was added on 2026-11-23");
  REQUIRE(due);
  CHECK(*due == "[conditions]\nask_again = \"a prescription was added on 2026-11-23\"\n");
  auto twice = with_screening_due(*due, "again");
  REQUIRE(twice);
  CHECK(*twice == "[conditions]\nask_again = \"again\"\n");
}
