#include "roll/load.hpp"

#include <fmt/core.h>
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <exception>
#include <span>
#include <utility>

#include "roll/duration.hpp"
#include "roll/limits.hpp"
#include "roll/pose.hpp"
#include "roll/suggest.hpp"
#include "toml_reader.hpp"

namespace roll {

namespace {

using namespace detail;

// toml++ hands over valid UTF-8: every byte that is not a continuation byte starts a code point.
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// From the start of the key to the end of its value: what `roll lint --fix` needs to rewrite or
// remove a key, and what an editor highlights.
SourceRange cover(const SourceRange& key, const SourceRange& value) {
  if (!key.known()) return value;
  if (!value.known()) return key;
  SourceRange out = before(value, key) ? value : key;
  const SourceRange& last =
      std::pair(value.end_line, value.end_column) > std::pair(key.end_line, key.end_column) ? value
                                                                                            : key;
  out.end_line = last.end_line;
  out.end_column = last.end_column;
  return out;
}

std::string join(std::span<const std::string_view> words) {
  return fmt::format("{}", fmt::join(words.begin(), words.end(), ", "));
}

constexpr std::array<std::string_view, 11> kTopKeys{
    "schema",  "name",   "title",   "summary",
    "level",   "roller", "purpose", "resume_after_injury_hours",
    "sources", "lint",   "step"};
constexpr std::array<std::string_view, 1> kLintKeys{"allow"};
constexpr std::array<std::string_view, 18> kStepKeys{
    "name",  "kind",      "zone",  "side",      "seconds",     "breaths",
    "reps",  "positions", "move",  "breath",    "rep_seconds", "intensity",
    "tempo", "cue",       "allow", "on_roller", "along",       "pose"};
constexpr std::array<std::string_view, 4> kBreathKeys{"inhale", "exhale", "hold_in", "hold_out"};
constexpr std::array<std::string_view, 3> kTimingKeys{"seconds", "breaths", "reps"};

std::string file_stem(std::string_view file) {
  // On Linux a backslash is part of a file's name (back\slash.toml), not a separator.
  auto slash = file.rfind('/');
  if (slash != std::string_view::npos) file.remove_prefix(slash + 1);
  constexpr std::string_view ext = ".toml";
  if (file.size() < ext.size() || file.substr(file.size() - ext.size()) != ext) return {};
  return std::string(file.substr(0, file.size() - ext.size()));
}

std::string slugify(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

class Loader {
 public:
  explicit Loader(std::string_view file) : file_(file) {}

  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }

  void report(SourceRange where, std::string rule, std::string message, std::string help = {},
              Severity severity = Severity::error) {
    // Every diagnostic carries a position: a file from anywhere gets told where to look.
    if (!where.known()) where = kTopOfFile;
    diagnostics_.push_back(Diagnostic{std::string(file_), where, severity, std::move(rule),
                                      std::move(message), std::move(help)});
  }

  void schema(SourceRange where, std::string message, std::string help = {}) {
    report(where, "schema", std::move(message), std::move(help));
  }

  Routine load(const toml::table& root) {
    Routine routine;
    routine.source.table = kTopOfFile;
    auto entries = entries_of(root);
    record_keys(routine.source, entries, "");
    reject_unknown(entries, kTopKeys, "at the top of a routine");

    if (!find(entries, "schema")) missing("schema", kTopOfFile, "", "schema = 1");
    if (auto schema_version = integer(entries, "schema", {INT64_MIN, INT64_MAX, 1})) {
      if (*schema_version != 1) {
        schema(find(entries, "schema")->value_range,
               fmt::format("schema {} is not supported; this version of roll reads schema 1",
                           *schema_version),
               "write `schema = 1`");
      }
    }
    if (auto name = string(entries, "name", limits::max_short_string_chars, kTopOfFile, true)) {
      routine.name = *name;
      check_routine_name(*find(entries, "name"), *name);
    }
    routine.title =
        string(entries, "title", limits::max_short_string_chars, kTopOfFile, true).value_or("");
    routine.summary = string(entries, "summary", limits::max_string_chars).value_or("");
    routine.level = choice(entries, "level", kLevelNames).value_or(Level::beginner);
    // Soft unless said: `level` defaults to beginner, and a beginner starts on a soft roller.
    routine.roller = choice(entries, "roller", kRollerNames).value_or(Roller::soft);
    routine.purpose = choice(entries, "purpose", kPurposeNames).value_or(Purpose::release);
    if (auto hours =
            integer(entries, "resume_after_injury_hours", {1, limits::max_injury_hours, 48})) {
      routine.resume_after_injury_hours = static_cast<int>(*hours);
    }
    routine.sources = strings(entries, "sources");
    load_lint(entries, routine);
    load_steps(entries, routine);
    return routine;
  }

 private:
  std::string_view file_;
  std::vector<Diagnostic> diagnostics_;

  // Positions of every key, array item and inline-table key, named as the format writes them.
  void record_keys(SourceMap& map, const std::vector<Entry>& entries, const std::string& prefix) {
    for (const auto& e : entries) {
      std::string name = prefix + std::string(e.key);
      map.keys[name] = cover(e.key_range, e.value_range);
      map.values[name] = e.value_range;
      if (auto* array = e.node->as_array()) {
        std::size_t n = std::min(array->size(), limits::max_list_items);
        for (std::size_t i = 0; i < n; ++i) {
          map.keys[fmt::format("{}.{}", name, i)] = range_of((*array)[i].source());
        }
      } else if (auto* table = e.node->as_table(); table && name != "step") {
        record_keys(map, entries_of(*table), name + ".");
      }
    }
  }

  template <std::size_t N>
  void reject_unknown(const std::vector<Entry>& entries,
                      const std::array<std::string_view, N>& known, std::string_view where) {
    std::vector<std::string_view> candidates(known.begin(), known.end());
    for (const auto& e : entries) {
      if (std::find(known.begin(), known.end(), e.key) != known.end()) continue;
      auto guess = closest_match(e.key, candidates);
      std::string help = guess.empty()
                             ? fmt::format("the keys allowed here are: {}", join(candidates))
                             : fmt::format("did you mean `{}`?", guess);
      schema(e.key_range, fmt::format("unknown key `{}` {}", e.key, where), std::move(help));
    }
  }

  void missing(std::string_view key, SourceRange table, std::string_view what,
               std::string_view example) {
    schema(table, fmt::format("missing required key `{}`{}", key, what),
           fmt::format("add `{}`", example));
  }

  struct Bounds {
    std::int64_t lo;
    std::int64_t hi;
    std::int64_t example;  // a sensible value for the help text
  };

  // The value of `key` if it is an integer within bounds; reports anything else. `label` names
  // the key as the format writes it ("breath.inhale").
  std::optional<std::int64_t> integer(const std::vector<Entry>& entries, std::string_view key,
                                      Bounds bounds, std::string_view label = {}) {
    if (label.empty()) label = key;
    const Entry* e = find(entries, key);
    if (!e) return std::nullopt;
    if (auto* v = e->node->as_integer()) {
      std::int64_t value = v->get();
      if (value < bounds.lo || value > bounds.hi) {
        std::string limit = value < bounds.lo ? fmt::format("at least {}", bounds.lo)
                                              : fmt::format("at most {}", bounds.hi);
        schema(e->value_range, fmt::format("`{}` is {}; it must be {}", label, value, limit),
               fmt::format("use a value from {} to {}", bounds.lo, bounds.hi));
        return std::nullopt;
      }
      return value;
    }
    if (auto* f = e->node->as_floating_point()) {
      // JSON Schema's "integer" (and so an editor's check against routine.schema.json) takes
      // 20.0 as 20: a whole number written with a point is read as that number.
      double d = f->get();
      if (std::isfinite(d) && d == std::floor(d) && d >= static_cast<double>(bounds.lo) &&
          d <= static_cast<double>(bounds.hi)) {
        return static_cast<std::int64_t>(d);
      }
      if (std::isfinite(d) && d == std::floor(d)) {
        std::string limit = d < static_cast<double>(bounds.lo)
                                ? fmt::format("at least {}", bounds.lo)
                                : fmt::format("at most {}", bounds.hi);
        schema(e->value_range, fmt::format("`{}` is {}; it must be {}", label, d, limit),
               fmt::format("use a value from {} to {}", bounds.lo, bounds.hi));
        return std::nullopt;
      }
      schema(e->value_range, fmt::format("`{}` must be a whole number, not {}", label, d),
             fmt::format("write it without a decimal point, e.g. `{} = {}`", key, bounds.example));
    } else if (auto* s = e->node->as_string()) {
      schema(e->value_range,
             fmt::format("`{}` must be an integer, not the string {}", label, quoted(s->get())),
             fmt::format("write a number without quotes, e.g. `{} = {}`", key, bounds.example));
    } else {
      schema(e->value_range, fmt::format("`{}` must be an integer, not {}", label,
                                         with_article(type_name(*e->node))));
    }
    return std::nullopt;
  }

  std::optional<std::string> string_value(const Entry& e, std::string_view label,
                                          std::size_t max_chars, const SourceRange& where) {
    auto* s = e.node->as_string();
    if (!s) {
      schema(where,
             fmt::format("`{}` must be a string, not {}", label, with_article(type_name(*e.node))),
             "put the text in double quotes");
      return std::nullopt;
    }
    const std::string& text = s->get();
    if (auto length = code_points(text); length > max_chars) {
      schema(where,
             fmt::format("`{}` is {} characters long; the limit is {}", label, length, max_chars),
             "shorten it");
      return std::nullopt;
    }
    return text;
  }

  std::optional<std::string> string(const std::vector<Entry>& entries, std::string_view key,
                                    std::size_t max_chars, SourceRange table = kTopOfFile,
                                    bool required = false, std::string_view what = "") {
    const Entry* e = find(entries, key);
    if (!e) {
      if (required) missing(key, table, what, fmt::format("{} = \"...\"", key));
      return std::nullopt;
    }
    auto text = string_value(*e, key, max_chars, e->value_range);
    if (required && text && text->empty()) {
      schema(e->value_range, fmt::format("`{}` must not be empty", key));
      return std::nullopt;
    }
    return text;
  }

  template <typename E, std::size_t N>
  std::optional<E> choice(const std::vector<Entry>& entries, std::string_view key,
                          const NameTable<E, N>& choices) {
    const Entry* e = find(entries, key);
    if (!e) return std::nullopt;
    auto text = string_value(*e, key, limits::max_short_string_chars, e->value_range);
    if (!text) return std::nullopt;
    if (auto value = value_in(choices, *text)) return value;
    auto names = names_in(choices);
    auto guess = closest_match(*text, names);
    schema(e->value_range,
           fmt::format("`{}` must be one of {}; not {}", key, join(names), quoted(*text)),
           guess.empty() ? std::string() : fmt::format("did you mean `{}`?", guess));
    return std::nullopt;
  }

  std::vector<std::string> strings(const std::vector<Entry>& entries, std::string_view key) {
    std::vector<std::string> out;
    const Entry* e = find(entries, key);
    if (!e) return out;
    auto* array = e->node->as_array();
    if (!array) {
      schema(e->value_range,
             fmt::format("`{}` must be an array of strings, not {}", key,
                         with_article(type_name(*e->node))),
             fmt::format("write `{} = [\"...\"]`", key));
      return out;
    }
    if (array->size() > limits::max_list_items) {
      schema(range_of((*array)[limits::max_list_items].source()),
             fmt::format("`{}` has {} items; the limit is {}", key, array->size(),
                         limits::max_list_items));
    }
    std::size_t n = std::min(array->size(), limits::max_list_items);
    for (std::size_t i = 0; i < n; ++i) {
      const toml::node& item = (*array)[i];
      auto where = range_of(item.source());
      auto* s = item.as_string();
      if (!s) {
        schema(where,
               fmt::format("`{}` must hold only strings; item {} is a {}", key, i + 1,
                           type_name(item)),
               "put each item in double quotes");
        continue;
      }
      if (auto length = code_points(s->get()); length > limits::max_short_string_chars) {
        schema(where, fmt::format("item {} of `{}` is {} characters long; the limit is {}", i + 1,
                                  key, length, limits::max_short_string_chars));
        continue;
      }
      out.push_back(s->get());
    }
    return out;
  }

  void check_routine_name(const Entry& e, const std::string& name) {
    if (!is_routine_name(name)) {
      auto slug = slugify(name);
      schema(e.value_range,
             fmt::format("`name` {} is not a routine name: use lower-case letters, digits and '-', "
                         "starting with a letter or digit",
                         quoted(name)),
             slug.empty() ? std::string("e.g. `name = \"my-routine\"`")
                          : fmt::format("e.g. `name = \"{}\"`", slug));
      return;
    }
    // The help suggests only lines roll then accepts: the file's name as `name` only when it is a
    // routine name itself ("My Evening.toml" is not, nor is 'quo"te.toml').
    auto stem = file_stem(file_);
    if (!stem.empty() && stem != name) {
      bool stem_is_name = is_routine_name(stem);
      report(e.value_range, "schema",
             fmt::format("`name` is {} but the file is named {}.toml", quoted(name), stem),
             stem_is_name
                 ? fmt::format("rename the file to {}.toml or write `name = \"{}\"`", name, stem)
                 : fmt::format("rename the file to {}.toml", name),
             Severity::warning);
    }
  }

  void load_lint(const std::vector<Entry>& entries, Routine& routine) {
    const Entry* e = find(entries, "lint");
    if (!e) return;
    auto* table = e->node->as_table();
    if (!table) {
      schema(e->value_range,
             fmt::format("`lint` must be a table, not {}", with_article(type_name(*e->node))),
             "write `[lint]` on its own line, then `allow = [\"rule-name\"]`");
      return;
    }
    auto lint_entries = entries_of(*table);
    reject_unknown(lint_entries, kLintKeys, "in [lint]");
    routine.allow = strings(lint_entries, "allow");
  }

  void load_steps(const std::vector<Entry>& entries, Routine& routine) {
    const Entry* e = find(entries, "step");
    if (!e) {
      schema(kTopOfFile, "a routine needs at least one [[step]]",
             "add a `[[step]]` table with a name, zone and timing");
      return;
    }
    auto* array = e->node->as_array();
    if (!array || !array->is_array_of_tables()) {
      schema(e->value_range,
             fmt::format("`step` must be an array of tables (`[[step]]`), not {}",
                         with_article(array ? "mixed array" : type_name(*e->node))),
             "start each step with `[[step]]` on its own line");
      return;
    }
    if (array->empty()) {
      schema(e->value_range, "a routine needs at least one [[step]]");
      return;
    }
    if (array->size() > limits::max_steps) {
      schema(range_of((*array)[limits::max_steps].source()),
             fmt::format("the routine has {} steps; the limit is {}", array->size(),
                         limits::max_steps),
             "split it into several routines");
    }
    std::size_t n = std::min(array->size(), limits::max_steps);
    std::int64_t total = 0;
    bool all_timed = true;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& table = *(*array)[i].as_table();
      Step step;
      bool timed = load_step(table, i + 1, step);
      if (timed) {
        total += static_cast<std::int64_t>(step.seconds_per_pass()) * step.passes();
      } else {
        all_timed = false;
      }
      routine.steps.push_back(std::move(step));
    }
    if (all_timed && total > limits::max_total_seconds) {
      const Step& last = routine.steps.back();
      SourceRange where = last.source.table;
      for (auto key : kTimingKeys) {
        if (last.source.keys.count(key)) where = last.source.at(key);
      }
      schema(where,
             fmt::format("the routine lasts {} ({} s); the limit is {}",
                         human_duration(std::chrono::seconds(total)), total,
                         human_duration(std::chrono::seconds(limits::max_total_seconds))),
             "shorten the steps or split the routine");
    }
  }

