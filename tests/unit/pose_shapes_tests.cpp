// The figures' shapes: every pose on every prop, with and without a travel arrow, stays in its
// bounds and on or above the floor, and draws what its name says is there.
#include <doctest/doctest.h>

#include <algorithm>

#include "roll/figure.hpp"

using namespace roll;

namespace {

constexpr Prop kProps[] = {Prop::roller, Prop::ball, Prop::peanut};
constexpr Travel kTravels[] = {Travel::none, Travel::up, Travel::down, Travel::across};

int count(const Drawing& d, FigureInk ink) {
  return static_cast<int>(std::count_if(d.shapes.begin(), d.shapes.end(),
                                        [&](const Shape& s) { return s.ink == ink; }));
}

double largest_prop(const Drawing& d) {
  double r = 0;
  for (const auto& s : d.shapes) {
    if (s.ink == FigureInk::prop && s.kind == Shape::Kind::disc) r = std::max(r, s.size);
  }
  return r;
}

}  // namespace

TEST_CASE("every pose on every prop keeps its shapes inside its bounds") {
  for (const auto& [id, name] : kPoseNames) {
    for (Prop prop : kProps) {
      for (Travel travel : kTravels) {
        CAPTURE(name);
        CAPTURE(static_cast<int>(prop));
        CAPTURE(to_string(travel));
        Drawing d = draw_pose(id, prop, travel);
        REQUIRE_FALSE(d.shapes.empty());
        CHECK(d.low.x < d.high.x);
        CHECK(d.low.y < d.high.y);
        for (const auto& s : d.shapes) {
          REQUIRE_FALSE(s.points.empty());
          CHECK(s.size > 0);
          for (const auto& p : s.points) {
            CHECK(p.x >= d.low.x);
            CHECK(p.x <= d.high.x);
            CHECK(p.y >= d.low.y);
            CHECK(p.y <= d.high.y);
          }
        }
      }
    }
  }
}

TEST_CASE("the figure lies on the floor: nothing of the body or the prop goes under it") {
  for (const auto& [id, name] : kPoseNames) {
    for (Prop prop : kProps) {
      CAPTURE(name);
      Drawing d = draw_pose(id, prop);
      CHECK(count(d, FigureInk::floor) == 1);
      for (const auto& s : d.shapes) {
        if (s.ink == FigureInk::floor || s.ink == FigureInk::arrow) continue;
        double reach = s.kind == Shape::Kind::disc ? s.size : 0;
        for (const auto& p : s.points) CHECK(p.y - reach >= -0.5);
      }
    }
  }
}

TEST_CASE("the prop is drawn where the pose is on it, and as what it is") {
  for (const auto& [id, name] : kPoseNames) {
    CAPTURE(name);
    Drawing d = draw_pose(id);
    CHECK((count(d, FigureInk::prop) > 0) == pose_facts(id).on_roller);
    CHECK((count(d, FigureInk::body) > 0) == (id != PoseId::roller_only));
  }
  // Across the body a roller is a circle; along the spine, a bar.
  CHECK(largest_prop(draw_pose(PoseId::thoracic_extension)) == doctest::Approx(7.5));
  Drawing along = draw_pose(PoseId::snow_angel);
  auto bar = std::find_if(along.shapes.begin(), along.shapes.end(), [](const Shape& s) {
    return s.ink == FigureInk::prop && s.kind == Shape::Kind::line;
  });
  REQUIRE(bar != along.shapes.end());
  CHECK(bar->points.back().x - bar->points.front().x > 60);
  // A ball is smaller than a roller, and a peanut is two of them.
  CHECK(largest_prop(draw_pose(PoseId::thoracic_extension, Prop::ball)) < 7.5);
  CHECK(count(draw_pose(PoseId::thoracic_extension, Prop::ball), FigureInk::prop) == 1);
  CHECK(count(draw_pose(PoseId::thoracic_extension, Prop::peanut), FigureInk::prop) == 2);
  CHECK(count(draw_pose(PoseId::snow_angel, Prop::peanut), FigureInk::prop) == 2);
}

TEST_CASE("motion: the lean back and the arm sweeps have a lighter second figure and an arrow") {
  for (PoseId id :
       {PoseId::thoracic_extension, PoseId::thoracic_pivot, PoseId::snow_angel, PoseId::lat_release,
        PoseId::cat_cow, PoseId::thread_the_needle, PoseId::open_book, PoseId::overhead_reach}) {
    CAPTURE(to_string(id));
    Drawing d = draw_pose(id);
    CHECK(count(d, FigureInk::ghost) > 0);
    CHECK(count(d, FigureInk::arrow) > 0);
  }
  for (PoseId id : {PoseId::back_roll, PoseId::rib_roll, PoseId::lat_roll,
                    PoseId::kneeling_lat_roll, PoseId::glute_roll, PoseId::arm_circles}) {
    CAPTURE(to_string(id));
    CHECK(count(draw_pose(id), FigureInk::arrow) > 0);
  }
  for (PoseId id : {PoseId::lie_across, PoseId::along_the_spine, PoseId::glute_figure_four,
                    PoseId::rest, PoseId::roller_only}) {
    CAPTURE(to_string(id));
    CHECK(count(draw_pose(id), FigureInk::arrow) == 0);
  }
}

TEST_CASE("a step's direction between positions is one more arrow, under the prop") {
  for (const auto& [id, name] : kPoseNames) {
    CAPTURE(name);
    Drawing still = draw_pose(id);
    bool prop = pose_facts(id).on_roller;
    for (Travel travel : {Travel::up, Travel::down, Travel::across}) {
      Drawing moving = draw_pose(id, Prop::roller, travel);
      CHECK(count(moving, FigureInk::arrow) == count(still, FigureInk::arrow) + (prop ? 1 : 0));
      if (!prop) continue;
      const Shape& arrow = moving.shapes.back();
      CHECK(arrow.ink == FigureInk::arrow);
      for (const auto& p : arrow.points) CHECK(p.y < 0);
    }
  }
  // Up is toward the head, which is to the left in every lying pose.
  const Shape up = draw_pose(PoseId::thoracic_extension, Prop::roller, Travel::up).shapes.back();
  CHECK(up.points.back().x < up.points.front().x);
  CHECK_FALSE(up.both_ends);
  const Shape down = draw_pose(PoseId::lat_release, Prop::roller, Travel::down).shapes.back();
  CHECK(down.points.back().x > down.points.front().x);
  CHECK(draw_pose(PoseId::glute_figure_four, Prop::roller, Travel::across).shapes.back().both_ends);
}
