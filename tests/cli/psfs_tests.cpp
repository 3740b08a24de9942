// `roll psfs` (src/cli/commands/psfs.cpp) and the weekly question it shares with the end of a
// session (cli/session/psfs_question.cpp), in process on a fake clock; and the meaningful-change
// flags `roll stats` shows for pain and the PSFS, at and just below each threshold.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::InProcess;
using roll::test::Result;
using roll::test::roll_at;
using roll::test::Run;
using roll::test::source_path;
using roll::test::TempDir;

namespace {

// On a terminal (stdin and stdout count as one), answering from `input`.
Result on_terminal(const TempDir& home, const std::string& now, std::vector<std::string> args,
                   const std::string& input) {
  return roll::test::run_roll(home, Run{std::move(args), {{"ROLL_NOW", now}}, input},
                              InProcess{nullptr, true});
}

std::string example() {
  return source_path("docs/examples/thoracic-4-weeks.prescription.toml").string();
}

int psfs_lines(const TempDir& home) {
  auto out = roll_at(home, "2026-11-30T12:00:00", {"history", "export"}).out;
  int n = 0;
  for (std::size_t at = 0; (at = out.find("\"kind\":\"psfs\"", at)) != std::string::npos; ++at) ++n;
  return n;
}

}  // namespace

TEST_CASE("roll psfs --rate: kept for a script, each rating checked") {
  TempDir home;
  auto first = roll_at(home, "2026-11-02T21:00:00",
                       {"psfs", "--rate", "Reaching up to a high shelf=3", "--rate",
                        "Sitting at my desk for an hour=4"});
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(has(first.out, "PSFS kept: 3.5 of 10 on average over 2 activities."));
  CHECK(has(first.out, "roll compares from your second weekly answer"));
  auto exported = roll_at(home, "2026-11-02T21:00:00", {"history", "export"}).out;
  CHECK(has(exported, R"("v":4,"kind":"psfs")"));
  CHECK(has(exported, R"("activity_1":"Reaching up to a high shelf","score_1":3)"));

  for (const std::vector<std::string>& bad :
       std::vector<std::vector<std::string>>{{"--rate", "shelf=11"},
                                             {"--rate", "shelf"},
                                             {"--rate", "shelf=4.5"},
                                             {"--rate", "=4"},
                                             {"--rate", "shelf=4", "--rate", "shelf=5"},
                                             {"--rate", "line\nbreak=4"},
                                             {"--rate", "a=1", "--rate", "b=1", "--rate", "c=1",
                                              "--rate", "d=1", "--rate", "e=1", "--rate", "f=1"}}) {
    std::vector<std::string> args{"psfs"};
    args.insert(args.end(), bad.begin(), bad.end());
    auto r = roll_at(home, "2026-11-03T21:00:00", args);
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
  }
  CHECK(psfs_lines(home) == 1);
  // Without a terminal and without --rate there is nobody to ask.
  auto none = roll_at(home, "2026-11-03T21:00:00", {"psfs"});
  CHECK(none.exit_code == 2);
  CHECK(has(none.err, "roll psfs --rate \"ACTIVITY=SCORE\""));
}

TEST_CASE("roll psfs on a terminal: the prescription's goals, one key a score, Enter skips") {
  TempDir home;
  REQUIRE(roll_at(home, "2026-11-01T18:00:00", {"prescription", "add", example()}).exit_code == 0);
  auto first = on_terminal(home, "2026-11-02T21:00:00", {"psfs"}, "3\n4\n2\n");
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(has(first.out, "Once a week, the Patient-Specific Functional Scale"));
  CHECK(has(first.out,
            "  Reaching up to a high shelf: 0 (unable to do it) to 10 (able to do it as before "
            "the problem); Enter skips the week's answer: 3/10"));
  CHECK(has(first.out, "Turning to look over my shoulder when driving"));
  CHECK(has(first.out, "PSFS kept: 3 of 10 on average over 3 activities."));
  // Enter on any activity skips the week's answer: nothing is kept.
  auto skipped = on_terminal(home, "2026-11-09T21:00:00", {"psfs"}, "5\n\n");
  CHECK(skipped.exit_code == 1);
  CHECK(has(skipped.out, "Skipped: nothing kept"));
  CHECK(psfs_lines(home) == 1);
  // A week later, 2.0 points on the mean: meaningful.
  auto later = on_terminal(home, "2026-11-09T21:00:00", {"psfs"}, "5\n6\n4\n");
  REQUIRE(later.exit_code == 0);
  CHECK(has(later.out,
            "The activities you find hard are 2 points easier on average since you started "
            "(PSFS, from 3 to 5 of 10): a meaningful change"));
}

