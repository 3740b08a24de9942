#pragma once
// The guided session as a pure state machine: a Plan, the time the caller says it is (monotonic
// clock milliseconds) and the keys pressed go in; events and a view of the moment come out. No
// clock is read here, so a whole session runs in microseconds under a fake clock.
//
// Routine time is a pure function of clock time: elapsed = anchor_routine + (now - anchor_clock)
// x speed. Pausing, skipping and restarting only move the anchor, so every deadline stays an
// absolute point on the monotonic clock and nothing drifts however long the session runs.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "roll/plan.hpp"
#include "roll/routine.hpp"
#include "roll/session_log.hpp"
#include "roll/user_limits.hpp"

namespace roll {

enum class Command {
  toggle_pause,  // space
  skip,          // n: on to the next step
  restart,       // b: back to the start of this step
  quit,          // q: asks to confirm unless confirmations are answered in advance
  yes,           // confirms a question
  no,            // cancels a question
  pain,          // !: sharp pain, stop at once
  pressure,      // 1-9 and 0 (10): the pressure felt now (value in `value`, 1-10); 1 then 0: 10
  longer,        // +: this hold 15 s longer, up to the user's most for a spot (user_limits.hpp)
  shorter,       // -: this hold 15 s shorter
  ready,         // space or Enter while a get-ready waits for a key (--ready key)
  top,           // e: a climb has reached the top (of the shoulders): no more positions up
};

// The command a key means in the current state (`confirming` a quit question or not, `waiting`
// for the get-ready key or not).
[[nodiscard]] std::optional<Command> command_for_key(char key, bool confirming, int* value,
                                                     bool waiting = false);

enum class EventKind {
  started,
  get_ready,  // a transition: before a step, a side switch or a new position
  step,       // a work block starts (a step, or its next side or position)
  phase,      // a breath phase or a steady stretch starts
  rep,        // a rep starts (rep_up) or turns (rep_down)
  tick,       // one of the last three seconds of a hold (value: seconds left)
  paused,
  resumed,
  skipped,
  restarted,
  quit_asked,
  quit_cancelled,
  pressure,      // value: 1-10
  ease_off,      // a pressure reading above the user's (aim.most); `aim` says what to aim for
  finished,      // the status says how
  hold_changed,  // + or -: value is the change in seconds, length the hold's new length
  waiting,       // --ready key: the get-ready waits for space or Enter
  climb_ended,   // e during a climb: position is the last one done, positions the most planned
  turn,  // a roll timed in seconds changes direction (phase rep_up: out again, rep_down: back;
         // number: the stroke, from 1 at the step's start), at the step's pace (pace.hpp)
  // + found the hold at the most a spot may last for this user (value: those seconds, length the
  // hold's length); a hold_changed before it at the same moment says what + did add.
  hold_at_most,
};

[[nodiscard]] const char* event_name(EventKind kind);

struct Event {
  EventKind kind = EventKind::started;
  Millis at{0};  // routine time
  std::size_t step = 0;
  Side side = Side::none;
  int position = 1;
  int positions = 1;
  Phase phase = Phase::steady;
  int number = 0;  // breath or rep number
  int count = 0;   // breaths or reps per pass, 0 when not counted
  Millis length{0};
  int value = 0;
  SessionStatus status = SessionStatus::running;
  // Clock milliseconds since the session started: when the event fell due, and when the caller's
  // clock reading produced it. Their difference is how late the timer woke (benchmarks read it
  // from --events); events set off by a key are due when they happen.
  Millis due{0};
  Millis clock{0};
  // ease_off: the pressure this user is asked for at this step (the words follow it).
  PressureAim aim{};
};

struct SessionOptions {
  double speed = 1.0;            // routine milliseconds per clock millisecond
  bool confirm_quit = true;      // false with --yes
  Millis tick_before_end{3000};  // the bell counts down the last seconds of a hold
  // --ready key: every get-ready waits for space or Enter instead of counting down.
  bool ready_key = false;
  // Only the first get-ready waits for space or Enter (the profile's `first_ready = "key"`).
  bool first_ready_key = false;
  // What + and - add to or take from a hold. The first article: "if a spot feels particularly
  // tight, spend time there, breathe into it"; 15 s (about two breaths) is roll's own reading.
  Millis hold_step{15000};
  // Who is on the roller: the pressure the ease-off advice asks for and the most + may lengthen a
  // spot to (user_limits.hpp). The default is no beginner and no cleared condition.
  UserLimits user;
  // --voice: a get-ready whose words are still being said at its end waits for them (the runner
  // asks the screen, Screen::holds_get_ready), so that the hold starts with its first breath
  // prompt, up to this long for the whole get-ready; zero never waits.
  Millis speech_wait{0};
};

// The options of the after-care's timed three minutes of movement (session_wording's
// movement_block), run right after `session`'s: the same speed and voice, no quit question (the
// session is recorded already), and the same person on the floor, so the ease-off advice keeps to
// the ceiling the session kept to.
[[nodiscard]] SessionOptions after_care_options(const SessionOptions& session);

// Everything a screen draws, derived from (plan, elapsed) and the session state.
struct SessionView {
  Millis elapsed{0};
  bool started = false;
  bool finished = false;
  bool paused = false;
  bool confirming_quit = false;
  SessionStatus status = SessionStatus::running;
  std::size_t step = 0;  // index into the routine's steps
  std::size_t step_count = 0;
  bool get_ready = false;
  Side side = Side::none;
  int position = 1;
  int positions = 1;
  Phase phase = Phase::steady;
  int number = 0;
  int count = 0;
  Millis phase_left{0};
  Millis phase_length{0};
  double breath_fill = 0;  // 0..1: fills on the inhale, empties on the exhale, still on holds
  Millis block_left{0};
  Millis block_length{0};
  double block_progress = 0;
  Millis total_left{0};
  double total_progress = 0;
  std::optional<int> last_pressure;
  bool ease_off = false;            // the last pressure was above the user's (PressureAim::most)
  bool waiting_for_key = false;     // --ready key: the get-ready waits for space or Enter
  Millis waited{0};                 // how long it has waited, in routine time (the clock stands)
  Millis hold_change{0};            // what + and - have added to this block (negative: taken off)
  bool waiting_for_speech = false;  // the get-ready is over but its words are still being said
};

class Session {
 public:
  // `routine` and `log` must outlive the session. `started_at` is the wall time for the log.
  Session(const Routine& routine, Plan plan, SessionLog& log, SessionOptions options = {},
          std::chrono::system_clock::time_point started_at = {});

