// `roll report --fhir`, in process, on a seeded history with ROLL_NOW fixing the wall clock. The
// bundle's validity is the readers' (tests/packaging/fhir_test.py); here, what goes in it.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fixtures.hpp"
#include "pictures.hpp"
#include "run_in_process.hpp"

using roll::test::eight_weeks;
using roll::test::has;
using roll::test::roll_now;
using roll::test::seed_history;
using roll::test::slurp;
using roll::test::source_path;
using roll::test::TempDir;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string example() {
  return source_path("docs/examples/thoracic-4-weeks.prescription.toml").string();
}

}  // namespace

TEST_CASE("roll report --fhir: a session Observation per session of the weeks, at its own offset") {
  TempDir home;
  // Seeded in Berlin, whatever zone the suite runs roll in: the times are the records' own.
  seed_history(home, eight_weeks(), "Europe/Berlin");
  auto file = home.path() / "back.fhir.json";
  auto r = roll_now(home, {"report", "--fhir", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "Wrote " + file.string() + " (2026-10-05 to 2026-11-29)."));
  std::string bundle = slurp(file);
  CHECK(has(bundle, "\"resourceType\" : \"Bundle\""));
  CHECK(has(bundle, "\"type\" : \"collection\""));
  // From 2026-10-05 on: 50 evenings, less the 6 the seed leaves out (i % 9 == 8).
  CHECK(count(bundle, "\"code\" : \"55411-3\"") == 44);
  CHECK(count(bundle, "\"code\" : \"min\"") == 44);
  // Winter time, and summer time before 25 October.
  CHECK(has(bundle, "\"start\" : \"2026-11-23T21:30:00+01:00\""));
  CHECK(has(bundle, "\"start\" : \"2026-10-20T22:30:00+02:00\""));
  CHECK_FALSE(has(bundle, "2026-10-04T"));
  // The before/after ratings are the "how does your back feel" scale: never pain.
  CHECK_FALSE(has(bundle, "72514-3"));
  CHECK_FALSE(has(bundle, "valueInteger"));
  // No patient given: a placeholder, no Patient, no CarePlan.
  CHECK_FALSE(has(bundle, "\"resourceType\" : \"Patient\""));
  CHECK(has(bundle, "the clinic fills it in"));
  CHECK_FALSE(has(bundle, "CarePlan"));
  CHECK(has(bundle, "pain-stop"));
  CHECK(has(bundle, "partial"));
  // --weeks is shared with --html.
  auto two = roll_now(home, {"report", "--fhir", "-", "--weeks", "2"});
  CHECK(two.exit_code == 0);
  CHECK(two.out.starts_with("{"));
  // From 2026-11-16: 8 evenings, less one left out.
  CHECK(count(two.out, "\"code\" : \"55411-3\"") == 7);
}

TEST_CASE("roll report --fhir with a prescription and a patient, beside --html") {
  TempDir home;
  seed_history(home, eight_weeks());
  auto json = home.path() / "back.fhir.json";
  auto html = home.path() / "back.html";
  auto r =
      roll_now(home, {"report", "--html", html.string(), "--fhir", json.string(), "--prescription",
                      example(), "--patient-name", "Jo Example", "--patient-id", "MRN-0042"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "Wrote " + html.string()));
  CHECK(has(r.out, "Wrote " + json.string()));
  CHECK(slurp(html).starts_with("<!DOCTYPE html>"));
  std::string bundle = slurp(json);
  CHECK(count(bundle, "\"resourceType\" : \"Patient\"") == 1);
  CHECK(has(bundle, "\"text\" : \"Jo Example\""));
  CHECK(has(bundle, "\"value\" : \"MRN-0042\""));
  CHECK_FALSE(has(bundle, "the clinic fills it in"));
  CHECK(count(bundle, "\"resourceType\" : \"CarePlan\"") == 1);
  CHECK(has(bundle, "\"code\" : \"229065009\""));
  CHECK(has(bundle, "Four weeks of thoracic work"));
  CHECK(has(bundle, "Dr. Ana Moreno"));
  CHECK(count(bundle, "\"resourceType\" : \"Goal\"") == 3);
  // The routines by their titles.
  CHECK(has(bundle, "Mid-back extension"));
  // Again: its own bundle is replaced.
  CHECK(roll_now(home, {"report", "--fhir", json.string(), "--weeks", "1"}).exit_code == 0);
  CHECK_FALSE(has(slurp(json), "CarePlan"));
}

