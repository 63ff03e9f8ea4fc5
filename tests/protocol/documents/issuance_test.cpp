#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include <nlohmann/json.hpp>

#include "protocol/documents/id_number.hpp"
#include "protocol/documents/issuance.hpp"
#include "protocol/encoding/canonical_json.hpp"
#include "self_signed.hpp"

using namespace kiosk::protocol;

namespace {

const CertifiedKey& office() {
  static const CertifiedKey o = protocol_test::self_signed("Test Office");
  return o;
}

IssuanceAuthorisation sample() {
  IssuanceAuthorisation a;
  a.authorisation_id = "a-0001";
  a.kiosk_id = "kiosk-dev-001";
  a.issued_at = "2026-11-28T09:30:00Z";
  a.service = Service::renewal;
  a.fee_fen = 1000;
  a.card.holder.name = "测试张伟";
  a.card.holder.birth_date = parse_date("1996-05-01").value();
  a.card.holder.id_number = complete_id_number("11010119960501023");
  a.card.holder.photo_ref = "photo:" + a.card.holder.id_number;
  a.card.first_issue_date = parse_date("2020-12-28").value();
  a.card.classes = {VehicleClass::C1, VehicleClass::E};
  a.card.validity = {parse_date("2026-12-28").value(), std::nullopt, ValidityTerm::long_term};
  a.card.issuing_authority = "测试市公安局交通警察支队";
  a.card.file_number = "110110000001";
  return a;
}

// What the office does (central/registry/issuance.cpp signs the same way).
SignedAuthorisation sign(const IssuanceAuthorisation& a, const PrivateKey& key) {
  return sign_document(canonical_json(to_json(a)).value(), key).value();
}

}  // namespace

TEST_CASE("an office-signed authorisation verifies and gives back the card data",
          "[protocol][documents]") {
  const auto s = sign(sample(), office().key);
  auto verified = verify_authorisation(s, office().cert);
  REQUIRE(verified.ok());
  CHECK(to_json(*verified) == to_json(sample()));
  CHECK(classes_string(verified->card.classes) == "C1E");
  auto envelope = signed_authorisation_from_json(nlohmann::json::parse(to_json(s).dump()));
  REQUIRE(envelope.ok());
  CHECK(verify_authorisation(*envelope, office().cert).ok());
}

TEST_CASE("a tampered or foreign authorisation is refused before it is read",
          "[protocol][documents]") {
  const auto s = sign(sample(), office().key);
  auto tampered = s;
  const auto pos = tampered.payload.find("\"fee_fen\":1000");
  REQUIRE(pos != std::string::npos);
  tampered.payload.replace(pos, 14, "\"fee_fen\":1");
  CHECK(verify_authorisation(tampered, office().cert).error().code == Errc::bad_signature);
  const auto other = protocol_test::self_signed("Another Office");
  CHECK(verify_authorisation(s, other.cert).error().code == Errc::bad_signature);
  auto garbled = s;
  garbled.signature_b64 = "not base64!";
  CHECK(verify_authorisation(garbled, office().cert).error().code == Errc::bad_signature);
  auto huge = s;
  huge.payload = std::string(kMaxAuthorisationBytes + 1, ' ');
  CHECK(verify_authorisation(huge, office().cert).error().code == Errc::too_large);
}

TEST_CASE("a correctly signed but malformed authorisation is still refused",
          "[protocol][documents]") {
  auto j = to_json(sample());
  j["authorisation_id"] = "";
  const auto empty_id = sign_document(canonical_json(j).value(), office().key).value();
  CHECK(verify_authorisation(empty_id, office().cert).error().code == Errc::invalid_document);
  j = to_json(sample());
  j["service"] = "teleport";
  const auto unknown = sign_document(canonical_json(j).value(), office().key).value();
  CHECK(verify_authorisation(unknown, office().cert).error().code == Errc::unknown_value);
  const auto not_json = sign_document("not json", office().key).value();
  CHECK(verify_authorisation(not_json, office().cert).error().code == Errc::invalid_document);
}

TEST_CASE("the signed envelope is exactly payload and signature", "[protocol][documents]") {
  const auto s = to_json(sign(sample(), office().key));
  CHECK(signed_authorisation_from_json(nlohmann::json{{"payload", 1}}).error().code ==
        Errc::invalid_document);
  auto extra = s;
  extra["note"] = "x";
  CHECK(signed_authorisation_from_json(extra).error().code == Errc::invalid_document);
  auto empty = s;
  empty["signature"] = "";
  CHECK(signed_authorisation_from_json(empty).error().code == Errc::invalid_document);
  CHECK(signed_authorisation_from_json(nlohmann::json::array()).error().code ==
        Errc::invalid_document);
}
