// `roll lint --fix` as a pure text transformation: only the reported spots change.
#include <doctest/doctest.h>

#include <string>

#include "roll/fix.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"

using namespace roll;

namespace {

std::vector<Diagnostic> lint(std::string_view text) {
  auto loaded = load_routine(text, "f.toml");
  REQUIRE(loaded.routine);
  return lint_routine(*loaded.routine, "f.toml");
}

bool has_rule(const std::vector<Diagnostic>& diagnostics, std::string_view rule) {
  for (const auto& d : diagnostics) {
    if (d.rule == rule) return true;
  }
  return false;
}

constexpr std::string_view kHeader =
    "schema = 1\nname = \"f\"\ntitle = \"F\"  # a comment that must survive\nroller = \"soft\"\n\n";

constexpr std::string_view kHold =
    "[[step]]\nname = \"Thoracic\"\nzone = \"thoracic\"\nseconds = 30\npositions = 4\n"
    "intensity = 9   # too much\n";

// Three minutes of movement: what move-after asks for.
constexpr std::string_view kMove =
    "\n[[step]]\nname = \"Cat-cow\"\nkind = \"movement\"\nzone = \"full-body\"\nseconds = 180\n";

}  // namespace

TEST_CASE("fix lowers an intensity of 8-10 to 7 and changes nothing else") {
  for (std::string_view value : {"8", "9", "10"}) {
    CAPTURE(value);
    std::string hold(kHold);
    hold.replace(hold.find("9"), 1, value);
    std::string text = std::string(kHeader) + hold + std::string(kMove);
    auto result = fix_routine_text(text, "f.toml", lint(text));
    REQUIRE(result.fixed == std::vector<std::string>{"intensity-cap"});
    std::string expected = text;
    expected.replace(expected.find(std::string("intensity = ") + std::string(value)),
                     12 + value.size(), "intensity = 7");
    CHECK(result.text == expected);
    CHECK(!has_rule(lint(result.text), "intensity-cap"));
  }
}

TEST_CASE("fix appends a movement step when move-after fires, keeping every byte before it") {
  std::string text = std::string(kHeader) + std::string(kHold);
  text.replace(text.find("intensity = 9"), 13, "intensity = 6");
  auto diagnostics = lint(text);
  REQUIRE(has_rule(diagnostics, "move-after"));
  auto result = fix_routine_text(text, "f.toml", diagnostics);
  REQUIRE(result.fixed == std::vector<std::string>{"move-after"});
  CHECK(result.text.starts_with(text));
  CHECK(result.text.find("kind = \"movement\"", text.size()) != std::string::npos);
  CHECK(result.text.find("seconds = 180", text.size()) != std::string::npos);
  auto after = lint(result.text);
  CHECK(!has_rule(after, "move-after"));
}

TEST_CASE("fix appends three minutes of movement even where a short movement step ends it") {
  std::string text = std::string(kHeader) + std::string(kHold);
  text.replace(text.find("intensity = 9"), 13, "intensity = 6");
  text += "\n[[step]]\nname = \"Shrug\"\nkind = \"movement\"\nzone = \"shoulders\"\nseconds = 1\n";
  auto diagnostics = lint(text);
  REQUIRE(has_rule(diagnostics, "move-after"));
  auto result = fix_routine_text(text, "f.toml", diagnostics);
  REQUIRE(result.fixed == std::vector<std::string>{"move-after"});
  CHECK(result.text.starts_with(text));
  CHECK(result.text.find("seconds = 180", text.size()) != std::string::npos);
  CHECK(lint(result.text).empty());
}

TEST_CASE("fix does both at once, and a file without a final newline gets one first") {
  std::string text = std::string(kHeader) + std::string(kHold);
  text.pop_back();  // no trailing newline after the comment
  auto result = fix_routine_text(text, "f.toml", lint(text));
  CHECK(result.fixed.size() == 2);
  CHECK(result.text.find("intensity = 7   # too much\n") != std::string::npos);
  CHECK(lint(result.text).empty());
}

TEST_CASE("fix keeps CRLF line endings") {
  std::string text;
  for (char c : std::string(kHeader) + std::string(kHold)) {
    if (c == '\n') text += '\r';
    text += c;
  }
  auto result = fix_routine_text(text, "f.toml", lint(text));
  REQUIRE(result.fixed.size() == 2);
  auto appended = result.text.substr(text.size());
  CHECK(appended.find("\r\n") != std::string::npos);
  CHECK(appended.find('\n') == appended.find("\r\n") + 1);
  for (std::size_t i = 0; i < appended.size(); ++i) {
    if (appended[i] == '\n') CHECK(appended[i - 1] == '\r');
  }
}

TEST_CASE("fix leaves alone what it cannot edit as a plain literal, and other rules") {
  std::string text = std::string(kHeader) + std::string(kHold) + std::string(kMove);
  text.replace(text.find("intensity = 9"), 13, "intensity = +9");
  auto diagnostics = lint(text);
  REQUIRE(has_rule(diagnostics, "intensity-cap"));
  auto result = fix_routine_text(text, "f.toml", diagnostics);
  CHECK(result.fixed.empty());
  CHECK(result.text == text);

  std::string lumbar = std::string(kHeader) + std::string(kHold) + std::string(kMove);
  lumbar.replace(lumbar.find("\"thoracic\""), 10, "\"lower back\"");
  lumbar.replace(lumbar.find("intensity = 9"), 13, "intensity = 5");
  auto untouched = fix_routine_text(lumbar, "f.toml", lint(lumbar));
  CHECK(untouched.fixed.empty());
  CHECK(untouched.text == lumbar);
}

TEST_CASE("fix ignores diagnostics of other files") {
  std::string text = std::string(kHeader) + std::string(kHold) + std::string(kMove);
  auto result = fix_routine_text(text, "other.toml", lint(text));
  CHECK(result.fixed.empty());
  CHECK(result.text == text);
}

TEST_CASE("byte_offset counts columns in code points, as the TOML parser does") {
  std::string_view text = "a = 1\nnaïve = 12\n";
  CHECK(byte_offset(text, 1, 1) == 0);
  CHECK(byte_offset(text, 2, 1) == 6);
  CHECK(byte_offset(text, 2, 9) == 6 + 9);  // "naïve = " is 8 code points, 9 bytes
  CHECK(byte_offset(text, 3, 1) == text.size());
  CHECK(byte_offset(text, 4, 1) == std::string_view::npos);
  CHECK(byte_offset(text, 1, 20) == std::string_view::npos);
  CHECK(line_text(text, 2) == "naïve = 12");
  CHECK(line_text("x\r\ny", 1) == "x");
  CHECK(line_text(text, 9).empty());
}
