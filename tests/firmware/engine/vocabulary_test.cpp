// The engine's shared vocabulary: steps and outcomes keep the spellings the journal, central
// and the UI already store, and each service is its ordered list of stages.
#include <catch2/catch.hpp>

#include "firmware/engine/outcome.hpp"
#include "firmware/engine/services.hpp"
#include "firmware/engine/step.hpp"

namespace kiosk::engine::test {
namespace {

// Each name parses (with `parse`) to a value whose to_string is that name again.
template <typename Parse>
void check_both_ways(const std::vector<std::string>& names, Parse parse) {
  for (const auto& name : names) {
    INFO(name);
    const auto value = parse(name);
    REQUIRE(value.has_value());
    CHECK(to_string(*value) == name);
  }
}

}  // namespace

TEST_CASE("every step keeps its journal spelling, both ways", "[engine][vocabulary]") {
  const std::vector<std::string> names = {
      "session_started",   "identified",          "consent",
      "face_verified",     "eligibility",         "photo_accepted",
      "details_confirmed", "old_card_returned",   "payment_created",
      "payment_charged",   "issuance_authorised", "card_printed",
      "card_taken",        "card_retained",       "receipt_printed",
      "elicence_reissued", "completed",           "refund"};
  check_both_ways(names, step_from_string);
  CHECK_FALSE(step_from_string("Identified").has_value());
  CHECK_FALSE(step_from_string("").has_value());
}

TEST_CASE("every outcome keeps its journal and screen spelling, both ways",
          "[engine][vocabulary]") {
  const std::vector<std::string> names = {
      "completed",      "card_retained",     "refunded",           "cancelled",
      "walked_away",    "id_card_swapped",   "id_card_unreadable", "central_unavailable",
      "face_mismatch",  "face_check_failed", "not_eligible",       "photo_failed",
      "payment_failed", "payment_declined",  "payment_unresolved", "issuance_refused",
      "out_of_service", "card_failed",       "device_failure",     "journal_unavailable",
      "shutdown",       "call_staff",        "interrupted",        "aborted",
      "pending"};
  check_both_ways(names, outcome_from_string);
  CHECK_FALSE(outcome_from_string("done").has_value());
}

TEST_CASE("each service is its ordered list of stages", "[engine][vocabulary]") {
  using enum Stage;
  const std::vector<Stage> renewal = {identify, consent,  face,  eligibility, photo,   confirm,
                                      payment,  issuance, print, take,        receipt, elicence};
  CHECK(stages(Service::renewal) == renewal);
  CHECK(stages(Service::replace_lost) == renewal);
  const std::vector<Stage> damaged = {identify, consent,  face,    eligibility, photo,
                                      confirm,  old_card, payment, issuance,    print,
                                      take,     receipt,  elicence};
  CHECK(stages(Service::replace_damaged) == damaged);
  CHECK(stages(Service::info_query) ==
        std::vector<Stage>{identify, consent, face, eligibility, licence_info});
}

TEST_CASE("progress counts each stage's step the citizen sees, then completed",
          "[engine][vocabulary]") {
  using enum Step;
  CHECK(progress_steps(Service::renewal) ==
        std::vector<Step>{identified, consent, face_verified, eligibility, photo_accepted,
                          details_confirmed, payment_charged, issuance_authorised, card_printed,
                          card_taken, completed});
  CHECK(progress_steps(Service::replace_damaged).size() == 12);
  CHECK(progress_steps(Service::info_query) ==
        std::vector<Step>{identified, consent, face_verified, eligibility, completed});
}

}  // namespace kiosk::engine::test
