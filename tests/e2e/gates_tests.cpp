// The gates before a session, through the built binary with ROLL_NOW fixing the wall clock: an
// injury (a pain stop is one) is refused for 48 h and then asked about, which no --yes and no
// missing terminal can answer; a profile that exists but cannot be read stops every command that
// reads it; the profile's level and roller are used. (The questions themselves need a terminal:
// tests/tty/session_tty.sh answers them, and tests/unit/gates_tests.cpp covers their logic.)
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_roll.hpp"

using namespace roll::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr const char* kStop = "2026-11-20T21:00:00Z";  // the pain stop

// A short routine pressing the thoracic zone: about 0.1 s at --speed 1000.
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
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 30
)";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Result roll_at(const TempDir& home, const std::string& now, std::vector<std::string> args) {
  return run_roll(home, Run{std::move(args), {{"ROLL_NOW", now}}, ""});
}

// `hours` after the pain stop, as ROLL_NOW.
std::string after(int hours) {
  std::time_t t = 1795208400 + hours * 3600;  // kStop
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the test's clock: after(0) is the pain stop") {
  CHECK(after(0) == kStop);
}

TEST_CASE("a pain stop holds: refused for 48 h, then asked, and never lapses by itself") {
  TempDir home;
  auto routine = home.write("short.toml", kRoutine).string();
  // What `!` leaves behind (the tty test presses the key itself): an injury at the stop's time.
  REQUIRE(roll_at(home, kStop, {"injury", "add", "thoracic", "--note", "pain stop"}).exit_code ==
          0);

  SUBCASE("10 h: refused, with or without --yes, on a neighbour too") {
    for (auto args : std::vector<std::vector<std::string>>{
             {"injury", "check", routine},
             {"injury", "check", "lats"},
             {"session", routine, "--plain", "--speed", "1000"},
             {"session", routine, "--plain", "--speed", "1000", "--yes"}}) {
      CAPTURE(args.back());
      auto r = roll_at(home, after(10), args);
      CHECK(r.exit_code == 3);
      CHECK(has(r.err, "38 h remain"));
      CHECK_FALSE(has(r.out, "step 1/"));
    }
  }
  SUBCASE("60 h: the question cannot be answered by --yes or without a terminal") {
    for (auto args : std::vector<std::vector<std::string>>{
             {"injury", "check", routine},
             {"session", routine, "--plain", "--speed", "1000"},
             {"session", routine, "--plain", "--speed", "1000", "--yes"}}) {
      CAPTURE(args.back());
      auto r = roll_at(home, after(60), args);
      CHECK(r.exit_code == 3);
      CHECK(has(r.err, "asks whether the acute pain has subsided"));
      CHECK(has(r.err, "roll injury clear 1"));
      CHECK_FALSE(has(r.out, "step 1/"));
    }
    auto list = roll_at(home, after(60), {"injury", "list", "--json"});
    CHECK(has(list.out, "\"window\" : \"ask\""));
    CHECK(has(list.out, "\"hours_remaining\" : 12"));
    CHECK(
        has(roll_at(home, after(60), {"injury", "list"}).out, "asks if pain subsided, 12 h left"));
  }
  SUBCASE("80 h and a year on: still open, still refused without an answer, listed") {
    for (int h : {80, 24 * 365}) {
      CAPTURE(h);
      auto r = roll_at(home, after(h), {"session", routine, "--plain", "--speed", "1000"});
      CHECK(r.exit_code == 3);
      CHECK(has(r.err, "roll injury clear 1"));
      auto list = roll_at(home, after(h), {"injury", "list", "--json"});
      CHECK(has(list.out, "\"window\" : \"ask-to-clear\""));
      CHECK(has(list.out, "\"note\" : \"pain stop\""));
      CHECK(has(roll_at(home, after(h), {"injury", "list"}).out, "open: a yes at a session"));
    }
    // The command the refusal names answers it.
    CHECK(roll_at(home, after(80), {"injury", "clear", "1"}).exit_code == 0);
    CHECK(roll_at(home, after(80), {"injury", "check", routine}).exit_code == 0);
    CHECK(roll_at(home, after(80), {"session", routine, "--plain", "--speed", "1000"}).exit_code ==
          0);
  }
  SUBCASE("a far zone runs") {
    CHECK(roll_at(home, after(10), {"injury", "check", "glutes"}).exit_code == 0);
  }
  SUBCASE("--yes is no longer an option of `injury check`: it had only the question to answer") {
    CHECK(roll_at(home, after(60), {"injury", "check", routine, "--yes"}).exit_code == 2);
  }
}

