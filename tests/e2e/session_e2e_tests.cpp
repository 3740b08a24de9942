// `roll session` through the built binary: plain lines and JSON lines at high speed (a 95 s
// routine takes about 0.1 s at --speed 1000), refusals, and hostile text.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_roll.hpp"

using roll::test::Run;
using roll::test::run_cli;
using roll::test::run_roll;
using roll::test::TempDir;

namespace {

// 0 ready | 5 Extension pos 1 | 25 move | 28 pos 2 | 48 ready | 53 Lat roll left | 65 switch
// 68 right | 80 ready | 85 Cat-cow | 95 end
const std::string kRoutine = R"(schema = 1
name = "short"
title = "Short check"

[[step]]
name = "Extension"
zone = "thoracic"
breaths = 2
positions = 2
cue = "Lean back over the roller and breathe out."

[[step]]
name = "Lat roll"
kind = "roll"
zone = "lats"
side = "both"
reps = 3

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 10
)";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
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
  CHECK(has_line(lines, "00:00 get ready · next: step 1/3 · Extension"));
  CHECK(has_line(lines, "00:05 step 1/3 · Extension · position 1 of 2 · 0:20"));
  CHECK(has_line(lines, "00:09 breathe out 6 s · breath 1 of 2"));
  CHECK(has_line(lines, "00:25 get ready · move the roller up an inch (position 2 of 2)"));
  CHECK(has_line(lines, "00:53 step 2/3 · Lat roll · left · 0:12 · 3 reps, slow tempo"));
  CHECK(has_line(lines, "00:57 rep 2 of 3 · slowly up"));
  CHECK(has_line(lines, "01:05 get ready · switch to the right side"));
  CHECK(has_line(lines, "01:08 step 2/3 · Lat roll · right · 0:12 · 3 reps, slow tempo"));
  CHECK(has_line(lines, "01:35 finished"));
  CHECK(has_line(lines, "01:35 Session complete: 1:14 of 1:14 done · 3 of 3 steps"));
  CHECK(has_line(lines, "01:35 zones: full-body 0:10 · lats 0:24 · thoracic 0:40"));
  CHECK(r.out.find("Move right away") != std::string::npos);
}

TEST_CASE("plain is automatic when stdout is not a terminal, and keys on stdin are ignored") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  auto r = run_roll(home, Run{{"session", path, "--speed", "1000"}, {}, "q!n "});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("01:35 Session complete") != std::string::npos);
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
  CHECK(has_line(lines, "00:05 cue · Lean back over the roller and breathe out."));
  // Once per step: not again at position 2.
  CHECK(std::count(lines.begin(), lines.end(),
                   "00:05 cue · Lean back over the roller and breathe out.") == 1);
  CHECK(plain.out.find("00:28 cue") == std::string::npos);
  auto events = run_cli(home, {"session", path, "--events", "--speed", "1000", "--no-log"});
  CHECK(events.exit_code == 0);
  int cues = 0;
  for (const auto& line : lines_of(events.out)) {
    if (line.find(R"("cue" : "Lean back over the roller and breathe out.")") == std::string::npos)
      continue;
    ++cues;
    CHECK(line.find(R"("event" : "step")") != std::string::npos);
    CHECK(line.find(R"("at_ms" : 5000)") != std::string::npos);
  }
  CHECK(cues == 1);
}

TEST_CASE("a closed stdout ends a plain session at once, not recorded as completed") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  for (const char* mode : {"--plain", "--events"}) {
    CAPTURE(mode);
    roll::test::ChildOptions options;
    // Real time: the next event after the first lines is 5 s away, the end 95 s.
    options.args = {"session", path, mode};
    options.env = roll::test::isolated_environment(home.path());
    roll::test::Child child(options);
    auto first = child.read_line(std::chrono::seconds(10));
    REQUIRE(first);
    // Plain mode starts with the start line; events with the notices said before it.
    CHECK((first->find("start") != std::string::npos ||
           first->find(R"("event" : "notice")") != std::string::npos));
    auto started = std::chrono::steady_clock::now();
    child.close_stdout();  // as `| head -1` does
    auto status = child.wait(std::chrono::seconds(3));
    REQUIRE_MESSAGE(status, "roll went on into a closed pipe");
    CHECK(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 0);
    // At once: well before the next event would have written (and failed) at 5 s.
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
  }
  auto history = run_cli(home, {"history", "--json"});
  CHECK(history.out.find("\"completed\"") == std::string::npos);
  CHECK(history.out.find("\"interrupted\"") != std::string::npos);
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
  auto open_quote = run_cli(home, {"session", path, "--plain", "--no-log", "--voice"});
  CHECK(open_quote.exit_code == 2);
  CHECK(open_quote.err.find("speech in config.toml") != std::string::npos);
}
