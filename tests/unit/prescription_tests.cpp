// The prescription file (src/core/prescription.cpp) and its checks (prescription_lint.cpp):
// every key read, every problem at its line:col, and each rule of the catalog tripped by its own
// bad example and by nothing in its good one.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "prescribed_month.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/prescription.hpp"
#include "roll/prescription_lint.hpp"
#include "roll/rules.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::on;

namespace {

const std::string kBase =
    "prescription = 1\n"
    "level = \"beginner\"\n"
    "routines = [\"mid-back-extension\"]\n"
    "times_per_day = 1\n"
    "from = 2026-11-02\n"
    "until = 2026-11-29\n";

// Top-level keys `fragment` sets replace the base's own; the rest are added.
std::string with(std::string_view fragment) {
  std::map<std::string, std::string> replaced;
  std::string added;
  std::size_t pos = 0;
  while (pos < fragment.size()) {
    auto nl = fragment.find('\n', pos);
    std::string line(fragment.substr(pos, nl == std::string_view::npos ? nl : nl - pos));
    pos = nl == std::string_view::npos ? fragment.size() : nl + 1;
    auto eq = line.find(" = ");
    if (eq == std::string::npos) continue;
    replaced[line.substr(0, eq)] = line;
  }
  std::string out;
  pos = 0;
  while (pos < kBase.size()) {
    auto nl = kBase.find('\n', pos);
    std::string line = kBase.substr(pos, nl - pos);
    pos = nl + 1;
    auto key = line.substr(0, line.find(" = "));
    if (auto it = replaced.find(key); it != replaced.end()) {
      out += it->second + "\n";
      replaced.erase(it);
    } else {
      out += line + "\n";
    }
  }
  for (const auto& [key, line] : replaced) added += line + "\n";
  return out + added;
}

// The routines the tests know: the bundled names they use, and files beside the prescription.
Routine routine_at(Level level) {
  Routine r;
  r.level = level;
  return r;
}

PrescribedRoutine look_up(const PrescribedRoutineRef& ref) {
  PrescribedRoutine out;
  if (ref.text == "mid-back-extension" || ref.text == "bedtime" || ref.text == "glutes" ||
      ref.text == "lats") {
    out.found = true;
    out.routine = routine_at(ref.text == "glutes" || ref.text == "lats" ? Level::intermediate
                                                                        : Level::beginner);
  } else if (ref.text == "deep-thoracic.toml") {
    out.found = true;
    out.routine = routine_at(Level::advanced);
  } else if (ref.text == "low-back.toml") {
    out.found = true;
    auto loaded = load_routine(
        "schema = 1\nname = \"low-back\"\ntitle = \"Low back\"\n[[step]]\nname = \"Low back\"\n"
        "zone = \"lumbar\"\nseconds = 30\n",
        "low-back.toml");
    REQUIRE(loaded.routine);
    out.routine = loaded.routine;
    out.findings = lint_routine(*loaded.routine, "low-back.toml");
  } else if (ref.text == "mid-bakc-extension") {
    out.suggestion = "mid-back-extension";
  }
  return out;
}

std::vector<Diagnostic> all(const std::string& text) {
  auto loaded = load_prescription(text, "p.toml");
  if (!loaded.prescription) return loaded.diagnostics;
  return lint_prescription(*loaded.prescription, "p.toml", look_up);
}

std::string dump(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds)
    out += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.rule +
           ": " + d.message + " (" + d.help + ")\n";
  return out;
}

}  // namespace

TEST_CASE("prescription: the example in docs/examples loads, every key as written") {
  auto text = test::month::read_text(test::month::example_path(ROLL_SOURCE_DIR));
  CHECK(is_prescription_text(text));
  auto loaded = load_prescription(text, "thoracic-4-weeks.prescription.toml");
  INFO(dump(loaded.diagnostics));
  REQUIRE(loaded.prescription);
  const Prescription& p = *loaded.prescription;
  CHECK(loaded.diagnostics.empty());
  CHECK(p.title == "Four weeks of thoracic work");
  CHECK(p.clinician == "Dr. Ana Moreno");
  CHECK(p.level == Level::beginner);
  REQUIRE(p.routines.size() == 2);
  CHECK(p.routines[0].text == "mid-back-extension");
  CHECK_FALSE(p.routines[0].is_file);
  CHECK(p.routines[0].where.line == 9);
  CHECK(p.days == std::array<bool, 7>{true, true, true, true, true, true, false});
  CHECK(p.times_per_day == 2);
  CHECK(p.from == on(2026, 11, 2));
  CHECK(p.until == on(2026, 11, 29));
  REQUIRE(p.goals.size() == 3);
  CHECK(p.goals[2] == "Turning to look over my shoulder when driving");
  CHECK(p.note.starts_with("Slow breaths on every position;"));
  CHECK(p.note.ends_with("Sunday is a rest day."));
  CHECK(lint_prescription(p, "p.toml", look_up).empty());
}

