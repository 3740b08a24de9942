// Test-only: writes what the figures make, for reviewers (the hand-outs are `roll handout`'s).
//
//   roll_figures gallery DIR          the gallery of poses (docs/poses/: README.md and one SVG a
//                                     pose), and removes SVGs no pose makes any more
//   roll_figures text POSE COLUMNS ROWS [ascii] [roller|ball|peanut] [none|up|down|across]
//                                     one figure as the terminal shows it
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pose_gallery.hpp"

namespace fs = std::filesystem;
using namespace roll;

namespace {

int usage() {
  fmt::print(stderr,
             "usage: roll_figures gallery DIR | text POSE COLUMNS ROWS "
             "[ascii] [roller|ball|peanut] [none|up|down|across]\n");
  return 2;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

int gallery(const fs::path& dir) {
  fs::create_directories(dir);
  auto files = test::pose_gallery_files();
  for (const auto& entry : fs::directory_iterator(dir)) {
    auto name = entry.path().filename().string();
    if (entry.path().extension() == ".svg" && !files.count(name)) fs::remove(entry.path());
  }
  for (const auto& [name, text] : files) write(dir / name, text);
  fmt::print("{} files in {}\n", files.size(), dir.string());
  return 0;
}

int text(int argc, char** argv) {
  auto pose = find_pose(argv[2]);
  if (!pose) {
    fmt::print(stderr, "no pose {}; did you mean {}?\n", argv[2], nearest_pose(argv[2]));
    return 1;
  }
  std::size_t columns = std::stoul(argv[3]), rows = std::stoul(argv[4]);
  bool utf8 = !(argc > 5 && std::string_view(argv[5]) == "ascii");
  Prop prop = Prop::roller;
  if (argc > 6)
    prop = std::string_view(argv[6]) == "ball"     ? Prop::ball
           : std::string_view(argv[6]) == "peanut" ? Prop::peanut
                                                   : Prop::roller;
  Travel travel = argc > 7 ? value_in(kTravelNames, argv[7]).value_or(Travel::none) : Travel::none;
  for (const auto& line :
       figure_text(draw_pose(*pose, prop, travel), columns, rows, utf8).plain()) {
    fmt::print("{}\n", line);
  }
  fmt::print("{}\n", pose_facts(*pose).description);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc < 2) return usage();
    std::string_view mode = argv[1];
    if (mode == "gallery" && argc == 3) return gallery(argv[2]);
    if (mode == "text" && argc >= 5) return text(argc, argv);
    return usage();
  } catch (const std::exception& e) {
    fmt::print(stderr, "roll_figures: {}\n", e.what());
    return 1;
  }
}
