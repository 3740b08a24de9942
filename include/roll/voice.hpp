#pragma once
// What the voice says during a session, for someone lying on the roller who cannot read the
// screen: the step, side and position at each get-ready, the step's cue once, every breath phase,
// the last three seconds, "switch sides", pause and resume, and the after-care at the end. Pure:
// events in, phrases out; a speaker in src/platform says them.
#include <string>
#include <vector>

#include "roll/session.hpp"

namespace roll {

// Which phrase gives way when two would overlap, least urgent first: a new phrase cuts one of the
// same or lower urgency that is still being spoken, and is dropped while a more urgent one is.
// Within a hold: a safety notice, then a breath prompt, a rep call (or a roll's turn), the
// countdown, and last the tail of a cue that ran into the hold. Nothing waits in a queue, so the
// voice is never behind the timer; and with --voice a get-ready waits for its own words
// (SessionOptions:: speech_wait), so a hold starts with its first breath prompt.
enum class Urgency {
  cue = 0,        // the get-ready: the step, its side and position, its cue; what comes next
  countdown = 1,  // the last three seconds of a hold
  rep = 2,        // a repetition's half, a roll's turn
  control = 3,    // pause, resume, + and -, the top of a climb, the end
  breath = 4,     // a breath phase, the start of an unpaced hold
  safety = 5,     // ease off, the pain stop
};

// With --voice a get-ready waits for its own words before the hold starts (SessionOptions::
// speech_wait), for at most this long in all. roll's own reading: the longest words of a bundled
// get-ready, the thoracic extension's step and cue, take 32 s at espeak-ng's -s 140
// (tests/data/espeak-ng-phrases.tsv), and a cue cut short loses its last sentence, which there
// keeps the roller off the neck; a program that hangs holds each get-ready no longer than this.
inline constexpr Millis kSpeechWait{35000};

struct Phrase {
  std::string text;  // sanitized, one line
  Urgency urgency = Urgency::breath;
  Millis at{0};  // routine time of the event that said it
  // Starts a get-ready: what is left of the block before is stale, so it always cuts.
  bool starts_block = false;
};

[[nodiscard]] std::vector<Phrase> phrases_for(const Routine& routine,
                                              const std::vector<Event>& events);

// Whether a new phrase is spoken, given what is being spoken now (of `current` urgency).
enum class Turn { speak, cut_and_speak, drop };
[[nodiscard]] Turn take_turn(bool speaking, Urgency current, const Phrase& next);

}  // namespace roll
