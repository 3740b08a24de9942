// The dispatcher hands each command the profile and the history (cli/user_data.hpp), each read on
// first use and at most once: counted here through the seam, with a source that wraps the files.
// One `roll session` reads config.toml once and opens the history database once, whichever of its
// steps run (pre-flight, check-in, fifth session, ratings, pain stop, streak, sync after it), and
// a command or an option that does not touch one never opens it.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/user_data.hpp"
#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::InProcess;
using roll::test::Result;
using roll::test::roll_at;
using roll::test::Run;
using roll::test::seed_history;
using roll::test::TempDir;

namespace {

constexpr const char* kAfternoon = "2026-11-23T15:00:00Z";

class CountingFiles final : public roll::cli::UserDataSource {
 public:
  roll::Profile read_profile(roll::cli::Context& ctx) override {
    ++profiles;
    return roll::cli::user_data_files().read_profile(ctx);
  }
  std::unique_ptr<roll::platform::HistoryStore> open_history(roll::cli::Context& ctx) override {
    ++histories;
    return roll::cli::user_data_files().open_history(ctx);
  }
  int profiles = 0;
  int histories = 0;
};

struct Counted {
  Result result;
  int profiles = 0;
  int histories = 0;
};

// One run at kAfternoon through a fresh counting source. `terminal`: stdin and stdout count as
// terminals, so the check-in asks and `input` answers (TERM=dumb: never the full screen).
Counted counted(const TempDir& home, std::vector<std::string> args, std::string input = "",
                bool terminal = false) {
  CountingFiles files;
  Run run{std::move(args), {{"ROLL_NOW", kAfternoon}, {"TERM", "dumb"}}, std::move(input)};
  Counted c;
  c.result = roll::test::run_roll(home, run, InProcess{&files, terminal});
  c.profiles = files.profiles;
  c.histories = files.histories;
  return c;
}

// `keys` on descriptor 0 for as long as it lives: what a session reads its keys from with --ready
// key (Run::input is the Context's stdin, which only the questions read).
class KeysOnStdin {
 public:
  explicit KeysOnStdin(const std::string& keys) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe");
    if (::write(fds[1], keys.data(), keys.size()) != static_cast<ssize_t>(keys.size())) {
      throw std::runtime_error("write");
    }
    ::close(fds[1]);
    saved_ = ::dup(0);
    ::dup2(fds[0], 0);
    ::close(fds[0]);
  }
  ~KeysOnStdin() {
    ::dup2(saved_, 0);
    ::close(saved_);
  }
  KeysOnStdin(const KeysOnStdin&) = delete;
  KeysOnStdin& operator=(const KeysOnStdin&) = delete;

 private:
  int saved_ = -1;
};

void write_profile(const TempDir& home, const std::string& text) {
  home.write("config/roll/config.toml", text);
}

}  // namespace

