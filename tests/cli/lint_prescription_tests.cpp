// `roll lint` on prescription files (docs/prescriptions.md), in every output format, and `roll
// list` leaving them out; `roll explain` and `roll rules` on the prescription rules. In process.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fixtures.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::run_cli;
using roll::test::source_path;
using roll::test::TempDir;

namespace {

// Line 6 holds the routines, 8 times_per_day, 10 until.
constexpr const char* kGood = R"(# A clinician's prescription.
prescription = 1
title = "Two weeks of mid-back work"
clinician = "Dr. Ana Moreno"
level = "beginner"
routines = ["mid-back-extension", "bedtime"]
days = ["mon", "wed", "fri"]
times_per_day = 2
from = 2026-11-02
until = 2026-11-15
)";

std::string with(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A routine that fails lint (a step on the lumbar spine), and one for advanced users that passes.
constexpr const char* kLumbar = R"(schema = 1
name = "low-back"
title = "Do not do this"

[[step]]
name = "Low back roll"
kind = "roll"
zone = "lumbar"
seconds = 20
intensity = 5

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)";

constexpr const char* kAdvanced = R"(schema = 1
name = "deep-thoracic"
title = "Deep thoracic"
level = "advanced"

[[step]]
name = "Thoracic"
zone = "thoracic"
seconds = 20
positions = 4
intensity = 5

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)";

}  // namespace

TEST_CASE("roll lint passes the example prescription, and every bundled routine beside it") {
  TempDir home;
  auto r =
      run_cli(home, {"lint", "--strict",
                     source_path("docs/examples/thoracic-4-weeks.prescription.toml").string()});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "no problems in 1 file"));
  auto good = home.write("rx/good.prescription.toml", kGood);
  CHECK(run_cli(home, {"lint", "--strict", good.string()}).exit_code == 0);
}

TEST_CASE("roll lint: a schedule beyond 4 a day is an error at times_per_day") {
  TempDir home;
  auto path = home.write("rx.toml", with(kGood, "times_per_day = 2", "times_per_day = 6"));
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, path.string() + ":8:17: error[prescription-frequency]"));
  CHECK(has(r.out, "6 sessions a day"));
  CHECK(has(r.out, "1 error in 1 file"));
}

TEST_CASE("roll lint: an end before the start is an error at until") {
  TempDir home;
  auto path = home.write("rx.toml", with(kGood, "until = 2026-11-15", "until = 2026-10-30"));
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, path.string() + ":10:9: error[prescription-dates]"));
  CHECK(has(r.out, "3 days before it starts"));
}

TEST_CASE("roll lint: a routine that fails lint, beside the prescription, fails the prescription") {
  TempDir home;
  home.write("rx/low-back.toml", kLumbar);
  auto path = home.write("rx/rx.toml", with(kGood, "\"bedtime\"]", "\"low-back.toml\"]"));
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "error[prescription-routine-lint]"));
  CHECK(has(r.out, "routine \"low-back.toml\" fails lint"));
  CHECK(has(r.out, "no-lumbar"));
}

TEST_CASE("roll lint: a beginner prescribed an advanced routine") {
  TempDir home;
  home.write("rx/deep-thoracic.toml", kAdvanced);
  auto path = home.write("rx/rx.toml", with(kGood, "\"bedtime\"]", "\"deep-thoracic.toml\"]"));
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "error[prescription-level]"));
  CHECK(has(r.out, "a beginner is prescribed \"deep-thoracic.toml\", an advanced routine"));
  // The same routine for an advanced patient passes.
  auto advanced =
      home.write("rx/adv.toml", with(with(kGood, "\"bedtime\"]", "\"deep-thoracic.toml\"]"),
                                     "level = \"beginner\"", "level = \"advanced\""));
  CHECK(run_cli(home, {"lint", advanced.string()}).exit_code == 0);
}

TEST_CASE("roll lint: a routine roll cannot find, with the nearest name") {
  TempDir home;
  auto path = home.write("rx.toml", with(kGood, "\"bedtime\"]", "\"bedtim\"]"));
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, ":6:35: error[prescription-routine]"));
  CHECK(has(r.out, "did you mean \"bedtime\"?"));
  // A file beside it that is missing, or a link, is not followed.
  auto file = home.write("rx2/rx.toml", with(kGood, "\"bedtime\"]", "\"mine.toml\"]"));
  std::filesystem::create_symlink(source_path("routines/bedtime.toml"),
                                  home.path() / "rx2" / "mine.toml");
  auto linked = run_cli(home, {"lint", file.string()});
  CHECK(linked.exit_code == 1);
  CHECK(has(linked.out, "no routine file \"mine.toml\" beside the prescription"));
}

