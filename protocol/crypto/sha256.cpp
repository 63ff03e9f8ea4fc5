#include "protocol/crypto/sha256.hpp"

#include <openssl/evp.h>

#include <array>

#include "protocol/encoding/hex.hpp"

namespace kiosk::protocol {

std::string sha256(std::string_view data) {
  std::array<unsigned char, 32> md{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(md.data()), md.size());  // NOLINT
}

std::string sha256_hex(std::string_view data) {
  return hex_encode(sha256(data));
}

}  // namespace kiosk::protocol
