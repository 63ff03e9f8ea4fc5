// Sessions end to end against the emulators (real drivers) and the journal/central fakes.
#include "tests/firmware/engine/kiosk_fixture.hpp"

namespace kiosk::engine::test {

TEST_CASE("a renewal runs end to end: card printed and taken, receipt printed, e-licence re-issued",
          "[engine][renewal]") {
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
  const std::vector<std::string> expected = {
      "session_started", "identified",          "consent",           "face_verified",
      "eligibility",     "photo_accepted",      "details_confirmed", "payment_created",
      "payment_charged", "issuance_authorised", "card_printed",      "card_taken",
      "receipt_printed", "elicence_reissued",   "completed"};
  CHECK(step_names(steps, Phase::done) == expected);
  const std::vector<std::string> intents = {
      "face_verified",       "eligibility",  "payment_created", "payment_charged",
      "issuance_authorised", "card_printed", "receipt_printed", "elicence_reissued"};
  CHECK(step_names(steps, Phase::intent) == intents);
  for (const auto& s : steps) {
    CHECK(s.idempotency_key.rfind(ids[0] + ":" + std::string(to_string(s.step)) + ":", 0) == 0);
    CHECK(s.data.dump().find("id_number") ==
          std::string::npos);  // personal data only in `personal`
  }
  auto detail = k.journal.transaction(ids[0]);
  REQUIRE(detail.ok());
  CHECK(detail.value().summary.finished);
  CHECK(detail.value().summary.outcome == Outcome::completed);

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
  const std::vector<std::string> flow = {
      "insert_id_card",  "consent", "face_capture", "checking", "face_capture", "photo_review",
      "confirm_details", "payment", "checking",     "printing", "take_card",    "completed"};
  CHECK(seen == flow);
  // The final screen holds no personal data, and finish returns to idle.
  CHECK(to_json(end).dump().find(emu::synthetic_citizens().front().card.id_number) ==
        std::string::npos);
  REQUIRE(k.engine->act("finish").ok());
  CHECK(k.engine->screen().screen == "idle");
}

}  // namespace kiosk::engine::test

namespace kiosk::engine::test {
namespace {

// Waits (bounded) until the ID reader reports the card `state` ("absent", "present").
void wait_id_card(Kiosk& k, const char* state) {
  for (int i = 0; i < 500 && k.devices.id_reader().status().detail["card"] != state; ++i)
    std::this_thread::sleep_for(5ms);
}

std::string error_reason(const Screen& s) {
  return s.error ? s.error->reason : std::string{};
}

}  // namespace

TEST_CASE("a lost licence is replaced end to end", "[engine][replace_lost]") {
  Kiosk k;
  CHECK(run_service(k, "replace_lost").screen == "completed");
  CHECK(k.devices.card_emu().card_counter() == 1);
  CHECK(k.central.reissues() == 1);
  check_invariants(k);
}

TEST_CASE("a damaged licence is replaced after the old card is handed in",
          "[engine][replace_damaged]") {
  Kiosk k;
  std::vector<std::string> seen;
  k.engine->on_screen_changed([&seen](const Screen& s) { seen.push_back(s.screen); });
  CHECK(run_service(k, "replace_damaged").screen == "completed");
  k.engine->on_screen_changed(nullptr);
  CHECK(std::find(seen.begin(), seen.end(), "return_old_card") != seen.end());
  const auto steps = k.journal.steps(k.journal.transaction_ids().at(0));
  CHECK(has_step(steps, Step::old_card_returned, Phase::done));
  CHECK(k.devices.card_emu().card_counter() == 1);
  check_invariants(k);
}

TEST_CASE("an information query shows the licence and neither prints nor charges",
          "[engine][info_query]") {
  Kiosk k;
  const Screen info = screen_on_the_way(k, "info_query", "licence_info");
  CHECK(info.data.at("classes") == "C1");
  CHECK(info.data.at("points") == 0);
  CHECK(k.central.orders().empty());
  CHECK(k.central.authorisations() == 0);
  CHECK(k.devices.card_emu().card_counter() == 0);
  CHECK(k.devices.receipt_emu().receipts_cut() == 0);
  CHECK(k.journal.transaction(k.journal.transaction_ids().at(0)).value().summary.outcome ==
        Outcome::completed);
}

TEST_CASE("a renewal with a zero fee skips the payment", "[engine][renewal]") {
  Kiosk k;
  EligibilityDecision d;
  d.eligible = true;
  d.fee_fen = 0;
  d.licence.classes = "C1";
  k.central.set_decision(d);
  CHECK(run_service(k, "renewal").screen == "completed");
  CHECK(k.central.orders().empty());
  const auto steps = k.journal.steps(k.journal.transaction_ids().at(0));
  CHECK_FALSE(has_step(steps, Step::payment_created, Phase::intent));
  check_invariants(k);
}

TEST_CASE("central down at each online step ends the session safely, refunding what was paid",
          "[engine][central]") {
  for (const char* call : {"face_match", "eligibility", "create_payment", "authorise_issuance"}) {
    INFO("central down at " << call);
    Kiosk k;
    k.central.set_down(call, Errc::unreachable);
    const Screen end = run_service(k, "renewal");
    CHECK(end.screen == "ended");
    CHECK(error_code(end) == "central_unavailable");
    CHECK(k.devices.card_emu().card_counter() == 0);
    check_invariants(k);
    if (std::string(call) == "authorise_issuance") {
      CHECK(k.central.orders().begin()->second.order.state == "refunded");
      CHECK(end.data.at("refunded") == true);
    }
  }
}

TEST_CASE("central unreachable while charging: the outcome is resolved through payment status",
          "[engine][central][payment]") {
  Kiosk k;
  k.central.set_down("charge_payment", Errc::timeout);
  const Screen end = run_service(k, "renewal");
  // The charge never reached central: the order is cancelled, so no late charge can land.
  CHECK(end.screen == "ended");
  CHECK(error_code(end) == "central_unavailable");
  CHECK(k.central.orders().size() == 1);
  CHECK(k.central.orders().begin()->second.order.state == "cancelled");
  check_invariants(k);
}

TEST_CASE("new sessions are refused with a clear screen while the circuit to central is open",
          "[engine][central]") {
  Kiosk k;
  k.central.set_circuit_open(true);
  auto r = k.engine->start_session("renewal", "en");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::central_unavailable);
  const Screen s = k.engine->screen();
  CHECK(s.screen == "unavailable");
  CHECK(error_code(s) == "central_unavailable");
  CHECK(s.prompt == "screen.unavailable");
  CHECK(k.journal.transaction_ids().empty());
}