TEST_CASE("a profile that exists but cannot be read stops every command that reads it") {
  TempDir home;
  home.write("short.toml", kRoutine);
  auto profile = home.path() / "config/roll/config.toml";
  fs::create_directories(profile.parent_path());
  auto expect_stopped = [&](const std::string& what) {
    for (auto args : std::vector<std::vector<std::string>>{
             {"session", (home.path() / "short.toml").string(), "--plain", "--speed", "1000"},
             {"injury", "check", "bedtime"},
             {"due"},
             {"stats"},
             {"lint", "--profile", "bedtime"},
             {"new", "evening"}}) {
      CAPTURE(what);
      CAPTURE(args.front());
      auto r = roll_at(home, kStop, args);
      CHECK(r.exit_code == 2);
      CHECK(has(r.err, profile.string()));
      CHECK_FALSE(has(r.out, "step 1/"));
    }
    CHECK_FALSE(fs::exists(home.path() / "config/roll/routines/evening.toml"));
  };
  SUBCASE("a dangling symlink") {
    fs::create_symlink(home.path() / "nowhere.toml", profile);
    expect_stopped("dangling");
    CHECK(has(roll_at(home, kStop, {"due"}).err, "dangling symlink"));
  }
  SUBCASE("a symlink loop") {
    fs::create_symlink(profile, profile);
    expect_stopped("loop");
    CHECK(has(roll_at(home, kStop, {"due"}).err, "cannot be followed"));
  }
  SUBCASE("a directory") {
    fs::create_directories(profile);
    expect_stopped("directory");
    CHECK(has(roll_at(home, kStop, {"due"}).err, "is a directory"));
  }
  SUBCASE("no profile at all is the default one") {
    CHECK(roll_at(home, kStop, {"injury", "check", "bedtime"}).exit_code == 0);
  }
}

TEST_CASE("a profile of mode 000 stops the session, as an unprivileged user") {
  TempDir home;
  auto routine = home.write("short.toml", kRoutine);
  auto profile = home.write("config/roll/config.toml", "[conditions]\nosteoporosis = true\n");
  fs::permissions(profile, fs::perms::none);
  // Root reads a mode 000 file through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: drop both (and
  // from the bounding set, so exec does not give them back) with setpriv.
  std::string binary = ROLL_BINARY;
  std::vector<std::string> prefix;
  if (::geteuid() == 0) {
    const char* setpriv = "/usr/bin/setpriv";
    if (::access(setpriv, X_OK) != 0) {
      MESSAGE("SKIPPED: running as root and setpriv is not installed");
      return;
    }
    binary = setpriv;
    prefix = {"--inh-caps=-dac_override,-dac_read_search",
              "--bounding-set=-dac_override,-dac_read_search", ROLL_BINARY};
  }
  for (auto args : std::vector<std::vector<std::string>>{
           {"session", routine.string(), "--plain", "--speed", "1000"},
           {"injury", "check", "bedtime"}}) {
    CAPTURE(args.front());
    ChildOptions o;
    o.binary = binary;
    o.args = prefix;
    o.args.insert(o.args.end(), args.begin(), args.end());
    o.env = isolated_environment(home.path(), {{"ROLL_NOW", kStop}});
    o.stdout_file = home.path() / ".out";
    o.stderr_file = home.path() / ".err";
    Child child(o);
    auto status = child.wait(60s);
    REQUIRE(status);
    std::string err = slurp(o.stderr_file);
    CAPTURE(err);
    if (::geteuid() == 0 && has(err, "setpriv:")) {
      MESSAGE("SKIPPED: setpriv cannot drop capabilities here: " << err);
      return;
    }
    REQUIRE(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 2);
    CHECK(has(err, profile.string()));
    CHECK(has(err, "Permission denied"));
    CHECK_FALSE(has(slurp(o.stdout_file), "step 1/"));
  }
}

