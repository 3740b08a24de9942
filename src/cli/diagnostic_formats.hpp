#pragma once
// The linter's output formats as pure string builders, so each is unit-tested without running
// the binary: compiler-style text, the summary line, JSON, SARIF 2.1.0 and GitHub workflow
// commands. The text about the rules themselves (`roll explain`, `roll rules`) is rule_text.hpp.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/rules.hpp"

namespace roll::cli {

// File name -> contents, for the source line under each text diagnostic.
using SourceTexts = std::map<std::string, std::string, std::less<>>;

// "path:line:col: error[rule]: message", the source line with a caret under the range, "help:"
// and the article the rule rests on. Every piece of routine text goes through sanitize().
[[nodiscard]] std::string format_text(const std::vector<Diagnostic>& diagnostics,
                                      const SourceTexts& sources, bool color);

// "2 errors, 1 warning in 3 files", or "no problems in 3 files".
[[nodiscard]] std::string format_summary(const std::vector<Diagnostic>& diagnostics,
                                         std::size_t files);

// {"version": 1, "diagnostics": [{file, line, column, end_line, end_column, severity, rule,
// message, help}]}; the position keys only where the diagnostic has a position.
[[nodiscard]] std::string format_json(const std::vector<Diagnostic>& diagnostics);

// A SARIF 2.1.0 log with one run; every rule of the catalog in tool.driver.rules.
[[nodiscard]] std::string format_sarif(const std::vector<Diagnostic>& diagnostics,
                                       std::string_view version);

// SARIF's human rule name for a rule id, in PascalCase and different from the id even ignoring
// case (SARIF1001): "no-lumbar" -> "NoLumbar", "io" -> "UnreadableFile".
[[nodiscard]] std::string sarif_rule_name(std::string_view id);

// One "::error file=...,line=...,col=...,title=...::message" line per diagnostic.
[[nodiscard]] std::string format_github(const std::vector<Diagnostic>& diagnostics);

// GitHub workflow-command escaping: the message part, and property values (which also escape
// ':' and ',').
[[nodiscard]] std::string github_escape_data(std::string_view text);
[[nodiscard]] std::string github_escape_property(std::string_view text);

}  // namespace roll::cli
