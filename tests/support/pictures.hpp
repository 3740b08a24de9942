#pragma once
// A history to draw for `roll stats` and `roll report`, and the width of what was drawn.
#include <fmt/core.h>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>

namespace roll::test {

// Eight weeks of evenings: most completed, some partial, ratings on most, pressure readings, one
// pain stop, and a gap. Lines for seed_history.
inline std::string eight_weeks() {
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

// Columns, counting a UTF-8 sequence as one (every glyph roll draws is one column wide).
inline std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

inline std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t w = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    w = std::max(w, columns(line));
  }
  return w;
}

}  // namespace roll::test
