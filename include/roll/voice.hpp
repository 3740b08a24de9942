#pragma once
// What the voice says during a session, for someone lying on the roller who cannot read the
// screen: the step, side and position at each get-ready, the step's cue once, every breath phase,
// the last three seconds, "switch sides", pause and resume, and the after-care at the end. Pure:
// events in, phrases out; a speaker in src/platform says them.
#include <string>
#include <vector>

#include "roll/session.hpp"

namespace roll {

// Which phrase gives way when two would overlap: a new phrase cuts one of the same or lower
// urgency that is still being spoken, and is dropped while a more urgent one is. Nothing waits
// in a queue, so the voice is never behind the timer.
enum class Urgency {
  pacing = 0,    // breath phases, reps, the last seconds
  guidance = 1,  // what comes next and its cue
  control = 2,   // pause, resume, ease off, the end
};

struct Phrase {
  std::string text;  // sanitized, one line
  Urgency urgency = Urgency::pacing;
  Millis at{0};  // routine time of the event that said it
};

[[nodiscard]] std::vector<Phrase> phrases_for(const Routine& routine,
                                              const std::vector<Event>& events);

// Whether a new phrase of `next` urgency is spoken, given what is being spoken now.
enum class Turn { speak, cut_and_speak, drop };
[[nodiscard]] Turn take_turn(bool speaking, Urgency current, Urgency next);

}  // namespace roll
