// `roll prescription add|list|show|end` in process, on a fake clock (ROLL_NOW): the example
// prescription added, shown, listed and ended; a file with errors or not a prescription refused
// with nothing stored.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fixtures.hpp"
#include "run_in_process.hpp"
#include "sync_devices.hpp"

using roll::test::has;
using roll::test::roll_at;
using roll::test::source_path;
using roll::test::TempDir;

namespace {

std::string example() {
  return source_path("docs/examples/thoracic-4-weeks.prescription.toml").string();
}

std::string write(const TempDir& dir, const std::string& name, const std::string& text) {
  return dir.write(name, text).string();
}

}  // namespace

TEST_CASE("roll prescription: add the example, show it, list it, end it") {
  TempDir home;
  const char* now = "2026-11-05T12:00:00";
  auto none = roll_at(home, now, {"prescription", "show"});
  CHECK(none.exit_code == 0);
  CHECK(has(none.out, "No prescription"));
  CHECK(
      has(roll_at(home, now, {"prescription", "show", "--json"}).out, "\"prescription\" : false"));

  auto added = roll_at(home, now, {"prescription", "add", example()});
  CHECK(added.exit_code == 0);
  CHECK(added.err == "");
  CHECK(has(added.out, "Added thoracic-4-weeks.prescription.toml"));
  CHECK(has(added.out, "your prescription from Dr. Ana Moreno runs until Sun 29 Nov"));

  auto shown = roll_at(home, now, {"prescription", "show"});
  CHECK(shown.exit_code == 0);
  CHECK(has(shown.out, "Four weeks of thoracic work"));
  CHECK(has(shown.out, "From:      Dr. Ana Moreno"));
  CHECK(has(shown.out, "Schedule:  2 a day on mon,tue,wed,thu,fri,sat"));
  CHECK(has(shown.out, "Dates:     2026-11-02 to 2026-11-29"));
  CHECK(has(shown.out, "Goal:      Reaching up to a high shelf"));

  auto json = roll_at(home, now, {"prescription", "show", "--json"}).out;
  CHECK(has(json, "\"clinician\" : \"Dr. Ana Moreno\""));
  CHECK(has(json, "\"times_per_day\" : 2"));
  CHECK(has(json, "\"phase\" : \"running\""));

  // After its last day it is still the active one, and says so.
  auto after = roll_at(home, "2026-12-03T12:00:00", {"prescription", "show"});
  CHECK(has(after.out,
            "Your prescription from Dr. Ana Moreno ended on 29 Nov: ask whether to go on"));

  auto listed = roll_at(home, now, {"prescription", "list"});
  CHECK(has(listed.out, "2026-11-02  2026-11-29  active"));

  auto ended = roll_at(home, "2026-11-06T12:00:00", {"prescription", "end"});
  CHECK(ended.exit_code == 0);
  CHECK(has(roll_at(home, now, {"prescription", "list"}).out, "2026-11-29  ended"));
  CHECK(has(roll_at(home, now, {"prescription", "show"}).out, "No prescription"));
  auto again = roll_at(home, now, {"prescription", "end"});
  CHECK(again.exit_code == 1);
  CHECK(has(again.err, "no prescription is active"));
}

TEST_CASE("roll prescription add: a second one ends the first") {
  TempDir home;
  REQUIRE(roll_at(home, "2026-11-05T12:00:00", {"prescription", "add", example()}).exit_code == 0);
  REQUIRE(roll_at(home, "2026-11-06T12:00:00", {"prescription", "add", example()}).exit_code == 0);
  auto listed = roll_at(home, "2026-11-06T12:00:00", {"prescription", "list"}).out;
  CHECK(has(listed, "ended"));
  CHECK(has(listed, "active"));
}

TEST_CASE("roll prescription add: a file with errors, or not a prescription, is refused") {
  TempDir home;
  TempDir files;
  // More than the second article's 1-4 a day, and an end before the start.
  auto bad = write(files, "bad.prescription.toml",
                   "prescription = 1\nlevel = \"beginner\"\nroutines = [\"bedtime\"]\n"
                   "times_per_day = 6\nfrom = 2026-11-10\nuntil = 2026-11-02\n");
  auto r = roll_at(home, "2026-11-05T12:00:00", {"prescription", "add", bad});
  CHECK(r.exit_code == 2);
  CHECK(has(r.out + r.err, "prescription-frequency"));
  CHECK(has(r.err, "has errors and is not added"));
  CHECK(has(roll_at(home, "2026-11-05T12:00:00", {"prescription", "show"}).out, "No prescription"));

  auto routine = write(files, "r.toml", "schema = 1\nname = \"x\"\n");
  r = roll_at(home, "2026-11-05T12:00:00", {"prescription", "add", routine});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "is not a prescription"));
  r = roll_at(home, "2026-11-05T12:00:00", {"prescription", "add", "/nonexistent/p.toml"});
  CHECK(r.exit_code == 2);
  CHECK(has(roll_at(home, "2026-11-05T12:00:00", {"prescription", "list"}).out,
            "No prescriptions added"));
}

