#include "roll/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace roll {

const char* severity_name(Severity severity) {
  // Views of string literals: data() is their whole text, NUL-terminated.
  return name_in(kSeverityNames, severity).data();
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.where.line, a.where.column, a.severity) <
           std::tie(b.file, b.where.line, b.where.column, b.severity);
  });
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace roll
