#pragma once
// The sync library's closed error type and Result (kiosk_sync).
//
// Result<T> is the project's one Expected (protocol/expected.hpp) with SyncError; Result<Done>
// for operations without a value.
//
// Which code a failure gets is decided in one place (errors.cpp): curl codes by
// from_curl_code(), HTTP answers by from_http_answer(). Messages never hold personal data
// (they name routes, statuses and API codes only).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/expected.hpp"

namespace kiosk::sync {

using protocol::Done;

enum class Errc {
  unreachable,       // connection refused, no route, DNS, connection reset before an answer
  timeout,           // connect or request timeout
  tls,               // handshake refused (bad/unknown client or server certificate, protocol)
  circuit_open,      // the circuit breaker refuses online calls for now (failed fast)
  rejected,          // a 4xx answer: http_status, api_code (+ expected_sequence) tell why
  server,            // a 5xx answer (internal, not_implemented, unavailable)
  invalid_response,  // 2xx/304 whose body is not the JSON the API promises, or too large
  invalid_argument,  // the caller passed something the API cannot carry (bad key, bad id)
  outbox,            // the OutboxSource failed (reported by SyncEngine)
  cancelled,         // the caller's cancel flag stopped the transfer (SyncEngine::stop)
  internal,          // libcurl could not be set up, or an unexpected local failure
};

std::string_view to_string(Errc code);

struct SyncError {
  Errc code = Errc::internal;
  std::string message;
  int http_status = 0;                             // rejected / server: the HTTP status
  std::string api_code;                            // rejected / server: body error.code, if any
  std::optional<std::uint64_t> expected_sequence;  // sequence_gap / broken_chain
  int curl_code = 0;                               // unreachable / timeout / tls: CURLcode

  // True when trying the same request again later may succeed (network, 5xx, busy,
  // idempotency_in_progress, circuit_open). Decision answers (4xx) are final.
  bool retryable() const;
};

template <typename T>
using Result = protocol::Expected<T, SyncError>;

SyncError make_error(Errc code, std::string message);

// What the transport knows about a failed libcurl transfer.
struct CurlFailure {
  int curl_code = 0;                // CURLcode
  bool response_too_large = false;  // our write callback aborted (max_response_bytes)
  std::string detail;               // libcurl's error buffer
  // A new connection whose TLS handshake completed (client side), with a client certificate
  // offered, closed by the office before any answer: TLS 1.3 verifies the client
  // certificate after the client's Finished, so a refused certificate looks like this.
  bool closed_after_handshake = false;
};

// The one place that maps libcurl's failures to a SyncError.
SyncError from_curl_failure(const CurlFailure& failure, std::string_view route);
// Shorthand for a bare code.
inline SyncError from_curl_code(int curl_code, std::string_view route) {
  return from_curl_failure(CurlFailure{curl_code, false, {}, false}, route);
}

// The one place that maps a non-2xx HTTP answer: 4xx -> rejected, 5xx -> server, others ->
// invalid_response; api_code and expected_sequence read from {"error": {...}} when present.
SyncError from_http_answer(int http_status, std::string_view body, std::string_view route);

}  // namespace kiosk::sync
