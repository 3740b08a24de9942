#include "roll/prescription.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <utility>

#include "roll/limits.hpp"
#include "roll/load.hpp"
#include "roll/suggest.hpp"
#include "toml_reader.hpp"

namespace roll {

namespace {

using namespace detail;
using std::chrono::local_days;

constexpr std::string_view kRule = "prescription-schema";

constexpr std::array<std::string_view, 11> kKeys{"prescription", "title", "clinician",     "level",
                                                 "routines",     "days",  "times_per_day", "from",
                                                 "until",        "goals", "note"};

// toml++ hands over valid UTF-8: every byte that is not a continuation byte starts a code point.
std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A routine file beside the prescription: a plain file name ending in .toml, so a prescription
// can never point roll at a file elsewhere on the disk.
bool is_file_beside(std::string_view text) {
  constexpr std::string_view ext = ".toml";
  if (text.size() <= ext.size() || !text.ends_with(ext)) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return c == '/' || byte < 0x20 || byte == 0x7F;
  });
}

std::string format_date(local_days day) {
  std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::optional<local_days> date_from_text(std::string_view text) {
  // Exactly YYYY-MM-DD.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*y},
                                  std::chrono::month{static_cast<unsigned>(*m)},
                                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return local_days{ymd};
}

class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  std::vector<Diagnostic> take() { return std::move(diags_); }

  Prescription read(const toml::table& root) {
    Prescription p;
    p.source.table = kTopOfFile;
    auto entries = entries_of(root);
    record_keys(p.source, entries);
    for (const auto& e : entries) {
      if (std::find(kKeys.begin(), kKeys.end(), e.key) != kKeys.end()) continue;
      std::string guess = closest_match(e.key, {kKeys.begin(), kKeys.end()});
      error(e.key_range, fmt::format("unknown key `{}` in a prescription", e.key),
            guess.empty() ? fmt::format("the keys allowed here are: {}", fmt::join(kKeys, ", "))
                          : fmt::format("did you mean `{}`?", guess));
    }
    if (!entries.empty() && entries.front().key != "prescription" &&
        find(entries, "prescription")) {
      error(find(entries, "prescription")->key_range,
            "`prescription` must be the file's first key: it is how roll tells a prescription "
            "from a routine",
            "move `prescription = 1` to the top of the file");
    }
    read_format(entries);
    if (auto text = string(entries, "title", limits::max_short_string_chars)) p.title = *text;
    if (auto text = string(entries, "clinician", limits::max_short_string_chars))
      p.clinician = *text;
    if (auto text = string(entries, "note", kMaxNoteChars)) p.note = *text;
    read_level(entries, p);
    read_routines(entries, p);
    read_days(entries, p);
    read_times(entries, p);
    if (auto d = date(entries, "from")) p.from = *d;
    if (auto d = date(entries, "until")) p.until = *d;
    p.goals = goals(entries);
    return p;
  }

 private:
  std::string file_;
  std::vector<Diagnostic> diags_;

  void error(SourceRange where, std::string message, std::string help = {}) {
    if (!where.known()) where = kTopOfFile;
    diags_.push_back(Diagnostic{file_, where, Severity::error, std::string(kRule),
                                std::move(message), std::move(help)});
  }

  void missing(std::string_view key, std::string_view example) {
    error(kTopOfFile, fmt::format("missing required key `{}`", key),
          fmt::format("add `{}`", example));
  }

  static void record_keys(SourceMap& map, const std::vector<Entry>& entries) {
    for (const auto& e : entries) {
      std::string name(e.key);
      map.keys[name] = e.key_range;
      map.values[name] = e.value_range;
      if (auto* array = e.node->as_array()) {
        std::size_t n = std::min(array->size(), limits::max_list_items);
        for (std::size_t i = 0; i < n; ++i) {
          auto where = range_of((*array)[i].source());
          map.keys[fmt::format("{}.{}", name, i)] = where;
          map.values[fmt::format("{}.{}", name, i)] = where;
        }
      }
    }
  }

  void read_format(const std::vector<Entry>& entries) {
    const Entry* e = find(entries, "prescription");
    if (!e) {
      missing("prescription", "prescription = 1");
      return;
    }
    auto value = whole_number(*e->node);
    if (!value) {
      error(e->value_range, "`prescription` must be the format version, the integer 1",
            "write `prescription = 1` as the first line");
    } else if (*value != kPrescriptionFormat) {
      error(e->value_range,
            fmt::format("prescription format {} is not supported; this version of roll reads "
                        "format {}",
                        *value, kPrescriptionFormat),
            "write `prescription = 1`");
    }
  }

  // An integer, or a float with a whole value: JSON Schema's "integer" takes 2.0 as 2, and so
  // does roll, so an editor's check and roll agree.
  static std::optional<std::int64_t> whole_number(const toml::node& node) {
    if (auto* i = node.as_integer()) return i->get();
    if (auto* f = node.as_floating_point()) {
      double d = f->get();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
        return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
  }

  // `subject` names the value in messages: "`title`", "item 2 of `routines`".
  std::optional<std::string> text_value(const toml::node& node, SourceRange where,
                                        std::string_view subject, std::size_t max_chars) {
    auto* s = node.as_string();
    if (s == nullptr) {
      error(where,
            fmt::format("{} must be a string, not {}", subject, with_article(type_name(node))),
            "put the text in double quotes");
      return std::nullopt;
    }
    if (auto length = code_points(s->get()); length > max_chars) {
      error(where,
            fmt::format("{} is {} characters long; the limit is {}", subject, length, max_chars),
            "shorten it");
      return std::nullopt;
    }
    return s->get();
  }

  std::optional<std::string> string(const std::vector<Entry>& entries, std::string_view key,
                                    std::size_t max_chars) {
    const Entry* e = find(entries, key);
    if (!e) return std::nullopt;
    return text_value(*e->node, e->value_range, fmt::format("`{}`", key), max_chars);
  }

  void read_level(const std::vector<Entry>& entries, Prescription& p) {
    const Entry* e = find(entries, "level");
    if (!e) {
      missing("level", "level = \"beginner\"");
      return;
    }
    auto text = text_value(*e->node, e->value_range, "`level`", limits::max_short_string_chars);
    if (!text) return;
    if (auto level = value_in(kLevelNames, *text)) {
      p.level = *level;
      return;
    }
    auto names = names_in(kLevelNames);
    auto guess = closest_match(*text, names);
    error(e->value_range,
          fmt::format("`level` must be one of {}; not {}", fmt::join(names, ", "), quoted(*text)),
          guess.empty() ? std::string("the patient's level, as in a routine")
                        : fmt::format("did you mean `{}`?", guess));
  }

  // The array of `key`, with its size checked; nullptr after reporting when it is not one.
  const toml::array* array(const Entry& e, std::size_t min_items, std::size_t max_items,
                           std::string_view example) {
    auto* list = e.node->as_array();
    if (list == nullptr) {
      error(e.value_range,
            fmt::format("`{}` must be an array, not {}", e.key, with_article(type_name(*e.node))),
            fmt::format("write `{}`", example));
      return nullptr;
    }
    if (list->size() < min_items) {
      error(e.value_range, fmt::format("`{}` must list at least {}", e.key, min_items),
            fmt::format("write `{}`", example));
      return nullptr;
    }
    if (list->size() > max_items) {
      error(range_of((*list)[max_items].source()),
            fmt::format("`{}` has {} items; the limit is {}", e.key, list->size(), max_items),
            e.key == "goals"
                ? "the Patient-Specific Functional Scale asks about up to five activities"
                : std::string("remove some"));
      return nullptr;
    }
    return list;
  }

  // The strings of an array, each checked by `check` (which reports and returns false to drop
  // it); duplicates are reported.
  template <class Check>
  std::vector<std::pair<std::string, SourceRange>> items(const Entry& e, const toml::array& list,
                                                         std::size_t max_chars, Check check) {
    std::vector<std::pair<std::string, SourceRange>> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto where = range_of(list[i].source());
      auto text =
          text_value(list[i], where, fmt::format("item {} of `{}`", i + 1, e.key), max_chars);
      if (!text || !check(*text, where, i)) continue;
      bool twice = std::any_of(out.begin(), out.end(), [&](auto& kv) { return kv.first == *text; });
      if (twice) {
        error(where, fmt::format("`{}` lists {} twice", e.key, quoted(*text)), "list it once");
        continue;
      }
      out.emplace_back(std::move(*text), where);
    }
    return out;
  }

  void read_routines(const std::vector<Entry>& entries, Prescription& p) {
    const Entry* e = find(entries, "routines");
    if (!e) {
      missing("routines", "routines = [\"mid-back-extension\"]");
      return;
    }
    auto* list = array(*e, 1, kMaxPrescribedRoutines, "routines = [\"mid-back-extension\"]");
    if (!list) return;
    auto check = [&](const std::string& text, SourceRange where, std::size_t i) {
      if (is_routine_name(text) || is_file_beside(text)) return true;
      error(where,
            fmt::format("`routines` item {} {} is neither a routine's name nor a routine file "
                        "beside the prescription",
                        i + 1, quoted(text)),
            "write a routine's name (lower-case letters, digits and '-', as `roll list` shows "
            "it) or the name of a .toml file in the prescription's own folder, without a '/'");
      return false;
    };
    for (auto& [text, where] : items(*e, *list, limits::max_short_string_chars, check)) {
      bool file = !is_routine_name(text);
      p.routines.push_back(PrescribedRoutineRef{std::move(text), file, where});
    }
  }

  void read_days(const std::vector<Entry>& entries, Prescription& p) {
    const Entry* e = find(entries, "days");
    if (!e) return;  // every day
    auto* list = array(*e, 1, 7, "days = [\"mon\", \"wed\", \"fri\"]");
    if (!list) return;
    std::array<bool, 7> days{};
    auto check = [&](const std::string& text, SourceRange where, std::size_t) {
      if (std::find(kWeekdayNames.begin(), kWeekdayNames.end(), text) != kWeekdayNames.end())
        return true;
      auto guess = closest_match(
          text, std::vector<std::string_view>(kWeekdayNames.begin(), kWeekdayNames.end()));
      error(where,
            fmt::format("`days` must hold day names {}; not {}", fmt::join(kWeekdayNames, ", "),
                        quoted(text)),
            guess.empty() ? std::string("leave `days` out for every day")
                          : fmt::format("did you mean \"{}\"?", guess));
      return false;
    };
    for (auto& [text, where] : items(*e, *list, limits::max_short_string_chars, check)) {
      auto at = std::find(kWeekdayNames.begin(), kWeekdayNames.end(), text);
      days[static_cast<std::size_t>(at - kWeekdayNames.begin())] = true;
    }
    p.days = days;
  }

  void read_times(const std::vector<Entry>& entries, Prescription& p) {
    const Entry* e = find(entries, "times_per_day");
    if (!e) {
      missing("times_per_day", "times_per_day = 1");
      return;
    }
    auto value = whole_number(*e->node);
    if (!value) {
      error(e->value_range,
            fmt::format("`times_per_day` must be a whole number, not {}",
                        with_article(type_name(*e->node))),
            "for example: times_per_day = 1");
    } else if (*value < 1 || *value > kMaxTimesPerDayRead) {
      error(e->value_range,
            fmt::format("`times_per_day` is {}; it must be from 1 to {}", *value,
                        kMaxTimesPerDayRead),
            "the second article's dose is 1-4 times a day");
    } else {
      p.times_per_day = static_cast<int>(*value);
    }
  }

  std::optional<local_days> date(const std::vector<Entry>& entries, std::string_view key) {
    const Entry* e = find(entries, key);
    if (!e) {
      missing(key, fmt::format("{} = 2026-11-02", key));
      return std::nullopt;
    }
    std::optional<local_days> day;
    if (auto* d = e->node->as_date()) {
      const toml::date& v = d->get();
      std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(v.year)},
                                      std::chrono::month{v.month}, std::chrono::day{v.day}};
      if (ymd.ok()) day = local_days{ymd};
    } else if (auto* s = e->node->as_string()) {
      day = date_from_text(s->get());
    }
    using namespace std::chrono;
    if (day && *day >= local_days{year{1970} / January / 1} &&
        *day <= local_days{year{9999} / December / 31}) {
      return day;
    }
    if (day) {
      error(e->value_range,
            fmt::format("`{}` is {}; it must be from 1970-01-01 to 9999-12-31", key,
                        format_date(*day)),
            fmt::format("for example: {} = 2026-11-02", key));
      return std::nullopt;
    }
    error(e->value_range,
          fmt::format("`{}` must be a date like 2026-11-02 (a TOML date, or the same in quotes), "
                      "not {}",
                      key,
                      e->node->is_string() ? quoted(e->node->as_string()->get())
                                           : with_article(type_name(*e->node))),
          fmt::format("for example: {} = 2026-11-02", key));
    return std::nullopt;
  }

  std::vector<std::string> goals(const std::vector<Entry>& entries) {
    std::vector<std::string> out;
    const Entry* e = find(entries, "goals");
    if (!e) return out;
    auto* list = array(*e, 0, kMaxGoals, "goals = [\"Reaching up to a high shelf\"]");
    if (!list) return out;
    auto check = [&](const std::string& text, SourceRange where, std::size_t i) {
      if (!text.empty()) return true;
      error(where, fmt::format("`goals` item {} is empty", i + 1),
            "name an activity the patient finds hard, e.g. \"Reaching up to a high shelf\"");
      return false;
    };
    for (auto& [text, where] : items(*e, *list, limits::max_short_string_chars, check))
      out.push_back(std::move(text));
    return out;
  }
};

}  // namespace

