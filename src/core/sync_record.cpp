#include "roll/sync_record.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "json_reader.hpp"
#include "roll/utf8.hpp"

namespace roll::sync {

namespace {

using F = FieldSpec;
using T = FieldType;

constexpr std::array kKinds{
    Kind::session,     Kind::session_zone, Kind::pressure, Kind::skipped_step,
    Kind::hold_change, Kind::pain_stop,    Kind::injury,   Kind::injury_clearing,
    Kind::check_in,    Kind::prescription, Kind::psfs,     Kind::tombstone};

constexpr std::array<std::pair<Kind, std::string_view>, 12> kKindNames{{
    {Kind::session, "session"},
    {Kind::session_zone, "session_zone"},
    {Kind::pressure, "pressure"},
    {Kind::skipped_step, "skipped_step"},
    {Kind::hold_change, "hold_change"},
    {Kind::pain_stop, "pain_stop"},
    {Kind::injury, "injury"},
    {Kind::injury_clearing, "injury_clearing"},
    {Kind::check_in, "check_in"},
    {Kind::prescription, "prescription"},
    {Kind::psfs, "psfs"},
    {Kind::tombstone, "tombstone"},
}};

// Times are Unix seconds and utc_offset seconds east of UTC: whole numbers round-trip exactly.
constexpr F kSession[] = {{"routine", T::text},
                          {"title", T::text},
                          {"started_at", T::integer},
                          {"ended_at", T::integer},
                          {"planned_seconds", T::integer},
                          {"completed_seconds", T::integer},
                          {"status", T::text},
                          {"origin", T::text},
                          {"utc_offset", T::integer, true},
                          {"rating_before", T::integer, true},
                          {"rating_after", T::integer, true},
                          {"pain_before", T::integer, true, 3},
                          {"pain_after", T::integer, true, 3}};
// `roller_seconds`: the part of `seconds` on the roller; null (left out) where not recorded.
constexpr F kZone[] = {{"session", T::text},
                       {"zone", T::text},
                       {"seconds", T::integer},
                       {"roller_seconds", T::integer, true, 4}};
constexpr F kPressure[] = {
    {"session", T::text}, {"at_seconds", T::integer}, {"value", T::integer}, {"zone", T::text}};
constexpr F kSkipped[] = {
    {"session", T::text}, {"step", T::integer}, {"name", T::text}, {"at_seconds", T::integer}};
constexpr F kHold[] = {{"session", T::text},
                       {"step", T::integer},
                       {"at_seconds", T::integer},
                       {"delta_seconds", T::integer}};
constexpr F kPainStop[] = {
    {"session", T::text}, {"at", T::integer}, {"utc_offset", T::integer}, {"zone", T::text}};
constexpr F kInjury[] = {
    {"zone", T::text}, {"at", T::integer}, {"note", T::text}, {"cleared", T::boolean}};
// A clearing names its injury by uid and, from format 4, by the device that made it
// (`injury_device`): a record is its device and its uid. A clearing without it (format 1-3, from
// before) names every injury of that uid, as it did then, when uids were one record's each.
constexpr F kClearing[] = {
    {"injury", T::text}, {"at", T::integer}, {"injury_device", T::text, true, 4}};
constexpr F kCheckIn[] = {{"day", T::text}, {"answer", T::boolean}, {"at", T::integer, true}};
// The active prescription (docs/prescriptions.md): the file's text as added, its name, its first
// and last day (as the text says: the validator checks they agree), when it was added and when
// `roll prescription end` ended it (null while it runs).
constexpr F kPrescription[] = {{"name", T::text},        {"text", T::text},
                               {"from", T::text},        {"until", T::text},
                               {"added_at", T::integer}, {"ended_at", T::integer, true}};
// One answer to the weekly Patient-Specific Functional Scale question (outcomes.hpp): when, at
// which offset, and up to five activities each rated 0-10, the first always there, the rest null
// from the first one left out (flat fields: a record holds no arrays).
constexpr F kPsfs[] = {{"at", T::integer},
                       {"utc_offset", T::integer},
                       {"activity_1", T::text},
                       {"score_1", T::integer},
                       {"activity_2", T::text, true},
                       {"score_2", T::integer, true},
                       {"activity_3", T::text, true},
                       {"score_3", T::integer, true},
                       {"activity_4", T::text, true},
                       {"score_4", T::integer, true},
                       {"activity_5", T::text, true},
                       {"score_5", T::integer, true}};
// The uid of a tombstone is the uid of the record it deletes; `of` is that record's kind. Its
// `version` orders the deletions and restorations of that record (null: format 1, where
// `deleted_at` is the version); `restored` true brings the record back; `of_device` (format 4)
// is the device that made the record: a record is its device, its uid and its kind. A tombstone
// without it (format 1-3, from before) is one of every record of that uid and kind, as it was
// then.
constexpr F kTombstone[] = {{"of", T::text},
                            {"deleted_at", T::integer},
                            {"version", T::integer, true, 2},
                            {"restored", T::boolean, true, 2},
                            {"of_device", T::text, true, 4}};

// roll's own bounds, far above anything it writes: an object in an object, 64 members each.
constexpr json::Limits kRecordLimits{2, 64};
constexpr std::size_t kMaxIdBytes = 64;

// ---- writing ----

void write_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c == '\n') {
      out += "\\n";
      ++i;
    } else if (c == '\t') {
      out += "\\t";
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", c);
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else if (std::size_t n = utf8::decode(s, i).length; n > 0) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    }
  }
  out += '"';
}

