// Following a prescription (src/core/prescription_schedule.cpp) and adherence to it
// (adherence.cpp) over the simulated month of tests/support/prescribed_month.hpp, on fixed dates:
// due on the right days with the right counts, the figures per week and in all, the excused
// days, the end and its words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "calendar.hpp"
#include "memory_history.hpp"
#include "prescribed_month.hpp"
#include "roll/adherence.hpp"
#include "roll/prescription.hpp"
#include "roll/prescription_schedule.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::MemoryHistory;
using roll::test::on;
namespace month = roll::test::month;

namespace {

Prescription example() {
  return month::example_prescription(ROLL_SOURCE_DIR);
}

const std::vector<std::string> kNames{"mid-back-extension", "bedtime"};

MemoryHistory history_of(const month::Month& m) {
  MemoryHistory h;
  for (const auto& r : m.sessions) h.add(r);
  for (const auto& p : m.pain_stops) h.add(p);
  return h;
}

LocalDays nov(unsigned d) {
  return on(2026, 11, d);
}

// The done counts as of `today`, read from the history as the commands will read them.
DoneByDay done_until(const Prescription& p, LocalDays today) {
  auto m = month::make();
  auto h = history_of(m);
  return read_done_by_day(h, p, kNames, today, month::kDayStart);
}

ExcusedDays pain_stop_days() {
  ExcusedDays out;
  excuse_pain_stops(out, month::make().pain_stops, month::kDayStart);
  return out;
}

}  // namespace

TEST_CASE("prescription schedule: which sessions count, day by day") {
  auto p = example();
  auto done = done_until(p, nov(25));
  CHECK(done.at(nov(2)) == 2);
  CHECK(done.at(nov(4)) == 1);          // no evening session
  CHECK(done.at(nov(10)) == 1);         // the evening ended in a pain stop: not completed
  CHECK(done.at(nov(12)) == 1);         // the morning was partial
  CHECK(done.at(nov(15)) == 1);         // Sunday: not prescribed, but done
  CHECK(done.at(nov(18)) == 3);         // not capped here
  CHECK_FALSE(done.contains(nov(20)));  // a rehearsal never counts
  CHECK(done.at(nov(21)) == 1);         // `lats` is not prescribed; 01:30 Sunday is Saturday's
  CHECK_FALSE(done.contains(nov(22)));
  CHECK(done.at(nov(25)) == 1);
  // Nothing before the first day or after today, whatever the history holds.
  auto early = done_until(p, nov(10));
  CHECK(early.rbegin()->first == nov(10));
  Prescription later = p;
  later.from = nov(16);
  CHECK(done_until(later, nov(25)).begin()->first == nov(16));
}

TEST_CASE("prescription schedule: due twice a day until the second, and the routine in turn") {
  auto p = example();
  auto excused = pain_stop_days();
  // Wednesday 25 at noon: the morning's session done, the evening's to go.
  auto noon = prescription_day(p, kNames, done_until(p, nov(25)), excused, nov(25));
  CHECK(noon.phase == PrescriptionPhase::running);
  CHECK(noon.prescribed);
  CHECK(noon.prescribed_sessions == 2);
  CHECK(noon.done == 1);
  CHECK(noon.remaining == 1);
  CHECK(noon.due);
  CHECK(noon.routine == "bedtime");
  CHECK(noon.next == nov(26));
  // Monday 23 before anything: both to do, the first routine first.
  DoneByDay none;
  auto morning = prescription_day(p, kNames, none, excused, nov(23));
  CHECK(morning.remaining == 2);
  CHECK(morning.routine == "mid-back-extension");
  // After the second: done for the day.
  auto evening = prescription_day(p, kNames, done_until(p, nov(24)), excused, nov(24));
  CHECK(evening.done == 2);
  CHECK(evening.remaining == 0);
  CHECK_FALSE(evening.due);
  // A third session does not make the day due again or negative.
  auto third = prescription_day(p, kNames, done_until(p, nov(18)), excused, nov(18));
  CHECK(third.remaining == 0);
  CHECK_FALSE(third.due);
  // Sunday is not prescribed: not due; the next day is Monday.
  auto sunday = prescription_day(p, kNames, none, excused, nov(22));
  CHECK_FALSE(sunday.prescribed);
  CHECK_FALSE(sunday.due);
  CHECK(sunday.next == nov(23));
  // The last day, a Sunday: nothing next.
  CHECK_FALSE(prescription_day(p, kNames, none, excused, nov(29)).next);
  CHECK(prescription_day(p, kNames, none, excused, nov(28)).due);
}

