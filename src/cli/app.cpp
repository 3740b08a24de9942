#include "cli/app.hpp"

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iterator>
#include <sstream>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cli/broken_pipe.hpp"
#include "cli/color.hpp"
#include "cli/commands.hpp"
#include "cli/commands/today.hpp"
#include "cli/user_data.hpp"
#include "platform/history_store.hpp"
#include "roll/suggest.hpp"
#include "roll/text.hpp"

#ifndef ROLL_VERSION
#define ROLL_VERSION "0.0.0"
#endif

namespace roll::cli {

namespace {

constexpr const char* kExamples = R"(
With no command, roll says what to do today: due or done, the streak, what limits today and one
routine to start (`roll --json` for scripts).

Examples:
  roll                           today: due or done, and what to roll
  roll list                      the routines you can run
  roll show thoracic             every step of a routine, with its timing
  roll session thoracic          a guided session, step by step
  roll lint my-routine.toml      check your own routine against the articles

Exit status: 0 ok, 1 findings, 2 usage or input error, 3 refused for safety, 130 interrupted.
)";

// CLI11 prints its own messages (help, and errors that echo what was typed: "--format: \x1b[2J not
// in {text,...}"), so they are caught here and pass the sanitizer like every other line.
int exit_through_sanitizer(CLI::App& app, const CLI::Error& e, Context& ctx) {
  std::ostringstream out, err;
  int code = app.exit(e, out, err);
  fmt::print(ctx.out, "{}", sanitize_document(out.str()));
  fmt::print(ctx.err, "{}", sanitize_document(err.str()));
  return code;
}

// An error line may carry a path or a value from anywhere; already-sanitized text passes
// unchanged, so sanitizing here again is free of double escapes.
void print_error(Context& ctx, std::string_view prefix, std::string_view message) {
  fmt::print(ctx.err, "roll: {}{}\n", prefix, sanitize(message, true));
}

// The deepest command the parse reached: "roll injury add" for `roll injury add --hors 3`.
CLI::App* innermost(CLI::App* app) {
  for (;;) {
    auto used = app->get_subcommands();
    if (used.empty()) return app;
    app = used.front();
  }
}

std::string command_path(const CLI::App* app) {
  std::string path;
  for (; app != nullptr; app = app->get_parent()) {
    path = path.empty() ? app->get_name() : app->get_name() + " " + path;
  }
  return path;
}

// CLI11's message in the house style: "roll: ...", sanitized, and for a word it did not expect,
// the nearest option of that command (or a parent's: --color works everywhere).
std::string parse_error_message(CLI::App& app, const CLI::ParseError& e) {
  CLI::App* cmd = innermost(&app);
  std::string help = fmt::format("run `{} --help` for the options", command_path(cmd));
  if (dynamic_cast<const CLI::ExtrasError*>(&e) == nullptr) {
    return fmt::format("{}; {}", sanitize(e.what()), help);
  }
  std::vector<std::string> extras = app.remaining();
  for (CLI::App* c = cmd; c != nullptr && extras.empty(); c = c->get_parent()) {
    extras = c->remaining();
  }
  std::string word = extras.empty() ? std::string() : extras.front();
  if (word.empty() || word.front() != '-') {
    return fmt::format("unexpected argument '{}' for '{}'; {}", sanitize(word), command_path(cmd),
                       help);
  }
  std::string flag = word.substr(0, word.find('='));
  std::vector<std::string> names;
  for (CLI::App* c = cmd; c != nullptr; c = c->get_parent()) {
    for (const CLI::Option* opt : c->get_options()) {
      if (opt->get_group().empty()) continue;
      for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    }
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string near = closest_match(flag, views);
  return fmt::format("unknown option '{}' for '{}'; {}", sanitize(flag), command_path(cmd),
                     near.empty() ? help : fmt::format("did you mean '{}'?", near));
}

// The options of every command, alive for the whole parse; only the named command's are bound.
struct AllOptions {
  ListOptions list;
  ShowOptions show;
  LintOptions lint;
  ExplainOptions explain;
  RulesOptions rules;
  RemindOptions remind;
  InjuryOptions injury;
  NewOptions new_;
  CompletionOptions completion;
  DueOptions due;
  LevelOptions level;
  SuggestOptions suggest;
  ReportOptions report;
  SyncOptions sync;
  StatsOptions stats;
  HistoryOptions history;
  SessionOptions session;
};

using Adder = void (*)(CLI::App&, std::string_view, Context&, UserData&, AllOptions&);

// A command in the declare_x/run_x shape: declare it, then run it from its callback, handing it
// the run's profile and history when its run_x takes them.
template <auto Member, auto Declare, auto Run>
void add(CLI::App& app, std::string_view name, Context& ctx, UserData& user, AllOptions& all) {
  auto& opts = all.*Member;
  Declare(app, opts);
  app.get_subcommand(std::string(name))->callback([&ctx, &user, &opts] {
    if constexpr (std::is_invocable_v<decltype(Run), Context&, UserData&, decltype(opts)>) {
      ctx.exit_code = Run(ctx, user, opts);
    } else {
      ctx.exit_code = Run(ctx, opts);
    }
  });
}

int output_failed(Context& ctx) {
  int err = errno;
  fmt::print(ctx.err, "roll: cannot write the output to standard output: {}\n",
             err != 0 ? std::strerror(err) : "write error");
  return exit_usage;
}

}  // namespace

int run(const std::vector<std::string>& args, Context& ctx) {
  return run(args, ctx, user_data_files());
}

int run(const std::vector<std::string>& args, Context& ctx, UserDataSource& source) {
  CLI::App app{"roll: a coach for safe foam-roller back work", "roll"};
  app.set_version_flag("--version", "roll " ROLL_VERSION);
  app.footer(kExamples);
  app.require_subcommand(0, 1);  // none: the today view
  TodayOptions today_options;
  declare_today(app, today_options);
  app.fallthrough(false);

  static constexpr std::pair<std::string_view, Adder> kCommands[] = {
      {"list", add<&AllOptions::list, declare_list, run_list>},
      {"show", add<&AllOptions::show, declare_show, run_show>},
      {"session", add<&AllOptions::session, declare_session, run_session>},
      {"lint", add<&AllOptions::lint, declare_lint, run_lint>},
      {"explain", add<&AllOptions::explain, declare_explain, run_explain>},
      {"rules", add<&AllOptions::rules, declare_rules, run_rules>},
      {"history", add<&AllOptions::history, declare_history, run_history>},
      {"stats", add<&AllOptions::stats, declare_stats, run_stats>},
      {"due", add<&AllOptions::due, declare_due, run_due>},
      {"remind", add<&AllOptions::remind, declare_remind, run_remind>},
      {"injury", add<&AllOptions::injury, declare_injury, run_injury>},
      {"completion", add<&AllOptions::completion, declare_completion, run_completion>},
      {"new", add<&AllOptions::new_, declare_new, run_new>},
      {"suggest", add<&AllOptions::suggest, declare_suggest, run_suggest>},
      {"level", add<&AllOptions::level, declare_level, run_level>},
      {"report", add<&AllOptions::report, declare_report, run_report>},
      {"sync", add<&AllOptions::sync, declare_sync, run_sync>},
  };
  // Building every command's options is a quarter of what `roll due` costs (callgrind; see
  // tests/bench/RESULTS.md), so a run that starts with a command's name builds that one only.
  // Anything else (help, a misspelt command, a global option first) gets the whole tree, and so
  // does completion, which is generated from it.
  std::string_view first = args.empty() ? std::string_view() : std::string_view(args.front());
  bool known = std::any_of(std::begin(kCommands), std::end(kCommands),
                           [&](const auto& c) { return c.first == first; });
  if (!known && !first.empty() && first.front() != '-') {
    // CLI11 would only say "A subcommand is required", which hides the typo.
    std::vector<std::string_view> names;
    for (const auto& c : kCommands) names.push_back(c.first);
    std::string near = closest_match(first, names);
    fmt::print(ctx.err, "roll: unknown command '{}'; {}\n", sanitize(first),
               near.empty() ? std::string("run roll --help for the commands")
                            : fmt::format("did you mean 'roll {}'?", near));
    return exit_usage;
  }
  bool one = known && first != "completion";
  // Bare `roll` (and `roll --json`) is the today view: no command's options to build at all.
  bool bare = args.empty() || (args.size() == 1 && first == "--json");
  AllOptions options;
  // Read or opened when a command first asks, and closed when the run ends.
  UserData user(ctx, source);
  for (const auto& [name, adder] : kCommands) {
    if (!bare && (!one || name == first)) adder(app, name, ctx, user, options);
  }
  // After every command: it reaches them all.
  add_color_option(app, ctx);

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them backwards
    app.parse(reversed);
    if (app.get_subcommands().empty()) {
      ctx.exit_code = run_today(ctx, user, today_options);
    } else if (today_options.json) {
      throw Failure(exit_usage,
                    "--json before the command is the today view's; write it after "
                    "the command (roll history --json)");
    }
  } catch (const CLI::Success& e) {
    int code = exit_through_sanitizer(app, e, ctx);
    if (flush_hit_broken_pipe(ctx.out)) return exit_ok;
    if (std::ferror(ctx.out)) return output_failed(ctx);
    return code;
  } catch (const CLI::ParseError& e) {
    fmt::print(ctx.err, "roll: {}\n", parse_error_message(app, e));
    return exit_usage;  // CLI11's own codes (105, 106, 109, ...) are all usage errors to us.
  } catch (const Failure& e) {
    std::fflush(ctx.out);
    print_error(ctx, "", e.what());
    return e.code;
  } catch (const platform::HistoryError& e) {
    // A full disk or a read-only directory, found in the middle of a command or a session.
    std::fflush(ctx.out);
    print_error(ctx, "", e.what());
    return exit_usage;
  } catch (const std::exception& e) {
    if (is_broken_pipe(e) || flush_hit_broken_pipe(ctx.out)) return exit_ok;
    if (std::ferror(ctx.out)) return output_failed(ctx);
    print_error(ctx, "internal error: ", e.what());
    return exit_usage;
  }
  // One place for every command: output that did not reach stdout (a full disk, /dev/full, an
  // I/O error) is an error, not a success with the data lost. A closed pipe stays a normal end.
  if (flush_hit_broken_pipe(ctx.out)) return exit_ok;
  if (std::ferror(ctx.out)) return output_failed(ctx);
  return ctx.exit_code;
}

}  // namespace roll::cli
