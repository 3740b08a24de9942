// find_program: the one PATH look-up, against executables made in a temporary directory.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fixtures.hpp"
#include "platform/programs.hpp"

namespace fs = std::filesystem;
using roll::platform::find_program;

namespace {

fs::path make_file(const fs::path& path, unsigned mode) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "#!/bin/sh\n";
  ::chmod(path.c_str(), mode);
  return path;
}

}  // namespace

TEST_CASE("find_program") {
  roll::test::TempDb tmp("roll-programs");
  auto a = tmp.dir / "a";
  auto b = tmp.dir / "b";
  make_file(b / "speak", 0755);
  make_file(a / "speak-not", 0644);  // not executable
  std::string path = a.string() + ":" + b.string();

  SUBCASE("the first executable along PATH") {
    make_file(a / "speak", 0755);
    CHECK(find_program("speak", path.c_str()) == (a / "speak").string());
  }
  SUBCASE("a directory without it, or with it not executable, is skipped") {
    make_file(a / "speak", 0644);
    CHECK(find_program("speak", path.c_str()) == (b / "speak").string());
  }
  SUBCASE("nothing found is empty") {
    CHECK(find_program("speak-not", path.c_str()).empty());
    CHECK(find_program("", path.c_str()).empty());
  }
  SUBCASE("a name with a slash is taken as written, not searched") {
    CHECK(find_program((b / "speak").string(), nullptr) == (b / "speak").string());
    CHECK(find_program((a / "speak-not").string(), path.c_str()).empty());
  }
  SUBCASE("an empty entry is the current directory") {
    auto here = fs::current_path();
    fs::current_path(b);
    CHECK(find_program("speak", (a.string() + "::").c_str()) == "./speak");
    CHECK(find_program("speak", "").empty() == false);
    fs::current_path(here);
  }
  SUBCASE("PATH unset searches /usr/bin:/bin") {
    CHECK(find_program("sh", nullptr).ends_with("/sh"));
  }
}
