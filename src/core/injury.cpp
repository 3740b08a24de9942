#include "roll/injury.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace roll {

using namespace std::chrono;

namespace {

// Pairs of zones that load each other through shared muscle and fascia. The lumbar-glutes pair is
// the first article's thoracolumbar fascia; the rest follow the same idea along the chain.
constexpr std::array<std::pair<Zone, Zone>, 21> kNeighbours{{
    {Zone::lumbar, Zone::glutes},   {Zone::lumbar, Zone::hips},
    {Zone::lumbar, Zone::thoracic}, {Zone::thoracic, Zone::rhomboids},
    {Zone::thoracic, Zone::lats},   {Zone::thoracic, Zone::traps},
    {Zone::neck, Zone::thoracic},  // the upper thoracic rolls move the neck with them
    {Zone::neck, Zone::traps},      {Zone::neck, Zone::shoulders},
    {Zone::shoulders, Zone::traps}, {Zone::shoulders, Zone::lats},
    {Zone::shoulders, Zone::chest}, {Zone::shoulders, Zone::rhomboids},
    {Zone::glutes, Zone::hips},     {Zone::glutes, Zone::hamstrings},
    {Zone::hips, Zone::it_band},    {Zone::hips, Zone::quads},
    {Zone::knee, Zone::quads},      {Zone::knee, Zone::hamstrings},
    {Zone::knee, Zone::calves},     {Zone::ankle, Zone::calves},
}};

}  // namespace

bool guards(Zone injured, Zone pressed) {
  if (injured == pressed || injured == Zone::full_body || pressed == Zone::full_body) return true;
  return std::any_of(kNeighbours.begin(), kNeighbours.end(), [&](const auto& p) {
    return (p.first == injured && p.second == pressed) ||
           (p.second == injured && p.first == pressed);
  });
}

namespace {

seconds clamped_since(const Injury& injury, sys_seconds now) {
  // An injury entered for the future (clock skew, a typo) guards as if it were fresh.
  return std::max(seconds{0}, now - injury.at);
}

Guard window_at(seconds since, hours ask_until) {
  if (since < kInjuryRefuseWindow) return Guard::refuse;
  if (since < ask_until) return Guard::ask;
  return Guard::ask_to_clear;
}

seconds remaining_at(seconds since, hours ask_until) {
  if (since < kInjuryRefuseWindow) return kInjuryRefuseWindow - since;
  if (since < ask_until) return ask_until - since;
  return seconds{0};
}

}  // namespace

Guard injury_window(const Injury& injury, sys_seconds now) {
  if (injury.cleared) return Guard::none;
  return window_at(clamped_since(injury, now), kInjuryConfirmWindow);
}

seconds injury_window_remaining(const Injury& injury, sys_seconds now) {
  if (injury.cleared) return seconds{0};
  return remaining_at(clamped_since(injury, now), kInjuryConfirmWindow);
}

long long hours_ceil(seconds s) {
  return s.count() <= 0 ? 0 : (s.count() + 3599) / 3600;
}

std::vector<InjuryFinding> injury_findings(const Routine& routine,
                                           const std::vector<Injury>& injuries, sys_seconds now) {
  hours ask_until =
      std::max<hours>(kInjuryConfirmWindow, hours{routine.resume_after_injury_hours.value_or(0)});
  std::vector<InjuryFinding> found;
  for (const auto& injury : injuries) {
    if (injury.cleared) continue;
    // A roller along the spine presses the thoracic spine whatever zone it names.
    const Step* met = nullptr;
    Zone pressed = Zone::full_body;
    for (const auto& step : routine.steps) {
      for (Zone zone : pressed_zones(step)) {
        if (!guards(injury.zone, zone)) continue;
        met = &step;
        pressed = zone;
        break;
      }
      if (met) break;  // every step meets the same injury in the same window: the first names it
    }
    if (met) {
      seconds since = clamped_since(injury, now);
      found.push_back(InjuryFinding{window_at(since, ask_until), &injury, pressed, met->name, since,
                                    remaining_at(since, ask_until)});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const InjuryFinding& a, const InjuryFinding& b) {
    if (a.guard != b.guard) return a.guard > b.guard;
    return a.remaining > b.remaining;
  });
  return found;
}

InjuryFinding check_injuries(const Routine& routine, const std::vector<Injury>& injuries,
                             sys_seconds now) {
  auto found = injury_findings(routine, injuries, now);
  return found.empty() ? InjuryFinding{} : found.front();
}

GateStep gate_step(Guard guard, bool can_ask) {
  switch (guard) {
    case Guard::none:
      return GateStep::run;
    case Guard::refuse:
      return GateStep::refuse;
    case Guard::ask:
    case Guard::ask_to_clear:
      break;
  }
  return can_ask ? GateStep::ask : GateStep::refuse;
}

GateOutcome gate_outcome(Guard guard, std::optional<bool> subsided) {
  if (guard == Guard::none) return GateOutcome::run;
  if (guard == Guard::refuse || !subsided || !*subsided) return GateOutcome::refuse;
  return guard == Guard::ask_to_clear ? GateOutcome::run_and_clear : GateOutcome::run;
}

Injury check_in_injury(Zone zone, sys_seconds at) {
  Injury injury;
  injury.zone = zone;
  injury.at = at;
  injury.note = std::string(kCheckInNote);
  return injury;
}

const Injury* recorded_by_check_in(const std::vector<Injury>& injuries, Zone zone,
                                   sys_seconds now) {
  for (const Injury& i : injuries) {
    if (i.cleared || i.zone != zone || i.note != kCheckInNote) continue;
    if (i.at <= now && now - i.at < kInjuryConfirmWindow) return &i;
  }
  return nullptr;
}

Injury pain_stop_injury(const Routine& routine, std::size_t step, sys_seconds at) {
  Injury injury;
  injury.at = at;
  injury.note = std::string(kPainStopNote);
  if (step < routine.steps.size()) {
    const Step& s = routine.steps[step];
    injury.zone = s.zone.value_or(Zone::full_body);
    injury.note += fmt::format(" in \"{}\" ({})", s.name, routine.name);
  }
  return injury;
}

}  // namespace roll
