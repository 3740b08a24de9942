#pragma once
// A command line described as data: each command file fills a CommandSpec in its `declare_x`
// (names, help, the options-struct fields the parse fills in, checks), and two readers use it:
// app.cpp turns the named command's spec into CLI11 and parses, and `roll completion` writes the
// shell scripts from the whole tree. Nothing here knows CLI11, whose header builds its own copy
// of its validators in every file that includes it.
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace roll::cli {

// What a shell offers for an option's value or a positional (a choice list is offered whatever
// this says).
enum class Completion {
  none,
  routine,          // a routine name from `roll list`, or a path once it looks like one
  routine_or_path,  // routine names, files and directories alike (`roll lint`)
  rule,             // a lint rule's name
  zone,             // a zone name
  file,             // any path
};

// A number's bounds, with roll's own messages ("600 is not between 1 and 520"); without an upper
// bound, "-1 is not 0 or more".
struct NumberRange {
  double min = 0;
  std::optional<double> max;
};

// Where the parse puts a value: a field of the command's options struct. A flag with no field
// (std::monostate) only counts as given.
using OptionTarget = std::variant<std::monostate, bool*, std::string*, int*, double*, long long*,
                                  std::optional<int>*, std::vector<std::string>*>;

// What app.cpp does with an option: bind it to its field, or make it CLI11's help or version flag.
enum class OptionRole {
  own,      // a command's own (and --color): its target is filled in
  help,     // -h, --help, on every command
  version,  // --version, on roll itself
};

struct OptionSpec {
  std::string long_name;   // "json" for --json; a positional's name ("routine")
  std::string short_name;  // "y" for -y; empty for none
  bool positional = false;
  std::string help;
  OptionTarget target;
  OptionRole role = OptionRole::own;
  bool required = false;
  std::vector<std::string> choices;  // the only values accepted, when not empty
  std::optional<NumberRange> range;
  std::vector<std::string> excludes;  // other options of the same command, by name ("--ics")
  std::vector<std::string> needs;
  bool show_default = false;  // the target's value before the parse, shown in --help
  std::string value_name;     // "N" for `--before N`; empty: the value's type
  bool hidden = false;        // for the completion scripts, not for people
  Completion completion = Completion::none;
  bool* given = nullptr;    // set to whether the option is on the command line
  std::string deprecation;  // printed as "roll: <this>" on stderr when the option is given
  [[nodiscard]] bool is_flag() const;      // takes no value
  [[nodiscard]] std::string name() const;  // "--json", or a positional's name
};

// Sets an OptionSpec's details in the order a reader of `declare_x` expects them.
class OptionBuilder {
 public:
  explicit OptionBuilder(OptionSpec& spec) : spec_(&spec) {}
  OptionBuilder& required() {
    spec_->required = true;
    return *this;
  }
  OptionBuilder& choices(std::vector<std::string> values) {
    spec_->choices = std::move(values);
    return *this;
  }
  OptionBuilder& between(double min, double max) {
    spec_->range = NumberRange{min, max};
    return *this;
  }
  OptionBuilder& zero_or_more() {
    spec_->range = NumberRange{0, std::nullopt};
    return *this;
  }
  OptionBuilder& excludes(std::string other) {
    spec_->excludes.push_back(std::move(other));
    return *this;
  }
  OptionBuilder& needs(std::string other) {
    spec_->needs.push_back(std::move(other));
    return *this;
  }
  OptionBuilder& show_default() {
    spec_->show_default = true;
    return *this;
  }
  OptionBuilder& value_name(std::string name) {
    spec_->value_name = std::move(name);
    return *this;
  }
  OptionBuilder& hidden() {
    spec_->hidden = true;
    return *this;
  }
  OptionBuilder& completes(Completion kind) {
    spec_->completion = kind;
    return *this;
  }
  OptionBuilder& given(bool& was_given) {
    spec_->given = &was_given;
    return *this;
  }
  OptionBuilder& deprecated(std::string message) {
    spec_->deprecation = std::move(message);
    return *this;
  }

 private:
  OptionSpec* spec_;
};

struct CommandSpec {
  std::string name;
  std::string about;                   // one line, in the command list and at the top of its --help
  std::string footer;                  // the end of its --help: examples, exit status
  std::list<OptionSpec> options;       // in --help order; a list, so builders stay valid
  std::list<CommandSpec> subcommands;  // in --help order
  bool subcommand_required = false;
  std::function<void()> reached;  // run when the parse reaches this command (before its parent's)

  // A subcommand of this one.
  CommandSpec& command(std::string name, std::string about);
  // `names` as the user writes them: "--yes,-y", "-q,--quiet", or a positional's name ("routine").
  OptionBuilder flag(std::string_view names, bool& target, std::string help);
  OptionBuilder flag(std::string_view names, std::string help);  // no field: only its warning
  template <class T>
  OptionBuilder option(std::string_view names, T& target, std::string help) {
    return add(names, OptionTarget(&target), std::move(help));
  }
  OptionBuilder add(std::string_view names, OptionTarget target, std::string help);

  [[nodiscard]] CommandSpec* find(std::string_view sub);  // a subcommand by name, or null
};

}  // namespace roll::cli
