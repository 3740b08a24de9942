// toml++'s implementation, compiled once for the whole program from Debian's headers, instead of
// loading libtomlplusplus.so at every start (see the top-level CMakeLists.txt and ARCHITECTURE.md).
//
// Debian builds its libtomlplusplus.so with NDEBUG, so its parser's internal asserts are off; one
// of them fires on a file of the TOML conformance corpus (toml++ 3.3's parse_key on an invalid
// key), which the parser then rejects cleanly. Compiled here, the parser keeps the library's
// behaviour in every build type, Debug included.
#define TOML_ASSERT(expr) static_assert(true)
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
