#pragma once
// The protocol's one ECDSA P-256 key model: private keys (the kiosk's record signing key, the
// office's signing key), public keys (a kiosk's, from its certificate) and X.509
// certificates, with PEM in and out. Owning value types over OpenSSL's EVP_PKEY and X509:
// copies share the OpenSSL object (reference counted) and are immutable after construction,
// so sharing across threads is safe. Signatures are DER (X9.62 ECDSA-Sig-Value) over SHA-256.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "protocol/error.hpp"

typedef struct evp_pkey_st EVP_PKEY;  // NOLINT(modernize-use-using): OpenSSL's own spelling
typedef struct x509_st X509;          // NOLINT(modernize-use-using)

namespace kiosk::protocol {

// An ECDSA P-256 key pair (only that curve is accepted anywhere in the protocol).
class PrivateKey {
 public:
  // A fresh key from OpenSSL's CSPRNG. Errors: crypto.
  static Result<PrivateKey> generate_p256();
  // PKCS#8 or SEC1 PEM, unencrypted. Errors: bad_pem, unsupported_key (not P-256).
  static Result<PrivateKey> from_pem(std::string_view pem);

  // DER ECDSA signature over SHA-256(data). Errors: crypto.
  Result<std::string> sign(std::string_view data) const;
  std::string to_pem() const;          // PKCS#8 "PRIVATE KEY" PEM
  std::string public_key_pem() const;  // SubjectPublicKeyInfo "PUBLIC KEY" PEM
  EVP_PKEY* get() const { return key_.get(); }

 private:
  explicit PrivateKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

// An ECDSA P-256 public key, from a certificate or a SubjectPublicKeyInfo.
class PublicKey {
 public:
  // PEM "CERTIFICATE" or "PUBLIC KEY". Errors: bad_pem, unsupported_key.
  static Result<PublicKey> from_pem(std::string_view pem);
  // Takes its own reference; `cert` stays owned by the caller. Errors: bad_pem (null or no
  // usable key), unsupported_key.
  static Result<PublicKey> from_certificate(X509* cert);

  // True only if `der_signature` is a valid DER ECDSA signature over SHA-256(data).
  bool verify(std::string_view data, std::string_view der_signature) const;
  EVP_PKEY* get() const { return key_.get(); }

 private:
  explicit PublicKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

// An X.509 certificate.
class Certificate {
 public:
  // Errors: bad_pem.
  static Result<Certificate> from_pem(std::string_view pem);
  // Takes a reference on `cert` (the caller keeps its own).
  static Certificate from_x509(X509* cert);

  std::string to_pem() const;
  std::string subject_cn() const;  // empty when the subject has no CN
  std::string issuer_cn() const;
  std::string serial_hex() const;        // normalise_serial() form
  std::int64_t not_before_unix() const;  // seconds since the epoch, UTC
  std::int64_t not_after_unix() const;
  bool is_ca() const;                          // basicConstraints CA:TRUE
  std::string fingerprint_sha256_hex() const;  // lower-case hex of SHA-256 over the DER
  // The certificate's public key (owned by the certificate; do not free).
  EVP_PKEY* public_key() const;
  // True when the public key is ECDSA P-256.
  bool has_p256_key() const;
  // True when `key` is the private half of this certificate's public key.
  bool matches(const PrivateKey& key) const;
  X509* get() const { return cert_.get(); }

 private:
  explicit Certificate(std::shared_ptr<X509> cert) : cert_(std::move(cert)) {}
  std::shared_ptr<X509> cert_;
};

// A certificate with its private key: the CA, the server, a kiosk, the office signer.
struct CertifiedKey {
  Certificate cert;
  PrivateKey key;
};

// Canonical form of a hex certificate serial (upper case, no leading zeros, "0" for zero);
// empty when malformed (not 1..40 hex digits). Revocation lists compare serials in this form.
std::string normalise_serial(std::string_view serial_hex);

}  // namespace kiosk::protocol
