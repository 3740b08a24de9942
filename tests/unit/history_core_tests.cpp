// Streaks, stats, the injury windows, the profile and the reminder texts: pure logic, fixed times.
#include <doctest/doctest.h>

#include "roll/history.hpp"
#include "roll/injury.hpp"
#include "roll/profile.hpp"
#include "roll/reminder.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono;

using roll::test::routine_pressing;

namespace {

LocalSeconds at(int y, unsigned m, unsigned d, int h, int min = 0) {
  return LocalSeconds{local_days{year{y} / month{m} / day{d}}.time_since_epoch()} + hours{h} +
         minutes{min};
}

LocalDays on(int y, unsigned m, unsigned d) {
  return local_days{year{y} / month{m} / day{d}};
}

SysSeconds utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return SysSeconds{at(y, m, d, h, min).time_since_epoch()};
}

}  // namespace

TEST_CASE("a session after midnight counts for the evening before, until the day-start hour") {
  CHECK(roll_day(at(2026, 11, 24, 1, 30), 4) == on(2026, 11, 23));
  CHECK(roll_day(at(2026, 11, 24, 3, 59), 4) == on(2026, 11, 23));
  CHECK(roll_day(at(2026, 11, 24, 4, 0), 4) == on(2026, 11, 24));
  CHECK(roll_day(at(2026, 11, 24, 1, 30), 0) == on(2026, 11, 24));
  auto w = roll_day_window(at(2026, 11, 24, 2, 0), 4);
  CHECK(w.begin == at(2026, 11, 23, 4));
  CHECK(w.end == at(2026, 11, 24, 4));
}

TEST_CASE("streaks") {
  std::set<LocalDays> rest;
  SUBCASE("consecutive days, today done") {
    std::vector<LocalDays> done{on(2026, 11, 21), on(2026, 11, 22), on(2026, 11, 23)};
    auto s = compute_streaks(done, rest, on(2026, 11, 23));
    CHECK(s.current == 3);
    CHECK(s.longest == 3);
  }
  SUBCASE("today not done yet does not break the streak; yesterday missed does") {
    std::vector<LocalDays> done{on(2026, 11, 21), on(2026, 11, 22)};
    CHECK(compute_streaks(done, rest, on(2026, 11, 23)).current == 2);
    CHECK(compute_streaks(done, rest, on(2026, 11, 24)).current == 0);
    CHECK(compute_streaks(done, rest, on(2026, 11, 24)).longest == 2);
  }
  SUBCASE("a gap breaks, the longest run is kept") {
    std::vector<LocalDays> done{on(2026, 11, 1), on(2026, 11, 2),  on(2026, 11, 3),
                                on(2026, 11, 4), on(2026, 11, 10), on(2026, 11, 11)};
    auto s = compute_streaks(done, rest, on(2026, 11, 11));
    CHECK(s.current == 2);
    CHECK(s.longest == 4);
  }
  SUBCASE("injury rest days bridge a gap without counting") {
    std::vector<LocalDays> done{on(2026, 11, 1), on(2026, 11, 2), on(2026, 11, 6)};
    rest = {on(2026, 11, 3), on(2026, 11, 4), on(2026, 11, 5)};
    auto s = compute_streaks(done, rest, on(2026, 11, 6));
    CHECK(s.current == 3);
    CHECK(s.longest == 3);
    // Only part of the gap covered: broken.
    rest.erase(on(2026, 11, 5));
    CHECK(compute_streaks(done, rest, on(2026, 11, 6)).current == 1);
  }
  SUBCASE("resting now keeps the streak alive") {
    std::vector<LocalDays> done{on(2026, 11, 1), on(2026, 11, 2)};
    rest = {on(2026, 11, 3), on(2026, 11, 4)};
    CHECK(compute_streaks(done, rest, on(2026, 11, 4)).current == 2);
    CHECK(compute_streaks(done, rest, on(2026, 11, 5)).current == 2);  // the 5th is still open
    CHECK(compute_streaks(done, rest, on(2026, 11, 6)).current == 0);
  }
  SUBCASE("nothing") {
    auto s = compute_streaks({}, rest, on(2026, 11, 6));
    CHECK(s.current == 0);
    CHECK(s.longest == 0);
  }
}

