// What the history store reads (src/platform/history_reads.cpp): session starts, rows roll did
// not write left out and named, the rated sessions and pressures of `roll stats`, and `due` and
// `stats` agreeing on a session's day across daylight saving.
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
#include "skip.hpp"

using namespace roll;
using namespace roll::platform;
using namespace roll::test;
using namespace std::chrono;

namespace {

SysSeconds at(int day, int hour) {
  return SysSeconds{sys_days{year{2026} / November / day}.time_since_epoch()} + hours{hour};
}

long long add(platform::HistoryStore& store, SysSeconds start, SessionOrigin origin,
              std::vector<PressureReading> pressures = {}) {
  SessionProgress p;
  p.routine_name = "bedtime";
  p.routine_title = "Bedtime";
  p.started_at = start;
  p.ended_at = start + minutes{5};
  p.planned_seconds = p.completed_seconds = 300;
  p.origin = origin;
  p.pressures = std::move(pressures);
  long long id = store.begin_session(p);
  p.status = SessionStatus::completed;
  store.update_session(id, p);
  return id;
}

}  // namespace

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

TEST_CASE("values roll did not write: each row named once, the others still read") {
  TempDb db("roll-rec");
  {
    HistoryStore store(db.file, fixed_device());
    store.begin_session(done("good", t0()));
    for (int i = 0; i < 4; ++i) store.begin_session(done("bad", t0() + hours{i + 1}));
  }
  sql(db.file,
      "UPDATE sessions SET started_at = -9223372036854775808 WHERE id = 2;"
      "UPDATE sessions SET started_at = 253402300800 WHERE id = 3;"
      "UPDATE sessions SET completed_seconds = 2147483600 WHERE id = 4;"
      "UPDATE sessions SET completed_seconds = -15528912 WHERE id = 5;"
      "INSERT INTO injuries (zone, at, uid, device) VALUES ('lumbar', -9223372036854775808, "
      "'x', 'y');");
  HistoryStore store(db.file, fixed_device());
  auto rows = store.sessions({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].routine_name == "good");
  auto problems = store.take_problems();
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].find("session row 3: started_at 253402300800") != std::string::npos);
  CHECK(problems[0].find(db.file.string()) == 0);
  bool named_min = false;
  for (const auto& p : problems)
    named_min = named_min || p.find("row 2: started_at -9223372036854775808") != std::string::npos;
  CHECK(named_min);
  CHECK(store.injuries(true).empty());
  CHECK(store.take_problems().size() == 1);
  // The stats path reads the same rows the same way.
  std::size_t seen = 0;
  store.visit_session_starts(t0() + hours{100}, [&](LocalSeconds, bool) { ++seen; });
  // good, and rows 4 and 5 (their seconds are not read here); the 9999+ row starts after
  // `until`; INT64_MIN is left out with a note.
  CHECK(seen == 3);
  CHECK(store.take_problems().size() == 1);
}

TEST_CASE(
    "rated_sessions: the window's rated sessions oldest first, pressures without rehearsals") {
  TempDb db;
  platform::HistoryStore store(db.file, [] { return std::string("dev"); });
  long long late = add(store, at(20, 21), SessionOrigin::live, {{10, 6, "thoracic"}});
  // Logged afterwards for an earlier evening: a larger id, an earlier start.
  long long early = add(store, at(18, 21), SessionOrigin::by_hand);
  long long before_window = add(store, at(1, 21), SessionOrigin::live, {{10, 9, "lats"}});
  long long rehearsal = add(store, at(21, 21), SessionOrigin::rehearsal, {{10, 8, "glutes"}});
  add(store, at(22, 21), SessionOrigin::live);  // not rated
  {
    platform::sqlite::Database raw(db.file, platform::sqlite::Database::Mode::read_write);
    auto set = [&](long long id, const char* sql) {
      raw.prepare(sql).bind(1, static_cast<std::int64_t>(id)).run();
    };
    set(late, "UPDATE sessions SET rating_before = 3, rating_after = 7 WHERE id = ?");
    set(early, "UPDATE sessions SET rating_after = 5 WHERE id = ?");
    set(before_window, "UPDATE sessions SET rating_before = 1 WHERE id = ?");
    set(rehearsal, "UPDATE sessions SET rating_before = 2 WHERE id = ?");
  }
  auto rated = store.rated_sessions(at(10, 0));
  REQUIRE(rated.size() == 2);
  CHECK(rated[0].started_at == at(18, 21));
  CHECK_FALSE(rated[0].rating_before.has_value());
  CHECK(rated[0].rating_after == 5);
  CHECK(rated[1].started_at == at(20, 21));
  CHECK(rated[1].rating_before == 3);
  CHECK(rated[1].rating_after == 7);
  CHECK(store.rated_sessions(at(25, 0)).empty());
  auto pressures = store.pressures_since(at(10, 0));
  REQUIRE(pressures.size() == 1);
  CHECK(pressures[0].zone == "thoracic");
  CHECK(pressures[0].value == 6);
}

