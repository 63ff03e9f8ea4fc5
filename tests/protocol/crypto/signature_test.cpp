#include <catch2/catch.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "protocol/crypto/enrolment.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/crypto/signature.hpp"
#include "protocol/encoding/base64.hpp"

using namespace kiosk::protocol;

namespace {

const PrivateKey& signer() {
  static const PrivateKey key = PrivateKey::generate_p256().value();
  return key;
}

// A P-384 public key in PEM: a curve the protocol refuses.
std::string p384_public_pem() {
  EVP_PKEY* key = EVP_EC_gen("P-384");
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(len));
  BIO_free(bio);
  EVP_PKEY_free(key);
  return pem;
}

}  // namespace

TEST_CASE("a signature verifies with the signer's public key and any tampering is detected",
          "[protocol][crypto]") {
  const std::string data = R"({"a":1,"b":"测试"})";
  auto sig = sign_base64(signer(), data);
  REQUIRE(sig.ok());
  const auto pub = PublicKey::from_pem(signer().public_key_pem()).value();
  CHECK(verify_base64(pub, data, *sig).ok());
  CHECK(verify_base64_with_public_key(signer().public_key_pem(), data, *sig).ok());
  CHECK(verify_base64(pub, data + " ", *sig).error().code == Errc::bad_signature);
  const auto other = PrivateKey::generate_p256().value();
  CHECK(verify_base64_with_public_key(other.public_key_pem(), data, *sig).error().code ==
        Errc::bad_signature);
  std::string flipped = *sig;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  CHECK_FALSE(verify_base64(pub, data, flipped).ok());
}

TEST_CASE("malformed signatures are refused with a typed error", "[protocol][crypto]") {
  const auto pub = PublicKey::from_pem(signer().public_key_pem()).value();
  CHECK(verify_base64(pub, "x", "!!!!").error().code == Errc::invalid_base64);
  CHECK(verify_base64(pub, "x", "").error().code == Errc::bad_signature);
  CHECK(verify_base64(pub, "x", std::string(600, 'A')).error().code == Errc::bad_signature);
  CHECK(verify_base64(pub, "x", base64_encode("not DER")).error().code == Errc::bad_signature);
  CHECK(verify_base64_with_public_key("junk", "x", "AAAA").error().code == Errc::bad_pem);
}

TEST_CASE("only ECDSA P-256 keys are accepted", "[protocol][crypto]") {
  const std::string pem = p384_public_pem();
  CHECK(PublicKey::from_pem(pem).error().code == Errc::unsupported_key);
  CHECK(verify_base64_with_public_key(pem, "x", "AAAA").error().code == Errc::unsupported_key);
  CHECK(PrivateKey::from_pem(std::string(2 * 1024 * 1024, 'A')).error().code == Errc::bad_pem);
}

TEST_CASE("a private key round-trips through PEM and signs the same as before",
          "[protocol][crypto]") {
  const auto again = PrivateKey::from_pem(signer().to_pem()).value();
  CHECK(again.public_key_pem() == signer().public_key_pem());
  const auto der = again.sign("data").value();
  CHECK(PublicKey::from_pem(signer().public_key_pem()).value().verify("data", der));
  CHECK_FALSE(PublicKey::from_pem(signer().public_key_pem()).value().verify("dat", der));
}

TEST_CASE("a CSR carries the requested common name and needs one", "[protocol][crypto]") {
  auto csr = make_csr(signer(), "kiosk-042");
  REQUIRE(csr.ok());
  CHECK(csr->rfind("-----BEGIN CERTIFICATE REQUEST-----", 0) == 0);
  CHECK(make_csr(signer(), "").error().code == Errc::invalid_argument);
}

TEST_CASE("certificate serials compare in one canonical form", "[protocol][crypto]") {
  CHECK(normalise_serial("00ab") == "AB");
  CHECK(normalise_serial("0000") == "0");
  CHECK(normalise_serial("").empty());
  CHECK(normalise_serial("xyz").empty());
  CHECK(normalise_serial(std::string(41, '1')).empty());
}
