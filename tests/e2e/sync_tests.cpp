// roll sync through the built binary where only real processes show it (issue 20): a read-only
// folder (a bind mount in a mount namespace of its own when run as root) and two syncs at once on
// one device. The rest runs in process: tests/cli/sync_tests.cpp.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "fixtures.hpp"
#include "run_roll.hpp"
#include "skip.hpp"
#include "sync_devices.hpp"

using roll::test::Device;
using roll::test::lines_of;
using roll::test::slurp;
using roll::test::some_history;
using roll::test::sync_dir;
using roll::test::TempDir;

TEST_CASE("sync: a read-only folder is exit 2 with one line, the history untouched") {
  // root writes through permission bits: a read-only bind mount in a mount namespace of its own
  // (gone when the child ends) is what a read-only folder is to root.
  ROLL_SKIP_UNLESS(::geteuid() != 0 || std::system("unshare -m true 2>/dev/null") == 0,
                   "running as root without unshare, a read-only folder cannot be made");
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"};
  some_history(a);
  auto pending = a.roll({"sync", dir, "--status"}).out;
  REQUIRE(pending.find("pending: 0 ") == std::string::npos);
  std::string env;
  for (const auto& [k, v] : a.env()) env += fmt::format("{}='{}' ", k, v);
  auto err_file = home.path() / "err.txt";
  std::string sync =
      fmt::format("env {}'{}' sync '{}' 2>'{}'", env, ROLL_BINARY, dir, err_file.string());
  int status = 0;
  if (::geteuid() == 0) {
    status = std::system(fmt::format("unshare -m sh -c \"mount --bind '{0}' '{0}' && mount -o "
                                     "remount,ro,bind '{0}' '{0}' && {1}\"",
                                     dir, sync)
                             .c_str());
  } else {
    std::filesystem::permissions(
        dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    status = std::system(sync.c_str());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  }
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  auto err = slurp(err_file);
  CHECK(err.find("cannot write to the sync folder") != std::string::npos);
  CHECK(lines_of(err).size() == 1);
  CHECK(a.roll({"sync", dir, "--status"}).out == pending);
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("sync: two syncs at once on one device are serialized (no record written twice)") {
  TempDir home;
  auto dir = sync_dir(home);
  Device a{home, "a"};
  for (int day = 1; day <= 20; ++day) {
    REQUIRE(a.roll({"history", "add", "bedtime", "--at", fmt::format("2026-10-{:02} 21:30", day)})
                .exit_code == 0);
  }
  // Two children started together, each running `roll sync` through the shell.
  std::string cmd;
  for (const auto& [k, v] : a.env()) cmd += fmt::format("{}='{}' ", k, v);
  cmd = fmt::format("({0}'{1}' sync '{2}' >/dev/null & {0}'{1}' sync '{2}' >/dev/null & wait)", cmd,
                    ROLL_BINARY, dir);
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto lines = lines_of(slurp(std::filesystem::path(dir) / (a.id() + ".ndjson")));
  std::set<std::string> unique(lines.begin(), lines.end());
  CHECK(unique.size() == lines.size());
  CHECK(lines.size() > 20);
  CHECK(lines[0].find("roll_journal") != std::string::npos);
}
