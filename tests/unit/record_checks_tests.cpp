// The one validator of records (src/core/record_checks.cpp), shared by `roll history add`,
// `roll history import` and `roll sync`: a value of every kind's every field that passes and one
// that does not, the whole-record rules, and what an update may change.
#include <doctest/doctest.h>

#include <string>

#include "roll/record_checks.hpp"
#include "roll/sync_record.hpp"

using namespace roll::sync;

namespace {

constexpr std::int64_t kNow = 1795467600;  // 2026-11-23T21:00:00Z
const char* kUid = "01890a5d-ac96-774b-bcce-b302099a8057";
const char* kDevice = "01890a5d-ac96-774b-bcce-b302099a8058";

Record session() {
  Record r = Record::make(Kind::session, kUid, kDevice);
  r.set("routine", std::string("bedtime"))
      .set("title", std::string("Bedtime"))
      .set("started_at", kNow - 3600)
      .set("ended_at", kNow - 3300)
      .set("planned_seconds", std::int64_t{360})
      .set("completed_seconds", std::int64_t{300})
      .set("status", std::string("completed"))
      .set("origin", std::string("live"))
      .set("utc_offset", std::int64_t{3600});
  return r;
}

constexpr const char* kPrescriptionText =
    "prescription = 1\nclinician = \"Dr. Ana Moreno\"\nlevel = \"beginner\"\n"
    "routines = [\"bedtime\"]\ntimes_per_day = 1\nfrom = 2026-11-02\nuntil = 2026-11-29\n";

Record prescription() {
  Record r = Record::make(Kind::prescription, kUid, kDevice);
  r.set("name", std::string("thoracic.prescription.toml"))
      .set("text", std::string(kPrescriptionText))
      .set("from", std::string("2026-11-02"))
      .set("until", std::string("2026-11-29"))
      .set("added_at", kNow - 60);
  return r;
}

// A PSFS answer rating five activities.
Record psfs() {
  Record r = Record::make(Kind::psfs, kUid, kDevice);
  r.set("at", kNow - 60).set("utc_offset", std::int64_t{3600});
  const char* activities[] = {"Reaching up to a high shelf", "Sitting at my desk for an hour",
                              "Turning to look over my shoulder", "Carrying the shopping",
                              "Sleeping on my back"};
  for (int i = 0; i < 5; ++i) {
    r.set("activity_" + std::to_string(i + 1), std::string(activities[i]))
        .set("score_" + std::to_string(i + 1), std::int64_t{i * 2});
  }
  return r;
}

// A record of `kind` that passes: every field set to a value roll writes.
Record valid(Kind kind) {
  if (kind == Kind::session) return session();
  if (kind == Kind::prescription) return prescription();
  if (kind == Kind::psfs) return psfs();
  Record r = Record::make(kind, kUid, kDevice);
  auto specs = fields_of(kind);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    std::string_view name = specs[i].name;
    if (name == "session" || name == "injury") {
      r.values[i] = std::string(kUid);
    } else if (name == "of_device" || name == "injury_device") {
      r.values[i] = std::string(kDevice);
    } else if (name == "zone") {
      r.values[i] = std::string("thoracic");
    } else if (name == "value") {
      r.values[i] = std::int64_t{6};
    } else if (name == "day") {
      r.values[i] = std::string("2026-11-23");
    } else if (name == "of") {
      r.values[i] = std::string("session");
    } else if (name == "at" || name == "deleted_at" || name == "version") {
      r.values[i] = kNow - 60;
    } else if (name == "utc_offset") {
      r.values[i] = std::int64_t{-18000};
    } else if (specs[i].type == FieldType::text) {
      r.values[i] = std::string("Lat roll");
    } else if (specs[i].type == FieldType::boolean) {
      r.values[i] = true;
    } else {
      r.values[i] = std::int64_t{15};
    }
  }
  return r;
}

