#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include <nlohmann/json.hpp>

#include "protocol/api/service.hpp"
#include "protocol/documents/card_data.hpp"
#include "protocol/documents/id_number.hpp"

using namespace kiosk::protocol;
using namespace std::chrono;

namespace {

const Date kToday{year{2026}, month{11}, day{28}};

CardData sample_card() {
  CardData c;
  c.holder.name = "测试张伟";
  c.holder.sex = Sex::male;
  c.holder.address = "测试省测试市测试区测试路100号";
  c.holder.birth_date = parse_date("1996-05-01").value();
  c.holder.id_number = complete_id_number("11010119960501023");
  c.holder.photo_ref = "photo:" + c.holder.id_number;
  c.first_issue_date = parse_date("2020-12-28").value();
  c.classes = {VehicleClass::C1};
  c.validity = {parse_date("2020-12-28").value(), parse_date("2026-12-28").value(),
                ValidityTerm::six_years};
  c.issuing_authority = "测试市公安局交通警察支队";
  c.file_number = "110110000001";
  return c;
}

}  // namespace

TEST_CASE("ID check characters follow GB 11643 weights and mod 11", "[protocol][documents]") {
  CHECK(id_check_character("11010519491231002") == 'X');
  CHECK(is_valid_id_number("11010519491231002X"));
  CHECK_FALSE(is_valid_id_number("110105194912310021"));  // wrong check character
  CHECK_FALSE(is_valid_id_number("11010519491231002x"));  // lower-case x
  CHECK_FALSE(is_valid_id_number("1101051949123100"));
  CHECK_FALSE(is_valid_id_number(complete_id_number("11010519491332002")));  // no such date
  CHECK(is_valid_id_number(complete_id_number("44030520000229001")));        // leap day
  CHECK(complete_id_number("1234") == "");
  CHECK_FALSE(id_check_character("1101051949123100A").has_value());
}

TEST_CASE("dates parse strictly and year arithmetic handles 29 February", "[protocol][documents]") {
  CHECK(format_date(parse_date("2024-02-29").value()) == "2024-02-29");
  CHECK(parse_date("2023-02-29").error().code == Errc::bad_date);
  CHECK_FALSE(parse_date("2024-2-29").ok());
  CHECK_FALSE(parse_date("2024-02-29T").ok());
  CHECK_FALSE(parse_date("").ok());
  CHECK_FALSE(parse_date("abcd-ef-gh").ok());
  const Date leap = parse_date("2024-02-29").value();
  CHECK(format_date(add_years(leap, 1)) == "2025-02-28");
  CHECK(format_date(add_years(leap, 4)) == "2028-02-29");
  CHECK(days_between(parse_date("2026-01-01").value(), parse_date("2026-03-01").value()) == 59);
  CHECK(age_on(parse_date("1956-11-29").value(), kToday) == 69);
  CHECK(age_on(parse_date("1956-11-28").value(), kToday) == 70);
}

TEST_CASE("enum spellings round-trip and unknown spellings are typed errors",
          "[protocol][documents]") {
  for (auto v : {VehicleClass::A1, VehicleClass::C6, VehicleClass::P})
    CHECK(parse_vehicle_class(to_string(v)).value() == v);
  for (auto s :
       {Service::renewal, Service::replace_lost, Service::replace_damaged, Service::info_query}) {
    CHECK(service_from_string(to_string(s)).value() == s);
  }
  CHECK(parse_vehicle_class("C7").error().code == Errc::unknown_value);
  CHECK_FALSE(service_from_string("RENEWAL").has_value());
  CHECK(parse_sex("unknown").error().code == Errc::unknown_value);
  CHECK(classes_string({VehicleClass::E, VehicleClass::A1, VehicleClass::C1}) == "A1C1E");
}

TEST_CASE("card data round-trips through JSON", "[protocol][documents]") {
  const CardData c = sample_card();
  auto back = card_from_json(to_json(c));
  REQUIRE(back.ok());
  CHECK(to_json(*back) == to_json(c));
  CardData long_term = c;
  long_term.validity = {kToday, std::nullopt, ValidityTerm::long_term};
  CHECK(to_json(long_term)["validity"]["valid_to"].is_null());
  CHECK(card_from_json(to_json(long_term)).ok());
}

TEST_CASE("malformed card data is refused with a typed error", "[protocol][documents]") {
  const auto good = to_json(sample_card());
  auto with = [&](const char* key, nlohmann::json value) {
    auto j = good;
    j[key] = std::move(value);
    return card_from_json(j);
  };
  CHECK(card_from_json(nlohmann::json::array()).error().code == Errc::invalid_document);
  auto missing = good;
  missing.erase("holder");
  CHECK(card_from_json(missing).error().code == Errc::invalid_document);
  CHECK(with("first_issue_date", "2020-13-01").error().code == Errc::bad_date);
  CHECK(with("file_number", "12345").error().code == Errc::bad_file_number);
  CHECK(with("classes", nlohmann::json::array({"Z9"})).error().code == Errc::unknown_value);
  CHECK(with("classes", nlohmann::json::array()).error().code == Errc::invalid_document);
  auto bad_id = good;
  bad_id["holder"]["id_number"] = "110101199605010231";
  CHECK(card_from_json(bad_id).error().code == Errc::bad_id_number);
  auto bad_validity = good;
  bad_validity["validity"]["valid_to"] = nullptr;  // six years without an end
  CHECK(card_from_json(bad_validity).error().code == Errc::invalid_document);
  std::mt19937 rng(9);
  const std::string text = good.dump();
  for (int i = 0; i < 300; ++i) {
    std::string m = text;
    m[rng() % m.size()] = static_cast<char>(rng() % 128);
    const auto j = nlohmann::json::parse(m, nullptr, false);
    if (j.is_discarded()) continue;
    auto r = card_from_json(j);
    if (!r.ok()) CHECK_FALSE(r.error().message.empty());
  }
}
