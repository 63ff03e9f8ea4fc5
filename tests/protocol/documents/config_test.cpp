#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "protocol/crypto/signature.hpp"
#include "protocol/documents/config.hpp"
#include "protocol/encoding/canonical_json.hpp"
#include "self_signed.hpp"

using namespace kiosk::protocol;

namespace {

constexpr int kFastIterations = 1000;  // tests only; documents default to kDefaultPbkdf2Iterations

const CertifiedKey& office() {
  static const CertifiedKey o = protocol_test::self_signed("Test Office");
  return o;
}

// What the office does (central/config signs the same way).
SignedConfig sign(const ConfigDocument& doc, const PrivateKey& key) {
  return sign_document(canonical_json(doc), key).value();
}

ConfigDocument sample() {
  ConfigDocument d;
  d.version = 7;
  d.issued_at = "2026-11-28T08:00:00Z";
  d.services_enabled = {Service::renewal, Service::info_query};
  d.fees.renewal_fen = 1000;
  d.fees.replace_lost_fen = 2000;
  d.technicians.push_back(
      make_technician_credential("tech01", "correct horse", "technician", kFastIterations).value());
  d.technicians.push_back(
      make_technician_credential("sup01", "battery staple", "supervisor", kFastIterations).value());
  d.retention_days = 14;
  d.heartbeat_interval_s = 30;
  return d;
}

}  // namespace

TEST_CASE("technician passwords verify against their salted PBKDF2 hash", "[protocol][documents]") {
  const auto c =
      make_technician_credential("tech01", "correct horse", "technician", kFastIterations).value();
  CHECK(verify_technician_password(c, "correct horse"));
  CHECK_FALSE(verify_technician_password(c, "correct horsE"));
  CHECK_FALSE(verify_technician_password(c, ""));
  const auto again =
      make_technician_credential("tech01", "correct horse", "technician", kFastIterations).value();
  CHECK(again.salt_b64 != c.salt_b64);
  CHECK(again.hash_b64 != c.hash_b64);
  auto broken = c;
  broken.iterations = 1;
  CHECK_FALSE(verify_technician_password(broken, "correct horse"));
  broken = c;
  broken.hash_b64 = "AAAA";
  CHECK_FALSE(verify_technician_password(broken, "correct horse"));
}

