#include "cli/app.hpp"

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "platform/history_store.hpp"

#ifndef ROLL_VERSION
#define ROLL_VERSION "0.0.0"
#endif

namespace roll::cli {

namespace {

constexpr const char* kExamples = R"(
Examples:
  roll list                      the routines you can run
  roll show thoracic             every step of a routine, with its timing
  roll session thoracic          a guided session, step by step
  roll lint my-routine.toml      check your own routine against the articles

Exit status: 0 ok, 1 findings, 2 usage or input error, 3 refused for safety, 130 interrupted.
)";

}  // namespace

int run(int argc, char** argv) {
  ignore_sigpipe();
  Context ctx;
  ctx.env = platform::Environment::from_process();

  CLI::App app{"roll: a coach for safe foam-roller back work", "roll"};
  app.set_version_flag("--version", "roll " ROLL_VERSION);
  app.footer(kExamples);
  app.require_subcommand(1);
  app.fallthrough(false);

  add_list_command(app, ctx);
  add_show_command(app, ctx);
  add_session_command(app, ctx);
  add_lint_command(app, ctx);
  add_explain_command(app, ctx);
  add_rules_command(app, ctx);
  add_history_command(app, ctx);
  add_stats_command(app, ctx);
  add_due_command(app, ctx);
  add_remind_command(app, ctx);
  add_injury_command(app, ctx);
  add_completion_command(app, ctx);
  add_new_command(app, ctx);
  // After every command: it reaches them all.
  add_color_option(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;  // CLI11's own codes (105, 106, 109, ...) are all usage errors to us.
  } catch (const Failure& e) {
    std::fflush(ctx.out);
    fmt::print(ctx.err, "roll: {}\n", e.what());
    return e.code;
  } catch (const platform::HistoryError& e) {
    // A full disk or a read-only directory, found in the middle of a command or a session.
    std::fflush(ctx.out);
    fmt::print(ctx.err, "roll: {}\n", e.what());
    return exit_usage;
  } catch (const std::exception& e) {
    if (is_broken_pipe(e) || flush_hit_broken_pipe(ctx.out)) return exit_ok;
    fmt::print(ctx.err, "roll: internal error: {}\n", e.what());
    return exit_usage;
  }
  if (flush_hit_broken_pipe(ctx.out)) return exit_ok;
  return ctx.exit_code;
}

}  // namespace roll::cli
