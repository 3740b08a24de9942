#include "roll/routine_listing.hpp"

#include "roll/plan.hpp"

namespace roll {

RoutineListing listing_of(const Routine& routine) {
  Plan plan = make_plan(routine);
  return RoutineListing{routine.title, routine.summary, plan.total, plan.work,
                        zones_in_order(routine)};
}

}  // namespace roll
