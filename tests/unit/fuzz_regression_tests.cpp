// The inputs in tests/fuzz/regressions/ (crashers found by the fuzzers and pathological files)
// through the same pipeline as tests/fuzz/fuzz_routine.cpp, in the ordinary test suite.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../fuzz/json_reader_property.hpp"
#include "roll/keys.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/plan.hpp"
#include "roll/text.hpp"

TEST_CASE("every fuzz regression input ends in diagnostics or a valid plan, and sanitizes clean") {
  const auto dir = std::filesystem::path(ROLL_SOURCE_DIR) / "tests/fuzz/regressions";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    auto name = entry.path().filename().string();
    if (name.starts_with("keys-") || name.starts_with("json-")) continue;  // other targets' inputs
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().filename().string());
    auto loaded = roll::load_routine(text, entry.path().filename().string());
    CHECK(loaded.routine.has_value() == !roll::has_errors(loaded.diagnostics));
    if (loaded.routine) {
      (void)roll::lint_routine(*loaded.routine, "regression.toml");
      auto plan = roll::make_plan(*loaded.routine);
      CHECK(roll::moment_at(plan, plan.total).finished);
      for (const auto& step : loaded.routine->steps) {
        for (unsigned char c : roll::sanitize(step.name)) CHECK(c >= 0x20);
      }
      for (unsigned char c : roll::sanitize(loaded.routine->title)) CHECK(c >= 0x20);
    } else {
      for (const auto& d : loaded.diagnostics) {
        if (d.rule != "io") CHECK(d.where.known());
      }
    }
    ++seen;
  }
  CHECK(seen >= 4);
}

// tests/fuzz/fuzz_keys.cpp's checks on the keys-* inputs: the first byte says how to cut the
// rest into reads; only keys come out, the same however the reads are cut.
TEST_CASE("every key-decoder regression input gives only keys, however it is split") {
  using namespace std::chrono_literals;
  const auto dir = std::filesystem::path(ROLL_SOURCE_DIR) / "tests/fuzz/regressions";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.path().filename().string().starts_with("keys-")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().filename().string());
    REQUIRE_FALSE(data.empty());
    std::string_view bytes(data);
    bytes.remove_prefix(1);
    roll::KeyDecoder whole;
    std::string at_once = whole.feed(bytes, 0ms) + whole.expire(1000000ms);
    for (std::size_t step = 1; step <= 8; ++step) {
      roll::KeyDecoder split;
      std::string keys;
      for (std::size_t i = 0; i < bytes.size(); i += step)
        keys += split.feed(bytes.substr(i, step), 1ms);
      keys += split.expire(1000000ms);
      CHECK(keys == at_once);
    }
    for (unsigned char c : at_once) {
      CHECK(((c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n' || c == '\t' || c == 0x1b));
    }
    ++seen;
  }
  CHECK(seen >= 2);
}

// tests/fuzz/fuzz_json_reader.cpp's checks (json_reader_property.hpp) on the json-* inputs.
TEST_CASE("every JSON reader regression input gives an object or a reason, and reads back") {
  const auto dir = std::filesystem::path(ROLL_SOURCE_DIR) / "tests/fuzz/regressions";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.path().filename().string().starts_with("json-")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().filename().string());
    CHECK(roll::test::check_json_reader(text) == "");
    ++seen;
  }
  CHECK(seen >= 8);
}
