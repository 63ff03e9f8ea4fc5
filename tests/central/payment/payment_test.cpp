#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/payment/payment.hpp"

using namespace kiosk::central::payment;

namespace {

constexpr const char* kWeChat = "134567890123456789";     // 18 digits, 13
constexpr const char* kAlipay = "2812345678901234";       // 16 digits, 28
constexpr const char* kUnionPay = "6212345678901234567";  // 19 digits, 62

Order new_order(std::int64_t fen = 1000) {
  return create_order({"ord-1", "txn-1/pay", fen, "renewal"}).value();
}

}  // namespace

TEST_CASE("payment codes are classified by prefix and length", "[payment][code]") {
  CHECK(classify_payment_code(kWeChat).value() == Wallet::wechat);
  CHECK(classify_payment_code("104567890123456789").value() == Wallet::wechat);
  CHECK(classify_payment_code("154567890123456789").value() == Wallet::wechat);
  CHECK(classify_payment_code(kAlipay).value() == Wallet::alipay);
  CHECK(classify_payment_code("301234567890123456789012").value() == Wallet::alipay);  // 24 digits
  CHECK(classify_payment_code("251234567890123456").value() == Wallet::alipay);
  CHECK(classify_payment_code(kUnionPay).value() == Wallet::unionpay);

  for (const char* bad : {"", "1345678901234567", "164567890123456789", "13456789012345678",
                          "1345678901234567890", "241234567890123456", "311234567890123456",
                          "3012345678901234567890123", "621234567890123456", "62123456789012345678",
                          "13456789012345678a", " 34567890123456789", "６212345678901234567"}) {
    INFO(bad);
    auto r = classify_payment_code(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_code);
  }
}

TEST_CASE("only a masked code is kept", "[payment][code]") {
  CHECK(mask_code(kWeChat) == "1345**********6789");
  CHECK(mask_code("12345678") == "********");
  auto r = charge(new_order(), kWeChat);
  REQUIRE(r.ok());
  CHECK(r->order.masked_code == "1345**********6789");
  CHECK(to_json(r->order).dump().find(kWeChat) == std::string::npos);
}

TEST_CASE("an approved charge pays the order", "[payment]") {
  auto r = charge(new_order(), kUnionPay);
  REQUIRE(r.ok());
  CHECK(r->outcome == Outcome::approved);
  CHECK(r->order.state == OrderState::paid);
  CHECK(r->order.wallet == Wallet::unionpay);
  CHECK(r->order.acquirer_reference == "SIM-ord-1");
  CHECK(r->order.charge_attempts == 1);
  CHECK(charge(r->order, kUnionPay).error().code == Errc::not_chargeable);
}

TEST_CASE("the default outcome table declines by the code's last digits", "[payment][outcome]") {
  struct Row {
    const char* code;
    const char* reason;
  };
  for (const Row& row :
       {Row{"134567890123456701", "insufficient_funds"}, Row{"134567890123456702", "code_expired"},
        Row{"2812345678901203", "risk_control"}}) {
    INFO(row.code);
    auto r = charge(new_order(), row.code);
    REQUIRE(r.ok());
    CHECK(r->outcome == Outcome::declined);
    CHECK(r->order.state == OrderState::declined);
    CHECK(r->order.decline_reason == row.reason);
    CHECK(charge(r->order, kWeChat).error().code == Errc::not_chargeable);
  }
}

TEST_CASE("a timeout leaves the order unknown until a query resolves it", "[payment][outcome]") {
  auto approved_later = charge(new_order(), "134567890123450000");
  REQUIRE(approved_later.ok());
  CHECK(approved_later->outcome == Outcome::timeout);
  CHECK(approved_later->order.state == OrderState::unknown);
  CHECK(charge(approved_later->order, kWeChat).error().code == Errc::not_chargeable);
  auto q = query(approved_later->order);
  REQUIRE(q.ok());
  CHECK(q->state == OrderState::paid);
  CHECK(query(*q).error().code == Errc::not_pending);

  auto declined_later = charge(new_order(), "134567890123459999");
  REQUIRE(declined_later.ok());
  auto q2 = query(declined_later->order);
  REQUIRE(q2.ok());
  CHECK(q2->state == OrderState::declined);
  CHECK(q2->decline_reason == "acquirer_unavailable");
}

TEST_CASE("a custom outcome table uses the longest matching suffix", "[payment][outcome]") {
  OutcomeTable table{{{"7", Outcome::declined, "seven", Outcome::approved},
                      {"77", Outcome::timeout, "", Outcome::approved},
                      {"777", Outcome::approved, "", Outcome::approved}}};
  CHECK(charge(new_order(), "134567890123456787", table)->outcome == Outcome::declined);
  CHECK(charge(new_order(), "134567890123456877", table)->outcome == Outcome::timeout);
  CHECK(charge(new_order(), "134567890123456777", table)->outcome == Outcome::approved);
  CHECK(charge(new_order(), "134567890123456701", table)->outcome == Outcome::approved);  // no rule
}

