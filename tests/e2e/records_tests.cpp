// Honest records through the built binary: what counts as done, rehearsals, delete and add, pain
// stops as rest days, values roll did not write, output that cannot be written, and days across
// daylight saving with a fixed ROLL_NOW.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
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

// A hold on the roller and three minutes of movement: under a second at --speed 1000.
constexpr const char* kShort = R"(schema = 1
name = "short"
title = "Short"

[[step]]
name = "Hold"
zone = "thoracic"
positions = 2
seconds = 30

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)";

std::filesystem::path db_file(const TempDir& home) {
  return home.path() / "data" / "roll" / "history.sqlite3";
}

void seed(const TempDir& home, const std::string& lines, const std::string& tz = "UTC") {
  auto input = home.write("seed.txt", lines);
  std::string cmd = fmt::format("TZ='{}' '{}' '{}' < '{}'", tz, ROLL_SEED_BINARY,
                                db_file(home).string(), input.string());
  REQUIRE(std::system(cmd.c_str()) == 0);
}

void sql(const std::filesystem::path& file, const std::string& text) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
  int rc = sqlite3_exec(raw, text.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  REQUIRE(rc == SQLITE_OK);
}

std::string one(const std::filesystem::path& file, const std::string& text) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(raw, text.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr)
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return out;
}

Result roll_at(const TempDir& home, const char* now, std::vector<std::string> args,
               std::map<std::string, std::string> env = {}) {
  env["ROLL_NOW"] = now;
  return run_roll(home, Run{std::move(args), std::move(env), ""});
}

