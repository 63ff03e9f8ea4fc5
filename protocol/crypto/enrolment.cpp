#include "protocol/crypto/enrolment.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "protocol/crypto/openssl_handles.hpp"

namespace kiosk::protocol {

using namespace openssl;

Result<std::string> make_csr(const PrivateKey& key, std::string_view common_name) {
  if (common_name.empty()) return make_error(Errc::invalid_argument, "empty common name");
  X509ReqPtr req(X509_REQ_new());
  if (!req || X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1)
    return openssl::error(Errc::crypto, "new CSR");
  const std::string cn(common_name);
  if (X509_NAME_add_entry_by_txt(X509_REQ_get_subject_name(req.get()), "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1,
                                 0) != 1) {
    return openssl::error(Errc::invalid_argument, "set subject name");
  }
  if (X509_REQ_set_pubkey(req.get(), key.get()) != 1 ||
      X509_REQ_sign(req.get(), key.get(), EVP_sha256()) <= 0) {
    return openssl::error(Errc::crypto, "sign CSR");
  }
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509_REQ(bio.get(), req.get());
  return bio_to_string(bio.get());
}

Status verify_issued_by(const Certificate& cert, const Certificate& ca) {
  if (X509_check_issued(ca.get(), cert.get()) != X509_V_OK) {
    return make_error(Errc::not_issued_by, "issuer name or key identifier does not match the CA");
  }
  if (X509_verify(cert.get(), ca.public_key()) != 1) {
    return openssl::error(Errc::not_issued_by,
                          "certificate signature does not verify with the CA key");
  }
  return Done{};
}

}  // namespace kiosk::protocol
