// `roll injury` and the gates before a session, in process with ROLL_NOW fixing the wall clock:
// an injury (a pain stop is one) is refused for 48 h and then asked about, which no --yes and no
// missing terminal can answer. (The questions themselves need a terminal: tests/tty answers
// them, and tests/unit/gates_tests.cpp covers their logic.)
#include <doctest/doctest.h>

#include <ctime>
#include <string>
#include <vector>

#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::TempDir;

namespace {

constexpr const char* kStop = "2026-11-20T21:00:00Z";  // the pain stop

const std::string& kRoutine = roll::test::kShortThoracic;

// `hours` after the pain stop, as ROLL_NOW.
std::string after(int hours) {
  std::time_t t = 1795208400 + hours * 3600;  // kStop
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
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

TEST_CASE("the injury windows at 10 h, 60 h and 80 h, on the zone and its neighbours") {
  TempDir home;
  SUBCASE("10 h: refused (exit 3) with the hours remaining, for the neighbouring glutes too") {
    CHECK(roll_now(home, {"injury", "add", "lower back", "--hours-ago", "10"}).exit_code == 0);
    auto r = roll_now(home, {"injury", "check", "glutes"});
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "lumbar was injured 10 h ago"));
    CHECK(has(r.err, "38 h remain"));
    auto list = roll_now(home, {"injury", "list", "--json"});
    CHECK(has(list.out, "\"window\" : \"refuse\""));
    CHECK(has(list.out, "\"hours_remaining\" : 38"));
  }
  SUBCASE("60 h: asks whether the pain has subsided; without a terminal that is exit 3") {
    CHECK(roll_now(home, {"injury", "add", "glutes", "--hours-ago", "60", "--note", "fell"})
              .exit_code == 0);
    auto r = roll_now(home, {"injury", "check", "glutes"});
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "roll injury clear 1"));
    CHECK(has(r.err, "not --yes"));
    auto list = roll_now(home, {"injury", "list"});
    CHECK(has(list.out, "12 h left"));
  }
  SUBCASE("80 h: still open until answered or cleared") {
    CHECK(roll_now(home, {"injury", "add", "glutes", "--hours-ago", "80"}).exit_code == 0);
    auto r = roll_now(home, {"injury", "check", "glutes"});
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "roll injury clear 1"));
  }
  SUBCASE("a far zone is not guarded; clearing (from 48 h on) lifts the rule") {
    CHECK(roll_now(home, {"injury", "add", "neck", "--hours-ago", "50"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "check", "glutes"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "check", "upper-back"}).exit_code == 3);
    CHECK(roll_now(home, {"injury", "clear", "1"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "check", "upper-back"}).exit_code == 0);
    CHECK(roll_now(home, {"injury", "clear", "1"}).exit_code == 2);
    CHECK(roll_now(home, {"injury", "list"}).out == "No injuries recorded.\n");
  }
  SUBCASE("bad input") {
    auto r = roll_now(home, {"injury", "add", "lumbr"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "did you mean \"lumbar\""));
    CHECK(roll_now(home, {"injury", "add", "neck", "--at", "2026-12-01T00:00:00Z"}).exit_code == 2);
    CHECK(roll_now(home, {"injury", "clear"}).exit_code == 2);
  }
}

TEST_CASE("injury add --hours-ago 1e300 is refused before anything is stored") {
  TempDir home;
  auto r = roll_now(home, {"injury", "add", "lumbar", "--hours-ago", "1e300"});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "--hours-ago"));
  CHECK(roll_now(home, {"injury", "list"}).out == "No injuries recorded.\n");
  CHECK(roll_now(home, {"injury", "add", "lumbar", "--at", "1900-01-01"}).exit_code == 2);
  CHECK(roll_now(home, {"injury", "add", "lumbar", "--hours-ago", "1"}).exit_code == 0);
  CHECK(roll_now(home, {"injury", "list"}).exit_code == 0);
}
