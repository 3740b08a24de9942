// The floor for `roll lint` throughput: read and parse the same files with toml++ and nothing
// else. Prints "files bytes seconds". Built and run by tests/bench/run.sh.
#include <toml++/toml.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t failures = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 1; i < argc; ++i) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i])) {
      if (entry.path().extension() != ".toml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      try {
        auto table = toml::parse(text, entry.path().string());
        if (table.empty()) ++failures;
      } catch (const toml::parse_error&) {
        ++failures;
      }
      ++files;
      bytes += text.size();
    }
  }
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("%zu %zu %.6f\n", files, bytes, took.count());
  return failures == 0 ? 0 : 1;
}
