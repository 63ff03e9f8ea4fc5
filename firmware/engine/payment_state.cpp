#include "firmware/engine/payment_state.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::engine {

// central's names (central/payment's to_string(OrderState)).
constexpr auto kOrderStateNames =
    KIOSK_ENUM_NAMES(OrderState, created, paid, declined, unknown, refunded, cancelled);

std::optional<OrderState> order_state(const PaymentOrder& order) {
  return protocol::value_of(kOrderStateNames, order.state);
}

constexpr auto kChargeVerdictNames =
    KIOSK_ENUM_NAMES(ChargeVerdict, approved, declined, unknown, not_charged);

std::string_view to_string(ChargeVerdict verdict) {
  return protocol::name_of(kChargeVerdictNames, verdict);
}

std::optional<ChargeVerdict> charge_verdict_from_string(std::string_view name) {
  return protocol::value_of(kChargeVerdictNames, name);
}

bool already_refunded(const Error& error) {
  return !is_transient(error) && error.reason == "already_refunded";
}

}  // namespace kiosk::engine
