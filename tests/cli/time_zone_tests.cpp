// Every output that shows a time, for one instant in five zones (test_zone.hpp's kZoneCases: UTC,
// Berlin, New York, Tokyo and Lord Howe, whose date is a day ahead): UTC stamps say the instant
// whatever the zone, local times say it once in the zone of the run. In process, each run with
// its own TZ (the in-process runner sets it for the run) and the real zone database.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "fixtures.hpp"
#include "run_in_process.hpp"
#include "skip.hpp"
#include "test_zone.hpp"

using roll::test::has;
using roll::test::kZoneCases;
using roll::test::kZoneNow;
using roll::test::kZoneStart;
using roll::test::kZoneStop;
using roll::test::Result;
using roll::test::roll_at;
using roll::test::seed_history;
using roll::test::TempDir;
using roll::test::zone_database_installed;
using roll::test::ZoneCase;

namespace {

// `part` is in `text`; on failure, both are shown.
void check_has(const std::string& text, const std::string& part) {
  CHECK_MESSAGE(has(text, part), "no [" << part << "] in:\n" << text);
}

const std::string kNoZones = "no zone database (tzdata) for the five zones";

Result in_zone(const TempDir& home, const ZoneCase& zone, std::vector<std::string> args,
               const std::string& now = kZoneNow) {
  return roll_at(home, now, std::move(args), {{"TZ", zone.tz}});
}

// The part of `text` from `key` on, so a check can ask what follows it.
std::string from(const std::string& text, const std::string& key) {
  auto at = text.find(key);
  return at == std::string::npos ? std::string() : text.substr(at);
}

}  // namespace

TEST_CASE("history: add, the list, --json, --csv and delete show one instant right in each zone") {
  ROLL_SKIP_UNLESS(zone_database_installed(), kNoZones);
  for (const auto& zone : kZoneCases) {
    CAPTURE(zone.tz);
    TempDir home;
    // The case: the user types their local time and is told it back.
    auto add =
        in_zone(home, zone, {"history", "add", "bedtime", "--at", zone.start, "--minutes", "6"});
    CHECK(add.exit_code == 0);
    check_has(add.out, std::string("Logged by hand: bedtime at ") + zone.start + ", 6:00 of");

    check_has(in_zone(home, zone, {"history"}).out, zone.start + "  bedtime");

    auto json = in_zone(home, zone, {"history", "--json"}).out;
    check_has(json, std::string("\"started_at\" : \"") + kZoneStart + "\"");
    check_has(json, "\"ended_at\" : \"2026-11-23T20:36:00Z\"");
    check_has(json, std::string("\"utc_offset\" : \"") + zone.offset + "\"");

    check_has(in_zone(home, zone, {"history", "--csv"}).out,
              "," + kZoneStart + ",2026-11-23T20:36:00Z,");

    std::smatch id;
    REQUIRE(std::regex_search(json, id, std::regex("\"id\" : \"([0-9a-f-]+)\"")));
    auto ask = in_zone(home, zone, {"history", "delete", id[1]});
    CHECK(ask.exit_code != 0);
    check_has(ask.err, std::string("not deleting ") + zone.start + " bedtime");
    auto deleted = in_zone(home, zone, {"history", "delete", id[1], "--yes"});
    CHECK(deleted.exit_code == 0);
    check_has(deleted.out, std::string("Deleted the session of ") + zone.start + " bedtime");
  }
}

