// `roll remind`, in process: cron, systemd and ics, and --install/--uninstall.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::kLocalNow;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

// A PATH of this home's own bin/: a fake `crontab` that keeps the crontab in bin/crontab.txt (shell
// builtins only, so the PATH needs nothing else), and notify-send when `notify` says so. The
// machine's crontab is never run.
std::map<std::string, std::string> fake_tools(const TempDir& home, bool notify = true) {
  auto bin = home.path() / "bin";
  home.write("bin/crontab",
             "#!/bin/sh\n"
             "f=\"${0%/*}/crontab.txt\"\n"
             "case \"$1\" in\n"
             "  -l) [ -f \"$f\" ] || { echo \"no crontab for you\" >&2; exit 1; }\n"
             "      while IFS= read -r l; do printf '%s\\n' \"$l\"; done < \"$f\" ;;\n"
             "  -) : > \"$f\"; while IFS= read -r l; do printf '%s\\n' \"$l\" >> \"$f\"; done ;;\n"
             "  *) exit 2 ;;\n"
             "esac\n");
  std::filesystem::permissions(bin / "crontab", std::filesystem::perms::owner_all);
  if (notify) {
    home.write("bin/notify-send", "#!/bin/sh\nexit 0\n");
    std::filesystem::permissions(bin / "notify-send", std::filesystem::perms::owner_all);
  }
  return {{"PATH", bin.string()}};
}

}  // namespace

