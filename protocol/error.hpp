#pragma once
// The protocol library's closed error type (STYLE rule 5): every parser, encoder and signature
// check in protocol/ reports failure through it and never throws. OpenSSL, libpng and libjpeg
// failures are mapped in one place each. Messages name the field or the operation, never a
// payload, a key or personal data.

#include <string>
#include <string_view>
#include <utility>

#include "protocol/expected.hpp"

namespace kiosk::protocol {

enum class Errc {
  malformed_json,    // not JSON, or nested too deep
  invalid_record,    // a wire record misses a field, has a wrong type, extra field or bad value
  invalid_batch,     // batch envelope wrong, empty, too many records
  invalid_document,  // an office-signed document: unknown or missing field, wrong type, range
  bad_date,          // not an existing calendar date as YYYY-MM-DD
  bad_id_number,     // wrong length, characters or check character
  bad_file_number,   // not 12 digits
  unknown_value,     // an enum spelling that is not one of ours (service, vehicle class, ...)
  too_large,         // over a size limit
  invalid_base64,    // not strict RFC 4648 base64
  invalid_hex,       // odd length or a character that is not a hex digit
  bad_pem,           // PEM text that is not the expected object
  unsupported_key,   // a key that is not ECDSA P-256
  bad_signature,     // a signature does not verify (wrong key, tampered data, malformed)
  not_issued_by,     // a certificate was not issued (signed) by the given CA
  invalid_image,     // zero size, or a pixel buffer that does not match the size
  bad_image,         // bytes that are not a decodable PNG
  invalid_argument,  // anything else the caller passed that cannot be encoded
  io,                // a file could not be read or written
  codec,             // libpng or libjpeg failed unexpectedly while encoding
  crypto,            // OpenSSL failed unexpectedly
};

std::string_view to_string(Errc code);

using Error = CodedError<Errc>;

template <typename T>
using Result = Expected<T, Error>;
using Status = Result<Done>;

inline Error make_error(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace kiosk::protocol
