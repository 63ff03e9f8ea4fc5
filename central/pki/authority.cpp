#include "central/pki/authority.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "central/pki/openssl_util.hpp"

namespace kiosk::central::pki {

using namespace detail;

namespace {

constexpr std::size_t kMaxCsrBytes = 64 * 1024;
// Certificates start an hour in the past so a kiosk whose clock is slightly behind accepts them.
constexpr long kBackdateSeconds = 3600;

struct Subject {
  std::string common_name;
  std::string organisation;
};

struct Extension {
  int nid;
  std::string value;
};

Status add_name(X509_NAME* name, const Subject& subject) {
  auto add = [&](const char* field, const std::string& value) {
    return value.empty() ||
           X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1,
                                      0) == 1;
  };
  if (!add("O", subject.organisation) || !add("CN", subject.common_name)) {
    return openssl_error(Errc::invalid_argument, "set subject name");
  }
  return Done{};
}

Status set_random_serial(X509* cert) {
  BnPtr bn(BN_new());
  // 127 random bits with the top bit clear: positive, at most 16 bytes DER, never zero in practice.
  do {
    if (!bn || BN_rand(bn.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1) {
      return openssl_error(Errc::openssl, "random serial");
    }
  } while (BN_is_zero(bn.get()));
  if (BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)) == nullptr) {
    return openssl_error(Errc::openssl, "set serial");
  }
  return Done{};
}

// Issues a certificate for `public_key`. `issuer` null means self-signed with `issuer_key`.
Result<Certificate> issue(const Subject& subject, EVP_PKEY* public_key, const Certificate* issuer,
                          const PrivateKey& issuer_key, int days,
                          const std::vector<Extension>& extensions) {
  if (days <= 0) return make_error(Errc::invalid_argument, "validity days must be positive");
  if (subject.common_name.empty()) return make_error(Errc::invalid_argument, "empty common name");
  X509Ptr cert(X509_new());
  if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
    return openssl_error(Errc::openssl, "new certificate");
  if (auto s = set_random_serial(cert.get()); !s) return s.error();
  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) == nullptr ||
      X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, 0, nullptr) == nullptr) {
    return openssl_error(Errc::openssl, "set validity");
  }
  if (auto s = add_name(X509_get_subject_name(cert.get()), subject); !s) return s.error();
  X509* issuer_cert = issuer != nullptr ? issuer->get() : cert.get();
  if (X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer_cert)) != 1 ||
      X509_set_pubkey(cert.get(), public_key) != 1) {
    return openssl_error(Errc::openssl, "set issuer or key");
  }
  for (const auto& ext : extensions) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer_cert, cert.get(), nullptr, nullptr, 0);
    X509_EXTENSION* e = X509V3_EXT_conf_nid(nullptr, &ctx, ext.nid, ext.value.c_str());
    if (e == nullptr) return openssl_error(Errc::invalid_argument, "extension " + ext.value);
    const int added = X509_add_ext(cert.get(), e, -1);
    X509_EXTENSION_free(e);
    if (added != 1) return openssl_error(Errc::openssl, "add extension");
  }
  if (X509_sign(cert.get(), issuer_key.get(), EVP_sha256()) <= 0)
    return openssl_error(Errc::openssl, "sign certificate");
  return Certificate::from_x509(cert.get());
}

std::vector<Extension> leaf_extensions(std::string key_usage, std::string eku) {
  std::vector<Extension> ext{{NID_basic_constraints, "critical,CA:FALSE"},
                             {NID_key_usage, std::move(key_usage)},
                             {NID_subject_key_identifier, "hash"},
                             {NID_authority_key_identifier, "keyid:always"}};
  if (!eku.empty()) ext.push_back({NID_ext_key_usage, std::move(eku)});
  return ext;
}

}  // namespace

