// roll session NAME: the guided session, on the full terminal screen or as plain or JSON lines.
#include "roll/session.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/commands/sync.hpp"
#include "cli/fifth_session.hpp"
#include "cli/json_output.hpp"
#include "cli/open_history.hpp"
#include "cli/pain_stop.hpp"
#include "cli/preflight.hpp"
#include "cli/profile_loading.hpp"
#include "cli/rating_question.hpp"
#include "cli/routine_loading.hpp"
#include "cli/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/history_store.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/screens.hpp"
#include "platform/terminal.hpp"
#include "platform/voice_screen.hpp"
#include "platform/wall_clock.hpp"
#include "roll/due.hpp"
#include "roll/duration.hpp"
#include "roll/history.hpp"
#include "roll/lint.hpp"
#include "roll/runner.hpp"
#include "roll/session_wording.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using std::chrono::seconds;

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
    lines.push_back(fmt::format("pressure readings: {}, highest {}/10", p.pressures.size(), peak));
  }
  if (!p.hold_changes.empty()) {
    int added = 0;
    for (const auto& h : p.hold_changes) added += h.seconds;
    lines.push_back(fmt::format("holds changed with + and -: {} time{}, {:+} s in all",
                                p.hold_changes.size(), p.hold_changes.size() == 1 ? "" : "s",
                                added));
  }
  if (p.status == SessionStatus::pain_stop) {
    lines.push_back(sharp_pain_advice());
  } else if (p.status != SessionStatus::interrupted) {
    lines.push_back(move_now_advice(session.routine()));
    lines.push_back(water_advice());
  }
  return lines;
}

// Today's streak and when the next session is due, from the history just written; nothing when
// there is no history (--no-log) or it cannot be read (the summary must never fail for it).
std::vector<std::string> streak_lines(Context& ctx, const Session& session) {
  try {
    Profile profile = load_profile_or_fail(ctx);
    SysSeconds now = now_or_fail(ctx);
    auto store = open_history(ctx);
    // The same figures `roll stats` and `roll due` give, from the same functions.
    Streaks streaks =
        gather_stats(*store, platform::process_time_zone(), now, profile.day_start_hour, 1).streaks;
    bool done_today =
        due_today(*store, platform::process_time_zone(), now, profile.day_start_hour).done;
    std::vector<std::string> lines;
    lines.push_back(
        fmt::format("streak: {} day{}", streaks.current, streaks.current == 1 ? "" : "s"));
    if (done_today) {
      lines.back() += fmt::format(" · next session due tomorrow (the day starts at {:02}:00)",
                                  profile.day_start_hour);
    } else if (session.status() != SessionStatus::pain_stop) {
      lines.back() += " · today's session is still due";
    }
    return lines;
  } catch (const std::exception&) {  // Failure too
    return {};
  }
}

std::string advice(const Session& session) {
  switch (session.progress().status) {
    case SessionStatus::pain_stop:
      return sharp_pain_advice();
    case SessionStatus::interrupted:
      return "";
    default:
      return after_care_advice(session.routine());
  }
}

void print_summary(Context& ctx, const Session& session, bool plain, bool events, int width,
                   bool logged) {
  auto lines = summary_lines(session);
  if (logged && session.status() != SessionStatus::interrupted) {
    for (auto& line : streak_lines(ctx, session)) lines.push_back(std::move(line));
  }
  if (events) {
    const auto& p = session.progress();
    toml::table zones;
    for (const auto& [zone, secs] : p.zone_seconds) zones.insert(zone, secs);
    toml::array holds;
    for (const auto& h : p.hold_changes) {
      holds.push_back(toml::table{{"at_seconds", h.at_seconds},
                                  {"seconds", h.seconds},
                                  {"step", h.step},
                                  {"zone", h.zone}});
    }
    toml::table line{{"event", "summary"},
                     {"status", status_name(p.status)},
                     {"completed_seconds", p.completed_seconds},
                     {"planned_seconds", p.planned_seconds},
                     {"steps_done", static_cast<std::int64_t>(session.steps_done())},
                     {"steps", static_cast<std::int64_t>(session.routine().steps.size())},
                     {"zones", std::move(zones)},
                     {"hold_changes", std::move(holds)},
                     {"advice", advice(session)}};
    print_document(ctx, platform::json_line(line) + "\n");
    return;
  }
  auto at = session.elapsed().count() / 1000;
  std::string prefix = plain ? fmt::format("{:02}:{:02} ", at / 60, at % 60) : "";
  // Wrapped to the terminal it is read on, in the glyphs its locale can show.
  bool ascii = ctx.env.stdout_is_terminal && !ctx.env.utf8;
  for (auto line : lines) {
    if (ascii) line = to_ascii(line);
    fmt::print(ctx.out, "{}{}\n", prefix,
               plain ? line : wrap(line, static_cast<std::size_t>(std::max(width - 1, 20))));
  }
}

