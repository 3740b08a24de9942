#include "roll/profile.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>

#include "roll/history.hpp"
#include "roll/suggest.hpp"
#include "toml_reader.hpp"

namespace roll {

namespace {

using namespace detail;

std::string normalise(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    if (c == '_' || c == ' ') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  void error(SourceRange where, std::string message, std::string help) {
    if (!where.known()) where = kTopOfFile;
    diags_.push_back(
        Diagnostic{file_, where, Severity::error, "profile", std::move(message), std::move(help)});
  }

  template <class E, std::size_t N>
  std::optional<E> choice(const toml::node& node, std::string_view key,
                          const NameTable<E, N>& choices) {
    auto* s = node.as_string();
    if (s != nullptr) {
      if (auto value = value_in(choices, s->get())) return value;
    }
    auto names = names_in(choices);
    std::string hint = s ? closest_match(s->get(), names) : std::string{};
    error(range_of(node.source()),
          fmt::format("`{}` must be one of {}", key, fmt::join(names, ", ")),
          hint.empty() ? fmt::format("for example: {} = \"{}\"", key, names.front())
                       : fmt::format("did you mean \"{}\"?", hint));
    return std::nullopt;
  }

  Profile read(const toml::table& root) {
    Profile p;
    static constexpr std::array<std::string_view, 11> kKeys{
        "level",      "roller",       "day_start", "speech",   "conditions",
        "schema",     "workout_time", "ratings",   "sync_dir", "sync_after_session",
        "first_ready"};
    for (auto&& [key, node] : root) {
      std::string_view k = key.str();
      SourceRange at = range_of(key.source());
      if (k == "schema") {
        if (auto v = node.value<int64_t>(); !v || *v != 1)
          error(range_of(node.source()), "`schema` must be 1", "write: schema = 1");
      } else if (k == "level") {
        p.level = choice(node, k, kLevelNames);
      } else if (k == "roller") {
        p.roller = choice(node, k, kRollerNames);
      } else if (k == "first_ready") {
        p.first_ready = choice(node, k, kFirstReadyNames);
      } else if (k == "day_start") {
        // "04:00" or a bare hour 4.
        std::optional<int> minutes;
        if (auto s = node.as_string()) minutes = parse_clock(s->get());
        if (auto i = node.as_integer(); i && i->get() >= 0 && i->get() <= 23)
          minutes = static_cast<int>(i->get()) * 60;
        if (!minutes || *minutes % 60 != 0 || *minutes / 60 > 12) {
          error(range_of(node.source()),
                "`day_start` must be a whole hour from \"00:00\" to \"12:00\"",
                "a late-night session counts for the evening before until this hour; for example: "
                "day_start = \"04:00\"");
        } else {
          p.day_start_hour = *minutes / 60;
        }
      } else if (k == "speech") {
        if (auto s = node.as_string()) {
          p.speech = s->get();
        } else {
          error(range_of(node.source()), "`speech` must be a string: the command that speaks cues",
                "for example: speech = \"espeak-ng\"");
        }
      } else if (k == "workout_time") {
        std::optional<int> minutes;
        if (auto s = node.as_string()) minutes = parse_clock(s->get());
        if (!minutes) {
          error(range_of(node.source()), "`workout_time` must be a time of day like \"18:00\"",
                "bare `roll` then suggests the warm-up in the two hours before it; for example: "
                "workout_time = \"18:00\"");
        } else {
          p.workout_minute = *minutes;
        }
      } else if (k == "ratings") {
        if (auto b = node.as_boolean()) {
          p.ratings = b->get();
        } else {
          error(range_of(node.source()), "`ratings` must be true or false",
                "false turns off \"how does your back feel?\" before and after a session; for "
                "example: ratings = false");
        }
      } else if (k == "conditions") {
        read_conditions(node, p);
      } else if (k == "sync_dir") {
        auto s = node.as_string();
        if (s == nullptr || s->get().empty() || s->get().front() != '/') {
          error(range_of(node.source()), "`sync_dir` must be an absolute path (a string)",
                "the folder your sync program shares, for example: sync_dir = "
                "\"/home/me/Sync/roll\"");
        } else {
          p.sync_dir = s->get();
        }
      } else if (k == "sync_after_session") {
        if (auto b = node.as_boolean()) {
          p.sync_after_session = b->get();
        } else {
          error(range_of(node.source()), "`sync_after_session` must be true or false",
                "for example: sync_after_session = true");
        }
      } else {
        std::string hint = closest_match(k, {kKeys.begin(), kKeys.end()});
        error(at, fmt::format("unknown key `{}`", k),
              hint.empty() ? fmt::format("known keys: {}", fmt::join(kKeys, ", "))
                           : fmt::format("did you mean `{}`?", hint));
      }
    }
    return p;
  }

  std::vector<Diagnostic> take() { return std::move(diags_); }

 private:
  void read_conditions(const toml::node& node, Profile& p) {
    auto* table = node.as_table();
    if (table == nullptr) {
      error(range_of(node.source()), "`conditions` must be a table",
            "write [conditions] and then one line per condition, e.g. osteoporosis = true");
      return;
    }
    auto names = names_in(kConditionNames);
    for (auto&& [key, value] : *table) {
      if (key.str() == "asked") {
        auto* date = value.as_date();
        if (date == nullptr || !date->get().month || !date->get().day) {
          error(range_of(value.source()),
                "`asked` must be a date, the day the six questions were answered",
                "for example: asked = 2026-11-23 (no quotes)");
          continue;
        }
        const toml::date d = date->get();
        std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{d.month},
                                        std::chrono::day{d.day}};
        if (!ymd.ok()) {
          error(range_of(value.source()), "`asked` is not a day of the calendar",
                "for example: asked = 2026-11-23");
          continue;
        }
        p.conditions_asked = LocalDays{ymd};
        continue;
      }
      if (key.str() == "ask_again") {
        if (auto s = value.as_string()) {
          p.conditions_ask_again = s->get();
        } else {
          error(range_of(value.source()), "`ask_again` must be a string: why roll asks again",
                "roll writes it when a prescription is added; a session removes it once the six "
                "questions are answered");
        }
        continue;
      }
      std::string name = normalise(key.str());
      std::optional<Condition> found = value_in(kConditionNames, name);
      if (!found) {
        std::string hint = closest_match(name, names);
        error(range_of(key.source()), fmt::format("unknown condition `{}`", key.str()),
              hint.empty() ? fmt::format("known conditions: {} (and `asked`, `ask_again`)",
                                         fmt::join(names, ", "))
                           : fmt::format("did you mean `{}`?", hint));
        continue;
      }
      // true: I have it. false: I do not. "cleared": I have it and a clinician said rolling is
      // fine.
      if (auto b = value.as_boolean()) {
        if (b->get()) p.conditions.push_back({*found, false});
      } else if (auto s = value.as_string(); s && s->get() == "cleared") {
        p.conditions.push_back({*found, true});
      } else {
        error(range_of(value.source()),
              fmt::format("`{}` must be true, false or \"cleared\"", key.str()),
              "write \"cleared\" only once a clinician has said foam rolling is safe for you");
        continue;
      }
      if (std::find(p.answered.begin(), p.answered.end(), *found) == p.answered.end())
        p.answered.push_back(*found);
    }
  }

