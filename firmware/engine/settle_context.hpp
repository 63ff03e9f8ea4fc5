#pragma once
// Engine-internal: one transaction's journal folded per step attempt, and what settling it has
// found and done so far. settle.cpp runs the rules in order (settle.hpp); each rule lives with
// the code of the step whose side effect it finishes or compensates (step_*.cpp), so a step's
// effect, its journalling and its recovery read together.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "firmware/engine/settle.hpp"

namespace kiosk::engine {

struct Attempt {
  Step step = Step::session_started;
  Phase phase = Phase::intent;
  nlohmann::json data = nlohmann::json::object();  // intent data merged with outcome data
  std::string key;
};

// The journal's steps folded per idempotency key (one key per step attempt).
struct Folded {
  std::vector<Attempt> attempts;  // in first-seen order
  std::vector<const Attempt*> of(Step step) const;
  bool has(Step step, Phase phase) const;
};

Folded fold(const TransactionDetail& detail);

// data[key] when it is a string, else "".
std::string str(const nlohmann::json& data, const char* key);

// Where the card printer holds a card: "none" | "held" | "in_mouth" | "jammed", or "" when
// unknown (no printer, health check failed).
std::string printer_card_position(hal::CardPrinter* printer);

struct Settling {
  Settling(const SettlePorts& p, const std::string& t, const Folded& j)
      : ports(p), txn(t), journal(j) {}

  const SettlePorts& ports;
  const std::string& txn;
  const Folded& journal;

  // What the transaction's money and card came to so far; the rules update it as they act.
  bool delivered = false;  // a card was handed out (card_taken)
  bool retained = false;   // a card went to the reject bin for the office (card_retained)
  // A printed card the printer could not be shown to have moved to the reject bin: it may
  // still be in the mouth. Neither handed out nor held, and not refunded either.
  bool card_stuck = false;
  std::set<std::string> paid_orders;                  // charged (approved, or resolved as paid)
  std::set<std::string> refunded_orders;              // refund done
  std::set<std::string> doubtful_orders;              // charge outcome still unknown
  std::map<std::string, std::int64_t> order_amounts;  // order id -> amount_fen

  bool pending = false;         // something must wait (central down): settle again later
  bool journal_broken = false;  // a write failed: nothing more is done now
  std::vector<std::string> actions;
  bool refunded_now = false;

  // Journals one record; false (and journal_broken) when the journal refuses it.
  bool record(Step step, Phase phase, nlohmann::json data, const std::string& key);
};

// The facts as journalled, before any rule acts.
void observe(Settling& s);

// The rules, in the order settle_transaction applies them.
// step_print.cpp: an interrupted print (rule 1).
void settle_interrupted_prints(Settling& s);
// step_handout.cpp: a printed card neither taken nor retained (rule 2).
void settle_card_in_mouth(Settling& s);
// step_print.cpp: a card reserved but never printed.
void settle_unprinted_reservation(Settling& s);
// step_payment.cpp: charges in doubt (rule 3), then refunds (rule 4).
void settle_charges(Settling& s);
void settle_refunds(Settling& s);
// step_handout.cpp: the e-licence after a handed-out card (rule 5).
void settle_elicence(Settling& s);

// step_handout.cpp: the printed card `serial` left the printer but its taking was never
// journalled: records it issued ("taken_unrecorded") and the card_taken step, and counts it
// delivered. False when the journal refused the step (journal_broken).
bool record_taken_unrecorded(Settling& s, const std::string& serial);

// What the citizen's money came to, from the facts.
Money money_of(const Settling& s);

}  // namespace kiosk::engine
