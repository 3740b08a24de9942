// The conventions every command shares (--color, a closed pipe, examples in --help), `roll new`
// and `roll completion`, through the built binary with XDG_* in a temporary directory.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "run_roll.hpp"

using roll::test::Run;
using roll::test::run_cli;
using roll::test::run_roll;
using roll::test::TempDir;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has_escape(const std::string& text) {
  return text.find('\x1b') != std::string::npos;
}

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

TEST_CASE("--color: always and never win, NO_COLOR beats CLICOLOR_FORCE, auto is off in a pipe") {
  TempDir home;
  CHECK_FALSE(has_escape(run_cli(home, {"show", "thoracic"}).out));
  CHECK(has_escape(run_cli(home, {"show", "thoracic", "--color", "always"}).out));
  CHECK(has_escape(run_cli(home, {"--color=always", "show", "thoracic"}).out));
  CHECK_FALSE(has_escape(run_cli(home, {"show", "thoracic", "--color", "never"}).out));
  CHECK(has_escape(run_roll(home, {{"show", "thoracic"}, {{"CLICOLOR_FORCE", "1"}}, {}}).out));
  CHECK_FALSE(
      has_escape(run_roll(home, {{"show", "thoracic"}, {{"CLICOLOR_FORCE", "0"}}, {}}).out));
  CHECK_FALSE(has_escape(
      run_roll(home, {{"show", "thoracic"}, {{"CLICOLOR_FORCE", "1"}, {"NO_COLOR", "1"}}, {}})
          .out));
  CHECK(has_escape(
      run_roll(home, {{"show", "thoracic", "--color", "always"}, {{"NO_COLOR", "1"}}, {}}).out));
  CHECK_FALSE(has_escape(
      run_roll(home, {{"show", "thoracic", "--color", "never"}, {{"CLICOLOR_FORCE", "1"}}, {}})
          .out));
  auto bad = run_cli(home, {"list", "--color", "sometimes"});
  CHECK(bad.exit_code == 2);
}

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

TEST_CASE("every command's --help has examples") {
  TempDir home;
  auto top = run_cli(home, {"--help"});
  REQUIRE(top.exit_code == 0);
  CHECK(top.out.find("Examples:") != std::string::npos);
  // The command names, from the generated completion (which walks the command tree).
  auto script = run_cli(home, {"completion", "bash"}).out;
  auto at = script.find("    '') echo '");
  REQUIRE(at != std::string::npos);
  at += std::string("    '') echo '").size();
  std::istringstream names(script.substr(at, script.find('\'', at) - at));
  std::string name;
  int seen = 0;
  while (names >> name) {
    CAPTURE(name);
    auto r = run_cli(home, {name, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Examples:") != std::string::npos);
    ++seen;
  }
  CHECK(seen >= 4);
}

TEST_CASE("roll new writes a commented routine that loads cleanly, and never overwrites") {
  TempDir home;
  auto r = run_cli(home, {"new", "evening"});
  CHECK(r.exit_code == 0);
  auto path = home.path() / "config/roll/routines/evening.toml";
  REQUIRE(std::filesystem::exists(path));
  std::string text = slurp(path);
  // This binary runs from a build tree, whose path would go stale in the user's file: no
  // `#:schema` line (install_test.sh checks the installed binary writes one).
  CHECK(text.find("#:schema") == std::string::npos);
  CHECK(text.find(ROLL_SOURCE_DIR) == std::string::npos);
  CHECK(text.find("name = \"evening\"") != std::string::npos);

  auto shown = run_cli(home, {"show", "evening"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.err == "");  // no warnings either
  CHECK(shown.out.find("(evening, user)") != std::string::npos);

  // The safety linter must accept it as written (once `roll lint` is part of the build).
  if (run_cli(home, {"lint", "--help"}).out.find("Usage: roll lint") != std::string::npos) {
    auto lint = run_cli(home, {"lint", "--strict", "evening"});
    CAPTURE(lint.out);
    CAPTURE(lint.err);
    CHECK(lint.exit_code == 0);
  }

  home.write("config/roll/routines/evening.toml", "# mine\n");
  auto again = run_cli(home, {"new", "evening"});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("already exists") != std::string::npos);
  CHECK(slurp(path) == "# mine\n");
}

TEST_CASE("roll new --from copies a routine under the new name") {
  TempDir home;
  auto r = run_cli(home, {"new", "my-thoracic", "--from", "thoracic"});
  CHECK(r.exit_code == 0);
  std::string text = slurp(home.path() / "config/roll/routines/my-thoracic.toml");
  CHECK(text.find("name = \"my-thoracic\"") != std::string::npos);
  CHECK(text.find("name = \"thoracic\"") == std::string::npos);
  CHECK(text.find("#:schema ./") == std::string::npos);  // relative to the bundled folder
  auto shown = run_cli(home, {"show", "my-thoracic"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.err == "");
  CHECK(shown.out.find("(my-thoracic, user)") != std::string::npos);

  CHECK(run_cli(home, {"new", "x", "--from", "no-such-routine"}).exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(home.path() / "config/roll/routines/x.toml"));
}

TEST_CASE("roll new refuses a name that is not a routine name") {
  TempDir home;
  for (const char* name : {"Evening", "my routine", "-x", "../escape", "a_b"}) {
    CAPTURE(name);
    CHECK(run_cli(home, {"new", name}).exit_code == 2);
  }
  CHECK_FALSE(std::filesystem::exists(home.path() / "config/roll/routines"));
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

TEST_CASE("roll completion prints the three scripts and the names they look up") {
  TempDir home;
  home.write("config/roll/routines/evening.toml", "schema = 1\n");
  home.write("config/roll/routines/has space.toml", "schema = 1\n");
  auto routines = run_cli(home, {"completion", "--routines"});
  CHECK(routines.exit_code == 0);
  CHECK(routines.out.find("thoracic\n") != std::string::npos);
  CHECK(routines.out.find("evening\n") != std::string::npos);
  CHECK(routines.out.find("space") == std::string::npos);

  auto rules = run_cli(home, {"completion", "--rules"});
  CHECK(rules.out.find("no-lumbar\n") != std::string::npos);
  for (const char* rule : {"pressure-zone\n", "name-zone\n", "beginner-length\n"}) {
    CHECK(rules.out.find(rule) != std::string::npos);
  }

  CHECK(run_cli(home, {"completion", "bash"}).out.find("complete -F _roll roll") !=
        std::string::npos);
  CHECK(run_cli(home, {"completion", "zsh"}).out.starts_with("#compdef roll"));
  CHECK(run_cli(home, {"completion", "fish"}).out.find("complete -c roll") != std::string::npos);
  CHECK(run_cli(home, {"completion", "tcsh"}).exit_code == 2);
  CHECK(run_cli(home, {"completion"}).exit_code == 2);
}
