#pragma once
// The kiosk's side of the office PKI: the CSR it sends at enrolment, and the check that a
// certificate (the office signing certificate) was issued by the CA the kiosk trusts. The
// office's authority (CA, issuing, revocation) is central/pki.

#include <string>
#include <string_view>

#include "protocol/crypto/keys.hpp"

namespace kiosk::protocol {

// A PKCS#10 CSR (PEM) with subject CN=<common_name>, signed by `key`.
// Errors: invalid_argument (empty name), crypto.
Result<std::string> make_csr(const PrivateKey& key, std::string_view common_name);

// Done when `cert` was signed by `ca`'s key and names it as issuer (no time or purpose check;
// TLS does the full path validation). Errors: not_issued_by.
Status verify_issued_by(const Certificate& cert, const Certificate& ca);

}  // namespace kiosk::protocol
