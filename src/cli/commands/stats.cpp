// roll stats: streaks, the calendar heatmap, minutes per week and per zone, the before/after
// ratings, pressure readings and pain stops (drawn by cli/stats_pictures.cpp).
#include "roll/stats.hpp"

#include <fmt/color.h>
#include <fmt/core.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/outcome_trends.hpp"
#include "cli/prescription_follow.hpp"
#include "cli/routine_loading.hpp"
#include "cli/stats_pictures.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/wall_clock.hpp"
#include "roll/due.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using namespace std::chrono;

void print_json_stats(Context& ctx, const Stats& st, const StatsReadings& readings,
                      const std::optional<PrescriptionToday>& rx, const OutcomeTrends& trends) {
  toml::array weeks;
  for (const auto& w : st.weeks)
    weeks.push_back(toml::table{{"week_start", format_date(w.week_start)},
                                {"sessions", w.sessions},
                                {"completed", w.completed},
                                {"minutes", rounded_minutes(w.seconds)},
                                {"seconds", w.seconds}});
  toml::table zones;
  std::int64_t roller_total = 0;
  for (const auto& [z, s] : st.zone_seconds) {
    auto roller = st.roller_seconds.contains(z) ? st.roller_seconds.at(z) : std::int64_t{0};
    roller_total += roller;
    zones.insert(z, toml::table{{"minutes", rounded_minutes(s)},
                                {"seconds", s},
                                {"roller_minutes", rounded_minutes(roller)},
                                {"roller_seconds", roller}});
  }
  // On the roller: from the sessions that recorded it; the others are counted, never guessed.
  toml::table roller{{"minutes", rounded_minutes(roller_total)},
                     {"seconds", roller_total},
                     {"sessions_not_recorded", st.roller_not_recorded}};
  toml::array days;
  for (const auto& d : st.days)
    days.push_back(toml::table{{"date", format_date(d.day)},
                               {"sessions", d.sessions},
                               {"completed", d.completed},
                               {"seconds", d.seconds},
                               {"rest", d.rest}});
  toml::table doc{{"current_streak", st.streaks.current},
                  {"longest_streak", st.streaks.longest},
                  {"day_start_hour", st.day_start_hour},
                  {"total_sessions", st.total_sessions},
                  {"total_completed", st.total_completed},
                  {"weeks", std::move(weeks)},
                  {"zones", std::move(zones)},
                  {"roller", std::move(roller)},
                  {"days", std::move(days)}};
  add_readings_json(doc, readings, st.day_start_hour);
  if (rx) doc.insert("prescription", prescription_json(*rx));
  doc.insert("outcomes", outcomes_json(trends));
  print_json(ctx, std::move(doc));
}

}  // namespace

void declare_stats(CommandSpec& roll, StatsOptions& opts) {
  auto& cmd = roll.command(
      "stats",
      "Streaks, a calendar, minutes per week and zone, pain before and after, ratings, pressure "
      "and pain stops");
  cmd.option("--weeks", opts.weeks, "How many weeks the totals and the heatmap cover")
      .show_default()
      .between(1, 520);
  cmd.flag("--json", opts.json,
           "Print a JSON object (current_streak, longest_streak, weeks, zones, roller, days, "
           "ratings, pain, pressures, pain_stops, outcomes, and prescription while one is active)");
  cmd.footer =
      "\nExamples:\n"
      "  roll stats\n"
      "  roll stats --weeks 52\n"
      "  roll stats --json | jq .current_streak\n"
      "  roll stats --json | jq .roller.minutes    minutes on the roller itself\n"
      "  roll stats --json | jq '.pain[] | select(.rise_flagged)'   pain up 2 or more\n"
      "  roll stats --json | jq .outcomes.psfs.words\n"
      "\nA day with a completed session keeps the streak (a partial session or a --speed "
      "rehearsal\n"
      "does not); days within 72 h of a recorded injury and days that ended in a pain stop do "
      "not\n"
      "break it. The day starts at `day_start` from config.toml (default 04:00).\n"
      "With a prescription (roll prescription add), its adherence comes first: sessions done\n"
      "against sessions prescribed, per week and in all, the days safety stopped excused.\n"
      "Minutes per zone count a step's whole time, movement off the roller (cat-cow) included;\n"
      "minutes on the roller count the steps on it only. A session from before roll kept them,\n"
      "or logged with `history add --minutes`, has them not recorded: counted, never guessed.\n"
      "Since you started: pain before and after sessions (the first week's average against the\n"
      "last week's; meaningful at 2 points or 30%, Ostelo et al. 2008) and the PSFS (your first\n"
      "answer against the latest; meaningful at 2.0 points on the mean, the figure usually cited\n"
      "from Stratford et al. 1995).";
}

int run_stats(Context& ctx, UserData& user, const StatsOptions& opts) {
  const Profile& profile = user.profile();
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  Stats st =
      gather_stats(store, platform::process_time_zone(), now, profile.day_start_hour, opts.weeks);
  StatsReadings readings = gather_readings(store, st, now);
  // The active prescription's adherence, first: what a clinician asks about.
  std::optional<PrescriptionToday> rx;
  if (store.active_prescription()) {
    const auto& zone = platform::process_time_zone();
    DueToday due = due_today(store, zone, now, profile.day_start_hour);
    // The bundled routines: an injury guarding a prescribed routine's zones excuses today here
    // as in `roll due`.
    std::vector<Routine> routines = load_bundled_routines(ctx.env);
    rx = follow_active_prescription(store, profile, due, &routines, now, zone.to_local(now));
  }
  // Pain and the PSFS since the first rating, flagged where the change is meaningful.
  OutcomeTrends trends = gather_outcomes(store, profile.day_start_hour);
  report_problems(ctx, store);
  LocalDays today = roll_day(platform::to_local(now), profile.day_start_hour);
  if (opts.json) {
    print_json_stats(ctx, st, readings, rx, trends);
  } else {
    if (rx) {
      fmt::print(ctx.out, "Prescription: {}\n", sanitize(rx->words));
      fmt::print(ctx.out, "  Adherence: {}\n", adherence_words(rx->adherence.total));
      for (const auto& w : rx->adherence.weeks) {
        fmt::print(ctx.out, "    week of {}: {}\n", format_date(w.week_start),
                   adherence_words(w.count));
      }
      fmt::print(ctx.out, "\n");
    }
    if (trends.any()) {
      std::size_t width = ctx.env.columns > 2 ? static_cast<std::size_t>(ctx.env.columns) : 80;
      fmt::print(ctx.out, "Since you started:\n");
      for (const auto& line : outcome_lines(trends)) {
        std::string text = wrap(sanitize(line), width - 2);
        for (std::size_t at = 0; (at = text.find('\n', at)) != std::string::npos; at += 3)
          text.replace(at, 1, "\n  ");
        fmt::print(ctx.out, "  {}\n", text);
      }
      fmt::print(ctx.out, "\n");
    }
    print_stats_text(ctx, st, readings, today);
  }
  return exit_ok;
}

}  // namespace roll::cli
