#pragma once
// `roll suggest`: a routine composed for where it feels tight, from the bundled routines' steps.
// The first article: "Before you start, identify where you feel tight... Target the surrounding
// areas first", and "if your lower back hurts, the problem is almost always coming from your hips
// or your mid-back... you fix it by opening up the areas above and below it". Pure: the caller
// loads the bundled routines, the profile and the injury log and passes them in.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/injury.hpp"
#include "roll/routine.hpp"
#include "roll/zone.hpp"

namespace roll {

// The areas to work for a tight zone, in the order to work them, and where that reading comes
// from (an article, or "roll's own"). Never a forbidden zone. Empty for a zone roll has no
// bundled steps near (knee, ankle, calves, quads).
struct Surroundings {
  std::vector<Zone> zones;
  std::string_view source;
};
[[nodiscard]] Surroundings surrounding_zones(Zone tight);

// The minutes a composed session may last (get-ready transitions included), by level. roll's own
// reading, not an article's: a beginner's 5 minutes on the roller (the second article) plus the
// first article's 3 minutes of movement make 8; the linter's 15-minute session cap (the second
// article's "10-15 minutes") bounds the others; 6 is the least that fits one major zone's two
// minutes (the first article) and the movement.
inline constexpr int kComposeMinMinutes = 6;
[[nodiscard]] int compose_max_minutes(Level level);
[[nodiscard]] int compose_default_minutes(Level level);

struct ComposeRequest {
  Zone tight = Zone::thoracic;
  std::optional<int> minutes;  // empty: compose_default_minutes(level)
  Level level = Level::beginner;
  Roller roller = Roller::soft;
  std::string name;  // the routine's name (a slug); empty: "tight-ZONE"
  // The injury log: an open injury or pain stop takes its zone and every zone it guards
  // (guards(), as the session's injury check decides) out of the routine.
  std::vector<Injury> injuries;
};

struct ComposeResult {
  std::optional<Routine> routine;  // empty on error
  std::string error;               // why nothing could be composed
  std::vector<std::string> notes;  // what was left out and why, for the user and the file
};

// `bundled` are the bundled routines, loaded. The routine it returns passes lint_routine with no
// finding, presses no forbidden zone and no zone an open injury guards, ends with three minutes
// of movement and lasts within 10% of the minutes asked for (make_plan's total).
[[nodiscard]] ComposeResult compose_routine(const ComposeRequest& request,
                                            const std::vector<Routine>& bundled);

// The routine as a routine file that load_routine() reads back to the same steps; `notes` go in
// its header comment.
[[nodiscard]] std::string routine_to_toml(const Routine& routine,
                                          const std::vector<std::string>& notes);

}  // namespace roll
