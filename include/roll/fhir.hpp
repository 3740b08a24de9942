#pragma once
// The FHIR R4 export for a clinic's system (docs/fhir.md): a Bundle of type `collection` with
// - a CarePlan for the prescription (its activity coded SNOMED CT 229065009, exercise therapy,
//   with the schedule as a Timing), and a Goal per PSFS activity it names;
// - an Observation per pain rating (LOINC 72514-3, pain severity 0-10, valueInteger);
// - an Observation per PSFS activity rated (code.text only: the PSFS has no code of its own
//   roll could honestly use) and one for the mean, whose hasMember lists them;
// - an Observation per session (LOINC 55411-3, exercise duration, valueQuantity in UCUM `min`),
//   its routine and status in a note.
// No patient identifier is invented: a Patient only from the name or id the user gives, else
// every subject is a placeholder Reference (type Patient, a display saying the clinic fills it
// in). Times are local with the record's own offset. Pure: the JSON goes through the one JSON
// writer.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/history.hpp"
#include "roll/outcomes.hpp"
#include "roll/prescription.hpp"

namespace roll {

// The code systems and codes the bundle writes, each once here (the suite checks every code and
// unit in the output against its own table).
namespace fhir {
inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
inline constexpr std::string_view kObservationCategory =
    "http://terminology.hl7.org/CodeSystem/observation-category";
inline constexpr std::string_view kPainCode = "72514-3";
inline constexpr std::string_view kPainDisplay =
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
inline constexpr std::string_view kExerciseDurationCode = "55411-3";
inline constexpr std::string_view kExerciseDurationDisplay = "Exercise duration";
inline constexpr std::string_view kExerciseTherapyCode = "229065009";
inline constexpr std::string_view kExerciseTherapyDisplay = "Exercise therapy";
}  // namespace fhir

struct FhirPatient {
  std::string name;  // as the user gives it; empty for none
  std::string id;    // the clinic's identifier for the patient; empty for none
};

struct FhirInput {
  const Prescription* prescription = nullptr;  // none: no CarePlan, no Goals
  // How the CarePlan names each prescribed routine (its title, or its name), in the
  // prescription's order; where missing, the text the prescription wrote.
  std::vector<std::string> routine_titles;
  FhirPatient patient;
  std::vector<SessionRecord> sessions;  // rehearsals are left out
  std::vector<PainRating> pain;         // on the 0-10 scale only
  std::vector<PsfsAnswer> psfs;
  SysSeconds now{};                    // Bundle.timestamp
  std::chrono::seconds now_offset{0};  // the local offset now
  LocalDays today{};                   // whether the CarePlan is active or completed
};

// The bundle as JSON (indented), with no trailing newline.
[[nodiscard]] std::string fhir_bundle(const FhirInput& input);

// Whether `text` is a bundle fhir_bundle() wrote (with or without one trailing newline): what
// `roll report --fhir` looks for before replacing a file. Read at its two ends only (the writer
// puts the keys in order, so the Bundle's own keys come last).
[[nodiscard]] bool is_roll_fhir_bundle(std::string_view text);

// A FHIR dateTime with its offset: "2026-11-23T21:30:00+01:00". nullopt outside 1970-9999 or
// with an offset beyond FHIR's 14:00 either way. Pure arithmetic on the calendar (no localtime, no
// fmt chrono).
[[nodiscard]] std::optional<std::string> fhir_date_time(SysSeconds at, std::chrono::seconds offset);
// "2026-11-23".
[[nodiscard]] std::string fhir_date(LocalDays day);

// A UUID (RFC 9562 version 8, the custom version) made from `name` alone, so the same history
// always exports the same ids and a clinic importing it twice sees the same resources.
[[nodiscard]] std::string fhir_uuid(std::string_view name);

}  // namespace roll
