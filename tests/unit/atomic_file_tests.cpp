// The one file writer every command uses (`lint --fix`, `new`, `remind --install`), against a
// directory someone else can write: a planted symlink, a read-only or hard-linked routine, a file
// changed under us. Run in process so the test knows the PID the old writer put in its temp name.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fixtures.hpp"
#include "platform/atomic_file.hpp"

namespace fs = std::filesystem;

using roll::test::slurp;

namespace {

struct Dir {
  fs::path path;
  Dir() {
    std::string pattern = (fs::temp_directory_path() / "roll-atomic-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("a symlink planted at the writer's temporary name is never written through") {
  Dir dir;
  auto routine = dir.write("mine.toml", "old\n");
  auto victim = dir.write("victim.txt", "precious\n");
  ::chmod(victim.c_str(), 0600);
  ::chmod(routine.c_str(), 0644);
  // The exact name the old writer used, and a few a guess might try.
  fs::path planted = routine;
  planted += ".roll-fix-" + std::to_string(::getpid());
  fs::create_symlink(victim, planted);

  roll::platform::replace_text_file(routine, "new\n", "old\n");

  CHECK(slurp(victim) == "precious\n");
  CHECK(mode_of(victim) == 0600);
  CHECK(fs::is_symlink(fs::symlink_status(planted)));  // left alone
  CHECK_FALSE(fs::is_symlink(fs::symlink_status(routine)));
  CHECK(slurp(routine) == "new\n");
  CHECK(mode_of(routine) == 0644);
}

TEST_CASE("replacing keeps the file's mode and leaves no temporary file") {
  Dir dir;
  auto routine = dir.write("mine.toml", "old\n");
  ::chmod(routine.c_str(), 0640);
  roll::platform::replace_text_file(routine, "new\n", "old\n");
  CHECK(slurp(routine) == "new\n");
  CHECK(mode_of(routine) == 0640);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("a file without its owner's write bit is refused, not replaced, even for root") {
  Dir dir;
  auto routine = dir.write("mine.toml", "old\n");
  ::chmod(routine.c_str(), 0444);
  CHECK_THROWS_WITH_AS(roll::platform::replace_text_file(routine, "new\n", "old\n"),
                       doctest::Contains("read-only"), roll::platform::FileError);
  CHECK(slurp(routine) == "old\n");
  CHECK(mode_of(routine) == 0444);
}

TEST_CASE("a file with more than one hard link is refused with the reason") {
  Dir dir;
  auto routine = dir.write("mine.toml", "old\n");
  fs::create_hard_link(routine, dir.path / "other-name.toml");
  CHECK_THROWS_WITH_AS(roll::platform::replace_text_file(routine, "new\n", "old\n"),
                       doctest::Contains("hard links"), roll::platform::FileError);
  CHECK(slurp(routine) == "old\n");
  CHECK(fs::hard_link_count(routine) == 2);
}

TEST_CASE("a file changed since it was read is not overwritten") {
  Dir dir;
  auto routine = dir.write("mine.toml", "edited by hand meanwhile\n");
  CHECK_THROWS_WITH_AS(roll::platform::replace_text_file(routine, "new\n", "old\n"),
                       doctest::Contains("changed since it was read"), roll::platform::FileError);
  CHECK(slurp(routine) == "edited by hand meanwhile\n");
  fs::remove(routine);
  CHECK_THROWS_AS(roll::platform::replace_text_file(routine, "new\n", "old\n"),
                  roll::platform::FileError);
  CHECK_FALSE(fs::exists(routine));
}

TEST_CASE("a new file: written whole, never over an existing one, nothing left behind") {
  Dir dir;
  auto path = dir.path / "sub" / "new.toml";
  CHECK(roll::platform::create_new_file(path, "first\n") == roll::platform::CreateResult::created);
  CHECK(slurp(path) == "first\n");
  CHECK(roll::platform::create_new_file(path, "second\n") == roll::platform::CreateResult::exists);
  CHECK(slurp(path) == "first\n");
  // A dangling symlink at the name counts as taken: nothing is written where it points.
  fs::create_symlink(dir.path / "elsewhere.toml", dir.path / "sub" / "link.toml");
  CHECK(roll::platform::create_new_file(dir.path / "sub" / "link.toml", "x\n") ==
        roll::platform::CreateResult::exists);
  CHECK_FALSE(fs::exists(dir.path / "elsewhere.toml"));
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path / "sub")) ++entries;
  CHECK(entries == 2);

  // write_text_file creates too (remind --install's units), and replaces without `expected`.
  auto unit = dir.path / "roll.timer";
  roll::platform::write_text_file(unit, "one\n");
  CHECK(slurp(unit) == "one\n");
  roll::platform::write_text_file(unit, "two\n");
  CHECK(slurp(unit) == "two\n");
}

TEST_CASE("a private file is written 0600 in a 0700 directory, whole, with nothing left behind") {
  Dir dir;
  auto file = dir.path / "state" / "roll" / "told";
  REQUIRE(roll::platform::write_private_file(file, "first"));
  REQUIRE(roll::platform::write_private_file(file, "second"));
  CHECK(slurp(file) == "second");
  CHECK(mode_of(file) == 0600);
  CHECK(mode_of(file.parent_path()) == 0700);
  CHECK(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()) == 1);
  CHECK(roll::platform::read_private_file(file, 100) == "second");
  CHECK_FALSE(roll::platform::read_private_file(file, 5));  // over the cap
  // Where the directory cannot be made, the write says so and leaves nothing.
  dir.write("blocker", "a file");
  CHECK_FALSE(roll::platform::write_private_file(dir.path / "blocker" / "f", "x"));
}

TEST_CASE("a private file's directory is never chmod-ed through a link, nor when it existed") {
  Dir dir;
  // $XDG_STATE_HOME/roll planted as a link to a directory of the user's: its mode stays.
  auto target = dir.path / "elsewhere";
  fs::create_directory(target);
  ::chmod(target.c_str(), 0755);
  fs::create_directory(dir.path / "state");
  fs::create_directory_symlink(target, dir.path / "state" / "roll");
  CHECK(roll::platform::write_private_file(dir.path / "state" / "roll" / "told", "x"));
  CHECK(mode_of(target) == 0755);
  // A directory that was already there keeps its mode too.
  auto existing = dir.path / "existing";
  fs::create_directory(existing);
  ::chmod(existing.c_str(), 0750);
  CHECK(roll::platform::write_private_file(existing / "told", "x"));
  CHECK(mode_of(existing) == 0750);
}

TEST_CASE("a private file is not read through a symlink, nor when others may write it") {
  Dir dir;
  auto file = dir.write("mine", "bytes");
  ::chmod(file.c_str(), 0600);
  CHECK(roll::platform::read_private_file(file, 100) == "bytes");
  fs::create_symlink(file, dir.path / "link");
  CHECK_FALSE(roll::platform::read_private_file(dir.path / "link", 100));
  ::chmod(file.c_str(), 0620);
  CHECK_FALSE(roll::platform::read_private_file(file, 100));
  ::chmod(file.c_str(), 0602);
  CHECK_FALSE(roll::platform::read_private_file(file, 100));
  ::chmod(file.c_str(), 0600);
  CHECK_FALSE(roll::platform::read_private_file(dir.path / "absent", 100));
  CHECK_FALSE(roll::platform::read_private_file(dir.path, 100));  // a directory
  if (::geteuid() == 0) {  // another user's file, which only root can make here
    REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
    CHECK_FALSE(roll::platform::read_private_file(file, 100));
  }
}
