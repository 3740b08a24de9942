#include "roll/injury.hpp"

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

Guard injury_window(const Injury& injury, sys_seconds now) {
  if (injury.cleared) return Guard::none;
  auto since = now - injury.at;
  if (since < kInjuryRefuseWindow) return Guard::refuse;
  if (since < kInjuryConfirmWindow) return Guard::confirm;
  return Guard::none;
}

long long hours_ceil(seconds s) {
  return s.count() <= 0 ? 0 : (s.count() + 3599) / 3600;
}

InjuryFinding check_injuries(const Routine& routine, const std::vector<Injury>& injuries,
                             sys_seconds now) {
  InjuryFinding worst;
  hours confirm_until =
      std::max<hours>(kInjuryConfirmWindow, hours{routine.resume_after_injury_hours.value_or(0)});
  for (const auto& step : routine.steps) {
    if (!puts_pressure(step.kind) || !step.zone) continue;
    for (const auto& injury : injuries) {
      if (injury.cleared || !guards(injury.zone, *step.zone)) continue;
      seconds since = now - injury.at;
      // An injury entered for the future (clock skew, a typo) guards as if it were fresh.
      if (since < seconds{0}) since = seconds{0};
      Guard g = Guard::none;
      seconds remaining{};
      if (since < kInjuryRefuseWindow) {
        g = Guard::refuse;
        remaining = kInjuryRefuseWindow - since;
      } else if (since < confirm_until) {
        g = Guard::confirm;
        remaining = confirm_until - since;
      }
      bool stricter =
          g > worst.guard || (g == worst.guard && g != Guard::none && remaining > worst.remaining);
      if (stricter) {
        worst = InjuryFinding{g, &injury, *step.zone, step.name, since, remaining};
      }
    }
  }
  return worst;
}

}  // namespace roll
