#pragma once
// The session loop: waits for the next deadline or input, feeds the Session and shows the result.
// It only sees interfaces (Clock, Keys, Screen), so tests drive it with a fake clock and scripted
// keys, and the real terminal, poll() and signals stay in src/platform.
#include <optional>

#include "roll/clock.hpp"
#include "roll/screen.hpp"
#include "roll/session.hpp"

namespace roll {

struct Input {
  enum class Kind {
    timeout,        // the deadline passed
    key,            // a key was pressed
    interrupt,      // Ctrl-C, SIGTERM or SIGHUP: end now, as interrupted
    suspend,        // Ctrl-Z: pause, give the terminal back, stop; redraw after `fg`
    redraw,         // resize or continue: draw again
    output_closed,  // nobody reads the output any more (a closed pipe): end now
  };
  Kind kind = Kind::timeout;
  char key = 0;
  int signal = 0;  // for interrupt
};

class Keys {
 public:
  virtual ~Keys() = default;
  // Blocks until input arrives or the clock reaches `deadline` (none: wait for input only).
  virtual Input wait(std::optional<Millis> deadline) = 0;
  // Ctrl-Z: called with the session paused; returns once the process is continued.
  virtual void suspend() {}
};

struct RunResult {
  SessionStatus status = SessionStatus::running;
  int signal = 0;              // the signal that interrupted the session, if any
  bool output_closed = false;  // the screen's output went away (a closed pipe): ended then
};

RunResult run_session(Session& session, const Clock& clock, Keys& keys, Screen& screen);

}  // namespace roll
