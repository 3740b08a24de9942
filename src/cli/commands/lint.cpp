// roll lint [PATH...]: check routine files against the rules drawn from the articles, and
// prescription files (their first key `prescription = 1`) against the prescription rules.
#include "roll/lint.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/commands.hpp"
#include "cli/diagnostic_formats.hpp"
#include "cli/json_output.hpp"
#include "cli/prescription_checks.hpp"
#include "platform/atomic_file.hpp"
#include "platform/profile_file.hpp"
#include "platform/routine_files.hpp"
#include "roll/fix.hpp"
#include "roll/limits.hpp"
#include "roll/load.hpp"
#include "roll/plural.hpp"
#include "roll/prescription.hpp"
#include "roll/screening.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

namespace fs = std::filesystem;

Diagnostic io_problem(const std::string& path, std::string message) {
  return Diagnostic{path,
                    {},
                    Severity::error,
                    "io",
                    std::move(message),
                    "check the path and that it is readable"};
}

// Files named on the command line, every *.toml under directories named there, and routines
// named as `roll list` shows them (what `roll list` suggests for a routine with errors), in order.
void collect(const platform::Environment& env, const std::string& arg, std::vector<fs::path>& files,
             std::vector<Diagnostic>& io) {
  std::error_code ec;
  fs::path path(arg);
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    bool is_name = !arg.ends_with(".toml") && arg.find('/') == std::string::npos;
    if (auto routine = is_name ? platform::find_routine(env, arg) : std::nullopt) {
      files.push_back(routine->path);
      return;
    }
    auto nearest = is_name ? platform::nearest_routine_name(env, arg) : std::string();
    io.push_back(io_problem(
        arg,
        fmt::format("{}: no such file, directory or routine{}", sanitize(arg),
                    nearest.empty() ? std::string()
                                    : fmt::format(" (did you mean `{}`?)", sanitize(nearest)))));
    return;
  }
  if (!fs::is_directory(status)) {
    files.push_back(path);  // named explicitly: linted whatever its extension
    return;
  }
  std::vector<fs::path> found;
  fs::recursive_directory_iterator it(path, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code kind_ec;
    if (it->path().extension() == ".toml" && it->is_regular_file(kind_ec)) {
      found.push_back(it->path());
    }
  }
  if (ec) {
    io.push_back(io_problem(arg, fmt::format("{}: cannot read directory: {}", arg, ec.message())));
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

// Every finding for one routine's text.
std::vector<Diagnostic> check(const std::string& text, const std::string& name,
                              const std::optional<Profile>& profile) {
  auto loaded = load_routine(text, name);
  std::vector<Diagnostic> diagnostics = std::move(loaded.diagnostics);
  // A routine with structure errors is not linted: its model would be built from guesses.
  if (loaded.routine) {
    if (profile) loaded.routine = with_profile(std::move(*loaded.routine), *profile);
    auto found = lint_routine(*loaded.routine, name);
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  }
  sort_diagnostics(diagnostics);
  return diagnostics;
}

}  // namespace