TEST_CASE("one roll session reads the profile once and opens the history once") {
  TempDir home;
  std::string routine = home.write("fine.toml", roll::test::kFineRoutine).string();

  SUBCASE(
      "pre-flight with the check-in and an injury's question, a fifth session, ratings, the "
      "streak and the sync after it") {
    auto folder = home.path() / "sync";
    std::filesystem::create_directories(folder);
    write_profile(home,
                  fmt::format("sync_dir = \"{}\"\nsync_after_session = true\n", folder.string()));
    // Four this morning: 10:00-13:00 UTC is the same local day as the afternoon's "now" in every
    // zone of test_zones.txt, after the day's 04:00 start in New York, before it in Tokyo.
    std::string four;
    for (int h = 10; h < 14; ++h) {
      four += fmt::format("beginner 2026-11-23T{:02}:00:00Z completed 300 thoracic=180\n", h);
    }
    seed_history(home, four);
    REQUIRE(
        roll_at(home, kAfternoon, {"injury", "add", "mid-back", "--hours-ago", "60"}).exit_code ==
        0);

    // No fresh injury, no limb symptoms, and yes, the acute pain has subsided.
    auto c = counted(home,
                     {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal",
                      "--before", "3", "--after", "6"},
                     "n\nn\ny\n", true);
    REQUIRE_MESSAGE(c.result.exit_code == 0, c.result.err);
    CHECK(has(c.result.out, "Any fresh injury in the last 72 h?"));
    CHECK(has(c.result.out, "Has the acute pain subsided?"));
    CHECK(has(c.result.err, "this would be session 5 today"));
    CHECK(has(c.result.out, "Session complete"));
    CHECK(has(c.result.out, "streak: "));
    CHECK_FALSE(has(c.result.err, "sync"));
    CHECK(c.profiles == 1);
    CHECK(c.histories == 1);

    auto json = roll_at(home, kAfternoon, {"history", "--json", "--limit", "1"});
    CHECK(has(json.out, "\"rating_before\" : 3"));
    CHECK(has(json.out, "\"rating_after\" : 6"));
    bool journal = false;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      journal = journal || entry.path().extension() == ".ndjson";
    }
    CHECK(journal);
  }

  SUBCASE("a pain stop, held as an injury") {
    KeysOnStdin keys("!");
    auto c = counted(home, {"session", routine, "--plain", "--ready", "key", "--speed", "1000"},
                     "n\nn\n", true);
    REQUIRE_MESSAGE(c.result.exit_code == 4, c.result.err);  // stopped for safety
    CHECK(has(c.result.out, "Stopped for sharp pain"));
    CHECK(has(c.result.out, "Recorded as injury #1 (thoracic)"));
    CHECK(c.profiles == 1);
    CHECK(c.histories == 1);
  }

  SUBCASE("--no-log: no session log, but the pre-flight still reads the injuries") {
    auto c = counted(home, {"session", routine, "--plain", "--speed", "1000", "--no-log"});
    REQUIRE_MESSAGE(c.result.exit_code == 0, c.result.err);
    CHECK(c.profiles == 1);
    CHECK(c.histories == 1);
    CHECK(has(roll_at(home, kAfternoon, {"history"}).out, "No sessions recorded yet"));
  }

  SUBCASE("--events: the notices and the summary as JSON lines") {
    write_profile(home, "level = \"beginner\"\n");
    auto c = counted(home, {"session", "thoracic", "--events", "--speed", "1000"});
    REQUIRE_MESSAGE(c.result.exit_code == 0, c.result.err);
    CHECK(has(c.result.out, R"("event" : "notice")"));  // thoracic is above a beginner's level
    CHECK(has(c.result.out, R"("event" : "summary")"));
    CHECK(c.profiles == 1);
    CHECK(c.histories == 1);
  }

  SUBCASE("roll suggest --start: the composer and the session it starts share them") {
    auto c =
        counted(home, {"suggest", "--tight", "thoracic", "--start", "--speed", "1000", "--yes"});
    REQUIRE_MESSAGE(c.result.exit_code == 0, c.result.err);
    CHECK(has(c.result.out, "Session complete"));
    CHECK(c.profiles == 1);
    CHECK(c.histories == 1);
  }
}

TEST_CASE("a command reads only what it touches, and an option decides for lint") {
  TempDir home;
  std::string routine = home.write("fine.toml", roll::test::kFineRoutine).string();
  struct Case {
    std::vector<std::string> args;
    int profiles;
    int histories;
  };
  const std::vector<Case> cases = {
      {{"list"}, 0, 0},
      {{"show", "thoracic"}, 0, 0},
      {{"lint", routine}, 0, 0},
      {{"lint", "--profile", routine}, 1, 0},
      {{"new", "mine"}, 1, 0},
      {{"new", "copy", "--from", "thoracic"}, 0, 0},
      {{"level"}, 1, 1},
      // The history holds the prescriptions whose level a step up defers to.
      {{"level", "intermediate"}, 1, 1},
      {{"due"}, 1, 1},
      {{}, 1, 1},
      {{"stats"}, 1, 1},
      {{"report", "--html", "-"}, 1, 1},
      {{"history"}, 0, 1},
      {{"history", "export"}, 0, 1},
      {{"injury", "list"}, 0, 1},
      {{"injury", "check", routine}, 1, 1},
      {{"sync", "--status", (home.path() / "sync").string()}, 0, 1},
      {{"remind", "--at", "21:00", "--cron"}, 0, 0},
  };
  std::filesystem::create_directories(home.path() / "sync");
  for (const auto& c : cases) {
    CAPTURE(fmt::format("{}", fmt::join(c.args, " ")));
    auto r = counted(home, c.args);
    CHECK_MESSAGE(r.result.exit_code <= 1, r.result.err);
    CHECK(r.profiles == c.profiles);
    CHECK(r.histories == c.histories);
  }
}

TEST_CASE("a profile or a history that failed is not tried again: the same error each time") {
  class Failing final : public roll::cli::UserDataSource {
   public:
    roll::Profile read_profile(roll::cli::Context&) override {
      ++profiles;
      throw roll::cli::Failure(roll::cli::exit_usage, "fix the profile first");
    }
    std::unique_ptr<roll::platform::HistoryStore> open_history(roll::cli::Context&) override {
      ++histories;
      throw roll::cli::Failure(roll::cli::exit_usage, "cannot open the history");
    }
    int profiles = 0;
    int histories = 0;
  };
  roll::cli::Context ctx;
  Failing failing;
  roll::cli::UserData user(ctx, failing);
  for (int i = 0; i < 2; ++i) {
    CHECK_THROWS_WITH_AS((void)user.profile(), "fix the profile first", roll::cli::Failure);
    CHECK_THROWS_WITH_AS((void)user.history(), "cannot open the history", roll::cli::Failure);
  }
  CHECK(failing.profiles == 1);
  CHECK(failing.histories == 1);
}
