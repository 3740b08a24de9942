#include "roll/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll {

using namespace std::chrono;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string pad(std::string text, std::size_t width) {
  std::size_t w = display_width(text);
  if (w < width) text += std::string(width - w, ' ');
  return text;
}

std::string ellipsis(bool utf8) {
  return utf8 ? "…" : "...";
}

// Lines of items separated by two spaces, wrapped at `width`: legends stay whole on a narrow
// terminal instead of running off its edge.
std::vector<ChartLine> wrap_items(const std::vector<Span>& items, std::size_t width,
                                  const std::string& indent) {
  std::vector<ChartLine> out;
  ChartLine line{{indent, Ink::plain}};
  std::size_t used = display_width(indent);
  bool empty = true;
  for (const auto& item : items) {
    std::size_t w = display_width(item.text);
    if (!empty && used + 2 + w > width) {
      out.push_back(std::move(line));
      line = ChartLine{{indent, Ink::plain}};
      used = display_width(indent);
      empty = true;
    }
    if (!empty) {
      line.push_back({"  ", Ink::plain});
      used += 2;
    }
    std::size_t room = width > used ? width - used : 1;
    if (w > room) {
      // One item wider than a line (a sentence): wrapped at its words, each line indented.
      std::string wrapped = wrap(item.text, room);
      std::size_t start = 0;
      for (std::size_t nl = wrapped.find('\n'); nl != std::string::npos;
           start = nl + 1, nl = wrapped.find('\n', start)) {
        line.push_back({wrapped.substr(start, nl - start), item.ink});
        out.push_back(std::move(line));
        line = ChartLine{{indent, Ink::plain}};
      }
      std::string tail = wrapped.substr(start);
      used = display_width(indent) + display_width(tail);
      line.push_back({std::move(tail), item.ink});
      empty = false;
      continue;
    }
    line.push_back({item.text, item.ink});
    used += w;
    empty = false;
  }
  if (!empty) out.push_back(std::move(line));
  return out;
}

ChartLine one_line(const std::string& text, std::size_t width, bool utf8) {
  return {{fit_line(text, width, ellipsis(utf8)), Ink::axis}};
}

std::vector<ChartLine> sentence(const std::string& text, std::size_t width) {
  return wrap_items({{text, Ink::axis}}, width, "");
}

}  // namespace

std::vector<ChartLine> bar_chart(const std::vector<BarRow>& rows, double scale_max,
                                 ChartStyle style, std::optional<double> mark) {
  std::vector<ChartLine> out;
  if (rows.empty()) return out;
  std::size_t width = std::max<std::size_t>(style.width, 12);
  std::size_t label_w = 0, right_w = 0;
  double largest = 0;
  for (const auto& r : rows) {
    label_w = std::max(label_w, display_width(r.label));
    right_w = std::max(right_w, display_width(r.right));
    largest = std::max(largest, r.value);
  }
  // The bar gets at least a quarter of the line; a label (to a third) and then the right-hand
  // text give way first.
  std::size_t min_bar = std::max<std::size_t>(width / 4, 4);
  label_w = std::min(label_w, width / 3);
  right_w = std::min(right_w, width - label_w - 2 - min_bar);
  std::size_t fixed = 2 + right_w;
  std::size_t room = width - label_w - fixed;
  double scale = scale_max > 0 ? scale_max : largest;
  std::optional<std::size_t> tick;
  if (mark && scale > 0) {
    tick = std::min(
        room - 1, static_cast<std::size_t>(std::lround(*mark / scale * static_cast<double>(room))));
  }
  static constexpr const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  for (const auto& r : rows) {
    ChartLine line;
    line.push_back({pad(fit_line(r.label, label_w, ellipsis(style.utf8)), label_w) + " "});
    double cells =
        scale > 0 ? std::clamp(r.value / scale, 0.0, 1.0) * static_cast<double>(room) : 0.0;
    // Cell by cell, so that the tick can sit inside a bar as well as after it.
    std::vector<std::string> cell(room, " ");
    std::size_t full = static_cast<std::size_t>(cells);
    if (style.utf8) {
      for (std::size_t i = 0; i < full; ++i) cell[i] = "█";
      auto eighth = static_cast<std::size_t>(std::lround((cells - static_cast<double>(full)) * 8));
      if (eighth == 8) {
        if (full < room) cell[full] = "█";
      } else if (eighth > 0 && full < room) {
        cell[full] = kEighths[eighth];
      } else if (full == 0 && r.value > 0) {
        cell[0] = "▏";
      }
    } else {
      auto n = std::min(room, static_cast<std::size_t>(std::lround(cells)));
      if (n == 0 && r.value > 0) n = 1;
      for (std::size_t i = 0; i < n; ++i) cell[i] = "#";
    }
    std::size_t filled = 0;
    while (filled < room && cell[filled] != " ") ++filled;
    std::string bar, rest;
    for (std::size_t i = 0; i < room; ++i) {
      if (tick && i == *tick) {
        if (!bar.empty()) line.push_back({std::move(bar), r.ink});
        if (!rest.empty()) line.push_back({std::move(rest)});
        bar.clear();
        rest.clear();
        line.push_back({style.utf8 ? "│" : "|", Ink::axis});
        continue;
      }
      (i < filled ? bar : rest) += cell[i];
    }
    if (!bar.empty()) line.push_back({std::move(bar), r.ink});
    if (r.right.empty()) {
      // Nothing to line up after the bar: no trailing blanks.
      while (!rest.empty() && rest.back() == ' ') rest.pop_back();
      if (!rest.empty()) line.push_back({std::move(rest)});
    } else {
      line.push_back({rest + " "});
      line.push_back({fit_line(r.right, right_w, ellipsis(style.utf8)), r.ink});
    }
    out.push_back(std::move(line));
  }
  return out;
}