TEST_CASE("injury rest days cover every roll day the 72 h touch") {
  std::set<LocalDays> rest;
  add_rest_days(rest, at(2026, 11, 23, 2, 0), at(2026, 11, 23, 2, 0) + hours{72}, 4);
  // 02:00 on the 23rd belongs to the 22nd; 72 h later is 02:00 on the 26th, the 25th's roll day.
  CHECK(rest == std::set<LocalDays>{on(2026, 11, 22), on(2026, 11, 23), on(2026, 11, 24),
                                    on(2026, 11, 25)});
}

namespace {

// Sessions for compute_stats, with their local starts beside them as `roll stats` passes them.
struct History {
  std::vector<SessionRecord> sessions;
  std::vector<LocalSeconds> local;
  // Every second of a session is on the thoracic spine.
  void add(LocalSeconds start, SessionStatus status, int secs) {
    SessionRecord r;
    r.started_at = SysSeconds{start.time_since_epoch()};
    r.status = status;
    r.completed_seconds = secs;
    r.zone_seconds["thoracic"] = secs;
    sessions.push_back(r);
    local.push_back(start);
  }
};

}  // namespace

TEST_CASE("stats: streaks across the day-start hour, weekly totals and zone minutes") {
  History h;
  // Mon 16th 22:00, Tue 17th at 01:30 (counts for the 16th: same day), Wed 18th 00:30 (the 17th),
  // Wed 18th 21:00, and a quit on Thu 19th.
  h.add(at(2026, 11, 16, 22), SessionStatus::completed, 300);
  h.add(at(2026, 11, 17, 1, 30), SessionStatus::completed, 300);
  h.add(at(2026, 11, 18, 0, 30), SessionStatus::completed, 600);
  h.add(at(2026, 11, 18, 21), SessionStatus::completed, 300);
  h.add(at(2026, 11, 19, 21), SessionStatus::quit, 60);
  StatsInput in;
  in.sessions = &h.sessions;
  in.now = at(2026, 11, 19, 23);
  in.day_start_hour = 4;
  in.weeks = 2;
  auto st = compute_stats(in, h.local);
  CHECK(st.streaks.current == 3);  // 16, 17, 18; the 19th is open
  CHECK(st.streaks.longest == 3);
  CHECK(st.total_sessions == 5);
  CHECK(st.total_completed == 4);
  REQUIRE(st.weeks.size() == 2);
  CHECK(st.weeks[0].week_start == on(2026, 11, 9));
  CHECK(st.weeks[1].week_start == on(2026, 11, 16));
  CHECK(st.weeks[1].completed == 4);
  CHECK(st.weeks[1].sessions == 5);
  CHECK(st.weeks[1].seconds == 1560);
  CHECK(st.zone_seconds["thoracic"] == 1560);
  REQUIRE(st.days.size() == 14);
  CHECK(st.days[7].completed == 2);  // Monday the 16th
  CHECK(st.days[10].sessions == 1);
  CHECK(st.days[10].completed == 0);

  // With day start at midnight the 01:30 session is Tuesday's and the 00:30 one Wednesday's.
  in.day_start_hour = 0;
  st = compute_stats(in, h.local);
  CHECK(st.days[7].completed == 1);
  CHECK(st.days[8].completed == 1);
  CHECK(st.days[9].completed == 2);
}

TEST_CASE("stats: sessions before the window count from their marks alone") {
  // The same history as above, split where `roll stats` splits it: the two oldest as marks.
  History window;
  window.add(at(2026, 11, 18, 21), SessionStatus::completed, 300);
  window.add(at(2026, 11, 19, 21), SessionStatus::quit, 60);
  std::vector<SessionMark> earlier = {{at(2026, 11, 16, 22), true},
                                      {at(2026, 11, 17, 1, 30), true},
                                      {at(2026, 11, 18, 0, 30), true},
                                      {at(2026, 10, 1, 20), false}};
  StatsInput in;
  in.sessions = &window.sessions;
  in.earlier = &earlier;
  in.now = at(2026, 11, 19, 23);
  in.weeks = 2;
  auto st = compute_stats(in, window.local);
  CHECK(st.streaks.current == 3);  // 16 and 17 from the marks, 18 from the window
  CHECK(st.streaks.longest == 3);
  CHECK(st.total_sessions == 6);
  CHECK(st.total_completed == 4);
  // Marks add nothing to the window's day and week totals: those come from full records.
  CHECK(st.weeks[1].sessions == 2);
  CHECK(st.weeks[1].seconds == 360);
}

