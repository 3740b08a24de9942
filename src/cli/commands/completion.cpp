// roll completion bash|zsh|fish: shell completion generated from the command tree itself, so a
// command or option added anywhere in src/cli is completed without touching this file. The
// installed completion files are this command's output, written at build time (CMakeLists.txt).
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "cli/commands.hpp"
#include "platform/routine_files.hpp"
#include "roll/rules.hpp"
#include "roll/zone.hpp"

namespace roll::cli {

namespace {

// What the value of an option or positional is, for completion.
// routine_or_file: `roll lint` takes routine names, files and directories alike.
enum class Kind { none, choice, routine, routine_or_file, rule, zone, file };

struct OptionSpec {
  std::vector<std::string> flags;  // "--json", "-q"
  bool takes_value = false;
  Kind kind = Kind::none;
  std::vector<std::string> choices;
  std::string help;
};

struct CommandSpec {
  std::string path;  // "" for roll itself, "injury add" for a nested command
  std::vector<std::pair<std::string, std::string>> subcommands;  // name, help
  std::vector<OptionSpec> options;
  Kind positional = Kind::none;
  std::vector<std::string> positional_choices;
};

// The conventional names commands give their arguments decide what to complete.
Kind kind_of(std::string_view name) {
  while (name.starts_with('-')) name.remove_prefix(1);
  if (name == "routine" || name == "routines" || name == "from") return Kind::routine;
  if (name == "rule" || name == "rules") return Kind::rule;
  if (name == "zone" || name == "zones" || name == "tight") return Kind::zone;
  if (name == "path" || name == "paths") return Kind::routine_or_file;
  if (name == "file" || name == "files" || name == "output" || name == "database" ||
      name == "html" || name == "dir") {
    return Kind::file;
  }
  return Kind::none;
}

// CLI11 appends a CLI::IsMember validator's set to the type name: "TEXT:{auto,always,never}".
std::vector<std::string> choices_of(const CLI::Option& opt) {
  std::string type = opt.get_type_name();
  auto open = type.find(":{");
  auto close = type.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string list = type.substr(open + 2, close - open - 2);
  std::size_t start = 0;
  while (start <= list.size()) {
    auto comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

void collect(CLI::App& app, const std::string& path, std::vector<CommandSpec>& out) {
  CommandSpec spec;
  spec.path = path;
  // An empty group is how CLI11 hides a command or an option.
  auto subs = app.get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });
  for (CLI::App* sub : subs) spec.subcommands.emplace_back(sub->get_name(), sub->get_description());
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;
    if (!opt->nonpositional()) {
      if (spec.positional == Kind::none) {
        spec.positional_choices = choices_of(*opt);
        spec.positional = spec.positional_choices.empty() ? kind_of(opt->get_name()) : Kind::choice;
      }
      continue;
    }
    OptionSpec o;
    for (const auto& l : opt->get_lnames()) o.flags.push_back("--" + l);
    for (const auto& s : opt->get_snames()) o.flags.push_back("-" + s);
    o.takes_value = opt->get_expected_max() != 0;
    o.choices = choices_of(*opt);
    o.kind = !o.choices.empty() ? Kind::choice
             : o.takes_value    ? kind_of(o.flags.front())
                                : Kind::none;
    o.help = opt->get_description();
    spec.options.push_back(std::move(o));
  }
  out.push_back(std::move(spec));
  for (CLI::App* sub : subs) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

std::string zone_words() {
  std::vector<std::string_view> names;
  for (Zone z : all_zones()) names.push_back(zone_name(z));
  return fmt::format("{}", fmt::join(names, " "));
}

std::string first_line(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

// Shell single quotes: everything literal except the quote itself.
std::string sq(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string words(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, " "));
}

// The value description every script understands: "choice a b c", "routine", "none", ...
std::string value_word(Kind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case Kind::choice:
      return "choice " + words(choices);
    case Kind::routine:
      return "routine";
    case Kind::routine_or_file:
      return "routine-or-file";
    case Kind::rule:
      return "rule";
    case Kind::zone:
      return "zone";
    case Kind::file:
      return "file";
    case Kind::none:
      break;
  }
  return "none";
}

constexpr const char* kBashScript =
    R"SH(# bash completion for roll                                   -*- shell-script -*-
# Generated by `roll completion bash` from roll's own command tree. Routine names are looked up
# when you press Tab, by running `roll completion --routines`.

_roll_subcommands() {{
  case "$1" in
{}  esac
}}

_roll_options() {{
  case "$1" in
{}  esac
}}

# The value an option of a command takes ("choice a b", "routine", "file", "none"); fails for a flag.
_roll_option_value() {{
  case "$1|$2" in
{}    *) return 1 ;;
  esac
}}

