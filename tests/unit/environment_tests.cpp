// What roll reads from the process environment: the XDG directories, each with its default under
// $HOME, and the cache directory beside them.
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

TEST_CASE("the XDG directories default under $HOME, and the cache is <cache>/roll") {
  auto env = from({{"HOME", "/home/ana"}});
  CHECK(env.config_home == "/home/ana/.config");
  CHECK(env.data_home == "/home/ana/.local/share");
  CHECK(env.state_home == "/home/ana/.local/state");
  CHECK(env.cache_home == "/home/ana/.cache");
  CHECK(env.cache_dir() == "/home/ana/.cache/roll");

  auto set = from({{"HOME", "/home/ana"}, {"XDG_CACHE_HOME", "/var/cache/ana"}});
  CHECK(set.cache_dir() == "/var/cache/ana/roll");
  CHECK(set.config_home == "/home/ana/.config");
  // The XDG spec: a relative path is ignored.
  CHECK(from({{"HOME", "/home/ana"}, {"XDG_CACHE_HOME", "cache"}}).cache_home ==
        "/home/ana/.cache");
}
