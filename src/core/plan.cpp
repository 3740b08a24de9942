#include "roll/plan.hpp"

#include <algorithm>

namespace roll {

namespace {

using std::chrono::seconds;

// Steps where the pacer runs: everything held still or rolled slowly. Movement and rest are
// free-form, so they get one steady segment.
bool paced(StepKind kind) {
  return kind != StepKind::movement && kind != StepKind::rest;
}

class Builder {
 public:
  explicit Builder(Plan& plan) : plan_(plan) {}

  void segment(Phase phase, Millis length, int number) {
    if (length <= Millis{0}) return;
    plan_.segments.push_back(Segment{phase, cursor_, length, number});
    cursor_ += length;
  }

  void block(bool get_ready, std::size_t step, Side side, int position, auto&& fill) {
    Block block{get_ready, step, side, position, cursor_, Millis{0}, plan_.segments.size(), 0};
    fill();
    block.length = cursor_ - block.start;
    block.segment_count = plan_.segments.size() - block.first_segment;
    if (block.length > Millis{0}) plan_.blocks.push_back(block);
  }

  [[nodiscard]] Millis cursor() const { return cursor_; }

 private:
  Plan& plan_;
  Millis cursor_{0};
};

void fill_breaths(Builder& b, const Breath& breath, int count) {
  for (int n = 1; n <= count; ++n) {
    b.segment(Phase::inhale, seconds(breath.inhale), n);
    b.segment(Phase::hold_in, seconds(breath.hold_in), n);
    b.segment(Phase::exhale, seconds(breath.exhale), n);
    b.segment(Phase::hold_out, seconds(breath.hold_out), n);
  }
}

// A hold timed in seconds still gets a breathing pacer: whole breaths, the last one cut short
// when the hold ends.
void fill_paced_seconds(Builder& b, const Breath& breath, Millis length) {
  const Phase phases[] = {Phase::inhale, Phase::hold_in, Phase::exhale, Phase::hold_out};
  const int lengths[] = {breath.inhale, breath.hold_in, breath.exhale, breath.hold_out};
  Millis left = length;
  for (int n = 1; left > Millis{0}; ++n) {
    for (int i = 0; i < 4 && left > Millis{0}; ++i) {
      Millis phase = std::min<Millis>(seconds(lengths[i]), left);
      b.segment(phases[i], phase, n);
      left -= phase;
    }
    if (breath.cycle_seconds() <= 0) break;  // the loader forbids this; never loop forever
  }
}

void fill_reps(Builder& b, int reps, int rep_seconds) {
  Millis rep = seconds(rep_seconds);
  Millis up = rep / 2;
  for (int n = 1; n <= reps; ++n) {
    b.segment(Phase::rep_up, up, n);
    b.segment(Phase::rep_down, rep - up, n);
  }
}

void fill_work(Builder& b, const Step& step) {
  switch (step.unit) {
    case TimingUnit::breaths:
      fill_breaths(b, step.breath, step.count);
      return;
    case TimingUnit::reps:
      fill_reps(b, step.count, step.rep_seconds);
      return;
    case TimingUnit::seconds:
      if (paced(step.kind)) {
        fill_paced_seconds(b, step.breath, seconds(step.count));
      } else {
        b.segment(Phase::steady, seconds(step.count), 0);
      }
      return;
  }
}

}  // namespace

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::get_ready:
      return "get-ready";
    case Phase::inhale:
      return "inhale";
    case Phase::hold_in:
      return "hold-in";
    case Phase::exhale:
      return "exhale";
    case Phase::hold_out:
      return "hold-out";
    case Phase::rep_up:
      return "rep-up";
    case Phase::rep_down:
      return "rep-down";
    case Phase::steady:
      return "steady";
  }
  return "steady";
}

Plan make_plan(const Routine& routine, const PlanOptions& options) {
  Plan plan;
  Builder b(plan);
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const Step& step = routine.steps[i];
    std::vector<Side> sides =
        step.side == Side::both ? std::vector{Side::left, Side::right} : std::vector{step.side};
    for (std::size_t s = 0; s < sides.size(); ++s) {
      for (int position = 1; position <= step.positions; ++position) {
        bool first_pass = s == 0 && position == 1;
        Millis ready = first_pass ? options.get_ready_step : options.get_ready_move;
        if (i == 0 && first_pass && options.first_get_ready) ready = *options.first_get_ready;
        b.block(true, i, sides[s], position, [&] { b.segment(Phase::get_ready, ready, 0); });
        Millis before = b.cursor();
        b.block(false, i, sides[s], position, [&] { fill_work(b, step); });
        plan.work += b.cursor() - before;
      }
    }
  }
  plan.total = b.cursor();
  return plan;
}

Moment moment_at(const Plan& plan, Millis elapsed) {
  Moment m;
  if (plan.segments.empty() || elapsed >= plan.total) {
    m.finished = true;
    m.block = plan.blocks.empty() ? 0 : plan.blocks.size() - 1;
    m.segment = plan.segments.empty() ? 0 : plan.segments.size() - 1;
    m.block_progress = 1;
    m.total_progress = 1;
    return m;
  }
  elapsed = std::max(elapsed, Millis{0});
  // Segments and blocks are contiguous and sorted by start: the one containing `elapsed` is the
  // last one starting at or before it.
  auto by_start = [](Millis t, const auto& x) { return t < x.start; };
  auto seg = std::upper_bound(plan.segments.begin(), plan.segments.end(), elapsed, by_start) - 1;
  auto blk = std::upper_bound(plan.blocks.begin(), plan.blocks.end(), elapsed, by_start) - 1;
  m.segment = static_cast<std::size_t>(seg - plan.segments.begin());
  m.block = static_cast<std::size_t>(blk - plan.blocks.begin());
  m.segment_left = seg->start + seg->length - elapsed;
  m.block_left = blk->start + blk->length - elapsed;
  m.total_left = plan.total - elapsed;
  m.block_progress = static_cast<double>((elapsed - blk->start).count()) /
                     static_cast<double>(blk->length.count());
  m.total_progress = static_cast<double>(elapsed.count()) / static_cast<double>(plan.total.count());
  return m;
}

