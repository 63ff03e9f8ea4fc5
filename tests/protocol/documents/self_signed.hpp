#pragma once
// A self-signed P-256 certificate made with OpenSSL directly, so that the protocol's document
// tests need no certificate authority (the office's is central/pki, tested there).
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <string>

#include "protocol/crypto/keys.hpp"

namespace protocol_test {

inline kiosk::protocol::CertifiedKey self_signed(const std::string& common_name) {
  auto key = kiosk::protocol::PrivateKey::generate_p256().value();
  X509* cert = X509_new();
  X509_set_version(cert, X509_VERSION_3);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509_set_issuer_name(cert, name);
  X509_set_pubkey(cert, key.get());
  X509_sign(cert, key.get(), EVP_sha256());
  auto certificate = kiosk::protocol::Certificate::from_x509(cert);
  X509_free(cert);
  return {std::move(certificate), std::move(key)};
}

}  // namespace protocol_test
