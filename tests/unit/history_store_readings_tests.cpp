// The store's reads for the charts of `roll stats`: the rated sessions of a window, oldest first
// whatever order they were written in, and the pressure readings, rehearsals left out.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/sqlite.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::TempDb;

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