TEST_CASE("parse_time and parse_clock") {
  auto t = parse_time("2026-11-23T21:30:00Z");
  REQUIRE(t);
  CHECK(t->local == at(2026, 11, 23, 21, 30));
  CHECK(t->offset == seconds{0});
  t = parse_time("2026-11-23 08:15");
  REQUIRE(t);
  CHECK_FALSE(t->offset);
  t = parse_time("2026-11-23T08:15+01:00");
  REQUIRE(t);
  CHECK(t->offset == seconds{3600});
  CHECK(parse_time("2026-11-23")->local == at(2026, 11, 23, 0));
  CHECK_FALSE(parse_time("2026-02-30"));
  CHECK_FALSE(parse_time("yesterday"));
  CHECK_FALSE(parse_time("2026-11-23T25:00"));
  CHECK(parse_clock("21:30") == 21 * 60 + 30);
  CHECK(parse_clock("9:05") == 9 * 60 + 5);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK_FALSE(parse_clock("21h30"));
  CHECK(format_utc(utc(2026, 11, 23, 21, 30)) == "2026-11-23T21:30:00Z");
  CHECK(format_local(at(2026, 11, 23, 21, 30)) == "2026-11-23 21:30");
}

TEST_CASE("the 48-72 h rule") {
  SysSeconds now = utc(2026, 11, 23, 20);
  std::vector<Injury> injuries{{1, Zone::lumbar, now - hours{10}, "", false}};
  SUBCASE("10 h: refused, on the zone's neighbours too") {
    auto f = check_injuries(routine_pressing(Zone::glutes), injuries, now);
    CHECK(f.guard == Guard::refuse);
    CHECK(hours_ceil(f.remaining) == 38);
    CHECK(f.pressed == Zone::glutes);
  }
  SUBCASE("60 h: ask whether the acute pain has subsided") {
    injuries[0].at = now - hours{60};
    auto f = check_injuries(routine_pressing(Zone::glutes), injuries, now);
    CHECK(f.guard == Guard::ask);
    CHECK(hours_ceil(f.remaining) == 12);
  }
  SUBCASE("80 h: still open, asked, and a yes clears it (it never lapses by itself)") {
    injuries[0].at = now - hours{80};
    CHECK(check_injuries(routine_pressing(Zone::glutes), injuries, now).guard ==
          Guard::ask_to_clear);
    injuries[0].at = now - hours{24 * 365};
    CHECK(check_injuries(routine_pressing(Zone::glutes), injuries, now).guard ==
          Guard::ask_to_clear);
  }
  SUBCASE("a routine asking for a longer rest extends the ask window") {
    injuries[0].at = now - hours{80};
    auto r = routine_pressing(Zone::glutes);
    r.resume_after_injury_hours = 96;
    CHECK(check_injuries(r, injuries, now).guard == Guard::ask);
  }
  SUBCASE("far zones, steps off the roller and cleared injuries are not guarded") {
    CHECK(check_injuries(routine_pressing(Zone::calves), injuries, now).guard == Guard::none);
    auto r = routine_pressing(Zone::glutes);
    r.steps[0].kind = StepKind::movement;
    CHECK(check_injuries(r, injuries, now).guard == Guard::none);
    r.steps[0].kind = StepKind::stretch;
    r.steps[0].on_roller_key = false;
    CHECK(check_injuries(r, injuries, now).guard == Guard::none);
    injuries[0].cleared = true;
    CHECK(check_injuries(routine_pressing(Zone::glutes), injuries, now).guard == Guard::none);
  }
  SUBCASE("a stretch or a rest on the roller presses its zone like a hold") {
    // Where the roller is, not what the step is called (on_roller()): a stretch lying on the
    // roller over the glutes is pressure on an injured neighbour.
    auto r = routine_pressing(Zone::glutes);
    r.steps[0].kind = StepKind::stretch;
    CHECK(check_injuries(r, injuries, now).guard == Guard::refuse);
    r.steps[0].kind = StepKind::rest;
    CHECK(check_injuries(r, injuries, now).guard == Guard::refuse);
    r.steps[0].zone.reset();  // a rest without a zone is on the floor
    CHECK(check_injuries(r, injuries, now).guard == Guard::none);
  }
  SUBCASE("the strictest injury wins") {
    injuries.push_back({2, Zone::glutes, now - hours{1}, "", false});
    auto f = check_injuries(routine_pressing(Zone::glutes), injuries, now);
    CHECK(f.injury->id == 2);
    CHECK(hours_ceil(f.remaining) == 47);
  }
  CHECK(guards(Zone::lumbar, Zone::glutes));
  CHECK(guards(Zone::glutes, Zone::lumbar));
  CHECK(guards(Zone::full_body, Zone::calves));
  CHECK_FALSE(guards(Zone::neck, Zone::calves));
}

