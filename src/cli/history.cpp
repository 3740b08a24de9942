// roll history: the sessions recorded, newest first, as a table, JSON or CSV.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/history_common.hpp"
#include "cli/json_output.hpp"
#include "platform/wall_clock.hpp"
#include "roll/duration.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

struct Options {
  std::string since;
  int limit = 20;
  bool json = false;
  bool csv = false;
};

std::string minutes_seconds(int s) {
  return clock_time(std::chrono::seconds{s});
}

// RFC 4180: quote when needed, double the quotes.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void print_table(Context& ctx, const std::vector<SessionRecord>& rows) {
  if (rows.empty()) {
    fmt::print(ctx.out, "No sessions recorded yet. Start one with `roll session bedtime`.\n");
    return;
  }
  fmt::print(ctx.out, "{:<16}  {:<20}  {:<11}  {:>11}\n", "STARTED", "ROUTINE", "STATUS",
             "DONE/PLAN");
  for (const auto& r : rows) {
    std::string name = sanitize(r.routine_name);
    if (display_width(name) > 20) name = name.substr(0, 19) + "~";
    fmt::print(ctx.out, "{:<16}  {:<20}  {:<11}  {:>11}\n",
               format_local(platform::to_local(r.started_at)), name, status_name(r.status),
               fmt::format("{}/{}", minutes_seconds(r.completed_seconds),
                           minutes_seconds(r.planned_seconds)));
  }
}

void print_json_rows(Context& ctx, const std::vector<SessionRecord>& rows) {
  toml::array list;
  for (const auto& r : rows) {
    toml::table zones;
    for (const auto& [z, s] : r.zone_seconds) zones.insert(z, s);
    toml::array pressures;
    for (const auto& p : r.pressures)
      pressures.push_back(
          toml::table{{"at_seconds", p.at_seconds}, {"value", p.value}, {"zone", p.zone}});
    list.push_back(toml::table{{"id", r.id},
                               {"routine", r.routine_name},
                               {"title", r.routine_title},
                               {"started_at", format_utc(r.started_at)},
                               {"ended_at", format_utc(r.ended_at)},
                               {"status", status_name(r.status)},
                               {"planned_seconds", r.planned_seconds},
                               {"completed_seconds", r.completed_seconds},
                               {"zone_seconds", std::move(zones)},
                               {"pressures", std::move(pressures)}});
  }
  print_json(ctx, toml::table{{"sessions", std::move(list)}});
}

void print_csv(Context& ctx, const std::vector<SessionRecord>& rows) {
  std::string csv =
      "id,routine,title,started_at,ended_at,status,planned_seconds,completed_seconds\r\n";
  for (const auto& r : rows) {
    csv += fmt::format("{},{},{},{},{},{},{},{}\r\n", r.id, csv_field(r.routine_name),
                       csv_field(r.routine_title), format_utc(r.started_at), format_utc(r.ended_at),
                       status_name(r.status), r.planned_seconds, r.completed_seconds);
  }
  print_document(ctx, csv);
}

}  // namespace

void add_history_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("history", "Show the sessions you have done, newest first");
  auto opt = std::make_shared<Options>();
  cmd->add_option("--since", opt->since,
                  "Only sessions started on or after this local date or time (2026-11-01)");
  cmd->add_option("--limit", opt->limit, "At most this many sessions; 0 for all")
      ->capture_default_str()
      ->check(zero_or_more());
  auto* json = cmd->add_flag("--json", opt->json, "Print JSON (times in UTC, ISO 8601)");
  cmd->add_flag("--csv", opt->csv, "Print CSV with a header row (times in UTC)")->excludes(json);
  cmd->footer(
      "\nExamples:\n"
      "  roll history\n"
      "  roll history --since 2026-11-01 --limit 0 --csv > rolls.csv\n"
      "  roll history --json | jq '.sessions[0].status'\n"
      "\nA session whose process was killed shows as `unfinished`, never as `completed`.");
  cmd->callback([&ctx, opt] {
    platform::SessionQuery q;
    if (!opt->since.empty()) q.since = parse_user_time(opt->since, "--since");
    q.limit = opt->limit;
    q.details = opt->json;
    auto store = open_history(ctx);
    auto rows = store->sessions(q);
    if (opt->json) {
      print_json_rows(ctx, rows);
    } else if (opt->csv) {
      print_csv(ctx, rows);
    } else {
      print_table(ctx, rows);
    }
  });
}

}  // namespace roll::cli
