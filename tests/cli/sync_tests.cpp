// `roll sync` and `roll history export` / `import` (issue 20), in process: export then import is
// exact; torn lines, a newer journal, a corrupt line, a copied data folder and sync after a
// session. (A read-only folder and two syncs at once are in tests/e2e/sync_tests.cpp.)
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "hostile_journal.hpp"
#include "run_in_process.hpp"
#include "sync_devices.hpp"

using roll::test::Device;
using roll::test::lines_of;
using roll::test::slurp;
using roll::test::some_history;
using roll::test::sync_dir;
using roll::test::TempDir;

namespace {

std::string first_session_uid(const Device& d) {
  auto json = d.roll({"history", "--json", "--limit", "1"}).out;
  auto at = json.find("\"id\" : \"");
  REQUIRE(at != std::string::npos);
  return json.substr(at + 8, 36);
}

}  // namespace

TEST_CASE("history export then import into an empty history is exact") {
  TempDir home;
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  auto uid = first_session_uid(a);
  REQUIRE(a.roll({"history", "delete", uid, "--yes"}).exit_code == 0);
  auto exported = a.roll({"history", "export"});
  REQUIRE(exported.exit_code == 0);
  auto file = home.write("export.ndjson", exported.out);
  auto lines = lines_of(exported.out);
  REQUIRE(lines.size() > 5);
  CHECK(lines[0].find("{\"roll_journal\":1,") == 0);
  auto imported = b.roll({"history", "import", file.string()});
  CHECK(imported.exit_code == 0);
  CHECK(imported.err == "");
  CHECK(b.roll({"history", "--json", "--limit", "0"}).out ==
        a.roll({"history", "--json", "--limit", "0"}).out);
  CHECK(b.roll({"stats", "--json"}).out == a.roll({"stats", "--json"}).out);
  CHECK(b.roll({"injury", "list"}).out == a.roll({"injury", "list"}).out);
  // And back out again, record for record (the header names the exporting device).
  auto again = lines_of(b.roll({"history", "export"}).out);
  CHECK(std::vector(again.begin() + 1, again.end()) == std::vector(lines.begin() + 1, lines.end()));
  // Importing twice changes nothing.
  auto twice = b.roll({"history", "import", file.string()});
  CHECK(twice.out.find(": 0 new, 0 updated,") != std::string::npos);
  // --since leaves out what is older.
  auto since = lines_of(a.roll({"history", "export", "--since", "2026-11-22"}).out);
  CHECK(since.size() < lines.size());
}

TEST_CASE("history import: a bad line is named and the rest imported, a newer file refused") {
  TempDir home;
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  auto lines = lines_of(a.roll({"history", "export"}).out);
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i)
    text += (i == 2 ? "{\"v\":1,oops" : lines[i]) + "\n";
  auto file = home.write("bad.ndjson", text);
  auto r = b.roll({"history", "import", file.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(file.string() + ":3: column 8: expected a \"key\"; skipped") !=
        std::string::npos);
  auto newer =
      home.write("newer.ndjson", "{\"roll_journal\":2,\"device\":\"x\"}\n" + lines[1] + "\n");
  auto n = b.roll({"history", "import", newer.string()});
  CHECK(n.exit_code == 2);
  CHECK(n.err.find("written by a newer roll (format 2, this roll reads 1); nothing imported") !=
        std::string::npos);
  CHECK(b.roll({"history", "import", (home.path() / "none").string()}).exit_code == 2);
}

