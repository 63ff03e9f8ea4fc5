#include "central/payment/payment.hpp"

#include <nlohmann/json.hpp>

#include "protocol/enum_names.hpp"

namespace kiosk::central::payment {

namespace {

constexpr std::size_t kMaxOrderId = 64;
constexpr std::size_t kMaxIdempotencyKey = 128;
constexpr std::size_t kMaxDescription = 128;

PaymentError err(Errc code, std::string message) {
  return PaymentError{code, std::move(message)};
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int prefix2(std::string_view code) {
  return (code[0] - '0') * 10 + (code[1] - '0');
}

}  // namespace

constexpr auto kErrcNames =
    KIOSK_ENUM_NAMES(Errc, invalid_amount, invalid_argument, invalid_code, idempotency_conflict,
                     not_chargeable, not_pending, not_captured, already_refunded, bad_json);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code);
}

constexpr auto kWalletNames = KIOSK_ENUM_NAMES(Wallet, wechat, alipay, unionpay);

std::string_view to_string(Wallet v) {
  return protocol::name_of(kWalletNames, v);
}

constexpr auto kOrderStateNames =
    KIOSK_ENUM_NAMES(OrderState, created, paid, declined, unknown, refunded, cancelled);

std::string_view to_string(OrderState v) {
  return protocol::name_of(kOrderStateNames, v, "invalid");
}

constexpr auto kOutcomeNames = KIOSK_ENUM_NAMES(Outcome, approved, declined, timeout);

std::string_view to_string(Outcome v) {
  return protocol::name_of(kOutcomeNames, v, "invalid");
}

Result<Wallet> classify_payment_code(std::string_view code) {
  if (code.size() < 16 || code.size() > 24 || !all_digits(code)) {
    return err(Errc::invalid_code, "a payment code is 16 to 24 digits");
  }
  const int p = prefix2(code);
  if (code.size() == 18 && p >= 10 && p <= 15) return Wallet::wechat;
  if (p >= 25 && p <= 30) return Wallet::alipay;  // 16..24 digits checked above
  if (code.size() == 19 && p == 62) return Wallet::unionpay;
  return err(Errc::invalid_code, "unknown payment code prefix or length");
}

std::string mask_code(std::string_view code) {
  if (code.size() < 9) return std::string(code.size(), '*');
  return std::string(code.substr(0, 4)) + std::string(code.size() - 8, '*') +
         std::string(code.substr(code.size() - 4));
}

OutcomeTable OutcomeTable::default_table() {
  return OutcomeTable{{
      {"9999", Outcome::timeout, "acquirer_unavailable", Outcome::declined},
      {"0000", Outcome::timeout, "", Outcome::approved},
      {"01", Outcome::declined, "insufficient_funds", Outcome::approved},
      {"02", Outcome::declined, "code_expired", Outcome::approved},
      {"03", Outcome::declined, "risk_control", Outcome::approved},
  }};
}

