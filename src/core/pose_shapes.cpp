// What each pose looks like: a side-view stick figure (or, for the side-lying and kneeling poses,
// seen from the front; for the open book, from above), built from one set of body proportions
// and placed on the prop and the floor. Lengths are centimetres of an adult of about 1.75 m; the
// roller is the second article's 6-inch (15 cm) one.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "roll/figure.hpp"

namespace roll {

namespace {

// Body proportions (centimetres).
constexpr double kLowerBack = 22;  // hip joint to the waist, the base of the rib cage
constexpr double kUpperBack = 30;  // waist to the base of the neck
constexpr double kNeck = 7;
constexpr double kHead = 10;  // radius
constexpr double kUpperArm = 29;
constexpr double kForearm = 28;  // with the hand
constexpr double kThigh = 44;
constexpr double kShin = 43;
constexpr double kFoot = 14;
// Drawn widths: a trunk that reads as a body and rests on the roller, limbs thinner.
constexpr double kTrunkWidth = 10;
constexpr double kLimbWidth = 5.5;
constexpr double kHalfTrunk = kTrunkWidth / 2;
constexpr double kArrowWidth = 2.2;
// The props: the 6-inch roller, 90 cm long; a massage ball; a peanut of two such balls.
constexpr double kRollerRadius = 7.5;
constexpr double kRollerLength = 90;
constexpr double kBallRadius = 4.5;

Vec operator+(Vec a, Vec b) {
  return {a.x + b.x, a.y + b.y};
}
Vec operator-(Vec a, Vec b) {
  return {a.x - b.x, a.y - b.y};
}
Vec operator*(Vec a, double k) {
  return {a.x * k, a.y * k};
}
double length(Vec v) {
  return std::hypot(v.x, v.y);
}
double dot(Vec a, Vec b) {
  return a.x * b.x + a.y * b.y;
}
// The unit vector at `degrees`, counter-clockwise from the +x axis.
Vec heading(double degrees) {
  double r = degrees * std::numbers::pi / 180;
  return {std::cos(r), std::sin(r)};
}
Vec at(Vec from, double degrees, double distance) {
  return from + heading(degrees) * distance;
}
double degrees_of(Vec v) {
  return std::atan2(v.y, v.x) * 180 / std::numbers::pi;
}

// An arm or a leg: the root (shoulder or hip) is the skeleton's; the joint is the elbow or knee,
// the end the hand or ankle, and a leg's tip the toes.
struct Limb {
  Vec joint;
  Vec end;
  Vec tip;
  bool has_tip = false;
};

// Two segments of lengths `a` and `b` from `root` toward `target`, bent toward `bend` (a
// direction): the elbow or knee where the end reaches the target, or as near as the limb allows.
Limb reach(Vec root, Vec target, double a, double b, Vec bend) {
  Vec to = target - root;
  double d = std::clamp(length(to), std::abs(a - b) + 0.01, a + b - 0.01);
  double base = degrees_of(to);
  double spread = std::acos(std::clamp((a * a + d * d - b * b) / (2 * a * d), -1.0, 1.0)) * 180 /
                  std::numbers::pi;
  Vec j1 = at(root, base + spread, a);
  Vec j2 = at(root, base - spread, a);
  Limb limb;
  limb.joint = dot(j1 - root, bend) >= dot(j2 - root, bend) ? j1 : j2;
  Vec rest = target - limb.joint;
  limb.end = length(rest) > 0 ? limb.joint + rest * (b / length(rest)) : at(limb.joint, base, b);
  return limb;
}

Limb arm_to(Vec shoulder, Vec hand, Vec bend) {
  return reach(shoulder, hand, kUpperArm, kForearm, bend);
}
Limb arm_at(Vec shoulder, double upper, double lower) {
  Limb limb;
  limb.joint = at(shoulder, upper, kUpperArm);
  limb.end = at(limb.joint, lower, kForearm);
  return limb;
}
Limb leg_to(Vec hip, Vec ankle, Vec bend, double foot_degrees) {
  Limb limb = reach(hip, ankle, kThigh, kShin, bend);
  limb.tip = at(limb.end, foot_degrees, kFoot);
  limb.has_tip = true;
  return limb;
}
Limb leg_at(Vec hip, double thigh, double shin, double foot_degrees) {
  Limb limb;
  limb.joint = at(hip, thigh, kThigh);
  limb.end = at(limb.joint, shin, kShin);
  limb.tip = at(limb.end, foot_degrees, kFoot);
  limb.has_tip = true;
  return limb;
}

// A thigh seen end-on toward us: from the hip to the knee, no shin or foot.
Limb thigh_only(Vec hip, Vec knee) {
  Limb limb;
  limb.joint = hip + (knee - hip) * 0.5;
  limb.end = knee;
  return limb;
}

struct Skeleton {
  Vec hip;
  Vec waist;
  Vec shoulder;  // the base of the neck
  Vec head;      // the centre of the head
  Limb arm;      // near side
  Limb leg;
  Limb far_arm;  // drawn only when it shows apart from the near one
  Limb far_leg;
  bool far_arm_shown = false;
  bool far_leg_shown = false;
};

// The trunk from the hip: the lower back, the upper back and the head, each at its own angle.
Skeleton trunk(Vec hip, double lower, double upper, double head) {
  Skeleton s;
  s.hip = hip;
  s.waist = at(hip, lower, kLowerBack);
  s.shoulder = at(s.waist, upper, kUpperBack);
  s.head = at(s.shoulder, head, kNeck + kHead);
  return s;
}

// The same trunk, hung from the waist: for a back that rests on the roller at the waist.
Skeleton trunk_from_waist(Vec waist, double lower, double upper, double head) {
  return trunk(at(waist, lower + 180, kLowerBack), lower, upper, head);
}

class Sketch {
 public:
  void line(FigureInk ink, std::vector<Vec> points, double width) {
    shapes_.push_back({Shape::Kind::line, ink, std::move(points), width, false});
  }
  void disc(FigureInk ink, Vec centre, double radius) {
    shapes_.push_back({Shape::Kind::disc, ink, {centre}, radius, false});
  }
  void arrow(std::vector<Vec> points, bool both_ends = false) {
    shapes_.push_back(
        {Shape::Kind::arrow, FigureInk::arrow, std::move(points), kArrowWidth, both_ends});
  }
  // An arc of an ellipse around `centre` from `from` to `to` degrees (either way round), its head
  // at `to`.
  void arc_arrow(Vec centre, double rx, double ry, double from, double to, bool both_ends = false) {
    // The short way round.
    while (to - from > 180) to -= 360;
    while (from - to > 180) to += 360;
    turn_arrow(centre, rx, ry, from, to, both_ends);
  }
  // The way round given, more than half a turn if asked: an arm circle.
  void turn_arrow(Vec centre, double rx, double ry, double from, double to, bool both_ends) {
    std::vector<Vec> points;
    int steps = std::max(4, static_cast<int>(std::abs(to - from) / 6));
    for (int i = 0; i <= steps; ++i) {
      double a = (from + (to - from) * i / steps) * std::numbers::pi / 180;
      points.push_back({centre.x + rx * std::cos(a), centre.y + ry * std::sin(a)});
    }
    arrow(std::move(points), both_ends);
  }

