#pragma once
// The driving-licence record of the synthetic registry (PROTOCOLS.md "The driving licence"),
// with JSON in and out for the server's storage and API. Plain values, no storage, no I/O.
// The card data model inside it (holder, classes, validity, dates) is the protocol's
// (protocol/documents/card_data.hpp): it is what the office signs for the kiosk to print.
//
// A long-term licence has no valid_to.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "central/registry/errors.hpp"
#include "protocol/api/service.hpp"
#include "protocol/documents/card_data.hpp"

namespace kiosk::central::registry {

// The shared card data model and service names.
using protocol::add_days;
using protocol::add_years;
using protocol::age_on;
using protocol::classes_string;
using protocol::Date;
using protocol::days_between;
using protocol::format_date;
using protocol::Holder;
using protocol::is_valid_file_number;
using protocol::parse_date;
using protocol::Service;
using protocol::Sex;
using protocol::to_string;
using protocol::Validity;
using protocol::ValidityTerm;
using protocol::VehicleClass;

enum class LicenceState { valid, expired, suspended, revoked, lost_reported };

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

std::string_view to_string(LicenceState v);
Result<LicenceState> parse_licence_state(std::string_view text);

// File numbers (档案编号): 12 digits = 4-digit area code + 8-digit sequence.
Result<std::string> make_file_number(int area_code, std::int64_t sequence);

// JSON. Field names are the snake_case member names; enums use to_string spellings; dates
// YYYY-MM-DD; health_exam_date null when none on record.
nlohmann::json to_json(const Licence& licence);
Result<Licence> licence_from_json(const nlohmann::json& json);

}  // namespace kiosk::central::registry
