// A prescribed month as a patient lives it, in process on a fake clock (ROLL_NOW, local times so
// that the days are the same in every zone the suite runs in): the example prescription (four
// weeks of thoracic work, twice a day Monday to Saturday) added, the screening answered, sessions
// on most prescribed days with pain before and after falling, the PSFS answered each Monday, one
// evening and one whole day missed, and an injury that kept the patient off the roller for two
// days; then what `roll`, `roll stats` and the report show on its last day.
//
// With ROLL_MONTH_TRANSCRIPT=FILE the commands and their outputs are also written to FILE.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::Result;
using roll::test::roll_at;
using roll::test::source_path;
using roll::test::TempDir;

namespace {

struct Month {
  TempDir home;
  std::string transcript;

  Result run(const std::string& now, std::vector<std::string> args) {
    Result r = roll_at(home, now, args);
    std::string line = "$ ROLL_NOW=" + now + " roll";
    for (const auto& a : args) line += a.find(' ') == std::string::npos ? " " + a : " '" + a + "'";
    transcript += line + "\n" + r.out + r.err;
    if (r.exit_code != 0) transcript += fmt::format("[exit {}]\n", r.exit_code);
    return r;
  }
};

std::string day_of(int d) {
  return fmt::format("2026-11-{:02}", d);
}

// Monday 2 November is day 2; Sundays are 1, 8, 15, 22, 29.
bool sunday(int d) {
  return d % 7 == 1;
}

const char* const kGoals[] = {"Reaching up to a high shelf", "Sitting at my desk for an hour",
                              "Turning to look over my shoulder when driving"};

}  // namespace

