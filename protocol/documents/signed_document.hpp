#pragma once
// An office-signed document as it travels: {"payload": "<canonical JSON of the document>",
// "signature": "<base64 DER ECDSA P-256/SHA-256 over payload>"}. Configuration documents and
// issuance authorisations take this shape. The kiosk verifies the signature with the office
// certificate (checked against the CA it trusts) before it reads the payload; the office's
// signing side is central/ (central/config, central/registry/issuance).
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "protocol/crypto/keys.hpp"
#include "protocol/error.hpp"

namespace kiosk::protocol {

struct SignedDocument {
  std::string payload;        // canonical JSON of the document
  std::string signature_b64;  // office signature over payload
};

inline constexpr std::size_t kMaxSignatureB64 = 512;

nlohmann::json to_json(const SignedDocument& document);  // {payload, signature}
// Exactly the two fields, each a non-empty string, the payload at most `max_payload` bytes.
// Errors: invalid_document.
Result<SignedDocument> signed_document_from_json(const nlohmann::json& json,
                                                 std::size_t max_payload);
// Signs `payload` (already canonical) with the office key. Errors: crypto.
Result<SignedDocument> sign_document(std::string payload, const PrivateKey& key);
// Verifies the signature over the payload with `signer`, then parses the payload.
// Errors: too_large (payload over max_payload), bad_signature (any signature failure),
// invalid_document (the payload is not JSON).
Result<nlohmann::json> verify_document(const SignedDocument& document, const Certificate& signer,
                                       std::size_t max_payload);

}  // namespace kiosk::protocol
