#pragma once
// Technician credentials as the office's configuration carries them and the kiosk checks
// them at the maintenance login: PBKDF2-HMAC-SHA256, 16-byte random salt, 32-byte key.
// kDefaultPbkdf2Iterations = 200 000 iterations (OWASP 2023 guidance is 600 000 for SHA-256;
// 200 000 keeps a kiosk's login check near 0.1 s on its small CPU while a leaked document
// still costs an attacker 200 000 HMACs per guess). Documents may carry 1 000 .. 10 000 000
// iterations per credential.
#include <string>
#include <string_view>

#include "protocol/error.hpp"

namespace kiosk::protocol {

inline constexpr int kDefaultPbkdf2Iterations = 200'000;
inline constexpr int kMinPbkdf2Iterations = 1'000;
inline constexpr int kMaxPbkdf2Iterations = 10'000'000;

struct TechnicianCredential {
  std::string user;                 // 1..64 chars
  std::string role = "technician";  // "technician" | "supervisor"
  std::string salt_b64;
  int iterations = kDefaultPbkdf2Iterations;
  std::string hash_b64;  // PBKDF2-HMAC-SHA256 output, 32 bytes
  bool operator==(const TechnicianCredential&) const = default;
};

bool is_valid_technician_role(std::string_view role);

// A credential with a fresh random salt (the office's configuration editor; kiosk tests).
// Errors: invalid_argument (empty user or password, unknown role, iterations out of range),
// crypto.
Result<TechnicianCredential> make_technician_credential(std::string_view user,
                                                        std::string_view password,
                                                        std::string_view role = "technician",
                                                        int iterations = kDefaultPbkdf2Iterations);
// Constant-time check of `password` against the credential (false on malformed credentials).
bool verify_technician_password(const TechnicianCredential& credential, std::string_view password);

}  // namespace kiosk::protocol
