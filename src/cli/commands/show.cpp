// roll show NAME: a routine's plan, step by step, with timing, each step's figure and the total.
#include <fmt/color.h>
#include <fmt/core.h>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/routine_loading.hpp"
#include "roll/dose.hpp"
#include "roll/duration.hpp"
#include "roll/figure.hpp"
#include "roll/figure_text.hpp"
#include "roll/plan.hpp"
#include "roll/plural.hpp"
#include "roll/pose.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

std::string timing_text(const Step& step) {
  std::string per_pass;
  switch (step.unit) {
    case TimingUnit::seconds:
      per_pass = human_duration(seconds(step.count));
      break;
    case TimingUnit::breaths: {
      const Breath& b = step.breath;
      std::string pattern = fmt::format("in {}", b.inhale);
      if (b.hold_in > 0) pattern += fmt::format(", hold {}", b.hold_in);
      pattern += fmt::format(", out {}", b.exhale);
      if (b.hold_out > 0) pattern += fmt::format(", hold {}", b.hold_out);
      per_pass = fmt::format("{} ({} s)", plural(step.count, "breath"), pattern);
      break;
    }
    case TimingUnit::reps:
      per_pass = fmt::format("{} reps of {} s", step.count, step.rep_seconds);
      break;
  }
  std::string where;
  if (step.positions > 1) where += fmt::format(" at each of {} positions", step.positions);
  if (step.side == Side::both) where += " on each side";
  return per_pass + where;
}

std::string bold(const Context& ctx, const std::string& text) {
  return ctx.color ? fmt::format(fmt::emphasis::bold, "{}", text) : text;
}

std::string dim(const Context& ctx, const std::string& text) {
  return ctx.color ? fmt::format(fmt::fg(fmt::terminal_color::bright_black), "{}", text) : text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

// A step's figure beside its cue: small enough that a listing stays a listing, large enough to
// tell the poses apart (the gallery's 40 x 12 at three quarters).
constexpr std::size_t kFigureColumns = 30;
constexpr std::size_t kFigureRows = 8;
constexpr std::size_t kIndent = 4;
constexpr std::size_t kGap = 2;
// The cue beside it, within the 76 columns the rest of the listing keeps to.
constexpr std::size_t kCueColumns = 76 - kIndent - kFigureColumns - kGap;

std::string inked(const Context& ctx, const FigureRun& run) {
  if (!ctx.color) return run.text;
  switch (run.ink) {
    case FigureInk::ghost:
    case FigureInk::far:
    case FigureInk::floor:
      return dim(ctx, run.text);
    case FigureInk::arrow:
      return fmt::format(fmt::fg(fmt::terminal_color::yellow), "{}", run.text);
    default:
      return run.text;
  }
}

// Lines, each `kFigureColumns` wide once drawn: the figure, then its pose's name under it.
std::vector<std::string> figure_column(const Context& ctx, const Routine& r, const Step& step) {
  StepFigure figure = step_figure(step);
  TextFigure text = figure_text(draw_pose(figure.pose, prop_for(r.roller), figure.travel),
                                kFigureColumns, kFigureRows, ctx.env.utf8);
  std::vector<std::string> out;
  for (const FigureLine& line : text.lines) {
    std::string drawn;
    std::size_t width = 0;
    for (const FigureRun& run : line) {
      drawn += inked(ctx, run);
      width += display_width(run.text);
    }
    out.push_back(drawn + std::string(kFigureColumns - std::min(width, kFigureColumns), ' '));
  }
  std::string_view name = to_string(figure.pose);
  out.push_back(dim(ctx, std::string(name)) + std::string(kFigureColumns - name.size(), ' '));
  return out;
}

// The figure on the left, the cue wrapped beside it; rows as many as the longer of the two.
void print_figure_and_cue(Context& ctx, const Routine& r, const Step& step,
                          std::vector<std::string>& lines) {
  std::vector<std::string> left = figure_column(ctx, r, step);
  std::vector<std::string> right;
  if (!step.cue.empty()) right = lines_of(wrap(sanitize(step.cue), kCueColumns));
  std::string blank(kFigureColumns, ' ');
  for (std::size_t row = 0; row < std::max(left.size(), right.size()); ++row) {
    std::string line = std::string(kIndent, ' ') + (row < left.size() ? left[row] : blank);
    if (row < right.size()) line += std::string(kGap, ' ') + right[row];
    while (line.ends_with(' ')) line.pop_back();
    lines.push_back(std::move(line));
  }
}

void print_text(Context& ctx, const LoadedRoutine& loaded, const Plan& plan, bool figures) {
  const Routine& r = loaded.routine;
  // Every line goes through here: on a terminal that is not UTF-8 roll's own separators get
  // their ASCII stand-ins, as the routine's text does.
  std::vector<std::string> lines;
  auto put = [&](std::string text) {
    for (auto& line : lines_of(text)) lines.push_back(std::move(line));
  };
  put(fmt::format("{}  {}", bold(ctx, sanitize(r.title)),
                  dim(ctx, fmt::format("({}, {})", sanitize(r.name),
                                       platform::origin_name(loaded.file.origin)))));
  if (!r.summary.empty()) put(wrap(sanitize(r.summary), 78));
  put(fmt::format("{} · {} roller · {} · {} in all", to_string(r.level), to_string(r.roller),
                  to_string(r.purpose), clock_time(plan.total)));
  // A source is a line of the file, of any length: wrapped under itself, as the listing keeps to
  // 78 columns.
  for (const auto& source : r.sources) {
    std::string prefix = "source: ";
    for (const auto& line : lines_of(wrap(sanitize(source), 78 - prefix.size()))) {
      lines.push_back(prefix + line);
      prefix.assign(prefix.size(), ' ');
    }
  }
  lines.emplace_back();

  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const Step& s = r.steps[i];
    std::string zone = s.zone ? std::string(zone_name(*s.zone)) : std::string("-");
    std::string side = s.side == Side::none ? "" : fmt::format(" · {}", to_string(s.side));
    put(fmt::format("{:>2}. {}  {}", i + 1, bold(ctx, sanitize(s.name)),
                    dim(ctx, fmt::format("{} · {}{}", to_string(s.kind), zone, side))));
    std::string details =
        fmt::format("{} = {}", timing_text(s), clock_time(seconds(s.total_seconds())));
    if (s.intensity) details += fmt::format(" · intensity {}/10", *s.intensity);
    if (s.kind == StepKind::roll || s.tempo == Tempo::fast) {
      details += fmt::format(" · {} tempo", to_string(s.tempo));
    }
    put(fmt::format("    {}", details));
    if (figures) {
      print_figure_and_cue(ctx, r, s, lines);
    } else {
      // Without the drawing its words stay, for a screen reader or a narrow terminal: the
      // same the figure shows, as the JSON's pose_description says it.
      PoseId pose = step_figure(s).pose;
      put(indent(
          wrap(fmt::format("Figure ({}): {}", to_string(pose), pose_facts(pose).description), 72),
          "    "));
      if (!s.cue.empty()) put(indent(wrap(sanitize(s.cue), 72), "    "));
    }
  }
  auto ready = plan.total - plan.work;
  lines.emplace_back();
  put(fmt::format("Total {}: {} of work and {} getting ready between steps.",
                  clock_time(plan.total), clock_time(plan.work), clock_time(ready)));
  for (const auto& line : lines) {
    fmt::print(ctx.out, "{}\n", ctx.env.utf8 ? line : to_ascii(line));
  }
}

