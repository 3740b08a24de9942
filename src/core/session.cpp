#include "roll/session.hpp"

#include <algorithm>
#include <cmath>

#include "roll/duration.hpp"
#include "roll/keys.hpp"
#include "roll/pace.hpp"

namespace roll {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// How often, in clock time, a get-ready that waits for its words asks whether they are done.
constexpr Millis kSpeechPoll{100};

}  // namespace

std::optional<Command> command_for_key(char key, bool confirming, int* value, bool waiting) {
  if (key == '!') return Command::pain;  // always, whatever else is going on
  // A line-mode terminal (plain mode with --ready key) ends every key with '\n'; the full screen
  // sends '\r' for Enter. So '\n' starts a waiting block and is nothing else, not "go on".
  if (key == '\n' && !waiting) return std::nullopt;
  if (confirming) {
    if (key == 'y' || key == 'Y' || key == 'q' || key == 'Q') return Command::yes;
    return Command::no;
  }
  if (waiting && (key == ' ' || key == '\r' || key == '\n')) return Command::ready;
  switch (key) {
    case ' ':
    case 'p':
      return Command::toggle_pause;
    case 'n':
      return Command::skip;
    case 'b':
      return Command::restart;
    case 'q':
    case 'Q':
      return Command::quit;
    case '+':
    case '=':  // + without shift on most keyboards
      return Command::longer;
    case '-':
      return Command::shorter;
    case 'e':
    case 'E':
      return Command::top;
    default:
      break;
  }
  // One key per step of the 1-10 scale: 0 is 10, as on a phone's keypad.
  if (key >= '0' && key <= '9') {
    if (value) *value = key == '0' ? 10 : key - '0';
    return Command::pressure;
  }
  return std::nullopt;
}

const char* event_name(EventKind kind) {
  switch (kind) {
    case EventKind::started:
      return "started";
    case EventKind::get_ready:
      return "get-ready";
    case EventKind::step:
      return "step";
    case EventKind::phase:
      return "phase";
    case EventKind::rep:
      return "rep";
    case EventKind::tick:
      return "tick";
    case EventKind::paused:
      return "paused";
    case EventKind::resumed:
      return "resumed";
    case EventKind::skipped:
      return "skipped";
    case EventKind::restarted:
      return "restarted";
    case EventKind::quit_asked:
      return "quit-asked";
    case EventKind::quit_cancelled:
      return "quit-cancelled";
    case EventKind::pressure:
      return "pressure";
    case EventKind::ease_off:
      return "ease-off";
    case EventKind::finished:
      return "finished";
    case EventKind::hold_changed:
      return "hold-changed";
    case EventKind::hold_at_most:
      return "hold-at-most";
    case EventKind::waiting:
      return "waiting";
    case EventKind::climb_ended:
      return "climb-ended";
    case EventKind::turn:
      return "turn";
  }
  return "event";
}

SessionOptions after_care_options(const SessionOptions& session) {
  SessionOptions out;
  out.speed = session.speed;
  out.confirm_quit = false;
  out.speech_wait = session.speech_wait;
  out.user = session.user;
  return out;
}

Session::Session(const Routine& routine, Plan plan, SessionLog& log, SessionOptions options,
                 std::chrono::system_clock::time_point started_at)
    : routine_(routine), plan_(std::move(plan)), log_(log), options_(options) {
  if (!(options_.speed > 0)) options_.speed = 1.0;
  build_marks();
  zone_millis_.assign(routine_.steps.size(), Millis{0});
  block_change_.assign(plan_.blocks.size(), Millis{0});
  progress_.routine_name = routine_.name;
  progress_.routine_title = routine_.title;
  progress_.started_at = started_at;
  progress_.ended_at = started_at;
  progress_.planned_seconds = rounded_seconds(plan_.work);
  // The plan as written: what "most of its planned time on the roller" is measured against.
  for (const Block& block : plan_.blocks) {
    if (!block.get_ready && on_roller(routine_.steps[block.step])) roller_planned_ += block.length;
  }
}