bool is_valid_kiosk_id(std::string_view kiosk_id) {
  if (kiosk_id.empty() || kiosk_id.size() > 64) return false;
  for (char c : kiosk_id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<CertifiedKey> create_ca(const CaOptions& options) {
  auto key = PrivateKey::generate_p256();
  if (!key) return from_protocol(key.error());
  const std::vector<Extension> ext{{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                                   {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                   {NID_subject_key_identifier, "hash"},
                                   {NID_authority_key_identifier, "keyid:always"}};
  auto cert = issue({options.common_name, "Kiosk24"}, key->get(), nullptr, *key, options.days, ext);
  if (!cert) return cert.error();
  return CertifiedKey{std::move(cert).value(), std::move(key).value()};
}

Result<CertifiedKey> create_server_certificate(const CertifiedKey& ca,
                                               const ServerCertOptions& options) {
  if (options.dns_names.empty())
    return make_error(Errc::invalid_argument, "a server certificate needs a DNS name");
  std::string san;
  for (const auto& dns : options.dns_names) san += (san.empty() ? "DNS:" : ",DNS:") + dns;
  for (const auto& ip : options.ip_addresses) san += ",IP:" + ip;
  auto key = PrivateKey::generate_p256();
  if (!key) return from_protocol(key.error());
  auto ext = leaf_extensions("critical,digitalSignature", "serverAuth");
  ext.push_back({NID_subject_alt_name, san});
  auto cert = issue({options.dns_names.front(), "Kiosk24"}, key->get(), &ca.cert, ca.key,
                    options.days, ext);
  if (!cert) return cert.error();
  return CertifiedKey{std::move(cert).value(), std::move(key).value()};
}

Result<CertifiedKey> create_kiosk_certificate(const CertifiedKey& ca, std::string_view kiosk_id,
                                              int days) {
  if (!is_valid_kiosk_id(kiosk_id)) return make_error(Errc::invalid_argument, "malformed kiosk id");
  auto key = PrivateKey::generate_p256();
  if (!key) return from_protocol(key.error());
  auto cert = issue({std::string(kiosk_id), "Kiosk24 kiosk"}, key->get(), &ca.cert, ca.key, days,
                    leaf_extensions("critical,digitalSignature", "clientAuth"));
  if (!cert) return cert.error();
  return CertifiedKey{std::move(cert).value(), std::move(key).value()};
}

Result<CertifiedKey> create_office_certificate(const CertifiedKey& ca, std::string_view common_name,
                                               int days) {
  auto key = PrivateKey::generate_p256();
  if (!key) return from_protocol(key.error());
  auto cert = issue({std::string(common_name), "Kiosk24 office"}, key->get(), &ca.cert, ca.key,
                    days, leaf_extensions("critical,digitalSignature", ""));
  if (!cert) return cert.error();
  return CertifiedKey{std::move(cert).value(), std::move(key).value()};
}

Result<Certificate> sign_kiosk_csr(const CertifiedKey& ca, std::string_view csr_pem,
                                   std::string_view kiosk_id, int days) {
  if (!is_valid_kiosk_id(kiosk_id)) return make_error(Errc::invalid_argument, "malformed kiosk id");
  if (csr_pem.empty() || csr_pem.size() > kMaxCsrBytes)
    return make_error(Errc::bad_csr, "CSR empty or too large");
  auto bio = memory_bio(csr_pem);
  X509ReqPtr req(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
  if (!req) return openssl_error(Errc::bad_csr, "read CSR PEM");
  EVP_PKEY* pub = X509_REQ_get0_pubkey(req.get());
  if (pub == nullptr) return openssl_error(Errc::bad_csr, "CSR has no usable public key");
  if (!is_p256(pub)) return make_error(Errc::unsupported_key, "CSR key is not ECDSA P-256");
  if (X509_REQ_verify(req.get(), pub) != 1)
    return openssl_error(Errc::bad_csr, "CSR self-signature does not verify");
  return issue({std::string(kiosk_id), "Kiosk24 kiosk"}, pub, &ca.cert, ca.key, days,
               leaf_extensions("critical,digitalSignature", "clientAuth"));
}

}  // namespace kiosk::central::pki
