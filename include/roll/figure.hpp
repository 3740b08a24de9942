#pragma once
// What a pose looks like: one model for every figure. A person seen from the side as a stick
// figure (a head, a trunk in two parts so that it can arch and round, upper and lower arms,
// thighs, shins and feet), the roller under them on the floor line, and the motion as arrows or a
// second, lighter figure. draw_pose() turns a pose into shapes in centimetres (y up, the floor at
// y = 0); the renderers (figure_svg.hpp, figure_text.hpp) scale the shapes into the box they are
// given. Pure: numbers in, shapes out.
#include <cstddef>
#include <vector>

#include "roll/pose.hpp"
#include "roll/routine.hpp"

namespace roll {

struct Vec {
  double x = 0;
  double y = 0;
  friend bool operator==(const Vec&, const Vec&) = default;
};

// What a shape is part of: the renderers give each its own look (the ghost lighter, the arrow in
// a colour of its own). Shapes are painted in the drawing's order, so where two share a pixel or
// a terminal cell the later one shows.
enum class FigureInk {
  floor,
  prop,   // the roller, ball or peanut
  ghost,  // the lighter second figure: where a motion starts or ends
  far,    // the limbs on the far side of the body
  body,
  arrow,  // a motion
};

struct Shape {
  enum class Kind {
    line,   // a polyline through `points`, `size` thick (round ends)
    disc,   // a filled circle at points[0], radius `size`
    arrow,  // a polyline with a head at its last point (and its first, if `both_ends`)
  };
  Kind kind = Kind::line;
  FigureInk ink = FigureInk::body;
  std::vector<Vec> points;
  double size = 1;
  bool both_ends = false;
};

// The thing under the body, drawn as what it is: a foam roller (a circle seen end-on across the
// body, a bar along the spine), a ball, or a peanut (two balls joined).
enum class Prop { roller, ball, peanut };

[[nodiscard]] constexpr Prop prop_for(Roller roller) {
  return roller == Roller::ball     ? Prop::ball
         : roller == Roller::peanut ? Prop::peanut
                                    : Prop::roller;
}

struct Drawing {
  std::vector<Shape> shapes;  // in paint order
  Vec low;                    // the bounds of every shape, stroke widths included
  Vec high;
};

// The figure of `pose` on `prop`, with an arrow for `travel` beside the roller (none for
// Travel::none, or in a pose without a prop).
[[nodiscard]] Drawing draw_pose(PoseId pose, Prop prop = Prop::roller,
                                Travel travel = Travel::none);

}  // namespace roll
