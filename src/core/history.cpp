#include "roll/history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace roll {

using namespace std::chrono;

SessionStatus parse_status(std::string_view text) {
  for (auto s : {SessionStatus::completed, SessionStatus::partial, SessionStatus::quit,
                 SessionStatus::pain_stop, SessionStatus::interrupted}) {
    if (text == status_name(s)) return s;
  }
  // `running` in the store means the process never said end(): it was killed or crashed.
  return SessionStatus::unfinished;
}

SessionOrigin parse_origin(std::string_view text) {
  for (auto o : {SessionOrigin::rehearsal, SessionOrigin::by_hand}) {
    if (text == origin_name(o)) return o;
  }
  return SessionOrigin::live;
}

std::optional<int> roller_seconds_done(const SessionRecord& r) {
  if (r.zone_seconds.empty())
    return r.completed_seconds == 0 ? std::optional<int>(0) : std::nullopt;
  int total = 0;
  for (const auto& [zone, secs] : r.zone_seconds) {
    (void)secs;
    auto it = r.roller_seconds.find(zone);
    if (it == r.roller_seconds.end()) return std::nullopt;
    total += it->second;
  }
  return total;
}

LocalDays session_day(const SessionRecord& r, int day_start_hour) {
  return roll_day(local_start(r), day_start_hour);
}

LocalDays stop_day(const PainStop& p, int day_start_hour) {
  return roll_day(LocalSeconds{(p.at + p.utc_offset).time_since_epoch()}, day_start_hour);
}

LocalDays roll_day(LocalSeconds local, int day_start_hour) {
  return floor<days>(local - hours{day_start_hour});
}

void add_rest_days(std::set<LocalDays>& rest, LocalSeconds from, LocalSeconds to,
                   int day_start_hour) {
  if (to <= from) return;
  for (LocalDays d = roll_day(from, day_start_hour); d <= roll_day(to - seconds{1}, day_start_hour);
       d += days{1}) {
    rest.insert(d);
  }
}

Streaks compute_streaks(const std::vector<LocalDays>& done, const std::set<LocalDays>& rest,
                        LocalDays today) {
  Streaks s;
  auto is_done = [&](LocalDays d) { return std::binary_search(done.begin(), done.end(), d); };
  // Longest: walk the done days in order; a gap breaks the run unless every day in it is a rest
  // day.
  int run = 0;
  std::optional<LocalDays> last;
  for (LocalDays d : done) {
    if (d > today) break;
    bool joined = false;
    if (last) {
      joined = true;
      for (LocalDays g = *last + days{1}; g < d; g += days{1}) {
        if (!rest.contains(g)) {
          joined = false;
          break;
        }
      }
    }
    run = joined ? run + 1 : 1;
    last = d;
    s.longest = std::max(s.longest, run);
  }
  // Current: the run that ends today, or yesterday when today is still open.
  if (!last) return s;
  LocalDays d = today;
  if (!is_done(d)) d -= days{1};
  // Skip back over rest days between the last session and today.
  while (!is_done(d) && rest.contains(d)) d -= days{1};
  if (is_done(d) && d == *last) s.current = run;
  return s;
}

