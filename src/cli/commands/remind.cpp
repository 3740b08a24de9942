// roll remind: a reminder for cron, a systemd user timer or a calendar, ready to paste.
#include <fmt/core.h>

#include <cstdlib>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/user_time.hpp"
#include "platform/atomic_file.hpp"
#include "platform/programs.hpp"
#include "platform/run_program.hpp"
#include "platform/wall_clock.hpp"
#include "roll/reminder.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFormats =
    "roll remind makes a reminder that stays silent on days you have already rolled\n"
    "(it runs `roll due --quiet`). Choose where it lives:\n"
    "\n"
    "  --cron      one crontab line; --install puts it in your crontab (replacing roll's own):\n"
    "                roll remind --at 21:30 --cron --install\n"
    "  --systemd   a systemd user timer; --install writes it to ~/.config/systemd/user/:\n"
    "                roll remind --at 21:30 --systemd --install\n"
    "  --ics       a calendar file with a recurring event, for your phone or desktop calendar:\n"
    "                roll remind --at 21:30 --days mon,wed,fri --ics > roll.ics\n"
    "\n"
    "roll remind --uninstall removes them again (the timer and the crontab line). More: roll\n"
    "remind --help\n";

std::optional<std::string> read_existing(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return std::nullopt;
  try {
    return platform::read_text_file(path, 1024 * 1024);
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, sanitize(e.what()));
  }
}

// The first free NAME.bak, NAME.bak.2, ...: an older backup is never overwritten.
fs::path backup_name(const fs::path& path) {
  std::error_code ec;
  for (int n = 1;; ++n) {
    fs::path candidate = path;
    candidate += n == 1 ? std::string(".bak") : fmt::format(".bak.{}", n);
    if (!fs::exists(fs::symlink_status(candidate, ec))) return candidate;
  }
}

void write_unit(const fs::path& path, const std::string& text) {
  try {
    platform::write_text_file(path, text);
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, sanitize(e.what()));
  }
}

// Writes both units. A unit that is already what roll would write is left alone; one that differs
// (edited by hand, or made for another --at or --days) is refused unless --force, which moves it
// aside first and says where.
void install_units(Context& ctx, const SystemdUnits& units, bool force) {
  auto dir = ctx.env.config_home / "systemd" / "user";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw Failure(exit_usage,
                  fmt::format("cannot create {}: {}", sanitize(dir.string()), ec.message()));
  }
  const std::pair<const std::string&, const std::string&> wanted[] = {
      {units.service_name, units.service}, {units.timer_name, units.timer}};
  std::vector<std::string> differing;
  for (const auto& [name, text] : wanted) {
    auto old = read_existing(dir / name);
    if (old && *old != text) differing.push_back(name);
  }
  if (!differing.empty() && !force) {
    throw Failure(exit_usage,
                  fmt::format("{} already exists and differs from what roll would write; "
                              "--force replaces it (keeping the old one as {}.bak)",
                              sanitize((dir / differing.front()).string()), differing.front()));
  }
  for (const auto& name : differing) {
    auto backup = backup_name(dir / name);
    fs::rename(dir / name, backup, ec);
    if (ec) {
      throw Failure(exit_usage, fmt::format("cannot move {} aside: {}",
                                            sanitize((dir / name).string()), ec.message()));
    }
    fmt::print(ctx.out, "Moved the old {} to {}\n", name, sanitize(backup.string()));
  }
  for (const auto& [name, text] : wanted) write_unit(dir / name, text);
  fmt::print(ctx.out, "Wrote {} and {}. Now run:\n", sanitize((dir / units.service_name).string()),
             sanitize((dir / units.timer_name).string()));
  for (const auto& c : units.enable_commands) fmt::print(ctx.out, "{}\n", c);
}

// The reminder calls notify-send when it fires; without it the message goes where nobody looks
// (cron's mail, systemd's journal). Said when the reminder is made, with the package to install.
void warn_without_notify_send(Context& ctx) {
  if (!platform::find_program("notify-send", ctx.env.path ? ctx.env.path->c_str() : nullptr)
           .empty())
    return;
  fmt::print(ctx.err,
             "roll: warning: notify-send is not installed, so the reminder would only print its "
             "message, where nobody sees it (cron mails it, systemd logs it); install it first: "
             "sudo apt install libnotify-bin (Debian, Ubuntu; libnotify on Fedora and Arch)\n");
}

