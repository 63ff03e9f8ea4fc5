#include <sys/stat.h>

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <random>

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/pki/pki.hpp"

using namespace kiosk::central::pki;
namespace protocol = kiosk::protocol;
namespace fs = std::filesystem;

namespace {

const CertifiedKey& test_ca() {
  static const CertifiedKey ca = create_ca().value();
  return ca;
}

fs::path temp_dir(const char* name) {
  const fs::path dir = fs::temp_directory_path() /
                       (std::string("kiosk_pki_") + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777;
}

bool has_eku(const Certificate& cert, int nid) {
  const uint32_t flags = X509_get_extended_key_usage(cert.get());
  return nid == NID_client_auth ? (flags & XKU_SSL_CLIENT) != 0 : (flags & XKU_SSL_SERVER) != 0;
}

}  // namespace

TEST_CASE("the development CA is a self-signed P-256 CA valid for ten years", "[pki]") {
  const auto& ca = test_ca();
  CHECK(ca.cert.is_ca());
  CHECK(ca.cert.has_p256_key());
  CHECK(ca.cert.subject_cn() == "Kiosk24 Development CA");
  CHECK(ca.cert.issuer_cn() == ca.cert.subject_cn());
  CHECK(ca.cert.matches(ca.key));
  CHECK(verify_issued_by(ca.cert, ca.cert).ok());
  const auto years = (ca.cert.not_after_unix() - ca.cert.not_before_unix()) / (365 * 86400);
  CHECK(years == 10);
}

TEST_CASE("the server certificate names localhost and 127.0.0.1 and is for server auth", "[pki]") {
  auto server = create_server_certificate(test_ca());
  REQUIRE(server.ok());
  CHECK_FALSE(server->cert.is_ca());
  CHECK(server->cert.subject_cn() == "localhost");
  CHECK(verify_issued_by(server->cert, test_ca().cert).ok());
  CHECK(X509_check_host(server->cert.get(), "localhost", 0, 0, nullptr) == 1);
  CHECK(X509_check_ip_asc(server->cert.get(), "127.0.0.1", 0) == 1);
  CHECK(X509_check_host(server->cert.get(), "example.com", 0, 0, nullptr) != 1);
  CHECK(has_eku(server->cert, NID_server_auth));
}

TEST_CASE("a kiosk certificate carries the kiosk id as CN and client auth", "[pki]") {
  auto kiosk = create_kiosk_certificate(test_ca(), "kiosk-007");
  REQUIRE(kiosk.ok());
  CHECK(kiosk->cert.subject_cn() == "kiosk-007");
  CHECK(has_eku(kiosk->cert, NID_client_auth));
  CHECK(kiosk->cert.matches(kiosk->key));
  CHECK(verify_issued_by(kiosk->cert, test_ca().cert).ok());
  CHECK(create_kiosk_certificate(test_ca(), "").error().code == Errc::invalid_argument);
  CHECK(create_kiosk_certificate(test_ca(), "bad id/..").error().code == Errc::invalid_argument);
}

TEST_CASE("certificates get distinct random serial numbers", "[pki]") {
  auto a = create_kiosk_certificate(test_ca(), "k1");
  auto b = create_kiosk_certificate(test_ca(), "k1");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->cert.serial_hex() != b->cert.serial_hex());
  CHECK(a->cert.serial_hex().size() >= 16);
}

TEST_CASE("signing a CSR forces the enrolled kiosk id as CN", "[pki][enrol]") {
  auto key = PrivateKey::generate_p256();
  REQUIRE(key.ok());
  auto csr = make_csr(*key, "i-am-the-boss");
  REQUIRE(csr.ok());
  auto cert = sign_kiosk_csr(test_ca(), *csr, "kiosk-042");
  REQUIRE(cert.ok());
  CHECK(cert->subject_cn() == "kiosk-042");
  CHECK(cert->matches(*key));
  CHECK_FALSE(cert->is_ca());
  CHECK(has_eku(*cert, NID_client_auth));
  CHECK(verify_issued_by(*cert, test_ca().cert).ok());
}

