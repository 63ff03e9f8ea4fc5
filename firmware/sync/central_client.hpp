#pragma once
// CentralClient: the kiosk side of the sync API (docs/sync-protocol.md, docs/sync-api.yaml)
// over HTTPS with mutual TLS 1.3 (libcurl). Thread-safe: calls may run concurrently (a small
// pool of curl easy handles, each keeping its connection alive).
//
// Contract
// * Every call first asks the shared CircuitBreaker; while it is open the call fails at once
//   with Errc::circuit_open. An answer from the office (2xx, 304, 4xx) is a breaker success;
//   unreachable / timeout / tls / 5xx / invalid_response are breaker failures.
// * Routes that change state take an idempotency key (1..128 of [A-Za-z0-9._:-]), sent as
//   the Idempotency-Key header; an invalid key is Errc::invalid_argument without a request.
//   Retrying with the same key and the same arguments is always safe.
// * Errors (errors.hpp): unreachable, timeout, tls, circuit_open, rejected{http_status,
//   api_code, expected_sequence}, server{http_status, api_code}, invalid_response.
// * Answers are bounded (max_response_bytes) and checked for the fields the API promises;
//   the office's signatures (configuration, issuance authorisation) are verified when
//   office_cert_file is set (the office certificate is first checked against ca_file).
// * Nothing here logs request or response bodies (they may hold personal data).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/sync/circuit_breaker.hpp"
#include "firmware/sync/errors.hpp"
#include "protocol/documents/config.hpp"
#include "protocol/wire/record.hpp"

namespace kiosk::sync {

namespace detail {
class CurlTransport;
}

struct CentralEndpoint {
  std::string base_url;                      // "https://127.0.0.1:8443"
  std::string ca_file, cert_file, key_file;  // PEM files; cert/key empty: no client certificate
  std::chrono::milliseconds connect_timeout{2000}, request_timeout{5000};
  std::string office_cert_file;   // office signing certificate (config, issuance); optional
  std::string pinned_public_key;  // central's TLS key, "sha256//<base64>" (curl's form); optional
  std::size_t max_response_bytes = 4 * 1024 * 1024;
};

struct Ack {
  std::uint64_t acknowledged_seq = 0;  // highest contiguous sequence the office holds
  std::uint64_t stored = 0;            // records of this batch that were new
};

struct AckPosition {
  std::uint64_t acknowledged_seq = 0;
  std::string last_hash;  // hash of record acknowledged_seq (64 zeros when 0)
};

struct Enrolment {
  std::string certificate_pem;
  std::string ca_pem;
  std::string key_pem;  // only from enrol_with_new_key()
};

struct FaceMatchResult {
  bool match = false;
  int score_permille = 0;  // 0..1000
};

// A payment order as the office shows it ({"order", "qr"[, "outcome"]}).
struct PaymentView {
  std::string order_id;
  std::string state;  // created | paid | declined | unknown | refunded | cancelled
  std::int64_t amount_fen = 0;
  std::string qr;        // "kiosk24pay://order/<id>?amount=<fen>"
  std::string outcome;   // charge only: approved | declined | timeout
  nlohmann::json order;  // the full payment Order JSON
};

struct IssuanceGrant {
  std::string authorisation_id;
  nlohmann::json authorisation;         // registry authorisation JSON
  nlohmann::json signed_authorisation;  // {"payload", "signature"} by the office
};

struct ConfigUpdate {
  protocol::ConfigDocument document;  // verified, version > have
  protocol::SignedConfig signed_config;
};

class CentralClient {
 public:
  // `breaker` null: the client makes its own (defaults). Share one breaker between the
  // clients that reach the same office.
  explicit CentralClient(CentralEndpoint endpoint,
                         std::shared_ptr<CircuitBreaker> breaker = nullptr);
  ~CentralClient();
  CentralClient(const CentralClient&) = delete;
  CentralClient& operator=(const CentralClient&) = delete;

  // POST /v1/enrol (needs no client certificate): one-time token + CSR -> certificate.
  Result<Enrolment> enrol(const std::string& kiosk_id, const std::string& token,
                          const std::string& csr_pem);
  // Same with a fresh ECDSA P-256 key (returned in key_pem) and its CSR.
  Result<Enrolment> enrol_with_new_key(const std::string& kiosk_id, const std::string& token);