TEST_CASE("a pain stop and ratings: stats, due and the report show them right in each zone") {
  ROLL_SKIP_UNLESS(zone_database_installed(), kNoZones);
  for (const auto& zone : kZoneCases) {
    CAPTURE(zone.tz);
    TempDir home;
    seed_history(home,
                 "bedtime " + kZoneStart +
                     " pain-stop 120 thoracic=120 before=4 after=6 pressure=thoracic:5\n",
                 zone.tz);

    auto stats = in_zone(home, zone, {"stats", "--json"}).out;
    auto ratings = from(stats, "\"ratings\"");
    check_has(ratings, std::string("\"date\" : \"") + zone.day + "\"");
    check_has(ratings, std::string("\"started_at\" : \"") + kZoneStart + "\"");
    auto stops = from(stats, "\"pain_stops\"");
    check_has(stops, std::string("\"at\" : \"") + kZoneStop + "\"");
    check_has(stops, std::string("\"date\" : \"") + zone.day + "\"");

    check_has(in_zone(home, zone, {"stats"}).out, zone.stop + "  thoracic");

    check_has(in_zone(home, zone, {"due"}).out,
              std::string("a pain stop at ") + zone.stop + " (thoracic)");

    auto html = in_zone(home, zone, {"report", "--html", "-"}).out;
    check_has(html, std::string("Made by roll on ") + zone.now + ".");
    check_has(html, std::string("<td>") + zone.start + "</td></tr>");  // last done
    check_has(html, std::string("<tr><td>") + zone.stop + "</td><td>thoracic</td>");
    check_has(html, std::string("<title>") + zone.start + " before: 4/10</title>");
    check_has(html, std::string("<title>") + zone.start + " after: 6/10</title>");
  }
}

TEST_CASE("injury: add, list and list --json show one instant right in each zone") {
  ROLL_SKIP_UNLESS(zone_database_installed(), kNoZones);
  for (const auto& zone : kZoneCases) {
    CAPTURE(zone.tz);
    TempDir home;
    auto add = in_zone(home, zone, {"injury", "add", "thoracic", "--at", zone.start});
    CHECK(add.exit_code == 0);
    check_has(add.out, std::string("Recorded injury #1: thoracic at ") + zone.start + " (");
    check_has(in_zone(home, zone, {"injury", "list"}).out,
              std::string("thoracic    ") + zone.start + "  ");
    check_has(in_zone(home, zone, {"injury", "list", "--json"}).out,
              std::string("\"at\" : \"") + kZoneStart + "\"");
  }
}

TEST_CASE("sync --status and its --json give the last sync and each journal's write in UTC") {
  ROLL_SKIP_UNLESS(zone_database_installed(), kNoZones);
  for (const auto& zone : kZoneCases) {
    CAPTURE(zone.tz);
    TempDir home;
    auto dir = home.path() / "shared";
    std::filesystem::create_directories(dir);
    REQUIRE(
        in_zone(home, zone, {"history", "add", "bedtime", "--at", "2026-11-20 21:30"}).exit_code ==
        0);
    REQUIRE(in_zone(home, zone, {"sync", dir.string()}, kZoneStart).exit_code == 0);
    // A journal's time is its file's: set it to the instant.
    const timespec at[2] = {{1795465800, 0}, {1795465800, 0}};  // 2026-11-23T20:30:00Z
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.is_regular_file()) REQUIRE(::utimensat(AT_FDCWD, e.path().c_str(), at, 0) == 0);
    }
    auto text = in_zone(home, zone, {"sync", dir.string(), "--status"}).out;
    check_has(text, std::string("last sync: ") + kZoneStart + "\n");
    check_has(text, std::string("last written ") + kZoneStart + "  (this device)");
    auto json = in_zone(home, zone, {"sync", dir.string(), "--status", "--json"}).out;
    check_has(json, std::string("\"last_sync\" : \"") + kZoneStart + "\"");
    check_has(json, std::string("\"written_at\" : \"") + kZoneStart + "\"");
  }
}

TEST_CASE("remind --ics stamps the calendar with the UTC time it was made, in each zone") {
  ROLL_SKIP_UNLESS(zone_database_installed(), kNoZones);
  for (const auto& zone : kZoneCases) {
    CAPTURE(zone.tz);
    TempDir home;
    auto ics = in_zone(home, zone, {"remind", "--at", "21:30", "--ics"}, kZoneStart);
    CHECK(ics.exit_code == 0);
    check_has(ics.out, "\r\nDTSTAMP:20261123T203000Z\r\n");
  }
}
