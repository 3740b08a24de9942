// roll new NAME [--from ROUTINE] [--edit]: a commented routine of your own, ready to edit, in the
// user routines directory. It never overwrites a file.
#include <fmt/core.h>
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/routine_loading.hpp"
#include "platform/atomic_file.hpp"
#include "platform/editor.hpp"
#include "platform/routine_files.hpp"
#include "roll/limits.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/routine_edit.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

// The template passes `roll lint --strict`: two minutes on the thoracic zone at 30 s a spot (the
// beginner limit), intensity 5, and the first article's three minutes of movement last. Its level
// and roller are the profile's (beginner and soft without one).
constexpr const char* kTemplate =
    R"TOML(# {name}: a routine of your own, made by `roll new`. Edit it, then check it:
#   roll lint --strict {name}    the safety and technique rules from the articles
#   roll show {name}             every step, with its timing and the total
#   roll session {name}          run it
# The format, key by key, is in roll's routines/README.md and in routine.schema.json (installed
# beside the bundled routines, in share/roll/routines). The articles' rules of thumb: never put
# the roller under the lower back, the neck or a joint, nor walk it toward them; aim for a
# pressure of around a 6 or 7 out of 10 (the first article's target; 7 is roll's own ceiling; a
# beginner's session, or one with a condition a clinician cleared, asks 5 at most: roll's own
# reading of the second article's "start slow and small", whose 30 s a spot a beginner keeps to);
# roll slowly; give each zone you work two minutes; and end with three minutes of moving. How
# much: five minutes of slow work every night (the first article), or 10-15 minutes 1-4 times a
# day (the second): the two disagree. After rolling, massage or hot and cold therapy can help too
# (the second). `roll lint` reads the keys and step names, never the cues: make each cue say
# what its keys say.
schema = 1
name = "{name}"
title = "{title}"
summary = "Mid-back extension over the roller, position by position, then move."
level = "{level}"{level_pad} # beginner, intermediate or advanced
roller = "{roller}"{roller_pad} # soft, medium, firm, textured, peanut or ball
# A beginner starts on a soft roller (the first article; roll warns about any other); the second
# article finds a smooth, stiff, 6-inch roller works best for the upper back. A peanut (two balls
# joined) goes with the spine in its gap, which protects the bony bumps of the spine.
purpose = "release"             # release, warm-up, recovery, bedtime or break
resume_after_injury_hours = 48  # wait 48-72 h after an acute injury before rolling it
sources = ["first article: thoracic extension, three breaths per position, then move"]

# Each [[step]] runs in order. Its timing is exactly one of `seconds`, `breaths` or `reps`, repeated
# at `positions` positions and, with side = "both", on each side.
[[step]]
name = "Thoracic extension"
kind = "hold"                   # on the roller; only movement (or on_roller = false) is off it
pose = "thoracic-extension"     # the figure roll draws: routines/README.md lists the poses
zone = "thoracic"               # the mid-back; lumbar, neck, knee, ankle and elbow: never pressed
breaths = 3                     # three slow breaths at each position (30 s)...
positions = 4                   # ...at four positions an inch apart: two minutes in all,
move = "up"                     # up from the base of the rib cage; never down, toward the low back
breath = {{ inhale = 4, exhale = 6 }}
intensity = 5                   # the pressure as felt, out of 10: 7 at most
cue = """
Roller across your back at the base of the rib cage, hands behind your head: support your head, \
do not pull on your neck. Lean back over it and breathe out. After three slow breaths, move the \
roller up an inch. A pop or two is usually just gas leaving the joints, and not the goal."""

# End by moving, three minutes: the first article warns that the tension comes back within twenty
# minutes if you roll and then sit down.
[[step]]
name = "Cat-cow and thread the needle"
kind = "movement"
pose = "cat-cow"
zone = "full-body"
seconds = 180
cue = """
Off the roller, on hands and knees: round the back up, then let it sag and look forward, with the \
breath; then slide one arm under the body and open it to the ceiling, each side."""
)TOML";

// "evening-back" -> "Evening back".
std::string title_of(std::string_view name) {
  std::string title(name);
  std::replace(title.begin(), title.end(), '-', ' ');
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = char(title[0] - 'a' + 'A');
  return title;
}

// `text` as a TOML basic string, quotes and escapes written by toml++. Sanitized first: a
// name that is not clean UTF-8 would otherwise make the new file unreadable, and it only
// labels (the `--from` in the header comment).
std::string toml_quoted(std::string_view text) {
  // Double quotes always (no literal strings), as the rest of the file writes them.
  toml::value<std::string> value(sanitize(text));
  std::ostringstream out;
  out << toml::toml_formatter{value, toml::format_flags::allow_unicode_strings};
  return out.str();
}

// Editors (taplo, Even Better TOML) read a first-line `#:schema` directive; the schema is
// installed beside the bundled routines, so point at it where this roll finds them.
std::string schema_line(const platform::Environment& env) {
  auto schema = env.bundled_routines_dir() / "routine.schema.json";
  std::error_code ec;
  // A binary in a build tree (CMakeCache.txt beside its bin/) is not installed: the absolute path
  // would go stale in the user's routine once the build is removed, so none is written.
  if (std::filesystem::exists(env.exe_dir / ".." / "CMakeCache.txt", ec)) return {};
  if (!std::filesystem::is_regular_file(schema, ec)) return {};
  // A directive cannot be quoted: a path that would need it (a newline in the install prefix
  // would start a line of its own) is left out, and editors simply do without the schema.
  if (sanitize(schema.string()) != schema.string()) return {};
  return fmt::format("#:schema {}\n", schema.string());
}

