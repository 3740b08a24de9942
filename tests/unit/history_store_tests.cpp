// The SQLite history on a temporary database: step-boundary logging, killed sessions, concurrent
// writers, corrupt files and migrations from an older schema.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/wall_clock.hpp"

using namespace roll;
using namespace roll::platform;
using namespace std::chrono;

using roll::test::slurp;
using roll::test::TempDb;

namespace {

SessionQuery with_details() {
  SessionQuery q;
  q.details = true;
  return q;
}

SysSeconds t0() {
  return SysSeconds{seconds{1'795'000'000}};
}

SessionProgress progress(const std::string& name, SysSeconds start) {
  SessionProgress p;
  p.routine_name = name;
  p.routine_title = "Title of " + name;
  p.started_at = start;
  p.ended_at = start;
  p.planned_seconds = 300;
  return p;
}

// Whether a session (a completed one, with `completed_only`) started in [from, to).
bool any_session(HistoryStore& store, SysSeconds from, SysSeconds to, bool completed_only) {
  SessionQuery q;
  q.since = from;
  q.until = to;
  auto rows = store.sessions(q);
  return std::any_of(rows.begin(), rows.end(), [&](const SessionRecord& r) {
    return !completed_only || r.status == SessionStatus::completed;
  });
}

// Runs `body` in a child process and returns its wait status.
template <class F>
int in_child(F body) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    body();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("history store: written at begin and at every step boundary, read back newest first") {
  TempDb db;
  HistoryStore store(db.file);
  CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
  SqliteSessionLog log(std::make_unique<HistoryStore>(db.file));
  auto p = progress("bedtime", t0());
  log.begin(p);
  auto rows = store.sessions({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == SessionStatus::unfinished);  // running, as a reader sees it
  CHECK(rows[0].completed_seconds == 0);

  p.completed_seconds = 60;
  p.ended_at = t0() + seconds{62};
  p.zone_seconds["thoracic"] = 60;
  p.pressures.push_back({30, 5, "thoracic"});
  log.update(p);
  rows = store.sessions(with_details());
  CHECK(rows[0].completed_seconds == 60);
  CHECK(rows[0].zone_seconds.at("thoracic") == 60);
  REQUIRE(rows[0].pressures.size() == 1);
  CHECK(rows[0].pressures[0].value == 5);

  p.completed_seconds = 300;
  p.zone_seconds["lats"] = 240;
  p.status = SessionStatus::completed;
  p.ended_at = t0() + seconds{310};
  log.end(p);
  rows = store.sessions(with_details());
  CHECK(rows[0].status == SessionStatus::completed);
  CHECK(rows[0].routine_title == "Title of bedtime");
  CHECK(rows[0].ended_at == t0() + seconds{310});
  CHECK(rows[0].zone_seconds.size() == 2);

  auto later = progress("thoracic", t0() + hours{24});
  later.status = SessionStatus::pain_stop;
  store.update_session(store.begin_session(later), later);
  rows = store.sessions({});
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].routine_name == "thoracic");
  CHECK(rows[0].status == SessionStatus::pain_stop);
  SessionQuery one;
  one.limit = 1;
  CHECK(store.sessions(one).size() == 1);
  SessionQuery since;
  since.since = t0() + hours{1};
  CHECK(store.sessions(since).size() == 1);
  CHECK(any_session(store, t0(), t0() + hours{1}, true));
  CHECK_FALSE(any_session(store, t0() + hours{24}, t0() + hours{25}, true));
  CHECK(any_session(store, t0() + hours{24}, t0() + hours{25}, false));
}

TEST_CASE("session starts: every session begun before a time, and whether it completed") {
  TempDb db;
  HistoryStore store(db.file);
  auto session_starts = [&](SysSeconds until) {
    std::vector<std::pair<SysSeconds, bool>> out;
    // The store's UTC offset is the process's zone; the test's TZ is whatever it is, so undo it.
    store.visit_session_starts(
        until, [&](LocalSeconds t, bool done) { out.emplace_back(platform::from_local(t), done); });
    return out;
  };
  CHECK(session_starts(t0() + hours{1000}).empty());
  const SessionStatus statuses[] = {SessionStatus::completed, SessionStatus::quit,
                                    SessionStatus::pain_stop, SessionStatus::completed};
  for (int i = 0; i < 4; ++i) {
    auto p = progress("bedtime", t0() + hours{24 * i});
    p.status = statuses[i];
    store.update_session(store.begin_session(p), p);
  }
  store.begin_session(progress("thoracic", t0() + hours{100}));  // still running
  auto starts = session_starts(t0() + hours{1000});
  CHECK(std::is_sorted(starts.begin(), starts.end()));  // oldest first
  REQUIRE(starts.size() == 5);
  CHECK(starts[0] == std::pair{t0(), true});
  CHECK(starts[1] == std::pair{t0() + hours{24}, false});
  CHECK(starts[2] == std::pair{t0() + hours{48}, false});
  CHECK(starts[3] == std::pair{t0() + hours{72}, true});
  CHECK(starts[4] == std::pair{t0() + hours{100}, false});
  // Only those begun before the time given.
  CHECK(session_starts(t0() + hours{48}).size() == 2);
}

TEST_CASE("a killed process's session reads back as unfinished with its last step kept") {
  TempDb db;
  { HistoryStore create(db.file); }
  SUBCASE("_exit without end()") {
    int status = in_child([&] {
      SqliteSessionLog log(std::make_unique<HistoryStore>(db.file));
      auto p = progress("bedtime", t0());
      log.begin(p);
      p.completed_seconds = 120;
      log.update(p);
      ::_exit(0);  // no destructors, no end()
    });
    CHECK(WIFEXITED(status));
  }
  SUBCASE("SIGKILL mid-session") {
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      SqliteSessionLog log(std::make_unique<HistoryStore>(db.file));
      auto p = progress("bedtime", t0());
      log.begin(p);
      p.completed_seconds = 120;
      log.update(p);
      (void)!::write(ready[1], "x", 1);
      for (;;) ::pause();  // the parent kills us here, mid-step
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    ::close(ready[0]);
    ::close(ready[1]);
  }
  HistoryStore store(db.file);
  auto rows = store.sessions({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == SessionStatus::unfinished);
  CHECK(rows[0].completed_seconds == 120);
  CHECK_FALSE(any_session(store, t0() - hours{1}, t0() + hours{1}, true));
}

TEST_CASE("two processes writing at the same moment both land") {
  TempDb db;
  { HistoryStore create(db.file); }
  constexpr int kEach = 40;
  pid_t pids[2];
  for (int w = 0; w < 2; ++w) {
    pids[w] = ::fork();
    REQUIRE(pids[w] >= 0);
    if (pids[w] == 0) {
      int code = 0;
      try {
        HistoryStore store(db.file);
        for (int i = 0; i < kEach; ++i) {
          auto p = progress(w == 0 ? "first" : "second", t0() + seconds{i});
          long long id = store.begin_session(p);
          p.status = SessionStatus::completed;
          p.completed_seconds = 300;
          store.update_session(id, p);
        }
      } catch (...) {
        code = 1;
      }
      ::_exit(code);
    }
  }
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  HistoryStore store(db.file);
  auto rows = store.sessions({});
  CHECK(rows.size() == 2 * kEach);
  CHECK(std::count_if(rows.begin(), rows.end(),
                      [](auto& r) { return r.status == SessionStatus::completed; }) == 2 * kEach);
}

TEST_CASE("a corrupt database is reported and left byte for byte as it was") {
  TempDb db;
  std::filesystem::create_directories(db.file.parent_path());
  std::string garbage(8192, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i)
    garbage[i] = static_cast<char>((i * 131 + 7) % 251);
  {
    std::ofstream out(db.file, std::ios::binary);
    out << garbage;
  }
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(message.find("has not changed it") != std::string::npos);
  CHECK(slurp(db.file) == garbage);
  CHECK_FALSE(std::filesystem::exists(db.file.string() + "-wal"));
}

TEST_CASE("an unreadable database is reported, not replaced") {
  if (::geteuid() == 0) {
    // root reads everything; make the path a directory instead, which nobody can open as a file.
    TempDb db;
    std::filesystem::create_directories(db.file);
    CHECK_THROWS_AS(HistoryStore(db.file), HistoryError);
    CHECK(std::filesystem::is_directory(db.file));
    return;
  }
  TempDb db;
  { HistoryStore create(db.file); }
  std::filesystem::permissions(db.file, std::filesystem::perms::none);
  CHECK_THROWS_AS(HistoryStore(db.file), HistoryError);
}

TEST_CASE("migrations: a version 1 database gains the new tables and keeps its sessions") {
  TempDb db;
  std::filesystem::create_directories(db.file.parent_path());
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.file.c_str(), &raw) == SQLITE_OK);
  // Version 1 as it was: sessions only, no zones, injuries or index.
  REQUIRE(
      sqlite3_exec(
          raw,
          "CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine TEXT NOT NULL, title TEXT NOT "
          "NULL, "
          "started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL, planned_seconds INTEGER NOT "
          "NULL, "
          "completed_seconds INTEGER NOT NULL, status TEXT NOT NULL);"
          "INSERT INTO sessions VALUES (1, 'bedtime', 'Bedtime', 1795000000, 1795000300, 300, 300, "
          "'completed');"
          "INSERT INTO sessions VALUES (2, 'thoracic', 'Thoracic', 1795086400, 1795086500, 300, "
          "100, "
          "'running');"
          "PRAGMA user_version = 1;",
          nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);

  HistoryStore store(db.file);
  CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
  auto rows = store.sessions(with_details());
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].routine_name == "bedtime");
  CHECK(rows[1].status == SessionStatus::completed);
  CHECK(rows[0].status == SessionStatus::unfinished);
  CHECK(rows[0].zone_seconds.empty());
  Injury injury;
  injury.zone = Zone::lumbar;
  injury.at = t0();
  CHECK(store.add_injury(injury) == 1);
  CHECK(store.injuries(false).size() == 1);
}

