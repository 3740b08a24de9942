// Output that cannot be written, through the built binary with its stdout on /dev/full and in a
// pipe that closes (the shell's redirections: what the process itself is given). The rest of the
// honest records run in process: tests/cli/history_tests.cpp, due_tests.cpp, session_tests.cpp.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "fixtures.hpp"
#include "run_roll.hpp"
#include "skip.hpp"
#include "test_zone.hpp"

using roll::test::has;
using roll::test::seed_history;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

constexpr const char* kNow = "2026-11-23T21:00:00Z";  // a Monday evening

int shell(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("output that cannot be written is an error: exit 2, for every command") {
  ROLL_SKIP_UNLESS(std::filesystem::exists("/dev/full"), "no /dev/full");
  TempDir home;
  seed_history(home, "bedtime 2026-11-20T21:00:00Z completed 300\n");
  auto env = fmt::format(
      "env -i HOME='{0}' XDG_CONFIG_HOME='{0}/config' XDG_DATA_HOME='{0}/data' "
      "XDG_STATE_HOME='{0}/state' ROLL_NOW={1} TZ='{3}' '{2}'",
      home.path().string(), kNow, ROLL_BINARY, roll::test::test_time_zone());
  for (const char* args : {"history --csv", "history --json --limit 0", "history", "stats", "list",
                           "due", "--help", "show thoracic"}) {
    CAPTURE(args);
    int code = shell(fmt::format("{} {} > /dev/full 2> '{}/err'", env, args, home.path().string()));
    CHECK(code == 2);
    CHECK(has(slurp(home.path() / "err"), "cannot write the output"));
  }
  // A closed pipe stays a normal end.
  CHECK(shell(fmt::format("{} history --limit 0 | head -c1 > /dev/null", env)) == 0);
}
