#pragma once
// One-time enrolment tokens. The technician gets the token; the server stores only
// (salt, hash_token(token, salt)) and marks it used after one successful enrolment.
// Tokens carry 256 random bits, so one round of SHA-256 over salt||token is enough (a slow
// KDF protects low-entropy secrets such as passwords: see central/config for those).

#include <string>
#include <string_view>

namespace kiosk::central::pki {

// 32 bytes from OpenSSL's CSPRNG as base64url without padding (43 characters).
std::string make_enrolment_token();
// 16 random bytes, lower-case hex (32 characters).
std::string make_salt();
// Lower-case hex SHA-256 of salt || token (64 characters).
std::string hash_token(std::string_view token, std::string_view salt);
// Constant-time comparison of hash_token(token, salt) with `expected_hash`.
bool verify_token(std::string_view token, std::string_view salt, std::string_view expected_hash);

}  // namespace kiosk::central::pki
