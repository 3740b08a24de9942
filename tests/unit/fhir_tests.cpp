// The FHIR R4 export (src/core/fhir.cpp), in process on the simulated month: which resources,
// with which codes and units (each against the table below), the times with their offsets, the
// ids, and no identity invented. The real readers (the official FHIR JSON Schema and the npm
// `fhir` package) read the same bundle in tests/packaging/fhir_test.py.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "prescribed_month.hpp"
#include "roll/fhir.hpp"
#include "roll/prescription.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::utc;
namespace month = roll::test::month;

namespace {

// Every (system, code) a bundle may write, and every unit: anything else is a mistake.
const std::set<std::pair<std::string, std::string>> kCodes{
    {"http://loinc.org", "72514-3"},
    {"http://loinc.org", "55411-3"},
    {"http://snomed.info/sct", "229065009"},
    {"http://terminology.hl7.org/CodeSystem/observation-category", "survey"},
    {"http://terminology.hl7.org/CodeSystem/observation-category", "activity"},
    {"http://unitsofmeasure.org", "min"},
    {"http://unitsofmeasure.org", "{score}"},
};
const std::set<std::string> kUnits{"min", "{score}"};

Prescription example() {
  auto loaded = load_prescription(month::read_text(month::example_path(ROLL_SOURCE_DIR)), "p");
  REQUIRE(loaded.prescription);
  return *loaded.prescription;
}

FhirInput month_input(const Prescription& p) {
  auto m = month::make();
  FhirInput in;
  in.prescription = &p;
  in.routine_titles = {"Mid-back extension", "Before bed, every night"};
  in.sessions = m.sessions;
  in.pain = m.pain;
  in.psfs = m.psfs;
  in.now = month::now();
  in.now_offset = month::kOffset;
  in.today = test::on(2026, 11, 25);
  return in;
}

// The string values of `key` in the JSON, in order: toml++'s formatter writes `"key" : "value"`.
std::vector<std::string> values_of(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  std::regex pattern("\"" + key + "\" : \"((?:[^\"\\\\]|\\\\.)*)\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("fhir: times are local with the record's own offset, by arithmetic") {
  CHECK(fhir_date_time(utc("2026-11-23T20:30:00Z"), hours{1}) == "2026-11-23T21:30:00+01:00");
  CHECK(fhir_date_time(utc("2026-11-23T20:30:00Z"), seconds{0}) == "2026-11-23T20:30:00+00:00");
  CHECK(fhir_date_time(utc("2026-11-24T02:00:00Z"), -hours{5}) == "2026-11-23T21:00:00-05:00");
  CHECK(fhir_date_time(utc("2026-11-23T20:30:00Z"), minutes{345}) == "2026-11-24T02:15:00+05:45");
  CHECK(fhir_date_time(utc("2026-11-23T20:30:00Z"), -minutes{210}) == "2026-11-23T17:00:00-03:30");
  CHECK(fhir_date_time(utc("2026-12-31T23:30:00Z"), hours{14}) == "2027-01-01T13:30:00+14:00");
  CHECK(fhir_date_time(utc("2024-02-29T12:00:00Z"), seconds{0}) == "2024-02-29T12:00:00+00:00");
  // Values roll never writes make no time at all.
  CHECK(fhir_date_time(utc("2026-11-23T20:30:00Z"), -hours{14}) == "2026-11-23T06:30:00-14:00");
  CHECK_FALSE(fhir_date_time(utc("2026-11-23T20:30:00Z"), hours{14} + minutes{1}));
  CHECK_FALSE(fhir_date_time(utc("2026-11-23T20:30:00Z"), -hours{15}));
  CHECK_FALSE(fhir_date_time(SysSeconds{seconds{-1}}, seconds{0}));
  CHECK_FALSE(fhir_date_time(SysSeconds{seconds{kLatestUnixSeconds + 1}}, seconds{0}));
  CHECK_FALSE(fhir_date_time(SysSeconds{seconds{kLatestUnixSeconds}}, hours{1}));
  CHECK(fhir_date(test::on(2026, 1, 2)) == "2026-01-02");
}

TEST_CASE("fhir: ids are UUIDs of version 8, the same for the same record, distinct otherwise") {
  std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = fhir_uuid("session\n" + std::to_string(i));
    CHECK(std::regex_match(id, uuid));
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
  CHECK(fhir_uuid("a") == fhir_uuid("a"));
  CHECK(fhir_uuid("") != fhir_uuid("a"));
}

TEST_CASE("fhir: the month as a collection Bundle, each resource and every code in the table") {
  auto p = example();
  auto in = month_input(p);
  auto json = fhir_bundle(in);
  INFO(json.substr(0, 3000));
  CHECK(json.starts_with("{"));
  CHECK(count(json, "\"resourceType\" : \"Bundle\"") == 1);
  CHECK(count(json, "\"type\" : \"collection\"") == 1);
  CHECK(count(json, "\"timestamp\" : \"2026-11-25T12:00:00+01:00\"") == 1);

  int sessions = 0;
  for (const auto& r : in.sessions)
    if (r.origin != SessionOrigin::rehearsal) ++sessions;
  CHECK(sessions == static_cast<int>(in.sessions.size()) - 1);
  int psfs_items = 0;
  for (const auto& a : in.psfs) psfs_items += static_cast<int>(a.items.size());
  int observations =
      sessions + static_cast<int>(in.pain.size()) + psfs_items + static_cast<int>(in.psfs.size());
  CHECK(count(json, "\"resourceType\" : \"Observation\"") == observations);
  CHECK(count(json, "\"resourceType\" : \"CarePlan\"") == 1);
  CHECK(count(json, "\"resourceType\" : \"Goal\"") == 3);
  CHECK(count(json, "\"resourceType\" : \"Patient\"") == 0);
  auto full_urls = values_of(json, "fullUrl");
  CHECK(static_cast<int>(full_urls.size()) == observations + 4);
  CHECK(std::set<std::string>(full_urls.begin(), full_urls.end()).size() == full_urls.size());

  // Exactly the codes the issue names, once per record.
  CHECK(count(json, "\"code\" : \"72514-3\"") == static_cast<int>(in.pain.size()));
  CHECK(count(json, "\"code\" : \"55411-3\"") == sessions);
  CHECK(count(json, "\"code\" : \"229065009\"") == 1);
  CHECK(count(json, "\"valueInteger\"") == static_cast<int>(in.pain.size()) + psfs_items);
  CHECK(count(json,
              "\"display\" : \"Pain severity - 0-10 verbal numeric rating [Score] - "
              "Reported\"") == static_cast<int>(in.pain.size()));
  CHECK(count(json, "\"display\" : \"Exercise duration\"") == sessions);
  CHECK(count(json, "\"display\" : \"Exercise therapy\"") == 1);
  // Every system written is in the table, and so is every code under a system.
  auto systems = values_of(json, "system");
  auto codes = values_of(json, "code");
  REQUIRE(systems.size() == codes.size());
  for (std::size_t i = 0; i < systems.size(); ++i) {
    CAPTURE(systems[i]);
    CAPTURE(codes[i]);
    CHECK(kCodes.contains({systems[i], codes[i]}));
  }
  for (const auto& unit : values_of(json, "unit")) CHECK(kUnits.contains(unit));
  CHECK(count(json, "\"unit\" : \"min\"") == sessions);
  CHECK(count(json, "\"unit\" : \"{score}\"") == static_cast<int>(in.psfs.size()));
  // The PSFS answers have code.text only: no coding of their own.
  CHECK(count(json,
              "\"text\" : \"Patient-Specific Functional Scale: Reaching up to a high "
              "shelf\"") == 4);
  CHECK(count(json, "\"text\" : \"Patient-Specific Functional Scale: mean of 3 activities\"") == 4);
  CHECK(count(json, "\"hasMember\"") == 4);
  CHECK(count(json, "\"value\" : 5.67") == 1);

  // The times, local with their offset.
  CHECK(count(json, "\"effectiveDateTime\" : \"2026-11-25T08:00:00+01:00\"") == 1);
  CHECK(count(json, "\"start\" : \"2026-11-25T08:00:00+01:00\"") == 1);
  CHECK(count(json, "\"start\" : \"2026-11-22T01:30:00+01:00\"") == 1);
  // The session's minutes, the routine and the status.
  CHECK(count(json, "\"value\" : 9.5") >= 1);
  CHECK(count(json,
              "routine: Mid-back extension (mid-back-extension); status: partial; 3.2 of "
              "9.5 planned minutes") == 1);
  CHECK(count(json, "status: pain-stop") == 1);
  CHECK(count(json, "routine: Lat release (lats)") == 1);

  // The CarePlan: the schedule, the period, the author, the goals, the note.
  CHECK(count(json, "\"periodUnit\" : \"d\"") == 1);
  CHECK(count(json, "\"frequency\" : 2") == 1);
  CHECK(count(json, "\"dayOfWeek\" : [") == 1);
  CHECK(count(json, "\"start\" : \"2026-11-02\"") == 2);  // the plan's and the timing's bounds
  CHECK(count(json, "\"end\" : \"2026-11-29\"") == 2);
  CHECK(count(json, "\"display\" : \"Dr. Ana Moreno\"") == 1);
  CHECK(count(json, "\"status\" : \"active\"") == 1);
  CHECK(count(json, "\"status\" : \"in-progress\"") == 1);
  CHECK(count(json, "\"intent\" : \"plan\"") == 1);
  CHECK(count(json,
              "foam-roller routines, in turn, one a session: Mid-back extension; Before "
              "bed, every night") == 2);
  CHECK(count(json, "\"basedOn\"") == observations);

  // No identity invented: every subject is the placeholder.
  CHECK(count(json,
              "\"display\" : \"the patient: roll keeps no identity, the clinic fills it "
              "in\"") == observations + 4);
  CHECK(count(json, "\"type\" : \"Patient\"") == observations + 4);
}

TEST_CASE("fhir: a Patient only from what the user gives, and every subject points at it") {
  auto p = example();
  auto in = month_input(p);
  in.patient.name = "Jo Example";
  auto named = fhir_bundle(in);
  CHECK(count(named, "\"resourceType\" : \"Patient\"") == 1);
  CHECK(count(named, "\"text\" : \"Jo Example\"") == 1);
  CHECK(count(named, "\"identifier\"") == 0);
  CHECK(count(named, "clinic fills it in") == 0);
  auto patient_url = values_of(named, "fullUrl").front();
  CHECK(count(named, "\"reference\" : \"" + patient_url + "\"") == count(named, "\"subject\""));
  in.patient = {"", "MRN-0042"};
  auto by_id = fhir_bundle(in);
  CHECK(count(by_id, "\"value\" : \"MRN-0042\"") == 1);
  CHECK(count(by_id, "\"name\"") == 0);
}

TEST_CASE("fhir: without a prescription, bytes that are not UTF-8, and records left out") {
  FhirInput in;
  in.now = utc("2026-11-25T11:00:00Z");
  auto r = month::session("u1", "mid-back-extension", utc("2026-11-25T07:00:00Z"));
  r.routine_title = "Bad \xFF byte";
  in.sessions.push_back(r);
  auto rehearsal = r;
  rehearsal.uid = "u2";
  rehearsal.origin = SessionOrigin::rehearsal;
  in.sessions.push_back(rehearsal);
  auto far = r;
  far.uid = "u3";
  far.utc_offset = hours{15};  // beyond FHIR's offsets: left out
  in.sessions.push_back(far);
  in.pain.push_back({utc("2026-11-25T07:00:00Z"), seconds{0}, 11, PainMoment::before, "u1", ""});
  in.psfs.push_back({utc("2026-11-25T07:00:00Z"), seconds{0}, {{"", 3}}});
  auto json = fhir_bundle(in);
  CHECK(count(json, "\"resourceType\" : \"Observation\"") == 1);
  CHECK(count(json, "CarePlan") == 0);
  CHECK(count(json, "basedOn") == 0);
  CHECK(count(json, "Bad \xEF\xBF\xBD byte") == 1);
  CHECK(count(json, "\xFF") == 0);
  CHECK(count(json, "\"timestamp\" : \"2026-11-25T11:00:00+00:00\"") == 1);
  // The same record twice still gets two ids.
  in.sessions = {r, r};
  in.pain.clear();
  in.psfs.clear();
  auto twice = values_of(fhir_bundle(in), "fullUrl");
  REQUIRE(twice.size() == 2);
  CHECK(twice[0] != twice[1]);
}

TEST_CASE("fhir: the CarePlan is completed once the prescription ended, not started before") {
  auto p = example();
  auto in = month_input(p);
  in.today = test::on(2026, 12, 1);
  auto ended = fhir_bundle(in);
  CHECK(count(ended, "\"status\" : \"completed\"") == 2);  // the plan and its activity
  in.today = test::on(2026, 11, 1);
  CHECK(count(fhir_bundle(in), "\"status\" : \"not-started\"") == 1);
  // Every day of the week: no dayOfWeek.
  p.days.fill(true);
  CHECK(count(fhir_bundle(in), "dayOfWeek") == 0);
}

TEST_CASE("fhir: a bundle roll wrote is known by its two ends, and nothing else is") {
  auto p = example();
  auto in = month_input(p);
  auto bundle = fhir_bundle(in);
  CHECK(is_roll_fhir_bundle(bundle));
  CHECK(is_roll_fhir_bundle(bundle + "\n"));
  CHECK_FALSE(is_roll_fhir_bundle(bundle + "\n\n"));
  FhirInput empty;
  empty.now = in.now;
  CHECK(is_roll_fhir_bundle(fhir_bundle(empty)));
  CHECK_FALSE(is_roll_fhir_bundle(""));
  CHECK_FALSE(is_roll_fhir_bundle("{\"resourceType\": \"Bundle\", \"type\": \"collection\"}"));
  CHECK_FALSE(is_roll_fhir_bundle("<!DOCTYPE html>\n"));
  // A bundle's head with someone else's tail.
  CHECK_FALSE(is_roll_fhir_bundle(bundle.substr(0, bundle.size() / 2) +
                                  "\n    \"type\" : \"collection\"\n}"));
}

TEST_CASE("fhir: the history's back-feel ratings are never pain ratings") {
  SessionRecord r;
  r.uid = "s1";
  r.routine_name = "thoracic";
  r.status = SessionStatus::completed;
  r.rating_before = 3;
  r.rating_after = 8;
  CHECK(pain_ratings({r, r}).empty());
}
