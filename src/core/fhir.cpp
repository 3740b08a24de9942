#include "roll/fhir.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

#include "json_writer.hpp"

namespace roll {

namespace {

using namespace std::chrono;
using detail::valid_utf8;

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

toml::table coding(std::string_view system, std::string_view code, std::string_view display) {
  return toml::table{{"system", std::string(system)},
                     {"code", std::string(code)},
                     {"display", std::string(display)}};
}

toml::array category(std::string_view code, std::string_view display) {
  return toml::array{
      toml::table{{"coding", toml::array{coding(fhir::kObservationCategory, code, display)}}}};
}

toml::array note(std::string text) {
  return toml::array{toml::table{{"text", valid_utf8(text)}}};
}

// Minutes to one decimal (six seconds), as FHIR's decimal carries them; a session is at most
// kMaxSessionSeconds, so the figure has at most six digits.
double in_minutes(int seconds_done) {
  int bounded = std::clamp(seconds_done, 0, kMaxSessionSeconds);
  return std::round(static_cast<double>(bounded) / 6.0) / 10.0;
}

class Builder {
 public:
  explicit Builder(const FhirInput& input) : in_(input) {}

  toml::table build() {
    add_patient();
    add_prescription();
    for (const auto& r : in_.sessions) add_session(r);
    for (const auto& r : in_.pain) add_pain(r);
    for (const auto& a : in_.psfs) add_psfs(a);
    toml::table bundle{{"resourceType", "Bundle"}, {"type", "collection"}};
    if (auto stamp = fhir_date_time(in_.now, in_.now_offset)) bundle.insert("timestamp", *stamp);
    bundle.insert("entry", std::move(entries_));
    return bundle;
  }

 private:
  const FhirInput& in_;
  toml::array entries_;
  std::set<std::string> ids_;
  std::optional<std::string> patient_;
  std::optional<std::string> care_plan_;

  // A fresh id for `name`: a collision (the same record twice) gets a counter.
  std::string id_for(const std::string& name) {
    std::string id = fhir_uuid(name);
    for (int n = 2; ids_.contains(id); ++n) id = fhir_uuid(fmt::format("{}#{}", name, n));
    ids_.insert(id);
    return id;
  }

  static toml::table reference(const std::string& id) {
    return toml::table{{"reference", fmt::format("urn:uuid:{}", id)}};
  }

  toml::table subject() const {
    if (patient_) return reference(*patient_);
    return toml::table{{"type", "Patient"},
                       {"display", "the patient: roll keeps no identity, the clinic fills it in"}};
  }

  void add(const std::string& id, toml::table resource) {
    resource.insert("id", id);
    entries_.push_back(toml::table{{"fullUrl", fmt::format("urn:uuid:{}", id)},
                                   {"resource", std::move(resource)}});
  }

  void add_patient() {
    const auto& p = in_.patient;
    if (p.name.empty() && p.id.empty()) return;
    std::string id = id_for(fmt::format("patient\n{}\n{}", p.id, p.name));
    toml::table patient{{"resourceType", "Patient"}};
    if (!p.id.empty())
      patient.insert("identifier", toml::array{toml::table{{"value", valid_utf8(p.id)}}});
    if (!p.name.empty())
      patient.insert("name", toml::array{toml::table{{"text", valid_utf8(p.name)}}});
    add(id, std::move(patient));
    patient_ = id;
  }