_roll_positional() {{
  case "$1" in
{}  esac
}}

# Appends one candidate a line to COMPREPLY: a file name with a space or a '*' stays one word.
_roll_add() {{
  mapfile -t -O "${{#COMPREPLY[@]}}" COMPREPLY
}}

_roll_files() {{
  compopt -o filenames 2>/dev/null
  _roll_add < <(compgen -f -- "$1")
}}

_roll_values() {{
  local kind=$1 cur=$2 roll=$3
  case "$kind" in
    choice\ *) _roll_add < <(compgen -W "${{kind#choice }}" -- "$cur") ;;
    routine)
      _roll_add < <(compgen -W "$("$roll" completion --routines 2>/dev/null)" -- "$cur")
      if [[ $cur == */* || $cur == *.* ]]; then _roll_files "$cur"; fi
      ;;
    routine-or-file)
      _roll_add < <(compgen -W "$("$roll" completion --routines 2>/dev/null)" -- "$cur")
      _roll_files "$cur"
      ;;
    rule) _roll_add < <(compgen -W "$("$roll" completion --rules 2>/dev/null)" -- "$cur") ;;
    zone) _roll_add < <(compgen -W {} -- "$cur") ;;
    file) _roll_files "$cur" ;;
  esac
}}

_roll() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} roll=${{COMP_WORDS[0]}} cmd='' word option='' value i
  COMPREPLY=()
  # Which command the cursor is in: skip options and their values, descend into subcommands.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${{COMP_WORDS[i]}}
    case "$word" in
      =) ;;
      -*)
        if _roll_option_value "$cmd" "$word" >/dev/null; then
          if [[ ${{COMP_WORDS[i + 1]}} == = ]]; then ((i += 2)); else ((i += 1)); fi
        fi
        ;;
      *)
        if [[ " $(_roll_subcommands "$cmd") " == *" $word "* ]]; then cmd=${{cmd:+$cmd }}$word; fi
        ;;
    esac
  done
  # `--color=al`: bash splits the word at '=' (COMP_WORDBREAKS).
  if [[ $cur == = ]]; then
    option=${{COMP_WORDS[COMP_CWORD - 1]}}
    cur=''
  elif ((COMP_CWORD >= 2)) && [[ ${{COMP_WORDS[COMP_CWORD - 1]}} == = ]]; then
    option=${{COMP_WORDS[COMP_CWORD - 2]}}
  elif ((COMP_CWORD >= 2)); then
    option=${{COMP_WORDS[COMP_CWORD - 1]}}
  fi
  if [[ $option == -* ]] && value=$(_roll_option_value "$cmd" "$option"); then
    _roll_values "$value" "$cur" "$roll"
    return 0
  fi
  if [[ $cur == -* ]]; then
    _roll_add < <(compgen -W "$(_roll_options "$cmd")" -- "$cur")
    return 0
  fi
  _roll_add < <(compgen -W "$(_roll_subcommands "$cmd")" -- "$cur")
  _roll_values "$(_roll_positional "$cmd")" "$cur" "$roll"
  return 0
}}

complete -F _roll roll
)SH";

std::string bash_script(const std::vector<CommandSpec>& commands) {
  std::string subs, opts, values, positionals;
  for (const auto& c : commands) {
    std::vector<std::string> names, flags;
    for (const auto& [name, help] : c.subcommands) names.push_back(name);
    for (const auto& o : c.options) {
      for (const auto& f : o.flags) {
        flags.push_back(f);
        if (o.takes_value) {
          values += fmt::format("    {}) echo {} ;;\n", sq(c.path + "|" + f),
                                sq(value_word(o.kind, o.choices)));
        }
      }
    }
    if (!names.empty()) subs += fmt::format("    {}) echo {} ;;\n", sq(c.path), sq(words(names)));
    opts += fmt::format("    {}) echo {} ;;\n", sq(c.path), sq(words(flags)));
    if (c.positional != Kind::none) {
      positionals += fmt::format("    {}) echo {} ;;\n", sq(c.path),
                                 sq(value_word(c.positional, c.positional_choices)));
    }
  }
  return fmt::format(fmt::runtime(kBashScript), subs, opts, values, positionals, sq(zone_words()));
}

constexpr const char* kZshScript = R"SH(#compdef roll
# zsh completion for roll. Generated by `roll completion zsh` from roll's own command tree.
# Routine names are looked up when you press Tab, by running `roll completion --routines`.

_roll_subcommands() {{
  reply=()
  case $1 in
{}  esac
}}

_roll_options() {{
  reply=()
  case $1 in
{}  esac
}}

# The value an option of a command takes ("choice a b", "routine", "file", "none"); fails for a flag.
_roll_option_value() {{
  case "$1|$2" in
{}    (*) return 1 ;;
  esac
}}

_roll_positional() {{
  REPLY=none
  case $1 in
{}  esac
}}

_roll_values() {{
  local kind=$1 roll=$2
  case $kind in
    (choice\ *) compadd -- ${{=kind#choice }} ;;
    (routine)
      compadd -- ${{(f)"$($roll completion --routines 2>/dev/null)"}}
      [[ $PREFIX == */* || $PREFIX == *.* ]] && _files
      ;;
    (routine-or-file)
      compadd -- ${{(f)"$($roll completion --routines 2>/dev/null)"}}
      _files
      ;;
    (rule) compadd -- ${{(f)"$($roll completion --rules 2>/dev/null)"}} ;;
    (zone) compadd -- {} ;;
    (file) _files ;;
  esac
}}