Millis resize_block(Plan& plan, const Routine& routine, std::size_t index, Millis delta,
                    Millis not_before) {
  if (index >= plan.blocks.size() || delta == Millis{0}) return Millis{0};
  Block& block = plan.blocks[index];
  if (block.get_ready || block.step >= routine.steps.size()) return Millis{0};
  const Step& step = routine.steps[block.step];
  const Millis end = block.start + block.length;
  std::vector<Segment> added;
  std::size_t keep = block.segment_count;
  auto first = plan.segments.begin() + static_cast<std::ptrdiff_t>(block.first_segment);
  if (delta > Millis{0}) {
    Segment& last = *(first + static_cast<std::ptrdiff_t>(block.segment_count) - 1);
    Plan extra;
    Builder b(extra);
    if (last.phase == Phase::steady) {
      last.length += delta;  // one steady stretch, only longer
      b.segment(Phase::steady, delta, 0);
      extra.segments.clear();
    } else if (step.unit == TimingUnit::reps) {
      Millis rep = seconds(std::max(step.rep_seconds, 1));
      // Whole reps within what was asked, never more (the key says 15 s), and at least one.
      int reps = static_cast<int>(std::max<Millis::rep>(1, delta / rep));
      fill_reps(b, reps, step.rep_seconds);
    } else {
      fill_paced_seconds(b, step.breath, delta);
    }
    for (Segment seg : extra.segments) {
      seg.start += end;
      if (seg.number > 0) seg.number += last.number;
      added.push_back(seg);
    }
    delta = b.cursor();
  } else {
    Millis floor = std::max(not_before, block.start) + seconds(1);
    Millis new_end = std::max(end + delta, floor);
    if (new_end >= end) return Millis{0};
    delta = new_end - end;
    keep = 0;
    for (auto it = first; it != first + static_cast<std::ptrdiff_t>(block.segment_count); ++it) {
      if (it->start >= new_end) break;
      it->length = std::min(it->length, new_end - it->start);
      ++keep;
    }
  }
  const std::size_t old_count = block.segment_count;
  auto at = plan.segments.erase(first + static_cast<std::ptrdiff_t>(keep),
                                first + static_cast<std::ptrdiff_t>(old_count));
  plan.segments.insert(at, added.begin(), added.end());
  block.segment_count = keep + added.size();
  block.length += delta;
  const auto moved =
      static_cast<std::ptrdiff_t>(block.segment_count) - static_cast<std::ptrdiff_t>(old_count);
  for (std::size_t i = block.first_segment + block.segment_count; i < plan.segments.size(); ++i) {
    plan.segments[i].start += delta;
  }
  for (std::size_t i = index + 1; i < plan.blocks.size(); ++i) {
    plan.blocks[i].start += delta;
    plan.blocks[i].first_segment =
        static_cast<std::size_t>(static_cast<std::ptrdiff_t>(plan.blocks[i].first_segment) + moved);
  }
  plan.total += delta;
  plan.work += delta;
  return delta;
}

Millis drop_blocks(Plan& plan, std::size_t first, std::size_t last, Millis cut) {
  last = std::min(last, plan.blocks.size());
  if (first >= last) return Millis{0};
  const Block& head = plan.blocks[first];
  const Block& tail = plan.blocks[last - 1];
  const bool begun = head.start < cut && cut < head.start + head.length;
  const Millis from = begun ? cut : head.start;
  const Millis delta = tail.start + tail.length - from;
  Plan kept;
  kept.total = plan.total - delta;
  kept.work = plan.work;
  for (std::size_t i = 0; i < plan.blocks.size(); ++i) {
    Block block = plan.blocks[i];
    bool cut_here = begun && i == first;
    if (i >= first && i < last && !cut_here) {
      if (!block.get_ready) kept.work -= block.length;
      continue;
    }
    std::size_t begin = block.first_segment;
    block.first_segment = kept.segments.size();
    block.segment_count = 0;
    for (std::size_t s = begin; s < begin + plan.blocks[i].segment_count; ++s) {
      Segment seg = plan.segments[s];
      if (cut_here) {
        if (seg.start >= cut) break;
        seg.length = std::min(seg.length, cut - seg.start);
      } else if (i >= last) {
        seg.start -= delta;
      }
      kept.segments.push_back(seg);
      ++block.segment_count;
    }
    if (cut_here) {
      Millis shortened = block.length - (cut - block.start);
      if (!block.get_ready) kept.work -= shortened;
      block.length = cut - block.start;
    } else if (i >= last) {
      block.start -= delta;
    }
    kept.blocks.push_back(block);
  }
  plan = std::move(kept);
  return delta;
}

std::optional<Millis> next_boundary(const Plan& plan, Millis elapsed) {
  auto it = std::upper_bound(plan.segments.begin(), plan.segments.end(), elapsed,
                             [](Millis t, const Segment& s) { return t < s.start; });
  if (it != plan.segments.end()) return it->start;
  if (elapsed < plan.total) return plan.total;
  return std::nullopt;
}

}  // namespace roll