PairedRatings paired_ratings(const std::vector<RatingPoint>& points) {
  PairedRatings out;
  double before = 0, after = 0;
  for (const auto& p : points) {
    if (p.before && p.after) {
      ++out.sessions;
      before += *p.before;
      after += *p.after;
    } else if (p.before || p.after) {
      ++out.unpaired;
    }
  }
  if (out.sessions > 0) {
    out.before = before / out.sessions;
    out.after = after / out.sessions;
  }
  return out;
}

std::vector<ChartLine> rating_trend(const std::vector<RatingPoint>& points, ChartStyle style) {
  std::size_t width = std::max<std::size_t>(style.width, 12);
  std::vector<const RatingPoint*> rated;
  for (const auto& p : points)
    if (p.before || p.after) rated.push_back(&p);
  if (rated.empty()) {
    return sentence(
        "No ratings yet on this older scale (how your back feels, 10 fine): `roll session "
        "--before N --after N` keeps them; the full screen now asks pain instead.",
        width);
  }
  constexpr std::size_t kAxis = 6;  // "9-10 ┤"
  std::size_t avail = width - kAxis;
  std::size_t n = rated.size();
  std::size_t columns = std::min(n, avail);
  // A few sessions get room between them; many share a column each, averaged.
  std::size_t step = std::clamp<std::size_t>(avail / columns, 1, 3);
  struct Column {
    std::optional<double> before, after;
  };
  std::vector<Column> cols(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    std::size_t from = c * n / columns, to = (c + 1) * n / columns;
    double b = 0, a = 0;
    int nb = 0, na = 0;
    for (std::size_t i = from; i < to; ++i) {
      if (rated[i]->before) b += *rated[i]->before, ++nb;
      if (rated[i]->after) a += *rated[i]->after, ++na;
    }
    if (nb > 0) cols[c].before = b / nb;
    if (na > 0) cols[c].after = a / na;
  }
  // Six rows of two ratings each (0 alone), so that every row says exactly what it holds.
  auto row_of = [](double v) {
    return 5 - static_cast<int>((std::lround(std::clamp(v, 0.0, 10.0)) + 1) / 2);
  };
  static constexpr const char* kRows[] = {"9-10", "7-8", "5-6", "3-4", "1-2", "0"};
  std::vector<ChartLine> out;
  for (int row = 0; row < 6; ++row) {
    ChartLine line{{fmt::format("{:>4} {}", kRows[row], style.utf8 ? "┤" : "|"), Ink::axis}};
    std::string gap;
    for (std::size_t c = 0; c < columns; ++c) {
      bool b = cols[c].before && row_of(*cols[c].before) == row;
      bool a = cols[c].after && row_of(*cols[c].after) == row;
      if (!b && !a) {
        gap += std::string(step, ' ');
        continue;
      }
      if (!gap.empty()) line.push_back({std::move(gap)});
      gap.clear();
      const char* glyph = a && b ? (style.utf8 ? "◉" : "@")
                          : a    ? (style.utf8 ? "●" : "*")
                                 : (style.utf8 ? "○" : "o");
      line.push_back({glyph, a ? Ink::after : Ink::before});
      gap = std::string(step - 1, ' ');
    }
    out.push_back(std::move(line));
  }
  std::size_t span = (columns - 1) * step + 1;
  out.push_back(
      {{fmt::format("     {}{}", style.utf8 ? "└" : "+", repeat(style.utf8 ? "─" : "-", span)),
        Ink::axis}});
  std::string first = format_date(rated.front()->day), last = format_date(rated.back()->day);
  std::string dates = first == last ? first
                      : span >= first.size() + last.size() + 2
                          ? first + std::string(span - first.size() - last.size(), ' ') + last
                          : first + " to " + last;
  out.push_back(one_line("      " + dates, width, style.utf8));
  std::vector<Span> legend{{style.utf8 ? "○ before" : "o before", Ink::before},
                           {style.utf8 ? "● after" : "* after", Ink::after},
                           {style.utf8 ? "◉ both" : "@ both", Ink::axis}};
  for (auto& l : wrap_items(legend, width, "     ")) out.push_back(std::move(l));
  PairedRatings paired = paired_ratings(points);
  std::string summary =
      paired.sessions == 0
          ? std::string("no session rated both before and after yet: nothing to compare")
          : fmt::format(
                "in the {} rated both before and after: {:.1f} before, {:.1f} after "
                "(0-10, on average)",
                plural(paired.sessions, "session"), paired.before, paired.after);
  if (paired.unpaired > 0) {
    summary +=
        fmt::format("; {} rated only once, not compared", plural(paired.unpaired, "session"));
  }
  if (columns < n) summary += fmt::format("; each column averages about {} sessions", n / columns);
  for (auto& l : wrap_items({{summary, Ink::plain}}, width, "     ")) out.push_back(std::move(l));
  return out;
}

