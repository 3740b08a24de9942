#pragma once
// The session's words: the text of its events for plain lines and screens, and the articles'
// advice at its end. The state machine (session.hpp) decides what happens; this says it.
#include <string>

#include "roll/routine.hpp"
#include "roll/session.hpp"

namespace roll {

// One line of text for an event, as plain mode prints it after the routine time (routine text
// sanitized): "step 2/6 · Lat release · left · position 1 of 3 · 1:00".
[[nodiscard]] std::string event_text(const Routine& routine, const Event& event);

// The step's cue (sanitized) for a step event that starts the step's first pass; empty for every
// other event. Plain and JSON lines carry it, so it reaches a screen reader too.
[[nodiscard]] std::string cue_text(const Routine& routine, const Event& event);

// What to do during a get-ready transition: "next: Lat release", "switch to the right side",
// "move the roller up an inch".
[[nodiscard]] std::string get_ready_text(const Routine& routine, const SessionView& view);

// The words of a phase on screen: "breathe in", "hold", "breathe out", "roll up", "roll down".
[[nodiscard]] const char* phase_words(Phase phase);

// The articles' advice, printed at the end and on a sharp-pain stop.
[[nodiscard]] std::string move_now_advice(const Routine& routine);
// The first article: "Fascia is mostly water."
[[nodiscard]] std::string water_advice();
// The end of a session that was not a pain stop: move now, then drink water.
[[nodiscard]] std::string after_care_advice(const Routine& routine);
// Whether the routine already ends with three minutes of movement (else the end offers them).
[[nodiscard]] bool has_three_minutes_of_movement(const Routine& routine);
// The timed block the end offers when the routine has no three minutes of movement.
[[nodiscard]] Routine movement_block();
[[nodiscard]] std::string sharp_pain_advice();
[[nodiscard]] std::string ease_off_advice();

}  // namespace roll