Result roll_now(const TempDir& home, std::vector<std::string> args) {
  return roll_at(home, kNow, std::move(args));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> ids_in(const std::string& json) {
  std::vector<std::string> out;
  std::regex id(R"re("id" : "([0-9a-f-]{36})")re");
  for (std::sregex_iterator it(json.begin(), json.end(), id), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

int shell(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("a --speed run is a rehearsal: not recorded unless --log-rehearsal, then marked") {
  TempDir home;
  auto routine = home.write("short.toml", kShort).string();
  auto r = roll_now(home, {"session", routine, "--plain", "--speed", "1000"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "rehearsal: not recorded"));
  CHECK(roll_now(home, {"history", "--json"}).out ==
        "{\n    \"sessions\" : [],\n    \"version\" : 1\n}\n");

  // Kept when asked, at the one "now" that due and stats read (ROLL_NOW), as a rehearsal.
  r = roll_at(home, "2026-11-20T07:15:00Z",
              {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal"});
  CHECK(r.exit_code == 0);
  auto json = roll_now(home, {"history", "--json"}).out;
  CHECK(has(json, "\"started_at\" : \"2026-11-20T07:15:00Z\""));
  CHECK(has(json, "\"origin\" : \"rehearsal\""));
  CHECK(has(json, "\"status\" : \"completed\""));
  CHECK(roll_at(home, "2026-11-20T08:00:00Z", {"due", "-q"}).exit_code == 0);
  CHECK(has(roll_now(home, {"stats", "--json"}).out, "\"total_completed\" : 0"));
  CHECK(has(roll_now(home, {"history"}).out, "rehearsal"));
}

TEST_CASE("partial does not satisfy due or a streak; completed does") {
  TempDir home;
  seed(home, "bedtime 2026-11-23T20:00:00Z partial 30\n");
  auto due = roll_now(home, {"due"});
  CHECK(due.exit_code == 0);
  auto stats = roll_now(home, {"stats", "--json"}).out;
  CHECK(has(stats, "\"total_sessions\" : 1"));
  CHECK(has(stats, "\"total_completed\" : 0"));
  CHECK(has(roll_now(home, {"history"}).out, "partial"));
  seed(home, "bedtime 2026-11-23T20:30:00Z completed 300\n");
  CHECK(roll_now(home, {"due", "-q"}).exit_code == 1);
}

TEST_CASE("roll history delete ID: asks, --yes for scripts, a tombstone stays") {
  TempDir home;
  seed(home,
       "bedtime 2026-11-22T21:00:00Z completed 300 thoracic=300\n"
       "glutes 2026-11-23T20:00:00Z pain-stop 45 glutes=45\n");
  auto ids = ids_in(roll_now(home, {"history", "--json"}).out);
  REQUIRE(ids.size() == 2);
  // Without a terminal and without --yes nothing is deleted.
  auto refused = roll_now(home, {"history", "delete", ids[0]});
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "--yes"));
  auto no = run_roll(home, Run{{"history", "delete", ids[0]}, {{"ROLL_NOW", kNow}}, "n\n"});
  CHECK(no.exit_code == 2);
  CHECK(ids_in(roll_now(home, {"history", "--json"}).out).size() == 2);

  auto yes = roll_now(home, {"history", "delete", ids[0], "--yes"});
  CHECK(yes.exit_code == 0);
  CHECK(has(yes.out, "Deleted the session of 2026-11-23 20:00 glutes"));
  auto left = ids_in(roll_now(home, {"history", "--json"}).out);
  REQUIRE(left.size() == 1);
  CHECK(left[0] == ids[1]);
  CHECK(one(db_file(home), fmt::format("SELECT kind FROM tombstones WHERE uid = '{}'", ids[0])) ==
        "session");
  CHECK(one(db_file(home), "SELECT count(*) FROM pain_stops") == "0");
  CHECK(one(db_file(home), "SELECT count(*) FROM session_zones") == "1");
  // The CSV's id is the same id.
  CHECK(has(roll_now(home, {"history", "--csv"}).out, ids[1] + ",bedtime,"));
  auto again = roll_now(home, {"history", "delete", ids[0], "--yes"});
  CHECK(again.exit_code == 2);
  CHECK(has(again.err, "no session with id"));
}

TEST_CASE("roll history add: logged by hand, completed or partial by its minutes") {
  TempDir home;
  auto add = roll_now(home, {"history", "add", "bedtime", "--at", "2026-11-23T19:00"});
  CHECK(add.exit_code == 0);
  CHECK(has(add.out, "Logged by hand"));
  auto json = roll_now(home, {"history", "--json"}).out;
  CHECK(has(json, "\"origin\" : \"by-hand\""));
  CHECK(has(json, "\"status\" : \"completed\""));
  CHECK(has(json, "\"started_at\" : \"2026-11-23T19:00:00Z\""));
  CHECK(has(roll_now(home, {"history"}).out, "logged by hand"));
  CHECK(roll_now(home, {"due", "-q"}).exit_code == 1);

  TempDir other;
  CHECK(roll_now(other, {"history", "add", "bedtime", "--at", "2026-11-23T19:00", "--minutes", "1"})
            .exit_code == 0);
  CHECK(has(roll_now(other, {"history", "--json"}).out, "\"status\" : \"partial\""));
  CHECK(roll_now(other, {"due", "-q"}).exit_code == 0);
  CHECK(roll_now(other, {"history", "add", "bedtime", "--at", "2026-11-24T19:00"}).exit_code == 2);
  CHECK(roll_now(other, {"history", "add", "bedtime", "--at", "0001-01-01"}).exit_code == 2);
  CHECK(roll_now(other,
                 {"history", "add", "bedtime", "--at", "2026-11-23T19:00", "--minutes", "99999"})
            .exit_code == 2);
  CHECK(roll_now(other, {"history", "add", "no-such-routine", "--at", "2026-11-23T19:00"})
            .exit_code == 2);
}

TEST_CASE("a day that ended in a pain stop is a rest day: nothing due, the streak holds") {
  TempDir home;
  seed(home,
       "bedtime 2026-11-20T21:00:00Z completed 300\n"
       "bedtime 2026-11-21T21:00:00Z pain-stop 40 lumbar=40\n"
       "bedtime 2026-11-22T21:00:00Z completed 300\n"
       "bedtime 2026-11-23T20:00:00Z pain-stop 30 thoracic=30\n");
  auto due = roll_now(home, {"due"});
  CHECK(due.exit_code == 1);
  CHECK(has(due.out, "Rest day"));
  CHECK(has(due.out, "pain stop"));
  CHECK(has(due.out, "thoracic"));
  auto stats = roll_now(home, {"stats", "--json"}).out;
  CHECK(has(stats, "\"current_streak\" : 2"));
  CHECK(has(stats, "\"longest_streak\" : 2"));
  // The next day is an ordinary day again.
  CHECK(roll_at(home, "2026-11-24T21:00:00Z", {"due", "-q"}).exit_code == 0);
}

TEST_CASE("values roll did not write: one line naming the row, the other rows still shown") {
  TempDir home;
  seed(home,
       "good 2026-11-20T21:00:00Z completed 300\n"
       "bad 2026-11-21T21:00:00Z completed 300\n"
       "bad 2026-11-22T21:00:00Z completed 300\n"
       "bad 2026-11-23T19:00:00Z completed 300\n"
       "bad 2026-11-23T20:00:00Z completed 300\n");
  sql(db_file(home),
      "UPDATE sessions SET started_at = -9223372036854775808 WHERE id = 2;"
      "UPDATE sessions SET started_at = 253402300800 WHERE id = 3;"
      "UPDATE sessions SET completed_seconds = 2147483647 WHERE id = 4;"
      "UPDATE sessions SET completed_seconds = -15528912 WHERE id = 5;");
  for (auto args : std::vector<std::vector<std::string>>{{"history"},
                                                         {"history", "--json"},
                                                         {"history", "--csv"},
                                                         {"stats"},
                                                         {"stats", "--json"},
                                                         {"due"}}) {
    CAPTURE(args.back());
    auto r = roll_now(home, args);
    CHECK((r.exit_code == 0 || (args[0] == "due" && r.exit_code == 1)));
    if (args[0] == "history") {
      CHECK(has(r.out, "good"));
      CHECK_FALSE(has(r.out, "bad"));
      CHECK(has(r.err, "session row 2: started_at -9223372036854775808"));
      CHECK(has(r.err, "session row 4: completed_seconds 2147483647"));
      CHECK(has(r.err, "session row 5: completed_seconds -15528912"));
      CHECK(has(r.err, "history.sqlite3"));
    }
    if (args[0] == "stats") {
      CHECK_FALSE(has(r.out, "-15528"));
      CHECK(has(r.err, "row 2"));
    }
  }
}

TEST_CASE("user_version -1: every history command exits 2 with one line, the file untouched") {
  TempDir home;
  seed(home, "good 2026-11-20T21:00:00Z completed 300\n");
  sql(db_file(home), "PRAGMA user_version = -1");
  auto before = slurp(db_file(home));
  for (auto args : std::vector<std::vector<std::string>>{
           {"history"}, {"stats"}, {"due"}, {"injury", "list"}, {"history", "--json"}}) {
    auto r = roll_now(home, args);
    CAPTURE(args[0]);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "schema version -1"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK(slurp(db_file(home)) == before);
}

TEST_CASE("injury add --hours-ago 1e300 is refused before anything is stored") {
  TempDir home;
  auto r = roll_now(home, {"injury", "add", "lumbar", "--hours-ago", "1e300"});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "--hours-ago"));
  CHECK(roll_now(home, {"injury", "list"}).out == "No injuries recorded.\n");
  CHECK(roll_now(home, {"injury", "add", "lumbar", "--at", "1900-01-01"}).exit_code == 2);
  CHECK(roll_now(home, {"injury", "add", "lumbar", "--hours-ago", "1"}).exit_code == 0);
  CHECK(roll_now(home, {"injury", "list"}).exit_code == 0);
}

TEST_CASE("output that cannot be written is an error: exit 2, for every command") {
  if (!std::filesystem::exists("/dev/full")) {
    MESSAGE("no /dev/full: skipped");
    return;
  }
  TempDir home;
  seed(home, "bedtime 2026-11-20T21:00:00Z completed 300\n");
  auto env = fmt::format(
      "env -i HOME='{0}' XDG_CONFIG_HOME='{0}/config' XDG_DATA_HOME='{0}/data' "
      "XDG_STATE_HOME='{0}/state' ROLL_NOW={1} TZ=UTC '{2}'",
      home.path().string(), kNow, ROLL_BINARY);
  for (const char* args : {"history --csv", "history --json --limit 0", "history", "stats", "list",
                           "due", "--help", "show thoracic"}) {
    CAPTURE(args);
    int code = shell(fmt::format("{} {} > /dev/full 2> '{}/err'", env, args, home.path().string()));
    CHECK(code == 2);
    CHECK(has(slurp(home.path() / "err"), "cannot write the output"));
  }
  // A closed pipe stays a normal end.
  CHECK(shell(fmt::format("{} history --limit 0 | head -c1 > /dev/null", env)) == 0);
}

TEST_CASE("the issue's case: New York, day_start 01:00, a session at 01:30 EDT on fall-back day") {
  if (!std::filesystem::exists("/usr/share/zoneinfo/America/New_York")) {
    MESSAGE("no tzdata: skipped");
    return;
  }
  // 1 Nov 2026: 01:30 EDT is 05:30Z; clocks go back at 06:00Z. At every day_start hour, `due`
  // and `stats` say the same about the day that holds the session (day_start is 00:00-12:00).
  for (int hour = 0; hour <= 12; ++hour) {
    TempDir home;
    home.write("config/roll/config.toml", fmt::format("day_start = \"{:02}:00\"\n", hour));
    seed(home, "bedtime 2026-11-01T05:30:00Z completed 300\n", "America/New_York");
    std::map<std::string, std::string> ny{{"TZ", "America/New_York"}};
    auto due = roll_at(home, "2026-11-01T05:40:00Z", {"due", "-q"}, ny);
    auto stats = roll_at(home, "2026-11-01T05:40:00Z", {"stats", "--json", "--weeks", "1"}, ny);
    CAPTURE(hour);
    CHECK(due.exit_code == 1);
    CHECK(has(stats.out, "\"current_streak\" : 1"));
  }
}
