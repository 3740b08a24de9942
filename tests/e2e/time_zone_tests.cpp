// The built binary in five zones, as a user's shell starts it: TZ in its environment, read by the
// C library at start-up from the real zone database (the in-process runner sets TZ around each
// run instead; tests/cli/time_zone_tests.cpp checks every output that way).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "run_roll.hpp"
#include "skip.hpp"
#include "test_zone.hpp"

using roll::test::has;
using roll::test::kZoneCases;
using roll::test::kZoneNow;
using roll::test::kZoneStart;
using roll::test::roll_at;
using roll::test::TempDir;

namespace {

// `part` is in `text`; on failure, both are shown.
void check_has(const std::string& text, const std::string& part) {
  CHECK_MESSAGE(has(text, part), "no [" << part << "] in:\n" << text);
}

}  // namespace

TEST_CASE("the binary: a session logged at local time is told back and stored at that instant") {
  ROLL_SKIP_UNLESS(roll::test::zone_database_installed(), "no zone database (tzdata)");
  for (const auto& zone : kZoneCases) {
    CAPTURE(zone.tz);
    TempDir home;
    std::map<std::string, std::string> env{{"TZ", zone.tz}};
    auto add = roll_at(home, kZoneNow,
                       {"history", "add", "bedtime", "--at", zone.start, "--minutes", "6"}, env);
    CHECK(add.exit_code == 0);
    check_has(add.out, std::string("bedtime at ") + zone.start + ",");
    auto json = roll_at(home, kZoneNow, {"history", "--json"}, env).out;
    check_has(json, std::string("\"started_at\" : \"") + kZoneStart + "\"");
    check_has(json, std::string("\"utc_offset\" : \"") + zone.offset + "\"");
    // The same history read in UTC: the same instant.
    check_has(roll_at(home, kZoneNow, {"history", "--json"}, {{"TZ", "UTC"}}).out,
              std::string("\"started_at\" : \"") + kZoneStart + "\"");
  }
}
