#pragma once
// The versioned kiosk configuration document the office signs and kiosks pull
// (kiosk_central_config): services enabled, fees, opening message, technician credentials,
// retention policy, heartbeat interval. Pure values + OpenSSL; no storage, no HTTP.
//
// Wire form (SignedConfig JSON): {"payload": "<canonical JSON of the document>",
//                                 "signature": "<base64 DER ECDSA P-256/SHA-256>"}
// The kiosk verifies the signature with the office certificate (which it checks against the
// office CA itself), then parses the payload strictly, then accepts it only when its version
// is higher than the one it runs (is_newer).
//
// Technician credentials are PBKDF2-HMAC-SHA256, 16-byte random salt, 32-byte key,
// kDefaultPbkdf2Iterations = 200 000 iterations (OWASP 2023 guidance is 600 000 for
// SHA-256; 200 000 keeps a kiosk's login check near 0.1 s on its small CPU while a leaked
// document still costs an attacker 200 000 HMACs per guess). Documents may carry 1 000 ..
// 10 000 000 iterations per credential.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "central/pki/keys.hpp"
#include "central/registry/eligibility.hpp"

namespace kiosk::central::config {

enum class Errc {
  bad_json,          // not JSON, unknown/missing field, wrong type, out-of-range value
  bad_signature,     // the signature does not verify with the office certificate
  invalid_argument,  // empty user name / password, iterations out of range
  crypto,            // an OpenSSL call failed
};

std::string_view to_string(Errc code);

struct ConfigError {
  Errc code = Errc::bad_json;
  std::string message;
};

template <typename T>
using Result = Expected<T, ConfigError>;

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

// A credential with a fresh random salt. Errors: invalid_argument, crypto.
Result<TechnicianCredential> make_technician_credential(std::string_view user,
                                                        std::string_view password,
                                                        std::string_view role = "technician",
                                                        int iterations = kDefaultPbkdf2Iterations);
// Constant-time check of `password` against the credential (false on malformed credentials).
bool verify_technician_password(const TechnicianCredential& credential, std::string_view password);

struct ConfigDocument {
  std::int64_t version = 1;  // strictly increasing, >= 1
  std::string issued_at;     // RFC 3339 UTC, informational
  std::vector<registry::Service> services_enabled{
      registry::Service::renewal, registry::Service::replace_lost,
      registry::Service::replace_damaged, registry::Service::info_query};
  registry::FeeTable fees{};
  std::string opening_message_zh = "欢迎使用驾驶证自助服务";
  std::string opening_message_en = "Welcome to the driving-licence self-service kiosk";
  std::vector<TechnicianCredential> technicians;
  int retention_days = 30;        // personal data kept at most this long after sync (1..365)
  int heartbeat_interval_s = 60;  // 5..3600
  bool operator==(const ConfigDocument&) const = default;

  // The registry policy this document implies (fees, disabled services).
  registry::Policy policy() const;
};

// JSON of the document (keys: version, issued_at, services_enabled [names], fees
// {renewal, replace_lost, replace_damaged, info_query} in fen, opening_message {zh, en},
// technicians [{user, role, salt, iterations, hash}], retention_days, heartbeat_interval_s).
nlohmann::json to_json(const ConfigDocument& doc);
// Strict: unknown keys, missing keys, out-of-range values are bad_json.
Result<ConfigDocument> config_from_json(const nlohmann::json& json);
// Canonical JSON text (pki/canonical.hpp) of to_json(doc).
std::string canonical_json(const ConfigDocument& doc);

struct SignedConfig {
  std::string payload;        // canonical JSON of the document
  std::string signature_b64;  // office signature over payload
};

// Errors: crypto.
Result<SignedConfig> sign_config(const ConfigDocument& doc, const pki::PrivateKey& office_key);
// Verifies the signature over payload with `office_cert`, then parses the payload strictly.
// Errors: bad_signature, bad_json.
Result<ConfigDocument> verify_config(const SignedConfig& signed_config,
                                     const pki::Certificate& office_cert);

nlohmann::json to_json(const SignedConfig& signed_config);
// Accepts at most 1 MiB of text. Errors: bad_json.
Result<SignedConfig> signed_config_from_json(std::string_view text);

// True when `candidate` should replace the running configuration.
inline bool is_newer(const ConfigDocument& candidate, std::int64_t running_version) {
  return candidate.version > running_version;
}

}  // namespace kiosk::central::config
