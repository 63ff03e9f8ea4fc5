#include "central/pki/tokens.hpp"

#include <openssl/crypto.h>

#include "central/pki/signing.hpp"

namespace kiosk::central::pki {

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
