#include "protocol/documents/json_reader.hpp"

#include <set>

namespace kiosk::protocol {

JsonReader::JsonReader(const nlohmann::json& object, std::string_view where)
    : object_(object), where_(where) {
  if (!object_.is_object()) fail(where_ + " must be a JSON object");
}

JsonReader::JsonReader(const nlohmann::json& object, std::initializer_list<const char*> keys,
                       std::string_view where)
    : JsonReader(object, where) {
  if (error_) return;
  const std::set<std::string> allowed(keys.begin(), keys.end());
  for (const auto& item : object_.items()) {
    if (allowed.count(item.key()) == 0) fail(where_ + " has an unknown key");
  }
  for (const char* k : keys) {
    if (!object_.contains(k)) fail(where_ + " is missing " + k);
  }
}

const nlohmann::json* JsonReader::field(const char* key) {
  if (error_) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    fail(where_ + ": missing field " + key);
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::string(const char* key, std::size_t max_len, bool allow_empty) {
  const auto* v = field(key);
  if (v == nullptr) return {};
  const auto* s = v->get_ptr<const std::string*>();
  if (s == nullptr || s->size() > max_len || (!allow_empty && s->empty())) {
    fail(where_ + ": field " + key + " must be a string of " + (allow_empty ? "0" : "1") + ".." +
         std::to_string(max_len) + " bytes");
    return {};
  }
  return *s;
}

std::int64_t JsonReader::integer(const char* key, std::int64_t min, std::int64_t max) {
  const auto* v = field(key);
  if (v == nullptr) return 0;
  if (!v->is_number_integer()) {
    fail(where_ + ": field " + key + " must be an integer");
    return 0;
  }
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    fail(where_ + ": field " + key + " out of range");
    return 0;
  }
  const auto n = v->get<std::int64_t>();
  if (n < min || n > max) {
    fail(where_ + ": field " + key + " must be in " + std::to_string(min) + ".." +
         std::to_string(max));
    return 0;
  }
  return n;
}

bool JsonReader::boolean(const char* key) {
  const auto* v = field(key);
  if (v == nullptr) return false;
  if (!v->is_boolean()) {
    fail(where_ + ": field " + key + " must be a boolean");
    return false;
  }
  return v->get<bool>();
}

Date JsonReader::date(const char* key) {
  const std::string text = string(key, 10);
  if (error_) return {};
  auto d = parse_date(text);
  if (!d) {
    fail(Errc::bad_date, where_ + ": field " + key + " is not a YYYY-MM-DD date");
    return {};
  }
  return *d;
}

std::optional<Date> JsonReader::optional_date(const char* key) {
  const auto* v = field(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  return date(key);
}

const nlohmann::json* JsonReader::array(const char* key, std::size_t max_items) {
  const auto* v = field(key);
  if (v == nullptr) return nullptr;
  if (!v->is_array() || v->size() > max_items) {
    fail(where_ + ": field " + key + " must be an array of at most " + std::to_string(max_items));
    return nullptr;
  }
  return v;
}

void JsonReader::fail(Errc code, std::string message) {
  if (!error_) error_ = Error{code, std::move(message)};
}

void JsonReader::fail(const Error& e) {
  if (!error_) error_ = e;
}

}  // namespace kiosk::protocol
