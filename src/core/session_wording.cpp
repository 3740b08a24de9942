#include "roll/session_wording.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "roll/duration.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll {

namespace {

// The first pass of a step is the one after "next: ..."; later passes are moves or side switches.
bool first_pass(const Step& step, Side side, int position) {
  return position == 1 && !(step.side == Side::both && side == Side::right);
}

std::string transition_text(const Routine& routine, std::size_t step_index, Side side,
                            int position) {
  const Step& step = routine.steps[step_index];
  if (first_pass(step, side, position)) {
    std::string where = side == Side::none ? "" : fmt::format(" · {}", to_string(side));
    return fmt::format("next: step {}/{} · {}{}", step_index + 1, routine.steps.size(),
                       sanitize(step.name), where);
  }
  if (position == 1) return fmt::format("switch to the {} side", to_string(side));
  return fmt::format("{} (position {} of {})", move_words(step, routine.roller), position,
                     step.positions);
}

struct RepWords {
  const char* first;   // the first half of a repetition, on screen and in plain lines
  const char* second;  // the second half
  const char* first_said;
  const char* second_said;
};

// Which way one repetition goes on this step's zone: a roll goes along the zone and back from
// where the step starts, so the lats go down from the armpit first, never up into it.
RepWords rep_words(const Step* step) {
  if (step && step->kind == StepKind::pivot) {
    // The second article: push the spine down into the roller as you arch, breathing out.
    return {"slowly arch", "slowly back", "Arch.", "Back."};
  }
  if (step && step->kind == StepKind::stretch && step->along == Along::spine) {
    // The snow angel: the arms slide along the floor towards overhead, and back.
    return {"arms overhead", "arms back", "Overhead.", "Back."};
  }
  if (step && step->zone == Zone::lats) return {"slowly down", "slowly back", "Down.", "Back."};
  if (step && (step->zone == Zone::glutes || step->zone == Zone::hips)) {
    return {"slowly across", "slowly back", "Across.", "Back."};
  }
  if (step && step->zone == Zone::thoracic && step->kind == StepKind::roll) {
    // The second article's back roll, up and down the mid-back.
    return {"slowly up", "slowly down", "Up.", "Down."};
  }
  return {"slowly out", "slowly back", "Out.", "Back."};
}

}  // namespace

std::string move_words(const Step& step, Roller roller) {
  std::string_view tool = tool_word(roller);
  if (!step.move) return fmt::format("shift the {} to the next spot", tool);
  switch (*step.move) {
    case Move::up:
      return fmt::format("move the {} up an inch", tool);
    case Move::down:
      return fmt::format("move the {} down an inch", tool);
    case Move::across:
      return fmt::format("move the {} an inch across the muscle", tool);
  }
  return fmt::format("shift the {} to the next spot", tool);
}

const char* phase_words(Phase phase, const Step* step) {
  if (phase == Phase::rep_up) return rep_words(step).first;
  if (phase == Phase::rep_down) return rep_words(step).second;
  return phase_words(phase);
}

const char* rep_said(Phase phase, const Step* step) {
  return phase == Phase::rep_up ? rep_words(step).first_said : rep_words(step).second_said;
}

const char* phase_words(Phase phase) {
  switch (phase) {
    case Phase::get_ready:
      return "get ready";
    case Phase::inhale:
      return "breathe in";
    case Phase::hold_in:
    case Phase::hold_out:
      return "hold";
    case Phase::exhale:
      return "breathe out";
    case Phase::rep_up:
      return "slowly up";
    case Phase::rep_down:
      return "slowly down";
    case Phase::steady:
      return "steady";
  }
  return "";
}

std::string tool_note(const Routine& routine, const Step& step) {
  Roller roller = routine.roller;
  if ((roller != Roller::ball && roller != Roller::peanut) || !on_roller(step)) return "";
  std::string_view tool = tool_word(roller);
  if (step.along == Along::spine) {
    return fmt::format(
        "With {}: this step needs a roller lying lengthwise under the spine, "
        "which {} cannot do. Use a roller, or skip the step (n).",
        tool_phrase(roller), tool_phrase(roller));
  }
  bool spine =
      step.zone == Zone::thoracic || step.zone == Zone::rhomboids || step.zone == Zone::traps;
  if (roller == Roller::peanut && spine) {
    // The first article: the peanut's gap "protects your spinous processes".
    return "With the peanut: where this says roller, use the peanut, the spine in its gap and one "
           "ball on the muscles either side; the gap protects the bony bumps of the spine.";
  }
  if (spine) {
    // The first article's rib roll: "on the muscles next to your spine, not the bone itself".
    return "With the ball: where this says roller, use the ball, on the muscles next to the spine, "
           "never on the bone itself.";
  }
  return fmt::format("With the {0}: where this says roller, use the {0}, on the muscle.", tool);
}

