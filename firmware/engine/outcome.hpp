#pragma once
// How a transaction ends. The same names are the journal's finish outcome, the `outcome` of
// recover(), and the `error.code` of the screen that ends a session early
// (docs/screen-model.md, "Errors on ended"); the spellings are stored and published, so they
// never change.
//
// A session that ends early passes its reason (cancelled, walked_away, ...) to settle as the
// hint; settle finishes the transaction with what actually happened when that says more
// (completed: a card was handed out; card_retained; refunded), else with the hint.

#include <optional>
#include <string_view>

namespace kiosk::engine {

enum class Outcome {
  // What settle finds in the journal.
  completed,      // the card was handed out (or the query answered)
  card_retained,  // printed, not taken: the office holds it (no refund)
  refunded,       // paid, no card: the payment was refunded
  // Why a session ended early (the hint; also the end screen's error code).
  cancelled,
  walked_away,
  id_card_swapped,
  id_card_unreadable,
  central_unavailable,
  face_mismatch,
  face_check_failed,
  not_eligible,
  photo_failed,
  payment_failed,
  payment_declined,
  payment_unresolved,
  issuance_refused,
  out_of_service,
  card_failed,
  device_failure,
  journal_unavailable,
  shutdown,
  call_staff,
  interrupted,  // found unfinished at start (crash, power cut): recover()'s hint
  aborted,      // no hint given
  // Not finished: settle must run again later (central down, journal unwritable). Never
  // written to the journal as a finish outcome.
  pending,
};

// "completed", "card_retained", ... as stored and published.
std::string_view to_string(Outcome outcome);
// nullopt for a name that is no outcome.
std::optional<Outcome> outcome_from_string(std::string_view name);

}  // namespace kiosk::engine
