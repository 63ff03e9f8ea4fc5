#pragma once
// The office certificate authority: a self-signed development CA, the HTTPS server's
// certificate, kiosk client certificates and the office signing certificate, and signing of a
// kiosk's CSR at enrolment. All keys are ECDSA P-256, all signatures ECDSA with SHA-256.
// Serial numbers are 127-bit random positive integers (RFC 5280 §4.1.2.2 allows up to 20 bytes).
//
// Certificate profiles:
//   CA      CN=<name>, O=Kiosk24; basicConstraints critical CA:TRUE pathlen:0;
//           keyUsage critical keyCertSign,cRLSign; SKI; default 3650 days.
//   server  CN=<dns[0]>; SAN DNS:localhost, IP:127.0.0.1 by default; keyUsage critical
//           digitalSignature; EKU serverAuth; default 825 days.
//   kiosk   CN=<kiosk id>, O=Kiosk24 kiosk; keyUsage critical digitalSignature;
//           EKU clientAuth; default 730 days.
//   office  CN=<name>, O=Kiosk24 office; keyUsage critical digitalSignature (the key that signs
//           configuration documents and issuance authorisations); default 3650 days.
// Every leaf has basicConstraints critical CA:FALSE, SKI and AKI.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "central/pki/errors.hpp"
#include "protocol/crypto/keys.hpp"

namespace kiosk::central::pki {

// The key model is the protocol's (protocol/crypto/keys.hpp); the authority issues with it.
using protocol::Certificate;
using protocol::CertifiedKey;
using protocol::PrivateKey;

struct CaOptions {
  std::string common_name = "Kiosk24 Development CA";
  int days = 3650;
};

struct ServerCertOptions {
  std::vector<std::string> dns_names{"localhost"};
  std::vector<std::string> ip_addresses{"127.0.0.1"};
  int days = 825;
};

// A kiosk id is 1..64 characters of [A-Za-z0-9._-] (it becomes the certificate CN and is how
// the server names the kiosk). Returns false otherwise.
bool is_valid_kiosk_id(std::string_view kiosk_id);

// Errors: invalid_argument (days <= 0, empty name), openssl.
Result<CertifiedKey> create_ca(const CaOptions& options = {});
Result<CertifiedKey> create_server_certificate(const CertifiedKey& ca,
                                               const ServerCertOptions& options = {});
// A kiosk certificate with a fresh key (dev kiosks; real kiosks enrol with a CSR).
// Errors: invalid_argument (kiosk id), openssl.
Result<CertifiedKey> create_kiosk_certificate(const CertifiedKey& ca, std::string_view kiosk_id,
                                              int days = 730);
Result<CertifiedKey> create_office_certificate(
    const CertifiedKey& ca, std::string_view common_name = "Kiosk24 Office Signing",
    int days = 3650);

// Enrolment: verifies the CSR's self-signature and that its key is P-256, then issues a kiosk
// certificate for `kiosk_id`. The CSR's subject and extensions are ignored: the CN is forced
// to the enrolled kiosk id and the kiosk profile above is applied.
// Errors: bad_csr (unparsable, bad self-signature), unsupported_key, invalid_argument, openssl.
Result<Certificate> sign_kiosk_csr(const CertifiedKey& ca, std::string_view csr_pem,
                                   std::string_view kiosk_id, int days = 730);

}  // namespace kiosk::central::pki
