// What the history store writes (src/platform/history_writes.cpp) on a temporary database:
// step-boundary logging, killed sessions, concurrent writers, injuries and the check-in,
// deletions with their tombstones, a session's records.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "calendar.hpp"
#include "fixtures.hpp"
#include "history_fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/ids.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/sqlite.hpp"
#include "platform/wall_clock.hpp"
#include "roll/due.hpp"
#include "roll/stats.hpp"

using namespace roll;
using namespace roll::platform;
using namespace roll::test;
using namespace std::chrono;

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
  long long ib = store.add_injury(b);
  auto list = store.injuries(false);
  REQUIRE(list.size() == 2);
  CHECK(list[0].zone == Zone::lumbar);
  CHECK(list[0].note == "lifting");
  CHECK(store.clear_injury(ia, t0()) == ClearResult::cleared);
  CHECK(store.clear_injury(ia, t0()) == ClearResult::not_open);
  CHECK(store.injuries(false).size() == 1);
  CHECK(store.injuries(true).size() == 2);
  CHECK(store.clear_injury(ib, t0()) == ClearResult::cleared);
  CHECK(store.injuries(false).empty());

  CHECK_FALSE(store.checked_in("2026-11-23"));
  store.record_check_in("2026-11-23", false, t0());
  CHECK(store.checked_in("2026-11-23"));
}

TEST_CASE("delete: the session and what hangs on it are hidden and kept, under one tombstone") {
  TempDb db("roll-rec");
  HistoryStore store(db.file, fixed_device());
  auto keep = done("bedtime", t0());
  store.begin_session(keep);
  auto p = done("thoracic", t0() + hours{24}, SessionStatus::pain_stop);
  p.pressures.push_back({10, 6, "thoracic"});
  p.skipped.push_back({1, "Lat roll", 12});
  p.hold_changes.push_back({40, 15, 1, "thoracic"});
  p.pain_zone = "thoracic";
  store.begin_session(p);
  SessionQuery all;
  all.details = true;
  auto rows = store.sessions(all);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].hold_changes.size() == 1);
  std::string uid = rows[0].uid;
  REQUIRE(store.pain_stops(t0(), t0() + hours{48}).size() == 1);
  CHECK_FALSE(store.delete_session("01890a5d-0000-7000-8000-000000000000", t0()));
  CHECK(store.delete_session(uid, t0() + hours{30}));
  CHECK_FALSE(store.delete_session(uid, t0() + hours{30}));
  rows = store.sessions({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].routine_name == "bedtime");
  CHECK(store.pain_stops(t0(), t0() + hours{48}).empty());
  CHECK(one(db.file, "SELECT group_concat(kind, ',') FROM tombstones") == "session");
  CHECK(one(db.file, fmt::format("SELECT device FROM tombstones WHERE uid = '{}'", uid)) ==
        kDevice);
  // Kept, hidden, each as the line a journal would carry, for a restoration to bring back.
  CHECK(one(db.file,
            "SELECT group_concat(kind, ',') FROM (SELECT kind FROM deleted_records ORDER BY "
            "kind)") == "hold_change,pain_stop,pressure,session,session_zone,skipped_step");
  CHECK(one(db.file, "SELECT count(*) FROM pressures") == "0");
  CHECK(one(db.file, "SELECT count(*) FROM hold_changes") == "0");
}

TEST_CASE("a session's records: skipped steps, an origin, its UTC offset, a zone's uid kept") {
  TempDb db("roll-rec");
  HistoryStore store(db.file, fixed_device());
  SessionProgress p = done("bedtime", t0());
  p.status = SessionStatus::running;
  p.origin = SessionOrigin::rehearsal;
  long long id = store.begin_session(p);
  store.update_session(id, p);
  auto zone_uid = one(db.file, "SELECT uid FROM session_zones");
  p.zone_seconds["thoracic"] = 320;
  p.skipped.push_back({2, "Cat-cow", 100});
  p.status = SessionStatus::partial;
  store.update_session(id, p);
  store.update_session(id, p);
  CHECK(one(db.file, "SELECT uid FROM session_zones") == zone_uid);
  SessionQuery q;
  q.details = true;
  auto rows = store.sessions(q);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == SessionStatus::partial);
  CHECK(rows[0].origin == SessionOrigin::rehearsal);
  REQUIRE(rows[0].skipped.size() == 1);
  CHECK(rows[0].skipped[0].name == "Cat-cow");
  CHECK(rows[0].zone_seconds.at("thoracic") == 320);
  CHECK(rows[0].utc_offset == to_local(t0()).time_since_epoch() - t0().time_since_epoch());
}

TEST_CASE(
    "history store: a zone's time on the roller is kept beside its seconds, or not recorded") {
  TempDb db;
  HistoryStore store(db.file, fixed_device());
  SessionProgress p = done("bedtime", t0());
  p.zone_seconds = {{"full-body", 60}, {"thoracic", 300}};
  p.roller_seconds = {{"full-body", 0}, {"thoracic", 180}};
  long long id = store.begin_session(p);
  // A session logged by hand with --minutes: its zones, and no roller time (not known).
  SessionProgress by_hand = done("thoracic", t0() + hours{24});
  by_hand.origin = SessionOrigin::by_hand;
  store.begin_session(by_hand);
  auto rows = store.sessions(with_details());
  REQUIRE(rows.size() == 2);
  const SessionRecord& hand = rows[0];
  const SessionRecord& live = rows[1];
  CHECK(live.id == id);
  CHECK(live.roller_seconds == p.roller_seconds);
  CHECK(roller_seconds_done(live) == 180);
  CHECK(hand.zone_seconds.at("thoracic") == 300);
  CHECK(hand.roller_seconds.empty());
  CHECK_FALSE(roller_seconds_done(hand));
  CHECK(one(db.file, "SELECT count(*) FROM session_zones WHERE roller_seconds IS NULL") == "1");
  // The stats read the same: 3 minutes on the roller, one session not recorded.
  Stats st = gather_stats(store, platform::process_time_zone(), t0() + hours{48}, 4, 2);
  CHECK(st.zone_seconds.at("thoracic") == 600);
  CHECK(st.roller_seconds.at("thoracic") == 180);
  CHECK(st.roller_not_recorded == 1);
}
