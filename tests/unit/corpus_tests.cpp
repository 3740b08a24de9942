// Hostile and foreign input through the loader: the TOML conformance corpus (none of it is a
// routine, so every file must end in an error with a position) and generated inputs aimed at the
// stack-depth crashers of toml++ 3.3.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "roll/limits.hpp"
#include "roll/load.hpp"
#include "skip.hpp"

using namespace roll;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const Diagnostic& only_error(const LoadResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].severity == Severity::error);
  CHECK_FALSE(r.routine);
  return r.diagnostics[0];
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

constexpr std::string_view kRoutine = R"(schema = 1
name = "test"
title = "Test"
[[step]]
name = "a"
zone = "lats"
seconds = 30
)";

}  // namespace

TEST_CASE("every file of the TOML conformance corpus ends in an error with a position") {
  const std::filesystem::path corpus = ROLL_CORPUS_DIR;
  // The corpus lives beside the repository (../shared), not in it: a fresh clone on its own
  // must still pass README's test command, so its absence skips this case, as in the e2e test.
  ROLL_SKIP_UNLESS(std::filesystem::is_directory(corpus / "tests"),
                   "no TOML corpus at " + corpus.string());
  std::ifstream list(corpus / "tests" / "files-toml-1.0.0");
  REQUIRE_MESSAGE(list, "corpus list missing under " << corpus.string());
  std::size_t valid = 0;
  std::size_t invalid = 0;
  std::string line;
  while (std::getline(list, line)) {
    if (line.size() < 5 || line.substr(line.size() - 5) != ".toml") continue;
    bool is_valid = line.rfind("valid/", 0) == 0;
    bool is_invalid = line.rfind("invalid/", 0) == 0;
    if (!is_valid && !is_invalid) continue;
    (is_valid ? valid : invalid)++;
    CAPTURE(line);
    auto text = read_file(corpus / "tests" / line);
    auto r = load_routine(text, line);
    CHECK_FALSE(r.routine);
    REQUIRE(has_errors(r.diagnostics));
    for (const auto& d : r.diagnostics) {
      CHECK(d.where.known());
      CHECK(d.where.column > 0);
      CHECK(d.file == line);
    }
    // A valid TOML file is not a routine: the complaint is about the schema, not the syntax.
    if (is_valid) CHECK(r.diagnostics[0].rule != "syntax");
  }
  CHECK(valid > 100);
  CHECK(invalid > 100);
  MESSAGE("corpus: " << valid << " valid and " << invalid << " invalid files");
}

