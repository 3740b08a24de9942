#include "cli/prescription_follow.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/wall_clock.hpp"
#include "roll/pain.hpp"
#include "roll/plural.hpp"
#include "roll/today.hpp"

namespace roll::cli {

std::optional<PrescriptionToday> follow_active_prescription(
    platform::HistoryStore& store, const Profile& profile, const DueToday& due,
    const std::vector<Routine>* routines, SysSeconds now, LocalSeconds local_now) {
  auto stored = store.active_prescription();
  if (!stored) return std::nullopt;
  // Checked at the door (record_checks.cpp): a text that does not load was not stored by roll.
  auto loaded = load_prescription(stored->text, stored->name);
  if (!loaded.prescription) return std::nullopt;
  std::vector<Injury> injuries = store.injuries(false);
  std::vector<Injury> all_injuries = store.injuries(true);
  // The routines bare `roll` tells to pause, as today's facts find them.
  std::vector<std::string> paused = routines_to_pause(recent_sessions(store, now));
  PrescriptionInput in;
  in.prescription = &*loaded.prescription;
  in.profile = &profile;
  in.routines = routines;
  in.due = &due;
  in.open_injuries = &injuries;
  in.all_injuries = &all_injuries;
  in.paused_routines = &paused;
  in.now = now;
  in.local_now = local_now;
  return follow_prescription(store, in);
}

std::optional<PrescribedLevel> recent_prescribed_level(platform::HistoryStore& store,
                                                       int day_start_hour, LocalDays today) {
  auto stored = store.prescriptions();
  for (auto it = stored.rbegin(); it != stored.rend(); ++it) {
    // Checked at the door (record_checks.cpp): a text that does not load was not stored by roll.
    auto loaded = load_prescription(it->text, it->name);
    if (!loaded.prescription) continue;
    PrescribedLevel p{loaded.prescription->level, loaded.prescription->clinician,
                      loaded.prescription->until};
    if (it->ended_at) {
      p.last_day =
          std::min(p.last_day, roll_day(platform::to_local(*it->ended_at), day_start_hour));
    }
    if (today <= p.last_day + std::chrono::days{kStepUpAsksClinicianDays}) return p;
  }
  return std::nullopt;
}

std::string adherence_words(const AdherenceCount& c) {
  auto percent = c.percent();
  if (!percent) return "nothing prescribed has come yet";
  std::string out =
      fmt::format("{} of {} prescribed sessions ({}%)", c.done, c.expected(), *percent);
  if (c.excused > 0) out += fmt::format(", {} excused for safety", c.excused);
  return out;
}

std::string prescribed_today_words(const PrescriptionToday& p) {
  const PrescriptionDay& d = p.day;
  if (!p.running()) return "";
  if (d.excused) {
    return fmt::format("today is excused ({}): it counts neither done nor missed",
                       excuse_words(*d.excused));
  }
  if (!d.prescribed) {
    return d.next ? fmt::format("no session prescribed today (next: {})",
                                day_words(*d.next, p.today, true))
                  : std::string("no session prescribed today");
  }
  return fmt::format("{} of {} prescribed sessions done today",
                     std::min(d.done, d.prescribed_sessions), d.prescribed_sessions);
}

namespace {

toml::table count_json(const AdherenceCount& c) {
  toml::table t{{"prescribed", c.prescribed},    {"done", c.done},
                {"excused", c.excused},          {"missed", c.missed},
                {"pending", c.pending},          {"extra", c.extra},
                {"excused_days", c.excused_days}};
  if (auto pct = c.percent()) t.insert("percent", *pct);
  return t;
}

const char* phase_name(PrescriptionPhase phase) {
  switch (phase) {
    case PrescriptionPhase::not_started:
      return "not-started";
    case PrescriptionPhase::running:
      return "running";
    case PrescriptionPhase::ended:
      return "ended";
  }
  return "running";
}

}  // namespace

toml::table prescription_json(const PrescriptionToday& p) {
  const PrescriptionDay& d = p.day;
  toml::table today{{"prescribed", d.prescribed},
                    {"sessions", d.prescribed_sessions},
                    {"done", d.done},
                    {"remaining", d.remaining}};
  if (d.excused) today.insert("excused", std::string(excuse_name(*d.excused)));
  if (!d.routine.empty() && d.due) today.insert("routine", d.routine);
  if (d.next) today.insert("next", format_date(*d.next));
  toml::array weeks;
  for (const auto& w : p.adherence.weeks) {
    toml::table week = count_json(w.count);
    week.insert("week_start", format_date(w.week_start));
    weeks.push_back(std::move(week));
  }
  toml::table adherence = count_json(p.adherence.total);
  adherence.insert("weeks", std::move(weeks));
  return toml::table{{"title", p.prescription.title},
                     {"clinician", p.prescription.clinician},
                     {"from", format_date(p.prescription.from)},
                     {"until", format_date(p.prescription.until)},
                     {"times_per_day", p.prescription.times_per_day},
                     {"phase", phase_name(d.phase)},
                     {"words", p.words},
                     {"today", std::move(today)},
                     {"adherence", std::move(adherence)}};
}

}  // namespace roll::cli
