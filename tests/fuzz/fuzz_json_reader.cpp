// The strict JSON reader under the sync records (src/core/json_reader.hpp): any bytes. What must
// hold is in json_reader_property.hpp, which the unit suite also runs on regressions/json-*.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "json_reader_property.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!roll::test::check_json_reader(text).empty()) std::abort();
  return 0;
}
