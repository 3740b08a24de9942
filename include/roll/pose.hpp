#pragma once
// The built-in poses: what a step's figure shows, by name. Each pose has a kebab-case name (the
// key routine files will use), a one-line description in words, so that plain lines, events, the
// voice and screen readers get what the picture shows, and the articles it comes from. What a
// pose looks like is figure.hpp's; which pose a step gets when it names none is default_pose().
#include <optional>
#include <string>
#include <string_view>

#include "roll/name_table.hpp"
#include "roll/routine.hpp"
#include "roll/zone.hpp"

namespace roll {

enum class PoseId {
  lie_across,
  thoracic_extension,
  thoracic_pivot,
  back_roll,
  rib_roll,
  along_the_spine,
  snow_angel,
  lat_release,
  lat_roll,
  kneeling_lat_roll,
  glute_figure_four,
  glute_roll,
  cat_cow,
  bird_dog,
  thread_the_needle,
  open_book,
  overhead_reach,
  arm_circles,
  rest,
  roller_only,
};

// In the order the gallery shows them: on the roller across the back, along the spine, the lats,
// the glutes, the movements after, and last the one that shows only the roller.
inline constexpr NameTable<PoseId, 20> kPoseNames{{
    {PoseId::lie_across, "lie-across"},
    {PoseId::thoracic_extension, "thoracic-extension"},
    {PoseId::thoracic_pivot, "thoracic-pivot"},
    {PoseId::back_roll, "back-roll"},
    {PoseId::rib_roll, "rib-roll"},
    {PoseId::along_the_spine, "along-the-spine"},
    {PoseId::snow_angel, "snow-angel"},
    {PoseId::lat_release, "lat-release"},
    {PoseId::lat_roll, "lat-roll"},
    {PoseId::kneeling_lat_roll, "kneeling-lat-roll"},
    {PoseId::glute_figure_four, "glute-figure-four"},
    {PoseId::glute_roll, "glute-roll"},
    {PoseId::cat_cow, "cat-cow"},
    {PoseId::bird_dog, "bird-dog"},
    {PoseId::thread_the_needle, "thread-the-needle"},
    {PoseId::open_book, "open-book"},
    {PoseId::overhead_reach, "overhead-reach"},
    {PoseId::arm_circles, "arm-circles"},
    {PoseId::rest, "rest"},
    {PoseId::roller_only, "roller-only"},
}};

[[nodiscard]] constexpr std::string_view to_string(PoseId v) {
  return name_in(kPoseNames, v);
}

// The pose named exactly `text` ("snow-angel"), if any.
[[nodiscard]] std::optional<PoseId> find_pose(std::string_view text);

// The pose name closest to `text` for a "did you mean" (edit distance, as for zones); empty when
// nothing is reasonably close.
[[nodiscard]] std::string nearest_pose(std::string_view text);

struct PoseFacts {
  // One line, what the figure shows, in words a person on the floor can follow.
  std::string_view description;
  // The articles the pose comes from, "first article: the lat release", or roll's own.
  std::string_view sources;
  // Whether the roller (or ball, or peanut) is under the body in this pose.
  bool on_roller = true;
};

[[nodiscard]] const PoseFacts& pose_facts(PoseId pose);

// Which way the roller goes between a step's positions, as the person on it feels it: toward the
// head, toward the feet, or sideways over the muscle at the same height. The figure draws it as an
// arrow beside the roller.
enum class Travel { none, up, down, across };

inline constexpr NameTable<Travel, 4> kTravelNames{{
    {Travel::none, "none"},
    {Travel::up, "up"},
    {Travel::down, "down"},
    {Travel::across, "across"},
}};

[[nodiscard]] constexpr std::string_view to_string(Travel v) {
  return name_in(kTravelNames, v);
}

// What the default rule reads of a step.
struct PoseQuery {
  StepKind kind = StepKind::hold;
  std::optional<Zone> zone;
  Side side = Side::none;
  bool on_roller = true;         // on_roller(step)
  bool along_spine = false;      // the roller lies lengthwise under the spine (`along = "spine"`)
  Travel travel = Travel::none;  // does not change the pose: the figure draws it as an arrow
};

// The pose for a step that names none: a sensible picture from its kind, zone, side and
// orientation (the table in routines/README.md). Never fails: a step no rule fits shows the
// roller alone (`roller-only`) and its words.
[[nodiscard]] PoseId default_pose(const PoseQuery& query);

// What default_pose() reads of a step: its kind, zone, side, whether it is on the roller and
// whether the roller lies along the spine; and its `move` as the figure's travel (none for a step
// of one position, which goes nowhere).
[[nodiscard]] PoseQuery pose_query(const Step& step);

// The figure of one step: its pose and the direction of the roller between its positions.
struct StepFigure {
  PoseId pose = PoseId::roller_only;
  Travel travel = Travel::none;
};

// What every screen, `roll show` and the hand-out draw for a step: the pose its `pose` key names,
// or default_pose() when it names none or a name roll does not know (`roll lint` warns on that),
// with the travel of pose_query().
[[nodiscard]] StepFigure step_figure(const Step& step);

// The default rule's figure for a step, whatever its `pose` key says: default_pose(pose_query())
// with its travel, what the step would show without the key. A figure to draw is step_figure()'s.
[[nodiscard]] StepFigure default_figure(const Step& step);

}  // namespace roll
