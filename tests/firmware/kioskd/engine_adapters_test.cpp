#include <catch2/catch.hpp>

#include "firmware/kioskd/engine_adapters.hpp"

using nlohmann::json;

TEST_CASE("office-signed card data maps onto the licence layout", "[kioskd][card]") {
  const json card = json::parse(R"({
    "holder": {"name": "测试张伟", "sex": "male", "nationality": "CHN", "address": "北京市测试路1号",
               "birth_date": "1990-01-02", "id_number": "11010119900102001X", "photo_ref": "photo:x"},
    "first_issue_date": "2014-05-06", "classes": ["C1", "D"],
    "validity": {"valid_from": "2026-11-28", "valid_to": null, "term": "long_term"},
    "issuing_authority": "测试市公安局交通警察支队", "file_number": "110100012345"})");
  auto d = kiosk::kioskd::licence_data_from_card(card);
  REQUIRE(d);
  CHECK(d->holder_name == "测试张伟");
  CHECK(d->sex == "男");
  CHECK(d->nationality == "中国 CHN");
  CHECK(d->vehicle_classes == "C1D");
  CHECK_FALSE(d->valid_until.has_value());  // long-term
  CHECK(d->licence_number == "11010119900102001X");

  kiosk::kioskd::LicenceCardRenderer renderer;
  kiosk::engine::CardIssueData data;
  data.authorisation.card = card;
  data.card_serial = "C0000001";
  auto job = renderer.render(data, kiosk::hal::RgbImage(260, 340, 0x80));
  REQUIRE(job.ok());
  CHECK(job.value().front.image.width == kiosk::hal::kCardWidthDots);
  CHECK(job.value().back.has_value());

  CHECK_FALSE(kiosk::kioskd::licence_data_from_card(json::array()));
  CHECK_FALSE(kiosk::kioskd::licence_data_from_card(json{{"holder", 1}}));
  data.authorisation.card = json{{"holder", json::object()}, {"validity", json::object()}};
  auto bad = renderer.render(data, kiosk::hal::RgbImage(260, 340, 0x80));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == kiosk::engine::Errc::invalid_argument);
}
