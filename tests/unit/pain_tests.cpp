// Pain before and after a session (src/core/pain.cpp): compared only within a session that has
// both, the 2-point flag, and the routine paused after two flagged sessions in a row.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "roll/outcomes.hpp"
#include "roll/pain.hpp"

using namespace roll;
using namespace std::chrono;

namespace {

SessionRecord session(std::string routine, int minute, std::optional<int> before,
                      std::optional<int> after) {
  SessionRecord r;
  r.uid = routine + std::to_string(minute);
  r.routine_name = std::move(routine);
  r.status = SessionStatus::completed;
  r.started_at = SysSeconds{seconds{1'800'000'000 + 86'400 * minute}};
  r.ended_at = r.started_at + minutes{10};
  r.pain_before = before;
  r.pain_after = after;
  return r;
}

}  // namespace

TEST_CASE("pain: compared only within a session that has both") {
  CHECK_FALSE(session_pain(session("a", 0, 3, std::nullopt)));
  CHECK_FALSE(session_pain(session("a", 0, std::nullopt, 5)));
  CHECK_FALSE(session_pain(session("a", 0, 3, 11)));
  auto both = session_pain(session("a", 0, 3, 5));
  REQUIRE(both);
  CHECK(both->change() == 2);
  // The older back-feel ratings never count as pain.
  SessionRecord old = session("a", 0, std::nullopt, std::nullopt);
  old.rating_before = 8;
  old.rating_after = 2;
  CHECK_FALSE(session_pain(old));
}

TEST_CASE("pain: a rise of 2 points or more is flagged, 1 is not") {
  CHECK(SessionPain{3, 5}.flagged());
  CHECK(SessionPain{0, 10}.flagged());
  CHECK_FALSE(SessionPain{3, 4}.flagged());
  CHECK(SessionPain{3, 4}.rose());
  CHECK_FALSE(SessionPain{5, 3}.rose());
  CHECK(session_pain_words({3, 6}).find("up 3") != std::string::npos);
  CHECK(session_pain_words({3, 6}).find("Ostelo et al. 2008") != std::string::npos);
  CHECK(session_pain_words({3, 6}).find("roll's own threshold") != std::string::npos);
  CHECK(session_pain_words({3, 4}).find("flagged") == std::string::npos);
}

TEST_CASE("pain: a rise gets the second article's words at once and a gentler next time") {
  auto advice = pain_rose_advice({3, 4});
  std::string all;
  for (const auto& line : advice) all += line + "\n";
  CHECK(all.find("If your pain is increasing, symptoms are worsening, or you feel uncomfortable, "
                 "listen to your body and stop.") != std::string::npos);
  CHECK(all.find("Next time, go gentler") != std::string::npos);
  CHECK(all.find("Flagged") == std::string::npos);  // 1 point: said, not flagged
  CHECK(pain_rose_advice({3, 5}).back().find("Ostelo") != std::string::npos);
}

TEST_CASE("pain: two flagged sessions in a row on one routine pause it") {
  std::vector<SessionRecord> h{session("bedtime", 0, 2, 4), session("bedtime", 1, 2, 5)};
  CHECK(routines_to_pause(h) == std::vector<std::string>{"bedtime"});
  // Another routine in between does not break the run on this one.
  h.insert(h.begin() + 1, session("desk", 0, 2, 2));
  CHECK(routines_to_pause(h) == std::vector<std::string>{"bedtime"});
  // A session of the routine without both answers is not compared and not counted.
  h.push_back(session("bedtime", 2, 2, std::nullopt));
  CHECK(routines_to_pause(h) == std::vector<std::string>{"bedtime"});
  // A later compared session that did not rise ends the run.
  h.push_back(session("bedtime", 3, 4, 4));
  CHECK(routines_to_pause(h).empty());
  // One flagged session is not two; a rise of 1 is not flagged.
  CHECK(routines_to_pause({session("x", 0, 2, 5)}).empty());
  CHECK(routines_to_pause({session("x", 0, 2, 3), session("x", 1, 2, 3)}).empty());
  // Rehearsals are not sessions.
  auto rehearsal = session("x", 1, 2, 6);
  rehearsal.origin = SessionOrigin::rehearsal;
  CHECK(routines_to_pause({session("x", 0, 2, 6), rehearsal}).empty());
  CHECK(pause_routine_words("bedtime").find("ask a physical therapist") != std::string::npos);
}

TEST_CASE("pain: the FHIR seam returns pain_before and pain_after only") {
  auto r = session("bedtime", 0, 3, 6);
  r.rating_before = 9;
  r.rating_after = 1;
  r.utc_offset = hours{1};
  auto pain = pain_ratings({r});
  REQUIRE(pain.size() == 2);
  CHECK(pain[0].value == 3);
  CHECK(pain[0].moment == PainMoment::before);
  CHECK(pain[0].at == r.started_at);
  CHECK(pain[0].session_uid == r.uid);
  CHECK(pain[0].routine_name == "bedtime");
  CHECK(pain[0].utc_offset == hours{1});
  CHECK(pain[1].value == 6);
  CHECK(pain[1].moment == PainMoment::after);
  CHECK(pain[1].at == r.ended_at);
  auto rehearsal = r;
  rehearsal.origin = SessionOrigin::rehearsal;
  CHECK(pain_ratings({rehearsal}).empty());
}
