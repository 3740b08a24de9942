#include "cli/command_line.hpp"

#include <algorithm>

namespace roll::cli {

bool OptionSpec::is_flag() const {
  return std::holds_alternative<std::monostate>(target) || std::holds_alternative<bool*>(target);
}

std::string OptionSpec::name() const {
  if (positional) return long_name;
  return long_name.empty() ? "-" + short_name : "--" + long_name;
}

CommandSpec& CommandSpec::command(std::string command_name, std::string command_about) {
  CommandSpec& sub = subcommands.emplace_back();
  sub.name = std::move(command_name);
  sub.about = std::move(command_about);
  return sub;
}

OptionBuilder CommandSpec::flag(std::string_view names, bool& target, std::string help) {
  return add(names, OptionTarget(&target), std::move(help));
}

OptionBuilder CommandSpec::flag(std::string_view names, std::string help) {
  return add(names, OptionTarget(), std::move(help));
}

OptionBuilder CommandSpec::add(std::string_view names, OptionTarget target, std::string help) {
  OptionSpec& spec = options.emplace_back();
  spec.help = std::move(help);
  spec.target = target;
  while (!names.empty()) {
    std::string_view one = names.substr(0, names.find(','));
    names.remove_prefix(std::min(names.size(), one.size() + 1));
    if (one.starts_with("--")) {
      spec.long_name = one.substr(2);
    } else if (one.starts_with('-')) {
      spec.short_name = one.substr(1);
    } else {
      spec.long_name = one;
      spec.positional = true;
    }
  }
  return OptionBuilder(spec);
}

CommandSpec* CommandSpec::find(std::string_view sub) {
  for (auto& c : subcommands) {
    if (c.name == sub) return &c;
  }
  return nullptr;
}

}  // namespace roll::cli
