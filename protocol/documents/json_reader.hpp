#pragma once
// Strict field access for the JSON objects of the office's documents (licence card data,
// issuance authorisations, configuration) and the registry's records. The first problem is
// remembered (with the field name, never the value) and later reads become no-ops, so a
// parser reads every field and asks ok() once.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "protocol/documents/date.hpp"
#include "protocol/error.hpp"

namespace kiosk::protocol {

class JsonReader {
 public:
  // Fields are read as asked; other keys are ignored.
  explicit JsonReader(const nlohmann::json& object, std::string_view where = "object");
  // Exactly `keys`: an unknown key or a missing one is invalid_document.
  JsonReader(const nlohmann::json& object, std::initializer_list<const char*> keys,
             std::string_view where);

  // Errors: invalid_document (missing).
  const nlohmann::json* field(const char* key);
  std::string string(const char* key, std::size_t max_len = 512, bool allow_empty = true);
  std::int64_t integer(const char* key, std::int64_t min, std::int64_t max);
  bool boolean(const char* key);
  // Errors: bad_date.
  Date date(const char* key);
  // null -> nullopt.
  std::optional<Date> optional_date(const char* key);
  const nlohmann::json* array(const char* key, std::size_t max_items);

  // `parse(text)` returns anything with operator bool and operator* (a Result or an optional).
  // Errors: unknown_value.
  template <typename T, typename Parse>
  T enumeration(const char* key, Parse parse) {
    const std::string text = string(key, 64);
    if (error_) return T{};
    auto r = parse(text);
    if (!r) {
      fail(Errc::unknown_value, where_ + ": field " + key + " has an unknown value");
      return T{};
    }
    return *r;
  }

  void fail(Errc code, std::string message);
  void fail(std::string message) { fail(Errc::invalid_document, std::move(message)); }
  // Propagates a nested reader's error.
  void fail(const Error& e);
  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }

 private:
  const nlohmann::json& object_;
  std::string where_;
  std::optional<Error> error_;
};

}  // namespace kiosk::protocol
