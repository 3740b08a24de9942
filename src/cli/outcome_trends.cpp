#include "cli/outcome_trends.hpp"

#include <algorithm>

namespace roll::cli {

namespace {

const char* change_name(Change c) {
  switch (c) {
    case Change::too_early:
      return "too-early";
    case Change::same:
      return "same";
    case Change::better:
      return "better";
    case Change::worse:
      return "worse";
  }
  return "too-early";
}

// A mean as JSON: its sum and count, exact (a script divides), and the figure the words show
// ("5.7"); nothing without ratings.
void insert_mean(toml::table& t, std::string_view key, const Mean& m) {
  if (m.count == 0) return;
  t.insert(key, toml::table{{"sum", m.sum}, {"count", m.count}, {"mean", mean_words(m)}});
}

toml::table pain_json(const PainChange& c, int ratings) {
  toml::table t{{"change", change_name(c.change)},
                {"meaningful", c.change == Change::better || c.change == Change::worse},
                {"ratings", ratings},
                {"words", pain_change_words(c)}};
  insert_mean(t, "first_week", c.first_week);
  insert_mean(t, "latest_week", c.latest);
  if (c.change == Change::better) t.insert("by_percent", c.by_percent);
  return t;
}

}  // namespace

OutcomeTrends outcomes_of(const std::vector<PainRating>& pain, const std::vector<PsfsAnswer>& psfs,
                          int day_start_hour) {
  OutcomeTrends t;
  t.pain_before = pain_change(pain, PainMoment::before, day_start_hour);
  t.pain_after = pain_change(pain, PainMoment::after, day_start_hour);
  t.pain_before_ratings = static_cast<int>(std::count_if(
      pain.begin(), pain.end(), [](const auto& r) { return r.moment == PainMoment::before; }));
  t.pain_after_ratings = static_cast<int>(pain.size()) - t.pain_before_ratings;
  t.psfs = psfs_change(psfs);
  t.psfs_answers = static_cast<int>(
      std::count_if(psfs.begin(), psfs.end(), [](const auto& a) { return valid_psfs(a); }));
  return t;
}

OutcomeTrends gather_outcomes(platform::HistoryStore& store, int day_start_hour) {
  // Since the first rating: every session with one (rated_sessions leaves rehearsals out).
  auto pain = pain_ratings(store.rated_sessions(SysSeconds{}));
  return outcomes_of(pain, store.psfs_answers(), day_start_hour);
}

std::vector<std::string> outcome_lines(const OutcomeTrends& t) {
  std::vector<std::string> out;
  if (t.pain_before_ratings > 0) out.push_back(pain_change_words(t.pain_before));
  if (t.pain_after_ratings > 0) out.push_back(pain_change_words(t.pain_after));
  if (t.psfs_answers > 0) out.push_back(psfs_change_words(t.psfs));
  return out;
}

toml::table outcomes_json(const OutcomeTrends& t) {
  toml::table out;
  if (t.pain_before_ratings > 0)
    out.insert("pain_before", pain_json(t.pain_before, t.pain_before_ratings));
  if (t.pain_after_ratings > 0)
    out.insert("pain_after", pain_json(t.pain_after, t.pain_after_ratings));
  if (t.psfs_answers > 0) {
    toml::table p{{"change", change_name(t.psfs.change)},
                  {"meaningful", t.psfs.change == Change::better || t.psfs.change == Change::worse},
                  {"answers", t.psfs_answers},
                  {"words", psfs_change_words(t.psfs)}};
    insert_mean(p, "first", t.psfs.first);
    insert_mean(p, "latest", t.psfs.latest);
    out.insert("psfs", std::move(p));
  }
  return out;
}

}  // namespace roll::cli