void Session::build_marks() {
  marks_.clear();
  for (std::size_t b = 0; b < plan_.blocks.size(); ++b) {
    const Block& block = plan_.blocks[b];
    for (std::size_t s = 0; s < block.segment_count; ++s) {
      std::size_t seg = block.first_segment + s;
      marks_.push_back(Mark{plan_.segments[seg].start, seg, 0, b});
    }
    if (block.get_ready) continue;
    Millis end = block.start + block.length;
    // A roll timed in seconds turns at its pace; one timed in reps turns with its repetitions.
    if (auto pace = roll_pace(routine_.steps[block.step]); pace && !pace->from_reps) {
      int stroke = 0;
      for (Millis at = block.start; at < end; at += pace->each_way) {
        marks_.push_back(Mark{at, 0, 0, b, ++stroke});
      }
    }
    for (int left = static_cast<int>(options_.tick_before_end / seconds(1)); left >= 1; --left) {
      Millis at = end - seconds(left);
      if (at > block.start) marks_.push_back(Mark{at, 0, left, b});
    }
  }
  // A segment start before a turn before a tick at the same moment: the new phase is announced
  // first.
  auto rank = [](const Mark& m) { return m.tick != 0 ? 2 : m.turn != 0 ? 1 : 0; };
  std::stable_sort(marks_.begin(), marks_.end(), [&](const Mark& a, const Mark& b) {
    if (a.at != b.at) return a.at < b.at;
    return rank(a) < rank(b);
  });
}

bool Session::waits_at(const Mark& mark) const {
  if (mark.tick != 0 || mark.turn != 0) return false;
  if (!options_.ready_key && !(options_.first_ready_key && mark.block == 0)) return false;
  const Block& block = plan_.blocks[mark.block];
  return block.get_ready && mark.segment == block.first_segment;
}

Millis Session::speech_allowance(std::size_t block) const {
  if (block == 0 || block >= plan_.blocks.size()) return Millis{0};
  return std::max(options_.speech_wait - plan_.blocks[block - 1].length, Millis{0});
}

bool Session::holds_for_speech(const Mark& mark) const {
  if (options_.speech_wait <= Millis{0} || !speaking_ || mark.tick != 0 || mark.turn != 0) {
    return false;
  }
  const Block& block = plan_.blocks[mark.block];
  if (block.get_ready || mark.segment != block.first_segment || mark.block == 0) return false;
  if (!plan_.blocks[mark.block - 1].get_ready || speech_released_ == mark.block) return false;
  return speech_allowance(mark.block) > Millis{0};
}

bool Session::emit_until(Millis target, std::vector<Event>& out) {
  while (next_mark_ < marks_.size() && marks_[next_mark_].at <= target) {
    if (holds_for_speech(marks_[next_mark_])) {
      // The get-ready is over, its words are not: the routine clock stands here until they are.
      elapsed_ = marks_[next_mark_].at;
      waiting_for_speech_ = true;
      return true;
    }
    const Mark& mark = marks_[next_mark_++];
    elapsed_ = mark.at;
    emit_mark(mark, out);
    if (waits_at(mark)) {
      waiting_ = true;
      Event e = base_event(EventKind::waiting, mark.block);
      e.at = mark.at;
      e.due = due_of(mark.at);
      out.push_back(e);
      return true;
    }
  }
  return false;
}

Millis Session::routine_time_at(Millis now) const {
  Millis since = now - anchor_clock_;
  if (since < Millis{0}) since = Millis{0};
  if (options_.speed == 1.0) return anchor_routine_ + since;
  // The epsilon keeps a deadline computed by clock_time_of() from landing a hair short.
  auto scaled = static_cast<Millis::rep>(
      std::floor(static_cast<double>(since.count()) * options_.speed + 1e-6));
  return anchor_routine_ + Millis{scaled};
}

Millis Session::waited() const {
  return waiting_ ? routine_time_at(clock_) - anchor_routine_ : Millis{0};
}

Millis Session::clock_time_of(Millis routine) const {
  Millis ahead = routine - anchor_routine_;
  if (options_.speed == 1.0) return anchor_clock_ + ahead;
  auto scaled =
      static_cast<Millis::rep>(std::ceil(static_cast<double>(ahead.count()) / options_.speed));
  return anchor_clock_ + Millis{scaled};
}

Millis Session::due_of(Millis routine) const {
  // Never after the clock reading that emits it: a deadline rounded up at an odd speed is on time.
  return std::min(clock_time_of(routine), clock_) - clock_start_;
}

