#include "central/registry/issuance.hpp"

#include <nlohmann/json.hpp>

#include "protocol/encoding/canonical_json.hpp"

namespace kiosk::central::registry {

namespace {

bool valid_id(const std::string& s) {
  return !s.empty() && s.size() <= 64;
}

}  // namespace

Result<IssuanceAuthorisation> authorise_issuance(const Licence& licence, const Decision& decision,
                                                 const IssuanceRequest& request) {
  if (!decision.eligible || !decision.reasons.empty()) {
    return make_error(Errc::not_eligible, "the decision is not eligible");
  }
  if (decision.service == Service::info_query)
    return make_error(Errc::not_eligible, "info_query prints no card");
  if (!decision.new_validity)
    return make_error(Errc::mismatch, "an eligible decision carries the new validity");
  if (!valid_id(request.authorisation_id) || !valid_id(request.kiosk_id) ||
      request.issued_at.empty()) {
    return make_error(Errc::bad_json, "authorisation id, kiosk id and issue time are required");
  }
  IssuanceAuthorisation a;
  a.authorisation_id = request.authorisation_id;
  a.kiosk_id = request.kiosk_id;
  a.issued_at = request.issued_at;
  a.service = decision.service;
  a.fee_fen = decision.fee_fen;
  a.requires_card_return = decision.requires_card_return;
  a.card.holder = licence.holder;
  a.card.first_issue_date = licence.first_issue_date;
  a.card.classes = licence.classes;
  a.card.validity = *decision.new_validity;
  a.card.issuing_authority = licence.issuing_authority;
  a.card.file_number = licence.file_number;
  return a;
}

Result<SignedAuthorisation> sign_authorisation(const IssuanceAuthorisation& authorisation,
                                               const protocol::PrivateKey& office_key) {
  auto payload = protocol::canonical_json(protocol::to_json(authorisation));
  if (!payload)
    return make_error(Errc::signature, "canonical encoding: " + payload.error().message);
  auto signed_authorisation = protocol::sign_document(std::move(payload).value(), office_key);
  if (!signed_authorisation)
    return make_error(Errc::signature, signed_authorisation.error().message);
  return std::move(signed_authorisation).value();
}

Licence apply_issuance(const Licence& licence, const IssuanceAuthorisation& a) {
  Licence next = licence;
  next.validity = a.card.validity;
  next.state = LicenceState::valid;
  if (a.service == Service::renewal) next.reached_12_points_in_term = false;
  return next;
}

ElectronicLicenceRecord reissue_electronic_licence(const IssuanceAuthorisation& a,
                                                   std::string reissue_id,
                                                   std::string requested_at) {
  ElectronicLicenceRecord r;
  r.reissue_id = std::move(reissue_id);
  r.authorisation_id = a.authorisation_id;
  r.requested_at = std::move(requested_at);
  r.reason = a.service;
  r.id_number = a.card.holder.id_number;
  r.name = a.card.holder.name;
  r.file_number = a.card.file_number;
  r.classes = a.card.classes;
  r.validity = a.card.validity;
  r.state = LicenceState::valid;
  return r;
}

nlohmann::json to_json(const ElectronicLicenceRecord& r) {
  return {{"reissue_id", r.reissue_id},
          {"authorisation_id", r.authorisation_id},
          {"requested_at", r.requested_at},
          {"reason", to_string(r.reason)},
          {"id_number", r.id_number},
          {"name", r.name},
          {"file_number", r.file_number},
          {"classes", protocol::classes_to_json(r.classes)},
          {"validity", protocol::to_json(r.validity)},
          {"state", to_string(r.state)}};
}

}  // namespace kiosk::central::registry
