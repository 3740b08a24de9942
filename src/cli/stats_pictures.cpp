#include "cli/stats_pictures.hpp"

#include <fmt/color.h>
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "platform/wall_clock.hpp"
#include "roll/history.hpp"
#include "roll/pain.hpp"
#include "roll/plural.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using namespace std::chrono;

// Colour is a second signal only: every chart reads the same without it.
fmt::text_style style_of(Ink ink) {
  switch (ink) {
    case Ink::bar:
      return fg(fmt::color::forest_green);
    case Ink::high:
    case Ink::pain:
      return fg(fmt::color::crimson) | fmt::emphasis::bold;
    case Ink::before:
      return fg(fmt::color::dark_khaki);
    case Ink::after:
      return fg(fmt::color::deep_sky_blue);
    case Ink::rest:
      return fg(fmt::color::steel_blue);
    case Ink::tried:
      return fg(fmt::color::dark_khaki);
    case Ink::none:
      return fg(fmt::color::dim_gray);
    case Ink::axis:
    case Ink::plain:
      break;
  }
  return {};
}

struct Printer {
  Context& ctx;
  // The session's own choice (src/cli/commands/session.cpp): a terminal whose locale is not
  // UTF-8 gets ASCII; a pipe gets the bytes as written.
  bool ascii = ctx.env.stdout_is_terminal && !ctx.env.utf8;
  std::size_t width = ctx.env.columns > 0 ? static_cast<std::size_t>(ctx.env.columns) : 80;

  [[nodiscard]] ChartStyle style() const { return {width, !ascii}; }
  // Bars longer than this only get harder to compare.
  [[nodiscard]] ChartStyle bars() const { return {std::min<std::size_t>(width, 100), !ascii}; }

  void line(const ChartLine& l) const {
    std::string out;
    for (const auto& span : l) {
      std::string text = ascii ? to_ascii(span.text) : span.text;
      bool styled = span.ink != Ink::plain && span.ink != Ink::axis;
      out += ctx.color && styled ? fmt::format(style_of(span.ink), "{}", text) : text;
    }
    fmt::print(ctx.out, "{}\n", out);
  }
  void lines(const std::vector<ChartLine>& ls) const {
    for (const auto& l : ls) line(l);
  }
  void heading(const std::string& text) const {
    fmt::print(ctx.out, "\n{}\n", fit_line(text, width, ascii ? "..." : "…"));
  }
};

// The sessions compared (both pain ratings), their average change, and each flagged rise.
void print_pain(Context& ctx, std::size_t width, const std::vector<SessionRecord>& sessions) {
  int compared = 0, change = 0;
  std::vector<const SessionRecord*> flagged;
  for (const auto& r : sessions) {
    auto pain = session_pain(r);
    if (!pain) continue;
    ++compared;
    change += pain->change();
    if (pain->flagged()) flagged.push_back(&r);
  }
  if (compared == 0) {
    fmt::print(ctx.out, "{}\n",
               wrap("No session with pain both before and after yet: roll compares the two only "
                    "within a session that has both.",
                    width));
    return;
  }
  fmt::print(ctx.out, "{}\n",
             wrap(fmt::format("{} with pain before and after: on average {:+.1f} points after.",
                              plural(compared, "session"), static_cast<double>(change) / compared),
                  width));
  if (flagged.empty()) return;
  fmt::print(
      ctx.out, "{}\n",
      wrap(fmt::format("Flagged, pain up after the session ({}):", kPainRiseFlagLabel), width));
  for (const auto* r : flagged) {
    auto pain = *session_pain(*r);
    fmt::print(ctx.out, "! {}\n",
               fit_line(fmt::format("{}  {}  pain {} -> {}", format_local(local_start(*r)),
                                    sanitize(r->routine_name), pain.before, pain.after),
                        width > 2 ? width - 2 : 1, "..."));
  }
}

}  // namespace

