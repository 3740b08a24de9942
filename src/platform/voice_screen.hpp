#pragma once
// The voice: speaks over any screen, through a Speaker (screens.hpp).
#include <optional>
#include <vector>

#include "platform/screens.hpp"
#include "roll/routine.hpp"
#include "roll/screen.hpp"
#include "roll/voice.hpp"

namespace roll::platform {

// Speaks over any screen: the phrases of roll/voice.hpp, each cutting or dropped, never queued.
class VoiceScreen final : public Screen {
 public:
  VoiceScreen(Screen& inner, const Routine& routine, Speaker& speaker)
      : inner_(inner), routine_(routine), speaker_(speaker) {}
  void show(const std::vector<Event>& events, const SessionView& view) override;
  [[nodiscard]] std::optional<Millis> redraw_every() const override {
    return inner_.redraw_every();
  }
  [[nodiscard]] bool closed() const override { return inner_.closed(); }
  // Still saying the get-ready's words (its cue, or what comes next).
  [[nodiscard]] bool holds_get_ready() override;
  void repaint() override { inner_.repaint(); }

 private:
  Screen& inner_;
  const Routine& routine_;
  Speaker& speaker_;
  Urgency current_ = Urgency::breath;
};

}  // namespace roll::platform
