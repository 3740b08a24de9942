// The whole TOML conformance corpus (valid and invalid files) through the built `roll lint`: no
// file crashes it or hangs it, and every file gets a diagnostic with file:line:col. None of the
// files is a routine, so each ends in errors and exit 1; the files that are valid TOML 1.0 get
// schema errors, not syntax errors. Files go 100 to an invocation (one per file would be ~800
// runs of the binary, too slow under ASan); a batch that crashes or hangs is run again file by
// file to name the file to blame.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "run_roll.hpp"
#include "skip.hpp"

using namespace roll::test;
namespace fs = std::filesystem;
using std::chrono::seconds;

namespace {

constexpr std::size_t kBatch = 100;
// Generous: a batch takes well under a second; ASan and a loaded machine are slower, a hang is
// forever. A hang costs the deadline twice (the batch, then the file alone), within CTest's.
constexpr seconds kDeadline{60};

struct Finding {
  int line = 0;
  int column = 0;
  std::string rule;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// "PATH:LINE:COL: error[RULE]: ..." lines of the text format, by path.
std::map<std::string, std::vector<Finding>> parse_findings(const std::string& out) {
  std::map<std::string, std::vector<Finding>> found;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto toml = line.find(".toml:");
    if (toml == std::string::npos || line.empty() || line[0] == ' ') continue;
    std::string path = line.substr(0, toml + 5);
    std::size_t at = toml + 6;
    auto number = [&](int& value) {
      std::size_t start = at;
      while (at < line.size() && line[at] >= '0' && line[at] <= '9') ++at;
      if (at == start || at >= line.size() || line[at] != ':') return false;
      value = std::stoi(line.substr(start, at - start));
      ++at;
      return true;
    };
    Finding f;
    if (!number(f.line) || !number(f.column)) continue;
    auto open = line.find('[', at);
    auto close = line.find(']', at);
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    f.rule = line.substr(open + 1, close - open - 1);
    found[path].push_back(f);
  }
  return found;
}

struct BatchRun {
  std::vector<fs::path> files;
  std::optional<int> status;  // nothing: still running at the deadline (killed)
  std::string out;
  std::string err;
};

void run_batches(const TempDir& home, std::vector<BatchRun>& batches) {
  auto env = isolated_environment(home.path());
  // Two at a time: the binary is mostly start-up, and CI has two cores.
  for (std::size_t i = 0; i < batches.size(); i += 2) {
    std::vector<std::unique_ptr<Child>> running;
    for (std::size_t j = i; j < std::min(i + 2, batches.size()); ++j) {
      ChildOptions o;
      o.args = {"lint"};
      for (const auto& f : batches[j].files) o.args.push_back(f.string());
      o.env = env;
      o.stdout_file = home.path() / ("out" + std::to_string(j));
      o.stderr_file = home.path() / ("err" + std::to_string(j));
      running.push_back(std::make_unique<Child>(o));
    }
    for (std::size_t j = i; j < std::min(i + 2, batches.size()); ++j) {
      batches[j].status = running[j - i]->wait(kDeadline);
      batches[j].out = slurp(home.path() / ("out" + std::to_string(j)));
      batches[j].err = slurp(home.path() / ("err" + std::to_string(j)));
    }
  }
}

// A sanitizer report may end in an ordinary exit status (UBSan exits 1, as lint does).
bool sanitizer_report(const BatchRun& run) {
  return run.err.find("Sanitizer") != std::string::npos ||
         run.err.find("runtime error:") != std::string::npos;
}

bool ended_well(const BatchRun& run) {
  return run.status && WIFEXITED(*run.status) && !sanitizer_report(run);
}

std::string verdict(const BatchRun& run) {
  if (!run.status) return "no exit within the deadline (hang)";
  if (sanitizer_report(run)) return describe_status(*run.status) + " with " + run.err;
  return describe_status(*run.status);
}

}  // namespace

TEST_CASE("roll lint on every file of the TOML conformance corpus: a positioned error, exit 1") {
  const fs::path corpus = fs::absolute(fs::path(ROLL_CORPUS_DIR) / "tests").lexically_normal();
  ROLL_SKIP_UNLESS(fs::is_directory(corpus), "no TOML corpus at " + corpus.string());
  std::set<fs::path> valid_1_0;
  {
    std::ifstream list(corpus / "files-toml-1.0.0");
    std::string line;
    while (std::getline(list, line)) {
      if (line.rfind("valid/", 0) == 0) valid_1_0.insert(corpus / line);
    }
  }
  std::vector<fs::path> files;
  for (const char* part : {"valid", "invalid"}) {
    for (const auto& e : fs::recursive_directory_iterator(corpus / part)) {
      if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 500);
  REQUIRE(valid_1_0.size() > 100);

  std::vector<BatchRun> batches;
  for (std::size_t i = 0; i < files.size(); i += kBatch) {
    BatchRun b;
    b.files.assign(files.begin() + static_cast<std::ptrdiff_t>(i),
                   files.begin() + static_cast<std::ptrdiff_t>(std::min(i + kBatch, files.size())));
    batches.push_back(std::move(b));
  }
  TempDir home;
  run_batches(home, batches);

  std::size_t checked = 0;
  std::size_t schema_only = 0;
  for (const auto& batch : batches) {
    if (!ended_well(batch)) {
      // Name the file: each of the batch on its own.
      std::vector<BatchRun> singles;
      for (const auto& f : batch.files) singles.push_back(BatchRun{{f}, {}, {}, {}});
      run_batches(home, singles);
      for (const auto& s : singles) {
        CHECK_MESSAGE(ended_well(s), s.files[0].string() << ": " << verdict(s));
      }
      FAIL_CHECK("a batch of " << batch.files.size() << " files ended in " << verdict(batch));
      continue;
    }
    CHECK_MESSAGE(WEXITSTATUS(*batch.status) == 1, "exit " << WEXITSTATUS(*batch.status)
                                                           << " for the batch starting at "
                                                           << batch.files.front().string());
    auto findings = parse_findings(batch.out);
    for (const auto& f : batch.files) {
      ++checked;
      auto it = findings.find(f.string());
      if (it == findings.end()) {
        FAIL_CHECK("no diagnostic with file:line:col for " << f.string());
        continue;
      }
      bool positioned = std::all_of(it->second.begin(), it->second.end(),
                                    [](const Finding& d) { return d.line > 0 && d.column > 0; });
      CHECK_MESSAGE(positioned, f.string());
      if (valid_1_0.count(f) != 0) {
        bool syntax = std::any_of(it->second.begin(), it->second.end(),
                                  [](const Finding& d) { return d.rule == "syntax"; });
        CHECK_MESSAGE(!syntax, "valid TOML 1.0 reported as a syntax error: " << f.string());
        ++schema_only;
      }
    }
    // Nothing but the batch's own files is reported.
    for (const auto& [path, _] : findings) {
      CHECK_MESSAGE(
          std::find(batch.files.begin(), batch.files.end(), fs::path(path)) != batch.files.end(),
          "unexpected path in the output: " << path);
    }
  }
  CHECK(checked == files.size());
  MESSAGE("roll lint: " << files.size() << " corpus files in " << batches.size() << " runs; "
                        << schema_only << " valid TOML 1.0 files got schema errors");
}
