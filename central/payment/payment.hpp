#pragma once
// The payment acquirer simulator (kiosk_central_payment): a pure state machine over an Order.
// The server stores orders and serialises access per order; every function here takes the
// current order and returns the next one (or a typed error), with no I/O and no clock.
//
// States:  created --charge approved--> paid --refund--> refunded
//          created --charge declined--> declined (terminal; a new order is needed)
//          created --charge timeout---> unknown  --query--> paid | declined
//          created --cancel--> cancelled
// Payment codes (PROTOCOLS.md "Payment"), digits only:
//   WeChat   18 digits, starting 10..15
//   Alipay   16..24 digits, starting 25..30
//   UnionPay 19 digits, starting 62
// Outcomes are configurable with an OutcomeTable: rules keyed by the code's trailing digits,
// longest suffix wins; a code that matches no rule is approved. The default table:
//   ...9999  timeout, resolved by query to declined ("acquirer_unavailable")
//   ...0000  timeout, resolved by query to approved
//   ...01    declined "insufficient_funds"
//   ...02    declined "code_expired"
//   ...03    declined "risk_control"
// Only a masked code (first 4 and last 4 digits) is ever stored in an order.
// Amounts are integer fen; an order is 1 .. 1 000 000 fen (10 000 yuan).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "protocol/expected.hpp"

namespace kiosk::central::payment {

enum class Errc {
  invalid_amount,        // amount outside 1..kMaxAmountFen
  invalid_argument,      // empty or oversized order id / idempotency key
  invalid_code,          // not a WeChat/Alipay/UnionPay payment code
  idempotency_conflict,  // same idempotency key, different request
  not_chargeable,        // charge on an order that is not `created`
  not_pending,           // query on an order that is not `unknown`
  not_captured,          // refund of an order that was never paid
  already_refunded,      // second refund
  bad_json,              // order JSON malformed
};

std::string_view to_string(Errc code);

struct PaymentError {
  Errc code = Errc::invalid_argument;
  std::string message;
};

template <typename T>
using Result = protocol::Expected<T, PaymentError>;

inline constexpr std::int64_t kMaxAmountFen = 1'000'000;

enum class Wallet { wechat, alipay, unionpay };
enum class OrderState { created, paid, declined, unknown, refunded, cancelled };
enum class Outcome { approved, declined, timeout };

std::string_view to_string(Wallet v);
std::string_view to_string(OrderState v);
std::string_view to_string(Outcome v);

// The wallet a payment code belongs to. Errors: invalid_code.
Result<Wallet> classify_payment_code(std::string_view code);
// "1012********5678"-style masking (first 4, last 4). Codes shorter than 9 are fully masked.
std::string mask_code(std::string_view code);

struct OutcomeRule {
  std::string suffix;  // trailing digits, 1..8
  Outcome outcome = Outcome::approved;
  std::string decline_reason;                 // for declined (and timeout->declined)
  Outcome after_timeout = Outcome::approved;  // for timeout: what a query then finds
};

struct OutcomeTable {
  std::vector<OutcomeRule> rules;
  static OutcomeTable default_table();
  // The rule for `code` (longest matching suffix); nullopt = approved.
  std::optional<OutcomeRule> rule_for(std::string_view code) const;
};

struct CreateOrder {
  std::string order_id;         // chosen by the server, unique, 1..64 chars
  std::string idempotency_key;  // from the kiosk, 1..128 chars
  std::int64_t amount_fen = 0;
  std::string description;  // e.g. "renewal"
};

struct Order {
  std::string order_id;
  std::string idempotency_key;
  std::int64_t amount_fen = 0;
  std::string description;
  OrderState state = OrderState::created;
  std::optional<Wallet> wallet;
  std::string masked_code;
  std::string decline_reason;
  std::int64_t refunded_fen = 0;
  int charge_attempts = 0;
  // Set while `unknown`: the outcome a query will find.
  std::optional<Outcome> pending_outcome;
  std::string acquirer_reference;  // set when paid: "SIM-<order id>"
  bool operator==(const Order&) const = default;
};

// A new order. Errors: invalid_amount, invalid_argument.
Result<Order> create_order(const CreateOrder& request);
// Idempotent create: when the server already holds an order under the same idempotency key,
// the same request returns that order unchanged; a different amount or description is
// idempotency_conflict. With no existing order it is create_order.
Result<Order> create_order_idempotent(const std::optional<Order>& existing,
                                      const CreateOrder& request);

struct ChargeResult {
  Order order;
  Outcome outcome = Outcome::approved;
};
// Charges a scanned payment code. Errors: invalid_code (order unchanged, may be retried),
// not_chargeable (already paid/declined/unknown/refunded/cancelled).
Result<ChargeResult> charge(const Order& order, std::string_view payment_code,
                            const OutcomeTable& table = OutcomeTable::default_table());
// Resolves an `unknown` order (what the acquirer's status query reports). Errors: not_pending.
Result<Order> query(const Order& order);
// Cancels a `created` order (the citizen walked away). Errors: not_chargeable.
Result<Order> cancel(const Order& order);
// Full refund, once. Errors: not_captured (never paid), already_refunded.
Result<Order> refund(const Order& order);

// The text of the QR code the kiosk shows for an order ("kiosk24pay://order/<id>?amount=<fen>").
std::string qr_payload(const Order& order);

nlohmann::json to_json(const Order& order);
Result<Order> order_from_json(const nlohmann::json& json);

}  // namespace kiosk::central::payment