std::string step_cue(const Routine& routine, const Step& step) {
  std::string note = tool_note(routine, step);
  if (note.empty()) return step.cue;
  if (step.cue.empty()) return note;
  return step.cue + "\n" + note;
}

std::string cue_text(const Routine& routine, const Event& e) {
  if (e.kind != EventKind::step || e.step >= routine.steps.size()) return "";
  const Step& step = routine.steps[e.step];
  if (!first_pass(step, e.side, e.position)) return "";
  return sanitize(step_cue(routine, step));
}

std::string get_ready_text(const Routine& routine, const SessionView& view) {
  if (view.step >= routine.steps.size()) return "";
  return transition_text(routine, view.step, view.side, view.position);
}

std::string event_text(const Routine& routine, const Event& e) {
  const Step* step = e.step < routine.steps.size() ? &routine.steps[e.step] : nullptr;
  switch (e.kind) {
    case EventKind::started:
      return fmt::format("start · {} · {} in all", sanitize(routine.title), clock_time(e.length));
    case EventKind::get_ready:
      if (!step) return "get ready";
      return fmt::format("get ready · {}", transition_text(routine, e.step, e.side, e.position));
    case EventKind::step: {
      if (!step) return "step";
      std::string text =
          fmt::format("step {}/{} · {}", e.step + 1, routine.steps.size(), sanitize(step->name));
      if (e.side != Side::none) text += fmt::format(" · {}", to_string(e.side));
      if (e.positions > 1) text += fmt::format(" · position {} of {}", e.position, e.positions);
      text += fmt::format(" · {}", clock_time(e.length));
      if (step->unit == TimingUnit::reps) {
        text += fmt::format(" · {} reps, {} tempo", step->count, to_string(step->tempo));
      }
      return text;
    }
    case EventKind::phase:
      if (e.phase == Phase::steady) return "";
      if (step && step->unit == TimingUnit::breaths) {
        return fmt::format("{} {} s · breath {} of {}", phase_words(e.phase),
                           rounded_seconds(e.length), e.number, e.count);
      }
      return fmt::format("{} {} s", phase_words(e.phase), rounded_seconds(e.length));
    case EventKind::rep:
      return fmt::format("rep {} of {} · {}", e.number, e.count, phase_words(e.phase, step));
    case EventKind::tick:
      return fmt::format("{} s left", e.value);
    case EventKind::paused:
      return "paused";
    case EventKind::resumed:
      return "resumed";
    case EventKind::skipped:
      return "skipped to the next step";
    case EventKind::restarted:
      return "restarting this step";
    case EventKind::quit_asked:
      return "end the session? y or q ends it, any other key goes on";
    case EventKind::quit_cancelled:
      return "going on";
    case EventKind::pressure:
      return fmt::format("pressure {}/10", e.value);
    case EventKind::hold_changed:
      return fmt::format("{} s {} · this hold now {}", e.value > 0 ? e.value : -e.value,
                         e.value > 0 ? "longer" : "shorter", clock_time(e.length));
    case EventKind::waiting:
      return "press space or Enter when you are ready";
    case EventKind::ease_off:
      return ease_off_advice(e.aim);
    case EventKind::hold_at_most:
      return fmt::format("this hold stays {} · {}", clock_time(e.length),
                         hold_at_most_advice(e.value));
    case EventKind::climb_ended:
      return fmt::format("at the top: the climb ends at position {} of {}", e.position,
                         e.positions);
    case EventKind::turn:
      return fmt::format("stroke {} · {}", e.number, phase_words(e.phase, step));
    case EventKind::finished:
      switch (e.status) {
        case SessionStatus::completed:
          return "finished";
        case SessionStatus::pain_stop:
          return "stopped: sharp pain";
        case SessionStatus::quit:
          return "stopped: quit";
        case SessionStatus::interrupted:
          return "stopped: interrupted";
        default:
          return "stopped";
      }
  }
  return "";
}

