// Stage payment (skipped when the fee is 0): central creates the order, the citizen shows a
// wallet payment code to the scanner, central charges it. Up to max_payment_attempts orders
// when the wallet declines. Journals per attempt `payment_created` (intent, done | failed) and
// `payment_charged` (intent before the charge with the order id, done with outcome approved,
// failed with declined / not_charged). An unknown outcome is resolved with central
// (resolve_in_doubt: status, the charge again under its key, then a compare-and-set cancel);
// one still unknown ends the session (payment_unresolved) and stays in doubt.
//
// Recovery (rules 3 and 4 of settle.hpp): a charge in doubt is resolved through
// payment_status; a paid order with no card handed out or retained is refunded.
#include <functional>

#include "firmware/engine/engine_log.hpp"
#include "firmware/engine/payment_state.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/settle_context.hpp"
#include "firmware/engine/wipe.hpp"

namespace kiosk::engine {
namespace {

struct Charge {
  ChargeVerdict verdict = ChargeVerdict::unknown;
  std::string decline_reason;
};

// What central's answer to the charge says. A transient error leaves it unknown.
Charge charge_answer(const Result<ChargeResult>& charged) {
  if (charged.ok()) {
    switch (charged.value().outcome) {
      case ChargeOutcome::approved:
        return {ChargeVerdict::approved, {}};
      case ChargeOutcome::declined:
        return {ChargeVerdict::declined, charged.value().order.decline_reason};
      case ChargeOutcome::timeout:
        return {ChargeVerdict::unknown, charged.value().order.decline_reason};
    }
  }
  // "conflict": the order changed while central charged it; no verdict either way.
  if (is_transient(charged.error()) || charged.error().reason == "conflict")
    return {ChargeVerdict::unknown, {}};
  return {ChargeVerdict::declined, charged.error().reason};
}

// What payment_status says about a charge whose outcome was unknown; unknown while it cannot
// tell. `created` after a charge was sent is no answer: the charge may still be in flight at
// central and commit later. An order cancelled, or left unpaid with no wallet's reason, was
// never charged.
Charge status_answer(const Result<PaymentOrder>& status) {
  if (!status.ok()) return {};
  const auto state = order_state(status.value());
  if (state == OrderState::paid) return {ChargeVerdict::approved, {}};
  if (state == OrderState::cancelled) return {ChargeVerdict::not_charged, {}};
  if (state == OrderState::declined) {
    if (status.value().decline_reason.empty()) return {ChargeVerdict::not_charged, {}};
    return {ChargeVerdict::declined, status.value().decline_reason};
  }
  return {};
}

// The compare-and-set cancel at central: an order still `created` is cancelled, so the charge
// in flight can no longer commit (never charged); one that moved on says where it went.
Charge cancel_answer(CentralPort& central, const std::string& order_id, const std::string& key) {
  auto cancelled = central.cancel_payment(order_id, key);
  if (cancelled.ok()) return status_answer(cancelled);
  if (is_transient(cancelled.error())) return {};
  return status_answer(central.payment_status(order_id));
}

// A charge whose outcome is unknown, asked until central answers definitely. payment_status
// first; an order still `created` means the charge is in flight or was lost on the way, so it
// is sent again under the same key (central replays the first answer if that one landed);
// when the queries run out, the compare-and-set cancel decides. `pause` waits between rounds
// and says false when the session is stopping. Unknown only while central cannot answer.
Charge resolve_in_doubt(CentralPort& central, const std::string& order_id,
                        const std::string& payment_code, const std::string& charge_key,
                        const std::string& cancel_key, int rounds,
                        const std::function<bool()>& pause) {
  for (int round = 0; round < rounds; ++round) {
    auto status = central.payment_status(order_id);
    Charge c = status_answer(status);
    if (c.verdict != ChargeVerdict::unknown) return c;
    if (status.ok() && order_state(status.value()) == OrderState::created) {
      auto again = central.charge_payment(order_id, payment_code, charge_key);
      // A refusal because the order moved on (not_chargeable) is no verdict: ask again.
      if (again.ok() ||
          (!is_transient(again.error()) && again.error().reason != "not_chargeable")) {
        c = charge_answer(again);
        if (c.verdict != ChargeVerdict::unknown) return c;
      }
    }
    if (!pause()) return {};
  }
  return cancel_answer(central, order_id, cancel_key);
}

}  // namespace

void Engine::SessionRun::pay() {
  if (decision_.fee_fen <= 0) return;  // free: no order, no charge
  for (int attempt = 0; attempt < e_.options_.max_payment_attempts; ++attempt) {
    check_id_card();
    record(Step::payment_created, Phase::intent,
           {{"amount_fen", decision_.fee_fen}, {"attempt", attempt}}, nullptr, attempt);
    auto order = e_.central_.create_payment(
        CreatePaymentRequest{decision_.fee_fen, std::string(to_string(service_))},
        key(Step::payment_created, attempt));
    if (!order.ok()) {
      if (is_transient(order.error())) central_down(Step::payment_created, order.error(), attempt);
      record(Step::payment_created, Phase::failed, {{"reason", order.error().reason}}, nullptr,
             attempt);
      throw SessionEnd{Outcome::payment_failed, order.error().reason};
    }
    const PaymentOrder o = order.value();
    record(Step::payment_created, Phase::done,
           {{"order_id", o.order_id}, {"amount_fen", o.amount_fen}}, nullptr, attempt);

    show(make(screens::kPayment, {"cancel"}, {{"amount_fen", o.amount_fen}, {"qr", o.qr}}), true);
    hal::Result<hal::PaymentCode> code = hal::make_error(hal::CompletionCode::timeout, "no_code");
    for (;;) {
      code = device<hal::PaymentCode>(
          *e_.devices_.payment_scanner,
          [&](hal::Completion<hal::PaymentCode> done) {
            return e_.devices_.payment_scanner->read_code(
                static_cast<int>(e_.options_.device_timeout.count()), std::move(done));
          },
          true);
      if (code.ok()) break;
      if (code.error().code != hal::CompletionCode::timeout)
        throw SessionEnd{Outcome::device_failure, "payment_scanner_" + code.error().reason};
    }

    show(make(screens::kChecking, {}), false);
    const nlohmann::json charge_data = {
        {"order_id", o.order_id},
        {"attempt", attempt},
        {"wallet", std::string(hal::to_string(code.value().wallet))}};
    record(Step::payment_charged, Phase::intent, charge_data, nullptr, attempt);
    const std::string charge_key = key(Step::payment_charged, attempt);
    auto charged = e_.central_.charge_payment(o.order_id, code.value().code, charge_key);
    const bool charge_unanswered = !charged.ok() && is_transient(charged.error());
    Charge c = charge_answer(charged);
    if (c.verdict == ChargeVerdict::unknown) {
      c = resolve_in_doubt(e_.central_, o.order_id, code.value().code, charge_key,
                           charge_key + ":cancel", e_.options_.payment_status_queries, [&] {
                             std::unique_lock lock(m_);
                             return !cv_.wait_for(lock, e_.options_.payment_status_interval,
                                                  [&] { return stop_.has_value(); });
                           });
    }
    wipe(code.value().code);
    if (c.verdict == ChargeVerdict::unknown)
      throw SessionEnd{Outcome::payment_unresolved, "status_unknown"};
    if (c.verdict == ChargeVerdict::not_charged && charge_unanswered) {
      // The charge never reached the acquirer: central is the problem, not the citizen's wallet.
      record(Step::payment_charged, Phase::failed,
             {{"order_id", o.order_id}, {"outcome", to_string(ChargeVerdict::not_charged)}},
             nullptr, attempt);
      throw SessionEnd{Outcome::central_unavailable, std::string(to_string(charged.error().code))};
    }
    if (c.verdict == ChargeVerdict::approved) {
      // Known before it is journalled: if that write fails the end screen still says paid.
      order_id_ = o.order_id;
      paid_fen_ = o.amount_fen;
      record(Step::payment_charged, Phase::done,
             {{"order_id", o.order_id}, {"outcome", to_string(ChargeVerdict::approved)}}, nullptr,
             attempt);
      return;
    }
    // Declined by the wallet (or, after an answered timeout, left unpaid: "not_charged").
    const std::string decline_reason =
        c.verdict == ChargeVerdict::not_charged ? "not_charged" : c.decline_reason;
    record(Step::payment_charged, Phase::failed,
           {{"order_id", o.order_id},
            {"outcome", to_string(ChargeVerdict::declined)},
            {"reason", decline_reason}},
           nullptr, attempt);
    if (attempt + 1 >= e_.options_.max_payment_attempts) break;
    Screen s = make(screens::kPaymentDeclined, {"retry", "cancel"}, {{"amount_fen", o.amount_fen}});
    s.error = ScreenError{"payment_declined", decline_reason, "error.payment_declined"};
    auto [action, value] = wait_action(std::move(s));
    (void)value;
    if (action == "cancel") throw SessionEnd{Outcome::cancelled, "citizen"};
  }
  throw SessionEnd{Outcome::payment_declined, "attempts_exhausted"};
}

// ---- recovery ---------------------------------------------------------------------------------

void settle_charges(Settling& s) {
  for (const Attempt* a : s.journal.of(Step::payment_charged)) {
    const std::string order = str(a->data, "order_id");
    if (s.doubtful_orders.count(order) == 0 || s.journal_broken) continue;
    auto status = s.ports.central.payment_status(order);
    if (!status.ok()) {
      s.pending = true;
      continue;
    }
    if (order_state(status.value()) == OrderState::created) {
      // The charge may still be in flight: only a compare-and-set cancel makes "not charged"
      // true for good (an order that moved on is read again).
      const std::string cancel_key = (a->key.empty() ? order : a->key) + ":cancel";
      auto cancelled = s.ports.central.cancel_payment(order, cancel_key);
      status = cancelled.ok() || is_transient(cancelled.error())
                   ? std::move(cancelled)
                   : s.ports.central.payment_status(order);
      if (!status.ok() || order_state(status.value()) == OrderState::created) {
        s.pending = true;
        continue;
      }
    }
    const auto state = order_state(status.value());
    if (state == OrderState::paid || state == OrderState::refunded) {
      s.record(Step::payment_charged, Phase::done,
               {{"order_id", order},
                {"outcome", to_string(ChargeVerdict::approved)},
                {"resolved", true}},
               a->key);
      s.paid_orders.insert(order);
      if (state == OrderState::refunded) s.refunded_orders.insert(order);
      s.doubtful_orders.erase(order);
    } else if (state == OrderState::unknown) {
      s.pending = true;
    } else {
      const auto verdict =
          state == OrderState::cancelled ? ChargeVerdict::not_charged : ChargeVerdict::declined;
      s.record(Step::payment_charged, Phase::failed,
               {{"order_id", order}, {"outcome", to_string(verdict)}, {"resolved", true}}, a->key);
      s.doubtful_orders.erase(order);
    }
  }
}

namespace {
bool journalled(const Settling& s, const std::string& key) {
  for (const Attempt* a : s.journal.of(Step::refund))
    if (a->key == key) return true;
  return false;
}
}  // namespace

void settle_refunds(Settling& s) {
  // A card handed out or held: the payment stands. A card that may still be in the mouth is
  // not refunded either: the citizen may yet take it (the kiosk is out of service meanwhile).
  if (s.delivered || s.retained || s.card_stuck) return;
  int attempt = 0;
  for (const std::string& order : std::set<std::string>(s.paid_orders)) {
    const std::string key = idempotency_key(s.txn, Step::refund, attempt++);
    if (s.refunded_orders.count(order) != 0 || s.journal_broken) continue;
    // One intent per refund: a retry after central was away goes on under the journalled one.
    if (!journalled(s, key) && !s.record(Step::refund, Phase::intent, {{"order_id", order}}, key))
      break;
    auto r = s.ports.central.refund(order, key);
    if (r.ok() || already_refunded(r.error())) {
      s.record(Step::refund, Phase::done, {{"order_id", order}}, key);
      s.refunded_orders.insert(order);
      s.actions.emplace_back("refund");
      s.refunded_now = true;
    } else {
      if (!is_transient(r.error())) {
        s.record(Step::refund, Phase::failed, {{"order_id", order}, {"reason", r.error().reason}},
                 key);
        engine_log()->error("event=refund_refused txn={} reason={}", s.txn, r.error().reason);
      }
      s.pending = true;
    }
  }
}

}  // namespace kiosk::engine
