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
#include "roll/outcomes.hpp"
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
  // Schema 4 as it shipped: its trigger in the file, its version number, six records queued.
  write_version_4(db.file);
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    CHECK(one(db.file, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "0");
    CHECK(store.pending_records() == 6);
    (void)store.begin_session(done("lats", t0() + hours{24}));
    CHECK(store.pending_records() == 8);  // a session and its zone more: each queued once
  }
  auto backup = db.file.string() + ".v4.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "4");
  CHECK(one(backup, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "1");
  CHECK(one(db.file, "SELECT count(*) FROM sessions") == "2");
}

TEST_CASE("migration 5 -> 6: a copy first, then kept deletions, versions, lifts and notices") {
  TempDb db("roll-v5");
  write_version_5(db.file);
  const std::string kSession = "01890a5d-ac96-7000-8000-000000000001";
  const std::string kGone = "01890a5d-ac96-7000-8000-000000000007";
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    // The tombstones of 0.1.0 keep deleting: no version (their deleted_at is it), not restored.
    CHECK(one(db.file, fmt::format("SELECT version IS NULL AND restored IS NULL AND purged = 0 "
                                   "FROM tombstones WHERE uid = '{}'",
                                   kGone)) == "1");
    // And travel as 0.1.0 wrote them, so that a roll of format 1 still reads them.
    std::vector<std::string> lines;
    store.visit_records(std::nullopt,
                        [&](const sync::Record& r) { lines.push_back(sync::encode(r)); });
    auto old = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.find(kGone) != std::string::npos;
    });
    REQUIRE(old != lines.end());
    CHECK(old->starts_with("{\"v\":1,\"kind\":\"tombstone\""));
    CHECK(old->find("version") == std::string::npos);
    // Sync's bookkeeping as it was, read as far as before.
    CHECK(store.journal_positions().at("01890a5d-ac96-7000-8000-0000000000ff").bytes == 420);
    CHECK(store.pending_records() == 6);
    // The old deletion is listed, its record not on this device; its zone's tombstone too.
    std::vector<DeletedRecord> deleted;
    store.visit_deleted([&](const DeletedRecord& d) { deleted.push_back(d); });
    REQUIRE(deleted.size() == 2);
    CHECK_FALSE(deleted[0].record);
    // The session 0.1.0 wrote: deleted now, it is kept whole, and comes back whole.
    REQUIRE(store.session_by_uid(kSession));
    CHECK(store.delete_session(kSession, t0()));
    CHECK_FALSE(store.session_by_uid(kSession));
    CHECK(store.restore(kSession, t0() + hours{1}) == RestoreResult::restored);
    auto back = store.session_by_uid(kSession);
    REQUIRE(back);
    CHECK(back->zone_seconds.at("thoracic") == 300);
    CHECK(back->pressures.size() == 1);
    CHECK(back->skipped.size() == 1);
    // An old deletion can be undone too: the record comes back when it arrives.
    CHECK(store.restore(kGone, t0() + hours{2}) == RestoreResult::restored);
    CHECK(one(db.file, fmt::format("SELECT restored FROM tombstones WHERE uid = '{}'", kGone)) ==
          "1");
    // The old injury is open, and nothing lifted it.
    auto injuries = store.injuries(false);
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].lifted.empty());
  }
  auto backup = db.file.string() + ".v5.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "5");
  CHECK(one(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'deleted_records'") == "0");
  CHECK(one(backup, "SELECT count(*) FROM tombstones") == "2");
  for (const char* table : {"deleted_records", "sync_notices", "sync_speaks_for"})
    CHECK(one(db.file,
              fmt::format("SELECT count(*) FROM sqlite_master WHERE name = '{}'", table)) == "1");
}

TEST_CASE("migration 6 -> 7: pain columns of their own, the back-feel ratings kept as they were") {
  TempDb db("roll-v6-ratings");
  write_version_5(db.file);
  sql(db.file, "UPDATE sessions SET rating_before = 2, rating_after = 9;");
  const std::string kSession = "01890a5d-ac96-7000-8000-000000000001";
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    auto s = store.session_by_uid(kSession);
    REQUIRE(s);
    // The old scale's values and meaning stay: 2 and 9 of "how does your back feel" (10 fine),
    // never read as pain.
    CHECK(s->rating_before == 2);
    CHECK(s->rating_after == 9);
    CHECK_FALSE(s->pain_before);
    CHECK_FALSE(s->pain_after);
    CHECK(pain_ratings({*s}).empty());
  }
  CHECK(one(db.file,
            "SELECT count(*) FROM sessions WHERE pain_before IS NOT NULL OR pain_after "
            "IS NOT NULL") == "0");
  CHECK(one(db.file, "SELECT rating_before || ' ' || rating_after FROM sessions") == "2 9");
}