std::optional<OutcomeRule> OutcomeTable::rule_for(std::string_view code) const {
  const OutcomeRule* best = nullptr;
  for (const auto& rule : rules) {
    if (rule.suffix.empty() || rule.suffix.size() > code.size()) continue;
    if (code.substr(code.size() - rule.suffix.size()) != rule.suffix) continue;
    if (best == nullptr || rule.suffix.size() > best->suffix.size()) best = &rule;
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

Result<Order> create_order(const CreateOrder& request) {
  if (request.amount_fen < 1 || request.amount_fen > kMaxAmountFen) {
    return err(Errc::invalid_amount, "amount must be 1.." + std::to_string(kMaxAmountFen) + " fen");
  }
  if (request.order_id.empty() || request.order_id.size() > kMaxOrderId ||
      request.idempotency_key.empty() || request.idempotency_key.size() > kMaxIdempotencyKey ||
      request.description.size() > kMaxDescription) {
    return err(Errc::invalid_argument,
               "order id, idempotency key or description empty or too long");
  }
  Order o;
  o.order_id = request.order_id;
  o.idempotency_key = request.idempotency_key;
  o.amount_fen = request.amount_fen;
  o.description = request.description;
  return o;
}

Result<Order> create_order_idempotent(const std::optional<Order>& existing,
                                      const CreateOrder& request) {
  if (!existing) return create_order(request);
  if (existing->idempotency_key != request.idempotency_key) {
    return err(Errc::invalid_argument, "existing order belongs to another idempotency key");
  }
  if (existing->amount_fen != request.amount_fen || existing->description != request.description) {
    return err(Errc::idempotency_conflict, "idempotency key reused for a different order");
  }
  return *existing;
}

Result<ChargeResult> charge(const Order& order, std::string_view payment_code,
                            const OutcomeTable& table) {
  if (order.state != OrderState::created) {
    return err(Errc::not_chargeable,
               "order is " + std::string(to_string(order.state)) + ", not created");
  }
  auto wallet = classify_payment_code(payment_code);
  if (!wallet) return wallet.error();
  ChargeResult r{order, Outcome::approved};
  Order& o = r.order;
  o.charge_attempts += 1;
  o.wallet = *wallet;
  o.masked_code = mask_code(payment_code);
  const auto rule = table.rule_for(payment_code);
  r.outcome = rule ? rule->outcome : Outcome::approved;
  switch (r.outcome) {
    case Outcome::approved:
      o.state = OrderState::paid;
      o.acquirer_reference = "SIM-" + o.order_id;
      break;
    case Outcome::declined:
      o.state = OrderState::declined;
      o.decline_reason = rule->decline_reason.empty() ? "declined" : rule->decline_reason;
      break;
    case Outcome::timeout:
      o.state = OrderState::unknown;
      o.pending_outcome = rule->after_timeout;
      if (rule->after_timeout == Outcome::declined) {
        o.decline_reason = rule->decline_reason.empty() ? "declined" : rule->decline_reason;
      }
      break;
  }
  return r;
}

Result<Order> query(const Order& order) {
  if (order.state != OrderState::unknown)
    return err(Errc::not_pending, "order is not awaiting the acquirer");
  Order o = order;
  const Outcome outcome = o.pending_outcome.value_or(Outcome::approved);
  o.pending_outcome.reset();
  if (outcome == Outcome::approved) {
    o.state = OrderState::paid;
    o.acquirer_reference = "SIM-" + o.order_id;
    o.decline_reason.clear();
  } else {
    o.state = OrderState::declined;
    if (o.decline_reason.empty()) o.decline_reason = "declined";
  }
  return o;
}

Result<Order> cancel(const Order& order) {
  if (order.state != OrderState::created)
    return err(Errc::not_chargeable, "only a created order can be cancelled");
  Order o = order;
  o.state = OrderState::cancelled;
  return o;
}

Result<Order> refund(const Order& order) {
  if (order.state == OrderState::refunded)
    return err(Errc::already_refunded, "order was already refunded");
  if (order.state != OrderState::paid) return err(Errc::not_captured, "order was never paid");
  Order o = order;
  o.state = OrderState::refunded;
  o.refunded_fen = o.amount_fen;
  return o;
}

std::string qr_payload(const Order& order) {
  return "kiosk24pay://order/" + order.order_id + "?amount=" + std::to_string(order.amount_fen);
}

nlohmann::json to_json(const Order& o) {
  return {{"order_id", o.order_id},
          {"idempotency_key", o.idempotency_key},
          {"amount_fen", o.amount_fen},
          {"description", o.description},
          {"state", to_string(o.state)},
          {"wallet", o.wallet ? nlohmann::json(to_string(*o.wallet)) : nlohmann::json(nullptr)},
          {"masked_code", o.masked_code},
          {"decline_reason", o.decline_reason},
          {"refunded_fen", o.refunded_fen},
          {"charge_attempts", o.charge_attempts},
          {"pending_outcome", o.pending_outcome ? nlohmann::json(to_string(*o.pending_outcome))
                                                : nlohmann::json(nullptr)},
          {"acquirer_reference", o.acquirer_reference}};
}

namespace {

template <typename E, std::size_t N>
std::optional<E> parse_enum(const nlohmann::json& v, const protocol::EnumNames<E, N>& names) {
  if (!v.is_string()) return std::nullopt;
  return protocol::value_of(names, v.get_ref<const std::string&>());
}

}  // namespace

Result<Order> order_from_json(const nlohmann::json& j) {
  auto bad = [](const char* field) {
    return err(Errc::bad_json, std::string("order field ") + field + " is missing or malformed");
  };
  if (!j.is_object()) return err(Errc::bad_json, "order must be a JSON object");
  auto field = [&](const char* k) -> const nlohmann::json* {
    auto it = j.find(k);
    return it == j.end() ? nullptr : &*it;
  };
  auto str = [&](const char* k, std::size_t max, std::string& out) {
    const auto* v = field(k);
    const auto* s = v != nullptr ? v->get_ptr<const std::string*>() : nullptr;
    if (s == nullptr || s->size() > max) return false;
    out = *s;
    return true;
  };
  auto integer = [&](const char* k, std::int64_t min, std::int64_t max, std::int64_t& out) {
    const auto* v = field(k);
    if (v == nullptr || !v->is_number_integer()) return false;
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
      return false;
    out = v->get<std::int64_t>();
    return out >= min && out <= max;
  };
  Order o;
  std::int64_t attempts = 0;
  if (!str("order_id", kMaxOrderId, o.order_id) || o.order_id.empty()) return bad("order_id");
  if (!str("idempotency_key", kMaxIdempotencyKey, o.idempotency_key) || o.idempotency_key.empty())
    return bad("idempotency_key");
  if (!integer("amount_fen", 1, kMaxAmountFen, o.amount_fen)) return bad("amount_fen");
  if (!str("description", kMaxDescription, o.description)) return bad("description");
  if (!str("masked_code", 32, o.masked_code)) return bad("masked_code");
  if (!str("decline_reason", 64, o.decline_reason)) return bad("decline_reason");
  if (!str("acquirer_reference", 128, o.acquirer_reference)) return bad("acquirer_reference");
  if (!integer("refunded_fen", 0, kMaxAmountFen, o.refunded_fen)) return bad("refunded_fen");
  if (!integer("charge_attempts", 0, 1'000'000, attempts)) return bad("charge_attempts");
  o.charge_attempts = static_cast<int>(attempts);
  auto state = j.contains("state") ? parse_enum(j["state"], kOrderStateNames) : std::nullopt;
  if (!state) return bad("state");
  o.state = *state;
  if (!j.contains("wallet")) return bad("wallet");
  if (!j["wallet"].is_null()) {
    auto w = parse_enum(j["wallet"], kWalletNames);
    if (!w) return bad("wallet");
    o.wallet = *w;
  }
  if (!j.contains("pending_outcome")) return bad("pending_outcome");
  if (!j["pending_outcome"].is_null()) {
    auto p = parse_enum(j["pending_outcome"], kOutcomeNames);
    if (!p) return bad("pending_outcome");
    o.pending_outcome = *p;
  }
  return o;
}

}  // namespace kiosk::central::payment