std::string problem(const Record& r) {
  auto p = check_record(r, kNow);
  return p ? p->message : std::string();
}

}  // namespace

TEST_CASE("record checks: a record of every kind roll writes passes, every field has a rule") {
  for (Kind kind : all_kinds()) {
    CAPTURE(kind_name(kind));
    auto r = valid(kind);
    CHECK(problem(r) == "");
    // A rule for each field: a value of the wrong kind in any one is refused by name.
    for (std::size_t i = 0; i < fields_of(kind).size(); ++i) {
      if (fields_of(kind)[i].type == FieldType::boolean) continue;  // true and false both hold
      auto bad = r;
      bad.values[i] = fields_of(kind)[i].type == FieldType::text ? Value{std::string(5000, 'x')}
                                                                 : Value{std::int64_t{-1} << 40};
      CAPTURE(fields_of(kind)[i].name);
      CHECK(check_record(bad, kNow)->field == fields_of(kind)[i].name);
    }
  }
}

TEST_CASE("record checks: each rule, refused with the field, its value and why") {
  auto r = session();
  CHECK(problem(r.set("ended_at", std::int64_t{9223372036854775807})) ==
        "\"ended_at\" 9223372036854775807 is not a time in 1970-9999");
  r = session();
  CHECK(problem(r.set("started_at", kNow + 3600).set("ended_at", kNow + 3900)) ==
        "\"started_at\" 1795471200 (2026-11-23T22:00:00Z) is ahead of this device's clock "
        "(2026-11-23T21:00:00Z) by more than 5 minutes");
  r = session();
  CHECK(problem(r.set("started_at", kNow + 299).set("ended_at", kNow + 299)) == "");  // slack
  r = session();
  CHECK(problem(r.set("completed_seconds", std::int64_t{36000})) ==
        "\"completed_seconds\" 36000 is more than \"planned_seconds\" 360 (the plan, as + and - "
        "changed it)");
  r = session();
  CHECK(problem(r.set("ended_at", kNow - 4000)).find("is before \"started_at\"") !=
        std::string::npos);
  r = session();
  CHECK(problem(r.set("utc_offset", std::int64_t{1000000000})) ==
        "\"utc_offset\" 1000000000 is not a UTC offset (seconds within 18 hours of UTC)");
  r = session();
  CHECK(problem(r.set("status", std::string("lunch"))) ==
        "\"status\" \"lunch\" is not one of running, completed, partial, quit, interrupted, "
        "pain-stop");
  r = session();
  CHECK(problem(r.set("origin", std::string("forged"))).find("is not one of live") !=
        std::string::npos);
  r = session();
  CHECK(problem(r.set("rating_after", std::int64_t{11})) ==
        "\"rating_after\" 11 is not a rating of 0-10");
  CHECK(problem(session().set("rating_after", Value{})) == "");  // null where null is allowed
  r = session();
  CHECK(problem(r.set("pain_before", std::int64_t{11})) ==
        "\"pain_before\" 11 is not a pain rating of 0-10 (0 no pain, 10 the worst imaginable)");
  r = session();
  CHECK(problem(r.set("pain_after", std::int64_t{-1})).find("is not a pain rating") !=
        std::string::npos);
  CHECK(problem(session().set("pain_after", std::int64_t{10})) == "");

  auto p = valid(Kind::pressure);
  CHECK(problem(p.set("value", std::int64_t{-2147483649})) ==
        "\"value\" -2147483649 is not a pressure of 1-10");
  p = valid(Kind::pressure);
  CHECK(problem(p.set("zone", std::string("lower back"))) ==
        "\"zone\" \"lower back\" is not a zone roll knows");
  auto stop = valid(Kind::pain_stop);
  CHECK(problem(stop.set("zone", std::string())) == "");

  auto c = valid(Kind::check_in);
  CHECK(problem(c.set("day", std::string("not a date"))) ==
        "\"day\" \"not a date\" is not a date (YYYY-MM-DD in 1970-9999)");
  c = valid(Kind::check_in);
  CHECK(problem(c.set("day", std::string("2026-02-30"))).find("is not a date") !=
        std::string::npos);
  // 21:00 UTC on the 23rd is 11:00 on the 24th in Kiribati (UTC+14): the 24th has come there.
  c = valid(Kind::check_in);
  CHECK(problem(c.set("day", std::string("2026-11-24"))) == "");
  c = valid(Kind::check_in);
  CHECK(problem(c.set("day", std::string("2026-11-25"))) ==
        "\"day\" \"2026-11-25\" is a day that has not come yet anywhere");

  auto t = valid(Kind::tombstone);
  CHECK(problem(t.set("of", std::string("tombstone"))) ==
        "\"of\" \"tombstone\" is not a kind of record roll deletes");
  t = valid(Kind::tombstone);
  CHECK(problem(t.set("version", kNow + 3600)).find("is ahead of this device's clock") !=
        std::string::npos);
  t = valid(Kind::tombstone);
  CHECK(problem(t.set("version", Value{}).set("restored", Value{})) == "");  // format 1

  auto h = valid(Kind::hold_change);
  CHECK(problem(h.set("delta_seconds", std::int64_t{-15})) == "");
  CHECK(problem(h.set("step", std::int64_t{200})).find("is not a step of a routine") !=
        std::string::npos);
  auto i = valid(Kind::injury);
  // A long value is cut short in the message, which stays one short line.
  CHECK(problem(i.set("note", std::string(4097, 'n'))) ==
        "\"note\" \"" + std::string(60, 'n') + "\"... is longer than 4096 characters");
}

