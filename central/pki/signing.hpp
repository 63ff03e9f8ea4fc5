#pragma once
// Detached ECDSA P-256 / SHA-256 signatures over bytes (the canonical JSON of a document),
// used for office-signed documents (configuration, issuance authorisations) and for kiosk
// journal records. Signatures are DER (X9.62 ECDSA-Sig-Value), carried as standard base64.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "central/pki/keys.hpp"

namespace kiosk::central::pki {

// Base64 signature. Errors: openssl.
Result<std::string> sign_base64(const PrivateKey& key, std::string_view data);
// Verifies a base64 signature against a certificate's public key.
// Errors: bad_encoding (not base64), unsupported_key, bad_signature.
Status verify_base64(const Certificate& signer, std::string_view data,
                     std::string_view signature_b64);
// The same against a bare public key (PEM SubjectPublicKeyInfo).
Status verify_base64_with_public_key(std::string_view public_key_pem, std::string_view data,
                                     std::string_view signature_b64);

// Encoding helpers (standard alphabet with padding; decode rejects anything else).
std::string base64_encode(std::string_view bytes);
Result<std::string> base64_decode(std::string_view text);
std::string hex_encode(std::string_view bytes);  // lower case
std::string sha256_hex(std::string_view bytes);
// `count` bytes from OpenSSL's CSPRNG.
std::string random_bytes(std::size_t count);

}  // namespace kiosk::central::pki
