#include "protocol/documents/issuance.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::protocol {

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
  JsonReader r(json, "authorisation");
  IssuanceAuthorisation a;
  a.authorisation_id = r.string("authorisation_id", 64);
  a.kiosk_id = r.string("kiosk_id", 64);
  a.issued_at = r.string("issued_at", 64);
  a.service = r.enumeration<Service>("service", service_from_string);
  a.fee_fen = r.integer("fee_fen", 0, 100'000'000);
  a.requires_card_return = r.boolean("requires_card_return");
  if (const auto* c = r.field("card")) {
    auto card = card_from_json(*c);
    if (card)
      a.card = *card;
    else
      r.fail(card.error());
  }
  if (r.ok() && (a.authorisation_id.empty() || a.kiosk_id.empty())) r.fail("empty ids");
  if (!r.ok()) return r.error();
  return a;
}

Result<SignedAuthorisation> signed_authorisation_from_json(const nlohmann::json& json) {
  return signed_document_from_json(json, kMaxAuthorisationBytes);
}

Result<IssuanceAuthorisation> verify_authorisation(const SignedAuthorisation& s,
                                                   const Certificate& office_cert) {
  auto json = verify_document(s, office_cert, kMaxAuthorisationBytes);
  if (!json) return json.error();
  return authorisation_from_json(*json);
}

}  // namespace kiosk::protocol
