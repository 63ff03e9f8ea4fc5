#include "firmware/engine/outcome.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::engine {

constexpr auto kOutcomeNames = KIOSK_ENUM_NAMES(
    Outcome, completed, card_retained, refunded, cancelled, walked_away, id_card_swapped,
    id_card_unreadable, central_unavailable, face_mismatch, face_check_failed, not_eligible,
    photo_failed, payment_failed, payment_declined, payment_unresolved, issuance_refused,
    out_of_service, card_failed, device_failure, journal_unavailable, shutdown, call_staff,
    interrupted, aborted, pending);

std::string_view to_string(Outcome outcome) {
  return protocol::name_of(kOutcomeNames, outcome);
}

std::optional<Outcome> outcome_from_string(std::string_view name) {
  return protocol::value_of(kOutcomeNames, name);
}

}  // namespace kiosk::engine