TEST_CASE("a prescribed month: roll, roll stats and the report on its last day") {
  Month m;
  std::string example = source_path("docs/examples/thoracic-4-weeks.prescription.toml").string();
  auto added = m.run("2026-11-01T18:00:00", {"prescription", "add", example});
  REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  CHECK(has(added.out, "your prescription from Dr. Ana Moreno starts on Mon 2 Nov"));
  // Without a terminal the screening is not asked here but made due for the next session.
  CHECK(has(added.out, "The six screening questions are due again"));
  REQUIRE(m.run("2026-11-01T18:05:00",
                {"profile", "conditions", "--osteoporosis", "no", "--recent-trauma", "no",
                 "--muscle-guarding", "no", "--active-cancer", "no", "--neurological-symptoms",
                 "no", "--recent-surgery", "no"})
              .exit_code == 0);

  // PSFS each Monday evening: means 3, 3.67, 4.67, 5.67.
  const int psfs[4][3] = {{3, 4, 2}, {4, 4, 3}, {5, 5, 4}, {6, 6, 5}};
  for (int d = 2; d <= 28; ++d) {
    if (sunday(d)) continue;
    std::string day = day_of(d);
    int week = (d - 2) / 7;
    std::string before = std::to_string(6 - week);
    std::string after = std::to_string(5 - week);
    // The injury of the 10th evening keeps the 11th and 12th off the roller; cleared on the 13th.
    if (d == 11) {
      // On the first day of the injury nothing is due, and the day is excused.
      auto due = roll_at(m.home, day + "T09:00:00", {"due", "--json"});
      CHECK(has(due.out, "\"excused\" : \"injury\""));
    }
    if (d == 11 || d == 12) continue;
    if (d == 13) REQUIRE(m.run(day + "T07:00:00", {"injury", "clear", "1"}).exit_code == 0);
    // The 19th is missed whole, the 5th's evening too.
    if (d != 19) {
      auto r =
          m.run(day + "T08:00:00", {"history", "add", "mid-back-extension", "--at", day + "T07:30",
                                    "--pain-before", before, "--pain-after", after});
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    if (d != 5 && d != 19) {
      auto r = m.run(day + "T22:00:00", {"history", "add", "bedtime", "--at", day + "T21:30",
                                         "--pain-before", before, "--pain-after", after});
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    if (d % 7 == 2) {
      std::vector<std::string> args{"psfs"};
      for (int i = 0; i < 3; ++i) {
        args.push_back("--rate");
        args.push_back(fmt::format("{}={}", kGoals[i], psfs[week][i]));
      }
      auto r = m.run(day + "T22:05:00", args);
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      CHECK(has(r.out, "PSFS kept:"));
    }
    if (d == 10) {
      REQUIRE(m.run(day + "T23:00:00", {"injury", "add", "thoracic", "--at", day + "T22:50",
                                        "--note", "twisted reaching into the car"})
                  .exit_code == 0);
    }
  }

  const std::string last = "2026-11-29T20:00:00";
  auto today = m.run(last, {});
  CHECK(today.exit_code == 0);
  CHECK(has(today.out, "2026-11-29: rest day: no session prescribed today"));
  CHECK(has(today.out, "prescription: your prescription from Dr. Ana Moreno ends today"));
  // 24 prescribed days x 2 = 48; the 11th and 12th excused (4); the 5th's evening and the 19th
  // missed (3): 41 of 44.
  CHECK(has(today.out, "adherence: 41 of 44 prescribed sessions (93%), 4 excused for safety"));
  CHECK(has(today.out,
            "progress: your pain before sessions is down 3 points since you started (from 6 to 3 "
            "on the 0-10 scale): a meaningful change (2 points or 30% from the first week's "
            "average (Ostelo et al. 2008))"));
  CHECK(has(today.out,
            "progress: the activities you find hard are 2.6 points easier on average since you "
            "started (PSFS, from 3 to 5.7 of 10): a meaningful change (2.0 points on the mean of "
            "the activities (the figure usually cited from Stratford et al. 1995))"));
  // The count is met, but a patient on a clinician's plan is not told by roll to step past it.
  CHECK(has(today.out, "step up: 41 completed sessions over 28 days"));
  CHECK(has(today.out, "ask Dr. Ana Moreno whether to step up before `roll level intermediate`"));
  CHECK_FALSE(has(today.out, "try a longer session"));

  auto stats = m.run(last, {"stats"});
  CHECK(stats.exit_code == 0);
  CHECK(has(stats.out, "  Adherence: 41 of 44 prescribed sessions (93%), 4 excused for safety"));
  CHECK(has(stats.out, "    week of 2026-11-02: 11 of 12 prescribed sessions (91%)"));
  CHECK(has(stats.out,
            "    week of 2026-11-09: 8 of 8 prescribed sessions (100%), 4 excused for safety"));
  CHECK(has(stats.out, "    week of 2026-11-16: 10 of 12 prescribed sessions (83%)"));
  CHECK(has(stats.out, "    week of 2026-11-23: 12 of 12 prescribed sessions (100%)"));
  CHECK(has(stats.out, "Since you started:"));
  CHECK(has(stats.out, "your pain after sessions is down 3 points since you started"));
  auto json = m.run(last, {"stats", "--json"});
  CHECK(has(json.out, "\"excused\" : 4"));
  CHECK(has(json.out, "\"missed\" : 3"));
  CHECK(has(json.out, "\"percent\" : 93"));
  CHECK(has(json.out, "\"change\" : \"better\""));
  CHECK(has(json.out, "\"mean\" : \"5.7\""));

  std::string page = (m.home.path() / "report.html").string();
  auto report = m.run(last, {"report", "--html", page});
  CHECK(report.exit_code == 0);
  std::string html = roll::test::slurp(page);
  CHECK(has(html, "<h2>Prescription</h2>"));
  CHECK(has(html,
            "Adherence: <b>93%</b>, 41 of 44 prescribed sessions done; 4 excused for "
            "safety, 3 missed"));
  CHECK(has(html,
            "By week (from each Monday): 2026-11-02 <b>91%</b> (11 of 12, 1 missed); "
            "2026-11-09 <b>100%</b> (8 of 8, 4 excused)"));
  CHECK(has(html, "<b>Since the first rating</b>"));
  CHECK(has(html, "pain before sessions 6 &#8594; 3, down 3: <b>a meaningful change</b>"));
  CHECK(has(html, "3 &#8594; 5.7, 2.6 points easier: <b>a meaningful change</b>"));
  CHECK(has(html, "Stratford et al. 1995"));
  // The prescription comes first, then the figures at a glance with the outcomes under them.
  CHECK(html.find("<h2>Prescription</h2>") < html.find("<h2>At a glance</h2>"));
  CHECK(html.find("<h2>At a glance</h2>") < html.find("<b>Since the first rating</b>"));
  CHECK(html.find("<b>Since the first rating</b>") < html.find("<h2>Pain stops</h2>"));

  if (const char* file = std::getenv("ROLL_MONTH_TRANSCRIPT")) {
    std::ofstream(file) << m.transcript;
  }
}
