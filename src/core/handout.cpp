#include "roll/handout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "roll/dose.hpp"
#include "roll/duration.hpp"
#include "roll/figure.hpp"
#include "roll/figure_svg.hpp"
#include "roll/plan.hpp"
#include "roll/profile.hpp"
#include "roll/report.hpp"

namespace roll {

namespace {

// How every page starts, up to the generator's version: what is_roll_handout() looks for before
// replacing a file.
constexpr std::string_view kStart =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"generator\" content=\"roll handout";

// Two columns of steps on A4; past six steps, three narrower ones and smaller type, so that the
// bundled routines print on one page or two.
constexpr std::string_view kStyle = R"css(
:root { color: #1a1a1a; background: #fff; }
body { font: 15px/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 1.5em auto;
       max-width: 60em; padding: 0 1.2em; }
h1 { font-size: 1.5em; margin: 0 0 .15em; }
p { margin: .15em 0; }
.meta { color: #333; }
.src { color: #555; font-size: .85em; }
.always { border: 2px solid #c0392b; border-radius: 4px; padding: .25em .8em; margin: .5em 0; }
.always h2, .contra h2 { font-size: 1em; margin: .15em 0; }
.always ul, .contra ul { margin: .1em 0 .2em; padding-left: 1.2em; }
ol.steps { list-style: none; padding: 0; margin: .5em 0; display: grid;
           grid-template-columns: 1fr 1fr; gap: .5em; }
li.step { border: 1px solid #aaa; border-radius: 4px; padding: .35em .6em; }
li.step svg { display: block; width: 100%; height: auto; max-height: 11em; margin: 0 auto; }
.fig { text-align: center; margin: 0 0 .2em; }
.step h2 { font-size: 1.05em; margin: 0 0 .15em; }
.step h2 .n { display: inline-block; min-width: 1.4em; }
.dose { font-weight: bold; }
.pressure { font-style: italic; }
.step ul { margin: .1em 0 0; padding-left: 1.1em; }
.contra { border: 1px solid #999; border-radius: 4px; padding: .25em .8em; margin: .5em 0; }
footer { font-size: .8em; color: #444; border-top: 1px solid #999; margin-top: .6em;
         padding-top: .3em; }
@page { size: A4; margin: 10mm 12mm; }
@media print {
  body { font-size: 8.3pt; line-height: 1.28; margin: 0; max-width: none; padding: 0; }
  .fig { font-size: 6.5pt; }
  footer { font-size: 6.8pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 14pt; }
  li.step { break-inside: avoid; }
  li.step svg { max-height: 22mm; }
  .always, .contra { break-inside: avoid; }
  .always ul, .contra ul { columns: 2; column-gap: 6mm; }
  .always li, .contra li { break-inside: avoid; }
  body.compact { font-size: 7.6pt; }
  body.compact ol.steps { grid-template-columns: 1fr 1fr 1fr; gap: 1.5mm; }
  body.compact li.step svg { max-height: 18mm; }
}
)css";

std::string tool_words(Roller roller) {
  switch (roller) {
    case Roller::ball:
      return "a massage ball";
    case Roller::peanut:
      return "a peanut (two balls joined)";
    default:
      return fmt::format("a {} foam roller", to_string(roller));
  }
}

struct Line {
  std::string_view text;
  std::string_view source;
};

bool hands_behind_head(PoseId pose) {
  return pose == PoseId::lie_across || pose == PoseId::thoracic_extension ||
         pose == PoseId::thoracic_pivot || pose == PoseId::back_roll;
}

// The safety lines a step's pose calls for, beside the ones every step has (at the top).
std::vector<Line> step_safety(PoseId pose, const Step& step) {
  std::vector<Line> out;
  if (hands_behind_head(pose)) {
    out.push_back(
        {"Your hands support your head: never pull on your neck.", "first and second articles"});
  }
  switch (pose) {
    case PoseId::lie_across:
    case PoseId::thoracic_extension:
    case PoseId::thoracic_pivot:
    case PoseId::back_roll:
      out.push_back(
          {"On the rib cage only, from its base to the top of the shoulders: never the "
           "low back, never the neck.",
           "first and second articles"});
      break;
    case PoseId::rib_roll:
      out.push_back({"On the muscles beside the spine, not on the bone.", "first article"});
      break;
    case PoseId::along_the_spine:
    case PoseId::snow_angel:
      out.push_back({"Hands stay on the floor; make the range smaller if you feel strain or pain.",
                     "second article"});
      break;
    case PoseId::lat_release:
    case PoseId::lat_roll:
    case PoseId::kneeling_lat_roll:
      out.push_back(
          {"On the side of the ribs, between the armpit and the lowest rib: never lower, "
           "toward the low back.",
           "roll's own reading of the first article's rule on the low back"});
      break;
    case PoseId::glute_figure_four:
    case PoseId::glute_roll:
      out.push_back({"On the glute only, never up toward the low back.",
                     "first article: the low back is never rolled"});
      break;
    default:
      break;
  }
  if (!on_roller(step) && step.kind == StepKind::movement) {
    out.push_back({"Off the roller: slowly, through a range that does not hurt.",
                   "first article: move after rolling"});
  }
  return out;
}

// The second article's contraindications, in its order, with its words (condition_advice).
constexpr std::array<std::pair<Condition, std::string_view>, 6> kContraindications{{
    {Condition::osteoporosis, "Osteoporosis"},
    {Condition::recent_trauma, "Trauma"},
    {Condition::muscle_guarding, "Excessive muscle guarding"},
    {Condition::active_cancer, "Cancer"},
    {Condition::neurological_symptoms, "Severe neurological symptoms"},
    {Condition::recent_surgery, "Recent surgery"},
}};

class Page {
 public:
  explicit Page(const HandoutInput& in) : in_(in), plan_(make_plan(in.routine)) {}

  std::string build() {
    const Routine& r = in_.routine;
    bool compact = r.steps.size() > 6;
    put("{} {}\">\n", kStart, html_escape(in_.version));
    put("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    put("<title>{}: a foam-roller hand-out</title>\n", html_escape(r.title));
    put("<style>{}</style>\n</head>\n<body{}>\n", kStyle, compact ? " class=\"compact\"" : "");
    header();
    always();
    steps();
    contraindications();
    footer();
    put("</body>\n</html>\n");
    return std::move(out_);
  }

 private:
  template <class... Args>
  void put(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out_), f, std::forward<Args>(args)...);
  }

  void header() {
    const Routine& r = in_.routine;
    auto total = std::chrono::seconds(rounded_seconds(plan_.total));
    put("<header>\n<h1>{}</h1>\n", html_escape(r.title));
    put("<p class=\"meta\">Level: {} · Tool: {} · {} step{} · about {} in all</p>\n",
        to_string(r.level), tool_words(r.roller), r.steps.size(), r.steps.size() == 1 ? "" : "s",
        human_duration(total));
    if (!r.summary.empty()) put("<p>{}</p>\n", html_escape(r.summary));
    put("</header>\n");
  }

  void always() {
    put("<section class=\"always\">\n<h2>Every time</h2>\n<ul>\n");
    put("<li>Never roll the lower back or the neck. <span class=\"src\">(first and second "
        "articles)</span></li>\n");
    put("<li>Stop at sharp or shooting pain, or if pain increases or symptoms get worse. "
        "<span class=\"src\">(second article)</span></li>\n");
    put("<li>Slow, sustained pressure, and keep breathing: grimacing or holding your breath "
        "means too much. The first article aims for pain \"around a 6 or 7\" out of 10 at most, "
        "a \"good hurt\"; more is not better. <span class=\"src\">(first article)</span></li>\n");
    put("<li>After a fresh injury, such as a pulled muscle or a \"thrown out\" back, wait at "
        "least 48 to 72 hours, until the acute pain has subsided. <span class=\"src\">(first "
        "article)</span></li>\n");
    put("</ul>\n</section>\n");
  }

  void steps() {
    const Routine& r = in_.routine;
    put("<ol class=\"steps\">\n");
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      const Step& step = r.steps[i];
      StepFigure fig = step_figure(step);
      const PoseFacts& facts = pose_facts(fig.pose);
      put("<li class=\"step\">\n");
      Drawing drawing = draw_pose(fig.pose, prop_for(r.roller), fig.travel);
      // The figure's words are its <desc>, for a screen reader; on paper the cue says it all.
      put("{}\n", figure_svg(drawing, {to_string(fig.pose), facts.description, 1.6}));
      put("<p class=\"src fig\">Figure: {} ({})</p>\n", to_string(fig.pose), facts.sources);
      put("<h2><span class=\"n\">{}.</span> {}</h2>\n", i + 1, html_escape(step.name));
      put("<p class=\"dose\">{}</p>\n", html_escape(dose_words(r, plan_, i)));
      if (!step.cue.empty()) put("<p class=\"cue\">{}</p>\n", html_escape(step.cue));
      std::string pressure = pressure_words(step);
      if (!pressure.empty()) put("<p class=\"pressure\">{}</p>\n", html_escape(pressure));
      put("<ul>\n");
      for (const auto& line : step_safety(fig.pose, step)) {
        put("<li>{} <span class=\"src\">({})</span></li>\n", line.text, line.source);
      }
      put("</ul>\n</li>\n");
    }
    put("</ol>\n");
  }

  void contraindications() {
    put("<section class=\"contra\">\n<h2>When not to roll: ask your doctor or physical "
        "therapist first if you have any of these <span class=\"src\">(the second article's "
        "contraindications)</span></h2>\n<ul>\n");
    for (const auto& [condition, name] : kContraindications) {
      put("<li><b>{}</b>: {}", name, html_escape(condition_advice(condition)));
      if (condition == Condition::osteoporosis) {
        put(" The pressure from a firm roller on the ribs can, in rare cases, cause fractures in "
            "compromised bone. <span class=\"src\">(first article)</span>");
      }
      put("</li>\n");
    }
    put("</ul>\n</section>\n");
  }

  void footer() {
    const Routine& r = in_.routine;
    put("<footer>\n");
    if (!r.sources.empty()) {
      put("<p>This routine's sources: ");
      for (std::size_t i = 0; i < r.sources.size(); ++i) {
        put("{}{}", i == 0 ? "" : "; ", html_escape(r.sources[i]));
      }
      put(".</p>\n");
    }
    put("<p>The articles: first, \"Back stretches using foam roller: Why your technique is "
        "probably making your pain worse\"; second, \"How Foam Rolling Can Improve Upper Back "
        "Health\" (Jaydee Vykoukal, PT, DPT); third, \"Relieve Mid-Back Pain with This Foam "
        "Rolling Exercise\" (Dr. John Wertish). roll's own readings say so.</p>\n");
    std::string made = "Made by roll";
    if (!in_.version.empty()) made += " " + html_escape(in_.version);
    if (!in_.file.empty()) made += " from " + html_escape(in_.file);
    if (!in_.generated.empty()) made += " on " + html_escape(in_.generated);
    put("<p>{}. A hand-out, not a diagnosis: ask a physical therapist about anything that "
        "hurts.</p>\n</footer>\n",
        made);
  }

  const HandoutInput& in_;
  Plan plan_;
  std::string out_;
};

}  // namespace

std::string pressure_words(const Step& step) {
  if (!on_roller(step)) return "";
  if (!step.intensity) {
    return "Pressure: gentle, never past the first article's \"around a 6 or 7\" out of 10.";
  }
  int level = std::clamp(*step.intensity, 0, 7);
  if (level < 6) {
    return fmt::format(
        "Pressure: about {}/10, gentler than the first article's \"around a 6 or 7\".", level);
  }
  return fmt::format(
      "Pressure: about {}/10, the first article's \"around a 6 or 7\", a \"good hurt\": no more.",
      level);
}

std::string handout_html(const HandoutInput& input) {
  return Page(input).build();
}

bool is_roll_handout(std::string_view text) {
  return text.substr(0, kStart.size()) == kStart;
}

}  // namespace roll
