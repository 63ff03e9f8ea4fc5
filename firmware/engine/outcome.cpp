#include "firmware/engine/outcome.hpp"

#include <array>

namespace kiosk::engine {
namespace {

constexpr std::array kOutcomes{Outcome::completed,
                               Outcome::card_retained,
                               Outcome::refunded,
                               Outcome::cancelled,
                               Outcome::walked_away,
                               Outcome::id_card_swapped,
                               Outcome::id_card_unreadable,
                               Outcome::central_unavailable,
                               Outcome::face_mismatch,
                               Outcome::face_check_failed,
                               Outcome::not_eligible,
                               Outcome::photo_failed,
                               Outcome::payment_failed,
                               Outcome::payment_declined,
                               Outcome::payment_unresolved,
                               Outcome::issuance_refused,
                               Outcome::out_of_service,
                               Outcome::card_failed,
                               Outcome::device_failure,
                               Outcome::journal_unavailable,
                               Outcome::shutdown,
                               Outcome::call_staff,
                               Outcome::interrupted,
                               Outcome::aborted,
                               Outcome::pending};

}  // namespace

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::completed:
      return "completed";
    case Outcome::card_retained:
      return "card_retained";
    case Outcome::refunded:
      return "refunded";
    case Outcome::cancelled:
      return "cancelled";
    case Outcome::walked_away:
      return "walked_away";
    case Outcome::id_card_swapped:
      return "id_card_swapped";
    case Outcome::id_card_unreadable:
      return "id_card_unreadable";
    case Outcome::central_unavailable:
      return "central_unavailable";
    case Outcome::face_mismatch:
      return "face_mismatch";
    case Outcome::face_check_failed:
      return "face_check_failed";
    case Outcome::not_eligible:
      return "not_eligible";
    case Outcome::photo_failed:
      return "photo_failed";
    case Outcome::payment_failed:
      return "payment_failed";
    case Outcome::payment_declined:
      return "payment_declined";
    case Outcome::payment_unresolved:
      return "payment_unresolved";
    case Outcome::issuance_refused:
      return "issuance_refused";
    case Outcome::out_of_service:
      return "out_of_service";
    case Outcome::card_failed:
      return "card_failed";
    case Outcome::device_failure:
      return "device_failure";
    case Outcome::journal_unavailable:
      return "journal_unavailable";
    case Outcome::shutdown:
      return "shutdown";
    case Outcome::call_staff:
      return "call_staff";
    case Outcome::interrupted:
      return "interrupted";
    case Outcome::aborted:
      return "aborted";
    case Outcome::pending:
      return "pending";
  }
  return "unknown";
}

std::optional<Outcome> outcome_from_string(std::string_view name) {
  for (Outcome o : kOutcomes)
    if (to_string(o) == name) return o;
  return std::nullopt;
}

}  // namespace kiosk::engine