RunResult run_screen(Context& ctx, const SessionOptions& args, Session& session,
                     platform::SteadyClock& clock, platform::Speaker* speaker, bool on_terminal,
                     bool full_screen, bool ready_key) {
  const Routine& routine = session.routine();
  platform::SignalPipe signals(on_terminal);
  std::unique_ptr<platform::RawTerminal> terminal;
  std::unique_ptr<Screen> screen;
  if (on_terminal) terminal = std::make_unique<platform::RawTerminal>(0, ctx.out, full_screen);
  if (full_screen) {
    screen = std::make_unique<platform::AnsiScreen>(
        ctx.out, routine, platform::AnsiOptions{ctx.color, !args.quiet, args.speed, ctx.env.utf8});
  } else if (args.events) {
    screen = std::make_unique<platform::EventsScreen>(ctx.out, routine);
  } else {
    screen =
        std::make_unique<platform::PlainScreen>(ctx.out, routine, on_terminal && !ctx.env.utf8);
  }
  std::unique_ptr<platform::VoiceScreen> voice;
  Screen* shown = screen.get();
  if (speaker) {
    voice = std::make_unique<platform::VoiceScreen>(*screen, routine, *speaker);
    shown = voice.get();
  }
  // Piped plain mode reads no keys, except Enter for --ready key (the terminal stays in line
  // mode); TERM=dumb still gets every key (pause, the pain stop). The output watched for a reader
  // that has gone is the Context's (no descriptor for a memory stream), not whatever fd 1 is.
  platform::PollKeys keys(clock, signals, on_terminal || ready_key ? 0 : -1, terminal.get(),
                          full_screen ? -1 : ::fileno(ctx.out));
  return run_session(session, clock, keys, *shown);
}  // the terminal is restored here, before the summary

// The first article's three minutes of active stretches, timed, when the routine had none.
void offer_movement(Context& ctx, const SessionOptions& args, platform::SteadyClock& clock,
                    platform::Speaker* speaker) {
  if (!ask_once(ctx, "\nStart three timed minutes of movement now? [Y/n] ", true)) return;
  const Routine block = movement_block();
  NullSessionLog none;  // the session is recorded already; these minutes are its after-care
  roll::SessionOptions options;  // the core session's, not this command's
  options.speed = args.speed;
  options.confirm_quit = false;
  Session movement(block, make_plan(block), none, options, now_or_fail(ctx));
  auto result = run_screen(ctx, args, movement, clock, speaker, true, true, false);
  if (result.status == SessionStatus::completed) {
    fmt::print(ctx.out, "Three minutes of movement done. {}\n", water_advice());
  }
}

