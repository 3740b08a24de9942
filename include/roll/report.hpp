#pragma once
// `roll report --html`: one self-contained HTML page of the last weeks that a user can print or
// hand to a physiotherapist. Inline SVG and CSS only: no script, no font, no image and no link
// to fetch, so it opens the same offline, in a mail attachment or years later. Pure: the history
// in, the page's text out.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "roll/adherence.hpp"
#include "roll/figure.hpp"
#include "roll/history.hpp"
#include "roll/outcomes.hpp"
#include "roll/pose.hpp"
#include "roll/routine.hpp"

namespace roll {

// Whole weeks, Monday to Sunday, ending with the one holding `today`.
struct ReportRange {
  LocalDays first{};  // a Monday
  LocalDays last{};   // a Sunday
  int weeks = 0;
};
[[nodiscard]] ReportRange report_range(LocalDays today, int weeks);

// A routine at a glance: the figure of its first step on the roller (of its first step when none
// is), on the routine's own roller, ball or peanut.
struct RoutineFigure {
  StepFigure figure;
  Prop prop = Prop::roller;
};
[[nodiscard]] RoutineFigure routine_figure(const Routine& routine);

struct ReportInput {
  ReportRange range;
  LocalDays today{};
  std::string generated;  // local date and time the report was made, "2026-11-23 21:00"
  std::string version;    // roll's, for the generator line
  int day_start_hour = 4;
  // Any order, details attached (zones, pressures). Rehearsals and sessions outside the range
  // are left out here.
  std::vector<SessionRecord> sessions;
  std::vector<PainStop> pain_stops;
  std::set<LocalDays> rest_days;  // injuries' and pain stops' days
  // By routine name: the figure drawn beside the routine's row in "Routines done" (the routine as
  // its file reads now: routine_figure()). A routine not found has none.
  std::map<std::string, RoutineFigure> figures;
  // The active prescription and its adherence (adherence.hpp), on top of the first page; none
  // without one. `prescription_words` says when it starts or ends (prescription_end_words).
  const Prescription* prescription = nullptr;
  const Adherence* adherence = nullptr;
  std::string prescription_words;
  // The outcome measures since the first rating, not only the report's weeks (outcomes.hpp): the
  // pain ratings on the 0-10 scale and the PSFS answers, any order. Their trends and flags come
  // after the prescription, before the figures at a glance; nothing is shown without any.
  std::vector<PainRating> pain;
  std::vector<PsfsAnswer> psfs;
};

// Text from the history or a routine, safe as HTML text or an attribute value: controls and
// invalid UTF-8 made visible (as for a terminal), then & < > " ' as character references.
[[nodiscard]] std::string html_escape(std::string_view text);

[[nodiscard]] std::string html_report(const ReportInput& input);

// Whether `text` is a page html_report() wrote: `roll report` replaces only those (and empty
// files), never a file of the user's that happens to have the name given.
[[nodiscard]] bool is_roll_report(std::string_view text);

}  // namespace roll
