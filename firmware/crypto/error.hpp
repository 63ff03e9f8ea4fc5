#pragma once
// The crypto layer's closed error type and its Result. Same Expected pattern as
// central/wire/expected.hpp; messages never hold key material or plaintext.
#include <string>
#include <utility>
#include <variant>

namespace kiosk::crypto {

enum class Errc {
  bad_key,                // key of the wrong size or unreadable key file contents
  key_file,               // the key file cannot be created, read or written
  insecure_permissions,   // the key file is readable or writable by group/others
  authentication_failed,  // AES-GCM tag mismatch: tampered data, wrong key or wrong context
  malformed,              // sealed bytes too short to hold nonce and tag
  openssl,                // OpenSSL failed unexpectedly (including the random source)
};

const char* to_string(Errc code);

struct Error {
  Errc code;
  std::string message;
};

struct Done {};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
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

inline Error make_error(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace kiosk::crypto
