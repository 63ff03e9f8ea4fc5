#include "firmware/engine/money.hpp"

namespace kiosk::engine {

std::string_view to_string(MoneyState state) {
  switch (state) {
    case MoneyState::not_charged:
      return "not_charged";
    case MoneyState::charged:
      return "charged";
    case MoneyState::refunded:
      return "refunded";
    case MoneyState::refund_pending:
      return "refund_pending";
  }
  return "unknown";
}

nlohmann::json to_json(const Money& money) {
  nlohmann::json j = {
      {"state", std::string(to_string(money.state))},
      {"amount_fen", money.state == MoneyState::not_charged ? 0 : money.amount_fen}};
  if (money.state == MoneyState::refunded || money.state == MoneyState::refund_pending)
    j["refund_reference"] = money.refund_reference;
  return j;
}

}  // namespace kiosk::engine