TEST_CASE("roll psfs on a terminal: without goals the activities are asked once, then kept") {
  TempDir home;
  auto first = on_terminal(home, "2026-11-02T21:00:00", {"psfs"},
                           "Reaching up to a high shelf\n\x1b[31mred\nCarrying the shopping\n"
                           "Reaching up to a high shelf\n\n4\n5\n");
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(has(first.out, "Name up to 5 activities your back makes hard to do"));
  CHECK(has(first.out, "holds a control character"));
  CHECK(has(first.out, "That activity is on the list already."));
  CHECK(has(first.out, "PSFS kept: 4.5 of 10 on average over 2 activities."));
  // The next time the same two are rated, without asking for them.
  auto again = on_terminal(home, "2026-11-09T21:00:00", {"psfs"}, "5\n6\n");
  REQUIRE(again.exit_code == 0);
  CHECK_FALSE(has(again.out, "Name up to"));
  CHECK(has(again.out, "  Carrying the shopping: 0 (unable"));
  // An empty first line skips.
  TempDir other;
  auto none = on_terminal(other, "2026-11-02T21:00:00", {"psfs"}, "\n");
  CHECK(none.exit_code == 1);
  CHECK(psfs_lines(other) == 0);
}

TEST_CASE("roll stats: the PSFS flag at 2.0 points on the mean, not just below") {
  auto stats_after = [](std::vector<std::string> first, std::vector<std::string> latest) {
    TempDir home;
    std::vector<std::string> a{"psfs"}, b{"psfs"};
    for (const auto& r : first) a.insert(a.end(), {"--rate", r});
    for (const auto& r : latest) b.insert(b.end(), {"--rate", r});
    REQUIRE(roll_at(home, "2026-11-02T21:00:00", a).exit_code == 0);
    REQUIRE(roll_at(home, "2026-11-09T21:00:00", b).exit_code == 0);
    return roll_at(home, "2026-11-09T22:00:00", {"stats"}).out + "\n" +
           roll_at(home, "2026-11-09T22:00:00", {"stats", "--json"}).out + "\n" +
           roll_at(home, "2026-11-09T22:00:00", {}).out;
  };
  // 3 to 5: 2.0 exactly.
  auto at = stats_after({"a=3", "b=4", "c=2"}, {"a=5", "b=6", "c=4"});
  CHECK(has(at, "Since you started:"));
  CHECK(has(at, "the activities you find hard are 2 points easier on average since you"));
  CHECK(has(at, "a meaningful change (2.0 points on the mean of the activities"));
  CHECK(has(at, "\"meaningful\" : true"));
  CHECK(has(at, "progress: the activities you find hard are 2 points easier"));
  // 3 to 4.67: 1.67, cut to 1.6, not meaningful.
  auto below = stats_after({"a=3", "b=4", "c=2"}, {"a=5", "b=6", "c=3"});
  CHECK(has(below, "1.6 points easier on average since you"));
  CHECK(has(below, "less than a meaningful change"));
  CHECK(has(below, "\"meaningful\" : false"));
  CHECK_FALSE(has(below, "\"meaningful\" : true"));
}

TEST_CASE("roll stats: the pain flag at 2 points or 30% from the first week, not just below") {
  // Pain before sessions in the first week (from the 2nd), then in the latest (the 9th).
  auto stats_after = [](std::vector<std::string> first, std::vector<std::string> latest) {
    TempDir home;
    int minute = 0;
    auto add = [&](const std::string& day, const std::string& pain) {
      std::string at = day + "T08:" + (minute < 10 ? "0" : "") + std::to_string(minute);
      ++minute;
      auto r = roll_at(home, "2026-11-09T23:00:00",
                       {"history", "add", "bedtime", "--at", at, "--pain-before", pain});
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    };
    for (const auto& p : first) add("2026-11-02", p);
    for (const auto& p : latest) add("2026-11-09", p);
    return roll_at(home, "2026-11-09T23:00:00", {"stats"}).out + "\n" +
           roll_at(home, "2026-11-09T23:00:00", {"stats", "--json"}).out;
  };
  // 8 to 6: 2 points.
  auto two = stats_after({"8", "8", "8"}, {"6"});
  CHECK(has(two, "your pain before sessions is down 2 points since you started (from 8 to 6"));
  CHECK(has(two, "\"meaningful\" : true"));
  // 8 to 6.1: 1.9 points, 24%: not meaningful.
  auto below = stats_after({"8", "8", "8"}, {"6", "6", "6", "6", "6", "6", "6", "6", "6", "7"});
  CHECK(has(below, "is down 1.9 points since you started (from 8 to 6.1"));
  CHECK(has(below, "less than a meaningful change"));
  CHECK(has(below, "\"meaningful\" : false"));
  // 5 to 3.5: 1.5 points, 30%: meaningful by the percentage.
  auto pct = stats_after({"5", "5"}, {"4", "3"});
  CHECK(has(pct, "is down 1.5 points since you started (from 5 to 3.5"));
  CHECK(has(pct, "\"by_percent\" : true"));
  // 5 to 3.6: 1.4 points, 28%: not.
  auto under = stats_after({"5", "5"}, {"4", "4", "3", "4", "3"});
  CHECK(has(under, "is down 1.4 points since you started"));
  CHECK(has(under, "less than a meaningful change"));
}
