#pragma once
// PEM files on disk and the one-shot development PKI (`kiosk-central pki init`).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "central/pki/authority.hpp"
#include "protocol/crypto/pem_file.hpp"

namespace kiosk::central::pki {

// Writes text atomically (temp file + rename). Private material gets mode 0600, the rest 0644.
// Errors: io.
Status write_text_file(const std::filesystem::path& path, std::string_view text, bool is_private);
// Reading PEM files is the protocol's (protocol/crypto/pem_file.hpp).
using protocol::read_certificate;
using protocol::read_private_key;
using protocol::read_text_file;

// A certificate and its key; checks they belong together. Errors: io, bad_pem, invalid_argument.
Result<CertifiedKey> read_certified_key(const std::filesystem::path& cert_path,
                                        const std::filesystem::path& key_path);

struct PkiInitOptions {
  int dev_kiosks = 3;  // kiosk-dev-001 .. kiosk-dev-NNN
  CaOptions ca{};
  ServerCertOptions server{};
};

struct PkiInitReport {
  bool created_ca = false;           // false: an existing ca.pem/ca.key was reused
  std::vector<std::string> written;  // file names written this time (relative to dir)
};

// Creates `dir` (0700) and in it, only where missing:
//   ca.pem ca.key               the development CA (never overwritten once present)
//   server.pem server.key       TLS server certificate (SAN DNS:localhost, IP:127.0.0.1)
//   office.pem office.key       the office signing certificate
//   kiosks/kiosk-dev-NNN.pem/.key  dev kiosk client certificates
// Keys are 0600. Idempotent: a second run writes nothing. If ca.pem exists but ca.key does not
// (or they do not match) it fails rather than replacing the CA.
// Errors: io, bad_pem, invalid_argument, openssl.
Result<PkiInitReport> pki_init(const std::filesystem::path& dir,
                               const PkiInitOptions& options = {});

// The dev kiosk id for index 1.. ("kiosk-dev-001").
std::string dev_kiosk_id(int index);

}  // namespace kiosk::central::pki