TEST_CASE("an invalid code leaves the order chargeable", "[payment]") {
  const auto order = new_order();
  CHECK(charge(order, "999").error().code == Errc::invalid_code);
  CHECK(charge(order, kAlipay)->order.state == OrderState::paid);
}

TEST_CASE("refunds are full, once, and only for paid orders", "[payment][refund]") {
  const auto paid = charge(new_order(2500), kAlipay)->order;
  auto refunded = refund(paid);
  REQUIRE(refunded.ok());
  CHECK(refunded->state == OrderState::refunded);
  CHECK(refunded->refunded_fen == 2500);
  CHECK(refund(*refunded).error().code == Errc::already_refunded);
  CHECK(refund(new_order()).error().code == Errc::not_captured);
  CHECK(refund(charge(new_order(), "134567890123456701")->order).error().code ==
        Errc::not_captured);
  CHECK(refund(charge(new_order(), "134567890123450000")->order).error().code ==
        Errc::not_captured);
}

TEST_CASE("orders validate amounts and identifiers", "[payment]") {
  CHECK(create_order({"o", "k", 0, ""}).error().code == Errc::invalid_amount);
  CHECK(create_order({"o", "k", -5, ""}).error().code == Errc::invalid_amount);
  CHECK(create_order({"o", "k", kMaxAmountFen + 1, ""}).error().code == Errc::invalid_amount);
  CHECK(create_order({"o", "k", kMaxAmountFen, ""}).ok());
  CHECK(create_order({"", "k", 100, ""}).error().code == Errc::invalid_argument);
  CHECK(create_order({"o", "", 100, ""}).error().code == Errc::invalid_argument);
  CHECK(create_order({std::string(65, 'o'), "k", 100, ""}).error().code == Errc::invalid_argument);
}

TEST_CASE("creating an order twice with one idempotency key returns the same order",
          "[payment][idempotency]") {
  const CreateOrder req{"ord-1", "txn-1/pay", 1000, "renewal"};
  const auto first = create_order_idempotent(std::nullopt, req).value();
  const auto paid = charge(first, kWeChat)->order;
  auto again = create_order_idempotent(paid, {"ord-2", "txn-1/pay", 1000, "renewal"});
  REQUIRE(again.ok());
  CHECK(*again == paid);
  auto conflict = create_order_idempotent(paid, {"ord-2", "txn-1/pay", 2000, "renewal"});
  CHECK(conflict.error().code == Errc::idempotency_conflict);
}

TEST_CASE("a created order can be cancelled, nothing else can", "[payment]") {
  auto c = cancel(new_order());
  REQUIRE(c.ok());
  CHECK(c->state == OrderState::cancelled);
  CHECK(charge(*c, kWeChat).error().code == Errc::not_chargeable);
  CHECK(cancel(*c).error().code == Errc::not_chargeable);
  CHECK(qr_payload(new_order()) == "kiosk24pay://order/ord-1?amount=1000");
}

TEST_CASE("orders round-trip through JSON in every state", "[payment][json]") {
  std::vector<Order> orders{new_order(),
                            charge(new_order(), kWeChat)->order,
                            charge(new_order(), "134567890123456701")->order,
                            charge(new_order(), "134567890123450000")->order,
                            refund(charge(new_order(), kAlipay)->order).value(),
                            cancel(new_order()).value()};
  for (const auto& o : orders) {
    auto back = order_from_json(nlohmann::json::parse(to_json(o).dump()));
    REQUIRE(back.ok());
    CHECK(*back == o);
  }
}

TEST_CASE("malformed order JSON is refused, random mutations never crash", "[payment][json]") {
  CHECK(order_from_json(nlohmann::json::array()).error().code == Errc::bad_json);
  auto j = to_json(new_order());
  j["state"] = "stolen";
  CHECK(order_from_json(j).error().code == Errc::bad_json);
  j = to_json(new_order());
  j["amount_fen"] = 0;
  CHECK(order_from_json(j).error().code == Errc::bad_json);
  j = to_json(new_order());
  j.erase("wallet");
  CHECK(order_from_json(j).error().code == Errc::bad_json);

  const std::string text = to_json(charge(new_order(), kWeChat)->order).dump();
  std::mt19937 rng(99);
  for (int i = 0; i < 2000; ++i) {
    std::string m = text;
    m[rng() % m.size()] = static_cast<char>(rng() % 256);
    const auto parsed = nlohmann::json::parse(m, nullptr, false);
    if (!parsed.is_discarded()) (void)order_from_json(parsed);
  }
  SUCCEED();
}
