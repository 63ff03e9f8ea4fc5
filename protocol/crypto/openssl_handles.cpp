#include "protocol/crypto/openssl_handles.hpp"

#include <array>
#include <climits>

#include <openssl/core_names.h>
#include <openssl/err.h>

namespace kiosk::protocol::openssl {

std::string drain_errors(std::string_view what) {
  std::string message(what);
  unsigned long err = 0;
  bool first = true;
  while ((err = ERR_get_error()) != 0) {
    std::array<char, 256> buf{};
    ERR_error_string_n(err, buf.data(), buf.size());
    message += first ? ": " : "; ";
    message += buf.data();
    first = false;
  }
  return message;
}

Error error(Errc code, std::string_view what) {
  return Error{code, drain_errors(what)};
}

BioPtr memory_bio(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

std::string bio_to_string(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  if (len <= 0 || data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(len));
}

bool is_p256(const EVP_PKEY* key) {
  if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) return false;
  std::array<char, 64> group{};
  std::size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(),
                                     &len) != 1) {
    return false;
  }
  const std::string_view name(group.data(), len);
  return name == "prime256v1" || name == "P-256";
}

}  // namespace kiosk::protocol::openssl
