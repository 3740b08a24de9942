#pragma once
// Fakes for driving whole sessions in microseconds: a clock that only moves when told, keys
// pressed at chosen clock times, and a screen that records everything it is shown.
#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <vector>

#include "roll/clock.hpp"
#include "roll/routine.hpp"
#include "roll/runner.hpp"
#include "roll/screen.hpp"
#include "roll/session_log.hpp"

namespace roll::test {

class FakeClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::milliseconds now() const override { return now_; }
  void set(std::chrono::milliseconds t) { now_ = std::max(now_, t); }
  void advance(std::chrono::milliseconds d) { now_ += d; }

 private:
  std::chrono::milliseconds now_{0};
};

class RecordingScreen final : public Screen {
 public:
  explicit RecordingScreen(std::optional<Millis> redraw = std::nullopt) : redraw_(redraw) {}
  void show(const std::vector<Event>& shown, const SessionView& view) override {
    events.insert(events.end(), shown.begin(), shown.end());
    views.push_back(view);
  }
  [[nodiscard]] std::optional<Millis> redraw_every() const override { return redraw_; }

  [[nodiscard]] std::vector<Event> of(EventKind kind) const {
    std::vector<Event> out;
    std::copy_if(events.begin(), events.end(), std::back_inserter(out),
                 [kind](const Event& e) { return e.kind == kind; });
    return out;
  }

  std::vector<Event> events;
  std::vector<SessionView> views;

 private:
  std::optional<Millis> redraw_;
};

// Input delivered when the fake clock reaches a given time; the clock jumps straight to each
// deadline, so waiting costs nothing.
class ScriptedKeys final : public Keys {
 public:
  explicit ScriptedKeys(FakeClock& clock) : clock_(clock) {}

  ScriptedKeys& key(Millis at, char key) {
    script_.push_back({at, Input{Input::Kind::key, key, 0}});
    return *this;
  }
  ScriptedKeys& signal(Millis at, Input::Kind kind, int signal = 0) {
    script_.push_back({at, Input{kind, 0, signal}});
    return *this;
  }

  Input wait(std::optional<Millis> deadline) override {
    ++waits;
    if (!script_.empty() && (!deadline || script_.front().first <= *deadline)) {
      auto [at, input] = script_.front();
      script_.pop_front();
      clock_.set(at);
      return input;
    }
    if (deadline) {
      clock_.set(*deadline);
      return Input{};
    }
    // Nothing scheduled and nothing will ever happen: a test bug; end rather than hang.
    ++stalls;
    return Input{Input::Kind::interrupt, 0, -1};
  }
  void suspend() override { ++suspends; }

  int waits = 0;
  int stalls = 0;
  int suspends = 0;

 private:
  FakeClock& clock_;
  std::deque<std::pair<Millis, Input>> script_;
};

class RecordingLog final : public SessionLog {
 public:
  void begin(const SessionProgress& p) override { calls.push_back({'b', p}); }
  void update(const SessionProgress& p) override { calls.push_back({'u', p}); }
  void end(const SessionProgress& p) override { calls.push_back({'e', p}); }
  struct Call {
    char kind;
    SessionProgress progress;
  };
  std::vector<Call> calls;
};

// The sample routine the session, runner and voice tests share.
// Timeline (get-ready 5 s before a step, 3 s before a move or side switch):
//   0 get ready A | 5 A pos 1 (2 breaths of 4+6) | 25 move | 28 A pos 2 | 48 get ready B
//  53 B left (3 reps of 4 s) | 65 switch | 68 B right | 80 get ready C | 85 C (30 s) | 115 end
inline Routine sample_routine() {
  Routine r;
  r.name = "sample";
  r.title = "Sample";
  Step a;
  a.name = "Extension";
  a.kind = StepKind::hold;
  a.zone = Zone::thoracic;
  a.unit = TimingUnit::breaths;
  a.count = 2;
  a.positions = 2;
  a.move = Move::up;  // a climb, as the first article's extension
  Step b;
  b.name = "Lat roll";
  b.kind = StepKind::roll;
  b.zone = Zone::lats;
  b.side = Side::both;
  b.unit = TimingUnit::reps;
  b.count = 3;
  Step c;
  c.name = "Cat-cow";
  c.kind = StepKind::movement;
  c.zone = Zone::full_body;
  c.unit = TimingUnit::seconds;
  c.count = 30;
  r.steps = {a, b, c};
  return r;
}

// One 60 s hold on `zone`: what the injury and gate tests press.
inline Routine routine_pressing(Zone zone) {
  Routine r;
  r.name = "test";
  Step s;
  s.name = "press";
  s.kind = StepKind::hold;
  s.zone = zone;
  s.count = 60;
  r.steps.push_back(s);
  return r;
}

}  // namespace roll::test
