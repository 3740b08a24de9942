#include "roll/runner.hpp"

namespace roll {

RunResult run_session(Session& session, const Clock& clock, Keys& keys, Screen& screen) {
  RunResult result;
  session.set_speaking(screen.holds_get_ready());
  // Started first: in show(start(), view()) the view may be taken before the start.
  auto started = session.start(clock.now());
  screen.show(started, session.view());
  if (screen.closed()) {
    result.output_closed = true;
    session.interrupt(clock.now());
  }
  while (!session.finished()) {
    Input in = keys.wait(session.next_deadline(screen.redraw_every()));
    Millis now = clock.now();
    session.set_speaking(screen.holds_get_ready());
    std::vector<Event> events;
    switch (in.kind) {
      case Input::Kind::timeout:
        events = session.advance(now);
        break;
      case Input::Kind::redraw:
        screen.repaint();
        events = session.advance(now);
        break;
      case Input::Kind::key: {
        int value = 0;
        SessionView view = session.view();
        auto command = command_for_key(in.key, view.confirming_quit, &value, view.waiting_for_key);
        events = command ? session.command(*command, now, value) : session.advance(now);
        break;
      }
      case Input::Kind::interrupt:
        result.signal = in.signal;
        events = session.interrupt(now);
        break;
      case Input::Kind::output_closed:
        result.output_closed = true;
        session.interrupt(now);
        continue;  // nothing can be shown any more
      case Input::Kind::suspend: {
        events = session.advance(now);
        if (!session.finished() && !session.view().paused) {
          auto paused = session.command(Command::toggle_pause, now);
          events.insert(events.end(), paused.begin(), paused.end());
        }
        screen.show(events, session.view());
        events.clear();
        keys.suspend();
        screen.repaint();  // the terminal was the shell's meanwhile
        break;
      }
    }
    screen.show(events, session.view());
    if (screen.closed() && !session.finished()) {
      // Nobody is reading any more (`roll session x --plain | head -1`): end now, unfinished.
      result.output_closed = true;
      session.interrupt(clock.now());
    }
  }
  result.status = session.status();
  return result;
}

}  // namespace roll
