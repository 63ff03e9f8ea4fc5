#pragma once
// Owning pointers for OpenSSL objects, memory BIOs, the P-256 check, and the one place where
// OpenSSL's error queue becomes text. Shared by protocol/crypto and the office's PKI
// authority (central/pki), which maps the text into its own error type.

#include <memory>
#include <string>
#include <string_view>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "protocol/error.hpp"

namespace kiosk::protocol::openssl {

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

// Drains OpenSSL's thread-local error queue into "<what>: <reason>; <reason>".
std::string drain_errors(std::string_view what);
// The same as a protocol error.
Error error(Errc code, std::string_view what);

// A read-only memory BIO over `text` (valid while `text` lives); null when `text` is larger
// than OpenSSL's int lengths allow.
BioPtr memory_bio(std::string_view text);
// The contents of a memory BIO.
std::string bio_to_string(BIO* bio);

// True when `key` is an EC key on P-256 (the only curve the protocol accepts).
bool is_p256(const EVP_PKEY* key);

}  // namespace kiosk::protocol::openssl
