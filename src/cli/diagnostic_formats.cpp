#include "cli/diagnostic_formats.hpp"

#include <fmt/color.h>
#include <fmt/core.h>
#include <toml++/toml.h>

#include <algorithm>
#include <utility>

#include "cli/json_output.hpp"
#include "platform/json.hpp"
#include "roll/fix.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using platform::to_json;

fmt::text_style severity_style(Severity severity) {
  switch (severity) {
    case Severity::error:
      return fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
    case Severity::warning:
      return fmt::fg(fmt::terminal_color::bright_yellow) | fmt::emphasis::bold;
    case Severity::info:
      return fmt::fg(fmt::terminal_color::bright_cyan) | fmt::emphasis::bold;
  }
  return {};
}

std::string styled(bool color, fmt::text_style style, std::string_view text) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

// The source line with a caret line under the diagnostic's range, gutter included.
std::string source_excerpt(const Diagnostic& d, std::string_view text, bool color) {
  std::string_view line = line_text(text, d.where.line);
  if (line.empty()) return {};
  auto start = byte_offset(line, 1, d.where.column);
  if (start == std::string_view::npos) start = line.size();
  std::size_t end = line.size();
  if (d.where.end_line == d.where.line && d.where.end_column > d.where.column) {
    end = std::min(byte_offset(line, 1, d.where.end_column), line.size());
  }
  // Widths are measured on sanitized text: that is what the terminal shows.
  std::size_t indent = display_width(sanitize(line.substr(0, start)));
  std::size_t width = end > start ? display_width(sanitize(line.substr(start, end - start))) : 1;
  std::string number = std::to_string(d.where.line);
  std::string gutter(number.size(), ' ');
  return fmt::format(
      " {} | {}\n {} | {}{}\n", number, sanitize(line), gutter, std::string(indent, ' '),
      styled(color, severity_style(d.severity), std::string(std::max<std::size_t>(width, 1), '^')));
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "error";
}

// A path as a URI reference (absolute paths as file:// URIs): unreserved characters and '/' as
// they are, everything else percent-encoded.
std::string uri_of(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
  }
  return out;
}

std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* github_command(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "notice";
  }
  return "error";
}

}  // namespace

std::string format_text(const std::vector<Diagnostic>& diagnostics, const SourceTexts& sources,
                        bool color) {
  std::string out;
  for (const auto& d : diagnostics) {
    std::string where = sanitize(d.file);
    if (d.where.known()) where += fmt::format(":{}:{}", d.where.line, d.where.column);
    out += fmt::format("{}: {}: {}\n", styled(color, fmt::emphasis::bold, where),
                       styled(color, severity_style(d.severity),
                              fmt::format("{}[{}]", severity_name(d.severity), d.rule)),
                       sanitize(d.message));
    if (auto it = sources.find(d.file); it != sources.end() && d.where.known()) {
      out += source_excerpt(d, it->second, color);
    }
    if (!d.help.empty()) out += fmt::format("  help: {}\n", sanitize(d.help));
    if (const Rule* rule = find_rule(d.rule); rule && !rule->article.empty()) {
      out += fmt::format("  see: {}: {} (`roll explain {}`)\n", rule->article, rule->quote,
                         rule->name);
    }
  }
  return out;
}

std::string format_summary(const std::vector<Diagnostic>& diagnostics, std::size_t files) {
  std::size_t errors = 0, warnings = 0, infos = 0;
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) ++errors;
    if (d.severity == Severity::warning) ++warnings;
    if (d.severity == Severity::info) ++infos;
  }
  if (errors + warnings + infos == 0)
    return fmt::format("no problems in {}\n", plural(files, "file"));
  std::vector<std::string> parts;
  if (errors) parts.push_back(plural(errors, "error"));
  if (warnings) parts.push_back(plural(warnings, "warning"));
  if (infos) parts.push_back(plural(infos, "note"));
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) joined += (i ? ", " : "") + parts[i];
  return fmt::format("{} in {}\n", joined, plural(files, "file"));
}

std::string format_json(const std::vector<Diagnostic>& diagnostics) {
  toml::array list;
  for (const auto& d : diagnostics) {
    toml::table item{{"file", d.file},
                     {"severity", severity_name(d.severity)},
                     {"rule", d.rule},
                     {"message", d.message},
                     {"help", d.help}};
    // A diagnostic about the whole file (it cannot be read) has no position: the keys are left
    // out rather than given a line 0 that no editor can jump to (docs/json.md).
    if (d.where.known()) {
      item.insert("line", d.where.line);
      item.insert("column", d.where.column);
      if (d.where.end_line > 0) {
        item.insert("end_line", d.where.end_line);
        item.insert("end_column", d.where.end_column);
      }
    }
    list.push_back(std::move(item));
  }
  return to_json(toml::table{{"version", kJsonVersion}, {"diagnostics", std::move(list)}}) + "\n";
}