  void limb(FigureInk ink, Vec root, const Limb& l) {
    std::vector<Vec> points{root, l.joint, l.end};
    if (l.has_tip) points.push_back(l.tip);
    line(ink, std::move(points), kLimbWidth);
  }

  // The whole figure in `ink` (body for the figure itself, ghost for the lighter one).
  void person(const Skeleton& s, FigureInk ink = FigureInk::body) {
    FigureInk far = ink == FigureInk::body ? FigureInk::far : ink;
    if (s.far_leg_shown) limb(far, s.hip, s.far_leg);
    if (s.far_arm_shown) limb(far, s.shoulder, s.far_arm);
    line(ink, {s.hip, s.waist, s.shoulder}, kTrunkWidth);
    line(ink, {s.shoulder, at(s.shoulder, degrees_of(s.head - s.shoulder), kNeck + 1)}, kLimbWidth);
    disc(ink, s.head, kHead);
    limb(ink, s.hip, s.leg);
    limb(ink, s.shoulder, s.arm);
  }
  // Only the upper body and arm of a second position, for a motion of the back or an arm.
  void ghost_upper(const Skeleton& s) {
    line(FigureInk::ghost, {s.waist, s.shoulder}, kTrunkWidth);
    disc(FigureInk::ghost, s.head, kHead);
    limb(FigureInk::ghost, s.shoulder, s.arm);
  }
  void ghost_arm(Vec shoulder, const Limb& l) { limb(FigureInk::ghost, shoulder, l); }

