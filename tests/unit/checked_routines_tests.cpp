// The checked-routines cache's encoding: exact texts only, one build only, and bytes that do not
// decode whole give an empty cache, never a partial or a wrong one.
#include <doctest/doctest.h>

#include <string>

#include "roll/checked_routines.hpp"

using roll::CheckedRoutines;
using roll::RoutineListing;
using namespace std::chrono_literals;

namespace {

RoutineListing listing(std::string title) {
  return RoutineListing{std::move(title), "A summary", 750s, 600s, {"thoracic", "lats"}};
}

CheckedRoutines two_routines() {
  CheckedRoutines cache;
  cache.add("schema = 1\nname = \"a\"\n", listing("First"));
  cache.add("schema = 1\nname = \"b\"\n", listing("Second"));
  return cache;
}

}  // namespace

TEST_CASE("a decoded cache answers for exactly the texts that were added, with their listings") {
  auto bytes = two_routines().encode("build-1");
  auto cache = CheckedRoutines::decode(bytes, "build-1");
  CHECK(cache.size() == 2);
  CHECK_FALSE(cache.changed());
  const RoutineListing* first = cache.find("schema = 1\nname = \"a\"\n");
  REQUIRE(first != nullptr);
  CHECK(first->title == "First");
  CHECK(first->summary == "A summary");
  CHECK(first->total == 750s);
  CHECK(first->work == 600s);
  CHECK(first->zones == std::vector<std::string>{"thoracic", "lats"});
  REQUIRE(cache.find("schema = 1\nname = \"b\"\n") != nullptr);
  CHECK(cache.find("schema = 1\nname = \"b\"\n")->title == "Second");
  // One byte more, less or different is another text.
  CHECK(cache.find("schema = 1\nname = \"a\"\n ") == nullptr);
  CHECK(cache.find("schema = 1\nname = \"a\"") == nullptr);
  CHECK(cache.find("schema = 1\nname = \"c\"\n") == nullptr);
  CHECK(cache.find("") == nullptr);
}

TEST_CASE("a cache written by another build of roll, or by none, is empty") {
  auto bytes = two_routines().encode("build-1");
  CHECK(CheckedRoutines::decode(bytes, "build-2").size() == 0);
  CHECK(CheckedRoutines::decode(bytes, "build-").size() == 0);
  CHECK(CheckedRoutines::decode(bytes, "").size() == 0);
  CHECK(CheckedRoutines::decode(two_routines().encode(""), "").size() == 0);
}

TEST_CASE("every truncation and every one-byte change of a cache decodes without a crash") {
  auto bytes = two_routines().encode("build-1");
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    CAPTURE(length);
    CHECK(CheckedRoutines::decode(bytes.substr(0, length), "build-1").size() == 0);
  }
  CHECK(CheckedRoutines::decode(bytes + "x", "build-1").size() == 0);  // trailing bytes
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    for (int value : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
      std::string changed = bytes;
      changed[at] = static_cast<char>(value);
      auto cache = CheckedRoutines::decode(changed, "build-1");
      CHECK(cache.size() <= 2);
    }
  }
}

TEST_CASE("a cache that claims more entries or zones than roll keeps is empty") {
  CheckedRoutines cache;
  cache.add("text", RoutineListing{"T", "S", 1s, 1s, {}});
  auto bytes = cache.encode("id");
  // The entry count follows the magic line and the build id (a 4-byte length, then "id").
  auto count_at = bytes.find('\n') + 1 + 4 + 2;
  std::string many = bytes;
  many[count_at] = static_cast<char>(CheckedRoutines::kMaxEntries + 1);
  CHECK(CheckedRoutines::decode(many, "id").size() == 0);
  std::string huge = bytes;
  huge[count_at + 3] = '\x7f';
  CHECK(CheckedRoutines::decode(huge, "id").size() == 0);

  CheckedRoutines zones;
  zones.add("text", RoutineListing{"T", "S", 1s, 1s,
                                   std::vector<std::string>(CheckedRoutines::kMaxZones + 1, "z")});
  CHECK(zones.size() == 0);
}

TEST_CASE("a full cache keeps the routines this run used and the newest, and drops the rest") {
  CheckedRoutines cache;
  for (std::size_t i = 0; i < CheckedRoutines::kMaxEntries + 6; ++i) {
    cache.add("routine " + std::to_string(i), listing("R"));
  }
  auto reread = CheckedRoutines::decode(cache.encode("id"), "id");
  CHECK(reread.size() == CheckedRoutines::kMaxEntries);
  CHECK(reread.find("routine " + std::to_string(CheckedRoutines::kMaxEntries + 5)) != nullptr);
  CHECK(reread.find("routine 0") == nullptr);

  // A later run that used only the oldest entry keeps it when one more is added.
  auto later = CheckedRoutines::decode(cache.encode("id"), "id");
  REQUIRE(later.find("routine 6") != nullptr);
  later.add("new routine", listing("N"));
  CHECK(later.changed());
  auto last = CheckedRoutines::decode(later.encode("id"), "id");
  CHECK(last.find("new routine") != nullptr);
  CHECK(last.find("routine 6") != nullptr);
  CHECK(last.size() == CheckedRoutines::kMaxEntries);
}

TEST_CASE("a text over the cache's byte cap is not kept, and one added twice is kept once") {
  CheckedRoutines cache;
  cache.add(std::string(CheckedRoutines::kMaxTextBytes + 1, 'x'), listing("Big"));
  CHECK(cache.size() == 0);
  CHECK_FALSE(cache.changed());
  cache.add("same", listing("A"));
  cache.add("same", listing("B"));
  CHECK(cache.size() == 1);
  CHECK(cache.find("same")->title == "A");
}
