// `roll lint`, in process.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fixtures.hpp"
#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::has_raw_escape;
using roll::test::run_cli;
using roll::test::slurp;
using roll::test::source_path;
using roll::test::TempDir;

namespace {

// Line 8 holds the zone, line 10 the intensity.
constexpr const char* kLumbar = R"(schema = 1
name = "lumbar"
title = "Do not do this"

[[step]]
name = "Low back roll"
kind = "roll"
zone = "Lower Back"
seconds = 30
intensity = 6

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)";

// Clean but for one warning: nothing after the rolling (move-after).
constexpr const char* kNoMove = R"(schema = 1
name = "nomove"
title = "Rolls, then sits down"

[[step]]
name = "Thoracic"
zone = "thoracic"
seconds = 30
positions = 4
intensity = 9
)";

constexpr const char* kClean = R"(schema = 1
name = "clean"
title = "Clean"

[[step]]
name = "Thoracic"
zone = "thoracic"
seconds = 30
positions = 4
intensity = 6

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)";

}  // namespace

TEST_CASE("--format github names a hostile file harmlessly") {
  TempDir home;
  home.write("dir/bad\x1b]0;pwned\x07.toml", "schema = 2\n");
  auto r = run_cli(home, {"lint", "--format", "github", (home.path() / "dir").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=") != std::string::npos);
  CHECK_FALSE(has_raw_escape(r.out));
}

TEST_CASE("roll lint --strict passes every bundled routine, with or without a path") {
  TempDir home;
  auto all = run_cli(home, {"lint", "--strict"});
  CHECK(all.exit_code == 0);
  CHECK(has(all.out, "no problems in 8 files"));
  auto dir = run_cli(home, {"lint", "--strict", source_path("routines").string()});
  CHECK(dir.exit_code == 0);
  CHECK(has(dir.out, "no problems in 8 files"));
}

TEST_CASE("roll lint reports an error at file:line:col and exits 1") {
  TempDir home;
  auto path = home.write("lumbar.toml", kLumbar);
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, path.string() + ":8:8: error[no-lumbar]:"));
  CHECK(has(r.out, " 8 | zone = \"Lower Back\"\n"));
  CHECK(has(r.out, "  help: "));
  CHECK(has(r.out, "1 error in 1 file"));
}

TEST_CASE("warnings exit 0, and 1 with --strict") {
  TempDir home;
  std::string text = kNoMove;
  text.replace(text.find("intensity = 9"), 13, "intensity = 6");
  auto path = home.write("nomove.toml", text);
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "warning[move-after]"));
  CHECK(has(r.out, "1 warning in 1 file"));
  CHECK(run_cli(home, {"lint", "--strict", path.string()}).exit_code == 1);
}

TEST_CASE("a missing file exits 2, after linting the others") {
  TempDir home;
  auto good = home.write("clean.toml", kClean);
  auto r = run_cli(home, {"lint", (home.path() / "nope.toml").string(), good.string()});
  CHECK(r.exit_code == 2);
  CHECK(has(r.out, "nope.toml: no such file, directory or routine"));
  CHECK(has(r.out, "1 error in 1 file"));
}

TEST_CASE("directories are searched recursively for *.toml") {
  TempDir home;
  home.write("dir/clean.toml", kClean);
  home.write("dir/sub/deeper/lumbar.toml", kLumbar);
  home.write("dir/notes.txt", "not a routine");
  auto r = run_cli(home, {"lint", (home.path() / "dir").string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "lumbar.toml:8:8: error[no-lumbar]"));
  CHECK(has(r.out, "1 error in 2 files"));
}

TEST_CASE("structure errors stop the lint of that file but are all reported") {
  TempDir home;
  std::string text = kLumbar;
  text.replace(text.find("seconds = 30"), 12, "seconds = \"thirty\"\nrepz = 3");
  auto path = home.write("lumbar.toml", text);
  auto r = run_cli(home, {"lint", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "error[schema]: `seconds` must be an integer"));
  CHECK(has(r.out, "unknown key `repz`"));
  CHECK(!has(r.out, "no-lumbar"));
  auto syntax = home.write("broken.toml", "schema = 1\nname = \"broken\n");
  auto s = run_cli(home, {"lint", syntax.string()});
  CHECK(s.exit_code == 1);
  CHECK(has(s.out, "broken.toml:2:"));
  CHECK(has(s.out, "error[syntax]"));
}

TEST_CASE("--format json, sarif and github") {
  TempDir home;
  auto path = home.write("lumbar.toml", kLumbar);
  auto json = run_cli(home, {"lint", "--format", "json", path.string()});
  CHECK(json.exit_code == 1);
  CHECK(json.out.starts_with("{"));
  CHECK(has(json.out, "\"rule\" : \"no-lumbar\""));
  CHECK(has(json.out, "\"line\" : 8"));
  CHECK(!has(json.out, "error in"));  // no summary line in machine formats

  auto sarif = run_cli(home, {"lint", "--format", "sarif", path.string()});
  CHECK(sarif.exit_code == 1);
  CHECK(has(sarif.out, "\"version\" : \"2.1.0\""));
  CHECK(has(sarif.out, "\"ruleId\" : \"no-lumbar\""));

  auto github = run_cli(home, {"lint", "--format", "github", path.string()});
  CHECK(github.exit_code == 1);
  CHECK(github.out.starts_with("::error file=" + path.string() + ",line=8,col=8,"));
  CHECK(has(github.out, "title=no-lumbar::"));

  CHECK(run_cli(home, {"lint", "--format", "xml", path.string()}).exit_code == 2);
}

