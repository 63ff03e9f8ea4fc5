#pragma once
// The sync API (docs/sync-protocol.md) as plain request -> response, independent of HTTP and
// TLS: the HTTPS glue (https_server.hpp) authenticates the peer and calls Api::handle.
//
// Contract: Api::handle is thread-safe and never throws; storage failures become 503/500 with
// a JSON error body. Logs name kiosks, routes and codes, never payloads or personal data.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "central/store/store.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/wire/record.hpp"

namespace kiosk::central::server {

// Who is calling, from the verified client certificate.
struct Identity {
  enum class Kind { none, kiosk, office_operator };
  Kind kind = Kind::none;
  std::string id;                          // certificate CN (kiosk id, or "admin.<name>")
  std::string serial_hex;                  // certificate serial: upper-case hex, no leading zeros
  std::optional<protocol::PublicKey> key;  // the certificate's public key (verifies records)
};

struct Request {
  std::string method;  // "GET" | "POST"
  std::string path;    // without query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  Identity identity;
};

struct Response {
  int status = 200;
  std::string body;  // JSON text (empty for 304)
};

// Builds an error response {"error": {"code", "message"[, "expected_sequence"]}}.
Response error_response(int status, std::string_view code, std::string_view message,
                        std::optional<std::uint64_t> expected_sequence = std::nullopt);
Response json_response(int status, const nlohmann::json& body);

// What a decision route sees besides its body.
struct Context {
  store::Store& store;
  const Identity& identity;
  std::int64_t now;  // unix seconds
};

// The office's domain backends (registry, face matcher, payment acquirer, PKI, configuration).
// Every method answers 501 not_implemented unless overridden; DomainServices
// (domain_services.hpp) wires the reference implementations. Overrides must be thread-safe.
// Routes that change state are already deduplicated by Idempotency-Key when these are called.
class OfficeServices {
 public:
  virtual ~OfficeServices() = default;
  virtual Response enrol(const Context& ctx, const nlohmann::json& request);
  virtual Response eligibility(const Context& ctx, const nlohmann::json& request);
  virtual Response face_match(const Context& ctx, const nlohmann::json& request);
  virtual Response create_payment(const Context& ctx, const nlohmann::json& request,
                                  const std::string& key);
  virtual Response charge_payment(const Context& ctx, const std::string& order_id,
                                  const nlohmann::json& request);
  virtual Response get_payment(const Context& ctx, const std::string& order_id);
  // Compare-and-set: cancels only a `created` order (a charge that lands later is refused).
  virtual Response cancel_payment(const Context& ctx, const std::string& order_id,
                                  const nlohmann::json& request);
  virtual Response refund_payment(const Context& ctx, const std::string& order_id,
                                  const nlohmann::json& request);
  virtual Response authorise_issuance(const Context& ctx, const nlohmann::json& request);
  virtual Response reissue_elicence(const Context& ctx, const nlohmann::json& request);
  // The signed configuration newer than `have` (304 when none is newer).
  virtual Response config(const Context& ctx, std::optional<std::int64_t> have);
};

struct ApiOptions {
  wire::Limits limits{};
  std::int64_t idempotency_stale_after_s = 60;
  std::function<std::int64_t()> now;  // unix seconds; defaults to the system clock
};

class Api {
 public:
  Api(store::Store& store, std::shared_ptr<OfficeServices> services, ApiOptions options = {});
  Response handle(const Request& request) noexcept;
  const ApiOptions& options() const { return options_; }

 private:
  Response dispatch(const Request& request);
  Response upload_events(const Request& request);
  Response ack(const Request& request);
  Response heartbeat(const Request& request);
  Response fleet(const Request& request);
  // Runs `act` once per (kiosk, method + path, Idempotency-Key); replays its answer afterwards.
  Response idempotent(const Request& request,
                      const std::function<Response(const nlohmann::json&)>& act);
  Response authorise(const Request& request, bool operator_route);
  void remember_kiosk(const Identity& identity, std::int64_t now);
  std::int64_t now() const;

  store::Store& store_;
  std::shared_ptr<OfficeServices> services_;
  ApiOptions options_;
  std::mutex known_mutex_;
  std::map<std::string, std::string> known_;  // kiosk id -> serial already recorded
};

// RFC 3339 UTC for a unix time.
std::string rfc3339(std::int64_t unix_seconds);

}  // namespace kiosk::central::server
