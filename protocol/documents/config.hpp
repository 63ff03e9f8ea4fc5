#pragma once
// The versioned kiosk configuration document the office signs and kiosks pull: services
// enabled, fees, opening message, technician credentials, retention policy, heartbeat
// interval. Pure values; the office authors and signs it (central/config).
//
// Wire form: a SignedDocument (protocol/documents/signed_document.hpp). The kiosk verifies the
// signature with the office certificate (which it checks against the office CA itself), then
// parses the payload strictly, then accepts it only when its version is higher than the one
// it runs (is_newer).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "protocol/api/service.hpp"
#include "protocol/documents/signed_document.hpp"
#include "protocol/documents/technician.hpp"

namespace kiosk::protocol {

// What each service costs the citizen, in fen (1 yuan = 100 fen).
struct FeeTable {
  std::int64_t renewal_fen = 1000;
  std::int64_t replace_lost_fen = 1000;
  std::int64_t replace_damaged_fen = 1000;
  std::int64_t info_query_fen = 0;
  std::int64_t fee(Service service) const;
  bool operator==(const FeeTable&) const = default;
};

struct ConfigDocument {
  std::int64_t version = 1;  // strictly increasing, >= 1
  std::string issued_at;     // RFC 3339 UTC, informational
  std::vector<Service> services_enabled{kAllServices.begin(), kAllServices.end()};
  FeeTable fees{};
  std::string opening_message_zh = "欢迎使用驾驶证自助服务";
  std::string opening_message_en = "Welcome to the driving-licence self-service kiosk";
  std::vector<TechnicianCredential> technicians;
  int retention_days = 30;        // personal data kept at most this long after sync (1..365)
  int heartbeat_interval_s = 60;  // 5..3600
  bool operator==(const ConfigDocument&) const = default;
};

using SignedConfig = SignedDocument;

inline constexpr std::size_t kMaxConfigBytes = 1024 * 1024;

// JSON of the document (keys: version, issued_at, services_enabled [names], fees
// {renewal, replace_lost, replace_damaged, info_query} in fen, opening_message {zh, en},
// technicians [{user, role, salt, iterations, hash}], retention_days, heartbeat_interval_s).
nlohmann::json to_json(const ConfigDocument& doc);
// Strict: unknown keys, missing keys, out-of-range values are invalid_document.
Result<ConfigDocument> config_from_json(const nlohmann::json& json);
// Canonical JSON text (protocol/encoding/canonical_json.hpp) of to_json(doc): what is signed.
std::string canonical_json(const ConfigDocument& doc);

// Verifies the signature over payload with `office_cert`, then parses the payload strictly.
// Errors: bad_signature, too_large, invalid_document.
Result<ConfigDocument> verify_config(const SignedConfig& signed_config,
                                     const Certificate& office_cert);
// Accepts at most kMaxConfigBytes of text. Errors: too_large, invalid_document.
Result<SignedConfig> signed_config_from_json(std::string_view text);

// True when `candidate` should replace the running configuration.
inline bool is_newer(const ConfigDocument& candidate, std::int64_t running_version) {
  return candidate.version > running_version;
}

}  // namespace kiosk::protocol
