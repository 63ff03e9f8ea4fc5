#pragma once
// A value or a typed wire error. The wire layer's closed error type: every parser and crypto
// routine here reports failure through it and never throws.
#include <string>
#include <utility>
#include <variant>

namespace kiosk::central::wire {

enum class Errc {
  malformed_json,  // not JSON, or nesting too deep
  invalid_record,  // a record misses a field, has a wrong type, extra field or bad value
  invalid_batch,   // batch envelope wrong, empty, too many records
  too_large,       // over a size limit
  invalid_base64,
  bad_key,  // PEM unreadable, or not an ECDSA P-256 key/certificate
  crypto,   // OpenSSL failed unexpectedly
};

const char* to_string(Errc code);

struct Error {
  Errc code;
  std::string message;  // never holds payload contents
};

template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Expected(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};

inline Error make_error(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace kiosk::central::wire
