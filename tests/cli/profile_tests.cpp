// The profile (config.toml), in process: one that exists but cannot be read stops every command
// that reads it; its level, roller and conditions are used.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::slurp;
using roll::test::TempDir;

namespace fs = std::filesystem;

namespace {

constexpr const char* kStop = "2026-11-20T21:00:00Z";  // the pain stop

const std::string& kRoutine = roll::test::kShortThoracic;

}  // namespace

TEST_CASE("a profile that exists but cannot be read stops every command that reads it") {
  TempDir home;
  home.write("short.toml", kRoutine);
  auto profile = home.path() / "config/roll/config.toml";
  fs::create_directories(profile.parent_path());
  auto expect_stopped = [&](const std::string& what) {
    for (auto args : std::vector<std::vector<std::string>>{
             {"session", (home.path() / "short.toml").string(), "--plain", "--speed", "1000"},
             {"injury", "check", "bedtime"},
             {"due"},
             {"stats"},
             {"lint", "--profile", "bedtime"},
             {"new", "evening"}}) {
      CAPTURE(what);
      CAPTURE(args.front());
      auto r = roll_at(home, kStop, args);
      CHECK(r.exit_code == 2);
      CHECK(has(r.err, profile.string()));
      CHECK_FALSE(has(r.out, "step 1/"));
    }
    CHECK_FALSE(fs::exists(home.path() / "config/roll/routines/evening.toml"));
  };
  SUBCASE("a dangling symlink") {
    fs::create_symlink(home.path() / "nowhere.toml", profile);
    expect_stopped("dangling");
    CHECK(has(roll_at(home, kStop, {"due"}).err, "dangling symlink"));
  }
  SUBCASE("a symlink loop") {
    fs::create_symlink(profile, profile);
    expect_stopped("loop");
    CHECK(has(roll_at(home, kStop, {"due"}).err, "cannot be followed"));
  }
  SUBCASE("a directory") {
    fs::create_directories(profile);
    expect_stopped("directory");
    CHECK(has(roll_at(home, kStop, {"due"}).err, "is a directory"));
  }
  SUBCASE("no profile at all is the default one") {
    CHECK(roll_at(home, kStop, {"injury", "check", "bedtime"}).exit_code == 0);
  }
}

