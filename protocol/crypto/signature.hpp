#pragma once
// Detached ECDSA P-256 / SHA-256 signatures carried as standard base64 of the DER: what the
// office puts on its signed documents (configuration, issuance authorisations) and the kiosk
// on its journal records, over the canonical JSON of the document.

#include <cstddef>
#include <string>
#include <string_view>

#include "protocol/crypto/keys.hpp"

namespace kiosk::protocol {

// Base64 signature. Errors: crypto.
Result<std::string> sign_base64(const PrivateKey& key, std::string_view data);
// Verifies a base64 signature against a certificate's public key.
// Errors: invalid_base64 (not base64), unsupported_key, bad_signature.
Status verify_base64(const Certificate& signer, std::string_view data,
                     std::string_view signature_b64);
// The same against a public key.
Status verify_base64(const PublicKey& signer, std::string_view data,
                     std::string_view signature_b64);
// The same against a bare public key (PEM SubjectPublicKeyInfo). Errors: also bad_pem.
Status verify_base64_with_public_key(std::string_view public_key_pem, std::string_view data,
                                     std::string_view signature_b64);

// `count` bytes from OpenSSL's CSPRNG.
std::string random_bytes(std::size_t count);

}  // namespace kiosk::protocol
