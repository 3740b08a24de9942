// The priority layout of the session screen at the four sizes the floor issue names (40x12,
// 80x24, 120x40, 200x60), without a terminal: the digits' and the breath word's heights on a
// breath-paced hold, the cue and the figure in the get-ready, the figure beside the countdown
// without displacing the band or a safety notice, the end in big letters, ASCII where asked.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "roll/block_letters.hpp"
#include "roll/figure.hpp"
#include "roll/layout.hpp"
#include "roll/text.hpp"

using namespace roll;

namespace {

// The bundled thoracic extension's cue.
constexpr const char* kCue =
    "Roller across your back at the base of the rib cage, hands behind your head: support your "
    "head, do not pull on your neck. Lean back over it and breathe out. After three slow breaths, "
    "move the roller up one inch. When it reaches the top of your shoulders, press e: the climb "
    "ends there, never on the neck. A pop or two is usually just gas leaving the joints, and not "
    "the goal.";

constexpr const char* kEaseOff =
    "ease off: take weight onto your hands and feet or use a softer roller; aim for a 6 or 7 out "
    "of 10, a \"good hurt\". Grimacing or holding your breath means too much.";

const Drawing& figure() {
  static const Drawing d = draw_pose(PoseId::thoracic_extension, Prop::roller, Travel::up);
  return d;
}

LayoutInput hold(int columns, int rows) {
  LayoutInput in;
  in.columns = columns;
  in.rows = rows;
  in.time = "0:29";
  in.time_label = " left";
  in.title = "Thoracic release: the four-step routine";
  in.total = "14:31 left in all";
  in.step = "step 1/6 · Thoracic extension · position 1 of 10";
  in.cue = kCue;
  in.shape = PhaseShape::in;
  in.phase_word = "IN";
  in.phase_text = "BREATHE IN  3 s   breath 1 of 3";
  in.phase_fill = 0.3;
  in.bars = {{"step", 0.1, "0:29"}, {"total", 0.01, "14:31 left in all"}};
  in.keys = {"! sharp pain", "e at the top", "space pause",    "q quit",
             "n next",       "b restart",    "1-9,0 pressure", "+/- 15 s"};
  in.figure = &figure();
  return in;
}

LayoutInput get_ready(int columns, int rows) {
  LayoutInput in = hold(columns, rows);
  in.time = "0:04";
  in.time_label = " to go";
  in.step = "get ready · next: step 1/6 · Thoracic extension";
  in.full_cue = true;
  in.block_length_ms = 5000;
  in.block_elapsed_ms = 1000;
  in.shape = PhaseShape::ready;
  in.phase_word = "READY";
  in.phase_text = "GET READY  4 s";
  return in;
}

bool has(const Layout& layout, Role role) {
  return std::any_of(layout.lines.begin(), layout.lines.end(),
                     [role](const LayoutLine& l) { return l.role == role; });
}

int count(const Layout& layout, Role role) {
  return static_cast<int>(std::count_if(layout.lines.begin(), layout.lines.end(),
                                        [role](const LayoutLine& l) { return l.role == role; }));
}

std::string all_text(const Layout& layout) {
  std::string out;
  for (const auto& l : layout.lines) out += l.full_text() + "\n";
  return out;
}

// Every row within the window, the figure never running into the time beside it.
void check_fits(const Layout& layout, int columns, int rows) {
  CAPTURE(all_text(layout));
  CHECK(layout.lines.size() <= static_cast<std::size_t>(rows));
  for (const auto& line : layout.lines) {
    CAPTURE(line.full_text());
    CHECK(display_width(line.full_text()) <= static_cast<std::size_t>(columns));
    if (!line.figure.empty() && !line.text.empty()) {
      std::string drawn;
      for (const auto& run : line.figure) drawn += run.text;
      CHECK(line.figure_column + display_width(drawn) < line.text_column);
    }
  }
}

bool band_shown(const Layout& layout) {
  return std::any_of(layout.lines.begin(), layout.lines.end(), [](const LayoutLine& l) {
    return l.role == Role::phase && l.text.find("BREATHE IN") != std::string::npos;
  });
}

}  // namespace

