#include "roll/reminder.hpp"

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

// The command both schedulers run. Whether notify-send is installed is asked when the reminder
// fires, not when it is made: without it (or without a desktop session) the message is printed,
// which cron mails and systemd logs.
std::string reminder_command(const ReminderSpec& spec) {
  auto message = shell_quote(reminder_message(spec.minute_of_day));
  return fmt::format("{} due --quiet && {{ notify-send {} {} 2>/dev/null || echo {}; }}",
                     shell_quote(spec.roll_path), shell_quote(kTitle), message, message);
}

// cron hands the rest of the line to /bin/sh but first turns each unescaped '%' into a newline.
std::string cron_escape(std::string_view command) {
  std::string out;
  for (char c : command) {
    if (c == '%') out += '\\';
    out += c;
  }
  return out;
}

// A systemd command-line word in double quotes: systemd undoes C escapes, expands '%' specifiers
// and '$' variables itself, so each is doubled or escaped to reach /bin/sh unchanged.
std::string systemd_quote(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '%' || c == '$') {
      out += c;
      out += c;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// RFC 5545 3.3.11 TEXT: backslash, ';', ',' and newlines escaped.
std::string ics_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
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

std::string_view reminder_message(int minute_of_day) {
  // The hours are roll's own reading of "morning", "afternoon" and "evening", not the articles'.
  int hour = minute_of_day / 60;
  if (hour >= 4 && hour < 12) return "Five minutes on the foam roller to start the day";
  if (hour >= 12 && hour < 18) return "Five minutes on the foam roller: a break for your back";
  if (hour >= 18 && hour < 21) return "Five minutes on the foam roller this evening";
  return "Five minutes on the foam roller before bed";
}

std::string unschedulable_path(std::string_view path) {
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      return fmt::format("its path holds a control character ({:#04x}), which would break the line",
                         u);
    }
  }
  return {};
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
  return fmt::format(
      "{} {} * * {} DISPLAY=:0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus {} {}",
      spec.minute_of_day % 60, spec.minute_of_day / 60, dow, cron_escape(reminder_command(spec)),
      kCronMarker);
}

bool is_roll_cron_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line.ends_with(kCronMarker) ||
         line.find(fmt::format(" due --quiet && {{ notify-send {} ", shell_quote(kTitle))) !=
             std::string_view::npos;
}

std::string crontab_with(std::string_view crontab, std::optional<std::string_view> line) {
  std::string out;
  std::size_t pos = 0;
  while (pos < crontab.size()) {
    auto end = crontab.find('\n', pos);
    std::string_view one = crontab.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? crontab.size() : end + 1;
    if (is_roll_cron_line(one)) continue;
    out += one;
    out += '\n';
  }
  if (line) {
    out += *line;
    out += '\n';
  }
  return out;
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
      "{}\n"
      "[Unit]\n"
      "Description=roll: remind me to roll if I have not today\n"
      "\n"
      "[Service]\n"
      "Type=oneshot\n"
      "ExecStart=/bin/sh -c {}\n"
      "SuccessExitStatus=1\n",
      kUnitMarker, systemd_quote(reminder_command(spec)));
  u.timer = fmt::format(
      "{}\n"
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
      kUnitMarker, at, days, at, u.service_name);
  u.enable_commands = {"systemctl --user daemon-reload",
                       fmt::format("systemctl --user enable --now {}", u.timer_name)};
  return u;
}

std::chrono::local_days first_reminder_day(const ReminderSpec& spec,
                                           std::chrono::local_days today) {
  if (spec.weekdays.empty()) return today;
  for (int ahead = 0; ahead < 7; ++ahead) {
    std::chrono::local_days day = today + std::chrono::days(ahead);
    // iso_encoding: Monday 1 .. Sunday 7; roll's weekdays: Monday 0 .. Sunday 6.
    int weekday = static_cast<int>(std::chrono::weekday(day).iso_encoding()) - 1;
    if (std::find(spec.weekdays.begin(), spec.weekdays.end(), weekday) != spec.weekdays.end()) {
      return day;
    }
  }
  return today;  // unreachable with a weekday in 0..6
}

std::string ics_fold(std::string_view line) {
  constexpr std::size_t kMax = 75;
  std::string out;
  std::size_t room = kMax;  // octets left on this physical line
  std::size_t i = 0;
  while (i < line.size()) {
    // One UTF-8 sequence at a time, so a fold never splits a character.
    std::size_t len = 1;
    while (i + len < line.size() && (static_cast<unsigned char>(line[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    if (len > room) {
      out += "\r\n ";
      room = kMax - 1;
    }
    out.append(line.substr(i, len));
    room -= len;
    i += len;
  }
  return out;
}

std::string ics_uid(const ReminderSpec& spec) {
  // One spelling per schedule, however its days were listed.
  std::vector<int> weekdays = spec.weekdays;
  std::sort(weekdays.begin(), weekdays.end());
  weekdays.erase(std::unique(weekdays.begin(), weekdays.end()), weekdays.end());
  std::string days = "daily";
  if (!weekdays.empty() && weekdays.size() < 7) {
    std::vector<std::string_view> names;
    for (int d : weekdays) names.push_back(kShort[static_cast<std::size_t>(d)]);
    days = fmt::format("{}", fmt::join(names, "-"));
  }
  return fmt::format("roll-reminder-{:02}{:02}-{}@roll.invalid", spec.minute_of_day / 60,
                     spec.minute_of_day % 60, days);
}

std::string ics_calendar(const ReminderSpec& spec, std::chrono::local_days today,
                         std::chrono::sys_seconds stamp) {
  std::string date = format_date(first_reminder_day(spec, today));
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  // RFC 5545's basic form of the one UTC text form: 20261123T213000Z.
  std::string stamp_text = format_utc(stamp);
  std::erase_if(stamp_text, [](char c) { return c == '-' || c == ':'; });
  std::string rule = "FREQ=DAILY";
  if (!spec.weekdays.empty()) {
    std::vector<std::string_view> names;
    for (int d : spec.weekdays) names.push_back(kIcs[static_cast<std::size_t>(d)]);
    rule = fmt::format("FREQ=WEEKLY;BYDAY={}", fmt::join(names, ","));
  }
  int h = spec.minute_of_day / 60, m = spec.minute_of_day % 60;
  std::string_view routine = h >= 21 || h < 4 ? "bedtime" : "thoracic";
  // DTSTART without a zone is "floating": the user's local time wherever the calendar is, which
  // is what a daily reminder means.
  std::vector<std::string> lines{
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//roll//foam roller reminder//EN",
      "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT",
      fmt::format("UID:{}", ics_uid(spec)),
      "DTSTAMP:" + stamp_text,
      fmt::format("DTSTART:{}T{:02}{:02}00", date, h, m),
      "DURATION:PT10M",
      fmt::format("RRULE:{}", rule),
      "SUMMARY:Foam roller: five minutes",
      "DESCRIPTION:" +
          ics_text(fmt::format("Consistency beats intensity. Run: roll due && roll session {}",
                               routine)),
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:" + ics_text(reminder_message(spec.minute_of_day)),
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
  };
  std::string out;
  for (auto& l : lines) out += ics_fold(l) + "\r\n";
  return out;
}

}  // namespace roll