TEST_CASE("prescription schedule: safety's days are not due, and say why") {
  auto p = example();
  auto excused = pain_stop_days();
  CHECK(excused.size() == 1);
  CHECK(excused.at(nov(10)) == Excuse::pain_stop);
  // Tuesday 10, after the pain stop: one done, the other not due.
  auto stopped = prescription_day(p, kNames, done_until(p, nov(10)), excused, nov(10));
  CHECK(stopped.prescribed);
  CHECK(stopped.excused == Excuse::pain_stop);
  CHECK(stopped.remaining == 0);
  CHECK_FALSE(stopped.due);
  // A stronger reason wins; a weaker one does not replace it.
  excuse(excused, nov(10), Excuse::paused_routine);
  CHECK(excused.at(nov(10)) == Excuse::pain_stop);
  excuse(excused, nov(10), Excuse::condition);
  CHECK(excused.at(nov(10)) == Excuse::condition);
  // An injury guarding the routine's zones makes a fresh day not due at all.
  excuse(excused, nov(26), Excuse::injury);
  DoneByDay none;
  auto injured = prescription_day(p, kNames, none, excused, nov(26));
  CHECK_FALSE(injured.due);
  CHECK(injured.excused == Excuse::injury);
  CHECK(excuse_words(Excuse::injury) == "an injury");
  CHECK(excuse_name(Excuse::paused_routine) == "paused-routine");
  // The pain stop's roll day is read with its own offset and the day's start: 02:00 is the
  // evening before.
  ExcusedDays late;
  excuse_pain_stops(late, {PainStop{"u", "s", month::local(14, 2), month::kOffset, ""}}, 4);
  CHECK(late.contains(nov(13)));
}

TEST_CASE("prescription schedule: before the start and after the end") {
  auto p = example();
  DoneByDay none;
  ExcusedDays no_excuse;
  auto before = prescription_day(p, kNames, none, no_excuse, nov(1));
  CHECK(before.phase == PrescriptionPhase::not_started);
  CHECK_FALSE(before.due);
  CHECK(before.next == nov(2));
  auto after = prescription_day(p, kNames, none, no_excuse, nov(30));
  CHECK(after.phase == PrescriptionPhase::ended);
  CHECK_FALSE(after.due);
  CHECK_FALSE(after.next);

  CHECK(prescription_end_words(p, nov(1)) ==
        "your prescription from Dr. Ana Moreno starts on Mon 2 Nov");
  CHECK(prescription_end_words(p, nov(25)) ==
        "your prescription from Dr. Ana Moreno runs until Sun 29 Nov");
  CHECK(prescription_end_words(p, nov(29)) == "your prescription from Dr. Ana Moreno ends today");
  CHECK(prescription_end_words(p, nov(30)) ==
        "your prescription from Dr. Ana Moreno ended on 29 Nov: ask whether to go on");
  // Into the next year, the year is said; without a clinician, whose it is goes unsaid.
  p.clinician.clear();
  CHECK(prescription_end_words(p, on(2027, 1, 12)) ==
        "your prescription ended on 29 Nov 2026: ask whether to go on");
  CHECK(day_words(on(2027, 1, 12), on(2027, 1, 1)) == "12 Jan");
  CHECK(day_words(on(2027, 1, 12), on(2026, 12, 30), true) == "Tue 12 Jan 2027");
}