TEST_CASE("sync: two devices end with the same history, a deletion travels, again is a no-op") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(b.roll({"history", "add", "bedtime", "--at", "2026-11-23 07:00"}).exit_code == 0);
  auto ra = a.roll({"sync", dir});
  CHECK(ra.exit_code == 0);
  CHECK(ra.out.find("records written, 0 journals read") != std::string::npos);
  CHECK(b.roll({"sync", dir}).exit_code == 0);
  CHECK(a.roll({"sync", dir}).exit_code == 0);
  CHECK(a.roll({"history", "--json", "--limit", "0"}).out ==
        b.roll({"history", "--json", "--limit", "0"}).out);
  CHECK(a.roll({"stats", "--json"}).out == b.roll({"stats", "--json"}).out);

  auto uid = first_session_uid(b);
  REQUIRE(b.roll({"history", "delete", uid, "--yes"}).exit_code == 0);
  CHECK(b.roll({"sync", dir}).exit_code == 0);
  CHECK(a.roll({"sync", dir}).exit_code == 0);
  CHECK(a.roll({"history", "--json", "--limit", "0"}).out.find(uid) == std::string::npos);
  CHECK(a.roll({"stats", "--json"}).out == b.roll({"stats", "--json"}).out);

  // Up to date: nothing written, nothing new.
  auto journal = slurp(std::filesystem::path(dir) / (a.id() + ".ndjson"));
  auto again = a.roll({"sync", dir});
  CHECK(again.out.find(": 0 records written, 1 journal read (0 new, 0 updated, 0 known)") !=
        std::string::npos);
  CHECK(slurp(std::filesystem::path(dir) / (a.id() + ".ndjson")) == journal);

  auto status = a.roll({"sync", dir, "--status"});
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("pending: 0 records") != std::string::npos);
  CHECK(status.out.find(b.id() + "  last written ") != std::string::npos);
  CHECK(status.out.find("(this device)") != std::string::npos);
  auto json = a.roll({"sync", dir, "--status", "--json"});
  CHECK(json.out.find("\"pending\" : 0") != std::string::npos);
  CHECK(json.out.find("\"version\" : 1") != std::string::npos);
}

TEST_CASE("sync: a torn last line waits until it is complete") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto journal = std::filesystem::path(dir) / (a.id() + ".ndjson");
  auto full = slurp(journal);
  // The sync engine has copied all but the last 40 bytes.
  std::ofstream(journal, std::ios::trunc | std::ios::binary) << full.substr(0, full.size() - 40);
  auto first = b.roll({"sync", dir});
  CHECK(first.exit_code == 0);
  CHECK(first.err == "");
  auto n_before = lines_of(b.roll({"history", "export"}).out).size();
  std::ofstream(journal, std::ios::trunc | std::ios::binary) << full;
  CHECK(b.roll({"sync", dir}).out.find("(1 new,") != std::string::npos);
  CHECK(lines_of(b.roll({"history", "export"}).out).size() == n_before + 1);
  CHECK(b.roll({"stats", "--json"}).out == a.roll({"stats", "--json"}).out);
}

TEST_CASE("sync: a journal from a newer roll is refused and left as it is") {
  TempDir home;
  auto dir = sync_dir(home);
  Device b{home, "b"};
  auto path = std::filesystem::path(dir) / "01890a5d-ac96-774b-bcce-b302099a8057.ndjson";
  std::string text =
      "{\"roll_journal\":2,\"device\":\"01890a5d-ac96-774b-bcce-b302099a8057\"}\n{\"v\":2}\n";
  std::ofstream(path) << text;
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("written by a newer roll (journal format 2, this roll reads 1); not merged and "
                   "not changed: upgrade roll") != std::string::npos);
  CHECK(slurp(path) == text);
}

TEST_CASE("sync: a line that does not parse is named file:line and the rest still merge") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto journal = std::filesystem::path(dir) / (a.id() + ".ndjson");
  auto lines = lines_of(slurp(journal));
  // The injury's line (the last parent) damaged; everything else still arrives.
  std::size_t bad = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find("\"kind\":\"injury\"") != std::string::npos) bad = i;
  REQUIRE(bad > 0);
  lines[bad] = lines[bad].substr(0, 30) + "\x01" + lines[bad].substr(31);
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  std::ofstream(journal, std::ios::trunc | std::ios::binary) << text;
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(fmt::format("{}:{}: column 31: ", journal.string(), bad + 1)) !=
        std::string::npos);
  CHECK(b.roll({"history", "--json", "--limit", "0"}).out ==
        a.roll({"history", "--json", "--limit", "0"}).out);
  CHECK(b.roll({"injury", "list"}).out != a.roll({"injury", "list"}).out);
}