TEST_CASE("an out-of-service kiosk refuses sessions, and the switch is audited",
          "[engine][maintenance]") {
  Kiosk k;
  REQUIRE(k.engine->set_out_of_service(true, "technician", "tech1").ok());
  auto r = k.engine->start_session("renewal", "zh");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::out_of_service);
  CHECK(error_code(k.engine->screen()) == "out_of_service");
  CHECK(k.journal.audit_log().back().at("action") == "maintenance.set_out_of_service");
  // The flag survives a restart.
  k.restart();
  CHECK(k.engine->state().out_of_service);
  REQUIRE(k.engine->set_out_of_service(false, "", "tech1").ok());
  CHECK(run_service(k, "info_query").screen == "completed");
}

TEST_CASE("a kiosk without card stock refuses printing services but still answers queries",
          "[engine][stock]") {
  Kiosk k;
  testing::FakeJournal& j = k.journal;
  for (int i = 0; i < 20; ++i) (void)j.reserve_card("tx-other");
  auto r = k.engine->start_session("renewal", "zh");
  REQUIRE_FALSE(r.ok());
  CHECK(error_code(k.engine->screen()) == "stock_empty");
  REQUIRE(k.engine->start_session("info_query", "zh").ok());
  CHECK(Citizen{}.run(k).screen == "completed");
}

TEST_CASE("a face that does not match the ID photo ends the session", "[engine][face]") {
  Kiosk k;
  k.central.set_face_match(false);
  const Screen end = run_service(k, "renewal");
  CHECK(error_code(end) == "face_mismatch");
  CHECK(k.central.calls("eligibility") == 0);
  check_invariants(k);
}

TEST_CASE("declining face verification offers staff instead", "[engine][consent]") {
  Kiosk k;
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  const Screen consent = k.engine->screen();
  CHECK(consent.allows("call_staff"));
  CHECK(consent.data.at("purpose") == "face_verification");
  REQUIRE(k.engine->act("call_staff").ok());
  REQUIRE(k.wait_end());
  CHECK(k.engine->screen().screen == "call_staff");
  CHECK(k.central.calls("face_match") == 0);
}

