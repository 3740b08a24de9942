#include "platform/voice_screen.hpp"

namespace roll::platform {

void VoiceScreen::show(const std::vector<Event>& events, const SessionView& view) {
  inner_.show(events, view);
  for (const auto& phrase : phrases_for(routine_, events)) {
    switch (take_turn(speaker_.speaking(), current_, phrase)) {
      case Turn::drop:
        continue;
      case Turn::cut_and_speak:
        speaker_.stop();
        break;
      case Turn::speak:
        break;
    }
    speaker_.say(phrase);
    current_ = phrase.urgency;
  }
}

bool VoiceScreen::holds_get_ready() {
  return current_ == Urgency::cue && speaker_.speaking();
}

}  // namespace roll::platform