TEST_CASE(
    "the profile is used: the beginner warning, the beginner rules, roll new, the bone caution") {
  TempDir home;
  auto config = [&](const std::string& text) { home.write("config/roll/config.toml", text); };
  SUBCASE("a beginner starting an intermediate routine is warned and told the beginner routine") {
    config("level = \"beginner\"\nroller = \"soft\"\n");
    auto r = roll_at(home, kStop, {"session", "glutes", "--plain", "--speed", "1000"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "level = \"beginner\" and 'glutes' is an intermediate routine"));
    CHECK(has(r.err, "roll session beginner"));
    auto own = roll_at(home, kStop, {"injury", "check", "beginner"});
    CHECK(own.exit_code == 0);
    CHECK_FALSE(has(own.err, "roll session beginner"));
    config("level = \"advanced\"\n");
    CHECK_FALSE(has(roll_at(home, kStop, {"injury", "check", "glutes"}).err, "beginner"));
  }
  SUBCASE("at session start the beginner rules apply with the user's own roller") {
    config("level = \"beginner\"\nroller = \"firm\"\n");
    auto r = roll_at(home, kStop, {"session", "bedtime", "--plain", "--speed", "1000"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "as a beginner with a firm roller (your profile)"));
    CHECK(has(r.err, "[beginner-roller]"));
    // roll lint is the same for everyone, unless asked to judge with the profile.
    auto plain = roll_at(home, kStop, {"lint", "--strict", "bedtime"});
    CHECK(plain.exit_code == 0);
    auto mine = roll_at(home, kStop, {"lint", "--strict", "--profile", "bedtime"});
    CHECK(mine.exit_code == 1);
    CHECK(has(mine.out, "beginner-roller"));
    auto beginner_spot = roll_at(home, kStop, {"lint", "--profile", "thoracic"});
    CHECK(has(beginner_spot.out, "beginner-spot"));
    CHECK_FALSE(has(roll_at(home, kStop, {"lint", "thoracic"}).out, "beginner-spot"));
  }
  SUBCASE("roll new writes the profile's level and roller") {
    config("level = \"advanced\"\nroller = \"firm\"\n");
    REQUIRE(roll_at(home, kStop, {"new", "evening"}).exit_code == 0);
    auto text = slurp(home.path() / "config/roll/routines/evening.toml");
    CHECK(has(text, "level = \"advanced\"              # beginner"));
    CHECK(has(text, "roller = \"firm\"                 # soft"));
    CHECK(roll_at(home, kStop, {"lint", "--strict", "evening"}).exit_code == 0);
    config("level = \"intermediate\"\nroller = \"textured\"\n");
    REQUIRE(roll_at(home, kStop, {"new", "other"}).exit_code == 0);
    text = slurp(home.path() / "config/roll/routines/other.toml");
    CHECK(has(text, "level = \"intermediate\""));
    CHECK(has(text, "roller = \"textured\""));
  }
  SUBCASE("roll new without a profile: the beginner template, which passes --strict") {
    REQUIRE(roll_at(home, kStop, {"new", "evening"}).exit_code == 0);
    auto text = slurp(home.path() / "config/roll/routines/evening.toml");
    CHECK(has(text, "level = \"beginner\"              # beginner"));
    CHECK(has(text, "roller = \"soft\"                 # soft"));
  }
  SUBCASE("osteoporosis cleared: firm rollers and rib work still get the caution, once") {
    config("[conditions]\nosteoporosis = \"cleared\"\n");
    auto r = roll_at(home, kStop, {"session", "thoracic", "--plain", "--speed", "1000"});
    CHECK(r.exit_code == 0);
    auto at = r.err.find("cause fractures in compromised bone");
    CHECK(at != std::string::npos);
    CHECK(r.err.find("cause fractures in compromised bone", at + 1) == std::string::npos);
    CHECK_FALSE(has(r.out, "cause fractures"));  // said before the session, not during it
    config("roller = \"soft\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    CHECK_FALSE(has(roll_at(home, kStop, {"injury", "check", "glutes"}).err, "fractures"));
    config("roller = \"firm\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    CHECK(has(roll_at(home, kStop, {"injury", "check", "glutes"}).err, "firm roller"));
  }
}

TEST_CASE("the profile: a listed condition refuses with the article's advice until cleared") {
  TempDir home;
  home.write("config/roll/config.toml",
             "level = \"beginner\"\n[conditions]\nosteoporosis = true\n");
  auto r = roll_now(home, {"injury", "check", "bedtime"});
  CHECK(r.exit_code == 3);
  CHECK(has(r.err, "Excessive pressure can increase your risk for fracture."));
  CHECK(has(r.err, "osteoporosis = \"cleared\""));
  home.write("config/roll/config.toml", "[conditions]\nosteoporosis = \"cleared\"\n");
  CHECK(roll_now(home, {"injury", "check", "bedtime"}).exit_code == 0);

  home.write("config/roll/config.toml", "level = \"beginer\"\n[conditions]\nbroken-heart = true\n");
  auto bad = roll_now(home, {"due"});
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "config.toml:1:9: error"));
  CHECK(has(bad.err, "did you mean \"beginner\"?"));
  CHECK(has(bad.err, "config.toml:3:1: error"));
}

