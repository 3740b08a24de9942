// history, stats, due, remind, injury and the profile through the built binary, with XDG_* in a
// temporary directory and ROLL_NOW fixing the wall clock. Sessions are seeded through the real
// store by a test-only tool (roll_seed_history).
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "run_roll.hpp"

using roll::test::Result;
using roll::test::Run;
using roll::test::run_roll;
using roll::test::TempDir;

using roll::test::slurp;

namespace {

constexpr const char* kNow = "2026-11-23T21:00:00Z";  // a Monday evening

std::filesystem::path db_file(const TempDir& home) {
  return home.path() / "data" / "roll" / "history.sqlite3";
}

void seed(const TempDir& home, const std::string& lines) {
  auto input = home.write("seed.txt", lines);
  std::string cmd =
      fmt::format("'{}' '{}' < '{}'", ROLL_SEED_BINARY, db_file(home).string(), input.string());
  REQUIRE(std::system(cmd.c_str()) == 0);
}

Result roll_at(const TempDir& home, const char* now, std::vector<std::string> args) {
  return run_roll(home, Run{std::move(args), {{"ROLL_NOW", now}}, ""});
}

Result roll_now(const TempDir& home, std::vector<std::string> args) {
  return roll_at(home, kNow, std::move(args));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("roll history --json: newest first, the required keys, killed sessions unfinished") {
  TempDir home;
  seed(home,
       "bedtime 2026-11-21T21:30:00Z completed 300 thoracic=180 lats=120\n"
       "thoracic 2026-11-22T21:30:00Z running 120\n"
       "glutes 2026-11-23T20:00:00Z pain-stop 45\n");
  auto r = roll_now(home, {"history", "--json"});
  CHECK(r.exit_code == 0);
  REQUIRE(r.out.starts_with("{"));
  CHECK(has(r.out, "\"version\" : 1"));
  CHECK(has(r.out, "\"sessions\" : ["));
  auto glutes = r.out.find("\"routine\" : \"glutes\"");
  auto thoracic = r.out.find("\"routine\" : \"thoracic\"");
  auto bedtime = r.out.find("\"routine\" : \"bedtime\"");
  REQUIRE(glutes != std::string::npos);
  CHECK(glutes < thoracic);
  CHECK(thoracic < bedtime);
  for (const char* key :
       {"\"started_at\" : \"2026-11-21T21:30:00Z\"", "\"ended_at\" : \"2026-11-21T21:35:00Z\"",
        "\"status\" : \"completed\"", "\"status\" : \"unfinished\"", "\"status\" : \"pain-stop\"",
        "\"planned_seconds\" : 300", "\"completed_seconds\" : 45", "\"thoracic\" : 180"}) {
    CAPTURE(key);
    CHECK(has(r.out, key));
  }
  CHECK_FALSE(has(r.out, "running"));

  auto limited = roll_now(home, {"history", "--json", "--limit", "1"});
  CHECK(has(limited.out, "glutes"));
  CHECK_FALSE(has(limited.out, "bedtime"));
  auto since = roll_now(home, {"history", "--since", "2026-11-22"});
  CHECK(has(since.out, "thoracic"));
  CHECK_FALSE(has(since.out, "bedtime"));
  auto csv = roll_now(home, {"history", "--csv"});
  CHECK(csv.out.starts_with(
      "id,routine,title,started_at,ended_at,status,planned_seconds,completed_seconds,origin\r\n"));
  CHECK(has(csv.out,
            ",bedtime,Seeded bedtime,2026-11-21T21:30:00Z,2026-11-21T21:35:00Z,completed,300,300,"
            "live\r\n"));
  auto table = roll_now(home, {"history"});
  CHECK(has(table.out, "2026-11-22 21:30  thoracic"));
  CHECK(has(table.out, "unfinished"));
  CHECK(roll_now(home, {"history", "--json", "--csv"}).exit_code == 2);
  CHECK(roll_now(home, {"history", "--since", "last week"}).exit_code == 2);
}

// Issue 16: + and - are kept with the session, shown by history, and deleted with it.
TEST_CASE("roll history shows the holds changed with + and -; history delete removes them") {
  TempDir home;
  seed(home,
       "bedtime 2026-11-22T21:30:00Z completed 300 thoracic=300\n"
       "thoracic 2026-11-23T20:00:00Z completed 330 thoracic=330 hold=1:40:15 hold=3:200:-5\n");
  auto r = roll_now(home, {"history", "--json"});
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "\"hold_changes\" : []"));  // bedtime had none
  for (const char* part : {"\"delta_seconds\" : 15", "\"delta_seconds\" : -5",
                           "\"at_seconds\" : 200", "\"step\" : 2"}) {
    CAPTURE(part);
    CHECK(has(r.out, part));
  }
  auto table = roll_now(home, {"history"});
  CHECK(has(table.out, "holds +10 s"));
  auto id_at = r.out.find("\"id\" : \"");
  REQUIRE(id_at != std::string::npos);
  std::string id = r.out.substr(id_at + 8, 36);
  REQUIRE(roll_now(home, {"history", "delete", id, "--yes"}).exit_code == 0);
  auto after = roll_now(home, {"history", "--json"});
  CHECK_FALSE(has(after.out, "delta_seconds"));
  CHECK(has(after.out, "bedtime"));
}

