#include "protocol/documents/technician.hpp"

#include <optional>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "protocol/crypto/signature.hpp"
#include "protocol/encoding/base64.hpp"

namespace kiosk::protocol {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::optional<std::string> pbkdf2(std::string_view password, std::string_view salt,
                                  int iterations) {
  std::string out(kHashBytes, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(out.size()),
                        reinterpret_cast<unsigned char*>(out.data())) != 1) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

bool is_valid_technician_role(std::string_view role) {
  return role == "technician" || role == "supervisor";
}

Result<TechnicianCredential> make_technician_credential(std::string_view user,
                                                        std::string_view password,
                                                        std::string_view role, int iterations) {
  if (user.empty() || user.size() > 64)
    return make_error(Errc::invalid_argument, "user name must be 1..64 bytes");
  if (password.empty() || password.size() > 1024)
    return make_error(Errc::invalid_argument, "password must be 1..1024 bytes");
  if (!is_valid_technician_role(role))
    return make_error(Errc::invalid_argument, "role must be technician or supervisor");
  if (iterations < kMinPbkdf2Iterations || iterations > kMaxPbkdf2Iterations) {
    return make_error(Errc::invalid_argument, "iterations out of range");
  }
  const std::string salt = random_bytes(kSaltBytes);
  auto hash = pbkdf2(password, salt, iterations);
  if (!hash) return make_error(Errc::crypto, "PBKDF2 failed");
  return TechnicianCredential{std::string(user), std::string(role), base64_encode(salt), iterations,
                              base64_encode(*hash)};
}

bool verify_technician_password(const TechnicianCredential& c, std::string_view password) {
  if (c.iterations < kMinPbkdf2Iterations || c.iterations > kMaxPbkdf2Iterations) return false;
  if (password.empty()) return false;  // no credential is made for one
  auto salt = base64_decode(c.salt_b64);
  auto expected = base64_decode(c.hash_b64);
  if (!salt || !expected || expected->size() != kHashBytes) return false;
  auto actual = pbkdf2(password, *salt, c.iterations);
  return actual && CRYPTO_memcmp(actual->data(), expected->data(), kHashBytes) == 0;
}

}  // namespace kiosk::protocol
