#pragma once
// A prescribed month, simulated: docs/examples/thoracic-4-weeks.prescription.toml (Monday 2 to
// Sunday 29 November 2026, Monday to Saturday, twice a day: the mid-back extension at 08:00 and
// the bedtime routine at 21:30, Berlin time, +01:00), and the sessions, pain ratings and PSFS
// answers of a patient who mostly follows it. The adherence tests count it by hand (their
// comments) and the FHIR reader test exports it (tests/tools/prescription_tool.cpp).
//
// Away from the plain days (two completed sessions):
// - Wed 4:  no evening session                                 -> 1 done, 1 missed
// - Tue 10: the evening ends in a pain stop                    -> 1 done, 1 excused
// - Thu 12: the morning session is partial (not completed)     -> 1 done, 1 missed
// - Sun 15: a session on a day not prescribed                  -> 1 extra
// - Wed 18: a third session                                    -> 2 done, 1 extra
// - Fri 20: only a rehearsal (never counts)                    -> 0 done, 2 missed
// - Sat 21: the morning's routine is `lats`, not prescribed; the evening's runs at 01:30 on
//           Sunday, which the day starting at 04:00 gives to Saturday -> 1 done, 1 missed
// - from Wed 25 at 12:00 ("today" in the tests) nothing more is recorded.
// Pain before each counted session: 6 in the first week, 5 in the second, 3 from the 16th; after
// it, one point less. PSFS every Monday: means 3, 3.67, 4.67, 5.67.
#include <chrono>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "roll/history.hpp"
#include "roll/outcomes.hpp"
#include "roll/prescription.hpp"

namespace roll::test::month {

inline constexpr std::chrono::seconds kOffset{3600};
inline constexpr int kDayStart = 4;

// A local time on the patient's clock, as the instant it is.
inline SysSeconds local(unsigned day, int hour, int minute = 0) {
  return utc(2026, 11, day, hour, minute) - kOffset;
}

// Where the suite keeps the example prescription.
inline std::string example_path(const std::string& source_dir) {
  return source_dir + "/docs/examples/thoracic-4-weeks.prescription.toml";
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The example prescription, loaded; throws when it does not load, so no test runs on less.
inline Prescription example_prescription(const std::string& source_dir) {
  auto loaded = load_prescription(read_text(example_path(source_dir)), "p");
  if (!loaded.prescription) throw std::runtime_error("the example prescription does not load");
  return *loaded.prescription;
}

inline SessionRecord session(std::string uid, std::string routine, SysSeconds start,
                             SessionStatus status = SessionStatus::completed,
                             SessionOrigin origin = SessionOrigin::live) {
  SessionRecord r;
  r.uid = std::move(uid);
  r.device = "0190b6a0-0000-7000-8000-00000000d001";
  r.routine_name = routine;
  r.routine_title = routine == "mid-back-extension" ? "Mid-back extension"
                    : routine == "bedtime"          ? "Before bed, every night"
                                                    : "Lat release";
  r.started_at = start;
  r.planned_seconds = routine == "bedtime" ? 6 * 60 : 9 * 60 + 30;
  r.completed_seconds =
      status == SessionStatus::completed ? r.planned_seconds : r.planned_seconds / 3;
  r.ended_at = start + std::chrono::seconds{r.completed_seconds};
  r.status = status;
  r.origin = origin;
  r.utc_offset = kOffset;
  return r;
}

struct Month {
  std::vector<SessionRecord> sessions;
  std::vector<PainStop> pain_stops;
  std::vector<PainRating> pain;
  std::vector<PsfsAnswer> psfs;
};

inline int pain_on(unsigned day) {
  return day < 9 ? 6 : day < 16 ? 5 : 3;
}

inline Month make() {
  Month m;
  auto add = [&](SessionRecord r, bool rated) {
    if (rated) {
      unsigned day = static_cast<unsigned>(std::chrono::year_month_day{
          std::chrono::floor<std::chrono::days>(local_start(r) - std::chrono::hours{kDayStart})}
                                               .day());
      m.pain.push_back(
          {r.started_at, kOffset, pain_on(day), PainMoment::before, r.uid, r.routine_name});
      m.pain.push_back(
          {r.ended_at, kOffset, pain_on(day) - 1, PainMoment::after, r.uid, r.routine_name});
    }
    m.sessions.push_back(std::move(r));
  };
  auto uid = [](unsigned day, const char* part) {
    return "0190b6a0-" + std::to_string(1000 + day) + "-7000-8000-" + part;
  };
  for (unsigned day = 2; day <= 25; ++day) {
    auto weekday = std::chrono::weekday{std::chrono::local_days{
        std::chrono::year{2026} / std::chrono::November / std::chrono::day{day}}};
    if (weekday == std::chrono::Sunday) {
      if (day == 15) add(session(uid(day, "extra"), "mid-back-extension", local(day, 10)), false);
      continue;
    }
    SysSeconds morning = local(day, 8), evening = local(day, 21, 30);
    switch (day) {
      case 4:
        add(session(uid(day, "am"), "mid-back-extension", morning), true);
        break;
      case 10:
        add(session(uid(day, "am"), "mid-back-extension", morning), true);
        add(session(uid(day, "pm"), "bedtime", evening, SessionStatus::pain_stop), false);
        m.pain_stops.push_back({uid(day, "stop"), uid(day, "pm"), evening + std::chrono::minutes{4},
                                kOffset, "thoracic"});
        break;
      case 12:
        add(session(uid(day, "am"), "mid-back-extension", morning, SessionStatus::partial), false);
        add(session(uid(day, "pm"), "bedtime", evening), true);
        break;
      case 18:
        add(session(uid(day, "am"), "mid-back-extension", morning), true);
        add(session(uid(day, "noon"), "bedtime", local(day, 12)), true);
        add(session(uid(day, "pm"), "mid-back-extension", evening), true);
        break;
      case 20:
        add(session(uid(day, "am"), "mid-back-extension", morning, SessionStatus::completed,
                    SessionOrigin::rehearsal),
            false);
        break;
      case 21:
        add(session(uid(day, "am"), "lats", morning), false);
        add(session(uid(day, "pm"), "bedtime", local(22, 1, 30)), true);
        break;
      case 25:
        add(session(uid(day, "am"), "mid-back-extension", morning), true);
        break;
      default:
        add(session(uid(day, "am"), "mid-back-extension", morning), true);
        add(session(uid(day, "pm"), "bedtime", evening), true);
        break;
    }
  }
  auto psfs = [&](unsigned day, int shelf, int desk, int turning) {
    m.psfs.push_back({local(day, 8, 20),
                      kOffset,
                      {{"Reaching up to a high shelf", shelf},
                       {"Sitting at my desk for an hour", desk},
                       {"Turning to look over my shoulder when driving", turning}}});
  };
  psfs(2, 3, 4, 2);
  psfs(9, 4, 4, 3);
  psfs(16, 5, 5, 4);
  psfs(23, 6, 6, 5);
  return m;
}

// "Today" in the tests: Wednesday 25 November at noon, the morning's session done.
inline SysSeconds now() {
  return local(25, 12);
}

}  // namespace roll::test::month
