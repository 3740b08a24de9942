#pragma once
// One history record as one line of NDJSON: what `roll history export` prints, `roll history
// import` reads and `roll sync` appends to a device's journal. Pure: text in, text out.
//
//   {"v":1,"kind":"session","uid":"0190...","device":"0190...","fields":{"routine":"bedtime",...}}
//
// The decoder reads through the core's strict JSON reader (src/core/json_reader.hpp), which takes
// exactly the subset the encoder writes (objects, strings, whole numbers, true, false, null), here
// with at most one nested object; with the line's size bounded too, a damaged or hostile journal
// line is rejected with a reason and never crashes or hangs roll. docs/json.md describes the
// format.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace roll::sync {

// The highest record format ("v") this roll reads. A record is written with the lowest format
// that holds it: 1, except a tombstone that carries a `version` or `restored` (2), which a roll
// that reads only 1 must not skip (it would keep a record deleted that was restored), and a
// session that carries pain (3), which an older roll must not store without it. A line or
// a journal with a higher number is from a newer roll and is refused, never guessed at.
// A prescription (also 3) is a kind a roll that reads only 2 does not know: it stops at the line
// as one from a newer roll rather than reading it as damaged. A PSFS answer (4) is likewise a
// kind a roll that reads only 3 does not know: it needs a format of its own, or an older roll
// would take its line for a damaged one instead of one from a newer roll.
// A tombstone or a clearing that names the device of the record it is about (also 4): a record
// is its device and its uid, and one without the device (1-3) would touch every record of that
// uid. A session zone that carries its roller time (also 4) has a field a roll that reads only 3
// does not know, and would read the line as damaged: the 4 makes it one from a newer roll.
// Format 4 covers all three: none was released apart.
inline constexpr std::int64_t kFormatVersion = 4;
// The journal format version (the header's "roll_journal").
inline constexpr std::int64_t kJournalVersion = 1;
// roll's own bound: a record roll writes is a few hundred bytes; a line this long is not one.
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;

enum class Kind {
  session,
  session_zone,
  pressure,
  skipped_step,
  hold_change,
  pain_stop,
  injury,
  injury_clearing,
  check_in,
  prescription,
  psfs,
  tombstone,
};

[[nodiscard]] std::span<const Kind> all_kinds();
[[nodiscard]] std::string_view kind_name(Kind kind);  // "session_zone"
[[nodiscard]] std::optional<Kind> find_kind(std::string_view name);

// null (only for the fields that allow it), a boolean, a whole number or a string.
using Value = std::variant<std::monostate, bool, std::int64_t, std::string>;

enum class FieldType { text, integer, boolean };

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool nullable = false;
  // The record format that added the field: null, it is left out of a line of an older format,
  // so that a roll that reads only that format reads the line.
  std::int64_t since = 1;
};

// The fields of a kind, in the order they are written.
[[nodiscard]] std::span<const FieldSpec> fields_of(Kind kind);

struct Record {
  Kind kind = Kind::session;
  std::string uid;
  std::string device;
  std::vector<Value> values;  // one per fields_of(kind), in that order

  // A record of `kind` with every field null (set them before encoding).
  [[nodiscard]] static Record make(Kind kind, std::string uid, std::string device);
  Record& set(std::string_view field, Value value);
  [[nodiscard]] const Value& get(std::string_view field) const;
  // The field as its type; throws std::logic_error for a name the kind does not have.
  [[nodiscard]] const std::string& text(std::string_view field) const;
  [[nodiscard]] std::int64_t integer(std::string_view field) const;
  [[nodiscard]] std::optional<std::int64_t> optional_integer(std::string_view field) const;
  [[nodiscard]] bool boolean(std::string_view field) const;
  [[nodiscard]] std::optional<bool> optional_boolean(std::string_view field) const;

  friend bool operator==(const Record&, const Record&) = default;
};

// The "v" a record is written with (see kFormatVersion).
[[nodiscard]] std::int64_t format_of(const Record& record);

// A tombstone's place in the order of the deletions and restorations of its record: its
// `version`, or for a tombstone written before versions (format 1) its `deleted_at`.
[[nodiscard]] std::int64_t tombstone_version(const Record& tombstone);
// Whether a tombstone brings its record back (`restored`) rather than deleting it.
[[nodiscard]] bool tombstone_restores(const Record& tombstone);

// The device of the record that `r` is about or hangs on: a tombstone's `of_device`, a
// clearing's `injury_device`, and for what hangs on a session (made while it ran, by the device
// that ran it) `r`'s own device. "" for a tombstone or clearing from before format 4: every
// record of that uid. Also "" for a kind that names no other record.
[[nodiscard]] std::string reference_device(const Record& r);

// `text` as a JSON string, quotes and escapes included: how a message names text from a file, so
// that a newline or an escape in it can never print as a line or a sequence of its own.
[[nodiscard]] std::string quoted(std::string_view text);

// One line, without the newline. Strings are escaped as JSON needs (quotes, backslashes, control
// characters); bytes that are not UTF-8 become U+FFFD, since JSON cannot carry them.
[[nodiscard]] std::string encode(const Record& record);

struct Decoded {
  std::optional<Record> record;
  std::string error;   // why not, with the column: "column 12: expected ':'"
  bool newer = false;  // "v" is above kFormatVersion: written by a newer roll
};
[[nodiscard]] Decoded decode(std::string_view line);

// The first line of a journal: which format and whose it is, and the ids of the devices whose
// records it also carries: a journal this device wrote before under another id (rewound or
// replaced), or records imported here. The same line may come again later in the journal with
// more ids; from there on the journal speaks for those too.
[[nodiscard]] std::string encode_header(std::string_view device,
                                        const std::vector<std::string>& replaces = {});
// roll's own bound on the ids a header lists.
inline constexpr std::size_t kMaxReplaced = 256;
struct Header {
  std::int64_t version = 0;
  std::string device;
  std::vector<std::string> replaces;
};
// Whether a journal line is a header (line 1, or a later one that lists more ids).
[[nodiscard]] bool is_header_line(std::string_view line);
struct DecodedHeader {
  std::optional<Header> header;  // set also when the version is newer: the caller refuses
  std::string error;
};
[[nodiscard]] DecodedHeader decode_header(std::string_view line);

}  // namespace roll::sync