  // Fills `step`; returns whether its timing is valid (so the routine's total can be summed).
  bool load_step(const toml::table& table, std::size_t number, Step& step) {
    step.source.table = range_of(table.source());
    const SourceRange& here = step.source.table;
    auto entries = entries_of(table);
    record_keys(step.source, entries, "");
    reject_unknown(entries, kStepKeys, fmt::format("in step {}", number));
    std::string what = fmt::format(" in step {}", number);

    step.name =
        string(entries, "name", limits::max_short_string_chars, here, true, what).value_or("");
    step.kind = choice(entries, "kind", kStepKindNames).value_or(StepKind::hold);
    load_zone(entries, step, number);
    step.side = choice(entries, "side", kSideNames).value_or(Side::none);
    bool timed = load_timing(entries, step, number);
    if (auto positions = integer(entries, "positions", {1, limits::max_positions, 3})) {
      step.positions = static_cast<int>(*positions);
    } else if (find(entries, "positions")) {
      timed = false;
    }
    if (const Entry* m = find(entries, "move")) {
      step.move = choice(entries, "move", kMoveNames);
      if (step.move && step.positions == 1) {
        report(m->key_range, "schema", "`move` has no effect with one position",
               "remove it, or give the step `positions`", Severity::warning);
      }
    }
    step.along = choice(entries, "along", kAlongNames);
    step.pose = string(entries, "pose", limits::max_short_string_chars).value_or("");
    if (const Entry* p = find(entries, "pose"); p && p->node->is_string() && step.pose.empty()) {
      schema(p->value_range, "`pose` must not be empty",
             fmt::format("remove it for the default figure, or name one of: {}",
                         join(names_in(kPoseNames))));
    }
    if (!load_breath(entries, step)) timed = false;
    if (const Entry* rs = find(entries, "rep_seconds")) {
      if (auto value = integer(entries, "rep_seconds", {1, limits::max_rep_seconds, 4})) {
        step.rep_seconds = static_cast<int>(*value);
      } else {
        timed = false;
      }
      if (!find(entries, "reps")) {
        report(rs->key_range, "schema", "`rep_seconds` has no effect without `reps`",
               "remove it, or time the step with `reps`", Severity::warning);
      }
    }
    if (auto intensity = integer(entries, "intensity", {1, 10, 5})) {
      step.intensity = static_cast<int>(*intensity);
    }
    step.tempo = choice(entries, "tempo", kTempoNames).value_or(Tempo::slow);
    step.cue = string(entries, "cue", limits::max_string_chars).value_or("");
    step.allow = strings(entries, "allow");
    load_on_roller(entries, step, number);
    return timed;
  }

