// Stages confirm and old_card: the citizen checks what the new card will say and may change
// the address (kioskd validated and composed it before it got here: address.hpp); a damaged
// licence goes into the recovery slot. Journals `details_confirmed` (done, the address in the
// encrypted part) and `old_card_returned` (done). Nothing to recover: nothing left the kiosk.
#include "firmware/engine/session_run.hpp"

namespace kiosk::engine {

void Engine::SessionRun::confirm_details() {
  for (;;) {
    Screen s = make(screens::kConfirmDetails, {"confirm", "change_address", "cancel"},
                    confirm_details_data(card_.name, card_.id_number, address_, decision_));
    auto [action, value] = wait_action(std::move(s));
    if (action == "cancel") throw SessionEnd{Outcome::cancelled, "citizen"};
    if (action == "change_address") {
      // Engine::act posts only a validated, composed address (address_from_value).
      address_ = value;
      address_changed_ = true;
      continue;
    }
    record(Step::details_confirmed, Phase::done, {{"address_changed", address_changed_}},
           {{"address", address_}});
    return;
  }
}

void Engine::SessionRun::return_old_card() {
  auto [action, value] =
      wait_action(make(screens::kReturnOldCard, {"old_card_returned", "cancel"}));
  (void)value;
  if (action == "cancel") throw SessionEnd{Outcome::cancelled, "citizen"};
  record(Step::old_card_returned, Phase::done, {{"slot", "recovery"}});
}

}  // namespace kiosk::engine