TEST_CASE("the screening without a terminal: refused until all six are answered, for a script") {
  TempDir home;
  auto routine = home.write("short.toml", kRoutine).string();
  // A real session (no --speed) without a terminal: refused, with the command that answers.
  auto refused = roll_now(home, {"session", routine, "--plain", "--yes"});
  CHECK(refused.exit_code == 3);
  CHECK(has(refused.err, "Before your first session: six questions"));
  CHECK(has(refused.err, "roll profile conditions --osteoporosis yes|no"));
  // A rehearsal is not a session: nothing is asked of it.
  CHECK(roll_now(home, {"session", routine, "--plain", "--speed", "1000"}).exit_code == 0);

  // The user's own lines and comments stay; answers arrive a few at a time.
  home.write("config/roll/config.toml", "# mine\nlevel = \"beginner\"\n");
  auto some =
      roll_now(home, {"profile", "conditions", "--osteoporosis", "no", "--recent-trauma", "no"});
  REQUIRE_MESSAGE(some.exit_code == 0, some.err);
  CHECK(has(some.out, "recent-trauma          no"));
  CHECK(has(some.out, "muscle-guarding        not answered"));
  auto still = roll_now(home, {"session", routine, "--plain"});
  CHECK(still.exit_code == 3);
  CHECK(has(still.err, "does not answer all six"));

  auto rest = roll_now(home, {"profile", "conditions", "--muscle-guarding", "no", "--active-cancer",
                              "no", "--neurological-symptoms", "no", "--recent-surgery", "yes"});
  REQUIRE_MESSAGE(rest.exit_code == 0, rest.err);
  std::string text = slurp(home.path() / "config/roll/config.toml");
  CHECK(text.starts_with("# mine\nlevel = \"beginner\"\n"));
  CHECK(has(text, "\nrecent-surgery = true\n"));
  CHECK(has(text, "\nasked = 2026-11-2"));  // today, in the suite's zone
  CHECK(has(rest.out, "no session for now"));
  CHECK(has(rest.out, "talk to your surgeon first"));

  // A yes not cleared: nothing is due or suggested, and the reminder stays quiet.
  auto due = roll_now(home, {"due"});
  CHECK(due.exit_code == 1);
  CHECK(has(due.out, "recent-surgery"));
  CHECK(has(roll_now(home, {}).out, "no session: your profile lists recent-surgery"));
  CHECK(roll_now(home, {"suggest", "--tight", "thoracic"}).exit_code == 3);
  CHECK(roll_now(home, {"lint", "--profile", "thoracic"}).exit_code == 1);
  CHECK(roll_now(home, {"session", routine, "--plain"}).exit_code == 3);

  // Cleared by the surgeon: due again.
  REQUIRE(roll_now(home, {"profile", "conditions", "--recent-surgery", "cleared"}).exit_code == 0);
  CHECK(has(slurp(home.path() / "config/roll/config.toml"), "recent-surgery = \"cleared\""));
  CHECK(roll_now(home, {"due"}).exit_code == 0);
  auto shown = roll_now(home, {"profile", "conditions"});
  CHECK(has(shown.out, "answered on 2026-11-2"));

  // Only yes, no or cleared.
  CHECK(roll_now(home, {"profile", "conditions", "--osteoporosis", "maybe"}).exit_code == 2);
  CHECK(roll_now(home, {"profile"}).exit_code == 2);
}

TEST_CASE(
    "a beginner whose profile roller is a peanut is told once, and the cues name the peanut") {
  TempDir home;
  home.write("config/roll/config.toml", "level = \"beginner\"\nroller = \"peanut\"\n");
  std::vector<std::string> args{"session", "beginner", "--plain", "--speed", "1000"};
  auto first = roll_now(home, args);
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(has(first.err, "your profile's roller is a peanut and you are a beginner"));
  CHECK(has(first.err, "this is said once"));
  CHECK(has(first.out, "move the peanut up an inch"));
  CHECK(has(first.out, "With the peanut:"));
  auto second = roll_now(home, args);
  REQUIRE(second.exit_code == 0);
  CHECK_FALSE(has(second.err, "roller is a peanut"));
  CHECK(has(second.out, "move the peanut up an inch"));
  // A ball is its own notice, said once too.
  home.write("config/roll/config.toml", "level = \"beginner\"\nroller = \"ball\"\n");
  CHECK(has(roll_now(home, args).err, "your profile's roller is a ball"));
  CHECK_FALSE(has(roll_now(home, args).err, "roller is a ball"));
}