  void load_on_roller(const std::vector<Entry>& entries, Step& step, std::size_t number) {
    const Entry* e = find(entries, "on_roller");
    if (!e) return;
    auto* value = e->node->as_boolean();
    if (!value) {
      schema(e->value_range,
             fmt::format("`on_roller` must be true or false, not {}",
                         with_article(type_name(*e->node))),
             "write `on_roller = false` for a step off the roller, without quotes");
      return;
    }
    // A hold, roll or pivot is the roller pressing the zone: saying otherwise would only hide
    // it from the safety rules.
    if (!value->get() && puts_pressure(step.kind)) {
      schema(e->value_range,
             fmt::format("step {} is a {}, which is always on the roller; it cannot say "
                         "`on_roller = false`",
                         number, to_string(step.kind)),
             "for a step off the roller, write `kind = \"stretch\"` (or \"movement\") with "
             "`on_roller = false`");
      return;
    }
    step.on_roller_key = value->get();
  }

  void load_zone(const std::vector<Entry>& entries, Step& step, std::size_t number) {
    const Entry* e = find(entries, "zone");
    if (!e) {
      if (step.kind != StepKind::rest) {
        missing("zone", step.source.table, fmt::format(" in step {}", number),
                "zone = \"thoracic\"");
      }
      return;
    }
    auto text = string_value(*e, "zone", limits::max_short_string_chars, e->value_range);
    if (!text) return;
    step.zone_text = *text;
    step.zone = find_zone(*text);
    if (step.zone) return;
    std::vector<std::string_view> names;
    for (Zone z : all_zones()) names.push_back(zone_name(z));
    auto guess = nearest_zone(*text);
    std::string help = fmt::format("known zones: {}", join(names));
    if (!guess.empty()) help = fmt::format("did you mean `{}`? {}", guess, help);
    report(e->value_range, "unknown-zone", fmt::format("unknown zone {}", quoted(*text)),
           std::move(help));
  }

