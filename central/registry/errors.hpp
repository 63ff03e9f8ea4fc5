#pragma once
// The closed error type of the licence registry library (kiosk_central_registry).

#include <string>
#include <string_view>

#include "protocol/error.hpp"

namespace kiosk::central::registry {

enum class Errc {
  bad_json,         // not JSON, or a field is missing / of the wrong type / out of range
  bad_date,         // not an existing calendar date in YYYY-MM-DD
  bad_id_number,    // wrong length, characters or check character
  bad_file_number,  // not 12 digits
  unknown_value,    // an enum spelling that is not one of ours (vehicle class, state, ...)
  not_eligible,     // issuance asked for a decision that is not eligible
  mismatch,         // decision and licence do not belong together
  signature,        // signing failed, or an authorisation's signature does not verify
};

std::string_view to_string(Errc code);

using RegistryError = protocol::CodedError<Errc>;

template <typename T>
using Result = protocol::Expected<T, RegistryError>;

inline RegistryError make_error(Errc code, std::string message) {
  return RegistryError{code, std::move(message)};
}

// A failure of the protocol's document code (card data, signed documents) in this layer's
// terms: the same names, signature for any signature failure, bad_json for the rest.
RegistryError from_protocol(const protocol::Error& e);

}  // namespace kiosk::central::registry
