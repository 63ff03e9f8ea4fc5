#pragma once
// The closed error type of the central PKI library (kiosk_central_pki). OpenSSL failures are
// mapped here once (openssl_util.hpp), protocol failures in from_protocol(); messages name the
// operation and OpenSSL's reason, never a key or a token.

#include <string>
#include <string_view>

#include "protocol/error.hpp"

namespace kiosk::central::pki {

enum class Errc {
  openssl,           // an OpenSSL call failed unexpectedly (message carries its reason)
  bad_pem,           // PEM text could not be parsed as the expected object
  bad_csr,           // the CSR is malformed or its self-signature does not verify
  unsupported_key,   // a key that is not ECDSA P-256
  bad_signature,     // a signature did not verify (wrong key, tampered data, malformed)
  bad_encoding,      // base64 / hex input is malformed
  invalid_argument,  // an empty kiosk id, a bad serial, non-positive days, ...
  not_issued_by,     // a certificate was not issued (signed) by the given CA
  io,                // a file could not be read, written or its mode set
};

std::string_view to_string(Errc code);

using PkiError = protocol::CodedError<Errc>;

template <typename T>
using Result = protocol::Expected<T, PkiError>;
using Done = protocol::Done;
using Status = Result<Done>;

inline PkiError make_error(Errc code, std::string message) {
  return PkiError{code, std::move(message)};
}

// A failure of the protocol's key, certificate and signature code in this layer's terms.
PkiError from_protocol(const protocol::Error& e);

}  // namespace kiosk::central::pki