TEST_CASE("--fix lowers the intensity and appends movement, then reports what is left") {
  TempDir home;
  auto path = home.write("nomove.toml", kNoMove);
  auto before = run_cli(home, {"lint", path.string()});
  CHECK(before.exit_code == 1);
  auto r = run_cli(home, {"lint", "--fix", path.string()});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "fixed 2 problems"));
  CHECK(has(r.out, "no problems in 1 file"));
  std::string fixed = slurp(path);
  std::string expected_start = kNoMove;
  expected_start.replace(expected_start.find("intensity = 9"), 13, "intensity = 7");
  CHECK(fixed.starts_with(expected_start));
  CHECK(has(fixed.substr(expected_start.size()), "kind = \"movement\""));
  // Nothing left to fix: the file stays as it is.
  auto again = run_cli(home, {"lint", "--fix", path.string()});
  CHECK(again.exit_code == 0);
  CHECK(slurp(path) == fixed);
}

TEST_CASE("--fix appends three minutes where a 1-second movement ends the routine") {
  TempDir home;
  std::string text = std::string(kClean);
  text.replace(text.find("seconds = 180"), 13, "seconds = 1");
  auto path = home.write("clean.toml", text);
  CHECK(has(run_cli(home, {"lint", path.string()}).out, "warning[move-after]"));
  auto r = run_cli(home, {"lint", "--fix", path.string()});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "fixed 1 problem"));
  CHECK(has(r.out, "no problems in 1 file"));
  CHECK(has(slurp(path).substr(text.size()), "seconds = 180"));
}

TEST_CASE("--fix never touches what it cannot fix") {
  TempDir home;
  auto path = home.write("lumbar.toml", kLumbar);
  auto r = run_cli(home, {"lint", "--fix", path.string()});
  CHECK(r.exit_code == 1);
  CHECK(slurp(path) == kLumbar);
}

TEST_CASE("--fix through a symlink fixes the routine it points to and keeps the link") {
  TempDir home;
  auto target = home.write("real/nomove.toml", kNoMove);
  auto link = home.path() / "nomove.toml";
  std::filesystem::create_symlink(target, link);
  auto r = run_cli(home, {"lint", "--fix", link.string()});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::is_symlink(link));
  CHECK(has(slurp(target), "intensity = 7"));
}

TEST_CASE("--fix leaves a read-only routine as it is and says why") {
  TempDir home;
  auto path = home.write("nomove.toml", kNoMove);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  auto r = run_cli(home, {"lint", "--fix", path.string()});
  CHECK(r.exit_code == 2);
  CHECK(has(r.out, "read-only"));
  CHECK(slurp(path) == kNoMove);
}

TEST_CASE("roll lint takes routine names as roll list shows them, and suggests the nearest") {
  TempDir home;
  home.write("config/roll/routines/lumbar.toml", kLumbar);
  auto r = run_cli(home, {"lint", "lumbar", "thoracic"});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "lumbar.toml:8:8: error[no-lumbar]"));
  CHECK(has(r.out, "1 error in 2 files"));
  auto typo = run_cli(home, {"lint", "thoracik"});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.out, "did you mean `thoracic`?"));
}

// A file's name is part of the verdict (`name` must match it), so the same text can pass under
// one name and warn under another: a verdict kept by text alone would hide that warning.
TEST_CASE("a routine copied to another name is judged under its new name") {
  TempDir home;
  std::string evening = kClean;
  evening.replace(evening.find("name = \"clean\""), 14, "name = \"evening\"");
  auto first = home.write("mine/evening.toml", evening).string();
  auto clean = run_cli(home, {"lint", "--strict", first});
  CHECK(clean.exit_code == 0);
  CHECK(has(clean.out, "no problems in 1 file"));
  auto copy = home.write("mine/morning.toml", evening).string();
  auto copied = run_cli(home, {"lint", "--strict", copy});
  CHECK(copied.exit_code == 1);
  CHECK(has(copied.out, "`name` is \"evening\" but the file is named morning.toml"));
}

TEST_CASE("--no-cache is still accepted, changes nothing and says it will go") {
  TempDir home;
  auto path = home.write("mine/lumbar.toml", kLumbar).string();
  auto plain = run_cli(home, {"lint", path});
  auto r = run_cli(home, {"lint", "--no-cache", path});
  CHECK(r.exit_code == plain.exit_code);
  CHECK(r.out == plain.out);
  CHECK(r.err == "roll: --no-cache does nothing now (roll keeps no cache) and will be removed\n");
  CHECK(has(run_cli(home, {"lint", "--help"}).out, "Deprecated"));
  // roll keeps nothing in the cache directory.
  CHECK_FALSE(std::filesystem::exists(home.path() / "cache"));
}
