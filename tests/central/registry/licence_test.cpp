#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/registry/id_number.hpp"
#include "central/registry/licence.hpp"
#include "support.hpp"

using namespace registry_test;

TEST_CASE("ID check characters follow GB 11643 weights and mod 11", "[registry][id]") {
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

TEST_CASE("dates parse strictly and year arithmetic handles 29 February", "[registry][date]") {
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

TEST_CASE("file numbers are a 4-digit area code and an 8-digit sequence", "[registry]") {
  CHECK(make_file_number(1101, 42).value() == "110100000042");
  CHECK(is_valid_file_number("110100000042"));
  CHECK_FALSE(is_valid_file_number("11010000004"));
  CHECK_FALSE(is_valid_file_number("11010000004a"));
  CHECK(make_file_number(10000, 1).error().code == Errc::bad_file_number);
  CHECK(make_file_number(1, 100'000'000).error().code == Errc::bad_file_number);
}

TEST_CASE("enum spellings round-trip and unknown spellings are typed errors", "[registry]") {
  for (auto v : {VehicleClass::A1, VehicleClass::C6, VehicleClass::P})
    CHECK(parse_vehicle_class(to_string(v)).value() == v);
  for (auto s :
       {Service::renewal, Service::replace_lost, Service::replace_damaged, Service::info_query}) {
    CHECK(parse_service(to_string(s)).value() == s);
  }
  CHECK(parse_vehicle_class("C7").error().code == Errc::unknown_value);
  CHECK(parse_licence_state("VALID").error().code == Errc::unknown_value);
  CHECK(classes_string({VehicleClass::E, VehicleClass::A1, VehicleClass::C1}) == "A1C1E");
}

TEST_CASE("every seeded licence round-trips through JSON", "[registry][json]") {
  for (const auto& c : seed_registry(kToday)) {
    INFO(c.scenario);
    const auto json = to_json(c.licence);
    auto back = licence_from_json(nlohmann::json::parse(json.dump()));
    REQUIRE(back.ok());
    CHECK(to_json(*back) == json);
  }
}

TEST_CASE("malformed licence JSON is refused with a typed error", "[registry][json]") {
  const auto good = to_json(seeded("due_for_renewal"));
  auto with = [&](const char* key, nlohmann::json value) {
    auto j = good;
    j[key] = std::move(value);
    return licence_from_json(j);
  };
  CHECK(licence_from_json(nlohmann::json::array()).error().code == Errc::bad_json);
  auto missing = good;
  missing.erase("file_number");
  CHECK(licence_from_json(missing).error().code == Errc::bad_json);
  CHECK(with("points", "12").error().code == Errc::bad_json);
  CHECK(with("points", -1).error().code == Errc::bad_json);
  CHECK(with("points", 1.5).error().code == Errc::bad_json);
  CHECK(with("state", "gone").error().code == Errc::unknown_value);
  CHECK(with("first_issue_date", "2020-13-01").error().code == Errc::bad_date);
  CHECK(with("file_number", "12345").error().code == Errc::bad_file_number);
  CHECK(with("classes", nlohmann::json::array({"Z9"})).error().code == Errc::unknown_value);
  CHECK(with("classes", nlohmann::json::array()).error().code == Errc::bad_json);
  auto bad_id = good;
  bad_id["holder"]["id_number"] = "110105194912310021";
  CHECK(licence_from_json(bad_id).error().code == Errc::bad_id_number);
  auto bad_validity = good;
  bad_validity["validity"]["valid_to"] = nullptr;  // null but not long-term
  CHECK(licence_from_json(bad_validity).error().code == Errc::bad_json);
}

TEST_CASE("random mutations of licence JSON never crash the parser", "[registry][json][fuzz]") {
  const std::string text = to_json(seeded("aged_over_70")).dump();
  std::mt19937 rng(1234);
  int parsed = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = text;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      mutated[rng() % mutated.size()] = static_cast<char>(rng() % 256);
    }
    const auto json = nlohmann::json::parse(mutated, nullptr, false);
    if (json.is_discarded()) continue;
    ++parsed;
    auto r = licence_from_json(json);
    if (!r.ok()) CHECK_FALSE(r.error().message.empty());
  }
  CHECK(parsed > 0);
}
