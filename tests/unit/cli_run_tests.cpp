// cli::run in process: the whole command line (parsing, the command, the exit code) against
// in-memory streams, a fixed "now" and XDG directories in a temporary one, with no child process.
#include <doctest/doctest.h>
#include <stdio.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "fixtures.hpp"

namespace fs = std::filesystem;

namespace {

// One run's streams: stdin from a string, stdout and stderr into memory.
struct Streams {
  char* out_buf = nullptr;
  char* err_buf = nullptr;
  std::size_t out_size = 0;
  std::size_t err_size = 0;
  std::string input;
  std::FILE* in = nullptr;
  std::FILE* out = nullptr;
  std::FILE* err = nullptr;
  explicit Streams(std::string text = "") : input(std::move(text)) {
    in = input.empty() ? std::fopen("/dev/null", "r") : ::fmemopen(input.data(), input.size(), "r");
    out = ::open_memstream(&out_buf, &out_size);
    err = ::open_memstream(&err_buf, &err_size);
    REQUIRE(in != nullptr);
    REQUIRE(out != nullptr);
    REQUIRE(err != nullptr);
  }
  ~Streams() {
    std::fclose(in);
    std::fclose(out);
    std::fclose(err);
    std::free(out_buf);
    std::free(err_buf);
  }
  Streams(const Streams&) = delete;
  Streams& operator=(const Streams&) = delete;
  std::string stdout_text() {
    std::fflush(out);
    return {out_buf, out_size};
  }
  std::string stderr_text() {
    std::fflush(err);
    return {err_buf, err_size};
  }
};

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

// A home in `dir`: one user routine (a copy of the bundled thoracic), no bundled ones, and
// 2026-11-23 21:30 UTC as "now".
roll::cli::Context context_in(const fs::path& dir, Streams& s) {
  roll::cli::Context ctx;
  ctx.env.config_home = dir / "config";
  ctx.env.data_home = dir / "data";
  ctx.env.state_home = dir / "state";
  ctx.env.exe_dir = dir / "bin";  // so <exe>/../share/roll/routines is empty
  ctx.in = s.in;
  ctx.out = s.out;
  ctx.err = s.err;
  ctx.now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{21} +
            std::chrono::minutes{30};
  return ctx;
}

Run run_roll(const fs::path& dir, const std::vector<std::string>& args) {
  Streams s;
  auto ctx = context_in(dir, s);
  Run r;
  r.code = roll::cli::run(args, ctx);
  r.out = s.stdout_text();
  r.err = s.stderr_text();
  return r;
}

}  // namespace

TEST_CASE("cli::run: list, due --quiet and a usage error, in process") {
  roll::test::TempDb home("roll-cli-run");
  fs::create_directories(home.dir / "config" / "roll" / "routines");
  fs::copy_file(fs::path(ROLL_SOURCE_DIR) / "routines" / "thoracic.toml",
                home.dir / "config" / "roll" / "routines" / "mine.toml");

  SUBCASE("roll list names the user's routine and exits 0") {
    auto r = run_roll(home.dir, {"list"});
    CHECK(r.code == 0);
    CHECK(r.out.find("mine") != std::string::npos);
    CHECK(r.err.empty());
  }
  SUBCASE("roll list --json is JSON with the routine in it") {
    auto r = run_roll(home.dir, {"list", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("{", 0) == 0);
    CHECK(r.out.find("\"mine\"") != std::string::npos);
  }
  SUBCASE("roll due --quiet with no history: due, silent, exit 0") {
    auto r = run_roll(home.dir, {"due", "--quiet"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
  SUBCASE("a misspelt option: one line on stderr, exit 2, nothing on stdout") {
    auto r = run_roll(home.dir, {"list", "--jsn"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "roll: unknown option '--jsn' for 'roll list'; did you mean '--json'?\n");
  }
  SUBCASE("an unknown command: exit 2") {
    auto r = run_roll(home.dir, {"lsit"});
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean 'roll list'?") != std::string::npos);
  }
}

TEST_CASE(
    "cli::run: remind --install replaces a differing unit only with --force, keeping a .bak") {
  roll::test::TempDb home("roll-cli-remind");
  auto dir = home.dir / "config" / "systemd" / "user";
  fs::create_directories(dir);
  auto timer = dir / "roll-reminder.timer";
  {
    std::FILE* f = std::fopen(timer.c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs("mine\n", f);
    std::fclose(f);
  }
  const std::vector<std::string> install = {"remind", "--at", "21:30", "--systemd", "--install"};

  auto refused = run_roll(home.dir, install);
  CHECK(refused.code == 2);
  CHECK(refused.err.find("--force replaces it") != std::string::npos);
  CHECK(roll::test::slurp(timer) == "mine\n");

  auto forced = [&] {
    auto args = install;
    args.push_back("--force");
    return run_roll(home.dir, args);
  }();
  CHECK(forced.code == 0);
  CHECK(roll::test::slurp(dir / "roll-reminder.timer.bak") == "mine\n");
  CHECK(roll::test::slurp(timer).find("OnCalendar=") != std::string::npos);
  // Written through the atomic writer: nothing else is left in the directory (no temp files).
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"roll-reminder.service", "roll-reminder.timer",
                                          "roll-reminder.timer.bak"});

  // A second install with the same units leaves them alone; replacing one that differs again goes
  // to a fresh .bak.2, never over the first backup.
  CHECK(run_roll(home.dir, install).code == 0);
  {
    std::FILE* f = std::fopen(timer.c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs("edited\n", f);
    std::fclose(f);
  }
  auto args = install;
  args.push_back("--force");
  CHECK(run_roll(home.dir, args).code == 0);
  CHECK(roll::test::slurp(dir / "roll-reminder.timer.bak") == "mine\n");
  CHECK(roll::test::slurp(dir / "roll-reminder.timer.bak.2") == "edited\n");
}
