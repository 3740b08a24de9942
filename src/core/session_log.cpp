#include "roll/session_log.hpp"

namespace roll {

const char* status_name(SessionStatus status) {
  switch (status) {
    case SessionStatus::running:
      return "running";
    case SessionStatus::completed:
      return "completed";
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

}  // namespace roll
