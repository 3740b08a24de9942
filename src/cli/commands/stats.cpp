// roll stats: streaks, weekly totals, minutes per zone and a calendar heatmap.
#include <fmt/color.h>
#include <fmt/core.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/history_common.hpp"
#include "cli/json_output.hpp"
#include "platform/wall_clock.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using namespace std::chrono;

int minutes_of(int seconds) {
  return (seconds + 30) / 60;
}

// One character per day: nothing, tried, and three levels of minutes rolled.
std::string cell(Context& ctx, const DayTotal& d, bool future) {
  if (future) return " ";
  if (d.completed == 0) {
    if (d.rest) return ctx.color ? fmt::format(fg(fmt::color::steel_blue), "+") : "+";
    if (d.sessions > 0) return ctx.color ? fmt::format(fg(fmt::color::dark_khaki), "x") : "x";
    return ctx.color ? fmt::format(fg(fmt::color::dim_gray), "·") : ".";
  }
  int m = minutes_of(d.seconds);
  static constexpr const char* kLevels[] = {"░", "▒", "▓", "█"};
  int level = m < 5 ? 0 : m < 10 ? 1 : m < 20 ? 2 : 3;
  if (!ctx.color) return kLevels[level];
  static constexpr fmt::color kShades[] = {fmt::color::dark_green, fmt::color::forest_green,
                                           fmt::color::lime_green, fmt::color::light_green};
  return fmt::format(fg(kShades[level]), "{}", kLevels[level]);
}

void print_text(Context& ctx, const Stats& st, LocalDays today) {
  fmt::print(ctx.out,
             "Current streak: {} day{}   Longest: {} day{}   Sessions: {} ({} completed)\n",
             st.streaks.current, st.streaks.current == 1 ? "" : "s", st.streaks.longest,
             st.streaks.longest == 1 ? "" : "s", st.total_sessions, st.total_completed);
  fmt::print(ctx.out, "Days start at {:02}:00.\n\n", st.day_start_hour);

  // The heatmap: one column per week, one row per weekday, like a contributions graph.
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::size_t weeks = st.weeks.size();
  for (int row = 0; row < 7; ++row) {
    std::string line = fmt::format("{} ", kDays[row]);
    for (std::size_t w = 0; w < weeks; ++w) {
      const auto& d = st.days[w * 7 + static_cast<std::size_t>(row)];
      line += cell(ctx, d, d.day > today);
    }
    fmt::print(ctx.out, "{}\n", line);
  }
  fmt::print(
      ctx.out,
      "    . none  x started  + rest (injury, pain stop)  ░ <5 min  ▒ <10  ▓ <20  █ 20+\n\n");

  fmt::print(ctx.out, "{:<10}  {:>8}  {:>7}\n", "WEEK OF", "SESSIONS", "MINUTES");
  for (const auto& w : st.weeks)
    fmt::print(ctx.out, "{:<10}  {:>8}  {:>7}\n", format_date(w.week_start), w.completed,
               minutes_of(w.seconds));
  if (!st.zone_seconds.empty()) {
    std::vector<std::pair<std::string, int>> zones(st.zone_seconds.begin(), st.zone_seconds.end());
    std::stable_sort(zones.begin(), zones.end(),
                     [](auto& a, auto& b) { return a.second > b.second; });
    fmt::print(ctx.out, "\n{:<12}  {:>7}\n", "ZONE", "MINUTES");
    for (auto& [z, s] : zones) fmt::print(ctx.out, "{:<12}  {:>7}\n", sanitize(z), minutes_of(s));
  }
}

void print_json_stats(Context& ctx, const Stats& st) {
  toml::array weeks;
  for (const auto& w : st.weeks)
    weeks.push_back(toml::table{{"week_start", format_date(w.week_start)},
                                {"sessions", w.sessions},
                                {"completed", w.completed},
                                {"minutes", minutes_of(w.seconds)},
                                {"seconds", w.seconds}});
  toml::table zones;
  for (const auto& [z, s] : st.zone_seconds)
    zones.insert(z, toml::table{{"minutes", minutes_of(s)}, {"seconds", s}});
  toml::array days;
  for (const auto& d : st.days)
    days.push_back(toml::table{{"date", format_date(d.day)},
                               {"sessions", d.sessions},
                               {"completed", d.completed},
                               {"seconds", d.seconds},
                               {"rest", d.rest}});
  print_json(ctx, toml::table{{"current_streak", st.streaks.current},
                              {"longest_streak", st.streaks.longest},
                              {"day_start_hour", st.day_start_hour},
                              {"total_sessions", st.total_sessions},
                              {"total_completed", st.total_completed},
                              {"weeks", std::move(weeks)},
                              {"zones", std::move(zones)},
                              {"days", std::move(days)}});
}

}  // namespace

void add_stats_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "stats", "Streaks, weekly minutes, minutes per zone and a calendar heatmap");
  auto weeks = std::make_shared<int>(12);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--weeks", *weeks, "How many weeks the totals and the heatmap cover")
      ->capture_default_str()
      ->check(between(1, 520));
  cmd->add_flag("--json", *json,
                "Print a JSON object (current_streak, longest_streak, weeks, zones, days)");
  cmd->footer(
      "\nExamples:\n"
      "  roll stats\n"
      "  roll stats --weeks 52\n"
      "  roll stats --json | jq .current_streak\n"
      "\nA day with a completed session keeps the streak (a partial session or a --speed "
      "rehearsal\n"
      "does not); days within 72 h of a recorded injury and days that ended in a pain stop do "
      "not\n"
      "break it. The day starts at `day_start` from config.toml (default 04:00).");
  cmd->callback([&ctx, weeks, json] {
    Profile profile = load_profile_or_fail(ctx);
    SysSeconds now = now_or_fail(ctx);
    auto store = open_history(ctx);
    Stats st = gather_stats(*store, now, profile.day_start_hour, *weeks);
    report_problems(ctx, *store);
    LocalDays today = roll_day(platform::to_local(now), profile.day_start_hour);
    if (*json) {
      print_json_stats(ctx, st);
    } else {
      print_text(ctx, st, today);
    }
  });
}

}  // namespace roll::cli
