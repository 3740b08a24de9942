#include "toml_reader.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <exception>
#include <utility>

#include "load_guard.hpp"
#include "roll/utf8.hpp"

namespace roll::detail {

namespace {

int clamp_position(std::uint32_t value) {
  return value > static_cast<std::uint32_t>(INT_MAX) ? INT_MAX : static_cast<int>(value);
}

}  // namespace

SourceRange range_of(const toml::source_region& region) {
  return {clamp_position(region.begin.line), clamp_position(region.begin.column),
          clamp_position(region.end.line), clamp_position(region.end.column)};
}

bool before(const SourceRange& a, const SourceRange& b) {
  return std::pair(a.line, a.column) < std::pair(b.line, b.column);
}

std::vector<Entry> entries_of(const toml::table& table) {
  std::vector<Entry> entries;
  for (auto&& [key, node] : table) {
    entries.push_back(Entry{key.str(), range_of(key.source()), range_of(node.source()), &node});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return before(a.key_range, b.key_range); });
  return entries;
}

const Entry* find(const std::vector<Entry>& entries, std::string_view key) {
  for (const auto& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    case toml::node_type::none:
      break;
  }
  return "value";
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  if (text.size() <= kShown) return fmt::format("\"{}\"", text);
  return fmt::format("\"{}...\"", utf8::prefix_of_bytes(text, kShown));
}

std::string with_article(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", noun);
}

std::optional<toml::table> parse_guarded(std::string_view text, std::string_view file,
                                         std::vector<Diagnostic>& out) {
  auto fail = [&](SourceRange where, std::string message, std::string help) {
    if (!where.known()) where = kTopOfFile;
    out.push_back(Diagnostic{std::string(file), where, Severity::error, "syntax",
                             std::move(message), std::move(help)});
  };
  text = without_bom(text);
  if (auto problem = check_input(text)) {
    fail(problem->where, std::move(problem->message), std::move(problem->help));
    return std::nullopt;
  }
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    fail(range_of(e.source()), std::string(e.description()),
         "see https://toml.io/en/v1.0.0 for the file syntax");
  }
  return std::nullopt;
}

void sort_and_cap(std::vector<Diagnostic>& diagnostics, std::string_view file,
                  std::string_view rule) {
  sort_diagnostics(diagnostics);
  if (diagnostics.size() <= kMaxDiagnostics) return;
  std::size_t dropped = diagnostics.size() - kMaxDiagnostics;
  diagnostics.resize(kMaxDiagnostics);
  auto where = diagnostics.back().where;
  diagnostics.push_back(Diagnostic{std::string(file), where, Severity::error, std::string(rule),
                                   fmt::format("{} more problems not shown", dropped),
                                   "fix the ones above first"});
}

}  // namespace roll::detail
