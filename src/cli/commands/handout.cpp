// roll handout ROUTINE -o FILE: a routine as one printable, self-contained HTML page
// (roll/handout.hpp builds it) that a physiotherapist hands to a patient.
#include "roll/handout.hpp"

#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/page_file.hpp"
#include "cli/routine_loading.hpp"
#include "cli/user_time.hpp"
#include "platform/atomic_file.hpp"
#include "platform/wall_clock.hpp"
#include "roll/lint.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

#ifndef ROLL_VERSION
#define ROLL_VERSION "0.0.0"
#endif

namespace roll::cli {

void declare_handout(CommandSpec& roll, HandoutOptions& options) {
  auto& cmd = roll.command("handout",
                           "Write a routine as one printable HTML page, a figure for every step");
  cmd.option("routine", options.routine,
             "A routine name (see `roll list`) or a path to a .toml file")
      .required()
      .completes(Completion::routine);
  cmd.option("--output,-o", options.output,
             "The HTML file to write (- for standard output); only a hand-out roll wrote is "
             "replaced")
      .required()
      .value_name("FILE")
      .completes(Completion::file);
  cmd.footer =
      "\nExamples:\n"
      "  roll handout thoracic -o thoracic.html\n"
      "  roll handout ./for-anna.toml --output anna.html\n"
      "  roll handout beginner -o - > beginner.html\n"
      "\nOne self-contained file (inline SVG and CSS, no scripts, nothing fetched) to print on "
      "A4:\n"
      "one page for a short routine (the bundled ones of up to five steps), two for up to twelve\n"
      "steps (roll says when a routine has more). The title, level and roller, then for each\n"
      "step its figure, name, dose in words, cue, pressure and the safety lines that apply, each\n"
      "with the article it comes from, and the second article's contraindications. It describes\n"
      "the routine as written: your profile is not read. A routine with lint errors is refused\n"
      "(exit 3), as `roll session` refuses it.";
}

int run_handout(Context& ctx, const HandoutOptions& options) {
  auto loaded = load_named_routine(ctx, options.routine);
  print_diagnostics(ctx, loaded.warnings);
  const Routine& routine = loaded.routine;
  // Judged as written, with no profile: the page is for whoever the routine is for.
  auto findings = lint_routine(routine, loaded.file.path.string());
  print_diagnostics(ctx, findings);
  if (has_errors(findings)) {
    throw Failure(exit_refused,
                  fmt::format("refusing to write a hand-out of '{}': it breaks the safety rules "
                              "above",
                              sanitize(routine.name)));
  }
  if (routine.steps.size() > kHandoutSteps) {
    fmt::print(ctx.err,
               "roll: note: {} steps; a hand-out holds {} on two A4 pages, so this one may print "
               "on more\n",
               routine.steps.size(), kHandoutSteps);
  }

  HandoutInput in;
  in.routine = routine;
  in.version = ROLL_VERSION;
  in.generated =
      format_date(std::chrono::floor<std::chrono::days>(platform::to_local(now_or_fail(ctx))));
  // The file's name alone: the page goes to someone else, the folder it sits in does not.
  in.file = loaded.file.path.filename().string();
  std::string html = handout_html(in);
  if (options.output == "-") {
    print_document(ctx, html);
    return exit_ok;
  }
  try {
    write_page(options.output, html, {"a hand-out roll wrote", is_roll_handout});
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, e.what());
  }
  fmt::print(ctx.out, "Wrote {} (the hand-out of {}: {}).\n", sanitize(options.output),
             sanitize(routine.name), plural(static_cast<int>(routine.steps.size()), "step"));
  return exit_ok;
}

}  // namespace roll::cli
