// The attacks on `roll sync` of tests/SECURITY.md ("The sync folder"), each with nothing but files
// dropped into the folder, on two data directories (two devices) that share one folder, through
// the built binary. (The attacks that need no second process are in tests/cli/sync_tests.cpp.)
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "hostile_journal.hpp"
#include "run_roll.hpp"
#include "skip.hpp"
#include "sync_devices.hpp"

using namespace roll::test;
namespace fs = std::filesystem;

namespace {

#ifdef __SANITIZE_ADDRESS__
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

fs::path journal_of(const std::string& dir, const Device& d) {
  return fs::path(dir) / (d.id() + ".ndjson");
}

// Every "id" in a JSON document (`roll history deleted --json`).
std::vector<std::string> ids_in(const std::string& json) {
  std::vector<std::string> ids;
  for (auto at = json.find("\"id\" : \""); at != std::string::npos;
       at = json.find("\"id\" : \"", at + 1)) {
    auto start = at + 8;
    ids.push_back(json.substr(start, json.find('"', start) - start));
  }
  return ids;
}

// 2026-11-23 plus `days`, as a check-in's day.
std::string day_after(int days) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{year{2026} / 11 / 23} + std::chrono::days{days}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace

TEST_CASE("attack 1: a journal of tombstones erases nothing: named, listed, restored on both") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  auto history = a.roll({"history", "--json", "--limit", "0"}).out;
  auto injuries = a.roll({"injury", "list"}).out;
  REQUIRE(b.roll({"history", "--json", "--limit", "0"}).out == history);
  REQUIRE(has(injuries, "lumbar"));
  auto backup = home.write("backup.ndjson", a.roll({"history", "export"}).out);

  // One tombstone per uid `a` published, and a check-in for each of the coming 365 days.
  std::vector<std::string> planted;
  for (const auto& l : lines_of(slurp(journal_of(dir, a)))) {
    if (member(l, "kind").empty()) continue;
    planted.push_back(tombstone_line(member(l, "uid"), member(l, "kind")));
  }
  REQUIRE(planted.size() > 5);
  for (int d = 1; d <= 365; ++d) planted.push_back(check_in_line(fake_uid(1000 + d), day_after(d)));
  plant_journal(dir, kHostile, planted);

  auto r = a.roll({"sync", dir});
  // The days that have not come are refused: a handful named, the rest counted.
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "is a day that has not come yet anywhere; skipped"));
  CHECK(has(r.err, "more like these"));
  CHECK(lines_of(r.err).size() <= 7);
  // Every deletion is named, with how to undo it.
  CHECK(has(r.out,
            "from device 01890a5d: the bedtime session of 2026-11-22 21:30 deleted (`roll "
            "history restore "));
  CHECK(has(r.out, "lumbar injury of "));
  CHECK(has(r.out, "keeps guarding here until you confirm that on this device"));
  // The injury still refuses what presses near it; the sessions are hidden, not gone.
  CHECK(a.roll({"injury", "check", "glutes"}).exit_code == 3);
  CHECK(has(a.roll({"history"}).out, "No sessions recorded yet"));
  auto listed = a.roll({"history", "deleted", "--json"});
  REQUIRE(listed.exit_code == 0);
  auto ids = ids_in(listed.out);
  CHECK(ids.size() == 4);  // three sessions and the injury; their zones go with them

  SUBCASE("roll history restore brings every record back, on both devices") {
    std::vector<std::string> restore{"history", "restore"};
    restore.insert(restore.end(), ids.begin(), ids.end());
    auto restored = a.roll(restore);
    CHECK(restored.exit_code == 0);
    CHECK(a.roll({"history", "--json", "--limit", "0"}).out == history);
    CHECK(a.roll({"injury", "list"}).out == injuries);
    CHECK(ids_in(a.roll({"history", "deleted", "--json"}).out).empty());
    // The journal of check-ins was read to its end once: refused then, not read again.
    REQUIRE(a.roll({"sync", dir}).exit_code == 0);
    auto rb = b.roll({"sync", dir});
    CHECK(b.roll({"history", "--json", "--limit", "0"}).out == history);
    CHECK(b.roll({"injury", "check", "glutes"}).exit_code == 3);
    CHECK(ids_in(b.roll({"history", "deleted", "--json"}).out).empty());
  }
  SUBCASE("an export taken before the attack brings them back: import --restore") {
    auto imported = a.roll({"history", "import", "--restore", backup.string()});
    CHECK(imported.exit_code == 0);
    CHECK(has(imported.out, "Restored 4 records deleted here"));
    CHECK(a.roll({"history", "--json", "--limit", "0"}).out == history);
    CHECK(a.roll({"injury", "list"}).out == injuries);
  }
  SUBCASE("without --restore, an import says how") {
    auto imported = a.roll({"history", "import", backup.string()});
    CHECK(has(imported.out, "deleted here and stay hidden: `roll history import --restore"));
  }
}

