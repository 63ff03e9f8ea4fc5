#include "firmware/engine/ports.hpp"

namespace kiosk::engine {

std::string_view to_string(Phase phase) {
  switch (phase) {
    case Phase::intent:
      return "intent";
    case Phase::done:
      return "done";
    case Phase::failed:
      return "failed";
    case Phase::compensated:
      return "compensated";
  }
  return "unknown";
}

std::string_view to_string(CardOutcome outcome) {
  switch (outcome) {
    case CardOutcome::issued:
      return "issued";
    case CardOutcome::spoiled:
      return "spoiled";
    case CardOutcome::retained:
      return "retained";
  }
  return "unknown";
}

}  // namespace kiosk::engine
