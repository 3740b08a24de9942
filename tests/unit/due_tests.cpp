// Whether today's session is done (src/core/due.cpp), against the in-memory history: the day a
// session belongs to with day_start, what counts as done, today's pain stop.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "memory_history.hpp"
#include "roll/due.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::FixedOffsetZone;
using roll::test::MemoryHistory;
using roll::test::utc;

namespace {

SessionRecord session(SysSeconds start, int minutes_long,
                      SessionStatus status = SessionStatus::completed,
                      seconds utc_offset = seconds{0}) {
  SessionRecord r;
  r.routine_name = "beginner";
  r.started_at = start;
  r.ended_at = start + minutes{minutes_long};
  r.planned_seconds = r.completed_seconds = minutes_long * 60;
  r.status = status;
  r.utc_offset = utc_offset;
  return r;
}

const FixedOffsetZone kUtc;

}  // namespace

TEST_CASE("due: a session across midnight belongs to the roll day it started in") {
  MemoryHistory history;
  // 23:50 to 00:20: with the day starting at midnight it is the 23rd's session.
  history.add(session(utc("2026-11-23T23:50:00Z"), 30));
  CHECK(due_today(history, kUtc, utc("2026-11-23T23:59:00Z"), 0).done);
  CHECK_FALSE(due_today(history, kUtc, utc("2026-11-24T00:30:00Z"), 0).done);
  CHECK(completed_on_roll_day(history, kUtc, utc("2026-11-24T00:30:00Z"), 0) == 0);
}

TEST_CASE("due: with day_start 4, a session at 01:30 keeps the evening before done until 04:00") {
  MemoryHistory history;
  history.add(session(utc("2026-11-24T01:30:00Z"), 10));
  CHECK(due_today(history, kUtc, utc("2026-11-23T20:00:00Z"), 4).done);
  CHECK(due_today(history, kUtc, utc("2026-11-24T03:59:00Z"), 4).done);
  CHECK_FALSE(due_today(history, kUtc, utc("2026-11-24T04:00:00Z"), 4).done);
  // With the day starting at midnight the same session is the 24th's.
  CHECK_FALSE(due_today(history, kUtc, utc("2026-11-23T20:00:00Z"), 0).done);
  CHECK(due_today(history, kUtc, utc("2026-11-24T20:00:00Z"), 0).done);
}

TEST_CASE("due: a session's day is read through the offset it started at, not today's zone") {
  MemoryHistory history;
  // 22:00 UTC on the 23rd was 08:00 on the 24th where it was rolled (+10:00).
  history.add(session(utc("2026-11-23T22:00:00Z"), 10, SessionStatus::completed, hours{10}));
  CHECK(due_today(history, kUtc, utc("2026-11-24T12:00:00Z"), 0).done);
  CHECK_FALSE(due_today(history, kUtc, utc("2026-11-23T23:00:00Z"), 0).done);
}

TEST_CASE("due: a skipped-through, quit or rehearsed session does not count as done") {
  MemoryHistory history;
  SysSeconds now = utc("2026-11-23T21:00:00Z");
  history.add(session(utc("2026-11-23T08:00:00Z"), 10, SessionStatus::partial));
  history.add(session(utc("2026-11-23T09:00:00Z"), 10, SessionStatus::quit));
  auto rehearsal = session(utc("2026-11-23T10:00:00Z"), 10);
  rehearsal.origin = SessionOrigin::rehearsal;
  history.add(rehearsal);
  CHECK_FALSE(due_today(history, kUtc, now, 4).done);
  CHECK(completed_on_roll_day(history, kUtc, now, 4) == 0);
  auto by_hand = session(utc("2026-11-23T11:00:00Z"), 10);
  by_hand.origin = SessionOrigin::by_hand;
  history.add(by_hand);
  history.add(session(utc("2026-11-23T12:00:00Z"), 10));
  CHECK(due_today(history, kUtc, now, 4).done);
  CHECK(completed_on_roll_day(history, kUtc, now, 4) == 2);
}

TEST_CASE("due: today's pain stop is reported while nothing counts as done") {
  MemoryHistory history;
  SysSeconds now = utc("2026-11-23T21:00:00Z");
  history.add(session(utc("2026-11-23T08:00:00Z"), 3, SessionStatus::pain_stop));
  history.add(PainStop{"p1", "s1", utc("2026-11-23T08:03:00Z"), seconds{0}, "thoracic"});
  // Yesterday's stop is not today's.
  history.add(PainStop{"p0", "s0", utc("2026-11-22T08:03:00Z"), seconds{0}, "lats"});
  auto due = due_today(history, kUtc, now, 4);
  CHECK_FALSE(due.done);
  REQUIRE(due.pain_stop);
  CHECK(due.pain_stop->zone == "thoracic");
  CHECK_FALSE(due_today(history, kUtc, utc("2026-11-24T21:00:00Z"), 4).pain_stop);
  history.add(session(utc("2026-11-23T19:00:00Z"), 10));
  due = due_today(history, kUtc, now, 4);
  CHECK(due.done);
  CHECK_FALSE(due.pain_stop);
}

