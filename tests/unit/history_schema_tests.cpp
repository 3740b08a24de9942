// The history's schema and its migrations (src/platform/history_schema.cpp) on temporary
// databases written as each shipped version left them: a copy first, then the new tables, ids,
// offsets and triggers, the old rows read as they were.
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

TEST_CASE("migration 2 -> 3: a copy first, then ids, the device and offsets on every old row") {
  TempDb db("roll-rec");
  write_version_2(db.file);
  auto before = slurp(db.file);
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    auto rows = store.sessions({});
    REQUIRE(rows.size() == 1);
    CHECK(is_uuid(rows[0].uid));
    CHECK(rows[0].device == kDevice);
    CHECK(rows[0].origin == SessionOrigin::live);
    CHECK_FALSE(rows[0].rating_before);
  }
  auto backup = db.file.string() + ".v2.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "2");
  CHECK(one(backup, "SELECT count(*) FROM sessions") == "1");
  CHECK(one(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'tombstones'") == "0");
  for (const char* table : {"sessions", "session_zones", "pressures", "injuries", "check_ins"}) {
    CAPTURE(table);
    CHECK(one(db.file, fmt::format("SELECT count(*) FROM {} WHERE uid IS NULL OR device IS NULL",
                                   table)) == "0");
  }
  CHECK(one(db.file, "SELECT count(*) FROM sessions WHERE utc_offset IS NULL") == "0");
  for (const char* table : {"tombstones", "pain_stops", "skipped_steps", "injury_clearings"})
    CHECK(one(db.file, fmt::format("SELECT count(*) FROM {}", table)) == "0");
  CHECK(one(db.file,
            "SELECT count(*) FROM pragma_table_info('sessions') WHERE name IN "
            "('rating_before', 'rating_after')") == "2");
  CHECK_FALSE(before.empty());
  // The next open has nothing to migrate and leaves the copy as it was.
  auto copy = slurp(backup);
  { HistoryStore again(db.file, fixed_device()); }
  CHECK(slurp(backup) == copy);
  CHECK_FALSE(std::filesystem::exists(db.file.string() + ".v3.bak"));
}

// Issue 16: + and - were shown and in the summary but never stored. Schema 4 keeps them.
TEST_CASE(
    "migration 3 -> 4 -> 5: a copy first, then hold_changes, the old session reads as it was") {
  TempDb db("roll-rec");
  write_version_3(db.file);
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    SessionQuery all;
    all.details = true;
    auto rows = store.sessions(all);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].uid == "01890a5d-ac96-7000-8000-000000000001");
    REQUIRE(rows[0].skipped.size() == 1);
    CHECK(rows[0].skipped[0].name == "Rib roll");
    CHECK(rows[0].hold_changes.empty());
  }
  auto backup = db.file.string() + ".v3.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "3");
  CHECK(one(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'hold_changes'") == "0");
  CHECK(one(db.file,
            "SELECT group_concat(name, ',') FROM (SELECT name FROM "
            "pragma_table_info('hold_changes') ORDER BY cid)") ==
        "uid,device,session_id,step,at_seconds,delta_seconds");
  CHECK(one(db.file, "SELECT count(*) FROM sqlite_master WHERE name = 'hold_changes_session'") ==
        "1");

  // Written with the session, as the skipped steps are; each row once across the updates.
  HistoryStore store(db.file, fixed_device());
  SessionProgress p = done("thoracic", t0() + hours{24});
  p.status = SessionStatus::running;
  p.hold_changes.push_back({40, 15, 1, "thoracic"});
  long long id = store.begin_session(p);
  p.hold_changes.push_back({70, -10, 2, "lats"});
  store.update_session(id, p);
  p.status = SessionStatus::completed;
  store.update_session(id, p);
  CHECK(one(db.file, "SELECT count(*) FROM hold_changes") == "2");
  CHECK(one(db.file,
            "SELECT group_concat(step || ':' || at_seconds || ':' || delta_seconds || ':' "
            "|| device, ',') FROM hold_changes") ==
        fmt::format("0:40:15:{},1:70:-10:{}", kDevice, kDevice));
  SessionQuery all;
  all.details = true;
  auto rows = store.sessions(all);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].hold_changes.size() == 2);
  CHECK(rows[0].hold_changes[1].step == 2);
  CHECK(rows[0].hold_changes[1].seconds == -10);
  CHECK(rows[0].hold_changes[1].at_seconds == 70);
}

TEST_CASE("a new database needs no copy, and a read-only command never makes the device id") {
  TempDb db("roll-rec");
  bool asked = false;
  {
    HistoryStore store(db.file, [&] {
      asked = true;
      return std::string(kDevice);
    });
    (void)store.sessions({});
  }
  CHECK_FALSE(asked);
  CHECK_FALSE(std::filesystem::exists(db.file.string() + ".v0.bak"));
}

TEST_CASE(
    "schema 5: the sync outbox is filled by the writing connection, the file has no triggers") {
  // Schema 4 kept twenty outbox triggers in the file, so every connection, `roll due` too,
  // parsed them at open: 60% of due's instructions (issue #13). They are now TEMP triggers that
  // only a connection about to write creates.
  TempDb db("roll-outbox-temp");
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(one(db.file, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "0");
    (void)store.begin_session(done("thoracic", t0()));
    Injury injury;
    injury.zone = Zone::thoracic;
    injury.at = t0();
    (void)store.add_injury(injury);
    CHECK(store.pending_records() == 3);  // the session, its zone, the injury
  }
  CHECK(one(db.file, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "0");
  CHECK(one(db.file, "SELECT count(*) FROM sync_outbox") == "3");
}

TEST_CASE(
    "schema 4 -> 5: the file's outbox triggers are dropped, a copy kept, writes still queued") {
  TempDb db("roll-outbox-v4");
  {
    HistoryStore store(db.file, fixed_device());
    (void)store.begin_session(done("thoracic", t0()));
  }
  // Back to schema 4 as it shipped: its trigger in the file, its version number.
  sql(db.file, R"sql(
CREATE TRIGGER sessions_outbox_insert AFTER INSERT ON sessions
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'session', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'session' AND uid = new.uid); END;
PRAGMA user_version = 4;
)sql");
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == 5);
    CHECK(one(db.file, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "0");
    (void)store.begin_session(done("lats", t0() + hours{24}));
    CHECK(store.pending_records() == 4);  // two sessions, two zones: each queued once
  }
  auto backup = db.file.string() + ".v4.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "4");
  CHECK(one(backup, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "1");
  CHECK(one(db.file, "SELECT count(*) FROM sessions") == "2");
}