TEST_CASE("migrations: an empty file (version 0) becomes a current database") {
  TempDb db;
  std::filesystem::create_directories(db.file.parent_path());
  { std::ofstream touch(db.file); }
  HistoryStore store(db.file);
  CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
  CHECK(store.sessions({}).empty());
}

TEST_CASE("a database from a newer roll is refused and not touched") {
  TempDb db;
  { HistoryStore create(db.file); }
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.file.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("newer roll (schema 99") != std::string::npos);
}

TEST_CASE("injuries and the daily check-in") {
  TempDb db;
  HistoryStore store(db.file);
  Injury a;
  a.zone = Zone::lumbar;
  a.at = t0();
  a.note = "lifting";
  Injury b = a;
  b.zone = Zone::neck;
  long long ia = store.add_injury(a);
  store.add_injury(b);
  auto list = store.injuries(false);
  REQUIRE(list.size() == 2);
  CHECK(list[0].zone == Zone::lumbar);
  CHECK(list[0].note == "lifting");
  CHECK(store.clear_injury(ia, t0()));
  CHECK_FALSE(store.clear_injury(ia, t0()));
  CHECK(store.injuries(false).size() == 1);
  CHECK(store.injuries(true).size() == 2);
  CHECK(store.clear_all_injuries(t0()) == 1);
  CHECK(store.injuries(false).empty());

  CHECK_FALSE(store.checked_in("2026-11-23"));
  store.record_check_in("2026-11-23", false, t0());
  CHECK(store.checked_in("2026-11-23"));
}

