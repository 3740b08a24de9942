#include "platform/build_id.hpp"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace roll::platform {

namespace {

// Notes are 4-byte aligned in the 64- and 32-bit formats alike (the name and the descriptor are
// padded to 4).
constexpr std::size_t aligned4(std::size_t n) {
  return (n + 3) & ~std::size_t{3};
}

int read_main_program(dl_phdr_info* info, std::size_t, void* data) {
  auto* id = static_cast<std::string*>(data);
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
    const char* end = at + segment.p_memsz;
    while (static_cast<std::size_t>(end - at) >= sizeof(ElfW(Nhdr))) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char* name = at + sizeof note;
      const char* desc = name + aligned4(note.n_namesz);
      const char* next = desc + aligned4(note.n_descsz);
      if (next > end || next < desc) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        id->assign(desc, note.n_descsz);
        return 1;
      }
      at = next;
    }
  }
  return 1;  // the first object is the program itself; the libraries are not asked
}

}  // namespace

const std::string& build_id() {
  // The binary does not change under a running process: read once, for the cache's read and write.
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(read_main_program, &found);
    return found;
  }();
  return id;
}

}  // namespace roll::platform
