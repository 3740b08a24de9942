// roll report --html FILE: the last weeks as one self-contained page (roll/report.hpp builds it)
// to print or hand to a physiotherapist.
#include "roll/report.hpp"

#include <fmt/core.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/user_time.hpp"
#include "platform/atomic_file.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/wall_clock.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"

#ifndef ROLL_VERSION
#define ROLL_VERSION "0.0.0"
#endif

namespace roll::cli {

namespace {

// Far above any report roll writes (a year of nightly sessions is well under a megabyte); a
// larger file is not one of roll's, and is not read to find out.
constexpr std::size_t kMaxReportBytes = 16 * 1024 * 1024;

// Replaces only a report roll wrote (or an empty file), so a slip of the hand (`--html
// notes.txt`) never costs the user a file; the atomic writer then refuses anything but a
// regular file, through a symlink as well, and keeps the old file's mode and owner.
void write_report(const std::filesystem::path& path, const std::string& html) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto link = fs::symlink_status(path, ec);
  if (ec || !fs::exists(link)) {
    platform::write_text_file(path, html);
    return;
  }
  auto target = fs::status(path, ec);
  if (fs::is_symlink(link) && !fs::exists(target)) {
    throw Failure(exit_usage, fmt::format("{} is a symbolic link to nothing; not written",
                                          sanitize(path.string())));
  }
  if (!fs::is_regular_file(target)) {
    throw Failure(exit_usage,
                  fmt::format("{} exists and is not a regular file; not written (name a file)",
                              sanitize(path.string())));
  }
  std::string old;
  try {
    old = platform::read_text_file(path, kMaxReportBytes);
  } catch (const platform::FileError&) {
    old = "not a report";
  }
  if (!old.empty() && !is_roll_report(old)) {
    throw Failure(exit_usage, fmt::format("{} exists and is not a report roll wrote; not "
                                          "overwritten (remove it or name another file)",
                                          sanitize(path.string())));
  }
  platform::write_text_file(path, html, old);
}

}  // namespace

void declare_report(CommandSpec& roll, ReportOptions& options) {
  auto& cmd = roll.command(
      "report", "Write the last weeks as one HTML page to print or show a physiotherapist");
  cmd.option("--html", options.html,
             "The HTML file to write (- for standard output); only a report roll wrote is "
             "replaced")
      .required()
      .value_name("FILE")
      .completes(Completion::file);
  cmd.option("--weeks", options.weeks, "How many weeks, ending with this one")
      .show_default()
      .between(1, 52);
  cmd.footer =
      "\nExamples:\n"
      "  roll report --html back.html\n"
      "  roll report --html back.html --weeks 12\n"
      "  roll report --html - > back.html\n"
      "\nOne self-contained file (inline SVG and CSS, no scripts, nothing fetched): the adherence\n"
      "calendar, minutes per zone per week, the before/after ratings, pain stops and pressure\n"
      "readings, the routines done, and what completed and partial mean. It prints on A4.";
}

int run_report(Context& ctx, UserData& user, const ReportOptions& options) {
  using std::chrono::days;
  const Profile& profile = user.profile();
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  int h = profile.day_start_hour;
  LocalSeconds local_now = platform::to_local(now);

  ReportInput in;
  in.today = roll_day(local_now, h);
  in.range = report_range(in.today, options.weeks);
  in.generated = format_local(local_now);
  in.version = ROLL_VERSION;
  in.day_start_hour = h;
  // A day's margin each side: the page judges each record by its own roll day.
  SysSeconds since =
      platform::from_local(LocalSeconds{(in.range.first - days{1}).time_since_epoch()});
  SessionQuery query;
  query.since = since;
  query.details = true;
  in.sessions = store.sessions(query);
  in.pain_stops = store.pain_stops(since, now + days{3});
  in.rest_days = injury_rest_days(store.injuries(true), platform::process_time_zone(), h);
  for (const auto& p : in.pain_stops)
    in.rest_days.insert(roll_day(LocalSeconds{(p.at + p.utc_offset).time_since_epoch()}, h));
  report_problems(ctx, store);

  std::string html = html_report(in);
  if (options.html == "-") {
    print_document(ctx, html);
    return exit_ok;
  }
  try {
    write_report(options.html, html);
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, e.what());
  }
  fmt::print(ctx.out, "Wrote {} ({} to {}).\n", sanitize(options.html), format_date(in.range.first),
             format_date(in.range.last));
  return exit_ok;
}

}  // namespace roll::cli
