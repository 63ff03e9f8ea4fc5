#include "firmware/engine/settle.hpp"

#include <spdlog/spdlog.h>

#include "firmware/engine/payment_state.hpp"
#include "firmware/engine/settle_context.hpp"
#include "hal/await.hpp"

namespace kiosk::engine {

std::vector<const Attempt*> Folded::of(Step step) const {
  std::vector<const Attempt*> out;
  for (const auto& a : attempts)
    if (a.step == step) out.push_back(&a);
  return out;
}

bool Folded::has(Step step, Phase phase) const {
  for (const auto& a : attempts)
    if (a.step == step && a.phase == phase) return true;
  return false;
}

Folded fold(const TransactionDetail& detail) {
  Folded f;
  std::map<std::string, std::size_t> index;
  for (const auto& s : detail.steps) {
    const std::string id =
        s.idempotency_key.empty() ? std::string(to_string(s.step)) : s.idempotency_key;
    auto it = index.find(id);
    if (it == index.end()) {
      index[id] = f.attempts.size();
      f.attempts.push_back(Attempt{s.step, s.phase,
                                   s.data.is_object() ? s.data : nlohmann::json::object(),
                                   s.idempotency_key});
      continue;
    }
    auto& a = f.attempts[it->second];
    a.phase = s.phase;
    if (s.data.is_object()) a.data.update(s.data);
  }
  return f;
}

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string{};
}

std::string printer_card_position(hal::CardPrinter* printer) {
  if (printer == nullptr) return {};
  auto st = printer->health_check();
  if (!st.ok()) return {};
  auto it = st.value().detail.find("card");
  return it == st.value().detail.end() ? std::string{} : it->second;
}

bool Settling::record(Step step, Phase phase, nlohmann::json data, const std::string& key) {
  if (journal_broken) return false;
  auto r = ports.journal.record_step(txn, StepRecord{step, phase, std::move(data), nullptr, key});
  if (!r.ok()) journal_broken = true;
  return r.ok();
}

void observe(Settling& s) {
  s.delivered = s.journal.has(Step::card_taken, Phase::done);
  s.retained = s.journal.has(Step::card_retained, Phase::done);
  for (const Attempt* a : s.journal.of(Step::payment_created)) {
    const auto amount = a->data.find("amount_fen");
    const std::string order = str(a->data, "order_id");
    if (!order.empty() && amount != a->data.end() && amount->is_number_integer())
      s.order_amounts[order] = amount->get<std::int64_t>();
  }
  for (const Attempt* a : s.journal.of(Step::refund))
    if (a->phase == Phase::done) s.refunded_orders.insert(str(a->data, "order_id"));
  for (const Attempt* a : s.journal.of(Step::payment_charged)) {
    const std::string order = str(a->data, "order_id");
    const auto verdict = charge_verdict_from_string(str(a->data, "outcome"));
    if (a->phase == Phase::done && verdict == ChargeVerdict::approved) {
      s.paid_orders.insert(order);
    } else if (!order.empty() && (a->phase == Phase::intent ||
                                  (a->phase == Phase::done && verdict == ChargeVerdict::unknown))) {
      s.doubtful_orders.insert(order);
    }
  }
}

Money money_of(const Settling& s) {
  auto amount = [&](const std::string& order) {
    auto it = s.order_amounts.find(order);
    return it == s.order_amounts.end() ? std::int64_t{0} : it->second;
  };
  Money m;
  if (!s.paid_orders.empty()) {
    for (const auto& order : s.paid_orders) m.amount_fen += amount(order);
    if (s.delivered || s.retained || s.card_stuck) {
      m.state = MoneyState::charged;
      return m;
    }
    m.state = MoneyState::refunded;
    for (const auto& order : s.paid_orders) {
      if (m.refund_reference.empty()) m.refund_reference = order;
      if (s.refunded_orders.count(order) == 0) {
        m.state = MoneyState::refund_pending;
        m.refund_reference = order;
        break;
      }
    }
    return m;
  }
  if (!s.doubtful_orders.empty()) {
    // Maybe charged: owed back unless a card is handed out, which the office then settles.
    const std::string& order = *s.doubtful_orders.begin();
    m.amount_fen = amount(order);
    m.state = (s.delivered || s.retained || s.card_stuck) ? MoneyState::charged
                                                          : MoneyState::refund_pending;
    if (m.state == MoneyState::refund_pending) m.refund_reference = order;
  }
  return m;
}

std::string idempotency_key(const std::string& txn, Step step, int attempt) {
  return txn + ":" + std::string(to_string(step)) + ":" + std::to_string(attempt);
}

hal::Status reject_card_blocking(hal::CardPrinter& printer, std::chrono::milliseconds timeout) {
  return hal::await_completion<hal::Done>(
      printer,
      [&](hal::Completion<hal::Done> done) { return printer.reject_card(std::move(done)); },
      timeout, std::chrono::seconds(5), "reject_timeout");
}

SettleResult settle_transaction(const SettlePorts& p, const std::string& txn, Outcome hint) {
  auto log = spdlog::get("engine");
  auto detail = p.journal.transaction(txn);
  if (!detail.ok()) return {Outcome::pending, {"journal_unreadable"}, false, std::nullopt};
  const Folded f = fold(detail.value());
  Settling s{p, txn, f};
  observe(s);
  if (detail.value().summary.finished)
    return {detail.value().summary.outcome.value_or(Outcome::aborted), {}, false, money_of(s)};

  settle_interrupted_prints(s);
  settle_card_in_mouth(s);
  settle_unprinted_reservation(s);
  settle_charges(s);
  settle_refunds(s);
  settle_elicence(s);

  SettleResult out{Outcome::pending, std::move(s.actions), s.refunded_now, money_of(s),
                   s.card_stuck};
  if (s.journal_broken || s.pending) return out;
  if (s.delivered || f.has(Step::completed, Phase::done)) {
    out.outcome = Outcome::completed;
  } else if (s.retained) {
    out.outcome = Outcome::card_retained;
  } else if (!s.refunded_orders.empty()) {
    out.outcome = Outcome::refunded;
  } else {
    out.outcome = hint;
  }
  if (!p.journal.finish_transaction(txn, out.outcome).ok()) out.outcome = Outcome::pending;
  if (log) log->info("event=txn_settled txn={} outcome={}", txn, to_string(out.outcome));
  return out;
}

}  // namespace kiosk::engine
