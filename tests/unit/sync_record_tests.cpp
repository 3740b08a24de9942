// Records as NDJSON lines and the merge rules (issue 20): round trips exact, the strict parser
// rejecting everything roll does not write with a reason, and the merge order-independent.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <random>

#include "roll/sync_merge.hpp"
#include "roll/sync_record.hpp"

using namespace roll::sync;

namespace {

const char* kUid = "01890a5d-ac96-774b-bcce-b302099a8057";
const char* kDevice = "01890a5d-ac96-774b-bcce-b302099a8058";

Record session(std::int64_t ended, const char* status = "completed") {
  Record r = Record::make(Kind::session, kUid, kDevice);
  r.set("routine", std::string("bedtime"))
      .set("title", std::string("Bedtime \"wind-down\"\n\t\\ é 日本"))
      .set("started_at", std::int64_t{1764000000})
      .set("ended_at", ended)
      .set("planned_seconds", std::int64_t{600})
      .set("completed_seconds", ended - 1764000000)
      .set("status", std::string(status))
      .set("origin", std::string("live"))
      .set("utc_offset", std::int64_t{-18000})
      .set("rating_before", std::int64_t{4});
  return r;
}

std::string error_of(std::string_view line) {
  auto d = decode(line);
  CHECK_FALSE(d.record);
  return d.error;
}

}  // namespace

TEST_CASE("sync record: every kind round-trips exactly through one line") {
  std::mt19937_64 rng(7);
  for (Kind kind : all_kinds()) {
    Record r = Record::make(kind, kUid, kDevice);
    for (std::size_t i = 0; i < fields_of(kind).size(); ++i) {
      const auto& spec = fields_of(kind)[i];
      if (spec.nullable && rng() % 3 == 0) continue;  // stays null
      switch (spec.type) {
        case FieldType::text: {
          std::string s;
          for (int k = 0; k < 12; ++k) s += static_cast<char>(rng() % 0x7F + 1);
          r.values[i] = s + "ü";
          break;
        }
        case FieldType::integer:
          r.values[i] = static_cast<std::int64_t>(rng()) / (rng() % 2 ? 1 : 1000000);
          break;
        case FieldType::boolean:
          r.values[i] = rng() % 2 == 0;
          break;
      }
    }
    std::string line = encode(r);
    CHECK(line.find('\n') == std::string::npos);
    auto d = decode(line);
    INFO(line);
    REQUIRE_MESSAGE(d.record, d.error);
    CHECK(*d.record == r);
    CHECK(encode(*d.record) == line);
  }
}

TEST_CASE("sync record: the line is the documented shape") {
  Record r = Record::make(Kind::tombstone, kUid, kDevice);
  r.set("of", std::string("session")).set("deleted_at", std::int64_t{1764000000});
  CHECK(encode(r) == R"({"v":1,"kind":"tombstone","uid":"01890a5d-ac96-774b-bcce-b302099a8057",)"
                     R"("device":"01890a5d-ac96-774b-bcce-b302099a8058",)"
                     R"("fields":{"of":"session","deleted_at":1764000000}})");
  CHECK(encode_header(kDevice) ==
        R"({"roll_journal":1,"device":"01890a5d-ac96-774b-bcce-b302099a8058"})");
}

TEST_CASE("sync record: the extremes of a whole number and escapes another writer may use") {
  Record r = Record::make(Kind::injury_clearing, kUid, kDevice);
  r.set("injury", std::string("x")).set("at", std::numeric_limits<std::int64_t>::min());
  REQUIRE(decode(encode(r)).record);
  CHECK(decode(encode(r)).record->integer("at") == std::numeric_limits<std::int64_t>::min());
  r.set("at", std::numeric_limits<std::int64_t>::max());
  CHECK(decode(encode(r)).record->integer("at") == std::numeric_limits<std::int64_t>::max());

  auto d = decode(R"( { "kind" : "injury_clearing" , "v" : 1, "uid":"a", "device":"b", )"
                  R"("fields": {"at": 5, "injury": "\u00e9\ud83d\ude00\/\b\f\r"} } )"
                  "\r");
  REQUIRE_MESSAGE(d.record, d.error);
  CHECK(d.record->text("injury") == "é😀/\b\f\r");
  // Bytes that are not UTF-8 cannot be carried by JSON: written as U+FFFD.
  r.set("injury", std::string("a\xff"));
  CHECK(decode(encode(r)).record->text("injury") == "a\xEF\xBF\xBD");
}

