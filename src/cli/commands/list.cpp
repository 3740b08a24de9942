// roll list: every routine roll can run, bundled and the user's own.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "platform/routine_files.hpp"
#include "roll/duration.hpp"
#include "roll/lint.hpp"
#include "roll/plan.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

struct Row {
  platform::RoutineFile file;
  LoadResult loaded;
  Plan plan;
  std::size_t lint_errors = 0;  // of a routine that loaded: what `roll session` would refuse
  std::size_t lint_warnings = 0;
};

std::string pad(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

// The first `width` columns of sanitized text, one code point at a time, with '~' for the rest.
std::string cut(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 1;
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    std::string next = out + text.substr(i, len);
    if (display_width(next) + 1 > width) break;
    out = std::move(next);
    i += len;
  }
  return out + "~";
}

std::string zones_cell(const Row& r) {
  std::string zones = fmt::format("{}", fmt::join(zones_in_order(*r.loaded.routine), ", "));
  if (r.lint_errors > 0) {
    zones += fmt::format("  (fails lint: run `roll lint {}`)", sanitize(r.file.name));
  }
  return zones;
}

void print_table(Context& ctx, const std::vector<Row>& rows) {
  if (rows.empty()) {
    fmt::print(ctx.out, "No routines found. Put your own in {}\n",
               sanitize(ctx.env.user_routines_dir().string()));
    return;
  }
  std::size_t name_w = 4, title_w = 5, zones_w = 5;
  for (const auto& r : rows) {
    name_w = std::max(name_w, display_width(sanitize(r.file.name)));
    if (r.loaded.routine) {
      title_w = std::max(title_w, display_width(sanitize(r.loaded.routine->title)));
      zones_w = std::max(zones_w, display_width(zones_cell(r)));
    }
  }
  // Titles give way when the terminal is too narrow for every column, never below 12 columns
  // (roll's own choice); a pipe without $COLUMNS gets them whole.
  if (ctx.env.columns > 0) {
    std::size_t others = name_w + 2 + 2 + 6 + 2 + 8 + 2 + zones_w;
    auto columns = static_cast<std::size_t>(ctx.env.columns);
    std::size_t room = columns > others ? columns - others : 0;
    title_w = std::min(title_w, std::max<std::size_t>(room, 12));
  }
  fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  {}\n", pad("NAME", name_w), pad("TITLE", title_w),
             "TIME", "ORIGIN", "ZONES");
  for (const auto& r : rows) {
    std::string name = pad(sanitize(r.file.name), name_w);
    if (!r.loaded.routine) {
      fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  run `roll lint {}`\n", name,
                 pad(cut("(has errors)", title_w), title_w), "-",
                 platform::origin_name(r.file.origin), sanitize(r.file.name));
      continue;
    }
    std::string title = cut(sanitize(r.loaded.routine->title), title_w);
    fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  {}\n", name, pad(title, title_w),
               clock_time(r.plan.total), platform::origin_name(r.file.origin), zones_cell(r));
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
      item.insert("lint_errors", static_cast<std::int64_t>(r.lint_errors));
      item.insert("lint_warnings", static_cast<std::int64_t>(r.lint_warnings));
    }
    list.push_back(std::move(item));
  }
  print_json(ctx, toml::table{{"routines", std::move(list)}});
}

}  // namespace

void declare_list(CLI::App& app, ListOptions& opts) {
  auto* cmd = app.add_subcommand("list", "List the routines you can run, bundled and your own");
  cmd->add_flag("--json", opts.json, "Print JSON instead of a table");
  cmd->footer(
      "\nExamples:\n"
      "  roll list\n"
      "  roll list --json | jq -r '.routines[].name'\n"
      "\nYour own routines live in $XDG_CONFIG_HOME/roll/routines (default ~/.config/roll/routines)"
      "\nand win over bundled routines of the same name.");
}

int run_list(Context& ctx, const ListOptions& opts) {
  std::vector<Row> rows;
  for (auto& file : platform::discover_routines(ctx.env)) {
    auto loaded = platform::load_routine_file(file.path);
    Plan plan = loaded.routine ? make_plan(*loaded.routine) : Plan{};
    Row row{std::move(file), std::move(loaded), std::move(plan)};
    if (row.loaded.routine) {
      for (const auto& d : lint_routine(*row.loaded.routine, row.file.path.string())) {
        if (d.severity == Severity::error) ++row.lint_errors;
        if (d.severity == Severity::warning) ++row.lint_warnings;
      }
    }
    rows.push_back(std::move(row));
  }
  if (opts.json) {
    print_json_list(ctx, rows);
  } else {
    print_table(ctx, rows);
  }
  return exit_ok;
}

}  // namespace roll::cli
