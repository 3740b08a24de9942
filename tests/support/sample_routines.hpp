#pragma once
// Routines and text checks several test files share, in process and as child processes.
#include <string>

namespace roll::test {

// Loads and lints clean: a mid-back hold and a minute of movement.
inline const std::string kFineRoutine = R"(schema = 1
name = "ok"
title = "Fine"

[[step]]
name = "Mid-back hold"
zone = "mid-back"
seconds = 30

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 60
)";

// A user's routine, "evening": two positions of a mid-back hold, then a minute of movement.
inline const std::string kEveningRoutine = R"(schema = 1
name = "evening"
title = "My evening routine"

[[step]]
name = "Mid-back hold"
zone = "mid-back"
seconds = 60
positions = 2

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 60
)";

// A short routine pressing the thoracic zone: about 0.1 s at --speed 1000 (the gates' tests).
inline const std::string kShortThoracic = R"(schema = 1
name = "short"
title = "Short check"

[[step]]
name = "Extension"
zone = "thoracic"
breaths = 2
positions = 2
cue = "Lean back over the roller and breathe out."

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 30
)";

// Three steps, 95 s (the session tests' routine; its timeline below):
// 0 ready | 5 Extension pos 1 | 25 move | 28 pos 2 | 48 ready | 53 Lat roll left | 65 switch
// 68 right | 80 ready | 85 Cat-cow | 95 end
inline const std::string kThreeSteps = R"(schema = 1
name = "short"
title = "Short check"

[[step]]
name = "Extension"
zone = "thoracic"
breaths = 2
positions = 2
move = "up"
cue = "Lean back over the roller and breathe out."

[[step]]
name = "Lat roll"
kind = "roll"
zone = "lats"
side = "both"
reps = 3

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 10
)";

// A byte a terminal would obey: a control other than newline and carriage return, or DEL.
inline bool has_raw_escape(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7f) return true;
  }
  return false;
}

}  // namespace roll::test