  void add_prescription() {
    const Prescription* p = in_.prescription;
    if (p == nullptr) return;
    std::string key =
        fmt::format("careplan\n{}\n{}\n{}", fhir_date(p->from), fhir_date(p->until), p->title);
    std::string plan_id = id_for(key);
    care_plan_ = plan_id;
    toml::array goals;
    for (std::size_t i = 0; i < p->goals.size(); ++i) {
      std::string id = id_for(fmt::format("{}\ngoal\n{}\n{}", key, i, p->goals[i]));
      add(id, toml::table{{"resourceType", "Goal"},
                          {"lifecycleStatus", "active"},
                          {"description", toml::table{{"text", valid_utf8(p->goals[i])}}},
                          {"subject", subject()}});
      goals.push_back(reference(id));
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < p->routines.size(); ++i) {
      names.push_back(valid_utf8(i < in_.routine_titles.size() && !in_.routine_titles[i].empty()
                                     ? in_.routine_titles[i]
                                     : p->routines[i].text));
    }
    std::string routines = names.size() == 1
                               ? fmt::format("foam-roller routine: {}", names.front())
                               : fmt::format("foam-roller routines, in turn, one a session: {}",
                                             fmt::join(names, "; "));
    bool ended = in_.today > p->until;
    bool started = in_.today >= p->from;
    toml::table period{{"start", fhir_date(p->from)}, {"end", fhir_date(p->until)}};
    toml::table repeat{{"boundsPeriod", period},
                       {"frequency", p->times_per_day},
                       {"period", 1},
                       {"periodUnit", "d"}};
    if (std::find(p->days.begin(), p->days.end(), false) != p->days.end()) {
      toml::array days;
      for (std::size_t d = 0; d < p->days.size(); ++d)
        if (p->days[d]) days.push_back(std::string(kWeekdayNames[d]));
      repeat.insert("dayOfWeek", std::move(days));
    }
    toml::table detail{
        {"code",
         toml::table{{"coding", toml::array{coding(fhir::kSnomed, fhir::kExerciseTherapyCode,
                                                   fhir::kExerciseTherapyDisplay)}},
                     {"text", routines}}},
        {"status", ended     ? "completed"
                   : started ? "in-progress"
                             : "not-started"},
        {"scheduledTiming", toml::table{{"repeat", std::move(repeat)}}},
        {"description", fmt::format("{}; {} a day; patient level {}", routines, p->times_per_day,
                                    to_string(p->level))}};
    toml::table plan{{"resourceType", "CarePlan"},
                     {"status", ended ? "completed" : "active"},
                     {"intent", "plan"},
                     {"subject", subject()},
                     {"period", period},
                     {"activity", toml::array{toml::table{{"detail", std::move(detail)}}}}};
    if (!p->title.empty()) plan.insert("title", valid_utf8(p->title));
    if (!p->clinician.empty())
      plan.insert("author", toml::table{{"display", valid_utf8(p->clinician)}});
    if (!p->note.empty()) plan.insert("note", note(p->note));
    if (!goals.empty()) plan.insert("goal", std::move(goals));
    add(plan_id, std::move(plan));
  }

  toml::table observation(std::string_view category_code, std::string_view category_display) {
    toml::table o{{"resourceType", "Observation"},
                  {"status", "final"},
                  {"category", category(category_code, category_display)},
                  {"subject", subject()}};
    if (care_plan_) o.insert("basedOn", toml::array{reference(*care_plan_)});
    return o;
  }

  void add_session(const SessionRecord& r) {
    if (r.origin == SessionOrigin::rehearsal) return;
    auto start = fhir_date_time(r.started_at, r.utc_offset);
    if (!start || r.completed_seconds < 0) return;
    toml::table period{{"start", *start}};
    if (r.ended_at >= r.started_at) {
      if (auto end = fhir_date_time(r.ended_at, r.utc_offset)) period.insert("end", *end);
    }
    toml::table o = observation("activity", "Activity");
    o.insert("code",
             toml::table{{"coding", toml::array{coding(fhir::kLoinc, fhir::kExerciseDurationCode,
                                                       fhir::kExerciseDurationDisplay)}},
                         {"text", "foam-roller session: time done"}});
    o.insert("effectivePeriod", std::move(period));
    o.insert("valueQuantity", toml::table{{"value", in_minutes(r.completed_seconds)},
                                          {"unit", "min"},
                                          {"system", std::string(fhir::kUcum)},
                                          {"code", "min"}});
    std::string routine = r.routine_title.empty() || r.routine_title == r.routine_name
                              ? r.routine_name
                              : fmt::format("{} ({})", r.routine_title, r.routine_name);
    // The value stays the session's time done (exercise duration: the movement off the roller
    // is exercise too); the note says how much of it was on the roller, where that is known.
    auto roller = roller_seconds_done(r);
    std::string on_roller = roller ? fmt::format("; {} minutes on the roller", in_minutes(*roller))
                                   : std::string("; time on the roller not recorded");
    o.insert("note",
             note(fmt::format("routine: {}; status: {}; {} of {} planned minutes{}{}", routine,
                              status_name(r.status), in_minutes(r.completed_seconds),
                              in_minutes(r.planned_seconds), on_roller,
                              r.origin == SessionOrigin::by_hand ? "; logged by hand" : "")));
    add(id_for(fmt::format("session\n{}\n{}", r.uid, r.started_at.time_since_epoch().count())),
        std::move(o));
  }

  void add_pain(const PainRating& r) {
    if (r.value < kScaleMin || r.value > kScaleMax) return;
    auto at = fhir_date_time(r.at, r.utc_offset);
    if (!at) return;
    std::string_view when = r.moment == PainMoment::before ? "before" : "after";
    toml::table o = observation("survey", "Survey");
    o.insert("code",
             toml::table{
                 {"coding", toml::array{coding(fhir::kLoinc, fhir::kPainCode, fhir::kPainDisplay)}},
                 {"text", fmt::format("pain {} a foam-roller session (0-10)", when)}});
    o.insert("effectiveDateTime", *at);
    o.insert("valueInteger", r.value);
    std::string about = fmt::format("asked {} the session", when);
    if (!r.routine_name.empty()) about += fmt::format(" (routine: {})", r.routine_name);
    o.insert("note", note(about));
    add(id_for(fmt::format("pain\n{}\n{}\n{}\n{}", r.session_uid, when,
                           r.at.time_since_epoch().count(), r.value)),
        std::move(o));
  }