std::string ease_off_advice() {
  return ease_off_advice(PressureAim{});
}

namespace {

// Why a cleared condition keeps the pressure gentle: the article's own reason where it ties the
// condition to pressure, roll's own reading otherwise.
std::string gentle_reason(Condition c) {
  switch (c) {
    case Condition::osteoporosis:
      return "you have osteoporosis, cleared by a clinician, and excessive pressure can increase "
             "your risk for fracture (second article)";
    case Condition::active_cancer:
      return "you have active cancer, cleared by a clinician, and the second article says do not "
             "apply pressure to active cancer areas";
    default:
      return fmt::format(
          "you have {}, cleared by a clinician (gentle for it is roll's own reading)",
          condition_name(c));
  }
}

// "as this step asks", or what the step asked when the user's most holds it down.
std::string as_asked(const PressureAim& aim) {
  return aim.step_asked ? fmt::format("not this step's {}", *aim.step_asked) : "as this step asks";
}

}  // namespace

std::string ease_off_advice(const PressureAim& aim) {
  std::string middle;
  if (aim.cleared) {
    middle = fmt::format(
        "keep it gentle, {}{} out of 10 at most (roll's own reading), below the first article's "
        "\"around a 6 or 7\": {}.",
        aim.asked ? fmt::format("about {} {}, ", *aim.asked, as_asked(aim)) : "", aim.most,
        gentle_reason(*aim.cleared));
  } else if (aim.beginner) {
    middle = fmt::format(
        "{}as a beginner, {} out of 10 at most, below the first article's \"around a 6 or 7\": the "
        "second article says start slow and small (the {} is roll's own reading).",
        aim.asked ? fmt::format("aim for about {} out of 10, {}; ", *aim.asked, as_asked(aim)) : "",
        aim.most, aim.most);
  } else if (aim.asked && *aim.asked >= 6) {
    middle = fmt::format(
        "aim for about {} out of 10, as this step asks: the first article's \"around a 6 or 7\", a "
        "\"good hurt\".",
        *aim.asked);
  } else if (aim.asked) {
    middle = fmt::format(
        "aim for about {} out of 10, as this step asks, gentler than the first article's "
        "\"around a 6 or 7\".",
        *aim.asked);
  } else {
    middle = "aim for a 6 or 7 out of 10, a \"good hurt\".";
  }
  return "ease off: take weight onto your hands and feet or use a softer roller; " + middle +
         " Grimacing or holding your breath means too much.";
}

std::string ease_off_said(const PressureAim& aim) {
  if (aim.cleared) {
    return fmt::format("Ease off. Keep it gentle: {} out of ten at most.",
                       aim.asked ? *aim.asked : aim.most);
  }
  if (aim.asked) return fmt::format("Ease off. Aim for about {} out of ten.", *aim.asked);
  if (aim.beginner) return fmt::format("Ease off. {} out of ten at most.", aim.most);
  return "Ease off. Aim for a six or seven out of ten.";
}

std::string hold_at_most_advice(int most_seconds) {
  return fmt::format(
      "a beginner stays at most {} s on a spot: the second article says \"no more than 30 seconds "
      "of focus on each spot\" when you start",
      most_seconds);
}

std::string sharp_pain_advice() {
  return "Come off the roller slowly and stop for today. Sharp, shooting pain should never be "
         "tolerated: if pain is increasing or symptoms are worsening, listen to your body and "
         "stop. Numbness, shooting pain or weakness in your arms or legs can mean a nerve or "
         "spinal problem: see a doctor before you roll again.";
}

std::string water_advice() {
  return "Drink some water: fascia is mostly water, and dehydrated tissue is more likely to be "
         "\"sticky\" and resistant to stretching.";
}

std::string adjunct_advice() {
  return "To further promote healing and relaxation, the second article suggests massage, or hot "
         "and cold therapy.";
}

std::string after_care_advice(const Routine& routine) {
  return move_now_advice(routine) + " " + water_advice() + " " + adjunct_advice();
}

Routine movement_block() {
  Routine r;
  r.name = "three-minutes-of-movement";
  r.title = "Three minutes of movement";
  Step step;
  step.name = "Active stretches";
  step.kind = StepKind::movement;
  step.zone = Zone::full_body;
  step.zone_text = "full-body";
  step.unit = TimingUnit::seconds;
  step.count = 180;
  step.cue =
      "Cat-Cow, Bird-Dogs or Thread the Needle, through your full range of motion, slowly: the "
      "first article's three minutes of active stretches lock in what the rolling opened.";
  r.steps.push_back(step);
  return r;
}

