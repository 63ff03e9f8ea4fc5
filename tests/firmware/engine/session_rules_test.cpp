// Rules the engine publishes on its screens so the UI decides nothing: the money outcome and
// the reference on every end screen, "I'm still here" (keep_alive), the refused address, and
// the licence class names.
#include "firmware/engine/screens.hpp"
#include "tests/firmware/engine/kiosk_fixture.hpp"

namespace kiosk::engine::test {
namespace {

std::string reference_of_only_txn(Kiosk& k) {
  const auto ids = k.journal.transaction_ids();
  REQUIRE(ids.size() == 1);
  return transaction_reference(ids[0]);
}

}  // namespace

TEST_CASE("a completed renewal says the fee was charged, with the reference and the receipt's QR",
          "[engine][money]") {
  Kiosk k;
  const Screen end = run_service(k, "renewal");
  REQUIRE(end.screen == "completed");
  const auto& money = end.data.at("money");
  CHECK(money.at("state") == "charged");
  CHECK(money.at("amount_fen") == 1000);
  CHECK_FALSE(money.contains("refund_reference"));
  CHECK(end.data.at("reference") == reference_of_only_txn(k));
  CHECK(end.data.at("reference").get<std::string>().size() == 9);
  CHECK(end.data.at("receipt_qr").get<std::string>().rfind("kiosk24:auth/auth-", 0) == 0);
}

TEST_CASE("a session cancelled before the charge, or a free query, says nothing was charged",
          "[engine][money]") {
  SECTION("cancelled on the payment screen") {
    Kiosk k;
    const Screen end = cancel_on_payment(k);
    CHECK(end.screen == "ended");
    CHECK(end.data.at("money") == nlohmann::json{{"state", "not_charged"}, {"amount_fen", 0}});
    CHECK(end.data.at("reference") == reference_of_only_txn(k));
    CHECK_FALSE(end.data.contains("receipt_qr"));
  }
  SECTION("an information query") {
    Kiosk k;
    const Screen end = run_service(k, "info_query");
    CHECK(end.screen == "completed");
    CHECK(end.data.at("money").at("state") == "not_charged");
    CHECK_FALSE(end.data.contains("receipt_qr"));
  }
}

TEST_CASE("a payment refunded after the card could not be printed says refunded, with the order",
          "[engine][money]") {
  Kiosk k;
  k.devices.card_emu().faults().inject(emu::Fault::ribbonOut);
  const Screen end = run_service(k, "renewal");
  k.devices.card_emu().faults().clear_all();
  REQUIRE(end.screen == "ended");
  REQUIRE(k.central.orders().size() == 1);
  const std::string order = k.central.orders().begin()->first;
  CHECK(end.data.at("money") ==
        nlohmann::json{{"state", "refunded"}, {"amount_fen", 1000}, {"refund_reference", order}});
}

TEST_CASE("a refund central cannot make yet says refund pending, with the order",
          "[engine][money]") {
  Kiosk k;
  k.central.set_down("authorise_issuance", Errc::unreachable);
  k.central.set_down("refund", Errc::unreachable);
  const Screen end = run_service(k, "renewal");
  REQUIRE(end.screen == "ended");
  CHECK(end.data.at("outcome") == "pending");
  const std::string order = k.central.orders().begin()->first;
  CHECK(end.data.at("money") == nlohmann::json{{"state", "refund_pending"},
                                               {"amount_fen", 1000},
                                               {"refund_reference", order}});
  // Central back: recovery makes the refund.
  k.central.set_down("authorise_issuance", std::nullopt);
  k.central.set_down("refund", std::nullopt);
  const auto recovered = k.engine->recover();
  REQUIRE(recovered.size() == 1);
  CHECK(recovered[0].outcome == Outcome::refunded);
  check_invariants(k);
}

TEST_CASE("a charge whose outcome stays unknown says refund pending", "[engine][money]") {
  Kiosk k;
  k.central.set_charge_outcome(ChargeOutcome::timeout, "paid", 1000);
  const Screen end = run_service(k, "renewal");
  CHECK(end.error->code == "payment_unresolved");
  const auto& money = end.data.at("money");
  CHECK(money.at("state") == "refund_pending");
  CHECK(money.at("amount_fen") == 1000);
  CHECK(money.at("refund_reference") == k.central.orders().begin()->first);
}

TEST_CASE("a card retained for the office counts as charged", "[engine][money]") {
  Kiosk k(short_card_take_options());
  const Screen end = run_service(k, "renewal", citizen_leaving_the_card());
  CHECK(end.error->code == "card_retained");
  CHECK(end.data.at("money").at("state") == "charged");
  CHECK(end.data.at("money").at("amount_fen") == 1000);
}

TEST_CASE("a journal that fails after the charge still says the refund is pending",
          "[engine][money][journal]") {
  Kiosk k;
  k.journal.on_step([&k](std::uint64_t, const StepRecord& s) {
    if (s.step == Step::payment_charged && s.phase == Phase::done) k.journal.set_disk_full(true);
  });
  const Screen end = run_service(k, "renewal");
  k.journal.on_step(nullptr);
  CHECK(end.error->code == "journal_unavailable");
  CHECK(end.data.at("outcome") == "pending");
  CHECK(end.data.at("money").at("state") == "refund_pending");
  CHECK(end.data.at("money").at("refund_reference") == k.central.orders().begin()->first);
}

TEST_CASE("keep_alive restarts the idle timer and clears the warning", "[engine][idle]") {
  EngineOptions o = fast_options();
  o.idle_timeout = 600ms;
  o.idle_warning = 400ms;
  Kiosk k(o);
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  REQUIRE(k.engine->wait_for(
      [](const Screen& s) { return s.screen == "insert_id_card" && s.idle_warning; }, 5s));
  REQUIRE(k.engine->keep_alive().ok());
  const Screen after = k.engine->screen();
  CHECK(after.screen == "insert_id_card");
  CHECK_FALSE(after.idle_warning);
  CHECK(after.idle_seconds_left == 1);
  // Kept alive again and again, the session outlives its idle timeout several times over.
  for (int i = 0; i < 12; ++i) {
    std::this_thread::sleep_for(150ms);
    REQUIRE(k.engine->keep_alive().ok());
  }
  CHECK(k.engine->screen().screen == "insert_id_card");
  REQUIRE(k.wait_end());
  CHECK(k.engine->screen().error->code == "walked_away");
}

TEST_CASE("keep_alive is refused without a session and on a screen that does not wait",
          "[engine][idle]") {
  EngineOptions o = fast_options();
  o.capture_countdown = 3s;
  Kiosk k(o);
  auto none = k.engine->keep_alive();
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == Errc::invalid_state);
  CHECK(none.error().reason == "no_session");
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("face_capture"));
  auto counting = k.engine->keep_alive();
  REQUIRE_FALSE(counting.ok());
  CHECK(counting.error().reason == "action_not_allowed");
  REQUIRE(k.engine->cancel().ok());
  REQUIRE(k.wait_end());
  CHECK(k.engine->keep_alive().error().reason == "no_session");
}

