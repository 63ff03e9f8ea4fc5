#include "central/pki/revocation.hpp"

#include <ctime>

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "central/pki/openssl_util.hpp"

namespace kiosk::central::pki {

using namespace detail;

namespace {

constexpr std::size_t kMaxCrlBytes = 4 * 1024 * 1024;

std::string asn1_to_hex(const ASN1_INTEGER* serial) {
  BnPtr bn(ASN1_INTEGER_to_BN(serial, nullptr));
  if (!bn) return {};
  char* hex = BN_bn2hex(bn.get());
  std::string out(hex);
  OPENSSL_free(hex);
  return normalise_serial(out);
}

}  // namespace

Result<std::string> build_crl(const CertifiedKey& ca,
                              const std::vector<std::string>& revoked_serials_hex,
                              const CrlOptions& options) {
  if (options.next_update_days <= 0)
    return make_error(Errc::invalid_argument, "next update must be in the future");
  X509CrlPtr crl(X509_CRL_new());
  if (!crl || X509_CRL_set_version(crl.get(), X509_CRL_VERSION_2) != 1 ||
      X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(ca.cert.get())) != 1) {
    return openssl_error(Errc::openssl, "new CRL");
  }
  const std::time_t now = options.this_update_unix != 0
                              ? static_cast<std::time_t>(options.this_update_unix)
                              : std::time(nullptr);
  Asn1TimePtr this_update(ASN1_TIME_set(nullptr, now));
  Asn1TimePtr next_update(ASN1_TIME_adj(nullptr, now, options.next_update_days, 0));
  if (!this_update || !next_update || X509_CRL_set1_lastUpdate(crl.get(), this_update.get()) != 1 ||
      X509_CRL_set1_nextUpdate(crl.get(), next_update.get()) != 1) {
    return openssl_error(Errc::openssl, "CRL times");
  }
  for (const auto& serial : revoked_serials_hex) {
    const std::string norm = normalise_serial(serial);
    if (norm.empty())
      return make_error(Errc::invalid_argument, "malformed serial number in revocation list");
    BIGNUM* raw = nullptr;
    if (BN_hex2bn(&raw, norm.c_str()) == 0)
      return openssl_error(Errc::invalid_argument, "serial number");
    BnPtr bn(raw);
    Asn1IntPtr asn(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    X509_REVOKED* entry = X509_REVOKED_new();
    if (!asn || entry == nullptr || X509_REVOKED_set_serialNumber(entry, asn.get()) != 1 ||
        X509_REVOKED_set_revocationDate(entry, this_update.get()) != 1 ||
        X509_CRL_add0_revoked(crl.get(), entry) != 1) {
      X509_REVOKED_free(entry);
      return openssl_error(Errc::openssl, "add revoked entry");
    }
  }
  Asn1IntPtr number(ASN1_INTEGER_new());
  if (!number || ASN1_INTEGER_set_int64(number.get(), options.crl_number) != 1 ||
      X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, number.get(), 0, 0) != 1) {
    return openssl_error(Errc::openssl, "CRL number");
  }
  X509_CRL_sort(crl.get());
  if (X509_CRL_sign(crl.get(), ca.key.get(), EVP_sha256()) <= 0)
    return openssl_error(Errc::openssl, "sign CRL");
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509_CRL(bio.get(), crl.get());
  return bio_to_string(bio.get());
}

Result<std::vector<std::string>> read_crl(std::string_view crl_pem, const Certificate& ca) {
  if (crl_pem.size() > kMaxCrlBytes) return make_error(Errc::bad_pem, "CRL too large");
  auto bio = memory_bio(crl_pem);
  X509CrlPtr crl(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
  if (!crl) return openssl_error(Errc::bad_pem, "read CRL PEM");
  if (X509_CRL_verify(crl.get(), ca.public_key()) != 1)
    return openssl_error(Errc::bad_signature, "CRL signature");
  std::vector<std::string> serials;
  STACK_OF(X509_REVOKED)* revoked = X509_CRL_get_REVOKED(crl.get());
  for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i) {
    serials.push_back(
        asn1_to_hex(X509_REVOKED_get0_serialNumber(sk_X509_REVOKED_value(revoked, i))));
  }
  return serials;
}

bool is_revoked(const Certificate& cert, const std::vector<std::string>& revoked_serials_hex) {
  const std::string mine = normalise_serial(cert.serial_hex());
  for (const auto& serial : revoked_serials_hex) {
    if (!mine.empty() && normalise_serial(serial) == mine) return true;
  }
  return false;
}

}  // namespace kiosk::central::pki