TEST_CASE("sync record: what roll does not write is refused with a reason and a column") {
  std::string good = encode(session(1764000600));
  CHECK(decode(good).record);
  CHECK(error_of("") == "column 1: expected '{' but the line ends");
  CHECK(error_of("[1]") == "column 1: expected '{'");
  CHECK(error_of(good.substr(0, good.size() - 1)) ==
        fmt::format("column {}: expected ',' or '}}' but the line ends", good.size()));
  CHECK(error_of(good + "x") ==
        fmt::format("column {}: text after the end of the object", good.size() + 1));
  CHECK(error_of(R"({"v":1.5})") ==
        "column 7: a fraction or an exponent (roll writes whole numbers only)");
  CHECK(error_of(R"({"v":01})") == "column 6: a number with a leading zero");
  CHECK(error_of(R"({"v":99999999999999999999})") ==
        "column 24: a number outside the 64-bit range");
  CHECK(error_of(R"({"v":[1]})") == "column 6: arrays are not part of roll's records");
  CHECK(error_of(R"({"v":1,"v":1})") == "column 11: the key \"v\" appears twice");
  CHECK(error_of(R"({"a":{"b":{"c":1}}})") == "column 11: objects nested deeper than roll writes");
  CHECK(error_of("{\"a\":\"x\ty\"}") ==
        "column 8: a control character inside a string (JSON needs it escaped)");
  CHECK(error_of("{\"a\":\"\xff\"}") == "column 7: bytes that are not UTF-8");
  CHECK(error_of(R"({"a":"\ud800"})") == "column 13: a high surrogate without its low half");
  CHECK(error_of(R"({"a":"\q"})") == "column 8: an unknown escape \\q");
  CHECK(error_of(R"({"a":tru})") ==
        "column 6: expected a string, a whole number, true, false or null");
  CHECK(error_of(std::string(kMaxLineBytes + 1, ' ')).find("a line of 65537 bytes") == 0);

  // Well-formed JSON that is not a record.
  CHECK(error_of(R"({"v":1})") == "no \"kind\" string");
  CHECK(error_of(R"({"v":0,"kind":"session"})").find("\"v\" must be a format version") == 0);
  CHECK(error_of(R"({"v":1,"kind":"lunch"})") == "unknown kind \"lunch\"");
  CHECK(error_of(R"({"v":1,"kind":"tombstone","uid":"a b"})").find("\"uid\" must be an id") == 0);
  CHECK(error_of(R"({"v":1,"kind":"tombstone","uid":"a/b"})").find("\"uid\" must be an id") == 0);
  CHECK(error_of(R"({"v":1,"kind":"tombstone","uid":"a","device":"b"})") == "no \"fields\" object");
  CHECK(error_of(R"({"v":1,"kind":"tombstone","uid":"a","device":"b","x":1})") ==
        "unknown member \"x\"");
  CHECK(
      error_of(R"({"v":1,"kind":"tombstone","uid":"a","device":"b","fields":{"of":"session"}})") ==
      "a tombstone needs the field \"deleted_at\"");
  CHECK(
      error_of(
          R"({"v":1,"kind":"tombstone","uid":"a","device":"b","fields":{"of":1,"deleted_at":1}})") ==
      "field \"of\" must be a string");
  CHECK(
      error_of(
          R"({"v":1,"kind":"tombstone","uid":"a","device":"b","fields":{"of":"x","deleted_at":1,"y":2}})") ==
      "a tombstone has no field \"y\"");
  CHECK(
      error_of(
          R"({"v":1,"kind":"tombstone","uid":"a","device":"b","fields":{"of":"x","deleted_at":null}})") ==
      "field \"deleted_at\" must be a whole number");
}

