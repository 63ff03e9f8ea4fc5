#pragma once
// Internal to kiosk_central_registry: strict field access for JSON objects. The first problem
// is remembered (with the field name, never the value) and later reads become no-ops.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "central/registry/licence.hpp"

namespace kiosk::central::registry::detail {

class JsonReader {
 public:
  explicit JsonReader(const nlohmann::json& object) : object_(object) {
    if (!object_.is_object()) fail(Errc::bad_json, "expected a JSON object");
  }

  const nlohmann::json* field(const char* key) {
    if (error_) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
      fail(Errc::bad_json, std::string("missing field ") + key);
      return nullptr;
    }
    return &*it;
  }

  std::string string(const char* key, std::size_t max_len = 512) {
    const auto* v = field(key);
    if (v == nullptr) return {};
    if (!v->is_string() || v->get_ref<const std::string&>().size() > max_len) {
      fail(Errc::bad_json, std::string("field ") + key + " must be a string of at most " +
                               std::to_string(max_len) + " bytes");
      return {};
    }
    return v->get<std::string>();
  }

  std::int64_t integer(const char* key, std::int64_t min, std::int64_t max) {
    const auto* v = field(key);
    if (v == nullptr) return 0;
    if (!v->is_number_integer()) {
      fail(Errc::bad_json, std::string("field ") + key + " must be an integer");
      return 0;
    }
    if (v->is_number_unsigned() &&
        v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      fail(Errc::bad_json, std::string("field ") + key + " out of range");
      return 0;
    }
    const auto n = v->get<std::int64_t>();
    if (n < min || n > max) {
      fail(Errc::bad_json, std::string("field ") + key + " out of range");
      return 0;
    }
    return n;
  }

  bool boolean(const char* key) {
    const auto* v = field(key);
    if (v == nullptr) return false;
    if (!v->is_boolean()) {
      fail(Errc::bad_json, std::string("field ") + key + " must be a boolean");
      return false;
    }
    return v->get<bool>();
  }

  Date date(const char* key) {
    const std::string text = string(key, 10);
    if (error_) return {};
    auto d = parse_date(text);
    if (!d) {
      fail(Errc::bad_date, std::string("field ") + key + " is not a YYYY-MM-DD date");
      return {};
    }
    return *d;
  }

  // null -> nullopt
  std::optional<Date> optional_date(const char* key) {
    const auto* v = field(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    return date(key);
  }

  template <typename T, typename Parse>
  T enumeration(const char* key, Parse parse) {
    const std::string text = string(key, 64);
    if (error_) return T{};
    auto r = parse(text);
    if (!r) {
      fail(Errc::unknown_value, std::string("field ") + key + " has an unknown value");
      return T{};
    }
    return *r;
  }

  const nlohmann::json* array(const char* key, std::size_t max_items) {
    const auto* v = field(key);
    if (v == nullptr) return nullptr;
    if (!v->is_array() || v->size() > max_items) {
      fail(Errc::bad_json, std::string("field ") + key + " must be an array of at most " +
                               std::to_string(max_items));
      return nullptr;
    }
    return v;
  }

  void fail(Errc code, std::string message) {
    if (!error_) error_ = RegistryError{code, std::move(message)};
  }
  // Propagates a nested reader's error.
  void fail(const RegistryError& e) {
    if (!error_) error_ = e;
  }
  bool ok() const { return !error_.has_value(); }
  const RegistryError& error() const { return *error_; }

 private:
  const nlohmann::json& object_;
  std::optional<RegistryError> error_;
};

// Shared by licence.cpp and issuance.cpp.
nlohmann::json holder_to_json(const Holder& holder);
nlohmann::json classes_to_json(const std::vector<VehicleClass>& classes);
Result<Holder> holder_from_json(const nlohmann::json& json);
Result<std::vector<VehicleClass>> classes_from_json(JsonReader& reader);

}  // namespace kiosk::central::registry::detail