TEST_CASE("roll remind: cron, systemd and ics") {
  TempDir home;
  auto cron = roll_now(home, {"remind", "--at", "21:30", "--cron"});
  CHECK(cron.exit_code == 0);
  CHECK(cron.out.starts_with("30 21 * * * "));
  CHECK(has(cron.out, "/roll' due --quiet && "));
  CHECK(has(cron.out, "DBUS_SESSION_BUS_ADDRESS="));
  CHECK(std::count(cron.out.begin(), cron.out.end(), '\n') == 1);
  CHECK(roll_now(home, {"remind", "--at", "07:05", "--days", "sat,sun", "--cron"})
            .out.starts_with("5 7 * * 0,6 "));

  auto systemd = roll_now(home, {"remind", "--at", "21:30", "--days", "mon,wed,fri", "--systemd"});
  CHECK(systemd.exit_code == 0);
  CHECK(has(systemd.out, "[Service]\nType=oneshot\n"));
  CHECK(has(systemd.out, "OnCalendar=Mon,Wed,Fri *-*-* 21:30:00\nPersistent=true\n"));
  CHECK(has(systemd.out, "systemctl --user enable --now roll-reminder.timer"));

  auto install = roll_now(home, {"remind", "--at", "22:00", "--systemd", "--install"});
  CHECK(install.exit_code == 0);
  auto timer = slurp(home.path() / "config" / "systemd" / "user" / "roll-reminder.timer");
  CHECK(has(timer, "OnCalendar=*-*-* 22:00:00\n"));
  CHECK(std::filesystem::exists(home.path() / "config" / "systemd" / "user" /
                                "roll-reminder.service"));

  // Made on Monday 2026-11-23, local time in the run's zone (DTSTART is a local date).
  auto ics = roll_at(home, kLocalNow, {"remind", "--at", "21:30", "--ics"});
  CHECK(ics.exit_code == 0);
  CHECK(ics.out.starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(has(ics.out, "DTSTART:20261123T213000\r\n"));
  CHECK(has(ics.out, "RRULE:FREQ=DAILY\r\n"));
  CHECK(has(ics.out, "BEGIN:VALARM\r\n"));
  // DTSTAMP is the instant it was made, in UTC.
  CHECK(has(roll_now(home, {"remind", "--at", "21:30", "--ics"}).out,
            "DTSTAMP:20261123T210000Z\r\n"));
  CHECK(has(roll_at(home, kLocalNow, {"remind", "--at", "21:30", "--days", "tue,thu", "--ics"}).out,
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n"));

  // Made on Monday 2026-11-23 for Tuesdays and Thursdays: the first occurrence is the Tuesday.
  CHECK(has(roll_at(home, kLocalNow, {"remind", "--at", "21:30", "--days", "tue,thu", "--ics"}).out,
            "DTSTART:20261124T213000\r\n"));
  CHECK(roll_now(home, {"remind", "--at", "25:00", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--cron", "--ics"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--days", "funday", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--install"}, fake_tools(home)).exit_code == 2);
}

TEST_CASE("roll remind --cron --install twice leaves one line, and --uninstall alone removes it") {
  TempDir home;
  auto tools = fake_tools(home);
  auto crontab = home.path() / "bin" / "crontab.txt";
  std::ofstream(crontab, std::ios::binary) << "MAILTO=me\n# backups\n0 3 * * * backup\n";
  std::vector<std::string> install{"remind", "--at", "21:30", "--cron", "--install"};
  auto first = roll_now(home, install, tools);
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(has(first.out, "Added roll's reminder in your crontab"));
  auto second = roll_now(home, install, tools);
  REQUIRE(second.exit_code == 0);
  CHECK(has(second.out, "Replaced roll's reminder in your crontab"));
  std::string text = slurp(crontab);
  CHECK(text.starts_with("MAILTO=me\n# backups\n0 3 * * * backup\n30 21 * * * "));
  CHECK(std::count(text.begin(), text.end(), '\n') == 4);
  CHECK(has(text, "due --quiet"));
  CHECK(has(text, "# roll-reminder"));
  // Another time replaces it too.
  REQUIRE(roll_now(home, {"remind", "--at", "07:00", "--cron", "--install"}, tools).exit_code == 0);
  text = slurp(crontab);
  CHECK(std::count(text.begin(), text.end(), '\n') == 4);
  CHECK(has(text, "\n0 7 * * * "));

  // Without a crontab yet, --install makes one.
  std::filesystem::remove(crontab);
  REQUIRE(roll_now(home, install, tools).exit_code == 0);
  text = slurp(crontab);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);

  // --uninstall alone: the systemd units and the crontab line, nothing else.
  // Read before the stream opens: opening it empties the file.
  std::string only_roll = slurp(crontab);
  std::ofstream(crontab, std::ios::binary) << "MAILTO=me\n" << only_roll;
  REQUIRE(roll_now(home, {"remind", "--at", "21:30", "--systemd", "--install"}, tools).exit_code ==
          0);
  auto removed = roll_now(home, {"remind", "--uninstall"}, tools);
  REQUIRE_MESSAGE(removed.exit_code == 0, removed.err);
  CHECK(has(removed.out, "Removed roll's reminder from your crontab"));
  CHECK(slurp(crontab) == "MAILTO=me\n");
  CHECK_FALSE(std::filesystem::exists(home.path() / "config/systemd/user/roll-reminder.timer"));
  auto again = roll_now(home, {"remind", "--uninstall"}, tools);
  CHECK(again.exit_code == 0);
  CHECK(has(again.out, "No roll reminder in your crontab"));
}

TEST_CASE("roll remind says when notify-send is missing, and which package has it") {
  TempDir home;
  for (auto args : {std::vector<std::string>{"remind"},
                    {"remind", "--at", "21:30", "--cron"},
                    {"remind", "--at", "21:30", "--systemd"}}) {
    CAPTURE(args.size());
    auto without = roll_now(home, args, fake_tools(home, false));
    CHECK(without.exit_code == 0);
    CHECK(has(without.err, "notify-send is not installed"));
    CHECK(has(without.err, "libnotify-bin"));
  }
  TempDir other;
  auto with = roll_now(other, {"remind", "--at", "21:30", "--cron"}, fake_tools(other));
  CHECK_FALSE(has(with.err, "notify-send"));
  // A calendar's alarm needs no notify-send.
  auto ics = roll_now(home, {"remind", "--at", "21:30", "--ics"}, fake_tools(home, false));
  CHECK_FALSE(has(ics.err, "notify-send"));
}

TEST_CASE(
    "roll remind --install from a build tree says the path will go stale, and how to install") {
  // The in-process suite runs as the build tree's bin/roll.
  TempDir home;
  auto r = roll_now(home, {"remind", "--at", "21:30", "--systemd", "--install"}, fake_tools(home));
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.err, "is in a build tree"));
  CHECK(has(r.err, "cmake --install build/release --prefix ~/.local"));
  auto printed = roll_now(home, {"remind", "--at", "21:30", "--systemd"}, fake_tools(home));
  CHECK_FALSE(has(printed.err, "build tree"));
}

TEST_CASE("roll remind with no format explains the three formats") {
  TempDir home;
  for (auto args : {std::vector<std::string>{"remind"}, {"remind", "--at", "21:30"}}) {
    auto r = roll_now(home, args, fake_tools(home));
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "--cron"));
    CHECK(has(r.out, "--systemd"));
    CHECK(has(r.out, "--ics"));
    CHECK(r.err.empty());
  }
}

TEST_CASE("roll remind --install keeps a hand-edited unit unless --force, and --uninstall") {
  TempDir home;
  auto dir = home.path() / "config" / "systemd" / "user";
  auto tools = fake_tools(home);
  std::vector<std::string> install{"remind", "--at", "21:30", "--systemd", "--install"};
  REQUIRE(roll_now(home, install).exit_code == 0);
  // The same units again: nothing differs, nothing is refused.
  CHECK(roll_now(home, install).exit_code == 0);

  std::string edited = slurp(dir / "roll-reminder.timer") + "# my own note\n";
  std::ofstream(dir / "roll-reminder.timer", std::ios::binary) << edited;
  auto refused = roll_now(home, install);
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "roll-reminder.timer already exists and differs"));
  CHECK(has(refused.err, "--force"));
  CHECK(slurp(dir / "roll-reminder.timer") == edited);

  install.push_back("--force");
  auto forced = roll_now(home, install);
  CHECK(forced.exit_code == 0);
  CHECK(has(forced.out, "roll-reminder.timer.bak"));
  CHECK(slurp(dir / "roll-reminder.timer.bak") == edited);
  CHECK_FALSE(has(slurp(dir / "roll-reminder.timer"), "my own note"));

  std::filesystem::create_directories(dir / "timers.target.wants");
  std::filesystem::create_symlink(dir / "roll-reminder.timer",
                                  dir / "timers.target.wants" / "roll-reminder.timer");
  auto removed = roll_now(home, {"remind", "--uninstall"}, tools);
  CHECK(removed.exit_code == 0);
  CHECK(has(removed.out, "systemctl --user daemon-reload"));
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.service"));
  CHECK_FALSE(std::filesystem::is_symlink(dir / "timers.target.wants" / "roll-reminder.timer"));
  CHECK(std::filesystem::exists(dir / "roll-reminder.timer.bak"));

  // A unit roll did not write is not removed without --force.
  std::ofstream(dir / "roll-reminder.timer", std::ios::binary) << "[Timer]\nOnCalendar=daily\n";
  CHECK(roll_now(home, {"remind", "--uninstall"}, tools).exit_code == 2);
  CHECK(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK(roll_now(home, {"remind", "--uninstall", "--force"}, tools).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK(roll_now(home, {"remind", "--uninstall"}, tools).exit_code == 0);
}
