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
  bool have_notify_send = true;    // else the cron line echoes (cron mails the output)
};

// "mon,tue,fri" (also "weekdays", "weekends", "daily", full names) -> sorted unique 0..6.
[[nodiscard]] std::optional<std::vector<int>> parse_weekdays(std::string_view text);

[[nodiscard]] std::string cron_line(const ReminderSpec& spec);

struct SystemdUnits {
  std::string service_name = "roll-reminder.service";
  std::string timer_name = "roll-reminder.timer";
  std::string service;
  std::string timer;
  std::vector<std::string> enable_commands;
};
[[nodiscard]] SystemdUnits systemd_units(const ReminderSpec& spec);

// `today` is the local date of the first occurrence, `stamp` the creation time (DTSTAMP).
[[nodiscard]] std::string ics_calendar(const ReminderSpec& spec, std::chrono::local_days today,
                                       std::chrono::sys_seconds stamp);

}  // namespace roll
