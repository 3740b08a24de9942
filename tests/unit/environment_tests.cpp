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

TEST_CASE("attack 9: without an absolute HOME the account's home is used, and never /tmp") {
  // It fell back to /tmp, where another local user could plant a profile whose speech command
  // ran as the victim, or links at the files roll writes.
  auto lookup_of = [](const std::map<std::string, std::string>& variables) {
    return [variables](const char* name) -> const char* {
      auto it = variables.find(name);
      return it == variables.end() ? nullptr : it->second.c_str();
    };
  };
  auto unset = Environment::from_variables(lookup_of({}), {}, "/opt/roll/bin", "/home/ana");
  CHECK(unset.home == "/home/ana");
  CHECK(unset.config_home == "/home/ana/.config");
  CHECK(unset.data_home == "/home/ana/.local/share");
  CHECK(unset.missing_home().empty());
  auto relative =
      Environment::from_variables(lookup_of({{"HOME", "ana"}}), {}, "/opt/roll/bin", "/home/ana");
  CHECK(relative.state_home == "/home/ana/.local/state");
  // An absolute HOME wins over the password database.
  CHECK(Environment::from_variables(lookup_of({{"HOME", "/srv/ana"}}), {}, "/opt/roll/bin",
                                    "/home/ana")
            .state_home == "/srv/ana/.local/state");
  // Neither: no directory at all, and a sentence that says what to set.
  auto none = Environment::from_variables(lookup_of({}), {}, "/opt/roll/bin", "");
  CHECK(none.config_home.empty());
  CHECK(none.data_home.empty());
  CHECK(none.missing_home().find("set HOME") != std::string::npos);
  for (const auto& dir : {none.config_home, none.data_home, none.state_home})
    CHECK(dir.string().find("/tmp") == std::string::npos);
  // Each XDG variable still stands on its own.
  auto xdg = Environment::from_variables(
      lookup_of({{"XDG_CONFIG_HOME", "/c"}, {"XDG_DATA_HOME", "/d"}, {"XDG_STATE_HOME", "/s"}}), {},
      "/opt/roll/bin", "");
  CHECK(xdg.missing_home().empty());
  CHECK(xdg.data_home == "/d");
}
