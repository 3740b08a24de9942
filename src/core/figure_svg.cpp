#include "roll/figure_svg.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "roll/report.hpp"

namespace roll {

namespace {

constexpr double kPad = 3;  // centimetres of margin around the shapes

struct InkStyle {
  const char* group;  // the attributes of the <g> that holds a run of shapes in this ink
};

// Dark on white, so the figure prints on any printer; the arrow's colour is a second signal
// only (its head says which way).
InkStyle style_of(FigureInk ink) {
  switch (ink) {
    case FigureInk::floor:
      return {R"(stroke="#777" fill="none")"};
    case FigureInk::prop:
      return {R"(stroke="#2f5f8a" fill="#a9cbe8" stroke-width="1.2")"};
    case FigureInk::ghost:
      return {R"(stroke="#1a1a1a" fill="#1a1a1a" opacity="0.28")"};
    case FigureInk::far:
      return {R"(stroke="#6e6e6e" fill="#6e6e6e")"};
    case FigureInk::body:
      return {R"(stroke="#1a1a1a" fill="#1a1a1a")"};
    case FigureInk::arrow:
      return {R"(stroke="#c0392b" fill="#c0392b")"};
  }
  return {""};
}

class Writer {
 public:
  Writer(const Drawing& d) : low_(d.low), high_(d.high) {}

  double width() const { return high_.x - low_.x + 2 * kPad; }
  double height() const { return high_.y - low_.y + 2 * kPad; }

  std::string point(Vec p) const {
    return fmt::format("{:.1f},{:.1f}", p.x - low_.x + kPad, high_.y - p.y + kPad);
  }
  std::string points(const std::vector<Vec>& ps) const {
    std::string out;
    for (const auto& p : ps) {
      if (!out.empty()) out += ' ';
      out += point(p);
    }
    return out;
  }

  void shape(std::string& out, const Shape& s) const {
    if (s.points.empty()) return;
    switch (s.kind) {
      case Shape::Kind::disc:
        fmt::format_to(std::back_inserter(out),
                       "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\"/>",
                       s.points[0].x - low_.x + kPad, high_.y - s.points[0].y + kPad, s.size);
        return;
      case Shape::Kind::line:
        if (s.ink == FigureInk::prop) {
          // A roller along the spine: a bar with an outline, as the circle has.
          fmt::format_to(std::back_inserter(out),
                         "<polyline points=\"{0}\" fill=\"none\" stroke-width=\"{1:.1f}\"/>"
                         "<polyline points=\"{0}\" fill=\"none\" stroke=\"#a9cbe8\" "
                         "stroke-width=\"{2:.1f}\"/>",
                         points(s.points), s.size, s.size - 2.4);
          return;
        }
        fmt::format_to(std::back_inserter(out),
                       "<polyline points=\"{}\" fill=\"none\" stroke-width=\"{:.1f}\"/>",
                       points(s.points), s.size);
        return;
      case Shape::Kind::arrow:
        arrow(out, s);
        return;
    }
  }

 private:
  // The shaft stops short of the tip, under the head, so that a round end never shows past it.
  void arrow(std::string& out, const Shape& s) const {
    if (s.points.size() < 2) return;
    std::vector<Vec> shaft = s.points;
    double head = 3.4 * s.size;
    auto trim = [&](Vec& end, Vec from) {
      double dx = end.x - from.x, dy = end.y - from.y;
      double len = std::hypot(dx, dy);
      if (len > head) end = {end.x - dx / len * head * 0.6, end.y - dy / len * head * 0.6};
    };
    trim(shaft.back(), shaft[shaft.size() - 2]);
    if (s.both_ends) trim(shaft.front(), shaft[1]);
    fmt::format_to(std::back_inserter(out),
                   "<polyline points=\"{}\" fill=\"none\" stroke-width=\"{:.1f}\"/>", points(shaft),
                   s.size);
    head_at(out, s.points.back(), s.points[s.points.size() - 2], head, s.size);
    if (s.both_ends) head_at(out, s.points.front(), s.points[1], head, s.size);
  }

  void head_at(std::string& out, Vec tip, Vec from, double head, double width) const {
    double dx = tip.x - from.x, dy = tip.y - from.y;
    double len = std::hypot(dx, dy);
    if (len == 0) return;
    dx /= len;
    dy /= len;
    double half = head * 0.5 + width * 0.2;
    Vec base{tip.x - dx * head, tip.y - dy * head};
    Vec left{base.x - dy * half, base.y + dx * half};
    Vec right{base.x + dy * half, base.y - dx * half};
    fmt::format_to(std::back_inserter(out), "<polygon points=\"{}\" stroke-width=\"0.6\"/>",
                   points({tip, left, right}));
  }

  Vec low_, high_;
};

}  // namespace

std::string figure_svg(const Drawing& drawing, const SvgFigureOptions& options) {
  Writer w(drawing);
  std::string out;
  auto put = [&out]<class... Args>(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
  };
  put("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0:.1f} {1:.1f}\" "
      "width=\"{2:.0f}\" height=\"{3:.0f}\" role=\"img\">",
      w.width(), w.height(), w.width() * options.pixels_per_cm, w.height() * options.pixels_per_cm);
  put("<title>{}</title><desc>{}</desc>", html_escape(options.title),
      html_escape(options.description));
  put("<g stroke-linecap=\"round\" stroke-linejoin=\"round\">");
  // Runs of one ink share a group: a ghost's opacity applies to the run as one picture, so where
  // its limbs overlap they are not darker.
  std::size_t i = 0;
  while (i < drawing.shapes.size()) {
    FigureInk ink = drawing.shapes[i].ink;
    put("<g {}>", style_of(ink).group);
    for (; i < drawing.shapes.size() && drawing.shapes[i].ink == ink; ++i) {
      w.shape(out, drawing.shapes[i]);
    }
    put("</g>");
  }
  put("</g></svg>");
  return out;
}

}  // namespace roll