TEST_CASE("roll history with no database yet says how to start") {
  TempDir home;
  auto r = roll_now(home, {"history"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "No sessions recorded yet"));
  auto json = roll_now(home, {"history", "--json"}).out;
  CHECK(has(json, "\"sessions\" : []"));
  CHECK(has(json, "\"version\" : 1"));
}

TEST_CASE("roll stats --json: streaks count a session after midnight for the night before") {
  TempDir home;
  // Nightly from the 17th; the 20th's session happened at 01:30 on the 21st; nothing tonight yet.
  seed(home,
       "bedtime 2026-11-10T21:00:00Z completed 300\n"
       "bedtime 2026-11-17T21:00:00Z completed 300 thoracic=300\n"
       "bedtime 2026-11-18T21:00:00Z completed 300 thoracic=300\n"
       "bedtime 2026-11-19T21:00:00Z completed 300 glutes=300\n"
       "bedtime 2026-11-21T01:30:00Z completed 600 thoracic=600\n"
       "bedtime 2026-11-21T21:00:00Z completed 300\n"
       "bedtime 2026-11-22T21:00:00Z quit 60\n");
  auto r = roll_now(home, {"stats", "--json"});
  CHECK(r.exit_code == 0);
  // 17, 18, 19, 20 (01:30 on the 21st), 21; the 22nd was quit: broken.
  CHECK(has(r.out, "\"current_streak\" : 0"));
  CHECK(has(r.out, "\"longest_streak\" : 5"));
  CHECK(has(r.out, "\"total_sessions\" : 7"));

  // Without the late-night rule (day starts at midnight) the 20th is empty and the run is shorter.
  home.write("config/roll/config.toml", "day_start = \"00:00\"\n");
  auto midnight = roll_now(home, {"stats", "--json"});
  CHECK(has(midnight.out, "\"longest_streak\" : 3"));
  CHECK(has(midnight.out, "\"day_start_hour\" : 0"));
}

TEST_CASE("roll stats: days an injury kept the user off the roller do not break the streak") {
  TempDir home;
  seed(home,
       "bedtime 2026-11-18T21:00:00Z completed 300\n"
       "bedtime 2026-11-19T21:00:00Z completed 300\n"
       "bedtime 2026-11-23T20:00:00Z completed 300\n");
  CHECK(has(roll_now(home, {"stats", "--json"}).out, "\"current_streak\" : 1"));
  // Hurt on the 20th at 08:00: the 20th, 21st, 22nd (and the 23rd's early hours) are rest days.
  auto add = roll_now(home, {"injury", "add", "lumbar", "--at", "2026-11-20T08:00:00Z"});
  CHECK(add.exit_code == 0);
  auto r = roll_now(home, {"stats", "--json"});
  CHECK(has(r.out, "\"current_streak\" : 3"));
  CHECK(has(r.out, "\"longest_streak\" : 3"));
  auto text = roll_now(home, {"stats", "--weeks", "2"});
  CHECK(text.exit_code == 0);
  CHECK(has(text.out, "Current streak: 3 days"));
  CHECK(has(text.out, "Mon "));
  CHECK(has(text.out, "+"));
  CHECK_FALSE(has(text.out, "\x1b"));
}

TEST_CASE("roll due: 0 when nothing is completed today, 1 when something is, 2 on error") {
  TempDir home;
  auto r = roll_now(home, {"due"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "Due"));
  auto quiet = roll_now(home, {"due", "--quiet"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());

  seed(home, "bedtime 2026-11-23T10:00:00Z quit 60\n");
  CHECK(roll_now(home, {"due", "-q"}).exit_code == 0);  // quitting does not count
  seed(home, "bedtime 2026-11-23T20:00:00Z completed 300\n");
  r = roll_now(home, {"due"});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "Done for today"));
  // 02:00 the next morning is still the same roll day; 05:00 is a new one.
  CHECK(roll_at(home, "2026-11-24T02:00:00Z", {"due", "-q"}).exit_code == 1);
  CHECK(roll_at(home, "2026-11-24T05:00:00Z", {"due", "-q"}).exit_code == 0);

  CHECK(roll_at(home, "not-a-time", {"due"}).exit_code == 2);
}