namespace {

struct Zone_ {
  explicit Zone_(const char* tz) {
    const char* old = std::getenv("TZ");
    saved = old ? std::optional<std::string>(old) : std::nullopt;
    ::setenv("TZ", tz, 1);
    ::tzset();
  }
  ~Zone_() {
    if (saved) {
      ::setenv("TZ", saved->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  std::optional<std::string> saved;
};

}  // namespace

TEST_CASE("due and stats agree on a session's day across DST, at every day_start hour") {
  ROLL_SKIP_UNLESS(std::filesystem::exists("/usr/share/zoneinfo/America/New_York"),
                   "no tzdata (/usr/share/zoneinfo/America/New_York)");
  struct Case {
    const char* tz;
    SysSeconds transitions[2];
  };
  // 2026's changes: New York 8 Mar 07:00Z and 1 Nov 06:00Z; Berlin 29 Mar and 25 Oct 01:00Z;
  // Lord Howe (a 30-minute shift) 4 Apr 15:00Z and 3 Oct 15:30Z.
  const Case cases[] = {
      {"America/New_York", {utc(2026, 3, 8, 7), utc(2026, 11, 1, 6)}},
      {"Europe/Berlin", {utc(2026, 3, 29, 1), utc(2026, 10, 25, 1)}},
      {"Australia/Lord_Howe", {utc(2026, 4, 4, 15), utc(2026, 10, 3, 15, 30)}},
  };
  TempDb db("roll-rec");
  HistoryStore store(db.file, fixed_device());
  for (const auto& c : cases) {
    Zone_ zone(c.tz);
    for (SysSeconds transition : c.transitions) {
      // Sessions every 30 minutes from 26 h before the change to 26 h after, each alone in the
      // history, checked at its own minute and at the end of its roll day.
      for (int half = -52; half <= 52; ++half) {
        SysSeconds start = transition + minutes{30 * half};
        store.begin_session(done("bedtime", start));
        for (int hour = 0; hour <= 12; ++hour) {  // every day_start a profile can say
          SysSeconds now = start + minutes{10};
          auto due = due_today(store, platform::process_time_zone(), now, hour);
          Stats st = gather_stats(store, platform::process_time_zone(), now, hour, 1);
          LocalDays today = roll_day(to_local(now), hour);
          int completed_today = 0;
          for (const auto& d : st.days)
            if (d.day == today) completed_today = d.completed;
          CAPTURE(c.tz);
          CAPTURE(format_utc(start));
          CAPTURE(hour);
          CHECK(due.done);
          CHECK(completed_today == 1);
          CHECK(st.streaks.current == 1);
        }
        REQUIRE(store.delete_session(store.sessions({}).at(0).uid, start));
      }
    }
  }
}

TEST_CASE("an injury's clearing time is its own clearing's, not that of another device's copy") {
  TempDb db("roll-cleared-at");
  std::string uid;
  {
    HistoryStore store(db.file, fixed_device());
    Injury injury;
    injury.zone = Zone::thoracic;
    injury.at = t0();
    auto id = store.add_injury(injury);
    uid = one(db.file, "SELECT uid FROM injuries");
    // Another device's injury of the same uid, cleared there an hour in: a record of its own.
    auto copy = sync::Record::make(sync::Kind::injury, uid, "x");
    copy.set("zone", std::string("thoracic"))
        .set("at", std::int64_t{t0().time_since_epoch().count()})
        .set("note", std::string())
        .set("cleared", false);
    auto clearing = sync::Record::make(sync::Kind::injury_clearing,
                                       "01890a5d-ac96-7000-8000-000000000201", "x");
    clearing.set("injury", uid)
        .set("at", std::int64_t{(t0() + hours{1}).time_since_epoch().count()})
        .set("injury_device", std::string("x"));
    std::vector<IncomingRecord> batch{{copy, "x:1"}, {clearing, "x:2"}};
    ProblemLog problems;
    store.merge(batch, {MergeMode::sync, t0() + hours{30}, kDevice, {}, false}, problems);
    CHECK(problems.lines().empty());
    // This device's injury, cleared here a day in.
    REQUIRE(store.clear_injury(id, t0() + hours{24}) == ClearResult::cleared);
    bool found = false;
    for (const auto& i : store.injuries(true)) {
      if (i.id != id) continue;
      found = true;
      REQUIRE(i.cleared_at);
      CHECK(*i.cleared_at == t0() + hours{24});
    }
    CHECK(found);
  }
}

TEST_CASE(
    "a zone's roller time is its own device's: a copy under another device sets or clears none") {
  TempDb db("roll-roller-claim");
  HistoryStore store(db.file, fixed_device());
  // This device's sessions: one with its time on the roller recorded, one without it.
  SessionProgress rolled = done("bedtime", t0());
  rolled.roller_seconds["thoracic"] = 180;
  store.begin_session(rolled);
  store.begin_session(done("bedtime", t0() + hours{24}));
  std::vector<sync::Record> honest;
  store.visit_records(std::nullopt, [&](const sync::Record& r) {
    if (r.kind == sync::Kind::session || r.kind == sync::Kind::session_zone) honest.push_back(r);
  });
  REQUIRE(honest.size() == 4);
  // Each copied under the copier's own id: the recorded zone without its roller time and with
  // more seconds (the same zone's later version, were it the same record), the other with one.
  std::string recorded, unrecorded;
  std::vector<IncomingRecord> copies;
  for (auto r : honest) {
    if (r.kind == sync::Kind::session_zone) {
      if (r.optional_integer("roller_seconds")) {
        recorded = r.text("session");
        r.set("roller_seconds", sync::Value{}).set("seconds", std::int64_t{400});
      } else {
        unrecorded = r.text("session");
        r.set("roller_seconds", std::int64_t{250});
      }
    }
    r.device = "x";
    copies.push_back({r, fmt::format("x:{}", copies.size() + 1)});
  }
  REQUIRE_FALSE(recorded.empty());
  REQUIRE_FALSE(unrecorded.empty());

  auto check = [&](HistoryStore& s, const std::string& own) {
    auto a = s.session_by_uid(recorded, own);
    REQUIRE(a);
    CHECK(a->zone_seconds.at("thoracic") == 300);
    CHECK(a->roller_seconds.at("thoracic") == 180);
    auto b = s.session_by_uid(unrecorded, own);
    REQUIRE(b);
    CHECK(b->roller_seconds.empty());
    // The copies stand beside them, as their own records.
    auto a_copy = s.session_by_uid(recorded, "x");
    REQUIRE(a_copy);
    CHECK(a_copy->zone_seconds.at("thoracic") == 400);
    CHECK(a_copy->roller_seconds.empty());
    auto b_copy = s.session_by_uid(unrecorded, "x");
    REQUIRE(b_copy);
    CHECK(b_copy->roller_seconds.at("thoracic") == 250);
  };

  SUBCASE("the copies read after the honest zones") {
    ProblemLog problems;
    auto counts =
        store.merge(copies, {MergeMode::sync, t0() + hours{30}, kDevice, {}, false}, problems);
    CHECK(problems.lines().empty());
    CHECK(counts.added == 4);
    check(store, kDevice);
  }
  // merge() puts sessions before their zones, and keeps the order within a kind.
  SUBCASE("the copies read before the honest zones, on a third device") {
    TempDb other("roll-roller-claim-other");
    HistoryStore third(other.file,
                       [] { return std::string("01890a5d-ac96-774b-bcce-b302099a8059"); });
    std::vector<IncomingRecord> batch = copies;
    for (const auto& r : honest) batch.push_back({r, fmt::format("h:{}", batch.size() + 1)});
    ProblemLog problems;
    auto counts = third.merge(
        batch,
        {MergeMode::sync, t0() + hours{30}, "01890a5d-ac96-774b-bcce-b302099a8059", {}, false},
        problems);
    CHECK(problems.lines().empty());
    CHECK(counts.added == 8);
    check(third, kDevice);
  }
}
