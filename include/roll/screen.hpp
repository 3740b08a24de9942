#pragma once
// Where a running session shows itself: the full-screen terminal view, plain lines, JSON lines or
// a recording for tests. The runner hands every batch of events over together with the view of
// the moment after them; a screen that redraws in place uses the view, a line screen the events.
#include <optional>
#include <vector>

#include "roll/session.hpp"

namespace roll {

class Screen {
 public:
  virtual ~Screen() = default;
  // Called after every change, on each redraw deadline and (with no events) after a resize or a
  // return from Ctrl-Z.
  virtual void show(const std::vector<Event>& events, const SessionView& view) = 0;
  // How often, in routine time, the screen wants show() while the clock runs; none for screens
  // that only print events.
  [[nodiscard]] virtual std::optional<Millis> redraw_every() const { return std::nullopt; }
  // True while what the screen says of a get-ready is still being said (the voice's cue): a
  // session with SessionOptions::speech_wait holds the get-ready's end for it. Asked before each
  // step of the clock.
  [[nodiscard]] virtual bool holds_get_ready() { return false; }
  // The terminal may have lost what was drawn (a resize, a return from Ctrl-Z): the next show()
  // draws everything again.
  virtual void repaint() {}
  // True once the output is gone for good (stdout a closed pipe): the runner ends the session.
  [[nodiscard]] virtual bool closed() const { return false; }
};

}  // namespace roll