TEST_CASE("profile: valid, cleared, and every problem at its line:col") {
  auto ok = load_profile(
      "level = \"beginner\"\nroller = \"soft\"\nday_start = \"05:00\"\nspeech = \"espeak-ng\"\n"
      "[conditions]\nosteoporosis = true\nrecent_surgery = \"cleared\"\nmuscle-guarding = false\n",
      "config.toml");
  REQUIRE(ok.profile);
  CHECK(ok.profile->day_start_hour == 5);
  CHECK(ok.profile->speech == "espeak-ng");
  REQUIRE(ok.profile->conditions.size() == 2);
  CHECK(ok.profile->blocking() == std::vector<Condition>{Condition::osteoporosis});

  auto bad = load_profile(
      "levle = \"beginner\"\nday_start = \"25:00\"\n[conditions]\nosteoperosis = true\n"
      "recent-trauma = \"yes\"\n",
      "config.toml");
  CHECK_FALSE(bad.profile);
  REQUIRE(bad.diagnostics.size() == 4);
  CHECK(bad.diagnostics[0].where.line == 1);
  CHECK(bad.diagnostics[0].where.column == 1);
  CHECK(bad.diagnostics[0].help == "did you mean `level`?");
  CHECK(bad.diagnostics[1].where.line == 2);
  CHECK(bad.diagnostics[1].where.column == 13);
  CHECK(bad.diagnostics[2].where.line == 4);
  CHECK(bad.diagnostics[2].help == "did you mean `osteoporosis`?");
  CHECK(bad.diagnostics[3].where.line == 5);
  CHECK(bad.diagnostics[3].where.column == 17);

  auto syntax = load_profile("level = \n", "config.toml");
  REQUIRE(syntax.diagnostics.size() == 1);
  CHECK(syntax.diagnostics[0].where.line == 1);
  CHECK(syntax.diagnostics[0].rule == "syntax");
}