TEST_CASE("record checks: a PSFS answer, its activities in pairs, bounded and printable") {
  CHECK(problem(psfs()) == "");
  // One activity is an answer; the rest null.
  auto one = Record::make(Kind::psfs, kUid, kDevice);
  one.set("at", kNow - 60)
      .set("utc_offset", std::int64_t{0})
      .set("activity_1", std::string("Reaching up to a high shelf"))
      .set("score_1", std::int64_t{0});
  CHECK(problem(one) == "");
  auto r = psfs();
  CHECK(problem(r.set("score_3", std::int64_t{11})) ==
        "\"score_3\" 11 is not a PSFS score of 0-10 (0 unable, 10 as before the problem)");
  r = psfs();
  CHECK(problem(r.set("score_1", Value{})) ==
        "\"score_1\" null is not a PSFS score of 0-10 (0 "
        "unable, 10 as before the problem)");
  r = psfs();
  CHECK(problem(r.set("score_4", Value{})) ==
        "\"activity_4\" and \"score_4\" come together: an activity and its score");
  r = psfs();
  CHECK(problem(r.set("activity_2", Value{}).set("score_2", Value{})) ==
        "\"activity_3\" follows an activity left out: the activities come first to last, with no "
        "gap");
  r = psfs();
  CHECK(problem(r.set("activity_5", std::string("Reaching up to a high shelf"))) ==
        "\"activity_5\" names an activity twice");
  r = psfs();
  CHECK(problem(r.set("activity_2", std::string("   "))) ==
        "\"activity_2\" \"   \" is not an activity (empty)");
  r = psfs();
  CHECK(problem(r.set("activity_2", std::string("line\nbreak"))) ==
        "\"activity_2\" \"line\\nbreak\" holds a control character (an activity is one line of "
        "printable text)");
  r = psfs();
  CHECK(problem(r.set("activity_2", std::string("\xc2\x9b"
                                                "31m")))
            .find("control character") != std::string::npos);
  r = psfs();
  CHECK(problem(r.set("activity_2", std::string(201, 'a'))).find("is longer than 200 characters") !=
        std::string::npos);
  CHECK(psfs_activity_problem(std::string(200, 'a')) == "");
  r = psfs();
  CHECK(problem(r.set("at", kNow + 3600)).find("is ahead of this device's clock") !=
        std::string::npos);
}