TEST_CASE("a corrupt history database: exit 2, a clear message, the file untouched") {
  TempDir home;
  std::string junk = "this is not an SQLite database, it is a note I saved by mistake\n";
  junk += std::string(5000, 'x');
  auto path = home.write("data/roll/history.sqlite3", junk);
  for (auto args :
       std::vector<std::vector<std::string>>{{"due"}, {"history"}, {"stats"}, {"injury", "list"}}) {
    auto r = roll_now(home, args);
    CAPTURE(args[0]);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "damaged"));
    CHECK(has(r.err, "mv "));
  }
  CHECK(slurp(path) == junk);
}

TEST_CASE("roll remind: cron, systemd and ics") {
  TempDir home;
  auto cron = roll_now(home, {"remind", "--at", "21:30", "--cron"});
  CHECK(cron.exit_code == 0);
  CHECK(cron.out.starts_with("30 21 * * * "));
  CHECK(has(cron.out, "/roll' due --quiet && "));
  CHECK(has(cron.out, "DBUS_SESSION_BUS_ADDRESS="));
  CHECK(std::count(cron.out.begin(), cron.out.end(), '\n') == 1);
  CHECK(roll_now(home, {"remind", "--at", "07:05", "--days", "sat,sun", "--cron"})
            .out.starts_with("5 7 * * 0,6 "));

  auto systemd = roll_now(home, {"remind", "--at", "21:30", "--days", "mon,wed,fri", "--systemd"});
  CHECK(systemd.exit_code == 0);
  CHECK(has(systemd.out, "[Service]\nType=oneshot\n"));
  CHECK(has(systemd.out, "OnCalendar=Mon,Wed,Fri *-*-* 21:30:00\nPersistent=true\n"));
  CHECK(has(systemd.out, "systemctl --user enable --now roll-reminder.timer"));

  auto install = roll_now(home, {"remind", "--at", "22:00", "--systemd", "--install"});
  CHECK(install.exit_code == 0);
  auto timer = slurp(home.path() / "config" / "systemd" / "user" / "roll-reminder.timer");
  CHECK(has(timer, "OnCalendar=*-*-* 22:00:00\n"));
  CHECK(std::filesystem::exists(home.path() / "config" / "systemd" / "user" /
                                "roll-reminder.service"));

  auto ics = roll_now(home, {"remind", "--at", "21:30", "--ics"});
  CHECK(ics.exit_code == 0);
  CHECK(ics.out.starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(has(ics.out, "DTSTART:20261123T213000\r\n"));
  CHECK(has(ics.out, "RRULE:FREQ=DAILY\r\n"));
  CHECK(has(ics.out, "BEGIN:VALARM\r\n"));
  CHECK(has(ics.out, "DTSTAMP:20261123T210000Z\r\n"));
  CHECK(has(roll_now(home, {"remind", "--at", "21:30", "--days", "tue,thu", "--ics"}).out,
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n"));

  // Made on Monday 2026-11-23 for Tuesdays and Thursdays: the first occurrence is the Tuesday.
  CHECK(has(roll_now(home, {"remind", "--at", "21:30", "--days", "tue,thu", "--ics"}).out,
            "DTSTART:20261124T213000\r\n"));
  CHECK(roll_now(home, {"remind", "--at", "25:00", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--cron", "--ics"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--days", "funday", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--cron", "--install"}).exit_code == 2);
}

TEST_CASE("roll remind with no format explains the three formats") {
  TempDir home;
  for (auto args : {std::vector<std::string>{"remind"}, {"remind", "--at", "21:30"}}) {
    auto r = roll_now(home, args);
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "--cron"));
    CHECK(has(r.out, "--systemd"));
    CHECK(has(r.out, "--ics"));
    CHECK(r.err.empty());
  }
}

TEST_CASE("roll remind --install keeps a hand-edited unit unless --force, and --uninstall") {
  TempDir home;
  auto dir = home.path() / "config" / "systemd" / "user";
  std::vector<std::string> install{"remind", "--at", "21:30", "--systemd", "--install"};
  REQUIRE(roll_now(home, install).exit_code == 0);
  // The same units again: nothing differs, nothing is refused.
  CHECK(roll_now(home, install).exit_code == 0);

  std::string edited = slurp(dir / "roll-reminder.timer") + "# my own note\n";
  std::ofstream(dir / "roll-reminder.timer", std::ios::binary) << edited;
  auto refused = roll_now(home, install);
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "roll-reminder.timer already exists and differs"));
  CHECK(has(refused.err, "--force"));
  CHECK(slurp(dir / "roll-reminder.timer") == edited);

  install.push_back("--force");
  auto forced = roll_now(home, install);
  CHECK(forced.exit_code == 0);
  CHECK(has(forced.out, "roll-reminder.timer.bak"));
  CHECK(slurp(dir / "roll-reminder.timer.bak") == edited);
  CHECK_FALSE(has(slurp(dir / "roll-reminder.timer"), "my own note"));

  std::filesystem::create_directories(dir / "timers.target.wants");
  std::filesystem::create_symlink(dir / "roll-reminder.timer",
                                  dir / "timers.target.wants" / "roll-reminder.timer");
  auto removed = roll_now(home, {"remind", "--uninstall"});
  CHECK(removed.exit_code == 0);
  CHECK(has(removed.out, "systemctl --user daemon-reload"));
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.service"));
  CHECK_FALSE(std::filesystem::is_symlink(dir / "timers.target.wants" / "roll-reminder.timer"));
  CHECK(std::filesystem::exists(dir / "roll-reminder.timer.bak"));

  // A unit roll did not write is not removed without --force.
  std::ofstream(dir / "roll-reminder.timer", std::ios::binary) << "[Timer]\nOnCalendar=daily\n";
  CHECK(roll_now(home, {"remind", "--uninstall"}).exit_code == 2);
  CHECK(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK(roll_now(home, {"remind", "--uninstall", "--force"}).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK(roll_now(home, {"remind", "--uninstall"}).exit_code == 0);
}

TEST_CASE("the injury windows at 10 h, 60 h and 80 h, on the zone and its neighbours") {
  TempDir home;
  SUBCASE("10 h: refused (exit 3) with the hours remaining, for the neighbouring glutes too") {
    CHECK(roll_now(home, {"injury", "add", "lower back", "--hours-ago", "10"}).exit_code == 0);
    auto r = roll_now(home, {"injury", "check", "glutes"});
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "lumbar was injured 10 h ago"));
    CHECK(has(r.err, "38 h remain"));
    auto list = roll_now(home, {"injury", "list", "--json"});
    CHECK(has(list.out, "\"window\" : \"refuse\""));
    CHECK(has(list.out, "\"hours_remaining\" : 38"));
  }
  SUBCASE("60 h: asks whether the pain has subsided; without a terminal that is exit 3") {
    CHECK(roll_now(home, {"injury", "add", "glutes", "--hours-ago", "60", "--note", "fell"})
              .exit_code == 0);
    auto r = roll_now(home, {"injury", "check", "glutes"});
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "roll injury clear 1"));
    CHECK(has(r.err, "not --yes"));
    auto list = roll_now(home, {"injury", "list"});
    CHECK(has(list.out, "12 h left"));
  }
  SUBCASE("80 h: still open until answered or cleared") {
    CHECK(roll_now(home, {"injury", "add", "glutes", "--hours-ago", "80"}).exit_code == 0);
    auto r = roll_now(home, {"injury", "check", "glutes"});
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "roll injury clear 1"));
  }
  SUBCASE("a far zone is not guarded; clearing lifts the rule") {
    CHECK(roll_now(home, {"injury", "add", "neck", "--hours-ago", "1"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "check", "glutes"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "check", "upper-back"}).exit_code == 3);
    CHECK(roll_now(home, {"injury", "clear", "1"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "check", "upper-back"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "clear", "1"}).exit_code == 2);
    CHECK(roll_now(home, {"injury", "list"}).out == "No injuries recorded.\n");
  }
  SUBCASE("bad input") {
    auto r = roll_now(home, {"injury", "add", "lumbr"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean \"lumbar\""));
    CHECK(roll_now(home, {"injury", "add", "neck", "--at", "2026-12-01T00:00:00Z"}).exit_code == 2);
    CHECK(roll_now(home, {"injury", "clear"}).exit_code == 2);
  }
}

TEST_CASE("the profile: a listed condition refuses with the article's advice until cleared") {
  TempDir home;
  home.write("config/roll/config.toml",
             "level = \"beginner\"\n[conditions]\nosteoporosis = true\n");
  auto r = roll_now(home, {"injury", "check", "bedtime"});
  CHECK(r.exit_code == 3);
  CHECK(has(r.err, "Excessive pressure can increase your risk for fracture."));
  CHECK(has(r.err, "osteoporosis = \"cleared\""));
  home.write("config/roll/config.toml", "[conditions]\nosteoporosis = \"cleared\"\n");
  CHECK(roll_now(home, {"injury", "check", "bedtime"}).exit_code == 0);

  home.write("config/roll/config.toml", "level = \"beginer\"\n[conditions]\nbroken-heart = true\n");
  auto bad = roll_now(home, {"due"});
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "config.toml:1:9: error"));
  CHECK(has(bad.err, "did you mean \"beginner\"?"));
  CHECK(has(bad.err, "config.toml:3:1: error"));
}
