#include "protocol/crypto/keys.hpp"

#include <array>
#include <ctime>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "protocol/crypto/openssl_handles.hpp"
#include "protocol/encoding/hex.hpp"

namespace kiosk::protocol {

using namespace openssl;

namespace {

// Far above any key or certificate we use; bounds what untrusted PEM costs to parse.
constexpr std::size_t kMaxPemBytes = 1024 * 1024;
// An ECDSA P-256 DER signature is at most 72 bytes; anything much larger is not one of ours.
constexpr std::size_t kMaxDerSignature = 256;

std::shared_ptr<EVP_PKEY> share(EVP_PKEY* key) {
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}
std::shared_ptr<X509> share(X509* cert) {
  return std::shared_ptr<X509>(cert, X509_free);
}

BioPtr pem_bio(std::string_view pem) {
  return pem.size() > kMaxPemBytes ? nullptr : memory_bio(pem);
}

// One ECDSA P-256 key read from PEM by `read` (PEM_read_bio_PrivateKey, PEM_read_bio_PUBKEY);
// `what` ("private key", "public key") names it in the errors: bad_pem, unsupported_key.
using PemKeyReader = EVP_PKEY* (*)(BIO*, EVP_PKEY**, pem_password_cb*, void*);
Result<std::shared_ptr<EVP_PKEY>> read_p256_pem(std::string_view pem, PemKeyReader read,
                                                const std::string& what) {
  auto bio = pem_bio(pem);
  if (!bio) return make_error(Errc::bad_pem, what + " PEM too large");
  EVP_PKEY* key = read(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) return openssl::error(Errc::bad_pem, "read " + what + " PEM");
  auto owned = share(key);
  if (!is_p256(key)) return make_error(Errc::unsupported_key, what + " is not ECDSA P-256");
  return owned;
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
  if (key == nullptr) return openssl::error(Errc::crypto, "generate P-256 key");
  return PrivateKey(share(key));
}

Result<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
  auto key = read_p256_pem(pem, PEM_read_bio_PrivateKey, "private key");
  if (!key) return key.error();
  return PrivateKey(std::move(*key));
}

Result<std::string> PrivateKey::sign(std::string_view data) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1) {
    return openssl::error(Errc::crypto, "sign init");
  }
  std::size_t len = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &len, in, data.size()) != 1)
    return openssl::error(Errc::crypto, "sign size");
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in,
                     data.size()) != 1) {
    return openssl::error(Errc::crypto, "sign");
  }
  sig.resize(len);
  return sig;
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

Result<PublicKey> PublicKey::from_pem(std::string_view pem) {
  if (pem.find("-----BEGIN CERTIFICATE-----") != std::string_view::npos) {
    auto cert = Certificate::from_pem(pem);
    if (!cert) return cert.error();
    return from_certificate(cert->get());
  }
  auto key = read_p256_pem(pem, PEM_read_bio_PUBKEY, "public key");
  if (!key) return key.error();
  return PublicKey(std::move(*key));
}

Result<PublicKey> PublicKey::from_certificate(X509* cert) {
  if (cert == nullptr) return make_error(Errc::bad_pem, "no certificate");
  EVP_PKEY* key = X509_get_pubkey(cert);  // new reference
  if (key == nullptr) return openssl::error(Errc::bad_pem, "certificate has no usable public key");
  auto owned = share(key);
  if (!is_p256(key)) return make_error(Errc::unsupported_key, "certificate key is not ECDSA P-256");
  return PublicKey(std::move(owned));
}

bool PublicKey::verify(std::string_view data, std::string_view der_signature) const {
  if (der_signature.empty() || der_signature.size() > kMaxDerSignature) return false;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1) {
    ERR_clear_error();
    return false;
  }
  const bool ok =
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(der_signature.data()),
                       der_signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size()) == 1;
  // A bad signature leaves a reason on the queue; it is an answer here, not an error.
  ERR_clear_error();
  return ok;
}

Result<Certificate> Certificate::from_pem(std::string_view pem) {
  auto bio = pem_bio(pem);
  if (!bio) return make_error(Errc::bad_pem, "certificate PEM too large");
  X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  if (cert == nullptr) return openssl::error(Errc::bad_pem, "read certificate PEM");
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

std::string normalise_serial(std::string_view serial_hex) {
  if (serial_hex.empty() || serial_hex.size() > 40) return {};
  std::string out;
  for (char c : serial_hex) {
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    const bool hex = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    if (!hex) return {};
    if (out.empty() && c == '0') continue;
    out += c;
  }
  return out.empty() ? "0" : out;
}

}  // namespace kiosk::protocol