TEST_CASE("a CSR whose self-signature does not verify is refused", "[pki][enrol]") {
  auto key = PrivateKey::generate_p256().value();
  std::string csr = make_csr(key, "kiosk").value();
  // Flip a character inside the base64 body, near the end where the signature lives.
  const auto end = csr.find("-----END");
  REQUIRE(end != std::string::npos);
  std::size_t pos = end - 10;
  while (csr[pos] == '\n' || csr[pos] == '=') --pos;
  csr[pos] = csr[pos] == 'A' ? 'B' : 'A';
  auto cert = sign_kiosk_csr(test_ca(), csr, "kiosk-1");
  REQUIRE_FALSE(cert.ok());
  CHECK(cert.error().code == Errc::bad_csr);
}

TEST_CASE("garbage, truncated and oversized CSRs are refused with bad_csr", "[pki][enrol]") {
  CHECK(sign_kiosk_csr(test_ca(), "", "k").error().code == Errc::bad_csr);
  CHECK(sign_kiosk_csr(test_ca(), "not a csr", "k").error().code == Errc::bad_csr);
  const std::string csr = make_csr(PrivateKey::generate_p256().value(), "k").value();
  CHECK(sign_kiosk_csr(test_ca(), csr.substr(0, csr.size() / 2), "k").error().code ==
        Errc::bad_csr);
  CHECK(sign_kiosk_csr(test_ca(), std::string(100000, 'A'), "k").error().code == Errc::bad_csr);
  std::mt19937 rng(7);
  for (int i = 0; i < 50; ++i) {
    std::string junk = "-----BEGIN CERTIFICATE REQUEST-----\n";
    for (int k = 0; k < 200; ++k) junk += static_cast<char>(rng() % 256);
    junk += "\n-----END CERTIFICATE REQUEST-----\n";
    CHECK_FALSE(sign_kiosk_csr(test_ca(), junk, "k").ok());
  }
  CHECK(sign_kiosk_csr(test_ca(), csr, "").error().code == Errc::invalid_argument);
}

