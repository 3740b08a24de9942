#pragma once
// What a history record may hold, checked before it is stored, by the one validator that
// `roll history add`, `roll history import` and `roll sync` share: times in 1970-9999 and not
// ahead of the receiving clock by more than a few minutes, completed time within the plan,
// pressures 1-10, dates that have come, offsets within 18 h, known kinds, zones, statuses and
// origins, and text of a bounded length. The rules are a table, one row per field, so that a
// field added to a kind is one row more. Pure: the receiving device's "now" is passed in.
//
// And what an update may change: a record is what it was made as (a session's start, routine
// and device, an injury's zone and time); only the fields of mutable_fields() may change, and
// those only the way roll changes them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "roll/limits.hpp"
#include "roll/outcomes.hpp"
#include "roll/sync_record.hpp"

namespace roll::sync {

// roll's own allowance for clocks that disagree: a record up to five minutes ahead of the
// receiving device's clock is another device's clock running fast, not a record from the future.
inline constexpr std::int64_t kClockSlackSeconds = 300;
// The most any clock on Earth is ahead of UTC (Kiribati, UTC+14): the latest date "today" can be
// anywhere, for a check-in's day.
inline constexpr std::int64_t kLatestZoneSeconds = 14 * 3600;
// roll's own bounds on free text in a record, in code points: a routine's name or title or a
// step's name as the routine loader bounds them, and a note.
inline constexpr std::size_t kMaxNameChars = 200;
inline constexpr std::size_t kMaxNoteChars = 4096;
// roll's own bound on a prescription's text in a record, in bytes: a real one is one or two
// kilobytes; this keeps its line well within kMaxLineBytes however it is escaped (6 bytes each).
inline constexpr std::size_t kMaxPrescriptionBytes = 8 * 1024;

// A PSFS activity's text, in code points: a short phrase ("reaching the top shelf"), one line,
// bounded as a prescription's goals are (roll's own bound, limits.hpp), so every goal fits. An
// answer holds at most kPsfsMaxActivities (outcomes.hpp).
inline constexpr std::size_t kMaxPsfsActivityChars = limits::max_short_string_chars;

// Why `text` is not a PSFS activity a record may hold (empty, longer than kMaxPsfsActivityChars,
// not UTF-8, or holding a control character), or "" when it is one. The question and `roll psfs`
// check what is typed by it before it is stored.
[[nodiscard]] std::string psfs_activity_problem(std::string_view text);

struct RecordProblem {
  std::string field;    // the field at fault, or "" for the record as a whole
  std::string message;  // "\"ended_at\" 9223372036854775807 is not a time in 1970-9999"
};

// Why `record` cannot be stored on a device whose clock reads `now` (Unix seconds), or nothing.
[[nodiscard]] std::optional<RecordProblem> check_record(const Record& record, std::int64_t now);

// The fields an update of a record of `kind` may change. The device and every other field are
// what the record is and never change (a tombstone's device is who deleted or restored it last,
// so it changes with its version).
[[nodiscard]] std::span<const std::string_view> mutable_fields(Kind kind);

// Why `incoming` cannot be a version of `held` (the same uid): a field outside mutable_fields()
// differs, or a mutable one changed a way roll never changes it (a session's final status, a
// rating once given, an injury cleared). Nothing when it can.
[[nodiscard]] std::optional<std::string> check_update(const Record& held, const Record& incoming);

// The fields that never change in which `incoming` differs from `held`, with held's values:
// "zone was \"calves\"" (empty when none differs).
[[nodiscard]] std::string never_changing_differences(const Record& held, const Record& incoming);

// "2026-11-23" as days since 1970-01-01, when it is a real date in 1970-9999.
[[nodiscard]] std::optional<std::int64_t> parse_day(std::string_view text);

}  // namespace roll::sync
