#include <catch2/catch.hpp>

#include <random>

#include "protocol/crypto/sha256.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/wire/record.hpp"

using namespace kiosk::protocol;
using namespace kiosk::protocol::wire;
using nlohmann::json;

namespace {

const PrivateKey& test_key() {
  static const PrivateKey key = PrivateKey::generate_p256().value();
  return key;
}

Record sample(std::uint64_t seq = 1) {
  Record r;
  r.kiosk_id = "k-001";
  r.seq = seq;
  r.type = "payment.captured";
  r.occurred_at = "2026-11-28T09:00:00Z";
  r.payload = json{{"amount_fen", 2000}, {"b", {{"z", 1}, {"a", "x"}}}};
  return r;
}

}  // namespace

TEST_CASE("canonical bytes sort keys at every level and have no whitespace", "[protocol][wire]") {
  auto bytes = canonical_bytes(sample());
  REQUIRE(bytes.ok());
  CHECK(
      *bytes ==
      R"({"kiosk_id":"k-001","occurred_at":"2026-11-28T09:00:00Z","payload":{"amount_fen":2000,"b":{"a":"x","z":1}},"prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"type":"payment.captured"})");
}

TEST_CASE("canonical bytes escape only quotes, backslashes and control characters",
          "[protocol][wire]") {
  Record r = sample();
  r.payload = json{{"s", "a\"b\\c/d\n\x01 中文"}, {"big", 18446744073709551615ULL}, {"neg", -12}};
  auto bytes = canonical_bytes(r);
  REQUIRE(bytes.ok());
  CHECK(bytes->find(
            R"("payload":{"big":18446744073709551615,"neg":-12,"s":"a\"b\\c/d\n\u0001 中文"})") !=
        std::string::npos);
}

TEST_CASE("the record hash is the SHA-256 of the canonical bytes", "[protocol][wire]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto bytes = canonical_bytes(sample());
  auto hash = record_hash(sample());
  REQUIRE(hash.ok());
  CHECK(*hash == sha256_hex(*bytes));
}

TEST_CASE("a signed record verifies and any change breaks the signature", "[protocol][wire]") {
  Record r = sample();
  REQUIRE(sign_record(r, test_key()).ok());
  auto pub = PublicKey::from_pem(test_key().public_key_pem());
  REQUIRE(pub.ok());
  CHECK(verify_record(r, *pub));

  Record changed = r;
  changed.payload["amount_fen"] = 2001;
  CHECK_FALSE(verify_record(changed, *pub));
  changed = r;
  changed.seq = 2;
  changed.prev_hash = std::string(64, 'a');
  CHECK_FALSE(verify_record(changed, *pub));

  auto other = PrivateKey::generate_p256();
  auto other_pub = PublicKey::from_pem(other->public_key_pem());
  CHECK_FALSE(verify_record(r, *other_pub));

  changed = r;
  changed.signature = base64_encode("not a DER signature");
  CHECK_FALSE(verify_record(changed, *pub));
}

TEST_CASE("keys round-trip through PEM and non-P-256 keys are refused", "[protocol][wire]") {
  auto again = PrivateKey::from_pem(test_key().to_pem());
  REQUIRE(again.ok());
  Record r = sample();
  REQUIRE(sign_record(r, *again).ok());
  CHECK(verify_record(r, PublicKey::from_pem(test_key().public_key_pem()).value()));
  CHECK(PrivateKey::from_pem("garbage").error().code == Errc::bad_pem);
  CHECK(PublicKey::from_pem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
            .error()
            .code == Errc::bad_pem);
}

TEST_CASE("make_signed_record chains records by hash", "[protocol][wire]") {
  auto r1 = make_signed_record("k-1", 1, "session.started", "2026-11-28T09:00:00.123Z",
                               json::object(), std::string(kGenesisHash), test_key());
  REQUIRE(r1.ok());
  auto h1 = record_hash(*r1);
  auto r2 = make_signed_record("k-1", 2, "session.ended", "2026-11-28T09:00:01Z",
                               json{{"ok", true}}, *h1, test_key());
  REQUIRE(r2.ok());
  CHECK(r2->prev_hash == *h1);
}

TEST_CASE("records round-trip through a batch body", "[protocol][wire]") {
  std::vector<Record> records;
  std::string prev(kGenesisHash);
  for (std::uint64_t s = 1; s <= 3; ++s) {
    auto r = make_signed_record("k-1", s, "card.issued", "2026-11-28T09:00:00Z", json{{"n", s}},
                                prev, test_key());
    prev = record_hash(*r).value();
    records.push_back(*r);
  }
  auto parsed = batch_from_body(batch_to_body(records));
  REQUIRE(parsed.ok());
  CHECK(*parsed == records);
}