TEST_CASE("each not-eligible reason is shown with its code", "[engine][eligibility]") {
  for (const char* reason :
       {"service_disabled", "revoked", "suspended", "points_cycle", "long_term_no_renewal",
        "not_in_renewal_window", "expired_beyond_grace", "expired", "lost_reported",
        "no_health_exam", "health_exam_expired"}) {
    INFO(reason);
    Kiosk k;
    EligibilityDecision d;
    d.eligible = false;
    d.reasons = {reason};
    k.central.set_decision(d);
    const Screen end = run_service(k, "renewal");
    CHECK(end.screen == "ended");
    CHECK(error_code(end) == "not_eligible");
    CHECK(error_reason(end) == reason);
    CHECK(end.data.at("reasons") == nlohmann::json::array({reason}));
    CHECK(k.central.orders().empty());
  }
}

TEST_CASE("a declined payment can be retried and then succeeds", "[engine][payment]") {
  Kiosk k;
  k.central.set_charge_outcomes({ChargeOutcome::declined});
  const Screen declined = screen_on_the_way(k, "renewal", "payment_declined");
  CHECK(error_code(declined) == "payment_declined");
  CHECK(error_reason(declined) == "insufficient_funds");
  CHECK(k.central.orders().size() == 2);
  check_invariants(k);
}

TEST_CASE("payments declined every time end the session without a charge", "[engine][payment]") {
  Kiosk k;
  k.central.set_charge_outcome(ChargeOutcome::declined);
  const Screen end = run_service(k, "renewal");
  CHECK(error_code(end) == "payment_declined");
  for (const auto& [id, o] : k.central.orders()) CHECK(o.order.state == "declined");
  CHECK(k.central.authorisations() == 0);
  check_invariants(k);
}

TEST_CASE("a charge that timed out is resolved as paid through payment status",
          "[engine][payment]") {
  Kiosk k;
  k.central.set_charge_outcome(ChargeOutcome::timeout, "paid", 2);
  CHECK(run_service(k, "renewal").screen == "completed");
  CHECK(k.central.orders().begin()->second.status_queries >= 2);
  check_invariants(k);
}

TEST_CASE("a charge that timed out and resolves as declined is offered again",
          "[engine][payment]") {
  Kiosk k;
  k.central.set_charge_outcome(ChargeOutcome::approved, "declined", 0);
  k.central.set_charge_outcomes({ChargeOutcome::timeout});
  CHECK(run_service(k, "renewal").screen == "completed");
  CHECK(k.central.orders().size() == 2);
  check_invariants(k);
}

TEST_CASE("a charge whose outcome stays unknown is left pending and refunded by a later recovery",
          "[engine][payment][recovery]") {
  Kiosk k;
  k.central.set_charge_outcome(ChargeOutcome::timeout, "paid", 1000);
  const Screen end = run_service(k, "renewal");
  CHECK(error_code(end) == "payment_unresolved");
  CHECK(end.data.at("outcome") == "pending");
  CHECK(k.central.authorisations() == 0);
  CHECK(k.journal.unfinished_transactions().value().size() == 1);
  // The acquirer answers later: the order was paid; no card, so recovery refunds it.
  k.central.resolve_order(k.central.orders().begin()->first, "paid");
  auto r = k.engine->recover();
  REQUIRE(r.size() == 1);
  CHECK(r[0].outcome == Outcome::refunded);
  check_invariants(k);
}

TEST_CASE("a jammed card is recorded as spoiled and the next card is used", "[engine][printer]") {
  Kiosk k;
  k.devices.card_emu().faults().inject(emu::Fault::jam);
  std::atomic<bool> stop{false};
  // The technician-free jam clearing a real printer does by itself after the reject command.
  std::thread clearer([&] {
    while (!stop) {
      if (k.devices.card_emu().card_position() == "jammed")
        k.devices.card_emu().faults().clear(emu::Fault::jam);
      std::this_thread::sleep_for(5ms);
    }
  });
  const Screen end = run_service(k, "renewal");
  stop = true;
  clearer.join();
  CHECK(end.screen == "completed");
  const auto cards = k.journal.cards();
  REQUIRE(cards.size() == 2);
  CHECK(cards.begin()->second.outcome == CardOutcome::spoiled);
  CHECK(cards.begin()->second.reason == "jam");
  CHECK(std::next(cards.begin())->second.outcome == CardOutcome::issued);
  CHECK(k.devices.card_emu().rejected_cards() == 1);
  CHECK(k.central.authorisations() == 1);
  check_invariants(k);
}