// A binary in a build tree (CMakeCache.txt beside its bin/) is not installed: a scheduler that
// names it breaks once the build is removed or moved.
void warn_build_tree(Context& ctx, const std::string& roll_path) {
  std::error_code ec;
  if (!fs::exists(ctx.env.exe_dir / ".." / "CMakeCache.txt", ec)) return;
  fmt::print(ctx.err,
             "roll: warning: {} is in a build tree; the reminder names it, so it goes stale once "
             "the build is removed or rebuilt elsewhere. Install roll first (cmake --install "
             "build/release --prefix ~/.local) and run this again as ~/.local/bin/roll\n",
             sanitize(roll_path));
}

std::string crontab_program(Context& ctx) {
  std::string path =
      platform::find_program("crontab", ctx.env.path ? ctx.env.path->c_str() : nullptr);
  if (path.empty()) {
    throw Failure(exit_usage,
                  "no crontab program on the PATH: install cron (sudo apt install cron), or use "
                  "--systemd");
  }
  return path;
}

// The user's crontab as it stands: "" when they have none (crontab -l then fails with "no
// crontab for ...").
std::string read_crontab(const std::string& program) {
  auto listed = platform::run_program(program, {"-l"}, "");
  if (listed.status == 0) return listed.out;
  if (listed.err.find("no crontab") != std::string::npos) return "";
  throw Failure(exit_usage, fmt::format("crontab -l failed (exit {}): {}", listed.status,
                                        sanitize(listed.err, true)));
}

void write_crontab(const std::string& program, const std::string& text) {
  auto written = platform::run_program(program, {"-"}, text);
  if (written.status != 0) {
    throw Failure(exit_usage, fmt::format("crontab - failed (exit {}): {}", written.status,
                                          sanitize(written.err, true)));
  }
}

// Replaces roll's line in the crontab (any earlier one, however many): running it twice leaves one.
void install_cron(Context& ctx, const std::string& line) {
  std::string program = crontab_program(ctx);
  std::string before = read_crontab(program);
  std::string after = crontab_with(before, line);
  bool replaced = crontab_with(before, std::nullopt) != before;
  write_crontab(program, after);
  fmt::print(ctx.out, "{} roll's reminder in your crontab:\n{}\n", replaced ? "Replaced" : "Added",
             line);
}

// Removes roll's lines from the crontab; every other line stays.
void uninstall_cron(Context& ctx) {
  std::string program =
      platform::find_program("crontab", ctx.env.path ? ctx.env.path->c_str() : nullptr);
  if (program.empty()) return;  // no cron here, so no line of roll's in one
  std::string before = read_crontab(program);
  std::string after = crontab_with(before, std::nullopt);
  if (after == before) {
    fmt::print(ctx.out, "No roll reminder in your crontab\n");
    return;
  }
  write_crontab(program, after);
  fmt::print(ctx.out, "Removed roll's reminder from your crontab\n");
}

// Removes the units roll wrote (their first line says so); a unit without that line is someone
// else's and stays unless --force.
void uninstall_units(Context& ctx, bool force) {
  SystemdUnits names;
  auto dir = ctx.env.config_home / "systemd" / "user";
  std::error_code ec;
  std::vector<fs::path> remove;
  for (const auto& name : {names.timer_name, names.service_name}) {
    auto old = read_existing(dir / name);
    if (!old) continue;
    if (!old->starts_with(kUnitMarker) && !force) {
      throw Failure(
          exit_usage,
          fmt::format("{} was not written by roll (no \"Written by `roll remind`\" line); "
                      "--force removes it anyway",
                      sanitize((dir / name).string())));
    }
    remove.push_back(dir / name);
  }
  // `systemctl enable` made this link; a dangling one would make systemd complain at each start.
  auto wants = dir / "timers.target.wants" / names.timer_name;
  if (fs::is_symlink(fs::symlink_status(wants, ec))) remove.push_back(wants);
  if (remove.empty()) {
    fmt::print(ctx.out, "No roll reminder is installed in {}\n", sanitize(dir.string()));
  }
  for (const auto& path : remove) {
    fs::remove(path, ec);
    if (ec) {
      throw Failure(exit_usage,
                    fmt::format("cannot remove {}: {}", sanitize(path.string()), ec.message()));
    }
    fmt::print(ctx.out, "Removed {}\n", sanitize(path.string()));
  }
  if (!remove.empty()) {
    fmt::print(ctx.out, "Now run:\nsystemctl --user stop {}\nsystemctl --user daemon-reload\n",
               names.timer_name);
  }
}

}  // namespace

