// Ids (src/platform/ids.cpp): UUID v7 as text, unique across a fork, and the device id kept in
// the state directory.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "fixtures.hpp"
#include "platform/ids.hpp"

using namespace roll::platform;
using namespace std::chrono;
using roll::test::slurp;
using roll::test::TempDb;

TEST_CASE("uuid v7: the version and variant bits, the time first, and text of its form") {
  auto id = format_uuid_v7(0x0189'0a5d'ac96, 0xffff'ffff'ffff'ffff, 0);
  CHECK(id == "01890a5d-ac96-7fff-8000-000000000000");
  CHECK(is_uuid(id));
  CHECK_FALSE(is_uuid("01890a5d-ac96-7fff-8000-00000000000"));
  CHECK_FALSE(is_uuid("01890A5D-ac96-7fff-8000-000000000000"));
  auto a = new_uuid_v7(system_clock::time_point{seconds{1'795'000'000}});
  auto b = new_uuid_v7(system_clock::time_point{seconds{1'795'000'001}});
  CHECK(is_uuid(a));
  CHECK(a < b);  // ids sort by the time they were made
  CHECK(a[14] == '7');
}

// Found when the store's two-process test ran after tests that had made ids: the generator,
// seeded once per process, was copied into both children by fork(), which then made the same
// "unique" ids and one child's sessions failed the uid index.
TEST_CASE("uuid v7: a forked child does not make the ids its parent would") {
  (void)new_uuid_v7(system_clock::now());  // the generator exists before the fork
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::string id = new_uuid_v7(system_clock::time_point{seconds{1'795'000'000}});
    ssize_t n = ::write(fds[1], id.data(), id.size());
    ::_exit(n == static_cast<ssize_t>(id.size()) ? 0 : 1);
  }
  std::string mine = new_uuid_v7(system_clock::time_point{seconds{1'795'000'000}});
  char buf[64] = {};
  ssize_t n = ::read(fds[0], buf, sizeof buf);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(fds[0]);
  ::close(fds[1]);
  REQUIRE(n == 36);
  CHECK(std::string(buf, 36) != mine);
}

TEST_CASE("the device id: made on first use, the same ever after, refused when not one") {
  TempDb db("roll-rec");
  auto state = db.dir / "state";
  auto first = device_id(state);
  CHECK(is_uuid(first));
  CHECK(device_id(state) == first);
  CHECK(slurp(state / "roll" / "device-id") == first + "\n");
  std::ofstream(state / "roll" / "device-id") << "not an id\n";
  CHECK_THROWS_AS((void)device_id(state), DeviceIdError);
}

TEST_CASE("attack 9: the device id is written through the atomic writer, never through a link") {
  // It was written with a truncating stream to the predictable name .device-id.<pid>: a link
  // planted there wrote the id over any file of the user's.
  TempDb db("roll-rec");
  auto state = db.dir / "state";
  std::filesystem::create_directories(state / "roll");
  auto victim = db.dir / "victim.txt";
  std::ofstream(victim) << "precious\n";
  std::filesystem::create_symlink(victim,
                                  state / "roll" / (".device-id." + std::to_string(::getpid())));
  auto first = device_id(state);
  CHECK(is_uuid(first));
  CHECK(slurp(victim) == "precious\n");
  auto second = new_device_id(state);
  CHECK(second != first);
  CHECK(device_id(state) == second);
  CHECK(slurp(victim) == "precious\n");
  // Nothing left beside it but the link planted.
  std::size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(state / "roll")) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 2);
}
