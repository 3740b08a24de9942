#include "roll/record_checks.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <vector>

#include "roll/history.hpp"
#include "roll/limits.hpp"
#include "roll/prescription.hpp"
#include "roll/session_log.hpp"
#include "roll/utf8.hpp"
#include "roll/zone.hpp"

namespace roll::sync {

namespace {

// What a field must hold. Null passes for a field the kind allows to be null.
enum class Check {
  id,              // a record's uid (a session's, an injury's)
  name,            // a routine's name or title, a step's name
  note,            // free text
  time,            // Unix seconds in 1970-9999, not ahead of the clock by more than the slack
  offset,          // seconds east of UTC, within 18 h
  seconds,         // a duration within a session: 0 to kMaxSessionSeconds
  signed_seconds,  // a change of a duration: either way, as far as a session lasts
  step,            // a step of a routine, counted from 0
  pressure,        // 1-10
  rating,          // 0-10, how the back feels (10 fine)
  pain,            // 0-10, pain (0 none, 10 the worst imaginable)
  zone,            // a zone by its canonical name
  zone_or_none,    // the same, or "" (no zone was under the roller)
  status,          // a session's status as the journal writes it
  origin,          // live, rehearsal, by-hand
  deletable,       // the kind a tombstone deletes
  day,             // YYYY-MM-DD, a day that has come somewhere on Earth
  version,         // a tombstone's version: ordered like a time, so bounded like one
  date,            // YYYY-MM-DD in 1970-9999, past or to come (a prescription's days)
  prescription,    // a prescription file's text: bounded, and one that loads without an error
  activity,        // a PSFS activity: named, bounded, one line of printable text
  psfs_score,      // 0-10, a PSFS activity's score (0 unable, 10 as before the problem)
  any,             // true or false
};

struct FieldRule {
  Kind kind;
  std::string_view field;
  Check check;
};

// One row per field of every kind (fields_of() in sync_record.cpp): a field added there needs its
// row here, which a unit test checks.
constexpr std::array kRules{
    FieldRule{Kind::session, "routine", Check::name},
    FieldRule{Kind::session, "title", Check::name},
    FieldRule{Kind::session, "started_at", Check::time},
    FieldRule{Kind::session, "ended_at", Check::time},
    FieldRule{Kind::session, "planned_seconds", Check::seconds},
    FieldRule{Kind::session, "completed_seconds", Check::seconds},
    FieldRule{Kind::session, "status", Check::status},
    FieldRule{Kind::session, "origin", Check::origin},
    FieldRule{Kind::session, "utc_offset", Check::offset},
    FieldRule{Kind::session, "rating_before", Check::rating},
    FieldRule{Kind::session, "rating_after", Check::rating},
    FieldRule{Kind::session, "pain_before", Check::pain},
    FieldRule{Kind::session, "pain_after", Check::pain},
    FieldRule{Kind::session_zone, "session", Check::id},
    FieldRule{Kind::session_zone, "zone", Check::zone},
    FieldRule{Kind::session_zone, "seconds", Check::seconds},
    FieldRule{Kind::session_zone, "roller_seconds", Check::seconds},
    FieldRule{Kind::pressure, "session", Check::id},
    FieldRule{Kind::pressure, "at_seconds", Check::seconds},
    FieldRule{Kind::pressure, "value", Check::pressure},
    FieldRule{Kind::pressure, "zone", Check::zone},
    FieldRule{Kind::skipped_step, "session", Check::id},
    FieldRule{Kind::skipped_step, "step", Check::step},
    FieldRule{Kind::skipped_step, "name", Check::name},
    FieldRule{Kind::skipped_step, "at_seconds", Check::seconds},
    FieldRule{Kind::hold_change, "session", Check::id},
    FieldRule{Kind::hold_change, "step", Check::step},
    FieldRule{Kind::hold_change, "at_seconds", Check::seconds},
    FieldRule{Kind::hold_change, "delta_seconds", Check::signed_seconds},
    FieldRule{Kind::pain_stop, "session", Check::id},
    FieldRule{Kind::pain_stop, "at", Check::time},
    FieldRule{Kind::pain_stop, "utc_offset", Check::offset},
    FieldRule{Kind::pain_stop, "zone", Check::zone_or_none},
    FieldRule{Kind::injury, "zone", Check::zone},
    FieldRule{Kind::injury, "at", Check::time},
    FieldRule{Kind::injury, "note", Check::note},
    FieldRule{Kind::injury, "cleared", Check::any},
    FieldRule{Kind::injury_clearing, "injury", Check::id},
    FieldRule{Kind::injury_clearing, "at", Check::time},
    FieldRule{Kind::injury_clearing, "injury_device", Check::id},
    FieldRule{Kind::check_in, "day", Check::day},
    FieldRule{Kind::check_in, "answer", Check::any},
    FieldRule{Kind::check_in, "at", Check::time},
    FieldRule{Kind::prescription, "name", Check::name},
    FieldRule{Kind::prescription, "text", Check::prescription},
    FieldRule{Kind::prescription, "from", Check::date},
    FieldRule{Kind::prescription, "until", Check::date},
    FieldRule{Kind::prescription, "added_at", Check::time},
    FieldRule{Kind::prescription, "ended_at", Check::time},
    FieldRule{Kind::psfs, "at", Check::time},
    FieldRule{Kind::psfs, "utc_offset", Check::offset},
    FieldRule{Kind::psfs, "activity_1", Check::activity},
    FieldRule{Kind::psfs, "score_1", Check::psfs_score},
    FieldRule{Kind::psfs, "activity_2", Check::activity},
    FieldRule{Kind::psfs, "score_2", Check::psfs_score},
    FieldRule{Kind::psfs, "activity_3", Check::activity},
    FieldRule{Kind::psfs, "score_3", Check::psfs_score},
    FieldRule{Kind::psfs, "activity_4", Check::activity},
    FieldRule{Kind::psfs, "score_4", Check::psfs_score},
    FieldRule{Kind::psfs, "activity_5", Check::activity},
    FieldRule{Kind::psfs, "score_5", Check::psfs_score},
    FieldRule{Kind::tombstone, "of", Check::deletable},
    FieldRule{Kind::tombstone, "deleted_at", Check::time},
    FieldRule{Kind::tombstone, "version", Check::version},
    FieldRule{Kind::tombstone, "restored", Check::any},
    FieldRule{Kind::tombstone, "of_device", Check::id},
};

// What changes as roll writes a record: a session while it runs and its ratings and pain
// afterwards, the seconds on a zone, an injury being cleared, and a tombstone's deletions and
// restorations.
constexpr std::string_view kSessionMutable[] = {
    "ended_at",      "planned_seconds", "completed_seconds", "status",
    "rating_before", "rating_after",    "pain_before",       "pain_after"};
constexpr std::string_view kZoneMutable[] = {"seconds", "roller_seconds"};
constexpr std::string_view kInjuryMutable[] = {"cleared"};
constexpr std::string_view kPrescriptionMutable[] = {"ended_at"};
constexpr std::string_view kTombstoneMutable[] = {"deleted_at", "version", "restored"};

constexpr std::string_view kStatuses[] = {"running", "completed",   "partial",
                                          "quit",    "interrupted", "pain-stop"};
constexpr std::string_view kOrigins[] = {"live", "rehearsal", "by-hand"};

// A value as a message shows it: text quoted and escaped, and cut short (at a character) when
// long, so that a message stays one short line whatever a record holds.
std::string show(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "null";
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (auto* i = std::get_if<std::int64_t>(&v)) return fmt::format("{}", *i);
  const auto& text = std::get<std::string>(v);
  constexpr std::size_t kShown = 60;
  if (text.size() <= kShown) return quoted(text);
  std::size_t cut = 0;
  while (cut < kShown) {
    auto len = utf8::decode(text, cut).length;
    if (len == 0 || cut + len > kShown) break;
    cut += len;
  }
  return quoted(std::string_view(text).substr(0, cut)) + "...";
}

// An id a record refers to: printable ASCII without quotes, backslashes or slashes, at most 64
// characters, as the ids of the records themselves (sync_record.cpp).
bool plain_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '/') return false;
  }
  return true;
}