TEST_CASE("reminders") {
  ReminderSpec spec;
  spec.minute_of_day = 21 * 60 + 30;
  spec.roll_path = "/usr/bin/roll";
  SUBCASE("cron") {
    // notify-send when it is installed when the reminder fires, else the message (cron mails it).
    CHECK(cron_line(spec) ==
          "30 21 * * * DISPLAY=:0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "
          "'/usr/bin/roll' due --quiet && { notify-send 'roll' 'Five minutes on the foam roller "
          "before bed' 2>/dev/null || echo 'Five minutes on the foam roller before bed'; }");
    spec.weekdays = *parse_weekdays("sun,mon,fri");
    CHECK(cron_line(spec).starts_with("30 21 * * 0,1,5 "));
    CHECK(cron_line(spec).find('%') == std::string::npos);
    // cron turns a bare '%' into a newline.
    spec.roll_path = "/opt/100%/bin/roll";
    CHECK(cron_line(spec).find("'/opt/100\\%/bin/roll' due") != std::string::npos);
  }
  SUBCASE("the message follows the time of day") {
    spec.minute_of_day = 9 * 60 + 30;
    CHECK(cron_line(spec).find("before bed") == std::string::npos);
    CHECK(reminder_message(9 * 60 + 30) == "Five minutes on the foam roller to start the day");
    CHECK(reminder_message(13 * 60) == "Five minutes on the foam roller: a break for your back");
    CHECK(reminder_message(19 * 60) == "Five minutes on the foam roller this evening");
    CHECK(reminder_message(23 * 60) == "Five minutes on the foam roller before bed");
    CHECK(reminder_message(2 * 60) == "Five minutes on the foam roller before bed");
    CHECK(ics_calendar(spec, on(2026, 11, 23), utc(2026, 11, 23, 9)).find("before bed") ==
          std::string::npos);
  }
  SUBCASE("systemd") {
    spec.weekdays = *parse_weekdays("weekdays");
    auto u = systemd_units(spec);
    CHECK(u.timer.find("OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 21:30:00\n") != std::string::npos);
    CHECK(u.timer.find("Persistent=true\n") != std::string::npos);
    CHECK(u.service.find("ExecStart=/bin/sh -c \"'/usr/bin/roll' due --quiet && { notify-send") !=
          std::string::npos);
    CHECK(u.service.find("SuccessExitStatus=1") != std::string::npos);
    CHECK(u.service.starts_with(kUnitMarker));
    CHECK(u.timer.starts_with(kUnitMarker));
    CHECK(u.enable_commands.back() == "systemctl --user enable --now roll-reminder.timer");
    // systemd expands '%' specifiers and '$' variables and undoes backslash escapes itself.
    spec.roll_path = "/opt/a%b$c\\d\"e/roll";
    CHECK(systemd_units(spec).service.find(
              "ExecStart=/bin/sh -c \"'/opt/a%%b$$c\\\\d\\\"e/roll' due") != std::string::npos);
  }
  SUBCASE("a path that would break a line is refused") {
    CHECK(unschedulable_path("/usr/bin/roll").empty());
    CHECK(unschedulable_path("/opt/my roll/bin/roll").empty());
    CHECK_FALSE(unschedulable_path("/tmp/x\n* * * * * rm -rf ~\n/roll").empty());
    CHECK_FALSE(unschedulable_path("/tmp/x\r/roll").empty());
  }
  SUBCASE("ics") {
    auto text = ics_calendar(spec, on(2026, 11, 23), utc(2026, 11, 23, 9));
    CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(text.find("DTSTART:20261123T213000\r\n") != std::string::npos);
    CHECK(text.find("RRULE:FREQ=DAILY\r\n") != std::string::npos);
    CHECK(text.find("BEGIN:VALARM\r\nACTION:DISPLAY\r\n") != std::string::npos);
    CHECK(text.ends_with("END:VCALENDAR\r\n"));
    spec.weekdays = {0, 2, 4};
    CHECK(ics_calendar(spec, on(2026, 11, 23), utc(2026, 11, 23, 9))
              .find("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\n") != std::string::npos);
  }
  SUBCASE("ics: DTSTART is the first day the rule matches, not today") {
    spec.weekdays = {0, 2, 4};  // mon, wed, fri
    // 2026-11-24 is a Tuesday: the first occurrence is Wednesday the 25th.
    CHECK(first_reminder_day(spec, on(2026, 11, 24)) == on(2026, 11, 25));
    CHECK(first_reminder_day(spec, on(2026, 11, 23)) == on(2026, 11, 23));
    // Saturday the 28th: Monday the 30th.
    CHECK(first_reminder_day(spec, on(2026, 11, 28)) == on(2026, 11, 30));
    CHECK(ics_calendar(spec, on(2026, 11, 24), utc(2026, 11, 24, 9))
              .find("DTSTART:20261125T213000\r\n") != std::string::npos);
    spec.weekdays.clear();
    CHECK(first_reminder_day(spec, on(2026, 11, 24)) == on(2026, 11, 24));
  }
  SUBCASE("ics: no line over 75 octets, folds never split a character") {
    auto text = ics_calendar(spec, on(2026, 11, 23), utc(2026, 11, 23, 9));
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find("\r\n", start);
      REQUIRE(end != std::string::npos);
      CHECK(end - start <= 75);
      start = end + 2;
    }
    CHECK(ics_fold(std::string(75, 'a')) == std::string(75, 'a'));
    CHECK(ics_fold(std::string(76, 'a')) == std::string(75, 'a') + "\r\n a");
    // 74 ASCII octets, then a two-octet é: it moves whole to the next line.
    CHECK(ics_fold(std::string(74, 'a') + "\xc3\xa9") == std::string(74, 'a') + "\r\n \xc3\xa9");
  }
  CHECK(parse_weekdays("Mon,Tuesday,mon") == std::vector<int>{0, 1});
  CHECK(parse_weekdays("daily") == std::vector<int>{});
  CHECK_FALSE(parse_weekdays("mon,funday"));
  CHECK_FALSE(parse_weekdays(""));
}
