#pragma once
// What the first session asks once and the profile keeps: whether the person is new to foam
// rolling (the profile's `level`) and how a session's first get-ready ends (`first_ready`); and,
// at every session on a terminal, the beginner routine offered to a beginner who starts a harder
// one.
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "cli/user_data.hpp"
#include "roll/routine.hpp"

namespace roll::cli {

// On a terminal, when the profile has no `level`: "Are you new to foam rolling?" (yes: beginner;
// no: intermediate or advanced, one key), written into config.toml.
void ask_level(Context& ctx, UserData& user);

// On a terminal, when the profile has no `first_ready` and `--ready` was not given: a timed first
// get-ready (kFirstGetReady) or one that waits for a key, written into config.toml.
void ask_first_ready(Context& ctx, UserData& user);

// A beginner (by the profile) starting an intermediate or advanced routine, on a terminal without
// --yes: the beginner routine offered (one key). Returns "beginner" when taken, nothing when the
// person keeps the routine they chose (not asked again before the first second).
[[nodiscard]] std::optional<std::string> offer_beginner_routine(Context& ctx, UserData& user,
                                                                const Routine& routine);

}  // namespace roll::cli
