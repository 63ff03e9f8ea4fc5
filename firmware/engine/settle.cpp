#include "firmware/engine/settle.hpp"

#include <map>
#include <set>

#include <spdlog/spdlog.h>

#include "hal/await.hpp"

namespace kiosk::engine {
namespace {

struct Attempt {
  std::string step;
  Phase phase = Phase::intent;
  nlohmann::json data = nlohmann::json::object();  // intent data merged with outcome data
  std::string key;
};

// The journal's steps folded per idempotency key (one key per step attempt).
struct Folded {
  std::vector<Attempt> attempts;  // in first-seen order
  std::vector<const Attempt*> of(const std::string& step) const {
    std::vector<const Attempt*> out;
    for (const auto& a : attempts)
      if (a.step == step) out.push_back(&a);
    return out;
  }
  bool has(const std::string& step, Phase phase) const {
    for (const auto& a : attempts)
      if (a.step == step && a.phase == phase) return true;
    return false;
  }
};

Folded fold(const TransactionDetail& detail) {
  Folded f;
  std::map<std::string, std::size_t> index;
  for (const auto& s : detail.steps) {
    const std::string id = s.idempotency_key.empty() ? s.step : s.idempotency_key;
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

// "none" | "held" | "in_mouth" | "jammed", or "" when unknown.
std::string printer_card_position(hal::CardPrinter* printer) {
  if (printer == nullptr) return {};
  auto st = printer->health_check();
  if (!st.ok()) return {};
  auto it = st.value().detail.find("card");
  return it == st.value().detail.end() ? std::string{} : it->second;
}

}  // namespace

std::string idempotency_key(const std::string& txn, const std::string& step, int attempt) {
  return txn + ":" + step + ":" + std::to_string(attempt);
}

hal::Status reject_card_blocking(hal::CardPrinter& printer, std::chrono::milliseconds timeout) {
  return hal::await_completion<hal::Done>(
      printer,
      [&](hal::Completion<hal::Done> done) { return printer.reject_card(std::move(done)); },
      timeout, std::chrono::seconds(5), "reject_timeout");
}

SettleResult settle_transaction(const SettlePorts& p, const std::string& txn,
                                const std::string& hint) {
  auto log = spdlog::get("engine");
  SettleResult out;
  auto detail = p.journal.transaction(txn);
  if (!detail.ok()) return {"pending", {"journal_unreadable"}};
  if (detail.value().summary.finished) return {detail.value().summary.outcome, {}};
  const Folded f = fold(detail.value());
  bool pending = false;
  bool journal_broken = false;

  auto record = [&](const std::string& step, Phase phase, nlohmann::json data,
                    const std::string& key) {
    if (journal_broken) return false;
    auto r = p.journal.record_step(txn, StepRecord{step, phase, std::move(data), nullptr, key});
    if (!r.ok()) journal_broken = true;
    return r.ok();
  };

  // 1 + 2: cards.
  bool delivered = f.has("card_taken", Phase::done);
  bool retained = f.has("card_retained", Phase::done);
  for (const Attempt* a : f.of("card_printed")) {
    const std::string serial = str(a->data, "serial");
    if (a->phase == Phase::intent) {
      const std::string position = printer_card_position(p.card_printer);
      if (position == "none") {
        // Nothing in the printer: either the job never took a card (the ribbon did not move)
        // or the card was printed and taken before its outcome was journalled.
        const auto before = a->data.find("ribbon_panels_before");
        const auto stats = p.card_printer->statistics();
        const auto now = stats.find("RibbonRemainingPanels");
        const bool printed = before != a->data.end() && before->is_number_unsigned() &&
                             now != stats.end() && now->second < before->get<std::uint64_t>();
        if (printed) {
          if (!record("card_printed", Phase::done,
                      {{"serial", serial}, {"reason", "taken_unrecorded"}}, a->key))
            break;
          if (!serial.empty())
            (void)p.journal.record_card_outcome(serial, CardOutcome::issued, "taken_unrecorded");
          if (!record("card_taken", Phase::done,
                      {{"serial", serial}, {"reason", "taken_unrecorded"}},
                      idempotency_key(txn, "card_taken", 0))) {
            break;
          }
          delivered = true;
          out.actions.emplace_back("card_taken");
        } else {
          if (!record("card_printed", Phase::failed, {{"serial", serial}, {"reason", "not_loaded"}},
                      a->key))
            break;
          if (!serial.empty())
            (void)p.journal.record_card_outcome(serial, CardOutcome::spoiled, "not_loaded");
          out.actions.emplace_back("card_not_loaded");
        }
        continue;
      }
      if (!record("card_printed", Phase::failed, {{"serial", serial}, {"reason", "interrupted"}},
                  a->key))
        break;
      if (p.card_printer != nullptr) (void)reject_card_blocking(*p.card_printer, p.device_timeout);
      if (!serial.empty())
        (void)p.journal.record_card_outcome(serial, CardOutcome::spoiled, "interrupted");
      out.actions.emplace_back("card_spoiled");
    } else if (a->phase == Phase::done && !delivered && !retained) {
      if (printer_card_position(p.card_printer) == "none") {
        // The mouth is empty: the citizen took the card before its outcome was journalled.
        if (!serial.empty())
          (void)p.journal.record_card_outcome(serial, CardOutcome::issued, "taken_unrecorded");
        if (!record("card_taken", Phase::done, {{"serial", serial}, {"reason", "taken_unrecorded"}},
                    idempotency_key(txn, "card_taken", 0))) {
          break;
        }
        delivered = true;
        out.actions.emplace_back("card_taken");
        continue;
      }
      const std::string key = idempotency_key(txn, "card_retained", 0);
      if (!record("card_retained", Phase::intent, {{"serial", serial}}, key)) break;
      if (p.card_printer != nullptr) (void)reject_card_blocking(*p.card_printer, p.device_timeout);
      if (!serial.empty())
        (void)p.journal.record_card_outcome(serial, CardOutcome::retained, "not_taken");
      if (!record("card_retained", Phase::done, {{"serial", serial}, {"reason", "not_taken"}}, key))
        break;
      retained = true;
      out.actions.emplace_back("card_retained");
    }
  }

  // A card reserved just before a crash, before its print intent was journalled, never left
  // the feeder: account for it as spoiled "not_printed" so every reserved card has an outcome.
  if (!journal_broken && !delivered && !retained) {
    auto orphan = p.journal.reserved_card(txn);
    if (orphan.ok() && orphan.value()) {
      (void)p.journal.record_card_outcome(*orphan.value(), CardOutcome::spoiled, "not_printed");
      out.actions.emplace_back("card_not_printed");
    }
  }

  // 3: payments, per order.
  std::set<std::string> paid_orders;
  std::set<std::string> refunded_orders;
  for (const Attempt* a : f.of("refund"))
    if (a->phase == Phase::done) refunded_orders.insert(str(a->data, "order_id"));
  for (const Attempt* a : f.of("payment_charged")) {
    const std::string order = str(a->data, "order_id");
    const std::string outcome = str(a->data, "outcome");
    if (a->phase == Phase::done && outcome == "approved") {
      paid_orders.insert(order);
      continue;
    }
    const bool in_doubt =
        a->phase == Phase::intent || (a->phase == Phase::done && outcome == "unknown");
    if (!in_doubt || order.empty() || journal_broken) continue;
    auto status = p.central.payment_status(order);
    if (!status.ok()) {
      pending = true;
      continue;
    }
    const std::string& state = status.value().state;
    if (state == "paid") {
      record("payment_charged", Phase::done,
             {{"order_id", order}, {"outcome", "approved"}, {"resolved", true}}, a->key);
      paid_orders.insert(order);
    } else if (state == "refunded") {
      record("payment_charged", Phase::done,
             {{"order_id", order}, {"outcome", "approved"}, {"resolved", true}}, a->key);
      paid_orders.insert(order);
      refunded_orders.insert(order);
    } else if (state == "unknown") {
      pending = true;
    } else {
      record("payment_charged", Phase::failed,
             {{"order_id", order}, {"outcome", "declined"}, {"resolved", true}}, a->key);
    }
  }

  // 4: refunds.
  if (!delivered && !retained) {
    int attempt = 0;
    for (const std::string& order : paid_orders) {
      const std::string key = idempotency_key(txn, "refund", attempt++);
      if (refunded_orders.count(order) != 0 || journal_broken) continue;
      if (!record("refund", Phase::intent, {{"order_id", order}}, key)) break;
      auto r = p.central.refund(order, key);
      if (r.ok() || (!is_transient(r.error()) && r.error().reason == "already_refunded")) {
        record("refund", Phase::done, {{"order_id", order}}, key);
        refunded_orders.insert(order);
        out.actions.emplace_back("refund");
      } else {
        if (!is_transient(r.error())) {
          record("refund", Phase::failed, {{"order_id", order}, {"reason", r.error().reason}}, key);
          if (log) log->error("event=refund_refused txn={} reason={}", txn, r.error().reason);
        }
        pending = true;
      }
    }
  }

  // 5: e-licence after a handed-out card.
  std::string authorisation;
  for (const Attempt* a : f.of("issuance_authorised"))
    if (a->phase == Phase::done) authorisation = str(a->data, "authorisation_id");
  if (delivered && !authorisation.empty() && !f.has("elicence_reissued", Phase::done) &&
      !f.has("elicence_reissued", Phase::failed) && !journal_broken) {
    const auto prior = f.of("elicence_reissued");
    const std::string key =
        prior.empty() ? idempotency_key(txn, "elicence_reissued", 0) : prior.front()->key;
    if (prior.empty())
      record("elicence_reissued", Phase::intent, {{"authorisation_id", authorisation}}, key);
    if (!journal_broken) {
      auto r = p.central.reissue_elicence(authorisation, key);
      if (r.ok()) {
        record("elicence_reissued", Phase::done, {{"reissue_id", r.value().reissue_id}}, key);
        out.actions.emplace_back("elicence");
      } else if (is_transient(r.error())) {
        pending = true;
      } else {
        record("elicence_reissued", Phase::failed, {{"reason", r.error().reason}}, key);
      }
    }
  }

  if (journal_broken || pending) {
    out.outcome = "pending";
    return out;
  }
  if (delivered || f.has("completed", Phase::done)) {
    out.outcome = "completed";
  } else if (retained) {
    out.outcome = "card_retained";
  } else if (!refunded_orders.empty()) {
    out.outcome = "refunded";
  } else {
    out.outcome = hint.empty() ? "aborted" : hint;
  }
  if (!p.journal.finish_transaction(txn, out.outcome).ok()) out.outcome = "pending";
  if (log) log->info("event=txn_settled txn={} outcome={}", txn, out.outcome);
  return out;
}

}  // namespace kiosk::engine
