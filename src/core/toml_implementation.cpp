// toml++'s implementation, compiled once for the whole program from Debian's headers, instead of
// loading libtomlplusplus.so at every start (see the top-level CMakeLists.txt and ARCHITECTURE.md).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
