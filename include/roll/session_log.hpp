#pragma once
// How a running session reports itself to the history. The runner calls begin() before the first
// second, update() at every step boundary and end() once, so a killed process loses at most the
// step in progress. The SQLite store implements this; tests and --no-log use a null or recording
// implementation.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace roll {

// `completed`: the session reached its end with at least kCompletedShare of its planned time on
// the roller done. `partial`: it reached its end with less (steps skipped). Only `completed`
// satisfies `roll due` and keeps a streak.
enum class SessionStatus { running, completed, partial, quit, pain_stop, interrupted, unfinished };

[[nodiscard]] const char* status_name(SessionStatus status);  // "completed", "pain-stop", ...

// roll's own reading, not an article's: "most of the plan" as a number, so that pressing `n`
// through a session is not a session done, while cutting one step short still is.
inline constexpr double kCompletedShare = 0.8;

// How a session came into the history: run at real speed, a sped-up run kept with
// --log-rehearsal (never counts as done), or logged by hand with `roll history add`.
enum class SessionOrigin { live, rehearsal, by_hand };
[[nodiscard]] const char* origin_name(SessionOrigin origin);  // "live", "rehearsal", "by-hand"

struct SkippedStep {
  int step = 0;  // index into the routine's steps
  std::string name;
  int at_seconds = 0;  // routine time when `n` was pressed
};

struct PressureReading {
  int at_seconds = 0;  // routine time
  int value = 0;       // 1-10
  std::string zone;
};

// A hold lengthened (+) or shortened (-) during the session.
struct HoldChange {
  int at_seconds = 0;  // routine time
  int seconds = 0;     // +15, -15, or less when the hold could not be shortened that far
  int step = 0;        // 1-based
  std::string zone;
};

struct SessionProgress {
  std::string routine_name;
  std::string routine_title;
  std::chrono::system_clock::time_point started_at;
  std::chrono::system_clock::time_point ended_at;  // last update
  int planned_seconds = 0;
  int completed_seconds = 0;
  SessionStatus status = SessionStatus::running;
  std::map<std::string, int> zone_seconds;  // canonical zone name -> seconds done
  // The part of each zone's seconds on the roller: steps on_roller() counts (movement such as
  // cat-cow, and snow angels off the roller, are not), one entry for every zone of zone_seconds.
  std::map<std::string, int> roller_seconds;
  std::vector<PressureReading> pressures;
  // Kept in the progress every update() and end() carry; the store records it once wired.
  std::vector<HoldChange> hold_changes;
  SessionOrigin origin = SessionOrigin::live;
  std::vector<SkippedStep> skipped;
  // Set when the session ended in a pain stop: the zone under the roller then ("" if none).
  std::optional<std::string> pain_zone;
};

class SessionLog {
 public:
  virtual ~SessionLog() = default;
  virtual void begin(const SessionProgress& progress) = 0;
  virtual void update(const SessionProgress& progress) = 0;
  virtual void end(const SessionProgress& progress) = 0;
};

class NullSessionLog final : public SessionLog {
 public:
  void begin(const SessionProgress&) override {}
  void update(const SessionProgress&) override {}
  void end(const SessionProgress&) override {}
};

}  // namespace roll