// The example over its month (Mon 2 to Sun 29 November 2026, Monday to Saturday, twice a day:
// mid-back-extension then bedtime), in the run's own zone.
TEST_CASE("roll due and bare roll follow a prescribed month: days, count, excused, end") {
  using roll::test::seed_history;
  TempDir home;
  REQUIRE(roll_at(home, "2026-11-01T12:00:00", {"prescription", "add", example()}).exit_code == 0);

  SUBCASE("before its first day: as without one, and says when it starts") {
    auto r = roll_at(home, "2026-11-01T12:00:00", {"due"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "Due: no session completed today yet."));
    CHECK(has(r.out, "Your prescription from Dr. Ana Moreno starts on Mon 2 Nov."));
  }

  SUBCASE("twice a day is due until the second, with the routines in order") {
    auto r = roll_at(home, "2026-11-02T07:00:00", {"due"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out,
              "Due: 0 of 2 prescribed sessions done today; next: roll session "
              "mid-back-extension."));
    seed_history(home, "mid-back-extension 2026-11-02T08:00:00 completed 300\n");
    r = roll_at(home, "2026-11-02T12:00:00", {"due"});
    CHECK(r.exit_code == 0);  // without the prescription, one session is done for the day
    CHECK(has(r.out, "1 of 2 prescribed sessions done today; next: roll session bedtime"));
    CHECK(has(r.out, "Your prescription from Dr. Ana Moreno runs until Sun 29 Nov."));
    auto today = roll_at(home, "2026-11-02T12:00:00", {});
    CHECK(has(today.out, "2026-11-02: due: 1 of 2 prescribed sessions done today"));
    CHECK(has(today.out, "suggested: bedtime (prescribed: session 2 of 2 today)"));
    CHECK(has(today.out, "  start it: roll session bedtime"));
    auto json = roll_at(home, "2026-11-02T12:00:00", {"due", "--json"}).out;
    CHECK(has(json, "\"reason\" : \"not-done\""));
    CHECK(has(json, "\"remaining\" : 1"));
    CHECK(has(json, "\"command\" : \"roll session bedtime\""));

    seed_history(home, "bedtime 2026-11-02T21:30:00 completed 300\n");
    r = roll_at(home, "2026-11-02T22:00:00", {"due"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "Done for today: 2 of 2 prescribed sessions done today."));
    CHECK(has(roll_at(home, "2026-11-02T22:00:00", {}).out, "done for today: 2 of 2"));
  }

  SUBCASE("a day it does not prescribe is not due") {
    auto r = roll_at(home, "2026-11-08T12:00:00", {"due"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "Not due: no session prescribed today (next: Mon 9 Nov)."));
    CHECK(has(roll_at(home, "2026-11-08T12:00:00", {"due", "--json"}).out,
              "\"reason\" : \"not-prescribed\""));
    CHECK(has(roll_at(home, "2026-11-08T12:00:00", {"--json"}).out, "\"state\" : \"rest\""));
  }

  SUBCASE("a pain stop makes the day not due, and adherence counts it excused") {
    seed_history(home,
                 "mid-back-extension 2026-11-02T08:00:00 completed 300\n"
                 "bedtime 2026-11-02T21:30:00 completed 300\n"
                 "mid-back-extension 2026-11-03T08:00:00 pain-stop 60 thoracic=60\n");
    auto r = roll_at(home, "2026-11-03T12:00:00", {"due"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "Rest day: today's session ended in a pain stop"));
    // Wednesday noon: Monday 2 of 2, Tuesday's 2 excused, Wednesday's 2 still to do.
    auto json = roll_at(home, "2026-11-04T12:00:00", {"due", "--json"}).out;
    CHECK(has(json, "\"excused\" : 2"));
    CHECK(has(json, "\"pending\" : 2"));
    CHECK(has(json, "\"percent\" : 100"));
    auto today = roll_at(home, "2026-11-04T12:00:00", {}).out;
    CHECK(has(today, "adherence: 2 of 2 prescribed sessions (100%), 2 excused for safety"));
  }

  SUBCASE("an injury guarding the prescribed routine's zone: not due, excused") {
    REQUIRE(roll_at(home, "2026-11-05T10:00:00", {"injury", "add", "thoracic"}).exit_code == 0);
    auto r = roll_at(home, "2026-11-05T12:00:00", {"due"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "Not due: today is excused (an injury)"));
    auto json = roll_at(home, "2026-11-05T12:00:00", {"due", "--json"}).out;
    CHECK(has(json, "\"reason\" : \"excused\""));
    CHECK(has(json, "\"excused\" : \"injury\""));
  }

  SUBCASE("a condition not cleared: nothing is due, as without a prescription") {
    home.write("config/roll/config.toml", "[conditions]\nosteoporosis = true\n");
    auto r = roll_at(home, "2026-11-05T12:00:00", {"due"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.out, "Not due:"));
    CHECK(
        has(roll_at(home, "2026-11-05T12:00:00", {"due", "--json"}).out, "\"reason\" : \"held\""));
  }

  SUBCASE("roll stats and roll report: its adherence first, the CarePlan from it") {
    seed_history(home,
                 "mid-back-extension 2026-11-02T08:00:00 completed 300\n"
                 "bedtime 2026-11-02T21:30:00 completed 300\n"
                 "mid-back-extension 2026-11-03T08:00:00 completed 300\n");
    // Wednesday noon: Monday 2 of 2, Tuesday 1 of 2 (one missed), Wednesday's 2 to do.
    auto stats = roll_at(home, "2026-11-04T12:00:00", {"stats"}).out;
    CHECK(stats.find("Prescription: your prescription from Dr. Ana Moreno runs until") == 0);
    CHECK(has(stats, "  Adherence: 3 of 4 prescribed sessions (75%)"));
    CHECK(has(stats, "    week of 2026-11-02: 3 of 4 prescribed sessions (75%)"));
    auto json = roll_at(home, "2026-11-04T12:00:00", {"stats", "--json"}).out;
    CHECK(has(json, "\"missed\" : 1"));
    auto html = roll_at(home, "2026-11-04T12:00:00", {"report", "--html", "-"}).out;
    CHECK(html.find("<h2>Prescription</h2>") < html.find("<h2>At a glance</h2>"));
    CHECK(has(html, "Adherence: <b>75%</b>, 3 of 4 prescribed sessions done"));
    auto fhir = roll_at(home, "2026-11-04T12:00:00", {"report", "--fhir", "-"}).out;
    CHECK(has(fhir, "\"resourceType\" : \"CarePlan\""));
  }

  SUBCASE("after its last day: as without one, and says to ask whether to go on") {
    auto r = roll_at(home, "2026-12-01T12:00:00", {"due"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out,
              "Your prescription from Dr. Ana Moreno ended on 29 Nov: ask whether to go "
              "on."));
    CHECK(has(r.out, "Due: no session completed today yet."));
    CHECK(has(roll_at(home, "2026-12-01T12:00:00", {}).out,
              "prescription: your prescription from Dr. Ana Moreno ended on 29 Nov: ask whether "
              "to go on"));
  }
}

