#pragma once
// The session's words: the text of its events for plain lines and screens, and the articles'
// advice at its end. The state machine (session.hpp) decides what happens; this says it.
#include <string>
#include <vector>

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

// The way to the step's next position, as its `move` declares, naming the tool the routine uses:
// "move the roller up an inch", "move the ball down an inch", "move the roller an inch across the
// muscle"; without `move` no direction: "shift the roller to the next spot".
[[nodiscard]] std::string move_words(const Step& step, Roller roller);

// The step's cue and, for a routine on a ball or a peanut, a note on using that tool where the cue
// says roller (the peanut's gap: the first article). Not sanitized.
[[nodiscard]] std::string step_cue(const Routine& routine, const Step& step);

// The words of a phase on screen: "breathe in", "hold", "breathe out", "slowly up", "slowly down".
[[nodiscard]] const char* phase_words(Phase phase);
// The same for `step`: a repetition says which way it goes on the step's zone ("slowly down" and
// "slowly back" on the lats, from the armpit; "slowly arch" for a pivot).
[[nodiscard]] const char* phase_words(Phase phase, const Step* step);
// A repetition's half in a word or two, for the voice: "Down.", "Back.".
[[nodiscard]] const char* rep_said(Phase phase, const Step* step);

// The articles' advice, printed at the end and on a sharp-pain stop.
[[nodiscard]] std::string move_now_advice(const Routine& routine);
// The first article: "Fascia is mostly water."
[[nodiscard]] std::string water_advice();
// The second article's adjuncts: massage, hot and cold therapy.
[[nodiscard]] std::string adjunct_advice();
// The end of a session that was not a pain stop: move now, drink water, and the adjuncts.
[[nodiscard]] std::string after_care_advice(const Routine& routine);
// The timed block the end offers when !moves_enough_after(routine) (roll/routine.hpp).
[[nodiscard]] Routine movement_block();
[[nodiscard]] std::string sharp_pain_advice();
// What a pressure reading above the user's most is answered with, following the step's
// `intensity`, the user's level and a condition the profile marks cleared (user_limits.hpp); each
// number that is roll's own says so. Without an aim, everyone's: the first article's target.
[[nodiscard]] std::string ease_off_advice(const PressureAim& aim);
[[nodiscard]] std::string ease_off_advice();
// The same, short, for the voice: "Ease off. Aim for about 4 out of ten."
[[nodiscard]] std::string ease_off_said(const PressureAim& aim);
// Why + adds no more to a beginner's spot, quoting the second article.
[[nodiscard]] std::string hold_at_most_advice(int most_seconds);

// The summary's first words: "Session complete", "Stopped for sharp pain", ...
[[nodiscard]] const char* summary_headline(SessionStatus status);
// The summary a session ends with: the headline with the work time done (the get-readies not
// counted, unlike the screen's total) and the steps done, then the zones, the
// pressure readings and the holds changed (each when there were any), then what to do now (move
// and drink water; after a pain stop, the sharp-pain advice; nothing more after an interrupt).
[[nodiscard]] std::vector<std::string> summary_lines(const Session& session);
// The end of a session in a word or two for big letters read from the floor: what happened
// ("DONE", "ENDED EARLY", "STOPPED") and the one next thing ("MOVE NOW", "KEEP MOVING", "COME OFF
// SLOWLY"; nothing after an interrupt).
struct EndWords {
  std::string headline;
  std::string next;
};
[[nodiscard]] EndWords end_words(SessionStatus status, const Routine& routine);
// The advice the end of `session` gives, in one piece: the sharp-pain advice after a pain stop,
// nothing after an interrupt, the after-care otherwise.
[[nodiscard]] std::string end_advice(const Session& session);
// The line under a recorded session's summary, read back from the history: "streak: 3 days",
// then " · next session due tomorrow (the day starts at 04:00)" when today is done, or " · today's
// session is still due" when it is not, unless the session was a pain stop (a rest day).
[[nodiscard]] std::string streak_line(int current_streak, bool done_today, int day_start_hour,
                                      bool pain_stop);

}  // namespace roll
