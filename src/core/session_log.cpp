#include "roll/session_log.hpp"

namespace roll {

const char* status_name(SessionStatus status) {
  switch (status) {
    case SessionStatus::running:
      return "running";
    case SessionStatus::completed:
      return "completed";
    case SessionStatus::partial:
      return "partial";
    case SessionStatus::quit:
      return "quit";
    case SessionStatus::pain_stop:
      return "pain-stop";
    case SessionStatus::interrupted:
      return "interrupted";
    case SessionStatus::unfinished:
      return "unfinished";
  }
  return "unfinished";
}

const char* origin_name(SessionOrigin origin) {
  switch (origin) {
    case SessionOrigin::live:
      return "live";
    case SessionOrigin::rehearsal:
      return "rehearsal";
    case SessionOrigin::by_hand:
      return "by-hand";
  }
  return "live";
}

}  // namespace roll
