#pragma once
// AES-256-GCM sealing of personal data at rest (OpenSSL EVP).
//
// Sealed form: nonce (12 random bytes) || ciphertext || tag (16 bytes). A fresh random nonce
// per call; with at most a few million seals per key the collision risk of random 96-bit
// nonces is negligible. The associated data binds a ciphertext to its context (the journal
// uses transaction id + step name), so a ciphertext moved to another row fails to open.
// All functions are thread-safe and never throw.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "firmware/crypto/error.hpp"

namespace kiosk::crypto {

using DataKey = std::array<std::uint8_t, 32>;

inline constexpr std::size_t kNonceBytes = 12;
inline constexpr std::size_t kTagBytes = 16;

// Errors: openssl.
Result<std::string> seal(const DataKey& key, std::string_view plaintext,
                         std::string_view associated_data);

// Errors: malformed (too short), authentication_failed (tampered, wrong key or wrong
// associated data), openssl.
Result<std::string> open(const DataKey& key, std::string_view sealed,
                         std::string_view associated_data);

// The journal's associated data for a step's personal data: "<txn>\n<step>".
std::string step_associated_data(std::string_view txn, std::string_view step);

// Fills `out` from the OS CSPRNG (OpenSSL RAND_bytes). Errors: openssl.
Result<Done> random_bytes(std::uint8_t* out, std::size_t size);

}  // namespace kiosk::crypto
