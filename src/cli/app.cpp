#include "cli/app.hpp"

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "cli/broken_pipe.hpp"
#include "cli/color.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
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
// in {text,...}"), so they are caught here and pass the sanitizer like every other line; where the
// locale is not UTF-8, roll's own separators in the help ("·") get their ASCII stand-ins.
int exit_through_sanitizer(CLI::App& app, const CLI::Error& e, Context& ctx) {
  std::ostringstream out, err;
  int code = app.exit(e, out, err);
  auto shown = [&](const std::string& text) {
    std::string clean = sanitize_document(text);
    return ctx.env.utf8 ? clean : to_ascii(clean);
  };
  fmt::print(ctx.out, "{}", shown(out.str()));
  fmt::print(ctx.err, "{}", shown(err.str()));
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
// the nearest option of the command that refused it (--color is on every command), never the
// word itself: a parent's option is refused below it too.
std::string parse_error_message(CLI::App& app, const CLI::ParseError& e) {
  CLI::App* cmd = innermost(&app);
  std::string help = fmt::format("run `{} --help` for the options", command_path(cmd));
  if (dynamic_cast<const CLI::ExtrasError*>(&e) == nullptr) {
    return fmt::format("{}; {}", sanitize(e.what()), help);
  }
  CLI::App* refused_by = &app;
  std::vector<std::string> extras = app.remaining();
  for (CLI::App* c = cmd; c != nullptr && extras.empty(); c = c->get_parent()) {
    extras = c->remaining();
    refused_by = c;
  }
  std::string word = extras.empty() ? std::string() : extras.front();
  if (word.empty() || word.front() != '-') {
    return fmt::format("unexpected argument '{}' for '{}'; {}", sanitize(word), command_path(cmd),
                       help);
  }
  std::string flag = word.substr(0, word.find('='));
  std::vector<std::string> names;
  for (const CLI::Option* opt : refused_by->get_options()) {
    if (opt->get_group().empty()) continue;
    for (const auto& l : opt->get_lnames()) {
      if ("--" + l != flag) names.push_back("--" + l);
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
  PrescriptionOptions prescription;
  PsfsOptions psfs;
  NewOptions new_;
  CompletionOptions completion;
  DueOptions due;
  LevelOptions level;
  ProfileOptions profile;
  SuggestOptions suggest;
  ReportOptions report;
  HandoutOptions handout;
  SyncOptions sync;
  StatsOptions stats;
  HistoryOptions history;
  SessionOptions session;
};

// A command in the declare_x/run_x shape: `declare` adds its spec under roll's, `run` runs it with
// the options the parse filled in.
// A command that reads the profile or the history is handed the run's UserData, which opens each
// on its first use.
struct Command {
  std::string_view name;
  void (*declare)(CommandSpec& roll, AllOptions& all);
  int (*run)(Context& ctx, UserData& user, const AllOptions& all);
};

template <auto Member, auto Declare, auto Run>
constexpr Command command(std::string_view name) {
  return {name, [](CommandSpec& roll, AllOptions& all) { Declare(roll, all.*Member); },
          [](Context& ctx, UserData& user, const AllOptions& all) {
            const auto& opts = all.*Member;
            if constexpr (std::is_invocable_v<decltype(Run), Context&, UserData&, decltype(opts)>) {
              return Run(ctx, user, opts);
            } else {
              return Run(ctx, opts);
            }
          }};
}

constexpr Command kCommands[] = {
    command<&AllOptions::list, declare_list, run_list>("list"),
    command<&AllOptions::show, declare_show, run_show>("show"),
    command<&AllOptions::session, declare_session, run_session>("session"),
    command<&AllOptions::lint, declare_lint, run_lint>("lint"),
    command<&AllOptions::explain, declare_explain, run_explain>("explain"),
    command<&AllOptions::rules, declare_rules, run_rules>("rules"),
    command<&AllOptions::history, declare_history, run_history>("history"),
    command<&AllOptions::stats, declare_stats, run_stats>("stats"),
    command<&AllOptions::due, declare_due, run_due>("due"),
    command<&AllOptions::remind, declare_remind, run_remind>("remind"),
    command<&AllOptions::injury, declare_injury, run_injury>("injury"),
    command<&AllOptions::prescription, declare_prescription, run_prescription>("prescription"),
    command<&AllOptions::psfs, declare_psfs, run_psfs>("psfs"),
    command<&AllOptions::completion, declare_completion, run_completion>("completion"),
    command<&AllOptions::new_, declare_new, run_new>("new"),
    command<&AllOptions::suggest, declare_suggest, run_suggest>("suggest"),
    command<&AllOptions::level, declare_level, run_level>("level"),
    command<&AllOptions::profile, declare_profile, run_profile>("profile"),
    command<&AllOptions::report, declare_report, run_report>("report"),
    command<&AllOptions::handout, declare_handout, run_handout>("handout"),
    command<&AllOptions::sync, declare_sync, run_sync>("sync"),
};

OptionSpec help_option() {
  OptionSpec help;
  help.long_name = "help";
  help.short_name = "h";
  help.help = "Print this help message and exit";
  help.role = OptionRole::help;
  return help;
}

// -h and --help first on every command below `command`.
void add_help_options(CommandSpec& command) {
  for (auto& sub : command.subcommands) {
    sub.options.push_front(help_option());
    add_help_options(sub);
  }
}

int output_failed(Context& ctx) {
  int err = errno;
  fmt::print(ctx.err, "roll: cannot write the output to standard output: {}\n",
             err != 0 ? std::strerror(err) : "write error");
  return exit_usage;
}

std::string cli_names(const OptionSpec& spec) {
  if (spec.positional) return spec.long_name;
  std::string names = spec.short_name.empty() ? std::string() : "-" + spec.short_name;
  if (!spec.long_name.empty()) names += (names.empty() ? "--" : ",--") + spec.long_name;
  return names;
}

// An option bound to its field, with its checks.
CLI::Option* add_option(CLI::App& app, const OptionSpec& spec) {
  std::string names = cli_names(spec);
  const std::string& help = spec.help;  // const: CLI11 would take a plain string as the field
  CLI::Option* opt = std::visit(
      [&](auto target) -> CLI::Option* {
        using Target = decltype(target);
        if constexpr (std::is_same_v<Target, std::monostate>) {
          return app.add_flag(names, help);
        } else if constexpr (std::is_same_v<Target, bool*>) {
          return app.add_flag(names, *target, help);
        } else {
          return app.add_option(names, *target, help);
        }
      },
      spec.target);
  if (spec.required) opt->required();
  if (!spec.choices.empty()) opt->check(CLI::IsMember(spec.choices));
  if (spec.range) {
    NumberRange range = *spec.range;
    opt->check(CLI::Validator([range](std::string& text) { return range_error(range, text); },
                              describe(range)));
  }
  if (spec.show_default) opt->capture_default_str();
  if (!spec.value_name.empty()) opt->option_text(spec.value_name);
  if (spec.hidden) opt->group("");
  return opt;
}

// One option of a command as CLI11 holds it.
struct Bound {
  const OptionSpec* spec;
  CLI::Option* option;
};

// The options of `spec` on `app`, then what excludes or needs what.
std::vector<Bound> add_options(CLI::App& app, const CommandSpec& spec) {
  std::vector<Bound> bound;
  for (const OptionSpec& o : spec.options) {
    switch (o.role) {
      case OptionRole::help: {
        // A subcommand has its parent's already, and CLI11 makes roll's own with its defaults:
        // making it again costs as much as the rest of `roll due`'s options.
        const CLI::Option* made = app.get_help_ptr();
        if (app.get_parent() == nullptr &&
            (made == nullptr || made->get_name(false, true) != cli_names(o) ||
             made->get_description() != o.help)) {
          app.set_help_flag(cli_names(o), o.help);
        }
        break;
      }
      case OptionRole::version:
        app.set_version_flag(cli_names(o), "roll " ROLL_VERSION, o.help);
        break;
      case OptionRole::own:
        bound.push_back({&o, add_option(app, o)});
        break;
    }
  }
  auto find = [&](const std::string& name) {
    for (const Bound& b : bound) {
      if (b.spec->name() == name) return b.option;
    }
    throw std::logic_error(fmt::format("roll {}: no option {}", spec.name, name));
  };
  for (const Bound& b : bound) {
    for (const auto& other : b.spec->needs) b.option->needs(find(other));
    for (const auto& other : b.spec->excludes) b.option->excludes(find(other));
  }
  return bound;
}

// `spec` as a subcommand of `parent`. When the parse reaches it: the fields that record whether an
// option was given, the warnings of deprecated options, what reaching it sets, then `then`.
void add_command(CLI::App& parent, const CommandSpec& spec, Context& ctx,
                 std::function<void()> then) {
  CLI::App* app = parent.add_subcommand(spec.name, spec.about);
  if (spec.subcommand_required) app->require_subcommand(1);
  std::vector<Bound> bound = add_options(*app, spec);
  app->footer(spec.footer);
  for (const CommandSpec& sub : spec.subcommands) add_command(*app, sub, ctx, {});
  app->callback([bound = std::move(bound), &spec, &ctx, then = std::move(then)] {
    for (const Bound& b : bound) {
      bool given = b.option->count() > 0;
      if (b.spec->given != nullptr) *b.spec->given = given;
      if (given && !b.spec->deprecation.empty()) {
        fmt::print(ctx.err, "roll: {}\n", b.spec->deprecation);
      }
    }
    if (spec.reached) spec.reached();
    if (then) then();
  });
}

}  // namespace

int run(const std::vector<std::string>& args, Context& ctx) {
  return run(args, ctx, user_data_files());
}

int run(const std::vector<std::string>& args, Context& ctx, UserDataSource& source) {
  CommandSpec roll;
  roll.name = "roll";
  roll.about = "roll: a coach for safe foam-roller back work";
  roll.footer = kExamples;
  roll.options.push_back(help_option());
  OptionSpec& version = roll.options.emplace_back();
  version.long_name = "version";
  version.help = "Display program version information and exit";
  version.role = OptionRole::version;
  TodayOptions today_options;
  declare_today(roll, today_options);

  // Building every command's options is a large share of what a short command like `roll due`
  // costs (tests/bench/RESULTS.md), so a run that starts with a command's name builds that one
  // only. Anything else (help, a misspelt command, a global option first) gets the whole tree.
  // Completion declares every command, since its scripts are written from their specs, and
  // builds only its own options.
  std::string_view first = args.empty() ? std::string_view() : std::string_view(args.front());
  bool known = std::any_of(std::begin(kCommands), std::end(kCommands),
                           [&](const auto& c) { return c.name == first; });
  if (!known && !first.empty() && first.front() != '-') {
    // CLI11 would only say "A subcommand is required", which hides the typo.
    std::vector<std::string_view> names;
    for (const auto& c : kCommands) names.push_back(c.name);
    std::string near = closest_match(first, names);
    fmt::print(ctx.err, "roll: unknown command '{}'; {}\n", sanitize(first),
               near.empty() ? std::string("run roll --help for the commands")
                            : fmt::format("did you mean 'roll {}'?", near));
    return exit_usage;
  }
  bool every = !known || first == "completion";
  // Bare `roll` (and `roll --json`) is the today view: no command's options to build at all.
  bool bare = args.empty() || (args.size() == 1 && first == "--json");
  AllOptions options;
  // Read or opened when a command first asks, and closed when the run ends.
  UserData user(ctx, source);
  for (const auto& c : kCommands) {
    if (!bare && (every || c.name == first)) c.declare(roll, options);
  }
  add_help_options(roll);
  std::string color_when = "auto";
  add_color_option(roll, color_when);

  CLI::App app{roll.about, roll.name};
  add_options(app, roll);
  app.footer(roll.footer);
  app.require_subcommand(0, 1);  // none: the today view
  app.fallthrough(false);
  auto command_spec = roll.subcommands.begin();
  for (const auto& c : kCommands) {
    if (command_spec == roll.subcommands.end() || command_spec->name != c.name) continue;
    if (!known || c.name == first) {
      add_command(app, *command_spec, ctx, [&ctx, &user, &options, &color_when, run = c.run] {
        ctx.color = use_color(color_choice(color_when), ctx.env);
        ctx.exit_code = run(ctx, user, options);
      });
    }
    ++command_spec;
  }

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them backwards
    app.parse(reversed);
    if (app.get_subcommands().empty()) {
      ctx.color = use_color(color_choice(color_when), ctx.env);
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
