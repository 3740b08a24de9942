// roll session NAME: the guided session, on the full terminal screen or as plain or JSON lines.
#include "roll/session.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>

#include <sstream>

#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/history_common.hpp"
#include "cli/json_output.hpp"
#include "cli/routine_loading.hpp"
#include "cli/session_hooks.hpp"
#include "platform/screens.hpp"
#include "platform/terminal.hpp"
#include "roll/duration.hpp"
#include "roll/lint.hpp"
#include "roll/runner.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using std::chrono::seconds;

struct SessionArgs {
  std::string routine;
  double speed = 1.0;
  bool plain = false;
  bool events = false;
  bool quiet = false;
  bool voice = false;
  std::string voice_command = "espeak-ng";
  bool yes = false;
  bool no_log = false;
  bool log_rehearsal = false;
};

const char* headline(SessionStatus status) {
  switch (status) {
    case SessionStatus::completed:
      return "Session complete";
    case SessionStatus::partial:
      return "Session partly done (less than 80% of the time on the roller)";
    case SessionStatus::quit:
      return "Session ended early";
    case SessionStatus::pain_stop:
      return "Stopped for sharp pain";
    case SessionStatus::interrupted:
      return "Session interrupted";
    default:
      return "Session ended";
  }
}

std::vector<std::string> summary_lines(const Session& session) {
  const auto& p = session.progress();
  std::vector<std::string> lines;
  lines.push_back(fmt::format("{}: {} of {} done · {} of {} steps", headline(p.status),
                              clock_time(seconds(p.completed_seconds)),
                              clock_time(seconds(p.planned_seconds)), session.steps_done(),
                              session.routine().steps.size()));
  if (!p.zone_seconds.empty()) {
    std::string zones;
    for (const auto& [zone, secs] : p.zone_seconds) {
      if (!zones.empty()) zones += " · ";
      zones += fmt::format("{} {}", zone, clock_time(seconds(secs)));
    }
    lines.push_back("zones: " + zones);
  }
  if (!p.pressures.empty()) {
    int peak = 0;
    for (const auto& r : p.pressures) peak = std::max(peak, r.value);
    lines.push_back(fmt::format("pressure readings: {}, highest {}/9", p.pressures.size(), peak));
  }
  if (p.status == SessionStatus::pain_stop) {
    lines.push_back(sharp_pain_advice());
  } else if (p.status != SessionStatus::interrupted) {
    lines.push_back(move_now_advice(session.routine()));
  }
  return lines;
}

void print_summary(Context& ctx, const Session& session, bool plain, bool events) {
  auto lines = summary_lines(session);
  if (events) {
    const auto& p = session.progress();
    toml::table zones;
    for (const auto& [zone, secs] : p.zone_seconds) zones.insert(zone, secs);
    toml::table line{{"event", "summary"},
                     {"status", status_name(p.status)},
                     {"completed_seconds", p.completed_seconds},
                     {"planned_seconds", p.planned_seconds},
                     {"steps_done", static_cast<std::int64_t>(session.steps_done())},
                     {"steps", static_cast<std::int64_t>(session.routine().steps.size())},
                     {"zones", std::move(zones)},
                     {"advice", lines.size() > 1 ? lines.back() : std::string()}};
    fmt::print(ctx.out, "{}\n", platform::json_line(line));
    return;
  }
  auto at = session.elapsed().count() / 1000;
  std::string prefix = plain ? fmt::format("{:02}:{:02} ", at / 60, at % 60) : "";
  for (const auto& line : lines) {
    fmt::print(ctx.out, "{}{}\n", prefix, plain ? line : wrap(line, 78));
  }
}

