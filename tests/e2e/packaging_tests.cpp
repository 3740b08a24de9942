// What only a real process shows, through the built binary with XDG_* in a temporary directory:
// a closed pipe with SIGPIPE at its default, and `roll new --edit`, whose editor is a child that
// inherits roll's own environment (VISUAL, EDITOR). --color, --help, the rest of `roll new` and
// `roll completion` run in process: tests/cli/app_tests.cpp, new_tests.cpp, completion_tests.cpp.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixtures.hpp"
#include "run_roll.hpp"

using roll::test::run_roll;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

struct PipeResult {
  int exit_code = -1;
  std::string err;
};

// Runs roll with stdout a pipe whose reading end is already closed, and SIGPIPE at its default
// (death), so every write fails the way it does under `roll ... | head -c1` once head has gone.
PipeResult run_into_closed_pipe(const TempDir& home, std::vector<std::string> args) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);
  auto err_path = home.path() / ".pipe-stderr";
  std::vector<std::string> argv_strings{ROLL_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::signal(SIGPIPE, SIG_DFL);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fds[1], 1);
    ::dup2(err, 2);
    ::setenv("XDG_CONFIG_HOME", (home.path() / "config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home.path() / "data").c_str(), 1);
    ::setenv("XDG_STATE_HOME", (home.path() / "state").c_str(), 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  PipeResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = slurp(err_path);
  return r;
}

}  // namespace

TEST_CASE("a closed pipe ends a command quietly with exit 0") {
  TempDir home;
  for (std::vector<std::string> args : {std::vector<std::string>{"list"},
                                        {"show", "thoracic"},
                                        {"list", "--json"},
                                        {"completion", "bash"},
                                        {"--help"}}) {
    CAPTURE(args.front());
    auto r = run_into_closed_pipe(home, args);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
  }
}

TEST_CASE("roll new --edit opens $VISUAL, else $EDITOR, with the new file") {
  TempDir home;
  auto editor = home.write("fake-editor.sh", "#!/bin/sh\necho \"# edited by $0\" >> \"$1\"\n");
  std::filesystem::permissions(editor, std::filesystem::perms::owner_all);
  auto r = run_roll(home, {{"new", "a", "--edit"}, {{"EDITOR", editor.string()}}, {}});
  CHECK(r.exit_code == 0);
  CHECK(slurp(home.path() / "config/roll/routines/a.toml").ends_with("fake-editor.sh\n"));

  auto v = run_roll(
      home, {{"new", "b", "--edit"}, {{"VISUAL", editor.string() + " "}, {"EDITOR", "false"}}, {}});
  CHECK(v.exit_code == 0);
  CHECK(slurp(home.path() / "config/roll/routines/b.toml").ends_with("fake-editor.sh\n"));

  auto failed = run_roll(home, {{"new", "c", "--edit"}, {{"EDITOR", "false"}}, {}});
  CHECK(failed.exit_code == 2);
  CHECK(std::filesystem::exists(home.path() / "config/roll/routines/c.toml"));  // kept
}
