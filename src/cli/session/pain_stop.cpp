#include "cli/session/pain_stop.hpp"

#include <fmt/core.h>

#include "cli/user_time.hpp"
#include "roll/injury.hpp"

namespace roll::cli {

std::vector<std::string> hold_pain_stop(Context& ctx, platform::HistoryStore& store,
                                        const Routine& routine, std::size_t step) {
  Injury injury = pain_stop_injury(routine, step, now_or_fail(ctx));
  long long id = store.add_injury(injury);
  return {
      fmt::format("Recorded as injury #{} ({}): pressure on it and its neighbours is refused "
                  "for 48 h, then each session asks whether the acute pain has subsided. "
                  "Once it has: roll injury clear {}",
                  id, zone_name(injury.zone), id)};
}

}  // namespace roll::cli
