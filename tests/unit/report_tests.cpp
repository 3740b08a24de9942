// The HTML report's builder: escaping of everything from the history, nothing fetched or run,
// every section present, the empty history readable.
#include <doctest/doctest.h>

#include "roll/report.hpp"

using namespace roll;
using namespace std::chrono;

namespace {

LocalDays on(int y, unsigned m, unsigned d) {
  return local_days{year{y} / month{m} / day{d}};
}

SysSeconds utc(LocalDays d, int h) {
  return SysSeconds{d.time_since_epoch()} + hours{h};
}

SessionRecord session(LocalDays d, const std::string& name, const std::string& title,
                      SessionStatus status, int seconds) {
  SessionRecord r;
  r.routine_name = name;
  r.routine_title = title;
  r.started_at = utc(d, 21);
  r.ended_at = r.started_at + std::chrono::seconds{seconds};
  r.planned_seconds = 300;
  r.completed_seconds = seconds;
  r.status = status;
  r.zone_seconds["thoracic"] = seconds / 2;
  r.zone_seconds["lats"] = seconds - seconds / 2;
  return r;
}

ReportInput sample() {
  ReportInput in;
  in.today = on(2026, 11, 23);
  in.range = report_range(in.today, 8);
  in.generated = "2026-11-23 21:00";
  in.version = "0.1.0";
  for (int i = 0; i < 40; ++i) {
    auto s = session(on(2026, 10, 10) + days{i}, "bedtime", "Five minutes before bed",
                     i % 5 == 4 ? SessionStatus::partial : SessionStatus::completed, 300);
    if (i % 3 == 0) {
      s.rating_before = 4 + i % 3;
      s.rating_after = 6 + i % 4;
    }
    s.pressures.push_back({30, 5 + i % 4, "thoracic"});
    in.sessions.push_back(s);
  }
  PainStop stop;
  stop.at = utc(on(2026, 11, 2), 21);
  stop.zone = "glutes";
  in.pain_stops.push_back(stop);
  return in;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// An event handler attribute (onload=, onclick=...) in markup.
bool has_handler(const std::string& html) {
  for (std::size_t at = html.find(" on"); at != std::string::npos; at = html.find(" on", at + 1)) {
    std::size_t i = at + 3;
    while (i < html.size() && html[i] >= 'a' && html[i] <= 'z') ++i;
    if (i > at + 3 && i < html.size() && html[i] == '=') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("report range: whole weeks, Monday to Sunday, ending with today's") {
  auto r = report_range(on(2026, 11, 25), 8);  // a Wednesday
  CHECK(r.first == on(2026, 10, 5));
  CHECK(r.last == on(2026, 11, 29));
  CHECK(r.weeks == 8);
  CHECK(report_range(on(2026, 11, 23), 1).first == on(2026, 11, 23));
}

TEST_CASE("html_escape: markup, quotes, ampersands, controls and invalid UTF-8") {
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("a & \"b\" 'c'") == "a &amp; &quot;b&quot; &#39;c&#39;");
  CHECK(html_escape("bell\a esc\x1b[2J") == "bell\\x07 esc\\x1b[2J");
  CHECK(html_escape("\xff") == "\\xff");
  CHECK(html_escape("Määttä · ok") == "Määttä · ok");
}

TEST_CASE("html report: self-contained, every section, the definitions a physiotherapist needs") {
  auto html = html_report(sample());
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(is_roll_report(html));
  CHECK(has(html, "<meta charset=\"utf-8\">"));
  CHECK(has(html, "<title>"));
  CHECK(has(html, "2026-10-05"));
  CHECK(has(html, "2026-11-29"));
  for (const char* section : {"Adherence", "Minutes per zone", "Before and after", "Pain stops",
                              "Pressure", "Routines done"}) {
    CAPTURE(section);
    CHECK(has(html, section));
  }
  CHECK(has(html, "80%"));  // the definition of completed
  CHECK(has(html, "Partial"));
  CHECK(has(html, "<svg"));
  CHECK(has(html, "@media print"));
  CHECK(has(html, "A4"));
  CHECK(has(html, "Five minutes before bed"));
  // Only the first article gives a number, and as a target; the 7 and the 8 are roll's own.
  CHECK(has(html, "roll's own limit"));
  CHECK(has(html, "as a target"));
  CHECK_FALSE(has(html, "the most the articles"));
  CHECK_FALSE(has(html, "articles roll follows advise"));
  CHECK_FALSE(has(html, "the articles advise"));
  CHECK(has(html, "glutes"));
  // Nothing to run and nothing to fetch.
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "http:"));
  CHECK_FALSE(has(html, "https:"));
  CHECK_FALSE(has(html, "url("));
  CHECK_FALSE(has(html, "@import"));
  CHECK_FALSE(has(html, " src="));
  CHECK_FALSE(has(html, " href="));
  CHECK_FALSE(has_handler(html));
}

TEST_CASE("html report: what a physiotherapist reads first comes first, with its figures") {
  auto html = html_report(sample());
  // 40 sessions, 8 partial; readings 5-8 with every fourth an 8; every third rated 4 before and
  // 6-9 after; one pain stop; 50 days from Monday 5 October to today.
  CHECK(has(html, "<b>40</b> sessions<small>32 completed, 8 partial, 0 stopped early</small>"));
  CHECK(has(html, "<b>32 of 50</b> days with a completed session"));
  CHECK(has(html, "<b>1</b> pain stop<small>"));
  CHECK(has(html, "<b>10</b> pressure readings above 7<small>of 40 recorded"));
  CHECK(has(
      html,
      "<b>4.0 &#8594; 7.5</b> back feel before and after<small>older scale, 10 fine, not pain"));
  CHECK(has(html, "14 rated sessions"));
  auto at = [&](const char* text) { return html.find(text); };
  for (const char* later :
       {"Adherence calendar", "Minutes per zone", "Routines done", "How to read this report"}) {
    CAPTURE(later);
    REQUIRE(at(later) != std::string::npos);
    for (const char* first :
         {"At a glance", "<h2>Pain stops", "<h2>Pressure readings", "<h2>Before and after"}) {
      CAPTURE(first);
      CHECK(at(first) < at(later));
    }
  }
}

TEST_CASE("html report: a hostile routine title, name and zone are text, never markup") {
  auto in = sample();
  auto s = session(on(2026, 11, 20), "<b>x", "<script>alert('t')</script>",
                   SessionStatus::completed, 300);
  s.zone_seconds["<img src=x onerror=alert(1)>"] = 60;
  s.pressures.push_back({5, 9, "\"><svg onload=alert(1)>"});
  s.routine_title += " & \x1b]52;c;Zm9v\x07";
  in.sessions.push_back(s);
  PainStop stop;
  stop.at = utc(on(2026, 11, 21), 21);
  stop.zone = "</td><script>";
  in.pain_stops.push_back(stop);
  auto html = html_report(in);
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "<img"));
  CHECK_FALSE(has(html, "<svg onload"));
  CHECK_FALSE(has(html, "<b>x"));
  CHECK_FALSE(has(html, "\x1b"));
  CHECK_FALSE(has(html, "\x07"));
  CHECK(has(html, "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
  CHECK(has(html, "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(has(html, "&lt;/td&gt;&lt;script&gt;"));
}

TEST_CASE("html report: an empty history still reads as a report") {
  ReportInput in;
  in.today = on(2026, 11, 23);
  in.range = report_range(in.today, 4);
  in.generated = "2026-11-23 21:00";
  auto html = html_report(in);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(has(html, "No sessions"));
  CHECK(has(html, "No ratings"));
  CHECK(has(html, "No pain stops"));
  CHECK(has(html, "</html>"));
}

TEST_CASE("is_roll_report: only roll's own pages") {
  CHECK_FALSE(is_roll_report("<!DOCTYPE html><html><head><title>mine</title>"));
  CHECK_FALSE(is_roll_report("notes about my back"));
  CHECK_FALSE(is_roll_report(""));
}

TEST_CASE("html report: pain before and after, compared within a session, a rise of 2 flagged") {
  auto in = sample();
  in.sessions[0].pain_before = 3;
  in.sessions[0].pain_after = 5;  // flagged
  in.sessions[1].pain_before = 3;
  in.sessions[1].pain_after = 4;  // rose, not flagged
  in.sessions[2].pain_before = 6;
  in.sessions[2].pain_after = 2;
  in.sessions[3].pain_after = 9;  // no before: not compared
  auto html = html_report(in);
  CHECK(has(html,
            "<b>Pain before and after</b> (0 no pain, 10 the worst imaginable): 3 sessions "
            "with both (compared only within a session), on average -0.3 after; 2 with "
            "more pain after, 1 flagged (a rise of 2 or more: roll's own threshold, after "
            "Ostelo et al. 2008), latest:"));
  CHECK(has(html, "3&#8594;5 !"));
  // The older scale keeps its label, never called pain.
  CHECK(has(html, "how the back felt (the older scale, 10 fine; not pain)"));
  auto none = html_report(sample());
  CHECK(has(none, "roll compares them only within a session that has both"));
}

TEST_CASE("report: the active prescription and its adherence come first, escaped") {
  auto in = sample();
  CHECK_FALSE(has(html_report(in), "<h2>Prescription</h2>"));  // none without one

  Prescription p;
  p.title = "Four weeks <of> thoracic work";
  p.clinician = "Dr. Ana Moreno";
  p.routines = {{"mid-back-extension", false, {}}, {"bedtime", false, {}}};
  p.days = {true, true, true, true, true, true, false};
  p.times_per_day = 2;
  p.from = on(2026, 11, 2);
  p.until = on(2026, 11, 29);
  Adherence a;
  a.total.prescribed = 24;
  a.total.done = 21;
  a.total.excused = 1;
  a.total.missed = 2;
  a.total.extra = 1;
  a.weeks.push_back({on(2026, 11, 2), AdherenceCount{12, 10, 1, 1, 0, 1, 1}});
  in.prescription = &p;
  in.adherence = &a;
  in.prescription_words = "your prescription from Dr. Ana Moreno runs until Sun 29 Nov";
  auto html = html_report(in);
  auto at = html.find("<h2>Prescription</h2>");
  REQUIRE(at != std::string::npos);
  CHECK(at < html.find("<h2>At a glance</h2>"));
  CHECK(has(html,
            "<b>Four weeks &lt;of&gt; thoracic work</b>, from Dr. Ana Moreno: "
            "mid-back-extension, bedtime, 2 a day on mon tue wed thu fri sat, 2026-11-02 to "
            "2026-11-29. Your prescription from Dr. Ana Moreno runs until Sun 29 Nov."));
  CHECK(has(html,
            "Adherence: <b>91%</b>, 21 of 23 prescribed sessions done; 1 excused for "
            "safety, 2 missed, 0 still to do today, 1 beyond the schedule (not counted)."));
  // The weeks in the same paragraph, so that the pain stops stay on the first page.
  CHECK(has(html,
            "By week (from each Monday): 2026-11-02 <b>90%</b> (10 of 11, 1 excused, 1 "
            "missed)."));
  // With a prescription on top, the older scale keeps its figures but not its chart.
  CHECK_FALSE(has(html, "aria-label=\"Ratings from 0 to 10 before"));
}

TEST_CASE("report: pain and the PSFS since the first rating, flagged where meaningful") {
  ReportInput in = sample();
  auto pain = [&](unsigned day, int before) {
    in.pain.push_back(
        {utc(on(2026, 11, day), 20), std::chrono::seconds{0}, before, PainMoment::before, "", ""});
  };
  pain(2, 6);
  pain(16, 3);
  in.psfs.push_back({utc(on(2026, 11, 2), 21), std::chrono::seconds{0}, {{"Reaching up", 3}}});
  in.psfs.push_back({utc(on(2026, 11, 16), 21), std::chrono::seconds{0}, {{"Reaching up", 4}}});
  auto html = html_report(in);
  CHECK(has(html, "<b>Since the first rating</b>"));
  CHECK(has(html, "pain before sessions 6 &#8594; 3, down 3: <b>a meaningful change</b>"));
  CHECK(has(html, "3 &#8594; 4, 1 point easier: not yet meaningful"));
  CHECK(has(html, "2 points or 30% from the first week&#39;s average (Ostelo et al. 2008)"));
  CHECK(has(html, "the figure usually cited from Stratford et al. 1995"));
  // More pain is flagged as such.
  in.pain = {};
  pain(2, 3);
  pain(16, 6);
  CHECK(has(html_report(in),
            "pain before sessions 3 &#8594; 6, up 3: <b class=\"high\">meaningful, "
            "more pain !</b>"));
  // Nothing rated: nothing said.
  CHECK_FALSE(has(html_report(sample()), "Since the first rating"));
}

TEST_CASE("html report: minutes on the roller are the roller's, an old record is not recorded") {
  ReportInput in;
  in.today = on(2026, 11, 23);
  in.range = report_range(in.today, 1);
  in.generated = "2026-11-23 21:00";
  in.version = "0.1.0";
  // 360 s done, 180 of them on the roller: cat-cow and the needle are not.
  auto live = session(on(2026, 11, 23), "bedtime", "Before bed", SessionStatus::completed, 300);
  live.zone_seconds = {{"full-body", 60}, {"thoracic", 300}};
  live.roller_seconds = {{"full-body", 0}, {"thoracic", 180}};
  in.sessions.push_back(live);
  auto html = html_report(in);
  CHECK(has(html, "<b>3</b> minutes on the roller"));
  CHECK_FALSE(has(html, "not recorded"));
  // A session from before roll kept it: counted apart, never guessed from its zones.
  in.sessions.push_back(
      session(on(2026, 11, 23), "bedtime", "Before bed", SessionStatus::completed, 300));
  html = html_report(in);
  CHECK(has(html, "<b>3</b> minutes on the roller<small>not recorded for 1 session"));
}
