// roll stats's charts and roll report --html through the built binary, on a seeded history
// (roll_seed_history) with ROLL_NOW fixing the wall clock.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "fixtures.hpp"
#include "run_roll.hpp"

using roll::test::Result;
using roll::test::Run;
using roll::test::run_roll;
using roll::test::run_roll_on_terminal;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

constexpr const char* kNow = "2026-11-23T21:00:00Z";  // a Monday evening

void seed(const TempDir& home, const std::string& lines) {
  auto db = home.path() / "data" / "roll" / "history.sqlite3";
  auto input = home.write("seed.txt", lines);
  std::string cmd = fmt::format("'{}' '{}' < '{}'", ROLL_SEED_BINARY, db.string(), input.string());
  REQUIRE(std::system(cmd.c_str()) == 0);
}

// Eight weeks of evenings: most completed, some partial, ratings on most, pressure readings, one
// pain stop, and a gap.
std::string eight_weeks() {
  std::string lines;
  for (int i = 0; i < 56; ++i) {
    if (i % 9 == 8) continue;
    int day = 29 + i;  // from 2026-09-29
    int month = 9, dom = day;
    if (dom > 30) month = 10, dom -= 30;
    if (month == 10 && dom > 31) month = 11, dom -= 31;
    const char* status = i % 7 == 3 ? "partial" : i == 40 ? "pain-stop" : "completed";
    int seconds = i % 7 == 3 ? 120 : 300 + (i % 4) * 120;
    lines += fmt::format(
        "{} 2026-{:02}-{:02}T20:30:00Z {} {} thoracic={} lats={} glutes={} before={} after={} "
        "pressure=thoracic:{} pressure=lats:{}\n",
        i % 2 ? "bedtime" : "thoracic", month, dom, status, seconds, seconds / 2, seconds / 4,
        seconds - seconds / 2 - seconds / 4, 3 + i % 3, 5 + i % 4, 5 + i % 4, 4 + i % 3);
  }
  return lines;
}

Result roll_now(const TempDir& home, std::vector<std::string> args,
                std::map<std::string, std::string> env = {}) {
  env["ROLL_NOW"] = kNow;
  return run_roll(home, Run{std::move(args), env, ""});
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Columns, counting a UTF-8 sequence as one (every glyph roll draws is one column wide).
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t w = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    w = std::max(w, columns(line));
  }
  return w;
}

}  // namespace

TEST_CASE(
    "roll stats draws weeks, ratings, pressure and pain stops within the width, piped plain") {
  TempDir home;
  seed(home, eight_weeks());
  for (const char* width : {"80", "50"}) {
    CAPTURE(width);
    auto r = roll_now(home, {"stats", "--weeks", "8"}, {{"COLUMNS", width}});
    CHECK(r.exit_code == 0);
    CHECK(widest_line(r.out) <= static_cast<std::size_t>(std::atoi(width)));
    CHECK_FALSE(has(r.out, "\x1b"));
    for (const char* part : {"Current streak", "Mon ", "Minutes per week", "Minutes per zone",
                             "before and after", "Pressure readings per zone", "Pain stops", "█",
                             "○", "●", "thoracic", "pain stop", "highest"}) {
      CAPTURE(part);
      CHECK(has(r.out, part));
    }
  }
  // Colour is a second signal: the same text with the escapes taken out.
  auto plain = roll_now(home, {"stats", "--weeks", "8"}, {{"COLUMNS", "80"}});
  auto coloured =
      roll_now(home, {"stats", "--weeks", "8", "--color", "always"}, {{"COLUMNS", "80"}});
  CHECK(has(coloured.out, "\x1b["));
  std::string stripped;
  for (std::size_t i = 0; i < coloured.out.size(); ++i) {
    if (coloured.out[i] == '\x1b') {
      while (i < coloured.out.size() && coloured.out[i] != 'm') ++i;
      continue;
    }
    stripped += coloured.out[i];
  }
  CHECK(stripped == plain.out);
}

TEST_CASE("roll stats on a terminal that is not UTF-8 draws in ASCII") {
  TempDir home;
  seed(home, eight_weeks());
  auto r = run_roll_on_terminal(
      home, Run{{"stats", "--color", "never"},
                {{"ROLL_NOW", kNow}, {"LANG", "C"}, {"LC_ALL", ""}, {"COLUMNS", "60"}},
                ""});
  CHECK(r.exit_code == 0);
  for (unsigned char c : r.out) {
    CHECK(c < 0x80);
    if (c >= 0x80) break;
  }
  CHECK(widest_line(r.out) <= 60);
  CHECK(has(r.out, "#"));
  CHECK(has(r.out, "o before"));
}

TEST_CASE("roll stats with an empty and a one-session history") {
  TempDir home;
  auto empty = roll_now(home, {"stats"}, {{"COLUMNS", "80"}});
  CHECK(empty.exit_code == 0);
  CHECK(has(empty.out, "Current streak: 0 days"));
  CHECK(has(empty.out, "No ratings yet"));
  CHECK(has(empty.out, "No pressure readings yet"));
  CHECK(has(empty.out, "None in these weeks."));
  CHECK(widest_line(empty.out) <= 80);
  seed(home,
       "bedtime 2026-11-23T20:00:00Z completed 300 thoracic=300 before=4 after=7 "
       "pressure=thoracic:6\n");
  auto one = roll_now(home, {"stats"}, {{"COLUMNS", "80"}});
  CHECK(one.exit_code == 0);
  CHECK(has(one.out, "5 min, 1 done"));
  CHECK(has(one.out, "before 4.0, after 7.0"));
  CHECK(has(one.out, "avg 6.0, highest 6, 1 reading"));
  CHECK(widest_line(one.out) <= 80);
}

TEST_CASE("roll stats --json carries the ratings, pressures and pain stops") {
  TempDir home;
  seed(home,
       "bedtime 2026-11-22T20:00:00Z completed 300 thoracic=300 before=4 after=7 "
       "pressure=thoracic:6 pressure=thoracic:8\n"
       "bedtime 2026-11-23T20:00:00Z pain-stop 60 glutes=60\n");
  auto r = roll_now(home, {"stats", "--json"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "\"ratings\" : ["));
  CHECK(has(r.out, "\"before\" : 4"));
  CHECK(has(r.out, "\"after\" : 7"));
  CHECK(has(r.out, "\"started_at\" : \"2026-11-22T20:00:00Z\""));
  CHECK(has(r.out, "\"highest\" : 8"));
  CHECK(has(r.out, "\"average\" : 7.0"));
  CHECK(has(r.out, "\"pain_stops\" : ["));
  CHECK(has(r.out, "\"zone\" : \"glutes\""));
  CHECK(has(r.out, "\"version\" : 1"));
}

TEST_CASE("roll report --html writes one page, a hostile routine name stays text") {
  TempDir home;
  seed(home, eight_weeks() +
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
