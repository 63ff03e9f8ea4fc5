#include "central/wire/crypto.hpp"

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <array>
#include <cstring>

namespace kiosk::central::wire {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key) {
  return {key, EVP_PKEY_free};
}

BioPtr memory_bio(std::string_view data) {
  if (data.size() > 1 << 20) return nullptr;
  return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

bool is_p256(EVP_PKEY* key) {
  if (key == nullptr || EVP_PKEY_is_a(key, "EC") != 1) return false;
  std::array<char, 64> group{};
  std::size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(),
                                     &len) != 1) {
    return false;
  }
  return std::strcmp(group.data(), "prime256v1") == 0;
}

std::string bio_string(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string();
}

}  // namespace

const char* to_string(Errc code) {
  switch (code) {
    case Errc::malformed_json:
      return "malformed_json";
    case Errc::invalid_record:
      return "invalid_record";
    case Errc::invalid_batch:
      return "invalid_batch";
    case Errc::too_large:
      return "too_large";
    case Errc::invalid_base64:
      return "invalid_base64";
    case Errc::bad_key:
      return "bad_key";
    case Errc::crypto:
      return "crypto";
  }
  return "unknown";
}

std::string sha256(std::string_view data) {
  std::array<unsigned char, 32> md{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(md.data()), 32);
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  return to_hex(sha256(data));
}

Expected<PrivateKey> PrivateKey::from_pem(std::string_view pem) {
  BioPtr bio = memory_bio(pem);
  if (!bio) return make_error(Errc::bad_key, "private key PEM too large");
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  auto owned = own(key);
  if (key == nullptr) return make_error(Errc::bad_key, "unreadable private key PEM");
  if (!is_p256(key)) return make_error(Errc::bad_key, "private key is not ECDSA P-256");
  return PrivateKey(std::move(owned));
}

Expected<PrivateKey> PrivateKey::generate() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (key == nullptr) return make_error(Errc::crypto, "EC key generation failed");
  return PrivateKey(own(key));
}

Expected<std::string> PrivateKey::sign(std::string_view data) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1) {
    return make_error(Errc::crypto, "signature init failed");
  }
  std::size_t len = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &len, in, data.size()) != 1) {
    return make_error(Errc::crypto, "signature size failed");
  }
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in,
                     data.size()) != 1) {
    return make_error(Errc::crypto, "signing failed");
  }
  sig.resize(len);
  return sig;
}

std::string PrivateKey::to_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return bio_string(bio.get());
}

std::string PrivateKey::public_key_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PUBKEY(bio.get(), key_.get());
  return bio_string(bio.get());
}

Expected<PublicKey> PublicKey::from_pem(std::string_view pem) {
  if (pem.find("-----BEGIN CERTIFICATE-----") != std::string_view::npos) {
    BioPtr bio = memory_bio(pem);
    if (!bio) return make_error(Errc::bad_key, "certificate PEM too large");
    X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (cert == nullptr) return make_error(Errc::bad_key, "unreadable certificate PEM");
    auto result = from_certificate(cert);
    X509_free(cert);
    return result;
  }
  BioPtr bio = memory_bio(pem);
  if (!bio) return make_error(Errc::bad_key, "public key PEM too large");
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  auto owned = own(key);
  if (key == nullptr) return make_error(Errc::bad_key, "unreadable public key PEM");
  if (!is_p256(key)) return make_error(Errc::bad_key, "public key is not ECDSA P-256");
  return PublicKey(std::move(owned));
}

Expected<PublicKey> PublicKey::from_certificate(X509* cert) {
  if (cert == nullptr) return make_error(Errc::bad_key, "no certificate");
  EVP_PKEY* key = X509_get_pubkey(cert);  // new reference
  auto owned = own(key);
  if (key == nullptr) return make_error(Errc::bad_key, "certificate has no usable public key");
  if (!is_p256(key)) return make_error(Errc::bad_key, "certificate key is not ECDSA P-256");
  return PublicKey(std::move(owned));
}

bool PublicKey::verify(std::string_view data, std::string_view der_signature) const {
  if (der_signature.empty() || der_signature.size() > 256) return false;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(der_signature.data()),
                          der_signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                          data.size()) == 1;
}

}  // namespace kiosk::central::wire
