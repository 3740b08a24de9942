#include "roll/outcomes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace roll {

namespace {

using namespace std::chrono;

LocalDays day_of(SysSeconds at, seconds offset, int day_start_hour) {
  return roll_day(LocalSeconds{(at + offset).time_since_epoch()}, day_start_hour);
}

bool on_scale(int value) {
  return value >= kScaleMin && value <= kScaleMax;
}

// (to - from) x from.count x to.count: the difference of two means, as a whole number.
std::int64_t scaled_difference(const Mean& from, const Mean& to) {
  return to.sum * from.count - from.sum * to.count;
}

std::string tenths_words(std::int64_t tenths) {
  if (tenths % 10 == 0) return fmt::format("{}", tenths / 10);
  return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

}  // namespace

bool valid_psfs(const PsfsAnswer& answer) {
  if (answer.items.empty() || answer.items.size() > kPsfsMaxActivities) return false;
  return std::all_of(answer.items.begin(), answer.items.end(), [](const PsfsItem& item) {
    return !item.activity.empty() && on_scale(item.score);
  });
}

Mean psfs_mean(const PsfsAnswer& answer) {
  Mean m;
  for (const auto& item : answer.items) {
    m.sum += item.score;
    ++m.count;
  }
  return m;
}

std::string mean_words(const Mean& mean) {
  if (mean.count == 0) return "-";
  // Rounded half up: the means are never negative.
  return tenths_words((20 * mean.sum + mean.count) / (2 * mean.count));
}

std::string change_words(const Mean& from, const Mean& to) {
  std::int64_t difference = scaled_difference(from, to);
  if (difference < 0) difference = -difference;
  // Integer division cuts toward zero.
  return tenths_words(10 * difference / (from.count * to.count));
}

PainChange pain_change(const std::vector<PainRating>& ratings, PainMoment moment,
                       int day_start_hour) {
  PainChange out;
  out.moment = moment;
  std::vector<std::pair<LocalDays, int>> days;
  for (const auto& r : ratings) {
    if (r.moment != moment || !on_scale(r.value)) continue;
    days.emplace_back(day_of(r.at, r.utc_offset, day_start_hour), r.value);
  }
  if (days.empty()) return out;
  std::sort(days.begin(), days.end());
  LocalDays first_week_end = days.front().first + std::chrono::days{kOutcomeWeekDays};
  LocalDays latest_from = days.back().first - std::chrono::days{kOutcomeWeekDays - 1};
  for (const auto& [day, value] : days) {
    if (day < first_week_end) {
      out.first_week.sum += value;
      ++out.first_week.count;
    } else if (day >= latest_from) {
      out.latest.sum += value;
      ++out.latest.count;
    }
  }
  if (out.latest.count == 0) return out;
  // drop x n1 x n2, where drop = first week's mean - latest mean.
  std::int64_t drop = -scaled_difference(out.first_week, out.latest);
  std::int64_t both = out.first_week.count * out.latest.count;
  if (drop >= kPainMeaningfulPoints * both) {
    out.change = Change::better;
  } else if (drop > 0 &&
             100 * drop >= kPainMeaningfulPercent * out.first_week.sum * out.latest.count) {
    out.change = Change::better;
    out.by_percent = true;
  } else if (-drop >= kPainMeaningfulPoints * both) {
    out.change = Change::worse;
  } else {
    out.change = Change::same;
  }
  return out;
}

PsfsChange psfs_change(const std::vector<PsfsAnswer>& answers) {
  PsfsChange out;
  std::vector<const PsfsAnswer*> valid;
  for (const auto& a : answers)
    if (valid_psfs(a)) valid.push_back(&a);
  if (valid.size() < 2) return out;
  auto by_time = [](const PsfsAnswer* a, const PsfsAnswer* b) { return a->at < b->at; };
  out.first = psfs_mean(**std::min_element(valid.begin(), valid.end(), by_time));
  out.latest = psfs_mean(**std::max_element(valid.begin(), valid.end(), by_time));
  std::int64_t rise = scaled_difference(out.first, out.latest);
  std::int64_t both = out.first.count * out.latest.count;
  out.change = rise >= kPsfsMeaningfulPoints * both    ? Change::better
               : -rise >= kPsfsMeaningfulPoints * both ? Change::worse
                                                       : Change::same;
  return out;
}

bool psfs_due(const std::vector<PsfsAnswer>& answers, LocalDays today, int day_start_hour) {
  LocalDays since = today - std::chrono::days{kOutcomeWeekDays - 1};
  return std::none_of(answers.begin(), answers.end(), [&](const PsfsAnswer& a) {
    LocalDays day = day_of(a.at, a.utc_offset, day_start_hour);
    return valid_psfs(a) && day >= since && day <= today;
  });
}

std::string pain_change_words(const PainChange& c) {
  std::string_view when = c.moment == PainMoment::before ? "before" : "after";
  if (c.change == Change::too_early) {
    return fmt::format("your pain {} sessions: a week of ratings first, then roll compares", when);
  }
  std::string figures = fmt::format("from {} to {} on the 0-10 scale", mean_words(c.first_week),
                                    mean_words(c.latest));
  std::string points = change_words(c.first_week, c.latest);
  std::int64_t drop = -scaled_difference(c.first_week, c.latest);
  std::string_view way = drop > 0 ? "down" : "up";
  switch (c.change) {
    case Change::better:
      return fmt::format(
          "your pain {} sessions is down {} point{} since you started ({}): a meaningful change "
          "({})",
          when, points, points == "1" ? "" : "s", figures, kPainThresholdLabel);
    case Change::worse:
      return fmt::format(
          "your pain {} sessions is up {} points since you started ({}): tell your physical "
          "therapist ({})",
          when, points, figures, kPainRiseLabel);
    default:
      break;
  }
  if (drop == 0)
    return fmt::format("your pain {} sessions is the same as when you started ({})", when, figures);
  return fmt::format(
      "your pain {} sessions is {} {} point{} since you started ({}), less than a meaningful "
      "change ({})",
      when, way, points, points == "1" ? "" : "s", figures, kPainThresholdLabel);
}

std::string psfs_change_words(const PsfsChange& c) {
  if (c.change == Change::too_early) {
    return "the activities you find hard (PSFS): roll compares from your second weekly answer";
  }
  std::string figures =
      fmt::format("PSFS, from {} to {} of 10", mean_words(c.first), mean_words(c.latest));
  std::string points = change_words(c.first, c.latest);
  std::int64_t rise = scaled_difference(c.first, c.latest);
  std::string_view way = rise > 0 ? "easier" : "harder";
  std::string_view plural = points == "1" ? "" : "s";
  switch (c.change) {
    case Change::better:
      return fmt::format(
          "the activities you find hard are {} point{} easier on average since you started ({}): "
          "a meaningful change ({})",
          points, plural, figures, kPsfsThresholdLabel);
    case Change::worse:
      return fmt::format(
          "the activities you find hard are {} point{} harder on average since you started ({}): "
          "tell your physical therapist ({}; roll flags a fall as a rise, its own reading)",
          points, plural, figures, kPsfsThresholdLabel);
    default:
      break;
  }
  if (rise == 0)
    return fmt::format("the activities you find hard are as hard as when you started ({})",
                       figures);
  return fmt::format(
      "the activities you find hard are {} point{} {} on average since you started ({}), less "
      "than a meaningful change ({})",
      points, plural, way, figures, kPsfsThresholdLabel);
}

std::vector<std::string> psfs_activities(const std::vector<std::string>& goals,
                                         const std::vector<PsfsAnswer>& answers) {
  std::vector<std::string> out;
  if (!goals.empty()) {
    for (const auto& g : goals) {
      if (out.size() == kPsfsMaxActivities) break;
      if (!g.empty() && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
    }
    return out;
  }
  const PsfsAnswer* latest = nullptr;
  for (const auto& a : answers)
    if (valid_psfs(a) && (latest == nullptr || a.at >= latest->at)) latest = &a;
  if (latest != nullptr)
    for (const auto& item : latest->items) out.push_back(item.activity);
  return out;
}

std::vector<PainRating> pain_ratings(const std::vector<SessionRecord>& sessions) {
  // Only pain_before and pain_after: rating_before and rating_after are not pain and stay out.
  // A rehearsal is not a session, and its answers are not outcomes.
  std::vector<PainRating> out;
  for (const auto& s : sessions) {
    if (s.origin == SessionOrigin::rehearsal) continue;
    if (s.pain_before && on_scale(*s.pain_before))
      out.push_back(
          {s.started_at, s.utc_offset, *s.pain_before, PainMoment::before, s.uid, s.routine_name});
    if (s.pain_after && on_scale(*s.pain_after))
      out.push_back(
          {s.ended_at, s.utc_offset, *s.pain_after, PainMoment::after, s.uid, s.routine_name});
  }
  return out;
}

}  // namespace roll