TEST_CASE("migration 8 -> 9: a record is its device and its uid, every key and reference too") {
  TempDb db("roll-v8");
  write_version_8(db.file);
  const std::string kSession = "01890a5d-ac96-7000-8000-000000000001";
  const std::string kDeleted = "01890a5d-ac96-7000-8000-000000000009";
  const std::string kInjury = "01890a5d-ac96-7000-8000-000000000004";
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    // What was queued is queued still: six records of version 4, the pain stop and a tombstone.
    CHECK(store.pending_records() == 8);
    // The old tombstones, and the clearing, name no device: read back as their format wrote them.
    std::vector<std::string> lines;
    store.visit_records(std::nullopt,
                        [&](const sync::Record& r) { lines.push_back(sync::encode(r)); });
    for (const auto& l : lines) {
      CAPTURE(l);
      CHECK(l.find("of_device") == std::string::npos);
      CHECK(l.find("injury_device") == std::string::npos);
      CHECK_FALSE(l.starts_with("{\"v\":4"));
    }
    // The kept session is listed with the device that made it, and comes back whole.
    std::vector<DeletedRecord> deleted;
    store.visit_deleted([&](const DeletedRecord& d) { deleted.push_back(d); });
    REQUIRE(deleted.size() == 3);
    CHECK(deleted[0].uid == kDeleted);
    CHECK(deleted[0].device == "d");
    REQUIRE(deleted[0].record);
    CHECK(deleted[0].children == 1);
    CHECK(store.restore(kDeleted, t0() + hours{1}) == RestoreResult::restored);
    auto back = store.session_by_uid(kDeleted, "d");
    REQUIRE(back);
    CHECK(back->zone_seconds.at("thoracic") == 60);
    // The restoration names the device now.
    CHECK(one(db.file, fmt::format("SELECT count(*) FROM tombstones WHERE uid = '{}' AND "
                                   "of_device = 'd' AND restored = 1",
                                   kDeleted)) == "1");
    // The injury stays cleared by its old clearing.
    CHECK(store.injuries(false).empty());
    // Another device's record of the same uid is a record of its own, beside the old one.
    std::vector<IncomingRecord> batch;
    auto copy = sync::Record::make(sync::Kind::injury, kInjury, "x");
    copy.set("zone", std::string("calves"))
        .set("at", std::int64_t{1794900000})
        .set("note", std::string())
        .set("cleared", false);
    batch.push_back({copy, "copy:1"});
    auto session = sync::Record::make(sync::Kind::session, kSession, "x");
    session.set("routine", std::string("bedtime"))
        .set("title", std::string("Bedtime"))
        .set("started_at", std::int64_t{1795000900})
        .set("ended_at", std::int64_t{1795001000})
        .set("planned_seconds", std::int64_t{300})
        .set("completed_seconds", std::int64_t{100})
        .set("status", std::string("partial"))
        .set("origin", std::string("live"))
        .set("utc_offset", std::int64_t{0});
    batch.push_back({session, "copy:2"});
    ProblemLog problems;
    auto counts =
        store.merge(batch, {MergeMode::sync, t0() + hours{2}, kDevice, {}, false}, problems);
    CHECK(problems.lines().empty());
    CHECK(counts.added == 2);
    REQUIRE(store.session_by_uid(kSession, "d"));
    CHECK(store.session_by_uid(kSession, "d")->completed_seconds == 300);
    REQUIRE(store.session_by_uid(kSession, "x"));
    CHECK(store.session_by_uid(kSession, "x")->completed_seconds == 100);
    // The old clearing names the injury by its uid alone: every injury of that uid, as it meant
    // when a uid was one record's. From another device, it clears the newcomer only once
    // confirmed here; the old injury stays cleared as it was.
    auto open = store.injuries(false);
    REQUIRE(open.size() == 1);
    CHECK(open[0].zone == Zone::calves);
    CHECK(open[0].lifted == "cleared");
    CHECK(store.injuries(true).size() == 2);
  }
  auto backup = db.file.string() + ".v8.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "8");
  CHECK(one(db.file, "SELECT count(*) FROM sync_outbox WHERE device = 'd'") == "8");
  CHECK(one(db.file, "SELECT count(*) FROM sync_outbox WHERE kind = 'tombstone' AND device = ''") ==
        "1");
}