void write_value(std::string& out, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "null";
  } else if (auto* b = std::get_if<bool>(&v)) {
    out += *b ? "true" : "false";
  } else if (auto* i = std::get_if<std::int64_t>(&v)) {
    out += fmt::format("{}", *i);
  } else {
    write_string(out, std::get<std::string>(v));
  }
}

// ---- reading ----

using json::find;
using json::Member;
using json::Object;

std::string_view type_name(FieldType t) {
  switch (t) {
    case T::text:
      return "a string";
    case T::integer:
      return "a whole number";
    case T::boolean:
      return "true or false";
  }
  return "";
}

bool has_type(const Value& v, FieldType t) {
  switch (t) {
    case T::text:
      return std::holds_alternative<std::string>(v);
    case T::integer:
      return std::holds_alternative<std::int64_t>(v);
    case T::boolean:
      return std::holds_alternative<bool>(v);
  }
  return false;
}

// Ids are printable ASCII without quotes or backslashes (a UUID in practice): they become file
// names and SQL keys, never options or escapes.
bool plain_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes) return false;
  for (char c : id) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '/') return false;
  }
  return true;
}

std::optional<std::string> id_member(const Object& o, std::string_view key, std::string& error) {
  const Member* m = find(o, key);
  if (m == nullptr) {
    error = fmt::format("no \"{}\"", key);
    return std::nullopt;
  }
  auto* s = m->is_object ? nullptr : std::get_if<std::string>(&m->value);
  if (s == nullptr || !plain_id(*s)) {
    error = fmt::format("\"{}\" must be an id (printable ASCII, 1-64 characters)", key);
    return std::nullopt;
  }
  return *s;
}

std::optional<std::int64_t> version_member(const Object& o, std::string_view key,
                                           std::string& error) {
  const Member* m = find(o, key);
  auto* v = m == nullptr || m->is_object ? nullptr : std::get_if<std::int64_t>(&m->value);
  if (v == nullptr || *v < 1) {
    error = fmt::format("\"{}\" must be a format version (a whole number from 1)", key);
    return std::nullopt;
  }
  return *v;
}

std::optional<Object> parse(std::string_view line, std::string& error) {
  if (line.size() > kMaxLineBytes) {
    error =
        fmt::format("a line of {} bytes (roll's records are under {})", line.size(), kMaxLineBytes);
    return std::nullopt;
  }
  auto parsed = json::parse_object(line, kRecordLimits);
  if (!parsed.object) error = std::move(parsed.error);
  return std::move(parsed.object);
}

// The N of a line that starts `{"v":N`, spaces allowed, whatever follows.
std::optional<std::int64_t> leading_version(std::string_view line) {
  std::size_t i = 0;
  auto space = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  auto word = [&](std::string_view w) {
    space();
    if (line.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };
  if (!word("{") || !word("\"v\"") || !word(":")) return std::nullopt;
  space();
  std::int64_t v = 0;
  std::size_t start = i;
  while (i < line.size() && i - start < 9 && line[i] >= '0' && line[i] <= '9')
    v = v * 10 + (line[i++] - '0');
  if (i == start || (i < line.size() && line[i] >= '0' && line[i] <= '9')) return std::nullopt;
  return v;
}

}  // namespace

std::span<const Kind> all_kinds() {
  return kKinds;
}

std::string_view kind_name(Kind kind) {
  for (auto [k, name] : kKindNames)
    if (k == kind) return name;
  return "?";
}

std::optional<Kind> find_kind(std::string_view name) {
  for (auto [k, n] : kKindNames)
    if (n == name) return k;
  return std::nullopt;
}

std::span<const FieldSpec> fields_of(Kind kind) {
  switch (kind) {
    case Kind::session:
      return kSession;
    case Kind::session_zone:
      return kZone;
    case Kind::pressure:
      return kPressure;
    case Kind::skipped_step:
      return kSkipped;
    case Kind::hold_change:
      return kHold;
    case Kind::pain_stop:
      return kPainStop;
    case Kind::injury:
      return kInjury;
    case Kind::injury_clearing:
      return kClearing;
    case Kind::check_in:
      return kCheckIn;
    case Kind::prescription:
      return kPrescription;
    case Kind::psfs:
      return kPsfs;
    case Kind::tombstone:
      return kTombstone;
  }
  return {};
}