TEST_CASE(
    "the profile is used: the beginner warning, the beginner rules, roll new, the bone caution") {
  TempDir home;
  auto config = [&](const std::string& text) { home.write("config/roll/config.toml", text); };
  SUBCASE("a beginner starting an intermediate routine is warned and told the beginner routine") {
    config("level = \"beginner\"\nroller = \"soft\"\n");
    auto r = roll_at(home, kStop, {"session", "glutes", "--plain", "--speed", "1000"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "level = \"beginner\" and 'glutes' is an intermediate routine"));
    CHECK(has(r.err, "roll session beginner"));
    auto own = roll_at(home, kStop, {"injury", "check", "beginner"});
    CHECK(own.exit_code == 0);
    CHECK_FALSE(has(own.err, "roll session beginner"));
    config("level = \"advanced\"\n");
    CHECK_FALSE(has(roll_at(home, kStop, {"injury", "check", "glutes"}).err, "beginner"));
  }
  SUBCASE("at session start the beginner rules apply with the user's own roller") {
    config("level = \"beginner\"\nroller = \"firm\"\n");
    auto r = roll_at(home, kStop, {"session", "bedtime", "--plain", "--speed", "1000"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "as a beginner with a firm roller (your profile)"));
    CHECK(has(r.err, "[beginner-roller]"));
    // roll lint is the same for everyone, unless asked to judge with the profile.
    auto plain = roll_at(home, kStop, {"lint", "--strict", "bedtime"});
    CHECK(plain.exit_code == 0);
    auto mine = roll_at(home, kStop, {"lint", "--strict", "--profile", "bedtime"});
    CHECK(mine.exit_code == 1);
    CHECK(has(mine.out, "beginner-roller"));
    auto beginner_spot = roll_at(home, kStop, {"lint", "--profile", "thoracic"});
    CHECK(has(beginner_spot.out, "beginner-spot"));
    CHECK_FALSE(has(roll_at(home, kStop, {"lint", "thoracic"}).out, "beginner-spot"));
  }
  SUBCASE("roll new writes the profile's level and roller") {
    config("level = \"advanced\"\nroller = \"firm\"\n");
    REQUIRE(roll_at(home, kStop, {"new", "evening"}).exit_code == 0);
    auto text = slurp(home.path() / "config/roll/routines/evening.toml");
    CHECK(has(text, "level = \"advanced\"              # beginner"));
    CHECK(has(text, "roller = \"firm\"                 # soft"));
    CHECK(roll_at(home, kStop, {"lint", "--strict", "evening"}).exit_code == 0);
    config("level = \"intermediate\"\nroller = \"textured\"\n");
    REQUIRE(roll_at(home, kStop, {"new", "other"}).exit_code == 0);
    text = slurp(home.path() / "config/roll/routines/other.toml");
    CHECK(has(text, "level = \"intermediate\""));
    CHECK(has(text, "roller = \"textured\""));
  }
  SUBCASE("roll new without a profile: the beginner template, which passes --strict") {
    REQUIRE(roll_at(home, kStop, {"new", "evening"}).exit_code == 0);
    auto text = slurp(home.path() / "config/roll/routines/evening.toml");
    CHECK(has(text, "level = \"beginner\"              # beginner"));
    CHECK(has(text, "roller = \"soft\"                 # soft"));
  }
  SUBCASE("osteoporosis cleared: firm rollers and rib work still get the caution, once") {
    config("[conditions]\nosteoporosis = \"cleared\"\n");
    auto r = roll_at(home, kStop, {"session", "thoracic", "--plain", "--speed", "1000"});
    CHECK(r.exit_code == 0);
    auto at = r.err.find("cause fractures in compromised bone");
    CHECK(at != std::string::npos);
    CHECK(r.err.find("cause fractures in compromised bone", at + 1) == std::string::npos);
    CHECK_FALSE(has(r.out, "cause fractures"));  // said before the session, not during it
    config("roller = \"soft\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    CHECK_FALSE(has(roll_at(home, kStop, {"injury", "check", "glutes"}).err, "fractures"));
    config("roller = \"firm\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    CHECK(has(roll_at(home, kStop, {"injury", "check", "glutes"}).err, "firm roller"));
  }
}