_roll() {{
  local cmd='' word option roll=${{words[1]}} i REPLY
  local -a reply
  # Which command the cursor is in: skip options and their values, descend into subcommands.
  for ((i = 2; i < CURRENT; i++)); do
    word=${{words[i]}}
    case $word in
      (--*=*) ;;
      (-*) _roll_option_value "$cmd" "$word" && ((i++)) ;;
      (*)
        _roll_subcommands "$cmd"
        if (( ${{reply[(I)$word:*]}} )); then cmd=${{cmd:+$cmd }}$word; fi
        ;;
    esac
  done
  if [[ $PREFIX == --*=* ]]; then
    option=${{PREFIX%%=*}}
    compset -P '*='
    _roll_option_value "$cmd" "$option" && _roll_values "$REPLY" "$roll"
    return
  fi
  option=${{words[CURRENT-1]}}
  if ((CURRENT > 2)) && [[ $option == -* ]] && _roll_option_value "$cmd" "$option"; then
    _roll_values "$REPLY" "$roll"
    return
  fi
  if [[ $PREFIX == -* ]]; then
    _roll_options "$cmd"
    _describe -t options option reply
    return
  fi
  _roll_subcommands "$cmd"
  (( $#reply )) && _describe -t commands command reply
  _roll_positional "$cmd"
  _roll_values "$REPLY" "$roll"
}}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _roll "$@"
else
  compdef _roll roll
fi
)SH";

// zsh's _describe takes "name:description".
std::string described(std::string_view name, std::string_view help) {
  return sq(fmt::format("{}:{}", name, first_line(help)));
}

std::string zsh_script(const std::vector<CommandSpec>& commands) {
  std::string subs, opts, values, positionals;
  for (const auto& c : commands) {
    std::vector<std::string> names, flags;
    for (const auto& [name, help] : c.subcommands) names.push_back(described(name, help));
    for (const auto& o : c.options) {
      for (const auto& f : o.flags) {
        flags.push_back(described(f, o.help));
        if (o.takes_value) {
          values += fmt::format("    ({}) REPLY={} ;;\n", sq(c.path + "|" + f),
                                sq(value_word(o.kind, o.choices)));
        }
      }
    }
    if (!names.empty()) subs += fmt::format("    ({}) reply=({}) ;;\n", sq(c.path), words(names));
    opts += fmt::format("    ({}) reply=({}) ;;\n", sq(c.path), words(flags));
    if (c.positional != Kind::none) {
      positionals += fmt::format("    ({}) REPLY={} ;;\n", sq(c.path),
                                 sq(value_word(c.positional, c.positional_choices)));
    }
  }
  return fmt::format(fmt::runtime(kZshScript), subs, opts, values, positionals, zone_words());
}

constexpr const char* kFishScript =
    R"SH(# fish completion for roll. Generated by `roll completion fish` from roll's own command tree.
# Routine names are looked up when you press Tab, by running `roll completion --routines`.

function __roll_subcommands
    switch "$argv[1]"
{}    end
end

# Succeeds for an option that takes a value.
function __roll_option_value
    switch "$argv[1]|$argv[2]"
{}    end
    return 1
end

# The command the cursor is in: skip options and their values, descend into subcommands.
function __roll_command
    set -l tokens (commandline -opc)
    set -l cmd ''
    set -l skip 0
    for word in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case '--*=*'
            case '-*'
                if __roll_option_value "$cmd" $word
                    set skip 1
                end
            case '*'
                if contains -- $word (__roll_subcommands "$cmd")
                    set cmd (string trim -- "$cmd $word")
                end
        end
    end
    echo $cmd
end

function __roll_in
    set -l cmd (__roll_command)
    test "$cmd" = "$argv[1]"
end

function __roll_routines
    set -l tokens (commandline -opc)
    $tokens[1] completion --routines 2>/dev/null
end

function __roll_rules
    set -l tokens (commandline -opc)
    $tokens[1] completion --rules 2>/dev/null
end

complete -c roll -f
{})SH";