std::string move_now_advice(const Routine& routine) {
  std::string advice =
      "Move right away: rolling opens a short window of mobility, and if you sit straight back "
      "down your brain resets the tension within about twenty minutes.";
  // The same reading as the move-after rule: movement after the last step on the roller.
  if (!moves_enough_after(routine)) {
    advice += " Spend three minutes on active stretches: Cat-Cow, Bird-Dogs or Thread the Needle.";
  } else {
    advice += " Keep moving through your full range of motion for three minutes.";
  }
  return advice;
}

const char* summary_headline(SessionStatus status) {
  switch (status) {
    case SessionStatus::completed:
      return "Session complete";
    case SessionStatus::partial:
      return "Session partly done (less than 80% of the time on the roller)";
    case SessionStatus::quit:
      return "Session ended early";
    case SessionStatus::pain_stop:
      return "Stopped for sharp pain";
    case SessionStatus::interrupted:
      return "Session interrupted";
    default:
      return "Session ended";
  }
}

std::vector<std::string> summary_lines(const Session& session) {
  using std::chrono::seconds;
  const auto& p = session.progress();
  std::vector<std::string> lines;
  lines.push_back(fmt::format("{}: {} of {} done (get-readies not counted) · {} of {} steps",
                              summary_headline(p.status), clock_time(seconds(p.completed_seconds)),
                              clock_time(seconds(p.planned_seconds)), session.steps_done(),
                              session.routine().steps.size()));
  if (!p.zone_seconds.empty()) {
    std::string zones;
    for (const auto& [zone, secs] : p.zone_seconds) {
      if (!zones.empty()) zones += " · ";
      zones += fmt::format("{} {}", zone, clock_time(seconds(secs)));
    }
    lines.push_back("zones: " + zones);
    int roller = 0;
    for (const auto& [zone, secs] : p.roller_seconds) roller += secs;
    // The zones count a step's whole time; the roller's is the steps on it alone.
    lines.push_back(fmt::format("on the roller: {} (movement off it, such as cat-cow, not counted)",
                                clock_time(seconds(roller))));
  }
  if (!p.pressures.empty()) {
    int peak = 0;
    for (const auto& r : p.pressures) peak = std::max(peak, r.value);
    lines.push_back(fmt::format("pressure readings: {}, highest {}/10", p.pressures.size(), peak));
  }
  if (!p.hold_changes.empty()) {
    int added = 0;
    for (const auto& h : p.hold_changes) added += h.seconds;
    lines.push_back(fmt::format("holds changed with + and -: {}, {:+} s in all",
                                plural(p.hold_changes.size(), "time"), added));
  }
  if (p.status == SessionStatus::pain_stop) {
    lines.push_back(sharp_pain_advice());
  } else if (p.status != SessionStatus::interrupted) {
    lines.push_back(move_now_advice(session.routine()));
    lines.push_back(water_advice());
  }
  return lines;
}

EndWords end_words(SessionStatus status, const Routine& routine) {
  // The after-care's first word: move now, and when the routine ended with enough movement, keep
  // moving (move_now_advice says the same at length).
  std::string move = moves_enough_after(routine) ? "KEEP MOVING" : "MOVE NOW";
  switch (status) {
    case SessionStatus::completed:
      return {"DONE", move};
    case SessionStatus::pain_stop:
      return {"STOPPED", "COME OFF SLOWLY"};
    case SessionStatus::interrupted:
      return {"ENDED EARLY", ""};
    default:
      return {"ENDED EARLY", move};
  }
}

std::string end_advice(const Session& session) {
  switch (session.progress().status) {
    case SessionStatus::pain_stop:
      return sharp_pain_advice();
    case SessionStatus::interrupted:
      return "";
    default:
      return after_care_advice(session.routine());
  }
}

std::string streak_line(int current_streak, bool done_today, int day_start_hour, bool pain_stop) {
  std::string line = "streak: " + plural(current_streak, "day");
  if (done_today) {
    line +=
        fmt::format(" · next session due tomorrow (the day starts at {:02}:00)", day_start_hour);
  } else if (!pain_stop) {
    line += " · today's session is still due";
  }
  return line;
}

}  // namespace roll
