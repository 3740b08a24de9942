// The id a person types for a record (cli/record_ids.hpp): a uid, or ID@DEVICE when two devices'
// records share it, each device named by the shortest beginning of its id that tells it apart.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/record_ids.hpp"

using namespace roll::cli;

namespace {

const std::string kUid = "019ab1c2-3d4e-7f00-8a1b-2c3d4e5f6a7b";
const std::string kHonest = "019ab1c2-0000-7000-8000-000000000001";
const std::string kCopier = "019ab1c2-0000-7000-8000-000000000002";
const std::string kOther = "01890a5d-ac96-774b-bcce-b3020999dead";

}  // namespace

TEST_CASE("record ids: a uid one device holds, ID@DEVICE, and an id that names two") {
  auto one = [](const std::string& uid) {
    return uid == kUid ? std::vector<std::string>{kHonest} : std::vector<std::string>{};
  };
  auto two = [](const std::string& uid) {
    return uid == kUid ? std::vector<std::string>{kHonest, kCopier} : std::vector<std::string>{};
  };
  auto named = resolve_record_id(kUid, one);
  CHECK(named.uid == kUid);
  CHECK(named.device == kHonest);
  CHECK(resolve_record_id("nothing", one).device.empty());
  // Two devices: the id alone is refused, naming each by as much of its id as tells them apart.
  try {
    (void)resolve_record_id(kUid, two);
    FAIL("an id two devices share was taken");
  } catch (const Failure& f) {
    CHECK(f.code == exit_usage);
    std::string what = f.what();
    CHECK(what.find(kUid + "@019ab1c2-0000-7000-8000-000000000001") != std::string::npos);
    CHECK(what.find(kUid + "@019ab1c2-0000-7000-8000-000000000002") != std::string::npos);
  }
  named = resolve_record_id(kUid + "@019ab1c2-0000-7000-8000-000000000002", two);
  CHECK(named.uid == kUid);
  CHECK(named.device == kCopier);
  // A beginning both share names neither: refused too; one no device has names nothing.
  CHECK_THROWS_AS((void)resolve_record_id(kUid + "@019ab1c2", two), Failure);
  CHECK(resolve_record_id(kUid + "@ffff", two).device.empty());
  // Eight characters when they tell the devices apart.
  CHECK(record_names(kUid, {kHonest, kOther}) ==
        std::vector<std::string>{kUid + "@019ab1c2", kUid + "@01890a5d"});
}