TEST_CASE("prescription: a routine file beside it, days left out, dates in quotes, 2.0 as 2") {
  auto loaded = load_prescription(
      "# a comment first\nprescription = 1\nlevel = \"intermediate\"\n"
      "routines = [\"my routine.toml\", \"glutes\"]\ntimes_per_day = 2.0\n"
      "from = \"2026-11-02\"\nuntil = 2026-11-02\n",
      "p.toml");
  INFO(dump(loaded.diagnostics));
  REQUIRE(loaded.prescription);
  CHECK(loaded.prescription->routines[0].is_file);
  CHECK_FALSE(loaded.prescription->routines[1].is_file);
  CHECK(loaded.prescription->times_per_day == 2);
  CHECK(loaded.prescription->from == loaded.prescription->until);
  // Every day when `days` is left out; the dates bound which days count.
  CHECK(loaded.prescription->prescribed_on(on(2026, 11, 2)));
  CHECK_FALSE(loaded.prescription->prescribed_on(on(2026, 11, 3)));
  CHECK_FALSE(loaded.prescription->prescribed_on(on(2026, 11, 1)));
}

TEST_CASE("prescription: every problem with its line:col, its rule and its help") {
  auto bad = load_prescription(
      "prescription = 2\n"                                       // 1
      "levle = \"beginner\"\n"                                   // 2
      "routines = [\"../elsewhere.toml\", \"ok\", \"ok\", 3]\n"  // 3
      "days = [\"mon\", \"wedn\", \"mon\"]\n"                    // 4
      "times_per_day = 25\n"                                     // 5
      "from = 2026-11-02T10:00:00\n"                             // 6
      "until = \"next week\"\n"                                  // 7
      "goals = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]\n"     // 8
      "note = 3\n",                                              // 9
      "p.toml");
  INFO(dump(bad.diagnostics));
  CHECK_FALSE(bad.prescription);
  auto at = [&](int line, std::string_view text) {
    return std::any_of(bad.diagnostics.begin(), bad.diagnostics.end(), [&](const Diagnostic& d) {
      return d.where.line == line && d.message.find(text) != std::string::npos &&
             d.rule == "prescription-schema" && d.file == "p.toml" && d.where.column > 0;
    });
  };
  CHECK(at(1, "format 2 is not supported"));
  CHECK(at(2, "unknown key `levle`"));
  CHECK(at(1, "missing required key `level`"));
  CHECK(at(3, "neither a routine's name nor a routine file"));
  CHECK(at(3, "lists \"ok\" twice"));
  CHECK(at(3, "item 4 of `routines` must be a string"));
  CHECK(at(4, "`days` must hold day names"));
  CHECK(at(4, "lists \"mon\" twice"));
  CHECK(at(5, "`times_per_day` is 25; it must be from 1 to 24"));
  CHECK(at(6, "`from` must be a date like 2026-11-02"));
  CHECK(at(7, "`until` must be a date like 2026-11-02"));
  CHECK(at(8, "`goals` has 6 items; the limit is 5"));
  CHECK(at(9, "`note` must be a string"));
  auto help = std::find_if(bad.diagnostics.begin(), bad.diagnostics.end(), [](const Diagnostic& d) {
    return d.message.find("levle") != std::string::npos;
  });
  REQUIRE(help != bad.diagnostics.end());
  CHECK(help->help == "did you mean `level`?");
  auto wedn = std::find_if(bad.diagnostics.begin(), bad.diagnostics.end(), [](const Diagnostic& d) {
    return d.message.find("wedn") != std::string::npos;
  });
  REQUIRE(wedn != bad.diagnostics.end());
  CHECK(wedn->help == "did you mean \"wed\"?");
  CHECK(std::is_sorted(
      bad.diagnostics.begin(), bad.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
      }));

  CHECK(dump(load_prescription(with("from = 2026-11-02T10:00:00\n"), "p.toml").diagnostics)
            .find("`from` must be a date like 2026-11-02") != std::string::npos);
  CHECK(dump(load_prescription(with("from = \"2026-02-30\"\n"), "p.toml").diagnostics)
            .find("`from` must be a date") != std::string::npos);
  CHECK(dump(load_prescription(with("times_per_day = 0\n"), "p.toml").diagnostics)
            .find("`times_per_day` is 0") != std::string::npos);
  CHECK(dump(load_prescription(with("times_per_day = 1.5\n"), "p.toml").diagnostics)
            .find("must be a whole number") != std::string::npos);
  CHECK(dump(load_prescription(with("routines = []\n"), "p.toml").diagnostics)
            .find("`routines` must list at least 1") != std::string::npos);
  CHECK(dump(load_prescription(with("goals = [\"\"]\n"), "p.toml").diagnostics)
            .find("`goals` item 1 is empty") != std::string::npos);
  CHECK(dump(load_prescription(with("level = \"expert\"\n"), "p.toml").diagnostics)
            .find("`level` must be one of beginner, intermediate, advanced") != std::string::npos);
  CHECK(dump(load_prescription(with("clinician = \"" + std::string(201, 'x') + "\"\n"), "p.toml")
                 .diagnostics)
            .find("`clinician` is 201 characters long; the limit is 200") != std::string::npos);
  // Missing keys point at the top of the file.
  auto empty = load_prescription("prescription = 1\n", "p.toml");
  for (std::string_view key : {"level", "routines", "times_per_day", "from", "until"}) {
    CAPTURE(key);
    CHECK(dump(empty.diagnostics)
              .find("1:1 prescription-schema: missing required key `" + std::string(key) + "`") !=
          std::string::npos);
  }
}