TEST_CASE("roll lint: a prescription's key problems are its schema errors, all of them") {
  TempDir home;
  auto path = home.write("rx.toml",
                         with(with(kGood, "times_per_day = 2", "times_per_day = \"twice\""),
                              "level = \"beginner\"", "level = \"beginner\"\ncolour = \"blue\""));
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "error[prescription-schema]"));
  CHECK(has(r.out, "2 errors in 1 file"));
}

TEST_CASE("roll lint reports a prescription's findings in every format") {
  TempDir home;
  auto path = home.write("rx.toml", with(kGood, "times_per_day = 2", "times_per_day = 5"));
  auto json = run_cli(home, {"lint", "--format", "json", path.string()});
  CHECK(json.exit_code == 1);
  CHECK(has(json.out, "\"rule\" : \"prescription-frequency\""));
  CHECK(has(json.out, "\"line\" : 8"));
  auto sarif = run_cli(home, {"lint", "--format", "sarif", path.string()});
  CHECK(sarif.exit_code == 1);
  CHECK(has(sarif.out, "\"ruleId\" : \"prescription-frequency\""));
  auto github = run_cli(home, {"lint", "--format", "github", path.string()});
  CHECK(github.exit_code == 1);
  CHECK(has(github.out, "::error file=" + path.string() + ",line=8,col=17"));
  CHECK(has(github.out, "prescription-frequency"));
  auto text = run_cli(home, {"lint", path.string()});
  CHECK(has(text.out, " 8 | times_per_day = 5\n"));
  CHECK(has(text.out, "1 error in 1 file"));
}

TEST_CASE("a directory holding routines and a prescription: each checked by its own rules") {
  TempDir home;
  home.write("dir/rx.toml", kGood);
  home.write("dir/low-back.toml", kLumbar);
  auto r = run_cli(home, {"lint", (home.path() / "dir").string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "low-back.toml:8:8: error[no-lumbar]"));
  CHECK_FALSE(has(r.out, "rx.toml:"));
  CHECK(has(r.out, "1 error in 2 files"));
}

TEST_CASE("roll list leaves a prescription among the user's routines out, and says nothing of it") {
  TempDir home;
  home.write("config/roll/routines/thoracic-4-weeks.prescription.toml", kGood);
  auto r = run_cli(home, {"list"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(has(r.out, "prescription"));
  CHECK_FALSE(has(r.out, "errors"));
  auto json = run_cli(home, {"list", "--json"});
  CHECK_FALSE(has(json.out, "prescription"));
  // Nor do the completions offer it as a routine's name.
  home.write("config/roll/routines/rx.toml", kGood);
  auto names = run_cli(home, {"completion", "--routines"});
  CHECK(has(names.out, "bedtime\n"));
  CHECK_FALSE(has(names.out, "rx"));
  CHECK_FALSE(has(names.out, "prescription"));
  std::filesystem::remove(home.path() / "config/roll/routines/rx.toml");
  // `roll lint` with no path checks it, as a prescription.
  auto lint = run_cli(home, {"lint", "--strict"});
  CHECK(lint.exit_code == 0);
  CHECK(has(lint.out, "no problems in 9 files"));
}

TEST_CASE("roll explain and roll rules know the prescription rules and where each comes from") {
  TempDir home;
  auto freq = run_cli(home, {"explain", "prescription-frequency"});
  CHECK(freq.exit_code == 0);
  CHECK(has(freq.out, "From the second article"));
  CHECK(has(freq.out, "1-4 times per day"));
  CHECK(has(freq.out, "`prescription = 1`"));
  CHECK_FALSE(has(freq.out, "it does not read cues"));
  CHECK(has(freq.out, "(error, prescription safety rule: never silenced"));
  for (const char* name : {"prescription-dates", "prescription-routine", "prescription-schema"}) {
    CAPTURE(name);
    auto r = run_cli(home, {"explain", name});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "roll's own reading: no article gives this rule."));
    CHECK(has(r.out, "the file is not a prescription roll can follow"));
    CHECK_FALSE(has(r.out, "valid routine"));
    CHECK_FALSE(has(r.out, "From the "));
  }
  auto level = run_cli(home, {"explain", "prescription-level"});
  CHECK(has(level.out, "From the second article"));
  auto rules = run_cli(home, {"rules"});
  for (const char* name :
       {"prescription-frequency", "prescription-level", "prescription-routine",
        "prescription-routine-lint", "prescription-dates", "prescription-schema"}) {
    CAPTURE(name);
    CHECK(has(rules.out, name));
  }
  CHECK(has(rules.out, "The prescription rules read a prescription file"));
}