int run_guided(Context& ctx, const SessionOptions& args) {
  auto loaded = load_named_routine(ctx, args.routine);
  print_diagnostics(ctx, loaded.warnings);
  const Routine& routine = loaded.routine;
  Notices notices;
  auto note_diagnostics = [&](const std::vector<Diagnostic>& found) {
    for (const auto& d : found) {
      notices.add(
          fmt::format("{}[{}]: {}", severity_name(d.severity), d.rule, sanitize(d.message)));
    }
  };
  note_diagnostics(loaded.warnings);

  auto findings = lint_routine(routine, loaded.file.path.string());
  if (has_errors(findings)) {
    print_diagnostics(ctx, findings);
    throw Failure(exit_refused,
                  fmt::format("refusing to start '{}': it breaks the safety rules above",
                              sanitize(routine.name)));
  }
  print_diagnostics(ctx, findings);
  note_diagnostics(findings);

  bool on_terminal =
      !args.plain && !args.events && ctx.env.stdout_is_terminal && ctx.env.input_is_terminal;
  bool ready_key = args.ready == "key";
  if (ready_key && !ctx.env.input_is_terminal) {
    throw Failure(exit_usage,
                  "--ready key waits for space or Enter, but standard input is not a terminal; "
                  "leave it out for the timed get-ready");
  }
  // TERM=dumb or one roll does not know: plain lines, but still the keys (pause, the pain stop).
  bool full_screen = on_terminal && ctx.env.terminal_can_draw;
  bool interactive = ctx.env.input_is_terminal && ctx.env.stdout_is_terminal;
  preflight(ctx, routine, args.yes, interactive, notices);
  warn_fifth_session(ctx, args.yes, interactive && !args.plain && !args.events);
  // Every notice reaches the person before the first second: the full screen would cover them at
  // once, so it waits for Enter; plain lines keep them above the session (on stderr), and events
  // carry them as `notice` lines of their own.
  if (full_screen && notices.unread) {
    TerminalPrompter prompter(ctx);
    wait_for_reading(prompter);
  }
  if (args.events) {
    for (const auto& line : notices.lines) {
      print_document(ctx,
                     platform::json_line(toml::table{{"event", "notice"}, {"text", line}}) + "\n");
    }
  }
  // On by default in the full screen only: plain and JSON lines are for scripts, which say
  // --before and --after.
  bool ask_ratings = full_screen && load_profile_or_fail(ctx).ratings;
  std::vector<std::string> speech;
  if (args.voice) {
    // --voice-command wins over the profile's `speech`, which wins over espeak-ng.
    std::string line = args.voice_command;
    const char* from = "--voice-command";
    if (line.empty()) {
      line = load_profile_or_fail(ctx).speech;
      from = "speech in config.toml";
    }
    if (line.empty()) line = "espeak-ng";
    speech = platform::split_command(line);
    if (speech.empty()) {
      throw Failure(exit_usage, fmt::format("{}: '{}' is not a command (empty, or a quote left "
                                            "open); for example: espeak-ng -v en-gb -s 150",
                                            from, sanitize(line)));
    }
  }
  // A sped-up run is a rehearsal: 0.4 s at --speed 1000 is not 6:15 of work.
  bool rehearsal = args.speed != 1.0;
  auto log = open_session_log(ctx, args.no_log || (rehearsal && !args.log_rehearsal));
  auto* recorded = dynamic_cast<platform::SqliteSessionLog*>(log.get());
  // Nothing to keep a rating in (--no-log, a rehearsal not logged): not asked.
  ask_ratings = ask_ratings && recorded != nullptr;
  if (!recorded && (args.before || args.after)) {
    fmt::print(ctx.err,
               "roll: --before/--after: not kept, since this session is not recorded (--no-log, "
               "or a --speed rehearsal without --log-rehearsal)\n");
  }
  std::optional<int> before = args.before;
  if (!before && ask_ratings) before = ask_rating(ctx, "right now");
  if (before && recorded) recorded->rate_before(*before);
  SysSeconds started_at = now_or_fail(ctx);

  platform::SteadyClock clock;
  roll::SessionOptions options;
  options.speed = args.speed;
  options.confirm_quit = !args.yes;
  options.ready_key = ready_key;
  Session session(routine, make_plan(routine), *log, options, started_at);
  if (rehearsal) session.set_origin(SessionOrigin::rehearsal);
  std::fflush(ctx.out);
  std::fflush(ctx.err);

  std::unique_ptr<platform::ProcessSpeaker> speaker;
  if (args.voice) {
    speaker = std::make_unique<platform::ProcessSpeaker>(
        speech, ctx.env.path ? ctx.env.path->c_str() : nullptr);
    if (!speaker->available()) {
      fmt::print(ctx.err,
                 "roll: warning: speech program '{}' not found; going on without a voice\n",
                 sanitize(speech.front()));
      speaker.reset();
    }
  }

  RunResult result =
      run_screen(ctx, args, session, clock, speaker.get(), on_terminal, full_screen, ready_key);
  // The zone is held like a fresh injury even when nobody is left to read why.
  std::vector<std::string> held;
  if (result.status == SessionStatus::pain_stop) {
    held = hold_pain_stop(ctx, routine, session.view().step);
  }
  if (result.output_closed) {
    // The reader has gone (`| head -1`): nothing more to print, and the write that found it out
    // is a normal end, not an output error.
    std::clearerr(ctx.out);
    return exit_ok;
  }
  int width = full_screen ? platform::terminal_size(1).columns : 80;
  long long recorded_id = recorded ? recorded->id() : 0;
  log.reset();  // the session is on disk before the streak is read back
  print_summary(ctx, session, !full_screen, args.events, width, !args.no_log);
  // After the summary, so a history that cannot be written still leaves the advice on screen.
  for (const auto& line : held) {
    fmt::print(args.events ? ctx.err : ctx.out, "{}\n", full_screen ? wrap(line, width) : line);
  }
  std::optional<int> after = args.after;
  if (!after && ask_ratings && session.status() != SessionStatus::interrupted) {
    std::fflush(ctx.out);
    after = ask_rating(ctx, "now, after the session");
  }
  if (after && recorded_id != 0) open_history(ctx)->set_ratings(recorded_id, std::nullopt, after);
  // After a whole session only: whoever quits or stops has said they are done.
  if (full_screen && !args.yes && session.status() == SessionStatus::completed &&
      !moves_enough_after(routine)) {
    offer_movement(ctx, args, clock, speaker.get());
  }
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

int start_routine_session(Context& ctx, const std::string& path, double speed, bool assume_yes) {
  SessionOptions args;
  args.routine = path;
  args.speed = speed;
  args.yes = assume_yes;
  return run_guided(ctx, args);
}

void declare_session(CommandSpec& roll, SessionOptions& args) {
  auto& cmd = roll.command("session", "Run a routine as a guided session, step by step");
  cmd.option("routine", args.routine, "A routine name (see `roll list`) or a path to a .toml file")
      .required()
      .completes(Completion::routine);
  cmd.option("--speed", args.speed,
             "Run the clock this many times faster (demos; times shown stay routine time)")
      .between(0.01, 1000);
  cmd.flag("--plain", args.plain,
           "One line per event, no escape sequences and no keys (automatic when stdout is "
           "not a terminal)");
  cmd.flag("--events", args.events, "Print the events as JSON lines");
  cmd.flag("--quiet", args.quiet, "No terminal bell");
  cmd.flag("--voice", args.voice,
           "Speak each step, its cue, the breathing, the last seconds and the after-care");
  cmd.option("--voice-command", args.voice_command,
             "The speech program for --voice with its options (default: `speech` in "
             "config.toml, else espeak-ng); the words go on its standard input");
  cmd.option("--ready", args.ready,
             "timer: a timed get-ready before each step, side and position; key: wait for "
             "space or Enter there instead")
      .choices({"timer", "key"})
      .show_default();
  cmd.flag("--yes,-y", args.yes,
           "Answer every confirmation with yes (q quits at once); never a question of fact: "
           "the check-in waits, and a zone that needs \"has the acute pain subsided?\" is "
           "refused");
  cmd.flag("--no-log", args.no_log,
           "Do not record this session in the history (a pain stop is still kept as an "
           "injury)");
  cmd.flag("--log-rehearsal", args.log_rehearsal,
           "Record a --speed run in the history, marked as a rehearsal (it counts for neither "
           "`roll due` nor a streak)");
  cmd.option("--before", args.before,
             "How your back feels before the session, 0 (as bad as it gets) to 10 (fine): "
             "recorded without asking")
      .between(0, 10)
      .value_name("N");
  cmd.option("--after", args.after,
             "How your back feels after the session, 0-10: recorded without asking")
      .between(0, 10)
      .value_name("N");
  cmd.footer =
      "\nKeys: space pause/resume · n next step · b restart step · q quit · ! sharp pain: stop\n"
      "      1-9 and 0 (10) the pressure you feel now, out of 10 (8 or more: ease off)\n"
      "      + / - this hold 15 s longer / shorter · with --ready key: space or Enter starts\n"
      "\nExamples:\n"
      "  roll session thoracic\n"
      "  roll session thoracic --voice --ready key      spoken cues; start each position "
      "yourself\n"
      "  roll session thoracic --voice --voice-command 'espeak-ng -v en-gb -s 140'\n"
      "  roll session thoracic --plain --speed 20     check a routine quickly (a rehearsal)\n"
      "  roll session ./my-routine.toml --events | jq .event\n"
      "  roll session bedtime --plain --before 4 --after 6   ratings for a script\n"
      "\nBefore the first second: the day's check-in on a terminal (answer y or n), the injury "
      "log\n(from 48 h after an injury: \"has the acute pain subsided?\") and your profile "
      "(config.toml).\nWhat they say (and any lint warning) stays on screen: the full screen "
      "waits for Enter\nbefore it covers it, --yes or not (q and Enter: do not start).\n"
      "After !, the zone of that step is held like a fresh injury until `roll "
      "injury clear ID`.\n"
      "\nAny --speed other than 1 is a rehearsal: it is not recorded in the history unless\n"
      "--log-rehearsal is given, and then it is marked as a rehearsal.\n"
      "On the full screen roll asks \"how does your back feel?\" before and after: one key, 0-9\n"
      "or t for 10 (0 as bad as it gets, 10 fine); Enter skips; `ratings = false` in config.toml\n"
      "turns it off. A fifth completed session on one day is warned about first (the second\n"
      "article: 1-4 times per day); on a terminal roll asks whether to start anyway.\n"
      "A session is completed when it reaches its end with at least 80% of its planned time on\n"
      "the roller done; reaching the end with less (steps skipped with n) is partial.";
}

int run_session(Context& ctx, const SessionOptions& args) {
  int code = run_guided(ctx, args);
  if (!args.no_log) sync_after_session(ctx);
  return code;
}

}  // namespace roll::cli
