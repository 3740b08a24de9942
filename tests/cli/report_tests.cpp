// `roll report --html`, in process, on a seeded history with ROLL_NOW fixing the wall clock.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "pictures.hpp"
#include "run_in_process.hpp"

using roll::test::eight_weeks;
using roll::test::has;
using roll::test::roll_now;
using roll::test::seed_history;
using roll::test::slurp;
using roll::test::TempDir;

TEST_CASE("roll report --html writes one page, a hostile routine name stays text") {
  TempDir home;
  seed_history(home, eight_weeks() +
                         "<script>alert(1)</script> 2026-11-22T08:00:00Z completed 300 "
                         "thoracic=300\n");
  auto file = home.path() / "back.html";
  auto r = roll_now(home, {"report", "--html", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "back.html"));
  std::string html = slurp(file);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(has(html, "2026-09-28 to 2026-11-29 (9 weeks)") == false);
  CHECK(has(html, "2026-10-05 to 2026-11-29 (8 weeks)"));
  CHECK_FALSE(has(html, "<script"));
  CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(has(html, "Seeded bedtime"));
  // Again: its own report is replaced.
  CHECK(roll_now(home, {"report", "--html", file.string(), "--weeks", "2"}).exit_code == 0);
  CHECK(has(slurp(file), "(2 weeks)"));
  // Standard output.
  auto out = roll_now(home, {"report", "--html", "-", "--weeks", "1"});
  CHECK(out.exit_code == 0);
  CHECK(out.out.starts_with("<!DOCTYPE html>"));
}

TEST_CASE("roll report never replaces a file that is not its own, nor writes through odd links") {
  TempDir home;
  auto notes = home.write("notes.txt", "my physio's exercises\n");
  auto r = roll_now(home, {"report", "--html", notes.string()});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "is not a report roll wrote"));
  CHECK(slurp(notes) == "my physio's exercises\n");
  auto dir = home.path() / "a-directory";
  std::filesystem::create_directories(dir);
  CHECK(roll_now(home, {"report", "--html", dir.string()}).exit_code == 2);
  auto link = home.path() / "link.html";
  std::filesystem::create_directory_symlink(dir, link);
  auto through = roll_now(home, {"report", "--html", link.string()});
  CHECK(through.exit_code == 2);
  CHECK(has(through.err, "not a regular file"));
  auto dangling = home.path() / "dangling.html";
  std::filesystem::create_symlink(home.path() / "nowhere" / "x.html", dangling);
  CHECK(roll_now(home, {"report", "--html", dangling.string()}).exit_code == 2);
  CHECK(roll_now(home, {"report", "--html", "x.html", "--weeks", "53"}).exit_code == 2);
  CHECK(roll_now(home, {"report"}).exit_code == 2);
  // An empty file (made with touch, say) is fair game.
  auto empty = home.write("empty.html", "");
  CHECK(roll_now(home, {"report", "--html", empty.string()}).exit_code == 0);
  CHECK(slurp(empty).starts_with("<!DOCTYPE html>"));
}

TEST_CASE("roll report draws each routine's figure beside its row, from the routine's file") {
  TempDir home;
  // A name that is a path is never looked up; one that no file has gets no figure.
  seed_history(home, eight_weeks() +
                         "../../etc/passwd.toml 2026-11-22T08:00:00Z completed 300 "
                         "thoracic=300\ngone 2026-11-22T09:00:00Z completed 300 thoracic=300\n");
  auto r = roll_now(home, {"report", "--html", "-"});
  REQUIRE(r.exit_code == 0);
  const std::string& html = r.out;
  CHECK(has(html, "<th class=\"fig\">Figure</th>"));
  // thoracic's first step on the roller is the extension; bedtime's too.
  CHECK(has(html, "<td class=\"fig\"><svg"));
  CHECK(has(html, "<title>thoracic-extension</title>"));
  CHECK(has(html, "<td class=\"fig\"></td><td>Seeded"));
  // A user's routine of the same name as a bundled one is the one drawn.
  home.write("config/roll/routines/thoracic.toml", R"(schema = 1
name = "thoracic"
title = "Mine"
[[step]]
name = "Lats"
zone = "lats"
side = "both"
seconds = 60
)");
  auto mine = roll_now(home, {"report", "--html", "-"});
  REQUIRE(mine.exit_code == 0);
  CHECK(has(mine.out, "<title>lat-release</title>"));
}