TEST_CASE("prescription: a syntax error is the syntax rule, and hostile text never throws") {
  auto broken = load_prescription("prescription = 1\nlevel = \"beginner\n", "p.toml");
  REQUIRE(broken.diagnostics.size() == 1);
  CHECK(broken.diagnostics[0].rule == "syntax");
  CHECK(broken.diagnostics[0].where.line == 2);
  std::string deep = "prescription = 1\ngoals = " + std::string(100000, '[');
  CHECK_FALSE(load_prescription(deep, "p.toml").prescription);
  std::string many = "prescription = 1\n";
  for (int i = 0; i < 300; ++i) many += "k" + std::to_string(i) + " = 1\n";
  auto capped = load_prescription(many, "p.toml");
  CHECK(capped.diagnostics.size() == 101);
  CHECK(capped.diagnostics.back().message.find("more problems not shown") != std::string::npos);
}

TEST_CASE("prescription: the fuzz regression inputs end in diagnostics, never a crash") {
  const auto dir = std::filesystem::path(ROLL_SOURCE_DIR) / "tests/fuzz/regressions";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    auto text = test::month::read_text(entry.path().string());
    CAPTURE(entry.path().filename().string());
    for (const std::string& input : {text, "prescription = 1\n" + text}) {
      auto loaded = load_prescription(input, "p.toml");
      CHECK(loaded.prescription.has_value() == !has_errors(loaded.diagnostics));
      for (const auto& d : loaded.diagnostics) CHECK(d.where.known());
    }
    ++seen;
  }
  CHECK(seen >= 5);
  auto hostile =
      load_prescription(test::month::read_text(std::string(ROLL_SOURCE_DIR) +
                                               "/tests/fuzz/regressions/prescription-hostile.toml"),
                        "p.toml");
  INFO(dump(hostile.diagnostics));
  CHECK_FALSE(hostile.prescription);
  for (std::string_view part :
       {"`routines` item 1", "`routines` item 2", "lists \"mon\" twice",
        "`times_per_day` is 9223372036854775807",
        "`from` is 0001-01-01; it must be from 1970-01-01 to 9999-12-31", "`goals` has 6 items"}) {
    CAPTURE(part);
    CHECK(dump(hostile.diagnostics).find(part) != std::string::npos);
  }
}

TEST_CASE("prescription: told from a routine by its first key") {
  CHECK(is_prescription_text("prescription = 1\n"));
  CHECK(is_prescription_text("\xEF\xBB\xBF# comment\n\n  prescription=1\n"));
  CHECK(is_prescription_text("#:schema ../schemas/prescription.schema.json\nprescription = 1"));
  CHECK_FALSE(is_prescription_text("schema = 1\nprescription = 1\n"));
  CHECK(is_prescription_text("\"prescription\" = 1\n"));
  CHECK(is_prescription_text("'prescription'\t= 1\n"));
  CHECK_FALSE(is_prescription_text("prescriptions = 1\n"));
  CHECK_FALSE(is_prescription_text("prescription.x = 1\n"));
  CHECK_FALSE(is_prescription_text(""));
  CHECK_FALSE(is_prescription_text("# only a comment\n"));
  // Not first: the loader says why it is not read as a prescription.
  auto second =
      load_prescription(kBase.substr(kBase.find('\n') + 1) + "prescription = 1\n", "p.toml");
  CHECK(dump(second.diagnostics).find("must be the file's first key") != std::string::npos);
}