TEST_CASE("sync record: a newer record format is marked as such, not as damage") {
  auto d = decode(R"({"v":5,"kind":"spaceship","fields":[1,2]})");
  CHECK_FALSE(d.record);
  CHECK(d.newer);
  CHECK(d.error == "record format 5 is newer than this roll reads (4); upgrade roll");
}

TEST_CASE("sync record: a tombstone with a version is format 2, without one format 1") {
  Record r = Record::make(Kind::tombstone, kUid, kDevice);
  r.set("of", std::string("session")).set("deleted_at", std::int64_t{1764000000});
  // What a roll of format 1 reads: no field it does not know.
  CHECK(encode(r).find("\"version\"") == std::string::npos);
  CHECK(format_of(r) == 1);
  CHECK(tombstone_version(r) == 1764000000);
  CHECK_FALSE(tombstone_restores(r));
  r.set("version", std::int64_t{1764000005}).set("restored", true);
  CHECK(encode(r) == R"({"v":2,"kind":"tombstone","uid":"01890a5d-ac96-774b-bcce-b302099a8057",)"
                     R"("device":"01890a5d-ac96-774b-bcce-b302099a8058",)"
                     R"("fields":{"of":"session","deleted_at":1764000000,"version":1764000005,)"
                     R"("restored":true}})");
  auto d = decode(encode(r));
  REQUIRE(d.record);
  CHECK(*d.record == r);
  CHECK(tombstone_version(r) == 1764000005);
  CHECK(tombstone_restores(r));
}

TEST_CASE("sync record: the journal header") {
  auto h = decode_header(encode_header(kDevice));
  REQUIRE(h.header);
  CHECK(h.header->version == 1);
  CHECK(h.header->device == kDevice);
  CHECK(decode_header(R"({"roll_journal":7,"device":"x"})").header->version == 7);
  CHECK(decode_header(encode(session(1))).error ==
        "not a journal header: \"roll_journal\" must be a format version (a whole number from 1)");
}

TEST_CASE("sync record: no input crashes or hangs the parser") {
  // A cheap in-suite fuzz: random bytes and random cuts and flips of a real line.
  std::mt19937_64 rng(20);
  std::string good = encode(session(1764000600));
  for (int i = 0; i < 20000; ++i) {
    std::string s = good;
    int edits = static_cast<int>(rng() % 4) + 1;
    for (int e = 0; e < edits; ++e) {
      auto at = rng() % s.size();
      switch (rng() % 3) {
        case 0:
          s[at] = static_cast<char>(rng());
          break;
        case 1:
          s.erase(at, rng() % 8);
          break;
        default:
          s.insert(at, 1, "{}[]\":,\\u0-9e"[rng() % 14]);
      }
      if (s.empty()) s = "{";
    }
    auto d = decode(s);
    CHECK((d.record.has_value() != !d.error.empty()));
    if (d.record) CHECK(decode(encode(*d.record)).record == d.record);
  }
}

TEST_CASE("sync merge: a deleted uid stays out, uid is the key, the newest version stays") {
  Record running = session(1764000300, "running");
  Record done = session(1764000600);
  CHECK(decide(running, nullptr, false) == Action::insert);
  CHECK(decide(running, nullptr, true) == Action::ignore);
  CHECK(decide(done, &running, false) == Action::replace);
  CHECK(decide(running, &done, false) == Action::ignore);
  CHECK(decide(done, &done, false) == Action::ignore);

  Record tomb = Record::make(Kind::tombstone, kUid, kDevice);
  tomb.set("of", std::string("session")).set("deleted_at", std::int64_t{5});
  CHECK(decide(tomb, nullptr, false) == Action::insert);
  CHECK(decide(tomb, &tomb, false) == Action::ignore);
  // Two changes of one record's tombstone: the higher version stands, whichever arrives first;
  // a tie goes to the greater device id.
  Record later = tomb;
  later.device = "other";
  later.set("deleted_at", std::int64_t{9}).set("version", std::int64_t{9}).set("restored", true);
  CHECK(decide(later, &tomb, false) == Action::replace);
  CHECK(decide(tomb, &later, false) == Action::ignore);
  Record tie = later;
  tie.device = "zzz";
  tie.set("restored", false);
  CHECK(decide(tie, &later, false) == Action::replace);
  CHECK(decide(later, &tie, false) == Action::ignore);

  Record open = Record::make(Kind::injury, kUid, kDevice);
  open.set("zone", std::string("thoracic")).set("at", std::int64_t{1}).set("note", std::string());
  open.set("cleared", false);
  Record cleared = open;
  cleared.set("cleared", true);
  CHECK(decide(cleared, &open, false) == Action::replace);
  CHECK(decide(open, &cleared, false) == Action::ignore);
}

