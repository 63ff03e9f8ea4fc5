#pragma once
// Internal to kiosk_central_pki: owning pointers for OpenSSL objects and the one place where
// OpenSSL's error queue becomes a PkiError.

#include <memory>
#include <string>
#include <string_view>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "central/pki/errors.hpp"

namespace kiosk::central::pki::detail {

template <auto Fn>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Fn(p);
  }
};

using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using Asn1IntPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME_free>>;

// Drains OpenSSL's thread-local error queue into "<what>: <reason>".
PkiError openssl_error(Errc code, std::string_view what);

// A read-only memory BIO over `text` (valid while `text` lives).
BioPtr memory_bio(std::string_view text);
// The contents of a memory BIO.
std::string bio_to_string(BIO* bio);

// True when `key` is an EC key on P-256.
bool is_p256(const EVP_PKEY* key);

}  // namespace kiosk::central::pki::detail