TEST_CASE("an address the engine refuses leaves confirm_details with the reason",
          "[engine][details][address]") {
  Kiosk k;
  reach_confirm_details(k);
  const std::string before = k.engine->screen().data.at("address");
  CHECK(k.engine->screen().data.at("address_max_bytes") == 300);

  auto refused = k.engine->act("change_address", R"({"province":"北京市"})");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == Errc::invalid_argument);
  CHECK(refused.error().reason == "address_incomplete");
  REQUIRE(k.engine->wait_for(
      [](const Screen& s) { return s.error && s.error->code == "invalid_address"; }, 5s));
  Screen s = k.engine->screen();
  CHECK(s.screen == "confirm_details");
  CHECK(s.error->reason == "address_incomplete");
  CHECK(s.error->prompt == "error.invalid_address");
  CHECK(s.data.at("address") == before);

  auto too_long = k.engine->act("change_address", std::string(301, 'a'));
  CHECK(too_long.error().reason == "address_too_long");
  REQUIRE(k.engine->wait_for(
      [](const Screen& n) { return n.error && n.error->reason == "address_too_long"; }, 5s));

  REQUIRE(k.engine
              ->act("change_address", R"({"province":"北京市","city":"北京市","district":"东城区",)"
                                      R"("street":"王府井大街","house":"88","room":"501"})")
              .ok());
  REQUIRE(k.engine->wait_for(
      [](const Screen& n) {
        return n.data.value("address", "") == "北京市东城区王府井大街88号501室" && !n.error;
      },
      5s));
  REQUIRE(k.engine->act("confirm").ok());
  REQUIRE(k.engine->wait_for([](const Screen& n) { return n.screen != "confirm_details"; }, 5s));
  const auto steps = k.journal.steps(k.journal.transaction_ids().at(0));
  for (const auto& st : steps)
    if (st.step == Step::details_confirmed) {
      CHECK(st.data.at("address_changed") == true);
      CHECK(st.personal.at("address") == "北京市东城区王府井大街88号501室");
    }
  REQUIRE(k.engine->cancel().ok());
  REQUIRE(k.wait_end());
}

TEST_CASE(
    "licence_info and confirm_details name the licence classes; licence_info gives the "
    "points limit",
    "[engine][screen][classes]") {
  Kiosk k;
  const Screen info = screen_on_the_way(k, "info_query", "licence_info");
  CHECK(info.data.at("points_limit") == 12);
  CHECK(info.data.at("class_list") ==
        nlohmann::json::array({{{"code", "C1"}, {"zh", "小型汽车"}, {"en", "small car"}}}));

  Kiosk r;
  reach_confirm_details(r);
  CHECK(r.engine->screen().data.at("class_list").at(0).at("code") == "C1");
  REQUIRE(r.engine->cancel().ok());
  REQUIRE(r.wait_end());
}

}  // namespace kiosk::engine::test
