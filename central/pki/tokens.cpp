#include "central/pki/tokens.hpp"

#include <openssl/crypto.h>

#include "protocol/crypto/sha256.hpp"
#include "protocol/crypto/signature.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/encoding/hex.hpp"

namespace kiosk::central::pki {

using protocol::base64_encode;
using protocol::hex_encode;
using protocol::random_bytes;
using protocol::sha256_hex;

std::string make_enrolment_token() {
  std::string token = base64_encode(random_bytes(32));
  for (char& c : token) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!token.empty() && token.back() == '=') token.pop_back();
  return token;
}

std::string make_salt() {
  return hex_encode(random_bytes(16));
}

std::string hash_token(std::string_view token, std::string_view salt) {
  std::string input;
  input.reserve(salt.size() + token.size());
  input.append(salt).append(token);
  return sha256_hex(input);
}

bool verify_token(std::string_view token, std::string_view salt, std::string_view expected_hash) {
  const std::string actual = hash_token(token, salt);
  return expected_hash.size() == actual.size() &&
         CRYPTO_memcmp(actual.data(), expected_hash.data(), actual.size()) == 0;
}

}  // namespace kiosk::central::pki
