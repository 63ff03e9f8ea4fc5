// Stages eligibility and licence_info: central decides from its registry whether the service
// may go ahead (licence state, renewal window, health exam, fee); an info query shows the
// answer. Journals `eligibility` (intent before the call, done with the decision — also when
// not eligible — or failed). Nothing to recover: asking changes nothing at central.
#include "firmware/engine/session_run.hpp"

namespace kiosk::engine {

void Engine::SessionRun::eligibility() {
  show(make(screens::kChecking, {}), false);
  record(Step::eligibility, Phase::intent);
  auto r =
      e_.central_.eligibility(EligibilityRequest{card_.id_number, std::string(to_string(service_))},
                              key(Step::eligibility));
  if (!r.ok()) {
    if (is_transient(r.error())) central_down(Step::eligibility, r.error());
    record(Step::eligibility, Phase::failed, {{"reason", r.error().reason}});
    throw SessionEnd{Outcome::not_eligible,
                     r.error().reason.empty() ? "no_record" : r.error().reason,
                     screens::kEnded,
                     {{"reasons", {r.error().reason}}}};
  }
  decision_ = std::move(r.value());
  nlohmann::json data = {{"eligible", decision_.eligible},
                         {"reasons", decision_.reasons},
                         {"fee_fen", decision_.fee_fen},
                         {"requires_card_return", decision_.requires_card_return}};
  if (!decision_.eligible) {
    record(Step::eligibility, Phase::done, data);
    const std::string first =
        decision_.reasons.empty() ? "not_eligible" : decision_.reasons.front();
    throw SessionEnd{
        Outcome::not_eligible, first, screens::kEnded, {{"reasons", decision_.reasons}}};
  }
  data["new_valid_from"] = decision_.new_valid_from;
  data["new_valid_to"] = decision_.new_valid_to;
  record(Step::eligibility, Phase::done, data,
         {{"holder_name", decision_.licence.holder_name},
          {"file_number", decision_.licence.file_number}});
}

void Engine::SessionRun::licence_info() {
  auto [action, value] = wait_action(
      make(screens::kLicenceInfo, {"finish", "cancel"}, licence_info_data(decision_.licence)));
  (void)value;
  if (action == "cancel") throw SessionEnd{Outcome::cancelled, "citizen"};
}

}  // namespace kiosk::engine
