// A profile the user cannot read stops the session, through the built binary run without the
// capabilities that let root read it anyway (setpriv). The other gates run in process:
// tests/cli/injury_tests.cpp and tests/cli/profile_tests.cpp.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "run_roll.hpp"
#include "sample_routines.hpp"

using namespace roll::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr const char* kStop = "2026-11-20T21:00:00Z";  // the pain stop

const std::string& kRoutine = kShortThoracic;

}  // namespace

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