std::string choices(std::span<const std::string_view> names) {
  std::string out;
  for (auto n : names) out += fmt::format("{}{}", out.empty() ? "" : ", ", n);
  return out;
}

bool one_of(std::string_view s, std::span<const std::string_view> names) {
  for (auto n : names)
    if (n == s) return true;
  return false;
}

bool canonical_zone(std::string_view s) {
  auto z = find_zone(s);
  return z && zone_name(*z) == s;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto len = utf8::decode(s, i).length;
    i += len > 0 ? len : 1;
    ++n;
  }
  return n;
}

std::string utc(std::int64_t t) {
  return format_utc(SysSeconds{std::chrono::seconds{t}});
}

}  // namespace

std::string psfs_activity_problem(std::string_view text) {
  if (text.find_first_not_of(' ') == std::string_view::npos) return "is not an activity (empty)";
  if (code_points(text) > kMaxPsfsActivityChars)
    return fmt::format("is longer than {} characters", kMaxPsfsActivityChars);
  for (std::size_t i = 0; i < text.size();) {
    auto d = utf8::decode(text, i);
    if (d.length == 0) return "is not UTF-8";
    // One line of printable text: no control characters (C0, DEL, C1), which a terminal would act
    // on, and no line or paragraph separators.
    char32_t c = d.code;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029)
      return "holds a control character (an activity is one line of printable text)";
    i += d.length;
  }
  return "";
}

