// What the screens say that the UI used to decide itself: licence class names, the points
// limit, the transaction reference, the money outcome, and the validated address.
#include <catch2/catch.hpp>

#include "firmware/engine/address.hpp"
#include "firmware/engine/licence_terms.hpp"
#include "firmware/engine/money.hpp"
#include "firmware/engine/screens.hpp"

namespace kiosk::engine::test {

using nlohmann::json;

TEST_CASE("licence classes are named in both languages, in the order of the class string",
          "[engine][screen][classes]") {
  const json list = class_list_json("C1E");
  REQUIRE(list.size() == 2);
  CHECK(list[0] == json{{"code", "C1"}, {"zh", "小型汽车"}, {"en", "small car"}});
  CHECK(list[1] == json{{"code", "E"}, {"zh", "普通二轮摩托车"}, {"en", "motorcycle"}});
  const auto all = licence_classes("A1A2A3B1B2C1C2C3C4C5C6DEFMNP");
  REQUIRE(all.size() == 17);
  for (const auto& c : all) {
    INFO(c.code);
    CHECK_FALSE(c.zh.empty());
    CHECK_FALSE(c.en.empty());
  }
  CHECK(all[1].en == "tractor-trailer");
  CHECK(all[16].zh == "有轨电车");
  // Separators are skipped; an unknown code is kept, without names.
  const auto odd = licence_classes("B2, D X9");
  REQUIRE(odd.size() == 3);
  CHECK(odd[0].code == "B2");
  CHECK(odd[1].code == "D");
  CHECK(odd[2].code == "X9");
  CHECK(odd[2].en.empty());
  CHECK(class_list_json("").empty());
}

TEST_CASE(
    "licence_info carries the class list and the points limit; confirm_details the "
    "class list and the address limit",
    "[engine][screen][classes]") {
  LicenceSummary l{"测试一", "110100000001", "C1D", "2021-01-10", "2027-01-10", "valid", 3};
  const json info = licence_info_data(l);
  CHECK(info.at("points") == 3);
  CHECK(info.at("points_limit") == 12);
  CHECK(info.at("classes") == "C1D");
  REQUIRE(info.at("class_list").size() == 2);
  CHECK(info.at("class_list")[1].at("en") == "three-wheeled motorcycle");

  EligibilityDecision d;
  d.licence = l;
  d.fee_fen = 1000;
  const json details = confirm_details_data("测试一", "110101199003070011", "北京市测试路1号", d);
  CHECK(details.at("address_max_bytes") == 300);
  CHECK(details.at("id_number") == "1101**********0011");
  REQUIRE(details.at("class_list").size() == 2);
  CHECK(details.at("class_list")[0].at("code") == "C1");
}

TEST_CASE("the transaction reference is the id's first eight hex digits, upper case, grouped",
          "[engine][screen][reference]") {
  CHECK(transaction_reference("tx-3f2a9c01b7d44e5f8a9b0c1d2e3f4a5b") == "3F2A-9C01");
  CHECK(transaction_reference("tx-00000000000000000000000000000001") == "0000-0000");
  CHECK(transaction_reference("tx-12").empty());
}

TEST_CASE("the money outcome names its state, and a refund reference only for refunds",
          "[engine][screen][money]") {
  CHECK(to_json(Money{}) == json{{"state", "not_charged"}, {"amount_fen", 0}});
  CHECK(to_json(Money{MoneyState::charged, 1000, "ord-1"}) ==
        json{{"state", "charged"}, {"amount_fen", 1000}});
  CHECK(to_json(Money{MoneyState::refunded, 1000, "ord-1"}) ==
        json{{"state", "refunded"}, {"amount_fen", 1000}, {"refund_reference", "ord-1"}});
  CHECK(to_json(Money{MoneyState::refund_pending, 1000, "ord-2"}).at("refund_reference") ==
        "ord-2");
}

TEST_CASE("an end screen says the outcome, the money, the reference and the receipt's QR",
          "[engine][screen][money]") {
  SessionSummary s;
  s.txn = "tx-abcdef0123456789abcdef0123456789";
  s.outcome = Outcome::completed;
  s.money = Money{MoneyState::charged, 1000, {}};
  s.card_serial = "C0000001";
  s.receipt_qr = "kiosk24:auth/auth-1";
  const json data = end_screen_data(json::object(), s);
  CHECK(data.at("outcome") == "completed");
  CHECK(data.at("refunded") == false);
  CHECK(data.at("money").at("state") == "charged");
  CHECK(data.at("reference") == "ABCD-EF01");
  CHECK(data.at("card_serial") == "C0000001");
  CHECK(data.at("receipt_qr") == "kiosk24:auth/auth-1");
  SessionSummary ended;
  ended.txn = s.txn;
  const json e = end_screen_data(json{{"reasons", {"expired"}}}, ended);
  CHECK(e.at("reasons") == json::array({"expired"}));
  CHECK_FALSE(e.contains("receipt_qr"));
  CHECK_FALSE(e.contains("card_serial"));
}

TEST_CASE("a structured address is composed in postal order; a plain one is taken as it is",
          "[engine][address]") {
  auto full = address_from_value(
      R"({"province":"北京市","city":"北京市","district":"东城区","street":"王府井大街",)"
      R"("house":"88","building":"3","unit":"2","room":"501"})");
  REQUIRE(full.ok());
  CHECK(full.value() == "北京市东城区王府井大街88号3号楼2单元501室");
  auto minimal = address_from_value(
      R"({"province":"广东省","city":"深圳市","district":"南山区","street":"深南大道",)"
      R"("house":"9988","building":"","room":null})");
  REQUIRE(minimal.ok());
  CHECK(minimal.value() == "广东省深圳市南山区深南大道9988号");
  auto plain = address_from_value("测试省测试市新地址路 1 号");
  REQUIRE(plain.ok());
  CHECK(plain.value() == "测试省测试市新地址路 1 号");
  CHECK(address_from_value(std::string(300, 'a')).ok());
}

TEST_CASE("an incomplete, too long or malformed address is refused with its reason",
          "[engine][address]") {
  auto reason = [](std::string_view value) {
    auto r = address_from_value(value);
    if (r.ok()) return std::string("accepted");
    CHECK(r.error().code == Errc::invalid_argument);
    return r.error().reason;
  };
  const std::string street =
      R"("province":"北京市","city":"北京市","district":"东城区","street":"王府井大街")";
  CHECK(reason("") == "address_incomplete");
  CHECK(reason("   ") == "address_incomplete");
  CHECK(reason("{" + street + "}") == "address_incomplete");                      // no house
  CHECK(reason(R"({"province":"北京市","house":"1"})") == "address_incomplete");  // no street
  CHECK(reason(std::string(301, 'a')) == "address_too_long");
  CHECK(reason("{" + street + R"(,"house":")" + std::string(290, '1') + "\"}") ==
        "address_too_long");
  CHECK(reason("{" + street + R"(,"house":"12a"})") == "address_invalid");
  CHECK(reason("{" + street + R"(,"house":"12","room":"5-01"})") == "address_invalid");
  CHECK(reason("{" + street + R"(,"house":12})") == "address_invalid");
  CHECK(reason(R"({"province":"北京市)") == "address_invalid");  // not JSON
  CHECK(reason("第一行\n第二行") == "address_invalid");
  CHECK(reason(std::string("abc\x01", 4)) == "address_invalid");
  CHECK(reason(std::string("\xE5\x8C", 2)) == "address_invalid");  // truncated UTF-8
  // The message names the part, never the address.
  auto r = address_from_value("{" + street + R"(,"house":"12a"})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("王府井") == std::string::npos);
}

}  // namespace kiosk::engine::test
