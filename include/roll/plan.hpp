#pragma once
// One model of time: a routine compiled into a flat timeline. The total in `roll show`, the
// countdowns of the session runner and the linter's time rules are all derived from this.
//
// The timeline is a list of blocks (a get-ready transition, or one pass of a step: one side at one
// position), each split into segments (breath phases, reps, or one steady stretch). Everything the
// session screen shows at a given moment is a pure function of (plan, elapsed): see moment_at().
#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "roll/routine.hpp"

namespace roll {

using Millis = std::chrono::milliseconds;

enum class Phase {
  get_ready,  // transition before a block
  inhale,
  hold_in,
  exhale,
  hold_out,
  rep_up,    // first half of a rep (roll up / push down)
  rep_down,  // second half
  steady,    // no pacing (movement and stretch steps timed in seconds)
};

[[nodiscard]] const char* phase_name(Phase phase);

struct Segment {
  Phase phase = Phase::steady;
  Millis start{0};  // from session start
  Millis length{0};
  int number = 0;  // 1-based breath or rep number within the block; 0 if not counted
};

struct Block {
  bool get_ready = false;  // a transition into the next work block
  std::size_t step = 0;    // index into Routine::steps (for get_ready: the step coming up)
  Side side = Side::none;  // left/right for `both` steps, else the step's side
  int position = 1;        // 1-based
  Millis start{0};
  Millis length{0};
  std::size_t first_segment = 0;
  std::size_t segment_count = 0;
};

// The first get-ready of a session when it is timed: from the keyboard to lying on the roller
// (roll's own reading; the profile's `first_ready = "key"` waits for a key there instead).
inline constexpr Millis kFirstGetReady{std::chrono::seconds(15)};

struct PlanOptions {
  // Get-ready before each step, before each side switch and between positions.
  Millis get_ready_step{std::chrono::seconds(5)};
  Millis get_ready_move{std::chrono::seconds(3)};
  // The session's very first get-ready, when it needs longer than the others (from the keyboard
  // to lying on the roller); get_ready_step when not given.
  std::optional<Millis> first_get_ready;
};

struct Plan {
  std::vector<Block> blocks;
  std::vector<Segment> segments;
  Millis total{0};  // including get-ready transitions
  Millis work{0};   // on the roller / moving, excluding transitions
};

[[nodiscard]] Plan make_plan(const Routine& routine, const PlanOptions& options = {});

// What is happening at `elapsed` from the start of the session (routine time).
struct Moment {
  bool finished = false;
  std::size_t block = 0;
  std::size_t segment = 0;
  Millis block_left{0};
  Millis segment_left{0};
  Millis total_left{0};
  double block_progress = 0;  // 0..1
  double total_progress = 0;  // 0..1
};

[[nodiscard]] Moment moment_at(const Plan& plan, Millis elapsed);

// Lengthens (delta > 0) or shortens (delta < 0) the work block `block` of a plan made from
// `routine`, moving everything after it: a breath-paced block gains whole phases of its breath
// (the last one cut short), a rep block whole reps, a steady block time. It never ends before
// one second after `not_before` (the moment now). Returns the change made, which may be less.
Millis resize_block(Plan& plan, const Routine& routine, std::size_t block, Millis delta,
                    Millis not_before);

// Takes the blocks [first, last) out of a plan, moving everything after them earlier. A first
// block that began before `cut` is cut short there instead of taken out. Returns the time taken
// out. What a climb ended at the top no longer plans.
Millis drop_blocks(Plan& plan, std::size_t first, std::size_t last, Millis cut);

// The next segment boundary strictly after `elapsed`, if any: the runner's next deadline.
[[nodiscard]] std::optional<Millis> next_boundary(const Plan& plan, Millis elapsed);

}  // namespace roll
