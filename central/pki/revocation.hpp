#pragma once
// Revocation of kiosk certificates. The server keeps the list of revoked serial numbers (hex,
// as Certificate::serial_hex() prints them); this builds the CA-signed CRL that TLS checks
// and answers the simple question for one certificate.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "central/pki/authority.hpp"

namespace kiosk::central::pki {

struct CrlOptions {
  std::int64_t this_update_unix = 0;  // 0 = now
  int next_update_days = 7;
  std::int64_t crl_number = 1;  // monotonic, chosen by the caller
};

// A PEM X.509 v2 CRL signed by the CA listing `revoked_serials_hex` (each 1..40 hex digits,
// any case). Errors: invalid_argument (bad serial), openssl.
Result<std::string> build_crl(const CertifiedKey& ca,
                              const std::vector<std::string>& revoked_serials_hex,
                              const CrlOptions& options = {});

// The serials listed in a CRL PEM after checking it is signed by `ca`.
// Errors: bad_pem, bad_signature.
Result<std::vector<std::string>> read_crl(std::string_view crl_pem, const Certificate& ca);

// True when cert's serial is in `revoked_serials_hex` (compared as numbers: case and leading
// zeros do not matter).
bool is_revoked(const Certificate& cert, const std::vector<std::string>& revoked_serials_hex);

// Serials are compared in the protocol's canonical form.
using protocol::normalise_serial;

}  // namespace kiosk::central::pki
