#pragma once
// A clinician's prescription (docs/prescriptions.md): which routines, on which days and how often,
// from and until which date, for a patient of which level, with the patient's goals and a note.
// A TOML file that begins `prescription = 1`, read by the one guarded TOML reader like routines
// and the profile: every problem is a Diagnostic with its line:col. No I/O: the caller reads the
// file and resolves the routines it names (prescription_lint.hpp).
#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/routine.hpp"

namespace roll {

// The format version a prescription's first key gives.
inline constexpr int kPrescriptionFormat = 1;
// The Patient-Specific Functional Scale asks about up to five activities (Stratford et al. 1995).
inline constexpr std::size_t kMaxGoals = 5;
// The second article: "aim for 10-15 minutes, 1-4 times per day". More is the
// `prescription-frequency` error; the loader itself reads up to kMaxTimesPerDayRead.
inline constexpr int kMaxTimesPerDay = 4;
// roll's own bound for what the loader reads at all: a day has 24 hours.
inline constexpr int kMaxTimesPerDayRead = 24;
// roll's own bound: no routine list of a real prescription comes near it.
inline constexpr std::size_t kMaxPrescribedRoutines = 16;
// The clinician's note; the same bound as a routine's summary.
inline constexpr std::size_t kMaxNoteChars = 4096;

// Monday = 0 .. Sunday = 6, as the reminders count (reminder.hpp).
inline constexpr std::array<std::string_view, 7> kWeekdayNames{"mon", "tue", "wed", "thu",
                                                               "fri", "sat", "sun"};
// 0 = Monday .. 6 = Sunday.
[[nodiscard]] int weekday_index(std::chrono::local_days day);

// One routine a prescription names: a routine's name (bundled, or the user's own, as `roll
// session NAME` finds it) or the name of a routine file in the prescription's own folder.
struct PrescribedRoutineRef {
  std::string text;  // as written
  bool is_file = false;
  SourceRange where;
};

struct Prescription {
  int format = kPrescriptionFormat;
  std::string title;      // optional
  std::string clinician;  // optional: "Dr. Ana Moreno"
  Level level = Level::beginner;
  std::vector<PrescribedRoutineRef> routines;                          // at least one
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday first
  int times_per_day = 1;
  std::chrono::local_days from{};
  std::chrono::local_days until{};
  std::vector<std::string> goals;  // PSFS activities, at most kMaxGoals
  std::string note;                // optional, from the clinician
  // Where each top-level key sits ("times_per_day", "until", "routines.0", ...).
  SourceMap source;

  [[nodiscard]] bool prescribed_weekday(std::chrono::local_days day) const;
  // A day of the prescription's dates whose weekday it names.
  [[nodiscard]] bool prescribed_on(std::chrono::local_days day) const;
};

struct PrescriptionResult {
  std::optional<Prescription> prescription;  // set when there is no error
  std::vector<Diagnostic> diagnostics;       // sorted by position
};

// `file` labels the diagnostics. Never throws. Key problems are rule `prescription-schema`, TOML
// problems `syntax`; what the schedule means (more than 4 a day, an end before the start) is left
// to lint_prescription().
[[nodiscard]] PrescriptionResult load_prescription(std::string_view text, std::string_view file);

// Whether the text is a prescription rather than a routine: its first key, past comments and
// blank lines, is `prescription`. What `roll lint` and `roll list` tell the two kinds of file by.
[[nodiscard]] bool is_prescription_text(std::string_view text);

}  // namespace roll