TEST_CASE("ribbon out mid-job refunds the citizen and takes the kiosk out of service",
          "[engine][printer]") {
  Kiosk k;
  std::atomic<bool> stop{false};
  // The ribbon runs out once the card is inside the printer.
  std::thread cutter([&] {
    while (!stop && k.devices.card_emu().card_position() != "held")
      std::this_thread::sleep_for(1ms);
    k.devices.card_emu().faults().inject(emu::Fault::ribbonOut);
  });
  const Screen end = run_service(k, "renewal");
  stop = true;
  cutter.join();
  CHECK(end.screen == "ended");
  CHECK(error_code(end) == "out_of_service");
  CHECK(error_reason(end) == "ribbon_out");
  CHECK(end.data.at("refunded") == true);
  CHECK(k.central.orders().begin()->second.order.state == "refunded");
  CHECK(k.engine->state().out_of_service);
  CHECK(k.engine->state().reason == "ribbon_out");
  const auto cards = k.journal.cards();
  REQUIRE(cards.size() == 1);
  CHECK(cards.begin()->second.reason == "ribbon_out");
  k.devices.card_emu().faults().clear_all();
  check_invariants(k);
  CHECK_FALSE(k.engine->start_session("renewal", "zh").ok());
}

TEST_CASE("ribbon out before the job leaves the blank card in the feeder and refunds",
          "[engine][printer]") {
  Kiosk k;
  k.devices.card_emu().faults().inject(emu::Fault::ribbonOut);
  const Screen end = run_service(k, "renewal");
  CHECK(error_reason(end) == "ribbon_out");
  CHECK(k.central.orders().begin()->second.order.state == "refunded");
  const auto cards = k.journal.cards();
  REQUIRE(cards.size() == 1);
  CHECK(cards.begin()->second.reason == "not_loaded");
  CHECK(k.devices.card_emu().rejected_cards() == 0);
  CHECK(k.engine->state().out_of_service);
  k.devices.card_emu().faults().clear_all();
  check_invariants(k);
}

TEST_CASE("a card not taken in time is retained", "[engine][printer]") {
  Kiosk k(short_card_take_options());
  const Screen end = run_service(k, "renewal", citizen_leaving_the_card());
  CHECK(error_code(end) == "card_retained");
  CHECK(k.journal.stock_counts().value().retained == 1);
  CHECK(k.devices.card_emu().rejected_cards() == 1);
  CHECK(k.central.orders().begin()->second.order.state == "paid");  // the office holds the card
  check_invariants(k);
}

TEST_CASE(
    "a card the printer fails to reject is not recorded retained, and no one is served "
    "until it is",
    "[engine][printer]") {
  Kiosk k(short_card_take_options());
  // The printer's link drops while the card waits in the mouth: the reject cannot be sent and
  // the printer cannot say where the card is.
  k.engine->on_screen_changed([&k](const Screen& s) {
    if (s.screen == screens::kTakeCard) k.devices.card_emu().unplug();
  });
  const Screen end = run_service(k, "renewal", citizen_leaving_the_card());
  k.engine->on_screen_changed(nullptr);
  CHECK(end.screen == screens::kCallStaff);
  CHECK(k.journal.stock_counts().value().retained == 0);
  CHECK(k.devices.card_emu().rejected_cards() == 0);
  CHECK(k.central.orders().begin()->second.order.state == "paid");  // not refunded: a card exists
  CHECK(k.engine->state().out_of_service);
  CHECK(k.engine->state().reason == "card_in_mouth");
  REQUIRE(k.journal.unfinished_transactions().value().size() == 1);
  CHECK_FALSE(k.engine->start_session("renewal", "zh").ok());

  // Still unplugged: a settle pass changes nothing.
  k.engine->recover();
  CHECK(k.engine->state().reason == "card_in_mouth");
  CHECK(k.journal.stock_counts().value().retained == 0);

  k.devices.card_emu().replug();
  const auto settled = k.engine->recover();
  REQUIRE(settled.size() == 1);
  CHECK(settled[0].outcome == Outcome::card_retained);
  CHECK(k.devices.card_emu().rejected_cards() == 1);
  CHECK(k.journal.stock_counts().value().retained == 1);
  CHECK_FALSE(k.engine->state().out_of_service);
  check_invariants(k);
}

TEST_CASE("a citizen who walks away is timed out at every waiting screen, after a warning",
          "[engine][idle]") {
  for (const char* at : {"insert_id_card", "consent", "photo_review", "confirm_details",
                         "return_old_card", "payment"}) {
    INFO("walks away at " << at);
    Kiosk k(walk_away_options());
    bool warned = false;
    k.engine->on_screen_changed([&warned, at](const Screen& s) {
      if (s.screen == at && s.idle_warning) warned = true;
    });
    Citizen c;
    c.stop_at = {at};
    const Screen end =
        run_service(k, std::string(at) == "return_old_card" ? "replace_damaged" : "renewal", c);
    k.engine->on_screen_changed(nullptr);
    CHECK(error_code(end) == "walked_away");
    CHECK(warned);
    const std::string id = emu::synthetic_citizens().front().card.id_number;
    CHECK(to_json(end).dump().find(id) == std::string::npos);
    CHECK(to_json(k.engine->screen()).dump().find(emu::synthetic_citizens().front().card.name) ==
          std::string::npos);
    if (std::string(at) != "insert_id_card") CHECK_FALSE(k.engine->screen().data.contains("name"));
    CHECK(k.devices.card_emu().card_counter() == 0);
    check_invariants(k);
  }
}