void print_json_plan(Context& ctx, const LoadedRoutine& loaded, const Plan& plan) {
  const Routine& r = loaded.routine;
  toml::array steps;
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const Step& s = r.steps[i];
    toml::table step{{"name", s.name},
                     {"kind", std::string(to_string(s.kind))},
                     {"on_roller", on_roller(s)},
                     {"zone", s.zone ? std::string(zone_name(*s.zone)) : std::string()},
                     {"side", std::string(to_string(s.side))},
                     {"seconds", s.total_seconds()},
                     {"unit", std::string(to_string(s.unit))},
                     {"count", s.count},
                     {"positions", s.positions},
                     {"tempo", std::string(to_string(s.tempo))},
                     {"cue", s.cue},
                     {"breath", toml::table{{"inhale", s.breath.inhale},
                                            {"hold_in", s.breath.hold_in},
                                            {"exhale", s.breath.exhale},
                                            {"hold_out", s.breath.hold_out}}}};
    if (s.unit == TimingUnit::reps) step.insert("rep_seconds", s.rep_seconds);
    if (s.intensity) step.insert("intensity", *s.intensity);
    PoseId pose = step_figure(s).pose;
    step.insert("pose", std::string(to_string(pose)));
    step.insert("pose_description", std::string(pose_facts(pose).description));
    step.insert("dose", dose_words(r, plan, i));
    steps.push_back(std::move(step));
  }
  toml::array sources;
  for (const auto& src : r.sources) sources.push_back(src);
  toml::array zones;
  for (auto& z : zones_in_order(r)) zones.push_back(z);
  toml::table out{{"name", r.name},
                  {"title", r.title},
                  {"summary", r.summary},
                  {"level", std::string(to_string(r.level))},
                  {"roller", std::string(to_string(r.roller))},
                  {"purpose", std::string(to_string(r.purpose))},
                  {"origin", platform::origin_name(loaded.file.origin)},
                  {"path", loaded.file.path.string()},
                  {"sources", std::move(sources)},
                  {"zones", std::move(zones)},
                  {"total_seconds", duration_cast<seconds>(plan.total).count()},
                  {"work_seconds", duration_cast<seconds>(plan.work).count()},
                  {"steps", std::move(steps)}};
  print_json(ctx, out);
}

}  // namespace

void declare_show(CommandSpec& roll, ShowOptions& opts) {
  auto& cmd = roll.command("show", "Show a routine's steps, timing and total time");
  cmd.option("routine", opts.routine, "A routine name (see `roll list`) or a path to a .toml file")
      .required()
      .completes(Completion::routine);
  cmd.flag("--json", opts.json, "Print the plan as a JSON object, each step's pose and its words");
  cmd.flag(
      "--no-figures", opts.no_figures,
      "Leave out each step's drawing (braille on a UTF-8 terminal, else ASCII) and say its pose in "
      "words instead");
  cmd.footer =
      "\nExamples:\n"
      "  roll show thoracic\n"
      "  roll show thoracic --no-figures\n"
      "  roll show ./my-routine.toml --json";
}

int run_show(Context& ctx, const ShowOptions& opts) {
  auto loaded = load_named_routine(ctx, opts.routine);
  print_diagnostics(ctx, loaded.warnings);
  Plan plan = make_plan(loaded.routine);
  if (opts.json) {
    print_json_plan(ctx, loaded, plan);
  } else {
    print_text(ctx, loaded, plan, !opts.no_figures);
  }
  return exit_ok;
}

}  // namespace roll::cli