namespace {

// Why `v` fails `check`, or "" when it passes.
std::string field_problem(Check check, const Value& v, std::int64_t now) {
  auto* i = std::get_if<std::int64_t>(&v);
  auto* s = std::get_if<std::string>(&v);
  auto in = [&](std::int64_t lo, std::int64_t hi) { return i && *i >= lo && *i <= hi; };
  auto time_problem = [&](const char* what) -> std::string {
    if (!i || !valid_unix_seconds(*i)) return fmt::format("is not {} in 1970-9999", what);
    if (*i > now + kClockSlackSeconds) {
      return fmt::format("({}) is ahead of this device's clock ({}) by more than {} minutes",
                         utc(*i), utc(now), kClockSlackSeconds / 60);
    }
    return "";
  };
  switch (check) {
    case Check::id:
      return s && plain_id(*s) ? "" : "is not an id (printable ASCII, 1-64 characters)";
    case Check::name:
      return s && code_points(*s) <= kMaxNameChars
                 ? ""
                 : fmt::format("is longer than {} characters", kMaxNameChars);
    case Check::note:
      return s && code_points(*s) <= kMaxNoteChars
                 ? ""
                 : fmt::format("is longer than {} characters", kMaxNoteChars);
    case Check::time:
      return time_problem("a time");
    case Check::version:
      // A version is the time of the deletion or restoration, or one more than the version it
      // follows: at most as far ahead as a time may be, so no device can make one that a later
      // restoration cannot pass.
      if (i && *i >= 1) return time_problem("a version (a time)");
      return "is not a version (a whole number from 1)";
    case Check::offset:
      return in(-kMaxUtcOffset.count(), kMaxUtcOffset.count())
                 ? ""
                 : "is not a UTC offset (seconds within 18 hours of UTC)";
    case Check::seconds:
      return in(0, kMaxSessionSeconds)
                 ? ""
                 : fmt::format("is not between 0 and {} seconds (a week)", kMaxSessionSeconds);
    case Check::signed_seconds:
      return in(-kMaxSessionSeconds, kMaxSessionSeconds)
                 ? ""
                 : fmt::format("is not within {} seconds (a week) either way", kMaxSessionSeconds);
    case Check::step:
      return in(0, static_cast<std::int64_t>(limits::max_steps) - 1)
                 ? ""
                 : fmt::format("is not a step of a routine (0 to {})", limits::max_steps - 1);
    case Check::pressure:
      return in(1, 10) ? "" : "is not a pressure of 1-10";
    case Check::rating:
      return in(0, 10) ? "" : "is not a rating of 0-10";
    case Check::pain:
      return in(0, 10) ? "" : "is not a pain rating of 0-10 (0 no pain, 10 the worst imaginable)";
    case Check::zone:
      return s && canonical_zone(*s) ? "" : "is not a zone roll knows";
    case Check::zone_or_none:
      return s && (s->empty() || canonical_zone(*s)) ? "" : "is not a zone roll knows";
    case Check::status:
      return s && one_of(*s, kStatuses) ? "" : fmt::format("is not one of {}", choices(kStatuses));
    case Check::origin:
      return s && one_of(*s, kOrigins) ? "" : fmt::format("is not one of {}", choices(kOrigins));
    case Check::deletable: {
      auto k = s ? find_kind(*s) : std::nullopt;
      return k && *k != Kind::tombstone ? "" : "is not a kind of record roll deletes";
    }
    case Check::day: {
      auto d = s ? parse_day(*s) : std::nullopt;
      if (!d) return "is not a date (YYYY-MM-DD in 1970-9999)";
      auto today_east = (now + kLatestZoneSeconds) / 86400;
      if (*d > today_east) return "is a day that has not come yet anywhere";
      return "";
    }
    case Check::date:
      return s && parse_day(*s) ? "" : "is not a date (YYYY-MM-DD in 1970-9999)";
    case Check::prescription: {
      if (!s || s->size() > kMaxPrescriptionBytes)
        return fmt::format("is not a prescription's text of at most {} bytes",
                           kMaxPrescriptionBytes);
      auto loaded = load_prescription(*s, "prescription");
      if (!loaded.prescription) {
        return loaded.diagnostics.empty() ? "is not a prescription"
                                          : fmt::format("is not a prescription roll reads ({})",
                                                        loaded.diagnostics.front().message);
      }
      return "";
    }
    case Check::activity:
      return s && psfs_activity_problem(*s).empty() ? "" : psfs_activity_problem(s ? *s : "");
    case Check::psfs_score:
      return in(0, 10) ? "" : "is not a PSFS score of 0-10 (0 unable, 10 as before the problem)";
    case Check::any:
      return "";
  }
  return "";
}

// What a record must be as a whole, beyond each field on its own.
std::optional<RecordProblem> whole_record_problem(const Record& r) {
  if (r.kind == Kind::session) {
    if (r.integer("ended_at") < r.integer("started_at")) {
      return RecordProblem{"ended_at",
                           fmt::format("\"ended_at\" ({}) is before \"started_at\" ({})",
                                       utc(r.integer("ended_at")), utc(r.integer("started_at")))};
    }
    if (r.integer("completed_seconds") > r.integer("planned_seconds")) {
      return RecordProblem{
          "completed_seconds",
          fmt::format("\"completed_seconds\" {} is more than \"planned_seconds\" {} (the plan, as "
                      "+ and - changed it)",
                      r.integer("completed_seconds"), r.integer("planned_seconds"))};
    }
  }
  if (r.kind == Kind::psfs) {
    // Activity and score in pairs, from the first, with no gap and no activity twice.
    bool ended = false;
    std::vector<std::string_view> seen;
    for (std::size_t i = 1; i <= kPsfsMaxActivities; ++i) {
      std::string activity = fmt::format("activity_{}", i);
      std::string score = fmt::format("score_{}", i);
      bool has_activity = !std::holds_alternative<std::monostate>(r.get(activity));
      bool has_score = !std::holds_alternative<std::monostate>(r.get(score));
      if (has_activity != has_score) {
        return RecordProblem{has_activity ? score : activity,
                             fmt::format("\"{}\" and \"{}\" come together: an activity and its "
                                         "score",
                                         activity, score)};
      }
      if (!has_activity) {
        ended = true;
        continue;
      }
      if (ended) {
        return RecordProblem{activity, fmt::format("\"{}\" follows an activity left out: the "
                                                   "activities come first to last, with no gap",
                                                   activity)};
      }
      const std::string& text = r.text(activity);
      for (auto other : seen) {
        if (other == text) {
          return RecordProblem{activity, fmt::format("\"{}\" names an activity twice", activity)};
        }
      }
      seen.push_back(text);
    }
  }
  if (r.kind == Kind::session_zone) {
    if (auto roller = r.optional_integer("roller_seconds");
        roller && *roller > r.integer("seconds")) {
      return RecordProblem{
          "roller_seconds",
          fmt::format("\"roller_seconds\" {} is more than the zone's \"seconds\" {} (the time "
                      "on the roller is a part of the time on the zone)",
                      *roller, r.integer("seconds"))};
    }
  }
  if (r.kind == Kind::prescription) {
    auto loaded = load_prescription(r.text("text"), "prescription");
    if (loaded.prescription) {
      auto day = [](LocalDays d) { return format_date(d); };
      if (day(loaded.prescription->from) != r.text("from") ||
          day(loaded.prescription->until) != r.text("until")) {
        return RecordProblem{
            "from", fmt::format("\"from\" and \"until\" ({} to {}) are not the "
                                "days its text prescribes ({} to {})",
                                r.text("from"), r.text("until"), day(loaded.prescription->from),
                                day(loaded.prescription->until))};
      }
    }
    if (auto end = r.optional_integer("ended_at"); end && *end < r.integer("added_at")) {
      return RecordProblem{"ended_at", fmt::format("\"ended_at\" ({}) is before \"added_at\" ({})",
                                                   utc(*end), utc(r.integer("added_at")))};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  int index = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4 || i == 7) {
      ++index;
      continue;
    }
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    parts[index] = parts[index] * 10 + (text[i] - '0');
  }
  std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                  std::chrono::month{static_cast<unsigned>(parts[1])},
                                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok() || parts[0] < 1970) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::optional<RecordProblem> check_record(const Record& r, std::int64_t now) {
  auto specs = fields_of(r.kind);
  for (const auto& rule : kRules) {
    if (rule.kind != r.kind) continue;
    const Value& v = r.get(rule.field);
    if (std::holds_alternative<std::monostate>(v)) {
      bool nullable = false;
      for (const auto& spec : specs)
        if (spec.name == rule.field) nullable = spec.nullable;
      if (nullable) continue;
    }
    auto why = field_problem(rule.check, v, now);
    if (!why.empty()) {
      return RecordProblem{std::string(rule.field),
                           fmt::format("\"{}\" {} {}", rule.field, show(v), why)};
    }
  }
  return whole_record_problem(r);
}

std::span<const std::string_view> mutable_fields(Kind kind) {
  switch (kind) {
    case Kind::session:
      return kSessionMutable;
    case Kind::session_zone:
      return kZoneMutable;
    case Kind::injury:
      return kInjuryMutable;
    case Kind::prescription:
      return kPrescriptionMutable;
    case Kind::tombstone:
      return kTombstoneMutable;
    default:
      return {};
  }
}

// "a session", "an injury".
std::string a_kind(Kind kind) {
  auto name = kind_name(kind);
  return fmt::format("{} {}", name.front() == 'i' ? "an" : "a", name);
}

std::string never_changing_differences(const Record& held, const Record& incoming) {
  std::string out;
  if (held.kind != incoming.kind) return out;
  auto may_change = mutable_fields(held.kind);
  auto specs = fields_of(held.kind);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (one_of(specs[i].name, may_change) || held.values[i] == incoming.values[i]) continue;
    out += fmt::format("{}{} was {}", out.empty() ? "" : ", ", specs[i].name, show(held.values[i]));
  }
  return out;
}