std::string fish_value(Kind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case Kind::choice:
      return " -x -a " + sq(words(choices));
    case Kind::routine:
      return " -x -a '(__roll_routines)'";
    case Kind::routine_or_file:
      return " -r -F -a '(__roll_routines)'";
    case Kind::rule:
      return " -x -a '(__roll_rules)'";
    case Kind::zone:
      return " -x -a " + sq(zone_words());
    case Kind::file:
      return " -r -F";
    case Kind::none:
      break;
  }
  return " -x";
}

std::string fish_script(const std::vector<CommandSpec>& commands) {
  std::string subs, values, lines;
  for (const auto& c : commands) {
    std::vector<std::string> names;
    // Command paths are plain words, so the condition quotes simply.
    std::string in = fmt::format("\"__roll_in '{}'\"", c.path);
    for (const auto& [name, help] : c.subcommands) {
      names.push_back(name);
      lines +=
          fmt::format("complete -c roll -n {} -a {} -d {}\n", in, sq(name), sq(first_line(help)));
    }
    if (!names.empty()) {
      subs +=
          fmt::format("        case {}\n            printf '%s\\n' {}\n", sq(c.path), words(names));
    }
    for (const auto& o : c.options) {
      std::string spec;
      for (const auto& f : o.flags) {
        spec += f.starts_with("--") ? " -l " + f.substr(2) : " -s " + f.substr(1);
        if (o.takes_value) {
          values += fmt::format("        case {}\n            return 0\n", sq(c.path + "|" + f));
        }
      }
      if (o.takes_value) spec += fish_value(o.kind, o.choices);
      lines += fmt::format("complete -c roll -n {}{} -d {}\n", in, spec, sq(first_line(o.help)));
    }
    if (c.positional != Kind::none) {
      std::string value = fish_value(c.positional, c.positional_choices);
      // A positional is not an option's value: -x/-r only say "takes an argument" there.
      if (value.starts_with(" -x")) value.erase(0, 3);
      if (value.starts_with(" -r -F")) value.erase(0, 3);
      lines += fmt::format("complete -c roll -n {}{}\n", in, value);
    }
  }
  return fmt::format(fmt::runtime(kFishScript), subs, values, lines);
}

bool plain_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

}  // namespace

void declare_completion(CLI::App& app, CompletionOptions& opts) {
  auto* cmd =
      app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  cmd->add_option("shell", opts.shell, "The shell: bash, zsh or fish")
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  // What the scripts run when Tab is pressed; not for people, so hidden.
  cmd->add_flag("--routines", opts.routines, "Print the routine names, one a line")->group("");
  cmd->add_flag("--rules", opts.rules, "Print the lint rule names, one a line")->group("");
  cmd->footer(
      "\nExamples:\n"
      "  source <(roll completion bash)      # try it in this shell\n"
      "  roll completion fish > ~/.config/fish/completions/roll.fish\n"
      "\nInstalled copies: share/bash-completion/completions/roll,\n"
      "share/zsh/vendor-completions/_roll and share/fish/vendor_completions.d/roll.fish.");
  // The scripts are generated from the whole command tree, which app.cpp builds for completion.
  opts.root = &app;
}

int run_completion(Context& ctx, const CompletionOptions& opts) {
  if (opts.routines) {
    for (const auto& file : platform::discover_routines(ctx.env)) {
      // A name a shell would split or mangle is not offered; its path still works.
      if (plain_name(file.name)) fmt::print(ctx.out, "{}\n", file.name);
    }
    return exit_ok;
  }
  if (opts.rules) {
    for (const auto& rule : all_rules()) fmt::print(ctx.out, "{}\n", rule.name);
    return exit_ok;
  }
  if (opts.shell.empty()) {
    throw Failure(exit_usage, "say which shell: roll completion bash, zsh or fish");
  }
  std::vector<CommandSpec> commands;
  collect(*opts.root, "", commands);
  if (opts.shell == "bash") {
    fmt::print(ctx.out, "{}", bash_script(commands));
  } else if (opts.shell == "zsh") {
    fmt::print(ctx.out, "{}", zsh_script(commands));
  } else {
    fmt::print(ctx.out, "{}", fish_script(commands));
  }
  return exit_ok;
}

}  // namespace roll::cli