std::vector<Event> Session::start(Millis now) {
  std::vector<Event> out;
  if (started_) return out;
  started_ = true;
  clock_ = clock_start_ = anchor_clock_ = now;
  anchor_routine_ = elapsed_ = Millis{0};
  log_.begin(progress_);
  Event e;
  e.kind = EventKind::started;
  e.length = plan_.total;
  out.push_back(e);
  emit_until(Millis{0}, out);
  if (plan_.segments.empty()) finish(SessionStatus::completed, out);
  return out;
}

std::vector<Event> Session::advance(Millis now) {
  std::vector<Event> out;
  move_to(now, out);
  return out;
}

void Session::move_to(Millis now, std::vector<Event>& out) {
  if (!started_ || finished_) return;
  clock_ = std::max(clock_, now);
  if (paused_ || waiting_) return;
  if (waiting_for_speech_) {
    std::size_t block = marks_[next_mark_].block;
    if (speaking_ && routine_time_at(now) - anchor_routine_ < speech_allowance(block)) return;
    // The words are done (or have had their time): the routine clock goes on from here.
    waiting_for_speech_ = false;
    speech_released_ = block;
    anchor_clock_ = now;
    anchor_routine_ = elapsed_;
    emit_until(elapsed_, out);  // the block that waited starts now
  }
  Millis target = std::min(routine_time_at(now), plan_.total);
  if (target <= elapsed_) return;
  // Work up to a get-ready that waits for a key counts, nothing after it; counted before the
  // marks are emitted, since a step boundary among them reports the progress to the log.
  Millis stop = target;
  for (std::size_t i = next_mark_; i < marks_.size(); ++i) {
    if (marks_[i].at > target) break;
    if (waits_at(marks_[i]) || holds_for_speech(marks_[i])) {
      stop = marks_[i].at;
      break;
    }
  }
  account(elapsed_, stop);
  if (emit_until(target, out)) {
    // The clock stops at the get-ready that waits: it goes on from here once the key comes (or
    // the words end).
    anchor_clock_ = now;
    anchor_routine_ = elapsed_;
    return;
  }
  elapsed_ = target;
  if (elapsed_ >= plan_.total) finish(SessionStatus::completed, out);
}

void Session::jump(Millis now, Millis target, std::vector<Event>& out) {
  anchor_clock_ = now;
  anchor_routine_ = elapsed_ = target;
  next_mark_ =
      static_cast<std::size_t>(std::lower_bound(marks_.begin(), marks_.end(), target,
                                                [](const Mark& m, Millis t) { return m.at < t; }) -
                               marks_.begin());
  waiting_ = false;
  waiting_for_speech_ = false;
  if (target >= plan_.total) {
    finish(SessionStatus::completed, out);
    return;
  }
  emit_until(target, out);
  elapsed_ = target;
}

Millis Session::shown_at() const {
  // Waiting for its words, the get-ready is at its last instant, not yet the block after it.
  return waiting_for_speech_ && elapsed_ > Millis{0} ? elapsed_ - Millis{1} : elapsed_;
}

std::size_t Session::current_block() const {
  return moment_at(plan_, shown_at()).block;
}

Event Session::base_event(EventKind kind, std::size_t block_index) const {
  Event e;
  e.kind = kind;
  e.at = elapsed_;
  e.clock = e.due = clock_ - clock_start_;
  if (block_index < plan_.blocks.size()) {
    const Block& block = plan_.blocks[block_index];
    e.step = block.step;
    e.side = block.side;
    e.position = block.position;
    e.positions = routine_.steps[block.step].positions;
    const Segment& last = plan_.segments[block.first_segment + block.segment_count - 1];
    e.count = last.number;
  }
  return e;
}

