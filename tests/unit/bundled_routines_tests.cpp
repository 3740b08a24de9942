// The bundled routines say what the articles say (issue 14, section 4): read from routines/ in
// the source tree, loaded and linted by the core, and held to the articles' words.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "roll/lint.hpp"
#include "roll/load.hpp"

using namespace roll;
namespace fs = std::filesystem;

namespace {

struct Bundled {
  std::string file;
  std::string text;
};

std::vector<Bundled> bundled() {
  std::vector<Bundled> out;
  for (const auto& entry : fs::directory_iterator(fs::path(ROLL_SOURCE_DIR) / "routines")) {
    if (entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({entry.path().filename().string(), text.str()});
  }
  std::sort(out.begin(), out.end(),
            [](const Bundled& a, const Bundled& b) { return a.file < b.file; });
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

Routine load_clean(const Bundled& b) {
  auto loaded = load_routine(b.text, b.file);
  REQUIRE(loaded.routine);
  CHECK(loaded.diagnostics.empty());
  return *loaded.routine;
}

}  // namespace

TEST_CASE("eight bundled routines, each clean under every rule, none silencing one") {
  auto all = bundled();
  CHECK(all.size() == 8);
  for (const auto& b : all) {
    CAPTURE(b.file);
    Routine r = load_clean(b);
    auto found = lint_routine(r, b.file);
    for (const auto& d : found) CHECK_MESSAGE(false, d.rule << ": " << d.message);
    // --strict passing because of an `allow` would prove nothing.
    CHECK(r.allow.empty());
    for (const auto& step : r.steps) CHECK(step.allow.empty());
  }
}

TEST_CASE("wherever the hands go behind the head, the cue says not to pull on the neck") {
  int hands = 0;
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    for (const auto& step : load_clean(b).steps) {
      CAPTURE(step.name);
      if (!contains(step.cue, "behind your head") && !contains(step.cue, "supporting your head")) {
        continue;
      }
      ++hands;
      CHECK(contains(step.cue, "support your head"));
      CHECK(contains(step.cue, "do not pull on your neck"));
    }
  }
  CHECK(hands >= 7);  // thoracic, bedtime, beginner, mid-back-extension, upper-back x2, warm-up
}

TEST_CASE("thoracic extension climbs from the base of the rib cage to the top of the shoulders") {
  for (const auto& b : bundled()) {
    if (b.file != "thoracic.toml") continue;
    Routine r = load_clean(b);
    const Step& ext = r.steps.front();
    CHECK(ext.name == "Thoracic extension");
    CHECK(ext.positions >= 8);  // an inch at a time, about eight inches up the back
    CHECK(ext.unit == TimingUnit::breaths);
    CHECK(ext.count == 3);  // the first article's three deep breaths at each position
    CHECK(contains(ext.cue, "base of the rib cage"));
    CHECK(contains(ext.cue, "top of the shoulders"));
    // The trade between the climb and the session's fifteen minutes is said in the file.
    CHECK(contains(b.text, "shorten the breaths"));
    return;
  }
  FAIL("thoracic.toml not found");
}

TEST_CASE("every step says which article it comes from, or that it is roll's own") {
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    std::size_t at = 0;
    int steps = 0;
    while ((at = b.text.find("\n[[step]]", at)) != std::string::npos) {
      // The comment lines just above the step name its source.
      std::string above;
      std::size_t end = at;
      while (end > 0) {
        auto start = b.text.rfind('\n', end - 1);
        start = start == std::string::npos ? 0 : start + 1;
        std::string line = b.text.substr(start, end - start);
        if (!line.starts_with("# ")) break;
        above = line + "\n" + above;
        if (start == 0) break;
        end = start - 1;
      }
      CAPTURE(above);
      CHECK(!above.empty());
      CHECK((contains(above, "article") || contains(above, "roll's own")));
      ++at;
      ++steps;
    }
    CHECK(steps == static_cast<int>(load_clean(b).steps.size()));
  }
}

TEST_CASE("the third article's caveat goes wherever it is cited") {
  int cited = 0;
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    if (!contains(b.text, "third article")) continue;
    ++cited;
    CHECK(contains(b.text, "not systematically found in all our measurements"));
  }
  CHECK(cited >= 1);
  std::ifstream in(fs::path(ROLL_SOURCE_DIR) / "routines" / "README.md");
  std::ostringstream doc;
  doc << in.rdbuf();
  CHECK(contains(doc.str(), "not systematically found in all our measurements"));
}