  bool load_timing(const std::vector<Entry>& entries, Step& step, std::size_t number) {
    std::vector<const Entry*> given;
    for (const auto& e : entries) {
      if (std::find(kTimingKeys.begin(), kTimingKeys.end(), e.key) != kTimingKeys.end()) {
        given.push_back(&e);
      }
    }
    if (given.empty()) {
      schema(
          step.source.table,
          fmt::format("step {} has no timing: give one of `seconds`, `breaths` or `reps`", number),
          "add e.g. `seconds = 30`");
      return false;
    }
    for (std::size_t i = 1; i < given.size(); ++i) {
      schema(given[i]->key_range,
             fmt::format("step {} has both `{}` and `{}`; give exactly one", number, given[0]->key,
                         given[i]->key),
             fmt::format("remove `{}`", given[i]->key));
    }
    const Entry& timing = *given[0];
    std::int64_t max = limits::max_step_seconds;
    std::int64_t example = 30;
    if (timing.key == "seconds") {
      step.unit = TimingUnit::seconds;
    } else if (timing.key == "breaths") {
      step.unit = TimingUnit::breaths;
      max = limits::max_breaths;
      example = 3;
    } else {
      step.unit = TimingUnit::reps;
      max = limits::max_reps;
      example = 10;
    }
    auto count = integer(entries, timing.key, {1, max, example});
    if (!count) return false;
    step.count = static_cast<int>(*count);
    return given.size() == 1;
  }

