#pragma once
// A finding about a routine (or the profile): where it is, how bad, which rule, and what to do.
// The loader, the linter and the profile reader all speak this one type, so every output format
// (text, JSON, SARIF, GitHub) is written once.
#include <string>
#include <vector>

#include "roll/name_table.hpp"

namespace roll {

// 1-based line and column, as editors count them; 0 means "no position known".
struct SourceRange {
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;

  [[nodiscard]] bool known() const { return line > 0; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

enum class Severity { error, warning, info };
inline constexpr NameTable<Severity, 3> kSeverityNames{{
    {Severity::error, "error"},
    {Severity::warning, "warning"},
    {Severity::info, "info"},
}};

struct Diagnostic {
  std::string file;
  SourceRange where;
  Severity severity = Severity::error;
  std::string rule;     // stable kebab-case name: "syntax", "schema", "no-lumbar", ...
  std::string message;  // one line that names the numbers involved
  std::string help;     // how to fix it
};

[[nodiscard]] const char* severity_name(Severity severity);

// Sorts by file, then position, then severity: the order compilers print in.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace roll