  // The prop lying across the body, seen end-on, centred at `x` on the floor.
  void prop_across(Prop prop, double x) {
    prop_x_ = x;
    has_prop_ = true;
    switch (prop) {
      case Prop::roller:
        disc(FigureInk::prop, {x, kRollerRadius}, kRollerRadius);
        break;
      case Prop::ball:
        disc(FigureInk::prop, {x, kBallRadius}, kBallRadius);
        break;
      case Prop::peanut:
        // The far ball shows behind and above the near one, as in a slight perspective.
        disc(FigureInk::prop, {x + 2.2, kBallRadius + 2.2}, kBallRadius);
        disc(FigureInk::prop, {x, kBallRadius}, kBallRadius);
        break;
    }
  }
  // The prop lying along the spine from `x0` to `x1`: a roller as a bar; a ball or a peanut is
  // shorter than a back, so it sits under the upper back at `x_ball`.
  void prop_along(Prop prop, double x0, double x1, double x_ball) {
    has_prop_ = true;
    if (prop == Prop::roller) {
      prop_x_ = (x0 + x1) / 2;
      line(FigureInk::prop,
           {{x0 + kRollerRadius, kRollerRadius}, {x1 - kRollerRadius, kRollerRadius}},
           2 * kRollerRadius);
      return;
    }
    prop_x_ = x_ball;
    if (prop == Prop::ball) {
      disc(FigureInk::prop, {x_ball, kBallRadius}, kBallRadius);
    } else {
      // Along the spine a peanut shows both balls, one behind the other along the back.
      disc(FigureInk::prop, {x_ball - kBallRadius * 0.9, kBallRadius}, kBallRadius);
      disc(FigureInk::prop, {x_ball + kBallRadius * 0.9, kBallRadius}, kBallRadius);
    }
  }

  // The travel arrow under the floor below the prop: toward the head (left in every pose),
  // toward the feet, or across (a short slanted arrow, both ways, into and out of the picture).
  void travel(Travel t) {
    if (!has_prop_ || t == Travel::none) return;
    double x = prop_x_;
    double y = -7 - below_;
    switch (t) {
      case Travel::up:
        arrow({{x + 6, y}, {x - 10, y}});
        break;
      case Travel::down:
        arrow({{x - 6, y}, {x + 10, y}});
        break;
      case Travel::across:
        arrow({{x - 8, y - 7}, {x + 8, y + 3}}, true);
        break;
      case Travel::none:
        break;
    }
  }
  // An arrow of the pose's own under the floor (the roller's small oscillation), leaving room
  // for a travel arrow below it.
  void under_floor_arrow(std::vector<Vec> points, bool both_ends) {
    arrow(std::move(points), both_ends);
    below_ += 10;
  }

  void no_floor() { floor_ = false; }
  // A pose whose shapes are small (the roller alone) still fills a body-sized frame.
  void frame(Vec low, Vec high) {
    frame_low_ = low;
    frame_high_ = high;
    framed_ = true;
  }

