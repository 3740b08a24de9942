// roll report --html FILE: the last weeks as one self-contained page (roll/report.hpp builds it)
// to print or hand to a physiotherapist.
#include "roll/report.hpp"

#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/page_file.hpp"
#include "cli/user_time.hpp"
#include "platform/atomic_file.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/routine_files.hpp"
#include "platform/wall_clock.hpp"
#include "roll/load.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"

#ifndef ROLL_VERSION
#define ROLL_VERSION "0.0.0"
#endif

namespace roll::cli {

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
      "readings, the routines done (each with the figure of its first step on the roller), and\n"
      "what completed and partial mean. It prints on A4.";
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
  // Each routine's figure, from its file as it reads now: a name the history holds is only looked
  // up when it is a routine name (never a path), and one that is gone or does not load has none.
  for (const auto& session : in.sessions) {
    const std::string& name = session.routine_name;
    if (in.figures.count(name) || !is_routine_name(name)) continue;
    auto file = platform::find_routine(ctx.env, name);
    if (!file) continue;
    auto loaded = platform::load_routine_file(file->path);
    if (loaded.routine) in.figures[name] = routine_figure(*loaded.routine);
  }

  std::string html = html_report(in);
  if (options.html == "-") {
    print_document(ctx, html);
    return exit_ok;
  }
  try {
    write_page(options.html, html, {"a report roll wrote", is_roll_report});
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, e.what());
  }
  fmt::print(ctx.out, "Wrote {} ({} to {}).\n", sanitize(options.html), format_date(in.range.first),
             format_date(in.range.last));
  return exit_ok;
}

}  // namespace roll::cli
