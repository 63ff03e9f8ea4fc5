#pragma once
// Finishing or compensating one transaction from its journalled steps: used at the end of
// every session and by Engine::recover() after a crash. Pure over the ports: everything it
// decides comes from the journal, so a session cut at any step boundary settles the same way.
//
// Rules (in order):
//  1. a card_printed intent without done/failed: the print was interrupted; the card is moved
//     to the reject bin and recorded spoiled ("interrupted");
//  2. a card_printed done without card_taken / card_retained: a card still in the printer is
//     retained (reject bin, recorded retained "not_taken" only once the printer reports its
//     mouth empty; a failed reject leaves the transaction pending with card_stuck); an empty
//     mouth means the citizen took it before that was journalled (issued "taken_unrecorded");
//  3. a payment_charged intent without an outcome (or outcome unknown): payment_status decides
//     (paid / not paid); an order still `created` is cancelled compare-and-set first (the
//     charge may be in flight); still unknown or central down => the transaction stays "pending";
//  4. paid and no card handed out or retained, and no refund yet: refund with the key
//     "<txn>:refund:<attempt>" (intent before, done after); central down => "pending";
//  5. card handed out, issuance authorised, e-licence not re-issued: reissue with the key of
//     the journalled intent (or a new intent); central down => "pending";
//  6. nothing pending: finish_transaction with the outcome (completed, card_retained,
//     refunded, else the hint).
// A retained card is not refunded: the office holds it for the citizen.
// Each rule is implemented next to its step's code (settle_context.hpp says where).

#include <optional>
#include <string>
#include <vector>

#include "firmware/engine/money.hpp"
#include "firmware/engine/ports.hpp"

namespace kiosk::engine {

struct SettlePorts {
  JournalPort& journal;
  CentralPort& central;
  hal::CardPrinter* card_printer;  // may be null (then no physical reject)
  std::chrono::milliseconds device_timeout{60'000};
};

struct SettleResult {
  Outcome outcome = Outcome::pending;  // the finish outcome, or pending
  std::vector<std::string> actions;    // what was done, for the log: "refund", "card_spoiled", ...
  bool refunded_now = false;           // this run refunded a payment
  // The citizen's money as the journal shows it after the rules ran (a refund central has not
  // confirmed is refund_pending); nullopt when the journal could not be read.
  std::optional<Money> money;
  // A printed card may still be in the mouth (the reject failed): the kiosk must not serve.
  bool card_stuck = false;
};

// `hint`: why the session ended (Outcome::interrupted from recover()); the finish outcome when
// the journal shows nothing more telling.
SettleResult settle_transaction(const SettlePorts& ports, const std::string& txn, Outcome hint);

// "<txn>:<step>:<attempt>"
std::string idempotency_key(const std::string& txn, Step step, int attempt);

// Moves whatever card the printer holds or shows in its mouth to the reject bin; blocks.
hal::Status reject_card_blocking(hal::CardPrinter& printer, std::chrono::milliseconds timeout);

}  // namespace kiosk::engine