// A copy of `text` named `name`, with a title of its own (two routines with one title cannot be
// told apart in `roll list`): the old `#:schema` line is dropped (it was relative to the original's
// folder) and the top-level `name` and `title` rewritten, every other line kept.
std::string copy_as(std::string_view text, const std::string& name, const std::string& from,
                    const std::string& schema) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  std::string body;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    if (!line.starts_with("#:schema")) body += line;
  }
  auto renamed = with_name_and_title(body, name, title_of(name));
  if (!renamed) {
    throw Failure(exit_usage,
                  fmt::format("cannot copy '{}': it does not parse as TOML", sanitize(from)));
  }
  std::string out = schema;
  out +=
      fmt::format("# {}: made by `roll new {} --from {}`. Check it with `roll lint --strict {}`.\n",
                  name, name, toml_quoted(from), name);
  out += *renamed;
  if (!out.ends_with('\n')) out += '\n';
  return out;
}

}  // namespace

void declare_new(CommandSpec& roll, NewOptions& opts) {
  auto& cmd = roll.command("new", "Write a new routine of your own, ready to edit");
  cmd.option("name", opts.name, "The new routine's name: lower-case letters, digits and '-'")
      .required();
  cmd.option("--from", opts.from, "Start from a copy of this routine instead of the template")
      .value_name("ROUTINE")
      .completes(Completion::routine);
  cmd.flag("--edit", opts.edit, "Open the new file in $VISUAL or $EDITOR");
  cmd.footer =
      "\nExamples:\n"
      "  roll new evening --edit\n"
      "  roll new my-thoracic --from thoracic\n"
      "\nThe file goes to $XDG_CONFIG_HOME/roll/routines/NAME.toml (default ~/.config/roll/...);\n"
      "an existing file is never overwritten. The template takes its level and roller from your\n"
      "profile (config.toml); a copy made with --from keeps the original's level and roller, and\n"
      "gets a title of its own from NAME (evening: \"Evening\").";
}

int run_new(Context& ctx, UserData& user, const NewOptions& opts) {
  if (!is_routine_name(opts.name)) {
    throw Failure(exit_usage,
                  fmt::format("'{}' is not a routine name: use lower-case letters, digits and "
                              "'-', starting with a letter or digit (e.g. evening-back)",
                              sanitize(opts.name)));
  }
  std::string schema = schema_line(ctx.env);
  std::string text;
  if (opts.from.empty()) {
    const Profile& profile = user.profile();
    std::string level(to_string(profile.level.value_or(Level::beginner)));
    std::string roller(to_string(profile.roller.value_or(Roller::soft)));
    // The comments stay in one column whatever the words are.
    auto pad = [](const std::string& word, std::size_t key) {
      std::size_t used = key + word.size() + 2;
      return std::string(used < 31 ? 31 - used : 0, ' ');
    };
    text = schema + fmt::format(fmt::runtime(kTemplate), fmt::arg("name", opts.name),
                                fmt::arg("title", title_of(opts.name)), fmt::arg("level", level),
                                fmt::arg("level_pad", pad(level, 8)), fmt::arg("roller", roller),
                                fmt::arg("roller_pad", pad(roller, 9)));
  } else {
    auto source = load_named_routine(ctx, opts.from);
    std::string original;
    try {
      original = platform::read_text_file(source.file.path, limits::max_file_bytes);
    } catch (const platform::FileError& e) {
      throw Failure(exit_usage, sanitize(e.what()));
    }
    text = copy_as(original, opts.name, source.file.name, schema);
  }
  auto path = ctx.env.user_routines_dir() / (opts.name + ".toml");
  switch (platform::create_new_file(path, text)) {
    case platform::CreateResult::created:
      break;
    case platform::CreateResult::exists:
      throw Failure(exit_usage, fmt::format("{} already exists; edit it, or choose another name",
                                            sanitize(path.string())));
    case platform::CreateResult::failed:
      throw Failure(exit_usage, fmt::format("cannot write {}: {}", sanitize(path.string()),
                                            std::strerror(errno)));
  }
  fmt::print(ctx.out, "Wrote {}\n", sanitize(path.string()));
  // A beginner's firm roller, say, is worth knowing before the first session.
  if (auto loaded = load_routine(text, path.string()); loaded.routine) {
    print_diagnostics(ctx, lint_routine(*loaded.routine, path.string()));
  }
  if (opts.edit) {
    std::fflush(ctx.out);
    int status = platform::open_in_editor(path);
    if (status != 0) {
      throw Failure(exit_usage, fmt::format("the editor exited with status {}; {} is kept", status,
                                            sanitize(path.string())));
    }
  }
  fmt::print(ctx.out, "Check it with `roll lint --strict {0}`, then run it: `roll session {0}`\n",
             opts.name);
  return exit_ok;
}

}  // namespace roll::cli