TEST_CASE("sync merge: the versions of a record are in one total order") {
  // Whatever order a device sees a record's versions in, the greatest stays: the same on all.
  std::vector<Record> versions;
  for (const char* status : {"running", "completed", "quit"}) {
    for (std::int64_t end : {1764000100, 1764000600}) versions.push_back(session(end, status));
  }
  versions.push_back(session(1764000600));
  versions.back().set("rating_after", std::int64_t{2});
  versions.push_back(session(1764000600));
  versions.back().set("title", std::string("other"));
  for (const auto& a : versions) {
    CHECK_FALSE(supersedes(a, a));
    for (const auto& b : versions) {
      if (a == b) continue;
      CHECK(supersedes(a, b) != supersedes(b, a));
    }
  }
  std::mt19937_64 rng(3);
  std::optional<Record> first;
  for (int round = 0; round < 50; ++round) {
    std::shuffle(versions.begin(), versions.end(), rng);
    std::optional<Record> held;
    for (const auto& v : versions) {
      auto action = decide(v, held ? &*held : nullptr, false);
      if (action != Action::ignore) held = v;
    }
    if (!first) first = held;
    CHECK(held == first);
  }
}

TEST_CASE("sync merge: tombstones first, parents before what hangs on them") {
  CHECK(apply_rank(Kind::tombstone) < apply_rank(Kind::session));
  for (Kind k : all_kinds()) {
    if (auto parent = parent_kind(k)) {
      CHECK(apply_rank(*parent) < apply_rank(k));
      CHECK(fields_of(k)[0].name == parent_field(k));
    }
  }
}

TEST_CASE("sync record: pain travels as format 3, a session without it stays format 1") {
  Record plain = session(1764000600);
  std::string old_line = encode(plain);
  CHECK(old_line.starts_with("{\"v\":1,"));
  CHECK(old_line.find("pain") == std::string::npos);
  Record pained = plain;
  pained.set("pain_before", std::int64_t{3}).set("pain_after", std::int64_t{6});
  std::string line = encode(pained);
  CHECK(line.starts_with("{\"v\":3,"));
  CHECK(line.find(R"("rating_before":4,"rating_after":null,"pain_before":3,"pain_after":6)") !=
        std::string::npos);
  auto d = decode(line);
  REQUIRE_MESSAGE(d.record, d.error);
  CHECK(*d.record == pained);
  // The back-feel rating keeps its own field: never read as pain.
  CHECK(d.record->optional_integer("rating_before") == 4);
  CHECK_FALSE(decode(old_line).record->optional_integer("pain_before"));
}

