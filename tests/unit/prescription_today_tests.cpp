// The active prescription on the day asked about (src/core/prescription_today.cpp): safety's
// excuses gathered for today and for the past days, from what the history and the profile keep:
// a paused routine, an injury in the middle of a prescribed month (to its clearing), a condition
// held since the screening was answered. On the example prescription (Monday to Saturday, twice a
// day, 2 to 29 November), Berlin time (+01:00), a fixed "now".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bundled_routines.hpp"
#include "calendar.hpp"
#include "memory_history.hpp"
#include "prescribed_month.hpp"
#include "roll/prescription_today.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::MemoryHistory;
using roll::test::on;
namespace month = roll::test::month;

namespace {

Prescription example() {
  return month::example_prescription(ROLL_SOURCE_DIR);
}

LocalDays nov(unsigned d) {
  return on(2026, 11, d);
}

// Both sessions of a day, completed, with pain before and after.
void both(MemoryHistory& h, unsigned day, int before = 4, int after = 3) {
  auto a = month::session("m" + std::to_string(day), "mid-back-extension", month::local(day, 8));
  auto b = month::session("e" + std::to_string(day), "bedtime", month::local(day, 21, 30));
  for (auto* s : {&a, &b}) {
    s->pain_before = before;
    s->pain_after = after;
    h.add(*s);
  }
}

struct Follow {
  Prescription p = example();
  Profile profile;
  DueToday due;
  std::vector<Injury> open;
  std::vector<Injury> all;
  std::vector<std::string> paused;
  std::vector<Routine> routines = roll::test::bundled_routines();
  PrescriptionToday at(MemoryHistory& h, unsigned day, int hour = 12) {
    profile.day_start_hour = month::kDayStart;
    PrescriptionInput in;
    in.prescription = &p;
    in.profile = &profile;
    in.due = &due;
    in.routines = &routines;
    in.open_injuries = &open;
    in.all_injuries = &all;
    in.paused_routines = &paused;
    in.now = month::local(day, hour);
    in.local_now = LocalSeconds{(in.now + month::kOffset).time_since_epoch()};
    return follow_prescription(h, in);
  }
};

}  // namespace

TEST_CASE("prescription today: a paused routine makes the day excused, today and before") {
  MemoryHistory h;
  both(h, 2);
  // Two flagged sessions in a row of the morning's routine (pain up 2): paused.
  auto flagged = [&](unsigned day) {
    auto s = month::session("f" + std::to_string(day), "mid-back-extension", month::local(day, 8));
    s.pain_before = 3;
    s.pain_after = 5;
    h.add(s);
  };
  flagged(3);
  flagged(4);
  Follow f;
  f.paused = {"mid-back-extension"};
  auto today = f.at(h, 5);
  REQUIRE(today.running());
  CHECK(today.day.excused == Excuse::paused_routine);
  CHECK_FALSE(today.day.due);
  CHECK(prescribed_due_reason(today, f.due) == DueReason::excused);
  // Without the pause the day would be due.
  Follow unpaused;
  CHECK(unpaused.at(h, 5).day.due);
  // The next day, the 5th is past: excused by the pause the sessions before it set, not missed.
  auto next = f.at(h, 6);
  CHECK(next.excused.at(nov(5)) == Excuse::paused_routine);
  CHECK(next.adherence.total.missed == 2);   // the evenings of the 3rd and the 4th
  CHECK(next.adherence.total.excused == 4);  // the 5th, and today (the 6th), still paused
  // The 3rd and 4th were not paused yet when they began.
  CHECK_FALSE(next.excused.contains(nov(3)));
  CHECK_FALSE(next.excused.contains(nov(4)));
}

TEST_CASE(
    "prescription today: an injury in the middle of the month excuses its days, to its "
    "clearing") {
  MemoryHistory h;
  Follow f;
  Injury thoracic;
  thoracic.id = 1;
  thoracic.zone = Zone::thoracic;
  thoracic.at = month::local(10, 22, 50);
  thoracic.cleared = true;
  thoracic.cleared_at = month::local(13, 7);
  f.all = {thoracic};
  for (unsigned d = 2; d <= 27; ++d) {
    if (d == 11 || d == 12 || d % 7 == 1) continue;
    both(h, d);
  }
  auto month_end = f.at(h, 28, 8);  // the 28th's morning: nothing done yet today
  const auto& t = month_end.adherence.total;
  // 24 prescribed days, 48 sessions: the 11th and 12th excused (4), the 28th pending (2).
  CHECK(t.prescribed == 48);
  CHECK(t.excused == 4);
  CHECK(t.pending == 2);
  CHECK(t.missed == 0);
  CHECK(t.done == 42);
  CHECK(t.percent() == 100);
  CHECK(month_end.excused.at(nov(11)) == Excuse::injury);
  CHECK(month_end.excused.at(nov(12)) == Excuse::injury);
  // The 10th (injured at 22:50) and the 13th (cleared at 07:00) were open part of the day: excused
  // too, with both sessions done, so nothing is excused of them.
  CHECK(month_end.excused.contains(nov(10)));
  CHECK(month_end.excused.contains(nov(13)));
  CHECK_FALSE(month_end.excused.contains(nov(9)));
  CHECK_FALSE(month_end.excused.contains(nov(14)));
  // An injury cleared with no clearing time guards its first 48 h.
  Follow unknown = f;
  unknown.all[0].cleared_at.reset();
  auto guessed = unknown.at(h, 28, 8);
  CHECK(guessed.excused.contains(nov(12)));
  CHECK_FALSE(guessed.excused.contains(nov(13)));
  // Only an injury still open on a day counts: cleared before the month began, none.
  Follow old = f;
  old.all[0].at = month::local(1, 8) - days{10};
  old.all[0].cleared_at = month::local(1, 8);
  CHECK(old.at(h, 28, 8).adherence.total.missed == 4);
}

TEST_CASE("prescription today: a condition held excuses the days from the screening's answer") {
  MemoryHistory h;
  for (unsigned d = 2; d <= 14; ++d)
    if (d % 7 != 1) both(h, d);
  Follow f;
  f.profile.conditions = {{Condition::osteoporosis, false}};
  f.profile.conditions_asked = nov(16);
  auto t = f.at(h, 19);
  // Today held; the 16th to the 18th excused from the answer on the 16th; nothing before.
  CHECK(t.day.excused == Excuse::condition);
  CHECK(t.excused.at(nov(16)) == Excuse::condition);
  CHECK(t.excused.at(nov(18)) == Excuse::condition);
  CHECK_FALSE(t.excused.contains(nov(14)));
  CHECK(t.adherence.total.missed == 0);
  // Without the day it was answered, the past cannot be known: not excused.
  f.profile.conditions_asked.reset();
  CHECK(f.at(h, 19).adherence.total.missed == 6);  // the 16th, 17th and 18th
  // A condition cleared is no excuse.
  f.profile.conditions = {{Condition::osteoporosis, true}};
  f.profile.conditions_asked = nov(16);
  CHECK(f.at(h, 19).adherence.total.missed == 6);
}