namespace {

sync::Record psfs_record(const std::string& uid, const std::string& device, std::int64_t score) {
  auto r = sync::Record::make(sync::Kind::psfs, uid, device);
  r.set("at", std::int64_t{1795000000})
      .set("utc_offset", std::int64_t{0})
      .set("activity_1", std::string("Reaching up to a high shelf"))
      .set("score_1", score);
  return r;
}

std::vector<int> psfs_scores(HistoryStore& store) {
  std::vector<int> out;
  for (const auto& a : store.psfs_answers()) out.push_back(a.items.at(0).score);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("migration 9 -> 10: PSFS answers, each its device and its uid like every record") {
  TempDb db("roll-v9");
  write_version_9(db.file);
  const std::string kMine = "01890a5d-ac96-7000-8000-000000000101";
  const std::string kTheirs = "01890a5d-ac96-7000-8000-000000000102";
  const std::string kDeleted = "01890a5d-ac96-7000-8000-000000000009";
  std::string mine;
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    // What version 9 held and queued is as it was.
    CHECK(store.pending_records() == 8);
    std::vector<DeletedRecord> deleted;
    store.visit_deleted([&](const DeletedRecord& d) { deleted.push_back(d); });
    REQUIRE(deleted.size() == 3);
    CHECK(deleted[0].uid == kDeleted);
    CHECK(deleted[0].device == "d");

    PsfsAnswer answer;
    answer.at = t0();
    answer.items.push_back({"Reaching up to a high shelf", 4});
    mine = store.add_psfs(answer, t0() + hours{1});
    CHECK(store.pending_records() == 9);

    // A copy of this device's answer under another device's id, and another device's honest
    // answer read after its copy: each a record of its own, none keeping another out.
    auto honest = psfs_record(kTheirs, "h", 6);
    std::vector<IncomingRecord> batch{{psfs_record(mine, "x", 0), "copy:1"},
                                      {psfs_record(kTheirs, "x", 1), "copy:2"},
                                      {honest, "honest:1"}};
    ProblemLog problems;
    auto counts =
        store.merge(batch, {MergeMode::sync, t0() + hours{2}, kDevice, {}, false}, problems);
    CHECK(problems.lines().empty());
    CHECK(counts.added == 3);
    CHECK(psfs_scores(store) == std::vector<int>{0, 1, 4, 6});

    // The copier deletes its copy: the honest answer of that uid stays.
    auto t = sync::Record::make(sync::Kind::tombstone, kTheirs, "x");
    t.set("of", std::string("psfs"))
        .set("deleted_at", std::int64_t{1795007000})
        .set("version", std::int64_t{1795007000})
        .set("restored", false)
        .set("of_device", std::string("x"));
    std::vector<IncomingRecord> deletion{{t, "copy:3"}};
    store.merge(deletion, {MergeMode::sync, t0() + hours{2}, kDevice, {}, false}, problems);
    CHECK(problems.lines().empty());
    CHECK(psfs_scores(store) == std::vector<int>{0, 4, 6});
    CHECK(store.record_devices(kTheirs).size() == 2);
    // Restored and purged by uid and device, the other device's record untouched.
    CHECK(store.restore(kTheirs, t0() + hours{3}, "x") == RestoreResult::restored);
    CHECK(psfs_scores(store) == std::vector<int>{0, 1, 4, 6});
    CHECK(store.purge(kTheirs, t0() + hours{3}, "x"));
    CHECK(psfs_scores(store) == std::vector<int>{0, 4, 6});
  }
  auto backup = db.file.string() + ".v9.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "9");
  CHECK(one(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'psfs_answers'") == "0");
  CHECK(one(db.file, "PRAGMA user_version") == std::to_string(HistoryStore::kSchemaVersion));
  // This device's answer is queued under its device, as every record since 9.
  CHECK(one(db.file, fmt::format("SELECT device FROM sync_outbox WHERE kind = 'psfs' AND uid = "
                                 "'{}'",
                                 mine)) == kDevice);
  // Two devices' answers of one uid are two rows; the same device's twice is one.
  CHECK(one(db.file, fmt::format("SELECT count(*) FROM psfs_answers WHERE uid = '{}'", mine)) ==
        "2");
  sql(db.file, fmt::format("INSERT OR IGNORE INTO psfs_answers (uid, device, at, utc_offset, "
                           "activity_1, score_1) VALUES ('{}', 'x', 1, 0, 'a', 1)",
                           mine));
  CHECK(one(db.file, fmt::format("SELECT count(*) FROM psfs_answers WHERE uid = '{}'", mine)) ==
        "2");
}

TEST_CASE(
    "migration 10 -> 11: a zone's roller time is a column of its own, old zones not recorded") {
  TempDb db("roll-v10-roller");
  write_version_10(db.file);
  REQUIRE(one(db.file, "PRAGMA user_version") == "10");
  const std::string kSession = "01890a5d-ac96-7000-8000-000000000001";
  const std::string kDeleted = "01890a5d-ac96-7000-8000-000000000009";
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    auto s = store.session_by_uid(kSession, "d");
    REQUIRE(s);
    // The zone's seconds as they were; how many of them were on the roller is not known, and
    // is never filled in from them.
    CHECK(s->zone_seconds.at("thoracic") == 300);
    CHECK(s->roller_seconds.empty());
    CHECK_FALSE(roller_seconds_done(*s));
    // It travels as the older roll wrote it: format 1, without the field.
    std::vector<std::string> lines;
    store.visit_records(std::nullopt, [&](const sync::Record& r) {
      if (r.kind == sync::Kind::session_zone) lines.push_back(sync::encode(r));
    });
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with("{\"v\":1,"));
    CHECK(lines[0].find("roller_seconds") == std::string::npos);
    // A zone kept with its deleted session comes back as its line had it: not recorded.
    CHECK(store.restore(kDeleted, t0() + hours{1}) == RestoreResult::restored);
    auto back = store.session_by_uid(kDeleted, "d");
    REQUIRE(back);
    CHECK(back->zone_seconds.at("thoracic") == 60);
    CHECK(back->roller_seconds.empty());
    // A new session beside them keeps its roller time.
    SessionProgress p = done("bedtime", t0() + hours{24});
    p.roller_seconds["thoracic"] = 180;
    store.begin_session(p);
  }
  CHECK(one(db.file, "SELECT count(*) FROM session_zones WHERE roller_seconds IS NULL") == "2");
  CHECK(one(db.file,
            "SELECT group_concat(seconds || ':' || coalesce(roller_seconds, 'null')) "
            "FROM (SELECT * FROM session_zones ORDER BY session_id)") ==
        "300:null,60:null,300:180");
  // The column comes after those migration 9 keyed by device and uid: the index is as 9 made it.
  CHECK(one(db.file, "SELECT sql FROM sqlite_master WHERE name = 'session_zones_uid'") ==
        "CREATE UNIQUE INDEX session_zones_uid ON session_zones(uid, device)");
  auto backup = db.file.string() + ".v10.bak";
  REQUIRE(std::filesystem::exists(backup));
  CHECK(one(backup, "PRAGMA user_version") == "10");
  CHECK(one(backup,
            "SELECT count(*) FROM pragma_table_info('session_zones') WHERE name = "
            "'roller_seconds'") == "0");
}

TEST_CASE("migration 11 -> 12: no record held before is provisional") {
  TempDb db("roll-v11-provisional");
  write_version_10(db.file);
  // Version 11 as migration 10 -> 11 made it.
  sql(db.file, "ALTER TABLE session_zones ADD COLUMN roller_seconds INTEGER");
  sql(db.file, "PRAGMA user_version = 11");
  REQUIRE(one(db.file, "PRAGMA user_version") == "11");
  const std::string kSession = "01890a5d-ac96-7000-8000-000000000001";
  {
    HistoryStore store(db.file, fixed_device());
    CHECK(store.schema_version() == HistoryStore::kSchemaVersion);
    CHECK(store.session_by_uid(kSession, "d"));
  }
  CHECK(one(db.file, "PRAGMA user_version") == "12");
  // What was stored before, from whichever journal, stands as it did: a later line that changes
  // what it is stays refused.
  CHECK(one(db.file, "SELECT count(*) FROM provisional_records") == "0");
  CHECK(one(db.file, "SELECT count(*) FROM sessions WHERE uid = '" + kSession + "'") == "1");
}