void declare_remind(CommandSpec& roll, RemindOptions& opts) {
  auto& cmd = roll.command("remind", "Print a daily reminder for cron, systemd or your calendar");
  cmd.option("--at", opts.at, "Local time of the reminder, HH:MM");
  cmd.option("--days", opts.days,
             "Days of the week: mon,tue,... or weekdays, weekends (default: every day)");
  cmd.flag("--cron", opts.cron, "One crontab line").excludes("--systemd").excludes("--ics");
  cmd.flag("--systemd", opts.systemd, "A systemd user .service and .timer pair").excludes("--ics");
  cmd.flag("--ics", opts.ics, "An iCalendar file with a recurring event and an alarm")
      .excludes("--uninstall")
      .excludes("--install");
  cmd.flag("--install", opts.install,
           "With --systemd: write the units to ~/.config/systemd/user/; with --cron: put the "
           "line in your crontab, replacing roll's own")
      .excludes("--uninstall");
  cmd.flag("--uninstall", opts.uninstall,
           "Remove what --install wrote: the systemd units (and say how to stop the timer) and "
           "roll's crontab line; with --cron or --systemd, only that one");
  cmd.flag("--force", opts.force,
           "With --install: replace units that differ (the old ones are kept as .bak); "
           "with --uninstall: remove units roll did not write");
  cmd.footer =
      "\nExamples:\n"
      "  roll remind                                   # what the three formats are\n"
      "  roll remind --at 21:30 --cron --install       # into your crontab, replacing roll's line\n"
      "  roll remind --at 21:30 --days mon,wed,fri --systemd --install\n"
      "  roll remind --at 22:00 --ics > roll.ics\n"
      "  roll remind --uninstall\n"
      "\nThe reminder runs `roll due --quiet`, so it stays silent on days you have already "
      "rolled\n(and while a condition in your profile is not cleared), and calls notify-send: "
      "without it\n(package libnotify-bin) the message is only printed, where nobody sees it, and "
      "roll says so.\nroll's crontab line ends in \"# roll-reminder\", which --install and "
      "--uninstall look for.";
}

int run_remind(Context& ctx, const RemindOptions& opts) {
  if (opts.uninstall) {
    // Alone, both kinds; with --cron or --systemd, that one.
    if (!opts.cron) uninstall_units(ctx, opts.force);
    if (!opts.systemd) uninstall_cron(ctx);
    return exit_ok;
  }
  if (opts.install && !opts.cron && !opts.systemd) {
    throw Failure(exit_usage, "--install goes with --cron or --systemd");
  }
  if (!opts.cron && !opts.systemd && !opts.ics) {
    fmt::print(ctx.out, "{}", kFormats);
    warn_without_notify_send(ctx);
    return exit_ok;
  }
  if (opts.at.empty())
    throw Failure(exit_usage, "say when: --at HH:MM, e.g. roll remind --at 21:30 --cron");
  ReminderSpec spec;
  auto minute = parse_clock(opts.at);
  if (!minute)
    throw Failure(exit_usage,
                  fmt::format("--at \"{}\" is not a time like 21:30", sanitize(opts.at)));
  spec.minute_of_day = *minute;
  if (!opts.days.empty()) {
    auto days = parse_weekdays(opts.days);
    if (!days) {
      throw Failure(
          exit_usage,
          fmt::format("--days \"{}\" is not a list like mon,wed,fri (or weekdays, weekends)",
                      sanitize(opts.days)));
    }
    spec.weekdays = *days;
  }
  // Schedulers run with a bare PATH: name this very binary.
  spec.roll_path = (ctx.env.exe_dir / "roll").string();
  if (!opts.ics) {
    if (auto why = unschedulable_path(spec.roll_path); !why.empty()) {
      throw Failure(exit_usage,
                    fmt::format("cannot schedule {}: {}", sanitize(spec.roll_path), why));
    }
  }
  if (!opts.ics) warn_without_notify_send(ctx);
  if (opts.install) warn_build_tree(ctx, spec.roll_path);
  if (opts.cron) {
    if (opts.install) {
      install_cron(ctx, cron_line(spec));
      return exit_ok;
    }
    fmt::print(ctx.out, "{}\n", cron_line(spec));
  } else if (opts.systemd) {
    auto units = systemd_units(spec);
    if (opts.install) {
      install_units(ctx, units, opts.force);
      return exit_ok;
    }
    fmt::print(ctx.out,
               "# ~/.config/systemd/user/{}\n{}\n# ~/.config/systemd/user/{}\n{}\n# then run:\n",
               units.service_name, units.service, units.timer_name, units.timer);
    for (const auto& c : units.enable_commands) fmt::print(ctx.out, "{}\n", c);
  } else {
    SysSeconds now = now_or_fail(ctx);
    auto today = std::chrono::floor<std::chrono::days>(platform::to_local(now));
    fmt::print(ctx.out, "{}", ics_calendar(spec, today, now));
  }
  return exit_ok;
}

}  // namespace roll::cli
