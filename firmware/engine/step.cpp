#include "firmware/engine/step.hpp"

#include <array>

namespace kiosk::engine {
namespace {

constexpr std::array kSteps{
    Step::session_started,   Step::identified,          Step::consent,
    Step::face_verified,     Step::eligibility,         Step::photo_accepted,
    Step::details_confirmed, Step::old_card_returned,   Step::payment_created,
    Step::payment_charged,   Step::issuance_authorised, Step::card_printed,
    Step::card_taken,        Step::card_retained,       Step::receipt_printed,
    Step::elicence_reissued, Step::completed,           Step::refund};

}  // namespace

std::string_view to_string(Step step) {
  switch (step) {
    case Step::session_started:
      return "session_started";
    case Step::identified:
      return "identified";
    case Step::consent:
      return "consent";
    case Step::face_verified:
      return "face_verified";
    case Step::eligibility:
      return "eligibility";
    case Step::photo_accepted:
      return "photo_accepted";
    case Step::details_confirmed:
      return "details_confirmed";
    case Step::old_card_returned:
      return "old_card_returned";
    case Step::payment_created:
      return "payment_created";
    case Step::payment_charged:
      return "payment_charged";
    case Step::issuance_authorised:
      return "issuance_authorised";
    case Step::card_printed:
      return "card_printed";
    case Step::card_taken:
      return "card_taken";
    case Step::card_retained:
      return "card_retained";
    case Step::receipt_printed:
      return "receipt_printed";
    case Step::elicence_reissued:
      return "elicence_reissued";
    case Step::completed:
      return "completed";
    case Step::refund:
      return "refund";
  }
  return "unknown";
}

std::optional<Step> step_from_string(std::string_view name) {
  for (Step s : kSteps)
    if (to_string(s) == name) return s;
  return std::nullopt;
}

}  // namespace kiosk::engine