  // Starts the routine clock at `now` and reports the first block. Calls log.begin().
  std::vector<Event> start(Millis now);
  // Everything that happened up to `now`, in order.
  std::vector<Event> advance(Millis now);
  // Advances to `now`, then applies the command.
  std::vector<Event> command(Command command, Millis now, int value = 0);
  // The process is going away (Ctrl-C, SIGTERM, SIGHUP): ends as interrupted.
  std::vector<Event> interrupt(Millis now);

  // Clock time of the next event, or of the next multiple of `redraw_every` of routine time if
  // sooner; nothing while paused or finished (only a key can change anything then). While a
  // get-ready waits for its key (--ready key) only the redraws, so that its cue pages still turn.
  [[nodiscard]] std::optional<Millis> next_deadline(
      std::optional<Millis> redraw_every = std::nullopt) const;

  // Whether the words of the get-ready are still being said (SessionOptions::speech_wait); the
  // runner tells the session before each step of the clock.
  void set_speaking(bool speaking) { speaking_ = speaking; }

  [[nodiscard]] SessionView view() const;
  [[nodiscard]] Millis elapsed() const { return elapsed_; }
  [[nodiscard]] bool finished() const { return finished_; }
  [[nodiscard]] SessionStatus status() const { return progress_.status; }
  [[nodiscard]] const SessionProgress& progress() const { return progress_; }
  [[nodiscard]] const Plan& plan() const { return plan_; }
  [[nodiscard]] const Routine& routine() const { return routine_; }
  // How the log should mark this session (a --speed run is a rehearsal); before start().
  void set_origin(SessionOrigin origin) { progress_.origin = origin; }
  // Steps with any work time done (a skipped step does not count).
  [[nodiscard]] std::size_t steps_done() const;

 private:
  struct Mark {
    Millis at{0};
    std::size_t segment = 0;  // a segment start when tick == 0
    int tick = 0;             // seconds left when this mark is a bell tick
    std::size_t block = 0;
    int turn = 0;  // the stroke a roll timed in seconds starts here (from 1), 0: none
  };

  [[nodiscard]] Millis routine_time_at(Millis now) const;
  [[nodiscard]] Millis waited() const;  // while waiting_: routine time since the wait began
  [[nodiscard]] Millis clock_time_of(Millis routine) const;
  [[nodiscard]] Millis due_of(Millis routine) const;  // clock ms since start, for Event::due
  void move_to(Millis now, std::vector<Event>& out);
  // Emits the marks up to `target`, stopping at a get-ready that waits for a key; returns
  // whether it stopped there.
  bool emit_until(Millis target, std::vector<Event>& out);
  [[nodiscard]] bool waits_at(const Mark& mark) const;
  // The mark starts a work block after a get-ready whose words are still being said.
  [[nodiscard]] bool holds_for_speech(const Mark& mark) const;
  // How long the speech wait before `block` may last, in routine time.
  [[nodiscard]] Millis speech_allowance(std::size_t block) const;
  void build_marks();
  void change_hold(Millis delta, std::vector<Event>& out);
  [[nodiscard]] Event hold_at_most_event(std::size_t block, Millis most) const;
  void end_climb(std::vector<Event>& out);
  void jump(Millis now, Millis target, std::vector<Event>& out);
  void emit_mark(const Mark& mark, std::vector<Event>& out);
  void finish(SessionStatus status, std::vector<Event>& out);
  void account(Millis from, Millis to);
  void sync_progress();
  [[nodiscard]] Event base_event(EventKind kind, std::size_t block) const;
  [[nodiscard]] std::size_t current_block() const;
  [[nodiscard]] Millis shown_at() const;  // the routine time the view shows

  const Routine& routine_;
  Plan plan_;
  SessionLog& log_;
  SessionOptions options_;
  std::vector<Mark> marks_;
  std::size_t next_mark_ = 0;
  std::optional<std::size_t> last_step_;

  bool started_ = false;
  bool finished_ = false;
  bool paused_ = false;
  bool confirming_ = false;
  bool paused_for_question_ = false;
  bool waiting_ = false;
  bool speaking_ = false;
  bool waiting_for_speech_ = false;
  std::optional<std::size_t> speech_released_;  // the block whose speech wait has ended
  Millis anchor_clock_{0};
  Millis anchor_routine_{0};
  Millis elapsed_{0};
  Millis clock_{0};  // the latest clock time seen
  Millis clock_start_{0};
  std::optional<int> last_pressure_;
  // A pressure of 1 just read: its clock time and block, for the 0 that would make it a 10.
  std::optional<std::pair<Millis, std::size_t>> pressure_one_;

  SessionProgress progress_;
  std::vector<Millis> zone_millis_;   // per block's zone: accumulated work time
  std::vector<Millis> block_change_;  // per block: what + and - added
  Millis work_done_{0};
  Millis roller_planned_{0};  // the plan's work time on the roller (all work if none is)
  Millis roller_done_{0};
};

}  // namespace roll