  std::string file_;
  std::vector<Diagnostic> diags_;
};

}  // namespace

std::string_view condition_advice(Condition c) {
  // The second article's "When to avoid foam rolling", nearly word for word.
  switch (c) {
    case Condition::osteoporosis:
      return "Excessive pressure can increase your risk for fracture.";
    case Condition::recent_surgery:
      return "Get permission from your surgeon before proceeding with any treatment program for "
             "your spine.";
    case Condition::recent_trauma:
      return "After trauma such as a car accident, make sure issues like fracture and spinal cord "
             "injury "
             "have been ruled out first.";
    case Condition::active_cancer:
      return "Do not apply pressure or treatment to active cancer areas.";
    case Condition::neurological_symptoms:
      return "Rapid onset of numbness, shooting pain, or weakness in the limbs can mean nerve root "
             "or "
             "spinal cord damage that could be worsened with improper movement.";
    case Condition::muscle_guarding:
      return "An inability to relax the back muscles will only exacerbate symptoms.";
  }
  return "";
}

std::optional<Condition> condition_from_key(std::string_view key) {
  return value_in(kConditionNames, normalise(key));
}

std::vector<Condition> Profile::blocking() const {
  std::vector<Condition> out;
  for (const auto& e : conditions)
    if (!e.cleared) out.push_back(e.condition);
  return out;
}