void Session::emit_mark(const Mark& mark, std::vector<Event>& out) {
  if (mark.tick > 0) {
    Event e = base_event(EventKind::tick, mark.block);
    e.at = mark.at;
    e.due = due_of(mark.at);
    e.value = mark.tick;
    out.push_back(e);
    return;
  }
  if (mark.turn > 0) {
    Event e = base_event(EventKind::turn, mark.block);
    e.at = mark.at;
    e.due = due_of(mark.at);
    e.number = mark.turn;
    e.count = 0;  // a roll timed in seconds has no count of strokes, only its pace
    e.phase = mark.turn % 2 == 1 ? Phase::rep_up : Phase::rep_down;
    out.push_back(e);
    return;
  }
  const Block& block = plan_.blocks[mark.block];
  const Segment& seg = plan_.segments[mark.segment];
  if (mark.segment == block.first_segment) {
    if (last_step_ && *last_step_ != block.step) {
      sync_progress();
      log_.update(progress_);
      last_pressure_.reset();  // a reading is about the step it was given in
    }
    last_step_ = block.step;
    Event e = base_event(block.get_ready ? EventKind::get_ready : EventKind::step, mark.block);
    e.at = mark.at;
    e.due = due_of(mark.at);
    e.length = block.length;
    out.push_back(e);
  }
  if (block.get_ready) return;
  bool rep = seg.phase == Phase::rep_up || seg.phase == Phase::rep_down;
  Event e = base_event(rep ? EventKind::rep : EventKind::phase, mark.block);
  e.at = mark.at;
  e.due = due_of(mark.at);
  e.phase = seg.phase;
  e.number = seg.number;
  e.length = seg.length;
  out.push_back(e);
}

void Session::account(Millis from, Millis to) {
  auto by_start = [](Millis t, const Block& b) { return t < b.start; };
  auto it = std::upper_bound(plan_.blocks.begin(), plan_.blocks.end(), from, by_start);
  if (it != plan_.blocks.begin()) --it;
  for (; it != plan_.blocks.end() && it->start < to; ++it) {
    if (it->get_ready) continue;
    Millis lo = std::max(from, it->start);
    Millis hi = std::min(to, it->start + it->length);
    if (hi <= lo) continue;
    zone_millis_[it->step] += hi - lo;
    work_done_ += hi - lo;
    if (on_roller(routine_.steps[it->step]) || roller_planned_ == Millis{0})
      roller_done_ += hi - lo;
  }
}

void Session::sync_progress() {
  progress_.completed_seconds = rounded_seconds(work_done_);
  std::map<std::string, Millis> zones;
  std::map<std::string, Millis> roller;
  for (std::size_t i = 0; i < routine_.steps.size(); ++i) {
    const Step& step = routine_.steps[i];
    if (!step.zone || zone_millis_[i] <= Millis{0}) continue;
    std::string name(zone_name(*step.zone));
    zones[name] += zone_millis_[i];
    roller[name] += on_roller(step) ? zone_millis_[i] : Millis{0};
  }
  progress_.zone_seconds.clear();
  progress_.roller_seconds.clear();
  // Rounded each on its own: rounding never makes the part more than the whole.
  for (const auto& [zone, millis] : zones) {
    progress_.zone_seconds[zone] = rounded_seconds(millis);
    progress_.roller_seconds[zone] = rounded_seconds(roller[zone]);
  }
  progress_.ended_at = progress_.started_at + (clock_ - clock_start_);
}

void Session::finish(SessionStatus status, std::vector<Event>& out) {
  if (finished_) return;
  finished_ = true;
  paused_ = false;
  waiting_ = false;
  waiting_for_speech_ = false;
  confirming_ = false;
  // Reaching the end by pressing `n` through it is not a session done (kCompletedShare).
  if (status == SessionStatus::completed) {
    Millis planned = roller_planned_ > Millis{0} ? roller_planned_ : plan_.work;
    if (static_cast<double>(roller_done_.count()) <
        kCompletedShare * static_cast<double>(planned.count()))
      status = SessionStatus::partial;
  }
  progress_.status = status;
  if (status == SessionStatus::pain_stop) {
    std::string zone;
    if (!plan_.blocks.empty()) {
      const Step& step = routine_.steps[plan_.blocks[current_block()].step];
      if (step.zone) zone = zone_name(*step.zone);
    }
    progress_.pain_zone = zone;
  }
  sync_progress();
  log_.end(progress_);
  Event e = base_event(EventKind::finished, current_block());
  e.status = status;
  if (status == SessionStatus::completed) e.due = due_of(plan_.total);
  out.push_back(e);
}