TEST_CASE("attack 3: records roll would never accept are refused with file:line, the rest merges") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  REQUIRE(a.roll({"history", "add", "bedtime", "--at", "2026-11-22 21:30"}).exit_code == 0);
  REQUIRE(a.roll({"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  REQUIRE(b.roll({"sync", dir}).exit_code == 0);
  auto history = b.roll({"history", "--json", "--limit", "0"}).out;
  auto injuries = b.roll({"injury", "list", "--json"}).out;
  std::string session, injury;
  for (const auto& l : lines_of(slurp(journal_of(dir, a)))) {
    if (member(l, "kind") == "session") session = l;
    if (member(l, "kind") == "injury") injury = l;
  }
  REQUIRE_FALSE(session.empty());
  REQUIRE_FALSE(injury.empty());
  auto replace = [](std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  auto a_id = a.id();
  auto session_uid = member(session, "uid");
  std::vector<std::string> planted;
  // a's own session, sent again in another journal with a's id and an end no clock reaches.
  auto ended = session.substr(session.find("\"ended_at\":") + 11);
  ended = ended.substr(0, ended.find(','));
  planted.push_back(replace(session, "\"ended_at\":" + ended, "\"ended_at\":9223372036854775807"));
  // The injury again, its device "~" (which sorts after every id), moved to the calves in 1970.
  planted.push_back(injury_line(member(injury, "uid"), "~", "calves", 1));
  // (The same under the attacker's own id is a record of its own, beside a's: attack 10.)
  // Sixty "completed" sessions from later today on.
  for (int i = 0; i < 60; ++i) {
    SessionLine s;
    s.uid = fake_uid(100 + i);
    s.started = kSyncNow + 3600 + i * 86400;
    s.ended = s.started + 300;
    planted.push_back(line(s));
  }
  // Values out of range, and words roll does not write.
  SessionLine offset;
  offset.uid = fake_uid(200);
  offset.utc_offset = "1000000000";
  planted.push_back(line(offset));
  SessionLine status;
  status.uid = fake_uid(201);
  status.status = "lunch";
  planted.push_back(line(status));
  SessionLine overdone;
  overdone.uid = fake_uid(202);
  overdone.completed = 36000;
  planted.push_back(line(overdone));
  planted.push_back(pressure_line(fake_uid(203), session_uid, "-2147483649"));
  planted.push_back(check_in_line(fake_uid(204), "not a date"));
  plant_journal(dir, kHostile, planted);
  // And a's own journal, appended to: a's session again with an end no clock reaches.
  {
    std::ofstream own(journal_of(dir, a), std::ios::app | std::ios::binary);
    own << replace(session, "\"ended_at\":" + ended, "\"ended_at\":253402300799") << '\n';
  }

  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 1);
  auto hostile = (fs::path(dir) / (std::string(kHostile) + ".ndjson")).string();
  CHECK(has(r.err, hostile + ":2: a record of device \"" + a_id + "\" in the journal of device"));
  CHECK(has(r.err, hostile + ":3: a record of device \"~\" in the journal of device"));
  CHECK(has(r.err, "is ahead of this device's clock"));
  CHECK(has(r.err, "more like these"));
  CHECK(has(r.err, journal_of(dir, a).string() + ":"));
  CHECK(has(r.err, "\"ended_at\" 253402300799 ("));
  // Nothing changed: the session, the injury, today's state, the level.
  CHECK(b.roll({"history", "--json", "--limit", "0"}).out == history);
  CHECK(b.roll({"injury", "list", "--json"}).out == injuries);
  CHECK(b.roll({"due", "--quiet"}).exit_code == 0);  // still due today: nothing done
  CHECK(b.roll({"history", "delete", session_uid, "--yes"}).exit_code == 0);
  // Each value refused says why, one file at a time (the rest counted).
  auto only =
      home.write("values.ndjson", header_line(kHostile) + "\n" + line(offset) + "\n" +
                                      line(status) + "\n" + line(overdone) + "\n" +
                                      pressure_line(fake_uid(203), session_uid, "-2147483649") +
                                      "\n" + check_in_line(fake_uid(204), "not a date") + "\n");
  auto values = b.roll({"history", "import", only.string()});
  CHECK(values.exit_code == 1);
  CHECK(has(values.err, "\"utc_offset\" 1000000000 is not a UTC offset"));
  CHECK(has(values.err, "\"status\" \"lunch\" is not one of running, completed"));
  CHECK(has(values.err, "\"completed_seconds\" 36000 is more than \"planned_seconds\" 300"));
  CHECK(has(values.err, "\"value\" -2147483649 is not a pressure of 1-10"));
  CHECK(has(values.err, "\"day\" \"not a date\" is not a date"));
}

TEST_CASE("attack 4: a planted symlink: roll writes nothing through it, reads no linked journal") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto old_id = a.id();
  auto own = journal_of(dir, a);
  auto config = home.path() / "a" / "config" / "roll" / "config.toml";
  REQUIRE_FALSE(fs::exists(config));
  fs::remove(own);
  fs::create_symlink(fs::relative(config, own.parent_path()), own);
  REQUIRE(a.roll({"history", "add", "thoracic", "--at", "2026-11-23 07:00"}).exit_code == 0);
  auto r = a.roll({"sync", dir});
  // Named twice: given up as this device's journal, and not read as the old id's; exit 1 while
  // the link is there, for someone to look at.
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "it is a symbolic link, which roll never writes through"));
  CHECK(has(r.err, own.string() + ": a symbolic link, not a journal; not read"));
  CHECK_FALSE(fs::exists(config));
  CHECK(fs::is_symlink(own));
  CHECK(a.id() != old_id);
  CHECK(a.roll({"list"}).exit_code == 0);
  // The new journal lists the old id and holds everything made under it.
  auto lines = lines_of(slurp(journal_of(dir, a)));
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0] == header_line(a.id(), old_id));

  // Another device's journal that is a link to any file is not read.
  auto secret = home.write("secret.ndjson", slurp(journal_of(dir, a)));
  auto linked = fs::path(dir) / (std::string(kHostile) + ".ndjson");
  fs::create_symlink(secret, linked);
  auto rb = b.roll({"sync", dir});
  CHECK(has(rb.err, linked.string() + ": a symbolic link, not a journal; not read"));
  CHECK(b.roll({"history", "--json", "--limit", "0"}).out ==
        a.roll({"history", "--json", "--limit", "0"}).out);
}

