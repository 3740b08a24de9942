#include "roll/prescription_lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "roll/rules.hpp"

namespace roll {

namespace {

class Checker {
 public:
  Checker(const Prescription& p, std::string_view file) : p_(p), file_(file) {}

  std::vector<Diagnostic> run(const RoutineLookup& lookup) {
    check_times();
    check_dates();
    for (const auto& ref : p_.routines) check_routine(ref, lookup(ref));
    sort_diagnostics(out_);
    return std::move(out_);
  }

 private:
  const Prescription& p_;
  std::string_view file_;
  std::vector<Diagnostic> out_;

  void report(std::string_view rule_name, SourceRange where, std::string message,
              std::string help = {}) {
    const Rule* rule = find_rule(rule_name);
    if (!where.known()) where = {1, 1, 1, 1};
    if (help.empty()) help = std::string(rule->fix);
    out_.push_back(Diagnostic{std::string(file_), where, rule->severity, std::string(rule_name),
                              std::move(message), std::move(help)});
  }

  void check_times() {
    if (p_.times_per_day <= kMaxTimesPerDay) return;
    report("prescription-frequency", p_.source.value_at("times_per_day"),
           fmt::format("the prescription asks for {} sessions a day; the second article's dose "
                       "is 1-{} times a day",
                       p_.times_per_day, kMaxTimesPerDay));
  }

  void check_dates() {
    if (p_.until >= p_.from) return;
    auto days = (p_.from - p_.until).count();
    report("prescription-dates", p_.source.value_at("until"),
           fmt::format("the prescription ends ({}) {} day{} before it starts ({})",
                       format_day(p_.until), days, days == 1 ? "" : "s", format_day(p_.from)));
  }

  static std::string format_day(std::chrono::local_days day) {
    std::chrono::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  }

  void check_routine(const PrescribedRoutineRef& ref, const PrescribedRoutine& found) {
    if (!found.found) {
      report("prescription-routine", ref.where,
             ref.is_file ? fmt::format("no routine file \"{}\" beside the prescription", ref.text)
                         : fmt::format("no routine named \"{}\" (not a bundled routine, nor one of "
                                       "yours)",
                                       ref.text),
             found.suggestion.empty() ? std::string()
                                      : fmt::format("did you mean \"{}\"?", found.suggestion));
      return;
    }
    std::set<std::string> failed;
    int errors = 0;
    for (const auto& d : found.findings) {
      if (d.severity != Severity::error) continue;
      ++errors;
      failed.insert(d.rule);
    }
    if (errors > 0 || !found.routine) {
      report("prescription-routine-lint", ref.where,
             errors > 0 ? fmt::format("routine \"{}\" fails lint: {} error{} ({})", ref.text,
                                      errors, errors == 1 ? "" : "s", fmt::join(failed, ", "))
                        : fmt::format("routine \"{}\" could not be read", ref.text),
             fmt::format("`roll lint {}` shows where; prescribe a routine that passes", ref.text));
    }
    if (found.routine && p_.level == Level::beginner && found.routine->level == Level::advanced) {
      report("prescription-level", ref.where,
             fmt::format("a beginner is prescribed \"{}\", an advanced routine", ref.text));
    }
  }
};

}  // namespace

std::vector<Diagnostic> lint_prescription(const Prescription& prescription, std::string_view file,
                                          const RoutineLookup& lookup) {
  return Checker(prescription, file).run(lookup);
}

}  // namespace roll