TEST_CASE("the default iteration count is the documented one", "[protocol][documents]") {
  const auto c = make_technician_credential("tech", "pw").value();
  CHECK(c.iterations == 200'000);
  CHECK(verify_technician_password(c, "pw"));
}

TEST_CASE("bad credential requests are typed errors", "[protocol][documents]") {
  CHECK(make_technician_credential("", "pw").error().code == Errc::invalid_argument);
  CHECK(make_technician_credential("u", "").error().code == Errc::invalid_argument);
  CHECK(make_technician_credential("u", "pw", "admin").error().code == Errc::invalid_argument);
  CHECK(make_technician_credential("u", "pw", "technician", 10).error().code ==
        Errc::invalid_argument);
}

TEST_CASE("a signed configuration verifies and round-trips", "[protocol][documents]") {
  const auto doc = sample();
  auto s = sign_document(canonical_json(doc), office().key);
  REQUIRE(s.ok());
  CHECK(s->payload == canonical_json(doc));
  auto verified = verify_config(*s, office().cert);
  REQUIRE(verified.ok());
  CHECK(*verified == doc);
  CHECK(verify_technician_password(verified->technicians[0], "correct horse"));

  auto envelope = signed_config_from_json(to_json(*s).dump());
  REQUIRE(envelope.ok());
  CHECK(verify_config(*envelope, office().cert).value() == doc);
}

TEST_CASE("a tampered configuration or another signer is refused", "[protocol][documents]") {
  const auto s = sign(sample(), office().key);
  auto tampered = s;
  const auto pos = tampered.payload.find("\"retention_days\":14");
  REQUIRE(pos != std::string::npos);
  tampered.payload.replace(pos, 19, "\"retention_days\":99");
  CHECK(verify_config(tampered, office().cert).error().code == Errc::bad_signature);

  const auto other = protocol_test::self_signed("Another Office");
  CHECK(verify_config(s, other.cert).error().code == Errc::bad_signature);
  auto resigned = s;
  resigned.signature_b64 = sign(sample(), other.key).signature_b64;
  CHECK(verify_config(resigned, office().cert).error().code == Errc::bad_signature);
  resigned.signature_b64 = "not base64!";
  CHECK(verify_config(resigned, office().cert).error().code == Errc::bad_signature);
}

TEST_CASE("a correctly signed but malformed document is still refused", "[protocol][documents]") {
  auto j = to_json(sample());
  j["retention_days"] = 0;
  const std::string payload = canonical_json(j).value();
  SignedConfig s{payload, sign_base64(office().key, payload).value()};
  CHECK(verify_config(s, office().cert).error().code == Errc::invalid_document);
}

TEST_CASE("configuration parsing is strict", "[protocol][documents]") {
  const auto good = to_json(sample());
  CHECK(config_from_json(good).ok());
  auto with = [&](const char* key, nlohmann::json value) {
    auto j = good;
    j[key] = std::move(value);
    return config_from_json(j);
  };
  CHECK(with("extra", 1).error().code == Errc::invalid_document);
  CHECK(with("version", 0).error().code == Errc::invalid_document);
  CHECK(with("version", "7").error().code == Errc::invalid_document);
  CHECK(with("heartbeat_interval_s", 1).error().code == Errc::invalid_document);
  CHECK(with("retention_days", 366).error().code == Errc::invalid_document);
  CHECK(with("services_enabled", nlohmann::json::array({"renewal", "renewal"})).error().code ==
        Errc::invalid_document);
  CHECK(with("services_enabled", nlohmann::json::array({"teleport"})).error().code ==
        Errc::invalid_document);
  CHECK(with("fees", nlohmann::json{{"renewal", 1}}).error().code == Errc::invalid_document);
  CHECK(with("fees",
             nlohmann::json{
                 {"renewal", -1}, {"replace_lost", 0}, {"replace_damaged", 0}, {"info_query", 0}})
            .error()
            .code == Errc::invalid_document);
  CHECK(with("opening_message", nlohmann::json{{"zh", "你好"}}).error().code ==
        Errc::invalid_document);
  CHECK(with("opening_message", nlohmann::json{{"zh", std::string(600, 'x')}, {"en", ""}})
            .error()
            .code == Errc::invalid_document);
  auto bad_tech = good;
  bad_tech["technicians"][0]["role"] = "root";
  CHECK(config_from_json(bad_tech).error().code == Errc::invalid_document);
  bad_tech = good;
  bad_tech["technicians"][0]["hash"] = "AAAA";
  CHECK(config_from_json(bad_tech).error().code == Errc::invalid_document);
  auto missing = good;
  missing.erase("fees");
  CHECK(config_from_json(missing).error().code == Errc::invalid_document);
  CHECK(config_from_json(nlohmann::json::array()).error().code == Errc::invalid_document);
  CHECK(signed_config_from_json("{").error().code == Errc::invalid_document);
  CHECK(signed_config_from_json(R"({"payload":"x"})").error().code == Errc::invalid_document);
  CHECK(signed_config_from_json(std::string(2 * 1024 * 1024, ' ')).error().code == Errc::too_large);
}

TEST_CASE("random mutations of a signed configuration are refused without crashing",
          "[protocol][documents]") {
  const auto original = sign(sample(), office().key);
  const std::string text = to_json(original).dump();
  std::mt19937 rng(5);
  for (int i = 0; i < 300; ++i) {
    std::string m = text;
    m[rng() % m.size()] = static_cast<char>(rng() % 256);
    if (m == text) continue;
    auto envelope = signed_config_from_json(m);
    if (!envelope) continue;
    auto doc = verify_config(*envelope, office().cert);
    // Only a change that leaves the signed payload intact can verify.
    if (doc.ok()) CHECK(envelope->payload == original.payload);
  }
  SUCCEED();
}

TEST_CASE("only a newer version replaces the running configuration", "[protocol][documents]") {
  const auto doc = sample();
  CHECK(is_newer(doc, 6));
  CHECK_FALSE(is_newer(doc, 7));
  CHECK_FALSE(is_newer(doc, 8));
  CHECK(doc.fees.fee(Service::replace_lost) == 2000);
  CHECK(doc.fees.fee(Service::info_query) == 0);
}
