#include "cli/folder_sync.hpp"

#include <fmt/core.h>

#include "platform/wall_clock.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll::cli {

platform::SyncReport sync_with_folder(const Context& ctx, platform::HistoryStore& store,
                                      const std::filesystem::path& dir, SysSeconds now) {
  return platform::sync_folder(store, {dir, ctx.env.data_dir(), ctx.env.state_home, now});
}

std::string counts_text(const platform::MergeCounts& m) {
  std::string text = fmt::format("{} new, {} updated, {} known", m.added, m.updated, m.known);
  if (m.hidden > 0) text += fmt::format(", {} kept hidden as deleted", m.hidden);
  if (m.left_out > 0) text += fmt::format(", {} refused", m.left_out);
  return text;
}

void print_skipped_lines(Context& ctx, const std::vector<std::string>& problems) {
  for (const auto& p : problems) fmt::print(ctx.err, "roll: {}\n", sanitize(p));
}

std::string notice_text(const platform::MergeNotice& n) {
  using sync::Kind;
  std::string when = n.subject_at ? format_local(platform::to_local(*n.subject_at)) : std::string();
  std::string what;
  switch (n.kind) {
    case Kind::session:
      what = n.subject.empty() ? fmt::format("a session ({})", n.uid)
                               : fmt::format("the {} session of {}", n.subject, when);
      break;
    case Kind::injury:
      what = n.subject.empty() ? fmt::format("an injury ({})", n.uid)
                               : fmt::format("{} injury of {}", n.subject, when);
      break;
    case Kind::pain_stop:
      what = !n.subject_at ? fmt::format("a pain stop ({})", n.uid)
                           : fmt::format("the pain stop of {}{}", when,
                                         n.subject.empty() ? "" : " (" + n.subject + ")");
      break;
    case Kind::check_in:
      what = n.subject.empty() ? fmt::format("a check-in ({})", n.uid)
                               : fmt::format("the check-in of {}", n.subject);
      break;
    default:
      what = fmt::format("a {} ({})", sync::kind_name(n.kind), n.uid);
      break;
  }
  std::string change =
      n.change == "answered" ? "answered there: not asked again here today"
      : n.change == "deleted"
          ? fmt::format("deleted (`roll history restore {}` brings it back)", n.uid)
          : n.change;
  return sanitize(fmt::format("from device {}: {} {}", n.device.substr(0, 8), what, change));
}

void print_notices(Context& ctx, const platform::MergeCounts& counts) {
  bool injury = false;
  for (const auto& n : counts.notices) {
    fmt::print(ctx.out, "  {}\n", notice_text(n));
    injury = injury || (n.kind == sync::Kind::injury && n.change != "restored");
  }
  if (counts.more_notices > 0) {
    fmt::print(ctx.out, "  and {} more (`roll history deleted` lists what is deleted)\n",
               plural(counts.more_notices, "change"));
  }
  if (injury) {
    fmt::print(ctx.out,
               "An open injury cleared or deleted on another device keeps guarding here until "
               "you confirm that on this device: `roll injury list` shows it, `roll injury clear "
               "ID` confirms.\n");
  }
}

}  // namespace roll::cli