TEST_CASE("invalid records are refused with a typed error", "[protocol][wire]") {
  Record good = sample();
  REQUIRE(sign_record(good, test_key()).ok());
  const json base = to_json(good);
  REQUIRE(record_from_json(base).ok());

  auto refuse = [](const json& j) {
    auto r = record_from_json(j);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_record);
  };
  for (const char* field :
       {"kiosk_id", "seq", "type", "occurred_at", "payload", "prev_hash", "signature"}) {
    json j = base;
    j.erase(field);
    INFO(field);
    refuse(j);
  }
  auto with = [&](const char* field, json v) {
    json j = base;
    j[field] = std::move(v);
    return j;
  };
  refuse(with("seq", 0));
  refuse(with("seq", -1));
  refuse(with("seq", 1.5));
  refuse(with("seq", "1"));
  refuse(with("kiosk_id", "bad id"));
  refuse(with("kiosk_id", ""));
  refuse(with("type", "Card.Issued"));
  refuse(with("type", "card..issued"));
  refuse(with("occurred_at", "2026-11-28 09:00:00"));
  refuse(with("occurred_at", "2026-11-28T09:00:00+08:00"));
  refuse(with("occurred_at", "2026-13-28T09:00:00Z"));
  refuse(with("payload", json::array()));
  refuse(with("payload", json{{"x", 0.5}}));
  refuse(with("payload", json{{"x", json::array({1, json{{"y", 2.0}}})}}));
  refuse(with("prev_hash", std::string(64, 'A')));
  refuse(with("prev_hash", std::string(63, 'a')));
  refuse(with("prev_hash", std::string(64, 'a')));  // seq 1 must chain to genesis
  refuse(with("signature", "***"));
  refuse(with("extra", 1));
  refuse(json::array());
}

TEST_CASE("batch bodies are bounded in size, depth and count", "[protocol][wire]") {
  Limits limits;
  limits.max_records_per_batch = 2;
  limits.max_body_bytes = 4096;
  CHECK(batch_from_body("{", limits).error().code == Errc::malformed_json);
  CHECK(batch_from_body("[]", limits).error().code == Errc::invalid_batch);
  CHECK(batch_from_body(R"({"records":[]})", limits).error().code == Errc::invalid_batch);
  CHECK(batch_from_body(R"({"records":[1,2,3]})", limits).error().code == Errc::invalid_batch);
  CHECK(batch_from_body(R"({"records":[1]})", limits).error().code == Errc::invalid_record);
  CHECK(batch_from_body(std::string(5000, ' '), limits).error().code == Errc::too_large);
  CHECK(batch_from_body(std::string(2000, '[') + std::string(2000, ']'), limits).error().code ==
        Errc::malformed_json);

  Record deep = sample();
  json v = 1;
  for (int i = 0; i < 40; ++i) v = json{{"d", v}};
  deep.payload = v;
  CHECK(canonical_bytes(deep).error().code == Errc::invalid_record);

  Record big = sample();
  big.payload = json{{"s", std::string(70 * 1024, 'x')}};
  CHECK(canonical_bytes(big).error().code == Errc::too_large);
}

TEST_CASE("a body with a NUL byte is malformed, whatever follows it", "[protocol][wire]") {
  // Found by fuzz/protocol_encoding: the JSON parser stops at a NUL, so a valid batch followed
  // by a NUL and any bytes was accepted.
  Record good = sample();
  REQUIRE(sign_record(good, test_key()).ok());
  const std::string body = batch_to_body({good});
  REQUIRE(batch_from_body(body).ok());
  CHECK(batch_from_body(body + std::string(1, '\0') + "[[[ not json").error().code ==
        Errc::malformed_json);
  CHECK(parse_json(std::string("{}\0", 3)).error().code == Errc::malformed_json);
  CHECK(parse_json(std::string("\0{}", 3)).error().code == Errc::malformed_json);
}

TEST_CASE("random and truncated bodies never crash the parser", "[protocol][wire]") {
  Record good = sample();
  REQUIRE(sign_record(good, test_key()).ok());
  const std::string body = batch_to_body({good});
  for (std::size_t n = 0; n < body.size(); ++n) {
    CHECK_FALSE(batch_from_body(body.substr(0, n)).ok());
  }
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string mutated = body;
    for (int k = 0; k < 3; ++k) mutated[rng() % mutated.size()] = static_cast<char>(rng());
    auto r = batch_from_body(mutated);
    if (r.ok()) CHECK(r->size() == 1);
  }
}

TEST_CASE("invalid UTF-8 in a payload cannot be canonicalised", "[protocol][wire]") {
  Record r = sample();
  r.payload = json{{"s", std::string("\xff\xfe")}};
  CHECK(canonical_bytes(r).error().code == Errc::invalid_record);
}

TEST_CASE("the example in the protocol document has the documented bytes and hash",
          "[protocol][wire]") {
  Record r;
  r.kiosk_id = "k-001";
  r.seq = 1;
  r.type = "payment.captured";
  r.occurred_at = "2026-11-28T09:00:00Z";
  r.payload = json{{"amount_fen", 2000}};
  CHECK(
      canonical_bytes(r).value() ==
      R"({"kiosk_id":"k-001","occurred_at":"2026-11-28T09:00:00Z","payload":{"amount_fen":2000},"prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"type":"payment.captured"})");
  CHECK(record_hash(r).value() ==
        "c01d7210aad82872c3e7cf898108cded86ccd0f6ecfb3d342c3174486a74134b");
}