TEST_CASE("adherence: the prescribed month, week by week and in all") {
  auto p = example();
  auto a = adherence(p, done_until(p, nov(25)), pain_stop_days(), nov(25));
  REQUIRE(a.weeks.size() == 4);
  CHECK(a.weeks[0].week_start == nov(2));
  CHECK(a.weeks[3].week_start == nov(23));
  // Week 1: six days of two; Wednesday's evening missed.
  CHECK(a.weeks[0].count.prescribed == 12);
  CHECK(a.weeks[0].count.done == 11);
  CHECK(a.weeks[0].count.missed == 1);
  CHECK(a.weeks[0].count.excused == 0);
  CHECK(a.weeks[0].count.percent() == 91);  // 11 of 12, rounded down
  // Week 2: Tuesday's pain stop excused, Thursday's partial missed, Sunday's session extra.
  CHECK(a.weeks[1].count.prescribed == 12);
  CHECK(a.weeks[1].count.done == 10);
  CHECK(a.weeks[1].count.excused == 1);
  CHECK(a.weeks[1].count.excused_days == 1);
  CHECK(a.weeks[1].count.missed == 1);
  CHECK(a.weeks[1].count.extra == 1);
  CHECK(a.weeks[1].count.expected() == 11);
  CHECK(a.weeks[1].count.percent() == 90);  // 10 of 11
  // Week 3: Wednesday's third session extra, Friday's rehearsal and Saturday's `lats` missed.
  CHECK(a.weeks[2].count.prescribed == 12);
  CHECK(a.weeks[2].count.done == 9);
  CHECK(a.weeks[2].count.missed == 3);
  CHECK(a.weeks[2].count.extra == 1);
  CHECK(a.weeks[2].count.percent() == 75);
  // Week 4 so far: Monday to Wednesday noon; Wednesday's evening is pending, not missed.
  CHECK(a.weeks[3].count.prescribed == 6);
  CHECK(a.weeks[3].count.done == 5);
  CHECK(a.weeks[3].count.pending == 1);
  CHECK(a.weeks[3].count.missed == 0);
  CHECK(a.weeks[3].count.percent() == 100);
  // In all: 42 prescribed = 35 done + 1 excused + 5 missed + 1 pending; 35 of 40.
  CHECK(a.total.prescribed == 42);
  CHECK(a.total.done == 35);
  CHECK(a.total.excused == 1);
  CHECK(a.total.missed == 5);
  CHECK(a.total.pending == 1);
  CHECK(a.total.extra == 2);
  CHECK(a.total.expected() == 40);
  CHECK(a.total.percent() == 87);
  // After two weeks, as docs/prescriptions.md tells it.
  auto two = adherence(p, done_until(p, nov(15)), pain_stop_days(), nov(15));
  CHECK(two.total.prescribed == 24);
  CHECK(two.total.done == 21);
  CHECK(two.total.excused == 1);
  CHECK(two.total.missed == 2);
  CHECK(two.total.extra == 1);
  CHECK(two.total.percent() == 91);
}

TEST_CASE("adherence: an excused day is never missed, and the end stops the count") {
  auto p = example();
  // Without the pain stop's excuse, Tuesday 10's evening would be missed.
  auto unexcused = adherence(p, done_until(p, nov(25)), {}, nov(25));
  CHECK(unexcused.total.missed == 6);
  CHECK(unexcused.total.excused == 0);
  // A whole day excused (an injury), nothing done: both excused.
  ExcusedDays injury;
  excuse(injury, nov(20), Excuse::injury);
  auto a = adherence(p, done_until(p, nov(25)), injury, nov(25));
  CHECK(a.weeks[2].count.excused == 2);
  CHECK(a.weeks[2].count.missed == 1);
  // An excused day not prescribed changes nothing.
  ExcusedDays sunday;
  excuse(sunday, nov(22), Excuse::condition);
  CHECK(adherence(p, done_until(p, nov(25)), sunday, nov(25)).total.excused_days == 0);
  // Long after the end: the four weeks only, nothing pending.
  auto done = done_until(p, nov(25));
  auto ended = adherence(p, done, pain_stop_days(), on(2027, 1, 12));
  CHECK(ended.weeks.size() == 4);
  CHECK(ended.total.prescribed == 48);
  CHECK(ended.total.pending == 0);
  // The days after 25 with nothing recorded are missed: 1 + 2 x 3 (Thu-Sat) = 7 more.
  CHECK(ended.total.missed == 5 + 7);
  // Before the start: nothing yet, no percentage.
  auto early = adherence(p, {}, {}, nov(1));
  CHECK(early.weeks.empty());
  CHECK_FALSE(early.total.percent());
  // The first morning, before any session: pending only.
  auto first = adherence(p, {}, {}, nov(2));
  CHECK(first.total.pending == 2);
  CHECK_FALSE(first.total.percent());
}
