#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/pki/authority.hpp"
#include "central/registry/issuance.hpp"
#include "support.hpp"
#include "tests/central/support/office_key.hpp"

using namespace registry_test;
namespace pki = kiosk::central::pki;
namespace protocol = kiosk::protocol;
using kiosk::central::testing::office_key;

namespace {

IssuanceRequest request() {
  return {"auth-0001", "kiosk-dev-001", "2026-11-28T09:30:00Z", kToday};
}

}  // namespace

TEST_CASE("an eligible renewal is authorised with the new validity and the same file number",
          "[registry][issuance]") {
  const auto l = seeded("due_for_renewal");
  const auto d = decide(l, Service::renewal, kToday);
  auto a = authorise_issuance(l, d, request());
  REQUIRE(a.ok());
  CHECK(a->authorisation_id == "auth-0001");
  CHECK(a->service == Service::renewal);
  CHECK(a->fee_fen == 1000);
  CHECK(a->card.file_number == l.file_number);
  CHECK(a->card.holder.id_number == l.holder.id_number);
  CHECK(a->card.validity == *d.new_validity);
  CHECK(a->card.classes == l.classes);

  const auto updated = apply_issuance(l, *a);
  CHECK(updated.validity == *d.new_validity);
  CHECK(updated.state == LicenceState::valid);
  // After the renewal the next one is not due for years.
  CHECK_FALSE(decide(updated, Service::renewal, kToday).eligible);
}

TEST_CASE("issuance is refused for ineligible decisions and info queries", "[registry][issuance]") {
  const auto l = seeded("suspended");
  CHECK(authorise_issuance(l, decide(l, Service::renewal, kToday), request()).error().code ==
        Errc::not_eligible);
  const auto ok = seeded("due_for_renewal");
  CHECK(authorise_issuance(ok, decide(ok, Service::info_query, kToday), request()).error().code ==
        Errc::not_eligible);
  auto d = decide(ok, Service::renewal, kToday);
  d.new_validity.reset();
  CHECK(authorise_issuance(ok, d, request()).error().code == Errc::mismatch);
  auto bad = request();
  bad.authorisation_id.clear();
  CHECK(authorise_issuance(ok, decide(ok, Service::renewal, kToday), bad).error().code ==
        Errc::bad_json);
}

TEST_CASE("the office signature over an authorisation verifies and tampering is detected",
          "[registry][issuance]") {
  const auto l = seeded("lost_reported");
  const auto a = authorise_issuance(l, decide(l, Service::replace_lost, kToday), request()).value();
  auto s = sign_authorisation(a, office_key().key);
  REQUIRE(s.ok());
  auto verified = verify_authorisation(*s, office_key().cert);
  REQUIRE(verified.ok());
  CHECK(to_json(*verified) == to_json(a));

  // Through its JSON envelope too.
  auto envelope =
      protocol::signed_authorisation_from_json(nlohmann::json::parse(protocol::to_json(*s).dump()));
  REQUIRE(envelope.ok());
  CHECK(verify_authorisation(*envelope, office_key().cert).ok());

  auto tampered = *s;
  const auto pos = tampered.payload.find("\"fee_fen\":1000");
  REQUIRE(pos != std::string::npos);
  tampered.payload.replace(pos, 14, "\"fee_fen\":1");
  CHECK(verify_authorisation(tampered, office_key().cert).error().code ==
        protocol::Errc::bad_signature);

  const auto other_ca = pki::create_ca().value();
  const auto other = pki::create_office_certificate(other_ca).value();
  CHECK(verify_authorisation(*s, other.cert).error().code == protocol::Errc::bad_signature);
  CHECK(protocol::signed_authorisation_from_json(nlohmann::json{{"payload", 1}}).error().code ==
        protocol::Errc::invalid_document);
}

TEST_CASE("the payload is the canonical JSON of the authorisation", "[registry][issuance]") {
  const auto l = seeded("due_for_renewal_10y");
  const auto a = authorise_issuance(l, decide(l, Service::renewal, kToday), request()).value();
  const auto s = sign_authorisation(a, office_key().key).value();
  CHECK(s.payload == protocol::to_json(a).dump());
  CHECK(s.payload.find("\"valid_to\":null") != std::string::npos);  // long-term
  CHECK(s.payload.find("测试王芳") != std::string::npos);
}

TEST_CASE("a damaged-card replacement asks for the old card", "[registry][issuance]") {
  const auto l = seeded("due_for_renewal");
  const auto a =
      authorise_issuance(l, decide(l, Service::replace_damaged, kToday), request()).value();
  CHECK(a.requires_card_return);
  CHECK(a.card.validity == l.validity);
}

TEST_CASE("the electronic licence re-issue record carries the new card data",
          "[registry][issuance]") {
  const auto l = seeded("expired_in_grace");
  const auto a = authorise_issuance(l, decide(l, Service::renewal, kToday), request()).value();
  const auto r = reissue_electronic_licence(a, "elic-1", "2026-11-28T09:31:00Z");
  CHECK(r.reason == Service::renewal);
  CHECK(r.id_number == l.holder.id_number);
  CHECK(r.file_number == l.file_number);
  CHECK(r.validity == a.card.validity);
  CHECK(r.state == LicenceState::valid);
  const auto j = to_json(r);
  CHECK(j.at("reissue_id") == "elic-1");
  CHECK(j.at("validity").at("valid_from") == format_date(kToday));
}
