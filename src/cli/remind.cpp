// roll remind: a reminder for cron, a systemd user timer or a calendar, ready to paste.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/history_common.hpp"
#include "platform/wall_clock.hpp"
#include "roll/reminder.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

struct Options {
  std::string at;
  std::string days;
  bool cron = false;
  bool systemd = false;
  bool ics = false;
  bool install = false;
};

bool on_path(const char* program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    if (::access((std::filesystem::path(dir) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw Failure(exit_usage, fmt::format("cannot write {}", sanitize(path.string())));
}

}  // namespace

void add_remind_command(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("remind", "Print a daily reminder for cron, systemd or your calendar");
  auto opt = std::make_shared<Options>();
  cmd->add_option("--at", opt->at, "Local time of the reminder, HH:MM")->required();
  cmd->add_option("--days", opt->days,
                  "Days of the week: mon,tue,... or weekdays, weekends (default: every day)");
  auto* cron = cmd->add_flag("--cron", opt->cron, "One crontab line");
  auto* systemd =
      cmd->add_flag("--systemd", opt->systemd, "A systemd user .service and .timer pair");
  auto* ics =
      cmd->add_flag("--ics", opt->ics, "An iCalendar file with a recurring event and an alarm");
  cmd->add_flag("--install", opt->install,
                "With --systemd: write the units to ~/.config/systemd/user/")
      ->needs(systemd);
  cron->excludes(systemd)->excludes(ics);
  systemd->excludes(ics);
  cmd->footer(
      "\nExamples:\n"
      "  roll remind --at 21:30 --cron >> mycron && crontab mycron\n"
      "  roll remind --at 21:30 --days mon,wed,fri --systemd --install\n"
      "  roll remind --at 22:00 --ics > roll.ics\n"
      "\nThe reminder runs `roll due --quiet`, so it stays silent on days you have already "
      "rolled.");
  cmd->callback([&ctx, opt] {
    if (!opt->cron && !opt->systemd && !opt->ics)
      throw Failure(exit_usage, "choose one of --cron, --systemd or --ics");
    ReminderSpec spec;
    auto minute = parse_clock(opt->at);
    if (!minute)
      throw Failure(exit_usage,
                    fmt::format("--at \"{}\" is not a time like 21:30", sanitize(opt->at)));
    spec.minute_of_day = *minute;
    if (!opt->days.empty()) {
      auto days = parse_weekdays(opt->days);
      if (!days) {
        throw Failure(
            exit_usage,
            fmt::format("--days \"{}\" is not a list like mon,wed,fri (or weekdays, weekends)",
                        sanitize(opt->days)));
      }
      spec.weekdays = *days;
    }
    // Schedulers run with a bare PATH: name this very binary.
    spec.roll_path = (ctx.env.exe_dir / "roll").string();
    spec.have_notify_send = on_path("notify-send");
    if (opt->cron) {
      fmt::print(ctx.out, "{}\n", cron_line(spec));
    } else if (opt->systemd) {
      auto units = systemd_units(spec);
      if (opt->install) {
        auto dir = ctx.env.config_home / "systemd" / "user";
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec)
          throw Failure(exit_usage,
                        fmt::format("cannot create {}: {}", sanitize(dir.string()), ec.message()));
        write_file(dir / units.service_name, units.service);
        write_file(dir / units.timer_name, units.timer);
        fmt::print(ctx.out, "Wrote {} and {}. Now run:\n",
                   sanitize((dir / units.service_name).string()),
                   sanitize((dir / units.timer_name).string()));
      } else {
        fmt::print(
            ctx.out,
            "# ~/.config/systemd/user/{}\n{}\n# ~/.config/systemd/user/{}\n{}\n# then run:\n",
            units.service_name, units.service, units.timer_name, units.timer);
      }
      for (const auto& c : units.enable_commands) fmt::print(ctx.out, "{}\n", c);
    } else {
      SysSeconds now = now_or_fail(ctx);
      auto today = std::chrono::floor<std::chrono::days>(platform::to_local(now));
      fmt::print(ctx.out, "{}", ics_calendar(spec, today, now));
    }
  });
}

}  // namespace roll::cli
