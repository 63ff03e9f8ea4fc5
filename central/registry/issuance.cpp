#include "central/registry/issuance.hpp"

#include <nlohmann/json.hpp>

#include "central/pki/canonical.hpp"
#include "central/pki/signing.hpp"
#include "central/registry/json_reader.hpp"

namespace kiosk::central::registry {

namespace {

constexpr std::size_t kMaxPayloadBytes = 64 * 1024;

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

nlohmann::json to_json(const CardData& c) {
  return {{"holder", detail::holder_to_json(c.holder)},
          {"first_issue_date", format_date(c.first_issue_date)},
          {"classes", detail::classes_to_json(c.classes)},
          {"validity", to_json(c.validity)},
          {"issuing_authority", c.issuing_authority},
          {"file_number", c.file_number}};
}

Result<CardData> card_from_json(const nlohmann::json& json) {
  detail::JsonReader r(json);
  CardData c;
  if (const auto* h = r.field("holder")) {
    auto holder = detail::holder_from_json(*h);
    if (holder)
      c.holder = *holder;
    else
      r.fail(holder.error());
  }
  c.first_issue_date = r.date("first_issue_date");
  if (r.ok()) {
    auto classes = detail::classes_from_json(r);
    if (classes)
      c.classes = *classes;
    else
      r.fail(classes.error());
  }
  if (const auto* v = r.field("validity")) {
    auto validity = validity_from_json(*v);
    if (validity)
      c.validity = *validity;
    else
      r.fail(validity.error());
  }
  c.issuing_authority = r.string("issuing_authority", 256);
  c.file_number = r.string("file_number", 12);
  if (r.ok() && !is_valid_file_number(c.file_number))
    r.fail(Errc::bad_file_number, "file_number must be 12 digits");
  if (!r.ok()) return r.error();
  return c;
}

nlohmann::json to_json(const IssuanceAuthorisation& a) {
  return {{"authorisation_id", a.authorisation_id},
          {"kiosk_id", a.kiosk_id},
          {"issued_at", a.issued_at},
          {"service", to_string(a.service)},
          {"fee_fen", a.fee_fen},
          {"requires_card_return", a.requires_card_return},
          {"card", to_json(a.card)}};
}

Result<IssuanceAuthorisation> authorisation_from_json(const nlohmann::json& json) {
  detail::JsonReader r(json);
  IssuanceAuthorisation a;
  a.authorisation_id = r.string("authorisation_id", 64);
  a.kiosk_id = r.string("kiosk_id", 64);
  a.issued_at = r.string("issued_at", 64);
  a.service = r.enumeration<Service>("service", parse_service);
  a.fee_fen = r.integer("fee_fen", 0, 100'000'000);
  a.requires_card_return = r.boolean("requires_card_return");
  if (const auto* c = r.field("card")) {
    auto card = card_from_json(*c);
    if (card)
      a.card = *card;
    else
      r.fail(card.error());
  }
  if (r.ok() && (a.authorisation_id.empty() || a.kiosk_id.empty()))
    r.fail(Errc::bad_json, "empty ids");
  if (!r.ok()) return r.error();
  return a;
}

Result<SignedAuthorisation> sign_authorisation(const IssuanceAuthorisation& authorisation,
                                               const pki::PrivateKey& office_key) {
  auto payload = pki::canonical_json(to_json(authorisation));
  if (!payload)
    return make_error(Errc::signature, "canonical encoding: " + payload.error().message);
  auto sig = pki::sign_base64(office_key, *payload);
  if (!sig) return make_error(Errc::signature, sig.error().message);
  return SignedAuthorisation{std::move(payload).value(), std::move(sig).value()};
}

Result<IssuanceAuthorisation> verify_authorisation(const SignedAuthorisation& s,
                                                   const pki::Certificate& office_cert) {
  if (s.payload.size() > kMaxPayloadBytes)
    return make_error(Errc::bad_json, "authorisation payload too large");
  if (auto v = pki::verify_base64(office_cert, s.payload, s.signature_b64); !v) {
    return make_error(Errc::signature, "office signature: " + v.error().message);
  }
  const auto json = nlohmann::json::parse(s.payload, nullptr, false);
  if (json.is_discarded()) return make_error(Errc::bad_json, "authorisation payload is not JSON");
  return authorisation_from_json(json);
}

nlohmann::json to_json(const SignedAuthorisation& s) {
  return {{"payload", s.payload}, {"signature", s.signature_b64}};
}

Result<SignedAuthorisation> signed_authorisation_from_json(const nlohmann::json& json) {
  detail::JsonReader r(json);
  SignedAuthorisation s;
  s.payload = r.string("payload", kMaxPayloadBytes);
  s.signature_b64 = r.string("signature", 512);
  if (!r.ok()) return r.error();
  return s;
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
  return {{"reissue_id", r.reissue_id},      {"authorisation_id", r.authorisation_id},
          {"requested_at", r.requested_at},  {"reason", to_string(r.reason)},
          {"id_number", r.id_number},        {"name", r.name},
          {"file_number", r.file_number},    {"classes", detail::classes_to_json(r.classes)},
          {"validity", to_json(r.validity)}, {"state", to_string(r.state)}};
}

}  // namespace kiosk::central::registry