TEST_CASE("pathological input is refused before the parser") {
  SUBCASE("100000 opening brackets") {
    auto r = load_routine("a = " + std::string(100000, '['), "x.toml");
    const auto& d = only_error(r);
    CHECK(d.rule == "syntax");
    CHECK(d.where.line == 1);
    CHECK(d.where.column == 5 + limits::max_nesting_depth);
    CHECK(contains(d.message, "nest"));
  }
  SUBCASE("100000 table-header brackets and braces") {
    auto r = load_routine(std::string(100000, '['), "x.toml");
    CHECK(only_error(r).where.column == limits::max_nesting_depth + 1);
    r = load_routine("a = " + std::string(100000, '{'), "x.toml");
    CHECK(only_error(r).where.column == 5 + limits::max_nesting_depth);
  }
  SUBCASE("nesting deep but exactly at the limit goes to the parser") {
    std::string depth(limits::max_nesting_depth, '[');
    auto r = load_routine(std::string(kRoutine) + "x = " + depth + std::string(depth.size(), ']'),
                          "test.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "schema");  // unknown key x, so it was parsed
  }
  SUBCASE("brackets inside strings and comments do not count") {
    std::string many(1000, '[');
    std::string some(150, '{');  // list items are short strings
    // An escaped quote in a basic string, quotes at the end of multi-line strings.
    auto text = std::string(kRoutine) + "cue = \"\\\"" + many + "\"\n# " + many + "\n" +
                "allow = ['" + some + "', \"\"\"" + some + "\\\"\"\"\", '''" + some + "''''']\n";
    auto r = load_routine(text, "test.toml");
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].message));
    CHECK(r.routine);
  }
  SUBCASE("strings and comments cannot hide deep nesting from the guard") {
    std::string deep = "x = " + std::string(100000, '[') + "\n";
    for (std::string prefix : {
             "# a quote in a comment \" and ' \n",
             "a = 'literal strings have no escapes\\'\n",
             "a = \"an escaped backslash \\\\\"\n",
             "a = \"\"\"multi\nline \\\"\"\" still open\"\"\"\n",
             "a = '''multi\nline ''''\n",
             "a = \"unterminated\n",
             "a = \"# not a comment\" \n",
         }) {
      CAPTURE(prefix);
      auto r = load_routine(prefix + deep, "x.toml");
      const auto& d = only_error(r);
      CHECK(contains(d.message, "nest"));
      CHECK(d.where.column == 5 + limits::max_nesting_depth);
    }
  }
  SUBCASE("a 10000-part dotted key") {
    std::string key = "a";
    for (int i = 0; i < 9999; ++i) key += ".a";
    auto r = load_routine("\n  " + key + " = 1\n", "x.toml");
    const auto& d = only_error(r);
    CHECK(d.rule == "syntax");
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 3);
    CHECK(contains(d.message, "dotted key"));
    r = load_routine("[" + key + "]\n", "x.toml");
    CHECK(only_error(r).where.column == 2);
  }
  SUBCASE("a dotted key at the limit goes to the parser") {
    std::string key = "a";
    for (std::size_t i = 1; i < limits::max_dotted_key_parts; ++i) key += ".\"b.c\"";
    auto r = load_routine(std::string(kRoutine) + key + " = 1.5\n", "test.toml");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "schema");
  }
  SUBCASE("1 MiB + 1 byte") {
    std::string text(kRoutine);
    text += "cue = \"";
    text.resize(limits::max_file_bytes + 1, 'x');
    auto r = load_routine(text, "x.toml");
    const auto& d = only_error(r);
    CHECK(d.where == SourceRange{1, 1, 1, 1});
    CHECK(contains(d.message, "1048577 bytes"));
  }
  SUBCASE("exactly 1 MiB is read") {
    std::string text(kRoutine);
    text += "# ";
    text.resize(limits::max_file_bytes - 1, 'x');
    text += "\n";
    auto r = load_routine(text, "test.toml");
    CHECK(r.routine);
  }
  SUBCASE("NUL bytes") {
    std::string text(kRoutine);
    text.insert(text.find("Test"), 1, '\0');
    auto r = load_routine(text, "x.toml");
    const auto& d = only_error(r);
    CHECK(d.where.line == 3);
    CHECK(d.where.column == 10);
    CHECK(contains(d.message, "NUL"));
  }
  SUBCASE("invalid UTF-8, reported at the first bad byte in code-point columns") {
    for (std::string bad :
         {"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3", "\x80"}) {
      std::string text(kRoutine);
      text.insert(text.find("Test"), "\xC3\xA9\xE2\x82\xAC" + bad);  // "é€" then the bad bytes
      auto r = load_routine(text, "x.toml");
      const auto& d = only_error(r);
      CHECK(d.rule == "syntax");
      CHECK(d.where.line == 3);
      CHECK(d.where.column == 12);
      CHECK(contains(d.message, "UTF-8"));
    }
  }
  SUBCASE("a byte-order mark is allowed and does not shift columns") {
    auto r = load_routine("\xEF\xBB\xBF" + std::string(kRoutine), "test.toml");
    CHECK(r.routine);
    REQUIRE(r.routine);
    CHECK(r.routine->source.at("schema").column == 1);
    r = load_routine(
        "\xEF\xBB\xBF"
        "schema = \"1\"\n",
        "test.toml");
    bool found = false;
    for (const auto& d : r.diagnostics) {
      if (d.where.line == 1 && d.where.column == 10) found = true;
    }
    CHECK(found);
  }
  SUBCASE("a binary file") {
    std::string text;
    for (int i = 0; i < 4096; ++i) text.push_back(static_cast<char>((i * 7919) & 0xFF));
    auto r = load_routine(text, "x.toml");
    const auto& d = only_error(r);
    CHECK(d.rule == "syntax");
    CHECK(d.where.known());
  }
  SUBCASE("many problems are capped") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "k" + std::to_string(i) + " = 1\n";
    auto r = load_routine(text, "x.toml");
    CHECK(r.diagnostics.size() == 101);
    CHECK(contains(r.diagnostics.back().message, "more problems"));
  }
}
