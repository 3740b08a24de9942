#include "roll/voice.hpp"

#include <fmt/core.h>

#include "roll/session_wording.hpp"
#include "roll/text.hpp"

namespace roll {

namespace {

// Speech programs read one line; a cue written over several lines in TOML is one sentence.
std::string one_line(std::string_view text) {
  std::string out = sanitize(std::string(text), true);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

std::string where(const Event& e) {
  std::string out;
  if (e.side != Side::none) out += fmt::format(", {} side", to_string(e.side));
  if (e.positions > 1) out += fmt::format(", position {} of {}", e.position, e.positions);
  return out;
}

const char* number_word(int n) {
  static const char* const kWords[] = {"zero", "one", "two", "three", "four", "five"};
  return n >= 0 && n <= 5 ? kWords[n] : "";
}

std::string ending(const Routine& routine, const Event& e) {
  switch (e.status) {
    case SessionStatus::completed:
      return "Well done. " + after_care_advice(routine);
    case SessionStatus::pain_stop:
      return "Stop. " + sharp_pain_advice();
    case SessionStatus::quit:
      return "Stopped. " + after_care_advice(routine);
    default:
      return "Stopped.";
  }
}

}  // namespace

std::vector<Phrase> phrases_for(const Routine& routine, const std::vector<Event>& events) {
  std::vector<Phrase> out;
  auto say = [&](std::string text, Urgency urgency, const Event& e) {
    if (!text.empty()) {
      out.push_back(Phrase{one_line(text), urgency, e.at, e.kind == EventKind::get_ready});
    }
  };
  for (const auto& e : events) {
    const Step* step = e.step < routine.steps.size() ? &routine.steps[e.step] : nullptr;
    switch (e.kind) {
      case EventKind::get_ready: {
        if (!step) break;
        bool first = e.position == 1 && !(step->side == Side::both && e.side == Side::right);
        if (first) {
          // The cue once per step, here, while there is time to get into position.
          std::string text = fmt::format("Step {} of {}: {}{}.", e.step + 1, routine.steps.size(),
                                         step->name, where(e));
          if (std::string cue = step_cue(routine, *step); !cue.empty()) text += " " + cue;
          say(text, Urgency::cue, e);
        } else if (e.position == 1) {
          say(fmt::format("Switch sides: {} side{}.", to_string(e.side),
                          e.positions > 1 ? fmt::format(", position 1 of {}", e.positions) : ""),
              Urgency::cue, e);
        } else {
          std::string move = move_words(*step, routine.roller);
          move[0] = static_cast<char>(move[0] - 'a' + 'A');
          say(fmt::format("{}: position {} of {}.", move, e.position, e.positions), Urgency::cue,
              e);
        }
        break;
      }
      case EventKind::step:
        // Paced steps begin with their first breath or rep; a free one needs a word to start (a
        // movement in reps begins with its first rep call, which "Begin." would drown).
        if (step && step->unit != TimingUnit::reps &&
            (step->kind == StepKind::movement || step->kind == StepKind::rest ||
             (step->unit == TimingUnit::seconds && step->kind == StepKind::stretch))) {
          say(step->kind == StepKind::movement ? "Begin. Move slowly." : "Begin.", Urgency::breath,
              e);
        }
        break;
      case EventKind::phase:
        if (e.phase == Phase::inhale) say("Breathe in.", Urgency::breath, e);
        if (e.phase == Phase::exhale) say("Breathe out.", Urgency::breath, e);
        if (e.phase == Phase::hold_in || e.phase == Phase::hold_out) {
          say("Hold.", Urgency::breath, e);
        }
        break;
      case EventKind::rep:
      case EventKind::turn:
        say(rep_said(e.phase, step), Urgency::rep, e);
        break;
      case EventKind::tick:
        say(number_word(e.value), Urgency::countdown, e);
        break;
      case EventKind::paused:
        say("Paused.", Urgency::control, e);
        break;
      case EventKind::resumed:
        say("Resumed.", Urgency::control, e);
        break;
      case EventKind::hold_changed:
        // + may add less than its 15 s to a beginner's spot (user_limits.hpp).
        if (e.value == 15 || e.value == -15) {
          say(e.value > 0 ? "Fifteen seconds more." : "Fifteen seconds less.", Urgency::control, e);
        } else {
          say(fmt::format("{} seconds {}.", e.value > 0 ? e.value : -e.value,
                          e.value > 0 ? "more" : "less"),
              Urgency::control, e);
        }
        break;
      case EventKind::waiting:
        // Part of the get-ready said just before, so the cue cannot drop it.
        if (!out.empty() && out.back().at == e.at && out.back().urgency == Urgency::cue) {
          out.back().text += " Press space or Enter when you are ready.";
        } else {
          say("Press space or Enter when you are ready.", Urgency::cue, e);
        }
        break;
      case EventKind::climb_ended:
        say("At the top: the climb ends here.", Urgency::control, e);
        break;
      case EventKind::ease_off:
        say(ease_off_said(e.aim), Urgency::safety, e);
        break;
      case EventKind::hold_at_most:
        say(fmt::format("{} seconds is a beginner's most on one spot.", e.value), Urgency::control,
            e);
        break;
      case EventKind::finished:
        say(ending(routine, e),
            e.status == SessionStatus::pain_stop ? Urgency::safety : Urgency::control, e);
        break;
      default:
        break;
    }
  }
  return out;
}

Turn take_turn(bool speaking, Urgency current, const Phrase& next) {
  if (!speaking) return Turn::speak;
  if (next.starts_block) return Turn::cut_and_speak;
  return next.urgency >= current ? Turn::cut_and_speak : Turn::drop;
}

}  // namespace roll
