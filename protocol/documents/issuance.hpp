#pragma once
// Issuance authorisation: once a decision is eligible, the office reserves the card and signs
// what the kiosk may print. The kiosk verifies the office signature before printing.
//
// The signed payload is the canonical JSON (protocol/encoding/canonical_json.hpp) of
// to_json(authorisation); the signature is ECDSA P-256/SHA-256 by the office key, base64 DER
// (protocol/documents/signed_document.hpp). The office authors and signs authorisations
// (central/registry/issuance.hpp).
// The file number (档案编号) belongs to the holder for life: renewals and replacements keep it.

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "protocol/api/service.hpp"
#include "protocol/documents/card_data.hpp"
#include "protocol/documents/signed_document.hpp"

namespace kiosk::protocol {

struct IssuanceAuthorisation {
  std::string authorisation_id;
  std::string kiosk_id;
  std::string issued_at;
  Service service = Service::renewal;
  std::int64_t fee_fen = 0;
  bool requires_card_return = false;
  CardData card;
};

using SignedAuthorisation = SignedDocument;

inline constexpr std::size_t kMaxAuthorisationBytes = 64 * 1024;

nlohmann::json to_json(const IssuanceAuthorisation& authorisation);
// Errors: invalid_document (also empty ids), bad_date, bad_id_number, bad_file_number,
// unknown_value.
Result<IssuanceAuthorisation> authorisation_from_json(const nlohmann::json& json);
// {payload, signature}. Errors: invalid_document.
Result<SignedAuthorisation> signed_authorisation_from_json(const nlohmann::json& json);
// Verifies the office signature, then parses the payload. Errors: bad_signature, too_large,
// and those of authorisation_from_json.
Result<IssuanceAuthorisation> verify_authorisation(const SignedAuthorisation& signed_authorisation,
                                                   const Certificate& office_cert);

}  // namespace kiosk::protocol
