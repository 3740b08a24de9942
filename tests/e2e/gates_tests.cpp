// A profile the user cannot read stops the session, through the built binary run without the
// capabilities that let root read it anyway (setpriv). The other gates run in process:
// tests/cli/injury_tests.cpp and tests/cli/profile_tests.cpp.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "run_roll.hpp"
#include "sample_routines.hpp"
#include "skip.hpp"

using namespace roll::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr const char* kStop = "2026-11-20T21:00:00Z";  // the pain stop

const std::string& kRoutine = kShortThoracic;

constexpr const char* kSetpriv = "/usr/bin/setpriv";

// Root reads a mode 000 file through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: setpriv drops
// both (and from the bounding set, so exec does not give them back).
const std::vector<std::string> kDropReading = {"--inh-caps=-dac_override,-dac_read_search",
                                               "--bounding-set=-dac_override,-dac_read_search"};

// Why this process cannot run roll without the right to read any file; empty when it can (it is
// not root, or setpriv drops the capabilities here: a container may forbid it).
std::string cannot_drop_reading() {
  if (::geteuid() != 0) return {};
  if (::access(kSetpriv, X_OK) != 0) return "running as root and setpriv is not installed";
  std::string command = std::string(kSetpriv);
  for (const auto& a : kDropReading) command += " " + a;
  command += " /bin/true 2>/dev/null";
  if (std::system(command.c_str()) != 0) return "setpriv cannot drop capabilities here";
  return {};
}

}  // namespace

TEST_CASE("a profile of mode 000 stops the session, as an unprivileged user") {
  const std::string cannot = cannot_drop_reading();
  ROLL_SKIP_UNLESS(cannot.empty(), cannot);
  TempDir home;
  auto routine = home.write("short.toml", kRoutine);
  auto profile = home.write("config/roll/config.toml", "[conditions]\nosteoporosis = true\n");
  fs::permissions(profile, fs::perms::none);
  std::string binary = ROLL_BINARY;
  std::vector<std::string> prefix;
  if (::geteuid() == 0) {
    binary = kSetpriv;
    prefix = kDropReading;
    prefix.emplace_back(ROLL_BINARY);
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
    CHECK_FALSE(has(err, "setpriv:"));
    REQUIRE(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 2);
    CHECK(has(err, profile.string()));
    CHECK(has(err, "Permission denied"));
    CHECK_FALSE(has(slurp(o.stdout_file), "step 1/"));
  }
}