TEST_CASE("attack 6: a 100 GiB sparse journal is passed over, every other journal merges") {
  TempDir home;
  // Made first, beside the folder, so that the skip comes before any assertion.
  auto made_at = home.path() / "sparse.ndjson";
  bool made = false;
  if (int fd = ::open(made_at.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644); fd >= 0) {
    made = ::ftruncate(fd, off_t{100} << 30) == 0;
    ::close(fd);
  }
  ROLL_SKIP_UNLESS(made, "this file system cannot hold a 100 GiB sparse file");
  auto dir = sync_dir(home);
  Device a{home, "a"}, b{home, "b"};
  some_history(a);
  REQUIRE(a.roll({"sync", dir}).exit_code == 0);
  auto sparse = fs::path(dir) / (std::string(kHostile) + ".ndjson");
  fs::rename(made_at, sparse);
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, sparse.string() + ":1: a line longer than 65536 bytes"));
  CHECK_FALSE(has(r.err, "internal error"));
  CHECK(b.roll({"history", "--json", "--limit", "0"}).out ==
        a.roll({"history", "--json", "--limit", "0"}).out);
  // Read once: the next sync passes it by.
  auto again = b.roll({"sync", dir});
  CHECK(again.exit_code == 0);
  CHECK(again.err == "");
}