  void add_psfs(const PsfsAnswer& a) {
    if (!valid_psfs(a)) return;
    auto at = fhir_date_time(a.at, a.utc_offset);
    if (!at) return;
    std::string key = fmt::format("psfs\n{}", a.at.time_since_epoch().count());
    toml::array members;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      const PsfsItem& item = a.items[i];
      toml::table o = observation("survey", "Survey");
      o.insert("code",
               toml::table{{"text", valid_utf8(fmt::format("Patient-Specific Functional Scale: {}",
                                                           item.activity))}});
      o.insert("effectiveDateTime", *at);
      o.insert("valueInteger", item.score);
      o.insert("note", note("0 = unable to perform the activity, 10 = able to perform it at the "
                            "level before the problem"));
      std::string id = id_for(fmt::format("{}\n{}\n{}", key, i, item.activity));
      members.push_back(reference(id));
      add(id, std::move(o));
    }
    Mean mean = psfs_mean(a);
    toml::table o = observation("survey", "Survey");
    o.insert("code", toml::table{{"text", fmt::format("Patient-Specific Functional Scale: mean "
                                                      "of {} activit{}",
                                                      mean.count, mean.count == 1 ? "y" : "ies")}});
    o.insert("effectiveDateTime", *at);
    o.insert("valueQuantity", toml::table{{"value", std::round(mean.value() * 100.0) / 100.0},
                                          {"unit", "{score}"},
                                          {"system", std::string(fhir::kUcum)},
                                          {"code", "{score}"}});
    o.insert("hasMember", std::move(members));
    add(id_for(key + "\nmean"), std::move(o));
  }
};

}  // namespace

std::optional<std::string> fhir_date_time(SysSeconds at, std::chrono::seconds offset) {
  using namespace std::chrono;
  // FHIR's dateTime takes offsets to 14:00 either way (the zones in use); the history allows
  // up to 18 h, so a record beyond 14 h makes no time here.
  constexpr auto kFhirMaxOffset = hours{14};
  if (offset > kFhirMaxOffset || offset < -kFhirMaxOffset) return std::nullopt;
  // FHIR's offsets are whole minutes; the local time is read with the same offset it shows.
  auto offset_minutes = duration_cast<minutes>(offset);
  if (!valid_unix_seconds(at.time_since_epoch().count())) return std::nullopt;
  LocalSeconds local{(at + offset_minutes).time_since_epoch()};
  auto day = floor<days>(local);
  year_month_day ymd{day};
  int y = static_cast<int>(ymd.year());
  if (y < 1970 || y > 9999) return std::nullopt;
  hh_mm_ss<seconds> time{local - day};
  long long off = offset_minutes.count();
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", y,
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(), sign,
                     off / 60, off % 60);
}

std::string fhir_date(LocalDays day) {
  using namespace std::chrono;
  year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

bool is_roll_fhir_bundle(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  constexpr std::string_view end = "\"type\" : \"collection\"\n}";
  constexpr std::string_view kind = "\n    \"resourceType\" : \"Bundle\",\n";
  // The resource type, the timestamp and the type close the bundle: well within this.
  constexpr std::size_t tail_bytes = 160;
  if (!text.starts_with("{\n    \"entry\" : [") || !text.ends_with(end)) return false;
  auto tail = text.substr(text.size() > tail_bytes ? text.size() - tail_bytes : 0);
  return tail.find(kind) != std::string_view::npos;
}

std::string fhir_uuid(std::string_view name) {
  // Two 64-bit FNV-1a hashes from different starting points: not cryptographic, only distinct
  // for distinct records, which is all an id in one bundle needs.
  std::uint64_t high = fnv1a(name, 0xcbf29ce484222325ULL);
  std::uint64_t low = fnv1a(name, fnv1a("roll fhir", 0x84222325cbf29ce4ULL));
  high = (high & ~0xF000ULL) | 0x8000ULL;          // version 8
  low = (low & ~(0x3ULL << 62)) | (0x2ULL << 62);  // the RFC 9562 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                     high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFFULL);
}

std::string fhir_bundle(const FhirInput& input) {
  // FHIR reads a decimal's digits as its precision: 3.2 minutes, not 3.2000000000000002. Every
  // float here is rounded to one or two decimals and below 10^5, so six digits hold it whole.
  return detail::write_json(Builder(input).build(), detail::JsonLayout::indented,
                            detail::JsonFloats::six_digits);
}

}  // namespace roll