  // The background calls (SyncEngine) take an optional cancel flag: when it becomes true the
  // transfer is aborted (Errc::cancelled) so that stop() is prompt.

  // POST /v1/events (1..1000 records of this kiosk, consecutive seq).
  Result<Ack> upload_events(const std::vector<protocol::wire::Record>& records,
                            const std::atomic<bool>* cancel = nullptr);
  // GET /v1/events/ack
  Result<AckPosition> acknowledged_position(const std::atomic<bool>* cancel = nullptr);

  // POST /v1/decisions/eligibility, request {"id_number", "service"}; answer {"decision",
  // "licence"} (both objects; checked). 404 not_found: no licence on record (rejected).
  Result<nlohmann::json> eligibility(const nlohmann::json& request, const std::string& key);
  // POST /v1/decisions/face-match: the capture as PNG bytes (sent base64).
  Result<FaceMatchResult> face_match(const std::string& id_number,
                                     const std::vector<std::uint8_t>& capture_png,
                                     const std::string& key);
  // POST /v1/payments (201).
  Result<PaymentView> create_payment(std::int64_t amount_fen, const std::string& description,
                                     const std::string& key);
  // POST /v1/payments/{id}/charge
  Result<PaymentView> charge_payment(const std::string& order_id, const std::string& payment_code,
                                     const std::string& key);
  // GET /v1/payments/{id} (resolves an `unknown` order)
  Result<PaymentView> payment_status(const std::string& order_id);
  // POST /v1/payments/{id}/cancel: only a `created` order (409 not_chargeable otherwise).
  Result<PaymentView> cancel_payment(const std::string& order_id, const std::string& key);
  // POST /v1/payments/{id}/refund
  Result<PaymentView> refund(const std::string& order_id, const std::string& key);
  // POST /v1/issuances, request {"id_number", "service", "order_id"?} (201). 402
  // payment_required and 409 not_eligible are rejected errors.
  Result<IssuanceGrant> authorise_issuance(const nlohmann::json& request, const std::string& key);
  // POST /v1/elicence/reissue (201): the re-issue record.
  Result<nlohmann::json> reissue_elicence(const std::string& authorisation_id,
                                          const std::string& key);
  // GET /v1/config?have=N: nullopt when the kiosk is up to date (304); else the verified
  // document, only if its version > have_version (an older one is invalid_response).
  // Needs office_cert_file (invalid_argument otherwise). 404: none published (rejected).
  Result<std::optional<ConfigUpdate>> fetch_config(std::int64_t have_version,
                                                   const std::atomic<bool>* cancel = nullptr);
  // POST /v1/heartbeat; answer: the office's server_time.
  Result<std::string> heartbeat(const nlohmann::json& status,
                                const std::atomic<bool>* cancel = nullptr);

  // Asks the office whether it answers (GET /v1/events/ack), past an open breaker; an answer
  // closes the breaker at once, so citizens are served again as soon as central is back,
  // not when the breaker's open period ends. True when it answered.
  bool probe(const std::atomic<bool>* cancel = nullptr);

  CircuitBreaker& breaker() { return *breaker_; }
  const CentralEndpoint& endpoint() const { return endpoint_; }

 private:
  struct Answer {
    int status = 0;
    nlohmann::json body;  // parsed object (null for 304)
  };
  // The single path every route takes: breaker, transport, status check, JSON parse.
  Result<Answer> call(const std::string& method, const std::string& path, const std::string& body,
                      const std::string* idempotency_key, std::initializer_list<int> accepted,
                      const std::atomic<bool>* cancel = nullptr);
  Result<PaymentView> payment_call(const std::string& method, const std::string& order_id,
                                   const std::string& action, const std::string* key,
                                   const nlohmann::json& body);

  CentralEndpoint endpoint_;
  std::shared_ptr<CircuitBreaker> breaker_;
  std::unique_ptr<detail::CurlTransport> transport_;
};

}  // namespace kiosk::sync
