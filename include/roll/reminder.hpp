#pragma once
// Reminder text for the scheduler a user already has: a crontab line, a systemd user timer, an
// iCalendar event. Pure text generation; the CLI prints or installs it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roll {

struct ReminderSpec {
  int minute_of_day = 21 * 60;     // local time
  std::vector<int> weekdays;       // 0 = Monday .. 6 = Sunday; empty = every day
  std::string roll_path = "roll";  // absolute path of the binary, for schedulers' bare PATH
};

// "mon,tue,fri" (also "weekdays", "weekends", "daily", full names) -> sorted unique 0..6.
[[nodiscard]] std::optional<std::vector<int>> parse_weekdays(std::string_view text);

// The notification's text, worded for the time of day it fires ("before bed" only at night).
[[nodiscard]] std::string_view reminder_message(int minute_of_day);

// Why a path cannot go into a cron line or a systemd unit (a control character such as a newline
// would start a new line of the file); empty when it can.
[[nodiscard]] std::string unschedulable_path(std::string_view path);

// Every generator below expects a path that unschedulable_path() accepts.
// The crontab line ends in kCronMarker (a comment to the shell cron hands the line to), so
// `roll remind --cron --install` and `--uninstall` find the line again.
[[nodiscard]] std::string cron_line(const ReminderSpec& spec);

inline constexpr std::string_view kCronMarker =
    "# roll-reminder: roll remind --uninstall removes it";

// Whether a crontab line is roll's reminder: it ends in kCronMarker, or it is a line an earlier
// roll wrote without one (its `due --quiet && { notify-send 'roll'` command).
[[nodiscard]] bool is_roll_cron_line(std::string_view line);

// A crontab's text without roll's reminder lines, then `line` when given: installing twice
// leaves one line. Every other line is kept as it was.
[[nodiscard]] std::string crontab_with(std::string_view crontab,
                                       std::optional<std::string_view> line);

struct SystemdUnits {
  std::string service_name = "roll-reminder.service";
  std::string timer_name = "roll-reminder.timer";
  std::string service;
  std::string timer;
  std::vector<std::string> enable_commands;
};
[[nodiscard]] SystemdUnits systemd_units(const ReminderSpec& spec);

// The first line of every unit roll writes: `roll remind --uninstall` removes only those.
inline constexpr std::string_view kUnitMarker =
    "# Written by `roll remind --systemd --install`; `roll remind --uninstall` removes it.";

// The first day on or after `today` that the rule fires (RFC 5545 counts DTSTART as the first
// occurrence, so it must be one).
[[nodiscard]] std::chrono::local_days first_reminder_day(const ReminderSpec& spec,
                                                         std::chrono::local_days today);

// The event's UID: the schedule itself (its time and days), never the day it was made, so a
// calendar made again tomorrow replaces the one imported today instead of adding a second, and
// two schedules never share one. Two calendars for one schedule differ only in DTSTART and
// DTSTAMP.
[[nodiscard]] std::string ics_uid(const ReminderSpec& spec);

// `today` is the local date the calendar is made, `stamp` the creation time (DTSTAMP). Lines end
// in CRLF and are folded at 75 octets (RFC 5545 3.1).
[[nodiscard]] std::string ics_calendar(const ReminderSpec& spec, std::chrono::local_days today,
                                       std::chrono::sys_seconds stamp);

// RFC 5545 3.1 content-line folding: no line longer than 75 octets, continuations start with a
// space, never inside a UTF-8 sequence.
[[nodiscard]] std::string ics_fold(std::string_view line);

}  // namespace roll