TEST_CASE(
    "roll prescription: the active prescription syncs, and an end on one device ends it on both") {
  using roll::test::Device;
  using roll::test::sync_dir;
  TempDir home;
  Device a{home, "a"}, b{home, "b"};
  auto dir = sync_dir(home);
  REQUIRE(a.roll_at("2026-11-20T12:00:00Z", {"prescription", "add", example()}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  auto shown = b.roll({"prescription", "show", "--json"}).out;
  CHECK(has(shown, "\"clinician\" : \"Dr. Ana Moreno\""));
  CHECK(has(b.roll({"due"}).out, "prescribed sessions done today"));

  REQUIRE(b.roll({"prescription", "end"}).exit_code == 0);
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  CHECK(has(a.roll({"prescription", "show"}).out, "No prescription"));
  CHECK(has(a.roll({"prescription", "list"}).out, "ended"));
}

TEST_CASE("roll prescription: a prescription record that is not one is refused at the door") {
  using roll::test::Device;
  TempDir home;
  Device a{home, "a"};
  // A line of format 3 whose text is a routine, not a prescription.
  auto file = home.write(
      "forged.ndjson",
      "{\"roll_journal\":1,\"device\":\"01890a5d-ac96-774b-bcce-b302099a8057\"}\n"
      "{\"v\":3,\"kind\":\"prescription\",\"uid\":\"01890a5d-ac96-774b-bcce-b302099a8058\","
      "\"device\":\"01890a5d-ac96-774b-bcce-b302099a8057\",\"fields\":{\"name\":\"x.toml\","
      "\"text\":\"schema = 1\\nname = \\\"x\\\"\\n\",\"from\":\"2026-11-02\",\"until\":"
      "\"2026-11-29\",\"added_at\":1795000000,\"ended_at\":null}}\n");
  auto r = a.roll({"history", "import", file.string()});
  CHECK(has(r.out + r.err, "is not a prescription roll reads"));
  CHECK(has(a.roll({"prescription", "show"}).out, "No prescription"));
}

TEST_CASE("roll prescription add asks the screening again: on a terminal now, else next session") {
  // On a terminal: the six questions at once, answered and kept with the day.
  TempDir home;
  REQUIRE(roll_at(home, "2026-10-01T18:00:00",
                  {"profile", "conditions", "--osteoporosis", "no", "--recent-trauma", "no",
                   "--muscle-guarding", "no", "--active-cancer", "no", "--neurological-symptoms",
                   "no", "--recent-surgery", "no"})
              .exit_code == 0);
  auto asked = roll::test::run_roll(home,
                                    roll::test::Run{{"prescription", "add", example()},
                                                    {{"ROLL_NOW", "2026-11-01T18:00:00"}},
                                                    "n\nn\nn\nn\nn\nn\n"},
                                    roll::test::InProcess{nullptr, true});
  REQUIRE_MESSAGE(asked.exit_code == 0, asked.err);
  CHECK(has(asked.out, "a prescription was added on 2026-11-01"));
  CHECK(has(asked.out, "Do you have osteoporosis"));
  CHECK(has(asked.out, "Kept in your profile"));
  std::string profile = roll::test::slurp(home.path() / "config" / "roll" / "config.toml");
  CHECK(has(profile, "asked = 2026-11-01"));
  CHECK_FALSE(has(profile, "ask_again"));
  // A yes on the terminal is kept as the condition: the prescription then holds, as every session.
  TempDir yes;
  auto held = roll::test::run_roll(yes,
                                   roll::test::Run{{"prescription", "add", example()},
                                                   {{"ROLL_NOW", "2026-11-01T18:00:00"}},
                                                   "y\nn\nn\nn\nn\nn\n"},
                                   roll::test::InProcess{nullptr, true});
  REQUIRE(held.exit_code == 0);
  CHECK(has(roll::test::slurp(yes.path() / "config" / "roll" / "config.toml"),
            "osteoporosis = true"));
  CHECK(has(roll_at(yes, "2026-11-02T09:00:00", {"due", "--json"}).out, "\"held\""));
  // Input that ends: nothing answered, the screening stays due for the next session.
  TempDir ended;
  auto unanswered = roll::test::run_roll(
      ended,
      roll::test::Run{
          {"prescription", "add", example()}, {{"ROLL_NOW", "2026-11-01T18:00:00"}}, ""},
      roll::test::InProcess{nullptr, true});
  CHECK(unanswered.exit_code == 0);
  CHECK(has(unanswered.out, "The screening got no answer"));
  CHECK(has(roll::test::slurp(ended.path() / "config" / "roll" / "config.toml"), "ask_again"));

  // Without a terminal: marked due, and the next session without a terminal is refused until the
  // six are answered (roll profile conditions, for a script).
  TempDir script;
  REQUIRE(roll_at(script, "2026-11-01T18:00:00",
                  {"profile", "conditions", "--osteoporosis", "no", "--recent-trauma", "no",
                   "--muscle-guarding", "no", "--active-cancer", "no", "--neurological-symptoms",
                   "no", "--recent-surgery", "no"})
              .exit_code == 0);
  auto added = roll_at(script, "2026-11-01T18:05:00", {"prescription", "add", example()});
  REQUIRE(added.exit_code == 0);
  CHECK(has(added.out, "The six screening questions are due again"));
  CHECK(has(roll::test::slurp(script.path() / "config" / "roll" / "config.toml"),
            "ask_again = \"a prescription was added on 2026-11-01\""));
  auto session = roll_at(script, "2026-11-02T08:00:00", {"session", "bedtime", "--plain"});
  CHECK(session.exit_code == 3);
  CHECK(has(session.err, "a prescription was added on 2026-11-01"));
}
