// `roll history` (the list, --json, --csv, add and delete), in process on seeded histories with
// ROLL_NOW fixing the wall clock, and histories roll did not write or cannot read.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "roll/utf8.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::kNow;
using roll::test::roll_now;
using roll::test::Run;
using roll::test::run_roll;
using roll::test::seed_history;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

std::filesystem::path db_file(const TempDir& home) {
  return home.path() / "data" / "roll" / "history.sqlite3";
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

std::vector<std::string> ids_in(const std::string& json) {
  std::vector<std::string> out;
  std::regex id(R"re("id" : "([0-9a-f-]{36})")re");
  for (std::sregex_iterator it(json.begin(), json.end(), id), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("roll history --json: newest first, the required keys, killed sessions unfinished") {
  TempDir home;
  // The thoracic session at 21:30 local time, in the suite's zone: the list shows it so.
  seed_history(home,
               "bedtime 2026-11-21T21:30:00Z completed 300 thoracic=180 lats=120\n"
               "thoracic 2026-11-22T21:30:00 running 120\n"
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
  // Local noon: after the bedtime session, before the thoracic one, in every zone of the suite.
  auto since = roll_now(home, {"history", "--since", "2026-11-22T12:00"});
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
TEST_CASE("roll history shows the holds changed with + and -, history delete removes them") {
  TempDir home;
  seed_history(
      home,
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

// The name column is 20 columns wide. It was cut at byte 19, which split the tenth of 21 `é`
// and printed invalid UTF-8; and padded by fmt, which counts an emoji as one column.
TEST_CASE("roll history cuts a long routine name by display width, never inside a character") {
  TempDir home;
  seed_history(home,
               "accents 2026-11-22T21:30:00Z completed 300 thoracic=300\n"
               "rockets 2026-11-23T21:30:00Z completed 300 thoracic=300\n");
  auto repeat = [](std::string_view glyph, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += glyph;
    return out;
  };
  sql(db_file(home), "UPDATE sessions SET routine = '" + repeat("\u00e9", 21) +
                         "' WHERE routine = 'accents'; UPDATE sessions SET routine = '" +
                         repeat("\U0001F680", 11) + "' WHERE routine = 'rockets'");
  auto r = roll_now(home, {"history"});
  REQUIRE(r.exit_code == 0);
  CHECK(roll::utf8::is_valid(r.out));
  // 19 columns of the name and the '~', then the two spaces before the status. (The time before
  // the name is local, so it is not part of the match: the suite runs in more than one zone.)
  CHECK(has(r.out, ":30  " + repeat("\u00e9", 19) + "~  completed"));
  // Rockets are two columns each: nine and the '~' make 19, padded to 20.
  CHECK(has(r.out, ":30  " + repeat("\U0001F680", 9) + "~   completed"));
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

TEST_CASE("roll history delete ID: asks, --yes for scripts, a tombstone stays") {
  TempDir home;
  // glutes at noon local time, in the suite's zone: the question names it so.
  seed_history(home,
               "bedtime 2026-11-22T21:00:00Z completed 300 thoracic=300\n"
               "glutes 2026-11-23T12:00:00 pain-stop 45 glutes=45\n");
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
  CHECK(has(yes.out, "Deleted the session of 2026-11-23 12:00 glutes"));
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

TEST_CASE("roll history deleted, restore and purge: a deletion is kept, undone, or made final") {
  TempDir home;
  seed_history(home,
               "bedtime 2026-11-22T21:00:00Z completed 300 thoracic=300\n"
               "glutes 2026-11-21T12:00:00Z completed 300 glutes=300\n");
  auto before = roll_now(home, {"history", "--json"}).out;
  auto ids = ids_in(before);
  REQUIRE(ids.size() == 2);
  CHECK(has(roll_now(home, {"history", "deleted"}).out, "Nothing deleted."));
  REQUIRE(roll_now(home, {"history", "delete", ids[0], "--yes"}).exit_code == 0);
  REQUIRE(roll_now(home, {"history", "delete", ids[1], "--yes"}).exit_code == 0);

  auto listed = roll_now(home, {"history", "deleted"});
  CHECK(listed.exit_code == 0);
  CHECK(has(listed.out, "the bedtime session of "));
  CHECK(has(listed.out, ", with 1 record (" + ids[0] + ")"));
  CHECK(has(listed.out, "`roll history restore ID` brings one back"));
  auto json = roll_now(home, {"history", "deleted", "--json"});
  CHECK(ids_in(json.out).size() == 2);
  CHECK(has(json.out, "\"kind\" : \"session\""));
  CHECK(has(json.out, "\"kept\" : true"));
  CHECK(has(json.out, "\"with\" : 1"));

  // Restored, with its zone: the history is as it was, for that session.
  auto restored = roll_now(home, {"history", "restore", ids[0]});
  CHECK(restored.exit_code == 0);
  CHECK(has(restored.out, "Restored the bedtime session of "));
  CHECK(ids_in(roll_now(home, {"history", "--json"}).out) == std::vector<std::string>{ids[0]});
  CHECK(one(db_file(home), "SELECT count(*) FROM session_zones") == "1");
  auto twice = roll_now(home, {"history", "restore", ids[0], "no-such-id"});
  CHECK(twice.exit_code == 2);
  CHECK(has(twice.err, "is not deleted"));
  CHECK(has(twice.err, "no deleted record with id \"no-such-id\""));

  // Purged: asked first, then gone from the list and from the store, for good.
  auto asked = roll_now(home, {"history", "purge", ids[1]});
  CHECK(asked.exit_code == 2);
  CHECK(has(asked.err, "without asking: run again with --yes"));
  auto no = run_roll(home, Run{{"history", "purge", ids[1]}, {{"ROLL_NOW", kNow}}, "n\n"});
  CHECK(no.exit_code == 2);
  CHECK(ids_in(roll_now(home, {"history", "deleted", "--json"}).out).size() == 1);
  auto purged = roll_now(home, {"history", "purge", ids[1], "--yes"});
  CHECK(purged.exit_code == 0);
  CHECK(has(purged.out, "Purged the glutes session of "));
  CHECK(ids_in(roll_now(home, {"history", "deleted", "--json"}).out).empty());
  CHECK(one(db_file(home), "SELECT count(*) FROM deleted_records") == "0");
  CHECK(roll_now(home, {"history", "restore", ids[1]}).exit_code == 2);
  // Purging a live record deletes it first (that travels), then forgets it here.
  CHECK(roll_now(home, {"history", "purge", ids[0], "--yes"}).exit_code == 0);
  CHECK(has(roll_now(home, {"history"}).out, "No sessions recorded yet"));
}

TEST_CASE("roll injury delete: an injury recorded by mistake is hidden and restorable") {
  TempDir home;
  REQUIRE(roll_now(home, {"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  CHECK(roll_now(home, {"injury", "check", "thoracic"}).exit_code == 3);
  // Under 48 h it is not cleared: the first article's wait is a minimum.
  auto early = roll_now(home, {"injury", "clear", "1"});
  CHECK(early.exit_code == 3);
  CHECK(has(early.err, "`roll injury delete 1`"));
  CHECK(roll_now(home, {"injury", "delete", "1"}).exit_code == 2);  // no terminal, no --yes
  auto deleted = roll_now(home, {"injury", "delete", "1", "--yes"});
  CHECK(deleted.exit_code == 0);
  CHECK(has(deleted.out, "Deleted injury #1 (thoracic, "));
  CHECK(roll_now(home, {"injury", "check", "thoracic"}).exit_code == 0);
  auto listed = roll_now(home, {"history", "deleted", "--json"});
  CHECK(has(listed.out, "\"kind\" : \"injury\""));
  auto ids = ids_in(listed.out);
  REQUIRE(ids.size() == 1);
  CHECK(roll_now(home, {"history", "restore", ids[0]}).exit_code == 0);
  CHECK(roll_now(home, {"injury", "check", "thoracic"}).exit_code == 3);
}

TEST_CASE("roll history add: logged by hand, completed or partial by its minutes") {
  TempDir home;
  auto add = roll_now(home, {"history", "add", "bedtime", "--at", "2026-11-23T19:00Z"});
  CHECK(add.exit_code == 0);
  CHECK(has(add.out, "Logged by hand"));
  auto json = roll_now(home, {"history", "--json"}).out;
  CHECK(has(json, "\"origin\" : \"by-hand\""));
  CHECK(has(json, "\"status\" : \"completed\""));
  CHECK(has(json, "\"started_at\" : \"2026-11-23T19:00:00Z\""));
  CHECK(has(roll_now(home, {"history"}).out, "logged by hand"));
  CHECK(roll_now(home, {"due", "-q"}).exit_code == 1);

  TempDir other;
  CHECK(
      roll_now(other, {"history", "add", "bedtime", "--at", "2026-11-23T19:00Z", "--minutes", "1"})
          .exit_code == 0);
  CHECK(has(roll_now(other, {"history", "--json"}).out, "\"status\" : \"partial\""));
  CHECK(roll_now(other, {"due", "-q"}).exit_code == 0);
  CHECK(roll_now(other, {"history", "add", "bedtime", "--at", "2026-11-24T19:00"}).exit_code == 2);
  CHECK(roll_now(other, {"history", "add", "bedtime", "--at", "0001-01-01"}).exit_code == 2);
  CHECK(roll_now(other,
                 {"history", "add", "bedtime", "--at", "2026-11-23T19:00Z", "--minutes", "99999"})
            .exit_code == 2);
  CHECK(roll_now(other, {"history", "add", "no-such-routine", "--at", "2026-11-23T19:00Z"})
            .exit_code == 2);
}

TEST_CASE("roll history add refuses more minutes than the routine plans, as import and sync do") {
  // `--minutes 600` on a 6-minute routine was stored as 10:00:00 of 6:00 (completed).
  TempDir home;
  auto r = roll_now(home,
                    {"history", "add", "bedtime", "--at", "2026-11-23T19:00Z", "--minutes", "600"});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "--minutes 600: more than the 6:00 that bedtime plans"));
  CHECK(has(roll_now(home, {"history"}).out, "No sessions recorded yet"));
  CHECK(roll_now(home, {"history", "add", "bedtime", "--at", "2026-11-23T19:00Z", "--minutes", "6"})
            .exit_code == 0);
}

TEST_CASE("values roll did not write: one line naming the row, the other rows still shown") {
  TempDir home;
  seed_history(home,
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
  seed_history(home, "good 2026-11-20T21:00:00Z completed 300\n");
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

TEST_CASE("roll history and stats: the time on the roller, and \"not recorded\" where it is not") {
  TempDir home;
  // The whole plan: its steps on the roller are known (cat-cow and the needle are not on it).
  REQUIRE(roll_now(home, {"history", "add", "bedtime", "--at", "2026-11-22T19:00Z"}).exit_code ==
          0);
  // --minutes: which steps were done is not known, so neither is the time on the roller.
  REQUIRE(
      roll_now(home, {"history", "add", "bedtime", "--at", "2026-11-23T19:00Z", "--minutes", "5"})
          .exit_code == 0);
  auto json = roll_now(home, {"history", "--json"}).out;
  // Newest first; each session's object starts with its first key (the keys are sorted).
  auto whole = json.find("\"completed_seconds\"", json.find("\"completed_seconds\"") + 1);
  REQUIRE(whole != std::string::npos);
  std::string newer = json.substr(0, whole);
  std::string older = json.substr(whole);
  REQUIRE(has(newer, "\"started_at\" : \"2026-11-23T19:00:00Z\""));
  REQUIRE(has(older, "\"started_at\" : \"2026-11-22T19:00:00Z\""));
  CHECK(has(newer, "\"roller_recorded\" : false"));
  CHECK_FALSE(has(newer, "\"roller_seconds\""));
  CHECK(has(older, "\"roller_recorded\" : true"));
  std::regex roller(R"("roller_seconds" : \{\s*"full-body" : 0,\s*"thoracic" : 180\s*\})");
  CHECK(std::regex_search(older, roller));
  CHECK(std::regex_search(older, std::regex(R"("thoracic" : 300)")));

  auto stats = roll_now(home, {"stats", "--json"}).out;
  CHECK(
      std::regex_search(stats, std::regex(R"("roller" : \{\s*"minutes" : 3,\s*"seconds" : 180,\s*)"
                                          R"("sessions_not_recorded" : 1\s*\})")));
  auto text = roll_now(home, {"stats"}).out;
  CHECK(has(text, "On the roller: 3 min; not recorded for 1 session"));
  CHECK(has(text, "Minutes per zone (movement off the roller included)"));
}