std::vector<Event> Session::command(Command command, Millis now, int value) {
  std::vector<Event> out;
  if (!started_ || finished_) return out;
  move_to(now, out);
  if (finished_) return out;
  std::size_t block = current_block();
  switch (command) {
    case Command::toggle_pause:
      if (paused_) {
        paused_ = false;
        anchor_clock_ = now;
        anchor_routine_ = elapsed_;
        out.push_back(base_event(EventKind::resumed, block));
      } else {
        paused_ = true;
        out.push_back(base_event(EventKind::paused, block));
      }
      break;
    case Command::skip:
    case Command::restart: {
      std::size_t step = plan_.blocks.empty() ? 0 : plan_.blocks[block].step;
      Millis target = plan_.total;
      for (const Block& b : plan_.blocks) {
        bool hit = command == Command::skip ? b.step > step : b.step == step;
        if (hit) {
          target = b.start;
          break;
        }
      }
      if (command == Command::skip && !plan_.blocks.empty()) {
        progress_.skipped.push_back(SkippedStep{static_cast<int>(step), routine_.steps[step].name,
                                                static_cast<int>(elapsed_ / seconds(1))});
      }
      out.push_back(
          base_event(command == Command::skip ? EventKind::skipped : EventKind::restarted, block));
      jump(now, target, out);
      break;
    }
    case Command::quit:
      if (!options_.confirm_quit) {
        finish(SessionStatus::quit, out);
        break;
      }
      confirming_ = true;
      if (!paused_) {
        paused_ = true;
        paused_for_question_ = true;
      }
      out.push_back(base_event(EventKind::quit_asked, block));
      break;
    case Command::yes:
      if (confirming_) finish(SessionStatus::quit, out);
      break;
    case Command::no:
      if (!confirming_) break;
      confirming_ = false;
      if (paused_for_question_) {
        paused_for_question_ = false;
        paused_ = false;
        anchor_clock_ = now;
        anchor_routine_ = elapsed_;
      }
      out.push_back(base_event(EventKind::quit_cancelled, block));
      break;
    case Command::pain:
      finish(SessionStatus::pain_stop, out);
      break;
    case Command::longer:
      change_hold(options_.hold_step, out);
      break;
    case Command::shorter:
      change_hold(-options_.hold_step, out);
      break;
    case Command::top:
      end_climb(out);
      break;
    case Command::ready: {
      if (!waiting_) break;
      // The key says go: the work starts now, whatever is still being said.
      speech_released_ = block + 1;
      // Straight on to the work the get-ready led to.
      const Block& b = plan_.blocks[block];
      jump(now, b.start + b.length, out);
      break;
    }
    case Command::pressure: {
      if (value < 1 || value > 10) break;
      // "10" typed as 1 then 0: the 0 turns the 1 just read into a 10 (kTenKeysWithin), unless
      // the block changed between them and the 1 may be logged already.
      if (value == 10 && pressure_one_ && now - pressure_one_->first <= kTenKeysWithin &&
          pressure_one_->second == block && !progress_.pressures.empty() &&
          progress_.pressures.back().value == 1) {
        progress_.pressures.pop_back();
      }
      pressure_one_.reset();
      if (value == 1) pressure_one_ = std::pair{now, block};
      last_pressure_ = value;
      std::optional<Zone> zone;
      if (!plan_.blocks.empty()) zone = routine_.steps[plan_.blocks[block].step].zone;
      progress_.pressures.push_back(
          PressureReading{static_cast<int>(elapsed_ / seconds(1)), value,
                          zone ? std::string(zone_name(*zone)) : std::string()});
      Event e = base_event(EventKind::pressure, block);
      e.value = value;
      out.push_back(e);
      // The advice follows the step's intensity and the user (user_limits.hpp).
      const Step no_step;
      const Step& step = plan_.blocks.empty() ? no_step : routine_.steps[plan_.blocks[block].step];
      PressureAim aim = pressure_aim(step, options_.user);
      if (value > aim.most) {
        Event ease = base_event(EventKind::ease_off, block);
        ease.value = value;
        ease.aim = aim;
        out.push_back(ease);
      }
      break;
    }
  }
  return out;
}

