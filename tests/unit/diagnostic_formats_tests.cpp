// The linter's output formats, built as strings: text, summary, JSON, SARIF, GitHub.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "cli/diagnostic_formats.hpp"

using namespace roll;
using namespace roll::cli;

namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

Diagnostic diag(std::string file, int line, int column, int end_column, Severity severity,
                std::string rule, std::string message, std::string help = "") {
  return Diagnostic{std::move(file),    {line, column, line, end_column},
                    severity,           std::move(rule),
                    std::move(message), std::move(help)};
}

const std::string kSource = "schema = 1\nzone = \"Lower Back\"\nnaïve = 12\n";

}  // namespace

TEST_CASE("text: path:line:col, the source line, a caret under the value, help and the article") {
  auto d = diag("r.toml", 2, 8, 20, Severity::error, "no-lumbar", "pressure on the lower back",
                "work the areas above and below");
  auto out = format_text({d}, {{"r.toml", kSource}}, false);
  CHECK(out.starts_with("r.toml:2:8: error[no-lumbar]: pressure on the lower back\n"));
  CHECK(contains(out, " 2 | zone = \"Lower Back\"\n"));
  CHECK(contains(out, "   |        ^^^^^^^^^^^^\n"));
  CHECK(contains(out, "  help: work the areas above and below\n"));
  CHECK(contains(out, "  see: first article"));
  CHECK(contains(out, "`roll explain no-lumbar`"));
  CHECK(!contains(out, "\x1b"));
}

TEST_CASE("text: the caret counts code points, and colour only when asked") {
  auto d = diag("r.toml", 3, 9, 11, Severity::warning, "rep-range", "m");
  auto out = format_text({d}, {{"r.toml", kSource}}, false);
  CHECK(contains(out, " 3 | naïve = 12\n   |         ^^\n"));
  auto colored = format_text({d}, {{"r.toml", kSource}}, true);
  CHECK(contains(colored, "\x1b["));
}

TEST_CASE("text: routine text cannot reach the terminal raw") {
  std::string evil = "zone = \"\x1b]0;pwned\x07\"\n";
  auto d = diag("e\x1b[2J.toml", 1, 8, 20, Severity::error, "unknown-zone", "unknown \x1b[31mzone",
                "help \x1b[1m");
  auto out = format_text({d}, {{d.file, evil}}, false);
  CHECK(!contains(out, "\x1b"));
  CHECK(!contains(out, "\x07"));
}

TEST_CASE("text: a diagnostic without a position or source is one line") {
  Diagnostic d{"missing.toml", {}, Severity::error, "io", "missing.toml: no such file", ""};
  CHECK(format_text({d}, {}, false) == "missing.toml: error[io]: missing.toml: no such file\n");
}

TEST_CASE("summary line") {
  auto e = diag("a", 1, 1, 2, Severity::error, "no-neck", "m");
  auto w = diag("a", 1, 1, 2, Severity::warning, "rep-range", "m");
  CHECK(format_summary({e, e, w}, 3) == "2 errors, 1 warning in 3 files\n");
  CHECK(format_summary({e}, 1) == "1 error in 1 file\n");
  CHECK(format_summary({w, w}, 2) == "2 warnings in 2 files\n");
  CHECK(format_summary({}, 8) == "no problems in 8 files\n");
}

TEST_CASE("json: one object with every field, escaped by the formatter") {
  auto d =
      diag("dir/r.toml", 2, 8, 20, Severity::warning, "slow-tempo", "say \"fast\"\nnot", "help");
  auto out = format_json({d});
  CHECK(out.starts_with("{"));
  CHECK(contains(out, "\"diagnostics\""));
  for (std::string_view field :
       {"\"file\" : \"dir/r.toml\"", "\"line\" : 2", "\"column\" : 8", "\"end_line\" : 2",
        "\"end_column\" : 20", "\"severity\" : \"warning\"", "\"rule\" : \"slow-tempo\"",
        "\"message\" : \"say \\\"fast\\\"\\nnot\"", "\"help\" : \"help\""}) {
    CAPTURE(field);
    CHECK(contains(out, field));
  }
  CHECK(contains(format_json({}), "\"diagnostics\" : []"));
  CHECK(contains(out, "\"version\" : 1"));
}

