#pragma once
// The steps of a transaction (ARCHITECTURE.md, "The transaction engine"): what the engine
// journals, what settle reads back, what the screen model's `step` names. One enum for all of
// them; the spellings below are stored in the journal, synced to central and published to the
// UI, so they never change (docs/screen-model.md lists them).

#include <optional>
#include <string_view>

namespace kiosk::engine {

enum class Step {
  session_started,
  identified,         // the ID card was read
  consent,            // to face verification (failed: the citizen asked for staff)
  face_verified,      // central matched the face with the ID photo
  eligibility,        // central's decision (done even when not eligible)
  photo_accepted,     // the licence photo
  details_confirmed,  // the details and the (possibly changed) address
  old_card_returned,  // replace_damaged: the old card is in the recovery slot
  payment_created,    // the order at central
  payment_charged,    // the wallet charge (fee > 0 only)
  issuance_authorised,
  card_printed,  // one attempt per blank card
  card_taken,
  card_retained,  // not taken in time: in the reject bin, held by the office
  receipt_printed,
  elicence_reissued,
  completed,
  refund,  // compensation (settle)
};

// The journal / wire spelling: "session_started", "identified", ...
std::string_view to_string(Step step);
// nullopt for a name that is no step (a journal written by something else).
std::optional<Step> step_from_string(std::string_view name);

}  // namespace kiosk::engine
