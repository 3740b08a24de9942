// roll session NAME: the guided session, on the full terminal screen or as plain or JSON lines.
#include "roll/session.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/conventions.hpp"
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
};

const char* headline(SessionStatus status) {
  switch (status) {
    case SessionStatus::completed:
      return "Session complete";
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
  // Wrapped to the terminal it is read on, in the glyphs its locale can show.
  auto width = static_cast<std::size_t>(platform::terminal_size(::fileno(ctx.out)).columns);
  bool ascii = ctx.env.stdout_is_terminal && !ctx.env.utf8;
  for (auto line : lines) {
    if (ascii) line = to_ascii(line);
    fmt::print(ctx.out, "{}{}\n", prefix,
               plain ? line : wrap(line, std::max<std::size_t>(width, 20)));
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

  bool on_terminal =
      !args.plain && !args.events && ctx.env.stdout_is_terminal && ctx.env.stdin_is_terminal;
  // TERM=dumb or one roll does not know: plain lines, but still the keys (pause, the pain stop).
  bool full_screen = on_terminal && ctx.env.terminal_can_draw;
  preflight(ctx, routine, args.yes, ctx.env.stdin_is_terminal && ctx.env.stdout_is_terminal);
  auto log = open_session_log(ctx, args.no_log);

  platform::SteadyClock clock;
  SessionOptions options;
  options.speed = args.speed;
  options.confirm_quit = !args.yes;
  Session session(routine, make_plan(routine), *log, options, clock.wall());
  std::fflush(ctx.out);
  std::fflush(ctx.err);

  RunResult result;
  {
    platform::SignalPipe signals(on_terminal);
    std::unique_ptr<platform::RawTerminal> terminal;
    std::unique_ptr<Screen> screen;
    if (on_terminal) terminal = std::make_unique<platform::RawTerminal>(0, ctx.out, full_screen);
    if (full_screen) {
      screen = std::make_unique<platform::AnsiScreen>(
          ctx.out, routine,
          platform::AnsiOptions{ctx.color, !args.quiet, args.speed, ctx.env.utf8});
    } else if (args.events) {
      screen = std::make_unique<platform::EventsScreen>(ctx.out, routine);
    } else {
      screen =
          std::make_unique<platform::PlainScreen>(ctx.out, routine, on_terminal && !ctx.env.utf8);
    }
    std::unique_ptr<platform::VoiceScreen> voice;
    Screen* shown = screen.get();
    if (args.voice) {
      voice =
          std::make_unique<platform::VoiceScreen>(*screen, routine, args.voice_command, ctx.err);
      shown = voice.get();
    }
    platform::PollKeys keys(clock, signals, on_terminal ? 0 : -1, terminal.get());
    result = run_session(session, clock, keys, *shown);
  }  // the terminal is restored here, before the summary
  print_summary(ctx, session, !full_screen, args.events);
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
  cmd->footer(
      "\nKeys: space pause/resume · n next step · b restart step · q quit · ! sharp pain: stop\n"
      "      1-9 the pressure you feel now (8 or more: ease off)\n"
      "\nExamples:\n"
      "  roll session thoracic\n"
      "  roll session thoracic --plain --speed 20     check a routine quickly\n"
      "  roll session ./my-routine.toml --events | jq .event");
  cmd->callback([&ctx, args] { ctx.exit_code = run_guided(ctx, *args); });
}

}  // namespace roll::cli