TEST_CASE("a CSR with a non-P-256 key is refused", "[pki][enrol]") {
  EVP_PKEY* p384 = EVP_EC_gen("P-384");
  REQUIRE(p384 != nullptr);
  X509_REQ* req = X509_REQ_new();
  X509_NAME_add_entry_by_txt(X509_REQ_get_subject_name(req), "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("k"), -1, -1, 0);
  X509_REQ_set_pubkey(req, p384);
  X509_REQ_sign(req, p384, EVP_sha256());
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509_REQ(bio, req);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  const std::string pem(data, static_cast<std::size_t>(len));
  BIO_free(bio);
  X509_REQ_free(req);
  EVP_PKEY_free(p384);
  CHECK(sign_kiosk_csr(test_ca(), pem, "k").error().code == Errc::unsupported_key);
  CHECK(PrivateKey::from_pem(pem).error().code == protocol::Errc::bad_pem);
}

TEST_CASE("a certificate from another CA is not issued by ours", "[pki]") {
  auto other = create_ca({"Other CA", 365}).value();
  auto kiosk = create_kiosk_certificate(other, "kiosk-001").value();
  CHECK(verify_issued_by(kiosk.cert, test_ca().cert).error().code == protocol::Errc::not_issued_by);
}

TEST_CASE("keys and certificates round-trip through PEM", "[pki]") {
  auto kiosk = create_kiosk_certificate(test_ca(), "kiosk-rt").value();
  auto key = PrivateKey::from_pem(kiosk.key.to_pem());
  auto cert = Certificate::from_pem(kiosk.cert.to_pem());
  REQUIRE(key.ok());
  REQUIRE(cert.ok());
  CHECK(cert->matches(*key));
  CHECK(cert->fingerprint_sha256_hex() == kiosk.cert.fingerprint_sha256_hex());
  CHECK(cert->fingerprint_sha256_hex().size() == 64);
  CHECK(Certificate::from_pem("junk").error().code == protocol::Errc::bad_pem);
  CHECK(PrivateKey::from_pem("").error().code == protocol::Errc::bad_pem);
}

TEST_CASE("enrolment tokens verify once hashed and reject anything else", "[pki][token]") {
  const std::string token = make_enrolment_token();
  const std::string salt = make_salt();
  CHECK(token.size() == 43);
  CHECK(salt.size() == 32);
  CHECK(make_enrolment_token() != token);
  const std::string hash = hash_token(token, salt);
  CHECK(hash.size() == 64);
  CHECK(hash != hash_token(token, make_salt()));
  CHECK(verify_token(token, salt, hash));
  CHECK_FALSE(verify_token(token + "x", salt, hash));
  CHECK_FALSE(verify_token(token, salt + "0", hash));
  CHECK_FALSE(verify_token(token, salt, hash.substr(1)));
  CHECK_FALSE(verify_token("", salt, hash));
}

TEST_CASE("a CRL lists the revoked serials and is_revoked finds them", "[pki][revocation]") {
  auto a = create_kiosk_certificate(test_ca(), "kiosk-a").value();
  auto b = create_kiosk_certificate(test_ca(), "kiosk-b").value();
  std::string lower = a.cert.serial_hex();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::vector<std::string> revoked{"00" + lower};
  CHECK(is_revoked(a.cert, revoked));
  CHECK_FALSE(is_revoked(b.cert, revoked));
  auto crl = build_crl(test_ca(), revoked);
  REQUIRE(crl.ok());
  auto listed = read_crl(*crl, test_ca().cert);
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  CHECK(listed->front() == a.cert.serial_hex());
  auto other = create_ca({"Other CA", 365}).value();
  CHECK(read_crl(*crl, other.cert).error().code == Errc::bad_signature);
  CHECK(read_crl("junk", test_ca().cert).error().code == Errc::bad_pem);
  CHECK(build_crl(test_ca(), {"xyz"}).error().code == Errc::invalid_argument);
  CHECK(build_crl(test_ca(), {}).ok());
}

TEST_CASE("an office signature verifies only with the office certificate", "[pki][signing]") {
  auto office = create_office_certificate(test_ca()).value();
  const std::string data = R"({"a":1,"b":"测试"})";
  auto sig = sign_base64(office.key, data);
  REQUIRE(sig.ok());
  CHECK(verify_base64(office.cert, data, *sig).ok());
  CHECK(verify_base64(office.cert, data + " ", *sig).error().code == protocol::Errc::bad_signature);
  auto other = create_office_certificate(test_ca()).value();
  CHECK(verify_base64(other.cert, data, *sig).error().code == protocol::Errc::bad_signature);
}

TEST_CASE("pki init writes the dev PKI with private keys 0600 and is idempotent", "[pki][files]") {
  const fs::path dir = temp_dir("init");
  PkiInitOptions options;
  options.dev_kiosks = 2;
  auto first = pki_init(dir, options);
  REQUIRE(first.ok());
  CHECK(first->created_ca);
  for (const char* f :
       {"ca.pem", "ca.key", "server.pem", "server.key", "office.pem", "office.key",
        "kiosks/kiosk-dev-001.pem", "kiosks/kiosk-dev-001.key", "kiosks/kiosk-dev-002.key"}) {
    INFO(f);
    CHECK(fs::exists(dir / f));
  }
  CHECK(mode_of(dir / "ca.key") == 0600);
  CHECK(mode_of(dir / "kiosks/kiosk-dev-002.key") == 0600);
  CHECK(mode_of(dir / "ca.pem") == 0644);
  const std::string ca_before = read_text_file(dir / "ca.pem").value();

  auto second = pki_init(dir, options);
  REQUIRE(second.ok());
  CHECK_FALSE(second->created_ca);
  CHECK(second->written.empty());
  CHECK(read_text_file(dir / "ca.pem").value() == ca_before);

  // A lost kiosk certificate is re-created under the same CA.
  fs::remove(dir / "kiosks/kiosk-dev-002.pem");
  options.dev_kiosks = 3;
  auto third = pki_init(dir, options);
  REQUIRE(third.ok());
  CHECK(third->written.size() == 4);
  auto ca = read_certified_key(dir / "ca.pem", dir / "ca.key").value();
  auto kiosk = read_certificate(dir / "kiosks/kiosk-dev-003.pem").value();
  CHECK(kiosk.subject_cn() == "kiosk-dev-003");
  CHECK(verify_issued_by(kiosk, ca.cert).ok());
  CHECK(verify_issued_by(read_certificate(dir / "server.pem").value(), ca.cert).ok());
  fs::remove_all(dir);
}

TEST_CASE("pki init refuses to replace a CA whose key is missing", "[pki][files]") {
  const fs::path dir = temp_dir("nokey");
  REQUIRE(pki_init(dir, {}).ok());
  fs::remove(dir / "ca.key");
  auto again = pki_init(dir, {});
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == Errc::invalid_argument);
  CHECK(read_certified_key(dir / "ca.pem", dir / "server.key").error().code ==
        Errc::invalid_argument);
  CHECK(read_certificate(dir / "missing.pem").error().code == protocol::Errc::io);
  fs::remove_all(dir);
}