ProfileResult load_profile(std::string_view text, std::string_view file) {
  ProfileResult result;
  try {
    auto root = parse_guarded(text, file, result.diagnostics);
    if (!root) return result;
    Reader reader(file);
    Profile p = reader.read(*root);
    result.diagnostics = reader.take();
    sort_and_cap(result.diagnostics, file, "profile");
    if (!has_errors(result.diagnostics)) result.profile = std::move(p);
  } catch (const std::exception& e) {
    result.diagnostics.push_back(
        Diagnostic{std::string(file), kTopOfFile, Severity::error, "syntax",
                   fmt::format("cannot read the profile: {}", e.what()), ""});
  }
  return result;
}

Routine with_profile(Routine routine, const Profile& profile) {
  if (profile.level) routine.level = *profile.level;
  if (profile.roller) routine.roller = *profile.roller;
  return routine;
}

bool beginner_above_level(const Routine& routine, const Profile& profile) {
  return profile.level == Level::beginner && routine.level != Level::beginner;
}

std::optional<std::string> bone_caution(const Routine& routine, const Profile& profile) {
  bool cleared = std::any_of(profile.conditions.begin(), profile.conditions.end(), [](auto& e) {
    return e.condition == Condition::osteoporosis && e.cleared;
  });
  if (!cleared) return std::nullopt;
  Roller roller = profile.roller.value_or(routine.roller);
  bool firm = roller == Roller::firm || roller == Roller::textured;
  bool small = roller == Roller::ball || roller == Roller::peanut;
  // roll's own reading of "the ribs", and of the shoulder blades around them; a roller along the
  // spine presses the thoracic spine whatever zone it names (pressed_zones).
  auto on_ribs = [](Zone z) {
    return z == Zone::thoracic || z == Zone::rhomboids || z == Zone::lats || z == Zone::chest ||
           z == Zone::full_body;
  };
  auto on_blades = [](Zone z) {
    return z == Zone::shoulders || z == Zone::traps || z == Zone::rhomboids;
  };
  bool ribs = false;
  bool blades = false;
  for (const Step& s : routine.steps) {
    for (Zone z : pressed_zones(s)) {
      ribs = ribs || on_ribs(z);
      blades = blades || on_blades(z);
    }
  }
  if (!firm && !ribs && !(small && blades)) return std::nullopt;
  std::string why;
  if (small && (ribs || blades)) {
    why = fmt::format(
        "you use {} on the {}, which puts the whole pressure on a small spot (roll's own reading)",
        tool_phrase(roller), ribs ? "ribs" : "shoulder blades");
  } else if (firm) {
    why = fmt::format("you use {}", tool_phrase(roller));
  } else {
    why = "this routine presses the ribs";
  }
  // The first article, nearly word for word, then the second's reason.
  return fmt::format(
      "osteoporosis (cleared): {}; the pressure from a firm roller on the ribs can, in rare cases, "
      "cause fractures in compromised bone (first article), and excessive pressure can increase "
      "your risk for fracture (second article). Keep the pressure gentle and stop at any sharp "
      "pain.",
      why);
}

}  // namespace roll