int run_lint(Context& ctx, UserData& user, const LintOptions& options) {
  // The same rules for everyone unless asked: --profile judges the routines as this user, with
  // the profile's level and roller.
  std::optional<Profile> profile;
  if (options.profile) profile = user.profile();
  std::vector<fs::path> files;
  std::vector<Diagnostic> all;
  if (options.paths.empty()) {
    for (const auto& routine : platform::discover_routines(ctx.env)) files.push_back(routine.path);
  } else {
    for (const auto& arg : options.paths) collect(ctx.env, arg, files, all);
  }
  bool io_failed = !all.empty();

  SourceTexts sources;
  std::set<fs::path> seen;
  std::size_t checked = 0;
  for (const auto& path : files) {
    if (!seen.insert(path.lexically_normal()).second) continue;
    ++checked;
    std::string name = path.string();
    std::string text;
    try {
      text = platform::read_text_file(path, limits::max_file_bytes);
    } catch (const platform::FileError& e) {
      all.push_back(io_problem(name, e.what()));
      io_failed = true;
      continue;
    }
    // A prescription is judged at its own `level` (never the profile's) and has no safe fixes.
    if (is_prescription_text(text)) {
      auto diagnostics = check_prescription(ctx.env, text, path).diagnostics;
      if (!diagnostics.empty()) {
        all.insert(all.end(), diagnostics.begin(), diagnostics.end());
        sources.emplace(name, std::move(text));
      }
      continue;
    }
    auto diagnostics = check(text, name, profile);
    if (options.fix) {
      auto fixed = fix_routine_text(text, name, diagnostics);
      if (!fixed.fixed.empty()) {
        try {
          platform::replace_text_file(path, fixed.text, text);
          text = std::move(fixed.text);
          diagnostics = check(text, name, profile);
          fmt::print(ctx.err, "fixed {} in {}\n", plural(fixed.fixed.size(), "problem"),
                     sanitize(name));
        } catch (const platform::FileError& e) {
          all.push_back(io_problem(name, e.what()));
          io_failed = true;
        }
      }
    }
    if (!diagnostics.empty()) {
      all.insert(all.end(), diagnostics.begin(), diagnostics.end());
      sources.emplace(name, std::move(text));
    }
  }

  // Judged as this user, no routine is one to start while a condition is not cleared.
  if (profile) {
    if (std::string held = held_reason(*profile); !held.empty()) {
      all.push_back(Diagnostic{platform::profile_path(ctx.env).string(),
                               {1, 1, 1, 1},
                               Severity::error,
                               "profile",
                               fmt::format("no session for now: {}", held),
                               ""});
      std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.rule == "profile" && b.rule != "profile";
      });
    }
  }

  if (options.format == "json") {
    print_document(ctx, format_json(all));
  } else if (options.format == "sarif") {
    print_document(ctx, format_sarif(all, ROLL_VERSION));
  } else if (options.format == "github") {
    print_document(ctx, format_github(all));
  } else {
    fmt::print(ctx.out, "{}", format_text(all, sources, ctx.color));
    if (!all.empty()) fmt::print(ctx.out, "\n");
    fmt::print(ctx.out, "{}", format_summary(all, checked));
  }

  bool warnings = std::any_of(all.begin(), all.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::warning; });
  if (io_failed) return exit_usage;
  if (has_errors(all) || (options.strict && warnings)) return exit_findings;
  return exit_ok;
}

void declare_lint(CommandSpec& roll, LintOptions& options) {
  auto& cmd = roll.command(
      "lint", "Check routines and prescriptions against the safety and technique rules");
  cmd.option("path", options.paths,
             "Routine or prescription files, directories to search for *.toml, or routine names "
             "from `roll list` (default: every routine `roll list` sees)")
      .completes(Completion::routine_or_path);
  cmd.flag("--strict", options.strict, "Fail (exit 1) on warnings too, not only on errors");
  cmd.option("--format", options.format, "Output format")
      .choices({"text", "json", "sarif", "github"})
      .show_default();
  cmd.flag("--fix", options.fix,
           "Apply the safe fixes in place (intensity 8-10 becomes 7; three minutes of "
           "movement are appended when move-after fires), then report what is left");
  cmd.flag("--profile", options.profile,
           "Judge the routines with your profile's level and roller (config.toml), as a "
           "session does for a beginner; a condition not cleared is an error of its own");
  declare_no_cache(cmd);
  cmd.footer =
      "\nExamples:\n"
      "  roll lint my-routine.toml\n"
      "  roll lint thoracic                                  # a routine by name\n"
      "  roll lint --strict routines/\n"
      "  roll lint --profile thoracic                        # with your level and roller\n"
      "  roll lint --format github ~/.config/roll/routines   # annotations in GitHub Actions\n"
      "  roll lint thoracic-4-weeks.prescription.toml        # a clinician's prescription\n"
      "\nA file whose first key is `prescription = 1` is a prescription (docs/prescriptions.md):\n"
      "its schedule, dates and level are checked, and each routine it names is found and linted\n"
      "at the prescription's level. --fix and --profile leave prescriptions alone.\n"
      "\nExit status: 0 no errors (warnings allowed unless --strict), 1 errors, 2 a path could "
      "not be read.\nRun `roll explain RULE` for the reasons behind a rule.";
}

}  // namespace roll::cli
