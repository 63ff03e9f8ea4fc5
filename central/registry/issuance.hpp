#pragma once
// The office's side of issuance: once a decision is eligible, the office authorises the card
// (what the kiosk may print), signs the authorisation with the office key, updates the
// registry record, and files the electronic-licence re-issue record after a renewal.
// The authorisation document, its JSON and its verification are the protocol's
// (protocol/documents/issuance.hpp): the kiosk verifies what the office signs here.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "central/registry/eligibility.hpp"
#include "central/registry/licence.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/documents/issuance.hpp"

namespace kiosk::central::registry {

using protocol::CardData;
using protocol::IssuanceAuthorisation;
using protocol::SignedAuthorisation;

struct IssuanceRequest {
  std::string authorisation_id;  // chosen by the server (unique); 1..64 chars
  std::string kiosk_id;
  std::string issued_at;  // RFC 3339 UTC timestamp chosen by the server
  Date today{};
};

// Errors: not_eligible (decision not eligible, or info_query: nothing to print),
//         mismatch (decision's new validity missing), bad_json (empty ids).
Result<IssuanceAuthorisation> authorise_issuance(const Licence& licence, const Decision& decision,
                                                 const IssuanceRequest& request);
// The payload is the canonical JSON of protocol::to_json(authorisation). Errors: signature.
Result<SignedAuthorisation> sign_authorisation(const IssuanceAuthorisation& authorisation,
                                               const protocol::PrivateKey& office_key);

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

nlohmann::json to_json(const ElectronicLicenceRecord& record);

}  // namespace kiosk::central::registry
