// roll session NAME: the guided session, on the full terminal screen or as plain or JSON lines.
// The session's flow is in cli/session/; this file is its options and the sync that follows.
#include "cli/commands.hpp"
#include "cli/session/guided_session.hpp"
#include "cli/session/sync_after_session.hpp"

namespace roll::cli {

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
           "Speak each step, its cue, the breathing, the last seconds and the after-care; "
           "the get-ready waits for its words (35 s at most), and the program is tried "
           "before the first second");
  cmd.option("--voice-command", args.voice_command,
             "The speech program for --voice with its options (default: `speech` in "
             "config.toml, else espeak-ng); the words go on its standard input");
  cmd.option("--ready", args.ready,
             "timer: a timed get-ready before each step, side and position (the first one 15 s, "
             "long enough to lie down); key: wait for space or Enter there instead (default: "
             "first_ready in config.toml, asked once, for the first get-ready; timer after it)")
      .choices({"timer", "key"});
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
  cmd.option("--pain-before", args.pain_before,
             "Your pain before the session, 0 (no pain) to 10 (the worst imaginable): recorded "
             "without asking")
      .between(0, 10)
      .value_name("N");
  cmd.option("--pain-after", args.pain_after,
             "Your pain after the session, 0 (no pain) to 10 (the worst imaginable): recorded "
             "without asking; higher than before, roll says to stop and go gentler next time")
      .between(0, 10)
      .value_name("N");
  cmd.option("--before", args.before,
             "The older \"how does your back feel\" rating before the session, 0 (as bad as it "
             "gets) to 10 (fine), not pain: recorded without asking")
      .between(0, 10)
      .value_name("N");
  cmd.option("--after", args.after,
             "The older \"how does your back feel\" rating after the session, 0 (as bad as it "
             "gets) to 10 (fine), not pain: recorded without asking")
      .between(0, 10)
      .value_name("N");
  cmd.footer =
      "\nKeys: space pause/resume · n next step · b restart step · q quit · ! sharp pain: stop\n"
      "      1-9 and 0 (10) the pressure you feel now, out of 10 (above 7: ease off; above 5\n"
      "      for a beginner or a condition marked cleared; roll's own readings)\n"
      "      + / - this hold 15 s longer / shorter (a beginner's spot: 30 s at most, the second\n"
      "      article's \"no more than 30 seconds of focus on each spot\")\n"
      "      with --ready key: space or Enter starts\n"
      "      at the end, DONE in big letters: any key for the summary (--yes: no wait)\n"
      "\nExamples:\n"
      "  roll session thoracic\n"
      "  roll session thoracic --voice --ready key      spoken cues; start each position "
      "yourself\n"
      "  roll session thoracic --voice --voice-command 'espeak-ng -v en-gb -s 140'\n"
      "  roll session thoracic --plain --speed 20     check a routine quickly (a rehearsal)\n"
      "  roll session ./my-routine.toml --events | jq .event\n"
      "  roll session bedtime --events | tail -n 1 | jq .roller_seconds\n"
      "  roll session bedtime --plain --pain-before 4 --pain-after 2   pain, for a script\n"
      "  roll profile conditions --osteoporosis no ...   the screening, answered for a script\n"
      "\nThe first real session asks the screening's six questions (`roll profile conditions\n"
      "--help`), whether you are new to foam rolling and how the first get-ready ends; each is\n"
      "kept in config.toml. Without a terminal a real session is refused (exit 3) until the six\n"
      "are answered. Every question takes one key: y or n; 10 out of 10 is 1 then 0.\n"
      "\nBefore the first second: the day's check-in on a terminal (answer y or n), the injury "
      "log\n(from 48 h after an injury: \"has the acute pain subsided?\") and your profile "
      "(config.toml).\nWhat they say (and any lint warning) stays on screen: the full screen "
      "waits for Enter\nbefore it covers it, --yes or not (q and Enter: do not start).\n"
      "After !, the zone of that step is held like a fresh injury until `roll "
      "injury clear ID`;\nroll gives the pain stop's advice, asks nothing more and exits 4.\n"
      "\nAny --speed other than 1 is a rehearsal: it is not recorded in the history unless\n"
      "--log-rehearsal is given, and then it is marked as a rehearsal.\n"
      "On the full screen roll asks your pain before and after, on the 0-10 numeric rating\n"
      "scale (0 no pain, 10 the worst imaginable): one key, 0-9 or 1 then 0 (or t) for 10; Enter\n"
      "skips; `ratings = false` in config.toml turns it off. Pain after higher than before gets\n"
      "the second article's advice at once (\"If your pain is increasing, symptoms are worsening,\n"
      "or you feel uncomfortable, listen to your body and stop.\") and a gentler suggestion for\n"
      "next time; a rise of 2 points or more is flagged (roll's own threshold, after the smallest\n"
      "change on a 0-10 scale that patients notice, Ostelo et al. 2008), and two flagged sessions\n"
      "in a row of one routine make bare `roll` say to pause it and ask a physical therapist.\n"
      "--before/--after keep the older \"how does your back feel\" scale (10 fine), never pain.\n"
      "A fifth completed session on one day is warned about first (the second\n"
      "article: 1-4 times per day); on a terminal roll asks whether to start anyway.\n"
      "A session is completed when it reaches its end with at least 80% of its planned time on\n"
      "the roller done; reaching the end with less (steps skipped with n) is partial.\n"
      "\nExit status: 0 done (or quit), 2 usage or input error, 3 refused for safety before the\n"
      "first second, 4 stopped for safety during the session (the pain stop), 130 interrupted.";
}

int run_session(Context& ctx, UserData& user, const SessionOptions& args) {
  int code = run_guided_session(ctx, user, args);
  if (!args.no_log) sync_after_session(ctx, user);
  return code;
}

}  // namespace roll::cli
