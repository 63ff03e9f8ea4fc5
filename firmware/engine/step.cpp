#include "firmware/engine/step.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::engine {

constexpr auto kStepNames = KIOSK_ENUM_NAMES(
    Step, session_started, identified, consent, face_verified, eligibility, photo_accepted,
    details_confirmed, old_card_returned, payment_created, payment_charged, issuance_authorised,
    card_printed, card_taken, card_retained, receipt_printed, elicence_reissued, completed, refund);

std::string_view to_string(Step step) {
  return protocol::name_of(kStepNames, step);
}

std::optional<Step> step_from_string(std::string_view name) {
  return protocol::value_of(kStepNames, name);
}

}  // namespace kiosk::engine
