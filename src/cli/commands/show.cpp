// roll show NAME: a routine's plan, step by step, with timing and the total.
#include <fmt/color.h>
#include <fmt/core.h>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/routine_loading.hpp"
#include "roll/duration.hpp"
#include "roll/plan.hpp"
#include "roll/plural.hpp"
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

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

void print_text(Context& ctx, const LoadedRoutine& loaded, const Plan& plan) {
  const Routine& r = loaded.routine;
  fmt::print(ctx.out, "{}  {}\n", bold(ctx, sanitize(r.title)),
             dim(ctx, fmt::format("({}, {})", sanitize(r.name),
                                  platform::origin_name(loaded.file.origin))));
  if (!r.summary.empty()) fmt::print(ctx.out, "{}\n", wrap(sanitize(r.summary), 78));
  fmt::print(ctx.out, "{} · {} roller · {} · {} in all\n", to_string(r.level), to_string(r.roller),
             to_string(r.purpose), clock_time(plan.total));
  for (const auto& source : r.sources) fmt::print(ctx.out, "source: {}\n", sanitize(source));
  fmt::print(ctx.out, "\n");

  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const Step& s = r.steps[i];
    std::string zone = s.zone ? std::string(zone_name(*s.zone)) : std::string("-");
    std::string side = s.side == Side::none ? "" : fmt::format(" · {}", to_string(s.side));
    fmt::print(ctx.out, "{:>2}. {}  {}\n", i + 1, bold(ctx, sanitize(s.name)),
               dim(ctx, fmt::format("{} · {}{}", to_string(s.kind), zone, side)));
    std::string details =
        fmt::format("{} = {}", timing_text(s), clock_time(seconds(s.total_seconds())));
    if (s.intensity) details += fmt::format(" · intensity {}/10", *s.intensity);
    if (s.kind == StepKind::roll || s.tempo == Tempo::fast) {
      details += fmt::format(" · {} tempo", to_string(s.tempo));
    }
    fmt::print(ctx.out, "    {}\n", details);
    if (!s.cue.empty()) fmt::print(ctx.out, "{}\n", indent(wrap(sanitize(s.cue), 72), "    "));
  }
  auto ready = plan.total - plan.work;
  fmt::print(ctx.out, "\nTotal {}: {} of work and {} getting ready between steps.\n",
             clock_time(plan.total), clock_time(plan.work), clock_time(ready));
}

void print_json_plan(Context& ctx, const LoadedRoutine& loaded, const Plan& plan) {
  const Routine& r = loaded.routine;
  toml::array steps;
  for (const auto& s : r.steps) {
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
  cmd.flag("--json", opts.json, "Print the plan as a JSON object");
  cmd.footer =
      "\nExamples:\n"
      "  roll show thoracic\n"
      "  roll show ./my-routine.toml --json";
}

int run_show(Context& ctx, const ShowOptions& opts) {
  auto loaded = load_named_routine(ctx, opts.routine);
  print_diagnostics(ctx, loaded.warnings);
  Plan plan = make_plan(loaded.routine);
  if (opts.json) {
    print_json_plan(ctx, loaded, plan);
  } else {
    print_text(ctx, loaded, plan);
  }
  return exit_ok;
}

}  // namespace roll::cli
