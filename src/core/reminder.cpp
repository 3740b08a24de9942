#include "roll/reminder.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "roll/history.hpp"

namespace roll {

namespace {

constexpr std::array<std::string_view, 7> kShort{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kLong{"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kSystemd{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kIcs{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

constexpr std::string_view kTitle = "roll";
constexpr std::string_view kMessage = "Five minutes on the foam roller before bed";

// Single-quotes a word for /bin/sh.
std::string shell_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string notify_command(const ReminderSpec& spec) {
  if (spec.have_notify_send) {
    return fmt::format("notify-send {} {}", shell_quote(kTitle), shell_quote(kMessage));
  }
  return fmt::format("echo {}", shell_quote(kMessage));
}

}  // namespace

std::optional<std::vector<int>> parse_weekdays(std::string_view text) {
  std::vector<int> days;
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string word(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (word == "daily" || word == "everyday") {
      for (int d = 0; d < 7; ++d) days.push_back(d);
      continue;
    }
    if (word == "weekdays") {
      for (int d = 0; d < 5; ++d) days.push_back(d);
      continue;
    }
    if (word == "weekends") {
      days.push_back(5);
      days.push_back(6);
      continue;
    }
    bool found = false;
    for (int d = 0; d < 7; ++d) {
      if (word == kShort[static_cast<std::size_t>(d)] ||
          word == kLong[static_cast<std::size_t>(d)]) {
        days.push_back(d);
        found = true;
      }
    }
    if (!found) return std::nullopt;
  }
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  if (days.size() == 7) days.clear();  // every day is the daily case
  return days;
}

std::string cron_line(const ReminderSpec& spec) {
  std::string dow = "*";
  if (!spec.weekdays.empty()) {
    std::vector<int> cron_days;  // cron: 0 = Sunday
    for (int d : spec.weekdays) cron_days.push_back((d + 1) % 7);
    std::sort(cron_days.begin(), cron_days.end());
    dow = fmt::format("{}", fmt::join(cron_days, ","));
  }
  // cron runs outside the desktop session: notify-send needs the session bus (and DISPLAY for X).
  // No '%' anywhere: cron would turn it into a newline.
  return fmt::format(
      "{} {} * * {} DISPLAY=:0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus {} due "
      "--quiet && {}",
      spec.minute_of_day % 60, spec.minute_of_day / 60, dow, shell_quote(spec.roll_path),
      notify_command(spec));
}

SystemdUnits systemd_units(const ReminderSpec& spec) {
  SystemdUnits u;
  std::string days;
  if (!spec.weekdays.empty()) {
    std::vector<std::string_view> names;
    for (int d : spec.weekdays) names.push_back(kSystemd[static_cast<std::size_t>(d)]);
    days = fmt::format("{} ", fmt::join(names, ","));
  }
  std::string at = fmt::format("{:02}:{:02}", spec.minute_of_day / 60, spec.minute_of_day % 60);
  // `roll due` exits 1 when today's session is done: that is success for the reminder, not a
  // failed unit. Exit 2 (a broken database) still shows as failed in `systemctl --user status`.
  u.service = fmt::format(
      "[Unit]\n"
      "Description=roll: remind me to roll if I have not today\n"
      "\n"
      "[Service]\n"
      "Type=oneshot\n"
      "ExecStart=/bin/sh -c {}\n"
      "SuccessExitStatus=1\n",
      shell_quote(
          fmt::format("{} due --quiet && {}", shell_quote(spec.roll_path), notify_command(spec))));
  u.timer = fmt::format(
      "[Unit]\n"
      "Description=roll reminder at {}\n"
      "\n"
      "[Timer]\n"
      "OnCalendar={}*-*-* {}:00\n"
      "Persistent=true\n"
      "Unit={}\n"
      "\n"
      "[Install]\n"
      "WantedBy=timers.target\n",
      at, days, at, u.service_name);
  u.enable_commands = {"systemctl --user daemon-reload",
                       fmt::format("systemctl --user enable --now {}", u.timer_name)};
  return u;
}

std::string ics_calendar(const ReminderSpec& spec, std::chrono::local_days today,
                         std::chrono::sys_seconds stamp) {
  std::string date = format_date(today);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  std::string rule = "FREQ=DAILY";
  if (!spec.weekdays.empty()) {
    std::vector<std::string_view> names;
    for (int d : spec.weekdays) names.push_back(kIcs[static_cast<std::size_t>(d)]);
    rule = fmt::format("FREQ=WEEKLY;BYDAY={}", fmt::join(names, ","));
  }
  int h = spec.minute_of_day / 60, m = spec.minute_of_day % 60;
  // RFC 5545 wants CRLF line ends. DTSTART without a zone is "floating": the user's local time
  // wherever the calendar is, which is what a bedtime reminder means.
  std::vector<std::string> lines{
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//roll//foam roller reminder//EN",
      "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT",
      fmt::format("UID:roll-reminder-{:02}{:02}-{}@roll.invalid", h, m, date),
      fmt::format("DTSTAMP:{:%Y%m%dT%H%M%SZ}", stamp),
      fmt::format("DTSTART:{}T{:02}{:02}00", date, h, m),
      "DURATION:PT10M",
      fmt::format("RRULE:{}", rule),
      "SUMMARY:Foam roller: five minutes",
      "DESCRIPTION:Consistency beats intensity. Run: roll due && roll session bedtime",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      fmt::format("DESCRIPTION:{}", kMessage),
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
  };
  std::string out;
  for (auto& l : lines) out += l + "\r\n";
  return out;
}

}  // namespace roll