int weekday_index(local_days day) {
  return static_cast<int>(std::chrono::weekday{day}.iso_encoding()) - 1;
}

bool Prescription::prescribed_weekday(local_days day) const {
  return days[static_cast<std::size_t>(weekday_index(day))];
}

bool Prescription::prescribed_on(local_days day) const {
  return day >= from && day <= until && prescribed_weekday(day);
}

PrescriptionResult load_prescription(std::string_view text, std::string_view file) {
  PrescriptionResult result;
  try {
    auto root = parse_guarded(text, file, result.diagnostics);
    if (!root) return result;
    Reader reader(file);
    Prescription p = reader.read(*root);
    result.diagnostics = reader.take();
    sort_and_cap(result.diagnostics, file, kRule);
    if (!has_errors(result.diagnostics)) result.prescription = std::move(p);
  } catch (const std::exception& e) {
    result.diagnostics.push_back(
        Diagnostic{std::string(file), kTopOfFile, Severity::error, "syntax",
                   fmt::format("cannot read the prescription: {}", e.what()), ""});
  }
  return result;
}

bool is_prescription_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    line.remove_prefix(first);
    // The key bare or quoted, as TOML allows.
    bool found = false;
    for (std::string_view key : {"prescription", "\"prescription\"", "'prescription'"}) {
      if (!line.starts_with(key)) continue;
      line.remove_prefix(key.size());
      found = true;
      break;
    }
    if (!found) return false;
    auto next = line.find_first_not_of(" \t");
    return next != std::string_view::npos && line[next] == '=';
  }
  return false;
}

}  // namespace roll