std::vector<ZonePressure> pressure_by_zone(const std::vector<PressureReading>& readings) {
  std::map<std::string, ZonePressure> by;
  for (const auto& r : readings) {
    auto& z = by[r.zone];
    z.zone = r.zone;
    ++z.readings;
    z.highest = std::max(z.highest, r.value);
    z.average += r.value;
  }
  std::vector<ZonePressure> out;
  for (auto& [name, z] : by) {
    z.average /= z.readings;
    out.push_back(z);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.readings > b.readings; });
  return out;
}

std::vector<ChartLine> pressure_chart(const std::vector<ZonePressure>& zones, ChartStyle style) {
  if (zones.empty()) {
    return sentence(
        "No pressure readings yet: press 1-9 (0 for 10) during a session to record one.",
        std::max<std::size_t>(style.width, 12));
  }
  std::vector<BarRow> rows;
  for (const auto& z : zones) {
    bool high = z.highest > kPressureLimit;
    rows.push_back({z.zone, z.average,
                    fmt::format("avg {:.1f}, highest {}{}, {}", z.average, z.highest,
                                high ? " !" : "", plural(z.readings, "reading")),
                    high ? Ink::high : Ink::bar});
  }
  auto out = bar_chart(rows, 10, style, kPressureLimit);
  for (auto& l : wrap_items({{fmt::format("out of 10; {} roll's own limit of {}/10 (the first "
                                          "article aims for around a 6 or 7), ! a reading past it",
                                          style.utf8 ? "│" : "|", kPressureLimit),
                              Ink::axis}},
                            style.width, "")) {
    out.push_back(std::move(l));
  }
  return out;
}

