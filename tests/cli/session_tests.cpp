// `roll session`, in process: plain lines and JSON lines at high speed (a 95 s routine takes about
// 0.1 s at --speed 1000), refusals, hostile text, the voice, ratings, rehearsals and the fifth
// session of a day.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::lines_of;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::Run;
using roll::test::run_cli;
using roll::test::run_roll;
using roll::test::seed_history;
using roll::test::TempDir;

namespace {

const std::string& kRoutine = roll::test::kThreeSteps;

// A hold on the roller and three minutes of movement: under a second at --speed 1000.
constexpr const char* kShort = R"(schema = 1
name = "short"
title = "Short"

[[step]]
name = "Hold"
zone = "thoracic"
positions = 2
seconds = 30

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)";

// Local time in the run's zone, as the seeded sessions below: one roll day in every zone.
constexpr const char* kAfternoon = "2026-11-23T15:00:00";

// One 30 s hold: at --speed 1000 a session of it takes milliseconds, not the bundled routines'
// half second.
std::string short_routine(const TempDir& home) {
  return home
      .write("short.toml",
             "schema = 1\nname = \"short\"\ntitle = \"Short\"\n\n[[step]]\nname = \"Shoulder "
             "hold\"\nzone = \"shoulders\"\nseconds = 30\ncue = \"Rest the shoulder on the "
             "roller.\"\n")
      .string();
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

bool no_control_bytes(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("a fifth session on one day is warned about and plain mode goes on") {
  TempDir home;
  std::string routine = short_routine(home);
  std::string lines;
  for (int h = 8; h < 12; ++h) {
    lines += fmt::format("beginner 2026-11-23T{:02}:00:00 completed 300 thoracic=180\n", h);
  }
  seed_history(home, lines.substr(0, lines.rfind("beginner")));  // three
  auto fourth = roll_at(home, kAfternoon, {"session", routine, "--plain", "--speed", "1000"});
  CHECK(fourth.exit_code == 0);
  CHECK_FALSE(has(fourth.err, "warning: this would be session"));
  seed_history(home, lines.substr(lines.rfind("beginner")));  // the fourth
  auto fifth = roll_at(home, kAfternoon, {"session", routine, "--plain", "--speed", "1000"});
  CHECK(fifth.exit_code == 0);
  CHECK(has(fifth.err, "roll: warning: this would be session 5 today"));
  CHECK(has(fifth.err, "1-4 times per day"));
  CHECK(has(fifth.out, "Session complete"));
  auto events = roll_at(home, kAfternoon, {"session", routine, "--events", "--speed", "1000"});
  CHECK(events.exit_code == 0);
  CHECK(has(events.err, "this would be session 5 today"));
}

TEST_CASE("ratings: --before and --after are stored and shown in roll history") {
  TempDir home;
  std::string routine = short_routine(home);
  auto r = roll_at(home, kAfternoon,
                   {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal", "--before",
                    "3", "--after", "10"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto json = roll_at(home, kAfternoon, {"history", "--json"});
  CHECK(has(json.out, "\"rating_before\" : 3"));
  CHECK(has(json.out, "\"rating_after\" : 10"));
  auto text = roll_at(home, kAfternoon, {"history"});
  CHECK(has(text.out, "back feels 3 -> 10 /10 (10 fine)"));

  auto only_after = roll_at(
      home, kAfternoon,
      {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal", "--after", "0"});
  REQUIRE(only_after.exit_code == 0);
  CHECK(has(roll_at(home, kAfternoon, {"history"}).out, "back feels - -> 0 /10 (10 fine)"));

  // A session that is not recorded has nowhere to keep them: said, not silently dropped.
  auto unlogged = roll_at(home, kAfternoon,
                          {"session", routine, "--plain", "--speed", "1000", "--before", "5"});
  CHECK(unlogged.exit_code == 0);
  CHECK(has(unlogged.err, "--before/--after: not kept"));
  // The older scale is never pain.
  CHECK_FALSE(has(json.out, "pain_"));

  for (const char* bad : {"11", "-1", "4.5", "x"}) {
    CAPTURE(bad);
    auto b = roll_at(home, kAfternoon, {"session", routine, "--plain", "--before", bad});
    CHECK(b.exit_code == 2);
  }
}

TEST_CASE("pain: --pain-before and --pain-after are stored, compared and flagged") {
  TempDir home;
  std::string routine = short_routine(home);
  auto same = roll_at(home, kAfternoon,
                      {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal",
                       "--pain-before", "3", "--pain-after", "3"});
  REQUIRE_MESSAGE(same.exit_code == 0, same.err);
  CHECK_FALSE(has(same.out, "If your pain is increasing"));
  auto json = roll_at(home, kAfternoon, {"history", "--json"});
  CHECK(has(json.out, "\"pain_before\" : 3"));
  CHECK(has(json.out, "\"pain_after\" : 3"));
  CHECK(has(json.out, "\"pain_change\" : 0"));
  CHECK(has(json.out, "\"pain_rise_flagged\" : false"));
  CHECK_FALSE(has(json.out, "rating_"));  // pain never becomes the older scale either

  // Up by 1: the second article's advice at once and a gentler next time, not flagged.
  auto one = roll_at(home, kAfternoon,
                     {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal",
                      "--pain-before", "3", "--pain-after", "4"});
  REQUIRE(one.exit_code == 0);
  CHECK(has(one.out,
            "\"If your pain is increasing, symptoms are worsening, or you feel "
            "uncomfortable, listen to your body and stop."));
  CHECK(has(one.out, "Next time, go gentler"));
  CHECK_FALSE(has(one.out, "Flagged"));
  // Up by 2: flagged, labelled as roll's own threshold after Ostelo et al. 2008.
  auto two = roll_at(home, kAfternoon,
                     {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal",
                      "--pain-before", "3", "--pain-after", "5"});
  REQUIRE(two.exit_code == 0);
  CHECK(has(two.out, "Flagged: a rise of 2 points or more: roll's own threshold"));
  CHECK(has(two.out, "Ostelo et al. 2008"));
  auto text = roll_at(home, kAfternoon, {"history"});
  CHECK(has(text.out, "pain 3 -> 5 /10 FLAGGED: pain up 2+"));
  CHECK(has(text.out, "pain 3 -> 4 /10"));
  CHECK(has(text.out, "FLAGGED: pain after the session higher than before, a rise of 2 points"));

  auto unlogged = roll_at(home, kAfternoon,
                          {"session", routine, "--plain", "--speed", "1000", "--pain-before", "5"});
  CHECK(has(unlogged.err, "--pain-before/--pain-after/--before/--after: not kept"));
  for (const char* bad : {"11", "-1", "4.5", "x"}) {
    CAPTURE(bad);
    CHECK(
        roll_at(home, kAfternoon, {"session", routine, "--plain", "--pain-after", bad}).exit_code ==
        2);
  }
}

TEST_CASE("pain: two flagged sessions in a row of one routine: bare roll says to pause it") {
  TempDir home;
  auto session = [&](const char* at, const char* before, const char* after) {
    seed_history(home, fmt::format("short {} completed 30 shoulders=30 pain_before={} "
                                   "pain_after={}\n",
                                   at, before, after));
  };
  session("2026-11-21T15:00:00", "2", "5");
  CHECK_FALSE(has(roll_at(home, kAfternoon, {}).out, "pause:"));
  session("2026-11-22T15:00:00", "2", "4");
  auto today = roll_at(home, kAfternoon, {});
  CHECK(has(today.out,
            "pause: your pain rose by 2 points or more after your last 2 sessions of "
            "short: pause that routine and ask a physical therapist"));
  auto json = roll_at(home, kAfternoon, {"--json"});
  CHECK(has(json.out, "\"paused\" : ["));
  CHECK(has(json.out, "\"routine\" : \"short\""));
  // A third session without a rise ends the run.
  session("2026-11-23T09:00:00", "2", "2");
  CHECK_FALSE(has(roll_at(home, kAfternoon, {}).out, "pause:"));
}

TEST_CASE("a --speed run is a rehearsal: not recorded unless --log-rehearsal, then marked") {
  TempDir home;
  auto routine = home.write("short.toml", kShort).string();
  auto r = roll_now(home, {"session", routine, "--plain", "--speed", "1000"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "rehearsal: not recorded"));
  CHECK(roll_now(home, {"history", "--json"}).out ==
        "{\n    \"sessions\" : [],\n    \"version\" : 1\n}\n");

  // Kept when asked, at the one "now" that due and stats read (ROLL_NOW), as a rehearsal.
  r = roll_at(home, "2026-11-20T07:15:00Z",
              {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal"});
  CHECK(r.exit_code == 0);
  auto json = roll_now(home, {"history", "--json"}).out;
  CHECK(has(json, "\"started_at\" : \"2026-11-20T07:15:00Z\""));
  CHECK(has(json, "\"origin\" : \"rehearsal\""));
  CHECK(has(json, "\"status\" : \"completed\""));
  CHECK(roll_at(home, "2026-11-20T08:00:00Z", {"due", "-q"}).exit_code == 0);
  CHECK(has(roll_now(home, {"stats", "--json"}).out, "\"total_completed\" : 0"));
  CHECK(has(roll_now(home, {"history"}).out, "rehearsal"));
}

TEST_CASE("plain mode: one line per event with the routine time, then the summary") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto r = run_cli(home, {"session", path, "--plain", "--speed", "1000"});
  CHECK(r.exit_code == 0);
  CHECK(no_control_bytes(r.out));
  auto lines = lines_of(r.out);
  REQUIRE(!lines.empty());
  std::regex stamped(R"(^\d\d:\d\d \S.*$)");
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(std::regex_match(line, stamped));
  }
  // The first get-ready is long enough to lie down (15 s); the later ones are short.
  CHECK(has_line(lines, "00:00 get ready · next: step 1/3 · Extension"));
  CHECK(has_line(lines, "00:15 step 1/3 · Extension · position 1 of 2 · 0:20"));
  CHECK(has_line(lines, "00:19 breathe out 6 s · breath 1 of 2"));
  CHECK(has_line(lines, "00:35 get ready · move the roller up an inch (position 2 of 2)"));
  CHECK(has_line(lines, "01:03 step 2/3 · Lat roll · left · 0:12 · 3 reps, slow tempo"));
  // The lat roll starts in the armpit: down the side first, never up into it.
  CHECK(has_line(lines, "01:07 rep 2 of 3 · slowly down"));
  CHECK(has_line(lines, "01:09 rep 2 of 3 · slowly back"));
  CHECK(has_line(lines, "01:15 get ready · switch to the right side"));
  CHECK(has_line(lines, "01:18 step 2/3 · Lat roll · right · 0:12 · 3 reps, slow tempo"));
  CHECK(has_line(lines, "01:45 finished"));
  CHECK(has_line(
      lines, "01:45 Session complete: 1:14 of 1:14 done (get-readies not counted) · 3 of 3 steps"));
  CHECK(has_line(lines, "01:45 zones: full-body 0:10 · lats 0:24 · thoracic 0:40"));
  CHECK(r.out.find("Move right away") != std::string::npos);
}

TEST_CASE("plain is automatic when stdout is not a terminal, and keys on stdin are ignored") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto r = run_roll(home, Run{{"session", path, "--speed", "1000"}, {}, "q!n "});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("01:45 Session complete") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("--events prints JSON lines ending with a summary") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto r = run_cli(home, {"session", path, "--events", "--speed", "1000"});
  CHECK(r.exit_code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() > 10);
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(line.starts_with("{"));
    CHECK(line.ends_with("}"));
    CHECK(line.find("\"event\"") != std::string::npos);
    CHECK(line.find(R"("version" : 1)") != std::string::npos);
    if (line.find(R"("summary")") == std::string::npos &&
        line.find(R"("notice")") == std::string::npos) {
      CHECK(line.find(R"("due_ms" : )") != std::string::npos);
      CHECK(line.find(R"("clock_ms" : )") != std::string::npos);
    }
  }
  // What was said before the first second comes first, as `notice` lines (issue 14): here the
  // routine's lint warnings, which plain mode prints on stderr.
  auto started = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.find("\"started\"") != std::string::npos;
  });
  REQUIRE(started != lines.end());
  REQUIRE(started != lines.begin());
  for (auto it = lines.begin(); it != started; ++it) {
    CAPTURE(*it);
    CHECK(it->find(R"("event" : "notice")") != std::string::npos);
  }
  CHECK(r.out.find(R"("text" : "warning[move-after]: the last step on the roller)") !=
        std::string::npos);
  CHECK(r.err.find("warning[move-after]") != std::string::npos);
  CHECK(r.out.find(R"("event" : "tick")") != std::string::npos);
  CHECK(r.out.find(R"("phase" : "exhale")") != std::string::npos);
  CHECK(r.out.find(R"("side" : "right")") != std::string::npos);
  const auto& last = lines.back();
  CHECK(last.find(R"("event" : "summary")") != std::string::npos);
  CHECK(last.find(R"("status" : "completed")") != std::string::npos);
  CHECK(last.find(R"("completed_seconds" : 74)") != std::string::npos);
  CHECK(last.find(R"("thoracic" : 40)") != std::string::npos);
  CHECK(last.find(R"("hold_changes" : [])") != std::string::npos);
}

TEST_CASE("routine text cannot reach the terminal raw in plain or JSON mode") {
  TempDir home;
  std::string evil = kRoutine;
  evil.replace(evil.find("Short check"), 11,
               R"(Short \u001b]0;owned\u0007 \u001b]52;c;ZXZpbA==\u0007)");
  evil.replace(evil.find("\"Extension\""), 11, R"("Ext\u001b[2J\u001b[Hension\u202e")");
  auto path = home.write("evil.toml", evil).string();
  for (const char* mode : {"--plain", "--events"}) {
    CAPTURE(mode);
    auto r = run_cli(home, {"session", path, mode, "--speed", "1000"});
    CHECK(r.exit_code == 0);
    CHECK(no_control_bytes(r.out));
    CHECK(r.out.find("\u202e") == std::string::npos);
    CHECK(r.out.find("Short") != std::string::npos);
  }
}

TEST_CASE("a bundled routine runs to the end") {
  TempDir home;
  auto r = run_cli(home, {"session", "beginner", "--plain", "--speed", "1000", "--no-log"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Session complete") != std::string::npos);
}

TEST_CASE("usage errors exit 2: unknown routine, bad speed") {
  TempDir home;
  auto unknown = run_cli(home, {"session", "thoracc", "--plain"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("did you mean `thoracic`?") != std::string::npos);
  auto bad_speed = run_cli(home, {"session", "thoracic", "--plain", "--speed", "0"});
  CHECK(bad_speed.exit_code == 2);
  auto help = run_cli(home, {"session", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Examples:") != std::string::npos);
}

TEST_CASE("a routine with safety errors is refused before the first second, exit 3") {
  TempDir home;
  std::string lumbar = kRoutine;
  lumbar.replace(lumbar.find("zone = \"thoracic\""), 17, "zone = \"lumbar\"");
  auto path = home.write("lumbar.toml", lumbar).string();
  auto r = run_cli(home, {"session", path, "--plain", "--speed", "1000"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("step 1/3") == std::string::npos);
  CHECK(r.err.find("lumbar") != std::string::npos);
}

TEST_CASE("--voice with a missing speech program warns once and goes on") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto r = run_cli(home, {"session", path, "--plain", "--speed", "1000", "--voice",
                          "--voice-command", "no-such-speech-program"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Session complete") != std::string::npos);
  auto first = r.err.find("not found");
  REQUIRE(first != std::string::npos);
  CHECK(r.err.find("not found", first + 1) == std::string::npos);
}

TEST_CASE("plain and JSON lines carry each step's cue when the step starts (issue 14)") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto plain = run_cli(home, {"session", path, "--plain", "--speed", "1000", "--no-log"});
  CHECK(plain.exit_code == 0);
  auto lines = lines_of(plain.out);
  CHECK(has_line(lines, "00:15 cue · Lean back over the roller and breathe out."));
  // Once per step: not again at position 2.
  CHECK(std::count(lines.begin(), lines.end(),
                   "00:15 cue · Lean back over the roller and breathe out.") == 1);
  CHECK(plain.out.find("00:38 cue") == std::string::npos);
  auto events = run_cli(home, {"session", path, "--events", "--speed", "1000", "--no-log"});
  CHECK(events.exit_code == 0);
  int cues = 0;
  for (const auto& line : lines_of(events.out)) {
    if (line.find(R"("cue" : "Lean back over the roller and breathe out.")") == std::string::npos)
      continue;
    ++cues;
    CHECK(line.find(R"("event" : "step")") != std::string::npos);
    CHECK(line.find(R"("at_ms" : 15000)") != std::string::npos);
  }
  CHECK(cues == 1);
}

TEST_CASE("--ready key needs a keyboard: without one it is a usage error") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto r = run_cli(home, {"session", path, "--plain", "--ready", "key", "--no-log"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--ready key") != std::string::npos);
  auto bad = run_cli(home, {"session", path, "--plain", "--ready", "later", "--no-log"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("--voice: a step named like an option never reaches the speech program as one") {
  TempDir home;
  auto planted = home.write("notes.txt", "my notes\n");
  std::string evil = kRoutine;
  evil.replace(evil.find("\"Extension\""), 11, "\"--phonout=" + planted.string() + "\"");
  auto path = home.write("evil.toml", evil).string();
  // A recording speech program: it appends its arguments to a log, then its input.
  auto log = home.path() / "tts.log";
  auto script = home.write("fake-tts", "#!/bin/sh\nfor a in \"$@\"; do echo \"arg:$a\"; done >> '" +
                                           log.string() + "'\ncat >> '" + log.string() + "'\n");
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  // Slow enough that the get-ready (and so the step's name) is said before anything cuts it.
  auto r = run_cli(home, {"session", path, "--plain", "--speed", "50", "--no-log", "--voice",
                          "--voice-command", script.string() + " --rate 150"});
  CHECK(r.exit_code == 0);
  std::ifstream in(log);
  std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(said.find("arg:--phonout") == std::string::npos);
  CHECK(said.find("arg:--rate") != std::string::npos);
  CHECK(said.find("Step 1 of 3: --phonout=") != std::string::npos);
  std::ifstream notes(planted);
  std::string kept((std::istreambuf_iterator<char>(notes)), std::istreambuf_iterator<char>());
  CHECK(kept == "my notes\n");
  // Without --voice-command, the profile's `speech` is the command, options and all.
  std::filesystem::remove(log);
  home.write("config/roll/config.toml", "speech = \"" + script.string() + " --voice en-gb\"\n");
  auto profile =
      run_cli(home, {"session", path, "--plain", "--speed", "50", "--no-log", "--voice"});
  CHECK(profile.exit_code == 0);
  std::ifstream again(log);
  std::string said_again((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
  CHECK(said_again.find("arg:--voice\narg:en-gb") != std::string::npos);
  CHECK(said_again.find("Step 1 of 3: --phonout=") != std::string::npos);
  // A command with a quote left open is a usage error that names where it came from.
  home.write("config/roll/config.toml", "speech = \"espeak-ng -v 'en\"\n");
  auto open_quote =
      run_cli(home, {"session", path, "--plain", "--speed", "50", "--no-log", "--voice"});
  CHECK(open_quote.exit_code == 2);
  CHECK(open_quote.err.find("speech in config.toml") != std::string::npos);
}

// New with the in-process suite (issue 13 §1): PATH is read once, into the Context, so a run's
// PATH is the one the speech program is looked up on, not the test process's.
TEST_CASE("--voice looks the speech program up on the PATH roll started with") {
  TempDir home;
  std::string routine = short_routine(home);
  auto log = home.path() / "tts.log";
  auto script = home.write("bin/fake-tts", "#!/bin/sh\necho ran >> '" + log.string() + "'\n");
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  std::vector<std::string> args{"session",  routine,   "--plain",         "--speed", "50",
                                "--no-log", "--voice", "--voice-command", "fake-tts"};
  auto found =
      run_roll(home, Run{args, {{"PATH", (home.path() / "bin").string() + ":/usr/bin:/bin"}}, ""});
  CHECK(found.exit_code == 0);
  CHECK_FALSE(has(found.err, "not found"));
  CHECK(has(roll::test::slurp(log), "ran"));
  auto missing = run_roll(home, Run{args, {{"PATH", "/usr/bin:/bin"}}, ""});
  CHECK(missing.exit_code == 0);
  CHECK(has(missing.err, "speech program 'fake-tts' not found"));
}

// Issue 31: a missing speech program was reported after the session, behind the full screen; one
// that fails or writes errors (espeak-ng with no sound device: status 0 and ALSA's errors) not at
// all. Now each is a notice before the first second, which the full screen waits for Enter on
// (tests/tty/session_tty.sh) and --events carries before `started`.
TEST_CASE(
    "--voice: a speech program that is missing, fails or complains is said before the first "
    "second") {
  TempDir home;
  std::string routine = short_routine(home);
  auto failing = home.write("bin/fails", "#!/bin/sh\ncat >/dev/null\nexit 1\n");
  auto alsa = home.write("bin/alsa",
                         "#!/bin/sh\ncat >/dev/null\necho 'ALSA lib pcm.c: cannot "
                         "find card' >&2\n");
  for (const auto& p : {failing, alsa}) {
    std::filesystem::permissions(p, std::filesystem::perms::owner_all);
  }
  struct Case {
    std::string command, words;
  };
  for (const auto& c : {Case{"/nonexistent/speak", "speech program '/nonexistent/speak' not found"},
                        Case{failing.string(), "exited with status 1"},
                        Case{alsa.string(), "wrote to its error output: ALSA lib pcm.c"}}) {
    CAPTURE(c.command);
    auto r = run_cli(home, {"session", routine, "--events", "--speed", "1000", "--no-log",
                            "--voice", "--voice-command", c.command});
    CHECK(r.exit_code == 0);
    auto lines = lines_of(r.out);
    auto started = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
      return l.find(R"("event" : "started")") != std::string::npos;
    });
    REQUIRE(started != lines.end());
    auto notice = std::find_if(lines.begin(), started, [&](const std::string& l) {
      return l.find(R"("event" : "notice")") != std::string::npos &&
             l.find(c.words) != std::string::npos &&
             l.find("going on without a voice") != std::string::npos;
    });
    CHECK(notice != started);
    CHECK(has(r.err, c.words));
  }
}

TEST_CASE("a bedtime session records its time on the roller, cat-cow and the needle left out") {
  TempDir home;
  auto r = roll_at(home, kAfternoon,
                   {"session", "bedtime", "--plain", "--speed", "1000", "--log-rehearsal"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(has(r.out, "zones: full-body 1:00 · thoracic 5:00"));
  CHECK(has(r.out, "on the roller: 3:00 (movement off it, such as cat-cow, not counted)"));
  auto json = roll_at(home, kAfternoon, {"history", "--json"}).out;
  CHECK(has(json, "\"roller_recorded\" : true"));
  CHECK(std::regex_search(
      json, std::regex(R"("roller_seconds" : \{\s*"full-body" : 0,\s*"thoracic" : 180\s*\})")));
  auto events = roll_at(home, kAfternoon, {"session", "bedtime", "--events", "--speed", "1000"});
  REQUIRE_MESSAGE(events.exit_code == 0, events.err);
  CHECK(has(events.out, R"("roller_seconds" : {"full-body" : 0,"thoracic" : 180})"));
}
