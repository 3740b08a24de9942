// `roll session` into a pipe that closes, through the built binary: the session ends at once and
// is not recorded as completed. The rest of the session's tests run in process:
// tests/cli/session_tests.cpp.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <chrono>
#include <string>

#include "child_process.hpp"
#include "run_roll.hpp"
#include "sample_routines.hpp"

using roll::test::run_cli;
using roll::test::TempDir;

namespace {

const std::string& kRoutine = roll::test::kThreeSteps;

}  // namespace

TEST_CASE("a closed stdout ends a plain session at once, not recorded as completed") {
  TempDir home;
  auto path = home.write("short.toml", kRoutine).string();
  // A real session (not a --speed rehearsal) without a terminal starts only once the screening
  // is answered.
  home.write("config/roll/config.toml",
             "level = \"beginner\"\n[conditions]\nosteoporosis = false\nrecent-surgery = false\n"
             "recent-trauma = false\nactive-cancer = false\nneurological-symptoms = false\n"
             "muscle-guarding = false\n");
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