StatsReadings gather_readings(platform::HistoryStore& store, const Stats& stats, SysSeconds now) {
  StatsReadings out;
  if (stats.days.empty()) return out;
  LocalDays first = stats.days.front().day, last = stats.days.back().day;
  int h = stats.day_start_hour;
  // The store keeps UTC: a day's margin each side, then each record is judged by its own day.
  SysSeconds since = platform::from_local(LocalSeconds{(first - days{1}).time_since_epoch()});
  for (const auto& r : store.rated_sessions(since)) {
    LocalDays d = session_day(r, h);
    if (d < first || d > last) continue;
    if (r.pain_before || r.pain_after) out.pain.push_back(r);
    if (!r.rating_before && !r.rating_after) continue;
    out.ratings.push_back({d, r.rating_before, r.rating_after});
    out.rating_times.push_back(r.started_at);
  }
  SysSeconds window = platform::from_local(LocalSeconds{first.time_since_epoch()} + hours{h});
  out.pressures = pressure_by_zone(store.pressures_since(window));
  for (auto& p : store.pain_stops(since, now + days{3})) {
    LocalDays d = stop_day(p, h);
    if (d >= first && d <= last) out.pain_stops.push_back(std::move(p));
  }
  std::stable_sort(out.pain_stops.begin(), out.pain_stops.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });
  return out;
}

void print_stats_text(Context& ctx, const Stats& st, const StatsReadings& readings,
                      LocalDays today) {
  Printer print{ctx};
  std::string totals =
      fmt::format("Current streak: {}   Longest: {}   Sessions: {} ({} completed)",
                  plural(st.streaks.current, "day"), plural(st.streaks.longest, "day"),
                  st.total_sessions, st.total_completed);
  fmt::print(ctx.out, "{}\n",
             display_width(totals) > print.width ? wrap(totals, print.width) : totals);
  fmt::print(ctx.out, "Days start at {:02}:00.\n\n", st.day_start_hour);
  print.lines(heatmap(st, today, print.style()));

  std::map<LocalDays, int> stops_per_week;
  for (const auto& p : readings.pain_stops) {
    LocalDays d = stop_day(p, st.day_start_hour);
    if (!st.weeks.empty())
      stops_per_week[st.weeks.front().week_start +
                     days{7 * ((d - st.weeks.front().week_start).count() / 7)}]++;
  }
  print.heading("Minutes per week (week starting)");
  std::vector<BarRow> weeks;
  // From the week of the first session in the window: no rows of nothing before it.
  auto first = std::find_if(st.weeks.begin(), st.weeks.end(),
                            [](const WeekTotal& w) { return w.sessions > 0; });
  for (auto it = first; it != st.weeks.end(); ++it) {
    const WeekTotal& w = *it;
    int stops = stops_per_week.contains(w.week_start) ? stops_per_week[w.week_start] : 0;
    std::string right = fmt::format("{} min, {} done", rounded_minutes(w.seconds), w.completed);
    if (stops > 0) right += ", " + plural(stops, "pain stop");
    weeks.push_back({format_date(w.week_start), static_cast<double>(w.seconds), right,
                     stops > 0 ? Ink::pain : Ink::bar});
  }
  if (first != st.weeks.end()) {
    print.lines(bar_chart(weeks, 0, print.bars()));
  } else {
    fmt::print(ctx.out, "No sessions in these weeks yet.\n");
  }

  if (!st.zone_seconds.empty()) {
    print.heading("Minutes per zone (movement off the roller included)");
    std::vector<std::pair<std::string, std::int64_t>> zones(st.zone_seconds.begin(),
                                                            st.zone_seconds.end());
    std::stable_sort(zones.begin(), zones.end(),
                     [](auto& a, auto& b) { return a.second > b.second; });
    std::vector<BarRow> rows;
    for (auto& [z, s] : zones)
      rows.push_back(
          {sanitize(z), static_cast<double>(s), fmt::format("{} min", rounded_minutes(s))});
    print.lines(bar_chart(rows, 0, print.bars()));
    std::int64_t roller = 0;
    for (const auto& [z, s] : st.roller_seconds) roller += s;
    // Only the sessions that recorded it; the others are counted, never guessed from the zones.
    std::string line = fmt::format("On the roller: {} min", rounded_minutes(roller));
    if (st.roller_not_recorded > 0) {
      line += fmt::format(
          "; not recorded for {} (from before roll kept it, or logged with "
          "--minutes)",
          plural(st.roller_not_recorded, "session"));
    }
    fmt::print(ctx.out, "{}\n", wrap(line, print.width));
  }

  print.heading("Pain before and after (0 no pain, 10 the worst imaginable)");
  print_pain(ctx, print.width, readings.pain);

  // The older scale, labelled as such within 80 columns: 0 as bad as it gets, 10 fine.
  print.heading("How your back felt before and after (older scale: 10 fine, not pain)");
  print.lines(rating_trend(readings.ratings, print.bars()));

  print.heading("Pressure readings per zone");
  std::vector<ZonePressure> pressures = readings.pressures;
  for (auto& p : pressures) p.zone = sanitize(p.zone);
  print.lines(pressure_chart(pressures, print.bars()));

  print.heading("Pain stops");
  if (readings.pain_stops.empty()) {
    fmt::print(ctx.out, "None in these weeks.\n");
    return;
  }
  // The latest ten; the count says how many more there were.
  constexpr std::size_t kShown = 10;
  std::size_t from = readings.pain_stops.size() > kShown ? readings.pain_stops.size() - kShown : 0;
  if (from > 0) fmt::print(ctx.out, "{} earlier, then:\n", from);
  for (std::size_t i = from; i < readings.pain_stops.size(); ++i) {
    const auto& p = readings.pain_stops[i];
    std::string zone = p.zone.empty() ? std::string("off the roller") : sanitize(p.zone);
    print.line({{"! ", Ink::pain},
                {fit_line(format_local(LocalSeconds{(p.at + p.utc_offset).time_since_epoch()}) +
                              "  " + zone,
                          print.width > 2 ? print.width - 2 : 1, print.ascii ? "..." : "…")}});
  }
}