namespace {
std::size_t index_of(Kind kind, std::string_view field) {
  auto specs = fields_of(kind);
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == field) return i;
  throw std::logic_error(fmt::format("a {} has no field {}", kind_name(kind), field));
}
}  // namespace

Record Record::make(Kind kind, std::string uid, std::string device) {
  Record r;
  r.kind = kind;
  r.uid = std::move(uid);
  r.device = std::move(device);
  r.values.resize(fields_of(kind).size());
  return r;
}

Record& Record::set(std::string_view field, Value value) {
  values.at(index_of(kind, field)) = std::move(value);
  return *this;
}

const Value& Record::get(std::string_view field) const {
  return values.at(index_of(kind, field));
}

const std::string& Record::text(std::string_view field) const {
  static const std::string kEmpty;
  auto* s = std::get_if<std::string>(&get(field));
  return s ? *s : kEmpty;
}

std::int64_t Record::integer(std::string_view field) const {
  auto* i = std::get_if<std::int64_t>(&get(field));
  return i ? *i : 0;
}

std::optional<std::int64_t> Record::optional_integer(std::string_view field) const {
  auto* i = std::get_if<std::int64_t>(&get(field));
  return i ? std::optional<std::int64_t>(*i) : std::nullopt;
}

bool Record::boolean(std::string_view field) const {
  auto* b = std::get_if<bool>(&get(field));
  return b != nullptr && *b;
}

std::optional<bool> Record::optional_boolean(std::string_view field) const {
  auto* b = std::get_if<bool>(&get(field));
  return b ? std::optional<bool>(*b) : std::nullopt;
}

std::int64_t format_of(const Record& r) {
  if (r.kind == Kind::psfs) return 4;
  if (r.kind == Kind::tombstone && r.get("of_device") != Value{}) return 4;
  if (r.kind == Kind::injury_clearing && r.get("injury_device") != Value{}) return 4;
  // A zone's roller time (format 4) is left out where not recorded, so that line stays format
  // 1. A roll that reads only 3 takes an unknown field for damage; the 4 has it stop at the line
  // as one from a newer roll instead.
  if (r.kind == Kind::session_zone && r.optional_integer("roller_seconds")) return 4;
  if (r.kind == Kind::prescription) return 3;
  if (r.kind == Kind::tombstone &&
      (r.optional_integer("version") || r.optional_boolean("restored"))) {
    return 2;
  }
  // Pain (format 3) is left out of a line without it, so an older roll still reads the session.
  if (r.kind == Kind::session &&
      (r.optional_integer("pain_before") || r.optional_integer("pain_after"))) {
    return 3;
  }
  return 1;
}

std::int64_t tombstone_version(const Record& r) {
  return r.optional_integer("version").value_or(r.integer("deleted_at"));
}

std::string reference_device(const Record& r) {
  switch (r.kind) {
    case Kind::tombstone:
    case Kind::injury_clearing: {
      auto* d = std::get_if<std::string>(
          &r.get(r.kind == Kind::tombstone ? "of_device" : "injury_device"));
      return d ? *d : std::string();
    }
    case Kind::session_zone:
    case Kind::pressure:
    case Kind::skipped_step:
    case Kind::hold_change:
    case Kind::pain_stop:
      return r.device;
    default:
      return {};
  }
}

bool tombstone_restores(const Record& r) {
  return r.boolean("restored");
}

std::string quoted(std::string_view text) {
  std::string out;
  write_string(out, text);
  return out;
}

std::string encode(const Record& r) {
  std::string out;
  out.reserve(256);
  out += fmt::format("{{\"v\":{},\"kind\":", format_of(r));
  write_string(out, kind_name(r.kind));
  out += ",\"uid\":";
  write_string(out, r.uid);
  out += ",\"device\":";
  write_string(out, r.device);
  out += ",\"fields\":{";
  auto specs = fields_of(r.kind);
  auto format = format_of(r);
  bool first = true;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const Value& v = i < r.values.size() ? r.values[i] : Value{};
    if (specs[i].since > format && std::holds_alternative<std::monostate>(v)) continue;
    if (!first) out += ',';
    first = false;
    write_string(out, specs[i].name);
    out += ':';
    write_value(out, v);
  }
  out += "}}";
  return out;
}