TEST_CASE("a breath-paced hold: the digits' and the breath word's heights at the four sizes") {
  struct Want {
    int columns, rows;
    int least_digits;  // the floor issue: 9 rows at 80x24, 20 at 200x60; a third elsewhere
    bool figure;       // beside the countdown
  };
  for (auto want : {Want{40, 12, 5, false}, Want{80, 24, 9, true}, Want{120, 40, 13, true},
                    Want{200, 60, 20, true}}) {
    CAPTURE(want.columns);
    CAPTURE(want.rows);
    Layout layout = lay_out(hold(want.columns, want.rows));
    check_fits(layout, want.columns, want.rows);
    CAPTURE(all_text(layout));
    CHECK(layout.digit_rows >= want.least_digits);
    CHECK(layout.digit_rows * 5 <= want.rows * 3);  // never more than 60% of the rows
    CHECK(band_shown(layout));
    // From 30 rows the breath word is at least half the digits' height.
    if (want.rows >= 30) {
      CHECK(layout.big_phase);
      CHECK(layout.phase_rows * 2 >= layout.digit_rows);
      CHECK(layout.phase_rows <= layout.digit_rows);
    }
    CHECK(layout.figure_beside_digits == want.figure);
    if (want.figure) {
      CHECK(layout.figure_rows >= 2);
      CHECK(layout.figure_columns >= 20);
      CHECK(has(layout, Role::keys));
      CHECK(has(layout, Role::bar));
      CHECK(has(layout, Role::title));
    }
  }
  // At 80x24 the breath word is big too, under 10 rows of digits.
  Layout mid = lay_out(hold(80, 24));
  CHECK(mid.digit_rows == 10);
  CHECK(mid.big_phase);
  CHECK(mid.phase_rows >= 3);
  // The key help is one line at 80 columns, every item of a climb that fits on it.
  CHECK(count(mid, Role::keys) == 1);
}

TEST_CASE("the figure beside the countdown never displaces the band or a safety notice") {
  for (auto [columns, rows] :
       {std::pair{40, 12}, std::pair{80, 24}, std::pair{120, 40}, std::pair{200, 60}}) {
    CAPTURE(columns);
    CAPTURE(rows);
    LayoutInput in = hold(columns, rows);
    in.notice = kEaseOff;
    in.status = "pressure 9/10";
    Layout with = lay_out(in);
    in.figure = nullptr;
    Layout without = lay_out(in);
    check_fits(with, columns, rows);
    // The notice whole and the band, figure or not; the digits never smaller than the floor.
    CHECK(count(with, Role::notice) == count(without, Role::notice));
    CHECK(band_shown(with) == band_shown(without));
    CHECK(band_shown(with));
    std::string notice;
    for (const auto& l : with.lines) {
      if (l.role == Role::notice) notice += l.text + " ";
    }
    if (rows >= 24) CHECK(notice.find("means too much.") != std::string::npos);
    CHECK(with.digit_rows >= std::min(without.digit_rows, std::max(5, rows / 3 / 5 * 5)));
    if (columns == 80) CHECK(with.digit_rows >= 9);
    if (columns == 200) CHECK(with.digit_rows >= 20);
    CHECK_FALSE(has(without, Role::cue_letters));
    CHECK(without.figure_rows == 0);
  }
}

TEST_CASE("the get-ready: the cue whole, in big letters where they fit, and the figure") {
  // 40x12: the cue is paged, and nothing of the figure (the cue outranks it).
  Layout small = lay_out(get_ready(40, 12));
  check_fits(small, 40, 12);
  CHECK(small.cue_pages > 1);
  CHECK(small.figure_rows == 0);
  CHECK(has(small, Role::time));

  for (auto [columns, rows] : {std::pair{80, 24}, std::pair{120, 40}, std::pair{200, 60}}) {
    CAPTURE(columns);
    CAPTURE(rows);
    Layout layout = lay_out(get_ready(columns, rows));
    check_fits(layout, columns, rows);
    CAPTURE(all_text(layout));
    CHECK(layout.cue_pages == 1);
    // The cue whole: as plain lines, or as the lines its letters draw.
    std::string cue;
    if (layout.cue_letter_rows > 0) {
      for (const auto& l : layout.cue_in_letters) cue += l + " ";
    } else {
      for (const auto& l : layout.lines) {
        if (l.role == Role::cue) cue += l.text + " ";
      }
    }
    CHECK(cue.find("and not the goal.") != std::string::npos);
    CHECK(cue.starts_with("Roller across your back"));
    // The figure in the room the digits take during the hold; the time small beside it.
    CHECK(layout.figure_rows >= 4);
    CHECK(layout.digit_rows <= 5);
    CHECK(layout.figure_rows + static_cast<std::size_t>(layout.cue_letter_rows) >
          static_cast<std::size_t>(lay_out(hold(columns, rows)).digit_rows) / 2);
    CHECK(has(layout, Role::phase));  // the band
  }
  // At 200x60 the cue is in big letters, at least three rows tall.
  Layout large = lay_out(get_ready(200, 60));
  CHECK(large.cue_letter_rows >= 12);
  CHECK(has(large, Role::cue_letters));
  CHECK_FALSE(has(large, Role::cue));
  // At 80x24 and 120x40 it is plain text, and the figure takes more of the room.
  CHECK(lay_out(get_ready(80, 24)).cue_letter_rows == 0);
  CHECK(lay_out(get_ready(120, 40)).figure_rows >= 10);
}