// Issue #13's start-up: a history closed cleanly is checked by its header alone before the
// read-write open, so these pin down what that fast path still catches and leaves alone.
TEST_CASE("a history closed cleanly keeps an empty -wal, so the next open has nothing to replay") {
  TempDb db;
  { HistoryStore store(db.file); }
  REQUIRE(std::filesystem::exists(db.file.string() + "-wal"));
  CHECK(std::filesystem::file_size(db.file.string() + "-wal") == 0);
}

TEST_CASE("a damaged schema page behind a sound header is reported and the file left as it was") {
  TempDb db;
  { HistoryStore store(db.file); }
  std::string bytes = slurp(db.file);
  REQUIRE(bytes.size() > 4096);
  // Page 1 past the 100-byte header holds the schema: scribble over it, keep the header.
  for (std::size_t i = 100; i < 4096; ++i) bytes[i] = static_cast<char>((i * 37 + 11) % 256);
  { std::ofstream(db.file, std::ios::binary | std::ios::trunc) << bytes; }
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(slurp(db.file) == bytes);
  CHECK(std::filesystem::file_size(db.file.string() + "-wal") == 0);
}

TEST_CASE("a file that is not SQLite is refused by its header, before SQLite opens it") {
  TempDb db;
  std::filesystem::create_directories(db.file.parent_path());
  std::string junk = "SQLite format 2\n" + std::string(200, 'x');
  { std::ofstream(db.file, std::ios::binary) << junk; }
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(slurp(db.file) == junk);
  CHECK_FALSE(std::filesystem::exists(db.file.string() + "-wal"));
}