TEST_CASE("prescription lint: the four mistakes, each at its value") {
  auto one = [](const std::string& text, std::string_view rule) {
    auto found = all(text);
    INFO(dump(found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == rule);
    CHECK(found[0].severity == Severity::error);
    return found[0];
  };
  auto times = one(with("times_per_day = 5\n"), "prescription-frequency");
  CHECK(times.where.line == 4);
  CHECK(times.where.column == 17);
  CHECK(times.message.find("5 sessions a day") != std::string::npos);
  CHECK(all(with("times_per_day = 4\n")).empty());

  auto dates = one(with("until = 2026-11-01\n"), "prescription-dates");
  CHECK(dates.where.line == 6);
  CHECK(dates.message == "the prescription ends (2026-11-01) 1 day before it starts (2026-11-02)");
  CHECK(all(with("until = 2026-11-02\n")).empty());

  auto level = one(with("routines = [\"deep-thoracic.toml\"]\n"), "prescription-level");
  CHECK(level.where.line == 3);
  CHECK(level.where.column == 13);
  // Intermediate for a beginner is the clinician's call; advanced for an intermediate is too.
  CHECK(all(with("routines = [\"glutes\"]\n")).empty());
  CHECK(all(with("level = \"intermediate\"\nroutines = [\"deep-thoracic.toml\"]\n")).empty());

  auto failing =
      one(with("routines = [\"glutes\", \"low-back.toml\"]\n"), "prescription-routine-lint");
  CHECK(failing.where.column == 23);
  CHECK(failing.message == "routine \"low-back.toml\" fails lint: 1 error (no-lumbar)");

  auto unknown = one(with("routines = [\"mid-bakc-extension\"]\n"), "prescription-routine");
  CHECK(unknown.help == "did you mean \"mid-back-extension\"?");
  auto file = one(with("routines = [\"gone.toml\"]\n"), "prescription-routine");
  CHECK(file.message == "no routine file \"gone.toml\" beside the prescription");
}

TEST_CASE("prescription lint: only a routine's errors fail it, and a routine that did not load") {
  Prescription p;
  p.from = p.until = on(2026, 11, 2);
  p.routines = {{"warned", false, {3, 13, 3, 21}}, {"broken", false, {3, 23, 3, 31}}};
  auto findings = lint_prescription(p, "p.toml", [](const PrescribedRoutineRef& ref) {
    PrescribedRoutine out;
    out.found = true;
    if (ref.text == "warned") {
      out.routine = Routine{};
      out.findings.push_back(
          {"warned.toml", {1, 1, 1, 1}, Severity::warning, "rep-range", "m", ""});
    } else {
      out.findings.push_back({"broken.toml", {1, 1, 1, 1}, Severity::error, "syntax", "m", ""});
    }
    return out;
  });
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "routine \"broken\" fails lint: 1 error (syntax)");
  CHECK(findings[0].where.column == 23);
}

TEST_CASE("the prescription rules' examples: bad trips exactly that rule, good nothing") {
  int checked = 0;
  for (const Rule& rule : all_rules()) {
    if (!rule.name.starts_with("prescription-")) continue;
    CAPTURE(rule.name);
    CHECK(rule.severity == Severity::error);
    CHECK(rule.kind != RuleKind::technique);  // a prescription has no `allow`
    if (rule.kind == RuleKind::safety) {
      CHECK(rule.article.find("article") != std::string_view::npos);
      CHECK(rule.quote.starts_with("\""));
    }
    // An example's comment says what the file it names holds; the TOML is the line before it.
    auto strip = [](std::string_view example) {
      std::string out;
      std::size_t pos = 0;
      while (pos < example.size()) {
        auto nl = example.find('\n', pos);
        std::string line(example.substr(pos, nl - pos));
        pos = nl == std::string_view::npos ? example.size() : nl + 1;
        if (auto hash = line.find("  #"); hash != std::string::npos) line.resize(hash);
        out += line + "\n";
      }
      return out;
    };
    auto bad = all(with(strip(rule.bad)));
    INFO("bad:\n" << with(strip(rule.bad)) << dump(bad));
    CHECK_FALSE(bad.empty());
    for (const auto& d : bad) CHECK(d.rule == rule.name);
    auto good = all(with(strip(rule.good)));
    INFO("good:\n" << with(strip(rule.good)) << dump(good));
    CHECK(good.empty());
    ++checked;
  }
  CHECK(checked == 6);
  CHECK(find_rule("prescription-frequency")->quote.find("1-4 times per day") !=
        std::string_view::npos);
}