TEST_CASE("attack 6: a valid 300 MB journal merges line by line in under 64 MB") {
  ROLL_SKIP_UNLESS(!kSanitized, "under a sanitizer memory is the sanitizer's, not roll's");
  TempDir home;
  auto dir = sync_dir(home);
  Device b{home, "b"};
  // Injuries with 4000-character notes, by the attacker's own id: every line valid, about 4 kB.
  auto file = fs::path(dir) / (std::string(kHostile) + ".ndjson");
  {
    std::ofstream out(file, std::ios::binary);
    out << header_line(kHostile) << '\n';
    std::string note(4000, 'n');
    std::int64_t written = 0;
    for (int i = 0; written < 300'000'000; ++i) {
      auto l = fmt::format(
          R"({{"v":1,"kind":"injury","uid":"{}","device":"{}","fields":{{"zone":"calves","at":{},"note":"{}","cleared":true}}}})",
          fake_uid(i), kHostile, kSyncNow - 86400 - i, note);
      out << l << '\n';
      written += static_cast<std::int64_t>(l.size()) + 1;
    }
  }
  REQUIRE(fs::file_size(file) > 300'000'000);
  auto r = b.roll({"sync", dir});
  CHECK(r.exit_code == 0);
  rusage usage{};
  REQUIRE(::getrusage(RUSAGE_CHILDREN, &usage) == 0);
  // ru_maxrss is in kilobytes: the largest of the children so far, the sync among them.
  CHECK(usage.ru_maxrss < 64 * 1024);
  MESSAGE(fmt::format("peak resident set of the sync: {} kB", usage.ru_maxrss));
}

