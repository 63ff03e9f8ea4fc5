// kiosk-central reconcile: payments <-> authorisations <-> refunds <-> cards per kiosk
// (central/server/reconcile.hpp), each discrepancy shown by a store built to have it.
#include <catch2/catch.hpp>

#include <sstream>

#include "central/payment/payment.hpp"
#include "central/server/admin.hpp"
#include "central/server/reconcile.hpp"
#include "protocol/crypto/sha256.hpp"
#include "protocol/wire/record.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;
using nlohmann::json;

namespace {

// A kiosk's synced journal: signed, chained records of the given types and payloads.
class Kiosk {
 public:
  Kiosk(store::Store& db, std::string id) : db_(db), id_(std::move(id)) {}

  void events(const std::vector<std::pair<std::string, json>>& events) {
    static const auto key = protocol::PrivateKey::generate_p256().value();
    std::vector<store::PreparedRecord> batch;
    for (const auto& [type, payload] : events) {
      auto r =
          wire::make_signed_record(id_, ++seq_, type, "2026-11-28T09:00:00Z", payload, prev_, key);
      store::PreparedRecord p{*r, wire::canonical_bytes(*r).value(), ""};
      p.hash = protocol::sha256_hex(p.canonical);
      prev_ = p.hash;
      batch.push_back(std::move(p));
    }
    REQUIRE(db_.append_events(id_, batch, 1).status == store::AppendOutcome::Status::stored);
  }
  void step(const std::string& txn, const std::string& step, const std::string& phase, json data) {
    events({{"txn.step",
             {{"txn", txn},
              {"service", "renewal"},
              {"step", step},
              {"phase", phase},
              {"data", std::move(data)},
              {"idempotency_key", txn + ":" + step}}}});
  }
  void order(const std::string& order_id, payment::OrderState state) {
    payment::Order o;
    o.order_id = order_id;
    o.idempotency_key = order_id + ":pay";
    o.amount_fen = 1000;
    o.description = "renewal";
    o.state = state;
    REQUIRE(db_.insert_payment(order_id, id_, payment::to_json(o).dump(), 1));
  }
  // Central authorised `authorisation` for the order (the claim of authorise_issuance).
  void authorisation(const std::string& authorisation, const std::string& order_id,
                     const std::string& state) {
    db_.insert_issuance(
        store::IssuanceRow{authorisation, id_, "110101199001011234", state, "{}", 1});
    if (order_id.empty()) return;
    db_.claim_idempotency(id_, "issuance.order", order_id, "h", 1);
    db_.complete_idempotency(id_, "issuance.order", order_id, 201, authorisation);
  }
  // A whole paid renewal in `txn`: order paid, authorised, card printed and issued.
  void renewal(const std::string& txn, const std::string& order_id,
               const std::string& authorisation, const std::string& serial,
               const std::string& state = "delivered") {
    order(order_id, payment::OrderState::paid);
    step(txn, "payment_created", "done", {{"order_id", order_id}});
    authorisation_of(txn, order_id, authorisation, state);
    card(txn, serial);
  }
  void authorisation_of(const std::string& txn, const std::string& order_id,
                        const std::string& authorisation, const std::string& state) {
    this->authorisation(authorisation, order_id, state);
    step(txn, "issuance_authorised", "done", {{"authorisation_id", authorisation}});
  }
  void card(const std::string& txn, const std::string& serial) {
    events({{"card.issued", {{"serial", serial}, {"txn", txn}, {"reason", "taken"}}}});
  }

 private:
  store::Store& db_;
  std::string id_;
  std::uint64_t seq_ = 0;
  std::string prev_{wire::kGenesisHash};
};

std::vector<std::string> kinds(store::Store& db) {
  std::vector<std::string> out;
  for (const auto& k : reconcile::reconcile_all(db))
    for (const auto& d : k.discrepancies)
      out.push_back(k.kiosk_id + " " + d.kind + " " + d.subject);
  return out;
}

using Kinds = std::vector<std::string>;

}  // namespace

TEST_CASE("reconcile: a clean kiosk has no discrepancy and exits 0", "[admin][reconcile]") {
  auto db = store::open_store("sqlite::memory:");
  Kiosk k(*db, "k-1");
  k.events({{"card.stock_loaded", {{"count", 10}}}});
  k.renewal("t-1", "o-1", "a-1", "S1");
  // A refunded renewal whose card spoiled: its authorisation voided.
  k.order("o-2", payment::OrderState::refunded);
  k.step("t-2", "payment_created", "done", {{"order_id", "o-2"}});
  k.authorisation_of("t-2", "o-2", "a-2", "voided");
  k.events({{"card.spoiled", {{"serial", "S2"}, {"txn", "t-2"}}},
            {"stock.reconciled",
             {{"printer_counter", 102},
              {"printer_counter_base", 100},
              {"consumed", 2},
              {"reserved", 0}}}});
  CHECK(kinds(*db) == Kinds{});
  std::ostringstream text, machine;
  CHECK(admin::reconcile(*db, text) == 0);
  CHECK(text.str().find("no discrepancies") != std::string::npos);
  CHECK(admin::reconcile(*db, machine, true) == 0);
  const auto j = json::parse(machine.str());
  CHECK(j["discrepancies"] == 0);
  CHECK(j["kiosks"][0]["paid"] == 1);
  CHECK(j["kiosks"][0]["refunded"] == 1);
  CHECK(j["kiosks"][0]["cards_issued"] == 1);
}