TEST_CASE("sync: no folder is exit 2 naming what to do") {
  TempDir home;
  Device a{home, "a"};
  auto r = a.roll({"sync"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no sync folder") != std::string::npos);
  auto missing = a.roll({"sync", (home.path() / "nowhere").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("is not a directory") != std::string::npos);
}

TEST_CASE("sync: a data folder copied to another machine takes a journal of its own") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto a_id = a.id();

  std::filesystem::create_directories(home.path() / "b");
  SUBCASE("the data folder only: the new machine's own id") {
    std::filesystem::copy(home.path() / "a" / "data", home.path() / "b" / "data",
                          std::filesystem::copy_options::recursive);
  }
  SUBCASE("data and state (a copied home directory): the same id, found by the journal") {
    std::filesystem::copy(home.path() / "a", home.path() / "b",
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);
    // The first machine syncs again after the copy: its journal grows.
    REQUIRE(a.roll({"history", "add", "bedtime", "--at", "2026-11-23 07:00"}).exit_code == 0);
    REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  }
  REQUIRE(b.roll({"history", "add", "thoracic", "--at", "2026-11-23 08:00"}).exit_code == 0);
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("this device now writes its own") != std::string::npos);
  CHECK(b.id() != a_id);
  CHECK(std::filesystem::exists(std::filesystem::path(dir) / (b.id() + ".ndjson")));
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  CHECK(a.id() == a_id);
  CHECK(a.roll({"history", "--json", "--limit", "0"}).out ==
        b.roll({"history", "--json", "--limit", "0"}).out);
  // Settled: the next syncs find nothing to say.
  CHECK(b.roll({"sync", dir}).err == "");
}

TEST_CASE(
    "sync_after_session: a session syncs at its end, a failure is one line, the session kept") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"};
  auto routine = home.write("short.toml", R"(schema = 1
name = "short"
title = "Short"

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)");
  auto config = home.path() / "a" / "config" / "roll" / "config.toml";
  std::filesystem::create_directories(config.parent_path());
  std::ofstream(config) << fmt::format("sync_dir = \"{}\"\nsync_after_session = true\n", dir);
  auto r = a.roll({"session", routine.string(), "--plain", "--speed", "1000", "--log-rehearsal"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("sync") == std::string::npos);
  CHECK(slurp(std::filesystem::path(dir) / (a.id() + ".ndjson")).find("\"routine\":\"short\"") !=
        std::string::npos);
  std::filesystem::remove_all(dir);
  auto failed =
      a.roll({"session", routine.string(), "--plain", "--speed", "1000", "--log-rehearsal"});
  CHECK(failed.exit_code == 0);
  // One line more than the rehearsal's note.
  CHECK(lines_of(failed.err).size() == lines_of(r.err).size() + 1);
  CHECK(failed.err.find("roll: the session is recorded, but syncing after it failed: the sync "
                        "folder") != std::string::npos);
  CHECK(a.roll({"sync", "--status", (home.path()).string()}).out.find("pending: ") !=
        std::string::npos);
  CHECK(a.roll({"history", "--json", "--limit", "0"}).out.find("\"short\"") != std::string::npos);

  std::ofstream(config) << "sync_dir = \"relative/path\"\n";
  auto bad = a.roll({"sync"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("`sync_dir` must be an absolute path") != std::string::npos);
}

namespace {

std::string journal_line_of(const Device& d, const std::string& dir, const std::string& kind) {
  for (const auto& l : lines_of(slurp(std::filesystem::path(dir) / (d.id() + ".ndjson"))))
    if (roll::test::member(l, "kind") == kind) return l;
  return "";
}

}  // namespace

TEST_CASE("attack 2: a synced clearing or deletion of an injury holds until confirmed here") {
  using namespace roll::test;
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  REQUIRE(a.roll({"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  auto injury = member(journal_line_of(a, dir, "injury"), "uid");
  REQUIRE_FALSE(injury.empty());
  REQUIRE(b.roll({"injury", "check", "thoracic"}).exit_code == 3);

  SUBCASE("a clearing before its injury is refused") {
    plant_journal(dir, kHostile, {clearing_line(fake_uid(1), injury, 0)});
    auto r = b.roll({"sync", dir});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, ":2: a clearing (at 1970-01-01T00:00:00Z) before its injury"));
    CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 3);
  }
  SUBCASE("a clearing is named, shown once by the next bare roll, and holds until confirmed") {
    plant_journal(dir, kHostile, {clearing_line(fake_uid(1), injury, kSyncNow - 60)});
    auto r = b.roll({"sync", dir});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "from device 01890a5d: thoracic injury of "));
    CHECK(has(r.out, " cleared\n"));
    CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 3);
    auto today = b.roll({});
    CHECK(has(today.out, "from device 01890a5d: thoracic injury of "));
    CHECK_FALSE(has(b.roll({}).out, "from device"));
    CHECK(has(b.roll({"injury", "list"}).out,
              "[cleared on device 01890a5d: `roll injury clear 1` confirms it here]"));
    // Under 48 h nothing clears it, here or anywhere: the first article's wait is a minimum.
    auto early = b.roll({"injury", "clear", "1"});
    CHECK(early.exit_code == 3);
    CHECK(has(early.err, "wait at least 48 to 72 hours"));
    CHECK(has(early.err, "`roll injury delete 1`"));
    CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 3);
    auto later = "2026-11-25T23:00:00Z";  // 55 h after the injury
    auto confirmed = b.roll_at(later, {"injury", "clear", "1"});
    CHECK(confirmed.exit_code == 0);
    CHECK(has(confirmed.out, "Confirmed: injury #1 (thoracic), cleared on device 01890a5d"));
    CHECK(b.roll_at(later, {"injury", "check", "thoracic"}).exit_code == 0);
  }
  SUBCASE("a deletion is named and holds until confirmed, which a deletion may be at once") {
    plant_journal(dir, kHostile, {tombstone_line(injury, "injury")});
    auto r = b.roll({"sync", dir});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "from device 01890a5d: thoracic injury of "));
    CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 3);
    auto confirmed = b.roll({"injury", "clear", "1"});
    CHECK(confirmed.exit_code == 0);
    CHECK(has(confirmed.out, "deleted on device 01890a5d, is deleted here too"));
    CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 0);
    CHECK(has(b.roll({"history", "deleted"}).out, "thoracic"));
  }
  SUBCASE("pain stops and check-ins for days to come are refused; today's check-in is named") {
    SessionLine s;  // partial: it does not make the day done, so only a pain stop could rest it
    s.uid = fake_uid(10);
    s.completed = 100;
    s.status = "partial";
    plant_journal(
        dir, kHostile,
        {line(s), pain_stop_line(fake_uid(11), s.uid, kSyncNow + 86400),
         pain_stop_line(fake_uid(12), s.uid, kSyncNow + 2 * 86400),
         check_in_line(fake_uid(13), "2026-11-23"), check_in_line(fake_uid(14), "2026-11-26")});
    auto r = b.roll({"sync", dir});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err,
              ":3: \"at\" 1795554000 (2026-11-24T21:00:00Z) is ahead of this device's "
              "clock"));
    CHECK(has(r.err, ":6: \"day\" \"2026-11-26\" is a day that has not come yet anywhere"));
    CHECK(has(r.out, "from device 01890a5d: the check-in of 2026-11-23 answered there"));
    CHECK(b.roll({"due", "--quiet"}).exit_code == 0);  // due, not a rest day
    CHECK(has(b.roll({}).out, "the check-in of 2026-11-23 answered there"));
  }
}