TEST_CASE("due: the reason, in order: done, then today's pain stop, then an injury to the body") {
  MemoryHistory history;
  SysSeconds now = utc("2026-11-23T21:00:00Z");
  CHECK(due_today(history, kUtc, now, 4).reason == DueReason::not_done);
  CHECK(due_today(history, kUtc, now, 4).due());

  Injury body;
  body.zone = Zone::full_body;
  body.at = now - hours{5};
  history.add(body);
  auto due = due_today(history, kUtc, now, 4);
  CHECK(due.reason == DueReason::injury);
  CHECK_FALSE(due.due());
  REQUIRE(due.injury);
  CHECK(due.injury->id == 1);
  // 48 h on, the session asks whether the acute pain has subsided: nothing stops the day.
  CHECK(due_today(history, kUtc, now + hours{44}, 4).reason == DueReason::not_done);

  history.add(session(utc("2026-11-23T08:00:00Z"), 3, SessionStatus::pain_stop));
  history.add(PainStop{"p1", "s1", utc("2026-11-23T08:03:00Z"), seconds{0}, "thoracic"});
  due = due_today(history, kUtc, now, 4);
  CHECK(due.reason == DueReason::pain_stop);
  CHECK_FALSE(due.injury);

  history.add(session(utc("2026-11-23T19:00:00Z"), 10));
  due = due_today(history, kUtc, now, 4);
  CHECK(due.reason == DueReason::done);
  CHECK(due.done);
  CHECK_FALSE(due.pain_stop);
}

TEST_CASE("due: an injury to one zone, a cleared one or one over 48 h old leaves the day due") {
  MemoryHistory history;
  SysSeconds now = utc("2026-11-23T21:00:00Z");
  Injury thoracic;
  thoracic.zone = Zone::thoracic;
  thoracic.at = now - hours{1};
  history.add(thoracic);
  Injury cleared;
  cleared.zone = Zone::full_body;
  cleared.at = now - hours{2};
  cleared.cleared = true;
  history.add(cleared);
  Injury old;
  old.zone = Zone::full_body;
  old.at = now - hours{49};
  history.add(old);
  CHECK(due_today(history, kUtc, now, 4).reason == DueReason::not_done);
}

TEST_CASE("due: of two injuries to the whole body, the one whose 48 h end last") {
  MemoryHistory history;
  SysSeconds now = utc("2026-11-23T21:00:00Z");
  for (int hours_ago : {30, 2, 20}) {
    Injury i;
    i.zone = Zone::full_body;
    i.at = now - hours{hours_ago};
    history.add(i);
  }
  auto due = due_today(history, kUtc, now, 4);
  REQUIRE(due.injury);
  CHECK(due.injury->at == now - hours{2});
}

TEST_CASE("due: the reasons' names") {
  CHECK(to_string(DueReason::not_done) == "not-done");
  CHECK(to_string(DueReason::done) == "done");
  CHECK(to_string(DueReason::pain_stop) == "pain-stop");
  CHECK(to_string(DueReason::injury) == "injury");
  CHECK(to_string(DueReason::held) == "held");
}

TEST_CASE("due: the schema of roll due --json lists exactly the reasons, in the enum's order") {
  // A reason added to DueReason and not to docs/schemas/due.schema.json would be printed and
  // then refused by every reader that validates against the schema.
  std::ifstream in(std::filesystem::path(ROLL_SOURCE_DIR) / "docs" / "schemas" / "due.schema.json");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string schema = text.str();
  auto reason = schema.find("\"reason\": {");
  REQUIRE(reason != std::string::npos);
  auto open = schema.find("\"enum\": [", reason);
  auto close = schema.find(']', open);
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  std::vector<std::string> listed;
  for (auto q = schema.find('"', open + 8); q < close; q = schema.find('"', q + 1)) {
    auto end = schema.find('"', q + 1);
    listed.emplace_back(schema.substr(q + 1, end - q - 1));
    q = end;
  }
  std::vector<std::string> names;
  for (std::string_view name : names_in(kDueReasonNames)) names.emplace_back(name);
  CHECK(listed == names);
}

TEST_CASE("due: which sessions are done today, newest first, whole") {
  MemoryHistory history;
  SysSeconds now = utc("2026-11-23T21:00:00Z");
  auto first = session(utc("2026-11-23T08:00:00Z"), 10);
  first.uid = "a";
  history.add(first);
  auto partial = session(utc("2026-11-23T12:00:00Z"), 10, SessionStatus::partial);
  partial.uid = "b";
  history.add(partial);
  auto last = session(utc("2026-11-23T19:00:00Z"), 10);
  last.uid = "c";
  history.add(last);
  auto yesterday = session(utc("2026-11-22T19:00:00Z"), 10);
  yesterday.uid = "d";
  history.add(yesterday);
  auto done = done_on_roll_day(history, kUtc, now, 4);
  REQUIRE(done.size() == 2);
  CHECK(done[0].uid == "c");
  CHECK(done[0].routine_name == "beginner");
  CHECK(done[1].uid == "a");
}

TEST_CASE("due: when the roll day ends, and whether the clock is before day_start") {
  const FixedOffsetZone berlin{hours{1}};
  // 21:00 UTC is 22:00 in Berlin: the day ends at 04:00 there, 03:00 UTC.
  CHECK(roll_day_end(berlin, utc("2026-11-23T21:00:00Z"), 4) == utc("2026-11-24T03:00:00Z"));
  // 02:00 in Berlin on the 24th is still the 23rd's roll day.
  CHECK(roll_day_end(berlin, utc("2026-11-24T01:00:00Z"), 4) == utc("2026-11-24T03:00:00Z"));
  CHECK(before_day_start(berlin, utc("2026-11-24T01:00:00Z"), 4));
  CHECK_FALSE(before_day_start(berlin, utc("2026-11-23T21:00:00Z"), 4));
  CHECK_FALSE(before_day_start(berlin, utc("2026-11-24T03:00:00Z"), 4));
  // With the day starting at midnight the clock is never before it.
  CHECK_FALSE(before_day_start(kUtc, utc("2026-11-24T00:30:00Z"), 0));
  CHECK(roll_day_end(kUtc, utc("2026-11-24T00:30:00Z"), 0) == utc("2026-11-25T00:00:00Z"));
}
