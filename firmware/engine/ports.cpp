#include "firmware/engine/ports.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::engine {

constexpr auto kPhaseNames = KIOSK_ENUM_NAMES(Phase, intent, done, failed, compensated);

std::string_view to_string(Phase phase) {
  return protocol::name_of(kPhaseNames, phase);
}

constexpr auto kCardOutcomeNames = KIOSK_ENUM_NAMES(CardOutcome, issued, spoiled, retained);

std::string_view to_string(CardOutcome outcome) {
  return protocol::name_of(kCardOutcomeNames, outcome);
}

}  // namespace kiosk::engine
