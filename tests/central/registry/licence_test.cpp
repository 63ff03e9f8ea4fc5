#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/registry/licence.hpp"
#include "support.hpp"

using namespace registry_test;

TEST_CASE("file numbers are a 4-digit area code and an 8-digit sequence", "[registry]") {
  CHECK(make_file_number(1101, 42).value() == "110100000042");
  CHECK(is_valid_file_number("110100000042"));
  CHECK_FALSE(is_valid_file_number("11010000004"));
  CHECK_FALSE(is_valid_file_number("11010000004a"));
  CHECK(make_file_number(10000, 1).error().code == Errc::bad_file_number);
  CHECK(make_file_number(1, 100'000'000).error().code == Errc::bad_file_number);
}

TEST_CASE("licence states round-trip and unknown spellings are typed errors", "[registry]") {
  for (auto v : {LicenceState::valid, LicenceState::expired, LicenceState::lost_reported})
    CHECK(parse_licence_state(to_string(v)).value() == v);
  CHECK(parse_licence_state("VALID").error().code == Errc::unknown_value);
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