std::optional<std::string> check_update(const Record& held, const Record& incoming) {
  if (held.kind != incoming.kind) {
    return fmt::format("it was {} and cannot become {}", a_kind(held.kind), a_kind(incoming.kind));
  }
  if (held.kind != Kind::tombstone && held.device != incoming.device) {
    return fmt::format("its device ({}) cannot change (it was made by {})", quoted(incoming.device),
                       quoted(held.device));
  }
  auto may_change = mutable_fields(held.kind);
  auto specs = fields_of(held.kind);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (one_of(specs[i].name, may_change)) continue;
    if (held.values[i] != incoming.values[i]) {
      return fmt::format("{}'s \"{}\" cannot change (it was {}, now {})", a_kind(held.kind),
                         specs[i].name, show(held.values[i]), show(incoming.values[i]));
    }
  }
  if (held.kind == Kind::prescription) {
    auto was = held.optional_integer("ended_at");
    auto now = incoming.optional_integer("ended_at");
    if (was && (!now || *now > *was)) {
      return fmt::format("a prescription once ended stays ended (it ended at {})", utc(*was));
    }
  }
  if (held.kind == Kind::session_zone && held.optional_integer("roller_seconds") &&
      !incoming.optional_integer("roller_seconds")) {
    return fmt::format(
        "a session zone's \"roller_seconds\" once recorded stays recorded (it was "
        "{})",
        *held.optional_integer("roller_seconds"));
  }
  if (held.kind == Kind::session) {
    const auto& was = held.text("status");
    const auto& now = incoming.text("status");
    if (was != "running" && now != "running" && was != now) {
      return fmt::format("a session's status is final once it has ended (it was {}, now {})",
                         quoted(was), quoted(now));
    }
    for (const char* rating : {"rating_before", "rating_after", "pain_before", "pain_after"}) {
      auto a = held.optional_integer(rating);
      auto b = incoming.optional_integer(rating);
      if (a && b && *a != *b) {
        return fmt::format("a session's \"{}\" does not change once given (it was {}, now {})",
                           rating, *a, *b);
      }
    }
  }
  return std::nullopt;
}

}  // namespace roll::sync
