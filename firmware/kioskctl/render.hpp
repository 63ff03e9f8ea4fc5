#pragma once
// Human-readable rendering of API results for the terminal: objects as aligned "key: value"
// lines, lists of records as tables, nested objects indented. Deterministic (keys sorted).
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::kioskctl {

// The text to print (ends with '\n' unless empty).
std::string render_human(const nlohmann::json& value);

// One scalar as shown to a technician: strings raw, null "-", booleans "yes"/"no".
std::string render_scalar(const nlohmann::json& value);

}  // namespace kiosk::kioskctl
