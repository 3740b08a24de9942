#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "roll/suggest.hpp"
#include "roll/zone.hpp"

using namespace roll;

TEST_CASE("find_zone: canonical names round-trip") {
  for (Zone zone : all_zones()) {
    CAPTURE(zone_name(zone));
    CHECK(find_zone(zone_name(zone)) == zone);
  }
  CHECK(all_zones().size() == 18);
}

TEST_CASE("find_zone: aliases, any case, any separator") {
  CHECK(find_zone("Lower Back") == Zone::lumbar);
  CHECK(find_zone("lower_back") == Zone::lumbar);
  CHECK(find_zone("low-back") == Zone::lumbar);
  CHECK(find_zone("low_back") == Zone::lumbar);
  CHECK(find_zone("lumbar-spine") == Zone::lumbar);
  CHECK(find_zone("LUMBAR") == Zone::lumbar);
  CHECK(find_zone("CERVICAL") == Zone::neck);
  CHECK(find_zone("c-spine") == Zone::neck);
  CHECK(find_zone("mid-back") == Zone::thoracic);
  CHECK(find_zone("Upper Back") == Zone::thoracic);
  CHECK(find_zone("T-Spine") == Zone::thoracic);
  CHECK(find_zone("it band") == Zone::it_band);
  CHECK(find_zone("IT-band") == Zone::it_band);
  CHECK(find_zone("full body") == Zone::full_body);
  CHECK(find_zone("Knees") == Zone::knee);
  CHECK(find_zone("  glutes ") == Zone::glutes);
}

TEST_CASE("find_zone: unknown text") {
  CHECK_FALSE(find_zone(""));
  CHECK_FALSE(find_zone("---"));
  CHECK_FALSE(find_zone("spleen"));
  CHECK_FALSE(find_zone("lowr back"));
  CHECK_FALSE(find_zone(std::string(10000, 'a')));
}

TEST_CASE("nearest_zone: typos map to the canonical name") {
  CHECK(nearest_zone("lowr back") == "lumbar");
  CHECK(nearest_zone("thorasic") == "thoracic");
  CHECK(nearest_zone("glutez") == "glutes");
  CHECK(nearest_zone("hamstrngs") == "hamstrings");
  CHECK(nearest_zone("cervicle") == "neck");
  CHECK(nearest_zone("Mid Bak") == "thoracic");
}

TEST_CASE("nearest_zone: nothing close gives nothing") {
  CHECK(nearest_zone("spleen").empty());
  CHECK(nearest_zone("xyzzyplugh").empty());
  CHECK(nearest_zone("").empty());
}

TEST_CASE("closest_match and edit_distance") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("ABC", "abc") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(closest_match("titel", {"title", "name", "summary"}) == "title");
  CHECK(closest_match("zzzzzz", {"title", "name"}).empty());
}

TEST_CASE("zones_named_in: words and runs of words, through the alias table") {
  using V = std::vector<Zone>;
  CHECK(zones_named_in("Glutes for a happier lower back") == V{Zone::glutes, Zone::lumbar});
  CHECK(zones_named_in("Lumbar roll") == V{Zone::lumbar});
  CHECK(zones_named_in("C-spine and T_spine") == V{Zone::neck, Zone::thoracic});
  CHECK(zones_named_in("Quadratus Lumborum, QL again") == V{Zone::lumbar});
  CHECK(zones_named_in("Neckline anklet").empty());
  CHECK(zones_named_in("Back roll").empty());
  CHECK(zones_named_in("").empty());
  for (Zone z : {Zone::lumbar, Zone::neck, Zone::knee, Zone::ankle, Zone::elbow}) {
    CHECK(is_forbidden_zone(z));
  }
  CHECK_FALSE(is_forbidden_zone(Zone::thoracic));
  CHECK_FALSE(is_forbidden_zone(Zone::full_body));
}
