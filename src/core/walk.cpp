#include "roll/walk.hpp"

#include "roll/limits.hpp"

namespace roll {

namespace {

constexpr int kAnywhere = limits::max_positions;

}  // namespace

WalkLimit walk_limit(Zone zone, Move move, bool along_spine) {
  if (move == Move::across) return {kAnywhere, "", ""};
  if (along_spine) {
    // A roller under the whole spine already reaches the neck and the sacrum at its ends.
    return move == Move::up ? WalkLimit{1, "onto the neck", "lengthwise under the spine"}
                            : WalkLimit{1, "onto the lumbar spine", "lengthwise under the spine"};
  }
  bool up = move == Move::up;
  switch (zone) {
    case Zone::thoracic:
      return up ? WalkLimit{kClimbPositionsMax, "past the top of the shoulders, onto the neck",
                            "the base of the rib cage"}
                : WalkLimit{1, "toward the lumbar spine", "the mid-back"};
    case Zone::rhomboids:
    case Zone::traps:
      return up ? WalkLimit{1, "past the top of the shoulders, onto the neck", "the upper back"}
                : WalkLimit{1, "toward the lumbar spine", "the upper back"};
    case Zone::shoulders:
    case Zone::chest:
      return up ? WalkLimit{1, "past the top of the shoulders, onto the neck", "the shoulders"}
                : WalkLimit{kAnywhere, "", ""};
    case Zone::lats:
      return up ? WalkLimit{1, "deeper into the armpit, out of the lats", "the armpit"}
                : WalkLimit{kLatPositionsMax,
                            "past the lowest rib, onto the quadratus lumborum (lumbar)",
                            "the armpit"};
    case Zone::glutes:
    case Zone::hips:
      return up ? WalkLimit{1, "toward the sacrum and the lumbar spine", "the seat"}
                : WalkLimit{kAnywhere, "", ""};
    default:
      return {kAnywhere, "", ""};
  }
}

bool walks_too_far(const Step& step) {
  if (!step.move || !step.zone || !on_roller(step)) return false;
  return step.positions > walk_limit(*step.zone, *step.move, step.along == Along::spine).positions;
}

}  // namespace roll
