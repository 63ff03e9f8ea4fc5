#include "firmware/crypto/wipe.hpp"

#include <openssl/crypto.h>

namespace kiosk::crypto {

void secure_wipe(void* data, std::size_t size) {
  if (data != nullptr && size > 0) OPENSSL_cleanse(data, size);
}

void secure_wipe(std::string& s) {
  secure_wipe(s.data(), s.size());
  s.clear();
}

void secure_wipe(std::vector<std::uint8_t>& v) {
  secure_wipe(v.data(), v.size());
  v.clear();
}

}  // namespace kiosk::crypto