void Session::change_hold(Millis delta, std::vector<Event>& out) {
  if (plan_.blocks.empty()) return;
  std::size_t block = current_block();
  // In a get-ready, + and - are for the hold coming up.
  if (plan_.blocks[block].get_ready) ++block;
  if (block >= plan_.blocks.size() || plan_.blocks[block].get_ready) return;
  // A beginner's spot stays within the second article's 30 s: + adds what is left of it, in whole
  // repetitions for a step counted in them, and says why it adds no more.
  std::optional<Millis> most;
  bool held = false;
  if (delta > Millis{0}) {
    const Step& step = routine_.steps[plan_.blocks[block].step];
    if (auto secs = spot_most_seconds(step, options_.user)) {
      most = seconds(*secs);
      Millis room = std::max(*most - plan_.blocks[block].length, Millis{0});
      if (step.unit == TimingUnit::reps) {
        Millis rep = seconds(std::max(step.rep_seconds, 1));
        room = room / rep * rep;
      }
      held = room < delta;
      delta = std::min(delta, room);
    }
  }
  Millis done =
      delta == Millis{0} ? Millis{0} : resize_block(plan_, routine_, block, delta, elapsed_);
  if (done == Millis{0}) {
    if (held) out.push_back(hold_at_most_event(block, *most));
    return;
  }
  block_change_[block] += done;
  // Every later mark moved: rebuild them and go on from the one after now, as before.
  build_marks();
  next_mark_ =
      static_cast<std::size_t>(std::upper_bound(marks_.begin(), marks_.end(), elapsed_,
                                                [](Millis t, const Mark& m) { return t < m.at; }) -
                               marks_.begin());
  progress_.planned_seconds = rounded_seconds(plan_.work);
  const Block& b = plan_.blocks[block];
  const auto& zone = routine_.steps[b.step].zone;
  progress_.hold_changes.push_back(
      HoldChange{static_cast<int>(elapsed_ / seconds(1)), static_cast<int>(done / seconds(1)),
                 static_cast<int>(b.step) + 1, zone ? std::string(zone_name(*zone)) : ""});
  Event e = base_event(EventKind::hold_changed, block);
  e.value = static_cast<int>(done / seconds(1));
  e.length = b.length;
  out.push_back(e);
  if (held) out.push_back(hold_at_most_event(block, *most));
}

Event Session::hold_at_most_event(std::size_t block, Millis most) const {
  Event e = base_event(EventKind::hold_at_most, block);
  e.value = static_cast<int>(most / seconds(1));
  e.length = plan_.blocks[block].length;
  return e;
}

// The first article's climb goes up "until you reach the top of your shoulders": on a shorter back
// that comes before the last planned position. The positions left are taken out of the plan, so the
// step counts as done and "most of the planned time on the roller" is measured against what was
// left to do.
void Session::end_climb(std::vector<Event>& out) {
  if (plan_.blocks.empty()) return;
  const std::size_t index = current_block();
  const Block here = plan_.blocks[index];
  const Step& step = routine_.steps[here.step];
  if (!is_climb(step)) return;
  // In a get-ready the roller is still at the position before: that one was the top. Before the
  // first position nothing has been climbed yet.
  const bool moving = here.get_ready;
  if (moving && here.position == 1) return;
  const std::size_t first = moving ? index : index + 1;
  std::size_t last = first;
  while (last < plan_.blocks.size() && plan_.blocks[last].step == here.step &&
         plan_.blocks[last].side == here.side) {
    ++last;
  }
  if (first >= last) return;  // already at the last position
  Millis roller_dropped{0};
  for (std::size_t i = first; i < last; ++i) {
    const Block& b = plan_.blocks[i];
    // The plan as written is what the 80% reads: what + and - changed was never in it.
    if (!b.get_ready && on_roller(step)) roller_dropped += b.length - block_change_[i];
  }
  Event e = base_event(EventKind::climb_ended, index);
  e.position = moving ? here.position - 1 : here.position;
  e.value = e.position;
  const bool cut_short = moving && here.start < elapsed_ && elapsed_ < here.start + here.length;
  drop_blocks(plan_, first, last, elapsed_);
  block_change_.erase(
      block_change_.begin() + static_cast<std::ptrdiff_t>(cut_short ? first + 1 : first),
      block_change_.begin() + static_cast<std::ptrdiff_t>(last));
  roller_planned_ -= std::min(roller_planned_, roller_dropped);
  progress_.planned_seconds = rounded_seconds(plan_.work);
  build_marks();
  out.push_back(e);
  if (!moving) {
    // The hold at the top goes on; nothing after it is the climb any more.
    next_mark_ = static_cast<std::size_t>(
        std::upper_bound(marks_.begin(), marks_.end(), elapsed_,
                         [](Millis t, const Mark& m) { return t < m.at; }) -
        marks_.begin());
    return;
  }
  // The roller stays where it is: on to what came after the climb, from now.
  anchor_clock_ = clock_;
  anchor_routine_ = elapsed_;
  waiting_ = false;
  waiting_for_speech_ = false;
  next_mark_ =
      static_cast<std::size_t>(std::lower_bound(marks_.begin(), marks_.end(), elapsed_,
                                                [](const Mark& m, Millis t) { return m.at < t; }) -
                               marks_.begin());
  if (elapsed_ >= plan_.total) {
    finish(SessionStatus::completed, out);
    return;
  }
  emit_until(elapsed_, out);
}

