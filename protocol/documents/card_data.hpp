#pragma once
// The driving licence as the office signs it for the kiosk to print (PROTOCOLS.md "The
// driving licence"): holder, vehicle classes, validity, issuing authority and file number,
// with strict JSON in and out. The office's registry record (central/registry/licence.hpp)
// holds these plus what only the office decides on (state, points, health exam).
//
// Dates are written "YYYY-MM-DD". Nationality is an ISO 3166-1 alpha-3 code ("CHN"). The
// licence number is the holder's ID number. A long-term licence has no valid_to.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "protocol/documents/date.hpp"
#include "protocol/documents/json_reader.hpp"
#include "protocol/error.hpp"

namespace kiosk::protocol {

enum class Sex { male, female };

// 准驾车型, in the order the card prints them.
enum class VehicleClass { A1, A2, A3, B1, B2, C1, C2, C3, C4, C5, C6, D, E, F, M, N, P };

// The length of a validity period: 6 years (first licence), 10 years, long-term.
enum class ValidityTerm { six_years, ten_years, long_term };

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

// Everything printed on (and encoded in) the card.
struct CardData {
  Holder holder;
  Date first_issue_date{};
  std::vector<VehicleClass> classes;
  Validity validity;
  std::string issuing_authority;
  std::string file_number;  // 档案编号: 4-digit area code + 8-digit sequence
};

std::string_view to_string(Sex v);
std::string_view to_string(VehicleClass v);
std::string_view to_string(ValidityTerm v);
// Errors: unknown_value.
Result<Sex> parse_sex(std::string_view text);
Result<VehicleClass> parse_vehicle_class(std::string_view text);
Result<ValidityTerm> parse_validity_term(std::string_view text);
// Classes as the card prints them, e.g. "C1E" or "A1A2D" (order of VehicleClass).
std::string classes_string(const std::vector<VehicleClass>& classes);

// File numbers (档案编号): 12 digits.
bool is_valid_file_number(std::string_view file_number);

// JSON. Field names are the snake_case member names; enums use to_string spellings; dates
// YYYY-MM-DD; valid_to null for long-term. Errors: invalid_document, bad_date,
// bad_id_number, bad_file_number, unknown_value.
nlohmann::json to_json(const Holder& holder);
Result<Holder> holder_from_json(const nlohmann::json& json);
nlohmann::json to_json(const Validity& validity);
Result<Validity> validity_from_json(const nlohmann::json& json);
nlohmann::json classes_to_json(const std::vector<VehicleClass>& classes);
// The "classes" field of `reader`'s object: 1..17 known classes.
Result<std::vector<VehicleClass>> classes_from_json(JsonReader& reader);
nlohmann::json to_json(const CardData& card);
Result<CardData> card_from_json(const nlohmann::json& json);

}  // namespace kiosk::protocol
