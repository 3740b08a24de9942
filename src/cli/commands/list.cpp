// roll list: every routine roll can run, bundled and the user's own.
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "platform/atomic_file.hpp"
#include "platform/routine_files.hpp"
#include "roll/duration.hpp"
#include "roll/limits.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/routine_listing.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

struct Row {
  platform::RoutineFile file;
  std::optional<RoutineListing> listing;  // set when the routine loads
  std::size_t lint_errors = 0;  // of a routine that loaded: what `roll session` would refuse
  std::size_t lint_warnings = 0;
};

Row make_row(platform::RoutineFile file) {
  Row row{std::move(file), std::nullopt};
  std::string text;
  try {
    text = platform::read_text_file(row.file.path, limits::max_file_bytes);
  } catch (const platform::FileError&) {
    return row;  // listed as having errors; `roll lint NAME` says which
  }
  auto loaded = load_routine(text, row.file.path.string());
  if (!loaded.routine) return row;
  row.listing = listing_of(*loaded.routine);
  auto findings = lint_routine(*loaded.routine, row.file.path.string());
  for (const auto& d : findings) {
    if (d.severity == Severity::error) ++row.lint_errors;
    if (d.severity == Severity::warning) ++row.lint_warnings;
  }
  return row;
}

std::string pad(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

std::string zones_cell(const Row& r) {
  std::string zones = fmt::format("{}", fmt::join(r.listing->zones, ", "));
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
    if (r.listing) {
      title_w = std::max(title_w, display_width(sanitize(r.listing->title)));
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
    if (!r.listing) {
      fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  run `roll lint {}`\n", name,
                 pad(cut_to_width("(has errors)", title_w, "~"), title_w), "-",
                 platform::origin_name(r.file.origin), sanitize(r.file.name));
      continue;
    }
    std::string title = cut_to_width(sanitize(r.listing->title), title_w, "~");
    fmt::print(ctx.out, "{}  {}  {:>6}  {:<8}  {}\n", name, pad(title, title_w),
               clock_time(r.listing->total), platform::origin_name(r.file.origin), zones_cell(r));
  }
}

void print_json_list(Context& ctx, const std::vector<Row>& rows) {
  toml::array list;
  for (const auto& r : rows) {
    toml::table item{{"name", r.file.name},
                     {"origin", platform::origin_name(r.file.origin)},
                     {"path", r.file.path.string()},
                     {"valid", r.listing.has_value()}};
    if (r.listing) {
      toml::array zones;
      for (auto& z : r.listing->zones) zones.push_back(z);
      item.insert("title", r.listing->title);
      item.insert("summary", r.listing->summary);
      item.insert("total_seconds",
                  std::chrono::duration_cast<std::chrono::seconds>(r.listing->total).count());
      item.insert("work_seconds",
                  std::chrono::duration_cast<std::chrono::seconds>(r.listing->work).count());
      item.insert("zones", std::move(zones));
      item.insert("lint_errors", static_cast<std::int64_t>(r.lint_errors));
      item.insert("lint_warnings", static_cast<std::int64_t>(r.lint_warnings));
    }
    list.push_back(std::move(item));
  }
  print_json(ctx, toml::table{{"routines", std::move(list)}});
}

}  // namespace

void declare_list(CommandSpec& roll, ListOptions& opts) {
  auto& cmd = roll.command("list", "List the routines you can run, bundled and your own");
  cmd.flag("--json", opts.json, "Print JSON instead of a table");
  declare_no_cache(cmd);
  cmd.footer =
      "\nExamples:\n"
      "  roll list\n"
      "  roll list --json | jq -r '.routines[].name'\n"
      "\nYour own routines live in $XDG_CONFIG_HOME/roll/routines (default ~/.config/roll/routines)"
      "\nand win over bundled routines of the same name.";
}

int run_list(Context& ctx, const ListOptions& opts) {
  std::vector<Row> rows;
  for (auto& file : platform::discover_routines(ctx.env)) rows.push_back(make_row(std::move(file)));
  if (opts.json) {
    print_json_list(ctx, rows);
  } else {
    print_table(ctx, rows);
  }
  return exit_ok;
}

}  // namespace roll::cli
