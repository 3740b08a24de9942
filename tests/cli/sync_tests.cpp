// `roll sync` and `roll history export` / `import` (issue 20), in process: export then import is
// exact; torn lines, a newer journal, a corrupt line, a copied data folder and sync after a
// session. (A read-only folder and two syncs at once are in tests/e2e/sync_tests.cpp.)
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "fixtures.hpp"
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