TEST_CASE("roll report --fhir refuses a prescription with errors, and writes nothing") {
  TempDir home;
  std::string text = slurp(example());
  text.replace(text.find("times_per_day = 2"), 17, "times_per_day = 6");
  auto bad = home.write("bad.prescription.toml", text);
  auto json = home.path() / "back.fhir.json";
  auto html = home.path() / "back.html";
  auto r = roll_now(home, {"report", "--fhir", json.string(), "--html", html.string(),
                           "--prescription", bad.string()});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "error[prescription-frequency]"));
  CHECK(has(r.err, "has errors and is not exported"));
  CHECK_FALSE(std::filesystem::exists(json));
  CHECK_FALSE(std::filesystem::exists(html));
  auto routine = roll_now(home, {"report", "--fhir", json.string(), "--prescription",
                                 source_path("routines/bedtime.toml").string()});
  CHECK(routine.exit_code == 2);
  CHECK(has(routine.err, "is not a prescription"));
}

TEST_CASE("roll report needs --html or --fhir, and the FHIR options need --fhir") {
  TempDir home;
  auto none = roll_now(home, {"report"});
  CHECK(none.exit_code == 2);
  CHECK(has(none.err, "--html FILE, --fhir FILE, or both"));
  auto both = roll_now(home, {"report", "--html", "-", "--fhir", "-"});
  CHECK(both.exit_code == 2);
  auto same = home.path() / "back.out";
  auto once = roll_now(home, {"report", "--html", same.string(), "--fhir",
                              (home.path() / "." / "back.out").string()});
  CHECK(once.exit_code == 2);
  CHECK(has(once.err, "name the same file"));
  CHECK_FALSE(std::filesystem::exists(same));
  for (const char* option : {"--prescription", "--patient-name", "--patient-id"}) {
    CAPTURE(option);
    auto r = roll_now(home, {"report", "--html", "-", option, "x"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "--fhir"));
  }
}

TEST_CASE("roll report --fhir never replaces a file that is not a bundle it wrote") {
  TempDir home;
  auto notes = home.write("notes.json", "{\"mine\": true}\n");
  auto r = roll_now(home, {"report", "--fhir", notes.string()});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "is not a FHIR bundle roll wrote"));
  CHECK(slurp(notes) == "{\"mine\": true}\n");
  // Nor the HTML report in its place.
  auto html = home.path() / "back.html";
  CHECK(roll_now(home, {"report", "--html", html.string()}).exit_code == 0);
  CHECK(roll_now(home, {"report", "--fhir", html.string()}).exit_code == 2);
  CHECK(slurp(html).starts_with("<!DOCTYPE html>"));
}

TEST_CASE("roll report --fhir: pain before and after as pain Observations, the back-feel never") {
  TempDir home;
  seed_history(home,
               "bedtime 2026-11-20T21:30:00Z completed 300 thoracic=300 before=9 after=1 "
               "pain_before=4 pain_after=7\n"
               "bedtime 2026-11-21T21:30:00Z completed 300 thoracic=300 before=8 after=2\n"
               "bedtime 2026-11-22T21:30:00Z completed 300 thoracic=300 pain_after=3\n",
               "Europe/Berlin");
  auto r = roll_now(home, {"report", "--fhir", "-"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(count(r.out, "\"code\" : \"72514-3\"") == 3);
  CHECK(has(r.out, "\"valueInteger\" : 4"));
  CHECK(has(r.out, "\"valueInteger\" : 7"));
  CHECK(has(r.out, "\"valueInteger\" : 3"));
  for (const char* old : {"9", "1", "8", "2"})
    CHECK_FALSE(has(r.out, std::string("\"valueInteger\" : ") + old));
  CHECK(has(r.out, "\"effectiveDateTime\" : \"2026-11-20T22:30:00+01:00\""));  // before: start
  CHECK(has(r.out, "\"effectiveDateTime\" : \"2026-11-20T22:35:00+01:00\""));  // after: end
}