TEST_CASE("reconcile: a captured order with neither a delivered card nor a refund",
          "[admin][reconcile]") {
  auto db = store::open_store("sqlite::memory:");
  Kiosk k(*db, "k-1");
  k.order("o-1", payment::OrderState::paid);  // never authorised
  k.order("o-2", payment::OrderState::paid);  // authorised, the card never came out
  k.authorisation("a-2", "o-2", "reserved");
  k.order("o-3", payment::OrderState::created);  // not captured: not a charge
  CHECK(kinds(*db) ==
        Kinds{"k-1 paid_without_card_or_refund o-1", "k-1 paid_without_card_or_refund o-2"});
  std::ostringstream text, machine;
  CHECK(admin::reconcile(*db, text) == 1);
  CHECK(text.str().find("do: refund order o-1") != std::string::npos);
  CHECK(admin::reconcile(*db, machine, true) == 1);
  const auto j = json::parse(machine.str());
  CHECK(j["discrepancies"] == 2);
  CHECK(j["kiosks"][0]["discrepancies"][0]["action"].get<std::string>().find("refund") == 0);
}

TEST_CASE("reconcile: more than one card or more than one charge for one authorisation",
          "[admin][reconcile]") {
  auto db = store::open_store("sqlite::memory:");
  Kiosk k(*db, "k-1");
  k.events({{"card.stock_loaded", {{"count", 10}}}});
  k.renewal("t-1", "o-1", "a-1", "S1");
  k.card("t-1", "S2");  // a second card under the same authorisation
  Kiosk k2(*db, "k-2");
  k2.events({{"card.stock_loaded", {{"count", 10}}}});
  k2.renewal("t-9", "o-8", "a-9", "S9");
  k2.order("o-9", payment::OrderState::paid);  // charged twice in one transaction
  k2.step("t-9", "payment_charged", "done", {{"order_id", "o-9"}});
  CHECK(kinds(*db) == Kinds{"k-1 several_cards_one_authorisation a-1",
                            "k-2 paid_without_card_or_refund o-9",
                            "k-2 several_charges_one_authorisation a-9"});
}

TEST_CASE("reconcile: a refunded order whose authorisation is not voided", "[admin][reconcile]") {
  auto db = store::open_store("sqlite::memory:");
  Kiosk k(*db, "k-1");
  k.events({{"card.stock_loaded", {{"count", 10}}}});
  k.order("o-1", payment::OrderState::refunded);
  k.authorisation("a-1", "o-1", "reserved");
  k.renewal("t-2", "o-2", "a-2", "S2");
  db->update_payment(
      "o-2", *db->payment("o-2"),
      [&] {
        auto o = payment::order_from_json(json::parse(*db->payment("o-2"))).value();
        o.state = payment::OrderState::refunded;
        return payment::to_json(o).dump();
      }(),
      2);
  // o-2's card was delivered, then the order refunded: also a card without a payment.
  CHECK(kinds(*db) == Kinds{"k-1 refund_not_voided o-1", "k-1 refund_not_voided o-2",
                            "k-1 card_without_payment t-2"});
  std::ostringstream text;
  CHECK(admin::reconcile(*db, text) == 1);
  CHECK(text.str().find("do: void authorisation a-1") != std::string::npos);
  CHECK(text.str().find("recover card S2") != std::string::npos);
}

TEST_CASE("reconcile: a delivered card whose order is not paid", "[admin][reconcile]") {
  auto db = store::open_store("sqlite::memory:");
  Kiosk k(*db, "k-1");
  k.events({{"card.stock_loaded", {{"count", 10}}}});
  k.order("o-1", payment::OrderState::cancelled);
  k.step("t-1", "payment_created", "done", {{"order_id", "o-1"}});
  k.card("t-1", "S1");
  // A free service (no order at all) hands out a card legitimately.
  k.authorisation_of("t-2", "", "a-2", "delivered");
  k.card("t-2", "S2");
  CHECK(kinds(*db) == Kinds{"k-1 card_without_payment t-1"});
}

TEST_CASE("reconcile: card stock against the kiosk's printer counter", "[admin][reconcile]") {
  auto db = store::open_store("sqlite::memory:");
  Kiosk k(*db, "k-1");
  k.events({{"card.stock_loaded", {{"count", 1}}},
            {"card.spoiled", {{"serial", "S1"}, {"txn", "t-1"}}},
            {"card.spoiled", {{"serial", "S2"}, {"txn", "t-2"}}}});
  Kiosk k2(*db, "k-2");
  // The printer counted three cards; the ledger two, none reserved: a blank card is missing.
  k2.events({{"card.stock_loaded", {{"count", 10}}},
             {"card.spoiled", {{"serial", "S1"}, {"txn", "t-1"}}},
             {"card.retained", {{"serial", "S2"}, {"txn", "t-2"}}},
             {"stock.reconciled",
              {{"printer_counter", 53},
               {"printer_counter_base", 50},
               {"consumed", 2},
               {"reserved", 0}}}});
  Kiosk k3(*db, "k-3");
  // One card reserved mid-print explains one more on the counter.
  k3.events(
      {{"card.stock_loaded", {{"count", 10}}},
       {"stock.reconciled",
        {{"printer_counter", 1}, {"printer_counter_base", 0}, {"consumed", 0}, {"reserved", 1}}}});
  CHECK(kinds(*db) == Kinds{"k-1 card_stock_negative k-1", "k-2 card_stock_counter_mismatch k-2"});
}