TEST_CASE("attack 5: a rewound journal: what it lost goes into a new one whose header lists it") {
  using namespace roll::test;
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto old_id = a.id();
  auto journal = std::filesystem::path(dir) / (old_id + ".ndjson");
  auto committed = slurp(journal);  // `git commit`
  REQUIRE(a.roll({"history", "add", "thoracic", "--at", "2026-11-23 07:00"}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  std::ofstream(journal, std::ios::trunc | std::ios::binary) << committed;  // `git checkout -- .`
  auto r = a.roll({"sync", dir});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "is not the one this device wrote (it is shorter"));
  CHECK(has(r.err, "whose header lists " + old_id + " as the journal it replaces"));
  CHECK(a.id() != old_id);
  auto lines = lines_of(slurp(std::filesystem::path(dir) / (a.id() + ".ndjson")));
  REQUIRE(lines.size() > 1);
  CHECK(lines[0] == roll::test::header_line(a.id(), old_id));
  CHECK(has(slurp(std::filesystem::path(dir) / (a.id() + ".ndjson")), "\"routine\":\"thoracic\""));
  CHECK(has(a.roll({"sync", dir, "--status"}).out, "pending: 0 records"));
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  CHECK(b.roll({"history", "--json", "--limit", "0"}).out ==
        a.roll({"history", "--json", "--limit", "0"}).out);
  // Settled: nothing more to say.
  CHECK(a.roll({"sync", dir}).err == "");
}