TEST_CASE("record checks: what an update may change, per kind") {
  CHECK(mutable_fields(Kind::psfs).empty());
  CHECK(mutable_fields(Kind::session).size() == 8);
  CHECK(mutable_fields(Kind::session_zone).size() == 2);
  CHECK(mutable_fields(Kind::injury).size() == 1);
  CHECK(mutable_fields(Kind::tombstone).size() == 3);
  CHECK(mutable_fields(Kind::prescription).size() == 1);
  for (Kind k : {Kind::pressure, Kind::skipped_step, Kind::hold_change, Kind::pain_stop,
                 Kind::injury_clearing, Kind::check_in}) {
    CHECK(mutable_fields(k).empty());
  }
  // Every name in the table is a field of its kind.
  for (Kind kind : all_kinds()) {
    for (auto name : mutable_fields(kind)) {
      bool found = false;
      for (const auto& spec : fields_of(kind)) found = found || spec.name == name;
      CHECK(found);
    }
  }

  auto held = session();
  held.set("status", std::string("running")).set("completed_seconds", std::int64_t{60});
  auto ended = session();
  CHECK_FALSE(check_update(held, ended));  // a running session ends: allowed
  auto moved = ended;
  moved.set("started_at", kNow - 7200);
  CHECK(*check_update(held, moved) ==
        "a session's \"started_at\" cannot change (it was 1795464000, now 1795460400)");
  auto other = ended;
  other.set("routine", std::string("thoracic"));
  CHECK(check_update(held, other)->find("\"routine\" cannot change") != std::string::npos);
  auto stolen = ended;
  stolen.device = "~";
  CHECK(
      *check_update(held, stolen) ==
      "its device (\"~\") cannot change (it was made by \"01890a5d-ac96-774b-bcce-b302099a8058\")");
  auto final_changed = ended;
  final_changed.set("status", std::string("quit"));
  CHECK(check_update(ended, final_changed)->find("is final once it has ended") !=
        std::string::npos);
  auto rated = ended;
  rated.set("rating_after", std::int64_t{7});
  CHECK_FALSE(check_update(ended, rated));  // a rating added
  auto rerated = rated;
  rerated.set("rating_after", std::int64_t{2});
  CHECK(check_update(rated, rerated)->find("does not change once given") != std::string::npos);
  // Pain, like the ratings, only from null.
  auto pained = ended;
  pained.set("pain_after", std::int64_t{6});
  CHECK_FALSE(check_update(ended, pained));
  auto repained = pained;
  repained.set("pain_after", std::int64_t{3});
  CHECK(*check_update(pained, repained) ==
        "a session's \"pain_after\" does not change once given (it was 6, now 3)");

  auto injury = valid(Kind::injury);
  injury.set("cleared", false);
  auto cleared = injury;
  cleared.set("cleared", true);
  CHECK_FALSE(check_update(injury, cleared));
  auto calves = cleared;
  calves.set("zone", std::string("calves"));
  CHECK(check_update(injury, calves)->find("an injury's \"zone\" cannot change") !=
        std::string::npos);
  auto dated = cleared;
  dated.set("at", std::int64_t{0});
  CHECK(check_update(injury, dated)->find("\"at\" cannot change") != std::string::npos);

  // A tombstone's device is whoever deleted or restored it last.
  auto t = valid(Kind::tombstone);
  auto by_other = t;
  by_other.device = "someone";
  by_other.set("restored", true).set("version", kNow);
  CHECK_FALSE(check_update(t, by_other));
  auto of_other = by_other;
  of_other.set("of", std::string("injury"));
  CHECK(check_update(t, of_other)->find("\"of\" cannot change") != std::string::npos);
  CHECK(check_update(session(), valid(Kind::injury))->find("cannot become") != std::string::npos);
}

