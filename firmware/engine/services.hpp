#pragma once
// The services a citizen can use, each as its ordered list of stages. A stage is one part of
// the session the citizen sees (a screen, a wait) with the steps it journals and the side
// effect between them; the stage's code, and the recovery of its side effect after a crash,
// live together in one firmware/engine/step_<group>.cpp.

#include <optional>
#include <string_view>
#include <vector>

#include "firmware/engine/step.hpp"
#include "protocol/api/service.hpp"

namespace kiosk::engine {

// Names on the wire and in the journal: "renewal", "replace_lost", "replace_damaged",
// "info_query".
// The kiosk services and their names are the protocol's (protocol/api/service.hpp).
using protocol::Service;
using protocol::service_from_string;
using protocol::to_string;
// Whether the service hands out a card (and so needs card stock at the start).
bool prints_card(Service service);

enum class Stage {
  identify,      // insert_id_card: read the ID card              -> identified
  consent,       // consent to face verification                  -> consent
  face,          // face_capture, checking: central's face match  -> face_verified
  eligibility,   // checking: central's decision                  -> eligibility
  licence_info,  // info_query's answer, shown until finish       (journals nothing)
  photo,         // face_capture, photo_review: the licence photo -> photo_accepted
  confirm,       // confirm_details (address change)              -> details_confirmed
  old_card,      // return_old_card into the recovery slot        -> old_card_returned
  payment,       // payment, checking, payment_declined           -> payment_created,
                 //   payment_charged per attempt; skipped when the fee is 0
  issuance,      // checking: central's signed card data          -> issuance_authorised
  print,         // printing, one blank card per attempt          -> card_printed
  take,          // take_card                                     -> card_taken | card_retained
  receipt,       // the receipt printer                           -> receipt_printed
  elicence,      // central re-issues the electronic licence      -> elicence_reissued
};

// What the service does, in order. After the last stage the session journals `completed`.
//   renewal, replace_lost: identify, consent, face, eligibility, photo, confirm, payment,
//                          issuance, print, take, receipt, elicence
//   replace_damaged:       the same with old_card after confirm
//   info_query:            identify, consent, face, eligibility, licence_info
const std::vector<Stage>& stages(Service service);

// The steps the screen model's progress counts for the service (progress.index is the
// position of the session's last journalled step among them, 1-based; 0 when it is none):
// each stage's main step, then `completed`.
std::vector<Step> progress_steps(Service service);

}  // namespace kiosk::engine
