#pragma once
// What happened to the citizen's money in one transaction, as the end screens publish it
// (data.money, docs/screen-model.md). kioskd decides it from the journal (settle) or, when the
// journal could not be written, from what the session itself saw; the UI only shows it.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk::engine {

enum class MoneyState {
  not_charged,     // nothing was taken (no fee, declined, cancelled before the charge)
  charged,         // paid, and a card was handed out or is held by the office (retained)
  refunded,        // paid, no card: central confirmed the refund
  refund_pending,  // a refund is owed but not confirmed yet (central down, or the charge's
                   // outcome is still unknown): settled later by recovery
};
// "not_charged", "charged", "refunded", "refund_pending"
std::string_view to_string(MoneyState state);

struct Money {
  MoneyState state = MoneyState::not_charged;
  std::int64_t amount_fen = 0;   // 0 when not charged
  std::string refund_reference;  // the payment order id: with refunded / refund_pending only
};

// {"state", "amount_fen", "refund_reference"?}
nlohmann::json to_json(const Money& money);

}  // namespace kiosk::engine
