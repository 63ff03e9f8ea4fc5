#include "firmware/engine/payment_state.hpp"

namespace kiosk::engine {

std::optional<OrderState> order_state(const PaymentOrder& order) {
  const std::string_view s = order.state;
  if (s == "created") return OrderState::created;
  if (s == "paid") return OrderState::paid;
  if (s == "declined") return OrderState::declined;
  if (s == "unknown") return OrderState::unknown;
  if (s == "refunded") return OrderState::refunded;
  if (s == "cancelled") return OrderState::cancelled;
  return std::nullopt;
}

std::string_view to_string(ChargeVerdict verdict) {
  switch (verdict) {
    case ChargeVerdict::approved:
      return "approved";
    case ChargeVerdict::declined:
      return "declined";
    case ChargeVerdict::unknown:
      return "unknown";
    case ChargeVerdict::not_charged:
      return "not_charged";
  }
  return "unknown";
}

std::optional<ChargeVerdict> charge_verdict_from_string(std::string_view name) {
  for (auto v : {ChargeVerdict::approved, ChargeVerdict::declined, ChargeVerdict::unknown,
                 ChargeVerdict::not_charged})
    if (to_string(v) == name) return v;
  return std::nullopt;
}

bool already_refunded(const Error& error) {
  return !is_transient(error) && error.reason == "already_refunded";
}

}  // namespace kiosk::engine