std::string format_sarif(const std::vector<Diagnostic>& diagnostics, std::string_view version) {
  toml::array rules;
  for (const Rule& rule : all_rules()) {
    std::string full(rule.rationale);
    if (!rule.article.empty()) full += fmt::format(" ({}: {})", rule.article, rule.quote);
    rules.push_back(toml::table{
        {"id", std::string(rule.name)},
        {"name", sarif_rule_name(rule.name)},
        {"shortDescription", toml::table{{"text", std::string(rule.summary)}}},
        {"fullDescription", toml::table{{"text", full}}},
        {"help", toml::table{{"text", std::string(rule.fix)}}},
        {"defaultConfiguration", toml::table{{"level", sarif_level(rule.severity)}}},
        {"properties", toml::table{{"category", rule_kind_name(rule.kind)}}},
    });
  }
  toml::array results;
  for (const auto& d : diagnostics) {
    toml::table physical{{"artifactLocation", toml::table{{"uri", uri_of(d.file)}}}};
    if (d.where.known()) {
      toml::table region{{"startLine", d.where.line}, {"startColumn", d.where.column}};
      if (d.where.end_line > 0) {
        region.insert("endLine", d.where.end_line);
        region.insert("endColumn", d.where.end_column);
      }
      physical.insert("region", std::move(region));
    } else {
      // Code scanning needs a line to show a result at; a file that cannot be read is about the
      // file as a whole, so its first line.
      physical.insert("region", toml::table{{"startLine", 1}});
    }
    toml::table result{
        {"ruleId", d.rule},
        {"level", sarif_level(d.severity)},
        {"message", toml::table{{"text", d.message}}},
        {"locations", toml::array{toml::table{{"physicalLocation", std::move(physical)}}}}};
    auto all = all_rules();
    auto it = std::find_if(all.begin(), all.end(), [&](const Rule& r) { return r.name == d.rule; });
    if (it != all.end()) result.insert("ruleIndex", static_cast<std::int64_t>(it - all.begin()));
    if (!d.help.empty()) result.insert("properties", toml::table{{"help", d.help}});
    results.push_back(std::move(result));
  }
  toml::table driver{
      {"name", "roll"}, {"version", std::string(version)}, {"rules", std::move(rules)}};
  // Columns count code points, as toml++'s source positions (and so every roll diagnostic) do.
  toml::table run{{"tool", toml::table{{"driver", std::move(driver)}}},
                  {"columnKind", "unicodeCodePoints"},
                  {"results", std::move(results)}};
  toml::table log{{"$schema",
                   "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                   "sarif-schema-2.1.0.json"},
                  {"version", "2.1.0"},
                  {"runs", toml::array{std::move(run)}}};
  return to_json(log) + "\n";
}

std::string github_escape_data(std::string_view text) {
  return escape(text, false);
}

std::string github_escape_property(std::string_view text) {
  return escape(text, true);
}

std::string format_github(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    std::string props = fmt::format("file={}", github_escape_property(sanitize(d.file)));
    if (d.where.known()) {
      props += fmt::format(",line={},col={}", d.where.line, d.where.column);
      if (d.where.end_line > 0) {
        props += fmt::format(",endLine={},endColumn={}", d.where.end_line, d.where.end_column);
      }
    }
    props += fmt::format(",title={}", github_escape_property(d.rule));
    std::string message = sanitize(d.message, true);
    if (!d.help.empty()) message += "\nhelp: " + sanitize(d.help, true);
    out += fmt::format("::{} {}::{}\n", github_command(d.severity), props,
                       github_escape_data(message));
  }
  return out;
}

std::string sarif_rule_name(std::string_view id) {
  // A one-word id would give itself back capitalised, which SARIF1001 counts as the same name
  // (it ignores case): those say what they are about instead.
  static constexpr std::pair<std::string_view, std::string_view> kOneWord[] = {
      {"syntax", "InvalidToml"},
      {"schema", "NotARoutine"},
      {"io", "UnreadableFile"},
  };
  for (auto [rule, name] : kOneWord)
    if (id == rule) return std::string(name);
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

}  // namespace roll::cli
