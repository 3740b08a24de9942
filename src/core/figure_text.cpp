#include "roll/figure_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace roll {

namespace {

struct Point {
  double x = 0;
  double y = 0;  // down
};

double distance_to_segment(Point p, Point a, Point b) {
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 == 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// The scale and the size used: the drawing fitted into `width` x `height` units of a grid whose
// units are `aspect` times taller than wide (1 for braille dots, 2 for character cells).
struct Fit {
  double scale = 0;  // grid units across per centimetre
  double aspect = 1;
  Vec low, high;
  int width = 0;  // units used
  int height = 0;

  Point map(Vec v) const { return {(v.x - low.x) * scale, (high.y - v.y) * scale / aspect}; }
};

Fit fit(const Drawing& d, int width, int height, double aspect) {
  Fit f;
  f.aspect = aspect;
  f.low = d.low;
  f.high = d.high;
  double fw = std::max(d.high.x - d.low.x, 1.0), fh = std::max(d.high.y - d.low.y, 1.0);
  f.scale = std::min((width - 0.01) / fw, (height - 0.01) * aspect / fh);
  f.width = std::clamp(static_cast<int>(std::ceil(fw * f.scale)), 1, width);
  f.height = std::clamp(static_cast<int>(std::ceil(fh * f.scale / aspect)), 1, height);
  return f;
}

// ---- Braille: a grid of dots, two across and four down per cell, square on most terminals.

class Dots {
 public:
  Dots(int cols, int rows)
      : cols_(cols),
        rows_(rows),
        bits_(static_cast<std::size_t>(cols * rows), 0),
        ink_(bits_.size(), FigureInk::floor) {}

  void set(int x, int y, FigureInk ink) {
    if (x < 0 || y < 0 || x >= cols_ * 2 || y >= rows_ * 4) return;
    static constexpr std::uint8_t kBit[4][2] = {
        {0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    auto cell = static_cast<std::size_t>((y / 4) * cols_ + x / 2);
    bits_[cell] = static_cast<std::uint8_t>(bits_[cell] | kBit[y % 4][x % 2]);
    ink_[cell] = ink;
  }

  // Every dot whose centre is within `r` of the segment (only the outermost when `hollow`).
  void segment(Point a, Point b, double r, FigureInk ink, bool dotted = false,
               bool hollow = false) {
    int x0 = static_cast<int>(std::floor(std::min(a.x, b.x) - r));
    int x1 = static_cast<int>(std::ceil(std::max(a.x, b.x) + r));
    int y0 = static_cast<int>(std::floor(std::min(a.y, b.y) - r));
    int y1 = static_cast<int>(std::ceil(std::max(a.y, b.y) + r));
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        if (dotted && (x % 2) != 0) continue;
        double d = distance_to_segment({x + 0.5, y + 0.5}, a, b);
        if (d <= r && (!hollow || d >= r - 1)) set(x, y, ink);
      }
    }
  }

  void disc(Point c, double r, FigureInk ink, bool ring) {
    for (int y = static_cast<int>(std::floor(c.y - r)); y <= static_cast<int>(std::ceil(c.y + r));
         ++y) {
      for (int x = static_cast<int>(std::floor(c.x - r)); x <= static_cast<int>(std::ceil(c.x + r));
           ++x) {
        double d = std::hypot(x + 0.5 - c.x, y + 0.5 - c.y);
        if (d <= r && (!ring || d >= r - 1)) set(x, y, ink);
      }
    }
  }

  std::vector<FigureLine> lines(int used_cols, int used_rows) const {
    std::vector<FigureLine> out;
    for (int row = 0; row < used_rows; ++row) {
      FigureLine line;
      for (int col = 0; col < used_cols; ++col) {
        auto cell = static_cast<std::size_t>(row * cols_ + col);
        std::string glyph = " ";
        FigureInk ink = FigureInk::floor;
        if (bits_[cell] != 0) {
          // U+2800 + the dots, in UTF-8: E2 A0..A3 80..BF.
          unsigned code = 0x2800u + bits_[cell];
          glyph = {static_cast<char>(0xE0 | (code >> 12)),
                   static_cast<char>(0x80 | ((code >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (code & 0x3F))};
          ink = ink_[cell];
        }
        if (line.empty() || line.back().ink != ink) line.push_back({"", ink});
        line.back().text += glyph;
      }
      out.push_back(std::move(line));
    }
    return out;
  }

 private:
  int cols_, rows_;
  std::vector<std::uint8_t> bits_;
  std::vector<FigureInk> ink_;
};

// The two barbs of an arrow's head at `tip`, coming from `from`, `length` long.
std::pair<Point, Point> barbs(Point tip, Point from, double length) {
  double dx = tip.x - from.x, dy = tip.y - from.y;
  double len = std::hypot(dx, dy);
  if (len == 0) return {tip, tip};
  dx /= len;
  dy /= len;
  constexpr double c = 0.866, s = 0.5;  // 30 degrees either side
  Point left{tip.x - length * (dx * c - dy * s), tip.y - length * (dy * c + dx * s)};
  Point right{tip.x - length * (dx * c + dy * s), tip.y - length * (dy * c - dx * s)};
  return {left, right};
}

TextFigure braille(const Drawing& d, int cols, int rows) {
  Fit f = fit(d, cols * 2, rows * 4, 1);
  Dots dots(cols, rows);
  for (const auto& s : d.shapes) {
    if (s.points.empty()) continue;
    // The ghost is drawn thin, its head a ring: lighter than the figure in the only way dots can.
    // A large roller is hollow too, a tube seen end-on or from the side, so that the body lying
    // on it stays apart from it.
    bool ghost = s.ink == FigureInk::ghost;
    bool prop = s.ink == FigureInk::prop;
    switch (s.kind) {
      case Shape::Kind::disc: {
        double r = std::max(s.size * f.scale, 0.8);
        dots.disc(f.map(s.points[0]), r, s.ink, (ghost && r > 1.5) || (prop && r > 2.5));
        break;
      }
      case Shape::Kind::line: {
        bool floor = s.ink == FigureInk::floor;
        double r = ghost || floor ? 0.5 : std::max(s.size * f.scale / 2, 0.5);
        for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
          dots.segment(f.map(s.points[i]), f.map(s.points[i + 1]), r, s.ink, floor, prop && r > 2);
        }
        if (s.points.size() == 1) dots.disc(f.map(s.points[0]), r, s.ink, false);
        break;
      }
      case Shape::Kind::arrow: {
        for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
          dots.segment(f.map(s.points[i]), f.map(s.points[i + 1]), 0.5, s.ink);
        }
        if (s.points.size() < 2) break;
        double head = std::max(3.4 * s.size * f.scale, 2.2);
        auto draw_head = [&](Point tip, Point from) {
          auto [l, r] = barbs(tip, from, head);
          dots.segment(tip, l, 0.5, s.ink);
          dots.segment(tip, r, 0.5, s.ink);
        };
        draw_head(f.map(s.points.back()), f.map(s.points[s.points.size() - 2]));
        if (s.both_ends) draw_head(f.map(s.points.front()), f.map(s.points[1]));
        break;
      }
    }
  }
  int used_cols = (f.width + 1) / 2, used_rows = (f.height + 3) / 4;
  TextFigure out;
  out.lines = dots.lines(std::min(used_cols, cols), std::min(used_rows, rows));
  out.columns = static_cast<std::size_t>(std::min(used_cols, cols));
  return out;
}

// ---- ASCII: characters whose shape follows the line (- / | \), a cell twice as tall as wide.

class Cells {
 public:
  Cells(int cols, int rows)
      : cols_(cols),
        rows_(rows),
        text_(static_cast<std::size_t>(cols * rows), ' '),
        ink_(text_.size(), FigureInk::floor) {}

  void put(int x, int y, char c, FigureInk ink) {
    if (x < 0 || y < 0 || x >= cols_ || y >= rows_) return;
    auto i = static_cast<std::size_t>(y * cols_ + x);
    text_[i] = c;
    ink_[i] = ink;
  }
  void put(Point p, char c, FigureInk ink) {
    put(static_cast<int>(std::floor(p.x)), static_cast<int>(std::floor(p.y)), c, ink);
  }

  // The cells a segment passes through, in order: a shallow line is '-' with '/' or '\' where
  // it steps to the next row ("--/--/"), a steep one '|' stepping across ("|/|/"), and one in
  // between all '/' or '\', as ASCII drawings do.
  void segment(Point a, Point b, FigureInk ink, char fixed = 0) {
    double dx = b.x - a.x, dy = b.y - a.y;
    int steps = std::max(1, static_cast<int>(std::ceil(std::max(std::abs(dx), std::abs(dy)) * 4)));
    std::vector<std::pair<int, int>> path;
    for (int i = 0; i <= steps; ++i) {
      double t = static_cast<double>(i) / steps;
      std::pair<int, int> cell{static_cast<int>(std::floor(a.x + dx * t)),
                               static_cast<int>(std::floor(a.y + dy * t))};
      if (path.empty() || path.back() != cell) path.push_back(cell);
    }
    double angle = std::atan2(-dy * 2, dx) * 180 / 3.14159265358979;
    if (angle < 0) angle += 180;
    char diagonal = angle < 90 ? '/' : '\\';
    bool shallow = angle < 30 || angle > 150, steep = angle > 60 && angle < 120;
    for (std::size_t i = 0; i < path.size(); ++i) {
      char c = fixed;
      if (!c) {
        bool last = i + 1 == path.size();
        if (shallow) {
          c = !last && path[i + 1].second != path[i].second ? diagonal : '-';
        } else if (steep) {
          c = !last && path[i + 1].first != path[i].first ? diagonal : '|';
        } else {
          c = diagonal;
        }
      }
      put(path[i].first, path[i].second, c, ink);
    }
  }

  // A circle of `r` cells across (r / 2 rows down): one character when small, else an outline.
  void circle(Point c, double r, FigureInk ink, char small) {
    if (r < 3.5) {
      put(c, small, ink);
      return;
    }
    double ry = r / 2;
    for (int row = static_cast<int>(std::floor(c.y - ry)); row <= static_cast<int>(c.y + ry);
         ++row) {
      double t = (row + 0.5 - c.y) / ry;
      if (std::abs(t) > 1) continue;
      double w = r * std::sqrt(1 - t * t);
      int left = static_cast<int>(std::lround(c.x - w)),
          right = static_cast<int>(std::lround(c.x + w));
      if (std::abs(t) > 0.7) {
        for (int x = left + 1; x < right; ++x) put(x, row, '-', ink);
        put(left, row, t < 0 ? '/' : '\\', ink);
        put(right, row, t < 0 ? '\\' : '/', ink);
      } else {
        put(left, row, '(', ink);
        put(right, row, ')', ink);
      }
    }
  }

  std::vector<FigureLine> lines(int used_cols, int used_rows) const {
    std::vector<FigureLine> out;
    for (int row = 0; row < used_rows; ++row) {
      FigureLine line;
      for (int col = 0; col < used_cols; ++col) {
        auto i = static_cast<std::size_t>(row * cols_ + col);
        FigureInk ink = text_[i] == ' ' ? FigureInk::floor : ink_[i];
        if (line.empty() || line.back().ink != ink) line.push_back({"", ink});
        line.back().text += text_[i];
      }
      out.push_back(std::move(line));
    }
    return out;
  }

 private:
  int cols_, rows_;
  std::string text_;
  std::vector<FigureInk> ink_;
};

char head_char(double dx, double dy) {
  // dy is down; the head points where the arrow goes.
  if (std::abs(dx) >= std::abs(dy) * 2) return dx >= 0 ? '>' : '<';
  return dy < 0 ? '^' : 'v';
}

TextFigure ascii(const Drawing& d, int cols, int rows) {
  Fit f = fit(d, cols, rows, 2);
  Cells cells(cols, rows);
  for (const auto& s : d.shapes) {
    if (s.points.empty()) continue;
    switch (s.kind) {
      case Shape::Kind::disc: {
        // A roller end-on is rolled up ('@'), a ball 'o', each ball of a peanut too; a head 'O'.
        char small = s.ink == FigureInk::prop    ? (s.size > 6 ? '@' : 'o')
                     : s.ink == FigureInk::ghost ? 'o'
                                                 : 'O';
        cells.circle(f.map(s.points[0]), s.size * f.scale, s.ink, small);
        break;
      }
      case Shape::Kind::line: {
        char fixed = s.ink == FigureInk::floor   ? '_'
                     : s.ink == FigureInk::ghost ? '.'
                     : s.ink == FigureInk::prop  ? '='
                                                 : 0;
        for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
          cells.segment(f.map(s.points[i]), f.map(s.points[i + 1]), s.ink, fixed);
        }
        break;
      }
      case Shape::Kind::arrow: {
        for (std::size_t i = 0; i + 1 < s.points.size(); ++i) {
          cells.segment(f.map(s.points[i]), f.map(s.points[i + 1]), s.ink);
        }
        if (s.points.size() < 2) break;
        auto head = [&](Point tip, Point from) {
          cells.put(tip, head_char(tip.x - from.x, tip.y - from.y), s.ink);
        };
        head(f.map(s.points.back()), f.map(s.points[s.points.size() - 2]));
        if (s.both_ends) head(f.map(s.points.front()), f.map(s.points[1]));
        break;
      }
    }
  }
  // A head or a roller small enough to be one character is drawn again on top: a limb drawn
  // after it (hands behind the head) would otherwise leave no head at all.
  for (const auto& s : d.shapes) {
    if (s.kind != Shape::Kind::disc || s.ink == FigureInk::ghost || s.points.empty()) continue;
    if (s.size * f.scale < 3.5) {
      cells.put(f.map(s.points[0]), s.ink == FigureInk::prop ? (s.size > 6 ? '@' : 'o') : 'O',
                s.ink);
    }
  }
  TextFigure out;
  out.lines = cells.lines(f.width, f.height);
  out.columns = static_cast<std::size_t>(f.width);
  return out;
}

}  // namespace

std::vector<std::string> TextFigure::plain() const {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    std::string text;
    for (const auto& run : line) text += run.text;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out.push_back(std::move(text));
  }
  return out;
}

TextFigure figure_text(const Drawing& drawing, std::size_t columns, std::size_t rows, bool utf8) {
  if (columns < 4 || rows < 2 || drawing.shapes.empty()) return {};
  // Past any terminal: a bound on the grid, whatever the caller asks.
  int cols = static_cast<int>(std::min<std::size_t>(columns, 1000));
  int rws = static_cast<int>(std::min<std::size_t>(rows, 500));
  TextFigure out = utf8 ? braille(drawing, cols, rws) : ascii(drawing, cols, rws);
  // Rows left blank by rounding give their room back to the caller.
  auto blank = [](const FigureLine& line) {
    return std::all_of(line.begin(), line.end(), [](const FigureRun& run) {
      return run.text.find_first_not_of(' ') == std::string::npos;
    });
  };
  while (!out.lines.empty() && blank(out.lines.back())) out.lines.pop_back();
  while (!out.lines.empty() && blank(out.lines.front())) out.lines.erase(out.lines.begin());
  return out;
}

}  // namespace roll
