// The reviewers' gallery (docs/poses/) is what the figures draw today.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "fixtures.hpp"
#include "pose_gallery.hpp"

using namespace roll;
namespace fs = std::filesystem;

TEST_CASE("the committed gallery of poses is up to date") {
  fs::path dir = fs::path(ROLL_SOURCE_DIR) / "docs" / "poses";
  auto files = test::pose_gallery_files();
  std::set<std::string> on_disk;
  if (fs::exists(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      on_disk.insert(entry.path().filename().string());
    }
  }
  for (const auto& [name, text] : files) {
    CAPTURE(name);
    bool same = on_disk.count(name) && test::slurp(dir / name) == text;
    CHECK_MESSAGE(same, "docs/poses/" << name << " is out of date; regenerate the gallery with: "
                                      << test::kGalleryCommand);
  }
  for (const auto& name : on_disk) {
    CHECK_MESSAGE(files.count(name), "docs/poses/" << name
                                                   << " is made by nothing any more; regenerate "
                                                      "the gallery with: "
                                                   << test::kGalleryCommand);
  }
}