Decoded decode(std::string_view line) {
  Decoded d;
  auto top = parse(line, d.error);
  if (!top) {
    // A newer roll may write JSON this parser does not take (arrays, fractions): its version,
    // written first, still says that it is newer rather than damaged.
    if (auto v = leading_version(line); v && *v > kFormatVersion) {
      d.newer = true;
      d.error = fmt::format("record format {} is newer than this roll reads ({}); upgrade roll", *v,
                            kFormatVersion);
    }
    return d;
  }
  for (const auto& m : *top) {
    if (m.key != "v" && m.key != "kind" && m.key != "uid" && m.key != "device" &&
        m.key != "fields") {
      d.error = fmt::format("unknown member {}", quoted(m.key));
      return d;
    }
  }
  auto version = version_member(*top, "v", d.error);
  if (!version) return d;
  if (*version > kFormatVersion) {
    d.newer = true;
    d.error = fmt::format("record format {} is newer than this roll reads ({}); upgrade roll",
                          *version, kFormatVersion);
    return d;
  }
  const Member* kind_m = find(*top, "kind");
  auto* kind_s = kind_m && !kind_m->is_object ? std::get_if<std::string>(&kind_m->value) : nullptr;
  if (kind_s == nullptr) {
    d.error = "no \"kind\" string";
    return d;
  }
  auto kind = find_kind(*kind_s);
  if (!kind) {
    d.error = fmt::format("unknown kind {}", quoted(*kind_s));
    return d;
  }
  auto uid = id_member(*top, "uid", d.error);
  if (!uid) return d;
  auto device = id_member(*top, "device", d.error);
  if (!device) return d;
  const Member* fields = find(*top, "fields");
  if (fields == nullptr || !fields->is_object) {
    d.error = "no \"fields\" object";
    return d;
  }
  Record r = Record::make(*kind, std::move(*uid), std::move(*device));
  auto specs = fields_of(*kind);
  for (const auto& m : fields->object) {
    std::size_t i = 0;
    while (i < specs.size() && specs[i].name != m.key) ++i;
    if (i == specs.size()) {
      d.error = fmt::format("a {} has no field {}", kind_name(*kind), quoted(m.key));
      return d;
    }
    if (m.is_object) {
      d.error = fmt::format("field \"{}\" must be {}", m.key, type_name(specs[i].type));
      return d;
    }
    bool null = std::holds_alternative<std::monostate>(m.value);
    if (null ? !specs[i].nullable : !has_type(m.value, specs[i].type)) {
      d.error = fmt::format("field \"{}\" must be {}{}", m.key, type_name(specs[i].type),
                            specs[i].nullable ? " or null" : "");
      return d;
    }
    r.values[i] = m.value;
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (!specs[i].nullable && find(fields->object, specs[i].name) == nullptr) {
      d.error = fmt::format("a {} needs the field \"{}\"", kind_name(*kind), specs[i].name);
      return d;
    }
  }
  d.record = std::move(r);
  return d;
}

std::string encode_header(std::string_view device, const std::vector<std::string>& replaces) {
  std::string out = fmt::format("{{\"roll_journal\":{},\"device\":", kJournalVersion);
  write_string(out, device);
  if (!replaces.empty()) {
    std::string ids;
    for (const auto& id : replaces) {
      if (!ids.empty()) ids += ' ';
      ids += id;
    }
    out += ",\"replaces\":";
    write_string(out, ids);
  }
  out += '}';
  return out;
}

bool is_header_line(std::string_view line) {
  return line.find("\"roll_journal\"") != std::string_view::npos;
}

DecodedHeader decode_header(std::string_view line) {
  DecodedHeader d;
  auto top = parse(line, d.error);
  if (!top) {
    d.error = "not a journal header: " + d.error;
    return d;
  }
  auto version = version_member(*top, "roll_journal", d.error);
  if (!version) {
    d.error = "not a journal header: " + d.error;
    return d;
  }
  auto device = id_member(*top, "device", d.error);
  if (!device) {
    d.error = "not a journal header: " + d.error;
    return d;
  }
  Header h{*version, std::move(*device), {}};
  if (const Member* r = find(*top, "replaces")) {
    auto* text = r->is_object ? nullptr : std::get_if<std::string>(&r->value);
    if (text == nullptr) {
      d.error = "not a journal header: \"replaces\" must be a string of device ids";
      return d;
    }
    std::string_view rest(*text);
    while (!rest.empty()) {
      auto space = rest.find(' ');
      auto id = rest.substr(0, space);
      if (!id.empty()) {
        if (!plain_id(id) || h.replaces.size() >= kMaxReplaced) {
          d.error = fmt::format(
              "not a journal header: \"replaces\" must list at most {} device ids, separated by "
              "spaces",
              kMaxReplaced);
          return d;
        }
        h.replaces.emplace_back(id);
      }
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
  }
  d.header = std::move(h);
  return d;
}

}  // namespace roll::sync
