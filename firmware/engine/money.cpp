#include "firmware/engine/money.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::engine {

constexpr auto kMoneyStateNames =
    KIOSK_ENUM_NAMES(MoneyState, not_charged, charged, refunded, refund_pending);

std::string_view to_string(MoneyState state) {
  return protocol::name_of(kMoneyStateNames, state);
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
