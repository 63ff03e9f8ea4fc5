// Stage issuance: central authorises the card (for the paid order, if any) and signs the card
// data the printer will print. Journals `issuance_authorised` (intent before the call, done
// with the authorisation id, failed when refused). Recovery: an intent left in doubt (central
// did not answer) is no card: settle refunds the payment (settle_refunds, step_payment.cpp);
// central's idempotency key makes a repeated request return the same authorisation.
#include "firmware/engine/session_run.hpp"

namespace kiosk::engine {

void Engine::SessionRun::authorise() {
  show(make(screens::kChecking, {}), false);
  check_id_card();
  record(Step::issuance_authorised, Phase::intent, {{"order_id", order_id_}});
  auto r = e_.central_.authorise_issuance(
      IssuanceRequest{card_.id_number, std::string(to_string(service_)), order_id_},
      key(Step::issuance_authorised));
  if (!r.ok()) {
    // Transient: central may have authorised; the intent stays in doubt and settle refunds.
    if (is_transient(r.error()))
      throw SessionEnd{Outcome::central_unavailable, std::string(to_string(r.error().code))};
    record(Step::issuance_authorised, Phase::failed, {{"reason", r.error().reason}});
    throw SessionEnd{Outcome::issuance_refused, r.error().reason};
  }
  authorisation_ = std::move(r.value());
  record(Step::issuance_authorised, Phase::done,
         {{"authorisation_id", authorisation_.authorisation_id}});
}

}  // namespace kiosk::engine
