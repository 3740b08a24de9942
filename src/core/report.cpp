#include "roll/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "roll/charts.hpp"
#include "roll/figure_svg.hpp"
#include "roll/history.hpp"
#include "roll/pain.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll {

using namespace std::chrono;

namespace {

// How every page starts, up to the generator's version: what is_roll_report() looks for before
// replacing a file.
constexpr std::string_view kStart =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"generator\" content=\"roll report";

constexpr std::string_view kStyle = R"css(
:root { color: #1a1a1a; background: #fff; }
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2em auto;
       max-width: 62em; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; border-bottom: 1px solid #999; padding-bottom: .15em; }
p.lede { margin: 0 0 1em; color: #333; }
.summary { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5em; margin: 1em 0; }
.summary div { border: 1px solid #bbb; border-radius: 4px; padding: .4em .6em; }
.summary b { font-size: 1.4em; }
.summary small { display: block; color: #444; font-size: .85em; }
.definitions { border-left: 4px solid #777; background: #f4f4f4; padding: .5em 1em; font-size: .92em; }
.definitions dt { font-weight: bold; }
.definitions dd { margin: 0 0 .35em 0; }
table { border-collapse: collapse; width: 100%; font-size: .92em; margin: .5em 0; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; width: 100%; height: auto; margin: .5em 0; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
td.fig, th.fig { width: 6.5em; }
td.fig svg { width: auto; height: 2.4em; max-width: 6.5em; margin: 0 auto; }
.legend { font-size: .9em; margin: .2em 0 .6em; }
.legend span { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #555;
          vertical-align: -.1em; margin-right: .3em; }
.none { color: #555; font-style: italic; }
.high { font-weight: bold; }
footer { margin-top: 2em; font-size: .85em; color: #444; border-top: 1px solid #999; padding-top: .5em; }
@page { size: A4; margin: 12mm 14mm; }
@media print {
  body { font-size: 9.5pt; margin: 0; max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
  .summary { margin: 2mm 0; }
  /* A figure or a row is never cut, but a section may run on to the next page: a whole section
     kept together left most of a page blank whenever it did not fit. */
  svg, tr, .summary, .legend { break-inside: avoid; }
  .trend svg { max-width: 150mm; }
  /* The calendar and the zones side by side: each is narrow enough, and one above the other
     took a page of their own. */
  .pair { display: grid; grid-template-columns: 78mm 1fr; gap: 6mm; align-items: start; }
  .pair h2 { margin-top: 2mm; }
  .definitions { columns: 2; column-gap: 6mm; font-size: 8.5pt; }
  .definitions dt { break-after: avoid; }
  .definitions dd { break-inside: avoid; }
  footer { margin-top: 4mm; }
  /* The outcome trends sit on the first page, which has little room left. */
  .outcomes { font-size: 8.5pt; margin: 1mm 0; }
}
)css";

// Colours with a second signal everywhere: the calendar's marks, the trend's line styles and
// markers, the zone table's numbers.
constexpr std::array<const char*, 10> kZoneColours = {"#1b5e20", "#1565c0", "#ef6c00", "#6a1b9a",
                                                      "#00838f", "#ad1457", "#827717", "#4e342e",
                                                      "#37474f", "#c62828"};

// Totals in 64 bits: a week may hold any number of sessions of up to a week each.
std::string minutes(std::int64_t seconds) {
  return fmt::format("{}", (seconds + 30) / 60);
}

std::string one_decimal(double v) {
  return fmt::format("{:.1f}", v);
}

std::string short_date(LocalDays d) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  year_month_day ymd{d};
  return fmt::format("{} {}", static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

enum class DayMark { future, none, rest, tried, partial, completed, pain };

struct DayInfo {
  int sessions = 0;
  int completed = 0;
  int partial = 0;
  std::int64_t seconds = 0;
  bool pain = false;
  bool rest = false;
};

DayMark mark_of(const DayInfo& d, bool future) {
  if (future) return DayMark::future;
  if (d.pain) return DayMark::pain;
  if (d.completed > 0) return DayMark::completed;
  if (d.partial > 0) return DayMark::partial;
  if (d.sessions > 0) return DayMark::tried;
  if (d.rest) return DayMark::rest;
  return DayMark::none;
}

struct MarkStyle {
  const char* fill;
  const char* ink;
  const char* symbol;
  const char* words;
};

MarkStyle style_of(DayMark m) {
  switch (m) {
    case DayMark::completed:
      return {"#2e7d32", "#fff", "✓", "completed"};
    case DayMark::partial:
      return {"#f9c74f", "#1a1a1a", "◐", "partial"};
    case DayMark::pain:
      return {"#c62828", "#fff", "!", "pain stop"};
    case DayMark::tried:
      return {"#cfcfcf", "#1a1a1a", "×", "started, stopped early"};
    case DayMark::rest:
      return {"#bbdefb", "#1a1a1a", "+", "rest day (injury or pain stop)"};
    case DayMark::none:
      return {"#f7f7f7", "#555", "", "no session"};
    case DayMark::future:
      break;
  }
  return {"#fff", "#999", "", "to come"};
}

class Page {
 public:
  explicit Page(const ReportInput& in) : in_(in) {
    for (const auto& s : in.sessions) {
      if (s.origin == SessionOrigin::rehearsal) continue;
      LocalDays d = session_day(s, in.day_start_hour);
      if (d < in.range.first || d > in.range.last) continue;
      sessions_.push_back(&s);
    }
    std::stable_sort(sessions_.begin(), sessions_.end(),
                     [](auto* a, auto* b) { return a->started_at < b->started_at; });
    for (const auto& p : in.pain_stops) {
      LocalDays d = stop_day(p, in.day_start_hour);
      if (d >= in.range.first && d <= in.range.last) stops_.push_back(&p);
    }
    std::stable_sort(stops_.begin(), stops_.end(), [](auto* a, auto* b) { return a->at < b->at; });
    for (const auto* s : sessions_) {
      auto& day = days_[session_day(*s, in.day_start_hour)];
      ++day.sessions;
      day.completed += counts_as_done(s->status, s->origin) ? 1 : 0;
      day.partial += s->status == SessionStatus::partial ? 1 : 0;
      day.seconds += s->completed_seconds;
    }
    for (const auto* p : stops_) days_[stop_day(*p, in.day_start_hour)].pain = true;
    for (LocalDays d : in.rest_days) days_[d].rest = true;
  }

  // What a physiotherapist reads first comes first, so that it is the first printed page: the
  // figures at a glance, the pain stops and the pressure readings, the ratings; then the
  // calendar beside the zones, the routines, and how to read it all.
  std::string build() {
    head();
    prescription();
    summary();
    pain_and_pressure();
    trend();
    put("<div class=\"pair\">\n");
    calendar();
    zones();
    put("</div>\n");
    routines();
    definitions();
    footer();
    return std::move(out_);
  }

 private:
  template <class... Args>
  void put(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out_), f, std::forward<Args>(args)...);
  }

  std::string range_text() const {
    return fmt::format("{} to {} ({})", format_date(in_.range.first), format_date(in_.range.last),
                       plural(in_.range.weeks, "week"));
  }

  void head() {
    put("{} {}\">\n", kStart, html_escape(in_.version));
    put("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    put("<title>Foam-roller report, {}</title>\n", html_escape(range_text()));
    put("<style>{}</style>\n</head>\n<body>\n", kStyle);
    put("<header>\n<h1>Foam-roller report</h1>\n");
    put("<p class=\"lede\">{}. Made by roll on {}. Each day runs from {:02}:00 to {:02}:00 the "
        "next morning, so a session after midnight counts for the evening before.</p>\n</header>\n",
        html_escape(range_text()), html_escape(in_.generated), in_.day_start_hour,
        in_.day_start_hour);
  }

  // The prescription on top, then its adherence in all and per week (docs/prescriptions.md).
  void prescription() {
    if (in_.prescription == nullptr || in_.adherence == nullptr) return;
    const Prescription& p = *in_.prescription;
    std::string routines;
    for (const auto& r : p.routines) routines += (routines.empty() ? "" : ", ") + r.text;
    std::string days;
    for (std::size_t i = 0; i < kWeekdayNames.size(); ++i)
      if (p.days[i]) days += fmt::format("{}{}", days.empty() ? "" : " ", kWeekdayNames[i]);
    put("<section>\n<h2>Prescription</h2>\n");
    put("<p><b>{}</b>{}: {}, {} a day on {}, {} to {}. {}.</p>\n",
        html_escape(p.title.empty() ? std::string("A prescription") : p.title),
        p.clinician.empty() ? std::string() : ", from " + html_escape(p.clinician),
        html_escape(routines), p.times_per_day, days, format_date(p.from), format_date(p.until),
        html_escape(capital(in_.prescription_words)));
    const AdherenceCount& t = in_.adherence->total;
    auto pct = [](const AdherenceCount& c) {
      auto v = c.percent();
      return v ? fmt::format("{}%", *v) : std::string("-");
    };
    put("<p>Adherence: <b>{}</b>, {} of {} prescribed sessions done; {} excused for safety, {} "
        "missed, {} still to do today, {} beyond the schedule (not counted).",
        pct(t), t.done, t.expected(), t.excused, t.missed, t.pending, t.extra);
    // The weeks in the same paragraph: a table of them pushed the pain stops off the first page.
    put(" By week (from each Monday):");
    bool first = true;
    for (const auto& w : in_.adherence->weeks) {
      put("{} {} <b>{}</b> ({} of {}{}{})", first ? "" : ";", format_date(w.week_start),
          pct(w.count), w.count.done, w.count.expected(),
          w.count.excused > 0 ? fmt::format(", {} excused", w.count.excused) : std::string(),
          w.count.missed > 0 ? fmt::format(", {} missed", w.count.missed) : std::string());
      first = false;
    }
    put(".</p>\n</section>\n");
  }

  // Pain before and after sessions and the PSFS since the first rating, each flagged when the
  // change is meaningful (outcomes.hpp): one paragraph under the figures at a glance, in short
  // words with the thresholds once, so that the first page keeps its room.
  void outcomes() {
    std::vector<std::string> parts;
    auto flag = [](Change c, bool higher_is_better) -> std::string {
      switch (c) {
        case Change::better:
          return "<b>a meaningful change</b>";
        case Change::worse:
          return higher_is_better ? "<b class=\"high\">meaningful, worse !</b>"
                                  : "<b class=\"high\">meaningful, more pain !</b>";
        default:
          return "not yet meaningful";
      }
    };
    for (PainMoment m : {PainMoment::before, PainMoment::after}) {
      bool any = std::any_of(in_.pain.begin(), in_.pain.end(),
                             [&](const PainRating& r) { return r.moment == m; });
      if (!any) continue;
      auto c = pain_change(in_.pain, m, in_.day_start_hour);
      std::string what = m == PainMoment::before ? "pain before sessions" : "after";
      if (c.change == Change::too_early) {
        parts.push_back(what + ": a week of ratings first");
        continue;
      }
      std::int64_t drop = c.first_week.sum * c.latest.count - c.latest.sum * c.first_week.count;
      parts.push_back(fmt::format("{} {} &#8594; {}, {} {}: {}", what, mean_words(c.first_week),
                                  mean_words(c.latest), drop >= 0 ? "down" : "up",
                                  change_words(c.first_week, c.latest), flag(c.change, false)));
    }
    if (std::any_of(in_.psfs.begin(), in_.psfs.end(), valid_psfs)) {
      auto c = psfs_change(in_.psfs);
      if (c.change == Change::too_early) {
        parts.push_back("PSFS: compared from the second weekly answer");
      } else {
        std::int64_t rise = c.latest.sum * c.first.count - c.first.sum * c.latest.count;
        std::string points = change_words(c.first, c.latest);
        parts.push_back(fmt::format(
            "PSFS (the activities found hard, 0 unable to 10 as before) {} &#8594; {}, {} point{} "
            "{}: {}",
            mean_words(c.first), mean_words(c.latest), points, points == "1" ? "" : "s",
            rise >= 0 ? "easier" : "harder", flag(c.change, true)));
      }
    }
    if (parts.empty()) return;
    bool psfs = std::any_of(in_.psfs.begin(), in_.psfs.end(), valid_psfs);
    put("<p class=\"outcomes\"><b>Since the first rating</b> (pain 0-10: first week's average "
        "&#8594; last week's{}): ",
        psfs ? "; PSFS: first answer's mean &#8594; latest" : "");
    for (std::size_t i = 0; i < parts.size(); ++i) put("{}{}", i == 0 ? "" : "; ", parts[i]);
    put(". <small>Meaningful: pain {}{}; {} at the same points: roll's own reading.</small></p>\n",
        html_escape(kPainThresholdLabel),
        psfs ? "; PSFS " + html_escape(kPsfsThresholdLabel) : std::string(),
        psfs ? "a rise in pain and a fall in the PSFS" : "a rise");
  }

  static std::string capital(std::string words) {
    if (!words.empty() && words.front() >= 'a' && words.front() <= 'z')
      words.front() = static_cast<char>(words.front() - 'a' + 'A');
    return words;
  }

  void summary() {
    int completed = 0, partial = 0;
    std::int64_t seconds = 0;
    int not_recorded = 0;
    int readings = 0, above = 0;
    double sum_before = 0, sum_after = 0;
    int before = 0, after = 0, rated = 0;
    for (const auto* s : sessions_) {
      completed += counts_as_done(s->status, s->origin) ? 1 : 0;
      partial += s->status == SessionStatus::partial ? 1 : 0;
      // On the roller only (cat-cow and the other movement off it are not); a session without
      // it recorded is counted apart, never guessed from its zones.
      if (auto roller = roller_seconds_done(*s)) {
        seconds += *roller;
      } else {
        ++not_recorded;
      }
      for (const auto& p : s->pressures) {
        ++readings;
        above += p.value > kPressureLimit ? 1 : 0;
      }
      if (s->rating_before) sum_before += *s->rating_before, ++before;
      if (s->rating_after) sum_after += *s->rating_after, ++after;
      rated += s->rating_before || s->rating_after ? 1 : 0;
    }
    int so_far = 0, done_days = 0;
    for (LocalDays d = in_.range.first; d <= in_.range.last && d <= in_.today; d += days{1}) {
      ++so_far;
      auto it = days_.find(d);
      if (it != days_.end() && it->second.completed > 0) ++done_days;
    }
    auto n = static_cast<int>(sessions_.size());
    auto stops = static_cast<int>(stops_.size());
    put("<section>\n<h2>At a glance</h2>\n");
    if (sessions_.empty()) {
      put("<p class=\"none\">No sessions were recorded in these weeks.</p>\n");
    }
    put("<div class=\"summary\">\n");
    put("<div><b>{}</b> {}<small>{} completed, {} partial, {} stopped early</small></div>\n", n,
        plural_noun(n, "session"), completed, partial, n - completed - partial);
    put("<div><b>{} of {}</b> days with a completed session<small>the days of these weeks so "
        "far</small></div>\n",
        done_days, so_far);
    put("<div><b>{}</b> {}<small>sharp pain: the session stopped at once</small></div>\n", stops,
        plural_noun(stops, "pain stop"));
    put("<div><b>{}</b> {} above {}<small>of {} recorded; 7 is roll's own limit "
        "(the first article aims for around a 6 or 7)</small></div>\n",
        above, plural_noun(above, "pressure reading"), kPressureLimit, readings);
    if (rated > 0) {
      put("<div><b>{} &#8594; {}</b> back feel before and after<small>older scale, 10 fine, not "
          "pain; {} rated {}</small></div>\n",
          before > 0 ? one_decimal(sum_before / before) : "-",
          after > 0 ? one_decimal(sum_after / after) : "-", rated, plural_noun(rated, "session"));
    } else {
      put("<div><b>-</b> before and after ratings<small>no session was rated</small></div>\n");
    }
    if (not_recorded > 0) {
      put("<div><b>{}</b> minutes on the roller<small>not recorded for {} {} (from before roll "
          "kept it, or logged by hand with minutes)</small></div>\n",
          minutes(seconds), not_recorded, plural_noun(not_recorded, "session"));
    } else {
      put("<div><b>{}</b> minutes on the roller<small>movement off it not counted</small></div>\n",
          minutes(seconds));
    }
    put("</div>\n");
    outcomes();
    put("</section>\n");
  }

  void definitions() {
    put("<section>\n<h2>How to read this report</h2>\n<dl class=\"definitions\">\n");
    put("<dt>Completed</dt><dd>The session reached its end with at least {}% of its planned time "
        "on the roller done. Only a completed session counts for a day (roll's own threshold, "
        "not a clinical one).</dd>\n",
        static_cast<int>(std::lround(kCompletedShare * 100)));
    put("<dt>Partial</dt><dd>The session reached its end with less than {}% of its planned time "
        "on the roller (steps were skipped).</dd>\n",
        static_cast<int>(std::lround(kCompletedShare * 100)));
    put("<dt>Stopped early</dt><dd>Quit, interrupted, or ended in a pain stop.</dd>\n");
    put("<dt>Pain stop</dt><dd>The user pressed the pain key for sharp pain: the session stopped "
        "at once and the zone under the roller is then treated like a fresh injury.</dd>\n");
    put("<dt>Pressure reading</dt><dd>How hard the roller felt, 1 to 10, as the user rated it "
        "during a hold. Only the first article gives a number, and as a target: around a 6 or 7, "
        "\"a good hurt\". roll's own readings: above 7 is marked; the session eases off from 8 "
        "(6 for a beginner or a cleared condition).</dd>\n");

    put("<dt>Before and after ratings</dt><dd>The older question, not pain: how the back felt, "
        "0 (as bad as it gets) to 10 (fine).</dd>\n");
    put("<dt>Rest day</dt><dd>A day within 72 hours of a recorded injury, or a day with a pain "
        "stop.</dd>\n");
    put("<dt>Left out</dt><dd>Rehearsals (sessions run sped up to check a routine).</dd>\n");
    put("</dl>\n</section>\n");
  }

  void calendar() {
    constexpr int kCell = 44, kRowH = 30, kGap = 4, kLeft = 64, kTop = 22;
    int weeks = in_.range.weeks;
    int width = kLeft + 7 * (kCell + kGap);
    int height = kTop + weeks * (kRowH + kGap) + 4;
    put("<section>\n<h2>Adherence calendar</h2>\n");
    put("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"A calendar of the {}: one row per "
        "week, one square per day\" style=\"max-width:{}px\">\n",
        width, height, html_escape(range_text()), width * 3 / 2);
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int c = 0; c < 7; ++c) {
      put("<text x=\"{}\" y=\"14\" font-size=\"12\" text-anchor=\"middle\">{}</text>\n",
          kLeft + c * (kCell + kGap) + kCell / 2, kDays[c]);
    }
    for (int w = 0; w < weeks; ++w) {
      LocalDays monday = in_.range.first + days{7 * w};
      int y = kTop + w * (kRowH + kGap);
      put("<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>\n", y + kRowH / 2 + 4,
          short_date(monday));
      for (int c = 0; c < 7; ++c) {
        LocalDays d = monday + days{c};
        DayInfo info;
        if (auto it = days_.find(d); it != days_.end()) info = it->second;
        DayMark m = mark_of(info, d > in_.today);
        MarkStyle st = style_of(m);
        int x = kLeft + c * (kCell + kGap);
        std::string what = st.words;
        if (info.sessions > 0) what += fmt::format(", {} min", minutes(info.seconds));
        put("<g><title>{}: {}</title>", format_date(d), what);
        put("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\" "
            "stroke=\"{}\"{}/>",
            x, y, kCell, kRowH, st.fill, m == DayMark::future ? "#ccc" : "#888",
            m == DayMark::future ? " stroke-dasharray=\"3 3\"" : "");
        unsigned dom = static_cast<unsigned>(year_month_day{d}.day());
        put("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"{}\">{}</text>", x + 3, y + 11, st.ink,
            dom);
        if (*st.symbol != '\0') {
          put("<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\" fill=\"{}\" "
              "text-anchor=\"end\">{}</text>",
              x + kCell - 4, y + kRowH - 6, st.ink, st.symbol);
        }
        put("</g>\n");
      }
    }
    put("</svg>\n<p class=\"legend\">");
    for (DayMark m : {DayMark::completed, DayMark::partial, DayMark::tried, DayMark::pain,
                      DayMark::rest, DayMark::none}) {
      MarkStyle st = style_of(m);
      put("<span><span class=\"swatch\" style=\"background:{}\"></span>{}{}</span>", st.fill,
          *st.symbol != '\0' ? std::string(st.symbol) + " " : std::string(), st.words);
    }
    put("</p>\n</section>\n");
  }

  void zones() {
    // Zones by total time, so the colours and the table agree on one order.
    std::map<std::string, std::int64_t> total;
    std::vector<std::map<std::string, std::int64_t>> per_week(
        static_cast<std::size_t>(in_.range.weeks));
    for (const auto* s : sessions_) {
      auto w = static_cast<std::size_t>(
          (session_day(*s, in_.day_start_hour) - in_.range.first).count() / 7);
      for (const auto& [zone, secs] : s->zone_seconds) {
        total[zone] += secs;
        per_week[w][zone] += secs;
      }
    }
    std::vector<std::pair<std::string, std::int64_t>> order(total.begin(), total.end());
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    put("<section>\n<h2>Minutes per zone per week<small> (movement off the roller "
        "included)</small></h2>\n");
    if (order.empty()) {
      put("<p class=\"none\">No time on any zone in these weeks.</p>\n</section>\n");
      return;
    }
    // More zones than colours: the rest share the last colour, as "other".
    auto colour_of = [&](std::size_t i) {
      return kZoneColours[std::min(i, kZoneColours.size() - 1)];
    };
    std::int64_t most = 0;
    for (const auto& week : per_week) {
      std::int64_t sum = 0;
      for (const auto& [z, s] : week) sum += s;
      most = std::max(most, sum);
    }
    // A top of a multiple of 20 puts the four grid lines on multiples of 5.
    auto top_minutes = std::max<std::int64_t>(
        20, static_cast<std::int64_t>(std::ceil(static_cast<double>(most) / 60.0 / 20.0)) * 20);
    constexpr int kW = 720, kH = 254, kLeft = 44, kBottom = 36, kTop = 24;
    int plot_h = kH - kBottom - kTop;
    int weeks = in_.range.weeks;
    double slot = static_cast<double>(kW - kLeft - 8) / weeks;
    double bar_w = std::max(2.0, slot * 0.7);
    put("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Stacked bars: minutes on the "
        "roller per week, by zone\">\n",
        kW, kH);
    for (int t = 0; t <= 4; ++t) {
      std::int64_t value = top_minutes * t / 4;
      double y = kTop + plot_h - plot_h * t / 4.0;
      put("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>", kLeft, y, kW,
          y);
      put("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
          y + 4, value);
    }
    put("<text x=\"0\" y=\"11\" font-size=\"11\">minutes</text>\n");
    int label_every = std::max(1, weeks / 12);
    for (int w = 0; w < weeks; ++w) {
      double x = kLeft + 4 + slot * w + (slot - bar_w) / 2;
      double base = kTop + plot_h;
      const auto& week = per_week[static_cast<std::size_t>(w)];
      for (std::size_t i = 0; i < order.size(); ++i) {
        auto it = week.find(order[i].first);
        if (it == week.end() || it->second == 0) continue;
        double h =
            plot_h * (static_cast<double>(it->second) / 60.0) / static_cast<double>(top_minutes);
        base -= h;
        put("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
            "stroke=\"#fff\" stroke-width=\"0.5\"><title>week of {}: {}, {} min</title></rect>\n",
            x, base, bar_w, h, colour_of(i), format_date(in_.range.first + days{7 * w}),
            html_escape(order[i].first), minutes(it->second));
      }
      if (w % label_every == 0) {
        put("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
            x + bar_w / 2, kH - kBottom + 16, short_date(in_.range.first + days{7 * w}));
      }
    }
    put("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">week starting</text>\n",
        kLeft + (kW - kLeft) / 2, kH - 4);
    put("</svg>\n<p class=\"legend\">");
    for (std::size_t i = 0; i < order.size(); ++i) {
      put("<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>", colour_of(i),
          html_escape(order[i].first));
    }
    put("</p>\n<table>\n<thead><tr><th>Zone</th><th class=\"n\">Minutes</th>"
        "<th class=\"n\">Weeks rolled</th><th class=\"n\">Share of the time</th></tr></thead>\n"
        "<tbody>\n");
    std::int64_t all = 0;
    for (const auto& [z, s] : order) all += s;
    for (const auto& [zone, secs] : order) {
      int weeks_rolled = 0;
      for (const auto& week : per_week) weeks_rolled += week.contains(zone) ? 1 : 0;
      put("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}%</td>"
          "</tr>\n",
          html_escape(zone), minutes(secs), weeks_rolled,
          all > 0 ? std::lround(100.0 * static_cast<double>(secs) / static_cast<double>(all)) : 0);
    }
    put("</tbody>\n</table>\n</section>\n");
  }

  void trend() {
    put("<section class=\"trend\">\n<h2>Before and after: how the back felt (the older scale, 10 "
        "fine; not pain)</h2>\n");
    std::vector<const SessionRecord*> rated;
    for (const auto* s : sessions_)
      if (s->rating_before || s->rating_after) rated.push_back(s);
    if (rated.empty()) {
      put("<p class=\"none\">No ratings in these weeks: no session was rated before or after "
          "(the ratings are optional).</p>\n</section>\n");
      return;
    }
    // With a prescription on top, the older scale gets its figures without the chart: the pain
    // on the 0-10 scale and the PSFS are what the clinician reads there, and the page keeps its
    // limit (roll's own choice).
    if (in_.prescription == nullptr) trend_chart(rated);
    trend_figures(rated);
  }

  void trend_chart(const std::vector<const SessionRecord*>& rated) {
    constexpr int kW = 720, kH = 230, kLeft = 36, kRight = 12, kTop = 10, kBottom = 30;
    int plot_w = kW - kLeft - kRight, plot_h = kH - kTop - kBottom;
    double span = static_cast<double>((in_.range.last - in_.range.first).count() + 1);
    auto x_of = [&](const SessionRecord* s) {
      auto local = local_start(*s);
      double day =
          duration<double, days::period>(local - LocalSeconds{in_.range.first.time_since_epoch()})
              .count();
      return kLeft + plot_w * std::clamp(day / span, 0.0, 1.0);
    };
    auto y_of = [&](int v) { return kTop + plot_h - plot_h * v / 10.0; };
    put("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Ratings from 0 to 10 before "
        "(dashed line, open circles) and after (solid line, filled circles) each rated "
        "session\">\n",
        kW, kH);
    for (int v = 0; v <= 10; v += 2) {
      put("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>", kLeft, y_of(v),
          kW - kRight, y_of(v));
      put("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
          y_of(v) + 4, v);
    }
    for (int w = 0; w < in_.range.weeks; w += std::max(1, in_.range.weeks / 12)) {
      double x = kLeft + plot_w * (7.0 * w) / span;
      put("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\">{}</text>\n", x, kH - 10,
          short_date(in_.range.first + days{7 * w}));
    }
    auto series = [&](bool before, const char* colour, const char* dash, bool filled) {
      std::string points;
      for (const auto* s : rated) {
        auto v = before ? s->rating_before : s->rating_after;
        if (v) points += fmt::format("{:.1f},{:.1f} ", x_of(s), y_of(*v));
      }
      if (points.empty()) return;
      points.pop_back();
      put("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>\n", points,
          colour, dash);
      for (const auto* s : rated) {
        auto v = before ? s->rating_before : s->rating_after;
        if (!v) continue;
        put("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\" stroke=\"{}\" "
            "stroke-width=\"2\"><title>{} {}: {}/10</title></circle>\n",
            x_of(s), y_of(*v), filled ? colour : "#fff", colour, format_local(local_start(*s)),
            before ? "before" : "after", *v);
      }
    };
    series(true, "#8d6e63", " stroke-dasharray=\"6 4\"", false);
    series(false, "#1565c0", "", true);
    put("</svg>\n<p class=\"legend\"><span>- - ○ before the session</span><span>── ● after the "
        "session</span></p>\n");
  }

  void trend_figures(const std::vector<const SessionRecord*>& rated) {
    double sum_b = 0, sum_a = 0, sum_change = 0;
    int nb = 0, na = 0, nboth = 0;
    for (const auto* s : rated) {
      if (s->rating_before) sum_b += *s->rating_before, ++nb;
      if (s->rating_after) sum_a += *s->rating_after, ++na;
      if (s->rating_before && s->rating_after) {
        sum_change += *s->rating_after - *s->rating_before;
        ++nboth;
      }
    }
    put("<p>{}. Average before: {}; average after: {}.", plural(rated.size(), "rated session"),
        nb > 0 ? one_decimal(sum_b / nb) : "not rated",
        na > 0 ? one_decimal(sum_a / na) : "not rated");
    if (nboth > 0) {
      put(" Over the {} rated both times, the rating changed by {:+.1f} on average "
          "(after minus before; higher is better).",
          plural(nboth, "session"), sum_change / nboth);
    }
    put("</p>\n</section>\n");
  }

  // Pain on the 0-10 scale, inside the pain stops' section (the first page has no room for a
  // section of its own): the sessions that have both, those with more pain after, and the latest
  // flagged ones.
  void pain_before_after() {
    int compared = 0, change = 0, rose = 0;
    std::vector<std::pair<const SessionRecord*, SessionPain>> flagged;
    for (const auto* s : sessions_) {
      auto pain = session_pain(*s);
      if (!pain) continue;
      ++compared;
      change += pain->change();
      rose += pain->rose() ? 1 : 0;
      if (pain->flagged()) flagged.emplace_back(s, *pain);
    }
    put("<p><b>Pain before and after</b> (0 no pain, 10 the worst imaginable): ");
    if (compared == 0) {
      put("no session has both; roll compares them only within a session that has both.</p>\n");
      return;
    }
    put("{} with both (compared only within a session), on average {:+.1f} after; {} with more "
        "pain after, {} flagged (a rise of 2 or more: roll's own threshold, after Ostelo et al. "
        "2008)",
        plural(compared, "session"), static_cast<double>(change) / compared, rose, flagged.size());
    // The latest few, one line: the first page has no room for a table of them.
    constexpr std::size_t kShown = 2;
    std::size_t from = flagged.size() > kShown ? flagged.size() - kShown : 0;
    for (std::size_t i = from; i < flagged.size(); ++i) {
      const auto& [s, pain] = flagged[i];
      put("{} <span class=\"high\">{} {} {}&#8594;{} !</span>", i == from ? ", latest:" : ";",
          format_local(local_start(*s)), html_escape(s->routine_title), pain.before, pain.after);
    }
    put(".</p>\n");
  }

  void pain_and_pressure() {
    std::map<std::string, const SessionRecord*> by_uid;
    for (const auto* s : sessions_)
      if (!s->uid.empty()) by_uid[s->uid] = s;
    put("<section>\n<h2>Pain stops</h2>\n");
    if (stops_.empty()) {
      put("<p class=\"none\">No pain stops in these weeks.</p>\n");
    } else {
      put("<table>\n<thead><tr><th>When</th><th>Zone under the roller</th><th>Routine</th></tr>"
          "</thead>\n<tbody>\n");
      for (const auto* p : stops_) {
        auto it = by_uid.find(p->session_uid);
        std::string routine =
            it == by_uid.end() ? std::string("(not in these records)") : it->second->routine_title;
        put("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            format_local(LocalSeconds{(p->at + p->utc_offset).time_since_epoch()}),
            p->zone.empty() ? std::string("none (off the roller)") : html_escape(p->zone),
            html_escape(routine));
      }
      put("</tbody>\n</table>\n");
    }
    pain_before_after();
    put("</section>\n<section>\n<h2>Pressure readings</h2>\n");
    std::vector<PressureReading> readings;
    for (const auto* s : sessions_)
      readings.insert(readings.end(), s->pressures.begin(), s->pressures.end());
    auto zones = pressure_by_zone(readings);
    if (zones.empty()) {
      put("<p class=\"none\">No pressure readings in these weeks.</p>\n</section>\n");
      return;
    }
    put("<table>\n<thead><tr><th>Zone</th><th class=\"n\">Readings</th><th class=\"n\">Average"
        "</th><th class=\"n\">Highest</th><th class=\"n\">Above {}</th><th>Average out of 10"
        "</th></tr></thead>\n<tbody>\n",
        kPressureLimit);
    for (const auto& z : zones) {
      int above = static_cast<int>(std::count_if(
          readings.begin(), readings.end(),
          [&](const PressureReading& r) { return r.zone == z.zone && r.value > kPressureLimit; }));
      bool high = z.highest > kPressureLimit;
      put("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}{}"
          "</td><td class=\"n\">{}</td><td>",
          html_escape(z.zone), z.readings, one_decimal(z.average), high ? " high" : "", z.highest,
          high ? " !" : "", above);
      put("<svg viewBox=\"0 0 100 10\" role=\"img\" aria-label=\"average {} of 10\" "
          "style=\"width:10em;margin:0\"><rect x=\"0\" y=\"1\" width=\"100\" height=\"8\" "
          "fill=\"#eee\"/><rect x=\"0\" y=\"1\" width=\"{:.0f}\" height=\"8\" fill=\"{}\"/>"
          "<line x1=\"{}\" y1=\"0\" x2=\"{}\" y2=\"10\" stroke=\"#000\" stroke-width=\"1\"/></svg>",
          one_decimal(z.average), z.average * 10, high ? "#c62828" : "#2e7d32", kPressureLimit * 10,
          kPressureLimit * 10);
      put("</td></tr>\n");
    }
    put("</tbody>\n</table>\n<p class=\"legend\">The black tick marks {}/10, roll's own limit (the "
        "first article aims for around a 6 or 7); ! marks a zone with a reading above it."
        "</p>\n</section>\n",
        kPressureLimit);
  }

  void routines() {
    struct Row {
      std::string title;
      int sessions = 0, completed = 0, partial = 0;
      std::int64_t seconds = 0;
      LocalSeconds last{};
    };
    std::map<std::string, Row> rows;
    for (const auto* s : sessions_) {
      auto& r = rows[s->routine_name];
      r.title = s->routine_title;
      ++r.sessions;
      r.completed += counts_as_done(s->status, s->origin) ? 1 : 0;
      r.partial += s->status == SessionStatus::partial ? 1 : 0;
      r.seconds += s->completed_seconds;
      r.last = std::max(r.last, local_start(*s));
    }
    put("<section>\n<h2>Routines done</h2>\n");
    if (rows.empty()) {
      put("<p class=\"none\">No sessions were recorded in these weeks.</p>\n</section>\n");
      return;
    }
    put("<table>\n<thead><tr><th class=\"fig\">Figure</th><th>Routine</th><th class=\"n\">"
        "Sessions</th><th class=\"n\">"
        "Completed</th><th class=\"n\">Partial</th><th class=\"n\">Minutes</th><th>Last done</th>"
        "</tr></thead>\n<tbody>\n");
    std::vector<std::pair<std::string, Row>> sorted(rows.begin(), rows.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second.sessions > b.second.sessions;
    });
    for (const auto& [name, r] : sorted) {
      put("<tr><td class=\"fig\">");
      if (auto it = in_.figures.find(name); it != in_.figures.end()) {
        const StepFigure& f = it->second.figure;
        put("{}", figure_svg(draw_pose(f.pose, it->second.prop, f.travel),
                             {to_string(f.pose), pose_facts(f.pose).description, 1.0}));
      }
      put("</td>");
      put("<td>{} <span class=\"none\">({})</span></td><td class=\"n\">{}</td><td class=\"n\">"
          "{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
          html_escape(r.title), html_escape(name), r.sessions, r.completed, r.partial,
          minutes(r.seconds), format_local(r.last));
    }
    put("</tbody>\n</table>\n</section>\n");
  }

  void footer() {
    put("<footer>\n<p>roll is a coach, not a clinician. Sharp, shooting pain is never to be "
        "tolerated: stop, and see a physical therapist or doctor if it persists.</p>\n");
    put("<p>Written by roll {} from the user's own records on {}.</p>\n</footer>\n",
        html_escape(in_.version), html_escape(in_.generated));
    put("</body>\n</html>\n");
  }

  const ReportInput& in_;
  std::vector<const SessionRecord*> sessions_;
  std::vector<const PainStop*> stops_;
  std::map<LocalDays, DayInfo> days_;
  std::string out_;
};

}  // namespace

RoutineFigure routine_figure(const Routine& routine) {
  RoutineFigure out;
  out.prop = prop_for(routine.roller);
  auto first = std::find_if(routine.steps.begin(), routine.steps.end(),
                            [](const Step& step) { return on_roller(step); });
  if (first == routine.steps.end()) first = routine.steps.begin();
  if (first != routine.steps.end()) out.figure = step_figure(*first);
  return out;
}

ReportRange report_range(LocalDays today, int weeks) {
  weeks = std::max(1, weeks);
  weekday wd{today};
  LocalDays monday = today - days{(wd.c_encoding() + 6) % 7};
  return {monday - days{7 * (weeks - 1)}, monday + days{6}, weeks};
}

std::string html_escape(std::string_view text) {
  std::string clean = sanitize(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_report(const ReportInput& input) {
  return Page(input).build();
}

bool is_roll_report(std::string_view text) {
  // Its first lines exactly, nothing searched for further in.
  return text.starts_with(kStart);
}

}  // namespace roll