Stats compute_stats(const StatsInput& input, const std::vector<LocalSeconds>& local_starts) {
  Stats st;
  st.day_start_hour = input.day_start_hour;
  LocalDays today = roll_day(input.now, input.day_start_hour);
  int weeks = std::max(1, input.weeks);
  // Monday of this week, then back weeks-1 weeks. 1970-01-01 was a Thursday.
  weekday wd{today};
  LocalDays monday = today - days{(wd.c_encoding() + 6) % 7};
  LocalDays first = monday - days{7 * (weeks - 1)};
  LocalDays last_day = monday + days{6};

  st.days.resize(static_cast<std::size_t>(7 * weeks));
  for (std::size_t i = 0; i < st.days.size(); ++i) {
    st.days[i].day = first + days{static_cast<int>(i)};
    st.days[i].rest = input.rest_days.contains(st.days[i].day);
  }
  st.weeks.resize(static_cast<std::size_t>(weeks));
  for (int w = 0; w < weeks; ++w)
    st.weeks[static_cast<std::size_t>(w)].week_start = first + days{7 * w};

  std::vector<LocalDays> done;
  const auto& sessions = *input.sessions;
  done.reserve(sessions.size() + (input.earlier != nullptr ? input.earlier->size() : 0));
  if (input.earlier != nullptr) {
    for (const auto& mark : *input.earlier) {
      ++st.total_sessions;
      if (!mark.completed) continue;
      ++st.total_completed;
      done.push_back(roll_day(mark.local_start, input.day_start_hour));
    }
  }
  auto earlier_days = static_cast<std::ptrdiff_t>(done.size());
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto& rec = sessions[i];
    LocalDays d = roll_day(local_starts[i], input.day_start_hour);
    bool completed = counts_as_done(rec.status, rec.origin);
    ++st.total_sessions;
    if (completed) {
      ++st.total_completed;
      done.push_back(d);
    }
    if (d < first || d > last_day) continue;
    auto index = static_cast<std::size_t>((d - first).count());
    auto& day = st.days[index];
    ++day.sessions;
    day.completed += completed ? 1 : 0;
    day.seconds += rec.completed_seconds;
    auto& week = st.weeks[index / 7];
    ++week.sessions;
    week.completed += completed ? 1 : 0;
    week.seconds += rec.completed_seconds;
    for (const auto& [zone, secs] : rec.zone_seconds) st.zone_seconds[zone] += secs;
    if (roller_seconds_done(rec)) {
      for (const auto& [zone, secs] : rec.roller_seconds) st.roller_seconds[zone] += secs;
    } else {
      ++st.roller_not_recorded;
    }
  }
  // The older days usually come in order already (the store reads them oldest first); only the
  // window's few then need sorting before the merge.
  auto mid = done.begin() + earlier_days;
  if (!std::is_sorted(done.begin(), mid)) std::sort(done.begin(), mid);
  std::sort(mid, done.end());
  std::inplace_merge(done.begin(), mid, done.end());
  done.erase(std::unique(done.begin(), done.end()), done.end());
  st.streaks = compute_streaks(done, input.rest_days, today);
  return st;
}

namespace {

// The calendar date and clock time `count` seconds after 1970-01-01 00:00, by arithmetic alone
// (days to a date in the proleptic Gregorian calendar): no time zone is consulted. fmt 9
// formats a sys_time through localtime(), so it is not used for either form below.
struct CivilTime {
  year_month_day date;
  hh_mm_ss<seconds> time;
};

CivilTime civil(seconds count) {
  sys_seconds t{count};
  auto day = floor<days>(t);
  return {year_month_day{day}, hh_mm_ss<seconds>{t - day}};
}

}  // namespace

std::string format_utc(SysSeconds t) {
  auto [date, time] = civil(t.time_since_epoch());
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::string format_local(LocalSeconds t) {
  auto [date, time] = civil(t.time_since_epoch());
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count());
}

std::string format_date(LocalDays d) {
  year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

namespace {

bool take_int(std::string_view& text, std::size_t digits, int& out) {
  if (text.size() < digits) return false;
  for (std::size_t i = 0; i < digits; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  std::from_chars(text.data(), text.data() + digits, out);
  text.remove_prefix(digits);
  return true;
}

bool take(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<int> parse_clock(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() == 4) {
    // "9:30"
    if (!take_int(text, 1, h)) return std::nullopt;
  } else if (!take_int(text, 2, h)) {
    return std::nullopt;
  }
  if (!take(text, ':') || !take_int(text, 2, m) || !text.empty()) return std::nullopt;
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::optional<ParsedTime> parse_time(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!take_int(text, 4, y) || !take(text, '-') || !take_int(text, 2, mo) || !take(text, '-') ||
      !take_int(text, 2, d)) {
    return std::nullopt;
  }
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  if (!text.empty() && (text.front() == 'T' || text.front() == 't' || text.front() == ' ')) {
    text.remove_prefix(1);
    if (!take_int(text, 2, h) || !take(text, ':') || !take_int(text, 2, mi)) return std::nullopt;
    if (take(text, ':') && !take_int(text, 2, s)) return std::nullopt;
    if (h > 23 || mi > 59 || s > 60) return std::nullopt;
  }
  ParsedTime out;
  out.local =
      LocalSeconds{local_days{ymd}.time_since_epoch()} + hours{h} + minutes{mi} + seconds{s};
  if (take(text, 'Z') || take(text, 'z')) {
    out.offset = seconds{0};
  } else if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    int sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
    int oh = 0, om = 0;
    if (!take_int(text, 2, oh)) return std::nullopt;
    take(text, ':');
    if (!take_int(text, 2, om) || oh > 23 || om > 59) return std::nullopt;
    out.offset = seconds{sign * (oh * 3600 + om * 60)};
  }
  if (!text.empty()) return std::nullopt;
  return out;
}

}  // namespace roll