TEST_CASE("sync record: a tombstone or clearing that names its record's device is format 4") {
  Record t = Record::make(Kind::tombstone, kUid, kDevice);
  t.set("of", std::string("session"))
      .set("deleted_at", std::int64_t{1764000000})
      .set("version", std::int64_t{1764000000})
      .set("restored", false);
  // From before: about every device's record of the uid, and read as a roll of format 2 wrote it.
  CHECK(format_of(t) == 2);
  CHECK(reference_device(t).empty());
  t.set("of_device", std::string("01890a5d-ac96-774b-bcce-b302099a8059"));
  auto line = encode(t);
  CHECK(line.starts_with("{\"v\":4,"));
  CHECK(line.find(R"("restored":false,"of_device":"01890a5d-ac96-774b-bcce-b302099a8059"})") !=
        std::string::npos);
  auto d = decode(line);
  REQUIRE_MESSAGE(d.record, d.error);
  CHECK(*d.record == t);
  CHECK(reference_device(*d.record) == "01890a5d-ac96-774b-bcce-b302099a8059");

  Record c = Record::make(Kind::injury_clearing, kUid, kDevice);
  c.set("injury", std::string(kUid)).set("at", std::int64_t{1764000000});
  CHECK(format_of(c) == 1);
  CHECK(reference_device(c).empty());
  c.set("injury_device", std::string("01890a5d-ac96-774b-bcce-b302099a8059"));
  CHECK(encode(c).starts_with("{\"v\":4,"));
  CHECK(reference_device(c) == "01890a5d-ac96-774b-bcce-b302099a8059");
  // A session's parts name the session of their own device.
  Record z = Record::make(Kind::session_zone, kUid, kDevice);
  CHECK(reference_device(z) == kDevice);
}

TEST_CASE("sync record: a PSFS answer travels as format 4, a kind a roll of format 3 stops at") {
  Record r = Record::make(Kind::psfs, kUid, kDevice);
  r.set("at", std::int64_t{1764000000})
      .set("utc_offset", std::int64_t{3600})
      .set("activity_1", std::string("Reaching up to a high shelf"))
      .set("score_1", std::int64_t{4});
  CHECK(format_of(r) == 4);
  std::string line = encode(r);
  CHECK(line.starts_with(R"({"v":4,"kind":"psfs",)"));
  CHECK(line.find(R"("activity_1":"Reaching up to a high shelf","score_1":4,"activity_2":null)") !=
        std::string::npos);
  auto d = decode(line);
  REQUIRE_MESSAGE(d.record, d.error);
  CHECK(*d.record == r);
}

TEST_CASE("sync record: a zone's roller time travels as format 4, a zone without it stays 1") {
  Record zone = Record::make(Kind::session_zone, "01890a5d-ac96-7000-8000-000000000002",
                             "01890a5d-ac96-774b-bcce-b302099a8057");
  zone.set("session", std::string("01890a5d-ac96-7000-8000-000000000001"))
      .set("zone", std::string("thoracic"))
      .set("seconds", std::int64_t{300});
  std::string old_line = encode(zone);
  // As every older roll wrote it and reads it.
  CHECK(old_line == R"({"v":1,"kind":"session_zone","uid":"01890a5d-ac96-7000-8000-000000000002",)"
                    R"("device":"01890a5d-ac96-774b-bcce-b302099a8057","fields":{"session":)"
                    R"("01890a5d-ac96-7000-8000-000000000001","zone":"thoracic","seconds":300}})");
  auto back = decode(old_line);
  REQUIRE_MESSAGE(back.record, back.error);
  CHECK_FALSE(back.record->optional_integer("roller_seconds"));
  Record rolled = zone;
  rolled.set("roller_seconds", std::int64_t{180});
  std::string line = encode(rolled);
  CHECK(line.starts_with("{\"v\":4,"));
  CHECK(line.ends_with(R"("zone":"thoracic","seconds":300,"roller_seconds":180}})"));
  auto d = decode(line);
  REQUIRE_MESSAGE(d.record, d.error);
  CHECK(*d.record == rolled);
  // 0 on the roller is recorded too (a zone of movement only), not left out.
  rolled.set("roller_seconds", std::int64_t{0});
  CHECK(encode(rolled).starts_with("{\"v\":4,"));
  // This roll reads the format it writes.
  CHECK(kFormatVersion == 4);
  // Merged, the zone with its roller time recorded is the later version, and more of it too.
  Record more = rolled;
  more.set("roller_seconds", std::int64_t{200});
  CHECK(supersedes(more, rolled));
  CHECK(supersedes(rolled, zone));
  CHECK_FALSE(supersedes(zone, rolled));
}