TEST_CASE("ASCII only where the locale is not UTF-8: figure, digits, band and letters") {
  for (auto [columns, rows] :
       {std::pair{40, 12}, std::pair{80, 24}, std::pair{120, 40}, std::pair{200, 60}}) {
    for (bool ready : {false, true}) {
      CAPTURE(columns);
      CAPTURE(ready);
      LayoutInput in = ready ? get_ready(columns, rows) : hold(columns, rows);
      in.utf8 = false;
      in.step = "step 1/6 - Thoracic extension - position 1 of 10";
      Layout layout = lay_out(in);
      check_fits(layout, columns, rows);
      for (unsigned char c : all_text(layout)) CHECK(c < 0x80);
      if (columns >= 80) CHECK(layout.figure_rows > 0);
    }
  }
}

TEST_CASE("a roll's pace: a marker travelling the stroke, under the band") {
  LayoutInput in = hold(80, 24);
  in.stroke_text = "1 inch each way, 1 s each way";
  auto marker_at = [&](double where) {
    in.stroke = where;
    for (const auto& l : lay_out(in).lines) {
      auto at = l.text.find("●");
      if (at != std::string::npos) return static_cast<long>(display_width(l.text.substr(0, at)));
    }
    return -1L;
  };
  long start = marker_at(0), middle = marker_at(0.5), end = marker_at(1);
  CHECK(start >= 0);
  CHECK(start < middle);
  CHECK(middle < end);
  CHECK(end - start >= 20);
  in.stroke = 0.5;
  CHECK(all_text(lay_out(in)).find("1 inch each way, 1 s each way") != std::string::npos);
  CHECK(band_shown(lay_out(in)));
}

TEST_CASE("the end of a session in big letters at every size, the next thing under it") {
  for (auto [columns, rows] :
       {std::pair{40, 12}, std::pair{80, 24}, std::pair{120, 40}, std::pair{200, 60}}) {
    CAPTURE(columns);
    CAPTURE(rows);
    for (bool utf8 : {true, false}) {
      // The rows the summary leaves it: about ten lines of summary below.
      int room = std::max(rows - 12, 0);
      auto banner = end_banner("DONE", "MOVE NOW", columns, room, utf8);
      std::string joined;
      for (const auto& l : banner) {
        CHECK(display_width(l) <= static_cast<std::size_t>(columns));
        joined += l + "\n";
      }
      CAPTURE(joined);
      // Letters, at least three rows tall, for both parts: a blank line between them where the
      // rows allow.
      std::size_t ink = std::count_if(banner.begin(), banner.end(), [&](const std::string& l) {
        return l.find(utf8 ? "█" : "#") != std::string::npos ||
               (utf8 && l.find("▀") != std::string::npos);
      });
      CHECK(ink >= 6);
      if (room >= 12) CHECK(std::find(banner.begin(), banner.end(), "") != banner.end());
      if (utf8 && room >= 7) CHECK(banner.size() <= static_cast<std::size_t>(room));
      if (!utf8) {
        for (unsigned char c : joined) CHECK(c < 0x80);
      }
    }
  }
  // With room, the headline is larger than half-height letters.
  auto big = end_banner("ENDED EARLY", "MOVE NOW", 200, 48, true);
  CHECK(big.size() >= 15);
}

TEST_CASE("big letters: every character of a bundled cue is in the font, lower case as upper") {
  CHECK(drawable_in_letters("Roller across the back (not the neck); 3 breaths, 1-2 inches: slow."));
  CHECK_FALSE(drawable_in_letters("café"));
  CHECK(big_letters("done", 1, true) == big_letters("DONE", 1, true));
  CHECK(letter_rows(0) == 3);
  CHECK(letter_rows(2) == 10);
  CHECK(big_letters("IN", 0, true).size() == 3);
  CHECK(big_letters("IN", 0, false).size() == 5);  // no half cells in ASCII
  // Words wrap whole; a word wider than the line makes no lines at all.
  auto lines = wrap_letters("Lean back over it and breathe out", 60, 0);
  CHECK(lines.size() > 1);
  for (const auto& l : lines) CHECK(letters_width(l, 0) <= 60);
  CHECK(wrap_letters("extraordinarily", 20, 1).empty());
}