  bool load_breath(const std::vector<Entry>& entries, Step& step) {
    const Entry* e = find(entries, "breath");
    if (!e) return true;
    auto* table = e->node->as_table();
    if (!table) {
      schema(e->value_range,
             fmt::format("`breath` must be a table, not {}", with_article(type_name(*e->node))),
             "write e.g. `breath = { inhale = 4, exhale = 6 }`");
      return false;
    }
    auto breath_entries = entries_of(*table);
    reject_unknown(breath_entries, kBreathKeys, "in `breath`");
    bool ok = true;
    auto phase = [&](std::string_view key, int min, int& out) {
      if (!find(breath_entries, key)) return;
      if (auto v = integer(breath_entries, key, {min, limits::max_breath_phase_seconds, 4},
                           fmt::format("breath.{}", key))) {
        out = static_cast<int>(*v);
      } else {
        ok = false;
      }
    };
    phase("inhale", 1, step.breath.inhale);
    phase("exhale", 1, step.breath.exhale);
    phase("hold_in", 0, step.breath.hold_in);
    phase("hold_out", 0, step.breath.hold_out);
    return ok;
  }
};

}  // namespace

bool is_routine_name(std::string_view name) {
  auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && c == '-');
  };
  if (name.empty() || name.size() > limits::max_short_string_chars || !ok(name[0], true)) {
    return false;
  }
  return std::all_of(name.begin() + 1, name.end(), [&](char c) { return ok(c, false); });
}

LoadResult load_routine(std::string_view text, std::string_view file) {
  LoadResult result;
  auto fail = [&](std::string message) {
    result.routine.reset();
    result.diagnostics.push_back(Diagnostic{std::string(file), kTopOfFile, Severity::error,
                                            "syntax", std::move(message), ""});
  };
  try {
    auto root = parse_guarded(text, file, result.diagnostics);
    if (!root) return result;
    Loader loader(file);
    Routine routine = loader.load(*root);
    result.diagnostics = loader.take_diagnostics();
    sort_and_cap(result.diagnostics, file, "schema");
    if (!has_errors(result.diagnostics)) result.routine = std::move(routine);
  } catch (const std::exception& e) {
    fail(fmt::format("could not read the routine: {}", e.what()));
  } catch (...) {
    fail("could not read the routine");
  }
  return result;
}

}  // namespace roll