namespace {

// `line` with the whole number after "key": replaced by `value`.
std::string with_number(std::string line, const std::string& key, std::int64_t value) {
  auto at = line.find("\"" + key + "\":");
  REQUIRE(at != std::string::npos);
  at += key.size() + 3;
  return line.replace(at, line.find_first_of(",}", at) - at, std::to_string(value));
}

std::int64_t number_in(const std::string& line, const std::string& key) {
  auto at = line.find("\"" + key + "\":");
  REQUIRE(at != std::string::npos);
  return std::stoll(line.substr(at + key.size() + 3));
}

std::string journal_line_of_kind(const fs::path& journal, const std::string& kind) {
  for (const auto& l : lines_of(slurp(journal)))
    if (member(l, "kind") == kind) return l;
  return "";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("attack 10: an honest uid copied under another device claims nothing: both stand") {
  TempDir home;
  auto dir = sync_dir(home);
  Device h{home, "h"}, x{home, "x"};
  REQUIRE(h.roll({"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  REQUIRE(h.roll({"history", "add", "bedtime", "--at", "2026-11-22 21:30", "--minutes", "4"})
              .exit_code == 0);
  REQUIRE(h.roll({"sync", dir}).exit_code == 0);
  auto h_id = h.id();
  // x reads the journals in the order of their names: the copier's first.
  REQUIRE(std::string(kHostile) < h_id);
  auto h_history = h.roll({"history", "--json", "--limit", "0"}).out;
  std::string session_uid;
  // Every record h published, copied under the copier's own id, a record's values changed: the
  // injury to the calves, the session a day earlier. Valid records of its own, every one.
  std::vector<std::string> planted;
  for (const auto& l : lines_of(slurp(journal_of(dir, h)))) {
    auto kind = member(l, "kind");
    if (kind.empty()) continue;
    auto copy =
        replaced(l, "\"device\":\"" + h_id + "\"", std::string("\"device\":\"") + kHostile + "\"");
    if (kind == "injury") copy = replaced(copy, "\"zone\":\"thoracic\"", "\"zone\":\"calves\"");
    if (kind == "session") {
      session_uid = member(l, "uid");
      copy = with_number(copy, "started_at", number_in(l, "started_at") - 86400);
      copy = with_number(copy, "ended_at", number_in(l, "ended_at") - 86400);
    }
    planted.push_back(copy);
  }
  REQUIRE_FALSE(session_uid.empty());
  plant_journal(dir, kHostile, planted);

  auto r = x.roll({"sync", dir});
  CHECK(r.exit_code == 0);  // nothing refused: the copies are the copier's own records
  // h's injury guards on x, and the copy's zone too.
  CHECK(x.roll({"injury", "check", "thoracic"}).exit_code == 3);
  CHECK(x.roll({"session", "thoracic", "--plain", "--speed", "1000"}).exit_code == 3);
  auto injuries = x.roll({"injury", "list"}).out;
  CHECK(has(injuries, "thoracic"));
  CHECK(has(injuries, "calves"));
  // h's session with its own values, and the copy beside it.
  auto history = x.roll({"history"}).out;
  CHECK(has(history, "2026-11-22 21:30"));
  CHECK(has(history, "2026-11-21 21:30"));
  auto x_json = x.roll({"history", "--json", "--limit", "0"}).out;
  CHECK(has(x_json, "\"device\" : \"" + h_id + "\""));

  // A uid two devices hold names neither alone: the command says how to name one.
  auto ambiguous = x.roll({"history", "delete", session_uid, "--yes"});
  CHECK(ambiguous.exit_code == 2);
  CHECK(has(ambiguous.err, session_uid + "@01890a5d"));
  CHECK(has(ambiguous.err, session_uid + "@" + h_id.substr(0, 8)));
  // Deleting the copy deletes the copy, here and wherever it travels; h's session stays.
  auto del = x.roll({"history", "delete", session_uid + "@01890a5d", "--yes"});
  CHECK(del.exit_code == 0);
  history = x.roll({"history"}).out;
  CHECK(has(history, "2026-11-22 21:30"));
  CHECK_FALSE(has(history, "2026-11-21 21:30"));
  REQUIRE(x.roll({"sync", dir}).exit_code == 0);
  REQUIRE(h.roll({"sync", dir}).exit_code == 0);
  CHECK(has(h.roll({"history"}).out, "2026-11-22 21:30"));
  CHECK(h.roll({"injury", "check", "thoracic"}).exit_code == 3);
  // A deletion the copier writes of its own copy touches h's record nowhere.
  {
    std::ofstream out(fs::path(dir) / (std::string(kHostile) + ".ndjson"),
                      std::ios::app | std::ios::binary);
    out << fmt::format(
               R"({{"v":4,"kind":"tombstone","uid":"{}","device":"{}","fields":{{"of":"injury","deleted_at":{},"version":{},"restored":false,"of_device":"{}"}}}})",
               member(journal_line_of_kind(journal_of(dir, h), "injury"), "uid"), kHostile,
               kSyncNow - 30, kSyncNow - 30, kHostile)
        << '\n';
  }
  REQUIRE(x.roll({"sync", dir}).exit_code == 0);
  CHECK(x.roll({"injury", "check", "thoracic"}).exit_code == 3);
  CHECK(has(x.roll({"injury", "list"}).out, "thoracic"));
  // Both deleted: a restore names neither alone either.
  CHECK(x.roll({"history", "delete", session_uid + "@" + h_id.substr(0, 8), "--yes"}).exit_code ==
        0);
  CHECK(has(x.roll({"history"}).out, "No sessions recorded yet"));
  auto listed = x.roll({"history", "deleted"}).out;
  CHECK(has(listed, session_uid + "@01890a5d"));
  CHECK(has(listed, session_uid + "@" + h_id.substr(0, 8)));
  auto which = x.roll({"history", "restore", session_uid});
  CHECK(which.exit_code == 2);
  CHECK(has(which.err, session_uid + "@01890a5d"));
  REQUIRE(x.roll({"history", "restore", session_uid + "@01890a5d"}).exit_code == 0);
  auto again = x.roll({"history", "restore", session_uid});
  CHECK(again.exit_code == 0);  // only h's is deleted now
  history = x.roll({"history"}).out;
  CHECK(has(history, "2026-11-22 21:30"));
  CHECK(has(history, "2026-11-21 21:30"));
  REQUIRE(x.roll({"sync", dir}).exit_code == 0);
  REQUIRE(h.roll({"sync", dir}).exit_code == 0);
  CHECK(has(h.roll({"history"}).out, "2026-11-22 21:30"));
}

TEST_CASE("attack 11: a journal claiming to replace an honest device claims none of its uids") {
  TempDir home;
  auto dir = sync_dir(home);
  Device h{home, "h"}, x{home, "x"};
  REQUIRE(h.roll({"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  REQUIRE(h.roll({"history", "add", "bedtime", "--at", "2026-11-22 21:30", "--minutes", "4"})
              .exit_code == 0);
  REQUIRE(h.roll({"sync", dir}).exit_code == 0);
  auto h_id = h.id();
  // x reads the journals in the order of their names: the pretender's first.
  REQUIRE(std::string(kHostile) < h_id);
  // h's injury and session under h's own id, carried by a journal whose header says it replaces
  // h: the injury moved to the calves, the session a day earlier.
  std::vector<std::string> planted;
  for (const auto& l : lines_of(slurp(journal_of(dir, h)))) {
    auto kind = member(l, "kind");
    if (kind == "injury")
      planted.push_back(replaced(l, "\"zone\":\"thoracic\"", "\"zone\":\"calves\""));
    if (kind == "session") {
      auto copy = with_number(l, "started_at", number_in(l, "started_at") - 86400);
      planted.push_back(with_number(copy, "ended_at", number_in(l, "ended_at") - 86400));
    }
  }
  REQUIRE(planted.size() == 2);
  {
    std::ofstream out(fs::path(dir) / (std::string(kHostile) + ".ndjson"),
                      std::ios::trunc | std::ios::binary);
    out << header_line(kHostile, h_id) << '\n';
    for (const auto& l : planted) out << l << '\n';
  }

  auto r = x.roll({"sync", dir});
  auto said = r.out + r.err;
  // Named as a finding: a journal carried records their own device's journal contradicts.
  CHECK(r.exit_code == 1);
  CHECK(has(said, "injury of device \"" + h_id + "\" corrected by its own journal"));
  CHECK(has(said, "session of device \"" + h_id + "\" corrected by its own journal"));
  CHECK(has(said, "zone was \"calves\""));
  // h's injury guards on x, in its own zone only.
  CHECK(x.roll({"injury", "check", "thoracic"}).exit_code == 3);
  CHECK(x.roll({"session", "thoracic", "--plain", "--speed", "1000"}).exit_code == 3);
  auto injuries = x.roll({"injury", "list"}).out;
  CHECK(has(injuries, "thoracic"));
  CHECK_FALSE(has(injuries, "calves"));
  auto history = x.roll({"history"}).out;
  CHECK(has(history, "2026-11-22 21:30"));
  CHECK_FALSE(has(history, "2026-11-21 21:30"));
  // Settled: the next sync neither refuses nor corrects anything.
  auto again = x.roll({"sync", dir});
  CHECK(again.exit_code == 0);
  CHECK_FALSE(has(again.out + again.err, "corrected"));
  CHECK(x.roll({"injury", "check", "thoracic"}).exit_code == 3);
  // A later line from the pretender changes nothing of what h's own journal said.
  {
    std::ofstream out(fs::path(dir) / (std::string(kHostile) + ".ndjson"),
                      std::ios::app | std::ios::binary);
    out << planted.front() << '\n';
  }
  auto late = x.roll({"sync", dir});
  CHECK(has(late.out + late.err, "cannot change"));
  CHECK(x.roll({"injury", "check", "thoracic"}).exit_code == 3);
  CHECK_FALSE(has(x.roll({"injury", "list"}).out, "calves"));
}
