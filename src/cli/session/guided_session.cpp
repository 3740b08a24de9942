// The guided session on the full terminal screen or as plain or JSON lines, and what comes
// before and after it.
#include "cli/session/guided_session.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/routine_loading.hpp"
#include "cli/session/fifth_session.hpp"
#include "cli/session/first_session.hpp"
#include "cli/session/pain_stop.hpp"
#include "cli/session/preflight.hpp"
#include "cli/session/psfs_question.hpp"
#include "cli/session/rating_question.hpp"
#include "cli/session/screening.hpp"
#include "cli/session/terminal_prompter.hpp"
#include "cli/session/voice_start.hpp"
#include "cli/user_time.hpp"
#include "platform/history_store.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/screens.hpp"
#include "platform/terminal.hpp"
#include "platform/voice_screen.hpp"
#include "roll/due.hpp"
#include "roll/layout.hpp"
#include "roll/lint.hpp"
#include "roll/pain.hpp"
#include "roll/plan.hpp"
#include "roll/profile.hpp"
#include "roll/runner.hpp"
#include "roll/session.hpp"
#include "roll/session_wording.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"
#include "roll/user_limits.hpp"

namespace roll::cli {

namespace {

// Today's streak and when the next session is due, from the history just written; nothing when
// it cannot be read (the summary must never fail for it).
std::vector<std::string> streak_lines(Context& ctx, UserData& user, const Session& session) {
  try {
    const Profile& profile = user.profile();
    SysSeconds now = now_or_fail(ctx);
    platform::HistoryStore& store = user.history();
    // The same figures `roll stats` and `roll due` give, from the same functions.
    Streaks streaks =
        gather_stats(store, platform::process_time_zone(), now, profile.day_start_hour, 1).streaks;
    bool done_today =
        due_today(store, platform::process_time_zone(), now, profile.day_start_hour).done;
    return {streak_line(streaks.current, done_today, profile.day_start_hour,
                        session.status() == SessionStatus::pain_stop)};
  } catch (const std::exception&) {  // Failure too
    return {};
  }
}

// The summary as lines of text (the events screen writes its own): with the routine time before
// each in plain mode, wrapped to the terminal on the full screen.
void print_summary(Context& ctx, UserData& user, const Session& session, bool plain, int width,
                   bool logged, bool end_shown) {
  auto lines = summary_lines(session);
  if (logged && session.status() != SessionStatus::interrupted) {
    for (auto& line : streak_lines(ctx, user, session)) lines.push_back(std::move(line));
  }
  auto at = session.elapsed().count() / 1000;
  std::string prefix = plain ? fmt::format("{:02}:{:02} ", at / 60, at % 60) : "";
  // Wrapped to the terminal it is read on, in the glyphs its locale can show.
  bool ascii = ctx.env.stdout_is_terminal && !ctx.env.utf8;
  if (!plain && !end_shown) {
    // First the end in letters read from the floor, as large as leaves the summary (and a
    // question after it) on the screen with it (a session that ran to its end showed them on
    // the full screen already, until a key).
    std::size_t below = 3;
    for (const auto& line : lines) {
      std::string wrapped = wrap(line, static_cast<std::size_t>(std::max(width - 1, 20)));
      below += static_cast<std::size_t>(std::count(wrapped.begin(), wrapped.end(), '\n')) + 1;
    }
    int rows = platform::terminal_size(::fileno(ctx.out)).rows;
    int room = rows > static_cast<int>(below) ? rows - static_cast<int>(below) : 0;
    EndWords end = end_words(session.status(), session.routine());
    for (const auto& row :
         end_banner(end.headline, end.next, std::max(width - 1, 20), room, ctx.env.utf8)) {
      fmt::print(ctx.out, "{}\n", row);
    }
    fmt::print(ctx.out, "\n");
  }
  for (auto line : lines) {
    if (ascii) line = to_ascii(line);
    fmt::print(ctx.out, "{}{}\n", prefix,
               plain ? line : wrap(line, static_cast<std::size_t>(std::max(width - 1, 20))));
  }
}

// `events`, when given, is the screen for JSON lines, made before the session for its notices.
RunResult run_screen(Context& ctx, const SessionOptions& args, Session& session,
                     platform::SteadyClock& clock, platform::Speaker* speaker, bool on_terminal,
                     bool full_screen, bool ready_key, platform::EventsScreen* events,
                     bool hold_end = true) {
  platform::AnsiOptions ansi{ctx.color, !args.quiet, args.speed, ctx.env.utf8};
  ansi.voice = speaker != nullptr;
  const Routine& routine = session.routine();
  // JSON lines read on a terminal still take every key at once (`!` above all): the keyboard is
  // raw, as on the full screen, though nothing is drawn.
  int events_keys = events != nullptr ? terminal_input_fd(ctx) : -1;
  bool raw = on_terminal || events_keys >= 0;
  platform::SignalPipe signals(raw);
  std::unique_ptr<platform::RawTerminal> terminal;
  std::unique_ptr<Screen> own;
  Screen* screen = events;
  if (on_terminal) terminal = std::make_unique<platform::RawTerminal>(0, ctx.out, full_screen);
  platform::AnsiScreen* end_screen = nullptr;
  if (events_keys >= 0)
    terminal = std::make_unique<platform::RawTerminal>(events_keys, ctx.out, false);
  if (full_screen) {
    // With --yes nothing waits: the end is said in letters before the summary instead.
    ansi.end_screen = hold_end && !args.yes;
    auto drawn = std::make_unique<platform::AnsiScreen>(ctx.out, routine, ansi);
    end_screen = drawn.get();
    own = std::move(drawn);
    screen = own.get();
  } else if (screen == nullptr) {
    own = std::make_unique<platform::PlainScreen>(ctx.out, routine, on_terminal && !ctx.env.utf8);
    screen = own.get();
  }
  std::unique_ptr<platform::VoiceScreen> voice;
  Screen* shown = screen;
  if (speaker) {
    voice = std::make_unique<platform::VoiceScreen>(*screen, routine, *speaker);
    shown = voice.get();
  }
  // Piped plain mode reads no keys, except Enter for --ready key (the terminal stays in line
  // mode); TERM=dumb still gets every key (pause, the pain stop). The output watched for a reader
  // that has gone is the Context's (no descriptor for a memory stream), not whatever fd 1 is.
  int key_fd = events_keys >= 0 ? events_keys : on_terminal || ready_key ? 0 : -1;
  platform::PollKeys keys(clock, signals, key_fd, terminal.get(),
                          full_screen ? -1 : ::fileno(ctx.out));
  RunResult result = run_session(session, clock, keys, *shown);
  // A session that ran to its end leaves its end in big letters on the screen until a key: the
  // person may still be on the floor. A resize draws it again; a signal ends the wait.
  while (end_screen && end_screen->showing_end() && !result.output_closed) {
    Input in = keys.wait(std::nullopt);
    if (in.kind == Input::Kind::redraw) {
      end_screen->repaint();
      end_screen->show({}, session.view());
      continue;
    }
    if (in.kind != Input::Kind::timeout) break;
  }
  return result;
}  // the terminal is restored here, before the summary

// The first article's three minutes of active stretches, timed, when the routine had none.
void offer_movement(Context& ctx, const SessionOptions& args, const roll::SessionOptions& session,
                    platform::SteadyClock& clock, platform::Speaker* speaker) {
  // One key, as every question on the floor: y or n.
  TerminalPrompter prompter(ctx);
  prompter.say("\n");
  if (ask_yes_no(prompter, "Start three timed minutes of movement now?") != true) return;
  const Routine block = movement_block();
  NullSessionLog none;  // the session is recorded already; these minutes are its after-care
  Session movement(block, make_plan(block), none, after_care_options(session), now_or_fail(ctx));
  auto result = run_screen(ctx, args, movement, clock, speaker, true, true, false, nullptr, false);
  if (result.status == SessionStatus::completed) {
    fmt::print(ctx.out, "Three minutes of movement done. {}\n", water_advice());
  }
}

// The routine loaded and checked: its warnings noted for reading before the first second, and
// refused when it breaks a safety rule.
LoadedRoutine checked_routine(Context& ctx, const std::string& name, Notices& notices) {
  auto loaded = load_named_routine(ctx, name);
  print_diagnostics(ctx, loaded.warnings);
  auto note_diagnostics = [&](const std::vector<Diagnostic>& found) {
    for (const auto& d : found) {
      notices.add(
          fmt::format("{}[{}]: {}", severity_name(d.severity), d.rule, sanitize(d.message)));
    }
  };
  note_diagnostics(loaded.warnings);
  auto findings = lint_routine(loaded.routine, loaded.file.path.string());
  if (has_errors(findings)) {
    print_diagnostics(ctx, findings);
    throw Failure(exit_refused,
                  fmt::format("refusing to start '{}': it breaks the safety rules above",
                              sanitize(loaded.routine.name)));
  }
  print_diagnostics(ctx, findings);
  note_diagnostics(findings);
  return loaded;
}

}  // namespace

int run_guided_session(Context& ctx, UserData& user, const SessionOptions& args) {
  Notices notices;
  auto loaded = checked_routine(ctx, args.routine, notices);
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
  // A sped-up run is a rehearsal: 0.4 s at --speed 1000 is not 6:15 of work, nor a session on
  // the floor that the first-session questions are for.
  bool rehearsal = args.speed != 1.0;
  if (!rehearsal) {
    screen_conditions(ctx, user, interactive);
    if (interactive) ask_level(ctx, user);
  }
  // Before the first second, and before anything else is asked about the routine: a beginner
  // may take the beginner routine instead.
  bool level_offered = false;
  if (interactive && !args.yes && beginner_above_level(loaded.routine, user.profile())) {
    level_offered = true;
    if (auto instead = offer_beginner_routine(ctx, user, loaded.routine)) {
      notices = Notices{};
      loaded = checked_routine(ctx, *instead, notices);
    }
  }
  if (!rehearsal && interactive && args.ready.empty()) ask_first_ready(ctx, user);
  const Routine& routine = loaded.routine;
  preflight(ctx, user, routine, args.yes, interactive, notices, level_offered);
  warn_fifth_session(ctx, user, args.yes, interactive && !args.plain && !args.events);
  // The voice is tried before the first second, so that one that cannot speak is read about here.
  std::unique_ptr<platform::ProcessSpeaker> speaker =
      start_voice(ctx, user, args, routine, notices);
  // Every notice reaches the person before the first second: the full screen would cover them at
  // once, so it waits for Enter; plain lines keep them above the session (on stderr), and events
  // carry them as `notice` lines of their own.
  if (full_screen && notices.unread) {
    TerminalPrompter prompter(ctx);
    wait_for_reading(prompter);
  }
  std::optional<platform::EventsScreen> events;
  if (args.events) {
    events.emplace(ctx.out, routine);
    for (const auto& line : notices.lines) events->notice(line);
  }
  // On by default in the full screen only: plain and JSON lines are for scripts, which say
  // --pain-before and --pain-after (or the older --before and --after).
  bool ask_ratings = full_screen && user.profile().ratings;
  bool recording = !args.no_log && (!rehearsal || args.log_rehearsal);
  std::optional<platform::SqliteSessionLog> recorded;
  NullSessionLog not_recorded;
  if (recording) recorded.emplace(user.history());
  SessionLog& log = recorded ? static_cast<SessionLog&>(*recorded) : not_recorded;
  // Nothing to keep a rating in (--no-log, a rehearsal not logged): not asked.
  ask_ratings = ask_ratings && recording;
  if (!recording && (args.before || args.after || args.pain_before || args.pain_after)) {
    fmt::print(ctx.err,
               "roll: --pain-before/--pain-after/--before/--after: not kept, since this session "
               "is not recorded (--no-log, or a --speed rehearsal without --log-rehearsal)\n");
  }
  if (args.before && recorded) recorded->rate_before(*args.before);
  std::optional<int> pain_before = args.pain_before;
  if (!pain_before && ask_ratings) pain_before = ask_pain(ctx, "right now");
  if (pain_before && recorded) recorded->pain_before(*pain_before);
  SysSeconds started_at = now_or_fail(ctx);
  Routine with_roller = routine;
  if (user.profile().roller) with_roller.roller = *user.profile().roller;

  platform::SteadyClock clock;
  roll::SessionOptions options;
  options.speed = args.speed;
  options.confirm_quit = !args.yes;
  options.ready_key = ready_key;
  options.speech_wait = speaker ? kSpeechWait : Millis{0};
  // The ease-off advice and the most + adds to a spot follow the level and a cleared condition.
  options.user = user_limits(routine, user.profile());
  // The first get-ready is long enough to lie down, or waits for a key, as the profile says;
  // --ready decides for this session alone.
  std::optional<FirstReady> first = user.profile().first_ready;
  if (!args.ready.empty()) first = ready_key ? FirstReady::key : FirstReady::timer;
  // A key needs a terminal to come from; without one the first get-ready is timed.
  bool first_key = !ready_key && first == FirstReady::key && ctx.env.input_is_terminal;
  options.first_ready_key = first_key;
  PlanOptions plan_options;
  if (!ready_key && !first_key) plan_options.first_get_ready = kFirstGetReady;
  // The cues speak of the tool the person holds: the profile's roller, where it names one.
  const Routine& run = user.profile().roller ? with_roller : routine;
  Session session(run, make_plan(run, plan_options), log, options, started_at);
  if (rehearsal) session.set_origin(SessionOrigin::rehearsal);
  std::fflush(ctx.out);
  std::fflush(ctx.err);

  RunResult result = run_screen(ctx, args, session, clock, speaker.get(), on_terminal, full_screen,
                                ready_key || first_key, events ? &*events : nullptr);
  // The zone is held like a fresh injury even when nobody is left to read why.
  std::vector<std::string> held;
  if (result.status == SessionStatus::pain_stop) {
    held = hold_pain_stop(ctx, user.history(), routine, session.view().step);
  }
  if (result.output_closed) {
    // The reader has gone (`| head -1`): nothing more to print, and the write that found it out
    // is a normal end, not an output error.
    std::clearerr(ctx.out);
    return result.status == SessionStatus::pain_stop ? exit_pain_stop : exit_ok;
  }
  int width = full_screen ? platform::terminal_size(1).columns : 80;
  long long recorded_id = recorded ? recorded->id() : 0;
  // Every step of the session is committed as it ends, so the streak below reads it back.
  if (events) {
    events->summary(session);
  } else {
    bool ran_out =
        session.status() == SessionStatus::completed || session.status() == SessionStatus::partial;
    print_summary(ctx, user, session, !full_screen, width, !args.no_log,
                  full_screen && ran_out && !args.yes);
  }
  // After the summary, so a history that cannot be written still leaves the advice on screen.
  for (const auto& line : held) {
    fmt::print(args.events ? ctx.err : ctx.out, "{}\n", full_screen ? wrap(line, width) : line);
  }
  // After a pain stop, nothing more than its own advice: no question, no offer.
  if (session.status() == SessionStatus::pain_stop) {
    if (args.after || args.pain_after) {
      fmt::print(ctx.err,
                 "roll: --pain-after/--after: not kept, since the session ended in a pain stop\n");
    }
    return exit_pain_stop;
  }
  if (args.after && recorded_id != 0)
    user.history().set_ratings(recorded_id, std::nullopt, args.after);
  std::optional<int> pain_after = args.pain_after;
  if (!pain_after && ask_ratings && session.status() != SessionStatus::interrupted) {
    std::fflush(ctx.out);
    pain_after = ask_pain(ctx, "now, after the session");
  }
  if (pain_after && recorded_id != 0)
    user.history().set_pain(recorded_id, std::nullopt, pain_after);
  // More pain after than before: the second article's advice at once, and a gentler next time.
  if (auto pain = session_pain(pain_before, pain_after); pain && pain->rose()) {
    for (const auto& line : pain_rose_advice(*pain)) {
      fmt::print(args.events ? ctx.err : ctx.out, "{}\n", full_screen ? wrap(line, width) : line);
    }
  }
  // Once a week, at the end of a recorded session on a terminal (never on JSON lines, never for a
  // rehearsal): the PSFS, skippable with Enter. --yes answers no question of fact, this one
  // neither: it is asked as the pain is.
  if (interactive && !args.events && recorded_id != 0 && !rehearsal &&
      session.status() != SessionStatus::interrupted &&
      psfs_asked_after_session(user, now_or_fail(ctx))) {
    std::fflush(ctx.out);
    ask_psfs(ctx, user, now_or_fail(ctx));
  }
  // After a whole session only: whoever quits or stops has said they are done.
  if (full_screen && !args.yes && session.status() == SessionStatus::completed &&
      !moves_enough_after(routine)) {
    offer_movement(ctx, args, options, clock, speaker.get());
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

}  // namespace roll::cli
