#include "central/pki/keys.hpp"

#include <array>
#include <ctime>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "central/pki/openssl_util.hpp"
#include "central/pki/revocation.hpp"
#include "central/pki/signing.hpp"

namespace kiosk::central::pki {

using namespace detail;

namespace {

std::shared_ptr<EVP_PKEY> share(EVP_PKEY* key) {
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}
std::shared_ptr<X509> share(X509* cert) {
  return std::shared_ptr<X509>(cert, X509_free);
}

std::string name_cn(const X509_NAME* name) {
  if (name == nullptr) return {};
  const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (index < 0) return {};
  const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  unsigned char* utf8 = nullptr;
  const int len = ASN1_STRING_to_UTF8(&utf8, data);
  if (len < 0) return {};
  std::string out(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return out;
}

std::int64_t to_unix(const ASN1_TIME* t) {
  std::tm tm{};
  if (t == nullptr || ASN1_TIME_to_tm(t, &tm) != 1) return 0;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

Result<PrivateKey> PrivateKey::generate_p256() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (key == nullptr) return openssl_error(Errc::openssl, "generate P-256 key");
  return PrivateKey(share(key));
}

Result<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) return openssl_error(Errc::bad_pem, "read private key PEM");
  auto owned = share(key);
  if (!is_p256(key)) return make_error(Errc::unsupported_key, "private key is not ECDSA P-256");
  return PrivateKey(std::move(owned));
}

std::string PrivateKey::to_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return bio_to_string(bio.get());
}

std::string PrivateKey::public_key_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PUBKEY(bio.get(), key_.get());
  return bio_to_string(bio.get());
}

Result<Certificate> Certificate::from_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  if (cert == nullptr) return openssl_error(Errc::bad_pem, "read certificate PEM");
  return Certificate(share(cert));
}

Certificate Certificate::from_x509(X509* cert) {
  X509_up_ref(cert);
  return Certificate(share(cert));
}

std::string Certificate::to_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert_.get());
  return bio_to_string(bio.get());
}

std::string Certificate::subject_cn() const {
  return name_cn(X509_get_subject_name(cert_.get()));
}
std::string Certificate::issuer_cn() const {
  return name_cn(X509_get_issuer_name(cert_.get()));
}

std::string Certificate::serial_hex() const {
  BnPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert_.get()), nullptr));
  if (!bn) return {};
  char* hex = BN_bn2hex(bn.get());
  std::string out(hex);
  OPENSSL_free(hex);
  // The canonical form used for revocation lists: no leading zeros.
  return normalise_serial(out);
}

std::int64_t Certificate::not_before_unix() const {
  return to_unix(X509_get0_notBefore(cert_.get()));
}
std::int64_t Certificate::not_after_unix() const {
  return to_unix(X509_get0_notAfter(cert_.get()));
}

bool Certificate::is_ca() const {
  return (X509_get_extension_flags(cert_.get()) & EXFLAG_CA) != 0;
}

std::string Certificate::fingerprint_sha256_hex() const {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  X509_digest(cert_.get(), EVP_sha256(), md.data(), &len);
  return hex_encode(std::string_view(reinterpret_cast<const char*>(md.data()), len));
}

EVP_PKEY* Certificate::public_key() const {
  return X509_get0_pubkey(cert_.get());
}

bool Certificate::has_p256_key() const {
  return is_p256(public_key());
}

bool Certificate::matches(const PrivateKey& key) const {
  const EVP_PKEY* pub = public_key();
  return pub != nullptr && EVP_PKEY_eq(pub, key.get()) == 1;
}

}  // namespace kiosk::central::pki