TEST_CASE("json: a diagnostic without a position has no line or column keys, never line 0") {
  Diagnostic d{"missing.toml", {}, Severity::error, "io", "missing.toml: no such file", ""};
  auto out = format_json({d});
  CHECK_FALSE(contains(out, "\"line\""));
  CHECK_FALSE(contains(out, "\"column\""));
  CHECK_FALSE(contains(out, " : 0"));
  CHECK(contains(out, "\"rule\" : \"io\""));
}

TEST_CASE("sarif: columns in code points, a region for a file that cannot be read, rule names") {
  Diagnostic io{"missing.toml", {}, Severity::error, "io", "missing.toml: no such file", ""};
  auto out = format_sarif({io}, "1.2.3");
  CHECK(contains(out, "\"columnKind\" : \"unicodeCodePoints\""));
  CHECK(contains(out, "\"region\" : {\n"));
  CHECK(contains(out, "\"startLine\" : 1"));
  CHECK(contains(out, "\"name\" : \"NoLumbar\""));
  CHECK_FALSE(contains(out, "\"name\" : \"no-lumbar\""));
  CHECK_FALSE(contains(out, "helpUri"));
  CHECK_FALSE(contains(out, "informationUri"));
  CHECK(sarif_rule_name("no-lumbar") == "NoLumbar");
  CHECK(sarif_rule_name("two-minute-zone") == "TwoMinuteZone");
  // SARIF1001 compares the name with the id ignoring case: "Syntax" is no name for "syntax".
  auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  std::set<std::string> names;
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    std::string name = sarif_rule_name(rule.name);
    CHECK(lower(name) != lower(std::string(rule.name)));
    REQUIRE_FALSE(name.empty());
    CHECK(std::isupper(static_cast<unsigned char>(name[0])));
    CHECK(std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(c); }));
    names.insert(name);
  }
  CHECK(names.size() == all_rules().size());
}

TEST_CASE("sarif: 2.1.0 with ruleIds, levels, regions and every rule in tool.driver.rules") {
  auto e = diag("routines/my file.toml", 2, 8, 20, Severity::error, "no-lumbar", "m", "h");
  auto w = diag("/abs/r.toml", 3, 1, 5, Severity::warning, "rep-range", "m");
  auto out = format_sarif({e, w}, "1.2.3");
  CHECK(contains(out, "\"version\" : \"2.1.0\""));
  CHECK(contains(out,
                 "\"$schema\" : \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                 "schemas/sarif-schema-2.1.0.json\""));
  CHECK(contains(out, "\"name\" : \"roll\""));
  CHECK(contains(out, "\"version\" : \"1.2.3\""));
  CHECK(contains(out, "\"ruleId\" : \"no-lumbar\""));
  CHECK(contains(out, "\"level\" : \"error\""));
  CHECK(contains(out, "\"level\" : \"warning\""));
  CHECK(contains(out, "\"uri\" : \"routines/my%20file.toml\""));
  CHECK(contains(out, "\"uri\" : \"file:///abs/r.toml\""));
  CHECK(contains(out, "\"startLine\" : 2"));
  CHECK(contains(out, "\"startColumn\" : 8"));
  CHECK(contains(out, "\"endColumn\" : 20"));
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    CHECK(contains(out, "\"id\" : \"" + std::string(rule.name) + "\""));
  }
}

TEST_CASE("github: workflow commands with GitHub's escaping") {
  CHECK(github_escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b");
  CHECK(github_escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
  auto e = diag("dir/a,b:c.toml", 3, 5, 9, Severity::error, "no-lumbar", "100% bad", "fix it");
  auto w = diag("r.toml", 1, 1, 2, Severity::warning, "rep-range", "m");
  Diagnostic i{"r.toml", {}, Severity::info, "io", "note", ""};
  auto out = format_github({e, w, i});
  CHECK(contains(out,
                 "::error file=dir/a%2Cb%3Ac.toml,line=3,col=5,endLine=3,endColumn=9,"
                 "title=no-lumbar::100%25 bad%0Ahelp: fix it\n"));
  CHECK(contains(out, "::warning file=r.toml,line=1,col=1,"));
  CHECK(contains(out, "::notice file=r.toml,title=io::note\n"));
}
