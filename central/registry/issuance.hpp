#pragma once
// Issuance authorisation: once a decision is eligible, the office reserves the card and signs
// what the kiosk may print. The kiosk verifies the office signature before printing.
// And the electronic-licence re-issue record the office files after a renewal.
//
// The signed payload is the canonical JSON (pki/canonical.hpp) of to_json(authorisation); the
// signature is ECDSA P-256/SHA-256 by the office key (pki/signing.hpp), base64 DER.
// The file number (档案编号) belongs to the holder for life: renewals and replacements keep it.

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "central/pki/keys.hpp"
#include "central/registry/eligibility.hpp"
#include "central/registry/licence.hpp"

namespace kiosk::central::registry {

// Everything printed on (and encoded in) the card.
struct CardData {
  Holder holder;
  Date first_issue_date{};
  std::vector<VehicleClass> classes;
  Validity validity;
  std::string issuing_authority;
  std::string file_number;
};

struct IssuanceRequest {
  std::string authorisation_id;  // chosen by the server (unique); 1..64 chars
  std::string kiosk_id;
  std::string issued_at;  // RFC 3339 UTC timestamp chosen by the server
  Date today{};
};

struct IssuanceAuthorisation {
  std::string authorisation_id;
  std::string kiosk_id;
  std::string issued_at;
  Service service = Service::renewal;
  std::int64_t fee_fen = 0;
  bool requires_card_return = false;
  CardData card;
};

struct SignedAuthorisation {
  std::string payload;        // canonical JSON of the authorisation
  std::string signature_b64;  // office signature over payload
};

// Errors: not_eligible (decision not eligible, or info_query: nothing to print),
//         mismatch (decision's new validity missing), bad_json (empty ids).
Result<IssuanceAuthorisation> authorise_issuance(const Licence& licence, const Decision& decision,
                                                 const IssuanceRequest& request);
// Errors: signature.
Result<SignedAuthorisation> sign_authorisation(const IssuanceAuthorisation& authorisation,
                                               const pki::PrivateKey& office_key);
// Verifies the signature, then parses the payload. Errors: signature, bad_json.
Result<IssuanceAuthorisation> verify_authorisation(const SignedAuthorisation& signed_authorisation,
                                                   const pki::Certificate& office_cert);

// The registry record after the card was issued: new validity, state valid, points kept,
// reached_12_points_in_term cleared on renewal.
Licence apply_issuance(const Licence& licence, const IssuanceAuthorisation& authorisation);

// The national electronic licence must be re-issued after a renewal (and a replacement):
// the record the office sends to the national platform.
struct ElectronicLicenceRecord {
  std::string reissue_id;  // chosen by the server
  std::string authorisation_id;
  std::string requested_at;  // RFC 3339 UTC
  Service reason = Service::renewal;
  std::string id_number;
  std::string name;
  std::string file_number;
  std::vector<VehicleClass> classes;
  Validity validity;
  LicenceState state = LicenceState::valid;
};

ElectronicLicenceRecord reissue_electronic_licence(const IssuanceAuthorisation& authorisation,
                                                   std::string reissue_id,
                                                   std::string requested_at);

nlohmann::json to_json(const CardData& card);
Result<CardData> card_from_json(const nlohmann::json& json);
nlohmann::json to_json(const IssuanceAuthorisation& authorisation);
Result<IssuanceAuthorisation> authorisation_from_json(const nlohmann::json& json);
nlohmann::json to_json(const SignedAuthorisation& signed_authorisation);  // {payload, signature}
Result<SignedAuthorisation> signed_authorisation_from_json(const nlohmann::json& json);
nlohmann::json to_json(const ElectronicLicenceRecord& record);

}  // namespace kiosk::central::registry
