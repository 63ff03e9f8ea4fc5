// Stages take, receipt and elicence: the citizen takes the card from the mouth (or it is
// retained for the office after card_take_timeout), the receipt prints, and central re-issues
// the electronic licence for the new card. Journals `card_taken` (done) | `card_retained`
// (intent before the reject, done after), `receipt_printed` (intent, done | failed: no
// receipt is no reason to fail a renewal) and `elicence_reissued` (intent, done | failed).
//
// Recovery (rules 2 and 5 of settle.hpp): below.
#include "firmware/engine/service_receipt.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/settle_context.hpp"

namespace kiosk::engine {

void Engine::SessionRun::take_card() {
  hal::CardPrinter& printer = *e_.devices_.card_printer;
  const std::string& serial = card_serial_;
  show(make(screens::kTakeCard, {}), false);
  const auto deadline = e_.clock_.steady() + e_.options_.card_take_timeout;
  for (;;) {
    auto st = printer.health_check();
    if (st.ok()) {
      auto it = st.value().detail.find("card");
      if (it != st.value().detail.end() && it->second == "none") break;
    }
    if (e_.clock_.steady() >= deadline) {
      // Not taken: the card goes to the reject bin and is kept for the citizen at the office.
      // Settling does it (rule 2), as after a crash: it records the card retained only when
      // the printer shows its mouth empty afterwards.
      card_out_ = true;
      throw SessionEnd{Outcome::card_retained, "not_taken"};
    }
    pause();
  }
  card_out_ = true;
  auto issued = e_.journal_.record_card_outcome(serial, CardOutcome::issued, "");
  if (!issued.ok()) {
    journal_failed_ = true;
    throw SessionEnd{Outcome::journal_unavailable, std::string(to_string(issued.error().code))};
  }
  record(Step::card_taken, Phase::done, {{"serial", serial}});
}

void Engine::SessionRun::receipt() {
  if (e_.devices_.receipt_printer == nullptr) return;
  record(Step::receipt_printed, Phase::intent);
  ServiceReceiptData data;
  data.service = std::string(to_string(service_));
  data.kiosk_id = e_.options_.kiosk_id;
  data.txn_id = txn_;
  data.at = e_.clock_.now();
  data.card_serial = card_serial_;
  data.authorisation_id = authorisation_.authorisation_id;
  // The office's card data carries the new validity as "validity": {"valid_to": ...}.
  const auto& card = authorisation_.card;
  if (card.contains("validity") && card["validity"].is_object() &&
      card["validity"].contains("valid_to") && card["validity"]["valid_to"].is_string()) {
    data.valid_to = card["validity"]["valid_to"].get<std::string>();
  }
  data.paid_fen = paid_fen_;
  data.order_id = order_id_;
  hal::Receipt r = make_service_receipt(data);
  auto done = device<hal::Done>(
      *e_.devices_.receipt_printer,
      [&](hal::Completion<hal::Done> d) {
        return e_.devices_.receipt_printer->print(std::move(r), std::move(d));
      },
      false);
  if (done.ok()) {
    receipt_qr_ = receipt_qr(data);
    record(Step::receipt_printed, Phase::done);
  } else {
    // Journalled (and on the kiosk's status); the session goes on.
    record(Step::receipt_printed, Phase::failed, {{"reason", done.error().reason}});
  }
}

void Engine::SessionRun::elicence() {
  record(Step::elicence_reissued, Phase::intent,
         {{"authorisation_id", authorisation_.authorisation_id}});
  auto r =
      e_.central_.reissue_elicence(authorisation_.authorisation_id, key(Step::elicence_reissued));
  if (r.ok()) {
    record(Step::elicence_reissued, Phase::done, {{"reissue_id", r.value().reissue_id}});
  } else if (!is_transient(r.error())) {
    record(Step::elicence_reissued, Phase::failed, {{"reason", r.error().reason}});
  }
  // Transient: the intent stays; settle / recover() retries with the same key.
}

// ---- recovery ---------------------------------------------------------------------------------

bool record_taken_unrecorded(Settling& s, const std::string& serial) {
  if (!serial.empty())
    (void)s.ports.journal.record_card_outcome(serial, CardOutcome::issued, "taken_unrecorded");
  if (!s.record(Step::card_taken, Phase::done, {{"serial", serial}, {"reason", "taken_unrecorded"}},
                idempotency_key(s.txn, Step::card_taken, 0)))
    return false;
  s.delivered = true;
  s.actions.emplace_back("card_taken");
  return true;
}

namespace {
// The reject answered and the printer then reports no card anywhere: only then is the card in
// the bin. An unknown position (no printer, no answer) proves nothing.
bool reject_to_bin(hal::CardPrinter* printer, std::chrono::milliseconds timeout) {
  if (printer == nullptr || !reject_card_blocking(*printer, timeout).ok()) return false;
  return printer_card_position(printer) == "none";
}
}  // namespace

// A card_printed done without card_taken / card_retained: an empty mouth means the citizen
// took it before that was journalled (issued "taken_unrecorded"); a card still in the printer
// is retained (reject bin, retained "not_taken").
void settle_card_in_mouth(Settling& s) {
  const SettlePorts& p = s.ports;
  for (const Attempt* a : s.journal.of(Step::card_printed)) {
    if (s.journal_broken) return;
    if (a->phase != Phase::done || s.delivered || s.retained) continue;
    const std::string serial = str(a->data, "serial");
    if (printer_card_position(p.card_printer) == "none") {
      if (!record_taken_unrecorded(s, serial)) return;
      continue;
    }
    const std::string key = idempotency_key(s.txn, Step::card_retained, 0);
    // One intent (and one failure) per card, however many passes the reject takes.
    const bool tried = !s.journal.of(Step::card_retained).empty();
    if (!tried && !s.record(Step::card_retained, Phase::intent, {{"serial", serial}}, key)) return;
    if (!reject_to_bin(p.card_printer, p.device_timeout)) {
      // The card may still be in the mouth for anyone to take: not retained, not refunded;
      // the transaction stays pending (the kiosk goes out of service) and the next settle
      // pass tries the reject again, or finds the mouth empty (taken after all).
      if (!s.journal.has(Step::card_retained, Phase::failed))
        s.record(Step::card_retained, Phase::failed,
                 {{"serial", serial}, {"reason", "reject_failed"}}, key);
      s.card_stuck = true;
      s.pending = true;
      return;
    }
    if (!serial.empty())
      (void)p.journal.record_card_outcome(serial, CardOutcome::retained, "not_taken");
    if (!s.record(Step::card_retained, Phase::done, {{"serial", serial}, {"reason", "not_taken"}},
                  key))
      return;
    s.retained = true;
    s.actions.emplace_back("card_retained");
  }
}

// A card handed out, issuance authorised, e-licence not re-issued: reissue with the key of the
// journalled intent (or a new intent); central down leaves it pending.
void settle_elicence(Settling& s) {
  std::string authorisation;
  for (const Attempt* a : s.journal.of(Step::issuance_authorised))
    if (a->phase == Phase::done) authorisation = str(a->data, "authorisation_id");
  if (!s.delivered || authorisation.empty() ||
      s.journal.has(Step::elicence_reissued, Phase::done) ||
      s.journal.has(Step::elicence_reissued, Phase::failed) || s.journal_broken)
    return;
  const auto prior = s.journal.of(Step::elicence_reissued);
  const std::string key =
      prior.empty() ? idempotency_key(s.txn, Step::elicence_reissued, 0) : prior.front()->key;
  if (prior.empty())
    s.record(Step::elicence_reissued, Phase::intent, {{"authorisation_id", authorisation}}, key);
  if (s.journal_broken) return;
  auto r = s.ports.central.reissue_elicence(authorisation, key);
  if (r.ok()) {
    s.record(Step::elicence_reissued, Phase::done, {{"reissue_id", r.value().reissue_id}}, key);
    s.actions.emplace_back("elicence");
  } else if (is_transient(r.error())) {
    s.pending = true;
  } else {
    s.record(Step::elicence_reissued, Phase::failed, {{"reason", r.error().reason}}, key);
  }
}

}  // namespace kiosk::engine