void add_readings_json(toml::table& doc, const StatsReadings& readings, int day_start_hour) {
  toml::array ratings;
  for (std::size_t i = 0; i < readings.ratings.size(); ++i) {
    const auto& r = readings.ratings[i];
    toml::table t{{"date", format_date(r.day)},
                  {"started_at", format_utc(readings.rating_times[i])}};
    // Not rated: the key is absent (JSON from toml++ has no null).
    if (r.before) t.insert("before", *r.before);
    if (r.after) t.insert("after", *r.after);
    ratings.push_back(std::move(t));
  }
  toml::array pain;
  for (const auto& r : readings.pain) {
    toml::table t{{"date", format_date(session_day(r, day_start_hour))},
                  {"started_at", format_utc(r.started_at)},
                  {"routine", r.routine_name}};
    if (r.pain_before) t.insert("before", *r.pain_before);
    if (r.pain_after) t.insert("after", *r.pain_after);
    // Compared only within a session that has both (pain.hpp).
    if (auto both = session_pain(r)) {
      t.insert("change", both->change());
      t.insert("rise_flagged", both->flagged());
    }
    pain.push_back(std::move(t));
  }
  toml::table pressures;
  for (const auto& z : readings.pressures) {
    pressures.insert(z.zone, toml::table{{"readings", z.readings},
                                         {"average", std::round(z.average * 10) / 10},
                                         {"highest", z.highest}});
  }
  toml::array stops;
  for (const auto& p : readings.pain_stops) {
    stops.push_back(toml::table{{"at", format_utc(p.at)},
                                {"date", format_date(stop_day(p, day_start_hour))},
                                {"zone", p.zone}});
  }
  doc.insert("ratings", std::move(ratings));
  doc.insert("pain", std::move(pain));
  doc.insert("pressures", std::move(pressures));
  doc.insert("pain_stops", std::move(stops));
}

}  // namespace roll::cli