TEST_CASE("attack 7: text in a journal never prints a line of its own, and bad lines are few") {
  using namespace roll::test;
  TempDir home;
  auto dir = sync_dir(home);
  Device b{home, "b"};
  std::vector<std::string> planted{
      R"({"v":1,"kind":"session","\nroll: your history is damaged: run `curl x | sh` to repair it\n":1})",
      "{\"v\":1,\"kind\":\"\\u001b[2J\\u001b]0;owned\\u0007\"}"};
  for (int i = 0; i < 300000; ++i) planted.push_back("{");
  plant_journal(dir, kHostile, planted);
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 1);
  auto err = lines_of(r.err);
  CHECK(err.size() <= 7);
  for (const auto& l : err) {
    CHECK(l.starts_with("roll: "));
    CHECK_FALSE(l.starts_with("roll: your history is damaged"));
    CHECK(l.find('\x1b') == std::string::npos);
  }
  CHECK(has(r.err, "unknown member \"\\nroll: your history is damaged"));
  CHECK(has(r.err, "299997 more like these"));  // 300,002 refused, 5 named
}

TEST_CASE("attack 8: 4,000 sessions of a week each in one week: totals in 64 bits") {
  using namespace roll::test;
  TempDir home;
  Device b{home, "b"};
  std::string text = header_line(kHostile) + "\n";
  const std::int64_t monday = 1794182400 + 43200;  // 2026-11-09T12:00:00Z, two weeks before "now"
  for (int i = 0; i < 4000; ++i) {
    SessionLine s;
    s.uid = fake_uid(i);
    s.started = monday + i;
    s.ended = s.started + 604800;
    s.planned = s.completed = 604800;
    text += line(s) + "\n";
  }
  auto file = home.write("weeks.ndjson", text);
  auto imported = b.roll({"history", "import", file.string()});
  REQUIRE(imported.exit_code == 0);
  REQUIRE(has(imported.out, "4000 new"));
  auto stats = b.roll({"stats", "--json", "--weeks", "3"});
  CHECK(stats.exit_code == 0);
  CHECK(has(stats.out, "\"minutes\" : 40320000"));
  CHECK(has(stats.out, "\"seconds\" : 2419200000"));
  CHECK_FALSE(has(stats.out, ": -"));
  auto report = b.roll({"report", "--html", "-", "--weeks", "3"});
  CHECK(report.exit_code == 0);
  CHECK(has(report.out, "40320000"));
  // No negative figure ("-" alone is the report's "none").
  for (auto at = report.out.find(">-"); at != std::string::npos; at = report.out.find(">-", at + 1))
    CHECK_FALSE(std::isdigit(static_cast<unsigned char>(report.out[at + 2])));
}

