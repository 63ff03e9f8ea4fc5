#pragma once
// The crypto layer's closed error type and its Result (the project's one Expected,
// protocol/expected.hpp); messages never hold key material or plaintext.
#include <string>
#include <utility>

#include "protocol/expected.hpp"

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

using Error = protocol::CodedError<Errc>;

// The project's one Expected (protocol/expected.hpp); the error type above stays this layer's own.
using Done = protocol::Done;
template <class T>
using Result = protocol::Expected<T, Error>;

inline Error make_error(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace kiosk::crypto
