#pragma once
// Internal to kiosk_central_pki: the one place where OpenSSL's error queue becomes a PkiError.
// The owning handles are protocol's (protocol/crypto/openssl_handles.hpp).

#include <string_view>

#include "central/pki/errors.hpp"
#include "protocol/crypto/openssl_handles.hpp"

namespace kiosk::central::pki::detail {

using namespace protocol::openssl;

inline PkiError openssl_error(Errc code, std::string_view what) {
  return make_error(code, protocol::openssl::drain_errors(what));
}

}  // namespace kiosk::central::pki::detail
