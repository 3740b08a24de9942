// What roll reads from the process environment: the XDG directories, each with its default under
// $HOME.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "platform/environment.hpp"

using roll::platform::Environment;

namespace {

Environment from(const std::map<std::string, std::string>& variables) {
  auto lookup = [&](const char* name) -> const char* {
    auto it = variables.find(name);
    return it == variables.end() ? nullptr : it->second.c_str();
  };
  return Environment::from_variables(lookup, {}, "/opt/roll/bin");
}

}  // namespace

TEST_CASE("the XDG directories default under $HOME, and a relative one is ignored") {
  auto env = from({{"HOME", "/home/ana"}});
  CHECK(env.config_home == "/home/ana/.config");
  CHECK(env.data_home == "/home/ana/.local/share");
  CHECK(env.state_home == "/home/ana/.local/state");

  auto set = from({{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "/var/lib/ana"}});
  CHECK(set.data_home == "/var/lib/ana");
  CHECK(set.config_home == "/home/ana/.config");
  // The XDG spec: a relative path is ignored.
  CHECK(from({{"HOME", "/home/ana"}, {"XDG_DATA_HOME", "data"}}).data_home ==
        "/home/ana/.local/share");
}
