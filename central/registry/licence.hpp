#pragma once
// The driving-licence model of the synthetic registry (PROTOCOLS.md "The driving licence"),
// with JSON in and out for the server's storage and API. Plain values, no storage, no I/O.
//
// Dates are std::chrono::year_month_day and are written "YYYY-MM-DD". Nationality is an ISO
// 3166-1 alpha-3 code ("CHN"). The licence number is the holder's ID number. A long-term
// licence has no valid_to.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "central/registry/errors.hpp"

namespace kiosk::central::registry {

using Date = std::chrono::year_month_day;

enum class Sex { male, female };

// 准驾车型, in the order the card prints them.
enum class VehicleClass { A1, A2, A3, B1, B2, C1, C2, C3, C4, C5, C6, D, E, F, M, N, P };

enum class LicenceState { valid, expired, suspended, revoked, lost_reported };

// The length of a validity period: 6 years (first licence), 10 years, long-term.
enum class ValidityTerm { six_years, ten_years, long_term };

// The kiosk services the registry decides on.
enum class Service { renewal, replace_lost, replace_damaged, info_query };

struct Holder {
  std::string name;
  Sex sex = Sex::male;
  std::string nationality = "CHN";
  std::string address;
  Date birth_date{};
  std::string id_number;  // 18 characters, valid check character; also the licence number
  std::string photo_ref;  // opaque reference to the registry photo ("photo:<id number>")
};

struct Validity {
  Date valid_from{};
  std::optional<Date> valid_to;  // nullopt = long-term
  ValidityTerm term = ValidityTerm::six_years;
  bool operator==(const Validity&) const = default;
};

struct Licence {
  Holder holder;
  Date first_issue_date{};
  std::vector<VehicleClass> classes;
  Validity validity;
  std::string issuing_authority;  // e.g. "测试市公安局交通警察支队"
  std::string file_number;        // 档案编号: 4-digit area code + 8-digit sequence
  LicenceState state = LicenceState::valid;
  int points = 0;  // points in the current scoring cycle (12 suspends driving)
  // True when 12 points were reached in any scoring cycle of the current validity period
  // (then the next term does not step up: see eligibility.hpp).
  bool reached_12_points_in_term = false;
  std::optional<Date> health_exam_date;  // latest health-exam record uploaded by a hospital
};

std::string_view to_string(Sex v);
std::string_view to_string(VehicleClass v);
std::string_view to_string(LicenceState v);
std::string_view to_string(ValidityTerm v);
std::string_view to_string(Service v);
Result<Sex> parse_sex(std::string_view text);
Result<VehicleClass> parse_vehicle_class(std::string_view text);
Result<LicenceState> parse_licence_state(std::string_view text);
Result<ValidityTerm> parse_validity_term(std::string_view text);
Result<Service> parse_service(std::string_view text);
// Classes as the card prints them, e.g. "C1E" or "A1A2D" (order of VehicleClass).
std::string classes_string(const std::vector<VehicleClass>& classes);

std::string format_date(const Date& d);  // YYYY-MM-DD
Result<Date> parse_date(std::string_view text);
// Whole years of age on `today`.
int age_on(const Date& birth, const Date& today);
// `d` plus whole years; 29 February becomes 28 February in a common year.
Date add_years(const Date& d, int years);
Date add_days(const Date& d, int days);
// Days from a to b (negative when b is before a).
int days_between(const Date& a, const Date& b);

// File numbers (档案编号): 12 digits = 4-digit area code + 8-digit sequence.
bool is_valid_file_number(std::string_view file_number);
Result<std::string> make_file_number(int area_code, std::int64_t sequence);

// JSON. Field names are the snake_case member names; enums use to_string spellings; dates
// YYYY-MM-DD; valid_to null for long-term; health_exam_date null when none on record.
nlohmann::json to_json(const Licence& licence);
Result<Licence> licence_from_json(const nlohmann::json& json);
nlohmann::json to_json(const Validity& validity);
Result<Validity> validity_from_json(const nlohmann::json& json);

}  // namespace kiosk::central::registry