namespace {

std::int64_t minutes_of(std::int64_t seconds) {
  return (seconds + 30) / 60;
}

Span day_cell(const DayTotal& d, bool future, bool utf8) {
  if (future) return {" ", Ink::plain};
  if (d.completed == 0) {
    if (d.rest) return {"+", Ink::rest};
    if (d.sessions > 0) return {"x", Ink::tried};
    return {utf8 ? "·" : ".", Ink::none};
  }
  std::int64_t m = minutes_of(d.seconds);
  static constexpr const char* kBlocks[] = {"░", "▒", "▓", "█"};
  static constexpr const char* kAscii[] = {":", "o", "O", "#"};
  int level = m < 5 ? 0 : m < 10 ? 1 : m < 20 ? 2 : 3;
  return {utf8 ? kBlocks[level] : kAscii[level], Ink::bar};
}

}  // namespace

std::vector<ChartLine> heatmap(const Stats& st, LocalDays today, ChartStyle style) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::size_t width = std::max<std::size_t>(style.width, 12);
  std::size_t weeks = st.weeks.size();
  // The calendar starts with the first week that holds anything: a first week of rolling is one
  // column, not eleven empty ones before it.
  std::size_t used = weeks > 0 ? weeks - 1 : 0;
  for (std::size_t i = 0; i < st.days.size(); ++i) {
    if (st.days[i].sessions > 0 || st.days[i].rest) {
      used = std::min(used, i / 7);
      break;
    }
  }
  std::size_t shown = std::min(weeks - used, width - 4);
  std::size_t first = weeks - shown;
  std::vector<ChartLine> out;
  // Each column is a week: its Monday's date above it, wherever a label fits.
  std::string dates;
  for (std::size_t w = first; w < weeks && w * 7 < st.days.size(); ++w) {
    std::size_t column = w - first;
    if (column < dates.size()) continue;
    std::chrono::year_month_day monday{st.days[w * 7].day};
    std::string label = fmt::format("{} {}", kMonths[static_cast<unsigned>(monday.month()) - 1],
                                    static_cast<unsigned>(monday.day()));
    if (4 + column + label.size() > width) break;
    dates.resize(column, ' ');
    dates += label + " ";
  }
  while (!dates.empty() && dates.back() == ' ') dates.pop_back();
  if (!dates.empty()) out.push_back({{"    " + dates, Ink::axis}});
  for (std::size_t row = 0; row < 7; ++row) {
    ChartLine line{{fmt::format("{} ", kDays[row]), Ink::axis}};
    for (std::size_t w = first; w < weeks; ++w) {
      std::size_t i = w * 7 + row;
      if (i >= st.days.size()) break;
      Span cell = day_cell(st.days[i], st.days[i].day > today, style.utf8);
      // Runs of one ink in one span: a year of days is a few spans, not 364.
      if (line.size() > 1 && line.back().ink == cell.ink) {
        line.back().text += cell.text;
      } else {
        line.push_back(std::move(cell));
      }
    }
    // The days still to come end a row: no trailing blanks.
    while (line.size() > 1 && line.back().ink == Ink::plain) {
      auto& text = line.back().text;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      if (!text.empty()) break;
      line.pop_back();
    }
    out.push_back(std::move(line));
  }
  std::vector<Span> legend{{style.utf8 ? "· none" : ". none", Ink::none},
                           {"x started", Ink::tried},
                           {"+ rest (injury, pain stop)", Ink::rest}};
  if (style.utf8) {
    legend.push_back({"░ <5 min  ▒ <10  ▓ <20  █ 20+", Ink::bar});
  } else {
    legend.push_back({": <5 min  o <10  O <20  # 20+", Ink::bar});
  }
  legend.push_back({"a column is a week, its Monday's date above it", Ink::axis});
  if (shown < weeks - used)
    legend.push_back({fmt::format("the last {} of {} weeks", shown, weeks - used), Ink::axis});
  for (auto& l : wrap_items(legend, width, "    ")) out.push_back(std::move(l));
  return out;
}

}  // namespace roll
