#include "protocol/encoding/canonical_json.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::protocol {

namespace {

bool has_float(const nlohmann::json& v) {
  if (v.is_number_float()) return true;
  if (v.is_structured()) {
    for (const auto& child : v) {
      if (has_float(child)) return true;
    }
  }
  return false;
}

}  // namespace

Result<std::string> canonical_json(const nlohmann::json& value) {
  if (has_float(value))
    return make_error(Errc::invalid_argument, "canonical JSON has no floating-point numbers");
  try {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::exception&) {
    return make_error(Errc::invalid_argument, "canonical JSON needs valid UTF-8 strings");
  }
}

}  // namespace kiosk::protocol