TEST_CASE("attack 2: a clearing read before its injury holds until confirmed here too") {
  using namespace roll::test;
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  REQUIRE(a.roll({"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto injury = member(journal_line_of(a, dir, "injury"), "uid");
  REQUIRE_FALSE(injury.empty());
  // b has never synced: it reads the clearing's journal first (by name), then the injury's.
  REQUIRE(std::string(kHostile) < a.id());
  plant_journal(dir, kHostile, {clearing_line(fake_uid(1), injury, kSyncNow - 60)});
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "from device 01890a5d: thoracic injury of "));
  CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 3);
  CHECK(has(b.roll({"injury", "list"}).out,
            "[cleared on device 01890a5d: `roll injury clear 1` confirms it here]"));
}

TEST_CASE("attack 2: an injury that arrives already cleared holds until confirmed here") {
  using namespace roll::test;
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  REQUIRE(a.roll({"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto line = journal_line_of(a, dir, "injury");
  auto at = line.find("\"cleared\":false");
  REQUIRE(at != std::string::npos);
  line.replace(at, 15, "\"cleared\":true");
  // A journal that says it replaces a carries a's injury already cleared, read before a's own.
  REQUIRE(std::string(kHostile) < a.id());
  plant_journal(dir, kHostile,
                {fmt::format("{{\"roll_journal\":1,\"device\":\"{}\",\"replaces\":\"{}\"}}",
                             kHostile, a.id()),
                 line},
                false);
  auto r = b.roll({"sync", dir});
  CHECK(has(r.out, "thoracic injury of "));
  CHECK(b.roll({"injury", "check", "thoracic"}).exit_code == 3);
}

TEST_CASE("sync: a zone's roller time travels as format 4, an old-format zone stays not recorded") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"}, c{home, "c"};
  // a: the whole plan, its time on the roller recorded.
  REQUIRE(a.roll({"history", "add", "bedtime", "--at", "2026-11-22 21:30"}).exit_code == 0);
  // b: as an older roll writes it (here a session logged with --minutes, whose zones have no
  // roller time): format 1 lines without the field.
  REQUIRE(b.roll({"history", "add", "bedtime", "--at", "2026-11-23 07:00", "--minutes", "6"})
              .exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  auto a_lines = lines_of(slurp(std::filesystem::path(dir) / (a.id() + ".ndjson")));
  auto b_lines = lines_of(slurp(std::filesystem::path(dir) / (b.id() + ".ndjson")));
  int a_zones = 0, b_zones = 0;
  for (const auto& l : a_lines) {
    if (l.find("\"kind\":\"session_zone\"") == std::string::npos) continue;
    ++a_zones;
    CHECK(l.starts_with("{\"v\":4,"));
    CHECK(l.find("\"roller_seconds\":") != std::string::npos);
  }
  for (const auto& l : b_lines) {
    if (l.find("\"kind\":\"session_zone\"") == std::string::npos) continue;
    ++b_zones;
    CHECK(l.starts_with("{\"v\":1,"));
    CHECK(l.find("roller_seconds") == std::string::npos);
  }
  CHECK(a_zones == 2);
  CHECK(b_zones == 2);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  REQUIRE(c.roll({"sync", dir}).exit_code == 0);
  // Every device: a's 3 minutes on the roller, b's session counted as not recorded.
  auto stats = a.roll({"stats", "--json"}).out;
  CHECK(roll::test::has(stats, "\"sessions_not_recorded\" : 1"));
  CHECK(roll::test::has(stats, "\"seconds\" : 180,"));
  CHECK(b.roll({"stats", "--json"}).out == stats);
  CHECK(c.roll({"stats", "--json"}).out == stats);
  CHECK(c.roll({"history", "--json", "--limit", "0"}).out ==
        a.roll({"history", "--json", "--limit", "0"}).out);
}
