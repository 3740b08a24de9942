// `roll handout ROUTINE -o FILE`, in process: the page written through the atomic writer, never
// over a file that is not a hand-out, a routine with lint errors refused, the routine as written.
// The pages' readers (html5lib, Chromium) are tests/packaging/handout_test.py.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fixtures.hpp"
#include "roll/handout.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::kLocalNow;
using roll::test::kNow;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

int occurrences(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("roll handout writes one page for a bundled routine, or to standard output") {
  TempDir home;
  auto file = home.path() / "thoracic.html";
  // The page is dated by the local day: the evening of kLocalNow in the suite's zone.
  auto r = roll_at(home, kLocalNow, {"handout", "thoracic", "-o", file.string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "Wrote " + file.string() + " (the hand-out of thoracic: 6 steps).\n");
  CHECK(r.err == "");
  std::string html = slurp(file);
  CHECK(roll::is_roll_handout(html));
  CHECK(has(html, "<h1>Thoracic"));
  CHECK(occurrences(html, "<svg") == 6);
  CHECK(has(html, "<title>thoracic-extension</title>"));
  CHECK(has(html, "at each of 10 spots, one inch apart, going up"));
  // The file's name alone, never the folder it came from.
  CHECK(has(html, "from thoracic.toml on 2026-11-23"));
  CHECK_FALSE(has(html, ROLL_SOURCE_DIR));
  // 21:00 UTC is the next morning in Tokyo: the date the reader sees is theirs.
  auto tokyo = roll_at(home, kNow, {"handout", "thoracic", "-o", "-"}, {{"TZ", "Asia/Tokyo"}});
  CHECK(has(tokyo.out, "from thoracic.toml on 2026-11-24"));
  // Its own page is replaced; so is an empty file.
  CHECK(roll_now(home, {"handout", "lats", "--output", file.string()}).exit_code == 0);
  CHECK(has(slurp(file), "<title>lat-roll</title>"));
  auto empty = home.write("empty.html", "");
  CHECK(roll_now(home, {"handout", "lats", "-o", empty.string()}).exit_code == 0);
  CHECK(roll::is_roll_handout(slurp(empty)));
  // Standard output.
  auto out = roll_now(home, {"handout", "beginner", "-o", "-"});
  CHECK(out.exit_code == 0);
  CHECK(roll::is_roll_handout(out.out));
  CHECK(has(out.out, "<title>lie-across</title>"));
}

TEST_CASE("roll handout never replaces a file that is not a hand-out, nor writes through links") {
  TempDir home;
  auto notes = home.write("notes.html", "<p>my physio's notes</p>\n");
  auto r = roll_now(home, {"handout", "thoracic", "-o", notes.string()});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "is not a hand-out roll wrote; not overwritten"));
  CHECK(slurp(notes) == "<p>my physio's notes</p>\n");
  // Nor a report: each page replaces only its own kind.
  auto report = home.write("report.html",
                           "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
                           "charset=\"utf-8\">\n<meta name=\"generator\" "
                           "content=\"roll report 0.1.0\">\n");
  CHECK(roll_now(home, {"handout", "thoracic", "-o", report.string()}).exit_code == 2);
  auto dir = home.path() / "a-directory";
  std::filesystem::create_directories(dir);
  auto into_dir = roll_now(home, {"handout", "thoracic", "-o", dir.string()});
  CHECK(into_dir.exit_code == 2);
  CHECK(has(into_dir.err, "not a regular file"));
  auto dangling = home.path() / "dangling.html";
  std::filesystem::create_symlink(home.path() / "nowhere" / "x.html", dangling);
  CHECK(roll_now(home, {"handout", "thoracic", "-o", dangling.string()}).exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(home.path() / "nowhere"));
  // The file is required; an unknown routine gets the nearest name.
  CHECK(roll_now(home, {"handout", "thoracic"}).exit_code == 2);
  auto unknown = roll_now(home, {"handout", "thorasic", "-o", "x.html"});
  CHECK(unknown.exit_code == 2);
  CHECK(has(unknown.err, "did you mean `thoracic`?"));
}

TEST_CASE("roll handout refuses a routine with lint errors, as roll session does") {
  TempDir home;
  auto path = home.write("low-back.toml", R"(schema = 1
name = "low-back"
title = "Low back"
[[step]]
name = "Low back roll"
kind = "roll"
zone = "lower back"
seconds = 60
)");
  auto file = home.path() / "low-back.html";
  auto r = roll_now(home, {"handout", path.string(), "-o", file.string()});
  CHECK(r.exit_code == 3);
  CHECK(has(r.err, "error[no-lumbar]"));
  CHECK(has(r.err, "refusing to write a hand-out of 'low-back'"));
  CHECK_FALSE(std::filesystem::exists(file));
  // Warnings are printed and the page written.
  auto short_one = home.write("short.toml", R"(schema = 1
name = "short"
title = "Short"
[[step]]
name = "Mid-back"
zone = "thoracic"
seconds = 30
pose = "thoracic-extention"
)");
  auto w = roll_now(home, {"handout", short_one.string(), "-o", "-"});
  CHECK(w.exit_code == 0);
  CHECK(has(w.err, "warning[unknown-pose]"));
  CHECK(has(w.err, "warning[move-after]"));
  CHECK(roll::is_roll_handout(w.out));
}

TEST_CASE("roll handout describes the routine as written, whatever the profile says") {
  TempDir home;
  home.write("config/roll/config.toml", "level = \"beginner\"\nroller = \"peanut\"\n");
  auto r = roll_now(home, {"handout", "upper-back", "-o", "-"});
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "Level: intermediate"));
  CHECK(has(r.out, "a medium foam roller"));
  CHECK_FALSE(has(r.out, "peanut"));
  // A broken profile is not read either.
  home.write("config/roll/config.toml", "level = \"expert\"\n");
  CHECK(roll_now(home, {"handout", "upper-back", "-o", "-"}).exit_code == 0);
}

TEST_CASE("roll handout says when a routine is longer than a hand-out holds") {
  TempDir home;
  std::string text = "schema = 1\nname = \"long\"\ntitle = \"Long\"\nlevel = \"intermediate\"\n";
  for (int i = 0; i < 13; ++i) {
    text += "[[step]]\nname = \"Hold " + std::to_string(i + 1) +
            "\"\nzone = \"glutes\"\nseconds = 20\n";
  }
  text += "[[step]]\nname = \"Move\"\nkind = \"movement\"\nzone = \"full-body\"\nseconds = 180\n";
  auto path = home.write("long.toml", text);
  auto r = roll_now(home, {"handout", path.string(), "-o", "-"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "roll: note: 14 steps; a hand-out holds 12 on two A4 pages"));
}
