#pragma once
// The payment vocabulary the engine decides on, typed once at the edge: central's order
// states (PaymentOrder::state, central/payment) and the charge outcome the engine journals in
// payment_charged's data.outcome. Engine-internal.

#include <optional>
#include <string_view>

#include "firmware/engine/ports.hpp"

namespace kiosk::engine {

enum class OrderState { created, paid, declined, unknown, refunded, cancelled };
// nullopt for a state this kiosk does not know: never taken as paid.
std::optional<OrderState> order_state(const PaymentOrder& order);

// payment_charged's journalled data.outcome.
enum class ChargeVerdict {
  approved,     // the money was taken
  declined,     // the wallet refused (data.reason says why)
  unknown,      // no answer yet: resolved through payment_status (settle, recovery)
  not_charged,  // the charge never reached the acquirer (central failed, not the wallet)
};
std::string_view to_string(ChargeVerdict verdict);
std::optional<ChargeVerdict> charge_verdict_from_string(std::string_view name);

// Central's refusal of a refund that it already made (api code "already_refunded"): the
// refund is done.
bool already_refunded(const Error& error);

}  // namespace kiosk::engine
