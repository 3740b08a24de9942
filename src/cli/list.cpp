// roll list: every routine roll can run, bundled and the user's own.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/routine_summary.hpp"
#include "platform/catalog.hpp"
#include "roll/duration.hpp"
#include "roll/plan.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

struct Row {
  platform::RoutineFile file;
  LoadResult loaded;
  Plan plan;
};

std::string pad(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

void print_table(Context& ctx, const std::vector<Row>& rows) {
  if (rows.empty()) {
    fmt::print(ctx.out, "No routines found. Put your own in {}\n",
               sanitize(ctx.env.user_routines_dir().string()));
    return;
  }
  std::size_t name_w = 4, title_w = 5;
  for (const auto& r : rows) {
    name_w = std::max(name_w, display_width(sanitize(r.file.name)));
    if (r.loaded.routine)
      title_w = std::max(title_w, display_width(sanitize(r.loaded.routine->title)));
  }
  title_w = std::min<std::size_t>(title_w, 40);
  fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  {}\n", pad("NAME", name_w), pad("TITLE", title_w),
             "TIME", "ORIGIN", "ZONES");
  for (const auto& r : rows) {
    std::string name = pad(sanitize(r.file.name), name_w);
    if (!r.loaded.routine) {
      fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  run `roll lint {}`\n", name,
                 pad("(has errors)", title_w), "-", platform::origin_name(r.file.origin),
                 sanitize(r.file.name));
      continue;
    }
    std::string title = sanitize(r.loaded.routine->title);
    if (display_width(title) > title_w) title = title.substr(0, title_w - 1) + "~";
    fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  {}\n", name, pad(title, title_w),
               clock_time(r.plan.total), platform::origin_name(r.file.origin),
               fmt::join(zones_in_order(*r.loaded.routine), ", "));
  }
}

void print_json_list(Context& ctx, const std::vector<Row>& rows) {
  toml::array list;
  for (const auto& r : rows) {
    toml::table item{{"name", r.file.name},
                     {"origin", platform::origin_name(r.file.origin)},
                     {"path", r.file.path.string()},
                     {"valid", r.loaded.routine.has_value()}};
    if (r.loaded.routine) {
      toml::array zones;
      for (auto& z : zones_in_order(*r.loaded.routine)) zones.push_back(z);
      item.insert("title", r.loaded.routine->title);
      item.insert("summary", r.loaded.routine->summary);
      item.insert("total_seconds",
                  std::chrono::duration_cast<std::chrono::seconds>(r.plan.total).count());
      item.insert("work_seconds",
                  std::chrono::duration_cast<std::chrono::seconds>(r.plan.work).count());
      item.insert("zones", std::move(zones));
    }
    list.push_back(std::move(item));
  }
  print_json(ctx, list);
}

}  // namespace

void add_list_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("list", "List the routines you can run, bundled and your own");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print a JSON array instead of a table");
  cmd->footer(
      "\nExamples:\n"
      "  roll list\n"
      "  roll list --json | jq -r '.[].name'\n"
      "\nYour own routines live in $XDG_CONFIG_HOME/roll/routines (default ~/.config/roll/routines)"
      "\nand win over bundled routines of the same name.");
  cmd->callback([&ctx, json] {
    std::vector<Row> rows;
    for (auto& file : platform::discover_routines(ctx.env)) {
      auto loaded = platform::load_routine_file(file.path);
      Plan plan = loaded.routine ? make_plan(*loaded.routine) : Plan{};
      rows.push_back(Row{std::move(file), std::move(loaded), std::move(plan)});
    }
    if (*json) {
      print_json_list(ctx, rows);
    } else {
      print_table(ctx, rows);
    }
  });
}

}  // namespace roll::cli
