#include "roll/pose.hpp"

#include <array>

#include "roll/suggest.hpp"

namespace roll {

namespace {

// In the order of PoseId. The words say what the figure shows, and only what the articles say
// of it (or that it is roll's own).
constexpr std::array<PoseFacts, kPoseNames.size()> kFacts{{
    // lie-across
    {"Lying back across the roller at the mid-back, knees bent, feet flat, hands behind the head "
     "to support it; breathing deeply.",
     "second article: lie on the roller horizontally for 20-30 seconds while taking deep breaths",
     true},
    // thoracic-extension
    {"Roller across the back at the base of the rib cage, hips on the floor, hands behind the "
     "head to support it: leaning back over the roller as you breathe out.",
     "first article: the thoracic extension (tack and stretch); third article: extension through "
     "the mid-back over a foam roller",
     true},
    // thoracic-pivot
    {"Roller across the mid-back, knees bent, feet flat, hands behind the head: arching the "
     "mid-back over the roller and back up, slowly, breathing out as you push down.",
     "second article: thoracic pivots", true},
    // back-roll
    {"Hips lifted, roller across the mid-back, hands behind the head with the elbows wide: "
     "rolling slowly up and down the mid-back, never onto the neck or the low back.",
     "second article: the back roll", true},
    // rib-roll
    {"Across the roller at the mid-back with the weight shifted a little to one side, so that it "
     "presses the muscles beside the spine, not the bone: tiny one-inch movements.",
     "first article: the rib roll", true},
    // along-the-spine
    {"Roller lengthwise under the spine from the hips to the head, knees bent, feet flat, arms "
     "resting on the floor at the sides.",
     "second article: the roller placed vertically, along the spine", true},
    // snow-angel
    {"Roller lengthwise under the spine, knees bent, feet flat: the arms slide along the floor "
     "from the sides to overhead and back, the hands always on the floor.",
     "second article: the snow angel", true},
    // lat-release
    {"Lying on the side with the roller in the armpit, the lower arm overhead, leaning back a "
     "little onto the muscle: the top arm sweeps over like a snow angel.",
     "first article: the lat release", true},
    // lat-roll
    {"Lying on the side with the roller under the armpit, the top hand on the floor: rolling "
     "from the armpit down the side of the ribs and back, no lower than the lowest rib.",
     "second article: lat rolls; first article: the lat release's position", true},
    // kneeling-lat-roll
    {"Kneeling, the roller on the floor at one side, that arm up over it and the side against it "
     "at chest level: rolling gently forward and back, then up and down along the side.",
     "second article: lat rolls, from sitting on your knees", true},
    // glute-figure-four
    {"Sitting on the roller, hands on the floor behind, one ankle crossed over the other knee: "
     "leaning into the hip of the crossed leg.",
     "first article: the glute connection", true},
    // glute-roll
    {"Sitting on the roller with one ankle over the other knee: rolling slowly an inch or two "
     "across the glute and back, at the same height, never up toward the low back.",
     "roll's own (in no article), in the first article's glute connection position", true},
    // cat-cow
    {"Off the roller, on hands and knees: rounding the back up, then letting it sag and looking "
     "forward, slowly, with the breath.",
     "first article: cat-cow after rolling", false},
    // bird-dog
    {"Off the roller, on hands and knees: one arm reaching forward and the opposite leg back, "
     "long and level, then the other pair.",
     "first article: bird-dogs after rolling", false},
    // thread-the-needle
    {"Off the roller, on hands and knees: one arm slides under the body along the floor, then "
     "opens up to the ceiling.",
     "first article: thread the needle after rolling", false},
    // open-book
    {"Off the roller, lying on the side, knees bent and stacked, arms together in front (seen "
     "from above): the top arm opens across to the other side.",
     "roll's own (in no article): the rotation the first article says the mid-back is made for",
     false},
    // overhead-reach
    {"Standing tall, reaching both arms overhead, then side to side.",
     "roll's own (in no article): the overhead range the first article says tight lats take away",
     false},
    // arm-circles
    {"Standing, circling the arms slowly.", "roll's own (in no article)", false},
    // rest
    {"Lying on the back on the floor, knees bent, feet flat, arms at the sides: resting.",
     "roll's own (in no article)", false},
    // roller-only
    {"The roller on the floor: the step's cue says where it goes.", "roll's own", true},
}};

constexpr std::size_t index_of(PoseId pose) {
  return static_cast<std::size_t>(pose);
}

// The name table and the facts are both in PoseId's order, so a pose's facts are its index.
constexpr bool tables_in_order() {
  for (std::size_t i = 0; i < kPoseNames.size(); ++i) {
    if (index_of(kPoseNames[i].first) != i) return false;
  }
  return true;
}
static_assert(tables_in_order(), "kPoseNames must list the poses in PoseId's order");

bool upper_back(Zone z) {
  return z == Zone::thoracic || z == Zone::rhomboids || z == Zone::traps;
}

PoseId movement_pose(std::optional<Zone> zone) {
  if (!zone) return PoseId::cat_cow;
  if (upper_back(*zone)) return PoseId::thread_the_needle;
  switch (*zone) {
    case Zone::glutes:
    case Zone::hips:
    case Zone::hamstrings:
      return PoseId::bird_dog;
    case Zone::shoulders:
    case Zone::chest:
    case Zone::lats:
      return PoseId::overhead_reach;
    default:
      return PoseId::cat_cow;
  }
}

}  // namespace

std::optional<PoseId> find_pose(std::string_view text) {
  return value_in(kPoseNames, text);
}

std::string nearest_pose(std::string_view text) {
  if (text.empty()) return {};
  return closest_match(text, names_in(kPoseNames));
}

const PoseFacts& pose_facts(PoseId pose) {
  std::size_t i = index_of(pose);
  return kFacts[i < kFacts.size() ? i : 0];
}

PoseId default_pose(const PoseQuery& q) {
  if (!q.on_roller) return q.kind == StepKind::rest ? PoseId::rest : movement_pose(q.zone);
  if (!q.zone) return PoseId::roller_only;
  Zone z = *q.zone;
  // Never a picture of pressure where no step may press: the linter refuses the step anyway.
  if (is_forbidden_zone(z)) return PoseId::roller_only;
  // A movement that says it is on the roller is drawn as the stretch it is there.
  StepKind kind = q.kind == StepKind::movement ? StepKind::stretch : q.kind;
  // Lengthwise under the spine: the second article's shoulder techniques, whatever the zone.
  if (q.along_spine) {
    return kind == StepKind::stretch ? PoseId::snow_angel : PoseId::along_the_spine;
  }
  // Across the body from here on: a figure never shows the roller along the spine (which presses
  // the thoracic spine) for a step that does not say so, since the injury gate and the linter read
  // what the step says. The second article's shoulder and chest stretches along the spine say
  // `along = "spine"`.
  if (upper_back(z) || z == Zone::shoulders) {
    switch (kind) {
      case StepKind::pivot:
        return PoseId::thoracic_pivot;
      case StepKind::rest:
        return PoseId::lie_across;
      case StepKind::roll:
        // A roll on one side of the spine is the first article's rib roll; else the back roll.
        return q.side == Side::none ? PoseId::back_roll : PoseId::rib_roll;
      default:
        return PoseId::thoracic_extension;
    }
  }
  if (z == Zone::lats) return kind == StepKind::roll ? PoseId::lat_roll : PoseId::lat_release;
  if (z == Zone::glutes || z == Zone::hips) {
    return kind == StepKind::roll ? PoseId::glute_roll : PoseId::glute_figure_four;
  }
  return PoseId::roller_only;
}

PoseQuery pose_query(const Step& step) {
  PoseQuery q;
  q.kind = step.kind;
  q.zone = step.zone;
  q.side = step.side;
  q.on_roller = on_roller(step);
  q.along_spine = step.along == Along::spine;
  if (step.move && step.positions > 1) {
    switch (*step.move) {
      case Move::up:
        q.travel = Travel::up;
        break;
      case Move::down:
        q.travel = Travel::down;
        break;
      case Move::across:
        q.travel = Travel::across;
        break;
    }
  }
  return q;
}

StepFigure default_figure(const Step& step) {
  PoseQuery q = pose_query(step);
  return {default_pose(q), q.travel};
}

StepFigure step_figure(const Step& step) {
  PoseQuery q = pose_query(step);
  return {find_pose(step.pose).value_or(default_pose(q)), q.travel};
}

}  // namespace roll