TEST_CASE("record checks: dates") {
  CHECK(parse_day("1970-01-01") == 0);
  CHECK(parse_day("2026-11-23") == 20780);
  CHECK(parse_day("2024-02-29"));
  CHECK_FALSE(parse_day("2023-02-29"));
  CHECK_FALSE(parse_day("1969-12-31"));
  CHECK_FALSE(parse_day("2026-1-23"));
  CHECK_FALSE(parse_day("2026-11-23 "));
  CHECK_FALSE(parse_day("２026-11-23"));
}

TEST_CASE("record checks: a prescription is a prescription's text, its own days, ended for good") {
  CHECK(problem(prescription()) == "");
  // Its days may be to come: a prescription starts when the clinician says.
  auto p = prescription();
  CHECK(problem(p.set("text", std::string("schema = 1\nname = \"x\"\n"))).find("\"text\"") == 0);
  p = prescription();
  CHECK(problem(p.set("text", std::string(kMaxPrescriptionBytes + 1, '#'))) ==
        "\"text\" \"" + std::string(60, '#') + "\"... is not a prescription's text of at most " +
            std::to_string(kMaxPrescriptionBytes) + " bytes");
  p = prescription();
  CHECK(problem(p.set("until", std::string("2026-12-31"))) ==
        "\"from\" and \"until\" (2026-11-02 to 2026-12-31) are not the days its text prescribes "
        "(2026-11-02 to 2026-11-29)");
  p = prescription();
  CHECK(problem(p.set("from", std::string("2026-02-30"))).find("is not a date") !=
        std::string::npos);
  p = prescription();
  CHECK(problem(p.set("ended_at", kNow - 120)).find("is before \"added_at\"") != std::string::npos);

  auto running = prescription();
  auto ended = prescription();
  ended.set("ended_at", kNow);
  CHECK_FALSE(check_update(running, ended));  // ended: allowed
  CHECK(check_update(ended, running)->find("once ended stays ended") != std::string::npos);
  auto later = ended;
  later.set("ended_at", kNow + 60);
  CHECK(check_update(ended, later));
  auto retitled = running;
  retitled.set("name", std::string("other.toml"));
  CHECK(check_update(running, retitled)->find("\"name\" cannot change") != std::string::npos);
}

TEST_CASE("record checks: a zone's roller seconds are a part of its seconds, and stay recorded") {
  Record zone = valid(Kind::session_zone);
  zone.set("seconds", std::int64_t{300}).set("roller_seconds", std::int64_t{180});
  CHECK(problem(zone) == "");
  Record old = zone;
  old.set("roller_seconds", Value{});
  CHECK(problem(old) == "");  // not recorded: an older roll's zone
  Record more = zone;
  CHECK(problem(more.set("roller_seconds", std::int64_t{301})) ==
        "\"roller_seconds\" 301 is more than the zone's \"seconds\" 300 (the time on the roller "
        "is a part of the time on the zone)");
  Record negative = zone;
  CHECK(check_record(negative.set("roller_seconds", std::int64_t{-1}), kNow)->field ==
        "roller_seconds");
  // In 64 bits: never cut down to an int on the way in.
  Record huge = zone;
  CHECK(problem(huge.set("roller_seconds", std::int64_t{1} << 33)) ==
        "\"roller_seconds\" 8589934592 is not between 0 and 604800 seconds (a week)");
  // It grows with the session, like the seconds; once recorded it is never taken back.
  Record grown = zone;
  grown.set("seconds", std::int64_t{360}).set("roller_seconds", std::int64_t{240});
  CHECK_FALSE(check_update(zone, grown));
  CHECK_FALSE(check_update(old, zone));
  auto taken = check_update(zone, old);
  REQUIRE(taken);
  CHECK(*taken == "a session zone's \"roller_seconds\" once recorded stays recorded (it was 180)");
}