  Drawing finish() && {
    Drawing d;
    Vec low{1e9, 1e9}, high{-1e9, -1e9};
    auto grow = [&](Vec p, double r) {
      low = {std::min(low.x, p.x - r), std::min(low.y, p.y - r)};
      high = {std::max(high.x, p.x + r), std::max(high.y, p.y + r)};
    };
    for (const auto& s : shapes_) {
      // An arrow's head reaches a little past its width.
      double r = s.kind == Shape::Kind::arrow ? 3 * s.size : s.size / 2;
      if (s.kind == Shape::Kind::disc) r = s.size;
      for (const auto& p : s.points) grow(p, r);
    }
    if (framed_) {
      grow(frame_low_, 0);
      grow(frame_high_, 0);
    }
    if (floor_) {
      low.y = std::min(low.y, -1.0);
      Shape floor{
          Shape::Kind::line, FigureInk::floor, {{low.x - 4, 0}, {high.x + 4, 0}}, 1.5, false};
      low.x -= 4;
      high.x += 4;
      d.shapes.push_back(std::move(floor));
    }
    for (auto& s : shapes_) d.shapes.push_back(std::move(s));
    d.low = low;
    d.high = high;
    return d;
  }

 private:
  std::vector<Shape> shapes_;
  double prop_x_ = 0;
  bool has_prop_ = false;
  double below_ = 0;
  bool floor_ = true;
  bool framed_ = false;
  Vec frame_low_, frame_high_;
};

double prop_top(Prop prop) {
  return prop == Prop::roller ? 2 * kRollerRadius : 2 * kBallRadius;
}

const Vec kUp{0, 1};
const Vec kDown{0, -1};
const Vec kLeft{-1, 0};
const Vec kRight{1, 0};

// Hands behind the head, elbows wide: the first and second articles' "support your head". The
// elbows point out to the sides, toward us, so the upper arm shows short: the elbow beside the
// head, the hand under it.
Limb hands_behind_head(const Skeleton& s) {
  Vec neck = s.head - s.shoulder;
  Vec toward_head = neck * (1 / length(neck));
  // The side of the head away from the floor (a quarter turn from the neck, upward).
  Vec face{-toward_head.y, toward_head.x};
  if (face.y < 0) face = face * -1;
  Limb limb;
  limb.joint = s.head + face * (kHead + 9) + toward_head * -9;
  limb.end = s.head + face * -(kHead * 0.5) + toward_head * 2;
  return limb;
}

// Knees bent, feet flat on the floor, `forward` centimetres from the hip.
Limb feet_flat(Vec hip, double forward) {
  return leg_to(hip, {hip.x + forward, 7}, kUp, -8);
}

// Lying back across the prop at the waist (the base of the rib cage), hips on the floor.
Skeleton across_the_mid_back(double top, double upper, double head) {
  Vec hip{100, 9};
  double rise = top + kHalfTrunk - hip.y;
  double run = std::sqrt(kLowerBack * kLowerBack - rise * rise);
  Skeleton s = trunk(hip, degrees_of({-run, rise}), upper, head);
  // Never a head under the floor: on a low ball the head rests on the floor instead.
  if (s.head.y < kHead + 1) s.head.y = kHead + 1;
  s.arm = hands_behind_head(s);
  s.leg = feet_flat(hip, 58);
  return s;
}

void lie_across(Sketch& k, Prop prop) {
  Skeleton s = across_the_mid_back(prop_top(prop), 190, 184);
  k.prop_across(prop, s.waist.x);
  k.person(s);
}

void thoracic_extension(Sketch& k, Prop prop) {
  double top = prop_top(prop);
  Skeleton start = across_the_mid_back(top, 160, 160);
  Skeleton s = across_the_mid_back(top, 194, 186);
  k.prop_across(prop, s.waist.x);
  k.ghost_upper(start);
  k.person(s);
  double from = degrees_of(start.head - s.waist) + 4;
  double to = degrees_of(s.head - s.waist) - 2;
  double r = length(s.head - s.waist) + kHead + 8;
  k.arc_arrow(s.waist, r, r, from, to);
}

void thoracic_pivot(Sketch& k, Prop prop) {
  double top = prop_top(prop);
  Skeleton start = across_the_mid_back(top, 168, 166);
  Skeleton s = across_the_mid_back(top, 196, 188);
  k.prop_across(prop, s.waist.x);
  k.ghost_upper(start);
  k.person(s);
  double r = length(s.head - s.waist) + kHead + 8;
  k.arc_arrow(s.waist, r, r, degrees_of(start.head - s.waist) + 4, degrees_of(s.head - s.waist) - 2,
              true);
}

// Hips lifted, the upper back on the prop, hands behind the head.
Skeleton bridged(double top) {
  Vec contact{60, top + kHalfTrunk};
  Skeleton s = trunk_from_waist(contact, 190, 184, 182);
  s.arm = hands_behind_head(s);
  s.leg = feet_flat(s.hip, 40);
  return s;
}

void back_roll(Sketch& k, Prop prop) {
  Skeleton s = bridged(prop_top(prop));
  k.prop_across(prop, s.waist.x);
  k.person(s);
  // The body rolls over the roller, up and down the mid-back: an arrow both ways along it.
  Vec along = heading(degrees_of(s.shoulder - s.hip));
  Vec lift{0, 36};
  k.arrow({s.waist + lift + along * -14, s.waist + lift + along * 14}, true);
}

void rib_roll(Sketch& k, Prop prop) {
  double top = prop_top(prop);
  Skeleton s = across_the_mid_back(top, 186, 182);
  // Weight a little onto one side: the near elbow and forearm on the floor (so the roller is on
  // the muscles beside the spine, not on the bone).
  s.arm.joint = {s.shoulder.x + 3, 4};
  s.arm.end = {s.shoulder.x + 30, 3};
  k.prop_across(prop, s.waist.x);
  k.person(s);
  // Tiny one-inch oscillations, both ways, just under the roller.
  k.under_floor_arrow({{s.waist.x - 6, -7}, {s.waist.x + 6, -7}}, true);
}

// Lying along the prop, knees bent, feet flat.
Skeleton along(double top) {
  Vec hip{100, top + kHalfTrunk};
  Skeleton s = trunk(hip, 180, 180, 180);
  s.leg = feet_flat(hip, 52);
  return s;
}

Limb arm_at_side(const Skeleton& s) {
  return arm_to(s.shoulder, {s.shoulder.x + 50, 3}, kUp);
}
Limb arm_overhead(const Skeleton& s) {
  return arm_to(s.shoulder, {s.shoulder.x - 54, 3}, kUp);
}

void lie_along(Sketch& k, Prop prop, const Skeleton& s) {
  double head_end = s.head.x - kHead;
  k.prop_along(prop, head_end, head_end + kRollerLength, (s.waist.x + s.shoulder.x) / 2);
}

void along_the_spine(Sketch& k, Prop prop) {
  Skeleton s = along(prop_top(prop));
  s.arm = arm_at_side(s);
  lie_along(k, prop, s);
  k.person(s);
}

void snow_angel(Sketch& k, Prop prop) {
  Skeleton s = along(prop_top(prop));
  s.arm = arm_at_side(s);
  lie_along(k, prop, s);
  Limb overhead = arm_overhead(s);
  k.ghost_arm(s.shoulder, overhead);
  k.person(s);
  // The hands slide along the floor from the sides to overhead and back: a low arc over the
  // figure from one hand to the other.
  Vec mid{(s.arm.end.x + overhead.end.x) / 2, 8};
  double rx = (s.arm.end.x - overhead.end.x) / 2;
  k.arc_arrow(mid, rx, 44, 12, 168, true);
}

// On the side (seen from the front), the roller in the armpit, the lower arm overhead on the
// floor, the legs long.
Skeleton side_lying(double top) {
  Vec armpit{56, top + 5};
  Vec hip{armpit.x + 50, 9};
  Skeleton s = trunk(hip, degrees_of(armpit - hip), degrees_of(armpit - hip), 168);
  s.shoulder = armpit;
  s.waist = at(hip, degrees_of(armpit - hip), kLowerBack);
  s.head = at(armpit, 162, kNeck + kHead + 2);
  if (s.head.y < kHead + 8) s.head.y = kHead + 8;
  // The lower arm overhead, along the floor past the roller; the head rests near it.
  s.far_arm = arm_to(armpit, {armpit.x - 58, 4}, kDown);
  s.far_arm_shown = true;
  s.leg = leg_at(hip, -4, -2, -20);
  return s;
}

void lat_release(Sketch& k, Prop prop) {
  Skeleton s = side_lying(prop_top(prop));
  s.arm = arm_at(s.shoulder, 120, 150);  // the top arm sweeping overhead
  k.prop_across(prop, s.shoulder.x + 2);
  Limb at_hip = arm_to(s.shoulder, s.hip + Vec{-8, 6}, kUp);
  k.ghost_arm(s.shoulder, at_hip);
  k.person(s);
  double r = kUpperArm + kForearm + 6;
  k.arc_arrow(s.shoulder, r, r, 20, 118, true);
}

void lat_roll(Sketch& k, Prop prop) {
  Skeleton s = side_lying(prop_top(prop));
  // The top arm rests along the side.
  s.arm = arm_to(s.shoulder, s.hip + Vec{-10, 7}, kUp);
  k.prop_across(prop, s.shoulder.x + 2);
  k.person(s);
  // The body rolls from the armpit down the side of the ribs and back.
  Vec along = heading(degrees_of(s.hip - s.shoulder));
  Vec lift{0, 34};
  k.arrow({s.shoulder + lift + along * 4, s.shoulder + lift + along * 32}, true);
}

void kneeling_lat_roll(Sketch& k, Prop prop) {
  double top = prop_top(prop);
  // Seen from the front: sitting back on the knees, leaning sideways over the roller, the side
  // against it at chest level and that arm up over it on the floor.
  Vec hip{112, kThigh + 4};
  Vec contact{62, top + kHalfTrunk};
  Skeleton s = trunk(hip, degrees_of(contact - hip), degrees_of(contact - hip), 175);
  double lean = degrees_of(contact - hip);
  s.waist = at(hip, lean, kLowerBack);
  s.shoulder = at(s.waist, lean, kUpperBack);
  s.head = at(s.shoulder, 172, kNeck + kHead + 1);
  // The knees apart on the floor under the hips, the thighs coming toward us (shorter than they
  // are); the shins go back under the body, out of sight.
  s.leg = thigh_only(hip, {hip.x + 8, 4});
  s.far_leg = thigh_only(hip, {hip.x - 8, 4});
  s.far_leg_shown = true;
  // The arm over the roller onto the floor beyond; the top hand on the hip, elbow up.
  s.far_arm = arm_to(s.shoulder, {s.shoulder.x - 50, 4}, kUp);
  s.far_arm_shown = true;
  s.arm = arm_to(s.shoulder, hip + Vec{-4, 4}, kUp);
  double contact_x = s.waist.x + (s.shoulder.x - s.waist.x) * 0.75;
  k.prop_across(prop, contact_x);
  k.person(s);
  Vec along = heading(lean);
  Vec lift{0, 30};
  Vec mid = s.waist + (s.shoulder - s.waist) * 0.5 + lift;
  k.arrow({mid + along * -14, mid + along * 14}, true);
}

// Sitting on the prop, hands on the floor behind, one ankle crossed over the other knee.
Skeleton seated_figure_four(double top) {
  Vec hip{60, top + 6};
  Skeleton s = trunk(hip, 134, 138, 108);
  s.arm = arm_to(s.shoulder, {hip.x - 30, 3}, kRight);
  // The supporting leg, foot flat; the crossed leg's ankle on its knee.
  s.far_leg = feet_flat(hip, 50);
  s.far_leg_shown = true;
  // The crossed knee points out toward us, so its thigh shows short; its shin lies across the
  // supporting knee, the ankle on top and the foot past it.
  Vec knee = s.far_leg.joint;
  s.leg.joint = {hip.x + (knee.x - hip.x) * 0.55, hip.y + (knee.y - hip.y) * 0.35};
  s.leg.end = knee + Vec{0, kLimbWidth};
  s.leg.tip = s.leg.end + Vec{kFoot * 0.8, 3};
  s.leg.has_tip = true;
  return s;
}

void glute_figure_four(Sketch& k, Prop prop) {
  Skeleton s = seated_figure_four(prop_top(prop));
  k.prop_across(prop, s.hip.x);
  k.person(s);
}

void glute_roll(Sketch& k, Prop prop) {
  Skeleton s = seated_figure_four(prop_top(prop));
  k.prop_across(prop, s.hip.x);
  k.person(s);
  // Across the glute an inch or two and back, at the same height.
  k.under_floor_arrow({{s.hip.x - 8, -14}, {s.hip.x + 8, -4}}, true);
}

// On hands and knees, facing right: the back at `lower` and `upper` degrees, the head at `head`.
Skeleton on_all_fours(double lower, double upper, double head) {
  Vec knee{40, 5};
  Vec hip{knee.x, knee.y + kThigh};
  Skeleton s = trunk(hip, lower, upper, head);
  s.leg.joint = knee;
  s.leg.end = {knee.x - kShin, 5};
  s.leg.tip = {s.leg.end.x - kFoot, 3};
  s.leg.has_tip = true;
  s.arm = arm_to(s.shoulder, {s.shoulder.x, 3}, kLeft);
  return s;
}

void cat_cow(Sketch& k, Prop) {
  Skeleton cat = on_all_fours(36, -6, -45);
  Skeleton cow = on_all_fours(-4, 26, 40);
  k.person(cow, FigureInk::ghost);
  k.person(cat);
  Vec top = cat.waist + Vec{0, 20};
  k.arrow({top + Vec{0, -6}, top + Vec{0, 10}}, true);
}

void bird_dog(Sketch& k, Prop) {
  Skeleton s = on_all_fours(12, 12, 40);
  // The near arm reaches forward and the far leg back, long and level.
  s.far_arm = s.arm;
  s.far_arm_shown = true;
  s.arm = arm_at(s.shoulder, 4, 2);
  s.far_leg = leg_at(s.hip, 178, 178, 200);
  s.far_leg_shown = true;
  k.person(s);
}

void thread_the_needle(Sketch& k, Prop) {
  Skeleton s = on_all_fours(14, -4, -50);
  // The far hand stays planted; the near arm slides under the body along the floor.
  s.far_arm = arm_to(s.shoulder, {s.shoulder.x + 6, 3}, kLeft);
  s.far_arm_shown = true;
  s.arm = arm_to(s.shoulder, {s.shoulder.x - 26, 3}, kRight);
  Limb open = arm_at(s.shoulder, 88, 90);
  k.ghost_arm(s.shoulder, open);
  k.person(s);
  double r = kUpperArm + kForearm + 6;
  k.arc_arrow(s.shoulder, r * 0.7, r, -70, 80, true);
}

void open_book(Sketch& k, Prop) {
  // Seen from the head end, along the body: lying on the side, the shoulders one above the other,
  // the head resting near the lower arm, both arms out in front along the floor (the knees, bent
  // and stacked in front, are behind them). The top arm opens over to the other side, like the
  // cover of a book.
  Vec lower{100, 5};
  Vec upper{100, 36};
  k.line(FigureInk::body, {lower, upper}, kTrunkWidth);
  Vec hand{lower.x - 56, 4};
  k.line(FigureInk::far, {lower, {lower.x - 28, 4}, hand}, kLimbWidth);
  Limb top = arm_to(upper, hand + Vec{2, kLimbWidth}, kUp);
  Limb opened = arm_to(upper, {upper.x + 56, 4}, kUp);
  k.ghost_arm(upper, opened);
  k.disc(FigureInk::body, {lower.x - 16, kHead + 4}, kHead);
  k.limb(FigureInk::body, upper, top);
  double r = kUpperArm + kForearm + 8;
  k.turn_arrow(upper, r, r * 0.8, 160, 20, false);
}

Skeleton standing() {
  Vec hip{40, kThigh + kShin + 6};
  Skeleton s = trunk(hip, 90, 90, 90);
  s.leg = leg_at(hip, -90, -90, 0);
  return s;
}

void overhead_reach(Sketch& k, Prop) {
  Skeleton s = standing();
  s.arm = arm_at(s.shoulder, 95, 92);
  Limb down = arm_at(s.shoulder, -86, -82);
  k.ghost_arm(s.shoulder, down);
  k.person(s);
  double r = kUpperArm + kForearm + 6;
  k.arc_arrow(s.shoulder, r, r, -60, 76);
}

void arm_circles(Sketch& k, Prop) {
  Skeleton s = standing();
  s.arm = arm_at(s.shoulder, 30, 30);
  k.person(s);
  double r = kUpperArm + kForearm + 6;
  k.turn_arrow(s.shoulder, r * 0.55, r * 0.55, 60, 380, false);
}

void rest(Sketch& k, Prop) {
  Vec hip{100, kHalfTrunk + 1};
  Skeleton s = trunk(hip, 180, 180, 180);
  s.head.y = kHead + 0.5;
  s.arm = arm_to(s.shoulder, {s.shoulder.x + 56, 3}, kUp);
  s.leg = feet_flat(hip, 52);
  k.person(s);
}

void roller_only(Sketch& k, Prop prop) {
  k.prop_across(prop, 80);
  k.frame({0, 0}, {160, 40});
}

}  // namespace

Drawing draw_pose(PoseId pose, Prop prop, Travel travel) {
  Sketch k;
  switch (pose) {
    case PoseId::lie_across:
      lie_across(k, prop);
      break;
    case PoseId::thoracic_extension:
      thoracic_extension(k, prop);
      break;
    case PoseId::thoracic_pivot:
      thoracic_pivot(k, prop);
      break;
    case PoseId::back_roll:
      back_roll(k, prop);
      break;
    case PoseId::rib_roll:
      rib_roll(k, prop);
      break;
    case PoseId::along_the_spine:
      along_the_spine(k, prop);
      break;
    case PoseId::snow_angel:
      snow_angel(k, prop);
      break;
    case PoseId::lat_release:
      lat_release(k, prop);
      break;
    case PoseId::lat_roll:
      lat_roll(k, prop);
      break;
    case PoseId::kneeling_lat_roll:
      kneeling_lat_roll(k, prop);
      break;
    case PoseId::glute_figure_four:
      glute_figure_four(k, prop);
      break;
    case PoseId::glute_roll:
      glute_roll(k, prop);
      break;
    case PoseId::cat_cow:
      cat_cow(k, prop);
      break;
    case PoseId::bird_dog:
      bird_dog(k, prop);
      break;
    case PoseId::thread_the_needle:
      thread_the_needle(k, prop);
      break;
    case PoseId::open_book:
      open_book(k, prop);
      break;
    case PoseId::overhead_reach:
      overhead_reach(k, prop);
      break;
    case PoseId::arm_circles:
      arm_circles(k, prop);
      break;
    case PoseId::rest:
      rest(k, prop);
      break;
    case PoseId::roller_only:
      roller_only(k, prop);
      break;
  }
  k.travel(travel);
  return std::move(k).finish();
}

}  // namespace roll
