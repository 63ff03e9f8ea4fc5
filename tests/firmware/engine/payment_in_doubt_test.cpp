// A charge whose answer is lost: central may still commit it after the kiosk has asked. The
// kiosk must never decide "not charged" from an order that only reads `created`; it retries
// the charge under the same key and, failing an answer, cancels compare-and-set at central.
#include "tests/firmware/engine/kiosk_fixture.hpp"

namespace kiosk::engine::test {

namespace {

std::string only_order(Kiosk& k) {
  REQUIRE(k.central.orders().size() == 1);
  return k.central.orders().begin()->first;
}

// A renewal paid for whose card central never authorised, with central refusing the refund too:
// the citizen is owed their money and the transaction stays pending. Returns the end screen.
Screen owe_a_refund(Kiosk& k) {
  k.central.set_down("authorise_issuance", Errc::unreachable);
  k.central.set_down("refund", Errc::unreachable);
  return run_service(k, "renewal");
}

// Options under which an owed refund takes the kiosk out of service at once.
EngineOptions no_unsettled_grace() {
  EngineOptions options = fast_options();
  options.unsettled_payment_limit = 0ms;
  return options;
}

}  // namespace

TEST_CASE("a lost charge that would commit later is cancelled at central, not assumed unpaid",
          "[engine][payment][central]") {
  Kiosk k;
  k.central.set_charges_land_late(1000);  // no answer to any charge call
  const Screen end = run_service(k, "renewal");
  CHECK(end.screen == "ended");
  CHECK(error_code(end) == "central_unavailable");
  const std::string order = only_order(k);
  CHECK(k.central.orders().at(order).order.state == "cancelled");
  // The charge in flight lands now: the cancel made it fail, so nobody was charged.
  k.central.land_late_charges();
  CHECK(k.central.orders().at(order).order.state == "cancelled");
  CHECK(k.central.calls("cancel_payment") == 1);
  check_invariants(k);
}

TEST_CASE("a lost charge that commits on the retry under its key is paid and the card is issued",
          "[engine][payment][central]") {
  Kiosk k;
  k.central.set_charges_land_late(2);  // the first call's answer is lost, the retry replays it
  CHECK(run_service(k, "renewal").screen == "completed");
  const std::string order = only_order(k);
  CHECK(k.central.orders().at(order).order.state == "paid");
  CHECK(k.central.authorisations() == 1);
  CHECK(k.central.calls("cancel_payment") == 0);
  check_invariants(k);
}

TEST_CASE("a charge in doubt at a crash is cancelled by recovery, or refunded once it landed",
          "[engine][payment][recovery]") {
  const bool landed_before_recovery = GENERATE(false, true);
  INFO("landed before recovery: " << landed_before_recovery);
  Kiosk k;
  k.central.set_charges_land_late(1000);
  k.central.set_down("payment_status", Errc::unreachable);
  k.central.set_down("cancel_payment", Errc::unreachable);
  const Screen end = run_service(k, "renewal");
  CHECK(error_code(end) == "payment_unresolved");
  CHECK(k.journal.unfinished_transactions().value().size() == 1);

  k.central.set_down("payment_status", std::nullopt);
  k.central.set_down("cancel_payment", std::nullopt);
  if (landed_before_recovery) k.central.land_late_charges();
  k.restart();
  auto r = k.engine->recover();
  REQUIRE(r.size() == 1);
  const std::string order = only_order(k);
  if (landed_before_recovery) {
    CHECK(r[0].outcome == Outcome::refunded);
    CHECK(k.central.orders().at(order).order.state == "refunded");
  } else {
    CHECK(k.central.orders().at(order).order.state == "cancelled");
    k.central.land_late_charges();  // too late: the order is cancelled
    CHECK(k.central.orders().at(order).order.state == "cancelled");
  }
  check_invariants(k);
}

TEST_CASE("a refund retried while central is away is journalled with one intent",
          "[engine][payment][recovery]") {
  Kiosk k;
  const Screen end = owe_a_refund(k);
  CHECK(end.data.at("outcome") == "pending");
  for (int pass = 0; pass < 3; ++pass) {
    auto r = k.engine->recover();
    REQUIRE(r.size() == 1);
    CHECK(r[0].outcome == Outcome::pending);
    CHECK(r[0].owes_refund);
  }
  k.central.set_down("refund", std::nullopt);
  auto r = k.engine->recover();
  REQUIRE(r.size() == 1);
  CHECK(r[0].outcome == Outcome::refunded);
  const auto txn = k.journal.transaction_ids().front();
  int intents = 0;
  for (const auto& s : k.journal.steps(txn))
    if (s.step == Step::refund && s.phase == Phase::intent) ++intents;
  CHECK(intents == 1);
  check_invariants(k);
}

TEST_CASE("a refund owed past the limit takes the kiosk out of service until it is settled",
          "[engine][payment][recovery]") {
  Kiosk k(no_unsettled_grace());
  owe_a_refund(k);
  (void)k.engine->recover();
  CHECK(k.engine->state().out_of_service);
  CHECK(k.engine->state().reason == "unsettled_payment");
  CHECK_FALSE(k.engine->start_session("renewal", "zh").ok());

  k.central.set_down("refund", std::nullopt);
  auto r = k.engine->recover();
  REQUIRE(r.size() == 1);
  CHECK(r[0].outcome == Outcome::refunded);
  CHECK_FALSE(k.engine->state().out_of_service);
  check_invariants(k);
}

TEST_CASE("a technician's out-of-service is not lifted when the owed refunds are settled",
          "[engine][payment][recovery]") {
  Kiosk k(no_unsettled_grace());
  owe_a_refund(k);
  REQUIRE(k.engine->set_out_of_service(true, "technician", "tech-1").ok());
  (void)k.engine->recover();
  CHECK(k.engine->state().reason == "technician");
  k.central.set_down("refund", std::nullopt);
  (void)k.engine->recover();
  CHECK(k.engine->state().out_of_service);
  CHECK(k.engine->state().reason == "technician");
  check_invariants(k);
}

}  // namespace kiosk::engine::test
