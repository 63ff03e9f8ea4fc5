#pragma once
// SHA-256 and ECDSA P-256 (DER signatures over SHA-256) as the sync protocol uses them.
// Keys are immutable and may be shared between threads.
#include <memory>
#include <string>
#include <string_view>

#include "central/wire/expected.hpp"

typedef struct evp_pkey_st EVP_PKEY;  // NOLINT: OpenSSL's own forward declaration
typedef struct x509_st X509;          // NOLINT

namespace kiosk::central::wire {

// Raw 32-byte digest, and its lowercase hex form (64 characters).
std::string sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(std::string_view bytes);

// An ECDSA P-256 private key.
class PrivateKey {
 public:
  // PEM "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY"; refuses any other algorithm or curve.
  static Expected<PrivateKey> from_pem(std::string_view pem);
  // A fresh random key (tests, enrolment CSRs).
  static Expected<PrivateKey> generate();

  // DER ECDSA signature over SHA-256(data).
  Expected<std::string> sign(std::string_view data) const;
  std::string to_pem() const;          // PKCS#8
  std::string public_key_pem() const;  // SubjectPublicKeyInfo
  EVP_PKEY* native() const { return key_.get(); }

 private:
  explicit PrivateKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

// An ECDSA P-256 public key, from a certificate or a SubjectPublicKeyInfo.
class PublicKey {
 public:
  // PEM "CERTIFICATE" or "PUBLIC KEY"; refuses any other algorithm or curve.
  static Expected<PublicKey> from_pem(std::string_view pem);
  // Takes its own reference; `cert` stays owned by the caller.
  static Expected<PublicKey> from_certificate(X509* cert);

  // True only if `der_signature` is a valid DER ECDSA signature over SHA-256(data).
  bool verify(std::string_view data, std::string_view der_signature) const;
  EVP_PKEY* native() const { return key_.get(); }

 private:
  explicit PublicKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

}  // namespace kiosk::central::wire