int run_guided(Context& ctx, const SessionArgs& args) {
  auto loaded = load_named_routine(ctx, args.routine);
  print_diagnostics(ctx, loaded.warnings);
  const Routine& routine = loaded.routine;

  auto findings = lint_routine(routine, loaded.file.path.string());
  if (has_errors(findings)) {
    print_diagnostics(ctx, findings);
    throw Failure(exit_refused,
                  fmt::format("refusing to start '{}': it breaks the safety rules above",
                              sanitize(routine.name)));
  }
  print_diagnostics(ctx, findings);

  bool full_screen =
      !args.plain && !args.events && ctx.env.stdout_is_terminal && ctx.env.stdin_is_terminal;
  preflight(ctx, routine, args.yes, ctx.env.stdin_is_terminal && ctx.env.stdout_is_terminal);
  // A sped-up run is a rehearsal: 0.4 s at --speed 1000 is not 6:15 of work.
  bool rehearsal = args.speed != 1.0;
  auto log = open_session_log(ctx, args.no_log || (rehearsal && !args.log_rehearsal));
  SysSeconds started_at = now_or_fail(ctx);

  platform::SteadyClock clock;
  SessionOptions options;
  options.speed = args.speed;
  options.confirm_quit = !args.yes;
  Session session(routine, make_plan(routine), *log, options, started_at);
  if (rehearsal) session.set_origin(SessionOrigin::rehearsal);
  std::fflush(ctx.out);
  std::fflush(ctx.err);

  RunResult result;
  {
    platform::SignalPipe signals(full_screen);
    std::unique_ptr<platform::RawTerminal> terminal;
    std::unique_ptr<Screen> screen;
    if (full_screen) {
      terminal = std::make_unique<platform::RawTerminal>(0, ctx.out);
      screen = std::make_unique<platform::AnsiScreen>(
          ctx.out, routine, platform::AnsiOptions{ctx.color, !args.quiet, args.speed});
    } else if (args.events) {
      screen = std::make_unique<platform::EventsScreen>(ctx.out, routine);
    } else {
      screen = std::make_unique<platform::PlainScreen>(ctx.out, routine);
    }
    std::unique_ptr<platform::VoiceScreen> voice;
    Screen* shown = screen.get();
    if (args.voice) {
      voice =
          std::make_unique<platform::VoiceScreen>(*screen, routine, args.voice_command, ctx.err);
      shown = voice.get();
    }
    platform::PollKeys keys(clock, signals, full_screen ? 0 : -1, terminal.get());
    result = run_session(session, clock, keys, *shown);
  }  // the terminal is restored here, before the summary
  print_summary(ctx, session, !full_screen, args.events);
  // On stderr: plain and JSON lines on stdout stay one event a line.
  if (rehearsal && !args.no_log) {
    fmt::print(ctx.err, "roll: {}\n",
               args.log_rehearsal ? "a --speed run is a rehearsal: recorded as one, which counts "
                                    "for neither `roll due` nor a streak"
                                  : "a --speed run is a rehearsal: not recorded in the history "
                                    "(--log-rehearsal keeps it, marked as a rehearsal)");
  }
  return result.status == SessionStatus::interrupted ? exit_interrupted : exit_ok;
}

}  // namespace

void add_session_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("session", "Run a routine as a guided session, step by step");
  auto args = std::make_shared<SessionArgs>();
  cmd->add_option("routine", args->routine,
                  "A routine name (see `roll list`) or a path to a .toml file")
      ->required();
  cmd->add_option("--speed", args->speed,
                  "Run the clock this many times faster (demos; times shown stay routine time)")
      ->check(between(0.01, 1000));
  cmd->add_flag("--plain", args->plain,
                "One line per event, no escape sequences and no keys (automatic when stdout is "
                "not a terminal)");
  cmd->add_flag("--events", args->events, "Print the events as JSON lines");
  cmd->add_flag("--quiet", args->quiet, "No terminal bell");
  cmd->add_flag("--voice", args->voice, "Speak step names, side changes and breath phases");
  cmd->add_option("--voice-command", args->voice_command,
                  "The speech program for --voice, given the words as its argument")
      ->capture_default_str();
  cmd->add_flag("--yes,-y", args->yes, "Answer every confirmation with yes (q quits at once)");
  cmd->add_flag("--no-log", args->no_log, "Do not record this session in the history");
  cmd->add_flag("--log-rehearsal", args->log_rehearsal,
                "Record a --speed run in the history, marked as a rehearsal (it counts for neither "
                "`roll due` nor a streak)");
  cmd->footer(
      "\nKeys: space pause/resume · n next step · b restart step · q quit · ! sharp pain: stop\n"
      "      1-9 the pressure you feel now (8 or more: ease off)\n"
      "\nExamples:\n"
      "  roll session thoracic\n"
      "  roll session thoracic --plain --speed 20     check a routine quickly (a rehearsal)\n"
      "  roll session ./my-routine.toml --events | jq .event\n"
      "\nAny --speed other than 1 is a rehearsal: it is not recorded in the history unless\n"
      "--log-rehearsal is given, and then it is marked as a rehearsal.\n"
      "A session is completed when it reaches its end with at least 80% of its planned time on\n"
      "the roller done; reaching the end with less (steps skipped with n) is partial.");
  cmd->callback([&ctx, args] { ctx.exit_code = run_guided(ctx, *args); });
}

}  // namespace roll::cli
