// Reminder texts (src/core/reminder.cpp): the crontab line, the systemd timer and the iCalendar
// event. Pure text, fixed times.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "calendar.hpp"
#include "roll/history.hpp"
#include "roll/reminder.hpp"
#include "skip.hpp"
#include "test_zone.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::at;
using roll::test::on;
using roll::test::utc;

TEST_CASE("reminders") {
  ReminderSpec spec;
  spec.minute_of_day = 21 * 60 + 30;
  spec.roll_path = "/usr/bin/roll";
  SUBCASE("cron") {
    // notify-send when it is installed when the reminder fires, else the message (cron mails it).
    CHECK(cron_line(spec) ==
          "30 21 * * * DISPLAY=:0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus "
          "'/usr/bin/roll' due --quiet && { notify-send 'roll' 'Five minutes on the foam roller "
          "before bed' 2>/dev/null || echo 'Five minutes on the foam roller before bed'; } "
          "# roll-reminder: roll remind --uninstall removes it");
    spec.weekdays = *parse_weekdays("sun,mon,fri");
    CHECK(cron_line(spec).starts_with("30 21 * * 0,1,5 "));
    CHECK(cron_line(spec).find('%') == std::string::npos);
    // cron turns a bare '%' into a newline.
    spec.roll_path = "/opt/100%/bin/roll";
    CHECK(cron_line(spec).find("'/opt/100\\%/bin/roll' due") != std::string::npos);
  }
  SUBCASE("a crontab keeps one line of roll's, whatever else it holds") {
    std::string line = cron_line(spec);
    CHECK(is_roll_cron_line(line));
    // The line an earlier roll wrote, without the marker, is roll's too.
    std::string old_line = line.substr(0, line.find(" # roll-reminder"));
    CHECK(is_roll_cron_line(old_line));
    CHECK_FALSE(is_roll_cron_line("0 3 * * * backup # roll-reminder-ish"));
    CHECK_FALSE(is_roll_cron_line("MAILTO=me"));
    std::string mine = "MAILTO=me\n# my backups\n0 3 * * * backup\n";
    std::string once = crontab_with(mine, line);
    CHECK(once == mine + line + "\n");
    CHECK(crontab_with(once, line) == once);
    CHECK(crontab_with(mine + old_line + "\n" + old_line + "\n", line) == once);
    CHECK(crontab_with(once, std::nullopt) == mine);
    CHECK(crontab_with("", std::nullopt).empty());
    CHECK(crontab_with("no newline at the end", std::nullopt) == "no newline at the end\n");
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
  SUBCASE("ics: the UID is the schedule, not the day it was made") {
    auto uid = [](const ReminderSpec& s, local_days made) {
      auto text = ics_calendar(s, made, sys_days(made.time_since_epoch()) + hours(9));
      auto start = text.find("\r\nUID:");
      REQUIRE(start != std::string::npos);
      start += 2;
      return text.substr(start, text.find("\r\n", start) - start);
    };
    // Made again the next day (or a week on) and imported again: the same event, replaced.
    CHECK(uid(spec, on(2026, 11, 23)) == uid(spec, on(2026, 11, 24)));
    CHECK(uid(spec, on(2026, 11, 23)) == uid(spec, on(2026, 12, 30)));
    ReminderSpec mwf = spec;
    mwf.weekdays = *parse_weekdays("mon,wed,fri");
    CHECK(uid(mwf, on(2026, 11, 23)) == uid(mwf, on(2026, 11, 24)));  // DTSTART differs
    ReminderSpec listed_otherwise = spec;
    listed_otherwise.weekdays = {4, 0, 2, 0};
    CHECK(uid(listed_otherwise, on(2026, 11, 23)) == uid(mwf, on(2026, 11, 23)));
    // Different schedules made the same day (a Monday, when daily and mon,wed,fri both start
    // that day): different events.
    ReminderSpec later = spec;
    later.minute_of_day += 1;
    ReminderSpec morning = spec;
    morning.minute_of_day = 9 * 60 + 30;
    ReminderSpec saturday = spec;
    saturday.weekdays = {5};
    std::set<std::string> uids;
    for (const auto* s : {&spec, &mwf, &later, &morning, &saturday}) {
      uids.insert(uid(*s, on(2026, 11, 23)));
    }
    CHECK(uids.size() == 5);
    CHECK(uid(spec, on(2026, 11, 23)) == "UID:roll-reminder-2130-daily@roll.invalid");
    CHECK(uid(mwf, on(2026, 11, 23)) == "UID:roll-reminder-2130-mon-wed-fri@roll.invalid");
  }
  CHECK(parse_weekdays("Mon,Tuesday,mon") == std::vector<int>{0, 1});
  CHECK(parse_weekdays("daily") == std::vector<int>{});
  CHECK_FALSE(parse_weekdays("mon,funday"));
  CHECK_FALSE(parse_weekdays(""));
}

TEST_CASE("the calendar's DTSTAMP is the UTC time it was made, whatever the process's zone") {
  ROLL_SKIP_UNLESS(roll::test::zone_database_installed(), "no zone database (tzdata)");
  ReminderSpec spec;
  spec.minute_of_day = 21 * 60 + 30;
  for (const auto& zone : roll::test::kZoneCases) {
    CAPTURE(zone.tz);
    roll::test::ScopedProcessZone process(zone.tz);
    auto text = ics_calendar(spec, on(2026, 11, 23), utc(2026, 11, 23, 20, 30));
    CHECK(text.find("\r\nDTSTAMP:20261123T203000Z\r\n") != std::string::npos);
  }
}
