// Sessions end to end against the emulators (real drivers) and the journal/central fakes.
#include "tests/firmware/engine/kiosk_fixture.hpp"

namespace kiosk::engine::test {

TEST_CASE("a renewal runs end to end: card printed and taken, receipt printed, e-licence re-issued", "[engine][renewal]") {
  Kiosk k;
  std::vector<std::string> seen;
  k.engine->on_screen_changed([&seen](const Screen& s) {
    if (seen.empty() || seen.back() != s.screen) seen.push_back(s.screen);
  });
  auto started = k.engine->start_session("renewal", "en");
  REQUIRE(started.ok());
  const Screen end = Citizen{}.run(k);
  k.engine->on_screen_changed(nullptr);
  REQUIRE(end.screen == "completed");
  CHECK_FALSE(end.error.has_value());
  CHECK(end.language == "en");

  const auto ids = k.journal.transaction_ids();
  REQUIRE(ids.size() == 1);
  const auto steps = k.journal.steps(ids[0]);
  // Every step with a side effect has its intent journalled before its outcome.
  const std::vector<std::string> expected = {"session_started", "identified", "consent", "face_verified", "eligibility",
                                             "photo_accepted", "details_confirmed", "payment_created", "payment_charged",
                                             "issuance_authorised", "card_printed", "card_taken", "receipt_printed",
                                             "elicence_reissued", "completed"};
  CHECK(step_names(steps, Phase::done) == expected);
  const std::vector<std::string> intents = {"face_verified", "eligibility", "payment_created", "payment_charged",
                                            "issuance_authorised", "card_printed", "receipt_printed", "elicence_reissued"};
  CHECK(step_names(steps, Phase::intent) == intents);
  for (const auto& s : steps) {
    CHECK(s.idempotency_key.rfind(ids[0] + ":" + s.step + ":", 0) == 0);
    CHECK(s.data.dump().find("id_number") == std::string::npos);  // personal data only in `personal`
  }
  auto detail = k.journal.transaction(ids[0]);
  REQUIRE(detail.ok());
  CHECK(detail.value().summary.finished);
  CHECK(detail.value().summary.outcome == "completed");

  CHECK(k.central.authorisations() == 1);
  CHECK(k.central.reissues() == 1);
  REQUIRE(k.central.orders().size() == 1);
  CHECK(k.central.orders().begin()->second.order.state == "paid");
  CHECK(k.devices.card_emu().card_counter() == 1);
  CHECK(k.devices.receipt_emu().receipts_cut() == 1);
  auto stock = k.journal.stock_counts();
  CHECK(stock.value().issued == 1);
  CHECK(stock.value().remaining == 19);
  check_invariants(k);

  // The screens the citizen went through, in order.
  const std::vector<std::string> flow = {"insert_id_card", "consent", "face_capture", "checking", "face_capture",
                                         "photo_review", "confirm_details", "payment", "checking", "printing",
                                         "take_card", "completed"};
  CHECK(seen == flow);
  // The final screen holds no personal data, and finish returns to idle.
  CHECK(to_json(end).dump().find(emu::synthetic_citizens().front().card.id_number) == std::string::npos);
  REQUIRE(k.engine->act("finish").ok());
  CHECK(k.engine->screen().screen == "idle");
}

}  // namespace kiosk::engine::test