std::vector<Event> Session::interrupt(Millis now) {
  std::vector<Event> out;
  if (!started_ || finished_) return out;
  move_to(now, out);
  finish(SessionStatus::interrupted, out);
  return out;
}

std::optional<Millis> Session::next_deadline(std::optional<Millis> redraw_every) const {
  if (!started_ || finished_ || paused_) return std::nullopt;
  if (waiting_for_speech_) {
    // Asked again soon, and at the latest when the wait has had its time.
    Millis cap = clock_time_of(anchor_routine_ + speech_allowance(marks_[next_mark_].block));
    Millis next = std::min(cap, clock_ + kSpeechPoll);
    if (redraw_every && *redraw_every > Millis{0}) {
      Millis r = *redraw_every;
      Millis waited = routine_time_at(clock_) - anchor_routine_;
      next = std::min(next, clock_time_of(anchor_routine_ + (waited / r + 1) * r));
    }
    return std::max(next, clock_);
  }
  if (waiting_) {
    // The routine clock stands, but a screen that redraws still gets its frames (the cue's
    // pages turn while the get-ready waits for the key); a screen of events gets none.
    if (!redraw_every || *redraw_every <= Millis{0}) return std::nullopt;
    Millis r = *redraw_every;
    return clock_time_of(anchor_routine_ + (waited() / r + 1) * r);
  }
  Millis next = plan_.total;
  if (next_mark_ < marks_.size()) next = std::min(next, marks_[next_mark_].at);
  if (redraw_every && *redraw_every > Millis{0}) {
    Millis r = *redraw_every;
    next = std::min(next, (elapsed_ / r + 1) * r);
  }
  return clock_time_of(next);
}

std::size_t Session::steps_done() const {
  return static_cast<std::size_t>(std::count_if(zone_millis_.begin(), zone_millis_.end(),
                                                [](Millis m) { return m > Millis{0}; }));
}

SessionView Session::view() const {
  SessionView v;
  v.elapsed = elapsed_;
  v.started = started_;
  v.finished = finished_;
  v.paused = paused_;
  v.confirming_quit = confirming_;
  v.status = progress_.status;
  v.step_count = routine_.steps.size();
  v.last_pressure = last_pressure_;
  v.ease_off = last_pressure_ && *last_pressure_ > pressure_most(options_.user);
  v.waiting_for_key = waiting_;
  if (waiting_) v.waited = waited();
  if (plan_.blocks.empty()) {
    v.finished = true;
    return v;
  }
  v.waiting_for_speech = waiting_for_speech_;
  Moment m = moment_at(plan_, shown_at());
  const Block& block = plan_.blocks[m.block];
  const Segment& seg = plan_.segments[m.segment];
  v.step = block.step;
  v.hold_change = block_change_[m.block];
  v.get_ready = block.get_ready;
  v.side = block.side;
  v.position = block.position;
  v.positions = routine_.steps[block.step].positions;
  v.phase = seg.phase;
  v.number = seg.number;
  v.count = plan_.segments[block.first_segment + block.segment_count - 1].number;
  v.phase_left = m.segment_left;
  v.phase_length = seg.length;
  v.block_left = m.block_left;
  v.block_progress = m.block_progress;
  v.block_length = block.length;
  v.total_left = m.total_left;
  v.total_progress = m.total_progress;
  double p = seg.length.count() > 0 ? 1.0 - static_cast<double>(m.segment_left.count()) /
                                                static_cast<double>(seg.length.count())
                                    : 1.0;
  if (m.finished) p = 1.0;
  switch (seg.phase) {
    case Phase::inhale:
    case Phase::rep_up:
      v.breath_fill = p;
      break;
    case Phase::hold_in:
      v.breath_fill = 1;
      break;
    case Phase::exhale:
    case Phase::rep_down:
      v.breath_fill = 1 - p;
      break;
    default:
      v.breath_fill = 0;
  }
  return v;
}

}  // namespace roll