TEST_CASE("an ID card swapped mid-session aborts it", "[engine][id_card]") {
  Kiosk k;
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  k.devices.id_emu().remove_card();
  // The engine's card watch sees the lift...
  wait_id_card(k, "absent");
  REQUIRE(k.devices.id_reader().status().detail["card"] == "absent");
  // ...and another person's card put in its place.
  k.devices.id_emu().place_card(emu::synthetic_citizens().at(1));
  REQUIRE(k.wait_end());
  CHECK(error_code(k.engine->screen()) == "id_card_swapped");
  CHECK(k.central.calls("face_match") == 0);
}

TEST_CASE("the same ID card lifted and put back does not abort the session", "[engine][id_card]") {
  Kiosk k;
  REQUIRE(k.engine->start_session("info_query", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  k.devices.id_emu().remove_card();
  wait_id_card(k, "absent");
  k.devices.place_citizen();
  wait_id_card(k, "present");
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("licence_info"));
  REQUIRE(k.engine->act("finish").ok());
  REQUIRE(k.wait_end());
  CHECK(k.engine->screen().screen == "completed");
}

TEST_CASE("a full journal at session start refuses it and mid-session ends it before any charge",
          "[engine][journal]") {
  Kiosk k;
  k.journal.set_disk_full(true);
  auto r = k.engine->start_session("renewal", "zh");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::disk_full);
  k.journal.set_disk_full(false);
  k.journal.on_step([&k](std::uint64_t, const StepRecord& s) {
    if (s.step == Step::details_confirmed) k.journal.set_disk_full(true);
  });
  const Screen end = run_service(k, "renewal");
  CHECK(error_code(end) == "journal_unavailable");
  CHECK(error_reason(end) == "disk_full");
  CHECK(k.central.orders().empty());
  k.journal.on_step(nullptr);
  k.restart();
  k.engine->recover();
  check_invariants(k);
}

TEST_CASE("cancel ends the session; an order created but not charged needs no refund",
          "[engine][cancel]") {
  Kiosk k;
  const Screen end = cancel_on_payment(k);
  CHECK(error_code(end) == "cancelled");
  CHECK(k.central.orders().begin()->second.order.state == "cancelled");
  check_invariants(k);
}

TEST_CASE("the language is a session attribute the citizen can switch", "[engine][screen]") {
  Kiosk k;
  REQUIRE(k.engine->start_session("info_query", "zh").ok());
  CHECK(k.engine->screen().language == "zh");
  REQUIRE(k.engine->act("set_language", "en").ok());
  CHECK(k.engine->screen().language == "en");
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  CHECK(k.engine->screen().language == "en");
  CHECK_FALSE(k.engine->act("set_language", "fr").ok());
  CHECK_FALSE(k.engine->act("accept").ok());  // not allowed on this screen
  REQUIRE(k.engine->cancel().ok());
  REQUIRE(k.wait_end());
}

TEST_CASE("the citizen can change the address before confirming", "[engine][details]") {
  Kiosk k;
  reach_confirm_details(k);
  REQUIRE(k.engine->act("change_address", "测试省测试市新地址路 1 号").ok());
  REQUIRE(k.engine->wait_for(
      [](const Screen& s) { return s.data.value("address", "") == "测试省测试市新地址路 1 号"; },
      5s));
  REQUIRE(k.engine->cancel().ok());
  REQUIRE(k.wait_end());
}

TEST_CASE("a photo nobody is in is retaken up to the limit, then the session ends",
          "[engine][photo]") {
  Kiosk k;
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("photo_review"));
  k.devices.camera_emu().set_scene(emu::CameraScene::empty);
  REQUIRE(k.engine->act("retake").ok());
  REQUIRE(k.engine->wait_for(
      [](const Screen& s) { return s.screen == "photo_review" && s.error.has_value(); }, 10s));
  const Screen bad = k.engine->screen();
  CHECK(error_code(bad) == "photo_quality");
  CHECK_FALSE(bad.allows("accept"));
  Citizen c;
  const Screen end = c.run(k);
  CHECK(error_code(end) == "photo_failed");
}

}  // namespace kiosk::engine::test
